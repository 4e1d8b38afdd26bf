/*
** sql_layers.c -- one connection's cache of the layers of the last text its
** table functions read (see sql_layers.h).
**
** HOW IT WORKS. The cache keeps a copy of the last text (whatever its size),
** the layers built on that copy (layers.h: sentences, cites, notes, markers)
** and, once a findings function asked, the findings analysis. A call with the
** same text (same length, same bytes: one memcmp) reuses them; another text
** frees the entry, then builds the new one. Memory stays bounded by the
** largest text in use plus its layers. The cache lives in the functions'
** client data (no global state) and dies with the last function using it.
*/
#include "sql_layers.h"

#include <string.h>

#include "memory.h"

ibid_layers_cache *ibid_layers_cache_new(int users) {
  ibid_layers_cache *cache = ibid_malloc(sizeof(*cache));
  if (!cache) return NULL;
  memset(cache, 0, sizeof(*cache));
  cache->users = users;
  cache->splitter = ibid_sentence_splitter_new();
  cache->regions = ibid_regions_new();
  if (!cache->splitter || !cache->regions) {
    cache->users = 1;
    ibid_layers_cache_release(cache);
    return NULL;
  }
  return cache;
}

static void cache_clear(ibid_layers_cache *cache) {
  if (cache->has_findings) ibid_findings_free(&cache->findings);
  cache->has_findings = 0;
  ibid_layers_free(&cache->layers);
  ibid_free(cache->text);
  cache->text = NULL;
  cache->length = 0;
}

void ibid_layers_cache_release(void *pointer) {
  ibid_layers_cache *cache = pointer;
  if (--cache->users > 0) return;
  cache_clear(cache);
  ibid_sentence_splitter_free(cache->splitter);
  ibid_regions_free(cache->regions);
  ibid_free(cache);
}

const ibid_layers *ibid_layers_cache_get(ibid_layers_cache *cache, const char *text, size_t length,
                                         ibid_progress *progress, int *stopped) {
  if (stopped) *stopped = 0;
  if (cache->text && cache->length == length && memcmp(cache->text, text, length) == 0)
    return &cache->layers;
  cache_clear(cache);
  char *copy = ibid_malloc(length + 1);
  if (!copy) return NULL;
  memcpy(copy, text, length);
  copy[length] = 0;
  int rc = ibid_layers_build_progress(cache->splitter, copy, length, IBID_LAYERS_ALL, progress,
                                      &cache->layers);
  if (rc) {
    if (stopped) *stopped = rc > 0;
    ibid_layers_free(&cache->layers);
    ibid_free(copy);
    return NULL;
  }
  cache->text = copy;
  cache->length = length;
  return &cache->layers;
}
