"""sql/load.sql and ibid_init under a hostile or busy machine (issue #12 items 4 and 6).

- No script, test or tool writes to a predictable path in a shared folder; load.sql
  works, and runs nothing of an attacker's, when the old scratch path was made first.
- ibid_init waits for another writer (busy timeout) instead of failing at once.
- Two load.sql runs and a reader on one database, in rollback-journal and WAL mode,
  load every document once; a file whose INSERT fails is retried, the summary is
  printed and says what failed and why, and the database records it.
- ibid_files reads no device and stays unusable from a trigger.
"""
import os, re, shutil, sqlite3, subprocess, tempfile, threading, time
from ibidtest import ROOT, CORPUS, EXTENSION, connect, corpus_names


def load_script():
    with open(os.path.join(ROOT, 'sql', 'load.sql'), encoding='utf-8') as f:
        return f.read().replace('.load ./ibid', '.load ' + EXTENSION)


def start_load(database, folder, env=None):
    return subprocess.Popen(['sqlite3', '-cmd', '.parameter set :folder %s' % folder, database],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def copies_of_corpus(folder, count):
    names = corpus_names()
    for i in range(count):
        shutil.copy(os.path.join(CORPUS, names[i % len(names)]), os.path.join(folder, '%04d.txt' % i))


# ----- item 4: no predictable temporary file ---------------------------------------

SCANNED = ('sql', 'tests', 'bench', 'fuzz', 'ext', 'docs', 'Makefile', '.ci', 'README.md', 'tools', 'cli', 'scripts')
# A shared-folder path is fine only when a random part is made for it.
RANDOM_PART = re.compile(r'XXXXXX|mkdtemp|mktemp -d|TemporaryDirectory|NamedTemporaryFile')


def project_files():
    for top in SCANNED:
        path = os.path.join(ROOT, top)
        if os.path.isfile(path):
            yield path
        for base, folders, files in os.walk(path):
            folders[:] = [f for f in folders if f not in ('corpus', 'formats', 'gold')]
            for name in files:
                if name.endswith(('.sql', '.py', '.c', '.h', '.md', '.sh')) or name in ('Makefile', 'run'):
                    yield os.path.join(base, name)


def test_no_predictable_temporary_path_anywhere():
    """No /tmp or $TMPDIR path without a random part; no mktemp()/tmpnam()/tempfile.mktemp."""
    problems = []
    unsafe_call = re.compile(r'\b(tmpnam|tempnam|tempfile\.mktemp)\s*\(|(?<![_\w])mktemp\s*\(')
    shared = re.compile(r'(/tmp/|/var/tmp/|\$\{?TMPDIR|gettempdir\(\))')
    for path in project_files():
        if path.endswith('test_load_safety.py'):
            continue
        with open(path, encoding='utf-8', errors='replace') as f:
            for number, line in enumerate(f, 1):
                where = '%s:%d: %s' % (os.path.relpath(path, ROOT), number, line.strip()[:120])
                if unsafe_call.search(line):
                    problems.append(where)
                elif shared.search(line) and not RANDOM_PART.search(line):
                    problems.append(where)
    assert not problems, 'predictable temporary paths:\n' + '\n'.join(problems)


def test_load_ignores_an_attackers_scratch_file():
    """The old load.sql wrote ${TMPDIR:-/tmp}/ibid-load-$PPID.sql and .read it: whoever made
    that file first had their dot-commands run. Make it (and its siblings), then load."""
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        shared = os.path.join(work, 'shared-tmp')
        os.makedirs(shared)
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 3)
        marker = os.path.join(work, 'PWNED')
        payload = '.shell touch %s\n.system touch %s\nSELECT \'attacker ran\';\n' % (marker, marker)
        env = dict(os.environ, TMPDIR=shared)
        process = start_load(os.path.join(work, 'corpus.db'), folder, env)
        for name in ('ibid-load-%d.sql' % process.pid, 'ibid-load.sql', 'ibid-load-%d.sql' % os.getpid()):
            with open(os.path.join(shared, name), 'w') as f:
                f.write(payload)
        os.symlink(os.path.join(work, 'victim'), os.path.join(shared, 'ibid-load-%d.sql' % (process.pid + 1)))
        out, err = process.communicate(load_script(), timeout=300)
        assert process.returncode == 0 and not err.strip(), (out, err)
        assert 'attacker ran' not in out and not os.path.exists(marker), out
        assert not os.path.exists(os.path.join(work, 'victim'))
        assert 'ibid: 3 of 3 documents loaded' in out, out
        # The private scratch folder is gone; the attacker's files are as they were.
        left = sorted(os.listdir(shared))
        assert not [n for n in left if os.path.isdir(os.path.join(shared, n))], left
        with open(os.path.join(shared, 'ibid-load-%d.sql' % process.pid)) as f:
            assert f.read() == payload
    finally:
        shutil.rmtree(work)


def test_load_stops_cleanly_without_a_private_scratch_folder():
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 1)
        env = dict(os.environ, TMPDIR=os.path.join(work, 'does-not-exist'))
        process = start_load(os.path.join(work, 'corpus.db'), folder, env)
        out, err = process.communicate(load_script(), timeout=120)
        assert process.returncode != 0 and 'cannot make a private scratch folder' in out + err, (out, err)
    finally:
        shutil.rmtree(work)


# ----- item 6: concurrent writers ---------------------------------------------------

def hold_write_lock(database, seconds):
    """A child process that holds the write lock for `seconds`; returns once it holds it."""
    code = ('import sqlite3, sys, time\n'
            'db = sqlite3.connect(sys.argv[1], isolation_level=None)\n'
            'db.execute("begin immediate"); db.execute("create table if not exists lock_holder(x)")\n'
            'print("locked", flush=True); time.sleep(float(sys.argv[2])); db.execute("commit")\n')
    holder = subprocess.Popen(['/usr/bin/python3', '-c', code, database, str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == 'locked'
    return holder


def test_ibid_init_waits_for_another_writer():
    for mode in ('delete', 'wal'):
        work = tempfile.mkdtemp(prefix='ibid_load_safety_')
        try:
            database = os.path.join(work, 'corpus.db')
            db = connect(database)
            db.execute('pragma journal_mode=%s' % mode)
            db.execute('select ibid_init()')
            db.commit()
            db.close()
            holder = hold_write_lock(database, 1)
            db = connect(database)
            db.execute('pragma busy_timeout = 60000')
            assert db.execute('select ibid_init()').fetchone() == ('ok',)
            holder.wait(timeout=60)
            # Inside a transaction of the caller it still works (a savepoint).
            db.execute('begin')
            assert db.execute('select ibid_init()').fetchone() == ('ok',)
            db.execute('commit')
        finally:
            shutil.rmtree(work)


def concurrent_loads(mode, count=60):
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, count)
        database = os.path.join(work, 'corpus.db')
        db = connect(database)
        db.execute('pragma journal_mode=%s' % mode)
        db.close()
        stop = threading.Event()
        reads, read_errors = [], []

        def reader():
            r = sqlite3.connect(database, timeout=60)
            while not stop.is_set():
                try:
                    reads.append(r.execute("select count(*) from sqlite_master where name = 'documents'"
                                           ).fetchone()[0] and
                                 r.execute('select count(*) from documents').fetchone()[0])
                except sqlite3.Error as error:
                    read_errors.append(str(error))
                time.sleep(0.05)

        thread = threading.Thread(target=reader)
        thread.start()
        loaders = [start_load(database, folder) for _ in range(2)]
        script = load_script()
        results = []
        for loader in loaders:
            loader.stdin.write(script)
            loader.stdin.close()
        for loader in loaders:
            out = loader.stdout.read()
            err = loader.stderr.read()
            loader.wait(timeout=600)
            results.append((loader.returncode, out, err))
        stop.set()
        thread.join()
        for code, out, err in results:
            assert code == 0 and not err.strip(), (mode, out, err)
            assert re.search(r'ibid: \d+ of \d+ documents loaded in', out), out
            assert 'not loaded' not in out, out
        db = connect(database)
        got = db.execute('select count(*), count(distinct path), count(body), count(error) '
                         'from documents').fetchone()
        assert got == (count, count, count, 0), (mode, got)
        assert db.execute('select count(*) from blocks b where not exists '
                          '(select 1 from documents d where d.id = b.document_id)').fetchone() == (0,)
        assert reads and all(n <= count for n in reads if n), reads
        assert not read_errors, read_errors[:3]
    finally:
        shutil.rmtree(work)


def test_two_loaders_and_a_reader_rollback_journal():
    concurrent_loads('delete')


def test_two_loaders_and_a_reader_wal():
    concurrent_loads('wal')


def test_a_failed_insert_is_retried_reported_and_recorded():
    """A file whose INSERT fails does not end the run: the others load, the summary is
    printed and names the file and why, and documents.error records it for the next run."""
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 4)
        shutil.copy(os.path.join(folder, '0000.txt'), os.path.join(folder, 'poison.txt'))
        database = os.path.join(work, 'corpus.db')
        db = connect(database)
        db.execute('select ibid_init()')
        db.execute("create trigger poison before insert on documents when new.path like '%poison%' "
                   "and new.raw is not null begin select raise(abort, 'poisoned on purpose'); end")
        db.commit()
        db.close()
        process = start_load(database, folder)
        out, err = process.communicate(load_script(), timeout=300)
        assert process.returncode == 1 and 'poisoned on purpose' in err, (process.returncode, err)
        lines = out.splitlines()
        assert '5/5 documents' in out and ', 1 not loaded' in out, out
        assert 'ibid: 4 of 5 documents loaded in' in out, out
        assert any(l.startswith('not loaded: %s/poison.txt: its INSERT failed twice' % folder)
                   for l in lines), out
        assert err.count('poisoned on purpose') == 2, err   # tried twice
        db = connect(database)
        assert db.execute("select raw, error from documents where path like '%poison.txt'").fetchall() == \
            [(None, 'load.sql: not loaded: its INSERT failed twice; load the folder again to retry')]
        assert db.execute('select count(body) from documents').fetchone() == (4,)
        # The next run tries it again (its raw is NULL, so it is not "already loaded").
        db.execute('drop trigger poison')
        db.commit()
        process = start_load(database, folder)
        out, err = process.communicate(load_script(), timeout=300)
        assert ': 1 to load, 4 already loaded' in out and 'ibid: 1 of 1 documents loaded' in out, out
        assert connect(database).execute("select error from documents where path like '%poison.txt'"
                                         ).fetchall() == [(None,)]
    finally:
        shutil.rmtree(work)


def test_a_load_waits_for_a_writer_holding_the_lock():
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 3)
        database = os.path.join(work, 'corpus.db')
        holder = hold_write_lock(database, 2)
        process = start_load(database, folder)
        out, err = process.communicate(load_script(), timeout=300)
        holder.wait(timeout=60)
        assert process.returncode == 0 and not err.strip(), (out, err)
        assert 'ibid: 3 of 3 documents loaded' in out, out
    finally:
        shutil.rmtree(work)


# ----- what the audit found solid: keep it -----------------------------------------

def test_files_reads_no_device():
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        os.symlink('/dev/zero', os.path.join(work, 'zero'))
        os.symlink('/dev/null', os.path.join(work, 'null'))
        with open(os.path.join(work, 'ok.txt'), 'w') as f:
            f.write('ok')
        db = connect()
        got = dict(db.execute('select path, coalesce(error, raw) from ibid_files(?)', (work,)).fetchall())
        assert got[os.path.join(work, 'zero')] == 'not a regular file (a character device)', got
        assert got[os.path.join(work, 'null')] == 'not a regular file (a character device)', got
        assert got[os.path.join(work, 'ok.txt')] == b'ok'
    finally:
        shutil.rmtree(work)


def test_files_is_unusable_from_a_trigger_of_the_database():
    """DIRECTONLY: a database file cannot make ibid_files run when someone writes to it."""
    db = connect()
    db.execute('create table t(x)')
    db.execute('create table stolen(path, raw)')
    db.execute("create trigger t_steal after insert on t begin insert into stolen "
               "select path, raw from ibid_files('/etc/hostname'); end")
    try:
        db.execute('insert into t values (1)')
        raise AssertionError('ibid_files ran inside a trigger')
    except sqlite3.OperationalError as error:
        assert 'unsafe use of virtual table' in str(error), error
    assert db.execute('select count(*) from stolen').fetchone() == (0,)


def test_python_writers_with_the_default_timeout():
    """Two Python processes, default sqlite3 settings (5 s timeout), each ibid_init() and
    30 INSERTs into one WAL database: none fails, every document is there once."""
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        database = os.path.join(work, 'corpus.db')
        db = sqlite3.connect(database)
        db.execute('pragma journal_mode=wal')
        db.close()
        code = ('import os, sys\nsys.path.insert(0, "tests/py")\nfrom ibidtest import connect, CORPUS, corpus_names\n'
                'db = connect(sys.argv[1])\ndb.execute("select ibid_init()")\nnames = corpus_names()\n'
                'for i in range(30):\n'
                '    raw = open(os.path.join(CORPUS, names[i % len(names)]), "rb").read()\n'
                '    db.execute("insert into documents(path, raw) values (?, ?)", ("%s/%d" % (sys.argv[2], i), raw))\n'
                '    db.commit()\nprint("done")\n')
        writers = [subprocess.Popen(['/usr/bin/python3', '-c', code, database, 'w%d' % k], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for k in range(2)]
        for writer in writers:
            out, err = writer.communicate(timeout=600)
            assert writer.returncode == 0 and out.strip() == 'done', err[-2000:]
        assert connect(database).execute('select count(*), count(distinct path), count(body) '
                                         'from documents').fetchone() == (60, 60, 60)
    finally:
        shutil.rmtree(work)


def test_a_killed_load_leaves_no_scratch_folder():
    import signal
    work = tempfile.mkdtemp(prefix='ibid_load_safety_')
    try:
        shared = os.path.join(work, 'shared-tmp')
        os.makedirs(shared)
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 120)
        process = start_load(os.path.join(work, 'corpus.db'), folder, dict(os.environ, TMPDIR=shared))
        process.stdin.write(load_script())
        process.stdin.close()
        for line in process.stdout:
            if 'documents/s' in line:
                process.send_signal(signal.SIGKILL)
                break
        process.stdout.read()
        process.wait(timeout=120)
        # load.sql's own scratch folders only: SQLite's temporary files ("etilqs_...", a
        # statement journal spilled to disk) are unlinked right after they are opened,
        # but a SIGKILL between the two leaves one, which is SQLite's, not the load's.
        left = [name for name in os.listdir(shared) if name.startswith('ibid-load.')]
        assert left == [], left
    finally:
        shutil.rmtree(work)
