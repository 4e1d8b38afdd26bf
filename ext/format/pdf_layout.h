/*
** pdf_layout.h -- reading order, paragraphs, footnotes and markers from the
** geometry of a PDF page's glyphs (pure: no poppler, unit-testable).
**
** pdf.c extracts, for every page, the glyphs a PDF reader reports (one code
** point each, with its box, font size and weight, in the reader's text order)
** and hands them to a layout. When every page is in, ibid_pdf_layout_write()
** writes the body text of an ibid_document:
**   - running heads and page numbers (lines repeated at the top or bottom of
**     many pages, a lone number there) are dropped;
**   - two-column pages are read column by column (a gutter: a vertical band
**     that no line crosses on most of the page);
**   - lines are joined into paragraphs (a paragraph ends at a short line, a
**     larger gap, an indented line or a heading); words hyphenated at a line
**     end are rejoined as ibid_clean() does (the hyphen stays in compounds);
**   - headings (larger or bold type) are blocks of their own;
**   - raised small digits become superscript digits glued to the word before
**     ("court.¹²"), the note markers ibid_markers reads;
**   - footnotes (smaller type at the foot of a column, starting with their
**     number) are collected, a note continued on the next page joined, and
**     written after the body under a "Footnotes" heading, one block per note
**     "N text", the way ibid_notes reads them.
*/
#ifndef IBID_PDF_LAYOUT_H
#define IBID_PDF_LAYOUT_H
#include <stddef.h>
#include <stdint.h>

#include "document.h"

typedef struct ibid_pdf_glyph {
  uint32_t codepoint;
  double x0, y0, x1, y1; /* box in points, y grows downwards from the page top */
  double size;           /* font size in points */
  int bold;              /* the font's name says bold, black, heavy, semibold */
} ibid_pdf_glyph;

typedef struct ibid_pdf_layout ibid_pdf_layout;

/* NULL when out of memory. */
ibid_pdf_layout *ibid_pdf_layout_new(void);
void ibid_pdf_layout_free(ibid_pdf_layout *layout);

/*
** Adds the next page: its glyphs in the reader's order (white-space glyphs
** mark word breaks; their boxes are not used) and its size. Only lines are
** kept, not glyphs, so memory follows the text, not the page count.
** Returns 0, or -1 when out of memory.
*/
int ibid_pdf_layout_add_page(ibid_pdf_layout *layout, const ibid_pdf_glyph *glyphs, size_t count,
                             double width, double height);

/* Glyphs other than white space added so far (0: the PDF has no text layer). */
size_t ibid_pdf_layout_glyphs(const ibid_pdf_layout *layout);

/* Writes body and notes into the document (see above). Returns 0, or -1 when
** out of memory. */
int ibid_pdf_layout_write(ibid_pdf_layout *layout, ibid_document *document);

/*
** Keep the hyphen of "first-" + "rest", a word split across a line end? The
** rule ibid_clean (text.c) and the layout share: yes when first holds a
** capital or a digit ("UN-", "1990s-") or is a common prefix ("anti-",
** "post-"), and when the hyphenated form occurs in the text; no when the
** joined word does; else yes only when both halves are words of the text.
** has_word(words, word, length) says whether a word occurs in the text
** (ASCII case ignored).
*/
int ibid_keep_hyphen(const char *first, size_t first_length, const char *rest, size_t rest_length,
                     int (*has_word)(void *words, const char *word, size_t length), void *words);

#endif
