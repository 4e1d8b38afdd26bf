/*
** words.c -- words of a text for full-text search (see words.h).
**
** HOW IT WORKS: the words are those of ICU's UBRK_WORD iterator: segments
** whose rule status is below UBRK_WORD_NONE_LIMIT (spaces, punctuation) are
** skipped. The text is read as runs between ASCII white space; a run of
** ASCII only (most of them) is cut by ICU's root word rules restated for
** ASCII (emit_ascii_run), without ICU, and its pieces take their byte
** offsets straight from the text. Only a run with another character goes to
** the iterator, from the last boundary at or before it: the text is then
** converted once to UTF-16 (ICU's encoding) by our own decoder, so that
** invalid bytes and offsets are handled the same way in both directions.
** ibid_tokenize_words_icu runs the iterator over everything (the reference
** the unit test and fuzz_words compare against).
** A segment is cut at apostrophes, because UAX #29 glues "d’Ivoire" into one
** word and then 'ivoire' alone would never match. Each piece is normalized
** NFKD, case-folded, stripped of combining diacritics (only the blocks used by
** Latin, Greek and Cyrillic accents: removing every nonspacing mark would
** destroy the vowel signs of Indic scripts), recomposed NFC and converted
** back to UTF-8. Pure-ASCII pieces, the vast majority, skip ICU and are just
** lower-cased. Segment ends come in ascending order, so a cursor walking
** UTF-8 and UTF-16 in step turns them into byte offsets in linear time.
*/
#include "words.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "memory.h"

/* ----- UTF-8 decoding that tolerates bad bytes ---------------------------- */

/* Decodes one code point at text[offset]; an invalid or truncated sequence is
** U+FFFD of length 1, so every byte belongs to exactly one code point. */
static size_t decode_lenient(const char *text, size_t length, size_t offset, uint32_t *codepoint) {
  const unsigned char *s = (const unsigned char *)text + offset;
  size_t available = length - offset;
  unsigned char lead = s[0];
  size_t need;
  uint32_t value, minimum;
  if (lead < 0x80) {
    *codepoint = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2, value = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3, value = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    *codepoint = 0xFFFD;
    return 1;
  }
  if (available < need) {
    *codepoint = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *codepoint = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (s[i] & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *codepoint = 0xFFFD;
    return 1;
  }
  *codepoint = value;
  return need;
}

size_t ibid_utf8_to_utf16(const char *text, size_t length, UChar *out) {
  const unsigned char *bytes = (const unsigned char *)text;
  size_t units = 0;
  for (size_t i = 0; i < length;) {
    if (bytes[i] < 0x80) { /* ASCII, eight bytes at a time when it lasts */
      uint64_t word;
      while (i + 8 <= length && (memcpy(&word, bytes + i, 8), !(word & 0x8080808080808080ULL))) {
        for (size_t k = 0; k < 8; k++) out[units + k] = bytes[i + k];
        units += 8;
        i += 8;
      }
      if (i < length && bytes[i] < 0x80) out[units++] = bytes[i++];
      continue;
    }
    uint32_t codepoint;
    i += decode_lenient(text, length, i, &codepoint);
    if (codepoint >= 0x10000) {
      out[units++] = (UChar)(0xD800 + ((codepoint - 0x10000) >> 10));
      out[units++] = (UChar)(0xDC00 + ((codepoint - 0x10000) & 0x3FF));
    } else {
      out[units++] = (UChar)codepoint;
    }
  }
  return units;
}

void ibid_utf16_cursor_init(ibid_utf16_cursor *cursor, const char *text, size_t length) {
  cursor->text = text;
  cursor->length = length;
  cursor->byte = 0;
  cursor->unit = 0;
}

size_t ibid_utf16_cursor_seek(ibid_utf16_cursor *cursor, size_t unit) {
  if (unit < cursor->unit) cursor->byte = cursor->unit = 0;
  while (cursor->unit < unit && cursor->byte < cursor->length) {
    if ((unsigned char)cursor->text[cursor->byte] < 0x80) {
      cursor->byte++;
      cursor->unit++;
      continue;
    }
    uint32_t codepoint;
    cursor->byte += decode_lenient(cursor->text, cursor->length, cursor->byte, &codepoint);
    cursor->unit += codepoint >= 0x10000 ? 2 : 1;
  }
  return cursor->byte;
}

/* ----- the tokenizer ------------------------------------------------------ */

/* What the runs without ICU know of a character of the table: the Latin-1
** Supplement, Latin Extended-A and -B, and the general punctuation (curly
** quotes, dashes), learned the first time the character is met. */
#define TABLE_LATIN_START 0xA0
#define TABLE_LATIN_END 0x250
#define TABLE_PUNCTUATION_START 0x2010
#define TABLE_PUNCTUATION_END 0x2070
#define TABLE_SIZE \
  ((TABLE_LATIN_END - TABLE_LATIN_START) + (TABLE_PUNCTUATION_END - TABLE_PUNCTUATION_START))
typedef struct words_char {
  unsigned char known;       /* learned (learn_char) */
  unsigned char klass;       /* WB_* */
  unsigned char fold_length; /* bytes of fold */
  char fold[5];              /* the character folded, when it can be inside a piece */
} words_char;

struct ibid_word_tokenizer {
  int keep_diacritics;
  unsigned char ascii_classes[128]; /* WB_* of each ASCII character */
  words_char table[TABLE_SIZE];
  UBreakIterator *iterator;
  const UNormalizer2 *decompose; /* NFKD: owned by ICU, never closed */
  const UNormalizer2 *compose;   /* NFC */
  UChar *units;                  /* the text in UTF-16 */
  size_t units_capacity;
  UChar *scratch[2]; /* ping-pong buffers for folding one piece */
  int32_t scratch_capacity;
  char *word; /* the folded piece in UTF-8 */
  int32_t word_capacity;
};

static int ascii_class(unsigned char c);

ibid_word_tokenizer *ibid_word_tokenizer_new(int keep_diacritics) {
  ibid_word_tokenizer *tokenizer = ibid_malloc(sizeof(*tokenizer));
  if (!tokenizer) return 0;
  memset(tokenizer, 0, sizeof(*tokenizer));
  tokenizer->keep_diacritics = keep_diacritics;
  for (int c = 0; c < 128; c++)
    tokenizer->ascii_classes[c] = (unsigned char)ascii_class((unsigned char)c);
  UErrorCode status = U_ZERO_ERROR;
  tokenizer->iterator = ubrk_open(UBRK_WORD, "", 0, 0, &status);
  if (U_SUCCESS(status)) tokenizer->decompose = unorm2_getNFKDInstance(&status);
  if (U_SUCCESS(status)) tokenizer->compose = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) {
    ibid_word_tokenizer_free(tokenizer);
    return 0;
  }
  return tokenizer;
}

void ibid_word_tokenizer_free(ibid_word_tokenizer *tokenizer) {
  if (!tokenizer) return;
  if (tokenizer->iterator) ubrk_close(tokenizer->iterator);
  ibid_free(tokenizer->units);
  ibid_free(tokenizer->scratch[0]);
  ibid_free(tokenizer->scratch[1]);
  ibid_free(tokenizer->word);
  ibid_free(tokenizer);
}

/* Makes both scratch buffers hold at least `capacity` units. */
static int reserve_scratch(ibid_word_tokenizer *tokenizer, int32_t capacity) {
  if (capacity <= tokenizer->scratch_capacity) return 0;
  for (int i = 0; i < 2; i++) {
    UChar *grown = ibid_realloc(tokenizer->scratch[i], (size_t)capacity * sizeof(UChar));
    if (!grown) return -1;
    tokenizer->scratch[i] = grown;
  }
  tokenizer->scratch_capacity = capacity;
  return 0;
}

static int reserve_word(ibid_word_tokenizer *tokenizer, int32_t capacity) {
  if (capacity <= tokenizer->word_capacity) return 0;
  char *grown = ibid_realloc(tokenizer->word, (size_t)capacity);
  if (!grown) return -1;
  tokenizer->word = grown;
  tokenizer->word_capacity = capacity;
  return 0;
}

static int is_apostrophe(UChar c) {
  return c == 0x27 || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xFF07;
}

/* Combining marks that are accents on Latin, Greek or Cyrillic letters. */
static int is_diacritic(UChar c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

/* Lower-cases an ASCII piece straight into tokenizer->word. */
static int fold_ascii(ibid_word_tokenizer *tokenizer, const UChar *piece, int32_t length) {
  if (reserve_word(tokenizer, length + 1)) return -1;
  for (int32_t i = 0; i < length; i++) {
    UChar c = piece[i];
    tokenizer->word[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return length;
}

/* Runs one ICU step from `in` into tokenizer->scratch[target], growing the
** buffer once if ICU says it is too small. Returns the new length or -1/-2. */
enum { STEP_DECOMPOSE, STEP_FOLD, STEP_COMPOSE };
static int32_t fold_step(ibid_word_tokenizer *tokenizer, int step, const UChar *in, int32_t length,
                         int target) {
  for (int attempt = 0; attempt < 2; attempt++) {
    UErrorCode status = U_ZERO_ERROR;
    UChar *out = tokenizer->scratch[target];
    int32_t capacity = tokenizer->scratch_capacity;
    int32_t produced;
    if (step == STEP_FOLD) {
      produced = u_strFoldCase(out, capacity, in, length, U_FOLD_CASE_DEFAULT, &status);
    } else {
      const UNormalizer2 *normalizer =
          step == STEP_DECOMPOSE ? tokenizer->decompose : tokenizer->compose;
      produced = unorm2_normalize(normalizer, in, length, out, capacity, &status);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
      /* `in` may be the other scratch buffer: remember its index across the grow. */
      int source = in == tokenizer->scratch[0] ? 0 : in == tokenizer->scratch[1] ? 1 : -1;
      if (reserve_scratch(tokenizer, produced + 16)) return -1;
      if (source >= 0) in = tokenizer->scratch[source];
      continue;
    }
    if (U_FAILURE(status)) return -2;
    return produced;
  }
  return -2;
}

/* Folds one piece into tokenizer->word; returns its UTF-8 length or -1/-2. */
static int32_t fold_piece(ibid_word_tokenizer *tokenizer, const UChar *piece, int32_t length) {
  int ascii = 1;
  for (int32_t i = 0; i < length && ascii; i++) ascii = piece[i] < 0x80;
  if (ascii) return fold_ascii(tokenizer, piece, length);
  if (reserve_scratch(tokenizer, length * 2 + 16)) return -1; /* fold_step grows it if needed */
  int32_t n = fold_step(tokenizer, STEP_DECOMPOSE, piece, length, 0);
  if (n >= 0) n = fold_step(tokenizer, STEP_FOLD, tokenizer->scratch[0], n, 1);
  if (n < 0) return n;
  if (!tokenizer->keep_diacritics) {
    UChar *s = tokenizer->scratch[1];
    int32_t kept = 0;
    for (int32_t i = 0; i < n; i++)
      if (!is_diacritic(s[i])) s[kept++] = s[i];
    n = kept;
  }
  n = fold_step(tokenizer, STEP_COMPOSE, tokenizer->scratch[1], n, 0);
  if (n < 0) return n;
  for (int attempt = 0; attempt < 2; attempt++) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t produced = 0;
    u_strToUTF8(tokenizer->word, tokenizer->word_capacity, &produced, tokenizer->scratch[0], n,
                &status);
    if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
      if (reserve_word(tokenizer, produced + 1)) return -1;
      continue;
    }
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return -2;
    return produced;
  }
  return -2;
}

/* Emits the pieces of segment [first, last) of the UTF-16 text. */
static int emit_segment(ibid_word_tokenizer *tokenizer, ibid_utf16_cursor *cursor, int32_t first,
                        int32_t last, ibid_word_callback callback, void *context) {
  const UChar *units = tokenizer->units;
  int32_t piece_start = first;
  for (int32_t i = first; i <= last; i++) {
    if (i < last && !is_apostrophe(units[i])) continue;
    if (i > piece_start) {
      int32_t length = fold_piece(tokenizer, units + piece_start, i - piece_start);
      if (length < 0) return length;
      if (length == 0) { /* nothing left after folding: no token */
        piece_start = i + 1;
        continue;
      }
      size_t start = ibid_utf16_cursor_seek(cursor, (size_t)piece_start);
      size_t end = ibid_utf16_cursor_seek(cursor, (size_t)i);
      int rc = callback(context, tokenizer->word, (size_t)length, start, end);
      if (rc) return rc;
    }
    piece_start = i + 1;
  }
  return 0;
}

/* ----- runs without ICU --------------------------------------------------- */

/* Word-break classes under ICU's root rules (UAX #29 as CLDR tailors it: '@'
** is a letter, ':' is not MidLetter). WB_SLOW: a character these runs do not
** handle (it sends its run to the ICU iterator). */
enum {
  WB_OTHER,
  WB_LETTER,
  WB_NUMERIC,
  WB_EXTEND_NUM_LET,
  WB_MID_NUM_LET,
  WB_MID_NUM,
  WB_MID_LETTER,
  WB_SLOW
};

static int ascii_class(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return WB_LETTER;
  if (c >= '0' && c <= '9') return WB_NUMERIC;
  if (c == '_') return WB_EXTEND_NUM_LET;
  if (c == '.' || c == '\'') return WB_MID_NUM_LET; /* MidNumLet and Single_Quote alike */
  if (c == ',' || c == ';') return WB_MID_NUM;
  return WB_OTHER;
}

/* White space that ICU always breaks before and after when an ASCII
** non-space character is on the other side: CR, LF, VT, FF (WB3a, WB3b),
** space (WB3d joins spaces only) and tab (Other). */
static int is_ascii_space(unsigned char c) {
  /* one test: ' ', '\t', '\n', '\v', '\f', '\r' as bits of a mask */
  return c <= ' ' && ((1ULL << c) & ((1ULL << ' ') | (1ULL << '\t') | (1ULL << '\n') |
                                     (1ULL << '\v') | (1ULL << '\f') | (1ULL << '\r')));
}

/* The class of a non-ASCII character of the table (see words_char), from
** ICU's Word_Break property: letters, numbers, the middle classes and Other
** as the root rules use them; anything that joins across white space or
** attaches to its neighbour (Extend, Format, ZWJ, WSegSpace), ExtendNumLet,
** line separators, the invisible format controls and pictographs is WB_SLOW. */
static int table_class(UChar32 c) {
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || c >= 0x2060) return WB_SLOW;
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return WB_SLOW;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return WB_LETTER;
    case U_WB_NUMERIC:
      return WB_NUMERIC;
    case U_WB_MIDNUMLET:
      return WB_MID_NUM_LET;
    case U_WB_MIDNUM:
      return WB_MID_NUM;
    case U_WB_MIDLETTER:
      return WB_MID_LETTER;
    case U_WB_OTHER:
      return WB_OTHER;
    default:
      return WB_SLOW;
  }
}

/* The table entry of code point c (a run character other than ASCII), or
** NULL when c is outside the table. */
static words_char *table_entry(ibid_word_tokenizer *tokenizer, uint32_t c) {
  if (c >= TABLE_LATIN_START && c < TABLE_LATIN_END)
    return &tokenizer->table[c - TABLE_LATIN_START];
  if (c >= TABLE_PUNCTUATION_START && c < TABLE_PUNCTUATION_END)
    return &tokenizer->table[(TABLE_LATIN_END - TABLE_LATIN_START) + (c - TABLE_PUNCTUATION_START)];
  return NULL;
}

/*
** Learns entry (code point c): its class, and, for a character that can be
** inside a word piece, its fold: fold_piece of the character alone. The fold
** of a piece is then the folds of its characters end to end, when each is
** ASCII or Latin letters U+00C0..U+024F (which never combine with a
** neighbour under NFC); a character with another fold is WB_SLOW.
*/
static int learn_char(ibid_word_tokenizer *tokenizer, words_char *entry, uint32_t c) {
  entry->known = 1;
  entry->klass = (unsigned char)table_class((UChar32)c);
  if (entry->klass == WB_SLOW || entry->klass == WB_OTHER || is_apostrophe((UChar)c)) return 0;
  UChar unit = (UChar)c;
  int32_t length = fold_piece(tokenizer, &unit, 1);
  if (length == -1) {
    entry->known = 0; /* out of memory: learn it another time */
    return -1;
  }
  if (length < 0 || length > (int32_t)sizeof(entry->fold)) {
    entry->klass = WB_SLOW;
    return 0;
  }
  for (int32_t i = 0; i < length;) {
    uint32_t folded;
    i += (int32_t)decode_lenient(tokenizer->word, (size_t)length, (size_t)i, &folded);
    if (folded >= 0x80 && (folded < 0xC0 || folded > 0x24F || folded == 0xD7 || folded == 0xF7)) {
      entry->klass = WB_SLOW;
      return 0;
    }
  }
  memcpy(entry->fold, tokenizer->word, (size_t)length);
  entry->fold_length = (unsigned char)length;
  return 0;
}

/* The class of the character at text[i], which a run scan found to be ASCII
** or a learned table character; its byte length in *width. */
static int char_class(ibid_word_tokenizer *tokenizer, const char *text, size_t length, size_t i,
                      size_t *width) {
  unsigned char b = (unsigned char)text[i];
  if (b < 0x80) {
    *width = 1;
    return tokenizer->ascii_classes[b];
  }
  uint32_t c;
  *width = decode_lenient(text, length, i, &c);
  return table_entry(tokenizer, c)->klass;
}

/* emit_segment for a segment text[start..end) of ASCII and table characters:
** the same pieces (cut at apostrophes), folded character by character, with
** byte offsets straight from the text. */
static int emit_simple_segment(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                               size_t start, size_t end, ibid_word_callback callback,
                               void *context) {
  size_t piece_start = start;
  size_t n = 0; /* bytes of the folded piece so far */
  if (reserve_word(tokenizer, (int32_t)(3 * (end - start) + 1))) return -1;
  for (size_t i = start;;) {
    uint32_t c = 0;
    size_t width = 1;
    if (i < end) {
      unsigned char b = (unsigned char)text[i];
      if (b < 0x80) {
        if (b != '\'') {
          tokenizer->word[n++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
          i++;
          continue;
        }
        c = b;
      } else {
        width = decode_lenient(text, length, i, &c);
        if (!is_apostrophe((UChar)c)) {
          const words_char *entry = table_entry(tokenizer, c);
          memcpy(tokenizer->word + n, entry->fold, entry->fold_length);
          n += entry->fold_length;
          i += width;
          continue;
        }
      }
    }
    /* an apostrophe, or the end: the piece before it */
    if (n > 0) {
      int rc = callback(context, tokenizer->word, n, piece_start, i);
      if (rc) return rc;
    }
    if (i >= end) return 0;
    n = 0;
    i += width;
    piece_start = i;
  }
}

/*
** The segments of a run text[run_start..run_end) of ASCII and table
** characters that has ASCII white space (or the text's ends) on both sides,
** as ICU's word iterator cuts them, and emits those ICU gives a word status
** (letters, numbers): WB5 and WB8-10 join letters and digits, WB6/7 join
** letters across one MidLetter or MidNumLet ('.', '\'', ’) between letters,
** WB11/12 digits across one MidNum or MidNumLet (',', ';', '.', '\'')
** between digits, WB13a/b join '_' to letters, digits and '_'. Everything
** else breaks (WB999), and a lone '_' or punctuation mark is no word. The
** run's ends are boundaries: the table holds no character that joins white
** space or its neighbour (Extend, Format, ZWJ, WSegSpace). tests/unit/
** test_words.c checks this against ICU itself, character by character.
*/
static int emit_simple_run(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                           size_t run_start, size_t run_end, ibid_word_callback callback,
                           void *context) {
  size_t i = run_start;
  while (i < run_end) {
    size_t start = i, width;
    int a = char_class(tokenizer, text, length, i, &width);
    if (a != WB_LETTER && a != WB_NUMERIC && a != WB_EXTEND_NUM_LET) {
      i += width;
      continue;
    }
    size_t last = i, last_width = width; /* the last character of the segment so far */
    for (;;) {
      size_t next = last + last_width, next_width;
      if (next >= run_end) break;
      int b = char_class(tokenizer, text, length, next, &next_width);
      if (b == WB_LETTER || b == WB_NUMERIC || b == WB_EXTEND_NUM_LET) {
        /* a is a letter, a digit or '_' here: WB5, WB8-10, WB13a/b */
      } else if ((b == WB_MID_NUM_LET && (a == WB_LETTER || a == WB_NUMERIC)) ||
                 (b == WB_MID_NUM && a == WB_NUMERIC) || (b == WB_MID_LETTER && a == WB_LETTER)) {
        size_t after = next + next_width, after_width;
        if (after >= run_end || char_class(tokenizer, text, length, after, &after_width) != a)
          break;
        next = after; /* the middle character, and the one after it */
        next_width = after_width;
        b = a;
      } else {
        break;
      }
      last = next;
      last_width = next_width;
      a = b;
    }
    i = last + last_width;
    if (i - start == 1 && a == WB_EXTEND_NUM_LET) continue; /* a lone '_' */
    int rc = emit_simple_segment(tokenizer, text, length, start, i, callback, context);
    if (rc) return rc;
  }
  return 0;
}

/* Converts text to UTF-16 into tokenizer->units and sets the iterator on it;
** returns the unit count or -1/-2. */
static int32_t set_units(ibid_word_tokenizer *tokenizer, const char *text, size_t length) {
  if (length > INT32_MAX) return -2; /* ICU indexes with int32_t */
  if (length > tokenizer->units_capacity) {
    UChar *grown = ibid_realloc(tokenizer->units, length * sizeof(UChar));
    if (!grown) return -1;
    tokenizer->units = grown;
    tokenizer->units_capacity = length;
  }
  int32_t count = (int32_t)ibid_utf8_to_utf16(text, length, tokenizer->units);
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(tokenizer->iterator, tokenizer->units, count, &status);
  return U_FAILURE(status) ? -2 : count;
}

static void unset_units(ibid_word_tokenizer *tokenizer) {
  /* Detach the text so the iterator holds no pointer into a buffer we may grow. */
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(tokenizer->iterator, 0, 0, &status);
}

/*
** The text is read as runs of non-space characters between ASCII white space.
** An all-ASCII run (most of them) is cut by emit_ascii_run, without ICU; a
** run with any other character goes to the ICU iterator, from the last
** boundary at or before its start to the first at or after its end, so
** that its context (a combining mark after a space, a non-ASCII space before
** one) is ICU's to judge. Positions between runs are always boundaries, and
** the spaces between them are never words, so the words are those of one ICU
** pass over the whole text.
*/
int ibid_tokenize_words(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                        ibid_word_callback callback, void *context) {
  if (length == 0) return 0;
  if (length > INT32_MAX) return -2; /* ICU indexes with int32_t */
  int32_t count = -1;                /* UTF-16 units, once the first non-ASCII run needs ICU */
  const unsigned char *bytes = (const unsigned char *)text;
  ibid_utf16_cursor cursor;
  ibid_utf16_cursor_init(&cursor, text, length);
  int rc = 0;
  size_t byte = 0;  /* a boundary */
  int32_t unit = 0; /* its UTF-16 index */
  while (rc == 0) {
    size_t boundary = byte;
    int32_t boundary_unit = unit;
    while (byte < length && is_ascii_space(bytes[byte])) byte++, unit++;
    if (byte >= length) break;
    size_t run_start = byte;
    int32_t run_unit = unit;
    int simple = 1; /* ASCII and learned table characters only */
    while (byte < length && !is_ascii_space(bytes[byte])) {
      if (bytes[byte] < 0x80) {
        byte++, unit++;
        continue;
      }
      uint32_t codepoint;
      byte += decode_lenient(text, length, byte, &codepoint);
      unit += codepoint >= 0x10000 ? 2 : 1;
      if (simple) {
        words_char *entry = table_entry(tokenizer, codepoint);
        if (entry && !entry->known && learn_char(tokenizer, entry, codepoint)) return -1;
        simple = entry && entry->klass != WB_SLOW;
      }
    }
    if (simple) {
      rc = emit_simple_run(tokenizer, text, length, run_start, byte, callback, context);
      continue;
    }
    if (count < 0) {
      count = set_units(tokenizer, text, length);
      if (count < 0) return count;
    }
    /* ICU's boundaries from here on are at or after the last boundary */
    cursor.byte = boundary;
    cursor.unit = (size_t)boundary_unit;
    int32_t previous = ubrk_preceding(tokenizer->iterator, run_unit + 1);
    if (previous == UBRK_DONE) previous = 0;
    int32_t next = previous;
    while (rc == 0 && next < unit) {
      next = ubrk_next(tokenizer->iterator);
      if (next == UBRK_DONE) {
        next = count;
        break;
      }
      if (ubrk_getRuleStatus(tokenizer->iterator) >= UBRK_WORD_NONE_LIMIT)
        rc = emit_segment(tokenizer, &cursor, previous, next, callback, context);
      previous = next;
    }
    if (next > unit) { /* ICU's segment ran on into the white space after the run */
      unit = next;
      byte = ibid_utf16_cursor_seek(&cursor, (size_t)next);
    }
  }
  if (count >= 0) unset_units(tokenizer);
  return rc;
}

int ibid_tokenize_words_icu(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                            ibid_word_callback callback, void *context) {
  if (length == 0) return 0;
  int32_t count = set_units(tokenizer, text, length);
  if (count < 0) return count;
  ibid_utf16_cursor cursor;
  ibid_utf16_cursor_init(&cursor, text, length);
  int rc = 0;
  int32_t previous = ubrk_first(tokenizer->iterator);
  for (int32_t next = ubrk_next(tokenizer->iterator); next != UBRK_DONE && rc == 0;
       next = ubrk_next(tokenizer->iterator)) {
    if (ubrk_getRuleStatus(tokenizer->iterator) >= UBRK_WORD_NONE_LIMIT)
      rc = emit_segment(tokenizer, &cursor, previous, next, callback, context);
    previous = next;
  }
  unset_units(tokenizer);
  return rc;
}
