"""Reference lists found and cut into entries (ibid_reference_entries) on the project's own
documents (tests/refs/dev/ for development, tests/refs/heldout/ scored only), and on GROBID's
reference-segmenter gold (../shared/eval/grobid/reference-segmenter/)."""
import glob, os, sys
from ibidtest import connect, match_entries, print_scores, prf_counts as prf, read_entry_pairs, squash, ROOT

REFS = os.path.join(ROOT, 'tests', 'refs')
SHARED = os.environ.get('IBID_SHARED', os.path.join(os.path.dirname(ROOT), 'shared'))
SEGMENTER = os.path.join(SHARED, 'eval', 'grobid', 'reference-segmenter')
BARS = {'en': 0.90, 'de': 0.85, 'fr': 0.85, 'es': 0.85, 'it': 0.85}


def entry_texts(db, text):
    """The texts of the entries ibid_reference_entries cuts from text, in order."""
    return [t for (t,) in db.execute('SELECT text FROM ibid_reference_entries(?)', (text,))]


def score_document(db, path):
    """(gold, predicted, matched): a predicted entry matches the next unmatched gold entry
    whose start text it begins with (the gold file lists each entry's first words); a gold
    line "start ||| end" also gives the entry's last words, which the entry must end with
    (so a list that runs on into an appendix or a series' list loses its last entry)."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    gold = read_entry_pairs(path[:-4] + '.gold')
    predicted = [squash(t) for t in entry_texts(db, text)]
    matched = match_entries(os.path.basename(path), gold, predicted)
    return len(gold), len(predicted), matched


def score_part(db, part):
    by_language, rows = {}, []
    for path in sorted(glob.glob(os.path.join(REFS, part, '*.txt'))):
        counts = score_document(db, path)
        language = os.path.basename(path)[:2]
        total = by_language.setdefault(language, [0, 0, 0])
        for k in range(3):
            total[k] += counts[k]
        rows.append((os.path.basename(path)[:-4], counts[0]) + prf(*counts))
    for language, counts in sorted(by_language.items()):
        rows.append(('%s: %s' % (part, language), counts[0]) + prf(*counts))
    all_counts = [sum(c[k] for c in by_language.values()) for k in range(3)]
    rows.append(('%s: all' % part, all_counts[0]) + prf(*all_counts))
    return rows, by_language


def test_own_documents():
    db = connect()
    failures = []
    for part in ('dev', 'heldout'):
        rows, by_language = score_part(db, part)
        print_scores('reference entries of tests/refs/%s' % part, rows)
        for language, counts in by_language.items():
            p, r, _ = prf(*counts)
            if min(p, r) < BARS.get(language, 0.85):
                failures.append((part, language, round(p, 3), round(r, 3)))
    assert not failures, failures


def test_grobid_segmenter():
    """Entries cut exactly as GROBID's gold cuts them (text equal after squashing spaces).
    GROBID's corpus/ files are split by segmenter_eval.split (CRC-32 of the file name: a
    quarter held out): the list finder is developed on the dev part only; the held-out part
    and GROBID's own evaluation/ files are scored only."""
    sys.path.insert(0, REFS)
    import segmenter_eval
    db = connect()
    rows, scores = [], {}
    corpus = sorted(glob.glob(os.path.join(SEGMENTER, 'corpus', 'tei', '*.xml')))
    evaluation = sorted(glob.glob(os.path.join(SEGMENTER, 'evaluation', 'tei', '*.xml')))
    if not corpus or not evaluation:
        print('  (no GROBID segmenter data at %s: skipped)' % SEGMENTER)
        return
    parts = [('corpus dev', [p for p in corpus if segmenter_eval.split(p) == 'dev']),
             ('corpus held-out', [p for p in corpus if segmenter_eval.split(p) == 'heldout']),
             ('corpus all', corpus), ('evaluation', evaluation)]
    for name, paths in parts:
        _, (gold, predicted, matched) = segmenter_eval.score(db, paths)
        scores[name] = prf(gold, predicted, matched)
        rows.append(('%s (%d files)' % (name, len(paths)), gold) + scores[name])
    print_scores('GROBID reference-segmenter gold, exact entries', rows)
    assert min(scores['corpus dev'][:2]) >= 0.96, scores
    assert min(scores['corpus held-out'][:2]) >= 0.90, scores
    assert min(scores['evaluation'][:2]) >= 0.90, scores


def test_headings():
    db = connect()
    yes = ['References', 'REFERENCES', '8. Literatur', 'Literaturverzeichnis', 'Quellenverzeichnis',
           'Quellen- und Literaturverzeichnis', 'Bibliographie', 'Références', 'RÉFÉRENCES',
           'Références bibliographiques', 'Bibliografía', 'Referencias', 'Bibliografia',
           'Riferimenti', 'Works Cited', 'Literature Cited', 'Notes and References', 'Sources',
           'IV. Bibliography', 'R E F E R E N C E S', '4.2 Literatur:', 'Sekundärliteratur',
           'Primärliteratur', 'Sources imprimées', 'Secondary sources', 'L i t e r a t u r',
           'B i b l i o g r a f í a', 'R É F É R E N C E S', 'W o r k s   C i t e d',
           'W o r k s C i t e d', 'R e f e r e n c i a s b i b l i o g r á f i c a s',
           '7 L i t e r a t u r v e r z e i c h n i s']
    no = ['8. Literature ........ 27', 'References to the Court', 'Literature review',
          'Sources of growth', 'Referencing styles', 'Literaturverzeichnis 31',
          'W o r k s C i t e d   b y   t h e   C o u r t', 'L i t e r a t u r   r e v i e w',
          'W o r k s C i t e d b y', 'L i t e r a t u r r e v i e w']
    for heading in yes:
        text = 'Intro.\n\n%s\n\nRoe, Ann (2001): Ein Buch. Berlin: Verlag.\n' % heading
        got = db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (text,)).fetchone()[0]
        assert got == 1, (heading, got)
    for heading in no:
        text = 'Intro.\n\n%s\n\nThe results were mixed and the model did not converge here.\n' % heading
        got = db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (text,)).fetchone()[0]
        assert got == 0, (heading, got)


def test_repeated_author_takes_previous():
    import json
    db = connect()
    text = ('Literatur\n\nKessler, Ulrich (1981): Die Gebietsreform. Köln: Verlag.\n'
            'Ders. (1985): Größe und Leistung. Köln: Verlag.\n'
            '— (1990): Noch ein Titel. Köln: Verlag.\n')
    rows = db.execute('SELECT csl FROM ibid_references(?) WHERE note IS NULL', (text,)).fetchall()
    assert len(rows) == 3, rows
    for (csl,) in rows:
        assert json.loads(csl)['author'][0]['family'] == 'Kessler', csl


def test_entry_openings():
    """Each of these lines opens an entry of its own between two closed entries of a flat
    list: anonymous and collective authors, corporate bodies, name particles, small capitals."""
    db = connect()
    openings = ['VV. AA. (2005). El trabajo en España. Madrid: Foessa.',
                'AA.VV. (2010), Il lavoro, il Mulino, Bologna.',
                'o. V. (2019): Die Lage der Kommunen. Berlin: Difu.',
                'N.N. (1950): Bericht. Bonn.',
                'Bundesministerium für Arbeit und Soziales (BMAS) (2021): Lebenslagen. Berlin.',
                'de Vries, J. (1994). The industrious revolution. JEH, 54(2), 249-270.',
                'vom Brocke, B. (1980): Hochschulpolitik. Stuttgart: Klett.',
                'Le Galès, P. (2002). European Cities. Oxford: Oxford University Press.',
                'UNHCR (2020). Global Trends. Geneva: UNHCR.',
                'SCHWARTZ (O.), 1990, Le monde privé des ouvriers, Paris, PUF.',
                'INSEE, 2019, Tableaux de l\'économie française, Paris, Insee.',
                'Ídem (2003): Otro título. Madrid: Alianza.',
                'ÁLVAREZ JUNCO, José (2001): Mater dolorosa. Madrid: Taurus.',
                '- (2012): Verwaltungsreformen. Wiesbaden: VS Verlag.',
                'Fischer, Wolfram/Hax, Herbert (Hg.): Treuhandanstalt. Das Unmögliche wagen',
                'STC 45/1989, de 20 de febrero (BOE núm. 52, de 2 de marzo de 1989).',
                'STS de 15 de octubre de 2020 (rec. 1652/2019), ECLI:ES:TS:2020:3345.',
                'Ley 39/2015, de 1 de octubre, del Procedimiento Administrativo Común.',
                'Cass. soc., 21 novembre 2018, n° 17-16.766.',
                'Whaling in the Antarctic (Australia v. Japan), Judgment, ICJ Reports 2014, p. 226.',
                'CO 323/1034/5, Colonial Office: General Correspondence, Labour Conditions, 1929.',
                'Hammond GR. Lesions of the reticular formation. Physiol Behav 10: 239-43, 1973.']
    for line in openings:
        text = ('References\n\nRoe, Ann (2001): Erster Titel. Berlin: Verlag.\n%s\n'
                'Lee, Bo (2003): Dritter Titel. Berlin: Verlag.\n' % line)
        got = db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (text,)).fetchone()[0]
        assert got == 3, (line, got)


def test_entry_lines_kept():
    """Lines of an entry that look like something else stay in it: a series' number
    ("Working Papers 7712"), a case's name on a line of its own, a title opening with a
    caption word ("Table 3 in perspective"), a title-case line after a page number with
    the next entry right under it."""
    db = connect()
    head = ('References\n\nArrow, K. (1962). The economic implications of learning by doing. '
            'Review of\nEconomic Studies, 29(3), 155-173.\n')
    cases = [
        (head + 'Baker, M. (1977). Wage dynamics and the business cycle. Cowles Foundation\n'
         'Working Papers 7712\nCole, H. (2001). Firms and growth. NBER Working Paper 8123.\n'
         'Dunn, K. (1985). Inflation expectations. Federal Reserve Bank of Minneapolis\n'
         'Working Papers 7712, Minneapolis.\nEvans, P. (2008). Growth. Economic Journal, 118, 1-20.\n',
         5, ['Working Papers 7712', 'Working Papers 7712, Minneapolis.', '1-20.']),
        ('Bibliography\n\nCases\n\nDonoghue v Stevenson\n[1932] AC 562 (HL).\n\n'
         'Caparo Industries plc v Dickman [1990] 2 AC 605.\n\nBooks\n\n'
         'Hickman, T., Public Law after the Human Rights Act (Hart Publishing 2010).\n',
         3, ['Stevenson [1932] AC 562 (HL).', '2 AC 605.', '(Hart Publishing 2010).']),
        (head + 'Cole, H. (2001). Firms and growth in Europe, Journal of Growth, 1, 1-9.\n'
         'Dunn, K. (2005). Growth.\nTable 3 in perspective: a reply. Journal of Growth, 2, 1-9.\n',
         None, ['a reply. Journal of Growth, 2, 1-9.']),
        (head + 'Evans, P. (2008). Growth and convergence in the long run. Handbook of Growth.\n'
         '\n18\n\nEconomic History Review\nFox, L. (2010). Title. Journal, 1, 1-2.\n',
         3, ['Handbook of Growth. 18 Economic History Review', '1, 1-2.']),
        (head + 'Dunn, K. (2005). Growth.\nAbbildung 4: Zur Methode. Zeitschrift für Soziologie, '
         '34, 1-20.\n', None, ['Soziologie, 34, 1-20.']),
        # an annotated list: "Summary: ..." under each entry ends nothing
        ('References\n\nRoe, A. (2001). A study of trust. Journal of Trust, 3, 1-20.\n'
         'Summary: The author surveys trust in twelve countries.\n'
         'Lee, B. (2003). Trust again. Journal of Trust, 5, 2-30.\nSummary: A replication.\n'
         'Kim, C. (2005). Trust and voting. Electoral Studies, 9, 3-40.\n',
         3, ['twelve countries.', 'A replication.', '9, 3-40.']),
    ]
    for text, count, ends in cases:
        got = [squash(t) for t in entry_texts(db, text)]
        assert count is None or len(got) == count, got
        for end in ends:
            assert any(g.endswith(end) for g in got), (end, got)


def test_list_details():
    """Cuts learnt from GROBID's dev part: a footnote set among numbered entries is left
    out, "; The ..." after a year goes on the entry (the same authors' next paper), a page
    range alone on a line is no page number, "Hammond GR. Lesions" opens an entry, the
    authors' addresses after a keyed list are no part of its last entry."""
    db = connect()
    cases = [
        ('References\n[14] T. Sullivan, Introduction to Uncertainty Quantification (Springer, 2015).\n'
         '[15] P. Pettersson and J. Nordstrom,\nJournal of Computational Physics 257, 481 (2014).\n'
         '12 Even this number can be further reduced using a sparse version of PCE [3].\n'
         '[16] V. Bargmann, L. Michel,\nand V. L. Telegdi, Phys. Rev. Lett. 2, 435 (1959).\n',
         ['(Springer, 2015).', '481 (2014).', '2, 435 (1959).']),
        ('References\n[7] T. Clifton, Physics Reports 513, 1 (2012).\n'
         '[8] D. Lovelock, The Einstein Tensor and Its Generalizations, J. Math. Phys. 12\n'
         '(1971); The four-dimensionality of space and the Einstein tensor, J. Math. Phys.\n'
         '13 (1972).\n[9] M. Banados, Phys. Rev. Lett. 105, 011101 (2010).\n',
         ['1 (2012).', 'J. Math. Phys. 13 (1972).', '011101 (2010).']),
        ('References\nCrnogorac-Jurcevic T, Lemoine NR (2003) Molecular alterations in pancreatic\n'
         'carcinoma. J Pathol 201:\n63 – 74\nFiegler H, Carr P, Carter NP (2003) DNA microarrays for\n'
         'comparative genomic hybridization. Genes Chromosomes Cancer 36: 361 – 374\n'
         'Hager-Ross C, Schieber MH. Quantifying the Independence of Human Finger Movements.\n'
         'J Neurosci 20: 8542-8550, 2000.\nHammond GR. Lesions of pontine and medullary reticular\n'
         'formation. Physiol Behav 10: 239-43, 1973.\n',
         ['201: 63 – 74', '36: 361 – 374', '8542-8550, 2000.', '239-43, 1973.']),
        ('References\n[VV1] M. Varagnolo, E. Vasserot, Double affine Hecke algebras, Trends in\n'
         'Mathematics (2010), 233-289.\n[VV2] M. Varagnolo, E. Vasserot, Double affine Hecke algebras\n'
         'at roots of unity, Representation Theory 14 (2010), 510-600.\n[Zag07] D. Zagier, The\n'
         'dilogarithm function, Springer, Berlin, 2007, pp. 3-65.\nSchool of Mathematics, Georgia '
         'Institute of Technology, Atlanta, GA 30332-0160, USA\n',
         ['(2010), 233-289.', '(2010), 510-600.', 'pp. 3-65.']),
        ('References\n[3] C. Misner, K. Thorne, and J. Wheeler, Gravitation\n(Freeman, San Francisco, 1972).\n'
         '[4] \u00b4\nE. Flanagan and S. Hughes, "The basics of gravitational wave theory," New J. Phys.\n'
         '7, 204 (2005).\n[5] T. Rothman and S. Boughn, "Aspects of Graviton Detection: Emission by Atomic\n'
         'Hydrogen," Found. Phys. 36, 1801 (2006).\n',
         ['1972).', '7, 204 (2005).', '36, 1801 (2006).']),
        ('References\nAnon. (1950). "Names of chemical elements." Nature 166 (1950): 717-718,\n'
         'Armbruster, Peter (1985). "On the production of heavy elements by cold fusion." Annual\n'
         'Review of Nuclear and Particle Science 35: 135-194.\n'
         'Hart, E. J. and Anbar, M. (1970). The hydrated electron. Wiley, New\nYork, NY. p. 39.\n',
         ['717-718,', '35: 135-194.', 'New York, NY. p. 39.']),
    ]
    for text, ends in cases:
        got = [squash(t) for t in entry_texts(db, text)]
        assert len(got) == len(ends), got
        for g, end in zip(got, ends):
            assert g.endswith(end), (end, got)


def test_named_subheadings():
    """The parts of a law bibliography, numbered or not, are left out, and so the entries
    under them are cut as one list's."""
    db = connect()
    text = ('Bibliography\n\nI. Cases\n\nHirsi Jamaa and Others v. Italy, ECtHR (Grand Chamber), '
            'Appl. No. 27765/09, 23 February 2012.\n\nII. Treaties\n\nConvention Relating to the '
            'Status of Refugees, 28 July 1951, 189 UNTS 137.\n\nB. Rechtsprechung\n\nBVerfG, '
            'Urteil vom 15. Dezember 1983 – 1 BvR 209/83 –, BVerfGE 65, 1.\n\nGesetze\n\n'
            'Grundgesetz für die Bundesrepublik Deutschland vom 23. Mai 1949 (BGBl. S. 1).\n\n'
            'Doctrine\n\nChapus (R.), Droit administratif général, t. 1, 15e éd., Paris, '
            'Montchrestien, 2001.\n\nJurisprudencia\n\nSTC 45/1989, de 20 de febrero.\n')
    got = [squash(t) for t in entry_texts(db, text)]
    assert [g.split()[0] for g in got] == ['Hirsi', 'Convention', 'BVerfG,', 'Grundgesetz',
                                           'Chapus', 'STC'], got


def test_entries_robust():
    """Property: on arbitrary text the entries are in order, inside the text, and not empty."""
    import random
    db = connect()
    rng = random.Random(7)
    pieces = ['References\n', 'Literatur\n', '[1] ', '12. ', '—, ', 'Roe, A. (2001). ', 'Title ',
              'and\n', '\n\n', '    ', 'Appendix\n', 'ders. ', '2019', ' -\n', 'É', '\u2014\u2014\u2014.',
              'Smith JP, ', 'x' * 90, '.\n', ',\n', '(', ')']
    for _ in range(300):
        text = ''.join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        last = 0
        for start, length, entry in db.execute(
                'SELECT start, length, text FROM ibid_reference_entries(?)', (text,)):
            assert start >= 1 and length > 0 and start - 1 >= last, (text, start, length)
            assert text[start - 1:start - 1 + length] == entry
            last = start - 1 + length


def test_numbered_markers_credit_entries():
    """"[3]" and "[7, 8]" in the text become citations of the works of entries 3, 7, 8."""
    db = connect()
    db.execute('select ibid_init()')
    path = os.path.join(REFS, 'dev', 'en_numbered.txt')
    with open(path, 'rb') as f:
        db.execute('insert into documents(path, raw) values (?, ?)', (path, f.read()))
    rows = db.execute("SELECT c.start, w.authors FROM citations c JOIN works w ON w.id = c.work_id "
                      "WHERE c.via = 'marker' AND c.note IS NULL ORDER BY c.start, w.authors DESC"
                      ).fetchall()
    assert len(rows) == 3 and rows[1][0] == rows[2][0], rows
    assert 'Nakamura' in rows[0][1] and 'Oyelaran' in rows[1][1] and 'Haddad' in rows[2][1], rows
    # a list without numbers gives no marker links
    text = 'As shown [2].\n\nReferences\n\nRoe, A. (2001). A. Journal 1, 2-3.\nLee, B. (2002). B. Journal 2, 3-4.\n'
    assert db.execute('SELECT count(*) FROM ibid_reference_links(?)', (text,)).fetchone()[0] == 0


LINKS = os.path.join(REFS, 'links')


def link_pairs(db, path):
    """(gold, predicted) lists of (marker as printed, entry number) in text order; an .html
    document is read through ibid_convert, as the ingest trigger reads it."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.html'):
        text = db.execute("SELECT json_extract(ibid_convert(?), '$.body')", (text,)).fetchone()[0]
    predicted = [(text[s - 1:s - 1 + n], e) for e, s, n in
                 db.execute('SELECT entry, start, length FROM ibid_reference_links(?)', (text,))]
    with open(path.rsplit('.', 1)[0] + '.links', encoding='utf-8') as f:
        gold = [(m, int(e)) for m, e in (line.rstrip('\n').split('\t') for line in f if line.strip())]
    return gold, predicted


def test_superscript_links():
    """Superscript and glued-digit markers link to entries of a numbered list (tests/refs/links:
    HTML <sup>, plain glued digits, a footnoted text whose markers are notes; one held out)."""
    db = connect()
    scores = {}
    for part in ('dev', 'heldout'):
        rows, totals = [], [0, 0, 0]
        for path in sorted(glob.glob(os.path.join(LINKS, part, '*.*'))):
            if path.endswith('.links'):
                continue
            gold, predicted = link_pairs(db, path)
            left, matched = list(gold), 0
            for pair in predicted:
                if pair in left:
                    left.remove(pair)
                    matched += 1
                else:
                    print('    extra  %s: %r' % (os.path.basename(path), pair))
            for pair in left:
                print('    missed %s: %r' % (os.path.basename(path), pair))
            counts = (len(gold), len(predicted), matched)
            totals = [t + c for t, c in zip(totals, counts)]
            rows.append((os.path.basename(path), len(gold)) + prf(*counts))
        rows.append(('%s: all' % part, totals[0]) + prf(*totals))
        print_scores('numbered-list links of tests/refs/links/%s' % part, rows)
        scores[part] = prf(*totals)
    assert min(scores['dev'][:2]) >= 0.95 and min(scores['heldout'][:2]) >= 0.85, scores


def test_superscript_markers_credit_entries():
    """Glued superscripts become citations via 'marker' of the entries' works; where the text
    has notes with those numbers the markers stay the notes' and link nothing."""
    db = connect()
    db.execute('select ibid_init()')
    for name in ('science_glued.txt', 'footnoted.txt'):
        path = os.path.join(LINKS, 'dev', name)
        with open(path, 'rb') as f:
            db.execute('insert into documents(path, raw) values (?, ?)', (path, f.read()))
    rows = db.execute("SELECT d.path, count(*) FROM citations c JOIN documents d ON d.id = c.document_id "
                      "WHERE c.via = 'marker' GROUP BY d.path").fetchall()
    assert len(rows) == 1 and rows[0][0].endswith('science_glued.txt') and rows[0][1] == 13, rows
    first = db.execute("SELECT w.authors FROM citations c JOIN works w ON w.id = c.work_id "
                       "WHERE c.via = 'marker' ORDER BY c.start LIMIT 1").fetchone()[0]
    assert 'Hallett' in first, first
    linked = db.execute("SELECT count(*) FROM markers m JOIN documents d ON d.id = m.document_id "
                        "WHERE d.path LIKE '%footnoted.txt' AND m.note_start IS NOT NULL").fetchone()[0]
    assert linked == 5, linked
    styles = db.execute("SELECT DISTINCT style FROM ibid_reference_links(?) ORDER BY 1",
                        ('Seen¹ and [2] and again.3\n\nReferences\n1. A. Roe, J. 1 (2001).\n'
                         '2. B. Lee, J. 2 (2002).\n3. C. Kim, J. 3 (2003).\n',)).fetchall()
    assert styles == [('bracket',), ('superscript',)], styles


def test_links_robust():
    """Property: on arbitrary text every link lies before its entry and inside the text."""
    import random
    db = connect()
    rng = random.Random(11)
    pieces = ['References\n', 'Notes\n', '1. ', '2. ', '3. ', '[1] ', '[2, 3]', 'before.2 ', 'al.1,3 ',
              'x.2-4 ', '\u00b9', '\u00b2\u00b3', '\u207b', ',', '-', 'LiPF6 ', 'in 2009.4 ', 'p.5 ',
              'Roe, A. (2001). Title. J. 1, 2-3.\n', '\n\n', 'm\u00b2 ', '12', '\u2013']
    for _ in range(400):
        text = ''.join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        for start, length, entry_start, style in db.execute(
                'SELECT start, length, entry_start, style FROM ibid_reference_links(?)', (text,)):
            assert 1 <= start and start + length <= len(text) + 1, (text, start, length)
            assert start + length <= entry_start and style in ('bracket', 'superscript'), text


def entry_count(db, text):
    return db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (text,)).fetchone()[0]


THREE = ('Smith, J. (2001). Trade and growth. Journal of Economics, 12, 1-20.\n'
         'Jones, K. (2003). Migration and wages. Economic Journal, 113, 45-67.\n'
         'Brown, L. (2005). Institutions. Oxford: Oxford University Press.\n')


def test_table_of_contents_guard():
    """A heading under two numbered sections' titles or more (a table of contents without
    page numbers) opens no list; a running head at a page's top with its page number set off
    by a gap, or one section's title, above the heading does not stop it."""
    db = connect()
    assert entry_count(db, 'We conclude here.\n\n24      JOURNAL OF ECONOMIC HISTORY\n'
                           'References\n' + THREE) == 3
    assert entry_count(db, 'and so we end the discussion of the model here.\n'
                           '2 Theoretical Background\nReferences\n' + THREE) == 3
    assert entry_count(db, 'Contents\n\n1 Introduction\n2 Data\n3 Results\nReferences\n\n'
                           '1 Introduction\n\nThe model did not converge in the end.\n') == 0


def test_article_history_ends_list():
    """An article's history after the list ends it: a date after the phrase, or an
    acceptance, after a blank line; a date right after the phrase otherwise. An entry's
    last line 'Submitted to Econometrica, 2021.' ends nothing."""
    db = connect()
    text = ('References\n\nSmith, J. and Jones, K. (2020). Learning to segment references.\n'
            'Submitted to Econometrica, 2021.\n'
            'Brown, L. (2005). Institutions. Oxford: Oxford University Press.\n'
            'Green, M. (2010). Markets. Journal of Economics, 12, 1-20.\n')
    assert entry_count(db, text) == 3
    for history in ('Received 12 March 2007; accepted 3 May 2007', 'Eingegangen am 3.5.2019',
                    'Fecha de recepción: 12 de marzo de 2021', 'Submitted 2019; accepted 2020.'):
        text = ('References\n\n' + THREE + '\n' + history + '\n\n'
                'Roe, A. (2001). Appendix. Oxford: Oxford University Press.\n')
        assert entry_count(db, text) == 3, history
    text = 'References\n\n' + THREE + 'Received March 12, 2007; revised March 12, 2007;\n' + \
        'Roe, A. (2001). Appendix. Oxford: Oxford University Press.\n'
    assert entry_count(db, text) == 3


def test_author_note_ends_list():
    """An author's note after the list ends it: names, a verb and a post within a few words
    ('ist Professor', 'est élève'); a title with the same shape ('Die Geschichte ist nicht zu
    Ende.', 'Machine Learning is everywhere (2020).') is an entry."""
    db = connect()
    text = ('Literatur\n\nMüller, Hans (1990).\nDie Geschichte ist nicht zu Ende. Berlin: Suhrkamp.\n'
            'Schmidt, Karl (1995). Arbeit und Staat. München: Beck.\n'
            'Weber, Max (1922). Wirtschaft und Gesellschaft. Tübingen: Mohr.\n')
    assert entry_count(db, text) == 4
    text = ('References\n\nSmith, J. (2019). Why Machine Learning is hard. Journal of X, 3, 1-20.\n\n'
            'Machine Learning is everywhere (2020). Report of the Royal Society. London.\n\n'
            'Jones, K. (2020). Trade. Journal of X, 3, 1-20.\n'
            'Brown, L. (2005). Institutions. Oxford: Oxford University Press.\n')
    assert entry_count(db, text) == 4
    for note in ('Hans Müller ist Professor für Soziologie an der Universität Bonn.',
                 'Marie Dupont est élève de l\'École normale supérieure.',
                 'Jane Roe is an associate professor of history at the University of Leeds.',
                 'Ana García es investigadora en la Universidad de Granada.'):
        text = 'References\n\n' + THREE + '\n' + note + '\nRoe, A. (2001). Appendix. Oxford: Clarendon.\n'
        assert entry_count(db, text) == 3, note


def test_biography_ends_list():
    """An author's biography after the list ends it: titles and names, then a birth with its
    year, a post, an e-mail or ORCID, on the name's line or the next ('Ann Roe,' then 'geb.
    1985. ...'); an affiliation only where the list does not go on; so does an author's
    address, e-mail or ORCID after a run-in heading ('Anschrift:'). An entry holding
    'Professor' or an e-mail address, or an archive's collection at a university, stays."""
    db = connect()
    for bio in ('Prof. Dr. Hans Roe, geb. 1960, Studium der Soziologie in Bielefeld.',
                'Katharina Roe,\ngeb. 1985. Wissenschaftliche Mitarbeiterin am Lehrstuhl.',
                'Dr. Anna Roe ist wissenschaftliche Mitarbeiterin am Institut.',
                'Jane Roe, PhD, is Associate Professor of Sociology at Leeds.',
                'Ana Roe García, nacida en 1980, es profesora titular.',
                'Jane Roe, Department of Sociology, University of Leeds.',
                'Korrespondenzadresse: Dr. Ann Roe, Universität Bonn, 53113 Bonn.',
                'Corresponding author: Jane Roe, University of Leeds.',
                'ORCID: 0000-0001-5109-3700'):
        text = 'References\n\n' + THREE + '\n' + bio + '\n'
        assert entry_count(db, text) == 3, bio
    text = ('Literatur\n\nRoe, Hans (2015): Festschrift für Professor Ulrich Beck. Berlin: Sigma.\n'
            'Doe, Karl (2017): Bericht. Berlin: BMFSFJ. Kontakt: info@bmfsfj.de.\n' + THREE)
    assert entry_count(db, text) == 5
    text = ('Bibliography\n\nArchival Sources\n\nChicago Commons Records, Chicago History Museum.\n'
            'Hull-House Records, University of Illinois at Chicago Special Collections.\n\n'
            'Published Sources\n\n' + THREE)
    assert entry_count(db, text) == 5


def test_series_name_inside_list():
    """A series' name with a number inside an entry ('IZA Discussion Papers No. 12345')
    does not end the list that goes on after it; 'Recent Working Papers' after the
    list still ends it."""
    db = connect()
    text = ('References\n\nSmith, J. (2019). Migration and wages.\nIZA Discussion Papers No. 12345\n'
            'Jones, K. (2020). Trade. Journal of X, 3, 1-20.\n'
            'Brown, L. (2005). Institutions. Oxford: Oxford University Press.\n')
    entries = entry_texts(db, text)
    assert entries[0].startswith('Smith') and entries[-1].startswith('Brown'), entries
    assert any(e.startswith('Jones') for e in entries), entries
    text = ('References\n\n' + THREE + '\nRecent Working Papers\n\n'
            '15020 Lindqvist, R. and Okafor, D.: Apprenticeships and Youth Unemployment, 2022.\n'
            '15019 Berg, H.: Part-time Work and Pensions, 2022.\n')
    assert entry_count(db, text) == 3


def test_wide_gap_after_label():
    """A numbered entry printed with a wide gap after its label is no running head: its
    text stays in the list, and the list is cut at those labels."""
    db = connect()
    for text in ('References\n\n1   Smith J, Roe K. Gene Therapy. Lancet 2001;357:1-5.\n'
                 '2   Doe A. Cell Biology. Nature 2003;421:12-19.\n'
                 '3   Lee B, Kim C. Stem Cells. Cell 2005;120:33-40.\n',
                 'References\n\n1   Abbott, A. (1988) The System of Professions\n'
                 '    Chicago: University of Chicago Press.\n'
                 '2   Becker, G. (1964) Human Capital\n    New York: Columbia University Press.\n'
                 '3   Coleman, J. (1990) Foundations of Social Theory\n'
                 '    Cambridge: Harvard University Press.\n'):
        joined = ' '.join(entry_texts(db, text))
        for line in text.split('\n')[2:]:
            assert line.strip() in joined, (line, joined)
        assert entry_count(db, text) == 3, text


def test_capitals_outside_latin1_open_entries():
    """A surname whose capital lies outside Latin-1 with an odd code point ('Ł' U+0141,
    'Ż' U+017B, 'Ň' U+0147) or in another script opens an entry as 'Abel' does: capitals
    are told by ICU, not by a range of code points."""
    db = connect()
    for name in ('Łukasiewicz, J.', 'Żukowski, M.', 'Ňachová, E.', 'Ωmega, A.', 'Щукин, В.'):
        text = ('Some text here.\n\nReferences\n\n'
                'Abel, K. (1999). A study of things. Journal of Stuff 3: 1-20.\n'
                '%s (2001). Another study of things. Warsaw:\n  PWN.\n'
                'Zeller, T. (2005). Final things. Berlin: Springer.\n' % name)
        assert entry_count(db, text) == 3, name


def test_capitals_opening_counted_by_code_point():
    """A body or a surname in capitals opening the line is an author with non-ASCII capitals
    too ('MINISTÈRE, 2019,' as 'INSEE, 2019,')."""
    db = connect()
    for line in ('INSEE, 2019, Tableaux de l\'économie française, Paris, Insee.',
                 'MINISTÈRE, 2019, Repères et références statistiques, Paris, DEPP.',
                 'ÉTAT, 2001, Rapport, Paris, La Documentation française.'):
        text = ('Bibliographie\n\nBOURDIEU, P., 1979, La distinction, Paris, Minuit.\n'
                'CASTEL, R., 1995, Les métamorphoses, Paris, Fayard\n%s\n'
                'DUBET, F., 2002, Le déclin, Paris, Seuil.\n' % line)
        assert entry_count(db, text) == 4, line


def test_continuation_lines_open_nothing():
    """A flush-left line that goes on an entry opens none: where a French decision was
    published ("Bull. civ. V, n° 36.") after it, the place and date a newspaper's article
    was written ("London, 3 May 2015."), where a Spanish one was ("BOE núm. 52, ..."), a
    journal's volume and year with its pages
    ("Leviathan 49/2021, S. 12–30."). Courts by their abbreviations still open entries."""
    db = connect()
    cases = [
        ('Bibliographie\n\nCass. soc., 1er février 2011, n° 10-30.045.\nBull. civ. V, n° 36.\n'
         'Durand, Pierre. 2015. Le droit du travail. Paris : Dalloz.\n', 2),
        ('References\n\nJones, Owen. 2015. "The Left after Corbyn." The Guardian.\n'
         'London, 3 May 2015.\nSmith, Adam. 2001. The State. London: Verso.\n', 2),
        ('Bibliographie\n\nDupont, Jean. 2010. « La réforme du code du travail ». Le Monde.\n'
         'Paris, 12 mai 2010.\nDurand, Pierre. 2015. Le droit du travail. Paris : Dalloz.\n', 2),
        ('Bibliographie\n\nCass. soc., 1er février 2011, n° 10-30.045.\nCA Paris, 12 mai 2010.\n'
         'BGH, Urt. v. 12.3.2015.\nDurand, Pierre. 2015. Le droit du travail. Paris : Dalloz.\n', 4),
        ('Bibliografía\n\nLey 39/2015, de 1 de octubre, del Procedimiento Administrativo Común.\n'
         'STC 45/1989, de 20 de febrero.\nReal Decreto 203/2021, de 30 de marzo.\n'
         'García, Juan. 2015. El derecho del trabajo. Madrid: Tecnos.\n', 4),
        ('Bibliografía\n\nAlonso Olea, Manuel. 2002. Introducción al derecho del trabajo. '
         'Madrid: Civitas.\nSTC 45/1989, de 20 de febrero, FJ 5.\nBOE núm. 52, de 2 de marzo '
         'de 1989.\nGarcía, Juan. 2015. El derecho del trabajo. Madrid: Tecnos.\n', 3),
    ]
    for journal in ('Leviathan 49/2021, S. 12–30.', 'WSI-Mitteilungen 73/2020, S. 12–30.',
                    'APuZ 12/2019, S. 3–9.'):
        cases.append(('Literatur\n\nBude, Heinz (2014): Gesellschaft der Angst. Hamburg: '
                      'Hamburger Edition.\nMüller, Hans (2021): Die neue Ungleichheit. '
                      'Soziologische Befunde.\n%s\n' % journal, 2))
    for text, count in cases:
        got = [squash(t) for (t,) in db.execute('SELECT text FROM ibid_reference_entries(?)', (text,))]
        assert len(got) == count, got
