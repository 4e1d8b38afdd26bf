/*
** graph.c -- citation graph collected row by row, written as Graphviz DOT
** (see graph.h).
**
** HOW IT WORKS
** Nodes and edges live in arrays, each found again through an open-addressing
** hash table of array indexes, so adding a row costs O(1) and a group of n
** rows O(n). Writing sorts the kept nodes by id and the kept edges by
** (citing id, cited id): the text depends only on the set of rows, never on
** their order, which is what lets tests compare DOT text byte for byte.
**
** Escaping: inside a DOT quoted string only `"` and `\` are special to the
** parser, but Graphviz then reads `\n`, `\l`, `\N`... as label escapes and
** `&name;` as an HTML entity. So `\` is doubled, `&` becomes `&amp;`, line
** breaks become `\n` (a line break in the drawing), other control characters
** a space, and bytes that are not UTF-8 U+FFFD, which Graphviz would
** otherwise reject with a charset warning.
*/
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "memory.h"
#include "utf8.h"

/* Edge attributes: `weight` pulls heavily cited pairs together in dot's
** layout but is an int there, so it is capped; pen width grows with the
** logarithm of the count so one heavy edge does not swamp the drawing. */
#define GRAPH_WEIGHT_CAP 1000
#define GRAPH_PEN_WIDTH_CAP 8

typedef struct graph_node {
  int64_t id;
  char *label; /* bytewise-smallest non-empty label offered, or NULL */
  size_t label_length;
  int64_t times_cited; /* sum of the citations of the edges into it */
  int citing;          /* 1 when some row has it as the citing work */
} graph_node;

typedef struct graph_edge {
  size_t citing, cited; /* indexes into nodes */
  int64_t citations;
} graph_edge;

/* Open addressing with linear probing: a slot holds an array index + 1, 0 when
** empty; kept at most half full so probes stay short. */
typedef struct graph_index {
  size_t *slots;
  size_t capacity; /* a power of two, or 0 */
} graph_index;

struct ibid_graph {
  graph_node *nodes;
  size_t node_count, node_capacity;
  graph_edge *edges;
  size_t edge_count, edge_capacity;
  graph_index node_index, edge_index;
};

/* ----- hashing ---------------------------------------------------------------- */

/* splitmix64's finalizer: consecutive ids (the usual case) spread over all slots. */
static uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static uint64_t node_key_hash(int64_t id) {
  return mix((uint64_t)id);
}

static uint64_t edge_key_hash(size_t citing, size_t cited) {
  return mix((uint64_t)citing * 0x9e3779b97f4a7c15ULL ^ (uint64_t)cited);
}

typedef uint64_t (*entry_hash)(const ibid_graph *graph, size_t entry);

static uint64_t node_entry_hash(const ibid_graph *graph, size_t entry) {
  return node_key_hash(graph->nodes[entry].id);
}

static uint64_t edge_entry_hash(const ibid_graph *graph, size_t entry) {
  return edge_key_hash(graph->edges[entry].citing, graph->edges[entry].cited);
}

/* Makes room for one more entry than `entries`, doubling and rehashing when the
** table would pass half full. Returns 0 when out of memory. */
static int index_reserve(const ibid_graph *graph, graph_index *index, size_t entries,
                         entry_hash hash) {
  if ((entries + 1) * 2 <= index->capacity) return 1;
  size_t capacity = index->capacity ? index->capacity * 2 : 64;
  if (capacity > ((size_t)-1) / sizeof(size_t)) return 0;
  size_t *slots = ibid_malloc(capacity * sizeof(size_t));
  if (!slots) return 0;
  memset(slots, 0, capacity * sizeof(size_t));
  for (size_t old = 0; old < index->capacity; old++) {
    size_t entry = index->slots[old];
    if (!entry) continue;
    size_t slot = (size_t)hash(graph, entry - 1) & (capacity - 1);
    while (slots[slot]) slot = (slot + 1) & (capacity - 1);
    slots[slot] = entry;
  }
  ibid_free(index->slots);
  index->slots = slots;
  index->capacity = capacity;
  return 1;
}

/* Makes room for one more element in a growable array. Returns 0 when out of memory. */
static int array_reserve(void **array, size_t *capacity, size_t count, size_t element_size) {
  if (count < *capacity) return 1;
  size_t grown = *capacity ? *capacity * 2 : 16;
  if (grown > ((size_t)-1) / element_size) return 0;
  void *bigger = ibid_realloc(*array, grown * element_size);
  if (!bigger) return 0;
  *array = bigger;
  *capacity = grown;
  return 1;
}

/* ----- building -------------------------------------------------------------- */

ibid_graph *ibid_graph_new(void) {
  ibid_graph *graph = ibid_malloc(sizeof(ibid_graph));
  if (graph) memset(graph, 0, sizeof(*graph));
  return graph;
}

void ibid_graph_free(ibid_graph *graph) {
  if (!graph) return;
  for (size_t i = 0; i < graph->node_count; i++) ibid_free(graph->nodes[i].label);
  ibid_free(graph->nodes);
  ibid_free(graph->edges);
  ibid_free(graph->node_index.slots);
  ibid_free(graph->edge_index.slots);
  ibid_free(graph);
}

size_t ibid_graph_node_count(const ibid_graph *graph) {
  return graph ? graph->node_count : 0;
}
size_t ibid_graph_edge_count(const ibid_graph *graph) {
  return graph ? graph->edge_count : 0;
}

/* Index of the node with this id, added when new; (size_t)-1 when out of memory. */
static size_t node_for(ibid_graph *graph, int64_t id) {
  if (!index_reserve(graph, &graph->node_index, graph->node_count, node_entry_hash))
    return (size_t)-1;
  size_t mask = graph->node_index.capacity - 1;
  size_t slot = (size_t)node_key_hash(id) & mask;
  for (; graph->node_index.slots[slot]; slot = (slot + 1) & mask) {
    size_t entry = graph->node_index.slots[slot] - 1;
    if (graph->nodes[entry].id == id) return entry;
  }
  if (!array_reserve((void **)&graph->nodes, &graph->node_capacity, graph->node_count,
                     sizeof(graph_node)))
    return (size_t)-1;
  graph_node *node = &graph->nodes[graph->node_count];
  memset(node, 0, sizeof(*node));
  node->id = id;
  graph->node_index.slots[slot] = ++graph->node_count;
  return graph->node_count - 1;
}

/* Index of the edge citing -> cited, added with no citations when new;
** (size_t)-1 when out of memory. */
static size_t edge_for(ibid_graph *graph, size_t citing, size_t cited) {
  if (!index_reserve(graph, &graph->edge_index, graph->edge_count, edge_entry_hash))
    return (size_t)-1;
  size_t mask = graph->edge_index.capacity - 1;
  size_t slot = (size_t)edge_key_hash(citing, cited) & mask;
  for (; graph->edge_index.slots[slot]; slot = (slot + 1) & mask) {
    size_t entry = graph->edge_index.slots[slot] - 1;
    if (graph->edges[entry].citing == citing && graph->edges[entry].cited == cited) return entry;
  }
  if (!array_reserve((void **)&graph->edges, &graph->edge_capacity, graph->edge_count,
                     sizeof(graph_edge)))
    return (size_t)-1;
  graph_edge *edge = &graph->edges[graph->edge_count];
  edge->citing = citing;
  edge->cited = cited;
  edge->citations = 0;
  graph->edge_index.slots[slot] = ++graph->edge_count;
  return graph->edge_count - 1;
}

static int compare_bytes(const char *a, size_t a_length, const char *b, size_t b_length) {
  int order = memcmp(a, b, a_length < b_length ? a_length : b_length);
  if (order) return order;
  return a_length < b_length ? -1 : a_length > b_length;
}

/* Keeps the bytewise-smallest label: the same rows in any order, the same label. */
static int node_offer_label(graph_node *node, const char *label, size_t length) {
  if (!label || !length) return 1;
  if (node->label && compare_bytes(label, length, node->label, node->label_length) >= 0) return 1;
  char *copy = ibid_malloc(length);
  if (!copy) return 0;
  memcpy(copy, label, length);
  ibid_free(node->label);
  node->label = copy;
  node->label_length = length;
  return 1;
}

static int64_t add_saturating(int64_t total, int64_t more) {
  if (more <= 0) return total;
  return total > INT64_MAX - more ? INT64_MAX : total + more;
}

int ibid_graph_add(ibid_graph *graph, int64_t citing_id, const char *citing_label,
                   size_t citing_label_length, int64_t cited_id, const char *cited_label,
                   size_t cited_label_length, int64_t citations) {
  size_t citing = node_for(graph, citing_id);
  if (citing == (size_t)-1) return 0;
  size_t cited = node_for(graph, cited_id);
  if (cited == (size_t)-1) return 0;
  if (!node_offer_label(&graph->nodes[citing], citing_label, citing_label_length)) return 0;
  if (!node_offer_label(&graph->nodes[cited], cited_label, cited_label_length)) return 0;
  size_t edge = edge_for(graph, citing, cited);
  if (edge == (size_t)-1) return 0;
  graph->edges[edge].citations = add_saturating(graph->edges[edge].citations, citations);
  graph->nodes[cited].times_cited = add_saturating(graph->nodes[cited].times_cited, citations);
  graph->nodes[citing].citing = 1;
  return 1;
}

/* ----- labels ----------------------------------------------------------------- */

/* The character at text[offset]: returns its length in bytes and sets its code
** point. A byte that does not start a valid UTF-8 sequence is one character,
** U+FFFD. Looks at 4 bytes at most, so a label costs linear time. */
static size_t label_character(const char *text, size_t length, size_t offset, uint32_t *codepoint) {
  size_t window = length - offset < 4 ? length - offset : 4;
  size_t bad = window;
  if (!ibid_utf8_valid(text + offset, window, &bad) && bad == 0) {
    *codepoint = 0xFFFD;
    return 1;
  }
  return ibid_utf8_decode(text + offset, bad, 0, codepoint);
}

static int is_line_break(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

static int is_control(uint32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

static int is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || is_line_break(c) || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x3000;
}

/* What a shortened label should not end in before its "…". */
static int is_trailing_separator(uint32_t c) {
  return is_space(c) || is_control(c) || c == ',' || c == ';' || c == ':' || c == '(' || c == '/' ||
         c == '-' || c == 0x2013 || c == 0x2014;
}

/*
** Bytes of `label` to write. All of it when it has at most `limit`
** characters; else its first limit-1 characters, cut back to the last space
** in their second half (no half-words when a word boundary is near), without
** trailing separators, and *shortened is set: the caller appends "…".
*/
static size_t label_cut(const char *label, size_t length, size_t limit, int *shortened) {
  *shortened = 0;
  if (!limit) return length;
  size_t offset = 0, characters = 0, keep = length, last_space = 0;
  int space_found = 0;
  while (offset < length) {
    uint32_t c;
    size_t size = label_character(label, length, offset, &c);
    if (characters == limit - 1) keep = offset;
    if (characters == limit) {
      *shortened = 1;
      break;
    }
    if (is_space(c) && characters >= limit / 2 && characters < limit - 1) {
      last_space = offset;
      space_found = 1;
    }
    offset += size;
    characters++;
  }
  if (!*shortened) return length;
  /* Cut at the last space unless the prefix already ends at a word boundary. */
  uint32_t next;
  label_character(label, length, keep, &next);
  if (!is_space(next) && space_found) keep = last_space;
  while (keep > 0) {
    uint32_t before;
    size_t size = ibid_utf8_decode_before(label, keep, &before);
    if (!is_trailing_separator(before)) break;
    keep -= size;
  }
  return keep;
}

/* Writes label[0..length) escaped for the inside of a DOT quoted string. */
static void write_escaped(ibid_buffer *out, const char *label, size_t length) {
  size_t offset = 0;
  while (offset < length) {
    uint32_t c;
    size_t size = label_character(label, length, offset, &c);
    if (c == '"') {
      ibid_buffer_append(out, "\\\"", 2);
    } else if (c == '\\') {
      ibid_buffer_append(out, "\\\\", 2);
    } else if (c == '&') {
      ibid_buffer_append(out, "&amp;", 5);
    } else if (c == '\r' && offset + 1 < length && label[offset + 1] == '\n') {
      /* CR LF is one line break: the LF writes it */
    } else if (is_line_break(c)) {
      ibid_buffer_append(out, "\\n", 2);
    } else if (is_control(c)) {
      ibid_buffer_append_char(out, ' ');
    } else if (c == 0xFFFD) {
      ibid_buffer_append_codepoint(out, c); /* also stands for invalid bytes */
    } else {
      ibid_buffer_append(out, label + offset, size);
    }
    offset += size;
  }
}

/* ----- writing ---------------------------------------------------------------- */

static void write_node_name(ibid_buffer *out, int64_t id) {
  /* A bare DOT ID is letters, digits and '_': a negative id needs quotes. */
  if (id < 0) ibid_buffer_append_char(out, '"');
  ibid_buffer_append_char(out, 'w');
  ibid_buffer_append_int(out, (long long)id);
  if (id < 0) ibid_buffer_append_char(out, '"');
}

static void write_node(ibid_buffer *out, const graph_node *node, size_t label_characters) {
  ibid_buffer_append(out, "  ", 2);
  write_node_name(out, node->id);
  ibid_buffer_append_string(out, " [label=\"");
  if (node->label) {
    int shortened;
    size_t keep = label_cut(node->label, node->label_length, label_characters, &shortened);
    write_escaped(out, node->label, keep);
    if (shortened) ibid_buffer_append_string(out, "\xE2\x80\xA6");
  } else {
    ibid_buffer_append_int(out, (long long)node->id);
  }
  /* Works of the corpus (they cite) are boxes; works only cited keep the default ellipse. */
  ibid_buffer_append_string(out, node->citing ? "\", shape=box];\n" : "\"];\n");
}

static int pen_width(int64_t citations) {
  int width = 1;
  while (citations > 1 && width < GRAPH_PEN_WIDTH_CAP) {
    citations >>= 1;
    width++;
  }
  return width;
}

static void write_edge(ibid_buffer *out, const ibid_graph *graph, const graph_edge *edge) {
  ibid_buffer_append(out, "  ", 2);
  write_node_name(out, graph->nodes[edge->citing].id);
  ibid_buffer_append(out, " -> ", 4);
  write_node_name(out, graph->nodes[edge->cited].id);
  ibid_buffer_append_string(out, " [weight=");
  ibid_buffer_append_int(out,
                         edge->citations < GRAPH_WEIGHT_CAP ? edge->citations : GRAPH_WEIGHT_CAP);
  ibid_buffer_append_string(out, ", penwidth=");
  ibid_buffer_append_int(out, pen_width(edge->citations));
  ibid_buffer_append_string(out, "];\n");
}

/* Sort keys: qsort has no context pointer, so each entry carries its ids. */
typedef struct node_order {
  int64_t id;
  size_t node;
} node_order;

typedef struct edge_order {
  int64_t citing_id, cited_id;
  size_t edge;
} edge_order;

static int compare_ids(int64_t a, int64_t b) {
  return a < b ? -1 : a > b;
}

static int compare_node_order(const void *a, const void *b) {
  return compare_ids(((const node_order *)a)->id, ((const node_order *)b)->id);
}

static int compare_edge_order(const void *a, const void *b) {
  const edge_order *x = a, *y = b;
  int order = compare_ids(x->citing_id, y->citing_id);
  return order ? order : compare_ids(x->cited_id, y->cited_id);
}

/* Writes the kept nodes and edges, sorted. Returns 0 when out of memory. */
static int write_body(ibid_buffer *out, const ibid_graph *graph, int64_t minimum,
                      size_t label_characters) {
  size_t edges_kept = 0, nodes_kept = 0;
  edge_order *edges = ibid_malloc(graph->edge_count * sizeof(edge_order));
  unsigned char *kept = ibid_malloc(graph->node_count);
  node_order *nodes = ibid_malloc(graph->node_count * sizeof(node_order));
  int ok = edges && kept && nodes;
  if (ok) {
    memset(kept, 0, graph->node_count);
    for (size_t e = 0; e < graph->edge_count; e++) {
      const graph_edge *edge = &graph->edges[e];
      if (minimum > 1 && graph->nodes[edge->cited].times_cited < minimum) continue;
      edges[edges_kept++] =
          (edge_order){graph->nodes[edge->citing].id, graph->nodes[edge->cited].id, e};
      kept[edge->citing] = kept[edge->cited] = 1;
    }
    for (size_t n = 0; n < graph->node_count; n++)
      if (kept[n]) nodes[nodes_kept++] = (node_order){graph->nodes[n].id, n};
    qsort(nodes, nodes_kept, sizeof(node_order), compare_node_order);
    qsort(edges, edges_kept, sizeof(edge_order), compare_edge_order);
    for (size_t n = 0; n < nodes_kept; n++)
      write_node(out, &graph->nodes[nodes[n].node], label_characters);
    for (size_t e = 0; e < edges_kept; e++) write_edge(out, graph, &graph->edges[edges[e].edge]);
  }
  ibid_free(edges);
  ibid_free(kept);
  ibid_free(nodes);
  return ok;
}

char *ibid_graph_dot(const ibid_graph *graph, int64_t minimum, size_t label_characters,
                     size_t *length) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  /* Left to right: a few citing works on the left, a column of cited works on
  ** the right, which stays readable with hundreds of cited works. */
  ibid_buffer_append_string(&out,
                            "digraph citations {\n"
                            "  rankdir=LR;\n"
                            "  node [shape=ellipse, fontsize=10];\n"
                            "  edge [arrowsize=0.6];\n");
  if (graph && graph->edge_count && !write_body(&out, graph, minimum, label_characters)) {
    ibid_buffer_free(&out);
    return NULL;
  }
  ibid_buffer_append_char(&out, '}');
  return ibid_buffer_take(&out, length);
}
