"""`ibid report`: the static site opened in a real browser (headless Chromium) from the file
system; what the pages show is checked against the database, and screenshots are kept in
build/ (report-index.png, report-document.png, report-graph.png)."""
import html, os, re, shutil, sqlite3, subprocess, tempfile
from ibidtest import ROOT, CORPUS

IBID = os.path.join(ROOT, 'build', 'ibid')
SITE = os.path.join(ROOT, 'build', 'report-test')
_built = None


def chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome'):
        if shutil.which(name):
            return shutil.which(name)
    return None


def build():
    """The corpus database and its site (made once per run)."""
    global _built
    if _built is None:
        folder = tempfile.mkdtemp(prefix='ibid_report_')
        database = os.path.join(folder, 'corpus.db')
        env = dict(os.environ)
        env.pop('IBID_EXTENSION', None)
        assert subprocess.run([IBID, 'load', CORPUS, '--db', database], capture_output=True,
                              env=env).returncode == 0
        shutil.rmtree(SITE, ignore_errors=True)
        result = subprocess.run([IBID, 'report', '--db', database, '-o', SITE], capture_output=True,
                                text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        assert re.match(r'ibid: wrote \d+ pages to ', result.stderr), result.stderr
        _built = database
    return _built


def browser_environment():
    """The environment without the sanitizer preload (make sanitize): Chromium is not the
    code under test, and ASan preloaded into it makes it abort."""
    env = dict(os.environ)
    for name in ('LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS'):
        env.pop(name, None)
    return env


def browse(page, screenshot=None):
    """The DOM Chromium builds for a page of the site (file://, no server, no network)."""
    browser = chromium()
    profile = tempfile.mkdtemp(prefix='ibid_chromium_')
    try:
        common = [browser, '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                  '--user-data-dir=' + profile, '--disable-extensions']
        url = 'file://' + os.path.join(SITE, page)
        dom = subprocess.run(common + ['--dump-dom', url], capture_output=True, text=True, timeout=120,
                             env=browser_environment())
        assert dom.returncode == 0 and '</html>' in dom.stdout, dom.stderr[-1000:]
        if screenshot:
            path = os.path.join(ROOT, 'build', screenshot)
            shot = subprocess.run(common + ['--screenshot=' + path, '--window-size=1280,1600', url],
                                  capture_output=True, text=True, timeout=120,
                                  env=browser_environment())
            assert shot.returncode == 0 and os.path.getsize(path) > 10000, shot.stderr[-1000:]
        return dom.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def skip():
    if chromium():
        return False
    print('  skipped: no Chromium (apt-get install chromium); the site was still built and checked as files')
    return True


def test_site_files_are_self_contained():
    database = build()
    db = sqlite3.connect(database)
    documents = db.execute('select count(*) from documents').fetchone()[0]
    works = db.execute('select count(*) from works').fetchone()[0]
    assert len(os.listdir(os.path.join(SITE, 'd'))) == documents
    assert len(os.listdir(os.path.join(SITE, 'w'))) == works
    for folder, _, files in os.walk(SITE):
        for name in files:
            if name.endswith('.html'):
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    text = f.read()
                # nothing fetched from elsewhere: no scripts, no remote stylesheets or images
                assert not re.search(r'<script|<link|src="https?:|@import', text), name
    print('  %d document pages, %d work pages, no script, nothing fetched from the network'
          % (documents, works))


def test_index_shows_the_counts_the_database_holds():
    database = build()
    if skip():
        return
    dom = browse('index.html', 'report-index.png')
    db = sqlite3.connect(database)
    shown = dict(re.findall(r'data-count="([^"]+)">(\d+)<', dom))
    expected = {'documents': 'documents', 'notes': 'notes', 'references': 'refs', 'author-year cites': 'cites',
                'findings': 'findings'}
    for label, table in expected.items():
        assert int(shown[label]) == db.execute('select count(*) from %s' % table).fetchone()[0], label
    rows = re.findall(r'<tr><td><a href="d/(\d+)\.html">', dom)
    assert len(rows) == db.execute('select count(*) from documents').fetchone()[0]
    print('  index.html in Chromium: %s' % ', '.join('%s %s' % (v, k) for k, v in shown.items()))


def test_document_page_notes_resolve_to_full_citations():
    database = build()
    if skip():
        return
    db = sqlite3.connect(database)
    document, notes = db.execute('select document_id, count(*) from notes group by 1 order by 2 desc').fetchone()
    dom = browse('d/%d.html' % document, 'report-document.png')
    assert len(re.findall(r'<div class="note" id="note-\d+">', dom)) == notes
    resolved = db.execute('select count(*) from refs where document_id = ? and note is not null and '
                          'work_id is not null', (document,)).fetchone()[0]
    notes_part = dom.split('<h2>References</h2>')[0]  # the reference list links its entries too
    links = re.findall(r'<div class="cite">→ <a href="\.\./w/(\d+)\.html">([^<]*)</a>', notes_part)
    assert len(links) == resolved, (len(links), resolved)
    # an Ibid. note shows the full citation of the work it repeats
    ibid_note = db.execute("select n.n, w.title from notes n join refs r on r.document_id = n.document_id "
                           "and r.note = n.n join works w on w.id = r.work_id where n.document_id = ? and "
                           "n.text like 'Ibid%' and w.title is not null", (document,)).fetchone()
    if ibid_note:
        block = re.search(r'<div class="note" id="note-%d">.*?</div></div>' % ibid_note[0], dom, re.S).group(0)
        assert ibid_note[1] in html.unescape(block), block
    print('  d/%d.html: %d notes, %d resolved to a work, Ibid. shown with the full citation'
          % (document, notes, resolved))


def test_work_page_lists_every_passage_citing_it():
    database = build()
    if skip():
        return
    db = sqlite3.connect(database)
    work, citations, documents = db.execute(
        'select work_id, count(*), count(distinct document_id) from citations group by 1 '
        'order by count(distinct document_id) desc, count(*) desc').fetchone()
    dom = browse('w/%d.html' % work)
    assert len(re.findall(r'<div class="note passage">', dom)) == citations
    print('  w/%d.html: %d passages in %d documents' % (work, citations, documents))


def test_findings_matrix_links_to_evidence_and_graph_is_titled():
    database = build()
    if skip():
        return
    db = sqlite3.connect(database)
    dom = browse('findings.html')
    findings = db.execute('select count(*) from findings where "case" is not null').fetchone()[0]
    links = re.findall(r'href="d/(\d+)\.html#finding-(\d+)"', dom)
    assert len(links) == findings and findings > 0, (len(links), findings)
    document, n = links[0]
    with open(os.path.join(SITE, 'd', '%s.html' % document), encoding='utf-8') as f:
        assert 'id="finding-%s"' % n in f.read()
    graph = browse('graph.html', 'report-graph.png')
    assert '<svg' in graph
    nodes = len(re.findall(r'<g id="node\d+" class="node">', graph))
    edges = db.execute('select count(*) from citation_edges').fetchone()[0]
    assert nodes > 0 and len(re.findall(r'<g id="edge\d+" class="edge">', graph)) == edges
    title = db.execute('select substr(title, 1, 12) from works w join citation_edges e on e.cited_work = w.id '
                       'where title is not null limit 1').fetchone()[0]
    assert html.escape(title, quote=False) in graph, title
    # each node links to its work's page and carries the full citation as its tooltip
    linked = re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]+)</title>\s*<a href="w/(\d+)\.html">', graph)
    assert len(linked) == nodes and all(re.search(r'\(\d{4}|n\.d\.\)', t) for t, _ in linked), linked[:3]
    print('  findings.html: %d findings linked to their evidence; graph.html: %d titled nodes, %d edges'
          % (findings, nodes, edges))
