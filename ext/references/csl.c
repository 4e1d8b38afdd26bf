/*
** csl.c -- CSL-JSON item reader and work keys (see csl.h).
**
** HOW IT WORKS: ext/core/json.h parses the text (strict RFC 8259, nesting capped)
** into a tree; the reader picks the item object and copies the few fields the
** key needs. The key folds the name and the title through an ICU
** transliterator and keeps their first significant words.
*/
#include "csl.h"

#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "buffer.h"
#include "json.h"
#include "memory.h"

#define CSL_TITLE_WORDS 5

/* ----- reading fields ---------------------------------------------------- */

static ibid_json_kind csl_kind(const ibid_json_document *document, long node) {
  return document->nodes[node].kind;
}

/* The first element of array `node` when it has the given kind, else -1. */
static long csl_first_element(const ibid_json_document *document, long node, ibid_json_kind kind) {
  if (node < 0 || csl_kind(document, node) != IBID_JSON_ARRAY) return -1;
  long child = document->nodes[node].first_child;
  return child >= 0 && csl_kind(document, child) == kind ? child : -1;
}

/*
** A copy of string member `name` (NULL when absent or not a string); *failed
** set when out of memory. A \u0000 becomes a space: callers treat fields as C
** strings, and names and titles never need NUL.
*/
static char *csl_string_member(const ibid_json_document *document, long object, const char *name,
                               int *failed) {
  long member = ibid_json_member(document, object, name);
  if (member < 0 || csl_kind(document, member) != IBID_JSON_STRING) return NULL;
  size_t length = 0;
  const char *text = ibid_json_text(document, member, &length);
  char *copy = ibid_malloc(length + 1);
  if (!copy) {
    *failed = 1;
    return NULL;
  }
  for (size_t i = 0; i < length; i++) copy[i] = text[i] ? text[i] : ' ';
  copy[length] = 0;
  return copy;
}

/* The first plausible year (4 digits, 1000-2999, not inside a longer number). */
static int csl_year_in(const char *text, size_t length) {
  for (size_t i = 0; i + 4 <= length; i++) {
    if (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9') continue;
    int year = 0, digits = 0;
    while (i + digits < length && digits < 5 && text[i + digits] >= '0' && text[i + digits] <= '9')
      year = year * 10 + (text[i + digits++] - '0');
    if (digits == 4 && year >= 1000 && year <= 2999) return year;
  }
  return 0;
}

/* The year in a number or string value. Strings are read as they stand in
** the JSON text, escapes undecoded: the work keys already stored were made
** that way, and a key must not change under a stored row. */
static int csl_value_year(const ibid_json_document *document, long node) {
  if (node < 0) return 0;
  const ibid_json_node *value = &document->nodes[node];
  if (value->kind != IBID_JSON_NUMBER && value->kind != IBID_JSON_STRING) return 0;
  size_t length;
  const char *text = ibid_json_text(document, node, &length);
  return text ? csl_year_in(text, length) : 0;
}

static int csl_issued_year(const ibid_json_document *document, long object) {
  long issued = ibid_json_member(document, object, "issued");
  if (issued < 0) return 0;
  if (csl_kind(document, issued) != IBID_JSON_OBJECT) return csl_value_year(document, issued);
  long parts = ibid_json_member(document, issued, "date-parts");
  long first = csl_first_element(document, parts, IBID_JSON_ARRAY);
  if (first >= 0) {
    int value = csl_value_year(document, document->nodes[first].first_child);
    if (value) return value;
  }
  int value = csl_value_year(document, ibid_json_member(document, issued, "raw"));
  return value ? value : csl_value_year(document, ibid_json_member(document, issued, "literal"));
}

/* family (else literal) of the first name of author, else of editor. */
static void csl_read_name(const ibid_json_document *document, long object, ibid_csl_item *item,
                          int *failed) {
  static const char *const roles[] = {"author", "editor"};
  for (size_t r = 0; r < 2 && !item->family && !item->literal; r++) {
    long role = ibid_json_member(document, object, roles[r]);
    long name = csl_first_element(document, role, IBID_JSON_OBJECT);
    if (name < 0) continue;
    item->family = csl_string_member(document, name, "family", failed);
    if (!item->family) item->literal = csl_string_member(document, name, "literal", failed);
  }
}

/* The item: the root object, or the first object in a root array; -1 if none. */
static long csl_item_object(const ibid_json_document *document) {
  long object = 0;
  if (csl_kind(document, 0) == IBID_JSON_ARRAY) {
    object = document->nodes[0].first_child;
    while (object >= 0 && csl_kind(document, object) != IBID_JSON_OBJECT)
      object = document->nodes[object].next_sibling;
  }
  return object >= 0 && csl_kind(document, object) == IBID_JSON_OBJECT ? object : -1;
}

ibid_csl_status ibid_csl_read(const char *json, size_t length, ibid_csl_item *item) {
  memset(item, 0, sizeof(*item));
  ibid_json_document document;
  ibid_json_status parsed = ibid_json_parse(json, length, &document, NULL);
  ibid_csl_status status = parsed == IBID_JSON_OK          ? IBID_CSL_OK
                           : parsed == IBID_JSON_NO_MEMORY ? IBID_CSL_NO_MEMORY
                                                           : IBID_CSL_BAD_JSON;
  long object = status == IBID_CSL_OK ? csl_item_object(&document) : -1;
  if (object >= 0) {
    int failed = 0;
    csl_read_name(&document, object, item, &failed);
    item->title = csl_string_member(&document, object, "title", &failed);
    item->doi = csl_string_member(&document, object, "DOI", &failed);
    item->year = csl_issued_year(&document, object);
    if (failed) status = IBID_CSL_NO_MEMORY;
  }
  ibid_json_free(&document);
  return status;
}

void ibid_csl_item_free(ibid_csl_item *item) {
  ibid_free(item->family);
  ibid_free(item->literal);
  ibid_free(item->title);
  ibid_free(item->doi);
  memset(item, 0, sizeof(*item));
}

/* ----- folding ------------------------------------------------------------ */

struct ibid_csl_folder {
  UTransliterator *transliterator;
};

ibid_csl_folder *ibid_csl_folder_open(void) {
  static const char rules[] = "Any-Latin; Latin-ASCII; Lower";
  UChar id[sizeof(rules)];
  u_uastrcpy(id, rules);
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *transliterator = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE(status)) return NULL;
  ibid_csl_folder *folder = ibid_malloc(sizeof(*folder));
  if (!folder) {
    utrans_close(transliterator);
    return NULL;
  }
  folder->transliterator = transliterator;
  return folder;
}

void ibid_csl_folder_close(ibid_csl_folder *folder) {
  if (!folder) return;
  utrans_close(folder->transliterator);
  ibid_free(folder);
}

/* Transliterates in place, growing the UTF-16 buffer when the result is longer
** (one CJK character can become a syllable of several letters). */
static UChar *csl_transliterate(ibid_csl_folder *folder, UChar *units, int32_t *count,
                                int32_t capacity) {
  for (int attempt = 0; attempt < 4; attempt++) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = *count, limit = *count;
    UChar *copy = ibid_malloc((size_t)capacity * sizeof(UChar));
    if (!copy) break;
    memcpy(copy, units, (size_t)*count * sizeof(UChar));
    utrans_transUChars(folder->transliterator, copy, &length, capacity, 0, &limit, &status);
    if (U_SUCCESS(status) && length <= capacity) {
      ibid_free(units);
      *count = length;
      return copy;
    }
    ibid_free(copy);
    if (status != U_BUFFER_OVERFLOW_ERROR || capacity > (1 << 26)) break;
    capacity = (length > capacity ? length : capacity) * 2 + 16;
  }
  ibid_free(units);
  return NULL;
}

char *ibid_csl_fold(ibid_csl_folder *folder, const char *text, size_t length,
                    size_t *folded_length) {
  if (length > (1 << 24)) length = 1 << 24; /* keys read a few words; cap the work */
  size_t ascii = 0;
  while (ascii < length && (unsigned char)text[ascii] < 0x80) ascii++;
  if (ascii == length) { /* the common case, without the (slow) transliterator */
    char *out = ibid_malloc(length + 1);
    if (!out) return NULL;
    for (size_t i = 0; i < length; i++)
      out[i] = (text[i] >= 'A' && text[i] <= 'Z') ? (char)(text[i] + 32) : text[i];
    out[length] = 0;
    if (folded_length) *folded_length = length;
    return out;
  }
  int32_t capacity = (int32_t)length * 2 + 16, count = 0;
  UChar *units = ibid_malloc((size_t)capacity * sizeof(UChar));
  if (!units) return NULL;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8Lenient(units, capacity, &count, text, (int32_t)length, &status);
  if (U_FAILURE(status)) count = 0;
  units = csl_transliterate(folder, units, &count, capacity);
  if (!units) return NULL;
  int32_t bytes = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(NULL, 0, &bytes, units, count, 0xFFFD, NULL, &status);
  char *out = ibid_malloc((size_t)bytes + 1);
  if (out) {
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out, bytes + 1, &bytes, units, count, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) bytes = 0;
    out[bytes] = 0;
    if (folded_length) *folded_length = (size_t)bytes;
  }
  ibid_free(units);
  return out;
}

/* ----- the key --------------------------------------------------------- */

static int csl_is_stop_word(const char *word, size_t length) {
  static const char *const stop[] = {
      "a",      "an",   "the", "of",   "and",  "in",   "on",  "to",   "for",  "at",      "by",
      "with",   "from", "as",  "is",   "are",  "or",   "its", "into", "via",  "about",   "vs",
      "versus", "be",   "it",  "this", "that", "what", "how", "why",  "when", "between", "towards",
      "toward", "upon", "de",  "la",   "le",   "les",  "des", "du",   "der",  "die",     "das",
      "und",    "el",   "los", "y",    "et",   "d",    "l",   "s",    NULL};
  for (size_t i = 0; stop[i]; i++)
    if (strlen(stop[i]) == length && !memcmp(stop[i], word, length)) return 1;
  return 0;
}

static int csl_is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/*
** Appends up to `limit` words of folded text to out, joined by '-'.
** Apostrophes are removed first so "court's" and "courts" agree; stop words
** are skipped when skip_stop_words is set. Returns how many were appended.
*/
static int csl_append_words(ibid_buffer *out, const char *folded, size_t length, int limit,
                            int skip_stop_words) {
  char word[128];
  size_t word_length = 0;
  int appended = 0;
  for (size_t i = 0; i <= length && appended < limit; i++) {
    char c = i < length ? folded[i] : ' ';
    if (c == '\'') continue;
    if (csl_is_word_byte(c)) {
      if (word_length < sizeof(word)) word[word_length++] = c;
      continue;
    }
    if (!word_length) continue;
    if (!skip_stop_words || !csl_is_stop_word(word, word_length)) {
      if (appended++) ibid_buffer_append_char(out, '-');
      ibid_buffer_append(out, word, word_length);
    }
    word_length = 0;
  }
  return appended;
}

static void csl_append_folded(ibid_csl_folder *folder, ibid_buffer *out, const char *text,
                              int limit, int skip_stop_words) {
  if (!text) return;
  size_t length;
  char *folded = ibid_csl_fold(folder, text, strlen(text), &length);
  if (!folded) {
    out->failed = 1;
    return;
  }
  csl_append_words(out, folded, length, limit, skip_stop_words);
  ibid_free(folded);
}

ibid_csl_status ibid_csl_work_key(ibid_csl_folder *folder, const char *json, size_t length,
                                  char **key, size_t *key_length) {
  *key = NULL;
  if (key_length) *key_length = 0;
  ibid_csl_item item;
  ibid_csl_status status = ibid_csl_read(json, length, &item);
  int has_title = item.title && item.title[0];
  if (status != IBID_CSL_OK || (!has_title && !item.family && !item.literal)) {
    ibid_csl_item_free(&item);
    return status;
  }
  ibid_buffer out;
  ibid_buffer_init(&out);
  if (item.family)
    csl_append_folded(folder, &out, item.family, 16, 0);
  else
    csl_append_folded(folder, &out, item.literal, 1, 1);
  size_t name_length = out.length;
  ibid_buffer_append_char(&out, ':');
  if (!has_title && item.year) ibid_buffer_append_int(&out, item.year);
  ibid_buffer_append_char(&out, ':');
  size_t title_start = out.length;
  if (has_title) csl_append_folded(folder, &out, item.title, CSL_TITLE_WORDS, 1);
  int empty = !name_length && out.length == title_start; /* "::" would match everything */
  ibid_csl_item_free(&item);
  if (empty && !out.failed) {
    ibid_buffer_free(&out);
    return IBID_CSL_OK;
  }
  *key = ibid_buffer_take(&out, key_length);
  return *key ? IBID_CSL_OK : IBID_CSL_NO_MEMORY;
}
