/* sql_findings.c -- placeholder until the module lands. */
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

int ibid_register_findings(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}
