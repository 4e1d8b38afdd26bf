/* fuzz_facts.c -- libFuzzer target: claims, entities and events on any valid UTF-8. */
#include <stddef.h>
#include <stdint.h>

#include "claims.h"
#include "entities.h"
#include "events.h"
#include "memory.h"
#include "utf8.h"

static ibid_regions *regions;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  size_t bad;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  ibid_claim *claims;
  ibid_entity *entities;
  ibid_event *events;
  size_t count;
  if (ibid_find_claims(text, size, &claims, &count) == 0) {
    for (size_t k = 0; k < count; k++)
      if (claims[k].start + claims[k].length > size) __builtin_trap();
    ibid_free(claims);
  }
  if (!regions) regions = ibid_regions_new(); /* built once for the run */
  if (ibid_find_entities_in(text, size, regions, &entities, &count) == 0) {
    for (size_t k = 0; k < count; k++)
      if (entities[k].start + entities[k].length > size) __builtin_trap();
    ibid_free(entities);
  }
  if (ibid_find_events(text, size, &events, &count) == 0) {
    for (size_t k = 0; k < count; k++)
      if (events[k].start + events[k].length > size) __builtin_trap();
    ibid_free(events);
  }
  return 0;
}
