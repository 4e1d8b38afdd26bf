#!/usr/bin/python3
"""Runs the examples in docs/*.md and README.md and checks their printed output.

An example is a ```sql block immediately followed (blank lines allowed) by a ```text block.
The sql block runs in the sqlite3 shell (list mode, `|` between columns, no headers) on a
fresh in-memory database with ibid loaded, from the repository root; its output must equal
the text block, line for line, trailing spaces ignored. Prints "ok"/"not ok" per example.
"""
import glob, os, re, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
EXTENSION = os.environ.get('IBID_EXTENSION', './ibid')
BLOCK = re.compile(r'```sql\n(.*?)```\s*\n```text\n(.*?)```', re.S)


def main():
    for path in sorted(glob.glob('docs/*.md')) + ['README.md']:
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for number, match in enumerate(BLOCK.finditer(text), 1):
            sql, expected = match.group(1), match.group(2)
            line = text.count('\n', 0, match.start()) + 1
            script = '.load %s\n%s' % (EXTENSION, sql)
            result = subprocess.run(['sqlite3', '-batch', ':memory:'], input=script,
                                    capture_output=True, text=True, errors='replace')
            got = [l.rstrip() for l in (result.stdout + result.stderr).rstrip('\n').split('\n')]
            want = [l.rstrip() for l in expected.rstrip('\n').split('\n')]
            name = '%s:%d example %d' % (path, line, number)
            if got == want:
                print('ok ' + name)
            else:
                print('not ok %s:\n    expected: %r\n    got:      %r' % (name, want, got))


if __name__ == '__main__':
    main()
