/*
** cites.h -- in-text author-year citations: "(Smith, 2015: 120)",
** "(Smith and Jones 2010; see also Brown et al. 2011a, b)", "Smith (2015)".
**
** Pure C (no SQLite): ext/citations/sql_cites.c exposes it as ibid_cites(text).
** One ibid_cite per cited item: a parenthesis "(A, 2010; B, 2011)" gives two,
** and an author with several years "(A, 2010, 2012)" one per year.
*/
#ifndef IBID_CITES_H
#define IBID_CITES_H
#include <stddef.h>

typedef struct ibid_cite {
  size_t group;        /* which parenthesis, from 1, in text order */
  size_t start;        /* byte span of the item: its text inside the parenthesis, or */
  size_t length;       /*   for a narrative cite the author name through ")" */
  char *authors;       /* as written, runs of white space made one space; NULL if none */
  int has_year;        /* 0 for "n.d.", "forthcoming", "in press" and missing years */
  int year;            /* the number written, also when implausible ("205") */
  char suffix[4];      /* "a" of "2005a"; "" when none */
  char *locator;       /* "120", "136-138", "p. 5", ...; NULL if none */
  char *prefix;        /* "see", "also", "e.g.", "cf.", "see also", ...; NULL if none */
  int narrative;       /* 1 for "Smith (2015)", 0 for "(Smith, 2015)" */
  const char *problem; /* static string: "empty", "missing year", "implausible year",
                          "unknown"; NULL when the item is well formed */
} ibid_cite;

/*
** Finds every author-year citation of text[0..length) (valid UTF-8, may hold
** NUL bytes). On success returns 0 with *cites an ibid_malloc'd array of
** *count items in text order (NULL when none); returns -1 when out of memory.
** Release with ibid_free_cites.
*/
int ibid_find_cites(const char *text, size_t length, ibid_cite **cites, size_t *count);

/* Frees the array and the strings of its items. */
void ibid_free_cites(ibid_cite *cites, size_t count);

#endif
