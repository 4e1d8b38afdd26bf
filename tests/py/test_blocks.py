"""ibid_blocks: block kinds scored against hand-checked gold (tests/gold/blocks/NNN.tsv:
one line per block of ibid_clean output, `kind<TAB>first 40 characters`), spans, raw input."""
import os
from collections import Counter
from ibidtest import connect, corpus, corpus_names, GOLD, prf, print_scores

KINDS = ('heading', 'paragraph', 'list_item', 'caption', 'note', 'table_row', 'boilerplate')


def predicted_blocks(db, text):
    rows = db.execute('SELECT kind, text FROM ibid_blocks(ibid_clean(?))', (text,)).fetchall()
    return [(kind, block.replace('\t', ' ')[:40]) for kind, block in rows]


def read_gold(prefix):
    with open(os.path.join(GOLD, 'blocks', prefix + '.tsv'), encoding='utf-8') as f:
        return [tuple(line.rstrip('\n').split('\t', 1)) for line in f if line.strip()]


def test_kinds_against_gold():
    db = connect()
    gold_all, predicted_all = [], []
    for name in corpus_names():
        prefix = name[:3]
        gold = read_gold(prefix)
        predicted = predicted_blocks(db, corpus(prefix))
        # A gold file may cover only the start of a document (002 stops before the
        # balance-sheet table): score the predicted blocks up to its last entry.
        last = gold[-1][1]
        cut = next((i + 1 for i, block in enumerate(predicted) if block[1] == last), len(predicted))
        gold_all += [(prefix,) + g for g in gold]
        predicted_all += [(prefix,) + p for p in predicted[:cut]]
    rows = []
    for kind in KINDS:
        g = [x for x in gold_all if x[1] == kind]
        p = [x for x in predicted_all if x[1] == kind]
        if g or p:
            rows.append((kind, len(g)) + prf(g, p))
    overall = prf(gold_all, predicted_all)
    rows.append(('overall', len(gold_all)) + overall)
    print_scores('ibid_blocks kinds on ibid_clean(corpus) vs tests/gold/blocks', rows)
    assert overall[2] >= 0.95, overall


def test_spans_are_substrings():
    db = connect()
    for name in corpus_names():
        text = corpus(name[:3])
        for source in ('?', 'ibid_clean(?)'):
            bad = db.execute(
                'SELECT count(*) FROM (SELECT %s AS doc) JOIN ibid_blocks(doc) b '
                'WHERE substr(doc, b.start, b.length) IS NOT b.text OR b.length < 1' % source,
                (text,)).fetchone()[0]
            assert bad == 0, (name, source)


def test_numbering_and_levels():
    db = connect()
    rows = db.execute("SELECT n, kind, level FROM ibid_blocks(ibid_clean(?))",
                      (corpus('002'),)).fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    for n, kind, level in rows:
        assert (level > 0) == (kind in ('heading', 'list_item')), (n, kind, level)


def test_raw_web_page_boilerplate():
    db = connect()
    rows = db.execute('SELECT kind, text FROM ibid_blocks(?)', (corpus('003'),)).fetchall()
    kinds = Counter(kind for kind, _ in rows)
    chrome = [text for kind, text in rows if kind == 'boilerplate']
    assert 'Skip to main content Accessibility help' in chrome
    assert 'Loading metrics...' in chrome
    assert kinds['note'] >= 138, kinds
    # what ibid_clean drops is boilerplate in the raw text (repeated lines keep one copy)
    raw = corpus('003')
    cleaned = db.execute('SELECT ibid_clean(?)', (raw,)).fetchone()[0].split('\n')
    assert not [t for t in chrome if raw.count(t) == 1 and t.strip() in cleaned]


def test_null_and_empty():
    db = connect()
    assert db.execute('SELECT count(*) FROM ibid_blocks(NULL)').fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM ibid_blocks('')").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM ibid_blocks(' \n\n ')").fetchone()[0] == 0
