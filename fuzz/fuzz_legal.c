/* fuzz_legal.c -- libFuzzer target for ext/citations/legal.c: any valid UTF-8 (the
** whole input, and each line) read as a legal citation. Every field must be
** a span inside the input on character boundaries, and the CSL-JSON must
** parse -- without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "legal.h"
#include "memory.h"
#include "utf8.h"

static void check_span(const char *text, size_t size, ibid_legal_span s) {
  if (s.start > size || s.length > size - s.start) __builtin_trap();
  if (!s.length) return;
  if (s.start < size && ((unsigned char)text[s.start] & 0xC0) == 0x80) __builtin_trap();
  size_t end = s.start + s.length;
  if (end < size && ((unsigned char)text[end] & 0xC0) == 0x80) __builtin_trap();
}

static void parse(const char *text, size_t size) {
  ibid_legal l;
  if (ibid_parse_legal(text, size, &l)) {
    if (!l.type) __builtin_trap();
    ibid_legal_span spans[] = {l.title,  l.authors,   l.container, l.volume,    l.page,
                               l.number, l.authority, l.locator,   l.publisher, l.body};
    for (size_t i = 0; i < sizeof(spans) / sizeof(spans[0]); i++) check_span(text, size, spans[i]);
  }
  size_t json_length;
  ibid_legal_span pin;
  int failed;
  char *json = ibid_parse_legal_json(text, size, &json_length, &pin, &failed);
  if (json) {
    check_span(text, size, pin);
    ibid_json_document document = {0};
    ibid_json_status status = ibid_json_parse_object(json, json_length, &document, NULL);
    ibid_json_free(&document);
    if (status != IBID_JSON_OK) __builtin_trap();
    ibid_free(json);
  }
  json = ibid_parse_legal_entry_json(text, size, &json_length, &failed);
  if (json) {
    ibid_json_document document = {0};
    ibid_json_status status = ibid_json_parse_object(json, json_length, &document, NULL);
    ibid_json_free(&document);
    if (status != IBID_JSON_OK) __builtin_trap();
    ibid_free(json);
  }
  if (ibid_legal_case_short_form(text, size, &pin) > size) __builtin_trap();
  check_span(text, size, pin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  parse(text, size);
  for (size_t line = 0; line < size;) {
    size_t end = line;
    while (end < size && text[end] != '\n') end++;
    parse(text + line, end - line);
    line = end + 1;
  }
  return 0;
}
