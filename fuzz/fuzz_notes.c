/* fuzz_notes.c -- libFuzzer target for ibid_find_notes and ibid_find_markers
** (ext/citations/notes.c, ext/citations/shortform.c, ext/citations/markers.c): any valid UTF-8 gives notes
** in text order whose label, body and locator spans lie inside the input on
** character boundaries, ibid_of pointing to an earlier number, and markers
** outside the note bodies -- without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>

#include "markers.h"
#include "memory.h"
#include "notes.h"
#include "utf8.h"

static void check_span(const char *text, size_t size, size_t start, size_t length) {
  if (start > size || length > size - start) __builtin_trap();
  if (start < size && ((unsigned char)text[start] & 0xC0) == 0x80) __builtin_trap();
  size_t end = start + length;
  if (end < size && ((unsigned char)text[end] & 0xC0) == 0x80) __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  ibid_note *notes;
  size_t count;
  if (ibid_find_notes(text, size, &notes, &count) != 0) return 0;
  for (size_t i = 0; i < count; i++) {
    const ibid_note *note = &notes[i];
    check_span(text, size, note->label_start, note->label_length);
    check_span(text, size, note->start, note->length);
    if (note->locator_length) check_span(text, size, note->locator_start, note->locator_length);
    if (i && note->label_start <= notes[i - 1].start) __builtin_trap();
    if (note->ibid_of < 0 || note->n < 1) __builtin_trap();
  }
  ibid_marker *markers;
  size_t marker_count;
  if (ibid_find_markers(text, size, notes, count, &markers, &marker_count) == 0) {
    for (size_t i = 0; i < marker_count; i++) {
      check_span(text, size, markers[i].start, markers[i].length);
      if (markers[i].note >= (long)count) __builtin_trap();
      if (markers[i].note >= 0 && notes[markers[i].note].n != markers[i].n) __builtin_trap();
    }
    ibid_free(markers);
  }
  ibid_free(notes);
  return 0;
}
