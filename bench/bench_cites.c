/* bench_cites.c -- throughput of ibid_find_cites over the corpus repeated to
** about 24 MB. Usage: build/bench_cites tests/corpus */
#include "bench.h"
#include "cites.h"

int main(int argc, char **argv) {
  bench_text files[64];
  size_t file_count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  size_t corpus_bytes = 0;
  for (size_t i = 0; i < file_count; i++) corpus_bytes += files[i].length;
  if (!corpus_bytes) return 2;
  size_t repeats = 24000000 / corpus_bytes + 1, length = 0;
  char *text = malloc(repeats * corpus_bytes);
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      memcpy(text + length, files[i].data, files[i].length);
      length += files[i].length;
    }
  ibid_cite *cites;
  size_t count;
  double started = bench_now();
  if (ibid_find_cites(text, length, &cites, &count) != 0) return 1;
  double seconds = bench_now() - started;
  bench_report("ibid_find_cites", length, seconds, count, "cites");
  ibid_free_cites(cites, count);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  free(text);
  return 0;
}
