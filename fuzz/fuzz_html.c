/* fuzz_html.c -- libFuzzer target for ibid_html_convert (ext/format/html.c): any
** bytes (HTML is often not UTF-8) give a document whose body is valid UTF-8
** with the character count the builder kept, and whose JSON serializes --
** without crash, leak or hang (checks: fuzz_document.h). */
#include <stddef.h>
#include <stdint.h>

#include "convert.h"
#include "fuzz_document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_check_conversion(ibid_html_convert, (const char *)data, size);
  return 0;
}
