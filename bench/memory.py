#!/usr/bin/python3
"""Peak memory and database size of one INSERT, per document byte, and its MB/s.

For each kind (text, HTML, JATS) a document of IBID_BENCH_MB megabytes (default
10) made of the sample corpus is loaded into a fresh database file, each in a
child process so that peak RSS (getrusage ru_maxrss) is that INSERT's alone.
Prints the input size, seconds, MB/s, peak RSS above the process before the
INSERT as a multiple of the document, SQLite's own allocation high-water mark
(every ibid allocation goes through sqlite3_malloc) as a multiple, and the
database size as a multiple. Targets (issue 12): database < 20x.
"""
import os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = float(os.environ.get('IBID_BENCH_MB', '10'))

CHILD = r'''
import ctypes, ctypes.util, os, resource, sqlite3, sys, time
kind, mb, path, root = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(os.path.join(root, 'tests/corpus/002_d1db321f321bc449.txt'), encoding='utf-8') as f:
    seed = f.read()
n = int(mb * 1e6)
fill = lambda unit: (unit * (n // len(unit) + 1))[:n]
paragraphs = [p.replace('&', '&amp;').replace('<', '&lt;') for p in seed.split('\n\n') if p.strip()]
body = ''.join('<p>%s</p>\n' % p for p in paragraphs)
document = {
    'text': lambda: fill(seed),
    'html': lambda: '<html><body><article>' + fill(body) + '</article></body></html>',
    'jats': lambda: ('<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
                     '</article-title></title-group></article-meta></front><body><sec>' + fill(body) +
                     '</sec></body></article>'),
}[kind]().encode()
lib = ctypes.CDLL(ctypes.util.find_library('sqlite3') or 'libsqlite3.so.0')
lib.sqlite3_memory_highwater.restype = ctypes.c_int64
lib.sqlite3_memory_used.restype = ctypes.c_int64
db = sqlite3.connect(path)
db.enable_load_extension(True)
db.load_extension(os.path.join(root, 'ibid'))
db.execute('select ibid_init()')
db.commit()
empty = os.path.getsize(path)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
used = lib.sqlite3_memory_used()
lib.sqlite3_memory_highwater(1)
started = time.perf_counter()
db.execute('insert into documents(path, raw) values (?, ?)', (kind, document))
db.commit()
seconds = time.perf_counter() - started
high = lib.sqlite3_memory_highwater(0) - used
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
size = len(document)
print('%-6s %6.1f MB %7.2f s %6.2f MB/s  peak RSS +%.1fx  SQLite heap %.1fx  database %.1fx' % (
    kind, size / 1e6, seconds, size / 1e6 / seconds, (peak - before) / size, high / size,
    (os.path.getsize(path) - empty) / size))
'''


def main():
    print('one INSERT per kind, %.0f MB documents (IBID_BENCH_MB)' % MB)
    for kind in ('text', 'html', 'jats'):
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([sys.executable, '-c', CHILD, kind, str(MB), os.path.join(folder, 'bench.db'), ROOT],
                           check=True)


if __name__ == '__main__':
    main()
