/* bench_text.c -- throughput of ibid_clean_text (ext/text/text.c) and of
** ibid_find_blocks (ext/text/blocks.c) on the corpus repeated to ~20 MB: per
** document (as the SQL functions are called) and as one ~20 MB text.
** Usage: build/bench_text tests/corpus */
#include <time.h>

#include "bench.h"
#include "blocks.h"
#include "memory.h"
#include "text.h"

#define TARGET_BYTES (20u * 1000u * 1000u)

int main(int argc, char **argv) {
  bench_text files[64];
  size_t file_count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  if (!file_count) return 2;
  size_t corpus_bytes = 0;
  for (size_t i = 0; i < file_count; i++) corpus_bytes += files[i].length;
  size_t repeats = TARGET_BYTES / corpus_bytes + 1;

  /* The machine is shared: wall-clock MB/s (bench_report) understates the
     speed under load, so the CPU time of the process is printed too. */
  clock_t cpu = clock();
  /* clean every document; keep the cleaned corpus for the blocks bench */
  char *cleaned[64];
  size_t cleaned_length[64], clean_bytes = 0, block_count = 0;
  double started = bench_now();
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      size_t length = 0;
      char *clean = ibid_clean_text(files[i].data, files[i].length, &length);
      if (!clean) return 1;
      if (r == 0) {
        cleaned[i] = clean;
        cleaned_length[i] = length;
        clean_bytes += length;
      } else {
        ibid_free(clean);
      }
    }
  bench_report("ibid_clean_text", repeats * corpus_bytes, bench_now() - started, 0, "");
  bench_report("  (CPU time)", repeats * corpus_bytes, (double)(clock() - cpu) / CLOCKS_PER_SEC, 0,
               "");
  cpu = clock();

  started = bench_now();
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      ibid_block *blocks = NULL;
      size_t count = 0;
      if (ibid_find_blocks(cleaned[i], cleaned_length[i], &blocks, &count)) return 1;
      block_count += count;
      ibid_free(blocks);
    }
  bench_report("ibid_find_blocks", repeats * clean_bytes, bench_now() - started, block_count,
               "blocks");
  bench_report("  (CPU time)", repeats * clean_bytes, (double)(clock() - cpu) / CLOCKS_PER_SEC,
               block_count, "blocks");

  /* one ~20 MB text: huge inputs must stay linear */
  char *text = malloc(repeats * (corpus_bytes + 2 * file_count));
  size_t length = 0;
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      memcpy(text + length, files[i].data, files[i].length);
      length += files[i].length;
      text[length++] = '\n';
      text[length++] = '\n';
    }
  size_t big_length = 0;
  started = bench_now();
  char *big = ibid_clean_text(text, length, &big_length);
  if (!big) return 1;
  bench_report("  (one 20 MB text)", length, bench_now() - started, 0, "");
  ibid_block *blocks = NULL;
  size_t count = 0;
  started = bench_now();
  if (ibid_find_blocks(big, big_length, &blocks, &count)) return 1;
  bench_report("  (blocks of it)", big_length, bench_now() - started, count, "blocks");
  ibid_free(blocks);
  ibid_free(big);
  free(text);
  for (size_t i = 0; i < file_count; i++) ibid_free(cleaned[i]), free(files[i].data);
  return 0;
}
