/*
** check.h -- the smallest unit-test harness: each CHECK prints "ok NAME" or
** "not ok NAME: file:line: expression"; main returns check_finish().
** tests/run.py counts the lines.
*/
#ifndef IBID_CHECK_H
#define IBID_CHECK_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(name, expression)                                                \
  do {                                                                         \
    if (expression) {                                                          \
      printf("ok %s\n", name);                                                 \
    } else {                                                                   \
      check_failures++;                                                        \
      printf("not ok %s: %s:%d: %s\n", name, __FILE__, __LINE__, #expression); \
    }                                                                          \
  } while (0)

/* Compares two NUL-terminated strings, printing both when they differ. */
#define CHECK_STRING(name, got, want)                                                 \
  do {                                                                                \
    const char *check_got = (got), *check_want = (want);                              \
    if (check_got && check_want && strcmp(check_got, check_want) == 0) {              \
      printf("ok %s\n", name);                                                        \
    } else {                                                                          \
      check_failures++;                                                               \
      printf("not ok %s: %s:%d: got \"%s\", want \"%s\"\n", name, __FILE__, __LINE__, \
             check_got ? check_got : "(null)", check_want ? check_want : "(null)");   \
    }                                                                                 \
  } while (0)

/* Appends code point c (below U+10000) to out as UTF-8; returns the new length.
** For tests that build text character by character. */
static inline size_t check_put_utf8(char *out, size_t n, unsigned c) {
  if (c < 0x80) {
    out[n++] = (char)c;
  } else if (c < 0x800) {
    out[n++] = (char)(0xC0 | (c >> 6));
    out[n++] = (char)(0x80 | (c & 0x3F));
  } else {
    out[n++] = (char)(0xE0 | (c >> 12));
    out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[n++] = (char)(0x80 | (c & 0x3F));
  }
  return n;
}

/* xorshift64: the same sequence on every machine, so a failure repeats. */
static inline uint64_t check_next_random(uint64_t *state) {
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

/* What a random test text is made of: of every 100 pieces, about common_share
** are a byte of `common`, lower_share a lower-case ASCII letter, upper_share an
** upper-case one, ascii_share any ASCII byte, and the rest one of `others`
** (UTF-8 strings, some broken on purpose). */
typedef struct check_text_mix {
  const char *common;
  unsigned common_share, lower_share, upper_share, ascii_share;
  const char *const *others;
  size_t other_count;
} check_text_mix;

/* Writes `pieces` random pieces to out (room for 4 bytes a piece); returns the
** bytes written. */
static inline size_t check_random_text(uint64_t *state, const check_text_mix *mix, char *out,
                                       size_t pieces) {
  size_t length = 0, common_count = strlen(mix->common);
  unsigned lower = mix->common_share + mix->lower_share, upper = lower + mix->upper_share,
           ascii = upper + mix->ascii_share;
  for (size_t k = 0; k < pieces; k++) {
    uint64_t r = check_next_random(state) % 100;
    if (r < mix->common_share) {
      out[length++] = mix->common[check_next_random(state) % common_count];
    } else if (r < lower) {
      out[length++] = (char)('a' + check_next_random(state) % 26);
    } else if (r < upper) {
      out[length++] = (char)('A' + check_next_random(state) % 26);
    } else if (r < ascii) {
      out[length++] = (char)(check_next_random(state) % 128);
    } else {
      const char *o = mix->others[check_next_random(state) % mix->other_count];
      size_t n = strlen(o);
      memcpy(out + length, o, n);
      length += n;
    }
  }
  return length;
}

static int check_finish(void) {
  return check_failures ? 1 : 0;
}

#endif
