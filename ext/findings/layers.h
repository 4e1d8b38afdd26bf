/*
** layers.h -- the lower layers of one document, built once and read by every
** extractor of the findings layer (findings, claims, events, entities).
**
** The arrays are exactly what the corpus tables are filled from, so a row of
** an extractor points at a row of a table:
**   sentences[k]  is row n = k + 1 of ibid_sentences(text) / `sentences`
**   cites[k]      is row n = k + 1 of ibid_cites(text) / `cites`
**   notes[k]      is row k + 1 of ibid_notes(text) / `notes`
**   markers[k]    is row k + 1 of ibid_markers(text) / `markers`
** An ingest that fills those tables builds the layers once, writes the rows
** from these arrays and hands the same const pointer to every extractor:
**
**   ibid_layers layers;
**   if (ibid_layers_build(splitter, body, length, IBID_LAYERS_ALL, &layers) == 0) {
**     ... rows of sentences, cites, notes, markers from layers ...
**     ibid_find_claims_layers(&layers, &claims, &claim_count);
**     ibid_find_events_layers(&layers, &events, &event_count);
**     ibid_find_entities_layers(&layers, regions, &entities, &entity_count);
**     ibid_find_findings_layers(&layers, regions, progress, &findings);
**   }
**   ibid_layers_free(&layers);
**
** Derived views every extractor shares (no extractor splits sentences or
** detects citations of its own):
**   sentence_starts[k] == sentences[k].start (binary search by offset);
**   cite_spans: the parenthesis "(" .. ")" of each cite group (cites with
**     the same `group`), as sorted disjoint pairs [start, end): what claims,
**     events and entities skip and what a finding's evidence points at.
**
** The text is borrowed: it must outlive the layers. Pure C, no SQLite types.
*/
#ifndef IBID_LAYERS_H
#define IBID_LAYERS_H
#include <stddef.h>

#include "cites.h"
#include "markers.h"
#include "notes.h"
#include "sentences.h"

/* What ibid_layers_build computes (the rest stays NULL / 0). */
#define IBID_LAYERS_SENTENCES 1u
#define IBID_LAYERS_CITES 2u
#define IBID_LAYERS_NOTES 4u /* notes and markers */
#define IBID_LAYERS_ALL 7u

typedef struct ibid_layers {
  const char *text; /* borrowed */
  size_t length;
  unsigned built; /* IBID_LAYERS_* bits that were computed */

  ibid_sentence *sentences; /* ibid_split_sentences (ext/text/sentences.c) */
  size_t sentence_count;
  size_t *sentence_starts; /* sentences[k].start, ascending */

  ibid_cite *cites; /* ibid_find_cites (ext/citations/cites.c), text order */
  size_t cite_count;
  size_t *cite_spans;      /* 2 * cite_span_count: [start, end) of each cite group's parenthesis */
  size_t *cite_span_first; /* cite_span_count: index into cites of the group's first cite */
  size_t cite_span_count;

  ibid_note *notes; /* ibid_find_notes (ext/citations/notes.c) */
  size_t note_count;
  ibid_marker *markers; /* ibid_find_markers (ext/citations/markers.c) */
  size_t marker_count;
} ibid_layers;

/* Builds the layers `what` (IBID_LAYERS_* bits) of text[0..length) (valid
** UTF-8). splitter may be NULL (one is made for the call). Returns 0, or -1
** when out of memory; ICU failing to split (a block longer than ICU can
** index) leaves no sentences, not an error. Release with ibid_layers_free,
** also after a failure. */
int ibid_layers_build(ibid_sentence_splitter *splitter, const char *text, size_t length,
                      unsigned what, ibid_layers *layers);
/* The same, counting its work on progress (ext/core/progress.h; may be NULL):
** the sentence split counts each block, the other layers the text's length
** before they start. Returns 1 when progress says stop (release the layers). */
int ibid_layers_build_progress(ibid_sentence_splitter *splitter, const char *text, size_t length,
                               unsigned what, ibid_progress *progress, ibid_layers *layers);

/* The same, splitting the sentences in the blocks of ibid_find_blocks(text,
** length) that the caller has found already (NULL: found here), so that an
** ingest writing the blocks finds them once. */
int ibid_layers_build_in_blocks(ibid_sentence_splitter *splitter, const char *text, size_t length,
                                const ibid_block *blocks, size_t block_count, unsigned what,
                                ibid_progress *progress, ibid_layers *layers);

/* Derives sentence_starts and cite_spans from sentences and cites that the
** caller filled in itself (arrays owned by the layers: ibid_layers_free frees
** them). Returns -1 when out of memory. ibid_layers_build calls it. */
int ibid_layers_derive(ibid_layers *layers);

void ibid_layers_free(ibid_layers *layers);

/* The number (1-based) of the sentence holding offset: the last sentence that
** starts at or before it; 0 when offset lies before the first sentence. */
size_t ibid_layers_sentence_number(const ibid_layers *layers, size_t offset);

/* [*start, *end) from the start of the sentence holding offset to the start
** of the next one (the text end after the last); [0, length) when there are
** no sentences. */
void ibid_layers_sentence_at(const ibid_layers *layers, size_t offset, size_t *start, size_t *end);

/* The index of the cite span holding offset, or -1. */
long ibid_layers_cite_span_at(const ibid_layers *layers, size_t offset);

#endif
