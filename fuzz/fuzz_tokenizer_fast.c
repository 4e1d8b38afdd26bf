/* fuzz_tokenizer_fast.c -- libFuzzer target for ext/text/tokenizer_fast.h (the
** FTS5 tokenizer's ASCII runs): any bytes, valid UTF-8 or not, give the same
** words, spans and return code as ibid_tokenize_words, also when the callback
** stops early. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tokenizer_fast.h"

typedef struct check_state {
  uint64_t digest;
  size_t count, stop_after;
} check_state;

static uint64_t mix(uint64_t hash, const void *bytes, size_t length) {
  for (size_t i = 0; i < length; i++)
    hash = (hash ^ ((const unsigned char *)bytes)[i]) * 1099511628211ULL;
  return hash;
}

static int check_token(void *context, const char *word, size_t length, size_t start, size_t end) {
  check_state *state = context;
  state->digest = mix(state->digest, word, length);
  state->digest = mix(state->digest, &length, sizeof(length));
  state->digest = mix(state->digest, &start, sizeof(start));
  state->digest = mix(state->digest, &end, sizeof(end));
  state->count++;
  return state->stop_after && state->count == state->stop_after ? 5 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* One tokenizer of each kind for the whole run, as FTS5 keeps one per table. */
  static ibid_fast_tokenizer tokenizers[2];
  int keep_diacritics = size > 0 && (data[0] & 1);
  ibid_fast_tokenizer *fast = &tokenizers[keep_diacritics];
  if (!fast->words) fast->words = ibid_word_tokenizer_new(keep_diacritics);
  if (!fast->words) abort();
  size_t stop_after = size > 1 ? data[1] % 8 : 0;
  check_state a = {1469598103934665603ULL, 0, stop_after};
  check_state b = {1469598103934665603ULL, 0, stop_after};
  int ra = ibid_tokenize_words_fast(fast, (const char *)data, size, check_token, &a);
  int rb = ibid_tokenize_words(fast->words, (const char *)data, size, check_token, &b);
  if (ra == -1 || rb == -1) return 0; /* out of memory in one of them */
  if (ra != rb || a.count != b.count || a.digest != b.digest) abort();
  return 0;
}
