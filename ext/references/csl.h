/*
** csl.h -- a small reader for CSL-JSON items and the work key built from one.
**
** A work key names a WORK (not one printing of it) so that the same article
** described by a repository page, a publisher page and a footnote gets the
** same key: "family:year:title-words", e.g.
**   mills::african-resistance-international-criminal-court
** - family: the first author's family name (else the first editor's, else the
**   first significant word of a literal/institutional name), folded to
**   lowercase ASCII (ICU "Any-Latin; Latin-ASCII; Lower"), words joined by '-';
** - year: EMPTY whenever the item has a title. Pages of one work disagree on
**   the year (early online 2017, issue 2018) or omit it, so a year would split
**   one work into several keys; the title words already tell works apart. The
**   year (first year of `issued`) fills the slot only when there is no title,
**   where it is the only thing besides the name that distinguishes works;
** - title-words: the first five significant words of the folded title
**   (apostrophes removed, split on anything but letters and digits, stop words
**   such as "a", "the", "of", "and" dropped), joined by '-'.
*/
#ifndef IBID_CSL_H
#define IBID_CSL_H
#include <stddef.h>

/* The fields of a CSL-JSON item that the work key needs. Strings are
** NUL-terminated copies (ibid_malloc) or NULL when absent. */
typedef struct ibid_csl_item {
  char *family;  /* author[0].family, else editor[0].family */
  char *literal; /* author[0].literal (or editor[0]) when there is no family */
  char *title;
  char *doi;
  int year; /* first year of `issued`; 0 when absent */
} ibid_csl_item;

typedef enum ibid_csl_status {
  IBID_CSL_OK = 0,
  IBID_CSL_BAD_JSON = 1, /* the text is not JSON */
  IBID_CSL_NO_MEMORY = 2
} ibid_csl_status;

/*
** Reads a CSL-JSON item: an object, or an array whose first object is used.
** Accepts `issued` as {"date-parts":[[y,m,d]]} (numbers or strings), {"raw":
** "..."} / {"literal": "..."}, a string or a number. Any JSON that is not an
** object gives an empty item. Free with ibid_csl_item_free (also after errors).
*/
ibid_csl_status ibid_csl_read(const char *json, size_t length, ibid_csl_item *item);
/* The same item read through the JSON tree only (ibid_csl_read reads the
** common case, an object without a backslash, in one pass instead): the
** reference the unit test and fuzz_csl compare ibid_csl_read against. */
ibid_csl_status ibid_csl_read_tree(const char *json, size_t length, ibid_csl_item *item);
void ibid_csl_item_free(ibid_csl_item *item);

/* Folds text to lowercase ASCII through an ICU transliterator. Open once per
** connection: opening costs milliseconds, folding microseconds. */
typedef struct ibid_csl_folder ibid_csl_folder;
ibid_csl_folder *ibid_csl_folder_open(void); /* NULL when ICU fails */
void ibid_csl_folder_close(ibid_csl_folder *folder);
/* The folded text (ibid_malloc, NUL-terminated), NULL when out of memory. */
char *ibid_csl_fold(ibid_csl_folder *folder, const char *text, size_t length,
                    size_t *folded_length);
/* The same fold, every character through the transliterator (ibid_csl_fold
** folds ASCII and the common Latin letters and punctuation without it): the
** reference the unit test and fuzz_csl compare ibid_csl_fold against. */
char *ibid_csl_fold_icu(ibid_csl_folder *folder, const char *text, size_t length,
                        size_t *folded_length);

/*
** The work key of a CSL-JSON item. On IBID_CSL_OK, *key is the key
** (ibid_malloc) or NULL when the item has neither a title nor an author (nor
** any letter or digit in them: a key "::" would match every such item).
*/
ibid_csl_status ibid_csl_work_key(ibid_csl_folder *folder, const char *json, size_t length,
                                  char **key, size_t *key_length);

#endif
