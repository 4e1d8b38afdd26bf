/*
** claims.h -- quantitative claims in prose: "3.300 battle-related casualties
** per month", "150%", "1.5 million individuals", with arithmetic checks of a
** stated percentage change and of a stated total against its parts.
*/
#ifndef IBID_CLAIMS_H
#define IBID_CLAIMS_H
#include <stddef.h>

#include "layers.h"
#include "progress.h"

#define IBID_CLAIM_UNIT_SIZE 96

typedef enum ibid_claim_check {
  IBID_CLAIM_UNCHECKED = 0,
  IBID_CLAIM_CONSISTENT,
  IBID_CLAIM_INCONSISTENT
} ibid_claim_check;

typedef struct ibid_claim {
  size_t start, length;                   /* the number and its unit */
  size_t sentence_start, sentence_length; /* the sentence holding it */
  size_t sentence;                        /* its number in ibid_sentences(text), 0 if none */
  double value;                           /* as the document means it: "3.300" -> 3300 */
  char unit[IBID_CLAIM_UNIT_SIZE];        /* NUL-terminated, "" when none */
  ibid_claim_check check;
  double expected; /* what the check computed (valid when check != UNCHECKED) */
} ibid_claim;

/* Finds the claims of the document whose layers (layers.h) are built, in
** order; reads its sentences and cite spans (IBID_LAYERS_SENTENCES |
** IBID_LAYERS_CITES). Returns 0 with *claims (free with ibid_free; may be
** NULL when *count is 0), or -1 when out of memory. */
int ibid_find_claims_layers(const ibid_layers *layers, ibid_claim **claims, size_t *count);
/* The same, counting its work on progress (ext/core/progress.h; may be NULL):
** returns 1, with no claims, when progress says stop. */
int ibid_find_claims_progress(const ibid_layers *layers, ibid_progress *progress,
                              ibid_claim **claims, size_t *count);
/* The same for a bare text: builds its layers for the call. */
int ibid_find_claims(const char *text, size_t length, ibid_claim **claims, size_t *count);

/* 'consistent', 'inconsistent' or NULL. */
const char *ibid_claim_check_name(ibid_claim_check check);

#endif
