/*
** sql_ingest.c -- ibid_ingest(document_id): one analysis of a document's body,
** written to the corpus tables in bulk.
**
**   SELECT layer, rows FROM ibid_ingest(7);
**   -- blocks|42
**   -- sentences|180
**   -- ...
**
** The documents_ingest trigger (sql/schema.sql) runs it once per new
** document, after the references the format gives field by field (JATS, TEI)
** are in `refs`. It reads documents.body of that document and writes the
** document's rows of blocks, sentences, notes, markers, cites, refs, cases,
** questions, findings, evidence, claims, entities and events: exactly the
** rows the table-valued functions give for the same body (ibid_blocks(body),
** ibid_notes(body), ...), in the same order, with the trigger's two rules:
** an author-year cite, or a parsed reference, that overlaps a reference the
** format gave is left out (its "(2015)" is that reference's year). One row per
** table comes back: the layer (table) and how many rows it got. A document
** with a NULL body gets no rows. It writes into the tables of `main` (where
** ibid_init() makes them); it is an eponymous table-valued function, not
** DIRECTONLY, because the trigger calls it, and not INNOCUOUS, because it
** writes (with PRAGMA trusted_schema=OFF a schema's trigger cannot call it).
**
** HOW IT WORKS
** The analysis is ext/corpus/ingest.c: each layer is computed once, from the
** text and the layers below it (the notes once, for notes, markers and
** references; the case-study analysis once, for its four tables), written,
** and freed before the next is made, so memory holds the body, one layer and
** its rows, never every extractor's rows at once as the trigger's
** INSERT ... SELECT FROM ibid_x(body) statements did (SQLite keeps each
** statement's cursor until the trigger ends). The rows are built by the same
** row builders the table-valued functions use (ibid_rows_add_*), over one
** ibid_rows whose byte -> character checkpoints serve every layer, and
** handed to SQLite without copying their text, as the result rows of this
** virtual table that one prepared INSERT ... SELECT per table reads (see
** PENDING_COLUMN below).
** The linking steps of sql/ingest.sql that a document cannot need (marked
** "-- @with cites", "-- @with refs", "-- @with structure" there: the document
** has no such rows) are left out. Two are done from the analysis's own rows
** instead, with the same statements on those rows, so that nothing is
** rewritten or read again: the works of the refs and their work_id, as the
** refs are written, when no reference the format gave is there to change
** them first (write_linked_refs; "-- @with unlinked refs"), and the citations
** of numbered in-text citations from the links the analysis found, last
** (write_markers; "-- @with links"). ibid_link runs every step as written.
**
** The statements live in the virtual table, which SQLite makes once per
** connection (eponymous) and disconnects when the connection closes, before
** it checks for unfinalized statements: prepared once (an INSERT when first
** used), used for every document, finalized with the connection. So are the sentence splitter, the
** country names and the work-key folder. No global state.
**
** Interrupts: the analysis checks between layers and inside the long parsers
** (ext/core/progress.h); the INSERTs see the interrupt themselves.
*/
#include <stdlib.h>
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

#include "convert.h"
#include "csl.h"
#include "ingest.h"
#include "ingest_sql.h"
#include "memory.h"
#include "references.h"
#include "utf8.h"

/* The parts of sql/ingest.sql, each beginning at a line "-- @name" (the
** first at the top of the file): which run when is said there. */
enum {
  PART_META,
  PART_WORK,
  PART_ROW,
  PART_ANALYSIS,
  PART_FULLTEXT,
  PART_FULLTEXT_WITHOUT_IDS,
  PART_OWN_WORK,
  PART_OWN_WORK_ROW,
  PART_CITED,
  PART_LINKED_REFS,
  PART_COUNT
};
static const char *const part_marks[PART_COUNT] = {
    0,
    "\n-- @work\n",
    "\n-- @row\n",
    "\n-- @analysis\n",
    "\n-- @fulltext\n",
    "\n-- @fulltext without ids\n",
    "\n-- @own work\n",
    "\n-- @own work row\n",
    "\n-- @cited\n",
    "\n-- @linked refs\n",
};
/* Most statements one part of sql/ingest.sql may hold. */
#define MAX_STEPS 32

/* A statement of sql/ingest.sql holding the line "-- @with cites" (or refs)
** does nothing for a document without rows in that table: ibid_ingest leaves
** it out when the analysis wrote none and (refs) the format gave none; one
** holding "-- @with structure" does nothing when the conversion left no
** structure (documents.structure is NULL: no marked references); one holding
** "-- @with links" when the analysis found no numbered in-text citation
** (ibid_reference_links of the body has no row). */
enum {
  NEEDS_CITES = 1,
  NEEDS_REFS = 2,
  NEEDS_STRUCTURE = 4,
  NEEDS_LINKS = 8,
  NEEDS_UNLINKED_REFS = 16 /* "-- @with unlinked refs": see write_linked_refs */
};

/* The tables ibid_ingest writes, in order, with the columns of the
** table-valued function whose rows they get (the same names in the table). */
enum {
  OUT_BLOCKS,
  OUT_SENTENCES,
  OUT_NOTES,
  OUT_MARKERS,
  OUT_CITES,
  OUT_REFS,
  OUT_CASES,
  OUT_QUESTIONS,
  OUT_FINDINGS,
  OUT_EVIDENCE,
  OUT_CLAIMS,
  OUT_ENTITIES,
  OUT_EVENTS,
  OUT_COUNT
};

static const struct {
  const char *table;
  const char *columns;
  int column_count;
} outputs[OUT_COUNT] = {
    {"blocks", "n, kind, level, start, length, text", 6},
    {"sentences", "n, block, start, length, text", 5},
    {"notes", "n, label, kind, start, length, text, ibid_of, locator", 8},
    {"markers", "n, marker, start, length, note_start", 5},
    {"cites",
     "n, group_n, authors, year, suffix, locator, prefix, narrative, start, length, problem", 11},
    {"refs", "note, item, start, length, text, csl, resolves_to, resolves_item, locator, work_key",
     10},
    {"cases", "n, name, case_key, heading, start, length", 6},
    {"questions", "n, label, text, start, length", 5},
    {"findings", "n, \"case\", case_key, question, finding, source, polarity, start, length", 9},
    {"evidence", "finding, citation_start, citation_length, kind, cite", 5},
    {"claims", "n, sentence, value, unit, start, length, \"check\", expected", 8},
    {"entities", "n, kind, value, text, start, length", 6},
    {"events", "n, date, sentence, start, length, relative", 6},
};

/* Items whose rows are built and written at a time (long layers). */
#define SLICE 1024

/* The rows built for a table reach SQLite as the result rows of this virtual
** table, one INSERT ... SELECT per table and slice (insert_statement):
**   INSERT OR FAIL INTO main.blocks(document_id, n, kind, ...)
**     SELECT ?1, c0, c1, ... FROM main.ibid_link WHERE pending = ?2
** with ?2 the rows, bound with sqlite3_bind_pointer as type pending_type (SQL
** cannot make such a value: from SQL, `pending` is only an error). A cursor
** given them (xFilter, plan 2) returns the rows' cells as hidden columns c0,
** c1, ... without copying their text, instead of thousands of
** sqlite3_bind_* calls per document (each takes the connection's mutex).
** They are read through ibid_link's table (the same module), not
** ibid_ingest's: a prepared statement holds the virtual table it reads, and
** ibid_ingest's table finalizes its statements only when the connection
** closes and disconnects it, which it would never do while they held it.
** The INSERTs are OR FAIL: a statement of several rows that may abort
** halfway makes SQLite copy every page it touches to a statement journal
** first, to undo the rows written before; here a failure ends the ingest, and
** the INSERT that fired it undoes all of it anyway (that copying was half of
** what a load wrote to disk, bench/ingest.py). */
#define PENDING_COLUMN 3    /* the hidden column the rows are handed through */
#define FIRST_CELL_COLUMN 4 /* c0 */
#define MAX_CELLS 11        /* c0 .. c10: the most columns a table gets (cites) */
static const char pending_type[] = "ibid_ingest_rows";

/* The rows of one INSERT: rows' rows chosen[0 .. count), or its first count
** rows when chosen is NULL. */
typedef struct pending_rows {
  const ibid_rows *rows;
  const size_t *chosen;
  size_t count;
  int columns; /* the rows' column count */
} pending_rows;

/* The refs of a document, linked as they are written (write_linked_refs):
** its steps "The works they cite" and "UPDATE refs SET work_id" of
** sql/ingest.sql (marked "-- @with unlinked refs" there), run on the rows
** before they are written instead of on the table after, and the
** refs_work_identifiers trigger of sql/schema.sql fired for the rows whose
** CSL holds a DOI or URL (the only ones its WHEN lets through), in order.
** Their statements are the part @linked refs of sql/ingest.sql, in the order
** of this enum. */
enum { LINKED_WORKS, LINKED_INSERT, LINKED_IDENTIFIERS, LINKED_MARKERS, LINKED_COUNT };

/* Columns of cites and refs holding start and length (for the overlap rule). */
#define CITES_START_COLUMN 8
#define REFS_START_COLUMN 2

typedef struct ingest_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  int ready;                          /* the statements and tools are made */
  sqlite3_stmt *raw;                  /* SELECT raw FROM documents WHERE id = ?1 */
  sqlite3_stmt *limits;               /* the connection's PDF limits (ibid_pdf_limits()) */
  sqlite3_stmt *structured;           /* the refs the format gave, already in refs */
  sqlite3_stmt *insert[OUT_COUNT];    /* the rows of each table; NULL until used */
  sqlite3_stmt *linked[LINKED_COUNT]; /* write_linked_refs's statements; NULL until used */
  sqlite3_stmt *before[MAX_STEPS];    /* sql/ingest.sql up to the analysis */
  sqlite3_stmt *after[MAX_STEPS];     /* and after it, up to the linking */
  sqlite3_stmt *link[MAX_STEPS];      /* the linking */
  int before_count, after_count, link_count;
  unsigned before_needs[MAX_STEPS], after_needs[MAX_STEPS], link_needs[MAX_STEPS]; /* NEEDS_* */
  int link_only; /* ibid_link: the linking steps alone */
  int shard;     /* main is a shard: no linking (see main_is_shard) */
  ibid_sentence_splitter *splitter;
  ibid_regions *regions;
  ibid_csl_folder *folder;
} ingest_vtab;

typedef struct ingest_cursor {
  sqlite3_vtab_cursor base; /* must be first */
  sqlite3_int64 document;
  sqlite3_int64 counts[OUT_COUNT];
  size_t row, row_count;
  const pending_rows *pending; /* plan 2: the rows an INSERT of the ingest reads */
  int analysed;                /* the analysis ran: counts are the rows it wrote */
  sqlite3_int64 refs_given;    /* rows of refs the document had before it (the format's) */
  size_t links;                /* rows of ibid_reference_links(body), found with the refs */
  ibid_rows *link_rows; /* and those rows (LINKED_MARKERS reads them), when the ingest links */
  int may_link_refs;    /* the refs may be linked as they are written (write_linked_refs) */
  int refs_linked;      /* they were: the "-- @with unlinked refs" steps are left out */
} ingest_cursor;

/* A span of a reference the format gave: [start, end) in characters. */
typedef struct span {
  double start, end;
} span;

/* Spans sorted by start, with the largest end up to each: any overlap with
** [start, end) is found by one binary search. */
typedef struct span_set {
  span *spans;
  double *reach; /* reach[i] = max end of spans[0..i] */
  size_t count;
} span_set;

static int span_compare(const void *a, const void *b) {
  double x = ((const span *)a)->start, y = ((const span *)b)->start;
  return x < y ? -1 : x > y;
}

/* Does [start, start + length) overlap a span, as the trigger's
** "x.start < g.start + g.length AND x.start + x.length > g.start" asks? */
static int span_set_overlaps(const span_set *set, double start, double length) {
  if (!set->count) return 0;
  double end = start + length;
  /* the last span whose start is below end */
  size_t low = 0, high = set->count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (set->spans[middle].start < end)
      low = middle + 1;
    else
      high = middle;
  }
  return low > 0 && set->reach[low - 1] > start;
}

/* ----- statements ---------------------------------------------------------- */

static void vtab_error(ingest_vtab *vtab, const char *format, const char *detail) {
  sqlite3_free(vtab->base.zErrMsg);
  vtab->base.zErrMsg = sqlite3_mprintf(format, detail);
}

static int prepare(ingest_vtab *vtab, const char *sql, sqlite3_stmt **statement) {
  int rc = sqlite3_prepare_v3(vtab->db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, 0);
  if (rc != SQLITE_OK)
    vtab_error(vtab, "ibid_ingest: %s (run SELECT ibid_init() first)", sqlite3_errmsg(vtab->db));
  return rc;
}

static void release_all(ingest_vtab *vtab) {
  sqlite3_finalize(vtab->raw);
  sqlite3_finalize(vtab->limits);
  sqlite3_finalize(vtab->structured);
  for (int i = 0; i < OUT_COUNT; i++) sqlite3_finalize(vtab->insert[i]);
  for (int i = 0; i < LINKED_COUNT; i++) sqlite3_finalize(vtab->linked[i]);
  for (int i = 0; i < vtab->before_count; i++) sqlite3_finalize(vtab->before[i]);
  for (int i = 0; i < vtab->after_count; i++) sqlite3_finalize(vtab->after[i]);
  for (int i = 0; i < vtab->link_count; i++) sqlite3_finalize(vtab->link[i]);
  vtab->before_count = vtab->after_count = vtab->link_count = 0;
  ibid_sentence_splitter_free(vtab->splitter);
  ibid_regions_free(vtab->regions);
  ibid_csl_folder_close(vtab->folder);
  vtab->raw = vtab->limits = vtab->structured = 0;
  memset(vtab->insert, 0, sizeof(vtab->insert));
  memset(vtab->linked, 0, sizeof(vtab->linked));
  vtab->splitter = 0;
  vtab->regions = 0;
  vtab->folder = 0;
  vtab->ready = 0;
}

/* Prepares the statements of sql[0..length) into steps (comments and white
** space between them skipped). */
static int prepare_steps(ingest_vtab *vtab, const char *sql, size_t length, sqlite3_stmt **steps,
                         unsigned *needs, int *count) {
  const char *at = sql, *end = sql + length;
  while (at < end) {
    sqlite3_stmt *statement = 0;
    const char *tail = 0;
    int rc = sqlite3_prepare_v3(vtab->db, at, (int)(end - at), SQLITE_PREPARE_PERSISTENT,
                                &statement, &tail);
    if (rc != SQLITE_OK) {
      vtab_error(vtab, "ibid_ingest: sql/ingest.sql: %s (run SELECT ibid_init() first)",
                 sqlite3_errmsg(vtab->db));
      return rc;
    }
    if (!statement) break; /* only comments left */
    if (*count == MAX_STEPS) {
      sqlite3_finalize(statement);
      vtab_error(vtab, "%s", "ibid_ingest: internal error: too many steps in sql/ingest.sql");
      return SQLITE_ERROR;
    }
    const char *text = sqlite3_sql(statement);
    needs[*count] = (strstr(text, "\n  -- @with cites\n") ? NEEDS_CITES : 0) |
                    (strstr(text, "\n  -- @with refs\n") ? NEEDS_REFS : 0) |
                    (strstr(text, "\n  -- @with structure\n") ? NEEDS_STRUCTURE : 0) |
                    (strstr(text, "\n  -- @with links\n") ? NEEDS_LINKS : 0) |
                    (strstr(text, "\n  -- @with unlinked refs\n") ? NEEDS_UNLINKED_REFS : 0);
    steps[(*count)++] = statement;
    at = tail;
  }
  return SQLITE_OK;
}

/* Prepares the statements of the parts of sql/ingest.sql named in `parts`
** (PART_COUNT ends the list) into steps, in that order. */
static int prepare_parts(ingest_vtab *vtab, const char *const *starts, const int *parts,
                         sqlite3_stmt **steps, unsigned *needs, int *count) {
  int rc = SQLITE_OK;
  for (int i = 0; parts[i] != PART_COUNT && rc == SQLITE_OK; i++) {
    const char *start = starts[parts[i]];
    const char *end = parts[i] + 1 < PART_COUNT ? starts[parts[i] + 1]
                                                : ibid_ingest_sql + strlen(ibid_ingest_sql);
    rc = prepare_steps(vtab, start, (size_t)(end - start), steps, needs, count);
  }
  return rc;
}

/* Does the query `sql` give a row? (A question about main's layout.) */
static int query_has_row(ingest_vtab *vtab, const char *sql, int *found) {
  sqlite3_stmt *statement = 0;
  int rc = prepare(vtab, sql, &statement);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_finalize(statement);
  return rc;
}

/* Does main.blocks have ids (the fulltext rowids)? A database made by 0.5 or
** before has blocks WITHOUT ROWID, and a fulltext with its own copy. */
static const char blocks_have_ids[] =
    "SELECT 1 FROM pragma_table_info('blocks', 'main') WHERE name = 'id' AND pk = 1";

/* Is main a shard (a share of the files that sql/merge.sql will add to a
** corpus: `ibid load -j`, tools/ibid_parallel_load.py, tools/ibid_dask.py)?
** Its builders make `fulltext` a plain table. The merge runs the linking
** steps again against the merged corpus and copies none of what they wrote
** in the shard, so a shard's ingest leaves them out. */
static const char main_is_shard[] =
    "SELECT 1 FROM main.sqlite_schema WHERE name = 'fulltext' AND type = 'table'"
    " AND sql NOT LIKE 'CREATE VIRTUAL%'";

static int make_ready(ingest_vtab *vtab) {
  if (vtab->ready) return SQLITE_OK;
  const char *starts[PART_COUNT];
  starts[PART_META] = ibid_ingest_sql;
  for (int i = 1; i < PART_COUNT; i++) {
    starts[i] = strstr(starts[i - 1], part_marks[i]);
    if (!starts[i]) {
      vtab_error(vtab, "%s", "ibid_ingest: internal error: sql/ingest.sql lacks its marks");
      return SQLITE_ERROR;
    }
  }
  int with_ids = 0;
  int rc = query_has_row(vtab, blocks_have_ids, &with_ids);
  int fulltext = with_ids ? PART_FULLTEXT : PART_FULLTEXT_WITHOUT_IDS;
  /* the linking: ibid_link chooses the document's work too, which ibid_ingest
  ** did before it wrote the row */
  int shard = 0;
  if (rc == SQLITE_OK && !vtab->link_only) rc = query_has_row(vtab, main_is_shard, &shard);
  vtab->shard = shard;
  const int link_parts[] = {fulltext, PART_CITED, PART_COUNT};
  const int shard_link_parts[] = {PART_COUNT}; /* the merge links */
  const int link_only_parts[] = {fulltext,          PART_OWN_WORK, PART_WORK,
                                 PART_OWN_WORK_ROW, PART_CITED,    PART_COUNT};
  if (rc == SQLITE_OK)
    rc = prepare_parts(vtab, starts,
                       vtab->link_only ? link_only_parts
                       : shard         ? shard_link_parts
                                       : link_parts,
                       vtab->link, vtab->link_needs, &vtab->link_count);
  if (vtab->link_only) {
    if (rc != SQLITE_OK) {
      release_all(vtab);
      return rc;
    }
    vtab->ready = 1;
    return SQLITE_OK;
  }
  const int before_parts[] = {PART_META, PART_WORK, PART_ROW, PART_COUNT};
  const int after_parts[] = {PART_ANALYSIS, PART_COUNT};
  if (rc == SQLITE_OK)
    rc = prepare_parts(vtab, starts, before_parts, vtab->before, vtab->before_needs,
                       &vtab->before_count);
  if (rc == SQLITE_OK)
    rc = prepare_parts(vtab, starts, after_parts, vtab->after, vtab->after_needs,
                       &vtab->after_count);
  if (rc == SQLITE_OK)
    rc = prepare(vtab, "SELECT raw FROM main.documents WHERE id = ?1", &vtab->raw);
  if (rc == SQLITE_OK)
    rc = prepare(vtab, "SELECT ibid_pdf_limits() ->> 'seconds', ibid_pdf_limits() ->> 'megabytes'",
                 &vtab->limits);
  if (rc == SQLITE_OK)
    rc = prepare(vtab, "SELECT start, length FROM main.refs WHERE document_id = ?1",
                 &vtab->structured);
  if (rc != SQLITE_OK) {
    release_all(vtab);
    return rc;
  }
  vtab->splitter = ibid_sentence_splitter_new();
  vtab->regions = ibid_regions_new();
  vtab->folder = ibid_csl_folder_open(); /* NULL when ICU fails: no work keys, as ibid_references */
  if (!vtab->splitter || !vtab->regions) {
    release_all(vtab);
    vtab_error(vtab, "ibid_ingest: %s", "ICU or memory failed");
    return SQLITE_ERROR;
  }
  vtab->ready = 1;
  return SQLITE_OK;
}

/* ----- one document --------------------------------------------------------- */

typedef struct ingest_run {
  ingest_vtab *vtab;
  ingest_cursor *cursor;
  ibid_rows *rows;
  span_set structured;
} ingest_run;

/* The INSERT of the rows of table `out` (see PENDING_COLUMN), prepared when
** first asked for. */
static sqlite3_stmt *insert_statement(ingest_vtab *vtab, int out) {
  if (vtab->insert[out]) return vtab->insert[out];
  sqlite3_str *sql = sqlite3_str_new(vtab->db);
  sqlite3_str_appendf(sql, "INSERT OR FAIL INTO main.%s(document_id, %s) SELECT ?1",
                      outputs[out].table, outputs[out].columns);
  for (int k = 0; k < outputs[out].column_count; k++) sqlite3_str_appendf(sql, ", c%d", k);
  sqlite3_str_appendall(sql, " FROM main.ibid_link WHERE pending = ?2");
  char *text = sqlite3_str_finish(sql);
  if (!text) return 0;
  sqlite3_stmt *statement = 0;
  if (prepare(vtab, text, &statement) == SQLITE_OK) vtab->insert[out] = statement;
  sqlite3_free(text);
  return statement;
}

/* Runs `statement` (a table's INSERT of rows, or one of @linked refs) with
** ?1 the document and ?2, when it has one, the rows `pending`. */
static int step_pending(sqlite3_stmt *statement, sqlite3_int64 document,
                        const pending_rows *pending) {
  int rc = sqlite3_bind_int64(statement, 1, document);
  if (rc == SQLITE_OK && sqlite3_bind_parameter_count(statement) >= 2)
    rc = sqlite3_bind_pointer(statement, 2, (void *)pending, pending_type, 0);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement); /* the pointer to `pending` goes with it */
  return rc;
}

/* Linked statement `which` (the part @linked refs of sql/ingest.sql), the
** part's statements prepared when one is first asked for; NULL on error. */
static sqlite3_stmt *linked_statement(ingest_vtab *vtab, int which) {
  if (!vtab->linked[0]) {
    const char *start = strstr(ibid_ingest_sql, part_marks[PART_LINKED_REFS]);
    sqlite3_stmt *steps[MAX_STEPS];
    unsigned needs[MAX_STEPS];
    int count = 0;
    int rc = start ? prepare_steps(vtab, start, strlen(start), steps, needs, &count) : SQLITE_ERROR;
    if (rc == SQLITE_OK && count != LINKED_COUNT) {
      vtab_error(vtab, "%s", "ibid_ingest: internal error: sql/ingest.sql's @linked refs");
      rc = SQLITE_ERROR;
    }
    if (rc != SQLITE_OK) {
      for (int i = 0; i < count; i++) sqlite3_finalize(steps[i]);
      return 0;
    }
    memcpy(vtab->linked, steps, sizeof(vtab->linked));
  }
  return vtab->linked[which];
}

/* Does the bytes[0..length) hold `word`? */
static int holds(const char *bytes, size_t length, const char *word) {
  size_t size = strlen(word);
  for (size_t i = 0; i + size <= length; i++)
    if (bytes[i] == word[0] && memcmp(bytes + i, word, size) == 0) return 1;
  return 0;
}

/* Writes the refs of a document whose refs table had none (no reference
** the format gave) with their work_id, as the linking steps marked "-- @with
** unlinked refs" in sql/ingest.sql would set it afterwards, which are then
** left out: the works they name first (the same rows, in the same order, as
** that step's INSERT INTO works, which the steps before it in the linking
** cannot change for such a document), then the rows, each with the work of
** its work key; the refs_work_identifiers trigger, which that step's UPDATE
** fired for each row, is fired by an UPDATE of the rows it lets through, in
** the same order, when a row's CSL may name a DOI or URL (else it lets none).
** Saves rewriting every row after it was written. */
static int write_linked_refs(ingest_run *run, const pending_rows *pending) {
  ingest_vtab *vtab = run->vtab;
  sqlite3_stmt *works = linked_statement(vtab, LINKED_WORKS);
  sqlite3_stmt *insert = works ? linked_statement(vtab, LINKED_INSERT) : 0;
  sqlite3_stmt *identifiers = insert ? linked_statement(vtab, LINKED_IDENTIFIERS) : 0;
  if (!identifiers) return vtab->base.zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
  int rc = step_pending(works, run->cursor->document, pending);
  if (rc == SQLITE_OK) rc = step_pending(insert, run->cursor->document, pending);
  if (rc != SQLITE_OK) return rc;
  run->cursor->refs_linked = 1;
  /* a "DOI" or "URL" member (or an escape that could spell either) in a row
  ** the trigger's WHEN may let through (resolves_to, c6, is NULL where its
  ** cell's integer is 0: add_row) */
  const ibid_rows *rows = pending->rows;
  int identified = 0;
  for (size_t r = 0; r < pending->count && !identified; r++) {
    size_t row = pending->chosen ? pending->chosen[r] : r, csl_length, key_length;
    const char *csl = ibid_rows_cell_text(rows, row, 5, &csl_length);
    identified = csl && ibid_rows_cell_text(rows, row, 9, &key_length) &&
                 !ibid_rows_cell_int(rows, row, 6) &&
                 (holds(csl, csl_length, "\"DOI\"") || holds(csl, csl_length, "\"URL\"") ||
                  holds(csl, csl_length, "\\u"));
  }
  /* (one UPDATE of the document's rows: a statement per row costs more) */
  if (identified) rc = step_pending(identifiers, run->cursor->document, pending);
  return rc;
}

/* Keeps the rows of ibid_reference_links(text) the analysis found, links[0
** .. count), for write_markers: entry, start, length, entry_start,
** entry_length (the spans in characters, as the function gives them). */
static int keep_links(ingest_run *run, const char *text, size_t length,
                      const ibid_reference_link *links, size_t count) {
  ibid_rows *kept = ibid_rows_new(run->vtab->db, text, length, 5);
  if (!kept) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    rc = ibid_rows_int(kept, links[k].label);
    if (rc == SQLITE_OK) rc = ibid_rows_span(kept, links[k].start, links[k].length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(kept, links[k].entry_start, links[k].entry_length);
  }
  if (rc != SQLITE_OK) {
    ibid_rows_free(kept);
    return rc;
  }
  /* (its cells are integers: nothing in it reads the text once it is freed) */
  run->cursor->link_rows = kept;
  return SQLITE_OK;
}

/* The last linking step of sql/ingest.sql (marked "-- @with links"), which
** is left out then, from the links keep_links kept instead of reading the
** body again: the citations of the numbered in-text citations. */
static int write_markers(ingest_vtab *vtab, ingest_cursor *cursor) {
  sqlite3_stmt *markers = linked_statement(vtab, LINKED_MARKERS);
  if (!markers) return vtab->base.zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
  pending_rows pending = {cursor->link_rows, 0, ibid_rows_count(cursor->link_rows), 5};
  int rc = step_pending(markers, cursor->document, &pending);
  if (rc != SQLITE_OK && rc != SQLITE_INTERRUPT && rc != SQLITE_NOMEM && !vtab->base.zErrMsg)
    vtab_error(vtab, "ibid_ingest: %s", sqlite3_errmsg(vtab->db));
  return rc;
}

/* Writes the rows built for table `out`, leaving out those whose span
** (columns skip_column, skip_column + 1) overlaps a structured reference
** when skip_column >= 0, then clears them for the next table. */
static int write_rows(ingest_run *run, int out, int skip_column) {
  ibid_rows *rows = run->rows;
  if (!ibid_rows_complete(rows)) {
    vtab_error(run->vtab, "ibid_ingest: internal error: incomplete row of %s", outputs[out].table);
    return SQLITE_ERROR;
  }
  int rc = SQLITE_OK;
  size_t count = ibid_rows_count(rows);
  pending_rows pending = {rows, 0, count, outputs[out].column_count};
  size_t *chosen = 0;
  if (skip_column >= 0 && run->structured.count && count) {
    chosen = ibid_malloc(count * sizeof(size_t));
    if (!chosen) {
      rc = SQLITE_NOMEM;
    } else {
      pending.chosen = chosen;
      pending.count = 0;
      for (size_t r = 0; r < count; r++)
        if (!span_set_overlaps(&run->structured, (double)ibid_rows_cell_int(rows, r, skip_column),
                               (double)ibid_rows_cell_int(rows, r, skip_column + 1)))
          chosen[pending.count++] = r;
    }
  }
  if (rc == SQLITE_OK && pending.count && out == OUT_REFS && run->cursor->may_link_refs &&
      !run->cursor->refs_given) {
    rc = write_linked_refs(run, &pending);
    if (rc == SQLITE_OK) run->cursor->counts[out] += (sqlite3_int64)pending.count;
  } else if (rc == SQLITE_OK && pending.count) {
    sqlite3_stmt *insert = insert_statement(run->vtab, out);
    if (!insert) {
      rc = run->vtab->base.zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
    } else {
      rc = step_pending(insert, run->cursor->document, &pending);
      if (rc == SQLITE_OK) run->cursor->counts[out] += (sqlite3_int64)pending.count;
    }
  }
  ibid_free(chosen);
  if (rc != SQLITE_OK && rc != SQLITE_INTERRUPT && rc != SQLITE_NOMEM && !run->vtab->base.zErrMsg)
    vtab_error(run->vtab, "ibid_ingest: %s", sqlite3_errmsg(run->vtab->db));
  ibid_rows_clear(rows, outputs[out].column_count);
  return rc;
}

/* The references the format gave (already in refs): their character spans. */
static int read_structured(ingest_run *run) {
  sqlite3_stmt *select = run->vtab->structured;
  span_set *set = &run->structured;
  size_t capacity = 0;
  int rc = sqlite3_bind_int64(select, 1, run->cursor->document);
  while (rc == SQLITE_OK && (rc = sqlite3_step(select)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    run->cursor->refs_given++;
    if (sqlite3_column_type(select, 0) == SQLITE_NULL ||
        sqlite3_column_type(select, 1) == SQLITE_NULL)
      continue; /* no span */
    if (set->count == capacity) {
      capacity = capacity ? capacity * 2 : 16;
      span *spans = ibid_realloc(set->spans, capacity * sizeof(span));
      if (!spans) {
        rc = SQLITE_NOMEM;
        break;
      }
      set->spans = spans;
    }
    double start = sqlite3_column_double(select, 0);
    set->spans[set->count].start = start;
    set->spans[set->count].end = start + sqlite3_column_double(select, 1);
    set->count++;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM && rc != SQLITE_INTERRUPT)
    vtab_error(run->vtab, "ibid_ingest: %s", sqlite3_errmsg(run->vtab->db));
  sqlite3_reset(select);
  if (rc != SQLITE_OK || !set->count) return rc;
  qsort(set->spans, set->count, sizeof(span), span_compare);
  set->reach = ibid_malloc(set->count * sizeof(double));
  if (!set->reach) return SQLITE_NOMEM;
  for (size_t i = 0; i < set->count; i++)
    set->reach[i] =
        i && set->reach[i - 1] > set->spans[i].end ? set->reach[i - 1] : set->spans[i].end;
  return SQLITE_OK;
}

/* An analysis status as an SQLite result code (and message). */
static int analysis_rc(ingest_run *run, ibid_analysis_status status, const char *layer) {
  switch (status) {
    case IBID_ANALYSIS_OK:
      return SQLITE_OK;
    case IBID_ANALYSIS_INTERRUPTED:
      return SQLITE_INTERRUPT;
    case IBID_ANALYSIS_ICU:
      vtab_error(run->vtab, "ibid_ingest: %s: ICU sentence iterator failed (text too long?)",
                 layer);
      return SQLITE_ERROR;
    default:
      return SQLITE_NOMEM;
  }
}

/* Builds the rows of each layer and writes them, layer by layer. */
static int ingest_body(ingest_run *run, const char *text, size_t length) {
  ingest_vtab *vtab = run->vtab;
  ibid_rows *rows = run->rows;
  ibid_analysis analysis;
  ibid_analysis_tools tools = {vtab->splitter, vtab->regions, ibid_rows_progress(rows)};
  ibid_analysis_start(&analysis, text, length, &tools);
  ibid_analysis *a = &analysis;
  int rc = read_structured(run);

#define LAYER(layer, name) \
  if (rc == SQLITE_OK) rc = analysis_rc(run, ibid_analysis_compute(a, layer), name)
/* the rows of table `out` built by `call` at once */
#define ROWS(out, call, skip)                             \
  if (rc == SQLITE_OK) {                                  \
    ibid_rows_clear(rows, outputs[out].column_count);     \
    rc = (call);                                          \
    if (rc == SQLITE_OK) rc = write_rows(run, out, skip); \
  }
/* the rows of items [from, to) built and written SLICE items at a time, so
** that a long layer never has all its rows at once beside its items */
#define SLICED(out, count, call, skip)                                      \
  if (rc == SQLITE_OK) ibid_rows_clear(rows, outputs[out].column_count);    \
  for (size_t from = 0, to; rc == SQLITE_OK && from < (count); from = to) { \
    to = (count)-from > SLICE ? from + SLICE : (count);                     \
    rc = (call);                                                            \
    if (rc == SQLITE_OK) rc = write_rows(run, out, skip);                   \
  }

  LAYER(IBID_LAYER_BLOCKS, "blocks");
  SLICED(OUT_BLOCKS, a->block_count, ibid_rows_add_blocks(rows, a->blocks, from, to), -1);

  /* sentences, cites, notes and markers: the lower layers, built once (the
  ** sentence split reads the blocks above instead of finding them again) */
  LAYER(IBID_LAYER_LOWER, "sentences");
  ibid_analysis_release(a, IBID_LAYER_BLOCKS);
  ibid_layers *lower = &a->lower;
  SLICED(OUT_SENTENCES, lower->sentence_count,
         ibid_rows_add_sentences(rows, lower->sentences, from, to), -1);
  ROWS(OUT_NOTES, ibid_rows_add_notes(rows, lower->notes, lower->note_count), -1);
  ROWS(OUT_MARKERS, ibid_rows_add_markers(rows, lower->notes, lower->markers, lower->marker_count),
       -1);
  SLICED(OUT_CITES, lower->cite_count, ibid_rows_add_cites(rows, lower->cites, from, to),
         CITES_START_COLUMN);
  /* references from the same notes, and the numbered in-text citations
  ** (kept for write_markers, unless the document is not linked here) */
  ibid_reference_link *links = 0;
  ROWS(OUT_REFS,
       ibid_rows_add_references(rows, vtab->folder, text, length, lower->notes, lower->note_count,
                                &links, &run->cursor->links),
       REFS_START_COLUMN);
  if (rc == SQLITE_OK && links && run->cursor->links && !vtab->shard)
    rc = keep_links(run, text, length, links, run->cursor->links);
  ibid_free(links);

  LAYER(IBID_LAYER_FINDINGS, "findings");
  ROWS(OUT_CASES, ibid_rows_add_cases(rows, &a->findings), -1);
  ROWS(OUT_QUESTIONS, ibid_rows_add_questions(rows, &a->findings), -1);
  ROWS(OUT_FINDINGS, ibid_rows_add_findings(rows, &a->findings), -1);
  ROWS(OUT_EVIDENCE, ibid_rows_add_evidence(rows, &a->findings), -1);
  ibid_analysis_release(a, IBID_LAYER_FINDINGS);

  LAYER(IBID_LAYER_CLAIMS, "claims");
  SLICED(OUT_CLAIMS, a->claim_count, ibid_rows_add_claims(rows, a->claims, from, to), -1);
  ibid_analysis_release(a, IBID_LAYER_CLAIMS);

  LAYER(IBID_LAYER_ENTITIES, "entities");
  SLICED(OUT_ENTITIES, a->entity_count, ibid_rows_add_entities(rows, a->entities, from, to), -1);
  ibid_analysis_release(a, IBID_LAYER_ENTITIES);

  LAYER(IBID_LAYER_EVENTS, "events");
  SLICED(OUT_EVENTS, a->event_count, ibid_rows_add_events(rows, a->events, from, to), -1);
  ibid_analysis_release(a, IBID_LAYER_EVENTS);
  ibid_analysis_release(a, IBID_LAYER_LOWER);

#undef LAYER
#undef ROWS
#undef SLICED
  ibid_analysis_free(a);
  if (ibid_progress_stopped(ibid_rows_progress(rows))) rc = SQLITE_INTERRUPT;
  return rc;
}

/* Binds column `column` of the row `from` holds as parameter `index` of
** `to`, without a copy (`from` is reset only after `to` has run). */
static int hand_over_value(sqlite3_stmt *from, int column, sqlite3_stmt *to, int index) {
  switch (sqlite3_column_type(from, column)) {
    case SQLITE_INTEGER:
      return sqlite3_bind_int64(to, index, sqlite3_column_int64(from, column));
    case SQLITE_FLOAT:
      return sqlite3_bind_double(to, index, sqlite3_column_double(from, column));
    case SQLITE_TEXT: {
      const unsigned char *text = sqlite3_column_text(from, column);
      if (!text) return SQLITE_NOMEM;
      return sqlite3_bind_text64(to, index, (const char *)text,
                                 (sqlite3_uint64)sqlite3_column_bytes(from, column), SQLITE_STATIC,
                                 SQLITE_UTF8);
    }
    case SQLITE_BLOB:
      return sqlite3_bind_blob64(to, index, sqlite3_column_blob(from, column),
                                 (sqlite3_uint64)sqlite3_column_bytes(from, column), SQLITE_STATIC);
    default:
      return sqlite3_bind_null(to, index);
  }
}

/* Binds the columns of the row `from` holds to `to`: the first as ?2, the
** second as ?8, the third as ?9 (?3 .. ?7 are the converted document's). */
static int hand_over(sqlite3_stmt *from, sqlite3_stmt *to) {
  int parameters = sqlite3_bind_parameter_count(to), columns = sqlite3_column_count(from);
  int rc = SQLITE_OK;
  for (int column = 0; column < columns && column < 3 && rc == SQLITE_OK; column++) {
    int index = column ? 7 + column : 2;
    if (index <= parameters) rc = hand_over_value(from, column, to, index);
  }
  return rc;
}

/* The document's raw file converted, as ibid_convert(raw) converts it: the
** parts sql/ingest.sql reads as ?3 .. ?7 up to "-- @analysis" (see there). */
typedef struct converted {
  int found;               /* the document's row is there */
  int converted;           /* raw was TEXT or BLOB, and was converted */
  sqlite3_int64 raw_bytes; /* bytes of raw; -1 when NULL */
  ibid_document document;  /* its body is the text every extractor reads */
  char *structure;         /* ibid_convert(raw) without body and format; NULL for {} */
  size_t structure_length;
} converted;

/* The PDF limits ibid_convert uses on this connection (ibid_pdf_limits()). */
static int read_limits(ingest_vtab *vtab, ibid_pdf_limits *limits) {
  sqlite3_stmt *select = vtab->limits;
  int rc = sqlite3_step(select);
  if (rc == SQLITE_ROW) {
    limits->seconds = sqlite3_column_double(select, 0);
    limits->megabytes = sqlite3_column_double(select, 1);
    rc = SQLITE_OK;
  } else if (rc != SQLITE_INTERRUPT && rc != SQLITE_NOMEM) {
    vtab_error(vtab, "ibid_ingest: %s", sqlite3_errmsg(vtab->db));
  }
  sqlite3_reset(select);
  return rc;
}

/* Reads documents.raw and converts it (the raw file is freed when this
** returns: only the document's parts are kept). */
static int convert_raw(ingest_vtab *vtab, sqlite3_int64 document, converted *c) {
  ibid_pdf_limits limits = {IBID_PDF_DEFAULT_SECONDS, IBID_PDF_DEFAULT_MEGABYTES};
  sqlite3_stmt *select = vtab->raw;
  c->raw_bytes = -1;
  int rc = read_limits(vtab, &limits);
  if (rc == SQLITE_OK) rc = sqlite3_bind_int64(select, 1, document);
  if (rc == SQLITE_OK) rc = sqlite3_step(select);
  if (rc == SQLITE_DONE) rc = SQLITE_OK; /* no such document: nothing to convert */
  if (rc != SQLITE_ROW) {
    if (rc != SQLITE_OK && rc != SQLITE_INTERRUPT && rc != SQLITE_NOMEM && !vtab->base.zErrMsg)
      vtab_error(vtab, "ibid_ingest: %s", sqlite3_errmsg(vtab->db));
    sqlite3_reset(select);
    return rc;
  }
  c->found = 1;
  int type = sqlite3_column_type(select, 0);
  if (type == SQLITE_NULL) {
    sqlite3_reset(select);
    return SQLITE_OK;
  }
  if (type != SQLITE_TEXT && type != SQLITE_BLOB) { /* ibid_convert's own message */
    vtab_error(vtab, "ibid_convert: the document must be TEXT or BLOB, not %s",
               type == SQLITE_INTEGER ? "an integer" : "a real number");
    sqlite3_reset(select);
    return SQLITE_ERROR;
  }
  const char *bytes = type == SQLITE_BLOB ? (const char *)sqlite3_column_blob(select, 0)
                                          : (const char *)sqlite3_column_text(select, 0);
  size_t length = (size_t)sqlite3_column_bytes(select, 0);
  if (!bytes) {
    if (sqlite3_errcode(vtab->db) == SQLITE_NOMEM) {
      sqlite3_reset(select);
      return SQLITE_NOMEM;
    }
    bytes = "";
    length = 0;
  }
  c->raw_bytes = (sqlite3_int64)length;
  c->converted = 1;
  /* as ibid_convert: converters that check it stop when the connection is interrupted */
  ibid_sql_probe probe;
  ibid_sql_probe_start(&probe, vtab->db);
  ibid_progress progress = {
      .check = ibid_sql_progress_check, .context = &probe, .countdown = IBID_PROGRESS_INTERVAL};
  c->document.progress = &progress;
  int failed = ibid_progress_step(&progress, length)
                   ? -1
                   : ibid_convert_document_limited(bytes, length, &limits, &c->document);
  ibid_sql_probe_finish(&probe);
  c->document.progress = 0;
  sqlite3_reset(select);
  if (progress.stopped) return SQLITE_INTERRUPT;
  if (failed) return SQLITE_NOMEM;
  c->structure = ibid_document_structure_json(&c->document, &c->structure_length);
  if (!c->structure) return SQLITE_NOMEM;
  /* the body is held until the analysis is done: no more than its length */
  ibid_buffer *body = &c->document.body;
  if (body->data && body->capacity > body->length + 1) {
    char *exact = ibid_realloc(body->data, body->length + 1);
    if (exact) {
      body->data = exact;
      body->capacity = body->length + 1;
    }
  }
  if (c->structure_length <= 2) { /* {} */
    ibid_free(c->structure);
    c->structure = 0;
  }
  return SQLITE_OK;
}

/* Binds the converted document's parts as ?3 .. ?7 of a step that has them,
** without copying them. */
static int bind_converted(sqlite3_stmt *step, const converted *c) {
  int count = sqlite3_bind_parameter_count(step);
  const ibid_document *d = &c->document;
  const char *format = c->converted ? ibid_format_name(d->format) : 0;
  int rc = SQLITE_OK;
  if (count >= 3 && format) rc = sqlite3_bind_text(step, 3, format, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK && count >= 4 && c->converted && d->body.length)
    rc = sqlite3_bind_text64(step, 4, d->body.data, (sqlite3_uint64)d->body.length, SQLITE_STATIC,
                             SQLITE_UTF8);
  if (rc == SQLITE_OK && count >= 5 && c->structure)
    rc = sqlite3_bind_text64(step, 5, c->structure, (sqlite3_uint64)c->structure_length,
                             SQLITE_STATIC, SQLITE_UTF8);
  if (rc == SQLITE_OK && count >= 6 && c->converted && d->error)
    rc = sqlite3_bind_text(step, 6, d->error, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK && count >= 7 && c->raw_bytes >= 0)
    rc = sqlite3_bind_int64(step, 7, c->raw_bytes);
  return rc;
}

/* Runs steps with ?1 bound to the document (and, with c, the converted
** document's parts as ?3 .. ?7). A step that returns a row hands it to the
** next (hand_over) and stays on that row, with the steps before it in the
** chain (the row may be the values they handed over); a step that writes
** and returns no row hands on what it was handed, when the next step takes
** ?2 or more. The chain ends at any other step that returns no row: then all
** of its steps are reset, and whatever they read (the raw file, the body,
** JSON) is freed before the next step runs. Messages are the statements'
** own, as the trigger's were. */
static int run_steps(ingest_vtab *vtab, sqlite3_stmt **steps, const unsigned *needs, int count,
                     unsigned absent, sqlite3_int64 document, const converted *c) {
  int rc = SQLITE_OK;
  int chain = 0;   /* steps[chain .. i) are on their rows, or wrote */
  int source = -1; /* the last of them that returned a row: what step i is handed */
  for (int i = 0; i < count && rc == SQLITE_OK; i++) {
    if ((needs[i] & absent) && source < 0) { /* nothing to do: as if it had run */
      for (int k = i - 1; k >= chain; k--) sqlite3_reset(steps[k]);
      chain = i + 1;
      continue;
    }
    rc = sqlite3_bind_int64(steps[i], 1, document);
    if (rc == SQLITE_OK) {
      if (source >= 0)
        rc = hand_over(steps[source], steps[i]);
      else if (sqlite3_bind_parameter_count(steps[i]) >= 2)
        rc = sqlite3_bind_null(steps[i], 2);
    }
    if (rc == SQLITE_OK && c) rc = bind_converted(steps[i], c);
    if (rc == SQLITE_OK) rc = sqlite3_step(steps[i]);
    if (rc == SQLITE_ROW) {
      rc = SQLITE_OK;
      source = i;
      continue;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    if (rc != SQLITE_OK && rc != SQLITE_INTERRUPT && rc != SQLITE_NOMEM)
      vtab_error(vtab, "%s", sqlite3_errmsg(vtab->db));
    if (rc == SQLITE_OK && source >= 0 && !sqlite3_stmt_readonly(steps[i]) && i + 1 < count &&
        sqlite3_bind_parameter_count(steps[i + 1]) >= 2)
      continue; /* a write in the chain: the next step is handed what it was */
    for (int k = i; k >= chain; k--) sqlite3_reset(steps[k]); /* the consumer first */
    chain = i + 1;
    source = -1;
  }
  for (int k = count - 1; k >= chain; k--) sqlite3_reset(steps[k]);
  for (int k = 0; k < count; k++) sqlite3_clear_bindings(steps[k]);
  return rc;
}

/* The analysis of the body, written to every derived table. */
static int analyse_document(ingest_vtab *vtab, ingest_cursor *cursor, const char *text,
                            size_t length);

static int ingest_document(ingest_vtab *vtab, ingest_cursor *cursor) {
  int rc = make_ready(vtab);
  unsigned absent = 0; /* NEEDS_* the document has no rows for (ibid_link: none known) */
  if (rc == SQLITE_OK && !vtab->link_only) {
    converted c;
    memset(&c, 0, sizeof(c));
    ibid_document_init(&c.document);
    rc = convert_raw(vtab, cursor->document, &c);
    if (!c.structure) absent |= NEEDS_STRUCTURE; /* the row's structure is json(NULL) */
    /* nothing the format gave can change the refs before they are linked */
    cursor->may_link_refs = !c.structure && !vtab->shard;
    if (rc == SQLITE_OK)
      rc = run_steps(vtab, vtab->before, vtab->before_needs, vtab->before_count, absent,
                     cursor->document, &c);
    ibid_free(c.structure);
    c.structure = 0;
    /* the body as the row now holds it; the analysis reads it here, not again from the row */
    if (rc == SQLITE_OK && c.found && c.converted && c.document.body.length)
      rc = analyse_document(vtab, cursor, c.document.body.data, c.document.body.length);
    ibid_document_free(&c.document);
    /* the steps that need cites or refs, when the document has none, or its structure */
    if (cursor->analysed) {
      if (!cursor->counts[OUT_CITES]) absent |= NEEDS_CITES;
      if (!cursor->counts[OUT_REFS] && !cursor->refs_given) absent |= NEEDS_REFS;
      if (!cursor->links || cursor->link_rows) absent |= NEEDS_LINKS; /* see write_markers */
    }
    if (cursor->refs_linked) absent |= NEEDS_UNLINKED_REFS;
    if (rc == SQLITE_OK)
      rc = run_steps(vtab, vtab->after, vtab->after_needs, vtab->after_count, absent,
                     cursor->document, 0);
  }
  if (rc == SQLITE_OK)
    rc = run_steps(vtab, vtab->link, vtab->link_needs, vtab->link_count, absent, cursor->document,
                   0);
  /* the step left out for it, the last, when the document has refs */
  if (rc == SQLITE_OK && cursor->link_rows && !(absent & NEEDS_REFS))
    rc = write_markers(vtab, cursor);
  ibid_rows_free(cursor->link_rows);
  cursor->link_rows = 0;
  return rc;
}

static int analyse_document(ingest_vtab *vtab, ingest_cursor *cursor, const char *text,
                            size_t length) {
  size_t bad;
  if (!ibid_utf8_valid(text, length, &bad)) {
    sqlite3_free(vtab->base.zErrMsg);
    vtab->base.zErrMsg = sqlite3_mprintf("ibid_ingest: invalid UTF-8 at byte %lld (0x%02x)",
                                         (long long)bad, (unsigned)(unsigned char)text[bad]);
    return SQLITE_ERROR;
  }
  int rc = SQLITE_OK;
  ingest_run run = {vtab, cursor, 0, {0}};
  run.rows = ibid_rows_new(vtab->db, text, length, outputs[0].column_count);
  if (!run.rows) {
    rc = SQLITE_NOMEM;
  } else if (ibid_progress_step(ibid_rows_progress(run.rows), length)) {
    rc = SQLITE_INTERRUPT;
  } else {
    rc = ingest_body(&run, text, length);
    if (rc == SQLITE_OK) cursor->analysed = 1;
  }
  if (run.rows && rc != SQLITE_OK) {
    char *message = ibid_rows_take_error(run.rows);
    if (message) {
      sqlite3_free(vtab->base.zErrMsg);
      vtab->base.zErrMsg = message;
    }
  }
  ibid_rows_free(run.rows);
  ibid_free(run.structured.spans);
  ibid_free(run.structured.reach);
  return rc;
}

/* ----- virtual table methods ------------------------------------------------ */

static int ingest_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **vtab_out, char **error) {
  (void)argc;
  (void)argv;
  int rc = sqlite3_declare_vtab(db,
                                "CREATE TABLE x(layer, rows, document_id HIDDEN, pending HIDDEN,"
                                " c0 HIDDEN, c1 HIDDEN, c2 HIDDEN, c3 HIDDEN, c4 HIDDEN, c5 HIDDEN,"
                                " c6 HIDDEN, c7 HIDDEN, c8 HIDDEN, c9 HIDDEN, c10 HIDDEN)");
  if (rc != SQLITE_OK) {
    sqlite3_free(*error);
    *error = sqlite3_mprintf("ibid_ingest: %s", sqlite3_errmsg(db));
    return rc;
  }
  ingest_vtab *vtab = sqlite3_malloc64(sizeof(*vtab));
  if (!vtab) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof(*vtab));
  vtab->db = db;
  vtab->link_only = *(const int *)aux;
  *vtab_out = &vtab->base;
  return SQLITE_OK;
}

static int ingest_disconnect(sqlite3_vtab *base) {
  ingest_vtab *vtab = (ingest_vtab *)base;
  release_all(vtab);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int ingest_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  (void)base;
  int pending = ibid_plan_argument(info, PENDING_COLUMN, 1, SLICE);
  if (pending < 0) return SQLITE_CONSTRAINT;
  if (pending > 0) { /* an INSERT of the ingest's rows */
    info->idxNum = 2;
    return SQLITE_OK;
  }
  int bound = ibid_plan_argument(info, 2, 1, OUT_COUNT);
  if (bound < 0) return SQLITE_CONSTRAINT;
  info->idxNum = bound;
  return SQLITE_OK;
}

static int ingest_open(sqlite3_vtab *base, sqlite3_vtab_cursor **cursor_out) {
  (void)base;
  ingest_cursor *cursor = sqlite3_malloc64(sizeof(*cursor));
  if (!cursor) return SQLITE_NOMEM;
  memset(cursor, 0, sizeof(*cursor));
  *cursor_out = &cursor->base;
  return SQLITE_OK;
}

static int ingest_close(sqlite3_vtab_cursor *cursor) {
  sqlite3_free(cursor);
  return SQLITE_OK;
}

static int ingest_filter(sqlite3_vtab_cursor *base, int index_number, const char *index_string,
                         int argc, sqlite3_value **argv) {
  (void)index_string;
  ingest_cursor *cursor = (ingest_cursor *)base;
  ingest_vtab *vtab = (ingest_vtab *)base->pVtab;
  memset(cursor->counts, 0, sizeof(cursor->counts));
  cursor->row = cursor->row_count = 0;
  cursor->analysed = 0;
  cursor->refs_given = 0;
  cursor->pending = 0;
  cursor->links = 0;
  cursor->may_link_refs = cursor->refs_linked = 0;
  const char *name = vtab->link_only ? "ibid_link" : "ibid_ingest";
  if (index_number == 2 && argc >= 1) { /* the rows of write_rows, or nothing SQL can give */
    cursor->pending = sqlite3_value_pointer(argv[0], pending_type);
    if (!cursor->pending || cursor->pending->columns > MAX_CELLS) {
      cursor->pending = 0;
      sqlite3_free(vtab->base.zErrMsg);
      vtab->base.zErrMsg =
          sqlite3_mprintf("%s: one argument only (call it as %s(document_id))", name, name);
      return SQLITE_ERROR;
    }
    cursor->row_count = cursor->pending->count;
    return SQLITE_OK;
  }
  if (index_number != 1 || argc < 1) {
    sqlite3_free(vtab->base.zErrMsg);
    vtab->base.zErrMsg =
        sqlite3_mprintf("%s: missing argument (call it as %s(document_id))", name, name);
    return SQLITE_ERROR;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  if (sqlite3_value_numeric_type(argv[0]) != SQLITE_INTEGER) {
    vtab_error(vtab, "%s: document_id must be an integer", name);
    return SQLITE_ERROR;
  }
  cursor->document = sqlite3_value_int64(argv[0]);
  int rc = ingest_document(vtab, cursor);
  if (rc != SQLITE_OK) {
    if (!vtab->base.zErrMsg && rc != SQLITE_NOMEM)
      vtab_error(vtab, "ibid_ingest: %s", sqlite3_errstr(rc));
    return rc;
  }
  cursor->row_count = vtab->link_only ? 0 : OUT_COUNT;
  return SQLITE_OK;
}

static int ingest_next(sqlite3_vtab_cursor *base) {
  ((ingest_cursor *)base)->row++;
  return SQLITE_OK;
}

static int ingest_eof(sqlite3_vtab_cursor *base) {
  ingest_cursor *cursor = (ingest_cursor *)base;
  return cursor->row >= cursor->row_count;
}

static int ingest_column(sqlite3_vtab_cursor *base, sqlite3_context *context, int column) {
  ingest_cursor *cursor = (ingest_cursor *)base;
  const pending_rows *pending = cursor->pending;
  if (pending) {
    int cell = column - FIRST_CELL_COLUMN;
    if (cell >= 0 && cell < pending->columns)
      ibid_rows_result(pending->rows, pending->chosen ? pending->chosen[cursor->row] : cursor->row,
                       cell, context);
    return SQLITE_OK; /* NULL otherwise */
  }
  if (column == 0)
    sqlite3_result_text(context, outputs[cursor->row].table, -1, SQLITE_STATIC);
  else if (column == 1)
    sqlite3_result_int64(context, cursor->counts[cursor->row]);
  else if (column == 2)
    sqlite3_result_int64(context, cursor->document);
  return SQLITE_OK; /* pending, c0 ... c10: NULL */
}

static int ingest_rowid(sqlite3_vtab_cursor *base, sqlite_int64 *rowid) {
  *rowid = (sqlite_int64)((ingest_cursor *)base)->row + 1;
  return SQLITE_OK;
}

static const sqlite3_module ingest_module = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only */
    .xConnect = ingest_connect,
    .xBestIndex = ingest_best_index,
    .xDisconnect = ingest_disconnect,
    .xDestroy = 0,
    .xOpen = ingest_open,
    .xClose = ingest_close,
    .xFilter = ingest_filter,
    .xNext = ingest_next,
    .xEof = ingest_eof,
    .xColumn = ingest_column,
    .xRowid = ingest_rowid,
};

int ibid_register_ingest(sqlite3 *db) {
  static const int ingest = 0, link = 1; /* which steps: read only */
  int rc = sqlite3_create_module_v2(db, "ibid_ingest", &ingest_module, (void *)&ingest, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_module_v2(db, "ibid_link", &ingest_module, (void *)&link, 0);
  return rc;
}
