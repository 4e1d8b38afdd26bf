/*
** ingest.h -- one analysis of a document's body, layer by layer, each layer
** computed once from the text and the layers below it (ext/corpus/ingest.c).
** ibid_ingest (ext/corpus/sql_ingest.c) writes each layer to its corpus table
** as soon as it is made and releases it then, so a document's analysis is
** never held whole. Pure C: no SQLite types.
*/
#ifndef IBID_INGEST_H
#define IBID_INGEST_H
#include <stddef.h>

#include "blocks.h"
#include "cites.h"
#include "claims.h"
#include "entities.h"
#include "events.h"
#include "findings.h"
#include "layers.h"
#include "markers.h"
#include "notes.h"
#include "progress.h"
#include "regions.h"
#include "sentences.h"

/* The layers, in the order ibid_ingest writes them. */
typedef enum ibid_layer {
  IBID_LAYER_BLOCKS = 0,
  IBID_LAYER_LOWER,    /* sentences, cites, notes and markers: ibid_layers (layers.h), once */
  IBID_LAYER_FINDINGS, /* cases, questions, findings, evidence: one analysis, on the lower */
  IBID_LAYER_CLAIMS,   /* on the lower layers */
  IBID_LAYER_ENTITIES, /* on the lower layers */
  IBID_LAYER_EVENTS,   /* on the lower layers */
  IBID_LAYER_COUNT
} ibid_layer;

/* What the analysis borrows from its caller (made once per connection). */
typedef struct ibid_analysis_tools {
  ibid_sentence_splitter *splitter; /* the one ICU sentence iterator; NULL: one per call */
  const ibid_regions *regions;      /* country names for findings and entities; may be NULL */
  ibid_progress *progress;          /* interrupts (progress.h); may be NULL */
} ibid_analysis_tools;

typedef struct ibid_analysis {
  const char *text; /* borrowed: valid UTF-8, not NUL-terminated */
  size_t length;
  ibid_analysis_tools tools;
  unsigned done; /* bit per layer: computed (and not yet released) */
  ibid_block *blocks;
  size_t block_count;
  ibid_layers lower; /* sentences, cites, notes, markers (and their derived views) */
  ibid_findings findings;
  ibid_claim *claims;
  size_t claim_count;
  ibid_entity *entities;
  size_t entity_count;
  ibid_event *events;
  size_t event_count;
} ibid_analysis;

typedef enum ibid_analysis_status {
  IBID_ANALYSIS_OK = 0,
  IBID_ANALYSIS_NO_MEMORY = -1,
  IBID_ANALYSIS_ICU = -2,        /* the sentence iterator failed */
  IBID_ANALYSIS_INTERRUPTED = 1, /* tools.progress said stop */
} ibid_analysis_status;

/* Starts the analysis of text (nothing is computed yet). */
void ibid_analysis_start(ibid_analysis *analysis, const char *text, size_t length,
                         const ibid_analysis_tools *tools);
/* Computes `layer` (and the layers it needs) unless it is there already.
** Releasing the lower layers while a layer that reads them is still to be
** computed makes them again: release them last. */
ibid_analysis_status ibid_analysis_compute(ibid_analysis *analysis, ibid_layer layer);
/* Frees one layer (computing it again later makes it anew). */
void ibid_analysis_release(ibid_analysis *analysis, ibid_layer layer);
/* Frees every layer. */
void ibid_analysis_free(ibid_analysis *analysis);

#endif
