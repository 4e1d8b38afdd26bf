/* sql_notes.c -- placeholder until the module lands. */
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

int ibid_register_notes(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}
