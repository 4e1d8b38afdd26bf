/*
** shortform.h -- resolves "Ibid.", "Id.", "op. cit.", "supra note 3",
** "above n 3" and short-form notes ("Smith, ‘Norm dynamics’, p. 326.",
** "Jones, 15.") to the note that holds the full citation, and finds their
** pinpoint locators.
*/
#ifndef IBID_SHORTFORM_H
#define IBID_SHORTFORM_H
#include <stddef.h>

#include "notes.h"

/* Sets ibid_of and the locator span of each of notes[0..count) (in text
** order, bodies as spans of text). Returns 0, or -1 when out of memory. */
int ibid_resolve_short_forms(const char *text, size_t length, ibid_note *notes, size_t count);

/* What a citation refers back with. */
typedef enum ibid_back_kind {
  IBID_BACK_NONE = 0, /* a full citation (or nothing recognised) */
  IBID_BACK_IBID,     /* "Ibid.", "Id.", "Ebd.", "ebenda", "idem": the citation just before */
  IBID_BACK_NOTE,     /* "supra note 3", "(n 3)", "(Fn. 3)", "above n 3": a note number */
  IBID_BACK_SHORT     /* author and/or short title, "op. cit.", "a.a.O.", "art. cit." */
} ibid_back_kind;

typedef struct ibid_back_reference {
  ibid_back_kind kind;
  long note;                            /* the note holding the full citation, 0 if unknown */
  size_t key_start, key_length;         /* the author (or title) word naming it, length 0 if none */
  size_t locator_start, locator_length; /* the pinpoint, length 0 if none */
  size_t end;                           /* where the back reference ends */
} ibid_back_reference;

/* The one resolver: reads the citation text[start..end) inside note
** notes[index] and, for a note number or a short form, finds the note holding
** the full citation among the notes before it (of the same sequence); an
** Ibid. is left to the caller (kind IBID_BACK_IBID, note 0), who knows what
** came just before. A short form that matches no earlier full citation comes
** back as IBID_BACK_NONE. *budget (bytes the searches may still read) is
** decreased; pass the same budget for every call on one text so that the
** total stays linear. ibid_resolve_short_forms uses it for each note's first
** and last citation, ibid_references for every citation item. Returns 0, or -1
** when out of memory. */
int ibid_resolve_citation(const char *text, size_t start, size_t end, const ibid_note *notes,
                          size_t index, size_t *budget, ibid_back_reference *out);

/* The search budget for a text of `length` bytes. */
size_t ibid_resolve_budget(size_t length);

/* Reads a pinpoint locator at text[position..end): "p. 312", "pp. 322–6",
** "at 45", "para. 12", "§ 4", or a bare "15" / "15–17" that ends the
** citation. Returns its length in bytes, 0 when there is none. */
size_t ibid_read_locator(const char *text, size_t position, size_t end);

#endif
