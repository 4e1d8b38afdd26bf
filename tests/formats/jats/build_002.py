#!/usr/bin/python3
"""Builds 002_article.xml, a JATS 1.2 rendering of tests/corpus/002 (a journal
article extracted from PDF, author-year citations), from the seed itself:

- the text is the seed's paragraphs as ibid_clean joins them (run with the
  extension built: `make`), verbatim; headings, figure captions and the
  findings tables (short "§" lines) are marked up by the rules below, read
  off the seed by hand;
- every parenthesis that holds a year is wrapped in <xref ref-type="bibr">
  (its text as printed);
- the seed prints no reference list: <ref-list> holds one element-citation
  per work its author-year citations name (hand-checked in
  tests/gold/cites/002.tsv), with the only fields the seed gives: the author
  (organizations as <collab>, persons as <surname>) and the year with its
  letter ("2005a"). Interviews and damaged citations are left out.
It also writes tests/gold/xml/jats_002_references.tsv from the same cite gold.

Run from the repository root: /usr/bin/python3 tests/formats/jats/build_002.py
"""
import html, os, re, sqlite3, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SEED = os.path.join(ROOT, 'tests', 'corpus', '002_d1db321f321bc449.txt')
CITES = os.path.join(ROOT, 'tests', 'gold', 'cites', '002.tsv')
OUT = os.path.join(ROOT, 'tests', 'formats', 'jats', '002_article.xml')
GOLD = os.path.join(ROOT, 'tests', 'gold', 'xml', 'jats_002_references.tsv')

SECTION = re.compile(r'^(Introduction|Case (study )?\d: The .*|Balance and conclusion)$')
QUESTION = re.compile(r'^Q\d: .*\?$')
FIGURE = re.compile(r'^(Figure \d+)\. (.*)$')
# Authors of the citations that are organizations (by reading the seed).
ORGANIZATIONS = {'UNSC', 'OTP to UNSC', 'HRC', 'HRW', 'ICRtoP', 'CoI-Darfur', 'SOHR',
                 'Assembly of the AU', 'Permanent Mission of Netherlands to UN'}


def esc(text):
    return html.escape(text, quote=False)


def with_citations(text):
    """Escapes text and wraps each parenthesis holding a year in an xref."""
    out, last = [], 0
    for m in re.finditer(r'\(([^()]*\b(1[89]|20)\d\d[^()]*)\)', text):
        out.append(esc(text[last:m.start()]))
        out.append('(<xref ref-type="bibr">%s</xref>)' % esc(m.group(1)))
        last = m.end()
    out.append(esc(text[last:]))
    return ''.join(out)


def works():
    """(authors, year, suffix) of every work the cite gold names, sorted."""
    found = set()
    with open(CITES, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cells = line.rstrip('\n').split('\t') + [''] * 9
            authors, year, suffix, problem = cells[2], cells[3], cells[4], cells[8]
            if problem or not authors or not year or 'diplomat' in authors or authors == 'HRWa':
                continue
            found.add((authors, year, suffix))
    return sorted(found, key=lambda w: (w[0].lower(), w[1], w[2]))


def people(authors):
    return [p.strip() for p in re.split(r' & | and ', authors)]


def citation(authors, year, suffix):
    if authors in ORGANIZATIONS:
        group = '<collab>%s</collab>' % esc(authors)
    else:
        group = ''.join('<name><surname>%s</surname></name>' % esc(p) for p in people(authors))
    return ('<element-citation><person-group person-group-type="author">%s</person-group>'
            '<year>%s%s</year></element-citation>' % (group, year, suffix))


def main():
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, 'ibid'))
    with open(SEED, encoding='utf-8') as f:
        clean = db.execute('SELECT ibid_clean(?)', (f.read(),)).fetchone()[0]
    blocks = [b.strip() for b in clean.split('\n\n') if b.strip()]
    title, abstract_heading, abstract = blocks[0], blocks[1], blocks[2]
    assert abstract_heading == 'Abstract'
    body = []
    open_sections = 0
    in_case = False
    in_figure = False
    for block in blocks[3:]:
        figure = FIGURE.match(block)
        prose = len(block) >= 200 or (not block.startswith(('§', 'ü', 'Q', 'Case', 'Balance'))
                                      and len(block) > 60)
        if in_figure and (prose or SECTION.match(block) or FIGURE.match(block)):
            body.append('</fig>')
            in_figure = False
        if SECTION.match(block):
            body.append('</sec>' * open_sections)
            open_sections = 1
            in_case = block.startswith('Case')
            body.append('<sec><title>%s</title>' % esc(block))
        elif QUESTION.match(block) and in_case:
            if open_sections == 2:
                body.append('</sec>')
            open_sections = 2
            body.append('<sec><title>%s</title>' % esc(block))
        elif QUESTION.match(block):
            body.append('<list list-type="simple"><list-item><p>%s</p></list-item></list>' % esc(block))
        elif figure:
            body.append('<fig><label>%s</label><caption><title>%s</title></caption>'
                        '<graphic xlink:href="figure%s.png"/>' % (esc(figure.group(1)), esc(figure.group(2)),
                                                                  figure.group(1).split()[-1]))
            in_figure = True
        else:
            body.append('<p>%s</p>' % with_citations(block))
    if in_figure:
        body.append('</fig>')
    body.append('</sec>' * open_sections)
    references = []
    gold = ['# Generated by tests/formats/jats/build_002.py from tests/gold/cites/002.tsv (hand-checked):',
            '# label\tauthors (family or literal, "|" between)\tyear\tsuffix']
    for i, (authors, year, suffix) in enumerate(works(), 1):
        label = 'ref%d' % i
        references.append('<ref id="%s">%s</ref>' % (label, citation(authors, year, suffix)))
        names = authors if authors in ORGANIZATIONS else '|'.join(people(authors))
        gold.append('\t'.join((label, names, year, suffix)))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">',
           '<!-- Generated by tests/formats/jats/build_002.py from tests/corpus/002; do not edit. -->',
           '<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" dtd-version="1.2">',
           '<front><article-meta><title-group><article-title>%s</article-title></title-group>' % esc(title),
           '<abstract><p>%s</p></abstract></article-meta></front>' % esc(abstract),
           '<body>'] + body + ['</body>', '<back><ref-list><title>References</title>'] + references + [
           '</ref-list></back>', '</article>']
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    with open(GOLD, 'w', encoding='utf-8') as f:
        f.write('\n'.join(gold) + '\n')
    print('wrote %s (%d references)' % (OUT, len(references)))


if __name__ == '__main__':
    main()
