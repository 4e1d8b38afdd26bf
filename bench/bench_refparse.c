/*
** bench_refparse.c -- throughput of ibid_parse_reference_json: over the
** corpus lines (notes and paragraphs cut to reference size, repeated to
** ~20 MB) and over the AnyStyle good.xml reference strings when that file is
** present (read crudely: the text of each <sequence>, tags dropped).
** Times are CPU time. Usage: build/bench_refparse tests/corpus [good.xml]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "memory.h"
#include "refparse.h"

typedef struct line_list {
  const char **start;
  size_t *length;
  size_t count, capacity, bytes;
} line_list;

static void add_line(line_list *lines, const char *start, size_t length) {
  if (lines->count == lines->capacity) {
    lines->capacity = lines->capacity ? lines->capacity * 2 : 1024;
    lines->start = realloc(lines->start, lines->capacity * sizeof(*lines->start));
    lines->length = realloc(lines->length, lines->capacity * sizeof(*lines->length));
  }
  lines->start[lines->count] = start;
  lines->length[lines->count++] = length;
  lines->bytes += length;
}

/* Non-empty lines of at most 600 bytes: the size of notes and references. */
static void corpus_lines(const bench_text *files, size_t count, line_list *lines) {
  for (size_t f = 0; f < count; f++) {
    const char *s = files[f].data, *end = s + files[f].length;
    while (s < end) {
      const char *newline = memchr(s, '\n', (size_t)(end - s));
      const char *stop = newline ? newline : end;
      if (stop - s > 20 && stop - s <= 600) add_line(lines, s, (size_t)(stop - s));
      s = stop + 1;
    }
  }
}

/* The text of each <sequence> of an AnyStyle XML file, tags replaced by spaces. */
static char *xml_references(const char *path, line_list *lines) {
  size_t n;
  char *data = bench_read_file(path, &n);
  if (!data) return NULL;
  char *out = malloc(n + 1);
  size_t used = 0;
  const char *at = data;
  while ((at = strstr(at, "<sequence>"))) {
    const char *end = strstr(at, "</sequence>");
    if (!end) break;
    size_t start = used;
    int in_tag = 0;
    for (const char *p = at + 10; p < end; p++) {
      if (*p == '<') in_tag = 1;
      if (!in_tag && *p != '\n') out[used++] = *p;
      if (*p == '>') in_tag = 0, out[used++] = ' ';
    }
    add_line(lines, out + start, used - start);
    at = end;
  }
  free(data);
  return out;
}

/* CPU seconds of this process: the machine is shared, and wall time would
** count the time other processes had the core. */
static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void run(const char *name, const line_list *lines) {
  if (!lines->count) return;
  size_t repeat = lines->bytes ? 20000000 / lines->bytes + 1 : 1, items = 0, bytes = 0;
  size_t json_length, sink = 0;
  double start = cpu_now(), wall_start = bench_now();
  for (size_t r = 0; r < repeat; r++) {
    for (size_t i = 0; i < lines->count; i++) {
      char *json = ibid_parse_reference_json(lines->start[i], lines->length[i], &json_length);
      sink += json_length;
      ibid_free(json);
    }
    items += lines->count;
    bytes += lines->bytes;
  }
  double seconds = cpu_now() - start, wall = bench_now() - wall_start;
  bench_report(name, bytes, seconds, items, "references");
  printf("  (seconds are CPU time; wall time %.3f s)\n", wall);
  if (!sink) printf("(no output)\n");
}

int main(int argc, char **argv) {
  bench_text files[64];
  size_t count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  line_list corpus = {0}, anystyle = {0};
  corpus_lines(files, count, &corpus);
  run("parse_reference corpus", &corpus);
  char *xml = xml_references(argc > 2 ? argv[2] : "../shared/eval/anystyle/good.xml", &anystyle);
  run("parse_reference good", &anystyle);
  free(xml);
  for (size_t i = 0; i < count; i++) free(files[i].data);
  free(corpus.start), free(corpus.length), free(anystyle.start), free(anystyle.length);
  return 0;
}
