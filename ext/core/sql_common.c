/*
** sql_common.c -- argument checking shared by every ibid SQL function.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3

#include "utf8.h"

static const char *type_name(int type) {
  switch (type) {
    case SQLITE_INTEGER:
      return "integer";
    case SQLITE_FLOAT:
      return "real";
    case SQLITE_BLOB:
      return "blob";
    case SQLITE_NULL:
      return "null";
    default:
      return "text";
  }
}

int ibid_value_text(sqlite3_value *value, const char *function, const char **text, size_t *length,
                    char **error) {
  int type = sqlite3_value_type(value);
  *error = 0;
  if (type == SQLITE_NULL) return 0;
  if (type != SQLITE_TEXT && type != SQLITE_BLOB) {
    *error = sqlite3_mprintf("%s: argument must be text, got %s", function, type_name(type));
    return -1;
  }
  /* A BLOB (readfile() returns one) is taken as UTF-8 bytes. */
  const char *bytes = type == SQLITE_BLOB ? (const char *)sqlite3_value_blob(value)
                                          : (const char *)sqlite3_value_text(value);
  int size = sqlite3_value_bytes(value);
  if (!bytes) {
    if (size == 0) {
      *text = "";
      *length = 0;
      return 1;
    }
    *error = sqlite3_mprintf("%s: out of memory", function);
    return -1;
  }
  size_t bad;
  if (!ibid_utf8_valid(bytes, (size_t)size, &bad)) {
    *error = sqlite3_mprintf("%s: invalid UTF-8 at byte %lld (0x%02x)", function, (long long)bad,
                             (unsigned)(unsigned char)bytes[bad]);
    return -1;
  }
  *text = bytes;
  *length = (size_t)size;
  return 1;
}

int ibid_argument_text(sqlite3_context *context, sqlite3_value *value, const char *function,
                       const char **text, size_t *length) {
  char *error;
  int result = ibid_value_text(value, function, text, length, &error);
  if (result < 0) {
    if (error) {
      sqlite3_result_error(context, error, -1);
      sqlite3_free(error);
    } else {
      sqlite3_result_error_nomem(context);
    }
  }
  return result;
}

void ibid_sql_probe_start(ibid_sql_probe *probe, sqlite3 *db) {
  probe->db = db;
  probe->statement = 0;
  probe->unusable = 0;
}

void ibid_sql_probe_finish(ibid_sql_probe *probe) {
  if (probe->statement) sqlite3_finalize(probe->statement);
  probe->statement = 0;
}

int ibid_sql_progress_check(void *context) {
  ibid_sql_probe *probe = context;
  if (!probe || !probe->db || probe->unusable) return 0;
  if (!probe->statement) {
    int rc = sqlite3_prepare_v2(probe->db, "SELECT 1", -1, &probe->statement, 0);
    if (rc == SQLITE_INTERRUPT) return 1; /* the parser checks the flag too */
    if (rc != SQLITE_OK) {
      probe->statement = 0;
      probe->unusable = 1;
      return 0;
    }
  }
  int rc = sqlite3_step(probe->statement);
  sqlite3_reset(probe->statement);
  return rc == SQLITE_INTERRUPT;
}
