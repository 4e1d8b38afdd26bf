#!/usr/bin/python3
"""Splits an AnyStyle parser XML file into a training part and a held-out part, the same
way every time: reference number i (0-based, in file order) is held out when
i % FOLDS == FOLD. Writes the chosen part as AnyStyle XML.

Usage: split_anystyle.py FILE.xml FOLD FOLDS (--held-out | --train) > part.xml
`make model` learns from the --train part of good.xml with FOLD 2 of 5 and never sees the
--held-out part (build/good_heldout.xml), which the tests score.
"""
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) != 4 or argv[3] not in ('--held-out', '--train'):
        sys.exit(__doc__)
    path, fold, folds, held_out = argv[0], int(argv[1]), int(argv[2]), argv[3] == '--held-out'
    root = ET.parse(path).getroot()
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n')
    for i, sequence in enumerate(root):
        if (i % folds == fold) == held_out:
            out.write(ET.tostring(sequence, encoding='unicode').strip() + '\n')
    out.write('</dataset>\n')


if __name__ == '__main__':
    main(sys.argv[1:])
