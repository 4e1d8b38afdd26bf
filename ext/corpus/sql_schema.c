/*
** sql_schema.c -- ibid_init(): creates the corpus schema of sql/schema.sql.
**
**   SELECT ibid_init();   -- 'ok'; idempotent
**
** The schema text is compiled in (build/schema_sql.h is generated from
** sql/schema.sql by make), so a database file needs nothing but the extension.
** ibid_init changes the schema of the connection it runs on, so it is
** SQLITE_DIRECTONLY: it cannot be smuggled into a view or trigger of an
** untrusted database file.
**
** A database keeps the layout it was made with. The part of sql/schema.sql
** after "-- @blocks with ids" (the index and the view of the blocks that
** `fulltext` reads its text from) runs only on a database whose `blocks` has
** an `id` column; one made by 0.5 or before (blocks WITHOUT ROWID, fulltext
** with its own copy of the text) is left as it is, and ingested as it is
** (ext/corpus/sql_ingest.c).
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3

#include "schema_sql.h"
#include "sql_modules.h"

/* Columns added to tables after their first release: a database made by an
** older ibid gets them, empty, before the schema's triggers (which use them)
** are created again. Rows loaded before keep NULL there until loaded again. */
static const struct added_column {
  const char *table, *column, *type;
} added_columns[] = {
    {"documents", "format", "TEXT"}, /* 0.2.0: formats */
    {"documents", "error", "TEXT"},
    {"documents", "structure", "TEXT"},
    {"refs", "resolves_item", "INTEGER"}, /* 0.3.0: which item an Ibid./short form means */
    {"cases", "case_key", "TEXT"},        /* issue 11: cases comparable across documents */
    {"findings", "case_key", "TEXT"},
    {"evidence", "cite", "INTEGER"}, /* issue 11: evidence is a cites row */
    {"works", "citekey", "TEXT"},    /* 0.3.0: citation keys */
};

static int has_column(sqlite3 *db, const char *table, const char *column, int *found) {
  sqlite3_stmt *statement;
  int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1,
                              &statement, 0);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text(statement, 2, column, -1, SQLITE_STATIC);
  rc = sqlite3_step(statement);
  *found = rc == SQLITE_ROW;
  rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize(statement);
  return rc;
}

/* Adds the missing columns of tables that exist (a new database gets them
** from CREATE TABLE). */
static int add_missing_columns(sqlite3 *db, char **error) {
  for (size_t i = 0; i < sizeof(added_columns) / sizeof(added_columns[0]); i++) {
    const struct added_column *c = &added_columns[i];
    int table_exists, column_exists;
    int rc = has_column(db, c->table, "document_id", &table_exists);
    if (rc == SQLITE_OK && !table_exists) rc = has_column(db, c->table, "id", &table_exists);
    if (rc == SQLITE_OK && table_exists) rc = has_column(db, c->table, c->column, &column_exists);
    if (rc != SQLITE_OK) return rc;
    if (!table_exists || column_exists) continue;
    char *sql =
        sqlite3_mprintf("ALTER TABLE \"%w\" ADD COLUMN \"%w\" %s", c->table, c->column, c->type);
    if (!sql) return SQLITE_NOMEM;
    rc = sqlite3_exec(db, sql, 0, 0, error);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

/* Where the part of the schema for a database whose blocks have ids begins. */
#define BLOCKS_WITH_IDS_MARK "\n-- @blocks with ids\n"

/* Whether the query gives a row (*found). */
static int has_row(sqlite3 *db, const char *sql, int *found) {
  sqlite3_stmt *statement;
  int rc = sqlite3_prepare_v2(db, sql, -1, &statement, 0);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(statement);
  *found = rc == SQLITE_ROW;
  rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize(statement);
  return rc;
}

static int blocks_have_ids(sqlite3 *db, int *found) {
  return has_row(db,
                 "SELECT 1 FROM pragma_table_info('blocks', 'main')"
                 " WHERE name = 'id' AND pk = 1",
                 found);
}

/* FTS5 writes a document's terms as a small segment of their own when its
** INSERT ends, and merges segments as they pile up. Merging 64 at a time
** (automerge; FTS5's default is 4), and all of a level's at once only when 128
** wait (crisismerge; default 16), rewrites each term fewer times during a load:
** the FTS5 work of a 2,000-document load falls from 11.2M instructions a
** document (4) and 8.5M (16, ibid 0.6 to 0.10) to 7.3M, for more segments a
** query reads (56 instead of 20; about 3% more instructions a query than with
** 16); 'optimize' after a load merges them all. Set once, on a `fulltext` that
** is an FTS5 table (a shard's is a plain table, tools/ibid_parallel_load.py)
** and has no automerge yet: values set before are kept. */
static int set_automerge(sqlite3 *db, char **error) {
  int fts5 = 0;
  int rc = has_row(db,
                   "SELECT 1 FROM main.sqlite_master"
                   " WHERE type = 'table' AND name = 'fulltext_config'",
                   &fts5);
  if (rc != SQLITE_OK || !fts5) return rc;
  int set = 0;
  rc = has_row(db, "SELECT 1 FROM main.fulltext_config WHERE k = 'automerge'", &set);
  if (rc != SQLITE_OK || set) return rc;
  return sqlite3_exec(db,
                      "INSERT INTO main.fulltext(fulltext, rank) VALUES ('crisismerge', 128);"
                      "INSERT INTO main.fulltext(fulltext, rank) VALUES ('automerge', 64)",
                      0, 0, error);
}

/* Runs sql/schema.sql: all of it on a database whose blocks have ids (a new
** one gets them from CREATE TABLE), the part before the mark on an older one. */
static int run_schema(sqlite3 *db, char **error) {
  const char *mark = strstr(ibid_schema_sql, BLOCKS_WITH_IDS_MARK);
  if (!mark) {
    *error = sqlite3_mprintf("internal error: sql/schema.sql lacks its mark");
    return SQLITE_ERROR;
  }
  char *common = sqlite3_mprintf("%.*s", (int)(mark - ibid_schema_sql), ibid_schema_sql);
  if (!common) return SQLITE_NOMEM;
  int rc = sqlite3_exec(db, common, 0, 0, error);
  sqlite3_free(common);
  int with_ids = 0;
  if (rc == SQLITE_OK) rc = blocks_have_ids(db, &with_ids);
  if (rc == SQLITE_OK && with_ids) rc = sqlite3_exec(db, mark, 0, 0, error);
  if (rc == SQLITE_OK) rc = set_automerge(db, error);
  return rc;
}

static void report_failure(sqlite3_context *context, sqlite3 *db, char *error) {
  char *message = sqlite3_mprintf("ibid_init: %s", error ? error : sqlite3_errmsg(db));
  sqlite3_result_error(context, message ? message : "ibid_init: out of memory", -1);
  sqlite3_free(message);
  sqlite3_free(error);
}

static void init_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3 *db = sqlite3_context_db_handle(context);
  char *error = 0;
  /* Outside a transaction, BEGIN IMMEDIATE takes the write lock first (and
  ** waits for it under the busy timeout): a deferred transaction would read
  ** the schema, then fail at once with "database is locked" when another
  ** connection writes, because SQLite cannot wait to upgrade a read lock.
  ** Inside the caller's transaction a savepoint keeps it all-or-nothing. */
  int own = sqlite3_get_autocommit(db);
  int rc = sqlite3_exec(db, own ? "BEGIN IMMEDIATE" : "SAVEPOINT ibid_init", 0, 0, &error);
  if (rc != SQLITE_OK) {
    report_failure(context, db, error);
    return;
  }
  rc = add_missing_columns(db, &error);
  if (rc == SQLITE_OK) rc = run_schema(db, &error);
  if (rc != SQLITE_OK) {
    report_failure(context, db, error);
    sqlite3_exec(db, own ? "ROLLBACK" : "ROLLBACK TO ibid_init; RELEASE ibid_init", 0, 0, 0);
    return;
  }
  rc = sqlite3_exec(db, own ? "COMMIT" : "RELEASE ibid_init", 0, 0, &error);
  if (rc != SQLITE_OK) {
    report_failure(context, db, error);
    if (own) sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
    return;
  }
  sqlite3_result_text(context, "ok", 2, SQLITE_STATIC);
}

int ibid_register_schema(sqlite3 *db) {
  return sqlite3_create_function_v2(db, "ibid_init", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, 0,
                                    init_function, 0, 0, 0);
}
