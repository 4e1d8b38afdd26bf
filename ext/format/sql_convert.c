/*
** sql_convert.c -- ibid_format(raw) and ibid_convert(raw): a document in any
** supported format read into the text every extractor works on.
**
**   SELECT ibid_format(readfile('paper.pdf'));          -- 'pdf'
**   SELECT ibid_convert(readfile('paper.html')) ->> 'body';
**
** `raw` is TEXT or a BLOB of the file's bytes; the format comes from the
** content, never from a file name. NULL in, NULL out; a number is an error.
** A document that cannot be read (encrypted PDF, no text layer, binary junk)
** is not an SQL error: its JSON says why in "error", so that loading a folder
** goes on past it.
**
**   SELECT ibid_pdf_limits();            -- {"seconds":60,"megabytes":1024}
**   SELECT ibid_pdf_limits(5, 256);      -- this connection: 5 s, 256 MB
**   SELECT ibid_pdf_limits(0, 0);        -- no child process: read in process
**
** A PDF is read in a child process under a wall-clock and a memory limit
** (ext/format/pdf.c; docs/pdf.md). The limits are the connection's own: a struct
** allocated when the extension registers on it, shared by ibid_convert and
** ibid_pdf_limits as their user data (reference-counted, freed with the
** last of the two), so there is no process-wide setting. ibid_pdf_limits is
** DIRECTONLY: a view or trigger of a foreign database cannot lift them.
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "convert.h"
#include "memory.h"
#include "sql_modules.h"

/* Reads the raw bytes of argument 0; returns 1, 0 for NULL, -1 after an error. */
static int raw_argument(sqlite3_context *context, sqlite3_value *value, const char *function,
                        const char **bytes, size_t *length) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL) return 0;
  if (type != SQLITE_TEXT && type != SQLITE_BLOB) {
    char *message = sqlite3_mprintf("%s: the document must be TEXT or BLOB, not %s", function,
                                    type == SQLITE_INTEGER ? "an integer" : "a real number");
    sqlite3_result_error(context, message ? message : function, -1);
    sqlite3_free(message);
    return -1;
  }
  if (type == SQLITE_BLOB) {
    *bytes = sqlite3_value_blob(value);
    *length = (size_t)sqlite3_value_bytes(value);
  } else {
    *bytes = (const char *)sqlite3_value_text(value);
    *length = (size_t)sqlite3_value_bytes(value);
  }
  if (!*bytes) { /* an empty BLOB, or out of memory */
    if (sqlite3_errcode(sqlite3_context_db_handle(context)) == SQLITE_NOMEM) {
      sqlite3_result_error_nomem(context);
      return -1;
    }
    *bytes = "";
    *length = 0;
  }
  return 1;
}

static void format_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *bytes;
  size_t length;
  if (raw_argument(context, argv[0], "ibid_format", &bytes, &length) <= 0) return;
  const char *name = ibid_format_name(ibid_format_detect(bytes, length));
  if (name) sqlite3_result_text(context, name, -1, SQLITE_STATIC);
}

/* The connection's PDF limits, shared by two functions. */
typedef struct pdf_settings {
  ibid_pdf_limits limits;
  int references;
} pdf_settings;

static void pdf_settings_release(void *pointer) {
  pdf_settings *settings = pointer;
  if (settings && --settings->references == 0) sqlite3_free(settings);
}

static void convert_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const pdf_settings *settings = sqlite3_user_data(context);
  const char *bytes;
  size_t length;
  if (raw_argument(context, argv[0], "ibid_convert", &bytes, &length) <= 0) return;
  ibid_document document;
  ibid_document_init(&document);
  /* Converters that check it stop when the connection is interrupted. */
  ibid_sql_probe probe;
  ibid_sql_probe_start(&probe, sqlite3_context_db_handle(context));
  ibid_progress progress = {
      .check = ibid_sql_progress_check, .context = &probe, .countdown = IBID_PROGRESS_INTERVAL};
  document.progress = &progress;
  int rc = ibid_progress_step(&progress, length)
               ? -1
               : ibid_convert_document_limited(bytes, length, &settings->limits, &document);
  ibid_sql_probe_finish(&probe);
  size_t json_length = 0;
  char *json = rc == 0 && !progress.stopped ? ibid_document_json(&document, &json_length) : NULL;
  ibid_document_free(&document);
  if (progress.stopped) {
    ibid_free(json);
    sqlite3_result_error_code(context, SQLITE_INTERRUPT);
    return;
  }
  if (!json) {
    sqlite3_result_error_nomem(context);
    return;
  }
  sqlite3_result_text64(context, json, json_length, ibid_free, SQLITE_UTF8);
  sqlite3_result_subtype(context, 'J'); /* JSON, as SQLite's own json functions mark it */
}

/* SQLite 3.45 and later keep a subtype only from functions registered with
** SQLITE_RESULT_SUBTYPE; older versions ignore the flag (3.40 accepts it). */
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0x001000000
#endif

/* A limit argument: NULL keeps `current`; a number from 0 to `maximum`. */
static int limit_argument(sqlite3_context *context, sqlite3_value *value, const char *name,
                          double maximum, double *out) {
  int type = sqlite3_value_numeric_type(value);
  if (type == SQLITE_NULL) return 0;
  double number = sqlite3_value_double(value);
  if ((type != SQLITE_INTEGER && type != SQLITE_FLOAT) || !(number >= 0) || number > maximum) {
    char *message = sqlite3_mprintf(
        "ibid_pdf_limits: %s must be a number from 0 (no limit) to %.0f", name, maximum);
    sqlite3_result_error(context, message ? message : "ibid_pdf_limits: bad limit", -1);
    sqlite3_free(message);
    return -1;
  }
  *out = number;
  return 0;
}

static void pdf_limits_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  pdf_settings *settings = sqlite3_user_data(context);
  ibid_pdf_limits limits = settings->limits;
  if (argc >= 1 && limit_argument(context, argv[0], "seconds", 86400.0 * 365, &limits.seconds))
    return;
  if (argc >= 2 &&
      limit_argument(context, argv[1], "megabytes", 1048576.0 * 1024, &limits.megabytes))
    return;
  settings->limits = limits;
  char *json =
      sqlite3_mprintf("{\"seconds\":%.15g,\"megabytes\":%.15g}", limits.seconds, limits.megabytes);
  if (!json) {
    sqlite3_result_error_nomem(context);
    return;
  }
  sqlite3_result_text(context, json, -1, sqlite3_free);
  sqlite3_result_subtype(context, 'J');
}

int ibid_register_convert(sqlite3 *db) {
  int rc = sqlite3_create_function_v2(db, "ibid_format", 1, IBID_PURE, 0, format_function, 0, 0, 0);
  if (rc != SQLITE_OK) return rc;
  pdf_settings *settings = sqlite3_malloc(sizeof(*settings));
  if (!settings) return SQLITE_NOMEM;
  settings->limits.seconds = IBID_PDF_DEFAULT_SECONDS;
  settings->limits.megabytes = IBID_PDF_DEFAULT_MEGABYTES;
  settings->references = 3; /* three registrations; each failure or deletion releases one */
  rc = sqlite3_create_function_v2(db, "ibid_convert", 1, IBID_PURE | SQLITE_RESULT_SUBTYPE,
                                  settings, convert_function, 0, 0, pdf_settings_release);
  static const int limits_flags = SQLITE_UTF8 | SQLITE_DIRECTONLY | SQLITE_RESULT_SUBTYPE;
  for (int argc = 0; argc <= 2; argc += 2) {
    if (rc == SQLITE_OK)
      rc = sqlite3_create_function_v2(db, "ibid_pdf_limits", argc, limits_flags, settings,
                                      pdf_limits_function, 0, 0, pdf_settings_release);
    else
      pdf_settings_release(settings); /* never registered: its share goes now */
  }
  return rc;
}
