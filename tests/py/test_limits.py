"""Limits as high as the data needs, documented, and reported when hit (issue #12 item 8).

- notes: a book's endnotes run past 999 (1,205 here); a list of years is still no notes;
- format detection: a JATS/TEI DOCTYPE internal subset over 4 KB is still XML; a prolog
  over the 1 MB cap is read as text and documents.error says so;
- fulltext rowids: any documents.id up to 2^63 - 1 loads, is searchable and deletes by
  its own range; documents of a 0.2 database (rowid = id * 16777216 + block) still delete;
- ibid_convert's JSON keeps its subtype (SQLITE_RESULT_SUBTYPE, needed from SQLite 3.45).
"""
import json
from ibidtest import connect, corpus


def endnotes(count):
    lines = ['A Long Book', '', 'The chapter argues a point.[1] It goes on.[999] And on.[1000] '
             'To the end.[%d]' % count, '', 'Notes', '']
    lines += ['%d See A. Smith, History of Things (London: Press, 1990), %d.' % (i, i) for i in range(1, count + 1)]
    return '\n'.join(lines) + '\n'


def test_notes_past_999():
    db = connect()
    text = endnotes(1205)
    assert db.execute('select count(*), min(n), max(n) from ibid_notes(?)', (text,)).fetchone() == (1205, 1, 1205)
    markers = [n for (n,) in db.execute('select n from ibid_markers(?) order by start', (text,))]
    assert markers == [1, 999, 1000, 1205], markers


def test_a_list_of_years_is_not_notes():
    db = connect()
    text = ('Timeline\n\n1990 The war began in the north, see the report of 1991.\n'
            '1991 The war ended, see Smith, History (1999).\n1992 Talks, see Jones, Peace (2001), 3.\n'
            '1993 Elections, see Brown, Votes (2003), 4.\n1994 A treaty, see Green, Law (2004), 5.\n')
    assert db.execute('select count(*) from ibid_notes(?)', (text,)).fetchone() == (0,)


def internal_subset(size):
    entities, n = [], 0
    while sum(len(e) for e in entities) < size:
        entities.append('<!ENTITY e%d "entity number %d, declared in the internal subset">\n' % (n, n))
        n += 1
    return ''.join(entities)


def test_doctype_internal_subset_over_4_kb_is_still_xml():
    db = connect()
    subset = internal_subset(12000)
    jats = ('<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE article [\n%s]>\n<article><front><article-meta>'
            '<title-group><article-title>Title</article-title></title-group></article-meta></front>'
            '<body><p>Body text.</p></body></article>' % subset)
    tei = ('<?xml version="1.0"?>\n<!DOCTYPE TEI [\n%s]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
           '<fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body><p>Body text.'
           '</p></body></text></TEI>' % subset)
    for raw, expected in ((jats, 'jats'), (tei, 'tei')):
        assert len(raw) > 12000
        assert db.execute('select ibid_format(?)', (raw.encode(),)).fetchone() == (expected,)
        document = json.loads(db.execute('select ibid_convert(?)', (raw.encode(),)).fetchone()[0])
        assert document['format'] == expected and 'Body text.' in document['body'], document
        assert 'error' not in document, document
    # UTF-16 too: the window is counted in the decoded text.
    utf16 = '\ufeff'.encode('utf-16-le') + jats.replace('<?xml version="1.0"?>', '').encode('utf-16-le')
    assert db.execute('select ibid_format(?)', (utf16,)).fetchone() == ('jats',)


def test_a_prolog_over_the_cap_is_text_with_an_error():
    db = connect()
    db.execute('select ibid_init()')
    raw = ('<?xml version="1.0"?>\n<!DOCTYPE article [\n<!-- %s -->\n]>\n<article><body><p>Body.</p>'
           '</body></article>' % ('x' * (1024 * 1024 + 10))).encode()
    db.execute("insert into documents(path, raw) values ('long-prolog.xml', ?)", (raw,))
    assert db.execute('select format, error from documents').fetchone() == (
        'text', 'XML prolog (declaration, comments, DOCTYPE) longer than 1 MB: read as text')


def test_any_document_id_loads_searches_and_deletes():
    db = connect()
    db.execute('select ibid_init()')
    text = corpus('002')
    ids = [1, 2 ** 39 - 1, 2 ** 39, 2 ** 39 + 5, 2 ** 62, 2 ** 63 - 1]
    for i, document in enumerate(ids):
        db.execute('insert into documents(id, path, raw) values (?, ?, ?)', (document, 'd%d.txt' % i, text))
    blocks = db.execute('select count(*) from blocks where document_id = 1').fetchone()[0]
    assert blocks > 10
    per_document = dict(db.execute('select document_id, count(*) from fulltext group by document_id'))
    assert per_document == {document: blocks for document in ids}, per_document
    ranges = db.execute('select document_id, first, last from blocks_fulltext order by first').fetchall()
    assert len(ranges) == len(ids) and all(last - first + 1 == blocks for _, first, last in ranges)
    assert all(ranges[i][2] < ranges[i + 1][1] for i in range(len(ranges) - 1)), ranges
    # Every rowid of a document's range holds that document's block.
    for document, first, last in ranges:
        assert db.execute('select count(*) from fulltext where rowid between ? and ? and document_id = ?',
                          (first, last, document)).fetchone() == (blocks,)
    word = db.execute("select count(*) from fulltext where fulltext match 'court'").fetchone()[0]
    assert word > 0 and word % len(ids) == 0
    db.execute('delete from documents where id = ?', (2 ** 62,))
    per_document = dict(db.execute('select document_id, count(*) from fulltext group by document_id'))
    assert 2 ** 62 not in per_document and len(per_document) == len(ids) - 1
    assert db.execute('select count(*) from blocks_fulltext').fetchone() == (len(ids) - 1,)
    # Loading a path again replaces its rows: nothing left over, nothing shared.
    db.execute("insert into documents(path, raw) values ('d0.txt', ?)", (text + '\nOne more line.\n',))
    assert db.execute('select count(*) from fulltext').fetchone()[0] == \
        db.execute('select count(*) from blocks').fetchone()[0]


def test_documents_of_a_0_2_database_still_delete():
    """0.2 numbered fulltext rows id * 16777216 + block, with no blocks_fulltext row (in the
    layout of 0.2 to 0.5, which such a database keeps: tests/py/test_storage.py)."""
    from test_storage import make_0_5
    db = connect()
    make_0_5(db)
    text = corpus('002')
    db.execute("insert into documents(id, path, raw) values (7, 'old.txt', ?)", (text,))
    db.execute("insert into documents(id, path, raw) values (8, 'new.txt', ?)", (text,))
    # Make document 7 look as 0.2 left it.
    db.execute('delete from fulltext where document_id = 7')
    db.execute('delete from blocks_fulltext where document_id = 7')
    db.execute('insert into fulltext(rowid, text, document_id, block) '
               'select 7 * 16777216 + n, text, 7, n from blocks where document_id = 7')
    # A new-scheme document whose range lies inside 7's old formula range must survive.
    db.execute("insert into documents(id, path, raw) values (9, 'newer.txt', ?)", (text,))
    (first,) = db.execute('select first from blocks_fulltext where document_id = 9').fetchone()
    assert first > 7 * 16777216
    db.execute('delete from documents where id = 7')
    assert dict(db.execute('select document_id, count(*) from fulltext group by document_id')) == \
        {8: db.execute('select count(*) from blocks where document_id = 8').fetchone()[0],
         9: db.execute('select count(*) from blocks where document_id = 9').fetchone()[0]}


def test_convert_keeps_its_json_subtype():
    db = connect()
    (value,) = db.execute("select json_object('document', ibid_convert('Some text.'))").fetchone()
    assert json.loads(value)['document'] == {'format': 'text', 'body': 'Some text.\n'}, value
    (value,) = db.execute("select json_array(ibid_meta('A Title\n\nBy Ann Smith\n'))").fetchone()
    assert isinstance(json.loads(value)[0], dict), value


def test_notes_past_9999_are_reported():
    """The note-number limit (9999) is said in documents.error when a document reaches it,
    for plain text and for a JATS article whose notes run past it; below it, nothing."""
    db = connect()
    db.execute('select ibid_init()')
    message = 'notes numbered past 9999'
    # one note a paragraph: ibid_clean (ext/text/text.c) joins a line "1000 See ..." to the
    # line before (its list labels have at most 3 digits), which the raw-text tests avoid
    text = endnotes(10003).replace('To the end.[10003]', 'Near the end.[9999] To the end.[10003]')
    text = text.replace('\n', '\n\n')
    notes = ''.join('<fn id="n%d"><label>%d</label><p>See Smith, History (1990), %d.</p></fn>' % (i, i, i)
                    for i in range(9990, 10004))
    jats = ('<?xml version="1.0"?><article><body><p>Text.<xref ref-type="fn" rid="n9990">9990</xref></p>'
            '</body><back><fn-group>%s</fn-group></back></article>' % notes)
    for path, raw, reported in (('book.txt', text, True), ('short.txt', endnotes(1205).replace('\n', '\n\n'), False),
                                ('article.xml', jats, True), ('years.txt', '9999 bottles.\n10000 bottles.\n', True)):
        db.execute('insert into documents(path, raw) values (?, ?)', (path, raw.encode()))
        error, = db.execute('select error from documents where path = ?', (path,)).fetchone()
        assert (error is not None and message in error) == reported, (path, error)
    # what is below the limit is still read
    assert db.execute("select max(n) from notes join documents d on d.id = document_id "
                      "where d.path = 'book.txt'").fetchone() == (9999,)
