"""ibid_cases / ibid_questions / ibid_findings / ibid_evidence against hand-checked gold.

Gold: tests/gold/findings/002_*.tsv (the comparative case study in tests/corpus/002) and
tests/gold/findings/synthetic_*.tsv (an invented three-case study, synthetic_comparative.txt).
Findings match on (case, question, normalized text); polarity and source are scored on matches.
"""
import os, re
from ibidtest import GOLD, connect, corpus, corpus_names, prf, print_scores

FOLDER = os.path.join(GOLD, 'findings')


def normalize(text):
    return ' '.join(re.sub(r'[^0-9a-z]+', ' ', text.lower()).split())


def gold_rows(name):
    rows = []
    with open(os.path.join(FOLDER, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                rows.append([None if cell == 'NULL' else cell for cell in line.split('\t')])
    return rows


def document(prefix):
    if prefix.startswith('synthetic'):
        with open(os.path.join(FOLDER, prefix + '.txt'), encoding='utf-8') as f:
            return f.read()
    return corpus(prefix)


def score(prefix, gold_prefix):
    db = connect()
    text = document(prefix)
    cases_gold = [r[1] for r in gold_rows(gold_prefix + '_cases.tsv')]
    cases = [r[0] for r in db.execute('select name from ibid_cases(?)', (text,))]
    questions_gold = [(r[0], normalize(r[1])) for r in gold_rows(gold_prefix + '_questions.tsv')]
    questions = [(r[0], normalize(r[1])) for r in db.execute('select label, text from ibid_questions(?)', (text,))]
    findings_gold = gold_rows(gold_prefix + '_findings.tsv')
    found = db.execute('select "case", question, source, polarity, finding from ibid_findings(?)', (text,)).fetchall()
    key = lambda r: (r[0], r[1], normalize(r[4]))
    gold_keys = [key(r) for r in findings_gold]
    found_keys = [key(r) for r in found]
    # polarity and source accuracy on matched findings
    from collections import defaultdict
    pending = defaultdict(list)
    for r in findings_gold:
        pending[key(r)].append(r)
    matched = correct_polarity = correct_source = 0
    wrong = []
    for r in found:
        if pending[key(r)]:
            g = pending[key(r)].pop(0)
            matched += 1
            correct_polarity += g[3] == r[3]
            correct_source += g[2] == r[2]
            if g[3] != r[3]:
                wrong.append('%s -> %s: %s' % (g[3], r[3], r[4][:70]))
    rows = [('cases', len(cases_gold)) + prf(cases_gold, cases),
            ('questions', len(questions_gold)) + prf(questions_gold, questions),
            ('findings', len(gold_keys)) + prf(gold_keys, found_keys)]
    for source in ('figure', 'conclusion', 'abstract'):
        g = [key(r) for r in findings_gold if r[2] == source]
        p = [key(r) for r in found if r[2] == source]
        if g or p:
            rows.append(('  source=' + source, len(g)) + prf(g, p))
    print_scores('%s: ibid_cases / ibid_questions / ibid_findings' % prefix, rows)
    polarity = correct_polarity / matched if matched else 0.0
    source = correct_source / matched if matched else 0.0
    print('    polarity accuracy %.3f, source accuracy %.3f (on %d matched findings)' % (polarity, source, matched))
    for line in wrong:
        print('      polarity miss: ' + line)
    missed = [k for k in gold_keys if k not in found_keys]
    for k in missed:
        print('      missed: %s' % (k,))
    for k in found_keys:
        if k not in gold_keys:
            print('      extra: %s' % (k,))
    return rows, polarity


def check_bar(rows, polarity):
    for name, count, p, r, f in rows[:3]:
        assert p >= 0.95 and r >= 0.95, '%s below 0.95: P=%.3f R=%.3f' % (name, p, r)
    assert polarity >= 0.90, 'polarity accuracy %.3f below 0.90' % polarity


def test_scores_002():
    check_bar(*score('002', '002'))


def test_scores_synthetic():
    check_bar(*score('synthetic_comparative', 'synthetic_comparative'))


def test_other_documents_have_no_cases_or_figure_findings():
    db = connect()
    for name in corpus_names():
        if name.startswith('002'):
            continue
        text = corpus(name[:3])
        assert db.execute('select count(*) from ibid_cases(?)', (text,)).fetchone()[0] == 0, name
        assert db.execute("select count(*) from ibid_findings(?) where source = 'figure'", (text,)).fetchone()[0] == 0, name
        assert db.execute('select count(*) from ibid_questions(?)', (text,)).fetchone()[0] == 0, name


def test_abstract_conclusions_in_000():
    rows = connect().execute('select finding, source from ibid_findings(?)', (corpus('000'),)).fetchall()
    assert any(r[0].startswith('We conclude that the antipreneur concept') for r in rows), rows


def test_spans_are_substrings():
    db = connect()
    text = corpus('002')
    for name, heading, start, length in db.execute('select name, heading, start, length from ibid_cases(?)', (text,)):
        assert text[start - 1:start - 1 + length].startswith(heading)
    for finding, start, length in db.execute(
            "select finding, start, length from ibid_findings(?) where source != 'figure'", (text,)):
        assert normalize(text[start - 1:start - 1 + length]) == normalize(finding)
    for start, length in db.execute('select citation_start, citation_length from ibid_evidence(?)', (text,)):
        cite = text[start - 1:start - 1 + length]
        assert cite.startswith('(') and cite.endswith(')') and re.search(r'\d{4}', cite), cite


def test_case_sections_cover_their_figures():
    db = connect()
    text = corpus('002')
    sections = db.execute('select name, start, length from ibid_cases(?)', (text,)).fetchall()
    darfur = [s for s in sections if s[0] == 'Darfur'][0]
    body = text[darfur[1] - 1:darfur[1] - 1 + darfur[2]]
    assert 'Figure 2. Findings Darfur case study' in body and 'Case 2:' not in body
    syria = [s for s in sections if s[0] == 'Syria'][0]
    assert 'Balance and conclusion' not in text[syria[1] - 1:syria[1] - 1 + syria[2]]


def test_evidence_of_a_figure_finding():
    db = connect()
    text = corpus('002')
    rows = db.execute('''select substr(?1, e.citation_start, e.citation_length)
                         from ibid_findings(?1) f join ibid_evidence(?1) e on e.finding = f.n
                         where f."case" = 'Darfur' and f.question = 'Q2'
                           and f.finding = 'Hindered humanitarian assistance' ''', (text,)).fetchall()
    assert ('(Wegner, 2016: 120)',) in rows, rows


def test_bad_input():
    db = connect()
    for text in ('', '\x00', 'Case 1: \n', 'Figure 1.\nQ1 \xa7 x\n', 'Q1: ?', '(' * 1000, 'Case study 1: X\n' * 500):
        for function in ('ibid_cases', 'ibid_questions', 'ibid_findings', 'ibid_evidence'):
            db.execute('select count(*) from %s(?)' % function, (text,)).fetchone()
    assert db.execute('select count(*) from ibid_findings(NULL)').fetchone()[0] == 0


def test_large_input_is_linear():
    """Rows counted at two sizes (time: bench/linearity.py)."""
    db = connect()
    text = corpus('002')
    one = db.execute('select count(*) from ibid_evidence(?)', (text * 4,)).fetchone()[0]
    many = db.execute('select count(*) from ibid_evidence(?)', (text * 40,)).fetchone()[0]  # ~2.4 MB
    assert 9 * one <= many <= 11 * one, (one, many)


def test_evidence_is_a_cites_row():
    """One citation detector: each evidence parenthesis names its first ibid_cites item."""
    db = connect()
    text = corpus('002')
    rows = db.execute('''select substr(?1, e.citation_start, e.citation_length), c.start, c.length
                         from ibid_evidence(?1) e left join ibid_cites(?1) c on c.n = e.cite
                         where e.kind = 'cite' ''', (text,)).fetchall()
    assert rows and all(r[1] is not None for r in rows), [r for r in rows if r[1] is None]
