/* bench_findings.c -- throughput of the findings analyser (ext/findings/findings.c)
** over the corpus repeated to ~20 MB. Usage: build/bench_findings tests/corpus
** The layers it reads (sentences, cites, notes, markers: layers.h) are built
** once per document for every extractor, as the ingest does; their time is
** reported apart ("ibid_layers_build"), and ibid_find_findings is timed on
** them. "per doc" rows build the layers of each document too. */
#include "bench.h"
#include "findings.h"
#include "memory.h"

int main(int argc, char **argv) {
  bench_text files[64];
  size_t count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  size_t seed = 0;
  for (size_t i = 0; i < count; i++) seed += files[i].length + 1;
  if (!seed) return 2;
  size_t target = 20u * 1000u * 1000u, length = 0;
  char *text = malloc(target + seed);
  while (length < target)
    for (size_t i = 0; i < count; i++) {
      memcpy(text + length, files[i].data, files[i].length);
      length += files[i].length;
      text[length++] = '\n';
    }
  ibid_findings result;
  /* The SQL layer builds the region names once per connection. */
  double started = bench_now();
  ibid_regions *regions = ibid_regions_new();
  if (!regions) return 1;
  printf("  (region names built in %.1f ms)\n", (bench_now() - started) * 1000);
  started = bench_now();
  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  ibid_layers layers;
  if (!splitter || ibid_layers_build(splitter, text, length, IBID_LAYERS_ALL, &layers)) return 1;
  bench_report("ibid_layers_build", length, bench_now() - started, layers.sentence_count,
               "sentences");
  started = bench_now();
  if (ibid_find_findings_layers(&layers, regions, NULL, &result)) return 1;
  double seconds = bench_now() - started;
  ibid_layers_free(&layers);
  bench_report("ibid_find_findings", length, seconds, result.finding_count, "findings");
  printf("  (%zu cases, %zu questions, %zu findings, %zu evidence rows)\n", result.case_count,
         result.question_count, result.finding_count, result.evidence_count);
  ibid_findings_free(&result);
  /* Per-document calls, as the SQL functions make them (one analysis each). */
  size_t documents = 0, bytes = 0;
  started = bench_now();
  while (bytes < target)
    for (size_t i = 0; i < count; i++) {
      if (ibid_layers_build(splitter, files[i].data, files[i].length, IBID_LAYERS_ALL, &layers) ||
          ibid_find_findings_layers(&layers, regions, NULL, &result))
        return 1;
      ibid_findings_free(&result);
      ibid_layers_free(&layers);
      bytes += files[i].length;
      documents++;
    }
  seconds = bench_now() - started;
  bench_report("layers+findings per doc", bytes, seconds, documents, "docs");
  started = bench_now();
  size_t polarity_items = 0;
  for (size_t at = 0; at + 200 <= length; at += 200, polarity_items++)
    (void)ibid_text_polarity(text + at, 200);
  seconds = bench_now() - started;
  bench_report("ibid_text_polarity", polarity_items * 200, seconds, polarity_items, "texts");
  for (size_t i = 0; i < count; i++) free(files[i].data);
  free(text);
  ibid_regions_free(regions);
  ibid_sentence_splitter_free(splitter);
  return 0;
}
