/* bench_formats.c -- ibid_convert_document (what every INSERT INTO documents
** runs first) on the same seed texts in each format, side by side: the plain
** text of a seed next to its HTML, JATS, TEI and PDF versions in tests/formats.
** Each file is converted repeatedly until about 20 MB (5 MB for PDF) have been
** read; MB/s counts the input bytes, and PDF lines add pages/s.
** Usage: build/bench_formats tests/corpus   (tests/formats is found next to it) */
#include <stdio.h>

#include "bench.h"
#include "convert.h"
#include "memory.h"

typedef struct sample {
  const char *label; /* seed and format, as printed */
  const char *path;  /* relative to the folder above tests/corpus */
} sample;

static const sample samples[] = {
    {"001 text", "corpus/001_860931bb389e1658.txt"},
    {"001 html", "formats/html/001_endnotes.html"},
    {"001 tei", "formats/tei/001_essay.xml"},
    {"002 text", "corpus/002_d1db321f321bc449.txt"},
    {"002 jats", "formats/jats/002_article.xml"},
    {"002 pdf", "formats/pdf/article_2col.pdf"},
    {"003 text", "corpus/003_13113c39446ca1b6.txt"},
    {"003 html", "formats/html/003_footnotes.html"},
    {"003 pdf", "formats/pdf/footnoted.pdf"},
};

/* Converts one file until `target` bytes were read; prints its line. */
static int bench_sample(const char *root, const sample *s) {
  char path[8192];
  snprintf(path, sizeof(path), "%s/%s", root, s->path);
  size_t length;
  char *data = bench_read_file(path, &length);
  if (!data || !length) {
    perror(path);
    free(data);
    return 1;
  }
  ibid_format format = ibid_format_detect(data, length);
  if (format == IBID_FORMAT_PDF && !ibid_pdf_available()) {
    printf("%-22s PDF support not built in (libpoppler-glib-dev)\n", s->label);
    free(data);
    return 0;
  }
  size_t target = format == IBID_FORMAT_PDF ? 5000000 : 20000000;
  size_t repeats = target / length + 1, pages = 0;
  double started = bench_now();
  for (size_t r = 0; r < repeats; r++) {
    ibid_document document;
    ibid_document_init(&document);
    int rc = ibid_convert_document(data, length, &document);
    pages += (size_t)document.pages;
    ibid_document_free(&document);
    if (rc != 0) {
      fprintf(stderr, "%s: conversion failed\n", path);
      free(data);
      return 1;
    }
  }
  double seconds = bench_now() - started;
  if (pages)
    bench_report(s->label, repeats * length, seconds, pages, "pages");
  else
    bench_report(s->label, repeats * length, seconds, repeats, "documents");
  free(data);
  return 0;
}

int main(int argc, char **argv) {
  char root[4096];
  snprintf(root, sizeof(root), "%s/..", argc > 1 ? argv[1] : "tests/corpus");
  printf("ibid_convert_document, the same seeds in each format:\n");
  int failed = 0;
  for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++)
    failed |= bench_sample(root, &samples[i]);
  return failed;
}
