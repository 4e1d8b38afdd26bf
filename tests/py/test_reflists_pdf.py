"""Reference lists of PDFs, through the whole pipeline: tests/refs/pdf/*.pdf (made by
tests/formats/pdf/make_refpdfs.py from tests/refs/pdf/documents.py) are loaded into
`documents` as a user loads a folder, and the `refs` rows of the reference list (note IS
NULL) are compared with the papers' entries.

(A numbered list is read like endnotes, so its entries are the refs of those notes; in
an author-year paper the refs of its endnotes are no list entries.)
A row matches an entry when their letters and digits agree (case, spaces, hyphens and
punctuation aside): the entry was found and cut at both ends. The dev papers may be looked at
while changing the finder; the held-out ones are scored only (their missed and extra entries are not printed). Figures are printed per paper,
per language and per split."""
import os, re, sys
from ibidtest import connect, print_scores, ROOT

PDFS = os.path.join(ROOT, 'tests', 'refs', 'pdf')
sys.path.insert(0, PDFS)
from documents import PAPERS  # noqa: E402

# Bars, from measured figures: in 0.11 the dev papers scored P/R 0.987 or more in every
# language (the issue asks 0.90 English, 0.85 German of real PDFs), the held-out ones 0.959
# or more (0.3.0 scored 0.333 recall on the English ones, 0.5 on the German); the bars
# leave room for a paper's entry or two.
BARS = {'en': 0.95, 'de': 0.95, 'fr': 0.95, 'es': 0.95}
HELDOUT_FLOOR = 0.90


def key(text):
    return re.sub(r'[^0-9a-z]', '', text.lower())


def entry_key(text):
    """A predicted entry without the number a numbered list prints before it."""
    return key(re.sub(r'^\s*(\[\d{1,4}\]|\d{1,4}\.)\s+', '', text))


def score_paper(db, paper):
    path = os.path.join(PDFS, paper['name'] + '.pdf')
    with open(path, 'rb') as f:
        raw = f.read()
    db.execute('INSERT INTO documents(path, raw) VALUES (?, ?)', (path, raw))
    (doc_id, error), = db.execute('SELECT id, error FROM documents WHERE path = ?', (path,))
    assert error is None, (paper['name'], error)
    # the list's entries: refs outside notes, and those of a numbered list that
    # ibid reads like endnotes (one ref per numbered entry, `note` its number)
    # a numbered list's entries may come as the refs of endnotes; an author-year
    # paper's endnotes ("Notes" before the list) are notes, and what they cite is no entry
    numbered = paper['entry_style'] == 'numbered'
    predicted = [t for t, in db.execute(
        'SELECT text FROM refs WHERE document_id = ? AND (note IS NULL OR (? AND note IN '
        '(SELECT n FROM notes WHERE document_id = refs.document_id AND kind = \'endnote\'))) '
        'ORDER BY start', (doc_id, numbered))]
    gold = [key(e) for e in paper['entries']]
    show = paper['split'] != 'heldout'  # a held-out paper's errors stay unseen: its totals only
    matched, used = 0, set()
    for p in predicted:
        k = entry_key(p)
        for g, entry in enumerate(gold):
            if g not in used and k == entry:
                used.add(g)
                matched += 1
                break
        else:
            if show:
                print('    extra  %s: %s' % (paper['name'], ' '.join(p.split())[:90]))
    for g, entry in enumerate(paper['entries']):
        if g not in used and show:
            print('    missed %s: %s' % (paper['name'], entry[:90]))
    return len(gold), len(predicted), matched


def prf(gold, predicted, matched):
    p = matched / predicted if predicted else 1.0
    r = matched / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_pdf_reference_lists():
    db = connect()
    db.execute('SELECT ibid_init()')
    rows, totals = [], {}
    for paper in PAPERS:
        counts = score_paper(db, paper)
        rows.append((paper['name'] + ' (%s)' % paper['split'], counts[0]) + prf(*counts))
        for group in ((paper['split'], paper['language']), (paper['split'], 'all')):
            total = totals.setdefault(group, [0, 0, 0])
            for k in range(3):
                total[k] += counts[k]
    for (split, language), counts in sorted(totals.items()):
        rows.append(('%s: %s' % (split, language), counts[0]) + prf(*counts))
    print_scores('reference entries of PDFs, through documents -> refs', rows)
    failures = []
    for (split, language), counts in totals.items():
        p, r, _ = prf(*counts)
        bar = BARS.get(language, 0.95) if split == 'dev' else HELDOUT_FLOOR
        if language != 'all' and split != 'gap' and min(p, r) < bar:
            failures.append((split, language, round(p, 3), round(r, 3)))
    assert not failures, failures
