/*
** refmodel.c -- Viterbi decoding of the reference labeller (see refmodel.h).
** Scores are integer sums of the fixed-point weights in refmodel_weights.c.
*/
#include "refmodel.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "memory.h"

#define LABEL_NAME(identifier, name) name,
static const char *const label_names[] = {IBID_REFMODEL_LABELS(LABEL_NAME)};
#undef LABEL_NAME

const char *ibid_refmodel_label_name(int label) {
  if (label < 0 || label >= IBID_REFLABEL_COUNT) return "other";
  return label_names[label];
}

/* Four lanes of int32 scores: GCC/Clang generic vectors, which become
** SSE2/NEON instructions (or plain scalar code elsewhere). The row sums and
** the Viterbi step are most of the labeller's instructions, and -O2 does not
** vectorise them by itself. Score rows are ROW_STRIDE int32
** (LANE_GROUPS vectors), accessed with memcpy because ibid_malloc (SQLite's
** allocator in the extension) only promises 8-byte alignment. */
typedef int32_t lanes4 __attribute__((vector_size(16)));
enum { LANE_GROUPS = IBID_REFMODEL_ROW_STRIDE / 4 };

static lanes4 load4(const int32_t *at) {
  lanes4 v;
  memcpy(&v, at, sizeof(v));
  return v;
}

static void store4(int32_t *at, lanes4 v) {
  memcpy(at, &v, sizeof(v));
}

static lanes4 splat4(int32_t value) {
  lanes4 v = {value, value, value, value};
  return v;
}

/*
** Row sums in int16 lanes: a row's sixteen first weights (stored plus 128,
** 0-255) widen to one vector of sixteen int16, its last eight (ending with
** labels 16-18 and the zero padding) to a vector of eight; at most
** IBID_REFTOKENS_MAX_FEATURES rows of bytes up to 255 are summed, which int16 holds. emission_row()
*widens the sums
** to int32 in the transition scale once per token.
*/
_Static_assert(IBID_REFMODEL_ROW_STRIDE == 20, "add_row reads rows of 20 weights");
_Static_assert(IBID_REFTOKENS_MAX_FEATURES * 255 < 32767, "row sums must fit int16");
typedef uint8_t bytes4 __attribute__((vector_size(4)));

#ifdef __SSE2__
/* x86-64: a row's sixteen first weights are summed as eight 16-bit lanes
** (each the weight of an even label plus 256 times the next one's, wrapping)
** and, shifted right by 8, as the odd labels alone: the even labels' sums
** come out of the two at the end, exactly (a sum fits 16 bits), for fewer
** instructions a row than widening each byte. The last eight bytes (ending
** with labels 16-18 and the zero padding) widen by interleaving with zeros. */
typedef struct row_sums {
  __m128i all, odd, tail; /* tail lanes 4-7: labels 16-18 and the padding */
} row_sums;

/* Writes the sums of add_row over `rows` rows in label order (ROW_STRIDE
** int32), in the transition scale. */
static void emission_row(const row_sums *sums, size_t rows, int32_t *out) {
  _Static_assert(IBID_REFMODEL_ROW_UNIT == 256, "emission_row shifts by 8");
  __m128i even = _mm_sub_epi16(sums->all, _mm_slli_epi16(sums->odd, 8));
  __m128i bias = _mm_set1_epi16((short)(128 * rows));
  __m128i low = _mm_sub_epi16(_mm_unpacklo_epi16(even, sums->odd), bias),
          high = _mm_sub_epi16(_mm_unpackhi_epi16(even, sums->odd), bias),
          tail = _mm_sub_epi16(sums->tail, bias);
  /* int16 to int32: each lane into the high half of a 32-bit lane, then an
  ** arithmetic shift right by 16 - 8 (the shift by 8 multiplies by ROW_UNIT) */
  __m128i parts[5] = {_mm_unpacklo_epi16(low, low), _mm_unpackhi_epi16(low, low),
                      _mm_unpacklo_epi16(high, high), _mm_unpackhi_epi16(high, high),
                      _mm_unpackhi_epi16(tail, tail)};
  for (int g = 0; g < 5; g++)
    _mm_storeu_si128((__m128i *)(void *)(out + 4 * g),
                     _mm_slli_epi32(_mm_srai_epi32(parts[g], 16), 8));
}
#else
typedef uint8_t weights16 __attribute__((vector_size(16)));
typedef int16_t sums16 __attribute__((vector_size(32)));
typedef uint8_t weights8 __attribute__((vector_size(8)));
typedef int16_t sums8 __attribute__((vector_size(16)));

typedef struct row_sums {
  sums16 head;
  sums8 tail; /* lanes 4-7: labels 16-18 and the padding (lanes 0-3 repeat 12-15) */
} row_sums;

static void row_sums_init(row_sums *sums) {
  memset(sums, 0, sizeof(*sums));
}

static void add_row(row_sums *sums, const unsigned char *row) {
  weights16 head;
  weights8 tail;
  memcpy(&head, row, sizeof(head));
  memcpy(&tail, row + 12, sizeof(tail)); /* 8 bytes widen in one step, 4 do not */
  sums->head += __builtin_convertvector(head, sums16);
  sums->tail += __builtin_convertvector(tail, sums8);
}

/* Writes the sums of add_row in label order (ROW_STRIDE int32), in the
** transition scale. */
static void emission_row(const row_sums *sums, size_t rows, int32_t *out) {
  int32_t bias = 128 * (int32_t)rows; /* the weights are stored plus 128 */
  for (int l = 0; l < 16; l++) out[l] = (sums->head[l] - bias) * IBID_REFMODEL_ROW_UNIT;
  for (int j = 0; j < 4; j++) out[16 + j] = (sums->tail[4 + j] - bias) * IBID_REFMODEL_ROW_UNIT;
}
#endif

/*
** Emission scores of every token (ROW_STRIDE int32 per token, the padding
** lanes 0): the sum of the weight rows of its features.
** The rows are larger than the cache, so it runs in two passes: the features
** come as row offsets, their rows prefetched as they were found
** (ibid_reftokens_feature_rows); this pass adds the rows up, the zero row for
** a bucket without one, so that it does not branch. (Interleaving the passes
** token by token measured slower.)
*/
static void emissions(const uint32_t *features, const uint8_t *feature_counts, size_t count,
                      int32_t *out) {
  enum { S = IBID_REFMODEL_ROW_STRIDE, F = IBID_REFTOKENS_MAX_FEATURES };
  for (size_t i = 0; i < count; i++) {
    const uint32_t *f = features + i * F;
    size_t n = feature_counts[i];
#ifdef __SSE2__
    /* (two rows at a time, added together first: GCC copies each sum after
    ** its add, a copy for two rows instead of one) */
    __m128i all = _mm_setzero_si128(), odd = all, tail = all, zero = all;
    size_t k = 0;
    /* (four rows a turn, then two: the sums are the same in any order) */
    for (; k + 3 < n; k += 4) {
      const unsigned char *a = ibid_refmodel_rows + f[k], *b = ibid_refmodel_rows + f[k + 1],
                          *c = ibid_refmodel_rows + f[k + 2], *d = ibid_refmodel_rows + f[k + 3];
      __m128i head_a = _mm_loadu_si128((const __m128i *)(const void *)a);
      __m128i head_b = _mm_loadu_si128((const __m128i *)(const void *)b);
      __m128i head_c = _mm_loadu_si128((const __m128i *)(const void *)c);
      __m128i head_d = _mm_loadu_si128((const __m128i *)(const void *)d);
      __m128i tail_ab =
          _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)(const void *)(a + 12)),
                             _mm_loadl_epi64((const __m128i *)(const void *)(b + 12)));
      __m128i tail_cd =
          _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)(const void *)(c + 12)),
                             _mm_loadl_epi64((const __m128i *)(const void *)(d + 12)));
      all = _mm_add_epi16(
          all, _mm_add_epi16(_mm_add_epi16(head_a, head_b), _mm_add_epi16(head_c, head_d)));
      odd = _mm_add_epi16(
          odd, _mm_add_epi16(_mm_add_epi16(_mm_srli_epi16(head_a, 8), _mm_srli_epi16(head_b, 8)),
                             _mm_add_epi16(_mm_srli_epi16(head_c, 8), _mm_srli_epi16(head_d, 8))));
      /* the tails of a and b side by side, then of c and d: their low bytes
      ** widen with zeros, and the high half of each pair adds to the low */
      __m128i wide = _mm_add_epi16(
          _mm_add_epi16(_mm_unpacklo_epi8(tail_ab, zero), _mm_unpackhi_epi8(tail_ab, zero)),
          _mm_add_epi16(_mm_unpacklo_epi8(tail_cd, zero), _mm_unpackhi_epi8(tail_cd, zero)));
      tail = _mm_add_epi16(tail, wide);
    }
    for (; k + 1 < n; k += 2) {
      const unsigned char *a = ibid_refmodel_rows + f[k], *b = ibid_refmodel_rows + f[k + 1];
      __m128i head_a = _mm_loadu_si128((const __m128i *)(const void *)a);
      __m128i head_b = _mm_loadu_si128((const __m128i *)(const void *)b);
      __m128i tail_a = _mm_loadl_epi64((const __m128i *)(const void *)(a + 12));
      __m128i tail_b = _mm_loadl_epi64((const __m128i *)(const void *)(b + 12));
      all = _mm_add_epi16(all, _mm_add_epi16(head_a, head_b));
      odd = _mm_add_epi16(odd, _mm_add_epi16(_mm_srli_epi16(head_a, 8), _mm_srli_epi16(head_b, 8)));
      tail = _mm_add_epi16(
          tail, _mm_add_epi16(_mm_unpacklo_epi8(tail_a, zero), _mm_unpacklo_epi8(tail_b, zero)));
    }
    if (k < n) {
      const unsigned char *a = ibid_refmodel_rows + f[k];
      __m128i head_a = _mm_loadu_si128((const __m128i *)(const void *)a);
      all = _mm_add_epi16(all, head_a);
      odd = _mm_add_epi16(odd, _mm_srli_epi16(head_a, 8));
      tail = _mm_add_epi16(
          tail, _mm_unpacklo_epi8(_mm_loadl_epi64((const __m128i *)(const void *)(a + 12)), zero));
    }
    row_sums sums = {all, odd, tail};
#else
    row_sums sums;
    row_sums_init(&sums);
    for (size_t k = 0; k < n; k++) add_row(&sums, ibid_refmodel_rows + f[k]);
#endif
    emission_row(&sums, n, out + i * S);
  }
}

/*
** The Viterbi step packs "score, then the lowest previous label" into one
** int32: score * PACK + (PACK - 1 - previous). Comparing packed values orders
** by score and breaks ties towards the lower label, exactly as a scalar
** first-strict-maximum loop, so the maximum and its argmax come from one
** vector compare-and-select. Renormalised scores stay within a few million
** (48 weights of at most 32000 per token plus a transition), far from overflowing
** after the multiplication.
*/
enum { PACK = IBID_REFMODEL_PACK };
_Static_assert((int)IBID_REFLABEL_COUNT < (int)PACK, "labels must fit the packed Viterbi argmax");

/* The larger of a and b in every lane (SSE2 has no 32-bit max). */
static lanes4 max4(lanes4 a, lanes4 b) {
  lanes4 a_wins = a > b;
  return (a & a_wins) | (b & ~a_wins);
}

/*
** Pruning, exact: once q is the best previous label, a previous label p can
** win (or tie) for some label l only if
**   previous[p] + T[p][l] >= previous[q] + T[q][l] for that l,
** so p is skipped when previous[p] - previous[q] < min over l of
** (T[q][l] - T[p][l]) (and 0), which the generator wrote in
** ibid_refmodel_margins. The labeller is usually sure of a token, and then
** only two or three of the 19 previous labels are left.
*/

#ifdef __SSE2__
static __m128i as_m128i(lanes4 v) {
  __m128i m;
  memcpy(&m, &v, sizeof(m));
  return m;
}

/* The first label with the highest score of a row (given as its vectors):
** the maximum of the vectors (the padding lane left out), then the first lane
** equal to it. */
static int leading_of(const lanes4 *groups) {
  _Static_assert(IBID_REFLABEL_COUNT == 19, "leading_of leaves out one padding lane");
  _Static_assert(LANE_GROUPS == 5, "leading_of reads five vectors");
  lanes4 last = groups[4];
  last[3] = INT32_MIN;
  lanes4 top = max4(max4(max4(groups[0], groups[1]), max4(groups[2], groups[3])), last);
  __m128i m = as_m128i(top);
  m = as_m128i(max4(top, (lanes4)_mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2))));
  m = as_m128i(max4((lanes4)m, (lanes4)_mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1))));
#define EQUAL_LANES(v) \
  ((unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(as_m128i(v), m))))
  unsigned equal = EQUAL_LANES(groups[0]) | EQUAL_LANES(groups[1]) << 4 |
                   EQUAL_LANES(groups[2]) << 8 | EQUAL_LANES(groups[3]) << 12 |
                   EQUAL_LANES(last) << 16;
#undef EQUAL_LANES
  return __builtin_ctz(equal);
}

/* The previous labels that may beat the leader (see the pruning above), the
** leader left out: a bit per label. */
static unsigned candidates(const int32_t *previous, int leader, const int32_t *margin) {
  __m128i base = _mm_set1_epi32(previous[leader]);
  unsigned pruned = 0;
  for (int k = 0; k < LANE_GROUPS; k++) {
    __m128i d =
        _mm_sub_epi32(_mm_loadu_si128((const __m128i *)(const void *)(previous + 4 * k)), base);
    __m128i m = _mm_loadu_si128((const __m128i *)(const void *)(margin + 4 * k));
    pruned |= (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmplt_epi32(d, m))) << (4 * k);
  }
  return ~pruned & ((1u << IBID_REFLABEL_COUNT) - 1) & ~(1u << leader);
}

/* Stores the previous label of every label (ROW_STRIDE bytes). */
static void store_back(uint8_t *back, const lanes4 *from_label) {
  __m128i low = _mm_packs_epi32(as_m128i(from_label[0]), as_m128i(from_label[1]));
  __m128i high = _mm_packs_epi32(as_m128i(from_label[2]), as_m128i(from_label[3]));
  __m128i tail = _mm_packs_epi32(as_m128i(from_label[4]), as_m128i(from_label[4]));
  _mm_storeu_si128((__m128i *)(void *)back, _mm_packus_epi16(low, high));
  int32_t last = _mm_cvtsi128_si32(_mm_packus_epi16(tail, tail));
  memcpy(back + 16, &last, sizeof(last));
}
#else
static int leading_of(const lanes4 *groups) {
  int32_t row[IBID_REFMODEL_ROW_STRIDE];
  for (int k = 0; k < LANE_GROUPS; k++) store4(row + 4 * k, groups[k]);
  int best = 0;
  for (int l = 1; l < IBID_REFLABEL_COUNT; l++)
    if (row[l] > row[best]) best = l;
  return best;
}

static unsigned candidates(const int32_t *previous, int leader, const int32_t *margin) {
  unsigned mask = 0;
  for (int p = 0; p < IBID_REFLABEL_COUNT; p++)
    if (p != leader && previous[p] - previous[leader] >= margin[p]) mask |= 1u << p;
  return mask;
}

static void store_back(uint8_t *back, const lanes4 *from_label) {
  for (int k = 0; k < LANE_GROUPS; k++) {
    bytes4 narrow = __builtin_convertvector(from_label[k], bytes4);
    memcpy(back + 4 * k, &narrow, sizeof(narrow));
  }
}
#endif

/* The first label with the highest score of a row. */
static int leading_label(const int32_t *row) {
  lanes4 groups[LANE_GROUPS];
  for (int k = 0; k < LANE_GROUPS; k++) groups[k] = load4(row + 4 * k);
  return leading_of(groups);
}

/* In-place Viterbi over the emission table `score` (ROW_STRIDE per token);
** back[] keeps the argmax. Scores are renormalised at every token (only
** differences matter), so the 32-bit sums stay small however long the input. */
static void decode(int32_t *score, uint8_t *back, size_t count, const uint8_t *bare,
                   uint8_t *labels) {
  enum { L = IBID_REFLABEL_COUNT, S = IBID_REFMODEL_ROW_STRIDE };
  for (int l = 0; l < L; l++) score[l] += ibid_refmodel_start[l];
  int leader = leading_label(score);
  for (size_t i = 1; i < count; i++) {
    const int32_t *previous = score + (i - 1) * S;
    int32_t *current = score + i * S;
    lanes4 best[LANE_GROUPS];
    /* the transitions out of each label, times PACK (see refmodel.h) */
    const int32_t *from = ibid_refmodel_steps + (bare[i] ? L * S : 0);
    lanes4 key = splat4(previous[leader] * PACK + (PACK - 1 - leader));
    for (int g = 0; g < LANE_GROUPS; g++) best[g] = key + load4(from + leader * S + 4 * g);
    unsigned left =
        candidates(previous, leader,
                   (bare[i] ? ibid_refmodel_bare_margins : ibid_refmodel_margins) + leader * S);
    for (; left; left &= left - 1) {
      int p = __builtin_ctz(left);
      key = splat4(previous[p] * PACK + (PACK - 1 - p));
      for (int g = 0; g < LANE_GROUPS; g++)
        best[g] = max4(best[g], key + load4(from + p * S + 4 * g));
    }
    lanes4 from_label[LANE_GROUPS], sum[LANE_GROUPS];
    for (int g = 0; g < LANE_GROUPS; g++) {
      from_label[g] = (PACK - 1) - (best[g] & (PACK - 1));
      /* exact division: the low bits were just removed (GCC/Clang shift arithmetically) */
      sum[g] = load4(current + 4 * g) + ((best[g] - ((PACK - 1) - from_label[g])) >> 5);
    }
    store_back(back + i * S, from_label);
    leader = leading_of(sum);
    lanes4 top = splat4(sum[leader >> 2][leader & 3]);
    for (int g = 0; g < LANE_GROUPS; g++) store4(current + 4 * g, sum[g] - top);
  }
  int best = leading_label(score + (count - 1) * S);
  for (size_t i = count; i-- > 0;) {
    labels[i] = (uint8_t)best;
    best = back[i * S + best];
  }
}

int ibid_refmodel_label(const char *text, const ibid_reftoken *tokens, size_t count,
                        uint8_t *labels) {
  if (count == 0) return 0;
  /* one block: the features' working memory, scores, features, back
  ** pointers, feature counts (in that order, so that every part is aligned
  ** for its type) */
  enum { S = IBID_REFMODEL_ROW_STRIDE, F = IBID_REFTOKENS_MAX_FEATURES };
  size_t scratch_bytes = (ibid_reftokens_scratch_bytes(count) + 7) / 8 * 8;
  char *block =
      ibid_malloc(scratch_bytes + count * (S * sizeof(int32_t) + F * sizeof(uint32_t) + S + 1));
  if (!block) return -1;
  int32_t *score = (int32_t *)(void *)(block + scratch_bytes);
  uint32_t *features = (uint32_t *)(void *)(score + count * S);
  uint8_t *back = (uint8_t *)(features + count * F);
  uint8_t *feature_counts = back + count * S;
  int rc = -1;
  ibid_reftokens_rows map = {ibid_refmodel_rank, ibid_refmodel_rows};
  if (ibid_reftokens_feature_rows(text, tokens, count, IBID_REFMODEL_BUCKETS, &map, features,
                                  feature_counts, block) == 0) {
    emissions(features, feature_counts, count, score);
    /* (the feature counts are no longer needed: their bytes say which tokens are bare) */
    for (size_t i = 0; i < count; i++)
      feature_counts[i] = (uint8_t)ibid_refmodel_bare(text, tokens, i);
    decode(score, back, count, feature_counts, labels);
    rc = 0;
  }
  ibid_free(block);
  return rc;
}
