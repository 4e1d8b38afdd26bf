"""ibid_files(folder) and sql/load.sql: folders walked in path order, unreadable files as
rows with an error, files read only when `raw` is asked for, and a load that can be
interrupted without leaving half a document and then resumed."""
import os, shutil, signal, sqlite3, subprocess, tempfile, threading, time
from ibidtest import ROOT, CORPUS, EXTENSION, connect, corpus_names

IS_ROOT = os.geteuid() == 0


def make_tree(files):
    """A temp folder holding {relative path: bytes}; returns its path."""
    folder = tempfile.mkdtemp(prefix='ibid_files_')
    for name, data in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)
    return folder


def rows(db, sql, *args):
    return db.execute(sql, args).fetchall()


def test_paths_are_the_folder_joined_and_sorted_by_path():
    folder = make_tree({'a-b': b'1', 'a/x': b'22', 'a/y/z.txt': b'333', 'a0': b'4', 'B': b'5',
                        '.hidden': b'6'})
    try:
        db = connect()
        got = rows(db, 'select path, size from ibid_files(?)', folder + '/')
        want = sorted([(folder + '/' + n, s) for n, s in
                       [('a-b', 1), ('a/x', 2), ('a/y/z.txt', 3), ('a0', 1), ('B', 1), ('.hidden', 1)]])
        assert got == want, got
        # The folder as given: a relative path stays relative.
        parent, name = os.path.split(folder)
        relative = subprocess.run(['sqlite3', ':memory:', '.load ' + os.path.join(ROOT, EXTENSION),
                                   "select path from ibid_files('%s') limit 1;" % name],
                                  cwd=parent, capture_output=True, text=True)
        assert relative.stdout.strip() == name + '/.hidden', relative
        # ORDER BY path is what the walk gives already.
        assert rows(db, 'select path from ibid_files(?) order by path', folder) == \
            [(p,) for p, _ in want]
        assert rows(db, 'select path from ibid_files(?) order by path collate nocase', folder) == \
            sorted([(p,) for p, _ in want], key=lambda r: r[0].lower())
        assert rows(db, 'select path from ibid_files(?) order by path desc', folder) == \
            [(p,) for p, _ in reversed(want)]
    finally:
        shutil.rmtree(folder)


def test_raw_and_modified():
    folder = make_tree({'doc.txt': 'Résumé\x00tail'.encode('utf-8'), 'empty': b''})
    try:
        os.utime(os.path.join(folder, 'doc.txt'), (0, 1700000000))
        db = connect()
        (path, size, modified, raw, error), (epath, esize, _, eraw, eerror) = rows(
            db, 'select path, size, modified, raw, error from ibid_files(?)', folder)
        assert path.endswith('/doc.txt') and size == 13 and error is None
        assert raw == 'Résumé\x00tail'.encode('utf-8') and isinstance(raw, bytes)
        assert modified == '2023-11-14T22:13:20Z', modified
        assert epath.endswith('/empty') and esize == 0 and eraw == b'' and eerror is None
        assert rows(db, 'select typeof(raw) from ibid_files(?)', folder) == [('blob',), ('blob',)]
    finally:
        shutil.rmtree(folder)


def test_unreadable_entries_are_rows_with_an_error():
    folder = make_tree({'good.txt': b'good', 'sub/inner.txt': b'inner'})
    try:
        os.symlink('nowhere', os.path.join(folder, 'dangling'))
        os.mkfifo(os.path.join(folder, 'fifo'))
        os.symlink('self', os.path.join(folder, 'self'))            # a link to itself
        os.symlink('..', os.path.join(folder, 'sub', 'up'))           # a link to an ancestor
        os.symlink('good.txt', os.path.join(folder, 'link.txt'))     # followed
        os.symlink('sub', os.path.join(folder, 'linked'))            # followed, once
        db = connect()
        got = {os.path.relpath(p, folder): (s, e, r)
               for p, s, e, r in rows(db, 'select path, size, error, raw from ibid_files(?)', folder)}
        assert got['good.txt'] == (4, None, b'good')
        assert got['link.txt'] == (4, None, b'good')
        assert got['dangling'] == (None, 'dangling symbolic link', None)
        assert got['fifo'] == (None, 'not a regular file (a FIFO)', None)
        assert got['self'] == (None, 'symbolic link loop', None)
        assert got['sub/up'] == (None, 'symbolic link loop', None)
        assert got['linked/up'] == (None, 'symbolic link loop', None)
        assert got['linked/inner.txt'] == (5, None, b'inner')
        assert len(got) == 9, sorted(got)
        if not IS_ROOT:  # permission bits do not stop root
            locked = os.path.join(folder, 'locked')
            os.mkdir(locked)
            with open(os.path.join(folder, 'secret.txt'), 'w') as f:
                f.write('x')
            os.chmod(os.path.join(folder, 'secret.txt'), 0)
            os.chmod(locked, 0)
            got = {os.path.relpath(p, folder): (e, r)
                   for p, e, r in rows(db, 'select path, error, raw from ibid_files(?)', folder)}
            assert got['locked'] == ('permission denied', None), got
            assert got['secret.txt'] == ('permission denied', None), got
            assert rows(db, 'select error from ibid_files(?) where path like ?', folder, '%secret%') \
                == [('permission denied',)]
            os.chmod(locked, 0o700)
    finally:
        shutil.rmtree(folder)


def test_permission_denied_as_an_unprivileged_user():
    """Permission bits do not stop root: as root, check them as user nobody (setpriv)."""
    if IS_ROOT and not shutil.which('setpriv'):
        return
    folder = make_tree({'ok.txt': b'ok', 'secret.txt': b'secret', 'locked/in.txt': b'in'})
    try:
        os.chmod(os.path.join(folder, 'secret.txt'), 0)
        os.chmod(os.path.join(folder, 'locked'), 0)
        os.chmod(folder, 0o755)
        prefix = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] if IS_ROOT else []
        extension = os.path.join(ROOT, EXTENSION)
        probe = subprocess.run(prefix + ['sqlite3', ':memory:', '.load ' + extension, 'select 1;'],
                               capture_output=True, text=True)
        if probe.stdout.strip() != '1':
            return  # the checkout is not readable by nobody (e.g. under /root): nothing to test
        result = subprocess.run(prefix + ['sqlite3', ':memory:', '.load ' + extension,
                                          "select path, size, error, length(raw) from ibid_files('%s');" % folder,
                                          "select path, error from ibid_files('%s');" % folder,
                                          "select count(*) from ibid_files('%s/locked');" % folder],
                                capture_output=True, text=True)
        assert result.stdout.splitlines() == [
            folder + '/locked||permission denied|', folder + '/ok.txt|2||2',
            folder + '/secret.txt|6|permission denied|',
            folder + '/locked|permission denied', folder + '/ok.txt|',
            folder + '/secret.txt|permission denied'], result
        assert "ibid_files: cannot read folder '%s/locked': permission denied" % folder in result.stderr
    finally:
        os.chmod(os.path.join(folder, 'locked'), 0o700)
        shutil.rmtree(folder)


def test_files_over_the_length_limit_are_errors_not_read():
    folder = make_tree({'big': b'x' * 2000, 'small': b'y' * 1000})
    try:
        db = connect()
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 1000)
        got = rows(db, 'select size, error, raw is null from ibid_files(?)', folder)
        assert got == [(2000, "file too large (2000 bytes > SQLite's limit 1000)", 1), (1000, None, 0)], got
        assert rows(db, 'select error from ibid_files(?)', folder)[0][0].startswith('file too large')
    finally:
        shutil.rmtree(folder)


def read_bytes():
    with open('/proc/self/io') as f:
        return int(dict(line.split(': ') for line in f.read().splitlines())['rchar'])


def test_files_are_read_only_for_raw():
    folder = make_tree({'a': b'a' * 4000000, 'b': b'b' * 4000000})
    try:
        db = connect()
        before = read_bytes()
        assert rows(db, 'select path, size, modified, error from ibid_files(?)', folder)[0][1] == 4000000
        assert read_bytes() - before < 1000000
        before = read_bytes()
        assert rows(db, 'select sum(length(raw)) from ibid_files(?)', folder) == [(8000000,)]
        assert read_bytes() - before >= 8000000
    finally:
        shutil.rmtree(folder)


def test_bad_arguments():
    db = connect()
    assert rows(db, 'select count(*) from ibid_files(NULL)') == [(0,)]
    for argument, message in [(42, 'ibid_files: argument must be text, got integer'),
                              (b'ab\xff', 'ibid_files: invalid UTF-8 at byte 2'),
                              ('', 'ibid_files: the folder name is empty'),
                              ('/no/such/folder', "ibid_files: cannot read folder '/no/such/folder': "
                                                  'no such file or folder'),
                              ('a\x00b', "ibid_files: cannot read folder 'a...': a path cannot contain a NUL byte"),
                              ('x' * 100000, "ibid_files: cannot read folder '%s...': path too long" % ('x' * 200))]:
        try:
            rows(db, 'select * from ibid_files(?)', argument)
            raise AssertionError('no error for %r' % argument)
        except sqlite3.OperationalError as error:
            assert str(error).startswith(message), (argument, str(error))
    try:
        rows(db, 'select * from ibid_files')
        raise AssertionError('no error without an argument')
    except sqlite3.OperationalError as error:
        assert 'missing argument' in str(error)
    assert rows(db, 'select count(*) from ibid_files(?)', b'tests/corpus')[0][0] >= 5  # UTF-8 BLOB
    # A file as folder: that one file.
    name = os.path.join(CORPUS, corpus_names()[0])
    assert rows(db, 'select path, error from ibid_files(?)', name) == [(name, None)]


def test_not_callable_from_views_or_triggers():
    db = connect()
    db.execute("create view v as select path from ibid_files('tests/corpus')")
    try:
        db.execute('select * from v').fetchall()
        raise AssertionError('ibid_files ran inside a view')
    except sqlite3.OperationalError as error:
        assert 'unsafe use of virtual table' in str(error), error


def test_concurrent_walks_agree():
    """No shared state: walks on several connections at once give the same rows."""
    results = []

    def walk():
        db = sqlite3.connect(':memory:', check_same_thread=False)
        db.enable_load_extension(True)
        db.load_extension(os.path.join(ROOT, EXTENSION))
        results.append(db.execute("select group_concat(path || size, ',') from ibid_files(?)",
                                  (os.path.join(ROOT, 'tests'),)).fetchone()[0])

    threads = [threading.Thread(target=walk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1


def test_deep_and_wide_folders():
    folder = tempfile.mkdtemp(prefix='ibid_files_')
    try:
        deep = os.path.join(folder, *['d'] * 100)
        os.makedirs(deep)
        with open(os.path.join(deep, 'leaf'), 'w') as f:
            f.write('leaf')
        for i in range(3000):
            open(os.path.join(folder, 'f%05d' % i), 'w').close()
        db = connect()
        got = rows(db, 'select count(*), max(length(path)), sum(error is not null) from ibid_files(?)', folder)
        assert got == [(3001, len(os.path.join(deep, 'leaf')), 0)], got
    finally:
        shutil.rmtree(folder)


def test_insert_documents_from_a_folder():
    folder = make_tree({name: open(os.path.join(CORPUS, name), 'rb').read() for name in corpus_names()})
    try:
        db = connect()
        db.execute('select ibid_init()')
        db.execute('insert into documents(path, raw) select path, raw from ibid_files(?) '
                   'where error is null', (folder,))
        assert rows(db, 'select count(*), count(body) from documents') == [(5, 5)]
    finally:
        shutil.rmtree(folder)


# ----- sql/load.sql ----------------------------------------------------------------

def load_script():
    with open(os.path.join(ROOT, 'sql', 'load.sql'), encoding='utf-8') as f:
        return f.read().replace('.load ./ibid', '.load ' + EXTENSION)


def run_load(database, folder, **options):
    command = ['sqlite3', database] if folder is None else \
        ['sqlite3', '-cmd', '.parameter set :folder %s' % folder, database]
    return subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **options)


def finish(process):
    out, err = process.communicate(load_script(), timeout=600)
    return process.returncode, out, err


def copies_of_corpus(folder, count):
    names = corpus_names()
    for i in range(count):
        name = names[i % len(names)]
        shutil.copy(os.path.join(CORPUS, name), os.path.join(folder, '%04d_%s' % (i, name)))


def test_load_script_needs_a_folder():
    work = tempfile.mkdtemp(prefix='ibid_load_')
    try:
        code, out, err = finish(run_load(os.path.join(work, 'x.db'), None))
        assert code != 0 and "no folder given; run: sqlite3 -cmd '.parameter set :folder papers/'" in err, err
    finally:
        shutil.rmtree(work)


def test_load_script_loads_a_folder_and_reports():
    work = tempfile.mkdtemp(prefix='ibid_load_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(os.path.join(folder, 'sub'))
        copies_of_corpus(folder, 5)
        shutil.copy(os.path.join(CORPUS, corpus_names()[1]), os.path.join(folder, 'sub', 'again.txt'))
        formats = os.path.join(ROOT, 'tests', 'formats')
        extra = []
        for sub in ('html', 'jats', 'tei'):
            for name in sorted(os.listdir(os.path.join(formats, sub))) if os.path.isdir(os.path.join(formats, sub)) else []:
                if name.endswith(('.html', '.xml')) and len(extra) < 3:
                    shutil.copy(os.path.join(formats, sub, name), os.path.join(folder, 'sub', name))
                    extra.append(name)
        with open(os.path.join(folder, 'junk.bin'), 'wb') as f:
            f.write(bytes(range(256)) * 8)
        with open(os.path.join(folder, 'broken.pdf'), 'wb') as f:   # loads, with an error
            f.write(b'%PDF-1.4 truncated')
        extra.append('broken.pdf')
        os.symlink('nowhere', os.path.join(folder, 'dangling'))
        os.mkfifo(os.path.join(folder, 'fifo'))
        database = os.path.join(work, 'corpus.db')
        code, out, err = finish(run_load(database, folder + '/'))
        assert code == 0 and not err.strip(), (out, err)
        lines = out.splitlines()
        assert lines[0] == 'ibid: schema ok'
        assert lines[1] == 'ibid: %d files in %s/: %d to load, 0 already loaded, 2 unreadable' % (
            9 + len(extra), folder, 7 + len(extra)), lines[1]
        assert 'ibid: %d of %d documents loaded in' % (6 + len(extra), 7 + len(extra)) in out, out
        assert 'unreadable: %s/dangling: dangling symbolic link' % folder in lines
        assert 'unreadable: %s/fifo: not a regular file (a FIFO)' % folder in lines
        assert 'skipped, format not recognized: %s/junk.bin' % folder in lines
        assert any(line.startswith('conversion failed: %s/broken.pdf: ' % folder) for line in lines), out
        db = connect(database)
        assert rows(db, 'select count(*), count(body) from documents') == [(6 + len(extra), 5 + len(extra))]
        assert rows(db, 'select count(*) from documents where path = ?', folder + '/sub/again.txt') == [(1,)]
        # Again: nothing new to load.
        code, out, err = finish(run_load(database, folder + '/'))
        assert code == 0 and ': 1 to load, %d already loaded, 2 unreadable' % (6 + len(extra)) in out, out
        # A changed file is loaded again.
        with open(os.path.join(folder, 'sub', 'again.txt'), 'a') as f:
            f.write('\nOne more line.\n')
        code, out, err = finish(run_load(database, folder + '/'))
        assert ': 2 to load, %d already loaded' % (5 + len(extra)) in out, out
        assert rows(connect(database), 'select body like ? from documents where path like ?',
                    '%One more line.%', '%again.txt') == [(1,)]
    finally:
        shutil.rmtree(work)


def shape(db, where, *args):
    """What a document is made of: body length, blocks, sentences, notes, markers, refs."""
    return rows(db, '''select d.path, length(d.body),
        (select count(*) from blocks where document_id = d.id),
        (select count(*) from sentences where document_id = d.id),
        (select count(*) from notes where document_id = d.id),
        (select count(*) from markers where document_id = d.id),
        (select count(*) from refs where document_id = d.id)
        from documents d where %s order by d.path''' % where, *args)


def test_interrupted_load_leaves_whole_documents_and_resumes():
    interrupted_load(signal.SIGINT)


def test_killed_load_leaves_whole_documents_and_resumes():
    interrupted_load(signal.SIGKILL)


def interrupted_load(how):
    """Stops a load of 200 files with `how` after its first progress line; checks that
    every document in the database is whole, then that a rerun completes the folder."""
    work = tempfile.mkdtemp(prefix='ibid_load_')
    try:
        folder = os.path.join(work, 'papers')
        os.makedirs(folder)
        copies_of_corpus(folder, 200)
        reference = connect()
        reference.execute('select ibid_init()')
        for name in corpus_names():
            with open(os.path.join(CORPUS, name), 'rb') as f:
                reference.execute('insert into documents(path, raw) values (?, ?)', (name, f.read()))
        expected = {p: s for p, *s in shape(reference, '1')}
        assert all(s[0] > 0 and s[1] > 0 for s in expected.values())

        database = os.path.join(work, 'corpus.db')
        process = run_load(database, folder)
        process.stdin.write(load_script())
        process.stdin.close()
        seen = []
        for line in process.stdout:
            seen.append(line)
            if 'documents/s' in line:
                process.send_signal(how)
                break
        process.stdout.read()
        errors = process.stderr.read()
        process.wait(timeout=120)
        assert any('/200 documents, ' in line for line in seen), (seen, errors)
        loaded = shape(connect(database), '1')
        assert 0 < len(loaded) < 200, len(loaded)
        for path, *got in loaded:
            assert got == expected[os.path.basename(path)[5:]], (path, got)

        code, out, err = finish(run_load(database, folder))
        assert code == 0, err
        assert ': %d to load, %d already loaded' % (200 - len(loaded), len(loaded)) in out, out
        db = connect(database)
        complete = shape(db, '1')
        assert len(complete) == 200
        for path, *got in complete:
            assert got == expected[os.path.basename(path)[5:]], (path, got)
    finally:
        shutil.rmtree(work)
