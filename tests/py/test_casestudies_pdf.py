"""Case studies as PDFs, through the whole pipeline: tests/casestudies/pdf/*.pdf (made by
tests/formats/pdf/make_casepdfs.py from tests/casestudies/pdf/papers.py) each carry a
comparative table whose columns are the cases, set at fixed positions with no rules and no
tab characters, as typeset PDFs have them. The PDF is read into its body (the table's rows
become tab-separated rows) and scored with the same rules as tests/casestudies/*.txt:
cases, questions, findings with their case and question, planted claims. The dev paper may
be looked at while changing the reader or the rules; the held-out one is scored only."""
import json, os
import test_casestudies as casestudies
from ibidtest import ROOT, connect

FOLDER = os.path.join(ROOT, 'tests', 'casestudies', 'pdf')


def pdf_documents(split):
    db = connect()
    for name in sorted(os.listdir(FOLDER)):
        if not name.endswith('.json'):
            continue
        with open(os.path.join(FOLDER, name), encoding='utf-8') as f:
            gold = json.load(f)
        if gold['split'] != split:
            continue
        with open(os.path.join(FOLDER, name[:-5] + '.pdf'), 'rb') as f:
            body, error = db.execute("SELECT j ->> '$.body', j ->> '$.error' FROM "
                                     "(SELECT ibid_convert(?) AS j)", (f.read(),)).fetchone()
        assert error is None and body, (name, error)
        yield name[:-5], body, gold


def test_pdf_case_studies():
    from test_pdf import skip_without_poppler
    if not skip_without_poppler():
        return
    for split in ('dev', 'heldout'):
        t, cases, questions, ratio = casestudies.report(split + ' (PDF)', pdf_documents(split))
        assert cases[2] >= 0.9 and questions[2] >= 0.9, (split, cases, questions)
        assert ratio(t['with_case'], t['case_gold']) >= 0.8, split
        assert t['foreign_case'] == 0, split
        if split == 'dev':
            assert t['flagged'] == t['claims']
