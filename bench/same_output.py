#!/usr/bin/python3
"""Checks that two builds of ibid give the same output, function by function.

  /usr/bin/python3 bench/same_output.py BASELINE.so [FOLDER ...]

Runs every function the ingest trigger calls (ibid_convert, ibid_meta,
ibid_blocks, ibid_sentences, ibid_notes, ibid_markers, ibid_cites,
ibid_references, ...) and the FTS5 tokenizer (the tokens and offsets of an
fts5vocab instance table) over each file under the folders (default:
tests/ and ../shared/eval/) with this tree's ibid.so and with BASELINE,
and reports any difference. A speed-up must leave all of them equal.
"""
import os, sqlite3, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUNCTIONS = ['ibid_blocks', 'ibid_sentences', 'ibid_notes', 'ibid_markers', 'ibid_cites',
             'ibid_references', 'ibid_reference_entries', 'ibid_reference_links',
             'ibid_cases', 'ibid_questions', 'ibid_findings', 'ibid_claims', 'ibid_entities',
             'ibid_events']
SCALARS = ['ibid_convert(:raw)', 'ibid_meta(:raw)', 'ibid_meta(:body)', 'ibid_clean(:raw)']


def connect(extension):
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.execute("create virtual table ft using fts5(text, tokenize = 'ibid')")
    db.execute("create virtual table ft_vocab using fts5vocab(ft, 'instance')")
    return db


def outputs(db, raw):
    out = {}
    for expression in SCALARS:
        try:
            out[expression] = db.execute('select ' + expression, {'raw': raw}).fetchone()
        except sqlite3.Error as error:
            out[expression] = 'error: %s' % error
    try:
        body = db.execute("select ibid_convert(?1) ->> '$.body'", (raw,)).fetchone()[0]
    except sqlite3.Error:
        body = raw
    for name in FUNCTIONS:
        try:
            out[name] = db.execute('select * from %s(?1)' % name, (body,)).fetchall()
        except sqlite3.Error as error:
            out[name] = 'error: %s' % error
    db.execute('delete from ft')
    db.execute('insert into ft(rowid, text) values (1, ?1)', (body,))
    out['fts5 tokens'] = db.execute('select term, col, offset from ft_vocab '
                                    'order by offset, term').fetchall()
    return out


def files(folders):
    for folder in folders:
        for directory, _, names in os.walk(folder):
            for name in sorted(names):
                path = os.path.join(directory, name)
                if os.path.getsize(path) <= 2_000_000:
                    yield path


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folders = sys.argv[2:] or [os.path.join(ROOT, 'tests'),
                               os.path.join(ROOT, '..', 'shared', 'eval')]
    this, baseline = connect(os.path.join(ROOT, 'ibid')), connect(sys.argv[1])
    checked = differ = 0
    for path in files(folders):
        with open(path, 'rb') as f:
            data = f.read()
        try:
            raw = data.decode('utf-8')
        except UnicodeDecodeError:
            continue
        if '\0' in raw:
            continue
        a, b = outputs(this, raw), outputs(baseline, raw)
        checked += 1
        for key in a:
            if a[key] != b[key]:
                differ += 1
                print('DIFFERS: %s on %s' % (key, os.path.relpath(path, ROOT)))
    print('%d files, %d differences' % (checked, differ))
    sys.exit(1 if differ else 0)


if __name__ == '__main__':
    main()
