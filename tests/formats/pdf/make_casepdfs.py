#!/usr/bin/python3
"""Writes tests/casestudies/pdf/*.pdf (and the gold NAME.json beside each) from
tests/casestudies/pdf/papers.py: case studies with a comparative table whose columns
are the cases, laid out as a typesetter does (justified paragraphs, hyphenation, running
head and page numbers; the table's cells at fixed column positions, no rules, no tabs in
the PDF). Deterministic. Run: /usr/bin/python3 tests/formats/pdf/make_casepdfs.py
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
OUT = os.path.join(ROOT, 'tests', 'casestudies', 'pdf')
sys.path.insert(0, HERE)
sys.path.insert(0, OUT)
import make_pdfs as P  # noqa: E402
import make_refpdfs as R  # noqa: E402
from papers import PAPERS  # noqa: E402


def table(layout, caption, header, rows):
    layout.block(caption, size=9, leading=11, justify=False, space_before=6)
    first = R.MARGIN + 110
    step = (layout.width - 110) / len(header)
    xs = [first + k * step for k in range(len(header))]
    layout.y -= 4
    for cells, font in [([''] + header, 'F2')] + [(list(r), 'F1') for r in rows]:
        layout.room(12)
        baseline = layout.y - 11 + 12 - 1
        for k, cell in enumerate(cells):
            if cell:
                x = R.MARGIN if k == 0 else xs[k - 1]
                layout.content.append(P.show_line([P.Run(cell, font, 9)], x, baseline))
        layout.y -= 12
    layout.y -= 6


def lay_out(paper):
    layout = R.Layout(1)
    for block in paper['blocks']:
        kind = block[0]
        if kind == 'title':
            layout.across(block[1], 'F2', 16, 20)
        elif kind == 'heading':
            layout.block(block[1], 'F2', 10.5, 14, justify=False, space_before=8)
        elif kind == 'para':
            layout.block(block[1], first_indent=12)
        else:
            table(layout, *block[1:])
    layout.new_page()
    streams = []
    for number, page in enumerate(layout.pages, 1):
        furniture = []
        if number > 1:
            furniture.append(P.show_line([P.Run(paper['head'], 'F3', 8)], R.MARGIN,
                                         P.PAGE_HEIGHT - 50))
        num = P.Run(str(number + 200), 'F1', 9)
        furniture.append(P.show_line([num], (P.PAGE_WIDTH - num.width()) / 2, 40))
        streams.append(b''.join(furniture + page))
    pdf = P.Pdf()
    resources = P.add_fonts(pdf)
    root, info = P.add_pages(pdf, streams, resources, [('Title', paper['blocks'][0][1]),
                                                       ('Creator', 'make_casepdfs.py')])
    pdf.write(os.path.join(OUT, paper['name'] + '.pdf'), root, info)
    with open(os.path.join(OUT, paper['name'] + '.json'), 'w', encoding='utf-8') as f:
        json.dump(paper['gold'], f, ensure_ascii=False, indent=1)
        f.write('\n')
    return len(streams)


if __name__ == '__main__':
    for paper in PAPERS:
        print('%s.pdf: %d pages' % (paper['name'], lay_out(paper)))
