/* bench_meta.c -- throughput of ibid_meta_json and ibid_csl_work_key.
** Usage: build/bench_meta tests/corpus
** ibid_meta reads only the first IBID_META_WINDOW bytes of a document, so it is
** timed per document (the corpus files, each many times) and on one ~20 MB text
** (the corpus repeated), where the cost must not grow with the length. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "csl.h"
#include "memory.h"
#include "meta.h"

#define MAX_FILES 64

int main(int argc, char **argv) {
  bench_text files[MAX_FILES];
  size_t count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, MAX_FILES);
  if (!count) return 1;

  /* Per document: every corpus file until ~20 MB of documents are read. */
  size_t bytes = 0, documents = 0;
  double started = bench_now();
  while (bytes < 20 * 1000 * 1000) {
    for (size_t i = 0; i < count; i++) {
      size_t length;
      char *json = ibid_meta_json(files[i].data, files[i].length, &length);
      ibid_free(json);
      bytes += files[i].length;
      documents++;
    }
  }
  bench_report("ibid_meta_json", bytes, bench_now() - started, documents, "docs");

  /* One long document: the corpus concatenated to ~20 MB. */
  size_t total = 0;
  for (size_t i = 0; i < count; i++) total += files[i].length;
  size_t repeat = 20 * 1000 * 1000 / total + 1, big_length = total * repeat;
  char *big = malloc(big_length);
  for (size_t r = 0, at = 0; r < repeat; r++)
    for (size_t i = 0; i < count; i++, at += files[i - 1].length)
      memcpy(big + at, files[i].data, files[i].length);
  started = bench_now();
  size_t length;
  char *json = ibid_meta_json(big, big_length, &length);
  bench_report("ibid_meta_json (20 MB)", big_length, bench_now() - started, 1, "docs");
  ibid_free(json);
  free(big);

  /* Work keys of each document's metadata. */
  ibid_csl_folder *folder = ibid_csl_folder_open();
  char *metas[MAX_FILES];
  size_t meta_lengths[MAX_FILES], meta_bytes = 0, keys = 0;
  for (size_t i = 0; i < count; i++)
    metas[i] = ibid_meta_json(files[i].data, files[i].length, &meta_lengths[i]);
  started = bench_now();
  for (int round = 0; round < 2000; round++)
    for (size_t i = 0; i < count; i++) {
      char *key = NULL;
      ibid_csl_work_key(folder, metas[i], meta_lengths[i], &key, NULL);
      ibid_free(key);
      meta_bytes += meta_lengths[i];
      keys++;
    }
  bench_report("ibid_csl_work_key", meta_bytes, bench_now() - started, keys, "keys");
  for (size_t i = 0; i < count; i++) ibid_free(metas[i]);
  ibid_csl_folder_close(folder);
  for (size_t i = 0; i < count; i++) free(files[i].data);
  return 0;
}
