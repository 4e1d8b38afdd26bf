/* fuzz_convert.c -- libFuzzer target for ibid_convert_document (ext/convert.c),
** what every INSERT INTO documents runs: any bytes -- detected as text, HTML,
** JATS, TEI, PDF, UTF-16 or binary -- give a document whose body is valid
** UTF-8 with the character count the builder kept, whose format agrees with
** ibid_format_detect, and whose JSON serializes, without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>

#include "convert.h"
#include "memory.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *bytes = (const char *)data;
  ibid_document document;
  ibid_document_init(&document);
  if (ibid_convert_document(bytes, size, &document) == 0) {
    const char *body = document.body.data ? document.body.data : "";
    size_t bad;
    if (!ibid_utf8_valid(body, document.body.length, &bad)) __builtin_trap();
    if (document.body_characters != ibid_utf8_count(body, document.body.length)) __builtin_trap();
    if (document.format != ibid_format_detect(bytes, size)) __builtin_trap();
    size_t json_length;
    char *json = ibid_document_json(&document, &json_length);
    if (!json) __builtin_trap();
    ibid_free(json);
  }
  ibid_document_free(&document);
  return 0;
}
