/*
** sql_notes.c -- ibid_notes(text) and ibid_markers(text): footnotes and
** endnotes with Ibid./short-form resolution, and the in-text markers that
** point to them. The parsing is in notes.c, shortform.c and markers.c.
**
**   SELECT n, label, kind, ibid_of, locator FROM ibid_notes(:text);
**   SELECT n, marker, start, length, note_start FROM ibid_markers(:text);
**
** Spans (start, length) are 1-based character positions: substr(text, start,
** length) is the note body / the marker. docs/notes.md has worked examples.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"

#include "markers.h"
#include "memory.h"
#include "notes.h"
#include <string.h>

static int add_note_row(ibid_rows *rows, const ibid_note *note) {
  const char *kind = ibid_note_kind_name(note->kind);
  int rc = ibid_rows_int(rows, note->n);
  if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, note->label_start, note->label_length);
  if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
  if (rc == SQLITE_OK) rc = ibid_rows_span(rows, note->start, note->length);
  if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, note->start, note->length);
  if (rc == SQLITE_OK)
    rc = note->ibid_of ? ibid_rows_int(rows, note->ibid_of) : ibid_rows_null(rows);
  if (rc == SQLITE_OK)
    rc = note->locator_length ? ibid_rows_slice(rows, note->locator_start, note->locator_length)
                              : ibid_rows_null(rows);
  return rc;
}

int ibid_rows_add_notes(ibid_rows *rows, const ibid_note *notes, size_t count) {
  int rc = SQLITE_OK;
  for (size_t i = 0; i < count && rc == SQLITE_OK; i++) rc = add_note_row(rows, &notes[i]);
  return rc;
}

static int fill_notes(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_note *notes;
  size_t count;
  if (ibid_find_notes(text, length, &notes, &count)) return SQLITE_NOMEM;
  int rc = ibid_rows_add_notes(rows, notes, count);
  ibid_free(notes);
  return rc;
}

/* Row by row, far-apart marker and note offsets alternate: the byte to
** character conversion starts from its nearest checkpoint (sql_table.c). */
int ibid_rows_add_markers(ibid_rows *rows, const ibid_note *notes, const ibid_marker *markers,
                          size_t marker_count) {
  int rc = SQLITE_OK;
  for (size_t i = 0; i < marker_count && rc == SQLITE_OK; i++) {
    const ibid_marker *marker = &markers[i];
    rc = ibid_rows_int(rows, marker->n);
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, marker->start, marker->length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, marker->start, marker->length);
    if (rc == SQLITE_OK)
      rc = marker->note >= 0
               ? ibid_rows_int(rows, ibid_rows_character_index(rows, notes[marker->note].start))
               : ibid_rows_null(rows);
  }
  return rc;
}

static int fill_markers(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_note *notes;
  ibid_marker *markers = NULL;
  size_t note_count, marker_count = 0;
  int rc = SQLITE_OK;
  if (ibid_find_notes(text, length, &notes, &note_count)) return SQLITE_NOMEM;
  if (ibid_find_markers(text, length, notes, note_count, &markers, &marker_count)) {
    rc = SQLITE_NOMEM;
    goto done;
  }
  rc = ibid_rows_add_markers(rows, notes, markers, marker_count);
done:
  ibid_free(markers);
  ibid_free(notes);
  return rc;
}

static const ibid_table_function notes_function = {
    "ibid_notes", "n, label, kind, start, length, text, ibid_of, locator", 8, fill_notes};
static const ibid_table_function markers_function = {
    "ibid_markers", "n, marker, start, length, note_start", 5, fill_markers};

int ibid_register_notes(sqlite3 *db) {
  int rc = ibid_register_table_function(db, &notes_function, NULL, NULL);
  if (rc == SQLITE_OK) rc = ibid_register_table_function(db, &markers_function, NULL, NULL);
  return rc;
}
