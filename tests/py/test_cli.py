"""The ibid command (build/ibid) on the sample corpus, and `make install` into a staging folder."""
import json, os, re, shutil, signal, subprocess, tempfile, time
from ibidtest import ROOT, CORPUS, corpus_names

IBID = os.path.join(ROOT, 'build', 'ibid')


def ibid(*args, cwd=None, **options):
    env = dict(os.environ)
    env.pop('IBID_DB', None)
    env.pop('IBID_EXTENSION', None)  # relative to the repository: `ibid sql` finds its own
    return subprocess.run([IBID] + list(args), capture_output=True, text=True, timeout=300,
                          cwd=cwd, env=env, **options)


def loaded_database(folder):
    database = os.path.join(folder, 'corpus.db')
    result = ibid('load', CORPUS, '--db', database)
    assert result.returncode == 0, result.stderr
    return database, result


def test_help_and_version():
    result = ibid('--help')
    assert result.returncode == 0 and 'ibid load FOLDER' in result.stdout, result
    for command in ('load', 'export', 'report', 'sql'):
        assert 'ibid ' + command in result.stdout
    assert ibid().returncode == 2
    bad = ibid('frobnicate')
    assert bad.returncode == 2 and "unknown command 'frobnicate'" in bad.stderr
    assert ibid('--version').stdout.startswith('ibid 0.')
    assert ibid('export', '--format', 'xml', '--db', '/nonexistent.db').returncode == 2


def test_load_progress_summary_and_resume():
    folder = tempfile.mkdtemp(prefix='ibid_cli_')
    try:
        database, result = loaded_database(folder)
        files = len(os.listdir(CORPUS))
        lines = result.stderr.splitlines()
        assert re.match(r'ibid: .*: %d files to load, 0 already loaded unchanged$' % files, lines[0]), lines
        progress = [l for l in lines if re.match(r'ibid: \d+/\d+ documents, [\d.]+ MB, [\d.]+ documents/s, '
                                                 r'\d+ failed, \d+ skipped$', l)]
        assert progress and progress[-1].startswith('ibid: %d/%d documents' % (files, files)), lines
        assert lines[-1].endswith('has %d documents' % files), lines
        again = ibid('load', CORPUS, '--db', database)
        assert again.returncode == 0
        assert '0 files to load, %d already loaded unchanged' % files in again.stderr, again.stderr
        # a changed file is loaded again; a file that is not a document is skipped with a reason
        work = os.path.join(folder, 'papers')
        os.mkdir(work)
        shutil.copy(os.path.join(CORPUS, corpus_names()[0]), work)
        with open(os.path.join(work, 'junk.bin'), 'wb') as f:
            f.write(bytes(range(256)) * 4)
        mixed = ibid('load', work, '--db', database)
        assert mixed.returncode == 0, mixed.stderr
        assert re.search(r'skipped, format not recognized: .*junk\.bin', mixed.stderr), mixed.stderr
        print('  ibid load: %s' % lines[-1])
    finally:
        shutil.rmtree(folder)


def test_load_ctrl_c_leaves_whole_documents_and_resumes():
    """SIGINT during a load: the document being loaded is finished, the rest waits for the
    next run; the database holds only whole documents."""
    folder = tempfile.mkdtemp(prefix='ibid_cli_int_')
    try:
        papers = os.path.join(folder, 'papers')
        os.mkdir(papers)
        names = corpus_names()
        for i in range(6):
            for name in names:
                shutil.copy(os.path.join(CORPUS, name), os.path.join(papers, '%02d_%s' % (i, name)))
        total = len(os.listdir(papers))
        database = os.path.join(folder, 'c.db')
        process = subprocess.Popen([IBID, 'load', papers, '--db', database], stderr=subprocess.PIPE,
                                   text=True)
        first = process.stderr.readline()  # printed once the signal handler is in place
        assert 'files to load' in first, first
        progress = process.stderr.readline()  # printed after the first document
        assert progress.startswith('ibid: 1/%d documents' % total), progress
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        process.wait(timeout=300)
        assert process.returncode == 130, (process.returncode, rest)
        assert 'interrupted:' in rest and 'run the same command again' in rest, rest
        import sqlite3
        db = sqlite3.connect(database)
        loaded = db.execute('select count(*) from documents').fetchone()[0]
        whole = db.execute('select count(*) from documents d where body is not null and exists '
                           '(select 1 from blocks b where b.document_id = d.id)').fetchone()[0]
        db.close()
        assert 0 < loaded < total and whole == loaded, (loaded, whole, total)
        again = ibid('load', papers, '--db', database)
        assert again.returncode == 0, again.stderr
        assert '%d files to load, %d already loaded unchanged' % (total - loaded, loaded) in again.stderr
        db = sqlite3.connect(database)
        assert db.execute('select count(*) from documents').fetchone()[0] == total
        print('  Ctrl-C after %d of %d documents; the second run loaded the other %d'
              % (loaded, total, total - loaded))
    finally:
        shutil.rmtree(folder)


def test_export_formats_share_one_key_per_work():
    folder = tempfile.mkdtemp(prefix='ibid_cli_export_')
    try:
        database, _ = loaded_database(folder)
        out = {}
        for form in ('csl', 'bibtex', 'biblatex', 'ris'):
            path = os.path.join(folder, 'b.' + form)
            result = ibid('export', '--format', form, '-o', path, '--db', database)
            assert result.returncode == 0 and re.match(r'ibid: wrote \d+ works to ', result.stderr), result
            with open(path, encoding='utf-8') as f:
                out[form] = f.read()
        stdout = ibid('export', '--db', database)
        assert json.loads(stdout.stdout) == json.loads(out['csl'])
        ids = [item['id'] for item in json.loads(out['csl'])]
        bibtex = re.findall(r'^@\w+\{([^,]+),$', out['bibtex'], re.M)
        biblatex = re.findall(r'^@\w+\{([^,]+),$', out['biblatex'], re.M)
        ris = re.findall(r'^ID  - (.*)$', out['ris'], re.M)
        assert ids == bibtex == biblatex == ris, 'one key per work in every format'
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(r'[a-z0-9]+', key) for key in ids), [k for k in ids if not re.fullmatch(r'[a-z0-9]+', k)]
        every = json.loads(ibid('export', '--all', '--db', database).stdout)
        assert len(every) > len(ids) and all('title' in i for i in json.loads(out['csl']))
        print('  ibid export: %d works (%d with --all), the same key in CSL-JSON, BibTeX, biblatex, RIS'
              % (len(ids), len(every)))
    finally:
        shutil.rmtree(folder)


def test_sql_opens_the_shell_with_the_extension_and_scripts_run_anywhere():
    folder = tempfile.mkdtemp(prefix='ibid_cli_sql_')
    try:
        database, _ = loaded_database(folder)
        result = ibid('sql', '--db', database, 'select ibid_version(), count(*) from documents', cwd=folder)
        assert result.returncode == 0 and re.match(r'\d+\.\d+\.\d+ .*\|%d$' % len(os.listdir(CORPUS)),
                                                   result.stdout.strip()), result
        # a script from sql/, run from a folder without ibid.so
        with open(os.path.join(ROOT, 'sql', 'report.sql')) as f:
            report = ibid('sql', '--db', database, cwd=folder, stdin=f)
        assert report.returncode == 0 and '== Documents' in report.stdout, report.stderr
        with open(os.path.join(ROOT, 'sql', 'export.sql')) as f:
            export = ibid('sql', '--db', database, cwd=folder, stdin=f)
        assert export.returncode == 0 and os.path.exists(os.path.join(folder, 'bibliography.bib')), export.stderr
    finally:
        shutil.rmtree(folder)


def test_orphan_works_go_with_their_last_document():
    """Deleting or reloading documents leaves no work that no document holds or cites."""
    folder = tempfile.mkdtemp(prefix='ibid_cli_orphans_')
    try:
        import sqlite3
        database, _ = loaded_database(folder)
        orphans = ('select count(*) from works w where not exists (select 1 from citations c '
                   'where c.work_id = w.id) and not exists (select 1 from documents d where d.work_id = w.id)')
        sql = lambda q: ibid('sql', '--db', database, q, cwd=folder).stdout.strip()
        before = sql('select group_concat(citekey) from (select citekey from works order by id)')
        assert sql(orphans) == '0'
        # reload every file (documents_replace deletes, the insert makes them again)
        touched = os.path.join(folder, 'again')
        shutil.copytree(CORPUS, touched)
        sql("update documents set path = replace(path, '%s', '%s')" % (CORPUS, touched))
        for name in os.listdir(touched):  # modified after they were added: loaded again
            future = time.time() + 3600
            os.utime(os.path.join(touched, name), (future, future))
        reload = ibid('load', touched, '--db', database)
        assert reload.returncode == 0 and ': %d files to load, 0 already' % len(os.listdir(CORPUS)) in reload.stderr, reload.stderr
        assert sql(orphans) == '0'
        after = sql('select group_concat(citekey) from (select citekey from works order by citekey)')
        assert sorted(before.split(',')) == after.split(','), 'the same keys after a reload'
        counts = []
        for path in sql('select group_concat(path, char(10)) from documents').splitlines():
            sql("delete from documents where path = '%s'" % path)
            counts.append(int(sql(orphans)))
        assert counts == [0] * len(counts) and sql('select count(*) from works') == '0'
        print('  orphan works after a reload and after each of %d deletes: %s' % (len(counts), counts))
    finally:
        shutil.rmtree(folder)


def test_make_install_and_uninstall_into_a_staging_folder():
    stage = tempfile.mkdtemp(prefix='ibid_stage_')
    try:
        result = subprocess.run(['make', '--no-print-directory', '-s', 'install', 'DESTDIR=' + stage,
                                 'PREFIX=/usr/local'], cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr + result.stdout
        prefix = os.path.join(stage, 'usr', 'local')
        for path in ('lib/libibid.so', 'lib/ibid.so', 'bin/ibid', 'include/ibid.h', 'lib/pkgconfig/ibid.pc',
                     'share/man/man1/ibid.1', 'share/ibid/sql/export.sql', 'share/doc/ibid/export.md'):
            assert os.path.exists(os.path.join(prefix, path)), path
        assert os.readlink(os.path.join(prefix, 'lib', 'ibid.so')) == 'libibid.so'
        soname = subprocess.run(['objdump', '-p', os.path.join(prefix, 'lib', 'libibid.so')],
                                capture_output=True, text=True).stdout
        assert re.search(r'SONAME\s+ibid\.so', soname), 'ldconfig lists it as ibid.so'
        # `.load ibid` by name, from another folder, the library dir on the loader's path
        env = dict(os.environ, LD_LIBRARY_PATH=os.path.join(prefix, 'lib'),
                   PKG_CONFIG_PATH=os.path.join(prefix, 'lib', 'pkgconfig'))
        env.pop('IBID_EXTENSION', None)
        loaded = subprocess.run(['sqlite3', ':memory:', '-cmd', '.load ibid', 'select ibid_version()'],
                                cwd=stage, env=env, capture_output=True, text=True)
        assert loaded.returncode == 0 and loaded.stdout.startswith('0.'), loaded.stderr
        script = subprocess.run(['sqlite3', ':memory:'], stdin=open(os.path.join(prefix, 'share/ibid/sql/report.sql')),
                                cwd=stage, env=env, capture_output=True, text=True)
        assert script.returncode == 0 and 'no documents' in script.stdout, script.stderr
        if shutil.which('pkg-config'):
            variable = subprocess.run(['pkg-config', '--variable=extension', 'ibid'], env=env,
                                      capture_output=True, text=True).stdout.strip()
            assert variable == '/usr/local/lib/ibid.so', variable
        result = subprocess.run(['make', '--no-print-directory', '-s', 'uninstall', 'DESTDIR=' + stage],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        left = [os.path.join(d, f) for d, _, files in os.walk(stage) for f in files]
        assert left == [], left
        print('  make install DESTDIR=...: .load ibid works from another folder; make uninstall leaves no file')
    finally:
        shutil.rmtree(stage)


def test_citation_keys_stay_when_the_corpus_grows():
    """Keys are given once: documents added later never rename the works already there
    (new collisions get a suffix), whatever order the files come in."""
    import sqlite3
    folder = tempfile.mkdtemp(prefix='ibid_cli_keys_')
    try:
        names = corpus_names()
        changed = 0
        for first in (names[:2], names[::2]):
            database = os.path.join(folder, 'k%d.db' % changed)
            part = os.path.join(folder, 'part')
            shutil.rmtree(part, ignore_errors=True)
            os.mkdir(part)
            for name in first:
                shutil.copy(os.path.join(CORPUS, name), part)
            assert ibid('load', part, '--db', database).returncode == 0
            db = sqlite3.connect(database)
            before = dict(db.execute('select key, citekey from works'))
            db.close()
            for name in names:
                shutil.copy(os.path.join(CORPUS, name), part)
            assert ibid('load', part, '--db', database).returncode == 0
            db = sqlite3.connect(database)
            after = dict(db.execute('select key, citekey from works'))
            assert len(set(after.values())) == len(after)
            db.close()
            kept = {k: v for k, v in before.items() if k in after}
            assert all(after[k] == v for k, v in kept.items()), [(k, v, after[k]) for k, v in kept.items()
                                                                if after[k] != v][:5]
            changed += 1
        print('  citation keys of the works already there unchanged after adding documents, 2 orders')
    finally:
        shutil.rmtree(folder)
