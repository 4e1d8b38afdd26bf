/* bench_notes.c -- throughput of ibid_find_notes (with Ibid./short-form
** resolution) and of ibid_find_markers over the corpus repeated to about
** 24 MB. Usage: build/bench_notes tests/corpus */
#include "bench.h"
#include "markers.h"
#include "memory.h"
#include "notes.h"

int main(int argc, char **argv) {
  size_t length;
  char *text = bench_scaled_corpus(argc > 1 ? argv[1] : "tests/corpus", 24000000, &length);
  if (!text) return 2;
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
  free(text);
  return 0;
}
