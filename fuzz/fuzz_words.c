/* fuzz_words.c -- libFuzzer target for ext/text/words.c: any bytes (valid UTF-8 or
** not) must tokenize without a crash, with ascending, in-range spans. */
#include <stdint.h>
#include <stdlib.h>

#include "utf8.h"
#include "words.h"

typedef struct check_state {
  size_t size, previous_end;
} check_state;

static int check_token(void *context, const char *word, size_t length, size_t start, size_t end) {
  check_state *state = context;
  if (!word || length == 0 || start >= end || end > state->size || start < state->previous_end)
    abort();
  state->previous_end = end;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Invalid UTF-8 is allowed here on purpose: FTS5 hands the tokenizer any bytes.
  ** ibid_utf8_valid only picks which tokenizer variant runs. */
  size_t bad;
  int keep_diacritics = ibid_utf8_valid((const char *)data, size, &bad) ? 0 : 1;
  /* One tokenizer of each kind for the whole run, as FTS5 keeps one per table. */
  static ibid_word_tokenizer *tokenizers[2];
  if (!tokenizers[keep_diacritics])
    tokenizers[keep_diacritics] = ibid_word_tokenizer_new(keep_diacritics);
  ibid_word_tokenizer *tokenizer = tokenizers[keep_diacritics];
  if (!tokenizer) abort();
  check_state state = {size, 0};
  int rc = ibid_tokenize_words(tokenizer, (const char *)data, size, check_token, &state);
  if (rc != 0 && rc != -1) abort();
  return 0;
}
