/* fuzz_csl.c -- libFuzzer target for the CSL-JSON reader and work keys
** (ext/references/csl.c): any valid UTF-8, JSON or not, without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csl.h"
#include "memory.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ibid_csl_folder *folder; /* opened once: ICU setup costs milliseconds */
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  ibid_csl_item item;
  ibid_csl_read(text, size, &item);
  ibid_csl_item_free(&item);
  if (!folder) folder = ibid_csl_folder_open();
  if (!folder) return 0;
  char *key = NULL;
  size_t key_length = 0;
  if (ibid_csl_work_key(folder, text, size, &key, &key_length) == IBID_CSL_OK && key &&
      key_length != strlen(key))
    __builtin_trap();
  ibid_free(key);
  return 0;
}
