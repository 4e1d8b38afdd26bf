"""ibid_ingest: one analysis per document writes exactly what the table-valued functions give.

The ingest trigger no longer runs one INSERT ... SELECT FROM ibid_x(body) per table; it calls
ibid_ingest(id), which computes each layer once and writes it. These tests load every sample
document (tests/corpus, tests/formats/*, tests/casestudies, tests/footnotes) and compare every
derived table, row by row and in rowid order, with the rows of the same table-valued
functions on the stored body, under the trigger's rules (a cite or parsed reference that
overlaps a reference the format gave is left out).
"""
import glob, os, sqlite3
from ibidtest import ROOT, connect, corpus

# table -> (its columns as the function gives them, the function's SELECT on :body)
TABLES = {
    'blocks': ('n, kind, level, start, length, text', 'ibid_blocks'),
    'sentences': ('n, block, start, length, text', 'ibid_sentences'),
    'notes': ('n, label, kind, start, length, text, ibid_of, locator', 'ibid_notes'),
    'markers': ('n, marker, start, length, note_start', 'ibid_markers'),
    'cites': ('n, group_n, authors, year, suffix, locator, prefix, narrative, start, length, '
              'problem', 'ibid_cites'),
    'cases': ('n, name, case_key, heading, start, length', 'ibid_cases'),
    'questions': ('n, label, text, start, length', 'ibid_questions'),
    'findings': ('n, "case", case_key, question, finding, source, polarity, start, length',
                 'ibid_findings'),
    'evidence': ('finding, citation_start, citation_length, kind, cite', 'ibid_evidence'),
    'claims': ('n, sentence, value, unit, start, length, "check", expected', 'ibid_claims'),
    'entities': ('n, kind, value, text, start, length', 'ibid_entities'),
    'events': ('n, date, sentence, start, length, relative', 'ibid_events'),
}
# refs: the link-URL update changes csl afterwards, so csl is compared without its URL
REFS = "%snote, %sitem, %sstart, %slength, %stext, json_remove(%scsl, '$.URL'), %sresolves_to, " \
       "%sresolves_item, %slocator, %swork_key"
STRUCTURED = '''NOT EXISTS (SELECT 1 FROM refs g WHERE g.document_id = :id AND g.rowid <= :last
                AND x.start < g.start + g.length AND x.start + x.length > g.start)'''


def sample_files():
    patterns = ['tests/corpus/*.txt', 'tests/formats/*/*', 'tests/casestudies/*.txt',
                'tests/footnotes/*/*.txt']
    files = []
    for pattern in patterns:
        files += sorted(f for f in glob.glob(os.path.join(ROOT, pattern))
                        if os.path.isfile(f) and not f.endswith(('.json', '.md', '.py', '.tsv')))
    return files


def load_samples():
    db = connect()
    db.execute('select ibid_init()')
    files = sample_files()
    for path in files:
        with open(path, 'rb') as f:
            db.execute('insert into documents(path, raw) values (?, ?)',
                       (os.path.relpath(path, ROOT), f.read()))
    db.commit()
    return db, files


def expected_and_actual(db, document_id):
    """{table: (rows from the table, rows from the functions)} for one document."""
    body = db.execute('select body from documents where id = ?', (document_id,)).fetchone()[0]
    out = {}
    # the structured references are the first refs rows of the document (the trigger
    # inserts them before ibid_ingest runs): those whose csl the format gave and whose
    # text is not a parsed one; they are the refs rows of marked_references
    structured = db.execute("select count(*) from marked_references where document_id = ? "
                            "and csl is not null", (document_id,)).fetchone()[0]
    rowids = [r for (r,) in db.execute('select rowid from refs where document_id = ? '
                                       'order by rowid', (document_id,))]
    last = rowids[structured - 1] if structured else 0
    parameters = {'id': document_id, 'body': body, 'last': last}
    for table, (columns, function) in TABLES.items():
        order = 'n' if table in ('blocks', 'sentences') else 'rowid'  # WITHOUT ROWID
        actual = db.execute('select %s from %s where document_id = :id order by %s'
                            % (columns, table, order), parameters).fetchall()
        where = ' where ' + STRUCTURED if table == 'cites' else ''
        expected = db.execute('select %s from %s(:body) x%s' % (
            ', '.join('x.' + c.strip() for c in columns.split(',')), function, where),
            parameters).fetchall()
        out[table] = (actual, expected)
    actual = db.execute('select %s from refs where document_id = :id and rowid > :last '
                        'order by rowid' % (REFS % (('',) * 10)), parameters).fetchall()
    expected = db.execute('select %s from ibid_references(:body) x where %s' % (
        REFS % (('x.',) * 10), STRUCTURED), parameters).fetchall()
    out['refs'] = (actual, expected)
    return out


def test_every_table_holds_exactly_the_functions_rows():
    db, files = load_samples()
    documents = db.execute('select id, path from documents order by id').fetchall()
    assert len(documents) == len(files) and len(files) > 45
    totals = {t: 0 for t in list(TABLES) + ['refs']}
    for document_id, path in documents:
        for table, (actual, expected) in expected_and_actual(db, document_id).items():
            assert actual == expected, '%s, %s: %d rows written, the function gives %d; first ' \
                'difference %r' % (path, table, len(actual), len(expected),
                                   next(((a, e) for a, e in zip(actual, expected) if a != e),
                                        None))
            totals[table] += len(actual)
    # the comparison covered every table with real rows
    assert all(totals[t] > 0 for t in totals), totals
    # and the structured references of JATS/TEI documents were left in front of the parsed
    assert db.execute("select count(*) from refs r join documents d on d.id = r.document_id "
                      "where d.format in ('jats', 'tei')").fetchone()[0] > 0


def test_ibid_ingest_reports_its_rows_and_refuses_a_second_run():
    db = connect()
    db.execute('select ibid_init()')
    db.execute("insert into documents(path, raw) values ('a.txt', ?)",
               ('Title\n\nAs argued before (Smith, 2015: 12), deaths rose to 3,784 in 2011.\n',))
    document_id = db.execute('select id from documents').fetchone()[0]
    # what the trigger wrote, layer by layer
    written = {t: db.execute('select count(*) from %s where document_id = ?' % t,
                             (document_id,)).fetchone()[0] for t in TABLES}
    assert written['cites'] == 1 and written['sentences'] >= 1
    # ibid_ingest on a document with no derived rows yet writes them and says how many
    for table in TABLES:
        db.execute('delete from %s where document_id = ?' % table, (document_id,))
    for table in ('refs', 'citations', 'fulltext', 'blocks_fulltext'):
        db.execute('delete from %s where document_id = ?' % table, (document_id,))
    rows = dict(db.execute('select layer, rows from ibid_ingest(?)', (document_id,)).fetchall())
    assert list(rows) == ['blocks', 'sentences', 'notes', 'markers', 'cites', 'refs', 'cases',
                          'questions', 'findings', 'evidence', 'claims', 'entities', 'events']
    assert {t: rows[t] for t in TABLES} == written
    # run twice, the primary keys of blocks say no; the statement writes nothing
    before = db.execute('select count(*) from sentences').fetchone()[0]
    try:
        db.execute('select * from ibid_ingest(?)', (document_id,)).fetchall()
        assert False, 'a second ibid_ingest of one document must fail'
    except Exception as error:
        assert 'UNIQUE' in str(error), error
    assert db.execute('select count(*) from sentences').fetchone()[0] == before
    # no such document, NULL: no rows written
    assert dict(db.execute('select layer, rows from ibid_ingest(12345)').fetchall())['blocks'] == 0
    assert db.execute('select count(*) from ibid_ingest(NULL)').fetchone()[0] == 0
    try:
        db.execute("select * from ibid_ingest('x')").fetchall()
        assert False
    except Exception as error:
        assert 'integer' in str(error)



def test_ibid_ingest_hidden_columns_hand_rows_only_to_its_own_inserts():
    """docs/corpus.md: pending and c0 .. c10 are NULL in the rows of a call; SQL cannot give
    pending a value (only the ingest's own INSERTs can), nor a second argument."""
    db = connect()
    db.execute('select ibid_init()')
    db.execute("insert into documents(path, raw) values ('a.txt', 'Title\n\nText (Smith, 2015).\n')")
    document_id = db.execute('select id from documents').fetchone()[0]
    db.execute('delete from documents where id = ?', (document_id,))
    assert db.execute('select count(*), count(pending), count(c0), count(c10) '
                      'from ibid_link(?)', (document_id,)).fetchone() == (0, 0, 0, 0)
    rows = db.execute('select pending, c0, c10 from ibid_ingest(12345)').fetchall()
    assert rows and all(row == (None, None, None) for row in rows)
    for sql in ('select * from ibid_ingest(1, 2)', "select * from ibid_link where pending = 'x'"):
        try:
            db.execute(sql).fetchall()
            assert False, sql
        except sqlite3.Error as error:
            assert 'one argument only' in str(error), error

def test_ibid_ingest_without_a_corpus_says_so():
    db = connect()
    try:
        db.execute('select * from ibid_ingest(1)').fetchall()
        assert False
    except Exception as error:
        assert 'ibid_init' in str(error), error


def test_an_interrupted_ingest_leaves_nothing():
    """A progress handler that stops the INSERT: no document, no derived rows."""
    db = connect()
    db.execute('select ibid_init()')
    raw = corpus('002').encode() * 10
    calls = []

    def handler():
        calls.append(1)
        return 1 if len(calls) > 20 else 0
    db.set_progress_handler(handler, 1000)
    try:
        db.execute("insert into documents(path, raw) values ('big.txt', ?)", (raw,))
        assert False, 'the handler should have stopped the INSERT'
    except Exception as error:
        assert 'interrupt' in str(error).lower(), error
    db.set_progress_handler(None, 0)
    for table in list(TABLES) + ['documents', 'refs']:
        assert db.execute('select count(*) from %s' % table).fetchone()[0] == 0, table


def test_statements_are_finalized_when_the_connection_closes():
    """The cached INSERTs live in the eponymous table: closing the connection still works
    (sqlite3_close refuses a connection with unfinalized statements)."""
    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'c.db')
        extension = os.path.join(ROOT, 'ibid')
        result = subprocess.run(
            ['sqlite3', path, '.load %s' % extension, 'select ibid_init();',
             "insert into documents(path, raw) values ('a', 'Some text (Smith, 2015).');",
             'select count(*) from cites;'], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout.split()[-1] == '1', result
        assert 'unable to close' not in result.stderr, result.stderr


def test_missing_or_wrong_arguments_are_clear_errors():
    db = connect()
    db.execute('select ibid_init()')
    for name in ('ibid_ingest', 'ibid_link'):
        for sql, words in (('select * from %s', 'missing argument'),
                           ("select * from %s('x')", 'integer'),
                           ('select * from %s(1.5)', 'integer')):
            try:
                db.execute(sql % name).fetchall()
                assert False, sql % name
            except Exception as error:
                assert words in str(error) and name in str(error), error


def test_ibid_link_links_a_document_as_the_ingest_does():
    """sql/merge.sql's path: the document's rows copied, then documents_to_link (ibid_link)."""
    text = ('A Title\n\nAs shown by Roe (2019), it works.\n\nReferences\n\n'
            'Roe, A. (2019). A study of things. Journal of Studies, 4(2), 1-20.\n')
    one = connect()
    one.execute('select ibid_init()')
    one.execute("insert into documents(path, raw) values ('a.txt', ?)", (text,))
    two = connect()
    two.execute('select ibid_init()')
    two.execute('drop trigger documents_ingest')
    two.execute("insert into documents(path, raw) values ('a.txt', ?)", (text,))
    # everything but the linking, by hand: the steps before '-- @link' are ibid_ingest's own
    for table in ('documents', 'blocks', 'sentences', 'notes', 'markers', 'cites', 'refs', 'cases',
                  'questions', 'findings', 'evidence', 'claims', 'entities', 'events'):
        columns = [c[1] for c in one.execute('pragma table_info(%s)' % table)
                   if c[1] not in ('work_id', 'key_family', 'key_title')]
        rows = one.execute('select %s from %s' % (', '.join('"%s"' % c for c in columns),
                                                   table)).fetchall()
        two.execute('delete from %s' % table)
        two.executemany('insert into %s(%s) values (%s)' % (
            table, ', '.join('"%s"' % c for c in columns), ', '.join('?' * len(columns))), rows)
    assert two.execute('select count(*) from citations').fetchone()[0] == 0
    two.execute('insert into documents_to_link values (1)')
    two.execute('delete from documents_to_link')
    for sql in ('select document_id, work_id, via, note, locator, start, length from citations',
                'select id, key, title, authors, year, doi, citekey from works',
                'select rowid, text, document_id, block from fulltext',
                'select id, work_id from documents', 'select work_id from cites',
                'select work_id from refs'):
        assert one.execute(sql).fetchall() == two.execute(sql).fetchall(), sql
    assert one.execute('select count(*) from citations').fetchone()[0] > 0


def test_a_later_reference_gives_its_work_the_doi_and_url_it_lacks():
    """refs_work_identifiers, as the ingest links references while writing them."""
    entry = 'Roe, A. (2019). A study of things. Journal of Studies, 4(2), 1-20.'
    first = 'A Title\n\nAs shown by Roe (2019), it works.\n\nReferences\n\n%s\n' % entry
    second = ('Another Title\n\nAs Roe (2019) shows, it works.\n\nReferences\n\n'
              '%s https://doi.org/10.1234/abcd\n\n'
              'Lee, B. (2020). Other things. Journal of Studies, 5(1), 2-30.\n' % entry)
    db = connect()
    db.execute('select ibid_init()')
    db.execute("insert into documents(path, raw) values ('a.txt', ?)", (first,))
    row = db.execute("select doi, csl ->> '$.URL' from works where key = 'roe::study-things'")
    assert row.fetchone() == (None, None)
    db.execute("insert into documents(path, raw) values ('b.txt', ?)", (second,))
    work = db.execute("select id, doi, csl ->> '$.DOI', csl ->> '$.URL' from works "
                      "where key = 'roe::study-things'").fetchone()
    assert work[1:] == ('10.1234/abcd', '10.1234/abcd', 'https://doi.org/10.1234/abcd')
    # every reference of both documents names its work
    assert db.execute('select count(*) from refs where work_id = ?', (work[0],)).fetchone()[0] == 2
    assert db.execute('select count(*) from refs where work_id is null').fetchone()[0] == 0


def test_property_random_documents_load_as_the_functions_read_them():
    """Property: for any text -- here lines of the sample documents shuffled and cut, with
    code points from the whole range spliced in (deterministic seed) -- every table holds
    exactly the functions' rows."""
    import random
    rng = random.Random(14)
    lines = []
    for path in sample_files()[:40]:
        with open(path, 'rb') as f:
            lines += f.read().decode('utf-8', 'replace').splitlines()
    alphabet = [chr(c) for c in (0xE0, 0xA0, 0x420, 0x1A0, 0x2019, 0xB9, 0x2074, 0x4E2D, 0x1F600,
                                 0x10FFFD, 0x301, 0x200B)]
    db = connect()
    db.execute('select ibid_init()')
    for k in range(25):
        chosen = rng.sample(lines, min(len(lines), rng.randint(5, 400)))
        text = '\n'.join(chosen)
        spliced = list(text)
        for _ in range(rng.randint(0, 40)):
            spliced.insert(rng.randint(0, len(spliced)), rng.choice(alphabet))
        db.execute('insert into documents(path, raw) values (?, ?)', ('r%d.txt' % k,
                                                                     ''.join(spliced)))
    for (document_id,) in db.execute('select id from documents').fetchall():
        for table, (actual, expected) in expected_and_actual(db, document_id).items():
            assert actual == expected, (document_id, table, len(actual), len(expected))


def test_one_insert_peaks_at_a_small_multiple_of_the_document():
    """Issue 12 item 7: SQLite's heap high-water mark during one INSERT of a text, as a
    multiple of its size, at two sizes: bounded (bench/memory.py measures 12x at 2 MB; the
    old trigger held every statement's copies until the INSERT ended, 47x), and not growing
    with the document. Counted by SQLite, not timed."""
    import ctypes, ctypes.util
    lib = ctypes.CDLL(ctypes.util.find_library('sqlite3') or 'libsqlite3.so.0')
    lib.sqlite3_memory_highwater.restype = ctypes.c_int64
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    seed = corpus('002')
    ratios = []
    for size in (200000, 1000000):
        text = (seed * (size // len(seed) + 1))[:size]
        db = connect()
        db.execute('select ibid_init()')
        db.commit()
        used = lib.sqlite3_memory_used()
        lib.sqlite3_memory_highwater(1)
        db.execute("insert into documents(path, raw) values ('big.txt', ?)", (text,))
        db.commit()
        ratios.append((lib.sqlite3_memory_highwater(0) - used) / len(text.encode()))
        db.close()
    assert ratios[1] < 16, ratios
    assert ratios[1] < ratios[0] * 1.5 + 1, ratios


def test_one_insert_into_a_file_peaks_near_10x_the_document():
    """Issue 12 item 7, as bench/memory.py measures it: SQLite's heap high-water mark of
    one INSERT of a 2 MB document into a database file, as a multiple of the document.
    ibid_ingest converts the raw file itself (no JSON copy of the body) and writes the
    document's row in one UPDATE, and the entities' word table is sized by the distinct
    words (ext/findings/entities.c): text and HTML peak below 10x (12.4x and 16.2x in
    0.4.0). Counted by SQLite, not timed."""
    import ctypes, ctypes.util, os, tempfile
    lib = ctypes.CDLL(ctypes.util.find_library('sqlite3') or 'libsqlite3.so.0')
    lib.sqlite3_memory_highwater.restype = ctypes.c_int64
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    seed = corpus('002')
    n = 2000000
    fill = lambda unit: (unit * (n // len(unit) + 1))[:n]
    paragraphs = [p.replace('&', '&amp;').replace('<', '&lt;') for p in seed.split('\n\n') if p.strip()]
    body = ''.join('<p>%s</p>\n' % p for p in paragraphs)
    documents = {
        'text': (fill(seed), 10),
        'html': ('<html><body><article>' + fill(body) + '</article></body></html>', 10),
    }
    ratios = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, (text, bound) in documents.items():
            db = connect(os.path.join(folder, kind + '.db'))
            db.execute('select ibid_init()')
            db.commit()
            raw = text.encode()
            used = lib.sqlite3_memory_used()
            lib.sqlite3_memory_highwater(1)
            db.execute('insert into documents(path, raw) values (?, ?)', (kind, raw))
            db.commit()
            ratios[kind] = (lib.sqlite3_memory_highwater(0) - used) / len(raw)
            db.close()
            assert ratios[kind] < bound, ratios
