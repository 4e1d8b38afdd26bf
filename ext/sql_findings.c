/*
** sql_findings.c -- the case-study findings of a text as four table-valued
** functions (docs/findings.md):
**
**   ibid_cases(text)     n, name, heading, start, length
**   ibid_questions(text) n, label, text, start, length
**   ibid_findings(text)  n, "case", question, finding, source, polarity, start, length
**   ibid_evidence(text)  finding, citation_start, citation_length, kind
**
**   SELECT name FROM ibid_cases('Case study 1: The Kosovo referral' || char(10) || ...);
**   -- Kosovo, ... (one row per case section)
**
** Each call analyses the whole text once (ext/findings.c); start/length are
** 1-based character positions so substr(text, start, length) is the span.
*/
#include <string.h>

#include "findings.h"
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

/* Runs the analysis for one call, reporting out-of-memory on the rows. */
static int analyse(ibid_rows *rows, const char *text, size_t length, ibid_findings *result) {
  if (ibid_find_findings(text, length, result) == 0) return SQLITE_OK;
  ibid_findings_free(result);
  ibid_rows_error(rows, "out of memory");
  return SQLITE_NOMEM;
}

static int fill_cases(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_findings result;
  int rc = analyse(rows, text, length, &result);
  for (size_t i = 0; rc == SQLITE_OK && i < result.case_count; i++) {
    const ibid_case *c = &result.cases[i];
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, c->name, strlen(c->name));
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, c->heading_start, c->heading_length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, c->start, c->length);
  }
  ibid_findings_free(&result);
  return rc;
}

static int fill_questions(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_findings result;
  int rc = analyse(rows, text, length, &result);
  for (size_t i = 0; rc == SQLITE_OK && i < result.question_count; i++) {
    const ibid_question *q = &result.questions[i];
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, q->label, strlen(q->label));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, q->text, strlen(q->text));
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, q->start, q->length);
  }
  ibid_findings_free(&result);
  return rc;
}

static int fill_findings(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_findings result;
  int rc = analyse(rows, text, length, &result);
  for (size_t i = 0; rc == SQLITE_OK && i < result.finding_count; i++) {
    const ibid_finding *f = &result.findings[i];
    const char *source = ibid_finding_source_name(f->source),
               *polarity = ibid_polarity_name(f->polarity);
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK)
      rc = ibid_rows_text(rows, f->case_name, f->case_name ? strlen(f->case_name) : 0);
    if (rc == SQLITE_OK)
      rc = ibid_rows_text(rows, f->question[0] ? f->question : NULL, strlen(f->question));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, f->text, strlen(f->text));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, source, strlen(source));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, polarity, strlen(polarity));
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, f->start, f->length);
  }
  ibid_findings_free(&result);
  return rc;
}

static int fill_evidence(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_findings result;
  int rc = analyse(rows, text, length, &result);
  for (size_t i = 0; rc == SQLITE_OK && i < result.evidence_count; i++) {
    const ibid_evidence *e = &result.evidence[i];
    const char *kind = e->is_marker ? "marker" : "cite";
    rc = ibid_rows_int(rows, (int64_t)e->finding + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, e->start, e->length);
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
  }
  ibid_findings_free(&result);
  return rc;
}

static const ibid_table_function findings_functions[] = {
    {"ibid_cases", "n, name, heading, start, length", 5, fill_cases},
    {"ibid_questions", "n, label, text, start, length", 5, fill_questions},
    {"ibid_findings", "n, \"case\", question, finding, source, polarity, start, length", 8,
     fill_findings},
    {"ibid_evidence", "finding, citation_start, citation_length, kind", 4, fill_evidence},
};

int ibid_register_findings(sqlite3 *db) {
  int rc = SQLITE_OK;
  for (size_t i = 0;
       rc == SQLITE_OK && i < sizeof(findings_functions) / sizeof(*findings_functions); i++)
    rc = ibid_register_table_function(db, &findings_functions[i], NULL, NULL);
  return rc;
}
