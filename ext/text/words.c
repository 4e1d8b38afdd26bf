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

struct ibid_word_tokenizer {
  int keep_diacritics;
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

ibid_word_tokenizer *ibid_word_tokenizer_new(int keep_diacritics) {
  ibid_word_tokenizer *tokenizer = ibid_malloc(sizeof(*tokenizer));
  if (!tokenizer) return 0;
  memset(tokenizer, 0, sizeof(*tokenizer));
  tokenizer->keep_diacritics = keep_diacritics;
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

/* ----- ASCII stretches without ICU ---------------------------------------- */

/* Word-break classes of ASCII bytes under ICU's root rules (UAX #29 as CLDR
** tailors it: '@' is a letter, ':' is not MidLetter). */
enum { WB_OTHER, WB_LETTER, WB_NUMERIC, WB_EXTEND_NUM_LET, WB_MID_NUM_LET, WB_MID_NUM };

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
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
** The segments of an all-ASCII run p[0..n) that has white space (or the text's
** ends) on both sides, as ICU's word iterator cuts them, and emits those ICU
** gives a word status (letters, numbers): WB5 and WB8-10 join letters and
** digits, WB6/7 join letters across one '.' or '\'' between letters, WB11/12
** digits across one '.', '\'', ',' or ';' between digits, WB13a/b join '_'
** to letters, digits and '_'. Everything else breaks (WB999), and a lone
** '_' or punctuation mark is no word. tests/unit/test_words.c checks this
** against ICU itself.
*/
/* emit_segment for an all-ASCII segment text[start..end): the same pieces
** (cut at '\''), lower-cased, with byte offsets straight from the text. */
static int emit_ascii_segment(ibid_word_tokenizer *tokenizer, const char *text, size_t start,
                              size_t end, ibid_word_callback callback, void *context) {
  size_t piece_start = start;
  for (size_t i = start; i <= end; i++) {
    if (i < end && text[i] != '\'') continue;
    if (i > piece_start) {
      size_t length = i - piece_start;
      if (reserve_word(tokenizer, (int32_t)length + 1)) return -1;
      for (size_t k = 0; k < length; k++) {
        char c = text[piece_start + k];
        tokenizer->word[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      int rc = callback(context, tokenizer->word, length, piece_start, i);
      if (rc) return rc;
    }
    piece_start = i + 1;
  }
  return 0;
}

static int emit_ascii_run(ibid_word_tokenizer *tokenizer, const char *text, size_t run_start,
                          size_t n, ibid_word_callback callback, void *context) {
  const unsigned char *p = (const unsigned char *)text + run_start;
  size_t i = 0;
  while (i < n) {
    size_t start = i;
    int a = ascii_class(p[i]);
    if (a != WB_LETTER && a != WB_NUMERIC && a != WB_EXTEND_NUM_LET) {
      i++;
      continue;
    }
    for (;;) { /* i: the last character of the segment so far */
      if (i + 1 >= n) break;
      int b = ascii_class(p[i + 1]);
      if (b == WB_LETTER || b == WB_NUMERIC) {
        if (a == WB_OTHER) break;
      } else if (b == WB_EXTEND_NUM_LET) {
        /* a is a letter, a digit or '_' here */
      } else if ((b == WB_MID_NUM_LET && (a == WB_LETTER || a == WB_NUMERIC)) ||
                 (b == WB_MID_NUM && a == WB_NUMERIC)) {
        if (i + 2 >= n || ascii_class(p[i + 2]) != a) break;
        i++; /* the middle character; the next iteration takes the one after */
        b = a;
      } else {
        break;
      }
      i++;
      a = b;
    }
    i++;
    if (i - start == 1 && a == WB_EXTEND_NUM_LET) continue; /* a lone '_' */
    int rc =
        emit_ascii_segment(tokenizer, text, run_start + start, run_start + i, callback, context);
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
    int ascii = 1;
    while (byte < length && !is_ascii_space(bytes[byte])) {
      if (bytes[byte] < 0x80) {
        byte++, unit++;
        continue;
      }
      uint32_t codepoint;
      ascii = 0;
      byte += decode_lenient(text, length, byte, &codepoint);
      unit += codepoint >= 0x10000 ? 2 : 1;
    }
    if (ascii) {
      rc = emit_ascii_run(tokenizer, text, run_start, byte - run_start, callback, context);
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
