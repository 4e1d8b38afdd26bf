/*
** sql_common.h -- what the SQL layer of every ibid module shares: function
** flags, argument checking, and table-valued functions built from a fill
** callback (ext/core/sql_table.c).
**
** Only files named ext/sql_*.c and ext/ibid.c include SQLite headers; the
** parsers they wrap are plain C (see include/ibid.h).
*/
#ifndef IBID_SQL_COMMON_H
#define IBID_SQL_COMMON_H
#include <stddef.h>
#include <stdint.h>

#include "progress.h"
#include "sqlite3ext.h"

/* Flags of a pure function of its arguments (STYLE.md "Function flags"). */
#define IBID_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/*
** Reads argument `value` of SQL function `function` as UTF-8 text.
** Returns 1 with *text and *length set (TEXT, or a BLOB holding UTF-8), 0 for SQL
** NULL (the caller returns NULL / no rows), -1 after setting an error on the
** context: wrong type, or invalid UTF-8 (the message names the byte offset).
** Text may contain NUL bytes; it is not NUL-terminated for the parser's sake.
*/
int ibid_argument_text(sqlite3_context *context, sqlite3_value *value, const char *function,
                       const char **text, size_t *length);

/* The same check, reporting through an error-message pointer (for vtabs).
** Returns 1, 0 or -1 as above; on -1 *error holds a sqlite3_mprintf message. */
int ibid_value_text(sqlite3_value *value, const char *function, const char **text, size_t *length,
                    char **error);

/* ----- interrupts -------------------------------------------------------- */

/*
** Is the connection interrupted? SQLite 3.41 has sqlite3_is_interrupted();
** Debian 12 has 3.40, where nothing reads the flag that sqlite3_interrupt()
** sets. What does read it is the VDBE: every sqlite3_step() of a statement
** checks it first (while another statement runs, nothing clears it) and
** fails with SQLITE_INTERRUPT, and its jumps call the progress handler. So
** the probe steps a one-row statement ("SELECT 1", prepared at the first
** check of a call, finalized at its end): SQLITE_INTERRUPT means stop, for
** sqlite3_interrupt() from any thread and for a progress handler that
** returned nonzero alike (the probe's few opcodes count towards the
** handler's N, so a handler called every N opcodes is called every N/4
** probes or so). A check costs about a microsecond and runs every
** IBID_PROGRESS_INTERVAL units of work (ext/core/progress.h).
*/
typedef struct ibid_sql_probe {
  sqlite3 *db;
  sqlite3_stmt *statement; /* "SELECT 1", prepared on first use */
  int unusable;            /* preparing it failed: checks say "go on" */
} ibid_sql_probe;

void ibid_sql_probe_start(ibid_sql_probe *probe, sqlite3 *db);
void ibid_sql_probe_finish(ibid_sql_probe *probe);
/* The `check` of an ibid_progress whose context is an ibid_sql_probe:
** nonzero when the connection is interrupted. */
int ibid_sql_progress_check(void *probe);

/* ----- table-valued functions ------------------------------------------ */

typedef struct ibid_rows ibid_rows;

/*
** Fills the rows of one call. `text` is the validated UTF-8 input (a private
** copy that lives as long as the rows), `client` the pointer given at
** registration. Return SQLITE_OK, or an error code after ibid_rows_error().
*/
typedef int (*ibid_rows_fill)(ibid_rows *rows, const char *text, size_t length, void *client);

typedef struct ibid_table_function {
  const char *name;    /* SQL name, e.g. "ibid_blocks" */
  const char *columns; /* output columns, e.g. "n, kind, level, start, length, text" */
  int column_count;    /* how many names `columns` lists */
  ibid_rows_fill fill;
} ibid_table_function;

/*
** Registers an eponymous table-valued function NAME(input): output columns as
** declared plus a HIDDEN column `input` holding the argument. NULL input
** gives no rows; non-text input or invalid UTF-8 is an error. `client` is
** passed to fill and released with `destroy` (may be NULL) when the module is.
*/
int ibid_register_table_function(sqlite3 *db, const ibid_table_function *definition, void *client,
                                 void (*destroy)(void *));

/*
** The xBestIndex step of a virtual table with one required argument in
** hidden column `column`. Returns 1 after binding its usable `column = ?`
** constraint as argvIndex 1 at the given cost; -1 when it has only unusable
** ones (xBestIndex returns SQLITE_CONSTRAINT, so SQLite tries a plan that
** binds the argument first); 0 when it has none, at a prohibitive cost (an OR
** in the WHERE clause makes SQLite ask for such plans too): xFilter reports
** the missing argument only if SQLite really runs that plan.
*/
int ibid_plan_argument(sqlite3_index_info *info, int column, double cost, sqlite3_int64 rows);

/* Row building: a row is exactly column_count cells, added in column order. */
int ibid_rows_int(ibid_rows *rows, int64_t value);
int ibid_rows_double(ibid_rows *rows, double value);
int ibid_rows_null(ibid_rows *rows);
/* A copy of bytes[0..length) as TEXT (bytes NULL gives SQL NULL). */
int ibid_rows_text(ibid_rows *rows, const char *bytes, size_t length);
/* TEXT that the rows take ownership of (allocated with ibid_malloc). */
int ibid_rows_text_owned(ibid_rows *rows, char *bytes, size_t length);
/* The input's bytes [start, start+length) as TEXT, without a copy. */
int ibid_rows_slice(ibid_rows *rows, size_t start, size_t length);
/* Two cells, `start` (1-based character index) and `length` (characters),
** for the input's bytes [start, start+length): substr(input, start, length)
** returns exactly that span. Cheapest when spans come in ascending order. */
int ibid_rows_span(ibid_rows *rows, size_t start, size_t length);
/* Converts a byte offset of the input into a 1-based character index. */
int64_t ibid_rows_character_index(ibid_rows *rows, size_t byte_offset);
/* The progress of the current call, to pass to parsers that take one
** (ext/core/progress.h); cells and spans count as work on it already. */
ibid_progress *ibid_rows_progress(ibid_rows *rows);
/* Sets the error message of the current call (printf-style). */
void ibid_rows_error(ibid_rows *rows, const char *format, ...);

/* ----- rows outside a table-valued function ----------------------------- */

/*
** The same rows, for a caller that writes them itself (ext/corpus/sql_ingest.c):
** one ibid_rows over `input` (borrowed: it must outlive the rows), filled by the
** layers' row builders one after another. The byte -> character map of the
** input serves every layer; the progress checks `db` for interrupts.
** ibid_rows_clear drops the cells of the last layer and sets the column count
** of the next; ibid_rows_result hands a cell to SQLite as the result of an
** xColumn call (the ingest's INSERT ... SELECT reads them so).
*/
ibid_rows *ibid_rows_new(sqlite3 *db, const char *input, size_t length, int column_count);
void ibid_rows_clear(ibid_rows *rows, int column_count);
size_t ibid_rows_count(const ibid_rows *rows);
/* Is every row whole (cells a multiple of the column count)? */
int ibid_rows_complete(const ibid_rows *rows);
/* An INTEGER cell's value (0 for any other type). */
int64_t ibid_rows_cell_int(const ibid_rows *rows, size_t row, int column);
/* A TEXT cell's bytes and length (NULL for any other type). */
const char *ibid_rows_cell_text(const ibid_rows *rows, size_t row, int column, size_t *length);
/* Cell (row, column) as the result of an xColumn call; text without a copy
** (the rows must outlive the statement's run: step and reset before the next
** clear). */
void ibid_rows_result(const ibid_rows *rows, size_t row, int column, sqlite3_context *context);
/* The message of ibid_rows_error, handed over (sqlite3_free it), or NULL. */
char *ibid_rows_take_error(ibid_rows *rows);
void ibid_rows_free(ibid_rows *rows);

#endif
