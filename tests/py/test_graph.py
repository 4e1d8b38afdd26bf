"""ibid_dot: the corpus citation graph as DOT, accepted by Graphviz without a warning."""
import html, os, re, shutil, sqlite3, subprocess
from ibidtest import ROOT, connect, loaded

GRAPH_SQL = os.path.join(ROOT, 'sql', 'graph.sql')


def graph_query():
    """The statement of sql/graph.sql that calls ibid_dot (its shell commands left out)."""
    with open(GRAPH_SQL, encoding='utf-8') as f:
        script = f.read()
    sql = '\n'.join(line for line in script.split('\n') if not line.startswith('.'))
    statements = [s for s in sql.split(';\n') if 'ibid_dot(' in s]
    assert len(statements) == 1, 'sql/graph.sql: one statement should call ibid_dot'
    return statements[0]


def corpus_dot(db, minimum=None):
    return db.execute(graph_query(), {'minimum': minimum}).fetchone()[0]


def render(dot_text):
    """Runs dot -Tsvg; returns (svg, stderr)."""
    result = subprocess.run(['dot', '-Tsvg'], input=dot_text, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def node_names(dot_text):
    return re.findall(r'^  ("?w-?\d+"?) \[label=', dot_text, re.M)


def edge_pairs(dot_text):
    return re.findall(r'^  ("?w-?\d+"?) -> ("?w-?\d+"?) \[weight=(\d+), penwidth=(\d+)\];$', dot_text, re.M)


def test_registered_with_pure_flags():
    db = connect()
    rows = db.execute("select narg, flags from pragma_function_list where name = 'ibid_dot'").fetchall()
    assert sorted(n for n, _ in rows) == [4, 5, 6], rows
    deterministic, innocuous, directonly = 0x800, 0x200000, 0x80000
    for _, flags in rows:
        assert flags & deterministic and flags & innocuous and not flags & directonly, hex(flags)


def test_bad_arguments_are_errors_naming_the_function():
    db = connect()
    cases = [
        ("select ibid_dot(a, 'x', 2, 'y', 1, a) from (select 1 a union all select 2)", 'minimum'),
        ("select ibid_dot(1, 'x', 'two', 'y')", 'cited_id'),
        ("select ibid_dot(1.5, 'x', 2, 'y')", 'citing_id'),
        ("select ibid_dot(1, 'x', 2, 'y', 0)", 'citations'),
        ("select ibid_dot(1, 'x', 2, 'y', 'many')", 'citations'),
        ("select ibid_dot(1, x'ff', 2, 'y')", 'UTF-8'),
        ("select ibid_dot(1, 'x', 2, 'y', 1, 'two')", 'minimum'),
    ]
    for sql, word in cases:
        try:
            db.execute(sql).fetchall()
        except sqlite3.OperationalError as error:
            assert 'ibid_dot' in str(error) and word in str(error), (sql, str(error))
        else:
            raise AssertionError('no error: ' + sql)


def test_dot_is_the_same_whatever_the_row_order():
    db = connect()
    db.execute('create table e(a, la, b, lb, n)')
    db.executemany('insert into e values (?, ?, ?, ?, ?)',
                   [(i % 7, 'Citing %d' % (i % 7), 100 + i * 37 % 101, 'Cited "%d" \\ & more' % i, 1 + i % 3)
                    for i in range(500)])
    forward = db.execute('select ibid_dot(a, la, b, lb, n) from (select * from e order by rowid)').fetchone()[0]
    backward = db.execute('select ibid_dot(a, la, b, lb, n) from (select * from e order by rowid desc)').fetchone()[0]
    assert forward == backward
    svg, stderr = render(forward)
    assert stderr == '', stderr
    assert svg.count('<g id="node') == len(node_names(forward))


def test_corpus_graph_renders_without_warnings():
    if not shutil.which('dot'):
        raise AssertionError('graphviz is not installed (apt-get install graphviz)')
    db = loaded()
    dot_text = corpus_dot(db)
    assert dot_text.startswith('digraph citations {\n') and dot_text.endswith('}')
    edges = db.execute('select citing_work, cited_work, citations from citation_edges').fetchall()
    works = {w for a, b, _ in edges for w in (a, b)}
    assert len(edges) > 50, len(edges)
    names = node_names(dot_text)
    assert names == ['w%d' % w for w in sorted(works)], 'one node per work, sorted by id'
    pairs = edge_pairs(dot_text)
    assert sorted((a, b, int(n)) for a, b, n, _ in pairs) == \
        sorted(('w%d' % a, 'w%d' % b, min(n, 1000)) for a, b, n in edges)
    citing = {a for a, _, _ in edges}
    boxes = set(re.findall(r'^  (w\d+) \[label="[^\n]*", shape=box\];$', dot_text, re.M))
    assert boxes == {'w%d' % w for w in citing}, 'corpus documents are boxes'
    svg, stderr = render(dot_text)
    assert stderr == '', stderr
    assert svg.count('<g id="node') == len(names) == svg.count('class="node"')
    assert svg.count('class="edge"') == len(pairs)
    # labels are "Author Year" over the start of the title: at least most first lines
    # carry a year or n.d., and no two works have the same label
    labels = re.findall(r'\[label="([^"\n]*)"', dot_text)
    dated = [l for l in labels if re.search(r'(\b1[89]\d\d|\b20\d\d|n\.d\.)$', l.split('\\n')[0])]
    assert len(dated) >= 0.9 * len(labels), [l for l in labels if l not in dated][:10]
    repeated = sorted(l for l in set(labels) if labels.count(l) > 1)
    assert len(repeated) <= 0.05 * len(labels), repeated
    print('  %d nodes, %d labels shared by several works: %s' % (len(labels), len(repeated), repeated[:5]))


def test_corpus_graph_minimum_keeps_works_cited_that_often():
    db = loaded()
    totals = dict(db.execute('select cited_work, sum(citations) from citation_edges group by cited_work'))
    for minimum in (2, 3, 5):
        dot_text = corpus_dot(db, minimum)
        cited = {b for _, b, _, _ in edge_pairs(dot_text)}
        assert cited == {'w%d' % w for w, n in totals.items() if n >= minimum}, minimum
        citing = {a for a, _, _, _ in edge_pairs(dot_text)}
        assert set(node_names(dot_text)) == cited | citing
        svg, stderr = render(dot_text)
        assert stderr == '' and svg.count('class="node"') == len(cited | citing)


def test_empty_group_is_an_empty_digraph():
    db = connect()
    dot_text = db.execute("select ibid_dot(1, 'a', 2, 'b') where 0").fetchone()[0]
    assert dot_text.startswith('digraph citations {') and '->' not in dot_text
    svg, stderr = render(dot_text)
    assert stderr == '' and 'class="node"' not in svg


def test_labels_that_could_break_dot_render_literally():
    db = connect()
    labels = ['He said "no"', 'back\\slash \\N \\n', 'AT&T &amp; co', 'line\nbreak', 'tab\there',
              '<html-like>', 'Ünïcødé 日本', '}];', '"', '\\']
    rows = ' union all '.join("select %d, ?" % (i + 2) for i in range(len(labels)))
    dot_text = db.execute("with t(b, l) as (%s) select ibid_dot(1, 'src', b, l) from t" % rows,
                          labels).fetchone()[0]
    svg, stderr = render(dot_text)
    assert stderr == '', stderr
    assert svg.count('class="node"') == len(labels) + 1
    texts = re.findall(r'<text[^>]*>([^<]*)</text>', svg)
    rendered = [html.unescape(t) for t in texts]
    for label in ['He said "no"', 'back\\slash \\N \\n', 'AT&T &amp; co', 'tab here', '<html-like>',
                  'Ünïcødé 日本', '}];', '"', '\\']:
        assert label in rendered, (label, rendered)
    assert 'line' in rendered and 'break' in rendered  # two lines of one label
