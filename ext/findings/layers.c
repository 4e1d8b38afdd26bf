/*
** layers.c -- the lower layers of one document, built once (see layers.h).
**
** HOW IT WORKS. ibid_layers_build runs the layer functions themselves --
** ibid_split_sentences (ext/text/sentences.c), ibid_find_cites
** (ext/citations/cites.c), ibid_find_notes and ibid_find_markers
** (ext/citations/notes.c, markers.c) -- and keeps their arrays unchanged, so
** index k is row k + 1 of the matching table. Two views are derived in one
** pass each: the sentence starts (for binary search by offset) and the
** parenthesis of each cite group. A parenthetical group's items lie inside
** its parenthesis, so the span runs from the '(' before its first item to
** the ')' after its last; a narrative cite ("Smith (2015)") spans the name
** through ')', and its span is the parenthesis only, so that "Smith" is
** still read as a name. A group of nothing but 'empty' items ("( )") has no
** span. Both scans are bounded (MAXIMUM_REACH bytes), so the
** derivation is linear.
*/
#include "layers.h"

#include <string.h>

#include "memory.h"
#include "numbers.h"

/* How far a scan for a group's '(' or ')' reaches (cites.c reads no
** parenthesis longer than 800 bytes). */
#define MAXIMUM_REACH 800

static size_t group_open(const char *text, const ibid_cite *first) {
  if (first->narrative) {
    for (size_t p = first->start; p < first->start + first->length; p++)
      if (text[p] == '(') return p;
    return first->start;
  }
  for (size_t p = first->start, reach = 0; p > 0 && reach < MAXIMUM_REACH; p--, reach++) {
    if (text[p - 1] == '(') return p - 1;
    if (text[p - 1] == ')') break;
  }
  return first->start;
}

static size_t group_close(const char *text, size_t length, const ibid_cite *last) {
  size_t end = last->start + last->length;
  if (end > 0 && text[end - 1] == ')') return end;
  for (size_t p = end, reach = 0; p < length && reach < MAXIMUM_REACH; p++, reach++) {
    if (text[p] == ')') return p + 1;
    if (text[p] == '(') break;
  }
  return end;
}

int ibid_layers_derive(ibid_layers *layers) {
  ibid_free(layers->sentence_starts);
  ibid_free(layers->cite_spans);
  ibid_free(layers->cite_span_first);
  layers->sentence_starts = NULL;
  layers->cite_spans = NULL;
  layers->cite_span_first = NULL;
  layers->cite_span_count = 0;
  if (layers->sentence_count) {
    layers->sentence_starts = ibid_malloc(layers->sentence_count * sizeof(size_t));
    if (!layers->sentence_starts) return -1;
    for (size_t k = 0; k < layers->sentence_count; k++)
      layers->sentence_starts[k] = layers->sentences[k].start;
  }
  if (layers->cite_count) {
    layers->cite_spans = ibid_malloc(2 * layers->cite_count * sizeof(size_t));
    layers->cite_span_first = ibid_malloc(layers->cite_count * sizeof(size_t));
    if (!layers->cite_spans || !layers->cite_span_first) return -1;
    size_t n = 0;
    for (size_t k = 0; k < layers->cite_count;) {
      size_t last = k;
      while (last + 1 < layers->cite_count &&
             layers->cites[last + 1].group == layers->cites[k].group)
        last++;
      int empty = 1; /* "( )" in prose: a row of `cites` with problem 'empty', no citation */
      for (size_t i = k; i <= last && empty; i++)
        empty = layers->cites[i].problem && strcmp(layers->cites[i].problem, "empty") == 0;
      if (empty) {
        k = last + 1;
        continue;
      }
      size_t start = group_open(layers->text, &layers->cites[k]);
      size_t end = group_close(layers->text, layers->length, &layers->cites[last]);
      /* sorted and disjoint: a span never reaches back into the previous one */
      if (n > 0 && start < layers->cite_spans[2 * n - 1]) start = layers->cite_spans[2 * n - 1];
      if (end > start) {
        layers->cite_spans[2 * n] = start;
        layers->cite_spans[2 * n + 1] = end;
        layers->cite_span_first[n] = k;
        n++;
      }
      k = last + 1;
    }
    layers->cite_span_count = n;
  }
  return 0;
}

int ibid_layers_build(ibid_sentence_splitter *splitter, const char *text, size_t length,
                      unsigned what, ibid_layers *layers) {
  return ibid_layers_build_progress(splitter, text, length, what, NULL, layers);
}

int ibid_layers_build_progress(ibid_sentence_splitter *splitter, const char *text, size_t length,
                               unsigned what, ibid_progress *progress, ibid_layers *layers) {
  return ibid_layers_build_in_blocks(splitter, text, length, NULL, 0, what, progress, layers);
}

int ibid_layers_build_in_blocks(ibid_sentence_splitter *splitter, const char *text, size_t length,
                                const ibid_block *blocks, size_t block_count, unsigned what,
                                ibid_progress *progress, ibid_layers *layers) {
  memset(layers, 0, sizeof(*layers));
  layers->text = text ? text : "";
  layers->length = text ? length : 0;
  text = layers->text;
  length = layers->length;
  if (what & IBID_LAYERS_SENTENCES) {
    ibid_sentence_splitter *own = splitter ? NULL : ibid_sentence_splitter_new();
    ibid_sentence_splitter *use = splitter ? splitter : own;
    int rc = !use ? -2
             : blocks
                 ? ibid_split_sentences_in_blocks(use, text, length, blocks, block_count, progress,
                                                  &layers->sentences, &layers->sentence_count)
                 : ibid_split_sentences_progress(use, text, length, progress, &layers->sentences,
                                                 &layers->sentence_count);
    ibid_sentence_splitter_free(own);
    if (rc == -1) return -1;
    if (rc == 1) return 1; /* stopped */
    if (rc != 0) {         /* ICU could not split: no sentences */
      ibid_free(layers->sentences);
      layers->sentences = NULL;
      layers->sentence_count = 0;
    }
    layers->built |= IBID_LAYERS_SENTENCES;
  }
  if (what & IBID_LAYERS_CITES) {
    if (ibid_progress_step(progress, length)) return 1;
    if (ibid_find_cites(text, length, &layers->cites, &layers->cite_count)) return -1;
    layers->built |= IBID_LAYERS_CITES;
  }
  if (what & IBID_LAYERS_NOTES) {
    if (ibid_progress_step(progress, length)) return 1;
    if (ibid_find_notes(text, length, &layers->notes, &layers->note_count)) return -1;
    if (ibid_find_markers(text, length, layers->notes, layers->note_count, &layers->markers,
                          &layers->marker_count))
      return -1;
    layers->built |= IBID_LAYERS_NOTES;
  }
  return ibid_layers_derive(layers);
}

void ibid_layers_free(ibid_layers *layers) {
  ibid_free(layers->sentences);
  ibid_free(layers->sentence_starts);
  ibid_free_cites(layers->cites, layers->cite_count);
  ibid_free(layers->cite_spans);
  ibid_free(layers->cite_span_first);
  ibid_free(layers->notes);
  ibid_free(layers->markers);
  memset(layers, 0, sizeof(*layers));
}

size_t ibid_layers_sentence_number(const ibid_layers *layers, size_t offset) {
  return ibid_sentence_number(layers->sentence_starts, layers->sentence_count, offset);
}

void ibid_layers_sentence_at(const ibid_layers *layers, size_t offset, size_t *start, size_t *end) {
  ibid_sentence_at(layers->sentence_starts, layers->sentence_count, layers->length, offset, start,
                   end);
}

long ibid_layers_cite_span_at(const ibid_layers *layers, size_t offset) {
  return ibid_span_index(layers->cite_spans, layers->cite_span_count, offset);
}
