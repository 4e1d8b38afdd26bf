"""`ibid load -j N` (cli/load_parallel.c): N worker processes build shards, the command
merges them in file order; the corpus is the one `ibid load` (-j 1) gives, table by table,
row by row. Ctrl-C keeps only whole documents, a prefix of the folder, and a second run
finishes the same corpus. No shard is left behind, and none sits at a predictable path."""
import os, shutil, signal, sqlite3, subprocess, tempfile
from ibidtest import ROOT
from test_scale import make_folder, assert_same

IBID = os.path.join(ROOT, 'build', 'ibid')


def ibid(*args):
    return subprocess.run([IBID] + list(args), capture_output=True, text=True, timeout=600)


def leftovers(directory):
    return [n for n in os.listdir(directory) if n.startswith('.ibid-load')]


def test_j2_gives_the_rows_of_j1():
    with tempfile.TemporaryDirectory() as directory:
        folder = make_folder(directory, 15)
        with open(os.path.join(folder, 'image.png'), 'wb') as f:
            f.write(b'\x89PNG\r\n\x1a\n\0\0\0\rIHDR')
        one, two = os.path.join(directory, 'one.db'), os.path.join(directory, 'two.db')
        first = ibid('load', folder, '--db', one)
        assert first.returncode == 0, first.stderr
        second = ibid('load', folder, '-j', '2', '--db', two)
        assert second.returncode == 0, second.stderr
        for result in (first, second):
            assert 'ibid: %s: 19 files to load, 0 already loaded unchanged' % folder in result.stderr, result.stderr
            assert 'skipped, format not recognized: %s' % os.path.join(folder, 'image.png') in result.stderr
            assert result.stderr.rstrip().endswith('18 documents loaded (0 with a problem), 1 skipped; '
                                                   '%s has 18 documents' % result.args[-1]), result.stderr
        assert 'ibid: 19/19 documents' in second.stderr, second.stderr
        counts = assert_same(one, two)
        assert counts['documents'] == 18 and counts['citations'] > 0, counts
        assert not leftovers(directory), os.listdir(directory)
        # a second run finds nothing new; a changed file is loaded again, as with -j 1
        with open(os.path.join(folder, 'zz1.txt'), 'a', encoding='utf-8') as f:
            f.write('And more (Keller, 2020).\n')
        os.utime(os.path.join(folder, 'zz1.txt'), (4102444800, 4102444800))
        for db in (one, two):
            again = ibid('load', folder, '-j', '2', '--db', db)
            assert '2 files to load, 17 already loaded unchanged' in again.stderr, again.stderr
        assert_same(one, two)
        print('  ibid load -j 2: the same rows as -j 1 in %d tables and views (%d documents)'
              % (len(counts), counts['documents']))


def test_j_option_errors():
    for bad in ('0x', '-3', 'many'):
        result = ibid('load', ROOT, '-j', bad, '--db', '/nonexistent/x.db')
        assert result.returncode == 2 and '-j needs a number' in result.stderr, result
    assert 'ibid load FOLDER [-j N]' in ibid('--help').stdout


def interrupted_load(directory, copies):
    """`ibid load -j 2` of a folder of `copies` files, Ctrl-C after its first progress
    line; (folder, database, progress line, the rest of stderr, the process), or None
    when that first line already counted every file (the workers were done before
    the parent first reported: the signal could not land during the load)."""
    folder = make_folder(directory, copies)
    database = os.path.join(directory, 'c.db')
    process = subprocess.Popen([IBID, 'load', folder, '-j', '2', '--db', database],
                               stderr=subprocess.PIPE, text=True)
    first = process.stderr.readline()
    assert 'files to load' in first, first
    progress = process.stderr.readline()  # after the first document a worker finished
    assert progress.startswith('ibid: '), progress
    process.send_signal(signal.SIGINT)  # the parent alone: it passes it on to the workers
    rest = process.stderr.read()
    process.wait(timeout=300)
    done, total = progress.split()[1].split('/')
    if done == total:
        shutil.rmtree(folder)
        for name in os.listdir(directory):
            if name.startswith('c.db'):
                os.remove(os.path.join(directory, name))
        return None
    return folder, database, progress, rest, process


def test_ctrl_c_during_j2_keeps_a_prefix_and_resumes():
    with tempfile.TemporaryDirectory() as directory:
        # enough files that the signal lands while the workers still load: with
        # fewer, a fast machine finished before it arrived; and when the parent's
        # first progress line already counts every file, again with more files
        for copies in (240, 960, 2400):
            run = interrupted_load(directory, copies)
            if run:
                break
        assert run, 'every load had finished before its first progress line'
        folder, database, progress, rest, process = run
        single = os.path.join(directory, 'single.db')
        assert ibid('load', folder, '--db', single).returncode == 0
        assert process.returncode == 130, (process.returncode, rest)
        assert 'interrupted:' in rest and 'run the same command again' in rest, rest
        db = sqlite3.connect(database)
        paths = [p for (p,) in db.execute('select path from documents order by id')]
        whole = db.execute('select count(*) from documents d where exists '
                           '(select 1 from blocks b where b.document_id = d.id)').fetchone()[0]
        db.close()
        every = sorted(os.path.join(folder, n) for n in os.listdir(folder))
        # a prefix, possibly empty: on a loaded machine the signal can reach the worker
        # of the first chunk before it has begun a file (it then stops before any); or
        # all of them, when the signal lands after the last document was written and
        # before the load ended (it still reports the interruption)
        assert 0 <= len(paths) <= len(every) and whole == len(paths), (len(paths), whole)
        assert paths == every[:len(paths)], 'not a prefix of the folder in path order'
        assert not leftovers(directory), os.listdir(directory)
        again = ibid('load', folder, '-j', '2', '--db', database)
        assert again.returncode == 0, again.stderr
        assert_same(single, database)
        print('  Ctrl-C at -j 2 after %d of %d documents; the second run made the -j 1 corpus'
              % (len(paths), len(every)))


def processes_with(argument):
    """Live (not zombie) processes whose command line holds argument."""
    found = []
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/cmdline' % pid, 'rb') as f:
                cmdline = f.read().split(b'\0')
            with open('/proc/%s/stat' % pid) as f:
                state = f.read().rsplit(')', 1)[1].split()[0]
        except OSError:
            continue
        if argument.encode() in cmdline and state != 'Z':
            found.append(int(pid))
    return found


def test_kill_9_during_j2_leaves_whole_documents_and_resumes():
    """SIGKILL to the command: the merge under way is rolled back, the workers die with it
    (PR_SET_PDEATHSIG), the database holds whole documents only, and a second run makes
    the corpus a -j 1 load gives."""
    import time
    with tempfile.TemporaryDirectory() as directory:
        # enough files that the signal lands while the workers still load (with
        # fewer, a fast machine finished before it arrived)
        folder = make_folder(directory, 240)
        single = os.path.join(directory, 'single.db')
        assert ibid('load', folder, '--db', single).returncode == 0
        database = os.path.join(directory, 'k.db')
        process = subprocess.Popen([IBID, 'load', folder, '-j', '2', '--db', database],
                                   stderr=subprocess.PIPE, text=True)
        assert 'files to load' in process.stderr.readline()
        process.stderr.readline()  # the first document done
        process.kill()
        process.wait(timeout=60)
        process.stderr.close()
        for _ in range(100):  # the kernel ends the workers as their parent dies
            if not processes_with(database):
                break
            time.sleep(0.05)
        assert not processes_with(database), 'workers outlived the command'
        db = sqlite3.connect(database)
        loaded = db.execute('select count(*) from documents').fetchone()[0]
        whole = db.execute('select count(*) from documents d where exists '
                           '(select 1 from blocks b where b.document_id = d.id)').fetchone()[0]
        db.close()
        assert whole == loaded, (loaded, whole)
        again = ibid('load', folder, '-j', '2', '--db', database)
        assert again.returncode == 0, again.stderr
        assert_same(single, database)
