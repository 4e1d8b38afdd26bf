/* bench_pdf.c -- throughput of ibid_pdf_convert (poppler's text and boxes,
** then the layout of ext/format/pdf_layout.c) on the generated test PDFs of
** tests/formats/pdf (two-column article, footnoted paper), each converted
** repeatedly; prints MB/s of PDF bytes and pages/s.
** Usage: build/bench_pdf tests/corpus  (the PDFs are found beside it). */
#include <libgen.h>

#include "bench.h"
#include "convert.h"
#include "memory.h"

int main(int argc, char **argv) {
  if (!ibid_pdf_available()) {
    printf("ibid_pdf_convert       PDF support not built in (libpoppler-glib-dev)\n");
    return 0;
  }
  char corpus[4096];
  snprintf(corpus, sizeof(corpus), "%s", argc > 1 ? argv[1] : "tests/corpus");
  static const char *const names[] = {"article_2col.pdf", "footnoted.pdf"};
  const int repeats = 20;
  size_t bytes = 0, pages = 0;
  double seconds = 0;
  for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
    char path[8192];
    snprintf(path, sizeof(path), "%s/formats/pdf/%s", dirname(corpus), names[n]);
    size_t length;
    char *data = bench_read_file(path, &length);
    if (!data) {
      perror(path);
      return 2;
    }
    double started = bench_now();
    for (int r = 0; r < repeats; r++) {
      ibid_document document;
      ibid_document_init(&document);
      if (ibid_pdf_convert(data, length, &document) != 0) return 1;
      pages += (size_t)document.pages;
      ibid_document_free(&document);
    }
    seconds += bench_now() - started;
    bytes += length * repeats;
    free(data);
    snprintf(corpus, sizeof(corpus), "%s", argc > 1 ? argv[1] : "tests/corpus");
  }
  bench_report("ibid_pdf_convert", bytes, seconds, pages, "pages");
  return 0;
}
