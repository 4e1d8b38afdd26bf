/* fuzz_convert.c -- libFuzzer target for ibid_convert_document (ext/format/convert.c),
** what every INSERT INTO documents runs: any bytes -- detected as text, HTML,
** JATS, TEI, PDF, UTF-16 or binary -- give a document whose format agrees
** with ibid_format_detect, whose body is valid UTF-8 with the character count
** the builder kept, and whose JSON serializes, without crash, leak or hang
** (checks: fuzz_document.h). */
#include <stddef.h>
#include <stdint.h>

#include "convert.h"
#include "fuzz_document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *bytes = (const char *)data;
  ibid_document document;
  ibid_document_init(&document);
  if (ibid_convert_document(bytes, size, &document) == 0) {
    if (document.format != ibid_format_detect(bytes, size)) __builtin_trap();
    fuzz_check_document(&document);
  }
  ibid_document_free(&document);
  return 0;
}
