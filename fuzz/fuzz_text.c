/*
** fuzz_text.c -- libFuzzer target for ibid_clean_text: never crashes, leaks
** or hangs, returns valid UTF-8 in the promised layout, and is idempotent.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, NULL)) return 0;
  size_t length = 0, again_length = 0;
  char *once = ibid_clean_text(text, size, &length);
  if (!once) abort();
  if (!ibid_utf8_valid(once, length, NULL) || strlen(once) != length) abort();
  if (length && (once[length - 1] != '\n' || once[0] == '\n' || once[0] == ' ')) abort();
  if (length >= 2 && once[length - 2] == '\n') abort();
  for (size_t i = 0; i + 1 < length; i++)
    if ((once[i] == ' ' && once[i + 1] == '\n') || (once[i] == '\n' && once[i + 1] == ' ')) abort();
  char *twice = ibid_clean_text(once, length, &again_length);
  if (!twice || again_length != length || memcmp(once, twice, length) != 0) abort();
  ibid_free(once);
  ibid_free(twice);
  return 0;
}
