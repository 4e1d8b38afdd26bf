/* bench_notes.c -- throughput of ibid_find_notes (with Ibid./short-form
** resolution) and of ibid_find_markers over the corpus repeated to about
** 24 MB. Usage: build/bench_notes tests/corpus */
#include "bench.h"
#include "markers.h"
#include "memory.h"
#include "notes.h"

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
  ibid_note *notes;
  ibid_marker *markers;
  size_t count, marker_count;
  double started = bench_now();
  if (ibid_find_notes(text, length, &notes, &count) != 0) return 1;
  double seconds = bench_now() - started;
  bench_report("ibid_find_notes", length, seconds, count, "notes");
  started = bench_now();
  if (ibid_find_markers(text, length, notes, count, &markers, &marker_count) != 0) return 1;
  seconds = bench_now() - started;
  bench_report("ibid_find_markers", length, seconds, marker_count, "markers");
  ibid_free(markers);
  ibid_free(notes);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  free(text);
  return 0;
}
