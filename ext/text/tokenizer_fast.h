/*
** tokenizer_fast.h -- the words of ibid_tokenize_words (words.h), with the
** all-ASCII runs cut here, for the FTS5 tokenizer (sql_tokenizer.c).
**
** HOW IT WORKS. The text is read as runs of non-space characters between
** ASCII white space, as words.c reads it. The first byte that is not ASCII
** is looked for ahead, eight bytes at a time (scan.h), so the runs before
** its own are known to be ASCII only. Such a run (most of them) is cut here,
** in one pass of one table lookup per byte (the lower-case letters after a
** letter or '@' are skipped eight bytes at a time), into the pieces words.c's
** emit_simple_run and emit_simple_segment give it: letters (and '@'),
** digits and '_' join; '.' joins two letters or two digits, ',' and ';' two
** digits; a lone '_' is no word. words.c also joins two letters or digits
** across '\'' and then cuts the segment at the '\'' again: the pieces are
** those of treating '\'' as a break, which is what this pass does (the
** character after it starts a new segment in the same state). A piece goes
** to the callback as the input bytes themselves when it has no capital
** letter, or lower-cased into a buffer when it has one.
** The runs with another character, with the white space around them, go to
** ibid_tokenize_words as one chunk, from the end of the last ASCII run
** before them to the start of the next ASCII run after them, and its
** offsets are shifted back. Both chunk ends are boundaries of ICU's word
** iterator whatever the text around them (an ASCII non-space character next
** to ASCII white space: no UAX #29 rule joins them, and none looks across
** white space for a letter, digit or mark), and words.c starts its ICU pass
** at the last boundary at or before a run, so the chunk gives the words and
** offsets of the whole text. tests/unit/test_tokenizer_fast.c and
** fuzz/fuzz_tokenizer_fast.c compare the two, byte for byte.
*/
#ifndef IBID_TOKENIZER_FAST_H
#define IBID_TOKENIZER_FAST_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "memory.h"
#include "scan.h"
#include "words.h"

/* Byte classes: the low two bits are the word class (1 letter or '@', 2
** digit, 3 '_'), 4 a capital, 8 '.', 16 ',' or ';', 32 ASCII white space,
** 64 not ASCII; 0 anything else ('\'' included). */
#define IBID_FAST_WORD 3
#define IBID_FAST_LETTER 1
#define IBID_FAST_NUMERIC 2
#define IBID_FAST_UNDERSCORE 3
#define IBID_FAST_CAPITAL 4
#define IBID_FAST_MID_NUM_LET 8
#define IBID_FAST_MID_NUM 16
#define IBID_FAST_SPACE 32
#define IBID_FAST_HIGH 64
static const unsigned char ibid_fast_classes[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  32, 32, 32, 32, 32, 0,  0,  /* 0x00 */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 0x10 */
    32, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  16, 0,  8,  0,  /* 0x20 */
    2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  0,  16, 0,  0,  0,  0,  /* 0x30 */
    1,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  /* 0x40 */
    5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  5,  0,  0,  0,  0,  3,  /* 0x50 */
    0,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  /* 0x60 */
    1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0,  0,  0,  0,  /* 0x70 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0x80 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0x90 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xA0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xB0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xC0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xD0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xE0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xF0 */
};

/* The tokenizer's state: words.c's tokenizer for the other runs, and the
** buffer for pieces with capitals. */
typedef struct ibid_fast_tokenizer {
  ibid_word_tokenizer *words;
  char *folded;
  size_t folded_capacity;
} ibid_fast_tokenizer;

static inline void ibid_fast_tokenizer_free_buffers(ibid_fast_tokenizer *fast) {
  ibid_free(fast->folded);
  fast->folded = 0;
  fast->folded_capacity = 0;
}

/* A chunk in ibid_tokenize_words: its offset and the caller's callback. */
typedef struct ibid_fast_shift {
  size_t shift;
  ibid_word_callback callback;
  void *context;
} ibid_fast_shift;

static inline int ibid_fast_shifted(void *context, const char *word, size_t word_length,
                                    size_t start, size_t end) {
  ibid_fast_shift *chunk = context;
  return chunk->callback(chunk->context, word, word_length, start + chunk->shift,
                         end + chunk->shift);
}

/* Hands the piece text[start..end) (of a text of `length` bytes) to the
** callback, lower-cased: eight bytes at a time (scan.h) while the text
** has them, whole eights into the buffer (which has room for them). */
static inline int ibid_fast_emit(ibid_fast_tokenizer *fast, const char *text, size_t length,
                                 size_t start, size_t end, int capitals,
                                 ibid_word_callback callback, void *context) {
  size_t n = end - start;
  if (!capitals) return callback(context, text + start, n, start, end);
  if (n + 8 > fast->folded_capacity) {
    size_t capacity = n < 64 ? 72 : 2 * n + 8;
    char *grown = ibid_realloc(fast->folded, capacity);
    if (!grown) return -1;
    fast->folded = grown;
    fast->folded_capacity = capacity;
  }
  size_t k = 0;
  for (; k < n && start + k + 8 <= length; k += 8) { /* the piece is ASCII: no carry */
    uint64_t word = ibid_scan_load(text + start + k);
    ibid_scan_store(fast->folded + k, ibid_scan_lower(word));
  }
  for (; k < n; k++) {
    unsigned char b = (unsigned char)text[start + k];
    fast->folded[k] = (char)((unsigned char)(b - 'A') < 26 ? b + 32 : b);
  }
  return callback(context, fast->folded, n, start, end);
}

/* The first byte at or after i that is not a lower-case ASCII letter, read
** eight bytes at a time; the last bytes (fewer than eight) are left to the
** caller's loop, which reads them one at a time. */
static inline size_t ibid_fast_skip_lower(const char *text, size_t length, size_t i) {
  while (i + 8 <= length) {
    uint64_t word = ibid_scan_load(text + i);
    uint64_t other =
        (ibid_scan_below(word, 'a') | ~ibid_scan_below(word, 'z' + 1)) & IBID_SCAN_HIGH;
    if (other) return i + ibid_scan_first(other);
    i += 8;
  }
  return i;
}

/* The pieces of the all-ASCII run at text[i], as words.c cuts it (see HOW
** IT WORKS); the run ends at white space or at the end of the text, where
** *end is set. */
static inline int ibid_fast_run(ibid_fast_tokenizer *fast, const char *text, size_t length,
                                size_t i, size_t *end, ibid_word_callback callback, void *context) {
  const unsigned char *bytes = (const unsigned char *)text;
  while (i < length) {
    int k = ibid_fast_classes[bytes[i]];
    if (!(k & IBID_FAST_WORD)) {
      if (k == IBID_FAST_SPACE) break;
      i++;
      continue;
    }
    size_t start = i;
    int capitals = 0, last;
    for (;;) {
      do { /* letters, digits, '_' */
        capitals |= k;
        last = k & IBID_FAST_WORD;
        i++;
        /* after a lower-case letter, the lower-case letters that follow
           (class 1, nothing to record) eight at a time */
        if (k == IBID_FAST_LETTER) i = ibid_fast_skip_lower(text, length, i);
      } while (i < length && ((k = ibid_fast_classes[bytes[i]]) & IBID_FAST_WORD));
      /* '.' between two letters or two digits, ',' or ';' between two digits */
      if (i + 1 >= length || last == IBID_FAST_UNDERSCORE) break;
      int middle = ibid_fast_classes[bytes[i]];
      if (!(middle & IBID_FAST_MID_NUM_LET) &&
          !((middle & IBID_FAST_MID_NUM) && last == IBID_FAST_NUMERIC))
        break;
      k = ibid_fast_classes[bytes[i + 1]];
      if ((k & IBID_FAST_WORD) != last) break;
      i++;
    }
    if (i - start == 1 && last == IBID_FAST_UNDERSCORE) continue; /* a lone '_' */
    int rc = ibid_fast_emit(fast, text, length, start, i, capitals & IBID_FAST_CAPITAL, callback,
                            context);
    if (rc) return rc;
  }
  *end = i;
  return 0;
}

/* The first byte at or after i that is not ASCII, or length. */
static inline size_t ibid_fast_next_high(const char *text, size_t length, size_t i) {
  while (i + 8 <= length) {
    uint64_t high = ibid_scan_load(text + i) & IBID_SCAN_HIGH;
    if (high) return i + ibid_scan_first(high);
    i += 8;
  }
  while (i < length && (unsigned char)text[i] < 0x80) i++;
  return i;
}

/* Hands text[start..end) to ibid_tokenize_words, offsets shifted by start. */
static inline int ibid_fast_chunk(ibid_fast_tokenizer *fast, const char *text, size_t start,
                                  size_t end, ibid_word_callback callback, void *context) {
  ibid_fast_shift chunk = {start, callback, context};
  return ibid_tokenize_words(fast->words, text + start, end - start, ibid_fast_shifted, &chunk);
}

/* The words of text, as ibid_tokenize_words(fast->words, ...) gives them,
** with the same return codes. */
static inline int ibid_tokenize_words_fast(ibid_fast_tokenizer *fast, const char *text,
                                           size_t length, ibid_word_callback callback,
                                           void *context) {
  const unsigned char *bytes = (const unsigned char *)text;
  size_t i = 0;
  size_t previous_end = 0; /* end of the last ASCII run: where a chunk would start */
  int pending = 0;         /* a chunk from previous_end is open */
  /* The first byte that is not ASCII, and the start of its run: runs that
  ** start before it are ASCII only. */
  size_t high = ibid_fast_next_high(text, length, 0), high_run = high;
  while (high_run > 0 && ibid_fast_classes[bytes[high_run - 1]] != IBID_FAST_SPACE) high_run--;
  for (;;) {
    while (i < length && ibid_fast_classes[bytes[i]] == IBID_FAST_SPACE) i++;
    if (i >= length) break;
    if (i >= high_run) { /* the run of `high`: into the chunk */
      pending = 1;
      while (i < length && ibid_fast_classes[bytes[i]] != IBID_FAST_SPACE) i++;
      high = ibid_fast_next_high(text, length, i);
      for (high_run = high; high_run > i; high_run--)
        if (ibid_fast_classes[bytes[high_run - 1]] == IBID_FAST_SPACE) break;
      continue;
    }
    if (pending) {
      int rc = ibid_fast_chunk(fast, text, previous_end, i, callback, context);
      if (rc) return rc;
      pending = 0;
    }
    int rc = ibid_fast_run(fast, text, length, i, &i, callback, context);
    if (rc) return rc;
    previous_end = i;
  }
  if (pending) return ibid_fast_chunk(fast, text, previous_end, length, callback, context);
  return 0;
}

#endif
