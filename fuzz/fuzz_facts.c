/* fuzz_facts.c -- libFuzzer target: the layers (layers.h) and claims, entities and events
** on them, on any valid UTF-8; then the text entry points, which build their own layers. */
#include <stddef.h>
#include <stdint.h>

#include "claims.h"
#include "entities.h"
#include "events.h"
#include "layers.h"
#include "memory.h"
#include "utf8.h"

static ibid_regions *regions;
static ibid_sentence_splitter *splitter;

/* Sorted disjoint spans inside the text. */
static void check_layers(const ibid_layers *layers, size_t size) {
  for (size_t k = 0; k < layers->cite_span_count; k++) {
    size_t start = layers->cite_spans[2 * k], end = layers->cite_spans[2 * k + 1];
    if (start >= end || end > size) __builtin_trap();
    if (k > 0 && start < layers->cite_spans[2 * k - 1]) __builtin_trap();
    if (layers->cite_span_first[k] >= layers->cite_count) __builtin_trap();
  }
  for (size_t k = 0; k < layers->sentence_count; k++)
    if (layers->sentence_starts[k] > size ||
        (k > 0 && layers->sentence_starts[k] < layers->sentence_starts[k - 1]))
      __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  size_t bad;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  if (!regions) regions = ibid_regions_new(); /* built once for the run */
  if (!splitter) splitter = ibid_sentence_splitter_new();
  ibid_claim *claims;
  ibid_entity *entities;
  ibid_event *events;
  size_t count;
  ibid_layers layers;
  if (ibid_layers_build(splitter, text, size, IBID_LAYERS_ALL, &layers) == 0) {
    check_layers(&layers, size);
    if (ibid_find_claims_layers(&layers, &claims, &count) == 0) {
      for (size_t k = 0; k < count; k++)
        if (claims[k].start + claims[k].length > size || claims[k].sentence > layers.sentence_count)
          __builtin_trap();
      ibid_free(claims);
    }
    if (ibid_find_entities_layers(&layers, regions, &entities, &count) == 0) {
      for (size_t k = 0; k < count; k++)
        if (entities[k].start + entities[k].length > size) __builtin_trap();
      ibid_free(entities);
    }
    if (ibid_find_events_layers(&layers, &events, &count) == 0) {
      for (size_t k = 0; k < count; k++)
        if (events[k].start + events[k].length > size || events[k].sentence > layers.sentence_count)
          __builtin_trap();
      ibid_free(events);
    }
  }
  ibid_layers_free(&layers);
  if (size % 4 == 0 && ibid_find_claims(text, size, &claims, &count) == 0) ibid_free(claims);
  return 0;
}
