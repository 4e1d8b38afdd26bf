"""Shards, merge, parallel and distributed loads (docs/scale.md): a corpus merged from shards
is the corpus a single-process load of the same files gives, table by table, row by row."""
import os, shutil, sqlite3, subprocess, sys, tempfile
from ibidtest import CORPUS, ROOT, EXTENSION, corpus_names

sys.path.insert(0, os.path.join(ROOT, 'tools'))
import ibid_parallel_load as parallel  # noqa: E402

EXT = os.path.join(ROOT, EXTENSION) if EXTENSION.startswith('./') else EXTENSION

# Three documents whose links depend on load order: alone, the second shard does not know
# the works the first one's references name, so its author-year cites make works of their
# own ("family:year:") and the article is not found by its title. Loaded after the first,
# they link to the referenced works.
ORDER_DEPENDENT = {
    'a.txt': '''Trade and Norms in Regional Courts

Maria Keller

Regional courts have grown quickly (Okafor, 2011). Their reach is contested.

References

Okafor, N. (2011). Judicial Networks and the Diffusion of Rulings in West Africa. Journal of African Law, 55(2), 101-130.
Brandt, P. (2009). Sovereignty Costs Revisited. International Organization, 63(1), 1-30.
''',
    'zz1.txt': '''Courts Beyond the State

Jonas Weber

As argued before (Okafor, 2011; Brandt, 2009), courts travel. Later work agrees (Lindqvist, 2014).
''',
    'zz2.txt': '''Judicial Networks and the Diffusion of Rulings in West Africa

Nnamdi Okafor

Journal of African Law, 2011.

Courts in West Africa cite each other more than before.
''',
}


def make_folder(directory, copies):
    """The sample corpus `copies` times over under new names, plus ORDER_DEPENDENT."""
    folder = os.path.join(directory, 'papers')
    os.makedirs(folder)
    names = corpus_names()
    for i in range(copies):
        shutil.copy(os.path.join(CORPUS, names[i % len(names)]), os.path.join(folder, 'm%05d.txt' % i))
    for name, text in ORDER_DEPENDENT.items():
        with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
            f.write(text)
    return folder


def dump(path):
    """Every table (all columns but `added`, in rowid or key order), fulltext with its
    rowids and a search, and the citation graph by work key."""
    db = parallel.connect(path, EXT)
    out = {}
    tables = [t for (t,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE 'fulltext%' ORDER BY name")]
    for t in tables:
        info = db.execute('PRAGMA table_info("%s")' % t).fetchall()
        columns = ', '.join('"%s"' % r[1] for r in info if r[1] != 'added')
        keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
        order = ', '.join('"%s"' % k for k in keys) if keys and t != 'works' else 'rowid'
        out[t] = db.execute('SELECT %s FROM "%s" ORDER BY %s' % (columns, t, order)).fetchall()
    out['fulltext'] = db.execute('SELECT rowid, text, document_id, block FROM fulltext ORDER BY rowid').fetchall()
    out['fulltext search'] = db.execute(
        "SELECT rowid FROM fulltext WHERE fulltext MATCH 'court' ORDER BY rowid").fetchall()
    out['citation_edges'] = db.execute(
        'SELECT a.key, b.key, e.citations FROM citation_edges e JOIN works a ON a.id = e.citing_work '
        'JOIN works b ON b.id = e.cited_work ORDER BY 1, 2').fetchall()
    out['cited_works'] = db.execute(
        'SELECT key, documents, citations FROM cited_works ORDER BY key').fetchall()
    out['cocitations'] = db.execute('SELECT count(*), sum(documents) FROM cocitations').fetchall()
    db.close()
    return out


def assert_same(single, merged):
    a, b = dump(single), dump(merged)
    assert sorted(a) == sorted(b), (sorted(a), sorted(b))
    for name in a:
        assert len(a[name]) == len(b[name]), '%s: %d rows in the single load, %d merged' % (
            name, len(a[name]), len(b[name]))
        for x, y in zip(a[name], b[name]):
            assert x == y, '%s differs: %r vs %r' % (name, x, y)
    return {name: len(rows) for name, rows in a.items()}


def single_load(folder, path):
    db = parallel.connect(path, EXT)
    db.execute('SELECT ibid_init()')
    paths = [p for p, _ in parallel.list_files(folder, None, EXT)]
    assert parallel.load_paths(db, paths) == (len(paths), 0, [])
    db.close()
    return paths


def test_two_shards_merged_equal_a_single_load():
    with tempfile.TemporaryDirectory() as directory:
        folder = make_folder(directory, 60)
        single = os.path.join(directory, 'single.db')
        paths = single_load(folder, single)
        half = len(paths) // 2
        # the first shard holds a.txt, the second zz1.txt and zz2.txt
        shards = [os.path.join(directory, 'shard%d.db' % i) for i in (1, 2)]
        parallel.build_shard(paths[:half], shards[0], EXT)
        parallel.build_shard(paths[half:], shards[1], EXT)
        # Alone, the second shard links differently: the merge must link again.
        alone = parallel.connect(shards[1], EXT)
        own = {k for (k,) in alone.execute('SELECT key FROM works')}
        alone.close()
        whole = parallel.connect(single, EXT)
        keys = {k for (k,) in whole.execute('SELECT key FROM works')}
        whole.close()
        assert own - keys, 'the order-dependent documents should link differently alone'
        merged = os.path.join(directory, 'merged.db')
        db = parallel.connect(merged, EXT)
        db.execute('SELECT ibid_init()')
        for shard in shards:
            parallel.merge_shard(db, shard)
        db.close()
        counts = assert_same(single, merged)
        assert counts['documents'] == 63 and counts['citations'] > 300, counts
        # the ingest trigger is back: a document loaded after the merge is analysed
        db = parallel.connect(merged, EXT)
        db.execute("INSERT INTO documents(path, raw) VALUES ('late.txt', 'A note (Okafor, 2011).')")
        assert db.execute("SELECT count(*) FROM cites c JOIN documents d ON d.id = c.document_id "
                          "WHERE d.path = 'late.txt' AND c.work_id IS NOT NULL").fetchone()[0] == 1
        db.close()
        # the shards are only read
        for shard in shards:
            check = sqlite3.connect(shard)
            assert check.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] >= 3
            check.close()


def test_merge_sql_in_the_shell_as_documented():
    with tempfile.TemporaryDirectory() as directory:
        folder = os.path.join(directory, 'papers')
        os.makedirs(folder)
        for name, text in ORDER_DEPENDENT.items():
            with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
                f.write(text)
        single = os.path.join(directory, 'single.db')
        paths = single_load(folder, single)
        parallel.build_shard(paths[:1], os.path.join(directory, 's1.db'), EXT)
        parallel.build_shard(paths[1:], os.path.join(directory, 's2.db'), EXT)
        merged = os.path.join(directory, 'merged.db')
        result = subprocess.run(
            ['sqlite3', merged, '.load ' + EXT, 'SELECT ibid_init()',
             "ATTACH 'file:%s/s1.db?mode=ro' AS shard" % directory, '.read sql/merge.sql',
             'DETACH shard', "ATTACH 'file:%s/s2.db?mode=ro' AS shard" % directory,
             '.read sql/merge.sql', 'DETACH shard'],
            cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0 and not result.stderr, result.stderr
        assert_same(single, merged)


def test_a_failed_merge_leaves_the_corpus_as_it_was():
    with tempfile.TemporaryDirectory() as directory:
        corpus = os.path.join(directory, 'corpus.db')
        db = parallel.connect(corpus, EXT)
        db.execute('SELECT ibid_init()')
        db.execute("INSERT INTO documents(path, raw) VALUES ('one.txt', 'A text (Brandt, 2009).')")
        before = db.execute('SELECT count(*) FROM works').fetchone()[0]
        # a shard without the derived tables: the merge stops at the first copy
        bad = os.path.join(directory, 'bad.db')
        b = sqlite3.connect(bad)
        b.execute('CREATE TABLE documents(id INTEGER PRIMARY KEY, path, raw, format, body, error, '
                  'structure, type, title, authors, year, container, doi, abstract, meta, work_id, added)')
        b.execute("INSERT INTO documents(path, raw, added) VALUES ('two.txt', 'x', '2026')")
        b.commit()
        b.close()
        try:
            parallel.merge_shard(db, bad)
            raise AssertionError('merge of a shard without blocks should fail')
        except sqlite3.OperationalError as error:
            assert 'no such table: shard.blocks' in str(error), error
        assert db.execute('SELECT count(*) FROM documents').fetchone()[0] == 1
        assert db.execute('SELECT count(*) FROM works').fetchone()[0] == before
        db.execute("INSERT INTO documents(path, raw) VALUES ('three.txt', 'More (Weber, 2001).')")
        assert db.execute("SELECT count(*) FROM cites").fetchone()[0] == 2  # trigger intact
        db.close()
        # main that is not a corpus: a clear message
        empty = parallel.connect(os.path.join(directory, 'empty.db'), EXT)
        empty.execute("ATTACH ?1 AS shard", (corpus,))
        with open(parallel.MERGE_SQL) as f:
            script = f.read()
        try:
            empty.executescript(script)
            raise AssertionError('merge into a database without the schema should fail')
        except sqlite3.IntegrityError as error:
            assert 'main is not an ibid corpus' in str(error), error
        empty.close()


def test_parallel_load_equals_single_load_and_resumes():
    with tempfile.TemporaryDirectory() as directory:
        folder = make_folder(directory, 15)
        with open(os.path.join(folder, 'image.png'), 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n\0\0\0\rIHDR')
        single = os.path.join(directory, 'single.db')
        run = lambda db, jobs: subprocess.run(
            ['/usr/bin/python3', 'tools/ibid_parallel_load.py', folder, '--db', db, '-j', str(jobs),
             '--extension', EXT], cwd=ROOT, capture_output=True, text=True)
        first = run(single, 1)
        assert first.returncode == 0 and 'ibid: 18 of 19 files loaded' in first.stdout, first
        merged = os.path.join(directory, 'merged.db')
        second = run(merged, 2)
        assert second.returncode == 0, second.stderr
        assert 'ibid: 18 of 19 files loaded' in second.stdout and '2 jobs, 8 shards' in second.stdout, second.stdout
        assert 'skipped, format not recognized: 1 files' in second.stdout, second.stdout
        assert_same(single, merged)
        # again: nothing new but the unrecognized file; a changed file is loaded again
        with open(os.path.join(folder, 'zz1.txt'), 'a', encoding='utf-8') as f:
            f.write('And more (Keller, 2020).\n')
        os.utime(os.path.join(folder, 'zz1.txt'), (4102444800, 4102444800))  # 2100: after `added`
        again = run(merged, 2)
        assert 'ibid: 1 of 2 files loaded' in again.stdout, again.stdout
        db = parallel.connect(merged, EXT)
        assert db.execute('SELECT count(*) FROM documents').fetchone()[0] == 18
        assert db.execute("SELECT count(*) FROM cites WHERE authors = 'Keller'").fetchone()[0] == 1
        db.close()
        bad = run(os.path.join(directory, 'x.db'), 0)
        assert bad.returncode == 2 and '-j must be at least 1' in bad.stderr, bad.stderr


def test_dask_local_cluster_of_two_workers():
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print('skip test_dask_local_cluster_of_two_workers: python3-distributed is not '
              'installed (apt-get install python3-distributed)')
        return
    import ibid_dask
    with tempfile.TemporaryDirectory() as directory:
        folder = make_folder(directory, 12)
        single = os.path.join(directory, 'single.db')
        single_load(folder, single)
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
            assert len(client.scheduler_info()['workers']) == 2
            merged = os.path.join(directory, 'merged.db')
            summary = ibid_dask.load(folder, merged, client, shards=4, extension=EXT)
            assert summary['loaded'] == 15 and summary['shards'] == 4 and not summary['failed'], summary
            assert_same(single, merged)
            # shards sent back as bytes (workers without a shared folder)
            sent = os.path.join(directory, 'sent.db')
            summary = ibid_dask.load(folder, sent, client, shards=3, extension=EXT, transfer=True)
            assert summary['loaded'] == 15 and summary['shards'] == 3, summary
            assert_same(single, sent)
