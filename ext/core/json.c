/*
** json.c -- a small JSON reader (see json.h).
**
** HOW IT WORKS: recursive descent over the bytes, one call per value, depth
** counted so hostile nesting ends in an error instead of a stack overflow.
** Values become nodes in one growable array, linked by index (first child,
** next sibling) because the array moves when it grows. Strings and member
** names are decoded once into a second growable arena, also addressed by
** offset. Everything is linear in the input.
*/
#include "json.h"

#include <string.h>

#include "memory.h"

typedef struct json_parser {
  const char *text;
  size_t length, at;
  ibid_json_document *document;
  ibid_json_error *error;
  ibid_json_status status;
} json_parser;

static int json_fail(json_parser *parser, ibid_json_status status, const char *message) {
  if (parser->status == IBID_JSON_OK) {
    parser->status = status;
    parser->error->offset = parser->at;
    parser->error->message = message;
  }
  return 0;
}

static void json_skip_space(json_parser *parser) {
  while (parser->at < parser->length) {
    char c = parser->text[parser->at];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    parser->at++;
  }
}

/* ----- storage ----------------------------------------------------------- */

static long json_new_node(json_parser *parser, ibid_json_kind kind) {
  ibid_json_document *document = parser->document;
  if (document->node_count == document->node_capacity) {
    size_t capacity = document->node_capacity ? document->node_capacity * 2 : 16;
    ibid_json_node *nodes = ibid_realloc(document->nodes, capacity * sizeof(ibid_json_node));
    if (!nodes) {
      json_fail(parser, IBID_JSON_NO_MEMORY, "out of memory");
      return -1;
    }
    document->nodes = nodes;
    document->node_capacity = capacity;
  }
  ibid_json_node *node = &document->nodes[document->node_count];
  memset(node, 0, sizeof(*node));
  node->kind = kind;
  node->first_child = node->next_sibling = -1;
  return (long)document->node_count++;
}

static int json_reserve_strings(json_parser *parser, size_t extra) {
  ibid_json_document *document = parser->document;
  if (document->strings_length + extra <= document->strings_capacity) return 1;
  size_t capacity = document->strings_capacity ? document->strings_capacity : 256;
  while (capacity < document->strings_length + extra) capacity *= 2;
  char *strings = ibid_realloc(document->strings, capacity);
  if (!strings) return json_fail(parser, IBID_JSON_NO_MEMORY, "out of memory");
  document->strings = strings;
  document->strings_capacity = capacity;
  return 1;
}

static void json_put_codepoint(ibid_json_document *document, unsigned long c) {
  char *out = document->strings + document->strings_length;
  if (c < 0x80) {
    out[0] = (char)c;
    document->strings_length += 1;
  } else if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    document->strings_length += 2;
  } else if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    document->strings_length += 3;
  } else {
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    document->strings_length += 4;
  }
}

/* ----- strings ----------------------------------------------------------- */

static int json_hex4(const char *p, unsigned long *value) {
  *value = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    unsigned digit;
    if (c >= '0' && c <= '9')
      digit = (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f')
      digit = (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      digit = (unsigned)(c - 'A' + 10);
    else
      return 0;
    *value = *value * 16 + digit;
  }
  return 1;
}

/* Decodes one \uXXXX escape at parser->at (pointing at the backslash), joining
** a surrogate pair; a lone surrogate becomes U+FFFD (best effort, not an error:
** JavaScript writes such strings). */
static int json_unicode_escape(json_parser *parser, unsigned long *codepoint) {
  if (parser->at + 6 > parser->length || !json_hex4(parser->text + parser->at + 2, codepoint))
    return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "\\u must be followed by four hex digits");
  parser->at += 6;
  if (*codepoint >= 0xDC00 && *codepoint <= 0xDFFF) *codepoint = 0xFFFD;
  if (*codepoint >= 0xD800 && *codepoint <= 0xDBFF) {
    unsigned long low = 0;
    if (parser->at + 6 <= parser->length && parser->text[parser->at] == '\\' &&
        parser->text[parser->at + 1] == 'u' && json_hex4(parser->text + parser->at + 2, &low) &&
        low >= 0xDC00 && low <= 0xDFFF) {
      *codepoint = 0x10000 + ((*codepoint - 0xD800) << 10) + (low - 0xDC00);
      parser->at += 6;
    } else {
      *codepoint = 0xFFFD;
    }
  }
  return 1;
}

/* The closing quote of the string opened at `open`, or `length` when there is
** none. A quote is escaped when an odd run of backslashes precedes it; memchr
** finds candidates much faster than stepping over escapes byte by byte. */
static size_t json_closing_quote(const char *text, size_t open, size_t length) {
  size_t from = open + 1;
  while (from < length) {
    const char *quote = memchr(text + from, '"', length - from);
    if (!quote) return length;
    size_t end = (size_t)(quote - text), backslashes = 0;
    while (end - backslashes > from && text[end - backslashes - 1] == '\\') backslashes++;
    if (backslashes % 2 == 0) return end;
    from = end + 1;
  }
  return length;
}

/* Nonzero when one of eight bytes is a backslash or a control character
** (bit 7 of such a byte set; no carry crosses a byte). */
static uint64_t json_escape_or_control(uint64_t word) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL,
                 low7 = 0x7F7F7F7F7F7F7F7FULL;
  uint64_t backslash = word ^ (ones * '\\');
  uint64_t is_backslash = ~(((backslash & low7) + low7) | backslash);
  uint64_t control = ~(((word & low7) + ones * (0x80 - 0x20)) | word);
  return (is_backslash | control) & high;
}

/* Decodes the string whose opening quote is at parser->at into the arena;
** sets *offset and *length. The decoded text is never longer than the source
** (an escape of 6 bytes yields at most 4), so one reservation suffices. */
static int json_string(json_parser *parser, size_t *offset, size_t *length) {
  size_t end = json_closing_quote(parser->text, parser->at, parser->length);
  if (end >= parser->length)
    return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "unterminated string");
  if (!json_reserve_strings(parser, end - parser->at + 1)) return 0;
  ibid_json_document *document = parser->document;
  *offset = document->strings_length;
  parser->at++;
  while (parser->at < end) {
    /* Most strings have no escape: copy each run of plain bytes at once. */
    size_t run = parser->at;
    for (; run + 8 <= end; run += 8) { /* eight bytes at a time to a '\\' or control */
      uint64_t word;
      memcpy(&word, parser->text + run, 8);
      if (json_escape_or_control(word)) break;
    }
    while (run < end && parser->text[run] != '\\' && (unsigned char)parser->text[run] >= 0x20)
      run++;
    memcpy(document->strings + document->strings_length, parser->text + parser->at,
           run - parser->at);
    document->strings_length += run - parser->at;
    parser->at = run;
    if (run == end) break;
    if ((unsigned char)parser->text[parser->at] < 0x20)
      return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "control character inside a string");
    char escape = parser->text[parser->at + 1];
    static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
    const char *found = escape ? strchr(escapes, escape) : NULL;
    if (escape == 'u') {
      unsigned long codepoint;
      if (!json_unicode_escape(parser, &codepoint)) return 0;
      json_put_codepoint(document, codepoint);
    } else if (found && (found - escapes) % 2 == 0) {
      document->strings[document->strings_length++] = found[1];
      parser->at += 2;
    } else {
      return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "unknown escape in a string");
    }
  }
  parser->at = end + 1;
  *length = document->strings_length - *offset;
  document->strings[document->strings_length++] = 0;
  return 1;
}

/* ----- numbers and literals ------------------------------------------------ */

static size_t json_digits(json_parser *parser) {
  size_t begin = parser->at;
  while (parser->at < parser->length && parser->text[parser->at] >= '0' &&
         parser->text[parser->at] <= '9')
    parser->at++;
  return parser->at - begin;
}

static int json_number(json_parser *parser, ibid_json_node *node_copy) {
  size_t start = parser->at;
  if (parser->text[parser->at] == '-') parser->at++;
  size_t integer_start = parser->at;
  size_t integer_digits = json_digits(parser);
  if (!integer_digits) return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a digit");
  if (integer_digits > 1 && parser->text[integer_start] == '0')
    return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "a number may not start with 0");
  if (parser->at < parser->length && parser->text[parser->at] == '.') {
    parser->at++;
    if (!json_digits(parser))
      return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a digit after '.'");
  }
  if (parser->at < parser->length && (parser->text[parser->at] | 0x20) == 'e') {
    parser->at++;
    if (parser->at < parser->length && strchr("+-", parser->text[parser->at]) &&
        parser->text[parser->at])
      parser->at++;
    if (!json_digits(parser))
      return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a digit in the exponent");
  }
  size_t length = parser->at - start;
  if (!json_reserve_strings(parser, length + 1)) return 0;
  ibid_json_document *document = parser->document;
  node_copy->text_offset = document->strings_length;
  node_copy->text_length = length;
  memcpy(document->strings + document->strings_length, parser->text + start, length);
  document->strings_length += length;
  document->strings[document->strings_length++] = 0;
  return 1;
}

static int json_literal(json_parser *parser, const char *word) {
  size_t length = strlen(word);
  if (parser->length - parser->at < length || memcmp(parser->text + parser->at, word, length))
    return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a JSON value");
  parser->at += length;
  return 1;
}

/* ----- values ------------------------------------------------------------ */

static long json_value(json_parser *parser, int depth);

/* Appends child to parent's list; `last` tracks the previous child. */
static void json_link(json_parser *parser, long parent, long child, long *last) {
  ibid_json_node *nodes = parser->document->nodes;
  if (*last < 0)
    nodes[parent].first_child = child;
  else
    nodes[*last].next_sibling = child;
  nodes[parent].child_count++;
  *last = child;
}

/* Parses the members or elements after the opening bracket. */
static int json_container(json_parser *parser, long node, int is_object, int depth) {
  char close = is_object ? '}' : ']';
  long last = -1;
  parser->at++;
  json_skip_space(parser);
  if (parser->at < parser->length && parser->text[parser->at] == close) {
    parser->at++;
    return 1;
  }
  for (;;) {
    size_t key_offset = 0, key_length = 0;
    if (is_object) {
      if (parser->at >= parser->length || parser->text[parser->at] != '"')
        return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a string as object key");
      if (!json_string(parser, &key_offset, &key_length)) return 0;
      json_skip_space(parser);
      if (parser->at >= parser->length || parser->text[parser->at] != ':')
        return json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected ':' after an object key");
      parser->at++;
    }
    long child = json_value(parser, depth + 1);
    if (child < 0) return 0;
    parser->document->nodes[child].key_offset = key_offset;
    parser->document->nodes[child].key_length = key_length;
    json_link(parser, node, child, &last);
    json_skip_space(parser);
    if (parser->at < parser->length && parser->text[parser->at] == ',') {
      parser->at++;
      json_skip_space(parser);
      continue;
    }
    if (parser->at < parser->length && parser->text[parser->at] == close) {
      parser->at++;
      return 1;
    }
    return json_fail(
        parser, IBID_JSON_SYNTAX_ERROR,
        is_object ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
  }
}

/* Parses one value (after white space) and returns its node, or -1. */
static long json_value(json_parser *parser, int depth) {
  json_skip_space(parser);
  if (parser->at >= parser->length) {
    json_fail(parser, IBID_JSON_SYNTAX_ERROR, "unexpected end of input");
    return -1;
  }
  if (depth > IBID_JSON_MAX_DEPTH) {
    json_fail(parser, IBID_JSON_TOO_DEEP, "nesting too deep");
    return -1;
  }
  char c = parser->text[parser->at];
  ibid_json_kind kind = c == '{'   ? IBID_JSON_OBJECT
                        : c == '[' ? IBID_JSON_ARRAY
                        : c == '"' ? IBID_JSON_STRING
                        : c == 't' ? IBID_JSON_TRUE
                        : c == 'f' ? IBID_JSON_FALSE
                        : c == 'n' ? IBID_JSON_NULL
                                   : IBID_JSON_NUMBER;
  if (kind == IBID_JSON_NUMBER && c != '-' && !(c >= '0' && c <= '9')) {
    json_fail(parser, IBID_JSON_SYNTAX_ERROR, "expected a JSON value");
    return -1;
  }
  long node = json_new_node(parser, kind);
  if (node < 0) return -1;
  ibid_json_node copy = parser->document->nodes[node];
  int ok;
  switch (kind) {
    case IBID_JSON_OBJECT:
    case IBID_JSON_ARRAY:
      ok = json_container(parser, node, kind == IBID_JSON_OBJECT, depth);
      break;
    case IBID_JSON_STRING:
      ok = json_string(parser, &copy.text_offset, &copy.text_length);
      break;
    case IBID_JSON_NUMBER:
      ok = json_number(parser, &copy);
      break;
    default:
      ok = json_literal(parser, kind == IBID_JSON_TRUE    ? "true"
                                : kind == IBID_JSON_FALSE ? "false"
                                                          : "null");
  }
  if (!ok) return -1;
  ibid_json_node *parsed = &parser->document->nodes[node]; /* the array may have moved */
  parsed->text_offset = copy.text_offset;
  parsed->text_length = copy.text_length;
  return node;
}

ibid_json_status ibid_json_parse(const char *text, size_t length, ibid_json_document *document,
                                 ibid_json_error *error) {
  memset(document, 0, sizeof(*document));
  ibid_json_error unused;
  if (!error) error = &unused;
  error->offset = 0;
  error->message = NULL;
  json_parser parser = {text, length, 0, document, error, IBID_JSON_OK};
  /* room for what most inputs need, at once: the decoded strings are about
  ** as long as the text, and a node takes a few bytes of it at least */
  size_t nodes = length / 16 + 16;
  if (nodes > 4096) nodes = 4096;
  document->nodes = ibid_malloc(nodes * sizeof(ibid_json_node));
  if (document->nodes) document->node_capacity = nodes;
  if (!json_reserve_strings(&parser, length < ((size_t)1 << 20) ? length + 16 : 1))
    return parser.status;
  document->strings[document->strings_length++] = 0;    /* offset 0: the empty string */
  if (json_value(&parser, 0) < 0) return parser.status; /* the root is depth 0 */
  json_skip_space(&parser);
  if (parser.at < length) json_fail(&parser, IBID_JSON_SYNTAX_ERROR, "text after the JSON value");
  return parser.status;
}

void ibid_json_free(ibid_json_document *document) {
  ibid_free(document->nodes);
  ibid_free(document->strings);
  memset(document, 0, sizeof(*document));
}

ibid_json_status ibid_json_parse_object(const char *text, size_t length,
                                        ibid_json_document *document, ibid_json_error *error) {
  ibid_json_status status = ibid_json_parse(text, length, document, error);
  if (status == IBID_JSON_OK && document->nodes[0].kind != IBID_JSON_OBJECT)
    status = IBID_JSON_NOT_OBJECT;
  return status;
}

ibid_json_status ibid_json_write_item(const char *text, size_t length, ibid_json_item_writer write,
                                      ibid_buffer *out, ibid_json_error *error) {
  ibid_json_document item;
  ibid_json_status status = ibid_json_parse_object(text, length, &item, error);
  if (status == IBID_JSON_OK) {
    write(&item, 0, out);
    if (out->failed) status = IBID_JSON_NO_MEMORY;
  }
  ibid_json_free(&item);
  return status;
}

const char *ibid_json_status_message(ibid_json_status status) {
  switch (status) {
    case IBID_JSON_OK:
      return "ok";
    case IBID_JSON_SYNTAX_ERROR:
      return "invalid JSON";
    case IBID_JSON_TOO_DEEP:
      return "JSON nested deeper than 64 levels";
    case IBID_JSON_NOT_OBJECT:
      return "not a JSON object (a CSL-JSON item is an object)";
    case IBID_JSON_NO_MEMORY:
      return "out of memory";
  }
  return "unknown error";
}

/* ----- lookups ------------------------------------------------------------ */

long ibid_json_member(const ibid_json_document *document, long node, const char *name) {
  if (node < 0 || (size_t)node >= document->node_count) return -1;
  if (document->nodes[node].kind != IBID_JSON_OBJECT) return -1;
  size_t name_length = strlen(name);
  for (long child = document->nodes[node].first_child; child >= 0;
       child = document->nodes[child].next_sibling) {
    const ibid_json_node *member = &document->nodes[child];
    if (member->key_length == name_length &&
        !memcmp(document->strings + member->key_offset, name, name_length))
      return child;
  }
  return -1;
}

const char *ibid_json_text(const ibid_json_document *document, long node, size_t *length) {
  if (node < 0 || (size_t)node >= document->node_count) return NULL;
  const ibid_json_node *value = &document->nodes[node];
  if (value->kind != IBID_JSON_STRING && value->kind != IBID_JSON_NUMBER) return NULL;
  if (length) *length = value->text_length;
  return document->strings + value->text_offset;
}

const char *ibid_json_key(const ibid_json_document *document, long node, size_t *length) {
  if (node < 0 || (size_t)node >= document->node_count) return NULL;
  if (length) *length = document->nodes[node].key_length;
  return document->strings + document->nodes[node].key_offset;
}

const char *ibid_json_member_text(const ibid_json_document *document, long node, const char *name,
                                  size_t *length) {
  return ibid_json_text(document, ibid_json_member(document, node, name), length);
}

/* ----- CSL dates ----------------------------------------------------------- */

/* A number or numeric string as an int; 0 when it is neither. */
static int json_small_int(const ibid_json_document *document, long node) {
  size_t length = 0;
  const char *text = ibid_json_text(document, node, &length);
  if (!text) return 0;
  int value = 0, sign = 1;
  size_t i = 0;
  while (i < length && text[i] == ' ') i++;
  if (i < length && text[i] == '-') {
    sign = -1;
    i++;
  }
  size_t digits = 0;
  for (; i < length && text[i] >= '0' && text[i] <= '9' && digits < 6; i++, digits++)
    value = value * 10 + (text[i] - '0');
  return digits ? sign * value : 0;
}

/* The first run of 3-4 digits that is a plausible year, then "-MM-DD" after
** it (ISO dates, the usual "raw" form). */
int ibid_json_date_from_text(const char *text, size_t length, int parts[3]) {
  parts[0] = parts[1] = parts[2] = 0;
  for (size_t i = 0; i < length; i++) {
    if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9'))
      continue;
    size_t end = i;
    while (end < length && text[end] >= '0' && text[end] <= '9') end++;
    if (end - i < 3 || end - i > 4) {
      i = end;
      continue;
    }
    parts[0] = 0;
    for (size_t k = i; k < end; k++) parts[0] = parts[0] * 10 + (text[k] - '0');
    for (int part = 1; part < 3 && end + 2 < length && (text[end] == '-' || text[end] == '/');
         part++) {
      char tens = text[end + 1], ones = text[end + 2];
      if (tens < '0' || tens > '9' || ones < '0' || ones > '9') break;
      if (end + 3 < length && text[end + 3] >= '0' && text[end + 3] <= '9') break;
      parts[part] = (tens - '0') * 10 + (ones - '0');
      end += 3;
    }
    if (parts[1] < 1 || parts[1] > 12) parts[1] = parts[2] = 0;
    if (parts[2] < 1 || parts[2] > 31) parts[2] = 0;
    return 1;
  }
  return 0;
}

int ibid_json_csl_date(const ibid_json_document *document, long node, const char *name,
                       int parts[3]) {
  parts[0] = parts[1] = parts[2] = 0;
  long date = ibid_json_member(document, node, name);
  if (date < 0) return 0;
  size_t length = 0;
  const char *text = ibid_json_text(document, date, &length);
  if (text) return ibid_json_date_from_text(text, length, parts);
  long date_parts = ibid_json_member(document, date, "date-parts");
  if (date_parts >= 0 && document->nodes[date_parts].kind == IBID_JSON_ARRAY) {
    long first = document->nodes[date_parts].first_child;
    if (first >= 0 && document->nodes[first].kind == IBID_JSON_ARRAY) {
      long part = document->nodes[first].first_child;
      for (int i = 0; i < 3 && part >= 0; i++, part = document->nodes[part].next_sibling)
        parts[i] = json_small_int(document, part);
      if (parts[1] < 1 || parts[1] > 12) parts[1] = parts[2] = 0;
      if (parts[2] < 1 || parts[2] > 31) parts[2] = 0;
      if (parts[0]) return 1;
    }
  }
  static const char *const text_members[] = {"raw", "literal"};
  for (size_t i = 0; i < 2; i++) {
    text = ibid_json_member_text(document, date, text_members[i], &length);
    if (text && ibid_json_date_from_text(text, length, parts)) return 1;
  }
  parts[0] = parts[1] = parts[2] = 0;
  return 0;
}
