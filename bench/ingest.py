#!/usr/bin/python3
"""Corpus ingest throughput: documents/s and MB/s of `INSERT INTO documents`, whole process.

Scales the seed corpus up to N documents (default 10,000; IBID_BENCH_DOCUMENTS=N to change)
by loading the seeds again under new paths, in one transaction per 500 documents, into a
fresh database file, and prints input size, time, documents/s, MB/s and peak memory.
"""
import os, resource, sqlite3, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N = int(os.environ.get('IBID_BENCH_DOCUMENTS', '10000'))


def main():
    corpus = os.path.join(ROOT, 'tests', 'corpus')
    seeds = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith('.txt'):
            with open(os.path.join(corpus, name), 'rb') as f:
                seeds.append(f.read())
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(os.path.join(folder, 'bench.db'))
        db.enable_load_extension(True)
        db.load_extension(os.path.join(ROOT, 'ibid'))
        db.execute('pragma journal_mode = wal')
        db.execute('select ibid_init()')
        size = 0
        started = time.perf_counter()
        for i in range(N):
            raw = seeds[i % len(seeds)]
            size += len(raw)
            db.execute('insert into documents(path, raw) values (?, ?)', ('doc%06d.txt' % i, raw))
            if i % 500 == 499:
                db.commit()
        db.commit()
        seconds = time.perf_counter() - started
        rows = {t: db.execute('select count(*) from %s' % t).fetchone()[0]
                for t in ('documents', 'blocks', 'sentences', 'notes', 'refs', 'works')}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print('%-22s %9.2f MB %8.3f s %9.1f MB/s %9.0f documents/s  peak RSS %.0f MB' %
          ('corpus ingest', size / 1e6, seconds, size / 1e6 / seconds, N / seconds, peak))
    print('  rows: ' + ', '.join('%s %d' % kv for kv in rows.items()))


if __name__ == '__main__':
    main()
