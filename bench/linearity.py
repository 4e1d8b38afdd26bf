#!/usr/bin/python3
"""Time at two input sizes for the inputs whose speed the tests once asserted by the clock.

The tests (make test) count work instead -- rows, characters, cites at two sizes -- so
that a loaded machine cannot fail them (issue #12 item 9). The time those checks used to
assert lives here: each case runs at a small and a large size (best of 3), and prints
the size ratio, the time ratio and their quotient. A quotient well above 1 (say 3) means
super-linear growth. `make bench` runs it; exit status 1 when a quotient exceeds
IBID_BENCH_MAX_QUOTIENT (default 4), so CI on a quiet machine can use it as a gate.
"""
import json, os, sqlite3, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, 'tests', 'corpus')
FORMATS = os.path.join(ROOT, 'tests', 'formats')
MAX_QUOTIENT = float(os.environ.get('IBID_BENCH_MAX_QUOTIENT', '4'))


def corpus(prefix):
    for name in sorted(os.listdir(CORPUS)):
        if name.startswith(prefix) and name.endswith('.txt'):
            with open(os.path.join(CORPUS, name), encoding='utf-8') as f:
                return f.read()
    raise FileNotFoundError(prefix)


def all_corpus():
    return ''.join(corpus(n[:3]) for n in sorted(os.listdir(CORPUS)) if n.endswith('.txt'))


def html_page(copies):
    with open(os.path.join(FORMATS, 'html', '003_footnotes.html'), 'rb') as f:
        page = f.read()
    start = page.index(b'<section class="body">')
    end = page.index(b'</section>', start)
    return page[:start] + page[start:end] * copies + page[end:]


def jats(copies):
    with open(os.path.join(FORMATS, 'jats', '002_article.xml'), 'rb') as f:
        article = f.read()
    start, end = article.index(b'<body>') + 6, article.index(b'</body>')
    return article[:start] + article[start:end] * copies + article[end:]


CITES = ('(Smith, 2010: 5) and ( (x (Q1) (see below) ' * 2)
CASES = [
    # name, SQL, input maker (size multiplier -> argument), small, large multiplier
    ('ibid_clean', 'select length(ibid_clean(?))', lambda k: all_corpus() * k, 2, 40),
    ('ibid_cites', 'select count(*) from ibid_cites(?)', lambda k: (CITES + corpus('002')) * k, 40, 400),
    ('ibid_evidence', 'select count(*) from ibid_evidence(?)', lambda k: corpus('002') * k, 4, 40),
    ('ibid_notes+markers', 'select (select count(*) from ibid_notes(?1)) + (select count(*) from ibid_markers(?1))',
     lambda k: (corpus('003') + '\n' + corpus('001') + '\n') * k, 20, 200),
    ('ibid_sentences', 'select count(*) from ibid_sentences(?)', lambda k: (corpus('001') + '\n\n') * k, 4, 40),
    ('ibid_sentences (one block)', 'select count(*) from ibid_sentences(?)', lambda k: 'Word. ' * (5000 * k), 4, 40),
    ('ibid_convert html', 'select length(ibid_convert(?))', html_page, 4, 40),
    ('ibid_convert jats', 'select length(ibid_convert(?))', jats, 10, 40),
    ('ibid_csl (title)', 'select length(ibid_csl(?))',
     lambda k: json.dumps({'title': 'word ' * (100_000 * k)}), 5, 50),
    ('ibid_bibtex', 'select length(ibid_bibtex(?))',
     lambda k: json.dumps({'title': 'word ' * (80_000 * k), 'note': 'word ' * (80_000 * k)}), 5, 50),
]


def best_time(db, sql, argument):
    best = None
    for _ in range(3):
        started = time.perf_counter()
        db.execute(sql, (argument,)).fetchall()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, 'ibid'))
    worst = 0.0
    print('%-28s %10s %10s %9s %9s %8s' % ('linearity', 'small MB', 'large MB', 'small s', 'large s', 'quotient'))
    for name, sql, make, small, large in CASES:
        a, b = make(small), make(large)
        ta, tb = best_time(db, sql, a), best_time(db, sql, b)
        quotient = (tb / max(ta, 1e-4)) / (len(b) / len(a))
        worst = max(worst, quotient)
        print('%-28s %10.2f %10.2f %9.3f %9.3f %8.2f' % (name, len(a) / 1e6, len(b) / 1e6, ta, tb, quotient))
    sys.exit(1 if worst > MAX_QUOTIENT else 0)


if __name__ == '__main__':
    main()
