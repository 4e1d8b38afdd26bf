/* test_markers.c -- unit tests of ext/citations/markers.c. */
#include <string.h>

#include "check.h"
#include "markers.h"
#include "memory.h"
#include "notes.h"

/* Runs notes + markers and writes "n@marker,..." into out. */
static const char *markers_of(const char *text) {
  static char out[512];
  ibid_note *notes = NULL;
  ibid_marker *markers = NULL;
  size_t note_count = 0, marker_count = 0;
  out[0] = 0;
  if (ibid_find_notes(text, strlen(text), &notes, &note_count) ||
      ibid_find_markers(text, strlen(text), notes, note_count, &markers, &marker_count)) {
    strcpy(out, "error");
    return out;
  }
  for (size_t i = 0; i < marker_count; i++) {
    size_t used = strlen(out);
    snprintf(out + used, sizeof(out) - used, "%s%ld@%.*s%s", i ? "," : "", markers[i].n,
             (int)markers[i].length, text + markers[i].start, markers[i].note >= 0 ? "" : "?");
  }
  ibid_free(notes);
  ibid_free(markers);
  return out;
}

static const char *NOTE_LIST =
    "\n\n[1] Ku, Julian, ‘Deterrence’, Law Review, 84 (2006).\n\n"
    "[2] Evenson, Elizabeth, ‘Contempt’, Human Rights Watch (2020).\n\n"
    "[3] Quell, Molly, ‘Sanctions’, Associated Press (2025).\n\n"
    "[4] United Nations, Charter (1945).\n";

static void check_with_notes(const char *name, const char *body, const char *want) {
  char text[1024];
  snprintf(text, sizeof(text), "%s%s", body, NOTE_LIST);
  CHECK_STRING(name, markers_of(text), want);
}

static void test_glued_digits(void) {
  check_with_notes(
      "markers after quote, word, punctuation",
      "any “deterrence effect”1 because. Bans against the ICC2. Reported.”3 By the UN.4",
      "1@1,2@2,3@3,4@4");
  check_with_notes(
      "markers not numbers",
      "In 2008, 124 states, 3,300 people, the G20, Q1, Article 13(b), resolution 1593, "
      "R2P, S/2014/348, (Wegner, 2015: 120), p.3, DD1 4HN.",
      "");
  check_with_notes("markers out of sequence dropped", "Text.1 More.2 Odd ICC4 again.3 End.4",
                   "1@1,2@2,3@3,4@4");
  check_with_notes("markers bracketed", "Text [1] and [2].", "1@[1],2@[2]");
}

static void test_without_notes(void) {
  CHECK_STRING("markers glued digits need notes", markers_of("Bans against the ICC2. By the UN.5"),
               "");
  CHECK_STRING("markers superscripts without notes", markers_of("Effect² and area 5 km² and x.³"),
               "2@²?,3@³?");
  CHECK_STRING("markers empty", markers_of(""), "");
}

int main(void) {
  test_glued_digits();
  test_without_notes();
  return check_finish();
}
