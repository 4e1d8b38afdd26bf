#!/usr/bin/python3
"""ibid test runner: `make test` runs it; it ends with the line `N passed, N failed`.

Phases, each a subprocess so a crash is one failure, not the end of the run:
  unit  build/test_*             C unit tests of the pure parsers (lines "ok NAME" / "not ok NAME: why")
  sql   tests/sql/*.sql          sqlean-style cases: every output line must end in "|1"
  docs  docs/*.md                every ```sql block followed by a ```text block is run and its
                                 output compared (tests/check_docs.py)
  py    tests/py/test_*.py       Python test functions, incl. the gold-data scorers (tests/py/harness.py)

Environment: IBID_EXTENSION (default ./ibid), IBID_UNIT_DIR (default build), IBID_SANITIZE=/path/libasan.so to run under
ASan+UBSan (make sanitize), IBID_ONLY=substring to run only matching files.
"""
import glob, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
PYTHON = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable
ONLY = os.environ.get('IBID_ONLY', '')
passed = failed = 0


def environment(leaks):
    env = dict(os.environ)
    env.setdefault('IBID_EXTENSION', './ibid')
    if os.environ.get('IBID_SANITIZE'):
        # The extension is preloaded too, so that it stays mapped when SQLite
        # unloads it at close: what its libraries (ICU) still reference at exit
        # is then reachable, not a false leak, and real leaks get symbolized.
        extension = os.path.join(ROOT, env['IBID_EXTENSION'] + '.so')
        env['LD_PRELOAD'] = os.environ['IBID_SANITIZE'] + ' ' + extension
        env['ASAN_OPTIONS'] = 'detect_leaks=%d:abort_on_error=0:exitcode=99' % leaks
        env['UBSAN_OPTIONS'] = 'print_stacktrace=1:halt_on_error=1:exitcode=98'
    return env


def report(name, ok, why=''):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('not ok %s%s' % (name, (': ' + why) if why else ''))


def run(command, leaks=1, stdin=None, timeout=600):
    try:
        return subprocess.run(command, input=stdin, capture_output=True, text=True,
                              env=environment(leaks), timeout=timeout, errors='replace')
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, -9, '', 'timed out after %ds' % timeout)


def tap_lines(name, result):
    """Counts "ok X" / "not ok X" lines; a crash or a non-zero exit without a failure line fails."""
    failures_before = failed
    seen = 0
    for line in result.stdout.splitlines():
        if line.startswith('ok '):
            report(line[3:], True)
            seen += 1
        elif line.startswith('not ok '):
            report(line[7:], False)
            seen += 1
        elif line.strip():
            print('  ' + line)
    if result.returncode != 0 and failed == failures_before:
        report(name, False, 'exit %d\n%s' % (result.returncode, result.stderr[-3000:]))
    elif seen == 0:
        report(name, False, 'ran no test\n' + result.stderr[-2000:])
    elif result.stderr.strip() and os.environ.get('IBID_SANITIZE'):
        if re.search(r'Sanitizer|runtime error', result.stderr):
            report(name + ' (sanitizer)', False, result.stderr[-3000:])


def phase_unit():
    for binary in sorted(glob.glob(os.environ.get('IBID_UNIT_DIR', 'build') + '/test_*')):
        if ONLY in binary:
            tap_lines(binary, run([binary]))


def phase_sql():
    extension = environment(1)['IBID_EXTENSION']
    for path in sorted(glob.glob('tests/sql/*.sql')):
        if ONLY not in path:
            continue
        with open(path, encoding='utf-8') as f:
            script = f.read().replace('.load ./ibid', '.load ' + extension)
        result = run(['sqlite3', '-batch', ':memory:'], stdin=script)
        base = os.path.basename(path)
        count = 0
        for line in result.stdout.splitlines():
            if not line.strip():
                continue
            count += 1
            case = line.split('|', 1)[0]
            report('%s %s' % (base, case), line.endswith('|1'), 'got ' + line)
        if result.stderr.strip():
            report(base + ' (stderr)', False, result.stderr[-3000:])
        if count == 0:
            report(base, False, 'no output')


def phase_docs():
    if glob.glob('docs/*.md'):
        tap_lines('tests/check_docs.py', run([PYTHON, 'tests/check_docs.py'], leaks=0))


def phase_py():
    for path in sorted(glob.glob('tests/py/test_*.py')):
        if ONLY in path:
            started = time.time()
            tap_lines(path, run([PYTHON, 'tests/py/harness.py', path], leaks=0, timeout=900))
            print('  %s: %.1f s' % (path, time.time() - started))


def main():
    started = time.time()
    for phase in (phase_unit, phase_sql, phase_docs, phase_py):
        phase()
    print('(%.1f s)' % (time.time() - started))
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
