/*
** csl.c -- CSL-JSON item reader and work keys (see csl.h).
**
** HOW IT WORKS: ext/core/json.h parses the text (strict RFC 8259, nesting capped)
** into a tree; the reader picks the item object and copies the few fields the
** key needs. The key folds the name and the title through an ICU
** transliterator and keeps their first significant words.
** The common case -- an object without a backslash anywhere, as the reference
** parser writes it -- is read in one pass over the text instead
** (csl_scan_values: every value checked as the tree parser checks it, the
** fields' spans kept, nothing built; the key reads the name and the title
** where they are, ibid_csl_read copies them); anything else it leaves to the
** tree, so both readers give the same item for every text.
*/
#include "csl.h"

#include <stdint.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "buffer.h"
#include "json.h"
#include "memory.h"
#include "scan.h"

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

/* ----- the one-pass reader ------------------------------------------------ */

/* Nesting csl_scan follows; deeper texts are left to the tree parser. */
#define CSL_SCAN_DEPTH 16
/* No value (an offset). */
#define CSL_NONE ((size_t)-1)

static size_t csl_scan_space(const char *text, size_t length, size_t at) {
  /* (the four are below '!': most bytes are ruled out by one comparison) */
  while (at < length && (unsigned char)text[at] <= ' ' &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
    at++;
  return at;
}

/* The end of the string opening at text[at] (past its closing quote), or 0
** when it is not one the scan reads: unterminated or holding a control
** character (the text has no backslash: no escapes). */
static size_t csl_scan_string(const char *text, size_t length, size_t at) {
  size_t i = at + 1;
  /* eight bytes at a time (scan.h) to the first quote or control character,
  ** which ends the string or fails it */
  for (; i + 8 <= length; i += 8) {
    uint64_t word = ibid_scan_load(text + i);
    uint64_t stop = ibid_scan_eq(word, '"') | ibid_scan_below(word, 0x20);
    if (stop) {
      i += ibid_scan_first(stop);
      return text[i] == '"' ? i + 1 : 0;
    }
  }
  for (; i < length; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '"') return i + 1;
    if (c < 0x20) return 0;
  }
  return 0;
}

static size_t csl_scan_digits(const char *text, size_t length, size_t at) {
  while (at < length && text[at] >= '0' && text[at] <= '9') at++;
  return at;
}

/* The end of the number at text[at] as the tree parser reads one, or 0. */
static size_t csl_scan_number(const char *text, size_t length, size_t at) {
  if (text[at] == '-') at++;
  size_t digits = at;
  at = csl_scan_digits(text, length, at);
  if (at == digits || (at - digits > 1 && text[digits] == '0')) return 0;
  if (at < length && text[at] == '.') {
    size_t fraction = at + 1;
    at = csl_scan_digits(text, length, fraction);
    if (at == fraction) return 0;
  }
  if (at < length && (text[at] | 0x20) == 'e') {
    at++;
    if (at < length && (text[at] == '+' || text[at] == '-')) at++;
    size_t exponent = at;
    at = csl_scan_digits(text, length, exponent);
    if (at == exponent) return 0;
  }
  return at;
}

/* The end of the value at text[at] (white space before it skipped), checked
** all through; 0 when it is not JSON or not one the scan reads. *start is
** where the value begins. */
static size_t csl_scan_value(const char *text, size_t length, size_t at, int depth, size_t *start) {
  at = csl_scan_space(text, length, at);
  *start = at;
  if (at >= length) return 0;
  char c = text[at];
  if (c == '"') return csl_scan_string(text, length, at);
  if (c == '-' || (c >= '0' && c <= '9')) return csl_scan_number(text, length, at);
  if (c == 't' || c == 'f' || c == 'n') {
    const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
    size_t n = strlen(word);
    return length - at >= n && memcmp(text + at, word, n) == 0 ? at + n : 0;
  }
  if ((c != '{' && c != '[') || depth >= CSL_SCAN_DEPTH) return 0;
  char close = c == '{' ? '}' : ']';
  at = csl_scan_space(text, length, at + 1);
  if (at < length && text[at] == close) return at + 1;
  for (;;) {
    if (c == '{') {
      if (at >= length || text[at] != '"') return 0;
      at = csl_scan_string(text, length, at);
      if (!at) return 0;
      at = csl_scan_space(text, length, at);
      if (at >= length || text[at] != ':') return 0;
      at++;
    }
    size_t ignored;
    at = csl_scan_value(text, length, at, depth + 1, &ignored);
    if (!at) return 0;
    at = csl_scan_space(text, length, at);
    if (at >= length) return 0;
    if (text[at] == close) return at + 1;
    if (text[at] != ',') return 0;
    at = csl_scan_space(text, length, at + 1);
  }
}

/* In text already checked: the value of the first member `name` of the
** object at text[at], or CSL_NONE when there is none or text[at] is no
** object. */
static size_t csl_scan_member(const char *text, size_t length, size_t at, const char *name) {
  if (at == CSL_NONE || text[at] != '{') return CSL_NONE;
  size_t name_length = strlen(name);
  at = csl_scan_space(text, length, at + 1);
  while (at < length && text[at] == '"') {
    size_t key_end = csl_scan_string(text, length, at);
    int found = key_end - at - 2 == name_length && memcmp(text + at + 1, name, name_length) == 0;
    size_t value;
    size_t end = csl_scan_value(text, length, csl_scan_space(text, length, key_end) + 1, 1, &value);
    if (found) return value;
    at = csl_scan_space(text, length, csl_scan_space(text, length, end) + 1);
  }
  return CSL_NONE;
}

/* In text already checked: the first element of the array at text[at] when
** it opens with `open` ('{', '[', or 0 for any value), else CSL_NONE. */
static size_t csl_scan_first(const char *text, size_t length, size_t at, char open) {
  if (at == CSL_NONE || text[at] != '[') return CSL_NONE;
  at = csl_scan_space(text, length, at + 1);
  if (text[at] == ']' || (open && text[at] != open)) return CSL_NONE;
  return at;
}

/* The text of the string opening at text[at] (no escapes: csl_scan reads
** only texts without a backslash), and its length. */
static const char *csl_scan_text(const char *text, size_t length, size_t at, size_t *bytes) {
  *bytes = csl_scan_string(text, length, at) - at - 2;
  return text + at + 1;
}

/* A copy of the string at text[at] as csl_scan_text reads it (NULL when it
** is no string); *failed set when out of memory. */
static char *csl_scan_copy(const char *text, size_t length, size_t at, int *failed) {
  if (at == CSL_NONE || text[at] != '"') return NULL;
  size_t bytes;
  const char *string = csl_scan_text(text, length, at, &bytes);
  char *copy = ibid_malloc(bytes + 1);
  if (!copy) {
    *failed = 1;
    return NULL;
  }
  memcpy(copy, string, bytes);
  copy[bytes] = 0;
  return copy;
}

/* The year in the number or string at text[at], as csl_value_year. */
static int csl_scan_year(const char *text, size_t length, size_t at) {
  if (at == CSL_NONE) return 0;
  if (text[at] == '"')
    return csl_year_in(text + at + 1, csl_scan_string(text, length, at) - at - 2);
  if (text[at] == '-' || (text[at] >= '0' && text[at] <= '9'))
    return csl_year_in(text + at, csl_scan_number(text, length, at) - at);
  return 0;
}

/* What csl_scan reads of an item: the offsets of its string values (their
** opening quote; CSL_NONE when there is none) and its year. */
typedef struct csl_scanned {
  size_t family, literal, title, doi;
  int year;
} csl_scanned;

/* text[at] when it opens a string, else CSL_NONE. */
static size_t csl_scan_string_at(const char *text, size_t at) {
  return at != CSL_NONE && text[at] == '"' ? at : CSL_NONE;
}

/* What the item of json[0..length) holds, when the text is an object without
** a backslash (no escapes to decode), nested at most CSL_SCAN_DEPTH deep:
** 1 (*found set), else 0. */
static int csl_scan_values(const char *json, size_t length, csl_scanned *found) {
  if (memchr(json, '\\', length)) return 0;
  /* the root object's members, each checked once; the first of each name kept */
  enum { AUTHOR, EDITOR, TITLE, DOI, ISSUED, WANTED };
  static const char *const wanted[WANTED] = {"author", "editor", "title", "DOI", "issued"};
  static const size_t wanted_length[WANTED] = {6, 6, 5, 3, 6};
  size_t member[WANTED];
  for (int k = 0; k < WANTED; k++) member[k] = CSL_NONE;
  size_t at = csl_scan_space(json, length, 0);
  if (at >= length || json[at] != '{') return 0;
  at = csl_scan_space(json, length, at + 1);
  if (at < length && json[at] == '}') {
    at++;
  } else {
    for (;;) {
      if (at >= length || json[at] != '"') return 0;
      size_t key = at + 1;
      at = csl_scan_string(json, length, at);
      if (!at) return 0;
      size_t key_length = at - 1 - key;
      at = csl_scan_space(json, length, at);
      if (at >= length || json[at] != ':') return 0;
      size_t value;
      at = csl_scan_value(json, length, at + 1, 1, &value);
      if (!at) return 0;
      for (int k = 0; k < WANTED; k++)
        if (member[k] == CSL_NONE && wanted_length[k] == key_length &&
            memcmp(json + key, wanted[k], key_length) == 0)
          member[k] = value;
      at = csl_scan_space(json, length, at);
      if (at >= length) return 0;
      if (json[at] == '}') {
        at++;
        break;
      }
      if (json[at] != ',') return 0;
      at = csl_scan_space(json, length, at + 1);
    }
  }
  if (csl_scan_space(json, length, at) != length) return 0;
  found->family = found->literal = CSL_NONE;
  for (size_t r = 0; r < 2 && found->family == CSL_NONE && found->literal == CSL_NONE; r++) {
    size_t name = csl_scan_first(json, length, member[r == 0 ? AUTHOR : EDITOR], '{');
    if (name == CSL_NONE) continue;
    found->family = csl_scan_string_at(json, csl_scan_member(json, length, name, "family"));
    if (found->family == CSL_NONE)
      found->literal = csl_scan_string_at(json, csl_scan_member(json, length, name, "literal"));
  }
  found->title = csl_scan_string_at(json, member[TITLE]);
  found->doi = csl_scan_string_at(json, member[DOI]);
  found->year = 0;
  size_t issued = member[ISSUED];
  if (issued != CSL_NONE && json[issued] != '{') {
    found->year = csl_scan_year(json, length, issued);
  } else if (issued != CSL_NONE) {
    size_t first =
        csl_scan_first(json, length, csl_scan_member(json, length, issued, "date-parts"), '[');
    found->year = csl_scan_year(json, length, csl_scan_first(json, length, first, 0));
    if (!found->year)
      found->year = csl_scan_year(json, length, csl_scan_member(json, length, issued, "raw"));
    if (!found->year)
      found->year = csl_scan_year(json, length, csl_scan_member(json, length, issued, "literal"));
  }
  return 1;
}

/* The item of json[0..length) as ibid_csl_read gives it, when csl_scan_values
** reads it: 1 (status set), else 0 and nothing done. */
static int csl_scan(const char *json, size_t length, ibid_csl_item *item, ibid_csl_status *status) {
  csl_scanned found;
  if (!csl_scan_values(json, length, &found)) return 0;
  int failed = 0;
  item->family = csl_scan_copy(json, length, found.family, &failed);
  item->literal = csl_scan_copy(json, length, found.literal, &failed);
  item->title = csl_scan_copy(json, length, found.title, &failed);
  item->doi = csl_scan_copy(json, length, found.doi, &failed);
  item->year = found.year;
  *status = failed ? IBID_CSL_NO_MEMORY : IBID_CSL_OK;
  return 1;
}

ibid_csl_status ibid_csl_read(const char *json, size_t length, ibid_csl_item *item) {
  memset(item, 0, sizeof(*item));
  ibid_csl_status scanned;
  if (csl_scan(json, length, item, &scanned)) return scanned;
  return ibid_csl_read_tree(json, length, item);
}

ibid_csl_status ibid_csl_read_tree(const char *json, size_t length, ibid_csl_item *item) {
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

/*
** The fold of one character, learned from the transliterator the first time
** the character is met (see csl_fold_known). Characters in FOLD_TABLE_RANGES
** only: Latin-1, Latin Extended-A/B, the spacing modifiers, and the general
** punctuation (curly quotes, dashes), the non-ASCII characters of most titles.
*/
enum { FOLD_UNKNOWN, FOLD_KNOWN, FOLD_SLOW };
typedef struct csl_fold_entry {
  unsigned char state;  /* FOLD_UNKNOWN, FOLD_KNOWN or FOLD_SLOW */
  unsigned char length; /* bytes of the fold (FOLD_KNOWN) */
  char bytes[6];        /* the fold in UTF-8 */
} csl_fold_entry;
#define FOLD_LATIN_END 0x300 /* U+0080..U+02FF */
#define FOLD_PUNCTUATION_START 0x2000
#define FOLD_PUNCTUATION_END 0x2070 /* U+2000..U+206F */
#define FOLD_TABLE_SIZE ((FOLD_LATIN_END - 0x80) + (FOLD_PUNCTUATION_END - FOLD_PUNCTUATION_START))

struct ibid_csl_folder {
  UTransliterator *transliterator;
  csl_fold_entry table[FOLD_TABLE_SIZE];
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
  memset(folder, 0, sizeof(*folder));
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

/* ----- folding without the transliterator ------------------------------- */

/* The transliteration of units[0..count) into out (at most capacity units):
** its length, or -1 when it fails or does not fit. */
static int32_t csl_transliterate_short(ibid_csl_folder *folder, const UChar *units, int32_t count,
                                       UChar *out, int32_t capacity) {
  if (count > capacity) return -1;
  memcpy(out, units, (size_t)count * sizeof(UChar));
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = count, limit = count;
  utrans_transUChars(folder->transliterator, out, &length, capacity, 0, &limit, &status);
  return U_SUCCESS(status) && length <= capacity ? length : -1;
}

/* The table entry of code point c, or NULL when c is outside the table. */
static csl_fold_entry *csl_fold_entry_of(ibid_csl_folder *folder, uint32_t c) {
  if (c >= 0x80 && c < FOLD_LATIN_END) return &folder->table[c - 0x80];
  if (c >= FOLD_PUNCTUATION_START && c < FOLD_PUNCTUATION_END)
    return &folder->table[(FOLD_LATIN_END - 0x80) + (c - FOLD_PUNCTUATION_START)];
  return NULL;
}

/*
** Learns the fold of code point c (in the table) from the transliterator:
** the character alone, and in the contexts a title puts it in (between
** letters of either case, between digits, doubled between a space and a
** digit). It is FOLD_KNOWN only when each context folds to the folded
** context around the character's own fold, i.e. when the transliterator's
** rules treat the character the same wherever it stands among ASCII and
** other such characters; a fold that does not fit in the entry, or any
** failure, makes it FOLD_SLOW (strings with it take the transliterator).
*/
static void csl_fold_learn(ibid_csl_folder *folder, csl_fold_entry *entry, uint32_t c) {
  enum { CONTEXTS = 4, CAPACITY = 64 };
  static const char *const contexts[CONTEXTS][2] = {{"", ""}, {"a", "a"}, {"ZZ", "Zz"}, {" ", "1"}};
  entry->state = FOLD_SLOW;
  UChar alone[CAPACITY];
  int32_t alone_length = 0;
  for (int k = 0; k < CONTEXTS; k++) {
    UChar in[16], out[CAPACITY];
    int32_t n = 0;
    int doubled = k == 3; /* " cc1": the character twice in a row */
    for (const char *p = contexts[k][0]; *p; p++) in[n++] = (UChar)*p;
    in[n++] = (UChar)c;
    if (doubled) in[n++] = (UChar)c;
    for (const char *p = contexts[k][1]; *p; p++) in[n++] = (UChar)*p;
    int32_t produced = csl_transliterate_short(folder, in, n, out, CAPACITY);
    if (produced < 0) return;
    if (k == 0) {
      memcpy(alone, out, (size_t)produced * sizeof(UChar));
      alone_length = produced;
      continue;
    }
    /* expected: the folded (lower-case) prefix, the fold (twice), the folded suffix */
    UChar expected[CAPACITY];
    int32_t e = 0;
    for (const char *p = contexts[k][0]; *p; p++)
      expected[e++] = (UChar)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    for (int times = 0; times < (doubled ? 2 : 1); times++) {
      if (e + alone_length > CAPACITY) return;
      memcpy(expected + e, alone, (size_t)alone_length * sizeof(UChar));
      e += alone_length;
    }
    for (const char *p = contexts[k][1]; *p; p++)
      expected[e++] = (UChar)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    if (produced != e || memcmp(out, expected, (size_t)e * sizeof(UChar))) return;
  }
  char bytes[4 * CAPACITY];
  int32_t byte_count = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(bytes, (int32_t)sizeof(bytes), &byte_count, alone, alone_length, &status);
  if (U_FAILURE(status) || byte_count > (int32_t)sizeof(entry->bytes)) return;
  memcpy(entry->bytes, bytes, (size_t)byte_count);
  entry->length = (unsigned char)byte_count;
  entry->state = FOLD_KNOWN;
}

/*
** Decodes the character at text[i] when it is in the table (a strict two- or
** three-byte sequence); returns its byte length, or 0 when it is not.
*/
static size_t csl_fold_decode(const unsigned char *text, size_t length, size_t i, uint32_t *c) {
  unsigned char lead = text[i];
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (i + 1 >= length || (text[i + 1] & 0xC0) != 0x80) return 0;
    *c = ((uint32_t)(lead & 0x1F) << 6) | (text[i + 1] & 0x3F);
    return 2;
  }
  if (lead == 0xE2) {
    if (i + 2 >= length || (text[i + 1] & 0xC0) != 0x80 || (text[i + 2] & 0xC0) != 0x80) return 0;
    *c = ((uint32_t)(lead & 0x0F) << 12) | ((uint32_t)(text[i + 1] & 0x3F) << 6) |
         (text[i + 2] & 0x3F);
    return 3;
  }
  return 0;
}

/*
** The bytes of the fold of text made of ASCII and table characters whose
** fold is known (the common case: a title with curly quotes, dashes or
** accented Latin letters), learning the characters met for the first time;
** -1 when some character needs the transliterator.
*/
static long csl_fold_known_length(ibid_csl_folder *folder, const char *text, size_t length) {
  const unsigned char *bytes = (const unsigned char *)text;
  size_t needed = 0; /* bytes of the fold */
  for (size_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      needed++, i++;
      continue;
    }
    uint32_t c;
    size_t width = csl_fold_decode(bytes, length, i, &c);
    csl_fold_entry *entry = width ? csl_fold_entry_of(folder, c) : NULL;
    if (!entry) return -1;
    if (entry->state == FOLD_UNKNOWN) csl_fold_learn(folder, entry, c);
    if (entry->state != FOLD_KNOWN) return -1;
    needed += entry->length;
    i += width;
  }
  return (long)needed;
}

/* Gives the fold of text (csl_fold_known_length of it not -1), ASCII
** lower-cased, every other character replaced by its learned fold, to
** sink(context, bytes, count) a character at a time, until sink returns 0;
** returns 0 when sink stopped it, else 1. (Inlined: each caller's sink is
** inlined in its loop.) */
static inline __attribute__((always_inline)) int csl_fold_known_each(
    ibid_csl_folder *folder, const char *text, size_t length,
    int (*sink)(void *context, const char *bytes, size_t count), void *context) {
  const unsigned char *bytes = (const unsigned char *)text;
  for (size_t i = 0; i < length;) {
    unsigned char b = bytes[i];
    if (b < 0x80) {
      char lowered = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
      if (!sink(context, &lowered, 1)) return 0;
      i++;
      continue;
    }
    uint32_t c;
    i += csl_fold_decode(bytes, length, i, &c);
    const csl_fold_entry *entry = csl_fold_entry_of(folder, c);
    if (!sink(context, entry->bytes, entry->length)) return 0;
  }
  return 1;
}

/* Where csl_fold_known_write writes: the buffer and the bytes written. */
typedef struct csl_fold_out {
  char *out;
  size_t n;
} csl_fold_out;

static inline __attribute__((always_inline)) int csl_fold_out_put(void *context, const char *bytes,
                                                                  size_t count) {
  csl_fold_out *o = context;
  memcpy(o->out + o->n, bytes, count);
  o->n += count;
  return 1;
}

/* Writes the fold of text (csl_fold_known_length of it not -1) to out, as
** csl_fold_known_each gives it, and a NUL; returns its length. */
static size_t csl_fold_known_write(ibid_csl_folder *folder, const char *text, size_t length,
                                   char *out) {
  csl_fold_out o = {out, 0};
  csl_fold_known_each(folder, text, length, csl_fold_out_put, &o);
  out[o.n] = 0;
  return o.n;
}

/*
** The fold of text without running the transliterator over it
** (csl_fold_known_length, csl_fold_known_write). NULL with *slow set when
** some character needs the transliterator; NULL alone when out of memory.
*/
static char *csl_fold_known(ibid_csl_folder *folder, const char *text, size_t length,
                            size_t *folded_length, int *slow) {
  long needed = csl_fold_known_length(folder, text, length);
  *slow = needed < 0;
  if (needed < 0) return NULL;
  char *out = ibid_malloc((size_t)needed + 1);
  if (!out) return NULL;
  size_t n = csl_fold_known_write(folder, text, length, out);
  if (folded_length) *folded_length = n;
  return out;
}

char *ibid_csl_fold(ibid_csl_folder *folder, const char *text, size_t length,
                    size_t *folded_length) {
  if (length > (1 << 24)) length = 1 << 24; /* keys read a few words; cap the work */
  int slow;
  char *out = csl_fold_known(folder, text, length, folded_length, &slow);
  if (out || !slow) return out; /* folded, or out of memory */
  return ibid_csl_fold_icu(folder, text, length, folded_length);
}

char *ibid_csl_fold_icu(ibid_csl_folder *folder, const char *text, size_t length,
                        size_t *folded_length) {
  if (length > (1 << 24)) length = 1 << 24;
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

/* The stop words by length, run together: "a", "y", ... then "an", "of", ... */
static int csl_is_stop_word(const char *word, size_t length) {
  static const char *const by_length[8] = {"",
                                           "aydls",
                                           "anofinontoatbyasisorbeitdelaleeletduvs",
                                           "theandforareitsviahowwhylesdesderdiedasundlos",
                                           "withfromintothisthatwhatwhenupon",
                                           "about",
                                           "versustoward",
                                           "betweentowards"};
  if (length == 0 || length > 7) return 0; /* the longest is "between" and "towards" */
  for (const char *stop = by_length[length]; *stop; stop += length)
    if (stop[0] == word[0] && !memcmp(stop, word, length)) return 1;
  return 0;
}

static int csl_is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/*
** Appends up to `limit` words of folded text to out, joined by '-', the
** text given a byte at a time (csl_words_add, then csl_words_end).
** Apostrophes are removed first so "court's" and "courts" agree; stop words
** are skipped when skip_stop_words is set.
*/
typedef struct csl_words {
  ibid_buffer *out;
  int limit, skip_stop_words, appended;
  size_t word_length;
  char word[128];
} csl_words;

/* One byte of the folded text; 0 once `limit` words are appended (the bytes
** after change nothing). */
static inline __attribute__((always_inline)) int csl_words_add(csl_words *w, char c) {
  if (w->appended >= w->limit) return 0;
  if (c == '\'') return 1;
  if (csl_is_word_byte(c)) {
    if (w->word_length < sizeof(w->word)) w->word[w->word_length++] = c;
    return 1;
  }
  if (!w->word_length) return 1;
  if (!w->skip_stop_words || !csl_is_stop_word(w->word, w->word_length)) {
    if (w->appended++) ibid_buffer_append_char(w->out, '-');
    ibid_buffer_append(w->out, w->word, w->word_length);
  }
  w->word_length = 0;
  return 1;
}

/* Bytes of the folded text, as csl_words_add; 0 once `limit` words are
** appended. */
static inline __attribute__((always_inline)) int csl_words_add_bytes(void *w, const char *bytes,
                                                                     size_t count) {
  for (size_t k = 0; k < count; k++)
    if (!csl_words_add(w, bytes[k])) return 0;
  return 1;
}

/* The end of the text: its last word. */
static void csl_words_end(csl_words *w) {
  csl_words_add(w, ' ');
}

static void csl_append_folded(ibid_csl_folder *folder, ibid_buffer *out, const char *text,
                              size_t length, int limit, int skip_stop_words) {
  csl_words words;
  words.out = out, words.limit = limit, words.skip_stop_words = skip_stop_words;
  words.appended = 0, words.word_length = 0;
  if (length > (1 << 24)) length = 1 << 24; /* (as ibid_csl_fold) */
  if (csl_fold_known_length(folder, text, length) >= 0) {
    /* the fold of csl_fold_known_write, up to the last word wanted */
    if (csl_fold_known_each(folder, text, length, csl_words_add_bytes, &words))
      csl_words_end(&words);
    return;
  }
  char *folded = ibid_csl_fold(folder, text, length, &length);
  if (!folded) {
    out->failed = 1;
    return;
  }
  for (size_t i = 0; i < length; i++)
    if (!csl_words_add(&words, folded[i])) break;
  csl_words_end(&words);
  ibid_free(folded);
}

/* The key of a name (family, else literal; NULL when none) and title (NULL
** when none) and year, as ibid_csl_work_key gives it. */
static ibid_csl_status csl_key(ibid_csl_folder *folder, const char *family, size_t family_length,
                               const char *literal, size_t literal_length, const char *title,
                               size_t title_length, int year, char **key, size_t *key_length) {
  int has_title = title && title_length;
  if (!has_title && !family && !literal) return IBID_CSL_OK;
  ibid_buffer out;
  ibid_buffer_init(&out);
  if (family)
    csl_append_folded(folder, &out, family, family_length, 16, 0);
  else if (literal)
    csl_append_folded(folder, &out, literal, literal_length, 1, 1);
  size_t name_length = out.length;
  ibid_buffer_append_char(&out, ':');
  if (!has_title && year >= 1000 && year <= 9999) { /* (csl_year_in's: always) */
    char digits[4] = {(char)('0' + year / 1000), (char)('0' + year / 100 % 10),
                      (char)('0' + year / 10 % 10), (char)('0' + year % 10)};
    ibid_buffer_append(&out, digits, 4);
  } else if (!has_title && year) {
    ibid_buffer_append_int(&out, year);
  }
  ibid_buffer_append_char(&out, ':');
  size_t title_start = out.length;
  if (has_title) csl_append_folded(folder, &out, title, title_length, CSL_TITLE_WORDS, 1);
  int empty = !name_length && out.length == title_start; /* "::" would match everything */
  if (empty && !out.failed) {
    ibid_buffer_free(&out);
    return IBID_CSL_OK;
  }
  *key = ibid_buffer_take(&out, key_length);
  return *key ? IBID_CSL_OK : IBID_CSL_NO_MEMORY;
}

ibid_csl_status ibid_csl_work_key(ibid_csl_folder *folder, const char *json, size_t length,
                                  char **key, size_t *key_length) {
  *key = NULL;
  if (key_length) *key_length = 0;
  /* the scan's strings read where they are (ibid_csl_read would copy them) */
  csl_scanned found;
  if (csl_scan_values(json, length, &found)) {
    const char *text[3] = {NULL, NULL, NULL};
    size_t bytes[3] = {0, 0, 0};
    size_t at[3] = {found.family, found.literal, found.title};
    for (int k = 0; k < 3; k++)
      if (at[k] != CSL_NONE) text[k] = csl_scan_text(json, length, at[k], &bytes[k]);
    return csl_key(folder, text[0], bytes[0], text[1], bytes[1], text[2], bytes[2], found.year, key,
                   key_length);
  }
  ibid_csl_item item;
  ibid_csl_status status = ibid_csl_read_tree(json, length, &item);
  if (status == IBID_CSL_OK)
    status = csl_key(folder, item.family, item.family ? strlen(item.family) : 0, item.literal,
                     item.literal ? strlen(item.literal) : 0, item.title,
                     item.title ? strlen(item.title) : 0, item.year, key, key_length);
  ibid_csl_item_free(&item);
  return status;
}
