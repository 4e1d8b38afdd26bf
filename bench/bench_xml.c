/* bench_xml.c -- throughput of ibid_jats_convert and ibid_tei_convert on the
** test documents of tests/formats/jats and tests/formats/tei, each converted
** repeatedly until about 20 MB of XML have been read, and on one large
** document of each format (the body of the largest one repeated to ~20 MB:
** libxml2's limits without XML_PARSE_HUGE allow that, 10 MB per text node).
** Usage: build/bench_xml tests/corpus   (the documents are found next to it) */
#include <stdio.h>

#include "bench.h"
#include "convert.h"
#include "memory.h"

typedef int (*converter)(const char *, size_t, ibid_document *);

/* Converts each document repeatedly until ~20 MB were read; reports MB/s and documents/s. */
static int bench_documents(const char *name, converter function, char **data, size_t *lengths,
                           int count) {
  size_t total = 0;
  for (int i = 0; i < count; i++) total += lengths[i];
  size_t repeats = 20000000 / total + 1, bytes = 0, references = 0;
  double started = bench_now();
  for (size_t r = 0; r < repeats; r++)
    for (int i = 0; i < count; i++) {
      ibid_document document;
      ibid_document_init(&document);
      if (function(data[i], lengths[i], &document) != 0) return 1;
      bytes += lengths[i];
      references += (size_t)document.reference_count;
      ibid_document_free(&document);
    }
  bench_report(name, bytes, bench_now() - started, repeats * (size_t)count, "documents");
  return 0;
}

/* One large document: the text between open and close (body) repeated. */
static int bench_large(const char *name, converter function, const char *data, size_t length,
                       const char *open, const char *close) {
  const char *from = strstr(data, open), *to = strstr(data, close);
  if (!from || !to || to < from) return 1;
  from += strlen(open);
  size_t head = (size_t)(from - data), middle = (size_t)(to - from),
         tail = length - (size_t)(to - data);
  size_t repeats = 20000000 / middle + 1;
  char *big = malloc(head + repeats * middle + tail);
  size_t big_length = 0;
  memcpy(big, data, head);
  big_length = head;
  for (size_t r = 0; r < repeats; r++) {
    memcpy(big + big_length, from, middle);
    big_length += middle;
  }
  memcpy(big + big_length, to, tail);
  big_length += tail;
  ibid_document document;
  ibid_document_init(&document);
  double started = bench_now();
  int rc = function(big, big_length, &document);
  double seconds = bench_now() - started;
  if (document.error) fprintf(stderr, "%s: %s\n", name, document.error);
  bench_report(name, big_length, seconds, 0, NULL);
  ibid_document_free(&document);
  free(big);
  return rc;
}

int main(int argc, char **argv) {
  const char *corpus = argc > 1 ? argv[1] : "tests/corpus";
  static const char *const jats[] = {"jats/002_article.xml", "jats/footnotes_article.xml"};
  static const char *const tei[] = {"tei/001_essay.xml", "tei/listbibl.xml"};
  char *jats_data[2], *tei_data[2];
  size_t jats_lengths[2], tei_lengths[2];
  for (int i = 0; i < 2; i++) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/../formats/%s", corpus, jats[i]);
    jats_data[i] = bench_read_file(path, &jats_lengths[i]);
    snprintf(path, sizeof(path), "%s/../formats/%s", corpus, tei[i]);
    tei_data[i] = bench_read_file(path, &tei_lengths[i]);
    if (!jats_data[i] || !tei_data[i]) {
      perror(path);
      return 2;
    }
  }
  int failed = bench_documents("ibid_jats_convert", ibid_jats_convert, jats_data, jats_lengths, 2);
  failed |= bench_documents("ibid_tei_convert", ibid_tei_convert, tei_data, tei_lengths, 2);
  failed |= bench_large("jats (one 20 MB doc)", ibid_jats_convert, jats_data[0], jats_lengths[0],
                        "<body>", "</body>");
  failed |= bench_large("tei (one 20 MB doc)", ibid_tei_convert, tei_data[0], tei_lengths[0],
                        "<body>", "</body>");
  for (int i = 0; i < 2; i++) {
    free(jats_data[i]);
    free(tei_data[i]);
  }
  return failed;
}
