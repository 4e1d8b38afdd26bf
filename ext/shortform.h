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

/* Reads a pinpoint locator at text[position..end): "p. 312", "pp. 322–6",
** "at 45", "para. 12", "§ 4", or a bare "15" / "15–17" that ends the
** citation. Returns its length in bytes, 0 when there is none. */
size_t ibid_read_locator(const char *text, size_t position, size_t end);

#endif
