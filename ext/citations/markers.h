/*
** markers.h -- in-text note markers: "[4]", superscripts "¹²", and bare digits
** glued to a word or punctuation as copy-paste leaves them ("effect”1 because",
** "the WHO2.", "by the EU.5"), checked against the note list of the text.
**
** Bare digits count only when the text has notes: the number must be that of
** a note that follows the marker, and markers must point to notes in
** increasing order (the longest such run is kept, so "G20", "CO2" or a stray
** "Article 13" do not break or join the sequence). Without a note list only
** unambiguous markers (bracketed, superscript) are reported.
*/
#ifndef IBID_MARKERS_H
#define IBID_MARKERS_H
#include <stddef.h>

#include "notes.h"

typedef struct ibid_marker {
  long n;       /* the note number it points to */
  size_t start; /* byte span of the marker as printed */
  size_t length;
  long note; /* index into the notes array of the note it points to, -1 when none */
} ibid_marker;

/* Finds the markers of text outside the notes (the result of ibid_find_notes
** on the same text). Returns 0 with *markers (free with ibid_free; NULL when
** *count is 0) and *count set, or -1 when out of memory. */
int ibid_find_markers(const char *text, size_t length, const ibid_note *notes, size_t note_count,
                      ibid_marker **markers, size_t *count);

/* Whether the ASCII digits text[start, end) are glued to what precedes them
** the way a copy-pasted superscript is: after a word of three letters or
** more ("WHO2"), a closing quote or bracket, or sentence punctuation after a
** word ("the EU.5", "et al.3"), but not after "p." or a short code ("G20",
** "CO2"), and not followed by a letter, digit, '%', '/' or the rest of a
** number ("2.5"). end may cover a group ("1,3", "2-4"). */
int ibid_glued_marker(const char *text, size_t length, size_t start, size_t end);

#endif
