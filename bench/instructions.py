#!/usr/bin/python3
"""Ingest and floor in instructions per document, under callgrind: a repeatable ratio.

  /usr/bin/python3 bench/instructions.py [N] [BASELINE_EXTENSION]

The CPU-time ratio bench/ingest.py prints moves by a third from run to run on a shared
machine; instruction counts do not (callgrind counts the same total for the same binary
and inputs whatever else the machine does). Runs bench/ingest.py's loading phase (the
seed corpus scaled to N documents, default 200, and to N/4) under valgrind's callgrind,
for the corpus ingest and for the floor (a plain table with a unicode61 FTS5 index), and
prints instructions per document as the difference between the two sizes divided by the
documents between them (so the Python interpreter's start-up and the schema cancel out),
and the ratio. With a baseline extension, its ingest is counted too.
Needs valgrind; takes about a minute per 100 documents.
"""
import os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(kind, n, extension=None):
    env = dict(os.environ)
    if extension:
        env['IBID_BENCH_EXTENSION'] = extension
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, 'callgrind.out')
        subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out,
                        sys.executable, os.path.join(ROOT, 'bench', 'ingest.py'), '--phase',
                        kind, str(n), folder], check=True, env=env, capture_output=True)
        with open(out) as f:
            for line in f:
                m = re.match(r'(?:summary|totals): (\d+)', line)
                if m:
                    return int(m.group(1))
    raise SystemExit('no totals in the callgrind output')


def per_document(kind, n, extension=None):
    small = max(1, n // 4)
    return (instructions(kind, n, extension) - instructions(kind, small, extension)) / (n - small)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    baseline = sys.argv[2] if len(sys.argv) > 2 else None
    floor = per_document('floor', n)
    ingest = per_document('ingest', n)
    print('instructions per document (callgrind, %d - %d documents):' % (n, max(1, n // 4)))
    print('  floor (table + FTS5 unicode61): %.2fM' % (floor / 1e6))
    print('  corpus ingest:                  %.2fM  ingest / floor %.2fx' % (ingest / 1e6,
                                                                        ingest / floor))
    if baseline:
        base = per_document('ingest', n, baseline)
        print('  baseline ingest (%s): %.2fM  %.2fx; this / baseline %.3f' % (
            baseline, base / 1e6, base / floor, ingest / base))


if __name__ == '__main__':
    main()
