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
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3

#include "schema_sql.h"
#include "sql_modules.h"

static void init_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3 *db = sqlite3_context_db_handle(context);
  char *error = 0;
  if (sqlite3_exec(db, ibid_schema_sql, 0, 0, &error) != SQLITE_OK) {
    char *message = sqlite3_mprintf("ibid_init: %s", error ? error : sqlite3_errmsg(db));
    sqlite3_result_error(context, message ? message : "ibid_init: out of memory", -1);
    sqlite3_free(message);
    sqlite3_free(error);
    return;
  }
  sqlite3_result_text(context, "ok", 2, SQLITE_STATIC);
}

int ibid_register_schema(sqlite3 *db) {
  return sqlite3_create_function_v2(db, "ibid_init", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, 0,
                                    init_function, 0, 0, 0);
}
