/* fuzz_meta.c -- libFuzzer target for ibid_meta_json (ext/format/meta.c): any valid
** UTF-8 must give a NUL-terminated JSON object, without crash, leak or hang;
** the result is also fed to the work key, which must accept it as JSON. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csl.h"
#include "memory.h"
#include "meta.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ibid_csl_folder *folder; /* opened once: ICU setup costs milliseconds */
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  size_t length = 0;
  char *json = ibid_meta_json(text, size, &length);
  if (!json) return 0;
  if (length != strlen(json) || json[0] != '{' || json[length - 1] != '}') __builtin_trap();
  if (!folder) folder = ibid_csl_folder_open();
  char *key = NULL;
  if (folder && ibid_csl_work_key(folder, json, length, &key, NULL) == IBID_CSL_BAD_JSON)
    __builtin_trap(); /* ibid_meta must always write valid JSON */
  ibid_free(key);
  ibid_free(json);
  return 0;
}
