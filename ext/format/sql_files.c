/*
** sql_files.c -- ibid_files(folder): every file below a folder, as rows, so
** that any SQLite application loads a folder in one statement:
**
**   INSERT INTO documents(path, raw)
**     SELECT path, raw FROM ibid_files('papers/') WHERE error IS NULL;
**
**   SELECT path, size, modified, error FROM ibid_files('papers');
**   -- papers/a/b.pdf|48213|2024-05-01T09:30:00Z|
**   -- papers/fifo|||not a regular file (a FIFO)
**
** Columns: path (the folder as given joined with the file's path below it by
** '/'), size (bytes), modified (UTC, 'YYYY-MM-DDTHH:MM:SSZ'), raw (the
** file's bytes as a BLOB), error (NULL, or why the file cannot be listed or
** read), folder (HIDDEN: the argument). Rows come sorted by path; a folder
** that is a file gives that one file; NULL gives no rows; a folder that does
** not exist or cannot be read is an SQL error naming it.
**
** HOW IT WORKS
** The walk itself is plain C (files.c). A file is read only when its `raw`
** column is asked for, so `SELECT path, size FROM ibid_files(...)` opens no
** file; one file's bytes at most are in memory, handed to SQLite without a
** copy. `error` of a regular file is found lazily too: when the statement
** also uses `raw` (xBestIndex's colUsed), by reading the file, so that error
** and raw of a row always agree; otherwise by opening it, which is enough to
** see "permission denied" without reading. A file longer than SQLite's
** SQLITE_LIMIT_LENGTH is an error row, never read.
**
** idxNum bits: 1 = the folder argument is bound (argvIndex 1);
**              2 = the statement uses the raw column.
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "files.h"
#include "memory.h"
#include "sql_modules.h"

#define FILES_SCHEMA \
  "CREATE TABLE x(path TEXT, size INTEGER, modified TEXT, raw BLOB, error TEXT, folder HIDDEN)"
#define FILES_PATH 0
#define FILES_SIZE 1
#define FILES_MODIFIED 2
#define FILES_RAW 3
#define FILES_ERROR 4
#define FILES_FOLDER 5

#define FILES_HAS_FOLDER 1
#define FILES_USES_RAW 2

typedef struct files_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
} files_vtab;

typedef struct files_cursor {
  sqlite3_vtab_cursor base; /* must be first */
  ibid_files_walk *walk;
  ibid_file_entry entry;
  int at_end;
  sqlite3_int64 row;
  sqlite3_value *folder; /* the argument, for the hidden column */
  sqlite3_int64 limit;   /* SQLITE_LIMIT_LENGTH when the walk started */
  int uses_raw;
  /* What the current row has found out lazily. */
  int error_known;
  const char *error; /* NULL, static text, or `message` */
  char *message;     /* sqlite3_mprintf'd error text */
  char *bytes;       /* the file, read and not yet handed to SQLite */
  size_t length;
} files_cursor;

/* ----- connection -------------------------------------------------------------- */

static int files_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                         sqlite3_vtab **vtab_out, char **error) {
  (void)aux;
  (void)argc;
  (void)argv;
  int rc = sqlite3_declare_vtab(db, FILES_SCHEMA);
  if (rc != SQLITE_OK) {
    sqlite3_free(*error);
    *error = sqlite3_mprintf("ibid_files: %s", sqlite3_errmsg(db));
    return rc;
  }
  files_vtab *vtab = sqlite3_malloc64(sizeof(*vtab));
  if (!vtab) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof(*vtab));
  vtab->db = db;
  /* It reads any file the process can read: a view or trigger in a database
     file someone else wrote must not be able to call it. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *vtab_out = &vtab->base;
  return SQLITE_OK;
}

static int files_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int files_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  (void)vtab;
  info->idxNum = (info->colUsed & ((sqlite3_uint64)1 << FILES_RAW)) ? FILES_USES_RAW : 0;
  /* The walk is sorted by path in byte order, which is SQLite's BINARY. */
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == FILES_PATH && !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  int bound = ibid_plan_argument(info, FILES_FOLDER, 10000, 1000);
  if (bound < 0) return SQLITE_CONSTRAINT;
  if (bound) info->idxNum |= FILES_HAS_FOLDER;
  return SQLITE_OK;
}

/* ----- cursor ------------------------------------------------------------------- */

static int files_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cursor_out) {
  (void)vtab;
  files_cursor *cursor = sqlite3_malloc64(sizeof(*cursor));
  if (!cursor) return SQLITE_NOMEM;
  memset(cursor, 0, sizeof(*cursor));
  cursor->at_end = 1;
  *cursor_out = &cursor->base;
  return SQLITE_OK;
}

/* Forgets what the current row found out. */
static void row_reset(files_cursor *cursor) {
  ibid_free(cursor->bytes);
  cursor->bytes = NULL;
  cursor->length = 0;
  sqlite3_free(cursor->message);
  cursor->message = NULL;
  cursor->error = NULL;
  cursor->error_known = 0;
}

static void cursor_reset(files_cursor *cursor) {
  row_reset(cursor);
  ibid_files_close(cursor->walk);
  cursor->walk = NULL;
  sqlite3_value_free(cursor->folder);
  cursor->folder = NULL;
  cursor->at_end = 1;
  cursor->row = 0;
}

static int files_close(sqlite3_vtab_cursor *base) {
  files_cursor *cursor = (files_cursor *)base;
  cursor_reset(cursor);
  sqlite3_free(cursor);
  return SQLITE_OK;
}

static int set_too_large(files_cursor *cursor, sqlite3_int64 size) {
  sqlite3_free(cursor->message);
  cursor->message =
      sqlite3_mprintf("file too large (%lld bytes > SQLite's limit %lld)", size, cursor->limit);
  if (!cursor->message) return SQLITE_NOMEM;
  cursor->error = cursor->message;
  cursor->error_known = 1;
  return SQLITE_OK;
}

/* Reads the current row's file into cursor->bytes, or sets its error. */
static int row_read(files_cursor *cursor) {
  const ibid_file_entry *entry = &cursor->entry;
  ibid_free(cursor->bytes);
  cursor->bytes = NULL;
  if (entry->error || !entry->is_file) {
    cursor->error = entry->error ? entry->error : "not a regular file";
    cursor->error_known = 1;
    return SQLITE_OK;
  }
  if (entry->size > cursor->limit) return set_too_large(cursor, entry->size);
  int64_t size = entry->size;
  const char *why = NULL;
  int result = ibid_files_read(entry->path, (uint64_t)cursor->limit, &cursor->bytes,
                               &cursor->length, &size, &why);
  if (result == IBID_FILE_NO_MEMORY) return SQLITE_NOMEM;
  if (result == IBID_FILE_TOO_LARGE) return set_too_large(cursor, size);
  cursor->error = result == IBID_FILE_READ ? NULL : why;
  cursor->error_known = 1;
  return SQLITE_OK;
}

/* Finds the current row's error: by reading when raw is wanted too (so the
** two agree), else by opening the file only. */
static int row_check(files_cursor *cursor) {
  if (cursor->error_known) return SQLITE_OK;
  const ibid_file_entry *entry = &cursor->entry;
  if (cursor->uses_raw || entry->error || !entry->is_file) return row_read(cursor);
  if (entry->size > cursor->limit) return set_too_large(cursor, entry->size);
  cursor->error = ibid_files_check(entry->path);
  cursor->error_known = 1;
  return SQLITE_OK;
}

static int cursor_step(files_cursor *cursor) {
  row_reset(cursor);
  int found = ibid_files_next(cursor->walk, &cursor->entry);
  if (found < 0) return SQLITE_NOMEM;
  cursor->at_end = found == 0;
  cursor->row++;
  return SQLITE_OK;
}

static int filter_error(files_cursor *cursor, char *message) {
  sqlite3_vtab *vtab = cursor->base.pVtab;
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = message;
  return message ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* How many bytes of a folder name an error message shows: up to a NUL, at most
** 200 bytes (a 50 MB argument must not become a 50 MB message), cut at a
** character boundary. */
static size_t message_length(const char *folder, size_t length) {
  const char *nul = memchr(folder, 0, length);
  size_t shown = nul ? (size_t)(nul - folder) : length;
  if (shown > 200) {
    shown = 200;
    while (shown > 0 && ((unsigned char)folder[shown] & 0xC0) == 0x80) shown--;
  }
  return shown;
}

static int files_filter(sqlite3_vtab_cursor *base, int index_number, const char *index_string,
                        int argc, sqlite3_value **argv) {
  (void)index_string;
  files_cursor *cursor = (files_cursor *)base;
  cursor_reset(cursor);
  if (!(index_number & FILES_HAS_FOLDER) || argc < 1)
    return filter_error(cursor, sqlite3_mprintf("ibid_files: missing argument (call it as "
                                                "ibid_files(folder))"));
  cursor->folder = sqlite3_value_dup(argv[0]);
  if (!cursor->folder) return SQLITE_NOMEM;
  const char *folder;
  size_t length;
  char *message;
  int found = ibid_value_text(argv[0], "ibid_files", &folder, &length, &message);
  if (found < 0) return filter_error(cursor, message);
  if (found == 0) return SQLITE_OK; /* NULL: no rows */
  if (length == 0)
    return filter_error(cursor, sqlite3_mprintf("ibid_files: the folder name is empty"));
  files_vtab *vtab = (files_vtab *)base->pVtab;
  cursor->limit = sqlite3_limit(vtab->db, SQLITE_LIMIT_LENGTH, -1);
  cursor->uses_raw = (index_number & FILES_USES_RAW) != 0;
  const char *why = ibid_files_open(folder, length, &cursor->walk);
  if (why) {
    if (strcmp(why, "out of memory") == 0) return SQLITE_NOMEM;
    size_t shown = message_length(folder, length);
    return filter_error(
        cursor, sqlite3_mprintf("ibid_files: cannot read folder '%.*s%s': %s", (int)shown, folder,
                                shown < length ? "..." : "", why));
  }
  cursor->row = 0;
  return cursor_step(cursor);
}

static int files_next(sqlite3_vtab_cursor *base) {
  return cursor_step((files_cursor *)base);
}

static int files_eof(sqlite3_vtab_cursor *base) {
  return ((files_cursor *)base)->at_end;
}

/* Hands the file's bytes to SQLite (read again if an earlier call took them). */
static int column_raw(files_cursor *cursor, sqlite3_context *context) {
  if (!cursor->bytes) {
    if (cursor->error_known && cursor->error) return SQLITE_OK; /* NULL */
    int rc = row_read(cursor);
    if (rc != SQLITE_OK) return rc;
    if (!cursor->bytes) return SQLITE_OK;
  }
  char *bytes = cursor->bytes;
  size_t length = cursor->length;
  cursor->bytes = NULL;
  if (length == 0) {
    ibid_free(bytes);
    sqlite3_result_zeroblob(context, 0);
  } else {
    sqlite3_result_blob64(context, bytes, length, ibid_free);
  }
  return SQLITE_OK;
}

static int files_column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column) {
  files_cursor *cursor = (files_cursor *)base;
  const ibid_file_entry *entry = &cursor->entry;
  int rc = SQLITE_OK;
  switch (column) {
    case FILES_PATH:
      sqlite3_result_text64(context, entry->path, entry->path_length, SQLITE_TRANSIENT,
                            SQLITE_UTF8);
      break;
    case FILES_SIZE:
      if (entry->size >= 0) sqlite3_result_int64(context, entry->size);
      break;
    case FILES_MODIFIED:
      if (entry->has_modified) {
        char text[21];
        ibid_files_format_time(entry->modified, text);
        sqlite3_result_text(context, text, -1, SQLITE_TRANSIENT);
      }
      break;
    case FILES_RAW:
      rc = column_raw(cursor, context);
      break;
    case FILES_ERROR:
      rc = row_check(cursor);
      if (rc == SQLITE_OK && cursor->error)
        sqlite3_result_text(context, cursor->error, -1, SQLITE_TRANSIENT);
      break;
    case FILES_FOLDER:
      if (cursor->folder) sqlite3_result_value(context, cursor->folder);
      break;
  }
  if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(context);
  return rc;
}

static int files_rowid(sqlite3_vtab_cursor *base, sqlite_int64 *rowid) {
  *rowid = ((files_cursor *)base)->row;
  return SQLITE_OK;
}

static const sqlite3_module files_module = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only */
    .xConnect = files_connect,
    .xBestIndex = files_best_index,
    .xDisconnect = files_disconnect,
    .xDestroy = 0,
    .xOpen = files_open,
    .xClose = files_close,
    .xFilter = files_filter,
    .xNext = files_next,
    .xEof = files_eof,
    .xColumn = files_column,
    .xRowid = files_rowid,
};

int ibid_register_files(sqlite3 *db) {
  return sqlite3_create_module_v2(db, "ibid_files", &files_module, 0, 0);
}
