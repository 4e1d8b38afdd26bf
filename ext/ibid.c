/*
** ibid.c -- entry point of the ibid SQLite extension.
**
**   .load ./ibid                      -- sqlite3 shell
**   conn.load_extension("./ibid")     -- Python (enable_load_extension first)
**
** Registers every ibid SQL function, table-valued function, the FTS5
** tokenizer "ibid" and ibid_init(). The functions themselves live one concern
** per file (the sql_ files wrap the plain-C parsers beside them); this file only
** checks the SQLite version and calls each module's registration in turn.
**
**   SELECT ibid_version();   -- '0.10.0 (formats: text html jats tei pdf)'
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT1

#include "convert.h"
#include "ibid.h"
#include "sql_modules.h"

#ifndef IBID_VERSION
#define IBID_VERSION "unknown"
#endif

/* Oldest SQLite we build and test against (Debian 12). */
#define IBID_MINIMUM_SQLITE 3040000

/* The version, then the document formats this build reads: PDF support is
** compiled in only when poppler-glib was there at build time. */
static void version_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  static const char with_pdf[] = IBID_VERSION " (formats: text html jats tei pdf)";
  static const char without_pdf[] = IBID_VERSION " (formats: text html jats tei)";
  sqlite3_result_text(context, ibid_pdf_available() ? with_pdf : without_pdf, -1, SQLITE_STATIC);
}

static int register_version(sqlite3 *db) {
  return sqlite3_create_function_v2(db, "ibid_version", 0, IBID_PURE, 0, version_function, 0, 0, 0);
}

static const struct {
  const char *name;
  int (*register_module)(sqlite3 *db);
} modules[] = {
    {"version", register_version},
    {"text", ibid_register_text},
    {"blocks", ibid_register_blocks},
    {"sentences", ibid_register_sentences},
    {"tokenizer", ibid_register_tokenizer},
    {"meta", ibid_register_meta},
    {"notes", ibid_register_notes},
    {"cites", ibid_register_cites},
    {"references", ibid_register_references},
    {"reference list", ibid_register_reference_list},
    {"findings", ibid_register_findings},
    {"convert", ibid_register_convert},
    {"files", ibid_register_files},
    {"export", ibid_register_export},
    {"graph", ibid_register_graph},
    {"schema", ibid_register_schema},
    {"ingest", ibid_register_ingest},
};

int sqlite3_ibid_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  if (sqlite3_libversion_number() < IBID_MINIMUM_SQLITE) {
    *error = sqlite3_mprintf("ibid needs SQLite 3.40.0 or later, this is %s", sqlite3_libversion());
    return SQLITE_ERROR;
  }
  for (size_t i = 0; i < sizeof(modules) / sizeof(modules[0]); i++) {
    int rc = modules[i].register_module(db);
    if (rc != SQLITE_OK) {
      *error =
          sqlite3_mprintf("ibid: registering %s failed: %s", modules[i].name, sqlite3_errmsg(db));
      return rc;
    }
  }
  return SQLITE_OK;
}
