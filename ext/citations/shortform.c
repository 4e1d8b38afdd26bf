/*
** shortform.c -- Ibid. and short-form resolution of notes (see shortform.h).
**
** HOW IT WORKS
** The first citation of each note is read:
**   - "Ibid.", "Ibid", "Ibidem", "Id.", "ib." -> the previous note of the same
**     sequence (through it, when it is itself an Ibid. or a short form);
**   - "supra note 3", "supra n 3", "above n 3", "n 3 above" -> note 3;
**   - a short form: [author,] title [, locator] ending the citation, where the
**     title is quoted (‘Norm dynamics’) or a few unquoted words
**     (Treaty Practice), or author + locator ("Jones, 15.") or author +
**     "op. cit." / "supra". It stands for the LATEST earlier note holding a
**     full citation whose author words match (anywhere among the first words
**     of a citation: "Anna Smith", "García Márquez, Ana") and
**     whose title starts with the short title's words, compared word by word
**     without case or punctuation (‘“Norms matter!”’ = ‘Norms matter: ...’).
**     A full citation goes on after the title (journal, publisher, year);
**     an earlier short form does not, and is not an antecedent.
** A short form that matches no earlier full citation is left alone: it may
** be an ordinary short note ("Chile, Peru, Bolivia, and Ecuador.").
** The search looks back at most LOOKBACK notes and SEARCH_BYTES bytes of them
** per short form, and all searches together read at most WORK_PER_BYTE times
** the text: time stays linear whatever the input (past the budget, short
** forms are left unresolved). Within one ibid_resolve_short_forms run each
** earlier note is split into words once (from its citation end, fixed once
** the note is resolved) and its words are kept for the later searches.
** The first citation is read from a note's first FIRST_WORDS words only:
** a longer note is split whole when a search first needs it.
*/
#include "shortform.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "legal.h"
#include "memory.h"
#include "scan.h"
#include "utf8.h"

#define LOOKBACK 1000      /* earlier notes searched for an antecedent */
#define SEARCH_BYTES 65536 /* bytes of earlier notes one short form reads */
#define WORK_PER_BYTE 32   /* bytes all searches read, per byte of text */
#define MOST_WORDS 400     /* words of one note looked at */
#define FIRST_WORDS 64     /* words the first citation is read from (it reads at most 51) */
#define TITLE_WORDS 6      /* short-title words compared */
#define AUTHOR_WORDS 5     /* words an author part may have */
#define AUTHOR_ZONE 8      /* author words sit this close to a citation start */
#define TITLE_DISTANCE 14  /* the title starts this close after the author */

enum word_flag {
  QUOTE_BEFORE = 1,   /* an opening quotation mark right before the word */
  COMMA_BEFORE = 2,   /* a comma (or colon) right before the word */
  CITATION_START = 4, /* the word may start a citation */
  CAPITALIZED = 8
};

typedef struct word {
  size_t start, end;
  int flags;
} word;

typedef struct word_list {
  word *items;
  size_t count, capacity;
  int borrowed; /* items is the caller's storage: copied, not freed, on growth */
} word_list;

/* Byte classes split_words reads without decoding: ASCII letters and digits
** (WORD), the punctuation it notes, other ASCII (BLANK: spaces and the rest),
** and HIGH, a byte of a non-ASCII character (decoded). */
enum byte_class { BLANK = 0, WORD, STRAIGHT_QUOTE, COMMA, SEMICOLON, SENTENCE_END, HIGH };
#define HIGH8(b)                                                                              \
  [b] = HIGH, [b + 1] = HIGH, [b + 2] = HIGH, [b + 3] = HIGH, [b + 4] = HIGH, [b + 5] = HIGH, \
  [b + 6] = HIGH, [b + 7] = HIGH
#define HIGH32(b) HIGH8(b), HIGH8(b + 8), HIGH8(b + 16), HIGH8(b + 24)
static const unsigned char byte_classes[256] = {
    ['0'] = WORD,         ['1'] = WORD,      ['2'] = WORD,           ['3'] = WORD,
    ['4'] = WORD,         ['5'] = WORD,      ['6'] = WORD,           ['7'] = WORD,
    ['8'] = WORD,         ['9'] = WORD,      ['A'] = WORD,           ['B'] = WORD,
    ['C'] = WORD,         ['D'] = WORD,      ['E'] = WORD,           ['F'] = WORD,
    ['G'] = WORD,         ['H'] = WORD,      ['I'] = WORD,           ['J'] = WORD,
    ['K'] = WORD,         ['L'] = WORD,      ['M'] = WORD,           ['N'] = WORD,
    ['O'] = WORD,         ['P'] = WORD,      ['Q'] = WORD,           ['R'] = WORD,
    ['S'] = WORD,         ['T'] = WORD,      ['U'] = WORD,           ['V'] = WORD,
    ['W'] = WORD,         ['X'] = WORD,      ['Y'] = WORD,           ['Z'] = WORD,
    ['a'] = WORD,         ['b'] = WORD,      ['c'] = WORD,           ['d'] = WORD,
    ['e'] = WORD,         ['f'] = WORD,      ['g'] = WORD,           ['h'] = WORD,
    ['i'] = WORD,         ['j'] = WORD,      ['k'] = WORD,           ['l'] = WORD,
    ['m'] = WORD,         ['n'] = WORD,      ['o'] = WORD,           ['p'] = WORD,
    ['q'] = WORD,         ['r'] = WORD,      ['s'] = WORD,           ['t'] = WORD,
    ['u'] = WORD,         ['v'] = WORD,      ['w'] = WORD,           ['x'] = WORD,
    ['y'] = WORD,         ['z'] = WORD,      ['"'] = STRAIGHT_QUOTE, [','] = COMMA,
    [':'] = COMMA,        [';'] = SEMICOLON, ['.'] = SENTENCE_END,   ['?'] = SENTENCE_END,
    ['!'] = SENTENCE_END, HIGH32(0x80),      HIGH32(0xA0),           HIGH32(0xC0),
    HIGH32(0xE0)};

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int is_opening_quote(uint32_t c) {
  return c == 0x2018 || c == 0x201C || c == 0xAB || c == 0x201E || c == '"';
}
static int is_closing_quote(uint32_t c) {
  return c == 0x2019 || c == 0x201D || c == 0xBB || c == '"' || c == '\'';
}
static int is_word_codepoint(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum((UChar32)c) != 0;
}

/* Does the word text[start..end) equal `ascii` without regard to case?
** (Inlined: `ascii` is a constant at most calls, and its first letter
** decides most of them.) */
static inline __attribute__((always_inline)) int word_is(const char *text, const word *w,
                                                         const char *ascii) {
  /* called for every word against word lists: the first byte decides most */
  size_t n = w->end - w->start;
  if (n == 0 || lower(text[w->start]) != ascii[0]) return 0;
  for (size_t i = 1; i < n; i++)
    if (!ascii[i] || lower(text[w->start + i]) != ascii[i]) return 0;
  return ascii[n] == 0;
}

/* A set of ASCII letters, lower case, as bits: what a word list's words
** start with, so that most words are turned away by their first byte. */
#define LETTER(c) (1u << ((c) - 'a'))
static int starts_with_one_of(const char *text, const word *w, uint32_t letters) {
  char c = lower(text[w->start]);
  return w->end > w->start && c >= 'a' && c <= 'z' && (letters >> (c - 'a') & 1);
}

static int same_word(const char *text, const word *a, const word *b) {
  size_t n = a->end - a->start;
  if (b->end - b->start != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(text[a->start + i]) != lower(text[b->start + i])) return 0;
  return 1;
}

static int is_locator_word(const char *text, const word *w) {
  static const char *const words[] = {"p",  "pp",   "pg",  "at", "para", "paras", "n", "nn", "fn",
                                      "ch", "chap", "col", "s",  "ss",   "vol",   "f", "ff"};
  if (!starts_with_one_of(text, w,
                          LETTER('p') | LETTER('a') | LETTER('n') | LETTER('f') | LETTER('c') |
                              LETTER('s') | LETTER('v')))
    return 0;
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    if (word_is(text, w, words[i])) return 1;
  return 0;
}

/* ibid_utf8_decode, with ASCII (most characters) decoded here. */
static size_t decode_at(const char *text, size_t end, size_t i, uint32_t *c) {
  unsigned char b = (unsigned char)text[i];
  if (b < 0x80) {
    *c = b;
    return 1;
  }
  return ibid_utf8_decode(text, end, i, c);
}

/* Where the run of ASCII letters and digits from text[i] ends (at most end):
** sixteen bytes at a time (scan.h) while they are there, then byte by byte. */
static size_t ascii_word_end(const char *text, size_t i, size_t end) {
#ifdef __SSE2__
  while (i + 16 <= end) {
    __m128i v = ibid_scan16_load(text + i);
    /* signed compares: bytes 0x80 and above are negative, in neither range */
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i letter = ibid_scan16_range_bytes(folded, 'a', 'z');
    __m128i digit = ibid_scan16_range_bytes(v, '0', '9');
    unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFFu;
    if (other) return i + (size_t)__builtin_ctz(other);
    i += 16;
  }
#endif
  while (i < end && byte_classes[(unsigned char)text[i]] == WORD) i++;
  return i;
}

/* Splits text[start..end) into words (letters and digits; an apostrophe
** between letters stays inside: "Let’s") with what precedes each, at most
** `most` words (a word's flags depend only on what precedes it: the first
** n words of a split are the same whatever `most`). */
static int split_words(const char *text, size_t start, size_t end, size_t most, word_list *list) {
  list->count = 0;
  int pending = CITATION_START, after_sentence = 0;
  size_t i = start;
  while (i < end && list->count < most) {
    unsigned char b = (unsigned char)text[i];
    switch (byte_classes[b]) { /* ASCII punctuation and space, no decoding */
      case BLANK:
        i++;
        continue;
      case STRAIGHT_QUOTE:
        if (i == start || is_space(text[i - 1])) pending |= QUOTE_BEFORE;
        i++;
        continue;
      case COMMA:
        pending |= COMMA_BEFORE;
        i++;
        continue;
      case SEMICOLON:
        pending |= CITATION_START;
        i++;
        continue;
      case SENTENCE_END:
        after_sentence = 1;
        i++;
        continue;
      default:
        break;
    }
    /* here an ASCII letter or digit (a word, no decoding) or a HIGH byte */
    uint32_t c = b;
    size_t size = 1;
    if (byte_classes[b] == HIGH) size = ibid_utf8_decode(text, end, i, &c);
    if (byte_classes[b] == HIGH && !is_word_codepoint(c)) {
      if (is_opening_quote(c) && c != '"') pending |= QUOTE_BEFORE;
      /* a straight quote opens when no word character precedes it */
      if (c == '"' && (i == start || is_space(text[i - 1]))) pending |= QUOTE_BEFORE;
      if (c == ',' || c == ':') pending |= COMMA_BEFORE;
      if (c == ';') pending |= CITATION_START;
      if (c == '.' || c == '?' || c == '!') after_sentence = 1;
      i += size;
      continue;
    }
    word w = {i, i, pending};
    while (i < end) {
      /* ASCII letters and digits: word characters, no decoding */
      i = ascii_word_end(text, i, end);
      if (i >= end) break;
      /* other ASCII ends the word, but for an apostrophe between letters */
      if ((unsigned char)text[i] < 0x80 && text[i] != '\'') break;
      size = decode_at(text, end, i, &c);
      if (is_word_codepoint(c)) {
        i += size;
        continue;
      }
      if ((c == 0x2019 || c == '\'') && i + size < end) {
        uint32_t next;
        decode_at(text, end, i + size, &next);
        if (is_word_codepoint(next)) {
          i += size;
          continue;
        }
      }
      break;
    }
    w.end = i;
    uint32_t first;
    decode_at(text, end, w.start, &first);
    if (first < 0x80 ? first >= 'A' && first <= 'Z' : u_isupper((UChar32)first))
      w.flags |= CAPITALIZED;
    if (list->count) {
      const word *previous = &list->items[list->count - 1];
      /* "Smith, A. and Jones, B." or "see Smith": a new citation may start
      ** (the first letter picks the words to compare) */
      char f = lower(text[previous->start]);
      if ((f == 's' && word_is(text, previous, "see")) ||
          (f == 'a' && (word_is(text, previous, "and") || word_is(text, previous, "also"))) ||
          (f == 'c' && word_is(text, previous, "cf")) ||
          (f == 'i' && word_is(text, previous, "in")))
        w.flags |= CITATION_START;
      if (after_sentence && previous->end - previous->start >= 3 && (w.flags & CAPITALIZED))
        w.flags |= CITATION_START;
    }
    if (list->count == list->capacity) {
      size_t capacity = list->capacity ? list->capacity * 2 : 64;
      word *items = ibid_realloc(list->borrowed ? NULL : list->items, capacity * sizeof(word));
      if (!items) return -1;
      if (list->borrowed) memcpy(items, list->items, list->count * sizeof(word));
      list->items = items;
      list->capacity = capacity;
      list->borrowed = 0;
    }
    list->items[list->count++] = w;
    pending = 0;
    after_sentence = 0;
  }
  return 0;
}

/* ----- locators ---------------------------------------------------------- */

/* Reads digits, or a range "322–6", "329-31"; returns the length, 0 if none. */
static size_t read_page_number(const char *text, size_t position, size_t end) {
  size_t i = position;
  while (i < end && is_digit(text[i]) && i - position < 6) i++;
  if (i == position) return 0;
  size_t number_end = i;
  /* a range: - – — then digits */
  size_t dash = 0;
  if (i < end && text[i] == '-') dash = 1;
  if (i + 2 < end && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
      ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94))
    dash = 3;
  if (dash && i + dash < end && is_digit(text[i + dash])) {
    i += dash;
    while (i < end && is_digit(text[i]) && i - number_end < 12) i++;
    number_end = i;
  }
  if (number_end < end && text[number_end] == 'f') {
    number_end++; /* "12f", "12ff" */
    if (number_end < end && text[number_end] == 'f') number_end++;
  }
  return number_end - position;
}

/* Does position end a citation: end of text, '.', ',', ';', ')' or space? */
static int ends_number(const char *text, size_t position, size_t end) {
  if (position >= end) return 1;
  char c = text[position];
  return c == '.' || c == ',' || c == ';' || c == ')' || c == ':' || is_space(c);
}

size_t ibid_read_locator(const char *text, size_t position, size_t end) {
  static const char *const prefixes[] = {"pp.",      "p.",
                                         "pg.",      "pp",
                                         "p",        "pg",
                                         "paras.",   "para.",
                                         "paras",    "para",
                                         "nn.",      "n.",
                                         "fn.",      "ch.",
                                         "col.",     "ss.",
                                         "s.",       "\xc2\xa7\xc2\xa7",
                                         "\xc2\xa7", "\xc2\xb6\xc2\xb6",
                                         "\xc2\xb6", "rn.",
                                         "rz.",      "par.",
                                         "art.",     "art",
                                         "nr.",      "párrs.",
                                         "párr.",    "ss",
                                         "s"};
  size_t i = position;
  if (end - i >= 3 && lower(text[i]) == 'a' && lower(text[i + 1]) == 't' && text[i + 2] == ' ')
    i += 3;
  /* OSCOLA's paragraph in brackets: "ibid [30]", "Smith (n 3) [12]-[14]" */
  if (i < end && text[i] == '[' && i + 1 < end && is_digit(text[i + 1])) {
    size_t number = read_page_number(text, i + 1, end);
    size_t close = i + 1 + number;
    if (number && number < 5 && close < end && text[close] == ']' &&
        ends_number(text, close + 1, end))
      return close + 1 - position;
  }
  size_t prefix_end = i;
  /* the first bytes the prefixes start with: most text starts with none */
  char f = i < end ? lower(text[i]) : 0;
  int prefixed = f == 'p' || f == 'n' || f == 'f' || f == 'c' || f == 's' || f == 'r' || f == 'a' ||
                 f == '\xc2';
  for (size_t k = 0; prefixed && k < sizeof(prefixes) / sizeof(prefixes[0]); k++) {
    if (i >= end || lower(text[i]) != prefixes[k][0]) continue; /* the first byte, at once */
    size_t n = strlen(prefixes[k]);
    if (end - i < n) continue;
    size_t j = 0;
    while (j < n && lower(text[i + j]) == prefixes[k][j]) j++;
    if (j < n) continue;
    size_t after = i + n;
    size_t skipped = after;
    while (skipped < end && text[skipped] == ' ') skipped++;
    if (skipped < end && is_digit(text[skipped]) &&
        (skipped > after || prefixes[k][n - 1] == '.' || (unsigned char)prefixes[k][0] >= 0x80)) {
      prefix_end = skipped;
      break;
    }
  }
  size_t number = read_page_number(text, prefix_end, end);
  if (!number) return 0;
  size_t locator_end = prefix_end + number;
  /* a list "pp. 4, 9, 12" continues with more numbers after a prefix */
  while (prefix_end > i && locator_end + 2 < end && text[locator_end] == ',' &&
         text[locator_end + 1] == ' ' && is_digit(text[locator_end + 2])) {
    size_t more = read_page_number(text, locator_end + 2, end);
    if (!more || !ends_number(text, locator_end + 2 + more, end)) break;
    locator_end += 2 + more;
  }
  if (!ends_number(text, locator_end, end)) return 0;
  /* a bare number must end the citation, else it is part of something else */
  if (prefix_end == position) {
    size_t after = locator_end;
    if (after < end && text[after] == '.') after++;
    while (after < end && is_space(text[after])) after++;
    if (after < end && text[after] != ';' && text[after] != ',') return 0;
  }
  return locator_end - position;
}

/* ----- reading the first citation of a note ------------------------------ */

typedef enum citation_kind {
  CITATION_FULL = 0, /* not an Ibid. or a short form */
  CITATION_IBID,
  CITATION_NOTE_NUMBER, /* "supra note 3" */
  CITATION_SHORT        /* author and/or title */
} citation_kind;

typedef struct citation {
  citation_kind kind;
  long note_number;                     /* CITATION_NOTE_NUMBER */
  size_t author_first, author_count;    /* word indexes of the author */
  size_t title_first, title_count;      /* word indexes of the title */
  size_t locator_start, locator_length; /* byte span, length 0 if none */
  size_t end;                           /* byte offset where the citation ends */
} citation;

/* Skips ", " / ". " / " " between parts of a citation. */
static size_t skip_separator(const char *text, size_t position, size_t end) {
  while (position < end &&
         (text[position] == ',' || text[position] == '.' || is_space(text[position])))
    position++;
  return position;
}

/* Does the citation end at position: end of body, ';', ", and", or "." ending it? */
static int citation_ends(const char *text, size_t position, size_t end) {
  while (position < end && is_space(text[position])) position++;
  if (position >= end) return 1;
  char c = text[position];
  if (c == ';') return 1;
  if (c == '.' || c == ',') {
    size_t after = position + 1;
    while (after < end && is_space(text[after])) after++;
    if (after >= end) return 1;
    if (c == '.') return after > position + 1; /* ". Next sentence" */
    return end - after >= 4 && text[after] == 'a' && text[after + 1] == 'n' &&
           text[after + 2] == 'd' && text[after + 3] == ' ';
  }
  return 0;
}

/* Does ", and" follow position? */
static int continues_with_and(const char *text, size_t position, size_t end) {
  while (position < end && (text[position] == ',' || is_space(text[position]))) position++;
  return end - position >= 4 && memcmp(text + position, "and ", 4) == 0;
}

/* Sets a locator at position if there is one, and the citation end after it. */
static void read_tail(const char *text, size_t position, size_t end, citation *out) {
  size_t locator = skip_separator(text, position, end);
  size_t n = ibid_read_locator(text, locator, end);
  out->end = position;
  if (n) {
    out->locator_start = locator;
    out->locator_length = n;
    out->end = locator + n;
  }
}

/* Past ", cit." / ", op. cit." / ", ob. cit." after a short title
** ("Rodríguez, La justicia penal, cit., p. 60"); position when there is none. */
static size_t skip_cit(const char *text, size_t position, size_t end) {
  static const char *const marks[] = {"cit.", "op. cit.", "ob. cit.", "loc. cit.", "art. cit."};
  size_t i = skip_separator(text, position, end);
  for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
    size_t n = strlen(marks[k]);
    if (end - i >= n && memcmp(text + i, marks[k], n) == 0) return i + n;
  }
  return position;
}

/* The value of a word of 1-4 digits, 0 when it is not one. */
static long number_value(const char *text, const word *w) {
  if (w->end - w->start > 4) return 0;
  long value = 0;
  for (size_t k = w->start; k < w->end; k++) {
    if (!is_digit(text[k])) return 0;
    value = value * 10 + (text[k] - '0');
  }
  return value;
}

static int is_note_word(const char *text, const word *w) {
  return starts_with_one_of(text, w, LETTER('n') | LETTER('f')) &&
         (word_is(text, w, "note") || word_is(text, w, "notes") || word_is(text, w, "n") ||
          word_is(text, w, "nn") || word_is(text, w, "fn") || word_is(text, w, "fns"));
}

/* Is there an opening parenthesis between two words? */
static int parenthesis_between(const char *text, const word *before, const word *after) {
  for (size_t p = before->end; p < after->start; p++)
    if (text[p] == '(') return 1;
  return 0;
}

/* "supra note 3", "supra n 3", "above n 3", "note 3 above", and OSCOLA's
** "Smith (n 3) 81": the note number, with *after set past it; 0 if none. */
static long explicit_note_number(const char *text, size_t body_end, const word_list *words,
                                 size_t first, size_t limit, size_t *after) {
  for (size_t i = first; i < limit && i + 1 < words->count; i++) {
    const word *w = &words->items[i];
    const word *next = &words->items[i + 1];
    const word *third = i + 2 < words->count ? &words->items[i + 2] : NULL;
    int pointer = word_is(text, w, "supra") || word_is(text, w, "above");
    if (pointer && is_note_word(text, next) && third && number_value(text, third)) {
      *after = third->end;
      return number_value(text, third);
    }
    if (is_note_word(text, w) && number_value(text, next) && third &&
        (word_is(text, third, "above") || word_is(text, third, "supra"))) {
      *after = third->end;
      return number_value(text, next);
    }
    if (i > 0 && is_note_word(text, w) && number_value(text, next) &&
        parenthesis_between(text, &words->items[i - 1], w)) {
      size_t end = next->end;
      if (end < body_end && text[end] == ')') end++;
      *after = end;
      return number_value(text, next);
    }
  }
  return 0;
}

/* Where does the word run starting at word `first` end, when a closing quote
** followed by punctuation or the end closes a quoted title? Returns the word
** index after the title, or `first` when the title is not closed. */
static size_t quoted_title_end(const char *text, const word_list *words, size_t first, size_t end,
                               size_t *byte_end) {
  for (size_t i = first; i < words->count && i < first + 40; i++) {
    size_t p = words->items[i].end;
    int closed = 0;
    while (p < end) {
      uint32_t c;
      size_t size = ibid_utf8_decode(text, end, p, &c);
      if (is_closing_quote(c)) {
        closed = 1;
        p += size;
      } else if (closed || c == '!' || c == '?' || c == ':' || c == '.' || c == ',') {
        /* "Norms matter!’" -- punctuation inside the quotes */
        if (closed) break;
        p += size;
      } else {
        break;
      }
    }
    if (!closed) continue;
    if (p >= end || text[p] == ',' || text[p] == '.' || text[p] == ';' || is_space(text[p])) {
      *byte_end = p;
      return i + 1;
    }
  }
  return first;
}

/* Of the author words [first, end), how many name the first author:
** "Smith and Jones" or "Smith & Jones" -> "Smith", "de Vries" -> both. */
static size_t first_author_words(const char *text, const word_list *words, size_t first,
                                 size_t end) {
  for (size_t k = first + 1; k < end; k++) {
    const word *w = &words->items[k];
    if (word_is(text, w, "and") || word_is(text, w, "et")) return k - first;
    /* "Gómez y Ruiz", "Müller und Schmidt", "Rossi e Bianchi" */
    if (text[w->start] >= 'a' && text[w->start] <= 'z' &&
        (word_is(text, w, "y") || word_is(text, w, "und") || word_is(text, w, "e")))
      return k - first;
    for (size_t p = words->items[k - 1].end; p < w->start; p++)
      if (text[p] == '&') return k - first;
  }
  return end - first;
}

/* "See", "also", "cf.", "but", "compare", "e.g." before a citation. */
static int is_signal_word(const char *text, const word *w) {
  static const char *const signals[] = {"see",    "also", "cf",   "but",   "compare", "e",      "g",
                                        "contra", "vgl",  "auch", "siehe", "voir",    "aussi",  "s",
                                        "hierzu", "vid",  "cfr",  "véase", "ver",     "también"};
  if (!starts_with_one_of(text, w,
                          LETTER('s') | LETTER('a') | LETTER('c') | LETTER('b') | LETTER('e') |
                              LETTER('g') | LETTER('v') | LETTER('h') | LETTER('t')))
    return 0;
  for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
    if (word_is(text, w, signals[i])) return 1;
  return 0;
}

/* Reads the first citation of a note body text[start..end). */
static void read_first_citation(const char *text, size_t start, size_t end, const word_list *words,
                                citation *out) {
  memset(out, 0, sizeof(*out));
  /* signals before the citation: "See", "See also", "Cf.", "See, e.g.," */
  size_t lead = 0;
  while (lead < words->count && lead < 4 && is_signal_word(text, &words->items[lead])) lead++;
  if (lead >= words->count) return;
  const word *first = &words->items[lead];
  /* Ibid. / Id. (all start with 'i' or 'e') */
  if (starts_with_one_of(text, first, LETTER('i') | LETTER('e')) &&
      (word_is(text, first, "ibid") || word_is(text, first, "ibidem") ||
       word_is(text, first, "ibíd") || word_is(text, first, "ibídem") ||
       word_is(text, first, "ebd") || word_is(text, first, "ebenda") ||
       word_is(text, first, "idem") || word_is(text, first, "ibd") ||
       ((word_is(text, first, "id") || word_is(text, first, "ib")) && first->end < end &&
        (text[first->end] == '.' || text[first->end] == ',')))) {
    out->kind = CITATION_IBID;
    read_tail(text, first->end, end, out);
    return;
  }
  /* the first citation's words: up to a ';' */
  size_t limit = lead + 1;
  while (limit < words->count && limit < lead + 12) { /* (only the first 12 are read) */
    int semicolon = 0;
    for (size_t p = words->items[limit - 1].end; p < words->items[limit].start; p++)
      semicolon |= text[p] == ';';
    if (semicolon) break;
    limit++;
  }
  size_t after = 0;
  long number = explicit_note_number(text, end, words, lead, limit, &after);
  if (number > 0) {
    out->kind = CITATION_NOTE_NUMBER;
    out->note_number = number;
    read_tail(text, after, end, out);
    return;
  }
  /* author: capitalized words (and particles) before a comma or a quote */
  size_t i = lead;
  if (!(first->flags & QUOTE_BEFORE)) {
    while (i < words->count && i < lead + AUTHOR_WORDS + 1) {
      const word *w = &words->items[i];
      if (i > lead && (w->flags & (QUOTE_BEFORE | COMMA_BEFORE))) break;
      if (is_digit(text[w->start])) return;
      i++;
    }
    if (i == lead || i > lead + AUTHOR_WORDS) return;
    /* the author's last word must be capitalized: "Smith", "de Vries" */
    if (!(words->items[i - 1].flags & CAPITALIZED)) return;
    /* "J. Dupont": the initials do not name the author, the surname does */
    size_t author_first = lead;
    while (author_first + 1 < i &&
           words->items[author_first].end - words->items[author_first].start == 1 &&
           (words->items[author_first].flags & CAPITALIZED))
      author_first++;
    out->author_first = author_first;
    out->author_count = first_author_words(text, words, author_first, i);
  }
  size_t position =
      i > lead ? words->items[i - 1].end : (lead ? words->items[lead - 1].end : start);
  /* "Smith, op. cit., p. 4" / "Smith, supra, at 4" */
  size_t skip = 0;
  if (i < words->count && out->author_count) {
    const word *w = &words->items[i];
    const word *next = i + 1 < words->count ? &words->items[i + 1] : NULL;
    const word *third = i + 2 < words->count ? &words->items[i + 2] : NULL;
    if (word_is(text, w, "supra")) skip = 1;
    /* "op. cit.", "loc. cit.", "art. cit.", German "a.a.O." */
    if (next && word_is(text, next, "cit") &&
        (word_is(text, w, "op") || word_is(text, w, "ob") || word_is(text, w, "loc") ||
         word_is(text, w, "art")))
      skip = 2;
    if (next && third && word_is(text, w, "a") && word_is(text, next, "a") &&
        word_is(text, third, "o"))
      skip = 3;
    if (word_is(text, w, "aao")) skip = 1;
  }
  if (skip) {
    if (i + skip > words->count) return;
    out->kind = CITATION_SHORT;
    /* "Ders., a.a.O.", "Idem, op. cit.": the same author's work just cited */
    const word *author = &words->items[out->author_first];
    if (out->author_count == 1 && (word_is(text, author, "ders") || word_is(text, author, "dies") ||
                                   word_is(text, author, "idem") || word_is(text, author, "eadem")))
      out->kind = CITATION_IBID;
    read_tail(text, words->items[i + skip - 1].end, end, out);
    return;
  }
  size_t separator_end = skip_separator(text, position, end);
  /* a case short form: "Kiobel, 569 U.S. at 120" names the case by its first word */
  ibid_legal_span pin;
  if (out->author_count && separator_end < end && is_digit(text[separator_end]) &&
      ibid_legal_case_short_form(text + start, end - start, &pin)) {
    out->kind = CITATION_SHORT;
    out->author_count = 1;
    out->locator_start = start + pin.start;
    out->locator_length = pin.length;
    out->end = start + pin.start + pin.length;
    return;
  }
  /* author + locator: "Jones, 15." */
  if (out->author_count && separator_end < end && is_digit(text[separator_end])) {
    read_tail(text, position, end, out);
    if (out->locator_length && citation_ends(text, out->end, end)) out->kind = CITATION_SHORT;
    return;
  }
  if (i >= words->count) return;
  const word *title = &words->items[i];
  size_t title_end_word, title_byte_end = 0;
  if (title->flags & QUOTE_BEFORE) {
    title_end_word = quoted_title_end(text, words, i, end, &title_byte_end);
    if (title_end_word == i) return;
  } else {
    /* unquoted (italics lost): a few words up to the citation's end */
    if (!out->author_count || !(title->flags & COMMA_BEFORE)) return;
    title_end_word = i;
    while (title_end_word < words->count && title_end_word < i + 8 &&
           (title_end_word == i ||
            !(words->items[title_end_word].flags & (COMMA_BEFORE | QUOTE_BEFORE))))
      title_end_word++;
    title_byte_end = words->items[title_end_word - 1].end;
    if (title_end_word < words->count && !(words->items[title_end_word].flags & COMMA_BEFORE))
      return;
  }
  out->title_first = i;
  out->title_count = title_end_word - i;
  read_tail(text, skip_cit(text, title_byte_end, end), end, out);
  /* An unquoted title could be a list of names ("Smith, Anna Jones, and
  ** ..."): it must end the note's first citation outright. */
  if (citation_ends(text, out->end, end) && ((title->flags & QUOTE_BEFORE) || out->locator_length ||
                                             !continues_with_and(text, out->end, end)))
    out->kind = CITATION_SHORT;
}

/* ----- antecedents ------------------------------------------------------- */

static int words_match(const char *text, const word_list *a, size_t a_first, const word_list *b,
                       size_t b_first, size_t count) {
  if (a_first + count > a->count || b_first + count > b->count) return 0;
  for (size_t k = 0; k < count; k++)
    if (!same_word(text, &a->items[a_first + k], &b->items[b_first + k])) return 0;
  return 1;
}

/* Enough words after index `after` (within the next 30) to make a full
** citation: journal, publisher, year, not just a page. */
static int continues_as_full_citation(const char *text, const word_list *words, size_t after) {
  int substantial = 0;
  for (size_t k = after; k < words->count && k < after + 30; k++) {
    const word *w = &words->items[k];
    if (is_digit(text[w->start]) || is_locator_word(text, w)) continue;
    if (word_is(text, w, "op") || word_is(text, w, "cit") || word_is(text, w, "supra") ||
        word_is(text, w, "ibid"))
      continue;
    if (w->end - w->start >= 2) substantial++;
  }
  return substantial >= 2;
}

/* A leading article of a title: English, German, French, Spanish, Italian. */
static int is_article(const char *text, const word *w) {
  static const char *const articles[] = {"the", "a",   "an", "der", "die", "das", "le",
                                         "la",  "les", "l",  "el",  "los", "il",  "lo"};
  if (!starts_with_one_of(
          text, w,
          LETTER('t') | LETTER('a') | LETTER('d') | LETTER('l') | LETTER('e') | LETTER('i')))
    return 0;
  for (size_t i = 0; i < sizeof(articles) / sizeof(articles[0]); i++)
    if (word_is(text, w, articles[i])) return 1;
  return 0;
}

/* Does a full citation in `candidate` (words of an earlier note) match the
** short form `wanted` (words of the current note)? */
static int matches_full_citation(const char *text, const citation *short_form,
                                 const word_list *wanted, const word_list *candidate) {
  size_t title_count =
      short_form->title_count < TITLE_WORDS ? short_form->title_count : TITLE_WORDS;
  size_t author_count = short_form->author_count;
  size_t citation_start = 0;
  for (size_t a = 0; a < candidate->count; a++) {
    if (candidate->items[a].flags & CITATION_START) citation_start = a;
    if (author_count) {
      if (a - citation_start > AUTHOR_ZONE) continue;
      if (!words_match(text, wanted, short_form->author_first, candidate, a, author_count))
        continue;
      /* no title between the citation start and the author */
      int quoted = 0;
      for (size_t k = citation_start + 1; k <= a; k++)
        quoted |= candidate->items[k].flags & QUOTE_BEFORE;
      if (quoted) continue;
      if (!title_count) {
        if (continues_as_full_citation(text, candidate, a + author_count)) return 1;
        continue;
      }
      for (size_t b = a + author_count;
           b < candidate->count && b <= a + author_count + TITLE_DISTANCE; b++) {
        if (!(candidate->items[b].flags & (QUOTE_BEFORE | COMMA_BEFORE))) continue;
        size_t t = b;
        /* "Making of Modern Archives" short for "The Making of Modern Archives" */
        if (!words_match(text, wanted, short_form->title_first, candidate, t, title_count) &&
            is_article(text, &candidate->items[t]) &&
            !is_article(text, &wanted->items[short_form->title_first]))
          t++;
        if (!words_match(text, wanted, short_form->title_first, candidate, t, title_count))
          continue;
        if (continues_as_full_citation(text, candidate, t + short_form->title_count)) return 1;
      }
    } else if (title_count && (candidate->items[a].flags & QUOTE_BEFORE) &&
               words_match(text, wanted, short_form->title_first, candidate, a, title_count) &&
               continues_as_full_citation(text, candidate, a + short_form->title_count)) {
      return 1;
    }
  }
  return 0;
}

/* Does haystack[0..size) contain needle[0..length)? (memmem is not C11.) */
static int contains(const char *haystack, size_t size, const char *needle, size_t length) {
  if (!length) return 1;
  const char *at = haystack, *end = haystack + size;
  while ((size_t)(end - at) >= length) {
    at = memchr(at, needle[0], (size_t)(end - at) - length + 1);
    if (!at) return 0;
    if (memcmp(at, needle, length) == 0) return 1;
    at++;
  }
  return 0;
}

/* The note number an Ibid. pointing at note j stands for. */
static long resolved_number(const ibid_note *note) {
  return note->ibid_of ? note->ibid_of : note->n;
}

/* Where the last top-level ';' of text[from..end) is (outside brackets and
** quotation marks), or 0 when there is none. */
static size_t last_semicolon(const char *text, size_t from, size_t end) {
  size_t found = 0;
  int depth = 0;
  /* most notes hold no ';' at all: one memchr says so */
  if (from >= end || !memchr(text + from, ';', end - from)) return 0;
  for (size_t p = from; p < end; p++) {
    char c = text[p];
    if (c == '(' || c == '[') depth++;
    if ((c == ')' || c == ']') && depth > 0) depth--;
    if (c == ';' && depth == 0) found = p;
  }
  return found;
}

/* Prose notes an Ibid. looks back over for the citation it repeats. */
#define PROSE_NOTES 4

/* Does a note cite something: a back reference, a digit (year, page, volume)
** or a quotation mark (a title)? "Thirty others had signed." does not. */
static int cites_something(const char *text, const ibid_note *note) {
  if (note->back_kind != IBID_BACK_NONE) return 1;
  for (size_t p = note->start; p < note->start + note->length; p++) {
    unsigned char c = (unsigned char)text[p];
    if ((c >= '0' && c <= '9') || c == '"') return 1;
    if (c == 0xE2 && p + 2 < note->start + note->length && (unsigned char)text[p + 1] == 0x80 &&
        ((unsigned char)text[p + 2] == 0x98 || (unsigned char)text[p + 2] == 0x9C))
      return 1;
    if (c == 0xC2 && p + 1 < note->start + note->length && (unsigned char)text[p + 1] == 0xAB)
      return 1;
  }
  return 0;
}

/* Does text[start..end) hold a four-digit year 1500-2099? */
static int holds_year(const char *text, size_t start, size_t end) {
  size_t run = 0;
  for (size_t p = start; p <= end; p++) {
    if (p < end && is_digit(text[p])) {
      run++;
      continue;
    }
    if (run == 4) {
      int year = (text[p - 4] - '0') * 1000 + (text[p - 3] - '0') * 100 + (text[p - 2] - '0') * 10 +
                 (text[p - 1] - '0');
      if (year >= 1500 && year <= 2099) return 1;
    }
    run = 0;
  }
  return 0;
}

typedef struct resolver {
  const char *text;
  const ibid_note *notes;
  size_t *budget;
  word_list words, earlier;
  /* ibid_resolve_short_forms: the words of each earlier note, split once
  ** (from its citation end, fixed once the note is resolved) and kept in
  ** `pool`: note j's are pool[first[j] - 1 ..][0..counts[j]), first[j] == 0
  ** while not split. NULL for ibid_resolve_citation. */
  size_t *first, *counts;
  word_list pool;
} resolver;

/* Keeps `words` as the words of notes[j] (from its citation end). */
static int keep_words(resolver *r, size_t j, const word_list *words) {
  size_t n = words->count;
  if (r->pool.count + n > r->pool.capacity) {
    size_t capacity = r->pool.capacity ? r->pool.capacity : 1024;
    while (capacity < r->pool.count + n) capacity *= 2;
    word *items = ibid_realloc(r->pool.items, capacity * sizeof(word));
    if (!items) return -1;
    r->pool.items = items;
    r->pool.capacity = capacity;
  }
  if (n) memcpy(r->pool.items + r->pool.count, words->items, n * sizeof(word));
  r->first[j] = r->pool.count + 1;
  r->counts[j] = n;
  r->pool.count += n;
  return 0;
}

/* The words of notes[j] from `from` to `to` (its citation end to its end),
** split at most once per resolver run when it keeps a cache. */
static int earlier_words(resolver *r, size_t j, size_t from, size_t to, word_list *out) {
  if (!r->first) {
    if (split_words(r->text, from, to, MOST_WORDS, &r->earlier)) return -1;
    *out = r->earlier;
    return 0;
  }
  if (!r->first[j]) {
    if (split_words(r->text, from, to, MOST_WORDS, &r->earlier)) return -1;
    if (keep_words(r, j, &r->earlier)) return -1;
  }
  out->items = r->pool.items + (r->first[j] - 1);
  out->count = out->capacity = r->counts[j];
  out->borrowed = 1;
  return 0;
}

/* The resolver proper (see shortform.h), with word lists kept by the caller. */
static int resolve(resolver *r, size_t start, size_t end, size_t index, ibid_back_reference *out) {
  const char *text = r->text;
  const ibid_note *notes = r->notes;
  const ibid_note *note = &notes[index];
  memset(out, 0, sizeof(*out));
  out->end = start;
  /* read_first_citation looks at the first FIRST_WORDS words at most */
  if (split_words(text, start, end, FIRST_WORDS, &r->words)) return -1;
  citation found;
  read_first_citation(text, start, end, &r->words, &found);
  if (found.kind == CITATION_FULL) return 0;
  long antecedent = 0;
  if (found.kind == CITATION_NOTE_NUMBER) {
    for (size_t j = index; j-- > 0 && index - j <= LOOKBACK;) {
      if (notes[j].sequence == note->sequence && notes[j].n == found.note_number) {
        antecedent = resolved_number(&notes[j]);
        break;
      }
    }
    out->kind = IBID_BACK_NOTE;
  } else if (found.kind == CITATION_SHORT) {
    /* the first author (or title) word must occur in an antecedent: a
    ** byte search skips most notes before splitting them into words */
    const word *key = &r->words.items[found.author_count ? found.author_first : found.title_first];
    size_t searched = 0;
    for (size_t j = index; j-- > 0 && index - j <= LOOKBACK && searched < SEARCH_BYTES;) {
      if (notes[j].sequence != note->sequence) continue;
      size_t from = notes[j].citation_end, to = notes[j].start + notes[j].length;
      if (from < notes[j].start) from = notes[j].start;
      if (from >= to) continue;
      if (*r->budget < to - from) break;
      *r->budget -= to - from;
      searched += to - from;
      if (!contains(text + from, to - from, text + key->start, key->end - key->start)) continue;
      word_list earlier;
      if (earlier_words(r, j, from, to, &earlier)) return -1;
      if (matches_full_citation(text, &found, &r->words, &earlier)) {
        antecedent = notes[j].n;
        break;
      }
    }
    if (!antecedent) return 0; /* an ordinary short note, not a short form */
    out->kind = IBID_BACK_SHORT;
    out->key_start = key->start;
    out->key_length = key->end - key->start;
  } else {
    out->kind = IBID_BACK_IBID;
  }
  if (found.kind != CITATION_IBID && found.author_count) {
    const word *key = &r->words.items[found.author_first];
    out->key_start = key->start;
    out->key_length = key->end - key->start;
  }
  out->note = antecedent;
  out->locator_start = found.locator_start;
  out->locator_length = found.locator_length;
  out->end = found.end > start ? found.end : start;
  return 0;
}

size_t ibid_resolve_budget(size_t length) {
  return length > SIZE_MAX / WORK_PER_BYTE ? SIZE_MAX : length * WORK_PER_BYTE;
}

int ibid_resolve_citation(const char *text, size_t start, size_t end, const ibid_note *notes,
                          size_t index, size_t *budget, ibid_back_reference *out) {
  /* the words of most citations fit on the stack: no allocation per call */
  word words[64], earlier[64];
  resolver r = {text, notes, budget, {words, 0, 64, 1}, {earlier, 0, 64, 1}, 0, 0, {0}};
  int rc = resolve(&r, start, end, index, out);
  if (!r.words.borrowed) ibid_free(r.words.items);
  if (!r.earlier.borrowed) ibid_free(r.earlier.items);
  return rc;
}

int ibid_resolve_short_forms(const char *text, size_t length, ibid_note *notes, size_t count) {
  size_t budget = ibid_resolve_budget(length);
  resolver r = {text, notes, &budget, {0}, {0}, 0, 0, {0}};
  r.first = ibid_malloc((count ? count : 1) * 2 * sizeof(size_t));
  if (!r.first) return -1;
  memset(r.first, 0, (count ? count : 1) * sizeof(size_t));
  r.counts = r.first + (count ? count : 1);
  int rc = 0;
  for (size_t i = 0; i < count && rc == 0; i++) {
    ibid_note *note = &notes[i];
    size_t end = note->start + note->length;
    note->ibid_of = 0;
    note->back_kind = IBID_BACK_NONE;
    note->citation_end = note->start;
    note->last_target = note->n;
    note->locator_start = note->locator_length = 0;
    ibid_back_reference found;
    if (resolve(&r, note->start, end, i, &found)) {
      rc = -1;
      break;
    }
    if (found.kind == IBID_BACK_IBID && i > 0 && notes[i - 1].sequence == note->sequence) {
      /* what the note before cited last; a prose note between does not count */
      size_t j = i - 1;
      while (j > 0 && i - j < PROSE_NOTES && notes[j - 1].sequence == note->sequence &&
             !cites_something(text, &notes[j]))
        j--;
      found.note = cites_something(text, &notes[j]) ? notes[j].last_target : notes[i - 1].n;
    }
    if (found.kind != IBID_BACK_NONE && found.note) {
      note->ibid_of = found.note;
      note->back_kind = found.kind;
      note->locator_start = found.locator_start;
      note->locator_length = found.locator_length;
      note->citation_end = found.end;
      note->last_target = found.note;
    }
    /* the words resolve read are the note's words from its citation end
    ** when that is its start: what a later short form's search reads (when
    ** they are all of them; else a search splits the note when it needs to) */
    if (note->citation_end <= note->start && r.words.count < FIRST_WORDS &&
        keep_words(&r, i, &r.words)) {
      rc = -1;
      break;
    }
    /* a later citation after a ';' is what an Ibid. in the next note means */
    size_t semicolon = last_semicolon(text, note->citation_end, end);
    if (semicolon) {
      note->last_target = note->n;
      /* a citation with a year is a full one: no need to read it */
      if (holds_year(text, semicolon + 1, end)) continue;
      if (resolve(&r, semicolon + 1, end, i, &found)) {
        rc = -1;
        break;
      }
      if ((found.kind == IBID_BACK_NOTE || found.kind == IBID_BACK_SHORT) && found.note)
        note->last_target = found.note;
      else if (found.kind == IBID_BACK_IBID && note->ibid_of)
        note->last_target = note->ibid_of;
    }
  }
  ibid_free(r.words.items);
  ibid_free(r.earlier.items);
  ibid_free(r.pool.items);
  ibid_free(r.first);
  return rc;
}
