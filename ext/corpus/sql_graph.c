/*
** sql_graph.c -- ibid_dot(): a citation graph as Graphviz DOT text (aggregate).
**
**   ibid_dot(citing_id, citing_label, cited_id, cited_label [, citations [, minimum]])
**
**   WITH edges(citing, citing_label, cited, cited_label, n) AS
**     (VALUES (1, 'Smith 2001', 2, 'Jones 1999', 3))
**   SELECT ibid_dot(citing, citing_label, cited, cited_label, n) FROM edges;
**     -> digraph citations {
**          rankdir=LR;
**          node [shape=ellipse, fontsize=10];
**          edge [arrowsize=0.6];
**          w1 [label="Smith 2001", shape=box];
**          w2 [label="Jones 1999"];
**          w1 -> w2 [weight=3, penwidth=2];
**        }
**
** One row per edge "citing work cites cited work `citations` times" (default
** 1; rows for the same pair add up). Node names are "w<id>"; labels are
** escaped for DOT and shortened to 40 characters with "…". Works that cite
** (documents of the corpus) are boxes, works only cited ellipses. With
** `minimum` (the same in every row) only works cited at least that many times
** in all are kept, with the edges into them and the works citing them. A row
** with a NULL id is skipped; no rows give an empty digraph. Output is sorted
** by id, so it does not depend on row order. The graph itself is ext/graph.c.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "graph.h"
#include "memory.h"
#include "sql_modules.h"

/* Long titles used as labels would make nodes as wide as the page. */
#define DOT_LABEL_CHARACTERS 40

typedef struct dot_state {
  ibid_graph *graph; /* NULL until the first row with both ids */
  int64_t minimum;
  int minimum_seen; /* 1 once a row gave the minimum (NULL counts as 1) */
} dot_state;

/* An id argument: 1 with *id set, 0 for NULL (the row is skipped), -1 after an error. */
static int id_argument(sqlite3_context *context, sqlite3_value *value, const char *name,
                       int64_t *id) {
  if (sqlite3_value_type(value) == SQLITE_NULL) return 0;
  if (sqlite3_value_numeric_type(value) != SQLITE_INTEGER) {
    char *message = sqlite3_mprintf("ibid_dot: %s must be an integer", name);
    sqlite3_result_error(context, message ? message : "ibid_dot: bad id", -1);
    sqlite3_free(message);
    return -1;
  }
  *id = sqlite3_value_int64(value);
  return 1;
}

/* A label argument: text, a BLOB of UTF-8, or a number (written as text).
** Returns 1 with the bytes, 0 for NULL (no label), -1 after an error. */
static int label_argument(sqlite3_context *context, sqlite3_value *value, const char *name,
                          const char **text, size_t *length) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
    *text = (const char *)sqlite3_value_text(value);
    *length = (size_t)sqlite3_value_bytes(value);
    if (*text) return 1;
    sqlite3_result_error_nomem(context);
    return -1;
  }
  return ibid_argument_text(context, value, name, text, length);
}

/* citations: NULL or absent counts 1; anything but a positive integer is an error. */
static int citations_argument(sqlite3_context *context, int argc, sqlite3_value **argv,
                              int64_t *citations) {
  *citations = 1;
  if (argc < 5 || sqlite3_value_type(argv[4]) == SQLITE_NULL) return 1;
  if (sqlite3_value_numeric_type(argv[4]) != SQLITE_INTEGER || sqlite3_value_int64(argv[4]) < 1) {
    sqlite3_result_error(context, "ibid_dot: citations must be a positive integer", -1);
    return 0;
  }
  *citations = sqlite3_value_int64(argv[4]);
  return 1;
}

/* minimum: NULL or absent is 1 (keep everything); it must not change between rows. */
static int minimum_argument(sqlite3_context *context, int argc, sqlite3_value **argv,
                            dot_state *state) {
  int64_t minimum = 1;
  if (argc >= 6 && sqlite3_value_type(argv[5]) != SQLITE_NULL) {
    if (sqlite3_value_numeric_type(argv[5]) != SQLITE_INTEGER) {
      sqlite3_result_error(context, "ibid_dot: minimum must be an integer", -1);
      return 0;
    }
    minimum = sqlite3_value_int64(argv[5]);
  }
  if (state->minimum_seen && state->minimum != minimum) {
    sqlite3_result_error(context, "ibid_dot: minimum must be the same in every row", -1);
    return 0;
  }
  state->minimum = minimum;
  state->minimum_seen = 1;
  return 1;
}

static void dot_step(sqlite3_context *context, int argc, sqlite3_value **argv) {
  dot_state *state = sqlite3_aggregate_context(context, sizeof(dot_state));
  if (!state) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (!minimum_argument(context, argc, argv, state)) return;
  int64_t citing, cited, citations;
  int has_citing = id_argument(context, argv[0], "citing_id", &citing);
  if (has_citing < 0) return;
  int has_cited = id_argument(context, argv[2], "cited_id", &cited);
  if (has_cited <= 0) return;
  if (!has_citing) return;
  const char *citing_label = NULL, *cited_label = NULL;
  size_t citing_length = 0, cited_length = 0;
  if (label_argument(context, argv[1], "ibid_dot: citing_label", &citing_label, &citing_length) < 0)
    return;
  if (label_argument(context, argv[3], "ibid_dot: cited_label", &cited_label, &cited_length) < 0)
    return;
  if (!citations_argument(context, argc, argv, &citations)) return;
  if (!state->graph) state->graph = ibid_graph_new();
  if (!state->graph || !ibid_graph_add(state->graph, citing, citing_label, citing_length, cited,
                                       cited_label, cited_length, citations)) {
    sqlite3_result_error_nomem(context);
  }
}

static void dot_final(sqlite3_context *context) {
  /* size 0: no allocation when the group had no rows (an empty digraph) */
  dot_state *state = sqlite3_aggregate_context(context, 0);
  ibid_graph *graph = state ? state->graph : NULL;
  size_t length = 0;
  char *dot = ibid_graph_dot(graph, state ? state->minimum : 1, DOT_LABEL_CHARACTERS, &length);
  ibid_graph_free(graph);
  if (state) state->graph = NULL;
  if (!dot) {
    sqlite3_result_error_nomem(context);
    return;
  }
  /* ibid_malloc is sqlite3_malloc64 inside the extension (ext/sql_memory.c) */
  sqlite3_result_text64(context, dot, length, ibid_free, SQLITE_UTF8);
}

int ibid_register_graph(sqlite3 *db) {
  /* 4, 5 or 6 arguments: citations and minimum are optional */
  for (int argc = 4; argc <= 6; argc++) {
    int rc =
        sqlite3_create_function_v2(db, "ibid_dot", argc, IBID_PURE, 0, 0, dot_step, dot_final, 0);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
