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
#include "sentences.h"
#include "sql_modules.h"

/* What each function keeps per connection: an ICU sentence splitter for the
** layers, and country names for entities (NULL for the others). */
typedef struct facts_client {
  ibid_sentence_splitter *splitter;
  ibid_regions *regions;
} facts_client;

/* The layers the fact extractors read: sentences and cites (layers.h). */
static int build_layers(facts_client *client, const char *text, size_t length,
                        ibid_layers *layers) {
  return ibid_layers_build(client->splitter, text, length,
                           IBID_LAYERS_SENTENCES | IBID_LAYERS_CITES, layers);
}

/* A number as INTEGER when it is whole, else REAL. */
static int rows_number(ibid_rows *rows, double value) {
  if (value > -9e15 && value < 9e15 && (double)(int64_t)value == value)
    return ibid_rows_int(rows, (int64_t)value);
  return ibid_rows_double(rows, value);
}

static int fill_claims(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_claim *claims = NULL;
  size_t count = 0;
  ibid_layers layers;
  int failed = build_layers(client, text, length, &layers) ||
               ibid_find_claims_layers(&layers, &claims, &count);
  ibid_layers_free(&layers);
  if (failed) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
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
  ibid_free(claims);
  return rc;
}

static int fill_entities(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_entity *entities = NULL;
  size_t count = 0;
  ibid_layers layers;
  int failed =
      build_layers(client, text, length, &layers) ||
      ibid_find_entities_layers(&layers, ((facts_client *)client)->regions, &entities, &count);
  ibid_layers_free(&layers);
  if (failed) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    const ibid_entity *e = &entities[k];
    const char *kind = ibid_entity_kind_name(e->kind);
    rc = ibid_rows_int(rows, (int64_t)k + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, e->value, strlen(e->value));
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
  }
  ibid_free(entities);
  return rc;
}

static int fill_events(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_event *events = NULL;
  size_t count = 0;
  ibid_layers layers;
  int failed = build_layers(client, text, length, &layers) ||
               ibid_find_events_layers(&layers, &events, &count);
  ibid_layers_free(&layers);
  if (failed) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    const ibid_event *e = &events[k];
    rc = ibid_rows_int(rows, (int64_t)k + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, e->date, strlen(e->date));
    if (rc == SQLITE_OK)
      rc = e->sentence ? ibid_rows_int(rows, (int64_t)e->sentence) : ibid_rows_null(rows);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_int(rows, e->relative);
  }
  ibid_free(events);
  return rc;
}

static void client_destroy(void *pointer) {
  facts_client *client = pointer;
  ibid_sentence_splitter_free(client->splitter);
  ibid_regions_free(client->regions);
  ibid_free(client);
}

int ibid_register_facts(sqlite3 *db) {
  static const ibid_table_function functions[] = {
      {"ibid_claims", "n, sentence, value, unit, start, length, \"check\", expected", 8,
       fill_claims},
      {"ibid_entities", "n, kind, value, text, start, length", 6, fill_entities},
      {"ibid_events", "n, date, sentence, start, length, relative", 6, fill_events},
  };
  int rc = SQLITE_OK;
  for (size_t k = 0; k < sizeof(functions) / sizeof(functions[0]) && rc == SQLITE_OK; k++) {
    /* each function keeps its own splitter (one ICU iterator per connection
    ** and function), so claims and events number sentences as ibid_sentences */
    facts_client *client = ibid_malloc(sizeof(*client));
    if (!client) return SQLITE_NOMEM;
    memset(client, 0, sizeof(*client));
    client->splitter = ibid_sentence_splitter_new();
    if (client->splitter && functions[k].fill == fill_entities)
      client->regions = ibid_regions_new(); /* country names for entities */
    if (!client->splitter || (functions[k].fill == fill_entities && !client->regions)) {
      client_destroy(client);
      return SQLITE_NOMEM;
    }
    rc = ibid_register_table_function(db, &functions[k], client, client_destroy);
  }
  return rc;
}
