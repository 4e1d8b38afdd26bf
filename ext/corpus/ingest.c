/*
** ingest.c -- the analysis of one document body, layer by layer.
**
** ibid_ingest(document_id) (ext/corpus/sql_ingest.c) loads a document's
** derived tables from one analysis of its body instead of one table-valued
** function per table: each layer is computed once, from the text and the
** layers below it, written, and released.
**
**   ibid_analysis a;
**   ibid_analysis_start(&a, text, length, &tools);
**   ibid_analysis_compute(&a, IBID_LAYER_MARKERS);   -- computes notes first
**   ... a.markers[0 .. a.marker_count) ...
**   ibid_analysis_release(&a, IBID_LAYER_MARKERS);
**   ibid_analysis_free(&a);
**
** HOW IT WORKS
** A bit per layer says whether it is there. Computing a layer first computes
** what it reads: markers read the notes (ibid_find_markers takes the note
** list, so the notes are found once for notes, markers and references).
** Sentences, claims and events use the caller's one sentence splitter (one
** ICU iterator per connection); findings and entities the caller's country
** names. The progress of the caller is checked between layers and counted
** by the parsers that take it (findings), so an interrupt stops the analysis
** at the next layer at the latest. Each layer is exactly what the layer's
** own function returns for the same text (ibid_blocks, ibid_notes ...): the
** same parser, called the same way.
*/
#include "ingest.h"

#include <string.h>

#include "memory.h"

void ibid_analysis_start(ibid_analysis *analysis, const char *text, size_t length,
                         const ibid_analysis_tools *tools) {
  memset(analysis, 0, sizeof(*analysis));
  analysis->text = text;
  analysis->length = length;
  analysis->tools = *tools;
}

static int has(const ibid_analysis *analysis, ibid_layer layer) {
  return (analysis->done >> layer) & 1u;
}

ibid_analysis_status ibid_analysis_compute(ibid_analysis *a, ibid_layer layer) {
  if (has(a, layer)) return IBID_ANALYSIS_OK;
  /* a stop asked for during the layer before ends the analysis here */
  if (ibid_progress_step(a->tools.progress, 1)) return IBID_ANALYSIS_INTERRUPTED;
  const char *text = a->text;
  size_t length = a->length;
  int failed = 0;
  switch (layer) {
    case IBID_LAYER_BLOCKS:
      failed = ibid_find_blocks(text, length, &a->blocks, &a->block_count);
      break;
    case IBID_LAYER_SENTENCES:
      if (!a->tools.splitter) return IBID_ANALYSIS_ICU;
      failed =
          ibid_split_sentences(a->tools.splitter, text, length, &a->sentences, &a->sentence_count);
      if (failed == -2) return IBID_ANALYSIS_ICU;
      break;
    case IBID_LAYER_NOTES:
      failed = ibid_find_notes(text, length, &a->notes, &a->note_count);
      break;
    case IBID_LAYER_MARKERS: {
      ibid_analysis_status status = ibid_analysis_compute(a, IBID_LAYER_NOTES);
      if (status != IBID_ANALYSIS_OK) return status;
      failed =
          ibid_find_markers(text, length, a->notes, a->note_count, &a->markers, &a->marker_count);
      break;
    }
    case IBID_LAYER_CITES:
      failed = ibid_find_cites(text, length, &a->cites, &a->cite_count);
      break;
    case IBID_LAYER_FINDINGS: {
      int rc = ibid_find_findings_progress(text, length, a->tools.regions, a->tools.progress,
                                           &a->findings);
      if (rc != 0) {
        ibid_findings_free(&a->findings);
        memset(&a->findings, 0, sizeof(a->findings));
        return rc > 0 ? IBID_ANALYSIS_INTERRUPTED : IBID_ANALYSIS_NO_MEMORY;
      }
      break;
    }
    case IBID_LAYER_CLAIMS:
      if (!a->tools.splitter) return IBID_ANALYSIS_ICU;
      failed = ibid_find_claims_with(a->tools.splitter, text, length, &a->claims, &a->claim_count);
      break;
    case IBID_LAYER_ENTITIES:
      failed =
          ibid_find_entities_in(text, length, a->tools.regions, &a->entities, &a->entity_count);
      break;
    case IBID_LAYER_EVENTS:
      if (!a->tools.splitter) return IBID_ANALYSIS_ICU;
      failed = ibid_find_events_with(a->tools.splitter, text, length, &a->events, &a->event_count);
      break;
    default:
      return IBID_ANALYSIS_OK;
  }
  if (failed) return IBID_ANALYSIS_NO_MEMORY;
  a->done |= 1u << layer;
  /* the parsers that take no progress count their input as the work done */
  if (ibid_progress_step(a->tools.progress, length)) return IBID_ANALYSIS_INTERRUPTED;
  return IBID_ANALYSIS_OK;
}

void ibid_analysis_release(ibid_analysis *a, ibid_layer layer) {
  switch (layer) {
    case IBID_LAYER_BLOCKS:
      ibid_free(a->blocks);
      a->blocks = 0;
      a->block_count = 0;
      break;
    case IBID_LAYER_SENTENCES:
      ibid_free(a->sentences);
      a->sentences = 0;
      a->sentence_count = 0;
      break;
    case IBID_LAYER_NOTES:
      ibid_free(a->notes);
      a->notes = 0;
      a->note_count = 0;
      break;
    case IBID_LAYER_MARKERS:
      ibid_free(a->markers);
      a->markers = 0;
      a->marker_count = 0;
      break;
    case IBID_LAYER_CITES:
      ibid_free_cites(a->cites, a->cite_count);
      a->cites = 0;
      a->cite_count = 0;
      break;
    case IBID_LAYER_FINDINGS:
      if (has(a, IBID_LAYER_FINDINGS)) ibid_findings_free(&a->findings);
      memset(&a->findings, 0, sizeof(a->findings));
      break;
    case IBID_LAYER_CLAIMS:
      ibid_free(a->claims);
      a->claims = 0;
      a->claim_count = 0;
      break;
    case IBID_LAYER_ENTITIES:
      ibid_free(a->entities);
      a->entities = 0;
      a->entity_count = 0;
      break;
    case IBID_LAYER_EVENTS:
      ibid_free(a->events);
      a->events = 0;
      a->event_count = 0;
      break;
    default:
      return;
  }
  a->done &= ~(1u << layer);
}

void ibid_analysis_free(ibid_analysis *a) {
  for (int layer = 0; layer < IBID_LAYER_COUNT; layer++)
    ibid_analysis_release(a, (ibid_layer)layer);
}
