#!/usr/bin/python3
"""ibid_parallel_load.py -- loads a folder into an ibid corpus on every core.

    tools/ibid_parallel_load.py FOLDER --db corpus.db [-j N] [--extension ./ibid]

The files of FOLDER (ibid_files: recursive, sorted by path) are cut into contiguous
chunks of about equal size in bytes (4 per job). N worker processes each load a chunk
into a shard database of its own with the extension (`INSERT INTO documents`, the same
ingest trigger as a single load, one savepoint per file so one bad file does not stop the
others); the parent merges the shards into corpus.db with sql/merge.sql in chunk order,
each as soon as it and the ones before it are done, while the workers go on. The result
is the corpus a single `sql/load.sql` of the folder gives: the same documents, works,
citations and graph (docs/scale.md says why and how the merge links works again).

Like sql/load.sql it only adds what is new: a path already in the corpus whose file has
the same size and was not modified after it was added is skipped; a changed file replaces
its document; files ibid_format() does not recognize are skipped. -j 1 loads directly into
corpus.db, no shards. Prints one progress line per merged chunk and a summary.

From Python (`ibid load -j N` does the same in C: cli/load_parallel.c):

    import ibid_parallel_load
    summary = ibid_parallel_load.load('papers/', 'corpus.db', jobs=4)
    # {'files': .., 'loaded': .., 'skipped': .., 'failed': [(path, error)], 'seconds': ..}

Also here, for tools/ibid_dask.py: list_files, chunk, build_shard, merge_shard.
"""
import argparse, multiprocessing, os, sqlite3, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTENSION = os.path.join(ROOT, 'ibid')
MERGE_SQL = os.path.join(ROOT, 'sql', 'merge.sql')


def connect(path, extension=EXTENSION):
    """A connection in autocommit mode (transactions are explicit) with ibid loaded."""
    db = sqlite3.connect(path, isolation_level=None, uri=path.startswith('file:'))
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.enable_load_extension(False)
    return db


def list_files(folder, db_path=None, extension=EXTENSION):
    """[(path, size)] of the files below folder to load, sorted by path: readable, and not
    already in the corpus at db_path unchanged. Opens no file (ibid_files is lazy)."""
    db = connect(db_path or ':memory:', extension)
    try:
        known = db_path is not None and db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0]
        sql = 'SELECT f.path, f.size FROM ibid_files(?1) f WHERE f.error IS NULL'
        if known:
            sql += ('''
                AND NOT EXISTS (SELECT 1 FROM main.documents d
                                WHERE d.path = f.path AND d.added >= f.modified
                                  AND CASE typeof(d.raw) WHEN 'blob' THEN length(d.raw)
                                      ELSE length(CAST(d.raw AS BLOB)) END = f.size)''')
        return db.execute(sql + ' ORDER BY f.path', (folder,)).fetchall()
    finally:
        db.close()


def chunk(files, pieces):
    """Cuts [(path, size)] into at most `pieces` contiguous lists of paths of about equal
    bytes (contiguous, so that merging them in order is loading the files in order)."""
    if not files:
        return []
    pieces = max(1, min(pieces, len(files)))
    total = sum(max(size, 1) for _, size in files)
    chunks, current, done = [], [], 0
    for path, size in files:
        current.append(path)
        done += max(size, 1)
        if done >= total * (len(chunks) + 1) / pieces and len(chunks) < pieces - 1:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def load_paths(db, paths):
    """Loads each path into the corpus on connection db, one savepoint per file; returns
    (loaded, skipped, [(path, error)])."""
    loaded = skipped = 0
    failed = []
    db.execute('BEGIN')
    for path in paths:
        db.execute('SAVEPOINT ibid_file')
        try:
            cursor = db.execute(
                'INSERT INTO main.documents(path, raw) SELECT path, raw FROM ibid_files(?1) '
                'WHERE error IS NULL AND ibid_format(raw) IS NOT NULL', (path,))
            if cursor.rowcount > 0:
                loaded += 1
            else:
                skipped += 1
            db.execute('RELEASE ibid_file')
        except sqlite3.Error as error:
            db.execute('ROLLBACK TO ibid_file')
            db.execute('RELEASE ibid_file')
            failed.append((path, str(error)))
    db.execute('COMMIT')
    return loaded, skipped, failed


def build_shard(paths, shard_path, extension=EXTENSION, fulltext=True):
    """Loads paths into a new shard database at shard_path (a scratch file: its journal in memory).
    With fulltext=False the shard's `fulltext` is a plain table, not an FTS5 index: the
    merge builds the corpus's index from the blocks anyway, so a shard made only to be
    merged need not tokenize its text. Returns (shard_path, loaded, skipped, failed)."""
    if os.path.exists(shard_path):
        os.remove(shard_path)
    db = connect(shard_path, extension)
    try:
        db.execute('PRAGMA journal_mode = MEMORY')  # savepoints must roll back: not OFF
        db.execute('PRAGMA synchronous = OFF')
        if not fulltext:
            db.execute('CREATE TABLE fulltext(text, document_id, block)')
        db.execute('SELECT ibid_init()')
        loaded, skipped, failed = load_paths(db, paths)
    finally:
        db.close()
    return shard_path, loaded, skipped, failed


def merge_shard(db, shard_path):
    """Merges the shard database at shard_path into the corpus on connection db
    (sql/merge.sql; the shard is attached read-only and left as it was)."""
    with open(MERGE_SQL, encoding='utf-8') as f:
        script = f.read()
    db.execute('SELECT ibid_init()')
    db.execute('ATTACH ?1 AS shard', ('file:%s?mode=ro' % os.path.abspath(shard_path),))
    try:
        db.executescript(script)
    except sqlite3.Error:
        if db.in_transaction:
            db.execute('ROLLBACK')
        raise
    finally:
        db.execute('DETACH shard')


def _build(task):
    paths, shard_path, extension = task
    return build_shard(paths, shard_path, extension, fulltext=False)


def load(folder, db_path, jobs=None, extension=EXTENSION, progress=None):
    """Loads folder into the corpus at db_path with `jobs` processes (default: every core)."""
    jobs = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    files = list_files(folder, db_path, extension)
    summary = {'files': len(files), 'loaded': 0, 'skipped': 0, 'failed': [], 'shards': 0}
    db = connect(db_path, extension)
    try:
        db.execute('PRAGMA cache_size = -65536')  # 64 MB: the writer's indexes stay in memory
        db.execute('SELECT ibid_init()')
        if jobs == 1 or len(files) < 2:
            # One transaction, a savepoint per file: SQLite copies the pages a file's INSERT
            # changes that an earlier file changed first to the savepoint's journal, a
            # temporary file past 64 KB; in memory, it is the pages of one file at most
            # (a few hundred KB), released with the savepoint (docs/scale.md).
            db.execute('PRAGMA temp_store = MEMORY')
            loaded, skipped, failed = load_paths(db, [p for p, _ in files])
            summary.update(loaded=loaded, skipped=skipped, failed=failed)
        else:
            chunks = chunk(files, jobs * 4)
            summary['shards'] = len(chunks)
            scratch = os.path.dirname(os.path.abspath(db_path))
            with tempfile.TemporaryDirectory(prefix='ibid-shards-', dir=scratch) as folder_:
                tasks = [(paths, os.path.join(folder_, 'shard%05d.db' % i), extension)
                         for i, paths in enumerate(chunks)]
                with multiprocessing.get_context('spawn').Pool(jobs) as pool:
                    for shard_path, loaded, skipped, failed in pool.imap(_build, tasks):
                        merge_shard(db, shard_path)
                        os.remove(shard_path)
                        summary['loaded'] += loaded
                        summary['skipped'] += skipped
                        summary['failed'] += failed
                        if progress:
                            progress('%d/%d documents, %.1f documents/s' % (
                                summary['loaded'], len(files),
                                summary['loaded'] / max(time.perf_counter() - started, 1e-3)))
    finally:
        db.close()
    summary['seconds'] = time.perf_counter() - started
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    parser.add_argument('folder')
    parser.add_argument('--db', required=True, help='the corpus database (created if missing)')
    parser.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1,
                        help='worker processes (default: every core)')
    parser.add_argument('--extension', default=EXTENSION, help='path of ibid.so, without .so')
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error('-j must be at least 1')
    if not os.path.isdir(args.folder) and not os.path.isfile(args.folder):
        parser.error('no such folder: %s' % args.folder)
    summary = load(args.folder, args.db, args.jobs, args.extension, progress=print)
    print('ibid: %d of %d files loaded in %.1f s (%.1f documents/s, %d jobs, %d shards)' % (
        summary['loaded'], summary['files'], summary['seconds'],
        summary['loaded'] / max(summary['seconds'], 1e-3), args.jobs, summary['shards']))
    for path, error in summary['failed']:
        print('not loaded: %s: %s' % (path, error))
    if summary['skipped']:
        print('skipped, format not recognized: %d files' % summary['skipped'])
    return 1 if summary['failed'] else 0


if __name__ == '__main__':
    sys.exit(main())
