/*
** convert.h -- reading a document in any supported format (ibid_convert).
**
** ibid_convert_document() detects the format from the bytes and calls the
** converter for it. Each converter fills an initialized ibid_document (see
** document.h) and returns 0, or -1 when out of memory. Input it cannot read
** (malformed beyond repair, encrypted, no text layer) is not a failure: the
** converter sets document->error with ibid_document_fail() and leaves in the
** body whatever it could read.
*/
#ifndef IBID_CONVERT_H
#define IBID_CONVERT_H
#include <stddef.h>

#include "document.h"

/* Detects the format and converts; document->format is set. */
int ibid_convert_document(const char *bytes, size_t length, ibid_document *document);

/* Plain text: UTF-8 (or, when not valid UTF-8, Windows-1252) through ibid_clean. */
int ibid_text_convert(const char *bytes, size_t length, ibid_document *document);
/* HTML via libxml2's HTML parser (html.c). */
int ibid_html_convert(const char *bytes, size_t length, ibid_document *document);
/* JATS XML (jats.c) and TEI XML (tei.c) via libxml2. */
int ibid_jats_convert(const char *bytes, size_t length, ibid_document *document);
int ibid_tei_convert(const char *bytes, size_t length, ibid_document *document);
/* PDF via poppler-glib (pdf.c); without poppler at build time it sets an error. */
int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document);
/* 1 when PDF support is compiled in. */
int ibid_pdf_available(void);

#endif
