/* fuzz_csl.c -- libFuzzer target for the CSL-JSON reader and work keys
** (ext/references/csl.c): any valid UTF-8, JSON or not, without crash, leak or hang;
** the one-pass reader gives the item the JSON tree gives. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csl.h"
#include "memory.h"
#include "utf8.h"

static int same_text(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ibid_csl_folder *folder; /* opened once: ICU setup costs milliseconds */
  size_t bad;
  const char *text = (const char *)data;
  if (!folder) folder = ibid_csl_folder_open();
  if (folder && size <= 4096) { /* the learned fold is the transliterator's, on any bytes */
    size_t fast_length = 0, icu_length = 0;
    char *fast = ibid_csl_fold(folder, text, size, &fast_length);
    char *icu = ibid_csl_fold_icu(folder, text, size, &icu_length);
    if (fast && icu && (fast_length != icu_length || memcmp(fast, icu, fast_length)))
      __builtin_trap();
    ibid_free(fast);
    ibid_free(icu);
  }
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  /* the one-pass reader and the tree reader give the same item */
  ibid_csl_item item, tree;
  ibid_csl_status read = ibid_csl_read(text, size, &item);
  ibid_csl_status read_tree = ibid_csl_read_tree(text, size, &tree);
  if (read == IBID_CSL_OK && read_tree == IBID_CSL_OK &&
      (!same_text(item.family, tree.family) || !same_text(item.literal, tree.literal) ||
       !same_text(item.title, tree.title) || !same_text(item.doi, tree.doi) ||
       item.year != tree.year))
    __builtin_trap();
  if ((read == IBID_CSL_BAD_JSON) != (read_tree == IBID_CSL_BAD_JSON)) __builtin_trap();
  ibid_csl_item_free(&item);
  ibid_csl_item_free(&tree);
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
