"""documents(path, raw) in any format: format detected from content, raw kept, bad files
loaded with a reason instead of stopping the load, the same results from TEXT and BLOB."""
import os
from ibidtest import CORPUS, connect, corpus_names

DERIVED = ['blocks', 'sentences', 'notes', 'markers', 'cites', 'refs', 'citations', 'cases',
           'questions', 'findings', 'evidence', 'claims', 'entities', 'events']


def fresh():
    db = connect()
    db.execute('select ibid_init()')
    return db


def snapshot(db, document_id):
    """Everything derived from one document, as comparable tuples."""
    rows = {}
    for table in DERIVED:
        columns = [c[1] for c in db.execute('pragma table_info(%s)' % table)
                   if c[1] not in ('document_id', 'work_id', 'id')]  # (blocks.id: the fulltext rowid)
        rows[table] = sorted(db.execute('select %s from %s where document_id = ?'
                                        % (', '.join('"%s"' % c for c in columns), table),
                                        (document_id,)).fetchall(), key=repr)
    rows['documents'] = db.execute('select format, body, error, structure, meta from documents '
                                   'where id = ?', (document_id,)).fetchall()
    return rows


def test_text_and_blob_give_the_same_document():
    for name in corpus_names():
        with open(os.path.join(CORPUS, name), 'rb') as f:
            raw = f.read()
        db = fresh()
        db.execute('insert into documents(path, raw) values (?, ?)', ('a', raw))
        db.execute('insert into documents(path, raw) values (?, ?)', ('b', raw.decode('utf-8')))
        a, b = [db.execute('select id from documents where path = ?', (p,)).fetchone()[0]
                for p in ('a', 'b')]
        assert snapshot(db, a) == snapshot(db, b), name
        assert db.execute('select format, error, structure from documents where id = ?',
                          (a,)).fetchone() == ('text', None, None)


def test_a_bad_file_does_not_stop_a_folder():
    db = fresh()
    rows = [('good.txt', b'A title\n\nA paragraph of text.\n'), ('junk.bin', bytes(range(256))),
            ('nothing.txt', None), ('empty.txt', b''), ('also-good.txt', 'Second document.')]
    db.executemany('insert into documents(path, raw) values (?, ?)', rows)
    got = db.execute('select path, format, error from documents order by id').fetchall()
    assert got[0] == ('good.txt', 'text', None)
    assert got[1][0:2] == ('junk.bin', None) and got[1][2].startswith('unrecognized format')
    assert got[2] == ('nothing.txt', None, 'no content: raw is NULL')
    assert got[3] == ('empty.txt', 'text', 'no content: raw is empty')
    assert got[4] == ('also-good.txt', 'text', None)
    for table in DERIVED:
        assert db.execute('select count(*) from %s where document_id in (2, 3, 4)'
                          % table).fetchone()[0] == 0, table


def test_windows_1252_text_is_recoded():
    db = fresh()
    raw = 'Caf\xe9 soci\xe9t\xe9\n\nThe \u201cquoted\u201d words \u2013 and more.\n'.encode('cp1252')
    db.execute('insert into documents(path, raw) values (?, ?)', ('latin.txt', raw))
    body, structure, raw_back = db.execute('select body, structure, raw from documents').fetchone()
    assert body == 'Caf\xe9 soci\xe9t\xe9\n\nThe \u201cquoted\u201d words \u2013 and more.\n'
    assert structure == '{"recoded":1}'
    assert raw_back == raw  # the original bytes stay
    assert db.execute('select count(*) from blocks').fetchone()[0] == 2


def test_replacing_a_path_in_another_format():
    db = fresh()
    db.execute("insert into documents(path, raw) values ('p', 'Old text.')")
    db.execute("insert into documents(path, raw) values ('p', x'00ff')")
    assert db.execute('select count(*), max(format), max(error) is not null from documents'
                      ).fetchone() == (1, None, 1)
    assert db.execute('select count(*) from blocks').fetchone()[0] == 0


def test_ibid_init_upgrades_a_database_of_an_older_version():
    """A database made before documents had format/error/structure (ibid 0.1):
    ibid_init() adds the columns and creates the triggers and views anew, keeping
    the documents already there; a new document is then read in its format."""
    db = fresh()
    db.execute("insert into documents(path, raw) values ('old.txt', 'An old text.')")
    # (0.1 had no documents_link either; it reads marked_references)
    for statement in ('drop trigger documents_ingest', 'drop trigger documents_link',
                      'drop view bibliography',
                      'drop view marked_references',
                      'alter table documents drop column structure',
                      'alter table documents drop column error',
                      'alter table documents drop column format'):
        db.execute(statement)
    db.commit()
    db.execute('begin')  # works inside the caller's transaction too
    assert db.execute('select ibid_init()').fetchone() == ('ok',)
    db.execute('commit')
    db.execute("insert into documents(path, raw) values "
               "('new.html', '<html><body><p>A page.</p></body></html>')")
    got = db.execute('select path, format, body from documents order by id').fetchall()
    assert got == [('old.txt', None, 'An old text.\n'), ('new.html', 'html', 'A page.\n')], got
    assert db.execute('select count(*) from bibliography_all').fetchone()[0] == 2
    assert db.execute('select ibid_init()').fetchone() == ('ok',)
