/* bench_html.c -- throughput of ibid_html_convert on the HTML test pages of
** tests/formats/html (the 003, 001 and 000 pages), each converted repeatedly
** until about 20 MB of HTML have been read, and on one page made of their
** concatenated (about 20 MB in one document; libxml2's parsing is most of
** that time). Wall and CPU time are both printed: the machine may be shared.
** Usage: build/bench_html tests/corpus   (the pages are found next to it) */
#include <stdio.h>
#include <time.h>

#include "bench.h"
#include "convert.h"
#include "memory.h"

int main(int argc, char **argv) {
  const char *corpus = argc > 1 ? argv[1] : "tests/corpus";
  static const char *const pages[] = {"003_footnotes.html", "001_endnotes.html",
                                      "000_article.html"};
  char *data[3];
  size_t lengths[3], total = 0;
  for (int i = 0; i < 3; i++) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/../formats/html/%s", corpus, pages[i]);
    data[i] = bench_read_file(path, &lengths[i]);
    if (!data[i]) {
      perror(path);
      return 2;
    }
    total += lengths[i];
  }
  size_t repeats = 20000000 / total + 1, bytes = 0, characters = 0;
  double started = bench_now();
  clock_t cpu_started = clock();
  for (size_t r = 0; r < repeats; r++)
    for (int i = 0; i < 3; i++) {
      ibid_document document;
      ibid_document_init(&document);
      if (ibid_html_convert(data[i], lengths[i], &document) != 0) return 1;
      bytes += lengths[i];
      characters += document.body_characters;
      ibid_document_free(&document);
    }
  double seconds = bench_now() - started;
  bench_report("ibid_html_convert", bytes, seconds, repeats * 3, "pages");
  /* the machine may be shared: CPU time too */
  bench_report("  (CPU time)", bytes, (double)(clock() - cpu_started) / CLOCKS_PER_SEC, repeats * 3,
               "pages");
  /* one large page: the body of the 003 page repeated */
  size_t big_length = 0;
  char *big = malloc(repeats * total + 64);
  memcpy(big, "<html><body>", 12);
  big_length = 12;
  for (size_t r = 0; r < repeats; r++)
    for (int i = 0; i < 3; i++) {
      memcpy(big + big_length, data[i], lengths[i]);
      big_length += lengths[i];
    }
  ibid_document document;
  ibid_document_init(&document);
  started = bench_now();
  cpu_started = clock();
  if (ibid_html_convert(big, big_length, &document) != 0) return 1;
  seconds = bench_now() - started;
  bench_report("ibid_html_convert 1pg", big_length, seconds, 0, "");
  bench_report("  (CPU time)", big_length, (double)(clock() - cpu_started) / CLOCKS_PER_SEC, 0, "");
  ibid_document_free(&document);
  free(big);
  for (int i = 0; i < 3; i++) free(data[i]);
  (void)characters;
  return 0;
}
