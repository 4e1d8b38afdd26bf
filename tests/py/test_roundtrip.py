"""The corpus bibliography read back by the tools researchers use: pandoc --citeproc citing
every key, biber's data-model check, citation-js (npm). bibutils and citeproc-py are in
test_export.py. Same corpus as there: tests/corpus with the HTML, JATS, TEI and PDF files of
tests/formats."""
import json, os, re, shutil, subprocess, tempfile
from ibidtest import ROOT, connect
from test_export import corpus_database

NPM_FOLDER = os.path.join(ROOT, 'build', 'npm')
CITATION_JS = ['@citation-js/core@0.7', '@citation-js/plugin-bibtex@0.7', '@citation-js/plugin-csl@0.7',
               '@citation-js/plugin-ris@0.7']


def exported(view='bibliography_all'):
    db = connect(corpus_database())
    csl = json.loads(db.execute('select json_group_array(json(csl)) from (select csl from %s order by work_id)'
                                % view).fetchone()[0])
    bib = db.execute('select ibid_group_biblatex(csl) from (select csl from %s order by work_id)' % view).fetchone()[0]
    bibtex = db.execute('select ibid_group_bibtex(csl) from (select csl from %s order by work_id)' % view).fetchone()[0]
    ris = db.execute('select ibid_group_ris(csl) from (select csl from %s order by work_id)' % view).fetchone()[0]
    return csl, bib, bibtex, ris


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def test_keys_are_pandoc_keys_and_the_same_everywhere():
    csl, bib, bibtex, ris = exported()
    ids = [item['id'] for item in csl]
    assert len(set(ids)) == len(ids)
    # pandoc: a key starts with a letter, digit or _, and does not end in punctuation
    assert all(re.fullmatch(r'[a-z0-9]+', key) for key in ids), [k for k in ids if not re.fullmatch(r'[a-z0-9]+', k)]
    assert re.findall(r'^@\w+\{([^,]+),$', bib, re.M) == ids == re.findall(r'^@\w+\{([^,]+),$', bibtex, re.M)
    assert re.findall(r'^ID  - (.*)$', ris, re.M) == ids
    urls = [i['URL'] for i in csl if 'doi.org/' in i.get('URL', '')]
    assert urls == [], urls
    dois = sum(1 for i in csl if 'DOI' in i)
    issues = [i['issue'] for i in csl if str(i.get('issue', '')).startswith('(')]
    assert issues == [], issues
    print('  %d works, %d keys, the same in CSL-JSON, BibTeX, biblatex and RIS; %d DOIs, '
          'no doi.org URL, no issue in parentheses' % (len(csl), len(set(ids)), dois))


def test_pandoc_citeproc_cites_every_key_without_a_warning():
    if not shutil.which('pandoc'):
        raise AssertionError('pandoc is not installed (apt-get install pandoc)')
    csl, bib, _, _ = exported()
    folder = tempfile.mkdtemp(prefix='ibid_pandoc_')
    try:
        keys = [item['id'] for item in csl]
        text = write(folder, 'chapter.md', '\n\n'.join('Claim %d [@%s, 12].' % (n, key)
                                                       for n, key in enumerate(keys)) + '\n')
        for bibliography in (write(folder, 'b.json', json.dumps(csl)), write(folder, 'b.bib', bib)):
            result = subprocess.run(['pandoc', '--citeproc', '--bibliography', bibliography, text,
                                     '-t', 'plain'], capture_output=True, text=True, timeout=300)
            assert result.returncode == 0, result.stderr
            assert result.stderr == '', result.stderr[:2000]
            assert '???' not in result.stdout
        print('  pandoc --citeproc: %d keys cited from CSL-JSON and from biblatex, 0 warnings' % len(keys))
    finally:
        shutil.rmtree(folder)


def test_biber_validates_the_biblatex_file():
    if not shutil.which('biber'):
        raise AssertionError('biber is not installed (apt-get install biber)')
    _, bib, _, _ = exported()
    folder = tempfile.mkdtemp(prefix='ibid_biber_')
    try:
        path = write(folder, 'b.bib', bib)
        result = subprocess.run(['biber', '--tool', '--validate-datamodel', os.path.basename(path)],
                                cwd=folder, capture_output=True, text=True, timeout=300)
        lines = (result.stdout + result.stderr).splitlines()
        errors = [l for l in lines if 'ERROR - ' in l]
        warnings = [l.split('Datamodel: ')[-1] for l in lines if 'WARN - ' in l and 'Datamodel' in l]
        assert result.returncode == 0 and errors == [], '\n'.join(errors[:20] + lines[-5:])
        legal = sum(1 for w in warnings if re.search(r"entrytype '(jurisdiction|legislation|legal)'", w))
        missing = sum(1 for w in warnings if 'Missing mandatory' in w)
        print('  biber --validate-datamodel: %d entries, 0 errors, %d warnings (%d: missing fields the '
              'sources do not give; %d: biblatex\'s default data model gives its legal types no fields)'
              % (len(re.findall(r'^@', bib, re.M)), len(warnings), missing, legal))
    finally:
        shutil.rmtree(folder)


def citation_js():
    """node with citation-js installed under build/npm (installed there on first use); None
    when node/npm are missing or the registry is unreachable."""
    if not shutil.which('node') or not shutil.which('npm'):
        return None
    if not os.path.isdir(os.path.join(NPM_FOLDER, 'node_modules', '@citation-js', 'plugin-ris')):
        os.makedirs(NPM_FOLDER, exist_ok=True)
        try:
            result = subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--silent', '--prefix',
                                     NPM_FOLDER] + CITATION_JS, capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return None
        if result.returncode != 0:
            print('  (npm install failed: %s)' % result.stderr.strip()[:300])
            return None
    return NPM_FOLDER


SCRIPT = """
const {Cite} = require('@citation-js/core');
require('@citation-js/plugin-bibtex'); require('@citation-js/plugin-csl'); require('@citation-js/plugin-ris');
const fs = require('fs');
const [json, bib, ris] = process.argv.slice(2).map(f => fs.readFileSync(f, 'utf8'));
console.log(JSON.stringify({csl: new Cite(JSON.parse(json)).data, biblatex: new Cite(bib).data,
                            ris: new Cite(ris).data}));
"""


def test_citation_js_reads_every_field():
    folder = citation_js()
    if folder is None:
        print('  skipped: citation-js could not be installed (no node/npm, or the npm registry is '
              'unreachable)')
        return
    csl, bib, _, ris = exported()
    work = tempfile.mkdtemp(prefix='ibid_citationjs_')
    try:
        script = write(folder, 'ibid_roundtrip.js', SCRIPT)
        paths = [write(work, 'b.json', json.dumps(csl)), write(work, 'b.bib', bib), write(work, 'b.ris', ris)]
        result = subprocess.run(['node', script] + paths, capture_output=True, text=True, timeout=300, cwd=folder)
        assert result.returncode == 0, result.stderr[-2000:]
        read = json.loads(result.stdout)
        lost = {}
        for form, items in read.items():
            by_id = {i.get('id'): i for i in items}
            assert len(items) == len(csl) and set(by_id) == {i['id'] for i in csl}, (form, len(items))
            lost[form] = {}
            for item in csl:
                for field in item:
                    if field != 'id' and field not in by_id[item['id']]:
                        lost[form][field] = lost[form].get(field, 0) + 1
        assert lost['csl'] == {}, lost['csl']
        # what every reference needs survives BibTeX/biblatex too
        core = {f: n for f, n in lost['biblatex'].items() if f in ('title', 'author', 'issued', 'DOI', 'URL')}
        assert core == {}, core
        print('  citation-js: %d CSL-JSON items read back with no field lost; from biblatex, fields '
              'it does not carry back: %s; from RIS: %s'
              % (len(csl), sum(lost['biblatex'].values()), sum(lost['ris'].values())))
    finally:
        shutil.rmtree(work)
