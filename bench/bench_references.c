/* bench_references.c -- throughput of ibid_split_citations (every line of
** the corpus taken as one note) and of ibid_find_bibliography over the
** corpus repeated to about 24 MB. Usage: build/bench_references tests/corpus */
#include "bench.h"
#include "memory.h"
#include "references.h"

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
  size_t item_count = 0;
  double started = bench_now();
  for (size_t line = 0; line < length;) {
    size_t end = line;
    while (end < length && text[end] != '\n') end++;
    ibid_citation_item *items;
    size_t count;
    if (ibid_split_citations(text, line, end - line, &items, &count) != 0) return 1;
    item_count += count;
    ibid_free(items);
    line = end + 1;
  }
  double seconds = bench_now() - started;
  bench_report("ibid_split_citations", length, seconds, item_count, "items");
  /* a document with a reference list: each corpus file under a heading */
  const char heading[] = "\nReferences\n\n";
  char *listed = malloc(length + repeats * file_count * sizeof(heading));
  size_t listed_length = 0;
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      memcpy(listed + listed_length, heading, sizeof(heading) - 1);
      listed_length += sizeof(heading) - 1;
      memcpy(listed + listed_length, files[i].data, files[i].length);
      listed_length += files[i].length;
    }
  ibid_bibliography_entry *entries;
  size_t entry_count;
  started = bench_now();
  if (ibid_find_bibliography(listed, listed_length, &entries, &entry_count) != 0) return 1;
  seconds = bench_now() - started;
  bench_report("ibid_find_bibliography", listed_length, seconds, entry_count, "entries");
  ibid_free(entries);
  free(listed);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  free(text);
  return 0;
}
