"""The extension loads where the README says it does, and says clearly where it cannot."""
import os, subprocess
from ibidtest import ROOT, connect

PYENV_LIKE = [p for p in ('/root/.pyenv/shims/python3', '/usr/local/bin/python3')
              if os.path.exists(p)]

SNIPPET = '''
import sqlite3, sys
db = sqlite3.connect(':memory:')
if not hasattr(db, 'enable_load_extension'):
    sys.exit('ibid: this Python (%s) was built without SQLite extension loading; '
             'use Debian\\'s /usr/bin/python3 (apt-get install python3)' % sys.executable)
db.enable_load_extension(True)
db.load_extension('./ibid')
print(db.execute('select ibid_version()').fetchone()[0])
'''


def version():
    """What ibid_version() says: the VERSION file, then the formats built in."""
    with open(os.path.join(ROOT, 'VERSION')) as f:
        number = f.read().strip()
    pdf = subprocess.run(['pkg-config', '--exists', 'poppler-glib']).returncode == 0
    return '%s (formats: text html jats tei%s)' % (number, ' pdf' if pdf else '')


def test_sqlite3_shell_loads():
    result = subprocess.run(['sqlite3', ':memory:', '.load ./ibid', 'select ibid_version();'],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == version(), result.stderr


def test_python_loads():
    assert connect().execute('select ibid_version()').fetchone()[0] == version()


def test_debian_python_snippet():
    result = subprocess.run(['/usr/bin/python3', '-c', SNIPPET], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == version(), result.stderr


def test_python_without_extension_loading_gets_a_clear_message():
    # Skipped (passes) on a machine that has no such Python.
    for python in PYENV_LIKE:
        probe = subprocess.run([python, '-c', 'import sqlite3; print(hasattr(sqlite3.connect(":memory:"), "enable_load_extension"))'],
                               capture_output=True, text=True)
        if probe.stdout.strip() != 'False':
            continue
        result = subprocess.run([python, '-c', SNIPPET], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode != 0
        assert 'built without SQLite extension loading' in result.stderr, result.stderr


def test_registered_functions_and_flags():
    """The exact list of functions and modules the extension adds, with their flags."""
    db = connect()
    plain = __import__('sqlite3').connect(':memory:')
    before = {r for r in plain.execute('select name from pragma_function_list')}
    rows = db.execute('select name, narg, flags from pragma_function_list').fetchall()
    ours = sorted({(n, a, f) for n, a, f in rows if n.startswith('ibid')})
    deterministic, directonly, innocuous = 0x800, 0x80000, 0x200000
    for name, narg, flags in ours:
        if name in ('ibid_init', 'ibid_pdf_limits'):  # they change the connection
            assert flags & directonly and not flags & innocuous, (name, hex(flags))
        else:
            assert flags & deterministic and flags & innocuous, (name, hex(flags))
    names = {n for n, _, _ in ours}
    extra = {n for (n,) in db.execute('select name from pragma_function_list')} - {n for (n,) in before} - names
    assert not extra, 'functions registered without the ibid_ prefix: %s' % extra
    modules = {n for (n,) in db.execute('select name from pragma_module_list')}
    plain_modules = {n for (n,) in plain.execute('select name from pragma_module_list')}
    assert all(m.startswith('ibid_') for m in modules - plain_modules), modules - plain_modules
