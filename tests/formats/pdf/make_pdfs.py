#!/usr/bin/python3
"""Writes the test PDFs of tests/formats/pdf/ by hand (PDF syntax, no PDF library).

Deterministic: the same sources give the same bytes. Run from anywhere:
    /usr/bin/python3 tests/formats/pdf/make_pdfs.py

Documents (base-14 fonts Times-Roman, Times-Bold, Helvetica, WinAnsiEncoding, with
/Widths arrays so that the glyph boxes a reader computes match the layout done here):
  article_2col.pdf   the text of tests/corpus/002 (blocks in 002_blocks.tsv, taken once from
                     ibid_blocks(ibid_clean(002))): title and abstract across the page, then two
                     justified columns, running heads, page numbers, words hyphenated at line ends.
  footnoted.pdf      a paper carrying the 140 footnotes of tests/corpus/003: body sentences from
                     its abstract, superscript markers (smaller size, raised with Ts) glued to the
                     word before them, notes in 8pt at the page feet with superscript labels, notes
                     that do not fit continued at the foot of the next page.
  no_text.pdf        one page with only a drawn rectangle: no text layer.
  encrypted.pdf      the first page of footnoted.pdf's kind, encrypted (RC4 40-bit, user
                     password "secret"): needs a password.
  truncated.pdf      footnoted.pdf cut at half its length.
  page_bomb.pdf      a page tree claiming /Count 1000000 whose Kids array loops back to itself.
  many_pages.pdf     2001 pages (one shared content stream): more than ibid reads.
  deep_nesting.pdf   a page whose dictionary holds an array nested 100000 levels deep.
  junk.pdf           "%PDF-1.4" followed by pseudo-random bytes.
"""
import hashlib, os, re, struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('IBID_PDF_ROOT') or os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
CORPUS = os.path.join(ROOT, 'tests', 'corpus')

# ----- font metrics (per 1000 units of the font size) ---------------------------------------

NARROW = set('iljtf.,;:!|\'')
WIDE = set('mwMW')


def width_of(ch, font):
    """An approximate advance width; the PDF's /Widths array states the same values."""
    if ch == ' ':
        w = 250
    elif ch in NARROW:
        w = 278
    elif ch in 'r()[]-"‘’' or ch in 'sI':
        w = 333 if ch != 's' else 389
    elif ch in WIDE:
        w = 778 if ch.islower() else 889
    elif ch.isdigit():
        w = 500
    elif ch.isupper():
        w = 667
    elif ch in '–':
        w = 500
    elif ch in '—':
        w = 1000
    else:
        w = 480
    if font == 'F2':
        w = int(w * 1.06)
    if font == 'F3':
        w = int(w * 1.12)
    return w


def text_width(text, font, size):
    return sum(width_of(c, font) for c in text) * size / 1000.0


def widths_array(font):
    out = []
    for code in range(32, 256):
        try:
            ch = bytes([code]).decode('cp1252')
        except UnicodeDecodeError:
            ch = '?'
        out.append(str(width_of(ch, font)))
    return '[' + ' '.join(out) + ']'


def pdf_string(text):
    data = text.encode('cp1252')
    data = data.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')
    return b'(' + data + b')'


def info_string(text):
    """A text string of the info dictionary: PDFDocEncoding for ASCII, else UTF-16BE
    with a byte order mark (WinAnsi codes mean other characters there)."""
    if all(ord(c) < 128 for c in text):
        return pdf_string(text)
    return b'<FEFF' + text.encode('utf-16-be').hex().upper().encode() + b'>'


# ----- PDF file writer ------------------------------------------------------------------------

class Pdf:
    def __init__(self):
        self.objects = []  # bytes of each object body, object number = index + 1

    def add(self, body):
        self.objects.append(body if isinstance(body, bytes) else body.encode('latin-1'))
        return len(self.objects)

    def reserve(self):
        self.objects.append(None)
        return len(self.objects)

    def set(self, number, body):
        self.objects[number - 1] = body if isinstance(body, bytes) else body.encode('latin-1')

    def stream(self, data, extra=''):
        return self.add(b'<< /Length %d%s >>\nstream\n' % (len(data), extra.encode()) + data +
                        b'\nendstream')

    def write(self, path, root, info=None, encrypt=None, file_id=None):
        out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
        offsets = []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
        xref = len(out)
        out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(self.objects) + 1)
        for offset in offsets:
            out += b'%010d 00000 n \n' % offset
        trailer = b'<< /Size %d /Root %d 0 R' % (len(self.objects) + 1, root)
        if info:
            trailer += b' /Info %d 0 R' % info
        if encrypt:
            trailer += b' /Encrypt %d 0 R' % encrypt
        if file_id:
            trailer += b' /ID [<%s> <%s>]' % (file_id.hex().encode(), file_id.hex().encode())
        out += b'trailer\n' + trailer + b' >>\nstartxref\n%d\n%%%%EOF\n' % xref
        with open(path, 'wb') as f:
            f.write(bytes(out))
        return bytes(out)


FONTS = {'F1': 'Times-Roman', 'F2': 'Times-Bold', 'F3': 'Helvetica'}
PAGE_WIDTH, PAGE_HEIGHT = 612, 792


def add_fonts(pdf):
    refs = {}
    for key, name in FONTS.items():
        refs[key] = pdf.add('<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding '
                            '/FirstChar 32 /LastChar 255 /Widths %s >>' % (name, widths_array(key)))
    return '<< /Font << %s >> >>' % ' '.join('/%s %d 0 R' % (k, v) for k, v in refs.items())


def add_pages(pdf, contents, resources, info_fields=None):
    """contents: list of content-stream bytes, one per page. Returns (root, info)."""
    pages = pdf.reserve()
    kids = []
    resources_ref = pdf.add(resources)
    for content in contents:
        stream = pdf.stream(content)
        kids.append(pdf.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %d 0 R '
                            '/Contents %d 0 R >>' % (pages, PAGE_WIDTH, PAGE_HEIGHT, resources_ref,
                                                     stream)))
    pdf.set(pages, '<< /Type /Pages /Count %d /Kids [%s] >>' % (
        len(kids), ' '.join('%d 0 R' % k for k in kids)))
    root = pdf.add('<< /Type /Catalog /Pages %d 0 R >>' % pages)
    info = None
    if info_fields:
        info = pdf.add(b'<< ' + b' '.join(b'/%s %s' % (k.encode(), info_string(v))
                                          for k, v in info_fields) + b' >>')
    return root, info


# ----- line layout ------------------------------------------------------------------------------

class Run:
    """A piece of a line in one font: text, font key, size, rise (superscripts)."""

    def __init__(self, text, font, size, rise=0.0):
        self.text, self.font, self.size, self.rise = text, font, size, rise

    def width(self):
        return text_width(self.text, self.font, self.size)


def hyphen_split(word, font, size, room):
    """Splits a word to end a line: at its own hyphen ("anti-|atrocity") or, for a long
    lower-case word, typesetter style ("interna-|tional"). Returns (head, tail) or None."""
    best = None
    for k in range(len(word) - 1, 0, -1):
        if word[k - 1] == '-' and word[:k - 1].isalpha() and word[k:k + 1].isalpha():
            head, tail = word[:k], word[k:]
        elif (k >= 4 and len(word) - k >= 3 and word[:k].isalpha() and word[:k].islower() and
              word[k:k + 3].isalpha() and word[k:k + 3].islower() and word[k - 1] in 'aeiou' and
              word[k] not in 'aeiou'):
            head, tail = word[:k] + '-', word[k:]
        else:
            continue
        if text_width(head, font, size) <= room:
            best = (head, tail)
            break
    return best


def break_lines(tokens, width, hyphenate=True, rest_width=None, split_word=None):
    """tokens: [(word, font, size, markers)] where markers is a list of note numbers glued
    after the word. Returns lines, each a list of tokens, greedy fill; the lines after the
    first are rest_width wide when given (a hanging or first-line indent). A word that does
    not fit is split by split_word(word, font, size, room, line_started) when given (it
    returns (head, tail) or None), else, with hyphenate, by hyphen_split on a started line."""
    first_width = width
    lines, line, used = [], [], 0.0
    queue = list(tokens)
    while queue:
        width = first_width if not lines or rest_width is None else rest_width
        word, font, size, marks = queue.pop(0)
        w = text_width(word, font, size) + sum(text_width(str(m), font, size * 0.6)
                                                for m in marks)
        space = text_width(' ', font, size) if line else 0.0
        if used + space + w <= width:
            line.append((word, font, size, marks))
            used += space + w
            continue
        split = None
        if split_word is not None:
            split = split_word(word, font, size, width - used - space, bool(line))
        elif hyphenate and len(word) >= 7 and line:
            split = hyphen_split(word, font, size, width - used - space)
        if split:
            line.append((split[0], font, size, []))
            queue.insert(0, (split[1], font, size, marks))
            lines.append(line)
            line, used = [], 0.0
            continue
        if line:
            lines.append(line)
        line, used = [(word, font, size, marks)], w
    if line:
        lines.append(line)
    return lines


def line_runs(line):
    runs = []
    for i, (word, font, size, marks) in enumerate(line):
        text = (' ' if i else '') + word
        if runs and runs[-1].font == font and runs[-1].size == size and not runs[-1].rise:
            runs[-1].text += text
        else:
            runs.append(Run(text, font, size))
        if marks:
            runs.append(Run(','.join(str(m) for m in marks), font, round(size * 0.6, 2),
                            round(size * 0.35, 2)))
    return runs


def natural_width(runs):
    return sum(r.width() for r in runs)


def show_line(runs, x, y, justify_to=None):
    """Content-stream bytes drawing runs from (x, y); justified with Tw when asked."""
    spaces = sum(r.text.count(' ') for r in runs if not r.rise)
    tw = 0.0
    if justify_to and spaces:
        tw = (justify_to - natural_width(runs)) / spaces
        if tw < 0 or tw > 8:
            tw = 0.0
    out = [b'BT %.2f Tw 1 0 0 1 %.2f %.2f Tm' % (tw, x, y)]
    for r in runs:
        out.append(b'/%s %.2f Tf %.2f Ts %s Tj' % (r.font.encode(), r.size, r.rise,
                                                  pdf_string(r.text)))
    out.append(b'0 Ts ET')
    return b' '.join(out) + b'\n'


# ----- document 1: the two-column article (seed 002) --------------------------------------------

def read_blocks():
    blocks = []
    with open(os.path.join(HERE, '002_blocks.tsv'), encoding='utf-8') as f:
        for line in f:
            kind, text = line.rstrip('\n').split('\t', 1)
            blocks.append((kind, text))
    return blocks


def tokens_of(text, font, size):
    return [(w, font, size, []) for w in text.split()]


def make_article():
    blocks = read_blocks()
    margin, gutter = 60, 20
    column = (PAGE_WIDTH - 2 * margin - gutter) / 2
    top, bottom = PAGE_HEIGHT - 80, 70
    pages, content = [], []
    y = top

    def new_page():
        nonlocal content, y
        if content:
            pages.append(content)
        content = []
        y = top

    # title and abstract across the page
    title = blocks[0][1]
    for line in break_lines(tokens_of(title, 'F2', 16), PAGE_WIDTH - 2 * margin, False):
        content.append(show_line(line_runs(line), margin, y))
        y -= 20
    y -= 8
    content.append(show_line([Run('Abstract', 'F2', 11)], margin, y))
    y -= 16
    abstract = blocks[2][1]
    lines = break_lines(tokens_of(abstract, 'F1', 10), PAGE_WIDTH - 2 * margin)
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        content.append(show_line(line_runs(line), margin, y,
                                 None if last else PAGE_WIDTH - 2 * margin))
        y -= 12
    y -= 14
    column_top = y
    col = 0

    def advance(height):
        """Moves down; returns False when the column is full (the caller breaks)."""
        nonlocal y, col
        if y - height < bottom:
            if col == 0:
                col = 1
                y = column_top
            else:
                new_page()
                col = 0
                globals_reset()
            return False
        return True

    def globals_reset():
        nonlocal column_top
        column_top = top

    for kind, text in blocks[3:]:
        heading = kind == 'heading'
        font, size, leading = ('F2', 10.5, 14) if heading else ('F1', 10, 12)
        lines = break_lines(tokens_of(text, font, size), column, not heading)
        if heading or kind == 'caption':
            y -= 6
        for i, line in enumerate(lines):
            if y - leading < bottom:
                advance(leading)
            last = i == len(lines) - 1
            indent = 12 if (i == 0 and kind == 'paragraph') else 0
            x = margin + col * (column + gutter) + indent
            justify = None if (last or heading) else column - indent
            content.append(show_line(line_runs(line), x, y - leading + 12, justify))
            y -= leading
        if heading:
            y -= 2
    new_page()
    streams = []
    head = 'Tensions in the anti-atrocity regime'
    for number, page in enumerate(pages, 1):
        furniture = []
        if number > 1:
            run = Run(head if number % 2 == 0 else 'R2P and the ICC', 'F3', 8)
            x = margin if number % 2 == 0 else PAGE_WIDTH - margin - run.width()
            furniture.append(show_line([run], x, PAGE_HEIGHT - 50))
        num = Run(str(number + 116), 'F1', 9)
        furniture.append(show_line([num], (PAGE_WIDTH - num.width()) / 2, 40))
        streams.append(b''.join(furniture + page))
    pdf = Pdf()
    resources = add_fonts(pdf)
    root, info = add_pages(pdf, streams, resources, [
        ('Title', 'Tensions in the anti-atrocity regime'),
        ('Subject', '. '.join(abstract.split('. ')[:2]) + '.'), ('Creator', 'make_pdfs.py'),
        ('CreationDate', 'D:20190315120000Z')])
    pdf.write(os.path.join(HERE, 'article_2col.pdf'), root, info)
    return len(streams)


# ----- document 2: the footnoted paper (seed 003) -----------------------------------------------

def read_seed_003():
    with open(os.path.join(CORPUS, '003_13113c39446ca1b6.txt'), encoding='utf-8') as f:
        lines = f.read().split('\n')
    title = lines[2].strip()
    abstract = next(l.strip() for l in lines if l.startswith('The creation of the International'))
    start = lines.index('Hide All')
    notes = []
    for line in lines[start + 1:]:
        m = re.match(r'^(\d+) (.*)$', line)
        if m and int(m.group(1)) == len(notes) + 1:
            notes.append(re.sub(r'\s+', ' ', m.group(2)).strip())
    return title, abstract, notes


def write_marker_gold(placed):
    """tests/gold/pdf/footnoted_markers.tsv: each marker and the word it is glued to, as
    placed above (checked against pdftotext's rendering of footnoted.pdf)."""
    gold = os.path.join(ROOT, 'tests', 'gold', 'pdf', 'footnoted_markers.tsv')
    if os.environ.get('IBID_PDF_ROOT'):
        return  # a test run regenerating into a scratch directory
    os.makedirs(os.path.dirname(gold), exist_ok=True)
    with open(gold, 'w', encoding='utf-8') as f:
        f.write('# n<TAB>word: note marker n is a superscript glued to the end of word '
                '(tests/formats/pdf/footnoted.pdf, made by make_pdfs.py)\n')
        for n, word in placed:
            f.write('%d\t%s\n' % (n, word))


SECTION_TITLES = ['Introduction', 'Norm antipreneurs and resistance', 'The African Union and the Court',
                  'State withdrawals', 'The advance of the norm stalled', 'Conclusion']


def make_footnoted(first_page_only=False):
    title, abstract, notes = read_seed_003()
    sentences = re.findall(r'[^.]+(?:\.|$)', abstract)
    sentences = [s.strip() for s in sentences if s.strip()]
    # body: paragraphs of four sentences, one marker per sentence; every third marker sits
    # after the sentence's fourth word instead of its end
    paragraphs, current, placed = [], [], []
    for n in range(1, len(notes) + 1):
        words = sentences[(n - 1) % len(sentences)].split()
        tokens = []
        spot = 3 if n % 3 == 0 and len(words) > 6 else len(words) - 1
        placed.append((n, words[spot]))
        for i, w in enumerate(words):
            tokens.append((w, 'F1', 11, [n] if i == spot else []))
        current.extend(tokens)
        if n % 4 == 0:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    if not first_page_only:
        write_marker_gold(placed)
    margin = 72
    width = PAGE_WIDTH - 2 * margin
    top, bottom = PAGE_HEIGHT - 72, 60
    body_leading, note_size, note_leading = 13.5, 8, 9.5
    # every body line with its notes
    items = [('title', l) for l in break_lines(tokens_of(title, 'F2', 15), width, False)]
    items.append(('author', [('Kurt', 'F1', 11, []), ('Mills', 'F1', 11, []), ('and', 'F1', 11, []),
                             ('Alan', 'F1', 11, []), ('Bloomfield', 'F1', 11, [])]))
    for p, paragraph in enumerate(paragraphs):
        if p % 6 == 0:
            items.append(('heading', [(w, 'F2', 12, []) for w in
                                      SECTION_TITLES[min(p // 6, len(SECTION_TITLES) - 1)].split()]))
        lines = break_lines(paragraph, width - 18)
        for i, line in enumerate(lines):
            items.append(('first' if i == 0 else ('last' if i == len(lines) - 1 else 'line'), line))

    def note_lines(n):
        tokens = tokens_of(notes[n - 1], 'F1', note_size)
        lines = break_lines(tokens, width - 10)
        return [(n if i == 0 else 0, line) for i, line in enumerate(lines)]

    pages = []
    carry = []  # note lines continued from the page before
    i = 0
    while i < len(items):
        body, foot = [], list(carry)
        carry = []
        used = 0.0
        while i < len(items):
            kind, line = items[i]
            height = {'title': 20, 'author': 24, 'heading': 22}.get(kind, body_leading)
            marks = [m for token in line for m in token[3]]
            needed = [nl for m in marks for nl in note_lines(m)]
            foot_height = (len(foot) + len(needed)) * note_leading + (14 if foot or needed else 0)
            room = top - bottom
            if used + height + foot_height <= room:
                body.append((kind, line))
                foot.extend(needed)
                used += height
                i += 1
                continue
            # place the line and the first lines of its notes; the rest goes to the next page
            fit = int((room - used - height - 14) / note_leading) - len(foot)
            if needed and fit >= 2 and body:
                body.append((kind, line))
                foot.extend(needed[:fit])
                carry = needed[fit:]
                used += height
                i += 1
            break
        pages.append((body, foot))
        if first_page_only:
            break
    streams = []
    for number, (body, foot) in enumerate(pages, 1):
        out = []
        y = top
        for kind, line in body:
            if kind == 'title':
                out.append(show_line(line_runs(line), margin, y - 15))
                y -= 20
            elif kind == 'author':
                out.append(show_line(line_runs(line), margin, y - 14))
                y -= 24
            elif kind == 'heading':
                out.append(show_line(line_runs(line), margin, y - 18))
                y -= 22
            else:
                indent = 18 if kind == 'first' else 0
                justify = None if kind == 'last' else width - 18 - indent + 18 - 18
                out.append(show_line(line_runs(line), margin + indent, y - 11,
                                     None if kind == 'last' else width - indent))
                y -= body_leading
        if foot:
            fy = bottom + len(foot) * note_leading + 4
            out.append(b'0.5 w %d %.2f m %d %.2f l S\n' % (margin, fy + 6, margin + 140, fy + 6))
            for n, line in foot:
                runs = line_runs(line)
                x = margin
                if n:
                    label = Run(str(n), 'F1', 5, 3)
                    out.append(show_line([label], margin, fy - 8))
                    x = margin + label.width() + 2
                out.append(show_line(runs, x, fy - 8, None))
                fy -= note_leading
        if number > 1:
            out.append(show_line([Run('Kurt Mills and Alan Bloomfield', 'F1', 9)], margin,
                                 PAGE_HEIGHT - 45))
            num = Run(str(number + 300), 'F1', 9)
            out.append(show_line([num], PAGE_WIDTH - margin - num.width(), PAGE_HEIGHT - 45))
        streams.append(b''.join(out))
    return streams


def write_footnoted():
    streams = make_footnoted()
    pdf = Pdf()
    resources = add_fonts(pdf)
    root, info = add_pages(pdf, streams, resources, [
        ('Title', 'African resistance to the International Criminal Court'),
        ('Author', 'Kurt Mills; Alan Bloomfield'), ('Creator', 'make_pdfs.py'),
        ('CreationDate', 'D:20180101000000Z')])
    data = pdf.write(os.path.join(HERE, 'footnoted.pdf'), root, info)
    with open(os.path.join(HERE, 'truncated.pdf'), 'wb') as f:
        f.write(data[:len(data) // 2])
    return len(streams)


# ----- the bad ones -----------------------------------------------------------------------------

def write_no_text():
    pdf = Pdf()
    root, info = add_pages(pdf, [b'0.2 g 100 100 400 600 re f\n'], '<< >>',
                           [('Title', 'Microsoft Word - scan0001.docx')])
    pdf.write(os.path.join(HERE, 'no_text.pdf'), root, info)


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


PAD = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')


def write_encrypted():
    """Standard security handler, revision 2 (RC4 40-bit), user password "secret"."""
    user, owner = b'secret', b'owner-secret'
    file_id = hashlib.md5(b'ibid encrypted test').digest()
    permissions = -4
    owner_key = hashlib.md5((owner + PAD)[:32]).digest()[:5]
    o_value = rc4(owner_key, (user + PAD)[:32])
    key = hashlib.md5((user + PAD)[:32] + o_value + struct.pack('<i', permissions) +
                      file_id).digest()[:5]
    u_value = rc4(key, PAD)
    streams = make_footnoted(first_page_only=True)
    pdf = Pdf()
    resources = add_fonts(pdf)
    root, _ = add_pages(pdf, streams, resources)
    # encrypt every stream with its object key (objects here have generation 0)
    for number, body in enumerate(pdf.objects, 1):
        if b'stream\n' in body:
            head, rest = body.split(b'stream\n', 1)
            data = rest[:-len(b'\nendstream')]
            object_key = hashlib.md5(key + struct.pack('<i', number)[:3] + b'\0\0').digest()[:10]
            data = rc4(object_key, data)
            head = re.sub(rb'/Length \d+', b'/Length %d' % len(data), head)
            pdf.objects[number - 1] = head + b'stream\n' + data + b'\nendstream'
    encrypt = pdf.add(b'<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>' % (
        o_value.hex().encode(), u_value.hex().encode(), permissions))
    pdf.write(os.path.join(HERE, 'encrypted.pdf'), root, encrypt=encrypt, file_id=file_id)


def write_page_bomb():
    pdf = Pdf()
    pages = pdf.reserve()
    content = pdf.stream(b'BT /F1 12 Tf 72 700 Td (bomb) Tj ET')
    page = pdf.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>' % (
        pages, content))
    pdf.set(pages, '<< /Type /Pages /Count 1000000 /Kids [%d 0 R %d 0 R %d 0 R] >>' % (
        page, pages, pages))
    root = pdf.add('<< /Type /Catalog /Pages %d 0 R >>' % pages)
    pdf.write(os.path.join(HERE, 'page_bomb.pdf'), root)


def write_many_pages():
    """2001 pages sharing one content stream: more than ibid reads (IBID_PDF_MAX_PAGES)."""
    pdf = Pdf()
    resources = add_fonts(pdf)
    resources_ref = pdf.add(resources)
    pages = pdf.reserve()
    content = pdf.stream(b'BT /F1 11 Tf 72 400 Td (A page of a long report.) Tj ET')
    kids = [pdf.add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %d 0 R '
                    '/Contents %d 0 R >>' % (pages, resources_ref, content)) for _ in range(2001)]
    pdf.set(pages, '<< /Type /Pages /Count %d /Kids [%s] >>' % (
        len(kids), ' '.join('%d 0 R' % k for k in kids)))
    root = pdf.add('<< /Type /Catalog /Pages %d 0 R >>' % pages)
    pdf.write(os.path.join(HERE, 'many_pages.pdf'), root)


def write_deep_nesting():
    """A page whose dictionary holds an array nested 100000 levels deep."""
    pdf = Pdf()
    resources = add_fonts(pdf)
    pages = pdf.reserve()
    content = pdf.stream(b'BT /F1 12 Tf 72 400 Td (Text beside a deeply nested array.) Tj ET')
    page = pdf.add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s '
                   b'/Contents %d 0 R /Deep %s >>' % (pages, resources.encode(), content,
                                                      b'[' * 100000 + b']' * 100000))
    pdf.set(pages, '<< /Type /Pages /Count 1 /Kids [%d 0 R] >>' % page)
    root = pdf.add('<< /Type /Catalog /Pages %d 0 R >>' % pages)
    pdf.write(os.path.join(HERE, 'deep_nesting.pdf'), root)


def write_junk():
    data = bytearray(b'%PDF-1.4\n')
    state = 12345
    for _ in range(20000):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(state >> 16 & 0xFF)
    with open(os.path.join(HERE, 'junk.pdf'), 'wb') as f:
        f.write(bytes(data))


if __name__ == '__main__':
    print('article_2col.pdf: %d pages' % make_article())
    print('footnoted.pdf: %d pages' % write_footnoted())
    write_no_text()
    write_encrypted()
    write_page_bomb()
    write_deep_nesting()
    write_many_pages()
    write_junk()
