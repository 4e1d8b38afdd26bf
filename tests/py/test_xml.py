"""JATS and TEI in: ibid_convert on the XML test documents of tests/formats/, scored against
hand-checked gold (tests/gold/xml/README.md). The converted body must read, with the plain-text
extractors (ibid_notes, ibid_markers, ibid_references, ibid_cites), as well as the seed text
does or better; the references the XML tags must come out with exactly their tagged fields."""
import json, os, re, time
from ibidtest import connect, corpus, prf, print_scores, GOLD, ROOT
from test_references import read_gold as read_reference_gold, match_items, squash
from test_cites import read_gold as read_cite_gold, extract as extract_cites

FORMATS = os.path.join(ROOT, 'tests', 'formats')
XML_GOLD = os.path.join(GOLD, 'xml')
CSL_FIELDS = ('type', 'author', 'editor', 'title', 'container-title', 'collection-title',
              'issued', 'year-suffix', 'volume', 'issue', 'page', 'publisher', 'publisher-place',
              'DOI', 'URL')


def read_bytes(path):
    with open(os.path.join(FORMATS, path), 'rb') as f:
        return f.read()


def convert(db, path):
    return json.loads(db.execute('SELECT ibid_convert(?)', (read_bytes(path),)).fetchone()[0])


def tsv(path):
    with open(path, encoding='utf-8') as f:
        return [line.rstrip('\n').split('\t') for line in f
                if line.strip() and not line.startswith('#')]


# ----- CSL fields ----------------------------------------------------------------------

def names(value):
    return '; '.join(n.get('literal') or ', '.join(x for x in (n.get('family'), n.get('given')) if x)
                     for n in value)


def flat_fields(csl):
    """CSL as {field: text} in the gold's notation."""
    out = {}
    for field in CSL_FIELDS:
        if field not in csl:
            continue
        value = csl[field]
        if field in ('author', 'editor'):
            value = names(value)
        elif field == 'issued':
            value = '-'.join('%02d' % p if i else str(p)
                             for i, p in enumerate(value['date-parts'][0]))
        out[field] = str(value)
    return out


def reference_keys(document):
    """{key: csl or None} of every reference ibid_convert gives: the label, else nN.K."""
    keyed, per_note = {}, {}
    for reference in document.get('references', []):
        if 'csl' not in reference and 'URL' in reference and 'label' not in reference:
            continue  # a link inside a note: sets the URL of the row around it
        if reference.get('label'):
            key = reference['label']
        else:
            note = reference.get('note', 0)
            per_note[note] = per_note.get(note, 0) + 1
            key = 'n%d.%d' % (note, per_note[note])
        keyed[key] = reference.get('csl')
    return keyed


def field_pairs(db, gold_rows):
    """(gold, predicted) lists of (document, key, field, value) for fields and 'csl null'."""
    gold, predicted = [], []
    by_document = {}
    for path, key, field, value in gold_rows:
        by_document.setdefault(path, []).append((key, field, value))
    for path, rows in sorted(by_document.items()):
        keyed = reference_keys(convert(db, path))
        for key, field, value in rows:
            gold.append((path, key, field, value))
        for key in {k for k, _, _ in rows}:
            csl = keyed.get(key, 'missing')
            if csl is None:
                predicted.append((path, key, 'csl', 'null'))
            elif csl != 'missing':
                for field, value in flat_fields(csl).items():
                    predicted.append((path, key, field, value))
    return gold, predicted


def test_structured_reference_fields():
    db = connect()
    gold, predicted = field_pairs(db, tsv(os.path.join(XML_GOLD, 'references.tsv')))
    # The JATS rendering of corpus 002: one element-citation per cited work.
    for label, authors, year, suffix in tsv(os.path.join(XML_GOLD, 'jats_002_references.tsv')):
        gold.append(('jats/002_article.xml', label, 'author', authors.replace('|', '; ')))
        gold.append(('jats/002_article.xml', label, 'issued', year))
        if suffix:
            gold.append(('jats/002_article.xml', label, 'year-suffix', suffix))
    keyed = reference_keys(convert(db, 'jats/002_article.xml'))
    for key, csl in keyed.items():
        for field, value in flat_fields(csl or {}).items():
            predicted.append(('jats/002_article.xml', key, field, value))
    rows = []
    for field in ('csl',) + CSL_FIELDS:
        g = [x for x in gold if x[2] == field]
        p = [x for x in predicted if x[2] == field]
        if not g and not p:
            continue
        rows.append((field,) + (len(g),) + prf(g, p))
    total = prf(gold, predicted)
    rows.append(('all fields', len(gold)) + total)
    print_scores('XML structured reference fields (exact match)', rows)
    missing = sorted(set(gold) - set(predicted))[:10]
    extra = sorted(set(predicted) - set(gold))[:10]
    for row in missing:
        print('    missed', row)
    for row in extra:
        print('    extra ', row)
    assert total[0] == 1.0 and total[1] == 1.0, (missing, extra)


def test_metadata():
    db = connect()
    gold, predicted = [], []
    paths = set()
    for path, field, value in tsv(os.path.join(XML_GOLD, 'meta.tsv')):
        gold.append((path, field, value))
        paths.add(path)
    for path in sorted(paths):
        meta = convert(db, path).get('meta', {})
        fields = {f for p, f, _ in gold if p == path}
        for field, value in flat_fields(meta).items():
            if field in fields:
                predicted.append((path, field, value))
        if 'keywords' in fields and 'keywords' in meta:
            predicted.append((path, 'keywords', '; '.join(meta['keywords'])))
    p, r, f = prf(gold, predicted)
    print_scores('XML metadata fields', [('fields', len(gold), p, r, f)])
    assert p == 1.0 and r == 1.0, sorted(set(gold) ^ set(predicted))


# ----- the body read by the plain-text extractors -------------------------------------------

NOTES_SQL = 'SELECT n, ibid_of, locator, text FROM ibid_notes(?)'


def note_rows(db, text, limit=None):
    return [(n, str(ibid_of or ''), locator or '', squash(body)[:30])
            for n, ibid_of, locator, body in db.execute(NOTES_SQL, (text,))
            if limit is None or n <= limit]


def gold_note_rows(name, limit=None):
    rows = []
    for cells in tsv(os.path.join(GOLD, 'notes', name)):
        n, label, kind, ibid_of, locator, prefix = (cells + [''] * 6)[:6]
        if limit is None or int(n) <= limit:
            rows.append((int(n), ibid_of, locator, squash(prefix)[:30]))
    return rows


def marker_rows(db, text, contexts):
    """(n, context) of each marker whose preceding text is the gold context for its n."""
    out = []
    for n, start in db.execute('SELECT n, start FROM ibid_markers(?)', (text,)):
        before = text[:start - 1]
        context = contexts.get(n, '')
        out.append((n, context if before.endswith(context) else before[-30:]))
    return out


def reference_items(db, text, gold):
    predicted = [row for row in db.execute(
        'SELECT note, item, start, length, text, csl, resolves_to, locator FROM ibid_references(?)',
        (text,)) if row[0] is not None]
    pairs = match_items(gold, predicted)
    found = [(g[0], g[1], g[4], str(pairs[i][6] or ''), g[5] if g[2] != 'full' else '',
              (pairs[i][7] or '') if g[2] != 'full' else '')
             for i, g in enumerate(gold) if i in pairs]
    good = [x for x in found if x[2] == x[3] and x[4] == x[5]]
    return len(gold), len(predicted), len(good)


def counts_prf(gold, predicted, good):
    p = good / predicted if predicted else 1.0
    r = good / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def body(db, path):
    return convert(db, path)['body']


def test_tei_essay_notes_markers_references():
    """TEI of corpus 001 against the seed's own gold, side by side with the seed text."""
    db = connect()
    xml_text = body(db, 'tei/001_essay.xml')
    plain = corpus('001')
    gold_notes = gold_note_rows('001_notes.tsv')
    contexts = {int(n): context for n, marker, context in tsv(os.path.join(GOLD, 'notes', '001_markers.tsv'))}
    gold_markers = sorted(contexts.items())
    gold_refs = read_reference_gold('001')
    rows, scores = [], {}
    for name, text in (('plain', plain), ('tei', xml_text)):
        notes = prf(gold_notes, note_rows(db, text))
        markers = prf(gold_markers, marker_rows(db, text, contexts))
        refs = counts_prf(*reference_items(db, text, gold_refs))
        scores[name] = (notes[2], markers[2], refs[2])
        rows += [('%s notes' % name, len(gold_notes)) + notes,
                 ('%s markers' % name, len(gold_markers)) + markers,
                 ('%s reference items' % name, len(gold_refs)) + refs]
    print_scores('TEI 001 essay: notes, markers, reference items vs the seed text', rows)
    for k in range(3):
        assert scores['tei'][k] >= scores['plain'][k], scores
    assert scores['tei'] == (1.0, 1.0, 1.0), scores


def test_jats_footnotes_notes_markers_references():
    """JATS with <fn> footnotes (corpus 003's notes 1-13), against 003's gold."""
    db = connect()
    text = body(db, 'jats/footnotes_article.xml')
    gold_notes = gold_note_rows('003_notes.tsv', limit=13)
    notes = prf(gold_notes, note_rows(db, text))
    contexts = {int(n): c for n, c in tsv(os.path.join(XML_GOLD, 'footnotes_article_markers.tsv'))}
    markers = prf(sorted(contexts.items()), marker_rows(db, text, contexts))
    gold_refs = [g for g in read_reference_gold('003') if g[0] <= 13]
    refs = counts_prf(*reference_items(db, text, gold_refs))
    # The seed's first 13 notes as plain text read the same way.
    plain_notes = prf(gold_notes, note_rows(db, corpus('003'), limit=13))
    print_scores('JATS footnotes article: notes, markers, reference items', [
        ('jats notes', len(gold_notes)) + notes, ('plain notes 1-13', len(gold_notes)) + plain_notes,
        ('jats markers', len(contexts)) + markers, ('jats reference items', len(gold_refs)) + refs])
    assert notes[2] >= plain_notes[2] and notes[2] == 1.0
    assert markers[2] == 1.0 and refs[2] == 1.0, (markers, refs)


def test_tei_grobid_notes():
    """GROBID-style TEI: page-foot notes between paragraphs, one pointed to by
    <ref type="foot">; the printed reference (raw_reference) is the entry's text."""
    db = connect()
    document = convert(db, 'tei/grobid_article.xml')
    text = document['body']
    notes = [(n, body) for n, body in db.execute('SELECT n, text FROM ibid_notes(?)', (text,))]
    assert notes == [(1, 'We obtained similar results using other strings.'),
                     (2, 'See Loughran and Ritter (2000).')], notes
    markers = [(n, text[:start - 1][-12:]) for n, start in
               db.execute('SELECT n, start FROM ibid_markers(?)', (text,))]
    assert markers == [(1, 'nald, 2011).')], markers
    assert 'Talk matters (Loughran and McDonald, 2011).\u00b9 More.' in text
    assert 'Table 1 Sentiment.\n\nMean | SD\n\n2.4% | 39.0%' in text
    assert text.endswith('References\n\nLoughran, T., McDonald, B., 2011. When is a liability not a '
                         'liability? The Journal of Finance 66 (1), 35-65.\n')


def test_jats_article_cites():
    """JATS of corpus 002: the in-text author-year cites survive conversion."""
    db = connect()
    text = body(db, 'jats/002_article.xml')
    in_text = text[:text.index('\n\nReferences\n\n')]
    key = lambda r: (r['authors'], r['year'], r['suffix'], r['locator'], r['prefix'],
                     r['narrative'], r['problem'])
    gold = [key(r) for r in read_cite_gold('002.tsv')]
    jats = prf(gold, [key(r) for r in extract_cites(in_text)])
    plain_text = db.execute('SELECT ibid_clean(?)', (corpus('002'),)).fetchone()[0]
    plain = prf(gold, [key(r) for r in extract_cites(plain_text)])
    print_scores('JATS 002 article: in-text cites (all fields)', [
        ('plain', len(gold)) + plain, ('jats', len(gold)) + jats])
    assert jats[2] >= plain[2], (jats, plain)
    # No notes or markers appear in an author-year article.
    assert not list(db.execute('SELECT * FROM ibid_notes(?)', (text,)))
    assert not list(db.execute('SELECT * FROM ibid_markers(?)', (text,)))


def test_reference_spans():
    """Every reference span is inside the body and starts where its text starts."""
    db = connect()
    for path in ('jats/002_article.xml', 'jats/footnotes_article.xml', 'tei/001_essay.xml',
                 'tei/listbibl.xml', 'tei/grobid_article.xml'):
        document = convert(db, path)
        text = document['body']
        assert text.endswith('\n') and '\n\n\n' not in text, path
        for reference in document.get('references', []):
            start, length = reference['start'], reference['length']
            span = text[start - 1:start - 1 + length]
            assert length > 0 and span == span.strip() and '\n' not in span, (path, reference, span)
            got = db.execute('SELECT substr(?, ?, ?)', (text, start, length)).fetchone()[0]
            assert got == span, (path, reference)


def test_format_detection():
    db = connect()
    for path, name in (('jats/002_article.xml', 'jats'), ('jats/footnotes_article.xml', 'jats'),
                       ('tei/001_essay.xml', 'tei'), ('tei/listbibl.xml', 'tei'),
                       ('tei/grobid_article.xml', 'tei')):
        assert db.execute('SELECT ibid_format(?)', (read_bytes(path),)).fetchone()[0] == name, path
        assert convert(db, path)['format'] == name
        assert 'error' not in convert(db, path), path


def test_malformed_documents():
    db = connect()
    for path in ('jats/malformed_truncated.xml', 'jats/malformed_unclosed.xml',
                 'tei/malformed_truncated.xml'):
        document = convert(db, path)
        assert document.get('error', '').startswith('malformed XML'), (path, document.get('error'))
        assert len(document['body']) > 100, path
    unclosed = convert(db, 'jats/malformed_unclosed.xml')
    assert '[1] The note survives.' in unclosed['body']
    assert 'A second paragraph with unclosed italics.' in unclosed['body']
    # Hostile input built here: deep nesting, junk with NULs, both wrapped and as is.
    deep = b'<article><body>' + b'<sec><p>' * 100000 + b'deep</article>'
    document = json.loads(db.execute('SELECT ibid_convert(?)', (deep,)).fetchone()[0])
    assert document['format'] == 'jats' and 'error' in document
    tei_deep = b'<TEI><text><body>' + b'<div><p>' * 100000 + b'</TEI>'
    document = json.loads(db.execute('SELECT ibid_convert(?)', (tei_deep,)).fetchone()[0])
    assert document['format'] == 'tei' and 'error' in document
    junk = bytes((i * 7919 + 13) % 256 for i in range(20000))
    for raw in (b'<article>' + junk + b'</article>', b'<TEI>' + junk + b'</TEI>'):
        document = json.loads(db.execute('SELECT ibid_convert(?)', (raw,)).fetchone()[0])
        assert document['format'] in ('jats', 'tei')


def test_large_document_is_linear():
    """A 5 MB JATS article converts in time proportional to its size."""
    db = connect()
    section = read_bytes('jats/002_article.xml')
    start, end = section.index(b'<body>') + 6, section.index(b'</body>')
    small = section[:start] + section[start:end] * 10 + section[end:]
    large = section[:start] + section[start:end] * 40 + section[end:]
    lengths = []
    for raw in (small, large):
        document = json.loads(db.execute('SELECT ibid_convert(?)', (raw,)).fetchone()[0])
        assert 'error' not in document
        lengths.append(len(document['body']))
    # Counted, not timed (time: bench/linearity.py): 4 times the sections, 4 times the body.
    assert 3.5 * lengths[0] <= lengths[1] <= 4.5 * lengths[0], lengths


def test_corpus_ingest():
    """Through INSERT INTO documents: notes, markers and the structured references land."""
    db = connect()
    db.execute('SELECT ibid_init()')
    paths = ('tei/001_essay.xml', 'jats/footnotes_article.xml', 'jats/002_article.xml',
             'tei/listbibl.xml')
    for path in paths:
        db.execute('INSERT INTO documents(path, raw) VALUES (?, ?)', (path, read_bytes(path)))
    formats = dict(db.execute('SELECT path, format FROM documents'))
    assert formats == {p: p.split('/')[0] for p in paths}, formats
    count = lambda sql, path: db.execute(sql + ' WHERE document_id = (SELECT id FROM documents '
                                         'WHERE path = ?)', (path,)).fetchone()[0]
    assert count('SELECT count(*) FROM notes', 'tei/001_essay.xml') == 13
    assert count('SELECT count(*) FROM markers', 'tei/001_essay.xml') == 13
    assert count('SELECT count(*) FROM notes', 'jats/footnotes_article.xml') == 13
    assert count('SELECT count(*) FROM markers', 'jats/footnotes_article.xml') == 13
    # The tagged reference of note 3 is stored with the fields its tags give.
    page = db.execute("SELECT json_extract(csl, '$.page') FROM refs WHERE note = 3 AND document_id = "
                      "(SELECT id FROM documents WHERE path = 'jats/footnotes_article.xml') "
                      "AND csl ->> '$.author[0].family' = 'Bassiouni'").fetchone()
    assert page == ('443-469',), page
    # Every element-citation of the 002 article is a reference row with its CSL.
    assert count('SELECT count(*) FROM refs', 'jats/002_article.xml') >= 51
    # The corpus table has the article's in-text cites only: "(2015)" inside a
    # structured reference is that reference's year, not a cite.
    cite_key = lambda r: (r['authors'], r['year'], r['suffix'], r['locator'], r['prefix'],
                          r['narrative'], r['problem'])
    gold = [cite_key(r) for r in read_cite_gold('002.tsv')]
    columns = ('authors', 'year', 'suffix', 'locator', 'prefix', 'narrative', 'problem')
    text_of = lambda v: '' if v is None else str(v)  # the gold's shape, as extract_cites gives
    stored = [cite_key(dict(zip(columns, map(text_of, row)))) for row in db.execute(
        'SELECT %s FROM cites WHERE document_id = (SELECT id FROM documents WHERE path = ?) '
        'ORDER BY n' % ', '.join(columns), ('jats/002_article.xml',))]
    scores = prf(gold, stored)
    print_scores('JATS 002 through INSERT INTO documents: cites table', [('cites', len(gold)) + scores])
    assert scores[2] == 1.0, scores
    # Structured references are numbered within their note (or the reference list).
    numbered = {}
    for document, note, item in db.execute(
            "SELECT document_id, note, item FROM refs WHERE document_id IN (SELECT id FROM "
            "documents WHERE path IN ('tei/001_essay.xml', 'jats/002_article.xml')) "
            "ORDER BY document_id, note, start"):
        numbered.setdefault((document, note), []).append(item)
    items = [(key, got) for key, got in numbered.items() if got != list(range(1, len(got) + 1))]
    assert not items, items
    title = db.execute("SELECT title FROM documents WHERE path = 'jats/footnotes_article.xml'").fetchone()
    assert title[0].startswith('African resistance to the International Criminal Court'), title
