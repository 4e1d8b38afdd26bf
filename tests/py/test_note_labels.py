"""Notes numbered 1000 to 9999 in a plain-text load (issue #12 item 8).

ibid_clean joins the wrapped lines of a plain text into paragraphs; a line that opens
with a note number starts a new one. A 4-digit number opens a note only in sequence,
right after the note before it (a gap of up to 3 numbers, lost to a page break, is
allowed), so that a line opening with a year or a count ("1998 was", "2000 People")
stays part of its paragraph.
"""
import random, textwrap
from ibidtest import connect

WORDS = ('the state court held that its power over crimes was limited by treaty and by '
         'the practice of other states in the region during that period').split()


def wrapped_document(count, seed=7, skip=()):
    """A hard-wrapped text (72 columns) with `count` paragraphs, each with a glued
    note marker, and its `count` numbered notes at the end, wrapped too."""
    rng = random.Random(seed)
    paragraphs = []
    for k in range(1, count + 1):
        sentence = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
        paragraphs.append(sentence.capitalize() + '.%d' % k)
    notes = []
    for k in range(1, count + 1):
        if k in skip:
            continue
        note = '%d. %s, The %s of %s (%s: %s Press, %d), p. %d.' % (
            k, rng.choice(['Smith', 'Okafor', 'Lindqvist', 'Moreau']),
            rng.choice(['History', 'Politics', 'Law']), rng.choice(['Courts', 'States', 'Treaties']),
            rng.choice(['Oxford', 'Lagos', 'Paris']), rng.choice(['University', 'City']),
            rng.randint(1950, 2020), rng.randint(1, 400))
        notes.append(textwrap.fill(note, 72))
    return ('A Title of the Paper\n\n' + '\n\n'.join(textwrap.fill(p, 72) for p in paragraphs) +
            '\n\nNotes\n\n' + '\n'.join(notes) + '\n')


def loaded_labels(db, text, path='notes.txt'):
    db.execute('insert into documents(path, raw) values (?, ?)', (path, text))
    document = db.execute('select id from documents where path = ?', (path,)).fetchone()[0]
    return [label for (label,) in db.execute(
        'select label from notes where document_id = ? order by n', (document,))]


def test_1200_footnotes_all_arrive_in_notes():
    db = connect()
    db.execute('select ibid_init()')
    labels = loaded_labels(db, wrapped_document(1200))
    assert labels == ['%d.' % k for k in range(1, 1201)], (len(labels), labels[995:1005])
    # each note holds its own reference and no other
    texts = [t for (t,) in db.execute('select text from notes order by n')]
    assert all(t.count(' Press, ') == 1 for t in texts), [t for t in texts if t.count(' Press, ') != 1][:3]


def test_a_gap_in_the_numbers_still_opens_the_next_note():
    db = connect()
    db.execute('select ibid_init()')
    labels = loaded_labels(db, wrapped_document(1100, skip={1050, 1051}))
    expected = ['%d.' % k for k in range(1, 1101) if k not in (1050, 1051)]
    assert labels == expected, [l for l in expected if l not in labels][:10]


def paragraph(first, opening):
    """A wrapped paragraph whose second line opens with `opening`."""
    return (first + '\n' + opening + ' the courts of the region and the practice\n'
            'of other states in the same period.\n')


def test_lines_opening_with_a_year_or_a_count_stay_in_their_paragraph():
    db = connect()
    text = ('A Title\n\n' +
            '\n'.join([
                paragraph('The history of the tribunal is long and its record is mixed, as the', '1998 was'),
                paragraph('The conference drew a crowd larger than any before it in the city; some', '2000 People saw'),
                paragraph('The report counted every case heard by the court since it opened in', '1999. The year of'),
                paragraph('The archive lists the cases in order of filing, one per line, and then', '1234 Records of'),
            ]))
    clean = db.execute('select ibid_clean(?)', (text,)).fetchone()[0]
    for opening in ('1998 was', '2000 People saw', '1999. The year of', '1234 Records of'):
        index = clean.index(opening)
        assert clean[index - 1] == ' ', (opening, clean[index - 20:index + 20])
    assert db.execute('select count(*) from ibid_notes(?)', (clean,)).fetchone() == (0,)


def test_a_4_digit_number_out_of_sequence_is_no_note():
    db = connect()
    # notes 1 to 3, then a wrapped line opening with "1999." far out of sequence
    text = ('A Title\n\nThe argument goes on for a while in this paragraph of the text and\n'
            'ends here.1 More text follows.2 And more.3\n\nNotes\n\n'
            '1. Smith, History of Courts (Oxford: University Press, 1990), p. 3.\n'
            '2. Jones, Politics of Law (Paris: City Press, 1991), p. 4. This note is long and\n'
            '1999. The year it was written is on its title page, as the editors say.\n'
            '3. Brown, Law of States (Lagos: City Press, 1992), p. 5.\n')
    clean = db.execute('select ibid_clean(?)', (text,)).fetchone()[0]
    labels = [label for (label,) in db.execute('select label from ibid_notes(?)', (clean,))]
    assert labels == ['1.', '2.', '3.'], labels
