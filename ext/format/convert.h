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

/*
** How a PDF is read: in a child process that may run `seconds` of wall-clock
** time and take `megabytes` of memory beyond what the parent had mapped
** (0: no limit on that axis). A PDF that runs past a limit or crashes the
** reader gets an error, never takes the caller down. NULL limits, or both 0:
** read in this process (fuzzers, unit tests, platforms without fork).
*/
typedef struct ibid_pdf_limits {
  double seconds;
  double megabytes;
} ibid_pdf_limits;

#define IBID_PDF_DEFAULT_SECONDS 60
#define IBID_PDF_DEFAULT_MEGABYTES 1024

/* Detects the format and converts; document->format is set. PDFs are read
** in this process. */
int ibid_convert_document(const char *bytes, size_t length, ibid_document *document);
/* The same, reading a PDF in a child process under `limits` (see above). */
int ibid_convert_document_limited(const char *bytes, size_t length, const ibid_pdf_limits *limits,
                                  ibid_document *document);

/* Plain text: UTF-8 (or, when not valid UTF-8, Windows-1252) through ibid_clean. */
int ibid_text_convert(const char *bytes, size_t length, ibid_document *document);
/* HTML via libxml2's HTML parser (html.c). */
int ibid_html_convert(const char *bytes, size_t length, ibid_document *document);
/* JATS XML (jats.c) and TEI XML (tei.c) via libxml2. */
int ibid_jats_convert(const char *bytes, size_t length, ibid_document *document);
int ibid_tei_convert(const char *bytes, size_t length, ibid_document *document);
/* PDF via poppler-glib (pdf.c); without poppler at build time it sets an error. */
int ibid_pdf_convert(const char *bytes, size_t length, ibid_document *document);
/* The same in a child process under limits (NULL or all 0: in this process). */
int ibid_pdf_convert_limited(const char *bytes, size_t length, const ibid_pdf_limits *limits,
                             ibid_document *document);
/* 1 when PDF support is compiled in. */
int ibid_pdf_available(void);

#endif
