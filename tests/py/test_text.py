"""ibid_clean: idempotence, output layout, and the hand-checked gold of tests/gold/text/."""
import os, time
from ibidtest import connect, corpus, corpus_names, CORPUS, GOLD, print_scores


def clean(db, text):
    return db.execute('SELECT ibid_clean(?)', (text,)).fetchone()[0]


def read_gold(name):
    rows = []
    with open(os.path.join(GOLD, 'text', name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                rows.append(line.split('\t'))
    return rows


def test_idempotent_on_corpus():
    db = connect()
    for name in corpus_names():
        with open(os.path.join(CORPUS, name), encoding='utf-8') as f:
            once = clean(db, f.read())
        assert clean(db, once) == once, name


def test_layout_on_corpus():
    db = connect()
    for name in corpus_names():
        with open(os.path.join(CORPUS, name), encoding='utf-8') as f:
            out = clean(db, f.read())
        assert out.endswith('\n') and not out.endswith('\n\n'), name
        assert '\n\n\n' not in out and not out.startswith('\n'), name
        for line in out.split('\n'):
            assert line == line.strip(' '), (name, line)
        assert '\r' not in out and '\u00a0' not in out and '\u00ad' not in out, name


def test_null_empty_and_controls():
    db = connect()
    assert clean(db, None) is None
    assert clean(db, '') == ''
    assert clean(db, '\n \n\t\n') == ''
    assert clean(db, 'a\x00b\x07c\r\nnext\u00a0word\u200b.') == 'abc\n\nnext word.\n'
    assert clean(db, 'e\u0301te') == '\u00e9te\n'  # NFC
    try:
        db.execute('SELECT ibid_clean(1)').fetchone()
        raise AssertionError('integer accepted')
    except Exception as error:
        assert 'ibid_clean' in str(error)


def test_paragraphs_002():
    db = connect()
    blocks = clean(db, corpus('002')).rstrip('\n').split('\n\n')
    found = {'paragraph': [0, 0], 'contains': [0, 0], 'heading': [0, 0]}
    missing = []
    for row in read_gold('002_paragraphs.tsv'):
        kind = row[0]
        if kind == 'paragraph':
            ok = any(b.startswith(row[1]) and b.endswith(row[2]) for b in blocks)
        elif kind == 'contains':
            ok = any(row[1] in b for b in blocks)
        else:
            ok = row[1] in blocks
        found[kind][0] += ok
        found[kind][1] += 1
        if not ok:
            missing.append(row)
    rows = [(k, n, 1.0, ok / n, ok / n) for k, (ok, n) in found.items()]
    print_scores('ibid_clean paragraph joins on 002 (recall of hand-checked blocks)', rows)
    total = sum(n for _, n in found.values())
    assert sum(ok for ok, _ in found.values()) / total >= 0.95, missing


def test_hyphens_002():
    db = connect()
    out = clean(db, corpus('002'))
    rows = read_gold('002_hyphens.tsv')
    keep = [r[1] for r in rows if r[0] == 'keep']
    never = [r[1] for r in rows if r[0] == 'never']
    kept = sum(k in out for k in keep)
    print_scores('ibid_clean hyphens at line ends in 002', [('kept', len(keep), 1.0, kept / len(keep), kept / len(keep))])
    assert kept == len(keep), [k for k in keep if k not in out]
    assert not [n for n in never if n in out]


def test_site_chrome_003():
    db = connect()
    out = clean(db, corpus('003'))
    for chrome in ('Skip to main content', 'Loading metrics', 'Send article to Kindle',
                   'To send this article to your Kindle', 'Usage data cannot currently'):
        assert chrome not in out, chrome
    assert '\n\n1 Rashid Abdi, quoted in Pilling' in out
    assert out.count('African resistance to the International Criminal Court: Halting') == 1


def test_large_input_is_linear():
    """Output counted, not timed (time: bench/linearity.py): 20 times the input gives
    at most 20 times the text, and not much less (lines repeated on every copy, such as
    titles, count as running heads and go)."""
    db = connect()
    text = ''.join(corpus(n[:3]) for n in corpus_names())
    small = clean(db, text * 2)
    big = clean(db, text * 40)
    assert big and small
    assert 10 * len(small) <= len(big) <= 20 * len(small) + 100, (len(small), len(big))
