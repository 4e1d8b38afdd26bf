/*
** sql_table.c -- eponymous table-valued functions from a fill callback.
**
** Every ibid extractor is exposed as NAME(input): a read-only, eponymous
** virtual table (the ext/misc/series.c pattern) whose declared schema is the
** extractor's output columns plus `input HIDDEN`. xFilter validates the
** argument, copies it once, and runs the extractor's fill callback, which adds
** cells row by row; xColumn then serves them. Spans are given by the callback
** as byte offsets and turned here into 1-based character positions, so that
** substr(input, start, length) is the span in every SQL client.
**
** Memory: a cursor holds one copy of its argument (the sqlite3_value_dup that
** also serves the hidden column; slices point into it) and its rows (the
** copies of short texts in shared chunks, one allocation for many), and
** frees both as soon as xEof reports the end (SQLite keeps the cursors of a
** trigger's statements open until the trigger ends: one INSERT would hold
** every extractor's rows at once otherwise).
**
** Character positions: the first ibid_rows_character_index of a call maps
** the whole input once, sixteen bytes at a time: the characters before each
** MAP_BLOCK-byte block (4 bytes per block). A position is then its block's
** count plus the characters of the block before it: the bytes themselves
** when the block holds MAP_BLOCK characters (no multi-byte character: most
** blocks of most texts), else counted (fewer than MAP_BLOCK bytes). Any order
** of spans costs the same, O(1) per position.
**
** Interrupts: the rows carry an ibid_progress (ext/core/progress.h) whose check is
** ibid_sql_progress_check (ext/core/sql_common.c); every cell and every counted
** byte is a unit of work, and fill callbacks pass the progress on to the
** parsers that take one. An interrupted call returns SQLITE_INTERRUPT.
**
** xBestIndex (ibid_plan_argument, which ibid_files shares) takes a usable
** equality constraint on `input` (argvIndex 1, idxNum 1). With an unusable one the plan is rejected
*with SQLITE_CONSTRAINT
** so SQLite tries a join order that binds it first; with none at all the plan
** is accepted at a prohibitive cost (idxNum 0) and xFilter, if it is ever run,
** fails with "ibid_x: missing argument".
*/
#include <stdarg.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sql_common.h"
SQLITE_EXTENSION_INIT3

#include "memory.h"
#include "progress.h"
#include "utf8.h"

/* Bytes of a block of the byte -> character map. */
#define MAP_BLOCK 64
/* The copies ibid_rows_text makes of short texts share chunks of this many
** bytes (one allocation for many cells, all freed at once with the cells);
** a text of TEXT_CHUNK_BYTES / 8 or more is allocated on its own. */
#define TEXT_CHUNK_BYTES 16384

typedef struct text_chunk {
  struct text_chunk *next; /* the chunk filled before */
  size_t used;
  char bytes[];
} text_chunk;

typedef struct ibid_cell {
  int type;      /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
  int owned;     /* text allocated with ibid_malloc, freed with the rows */
  size_t length; /* text length in bytes */
  union {
    int64_t integer;
    double real;
    const char *text;
  } value;
} ibid_cell;

struct ibid_rows {
  const char *input; /* the argument's text, owned by the cursor */
  size_t input_length;
  int column_count;
  ibid_cell *cells;
  size_t cell_count, cell_capacity;
  size_t owned_count; /* cells holding owned text (freed with them) */
  text_chunk *chunks; /* the copies of short texts, the newest chunk first */
  uint32_t *map;    /* [k]: characters before byte k * MAP_BLOCK; NULL until a position is asked */
  size_t map_count; /* input_length / MAP_BLOCK + 1 */
  ibid_progress progress;
  ibid_sql_probe probe; /* what progress.check asks */
  char *error;          /* sqlite3_mprintf message set by ibid_rows_error */
};

typedef struct table_module {
  ibid_table_function definition;
  void *client;
  void (*destroy)(void *);
} table_module;

typedef struct table_vtab {
  sqlite3_vtab base;
  const table_module *module;
  sqlite3 *db; /* the connection, whose interrupts the probe reads */
} table_vtab;

typedef struct table_cursor {
  sqlite3_vtab_cursor base; /* must be first */
  ibid_rows rows;
  sqlite3_value *argument; /* duplicate of the argument: the input, and the hidden column */
  size_t row, row_count;
} table_cursor;

/* ----- row building ----------------------------------------------------- */

/* rows_push when a progress check is due or the cells are full. */
static __attribute__((noinline)) int rows_push_slow(ibid_rows *rows, const ibid_cell *cell) {
  if (ibid_progress_step(&rows->progress, 1)) {
    if (cell->owned) ibid_free((void *)cell->value.text);
    return SQLITE_INTERRUPT;
  }
  if (rows->cell_count == rows->cell_capacity) {
    size_t capacity = rows->cell_capacity ? rows->cell_capacity * 2 : 64;
    ibid_cell *cells = ibid_realloc(rows->cells, capacity * sizeof(ibid_cell));
    if (!cells) {
      if (cell->owned) ibid_free((void *)cell->value.text);
      return SQLITE_NOMEM;
    }
    rows->cells = cells;
    rows->cell_capacity = capacity;
  }
  rows->cells[rows->cell_count++] = *cell;
  return SQLITE_OK;
}

/* Adds a cell, one unit of work (ibid_progress_step(&rows->progress, 1),
** inline while no check is due and the cells have room). */
static inline int rows_push(ibid_rows *rows, ibid_cell cell) {
  ibid_progress *progress = &rows->progress;
  if (progress->countdown > 1 && !progress->stopped && rows->cell_count < rows->cell_capacity) {
    progress->countdown--;
    progress->work++;
    rows->cells[rows->cell_count++] = cell;
    return SQLITE_OK;
  }
  return rows_push_slow(rows, &cell);
}

int ibid_rows_int(ibid_rows *rows, int64_t value) {
  ibid_cell cell = {.type = SQLITE_INTEGER, .value.integer = value};
  return rows_push(rows, cell);
}

int ibid_rows_double(ibid_rows *rows, double value) {
  ibid_cell cell = {.type = SQLITE_FLOAT, .value.real = value};
  return rows_push(rows, cell);
}

int ibid_rows_null(ibid_rows *rows) {
  ibid_cell cell = {.type = SQLITE_NULL};
  return rows_push(rows, cell);
}

static void chunks_free(text_chunk *chunk) {
  while (chunk) {
    text_chunk *next = chunk->next;
    ibid_free(chunk);
    chunk = next;
  }
}

int ibid_rows_text(ibid_rows *rows, const char *bytes, size_t length) {
  if (!bytes) return ibid_rows_null(rows);
  if (length < TEXT_CHUNK_BYTES / 8) {
    text_chunk *chunk = rows->chunks;
    if (!chunk || TEXT_CHUNK_BYTES - chunk->used < length + 1) {
      chunk = ibid_malloc(sizeof(text_chunk) + TEXT_CHUNK_BYTES);
      if (!chunk) return SQLITE_NOMEM;
      chunk->next = rows->chunks;
      chunk->used = 0;
      rows->chunks = chunk;
    }
    char *copy = chunk->bytes + chunk->used;
    memcpy(copy, bytes, length);
    copy[length] = 0;
    chunk->used += length + 1;
    ibid_cell cell = {.type = SQLITE_TEXT, .length = length, .value.text = copy};
    return rows_push(rows, cell);
  }
  char *copy = ibid_malloc(length + 1);
  if (!copy) return SQLITE_NOMEM;
  memcpy(copy, bytes, length);
  copy[length] = 0;
  return ibid_rows_text_owned(rows, copy, length);
}

int ibid_rows_text_owned(ibid_rows *rows, char *bytes, size_t length) {
  if (!bytes) return ibid_rows_null(rows);
  ibid_cell cell = {.type = SQLITE_TEXT, .owned = 1, .length = length, .value.text = bytes};
  int rc = rows_push(rows, cell);
  if (rc == SQLITE_OK) rows->owned_count++;
  return rc;
}

int ibid_rows_slice(ibid_rows *rows, size_t start, size_t length) {
  if (start > rows->input_length) start = rows->input_length;
  if (length > rows->input_length - start) length = rows->input_length - start;
  ibid_cell cell = {.type = SQLITE_TEXT, .length = length, .value.text = rows->input + start};
  return rows_push(rows, cell);
}

/* Continuation bytes (0x80-0xBF) of bytes[0 .. MAP_BLOCK). */
static size_t block_continuations(const unsigned char *bytes) {
#ifdef __SSE2__
  /* as a signed byte, a continuation byte is below -64 */
  const __m128i below = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
  __m128i lanes = zero;
  for (int i = 0; i < MAP_BLOCK; i += 16)
    lanes = _mm_sub_epi8(
        lanes, _mm_cmplt_epi8(_mm_loadu_si128((const __m128i *)(const void *)(bytes + i)), below));
  __m128i sums = _mm_sad_epu8(lanes, zero);
  return (size_t)_mm_extract_epi16(sums, 0) + (size_t)_mm_extract_epi16(sums, 4);
#else
  size_t count = 0;
  for (int i = 0; i < MAP_BLOCK; i++) count += (bytes[i] & 0xC0) == 0x80;
  return count;
#endif
}

/* Maps the input (see the top of this file); without memory, positions are
** counted from the start instead (slower, the same). */
static void map_input(ibid_rows *rows) {
  size_t count = rows->input_length / MAP_BLOCK + 1;
  uint32_t *map = ibid_malloc(count * sizeof(uint32_t));
  if (!map) return;
  const unsigned char *s = (const unsigned char *)rows->input;
  uint32_t characters = 0; /* inputs are shorter than 2^31 bytes (SQLite's limit) */
  map[0] = 0;
  for (size_t k = 1; k < count; k++) {
    characters += (uint32_t)(MAP_BLOCK - block_continuations(s + (k - 1) * MAP_BLOCK));
    map[k] = characters;
  }
  rows->map = map;
  rows->map_count = count;
  /* counted as work only: a stop is seen by the next cell */
  (void)ibid_progress_step(&rows->progress, rows->input_length);
}

int64_t ibid_rows_character_index(ibid_rows *rows, size_t byte_offset) {
  if (byte_offset > rows->input_length) byte_offset = rows->input_length;
  if (!rows->map) map_input(rows);
  if (!rows->map) return (int64_t)ibid_utf8_count(rows->input, byte_offset) + 1;
  size_t k = byte_offset / MAP_BLOCK, rest = byte_offset % MAP_BLOCK;
  int64_t characters = rows->map[k];
  if (rest) {
    if (k + 1 < rows->map_count && rows->map[k + 1] - rows->map[k] == MAP_BLOCK)
      characters += (int64_t)rest; /* one byte per character */
    else
      characters += (int64_t)ibid_utf8_count(rows->input + k * MAP_BLOCK, rest);
  }
  return characters + 1;
}

ibid_progress *ibid_rows_progress(ibid_rows *rows) {
  return &rows->progress;
}

int ibid_rows_span(ibid_rows *rows, size_t start, size_t length) {
  if (start > rows->input_length) start = rows->input_length;
  if (length > rows->input_length - start) length = rows->input_length - start;
  int64_t first = ibid_rows_character_index(rows, start);
  int64_t end = ibid_rows_character_index(rows, start + length);
  int rc = ibid_rows_int(rows, first);
  if (rc == SQLITE_OK) rc = ibid_rows_int(rows, end - first);
  return rc;
}

void ibid_rows_error(ibid_rows *rows, const char *format, ...) {
  va_list arguments;
  va_start(arguments, format);
  sqlite3_free(rows->error);
  rows->error = sqlite3_vmprintf(format, arguments);
  va_end(arguments);
}

static void rows_reset(ibid_rows *rows) {
  for (size_t i = 0; rows->owned_count && i < rows->cell_count; i++)
    if (rows->cells[i].owned) ibid_free((void *)rows->cells[i].value.text);
  rows->owned_count = 0;
  ibid_free(rows->cells);
  chunks_free(rows->chunks);
  ibid_free(rows->map);
  ibid_sql_probe_finish(&rows->probe);
  sqlite3_free(rows->error);
  int column_count = rows->column_count;
  memset(rows, 0, sizeof(*rows));
  rows->column_count = column_count;
}

/* ----- rows outside a cursor (ext/corpus/sql_ingest.c) ---------------------- */

ibid_rows *ibid_rows_new(sqlite3 *db, const char *input, size_t length, int column_count) {
  ibid_rows *rows = ibid_malloc(sizeof(*rows));
  if (!rows) return 0;
  memset(rows, 0, sizeof(*rows));
  rows->input = input;
  rows->input_length = length;
  rows->column_count = column_count;
  ibid_sql_probe_start(&rows->probe, db);
  rows->progress.check = ibid_sql_progress_check;
  rows->progress.context = &rows->probe;
  rows->progress.countdown = IBID_PROGRESS_INTERVAL;
  return rows;
}

void ibid_rows_clear(ibid_rows *rows, int column_count) {
  for (size_t i = 0; rows->owned_count && i < rows->cell_count; i++)
    if (rows->cells[i].owned) ibid_free((void *)rows->cells[i].value.text);
  rows->owned_count = 0;
  rows->cell_count = 0;
  if (rows->chunks) { /* the newest chunk is kept for the next layer's texts */
    chunks_free(rows->chunks->next);
    rows->chunks->next = 0;
    rows->chunks->used = 0;
  }
  if (rows->cell_capacity > 4096) { /* a large layer's cells go with it */
    ibid_free(rows->cells);
    rows->cells = 0;
    rows->cell_capacity = 0;
  }
  rows->column_count = column_count;
}

size_t ibid_rows_count(const ibid_rows *rows) {
  return rows->column_count ? rows->cell_count / (size_t)rows->column_count : 0;
}

int ibid_rows_complete(const ibid_rows *rows) {
  return rows->column_count && rows->cell_count % (size_t)rows->column_count == 0;
}

int64_t ibid_rows_cell_int(const ibid_rows *rows, size_t row, int column) {
  const ibid_cell *cell = &rows->cells[row * (size_t)rows->column_count + (size_t)column];
  return cell->type == SQLITE_INTEGER ? cell->value.integer : 0;
}

const char *ibid_rows_cell_text(const ibid_rows *rows, size_t row, int column, size_t *length) {
  const ibid_cell *cell = &rows->cells[row * (size_t)rows->column_count + (size_t)column];
  *length = cell->type == SQLITE_TEXT ? cell->length : 0;
  return cell->type == SQLITE_TEXT ? cell->value.text : 0;
}

/* One cell as a result; text with `text_destructor` (SQLITE_STATIC: no copy). */
static void result_cell(const ibid_cell *cell, sqlite3_context *context,
                        sqlite3_destructor_type text_destructor) {
  switch (cell->type) {
    case SQLITE_INTEGER:
      sqlite3_result_int64(context, cell->value.integer);
      break;
    case SQLITE_FLOAT:
      sqlite3_result_double(context, cell->value.real);
      break;
    case SQLITE_TEXT:
      sqlite3_result_text64(context, cell->value.text, cell->length, text_destructor, SQLITE_UTF8);
      break;
    default:
      sqlite3_result_null(context);
  }
}

void ibid_rows_result(const ibid_rows *rows, size_t row, int column, sqlite3_context *context) {
  /* the cells outlive the statement's run: no copy */
  result_cell(&rows->cells[row * (size_t)rows->column_count + (size_t)column], context,
              SQLITE_STATIC);
}

char *ibid_rows_take_error(ibid_rows *rows) {
  char *error = rows->error;
  rows->error = 0;
  return error;
}

void ibid_rows_free(ibid_rows *rows) {
  if (!rows) return;
  rows_reset(rows);
  ibid_free(rows);
}

/* ----- virtual table methods ---------------------------------------------- */

static int table_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                         sqlite3_vtab **vtab_out, char **error) {
  (void)argc;
  (void)argv;
  const table_module *module = aux;
  char *schema = sqlite3_mprintf("CREATE TABLE x(%s, input HIDDEN)", module->definition.columns);
  if (!schema) return SQLITE_NOMEM;
  int rc = sqlite3_declare_vtab(db, schema);
  sqlite3_free(schema);
  if (rc != SQLITE_OK) {
    sqlite3_free(*error);
    *error = sqlite3_mprintf("%s: %s", module->definition.name, sqlite3_errmsg(db));
    return rc;
  }
  table_vtab *vtab = sqlite3_malloc64(sizeof(*vtab));
  if (!vtab) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof(*vtab));
  vtab->module = module;
  vtab->db = db;
  /* Pure function of its argument: safe in triggers, views and schemas. */
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *vtab_out = &vtab->base;
  return SQLITE_OK;
}

static int table_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int table_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cursor_out) {
  table_cursor *cursor = sqlite3_malloc64(sizeof(*cursor));
  if (!cursor) return SQLITE_NOMEM;
  memset(cursor, 0, sizeof(*cursor));
  cursor->rows.column_count = ((table_vtab *)vtab)->module->definition.column_count;
  *cursor_out = &cursor->base;
  return SQLITE_OK;
}

static void cursor_reset(table_cursor *cursor) {
  rows_reset(&cursor->rows);
  sqlite3_value_free(cursor->argument);
  cursor->argument = 0;
  cursor->row = cursor->row_count = 0;
}

static int table_close(sqlite3_vtab_cursor *base) {
  table_cursor *cursor = (table_cursor *)base;
  cursor_reset(cursor);
  sqlite3_free(cursor);
  return SQLITE_OK;
}

static int table_filter(sqlite3_vtab_cursor *base, int index_number, const char *index_string,
                        int argc, sqlite3_value **argv) {
  (void)index_string;
  table_cursor *cursor = (table_cursor *)base;
  table_vtab *vtab = (table_vtab *)base->pVtab;
  const table_module *module = vtab->module;
  cursor_reset(cursor);
  if (index_number != 1 || argc < 1) {
    sqlite3_free(vtab->base.zErrMsg);
    vtab->base.zErrMsg = sqlite3_mprintf("%s: missing argument (call it as %s(text))",
                                         module->definition.name, module->definition.name);
    return SQLITE_ERROR;
  }
  /* One copy of the argument: the input the rows point into, and the hidden
  ** column (argv[0] itself is valid only during this call). */
  cursor->argument = sqlite3_value_dup(argv[0]);
  if (!cursor->argument) return SQLITE_NOMEM;
  const char *text;
  size_t length;
  char *error;
  int found = ibid_value_text(cursor->argument, module->definition.name, &text, &length, &error);
  if (found < 0) {
    sqlite3_free(vtab->base.zErrMsg);
    vtab->base.zErrMsg = error;
    return error ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (found == 0) return SQLITE_OK; /* NULL argument: no rows */
  cursor->rows.input = text;
  cursor->rows.input_length = length;
  ibid_sql_probe_start(&cursor->rows.probe, vtab->db);
  cursor->rows.progress.check = ibid_sql_progress_check;
  cursor->rows.progress.context = &cursor->rows.probe;
  cursor->rows.progress.countdown = IBID_PROGRESS_INTERVAL;
  /* the parser reads the whole input: a long one is checked for at once */
  int rc = ibid_progress_step(&cursor->rows.progress, length)
               ? SQLITE_INTERRUPT
               : module->definition.fill(&cursor->rows, text, length, module->client);
  if (cursor->rows.progress.stopped) rc = SQLITE_INTERRUPT;
  if (rc == SQLITE_OK && cursor->rows.cell_count % (size_t)cursor->rows.column_count) {
    ibid_rows_error(&cursor->rows, "%s: internal error: incomplete row", module->definition.name);
    rc = SQLITE_ERROR;
  }
  ibid_free(cursor->rows.map); /* spans are all made */
  cursor->rows.map = 0;
  cursor->rows.map_count = 0;
  ibid_sql_probe_finish(&cursor->rows.probe);
  if (rc != SQLITE_OK) {
    sqlite3_free(vtab->base.zErrMsg);
    vtab->base.zErrMsg = cursor->rows.error;
    cursor->rows.error = 0;
    if (!vtab->base.zErrMsg && rc != SQLITE_NOMEM)
      vtab->base.zErrMsg = sqlite3_mprintf("%s: %s", module->definition.name, sqlite3_errstr(rc));
    cursor_reset(cursor);
    return rc;
  }
  cursor->row_count = cursor->rows.cell_count / (size_t)cursor->rows.column_count;
  if (cursor->row_count == 0) cursor_reset(cursor);
  return SQLITE_OK;
}

static int table_next(sqlite3_vtab_cursor *base) {
  ((table_cursor *)base)->row++;
  return SQLITE_OK;
}

static int table_eof(sqlite3_vtab_cursor *base) {
  table_cursor *cursor = (table_cursor *)base;
  if (cursor->row < cursor->row_count) return 0;
  /* Done: free the rows and the input now, not when the statement (or the
  ** trigger that runs it) ends. */
  if (cursor->argument || cursor->rows.cells) cursor_reset(cursor);
  return 1;
}

static int table_column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column) {
  table_cursor *cursor = (table_cursor *)base;
  int column_count = cursor->rows.column_count;
  if (column >= column_count) { /* the hidden input column */
    if (cursor->argument) sqlite3_result_value(context, cursor->argument);
    return SQLITE_OK;
  }
  result_cell(&cursor->rows.cells[cursor->row * (size_t)column_count + (size_t)column], context,
              SQLITE_TRANSIENT);
  return SQLITE_OK;
}

static int table_rowid(sqlite3_vtab_cursor *base, sqlite_int64 *rowid) {
  *rowid = (sqlite_int64)((table_cursor *)base)->row + 1;
  return SQLITE_OK;
}

int ibid_plan_argument(sqlite3_index_info *info, int column, double cost, sqlite3_int64 rows) {
  int usable = -1, unusable = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *constraint = &info->aConstraint[i];
    if (constraint->iColumn != column || constraint->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (constraint->usable) {
      usable = i;
    } else {
      unusable = 1;
    }
  }
  if (usable >= 0) {
    info->aConstraintUsage[usable].argvIndex = 1;
    info->aConstraintUsage[usable].omit = 1;
    info->estimatedCost = cost;
    info->estimatedRows = rows;
    return 1;
  }
  if (unusable) return -1;
  info->estimatedCost = 1e300;
  info->estimatedRows = 2147483647;
  return 0;
}

static int table_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  table_vtab *vtab = (table_vtab *)base;
  int bound = ibid_plan_argument(info, vtab->module->definition.column_count, 1000, 100);
  if (bound < 0) return SQLITE_CONSTRAINT;
  info->idxNum = bound; /* 1: the input is argument 1 of xFilter */
  return SQLITE_OK;
}

static const sqlite3_module table_module_methods = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only */
    .xConnect = table_connect,
    .xBestIndex = table_best_index,
    .xDisconnect = table_disconnect,
    .xDestroy = 0,
    .xOpen = table_open,
    .xClose = table_close,
    .xFilter = table_filter,
    .xNext = table_next,
    .xEof = table_eof,
    .xColumn = table_column,
    .xRowid = table_rowid,
};

static void table_module_free(void *pointer) {
  table_module *module = pointer;
  if (module->destroy) module->destroy(module->client);
  sqlite3_free(module);
}

int ibid_register_table_function(sqlite3 *db, const ibid_table_function *definition, void *client,
                                 void (*destroy)(void *)) {
  table_module *module = sqlite3_malloc64(sizeof(*module));
  if (!module) {
    if (destroy) destroy(client);
    return SQLITE_NOMEM;
  }
  module->definition = *definition;
  module->client = client;
  module->destroy = destroy;
  /* On failure sqlite3_create_module_v2 calls the destructor itself. */
  return sqlite3_create_module_v2(db, definition->name, &table_module_methods, module,
                                  table_module_free);
}
