/*
** sql_facts.c -- three table-valued functions over the fact extractors:
**
**   ibid_claims(text)   -> n, sentence, value, unit, start, length, "check", expected
**   (sentence: the claim's sentence number n in ibid_sentences(text), so that
**   output stays linear in the input: join ibid_sentences / `sentences` for the text)
**   ibid_entities(text) -> n, kind, value, text, start, length
**   ibid_events(text)   -> n, date, sentence, start, length, relative
**
**   SELECT value, unit FROM ibid_claims('Deaths rose to 3,784 deaths in 2011.');
**   -- 3784|deaths
**
** `check` is an SQL keyword: quote it ("check"). start/length are character
** positions, so substr(text, start, length) is the span. NULL input gives no
** rows. The parsers are ext/findings/claims.c, ext/findings/entities.c and ext/findings/events.c.
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "claims.h"
#include "entities.h"
#include "events.h"
#include "layers.h"
#include "memory.h"
#include "sql_layers.h"
#include "sql_modules.h"

/* The three functions share the findings functions' cache of the last
** text's layers (sql_layers.c): the corpus trigger calls all seven on the same
** body in a row, and its sentences, cites, notes and markers are found once.
** The build counts its work on the call's progress: NULL with *rc set to
** SQLITE_INTERRUPT when it was told to stop, SQLITE_NOMEM when out of memory. */
static const ibid_layers *layers_of(ibid_rows *rows, void *client, const char *text, size_t length,
                                    int *rc) {
  int stopped = 0;
  const ibid_layers *layers =
      ibid_layers_cache_get(client, text, length, ibid_rows_progress(rows), &stopped);
  *rc = SQLITE_OK;
  if (!layers && stopped) {
    *rc = SQLITE_INTERRUPT; /* sqlite3_interrupt() or a progress handler */
  } else if (!layers) {
    *rc = SQLITE_NOMEM;
    ibid_rows_error(rows, "out of memory");
  }
  return layers;
}

/* What an extractor's result means for SQLite: >0 it was told to stop
** (sqlite3_interrupt() or a progress handler), <0 out of memory. */
static int extractor_status(int failed) {
  return failed > 0 ? SQLITE_INTERRUPT : failed < 0 ? SQLITE_NOMEM : SQLITE_OK;
}

/* A number as INTEGER when it is whole, else REAL. */
static int rows_number(ibid_rows *rows, double value) {
  if (value > -9e15 && value < 9e15 && (double)(int64_t)value == value)
    return ibid_rows_int(rows, (int64_t)value);
  return ibid_rows_double(rows, value);
}

int ibid_rows_add_claims(ibid_rows *rows, const ibid_claim *claims, size_t from, size_t to) {
  int rc = SQLITE_OK;
  for (size_t k = from; k < to && rc == SQLITE_OK; k++) {
    const ibid_claim *c = &claims[k];
    const char *check = ibid_claim_check_name(c->check);
    rc = ibid_rows_int(rows, (int64_t)k + 1);
    if (rc == SQLITE_OK)
      rc = c->sentence ? ibid_rows_int(rows, (int64_t)c->sentence) : ibid_rows_null(rows);
    if (rc == SQLITE_OK) rc = rows_number(rows, c->value);
    if (rc == SQLITE_OK)
      rc = c->unit[0] ? ibid_rows_text(rows, c->unit, strlen(c->unit)) : ibid_rows_null(rows);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, c->start, c->length);
    if (rc == SQLITE_OK)
      rc = check ? ibid_rows_text(rows, check, strlen(check)) : ibid_rows_null(rows);
    if (rc == SQLITE_OK) rc = check ? rows_number(rows, c->expected) : ibid_rows_null(rows);
  }
  return rc;
}

static int fill_claims(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_claim *claims = NULL;
  size_t count = 0;
  int built = SQLITE_OK;
  const ibid_layers *layers = layers_of(rows, client, text, length, &built);
  if (!layers) return built;
  int failed = ibid_find_claims_progress(layers, ibid_rows_progress(rows), &claims, &count);
  if (failed) return extractor_status(failed);
  int rc = ibid_rows_add_claims(rows, claims, 0, count);
  ibid_free(claims);
  return rc;
}

int ibid_rows_add_entities(ibid_rows *rows, const ibid_entity *entities, size_t from, size_t to) {
  int rc = SQLITE_OK;
  for (size_t k = from; k < to && rc == SQLITE_OK; k++) {
    const ibid_entity *e = &entities[k];
    const char *kind = ibid_entity_kind_name(e->kind);
    rc = ibid_rows_int(rows, (int64_t)k + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, e->value, strlen(e->value));
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
  }
  return rc;
}

static int fill_entities(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_entity *entities = NULL;
  size_t count = 0;
  int built = SQLITE_OK;
  const ibid_layers *layers = layers_of(rows, client, text, length, &built);
  if (!layers) return built;
  ibid_layers_cache *cache = client;
  int failed = ibid_find_entities_progress(layers, cache->regions, ibid_rows_progress(rows),
                                           &entities, &count);
  if (failed) return extractor_status(failed);
  int rc = ibid_rows_add_entities(rows, entities, 0, count);
  ibid_free(entities);
  return rc;
}

int ibid_rows_add_events(ibid_rows *rows, const ibid_event *events, size_t from, size_t to) {
  int rc = SQLITE_OK;
  for (size_t k = from; k < to && rc == SQLITE_OK; k++) {
    const ibid_event *e = &events[k];
    rc = ibid_rows_int(rows, (int64_t)k + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, e->date, strlen(e->date));
    if (rc == SQLITE_OK)
      rc = e->sentence ? ibid_rows_int(rows, (int64_t)e->sentence) : ibid_rows_null(rows);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_int(rows, e->relative);
  }
  return rc;
}

static int fill_events(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_event *events = NULL;
  size_t count = 0;
  int built = SQLITE_OK;
  const ibid_layers *layers = layers_of(rows, client, text, length, &built);
  if (!layers) return built;
  int failed = ibid_find_events_progress(layers, ibid_rows_progress(rows), &events, &count);
  if (failed) return extractor_status(failed);
  int rc = ibid_rows_add_events(rows, events, 0, count);
  ibid_free(events);
  return rc;
}

int ibid_register_facts_with(sqlite3 *db, ibid_layers_cache *cache) {
  static const ibid_table_function functions[] = {
      {"ibid_claims", "n, sentence, value, unit, start, length, \"check\", expected", 8,
       fill_claims},
      {"ibid_entities", "n, kind, value, text, start, length", 6, fill_entities},
      {"ibid_events", "n, date, sentence, start, length, relative", 6, fill_events},
  };
  size_t count = sizeof(functions) / sizeof(functions[0]);
  int rc = SQLITE_OK;
  size_t k = 0;
  for (; k < count && rc == SQLITE_OK; k++)
    rc = ibid_register_table_function(db, &functions[k], cache, ibid_layers_cache_release);
  /* A failed registration already released its share; release the rest. */
  for (; k < count; k++) ibid_layers_cache_release(cache);
  return rc;
}
