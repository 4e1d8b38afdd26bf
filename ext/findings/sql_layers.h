/*
** sql_layers.h -- the layers of the last text a connection's table functions
** read (ext/findings/sql_layers.c), so that functions called on the same body
** in a row (the corpus trigger calls ibid_cases, ibid_questions,
** ibid_findings, ibid_evidence, then ibid_claims, ibid_entities, ibid_events)
** build its layers (layers.h) once.
*/
#ifndef IBID_SQL_LAYERS_H
#define IBID_SQL_LAYERS_H
#include <stddef.h>

#include "findings.h"
#include "layers.h"
#include "progress.h"
#include "regions.h"
#include "sentences.h"

typedef struct ibid_layers_cache {
  int users;                        /* functions sharing the cache; freed with the last */
  ibid_sentence_splitter *splitter; /* one ICU sentence iterator per cache */
  ibid_regions *regions;            /* country names (read only once built) */
  char *text;                       /* copy of the text the layers borrow, NULL when none */
  size_t length;
  ibid_layers layers;
  int has_findings; /* findings holds the analysis of text */
  ibid_findings findings;
} ibid_layers_cache;

/* A cache for `users` functions (each releases it once), or NULL when out of
** memory or ICU fails. */
ibid_layers_cache *ibid_layers_cache_new(int users);
/* The destructor of the functions' client data: frees with the last user. */
void ibid_layers_cache_release(void *cache);
/* The layers of text: the cached ones when the text is the same, else built
** anew (replacing the old entry first: two large texts are never held at
** once), counting the build's work on progress (may be NULL). Returns NULL
** when out of memory or when progress said stop; then *stopped (may be NULL)
** is 1 for a stop, 0 for out of memory, and nothing partial is cached. */
const ibid_layers *ibid_layers_cache_get(ibid_layers_cache *cache, const char *text, size_t length,
                                         ibid_progress *progress, int *stopped);

/* Registers ibid_claims, ibid_entities and ibid_events on cache, each
** releasing one of its users (ext/findings/sql_facts.c; ibid_register_findings
** calls it with the cache of the findings functions). */
typedef struct sqlite3 sqlite3;
int ibid_register_facts_with(sqlite3 *db, ibid_layers_cache *cache);

#endif
