/* bench_facts.c -- throughput of ibid_find_claims, ibid_find_entities and ibid_find_events
** over the sample corpus repeated to about 20 MB. Usage: build/bench_facts tests/corpus
** The layers they read (sentences and cites: layers.h) are built once, as the
** ingest does, and timed apart. */
#include "bench.h"
#include "claims.h"
#include "entities.h"
#include "events.h"
#include "memory.h"

int main(int argc, char **argv) {
  bench_text files[64];
  size_t count = bench_read_corpus(argc > 1 ? argv[1] : "tests/corpus", files, 64);
  size_t corpus_bytes = 0;
  for (size_t k = 0; k < count; k++) corpus_bytes += files[k].length;
  if (!corpus_bytes) return 2;
  size_t repeats = 20000000 / corpus_bytes + 1, length = 0;
  char *text = malloc(corpus_bytes * repeats + 1);
  for (size_t r = 0; r < repeats; r++)
    for (size_t k = 0; k < count; k++) {
      memcpy(text + length, files[k].data, files[k].length);
      length += files[k].length;
    }

  double started = bench_now();
  ibid_layers layers;
  if (ibid_layers_build(NULL, text, length, IBID_LAYERS_SENTENCES | IBID_LAYERS_CITES, &layers))
    return 1;
  bench_report("ibid_layers_build", length, bench_now() - started, layers.sentence_count,
               "sentences");

  started = bench_now();
  ibid_claim *claims;
  size_t claim_count = 0;
  if (ibid_find_claims_layers(&layers, &claims, &claim_count) == 0) ibid_free(claims);
  bench_report("ibid_find_claims", length, bench_now() - started, claim_count, "claims");

  started = bench_now();
  ibid_entity *entities;
  size_t entity_count = 0;
  if (ibid_find_entities_layers(&layers, NULL, &entities, &entity_count) == 0) ibid_free(entities);
  bench_report("ibid_find_entities", length, bench_now() - started, entity_count, "entities");

  started = bench_now();
  ibid_event *events;
  size_t event_count = 0;
  if (ibid_find_events_layers(&layers, &events, &event_count) == 0) ibid_free(events);
  bench_report("ibid_find_events", length, bench_now() - started, event_count, "events");

  ibid_layers_free(&layers);
  free(text);
  for (size_t k = 0; k < count; k++) free(files[k].data);
  return 0;
}
