"""Author-year cites linked to the entries of the document's own reference list, scored on
the project's own papers (tests/refs/links/authoryear/dev for development, heldout scored
only): English APA, Harvard and Chicago author-date, German, French and Spanish styles.

Each document NAME.txt or NAME.html has a NAME.gold: a line "=<TAB>first words" for each
entry of its reference list, in order (entry 1, 2, ...), and a line "cite<TAB>entry" for each
cite occurrence of the body, in text order: the cite's text as printed ("Smith, 2010, p. 23",
"Smith (2010a)"; a space stands for any white space, a line break too) and the 1-based entry
it names, 0 when its work is not in the list.

A document is loaded alone into `documents` (a fresh database, so no other document's works
take part). Entry k is the refs row of the document's list whose text starts with its first
words; a gold cite is the cites row of the body whose span overlaps it most. A cite is linked
when its work_id is the work_id of one of the list's refs rows; it is right when that is the
gold entry's row. Precision: right / linked (cites of the body, the gold's 0 cites
included); recall: right / gold cites whose work is in the list."""
import glob, os, re, unicodedata
from ibidtest import connect, print_scores, ROOT

AUTHORYEAR = os.path.join(ROOT, 'tests', 'refs', 'links', 'authoryear')
LANGUAGES = {'en': 'English', 'de': 'German', 'fr': 'French', 'es': 'Spanish'}


def squash(text):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', text)).strip()


def read_gold(path):
    entries, cites = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            left, right = line.rstrip('\n').split('\t')
            if left == '=':
                entries.append(squash(right))
            else:
                cites.append((left, int(right)))
    return entries, cites


def score_document(path, verbose=True):
    """(gold cites in the list, cites linked to an entry, linked right)."""
    entries, gold = read_gold(path.rsplit('.', 1)[0] + '.gold')
    db = connect()
    db.execute('SELECT ibid_init()')
    with open(path, 'rb') as f:
        db.execute('INSERT INTO documents(path, raw) VALUES (?, ?)', (path, f.read()))
    document, body = db.execute('SELECT id, body FROM documents').fetchone()
    refs = db.execute('SELECT start, text, work_id FROM refs WHERE document_id = ? AND note IS NULL '
                      'ORDER BY start', (document,)).fetchall()
    list_works = {work for _, _, work in refs if work is not None}
    entry_work = {}
    for k, first in enumerate(entries, 1):
        for start, text, work in refs:
            if squash(text).startswith(first) and work is not None:
                entry_work[k] = work
                break
    # the body: the text before the list's first entry (cites of the list itself are no cites)
    cutoff = body.rfind(entries[0][:20]) if entries else len(body)
    cites = [(start - 1, start - 1 + length, work) for start, length, work in db.execute(
        'SELECT start, length, work_id FROM cites WHERE document_id = ? ORDER BY start',
        (document,)) if start - 1 < cutoff]
    name = os.path.basename(path)
    position, used, right = 0, set(), 0
    linked = sum(1 for _, _, work in cites if work in list_works)
    for text, entry in gold:
        # a space of the gold stands for any white space (a cite broken over lines)
        found = re.compile(r'\s+'.join(re.escape(word) for word in text.split(' '))).search(
            body, position)
        assert found, (name, text)
        at, length = found.start(), found.end() - found.start()
        position = at + 1
        best, overlap = None, 0
        for k, (start, end, work) in enumerate(cites):
            o = min(end, at + length) - max(start, at)
            if k not in used and o > overlap:
                best, overlap = k, o
        work = None
        if best is not None:
            used.add(best)
            work = cites[best][2]
        if entry and work is not None and work == entry_work.get(entry):
            right += 1
        elif verbose and (entry or work in list_works):
            got = 'no cite' if best is None else (
                'entry %s' % [k for k, w in entry_work.items() if w == work] if work in list_works
                else 'no entry')
            print('    wrong  %s: %r -> %d, got %s' % (name, text, entry, got))
    if verbose:
        for k, (start, end, work) in enumerate(cites):
            if k not in used and work in list_works:
                print('    extra  %s: %r' % (name, body[start:end]))
    return sum(1 for _, entry in gold if entry), linked, right


def prf(gold, linked, right):
    p = right / linked if linked else 1.0
    r = right / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_split(split, verbose=True):
    rows, by_language, total = [], {}, [0, 0, 0]
    for path in sorted(glob.glob(os.path.join(AUTHORYEAR, split, '*.*'))):
        if path.endswith('.gold'):
            continue
        counts = score_document(path, verbose)
        language = os.path.basename(path)[:2]
        sums = by_language.setdefault(language, [0, 0, 0])
        for k in range(3):
            sums[k] += counts[k]
            total[k] += counts[k]
        rows.append((os.path.basename(path), counts[0]) + prf(*counts))
    for language, counts in sorted(by_language.items()):
        rows.append(('%s: %s' % (split, LANGUAGES.get(language, language)), counts[0]) + prf(*counts))
    rows.append(('%s: all' % split, total[0]) + prf(*total))
    return rows, by_language, total


def test_authoryear_links():
    """Per split and language, cites linked to the right entry of the document's own list."""
    # Measured (0.11): dev P 1.000 R 0.966 (236 cites; 0.10.0: P 0.988 R 0.708), every language
    # R >= 0.949; held out P 1.000 R 0.987 (77 cites; first score, before any rule: P 1.000
    # R 0.649). What dev misses: entries a hard-wrapped list with hanging indents loses when the
    # text's lines are joined, "J. Müller (2010)" after a comma, a name after "América Latina,".
    scores, languages = {}, {}
    for split in ('dev', 'heldout'):
        # held-out errors are not printed, only the totals
        rows, by_language, total = score_split(split, verbose=split == 'dev')
        print_scores('author-year links of tests/refs/links/authoryear/%s' % split, rows)
        scores[split] = prf(*total)
        languages[split] = {language: prf(*counts) for language, counts in by_language.items()}
    assert scores['dev'][0] >= 0.99 and scores['dev'][1] >= 0.95, scores
    assert min(r for _, r, _ in languages['dev'].values()) >= 0.93, languages['dev']
    assert scores['heldout'][0] >= 0.97 and scores['heldout'][1] >= 0.95, scores


def linked_entries(text):
    """{cite authors: first words of the entry it is linked to, or None} of a text document."""
    db = connect()
    db.execute('SELECT ibid_init()')
    db.execute('INSERT INTO documents(path, raw) VALUES (?, ?)', ('doc.txt', text.encode()))
    entries = {work: entry for work, entry in db.execute(
        'SELECT work_id, text FROM refs WHERE note IS NULL AND work_id IS NOT NULL')}
    return {authors: (entries[work][:12] if work in entries else None)
            for authors, work in db.execute('SELECT authors, work_id FROM cites')}


def test_fuzzy_names_need_evidence():
    """A near name links only with evidence: "ae" read as "ä" only where the other name has an
    umlaut, a cite's extra leading word only where it agrees with the entry's given name."""
    body = ('Bauer (2010) shows it. Michael (2012) agrees. The World Bank (2011) reports it. '
            'Schaefer (2009) and Jeffrey Smith (2008) differ.\n\nReferences\n\n')
    entries = ['Baur, K. (2010). A study of things. Berlin: Verlag.',
               'Michal, P. (2012). Another study. London: Press.',
               'Bank, J. (2011). Banking and lending. New York: Wiley.',
               'Sch\u00e4fer, H. (2009). Ein Buch. M\u00fcnchen: Beck.',
               'Smith, J. (2008). A third study. Oxford: Blackwell.']
    links = linked_entries(body + '\n\n'.join(entries) + '\n')
    assert links.get('Bauer') is None, links
    assert links.get('Michael') is None, links
    assert links.get('World Bank') is None, links
    assert links.get('Schaefer') == 'Sch\u00e4fer, H. ', links
    assert links.get('Jeffrey Smith') == 'Smith, J. (2', links


if __name__ == '__main__':
    test_authoryear_links()
    test_fuzzy_names_need_evidence()
