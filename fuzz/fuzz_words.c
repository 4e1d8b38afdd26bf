/* fuzz_words.c -- libFuzzer target for ext/text/words.c: any bytes (valid UTF-8 or
** not) must tokenize without a crash, with ascending, in-range spans, and give
** the same words and spans as ICU's iterator alone (ibid_tokenize_words_icu). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "words.h"

typedef struct check_state {
  size_t size, previous_end;
  uint64_t digest; /* of every word and span, to compare the two paths */
  size_t count;
} check_state;

static uint64_t mix(uint64_t hash, const void *bytes, size_t length) {
  for (size_t i = 0; i < length; i++)
    hash = (hash ^ ((const unsigned char *)bytes)[i]) * 1099511628211ULL;
  return hash;
}

static int check_token(void *context, const char *word, size_t length, size_t start, size_t end) {
  check_state *state = context;
  if (!word || length == 0 || start >= end || end > state->size || start < state->previous_end)
    abort();
  state->previous_end = end;
  state->digest = mix(state->digest, word, length);
  state->digest = mix(state->digest, &start, sizeof(start));
  state->digest = mix(state->digest, &end, sizeof(end));
  state->count++;
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
  check_state state = {size, 0, 1469598103934665603ULL, 0};
  int rc = ibid_tokenize_words(tokenizer, (const char *)data, size, check_token, &state);
  if (rc != 0 && rc != -1) abort();
  check_state reference = {size, 0, 1469598103934665603ULL, 0};
  int reference_rc =
      ibid_tokenize_words_icu(tokenizer, (const char *)data, size, check_token, &reference);
  if (rc == 0 && reference_rc == 0 &&
      (state.count != reference.count || state.digest != reference.digest))
    abort(); /* the ASCII path cut differently from ICU */
  return 0;
}
