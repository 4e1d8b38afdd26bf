#!/usr/bin/python3
"""The graph and findings views at 10,000 and 100,000 documents: how their time grows.

The corpora are SYNTHETIC: loading 100,000 documents takes too long for a bench, so the
rows the views read are generated directly (seeded, so every run is the same): each
document has its own work and cites 5 to 35 works (about 20) drawn with a skew from a pool
of 3 works per document (a few works cited by many, most by few), and one document in
three has case-study findings (3 cases x 2 questions, 2 findings each) with its questions.
Queries about one work ask about work 3n/10 of the pool (cited by a few dozen documents at
any size). Each query runs with the view indexes of sql/schema.sql and without them (dropped), in
milliseconds (the best of 3 runs, of 1 for runs over a second; CPU time). IBID_BENCH_VIEW_SIZES=1000,10000 to change.
"""
import os, random, sqlite3, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = [int(x) for x in os.environ.get('IBID_BENCH_VIEW_SIZES', '10000,100000').split(',')]
VIEW_INDEXES = ['citations_work_document', 'citations_document_work', 'documents_work',
                'findings_document_case', 'questions_document_label']

QUERIES = [
    ('cited_works: top 20', 'SELECT * FROM cited_works ORDER BY documents DESC LIMIT 20'),
    ('cited_works: one work', 'SELECT * FROM cited_works WHERE work_id = :work'),
    ('cocitations: of one work', 'SELECT * FROM cocitations WHERE work_a = :work '
                                 'ORDER BY documents DESC LIMIT 20'),
    ('cocitations: all pairs, top 20', 'SELECT * FROM cocitations ORDER BY documents DESC LIMIT 20'),
    ('citation_edges: all (count)', 'SELECT count(*), sum(citations) FROM citation_edges'),
    ('citation_edges: from one work', 'SELECT * FROM citation_edges WHERE citing_work = :citing'),
    ('citation_edges: to one work', 'SELECT * FROM citation_edges WHERE cited_work = :work'),
    ('findings_matrix: all (count)', 'SELECT count(*), sum(total) FROM findings_matrix'),
    ('findings_matrix: one document', 'SELECT * FROM findings_matrix WHERE document_id = :document'),
]


def build(path, n):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, 'ibid'))
    db.execute('PRAGMA journal_mode = OFF')
    db.execute('PRAGMA synchronous = OFF')
    db.execute('SELECT ibid_init()')
    rng = random.Random(14)
    pool = 3 * n
    with db:
        db.executemany('INSERT INTO works(id, key, title, year) VALUES (?, ?, ?, ?)',
                       ((i, 'w%d::work-%d' % (i, i), 'Work %d' % i, 1950 + i % 70)
                        for i in range(1, pool + n + 1)))
        # documents without text: the trigger has nothing to read (raw NULL) and is
        # dropped for the load, as the rows it would make are generated below
        db.execute('DROP TRIGGER documents_ingest')
        db.executemany('INSERT INTO documents(id, path, title, work_id) VALUES (?, ?, ?, ?)',
                       ((d, 'doc%07d.txt' % d, 'Document %d' % d, pool + d) for d in range(1, n + 1)))

        def citations():
            for d in range(1, n + 1):
                for k in range(rng.randint(5, 35)):
                    work = 1 + int(pool * rng.random() ** 3)
                    yield d, work, 'note', k + 1
        db.executemany('INSERT INTO citations(document_id, work_id, via, note) VALUES (?, ?, ?, ?)',
                       citations())

        def findings():
            for d in range(1, n + 1, 3):
                for c in ('A', 'B', 'C'):
                    for q in ('Q1', 'Q2'):
                        for k in range(2):
                            yield d, c, q, 'finding %d' % k, ('positive', 'negative')[rng.random() < .4]
        db.executemany('INSERT INTO findings(document_id, "case", question, finding, polarity) '
                       'VALUES (?, ?, ?, ?, ?)', findings())
        db.executemany('INSERT INTO questions(document_id, label, text) VALUES (?, ?, ?)',
                       ((d, q, 'Question %s?' % q) for d in range(1, n + 1, 3) for q in ('Q1', 'Q2')))
    db.execute('SELECT ibid_init()')  # the trigger back, and the indexes
    db.execute('ANALYZE')
    return db


def timed(db, sql, parameters):
    """ms CPU: the best of 3 runs (of 1 when a run takes over a second)."""
    best = None
    for _ in range(3):
        started = time.process_time()
        db.execute(sql, parameters).fetchall()
        spent = time.process_time() - started
        best = spent if best is None else min(best, spent)
        if spent > 1:
            break
    print('  %.1f ms: %s' % (best * 1000, sql), file=sys.stderr, flush=True)
    return best * 1000


def main():
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in SIZES:
            db = build(os.path.join(folder, 'views%d.db' % n), n)
            parameters = {'work': 1 + 3 * n // 10, 'citing': 3 * n + n // 2, 'document': 1 + 3 * (n // 6)}
            rows = db.execute('SELECT count(*) FROM citations').fetchone()[0]
            indexed = [timed(db, sql, parameters) for _, sql in QUERIES]
            for name in VIEW_INDEXES:
                db.execute('DROP INDEX IF EXISTS %s' % name)
            bare = [timed(db, sql, parameters) for _, sql in QUERIES]
            results[n] = (rows, indexed, bare)
            db.close()
    print('views over synthetic corpora (citations: %s), ms CPU, with the view indexes / without' % (
        ', '.join('%d at %d documents' % (results[n][0], n) for n in SIZES)))
    print('  %-32s' % '' + ''.join('%22s' % ('%d documents' % n) for n in SIZES) +
          ('%10s' % 'growth' if len(SIZES) > 1 else ''))
    for i, (name, _) in enumerate(QUERIES):
        line = '  %-32s' % name
        for n in SIZES:
            line += '%11.1f / %8.1f' % (results[n][1][i], results[n][2][i])
        if len(SIZES) > 1:
            line += '%9.1fx' % (results[SIZES[-1]][1][i] / max(results[SIZES[0]][1][i], 1e-3))
        print(line)


if __name__ == '__main__':
    main()
