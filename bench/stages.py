#!/usr/bin/python3
"""Per-stage CPU time of ingest, two builds side by side in one run.

  /usr/bin/python3 bench/stages.py [BASELINE.so] [ROUNDS]

Times each function the ingest trigger calls (the same statements as
bench/ingest.py's per-stage table) over the seed corpus (tests/corpus/*.txt),
in ms of CPU per document, for this tree's ibid.so and, when given, a
baseline build (e.g. one built from main), alternating between the two
statement by statement so that other load on the machine weighs on both
alike. Prints one line per stage: baseline ms, this build's ms, the ratio;
and checks that both builds return the same rows (a speed-up must not change
any output).
"""
import os, sqlite3, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'bench'))
import ingest  # noqa: E402  (the STAGES and the seed texts)

STAGES = [stage for stage in ingest.STAGES if stage[1]]  # ibid_ingest(id) is timed by ingest.py


def connect(extension):
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.execute("create virtual table ft using fts5(text, tokenize = 'ibid')")
    db.execute("create virtual table ft61 using fts5(text, tokenize = 'unicode61')")
    return db


def texts_of(db):
    out = []
    for raw in ingest.seeds():
        raw = raw.decode('utf-8')
        body = db.execute("select ibid_convert(?1) ->> '$.body'", (raw,)).fetchone()[0]
        out.append({'raw': raw, 'body': body,
                    'meta': db.execute('select ibid_meta(?1)', (raw,)).fetchone()[0]})
    return out


def main():
    baseline = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != '-' else None
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    builds = [('this', connect(os.path.join(ROOT, 'ibid')))]
    if baseline:
        builds.insert(0, ('baseline', connect(baseline)))
    texts = texts_of(builds[-1][1])
    stages = STAGES + [('fulltext: FTS5 (unicode61) of the blocks',
                        "insert into ft61(text) select text from ibid_blocks(:body)")]
    spent = {name: [0.0] * len(stages) for name, _ in builds}
    differ = set()
    for r in range(rounds):
        for text in texts:
            for i, (_, sql) in enumerate(stages):
                results = []
                for name, db in (builds if r % 2 == 0 else builds[::-1]):
                    started = time.process_time()
                    rows = db.execute(sql, text).fetchall()
                    spent[name][i] += time.process_time() - started
                    if r == 0 and not sql.startswith('insert'):
                        results.append(db.execute(sql.replace('count(*)', '*'), text).fetchall())
                if len(results) == 2 and results[0] != results[1]:
                    differ.add(stages[i][0])
    per = len(texts) * rounds
    print('ms CPU per document, %d rounds over %d seed texts' % (rounds, len(texts)))
    print('%-46s %10s %10s %7s' % ('stage', 'baseline' if baseline else '', 'this', 'ratio'))
    for i, (stage, _) in enumerate(stages):
        now = spent['this'][i] * 1000 / per
        if baseline:
            before = spent['baseline'][i] * 1000 / per
            print('%-46s %10.3f %10.3f %6.2fx%s' % (stage, before, now, before / now if now else 0,
                                                   '  OUTPUT DIFFERS' if stage in differ else ''))
        else:
            print('%-46s %10s %10.3f' % (stage, '', now))
    if differ:
        sys.exit('outputs differ: ' + ', '.join(sorted(differ)))


if __name__ == '__main__':
    main()
