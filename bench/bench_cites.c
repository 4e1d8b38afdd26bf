/* bench_cites.c -- throughput of ibid_find_cites over the corpus repeated to
** about 24 MB. Usage: build/bench_cites tests/corpus */
#include "bench.h"
#include "cites.h"

int main(int argc, char **argv) {
  size_t length;
  char *text = bench_scaled_corpus(argc > 1 ? argv[1] : "tests/corpus", 24000000, &length);
  if (!text) return 2;
  ibid_cite *cites;
  size_t count;
  double started = bench_now();
  if (ibid_find_cites(text, length, &cites, &count) != 0) return 1;
  double seconds = bench_now() - started;
  bench_report("ibid_find_cites", length, seconds, count, "cites");
  ibid_free_cites(cites, count);
  free(text);
  return 0;
}
