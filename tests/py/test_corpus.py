"""The corpus database: one INSERT per document fills everything; replace and delete are clean."""
import os, subprocess
from ibidtest import ROOT, CORPUS, EXTENSION, connect, corpus_names, loaded

DERIVED = ['blocks', 'sentences', 'notes', 'markers', 'cites', 'refs', 'citations', 'cases',
           'questions', 'findings', 'evidence', 'claims', 'entities', 'events']


def counts(db, document_id):
    return {t: db.execute('select count(*) from %s where document_id = ?' % t, (document_id,)).fetchone()[0]
            for t in DERIVED}


def test_init_is_idempotent():
    db = connect()
    assert db.execute('select ibid_init()').fetchone()[0] == 'ok'
    tables = db.execute('select count(*) from sqlite_master').fetchone()[0]
    assert db.execute('select ibid_init()').fetchone()[0] == 'ok'
    assert db.execute('select count(*) from sqlite_master').fetchone()[0] == tables


def test_every_corpus_file_is_ingested_with_its_raw_bytes():
    db = loaded()
    assert db.execute('select count(*) from documents').fetchone()[0] == len(corpus_names())
    for path, raw in db.execute('select path, raw from documents'):
        with open(os.path.join(ROOT, path), 'rb') as f:
            assert (raw if isinstance(raw, bytes) else raw.encode()) == f.read(), path
    for (body,) in db.execute('select body from documents'):
        assert body and len(body) > 500
    assert db.execute("select count(*) from blocks").fetchone()[0] > 100
    assert db.execute("select count(*) from sentences").fetchone()[0] > 300


def test_loading_a_path_again_replaces_the_document():
    db = loaded()
    before = db.execute('select count(*) from documents').fetchone()[0]
    first = db.execute("select id from documents where path like '%002_%'").fetchone()[0]
    derived_before = counts(db, first)
    with open(os.path.join(CORPUS, '002_d1db321f321bc449.txt'), 'rb') as f:
        db.execute('insert into documents(path, raw) values (?, ?)', ('tests/corpus/002_d1db321f321bc449.txt', f.read()))
    assert db.execute('select count(*) from documents').fetchone()[0] == before
    second = db.execute("select id from documents where path like '%002_%'").fetchone()[0]
    assert counts(db, first) == {t: 0 for t in DERIVED} or first == second
    assert counts(db, second) == derived_before
    assert db.execute('select count(*) from blocks').fetchone()[0] == \
        db.execute('select count(*) from fulltext').fetchone()[0]


def test_delete_removes_everything_derived():
    db = loaded()
    document = db.execute("select id from documents where path like '%003_%'").fetchone()[0]
    assert sum(counts(db, document).values()) > 0
    db.execute('delete from documents where id = ?', (document,))
    assert counts(db, document) == {t: 0 for t in DERIVED}
    assert db.execute('select count(*) from fulltext where document_id = ?', (document,)).fetchone()[0] == 0


def test_two_pages_of_one_article_share_a_work():
    db = loaded()
    rows = dict(db.execute("select substr(path, 14, 3), work_id from documents"))
    assert rows['000'] is not None and rows['000'] == rows['003'], rows
    assert len(set(rows.values())) == 4, rows


def test_fulltext_search_leads_back_to_document_and_block():
    db = loaded()
    rows = db.execute("""select d.path, b.kind, snippet(fulltext, 0, '[', ']', '…', 8)
                         from fulltext f join documents d on d.id = f.document_id
                         join blocks b on b.document_id = f.document_id and b.n = f.block
                         where fulltext match 'deterrence' order by bm25(fulltext)""").fetchall()
    paths = {p for p, _, _ in rows}
    assert any('001_' in p for p in paths) and any('002_' in p for p in paths), paths
    assert all('[' in s for _, _, s in rows)


def test_spans_index_into_body():
    db = loaded()
    bad = db.execute("""select count(*) from blocks b join documents d on d.id = b.document_id
                        where substr(d.body, b.start, b.length) <> b.text""").fetchone()[0]
    assert bad == 0
    bad = db.execute("""select count(*) from sentences s join documents d on d.id = s.document_id
                        where substr(d.body, s.start, s.length) <> s.text""").fetchone()[0]
    assert bad == 0


def test_shell_loads_a_folder_in_one_statement():
    script = """.load EXTENSION
select ibid_init();
insert into documents(path, raw) select name, readfile(name) from fsdir('tests/corpus') where name like '%.txt';
select count(*) from documents;
""".replace('EXTENSION', EXTENSION)
    r = subprocess.run(['sqlite3', ':memory:'], input=script, cwd=ROOT, capture_output=True, text=True)
    assert r.stdout.split() == ['ok', str(len(corpus_names()))], r.stdout + r.stderr


def test_gazetteer_script_loads_and_joins_situations():
    db = loaded()
    with open(os.path.join(ROOT, 'sql', 'gazetteer.sql'), encoding='utf-8') as f:
        db.executescript(f.read())
    assert db.execute("select count(*) from gazetteer where kind = 'situation'").fetchone()[0] >= 10
    joined = db.execute("""select count(*) from entities e join gazetteer g
                           on g.kind = 'situation' and g.name like '%' || e.value || '%'
                           where e.kind = 'situation'""").fetchone()[0]
    assert joined > 0
