/* fuzz_xml.c -- libFuzzer target for ibid_jats_convert (ext/jats.c) and
** ibid_tei_convert (ext/tei.c): any bytes, as they are and wrapped in a JATS
** <article> and a TEI <TEI> root (so the fuzzer reaches the tree walkers
** without having to find a root element), give a document whose body is
** valid UTF-8 with the character count it claims, and whose JSON
** serializes -- without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "memory.h"
#include "utf8.h"

typedef int (*converter)(const char *, size_t, ibid_document *);

static void check(converter function, const char *bytes, size_t length) {
  ibid_document document;
  ibid_document_init(&document);
  if (function(bytes, length, &document) == 0) {
    const char *body = document.body.data ? document.body.data : "";
    size_t bad;
    if (!ibid_utf8_valid(body, document.body.length, &bad)) __builtin_trap();
    if (document.body_characters != ibid_utf8_count(body, document.body.length)) __builtin_trap();
    size_t json_length;
    char *json = ibid_document_json(&document, &json_length);
    if (!json) __builtin_trap();
    ibid_free(json);
  }
  ibid_document_free(&document);
}

static void check_wrapped(converter function, const char *open, const char *close,
                          const uint8_t *data, size_t size) {
  size_t open_length = strlen(open), close_length = strlen(close);
  char *wrapped = malloc(open_length + size + close_length);
  if (!wrapped) return;
  memcpy(wrapped, open, open_length);
  if (size) memcpy(wrapped + open_length, data, size);
  memcpy(wrapped + open_length + size, close, close_length);
  check(function, wrapped, open_length + size + close_length);
  free(wrapped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  check(ibid_jats_convert, (const char *)data, size);
  check(ibid_tei_convert, (const char *)data, size);
  check_wrapped(ibid_jats_convert, "<article><body><p>", "</p></body></article>", data, size);
  check_wrapped(ibid_tei_convert, "<TEI><text><body><p>", "</p></body></text></TEI>", data, size);
  return 0;
}
