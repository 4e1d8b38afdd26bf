/* fuzz_refparse.c -- libFuzzer target of the reference parser: any valid UTF-8
** input is parsed whole (its first IBID_REFPARSE_MAX_BYTES) and line by line,
** as a note splitter would call it; everything is freed. */
#include <stddef.h>
#include <stdint.h>

#include "memory.h"
#include "refparse.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, NULL)) return 0;
  size_t length = 0;
  ibid_free(ibid_parse_reference_json(text, size, &length));
  size_t start = 0;
  for (size_t i = 0; i <= size; i++) {
    if (i < size && text[i] != '\n') continue;
    ibid_free(ibid_parse_reference_json(text + start, i - start, &length));
    size_t count = 0;
    int failed = 0;
    ibid_free(ibid_reference_segments(text + start, i - start, &count, &failed));
    start = i + 1;
  }
  return 0;
}
