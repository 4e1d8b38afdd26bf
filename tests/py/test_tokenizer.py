"""The FTS5 tokenizer 'ibid': folding, apostrophes, diacritics, offsets, ranking, real corpus."""
import sqlite3
from ibidtest import connect, corpus, corpus_names


def table(db, name='docs', options=''):
    db.execute("CREATE VIRTUAL TABLE %s USING fts5(title, body, tokenize='ibid%s')"
               % (name, (' ' + options) if options else ''))
    return name


def matches(db, query, name='docs'):
    return [r[0] for r in db.execute('SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rowid'
                                     % (name, name), (query,))]


def test_folding_and_diacritics():
    db = connect()
    table(db)
    db.executemany('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)', [
        (1, 'Côte d’Ivoire', 'The Prosecutor v. Laurent GBAGBO'),
        (2, 'Cote d\'Ivoire', 'TADIĆ and Straße'),
        (3, 'Other', 'nothing relevant'),
    ])
    assert matches(db, 'cote') == [1, 2]
    assert matches(db, 'CÔTE') == [1, 2]
    assert matches(db, 'ivoire') == [1, 2]
    assert matches(db, '"d\'ivoire"') == [1, 2]
    assert matches(db, '"d’Ivoire"') == [1, 2]
    assert matches(db, 'gbagbo') == [1]
    assert matches(db, 'tadic') == [2]
    assert matches(db, 'strasse') == [2]
    assert matches(db, 'title:cote') == [1, 2]
    assert matches(db, 'cot*') == [1, 2]


def test_keep_diacritics_option():
    db = connect()
    table(db, 'kept', 'keep_diacritics')
    db.execute("INSERT INTO kept(rowid, title, body) VALUES (1, 'Côte', 'x')")
    assert matches(db, 'côte', 'kept') == [1]
    assert matches(db, 'CÔTE', 'kept') == [1]
    assert matches(db, 'cote', 'kept') == []


def test_unknown_option_is_an_error():
    db = connect()
    try:
        db.execute("CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='ibid stemming')")
        assert False, 'unknown option accepted'
    except sqlite3.OperationalError as error:
        assert 'tokenizer' in str(error), error


def test_highlight_and_snippet_offsets():
    db = connect()
    table(db)
    body = 'Les juges de la Cour pénale internationale — “l’affaire” Lubanga — ont statué.'
    db.execute("INSERT INTO docs(rowid, title, body) VALUES (1, '', ?)", (body,))
    got = db.execute("SELECT highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH 'penale OR affaire OR statue'").fetchone()[0]
    assert got == 'Les juges de la Cour [pénale] internationale — “l’[affaire]” Lubanga — ont [statué].', got
    got = db.execute("SELECT snippet(docs, 1, '[', ']', '…', 4) FROM docs WHERE docs MATCH 'lubanga'").fetchone()[0]
    assert '[Lubanga]' in got and '…' in got, got


def test_bm25_ordering():
    db = connect()
    table(db)
    db.executemany('INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)', [
        (1, 'a', 'deterrence deterrence deterrence of atrocity crimes'),
        (2, 'b', 'one mention of deterrence among many other words about the court and states'),
        (3, 'c', 'no match here at all'),
    ])
    rows = [r[0] for r in db.execute("SELECT rowid FROM docs WHERE docs MATCH 'deterrence' ORDER BY bm25(docs)")]
    assert rows == [1, 2], rows


def test_real_corpus():
    db = connect()
    table(db)
    for name in corpus_names():
        db.execute('INSERT INTO docs(title, body) VALUES (?, ?)', (name, corpus(name[:3])))
    found = [r[0][:3] for r in db.execute("SELECT title FROM docs WHERE docs MATCH 'deterrence' ORDER BY title")]
    assert '001' in found and '002' in found, found
    found = [r[0][:3] for r in db.execute("SELECT title FROM docs WHERE docs MATCH '\"international criminal court\"'")]
    assert len(found) >= 4, found
    got = db.execute("SELECT snippet(docs, 1, '[', ']', '…', 6) FROM docs WHERE docs MATCH 'jeangene' ").fetchall()
    assert got and '[Jeangène]' in got[0][0], got
    # highlight() of every token reproduces the text with brackets at the right places
    text = corpus('003')
    highlighted = db.execute("SELECT highlight(docs, 1, '', '') FROM docs WHERE title LIKE '003%' AND docs MATCH 'court'").fetchone()[0]
    assert highlighted == text


def test_bad_input():
    db = connect()
    table(db)
    db.execute("INSERT INTO docs(title, body) VALUES (NULL, '')")
    db.execute("INSERT INTO docs(title, body) VALUES (x'ff41', 'a' || char(0) || 'b')")
    db.execute("INSERT INTO docs(title, body) VALUES ('   ', '— … ?!')")
    assert db.execute("SELECT count(*) FROM docs WHERE docs MATCH 'b'").fetchone()[0] == 1
    big = 'deterrence ' * 200000
    db.execute("INSERT INTO docs(title, body) VALUES ('big', ?)", (big,))
    assert db.execute("SELECT count(*) FROM docs WHERE docs MATCH 'deterrence'").fetchone()[0] == 1
