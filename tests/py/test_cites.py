"""ibid_cites: in-text author-year citations, scored against hand-checked gold
(tests/gold/cites/002.tsv) and checked for false cites on the other corpus texts."""
import os
from ibidtest import connect, corpus, prf, print_scores, GOLD

FIELDS = ('authors', 'year', 'suffix', 'locator', 'prefix', 'narrative', 'problem')
BAR = 0.97


def read_gold(name):
    rows = []
    with open(os.path.join(GOLD, 'cites', name), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cells = line.rstrip('\n').split('\t')
            cells += [''] * (9 - len(cells))
            line_number, group, authors, year, suffix, locator, prefix, narrative, problem = cells
            rows.append({'line': int(line_number), 'group': int(group), 'authors': authors,
                         'year': year, 'suffix': suffix, 'locator': locator, 'prefix': prefix,
                         'narrative': narrative, 'problem': problem})
    return rows


def extract(text):
    """Rows of ibid_cites(text) in the gold's shape (NULL -> '', line of the item's start)."""
    db = connect()
    rows = []
    query = ('SELECT group_n, authors, year, suffix, locator, prefix, narrative, problem, start '
             'FROM ibid_cites(?) ORDER BY n')
    for group, authors, year, suffix, locator, prefix, narrative, problem, start in db.execute(
            query, (text,)):
        value = lambda v: '' if v is None else str(v)
        rows.append({'line': text.count('\n', 0, start - 1) + 1, 'group': group,
                     'authors': value(authors), 'year': value(year), 'suffix': value(suffix),
                     'locator': value(locator), 'prefix': value(prefix),
                     'narrative': value(narrative), 'problem': value(problem)})
    return rows


def scores(gold, predicted):
    """(name, gold count, P, R, F1) for item detection and for each field."""
    key = lambda r: (r['line'], r['authors'], r['year'])
    table = [('items (line, authors, year)', len(gold)) +
             prf([key(r) for r in gold], [key(r) for r in predicted])]
    for field in FIELDS:
        table.append(('  ' + field, len(gold)) +
                     prf([(r['line'], r[field]) for r in gold],
                         [(r['line'], r[field]) for r in predicted]))
    table.append(('groups (line, group count)', len({r['group'] for r in gold})) +
                 prf([(r['line'], r['group']) for r in gold],
                     [(r['line'], r['group']) for r in predicted]))
    return table


def test_gold_002():
    gold = read_gold('002.tsv')
    predicted = extract(corpus('002'))
    table = scores(gold, predicted)
    print_scores('ibid_cites on corpus 002 (raw PDF text)', table)
    for name, count, precision, recall, f1 in table:
        assert f1 >= BAR, '%s F1 %.3f below %.2f' % (name, f1, BAR)


def test_gold_002_cleaned_if_available():
    """The same gold on ibid_clean output, when that function exists (written by another
    module): items and fields must survive the cleanup (lines differ, so match without them)."""
    db = connect()
    names = {row[0] for row in db.execute('SELECT name FROM pragma_function_list')}
    if 'ibid_clean' not in names:
        print('  ibid_clean not available: skipped')
        return
    cleaned = db.execute('SELECT ibid_clean(?)', (corpus('002'),)).fetchone()[0]
    gold = read_gold('002.tsv')
    predicted = extract(cleaned)
    key = lambda r: tuple(r[f] for f in FIELDS)
    precision, recall, f1 = prf([key(r) for r in gold], [key(r) for r in predicted])
    print_scores('ibid_cites on ibid_clean(002), all fields', [('items', len(gold), precision,
                                                                  recall, f1)])
    assert f1 >= BAR


def test_no_false_cites_in_other_texts():
    """001 (endnotes), 003 (footnotes with "(1999)" after journal volumes), 004 (NGO page)
    and 000 (repository page) have no author-year citation."""
    for prefix in ('000', '001', '003', '004'):
        rows = extract(corpus(prefix))
        assert rows == [], '%s: %r' % (prefix, rows[:3])


def test_every_span_is_the_item():
    """substr(input, start, length) is the item text: it holds the year (or is narrative)."""
    db = connect()
    text = corpus('002')
    for year, span, narrative, problem in db.execute(
            'SELECT year, substr(?1, start, length), narrative, problem FROM ibid_cites(?1)',
            (text,)):
        if year is not None:
            assert str(year) in span, (year, span)
        if problem == 'empty':
            assert span.strip() == ''


def test_large_input_is_linear():
    """50 MB of text with parentheses everywhere: the cites of every copy, counted (its
    time is measured by bench/linearity.py, not asserted here)."""
    db = connect()
    text = ('(Smith, 2010: 5) and ( (x (Q1) (see below) ' * 2) + corpus('002')
    copies = 50_000_000 // len(text)
    one = db.execute('SELECT count(*) FROM ibid_cites(?)', (text,)).fetchone()[0]
    count = db.execute('SELECT count(*) FROM ibid_cites(?)', (text * copies,)).fetchone()[0]
    print('  50 MB: %d cites' % count)
    assert one > 0 and abs(count - one * copies) <= copies, (one, copies, count)


def test_bad_arguments():
    """Non-text and invalid UTF-8 are errors naming the function; NULL gives no rows."""
    import sqlite3
    db = connect()
    for argument in (42, b'\xff(Smith, 2010)'):
        try:
            db.execute('SELECT * FROM ibid_cites(?)', (argument,)).fetchall()
        except sqlite3.Error as error:
            assert 'ibid_cites' in str(error), error
        else:
            raise AssertionError('no error for %r' % (argument,))
    assert db.execute('SELECT count(*) FROM ibid_cites(NULL)').fetchone()[0] == 0
