/*
** csl_export.h -- a CSL-JSON item made clean for every CSL processor.
**
**   {"type":"article-journal","title":"African Resistance","subtitle":"halting
**    the advance","author":[{"family":"Mills","given":"Kurt","role":"corresponding"}],
**    "keywords":["ICC","African Union"],"page-repair":"ambiguous","volume":44}
** becomes
**   {"type":"article-journal","title":"African Resistance: halting the advance",
**    "author":[{"family":"Mills","given":"Kurt"}],"keyword":"ICC, African Union",
**    "volume":44}
**
** What is kept: "id" (string or number, as given), "type" (a CSL 1.0.2 type;
** any other or none becomes "document", the catch-all type), and the CSL
** variables that both CSL 1.0.1 and 1.0.2 define and item data may carry
** (the processor-assigned citation-number, first-reference-note-number,
** locator and year-suffix are not data). CSL 1.0.1 processors (citeproc-py
** 0.6) warn about or choke on anything else, CSL 1.0.2 ones ignore it.
** - standard and number variables: a string or a number, written as given;
**   blank strings, true/false/null, arrays and objects are dropped.
** - name variables: an array of names, each {"literal": ...} or a "family"
**   with only the CSL name parts (given, dropping-particle,
**   non-dropping-particle, suffix); a name with only "given", or a bare
**   string, becomes a literal; a single name not in an array is wrapped; an
**   institution split as if it were a person (given or family holding one of
**   the joining words "to of for on the at in": given "OTP to", family
**   "UNSC") becomes the literal "OTP to UNSC".
** - "issue" in parentheses, as references print it ("(3)"), loses them.
** - a doi.org URL (https or http, doi.org or dx.doi.org, then "10.") is the
**   DOI: it becomes "DOI" when the item has none and leaves "URL" (unless
**   the item's DOI is another one).
** - date variables: {"date-parts": [[y, m, d]] (a second array for a range)}
**   with integers (numeric strings converted; a month outside 1-12 or day
**   outside 1-31 and what follows it dropped), plus "season" (1-4) and
**   "circa": true; else a date found in "raw" or a bare string/number; else
**   {"literal": ...}.
** Folded in, because CSL has no such member: "subtitle" is appended to the
** title as "Title: Subtitle" unless the title already holds it (CSL's title
** is the full title); a "keywords" array (or a "keyword" array) becomes the
** "keyword" string, joined with ", ". Used only when the CSL member is absent
** or unusable: "shortTitle" -> "title-short", "journalAbbreviation" ->
** "container-title-short" (the CSL-JSON aliases Zotero writes), "event-title"
** -> "event" and "available-date" -> "issued" (CSL 1.0.2 names that 1.0.1
** processors do not know). Every other member is dropped.
** Members come out in a fixed order (id, type, title, names, dates, then the
** rest); a member repeated in the input is read from its first occurrence.
*/
#ifndef IBID_CSL_EXPORT_H
#define IBID_CSL_EXPORT_H
#include <stddef.h>

#include "buffer.h"
#include "json.h"

/* How the BibTeX and RIS writers (ext/bibtex.h, ext/ris.h) name a CSL type:
** one table, so a type added for one format is seen for the other. */
typedef struct ibid_csl_export_type {
  const char *csl;
  const char *bibtex;     /* the entry type; NULL: @misc */
  const char *biblatex;   /* the biblatex type when it differs from the BibTeX one; NULL: same */
  const char *ris;        /* the TY tag; NULL: GEN */
  const char *legal_kind; /* a legal kind has no BibTeX type: @misc, this in `note` */
} ibid_csl_export_type;

/* The row of CSL type `csl` (may be NULL), or NULL when no writer names it. */
const ibid_csl_export_type *ibid_csl_export_type_find(const char *csl);

/* Appends the clean form of item `node` (an object) of a parsed document. */
void ibid_csl_export_item(const ibid_json_document *item, long node, ibid_buffer *out);

/*
** CSL-JSON text -> the clean item appended to out. Returns IBID_JSON_OK, a
** parse error (details in *error, which may be NULL), IBID_JSON_TOO_DEEP,
** IBID_JSON_NOT_OBJECT, or IBID_JSON_NO_MEMORY (out->failed may also be set).
*/
ibid_json_status ibid_csl_export(const char *json, size_t length, ibid_buffer *out,
                                 ibid_json_error *error);

#endif
