"""sql/report.sql and sql/graph.sql, run the way a user runs them: `sqlite3 my.db < sql/NAME.sql`."""
import os, re, shutil, sqlite3, subprocess, tempfile
from ibidtest import ROOT, CORPUS, EXTENSION, corpus_names


def script(name):
    """The script's text, loading the extension under test (as tests/run.py does for tests/sql)."""
    with open(os.path.join(ROOT, 'sql', name), encoding='utf-8') as f:
        text = f.read()
    loader = next((line for line in text.splitlines() if line.startswith(".read '|") and
                   '.load' in line), None)
    assert loader, name + ' should load the extension'
    return text.replace(loader, '.load %s' % EXTENSION)


def run(name, database, *options):
    result = subprocess.run(['sqlite3', *options, database], input=script(name), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (name, result.stderr)
    assert result.stderr == '', (name, result.stderr)
    return result.stdout


def corpus_database(directory):
    """A database file holding tests/corpus, loaded through the sqlite3 shell."""
    path = os.path.join(directory, 'corpus.db')
    load = ('.bail on\n.load %s\n.output /dev/null\nSELECT ibid_init();\n.output stdout\n'
            "INSERT INTO documents(path, raw) SELECT name, readfile(name) FROM fsdir('tests/corpus') "
            "WHERE name LIKE '%%.txt' ORDER BY name;\n" % EXTENSION)
    result = subprocess.run(['sqlite3', path], input=load, cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and result.stderr == '', result.stderr
    return path


def schema_of(path):
    db = sqlite3.connect(path)
    try:
        return db.execute('select type, name, sql from sqlite_schema order by name').fetchall()
    finally:
        db.close()


def test_report_on_the_corpus():
    with tempfile.TemporaryDirectory() as directory:
        database = corpus_database(directory)
        before = os.path.getsize(database), schema_of(database)
        out = run('report.sql', database)
        for heading in ('== ibid corpus report', '== Documents', '== Totals', '== Most-cited works',
                        '== Findings matrix', '== Inconsistent claims'):
            assert heading in out, heading
        assert 'no documents' not in out
        for name in corpus_names():
            assert name in out, name
        assert '│ text   │' in out, 'format column'
        # the totals row agrees with the database
        db = sqlite3.connect(database)
        notes, refs = db.execute('select (select count(*) from notes), (select count(*) from refs)').fetchone()
        most_cited = db.execute('select authors from cited_works where authors is not null '
                                'order by citations desc, documents desc, key limit 1').fetchone()[0]
        db.close()
        totals = out[out.index('== Totals'):out.index('== Most-cited works')]
        assert re.search(r'│ %d\s+│ %d\s+│' % (len(corpus_names()), notes), totals), totals
        assert '│ %d ' % refs in totals, totals
        assert most_cited in out[out.index('== Most-cited works'):]
        assert (os.path.getsize(database), schema_of(database)) == before, 'report changed the database'


def test_report_on_an_empty_database():
    with tempfile.TemporaryDirectory() as directory:
        empty = os.path.join(directory, 'empty.db')
        out = run('report.sql', empty)
        assert 'no documents' in out and '== Documents' not in out, out
        assert schema_of(empty) == [], 'report.sql must not create tables in a new file'
        # a database with the schema but no document
        subprocess.run(['sqlite3', empty], input='.load %s\nSELECT ibid_init();\n' % EXTENSION,
                       cwd=ROOT, capture_output=True, text=True, check=True)
        out = run('report.sql', empty)
        assert 'no documents' in out and '== Documents' not in out, out


def test_graph_script_on_the_corpus_renders():
    with tempfile.TemporaryDirectory() as directory:
        database = corpus_database(directory)
        before = schema_of(database)
        dot_text = run('graph.sql', database)
        assert dot_text.startswith('digraph citations {\n') and dot_text.rstrip('\n').endswith('}')
        db = sqlite3.connect(database)
        works = db.execute('select count(*) from (select citing_work from citation_edges '
                           'union select cited_work from citation_edges)').fetchone()[0]
        twice = db.execute('select count(*) from (select cited_work from citation_edges group by cited_work '
                           'having sum(citations) >= 2)').fetchone()[0]
        db.close()
        nodes = re.findall(r'^  w\d+ \[label=', dot_text, re.M)
        assert len(nodes) == works, (len(nodes), works)
        if not shutil.which('dot'):
            raise AssertionError('graphviz is not installed (apt-get install graphviz)')
        svg_path = os.path.join(directory, 'citations.svg')
        dot_path = os.path.join(directory, 'citations.dot')
        with open(dot_path, 'w', encoding='utf-8') as f:
            f.write(dot_text)
        # the command make demo runs
        result = subprocess.run(['dot', '-Tsvg', dot_path, '-o', svg_path], capture_output=True, text=True)
        assert result.returncode == 0 and result.stderr == '', result.stderr
        with open(svg_path, encoding='utf-8') as f:
            assert f.read().count('class="node"') == works
        # the minimum parameter, as documented in the script
        small = run('graph.sql', database, '-cmd', '.parameter set @minimum 2')
        cited = set(re.findall(r'-> (w\d+) ', small))
        assert len(cited) == twice and 0 < twice < works, (len(cited), twice)
        assert schema_of(database) == before


def test_graph_script_on_an_empty_database():
    with tempfile.TemporaryDirectory() as directory:
        empty = os.path.join(directory, 'empty.db')
        dot_text = run('graph.sql', empty)
        assert dot_text.startswith('digraph citations {') and '->' not in dot_text, dot_text
        assert schema_of(empty) == []
        result = subprocess.run(['dot', '-Tsvg'], input=dot_text, capture_output=True, text=True)
        assert result.returncode == 0 and result.stderr == '', result.stderr
