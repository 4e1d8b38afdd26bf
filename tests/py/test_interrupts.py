"""Interrupts reach every converter (issue #12 item 7): libxml2 while it parses
HTML, JATS and TEI, poppler page by page, and the parent waiting on the PDF
reader's child process.

Counted, never timed. For each converter a document is built whose work lies in
the parse (one element of megabytes of text, which the tree walk visits once),
so the checks counted over a whole run (progress-handler calls: every probe
runs a few opcodes) come from the parse: they grow with the input when the
parser checks, and stay at one or two when it does not. Then a handler that
returns 1 at its tenth call (half way through the parse) must end the call with SQLITE_INTERRUPT, and be
called at most once more (SQLite reports the interrupt through it).
"""
import os, sqlite3
from ibidtest import connect, corpus, ROOT

SIZE = 4 * 1024 * 1024  # bytes of text in the one element: 64 checks at 64 KB each


def words(size):
    text = corpus('002').replace('<', ' ').replace('&', ' ')
    return (text * (size // len(text) + 1))[:size]


def documents():
    text = words(SIZE)
    return {
        'html': '<html><body><p>A page.</p><script>%s</script><p>%s</p></body></html>' % (text, text[:1000]),
        'jats': '<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
                '</article-title></title-group></article-meta></front><body><p>%s</p></body></article>' % text,
        'tei': '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
               '<titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body><p>%s</p>'
               '</body></text></TEI>' % text,
        # a comment is one event at its end: libxml2 caps it (10 MB) and the events around it count
        'jats, many elements': '<?xml version="1.0"?><article><body>%s</body></article>' % (
            '<p>One <italic>short</italic> paragraph.</p>' * (SIZE // 44)),
    }


def handler_calls(db, sql, argument):
    calls = [0]

    def tick():
        calls[0] += 1
        return 0
    db.set_progress_handler(tick, 1)
    db.execute(sql, (argument,)).fetchall()
    db.set_progress_handler(None, 0)
    return calls[0]


def interrupted_at_call(db, sql, argument, at=10):
    """Runs sql with a handler that returns 1 at its call `at` (past the checks
    made before the parse starts, within those the parse makes)."""
    calls = [0]

    def stop():
        calls[0] += 1
        return 1 if calls[0] >= at else 0
    db.set_progress_handler(stop, 1)
    try:
        db.execute(sql, (argument,)).fetchall()
        return False, calls[0]
    except sqlite3.OperationalError as e:
        assert 'interrupted' in str(e), str(e)
        return True, calls[0]
    finally:
        db.set_progress_handler(None, 0)


def test_libxml2_parsing_is_interrupted():
    db = connect()
    sql = "select length(ibid_convert(?) ->> 'body')"
    for name, raw in documents().items():
        raw = raw.encode()
        expected = name.split(',')[0]
        assert db.execute('select ibid_format(?)', (raw,)).fetchone() == (expected,), name
        total = handler_calls(db, sql, raw)
        # a check every 64 KB the parser reads: about 64 for 4 MB (one, without parse checks)
        assert total >= 40, (name, total)
        stopped, calls = interrupted_at_call(db, sql, raw)
        assert stopped and calls <= 11, (name, stopped, calls)
        # the connection and the converter work afterwards
        assert db.execute(sql, (raw[:200] if expected == 'html' else raw,)).fetchone()[0] > 0, name


def test_ibid_clean_and_the_sentence_split_are_interrupted():
    """Plain text: ibid_clean (alone, or as ibid_convert reads a text) counts the bytes
    of each of its passes, and the sentence split (ibid_sentences, and the layers the
    corpus ingest builds) each block: checks grow with the input, and a stop is seen
    at once."""
    db = connect()
    text = words(SIZE // 2)
    for sql in ("select length(ibid_clean(?))", "select length(ibid_convert(?) ->> 'body')",
                "select count(*) from ibid_sentences(?)"):
        total = handler_calls(db, sql, text)
        assert total >= 20, (sql, total)
        stopped, calls = interrupted_at_call(db, sql, text)
        assert stopped and calls <= 11, (sql, stopped, calls)
    # the connection works afterwards
    assert db.execute('select count(*) from ibid_sentences(?)', ('One. Two.',)).fetchone() == (2,)
    # the corpus ingest of the same text: stopped within its layers too
    db.execute('select ibid_init()')
    db.commit()
    clean = db.execute('select ibid_clean(?)', (text,)).fetchone()[0]
    stopped, calls = interrupted_at_call(db, "insert into documents(path, raw) values ('a.txt', ?)",
                                         clean, at=handler_calls(db, 'select length(ibid_clean(?))',
                                                                 clean) + 5)
    assert stopped, calls
    db.rollback()
    assert db.execute('select count(*) from documents').fetchone() == (0,)


def test_interrupted_parse_keeps_no_partial_document():
    """An interrupted conversion is an error, never a shorter body."""
    db = connect()
    db.execute('select ibid_init()')
    db.commit()
    raw = documents()['jats'].encode()
    stopped, _ = interrupted_at_call(db, "insert into documents(path, raw) values ('a.xml', ?)", raw)
    assert stopped
    db.rollback()
    assert db.execute('select count(*) from documents').fetchone() == (0,)


def test_sqlite3_interrupt_stops_the_parser():
    db = connect()
    raw = documents()['tei'].encode()
    calls = [0]

    def interrupt_once():
        calls[0] += 1
        if calls[0] == 3:
            db.interrupt()  # the flag, as another thread would set it
        return 0
    db.set_progress_handler(interrupt_once, 1)
    try:
        db.execute('select ibid_convert(?)', (raw,)).fetchall()
        raise AssertionError('not interrupted')
    except sqlite3.OperationalError as e:
        assert 'interrupted' in str(e), str(e)
    db.set_progress_handler(None, 0)
    assert calls[0] <= 12, calls[0]


def pdf(name):
    with open(os.path.join(ROOT, 'tests', 'formats', 'pdf', name), 'rb') as f:
        return f.read()


def test_pdf_read_in_process_is_interrupted_between_pages():
    db = connect()
    if db.execute("select ibid_convert(x'255044462d312e340a') ->> 'error' like '%not built in%'").fetchone()[0]:
        return  # built without poppler
    db.execute('select ibid_pdf_limits(0, 0)')
    raw = pdf('many_pages.pdf')
    total = handler_calls(db, 'select ibid_convert(?) is not null', raw)
    assert total >= 40, total  # a check every 16 pages of 2000
    stopped, calls = interrupted_at_call(db, 'select ibid_convert(?)', raw)
    assert stopped and calls <= 11, (stopped, calls)


def test_pdf_child_is_killed_when_the_caller_is_interrupted():
    """The child stops itself (SIGSTOP, through the test hook) and would never
    answer: the parent asks for an interrupt while it waits, kills the child and
    returns SQLITE_INTERRUPT long before the time limit, which would otherwise
    give the document a time-limit error."""
    db = connect()
    if db.execute("select ibid_convert(x'255044462d312e340a') ->> 'error' like '%not built in%'").fetchone()[0]:
        return
    db.execute('select ibid_pdf_limits(20, 0)')
    raw = pdf('footnoted.pdf')
    os.environ['IBID_PDF_TEST_SIGNAL'] = '19'  # SIGSTOP
    try:
        stopped, calls = interrupted_at_call(db, 'select ibid_convert(?)', raw)
    finally:
        del os.environ['IBID_PDF_TEST_SIGNAL']
    assert stopped and calls <= 11, (stopped, calls)
    # no child is left behind: every one was reaped
    children = os.popen('ps -o stat= --ppid %d' % os.getpid()).read().split()
    assert not [s for s in children if s.startswith(('Z', 'T'))], children
    # and the next PDF reads
    assert db.execute("select ibid_convert(?) ->> 'pages'", (raw,)).fetchone() == (10,)


def test_pdf_reader_ignores_a_terminal_ctrl_c():
    """Ctrl-C at a terminal signals the whole foreground process group, the PDF reader's
    child too. It ignores SIGINT: the caller decides (ibid load finishes the document, a
    shell interrupts the statement and the parent kills the child), so no document is
    loaded with 'PDF reading interrupted' and then skipped as loaded by the next run.
    The test hook raises SIGINT in the child before it reads."""
    import json, subprocess, sys
    script = '''
import sys, os, json; sys.path.insert(0, %r)
from ibidtest import connect
db = connect()
raw = open(%r, 'rb').read()
os.environ['IBID_PDF_TEST_SIGNAL'] = '2'
print(json.dumps(json.loads(db.execute('SELECT ibid_convert(?)', (raw,)).fetchone()[0]).get('error')))
''' % (os.path.dirname(os.path.abspath(__file__)), os.path.join(ROOT, 'tests', 'formats', 'pdf', 'footnoted.pdf'))
    db = connect()
    if db.execute("select ibid_convert(x'255044462d312e340a') ->> 'error' like '%not built in%'").fetchone()[0]:
        return
    result = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) is None, result.stdout


def test_the_layers_behind_the_findings_functions_are_interrupted():
    """The seven functions over the shared layers (ibid_claims, ibid_entities,
    ibid_events, ibid_cases, ibid_questions, ibid_findings, ibid_evidence) build the
    text's sentences, cites, notes and markers once (ext/findings/sql_layers.c); that
    build counts its work too, so a stop is seen within it, nothing partial is cached,
    and the next call builds the layers anew. Counted, not timed."""
    db = connect()
    base = words(SIZE // 2)
    for k, name in enumerate(('ibid_claims', 'ibid_entities', 'ibid_events', 'ibid_cases',
                              'ibid_questions', 'ibid_findings', 'ibid_evidence')):
        text = base + ' Text %d.' % k  # another text: the cache holds none of its layers
        sql = 'select count(*) from %s(?)' % name
        stopped, calls = interrupted_at_call(db, sql, text)
        assert stopped and calls <= 11, (name, stopped, calls)
        # a stopped build cached nothing: the next call builds and counts again
        total = handler_calls(db, sql, text)
        assert total >= 20, (name, total)
    # the connection and the cache work afterwards
    assert db.execute('select expected from ibid_claims(?) where "check" is not null',
                      ('Of the requests, 41 of 44 requests (83%) were executed.',)).fetchone() == (93.2,)


def test_the_references_parser_is_interrupted():
    """ibid_references (and the ingest's refs, which read the same function) count each
    note's and each list entry's bytes before parsing it: a stop is seen between two
    references, not after the last of a long document. Counted, not timed."""
    db = connect()
    text = corpus('003')  # footnoted: many notes, each a parsed reference
    text = (text * (SIZE // 2 // len(text) + 1))[:SIZE // 2]
    sql = 'select count(*) from ibid_references(?)'
    total = handler_calls(db, sql, text)
    assert total >= 20, total
    stopped, calls = interrupted_at_call(db, sql, text)
    assert stopped and calls <= 11, (stopped, calls)
    # the connection works afterwards
    assert db.execute(sql, (corpus('003'),)).fetchone()[0] > 0
