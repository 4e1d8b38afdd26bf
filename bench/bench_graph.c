/* bench_graph.c -- the citation graph behind ibid_dot (ext/corpus/graph.c): rows
** added per second, then the DOT written, for a graph the size of a large
** corpus (1,000,000 citation rows among 200,000 works, labelled "Author Year").
** MB/s counts the DOT written. Usage: build/bench_graph tests/corpus (unused). */
#include <stdio.h>

#include "bench.h"
#include "graph.h"
#include "memory.h"

#define ROWS 1000000
#define WORKS 200000

int main(void) {
  ibid_graph *graph = ibid_graph_new();
  if (!graph) return 1;
  char citing[32], cited[32];
  uint64_t state = 88172645463325252u; /* xorshift: the same rows every run */
  double started = bench_now();
  for (long i = 0; i < ROWS; i++) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    int64_t from = (int64_t)(state % 20000), to = (int64_t)((state >> 20) % WORKS);
    int citing_length = snprintf(citing, sizeof(citing), "Author%lld %lld", (long long)from,
                                 (long long)(1990 + from % 35));
    int cited_length = snprintf(cited, sizeof(cited), "Author%lld %lld", (long long)to,
                                (long long)(1990 + to % 35));
    if (!ibid_graph_add(graph, from, citing, (size_t)citing_length, to, cited, (size_t)cited_length,
                        1))
      return 1;
  }
  double added = bench_now() - started;
  printf("ibid_graph_add         %9d rows %8.3f s %12.0f rows/s (%zu works, %zu edges)\n", ROWS,
         added, ROWS / added, ibid_graph_node_count(graph), ibid_graph_edge_count(graph));
  started = bench_now();
  size_t length;
  char *dot = ibid_graph_dot(graph, 1, 40, &length);
  if (!dot) return 1;
  bench_report("ibid_graph_dot", length, bench_now() - started, ibid_graph_edge_count(graph),
               "edges");
  ibid_free(dot);
  ibid_graph_free(graph);
  return 0;
}
