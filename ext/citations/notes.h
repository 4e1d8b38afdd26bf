/*
** notes.h -- footnotes and endnotes of a text, with Ibid./short-form
** resolution (ext/citations/shortform.c).
**
** A note is a numbered line that belongs to an increasing sequence of
** numbered lines (1, 2, 3 ... mostly +1) whose bodies look like citations or
** prose: "12 Smith, ‘Norm dynamics’, p. 326." at a page foot or in a
** web page's footnote list, "[3] Quell, Molly. ..." after the body, "¹² ..."
** with a superscript label, "4. Smith, ..." in a numbered notes section.
** Isolated numbered lines, dates starting a wrapped line ("12 March
** 2010, ..."), tables of contents and short numbered lists are not notes.
**
** Kind: a note is an endnote when its label is bracketed ("[3]", the endnote
** list of web and word-processor documents) or when its sequence follows a
** heading line "Notes" / "Endnotes" (or "References", "Bibliography");
** otherwise (page feet of PDF text, publisher footnote lists of web pages)
** it is a footnote.
*/
#ifndef IBID_NOTES_H
#define IBID_NOTES_H
#include <stddef.h>

typedef enum ibid_note_kind { IBID_NOTE_FOOTNOTE = 1, IBID_NOTE_ENDNOTE } ibid_note_kind;

typedef struct ibid_note {
  long n;             /* the number as printed */
  size_t label_start; /* byte span of the label ("12", "[3]", "¹²", "4.") */
  size_t label_length;
  ibid_note_kind kind;
  size_t start; /* byte span of the body, without the label */
  size_t length;
  size_t sequence;       /* which numbered sequence the note belongs to (0, 1 ...) */
  long ibid_of;          /* note number of the full citation, 0 when none */
  size_t locator_start;  /* byte span of the pinpoint ("p. 312"), */
  size_t locator_length; /* length 0 when none */
  int back_kind;         /* IBID_BACK_* of shortform.h for the first citation, 0 when full */
  size_t citation_end;   /* byte offset where that Ibid./short form ends (start when full) */
  long last_target;      /* note holding what the note's LAST citation cites (itself for a
                            full citation): what an Ibid. in the next note stands for */
} ibid_note;

/* Finds the notes of text in text order and resolves their Ibid./short forms.
** Returns 0 with *notes (free with ibid_free; NULL when *count is 0) and
** *count set, or -1 when out of memory. */
int ibid_find_notes(const char *text, size_t length, ibid_note **notes, size_t *count);

/* The value 0-9 of a superscript digit code point (¹, ², ⁴ ...), else -1. */
int ibid_superscript_digit(unsigned long codepoint);

/* 'footnote' or 'endnote'. */
const char *ibid_note_kind_name(ibid_note_kind kind);

#endif
