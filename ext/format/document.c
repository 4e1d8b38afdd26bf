/*
** document.c -- the body and side information a converter writes (see document.h).
*/
#include "document.h"

#include <string.h>

#include "utf8.h"

const char *ibid_format_name(ibid_format format) {
  switch (format) {
    case IBID_FORMAT_TEXT:
      return "text";
    case IBID_FORMAT_HTML:
      return "html";
    case IBID_FORMAT_JATS:
      return "jats";
    case IBID_FORMAT_TEI:
      return "tei";
    case IBID_FORMAT_PDF:
      return "pdf";
    default:
      return NULL;
  }
}

void ibid_document_init(ibid_document *document) {
  memset(document, 0, sizeof(*document));
  ibid_buffer_init(&document->body);
  ibid_buffer_init(&document->meta);
  ibid_buffer_init(&document->references);
}

void ibid_document_free(ibid_document *document) {
  ibid_buffer_free(&document->body);
  ibid_buffer_free(&document->meta);
  ibid_buffer_free(&document->references);
  ibid_document_init(document);
}

int ibid_document_failed(const ibid_document *document) {
  return document->body.failed || document->meta.failed || document->references.failed;
}

void ibid_document_fail(ibid_document *document, const char *message) {
  if (!document->error) document->error = message;
}

/* ----- the note-number limit ------------------------------------------------- */

const char ibid_note_limit_error[] =
    "notes numbered past 9999 (the limit of ibid_notes and ibid_markers): notes and markers "
    "above 9999 were not read";

/* The value of a superscript digit at text[at] (its UTF-8 size in *size), or -1. */
static int superscript_digit(const char *text, size_t length, size_t at, size_t *size) {
  const unsigned char *u = (const unsigned char *)text + at;
  if (at + 1 < length && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3)) {
    *size = 2;
    return u[1] == 0xB9 ? 1 : u[1] - 0xB0;
  }
  if (at + 2 < length && u[0] == 0xE2 && u[1] == 0x81 &&
      (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))) {
    *size = 3;
    return u[2] - 0xB0;
  }
  return -1;
}

/* A note label or marker at text[at]: "[N]" anywhere, superscript digits
** anywhere, "N " / "N. " / "N) " at a line start. Its number (capped at
** 99999) and its end in *end; 0 when none. */
static long number_at(const char *text, size_t length, size_t at, size_t *end) {
  long number = 0;
  size_t i = at, size = 0;
  int digit;
  if ((digit = superscript_digit(text, length, i, &size)) >= 0) {
    while ((digit = superscript_digit(text, length, i, &size)) >= 0) {
      if (number < 99999) number = number * 10 + digit;
      i += size;
    }
    *end = i;
    return number;
  }
  int bracket = text[i] == '[';
  if (bracket)
    i++;
  else if (at > 0 && text[at - 1] != '\n')
    return 0;
  size_t first = i;
  while (i < length && text[i] >= '0' && text[i] <= '9') {
    if (number < 99999) number = number * 10 + (text[i] - '0');
    i++;
  }
  if (i == first) return 0;
  if (bracket) {
    if (i >= length || text[i] != ']') return 0;
    i++;
  } else {
    if (i < length && (text[i] == '.' || text[i] == ')')) i++;
    if (i >= length || text[i] != ' ') return 0;
  }
  *end = i;
  return number;
}

/* Does text hold "9999", or four superscript nines in a row? Without either,
** no label or marker is numbered 9999, and the limit cannot be passed. */
static int holds_9999(const char *text, size_t length) {
  static const char nines[] = "\xE2\x81\xB9\xE2\x81\xB9\xE2\x81\xB9\xE2\x81\xB9";
  for (const char *at = text; (at = memchr(at, '9', (size_t)(text + length - at))); at++)
    if ((size_t)(text + length - at) >= 4 && !memcmp(at, "9999", 4)) return 1;
  for (const char *at = text; (at = memchr(at, '\xE2', (size_t)(text + length - at))); at++)
    if ((size_t)(text + length - at) >= 12 && !memcmp(at, nines, 12)) return 1;
  return 0;
}

void ibid_document_check_note_limit(ibid_document *document) {
  const char *text = document->body.data;
  size_t length = document->body.length;
  if (document->error || !text || !holds_9999(text, length)) return;
  int reached = 0;
  for (size_t at = 0; at < length;) {
    /* number_at reads a superscript (lead byte 0xC2 or 0xE2), '[' or a digit
    ** starting a line: any other byte is passed over at once */
    unsigned char c = (unsigned char)text[at];
    if (c != 0xC2 && c != 0xE2 && c != '[' &&
        !(c >= '0' && c <= '9' && (at == 0 || text[at - 1] == '\n'))) {
      at++;
      continue;
    }
    size_t end = at;
    long number = number_at(text, length, at, &end);
    if (number == IBID_NOTE_NUMBER_MAX) reached = 1;
    if (number > IBID_NOTE_NUMBER_MAX && reached) {
      ibid_document_fail(document, ibid_note_limit_error);
      return;
    }
    at = end > at ? end : at + 1;
  }
}

/* Writes the blank or blank line that is due before new text. */
static void flush_pending(ibid_document *document) {
  if (document->body.length == 0) {
    document->pending_break = document->pending_space = 0;
    return;
  }
  if (document->pending_break) {
    ibid_buffer_append(&document->body, "\n\n", 2);
    document->body_characters += 2;
  } else if (document->pending_space) {
    ibid_buffer_append_char(&document->body, ' ');
    document->body_characters += 1;
  }
  document->pending_break = document->pending_space = 0;
}

/* White space that collapses: ASCII blanks and line ends, no-break spaces and
** the Unicode space separators. Returns its length in bytes, 0 if none. */
static size_t space_length(const char *text, size_t length, size_t at) {
  unsigned char c = (unsigned char)text[at];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0x80) return 0;
  uint32_t codepoint;
  size_t size = ibid_utf8_decode(text, length, at, &codepoint);
  if (codepoint == 0xA0 || codepoint == 0x1680 || (codepoint >= 0x2000 && codepoint <= 0x200A) ||
      codepoint == 0x2028 || codepoint == 0x2029 || codepoint == 0x202F || codepoint == 0x205F ||
      codepoint == 0x3000)
    return size;
  return 0;
}

/* Control characters other than white space, and zero-width characters that
** only confuse word matching (soft hyphen, zero-width space/joiners, BOM). */
static size_t dropped_length(const char *text, size_t length, size_t at) {
  unsigned char c = (unsigned char)text[at];
  if (c < 0x20 || c == 0x7F) return 1;
  if (c < 0x80) return 0;
  uint32_t codepoint;
  size_t size = ibid_utf8_decode(text, length, at, &codepoint);
  if ((codepoint >= 0x80 && codepoint < 0xA0) || codepoint == 0xAD || codepoint == 0x200B ||
      codepoint == 0x200C || codepoint == 0x200D || codepoint == 0x2060 || codepoint == 0xFEFF)
    return size;
  return 0;
}

void ibid_document_text(ibid_document *document, const char *text, size_t length) {
  size_t at = 0;
  while (at < length) {
    size_t space = space_length(text, length, at);
    if (space) {
      if (document->body.length > 0 && !document->pending_break) document->pending_space = 1;
      at += space;
      continue;
    }
    size_t dropped = dropped_length(text, length, at);
    if (dropped) {
      at += dropped;
      continue;
    }
    /* A run of ordinary characters, appended at once. */
    size_t end = at;
    size_t characters = 0;
    while (end < length && !space_length(text, length, end) && !dropped_length(text, length, end)) {
      uint32_t codepoint;
      end += ibid_utf8_decode(text, length, end, &codepoint);
      characters++;
    }
    flush_pending(document);
    ibid_buffer_append(&document->body, text + at, end - at);
    document->body_characters += characters;
    at = end;
  }
}

void ibid_document_glued(ibid_document *document, const char *text, size_t length) {
  /* Glued text cancels a pending blank but not a block break. */
  document->pending_space = 0;
  size_t at = 0;
  while (at < length) {
    /* A tab or line break counts as both white space and a dropped control
    ** character: skip it once. */
    size_t skip = space_length(text, length, at);
    if (!skip) skip = dropped_length(text, length, at);
    if (skip) {
      at += skip;
      continue;
    }
    uint32_t codepoint;
    size_t size = ibid_utf8_decode(text, length, at, &codepoint);
    flush_pending(document);
    ibid_buffer_append(&document->body, text + at, size);
    document->body_characters++;
    at += size;
  }
}

void ibid_document_tab(ibid_document *document) {
  if (document->body.length == 0 || document->pending_break) return;
  document->pending_space = 0;
  ibid_buffer_append_char(&document->body, '\t');
  document->body_characters++;
}

void ibid_document_space(ibid_document *document) {
  if (document->body.length > 0 && !document->pending_break) document->pending_space = 1;
}

void ibid_document_marker(ibid_document *document, long number) {
  static const char *const superscripts[10] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                               "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  if (number <= 0) return;
  char digits[11];
  int count = 0;
  while (number > 0 && count < 11) {
    digits[count++] = (char)(number % 10);
    number /= 10;
  }
  char text[40];
  size_t length = 0;
  while (count > 0) {
    const char *superscript = superscripts[(int)digits[--count]];
    size_t size = strlen(superscript);
    memcpy(text + length, superscript, size);
    length += size;
  }
  ibid_document_glued(document, text, length);
}

void ibid_document_end_block(ibid_document *document) {
  if (document->body.length > 0) {
    document->pending_break = 1;
    document->pending_space = 0;
  }
}

size_t ibid_document_next_position(ibid_document *document) {
  size_t position = document->body_characters + 1;
  if (document->body.length == 0) return position;
  if (document->pending_break) return position + 2;
  if (document->pending_space) return position + 1;
  return position;
}

size_t ibid_document_end_position(const ibid_document *document) {
  return document->body_characters + 1;
}

/* Writes `"key":` (after a comma from the second member on); the value follows. */
static void begin_meta_member(ibid_document *document, const char *key) {
  if (document->meta_members++) ibid_buffer_append_char(&document->meta, ',');
  ibid_json_string(&document->meta, key, strlen(key));
  ibid_buffer_append_char(&document->meta, ':');
}

void ibid_document_meta(ibid_document *document, const char *key, const char *json_value,
                        size_t length) {
  begin_meta_member(document, key);
  ibid_buffer_append(&document->meta, json_value, length);
}

void ibid_document_meta_string(ibid_document *document, const char *key, const char *text,
                               size_t length) {
  if (strcmp(key, "URL") == 0 && length > IBID_URL_MAX) return;
  begin_meta_member(document, key);
  ibid_json_string(&document->meta, text, length);
}

void ibid_document_meta_take(ibid_document *document, const char *key, ibid_buffer *json) {
  if (json->failed)
    document->meta.failed = 1;
  else
    ibid_document_meta(document, key, json->data, json->length);
  ibid_buffer_free(json);
}

void ibid_document_reference(ibid_document *document, size_t start, size_t length, int note,
                             const char *label, const char *csl, const char *url) {
  ibid_buffer *out = &document->references;
  if (document->reference_count++) ibid_buffer_append_char(out, ',');
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  ibid_json_object_int(&object, "start", (long long)start);
  ibid_json_object_int(&object, "length", (long long)length);
  if (note > 0) ibid_json_object_int(&object, "note", note);
  if (label) ibid_json_object_string(&object, "label", label, strlen(label));
  if (csl) {
    ibid_json_object_key(&object, "csl");
    ibid_buffer_append_string(out, csl);
  }
  size_t url_length = url ? strlen(url) : 0;
  if (url && url_length <= IBID_URL_MAX) ibid_json_object_string(&object, "URL", url, url_length);
  ibid_json_object_end(&object);
}

/* The JSON object, with or without its "format" and "body" members. */
static char *document_json(ibid_document *document, int with_body, size_t *json_length) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  /* The body always ends with one line end, like ibid_clean() output. */
  if (document->body.length > 0 && document->body.data[document->body.length - 1] != '\n')
    ibid_buffer_append_char(&document->body, '\n');
  ibid_json_object object;
  ibid_json_object_begin(&object, &out);
  const char *name = ibid_format_name(document->format);
  if (name && with_body) ibid_json_object_string(&object, "format", name, strlen(name));
  if (with_body)
    ibid_json_object_string(&object, "body", document->body.data ? document->body.data : "",
                            document->body.length);
  if (document->meta_members) {
    ibid_json_object_key(&object, "meta");
    ibid_buffer_append_char(&out, '{');
    ibid_buffer_append(&out, document->meta.data, document->meta.length);
    ibid_buffer_append_char(&out, '}');
  }
  if (document->reference_count) {
    ibid_json_object_key(&object, "references");
    ibid_buffer_append_char(&out, '[');
    ibid_buffer_append(&out, document->references.data, document->references.length);
    ibid_buffer_append_char(&out, ']');
  }
  if (document->pages) ibid_json_object_int(&object, "pages", document->pages);
  if (document->recoded) ibid_json_object_int(&object, "recoded", 1);
  if (document->error)
    ibid_json_object_string(&object, "error", document->error, strlen(document->error));
  ibid_json_object_end(&object);
  if (ibid_document_failed(document)) out.failed = 1;
  return ibid_buffer_take(&out, json_length);
}

char *ibid_document_json(ibid_document *document, size_t *json_length) {
  return document_json(document, 1, json_length);
}

char *ibid_document_structure_json(ibid_document *document, size_t *json_length) {
  return document_json(document, 0, json_length);
}
