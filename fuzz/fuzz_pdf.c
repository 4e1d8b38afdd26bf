/* fuzz_pdf.c -- libFuzzer target for PDF in: bytes that start with "%PDF" go
** through ibid_pdf_convert (poppler, then ext/format/pdf_layout.c); any other bytes
** are read as glyph records and laid out directly, so that the layout's
** geometry (rows, gutters, footnotes, running heads) meets every shape of
** input, not only what poppler lets through. The body must be valid UTF-8
** and the JSON must be written -- without crash, leak or hang (checks:
** fuzz_document.h).
** Seed it with the test PDFs: build/fuzz_pdf -max_total_time=60
**   -max_len=65536 "$(mktemp -d)" tests/formats/pdf  (scratch directory FIRST). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "convert.h"
#include "fuzz_document.h"
#include "pdf_layout.h"

/* 8 bytes a glyph: code point (a few ranges), x, y, width, height, size,
** flags (bold, new page). Coordinates in points on a Letter page. */
static void layout_glyphs(const uint8_t *data, size_t size) {
  enum { RECORD = 8, MAX_GLYPHS = 8192 };
  static const uint32_t alphabet[] = {' ',    'a',    'e',    'n',      'I',    '-',    '.',
                                      '1',    '2',    '\n',   0xB9,     0x2019, 0xFB01, 0xAD,
                                      0x00E9, 0x2014, 0xFFFD, 0x10FFFF, 0xD800};
  ibid_pdf_glyph *glyphs = ibid_malloc(MAX_GLYPHS * sizeof(ibid_pdf_glyph));
  ibid_pdf_layout *layout = ibid_pdf_layout_new();
  if (!glyphs || !layout) {
    ibid_free(glyphs);
    ibid_pdf_layout_free(layout);
    return;
  }
  size_t count = 0;
  for (size_t at = 0; at + RECORD <= size; at += RECORD) {
    const uint8_t *r = data + at;
    if ((r[7] & 2) && count) {
      ibid_pdf_layout_add_page(layout, glyphs, count, 612, 792);
      count = 0;
    }
    if (count == MAX_GLYPHS) break;
    ibid_pdf_glyph *g = &glyphs[count++];
    g->codepoint = r[0] < 200 ? alphabet[r[0] % (sizeof(alphabet) / sizeof(alphabet[0]))]
                              : (uint32_t)('A' + r[0] % 26);
    g->x0 = r[1] * 2.5;
    g->y0 = r[2] * 3.2;
    g->x1 = g->x0 + r[3] / 16.0;
    g->y1 = g->y0 + r[4] / 8.0;
    g->size = r[5] / 8.0;
    g->bold = r[6] & 1;
  }
  ibid_pdf_layout_add_page(layout, glyphs, count, 612, 792);
  ibid_document document;
  ibid_document_init(&document);
  if (ibid_pdf_layout_write(layout, &document) == 0) fuzz_check_document(&document);
  ibid_document_free(&document);
  ibid_pdf_layout_free(layout);
  ibid_free(glyphs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 4 && memcmp(data, "%PDF", 4) == 0) {
    fuzz_check_conversion(ibid_pdf_convert, (const char *)data, size);
    return 0;
  }
  layout_glyphs(data, size);
  return 0;
}
