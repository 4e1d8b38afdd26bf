/*
** sentences.c -- the sentences of a text, block by block (see sentences.h).
**
** HOW IT WORKS, per block of ibid_find_blocks():
**  1. UAX #29's sentence boundaries. When every code point of the block has
**     a class the rules SB6-SB11 read (no Extend, Format or paragraph
**     separator: nearly every block of prose), they are computed here in one
**     pass over the classes (rule_boundaries); the unit test checks them
**     against ICU's on random text. Otherwise the block is converted to
**     UTF-16 with line breaks turned into spaces (same length, so offsets
**     still line up) and handed to an ICU UBRK_SENTENCE iterator; its
**     boundaries become byte offsets through a cursor that walks UTF-8 and
**     UTF-16 in step (linear time).
**  2. Note markers: a terminal . ! or ? followed by optional closing quotes,
**     then 1-3 digits (ASCII, superscript, or in brackets) and a capital
**     letter after white space, is a sentence end whose marker belongs to it.
**     A boundary there is added after the digits ("the UN.5 The ICC": ICU
**     does not break inside "UN.5"), and ICU's boundary before the digits
**     ("genocide.”|3 These") is dropped.
**  3. A boundary that follows a period is dropped when the word before the
**     period is an abbreviation (ibid_sentence_abbreviation): citation words
**     ("pp", "Art", "cf"), titles ("Dr"), dotted forms ("e.g", "U.S"), single
**     capital initials; and, unless a capital letter follows, words that may
**     also end a sentence ("etc", "Ibid", "et al", "Inc", month names).
**  4. Sentences are the spans between the remaining boundaries, trimmed of
**     white space; empty ones are dropped.
*/
#include "sentences.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "blocks.h"
#include "memory.h"
#include "scan.h"
#include "utf8.h"
#include "words.h"

struct ibid_sentence_splitter {
  UBreakIterator *iterator;
  int icu_only;                   /* ibid_split_sentences_icu: every block through ICU */
  int ascii_slow;                 /* an ASCII byte of a class the rules do not read (none) */
  unsigned char ascii_class[128]; /* Sentence_Break of each ASCII byte (line breaks: Sp) */
  UChar *units;                   /* the current block in UTF-16 */
  size_t units_capacity;
  size_t *boundaries; /* candidate boundaries of the current block (byte offsets) */
  size_t boundary_count, boundary_capacity;
  size_t *markers; /* pairs (terminal offset, offset after the note marker) */
  size_t marker_count, marker_capacity;
};

/* The growing list of sentences found so far. */
typedef struct sentence_list {
  ibid_sentence *items;
  size_t count, capacity;
} sentence_list;

/* ----- UAX #29 sentence classes -------------------------------------------- */

/* The Sentence_Break classes the rules below read (ICU's U_SB_* values); a
** code point of any other class (Extend, Format, Sep) sends its block to ICU. */
enum { SB_SLOW = 255 };

/* The Sentence_Break class of c as the block ICU splits sees it: line breaks
** (\n \r \v \f U+0085) are spaces there (icu_boundaries). */
static unsigned char sentence_class(uint32_t c) {
  if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85) return U_SB_SP;
  int value = u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
  switch (value) {
    case U_SB_OTHER:
    case U_SB_ATERM:
    case U_SB_CLOSE:
    case U_SB_LOWER:
    case U_SB_NUMERIC:
    case U_SB_OLETTER:
    case U_SB_SP:
    case U_SB_STERM:
    case U_SB_UPPER:
    case U_SB_SCONTINUE:
      return (unsigned char)value;
    default:
      return SB_SLOW;
  }
}

ibid_sentence_splitter *ibid_sentence_splitter_new(void) {
  ibid_sentence_splitter *splitter = ibid_malloc(sizeof(*splitter));
  if (!splitter) return 0;
  memset(splitter, 0, sizeof(*splitter));
  UErrorCode status = U_ZERO_ERROR;
  splitter->iterator = ubrk_open(UBRK_SENTENCE, "en", 0, 0, &status);
  if (U_FAILURE(status)) {
    ibid_sentence_splitter_free(splitter);
    return 0;
  }
  for (uint32_t c = 0; c < 128; c++) {
    splitter->ascii_class[c] = sentence_class(c);
    if (splitter->ascii_class[c] == SB_SLOW)
      splitter->ascii_slow = 1; /* rule_boundaries skips ASCII */
  }
  return splitter;
}

void ibid_sentence_splitter_free(ibid_sentence_splitter *splitter) {
  if (!splitter) return;
  if (splitter->iterator) ubrk_close(splitter->iterator);
  ibid_free(splitter->units);
  ibid_free(splitter->boundaries);
  ibid_free(splitter->markers);
  ibid_free(splitter);
}

/* Appends value to a growable array of size_t. */
static int push_offset(size_t **array, size_t *count, size_t *capacity, size_t value) {
  if (*count == *capacity) {
    size_t grown_capacity = *capacity ? *capacity * 2 : 64;
    size_t *grown = ibid_realloc(*array, grown_capacity * sizeof(size_t));
    if (!grown) return -1;
    *array = grown;
    *capacity = grown_capacity;
  }
  (*array)[(*count)++] = value;
  return 0;
}

/* ----- characters ------------------------------------------------------- */

static int is_space_codepoint(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x85 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

/* Closing quotes and brackets that may stand between a period and a marker. */
static int is_closer(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A;
}

static int is_opener(uint32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB ||
         c == 0x2039;
}

/* Value of a superscript digit, or -1. */
static int superscript_digit(uint32_t c) {
  if (c == 0xB9) return 1;
  if (c == 0xB2) return 2;
  if (c == 0xB3) return 3;
  if (c == 0x2070) return 0;
  if (c >= 0x2074 && c <= 0x2079) return (int)(c - 0x2070);
  return -1;
}

static size_t skip_spaces(const char *text, size_t offset, size_t end) {
  while (offset < end) {
    unsigned char b = (unsigned char)text[offset];
    if (b < 0x80) { /* ASCII: no decoding */
      if (b != ' ' && (b < 0x09 || b > 0x0D)) break;
      offset++;
      continue;
    }
    uint32_t c;
    size_t n = ibid_utf8_decode(text, end, offset, &c);
    if (!is_space_codepoint(c)) break;
    offset += n;
  }
  return offset;
}

static size_t skip_spaces_back(const char *text, size_t offset, size_t start) {
  while (offset > start) {
    unsigned char b = (unsigned char)text[offset - 1];
    if (b < 0x80) { /* ASCII: no decoding */
      if (b != ' ' && (b < 0x09 || b > 0x0D)) break;
      offset--;
      continue;
    }
    uint32_t c;
    size_t n = ibid_utf8_decode_before(text, offset, &c);
    if (!is_space_codepoint(c)) break;
    offset -= n;
  }
  return offset;
}

/* Whether the text at offset (after spaces and opening quotes) starts with a
** capital letter. */
static int starts_upper(const char *text, size_t offset, size_t end) {
  offset = skip_spaces(text, offset, end);
  while (offset < end) {
    uint32_t c;
    offset += ibid_utf8_decode(text, end, offset, &c);
    if (is_opener(c)) continue;
    return u_isupper((UChar32)c) || u_istitle((UChar32)c);
  }
  return 0;
}

/* Whether a new sentence plainly starts at offset: a capital letter, or a
** note number of 1-3 digits followed by a capital ("Ibid. 3 Smith, ..."). */
static int starts_sentence(const char *text, size_t offset, size_t end) {
  offset = skip_spaces(text, offset, end);
  size_t digits = 0;
  while (digits < 4 && offset + digits < end && text[offset + digits] >= '0' &&
         text[offset + digits] <= '9')
    digits++;
  if (digits >= 1 && digits <= 3 && offset + digits < end && text[offset + digits] == ' ')
    return starts_upper(text, offset + digits, end);
  return starts_upper(text, offset, end);
}

/* Start of the run of letters and periods that ends at `end`, looking back at
** most 64 bytes: no abbreviation is longer, and the bound keeps the cost per
** boundary constant on pathological text ("a.a.a.a..."). */
static size_t word_start(const char *text, size_t end, size_t start) {
  size_t floor = end - start > 64 ? end - 64 : start;
  while (end > floor) {
    unsigned char b = (unsigned char)text[end - 1];
    if (b < 0x80) { /* ASCII: no decoding */
      if (b != '.' && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) break;
      end--;
      continue;
    }
    uint32_t c;
    size_t n = ibid_utf8_decode_before(text, end, &c);
    if (c != '.' && !u_isalpha((UChar32)c)) break;
    end -= n;
  }
  return end;
}

/* ----- abbreviations ------------------------------------------------------ */

/* Each list below is sorted by length, then by bytes (in_list halves it). */
#define WORD(literal) IBID_SIZED_WORD(literal)

/* Never end a sentence: they announce a number, a name or a quotation. */
static const ibid_sized_word always_abbreviations[] = {
    WORD("c"),     WORD("n"),      WORD("p"),      WORD("s"),    WORD("v"),    WORD("Cf"),
    WORD("Ch"),    WORD("Dr"),     WORD("Lt"),     WORD("Mr"),   WORD("Ms"),   WORD("No"),
    WORD("Nr"),    WORD("Pt"),     WORD("Sr"),     WORD("St"),   WORD("ca"),   WORD("cf"),
    WORD("ch"),    WORD("cl"),     WORD("eq"),     WORD("fn"),   WORD("nn"),   WORD("no"),
    WORD("nr"),    WORD("op"),     WORD("pp"),     WORD("pt"),   WORD("ss"),   WORD("vs"),
    WORD("Amb"),   WORD("Art"),    WORD("Cmd"),    WORD("Col"),  WORD("Doc"),  WORD("Fig"),
    WORD("Gen"),   WORD("Gov"),    WORD("Hon"),    WORD("Jur"),  WORD("Mme"),  WORD("Mrs"),
    WORD("Nos"),   WORD("Ord"),    WORD("Rep"),    WORD("Res"),  WORD("Rev"),  WORD("Sch"),
    WORD("Sec"),   WORD("Sen"),    WORD("Sgt"),    WORD("Vol"),  WORD("art"),  WORD("esp"),
    WORD("fig"),   WORD("fns"),    WORD("loc"),    WORD("nos"),  WORD("sch"),  WORD("sec"),
    WORD("viz"),   WORD("vol"),    WORD("Arts"),   WORD("Capt"), WORD("Chap"), WORD("Cmnd"),
    WORD("Dept"),  WORD("Exec"),   WORD("Figs"),   WORD("Govt"), WORD("Intl"), WORD("Para"),
    WORD("Pres"),  WORD("Prof"),   WORD("Sess"),   WORD("Supp"), WORD("Vols"), WORD("arts"),
    WORD("chap"),  WORD("figs"),   WORD("incl"),   WORD("para"), WORD("vols"), WORD("Paras"),
    WORD("paras"), WORD("Assemb"), WORD("approx"),
};

/* End a sentence only when a capital letter follows. */
static const ibid_sized_word conditional_abbreviations[] = {
    WORD("Co"),   WORD("Id"),   WORD("Jr"),   WORD("ed"),    WORD("id"),   WORD("Apr"),
    WORD("Aug"),  WORD("Dec"),  WORD("Feb"),  WORD("Inc"),   WORD("Jan"),  WORD("Jul"),
    WORD("Jun"),  WORD("Ltd"),  WORD("Mar"),  WORD("Nov"),   WORD("Oct"),  WORD("Sep"),
    WORD("edn"),  WORD("eds"),  WORD("etc"),  WORD("Bros"),  WORD("Corp"), WORD("Ibid"),
    WORD("Sept"), WORD("ibid"), WORD("repr"), WORD("trans"),
};

/* Is word one of the list's? The lists are sorted by length, then by bytes:
** the search halves the list at each step. */
static int in_list(const char *word, size_t length, const ibid_sized_word *list, size_t count) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    int order = list[middle].length < length   ? -1
                : list[middle].length > length ? 1
                                               : memcmp(list[middle].bytes, word, length);
    if (order == 0) return 1;
    if (order < 0)
      low = middle + 1;
    else
      high = middle;
  }
  return 0;
}

/* "e.g", "i.e", "U.S", "U.N", "Ph.D": two or more parts of one or two letters. */
static int is_dotted_abbreviation(const char *word, size_t length) {
  size_t parts = 0, letters = 0;
  for (size_t i = 0; i <= length; i++) {
    if (i == length || word[i] == '.') {
      if (letters < 1 || letters > 2) return 0;
      parts++;
      letters = 0;
    } else if ((word[i] & 0xC0) != 0x80) {
      letters++; /* count code points, not bytes */
    }
  }
  return parts >= 2;
}

int ibid_sentence_abbreviation(const char *word, size_t length, const char *previous_word,
                               size_t previous_length, int next_is_upper) {
  if (length == 0) return 0;
  if (memchr(word, '.', length)) {
    /* "5 p.m. The" ends a sentence; "U.S. Senate", "i.e. Sudan" do not. */
    int clock =
        length == 3 && (word[0] == 'a' || word[0] == 'p') && word[1] == '.' && word[2] == 'm';
    if (clock) return !next_is_upper;
    return is_dotted_abbreviation(word, length);
  }
  uint32_t first;
  size_t first_length = ibid_utf8_decode(word, length, 0, &first);
  /* A lone capital is an initial: "John F. Kennedy", "W. E. B. Du Bois". */
  if (first_length == length && (u_isupper((UChar32)first) || u_istitle((UChar32)first))) return 1;
  size_t always_count = sizeof(always_abbreviations) / sizeof(always_abbreviations[0]);
  if (in_list(word, length, always_abbreviations, always_count)) return 1;
  int conditional = 0;
  size_t conditional_count =
      sizeof(conditional_abbreviations) / sizeof(conditional_abbreviations[0]);
  if (in_list(word, length, conditional_abbreviations, conditional_count)) conditional = 1;
  if (length == 2 && memcmp(word, "al", 2) == 0 && previous_length == 2 &&
      memcmp(previous_word, "et", 2) == 0)
    conditional = 1; /* et al. */
  if (length == 3 && memcmp(word, "cit", 3) == 0 && previous_length >= 2 &&
      (memcmp(previous_word, "op", 2) == 0 || memcmp(previous_word, "loc", 2) == 0))
    conditional = 1; /* op. cit., loc. cit. */
  return conditional && !next_is_upper;
}

/* A capitalized word of at most six letters ("Wash", "Am", "Int"). */
static int is_short_capitalized(const char *word, size_t length) {
  if (length == 0 || length > 6 || !(word[0] >= 'A' && word[0] <= 'Z')) return 0;
  for (size_t i = 1; i < length; i++)
    if (!(word[i] >= 'a' && word[i] <= 'z')) return 0;
  return 1;
}

/* Whether the text at offset starts with a capital initial ("U.", "J.")
** followed by a space and a capital or a digit: in citations of law reviews
** and reports ("84 Wash. U. L. Rev. 777", "93 Am. J. Int'l L. 12")
** abbreviated words follow each other, while a new sentence rarely opens so. */
static int abbreviation_follows(const char *text, size_t offset, size_t end) {
  if (offset + 3 >= end || !(text[offset] >= 'A' && text[offset] <= 'Z')) return 0;
  if (text[offset + 1] != '.' || text[offset + 2] != ' ') return 0;
  char next = text[offset + 3];
  return (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9');
}

/* Whether the boundary at `offset` (start of the next sentence) follows an
** abbreviation, so that it is no sentence end. */
static int follows_abbreviation(const char *text, size_t block_start, size_t block_end,
                                size_t offset) {
  size_t end = skip_spaces_back(text, offset, block_start);
  if (end == block_start) return 0;
  uint32_t last;
  ibid_utf8_decode_before(text, end, &last);
  /* "Rpt.(": no sentence ends on an opening bracket or curly quote (straight
  ** quotes open and close alike, so they tell nothing). */
  if (is_opener(last) && last != '"' && last != '\'') return 1;
  if (text[end - 1] != '.') return 0;
  size_t word_end = end - 1;
  size_t start = word_start(text, word_end, block_start);
  /* "www.example.org." or "1.5." are not abbreviations: only letters may
  ** stand before the word. */
  if (start > block_start) {
    uint32_t c;
    ibid_utf8_decode_before(text, start, &c);
    if (!is_space_codepoint(c) && !is_opener(c) && c != ',' && c != ';' && c != ':') return 0;
  }
  if (abbreviation_follows(text, offset, block_end) &&
      is_short_capitalized(text + start, word_end - start))
    return 1; /* "84 Wash. U. L. Rev. 777": a run of abbreviated words in a citation */
  size_t previous_end = skip_spaces_back(text, start, block_start);
  if (previous_end > block_start && text[previous_end - 1] == '.') previous_end--;
  size_t previous_start = word_start(text, previous_end, block_start);
  return ibid_sentence_abbreviation(text + start, word_end - start, text + previous_start,
                                    previous_end - previous_start,
                                    starts_sentence(text, offset, block_end));
}

/* Whether the boundary at `offset` follows a ? or ! inside a quoted title
** that the citation goes on after ("‘Diplomats or defendants? Defining the
** future’, Duke Law Journal"): an opening quote earlier in the sentence, and a
** closing quote soon after that is followed by , : ; or ). Both scans are
** bounded, so the cost per boundary is constant. */
static int inside_quoted_title(const char *text, size_t sentence_start, size_t block_end,
                               size_t offset) {
  enum { REACH = 400 };
  size_t end = skip_spaces_back(text, offset, sentence_start);
  if (end == sentence_start || (text[end - 1] != '?' && text[end - 1] != '!')) return 0;
  size_t floor = end - sentence_start > REACH ? end - REACH : sentence_start;
  int open = 0;
  for (size_t i = end; i > floor;) {
    uint32_t c;
    i -= ibid_utf8_decode_before(text, i, &c);
    if (c == 0x2018 || c == 0x201C) {
      open = 1;
      break;
    }
    if (c == 0x201D) break; /* a closed quotation: we are not inside one */
  }
  if (!open) return 0;
  size_t limit = block_end - offset > REACH ? offset + REACH : block_end;
  for (size_t i = offset; i < limit;) {
    uint32_t c;
    i += ibid_utf8_decode(text, block_end, i, &c);
    if (c == 0x2018 || c == 0x201C) return 0;
    if (c == 0x2019 && i < limit && u_isalpha((UChar32)(unsigned char)text[i])) continue;
    if ((c == 0x2019 || c == 0x201D) && i < limit)
      return text[i] == ',' || text[i] == ':' || text[i] == ';' || text[i] == ')';
  }
  return 0;
}

/* ----- note markers ------------------------------------------------------- */

/* If a note marker follows the terminal punctuation at text[terminal] and a
** new sentence starts after it, returns the offset just after the marker;
** else 0. */
static size_t note_marker_end(const char *text, size_t block_start, size_t block_end,
                              size_t terminal) {
  size_t offset = terminal + 1;
  uint32_t c = 0;
  int closers = 0;
  while (offset < block_end) {
    size_t n = ibid_utf8_decode(text, block_end, offset, &c);
    if (!is_closer(c)) break;
    offset += n;
    closers++;
  }
  int bracket = offset < block_end && text[offset] == '[';
  if (bracket) offset++;
  int digits = 0, ascii = 1;
  while (offset < block_end && digits <= 3) {
    size_t n = ibid_utf8_decode(text, block_end, offset, &c);
    if (superscript_digit(c) >= 0) {
      ascii = 0;
    } else if (!(c >= '0' && c <= '9')) {
      break;
    }
    offset += n;
    digits++;
  }
  if (digits < 1 || digits > 3) return 0;
  if (bracket) {
    if (offset >= block_end || text[offset] != ']') return 0;
    offset++;
  }
  if (ascii && !bracket && !closers && text[terminal] == '.') {
    /* "UN.5 The": plain digits right after a period are a marker only after
    ** a real word; "3.5", "No.5", "U.S.2" are not. */
    size_t start = word_start(text, terminal, block_start);
    size_t letters = terminal - start;
    if (letters < 2 || memchr(text + start, '.', letters)) return 0;
    if (ibid_sentence_abbreviation(text + start, letters, "", 0, 1)) return 0;
  }
  if (offset == block_end) return offset;
  ibid_utf8_decode(text, block_end, offset, &c);
  if (!is_space_codepoint(c)) return 0;
  return starts_upper(text, offset, block_end) ? offset : 0;
}

static int find_note_markers(ibid_sentence_splitter *splitter, const char *text, size_t block_start,
                             size_t block_end) {
  splitter->marker_count = 0;
  for (size_t i = block_start; i < block_end; i++) {
#ifdef __SSE2__
    for (; i + 16 <= block_end; i += 16) { /* sixteen bytes at a time (scan.h) */
      unsigned stop = ibid_scan16_terminal(ibid_scan16_load(text + i));
      if (stop) {
        i += (size_t)__builtin_ctz(stop);
        break;
      }
    }
#endif
    for (; i + 8 <= block_end; i += 8) { /* to the next . ! or ? (scan.h) */
      uint64_t eight = ibid_scan_load(text + i);
      uint64_t stop =
          ibid_scan_eq(eight, '.') | ibid_scan_eq(eight, '!') | ibid_scan_eq(eight, '?');
      if (stop) {
        i += ibid_scan_first(stop);
        break;
      }
    }
    if (i >= block_end) break;
    if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
    size_t end = note_marker_end(text, block_start, block_end, i);
    if (!end) continue;
    if (push_offset(&splitter->markers, &splitter->marker_count, &splitter->marker_capacity, i) ||
        push_offset(&splitter->markers, &splitter->marker_count, &splitter->marker_capacity, end))
      return -1;
  }
  return 0;
}

/* ----- splitting one block ------------------------------------------------ */

/* Decodes the code point at text[offset] if it is well-formed UTF-8 (what
** ICU is handed otherwise differs: ibid_utf8_to_utf16 makes each bad byte a
** U+FFFD); returns its length, or 0. */
static size_t decode_strict(const char *text, size_t end, size_t offset, uint32_t *codepoint) {
  const unsigned char *s = (const unsigned char *)text + offset;
  size_t available = end - offset, need;
  uint32_t value, minimum;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    need = 2, value = s[0] & 0x1Fu, minimum = 0x80;
  } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    need = 3, value = s[0] & 0x0Fu, minimum = 0x800;
  } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    need = 4, value = s[0] & 0x07u, minimum = 0x10000;
  } else {
    return 0;
  }
  if (available < need) return 0;
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    value = (value << 6) | (s[i] & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *codepoint = value;
  return need;
}

static int is_term_class(unsigned char k) {
  return k == U_SB_ATERM || k == U_SB_STERM;
}

/* The class of the code point at text[*offset] (advanced past it), or
** SB_SLOW for one the rules do not read or a byte sequence that is not
** well-formed UTF-8. */
static unsigned char class_at(const ibid_sentence_splitter *splitter, const char *text, size_t end,
                              size_t *offset) {
  unsigned char b = (unsigned char)text[*offset];
  if (b < 0x80) {
    (*offset)++;
    return splitter->ascii_class[b];
  }
  uint32_t c;
  size_t bytes = decode_strict(text, end, *offset, &c);
  if (!bytes) return SB_SLOW;
  *offset += bytes;
  return sentence_class(c);
}

/* UAX #29's sentence boundaries inside the block, computed here without ICU
** when every code point's class is one the rules below read (no Extend,
** Format or paragraph separator: SB3-SB5 never apply) -- the same boundaries
** as ICU's iterator gives (tests/unit/test_sentences.c compares both on
** random text). A boundary may stand only after SATerm Close* Sp*:
**   SB6  ATerm x Numeric
**   SB7  (Upper | Lower) ATerm x Upper
**   SB8  ATerm Close* Sp* x (not OLetter Upper Lower SATerm)* Lower
**   SB8a SATerm Close* Sp* x (SContinue | SATerm)
**   SB9  SATerm Close* x (Close | Sp)
**   SB10 SATerm Close* Sp* x Sp
**   SB11 SATerm Close* Sp* (break)
** So only the terminals are looked at, and the few code points around each:
** the scan skips ASCII bytes other than . ! ? eight at a time, and stops at
** every non-ASCII code point to check its class. Each terminal's run
** (Close* Sp*) ends before the next terminal, and the SB8 look-ahead stops
** at a letter or terminal, so the whole is linear. Returns 0 with the
** boundaries in splitter->boundaries, 1 when the block needs ICU, -1 when
** out of memory. */
static int rule_boundaries(ibid_sentence_splitter *splitter, const char *text, size_t block_start,
                           size_t block_end) {
  size_t p = block_start;
  while (p < block_end) {
#ifdef __SSE2__
    for (; p + 16 <= block_end; p += 16) { /* sixteen bytes at a time (scan.h) */
      __m128i v = ibid_scan16_load(text + p);
      unsigned stop = ibid_scan16_terminal(v) | ibid_scan16_high(v);
      if (stop) {
        p += (size_t)__builtin_ctz(stop);
        break;
      }
    }
#endif
    for (; p + 8 <= block_end; p += 8) { /* to the next . ! ? or non-ASCII byte (scan.h) */
      uint64_t eight = ibid_scan_load(text + p);
      uint64_t stop = ibid_scan_eq(eight, '.') | ibid_scan_eq(eight, '!') |
                      ibid_scan_eq(eight, '?') | (eight & IBID_SCAN_HIGH);
      if (stop) {
        p += ibid_scan_first(stop);
        break;
      }
    }
    while (p < block_end && text[p] != '.' && text[p] != '!' && text[p] != '?' &&
           (unsigned char)text[p] < 0x80)
      p++;
    if (p >= block_end) break;
    size_t term_start = p;
    unsigned char term = class_at(splitter, text, block_end, &p);
    if (term == SB_SLOW) return 1;
    if (!is_term_class(term)) continue; /* a non-ASCII code point of another class */
    /* the run Close* Sp* after the terminal */
    size_t r = p, next = p;
    int phase = 0; /* 0 right after the terminal, 1 in its closers, 2 in its spaces */
    unsigned char k = 0;
    while (r < block_end) {
      next = r;
      k = class_at(splitter, text, block_end, &next);
      if (k == SB_SLOW) return 1;
      if (k == U_SB_CLOSE && phase <= 1) {
        phase = 1;
      } else if (k == U_SB_SP) {
        phase = 2;
      } else {
        break;
      }
      r = next;
    }
    if (r >= block_end) continue; /* no boundary at the block's end */
    int keep = 0;
    if (k == U_SB_SCONTINUE || is_term_class(k)) {
      keep = 1; /* SB8a */
    } else if (term == U_SB_ATERM) {
      unsigned char before = 0;
      if (phase == 0 && term_start > block_start) {
        uint32_t c;
        size_t at = term_start - ibid_utf8_decode_before(text, term_start, &c);
        before = class_at(splitter, text, block_end, &at);
        if (before == SB_SLOW) return 1;
      }
      if (phase == 0 && k == U_SB_NUMERIC) {
        keep = 1; /* SB6 */
      } else if (phase == 0 && k == U_SB_UPPER && (before == U_SB_UPPER || before == U_SB_LOWER)) {
        keep = 1; /* SB7 */
      } else {    /* SB8 */
        size_t j = r;
        unsigned char l = k;
        while (l != U_SB_OLETTER && l != U_SB_UPPER && l != U_SB_LOWER && !is_term_class(l)) {
          j = next;
          if (j >= block_end) break;
          l = class_at(splitter, text, block_end, &next);
          if (l == SB_SLOW) return 1;
        }
        keep = j < block_end && l == U_SB_LOWER;
      }
    }
    if (!keep && push_offset(&splitter->boundaries, &splitter->boundary_count,
                             &splitter->boundary_capacity, r))
      return -1;
  }
  return 0;
}

/* ICU's boundaries inside the block, as byte offsets, into splitter->boundaries. */
static int icu_boundaries(ibid_sentence_splitter *splitter, const char *text, size_t block_start,
                          size_t block_end) {
  size_t length = block_end - block_start;
  splitter->boundary_count = 0;
  if (length > INT32_MAX) return -2;
  /* ICU breaks only after a terminal (. ! ? and their non-ASCII forms) or a
  ** paragraph separator: an ASCII block with no . ! ? has no boundary inside,
  ** and the (per-character) iteration is skipped. */
  size_t scan = 0;
#ifdef __SSE2__
  for (; scan + 16 <= length; scan += 16) { /* sixteen bytes at a time (scan.h) */
    __m128i v = ibid_scan16_load(text + block_start + scan);
    unsigned stop = ibid_scan16_terminal(v) | ibid_scan16_high(v);
    if (stop) {
      scan += (size_t)__builtin_ctz(stop);
      break;
    }
  }
#endif
  while (scan < length) {
    unsigned char c = (unsigned char)text[block_start + scan];
    if (c >= 0x80 || c == '.' || c == '!' || c == '?') break;
    scan++;
  }
  if (scan == length) return 0;
  if (!splitter->icu_only && !splitter->ascii_slow) {
    int rc = rule_boundaries(splitter, text, block_start, block_end);
    if (rc <= 0) return rc;
    splitter->boundary_count = 0; /* a class the rules do not read: ICU splits the block */
  }
  if (length > splitter->units_capacity) {
    UChar *grown = ibid_realloc(splitter->units, length * sizeof(UChar));
    if (!grown) return -1;
    splitter->units = grown;
    splitter->units_capacity = length;
  }
  size_t count = ibid_utf8_to_utf16(text + block_start, length, splitter->units);
  /* Line breaks inside a block are line wrapping, not paragraph ends. */
  for (size_t i = 0; i < count; i++) {
    UChar c = splitter->units[i];
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85) splitter->units[i] = ' ';
  }
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(splitter->iterator, splitter->units, (int32_t)count, &status);
  if (U_FAILURE(status)) return -2;
  ibid_utf16_cursor cursor;
  ibid_utf16_cursor_init(&cursor, text + block_start, length);
  int rc = 0;
  for (int32_t next = ubrk_next(splitter->iterator); next != UBRK_DONE && rc == 0;
       next = ubrk_next(splitter->iterator)) {
    if ((size_t)next >= count) break;
    size_t offset = block_start + ibid_utf16_cursor_seek(&cursor, (size_t)next);
    rc = push_offset(&splitter->boundaries, &splitter->boundary_count, &splitter->boundary_capacity,
                     offset);
  }
  return rc; /* the iterator lets go of the units when the split ends (ibid_split_sentences) */
}

static int add_sentence(sentence_list *list, const char *text, size_t block, size_t start,
                        size_t end) {
  start = skip_spaces(text, start, end);
  end = skip_spaces_back(text, end, start);
  if (end <= start) return 0;
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 64;
    ibid_sentence *grown = ibid_realloc(list->items, capacity * sizeof(ibid_sentence));
    if (!grown) return -1;
    list->items = grown;
    list->capacity = capacity;
  }
  ibid_sentence sentence = {.block = block, .start = start, .length = end - start};
  list->items[list->count++] = sentence;
  return 0;
}

/* Whether ICU boundary `offset` falls strictly inside a note marker, moving
** *marker (index of the next marker pair) forward as offsets increase. */
static int inside_marker(const ibid_sentence_splitter *splitter, size_t *marker, size_t offset) {
  while (*marker < splitter->marker_count && splitter->markers[*marker + 1] <= offset) *marker += 2;
  return *marker < splitter->marker_count && splitter->markers[*marker] < offset &&
         offset < splitter->markers[*marker + 1];
}

static int split_block(ibid_sentence_splitter *splitter, const char *text, size_t block_number,
                       size_t block_start, size_t block_end, sentence_list *list) {
  int rc = icu_boundaries(splitter, text, block_start, block_end);
  if (rc == 0) rc = find_note_markers(splitter, text, block_start, block_end);
  if (rc) return rc;
  size_t sentence_start = block_start;
  size_t icu = 0, marker = 0, marker_scan = 0;
  /* Merge ICU boundaries and marker ends, both ascending. */
  while (icu < splitter->boundary_count || marker < splitter->marker_count) {
    size_t offset;
    int from_marker;
    if (marker < splitter->marker_count &&
        (icu >= splitter->boundary_count ||
         splitter->markers[marker + 1] <= splitter->boundaries[icu])) {
      offset = splitter->markers[marker + 1];
      from_marker = 1;
      marker += 2;
    } else {
      offset = splitter->boundaries[icu++];
      from_marker = 0;
    }
    if (offset <= sentence_start) continue;
    if (!from_marker && inside_marker(splitter, &marker_scan, offset)) continue;
    if (!from_marker && (follows_abbreviation(text, block_start, block_end, offset) ||
                         inside_quoted_title(text, sentence_start, block_end, offset)))
      continue;
    if (add_sentence(list, text, block_number, sentence_start, offset)) return -1;
    sentence_start = offset;
  }
  return add_sentence(list, text, block_number, sentence_start, block_end);
}

int ibid_split_sentences(ibid_sentence_splitter *splitter, const char *text, size_t length,
                         ibid_sentence **sentences, size_t *count) {
  return ibid_split_sentences_progress(splitter, text, length, NULL, sentences, count);
}

int ibid_split_sentences_icu(ibid_sentence_splitter *splitter, const char *text, size_t length,
                             ibid_sentence **sentences, size_t *count) {
  splitter->icu_only = 1;
  int rc = ibid_split_sentences_progress(splitter, text, length, NULL, sentences, count);
  splitter->icu_only = 0;
  return rc;
}

int ibid_split_sentences_progress(ibid_sentence_splitter *splitter, const char *text, size_t length,
                                  ibid_progress *progress, ibid_sentence **sentences,
                                  size_t *count) {
  ibid_block *blocks = 0;
  size_t block_count = 0;
  *sentences = 0;
  *count = 0;
  if (ibid_find_blocks(text, length, &blocks, &block_count)) return -1;
  int rc = ibid_split_sentences_in_blocks(splitter, text, length, blocks, block_count, progress,
                                          sentences, count);
  ibid_free(blocks);
  return rc;
}

int ibid_split_sentences_in_blocks(ibid_sentence_splitter *splitter, const char *text,
                                   size_t length, const ibid_block *blocks, size_t block_count,
                                   ibid_progress *progress, ibid_sentence **sentences,
                                   size_t *count) {
  *sentences = 0;
  *count = 0;
  sentence_list list = {0};
  int rc = 0;
  for (size_t i = 0; i < block_count && rc == 0; i++) {
    size_t start = blocks[i].start, end = blocks[i].start + blocks[i].length;
    if (end > length || start > end) continue; /* defensive: blocks must lie in the text */
    if (ibid_progress_step(progress, end - start + 1)) rc = 1; /* each block's bytes */
    if (rc == 0) rc = split_block(splitter, text, i + 1, start, end, &list);
  }
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(splitter->iterator, 0, 0, &status);
  if (rc) {
    ibid_free(list.items);
    return rc;
  }
  *sentences = list.items;
  *count = list.count;
  return 0;
}
