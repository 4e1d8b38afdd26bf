"""What a load stores and how often it writes it (issue #14, storage): the text of a block is
stored once (blocks is a rowid table whose ids are the fulltext rowids; fulltext is an
external-content FTS5 index that reads the text from the blocks), a document's row is
written once after its INSERT (its work chosen first), and a database made by 0.5 or before
(blocks WITHOUT ROWID, fulltext with its own copy) keeps its layout and loads, deletes,
replaces, searches and merges as before, with the same rows as a new one."""
import os, sys, tempfile
from ibidtest import ROOT, EXTENSION, connect, corpus_names, CORPUS

sys.path.insert(0, os.path.join(ROOT, 'tools'))
import ibid_parallel_load as parallel  # noqa: E402
from test_scale import make_folder, dump  # noqa: E402

EXT = os.path.join(ROOT, EXTENSION) if EXTENSION.startswith('./') else EXTENSION

# The two tables as ibid 0.2 to 0.5 made them.
LAYOUT_0_5 = [
    'CREATE TABLE blocks(document_id INTEGER NOT NULL REFERENCES documents(id), n INTEGER NOT NULL, '
    'kind TEXT, level INTEGER, start INTEGER, length INTEGER, text TEXT, PRIMARY KEY(document_id, n)) '
    'WITHOUT ROWID',
    "CREATE VIRTUAL TABLE fulltext USING fts5(text, document_id UNINDEXED, block UNINDEXED, "
    "tokenize = 'ibid')",
]
DERIVED = ('blocks', 'sentences', 'notes', 'markers', 'cites', 'refs', 'citations', 'cases',
           'questions', 'findings', 'evidence', 'claims', 'entities', 'events', 'works',
           'blocks_fulltext', 'documents')


def make_0_5(db):
    """Makes db (empty) a corpus of the 0.5 layout."""
    for statement in LAYOUT_0_5:
        db.execute(statement)
    db.execute('select ibid_init()')


def texts():
    out = []
    for name in corpus_names():
        with open(os.path.join(CORPUS, name), 'rb') as f:
            out.append((name, f.read()))
    out.append(('page.html', b'<html><head><title>A Page</title></head><body><h1>A Page</h1>'
                             b'<p>The court ruled (Smith, 2015).</p><p>Second paragraph.</p></body></html>'))
    return out


def load_and_change(db):
    """Loads the corpus, deletes one document, replaces another: what every layout must do alike."""
    for name, raw in texts():
        db.execute('insert into documents(path, raw) values (?, ?)', (name, raw))
    db.execute("delete from documents where path = ?", (corpus_names()[1],))
    name, raw = texts()[2]
    db.execute('insert into documents(path, raw) values (?, ?)', (name, raw + b'\nA last line (Jones, 2001).\n'))
    db.commit()


def rows(db):
    """Every table's rows (blocks without their id, in document and n order), fulltext and searches."""
    out = {}
    for table in DERIVED:
        columns = [c[1] for c in db.execute('pragma table_info(%s)' % table)
                   if c[1] != 'added' and not (table == 'blocks' and c[1] == 'id')]
        order = 'document_id, n' if table in ('blocks', 'sentences') else 'rowid'
        out[table] = db.execute('select %s from %s order by %s' % (
            ', '.join('"%s"' % c for c in columns), table, order)).fetchall()
    out['fulltext'] = db.execute('select rowid, text, document_id, block from fulltext order by rowid').fetchall()
    for word in ('court', 'smith', 'jones', 'paragraph'):
        out[word] = db.execute("select rowid, document_id, block, snippet(fulltext, 0, '[', ']', '', 6), "
                               "round(bm25(fulltext), 6) from fulltext where fulltext match ? order by rowid",
                               (word,)).fetchall()
    out['integrity'] = db.execute("insert into fulltext(fulltext) values ('integrity-check')").fetchall()
    return out


def layout(db):
    blocks_id = db.execute("select count(*) from pragma_table_info('blocks') where name = 'id'").fetchone()[0]
    names = {n for (n,) in db.execute('select name from sqlite_master')}
    return blocks_id, 'fulltext_content' in names, 'fulltext_blocks' in names, 'blocks_document' in names


def test_the_text_of_a_block_is_stored_once():
    db = connect()
    db.execute('select ibid_init()')
    load_and_change(db)
    assert layout(db) == (1, False, True, True)
    # a block's id is its fulltext rowid; a document's blocks are its blocks_fulltext range
    assert db.execute('select count(*) from blocks').fetchone()[0] > 100
    assert db.execute('select count(*) from blocks b join fulltext f on f.rowid = b.id '
                      'where f.text is not b.text or f.document_id <> b.document_id or f.block <> b.n'
                      ).fetchone() == (0,)
    assert db.execute('select count(*) from fulltext').fetchone() == db.execute('select count(*) from blocks').fetchone()
    assert db.execute('select count(*) from blocks_fulltext r where r.first <> (select min(id) from blocks '
                      'where document_id = r.document_id) or r.last - r.first + 1 <> (select count(*) '
                      'from blocks where document_id = r.document_id)').fetchone() == (0,)
    # the index matches the blocks after a delete and a replace: searches find only what is there
    assert db.execute("insert into fulltext(fulltext) values ('integrity-check')").fetchall() == []
    found = db.execute("select count(*) from fulltext where fulltext match 'court'").fetchone()[0]
    assert found == db.execute("select count(*) from blocks where text like '%court%'").fetchone()[0] > 0
    deleted = db.execute('select count(*) from documents where path = ?', (corpus_names()[1],)).fetchone()
    assert deleted == (0,)
    # blocks are found by document through their index, not by a scan
    plan = ' '.join(r[3] for r in db.execute('explain query plan select * from blocks where document_id = 3'))
    assert 'blocks_document' in plan, plan


def test_a_database_of_0_5_keeps_its_layout_and_gives_the_same_rows():
    old = connect()
    make_0_5(old)
    load_and_change(old)
    assert old.execute('select ibid_init()').fetchone() == ('ok',)  # again: still its layout
    assert layout(old) == (0, True, False, False)
    new = connect()
    new.execute('select ibid_init()')
    load_and_change(new)
    a, b = rows(old), rows(new)
    assert sorted(a) == sorted(b)
    for key in a:
        assert a[key] == b[key], '%s: %d rows in the 0.5 layout, %d in the new' % (key, len(a[key]), len(b[key]))
    assert len(a['fulltext']) > 100 and a['integrity'] == []


def test_a_document_row_is_written_once_after_its_insert():
    """The INSERT writes the raw file; the ingest writes the rest of the row, work included, in
    one UPDATE (a second one rewrote the whole row, raw file and body, for work_id)."""
    db = connect()
    db.execute('select ibid_init()')
    db.execute('create temp table writes(id)')
    db.execute('create temp trigger count_writes after update on main.documents '
               'begin insert into writes values (new.id); end')
    documents = texts()
    for name, raw in documents:
        db.execute('insert into documents(path, raw) values (?, ?)', (name, raw))
    assert db.execute('select count(*), count(distinct id) from writes').fetchone() == (len(documents),) * 2
    assert db.execute('select count(*) from documents where work_id is null').fetchone() == (0,)
    # a document that names the same work as one before takes that work, in the same UPDATE
    name, raw = documents[0]
    db.execute('insert into documents(path, raw) values (?, ?)', ('copy-' + name, raw))
    assert db.execute('select count(distinct work_id) from documents where path in (?, ?)',
                      (name, 'copy-' + name)).fetchone() == (1,)
    assert db.execute('select count(*) from writes').fetchone() == (len(documents) + 1,)
    # no such document: ibid_ingest writes nothing, makes no work
    works = db.execute('select count(*) from works').fetchone()
    assert db.execute('select count(*) from ibid_ingest(424242) where rows > 0').fetchone() == (0,)
    assert db.execute('select count(*) from works').fetchone() == works


def test_shards_merge_into_a_database_of_0_5_as_a_single_load():
    with tempfile.TemporaryDirectory() as directory:
        folder = make_folder(directory, 12)
        paths = [p for p, _ in parallel.list_files(folder, None, EXT)]
        single = os.path.join(directory, 'single.db')
        db = parallel.connect(single, EXT)
        make_0_5(db)
        assert parallel.load_paths(db, paths) == (len(paths), 0, [])
        db.close()
        shards = [os.path.join(directory, 'shard%d.db' % i) for i in (1, 2)]
        parallel.build_shard(paths[:6], shards[0], EXT)
        parallel.build_shard(paths[6:], shards[1], EXT)
        merged = os.path.join(directory, 'merged.db')
        db = parallel.connect(merged, EXT)
        make_0_5(db)
        db.execute('create temp table writes(id)')
        db.execute('create temp trigger count_writes after update of work_id on main.documents '
                   'begin insert into writes values (new.id); end')
        for shard in shards:
            parallel.merge_shard(db, shard)
        # ibid_link writes each merged document's work once
        assert db.execute('select count(*), count(distinct id) from writes').fetchone() == (len(paths),) * 2
        assert layout(db) == (0, True, False, False)
        db.close()
        a, b = dump(single), dump(merged)
        assert sorted(a) == sorted(b)
        for name in a:
            assert a[name] == b[name], name
        assert len(a['fulltext']) > 100 and len(a['documents']) == len(paths)
