/*
** sql_cites.c -- ibid_cites(text): in-text author-year citations, one row
** per cited item (the parser is ext/citations/cites.c; the manual is docs/cites.md).
**
**   SELECT authors, year, locator FROM ibid_cites('as argued (Smith, 2015: 120).');
**   -- Smith|2015|120
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

#include "cites.h"

/* Adds TEXT, or NULL for a NULL or empty string. */
static int add_optional_text(ibid_rows *rows, const char *value) {
  if (!value || !value[0]) return ibid_rows_null(rows);
  return ibid_rows_text(rows, value, strlen(value));
}

static int add_cite_row(ibid_rows *rows, const ibid_cite *cite, size_t n) {
  int rc = ibid_rows_int(rows, (int64_t)n);
  if (rc == SQLITE_OK) rc = ibid_rows_int(rows, (int64_t)cite->group);
  if (rc == SQLITE_OK) rc = add_optional_text(rows, cite->authors);
  if (rc == SQLITE_OK) rc = cite->has_year ? ibid_rows_int(rows, cite->year) : ibid_rows_null(rows);
  if (rc == SQLITE_OK) rc = add_optional_text(rows, cite->suffix);
  if (rc == SQLITE_OK) rc = add_optional_text(rows, cite->locator);
  if (rc == SQLITE_OK) rc = add_optional_text(rows, cite->prefix);
  if (rc == SQLITE_OK) rc = ibid_rows_int(rows, cite->narrative);
  if (rc == SQLITE_OK) rc = ibid_rows_span(rows, cite->start, cite->length);
  if (rc == SQLITE_OK) rc = add_optional_text(rows, cite->problem);
  return rc;
}

int ibid_rows_add_cites(ibid_rows *rows, const ibid_cite *cites, size_t from, size_t to) {
  int rc = SQLITE_OK;
  for (size_t i = from; i < to && rc == SQLITE_OK; i++) rc = add_cite_row(rows, &cites[i], i + 1);
  return rc;
}

static int fill_cites(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_cite *cites;
  size_t count;
  if (ibid_find_cites(text, length, &cites, &count) != 0) return SQLITE_NOMEM;
  int rc = ibid_rows_add_cites(rows, cites, 0, count);
  ibid_free_cites(cites, count);
  return rc;
}

int ibid_register_cites(sqlite3 *db) {
  static const ibid_table_function definition = {
      "ibid_cites",
      "n, group_n, authors, year, suffix, locator, prefix, narrative, start, length, problem", 11,
      fill_cites};
  return ibid_register_table_function(db, &definition, NULL, NULL);
}
