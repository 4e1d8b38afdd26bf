/*
** train_refmodel.c -- trains the reference labeller (ext/references/refmodel.h): an
** averaged structured perceptron over the hashed features of ext/references/reftokens.c,
** Viterbi-decoded, and writes the weights as C source (ext/references/refmodel_weights.c).
**
** Usage: train_refmodel TRAINING.txt EPOCHS OUTPUT.c [HELD-OUT.txt]
**        train_refmodel --lexicon TRAINING.txt LEXICON.c  (the learned word classes of
**        reftokens.h, written first: the features of the training use them)
** TRAINING.txt comes from ext/references/model/anystyle_to_training.py: "label<TAB>segment"
** lines, an empty line after each reference. With HELD-OUT.txt the token
** accuracy on it is printed after every epoch (to choose EPOCHS).
** Build: cc -O2 -Iext -o build/train_refmodel ext/references/model/train_refmodel.c \
**          ext/references/reftokens.c tests/support/memory_libc.c
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "refmodel.h"
#include "reftokens.h"

#define LABELS IBID_REFLABEL_COUNT
#define BUCKETS IBID_REFMODEL_BUCKETS
#ifndef IBID_REFMODEL_RUNS
#define IBID_REFMODEL_RUNS 3
#endif
#ifndef IBID_REFMODEL_PRUNE
#define IBID_REFMODEL_PRUNE 2
#endif

#define LABEL_NAME(identifier, name) name,
static const char *const label_names[] = {IBID_REFMODEL_LABELS(LABEL_NAME)};

typedef struct sequence {
  size_t count;       /* tokens */
  uint8_t *gold;      /* label per token */
  uint32_t *features; /* count * IBID_REFTOKENS_MAX_FEATURES */
  uint8_t *feature_counts;
} sequence;

typedef struct dataset {
  sequence *items;
  size_t count, capacity;
} dataset;

static int label_number(const char *name) {
  for (int i = 0; i < LABELS; i++)
    if (strcmp(label_names[i], name) == 0) return i;
  return 0;
}

/* The learned lexicon while training: the labels of each word counted per
** fold of the training references (a reference's fold from the hash of its
** text, so that the copies of a reference read twice share it). A training
** reference gets the classes counted without its own fold, as a reference
** never seen gets them at run time. */
enum { FOLDS = 5 };
typedef struct word_count {
  uint64_t word;
  uint32_t counts[FOLDS][LABELS];
} word_count;

typedef struct lexicon_table {
  word_count *slots;
  size_t used, capacity;
} lexicon_table;

static lexicon_table trainer_lexicon; /* the trainer's only global: filled once */

/* Least occurrences of a word in the training data for the lexicon. */
#ifndef IBID_REFLEXICON_MIN
#define IBID_REFLEXICON_MIN 3
#endif

static size_t slot_of(const lexicon_table *t, uint64_t word) {
  size_t h = (size_t)(word * 0x9E3779B97F4A7C15ULL >> 20) & (t->capacity - 1);
  while (t->slots[h].word && t->slots[h].word != word) h = (h + 1) & (t->capacity - 1);
  return h;
}

/* The class of reftokens.h from label counts, 0 when none. */
static uint8_t class_of(const uint32_t *counts) {
  uint32_t total = 0;
  int best = 0;
  for (int l = 0; l < LABELS; l++) {
    total += counts[l];
    if (counts[l] > counts[best]) best = l;
  }
  if (total < IBID_REFLEXICON_MIN || 2 * counts[best] <= total) return 0;
  return (uint8_t)(2 * best + 1 + (10 * counts[best] >= 9 * total));
}

/* The class of a word counted without fold `fold` (FOLDS: with all). */
static uint8_t learned_without(uint64_t word, int fold) {
  const lexicon_table *t = &trainer_lexicon;
  if (!t->capacity) return 0;
  size_t h = slot_of(t, word);
  if (t->slots[h].word != word) return 0;
  uint32_t counts[LABELS] = {0};
  for (int k = 0; k < FOLDS; k++)
    if (k != fold)
      for (int l = 0; l < LABELS; l++) counts[l] += t->slots[h].counts[k][l];
  return class_of(counts);
}

static int fold_of(const char *text, size_t length) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < length; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211ULL;
  return (int)(h % FOLDS);
}

/* Counts the labels of the words of one reference (once per word and reference). */
static void count_words(const char *text, size_t length, const size_t *ends,
                        const uint8_t *segment_labels, size_t segments) {
  int failed = 0;
  size_t count;
  ibid_reftoken *tokens = ibid_reftokens_split(text, length, &count, &failed);
  if (!tokens) return;
  uint64_t *words = malloc(count * sizeof(uint64_t));
  ibid_reftokens_words(text, tokens, count, words);
  int fold = fold_of(text, length);
  lexicon_table *t = &trainer_lexicon;
  size_t segment = 0;
  for (size_t i = 0; i < count; i++) {
    while (segment + 1 < segments && tokens[i].start >= ends[segment]) segment++;
    int repeated = words[i] == 0;
    for (size_t k = 0; k < i && !repeated; k++) repeated = words[k] == words[i];
    if (repeated) continue;
    if (t->used * 2 >= t->capacity) {
      lexicon_table bigger = {calloc(t->capacity ? t->capacity * 2 : 1 << 16, sizeof(word_count)),
                              t->used, t->capacity ? t->capacity * 2 : 1 << 16};
      for (size_t k = 0; k < t->capacity; k++)
        if (t->slots[k].word) bigger.slots[slot_of(&bigger, t->slots[k].word)] = t->slots[k];
      free(t->slots);
      *t = bigger;
    }
    size_t h = slot_of(t, words[i]);
    if (!t->slots[h].word) t->slots[h].word = words[i], t->used++;
    t->slots[h].counts[fold][segment_labels[segment]]++;
  }
  free(words);
  free(tokens);
}

/* Turns one reference (segments with labels) into a token sequence. */
static void add_sequence(dataset *data, const char *text, size_t length, const size_t *ends,
                         const uint8_t *segment_labels, size_t segments, int held_out) {
  int failed = 0;
  size_t count;
  ibid_reftoken *tokens = ibid_reftokens_split(text, length, &count, &failed);
  if (!tokens || !count) return;
  sequence s;
  s.count = count;
  s.gold = malloc(count);
  s.features = malloc(count * IBID_REFTOKENS_MAX_FEATURES * sizeof(uint32_t));
  s.feature_counts = malloc(count);
  size_t segment = 0;
  for (size_t i = 0; i < count; i++) {
    while (segment + 1 < segments && tokens[i].start >= ends[segment]) segment++;
    s.gold[i] = segment_labels[segment];
  }
  uint64_t *words = malloc(count * sizeof(uint64_t));
  uint8_t *learned = malloc(count);
  ibid_reftokens_words(text, tokens, count, words);
  int fold = held_out ? FOLDS : fold_of(text, length);
  for (size_t i = 0; i < count; i++) learned[i] = learned_without(words[i], fold);
  ibid_reftokens_features_learned(text, tokens, count, BUCKETS, learned, s.features,
                                  s.feature_counts);
  free(words);
  free(learned);
  free(tokens);
  if (data->count == data->capacity) {
    data->capacity = data->capacity ? data->capacity * 2 : 1024;
    data->items = realloc(data->items, data->capacity * sizeof(sequence));
  }
  data->items[data->count++] = s;
}

static void read_dataset(const char *path, dataset *data, int counting) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(2);
  }
  static char line[1 << 16];
  static char text[1 << 18];
  size_t ends[512];
  uint8_t labels[512];
  size_t length = 0, segments = 0;
  if (data) memset(data, 0, sizeof(*data));
  while (fgets(line, sizeof(line), f)) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    char *tab = strchr(line, '\t');
    if (!n || !tab) {
      if (segments && counting == 1) count_words(text, length, ends, labels, segments);
      if (segments && counting != 1)
        add_sequence(data, text, length, ends, labels, segments, counting == 2);
      length = segments = 0;
      continue;
    }
    *tab = 0;
    size_t piece = strlen(tab + 1);
    if (segments == 512 || length + piece + 2 >= sizeof(text)) continue;
    if (length) text[length++] = ' ';
    memcpy(text + length, tab + 1, piece);
    length += piece;
    ends[segments] = length;
    labels[segments++] = (uint8_t)label_number(line);
  }
  if (segments && counting == 1) count_words(text, length, ends, labels, segments);
  if (segments && counting != 1)
    add_sequence(data, text, length, ends, labels, segments, counting == 2);
  fclose(f);
}

/* Weights: current, and the running sums for averaging (the "lazy" trick:
** average = w - total / steps, with total += steps * delta at each update). */
typedef struct model {
  float *weights, *totals;
  float transitions[LABELS * LABELS], transition_totals[LABELS * LABELS];
  float start[LABELS], start_totals[LABELS];
  double steps;
} model;

static void viterbi(const model *m, const sequence *s, uint8_t *out) {
  size_t n = s->count;
  float *score = malloc(n * LABELS * sizeof(float));
  uint8_t *back = malloc(n * LABELS);
  for (size_t i = 0; i < n; i++) {
    float emission[LABELS] = {0};
    const uint32_t *f = s->features + i * IBID_REFTOKENS_MAX_FEATURES;
    for (size_t k = 0; k < s->feature_counts[i]; k++) {
      const float *row = m->weights + (size_t)f[k] * LABELS;
      for (int l = 0; l < LABELS; l++) emission[l] += row[l];
    }
    for (int l = 0; l < LABELS; l++) {
      if (i == 0) {
        score[l] = emission[l] + m->start[l];
        back[l] = 0;
        continue;
      }
      float best = -1e30f;
      int best_from = 0;
      for (int p = 0; p < LABELS; p++) {
        float v = score[(i - 1) * LABELS + p] + m->transitions[p * LABELS + l];
        if (v > best) best = v, best_from = p;
      }
      score[i * LABELS + l] = best + emission[l];
      back[i * LABELS + l] = (uint8_t)best_from;
    }
  }
  int best = 0;
  for (int l = 1; l < LABELS; l++)
    if (score[(n - 1) * LABELS + l] > score[(n - 1) * LABELS + best]) best = l;
  for (size_t i = n; i-- > 0;) {
    out[i] = (uint8_t)best;
    best = back[i * LABELS + best];
  }
  free(score);
  free(back);
}

static void update(model *m, const sequence *s, const uint8_t *predicted) {
  float c = (float)m->steps;
  for (size_t i = 0; i < s->count; i++) {
    int g = s->gold[i], p = predicted[i];
    if (g != p) {
      const uint32_t *f = s->features + i * IBID_REFTOKENS_MAX_FEATURES;
      for (size_t k = 0; k < s->feature_counts[i]; k++) {
        size_t row = (size_t)f[k] * LABELS;
        m->weights[row + g] += 1, m->totals[row + g] += c;
        m->weights[row + p] -= 1, m->totals[row + p] -= c;
      }
    }
    if (i == 0) {
      if (g != p) {
        m->start[g] += 1, m->start_totals[g] += c;
        m->start[p] -= 1, m->start_totals[p] -= c;
      }
    } else {
      int gp = s->gold[i - 1], pp = predicted[i - 1];
      if (gp != pp || g != p) {
        m->transitions[gp * LABELS + g] += 1, m->transition_totals[gp * LABELS + g] += c;
        m->transitions[pp * LABELS + p] -= 1, m->transition_totals[pp * LABELS + p] -= c;
      }
    }
  }
}

/* Replaces the weights by their averages (done once, after training). */
static void average(model *m) {
  float c = (float)m->steps;
  for (size_t i = 0; i < (size_t)BUCKETS * LABELS; i++) m->weights[i] -= m->totals[i] / c;
  for (int i = 0; i < LABELS * LABELS; i++) m->transitions[i] -= m->transition_totals[i] / c;
  for (int i = 0; i < LABELS; i++) m->start[i] -= m->start_totals[i] / c;
}

static double accuracy(const model *m, const dataset *data) {
  size_t right = 0, all = 0, field_right = 0, field_predicted_wrong = 0, field_missed = 0;
  uint8_t *predicted = malloc(4096);
  for (size_t j = 0; j < data->count; j++) {
    const sequence *s = &data->items[j];
    if (s->count > 4096) continue;
    viterbi(m, s, predicted);
    for (size_t i = 0; i < s->count; i++) right += predicted[i] == s->gold[i], all++;
    /* fields as the public scorer sees them: all tokens of a label (journal and
       container-title as one), right when exactly the same tokens */
    for (int l = 1; l < LABELS; l++) {
      if (l == IBID_REFLABEL_JOURNAL) continue;
      int in_gold = 0, in_predicted = 0, same = 1;
      for (size_t i = 0; i < s->count; i++) {
        int g = s->gold[i] == IBID_REFLABEL_JOURNAL ? IBID_REFLABEL_CONTAINER : s->gold[i];
        int p = predicted[i] == IBID_REFLABEL_JOURNAL ? IBID_REFLABEL_CONTAINER : predicted[i];
        in_gold |= g == l, in_predicted |= p == l;
        if ((g == l) != (p == l)) same = 0;
      }
      if (in_gold && same)
        field_right++;
      else {
        field_predicted_wrong += in_predicted;
        field_missed += in_gold;
      }
    }
  }
  free(predicted);
  fprintf(stderr, "field F1 %.4f; ",
          2.0 * field_right / (2.0 * field_right + field_predicted_wrong + field_missed));
  return all ? (double)right / (double)all : 0;
}

/* Writes bytes as adjacent C string literals: printable characters as they
** are, the rest as three-digit octal escapes (compiles much faster than an
** array initializer of millions of numbers). */
static void write_string(FILE *f, const unsigned char *bytes, size_t n) {
  size_t column = 0;
  fputs("    \"", f);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = bytes[i];
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      fputc(c, f);
      column += 1;
    } else {
      fprintf(f, "\\%03o", c);
      column += 4;
    }
    if (column >= 96 && i + 1 < n) {
      fputs("\"\n    \"", f);
      column = 0;
    }
  }
  fputs("\"", f);
}

/* margins[q][p]: the least of table[q][l] - table[p][l] over the labels l
** and 0 (the Viterbi pruning of refmodel.c: p cannot beat q when it trails by
** more), rows padded to IBID_REFMODEL_ROW_STRIDE with INT32_MAX (never a
** candidate). */
static void write_margins(FILE *f, const long *table) {
  enum { STRIDE = IBID_REFMODEL_ROW_STRIDE };
  for (int q = 0; q < LABELS; q++)
    for (int p = 0; p < STRIDE; p++) {
      long least = 0;
      for (int l = 0; l < LABELS && p < LABELS; l++) {
        long d = table[q * LABELS + l] - table[p * LABELS + l];
        if (d < least) least = d;
      }
      if (p >= LABELS) least = 2147483647L;
      fprintf(f, "%ld,%s", least, p == STRIDE - 1 ? "\n" : "");
    }
}

static void write_model(const model *m, const char *path) {
  float largest = 0;
  for (size_t i = 0; i < (size_t)BUCKETS * LABELS; i++)
    if (fabsf(m->weights[i]) > largest) largest = fabsf(m->weights[i]);
  float scale = largest > 0 ? 32000.0f / largest : 1.0f;
  /* Rows whose weights all quantise to at most IBID_REFMODEL_PRUNE in size
     are left out (index 0 means "no row"): rare features with tiny weights
     change almost no decision but cost memory and cache misses. */
  uint32_t *rank = calloc(BUCKETS / 8, sizeof(uint32_t));
  enum { STRIDE = IBID_REFMODEL_ROW_STRIDE };
  /* stored as weight + 128 (refmodel.h): row 0 and the padding are zeros */
  unsigned char *rows = malloc((size_t)(BUCKETS + 1) * STRIDE);
  memset(rows, 128, (size_t)(BUCKETS + 1) * STRIDE);
  size_t row_count = 0;
  for (size_t b = 0; b < BUCKETS; b++) {
    int8_t row[LABELS];
    int nonzero = 0;
    for (int l = 0; l < LABELS; l++) {
      /* int8 in units of IBID_REFMODEL_ROW_UNIT: |v| <= 32000 / 256 = 125 */
      long v = lrintf(m->weights[b * LABELS + l] * scale / IBID_REFMODEL_ROW_UNIT);
      row[l] = (int8_t)v;
      nonzero |= v > IBID_REFMODEL_PRUNE || v < -IBID_REFMODEL_PRUNE;
    }
    if (b % 8 == 0) { /* rows before the entry */
      if (row_count >= (1u << 24)) {
        fprintf(stderr, "too many rows for the rank table\n");
        exit(2);
      }
      rank[b / 8] = (uint32_t)row_count << 8;
    }
    if (!nonzero) continue;
    for (int l = 0; l < LABELS; l++)
      rows[(row_count + 1) * STRIDE + l] = (unsigned char)(row[l] + 128);
    row_count++;
    rank[b / 8] |= 1u << (b % 8);
  }
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(2);
  }
  fprintf(f,
          "/* Generated by ext/references/model/train_refmodel.c (make model) from the AnyStyle "
          "core.xml\n"
          "** labels (BSD-2-Clause, see ../shared/eval/anystyle/LICENSE) and GROBID's\n"
          "** citation/corpus/ (Apache-2.0, see ../shared/eval/grobid/LICENSE). Do not edit. */\n"
          "#include \"refmodel.h\"\n\n");
  fprintf(f, "const int32_t ibid_refmodel_start[%d] = {", LABELS);
  for (int i = 0; i < LABELS; i++) fprintf(f, "%ld,", lrintf(m->start[i] * scale));
  fprintf(f, "};\n\nconst int32_t ibid_refmodel_transitions[%d] = {\n", LABELS * LABELS);
  long transitions[LABELS * LABELS];
  for (int i = 0; i < LABELS * LABELS; i++) {
    transitions[i] = lrintf(m->transitions[i] * scale);
    fprintf(f, "%ld,%s", transitions[i], i % LABELS == LABELS - 1 ? "\n" : "");
  }
  /* the margins of the Viterbi pruning (write_margins) */
  fprintf(f, "};\n\nconst int32_t ibid_refmodel_margins[%d] = {\n", LABELS * STRIDE);
  write_margins(f, transitions);
  /* the same for the transitions between two bare words (refmodel.h:
  ** a change between two of IBID_REFMODEL_BARE_LABELS costs IBID_REFMODEL_BARE_PENALTY more) */
  fprintf(f, "};\n\nconst int32_t ibid_refmodel_bare_margins[%d] = {\n", LABELS * STRIDE);
  long bare[LABELS * LABELS];
  for (int p = 0; p < LABELS; p++)
    for (int l = 0; l < LABELS; l++)
      bare[p * LABELS + l] =
          transitions[p * LABELS + l] -
          (l != p && (IBID_REFMODEL_BARE_LABELS >> l & 1) && (IBID_REFMODEL_BARE_LABELS >> p & 1)
               ? IBID_REFMODEL_BARE_PENALTY
               : 0);
  write_margins(f, bare);
  /* the Viterbi steps of refmodel.c: both tables (after any token, after a
  ** bare word) times IBID_REFMODEL_PACK, rows padded to ROW_STRIDE with 0 */
  fprintf(f, "};\n\nconst int32_t ibid_refmodel_steps[%d] = {\n", 2 * LABELS * STRIDE);
  for (int k = 0; k < 2; k++)
    for (int p = 0; p < LABELS; p++)
      for (int l = 0; l < STRIDE; l++)
        fprintf(f, "%ld,%s",
                l < LABELS ? (k ? bare : transitions)[p * LABELS + l] * IBID_REFMODEL_PACK : 0L,
                l == STRIDE - 1 ? "\n" : "");
  fprintf(f,
          "};\n\n/* %u buckets, 8 an entry: bit b says whether bucket 8 * entry + b has a row,\n"
          "** the high 24 bits count the rows of the buckets before the entry */\n"
          "const uint32_t ibid_refmodel_rank[%u] = {\n",
          BUCKETS, BUCKETS / 8);
  for (size_t w = 0; w < BUCKETS / 8; w++)
    fprintf(f, "0x%x,%s", (unsigned)rank[w], w % 12 == 11 ? "\n" : "");
  fprintf(f,
          "};\n\n/* a row of zeros, then %zu rows x %d labels, int8 in units of %d, + 128 */\n"
          "__attribute__((aligned(64))) const unsigned char ibid_refmodel_rows[] =\n",
          row_count, LABELS, IBID_REFMODEL_ROW_UNIT);
  write_string(f, rows, (row_count + 1) * STRIDE);
  fprintf(f, ";\n");
  fclose(f);
  fprintf(stderr, "%zu of %u rows written\n", row_count, BUCKETS);
  free(rank);
  free(rows);
}

/* One training run from zero weights, visiting the references in an order
** shuffled from seed; returns the averaged model. */
static model *train_run(const dataset *train, const dataset *held_out, int epochs,
                        uint64_t random_state) {
  model *m = calloc(1, sizeof(model));
  m->weights = calloc((size_t)BUCKETS * LABELS, sizeof(float));
  m->totals = calloc((size_t)BUCKETS * LABELS, sizeof(float));
  m->steps = 1;
  size_t *order = malloc(train->count * sizeof(size_t));
  for (size_t i = 0; i < train->count; i++) order[i] = i;
  uint8_t *predicted = malloc(1 << 16);
  for (int epoch = 0; epoch < epochs; epoch++) {
    for (size_t i = train->count; i > 1; i--) {
      random_state = random_state * 6364136223846793005ULL + 1442695040888963407ULL;
      size_t j = (size_t)(random_state >> 33) % i, t = order[i - 1];
      order[i - 1] = order[j], order[j] = t;
    }
    size_t mistakes = 0;
    for (size_t k = 0; k < train->count; k++) {
      const sequence *s = &train->items[order[k]];
      if (s->count > (1 << 16)) continue;
      viterbi(m, s, predicted);
      if (memcmp(predicted, s->gold, s->count) != 0) {
        update(m, s, predicted);
        mistakes++;
      }
      m->steps += 1;
    }
    if (held_out->count && (epoch % 5 == 4 || epoch + 1 == epochs)) {
      model averaged = *m;
      averaged.weights = malloc((size_t)BUCKETS * LABELS * sizeof(float));
      memcpy(averaged.weights, m->weights, (size_t)BUCKETS * LABELS * sizeof(float));
      average(&averaged);
      fprintf(stderr, "epoch %d: %zu sequences wrong, held-out token accuracy %.4f\n", epoch + 1,
              mistakes, accuracy(&averaged, held_out));
      free(averaged.weights);
    } else {
      fprintf(stderr, "epoch %d: %zu sequences wrong\n", epoch + 1, mistakes);
    }
  }
  average(m);
  free(m->totals);
  m->totals = NULL;
  free(order);
  free(predicted);
  return m;
}

/* ----- the learned lexicon -------------------------------------------- */

static int by_word(const void *a, const void *b) {
  uint64_t x = ((const word_count *)a)->word, y = ((const word_count *)b)->word;
  return x < y ? -1 : x > y;
}

/* Writes the words of the training data with a class (counted over all of
** it) as the table of refmodel_lexicon.c (see reftokens.h), filled in the
** order of the words' hashes so that the same data gives the same bytes. */
static void write_lexicon(const char *path) {
  lexicon_table *t = &trainer_lexicon;
  size_t kept = 0;
  for (size_t k = 0; k < t->capacity; k++) {
    if (!t->slots[k].word) continue;
    uint8_t c = learned_without(t->slots[k].word, FOLDS);
    if (c) t->slots[kept].word = t->slots[k].word, t->slots[kept++].counts[0][0] = c;
  }
  qsort(t->slots, kept, sizeof(word_count), by_word);
  uint32_t size = 1;
  while (size < 2 * kept) size *= 2;
  uint32_t *table = calloc(size, sizeof(uint32_t));
  for (size_t k = 0; k < kept; k++) {
    uint32_t h = IBID_REFLEXICON_SLOT(t->slots[k].word, size);
    while (table[h]) h = (h + 1) & (size - 1);
    table[h] = IBID_REFLEXICON_ENTRY(t->slots[k].word, t->slots[k].counts[0][0]);
  }
  FILE *out = fopen(path, "w");
  if (!out) {
    perror(path);
    exit(2);
  }
  fprintf(out,
          "/* Generated by ext/references/model/train_refmodel.c (make model) from the\n"
          "** training data of the reference labeller: %zu words. Do not edit. */\n"
          "#include \"reftokens.h\"\n\n",
          kept);
  fprintf(out, "const uint32_t ibid_reflexicon_size = %u;\n\n", size);
  fprintf(out, "const uint32_t ibid_reflexicon_table[%u] = {\n", size);
  for (uint32_t k = 0; k < size; k++) fprintf(out, "0x%x,%s", table[k], k % 12 == 11 ? "\n" : "");
  fprintf(out, "};\n");
  fclose(out);
  fprintf(stderr, "%zu of %zu words in the lexicon\n", kept, t->used);
  free(table);
}

int main(int argc, char **argv) {
  if (argc == 4 && strcmp(argv[1], "--lexicon") == 0) {
    read_dataset(argv[2], NULL, 1);
    write_lexicon(argv[3]);
    return 0;
  }
  if (argc < 4) {
    fprintf(stderr, "usage: %s TRAINING.txt EPOCHS OUTPUT.c [HELD-OUT.txt]\n", argv[0]);
    return 2;
  }
  dataset train, held_out = {0};
  read_dataset(argv[1], NULL, 1); /* the word counts first */
  read_dataset(argv[1], &train, 0);
  if (argc > 4) read_dataset(argv[4], &held_out, 2);
  int epochs = atoi(argv[2]);
  uint64_t seed = getenv("SEED") ? strtoull(getenv("SEED"), NULL, 10) : 42;
  /* RUNS runs from different shuffles, their weights averaged: less
     dependent on one visiting order (same features, same size) */
  int runs = getenv("RUNS") ? atoi(getenv("RUNS")) : IBID_REFMODEL_RUNS;
  fprintf(stderr, "%zu training references, %zu held out, %d runs\n", train.count, held_out.count,
          runs);
  model *m = NULL;
  for (int r = 0; r < runs; r++) {
    model *one = train_run(&train, &held_out, epochs, seed + 1000003ULL * (uint64_t)r);
    if (!m) {
      m = one;
      continue;
    }
    for (size_t i = 0; i < (size_t)BUCKETS * LABELS; i++) m->weights[i] += one->weights[i];
    for (int i = 0; i < LABELS * LABELS; i++) m->transitions[i] += one->transitions[i];
    for (int i = 0; i < LABELS; i++) m->start[i] += one->start[i];
    free(one->weights);
    free(one);
  }
  for (size_t i = 0; i < (size_t)BUCKETS * LABELS; i++) m->weights[i] /= (float)runs;
  for (int i = 0; i < LABELS * LABELS; i++) m->transitions[i] /= (float)runs;
  for (int i = 0; i < LABELS; i++) m->start[i] /= (float)runs;
  if (held_out.count && runs > 1)
    fprintf(stderr, "averaged runs: held-out token accuracy %.4f\n", accuracy(m, &held_out));
  write_model(m, argv[3]);
  return 0;
}
