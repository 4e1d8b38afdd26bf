/*
** pdf_layout.c -- from glyph boxes to paragraphs, footnotes and markers (see
** pdf_layout.h).
**
** HOW IT WORKS. Per page (ibid_pdf_layout_add_page): glyphs become words
** (touching glyphs on one baseline, split at white space; four or more
** glyphs stacked on each other are text turned by 90 degrees, a publisher's
** line up the margin, and are left out), words become rows
** (same bottom; a row of small raised digits joins the row it is raised
** over), a gutter is searched (a vertical band that most rows do not cross;
** on a page without one, a band of four or more rows under or over one-column
** text that a vertical line parts into two columns whose lines fill them and
** hold no table cells), and rows become lines: one per row, or a left and a right line per row of a
** two-column band. A gap of two ems or more inside a row parts the cells of a
** table: a tab is written there, and each such row is a block of its own.
** Each line keeps its text (raised digits already written as superscripts), box, font size,
*boldness and reading segment (a run of
** full-width rows, or one column of a two-column band).
** For the whole document (ibid_pdf_layout_write): the body font size is the
** commonest size in the upper halves of pages (footnotes never fill those);
** lines repeated at the top or bottom of pages, and lone page numbers there
** (among a page's three highest or lowest lines), are running furniture, and
** so is a page's top line when it stands alone in smaller type well above the
** rest (a head seen on one page only), and a page's highest or lowest line
** with a page number at one end set apart by a wide gap (a head naming the
** section, different on each page); footnotes are set in one size: the run
** of smaller-type lines that ends a segment in the size of its last line,
** when it starts with the next note number (or goes on with the last note,
** in the size of the notes before), unless it follows a heading (a numbered
** reference list in small type) -- a list in a larger small type above the
** notes stays text, a list in the notes' own type ends at the widest gap
** above a raised note label, and lines in a yet smaller type beneath the
** notes (a first page's copyright and DOI) are furniture; the rest are
** joined into paragraphs. A paragraph ends after a line that stops short (the next
** line's first word would have fitted, against the column's edge when no
** line around reaches further), at a gap wider than the usual leading of
** its own type size, a change of type size, a heading, a bullet or caption,
** a first-line indent (not inside a list with hanging indents, whose
** indented lines go on with the entry, also across a column or page), or
** where lines move back out (the end of a block quote, the next entry of a
** list with hanging indents; a one-line entry is told by the indented line
** after the next one, and two lines at such a list's left edge are two
** entries, also across a column or page break, and on a page of one-line
** entries that goes on with the list of the page before). A column's left
** edge may be a hanging indent's two edges when the gutter is searched. A
** word hyphenated at a line end is rejoined by ibid_clean's rule, from the
** words of the whole document. The text then goes through ibid_clean_text()
** for the normalization every body gets.
*/
#include "pdf_layout.h"

#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "memory.h"
#include "text.h"
#include "utf8.h"

/* ----- lines ----------------------------------------------------------------- */

typedef enum line_role { ROLE_BODY = 0, ROLE_RUNNING, ROLE_FOOT } line_role;

typedef struct pdf_line {
  size_t text_start, text_length; /* in layout->text */
  double x0, y0, x1, bottom;      /* box; bottom is the baseline side */
  double size;                    /* commonest glyph size of the line */
  double first_word_width;        /* the paragraph test: would it have fit above? */
  double page_height;
  long page;
  int segment; /* reading segment within the page (see add_page) */
  int bold;
  int cells; /* a row of table cells (a tab between them) */
  line_role role;
  double segment_left, segment_right; /* set by write() */
} pdf_line;

struct ibid_pdf_layout {
  pdf_line *lines;
  size_t line_count, line_capacity;
  ibid_buffer text;
  long pages;
  size_t glyphs;
};

ibid_pdf_layout *ibid_pdf_layout_new(void) {
  ibid_pdf_layout *layout = ibid_malloc(sizeof(*layout));
  if (!layout) return NULL;
  memset(layout, 0, sizeof(*layout));
  ibid_buffer_init(&layout->text);
  return layout;
}

void ibid_pdf_layout_free(ibid_pdf_layout *layout) {
  if (!layout) return;
  ibid_free(layout->lines);
  ibid_buffer_free(&layout->text);
  ibid_free(layout);
}

size_t ibid_pdf_layout_glyphs(const ibid_pdf_layout *layout) {
  return layout->glyphs;
}

static pdf_line *push_line(ibid_pdf_layout *layout) {
  if (layout->line_count == layout->line_capacity) {
    size_t capacity = layout->line_capacity ? layout->line_capacity * 2 : 256;
    pdf_line *lines = ibid_realloc(layout->lines, capacity * sizeof(pdf_line));
    if (!lines) return NULL;
    layout->lines = lines;
    layout->line_capacity = capacity;
  }
  pdf_line *line = &layout->lines[layout->line_count++];
  memset(line, 0, sizeof(*line));
  return line;
}

/* ----- glyphs and words -------------------------------------------------------- */

static int is_white(uint32_t c) {
  return c <= 0x20 || (c >= 0x7F && c <= 0xA0) || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0xFFFD;
}

static int is_digit(uint32_t c) {
  return c >= '0' && c <= '9';
}

static double min_double(double a, double b) {
  return a < b ? a : b;
}
static double max_double(double a, double b) {
  return a > b ? a : b;
}

typedef struct pdf_word {
  size_t first, last; /* glyph indexes, inclusive */
  double x0, y0, x1, bottom, size;
  long row;
} pdf_word;

/* Does glyph g continue the word whose last glyph is p (no white space between)? */
static int continues_word(const ibid_pdf_glyph *p, const ibid_pdf_glyph *g) {
  double size = min_double(p->size, g->size);
  if (size <= 0) size = 1;
  if (!(g->y0 < p->y1 && g->y1 > p->y0)) return 0; /* not on the same line */
  double gap = g->x0 - p->x1;
  return gap > -0.5 * size && gap < 0.3 * size;
}

/* Is glyph g stacked on glyph p (the same left and right edges, one right
** above or below the other): text turned by 90 degrees? */
static int stacked(const ibid_pdf_glyph *p, const ibid_pdf_glyph *g) {
  if (!(g->x1 - g->x0 > 0.5) || g->x0 - p->x0 > 0.5 || p->x0 - g->x0 > 0.5 || g->x1 - p->x1 > 0.5 ||
      p->x1 - g->x1 > 0.5)
    return 0;
  return (g->y1 <= p->y0 + 0.5 && g->y1 >= p->y0 - 0.5 * (g->x1 - g->x0)) ||
         (g->y0 >= p->y1 - 0.5 && g->y0 <= p->y1 + 0.5 * (g->x1 - g->x0));
}

/* Marks in turned[] the glyphs of runs of four or more stacked glyphs (a
** publisher's line up the margin, a turned table head): they are read as
** white space, not as a strip of one-letter rows. */
static void mark_turned(const ibid_pdf_glyph *glyphs, size_t count, char *turned) {
  memset(turned, 0, count);
  for (size_t i = 0; i < count;) {
    if (is_white(glyphs[i].codepoint)) {
      i++;
      continue;
    }
    /* the run from glyph i: each next glyph other than a space stacked on the
    ** one before (a line break ends it) */
    size_t last = i, j = i + 1, stack = 1;
    while (j < count && glyphs[j].codepoint != '\n') {
      if (is_white(glyphs[j].codepoint)) {
        j++;
        continue;
      }
      if (!stacked(&glyphs[last], &glyphs[j])) break;
      last = j++;
      stack++;
    }
    if (stack >= 4) memset(turned + i, 1, last + 1 - i);
    i = last + 1;
  }
}

static int build_words(const ibid_pdf_glyph *glyphs, size_t count, pdf_word **out,
                       size_t *out_count) {
  pdf_word *words = ibid_malloc((count ? count : 1) * sizeof(pdf_word));
  char *turned = ibid_malloc(count ? count : 1);
  if (!words || !turned) {
    ibid_free(words);
    ibid_free(turned);
    return -1;
  }
  mark_turned(glyphs, count, turned);
  size_t n = 0;
  int open = 0;
  for (size_t i = 0; i < count; i++) {
    const ibid_pdf_glyph *g = &glyphs[i];
    if (is_white(g->codepoint) || turned[i] || !(g->x1 >= g->x0) || !(g->y1 >= g->y0)) {
      open = 0; /* white space, turned text, or a box no geometry can use (NaN) */
      continue;
    }
    if (open && continues_word(&glyphs[words[n - 1].last], g)) {
      pdf_word *w = &words[n - 1];
      w->last = i;
      w->x0 = min_double(w->x0, g->x0);
      w->x1 = max_double(w->x1, g->x1);
      w->y0 = min_double(w->y0, g->y0);
      if (g->size > w->size) {
        w->size = g->size;
        w->bottom = g->y1;
      }
      continue;
    }
    pdf_word *w = &words[n++];
    w->first = w->last = i;
    w->x0 = g->x0;
    w->x1 = g->x1;
    w->y0 = g->y0;
    w->bottom = g->y1;
    w->size = g->size > 0 ? g->size : 1;
    w->row = 0;
    open = 1;
  }
  ibid_free(turned);
  *out = words;
  *out_count = n;
  return 0;
}

static int by_bottom(const void *a, const void *b) {
  const pdf_word *x = a, *y = b;
  if (x->bottom != y->bottom) return x->bottom < y->bottom ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int by_row_then_x(const void *a, const void *b) {
  const pdf_word *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  if (x->x0 != y->x0) return x->x0 < y->x0 ? -1 : 1;
  return x->bottom < y->bottom ? -1 : x->bottom > y->bottom;
}

/* ----- rows ---------------------------------------------------------------------- */

typedef struct pdf_row {
  size_t first, count; /* words[first .. first+count) after sorting by row */
  double x0, y0, x1, bottom, size;
  int digits_only; /* every glyph a digit or a note-label sign */
} pdf_row;

static int is_label_sign(uint32_t c) {
  return is_digit(c) || c == ',' || c == '*' || c == 0x2020 || c == 0x2021;
}

/* Rows: words whose bottoms agree (sorted by bottom). */
static void assign_rows(pdf_word *words, size_t count) {
  long row = -1;
  double reference = 0, reference_size = 1;
  for (size_t i = 0; i < count; i++) {
    double tolerance = 0.35 * max_double(reference_size, words[i].size);
    if (row < 0 || words[i].bottom - reference > tolerance) {
      row++;
      reference = words[i].bottom;
      reference_size = words[i].size;
    }
    words[i].row = row;
  }
}

static void row_boxes(const ibid_pdf_glyph *glyphs, const pdf_word *words, size_t word_count,
                      pdf_row *rows, size_t row_count) {
  for (size_t r = 0; r < row_count; r++) rows[r].count = 0;
  for (size_t i = 0; i < word_count; i++) {
    pdf_row *row = &rows[words[i].row];
    const pdf_word *w = &words[i];
    if (row->count++ == 0) {
      row->first = i;
      row->x0 = w->x0;
      row->x1 = w->x1;
      row->y0 = w->y0;
      row->bottom = w->bottom;
      row->size = w->size;
      row->digits_only = 1;
    } else {
      row->x0 = min_double(row->x0, w->x0);
      row->x1 = max_double(row->x1, w->x1);
      row->y0 = min_double(row->y0, w->y0);
      row->bottom = max_double(row->bottom, w->bottom);
      row->size = max_double(row->size, w->size);
    }
    for (size_t g = w->first; g <= w->last; g++)
      if (!is_white(glyphs[g].codepoint) && !is_label_sign(glyphs[g].codepoint))
        row->digits_only = 0;
  }
}

/* A row of small digits raised over the row below it (a note marker or label
** set apart by a space) belongs to that row. */
static void merge_raised_rows(pdf_word *words, size_t word_count, pdf_row *rows, size_t row_count) {
  for (size_t r = 0; r < row_count; r++) {
    if (!rows[r].digits_only || rows[r].count == 0) continue;
    for (size_t t = r + 1; t < row_count && t <= r + 2; t++) {
      const pdf_row *below = &rows[t];
      if (below->count == 0 || rows[r].size > 0.85 * below->size) continue;
      if (!(below->y0 < rows[r].bottom && rows[r].bottom < below->bottom)) continue;
      if (rows[r].x1 < below->x0 - 2 * below->size || rows[r].x0 > below->x1 + 2 * below->size)
        continue;
      /* words are still sorted by bottom: the row's words are rows[r].first.. */
      for (size_t i = rows[r].first; i < rows[r].first + rows[r].count && i < word_count; i++)
        words[i].row = (long)t;
      break;
    }
  }
}

/* ----- columns ------------------------------------------------------------------- */

/* Does a row cross the vertical line at x (a word over it, or words on both
** sides closer than a gutter is wide: aligned word spaces are no gutter)?
** *split is the first word right of x. */
static int row_crosses(const pdf_word *words, const pdf_row *row, double x, size_t *split,
                       int *has_left, int *has_right) {
  size_t end = row->first + row->count;
  size_t i = row->first;
  while (i < end && words[i].x1 < x - 0.5) i++;
  *split = i;
  *has_left = i > row->first;
  *has_right = i < end;
  if (i < end && words[i].x0 - 0.5 <= x) return 1;
  if (*has_left && *has_right && words[i].x0 - words[i - 1].x1 < 0.8 * row->size) return 1;
  return 0;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Does the text right of x start at one left edge, as a column does (most
** rows within a few points of each other), rather than anywhere (a wide
** gap inside single-column lines, a page number)? */
static int right_column_aligned(const pdf_word *words, const pdf_row *rows, size_t row_count,
                                double x) {
  enum { SAMPLE = 512 };
  double starts[SAMPLE];
  size_t n = 0;
  double size = 0;
  for (size_t r = 0; r < row_count && n < SAMPLE; r++) {
    size_t split;
    int has_left, has_right;
    if (rows[r].count == 0 || row_crosses(words, &rows[r], x, &split, &has_left, &has_right) ||
        !has_right)
      continue;
    starts[n++] = words[split].x0;
    size = max_double(size, rows[r].size);
  }
  if (n == 0) return 0;
  qsort(starts, n, sizeof(double), by_value);
  size_t best = 0;
  /* the most starts within three ems: a column's left edge, and the indent of
  ** its first lines or of its hanging lines (a reference list) */
  for (size_t i = 0, j = 0; j < n; j++) {
    while (starts[j] - starts[i] > 3 * size) i++;
    if (j - i + 1 > best) best = j - i + 1;
  }
  return best * 5 >= n * 3; /* three in five */
}

/* The leftmost and rightmost x of the rows that hold words: sets *left and
** *right and returns 1, or returns 0 when no row holds a word. */
static int rows_extent(const pdf_row *rows, size_t row_count, double *left, double *right) {
  int any = 0;
  *left = *right = 0;
  for (size_t r = 0; r < row_count; r++) {
    if (rows[r].count == 0) continue;
    *left = any ? min_double(*left, rows[r].x0) : rows[r].x0;
    *right = any ? max_double(*right, rows[r].x1) : rows[r].x1;
    any = 1;
  }
  return any;
}

/* The x of a gutter: a vertical band in the middle of the text that at most
** half of the rows cross, with at least three rows of text on each side.
** Returns -1 for a one-column page. */
static double find_gutter(const pdf_word *words, const pdf_row *rows, size_t row_count) {
  double left, right;
  if (!rows_extent(rows, row_count, &left, &right) || right - left < 100) return -1;
  double best_x = -1;
  size_t best_crossing = (size_t)-1, best_left = 0, best_right = 0, used_rows = 0;
  for (int k = 0; k <= 40; k++) {
    double x = left + (right - left) * (0.3 + 0.01 * k);
    size_t crossing = 0, on_left = 0, on_right = 0;
    used_rows = 0;
    for (size_t r = 0; r < row_count; r++) {
      if (rows[r].count == 0) continue;
      used_rows++;
      size_t split;
      int has_left, has_right;
      int cross = row_crosses(words, &rows[r], x, &split, &has_left, &has_right);
      if (cross)
        crossing++;
      else {
        on_left += (size_t)has_left;
        on_right += (size_t)has_right;
      }
    }
    /* the fewest crossings; among equals the band nearest the middle */
    int nearer = best_x >= 0 && crossing == best_crossing &&
                 (x - (left + right) / 2) * (x - (left + right) / 2) <
                     (best_x - (left + right) / 2) * (best_x - (left + right) / 2);
    if (crossing < best_crossing || nearer) {
      best_crossing = crossing;
      best_x = x;
      best_left = on_left;
      best_right = on_right;
    }
  }
  /* columns fill the page: each side holds text on a quarter of the rows */
  if (best_crossing * 2 > used_rows || best_left < 3 || best_right < 3) return -1;
  if (best_left * 4 < used_rows || best_right * 4 < used_rows) return -1;
  return right_column_aligned(words, rows, row_count, best_x) ? best_x : -1;
}

/* Does one side of a row (words [from, to)) hold a gap of 1.5 ems or more (a
** table's cells)? */
static int has_cell_gap(const pdf_word *words, size_t from, size_t to, double size) {
  for (size_t i = from + 1; i < to; i++)
    if (words[i].x0 - words[i - 1].x1 >= 1.5 * size) return 1;
  return 0;
}

/* A band of two columns under (or over) one-column text on a page that has no
** gutter as a whole: the longest run of four or more rows that a vertical line
** x does not cross, text on both sides of it, where each side reads as a
** column -- its lines fill it (they end within a third of its width from its
** right edge, most of them) and hold no cell gap (a table's rows do) -- and the
** right side's lines start at one edge. Sets [*first, *end) and returns x, or
** -1. */
static double find_band(const pdf_word *words, const pdf_row *rows, size_t row_count,
                        size_t *band_first, size_t *band_end) {
  double left, right;
  if (!rows_extent(rows, row_count, &left, &right) || right - left < 100) return -1;
  double best_x = -1;
  size_t best_first = 0, best_end = 0;
  for (int k = 0; k <= 40; k++) {
    double x = left + (right - left) * (0.3 + 0.01 * k);
    size_t first = 0, both = 0, filled = 0, clean = 0, used = 0;
    for (size_t r = 0; r <= row_count; r++) {
      size_t split = 0;
      int has_left = 0, has_right = 0, cross = 1;
      if (r < row_count && rows[r].count == 0) continue;
      if (r < row_count) cross = row_crosses(words, &rows[r], x, &split, &has_left, &has_right);
      if (!cross) {
        if (used == 0) first = r;
        used++;
        const pdf_row *row = &rows[r];
        size_t end = row->first + row->count;
        if (has_left && has_right) both++;
        if (has_left && words[split - 1].x1 >= x - (x - left) / 3) filled++;
        if (has_right && words[end - 1].x1 >= right - (right - x) / 3) filled++;
        if (!has_cell_gap(words, row->first, split, row->size) &&
            !has_cell_gap(words, split, end, row->size))
          clean++;
        continue;
      }
      /* the run ends: keep it if it is a band of two columns */
      if (both >= 4 && filled * 10 >= (both + used) * 6 && clean * 10 >= used * 9 &&
          used > best_end - best_first && right_column_aligned(words, rows + first, used, x)) {
        best_x = x;
        best_first = first;
        best_end = first + used;
      }
      used = both = filled = clean = 0;
    }
  }
  *band_first = best_first;
  *band_end = best_end;
  return best_x;
}

/* ----- line text ------------------------------------------------------------------- */

static const uint32_t superscript_digits[10] = {0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                                0x2075, 0x2076, 0x2077, 0x2078, 0x2079};

/* Appends one glyph's text: ligatures spelled out, a soft hyphen as "-". */
static void append_glyph(ibid_buffer *out, uint32_t c) {
  static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  if (c >= 0xFB00 && c <= 0xFB06)
    ibid_buffer_append_string(out, ligatures[c - 0xFB00]);
  else if (c == 0xAD)
    ibid_buffer_append_char(out, '-');
  else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF || (c >= 0xD800 && c < 0xE000))
    return; /* control characters and what is not a scalar value */
  else
    ibid_buffer_append_codepoint(out, c);
}

typedef struct line_style {
  double size, baseline;
  int bold;
} line_style;

/* The commonest glyph size of words[first..first+count), the baseline of those
** glyphs, and whether most of them are bold. */
static line_style style_of(const ibid_pdf_glyph *glyphs, const pdf_word *words, size_t first,
                           size_t count) {
  line_style style = {0, 0, 0};
  size_t best = 0;
  /* few distinct sizes on a line: count each candidate against all glyphs */
  for (size_t i = first; i < first + count; i++) {
    double size = words[i].size;
    if (size == style.size) continue;
    size_t n = 0;
    for (size_t j = first; j < first + count; j++)
      for (size_t g = words[j].first; g <= words[j].last; g++)
        n += glyphs[g].size > size - 0.05 && glyphs[g].size < size + 0.05;
    if (n > best) {
      best = n;
      style.size = size;
    }
    if (i - first > 8) break; /* the first words decide; a line has one body size */
  }
  size_t bold = 0, all = 0;
  for (size_t j = first; j < first + count; j++)
    for (size_t g = words[j].first; g <= words[j].last; g++) {
      if (!(glyphs[g].size > style.size - 0.05 && glyphs[g].size < style.size + 0.05)) continue;
      style.baseline = all ? max_double(style.baseline, glyphs[g].y1) : glyphs[g].y1;
      bold += glyphs[g].bold != 0;
      all++;
    }
  style.bold = all > 0 && bold * 2 > all;
  if (style.size <= 0) style.size = 1;
  return style;
}

static int is_raised(const ibid_pdf_glyph *g, const line_style *style) {
  return g->size < 0.9 * style->size && g->y1 < style->baseline - 0.15 * style->size;
}

/* Writes the words of a line, raised digits as superscripts glued to the word
** before them, and records the line. */
static int emit_line(ibid_pdf_layout *layout, const ibid_pdf_glyph *glyphs, const pdf_word *words,
                     size_t first, size_t count, long page, int segment, double page_height) {
  if (count == 0) return 0;
  line_style style = style_of(glyphs, words, first, count);
  ibid_buffer *out = &layout->text;
  size_t start = out->length;
  pdf_line *line = push_line(layout);
  if (!line) return -1;
  for (size_t i = first; i < first + count; i++) {
    const pdf_word *w = &words[i];
    if (i > first) {
      double gap = w->x0 - words[i - 1].x1;
      int raised = is_raised(&glyphs[w->first], &style) && is_digit(glyphs[w->first].codepoint);
      /* a gap of two ems or more inside a row parts the cells of a table (a
      ** justified line stretches its spaces far less) */
      if (gap >= 2 * style.size && !raised) {
        ibid_buffer_append_char(out, '\t');
        line->cells = 1;
      } else if (gap > (raised ? 0.5 : 0.12) * style.size)
        ibid_buffer_append_char(out, ' ');
    }
    for (size_t g = w->first; g <= w->last; g++) {
      uint32_t c = glyphs[g].codepoint;
      if (is_digit(c) && is_raised(&glyphs[g], &style))
        ibid_buffer_append_codepoint(out, superscript_digits[c - '0']);
      else
        append_glyph(out, c);
    }
    layout->glyphs += w->last - w->first + 1;
  }
  if (out->failed) return -1;
  if (out->length == start) { /* only glyphs with no text (controls): no line */
    layout->line_count--;
    return 0;
  }
  line->text_start = start;
  line->text_length = out->length - start;
  line->x0 = words[first].x0;
  line->x1 = words[first].x1;
  line->y0 = words[first].y0;
  line->bottom = style.baseline;
  for (size_t i = first; i < first + count; i++) {
    line->x0 = min_double(line->x0, words[i].x0);
    line->x1 = max_double(line->x1, words[i].x1);
    line->y0 = min_double(line->y0, words[i].y0);
  }
  line->first_word_width = words[first].x1 - words[first].x0;
  line->size = style.size;
  line->bold = style.bold;
  line->page = page;
  line->segment = segment;
  line->page_height = page_height;
  return out->failed ? -1 : 0;
}

static int by_segment_then_bottom(const void *a, const void *b) {
  const pdf_line *x = a, *y = b;
  if (x->segment != y->segment) return x->segment < y->segment ? -1 : 1;
  if (x->bottom != y->bottom) return x->bottom < y->bottom ? -1 : 1;
  return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

int ibid_pdf_layout_add_page(ibid_pdf_layout *layout, const ibid_pdf_glyph *glyphs, size_t count,
                             double width, double height) {
  (void)width;
  long page = layout->pages++;
  pdf_word *words = NULL;
  size_t word_count = 0;
  if (build_words(glyphs, count, &words, &word_count)) return -1;
  if (word_count) qsort(words, word_count, sizeof(pdf_word), by_bottom);
  assign_rows(words, word_count);
  size_t row_count = word_count ? (size_t)words[word_count - 1].row + 1 : 0;
  pdf_row *rows = ibid_malloc((row_count ? row_count : 1) * sizeof(pdf_row));
  if (!rows) {
    ibid_free(words);
    return -1;
  }
  row_boxes(glyphs, words, word_count, rows, row_count);
  merge_raised_rows(words, word_count, rows, row_count);
  if (word_count) qsort(words, word_count, sizeof(pdf_word), by_row_then_x);
  row_boxes(glyphs, words, word_count, rows, row_count);
  double gutter = find_gutter(words, rows, row_count);
  size_t band_first = 0, band_end = row_count; /* the rows the gutter parts */
  if (gutter < 0) gutter = find_band(words, rows, row_count, &band_first, &band_end);
  size_t first_line = layout->line_count;
  /* Segments: a run of full-width rows is one; a band of two-column rows is two
  ** (left, then right), so sorting by segment gives the reading order. */
  int segment = 0, in_band = 0, rc = 0;
  for (size_t r = 0; r < row_count && rc == 0; r++) {
    const pdf_row *row = &rows[r];
    if (row->count == 0) continue;
    size_t split = row->first; /* first word right of the gutter */
    int has_left, has_right;
    int crossing = gutter < 0 || r < band_first || r >= band_end ||
                   row_crosses(words, row, gutter, &split, &has_left, &has_right);
    if (crossing) {
      if (in_band || r == 0) segment += 2;
      in_band = 0;
      rc = emit_line(layout, glyphs, words, row->first, row->count, page, segment, height);
      continue;
    }
    if (!in_band) segment += 2;
    in_band = 1;
    rc = emit_line(layout, glyphs, words, row->first, split - row->first, page, segment, height);
    if (rc == 0)
      rc = emit_line(layout, glyphs, words, split, row->first + row->count - split, page,
                     segment + 1, height);
  }
  ibid_free(rows);
  ibid_free(words);
  if (rc) return -1;
  if (layout->line_count > first_line) /* (lines is NULL before the first line) */
    qsort(layout->lines + first_line, layout->line_count - first_line, sizeof(pdf_line),
          by_segment_then_bottom);
  return 0;
}

/* ----- document-wide: body size, running furniture ---------------------------------- */

/* The commonest size (to a quarter point) of text in the upper halves of pages. */
static double body_size(const ibid_pdf_layout *layout) {
  enum { SLOTS = 64 };
  double sizes[SLOTS];
  size_t weights[SLOTS], used = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < layout->line_count; i++) {
      const pdf_line *line = &layout->lines[i];
      if (pass == 0 && line->y0 > line->page_height / 2) continue;
      double size = (double)(long)(line->size * 4 + 0.5) / 4;
      size_t s = 0;
      while (s < used && sizes[s] != size) s++;
      if (s == used) {
        if (used == SLOTS) continue;
        sizes[used] = size;
        weights[used++] = 0;
      }
      weights[s] += line->text_length;
    }
    if (used) break; /* the second pass counts every line (text only low on the page) */
  }
  double best = 10;
  size_t best_weight = 0;
  for (size_t s = 0; s < used; s++)
    if (weights[s] > best_weight) {
      best_weight = weights[s];
      best = sizes[s];
    }
  return best;
}

typedef struct candidate {
  size_t line;
  int bottom; /* 1 at the page foot, 0 at the top */
  char key[96];
} candidate;

/* The text of a line with digits as "#", ASCII lower-cased, blanks collapsed:
** "Page 12 of 30" and "Page 13 of 30" are the same running foot. */
static void running_key(const char *text, size_t length, char *key, size_t size) {
  size_t k = 0;
  for (size_t i = 0; i < length && k + 1 < size; i++) {
    char c = text[i];
    if (c >= '0' && c <= '9')
      c = '#';
    else if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c == ' ' && (k == 0 || key[k - 1] == ' ')) continue;
    if (c == '#' && k > 0 && key[k - 1] == '#') continue;
    key[k++] = c;
  }
  key[k] = 0;
}

/* A key of only the link words publishers print after a reference ("crossref
** medline", "[pubmed] [google scholar]"): it repeats at page feet inside a
** reference list, but belongs to the entry above it. */
static int link_words_key(const char *key) {
  static const char *const words[] = {"crossref", "cross-",  "ref",      "medline", "med-",
                                      "line",     "pubmed",  "google",   "scholar", "pmc",
                                      "free",     "article", "abstract", "full",    "text",
                                      "web",      "of",      "science",  "isi",     "scopus"};
  int strong = 0;
  for (const char *p = key; *p;) {
    while (*p == ' ' || *p == '[' || *p == ']' || *p == '|' || *p == ',' || *p == '.') p++;
    if (!*p) break;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '[' && p[n] != ']' && p[n] != '|' && p[n] != ',' &&
           p[n] != '.')
      n++;
    size_t k = 0, count = sizeof(words) / sizeof(*words);
    while (k < count && !(strlen(words[k]) == n && memcmp(words[k], p, n) == 0)) k++;
    if (k == count) return 0;
    strong |= k == 0 || k == 3 || k == 6 || k == 8;
    p += n;
  }
  return strong;
}

static int by_key(const void *a, const void *b) {
  const candidate *x = a, *y = b;
  if (x->bottom != y->bottom) return x->bottom - y->bottom;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* The second-highest top and second-lowest bottom of the lines [first, end)
** of a page: a running head or foot is one of the two lines beyond them. */
typedef struct page_edges {
  double top[3], bottom[3]; /* the three highest tops, the three lowest bottoms */
} page_edges;

static void keep_lowest(double *values, double v) {
  if (v < values[0]) {
    values[2] = values[1];
    values[1] = values[0];
    values[0] = v;
  } else if (v < values[1]) {
    values[2] = values[1];
    values[1] = v;
  } else if (v < values[2])
    values[2] = v;
}

static page_edges edges_of_page(const pdf_line *lines, size_t first, size_t end) {
  page_edges edges = {{1e300, 1e300, 1e300}, {1e300, 1e300, 1e300}};
  for (size_t i = first; i < end; i++) {
    keep_lowest(edges.top, lines[i].y0);
    keep_lowest(edges.bottom, -lines[i].bottom); /* the lowest bottoms, negated */
  }
  for (int k = 0; k < 3; k++) edges.bottom[k] = -edges.bottom[k];
  return edges;
}

/* Is the line among the `rank` highest (or lowest) of its page, in the top (or
** bottom) eighth of the page? (Two for heads and feet; a page number may have
** a first page's copyright and DOI lines beneath it: three.) */
static int edge_of_page(const pdf_line *line, const page_edges *edges, int bottom, int rank) {
  double limit = line->page_height / 8;
  if (bottom)
    return line->bottom >= line->page_height - limit &&
           line->bottom >= edges->bottom[rank - 1] - 0.5;
  return line->y0 <= limit && line->y0 <= edges->top[rank - 1] + 0.5;
}

/* "iv", "XII": the page numbers of front matter. */
static int is_roman_number(const char *text, size_t length) {
  if (length == 0 || length > 7) return 0;
  int lower = text[0] >= 'a';
  for (size_t i = 0; i < length; i++)
    if (!strchr(lower ? "ivxlcdm" : "IVXLCDM", text[i]) || text[i] == 0) return 0;
  return 1;
}

/* Marks running heads and feet (the same line at the top or bottom of at least
** two pages and a quarter of them, unless in large type: a title the head
** repeats) and page numbers as ROLE_RUNNING. */
static int mark_running(ibid_pdf_layout *layout, double body) {
  size_t count = 0, capacity = 64;
  candidate *candidates = ibid_malloc(capacity * sizeof(candidate));
  if (!candidates) return -1;
  pdf_line *lines = layout->lines;
  for (size_t first = 0; first < layout->line_count;) {
    size_t end = first;
    while (end < layout->line_count && lines[end].page == lines[first].page) end++;
    page_edges edges = edges_of_page(lines, first, end);
    for (size_t i = first; i < end; i++) {
      for (int bottom = 0; bottom < 2; bottom++) {
        const char *text = layout->text.data + lines[i].text_start;
        if (edge_of_page(&lines[i], &edges, bottom, 3) &&
            (ibid_text_is_page_number(text, lines[i].text_length) ||
             is_roman_number(text, lines[i].text_length)))
          lines[i].role = ROLE_RUNNING;
        if (!edge_of_page(&lines[i], &edges, bottom, 2)) continue;
        if (count == capacity) {
          candidate *more = ibid_realloc(candidates, capacity * 2 * sizeof(candidate));
          if (!more) {
            ibid_free(candidates);
            return -1;
          }
          candidates = more;
          capacity *= 2;
        }
        candidates[count].line = i;
        candidates[count].bottom = bottom;
        running_key(text, lines[i].text_length, candidates[count].key,
                    sizeof(candidates[count].key));
        count++;
      }
    }
    first = end;
  }
  /* A head seen on one page only (a two-page paper, a journal's name over
  ** the first page): the top line of a page, alone in smaller type than the
  ** body, a short line well above the next line of the page. */
  for (size_t first = 0; first < layout->line_count;) {
    size_t end = first, top = first;
    while (end < layout->line_count && lines[end].page == lines[first].page) {
      if (lines[end].y0 < lines[top].y0) top = end;
      end++;
    }
    const pdf_line *head = &lines[top];
    double below = 1e300;
    for (size_t i = first; i < end; i++)
      if (i != top && lines[i].y0 >= head->y0 && lines[i].y0 - head->y0 < below)
        below = lines[i].y0 - head->y0;
    if (head->role == ROLE_BODY && head->size < 0.95 * body && head->text_length < 120 &&
        head->y0 <= head->page_height / 8 && below > 2.5 * head->size && below < 1e300)
      lines[top].role = ROLE_RUNNING;
    first = end;
  }
  /* A head that changes from page to page (the section's title on odd pages):
  ** the highest or lowest line of a page, a page number at one end set apart
  ** from the rest by a wide gap (a cell), well away from the next line. */
  for (size_t first = 0; first < layout->line_count;) {
    size_t end = first, top = first, low = first;
    while (end < layout->line_count && lines[end].page == lines[first].page) {
      if (lines[end].y0 < lines[top].y0) top = end;
      if (lines[end].bottom > lines[low].bottom) low = end;
      end++;
    }
    for (int bottom = 0; bottom < 2; bottom++) {
      pdf_line *edge = &lines[bottom ? low : top];
      if (edge->role != ROLE_BODY || !edge->cells || edge->text_length > 160) continue;
      double gap = 1e300;
      for (size_t i = first; i < end; i++) {
        if (&lines[i] == edge) continue;
        double d = bottom ? edge->y0 - lines[i].bottom : lines[i].y0 - edge->bottom;
        if (d > -0.5 && d < gap) gap = d;
      }
      if (gap < 1.5 * edge->size) continue;
      const char *text = layout->text.data + edge->text_start;
      const char *tab = memchr(text, '\t', edge->text_length);
      const char *last_tab = tab;
      while (last_tab) {
        const char *next =
            memchr(last_tab + 1, '\t', edge->text_length - (size_t)(last_tab + 1 - text));
        if (!next) break;
        last_tab = next;
      }
      if (!tab) continue;
      size_t tail = edge->text_length - (size_t)(last_tab + 1 - text);
      if (ibid_text_is_page_number(text, (size_t)(tab - text)) ||
          ibid_text_is_page_number(last_tab + 1, tail))
        edge->role = ROLE_RUNNING;
    }
    first = end;
  }
  if (count) qsort(candidates, count, sizeof(candidate), by_key);
  for (size_t a = 0; a < count;) {
    size_t b = a;
    long pages = 0, last_page = -1;
    while (b < count && candidates[b].bottom == candidates[a].bottom &&
           strcmp(candidates[b].key, candidates[a].key) == 0) {
      if (lines[candidates[b].line].page != last_page) pages++;
      last_page = lines[candidates[b].line].page;
      b++;
    }
    if (pages >= 2 && pages * 4 >= layout->pages && candidates[a].key[0] &&
        !link_words_key(candidates[a].key))
      for (size_t k = a; k < b; k++) /* not a title in large type that the head repeats */
        if (lines[candidates[k].line].size < 1.12 * body)
          lines[candidates[k].line].role = ROLE_RUNNING;
    a = b;
  }
  ibid_free(candidates);
  return 0;
}

/* ----- footnotes ------------------------------------------------------------------- */

static int is_heading(const pdf_line *line, double body);

/* The note number a line starts with: superscript digits, or 1-3 digits and a
** blank or ". ". Sets *label_bytes to the bytes of label and blank. 0 if none. */
static long note_label(const char *text, size_t length, size_t *label_bytes) {
  long n = 0;
  size_t at = 0, digits = 0;
  while (at < length && digits < 4) {
    uint32_t c;
    size_t size = ibid_utf8_decode(text, length, at, &c);
    int value = -1;
    for (int d = 0; d < 10; d++)
      if (superscript_digits[d] == c) value = d;
    if (value < 0) break;
    n = n * 10 + value;
    digits++;
    at += size;
  }
  if (digits > 0 && digits < 4) {
    while (at < length && text[at] == ' ') at++;
    *label_bytes = at;
    return n > 0 ? n : 0;
  }
  n = 0;
  at = digits = 0;
  while (at < length && text[at] >= '0' && text[at] <= '9' && digits < 4) {
    n = n * 10 + (text[at++] - '0');
    digits++;
  }
  if (digits == 0 || digits > 3) return 0;
  if (at < length && text[at] == '.') at++;
  if (at >= length || text[at] != ' ') return 0;
  while (at < length && text[at] == ' ') at++;
  if (at >= length) return 0;
  *label_bytes = at;
  return n;
}

typedef struct note_writer {
  ibid_buffer *notes;
  long last;      /* number of the last note, 0 before the first */
  long last_page; /* the page it was on */
  double size;    /* type size of the notes taken last */
} note_writer;

/* ----- words hyphenated at a line end ------------------------------------------------ */

/* The words of the document (ASCII lower-cased), to tell "inter-" + "national"
** (rejoined: "international" occurs elsewhere) from "anti-" + "atrocity" (a
** compound: the hyphen stays). The halves of words split at a line end are
** not words of the text. Spans point into layout->text. */
typedef struct word_set {
  const char *text;
  size_t *starts, *lengths; /* open addressing; length 0 = empty slot */
  size_t slots, used;
  int failed;
} word_set;

static int is_word_byte(char c) {
  unsigned char u = (unsigned char)c;
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

static char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static size_t word_slot(const word_set *set, const char *word, size_t length) {
  uint64_t hash = 1469598103934665603ULL;
  for (size_t i = 0; i < length; i++)
    hash = (hash ^ (unsigned char)ascii_lower(word[i])) * 1099511628211ULL;
  size_t slot = (size_t)hash & (set->slots - 1);
  for (;;) {
    size_t n = set->lengths[slot];
    if (n == 0) return slot;
    if (n == length) {
      const char *other = set->text + set->starts[slot];
      size_t i = 0;
      while (i < n && ascii_lower(other[i]) == ascii_lower(word[i])) i++;
      if (i == n) return slot;
    }
    slot = (slot + 1) & (set->slots - 1);
  }
}

static int word_set_grow(word_set *set) {
  size_t slots = set->slots ? set->slots * 2 : 1024;
  size_t *starts = ibid_malloc(slots * sizeof(size_t));
  size_t *lengths = ibid_malloc(slots * sizeof(size_t));
  if (!starts || !lengths) {
    ibid_free(starts);
    ibid_free(lengths);
    set->failed = 1;
    return -1;
  }
  memset(lengths, 0, slots * sizeof(size_t));
  size_t *old_starts = set->starts, *old_lengths = set->lengths, old_slots = set->slots;
  set->starts = starts;
  set->lengths = lengths;
  set->slots = slots;
  for (size_t i = 0; i < old_slots; i++) {
    if (old_lengths[i] == 0) continue;
    size_t slot = word_slot(set, set->text + old_starts[i], old_lengths[i]);
    set->starts[slot] = old_starts[i];
    set->lengths[slot] = old_lengths[i];
  }
  ibid_free(old_starts);
  ibid_free(old_lengths);
  return 0;
}

static void word_set_add(word_set *set, size_t start, size_t length) {
  if (set->failed || length < 2) return;
  if ((set->used + 1) * 2 > set->slots && word_set_grow(set)) return;
  size_t slot = word_slot(set, set->text + start, length);
  if (set->lengths[slot]) return;
  set->starts[slot] = start;
  set->lengths[slot] = length;
  set->used++;
}

static int word_set_has(const word_set *set, const char *word, size_t length) {
  if (set->failed || set->slots == 0 || length == 0) return 0;
  return set->lengths[word_slot(set, word, length)] != 0;
}

/* Words of every line but running heads: runs of letters and digits with
** inner hyphens ("win-win"), minus the halves of line-end hyphenations. */
static void word_set_build(word_set *set, const ibid_pdf_layout *layout) {
  memset(set, 0, sizeof(*set));
  set->text = layout->text.data;
  if (word_set_grow(set)) return;
  int split_before = 0;
  for (size_t l = 0; l < layout->line_count; l++) {
    const pdf_line *line = &layout->lines[l];
    if (line->role == ROLE_RUNNING) continue;
    const char *text = layout->text.data + line->text_start;
    size_t length = line->text_length;
    int split_after = length >= 2 && text[length - 1] == '-' && is_word_byte(text[length - 2]);
    for (size_t i = 0; i < length;) {
      if (!is_word_byte(text[i])) {
        i++;
        continue;
      }
      size_t start = i;
      while (i < length && (is_word_byte(text[i]) ||
                            (text[i] == '-' && i + 1 < length && is_word_byte(text[i + 1]))))
        i++;
      if (split_before && start == 0) continue;     /* the rest of a split word */
      if (split_after && i == length - 1) continue; /* the head of a split word */
      word_set_add(set, line->text_start + start, i - start);
    }
    split_before = split_after;
  }
}

static void word_set_free(word_set *set) {
  ibid_free(set->starts);
  ibid_free(set->lengths);
}

int ibid_keep_hyphen(const char *first, size_t first_length, const char *rest, size_t rest_length,
                     int (*has_word)(void *words, const char *word, size_t length), void *words) {
  static const char *const prefixes[] = {
      "anti",  "counter", "non",   "self",    "co",     "post",   "pre",    "multi",  "inter",
      "semi",  "quasi",   "neo",   "socio",   "ex",     "pro",    "re",     "sub",    "cross",
      "well",  "long",    "short", "full",    "half",   "mid",    "pan",    "ultra",  "extra",
      "macro", "micro",   "geo",   "intra",   "trans",  "cyber",  "one",    "two",    "three",
      "four",  "five",    "six",   "seven",   "eight",  "nine",   "ten",    "twenty", "thirty",
      "forty", "fifty",   "sixty", "seventy", "eighty", "ninety", "hundred"};
  char joined[128];
  if (first_length == 0 || rest_length == 0) return 1;
  for (size_t i = 0; i < first_length; i++)
    if ((first[i] >= '0' && first[i] <= '9') || (first[i] >= 'A' && first[i] <= 'Z')) return 1;
  if (first_length + rest_length + 1 > sizeof(joined)) return 1;
  memcpy(joined, first, first_length);
  joined[first_length] = '-';
  memcpy(joined + first_length + 1, rest, rest_length);
  if (has_word(words, joined, first_length + 1 + rest_length)) return 1;
  memcpy(joined + first_length, rest, rest_length);
  if (has_word(words, joined, first_length + rest_length)) return 0;
  for (size_t p = 0; p < sizeof(prefixes) / sizeof(prefixes[0]); p++) {
    size_t n = strlen(prefixes[p]);
    if (n != first_length) continue;
    size_t i = 0;
    while (i < n && ascii_lower(first[i]) == prefixes[p][i]) i++;
    if (i == n) return 1;
  }
  return has_word(words, first, first_length) && has_word(words, rest, rest_length);
}

/* ibid_keep_hyphen's view of the word set (which it only reads). */
static int word_set_contains(void *set, const char *word, size_t length) {
  return word_set_has(set, word, length);
}

/* Does the block end inside a URL broken at the line end ("https://www.icc-
** cpi.int/news/" + "situations")? Its last token holds "://" or starts
** "www.", and ends with a character a URL breaks after. */
static int url_goes_on(const char *data, size_t n, const char *next, size_t next_length) {
  size_t start = n;
  while (start > 0 && data[start - 1] != ' ' && data[start - 1] != '\n') start--;
  size_t length = n - start;
  const char *token = data + start;
  int url = length >= 4 && memcmp(token, "www.", 4) == 0;
  for (size_t i = 0; i + 3 <= length && !url; i++) url = memcmp(token + i, "://", 3) == 0;
  if (!url || next_length == 0) return 0;
  char last = data[n - 1];
  if (strchr("/-_?=&#%~", last)) return 1;
  return last == '.' && ((next[0] >= 'a' && next[0] <= 'z') || (next[0] >= '0' && next[0] <= '9'));
}

/* Appends line text to a block being built, after a blank; a word hyphenated
** at the end of the line before is rejoined (or its hyphen kept, see
** ibid_keep_hyphen), and a closed em dash ("2009—") or a URL broken at the line
** end goes on without a blank. */
static void join_line(const word_set *words, ibid_buffer *out, const char *text, size_t length) {
  if (out->length > 0 && !out->failed) {
    const char *data = out->data;
    size_t n = out->length;
    unsigned char next = length ? (unsigned char)text[0] : 0;
    int lower_next = (next >= 'a' && next <= 'z') || (next >= 0xC3 && next <= 0xC5);
    if (n >= 2 && data[n - 1] == '-' && is_word_byte(data[n - 2]) && length &&
        is_word_byte(text[0]) && !url_goes_on(data, n, text, length)) {
      size_t first = n - 1;
      while (first > 0 && is_word_byte(data[first - 1])) first--;
      size_t rest = 0;
      while (rest < length && is_word_byte(text[rest])) rest++;
      if (lower_next && !ibid_keep_hyphen(data + first, n - 1 - first, text, rest,
                                          word_set_contains, (void *)words))
        out->length--; /* the typesetter's hyphen */
    } else if (!(n >= 4 && memcmp(data + n - 3, "\xE2\x80\x94", 3) == 0 && data[n - 4] != ' ') &&
               !url_goes_on(data, n, text, length)) {
      ibid_buffer_append_char(out, ' ');
    }
  }
  ibid_buffer_append(out, text, length);
}

/* Does a note label n open the next note? The first note of a document may
** have any number (numbering per chapter); later ones follow the last (a
** number or two may be missing from the text layer). */
static int opens_note(const note_writer *writer, long n) {
  if (n <= 0) return 0;
  return writer->last == 0 ? n < 1000 : n > writer->last && n <= writer->last + 3;
}

/* Ends the note being built in block and opens note n with its first text. */
static void start_note(note_writer *writer, ibid_buffer *block, long n, const char *text,
                       size_t length) {
  if (block->length) {
    ibid_buffer_append(writer->notes, "\n\n", 2);
    ibid_buffer_append(writer->notes, block->data, block->length);
    block->length = 0;
  }
  writer->last = n;
  ibid_buffer_append_int(block, n);
  ibid_buffer_append_char(block, ' ');
  ibid_buffer_append(block, text, length);
}

/* Does a heading name notes ("Notes", "Endnotes", "Anmerkungen", "Notas"),
** after a section number? */
static int is_notes_heading(const char *text, size_t length) {
  static const char *const words[] = {"notes",       "note",     "endnotes", "end notes",
                                      "anmerkungen", "endnoten", "fußnoten", "notas"};
  size_t at = 0;
  while (at < length &&
         ((text[at] >= '0' && text[at] <= '9') || text[at] == '.' || text[at] == ' '))
    at++;
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    size_t n = strlen(words[i]), k = 0;
    if (length - at < n) continue;
    while (k < n && ascii_lower(text[at + k]) == words[i][k]) k++;
    if (k == n && (at + n == length || text[at + n] == ' ' || text[at + n] == ':')) return 1;
  }
  return 0;
}

/* Do two type sizes agree (within 4%, the rounding of sizes by writers)? */
static int same_size(double a, double b) {
  return a > 0 && b > 0 && a <= 1.04 * b && b <= 1.04 * a;
}

/* Does a line open with a raised label (a superscript digit)? */
static int opens_raised(const char *text, size_t length) {
  uint32_t opening = 0;
  if (length) ibid_utf8_decode(text, length, 0, &opening);
  for (int d = 0; d < 10; d++)
    if (superscript_digits[d] == opening) return 1;
  return 0;
}

/* The first line of the footnotes among the lines [first, end) of one segment
** of a page, or end if there are none. Footnotes are set in one size: the run
** of lines at the foot in the size of the last one (a list in a larger small
** type above them is not notes); *zone is where that run starts, *foot its
** size. */
static size_t find_footnotes(const ibid_pdf_layout *layout, size_t page_first, size_t first,
                             size_t end, double body, const note_writer *writer, size_t *zone,
                             double *foot) {
  const pdf_line *lines = layout->lines;
  *zone = end;
  size_t last = end;
  while (last > first && lines[last - 1].role == ROLE_RUNNING) last--;
  if (last == first) return end;
  *foot = lines[last - 1].size;
  size_t start = end;
  while (start > first && (lines[start - 1].role == ROLE_RUNNING ||
                           (lines[start - 1].size < 0.93 * body && lines[start - 1].size > 0 &&
                            same_size(lines[start - 1].size, *foot))))
    start--;
  while (start < end && lines[start].role == ROLE_RUNNING) start++;
  *zone = start;
  if (start >= end) return end; /* nothing small */
  long page = lines[start].page;
  /* a note goes on at the next page's foot in the size of the notes before */
  int continues =
      writer->last > 0 && page - writer->last_page <= 1 && same_size(*foot, writer->size);
  /* A page all in small type holds notes only when they go on from the page
  ** before (endnotes set small); otherwise notes sit below the page's top quarter. */
  int whole_page = start == first && first == page_first;
  if (whole_page ? !continues : lines[start].y0 < lines[start].page_height / 4) return end;
  /* a numbered list in small type right under its heading ("References") is
  ** a reference list, not the page's footnotes (under "Notes" it is notes);
  ** notes with raised labels under a heading left alone at a page's foot are
  ** notes */
  size_t above = start;
  while (above > first && lines[above - 1].role == ROLE_RUNNING) above--;
  size_t label_bytes = 0;
  const char *text = layout->text.data + lines[start].text_start;
  int raised = opens_raised(text, lines[start].text_length);
  if (above > first && !continues && !raised && is_heading(&lines[above - 1], body) &&
      !is_notes_heading(layout->text.data + lines[above - 1].text_start,
                        lines[above - 1].text_length))
    return end;
  if (!opens_note(writer, note_label(text, lines[start].text_length, &label_bytes)) && !continues)
    return end;
  return start;
}

/* Looks at the lines [first, end) of one segment of a page: the smaller-type
** lines at its end, below the top quarter of the page, are footnotes when the
** first of them opens a note, or continues the last note when that was on
** this page or the one before. Lines in a yet smaller type beneath the notes
** (a first page's copyright and DOI lines) are page furniture. Marks the notes
** ROLE_FOOT and writes them. */
static void take_footnotes(ibid_pdf_layout *layout, size_t page_first, size_t first, size_t end,
                           double body, const word_set *words, note_writer *writer,
                           ibid_buffer *block) {
  pdf_line *lines = layout->lines;
  size_t zone;
  double foot = 0;
  size_t start = find_footnotes(layout, page_first, first, end, body, writer, &zone, &foot);
  if (start == end && zone < end) {
    /* notes in the type of a list above them: below the widest gap of the
    ** run, below the page's top quarter, opening a note with a raised label */
    double widest = 0.8 * foot;
    for (size_t k = zone + 1; k < end; k++) {
      const pdf_line *line = &lines[k], *up = &lines[k - 1];
      if (line->role == ROLE_RUNNING || up->role == ROLE_RUNNING ||
          line->y0 - up->bottom <= widest || line->y0 < line->page_height / 4)
        continue;
      const char *text = layout->text.data + line->text_start;
      size_t label_bytes = 0;
      if (opens_raised(text, line->text_length) &&
          opens_note(writer, note_label(text, line->text_length, &label_bytes))) {
        start = k;
        widest = line->y0 - up->bottom;
      }
    }
  }
  if (start == end && zone > first && zone < end && lines[zone - 1].size < 0.93 * body &&
      lines[zone - 1].size > foot) {
    size_t upper;
    double upper_foot = 0;
    size_t above =
        find_footnotes(layout, page_first, first, zone, body, writer, &upper, &upper_foot);
    if (above < zone) {
      for (size_t i = zone; i < end; i++) lines[i].role = ROLE_RUNNING;
      start = above;
      end = zone;
      foot = upper_foot;
    }
  }
  if (start >= end) return;
  long page = lines[start].page;
  for (size_t i = start; i < end; i++) {
    pdf_line *line = &lines[i];
    if (line->role == ROLE_RUNNING) continue;
    line->role = ROLE_FOOT;
    const char *text = layout->text.data + line->text_start;
    size_t label_bytes = 0;
    long n = note_label(text, line->text_length, &label_bytes);
    if (opens_note(writer, n))
      start_note(writer, block, n, text + label_bytes, line->text_length - label_bytes);
    else
      join_line(words, block, text, line->text_length);
  }
  writer->last_page = page;
  writer->size = foot;
}

/* ----- paragraphs -------------------------------------------------------------------- */

static int is_heading(const pdf_line *line, double body) {
  if (line->size >= 1.12 * body) return 1;
  return line->bold && line->size >= 0.9 * body && line->text_length < 200;
}

/* The k-th smallest of values[0..count) (count > k); reorders values. */
static double kth_smallest(double *values, size_t count, size_t k) {
  for (size_t i = 0; i <= k; i++) { /* k is tiny: partial selection sort */
    size_t least = i;
    for (size_t j = i + 1; j < count; j++)
      if (values[j] < values[least]) least = j;
    double v = values[i];
    values[i] = values[least];
    values[least] = v;
  }
  return values[k];
}

/* The usual distance between baselines of consecutive lines of one segment
** set in type of the given size (the body's, or the smaller type of a
** reference list), or 1.2 times the size when no two such lines follow. */
static double usual_leading(const ibid_pdf_layout *layout, double size) {
  double sample[512];
  size_t n = 0;
  for (size_t i = 1; i < layout->line_count && n < 512; i++) {
    const pdf_line *a = &layout->lines[i - 1], *b = &layout->lines[i];
    if (a->page != b->page || a->segment != b->segment) continue;
    if (a->size < size - 0.3 || a->size > size + 0.3 || b->size < size - 0.3 ||
        b->size > size + 0.3)
      continue;
    double d = b->bottom - a->bottom;
    if (d > 0.5 * size && d < 4 * size) sample[n++] = d;
  }
  /* the lower quartile, not the median: in a list with space between its
  ** entries (or short paragraphs) the wider gaps may be half the sample */
  double leading = n ? kth_smallest(sample, n, n / 4) : 0;
  return leading > 0 ? leading : 1.2 * size;
}

/* The usual leading of each type size of the document (to a quarter point):
** a paragraph gap is judged against the leading of the lines' own type. */
enum { LEADING_SLOTS = 16 };
typedef struct leading_table {
  double size[LEADING_SLOTS], leading[LEADING_SLOTS];
  size_t count;
  double body_leading;
} leading_table;

static void leading_table_build(leading_table *table, const ibid_pdf_layout *layout, double body) {
  table->count = 0;
  table->body_leading = usual_leading(layout, body);
  for (size_t i = 0; i < layout->line_count && table->count < LEADING_SLOTS; i++) {
    const pdf_line *line = &layout->lines[i];
    if (line->role != ROLE_BODY) continue;
    double size = (double)(long)(line->size * 4 + 0.5) / 4;
    size_t s = 0;
    while (s < table->count && table->size[s] != size) s++;
    if (s < table->count) continue;
    table->size[s] = size;
    table->leading[s] = usual_leading(layout, size);
    table->count++;
  }
}

static double leading_of(const leading_table *table, double size) {
  double rounded = (double)(long)(size * 4 + 0.5) / 4;
  for (size_t s = 0; s < table->count; s++)
    if (table->size[s] == rounded) return table->leading[s];
  return table->body_leading;
}

/* Sets segment_left/right of each line: the edges of the body lines of its
** segment, ignoring the two lines that reach furthest out (a URL or a
** formula sticking out of a justified column must not make every other line
** look short). */
static void segment_edges(ibid_pdf_layout *layout, double body) {
  enum { SAMPLE = 256 };
  double lefts[SAMPLE], rights[SAMPLE];
  pdf_line *lines = layout->lines;
  for (size_t first = 0; first < layout->line_count;) {
    size_t end = first, n = 0;
    while (end < layout->line_count && lines[end].page == lines[first].page &&
           lines[end].segment == lines[first].segment) {
      if (lines[end].role == ROLE_BODY && n < SAMPLE && !is_heading(&lines[end], body) &&
          lines[end].size > body - 0.6 && lines[end].size < body + 0.6) {
        lefts[n] = lines[end].x0;
        rights[n] = -lines[end].x1;
        n++;
      }
      end++;
    }
    if (n == 0) /* no line in body type (a page of the reference list in small
                ** type): the edges of the segment's other lines */
      for (size_t i = first; i < end && n < SAMPLE; i++)
        if (lines[i].role == ROLE_BODY && !is_heading(&lines[i], body)) {
          lefts[n] = lines[i].x0;
          rights[n] = -lines[i].x1;
          n++;
        }
    size_t k = n >= 8 ? 2 : 0;
    double left = n ? kth_smallest(lefts, n, k) : 0;
    double right = n ? -kth_smallest(rights, n, k) : 0;
    for (size_t i = first; i < end; i++) {
      lines[i].segment_left = left;
      lines[i].segment_right = right;
    }
    first = end;
  }
}

static int in_segment_of(const pdf_line *line, const pdf_line *other) {
  return line && other && line->page == other->page && line->segment == other->segment;
}

/* Is line b among the entries of a list with hanging indents? Around it (up
** to `reach` lines of its segment and type size before and after), look at each
** line indented by one to four ems after a line at the left edge: in a list
** with hanging indents the line before did not end early (the indented line's
** first word would not have fitted after it: the entry goes on); in text with
** first-line indents it did (it ended a paragraph). */
static int in_hanging_list(const ibid_pdf_layout *layout, const pdf_line *b, double body,
                           size_t reach) {
  const pdf_line *lines = layout->lines;
  size_t at = (size_t)(b - lines), hanging = 0, paragraph = 0;
  size_t from = at, to = at; /* the window [from, to] */
  for (size_t seen = 0; from > 0 && at - from < 40 && seen < reach;) {
    const pdf_line *l = &lines[from - 1];
    if (!in_segment_of(l, b)) break;
    from--;
    if (l->role == ROLE_BODY && l->size > b->size - 0.3 && l->size < b->size + 0.3) seen++;
  }
  for (size_t seen = 0; to + 1 < layout->line_count && to - at < 40 && seen < reach;) {
    const pdf_line *l = &lines[to + 1];
    if (!in_segment_of(l, b)) break;
    to++;
    if (l->role == ROLE_BODY && l->size > b->size - 0.3 && l->size < b->size + 0.3) seen++;
  }
  const pdf_line *previous = NULL;
  for (size_t i = from; i <= to; i++) {
    const pdf_line *l = &lines[i];
    if (l->role != ROLE_BODY || l->size < b->size - 0.3 || l->size > b->size + 0.3 ||
        is_heading(l, body)) {
      if (l->role == ROLE_BODY) previous = NULL;
      continue;
    }
    double in = l->x0 - l->segment_left;
    if (previous && previous->x0 - previous->segment_left < 0.3 * body && in > 0.6 * body &&
        in < 4 * body) {
      if (previous->segment_right - previous->x1 > l->first_word_width + 0.6 * body)
        paragraph++;
      else
        hanging++;
      /* and the line after it: back at the edge after a full line, the
      ** paragraph goes on; indented too, or after a short line, the entry
      ** went on and ended */
      const pdf_line *next = i + 1 <= to ? &lines[i + 1] : NULL;
      if (next && next->role == ROLE_BODY && in_segment_of(next, l) && next->size > l->size - 0.3 &&
          next->size < l->size + 0.3) {
        double next_in = next->x0 - next->segment_left;
        if (next_in > 0.6 * body && next_in < 4 * body)
          hanging++;
        else if (next_in < 0.3 * body)
          (l->segment_right - l->x1 > next->first_word_width + 0.6 * body) ? hanging++
                                                                           : paragraph++;
      }
    }
    previous = l;
  }
  return hanging >= 2 && hanging > paragraph;
}

/* Is one of the three lines after b in its segment indented by one to four
** ems? (A cheap test before in_hanging_list, which looks at a wider window.) */
static int indent_follows(const ibid_pdf_layout *layout, const pdf_line *b, double body) {
  size_t at = (size_t)(b - layout->lines);
  for (size_t k = at + 1; k < layout->line_count && k <= at + 3; k++) {
    const pdf_line *l = &layout->lines[k];
    if (!in_segment_of(l, b)) break;
    double in = l->x0 - l->segment_left;
    if (l->role == ROLE_BODY && in > 0.6 * body && in < 4 * body) return 1;
  }
  return 0;
}

/* Is a line near b indented by one to four ems (up to six body lines of b's
** segment and type size before or after it, not past a heading)? */
static int indent_near(const ibid_pdf_layout *layout, const pdf_line *b, double body) {
  const pdf_line *lines = layout->lines;
  size_t at = (size_t)(b - lines);
  for (int forward = 0; forward < 2; forward++) {
    size_t k = at, seen = 0;
    while (seen < 6 && (forward ? k + 1 < layout->line_count : k > 0)) {
      k = forward ? k + 1 : k - 1;
      const pdf_line *l = &lines[k];
      if (!in_segment_of(l, b)) break;
      if (l->role != ROLE_BODY) continue;
      if (is_heading(l, body) || l->size < b->size - 0.3 || l->size > b->size + 0.3) break;
      seen++;
      double in = l->x0 - l->segment_left;
      if (in > 0.6 * body && in < 4 * body) return 1;
    }
  }
  return 0;
}

/* Does b's segment open with lines of b's type size at its left edge that go
** on with a list with hanging indents from the segment before (a page of
** one-line entries after a page break shows no indent of its own)? */
static int list_goes_on(const ibid_pdf_layout *layout, const pdf_line *b, double body) {
  const pdf_line *lines = layout->lines;
  size_t k = (size_t)(b - lines), seen = 0;
  while (k > 0 && in_segment_of(&lines[k - 1], b)) {
    if (++seen > 80) return 0; /* more than a page of lines: no page of entries */
    const pdf_line *l = &lines[--k];
    if (l->role != ROLE_BODY) continue;
    if (is_heading(l, body) || l->size < b->size - 0.3 || l->size > b->size + 0.3 ||
        l->x0 - l->segment_left > 4 * body)
      return 0;
  }
  while (k > 0 && lines[k - 1].role != ROLE_BODY) k--;
  if (k == 0) return 0;
  const pdf_line *p = &lines[k - 1];
  return p->size > b->size - 0.3 && p->size < b->size + 0.3 && !is_heading(p, body) &&
         in_hanging_list(layout, p, body, 12);
}

/* Is b indented as the first line of a paragraph: further in than a, the
** line after it back out, b itself full? (A hanging indent -- a reference
** list -- indents the lines after a full first line instead; a block quote
** indents them all.) */
static int first_line_indent(const pdf_line *a, const pdf_line *b, const pdf_line *after,
                             double body) {
  double indent_b = b->x0 - b->segment_left, indent_a = a->x0 - a->segment_left;
  if (indent_b - indent_a <= 0.6 * body) return 0;
  if (!after || after->page > b->page + 1) return 0;
  if (after->x0 - after->segment_left > indent_b - 0.6 * body) return 0;
  return b->x1 >= b->segment_right - body;
}

/* Does body line b start a new block after body line a? `before` is the
** body line before a and `after` the one after b (or NULL). */
static int starts_block(const ibid_pdf_layout *layout, const pdf_line *before, const pdf_line *a,
                        int a_opens_block, const pdf_line *b, const pdf_line *after, double body,
                        const leading_table *leadings) {
  int heading_a = is_heading(a, body), heading_b = is_heading(b, body);
  if (heading_a != heading_b) return 1;
  /* each row of a table is a block of its own, as ibid_clean keeps them */
  if (a->cells || b->cells) return 1;
  int same_segment = a->page == b->page && a->segment == b->segment;
  /* a heading wrapped over lines (its last line may stand apart from the gutter) */
  if (heading_a)
    return !(a->page == b->page && a->bold == b->bold && a->size > b->size - 0.3 &&
             a->size < b->size + 0.3 && b->bottom > a->bottom &&
             b->bottom - a->bottom < 2 * a->size);
  const char *text = layout->text.data + b->text_start;
  int level;
  if (ibid_text_bullet_length(text, b->text_length, &level) > 0) return 1;
  ibid_line_opening opening = ibid_text_line_opens(text, b->text_length);
  if (opening == IBID_OPENS_CAPTION) return 1;
  if (opening == IBID_OPENS_BULLET) {
    /* a row label and a bullet ("Q3 § ..."); not a word and a dash ("ICC – an ...") */
    const char *space = memchr(text, ' ', b->text_length);
    size_t rest = space ? b->text_length - (size_t)(space + 1 - text) : 0;
    if (space && ibid_text_bullet_length(space + 1, rest, &level) > 0 && level == 1) return 1;
  }
  if (b->size < a->size - 0.6 || b->size > a->size + 0.6) return 1;
  /* a word hyphenated at the end of a goes on in b */
  const char *end_of_a = layout->text.data + a->text_start + a->text_length;
  if (a->text_length >= 2 && end_of_a[-1] == '-' && is_word_byte(end_of_a[-2]) && b->text_length &&
      text[0] >= 'a' && text[0] <= 'z')
    return 0;
  /* a ended short: the first word of b would have fit after it. The right edge
  ** is that of the lines around (a block quote has its own), at most the column's. */
  double right = a->x1;
  if (in_segment_of(before, a)) right = max_double(right, before->x1);
  if (same_segment) right = max_double(right, b->x1);
  right = min_double(right, a->segment_right);
  /* no line around reaches further (a one-line entry among short lines, the
  ** last line of a page): the column's edge, unless a is indented as a block
  ** quote is */
  if (right <= a->x1 + 0.5 && a->x0 - a->segment_left < 0.6 * body) right = a->segment_right;
  if (right - a->x1 > b->first_word_width + 0.6 * body) return 1;
  /* (in a list with hanging indents, an indented line goes on with the entry,
  ** also at the top of a column or page) */
  if (first_line_indent(a, b, after, body) && !in_hanging_list(layout, b, body, 6)) return 1;
  /* b further out than a, which did not open its block: the end of a block
  ** quote, or the next entry of a list with hanging indents */
  if (!a_opens_block && (a->x0 - a->segment_left) - (b->x0 - b->segment_left) > 0.6 * body)
    return 1;
  /* b opens an entry of a list with hanging indents: a and b start at one
  ** left edge, b fills its line and the line after b is indented by one to
  ** four ems (a one-line entry before it shows no indent of its own) */
  if (after && in_segment_of(b, after) && in_segment_of(a, b) && b->x0 - a->x0 < 0.3 * body &&
      a->x0 - b->x0 < 0.3 * body && b->x1 >= b->segment_right - 2 * body &&
      after->x0 - b->x0 > 0.6 * body && after->x0 - b->x0 < 4 * body &&
      after->size > b->size - 0.3 && after->size < b->size + 0.3 &&
      in_hanging_list(layout, after, body, 6))
    return 1;
  /* a and b both at the left edge of a list with hanging indents: b is the
  ** next entry, after an entry of one full line (also where a ends one
  ** column or page and b starts the next: the list is seen on either side) */
  if (a->x0 - a->segment_left < 0.3 * body && b->x0 - b->segment_left < 0.3 * body &&
      b->size > a->size - 0.3 && b->size < a->size + 0.3) {
    if (in_segment_of(a, b) && indent_follows(layout, b, body) &&
        in_hanging_list(layout, b, body, 6))
      return 1;
    if (in_segment_of(a, b) ? indent_near(layout, b, body)
                            : indent_near(layout, a, body) || indent_near(layout, b, body))
      if (in_hanging_list(layout, b, body, 12) ||
          (!in_segment_of(a, b) && in_hanging_list(layout, a, body, 12)))
        return 1;
    if (list_goes_on(layout, b, body)) return 1;
  }
  if (same_segment && b->bottom - a->bottom > 1.3 * leading_of(leadings, a->size)) return 1;
  return 0;
}

static void end_block(ibid_buffer *out, ibid_buffer *block) {
  if (block->length == 0) return;
  if (out->length) ibid_buffer_append(out, "\n\n", 2);
  ibid_buffer_append(out, block->data, block->length);
  block->length = 0;
}

int ibid_pdf_layout_write(ibid_pdf_layout *layout, ibid_document *document) {
  if (layout->text.failed) return -1;
  if (layout->line_count == 0) return 0;
  double body = body_size(layout);
  if (mark_running(layout, body)) return -1;
  ibid_buffer notes, block, out;
  ibid_buffer_init(&notes);
  ibid_buffer_init(&block);
  ibid_buffer_init(&out);
  note_writer writer = {&notes, 0, 0, 0};
  word_set words;
  word_set_build(&words, layout);
  pdf_line *lines = layout->lines;
  size_t page_first = 0;
  for (size_t first = 0; first < layout->line_count;) {
    size_t end = first;
    if (lines[first].page != lines[page_first].page) page_first = first;
    while (end < layout->line_count && lines[end].page == lines[first].page &&
           lines[end].segment == lines[first].segment)
      end++;
    take_footnotes(layout, page_first, first, end, body, &words, &writer, &block);
    first = end;
  }
  if (block.length) {
    ibid_buffer_append(&notes, "\n\n", 2);
    ibid_buffer_append(&notes, block.data, block.length);
    block.length = 0;
  }
  segment_edges(layout, body);
  leading_table leadings;
  leading_table_build(&leadings, layout, body);
  const pdf_line *before = NULL, *previous = NULL;
  int previous_opens_block = 0;
  for (size_t i = 0; i < layout->line_count; i++) {
    const pdf_line *line = &lines[i];
    if (line->role != ROLE_BODY) continue;
    const pdf_line *after = NULL;
    for (size_t k = i + 1; k < layout->line_count && !after; k++)
      if (lines[k].role == ROLE_BODY) after = &lines[k];
    int opens = !previous || starts_block(layout, before, previous, previous_opens_block, line,
                                          after, body, &leadings);
    if (opens) end_block(&out, &block);
    previous_opens_block = opens;
    join_line(&words, &block, layout->text.data + line->text_start, line->text_length);
    before = previous;
    previous = line;
  }
  end_block(&out, &block);
  if (notes.length) {
    ibid_buffer_append_string(&out, out.length ? "\n\nFootnotes" : "Footnotes");
    ibid_buffer_append(&out, notes.data, notes.length);
  }
  int rc = -1;
  if (!out.failed && !notes.failed && !block.failed && !words.failed) {
    size_t clean_length;
    char *clean = ibid_clean_text(out.data ? out.data : "", out.length, &clean_length);
    if (clean) {
      ibid_buffer_append(&document->body, clean, clean_length);
      document->body_characters += ibid_utf8_count(clean, clean_length);
      ibid_free(clean);
      rc = ibid_document_failed(document) ? -1 : 0;
    }
  }
  word_set_free(&words);
  ibid_buffer_free(&notes);
  ibid_buffer_free(&block);
  ibid_buffer_free(&out);
  return rc;
}
