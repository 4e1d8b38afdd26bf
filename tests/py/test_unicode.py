"""Valid UTF-8 in, valid UTF-8 out: a property test over the whole code-point range.

Issue #12 item 1: a name whose last UTF-8 byte was 0xA0 ("Bergadaà", C3 A0) made a
document's INSERT fail, because a continuation byte was decoded on its own and taken
for a no-break space. The property: for ANY valid UTF-8 text,
  - every ibid SQL function and table-valued function returns valid UTF-8,
  - every span (start, length in characters) lies inside its argument,
  - the document loads (INSERT succeeds) and every text value of every table is valid UTF-8,
  - names survive whole: the cite's authors and the JATS/TEI/HTML surname are the name.
A deterministic generator (fixed seed) writes code points from the whole range (every
final continuation byte 0x80-0xBF, controls, no-break and typographic spaces, combining
marks, right-to-left letters, private use, noncharacters, astral planes) into real
sentences, author-year cites, notes, references and JATS/TEI/HTML fields.
IBID_UNICODE_CASES sets the number of documents (default 120).
"""
import os, random
from ibidtest import connect

SEED = 20261206
CASES = int(os.environ.get('IBID_UNICODE_CASES', '120'))

# Every possible final byte of a two-byte letter: U+00C0-U+00FF (C3 80-C3 BF), the
# Cyrillic U+0400-U+043F (D0 80-D0 BF); Ơ (C6 A0), Р (D0 A0), à (C3 A0) among them.
FINAL_BYTE_LETTERS = [chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)] + \
                     [chr(c) for c in range(0x400, 0x440)] + ['\u01a0', '\u1ea0', '\u0561']
SPECIAL = ['\u00a0', '\u0085', '\u2028', '\u2029', '\u200b', '\ufeff', '\u00ad', '\u0301', '\u05d0',
           '\u0627', '\u3000', '\u202f', '\ue000', '\ufffd', '\uffff', '\U0010ffff', '\U0001f600',
           '\U00020000', '\u0000', '\u001f', '\u007f', '\u009f', '\u0130', '\u1e9e', '\u2160', '\u00b9']


def random_code_point(rng):
    """Any Unicode scalar value, weighted toward the ones that broke parsers."""
    r = rng.random()
    if r < 0.35:
        return rng.choice(FINAL_BYTE_LETTERS)
    if r < 0.5:
        return rng.choice(SPECIAL)
    if r < 0.8:
        while True:
            c = rng.randrange(0x80, 0x10000)
            if not 0xD800 <= c <= 0xDFFF:
                return chr(c)
    return chr(rng.randrange(0x10000, 0x110000))


def random_name(rng):
    """A capitalised name that ends in a letter whose last byte is a continuation byte."""
    middle = ''.join(random_code_point(rng) for _ in range(rng.randrange(0, 5)))
    return rng.choice('ABCDEGKMRSTVZ') + rng.choice(['', 'ar', 'el', 'ov']) + middle + \
        rng.choice(FINAL_BYTE_LETTERS)


def random_words(rng, n):
    return ' '.join(''.join(random_code_point(rng) if rng.random() < 0.3 else rng.choice('aeiounrst')
                            for _ in range(rng.randrange(1, 9))) for _ in range(n))


def xml_escape(s):
    # XML 1.0 forbids C0 controls (but tab/newline), U+FFFE/U+FFFF: such a file is not XML.
    s = ''.join(ch for ch in s if not (ord(ch) < 0x20 and ch not in '\t\n\r') and ch not in '\ufffe\uffff')
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


def text_document(rng):
    a, b, c = random_name(rng), random_name(rng), random_name(rng)
    year = rng.randrange(1900, 2030)
    body = ('%s\n\n%s (%d) argued that %s.\u00b9 As argued before (%s, %d, p. %d). '
            'See also %s and %s (%da; %d).\u00b2 Ibid., %s.\n\n'
            '1. %s, %s (%s: %s, %d), %d.\n2. Ibid., %d; %s, "%s," %s 12 (%d): 3\u20139.\n\n'
            'References\n\n%s, %s. %d. %s. %s: %s.\n%s, %s. %d. "%s." %s 4: 1\u201320.\n'
            % (random_words(rng, 5), a, year, random_words(rng, 12), b, year, rng.randrange(1, 900),
               a, c, year, year + 1, random_words(rng, 6),
               b, random_words(rng, 4), random_name(rng), random_words(rng, 2), year, rng.randrange(1, 99),
               rng.randrange(1, 99), c, random_words(rng, 5), random_words(rng, 2), year,
               a, random_name(rng), year, random_words(rng, 5), random_name(rng), random_words(rng, 2),
               c, random_name(rng), year, random_words(rng, 4), random_words(rng, 2)))
    return body, [a, b, c]


def jats_document(rng):
    surname, given = random_name(rng), random_name(rng)
    year = rng.randrange(1900, 2030)
    e = xml_escape
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<article><front><article-meta>'
           '<title-group><article-title>%s</article-title></title-group>'
           '<contrib-group><contrib contrib-type="author"><name><surname>%s</surname>'
           '<given-names>%s</given-names></name></contrib></contrib-group>'
           '<pub-date><year>%d</year></pub-date></article-meta></front>'
           '<body><sec><title>%s</title><p>%s (%s, %d).<xref ref-type="fn" rid="fn1"><sup>1</sup></xref></p>'
           '</sec></body><back><fn-group><fn id="fn1"><p>%s, %s, %d.</p></fn></fn-group>'
           '<ref-list><ref id="r1"><element-citation><person-group person-group-type="author"><name>'
           '<surname>%s</surname><given-names>%s</given-names></name></person-group>'
           '<article-title>%s</article-title><year>%d</year></element-citation></ref></ref-list></back></article>'
           % (e(random_words(rng, 6)), e(surname), e(given), year, e(random_words(rng, 2)),
              e(random_words(rng, 10)), e(surname), year, e(surname), e(random_words(rng, 4)), year,
              e(surname), e(given), e(random_words(rng, 5)), year))
    return xml, [xml_escape(surname)]


def tei_document(rng):
    surname, forename = random_name(rng), random_name(rng)
    e = xml_escape
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
           '<fileDesc><titleStmt><title>%s</title><author><persName><forename>%s</forename>'
           '<surname>%s</surname></persName></author></titleStmt></fileDesc></teiHeader>'
           '<text><body><div><p>%s (%s, 2001).<note place="foot" n="1">%s</note></p></div></body>'
           '<back><div type="references"><listBibl><biblStruct><analytic><title level="a">%s</title>'
           '<author><persName><surname>%s</surname></persName></author></analytic>'
           '<monogr><imprint><date when="2001"/></imprint></monogr></biblStruct></listBibl></div></back>'
           '</text></TEI>'
           % (e(random_words(rng, 5)), e(forename), e(surname), e(random_words(rng, 9)), e(surname),
              e(random_words(rng, 6)), e(random_words(rng, 4)), e(surname)))
    return xml, [xml_escape(surname)]


def html_document(rng):
    author = random_name(rng)
    e = xml_escape
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>'
            '<meta name="citation_author" content="%s"></head><body><article><h1>%s</h1>'
            '<p>%s (%s, 1999).<sup><a href="#fn1">1</a></sup> %s</p>'
            '<ol class="footnotes"><li id="fn1">%s, %s, 1999.</li></ol></article></body></html>'
            % (e(random_words(rng, 4)), e(author), e(random_words(rng, 4)), e(random_words(rng, 12)),
               e(author), e(random_words(rng, 8)), e(author), e(random_words(rng, 3))))
    return html, [xml_escape(author)]


GENERATORS = [('txt', text_document), ('xml', jats_document), ('tei.xml', tei_document),
              ('html', html_document)]


def documents():
    rng = random.Random(SEED)
    for i in range(CASES):
        suffix, generate = GENERATORS[i % len(GENERATORS)]
        body, names = generate(rng)
        yield 'unicode/%03d.%s' % (i, suffix), body, names


def functions(db):
    db = connect()
    scalars = sorted({n for n, a in db.execute('select name, narg from pragma_function_list')
                      if n.startswith('ibid_') and a == 1 and n not in ('ibid_init', 'ibid_version')})
    tables = sorted({n for (n,) in db.execute('select name from pragma_module_list') if n.startswith('ibid_')}
                    - {'ibid_files', 'ibid_ingest', 'ibid_link'})  # a folder; document ids
    return scalars, tables


def assert_utf8(value, where):
    if isinstance(value, bytes):
        try:
            value.decode('utf-8')
        except UnicodeDecodeError as error:
            raise AssertionError('%s: invalid UTF-8 (%s): %r' % (where, error, value[:200]))


def test_every_function_returns_valid_utf8_on_valid_utf8():
    db = connect()
    db.text_factory = bytes
    scalars, tables = functions(db)
    checked = 0
    for path, body, _ in documents():
        for name in scalars:
            try:
                (value,) = db.execute('select %s(?)' % name, (body,)).fetchone()
            except Exception as error:  # a function whose argument must be JSON, a document...
                assert name in str(error), '%s on %s: %s' % (name, path, error)
                continue
            assert_utf8(value, '%s(%s)' % (name, path))
            checked += 1
        characters = len(body)
        for name in tables:
            cursor = db.execute('select * from %s(?)' % name, (body,))
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                record = dict(zip(columns, row))
                for column, value in record.items():
                    assert_utf8(value, '%s(%s).%s' % (name, path, column))
                start, length = record.get('start'), record.get('length')
                if isinstance(start, int) and isinstance(length, int):
                    assert 1 <= start and length >= 0 and start + length - 1 <= characters, \
                        '%s(%s): span %d+%d outside %d characters' % (name, path, start, length, characters)
                checked += 1
    assert checked > CASES * 10


def test_every_document_loads_and_keeps_its_names():
    db = connect()
    db.execute('select ibid_init()')
    for path, body, names in documents():
        # A file with NUL bytes or many C0 controls is binary, not text (docs/formats.md):
        # the files hold every other code point.
        body = ''.join(ch for ch in body if ch >= ' ' or ch in '\t\n\r')
        try:
            db.execute('insert into documents(path, raw) values (?, ?)', (path, body.encode('utf-8')))
        except Exception as error:
            raise AssertionError('%s did not load: %s\n%r' % (path, error, body[:400]))
        (document, error) = db.execute('select id, error from documents where path = ?', (path,)).fetchone()
        assert error is None, '%s: %s' % (path, error)
        everything = db.execute("select coalesce(body, '') || ' ' || coalesce(meta, '') from documents "
                                'where id = ?', (document,)).fetchone()[0]
        everything += ' '.join(a or '' for (a,) in db.execute(
            'select authors from cites where document_id = ?', (document,)))
        for name in names:
            # The name as the reader sees it: XML keeps it; white space may be collapsed.
            visible = ' '.join(name.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')
                               .replace('&quot;', '"').split())
            core = visible.rstrip('\u00a0\u0085\u2028\u2029\u200b\ufeff\u00ad\u3000\u202f')
            assert core[-1] in everything, '%s: the last letter of %r is lost' % (path, name)
    db.commit()
    db.text_factory = bytes
    for (table,) in db.execute("select name from sqlite_master where type = 'table' "
                               "and name not like 'fulltext_%' and name not like 'sqlite_%'").fetchall():
        for row in db.execute('select * from "%s"' % table.decode()):
            for value in row:
                assert_utf8(value, table)


def test_names_ending_in_byte_a0_load():
    """The audit's cases: à (C3 A0), Р (D0 A0), Ơ (C6 A0) as the last letter."""
    db = connect()
    db.execute('select ibid_init()')
    for i, name in enumerate(['Bergadaà', 'ИвановР', 'Ơ', 'Barillà', 'Å']):
        db.execute('insert into documents(path, raw) values (?, ?)',
                   ('a0/%d.txt' % i, ('As argued before (%s, 1990).' % name).encode()))
        (authors,) = db.execute('select c.authors from cites c join documents d on d.id = c.document_id '
                                'where d.path = ?', ('a0/%d.txt' % i,)).fetchone()
        assert authors == name, (authors, name)
    xml = ('<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
           '</article-title></title-group><contrib-group><contrib contrib-type="author"><name>'
           '<surname>Barillà</surname><given-names>Oà</given-names></name></contrib></contrib-group>'
           '</article-meta></front><body><p>Text.</p></body></article>')
    db.execute('insert into documents(path, raw) values (?, ?)', ('a0/jats.xml', xml.encode()))
    (meta,) = db.execute("select meta from documents where path = 'a0/jats.xml'").fetchone()
    assert 'Barillà' in meta and '"Oà"' in meta, meta
