"""ibid_sentences: hand-checked gold splits (tests/gold/sentences/passages.txt), corpus sanity."""
import os
from ibidtest import GOLD, connect, corpus, corpus_names, prf, print_scores

GOLD_FILE = os.path.join(GOLD, 'sentences', 'passages.txt')


def read_passages():
    """[(title, [sentence, ...])] from the gold file."""
    passages, title, lines = [], None, []
    with open(GOLD_FILE, encoding='utf-8') as f:
        for raw in f.read().split('\n'):
            if raw.startswith('# passage:'):
                title, lines = raw[len('# passage:'):].strip(), []
                passages.append((title, lines))
            elif raw.startswith('#') or not raw.strip():
                title = None
            elif title is not None:
                lines.append(raw)
    return passages


def boundaries(sentences):
    """Character offsets where sentences 2..n start, in the text joined by single spaces."""
    result, offset = [], 0
    for i, sentence in enumerate(sentences):
        if i:
            result.append(offset)
        offset += len(sentence) + 1
    return result


def test_gold_boundaries():
    db = connect()
    gold_all, predicted_all, rows, misses = [], [], [], []
    for number, (title, sentences) in enumerate(read_passages()):
        text = ' '.join(sentences)
        got = db.execute('SELECT start, text FROM ibid_sentences(?) ORDER BY n', (text,)).fetchall()
        predicted = [start - 1 for start, _ in got[1:]]
        gold = boundaries(sentences)
        gold_all += [(number, b) for b in gold]
        predicted_all += [(number, b) for b in predicted]
        if sorted(gold) != sorted(predicted):
            misses.append((title, [t for _, t in got]))
    p, r, f = prf(gold_all, predicted_all)
    print_scores('sentence boundaries (gold: %d passages)' % len(read_passages()),
                 [('boundaries', len(gold_all), p, r, f)])
    for title, got in misses:
        print('    differs: %s' % title)
        for sentence in got:
            print('      | %s' % sentence[:110])
    assert len(gold_all) >= 60, len(gold_all)
    assert f >= 0.95, f


def test_spans_are_substrings_and_trimmed():
    db = connect()
    for name in corpus_names():
        text = corpus(name[:3])
        rows = db.execute('SELECT start, length, text, substr(?1, start, length) FROM ibid_sentences(?1)',
                          (text,)).fetchall()
        assert rows, name
        for start, length, sentence, span in rows:
            assert sentence == span, (name, start)
            assert sentence == sentence.strip(), (name, sentence)
            assert length > 0


def test_blocks_and_order():
    db = connect()
    text = corpus('001')
    rows = db.execute('SELECT n, block, start, length FROM ibid_sentences(?)', (text,)).fetchall()
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    blocks = [r[1] for r in rows]
    assert blocks == sorted(blocks) and blocks[0] == 1
    for a, b in zip(rows, rows[1:]):
        assert a[2] + a[3] <= b[2]


def test_never_crosses_blocks():
    db = connect()
    rows = db.execute("SELECT block, text FROM ibid_sentences('First part of a line'"
                      " || char(10) || char(10) || 'continues here. Next.')").fetchall()
    assert rows == [(1, 'First part of a line'), (2, 'continues here.'), (2, 'Next.')], rows


def test_bad_input():
    db = connect()
    assert db.execute('SELECT count(*) FROM ibid_sentences(NULL)').fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM ibid_sentences('')").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM ibid_sentences('   ')").fetchone() == (0,)
    rows = db.execute("SELECT text FROM ibid_sentences('A' || char(0) || 'b. C d.')").fetchall()
    assert len(rows) == 2, rows
    try:
        db.execute("SELECT * FROM ibid_sentences(x'ff00')").fetchall()
        assert False, 'invalid UTF-8 accepted'
    except Exception as error:
        assert 'ibid_sentences' in str(error), error


def test_large_input_linear():
    db = connect()
    text = (corpus('001') + '\n\n') * 40  # ~0.7 MB
    count = db.execute('SELECT count(*) FROM ibid_sentences(?)', (text,)).fetchone()[0]
    few = db.execute('SELECT count(*) FROM ibid_sentences(?)', ((corpus('001') + '\n\n') * 4,)).fetchone()[0]
    assert count > 1000 and 9 * few <= count <= 11 * few, (few, count)
    single = db.execute('SELECT count(*) FROM ibid_sentences(?)', ('Word. ' * 200000,)).fetchone()[0]
    assert single == 200000, single  # counted; time: bench/linearity.py
