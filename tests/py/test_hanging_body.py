"""Reference lists in hanging indents (first line at the margin, the rest indented), as
hard-wrapped text gives them: the entries are cut on the converted body
(ibid_convert(text) ->> '$.body'), where the text cleaner has unwrapped the lines into
paragraphs, not on the raw text (test_reflists.py does that).

tests/refs/hanging/dev (development) and tests/refs/hanging/heldout (scored only): NAME.txt,
NAME.gold (one entry a line: "first words ||| last words"), and NAME.keep (paragraphs of the
body that must stay whole: "first words ||| last words" of one body paragraph, so that
indented paragraphs, block quotes and indented lists keep their lines together)."""
import glob, os
from ibidtest import connect, match_entries, print_scores, prf_counts as prf, read_entry_pairs as read_pairs, squash, ROOT

HANGING = os.path.join(ROOT, 'tests', 'refs', 'hanging')


def body_of(db, path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    return db.execute("SELECT ibid_convert(?) ->> '$.body'", (text,)).fetchone()[0]


def score_document(db, path):
    """(gold, predicted, matched) for the entries cut from the body, and the .keep
    paragraphs not found whole in the body."""
    body = body_of(db, path)
    gold = read_pairs(path[:-4] + '.gold')
    predicted = [squash(row[0]) for row in
                 db.execute('SELECT text FROM ibid_reference_entries(?)', (body,))]
    matched = match_entries(os.path.basename(path), gold, predicted)
    paragraphs = [squash(p) for p in body.split('\n\n')]
    broken = [start for start, end in read_pairs(path[:-4] + '.keep')
              if not any(p.startswith(start) and p.endswith(end) for p in paragraphs)]
    return len(gold), len(predicted), matched, broken


def score_part(db, part):
    rows, total, broken = [], [0, 0, 0], []
    for path in sorted(glob.glob(os.path.join(HANGING, part, '*.txt'))):
        *counts, lost = score_document(db, path)
        for k in range(3):
            total[k] += counts[k]
        broken += ['%s: %s' % (os.path.basename(path), start) for start in lost]
        rows.append((os.path.basename(path)[:-4], counts[0]) + prf(*counts))
    rows.append(('%s: all' % part, total[0]) + prf(*total))
    return rows, total, broken


def test_hanging_entries_on_body():
    db = connect()
    failures = []
    for part in ('dev', 'heldout'):
        rows, total, broken = score_part(db, part)
        print_scores('reference entries of the body, tests/refs/hanging/%s' % part, rows)
        for b in broken:
            print('    paragraph broken or joined: %s' % b)
        p, r, _ = prf(*total)
        if min(p, r) < 0.9:
            failures.append((part, round(p, 3), round(r, 3)))
        failures += broken
    assert not failures, failures


def test_apa_wrapped_body_keeps_entries():
    """The author-year sample in hanging indents: as many entries on the body as on the
    raw text."""
    db = connect()
    path = os.path.join(ROOT, 'tests', 'refs', 'links', 'authoryear', 'dev',
                        'en_apa_health_wrapped.txt')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    raw = db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (text,)).fetchone()[0]
    body = body_of(db, path)
    cut = db.execute('SELECT count(*) FROM ibid_reference_entries(?)', (body,)).fetchone()[0]
    assert cut == raw, (cut, raw)


# A paragraph after a blank line that ends a run of single-spaced hanging blocks (a
# definition, a transcript) is not a run of one-line entries: it stays whole.
AFTER_HANGING = [
    ("""Emissions trading has become the main instrument of climate policy in many
countries, and its design has changed a great deal since it was first used.

Abatement: the reduction of emissions by any of the measures listed in
    the annex to the regulation and in the guidance issued under it.

The scheme began in 2005 and has been reformed three times since then.
Prices fell sharply in 2008 when demand for allowances collapsed early.
Since then they have recovered, and the cap has been tightened each year
by a fixed share of the allowances issued in the first trading period.
""", ['Abatement: the ||| issued under it.',
      'The scheme began ||| first trading period.']),
    ("""The hearing resumed after lunch and the committee heard two witnesses on
the proposal, both of whom had given written evidence before the session.

MR SMITH: We have looked at the figures again and we still think they are
    too low for the districts in the north of the country this winter.
MS JONES: The department does not accept that, and it has said so twice
    in writing to the committee since the consultation closed in March.

The committee adjourned at four and will meet again on Thursday morning.
Its report is due in the spring, after the remaining hearings are held.
Members said they expected the report to recommend further changes to
the way in which the allowances for the northern districts are set out.
""", ['MR SMITH: We ||| this winter.', 'MS JONES: The ||| closed in March.',
      'The committee adjourned ||| are set out.']),
]


def test_paragraph_after_hanging_blocks_stays_whole():
    db = connect()
    for text, keep in AFTER_HANGING:
        for sql in ("SELECT ibid_clean(?)", "SELECT ibid_convert(?) ->> '$.body'"):
            paragraphs = [squash(p) for p in db.execute(sql, (text,)).fetchone()[0].split('\n\n')]
            for pair in keep:
                start, end = (squash(part) for part in pair.split('|||'))
                assert any(p.startswith(start) and p.endswith(end) for p in paragraphs), \
                    (sql, start, paragraphs)
