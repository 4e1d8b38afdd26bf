/*
** graph.h -- a citation graph collected row by row and written as Graphviz DOT.
**
** Nodes are works named by an integer id; an edge says "work A cites work B"
** so many times. Rows for the same pair add up. The DOT text lists nodes and
** edges sorted by id, so the same rows in any order give the same bytes.
** Plain C: ext/sql_graph.c wraps it as the ibid_dot() aggregate.
*/
#ifndef IBID_GRAPH_H
#define IBID_GRAPH_H
#include <stddef.h>
#include <stdint.h>

typedef struct ibid_graph ibid_graph;

/* A new empty graph, or NULL when out of memory. */
ibid_graph *ibid_graph_new(void);
void ibid_graph_free(ibid_graph *graph);

/*
** Adds one row: citing_id cites cited_id `citations` times (saturating at
** INT64_MAX). A label may be NULL or empty (no label from this row). When
** rows give one node several labels, the bytewise-smallest is kept so that
** the result does not depend on row order. Labels may hold any bytes: the
** writer replaces invalid UTF-8 with U+FFFD. Returns 1, or 0 when out of
** memory (the graph stays usable and unchanged by the failed row's edge).
*/
int ibid_graph_add(ibid_graph *graph, int64_t citing_id, const char *citing_label,
                   size_t citing_label_length, int64_t cited_id, const char *cited_label,
                   size_t cited_label_length, int64_t citations);

/* Number of distinct nodes and distinct (citing, cited) pairs added so far. */
size_t ibid_graph_node_count(const ibid_graph *graph);
size_t ibid_graph_edge_count(const ibid_graph *graph);

/*
** The DOT text `digraph citations { ... }` (NUL-terminated, free with
** ibid_free; *length set when length is not NULL), or NULL when out of memory.
** graph may be NULL: an empty digraph. With minimum > 1 only the works cited
** at least `minimum` times in all, the edges into them and the citing nodes
** of those edges are written. Labels longer than label_characters code
** points are shortened, at a word boundary when one is near, and end in "…"
** (label_characters 0 means no limit).
*/
char *ibid_graph_dot(const ibid_graph *graph, int64_t minimum, size_t label_characters,
                     size_t *length);

#endif
