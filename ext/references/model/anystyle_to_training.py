#!/usr/bin/python3
"""Converts AnyStyle parser XML (<dataset><sequence><author>..</author>..</sequence>) into
the training text read by train_refmodel: one line per segment, "label<TAB>text" (text with
whitespace collapsed, the reference being the segments joined by single spaces), and an
empty line after each reference. Labels outside the model's set become "other".

Usage: anystyle_to_training.py FILE.xml [--exclude SEEN.xml] > training.txt
"""
import sys
import xml.etree.ElementTree as ET

LABELS = {'author', 'editor', 'translator', 'title', 'journal', 'container-title',
          'collection-title', 'date', 'volume', 'pages', 'publisher', 'location', 'edition',
          'url', 'doi', 'note', 'genre', 'citation-number'}


def sequences(path):
    for sequence in ET.parse(path).getroot():
        segments = [(el.tag, ' '.join((el.text or '').split())) for el in sequence]
        yield [(tag if tag in LABELS else 'other', text) for tag, text in segments if text]


def main(argv):
    files, seen = [], set()
    args = iter(argv)
    for a in args:
        if a == '--exclude':
            seen |= {' '.join(t for _, t in s) for s in sequences(next(args))}
        else:
            files.append(a)
    out = sys.stdout
    for path in files:
        for segments in sequences(path):
            if not segments or ' '.join(t for _, t in segments) in seen:
                continue
            for tag, text in segments:
                out.write('%s\t%s\n' % (tag, text))
            out.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
