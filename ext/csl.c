/*
** csl.c -- CSL-JSON item reader and work keys (see csl.h).
**
** HOW IT WORKS: a strict JSON parser (RFC 8259 syntax, nesting capped so a
** hostile input cannot exhaust the stack) builds a flat array of nodes; each
** node records its kind, the byte span of its token and its first child and
** next sibling. Strings are decoded only when a field is looked up.
*/
#include "csl.h"

#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "buffer.h"
#include "memory.h"

#define CSL_MAX_DEPTH 64
#define CSL_TITLE_WORDS 5

typedef enum csl_kind {
  CSL_NULL,
  CSL_FALSE,
  CSL_TRUE,
  CSL_NUMBER,
  CSL_STRING,
  CSL_ARRAY,
  CSL_OBJECT
} csl_kind;

typedef struct csl_node {
  csl_kind kind;
  size_t start, length; /* token bytes; for strings the bytes between the quotes */
  long key;             /* object member: node index of its key string; else -1 */
  long first_child, next_sibling;
} csl_node;

typedef struct csl_parser {
  const char *json;
  size_t length, at;
  csl_node *nodes;
  size_t node_count, node_capacity;
  int failed_memory;
} csl_parser;

/* ----- parsing ---------------------------------------------------------- */

static void csl_skip_space(csl_parser *parser) {
  while (parser->at < parser->length) {
    char c = parser->json[parser->at];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    parser->at++;
  }
}

static long csl_new_node(csl_parser *parser, csl_kind kind, size_t start) {
  if (parser->node_count == parser->node_capacity) {
    size_t capacity = parser->node_capacity ? parser->node_capacity * 2 : 32;
    csl_node *nodes = ibid_realloc(parser->nodes, capacity * sizeof(csl_node));
    if (!nodes) {
      parser->failed_memory = 1;
      return -1;
    }
    parser->nodes = nodes;
    parser->node_capacity = capacity;
  }
  csl_node *node = &parser->nodes[parser->node_count];
  node->kind = kind;
  node->start = start;
  node->length = 0;
  node->key = node->first_child = node->next_sibling = -1;
  return (long)parser->node_count++;
}

static int csl_is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A string token starting at the opening quote; -1 on a syntax error. */
static long csl_parse_string(csl_parser *parser) {
  size_t at = parser->at + 1;
  while (at < parser->length) {
    unsigned char c = (unsigned char)parser->json[at];
    if (c == '"') {
      long index = csl_new_node(parser, CSL_STRING, parser->at + 1);
      if (index < 0) return -1;
      parser->nodes[index].length = at - (parser->at + 1);
      parser->at = at + 1;
      return index;
    }
    if (c < 0x20) return -1;
    if (c == '\\') {
      if (at + 1 >= parser->length) return -1;
      char e = parser->json[at + 1];
      if (e == 'u') {
        if (at + 5 >= parser->length) return -1;
        for (int i = 2; i < 6; i++)
          if (!csl_is_hex(parser->json[at + i])) return -1;
        at += 6;
        continue;
      }
      if (!strchr("\"\\/bfnrt", e) || e == 0) return -1;
      at += 2;
      continue;
    }
    at++;
  }
  return -1;
}

static int csl_digits(csl_parser *parser) {
  size_t begin = parser->at;
  while (parser->at < parser->length && parser->json[parser->at] >= '0' &&
         parser->json[parser->at] <= '9')
    parser->at++;
  return parser->at > begin;
}

static long csl_parse_number(csl_parser *parser) {
  size_t start = parser->at;
  if (parser->json[parser->at] == '-') parser->at++;
  if (parser->at < parser->length && parser->json[parser->at] == '0') {
    parser->at++;
  } else if (!csl_digits(parser)) {
    return -1;
  }
  if (parser->at < parser->length && parser->json[parser->at] == '.') {
    parser->at++;
    if (!csl_digits(parser)) return -1;
  }
  if (parser->at < parser->length &&
      (parser->json[parser->at] == 'e' || parser->json[parser->at] == 'E')) {
    parser->at++;
    if (parser->at < parser->length &&
        (parser->json[parser->at] == '+' || parser->json[parser->at] == '-'))
      parser->at++;
    if (!csl_digits(parser)) return -1;
  }
  long index = csl_new_node(parser, CSL_NUMBER, start);
  if (index >= 0) parser->nodes[index].length = parser->at - start;
  return index;
}

static long csl_parse_word(csl_parser *parser, const char *word, csl_kind kind) {
  size_t n = strlen(word);
  if (parser->length - parser->at < n || memcmp(parser->json + parser->at, word, n)) return -1;
  long index = csl_new_node(parser, kind, parser->at);
  parser->at += n;
  return index;
}

static long csl_parse_value(csl_parser *parser, int depth);

/* Arrays and objects: children are linked in order through next_sibling. */
static long csl_parse_container(csl_parser *parser, int depth, int is_object) {
  long index = csl_new_node(parser, is_object ? CSL_OBJECT : CSL_ARRAY, parser->at);
  if (index < 0) return -1;
  char close = is_object ? '}' : ']';
  long last = -1;
  parser->at++;
  csl_skip_space(parser);
  if (parser->at < parser->length && parser->json[parser->at] == close) {
    parser->at++;
    return index;
  }
  for (;;) {
    long key = -1;
    if (is_object) {
      csl_skip_space(parser);
      if (parser->at >= parser->length || parser->json[parser->at] != '"') return -1;
      key = csl_parse_string(parser);
      if (key < 0) return -1;
      csl_skip_space(parser);
      if (parser->at >= parser->length || parser->json[parser->at] != ':') return -1;
      parser->at++;
    }
    long child = csl_parse_value(parser, depth + 1);
    if (child < 0) return -1;
    parser->nodes[child].key = key;
    if (last < 0)
      parser->nodes[index].first_child = child;
    else
      parser->nodes[last].next_sibling = child;
    last = child;
    csl_skip_space(parser);
    if (parser->at >= parser->length) return -1;
    char c = parser->json[parser->at++];
    if (c == close) return index;
    if (c != ',') return -1;
  }
}

static long csl_parse_value(csl_parser *parser, int depth) {
  if (depth > CSL_MAX_DEPTH) return -1;
  csl_skip_space(parser);
  if (parser->at >= parser->length) return -1;
  char c = parser->json[parser->at];
  switch (c) {
    case '{':
      return csl_parse_container(parser, depth, 1);
    case '[':
      return csl_parse_container(parser, depth, 0);
    case '"':
      return csl_parse_string(parser);
    case 't':
      return csl_parse_word(parser, "true", CSL_TRUE);
    case 'f':
      return csl_parse_word(parser, "false", CSL_FALSE);
    case 'n':
      return csl_parse_word(parser, "null", CSL_NULL);
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return csl_parse_number(parser);
      return -1;
  }
}

/* ----- reading fields ---------------------------------------------------- */

static unsigned csl_hex4(const char *p) {
  unsigned value = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    value = value * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

/* The decoded text of a string node (ibid_malloc), NULL when out of memory.
** Lone surrogates become U+FFFD so the result is always valid UTF-8. */
static char *csl_string(const csl_parser *parser, long index) {
  const csl_node *node = &parser->nodes[index];
  const char *p = parser->json + node->start;
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_reserve(&out, node->length);
  ibid_buffer_append(&out, "", 0); /* NUL-terminated even when empty */
  for (size_t i = 0; i < node->length; i++) {
    if (p[i] != '\\') {
      ibid_buffer_append_char(&out, p[i]);
      continue;
    }
    char e = p[++i];
    if (e == 'u') {
      uint32_t cp = csl_hex4(p + i + 1);
      i += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < node->length + 0 && p[i + 1] == '\\' &&
          p[i + 2] == 'u') {
        uint32_t low = csl_hex4(p + i + 3);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
      if (cp == 0) cp = ' '; /* keys and names never need NUL; keep C strings whole */
      ibid_buffer_append_codepoint(&out, cp);
      continue;
    }
    static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
    const char *hit = strchr(from, e);
    ibid_buffer_append_char(&out, hit ? to[hit - from] : e);
  }
  size_t length;
  char *text = ibid_buffer_take(&out, &length);
  /* A raw NUL byte inside the quotes would cut the C string short: map it. */
  if (text)
    for (size_t i = 0; i < length; i++)
      if (!text[i]) text[i] = ' ';
  return text;
}

/* Does the key of member `index` equal `name`? */
static int csl_key_is(const csl_parser *parser, long index, const char *name) {
  long key = parser->nodes[index].key;
  if (key < 0) return 0;
  const csl_node *node = &parser->nodes[key];
  size_t n = strlen(name);
  if (!memchr(parser->json + node->start, '\\', node->length))
    return node->length == n && !memcmp(parser->json + node->start, name, n);
  char *decoded = csl_string(parser, key);
  int same = decoded && !strcmp(decoded, name);
  ibid_free(decoded);
  return same;
}

static long csl_member(const csl_parser *parser, long object, const char *name) {
  if (object < 0 || parser->nodes[object].kind != CSL_OBJECT) return -1;
  for (long child = parser->nodes[object].first_child; child >= 0;
       child = parser->nodes[child].next_sibling)
    if (csl_key_is(parser, child, name)) return child;
  return -1;
}

static long csl_first_child(const csl_parser *parser, long node, csl_kind kind) {
  if (node < 0 || parser->nodes[node].kind != CSL_ARRAY) return -1;
  long child = parser->nodes[node].first_child;
  return child >= 0 && parser->nodes[child].kind == kind ? child : -1;
}

/* A string member as a copy; *failed set when out of memory. */
static char *csl_string_member(const csl_parser *parser, long object, const char *name,
                               int *failed) {
  long member = csl_member(parser, object, name);
  if (member < 0 || parser->nodes[member].kind != CSL_STRING) return NULL;
  char *text = csl_string(parser, member);
  if (!text) *failed = 1;
  return text;
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

static int csl_node_year(const csl_parser *parser, long node) {
  if (node < 0) return 0;
  const csl_node *n = &parser->nodes[node];
  if (n->kind == CSL_NUMBER || n->kind == CSL_STRING)
    return csl_year_in(parser->json + n->start, n->length);
  return 0;
}

static int csl_issued_year(const csl_parser *parser, long object) {
  long issued = csl_member(parser, object, "issued");
  if (issued < 0) return 0;
  if (parser->nodes[issued].kind != CSL_OBJECT) return csl_node_year(parser, issued);
  long parts = csl_member(parser, issued, "date-parts");
  long first = csl_first_child(parser, parts, CSL_ARRAY);
  if (first >= 0) {
    long year = parser->nodes[first].first_child;
    int value = csl_node_year(parser, year);
    if (value) return value;
  }
  int value = csl_node_year(parser, csl_member(parser, issued, "raw"));
  return value ? value : csl_node_year(parser, csl_member(parser, issued, "literal"));
}

/* family (else literal) of the first name of author, else of editor. */
static void csl_read_name(const csl_parser *parser, long object, ibid_csl_item *item, int *failed) {
  static const char *const roles[] = {"author", "editor"};
  for (size_t r = 0; r < 2 && !item->family && !item->literal; r++) {
    long name = csl_first_child(parser, csl_member(parser, object, roles[r]), CSL_OBJECT);
    if (name < 0) continue;
    item->family = csl_string_member(parser, name, "family", failed);
    if (!item->family) item->literal = csl_string_member(parser, name, "literal", failed);
  }
}

ibid_csl_status ibid_csl_read(const char *json, size_t length, ibid_csl_item *item) {
  memset(item, 0, sizeof(*item));
  csl_parser parser = {.json = json, .length = length};
  long root = csl_parse_value(&parser, 0);
  csl_skip_space(&parser);
  ibid_csl_status status = IBID_CSL_OK;
  if (parser.failed_memory) {
    status = IBID_CSL_NO_MEMORY;
  } else if (root < 0 || parser.at != length) {
    status = IBID_CSL_BAD_JSON;
  } else {
    long object = root;
    if (parser.nodes[root].kind == CSL_ARRAY) {
      for (object = parser.nodes[root].first_child;
           object >= 0 && parser.nodes[object].kind != CSL_OBJECT;
           object = parser.nodes[object].next_sibling) {
      }
    }
    if (object >= 0 && parser.nodes[object].kind == CSL_OBJECT) {
      int failed = 0;
      csl_read_name(&parser, object, item, &failed);
      item->title = csl_string_member(&parser, object, "title", &failed);
      item->doi = csl_string_member(&parser, object, "DOI", &failed);
      item->year = csl_issued_year(&parser, object);
      if (failed) status = IBID_CSL_NO_MEMORY;
    }
  }
  ibid_free(parser.nodes);
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
