#!/usr/bin/python3
"""Checks that two builds of ibid parse reference strings the same way.

  /usr/bin/python3 bench/same_refparse.py BASELINE/ibid.so [--show N]

Calls ibid_parse_reference on every reference string the project has at hand,
with this tree's ibid.so and with BASELINE, and reports each string whose
CSL-JSON differs (a speed-up of the reference parser must leave all equal):

  - ../shared/eval/anystyle/core.xml and good.xml: each <sequence> as the
    scorer reads it (segments joined by single spaces) and as
    bench/bench_refparse.c reads it (tags replaced by spaces);
  - ../shared/eval/grobid/citation/ (corpus and evaluation): the text of each
    <bibl>;
  - the lines of ../shared/eval/anystyle/finder/, tests/refs/, tests/corpus/
    and tests/footnotes/, and the strings of tests/gold/refparse/corpus.jsonl;
  - variants of every string, so that rare paths are compared too: cut at a
    character, upper-cased, lower-cased, and with
    the words in reverse order.

Prints the number of strings compared and of differences; exits 1 on any.
"""
import glob, json, os, random, re, sqlite3, sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, '..', 'shared', 'eval')


def connect(extension):
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(extension)
    return db


def anystyle_strings(path):
    with open(path, encoding='utf-8') as f:
        data = f.read()
    for sequence in ET.fromstring(data).iter('sequence'):
        yield ' '.join((child.text or '').strip() for child in sequence)
    # as bench_refparse.c reads it: tags become spaces, newlines vanish
    for match in re.finditer(r'<sequence>(.*?)</sequence>', data, re.S):
        yield re.sub(r'<[^>]*>', ' ', match.group(1)).replace('\n', '')


def grobid_strings(folder):
    for path in sorted(glob.glob(os.path.join(folder, '**', '*.xml'), recursive=True)):
        try:
            tree = ET.parse(path)
        except ET.ParseError:
            continue
        for element in tree.iter():
            if element.tag.rsplit('}', 1)[-1] == 'bibl':
                yield ' '.join(''.join(element.itertext()).split())


def lines_of(folder, pattern='*'):
    for path in sorted(glob.glob(os.path.join(folder, '**', pattern), recursive=True)):
        if not os.path.isfile(path) or os.path.getsize(path) > 2_000_000:
            continue
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
        except UnicodeDecodeError:
            continue
        for line in text.split('\n'):
            if '|' in line and path.endswith('.ttx'):
                line = line.split('|', 1)[1]
            if 3 <= len(line.encode('utf-8')) <= 2000:
                yield line


def strings():
    """Every string once, in a fixed order."""
    seen = set()
    anystyle = os.path.join(EVAL, 'anystyle')
    sources = [anystyle_strings(os.path.join(anystyle, name)) for name in ('core.xml', 'good.xml')]
    sources.append(grobid_strings(os.path.join(EVAL, 'grobid', 'citation')))
    sources.append(lines_of(os.path.join(anystyle, 'finder')))
    for folder in ('refs', 'corpus', 'footnotes'):
        sources.append(lines_of(os.path.join(ROOT, 'tests', folder), '*.txt'))
    with open(os.path.join(ROOT, 'tests', 'gold', 'refparse', 'corpus.jsonl'), encoding='utf-8') as f:
        sources.append([json.loads(line)['text'] for line in f if line.strip()])
    for source in sources:
        for text in source:
            if text not in seen:
                seen.add(text)
                yield text


def variants(text, rng):
    """The string, then strings derived from it."""
    yield text
    if len(text) > 2:
        yield text[:rng.randrange(1, len(text))]
    yield text.upper()
    yield text.lower()
    yield ' '.join(reversed(text.split()))


def parse(db, text):
    try:
        return db.execute('select ibid_parse_reference(?1)', (text,)).fetchone()[0]
    except sqlite3.Error as error:
        return 'error: %s' % error


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    show = 5
    if '--show' in args:
        at = args.index('--show')
        show = int(args[at + 1])
        del args[at:at + 2]
    this, baseline = connect(os.path.join(ROOT, 'ibid')), connect(args[0])
    rng = random.Random(9)
    compared = differ = sources = 0
    for text in strings():
        sources += 1
        for data in variants(text, rng):
            a, b = (parse(db, data) for db in (this, baseline))
            compared += 1
            if a != b:
                differ += 1
                if differ <= show:
                    print('differs: %r\n  this:     %s\n  baseline: %s' % (data, a, b))
    print('%d strings compared (%d from the sources, %d variants), %d differ' %
          (compared, sources, compared - sources, differ))
    sys.exit(1 if differ else 0)


if __name__ == '__main__':
    main()
