/*
** findings.c -- cases, guiding questions, findings and their evidence in a
** comparative case-study text (see findings.h, docs/findings.md).
**
** HOW IT WORKS. The text is cut into lines once; every later pass walks the
** lines or the sentences built from them, so the whole analysis is linear.
**  1. Cases: lines "Case N: Title" / "Case study N: Title" holding one label
**     whose N was not seen before (figure labels repeat an N; a figure header
**     holds several). A section runs to the next case heading; the last one
**     also stops at a heading such as "Conclusion" / "Balance and conclusion"
**     (between two cases such a heading is the first case's subsection).
**     Without headings, a comparative figure's header names the cases.
**  2. Questions: lines "Q1: ...?" / "H2: ..." / "RQ1: ..." outside case
**     sections (inside them the same labels head a question's subsection).
**  3. Figures: a caption "Figure N." / "Table N." starts a region that ends at
**     the first prose line, heading or next caption. Inside it, "Case N: X"
**     lines give the case (one label) or the columns (several labels, plus a
**     trailing "Balance"/"Overall" column for all cases); row labels ("Q2",
**     "Balance") start rows; bullets (§, •, ü, ...) start findings; other
**     lines continue a finding. Tab- or '|'-separated lines (web and Markdown
**     tables) give one cell per column. PDF extraction interleaves columns, so
**     (a) a fragment after a blank line completes the oldest finding that
**     still ends in a preposition ("... positive effect on"), (b) a row's
**     columns begin at the bullets most like the row's first bullet (the
**     same finding stated per case), and (c) identical bullets cannot share
**     a cell: a run of k of them is one printed line spread over columns 1..k.
**  4. Conclusions: sentences with an explicit conclusion cue ("It can be
**     concluded that", "In sum", "The article finds that", "the case studies
**     suggest that"); "Hence," and "In short," count only inside case and
**     conclusion sections, where they close an argument. Sentences of an
**     "Abstract" paragraph are source 'abstract'. A sentence whose first
**     word begins no cue, and that holds no "that" nor "question", is ruled
**     out before it is lowercased for the cue phrases.
**  5. Evidence: citations found by a small local detector (a parenthesis
**     with a capitalised name and a year; "[12]" and superscript markers).
**     A concluding sentence is argued by its paragraph; a figure finding by
**     the sentences of its case's question subsection that share content
**     words with it (two, or one for a one-word finding). Each subsection's
**     first sentences are indexed once (their content words, hashed), and a
**     finding looks its own words up there: the work is the finding's words
**     and their occurrences, not cells x sentences.
** The long loops count their work on an optional ibid_progress (progress.h),
** which can also stop the analysis (ibid_find_findings_progress).
*/
#include "findings.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "cites.h"
#include "layers.h"
#include "memory.h"
#include "progress.h"
#include "scan.h"
#include "utf8.h"

/* Bounds that keep pathological inputs linear. */
#define MAX_HEADING_BYTES 100
#define MAX_CELL_WORDS 32
#define MAX_EVIDENCE_PER_FINDING 40
#define MAX_SENTENCES_PER_FIGURE_FINDING 400
/* Sentence comparisons for figure evidence per document: a real paper needs a
** few thousand; the bound keeps texts with thousands of figure cells linear. */
#define MAX_FIGURE_EVIDENCE_COMPARISONS 200000
#define MAX_QUESTION_BYTES 600

/* ----- small helpers ------------------------------------------------------ */

static int grow(void **array, size_t *capacity, size_t needed, size_t size) {
  if (needed <= *capacity) return 0;
  size_t capacity_new = *capacity ? *capacity * 2 : 16;
  while (capacity_new < needed) capacity_new *= 2;
  void *grown = ibid_realloc(*array, capacity_new * size);
  if (!grown) return -1;
  *array = grown;
  *capacity = capacity_new;
  return 0;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
static int is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
static char lower(char c) {
  return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive ASCII prefix test of text[at..end). */
static int starts_with(const char *text, size_t at, size_t end, const char *prefix) {
  /* compares as it goes: most calls fail on the first byte */
  size_t i = 0;
  for (; prefix[i]; i++)
    if (at + i >= end || lower(text[at + i]) != lower(prefix[i])) return 0;
  return 1;
}

static size_t skip_spaces(const char *text, size_t at, size_t end) {
  while (at < end && (text[at] == ' ' || text[at] == '\t')) at++;
  return at;
}

static char *copy_string(const char *bytes, size_t length) {
  char *copy = ibid_malloc(length + 1);
  if (!copy) return NULL;
  memcpy(copy, bytes, length);
  copy[length] = 0;
  return copy;
}

/* Is the code point a letter or digit for word-splitting purposes? Non-ASCII
** punctuation blocks (quotes, dashes, bullets, dingbats) are not. */
static inline int is_word_codepoint(uint32_t c) {
  if (c < 0x80) return is_alpha((char)c) || is_digit((char)c);
  if (c < 0xC0) return 0;                   /* Latin-1 punctuation: § « » · */
  if (c == 0xD7 || c == 0xF7) return 0;     /* × ÷ */
  if (c >= 0x2000 && c <= 0x2BFF) return 0; /* punctuation, arrows, shapes, dingbats */
  if (c >= 0xF000 && c <= 0xF8FF) return 0; /* private use: PDF symbol fonts */
  return 1;
}

/* ----- lines ----------------------------------------------------------------- */

typedef struct line {
  size_t start, end; /* trimmed content */
  size_t raw_end;    /* the line break (or the text end) */
} line;

static int is_blank(const line *l) {
  return l->start >= l->end;
}

/* ----- bullets ------------------------------------------------------------ */

/* Length in bytes of a bullet glyph followed by a space at text[at], or 0.
** *check is set when the glyph is a check mark (a positive point). */
static size_t bullet_length(const char *text, size_t at, size_t end, int *check) {
  static const char *const checks[] = {"\xC3\xBC", "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x98\x91",
                                       "\xC3\xBE"};
  static const char *const others[] = {"\xC2\xA7",
                                       "\xE2\x80\xA2",
                                       "\xE2\x96\xAA",
                                       "\xE2\x96\xA0",
                                       "\xE2\x97\x8F",
                                       "\xE2\x97\xA6",
                                       "\xE2\x97\x8B",
                                       "\xE2\x80\x93",
                                       "\xE2\x80\x94",
                                       "\xC3\x98",
                                       "\xE2\x9E\xA2",
                                       "\xE2\x96\xBA",
                                       "\xEF\x82\xA7",
                                       "-",
                                       "*",
                                       "o"};
  *check = 0;
  if (at >= end) return 0;
  switch ((unsigned char)text[at]) { /* the first bytes of the marks above */
    case 0xC2:
    case 0xC3:
    case 0xE2:
    case 0xEF:
    case '-':
    case '*':
    case 'o':
      break;
    default:
      return 0;
  }
  for (int pass = 0; pass < 2; pass++) {
    const char *const *set = pass == 0 ? checks : others;
    size_t count = pass == 0 ? sizeof(checks) / sizeof(*checks) : sizeof(others) / sizeof(*others);
    for (size_t i = 0; i < count; i++) {
      if (set[i][0] != text[at]) continue;
      size_t n = strlen(set[i]);
      if (end - at > n && memcmp(text + at, set[i], n) == 0 &&
          (text[at + n] == ' ' || text[at + n] == '\t')) {
        *check = pass == 0;
        return n;
      }
    }
  }
  return 0;
}

/* ----- labels ------------------------------------------------------------- */

/* A question/hypothesis label ("Q1", "RQ2", "H3", "Hypothesis 1", "Question 2")
** at text[at]. Writes the label (e.g. "H1") and returns its end, or 0. */
static size_t parse_label(const char *text, size_t at, size_t end, char label[16]) {
  static const struct {
    const char *word;
    const char *prefix;
  } long_forms[] = {{"research question ", "RQ"},
                    {"hypothesis ", "H"},
                    {"question ", "Q"},
                    {"proposition ", "P"},
                    {"sub-question ", "SQ"}};
  const char *prefix = NULL;
  size_t p = at;
  /* every form below begins with r, h, q, p or s (either case) */
  if (at >= end) return 0;
  switch (lower(text[at])) {
    case 'r':
    case 'h':
    case 'q':
    case 'p':
    case 's':
      break;
    default:
      return 0;
  }
  for (size_t i = 0; i < sizeof(long_forms) / sizeof(*long_forms); i++)
    if (starts_with(text, at, end, long_forms[i].word) && is_upper(text[at])) {
      prefix = long_forms[i].prefix;
      p = at + strlen(long_forms[i].word);
      break;
    }
  if (!prefix) {
    if (starts_with(text, at, end, "RQ") || starts_with(text, at, end, "SQ")) {
      prefix = text[at] == 'S' || text[at] == 's' ? "SQ" : "RQ";
      p = at + 2;
    } else if (at < end && (text[at] == 'Q' || text[at] == 'H' || text[at] == 'P')) {
      prefix = text[at] == 'Q' ? "Q" : text[at] == 'H' ? "H" : "P";
      p = at + 1;
    } else {
      return 0;
    }
    if (!is_upper(text[at]) || (p < end && is_lower(text[p]))) return 0;
    /* "RQ 1": one space before the number */
    if (p + 1 < end && text[p] == ' ' && is_digit(text[p + 1])) p++;
  }
  size_t digits = p;
  while (p < end && is_digit(text[p]) && p - digits < 2) p++;
  if (p == digits || (p < end && is_digit(text[p]))) return 0;
  if (p < end && is_lower(text[p]) && (p + 1 >= end || !is_alpha(text[p + 1]))) p++;
  if (p < end && is_alpha(text[p])) return 0;
  size_t n = strlen(prefix);
  memcpy(label, prefix, n);
  memcpy(label + n, text + digits, p - digits);
  label[n + (p - digits)] = 0;
  return p;
}

/* A declared label: the label, then ':' '.' or ')' and text. Returns where the
** text starts, or 0. */
static size_t parse_declared_label(const char *text, size_t at, size_t end, char label[16]) {
  size_t p = parse_label(text, at, end, label);
  if (!p) return 0;
  p = skip_spaces(text, p, end);
  /* "Hypothesis 1 (H1): ..." */
  if (p < end && text[p] == '(') {
    size_t q = p + 1;
    while (q < end && q - p < 8 && (is_alpha(text[q]) || is_digit(text[q]))) q++;
    if (q < end && text[q] == ')' && q > p + 1) p = skip_spaces(text, q + 1, end);
  }
  if (p >= end) return 0;
  if (text[p] == ':' || text[p] == '.' || text[p] == ')') {
    p++;
  } else if (text[p] == '-' && p + 1 < end && text[p + 1] == ' ') {
    p++;
  } else if (end - p >= 3 && (memcmp(text + p, "\xE2\x80\x93", 3) == 0 ||
                              memcmp(text + p, "\xE2\x80\x94", 3) == 0)) {
    p += 3;
  } else {
    return 0;
  }
  p = skip_spaces(text, p, end);
  return p < end ? p : 0;
}

/* "Case 2:", "Case study 3:", "CASE 1." at text[at]: returns the end of the
** label (after the separator and spaces) with *number set, or 0. */
static size_t parse_case_label(const char *text, size_t at, size_t end, int *number) {
  if (!starts_with(text, at, end, "case ") || !is_upper(text[at])) return 0;
  size_t p = skip_spaces(text, at + 5, end);
  if (starts_with(text, p, end, "study ")) p = skip_spaces(text, p + 6, end);
  int value = 0;
  size_t digits = p;
  while (p < end && is_digit(text[p]) && p - digits < 3) value = value * 10 + (text[p++] - '0');
  if (p == digits) {
    /* Roman numerals I..XII. */
    static const char *const romans[] = {"XII", "XI", "X",  "IX",  "VIII", "VII",
                                         "VI",  "V",  "IV", "III", "II",   "I"};
    static const int values[] = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    for (size_t i = 0; i < sizeof(romans) / sizeof(*romans); i++) {
      size_t n = strlen(romans[i]);
      if (end - p >= n && memcmp(text + p, romans[i], n) == 0 &&
          (p + n >= end || !is_alpha(text[p + n]))) {
        value = values[i];
        p += n;
        break;
      }
    }
    if (!value) return 0;
  }
  p = skip_spaces(text, p, end);
  if (p < end && (text[p] == ':' || text[p] == '.')) {
    p++;
  } else if (end - p >= 3 && (memcmp(text + p, "\xE2\x80\x93", 3) == 0 ||
                              memcmp(text + p, "\xE2\x80\x94", 3) == 0)) {
    p += 3;
  } else {
    return 0;
  }
  *number = value;
  return skip_spaces(text, p, end);
}

/* ----- words --------------------------------------------------------------- */

typedef struct word {
  size_t start, end;
} word;

/* Finds the next word at or after *at in [*at, end): letters and digits, with
** inner hyphens and apostrophes ("win-win", "UNSC’s"). Returns 0 at the end. */
/* ibid_utf8_decode with the ASCII case inline (most bytes of a text). */
static inline size_t decode_at(const char *text, size_t end, size_t p, uint32_t *c) {
  unsigned char b = (unsigned char)text[p];
  if (b < 0x80) {
    *c = b;
    return 1;
  }
  return ibid_utf8_decode(text, end, p, c);
}

/* An ASCII letter or digit (is_word_codepoint of an ASCII byte). */
static inline int is_ascii_word_byte(unsigned char b) {
  return (unsigned)((b | 0x20) - 'a') < 26u || (unsigned)(b - '0') < 10u;
}

static inline __attribute__((always_inline)) int next_word(const char *text, size_t end, size_t *at,
                                                           word *found) {
  size_t p = *at;
  while (p < end) {
    unsigned char b = (unsigned char)text[p];
    if (b < 0x80) { /* (most bytes: no decoding) */
      if (is_ascii_word_byte(b)) break;
      p++;
      continue;
    }
    uint32_t c;
    size_t n = ibid_utf8_decode(text, end, p, &c);
    if (is_word_codepoint(c)) break;
    p += n;
  }
  if (p >= end) {
    *at = end;
    return 0;
  }
  found->start = p;
  while (p < end) {
    if (p + 8 <= end) { /* eight bytes at a time through ASCII letters and digits */
      uint64_t eight = ibid_scan_load(text + p), folded = eight | IBID_SCAN_ONES * 0x20;
      uint64_t word_bytes = ibid_scan_range(folded, 'a', 'z') | ibid_scan_range(eight, '0', '9');
      uint64_t stops = ~word_bytes & IBID_SCAN_HIGH;
      if (!stops) {
        p += 8;
        continue;
      }
      p += ibid_scan_first(stops); /* (no ASCII letter or digit) */
    } else if (is_ascii_word_byte((unsigned char)text[p])) {
      p++;
      continue;
    }
    uint32_t c;
    size_t n = decode_at(text, end, p, &c);
    if (is_word_codepoint(c)) {
      p += n;
      continue;
    }
    if (c == '-' || c == '\'' || c == 0x2019) {
      size_t q = p + n;
      if (q < end) {
        uint32_t d;
        decode_at(text, end, q, &d);
        if (is_word_codepoint(d)) {
          p = q;
          continue;
        }
      }
    }
    break;
  }
  found->end = p;
  *at = p;
  return 1;
}

static int word_is(const char *text, word w, const char *candidate) {
  /* candidate has the word's length and letters (case-insensitively): no
  ** strlen, the comparison stops at the first difference */
  size_t n = w.end - w.start;
  for (size_t i = 0; i < n; i++)
    if (!candidate[i] || lower(text[w.start + i]) != lower(candidate[i])) return 0;
  return candidate[n] == 0;
}

/* The lists below are short and lowercase; comparing first letters first
** keeps the lexicon lookups cheap. */
static int word_in(const char *text, word w, const char *const *list, size_t count) {
  char first = lower(text[w.start]);
  for (size_t i = 0; i < count; i++)
    if (list[i][0] == first && word_is(text, w, list[i])) return 1;
  return 0;
}

static int word_has_stem(const char *text, word w, const char *const *stems, size_t count) {
  char first = lower(text[w.start]);
  for (size_t i = 0; i < count; i++)
    if (stems[i][0] == first && starts_with(text, w.start, w.end, stems[i])) return 1;
  return 0;
}

#define COUNT(array) (sizeof(array) / sizeof(*(array)))

/* For each first letter of a lowercase list of at most 32 entries (a-z; 26:
** any other byte), a bit per entry that begins with it: word_has_stem_in
** then compares a word with those entries only. */
static void letter_entries(const char *const *list, size_t count, uint32_t entries[27]) {
  memset(entries, 0, 27 * sizeof(uint32_t));
  for (size_t i = 0; i < count && i < 32; i++)
    entries[is_lower(list[i][0]) ? list[i][0] - 'a' : 26] |= 1u << i;
}

/* word_has_stem over the entries letter_entries gives for the word's first letter. */
static int word_has_stem_in(const char *text, word w, const char *const *stems,
                            const uint32_t entries[27]) {
  char first = lower(text[w.start]);
  for (uint32_t e = entries[is_lower(first) ? first - 'a' : 26]; e; e &= e - 1) {
    const char *stem = stems[__builtin_ctz(e)];
    if (stem[0] == first && starts_with(text, w.start, w.end, stem)) return 1;
  }
  return 0;
}

/* The first letters of a lowercase list (bit k: 'a' + k; bit 26: any other
** byte), so that a word no entry can match is ruled out by one test. */
static uint32_t first_letters(const char *const *list, size_t count) {
  uint32_t mask = 0;
  for (size_t i = 0; i < count; i++)
    mask |= is_lower(list[i][0]) ? 1u << (list[i][0] - 'a') : 1u << 26;
  return mask;
}

/* Could an entry of a list of these first letters begin like the word? */
static inline int may_begin(const char *text, word w, uint32_t firsts) {
  char first = lower(text[w.start]);
  return ((is_lower(first) ? firsts >> (first - 'a') : firsts >> 26) & 1) != 0;
}

/* Function words, grouped by length (a word is compared only with those of
** its own length). */
#define MOST_STOPWORDS 24
static const char *const stopwords[8][MOST_STOPWORDS] = {
    {NULL},
    {"a"},
    {"of", "to", "in", "on", "by", "an", "is", "be", "it", "as", "at", "or", "no", "do"},
    {"the", "and", "for", "are", "was", "its", "not", "new", "has", "had", "did", "may", "can",
     "all", "any", "but"},
    {"from", "with", "were", "been", "that", "this", "very", "more", "most", "only", "into",
     "than", "have", "does", "they", "them", "also", "some", "such", "then", "both"},
    {"their", "which", "while", "other", "would", "could", "might", "these", "those", "there"},
    {"should"},
    {"further"}};

/* The first letters of stopwords[n] (bit k: 'a' + k), so that most words
** are ruled out by one test. Keep in step with the table above. */
static const uint32_t stopword_firsts[8] = {0x0000000, 0x0000001, 0x008610B, 0x04831AF,
                                            0x06C51AB, 0x0485004, 0x0040000, 0x0000020};

static int is_stopword(const char *text, word w) {
  size_t n = w.end - w.start;
  if (n == 0 || n > 7) return 0;
  char first = lower(text[w.start]);
  if (!is_lower(first) || !((stopword_firsts[n] >> (first - 'a')) & 1)) return 0;
  for (const char *const *s = stopwords[n]; s < stopwords[n] + MOST_STOPWORDS && *s; s++)
    if ((*s)[0] == first && word_is(text, w, *s)) return 1;
  return 0;
}

/* The stopwords as 8-byte integers (their bytes, zeros after them) in a
** small open-addressing table, made once per document: a word of at most
** seven bytes, lowercased the same way, is a stopword when the table holds
** it (what is_stopword tells, in one lookup: the word's bytes are never
** zero, so equal integers are equal words). */
#define STOP_SLOTS 128
typedef struct stop_table {
  uint64_t slots[STOP_SLOTS];
} stop_table;

static size_t stop_slot(uint64_t key) {
  return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 57); /* 0 .. STOP_SLOTS - 1 */
}

static void stop_table_make(stop_table *t) {
  memset(t, 0, sizeof(*t));
  for (size_t n = 1; n < 8; n++)
    for (size_t i = 0; i < MOST_STOPWORDS && stopwords[n][i]; i++) {
      uint64_t key = 0;
      memcpy(&key, stopwords[n][i], n);
      size_t slot = stop_slot(key);
      while (t->slots[slot]) slot = (slot + 1) & (STOP_SLOTS - 1);
      t->slots[slot] = key;
    }
}

static int is_stop_key(const stop_table *t, uint64_t key) {
  for (size_t slot = stop_slot(key); t->slots[slot]; slot = (slot + 1) & (STOP_SLOTS - 1))
    if (t->slots[slot] == key) return 1;
  return 0;
}

/* Content words of text[start, end) as 6-byte lowercase keys (a crude stem:
** "hindered" ~ "hinder", "deterrence" ~ "deterring"). Returns how many. */
typedef struct word_key {
  char key[6];
} word_key;

static size_t content_words(const stop_table *stops, const char *text, size_t start, size_t end,
                            word_key *keys, size_t max) {
  size_t count = 0, at = start;
  uint64_t seen[MAX_CELL_WORDS]; /* the keys so far, as integers (zero past the sixth byte) */
  uint64_t hashed = 0;
  if (max > MAX_CELL_WORDS) max = MAX_CELL_WORDS;
  word w;
  while (count < max && next_word(text, end, &at, &w)) {
    size_t n = w.end - w.start;
    if (n < 3 || !is_alpha(text[w.start])) continue;
    /* the first eight bytes, A-Z lowercased in each byte at once (scan.h) */
    uint64_t bytes = ibid_scan_head(text + w.start, n, end - w.start);
    bytes = ibid_scan_lower(bytes);
    if (n < 8 && is_stop_key(stops, bytes)) continue;
    uint64_t key = 0; /* the first six */
    memcpy(&key, &bytes, 6);
    /* a bit per key hashed to 0-63: a key whose bit is clear is new */
    uint64_t bit = 1ull << ((key * 0x9E3779B97F4A7C15ull) >> 58);
    if (hashed & bit) {
      size_t i = 0;
      while (i < count && seen[i] != key) i++;
      if (i < count) continue; /* a duplicate */
    }
    hashed |= bit;
    seen[count] = key;
    memcpy(keys[count].key, &key, 6);
    count++;
  }
  return count;
}

static size_t shared_words(const word_key *a, size_t a_count, const word_key *b, size_t b_count) {
  size_t shared = 0;
  for (size_t i = 0; i < a_count; i++)
    for (size_t j = 0; j < b_count; j++)
      if (memcmp(a[i].key, b[j].key, 6) == 0) {
        shared++;
        break;
      }
  return shared;
}

/* ----- POLARITY ------------------------------------------------------------ */
/*
** Evaluative words (by stem) count +1 or -1. A negator ("no", "not", "never",
** "without", "n't") flips evaluative words within the next four words of its
** clause; limiting words ("limited", "lack", "unlikely") are negative and
** also flip the positive words after them, so "Very limited deterrence effect"
** and "No positive effect" are negative. Statements of a rationale or goal
** ("the rationale was to deter ...", "Goal to end impunity") are 'none': they
** report an intention, not an evaluation. Both signs present gives 'mixed'.
*/
static const char *const positive_stems[] = {
    "help",       "improv", "encourag", "useful",   "facilitat", "deterr", "success", "effective",
    "strengthen", "enhanc", "support",  "benefi",   "advanc",    "enabl",  "positiv", "progress",
    "achiev",     "promot", "win-win",  "fruitful", "bolster",   "reliab"};
static const char *const positive_words[] = {"deter", "deters", "worked", "works", "succeeded"};
static const char *const negative_stems[] = {
    "hinder",         "undermin", "lack",        "fail",     "limit",    "expos",
    "controvers",     "weak",     "obstacl",     "imped",    "jeopard",  "hamper",
    "damag",          "diminish", "negativ",     "ineffect", "vulnerab", "disappoint",
    "problem",        "delay",    "prolong",     "unlikely", "harm",     "counter-product",
    "counterproduct", "worsen",   "insufficien", "inadequa", "stall",    "obstruct",
    "backfir",        "detriment"};
static const char *const negators[] = {"no",     "not",    "never",  "neither", "nor",   "without",
                                       "hardly", "cannot", "barely", "rarely",  "seldom"};
/* Outcome nouns: neutral alone ("the effect of ..."), negative when negated ("no effect"). */
static const char *const outcome_words[] = {"effect",    "effects",    "impact", "impacts",
                                            "influence", "difference", "change", "improvement"};
static const char *const limiting_stems[] = {"limit", "lack", "unlikely", "little", "insufficien"};
static const char *const mixed_words[] = {"mixed", "ambivalent", "ambiguous"};
static const char *const intention_stems[] = {"rationale", "goal",   "aim",      "purpose",
                                              "motivat",   "intend", "intention"};

static int is_negator(const char *text, word w, uint32_t firsts) {
  if (may_begin(text, w, firsts) && word_in(text, w, negators, COUNT(negators))) return 1;
  size_t n = w.end - w.start;
  if (n >= 3 && lower(text[w.end - 1]) == 't' && lower(text[w.end - 3]) == 'n' &&
      text[w.end - 2] == '\'')
    return 1;
  if (n >= 5 && lower(text[w.end - 1]) == 't' && memcmp(text + w.end - 4, "\xE2\x80\x99", 3) == 0 &&
      lower(text[w.end - 5]) == 'n')
    return 1;
  return 0;
}

/* Does a clause boundary (, ; : . ? !) lie in text[from, to)? */
static int clause_break(const char *text, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (text[i] == ',' || text[i] == ';' || text[i] == ':' || text[i] == '.' || text[i] == '?' ||
        text[i] == '!')
      return 1;
  return 0;
}

/* The lists' first letters (first_letters, letter_entries): most words begin
** like no entry of a list. Made once per document (a findings analysis
** reads the polarity of each of its findings). */
typedef struct polarity_lists {
  uint32_t mixed, intention, negatives, positives, outcomes, limitings, negating;
  uint32_t negative_entries[27], positive_entries[27];
} polarity_lists;

static void polarity_lists_make(polarity_lists *l) {
  l->mixed = first_letters(mixed_words, COUNT(mixed_words));
  l->intention = first_letters(intention_stems, COUNT(intention_stems));
  l->negatives = first_letters(negative_stems, COUNT(negative_stems));
  l->positives = first_letters(positive_stems, COUNT(positive_stems)) |
                 first_letters(positive_words, COUNT(positive_words));
  l->outcomes = first_letters(outcome_words, COUNT(outcome_words));
  l->limitings = first_letters(limiting_stems, COUNT(limiting_stems));
  l->negating = first_letters(negators, COUNT(negators));
  _Static_assert(COUNT(negative_stems) <= 32 && COUNT(positive_stems) <= 32,
                 "letter_entries takes at most 32 entries");
  letter_entries(negative_stems, COUNT(negative_stems), l->negative_entries);
  letter_entries(positive_stems, COUNT(positive_stems), l->positive_entries);
}

static ibid_polarity polarity_with(const polarity_lists *l, const char *text, size_t length);

ibid_polarity ibid_text_polarity(const char *text, size_t length) {
  polarity_lists l;
  polarity_lists_make(&l);
  return polarity_with(&l, text, length);
}

static ibid_polarity polarity_with(const polarity_lists *l, const char *text, size_t length) {
  int positive = 0, negative = 0, scope = 0, limiting_scope = 0;
  size_t at = 0, previous_end = 0;
  word w;
  const uint32_t mixed = l->mixed, intention = l->intention, negatives = l->negatives,
                 positives = l->positives, outcomes = l->outcomes, limitings = l->limitings,
                 negating = l->negating;
  const uint32_t *negative_entries = l->negative_entries, *positive_entries = l->positive_entries;
  while (next_word(text, length, &at, &w)) {
    if (clause_break(text, previous_end, w.start)) scope = limiting_scope = 0;
    previous_end = w.end;
    if (may_begin(text, w, mixed) && word_in(text, w, mixed_words, COUNT(mixed_words)))
      return IBID_POLARITY_MIXED;
    if (may_begin(text, w, intention) &&
        word_has_stem(text, w, intention_stems, COUNT(intention_stems)))
      return IBID_POLARITY_NONE;
    if (is_negator(text, w, negating)) {
      scope = 4;
      continue;
    }
    int sign = 0;
    if (may_begin(text, w, negatives) &&
        word_has_stem_in(text, w, negative_stems, negative_entries)) {
      sign = -1;
    } else if (may_begin(text, w, positives) &&
               (word_has_stem_in(text, w, positive_stems, positive_entries) ||
                word_in(text, w, positive_words, COUNT(positive_words)))) {
      sign = 1;
    } else if (scope > 0 && may_begin(text, w, outcomes) &&
               word_in(text, w, outcome_words, COUNT(outcome_words))) {
      sign = 1; /* flipped below: "no measurable effect" */
    } else if (word_is(text, w, "question") && w.start >= 5 &&
               starts_with(text, w.start - 5, w.end, "into ")) {
      sign = -1; /* "call into question" */
    }
    int limiting = may_begin(text, w, limitings) &&
                   word_has_stem(text, w, limiting_stems, COUNT(limiting_stems));
    if (sign && scope > 0) {
      sign = -sign;
    } else if (sign > 0 && limiting_scope > 0) {
      sign = -1;
    }
    if (sign > 0) positive++;
    if (sign < 0) negative++;
    if (scope > 0) scope--;
    if (limiting_scope > 0) limiting_scope--;
    if (limiting) limiting_scope = 4;
  }
  if (positive && negative) return IBID_POLARITY_MIXED;
  if (positive) return IBID_POLARITY_POSITIVE;
  if (negative) return IBID_POLARITY_NEGATIVE;
  return IBID_POLARITY_NONE;
}

const char *ibid_polarity_name(ibid_polarity polarity) {
  switch (polarity) {
    case IBID_POLARITY_POSITIVE:
      return "positive";
    case IBID_POLARITY_NEGATIVE:
      return "negative";
    case IBID_POLARITY_MIXED:
      return "mixed";
    default:
      return "none";
  }
}

const char *ibid_finding_source_name(ibid_finding_source source) {
  switch (source) {
    case IBID_FINDING_FIGURE:
      return "figure";
    case IBID_FINDING_ABSTRACT:
      return "abstract";
    case IBID_FINDING_LIST:
      return "list";
    default:
      return "conclusion";
  }
}

/* ----- case names ----------------------------------------------------------- */

/* Words a case title wraps around the name: "The attempted Kosovo referral". */
static const char *const generic_title_words[] = {
    "the",        "a",      "an",       "referral", "referrals", "attempted", "failed", "situation",
    "situations", "crisis", "crises",   "case",     "study",     "studies",   "in",     "of",
    "on",         "at",     "proposed", "deferred", "conflict",  "question",  "and"};

static int is_generic_title_word(const char *text, word w, int has_capital) {
  if (word_in(text, w, generic_title_words, COUNT(generic_title_words))) return 1;
  /* In "The Aurelia commission" the name is the capitalised part. */
  if (has_capital && is_lower(text[w.start])) return 1;
  for (size_t i = w.start; i < w.end; i++)
    if (!is_digit(text[i])) return 0;
  return 1; /* a year: "The 1999 Kosovo crisis" */
}

char *ibid_case_short_name(const char *title, size_t length) {
  word first = {0, 0}, last = {0, 0}, w;
  size_t at = 0;
  int found = 0, has_capital = 0;
  while (next_word(title, length, &at, &w))
    if (!is_generic_title_word(title, w, 0) && !is_lower(title[w.start])) has_capital = 1;
  at = 0;
  /* The name runs from the first to the last word that is not generic;
  ** generic words inside it ("Bosnia and Herzegovina") stay. */
  while (next_word(title, length, &at, &w)) {
    if (is_generic_title_word(title, w, has_capital)) continue;
    if (!found) first = w;
    last = w;
    found = 1;
  }
  size_t start = found ? first.start : 0, end = found ? last.end : length;
  if (found && end < length && title[end] == ')') end++; /* "Kosovo (Serbia)" */
  if (found && first.start > 0 && title[first.start - 1] == '(') start--;
  while (start < end && is_space(title[start])) start++;
  while (end > start && is_space(title[end - 1])) end--;
  return copy_string(title + start, end - start);
}

/* ----- the analysis -------------------------------------------------------- */

typedef struct sentence {
  size_t start, end;
} sentence;

typedef struct citation {
  size_t start, end;
  int is_marker;
  size_t cite; /* the cite group's first cite in the layers, from 1 (0 for a marker) */
} citation;

typedef struct subsection {
  size_t start; /* the question heading inside a case section */
  size_t end;
  size_t case_index;
  char label[16];
} subsection;

/* The content words of a question subsection's first sentences (at most
** MAX_SENTENCES_PER_FIGURE_FINDING), hashed by word: a figure finding looks
** its own words up here instead of reading every sentence of the subsection. */
typedef struct posting {
  char key[6];     /* a word_key */
  uint16_t offset; /* the sentence, from the subsection's first */
} posting;

typedef struct scope_index {
  int built;
  size_t first;      /* the subsection's first sentence */
  size_t count;      /* its sentences indexed */
  posting *postings; /* in order of their offsets */
  size_t posting_count;
  /* A hash table of the keys: heads[slot] is the index + 1 of a key's first
  ** posting (0: an empty slot), next[k] the index + 1 of the posting after
  ** posting k with its key (0: none), so a key's postings are read in order
  ** of their offsets. One allocation: heads, then next. */
  uint32_t *heads, *next;
  size_t head_mask;
} scope_index;

typedef struct figure_region {
  size_t first_line, end_line; /* lines [first_line, end_line): caption..last */
} figure_region;

typedef struct analysis {
  const char *text;
  size_t length;
  polarity_lists polarity; /* (made once, for the polarity of each finding) */
  stop_table stops;        /* (made once, for content_words) */
  line *lines;
  size_t line_count, line_capacity;
  unsigned char *line_flags; /* LINE_* bits */
  int double_spaced;         /* lines separated by blank lines (PDF extraction) */
  int cases_from_header;     /* no case headings: cases named by a comparative figure */
  int cases_from_structure;  /* cases are sections whose headings name them */
  const ibid_regions *regions;
  size_t *case_level;        /* heading level of each case (0: unnumbered) */
  size_t after_cases;        /* where the last case section ends (0: no cases) */
  size_t typical_line;       /* a full line's length in bytes */
  size_t *case_heading_line; /* line of each case heading */
  subsection *subsections;
  size_t subsection_count, subsection_capacity;
  figure_region *figures;
  size_t figure_count, figure_capacity;
  sentence *sentences;
  size_t sentence_count, sentence_capacity;
  /* Content words of each sentence, computed once when figure evidence first
  ** reads the sentence (word_count (size_t)-1 until then): a sentence read for
  ** many figure findings is decoded once, not once per finding. */
  word_key *sentence_words; /* all sentences' words read so far, one after another */
  size_t sentence_words_count, sentence_words_capacity;
  size_t *sentence_word_at; /* per sentence: its first word in sentence_words */
  size_t *sentence_word_count;
  struct scope_index *scope_indexes; /* per subsection, built when first read */
  unsigned char figure_hits[MAX_SENTENCES_PER_FIGURE_FINDING]; /* all 0 between findings */
  citation *citations;
  size_t citation_count, citation_capacity;
  size_t *paragraph_of_line;                          /* paragraph number of each line */
  size_t *paragraph_first_line, *paragraph_last_line; /* by paragraph number */
  size_t abstract_start, abstract_end;
  size_t conclusion_start, conclusion_end;
  ibid_findings *out;
  size_t case_capacity, question_capacity, finding_capacity, evidence_capacity;
  ibid_progress *progress;   /* counts the work of the long loops; may be NULL */
  const ibid_layers *layers; /* the document's sentences, cites, notes and markers */
} analysis;

enum {
  LINE_HEADING = 1, /* short standalone line: ends sentences and paragraphs */
  LINE_CAPTION = 2, /* "Figure 3. ..." */
  LINE_FIGURE = 4,  /* inside a figure region */
  LINE_CASE = 8,    /* a case heading */
  LINE_BULLET = 16, /* starts with a bullet glyph */
  LINE_ENDING = 32  /* a heading that closes case sections ("Conclusion") */
};

static int split_lines(analysis *a) {
  size_t at = 0;
  while (at <= a->length) {
    const char *newline = memchr(a->text + at, '\n', a->length - at);
    size_t end = newline ? (size_t)(newline - a->text) : a->length;
    if (grow((void **)&a->lines, &a->line_capacity, a->line_count + 1, sizeof(line))) return -1;
    line *l = &a->lines[a->line_count++];
    l->raw_end = end;
    l->start = at;
    l->end = end;
    while (l->start < l->end && is_space(a->text[l->start])) l->start++;
    /* A no-break space (U+00A0) trims like a space. */
    while (l->end > l->start) {
      if (is_space(a->text[l->end - 1])) {
        l->end--;
      } else if (l->end - l->start >= 2 && (unsigned char)a->text[l->end - 2] == 0xC2 &&
                 (unsigned char)a->text[l->end - 1] == 0xA0) {
        l->end -= 2;
      } else {
        break;
      }
    }
    (void)ibid_progress_step(a->progress, end - at + 1);
    if (end >= a->length) break;
    at = end + 1;
  }
  a->line_flags = ibid_malloc(a->line_count ? a->line_count : 1);
  a->paragraph_of_line = ibid_malloc((a->line_count ? a->line_count : 1) * sizeof(size_t));
  a->case_heading_line = ibid_malloc((a->line_count ? a->line_count : 1) * sizeof(size_t));
  a->case_level = ibid_malloc((a->line_count ? a->line_count : 1) * sizeof(size_t));
  a->paragraph_first_line = ibid_malloc((a->line_count + 1) * sizeof(size_t));
  a->paragraph_last_line = ibid_malloc((a->line_count + 1) * sizeof(size_t));
  if (!a->line_flags || !a->paragraph_of_line || !a->case_heading_line || !a->case_level ||
      !a->paragraph_first_line || !a->paragraph_last_line)
    return -1;
  memset(a->line_flags, 0, a->line_count ? a->line_count : 1);
  return 0;
}

/* Line layout: whether blank lines separate every line (then they do not mark
** paragraphs), and how long a full line is (the 90th percentile). */
static void measure_lines(analysis *a) {
  size_t histogram[101] = {0}, counted = 0, separated = 0, adjacent = 0;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) continue;
    size_t n = l->end - l->start;
    if (n >= 20) {
      histogram[n / 10 > 100 ? 100 : n / 10]++;
      counted++;
    }
    if (i + 2 < a->line_count && is_blank(&a->lines[i + 1]) && !is_blank(&a->lines[i + 2]))
      separated++;
    if (i + 1 < a->line_count && !is_blank(&a->lines[i + 1])) adjacent++;
  }
  a->double_spaced = separated > 2 * adjacent;
  size_t seen = 0;
  a->typical_line = 80;
  for (size_t bucket = 0; bucket <= 100 && counted; bucket++) {
    seen += histogram[bucket];
    if (seen * 10 >= counted * 9) {
      a->typical_line = bucket * 10 + 5;
      break;
    }
  }
}

static size_t count_words(const char *text, size_t start, size_t end) {
  size_t count = 0, at = start;
  word w;
  while (next_word(text, end, &at, &w)) count++;
  return count;
}

static int is_caption(const analysis *a, const line *l) {
  static const char *const words[] = {"figure ", "fig. ", "table ", "exhibit ", "chart "};
  for (size_t i = 0; i < COUNT(words); i++) {
    if (!starts_with(a->text, l->start, l->end, words[i]) || !is_upper(a->text[l->start])) continue;
    size_t p = l->start + strlen(words[i]);
    if (p < l->end && is_digit(a->text[p])) {
      while (p < l->end && (is_digit(a->text[p]) || a->text[p] == '.')) p++;
      if (p >= l->end || a->text[p] == ' ' || a->text[p] == ':' || a->text[p - 1] == '.') return 1;
    }
  }
  return 0;
}

/* Is text[start, dot) a Roman numeral I..XX ("II" in "II. The case of ...")? */
static int is_roman_prefix(const char *text, size_t start, size_t dot) {
  if (dot <= start) return 0;
  for (size_t p = start; p < dot; p++)
    if (text[p] != 'I' && text[p] != 'V' && text[p] != 'X') return 0;
  return 1;
}

/* A heading-like line: short, few words, no closing punctuation, capitalised
** or numbered. */
static int is_heading_like(const analysis *a, const line *l) {
  size_t start = l->start;
  if (a->text[start] == '#') { /* Markdown: "## 2. Kenya" */
    while (start < l->end && a->text[start] == '#') start++;
    start = skip_spaces(a->text, start, l->end);
    if (start >= l->end) return 0;
  }
  size_t n = l->end - start;
  if (n == 0 || n > 80) return 0;
  char first = a->text[start], last = a->text[l->end - 1];
  if (!is_upper(first) && !is_digit(first)) return 0;
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
      last == '-' || last == ')' || last == ']' || last == '"')
    return 0;
  /* A sentence break inside ("Aid failed. It ...") is prose; "1. Introduction" is not. */
  for (size_t p = start + 1; p + 1 < l->end; p++)
    if (a->text[p] == '.' && a->text[p + 1] == ' ' && !is_digit(a->text[p - 1]) &&
        !(p == start + 1 || (p >= start + 2 && p <= start + 5 && a->text[start] <= 'X' &&
                             is_roman_prefix(a->text, start, p))))
      return 0;
  return count_words(a->text, start, l->end) <= 10;
}

/* A numbered heading whose title asks: "5. Côte d'Ivoire: victor's justice?"
** (a name, a colon, a short question). */
static int is_numbered_question_heading(const analysis *a, const line *l) {
  const char *t = a->text;
  size_t n = l->end - l->start;
  if (n < 4 || n > 80 || t[l->end - 1] != '?' || count_words(t, l->start, l->end) > 10) return 0;
  size_t p = l->start;
  while (p < l->end && (is_digit(t[p]) || t[p] == '.')) p++;
  if (p == l->start) {
    while (p < l->end && (t[p] == 'I' || t[p] == 'V' || t[p] == 'X')) p++;
    if (p == l->start || p >= l->end || t[p] != '.') return 0;
    p++;
  }
  if (p >= l->end || t[p] != ' ') return 0;
  size_t colon = p;
  while (colon < l->end && t[colon] != ':') colon++;
  return colon < l->end && colon > p + 1;
}

/* Headings whose section closes the case studies. */
static int is_ending_heading(const analysis *a, const line *l) {
  static const char *const stems[] = {"conclu",      "discussion",  "summary",     "balance",
                                      "comparison",  "comparative", "implication", "reference",
                                      "bibliograph", "notes",       "endnotes",    "acknowledg",
                                      "appendix",    "lessons",     "synthesis",   "recommend"};
  size_t at = l->start;
  word w;
  while (next_word(a->text, l->end, &at, &w))
    if (word_has_stem(a->text, w, stems, COUNT(stems))) return 1;
  return 0;
}

static void classify_lines(analysis *a) {
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) continue;
    int check;
    if (bullet_length(a->text, l->start, l->end, &check)) a->line_flags[i] |= LINE_BULLET;
    if (is_caption(a, l)) {
      a->line_flags[i] |= LINE_CAPTION | LINE_HEADING;
    } else if (!(a->line_flags[i] & LINE_BULLET) &&
               (is_heading_like(a, l) || is_numbered_question_heading(a, l))) {
      a->line_flags[i] |= LINE_HEADING;
      if (is_ending_heading(a, l)) a->line_flags[i] |= LINE_ENDING;
    }
  }
}

static size_t previous_nonblank(const analysis *a, size_t i) {
  while (i > 0) {
    i--;
    if (!is_blank(&a->lines[i])) return i;
  }
  return (size_t)-1;
}

/* Number of "Case N:" labels in a line; the first one's number and end. */
static size_t case_labels(const analysis *a, const line *l, int *number, size_t *label_end) {
  size_t count = 0;
  for (size_t p = l->start; p < l->end; p++) {
    /* a label opens with "Case" (parse_case_label) */
    const char *c = memchr(a->text + p, 'C', l->end - p);
    if (!c) break;
    p = (size_t)(c - a->text);
    if (p > l->start && a->text[p - 1] != ' ') continue;
    int value;
    size_t end = parse_case_label(a->text, p, l->end, &value);
    if (!end) continue;
    if (count == 0) {
      *number = value;
      *label_end = end;
    }
    count++;
    p = end - 1;
  }
  return count;
}

/* A row or column label for all cases: "Balance", "Overall". */
static const char *const summary_words[] = {"balance", "overall", "total",
                                            "summary", "average", "all cases"};

static int is_summary_word(const char *text, size_t start, size_t end) {
  while (end > start && (text[end - 1] == ':' || is_space(text[end - 1]))) end--;
  for (size_t i = 0; i < COUNT(summary_words); i++) {
    size_t n = strlen(summary_words[i]);
    if (end - start == n && starts_with(text, start, end, summary_words[i])) return 1;
  }
  return 0;
}

/* Where a heading's words start: after Markdown '#'s and a section number
** ("## 3.1 Case study 1: ..."). */
static size_t heading_text_start(const char *text, size_t at, size_t end) {
  while (at < end && text[at] == '#') at++;
  at = skip_spaces(text, at, end);
  size_t p = at;
  while (p < end && (is_digit(text[p]) || text[p] == '.')) p++;
  if (p > at && p < end && text[p] == ' ' && is_digit(text[at])) at = skip_spaces(text, p, end);
  return at;
}

/* ----- 1. cases ------------------------------------------------------------- */

/* Without case headings, a comparative figure's header ("Case 1: Kosovo Case 2:
** Timor ...") still names the cases; each case's span is its label. */
static int cases_from_comparative_header(analysis *a) {
  ibid_findings *out = a->out;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    int number;
    size_t label_end;
    if (is_blank(l) || l->end - l->start > 400 || case_labels(a, l, &number, &label_end) < 2)
      continue;
    size_t positions[16], ends[16], count = 0;
    int numbers[16];
    for (size_t p = l->start; p < l->end && count < 16; p++) {
      if (p > l->start && a->text[p - 1] != ' ' && a->text[p - 1] != '|' && a->text[p - 1] != '\t')
        continue;
      size_t end = parse_case_label(a->text, p, l->end, &numbers[count]);
      if (!end) continue;
      positions[count] = p;
      ends[count++] = end;
      p = end - 1;
    }
    for (size_t k = 0; k < count; k++) {
      size_t name_end = k + 1 < count ? positions[k + 1] : l->end;
      while (name_end > ends[k] &&
             (is_space(a->text[name_end - 1]) || a->text[name_end - 1] == '|'))
        name_end--;
      if (k + 1 == count) {
        /* "... Case 3: Yemen Balance": the summary column is no case. */
        size_t word_start = name_end;
        while (word_start > ends[k] && !is_space(a->text[word_start - 1])) word_start--;
        if (word_start > ends[k] && is_summary_word(a->text, word_start, name_end))
          name_end = word_start;
        while (name_end > ends[k] && is_space(a->text[name_end - 1])) name_end--;
      }
      if (grow((void **)&out->cases, &a->case_capacity, out->case_count + 1, sizeof(ibid_case)))
        return -1;
      ibid_case *found = &out->cases[out->case_count];
      memset(found, 0, sizeof(*found));
      found->number = numbers[k];
      found->heading_start = found->start = positions[k];
      found->heading_length = found->length = name_end - positions[k];
      found->name = ibid_case_short_name(a->text + ends[k], name_end - ends[k]);
      if (!found->name) return -1;
      out->case_count++;
    }
    return 0;
  }
  return 0;
}

static int find_structure_cases(analysis *a);

static int find_cases(analysis *a) {
  ibid_findings *out = a->out;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l) || l->end - l->start > MAX_HEADING_BYTES) continue;
    int number = 0;
    size_t label_end = 0, first_end;
    /* One label, opening the line (a figure header holds several). */
    if (case_labels(a, l, &number, &first_end) != 1) continue;
    label_end =
        parse_case_label(a->text, heading_text_start(a->text, l->start, l->end), l->end, &number);
    if (!label_end) continue;
    if (label_end >= l->end || count_words(a->text, label_end, l->end) > 12) continue;
    char last = a->text[l->end - 1];
    if (last == '.' || last == ',' || last == ';') continue;
    size_t previous = previous_nonblank(a, i);
    if (previous != (size_t)-1 && (a->line_flags[previous] & LINE_CAPTION))
      continue; /* a figure's label */
    int seen = 0;
    for (size_t c = 0; c < out->case_count; c++)
      if (out->cases[c].number == number) seen = 1;
    if (seen) continue;
    if (grow((void **)&out->cases, &a->case_capacity, out->case_count + 1, sizeof(ibid_case)))
      return -1;
    ibid_case *found = &out->cases[out->case_count];
    memset(found, 0, sizeof(*found));
    found->number = number;
    found->heading_start = l->start;
    found->heading_length = l->end - l->start;
    found->start = l->start;
    found->name = ibid_case_short_name(a->text + label_end, l->end - label_end);
    if (!found->name) return -1;
    a->case_heading_line[out->case_count] = i;
    out->case_count++;
    a->line_flags[i] |= LINE_CASE;
    a->line_flags[i] &= (unsigned char)~LINE_ENDING;
  }
  if (out->case_count == 0) {
    if (find_structure_cases(a)) return -1;
  }
  if (out->case_count == 0) {
    a->cases_from_header = 1;
    return cases_from_comparative_header(a);
  }
  return 0;
}

/* A section ends at the next case heading; the last one also at an ending
** heading outside a figure (a figure's "Balance" row is no section). An
** ending heading between two cases ("Conclusion" of case 1) is a subsection. */
static void find_case_sections(analysis *a) {
  ibid_findings *out = a->out;
  if (a->cases_from_header || a->cases_from_structure) return; /* already known */
  for (size_t c = 0; c < out->case_count; c++) {
    size_t limit_line = c + 1 < out->case_count ? a->case_heading_line[c + 1] : a->line_count;
    size_t end_line = limit_line;
    for (size_t i = a->case_heading_line[c] + 1; c + 1 == out->case_count && i < limit_line; i++)
      if ((a->line_flags[i] & LINE_ENDING) && !(a->line_flags[i] & LINE_FIGURE)) {
        end_line = i;
        break;
      }
    size_t last = end_line;
    while (last > a->case_heading_line[c] + 1 && is_blank(&a->lines[last - 1])) last--;
    size_t end = a->lines[last - 1].end;
    out->cases[c].length = end - out->cases[c].start;
  }
}

/* Index of the case whose section holds byte offset, or -1. */
static long case_at(const analysis *a, size_t offset) {
  const ibid_findings *out = a->out;
  size_t low = 0, high = out->case_count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (out->cases[middle].start <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  if (low == 0) return -1;
  const ibid_case *c = &out->cases[low - 1];
  return offset < c->start + c->length ? (long)(low - 1) : -1;
}

/* ----- 1b. cases from section structure -------------------------------------- */
/*
** Documents that do not write "Case N:" name their cases in their section
** headings: "3. Uganda: self-referral and selective cooperation", "II. The
** case of Sudan", "## The case of MONUSCO", or a bare country name heading
** the bullets of a "Key findings" section. A heading is a candidate when its
** head (the title before ':' or a dash, after "The case of") is a country
** (ICU region names), follows "The case of", or is an item of a sentence that
** announces the cases ("We compare three situations: A, B and C."). The
** candidates at one heading level are the cases when there are three, or two
** confirmed by the announcing sentence or "The case of": a document that
** compares several. A case's section runs to the next heading of its level
** or above (its subsections belong to it), to the next case, or to a closing
** heading ("Conclusion", "Comparison").
*/

#define MAX_ENUMERATED 32

typedef struct name_span {
  size_t start, end;
} name_span;

/* The heading level of line i: the number of '#' of a Markdown heading, the
** depth of its numbering ("3" 1, "3.2" 2, "II." 1), 0 when unnumbered; -1
** when the line is not a heading. *title is where its words start. */
static int heading_level(const analysis *a, size_t i, size_t *title) {
  const line *l = &a->lines[i];
  if (!(a->line_flags[i] & LINE_HEADING) || (a->line_flags[i] & (LINE_CAPTION | LINE_BULLET)))
    return -1;
  const char *t = a->text;
  size_t p = l->start;
  int level = 0;
  if (t[p] == '#') {
    while (p < l->end && t[p] == '#') p++, level++;
    p = skip_spaces(t, p, l->end);
  }
  size_t q = p;
  int components = 0;
  while (q < l->end && is_digit(t[q])) {
    size_t digits = q;
    while (q < l->end && is_digit(t[q])) q++;
    if (q - digits > 2) { /* "2015 ...": a year, not a section number */
      *title = p;
      return level ? level : 0;
    }
    components++;
    if (q < l->end && t[q] == '.') q++;
    if (q >= l->end || !is_digit(t[q])) break;
  }
  if (components && q < l->end && (t[q] == ' ' || t[q] == '\t')) {
    *title = skip_spaces(t, q, l->end);
    return level ? level : components;
  }
  /* Roman numerals "IV." */
  q = p;
  while (q < l->end && (t[q] == 'I' || t[q] == 'V' || t[q] == 'X')) q++;
  if (q > p && q - p <= 5 && q + 1 < l->end && t[q] == '.' && t[q + 1] == ' ') {
    *title = skip_spaces(t, q + 1, l->end);
    return level ? level : 1;
  }
  *title = p;
  return level;
}

/* Trims spaces and closing punctuation from [*start, *end). */
static void trim_span(const char *text, size_t *start, size_t *end) {
  while (*start < *end && is_space(text[*start])) (*start)++;
  while (*end > *start && (is_space(text[*end - 1]) || text[*end - 1] == ',' ||
                           text[*end - 1] == '.' || text[*end - 1] == ':' || text[*end - 1] == ';'))
    (*end)--;
}

/* Items of sentences that announce the cases: "We compare three situations:
** Uganda, Kenya and Côte d'Ivoire." (a trigger word before the colon, the
** items capitalised, up to the full stop; "X in Y" gives X). */
static size_t find_enumerated_cases(const analysis *a, name_span *items, size_t max) {
  static const char *const triggers[] = {"compar",  "examin",    "studi",  "study",     "analy",
                                         "cases",   "situation", "countr", "firms",     "organi",
                                         "mission", "focus",     "select", "investigat"};
  const char *t = a->text;
  size_t count = 0;
  for (size_t p = 0; p < a->length && count < max; p++) {
    const char *colon = memchr(t + p, ':', a->length - p);
    if (!colon) break;
    p = (size_t)(colon - t);
    size_t q = p + 1;
    while (q < a->length && is_space(t[q])) q++;
    if (q >= a->length || !is_upper(t[q])) continue;
    /* the trigger in the same sentence, at most 200 bytes back */
    size_t from = p > 200 ? p - 200 : 0;
    for (size_t b = p; b > from; b--)
      if ((t[b - 1] == '.' && b < p && t[b] == ' ') ||
          (t[b - 1] == '\n' && b >= 2 && t[b - 2] == '\n' && !a->double_spaced)) {
        from = b;
        break;
      }
    int triggered = 0;
    size_t at = from;
    word w;
    while (!triggered && next_word(t, p, &at, &w))
      if (word_has_stem(t, w, triggers, COUNT(triggers))) triggered = 1;
    if (!triggered) continue;
    /* the items, to the full stop (at most 400 bytes) */
    size_t limit = q + 400 < a->length ? q + 400 : a->length;
    size_t item = q;
    size_t found = 0;
    for (size_t r = q; r <= limit && count < max; r++) {
      int stop = r == limit || t[r] == '.' || t[r] == ';' || t[r] == '?';
      int comma = !stop && t[r] == ',';
      int and_word = !stop && r + 5 <= limit && t[r] == ' ' && memcmp(t + r, " and ", 5) == 0;
      if (!stop && !comma && !and_word) continue;
      size_t start = item, end = r;
      /* "MONUSCO in the Democratic Republic of the Congo" -> "MONUSCO" */
      for (size_t c = start; c + 4 <= end; c++)
        if (memcmp(t + c, " in ", 4) == 0 || memcmp(t + c, " (", 2) == 0) {
          end = c;
          break;
        }
      trim_span(t, &start, &end);
      if (end > start && is_upper(t[start]) && end - start < 80) {
        items[count].start = start;
        items[count].end = end;
        count++;
        found++;
      }
      if (stop) break;
      item = r + (and_word ? 5 : 1);
      if (and_word) r += 4;
    }
    if (found < 2) count -= found; /* one capitalised phrase is no list of cases */
    p = q;
  }
  return count;
}

/* Do two names agree: equal when folded, or naming the same country? */
/* A name, folded (ibid_region_fold) and its region code looked up each at
** most once, when first needed: a name compared with several others is
** folded once. */
typedef struct name_form {
  const char *text;
  size_t length;
  size_t n; /* the folded length; (size_t)-1: not folded yet */
  char folded[64];
  int coded; /* code looked up */
  const char *code;
} name_form;

static void name_form_set(name_form *f, const char *text, size_t length) {
  f->text = text;
  f->length = length;
  f->n = (size_t)-1;
  f->coded = 0;
  f->code = NULL;
}

static void name_form_fold(name_form *f) {
  if (f->n == (size_t)-1) f->n = ibid_region_fold(f->text, f->length, f->folded, sizeof(f->folded));
}

static const char *name_form_code(const analysis *a, name_form *f) {
  if (!f->coded) {
    f->code = ibid_region_code(a->regions, f->text, f->length);
    f->coded = 1;
  }
  return f->code;
}

/* Same folded name, or names of the same country. */
static int same_form(const analysis *a, name_form *x, name_form *y) {
  name_form_fold(x);
  name_form_fold(y);
  if (x->n && x->n == y->n && memcmp(x->folded, y->folded, x->n) == 0) return 1;
  const char *cx = name_form_code(a, x);
  const char *cy = cx ? name_form_code(a, y) : NULL;
  return cx && cy && strcmp(cx, cy) == 0;
}

typedef struct case_candidate {
  size_t line;
  int level;
  size_t name_start, name_end;
  int confirmed;  /* "The case of" or an announced item */
  name_form form; /* of its name */
} case_candidate;

/* The head of a heading's title: the name before ':' or a dash. */
static int heading_case_name(const analysis *a, size_t title, size_t end, size_t *name_start,
                             size_t *name_end, int *named_case) {
  const char *t = a->text;
  *named_case = 0;
  static const char *const openers[] = {"the case of ", "case of ", "case study of ",
                                        "the case study of "};
  for (size_t i = 0; i < COUNT(openers); i++)
    if (starts_with(t, title, end, openers[i])) {
      title += strlen(openers[i]);
      *named_case = 1;
      break;
    }
  size_t head_end = end;
  for (size_t p = title; p < end; p++) {
    if (t[p] == ':' || t[p] == '(' || t[p] == '?' || t[p] == ',' ||
        (p + 2 < end && t[p] == ' ' && t[p + 1] == '-' && t[p + 2] == ' ') ||
        (p + 3 < end && t[p] == ' ' &&
         (memcmp(t + p + 1, "\xE2\x80\x93", 3) == 0 ||
          memcmp(t + p + 1, "\xE2\x80\x94", 3) == 0))) {
      head_end = p;
      break;
    }
  }
  size_t start = title;
  trim_span(t, &start, &head_end);
  if (head_end <= start || count_words(t, start, head_end) > 6) return 0;
  if (!is_upper(t[start]) && (unsigned char)t[start] < 0x80) return 0;
  *name_start = start;
  *name_end = head_end;
  return 1;
}

static int find_structure_cases(analysis *a) {
  ibid_findings *out = a->out;
  name_span items[MAX_ENUMERATED];
  size_t item_count = find_enumerated_cases(a, items, MAX_ENUMERATED);
  name_form item_forms[MAX_ENUMERATED];
  for (size_t k = 0; k < item_count; k++)
    name_form_set(&item_forms[k], a->text + items[k].start, items[k].end - items[k].start);
  case_candidate *candidates = NULL;
  size_t candidate_count = 0, candidate_capacity = 0;
  size_t per_level[10] = {0}, confirmed_per_level[10] = {0};
  for (size_t i = 0; i < a->line_count; i++) {
    size_t title;
    int level = heading_level(a, i, &title);
    if (level < 0 || level > 9 || (a->line_flags[i] & (LINE_ENDING | LINE_FIGURE))) continue;
    size_t name_start, name_end;
    int named_case;
    if (!heading_case_name(a, title, a->lines[i].end, &name_start, &name_end, &named_case))
      continue;
    name_form form;
    name_form_set(&form, a->text + name_start, name_end - name_start);
    int announced = 0;
    for (size_t k = 0; k < item_count && !announced; k++)
      announced = same_form(a, &form, &item_forms[k]);
    int region = name_form_code(a, &form) != NULL;
    if (!region && !named_case && !announced) continue;
    /* A case is headed once: later lines naming it (a table's header cells
    ** one per line, a running head) are not its section. */
    int repeated = 0;
    for (size_t k = 0; k < candidate_count && !repeated; k++)
      repeated = same_form(a, &form, &candidates[k].form);
    if (repeated) continue;
    if (grow((void **)&candidates, &candidate_capacity, candidate_count + 1,
             sizeof(case_candidate))) {
      ibid_free(candidates);
      return -1;
    }
    case_candidate *c = &candidates[candidate_count++];
    c->line = i;
    c->level = level;
    c->name_start = name_start;
    c->name_end = name_end;
    c->confirmed = named_case || announced;
    c->form = form;
    per_level[level]++;
    confirmed_per_level[level] += (size_t)c->confirmed;
  }
  int chosen = -1;
  for (int level = 0; level < 10; level++) {
    int qualifies = per_level[level] >= 3 || (per_level[level] >= 2 && confirmed_per_level[level]);
    if (qualifies && (chosen < 0 || per_level[level] > per_level[chosen])) chosen = level;
  }
  int rc = 0;
  for (size_t k = 0; chosen >= 0 && k < candidate_count; k++) {
    const case_candidate *c = &candidates[k];
    if (c->level != chosen) continue;
    if (grow((void **)&out->cases, &a->case_capacity, out->case_count + 1, sizeof(ibid_case))) {
      rc = -1;
      break;
    }
    ibid_case *found = &out->cases[out->case_count];
    memset(found, 0, sizeof(*found));
    const line *l = &a->lines[c->line];
    found->number = (int)out->case_count + 1;
    found->heading_start = found->start = l->start;
    found->heading_length = l->end - l->start;
    found->name = copy_string(a->text + c->name_start, c->name_end - c->name_start);
    if (!found->name) {
      rc = -1;
      break;
    }
    a->case_heading_line[out->case_count] = c->line;
    a->case_level[out->case_count] = (size_t)chosen;
    a->line_flags[c->line] |= LINE_CASE;
    out->case_count++;
  }
  ibid_free(candidates);
  if (rc || out->case_count == 0) return rc;
  a->cases_from_structure = 1;
  /* Sections: to the next case, the next heading of the case's level or
  ** above, or a closing heading. */
  for (size_t c = 0; c < out->case_count; c++) {
    size_t limit = c + 1 < out->case_count ? a->case_heading_line[c + 1] : a->line_count;
    size_t level = a->case_level[c], end_line = limit;
    for (size_t i = a->case_heading_line[c] + 1; i < limit; i++) {
      size_t title;
      int l = heading_level(a, i, &title);
      if (l < 0 || (a->line_flags[i] & LINE_FIGURE)) continue;
      int closes = (a->line_flags[i] & LINE_ENDING) && (level == 0 || l == 0 || (size_t)l <= level);
      if (level > 0 && l > 0 && (size_t)l <= level) closes = 1;
      if (level == 0 && l > 0) closes = 1; /* an unnumbered case ends at a numbered section */
      if (closes) {
        end_line = i;
        break;
      }
    }
    size_t last = end_line;
    while (last > a->case_heading_line[c] + 1 && is_blank(&a->lines[last - 1])) last--;
    out->cases[c].length = a->lines[last - 1].end - out->cases[c].start;
  }
  return 0;
}

/* ----- 2. questions and question subsections -------------------------------- */

/* The end of a declared question starting at text[at]: its '?' or, for a
** hypothesis, its full stop; wrapped lines are followed. */
static size_t question_end(const analysis *a, size_t line_index, size_t at) {
  size_t limit = at + MAX_QUESTION_BYTES, last_end = a->lines[line_index].end;
  for (size_t i = line_index; i < a->line_count && a->lines[i].start < limit; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) {
      if (!a->double_spaced) break;
      continue;
    }
    if (i > line_index) {
      char label[16];
      if (parse_declared_label(a->text, l->start, l->end, label) ||
          (a->line_flags[i] & LINE_HEADING))
        break;
    }
    size_t from = i == line_index ? at : l->start;
    for (size_t p = from; p < l->end; p++) {
      if (a->text[p] == '?') return p + 1;
      if (a->text[p] == '.' && (p + 1 >= l->end || a->text[p + 1] == ' ') && p > from &&
          !is_upper(a->text[p - 1]))
        return p + 1;
    }
    last_end = l->end;
  }
  return last_end;
}

/* Appends text[start, end) to buffer with every whitespace run as one space,
** rejoining words hyphenated across a line break ("semi-\nstructured"). */
static void append_joined(ibid_buffer *buffer, const char *text, size_t start, size_t end) {
  int pending_space = 0;
  for (size_t p = start; p < end; p++) {
    char c = text[p];
    if (is_space(c)) {
      pending_space = 1;
      continue;
    }
    if (pending_space && buffer->length > 0) {
      char previous = buffer->data[buffer->length - 1];
      int hyphen_join =
          previous == '-' && buffer->length >= 2 && is_alpha(buffer->data[buffer->length - 2]);
      if (!hyphen_join) ibid_buffer_append_char(buffer, ' ');
    }
    pending_space = 0;
    size_t run = p + 1; /* the non-space bytes from p on, appended at once */
    while (run < end && !is_space(text[run])) run++;
    ibid_buffer_append(buffer, text + p, run - p);
    p = run - 1;
  }
}

static char *joined_copy(const char *text, size_t start, size_t end) {
  ibid_buffer buffer;
  ibid_buffer_init(&buffer);
  append_joined(&buffer, text, start, end);
  ibid_buffer_append(&buffer, "", 0);
  if (buffer.failed) {
    ibid_buffer_free(&buffer);
    return NULL;
  }
  size_t n;
  char *result = ibid_buffer_take(&buffer, &n);
  if (!result) result = copy_string("", 0);
  return result;
}

/* Adds a question (the first declaration of a label wins). */
static int add_question(analysis *a, const char *label, size_t start, size_t text_start,
                        size_t end) {
  ibid_findings *out = a->out;
  for (size_t q = 0; q < out->question_count; q++)
    if (strcmp(out->questions[q].label, label) == 0) return 0;
  if (grow((void **)&out->questions, &a->question_capacity, out->question_count + 1,
           sizeof(ibid_question)))
    return -1;
  ibid_question *q = &out->questions[out->question_count];
  memset(q, 0, sizeof(*q));
  size_t label_length = strlen(label) < sizeof(q->label) ? strlen(label) : sizeof(q->label) - 1;
  memcpy(q->label, label, label_length);
  q->label[label_length] = 0;
  q->start = start;
  q->length = end - start;
  q->text = joined_copy(a->text, text_start, end);
  if (!q->text) return -1;
  out->question_count++;
  return 0;
}

/* A numbered list right after a line announcing questions or hypotheses
** ("Two questions guided our work:", "The following hypotheses are
** tested:"): items "1. ...", "1) ...", "(1) ..." numbered 1, 2, ... are Q1,
** Q2, ... (H1, H2, ... for hypotheses). */
static int find_question_lists(analysis *a) {
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l) || a->text[l->end - 1] != ':' || case_at(a, l->start) >= 0) continue;
    size_t from = l->end - l->start > 200 ? l->end - 200 : l->start;
    int questions = 0, hypotheses = 0;
    word w;
    for (size_t at = from; next_word(a->text, l->end, &at, &w);) {
      if (starts_with(a->text, w.start, w.end, "question")) questions = 1;
      if (starts_with(a->text, w.start, w.end, "hypothes")) hypotheses = 1;
    }
    if (!questions && !hypotheses) continue;
    const char *prefix = hypotheses && !questions ? "H" : "Q";
    int expected = 1;
    for (size_t j = i + 1; j < a->line_count && expected < 20; j++) {
      const line *item = &a->lines[j];
      if (is_blank(item)) {
        if (a->double_spaced || j == i + 1) continue;
        break;
      }
      const char *t = a->text;
      size_t p = item->start;
      int parenthesis = p < item->end && t[p] == '(';
      if (parenthesis) p++;
      int number = 0;
      size_t digits = p;
      while (p < item->end && is_digit(t[p]) && p - digits < 2)
        number = number * 10 + (t[p++] - '0');
      if (p == digits || number != expected || p >= item->end) break;
      if (parenthesis ? t[p] != ')' : (t[p] != '.' && t[p] != ')')) break;
      size_t text_start = skip_spaces(t, p + 1, item->end);
      if (text_start >= item->end || !is_upper(t[text_start])) break;
      char label[16];
      label[0] = prefix[0];
      size_t n = 1;
      if (number >= 10) label[n++] = (char)('0' + number / 10);
      label[n++] = (char)('0' + number % 10);
      label[n] = 0;
      if (add_question(a, label, item->start, text_start, question_end(a, j, text_start)))
        return -1;
      expected++;
    }
  }
  return 0;
}

/* Two words agree when the shorter (4+ letters) begins the longer or they
** share their first five letters ("deter" ~ "deterrence", "open" ~ "opening"). */
static int topic_words_agree(const char *x, word wx, const char *y, word wy) {
  size_t nx = wx.end - wx.start, ny = wy.end - wy.start, shorter = nx < ny ? nx : ny;
  if (shorter < 4) return 0;
  size_t compare = shorter >= 5 ? 5 : shorter;
  if (shorter == 4 && nx != ny && shorter < 5) compare = 4;
  for (size_t i = 0; i < compare; i++)
    if (lower(x[wx.start + i]) != lower(y[wy.start + i])) return 0;
  return 1;
}

/* How many words of the heading text[start, end) the question's text shares. */
static size_t topic_overlap(const char *text, size_t start, size_t end, const char *question) {
  size_t shared = 0, at = start;
  word h;
  while (next_word(text, end, &at, &h)) {
    if (h.end - h.start < 4 || is_stopword(text, h)) continue;
    size_t qat = 0, qlength = strlen(question);
    word q;
    while (next_word(question, qlength, &qat, &q))
      if (topic_words_agree(text, h, question, q)) {
        shared++;
        break;
      }
  }
  return shared;
}

/* A heading inside a case section that repeats the topic of one question
** ("3.2 Deterrence" when RQ2 asks about deterrence) heads that question's
** subsection of the case. */
static int find_topic_subsections(analysis *a) {
  ibid_findings *out = a->out;
  if (!out->question_count || !a->cases_from_structure) return 0;
  for (size_t i = 0; i < a->line_count; i++) {
    size_t title;
    if (heading_level(a, i, &title) < 0 || (a->line_flags[i] & (LINE_CASE | LINE_FIGURE))) continue;
    long c = case_at(a, a->lines[i].start);
    if (c < 0) continue;
    char label[16];
    if (parse_label(a->text, title, a->lines[i].end, label)) continue; /* labelled: done */
    size_t best = 0, best_count = 0;
    int tie = 0;
    for (size_t q = 0; q < out->question_count; q++) {
      size_t n = topic_overlap(a->text, title, a->lines[i].end, out->questions[q].text);
      if (n > best_count) {
        best_count = n;
        best = q;
        tie = 0;
      } else if (n && n == best_count) {
        tie = 1;
      }
    }
    if (!best_count || tie) continue;
    if (grow((void **)&a->subsections, &a->subsection_capacity, a->subsection_count + 1,
             sizeof(subsection)))
      return -1;
    subsection *s = &a->subsections[a->subsection_count++];
    s->start = a->lines[i].start;
    s->case_index = (size_t)c;
    memcpy(s->label, out->questions[best].label, sizeof(s->label));
  }
  return 0;
}

static int compare_subsections(const void *x, const void *y) {
  const subsection *a = x, *b = y;
  return a->start < b->start ? -1 : a->start > b->start;
}

static int find_questions(analysis *a) {
  ibid_findings *out = a->out;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    char label[16];
    if (is_blank(l)) continue;
    size_t text_start =
        parse_declared_label(a->text, heading_text_start(a->text, l->start, l->end), l->end, label);
    if (!text_start || !is_upper(a->text[text_start])) continue;
    long c = case_at(a, l->start);
    if (c >= 0) {
      /* Inside a case: the heading of that question's subsection. */
      if (grow((void **)&a->subsections, &a->subsection_capacity, a->subsection_count + 1,
               sizeof(subsection)))
        return -1;
      subsection *s = &a->subsections[a->subsection_count++];
      s->start = l->start;
      s->case_index = (size_t)c;
      memcpy(s->label, label, sizeof(s->label));
      continue;
    }
    /* A declaration line may run on: "RQ1: ...? RQ2: ...?" (web-copied lists). */
    size_t label_start = l->start;
    while (text_start) {
      size_t end = question_end(a, i, text_start);
      int seen = 0;
      for (size_t q = 0; q < out->question_count; q++)
        if (strcmp(out->questions[q].label, label) == 0) seen = 1;
      if (!seen) {
        if (grow((void **)&out->questions, &a->question_capacity, out->question_count + 1,
                 sizeof(ibid_question)))
          return -1;
        ibid_question *q = &out->questions[out->question_count];
        memset(q, 0, sizeof(*q));
        memcpy(q->label, label, sizeof(q->label));
        q->start = label_start;
        q->length = end - label_start;
        q->text = joined_copy(a->text, text_start, end);
        if (!q->text) return -1;
        out->question_count++;
      }
      if (end >= l->end) break;
      label_start = skip_spaces(a->text, end, l->end);
      text_start = parse_declared_label(a->text, label_start, l->end, label);
      if (text_start && !is_upper(a->text[text_start])) text_start = 0;
    }
  }
  if (find_question_lists(a) || find_topic_subsections(a)) return -1;
  if (a->subsection_count > 1)
    qsort(a->subsections, a->subsection_count, sizeof(subsection), compare_subsections);
  /* A subsection ends at the next one or at its case's end. */
  for (size_t s = 0; s < a->subsection_count; s++) {
    const ibid_case *c = &out->cases[a->subsections[s].case_index];
    size_t end = c->start + c->length;
    if (s + 1 < a->subsection_count &&
        a->subsections[s + 1].case_index == a->subsections[s].case_index)
      end = a->subsections[s + 1].start;
    a->subsections[s].end = end;
  }
  return 0;
}

/* ----- 3. figures ------------------------------------------------------------ */

static int is_prose_line(const analysis *a, size_t i) {
  const line *l = &a->lines[i];
  if (a->line_flags[i] & LINE_BULLET) return 0;
  /* table rows: tabs, '|' cells, or columns laid out with spaces */
  size_t tabs = 0, pipes = 0, gaps = 0;
  for (size_t p = l->start; p < l->end; p++) {
    if (a->text[p] == '\t') tabs++;
    if (a->text[p] == '|') pipes++;
    if (p + 2 < l->end && a->text[p] == ' ' && a->text[p + 1] == ' ' && a->text[p + 2] == ' ' &&
        (p == l->start || a->text[p - 1] != ' '))
      gaps++;
  }
  if (tabs || pipes >= 2 || gaps >= 2) return 0;
  size_t n = l->end - l->start;
  if (n >= 70) return 1;
  return a->text[l->end - 1] == '.' && count_words(a->text, l->start, l->end) >= 10;
}

static int find_figure_regions(analysis *a) {
  for (size_t i = 0; i < a->line_count; i++) {
    if (!(a->line_flags[i] & LINE_CAPTION)) continue;
    size_t end = i + 1;
    while (end < a->line_count) {
      unsigned char flags = a->line_flags[end];
      const line *l = &a->lines[end];
      /* A figure's own "Balance" row or "Case 1: X ... Balance" header does not end it. */
      int number;
      size_t label_end;
      int row_label =
          is_summary_word(a->text, l->start, l->end) || case_labels(a, l, &number, &label_end) > 0;
      if (!is_blank(l) && ((flags & (LINE_CAPTION | LINE_CASE)) ||
                           ((flags & LINE_ENDING) && !row_label) || is_prose_line(a, end)))
        break;
      end++;
    }
    if (grow((void **)&a->figures, &a->figure_capacity, a->figure_count + 1, sizeof(figure_region)))
      return -1;
    a->figures[a->figure_count].first_line = i;
    a->figures[a->figure_count].end_line = end;
    a->figure_count++;
    for (size_t j = i; j < end; j++) a->line_flags[j] |= LINE_FIGURE;
    i = end - 1;
  }
  return 0;
}

typedef struct cell_bullet {
  size_t start, head_end; /* the bullet's own lines */
  ibid_buffer text;
  int check; /* check-mark glyph */
  int row;
  word_key head[MAX_CELL_WORDS];
  size_t head_count;
  int column;
  int fixed; /* the column came from a tab- or pipe-separated table line */
} cell_bullet;

typedef struct figure_row {
  char label[16]; /* "" for a summary row ("Balance") or no label */
  size_t first_bullet, bullet_end;
} figure_row;

typedef struct figure_parse {
  cell_bullet *bullets;
  size_t bullet_count, bullet_capacity;
  figure_row *rows;
  size_t row_count, row_capacity;
  size_t *dangling; /* bullets still ending in a preposition, oldest first */
  size_t dangling_head, dangling_count;
  char *columns[16]; /* column case names (owned) */
  long column_case[16];
  size_t column_count;
  char *figure_case; /* the case of a one-column figure (owned) */
  long figure_case_index;
  int has_structure;       /* a row label or a case header was seen */
  int space_table;         /* the header's cells were separated by runs of spaces */
  int line_cells;          /* the header named one case per line: so do the rows' cells */
  size_t next_cell;        /* with line_cells: the column of the row's next line */
  const stop_table *stops; /* the analysis's */
} figure_parse;

/* Does the joined text end in a word that needs a continuation? */
static int is_dangling(const ibid_buffer *b) {
  static const char *const open_words[] = {"on", "of",   "to",      "and",     "or",   "the",
                                           "a",  "an",   "from",    "for",     "with", "in",
                                           "at", "into", "between", "against", "as",   "than"};
  if (b->length == 0) return 0;
  size_t end = b->length;
  while (end > 0 && b->data[end - 1] == ' ') end--;
  size_t start = end;
  while (start > 0 && is_alpha(b->data[start - 1])) start--;
  if (start == end) return 0;
  word w = {start, end};
  return word_in(b->data, w, open_words, COUNT(open_words));
}

/* The name of case `number` (its heading's short name when the document has
** that case, else the label's); *index is the case's index or -1. */
static char *case_name_for(const analysis *a, int number, const char *label, size_t label_length,
                           long *index) {
  for (size_t c = 0; c < a->out->case_count; c++)
    if (a->out->cases[c].number == number) {
      *index = (long)c;
      return copy_string(a->out->cases[c].name, strlen(a->out->cases[c].name));
    }
  *index = -1;
  return ibid_case_short_name(label, label_length);
}

/* "Case 1: Kosovo Case 2: Timor Case 3: Yemen Balance" -> the columns. */
static int parse_figure_header(analysis *a, figure_parse *f, const line *l) {
  size_t positions[16], ends[16], count = 0;
  int numbers[16];
  for (size_t p = l->start; p < l->end && count < 15; p++) {
    /* a label opens with "Case" (parse_case_label) */
    if (a->text[p] != 'C' || (p > l->start && a->text[p - 1] != ' ')) continue;
    int value;
    size_t end = parse_case_label(a->text, p, l->end, &value);
    if (!end) continue;
    positions[count] = p;
    ends[count] = end;
    numbers[count] = value;
    count++;
    p = end - 1;
  }
  for (size_t k = 0; k < count; k++) {
    size_t name_end = k + 1 < count ? positions[k + 1] : l->end;
    int summary_column = 0;
    if (k + 1 == count) {
      /* A trailing summary column: "... Case 3: Yemen Balance". */
      size_t last_start = name_end;
      while (last_start > ends[k] && is_space(a->text[last_start - 1])) last_start--;
      size_t trimmed_end = last_start;
      while (last_start > ends[k] && !is_space(a->text[last_start - 1])) last_start--;
      if (last_start > ends[k] && is_summary_word(a->text, last_start, trimmed_end)) {
        name_end = last_start;
        summary_column = 1;
      }
    }
    long index;
    char *name = case_name_for(a, numbers[k], a->text + ends[k], name_end - ends[k], &index);
    if (!name) return -1;
    if (count == 1 && !summary_column) {
      ibid_free(f->figure_case);
      f->figure_case = name;
      f->figure_case_index = index;
    } else if (f->column_count < 15) {
      f->column_case[f->column_count] = index;
      f->columns[f->column_count++] = name;
    } else {
      ibid_free(name);
    }
    if (summary_column && f->column_count < 15) {
      f->columns[f->column_count] = copy_string("all", 3);
      f->column_case[f->column_count] = -1;
      if (!f->columns[f->column_count]) return -1;
      f->column_count++;
    }
  }
  f->has_structure = 1;
  return 0;
}

static int start_row(figure_parse *f, const char *label) {
  if (grow((void **)&f->rows, &f->row_capacity, f->row_count + 1, sizeof(figure_row))) return -1;
  figure_row *r = &f->rows[f->row_count++];
  memset(r, 0, sizeof(*r));
  strcpy(r->label, label);
  r->first_bullet = r->bullet_end = f->bullet_count;
  f->dangling_head = f->dangling_count = 0; /* fragments never cross rows */
  return 0;
}

static void forget_dangling(figure_parse *f, size_t bullet) {
  for (size_t i = f->dangling_head; i < f->dangling_count; i++)
    if (f->dangling[i] == bullet) {
      memmove(f->dangling + i, f->dangling + i + 1, (f->dangling_count - i - 1) * sizeof(size_t));
      f->dangling_count--;
      return;
    }
}

/* Appends a line fragment to a bullet and updates the queue of dangling ones. */
static void extend_bullet(figure_parse *f, size_t b, const char *text, size_t start, size_t end,
                          int own_line) {
  cell_bullet *bullet = &f->bullets[b];
  if (bullet->text.length) ibid_buffer_append_char(&bullet->text, ' ');
  size_t before = bullet->text.length;
  append_joined(&bullet->text, text, start, end);
  /* Rejoin a word hyphenated at the previous line's end. */
  if (before >= 2 && bullet->text.data && bullet->text.data[before - 1] == ' ' &&
      bullet->text.data[before - 2] == '-' && before >= 3 &&
      is_alpha(bullet->text.data[before - 3])) {
    memmove(bullet->text.data + before - 1, bullet->text.data + before,
            bullet->text.length - before);
    bullet->text.length--;
    bullet->text.data[bullet->text.length] = 0;
  }
  if (own_line && bullet->text.length < 400) { /* a cell's head is short; bounds the rescans */
    bullet->head_end = end;
    bullet->head_count = content_words(f->stops, bullet->text.data, 0, bullet->text.length,
                                       bullet->head, MAX_CELL_WORDS);
  }
  forget_dangling(f, b);
  /* A handful of open cells per row is plenty; the bound keeps rows linear. */
  if (is_dangling(&bullet->text) && f->dangling_count < 16) f->dangling[f->dangling_count++] = b;
}

static cell_bullet *new_bullet(figure_parse *f, size_t start, int check) {
  if (f->row_count == 0 && start_row(f, "")) return NULL;
  if (grow((void **)&f->bullets, &f->bullet_capacity, f->bullet_count + 1, sizeof(cell_bullet)))
    return NULL;
  cell_bullet *b = &f->bullets[f->bullet_count];
  memset(b, 0, sizeof(*b));
  ibid_buffer_init(&b->text);
  b->start = start;
  b->check = check;
  b->row = (int)f->row_count - 1;
  f->bullet_count++;
  f->rows[f->row_count - 1].bullet_end = f->bullet_count;
  return b;
}

typedef struct cell_span {
  size_t start, end;
} cell_span;

/* The cells of a table line copied from the web or Markdown: separated by
** tabs, or by '|' (two or more). Returns how many (0: not a table line). */
static size_t table_cells(const char *text, const line *l, cell_span *cells, size_t max) {
  size_t tabs = 0, pipes = 0;
  for (size_t p = l->start; p < l->end; p++) {
    if (text[p] == '\t') tabs++;
    if (text[p] == '|') pipes++;
  }
  char separator = tabs ? '\t' : '|';
  if (!tabs && pipes < 2) return 0;
  size_t count = 0, start = l->start;
  for (size_t p = l->start; p <= l->end && count < max; p++) {
    if (p < l->end && text[p] != separator) continue;
    size_t a = start, b = p;
    while (a < b && is_space(text[a])) a++;
    while (b > a && is_space(text[b - 1])) b--;
    /* Pipe borders: "| a | b |" has no cell before the first or after the last '|'. */
    int border =
        separator == '|' && ((start == l->start && p == l->start) || (p == l->end && a == b));
    if (!border) {
      cells[count].start = a;
      cells[count].end = b;
      count++;
    }
    start = p + 1;
  }
  return count;
}

/* Cells of a line laid out with runs of two or more spaces. */
static size_t space_cells(const char *text, const line *l, cell_span *cells, size_t max) {
  size_t count = 0, p = l->start;
  while (p < l->end && count < max) {
    size_t start = p, end = p;
    while (end < l->end && !(text[end] == ' ' && end + 1 < l->end && text[end + 1] == ' ')) end++;
    cells[count].start = start;
    cells[count].end = end;
    count++;
    p = end;
    while (p < l->end && text[p] == ' ') p++;
  }
  return count;
}

/* The case whose name text[start, end) is (folded, or the same country), or -1. */
static long case_named(const analysis *a, size_t start, size_t end) {
  if (end <= start || end - start > 80) return -1;
  name_form form, other;
  name_form_set(&form, a->text + start, end - start);
  for (size_t c = 0; c < a->out->case_count; c++) {
    const char *name = a->out->cases[c].name;
    name_form_set(&other, name, strlen(name));
    if (same_form(a, &form, &other)) return (long)c;
  }
  return -1;
}

/* A tab/pipe table line of a figure: the header (case labels) or a row. */
static int parse_table_line(analysis *a, figure_parse *f, const cell_span *cells, size_t count) {
  int rule = 1; /* "|---|:---:|" */
  for (size_t k = 0; k < count; k++)
    for (size_t p = cells[k].start; p < cells[k].end; p++)
      if (a->text[p] != '-' && a->text[p] != ':' && a->text[p] != ' ') rule = 0;
  if (rule) return 0;
  int number;
  int header = 0;
  for (size_t k = 0; k < count; k++)
    if (parse_case_label(a->text, cells[k].start, cells[k].end, &number)) header = 1;
  if (!header && f->column_count == 0) {
    size_t named = 0;
    for (size_t k = 0; k < count; k++)
      if (case_named(a, cells[k].start, cells[k].end) >= 0) named++;
    if (named >= 2) {
      for (size_t k = 0; k < count && f->column_count < 15; k++) {
        long index = case_named(a, cells[k].start, cells[k].end);
        char *name;
        if (index >= 0)
          name = copy_string(a->out->cases[index].name, strlen(a->out->cases[index].name));
        else if (is_summary_word(a->text, cells[k].start, cells[k].end))
          name = copy_string("all", 3);
        else
          continue; /* the corner cell ("Question") */
        if (!name) return -1;
        f->column_case[f->column_count] = index;
        f->columns[f->column_count++] = name;
      }
      f->has_structure = 1;
      return 0;
    }
  }
  if (header) {
    for (size_t k = 0; k < count && f->column_count < 15; k++) {
      size_t name_start = parse_case_label(a->text, cells[k].start, cells[k].end, &number);
      char *name;
      long index = -1;
      if (name_start) {
        name = case_name_for(a, number, a->text + name_start, cells[k].end - name_start, &index);
      } else if (is_summary_word(a->text, cells[k].start, cells[k].end)) {
        name = copy_string("all", 3);
      } else {
        continue; /* the corner cell */
      }
      if (!name) return -1;
      f->column_case[f->column_count] = index;
      f->columns[f->column_count++] = name;
    }
    f->has_structure = 1;
    return 0;
  }
  size_t first = 0;
  char label[16];
  size_t after = parse_label(a->text, cells[0].start, cells[0].end, label);
  /* "RQ1 cooperation": a label and the row's topic */
  if (after && after < cells[0].end && a->text[after] == ' ') after = cells[0].end;
  if ((after && after == cells[0].end) || is_summary_word(a->text, cells[0].start, cells[0].end)) {
    if (start_row(f, after == cells[0].end && after ? label : "")) return -1;
    f->has_structure = 1;
    first = 1;
  } else if (cells[0].start == cells[0].end) {
    first = 1; /* an empty label cell: the row goes on */
  }
  for (size_t k = first; k < count; k++) {
    if (cells[k].start == cells[k].end) continue;
    int check;
    size_t glyph = bullet_length(a->text, cells[k].start, cells[k].end, &check);
    cell_bullet *b = new_bullet(f, cells[k].start, check);
    if (!b) return -1;
    b->column = (int)(k - first);
    b->fixed = 1;
    extend_bullet(f, f->bullet_count - 1, a->text,
                  skip_spaces(a->text, cells[k].start + glyph, cells[k].end), cells[k].end, 1);
  }
  return 0;
}

static int parse_figure(analysis *a, const figure_region *region, figure_parse *f) {
  f->stops = &a->stops;
  f->dangling = ibid_malloc((region->end_line - region->first_line + 1) * sizeof(size_t));
  if (!f->dangling) return -1;
  int previous_blank = 0, header_done = 0;
  size_t target = (size_t)-1; /* the bullet the previous line went to */
  for (size_t i = region->first_line + 1; i < region->end_line; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) {
      previous_blank = 1;
      continue;
    }
    size_t at = l->start;
    int number;
    size_t label_end;
    cell_span cells[16];
    size_t cell_count = table_cells(a->text, l, cells, 16);
    if (!cell_count && a->out->case_count && !f->line_cells) {
      /* A table laid out with spaces (pdftotext -layout): its header names cases. */
      cell_count = space_cells(a->text, l, cells, 16);
      if (cell_count < 2) {
        cell_count = 0;
      } else if (!f->space_table) {
        size_t named = 0;
        for (size_t k = 0; k < cell_count; k++)
          if (case_named(a, cells[k].start, cells[k].end) >= 0) named++;
        if (named >= 2 && f->column_count == 0)
          f->space_table = 1;
        else
          cell_count = 0;
      }
    }
    if (cell_count) {
      if (parse_table_line(a, f, cells, cell_count)) return -1;
      target = (size_t)-1;
      previous_blank = 0;
      continue;
    }
    /* A table flattened by PDF extraction: one cell per line. */
    long named = f->row_count == 0 ? case_named(a, l->start, l->end) : -1;
    if (named >= 0 && f->column_count < 15 && (f->line_cells || f->column_count == 0)) {
      f->columns[f->column_count] =
          copy_string(a->out->cases[named].name, strlen(a->out->cases[named].name));
      if (!f->columns[f->column_count]) return -1;
      f->column_case[f->column_count++] = named;
      f->line_cells = 1;
      previous_blank = 0;
      continue;
    }
    if (f->line_cells && f->column_count >= 2) {
      char row_label[16];
      size_t after_label = parse_label(a->text, l->start, l->end, row_label);
      if (after_label && (after_label == l->end || a->text[after_label] == ' ')) {
        if (start_row(f, row_label)) return -1;
        f->has_structure = 1;
        f->next_cell = 0;
      } else if (f->row_count && f->next_cell < f->column_count) {
        int check;
        size_t glyph = bullet_length(a->text, l->start, l->end, &check);
        cell_bullet *b = new_bullet(f, l->start, check);
        if (!b) return -1;
        b->column = (int)f->next_cell++;
        b->fixed = 1;
        extend_bullet(f, f->bullet_count - 1, a->text,
                      skip_spaces(a->text, l->start + glyph, l->end), l->end, 1);
      }
      previous_blank = 0;
      continue;
    }
    if (!header_done && case_labels(a, l, &number, &label_end) >= 1 &&
        parse_case_label(a->text, l->start, l->end, &number)) {
      if (parse_figure_header(a, f, l)) return -1;
      header_done = 1;
      previous_blank = 0;
      continue;
    }
    char label[16];
    size_t after = parse_label(a->text, at, l->end, label);
    int row_label = after && (after == l->end || a->text[after] == ' ' || a->text[after] == '\t');
    if (row_label || is_summary_word(a->text, at, l->end)) {
      if (start_row(f, row_label ? label : "")) return -1;
      f->has_structure = 1;
      at = row_label ? skip_spaces(a->text, after, l->end) : l->end;
      target = (size_t)-1;
      if (at >= l->end) {
        previous_blank = 0;
        continue;
      }
    }
    int check;
    size_t glyph = bullet_length(a->text, at, l->end, &check);
    if (glyph) {
      if (!new_bullet(f, at, check)) return -1;
      target = f->bullet_count - 1;
      extend_bullet(f, target, a->text, skip_spaces(a->text, at + glyph, l->end), l->end, 1);
    } else if (target != (size_t)-1 && !previous_blank) {
      extend_bullet(f, target, a->text, at, l->end,
                    f->bullets[target].head_end == a->lines[i - 1].end);
    } else if (f->dangling_count > f->dangling_head) {
      target = f->dangling[f->dangling_head];
      extend_bullet(f, target, a->text, at, l->end, 0);
    } else if (f->row_count &&
               f->rows[f->row_count - 1].bullet_end > f->rows[f->row_count - 1].first_bullet) {
      target = f->rows[f->row_count - 1].bullet_end - 1;
      extend_bullet(f, target, a->text, at, l->end, 0);
    }
    previous_blank = 0;
  }
  for (size_t b = 0; b < f->bullet_count; b++)
    if (f->bullets[b].text.failed) return -1;
  return 0;
}

/* Splits a multi-column row into cells (see "HOW IT WORKS" 3b, 3c). */
static void assign_columns(figure_parse *f, const figure_row *r) {
  size_t first = r->first_bullet, end = r->bullet_end, columns = f->column_count;
  if (end <= first || f->bullets[first].fixed) return;
  size_t starts[16] = {first}, start_count = 1;
  if (end - first == columns) {
    /* One bullet per cell: a clean table. */
    for (size_t b = first; b < end; b++) f->bullets[b].column = (int)(b - first);
    return;
  }
  /* The columns after the first begin at the bullets most similar to the
  ** row's first bullet (ties keep text order). */
  while (start_count < columns) {
    size_t best = (size_t)-1;
    double best_score = 0.5;
    for (size_t b = first + 1; b < end; b++) {
      int taken = 0;
      for (size_t s = 0; s < start_count; s++)
        if (starts[s] == b) taken = 1;
      if (taken) continue;
      size_t larger = f->bullets[b].head_count > f->bullets[first].head_count
                          ? f->bullets[b].head_count
                          : f->bullets[first].head_count;
      if (!larger) continue;
      double score = (double)shared_words(f->bullets[first].head, f->bullets[first].head_count,
                                          f->bullets[b].head, f->bullets[b].head_count) /
                     (double)larger;
      if (score >= best_score + 1e-9 || (best == (size_t)-1 && score >= best_score)) {
        if (best == (size_t)-1 || score > best_score + 1e-9) {
          best = b;
          best_score = score;
        }
      }
    }
    if (best == (size_t)-1) break;
    starts[start_count++] = best;
  }
  for (size_t b = first; b < end; b++) {
    int column = 0;
    for (size_t s = 0; s < start_count; s++)
      if (starts[s] <= b) {
        size_t rank = 0;
        for (size_t t = 0; t < start_count; t++)
          if (starts[t] < starts[s]) rank++;
        if ((int)rank > column) column = (int)rank;
      }
    f->bullets[b].column = column;
  }
  /* Identical consecutive bullets in one cell: one printed line over columns. */
  for (size_t b = first; b < end;) {
    size_t run = b + 1;
    while (run < end && f->bullets[run].column == f->bullets[b].column &&
           f->bullets[run].head_count == f->bullets[b].head_count && f->bullets[b].head_count &&
           shared_words(f->bullets[b].head, f->bullets[b].head_count, f->bullets[run].head,
                        f->bullets[run].head_count) == f->bullets[b].head_count)
      run++;
    if (run - b >= 2 && run - b <= columns)
      for (size_t k = b; k < run; k++) f->bullets[k].column = (int)(k - b);
    b = run;
  }
}

static int add_finding(analysis *a, char *case_name, long case_index, const char *question,
                       char *text, ibid_finding_source source, ibid_polarity polarity, size_t start,
                       size_t length) {
  ibid_findings *out = a->out;
  if (grow((void **)&out->findings, &a->finding_capacity, out->finding_count + 1,
           sizeof(ibid_finding))) {
    ibid_free(case_name);
    ibid_free(text);
    return -1;
  }
  ibid_finding *f = &out->findings[out->finding_count++];
  memset(f, 0, sizeof(*f));
  f->case_name = case_name;
  f->case_index = case_index;
  if (question) {
    strncpy(f->question, question, sizeof(f->question) - 1);
  }
  f->text = text;
  f->source = source;
  f->polarity = polarity;
  f->start = start;
  f->length = length;
  return 0;
}

static int emit_figure(analysis *a, const figure_region *region, figure_parse *f) {
  if (!f->has_structure) return 0; /* a bulleted list, not a findings figure */
  long section = case_at(a, a->lines[region->first_line].start);
  for (size_t r = 0; r < f->row_count; r++)
    if (f->column_count >= 2) assign_columns(f, &f->rows[r]);
  for (size_t b = 0; b < f->bullet_count; b++) {
    cell_bullet *bullet = &f->bullets[b];
    const char *case_name = NULL;
    long case_index = -1;
    if (f->column_count >= 2) {
      int column = bullet->column < (int)f->column_count ? bullet->column : 0;
      case_name = f->columns[column];
      case_index = f->column_case[column];
    } else if (f->figure_case) {
      case_name = f->figure_case;
      case_index = f->figure_case_index;
    } else if (section >= 0) {
      case_name = a->out->cases[section].name;
      case_index = section;
    }
    size_t n = bullet->text.length;
    while (n > 0 && (bullet->text.data[n - 1] == ':' || bullet->text.data[n - 1] == ' ')) n--;
    if (n == 0) continue;
    char *text = copy_string(bullet->text.data, n);
    char *name = case_name ? copy_string(case_name, strlen(case_name)) : NULL;
    if (!text || (case_name && !name)) {
      ibid_free(text);
      ibid_free(name);
      return -1;
    }
    ibid_polarity polarity =
        bullet->check ? IBID_POLARITY_POSITIVE : polarity_with(&a->polarity, text, n);
    size_t end = bullet->head_end > bullet->start ? bullet->head_end : bullet->start;
    if (add_finding(a, name, case_index, f->rows[bullet->row].label, text, IBID_FINDING_FIGURE,
                    polarity, bullet->start, end - bullet->start))
      return -1;
  }
  return 0;
}

static void free_figure_parse(figure_parse *f) {
  for (size_t b = 0; b < f->bullet_count; b++) ibid_buffer_free(&f->bullets[b].text);
  ibid_free(f->bullets);
  ibid_free(f->rows);
  ibid_free(f->dangling);
  for (size_t c = 0; c < f->column_count; c++) ibid_free(f->columns[c]);
  ibid_free(f->figure_case);
}

static int find_figure_findings(analysis *a) {
  for (size_t k = 0; k < a->figure_count; k++) {
    figure_parse f;
    memset(&f, 0, sizeof(f));
    int rc = parse_figure(a, &a->figures[k], &f);
    if (rc == 0) rc = emit_figure(a, &a->figures[k], &f);
    free_figure_parse(&f);
    if (rc) return -1;
  }
  return 0;
}

/* ----- sentences and paragraphs --------------------------------------------- */

static int push_sentence(analysis *a, size_t start, size_t end) {
  if (start >= end) return 0;
  if (grow((void **)&a->sentences, &a->sentence_capacity, a->sentence_count + 1, sizeof(sentence)))
    return -1;
  a->sentences[a->sentence_count].start = start;
  a->sentences[a->sentence_count].end = end;
  a->sentence_count++;
  return 0;
}

/* Does text[start, end) end a sentence: . ? ! before closing quotes and
** brackets? */
static int ends_sentence(const char *text, size_t start, size_t end) {
  while (end > start) {
    char c = text[end - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      end--;
    } else if (end - start >= 3 && (memcmp(text + end - 3, "\xE2\x80\x9D", 3) == 0 ||
                                    memcmp(text + end - 3, "\xE2\x80\x99", 3) == 0)) {
      end -= 3;
    } else {
      return c == '.' || c == '?' || c == '!';
    }
  }
  return 0;
}

/* The sentences of the layers (ext/text/sentences.c, the rows of the
** `sentences` table), read in prose only: the lines of headings and figures
** are structure, so a row's part on such a line is dropped ("Abstract" or
** "6. Conclusion" glued to the first sentence under it), and a bullet line
** starts a sentence. A row never crosses a block, but PDF text breaks blocks
** mid-sentence (every line a block when lines are double-spaced): where a
** row does not end in . ? ! (or the next begins in lowercase) and the next
** starts a prose line, the next row continues it. A finding's sentence is
** thus a run of consecutive `sentences` rows. */
static int find_sentences(analysis *a) {
  const ibid_layers *layers = a->layers;
  size_t at_line = 0, open = (size_t)-1, open_end = 0;
  for (size_t k = 0; k < layers->sentence_count; k++) {
    size_t start = layers->sentences[k].start, end = start + layers->sentences[k].length;
    while (at_line + 1 < a->line_count && a->lines[at_line + 1].start <= start) at_line++;
    for (size_t i = at_line; i < a->line_count && a->lines[i].start < end; i++) {
      const line *l = &a->lines[i];
      if (is_blank(l)) continue;
      size_t piece_start = l->start > start ? l->start : start,
             piece_end = l->end < end ? l->end : end;
      if (piece_start >= piece_end) continue;
      unsigned char flags = a->line_flags[i];
      if (flags & (LINE_HEADING | LINE_FIGURE)) {
        if (open != (size_t)-1 && push_sentence(a, open, open_end)) return -1;
        open = (size_t)-1;
        continue;
      }
      if (open != (size_t)-1 && !(flags & LINE_BULLET) &&
          (piece_start > start || !ends_sentence(a->text, open, open_end) ||
           is_lower(a->text[piece_start]))) {
        open_end = piece_end; /* the same row on its next line, or a row continued */
        continue;
      }
      if (open != (size_t)-1 && push_sentence(a, open, open_end)) return -1;
      open = piece_start;
      open_end = piece_end;
    }
  }
  if (open != (size_t)-1 && push_sentence(a, open, open_end)) return -1;
  (void)ibid_progress_step(a->progress, 1 + layers->sentence_count + a->line_count);
  return 0;
}

/* Paragraph numbers per line: a paragraph ends after a short line closing a
** sentence, at a heading, or (when lines are not double-spaced) at a blank. */
static void find_paragraphs(analysis *a) {
  size_t paragraph = 0, last_paragraph = (size_t)-1;
  int close_next = 0;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) {
      if (!a->double_spaced) close_next = 1;
      a->paragraph_of_line[i] = paragraph;
      continue;
    }
    if (close_next || (a->line_flags[i] & (LINE_HEADING | LINE_FIGURE))) paragraph++;
    close_next = 0;
    a->paragraph_of_line[i] = paragraph;
    if (paragraph != last_paragraph) a->paragraph_first_line[paragraph] = i;
    a->paragraph_last_line[paragraph] = i;
    last_paragraph = paragraph;
    char last = a->text[l->end - 1];
    size_t n = l->end - l->start;
    int closes = last == '.' || last == '?' || last == '!' || last == ')' || last == '"' ||
                 (n >= 3 && memcmp(a->text + l->end - 3, "\xE2\x80\x9D", 3) == 0);
    if ((closes && n * 20 < a->typical_line * 17) ||
        (a->line_flags[i] & (LINE_HEADING | LINE_FIGURE)))
      close_next = 1;
  }
}

/* Index of the line holding byte offset. */
static size_t line_at(const analysis *a, size_t offset) {
  size_t low = 0, high = a->line_count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (a->lines[middle].start <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low ? low - 1 : 0;
}

/* ----- 4. conclusions ----------------------------------------------------------- */

static void find_abstract_and_conclusion(analysis *a) {
  a->abstract_start = a->abstract_end = 0;
  a->conclusion_start = a->conclusion_end = 0;
  for (size_t i = 0; i < a->line_count; i++) {
    const line *l = &a->lines[i];
    if (is_blank(l)) continue;
    int label_only = is_summary_word(a->text, l->start, l->end) &&
                     starts_with(a->text, l->start, l->end, "summary");
    if (a->abstract_end == 0 &&
        (starts_with(a->text, l->start, l->end, "abstract") || label_only)) {
      /* The label alone, or followed by ':' / '.' and the text ("Abstract: ..."). */
      size_t after = l->start + (label_only ? 7 : 8);
      if (after < l->end && a->text[after] != ':' && a->text[after] != '.') continue;
      if (after < l->end) after++;
      size_t end = i + 1;
      while (end < a->line_count) {
        if (is_blank(&a->lines[end])) {
          if (!a->double_spaced && end > i + 1 && end + 1 < a->line_count &&
              !is_blank(&a->lines[end - 1]))
            break;
        } else if (a->line_flags[end] & LINE_HEADING) {
          break;
        }
        end++;
      }
      a->abstract_start = after;
      a->abstract_end = a->lines[end - 1].raw_end;
    }
    if (a->conclusion_end == 0 && (a->line_flags[i] & LINE_ENDING) &&
        !(a->line_flags[i] & LINE_CAPTION) && case_at(a, l->start) < 0) {
      static const char *const stems[] = {"conclu", "summary", "balance", "discussion",
                                          "synthesis"};
      size_t at = l->start;
      word w;
      int concluding = 0;
      while (next_word(a->text, l->end, &at, &w))
        if (word_has_stem(a->text, w, stems, COUNT(stems))) concluding = 1;
      if (!concluding) continue;
      a->conclusion_start = l->start;
      a->conclusion_end = a->length;
      static const char *const back_matter[] = {
          "reference", "bibliograph", "notes", "endnotes", "acknowledg", "appendix", "works cited"};
      for (size_t j = i + 1; j < a->line_count; j++) {
        if (!(a->line_flags[j] & LINE_HEADING)) continue;
        at = a->lines[j].start;
        int back = 0;
        while (next_word(a->text, a->lines[j].end, &at, &w))
          if (word_has_stem(a->text, w, back_matter, COUNT(back_matter))) back = 1;
        if (back) {
          a->conclusion_end = a->lines[j].start;
          break;
        }
      }
    }
  }
}

/* Number of subsections starting at or before offset. */
static size_t subsection_before(const analysis *a, size_t offset) {
  size_t low = 0, high = a->subsection_count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (a->subsections[middle].start <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

/* Lowercase, whitespace-collapsed ASCII copy of a sentence's opening, enough
** to test the cue phrases. */
static size_t cue_text(const analysis *a, const sentence *s, char *out, size_t max) {
  const unsigned char *text = (const unsigned char *)a->text;
  size_t n = 0, limit = max ? max - 1 : 0; /* room for the terminating NUL */
  int space = 0;
  for (size_t p = s->start, end = s->end; p < end && n < limit; p++) {
    /* eight bytes at a time (scan.h) while they hold no control character
    ** and only single spaces between other characters: then each byte is
    ** copied as it is, lower-cased */
    while (!space && p + 8 <= end && n + 8 <= limit) {
      uint64_t eight = ibid_scan_load((const char *)text + p);
      uint64_t spaces = ibid_scan_eq(eight, ' ');
      if (ibid_scan_below(eight, ' ') || (spaces & (spaces >> 8)) || (spaces >> 63) ||
          (n == 0 && (spaces & 0x80)))
        break;
      eight = ibid_scan_lower(eight);
      ibid_scan_store(out + n, eight);
      n += 8;
      p += 8;
    }
    if (p >= end || n >= limit) break;
    unsigned char c = text[p];
    if (c <= ' ' && is_space((char)c)) {
      space = 1;
      continue;
    }
    if (space && n) {
      out[n++] = ' ';
      if (n >= limit) break;
    }
    space = 0;
    out[n++] = (char)(c | ((unsigned)(c - 'A') < 26u ? 0x20 : 0)); /* ASCII lower case */
  }
  out[n] = 0;
  return n;
}

static int has_phrase(const char *haystack, const char *needle) {
  return strstr(haystack, needle) != NULL;
}

/* 2 for a cue valid anywhere, 1 for one valid in case/conclusion sections. */
static int conclusion_cue(const char *s) {
  static const char *const openers[] = {"first, ",          "second, ",   "third, ",   "finally, ",
                                        "in fact, ",        "moreover, ", "overall, ", "together, ",
                                        "taken together, ", "thus, "};
  for (int again = 1; again;) {
    again = 0;
    for (size_t i = 0; i < COUNT(openers); i++)
      if (s[0] == openers[i][0] && strncmp(s, openers[i], strlen(openers[i])) == 0) {
        s += strlen(openers[i]);
        again = 1;
      }
  }
  static const char *const strong_openers[] = {
      "in sum",       "in conclusion",      "to conclude", "to sum up",
      "in summary",   "this suggests that", "we conclude", "we also conclude",
      "we find that", "our findings",       "our results", "our analysis"};
  for (size_t i = 0; i < COUNT(strong_openers); i++)
    if (s[0] == strong_openers[i][0] &&
        strncmp(s, strong_openers[i], strlen(strong_openers[i])) == 0)
      return 2;
  if (((s[0] == 'i' && (strncmp(s, "it can ", 7) == 0 || strncmp(s, "it may ", 7) == 0)) ||
       (s[0] == 'o' && strncmp(s, "one can ", 8) == 0)) &&
      has_phrase(s, " concluded"))
    return 2;
  static const char *const subjects[] = {
      "the article ",      "this article ",  "the paper ",      "this paper ",
      "the study ",        "this study ",    "the chapter ",    "this chapter ",
      "the analysis ",     "this analysis ", "the research ",   "this research ",
      "the case studies ", "the findings ",  "these findings ", "the empirical findings ",
      "the results ",      "these results ", "the evidence ",   "the empirical record ",
      "the comparison "};
  static const char *const verbs[] = {"finds",
                                      "find",
                                      "shows",
                                      "show",
                                      "demonstrates",
                                      "demonstrate",
                                      "reveals",
                                      "reveal",
                                      "concludes",
                                      "conclude",
                                      "suggests",
                                      "suggest",
                                      "indicates",
                                      "indicate",
                                      "confirms",
                                      "confirm",
                                      "establishes",
                                      "call into question",
                                      "calls into question"};
  /* Every subject starts with "th": test them only at words starting so,
  ** and only when the sentence holds what the test below returns on. */
  int stated = has_phrase(s, " that ") || has_phrase(s, "question");
  for (const char *hit = s; stated && (hit = strchr(hit, 't')) != NULL; hit++) {
    if ((hit != s && hit[-1] != ' ') || hit[1] != 'h') continue; /* all begin "th" */
    /* ... and with "the ", "this " or "these " */
    if (!(hit[2] == 'e' && hit[3] == ' ') && !(hit[2] == 'i' && hit[3] == 's' && hit[4] == ' ') &&
        !(hit[2] == 'e' && hit[3] == 's' && hit[4] == 'e' && hit[5] == ' '))
      continue; /* (compared as far as they agree: no byte after a NUL is read) */
    for (size_t i = 0; i < COUNT(subjects); i++) {
      /* (hit holds at least "the ", so hit[4] is readable; every subject is
      ** longer, so a different fifth byte rules it out) */
      if (hit[4] != subjects[i][4] || strncmp(hit, subjects[i], strlen(subjects[i])) != 0) continue;
      const char *after = hit + strlen(subjects[i]);
      if (strncmp(after, "also ", 5) == 0)
        after += 5;
      else if (strncmp(after, "further ", 8) == 0)
        after += 8;
      else if (strncmp(after, "thus ", 5) == 0)
        after += 5;
      for (size_t v = 0; v < COUNT(verbs); v++) {
        size_t n = strlen(verbs[v]);
        if (strncmp(after, verbs[v], n) == 0 && (after[n] == ' ' || after[n] == ',')) {
          /* "finds/shows/suggests ..." must state a result: "that" or a quoted claim follows. */
          if (has_phrase(after, " that ") || has_phrase(verbs[v], "question")) return 2;
        }
      }
    }
  }
  /* "It is reasonable to argue, therefore, that ..." */
  if (((s[0] == 'i' && strncmp(s, "it ", 3) == 0) || (s[0] == 'w' && strncmp(s, "we ", 3) == 0) ||
       (s[0] == 'o' && strncmp(s, "one ", 4) == 0)) &&
      has_phrase(s, ", therefore, that "))
    return 2;
  if ((s[0] == 'h' && strncmp(s, "hence, ", 7) == 0) ||
      (s[0] == 'i' && strncmp(s, "in short, ", 10) == 0))
    return 1;
  return 0;
}

/* ----- 4b. per-case and per-question conclusions, lists under case headings --- */

/* Matches phrase (lowercase, single spaces) at text[p] ignoring case; any run
** of white space in the text matches a space. Returns the end, or 0. */
static size_t match_phrase_from(const char *t, size_t p, size_t end, const char *phrase);

/* (inline: most calls fail on the first byte, without a call) */
static inline size_t match_phrase(const char *t, size_t p, size_t end, const char *phrase) {
  if (*phrase && *phrase != ' ' && (p >= end || lower(t[p]) != *phrase)) return 0;
  return match_phrase_from(t, p, end, phrase);
}

static size_t match_phrase_from(const char *t, size_t p, size_t end, const char *phrase) {
  for (const char *c = phrase; *c; c++) {
    if (p >= end) return 0;
    if (*c == ' ') {
      if (!is_space(t[p])) return 0;
      while (p < end && is_space(t[p])) p++;
      continue;
    }
    if (lower(t[p]) != *c) return 0;
    p++;
  }
  return p;
}

/* Is the label one the document declares (a question or a subsection)? */
static int known_label(const analysis *a, const char *label) {
  for (size_t q = 0; q < a->out->question_count; q++)
    if (strcmp(a->out->questions[q].label, label) == 0) return 1;
  return 0;
}

/* A reference to a declared question at text[p]: "H2", "RQ1", "research
** question 3", "question 3", "hypothesis 2", "the second hypothesis".
** Returns its end with label set, or 0. */
static size_t question_reference(const analysis *a, size_t p, size_t end, char label[16]) {
  const char *t = a->text;
  size_t after = parse_label(t, p, end, label);
  if (after && known_label(a, label)) return after;
  static const struct {
    const char *phrase;
    const char *prefixes[2];
  } forms[] = {{"research question ", {"RQ", "Q"}},
               {"question ", {"Q", "RQ"}},
               {"hypothesis ", {"H", "H"}},
               {"proposition ", {"P", "P"}}};
  for (size_t i = 0; i < COUNT(forms); i++) {
    size_t q = match_phrase(t, p, end, forms[i].phrase);
    if (!q || q >= end || !is_digit(t[q])) continue;
    size_t digits = q;
    while (q < end && is_digit(t[q]) && q - digits < 2) q++;
    if (q < end && is_alpha(t[q])) continue;
    for (size_t k = 0; k < 2; k++) {
      size_t n = strlen(forms[i].prefixes[k]);
      memcpy(label, forms[i].prefixes[k], n);
      memcpy(label + n, t + digits, q - digits);
      label[n + q - digits] = 0;
      if (known_label(a, label)) return q;
    }
  }
  static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth"};
  size_t q = match_phrase(t, p, end, "the ");
  if (!q) return 0;
  for (size_t i = 0; i < COUNT(ordinals); i++) {
    size_t r = match_phrase(t, q, end, ordinals[i]);
    if (!r) continue;
    r = skip_spaces(t, r, end);
    const char *prefixes = NULL;
    size_t s = 0;
    if ((s = match_phrase(t, r, end, "research question")) != 0)
      prefixes = "RQ";
    else if ((s = match_phrase(t, r, end, "question")) != 0)
      prefixes = "Q";
    else if ((s = match_phrase(t, r, end, "hypothesis")) != 0)
      prefixes = "H";
    if (!prefixes) return 0;
    /* the i-th declared question of that kind */
    size_t seen = 0;
    for (size_t k = 0; k < a->out->question_count; k++) {
      const char *l = a->out->questions[k].label;
      int kind_h = l[0] == 'H';
      if (kind_h != (prefixes[0] == 'H')) continue;
      if (seen++ == i) {
        strcpy(label, l);
        return s;
      }
    }
    return 0;
  }
  return 0;
}

/* The case named at text[p] (its heading name, or the same country), with
** *after its end; -1 when none. */
static long case_name_at(const analysis *a, size_t p, size_t end, size_t *after) {
  const char *t = a->text;
  for (size_t c = 0; c < a->out->case_count; c++) {
    const char *name = a->out->cases[c].name;
    size_t q = p, k = 0, n = strlen(name);
    while (k < n && q < end) {
      if (name[k] == ' ' && is_space(t[q])) {
        while (q < end && is_space(t[q])) q++;
        k++;
      } else if (name[k] == t[q]) {
        q++, k++;
      } else {
        break;
      }
    }
    if (k == n && (q >= end || !is_alpha(t[q]))) {
      *after = q;
      return (long)c;
    }
  }
  const char *code;
  size_t n = ibid_region_at(a->regions, t, end, p, &code);
  if (n) {
    for (size_t c = 0; c < a->out->case_count; c++) {
      const char *name = a->out->cases[c].name;
      const char *own = ibid_region_code(a->regions, name, strlen(name));
      if (own && strcmp(own, code) == 0) {
        *after = p + n;
        return (long)c;
      }
    }
  }
  return -1;
}

#define ALL_CASES (-2)

/* The cases a sentence speaks of: one case, ALL_CASES ("all three
** situations", "none of the cases", two or more cases named), or -1. */
static long cases_mentioned(const analysis *a, size_t start, size_t end) {
  const char *t = a->text;
  static const char *const all_phrases[] = {
      "all three ",       "all four ",    "all five ",        "all the cases", "all cases",
      "none of the ",     "each case",    "every case",       "both cases",    "across cases",
      "across the cases", "in all cases", "all of the cases", "each of the "};
  long found = -1;
  for (size_t p = start; p < end; p++) {
    if (p > start && !is_space(t[p - 1]) && t[p - 1] != '(' && t[p - 1] != '"') continue;
    if (is_lower(t[p]))
      for (size_t i = 0; i < COUNT(all_phrases); i++)
        if (match_phrase(t, p, end, all_phrases[i])) return ALL_CASES;
    if (!is_upper(t[p]) && (unsigned char)t[p] < 0x80) continue;
    size_t after;
    long c = case_name_at(a, p, end, &after);
    if (c < 0) continue;
    if (found >= 0 && found != c) return ALL_CASES;
    found = c;
    p = after - 1;
  }
  return found;
}

/* Per-question ("With respect to H2, ...", "H1 is supported"), per-case ("In
** Kenya, ...", "For Alvarado Foods, ...") and overall ("Overall, ...")
** conclusions. Returns 1 with *case_index (a case, ALL_CASES or -1) and label
** ("" when none) set, or 0. per_case: the sentence may be a per-case or overall
** conclusion (it lies after the case sections or in the abstract). */
static int case_or_question_cue(const analysis *a, const sentence *s, int per_case,
                                long *case_index, char label[16]) {
  const char *t = a->text;
  size_t p = s->start, end = s->end;
  if (!per_case && !a->out->question_count) { /* (question_reference finds no declared question) */
    label[0] = 0;
    *case_index = -1;
    return 0;
  }
  static const char *const connectives[] = {
      "first, ",    "second, ",      "third, ",       "finally, ", "moreover, ", "similarly, ",
      "likewise, ", "by contrast, ", "in contrast, ", "lastly, ",  "fourth, "};
  for (int again = 1; again;) {
    again = 0;
    for (size_t i = 0; i < COUNT(connectives); i++) {
      size_t q = match_phrase(t, p, end, connectives[i]);
      if (q) {
        p = q;
        again = 1;
      }
    }
  }
  label[0] = 0;
  *case_index = -1;
  static const char *const question_openers[] = {
      "with respect to ", "with regard to ", "regarding ", "as regards ", "as for ",
      "concerning ",      "in relation to ", "as to ",     "on ",         "for ",
      "turning to "};
  for (size_t i = 0; i < COUNT(question_openers); i++) {
    size_t q = match_phrase(t, p, end, question_openers[i]);
    size_t r = q ? question_reference(a, q, end, label) : 0;
    if (r && r < end && t[r] == ',') return 1;
  }
  size_t r = question_reference(a, p, end, label);
  if (r) {
    static const char *const verbs[] = {" is ",       " was ",   " holds", " can ",
                                        " receives ", " finds ", " must ", " cannot "};
    for (size_t i = 0; i < COUNT(verbs); i++)
      if (match_phrase(t, r, end, verbs[i])) return 1;
  }
  label[0] = 0;
  if (!per_case) return 0;
  static const char *const case_openers[] = {
      "in the case of ",  "in ",         "for ",        "as for ", "as regards ", "regarding ",
      "with respect to ", "concerning ", "turning to ", "in the "};
  for (size_t i = 0; i < COUNT(case_openers); i++) {
    size_t q = match_phrase(t, p, end, case_openers[i]);
    size_t after;
    long c = q ? case_name_at(a, q, end, &after) : -1;
    if (c < 0) continue;
    /* "In Kenya, ...", "In Kenya's case, ...", "In the Kenyan case" is not matched */
    if (after < end && (t[after] == ',' || match_phrase(t, after, end, "'s case,") ||
                        match_phrase(t, after, end, "\xE2\x80\x99s case,") ||
                        match_phrase(t, after, end, " case,"))) {
      *case_index = c;
      return 1;
    }
  }
  static const char *const overall[] = {"overall, ",
                                        "across the cases, ",
                                        "across all cases, ",
                                        "in all cases, ",
                                        "across all three cases, ",
                                        "in all three cases, ",
                                        "taken together, ",
                                        "across cases, "};
  for (size_t i = 0; i < COUNT(overall); i++)
    if (match_phrase(t, p, end, overall[i])) {
      *case_index = ALL_CASES;
      return 1;
    }
  return 0;
}

/* The one question whose words a sentence repeats (three or more, and more
** than any other question's), or NULL. */
static const char *question_by_topic(const analysis *a, const sentence *s) {
  size_t best = 0, best_count = 0;
  int tie = 0;
  for (size_t q = 0; q < a->out->question_count; q++) {
    size_t n = topic_overlap(a->text, s->start, s->end, a->out->questions[q].text);
    if (n > best_count) {
      best = q;
      best_count = n;
      tie = 0;
    } else if (n && n == best_count) {
      tie = 1;
    }
  }
  return best_count >= 3 && !tie ? a->out->questions[best].label : NULL;
}

/* Bullets right under a case's heading ("Kenya" heading the bullets of a
** "Key findings" section): one finding each, of that case. */
static int find_list_findings(analysis *a) {
  if (!a->cases_from_structure) return 0;
  for (size_t c = 0; c < a->out->case_count; c++) {
    size_t i = a->case_heading_line[c] + 1;
    size_t case_end = a->out->cases[c].start + a->out->cases[c].length;
    while (i < a->line_count && is_blank(&a->lines[i])) i++;
    while (i < a->line_count && a->lines[i].start < case_end && (a->line_flags[i] & LINE_BULLET) &&
           !(a->line_flags[i] & LINE_FIGURE)) {
      const line *l = &a->lines[i];
      int check;
      size_t glyph = bullet_length(a->text, l->start, l->end, &check);
      size_t start = skip_spaces(a->text, l->start + glyph, l->end), end = l->end;
      i++;
      while (i < a->line_count && !is_blank(&a->lines[i]) &&
             !(a->line_flags[i] & (LINE_BULLET | LINE_HEADING)) && a->lines[i].start < case_end)
        end = a->lines[i++].end;
      while (i < a->line_count && is_blank(&a->lines[i])) i++;
      char *text = joined_copy(a->text, start, end);
      char *name = copy_string(a->out->cases[c].name, strlen(a->out->cases[c].name));
      if (!text || !name) {
        ibid_free(text);
        ibid_free(name);
        return -1;
      }
      ibid_polarity polarity =
          check ? IBID_POLARITY_POSITIVE : polarity_with(&a->polarity, text, strlen(text));
      if (add_finding(a, name, (long)c, NULL, text, IBID_FINDING_LIST, polarity, start,
                      end - start))
        return -1;
    }
  }
  return 0;
}

/* Does text[p, end) hold "that" or "question" (ASCII letters in any case)
** at p? */
static int that_or_question_at(const char *text, size_t p, size_t end) {
  if ((text[p] | 0x20) == 't')
    return p + 4 <= end && (text[p + 1] | 0x20) == 'h' && (text[p + 2] | 0x20) == 'a' &&
           (text[p + 3] | 0x20) == 't';
  if (p + 8 > end || (text[p] | 0x20) != 'q') return 0;
  static const char rest[] = "uestion";
  for (size_t i = 0; i < 7; i++)
    if ((text[p + 1 + i] | 0x20) != rest[i]) return 0;
  return 1;
}

/* Can conclusion_cue find a cue in the cue_text of text[start, end)? Only
** when that begins with the first word of a cue, or of an opener before one
** ("first", "in", "this", "hence", ...: cue_first_words), or holds " that "
** or "question" (then the text holds "that" or "question", in any case:
** cue_text lowercases ASCII letters and changes no other byte but white
** space). Most sentences are ruled out without their cue_text, sixteen bytes
** at a time (a "tha" or "qu" first). */
static int may_hold_cue(const char *text, size_t start, size_t end) {
  size_t p = start;
  while (p < end && is_space(text[p])) p++;
  if (p >= end) return 0;
  /* the first words of conclusion_cue's openers and of the cues it finds
  ** without " that " or "question" (keep in step) */
  static const char *const cue_first_words[] = {
      "first", "second", "third", "finally", "in",  "moreover", "overall", "together", "taken",
      "thus",  "to",     "this",  "we",      "our", "it",       "one",     "hence"};
  size_t n = 0;
  while (p + n < end && n < 9 && is_alpha(text[p + n])) n++;
  for (size_t i = 0; i < COUNT(cue_first_words); i++) {
    const char *w = cue_first_words[i];
    if (w[0] != lower(text[p])) continue;
    size_t k = 1;
    while (k < n && w[k] == lower(text[p + k])) k++;
    if (k == n && w[n] == 0) return 1;
  }
#ifdef __SSE2__
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; p + 18 <= end; p += 16) {
    __m128i v = _mm_or_si128(ibid_scan16_load(text + p), case_bit);
    __m128i w = _mm_or_si128(ibid_scan16_load(text + p + 1), case_bit);
    __m128i x = _mm_or_si128(ibid_scan16_load(text + p + 2), case_bit);
    __m128i tha = _mm_and_si128(
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('t')), _mm_cmpeq_epi8(w, _mm_set1_epi8('h'))),
        _mm_cmpeq_epi8(x, _mm_set1_epi8('a')));
    __m128i qu =
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('q')), _mm_cmpeq_epi8(w, _mm_set1_epi8('u')));
    for (unsigned found = (unsigned)_mm_movemask_epi8(_mm_or_si128(tha, qu)); found;
         found &= found - 1)
      if (that_or_question_at(text, p + (size_t)__builtin_ctz(found), end)) return 1;
  }
#endif
  for (; p < end; p++)
    if (that_or_question_at(text, p, end)) return 1;
  return 0;
}

static int find_conclusions(analysis *a) {
  char buffer[400];
  for (size_t k = 0; k < a->sentence_count; k++) {
    const sentence *s = &a->sentences[k];
    int cue = 0;
    if (may_hold_cue(a->text, s->start, s->end)) {
      cue_text(a, s, buffer, sizeof(buffer));
      cue = conclusion_cue(buffer);
    }
    long c = case_at(a, s->start);
    int in_conclusion = s->start >= a->conclusion_start && s->start < a->conclusion_end;
    int in_abstract = s->start >= a->abstract_start && s->start < a->abstract_end;
    if (cue == 1 && c < 0 && !in_conclusion) cue = 0;
    /* per-case, per-question and overall conclusions */
    long named = -1;
    char label[16] = "";
    int per_case = c < 0 && a->out->case_count &&
                   ((a->after_cases && s->start >= a->after_cases) || in_abstract);
    int special = case_or_question_cue(a, s, per_case, &named, label);
    if (!cue && !special) continue;
    const char *question = NULL;
    size_t j = subsection_before(a, s->start);
    if (c >= 0 && j > 0 && a->subsections[j - 1].case_index == (size_t)c &&
        s->start < a->subsections[j - 1].end)
      question = a->subsections[j - 1].label;
    if (label[0]) question = label;
    if (c < 0 && a->cases_from_structure) {
      /* outside the case sections: the case(s) the sentence names */
      if (named == -1) named = cases_mentioned(a, s->start, s->end);
      c = named;
      if (!question) question = question_by_topic(a, s);
    }
    char *text = joined_copy(a->text, s->start, s->end);
    char *name = c >= 0 ? copy_string(a->out->cases[c].name, strlen(a->out->cases[c].name))
                 : c == ALL_CASES ? copy_string("all", 3)
                                  : NULL;
    if (c == ALL_CASES) c = -1;
    if (!text || (name == NULL && c >= 0)) {
      ibid_free(text);
      ibid_free(name);
      return -1;
    }
    ibid_polarity polarity = polarity_with(&a->polarity, text, strlen(text));
    if (add_finding(a, name, name ? c : -1, question, text,
                    in_abstract ? IBID_FINDING_ABSTRACT : IBID_FINDING_CONCLUSION, polarity,
                    s->start, s->end - s->start))
      return -1;
  }
  return 0;
}

/* ----- 5. citations and evidence ------------------------------------------------ */

/* The evidence a finding can point at, in text order: the parenthesis of
** each cite group of the layers (cites.c, the `cites` table) and each note
** marker (markers.c, the `markers` table). */
static int find_citations(analysis *a) {
  const ibid_layers *layers = a->layers;
  size_t total = layers->cite_span_count + layers->marker_count;
  if (!total) return 0;
  a->citations = ibid_malloc(total * sizeof(citation));
  if (!a->citations) return -1;
  a->citation_capacity = total;
  size_t c = 0, m = 0;
  while (c < layers->cite_span_count || m < layers->marker_count) {
    citation *out = &a->citations[a->citation_count++];
    if (m >= layers->marker_count ||
        (c < layers->cite_span_count && layers->cite_spans[2 * c] <= layers->markers[m].start)) {
      out->start = layers->cite_spans[2 * c];
      out->end = layers->cite_spans[2 * c + 1];
      out->is_marker = 0;
      out->cite = layers->cite_span_first[c] + 1;
      c++;
    } else {
      out->start = layers->markers[m].start;
      out->end = layers->markers[m].start + layers->markers[m].length;
      out->is_marker = 1;
      out->cite = 0;
      m++;
    }
  }
  return 0;
}

/* First citation starting at or after offset. */
static size_t citation_from(const analysis *a, size_t offset) {
  size_t low = 0, high = a->citation_count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (a->citations[middle].start < offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

static size_t sentence_from(const analysis *a, size_t offset) {
  size_t low = 0, high = a->sentence_count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    if (a->sentences[middle].start < offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

static int add_evidence(analysis *a, size_t finding, const citation *c, size_t *added) {
  ibid_findings *out = a->out;
  if (*added >= MAX_EVIDENCE_PER_FINDING) return 0;
  for (size_t e = out->evidence_count; e > 0 && out->evidence[e - 1].finding == finding; e--)
    if (out->evidence[e - 1].start == c->start) return 0;
  if (grow((void **)&out->evidence, &a->evidence_capacity, out->evidence_count + 1,
           sizeof(ibid_evidence)))
    return -1;
  ibid_evidence *e = &out->evidence[out->evidence_count++];
  e->finding = finding;
  e->start = c->start;
  e->length = c->end - c->start;
  e->is_marker = c->is_marker;
  e->cite = c->cite;
  (*added)++;
  return 0;
}

static int evidence_in_range(analysis *a, size_t finding, size_t start, size_t end, size_t *added) {
  size_t k = citation_from(a, start), first = k;
  for (; k < a->citation_count && a->citations[k].start < end && *added < MAX_EVIDENCE_PER_FINDING;
       k++)
    if (a->citations[k].end <= end && add_evidence(a, finding, &a->citations[k], added)) return -1;
  (void)ibid_progress_step(a->progress, 1 + k - first);
  return 0;
}

/* The content words of sentence k (see analysis.sentence_words), or NULL
** when out of memory. */
static const word_key *sentence_content_words(analysis *a, size_t k, size_t *count) {
  if (a->sentence_word_count[k] == (size_t)-1) {
    const sentence *s = &a->sentences[k];
    word_key words[MAX_CELL_WORDS];
    size_t n = content_words(&a->stops, a->text, s->start, s->end, words, MAX_CELL_WORDS);
    if (grow((void **)&a->sentence_words, &a->sentence_words_capacity,
             a->sentence_words_count + n + 1, sizeof(word_key)))
      return NULL;
    memcpy(a->sentence_words + a->sentence_words_count, words, n * sizeof(word_key));
    a->sentence_word_at[k] = a->sentence_words_count;
    a->sentence_word_count[k] = n;
    a->sentence_words_count += n;
    (void)ibid_progress_step(a->progress, 1 + s->end - s->start);
  }
  *count = a->sentence_word_count[k];
  return a->sentence_words + a->sentence_word_at[k];
}

/* A posting as one integer that orders as (key bytes, offset) do. */
static size_t key_slot(const char key[6], size_t mask) {
  uint64_t v = 0;
  memcpy(&v, key, 6);
  return (size_t)((v * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

/* Fills the index's hash table (see scope_index). Returns -1 when out of memory. */
static int index_postings(scope_index *index) {
  size_t count = index->posting_count, slots = 16;
  while (slots < 2 * count) slots *= 2;
  index->heads = ibid_malloc((slots + count) * sizeof(uint32_t));
  if (!index->heads) return -1;
  memset(index->heads, 0, slots * sizeof(uint32_t));
  index->next = index->heads + slots;
  index->head_mask = slots - 1;
  /* from the last posting back, each put before those of its key already in */
  for (size_t k = count; k-- > 0;) {
    const char *key = index->postings[k].key;
    size_t slot = key_slot(key, index->head_mask);
    while (index->heads[slot] && memcmp(index->postings[index->heads[slot] - 1].key, key, 6) != 0)
      slot = (slot + 1) & index->head_mask;
    index->next[k] = index->heads[slot];
    index->heads[slot] = (uint32_t)(k + 1);
  }
  return 0;
}

/* The index + 1 of the first posting of key (0: none). */
static uint32_t first_posting(const scope_index *index, const char key[6]) {
  if (!index->heads) return 0;
  size_t slot = key_slot(key, index->head_mask);
  for (; index->heads[slot]; slot = (slot + 1) & index->head_mask)
    if (memcmp(index->postings[index->heads[slot] - 1].key, key, 6) == 0) return index->heads[slot];
  return 0;
}

/* The index of subsection s (see scope_index), or NULL when out of memory. */
static const scope_index *scope_index_of(analysis *a, size_t s) {
  scope_index *index = &a->scope_indexes[s];
  if (index->built) return index;
  const subsection *scope = &a->subsections[s];
  index->first = sentence_from(a, scope->start);
  size_t capacity = 0;
  for (size_t k = index->first; k < a->sentence_count && a->sentences[k].start < scope->end &&
                                index->count < MAX_SENTENCES_PER_FIGURE_FINDING;
       k++, index->count++) {
    size_t count = 0;
    const word_key *words = sentence_content_words(a, k, &count);
    if (!words || grow((void **)&index->postings, &capacity, index->posting_count + count + 1,
                       sizeof(posting)))
      return NULL;
    for (size_t w = 0; w < count; w++) {
      posting *p = &index->postings[index->posting_count++];
      memcpy(p->key, words[w].key, 6);
      p->offset = (uint16_t)index->count;
    }
  }
  if (index->posting_count && index_postings(index)) return NULL;
  (void)ibid_progress_step(a->progress, 1 + index->count + index->posting_count);
  index->built = 1;
  return index;
}

static int compare_offsets(const void *x, const void *y) {
  uint16_t p = *(const uint16_t *)x, q = *(const uint16_t *)y;
  return (p > q) - (p < q);
}

/* Figure finding f's evidence: the citations of the first `examined`
** sentences of its subsection that share `needed` of its content words, in
** text order. Looks each word up in the subsection's index, so the work is
** the finding's words and their occurrences, not the subsection's length. */
static int figure_evidence(analysis *a, size_t f, const scope_index *index, size_t examined,
                           const word_key *keys, size_t key_count, size_t needed) {
  unsigned char *hits = a->figure_hits;
  uint16_t touched[MAX_SENTENCES_PER_FIGURE_FINDING], matched[MAX_SENTENCES_PER_FIGURE_FINDING];
  size_t touched_count = 0, matched_count = 0, work = 0;
  for (size_t i = 0; i < key_count; i++) {
    for (uint32_t p = first_posting(index, keys[i].key);
         p && index->postings[p - 1].offset < examined; p = index->next[p - 1], work++) {
      uint16_t offset = index->postings[p - 1].offset;
      if (hits[offset] == 0) touched[touched_count++] = offset;
      if (++hits[offset] == needed) matched[matched_count++] = offset;
    }
  }
  for (size_t t = 0; t < touched_count; t++) hits[touched[t]] = 0;
  (void)ibid_progress_step(a->progress, 1 + key_count + work + matched_count);
  if (matched_count > 1) qsort(matched, matched_count, sizeof(*matched), compare_offsets);
  size_t added = 0;
  for (size_t m = 0; m < matched_count && added < MAX_EVIDENCE_PER_FINDING; m++) {
    const sentence *s = &a->sentences[index->first + matched[m]];
    if (evidence_in_range(a, f, s->start, s->end, &added)) return -1;
  }
  return 0;
}

static int find_evidence(analysis *a) {
  ibid_findings *out = a->out;
  size_t budget = MAX_FIGURE_EVIDENCE_COMPARISONS;
  for (size_t f = 0; f < out->finding_count && !a->sentence_word_count; f++)
    if (out->findings[f].source == IBID_FINDING_FIGURE && a->sentence_count &&
        a->subsection_count) {
      a->sentence_word_at = ibid_malloc(a->sentence_count * sizeof(size_t));
      a->sentence_word_count = ibid_malloc(a->sentence_count * sizeof(size_t));
      a->scope_indexes = ibid_malloc(a->subsection_count * sizeof(scope_index));
      if (!a->sentence_word_at || !a->sentence_word_count || !a->scope_indexes) return -1;
      memset(a->sentence_word_count, 0xFF, a->sentence_count * sizeof(size_t));
      memset(a->scope_indexes, 0, a->subsection_count * sizeof(scope_index));
    }
  for (size_t f = 0; f < out->finding_count; f++) {
    const ibid_finding *finding = &out->findings[f];
    size_t added = 0;
    if (ibid_progress_step(a->progress, 1)) return 0;
    if (finding->source != IBID_FINDING_FIGURE) {
      /* the sentence's paragraph */
      size_t first = line_at(a, finding->start),
             last = line_at(a, finding->start + finding->length - 1);
      first = a->paragraph_first_line[a->paragraph_of_line[first]];
      last = a->paragraph_last_line[a->paragraph_of_line[last]];
      if (evidence_in_range(a, f, a->lines[first].start, a->lines[last].raw_end, &added)) return -1;
      continue;
    }
    if (finding->case_index < 0 || !finding->question[0]) continue;
    /* The case's subsection for this question (a case has few of them). */
    size_t scope = (size_t)-1;
    size_t case_index = (size_t)finding->case_index;
    for (size_t s = subsection_before(a, out->cases[case_index].start), tried = 0;
         s < a->subsection_count && a->subsections[s].case_index == case_index && tried < 64 &&
         scope == (size_t)-1;
         s++, tried++)
      if (strcmp(a->subsections[s].label, finding->question) == 0) scope = s;
    if (scope == (size_t)-1) continue;
    word_key keys[MAX_CELL_WORDS];
    size_t key_count =
        content_words(&a->stops, finding->text, 0, strlen(finding->text), keys, MAX_CELL_WORDS);
    if (!key_count) continue;
    const scope_index *index = scope_index_of(a, scope);
    if (!index) return -1;
    /* A finding reads the subsection's first sentences, as many as the
    ** document's budget of sentence comparisons still allows. */
    size_t examined = index->count < budget ? index->count : budget;
    budget -= examined;
    if (figure_evidence(a, f, index, examined, keys, key_count, key_count >= 2 ? 2 : 1)) return -1;
  }
  return 0;
}

/* ----- driver ---------------------------------------------------------------------- */

static int compare_findings(const ibid_finding *x, const ibid_finding *y) {
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return 0;
}

/* Insertion-free merge sort of findings by start (stable, n log n). */
static int sort_findings(ibid_findings *out) {
  size_t n = out->finding_count;
  if (n < 2) return 0;
  ibid_finding *scratch = ibid_malloc(n * sizeof(ibid_finding));
  if (!scratch) return -1;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t left = 0; left < n; left += 2 * width) {
      size_t middle = left + width < n ? left + width : n,
             right = left + 2 * width < n ? left + 2 * width : n;
      size_t i = left, j = middle, k = left;
      while (i < middle && j < right)
        scratch[k++] = compare_findings(&out->findings[j], &out->findings[i]) < 0
                           ? out->findings[j++]
                           : out->findings[i++];
      while (i < middle) scratch[k++] = out->findings[i++];
      while (j < right) scratch[k++] = out->findings[j++];
    }
    memcpy(out->findings, scratch, n * sizeof(ibid_finding));
  }
  ibid_free(scratch);
  return 0;
}

static void free_analysis(analysis *a) {
  ibid_free(a->lines);
  ibid_free(a->line_flags);
  ibid_free(a->paragraph_of_line);
  ibid_free(a->paragraph_first_line);
  ibid_free(a->paragraph_last_line);
  ibid_free(a->case_heading_line);
  ibid_free(a->case_level);
  ibid_free(a->subsections);
  ibid_free(a->figures);
  ibid_free(a->sentences);
  ibid_free(a->sentence_words);
  ibid_free(a->sentence_word_at);
  ibid_free(a->sentence_word_count);
  for (size_t i = 0; a->scope_indexes && i < a->subsection_count; i++) {
    ibid_free(a->scope_indexes[i].postings);
    ibid_free(a->scope_indexes[i].heads);
  }
  ibid_free(a->scope_indexes);
  ibid_free(a->citations);
}

/* ----- case keys ------------------------------------------------------------------ */

/* A country's ISO code when the name is one or holds one ("Northern
** Uganda"), else the folded name. */
static char *case_key_of(const ibid_regions *regions, const char *name) {
  size_t length = strlen(name);
  const char *code = ibid_region_code(regions, name, length);
  for (size_t at = 0; !code && at < length; at++) {
    if (at > 0 && name[at - 1] != ' ' && name[at - 1] != '(') continue;
    if (ibid_region_at(regions, name, length, at, &code) == 0) code = NULL;
  }
  if (code) return copy_string(code, strlen(code));
  char folded[96];
  size_t n = ibid_region_fold(name, length, folded, sizeof(folded));
  return copy_string(folded, n);
}

static int find_case_keys(analysis *a) {
  ibid_findings *out = a->out;
  for (size_t c = 0; c < out->case_count; c++) {
    out->cases[c].key = case_key_of(a->regions, out->cases[c].name);
    if (!out->cases[c].key) return -1;
  }
  /* Two cases in one country ("Kerala", "Bihar" would not; "North Kivu" and
  ** "Ituri" named with their country would): they keep their own names. */
  for (size_t c = 0; c < out->case_count; c++)
    for (size_t d = c + 1; d < out->case_count; d++)
      if (strcmp(out->cases[c].key, out->cases[d].key) == 0 && strlen(out->cases[c].key) == 2) {
        for (size_t k = 0; k < 2; k++) {
          ibid_case *x = &out->cases[k ? d : c];
          char folded[96];
          size_t n = ibid_region_fold(x->name, strlen(x->name), folded, sizeof(folded));
          char *key = copy_string(folded, n);
          if (!key) return -1;
          ibid_free(x->key);
          x->key = key;
        }
      }
  for (size_t f = 0; f < out->finding_count; f++) {
    ibid_finding *finding = &out->findings[f];
    if (!finding->case_name) continue;
    if (finding->case_index >= 0 && (size_t)finding->case_index < out->case_count)
      finding->case_key = copy_string(out->cases[finding->case_index].key,
                                      strlen(out->cases[finding->case_index].key));
    else if (strcmp(finding->case_name, "all") == 0)
      finding->case_key = copy_string("all", 3);
    else
      finding->case_key = case_key_of(a->regions, finding->case_name);
    if (!finding->case_key) return -1;
  }
  return 0;
}

int ibid_find_findings(const char *text, size_t length, ibid_findings *result) {
  return ibid_find_findings_in(text, length, NULL, result);
}

int ibid_find_findings_in(const char *text, size_t length, const ibid_regions *regions,
                          ibid_findings *result) {
  return ibid_find_findings_progress(text, length, regions, NULL, result);
}

int ibid_find_findings_progress(const char *text, size_t length, const ibid_regions *regions,
                                ibid_progress *progress, ibid_findings *result) {
  ibid_layers layers;
  int rc = ibid_layers_build(NULL, text, length, IBID_LAYERS_ALL, &layers);
  if (rc == 0)
    rc = ibid_find_findings_layers(&layers, regions, progress, result);
  else
    memset(result, 0, sizeof(*result));
  ibid_layers_free(&layers);
  return rc;
}

int ibid_find_findings_layers(const ibid_layers *layers, const ibid_regions *regions,
                              ibid_progress *progress, ibid_findings *result) {
  memset(result, 0, sizeof(*result));
  analysis a;
  memset(&a, 0, sizeof(a));
  a.regions = regions;
  a.progress = progress;
  a.layers = layers;
  a.text = layers->text ? layers->text : "";
  a.length = layers->text ? layers->length : 0;
  a.out = result;
  polarity_lists_make(&a.polarity);
  stop_table_make(&a.stops);
  int rc = split_lines(&a);
  if (rc == 0) {
    measure_lines(&a);
    classify_lines(&a);
    rc = find_cases(&a);
  }
  if (rc == 0) rc = find_figure_regions(&a);
  if (rc == 0) {
    find_case_sections(&a);
    for (size_t c = 0; c < result->case_count && !a.cases_from_header; c++)
      if (result->cases[c].start + result->cases[c].length > a.after_cases)
        a.after_cases = result->cases[c].start + result->cases[c].length;
    rc = find_questions(&a);
  }
  if (rc == 0) rc = find_figure_findings(&a);
  if (rc == 0) rc = find_sentences(&a);
  if (rc == 0) {
    find_paragraphs(&a);
    find_abstract_and_conclusion(&a);
    rc = find_conclusions(&a);
  }
  if (rc == 0) rc = find_list_findings(&a);
  if (rc == 0) rc = sort_findings(result);
  if (rc == 0) rc = find_citations(&a);
  (void)ibid_progress_step(progress, a.length + a.citation_count);
  if (rc == 0) rc = find_evidence(&a);
  if (rc == 0) rc = find_case_keys(&a);
  free_analysis(&a);
  if (rc == 0 && ibid_progress_stopped(progress)) rc = 1;
  return rc;
}

void ibid_findings_free(ibid_findings *result) {
  for (size_t i = 0; i < result->case_count; i++) {
    ibid_free(result->cases[i].name);
    ibid_free(result->cases[i].key);
  }
  for (size_t i = 0; i < result->question_count; i++) ibid_free(result->questions[i].text);
  for (size_t i = 0; i < result->finding_count; i++) {
    ibid_free(result->findings[i].case_name);
    ibid_free(result->findings[i].case_key);
    ibid_free(result->findings[i].text);
  }
  ibid_free(result->cases);
  ibid_free(result->questions);
  ibid_free(result->findings);
  ibid_free(result->evidence);
  memset(result, 0, sizeof(*result));
}
