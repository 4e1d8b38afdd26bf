"""Shared helpers for tests/py: a connection with ibid loaded, corpus files, P/R scoring."""
import os, re, sqlite3

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, 'tests', 'corpus')
GOLD = os.path.join(ROOT, 'tests', 'gold')
EXTENSION = os.environ.get('IBID_EXTENSION', './ibid')


def connect(path=':memory:'):
    """A sqlite3 connection with the ibid extension loaded."""
    db = sqlite3.connect(path)
    db.enable_load_extension(True)
    db.load_extension(os.path.join(ROOT, EXTENSION) if EXTENSION.startswith('./') else EXTENSION)
    db.enable_load_extension(False)
    return db


def corpus(prefix):
    """Text of the corpus file whose name starts with prefix ("002")."""
    for name in sorted(os.listdir(CORPUS)):
        if name.startswith(prefix) and name.endswith('.txt'):
            with open(os.path.join(CORPUS, name), encoding='utf-8') as f:
                return f.read()
    raise FileNotFoundError(prefix)


def corpus_names():
    return sorted(n for n in os.listdir(CORPUS) if n.endswith('.txt'))


def loaded():
    """A connection with the schema and the sample corpus loaded, one INSERT per file."""
    db = connect()
    db.execute('select ibid_init()')
    for name in corpus_names():
        with open(os.path.join(CORPUS, name), 'rb') as f:
            db.execute('insert into documents(path, raw) values (?, ?)', ('tests/corpus/' + name, f.read()))
    db.commit()
    return db


def prf(gold, predicted):
    """Precision, recall, F1 of two collections of hashable items (multisets)."""
    from collections import Counter
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else (1.0 if not g else 0.0)
    recall = tp / sum(g.values()) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def squash(text):
    """text with every run of white space one space, and none at the ends."""
    return re.sub(r'\s+', ' ', text).strip()


def read_entry_pairs(path):
    """A gold file of reference entries, one a line: "first words ||| last words" (the last
    words optional) -> [(start, end)]; [] when there is no such file."""
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [tuple(squash(part) for part in (line.split('|||') + [''])[:2])
                for line in f if line.strip()]


def match_entries(name, gold, predicted):
    """How many predicted entries match a gold (start, end) pair: each matches the next
    unmatched gold entry it begins with and ends with. Prints the extra and missed ones."""
    matched, used = 0, set()
    for p in predicted:
        for g, (start, end) in enumerate(gold):
            if g not in used and p.startswith(start) and p.endswith(end):
                used.add(g)
                matched += 1
                break
        else:
            print('    extra  %s: %s' % (name, p[:70]))
    for g, (start, end) in enumerate(gold):
        if g not in used:
            print('    missed %s: %s' % (name, start))
    return matched


def prf_counts(gold, predicted, matched):
    """Precision, recall, F1 from counts: gold items, predicted items, predicted that match."""
    p = matched / predicted if predicted else 1.0
    r = matched / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_scores(title, rows):
    """rows: [(name, gold_count, precision, recall, f1)] printed as an indented table."""
    print('  %s' % title)
    print('    %-28s %6s %6s %6s %6s' % ('', 'gold', 'P', 'R', 'F1'))
    for name, count, p, r, f in rows:
        print('    %-28s %6d %6.3f %6.3f %6.3f' % (name, count, p, r, f))
