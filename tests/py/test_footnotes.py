"""Footnoted documents in OSCOLA, Bluebook (HTML), German, French and Chicago style
(tests/footnotes/, hand-checked gold): every note's references, every Ibid./short form
resolved to the right note and item, refs agreeing with notes, citations following them,
legal and journal citations right field by field. dev/ was used to write the rules;
heldout/ and heldout2/ were scored after (see tests/footnotes/README.md)."""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'footnotes'))
from score import score  # noqa: E402
from ibidtest import print_scores  # noqa: E402

BARS = {'citing notes': 1.0, 'short forms resolved': 1.0, 'refs agree with notes': 1.0,
        'citations follow': 1.0, 'legal/journal fields': 0.9, 'other fields': 0.0,
        'author-year cites': 1.0, 'cites linked to entry': 1.0}


def check(part, bars):
    totals, problems = score(part)
    rows = [(name, total, right / total if total else 1.0, right / total if total else 1.0,
             right / total if total else 1.0) for name, (right, total) in totals.items()]
    print_scores('tests/footnotes/%s (share right)' % part, rows)
    for p in problems:
        print('      - ' + p)
    for name, (right, total) in totals.items():
        assert total == 0 or right / total >= bars[name], (part, name, right, total)


def test_dev():
    check('dev', BARS)


def test_heldout():
    check('heldout', BARS)
