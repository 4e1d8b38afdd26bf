#!/usr/bin/python3
"""Writes tests/refs/pdf/*.pdf: the papers of tests/refs/pdf/documents.py laid out as PDFs,
to measure reference lists found and cut through the whole pipeline (PDF text layer ->
body -> reference list -> refs), as a user loading real papers gets them.

Layouts: one or two columns, justified body text, words hyphenated at line ends, running
heads and page numbers on every page, the list crossing a column or a page break; entries
with a hanging indent, "[n]" numbers, or no indent and space between entries; what follows
the list (appendix, author note, a series' list of other papers). Deterministic: the same
sources give the same bytes. Run: /usr/bin/python3 tests/formats/pdf/make_refpdfs.py
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
OUT = os.path.join(ROOT, 'tests', 'refs', 'pdf')
sys.path.insert(0, HERE)
sys.path.insert(0, OUT)
import make_pdfs as P  # noqa: E402
from documents import PAPERS  # noqa: E402

MARGIN, GUTTER = 60, 20
TOP, BOTTOM = P.PAGE_HEIGHT - 80, 70


class Layout:
    def __init__(self, columns):
        self.columns = columns
        self.width = (P.PAGE_WIDTH - 2 * MARGIN - (GUTTER if columns == 2 else 0)) / columns
        self.pages, self.content = [], []
        self.y, self.col, self.column_top = TOP, 0, TOP

    def new_page(self):
        self.pages.append(self.content)
        self.content, self.y, self.col, self.column_top = [], TOP, 0, TOP

    def room(self, height):
        if self.y - height >= BOTTOM:
            return
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.column_top
        else:
            self.new_page()

    def across(self, text, font, size, leading):
        """A line across the whole page (the title), before the columns start."""
        for line in P.break_lines(P.tokens_of(text, font, size), P.PAGE_WIDTH - 2 * MARGIN, False):
            self.content.append(P.show_line(P.line_runs(line), MARGIN, self.y))
            self.y -= leading
        self.y -= 10
        self.column_top = self.y

    def block(self, text, font='F1', size=10, leading=12, first_indent=0, rest_indent=0,
              label=None, justify=True, space_before=0, hyphenate=True):
        self.y -= space_before
        lines = break_lines(P.tokens_of(text, font, size), self.width - first_indent,
                            self.width - rest_indent, hyphenate)
        for i, line in enumerate(lines):
            self.room(leading)
            x0 = MARGIN + self.col * (self.width + GUTTER)
            indent = first_indent if i == 0 else rest_indent
            baseline = self.y - leading + 12
            if i == 0 and label:
                self.content.append(P.show_line([P.Run(label, font, size)], x0, baseline))
            last = i == len(lines) - 1
            self.content.append(P.show_line(P.line_runs(line), x0 + indent, baseline,
                                            None if (last or not justify) else self.width - indent))
            self.y -= leading


def break_lines(tokens, first_width, rest_width, hyphenate):
    """Greedy fill, the first line first_width wide and the others rest_width."""
    return P.break_lines(tokens, first_width, hyphenate, rest_width)


def lay_out(paper):
    layout = Layout(2 if paper['layout'] == 'twocolumn' else 1)
    layout.across(paper['title'], 'F2', 16, 20)
    for text in paper['body'] * paper.get('repeat', 4):
        layout.block(text, first_indent=12)
    if paper['heading']:
        layout.block(paper['heading'], 'F2', 10.5, 14, justify=False, space_before=8)
    for n, entry in enumerate(paper['entries'], 1):
        style = paper['entry_style']
        if style == 'hanging':
            layout.block(entry, size=9, leading=11, rest_indent=14, justify=False)
        elif style == 'numbered':
            layout.block(entry, size=9, leading=11, first_indent=18, rest_indent=18,
                         label=paper.get('number_style', '[%d]') % n, justify=False)
        else:
            layout.block(entry, size=9, leading=11, justify=False, space_before=5)
    for kind, text in paper['after']:
        if kind == 'heading':
            layout.block(text, 'F2', 10.5, 14, justify=False, space_before=8)
        else:
            layout.block(text, size=9, leading=11, justify=False)
    layout.new_page()
    streams = []
    for number, page in enumerate(layout.pages, 1):
        furniture = []
        if number > 1:
            run = P.Run(paper['head'], 'F3', 8)
            furniture.append(P.show_line([run], MARGIN, P.PAGE_HEIGHT - 50))
        num = P.Run(str(number + 40), 'F1', 9)
        furniture.append(P.show_line([num], (P.PAGE_WIDTH - num.width()) / 2, 40))
        streams.append(b''.join(furniture + page))
    pdf = P.Pdf()
    resources = P.add_fonts(pdf)
    root, info = P.add_pages(pdf, streams, resources, [('Title', paper['title']),
                                                       ('Creator', 'make_refpdfs.py')])
    pdf.write(os.path.join(OUT, paper['name'] + '.pdf'), root, info)
    return len(streams)


if __name__ == '__main__':
    from make_realpdfs import lay_out_real  # the papers marked 'real' (cover, notes, TJ)
    for paper in PAPERS:
        pages = lay_out_real(paper) if paper.get('real') else lay_out(paper)
        print('%s.pdf: %d pages' % (paper['name'], pages))
