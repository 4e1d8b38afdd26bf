/*
** refmodel.h -- the learned sequence labeller of reference strings: a
** linear-chain model (averaged perceptron) over the hashed token features of
** reftokens.h, decoded with Viterbi (a change of field between two bare
** words costs IBID_REFMODEL_BARE_PENALTY more, see below). Its weights are generated C data
** (ext/references/refmodel_weights.c, written by ext/references/model/train_refmodel.c from the
** public AnyStyle core.xml and good.xml labels (a fifth of good.xml kept out) and GROBID's
** citation corpus; `make model` rebuilds them).
*/
#ifndef IBID_REFMODEL_H
#define IBID_REFMODEL_H
#include <stddef.h>
#include <stdint.h>

#include "reftokens.h"

/* The labels, in weight-table order: X(IDENTIFIER, "name in the training data"). */
#define IBID_REFMODEL_LABELS(X)     \
  X(OTHER, "other")                 \
  X(AUTHOR, "author")               \
  X(EDITOR, "editor")               \
  X(TRANSLATOR, "translator")       \
  X(TITLE, "title")                 \
  X(JOURNAL, "journal")             \
  X(CONTAINER, "container-title")   \
  X(COLLECTION, "collection-title") \
  X(DATE, "date")                   \
  X(VOLUME, "volume")               \
  X(PAGES, "pages")                 \
  X(PUBLISHER, "publisher")         \
  X(LOCATION, "location")           \
  X(EDITION, "edition")             \
  X(URL, "url")                     \
  X(DOI, "doi")                     \
  X(NOTE, "note")                   \
  X(GENRE, "genre")                 \
  X(CITATION_NUMBER, "citation-number")

#define IBID_REFMODEL_ENUM(identifier, name) IBID_REFLABEL_##identifier,
enum { IBID_REFMODEL_LABELS(IBID_REFMODEL_ENUM) IBID_REFLABEL_COUNT };
#undef IBID_REFMODEL_ENUM

/* Weights stored per row: the labels padded to a multiple of 4 so that the
** row sums vectorise. The padding weights are zero. */
#define IBID_REFMODEL_ROW_STRIDE ((IBID_REFLABEL_COUNT + 3) / 4 * 4)

/* Row weights are int8 in units of ROW_UNIT of the transition/start scale:
** one byte per weight halves the rows, whose cache misses are most of the
** labeller's time, and rounds away no accuracy on good.xml. */
#define IBID_REFMODEL_ROW_UNIT 256

/* Weight-table size (a power of two); the generated file must agree. */
#ifndef IBID_REFMODEL_BUCKETS
#define IBID_REFMODEL_BUCKETS (1u << 18)
#endif

/* Generated, all in one fixed-point scale: rows[row * ROW_STRIDE + label] an
** int8 weight (times ROW_UNIT) plus 128, as an unsigned byte (so that it
** widens without a sign; the labeller takes the 128s off once per token): row
** 0 all zeros (for the buckets without
** one), then a row for each bucket with a weight that is not (nearly) zero,
** in bucket order; rank[bucket / 8] says which buckets have one: bit
** bucket % 8 is set when it has, and the high 24 bits count the rows of the
** buckets before (so a bucket's row is 1 + that count + the set bits below
** its own: a table of BUCKETS / 2 bytes, where a row number per bucket would
** take six times as much cache); transitions[from * COUNT + to];
** start[label] (for the first token); margins[q * ROW_STRIDE + p] the least
** of transitions[q][l] - transitions[p][l] over the labels l and 0 (INT32_MAX
** in the padding). */
extern const uint32_t ibid_refmodel_rank[];
extern const unsigned char ibid_refmodel_rows[];
extern const int32_t ibid_refmodel_transitions[];
extern const int32_t ibid_refmodel_start[];
extern const int32_t ibid_refmodel_margins[];
extern const int32_t ibid_refmodel_bare_margins[]; /* the margins between two bare words */
/* steps[k * COUNT * ROW_STRIDE + from * ROW_STRIDE + to]: the transitions
** times IBID_REFMODEL_PACK (k 0), and between two bare words (k 1), their
** rows padded with zeros (the Viterbi step of refmodel.c reads them as they are) */
extern const int32_t ibid_refmodel_steps[];
#define IBID_REFMODEL_PACK 32

/* The training-data name of a label ("author"), or "other". */
const char *ibid_refmodel_label_name(int label);

/* The fields (a bit per label) that do not change between two words with no
** mark between them ("Peasant Society", "Hydrological Processes"): in the
** labelled data a field changes at 0.2% of such places, mostly to a URL
** ("Available at http://..."). The decoder makes a change from one of these
** to another cost IBID_REFMODEL_BARE_PENALTY more (in the transition scale):
** every field but "other", the URL and the DOI. */
#define IBID_REFMODEL_BARE_LABELS      \
  (((1u << IBID_REFLABEL_COUNT) - 1) & \
   ~((1u << IBID_REFLABEL_OTHER) | (1u << IBID_REFLABEL_URL) | (1u << IBID_REFLABEL_DOI)))
#ifndef IBID_REFMODEL_BARE_PENALTY
#define IBID_REFMODEL_BARE_PENALTY 25000
#endif

/* Is token i (i > 0) a word right after a word, no mark between them: the
** previous token ends in a letter and this one starts with one? */
static inline int ibid_refmodel_bare(const char *text, const ibid_reftoken *tokens, size_t i) {
  if (i == 0) return 0;
  const ibid_reftoken *a = &tokens[i - 1], *b = &tokens[i];
  unsigned char last = (unsigned char)text[a->start + a->length - 1];
  unsigned char first = (unsigned char)text[b->start];
  int last_letter = ((last | 0x20) >= 'a' && (last | 0x20) <= 'z');
  if (!last_letter && last >= 0x80 && a->length >= 2) {
    /* a two-byte letter (Latin, Greek, Cyrillic): its lead byte C3-D3 */
    unsigned char lead = (unsigned char)text[a->start + a->length - 2];
    last_letter = lead >= 0xC3 && lead <= 0xD3;
  }
  int first_letter =
      ((first | 0x20) >= 'a' && (first | 0x20) <= 'z') || (first >= 0xC3 && first <= 0xD3);
  /* a short abbreviation may open a field: "Occasional Paper No. 209", "Journal Vol. 3" */
  if (b->length <= 5 && text[b->start + b->length - 1] == '.') return 0;
  return last_letter && first_letter;
}

/*
** Labels every token: labels[i] is an IBID_REFLABEL_* value. Returns 0, or -1
** when memory ran out.
*/
int ibid_refmodel_label(const char *text, const ibid_reftoken *tokens, size_t count,
                        uint8_t *labels);

#endif
