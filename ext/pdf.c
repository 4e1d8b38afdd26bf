/*
** pdf.c -- PDF in: ibid_pdf_convert() reads a PDF with poppler-glib (see
** convert.h) and hands every page's glyphs, with their boxes and fonts, to
** the layout of pdf_layout.c, which writes the body.
**
** Compiled with poppler only when the Makefile defines IBID_HAVE_POPPLER
** (pkg-config found poppler-glib); otherwise ibid_pdf_convert() sets an error.
**
** Limits: at most IBID_PDF_MAX_PAGES pages are read (a page-count bomb
** claims millions); the document's "error" then says how many. An encrypted
** PDF that needs a password, one with no text layer (scanned images: ibid
** does no OCR) and one poppler cannot open get an error and an empty body.
** poppler prints its syntax warnings on stderr: poppler-glib has no call to
** silence them (the C++ core's setErrorCallback is not part of its API).
*/
#include "convert.h"

#ifndef IBID_HAVE_POPPLER

int ibid_pdf_available(void) {
  return 0;
}

int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document) {
  (void)bytes;
  (void)length;
  document->format = IBID_FORMAT_PDF;
  ibid_document_fail(document,
                     "PDF support is not built in: install libpoppler-glib-dev and rebuild");
  return 0;
}

#else

#include <poppler.h>
#include <string.h>
#include <stdio.h>

#include "memory.h"
#include "pdf_layout.h"
#include "utf8.h"

/* Pages read at most; the error says so when a document has more. */
#define IBID_PDF_MAX_PAGES 2000

int ibid_pdf_available(void) {
  return 1;
}

/* Font names say the weight: "Times-Bold", "ABCDEF+MinionPro-Semibold". */
static int is_bold_font(const char *name) {
  static const char *const weights[] = {"Bold", "bold", "Black", "Heavy", "Semibold", "Demi"};
  if (!name) return 0;
  for (size_t i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
    if (strstr(name, weights[i])) return 1;
  return 0;
}

/* Reads one page's glyphs (poppler's text, one box per character, font
** attributes per character range) into the layout. */
static int add_page(PopplerPage *page, ibid_pdf_layout *layout) {
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  PopplerRectangle *boxes = NULL;
  guint box_count = 0;
  char *text = poppler_page_get_text(page);
  if (!text || !poppler_page_get_text_layout(page, &boxes, &box_count)) {
    g_free(text);
    return ibid_pdf_layout_add_page(layout, NULL, 0, width, height);
  }
  size_t length = strlen(text);
  size_t characters =
      g_utf8_validate(text, (gssize)length, NULL) ? ibid_utf8_count(text, length) : 0;
  size_t count = characters < box_count ? characters : box_count;
  ibid_pdf_glyph *glyphs = ibid_malloc((count ? count : 1) * sizeof(ibid_pdf_glyph));
  if (!glyphs) {
    g_free(boxes);
    g_free(text);
    return -1;
  }
  size_t at = 0;
  for (size_t i = 0; i < count; i++) {
    uint32_t codepoint;
    at += ibid_utf8_decode(text, length, at, &codepoint);
    ibid_pdf_glyph *g = &glyphs[i];
    g->codepoint = codepoint;
    g->x0 = boxes[i].x1 < boxes[i].x2 ? boxes[i].x1 : boxes[i].x2;
    g->x1 = boxes[i].x1 < boxes[i].x2 ? boxes[i].x2 : boxes[i].x1;
    g->y0 = boxes[i].y1 < boxes[i].y2 ? boxes[i].y1 : boxes[i].y2;
    g->y1 = boxes[i].y1 < boxes[i].y2 ? boxes[i].y2 : boxes[i].y1;
    g->size = g->y1 - g->y0; /* until the attributes say */
    g->bold = 0;
  }
  GList *attributes = poppler_page_get_text_attributes(page);
  for (GList *item = attributes; item; item = item->next) {
    const PopplerTextAttributes *a = item->data;
    if (!a || a->start_index < 0) continue;
    int bold = is_bold_font(a->font_name);
    for (size_t i = (size_t)a->start_index; i <= (size_t)a->end_index && i < count; i++) {
      glyphs[i].size = a->font_size;
      glyphs[i].bold = bold;
    }
  }
  poppler_page_free_text_attributes(attributes);
  int rc = ibid_pdf_layout_add_page(layout, glyphs, count, width, height);
  ibid_free(glyphs);
  g_free(boxes);
  g_free(text);
  return rc;
}

/* Titles that name a file, not a work ("Microsoft Word - draft.docx", "untitled"). */
static int plausible_title(const char *title) {
  static const char *const makers[] = {
      "Microsoft Word - ", "Microsoft PowerPoint - ", "untitled", "Untitled", "Document", "Title"};
  static const char *const extensions[] = {".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd",
                                           ".rtf", ".odt",  ".qxd", ".ps",  ".txt"};
  size_t length = strlen(title);
  if (length < 4 || length > 500) return 0;
  for (size_t i = 0; i < sizeof(makers) / sizeof(makers[0]); i++)
    if (strncmp(title, makers[i], strlen(makers[i])) == 0) return 0;
  for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
    size_t n = strlen(extensions[i]);
    if (length > n && g_ascii_strcasecmp(title + length - n, extensions[i]) == 0) return 0;
  }
  int letters = 0;
  for (const char *c = title; *c; c++) letters += g_ascii_isalpha(*c) != 0;
  return letters >= 3;
}

/* One author name as CSL: "Mills, Kurt" or "Kurt Mills" -> family and given. */
static void append_author(ibid_buffer *out, const char *name, size_t length) {
  while (length && name[0] == ' ') {
    name++;
    length--;
  }
  while (length && name[length - 1] == ' ') length--;
  if (length == 0) return;
  if (out->length > 1) ibid_buffer_append_char(out, ',');
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  const char *comma = memchr(name, ',', length);
  const char *space = NULL;
  for (size_t i = length; i-- > 0;)
    if (name[i] == ' ') {
      space = name + i;
      break;
    }
  if (comma) {
    size_t given = length - (size_t)(comma + 1 - name);
    const char *g = comma + 1;
    while (given && *g == ' ') {
      g++;
      given--;
    }
    ibid_json_object_string(&object, "family", name, (size_t)(comma - name));
    if (given) ibid_json_object_string(&object, "given", g, given);
  } else if (space) {
    ibid_json_object_string(&object, "family", space + 1, length - (size_t)(space + 1 - name));
    ibid_json_object_string(&object, "given", name, (size_t)(space - name));
  } else {
    ibid_json_object_string(&object, "literal", name, length);
  }
  ibid_json_object_end(&object);
}

/* Authors separated by ";" or " and " (a lone comma may be "Family, Given"). */
static void add_authors(ibid_document *document, const char *authors) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_append_char(&out, '[');
  const char *at = authors;
  while (*at) {
    const char *end = at;
    while (*end && *end != ';' && strncmp(end, " and ", 5) != 0 && strncmp(end, " & ", 3) != 0)
      end++;
    append_author(&out, at, (size_t)(end - at));
    if (!*end) break;
    at = end + (*end == ';' ? 1 : (end[1] == '&' ? 3 : 5));
  }
  ibid_buffer_append_char(&out, ']');
  if (!out.failed && out.length > 2) ibid_document_meta(document, "author", out.data, out.length);
  ibid_buffer_free(&out);
}

/* Title, author, subject (as "abstract", only when it is a dozen words or
** more) and creation date (as "issued") from the info dictionary, each only
** when present and plausible. */
static void add_metadata(PopplerDocument *pdf, ibid_document *document) {
  char *title = poppler_document_get_title(pdf);
  if (title && g_utf8_validate(title, -1, NULL)) {
    g_strstrip(title);
    if (plausible_title(title)) ibid_document_meta_string(document, "title", title, strlen(title));
  }
  g_free(title);
  char *author = poppler_document_get_author(pdf);
  if (author && g_utf8_validate(author, -1, NULL) && strlen(author) < 1000) {
    g_strstrip(author);
    int letters = 0;
    for (const char *c = author; *c; c++) letters += g_ascii_isalpha(*c) != 0;
    if (letters >= 2) add_authors(document, author);
  }
  g_free(author);
  char *subject = poppler_document_get_subject(pdf);
  if (subject && g_utf8_validate(subject, -1, NULL)) {
    g_strstrip(subject);
    /* a description of a dozen words or more is an abstract; shorter, a label */
    int words = 0;
    for (const char *c = subject; *c; c++) words += *c == ' ';
    if (words >= 11) ibid_document_meta_string(document, "abstract", subject, strlen(subject));
  }
  g_free(subject);
  GDateTime *created = poppler_document_get_creation_date_time(pdf);
  if (created) {
    int year = g_date_time_get_year(created);
    if (year >= 1990 && year <= 2100) {
      char date[64];
      int n = snprintf(date, sizeof(date), "{\"date-parts\":[[%d,%d,%d]]}", year,
                       g_date_time_get_month(created), g_date_time_get_day_of_month(created));
      if (n > 0 && (size_t)n < sizeof(date))
        ibid_document_meta(document, "issued", date, (size_t)n);
    }
    g_date_time_unref(created);
  }
}

static void fail_open(ibid_document *document, const GError *error) {
  if (error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED)
    ibid_document_fail(document, "PDF is encrypted: it needs a password, which ibid does not take");
  else
    ibid_document_fail(document, "PDF could not be read: damaged, truncated or not a PDF");
}

int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document) {
  document->format = IBID_FORMAT_PDF;
  /* poppler reads the caller's bytes in place: they outlive the document */
  GBytes *data = g_bytes_new_static(bytes, length);
  GError *error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_bytes(data, NULL, &error);
  if (!pdf) {
    fail_open(document, error);
    if (error) g_error_free(error);
    g_bytes_unref(data);
    return 0;
  }
  int pages = poppler_document_get_n_pages(pdf);
  document->pages = pages > 0 ? pages : 0;
  add_metadata(pdf, document);
  ibid_pdf_layout *layout = ibid_pdf_layout_new();
  int rc = layout ? 0 : -1;
  int read = pages < IBID_PDF_MAX_PAGES ? pages : IBID_PDF_MAX_PAGES;
  for (int i = 0; i < read && rc == 0; i++) {
    PopplerPage *page = poppler_document_get_page(pdf, i);
    if (!page) continue;
    rc = add_page(page, layout);
    g_object_unref(page);
  }
  if (rc == 0) {
    if (ibid_pdf_layout_glyphs(layout) == 0)
      ibid_document_fail(document, pages > 0
                                       ? "PDF has no text layer (scanned images?): ibid does no OCR"
                                       : "PDF has no pages that could be read");
    else
      rc = ibid_pdf_layout_write(layout, document);
    if (pages > IBID_PDF_MAX_PAGES)
      ibid_document_fail(document, "PDF has more than 2000 pages: only the first 2000 were read");
  }
  ibid_pdf_layout_free(layout);
  g_object_unref(pdf);
  g_bytes_unref(data);
  return rc;
}

#endif
