/*
** check.h -- the smallest unit-test harness: each CHECK prints "ok NAME" or
** "not ok NAME: file:line: expression"; main returns check_finish().
** tests/run.py counts the lines.
*/
#ifndef IBID_CHECK_H
#define IBID_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(name, expression)                                                          \
  do {                                                                                   \
    if (expression) {                                                                    \
      printf("ok %s\n", name);                                                           \
    } else {                                                                             \
      check_failures++;                                                                  \
      printf("not ok %s: %s:%d: %s\n", name, __FILE__, __LINE__, #expression);          \
    }                                                                                    \
  } while (0)

/* Compares two NUL-terminated strings, printing both when they differ. */
#define CHECK_STRING(name, got, want)                                                    \
  do {                                                                                   \
    const char *check_got = (got), *check_want = (want);                                 \
    if (check_got && check_want && strcmp(check_got, check_want) == 0) {                 \
      printf("ok %s\n", name);                                                           \
    } else {                                                                             \
      check_failures++;                                                                  \
      printf("not ok %s: %s:%d: got \"%s\", want \"%s\"\n", name, __FILE__, __LINE__,    \
             check_got ? check_got : "(null)", check_want ? check_want : "(null)");       \
    }                                                                                    \
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

static int check_finish(void) { return check_failures ? 1 : 0; }

#endif
