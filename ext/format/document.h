/*
** document.h -- a document read from its original format (HTML, JATS, TEI,
** PDF, plain text) into the text every extractor reads, plus what the format
** states outright (metadata, structured references, link targets).
**
** Converters (html.c, jats.c, tei.c, pdf.c) write into an ibid_document with
** the builder calls below; convert.c detects the format and serializes the
** result as the JSON object of ibid_convert(). The body they write follows the
** layout of ibid_clean() output, so that every text extractor reads it as it
** reads cleaned text:
**   - one block per paragraph, heading, list item, table row or note, blocks
**     separated by exactly one blank line, no line breaks inside a block;
**   - the text ends with one "\n".
** Spans (references, links) are 1-based character positions into the body,
** like every span ibid's tables hold: substr(body, start, length).
*/
#ifndef IBID_DOCUMENT_H
#define IBID_DOCUMENT_H
#include <stddef.h>

#include "buffer.h"
#include "progress.h"

typedef enum ibid_format {
  IBID_FORMAT_UNKNOWN = 0, /* binary data that is none of the formats below */
  IBID_FORMAT_TEXT,
  IBID_FORMAT_HTML,
  IBID_FORMAT_JATS,
  IBID_FORMAT_TEI,
  IBID_FORMAT_PDF
} ibid_format;

/* 'text', 'html', 'jats', 'tei', 'pdf', or NULL for IBID_FORMAT_UNKNOWN. */
const char *ibid_format_name(ibid_format format);

/* The format of bytes[0..length), from content only (never a file name):
** "%PDF-" near the start is PDF; XML whose root element is <article> is JATS,
** <TEI> or <teiCorpus> TEI; markup that opens with a doctype, <html>, <head>
** or <body> (after a BOM, blanks, comments) is HTML; bytes with NULs or many
** control characters are unknown; anything else is text. Bytes that open
** with a UTF-16 byte order mark are judged on their UTF-8 transcoding. */
ibid_format ibid_format_detect(const char *bytes, size_t length);

typedef struct ibid_document {
  ibid_format format;
  ibid_buffer body;       /* the text every extractor reads */
  size_t body_characters; /* code points in body so far */
  int pending_space;      /* a blank is due before the next inline text */
  int pending_break;      /* a block ended: a blank line is due before the next text */
  ibid_buffer meta;       /* CSL-JSON members (without braces) the format states */
  int meta_members;
  ibid_buffer references; /* JSON array elements (without brackets) */
  int reference_count;
  long pages;              /* PDF page count, else 0 */
  int recoded;             /* 1 when text was not UTF-8 and was read as Windows-1252 */
  const char *error;       /* static English message: why the document could not be
                              (fully) read; body holds what could be read */
  ibid_progress *progress; /* optional (NULL after init): a converter that checks it
                              stops early when told, returning -1 (ext/core/progress.h) */
} ibid_document;

void ibid_document_init(ibid_document *document);
void ibid_document_free(ibid_document *document);

/*
** Appends inline text (valid UTF-8) to the current block. Runs of white space
** (blanks, tabs, line breaks, no-break spaces) collapse to one blank; white
** space at the start of a block is dropped; control characters are dropped.
*/
void ibid_document_text(ibid_document *document, const char *text, size_t length);
/* Appends text with no white-space collapsing beyond dropping line breaks
** (for markers such as "¹²" that must stay glued to the word before). */
void ibid_document_glued(ibid_document *document, const char *text, size_t length);
/* Inline white space: one blank before the next text (none at a block start). */
void ibid_document_space(ibid_document *document);
/* A note marker: the number (1 or more; the last 11 digits) as superscript
** digits glued to the word before ("effect”¹²"), the form ibid_markers always
** reads. */
void ibid_document_marker(ibid_document *document, long number);
/* A tab between table cells of one row, as ibid_clean keeps them (none at a
** block start; it replaces a pending blank). */
void ibid_document_tab(ibid_document *document);
/* Ends the current block (no-op when it is empty). */
void ibid_document_end_block(ibid_document *document);

/* The 1-based character position the next text will start at (after any
** pending blank or block break), for opening a span. */
size_t ibid_document_next_position(ibid_document *document);
/* The 1-based character position just past the last character written: a
** span opened at `start` has length ibid_document_end_position() - start. */
size_t ibid_document_end_position(const ibid_document *document);

/* A metadata member, written as given: `json_value` is a JSON value
** (string, number, array, object). Later members with the same key win in
** json_patch; converters write each key once. */
void ibid_document_meta(ibid_document *document, const char *key, const char *json_value,
                        size_t length);
/* A metadata member whose value is a string (escaped here). */
void ibid_document_meta_string(ibid_document *document, const char *key, const char *text,
                               size_t length);
/* A metadata member whose JSON value a converter built in `json`, which is
** freed here. When building it ran out of memory, nothing is written and the
** failure is the document's (ibid_document_failed), so that no converter
** has to carry it back itself. */
void ibid_document_meta_take(ibid_document *document, const char *key, ibid_buffer *json);

/*
** A reference the format marks as a unit. `csl` (a CSL-JSON object, or NULL)
** is given for structured references (JATS element-citation or tagged
** mixed-citation, TEI biblStruct or tagged bibl): the corpus takes it as is,
** without re-parsing the text. `url` (or NULL) is a link target inside it.
** `note` is the number of the note it sits in, 0 when in a reference list.
** `label` (or NULL) is the label as printed ("12", "Smith2010" for a JATS
** ref id). [start, start+length) is its text in the body, in characters.
*/
void ibid_document_reference(ibid_document *document, size_t start, size_t length, int note,
                             const char *label, const char *csl, const char *url);

/* Longest link target kept as a URL (a reference's, or the document's own
** URL in meta): longer ones are data, not addresses anyone follows, and are
** left out, so that a huge attribute cannot multiply into every table. */
#define IBID_URL_MAX 8192

/* Records why the document could not be (fully) read; the first one stays. */
void ibid_document_fail(ibid_document *document, const char *message);

/* The highest note number ibid_notes and ibid_markers read (ext/citations). */
#define IBID_NOTE_NUMBER_MAX 9999
/* The error a document gets when its body numbers notes or markers past
** IBID_NOTE_NUMBER_MAX: after a label or marker numbered 9999 ("9999 ",
** "[9999]", superscript), one numbered 10000 or more. */
extern const char ibid_note_limit_error[];
/* Sets that error (unless one is set) when the body reaches the limit. */
void ibid_document_check_note_limit(ibid_document *document);

/*
** The JSON object ibid_convert() returns:
** {"format":..,"body":..,"meta":{..},"references":[..],"pages":N,"recoded":1,"error":..}
** (meta, references, pages, recoded and error only when present).
** Returns it from ibid_malloc (NUL-terminated), or NULL when out of memory.
*/
char *ibid_document_json(ibid_document *document, size_t *json_length);
/* The same object without "format" and "body" ("{}" when nothing else is
** there): what documents.structure keeps. Also ends the body with its line
** end, so document->body is then exactly the "body" ibid_document_json gives. */
char *ibid_document_structure_json(ibid_document *document, size_t *json_length);

/* 1 when an allocation failed in any of the document's buffers. */
int ibid_document_failed(const ibid_document *document);

#endif
