/*
** meta.c -- document metadata as CSL-JSON (see meta.h).
**
** HOW IT WORKS
** 1. The first IBID_META_WINDOW bytes are cut into trimmed lines; a leading
**    list bullet is noted and stripped. The header ends at a notes or
**    references heading or at the first note ("1 Author..." / "[1] ...").
** 2. Labelled fields: a line that starts with a known repository label (Pure,
**    DSpace, EPrints, publisher pages) followed by ':' / a tab / two spaces,
**    or glued to its value as flattened table cells leave it ("Issue
**    number1", "JournalReview of ..."): glued only when the value starts with
**    a capital or a digit, so prose such as "Journalists said" never matches.
** 3. Unlabelled layout: the title is the first block of 1-4 short lines that
**    is not site chrome ("Skip to main content") and does not read as prose
**    (it goes on over a blank line when it cannot end there: "...: ", "... OF");
**    an author line follows within a few lines ("A B (a1) and C D", "By A B |
**    3 May 2020", "A B, C D"); the document's own citation line ("Journal,
**    Volume 18, Issue 2, May 2020, Pages 345-367") gives journal, volume,
**    issue, pages and date; the abstract is the paragraph after an "Abstract"
**    heading, else the first prose paragraph after the title when it has three
**    or more sentences (a one-sentence standfirst is not an abstract).
** 4. Type comes from a type label, a journal label, or how the header refers
**    to itself ("this article", "this chapter", "this report").
** Values are spans of the input; whitespace runs are collapsed on output.
*/
#include "meta.h"

#include <string.h>
#include <unicode/uchar.h>

#include "buffer.h"
#include "memory.h"
#include "scan.h"
#include "utf8.h"

#define META_MAX_NAMES 32
#define META_MAX_KEYWORDS 64
#define META_MIN_ABSTRACT_WORDS 25
#define META_HEADER_LINES 150 /* non-blank lines read for labels */
#define META_FRONT_LINES 60   /* non-blank lines read for DOI and URL lines */

typedef struct meta_span {
  size_t start, length; /* length 0: absent */
} meta_span;

typedef struct meta_label meta_label;

typedef struct meta_line {
  size_t start, end; /* trimmed, bullet stripped */
  int bullet;
  /* meta_match_label's answer, kept after its first call for the line */
  int label_known;
  const meta_label *label;
  size_t label_value;
} meta_line;

typedef struct meta_date {
  int year, month, day; /* year 0: absent */
} meta_date;

typedef struct meta_name {
  meta_span family, given;
  int corresponding;
} meta_name;

/* String fields, written in this order under these CSL names. */
typedef enum meta_field {
  FIELD_TITLE,
  FIELD_SUBTITLE,
  FIELD_CONTAINER,
  FIELD_VOLUME,
  FIELD_ISSUE,
  FIELD_PAGE,
  FIELD_PAGE_COUNT,
  FIELD_STATUS,
  FIELD_PUBLISHER,
  FIELD_PLACE,
  FIELD_EDITION,
  FIELD_DOI,
  FIELD_URL,
  FIELD_ISSN,
  FIELD_ISBN,
  FIELD_LANGUAGE,
  FIELD_ABSTRACT,
  FIELD_COUNT,
  /* labels handled apart from plain strings */
  LABEL_AUTHOR,
  LABEL_KEYWORDS,
  LABEL_ISSUED,
  LABEL_AVAILABLE,
  LABEL_TYPE,
  LABEL_STATUS_AND_DATE,
  LABEL_IGNORED
} meta_field;

static const char *const meta_field_names[FIELD_COUNT] = {
    "title",  "subtitle",  "container-title", "volume",  "issue", "page", "number-of-pages",
    "status", "publisher", "publisher-place", "edition", "DOI",   "URL",  "ISSN",
    "ISBN",   "language",  "abstract"};

enum {
  LABEL_NUMERIC = 1, /* without a colon the value must start with a digit */
  LABEL_SPACED = 2,  /* "Label value" with one space is enough */
  LABEL_BOOK = 4     /* a container that is a book: the item is a chapter */
};

struct meta_label {
  const char *text;
  meta_field field;
  int flags;
};

/* Longer labels first: the first match wins ("Issue number" before "Issue"). */
static const meta_label meta_labels[] = {
    {"Title of host publication", FIELD_CONTAINER, LABEL_BOOK},
    {"Digital Object Identifier", FIELD_DOI, LABEL_SPACED},
    {"Online publication date", LABEL_AVAILABLE, 0},
    {"First published online", LABEL_AVAILABLE, 0},
    {"E-pub ahead of print", LABEL_AVAILABLE, 0},
    {"Place of publication", FIELD_PLACE, 0},
    {"Date of publication", LABEL_ISSUED, 0},
    {"Publication status", LABEL_STATUS_AND_DATE, 0},
    {"Original language", FIELD_LANGUAGE, 0},
    {"Early online date", LABEL_AVAILABLE, 0},
    {"Host publication", FIELD_CONTAINER, LABEL_BOOK},
    {"Publication date", LABEL_ISSUED, 0},
    {"Publication type", LABEL_TYPE, 0},
    {"Published online", LABEL_AVAILABLE, LABEL_SPACED},
    {"Date published", LABEL_ISSUED, 0},
    {"Published on", LABEL_ISSUED, LABEL_SPACED},
    {"Number of pages", FIELD_PAGE_COUNT, LABEL_NUMERIC},
    {"Pages (from-to)", FIELD_PAGE, LABEL_NUMERIC},
    {"Research output", LABEL_TYPE, 0},
    {"Document type", LABEL_TYPE, 0},
    {"Journal title", FIELD_CONTAINER, 0},
    {"Peer-reviewed", LABEL_IGNORED, 0},
    {"Journal name", FIELD_CONTAINER, 0},
    {"Issue number", FIELD_ISSUE, LABEL_NUMERIC},
    {"No. of pages", FIELD_PAGE_COUNT, LABEL_NUMERIC},
    {"Published in", FIELD_CONTAINER, 0},
    {"Output type", LABEL_TYPE, 0},
    {"Stable URL", FIELD_URL, LABEL_SPACED},
    {"Book title", FIELD_CONTAINER, LABEL_BOOK},
    {"Page range", FIELD_PAGE, LABEL_NUMERIC},
    {"Issue date", LABEL_ISSUED, 0},
    {"Item type", LABEL_TYPE, 0},
    {"Author(s)", LABEL_AUTHOR, 0},
    {"Key words", LABEL_KEYWORDS, LABEL_SPACED},
    {"Permalink", FIELD_URL, LABEL_SPACED},
    {"Publisher", FIELD_PUBLISHER, 0},
    {"Published", LABEL_ISSUED, LABEL_SPACED},
    {"Posted on", LABEL_ISSUED, LABEL_SPACED},
    {"Keywords", LABEL_KEYWORDS, LABEL_SPACED},
    {"Language", FIELD_LANGUAGE, 0},
    {"Subtitle", FIELD_SUBTITLE, 0},
    {"Abstract", FIELD_ABSTRACT, 0},
    {"Authors", LABEL_AUTHOR, 0},
    {"Journal", FIELD_CONTAINER, 0},
    {"Edition", FIELD_EDITION, 0},
    {"E-ISSN", FIELD_ISSN, LABEL_SPACED},
    {"Volume", FIELD_VOLUME, LABEL_NUMERIC | LABEL_SPACED},
    {"Author", LABEL_AUTHOR, 0},
    {"Issue", FIELD_ISSUE, LABEL_NUMERIC | LABEL_SPACED},
    {"Pages", FIELD_PAGE, LABEL_NUMERIC | LABEL_SPACED},
    {"Title", FIELD_TITLE, 0},
    {"State", LABEL_STATUS_AND_DATE, 0},
    {"ISSN", FIELD_ISSN, LABEL_SPACED},
    {"ISBN", FIELD_ISBN, LABEL_SPACED},
    {"Vol.", FIELD_VOLUME, LABEL_NUMERIC | LABEL_SPACED},
    {"Type", LABEL_TYPE, 0},
    {"Date", LABEL_ISSUED, 0},
    {"URL", FIELD_URL, LABEL_SPACED},
    {"DOI", FIELD_DOI, LABEL_SPACED},
};

typedef struct meta_state {
  const char *text;
  size_t length;
  meta_line *lines;
  size_t line_count;
  size_t header_end; /* first line past the header */
  meta_span fields[FIELD_COUNT];
  const char *type;
  const char *language_code;
  meta_date issued, available;
  meta_name names[META_MAX_NAMES];
  size_t name_count;
  meta_span keywords[META_MAX_KEYWORDS];
  size_t keyword_count;
  size_t labelled_count;     /* labelled lines found */
  size_t last_labelled_line; /* index of the last one */
  size_t title_end;          /* first line after the title block (0: no title) */
  size_t abstract_end;       /* first line after the abstract (0: none) */
  int container_is_book;     /* the container came from "Book title" / "Host publication" */
  int capital_names;         /* accept "KURT MILLS": the title is in mixed case */
  /* meta_labels by first letter (a-z, then 26: any other), in table order:
  ** bucket b is label_order[label_start[b] .. label_start[b + 1]) */
  unsigned char label_order[sizeof(meta_labels) / sizeof(meta_labels[0])];
  unsigned char label_start[28];
} meta_state;
_Static_assert(sizeof(meta_labels) / sizeof(meta_labels[0]) < 256, "label indexes fit a byte");

/* The bucket of meta_find_label's first byte (already lower case). */
static size_t meta_label_bucket(char lowered) {
  return lowered >= 'a' && lowered <= 'z' ? (size_t)(lowered - 'a') : 26;
}

static char meta_lower(char c);

/* Fills state->label_order and label_start (a counting sort: table order
** stays within a bucket). */
static void meta_index_labels(meta_state *state) {
  size_t count = sizeof(meta_labels) / sizeof(meta_labels[0]);
  size_t sizes[27] = {0};
  for (size_t k = 0; k < count; k++) sizes[meta_label_bucket(meta_lower(meta_labels[k].text[0]))]++;
  size_t at = 0;
  for (size_t b = 0; b < 27; b++) {
    state->label_start[b] = (unsigned char)at;
    at += sizes[b];
  }
  state->label_start[27] = (unsigned char)at;
  size_t fill[27];
  for (size_t b = 0; b < 27; b++) fill[b] = state->label_start[b];
  for (size_t k = 0; k < count; k++)
    state->label_order[fill[meta_label_bucket(meta_lower(meta_labels[k].text[0]))]++] =
        (unsigned char)k;
}

/* ----- characters ---------------------------------------------------------- */

static uint32_t meta_char_at(const meta_state *state, size_t at, size_t *width) {
  uint32_t c;
  *width = ibid_utf8_decode(state->text, state->length, at, &c);
  return c;
}

static int meta_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static char meta_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static int meta_is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Case-insensitive ASCII prefix test of text[at..end). */
static int meta_starts_with(const meta_state *state, size_t at, size_t end, const char *prefix) {
  /* No strlen: most calls fail at the first byte (it is called at every
  ** position of a line, for every label). */
  size_t available = end - at;
  for (size_t i = 0; prefix[i]; i++)
    if (i >= available || meta_lower(state->text[at + i]) != meta_lower(prefix[i])) return 0;
  return 1;
}

/* Does the span contain `needle` (case-insensitive ASCII)? */
static int meta_contains(const meta_state *state, size_t start, size_t end, const char *needle) {
  size_t n = strlen(needle);
  char first = meta_lower(needle[0]);
  if (n && first >= 'a' && first <= 'z') {
    /* a letter: the byte in either case (c | 0x20 folds only A-Z onto a-z);
       eight bytes at a time (scan.h), then the last ones one by one */
    size_t at = start;
    for (; at + 8 <= end && at + n <= end; at += 8) {
      uint64_t hits = ibid_scan_eq(ibid_scan_load(state->text + at) | (IBID_SCAN_ONES * 0x20),
                                   (unsigned char)first);
      while (hits) {
        size_t hit = at + ibid_scan_first(hits);
        if (hit + n > end) break;
        if (meta_starts_with(state, hit, end, needle)) return 1;
        hits &= hits - 1;
      }
    }
    for (; at + n <= end; at++)
      if ((state->text[at] | 0x20) == first && meta_starts_with(state, at, end, needle)) return 1;
    return 0;
  }
  for (size_t at = start; at + n <= end; at++)
    if ((n == 0 || meta_lower(state->text[at]) == first) &&
        meta_starts_with(state, at, end, needle))
      return 1;
  return 0;
}

static int meta_is_upper_at(const meta_state *state, size_t at, size_t end) {
  if (at >= end) return 0;
  size_t width;
  uint32_t c = meta_char_at(state, at, &width);
  return u_isupper((UChar32)c) || u_istitle((UChar32)c);
}

static int meta_is_letter_at(const meta_state *state, size_t at, size_t end) {
  if (at >= end) return 0;
  size_t width;
  return u_isalpha((UChar32)meta_char_at(state, at, &width));
}

/* ----- lines ----------------------------------------------------------------- */

/* Bullets of web lists and of PDF extraction (Wingdings shows as § or ü). */
static size_t meta_bullet_width(const meta_state *state, size_t at, size_t end) {
  static const uint32_t bullets[] = {0x2022, 0x00B7, 0x25AA, 0x25CF, 0x25E6, 0x2023,
                                     0x2043, 0x25A0, 0x25BA, 0x27A2, 0x2013, 0x2014};
  size_t width;
  uint32_t c = meta_char_at(state, at, &width);
  int is_bullet = c == '-' || c == '*';
  for (size_t i = 0; c >= 0x80 && i < sizeof(bullets) / sizeof(bullets[0]); i++) /* none ASCII */
    if (c == bullets[i]) is_bullet = 1;
  if (!is_bullet || at + width >= end || !meta_is_space(state->text[at + width])) return 0;
  return width;
}

static int meta_split_lines(meta_state *state, size_t window) {
  size_t capacity = 64;
  state->lines = ibid_malloc(capacity * sizeof(meta_line));
  if (!state->lines) return -1;
  size_t at = 0;
  while (at < window) {
    const char *newline = memchr(state->text + at, '\n', window - at);
    size_t end = newline ? (size_t)(newline - state->text) : window;
    size_t next = newline ? end + 1 : window;
    size_t start = at;
    while (start < end && (meta_is_space(state->text[start]) || state->text[start] == 0)) start++;
    /* NBSP (U+00A0) often pads copied lines */
    while (start + 1 < end && (unsigned char)state->text[start] == 0xC2 &&
           (unsigned char)state->text[start + 1] == 0xA0)
      start += 2;
    while (end > start && (meta_is_space(state->text[end - 1]) || state->text[end - 1] == 0)) end--;
    int bullet = 0;
    if (start < end) {
      size_t width = meta_bullet_width(state, start, end);
      if (width) {
        bullet = 1;
        start += width;
        while (start < end && meta_is_space(state->text[start])) start++;
      }
    }
    if (state->line_count == capacity) {
      capacity *= 2;
      meta_line *lines = ibid_realloc(state->lines, capacity * sizeof(meta_line));
      if (!lines) return -1;
      state->lines = lines;
    }
    state->lines[state->line_count++] = (meta_line){start, end, bullet, 0, NULL, 0};
    at = next;
  }
  return 0;
}

static int meta_blank(const meta_state *state, size_t i) {
  return state->lines[i].start >= state->lines[i].end;
}

static size_t meta_line_length(const meta_state *state, size_t i) {
  return state->lines[i].end - state->lines[i].start;
}

static size_t meta_word_count(const meta_state *state, size_t start, size_t end) {
  size_t words = 0;
  int in_word = 0;
  for (size_t at = start; at < end; at++) {
    int space = meta_is_space(state->text[at]) || state->text[at] == '\n';
    if (!space && !in_word) words++;
    in_word = !space;
  }
  return words;
}

/* Does the span hold at least `count` words (as meta_word_count counts
** them)? It stops reading at the count'th word. */
static int meta_has_words(const meta_state *state, size_t start, size_t end, size_t count) {
  size_t words = 0;
  int in_word = 0;
  for (size_t at = start; at < end; at++) {
    int space = meta_is_space(state->text[at]) || state->text[at] == '\n';
    if (!space && !in_word && ++words >= count) return 1;
    in_word = !space;
  }
  return words >= count;
}

static char meta_last_char(const meta_state *state, size_t i) {
  return meta_blank(state, i) ? 0 : state->text[state->lines[i].end - 1];
}

/* Ends like a sentence: '.', '!' or '?', maybe inside a closing quote. */
static int meta_ends_sentence(const meta_state *state, size_t end_line) {
  const meta_line *line = &state->lines[end_line];
  size_t end = line->end;
  while (end > line->start) {
    unsigned char c = (unsigned char)state->text[end - 1];
    if (c == '"' || c == ')' || c == '\'') {
      end--;
      continue;
    }
    if (c >= 0x80 && end - line->start >= 3 && (unsigned char)state->text[end - 3] == 0xE2) {
      end -= 3; /* a closing curly quote */
      continue;
    }
    break;
  }
  if (end == line->start) return 0;
  char c = state->text[end - 1];
  return c == '.' || c == '!' || c == '?';
}

/* Sentences in text[start..end): terminal punctuation followed by space and a
** capital, plus the final one. Abbreviations overcount a little; fine for a
** threshold of three. */
static size_t meta_sentence_count(const meta_state *state, size_t start, size_t end) {
  size_t count = 0;
  for (size_t at = start; at + 2 < end; at++) {
    char c = state->text[at];
    if ((c == '.' || c == '!' || c == '?') &&
        (state->text[at + 1] == ' ' || state->text[at + 1] == '\n')) {
      size_t next = at + 1;
      while (next < end && (state->text[next] == ' ' || state->text[next] == '\n')) next++;
      if (meta_is_upper_at(state, next, end)) count++;
    }
  }
  return count + 1;
}

/* Words of browser chrome: a short line made only of them is not content. */
static int meta_is_chrome(const meta_state *state, size_t i) {
  static const char *const words[] = {"skip",
                                      "to",
                                      "main",
                                      "content",
                                      "accessibility",
                                      "help",
                                      "menu",
                                      "search",
                                      "home",
                                      "sign",
                                      "in",
                                      "log",
                                      "login",
                                      "register",
                                      "out",
                                      "share",
                                      "print",
                                      "cookies",
                                      "cookie",
                                      "navigation",
                                      "toggle",
                                      "close",
                                      "open",
                                      "back",
                                      "top",
                                      "download",
                                      "pdf",
                                      "contact",
                                      "us",
                                      "about",
                                      "subscribe",
                                      "english",
                                      "and",
                                      "the",
                                      "page",
                                      "site",
                                      "jump",
                                      "navigate",
                                      "breadcrumb",
                                      "you",
                                      "are",
                                      "here",
                                      "view",
                                      "html",
                                      "account",
                                      "cart",
                                      "basket",
                                      "settings",
                                      "preferences",
                                      "my",
                                      "alerts",
                                      "institutional",
                                      "access",
                                      NULL};
  const meta_line *line = &state->lines[i];
  if (line->end - line->start > 80) return 0;
  size_t at = line->start, words_seen = 0;
  while (at < line->end) {
    while (at < line->end && !((state->text[at] | 32) >= 'a' && (state->text[at] | 32) <= 'z')) {
      if ((unsigned char)state->text[at] >= 0x80 || meta_is_digit(state->text[at])) return 0;
      at++;
    }
    size_t word = at;
    while (at < line->end && (state->text[at] | 32) >= 'a' && (state->text[at] | 32) <= 'z') at++;
    if (at == word) break;
    int known = 0;
    for (size_t k = 0; words[k] && !known; k++)
      known = strlen(words[k]) == at - word && meta_starts_with(state, word, at, words[k]);
    if (!known) return 0;
    words_seen++;
  }
  return words_seen > 0;
}

/* A references or notes heading, or the first note: the header is over. */
static int meta_ends_header(const meta_state *state, size_t i) {
  static const struct {
    const char *text;
    size_t length;
  } headings[] = {{"references", 10},       {"bibliography", 12}, {"notes", 5},
                  {"endnotes", 8},          {"footnotes", 9},     {"works cited", 11},
                  {"literature cited", 16}, {"sources", 7}};
  const meta_line *line = &state->lines[i];
  size_t end = line->end;
  if (end > line->start && state->text[end - 1] == ':') end--;
  for (size_t k = 0; end - line->start <= 16 && k < sizeof(headings) / sizeof(headings[0]); k++)
    if (end - line->start == headings[k].length && /* 16 at most */
        meta_starts_with(state, line->start, end, headings[k].text))
      return 1;
  size_t at = line->start;
  if (end - at >= 3 && state->text[at] == '[' && meta_starts_with(state, at, end, "[1]")) return 1;
  return end - at > 2 && state->text[at] == '1' && state->text[at + 1] == ' ' &&
         meta_is_upper_at(state, at + 2, end) && meta_has_words(state, at, end, 7);
}

/* ----- labels ---------------------------------------------------------------- */

/* Matches a label at the start of line i; sets *value_start (== line end when
** the label stands alone). */
static const meta_label *meta_find_label(const meta_state *state, size_t i, size_t *value_start);

/* The label of line i (see meta_find_label), found once per line: the
** passes over the header ask about the same lines again and again. */
static const meta_label *meta_match_label(const meta_state *state, size_t i, size_t *value_start) {
  meta_line *line = &state->lines[i];
  if (!line->label_known) {
    line->label_known = 1;
    line->label = meta_find_label(state, i, &line->label_value);
  }
  if (line->label) *value_start = line->label_value;
  return line->label;
}

static const meta_label *meta_find_label(const meta_state *state, size_t i, size_t *value_start) {
  const meta_line *line = &state->lines[i];
  if (line->start >= line->end) return NULL; /* no label is empty */
  char first = meta_lower(state->text[line->start]);
  size_t bucket = meta_label_bucket(first); /* the labels that open with that letter */
  for (size_t o = state->label_start[bucket]; o < state->label_start[bucket + 1]; o++) {
    const meta_label *label = &meta_labels[state->label_order[o]];
    if (meta_lower(label->text[0]) != first) continue; /* bucket 26: other bytes */
    if (!meta_starts_with(state, line->start, line->end, label->text)) continue;
    size_t at = line->start + strlen(label->text);
    if (at == line->end) {
      *value_start = at;
      return label;
    }
    char c = state->text[at];
    size_t value = at;
    int separated = 0;
    if (c == ':' || c == '\t' || (c == ' ' && at + 1 < line->end && state->text[at + 1] == ' ')) {
      separated = 1;
    } else if (c == ' ') {
      if (!(label->flags & LABEL_SPACED)) continue;
    } else if (!(meta_is_digit(c) || meta_is_upper_at(state, at, line->end))) {
      continue; /* "Journalists ..." is prose, not the label Journal */
    }
    while (value < line->end && (state->text[value] == ':' || meta_is_space(state->text[value])))
      value++;
    /* Without a clear separator only a short line is a field ("Issue number1") */
    if (!separated && line->end - line->start > 120 && label->field != FIELD_ABSTRACT &&
        label->field != LABEL_KEYWORDS)
      continue;
    if (!separated && (label->flags & LABEL_NUMERIC) &&
        (value >= line->end || !meta_is_digit(state->text[value])))
      continue;
    if (!separated && c == ' ' && label->field == FIELD_DOI &&
        !meta_starts_with(state, value, line->end, "10."))
      continue;
    *value_start = value;
    return label;
  }
  return NULL;
}

/* ----- dates ---------------------------------------------------------------- */

static int meta_month(const meta_state *state, size_t at, size_t end) {
  static const char *const months[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
  /* English capitalises month names: "may" in a sentence is not May */
  if (at >= end || state->text[at] < 'A' || state->text[at] > 'Z') return 0;
  size_t word_end = at;
  while (word_end < end &&
         ((state->text[word_end] | 32) >= 'a' && (state->text[word_end] | 32) <= 'z'))
    word_end++;
  size_t n = word_end - at;
  if (n < 3) return 0;
  for (int m = 0; m < 12; m++) {
    if (n > strlen(months[m])) continue;
    size_t i = 0;
    while (i < n && meta_lower(state->text[at + i]) == months[m][i]) i++;
    if (i == n) return m + 1;
  }
  return 0;
}

/* The number NN of "-NN" or "/NN" at text[at..end), else -1. */
static int meta_two_digits_after_dash(const meta_state *state, size_t at, size_t end) {
  if (at + 2 >= end || (state->text[at] != '-' && state->text[at] != '/') ||
      !meta_is_digit(state->text[at + 1]) || !meta_is_digit(state->text[at + 2]))
    return -1;
  if (at + 3 < end && meta_is_digit(state->text[at + 3])) return -1;
  return (state->text[at + 1] - '0') * 10 + (state->text[at + 2] - '0');
}

/* Reads a date anywhere in text[start..end): "23 Aug 2017", "Jan 2018",
** "August 23, 2017", "2017-08-23", "2018". */
static meta_date meta_parse_date(const meta_state *state, size_t start, size_t end) {
  meta_date date = {0, 0, 0};
  int last_number = 0; /* a 1-2 digit number just before a month name */
  int after_month = 0;
  size_t at = start;
  while (at < end) {
    char c = state->text[at];
    if (meta_is_digit(c)) {
      size_t digits_end = at;
      int value = 0;
      while (digits_end < end && meta_is_digit(state->text[digits_end]) && digits_end - at < 6)
        value = value * 10 + (state->text[digits_end++] - '0');
      size_t digits = digits_end - at;
      /* a year stands alone: not part of "10.1080/..." or "2019.1234567" */
      int joined = (at > start && (state->text[at - 1] == '.' || state->text[at - 1] == '/')) ||
                   (digits_end < end && state->text[digits_end] == '.' && digits_end + 1 < end &&
                    meta_is_digit(state->text[digits_end + 1]));
      if (digits == 4 && value >= 1400 && value <= 2199 && !date.year && !joined) {
        date.year = value;
        /* ISO 2017-08-23 or 2017/08 */
        int month = meta_two_digits_after_dash(state, digits_end, end);
        if (!date.month && month >= 1 && month <= 12) {
          date.month = month;
          int day = meta_two_digits_after_dash(state, digits_end + 3, end);
          if (day >= 1 && day <= 31) date.day = day;
        }
        if (date.month) break;
        at = digits_end;
        continue;
      }
      if (digits <= 2 && value >= 1 && value <= 31) {
        if (after_month && !date.day)
          date.day = value;
        else
          last_number = value;
      }
      after_month = 0;
      at = digits_end;
      continue;
    }
    if ((c | 32) >= 'a' && (c | 32) <= 'z') {
      int month = date.month ? 0 : meta_month(state, at, end);
      if (month) {
        date.month = month;
        if (last_number) date.day = last_number;
        after_month = 1;
      } else {
        last_number = 0;
        after_month = 0;
      }
      while (at < end && ((state->text[at] | 32) >= 'a' && (state->text[at] | 32) <= 'z')) at++;
      continue;
    }
    /* "Issue 1, January 2018": a comma parts a number from the month */
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') last_number = after_month = 0;
    at++;
  }
  if (!date.year) date.month = date.day = 0;
  if (!date.month) date.day = 0;
  return date;
}

/* ----- values ---------------------------------------------------------------- */

static meta_span meta_span_of(size_t start, size_t end) {
  meta_span span = {start, end > start ? end - start : 0};
  return span;
}

static void meta_set(meta_state *state, meta_field field, size_t start, size_t end) {
  if (field < FIELD_COUNT && !state->fields[field].length && end > start)
    state->fields[field] = meta_span_of(start, end);
}

static const char *meta_type_from(const meta_state *state, size_t start, size_t end) {
  if (meta_contains(state, start, end, "conference")) return "paper-conference";
  if (meta_contains(state, start, end, "chapter")) return "chapter";
  if (meta_contains(state, start, end, "thesis") ||
      meta_contains(state, start, end, "dissertation"))
    return "thesis";
  if (meta_contains(state, start, end, "report") ||
      meta_contains(state, start, end, "working paper"))
    return "report";
  if (meta_contains(state, start, end, "newspaper")) return "article-newspaper";
  if (meta_contains(state, start, end, "magazine")) return "article-magazine";
  if (meta_contains(state, start, end, "blog")) return "post";
  if (meta_contains(state, start, end, "journal") || meta_contains(state, start, end, "article"))
    return "article-journal";
  if (meta_contains(state, start, end, "book")) return "book";
  if (meta_contains(state, start, end, "web")) return "webpage";
  return NULL;
}

static const char *meta_language_code(const meta_state *state, size_t start, size_t end) {
  static const char *const names[][2] = {
      {"english", "en"},   {"french", "fr"},     {"german", "de"},   {"spanish", "es"},
      {"italian", "it"},   {"portuguese", "pt"}, {"dutch", "nl"},    {"russian", "ru"},
      {"arabic", "ar"},    {"chinese", "zh"},    {"japanese", "ja"}, {"swedish", "sv"},
      {"norwegian", "no"}, {"danish", "da"},     {"finnish", "fi"},  {"polish", "pl"},
      {"turkish", "tr"},   {"korean", "ko"},     {NULL, NULL}};
  for (size_t k = 0; names[k][0]; k++)
    if (end - start == strlen(names[k][0]) && meta_starts_with(state, start, end, names[k][0]))
      return names[k][1];
  return NULL;
}

/* "Published - Jan 2018": the status words, then the date. */
static void meta_status_and_date(meta_state *state, size_t start, size_t end) {
  size_t status_end = start;
  while (status_end < end && !meta_is_digit(state->text[status_end]) &&
         state->text[status_end] != ',' && state->text[status_end] != '(' &&
         !(state->text[status_end] == '-' && status_end > start &&
           state->text[status_end - 1] == ' ') &&
         !((unsigned char)state->text[status_end] == 0xE2 && status_end > start &&
           state->text[status_end - 1] == ' '))
    status_end++;
  while (status_end > start && meta_is_space(state->text[status_end - 1])) status_end--;
  /* A month name ending the status belongs to the date. */
  size_t word = status_end;
  while (word > start && !meta_is_space(state->text[word - 1])) word--;
  if (word < status_end && meta_month(state, word, status_end)) {
    status_end = word;
    while (status_end > start && meta_is_space(state->text[status_end - 1])) status_end--;
  }
  meta_set(state, FIELD_STATUS, start, status_end);
  if (!state->issued.year) state->issued = meta_parse_date(state, status_end, end);
}

/* Splits a keyword value on ; , | and bullets. */
static void meta_add_keywords(meta_state *state, size_t start, size_t end) {
  size_t at = start;
  while (at <= end && state->keyword_count < META_MAX_KEYWORDS) {
    size_t item = at;
    while (at < end) {
      char c = state->text[at];
      if (c == ';' || c == ',' || c == '|') break;
      size_t width;
      uint32_t cp = meta_char_at(state, at, &width);
      if (cp == 0x2022 || cp == 0x00B7) break;
      at += width;
    }
    size_t item_end = at;
    while (item < item_end && meta_is_space(state->text[item])) item++;
    while (item_end > item &&
           (meta_is_space(state->text[item_end - 1]) || state->text[item_end - 1] == '.'))
      item_end--;
    if (item_end > item) state->keywords[state->keyword_count++] = meta_span_of(item, item_end);
    if (at >= end) break;
    size_t width;
    meta_char_at(state, at, &width);
    at += width;
  }
}

/* A short list line: a keyword, a subject. */
static int meta_is_short_item(const meta_state *state, size_t i) {
  return !meta_blank(state, i) && meta_line_length(state, i) <= 80 &&
         !meta_has_words(state, state->lines[i].start, state->lines[i].end, 9) &&
         meta_last_char(state, i) != '.';
}

/* The next list item after line i: the next non-blank line when it is a
** bullet (cleaned text puts a blank line between items), else line i + 1. */
static size_t meta_next_item(const meta_state *state, size_t i, int bullets) {
  size_t j = i + 1;
  if (bullets)
    while (j < state->header_end && meta_blank(state, j)) j++;
  return j;
}

/* The lines after a lone "Keywords" label: short lines, up to a blank line
** (bulleted lists may have blank lines between their items). */
static size_t meta_keyword_lines(meta_state *state, size_t i) {
  size_t j = i + 1;
  while (j < state->header_end && meta_blank(state, j)) j++;
  int bullets = j < state->header_end && state->lines[j].bullet;
  for (; j < state->header_end && meta_is_short_item(state, j) &&
         (!bullets || state->lines[j].bullet);
       j = meta_next_item(state, j, bullets)) {
    size_t ignored;
    if (meta_match_label(state, j, &ignored)) break;
    meta_add_keywords(state, state->lines[j].start, state->lines[j].end);
  }
  return j;
}

/* ----- names ----------------------------------------------------------------- */

static int meta_is_particle(const meta_state *state, size_t start, size_t end) {
  static const char *const particles[] = {"van", "von", "de",  "der", "den", "del", "della",
                                          "da",  "di",  "du",  "la",  "le",  "bin", "ibn",
                                          "ter", "ten", "dos", "das", "al",  "el",  NULL};
  for (size_t k = 0; particles[k]; k++)
    if (end - start == strlen(particles[k]) &&
        !memcmp(state->text + start, particles[k], end - start))
      return 1;
  return 0;
}

typedef enum { WORD_BAD, WORD_NAME, WORD_INITIAL, WORD_PARTICLE } meta_word_kind;

/* Words that put a line among titles and prose, not names. */
static int meta_is_function_word(const meta_state *state, size_t start, size_t end) {
  static const char *const words[] = {"the",  "of",   "and",   "for",     "in",     "on",   "from",
                                      "to",   "with", "by",    "at",      "an",     "is",   "are",
                                      "its",  "via",  "using", "towards", "toward", "into", "how",
                                      "what", "why",  "does",  "not",     "new",    NULL};
  for (size_t k = 0; words[k]; k++)
    if (end - start == strlen(words[k]) && meta_starts_with(state, start, end, words[k])) return 1;
  return 0;
}

/* Classifies one word of a candidate personal name. */
static meta_word_kind meta_name_word(const meta_state *state, size_t start, size_t end) {
  if (meta_is_particle(state, start, end)) return WORD_PARTICLE;
  if (!meta_is_upper_at(state, start, end)) return WORD_BAD;
  size_t letters = 0, at = start;
  int has_lower = 0;
  while (at < end) {
    size_t width;
    uint32_t c = meta_char_at(state, at, &width);
    if (u_isalpha((UChar32)c)) {
      letters++;
      if (u_islower((UChar32)c)) has_lower = 1;
    } else if (c != '-' && c != '\'' && c != 0x2019 && c != '.') {
      return WORD_BAD;
    }
    at += width;
  }
  if (state->text[end - 1] == '.' || letters == 1) return WORD_INITIAL;
  if (!has_lower && memchr(state->text + start, '.', end - start)) return WORD_INITIAL; /* J.-P. */
  /* An all-capitals word is far more often a line of a capitalised title
  ** ("MEMBRANE REACTOR") than a name; so are function words. */
  if ((!has_lower && !state->capital_names) || meta_is_function_word(state, start, end))
    return WORD_BAD;
  return WORD_NAME;
}

/* Parses "Given [particles] Family" in text[start..end) into *name. */
static int meta_parse_name(const meta_state *state, size_t start, size_t end, meta_name *name) {
  size_t words[8][2], count = 0, at = start;
  while (at < end) {
    while (at < end && meta_is_space(state->text[at])) at++;
    if (at >= end) break;
    if (count == 8) return 0;
    words[count][0] = at;
    while (at < end && !meta_is_space(state->text[at])) at++;
    words[count++][1] = at;
  }
  if (count < 2 || count > 5) return 0;
  if (meta_name_word(state, words[count - 1][0], words[count - 1][1]) != WORD_NAME) return 0;
  if (meta_name_word(state, words[0][0], words[0][1]) == WORD_PARTICLE) return 0;
  size_t family = count - 1;
  for (size_t w = 0; w + 1 < count; w++) {
    meta_word_kind kind = meta_name_word(state, words[w][0], words[w][1]);
    if (kind == WORD_BAD) return 0;
    if (kind == WORD_PARTICLE && family == count - 1) family = w;
  }
  if (family == 0) return 0;
  name->family = meta_span_of(words[family][0], words[count - 1][1]);
  name->given = meta_span_of(words[0][0], words[family - 1][1]);
  return 1;
}

/* Given names of an inverted name ("Kurt", "K. J.", "Jane Q."): 1-3 words. */
static int meta_given_names(const meta_state *state, size_t start, size_t end, int *has_initial) {
  size_t words = 0;
  for (size_t at = start; at < end;) {
    while (at < end && meta_is_space(state->text[at])) at++;
    size_t stop = at;
    while (stop < end && !meta_is_space(state->text[stop])) stop++;
    if (stop == at) break;
    meta_word_kind kind = meta_name_word(state, at, stop);
    if (kind != WORD_NAME && kind != WORD_INITIAL) return 0;
    if (kind == WORD_INITIAL) *has_initial = 1;
    words++;
    at = stop;
  }
  return words >= 1 && words <= 3;
}

/* Is text[at..) the word "and" (or "&") between names? */
static size_t meta_conjunction(const meta_state *state, size_t at, size_t end) {
  if (state->text[at] == '&') return 1;
  if ((at == 0 || meta_is_space(state->text[at - 1])) && at + 4 <= end &&
      meta_starts_with(state, at, end, "and") && meta_is_space(state->text[at + 3]))
    return 3;
  return 0;
}

/*
** An author line: names separated by ',', ';', 'and', '&', each possibly with
** a parenthesised note ("(a1)", "(Lead / Corresponding author)") or
** affiliation marks (digits, '*', daggers). All parts must be names.
** Returns how many were added to state->names (0: not an author line).
*/
static size_t meta_parse_author_line(meta_state *state, size_t start, size_t end, int commit) {
  if (end - start > 300) return 0;
  if (meta_starts_with(state, start, end, "by ")) start += 3;
  meta_name found[META_MAX_NAMES];
  size_t count = 0, inverted = 0;
  size_t part = start, at = start;
  int corresponding = 0, initials = 0;
  meta_span pending_family = {0, 0}; /* "Mills," of "Mills, Kurt" */
  size_t cleaned_end = start;        /* end of the name text in the current part */
  while (at <= end) {
    size_t conjunction = at < end ? meta_conjunction(state, at, end) : 0;
    char c = at < end ? state->text[at] : ',';
    if (c == '(') {
      const char *close = memchr(state->text + at, ')', end - at);
      if (!close) return 0;
      size_t close_at = (size_t)(close - state->text);
      if (meta_contains(state, at, close_at, "correspond")) corresponding = 1;
      at = close_at + 1;
      continue;
    }
    if (c == ',' || c == ';' || conjunction) {
      if (cleaned_end > part) {
        if (count == META_MAX_NAMES) return 0;
        meta_name name = {{0, 0}, {0, 0}, 0};
        while (part < cleaned_end && meta_is_space(state->text[part])) part++;
        int single = !memchr(state->text + part, ' ', cleaned_end - part);
        if (pending_family.length) {
          int has_initial = 0;
          if (!meta_given_names(state, part, cleaned_end, &has_initial)) return 0;
          initials += has_initial;
          name.family = pending_family;
          name.given = meta_span_of(part, cleaned_end);
          pending_family.length = 0;
          inverted++;
        } else if (single && c == ',' && meta_name_word(state, part, cleaned_end) == WORD_NAME) {
          pending_family = meta_span_of(part, cleaned_end);
        } else if (!meta_parse_name(state, part, cleaned_end, &name)) {
          return 0;
        }
        if (name.family.length) {
          name.corresponding = corresponding;
          found[count++] = name;
        }
      } else if (count == 0 && !pending_family.length) {
        return 0; /* a list cannot start with a separator */
      }
      corresponding = 0;
      at += conjunction ? conjunction : 1;
      part = at;
      cleaned_end = at;
      continue;
    }
    size_t width;
    uint32_t cp = meta_char_at(state, at, &width);
    int mark = meta_is_digit(c) || c == '*' || cp == 0x2020 || cp == 0x2021 || cp == 0x00B2 ||
               cp == 0x00B3 || cp == 0x00B9 || (cp >= 0x2070 && cp <= 0x2079);
    if (!mark && !meta_is_space(c)) cleaned_end = at + width;
    at += width;
  }
  if (pending_family.length) return 0;
  /* "Geneva, Switzerland" reads like "Mills, Kurt": one inverted name needs an initial */
  if (inverted == 1 && !initials) return 0;
  if (count == 0 || !commit) return count;
  for (size_t k = 0; k < count && state->name_count < META_MAX_NAMES; k++)
    state->names[state->name_count++] = found[k];
  return count;
}

/* ----- passes -------------------------------------------------------------- */

/* The line index after `count` non-blank lines (or the header's end). */
static size_t meta_after_lines(const meta_state *state, size_t count) {
  size_t seen = 0;
  for (size_t i = 0; i < state->header_end; i++)
    if (!meta_blank(state, i) && ++seen > count) return i;
  return state->header_end;
}

/* The header: up to the notes or references, and at most META_HEADER_LINES
** non-blank lines, so body text ("Volume 3 of the report ...") is not read
** as labelled fields. */
static void meta_find_header_end(meta_state *state) {
  state->header_end = state->line_count;
  for (size_t i = 0; i < state->line_count; i++)
    if (meta_ends_header(state, i)) {
      state->header_end = i;
      break;
    }
  state->header_end = meta_after_lines(state, META_HEADER_LINES);
}

/* The first DOI "10.NNNN/suffix" in text[start..end), without trailing
** punctuation; a resolver prefix (https://doi.org/) is left out. */
static void meta_set_doi(meta_state *state, size_t start, size_t end) {
  for (size_t at = start; at + 8 < end; at++) {
    if (!meta_starts_with(state, at, end, "10.") || !meta_is_digit(state->text[at + 3])) continue;
    if (at > start && meta_is_digit(state->text[at - 1])) continue;
    size_t stop = at + 3;
    while (stop < end && meta_is_digit(state->text[stop])) stop++;
    if (stop - at < 7 || stop >= end || state->text[stop] != '/') continue;
    while (stop < end && !meta_is_space(state->text[stop])) stop++;
    while (stop > at && strchr(".,;)]", state->text[stop - 1])) stop--;
    meta_set(state, FIELD_DOI, at, stop);
    return;
  }
}

/* One labelled line; returns the index of the last line it consumed. */
static size_t meta_take_label(meta_state *state, size_t i, const meta_label *label, size_t value) {
  size_t end = state->lines[i].end;
  size_t consumed = i;
  if (value == end && label->field != FIELD_ABSTRACT && label->field != LABEL_KEYWORDS &&
      label->field != LABEL_IGNORED) {
    /* "Journal" on one line, the value on the next (vertical layouts) */
    size_t next = i + 1;
    size_t ignored;
    if (next < state->header_end && !meta_blank(state, next) &&
        meta_line_length(state, next) <= 200 && !meta_match_label(state, next, &ignored)) {
      value = state->lines[next].start;
      end = state->lines[next].end;
      consumed = next;
    } else {
      return i;
    }
  }
  if (label->flags & LABEL_NUMERIC) {
    /* "Vol. 21, No. 3, 345-367": a number label's value ends at the next part */
    size_t stop = value;
    while (stop < end && state->text[stop] != ',' && state->text[stop] != ';' &&
           state->text[stop] != '(')
      stop++;
    while (stop > value && meta_is_space(state->text[stop - 1])) stop--;
    end = stop;
  }
  switch (label->field) {
    case LABEL_AUTHOR:
      meta_parse_author_line(state, value, end, 1);
      break;
    case LABEL_KEYWORDS:
      if (state->keyword_count) break;
      if (value == end) return meta_keyword_lines(state, i) - 1;
      meta_add_keywords(state, value, end);
      break;
    case LABEL_ISSUED:
      if (!state->issued.year) state->issued = meta_parse_date(state, value, end);
      break;
    case LABEL_AVAILABLE:
      if (!state->available.year) state->available = meta_parse_date(state, value, end);
      break;
    case LABEL_TYPE:
      if (!state->type) state->type = meta_type_from(state, value, end);
      break;
    case LABEL_STATUS_AND_DATE:
      meta_status_and_date(state, value, end);
      break;
    case LABEL_IGNORED:
      break;
    case FIELD_LANGUAGE:
      if (!state->language_code) state->language_code = meta_language_code(state, value, end);
      meta_set(state, FIELD_LANGUAGE, value, end);
      break;
    case FIELD_ABSTRACT:
      if (value == end) return i; /* a heading: handled by meta_find_abstract */
      /* "Abstract  iv" is a table-of-contents line, not an abstract */
      if (meta_has_words(state, value, end, META_MIN_ABSTRACT_WORDS))
        meta_set(state, FIELD_ABSTRACT, value, end);
      break;
    case FIELD_DOI:
      meta_set_doi(state, value, end);
      break;
    case FIELD_CONTAINER:
      if (!state->fields[FIELD_CONTAINER].length)
        state->container_is_book = (label->flags & LABEL_BOOK) != 0;
      meta_set(state, FIELD_CONTAINER, value, end);
      break;
    default:
      meta_set(state, label->field, value, end);
      break;
  }
  return consumed;
}

static void meta_find_labels(meta_state *state) {
  for (size_t i = 0; i < state->header_end; i++) {
    if (meta_blank(state, i)) continue;
    size_t value;
    const meta_label *label = meta_match_label(state, i, &value);
    if (!label) continue;
    /* a long line is prose that happens to start like a label, except inline abstracts */
    if (meta_line_length(state, i) > 300 && label->field != FIELD_ABSTRACT) continue;
    size_t last = meta_take_label(state, i, label, value);
    if (label->field != FIELD_ABSTRACT || value != state->lines[i].end) {
      state->labelled_count++;
      state->last_labelled_line = last;
    }
    i = last;
  }
}

/* A bullet list of short items right after a labelled record, without a
** heading of its own: repository pages print the keywords that way. */
static void meta_find_record_keywords(meta_state *state) {
  if (state->keyword_count || state->labelled_count < 3) return;
  size_t i = state->last_labelled_line + 1;
  while (i < state->header_end && meta_blank(state, i)) i++;
  size_t first = i, items = 0;
  for (; i < state->header_end && items < META_MAX_KEYWORDS && state->lines[i].bullet &&
         meta_is_short_item(state, i);
       i = meta_next_item(state, i, 1))
    items++;
  if (items < 2) return;
  for (i = first; state->keyword_count < items; i = meta_next_item(state, i, 1))
    state->keywords[state->keyword_count++] =
        meta_span_of(state->lines[i].start, state->lines[i].end);
}

/* The document's own citation line: "Vol. 21, No. 3, pp. 345-367" or
** "Journal of X, Volume 18, Issue 2, May 2020, Pages 345-367". */
typedef struct meta_citation {
  meta_span volume, issue, page, container;
} meta_citation;

/* The number (or range "345-367", "345–367") at text[at..end), after spaces. */
static meta_span meta_number_after(const meta_state *state, size_t at, size_t end) {
  while (at < end && (meta_is_space(state->text[at]) || state->text[at] == ':')) at++;
  size_t stop = at;
  while (stop < end && meta_is_digit(state->text[stop])) stop++;
  if (stop == at) return meta_span_of(at, at);
  size_t dash = stop;
  /* "101 - 127" as Cambridge Core prints it */
  if (dash + 2 < end && state->text[dash] == ' ' &&
      (state->text[dash + 1] == '-' || (unsigned char)state->text[dash + 1] == 0xE2)) {
    size_t after = dash + 1 + (state->text[dash + 1] == '-' ? 1 : 3);
    if (after + 1 < end && state->text[after] == ' ' && meta_is_digit(state->text[after + 1])) {
      size_t stop2 = after + 1;
      while (stop2 < end && meta_is_digit(state->text[stop2])) stop2++;
      return meta_span_of(at, stop2);
    }
  }
  if (dash < end && state->text[dash] == '-') {
    dash++;
  } else if (dash + 2 < end && (unsigned char)state->text[dash] == 0xE2 &&
             (unsigned char)state->text[dash + 1] == 0x80 &&
             ((unsigned char)state->text[dash + 2] == 0x93 ||
              (unsigned char)state->text[dash + 2] == 0x94)) {
    dash += 3;
  }
  if (dash > stop && dash < end && meta_is_digit(state->text[dash])) {
    stop = dash;
    while (stop < end && meta_is_digit(state->text[stop])) stop++;
  }
  return meta_span_of(at, stop);
}

/* Does a word start at text[at] (of a line that starts at start)? */
static int meta_citation_word_start(const meta_state *state, size_t start, size_t at) {
  return at == start || meta_is_space(state->text[at - 1]) || state->text[at - 1] == ',' ||
         state->text[at - 1] == '(';
}

/* The part word ("Volume", "pp.") that may start at text[at], a word's
** start, with its number, into citation; first is the offset of the first
** part found. */
static void meta_citation_word(const meta_state *state, size_t end, size_t at,
                               meta_citation *citation, size_t *first, int *found) {
  static const struct {
    const char *word;
    int part; /* 0 volume, 1 issue, 2 page */
  } words[] = {{"volume", 0}, {"vol.", 0}, {"issue", 1}, {"no.", 1},
               {"pages", 2},  {"pp.", 2},  {NULL, 0}};
  for (size_t k = 0; words[k].word; k++) {
    if ((state->text[at] | 0x20) != words[k].word[0] ||
        !meta_starts_with(state, at, end, words[k].word))
      continue;
    meta_span number = meta_number_after(state, at + strlen(words[k].word), end);
    meta_span *slot = words[k].part == 0   ? &citation->volume
                      : words[k].part == 1 ? &citation->issue
                                           : &citation->page;
    if (!number.length || slot->length) continue;
    *slot = number;
    (*found)++;
    if (at < *first) *first = at;
    break;
  }
}

static int meta_citation_line(const meta_state *state, size_t start, size_t end,
                              meta_citation *citation) {
  memset(citation, 0, sizeof(*citation));
  if (end - start > 300) return 0;
  size_t first = end;
  int found = 0;
  /* every word starts with v, i, n or p (c | 0x20 folds only A-Z onto a-z
     among the bytes that become one of them): eight bytes at a time (scan.h),
     in text order, then the last ones one by one */
  size_t at = start;
  for (; at + 8 <= end; at += 8) {
    uint64_t word = ibid_scan_load(state->text + at) | (IBID_SCAN_ONES * 0x20);
    uint64_t hits = ibid_scan_eq(word, 'v') | ibid_scan_eq(word, 'i') | ibid_scan_eq(word, 'n') |
                    ibid_scan_eq(word, 'p');
    for (; hits; hits &= hits - 1) {
      size_t hit = at + ibid_scan_first(hits);
      if (meta_citation_word_start(state, start, hit))
        meta_citation_word(state, end, hit, citation, &first, &found);
    }
  }
  for (; at < end; at++) {
    char initial = (char)(state->text[at] | 0x20);
    if ((initial == 'v' || initial == 'i' || initial == 'n' || initial == 'p') &&
        meta_citation_word_start(state, start, at))
      meta_citation_word(state, end, at, citation, &first, &found);
  }
  if (found < 2) return 0;
  /* The journal: what precedes the first part, when it reads as a name */
  size_t stop = first;
  while (stop > start && (meta_is_space(state->text[stop - 1]) || state->text[stop - 1] == ','))
    stop--;
  if (stop > start && meta_is_upper_at(state, start, stop) &&
      !meta_has_words(state, start, stop, 13) && !memchr(state->text + start, '.', stop - start))
    citation->container = meta_span_of(start, stop);
  return 1;
}

static void meta_find_citation_line(meta_state *state) {
  size_t front = meta_after_lines(state, META_FRONT_LINES);
  for (size_t i = 0; i < front; i++) {
    meta_citation citation;
    if (meta_blank(state, i) ||
        !meta_citation_line(state, state->lines[i].start, state->lines[i].end, &citation))
      continue;
    meta_span *spans[] = {&citation.volume, &citation.issue, &citation.page, &citation.container};
    meta_field fields[] = {FIELD_VOLUME, FIELD_ISSUE, FIELD_PAGE, FIELD_CONTAINER};
    for (size_t k = 0; k < 4; k++)
      if (spans[k]->length)
        meta_set(state, fields[k], spans[k]->start, spans[k]->start + spans[k]->length);
    if (!state->issued.year)
      state->issued = meta_parse_date(state, state->lines[i].start, state->lines[i].end);
    return;
  }
}

/* Could line i start (or continue) a title? */
static int meta_title_line(const meta_state *state, size_t i) {
  size_t length = meta_line_length(state, i);
  if (meta_blank(state, i) || length > 250 || state->lines[i].bullet) return 0;
  size_t ignored;
  if (meta_match_label(state, i, &ignored)) return 0;
  const meta_line *line = &state->lines[i];
  if (meta_contains(state, line->start, line->end, "http") ||
      meta_contains(state, line->start, line->end, "doi") ||
      meta_contains(state, line->start, line->end, "www."))
    return 0;
  meta_citation citation;
  return !meta_citation_line(state, line->start, line->end, &citation);
}

static int meta_has_lower(const meta_state *state, size_t start, size_t end) {
  for (size_t at = start; at < end; at++)
    if (state->text[at] >= 'a' && state->text[at] <= 'z') return 1;
  return 0;
}

static int meta_is_date_line(const meta_state *state, size_t start, size_t end);

/* Lines from i that continue a title: up to a blank line or a byline. */
static size_t meta_title_block_end(meta_state *state, size_t i) {
  size_t end = i;
  while (end < state->header_end && end - i < 5 && meta_title_line(state, end) &&
         (end == i ||
          !meta_parse_author_line(state, state->lines[end].start, state->lines[end].end, 0)))
    end++;
  return end;
}

/* The first line after the blank lines that follow line `end - 1` (at most
** two blank lines), or header_end. */
static size_t meta_next_block(const meta_state *state, size_t end) {
  size_t next = end;
  while (next < state->header_end && next - end < 3 && meta_blank(state, next)) next++;
  return next < state->header_end && !meta_blank(state, next) ? next : state->header_end;
}

/*
** Does the title go on into the block starting at line `next`? Title pages
** set long titles over blocks separated by blank lines: a title cannot stop
** on "Title:" or on "... FORM OF AGENCY FOR", and a block that opens with a
** lowercase word, or an all-capitals block that opens with "IN" / "THE" under
** an all-capitals title, continues it.
*/
static int meta_title_continues(const meta_state *state, size_t first_line, size_t last_line,
                                size_t next) {
  const meta_line *line = &state->lines[last_line];
  if (meta_last_char(state, last_line) == ':') return 1;
  size_t word = line->end;
  while (word > line->start && !meta_is_space(state->text[word - 1])) word--;
  if (meta_is_function_word(state, word, line->end) ||
      (line->end - word == 1 && (state->text[word] | 32) == 'a') ||
      (line->end - word <= 2 && meta_is_particle(state, word, line->end)))
    return 1;
  int question = meta_last_char(state, last_line) == '?' || meta_last_char(state, last_line) == '!';
  const meta_line *following = &state->lines[next];
  if (!question && state->text[following->start] >= 'a' && state->text[following->start] <= 'z')
    return 1;
  if (meta_has_lower(state, state->lines[first_line].start, line->end) ||
      meta_has_lower(state, following->start, following->end) || meta_ends_sentence(state, next) ||
      meta_line_length(state, next) > 100)
    return 0;
  /* Capitals under capitals: ibid_clean leaves each line of a title page as
  ** its own block. A line with a function word continues the title ("THE FATE
  ** OF ARSENIC"); a name ("KURT MILLS") has none; "A DISSERTATION" and "BY ..."
  ** start the next part of the page. */
  size_t first_word = following->start;
  while (first_word < following->end && !meta_is_space(state->text[first_word])) first_word++;
  if (meta_starts_with(state, following->start, following->end, "a ") ||
      meta_starts_with(state, following->start, following->end, "by "))
    return 0;
  for (size_t at = following->start; at < following->end;) {
    while (at < following->end && meta_is_space(state->text[at])) at++;
    size_t stop = at;
    while (stop < following->end && !meta_is_space(state->text[stop])) stop++;
    if (stop > at && meta_is_function_word(state, at, stop)) return 1;
    at = stop;
  }
  return 0;
}

static void meta_find_title(meta_state *state) {
  size_t examined = 0;
  for (size_t i = 0; i < state->header_end && examined < 3; i++) {
    if (meta_blank(state, i) || meta_is_chrome(state, i)) continue;
    examined++;
    if (!meta_title_line(state, i)) continue;
    state->capital_names = meta_has_lower(state, state->lines[i].start, state->lines[i].end);
    size_t end = meta_title_block_end(state, i);
    if (end - i > 4) continue; /* a paragraph, not a title */
    for (;;) {
      size_t next = meta_next_block(state, end);
      if (next >= state->header_end || !meta_title_line(state, next) ||
          !meta_title_continues(state, i, end - 1, next) ||
          meta_parse_author_line(state, state->lines[next].start, state->lines[next].end, 0))
        break;
      size_t next_end = meta_title_block_end(state, next);
      if (next_end - i > 8) break;
      end = next_end;
    }
    /* a masthead ("Journal of X, 2019" over "Vol. 21, No. 3, ...") is not a title */
    if (end < state->header_end && !meta_blank(state, end) && !meta_title_line(state, end) &&
        !meta_is_date_line(state, state->lines[end].start, state->lines[end].end))
      continue;
    size_t start = state->lines[i].start, stop = state->lines[end - 1].end;
    size_t words = meta_word_count(state, start, stop);
    char last = meta_last_char(state, end - 1);
    if (words < 2 || words > 40 || stop - start > 320) continue;
    if (last == '.' || last == ',' || last == ';' || last == ':') continue;
    if (!meta_is_upper_at(state, start, stop) && !meta_is_digit(state->text[start]) &&
        meta_is_letter_at(state, start, stop))
      continue;
    meta_name probe[1];
    if (meta_parse_name(state, start, stop, probe)) continue; /* a byline, not a title */
    meta_set(state, FIELD_TITLE, start, stop);
    state->title_end = end;
    return;
  }
  state->capital_names = 0;
}

/* A line that is only a date: "March 3, 2021", "3 March 2021". */
static int meta_is_date_line(const meta_state *state, size_t start, size_t end) {
  if (end - start > 40 || meta_has_words(state, start, end, 6)) return 0;
  meta_date date = meta_parse_date(state, start, end);
  return date.year && date.month;
}

/*
** A byline may carry a date after a separator ("By Jane Doe | March 3, 2021",
** "Jane Doe · 3 March 2021", "Posted by Jane Doe on 3 March 2021"). Returns 1
** when the part before the separator is a list of names.
*/
static int meta_take_byline(meta_state *state, size_t start, size_t end) {
  if (meta_starts_with(state, start, end, "posted by ")) start += 10;
  if (meta_starts_with(state, start, end, "written by ")) start += 11;
  size_t cut = end, rest = end;
  for (size_t at = start; at + 1 < end && cut == end; at++) {
    size_t width;
    uint32_t c = meta_char_at(state, at, &width);
    if (c == '|' || c == 0x00B7 || c == 0x2014 || c == 0x2022) {
      cut = at;
      rest = at + width;
    } else if (meta_is_space(state->text[at]) && meta_starts_with(state, at + 1, end, "on ") &&
               meta_parse_date(state, at, end).year) {
      cut = at;
      rest = at + 4;
    }
  }
  while (cut > start && meta_is_space(state->text[cut - 1])) cut--;
  if (cut == start || !meta_parse_author_line(state, start, cut, 1)) return 0;
  if (rest < end && !state->issued.year) state->issued = meta_parse_date(state, rest, end);
  return 1;
}

static void meta_find_authors(meta_state *state) {
  if (!state->title_end) return;
  size_t seen = 0;
  for (size_t i = state->title_end; i < state->header_end && seen < 3; i++) {
    if (meta_blank(state, i) || meta_is_chrome(state, i)) continue;
    seen++;
    const meta_line *line = &state->lines[i];
    if (!state->issued.year && meta_is_date_line(state, line->start, line->end)) {
      state->issued = meta_parse_date(state, line->start, line->end);
      continue;
    }
    size_t ignored;
    if (meta_match_label(state, i, &ignored)) continue;
    if (meta_line_length(state, i) > 300) return;
    if (!state->name_count && meta_take_byline(state, line->start, line->end)) continue;
  }
}

/* Heading-like line that ends an abstract: short, no sentence punctuation. */
static int meta_is_heading(const meta_state *state, size_t i) {
  return meta_line_length(state, i) <= 60 && !meta_ends_sentence(state, i) &&
         !meta_has_words(state, state->lines[i].start, state->lines[i].end, 9) &&
         meta_last_char(state, i) != ',' && meta_last_char(state, i) != '-';
}

/* The block of consecutive non-blank lines from line i (stops at headings
** after the first line and at labels); returns the first line after it. */
static size_t meta_block_end(const meta_state *state, size_t i) {
  size_t j = i + 1;
  while (j < state->header_end && !meta_blank(state, j) && !meta_is_heading(state, j)) {
    size_t ignored;
    if (meta_match_label(state, j, &ignored)) break;
    j++;
  }
  return j;
}

/* Prose: a line that ends a sentence and has at least eight words. */
static int meta_is_prose(const meta_state *state, size_t i) {
  return meta_ends_sentence(state, i) &&
         meta_has_words(state, state->lines[i].start, state->lines[i].end, 8);
}

static void meta_find_abstract(meta_state *state) {
  if (state->fields[FIELD_ABSTRACT].length) return;
  /* An "Abstract" heading */
  for (size_t i = 0; i < state->header_end; i++) {
    size_t value;
    const meta_label *label = meta_match_label(state, i, &value);
    if (!label || label->field != FIELD_ABSTRACT || value != state->lines[i].end) continue;
    size_t first = i + 1;
    while (first < state->header_end && meta_blank(state, first)) first++;
    if (first >= state->header_end) return;
    size_t end = meta_block_end(state, first);
    size_t start = state->lines[first].start, stop = state->lines[end - 1].end;
    if (!meta_has_words(state, start, stop, META_MIN_ABSTRACT_WORDS)) continue;
    meta_set(state, FIELD_ABSTRACT, start, stop);
    state->abstract_end = end;
    return;
  }
  /* Else the first prose block after the title, if it reads like an abstract */
  for (size_t i = state->title_end; i < state->header_end; i++) {
    if (meta_blank(state, i) || state->lines[i].bullet || meta_is_chrome(state, i)) continue;
    size_t ignored;
    if (meta_match_label(state, i, &ignored)) continue;
    size_t end = i + 1;
    while (end < state->header_end && !meta_blank(state, end) && !state->lines[end].bullet &&
           !meta_is_heading(state, end))
      end++;
    if (!meta_is_prose(state, end - 1)) {
      if (meta_line_length(state, i) > 200) return; /* body text already */
      i = end - 1;                                  /* blocks do not overlap: keeps this linear */
      continue;
    }
    size_t start = state->lines[i].start, stop = state->lines[end - 1].end;
    state->abstract_end = end;
    if (stop - start >= 300 && stop - start <= 5000 && meta_sentence_count(state, start, stop) >= 3)
      meta_set(state, FIELD_ABSTRACT, start, stop);
    return;
  }
}

/* How the header names itself: "this article", "this chapter" ... */
static void meta_find_type(meta_state *state) {
  static const char *const phrases[][2] = {
      {"this article", "article-journal"}, {"this chapter", "chapter"},
      {"this report", "report"},           {"this thesis", "thesis"},
      {"this dissertation", "thesis"},     {"this book", "book"},
      {"this blog post", "post"},          {NULL, NULL}};
  if (state->type) return;
  if (state->container_is_book) {
    state->type = "chapter";
    return;
  }
  if (state->fields[FIELD_CONTAINER].length &&
      (state->fields[FIELD_ISSUE].length || state->fields[FIELD_VOLUME].length ||
       state->fields[FIELD_PAGE].length)) {
    state->type = "article-journal";
    return;
  }
  size_t end_line = state->abstract_end ? state->abstract_end : state->title_end;
  if (!end_line) return;
  size_t stop = state->lines[end_line - 1].end;
  for (size_t k = 0; phrases[k][0]; k++)
    if (meta_contains(state, 0, stop, phrases[k][0])) {
      state->type = phrases[k][1];
      return;
    }
}

/* DOI "10.NNNN/suffix" and URLs on header lines that announce them. */
static void meta_find_identifiers(meta_state *state) {
  /* A DOI further down belongs to a cited work, unless the abstract runs that far. */
  size_t front = meta_after_lines(state, META_FRONT_LINES);
  if (state->abstract_end > front) front = state->abstract_end;
  for (size_t i = 0; i < front; i++) {
    const meta_line *line = &state->lines[i];
    if (meta_blank(state, i) || line->end - line->start > 300) continue;
    if (!state->fields[FIELD_DOI].length && meta_contains(state, line->start, line->end, "doi"))
      meta_set_doi(state, line->start, line->end);
    if (!state->fields[FIELD_URL].length && i < 12 &&
        (meta_starts_with(state, line->start, line->end, "http://") ||
         meta_starts_with(state, line->start, line->end, "https://")) &&
        !memchr(state->text + line->start, ' ', line->end - line->start) &&
        !meta_contains(state, line->start, line->end, "doi.org"))
      meta_set(state, FIELD_URL, line->start, line->end);
  }
}

/* ----- output ---------------------------------------------------------------- */

/* A span as a JSON string with whitespace runs collapsed; a line break after a
** hyphen between letters joins the word ("anti-\natrocity"). */
static void meta_write_span(ibid_buffer *out, const meta_state *state, meta_span span) {
  ibid_buffer text;
  ibid_buffer_init(&text);
  size_t end = span.start + span.length, at = span.start;
  while (at < end) {
    char c = state->text[at];
    if (meta_is_space(c) || c == '\n' || c == 0) {
      int newline = 0;
      size_t next = at;
      while (next < end && (meta_is_space(state->text[next]) || state->text[next] == '\n' ||
                            state->text[next] == 0)) {
        if (state->text[next] == '\n') newline = 1;
        next++;
      }
      int hyphen_join =
          newline && text.length >= 2 && text.data[text.length - 1] == '-' &&
          ((text.data[text.length - 2] | 32) >= 'a' && (text.data[text.length - 2] | 32) <= 'z') &&
          next < end && state->text[next] >= 'a' && state->text[next] <= 'z';
      if (!hyphen_join && next < end && text.length) ibid_buffer_append_char(&text, ' ');
      at = next;
      continue;
    }
    size_t run = at + 1; /* the run of other bytes, appended at once */
    while (run < end && !meta_is_space(state->text[run]) && state->text[run] != '\n' &&
           state->text[run] != 0)
      run++;
    ibid_buffer_append(&text, state->text + at, run - at);
    at = run;
  }
  if (text.failed) out->failed = 1;
  ibid_json_string(out, text.data ? text.data : "", text.length);
  ibid_buffer_free(&text);
}

static void meta_write_date(ibid_json_object *object, const char *key, meta_date date) {
  if (!date.year) return;
  ibid_json_object_key(object, key);
  ibid_buffer *out = object->buffer;
  ibid_buffer_append_string(out, "{\"date-parts\":[[");
  ibid_buffer_append_int(out, date.year);
  if (date.month) {
    ibid_buffer_append_char(out, ',');
    ibid_buffer_append_int(out, date.month);
    if (date.day) {
      ibid_buffer_append_char(out, ',');
      ibid_buffer_append_int(out, date.day);
    }
  }
  ibid_buffer_append_string(out, "]]}");
}

static void meta_write_field(ibid_json_object *object, const meta_state *state, meta_field field) {
  if (!state->fields[field].length) return;
  ibid_json_object_key(object, meta_field_names[field]);
  meta_write_span(object->buffer, state, state->fields[field]);
}

static void meta_write_authors(ibid_json_object *object, const meta_state *state) {
  if (!state->name_count) return;
  ibid_json_object_key(object, "author");
  ibid_buffer *out = object->buffer;
  ibid_buffer_append_char(out, '[');
  for (size_t k = 0; k < state->name_count; k++) {
    if (k) ibid_buffer_append_char(out, ',');
    ibid_buffer_append_string(out, "{\"family\":");
    meta_write_span(out, state, state->names[k].family);
    ibid_buffer_append_string(out, ",\"given\":");
    meta_write_span(out, state, state->names[k].given);
    if (state->names[k].corresponding)
      ibid_buffer_append_string(out, ",\"role\":\"corresponding\"");
    ibid_buffer_append_char(out, '}');
  }
  ibid_buffer_append_char(out, ']');
}

static void meta_write(ibid_buffer *out, const meta_state *state) {
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  if (state->type) ibid_json_object_string(&object, "type", state->type, strlen(state->type));
  meta_write_field(&object, state, FIELD_TITLE);
  meta_write_field(&object, state, FIELD_SUBTITLE);
  meta_write_authors(&object, state);
  for (meta_field f = FIELD_CONTAINER; f <= FIELD_PAGE_COUNT; f++)
    meta_write_field(&object, state, f);
  meta_write_date(&object, "issued", state->issued);
  meta_write_date(&object, "available-date", state->available);
  for (meta_field f = FIELD_STATUS; f <= FIELD_ISBN; f++) meta_write_field(&object, state, f);
  if (state->language_code)
    ibid_json_object_string(&object, "language", state->language_code,
                            strlen(state->language_code));
  else
    meta_write_field(&object, state, FIELD_LANGUAGE);
  meta_write_field(&object, state, FIELD_ABSTRACT);
  if (state->keyword_count) {
    ibid_json_object_key(&object, "keywords");
    ibid_buffer_append_char(out, '[');
    for (size_t k = 0; k < state->keyword_count; k++) {
      if (k) ibid_buffer_append_char(out, ',');
      meta_write_span(out, state, state->keywords[k]);
    }
    ibid_buffer_append_char(out, ']');
  }
  ibid_json_object_end(&object);
}

char *ibid_meta_json(const char *text, size_t length, size_t *json_length) {
  meta_state *state = ibid_malloc(sizeof(meta_state));
  if (!state) return NULL;
  memset(state, 0, sizeof(*state));
  state->text = text;
  state->length = length;
  meta_index_labels(state);
  size_t window = length < IBID_META_WINDOW ? length : IBID_META_WINDOW;
  /* never cut a UTF-8 sequence in two */
  while (window < length && window > 0 && ((unsigned char)text[window] & 0xC0) == 0x80) window--;
  char *json = NULL;
  if (meta_split_lines(state, window) == 0) {
    meta_find_header_end(state);
    meta_find_labels(state);
    meta_find_citation_line(state);
    meta_find_record_keywords(state);
    if (!state->fields[FIELD_TITLE].length) meta_find_title(state);
    meta_find_authors(state);
    meta_find_abstract(state);
    meta_find_type(state);
    meta_find_identifiers(state);
    ibid_buffer out;
    ibid_buffer_init(&out);
    meta_write(&out, state);
    json = ibid_buffer_take(&out, json_length);
  }
  ibid_free(state->lines);
  ibid_free(state);
  return json;
}
