"""House rules that a grep can check (issue #12 item 9): no test reads a clock.

Speed is measured in bench/ (bench/linearity.py); tests count work -- rows, characters,
loop steps -- so a loaded machine cannot fail them. Sleeping (to hold a lock) and
subprocess time limits (a hang guard) are not clock readings and are allowed.
"""
import glob, os, re
from ibidtest import ROOT

CLOCK = re.compile(r'\btime\.(time|perf_counter|monotonic|process_time|thread_time)(_ns)?\s*\(|'
                   r'\b(clock|clock_gettime|gettimeofday|time)\s*\(\s*(NULL|0|CLOCK_[A-Z_]+,[^)]*)?\s*\)'
                   r'|\bdatetime\.now\s*\(')


def test_no_test_reads_the_clock():
    files = glob.glob(os.path.join(ROOT, 'tests', 'py', 'test_*.py')) + \
        glob.glob(os.path.join(ROOT, 'tests', 'unit', '*.c')) + glob.glob(os.path.join(ROOT, 'tests', 'sql', '*'))
    problems = []
    for path in sorted(files):
        if path.endswith('test_rules.py'):
            continue
        with open(path, encoding='utf-8', errors='replace') as f:
            for number, line in enumerate(f, 1):
                if CLOCK.search(line):
                    problems.append('%s:%d: %s' % (os.path.relpath(path, ROOT), number, line.strip()))
    assert not problems, 'tests reading the clock (count work, or move it to bench/):\n' + '\n'.join(problems)
