/*
** legal.h -- legal citations read field by field: journal articles in
** OSCOLA and Bluebook form, cases with a reporter or neutral citation,
** treaties with their treaty series, UN/ICC documents and resolutions with
** their symbol, and books as Bluebook and OSCOLA print them. Consulted before the general reference
*parser (refparse.h):
** what it recognises it types (legal_case, treaty, legislation, report,
** document, article-journal) and fields exactly; anything else is left to
** the general parser.
*/
#ifndef IBID_LEGAL_H
#define IBID_LEGAL_H
#include <stddef.h>

/* A byte span of the citation; length 0 when absent. */
typedef struct ibid_legal_span {
  size_t start, length;
} ibid_legal_span;

typedef struct ibid_legal {
  const char *type; /* CSL type (static string) */
  ibid_legal_span title, authors, container, volume, page, number, authority, locator;
  ibid_legal_span publisher; /* books in OSCOLA form: "(2nd edn, OUP 2015)" */
  ibid_legal_span body;      /* the body a list entry names first: "Security Council. 2005." */
  int year, month, day;      /* 0 when unknown */
} ibid_legal;

/* Reads text[0..length) as a legal citation. Returns 1 and fills *out when
** it is one, 0 when it is not (the general parser should read it). Linear in
** length; never reads past it. */
int ibid_parse_legal(const char *text, size_t length, ibid_legal *out);

/* The citation as CSL-JSON (free with ibid_free), NULL when it is not a legal
** citation (*failed 0) or when memory ran out (*failed 1). *locator gets the
** pinpoint ("320", "para 58"), relative to text. */
char *ibid_parse_legal_json(const char *text, size_t length, size_t *json_length,
                            ibid_legal_span *locator, int *failed);

/* A reference-list entry that is legal material -- a case, a treaty, a
** statute, a resolution, a UN or ICC document with its symbol -- as
** CSL-JSON, NULL when it is not one (*failed 0: the general parser should
** read it) or when memory ran out (*failed 1). Journal articles and books
** in legal form are left to the general parser, and so is an entry that
** opens with a person's name ("Haque, A. (2019). ... resolution 1422 ..."):
** a publication about legal material. */
char *ibid_parse_legal_entry_json(const char *text, size_t length, size_t *json_length,
                                  int *failed);

/* A Bluebook case short form "Kiobel, 569 U.S. at 120": the byte length of
** the case name ("Kiobel") and the pinpoint span ("120"); 0 when text is
** not one. */
size_t ibid_legal_case_short_form(const char *text, size_t length, ibid_legal_span *locator);

/* Does a reference-list line open legal material: a case name "X v Y", a
** treaty or other instrument ("Rome Statute of ...", "Convention on ..."), a
** UN body ("United Nations Security Council. (2011).")? A cheap test on the
** line's first 100 bytes, for cutting a list into entries. */
int ibid_legal_entry_opening(const char *text, size_t length);

#endif
