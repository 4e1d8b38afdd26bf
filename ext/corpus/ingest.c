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
** what it reads. The lower layers -- sentences, author-year cites, notes and
** their markers -- are one ibid_layers (ext/findings/layers.h), built once:
** the sentences table is written from its sentences, and claims, events,
** entities and the case-study findings read the same sentences and cite
** spans instead of splitting and scanning the text again; the references
** read its notes. Sentences use the caller's one sentence splitter (one ICU
** iterator per connection); findings and entities the caller's country
** names. The progress of the caller is checked between layers and counted
** by the parsers that take it (findings, claims, entities, events), so an interrupt stops the
*analysis
** at the next layer at the latest. Each layer is exactly what the layer's
** own table-valued function returns for the same text (ibid_blocks,
** ibid_notes ...): the same parsers on the same layers.
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
  if (layer > IBID_LAYER_LOWER && layer < IBID_LAYER_COUNT) {
    ibid_analysis_status status = ibid_analysis_compute(a, IBID_LAYER_LOWER);
    if (status != IBID_ANALYSIS_OK) return status;
  }
  const char *text = a->text;
  size_t length = a->length;
  int failed = 0;
  switch (layer) {
    case IBID_LAYER_BLOCKS:
      failed = ibid_find_blocks(text, length, &a->blocks, &a->block_count);
      if (failed) {
        a->blocks = 0;
        a->block_count = 0;
      }
      break;
    case IBID_LAYER_LOWER:
      /* the blocks the caller found already (the ingest writes them first) are
      ** not found again by the sentence split */
      failed = ibid_layers_build_in_blocks(
          a->tools.splitter, text, length, has(a, IBID_LAYER_BLOCKS) ? a->blocks : NULL,
          a->block_count, IBID_LAYERS_ALL, a->tools.progress, &a->lower);
      if (failed) {
        ibid_layers_free(&a->lower);
        memset(&a->lower, 0, sizeof(a->lower));
      }
      break;
    case IBID_LAYER_FINDINGS: {
      int rc =
          ibid_find_findings_layers(&a->lower, a->tools.regions, a->tools.progress, &a->findings);
      if (rc != 0) {
        ibid_findings_free(&a->findings);
        memset(&a->findings, 0, sizeof(a->findings));
        return rc > 0 ? IBID_ANALYSIS_INTERRUPTED : IBID_ANALYSIS_NO_MEMORY;
      }
      break;
    }
    case IBID_LAYER_CLAIMS:
      failed = ibid_find_claims_progress(&a->lower, a->tools.progress, &a->claims, &a->claim_count);
      break;
    case IBID_LAYER_ENTITIES:
      failed = ibid_find_entities_progress(&a->lower, a->tools.regions, a->tools.progress,
                                           &a->entities, &a->entity_count);
      break;
    case IBID_LAYER_EVENTS:
      failed = ibid_find_events_progress(&a->lower, a->tools.progress, &a->events, &a->event_count);
      break;
    default:
      return IBID_ANALYSIS_OK;
  }
  if (failed > 0) return IBID_ANALYSIS_INTERRUPTED; /* claims, entities, events */
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
    case IBID_LAYER_LOWER:
      if (has(a, IBID_LAYER_LOWER)) ibid_layers_free(&a->lower);
      memset(&a->lower, 0, sizeof(a->lower));
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
