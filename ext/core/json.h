/*
** json.h -- a small JSON reader: text -> a tree of values, for the CSL-JSON
** items the BibTeX and RIS writers (ext/corpus/bibtex.h, ext/corpus/ris.h) read.
**
**   ibid_json_document document;
**   ibid_json_error error;
**   if (ibid_json_parse(text, length, &document, &error) == IBID_JSON_OK) {
**     long title = ibid_json_member(&document, 0, "title");   // 0 is the root
**     const char *value = ibid_json_text(&document, title, &value_length);
**   }
**   ibid_json_free(&document);
**
** Strict RFC 8259 syntax (no comments, no trailing commas, one value then only
** white space). Strings are decoded (escapes, \u surrogate pairs; a lone
** surrogate becomes U+FFFD) into NUL-terminated UTF-8 that may also hold NUL
** bytes from \u0000, so lengths are given. Values more than
** IBID_JSON_MAX_DEPTH levels below the root (depth 0) are refused rather than
** recursed into.
*/
#ifndef IBID_JSON_H
#define IBID_JSON_H
#include <stddef.h>

#include "buffer.h"

#define IBID_JSON_MAX_DEPTH 64

typedef enum ibid_json_kind {
  IBID_JSON_NULL,
  IBID_JSON_FALSE,
  IBID_JSON_TRUE,
  IBID_JSON_NUMBER,
  IBID_JSON_STRING,
  IBID_JSON_ARRAY,
  IBID_JSON_OBJECT
} ibid_json_kind;

typedef enum ibid_json_status {
  IBID_JSON_OK = 0,
  IBID_JSON_SYNTAX_ERROR, /* not JSON: error.offset and error.message say where and why */
  IBID_JSON_TOO_DEEP,     /* arrays/objects nested deeper than IBID_JSON_MAX_DEPTH */
  IBID_JSON_NOT_OBJECT,   /* valid JSON, but a CSL item must be an object */
  IBID_JSON_NO_MEMORY
} ibid_json_status;

typedef struct ibid_json_error {
  size_t offset;       /* byte offset of the problem in the input */
  const char *message; /* static text, e.g. "expected ':' after an object key" */
} ibid_json_error;

/* One value. Indexes refer to ibid_json_document.nodes; -1 means none. */
typedef struct ibid_json_node {
  ibid_json_kind kind;
  size_t text_offset, text_length; /* in `strings`: decoded string, or a number's digits */
  size_t key_offset, key_length;   /* in `strings`: the member name, inside an object */
  long first_child, next_sibling;
  size_t child_count;
} ibid_json_node;

typedef struct ibid_json_document {
  ibid_json_node *nodes; /* nodes[0] is the root once parsed */
  size_t node_count, node_capacity;
  char *strings; /* decoded texts, each followed by a NUL byte */
  size_t strings_length, strings_capacity;
} ibid_json_document;

/* Parses text[0..length). Free the document with ibid_json_free in every case. */
ibid_json_status ibid_json_parse(const char *text, size_t length, ibid_json_document *document,
                                 ibid_json_error *error);
void ibid_json_free(ibid_json_document *document);

/* ibid_json_parse for a CSL item: IBID_JSON_NOT_OBJECT when the text is
** valid JSON but not an object. Free the document with ibid_json_free. */
ibid_json_status ibid_json_parse_object(const char *text, size_t length,
                                        ibid_json_document *document, ibid_json_error *error);

/* Appends one item to out from node `node` of a parsed document. */
typedef void (*ibid_json_item_writer)(const ibid_json_document *item, long node, ibid_buffer *out);

/*
** The step the CSL-JSON exporters share: ibid_json_parse_object, then
** write(item, root, out). Returns IBID_JSON_OK, a parse error (details in
** *error, which may be NULL), IBID_JSON_TOO_DEEP, IBID_JSON_NOT_OBJECT, or
** IBID_JSON_NO_MEMORY (out->failed is set).
*/
ibid_json_status ibid_json_write_item(const char *text, size_t length, ibid_json_item_writer write,
                                      ibid_buffer *out, ibid_json_error *error);

/* A sentence naming the status, e.g. "nesting deeper than 64 levels". */
const char *ibid_json_status_message(ibid_json_status status);

/* The member `name` of object `node` (the first if repeated); -1 if absent or
** `node` is not an object. */
long ibid_json_member(const ibid_json_document *document, long node, const char *name);

/* The text of a string or number node (NUL-terminated, *length set; length may
** be NULL); NULL for any other kind or node -1. */
const char *ibid_json_text(const ibid_json_document *document, long node, size_t *length);

/* The member name of a node inside an object (NUL-terminated). */
const char *ibid_json_key(const ibid_json_document *document, long node, size_t *length);

/* Shorthands: ibid_json_text(ibid_json_member(node, name)). */
const char *ibid_json_member_text(const ibid_json_document *document, long node, const char *name,
                                  size_t *length);

/*
** A CSL date variable (e.g. "issued") of item `node`: parts[0..2] = year,
** month, day (0 when unknown). Reads {"date-parts": [[y, m, d]]} with numbers
** or numeric strings, {"raw": "..."} / {"literal": "..."} and a bare string or
** number, taking the first 3-4 digit year and, from "YYYY-MM-DD" forms, the
** month and day. Returns 1 when a year was found.
*/
int ibid_json_csl_date(const ibid_json_document *document, long node, const char *name,
                       int parts[3]);

/* The date in a free text ("2018-05-03", "May 2018", "Spring 2019"):
** parts[0..2] = year, month, day (0 when unknown) from the first run of 3-4
** digits and an ISO "-MM-DD" after it. Returns 1 when a year was found. */
int ibid_json_date_from_text(const char *text, size_t length, int parts[3]);

#endif
