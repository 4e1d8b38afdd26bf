/* test_graph.c -- unit tests of ext/corpus/graph.c (citation graph -> Graphviz DOT). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "graph.h"
#include "memory.h"

#define HEADER                             \
  "digraph citations {\n"                  \
  "  rankdir=LR;\n"                        \
  "  node [shape=ellipse, fontsize=10];\n" \
  "  edge [arrowsize=0.6];\n"

/* The last DOT text written, kept so CHECK_STRING can print it. */
static char *last_dot;

static const char *dot(const ibid_graph *graph, int64_t minimum, size_t label_characters) {
  ibid_free(last_dot);
  size_t length = 0;
  last_dot = ibid_graph_dot(graph, minimum, label_characters, &length);
  if (last_dot && strlen(last_dot) != length) return "(length mismatch)";
  return last_dot ? last_dot : "(out of memory)";
}

static void add(ibid_graph *graph, int64_t citing, const char *citing_label, int64_t cited,
                const char *cited_label, int64_t citations) {
  ibid_graph_add(graph, citing, citing_label, citing_label ? strlen(citing_label) : 0, cited,
                 cited_label, cited_label ? strlen(cited_label) : 0, citations);
}

/* The label line of node `name` ("w3"), without the leading spaces. */
static const char *node_line(const char *text, const char *name) {
  static char line[512];
  char needle[64];
  snprintf(needle, sizeof(needle), "\n  %s [", name);
  const char *found = strstr(text, needle);
  if (!found) return "(absent)";
  found += 3;
  size_t length = strcspn(found, "\n");
  if (length >= sizeof(line)) length = sizeof(line) - 1;
  memcpy(line, found, length);
  line[length] = 0;
  return line;
}

/* One label line expected in the DOT text of a graph written with `limit`
** characters per label: the check's name, the node, the line. */
typedef struct label_check {
  const char *name;
  size_t limit;
  const char *node;
  const char *line;
} label_check;

static void test_empty(void) {
  CHECK_STRING("graph_null_is_empty_digraph", dot(NULL, 1, 40), HEADER "}");
  ibid_graph *graph = ibid_graph_new();
  CHECK_STRING("graph_no_rows_is_empty_digraph", dot(graph, 1, 40), HEADER "}");
  CHECK("graph_no_rows_counts",
        ibid_graph_node_count(graph) == 0 && ibid_graph_edge_count(graph) == 0);
  ibid_graph_free(graph);
}

static void test_rows_add_up_and_sort(void) {
  const char *want = HEADER
      "  w1 [label=\"Mills 2012\", shape=box];\n"
      "  w2 [label=\"Annan 1999\"];\n"
      "  w7 [label=\"Bloomfield 2016\"];\n"
      "  w1 -> w2 [weight=4, penwidth=3];\n"
      "  w1 -> w7 [weight=1, penwidth=1];\n"
      "}";
  ibid_graph *graph = ibid_graph_new();
  add(graph, 1, "Mills 2012", 7, "Bloomfield 2016", 1);
  add(graph, 1, "Mills 2012", 2, "Annan 1999", 3);
  add(graph, 1, "Mills 2012", 2, "Annan 1999", 1);
  CHECK_STRING("graph_pairs_add_up_sorted_by_id", dot(graph, 1, 40), want);
  CHECK("graph_counts", ibid_graph_node_count(graph) == 3 && ibid_graph_edge_count(graph) == 2);
  ibid_graph_free(graph);

  graph = ibid_graph_new();
  add(graph, 1, "Mills 2012", 2, "Annan 1999", 1);
  add(graph, 1, "Mills 2012", 2, "Annan 1999", 3);
  add(graph, 1, "Mills 2012", 7, "Bloomfield 2016", 1);
  CHECK_STRING("graph_row_order_does_not_matter", dot(graph, 1, 40), want);
  ibid_graph_free(graph);
}

static void test_shapes_and_labels(void) {
  ibid_graph *graph = ibid_graph_new();
  add(graph, 5, "Zeta 2001", 3, NULL, 1);
  add(graph, 3, "", 9, "B label", 1); /* 3 is cited and also cites: a box */
  add(graph, 4, "Alpha 2001", 9, "A label", 1);
  const char *text = dot(graph, 1, 40);
  CHECK_STRING("graph_citing_node_is_box", node_line(text, "w5"),
               "w5 [label=\"Zeta 2001\", shape=box];");
  CHECK_STRING("graph_cited_only_is_ellipse", node_line(text, "w9"), "w9 [label=\"A label\"];");
  CHECK_STRING("graph_no_label_gives_id", node_line(text, "w3"), "w3 [label=\"3\", shape=box];");
  ibid_graph_free(graph);

  graph = ibid_graph_new();
  add(graph, -4, "Negative", 0, "Zero", 1);
  text = dot(graph, 1, 40);
  CHECK("graph_negative_id_quoted",
        strstr(text, "\n  \"w-4\" [label=\"Negative\", shape=box];\n") != NULL);
  CHECK("graph_negative_edge_quoted",
        strstr(text, "\n  \"w-4\" -> w0 [weight=1, penwidth=1];\n") != NULL);
  ibid_graph_free(graph);

  graph = ibid_graph_new();
  add(graph, 1, "Self 2000", 1, "Self 2000", 2);
  CHECK_STRING("graph_self_citation_kept", dot(graph, 1, 40),
               HEADER
               "  w1 [label=\"Self 2000\", shape=box];\n  w1 -> w1 [weight=2, penwidth=2];\n}");
  ibid_graph_free(graph);
}

/* Escaping (nodes w2-w7) and shortening (nodes w12-w17) of labels. */
static void test_labels(void) {
  ibid_graph *graph = ibid_graph_new();
  const char quoted[] = "A \"B\" C\\D & E";
  add(graph, 1, "x", 2, quoted, 1);
  const char lines[] = "One\r\nTwo\nThree\tfour";
  add(graph, 1, "x", 3, lines, 1);
  const char nul[] = "a\0b";
  ibid_graph_add(graph, 1, "x", 1, 4, nul, 3, 1);
  const char invalid[] = "bad \xFF\xC3 end \xE2\x82";
  add(graph, 1, "x", 5, invalid, 1);
  const char accents[] = "C\xC3\xB4te d\xE2\x80\x99Ivoire \xE6\x97\xA5\xE6\x9C\xAC";
  add(graph, 1, "x", 6, accents, 1);
  const char escapes[] = "\\N \\n &amp; <b>";
  add(graph, 1, "x", 7, escapes, 1);
  add(graph, 1, "x", 12, "The responsibility to protect and the International Criminal Court", 1);
  add(graph, 1, "x", 13, "Therresponsibilitytoprotectandtheinternational", 1);
  add(graph, 1, "x", 14, "Exactly forty characters long, no more!!", 1);
  add(graph, 1, "x", 15, "Forty-one characters long and a bit more.", 1);
  add(graph, 1, "x", 16, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 1);
  add(graph, 1, "x", 17, "Nouwen; Werner; Schabas; Bassiouni; Kress", 1);
  static const label_check checks[] = {
      {"graph_escape_quote_backslash_ampersand", 0, "w2",
       "w2 [label=\"A \\\"B\\\" C\\\\D &amp; E\"];"},
      {"graph_escape_line_breaks", 0, "w3", "w3 [label=\"One\\nTwo\\nThree four\"];"},
      {"graph_escape_nul_byte", 0, "w4", "w4 [label=\"a b\"];"},
      {"graph_invalid_utf8_replaced", 0, "w5",
       "w5 [label=\"bad \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD\xEF\xBF\xBD\"];"},
      {"graph_non_ascii_kept", 0, "w6",
       "w6 [label=\"C\xC3\xB4te d\xE2\x80\x99Ivoire \xE6\x97\xA5\xE6\x9C\xAC\"];"},
      {"graph_graphviz_escapes_neutralised", 0, "w7", "w7 [label=\"\\\\N \\\\n &amp;amp; <b>\"];"},
      {"graph_shorten_at_word", 40, "w12",
       "w12 [label=\"The responsibility to protect and the\xE2\x80\xA6\"];"},
      {"graph_shorten_no_space", 40, "w13",
       "w13 [label=\"Therresponsibilitytoprotectandtheintern\xE2\x80\xA6\"];"},
      {"graph_limit_kept_whole", 40, "w14",
       "w14 [label=\"Exactly forty characters long, no more!!\"];"},
      {"graph_shorten_drops_separator", 40, "w15",
       "w15 [label=\"Forty-one characters long and a bit\xE2\x80\xA6\"];"},
      {"graph_short_non_ascii_kept", 40, "w16",
       "w16 [label=\"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\"];"},
      {"graph_shorten_trailing_semicolon", 40, "w17",
       "w17 [label=\"Nouwen; Werner; Schabas; Bassiouni\xE2\x80\xA6\"];"},
      {"graph_shorten_counts_characters", 4, "w16",
       "w16 [label=\"\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6\"];"},
      {"graph_limit_zero_keeps_all", 0, "w12",
       "w12 [label=\"The responsibility to protect and the International Criminal Court\"];"},
  };
  for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
    CHECK_STRING(checks[i].name, node_line(dot(graph, 1, checks[i].limit), checks[i].node),
                 checks[i].line);
  ibid_graph_free(graph);
}

static void test_minimum(void) {
  ibid_graph *graph = ibid_graph_new();
  add(graph, 1, "A", 10, "Cited twice by two", 1);
  add(graph, 2, "B", 10, "Cited twice by two", 1);
  add(graph, 2, "B", 11, "Cited once", 1);
  add(graph, 3, "C", 11, "Cited once", 0);
  add(graph, 3, "C", 12, "Cited three times by one", 3);
  add(graph, 4, "D", 13, "Cited once more", 1);
  const char *want = HEADER
      "  w1 [label=\"A\", shape=box];\n"
      "  w2 [label=\"B\", shape=box];\n"
      "  w3 [label=\"C\", shape=box];\n"
      "  w10 [label=\"Cited twice by two\"];\n"
      "  w12 [label=\"Cited three times by one\"];\n"
      "  w1 -> w10 [weight=1, penwidth=1];\n"
      "  w2 -> w10 [weight=1, penwidth=1];\n"
      "  w3 -> w12 [weight=3, penwidth=2];\n"
      "}";
  CHECK_STRING("graph_minimum_two", dot(graph, 2, 40), want);
  CHECK_STRING("graph_minimum_three", dot(graph, 3, 40),
               HEADER
               "  w3 [label=\"C\", shape=box];\n  w12 [label=\"Cited three times by one\"];\n"
               "  w3 -> w12 [weight=3, penwidth=2];\n}");
  CHECK_STRING("graph_minimum_above_all_is_empty", dot(graph, 4, 40), HEADER "}");
  const char *all = dot(graph, 1, 40);
  CHECK("graph_minimum_one_keeps_all",
        strstr(all, "w4 -> w13") && strstr(all, "w3 -> w11 [weight=0"));
  char *copy = strdup(all);
  CHECK("graph_minimum_zero_same_as_one", copy && strcmp(dot(graph, 0, 40), copy) == 0);
  CHECK("graph_minimum_negative_same_as_one", copy && strcmp(dot(graph, -5, 40), copy) == 0);
  free(copy);
  ibid_graph_free(graph);
}

static void test_labels_and_weights(void) {
  ibid_graph *graph = ibid_graph_new();
  add(graph, 1, "Zed", 2, "Later label", 1);
  add(graph, 1, "Abe", 2, "Earlier label", 1);
  add(graph, 1, NULL, 2, "", 1);
  CHECK_STRING("graph_smallest_label_wins", node_line(dot(graph, 1, 40), "w1"),
               "w1 [label=\"Abe\", shape=box];");
  CHECK_STRING("graph_smallest_label_wins_cited", node_line(dot(graph, 1, 40), "w2"),
               "w2 [label=\"Earlier label\"];");
  ibid_graph_free(graph);

  graph = ibid_graph_new();
  add(graph, 1, "a", 2, "b", 5000);
  add(graph, 1, "a", 3, "c", INT64_MAX);
  add(graph, 1, "a", 3, "c", INT64_MAX);
  add(graph, 1, "a", 4, "d", -3);
  const char *text = dot(graph, 1, 40);
  CHECK("graph_weight_capped", strstr(text, "w1 -> w2 [weight=1000, penwidth=8];") != NULL);
  CHECK("graph_saturating_sum", strstr(text, "w1 -> w3 [weight=1000, penwidth=8];") != NULL);
  CHECK("graph_negative_counts_zero", strstr(text, "w1 -> w4 [weight=0, penwidth=1];") != NULL);
  CHECK("graph_saturated_survives_minimum", strstr(dot(graph, INT64_MAX, 40), "w1 -> w3") != NULL);
  ibid_graph_free(graph);
}

/* Many rows in pseudo-random order: every node once, ids ascending. */
static void test_many_rows(void) {
  ibid_graph *graph = ibid_graph_new();
  enum { WORKS = 20000 };
  uint64_t state = 12345;
  for (int i = 0; i < 4 * WORKS; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    int64_t citing = (int64_t)((state >> 33) % 50);
    int64_t cited = 100 + (int64_t)((state >> 13) % WORKS);
    add(graph, citing, "citing", cited, "cited work", 1);
  }
  const char *text = dot(graph, 1, 40);
  int64_t previous = -1, nodes = 0;
  int ascending = 1;
  for (const char *line = strstr(text, "\n  w"); line; line = strstr(line + 1, "\n  w")) {
    if (strstr(line, " -> ") && strstr(line, " -> ") < strchr(line + 1, '\n')) break;
    int64_t id = strtoll(line + 4, NULL, 10);
    if (id <= previous) ascending = 0;
    previous = id;
    nodes++;
  }
  CHECK("graph_many_nodes_sorted", ascending);
  CHECK("graph_many_nodes_once_each", (size_t)nodes == ibid_graph_node_count(graph));
  ibid_graph_free(graph);
}

int main(void) {
  test_empty();
  test_rows_add_up_and_sort();
  test_shapes_and_labels();
  test_labels();
  test_minimum();
  test_labels_and_weights();
  test_many_rows();
  ibid_free(last_dot);
  return check_finish();
}
