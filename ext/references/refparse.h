/*
** refparse.h -- parses one reference string (a bibliography entry or the
** reference part of a footnote, in any common style) into CSL-JSON.
**
** How: reftokens.c splits it into tokens and hashes their features,
** refmodel.c labels every token with a field (author, title, journal, date,
** pages, ...) using a linear-chain model learned from public labelled data,
** and refparse.c turns the labelled runs into CSL variables with rules: name
** splitting, dates, volume/issue, page ranges whose dash was lost, URLs and
** DOIs, document symbols (UN, AU, ICC), courts, and the item type.
*/
#ifndef IBID_REFPARSE_H
#define IBID_REFPARSE_H
#include <stddef.h>

/* Longest prefix of the input that is parsed (bytes); the rest is ignored. A
** reference is never this long, and the cap keeps every step cheap. */
#define IBID_REFPARSE_MAX_BYTES 32768

/* A run of tokens with the same field label: bytes [start, start+length). */
typedef struct ibid_reference_segment {
  int label; /* IBID_REFLABEL_* of refmodel.h; ibid_reference_label_name() names it */
  size_t start;
  size_t length;
} ibid_reference_segment;

/*
** Labels the reference and returns its segments in text order (free with
** ibid_free); *count is their number. Returns NULL with *count 0 for a text
** without tokens, and NULL with *failed 1 when memory ran out.
*/
ibid_reference_segment *ibid_reference_segments(const char *text, size_t length, size_t *count,
                                                int *failed);

/* "author", "title", "journal", ... (the labels of the AnyStyle data). */
const char *ibid_reference_label_name(int label);

/*
** The reference as one CSL-JSON object (NUL-terminated, free with ibid_free),
** its length in *json_length. Always an object ("{}" for an empty text); NULL
** only when memory ran out.
*/
char *ibid_parse_reference_json(const char *text, size_t length, size_t *json_length);

#endif
