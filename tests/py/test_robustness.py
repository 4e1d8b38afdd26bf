"""Bad input to every ibid function: a clear SQL error or a documented result, never a crash.

Functions are discovered from pragma_function_list / pragma_module_list, so a new
extractor is covered the moment it is registered. Each case runs in a fresh
process with a time limit, so a crash or a hang fails that case only.
"""
import os, sqlite3, subprocess, sys
from ibidtest import ROOT, connect

HUGE_MB = 5 if os.environ.get('IBID_SANITIZE') else 50
SKIP = {'ibid_init', 'ibid_version'}
# These read a file's raw bytes, so invalid UTF-8 is input they convert (as
# Windows-1252), not an error: docs/formats.md.
RAW_BYTES = {'ibid_format', 'ibid_convert'}
# These take a document id, not a text (tests/py/test_ingest_single_pass.py covers them).
DOCUMENT_ID = {'ibid_ingest', 'ibid_link'}


def scalar_functions():
    db = connect()
    return sorted({n for n, a in db.execute('select name, narg from pragma_function_list')
                   if n.startswith('ibid_') and a == 1 and n not in SKIP})


def table_functions():
    db = connect()
    plain = sqlite3.connect(':memory:')
    base = {n for (n,) in plain.execute('select name from pragma_module_list')}
    return sorted(n for (n,) in db.execute('select name from pragma_module_list')
                  if n.startswith('ibid_') and n not in base)


def call(expression_sql, argument, timeout=300):
    """Runs `expression_sql` with ? bound to argument in a child process; returns (ok, detail)."""
    code = r'''
import sqlite3, sys, pickle
sys.path.insert(0, 'tests/py')
from ibidtest import connect
argument = pickle.load(sys.stdin.buffer)
db = connect()
try:
    rows = db.execute(sys.argv[1], (argument,)).fetchall()
    print('rows', len(rows))
except sqlite3.Error as e:
    print('error', e)
'''
    import pickle
    try:
        r = subprocess.run([sys.executable, '-c', code, expression_sql], input=pickle.dumps(argument),
                           cwd=ROOT, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, 'timed out'
    out = r.stdout.decode('utf-8', 'replace').strip()
    if r.returncode != 0 or not out:
        return False, 'exit %d: %s' % (r.returncode, r.stderr.decode('utf-8', 'replace')[-1500:])
    return True, out


def statements():
    for f in scalar_functions():
        yield f, 'select %s(?)' % f
    for t in table_functions():
        if t not in DOCUMENT_ID:
            yield t, 'select count(*) from %s(?)' % t


def check_all(argument, expect):
    problems = []
    for name, sql in statements():
        ok, detail = call(sql, argument)
        if not ok or not expect(name, detail):
            problems.append('%s: %s' % (name, detail))
    assert not problems, '\n'.join(problems)


def test_null_gives_null_or_no_rows():
    check_all(None, lambda name, d: d in ('rows 1', 'rows 0') or d.startswith('rows'))


def test_integer_is_a_clear_error():
    check_all(42, lambda name, d: d.startswith('error') and name in d and 'integer' in d)


def test_invalid_utf8_error_names_the_byte_offset():
    bad = b'abc\xff\xfe def'
    check_all(bad, lambda name, d: (d == 'rows 1' if name in RAW_BYTES else
                                    d.startswith('error') and 'UTF-8' in d and 'byte 3' in d))


def rows_or_named_error(name, detail):
    """Rows, or (for a function whose argument must be e.g. JSON) an error naming it."""
    return detail.startswith('rows') or (detail.startswith('error') and name in detail)


def test_nul_bytes_and_empty_text():
    check_all('Ibid.\x00 p. 3 (Smith, 2001).\x00\n\n1 Note.', rows_or_named_error)
    check_all('', rows_or_named_error)


def test_huge_text():
    with open(os.path.join(ROOT, 'tests/corpus/002_d1db321f321bc449.txt'), encoding='utf-8') as f:
        seed = f.read()
    huge = (seed * (HUGE_MB * 1000000 // len(seed) + 1))[:HUGE_MB * 1000000]
    check_all(huge, rows_or_named_error)


def test_missing_argument_is_a_clear_error():
    db = connect()
    for name in table_functions():
        try:
            db.execute('select * from %s' % name).fetchall()
            raise AssertionError('%s without an argument gave rows' % name)
        except sqlite3.Error as e:
            assert 'missing argument' in str(e) and name in str(e), str(e)
