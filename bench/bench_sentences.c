/* bench_sentences.c -- throughput of sentence splitting (ext/text/sentences.c) and of
** FTS5 word tokenizing (ext/text/words.c) on the corpus repeated to ~20 MB.
** Usage: build/bench_sentences tests/corpus */
#include "bench.h"
#include "memory.h"
#include "sentences.h"
#include "words.h"

#define TARGET_BYTES (20u * 1000u * 1000u)

static int count_token(void *context, const char *word, size_t length, size_t start, size_t end) {
  (void)word;
  (void)length;
  (void)start;
  (void)end;
  (*(size_t *)context)++;
  return 0;
}

int main(int argc, char **argv) {
  bench_text files[64];
  size_t file_count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  if (!file_count) return 2;
  size_t corpus_bytes = 0;
  for (size_t i = 0; i < file_count; i++) corpus_bytes += files[i].length + 2;
  size_t repeats = TARGET_BYTES / corpus_bytes + 1;
  size_t length = 0;
  char *text = malloc(repeats * corpus_bytes);
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      memcpy(text + length, files[i].data, files[i].length);
      length += files[i].length;
      text[length++] = '\n';
      text[length++] = '\n';
    }

  /* Split per corpus file, as ibid_sentences is called per document. */
  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  size_t sentence_total = 0;
  double started = bench_now();
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      ibid_sentence *sentences = 0;
      size_t count = 0;
      if (ibid_split_sentences(splitter, files[i].data, files[i].length, &sentences, &count))
        return 1;
      sentence_total += count;
      ibid_free(sentences);
    }
  bench_report("ibid_split_sentences", repeats * corpus_bytes, bench_now() - started,
               sentence_total, "sentences");

  /* The same on one ~20 MB text (few huge inputs must stay linear). */
  ibid_sentence *sentences = 0;
  size_t count = 0;
  started = bench_now();
  if (ibid_split_sentences(splitter, text, length, &sentences, &count)) return 1;
  bench_report("  (one 20 MB text)", length, bench_now() - started, count, "sentences");
  ibid_free(sentences);
  ibid_sentence_splitter_free(splitter);

  ibid_word_tokenizer *tokenizer = ibid_word_tokenizer_new(0);
  size_t tokens = 0;
  started = bench_now();
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++)
      if (ibid_tokenize_words(tokenizer, files[i].data, files[i].length, count_token, &tokens))
        return 1;
  bench_report("ibid_tokenize_words", repeats * corpus_bytes, bench_now() - started, tokens,
               "tokens");
  ibid_word_tokenizer_free(tokenizer);
  free(text);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  return 0;
}
