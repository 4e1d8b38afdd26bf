/* fuzz_refparse.c -- libFuzzer target of the reference parser: any valid UTF-8
** input is parsed as one reference (its first 4 KB: references are short,
** and longer inputs only repeat the same code on more tokens) and line by
** line, as a note splitter would call it; everything is freed. */
#include <stddef.h>
#include <stdint.h>

#include "memory.h"
#include "refparse.h"
#include "utf8.h"

enum { REFERENCE_BYTES = 4096 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, NULL)) return 0;
  size_t length = 0, prefix = size < REFERENCE_BYTES ? size : REFERENCE_BYTES;
  while (prefix < size && prefix > 0 && ((unsigned char)text[prefix] & 0xC0) == 0x80) prefix--;
  ibid_free(ibid_parse_reference_json(text, prefix, &length));
  size_t start = 0;
  for (size_t i = 0; i <= size; i++) {
    if (i < size && text[i] != '\n') continue;
    size_t line = i - start;
    if (line <= REFERENCE_BYTES) {
      ibid_free(ibid_parse_reference_json(text + start, line, &length));
      size_t count = 0;
      int failed = 0;
      ibid_free(ibid_reference_segments(text + start, line, &count, &failed));
    }
    start = i + 1;
  }
  return 0;
}
