#!/usr/bin/python3
"""Scores how ibid_references cuts a reference section into entries, on GROBID's
reference-segmenter gold (../shared/eval/grobid/reference-segmenter/{corpus,evaluation}/tei).

Each <bibl> is one entry, <lb/> a line end. The lines are given to ibid_references under a
"References" heading; a predicted entry counts when its text (spaces squashed) equals a gold
entry's. Prints precision, recall, F1 per file and overall.

Usage: segmenter_eval.py [--ext ./ibid] [--show N] DIR_OR_FILE ...
"""
import glob, os, re, sqlite3, sys, zlib
import xml.etree.ElementTree as ET


def split(path):
    """'heldout' for a quarter of the files (CRC-32 of the file name), else 'dev': the list
    finder is developed on the dev files; the held-out ones are scored only."""
    return 'heldout' if zlib.crc32(os.path.basename(path).encode()) % 4 == 0 else 'dev'


def squash(text):
    return re.sub(r'\s+', ' ', text).strip()


def element_text(el):
    """Text of el with <lb/> as a newline."""
    parts = [el.text or '']
    for child in el:
        if child.tag.endswith('lb'):
            parts.append('\n')
        else:
            parts.append(element_text(child))
        parts.append(child.tail or '')
    return ''.join(parts)


def load(path):
    """(document text, [gold entry texts])."""
    root = ET.parse(path).getroot()
    lists = [el for el in root.iter() if el.tag.endswith('listBibl')]
    gold, chunks = [], []
    for lst in lists:
        chunks.append(lst.text or '')
        for child in lst:
            if child.tag.endswith('bibl'):
                body = element_text(child)
                gold.append(squash(body))
                chunks.append(body)
            else:
                chunks.append(element_text(child))
            chunks.append(child.tail or '')
    text = ''.join(chunks)
    lines = [line.strip() for line in text.split('\n')]
    return 'References\n' + '\n'.join(line for line in lines if line) + '\n', [g for g in gold if g]


def score(db, paths, show=0):
    total = [0, 0, 0]
    rows = []
    for path in paths:
        text, gold = load(path)
        predicted = [squash(row[0]) for row in
                     db.execute('SELECT text FROM ibid_reference_entries(?)', (text,))]
        gold_set = {}
        for g in gold:
            gold_set[g] = gold_set.get(g, 0) + 1
        tp = 0
        for p in predicted:
            if gold_set.get(p):
                gold_set[p] -= 1
                tp += 1
            elif show > 0:
                show -= 1
                print('  wrong %s: %s' % (os.path.basename(path)[:30], p[:150]))
        rows.append((os.path.basename(path), len(gold), len(predicted), tp))
        total[0] += len(gold)
        total[1] += len(predicted)
        total[2] += tp
    return rows, total


def prf(gold, predicted, tp):
    p = tp / predicted if predicted else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv):
    ext, show, targets = './ibid', 0, []
    args = iter(argv)
    for a in args:
        if a == '--ext':
            ext = next(args)
        elif a == '--show':
            show = int(next(args))
        else:
            targets.append(a)
    paths = []
    for t in targets:
        paths += sorted(glob.glob(os.path.join(t, '*.xml'))) if os.path.isdir(t) else [t]
    db = sqlite3.connect(':memory:')
    db.enable_load_extension(True)
    db.load_extension(ext)
    rows, total = score(db, paths, show)
    if len(rows) <= 10:
        for name, g, pr, tp in rows:
            print('%-60s %5d %5d  P %.3f R %.3f F1 %.3f' % ((name[:60], g, pr) + prf(g, pr, tp)))
    print('overall %d gold, %d predicted: P %.3f R %.3f F1 %.3f' % ((total[0], total[1]) + prf(*total)))


if __name__ == '__main__':
    main(sys.argv[1:])
