/* fuzz_graph.c -- libFuzzer target for ext/corpus/graph.c: rows built from arbitrary
** bytes (labels need not be UTF-8) must give DOT text that is valid UTF-8,
** with every label quoted and escaped, in linear time, without leaks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "memory.h"
#include "utf8.h"

/* Reads a small integer id from the next byte (so ids repeat and pairs add up). */
static int64_t next_id(const uint8_t **data, size_t *size) {
  if (!*size) return 0;
  int64_t id = (int64_t)(**data % 16) - 2; /* a few negative ids too */
  (*data)++;
  (*size)--;
  return id;
}

/* The next label: up to the next 0x01 byte (NUL bytes stay inside labels). */
static const char *next_label(const uint8_t **data, size_t *size, size_t *length) {
  const char *label = (const char *)*data;
  const uint8_t *end = memchr(*data, 0x01, *size);
  *length = end ? (size_t)(end - *data) : *size;
  *data += *length + (end ? 1 : 0);
  *size -= *length + (end ? 1 : 0);
  return label;
}

/* Every '"' inside the DOT text is either a quote of a name or label, or escaped. */
static void check_quotes(const char *dot, size_t length) {
  size_t bad;
  if (!ibid_utf8_valid(dot, length, &bad)) abort();
  if (strlen(dot) != length) abort(); /* no NUL byte reaches the output */
  int inside = 0;
  for (size_t i = 0; i < length; i++) {
    if (inside && dot[i] == '\\') {
      if (i + 1 >= length) abort();
      i++; /* an escape: \" \\ or \n */
      if (dot[i] != '"' && dot[i] != '\\' && dot[i] != 'n') abort();
    } else if (dot[i] == '"') {
      inside = !inside;
    } else if (inside && (dot[i] == '\n' || dot[i] == '\r')) {
      abort(); /* line breaks inside labels are escaped */
    }
  }
  if (inside) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int64_t minimum = data[0] % 5;
  size_t label_characters = data[1] % 48;
  data += 2;
  size -= 2;
  ibid_graph *graph = ibid_graph_new();
  if (!graph) return 0;
  while (size) {
    int64_t citing = next_id(&data, &size), cited = next_id(&data, &size);
    int64_t citations = size ? (int64_t)(data[0] % 4) : 1;
    size_t citing_length, cited_length;
    const char *citing_label = next_label(&data, &size, &citing_length);
    const char *cited_label = next_label(&data, &size, &cited_length);
    if (!ibid_graph_add(graph, citing, citing_label, citing_length, cited, cited_label,
                        cited_length, citations))
      abort();
  }
  size_t length = 0;
  char *dot = ibid_graph_dot(graph, minimum, label_characters, &length);
  if (!dot) abort();
  check_quotes(dot, length);
  ibid_free(dot);
  ibid_graph_free(graph);
  return 0;
}
