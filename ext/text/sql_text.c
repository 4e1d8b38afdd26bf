/*
** sql_text.c -- ibid_clean(text): the cleaned text of a document.
**
**   SELECT ibid_clean(readfile('paper.txt'));
**
** Wraps ibid_clean_text() (ext/text/text.h): NFC, odd spaces and control
** characters normalized, hard-wrapped PDF lines joined into paragraphs,
** page furniture and site chrome dropped; one block per paragraph separated
** by one blank line. NULL in, NULL out; a BLOB holding UTF-8 is accepted.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"
#include "sql_modules.h"
#include "text.h"

static void clean_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *text;
  size_t length;
  if (ibid_argument_text(context, argv[0], "ibid_clean", &text, &length) <= 0) return;
  size_t clean_length = 0;
  /* a long text stops when the connection is interrupted */
  ibid_sql_probe probe;
  ibid_sql_probe_start(&probe, sqlite3_context_db_handle(context));
  ibid_progress progress = {
      .check = ibid_sql_progress_check, .context = &probe, .countdown = IBID_PROGRESS_INTERVAL};
  char *clean = ibid_clean_text_progress(text, length, &progress, &clean_length);
  ibid_sql_probe_finish(&probe);
  if (progress.stopped) {
    ibid_free(clean);
    sqlite3_result_error_code(context, SQLITE_INTERRUPT);
    return;
  }
  if (!clean) {
    sqlite3_result_error_nomem(context);
    return;
  }
  /* ibid_malloc is sqlite3_malloc64 inside the extension (ext/core/sql_memory.c) */
  sqlite3_result_text64(context, clean, clean_length, ibid_free, SQLITE_UTF8);
}

int ibid_register_text(sqlite3 *db) {
  return sqlite3_create_function_v2(db, "ibid_clean", 1, IBID_PURE, 0, clean_function, 0, 0, 0);
}
