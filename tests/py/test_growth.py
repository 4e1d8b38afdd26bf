"""Output, memory and work grow at most linearly with the input (issue 12, items 2 and 7).

Every ibid_* table-valued function (discovered from pragma_module_list, so a new
extractor is covered once registered) and the corpus INSERT run on pathological
inputs at two sizes, 1x and 10x: text without sentence ends, deeply nested
brackets, thousands of parentheses, one endless word, thousands of notes,
nested <sup><a> markup, a huge attribute. Nothing here reads a clock; growth is
counted:

- rows and output bytes (the length of every cell),
- work: calls of a progress handler set to fire every few VDBE opcodes; the
  extension's long loops (row building, byte -> character counting) also step
  a probe statement every IBID_PROGRESS_INTERVAL units of work (ext/core/progress.h),
  which calls the handler, so a quadratic loop there shows as quadratic work,
- memory: SQLite's allocation high-water mark (every ibid allocation goes
  through sqlite3_malloc, ext/core/sql_memory.c), read with ctypes from the same
  libsqlite3 that Python's sqlite3 module uses.

A metric m passes when m(10x) <= 15 * m(1x) + slack: linear growth (a + 10bn)
passes, quadratic growth (100x) fails.

The same file checks interrupts: a progress handler that returns nonzero, or
that calls sqlite3_interrupt(), stops a long extraction at its next check, long
before it would have finished.
"""
import ctypes, ctypes.util, os, sqlite3, tempfile
from ibidtest import connect, corpus

SMALL = 20000      # characters of the 1x inputs
GROWTH = 15        # allowed m(10x) / m(1x): 10 for exact linearity, some margin
SKIP_TABLES = {'ibid_files',  # reads a folder, not a text
               'ibid_ingest', 'ibid_link'}  # take a document id (test_ingest_single_pass.py)

_sqlite = ctypes.CDLL(ctypes.util.find_library('sqlite3') or 'libsqlite3.so.0')
_sqlite.sqlite3_memory_highwater.restype = ctypes.c_int64
_sqlite.sqlite3_memory_used.restype = ctypes.c_int64


def fill(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


# ----- pathological inputs (text) ------------------------------------------------

def no_sentence_ends(size):
    return fill('the court held under article 5 (Smith 2001, 45) that the state¹ and its agents ', size)


def nested_brackets(size):
    half = size // 24
    return '(' * half + 'Smith, 2001' + ')' * half + ' [' * half + 'Jones 2002' + ']' * half


def many_parentheses(size):
    return fill('(Smith, 2001; Jones and Lee, 2002a, p. 3) (see ibid.) (a) (', size)


def endless_word(size):
    return fill('abcdefghij', size)


SUPERSCRIPT = str.maketrans('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹')


def many_notes(size):
    """Markers ¹ ² ... in the text, each with its note at the end."""
    count = max(2, size // 110)
    body = ''.join('A claim %d.%s ' % (i, str(i).translate(SUPERSCRIPT)) for i in range(1, count + 1))
    notes = ''.join('%d Ibid., p. %d. See Smith, A Book (London: Press, 2001), %d.\n' % (i, i, i)
                    for i in range(1, count + 1))
    return body + '\n\nNotes\n\n' + notes


def unicode_mix(size):
    return fill('Émile à Zürich (Müller, 1990) — 東京 “quoted” ﬁne. ', size)


TEXTS = [no_sentence_ends, nested_brackets, many_parentheses, endless_word, many_notes, unicode_mix]


# ----- pathological documents (for the INSERT) ------------------------------------

def html_nested_sup(size):
    depth = size // 40
    return ('<html><body><p>Text' + '<sup><a href="#fn1">' * depth + '1' + '</a></sup>' * depth +
            '</p><ol><li id="fn1">A note.</li></ol></body></html>')


def html_many_notes(size):
    n = size // 120
    return ('<html><body><article><p>' +
            ''.join('Claim %d<sup><a href="#fn%d" id="r%d">%d</a></sup> ' % (i, i, i, i) for i in range(1, n)) +
            '</p><ol>' + ''.join('<li id="fn%d"><a href="#r%d">^</a> Ibid., p. %d.</li>' % (i, i, i)
                                for i in range(1, n)) + '</ol></article></body></html>')


def html_long_attribute(size):
    return '<html><body><p title="' + 'x ' * (size // 2) + '">A paragraph.</p></body></html>'


def jats_long_attribute(size):
    return ('<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
            '</article-title></title-group></article-meta></front><body><sec><p><ext-link xlink:href="' +
            'x' * size + '">link</ext-link> text.</p></sec></body></article>')


def jats_nested(size):
    depth = size // 20
    return ('<?xml version="1.0"?><article><body><sec><p>' + '<italic><bold>' * depth + 'x' +
            '</bold></italic>' * depth + '</p></sec></body></article>')


DOCUMENTS = TEXTS + [html_nested_sup, html_many_notes, html_long_attribute, jats_long_attribute, jats_nested]


# ----- measuring --------------------------------------------------------------------

class Meter:
    def __init__(self, db, opcodes=10):
        self.db = db
        self.opcodes = opcodes  # the handler's N: called every N opcodes, and per probe
        self.calls = 0

    def _tick(self):
        self.calls += 1
        return 0

    def run(self, sql, parameters):
        """(rows, output bytes, work, memory high-water) of one statement."""
        self.calls = 0
        self.db.set_progress_handler(self._tick, self.opcodes)
        used = _sqlite.sqlite3_memory_used()
        _sqlite.sqlite3_memory_highwater(1)
        rows = self.db.execute(sql, parameters).fetchall()
        memory = _sqlite.sqlite3_memory_highwater(1) - used
        self.db.set_progress_handler(None, 0)
        size = sum(len(c) if isinstance(c, (str, bytes)) else 8 for r in rows for c in r if c is not None)
        return len(rows), size, self.calls, memory


# Peak bytes SQLite allocates per input byte, at most (plus a constant): a table
# function holds one copy of its input and its rows (~24 bytes a cell; ibid_cites
# on nothing but citations has ~20 cells per 60 bytes). An INSERT holds more:
# SQLite keeps every register of a trigger until the statement ends, and each
# statement of the ingest trigger reads the body (or the row) into registers of
# its own (see bench/memory.py for the breakdown).
MEMORY = 25
INSERT_MEMORY = 90


def check_growth(name, small, large, slack, sizes, memory_bound=MEMORY):
    """Rows, output bytes and work grow at most linearly from 1x to 10x; the
    memory high-water mark (too noisy for a ratio) stays below memory_bound bytes
    per input byte at both sizes."""
    problems = []
    for metric, a, b, s in zip(('rows', 'output bytes', 'work'), small, large, slack):
        if b > GROWTH * a + s:
            problems.append('%s: %s %d at 1x, %d at 10x (%.1fx)' % (name, metric, a, b, b / max(a, 1)))
    for memory, size in zip((small[3], large[3]), sizes):
        if memory > memory_bound * size + slack[3]:
            problems.append('%s: %d bytes of memory for %d bytes of input' % (name, memory, size))
    return problems


def table_functions(db):
    plain = sqlite3.connect(':memory:')
    base = {n for (n,) in plain.execute('select name from pragma_module_list')}
    return sorted(n for (n,) in db.execute('select name from pragma_module_list')
                  if n.startswith('ibid_') and n not in base and n not in SKIP_TABLES)


def test_every_table_function_grows_linearly():
    db = connect()
    meter = Meter(db)
    problems = []
    for function in table_functions(db):
        for make in TEXTS:
            sql = 'select * from %s(?)' % function
            inputs = make(SMALL), make(10 * SMALL)
            small, large = meter.run(sql, inputs[:1]), meter.run(sql, inputs[1:])
            problems += check_growth('%s(%s)' % (function, make.__name__), small, large,
                                     (10, 4000, 2000, 1 << 20), [len(x.encode()) for x in inputs])
    assert not problems, '\n'.join(problems)


# Scalar functions of a text or a raw document (the others take JSON).
TEXT_SCALARS = ('ibid_clean', 'ibid_convert', 'ibid_format', 'ibid_meta', 'ibid_parse_reference')
# ibid_parse_reference keeps every token and its features: ~400 bytes a token,
# 200 a byte for one-letter words; linear (it reads one reference, not a book).
SCALAR_MEMORY = {'ibid_parse_reference': 250}


def test_text_scalar_functions_grow_linearly():
    db = connect()
    meter = Meter(db)
    names = {n for (n,) in db.execute("select name from pragma_function_list where name like 'ibid_%'")}
    assert set(TEXT_SCALARS) <= names, set(TEXT_SCALARS) - names
    problems = []
    for function in TEXT_SCALARS:
        for make in TEXTS + [html_nested_sup, html_many_notes, html_long_attribute, jats_nested]:
            sql = 'select %s(?)' % function
            inputs = make(SMALL), make(10 * SMALL)
            small, large = meter.run(sql, inputs[:1]), meter.run(sql, inputs[1:])
            problems += check_growth('%s(%s)' % (function, make.__name__), small, large,
                                     (10, 4000, 2000, 1 << 20), [len(x.encode()) for x in inputs],
                                     SCALAR_MEMORY.get(function, MEMORY))
    assert not problems, '\n'.join(problems)


def documents_output(db, document_id):
    """Rows and bytes of everything one document put into the database."""
    rows = size = 0
    for (table,) in db.execute("select name from sqlite_master where type = 'table' and sql like '%document_id%'"
                               " and name not like 'fulltext%'"):
        columns = [c[1] for c in db.execute('pragma table_info(%s)' % table)]
        expression = ' + '.join('coalesce(length(%s), 0)' % ('"%s"' % c) for c in columns)
        n, b = db.execute('select count(*), coalesce(sum(%s), 0) from %s where document_id = ?' %
                          (expression, table), (document_id,)).fetchone()
        rows += n
        size += b
    return rows, size


def test_insert_grows_linearly():
    db = connect()
    db.execute('select ibid_init()')
    meter = Meter(db)
    problems = []
    for make in DOCUMENTS:
        measures, sizes = [], []
        for size in (SMALL, 10 * SMALL):
            path = '%s-%d' % (make.__name__, size)
            document = make(size)
            sizes.append(len(document.encode()))
            _, _, work, memory = meter.run('insert into documents(path, raw) values (?, ?)', (path, document))
            document_id = db.execute('select id from documents where path = ?', (path,)).fetchone()[0]
            rows, output = documents_output(db, document_id)
            measures.append((rows, output, work, memory))
        problems += check_growth('INSERT %s' % make.__name__, measures[0], measures[1],
                                 (50, 20000, 20000, 4 << 20), sizes, INSERT_MEMORY)
    db.commit()
    assert not problems, '\n'.join(problems)


def test_backward_spans_cost_no_rescan():
    """Spans in any order: the byte -> character mapping never rescans from byte 0.

    ibid_markers gives each marker's note_start (the note, late in the text) with
    the marker's own span, so positions jump back and forth row by row; before
    checkpoints this rescanned the text from byte 0 per row. Work is counted with
    count(*) so that rows cost few opcodes and the probes (one per 64 KB counted)
    dominate: 13x at 10x the input without checkpoints, about 10x with them."""
    db = connect()
    meter = Meter(db, 1)  # every opcode and every probe counts

    def long_notes(count):  # 90 and 900 notes after a kilobyte of text each (999 at most)
        text = many_notes(count * 110)
        return text.replace('A claim', 'A claim and so on' + ' and so on' * 90)
    inputs = long_notes(90), long_notes(900)
    counts = [db.execute('select count(note_start) from ibid_markers(?)', (x,)).fetchone()[0] for x in inputs]
    assert counts == [90, 900], counts
    work = [meter.run('select count(*) from ibid_markers(?)', (x,))[2] for x in inputs]
    assert work[1] <= 12 * work[0], work


def case_study(cells):
    """A case study whose one question subsection holds a sentence per figure
    cell, each sharing two content words with its cell and none with the others
    (words made of the cell's number in base 26), so that evidence rows grow
    linearly: one citation per finding."""
    def word(i, salt):
        return ''.join(chr(97 + (i // 26 ** j + salt) % 26) for j in range(6))
    sentences = ''.join('The %s %s measure stalled while officials debated further reforms, budgets, '
                        'timetables, partners, donors, monitors, audits, reviews and ministries '
                        '(Berg, %d: 4). ' % (word(i, 0), word(i, 7), 1950 + i % 50) for i in range(cells))
    figure = ''.join('\u00a7 %s %s\n' % (word(i, 0), word(i, 7)) for i in range(cells))
    return ('Q1: Did the reform work?\n\nCase study 1: The Ostland reform\n\n'
            'Q1: Did the reform work in Ostland?\n\n' + sentences +
            '\n\nFigure 1. Findings Ostland\n\nCase 1: Ostland\nQ1 ' + figure +
            '\nCase 2: Westmark\n\nConclusion\n\nIn sum, reforms rarely worked.\n')


def test_figure_evidence_reads_no_subsection_per_finding():
    """A figure finding's evidence: the sentences of its case's question
    subsection sharing its content words (ext/findings/findings.c). Reading the whole
    subsection per finding made ibid_evidence quadratic (cells x sentences)
    while its rows stayed linear; the analysis counts its work on the call's
    progress, so the probes show such a loop here. Counted with count(*), so
    that rows cost few opcodes."""
    db = connect()
    meter = Meter(db, 1)
    inputs = case_study(30), case_study(300)
    rows = [db.execute('select count(*) from ibid_evidence(?)', (x,)).fetchone()[0] for x in inputs]
    assert rows == [30, 300], rows
    db = connect()  # a fresh cache: each call below analyses its text
    meter = Meter(db, 1)
    work = [meter.run('select count(*) from ibid_evidence(?)', (x,))[2] for x in inputs]
    assert work[1] <= 12 * work[0], work


def test_database_of_each_kind_stays_below_20x():
    """Database bytes per input byte, for text, HTML and JATS (2 MB each here;
    bench/memory.py measures 10 MB documents and the peak memory of their INSERT)."""
    seed = corpus('002')
    paragraphs = [p.replace('&', '&amp;').replace('<', '&lt;') for p in seed.split('\n\n') if p.strip()]
    body = ''.join('<p>%s</p>\n' % p for p in paragraphs)
    size = 2000000
    kinds = {
        'text': fill(seed, size),
        'html': '<html><body><article>' + fill(body, size) + '</article></body></html>',
        'jats': ('<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
                 '</article-title></title-group></article-meta></front><body><sec>' + fill(body, size) +
                 '</sec></body></article>'),
    }
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, document in kinds.items():
            path = os.path.join(folder, kind + '.db')
            db = connect(path)
            db.execute('select ibid_init()')
            db.commit()
            empty = os.path.getsize(path)
            db.execute('insert into documents(path, raw) values (?, ?)', (kind, document))
            db.commit()
            ratio = (os.path.getsize(path) - empty) / len(document.encode())
            db.close()
            if ratio >= 20:
                problems.append('%s: database %.1fx the document' % (kind, ratio))
    assert not problems, '\n'.join(problems)


# ----- interrupts -----------------------------------------------------------------------

def long_text():
    return corpus('002') * 40  # 2.4 MB


def full_work(db, sql, argument):
    """Progress-handler calls (every opcode, and every probe) of a whole run."""
    calls = [0]

    def tick():
        calls[0] += 1
        return 0
    db.set_progress_handler(tick, 1)
    db.execute(sql, (argument,)).fetchall()
    db.set_progress_handler(None, 0)
    return calls[0]


def test_progress_handler_stops_a_long_extraction():
    db = connect()
    text = long_text()
    for function in ('ibid_blocks', 'ibid_sentences', 'ibid_cites'):
        sql = 'select count(*) from %s(?)' % function
        total = full_work(db, sql, text)
        calls = [0]

        def stop():  # lets the statement reach the extraction, then stops it
            calls[0] += 1
            return 1 if calls[0] >= 3 else 0
        db.set_progress_handler(stop, 1)
        try:
            db.execute(sql, (text,)).fetchall()
            raise AssertionError('%s was not interrupted' % function)
        except sqlite3.OperationalError as e:
            assert 'interrupted' in str(e), str(e)
        db.set_progress_handler(None, 0)
        assert calls[0] == 3 and total > 100 * calls[0], (function, calls[0], total)


def test_progress_handler_stops_a_long_html_conversion():
    """ibid_convert checks while it walks an HTML tree (ext/format/html.c walk)."""
    db = connect()
    page = '<html><body><article>' + ''.join('<p>%s</p>' % p.replace('<', '&lt;')
                                             for p in long_text().split('\n\n')) + '</article></body></html>'
    total = full_work(db, 'select length(ibid_convert(?))', page)
    calls = [0]

    def stop():
        calls[0] += 1
        return 1 if calls[0] >= 3 else 0
    db.set_progress_handler(stop, 1)
    try:
        db.execute('select length(ibid_convert(?))', (page,)).fetchall()
        raise AssertionError('ibid_convert was not interrupted')
    except sqlite3.OperationalError as e:
        assert 'interrupted' in str(e), str(e)
    db.set_progress_handler(None, 0)
    assert calls[0] <= 4 < total, (calls[0], total)


def test_sqlite3_interrupt_stops_a_long_extraction():
    """sqlite3_interrupt() (Connection.interrupt) during the extraction: on SQLite 3.40
    nothing exposes the flag, the probe statement sees it (ext/core/sql_common.h)."""
    db = connect()
    text = long_text()
    sql = 'select count(*) from ibid_sentences(?)'
    total = full_work(db, sql, text)
    calls = [0]

    def interrupt_once():
        calls[0] += 1
        if calls[0] == 3:
            db.interrupt()  # the flag, as another thread would set it
        return 0
    db.set_progress_handler(interrupt_once, 1)
    try:
        db.execute(sql, (text,)).fetchall()
        raise AssertionError('not interrupted')
    except sqlite3.OperationalError as e:
        assert 'interrupted' in str(e), str(e)
    db.set_progress_handler(None, 0)
    assert calls[0] <= 12 and total > 100 * calls[0], (calls[0], total)
    # the connection works afterwards
    assert db.execute('select count(*) from ibid_sentences(?)', ('One. Two.',)).fetchone()[0] == 2


def test_interrupted_insert_leaves_no_document():
    db = connect()
    db.execute('select ibid_init()')
    db.commit()
    calls = [0]

    def stop_later():
        calls[0] += 1
        return 1 if calls[0] > 2000 else 0
    db.set_progress_handler(stop_later, 1)
    try:
        db.execute('insert into documents(path, raw) values (?, ?)', ('long', long_text()))
        raise AssertionError('not interrupted')
    except sqlite3.OperationalError as e:
        assert 'interrupted' in str(e), str(e)
    db.set_progress_handler(None, 0)
    db.rollback()
    assert db.execute('select count(*) from documents').fetchone()[0] == 0
    assert db.execute('select count(*) from sentences').fetchone()[0] == 0


def test_huge_link_target_is_not_kept():
    """A link target over 8 KB (IBID_URL_MAX) is left out of references: one
    attribute must not be copied into structure, refs and works."""
    db = connect()
    for size in (100, 1000000):
        page = ('<html><body><p>Text.<sup><a href="#fn1" id="r1">1</a></sup></p><ol><li id="fn1">'
                '<a href="#r1">^</a> See <a href="http://example.org/' + 'a' * size +
                '">this</a>.</li></ol></body></html>')
        url, length = db.execute("select ibid_convert(?1) ->> '$.references[0].URL', "
                                 "length(ibid_convert(?1))", (page,)).fetchone()
        assert (url is not None) == (size < 8192), (size, url and len(url))
        assert length < 2000, length
