/*
** refmodel.c -- Viterbi decoding of the reference labeller (see refmodel.h).
** Scores are integer sums of the fixed-point weights in refmodel_weights.c.
*/
#include "refmodel.h"

#include <string.h>

#include "memory.h"

#define LABEL_NAME(identifier, name) name,
static const char *const label_names[] = {IBID_REFMODEL_LABELS(LABEL_NAME)};
#undef LABEL_NAME

const char *ibid_refmodel_label_name(int label) {
  if (label < 0 || label >= IBID_REFLABEL_COUNT) return "other";
  return label_names[label];
}

/* Row number + 1 of a feature bucket's weights, 0 when they are all zero. */
static uint32_t row_of(uint32_t bucket) {
  const unsigned char *at = ibid_refmodel_index + (size_t)bucket * 3;
  return (uint32_t)at[0] | (uint32_t)at[1] << 8 | (uint32_t)at[2] << 16;
}

static const unsigned char *row_bytes(uint32_t row) {
  return ibid_refmodel_rows + (size_t)(row - 1) * IBID_REFMODEL_ROW_STRIDE * 2;
}

/* Adds one little-endian int16 weight row to score[] (ROW_STRIDE entries). */
static void add_row(int32_t *score, const unsigned char *row) {
  int16_t weights[IBID_REFMODEL_ROW_STRIDE];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy(weights, row, sizeof(weights));
#else
  for (int l = 0; l < IBID_REFMODEL_ROW_STRIDE; l++)
    weights[l] = (int16_t)(uint16_t)(row[2 * l] | (unsigned)row[2 * l + 1] << 8);
#endif
  for (int l = 0; l < IBID_REFMODEL_ROW_STRIDE; l++) score[l] += weights[l];
}

/*
** Emission scores of every token: the sum of the weight rows of its features.
** The tables are larger than the cache and these loads are most of the
** labeller's time, so it runs as a pipeline: the index entries of the next
** token and then the rows of the next token are prefetched while the current
** one is handled. Feature buckets are replaced by row numbers in place.
*/
static void emissions(uint32_t *features, const uint8_t *feature_counts, size_t count,
                      int32_t *out) {
  enum { L = IBID_REFLABEL_COUNT, F = IBID_REFTOKENS_MAX_FEATURES };
  for (size_t k = 0; k < feature_counts[0]; k++)
    __builtin_prefetch(ibid_refmodel_index + (size_t)features[k] * 3);
  for (size_t i = 0; i < count; i++) {
    if (i + 1 < count)
      for (size_t k = 0; k < feature_counts[i + 1]; k++)
        __builtin_prefetch(ibid_refmodel_index + (size_t)features[(i + 1) * F + k] * 3);
    uint32_t *f = features + i * F;
    for (size_t k = 0; k < feature_counts[i]; k++) {
      f[k] = row_of(f[k]);
      if (f[k]) __builtin_prefetch(row_bytes(f[k]));
    }
  }
  for (size_t i = 0; i < count; i++) {
    if (i + 1 < count)
      for (size_t k = 0; k < feature_counts[i + 1]; k++)
        if (features[(i + 1) * F + k]) __builtin_prefetch(row_bytes(features[(i + 1) * F + k]));
    int32_t score[IBID_REFMODEL_ROW_STRIDE] = {0};
    const uint32_t *f = features + i * F;
    for (size_t k = 0; k < feature_counts[i]; k++)
      if (f[k]) add_row(score, row_bytes(f[k]));
    memcpy(out + i * L, score, L * sizeof(int32_t));
  }
}

/* In-place Viterbi over the emission table `score`; back[] keeps the argmax.
** Scores are renormalised at every token (only differences matter), so the
** 32-bit sums stay small however long the input. */
static void decode(int32_t *score, uint8_t *back, size_t count, uint8_t *labels) {
  enum { L = IBID_REFLABEL_COUNT };
  int32_t into[L][L]; /* into[to][from]: transitions transposed for a contiguous inner loop */
  for (int p = 0; p < L; p++)
    for (int l = 0; l < L; l++) into[l][p] = ibid_refmodel_transitions[p * L + l];
  for (int l = 0; l < L; l++) score[l] += ibid_refmodel_start[l];
  for (size_t i = 1; i < count; i++) {
    const int32_t *previous = score + (i - 1) * L;
    int32_t *current = score + i * L;
    int32_t top = INT32_MIN;
    for (int l = 0; l < L; l++) {
      int32_t best = previous[0] + into[l][0];
      int best_from = 0;
      for (int p = 1; p < L; p++) {
        int32_t v = previous[p] + into[l][p];
        if (v > best) best = v, best_from = p;
      }
      current[l] += best;
      back[i * L + l] = (uint8_t)best_from;
      if (current[l] > top) top = current[l];
    }
    for (int l = 0; l < L; l++) current[l] -= top;
  }
  int best = 0;
  for (int l = 1; l < L; l++)
    if (score[(count - 1) * L + l] > score[(count - 1) * L + best]) best = l;
  for (size_t i = count; i-- > 0;) {
    labels[i] = (uint8_t)best;
    best = back[i * L + best];
  }
}

int ibid_refmodel_label(const char *text, const ibid_reftoken *tokens, size_t count,
                        uint8_t *labels) {
  if (count == 0) return 0;
  uint32_t *features = ibid_malloc(count * IBID_REFTOKENS_MAX_FEATURES * sizeof(uint32_t));
  uint8_t *feature_counts = ibid_malloc(count);
  int32_t *score = ibid_malloc(count * IBID_REFLABEL_COUNT * sizeof(int32_t));
  uint8_t *back = ibid_malloc(count * IBID_REFLABEL_COUNT);
  int rc = -1;
  if (features && feature_counts && score && back &&
      ibid_reftokens_features(text, tokens, count, IBID_REFMODEL_BUCKETS, features,
                              feature_counts) == 0) {
    emissions(features, feature_counts, count, score);
    decode(score, back, count, labels);
    rc = 0;
  }
  ibid_free(features);
  ibid_free(feature_counts);
  ibid_free(score);
  ibid_free(back);
  return rc;
}
