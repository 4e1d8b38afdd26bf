/* bench_export.c -- throughput of ibid_bibtex_entry, ibid_ris_entry and ibid_csl_export.
** Usage: build/bench_export tests/corpus
** The CSL-JSON items are what the corpus yields: the reference parser's item
** for every line of 40-600 bytes (notes, bibliography entries and, as noise,
** prose lines), plus each document's metadata. They are written again and
** again until ~20 MB of JSON has been converted per format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "bibtex.h"
#include "csl_export.h"
#include "memory.h"
#include "meta.h"
#include "refparse.h"
#include "ris.h"

#define MAX_FILES 64
#define MAX_ITEMS 4000

typedef struct bench_item {
  char *json;
  size_t length;
} bench_item;

static size_t collect_items(bench_text *files, size_t file_count, bench_item *items) {
  size_t count = 0;
  for (size_t f = 0; f < file_count && count < MAX_ITEMS; f++) {
    items[count].json = ibid_meta_json(files[f].data, files[f].length, &items[count].length);
    count++;
    const char *text = files[f].data;
    size_t start = 0;
    for (size_t i = 0; i <= files[f].length && count < MAX_ITEMS; i++) {
      if (i < files[f].length && text[i] != '\n') continue;
      if (i - start >= 40 && i - start <= 600) {
        items[count].json =
            ibid_parse_reference_json(text + start, i - start, &items[count].length);
        if (items[count].json) count++;
      }
      start = i + 1;
    }
  }
  return count;
}

int main(int argc, char **argv) {
  bench_text files[MAX_FILES];
  size_t file_count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, MAX_FILES);
  if (!file_count) return 1;
  static bench_item items[MAX_ITEMS];
  size_t count = collect_items(files, file_count, items);
  ibid_csl_folder *folder = ibid_csl_folder_open();
  const size_t target = 20 * 1000 * 1000;

  for (int format = 0; format < 3; format++) {
    size_t bytes = 0, entries = 0, output = 0;
    ibid_bibtex_keys *keys = format == 0 ? ibid_bibtex_keys_new() : NULL;
    double started = bench_now();
    while (bytes < target) {
      for (size_t i = 0; i < count; i++) {
        ibid_buffer out;
        ibid_buffer_init(&out);
        ibid_json_status status =
            format == 0
                ? ibid_bibtex_entry(items[i].json, items[i].length, folder, keys, 0, &out, NULL)
            : format == 1 ? ibid_ris_entry(items[i].json, items[i].length, &out, NULL)
                          : ibid_csl_export(items[i].json, items[i].length, &out, NULL);
        if (status != IBID_JSON_OK) return 2;
        output += out.length;
        ibid_buffer_free(&out);
        bytes += items[i].length;
        entries++;
      }
    }
    /* keys: one growing group of every entry, as ibid_group_bibtex builds it */
    static const char *const names[] = {"ibid_bibtex (grouped)", "ibid_ris", "ibid_csl"};
    bench_report(names[format], bytes, bench_now() - started, entries, "entries");
    ibid_bibtex_keys_free(keys);
    (void)output;
  }
  size_t json_bytes = 0;
  for (size_t i = 0; i < count; i++) json_bytes += items[i].length;
  printf("(%zu distinct CSL items from the corpus, %.0f bytes of JSON each on average)\n", count,
         (double)json_bytes / (double)count);
  ibid_csl_folder_close(folder);
  for (size_t i = 0; i < count; i++) ibid_free(items[i].json);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  return 0;
}
