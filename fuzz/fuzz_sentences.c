/* fuzz_sentences.c -- libFuzzer target for ext/text/sentences.c: every span must lie
** inside the text, be trimmed, non-empty, in order and inside its block; and the
** boundaries computed without ICU must be ICU's (ibid_split_sentences_icu). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "sentences.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  size_t bad;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  /* One splitter for the whole run, as the SQL layer keeps one per connection
  ** (opening ICU iterators per input would make the fuzzer ten times slower). */
  static ibid_sentence_splitter *splitter;
  if (!splitter) splitter = ibid_sentence_splitter_new();
  if (!splitter) abort();
  ibid_sentence *sentences = 0;
  size_t count = 0;
  int rc = ibid_split_sentences(splitter, text, size, &sentences, &count);
  if (rc == 0) {
    size_t previous_end = 0, previous_block = 0;
    for (size_t i = 0; i < count; i++) {
      const ibid_sentence *s = &sentences[i];
      if (s->length == 0 || s->start < previous_end || s->start + s->length > size) abort();
      if (s->block < previous_block || s->block == 0) abort();
      if (text[s->start] == ' ' || text[s->start + s->length - 1] == ' ') abort();
      previous_end = s->start + s->length;
      previous_block = s->block;
    }
  }
  /* the same sentences as with every block through ICU */
  ibid_sentence *icu = 0;
  size_t icu_count = 0;
  int icu_rc = ibid_split_sentences_icu(splitter, text, size, &icu, &icu_count);
  if (icu_rc != -1 && rc != -1 &&
      (icu_rc != rc || icu_count != count ||
       (count && memcmp(icu, sentences, count * sizeof(*icu)) != 0)))
    abort();
  ibid_free(icu);
  ibid_free(sentences);
  return 0;
}
