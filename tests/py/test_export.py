"""BibTeX, RIS and CSL-JSON out: every work of the corpus bibliography must read back in
bibutils (bib2xml -i utf8, ris2xml) and citeproc-py with no warning and no record lost;
hand-written CSL items check the field mapping through the same readers."""
import json, os, shutil, sqlite3, subprocess, tempfile, time, warnings
import xml.etree.ElementTree as ElementTree
from ibidtest import ROOT, CORPUS, EXTENSION, connect, corpus_names

MODS = '{http://www.loc.gov/mods/v3}'
STYLES = '/usr/share/citation-style-language/styles'
# Debian's apa.csl uses a locale term citeproc-py 0.6 lacks for legislation
# (AttributeError inside citeproc); these three render every CSL type.
CITEPROC_STYLES = ['chicago-author-date', 'harvard-cite-them-right', 'modern-language-association']
_corpus_db = None


def corpus_database():
    """Path of a database holding the whole corpus, the texts of tests/corpus and the
    HTML, JATS, TEI and PDF files of tests/formats (built once per run)."""
    global _corpus_db
    if _corpus_db is None:
        folder = tempfile.mkdtemp(prefix='ibid_export_')
        _corpus_db = os.path.join(folder, 'corpus.db')
        db = connect(_corpus_db)
        db.execute('select ibid_init()')
        for name in corpus_names():
            with open(os.path.join(CORPUS, name), 'rb') as f:
                db.execute('insert into documents(path, raw) values (?, ?)', ('tests/corpus/' + name, f.read()))
        formats = os.path.join(ROOT, 'tests', 'formats')
        db.execute("INSERT INTO documents(path, raw) SELECT path, raw FROM ibid_files(?) "
                   "WHERE path NOT LIKE '%.py' AND path NOT LIKE '%.tsv'", (formats,))
        assert db.execute("select count(*) from documents where format in ('html', 'jats', 'tei', 'pdf')"
                          ).fetchone()[0] >= 4
        db.commit()
        db.close()
    return _corpus_db


def bibliography(view='bibliography_all'):
    """Every work's CSL-JSON (bibliography_all: the untitled ones too, which must read
    back as well as the others); view='bibliography' for the titled ones only."""
    db = connect(corpus_database())
    return [row[0] for row in db.execute('select csl from %s order by work_id' % view)]


def read_back(tool, text, suffix):
    """Runs a bibutils reader on text; returns (MODS records, stderr lines)."""
    with tempfile.NamedTemporaryFile('w', suffix=suffix, encoding='utf-8', delete=False) as f:
        f.write(text)
    try:
        command = [tool, '-i', 'utf8', f.name] if tool == 'bib2xml' else [tool, f.name]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(f.name)
    assert result.returncode == 0, result.stderr
    records = ElementTree.fromstring(result.stdout.lstrip('\ufeff')).findall(MODS + 'mods')
    return records, result.stderr.strip().splitlines()


def assert_clean(tool, stderr, count):
    assert stderr == ['%s: Processed %d references.' % (tool, count)], '\n'.join(stderr[:40])


def test_bibtex_of_every_work_reads_in_bibutils():
    items = bibliography()
    assert len(items) > 100
    db = connect()
    text = db.execute('select ibid_group_bibtex(value) from json_each(?)', (json.dumps(items),)).fetchone()[0]
    records, stderr = read_back('bib2xml', text, '.bib')
    assert_clean('bib2xml', stderr, len(items))
    assert len(records) == len(items)
    keys = [r.get('ID') for r in records]
    assert len(set(keys)) == len(keys), 'duplicate keys'
    print('  %d works -> %d BibTeX entries, bib2xml: no warning' % (len(items), len(records)))


def test_ris_of_every_work_reads_in_bibutils():
    items = bibliography()
    db = connect()
    text = db.execute('select ibid_group_ris(value) from json_each(?)', (json.dumps(items),)).fetchone()[0]
    records, stderr = read_back('ris2xml', text, '.ris')
    assert_clean('ris2xml', stderr, len(items))
    assert len(records) == len(items)
    print('  %d works -> %d RIS records, ris2xml: no warning' % (len(items), len(records)))


def run_export_script(database, folder):
    """Runs sql/export.sql in folder (next to a link to the extension)."""
    extension = EXTENSION if os.path.isabs(EXTENSION) else os.path.join(ROOT, EXTENSION)
    os.symlink(extension + '.so', os.path.join(folder, 'ibid.so'))
    with open(os.path.join(ROOT, 'sql', 'export.sql'), encoding='utf-8') as f:
        return subprocess.run(['sqlite3', database], stdin=f, cwd=folder, capture_output=True,
                              text=True, timeout=300)


def test_export_script_writes_three_files_citeproc_reads():
    folder = tempfile.mkdtemp(prefix='ibid_export_out_')
    try:
        result = run_export_script(corpus_database(), folder)
        assert result.returncode == 0 and not result.stderr, result.stderr
        count = len(bibliography('bibliography'))
        assert result.stdout.strip() == ('wrote %d works to bibliography.json (CSL-JSON), bibliography.bib '
                                         '(BibTeX), bibliography.ris (RIS)' % count), result.stdout
        with open(os.path.join(folder, 'bibliography.json'), encoding='utf-8') as f:
            items = json.load(f)
        assert len(items) == count and all('id' in i and 'type' in i for i in items)
        with open(os.path.join(folder, 'bibliography.bib'), encoding='utf-8') as f:
            records, stderr = read_back('bib2xml', f.read(), '.bib')
        assert_clean('bib2xml', stderr, count)
        with open(os.path.join(folder, 'bibliography.ris'), encoding='utf-8') as f:
            records, stderr = read_back('ris2xml', f.read(), '.ris')
        assert_clean('ris2xml', stderr, count)
        assert items == bibliography_file('bibliography')
        for style in CITEPROC_STYLES:
            rendered = render_with_citeproc(items, style)
            assert len(rendered) == expected_entries(items, style), (style, len(rendered))
        print('  export.sql: %d works; citeproc-py renders them in %s, no warning'
              % (count, ', '.join(CITEPROC_STYLES)))
    finally:
        shutil.rmtree(folder)


# ----- the bibliography view is clean CSL-JSON ----------------------------------------

# The variables of both CSL 1.0.1 and CSL 1.0.2 (spec Appendix IV) that item data carries.
CSL_NAMES = {'author', 'editor', 'translator', 'collection-editor', 'composer', 'container-author',
             'editorial-director', 'illustrator', 'interviewer', 'original-author', 'recipient'}
CSL_DATES = {'issued', 'accessed', 'event-date', 'original-date', 'submitted'}
CSL_TEXTS = {'abstract', 'annote', 'archive', 'archive_location', 'archive-place', 'authority',
             'call-number', 'citation-label', 'collection-title', 'container-title',
             'container-title-short', 'dimensions', 'DOI', 'event', 'event-place', 'genre', 'ISBN',
             'ISSN', 'jurisdiction', 'keyword', 'language', 'medium', 'note', 'original-publisher',
             'original-publisher-place', 'original-title', 'page', 'page-first', 'PMCID', 'PMID',
             'publisher', 'publisher-place', 'references', 'section', 'source', 'status', 'title',
             'title-short', 'URL', 'version', 'chapter-number', 'collection-number', 'edition',
             'issue', 'number', 'number-of-pages', 'number-of-volumes', 'volume'}
CSL_TYPES = set("""article article-journal article-magazine article-newspaper bill book broadcast
    chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
    pamphlet paper-conference patent performance periodical personal_communication post post-weblog
    regulation report review review-book software song speech standard thesis treaty webpage""".split())


def bibliography_file(view='bibliography_all'):
    """The issue's sentence, literally: the CSL-JSON file of the corpus."""
    db = connect(corpus_database())
    return json.loads(db.execute('SELECT json_group_array(json(csl)) FROM (SELECT csl FROM %s '
                                 'ORDER BY work_id)' % view).fetchone()[0])


def csl_problems(item):
    """What in one item is not CSL-JSON as every processor reads it (empty when clean)."""
    problems = []
    if not isinstance(item.get('id'), (str, int)) or item.get('type') not in CSL_TYPES:
        problems.append('id/type')
    for key, value in item.items():
        if key in ('id', 'type'):
            continue
        if key in CSL_NAMES:
            for name in value:
                parts = set(name)
                if not (parts == {'literal'} or ('family' in parts and parts <= {
                        'family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix'})):
                    problems.append('%s: name %r' % (key, name))
                if not all(isinstance(part, str) and part.strip() for part in name.values()):
                    problems.append('%s: name part %r' % (key, name))
        elif key in CSL_DATES:
            if set(value) == {'literal'}:
                continue
            if not set(value) <= {'date-parts', 'season', 'circa'} or not 1 <= len(value['date-parts']) <= 2:
                problems.append('%s: %r' % (key, value))
            for parts in value.get('date-parts', []):
                if not (1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts) and parts[0]):
                    problems.append('%s: %r' % (key, value))
        elif key in CSL_TEXTS:
            if not (isinstance(value, (int, float)) or (isinstance(value, str) and value.strip())):
                problems.append('%s: %r' % (key, value))
        else:
            problems.append('not a CSL variable: %s' % key)
    return problems


def expected_entries(items, style):
    """MLA prints nothing for an item with neither title, author nor date (a
    document ibid could not read, e.g. an encrypted PDF); the others print every item."""
    if style != 'modern-language-association':
        return len(items)
    return sum(1 for i in items if {'title', 'author', 'editor', 'issued', 'container-title'} & set(i))


def test_bibliography_view_is_clean_csl_json_citeproc_renders():
    items = bibliography_file()
    db = connect(corpus_database())
    formats = db.execute("select count(*) from documents where path like '%tests/formats/%'").fetchone()[0]
    assert len(items) > 150 and formats >= 20, (len(items), formats)
    assert len({i['id'] for i in items}) == len(items), 'duplicate ids'
    problems = {i['id']: csl_problems(i) for i in items if csl_problems(i)}
    assert not problems, problems
    # what works.csl holds for ibid's own use is gone, what it means is kept
    raw = [json.loads(csl) for (csl,) in db.execute('select csl from works where csl is not null')]
    assert any('"role"' in json.dumps(r) or 'keywords' in r for r in raw), 'the corpus no longer tests this'
    assert sum('keyword' in i for i in items) == sum('keywords' in r or 'keyword' in r for r in raw)
    # ibid_csl is idempotent: the view's items come out of it unchanged
    again = [json.loads(db.execute('select ibid_csl(?)', (json.dumps(i),)).fetchone()[0]) for i in items]
    assert again == items
    for style in CITEPROC_STYLES:
        rendered = render_with_citeproc(items, style)
        assert len(rendered) == expected_entries(items, style), (style, len(rendered))
    print('  bibliography view: %d works (%d documents from tests/formats), CSL variables only; '
          'citeproc-py renders them in %s, no warning' % (len(items), formats, ', '.join(CITEPROC_STYLES)))


def render_with_citeproc(items, style_name):
    from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
    from citeproc.source.json import CiteProcJSON
    with warnings.catch_warnings():
        warnings.simplefilter('error')  # any warning is a failure
        source = CiteProcJSON(items)
        style = CitationStylesStyle(os.path.join(STYLES, style_name + '.csl'), validate=False)
        rendered = CitationStylesBibliography(style, source, formatter.plain)
        for item in items:
            rendered.register(Citation([CitationItem(item['id'])]))
        return [str(entry) for entry in rendered.bibliography()]


def test_export_script_on_an_empty_database():
    folder = tempfile.mkdtemp(prefix='ibid_export_empty_')
    try:
        result = run_export_script(os.path.join(folder, 'empty.db'), folder)
        assert result.returncode == 0 and not result.stderr, result.stderr
        assert result.stdout.startswith('wrote 0 works')
        with open(os.path.join(folder, 'bibliography.json')) as f:
            assert json.load(f) == []
        db = sqlite3.connect(os.path.join(folder, 'empty.db'))
        assert db.execute('select count(*) from sqlite_schema').fetchone()[0] == 0, 'database changed'
    finally:
        shutil.rmtree(folder)


# ----- the mapping, on hand-written items read back by bibutils -------------------

ITEMS = [
    {'id': 'article', 'type': 'article-journal', 'title': 'African Resistance to the ICC',
     'author': [{'family': 'Mills', 'given': 'Kurt'}, {'family': 'Bloomfield', 'given': 'Alan'}],
     'container-title': 'Review of International Studies', 'volume': 44, 'issue': '1',
     'page': '101–127', 'issued': {'date-parts': [[2018, 1]]}, 'DOI': '10.1017/S0260210517000407'},
    {'id': 'book', 'type': 'book', 'title': 'The Responsibility to Protect',
     'editor': [{'family': 'Bellamy', 'given': 'Alex J.'}], 'publisher': 'Oxford University Press',
     'publisher-place': 'Oxford', 'issued': {'date-parts': [[2015]]}, 'ISBN': '978-0-19-875390-3'},
    {'id': 'chapter', 'type': 'chapter', 'title': 'Prosecutorial Discretion',
     'author': [{'family': 'Schabas', 'given': 'William'}], 'container-title': 'The Law of the ICC',
     'editor': [{'family': 'Stahn', 'given': 'Carsten'}], 'page': '3-20', 'issued': {'date-parts': [[2015]]}},
    {'id': 'webpage', 'type': 'webpage', 'title': 'Trump Attacks the ICC', 'container-title': 'Human Rights Watch',
     'URL': 'https://www.hrw.org/news/2020/07/06/a_b', 'accessed': {'date-parts': [[2021, 3, 4]]},
     'issued': {'date-parts': [[2020, 7, 6]]}},
    {'id': 'report', 'type': 'report', 'title': 'Courting History', 'author': [{'literal': 'Human Rights Watch'}],
     'publisher': 'Human Rights Watch', 'publisher-place': 'New York', 'issued': {'date-parts': [[2008]]}},
    {'id': 'treaty', 'type': 'treaty', 'title': 'Rome Statute of the International Criminal Court',
     'issued': {'date-parts': [[1998, 7, 17]]}, 'number': '2187 UNTS 90'},
    {'id': 'statute', 'type': 'legislation', 'title': 'International Criminal Court Act 2001',
     'issued': {'date-parts': [[2001]]}},
    {'id': 'case', 'type': 'legal_case', 'title': 'Congo v. Belgium', 'container-title': 'ICJ Reports',
     'authority': 'International Court of Justice', 'page': '3-34', 'issued': {'date-parts': [[2002]]}},
    {'id': 'bare', 'type': 'document'},
    {'id': 'unicode', 'type': 'article-journal', 'title': 'Über Straflosigkeit in Côte d’Ivoire',
     'author': [{'family': 'Ćurković', 'given': 'Željko'}, {'family': 'Berg', 'given': 'Jan',
                                                           'non-dropping-particle': 'van der'}],
     'container-title': 'Zeitschrift für Völkerrecht', 'issued': {'date-parts': [[2019]]}},
    {'id': 'specials', 'type': 'report', 'title': 'Costs & Benefits: 50% of $5, #1, a_b, {x} ~y',
     'author': [{'family': 'Smith', 'given': 'J.'}], 'issued': {'date-parts': [[2020]]}},
]


def mods_of(records):
    """{citekey: record} of MODS records."""
    return {r.get('ID'): r for r in records}


def title(record):
    """The title, with the subtitle bibutils splits off at a colon."""
    main = record.find(MODS + 'titleInfo/' + MODS + 'title')
    if main is None or main.text is None:
        return None
    main = main.text
    subtitle = record.find(MODS + 'titleInfo/' + MODS + 'subTitle')
    return main + (': ' + subtitle.text if subtitle is not None else '')


def families(record):
    return [n.find(MODS + "namePart[@type='family']").text if n.find(MODS + "namePart[@type='family']") is not None
            else n.find(MODS + 'namePart').text for n in record.findall(MODS + 'name')]


def test_mapping_read_back_from_bibtex():
    db = connect()
    text = db.execute('select ibid_group_bibtex(value) from json_each(?)', (json.dumps(ITEMS),)).fetchone()[0]
    records, stderr = read_back('bib2xml', text, '.bib')
    assert_clean('bib2xml', stderr, len(ITEMS))
    mods = mods_of(records)
    assert sorted(mods) == sorted(i['id'] for i in ITEMS)
    assert title(mods['article']) == 'African Resistance to the ICC'
    assert families(mods['article']) == ['Mills', 'Bloomfield']
    assert mods['article'].find('.//' + MODS + 'dateIssued').text == '2018-01'
    extent = mods['article'].find('.//' + MODS + 'extent')
    assert (extent.find(MODS + 'start').text, extent.find(MODS + 'end').text) == ('101', '127')
    assert mods['book'].find('.//' + MODS + 'publisher').text == 'Oxford University Press'
    assert mods['book'].find(".//" + MODS + "identifier[@type='isbn']").text == '978-0-19-875390-3'
    host = mods['chapter'].find(MODS + "relatedItem[@type='host']")
    assert title(host) == 'The Law of the ICC'
    assert mods['webpage'].find('.//' + MODS + 'url').text == 'https://www.hrw.org/news/2020/07/06/a_b'
    assert families(mods['report']) == ['Human Rights Watch']
    assert 'Treaty' in mods['treaty'].find(MODS + 'note').text
    assert families(mods['unicode']) == ['Ćurković', 'van der Berg']
    assert title(mods['unicode']) == 'Über Straflosigkeit in Côte d’Ivoire'
    assert title(mods['specials']) == 'Costs & Benefits: 50% of $5, #1, a_b, {x} ~y'


def test_mapping_read_back_from_ris():
    db = connect()
    text = db.execute('select ibid_group_ris(value) from json_each(?)', (json.dumps(ITEMS),)).fetchone()[0]
    records, stderr = read_back('ris2xml', text, '.ris')
    assert_clean('ris2xml', stderr, len(ITEMS))
    assert [title(r) for r in records] == [i.get('title') for i in ITEMS]
    article = records[0]
    assert families(article) == ['Mills', 'Bloomfield']
    extent = article.find('.//' + MODS + 'extent')
    assert (extent.find(MODS + 'start').text, extent.find(MODS + 'end').text) == ('101', '127')
    assert article.find('.//' + MODS + 'dateIssued').text.startswith('2018')
    assert families(records[9]) == ['Ćurković', 'van der Berg']
    genres = [' '.join(g.text for g in r.iter(MODS + 'genre')) for r in records]
    assert 'legal case' in genres[7] and 'legislation' in genres[6] and 'book' in genres[1]


def test_csl_json_of_hand_written_items_renders():
    for style in CITEPROC_STYLES:
        rendered = render_with_citeproc(ITEMS, style)
        # MLA prints nothing for the item with neither title, author nor date
        assert len(rendered) >= len(ITEMS) - 1, style
        for item in ITEMS:
            if 'title' in item:
                assert any(item['title'].split(':')[0].lower() in entry.lower() for entry in rendered), item


# ----- bad input ------------------------------------------------------------------------------

def error_of(db, sql, *args):
    try:
        db.execute(sql, args).fetchall()
    except sqlite3.Error as e:
        return str(e)
    return None


def test_errors_name_the_function_and_row():
    db = connect()
    assert error_of(db, 'select ibid_bibtex(?)', '{"a":') == \
        'ibid_bibtex: invalid JSON at byte 5: unexpected end of input'
    assert error_of(db, 'select ibid_ris(?)', '[{}]') == \
        'ibid_ris: not a JSON object (a CSL-JSON item is an object)'
    assert error_of(db, "select ibid_group_bibtex(value) from json_each('[\"{}\", null, \"{x\"]')") == \
        'ibid_group_bibtex: row 3: invalid JSON at byte 1: expected a string as object key'
    assert error_of(db, "select ibid_group_ris(value) from json_each('[\"{}\", \"7\"]')") == \
        'ibid_group_ris: row 2: not a JSON object (a CSL-JSON item is an object)'
    assert 'nested deeper' in error_of(db, 'select ibid_bibtex(?)', '[' * 100000 + ']' * 100000)
    assert error_of(db, 'select ibid_bibtex(?)', '{"title":"a\x00b"}') is not None  # a raw NUL
    assert 'row 1' in error_of(db, 'select ibid_group_ris(?)', 'null')


def test_nul_escapes_and_huge_values():
    db = connect()
    entry = db.execute('select ibid_bibtex(?)', ('{"id":"k","title":"a\\u0000b"}',)).fetchone()[0]
    assert entry == '@misc{k,\n  title = {a b}\n}\n'
    huge = 'word ' * 4_000_000  # 20 MB
    for function in ('ibid_bibtex', 'ibid_ris'):
        out = db.execute('select length(%s(?))' % function, (json.dumps({'title': huge, 'note': huge}),)).fetchone()[0]
        assert 2 * len(huge) - 10 < out < 2 * len(huge) + 1000


def test_flags_and_registration():
    db = connect()
    rows = dict(db.execute("select name, type from pragma_function_list where name like 'ibid_%bibtex' "
                           "or name like 'ibid_%ris' or name = 'ibid_csl'"))
    assert rows == {'ibid_bibtex': 's', 'ibid_ris': 's', 'ibid_group_bibtex': 'a', 'ibid_group_ris': 'a',
                    'ibid_csl': 's'}
    # deterministic functions may be used in an index expression
    db.execute('create table t(csl text)')
    db.execute('create index t_bibtex on t(ibid_bibtex(csl))')
    db.execute('create index t_csl on t(ibid_csl(csl))')
    db.execute("insert into t values ('{\"id\":\"k\"}')")


# ----- ibid_csl on hand-written items ------------------------------------------------------

def csl(db, item):
    text = item if isinstance(item, str) else json.dumps(item)
    return json.loads(db.execute('select ibid_csl(?)', (text,)).fetchone()[0])


def test_csl_keeps_csl_variables_only():
    db = connect()
    item = {'id': 'mills2018', 'type': 'article-journal', 'title': 'African Resistance to the ICC',
            'subtitle': 'halting the advance of the anti-impunity norm',
            'author': [{'family': 'Mills', 'given': 'Kurt', 'role': 'corresponding'},
                       {'literal': 'African Union', 'family': 'ignored'}, {'given': 'Plato'},
                       'United Nations', {'role': 'editor'}, None, 7],
            'editor': {'family': 'Stahn', 'given': 'Carsten', 'comma-suffix': True},
            'keywords': ['ICC', ' African Union ', '', None], 'page-repair': 'ambiguous',
            'volume': 44, 'issue': '1', 'page': '', 'note': None, 'publisher': ['x'],
            'available-date': {'date-parts': [[2017, 8, 23]]}, 'issued': {'date-parts': [['2018', '1']]},
            'event-title': 'ASP 16', 'shortTitle': 'African Resistance', 'year-suffix': 'a',
            'locator': '5', 'citation-key': 'x', 'custom': {'a': 1}, 'archive_collection': 'x'}
    assert csl(db, item) == {
        'id': 'mills2018', 'type': 'article-journal',
        'title': 'African Resistance to the ICC: halting the advance of the anti-impunity norm',
        'author': [{'family': 'Mills', 'given': 'Kurt'}, {'literal': 'African Union'},
                   {'literal': 'Plato'}, {'literal': 'United Nations'}, {'literal': '7'}],
        'editor': [{'family': 'Stahn', 'given': 'Carsten'}],
        'issued': {'date-parts': [[2018, 1]]}, 'title-short': 'African Resistance',
        'volume': 44, 'issue': '1', 'event': 'ASP 16', 'keyword': 'ICC, African Union'}


def test_csl_subtitles_dates_types():
    db = connect()
    # the title already holds the subtitle (any case): unchanged; ? and ! take no colon
    assert csl(db, {'title': 'Justice: The ICC at work', 'subtitle': 'the ICC at Work'})['title'] == \
        'Justice: The ICC at work'
    assert csl(db, {'title': 'Whose Justice?', 'subtitle': 'The ICC'})['title'] == 'Whose Justice? The ICC'
    assert csl(db, {'title': 'Justice:', 'subtitle': 'The ICC'})['title'] == 'Justice: The ICC'
    assert csl(db, {'subtitle': 'Only a subtitle'})['title'] == 'Only a subtitle'
    assert csl(db, {'title': 'A', 'subtitle': 7})['title'] == 'A'
    # available-date stands in for a missing issued date only
    assert csl(db, {'available-date': {'date-parts': [[2017, 8, 23]]}})['issued'] == {'date-parts': [[2017, 8, 23]]}
    dates = csl(db, {'issued': {'raw': '2010-05-03'}, 'accessed': '3 May 2021', 'submitted': 'forthcoming',
                     'original-date': {'date-parts': [[1998, 7, 17], [1998, 7, 17]]},
                     'event-date': {'date-parts': [[2001, 13, 5], [2002, 2, 40]], 'season': 3, 'circa': 1}})
    assert dates['issued'] == {'date-parts': [[2010, 5, 3]]}
    assert dates['accessed'] == {'date-parts': [[2021]]}
    assert dates['submitted'] == {'literal': 'forthcoming'}
    assert dates['original-date'] == {'date-parts': [[1998, 7, 17]]}
    assert dates['event-date'] == {'date-parts': [[2001], [2002, 2]], 'season': 3, 'circa': True}
    assert 'issued' not in csl(db, {'issued': {'date-parts': [[]]}})
    assert 'issued' not in csl(db, {'issued': {'date-parts': [['spring']]}})
    assert csl(db, {'issued': 2019})['issued'] == {'date-parts': [[2019]]}
    assert csl(db, {'issued': {'literal': 'n.d.'}})['issued'] == {'literal': 'n.d.'}
    # a type CSL does not define, or none, becomes the catch-all "document"
    assert csl(db, {'type': 'journalArticle'}) == {'type': 'document'}
    assert csl(db, {}) == {'type': 'document'}
    assert csl(db, {'type': 'legal_case', 'id': 12}) == {'id': 12, 'type': 'legal_case'}
    # repeated members: the first counts; numbers stay as written
    assert csl(db, '{"title":"first","title":"second","volume":1e2,"page":-3}') == \
        {'type': 'document', 'title': 'first', 'volume': 100, 'page': -3}
    assert db.execute('''select ibid_csl('{"volume":1e2}')''').fetchone()[0] == '{"type":"document","volume":1e2}'


def test_csl_bad_input():
    db = connect()
    assert db.execute('select ibid_csl(null)').fetchone()[0] is None
    assert error_of(db, 'select ibid_csl(?)', '{"a":') == 'ibid_csl: invalid JSON at byte 5: unexpected end of input'
    assert error_of(db, 'select ibid_csl(?)', '[{}]') == 'ibid_csl: not a JSON object (a CSL-JSON item is an object)'
    assert error_of(db, 'select ibid_csl(42)') == 'ibid_csl: argument must be text, got integer'
    assert error_of(db, 'select ibid_csl(4.5)') == 'ibid_csl: argument must be text, got real'
    assert 'nested deeper' in error_of(db, 'select ibid_csl(?)', '{"a":' + '[' * 100000 + ']' * 100000 + '}')
    assert error_of(db, "select ibid_csl(x'7b2261223aff7d')").startswith('ibid_csl: invalid UTF-8')
    assert csl(db, '{"title":"a\\u0000b","\\u0000":1}') == {'type': 'document', 'title': 'a\x00b'}
    assert db.execute('''select ibid_csl(cast('{"title":"x"}' as blob))''').fetchone()[0] == \
        '{"type":"document","title":"x"}'
    # 50 MB of title and subtitle, 500,000 names, 500,000 members: linear time
    huge = 'word ' * 5_000_000
    inputs = [json.dumps({'title': huge, 'subtitle': huge[:-1] + 'x'}),
              json.dumps({'author': [{'family': 'F%d' % i, 'x': 1} for i in range(500_000)]}),
              '{' + ','.join('"k%d":%d' % (i, i) for i in range(500_000)) + ',"title":"t"}']
    lengths = [db.execute('select length(ibid_csl(?))', (text,)).fetchone()[0] for text in inputs]
    assert lengths[0] == len('{"type":"document","title":""}') + 2 * len(huge) + 1
    assert lengths[1] == len('{"type":"document","author":[]}') + sum(len('{"family":"F%d"},' % i) for i in range(500_000)) - 1
    assert lengths[2] == len('{"type":"document","title":"t"}')
