#!/usr/bin/python3
"""Corpus ingest: how fast, against what floor, where the time goes, on how many cores.

Prints, for the seed corpus (tests/corpus/*.txt) scaled up to N documents by loading the
seeds again under new paths (IBID_BENCH_DOCUMENTS=N, default 2,000):

  1. ingest vs floor, side by side in one run, in IBID_BENCH_ROUNDS rounds (default 3;
     the median round's ratio, and each round's): `INSERT INTO documents` (every extractor,
     every table, one transaction per 500 documents) against the same texts inserted into
     a plain table with an FTS5 index (unicode61, and the ibid tokenizer), documents/s,
     MB/s, the ratio, peak RSS and the database file's size per document of each (each
     measured in a process of its own); ingest peak RSS also at N/4, to show whether
     memory grows with the corpus.
     With IBID_BENCH_BASELINE=/path/to/another/ibid (an extension built from another
     commit), its ingest runs in the same run, side by side, with its own ratio.
  2. per stage, in ms per document and as a share of the ingest's time per document:
     ibid_ingest(id), which the trigger calls and which runs every step of loading
     (sql/ingest.sql: the conversion, the metadata, one analysis of the body written to
     every table, the linking), timed on stored documents; inside it, each function it
     runs timed alone over the seed texts (ibid_convert, ibid_meta, ibid_work_key, the
     FTS5 insert of the blocks, and each extractor as its table-valued function, SELECT
     count(*) FROM ibid_X(body), whose layers the analysis shares); what is left of
     ibid_ingest is its SQL (row writes, the document's UPDATEs, work linking, citations),
     and what is left of the ingest is the INSERT of the row itself and the commits.
  3. every core: `ibid load -j 1` and `ibid load -j <cores>` (build/ibid) over a folder of
     N files, documents/s (wall clock) and the ratio; the two corpora are compared table by
     table (row counts); then the shard and merge costs (tools/ibid_parallel_load.py's
     pieces), and a Dask LocalCluster load when python3-distributed is there.
"""
import json, os, resource, shutil, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
N = int(os.environ.get('IBID_BENCH_DOCUMENTS', '2000'))
ROUNDS = max(1, int(os.environ.get('IBID_BENCH_ROUNDS', '3')))
EXTENSION = os.path.join(ROOT, 'ibid')


def seeds():
    corpus = os.path.join(ROOT, 'tests', 'corpus')
    out = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith('.txt'):
            with open(os.path.join(corpus, name), 'rb') as f:
                out.append(f.read())
    return out


def cpu_seconds():
    """CPU time of this process: a fair clock on a machine other work shares."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def connect(path):
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(os.environ.get('IBID_BENCH_EXTENSION', EXTENSION))
    db.execute('pragma journal_mode = wal')
    return db


def phase_load(kind, n, folder):
    """Runs in a child process: loads n documents; prints a JSON line."""
    texts = seeds()
    db = connect(os.path.join(folder, kind + '.db'))
    if kind == 'ingest':
        db.execute('select ibid_init()')
        sql = 'insert into documents(path, raw) values (?, ?)'
    else:
        tokenizer = 'ibid' if kind == 'floor-ibid' else 'unicode61'
        db.execute('create table plain(id integer primary key, path text not null unique, raw any)')
        db.execute("create virtual table plain_fts using fts5(body, tokenize = '%s')" % tokenizer)
        db.execute('create temp trigger plain_ai after insert on plain begin '
                   'insert into plain_fts(rowid, body) values (new.id, new.raw); end')
        sql = 'insert into plain(path, raw) values (?, ?)'
    size = 0
    started = time.perf_counter()
    cpu = cpu_seconds()
    for i in range(n):
        raw = texts[i % len(texts)]
        size += len(raw)
        db.execute(sql, ('doc%06d.txt' % i, raw))
        if i % 500 == 499:
            db.commit()
    db.commit()
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    rows = {}
    if kind == 'ingest':
        rows = {t: db.execute('select count(*) from %s' % t).fetchone()[0]
                for t in ('documents', 'blocks', 'sentences', 'notes', 'refs', 'works')}
    db.execute('pragma wal_checkpoint(truncate)')  # (not timed) the database file, whole
    stored = os.path.getsize(os.path.join(folder, kind + '.db'))
    db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'seconds': seconds, 'cpu': cpu, 'size': size, 'peak': peak, 'rows': rows,
                      'stored': stored}))


# In the trigger's order, each on one document's text (:raw, :body, :meta) at a time, as
# the trigger runs them. The stages marked "in" run inside ibid_ingest (its one analysis
# shares what they share: the notes once for notes, markers and references; the case-study
# analysis once for its four tables); they are timed alone as table-valued functions, where
# ibid_cases, _questions, _findings and _evidence share one cached analysis.
STAGES = [
    ('ibid_ingest(id): every step', None),
    ('in ibid_convert(raw)', "select ibid_convert(:raw)"),
    ('in ibid_meta(raw), ibid_meta(body)', "select ibid_meta(:raw), ibid_meta(:body)"),
    ('in ibid_work_key(meta)', "select ibid_work_key(:meta)"),
    ('in fulltext: FTS5 (ibid tokenizer) of the blocks',
     "insert into ft(text) select text from ibid_blocks(:body)"),
    ('in ibid_blocks', "select count(*) from ibid_blocks(:body)"),
    ('in ibid_sentences', "select count(*) from ibid_sentences(:body)"),
    ('in ibid_notes', "select count(*) from ibid_notes(:body)"),
    ('in ibid_markers', "select count(*) from ibid_markers(:body)"),
    ('in ibid_cites', "select count(*) from ibid_cites(:body)"),
    ('in ibid_references', "select count(*) from ibid_references(:body)"),
    # (ibid_cases builds the layers findings, claims, entities and events share --
    # sentences, cites, notes, markers -- again: in the sum they count twice)
    ('in ibid_cases (the shared layers, the case-study analysis)',
     "select count(*) from ibid_cases(:body)"),
    ('in ibid_questions (cached analysis)', "select count(*) from ibid_questions(:body)"),
    ('in ibid_findings (cached analysis)', "select count(*) from ibid_findings(:body)"),
    ('in ibid_evidence (cached analysis)', "select count(*) from ibid_evidence(:body)"),
    ('in ibid_claims', "select count(*) from ibid_claims(:body)"),
    ('in ibid_entities', "select count(*) from ibid_entities(:body)"),
    ('in ibid_events', "select count(*) from ibid_events(:body)"),
]


def stages(rounds):
    """ms CPU per document of each stage, over `rounds` passes of the seed texts."""
    db = connect(':memory:')
    db.execute("create virtual table ft using fts5(text, tokenize = 'ibid')")
    # ibid_ingest alone: each round stores the document without the ingest trigger, times
    # ibid_ingest(id) on it, and deletes it again (neither timed)
    db.execute('select ibid_init()')
    db.execute('drop trigger documents_ingest')
    texts = []
    for raw in seeds():
        raw = raw.decode('utf-8')
        body = db.execute("select ibid_convert(?1) ->> '$.body'", (raw,)).fetchone()[0]
        texts.append({'raw': raw, 'body': body, 'path': 'seed%d' % len(texts),
                      'meta': db.execute('select ibid_meta(?1)', (raw,)).fetchone()[0]})
    spent = [0.0] * len(STAGES)
    for _ in range(rounds):
        for text in texts:
            for i, (_, sql) in enumerate(STAGES):
                if sql is None:
                    document = db.execute('insert into documents(path, raw) values (?, ?)',
                                          (text['path'], text['raw'])).lastrowid
                    started = time.process_time()
                    db.execute('select count(*) from ibid_ingest(?)', (document,)).fetchall()
                    spent[i] += time.process_time() - started
                    db.execute('delete from documents where id = ?', (document,))
                    db.commit()
                    continue
                started = time.process_time()
                db.execute(sql, text).fetchall()
                spent[i] += time.process_time() - started
    return [(name, spent[i] * 1000 / (rounds * len(texts))) for i, (name, _) in enumerate(STAGES)]


def child(kind, n, folder, extension=None):
    env = dict(os.environ)
    if extension:
        env['IBID_BENCH_EXTENSION'] = extension
    result = subprocess.run([sys.executable, __file__, '--phase', kind, str(n), folder],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def counts(path):
    db = connect(path)
    tables = [t for (t,) in db.execute("select name from sqlite_master where type = 'table' "
                                        "and name not like 'sqlite%' and name not like 'fulltext_%'")]
    out = {t: db.execute('select count(*) from "%s"' % t).fetchone()[0] for t in tables}
    out['citation_edges'] = db.execute('select count(*), sum(citations) from citation_edges').fetchone()
    out['cited_works'] = db.execute('select count(*), sum(documents) from cited_works').fetchone()
    db.close()
    return out


def main():
    cores = os.cpu_count() or 1
    baseline_extension = os.environ.get('IBID_BENCH_BASELINE')
    baseline = None
    # ROUNDS rounds, each loading ingest, baseline, floor and floor-ibid in turn, each in a
    # fresh folder: on a shared machine one run's CPU time swings by a third, so the ratio
    # is the median round's, and every round's ratio is printed.
    rounds = []
    for _ in range(ROUNDS):
        r = {}
        for kind, extension in (('ingest', None), ('baseline', baseline_extension),
                                ('floor', None), ('floor-ibid', None)):
            if kind == 'baseline' and not extension:
                continue
            with tempfile.TemporaryDirectory() as folder:
                r[kind] = child('ingest' if kind == 'baseline' else kind, N, folder, extension)
        rounds.append(r)
    with tempfile.TemporaryDirectory() as folder:
        quarter = child('ingest', max(1, N // 4), folder)
    rounds.sort(key=lambda r: r['ingest']['cpu'] / r['floor']['cpu'])
    middle = rounds[len(rounds) // 2]
    ingest, floor, floor_ibid = middle['ingest'], middle['floor'], middle['floor-ibid']
    if baseline_extension:
        baseline = sorted((r['baseline'] for r in rounds), key=lambda b: b['cpu'])[len(rounds) // 2]
    mb = ingest['size'] / 1e6
    print('(CPU seconds of the loading process; load average %.1f on %d cores)' % (
        os.getloadavg()[0], cores))
    runs = [('corpus ingest', ingest)]
    if baseline:
        runs.append(('ingest, baseline', baseline))
    for name, r in runs + [('floor: table + FTS5', floor), ('floor, ibid tokenizer', floor_ibid)]:
        print('%-24s %8.2f MB %8.3f s %8.1f MB/s %8.0f documents/s  peak RSS %.0f MB  %.0f KB '
              'database/document' % (name, mb, r['cpu'], mb / r['cpu'], N / r['cpu'], r['peak'],
                                     r['stored'] / 1024 / N))
    print('  ingest / floor: %.1fx (%.1fx against the floor with the ibid tokenizer); '
          'peak RSS %.0f MB at %d documents, %.0f MB at %d' % (
              ingest['cpu'] / floor['cpu'], ingest['cpu'] / floor_ibid['cpu'],
              quarter['peak'], max(1, N // 4), ingest['peak'], N))
    if baseline:
        print('  baseline (%s) / floor: %.1fx (%.1fx with the ibid tokenizer); this ingest takes '
              '%.2f of its time; same row counts: %s' % (
                  baseline_extension, baseline['cpu'] / floor['cpu'],
                  baseline['cpu'] / floor_ibid['cpu'], ingest['cpu'] / baseline['cpu'],
                  'yes' if baseline['rows'] == ingest['rows'] else 'NO'))
    print('  ingest / floor in each of %d rounds (the median round is shown above): %s' % (
        len(rounds), ', '.join('%.2fx' % (r['ingest']['cpu'] / r['floor']['cpu'])
                               for r in rounds)))
    print('  rows: ' + ', '.join('%s %d' % kv for kv in ingest['rows'].items()))

    per_document = ingest['cpu'] * 1000 / N
    print('per stage, ms per document (ingest: %.2f ms per document):' % per_document)
    inside = 0
    measured = stages(max(1, min(40, N // 50)))
    ingest_ms = measured[0][1]
    print('  %-46s %7.3f ms %5.1f%%' % (measured[0][0], ingest_ms, 100 * ingest_ms / per_document))
    for name, ms in measured[1:]:
        inside += ms
        print('    %-44s %7.3f ms %5.1f%%' % (name[3:], ms, 100 * ms / per_document))
    print('    %-44s %7.3f ms %5.1f%%' % ('(those functions, summed)', inside,
                                           100 * inside / per_document))
    print('    %-44s %7.3f ms %5.1f%%' % ('the rest: its SQL (row writes, linking)',
                                           ingest_ms - inside,
                                           100 * (ingest_ms - inside) / per_document))
    print('  %-46s %7.3f ms %5.1f%%' % ('the rest: the INSERT itself, commits',
                                       per_document - ingest_ms,
                                       100 * (per_document - ingest_ms) / per_document))

    import ibid_parallel_load as parallel
    texts = seeds()
    with tempfile.TemporaryDirectory() as directory:
        files = os.path.join(directory, 'papers')
        os.makedirs(files)
        for i in range(N):
            with open(os.path.join(files, 'doc%06d.txt' % i), 'wb') as f:
                f.write(texts[i % len(texts)])
        results = {}
        command = os.path.join(ROOT, 'build', 'ibid')
        for jobs in sorted({1, cores}):
            db = os.path.join(directory, 'j%d.db' % jobs)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            run = subprocess.run([command, 'load', files, '-j', str(jobs), '--db', db],
                                 capture_output=True, text=True)
            seconds = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            if run.returncode != 0:
                print('ibid load -j %d failed: %s' % (jobs, run.stderr[-2000:]))
                return
            loaded = counts(db)['documents']
            if jobs == 1:
                single_cpu = cpu * 1000 / N
            results[jobs] = (seconds, counts(db))
            print('ibid load -j %-2d %6d documents %8.3f s %8.1f documents/s  (%.2f ms CPU a document, '
                  'every process)' % (jobs, loaded, seconds, loaded / seconds, cpu * 1000 / N))
        one, every = results[1], results[cores]
        print('  all cores / one core: %.2fx (bar: 1.7x on 2 cores; load average %.1f); same row '
              'counts in every table and view: %s' % (
                  one[0] / every[0], os.getloadavg()[0], 'yes' if one[1] == every[1] else
                  'NO: %r vs %r' % (one[1], every[1])))
        # the merge's own cost: two shards of the folder merged into a fresh corpus
        names = [p for p, _ in parallel.list_files(files)]
        halves = [names[:len(names) // 2], names[len(names) // 2:]]
        shards = [os.path.join(directory, 'half%d.db' % i) for i in (0, 1)]
        started = time.process_time()
        for paths, shard in zip(halves, shards):
            parallel.build_shard(paths, shard, fulltext=False)
        building = time.process_time() - started
        merged = os.path.join(directory, 'merged.db')
        db = parallel.connect(merged)
        db.execute('SELECT ibid_init()')
        started = time.process_time()
        for shard in shards:
            parallel.merge_shard(db, shard)
        seconds = time.process_time() - started
        db.close()
        print('shards (no FTS5): %.2f ms CPU per document; merge of 2 shards: %.2f ms CPU per '
              'document, %.0f documents/s; same counts as the 1-core load: %s' % (
                  building * 1000 / N, seconds * 1000 / N, N / seconds,
                  'yes' if counts(merged) == one[1] else 'NO'))
        shard_ms, merge_ms = building * 1000 / N, seconds * 1000 / N
        print('  CPU per document: -j 1 load %.2f ms, shard %.2f ms + merge %.2f ms; on an idle '
              'machine -j %d can reach about %.2fx one core (and the writer alone %.0f documents/s)' % (
                  single_cpu, shard_ms, merge_ms, cores,
                  min(cores * single_cpu / (shard_ms + merge_ms), single_cpu / merge_ms), 1000 / merge_ms))
        try:
            from distributed import Client, LocalCluster
            import ibid_dask
        except ImportError:
            print('dask: python3-distributed is not installed; skipped')
            return
        with LocalCluster(n_workers=cores, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
            db = os.path.join(directory, 'dask.db')
            summary = ibid_dask.load(files, db, client)
            print('dask LocalCluster, %d workers: %d documents %.3f s %.1f documents/s, merge %.3f s; '
                  'same counts as the single load: %s' % (
                      cores, summary['loaded'], summary['seconds'],
                      summary['loaded'] / summary['seconds'], summary['merge_seconds'],
                      'yes' if counts(db) == one[1] else 'NO'))


if __name__ == '__main__':
    if len(sys.argv) == 5 and sys.argv[1] == '--phase':
        phase_load(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
