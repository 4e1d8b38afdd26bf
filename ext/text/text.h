/*
** text.h -- cleaning of copied or PDF-extracted research text (ibid_clean).
**
** ibid_clean_text() normalizes characters (NFC, odd spaces, soft hyphens,
** control characters, line ends), joins the hard-wrapped lines of PDF
** extraction into paragraphs, rejoins words hyphenated across a line break,
** and drops page furniture and web-site chrome. The result has one block per
** paragraph (heading, list item, note ...), blocks separated by exactly one
** blank line, no trailing spaces, and ends with one "\n". It is idempotent.
**
** The line helpers below are shared with blocks.c, so that ibid_blocks calls
** 'boilerplate' exactly what ibid_clean drops.
*/
#ifndef IBID_TEXT_H
#define IBID_TEXT_H
#include <stddef.h>

#include "progress.h"

/* Returns the cleaned text (NUL-terminated, from ibid_malloc; *clean_length
** is its length), or NULL when out of memory. Empty input gives "". */
char *ibid_clean_text(const char *text, size_t length, size_t *clean_length);
/* The same, counting its work (bytes of each pass, of each line laid out) on
** progress (ext/core/progress.h; may be NULL): returns NULL, with
** progress->stopped set, when progress says stop. */
char *ibid_clean_text_progress(const char *text, size_t length, ibid_progress *progress,
                               size_t *clean_length);

/* One line of a text: [start, end) is its content without leading and
** trailing blanks; indent counts the leading blanks (a tab counts 4). */
typedef struct ibid_text_line {
  size_t start, end;
  size_t indent;
  size_t trailing; /* blanks after the content */
} ibid_text_line;

/* Splits text at "\n" (a "\r" before it is a blank). Of a run of blank
** lines only the first two are listed. Returns 0, or -1 when out of memory;
** *lines is freed with ibid_free. */
int ibid_text_split_lines(const char *text, size_t length, ibid_text_line **lines, size_t *count);

/* Bytes taken by a list bullet at the start of line[0..length) including the
** blanks after it (0 if none); *level is 1 for a primary bullet, 2 for a
** secondary one (hollow circle, dash, check mark). */
size_t ibid_text_bullet_length(const char *line, size_t length, int *level);

/* What block a line opens: a list item (bullet, also after a short row
** label: "Q2 § ..."), a caption ("Figure 2.", "Table 1:"), a labelled question
** or section ("Q1:", "Case study 2:"), a numbered note or list item ("[3] ",
** "12. ", "(a) ", "12 Author"), or a table row (a tab between words, or two
** gaps of three spaces or more). Used to keep such lines apart when joining. */
typedef enum ibid_line_opening {
  IBID_OPENS_NOTHING,
  IBID_OPENS_BULLET,
  IBID_OPENS_CAPTION,
  IBID_OPENS_LABEL,
  IBID_OPENS_NUMBERED,
  IBID_OPENS_TABLE
} ibid_line_opening;
ibid_line_opening ibid_text_line_opens(const char *line, size_t length);

/* 1 if the line is site chrome: a user-interface phrase ("Skip to main
** content", "Loading metrics...", "Send article to Kindle"). */
int ibid_text_is_chrome(const char *line, size_t length);

/* 1 if the line is a bare page number ("12", "Page 3 of 9", "- 4 -"). */
int ibid_text_is_page_number(const char *line, size_t length);

/* Sets dropped[i] = 1 for each line that ibid_clean_text drops: chrome
** phrases, the indented dialog text under them, page numbers, and later
** copies of a short line repeated three times or more (running heads, link
** labels). Returns 0, or -1 when out of memory. */
int ibid_text_mark_dropped(const char *text, const ibid_text_line *lines, size_t count,
                           unsigned char *dropped);

#endif
