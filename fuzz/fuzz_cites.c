/* fuzz_cites.c -- libFuzzer target for ibid_find_cites (ext/citations/cites.c): any valid
** UTF-8 gives items whose spans lie inside the input, in text order, with
** groups counted from 1, without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>

#include "cites.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  ibid_cite *cites;
  size_t count;
  if (ibid_find_cites(text, size, &cites, &count) != 0) return 0;
  size_t group = 0;
  for (size_t i = 0; i < count; i++) {
    const ibid_cite *cite = &cites[i];
    if (cite->start > size || cite->length > size - cite->start) __builtin_trap();
    if (cite->group < group || cite->group > group + 1 || cite->group == 0) __builtin_trap();
    group = cite->group;
    /* Spans must cut the text on character boundaries. */
    if (cite->start < size && ((unsigned char)text[cite->start] & 0xC0) == 0x80) __builtin_trap();
  }
  ibid_free_cites(cites, count);
  return 0;
}
