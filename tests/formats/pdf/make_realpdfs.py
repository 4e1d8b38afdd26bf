#!/usr/bin/python3
"""The papers of tests/refs/pdf/documents.py marked 'real', laid out as PDFs the way LaTeX
and Word write them (run through make_refpdfs.py, which writes every paper):

- a repository cover page before the paper (SSOAR's: "Empfohlene Zitierung / Suggested
  Citation" with the paper's own reference, the terms of use in German and English side by
  side, a URN and a DOI line);
- footnotes at the page feet in smaller type (a rule above, a raised label), the marker a
  superscript glued to the word before it; a note on the list's heading, so that a footnote
  sits between two entries where the list crosses a page break;
- running heads that alternate (the author on even pages, the short title on odd ones) with
  the page number at the outer edge of the top line, or centred at the foot;
- text shown as kerned TJ arrays with no space characters (the spaces are position gaps,
  justification widens them), ligature glyphs fi and fl (codes 28 and 29 of a /Differences
  encoding, mapped to "fi" and "fl" by a ToUnicode CMap, as pdfTeX writes them);
- hyphenated line ends, URLs and DOIs broken after a slash or dot with no hyphen;
- endnotes ("Notes") before the references, section headings in the body.

Keys of a real paper (besides make_refpdfs.py's): 'real': {'cover': language of the cover
('de' or 'en') or None, 'citation': the cover's suggested citation, 'urn', 'doi',
'notes': footnote texts given in turn to every second body paragraph, 'heading_note': a
footnote on the list's heading, 'heads': (even head, odd head), 'numbers': 'top' or 'foot',
'first_page': the number of the paper's first page, 'entry_size', 'sections': headings
put before every fourth body paragraph, 'endnotes': texts of a "Notes" section before the
list; Word's and publishers' ways: 'body_size', 'spacing' (1.5 lines), 'entry_leading',
'hang' (a hanging indent of 1.25 cm), 'entry_gap' (6 pt after each entry),
'justify_entries', 'page_label' ("Seite %(n)d von %(of)d"), 'download_line' (a
publisher's "Brought to you by ... Download Date" stamp at every page's foot); LaTeX's
and journals' ways: 'italic_titles' (an entry's title after its year in Times-Italic),
'section_heads' (the odd page's head names the section last begun: "Literatur" over the
list's pages), 'head_font', 'head_size' (a head in body type), 'first_footer' (copyright
and DOI lines at the first page's foot); 'split_notes' (a note that does not fit goes on
at the next foot), notes at the foot of each column of a two-column page, 'heading_alone'
(the list's heading the last line of its column), 'side_stamp' (a publisher's line turned
90 degrees up the left margin), 'list_columns' (2: the list in two columns under a
one-column text)}. Deterministic: the same sources give the same bytes.
"""
import os

import make_pdfs as P
import make_refpdfs as R

NOTE_SIZE, NOTE_LEADING = 8, 9.5
LIGATURES = (('fi', '\x1c'), ('fl', '\x1d'))
KERNS = {'Wo': 80, 'Te': 70, 'Ta': 70, 'Yo': 90, 'Va': 80, 'Ve': 70, 'We': 70, 'AV': 100,
         'LT': 90, 'y.': 55, 'r.': 40, 'y,': 55, 'r,': 40, 'P.': 90, 'ov': 15, 'av': 20}


# ----- fonts: WinAnsi with fi/fl at 28/29 and a ToUnicode for them ---------------------------

def glyph_width(code, font):
    if code == 28:
        return P.width_of('f', font) + P.width_of('i', font)
    if code == 29:
        return P.width_of('f', font) + P.width_of('l', font)
    if code < 32:
        return 250
    try:
        ch = bytes([code]).decode('cp1252')
    except UnicodeDecodeError:
        ch = '?'
    return P.width_of(ch, font)


TO_UNICODE = (b'/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n'
              b'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n'
              b'/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n'
              b'1 begincodespacerange\n<00> <FF>\nendcodespacerange\n'
              b'2 beginbfchar\n<1C> <00660069>\n<1D> <0066006C>\nendbfchar\n'
              b'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend')


FONTS = dict(P.FONTS, F4='Times-Italic')


def add_real_fonts(pdf, italic=False):
    refs = {}
    cmap = pdf.stream(TO_UNICODE)
    for key, name in FONTS.items():
        if key == 'F4' and not italic:
            continue
        widths = '[' + ' '.join(str(glyph_width(c, key)) for c in range(28, 256)) + ']'
        if key == 'F3':
            encoding = '/WinAnsiEncoding'
            extra = ''
        else:
            encoding = '<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [28 /fi /fl] >>'
            extra = ' /ToUnicode %d 0 R' % cmap
        refs[key] = pdf.add('<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding %s '
                            '/FirstChar 28 /LastChar 255 /Widths %s%s >>' % (name, encoding, widths,
                                                                            extra))
    return '<< /Font << %s >> >>' % ' '.join('/%s %d 0 R' % (k, v) for k, v in refs.items())


def encode(text, font):
    if font != 'F3' and '/' not in text and '@' not in text:
        for pair, code in LIGATURES:
            text = text.replace(pair, code)
    data = text.encode('cp1252')
    return b'(' + data.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)') + b')'


def kerned(word, font, size):
    """TJ pieces of one word: its glyphs with kerns between some pairs, and the total kern
    (in thousandths of an em) the next gap gives back so the line keeps its width."""
    pieces, start, total = [], 0, 0
    for k in range(1, len(word)):
        kern = KERNS.get(word[k - 1:k + 1])
        if kern:
            pieces.append(encode(word[start:k], font))
            pieces.append(b'%d' % kern)
            start, total = k, total + kern
    pieces.append(encode(word[start:], font))
    return pieces, total


def show_line_tj(runs, x, y, justify_to=None):
    """A line as TJ arrays: no space characters, each space a gap of the space's width
    (widened by justification)."""
    spaces = sum(r.text.count(' ') for r in runs if not r.rise)
    extra = 0.0
    if justify_to and spaces:
        extra = (justify_to - P.natural_width(runs)) / spaces
        if extra < 0 or extra > 8:
            extra = 0.0
    out = [b'BT 1 0 0 1 %.2f %.2f Tm' % (x, y)]
    for r in runs:
        parts, owed = [], 0
        for i, word in enumerate(r.text.split(' ')):
            if i:
                gap = P.width_of(' ', r.font) + (extra * 1000 / r.size if not r.rise else 0)
                parts.append(b'%d' % -round(gap + owed))
                owed = 0
            if word:
                pieces, owed = kerned(word, r.font, r.size)
                parts.extend(pieces)
        out.append(b'/%s %.2f Tf %.2f Ts [%s] TJ' % (r.font.encode(), r.size, r.rise,
                                                    b' '.join(parts)))
    out.append(b'0 Ts ET')
    return b' '.join(out) + b'\n'


# ----- line breaking: words, hyphens, URLs -------------------------------------------------------

def url_split(word, font, size, room):
    """A URL or DOI broken after a slash, dot or hyphen, with no hyphen added."""
    if not ('://' in word or word.startswith('doi:') or word.startswith('10.') or
            word.startswith('www.')):
        return None
    for k in range(len(word) - 2, 3, -1):
        if word[k - 1] in '/.-_' and P.text_width(word[:k], font, size) <= room:
            return word[:k], word[k:]
    return None


def real_split(word, font, size, room, line_started):
    """A word that does not fit: a URL or DOI broken with no hyphen, else, on a started
    line, a word of seven letters or more hyphenated."""
    split = url_split(word, font, size, room)
    if not split and line_started and len(word) >= 7:
        split = P.hyphen_split(word, font, size, room)
    return split


def break_lines(tokens, first_width, rest_width):
    return P.break_lines(tokens, first_width, rest_width=rest_width, split_word=real_split)


# ----- pages with footnotes ---------------------------------------------------------------------

class RealLayout(R.Layout):
    def __init__(self, columns, split_notes=False):
        super().__init__(columns)
        self.foot = [[] for _ in range(columns)]  # note lines at each column's foot
        self.feet, self.carry, self.split_notes = [], [], split_notes

    def foot_height(self, lines):
        return lines * NOTE_LEADING + (12 if lines else 0)

    def new_page(self):
        self.feet.append(self.foot)
        self.foot = [[] for _ in range(self.columns)]
        super().new_page()
        self.foot[0], self.carry = self.carry, []

    def room(self, height, note_lines=0):
        if self.y - height >= R.BOTTOM + self.foot_height(len(self.foot[self.col]) + note_lines):
            return
        if self.col + 1 < self.columns:
            self.col += 1
            self.y = self.column_top
            self.foot[self.col], self.carry = self.carry, []
        else:
            self.new_page()

    def note_lines(self, n, text):
        tokens = P.tokens_of(text, 'F1', NOTE_SIZE)
        lines = break_lines(tokens, self.width - 10, self.width - 10)
        return [(n if i == 0 else 0, line) for i, line in enumerate(lines)]

    def block(self, text, font='F1', size=10, leading=12, first_indent=0, rest_indent=0,
              label=None, justify=True, space_before=0, note=None, italic_title=False):
        self.y -= space_before
        tokens = P.tokens_of(text, font, size)
        if italic_title:
            tokens = italicize(tokens)
        if note:
            word, f, s, _ = tokens[-1]
            tokens[-1] = (word, f, s, [note[0]])
        lines = break_lines(tokens, self.width - first_indent, self.width - rest_indent)
        for i, line in enumerate(lines):
            notes = []
            if note and any(t[3] for t in line):
                notes = self.note_lines(*note)
            if notes and self.split_notes:
                # as TeX does: the note's first lines here, the rest at the next foot
                fit = int((self.y - leading - R.BOTTOM - 12) / NOTE_LEADING) - len(self.foot[self.col])
                if 2 <= fit < len(notes):
                    notes, self.carry = notes[:fit], notes[fit:]
            self.room(leading, len(notes))
            self.foot[self.col].extend(notes)
            x0 = R.MARGIN + self.col * (self.width + R.GUTTER)
            indent = first_indent if i == 0 else rest_indent
            baseline = self.y - leading + 12
            if i == 0 and label:
                self.content.append(show_line_tj([P.Run(label, font, size)], x0, baseline))
            last = i == len(lines) - 1
            self.content.append(show_line_tj(P.line_runs(line), x0 + indent, baseline,
                                             None if (last or not justify) else self.width - indent))
            self.y -= leading


def italicize(tokens):
    """An entry's title in italics: the words after the year ("1999:", "(1986):",
    "(2016).") up to the first that ends a sentence."""
    for i, (word, font, size, marks) in enumerate(tokens):
        bare = word.strip('().:,')
        if bare[:4].isdigit() and len(bare) in (4, 5) and word[-1] in ':.' and i + 1 < len(tokens):
            out = list(tokens)
            for k in range(i + 1, len(tokens)):
                w, f, z, m = tokens[k]
                out[k] = (w, 'F4', z, m)
                if w[-1] in '.?':
                    break
            return out
    return tokens


def draw_foot(feet, width):
    """The notes at each column's foot, under a short rule."""
    out = []
    for c, foot in enumerate(feet):
        if not foot:
            continue
        x = R.MARGIN + c * (width + R.GUTTER)
        fy = R.BOTTOM + len(foot) * NOTE_LEADING + 2
        out.append(b'0.4 w %d %.2f m %d %.2f l S\n' % (x, fy + 5, x + 120, fy + 5))
        for n, line in foot:
            if n:
                out.append(show_line_tj([P.Run(str(n), 'F1', 5, 3)], x + 2, fy - 8))
            out.append(show_line_tj(P.line_runs(line), x + 10, fy - 8))
            fy -= NOTE_LEADING
    return out


# ----- the cover page -----------------------------------------------------------------------------

COVER_TERMS = {
    'de': "Nutzungsbedingungen: Dieser Text wird unter einer CC BY-NC-ND Lizenz "
          "(Namensnennung-Nicht-kommerziell-Keine Bearbeitung) zur Verfügung gestellt. "
          "Nähere Auskünfte zu den CC-Lizenzen finden Sie hier: "
          "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.de",
    'en': "Terms of use: This document is made available under a CC BY-NC-ND Licence "
          "(Attribution-Non Comercial-NoDerivatives). For more Information see: "
          "https://creativecommons.org/licenses/by-nc-nd/4.0",
}


def cover_page(paper):
    real = paper['real']
    out = []
    y = P.PAGE_HEIGHT - 60

    def text(words, font, size, x, width, leading):
        nonlocal y
        for line in break_lines(P.tokens_of(words, font, size), width, width):
            out.append(show_line_tj(P.line_runs(line), x, y))
            y -= leading

    full = P.PAGE_WIDTH - 2 * R.MARGIN
    text('www.ssoar.info', 'F3', 9, R.MARGIN, full, 30)
    text(paper['title'], 'F2', 14, R.MARGIN, full, 18)
    y -= 4
    text(real['authors'], 'F1', 10, R.MARGIN, full, 14)
    y -= 8
    for line in ['Veröffentlichungsversion / Published Version',
                 real.get('kind', 'Zeitschriftenartikel / journal article'),
                 'Zur Verfügung gestellt in Kooperation mit / provided in cooperation with:',
                 'GESIS - Leibniz-Institut für Sozialwissenschaften']:
        text(line, 'F3', 8, R.MARGIN, full, 11)
    y -= 14
    text('Empfohlene Zitierung / Suggested Citation:', 'F3', 8, R.MARGIN, full, 11)
    text(real['citation'], 'F3', 8, R.MARGIN, full, 11)
    if real.get('urn'):
        y -= 4
        text('URN: ' + real['urn'], 'F3', 8, R.MARGIN, full, 11)
    y -= 20
    top = y
    half = (full - 20) / 2
    text(COVER_TERMS['de'], 'F3', 7, R.MARGIN, half, 9)
    y = top
    text(COVER_TERMS['en'], 'F3', 7, R.MARGIN + half + 20, half, 9)
    y = 70
    text('Diese Version ist zitierbar unter / This version is citable under:', 'F3', 7,
         R.MARGIN, full, 9)
    text('https://nbn-resolving.org/' + (real.get('urn') or 'urn:nbn:de:0168-ssoar'),
         'F3', 7, R.MARGIN, full, 9)
    return b''.join(out)


# ----- the paper ------------------------------------------------------------------------------------

def lay_out_real(paper):
    real = paper['real']
    layout = RealLayout(2 if paper['layout'] == 'twocolumn' else 1, real.get('split_notes', False))
    for line in break_lines(P.tokens_of(paper['title'], 'F2', 16), P.PAGE_WIDTH - 2 * R.MARGIN,
                            P.PAGE_WIDTH - 2 * R.MARGIN):
        layout.content.append(show_line_tj(P.line_runs(line), R.MARGIN, layout.y))
        layout.y -= 20
    if real.get('authors'):
        layout.content.append(show_line_tj([P.Run(real['authors'], 'F1', 11)], R.MARGIN,
                                           layout.y - 2))
        layout.y -= 22
    layout.y -= 10
    layout.column_top = layout.y
    notes = real.get('notes', [])
    sections = real.get('sections', [])
    marks = []  # (page index, heading): what a running head naming the section shows
    number = 0
    body = (paper['body'] * 8)[:paper.get('paragraphs', 4 * len(paper['body']))]
    for j, text in enumerate(body):
        if j % 4 == 0 and j // 4 < len(sections):
            layout.block(sections[j // 4], 'F2', 11, 15, justify=False, space_before=8)
            marks.append((len(layout.pages), sections[j // 4]))
        note = None
        if notes and j % 2 == 1:
            number += 1
            note = (number, notes[(number - 1) % len(notes)])
        body_size = real.get('body_size', 10)
        layout.block(text, size=body_size, leading=round(body_size * real.get('spacing', 1.2), 2),
                     first_indent=12 if j % 4 else 0, note=note)
    if real.get('endnotes'):
        layout.block('Notes', 'F2', 11, 15, justify=False, space_before=8)
        for n, text in enumerate(real['endnotes'], 1):
            layout.block(text, size=9, leading=11, first_indent=14, rest_indent=14,
                         label='%d.' % n, justify=False)
    size = real.get('entry_size', 9)
    leading = real.get('entry_leading', size + 2)
    hang, gap = real.get('hang', 14), real.get('entry_gap', 0)
    justify = real.get('justify_entries', False)
    if paper['heading']:
        note = None
        if real.get('heading_note'):
            number += 1
            note = (number, real['heading_note'])
        layout.block(paper['heading'], 'F2', 11, 15, justify=False, space_before=10, note=note)
        marks.append((len(layout.pages), paper['heading']))
        if real.get('heading_alone'):  # the heading left alone at a column's foot
            layout.y = R.BOTTOM + layout.foot_height(len(layout.foot[layout.col])) + 1
    if real.get('list_columns') == 2 and layout.columns == 1:  # the list in two columns
        layout.columns, layout.col, layout.column_top = 2, 0, layout.y
        layout.width = (P.PAGE_WIDTH - 2 * R.MARGIN - R.GUTTER) / 2
        layout.foot.append([])
    list_start = (len(layout.pages), layout.col)
    for n, entry in enumerate(paper['entries'], 1):
        style = paper['entry_style']
        if style == 'hanging':
            layout.block(entry, size=size, leading=leading, rest_indent=hang, justify=justify,
                         space_before=gap, italic_title=real.get('italic_titles', False))
        elif style == 'numbered':
            layout.block(entry, size=size, leading=leading, first_indent=18, rest_indent=18,
                         label=paper.get('number_style', '[%d]') % n, justify=False)
        else:
            layout.block(entry, size=size, leading=leading, justify=False, space_before=5)
    list_end = (len(layout.pages), layout.col)
    for kind, text in paper['after']:
        if kind == 'heading':
            layout.block(text, 'F2', 11, 15, justify=False, space_before=10)
            marks.append((len(layout.pages), text))
        else:
            layout.block(text, size=9, leading=11, justify=False)
    layout.new_page()
    streams = []
    if real.get('cover'):
        streams.append(cover_page(paper))
    first = real.get('first_page', 1)
    even_head, odd_head = real['heads']
    for k, (page, foot) in enumerate(zip(layout.pages, layout.feet)):
        number = first + k
        furniture = []
        num = P.Run(str(number), 'F1', 9)
        if real.get('numbers', 'top') == 'top' and k > 0:
            odd = odd_head
            if real.get('section_heads'):  # the odd head names the section (the last begun)
                odd = [m for p, m in marks if p <= k][-1]
            head = P.Run(even_head if number % 2 == 0 else odd, real.get('head_font', 'F1'),
                         real.get('head_size', 9))
            if number % 2 == 0:
                furniture.append(show_line_tj([num], R.MARGIN, P.PAGE_HEIGHT - 50))
                furniture.append(show_line_tj([head], R.MARGIN + 30, P.PAGE_HEIGHT - 50))
            else:
                right = P.PAGE_WIDTH - R.MARGIN
                furniture.append(show_line_tj([head], right - 30 - head.width(), P.PAGE_HEIGHT - 50))
                furniture.append(show_line_tj([num], right - num.width(), P.PAGE_HEIGHT - 50))
        else:
            if k > 0:
                head = P.Run(even_head if number % 2 == 0 else odd_head, 'F3', 8)
                furniture.append(show_line_tj([head], (P.PAGE_WIDTH - head.width()) / 2,
                                              P.PAGE_HEIGHT - 50))
            furniture.append(show_line_tj([num], (P.PAGE_WIDTH - num.width()) / 2, 40))
        if real.get('page_label'):  # a Word footer: "Seite 3 von 12", "- 3 -"
            furniture.pop()
            label = P.Run(real['page_label'] % {'n': number, 'of': len(layout.pages)}, 'F1', 9)
            furniture.append(show_line_tj([label], (P.PAGE_WIDTH - label.width()) / 2, 40))
        if k == 0 and real.get('first_footer'):  # a journal's first page: copyright, DOI
            for i, text in enumerate(real['first_footer']):
                furniture.append(show_line_tj([P.Run(text, 'F1', 7)], R.MARGIN, 28 - 8 * i))
        if real.get('download_line'):  # a publisher's stamp at the foot of every page
            stamp = P.Run(real['download_line'], 'F3', 6.5)
            furniture.append(show_line_tj([stamp], (P.PAGE_WIDTH - stamp.width()) / 2, 22))
        if real.get('side_stamp'):  # a publisher's line up the left margin, turned 90 degrees
            furniture.append(b'BT /F3 6.00 Tf 0 1 -1 0 %d %d Tm %s Tj ET\n' % (
                R.MARGIN - 28, 200, encode(real['side_stamp'], 'F3')))
        streams.append(b''.join(furniture + page + draw_foot(foot, layout.width)))
    pdf = P.Pdf()
    resources = add_real_fonts(pdf, real.get('italic_titles', False))
    root, info = P.add_pages(pdf, streams, resources, [('Title', paper['title']),
                                                       ('Creator', real.get('creator', 'LaTeX with hyperref')),
                                                       ('Producer', 'make_realpdfs.py')])
    pdf.write(os.path.join(R.OUT, paper['name'] + '.pdf'), root, info)
    if os.environ.get('IBID_SHOW_LIST'):
        print('  list from page/column %s to %s' % (list_start, list_end))
    lay_out_real.span = (list_start, list_end)
    return len(streams)
