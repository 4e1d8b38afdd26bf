#!/usr/bin/python3
"""Checks that two builds of ibid store the same corpus, table by table.

  /usr/bin/python3 bench/same_db.py BASELINE.so [FOLDER ...]

Loads every file under the folders (default: tests/ and ../shared/eval/) into a
fresh corpus database (`INSERT INTO documents(path, raw)`, in one transaction)
once with this tree's ibid.so and once with BASELINE, each in a process of its
own, then compares every table of the two databases row by row (the `added`
timestamp of documents left out) and the full-text index's vocabulary (every
term instance, through an fts5vocab table). Prints each table's row count and
any difference; exits 1 when the two differ. A speed-up of ingest must leave
all of it equal.
"""
import os, sqlite3, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IGNORED_COLUMNS = {('documents', 'added')}


def files(folders):
    out = []
    for folder in folders:
        for base, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                out.append(os.path.join(base, name))
    return out


def load(extension, database, folders):
    """Runs in a child process: builds the corpus database with one build."""
    db = sqlite3.connect(database)
    db.enable_load_extension(True)
    db.load_extension(extension)
    db.execute('select ibid_init()')
    with db:
        for path in files(folders):
            with open(path, 'rb') as f:
                raw = f.read()
            rel = os.path.relpath(path, ROOT)
            try:
                db.execute('insert into documents(path, raw) values (?, ?)', (rel, raw))
            except sqlite3.Error as e:
                print('load error: %s: %s' % (rel, e))
    db.close()


def tables(db):
    return [r[0] for r in db.execute(
        "select name from sqlite_schema where type = 'table' and sql not like 'CREATE VIRTUAL%' "
        "and name not like 'sqlite_%' order by name")]


def rows(db, table):
    columns = [r[1] for r in db.execute('pragma table_info("%s")' % table)
               if (table, r[1]) not in IGNORED_COLUMNS]
    sql = 'select %s from "%s" order by rowid' % (', '.join('"%s"' % c for c in columns), table)
    try:
        return columns, db.execute(sql).fetchall()
    except sqlite3.OperationalError:  # WITHOUT ROWID
        return columns, sorted(db.execute(sql.replace(' order by rowid', '')).fetchall(), key=repr)


def vocabulary(db):
    db.execute("create virtual table temp.v using fts5vocab(main, fulltext, 'instance')")
    return db.execute('select term, doc, col, offset from temp.v').fetchall()


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    if sys.argv[1] == '--load':
        load(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    baseline = os.path.abspath(sys.argv[1])
    folders = sys.argv[2:] or [os.path.join(ROOT, 'tests'),
                               os.path.join(ROOT, '..', 'shared', 'eval')]
    new = os.path.join(ROOT, 'ibid.so')
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        procs = []
        for name, extension in (('new', new), ('baseline', baseline)):
            path = os.path.join(folder, name + '.db')
            paths.append(path)
            procs.append(subprocess.Popen([sys.executable, os.path.abspath(__file__), '--load',
                                           extension, path] + folders))
        for p in procs:
            if p.wait() != 0:
                raise SystemExit('a load failed')
        a, b = sqlite3.connect(paths[0]), sqlite3.connect(paths[1])
        for db in (a, b):  # (one build reads both: fulltext's tokenizer, to open the index)
            db.enable_load_extension(True)
            db.load_extension(new)
        differ = 0
        names = tables(a)
        if names != tables(b):
            print('tables differ: %s / %s' % (names, tables(b)))
            differ += 1
        for table in names:
            ca, ra = rows(a, table)
            cb, rb = rows(b, table)
            same = ca == cb and ra == rb
            print('%-28s %8d rows %s' % (table, len(ra), 'same' if same else 'DIFFER'))
            if not same:
                differ += 1
                if ca != cb:
                    print('  columns: %s / %s' % (ca, cb))
                for i, (x, y) in enumerate(zip(ra, rb)):
                    if x != y:
                        print('  first difference at row %d:\n    new:      %r\n    baseline: %r'
                              % (i, x, y))
                        break
                if len(ra) != len(rb):
                    print('  row counts %d / %d' % (len(ra), len(rb)))
        va, vb = vocabulary(a), vocabulary(b)
        print('%-28s %8d instances %s' % ('fulltext vocabulary', len(va),
                                         'same' if va == vb else 'DIFFER'))
        differ += va != vb
        print('%d files; %s' % (len(files(folders)),
                                'same' if not differ else '%d differences' % differ))
        sys.exit(1 if differ else 0)


if __name__ == '__main__':
    main()
