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

static int check_finish(void) { return check_failures ? 1 : 0; }

#endif
