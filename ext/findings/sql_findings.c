/*
** sql_findings.c -- the case-study findings of a text as four table-valued
** functions (docs/findings.md):
**
**   ibid_cases(text)     n, name, case_key, heading, start, length
**   ibid_questions(text) n, label, text, start, length
**   ibid_findings(text)  n, "case", case_key, question, finding, source, polarity, start, length
**   ibid_evidence(text)  finding, citation_start, citation_length, kind, cite
**
**   SELECT name FROM ibid_cases('Case study 1: The Kosovo referral' || char(10) || ...);
**   -- Kosovo, ... (one row per case section)
**
** Each call analyses the whole text once (ext/findings/findings.c); start/length are
** 1-based character positions so substr(text, start, length) is the span.
*/
#include <string.h>

#include "findings.h"
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"
#include "sql_layers.h"
#include "sql_modules.h"

/*
** The four functions read one analysis of the text, and the corpus trigger
** calls all four on the same body in a row: so each connection keeps the
** last text's layers and analysis (ext/findings/sql_layers.c) and reuses them
** when the next call gets the same text. An INSERT of a 10 MB body analyses it
** once, not four times.
*/

/* The analysis of text: the cached one, or a new one (then cached). The
** analysis counts its work on the call's progress, so an interrupt stops it
** (and nothing partial is cached). */
static int analyse(ibid_rows *rows, ibid_layers_cache *cache, const char *text, size_t length,
                   ibid_findings **result) {
  int stopped = 0;
  const ibid_layers *layers =
      ibid_layers_cache_get(cache, text, length, ibid_rows_progress(rows), &stopped);
  if (!layers) {
    if (stopped) return SQLITE_INTERRUPT; /* sqlite3_interrupt() or a progress handler */
    ibid_rows_error(rows, "out of memory");
    return SQLITE_NOMEM;
  }
  if (!cache->has_findings) {
    int rc = ibid_find_findings_layers(layers, cache->regions, ibid_rows_progress(rows),
                                       &cache->findings);
    if (rc != 0) {
      ibid_findings_free(&cache->findings);
      if (rc > 0) return SQLITE_INTERRUPT;
      ibid_rows_error(rows, "out of memory");
      return SQLITE_NOMEM;
    }
    cache->has_findings = 1;
  }
  *result = &cache->findings;
  return SQLITE_OK;
}

int ibid_rows_add_cases(ibid_rows *rows, const ibid_findings *analysis) {
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < analysis->case_count; i++) {
    const ibid_case *c = &analysis->cases[i];
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, c->name, strlen(c->name));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, c->key, strlen(c->key));
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, c->heading_start, c->heading_length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, c->start, c->length);
  }
  return rc;
}

static int fill_cases(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_findings *analysis = 0;
  int rc = analyse(rows, client, text, length, &analysis);
  if (rc == SQLITE_OK) rc = ibid_rows_add_cases(rows, analysis);
  return rc;
}

int ibid_rows_add_questions(ibid_rows *rows, const ibid_findings *analysis) {
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < analysis->question_count; i++) {
    const ibid_question *q = &analysis->questions[i];
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, q->label, strlen(q->label));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, q->text, strlen(q->text));
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, q->start, q->length);
  }
  return rc;
}

static int fill_questions(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_findings *analysis = 0;
  int rc = analyse(rows, client, text, length, &analysis);
  if (rc == SQLITE_OK) rc = ibid_rows_add_questions(rows, analysis);
  return rc;
}

int ibid_rows_add_findings(ibid_rows *rows, const ibid_findings *analysis) {
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < analysis->finding_count; i++) {
    const ibid_finding *f = &analysis->findings[i];
    const char *source = ibid_finding_source_name(f->source),
               *polarity = ibid_polarity_name(f->polarity);
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK)
      rc = ibid_rows_text(rows, f->case_name, f->case_name ? strlen(f->case_name) : 0);
    if (rc == SQLITE_OK)
      rc = ibid_rows_text(rows, f->case_key, f->case_key ? strlen(f->case_key) : 0);
    if (rc == SQLITE_OK)
      rc = ibid_rows_text(rows, f->question[0] ? f->question : NULL, strlen(f->question));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, f->text, strlen(f->text));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, source, strlen(source));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, polarity, strlen(polarity));
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, f->start, f->length);
  }
  return rc;
}

static int fill_findings(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_findings *analysis = 0;
  int rc = analyse(rows, client, text, length, &analysis);
  if (rc == SQLITE_OK) rc = ibid_rows_add_findings(rows, analysis);
  return rc;
}

int ibid_rows_add_evidence(ibid_rows *rows, const ibid_findings *analysis) {
  int rc = SQLITE_OK;
  for (size_t i = 0; rc == SQLITE_OK && i < analysis->evidence_count; i++) {
    const ibid_evidence *e = &analysis->evidence[i];
    const char *kind = e->is_marker ? "marker" : "cite";
    rc = ibid_rows_int(rows, (int64_t)e->finding + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
    if (rc == SQLITE_OK)
      rc = e->cite ? ibid_rows_int(rows, (int64_t)e->cite) : ibid_rows_null(rows);
  }
  return rc;
}

static int fill_evidence(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_findings *analysis = 0;
  int rc = analyse(rows, client, text, length, &analysis);
  if (rc == SQLITE_OK) rc = ibid_rows_add_evidence(rows, analysis);
  return rc;
}

static const ibid_table_function findings_functions[] = {
    {"ibid_cases", "n, name, case_key, heading, start, length", 6, fill_cases},
    {"ibid_questions", "n, label, text, start, length", 5, fill_questions},
    {"ibid_findings", "n, \"case\", case_key, question, finding, source, polarity, start, length",
     9, fill_findings},
    {"ibid_evidence", "finding, citation_start, citation_length, kind, cite", 5, fill_evidence},
};

/* The four findings functions and the three fact functions (sql_facts.c)
** share one cache: seven users. */
int ibid_register_findings(sqlite3 *db) {
  size_t count = sizeof(findings_functions) / sizeof(*findings_functions);
  ibid_layers_cache *cache = ibid_layers_cache_new((int)count + 3);
  if (!cache) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  size_t i = 0;
  for (; rc == SQLITE_OK && i < count; i++)
    rc = ibid_register_table_function(db, &findings_functions[i], cache, ibid_layers_cache_release);
  /* A failed registration already released its share; release the rest. */
  for (; i < count; i++) ibid_layers_cache_release(cache);
  if (rc != SQLITE_OK) {
    for (int k = 0; k < 3; k++) ibid_layers_cache_release(cache);
    return rc;
  }
  return ibid_register_facts_with(db, cache);
}
