/* test_notes.c -- unit tests of ext/citations/notes.c and ext/citations/shortform.c. */
#include <string.h>

#include "check.h"
#include "memory.h"
#include "notes.h"
#include "shortform.h"

typedef struct found {
  ibid_note *notes;
  size_t count;
  const char *text;
} found;

static found find(const char *text) {
  found result = {NULL, 0, text};
  if (ibid_find_notes(text, strlen(text), &result.notes, &result.count)) result.count = (size_t)-1;
  return result;
}

/* Copies a span of the text into a static buffer (tests only). */
static const char *span(const char *text, size_t start, size_t length) {
  static char buffer[512];
  if (length >= sizeof(buffer)) length = sizeof(buffer) - 1;
  memcpy(buffer, text + start, length);
  buffer[length] = 0;
  return buffer;
}

static void test_web_footnote_list(void) {
  found f = find(
      "Abstract text.\n\n"
      "1 Bloomfield, Alan, ‘Norm antipreneurs and theorising resistance’, Review of "
      "International Studies, 42:2 (2016), pp. 310333 .\n\n"
      "2 Ibid., p. 312.\n\n"
      "3 Thirty others had signed but not ratified.\n\n"
      "4 Bloomfield, ‘Norm antipreneurs’, pp. 329–31.\n\n"
      "5 Ibid.\n\nRelated content\n");
  CHECK("notes web list count", f.count == 5);
  if (f.count != 5) return;
  CHECK("notes web list kind", f.notes[0].kind == IBID_NOTE_FOOTNOTE);
  CHECK_STRING("notes web list label",
               span(f.text, f.notes[1].label_start, f.notes[1].label_length), "2");
  CHECK_STRING("notes web list body", span(f.text, f.notes[1].start, f.notes[1].length),
               "Ibid., p. 312.");
  CHECK("notes ibid resolves", f.notes[1].ibid_of == 1);
  CHECK_STRING("notes ibid locator",
               span(f.text, f.notes[1].locator_start, f.notes[1].locator_length), "p. 312");
  CHECK("notes prose note is not a short form", f.notes[2].ibid_of == 0);
  CHECK("notes short form resolves", f.notes[3].ibid_of == 1);
  CHECK("notes ibid after short form resolves through it", f.notes[4].ibid_of == 1);
  CHECK("notes last body stays one line", f.notes[4].length == strlen("Ibid."));
  ibid_free(f.notes);
}

static void test_bracketed_endnotes(void) {
  found f = find(
      "Body with a marker.1\n\n[1] Simmons, Beth A., \"Assessing the Court\" (2018). Pg 13.\n\n"
      "[2] Simmons, 15.\n\n[3] Appel, 10.\n");
  CHECK("notes bracketed count", f.count == 3);
  if (f.count != 3) return;
  CHECK("notes bracketed kind", f.notes[0].kind == IBID_NOTE_ENDNOTE);
  CHECK_STRING("notes bracketed label",
               span(f.text, f.notes[0].label_start, f.notes[0].label_length), "[1]");
  CHECK("notes author + page resolves", f.notes[1].ibid_of == 1);
  CHECK_STRING("notes author + page locator",
               span(f.text, f.notes[1].locator_start, f.notes[1].locator_length), "15");
  CHECK("notes unknown author stays unresolved", f.notes[2].ibid_of == 0);
  ibid_free(f.notes);
}

static void test_not_notes(void) {
  found f = find("1 Introduction\n2 Background\n3 Method\n");
  CHECK("notes contents are not notes", f.count == 0);
  ibid_free(f.notes);
  f = find("18 September 2004, the Council adopted resolution 1564, which\n19 states did.\n");
  CHECK("notes dates are not notes", f.count == 0);
  ibid_free(f.notes);
  f = find("");
  CHECK("notes empty text", f.count == 0 && f.notes == NULL);
  static const char with_nul[] = "1 Smith, ‘A’ (2001).\n\0002 Ibid.\n";
  ibid_note *notes;
  size_t count;
  CHECK("notes NUL bytes", ibid_find_notes(with_nul, sizeof(with_nul) - 1, &notes, &count) == 0);
  ibid_free(notes);
}

static void test_locators(void) {
  const char *cases[][2] = {{"p. 312.", "p. 312"}, {"pp. 322–6.", "pp. 322–6"},
                            {"at 45.", "at 45"},   {"para. 12", "para. 12"},
                            {"15.", "15"},         {"pp. 4, 9, 12, available", "pp. 4, 9, 12"},
                            {"§ 4.", "§ 4"},       {"24 October 1945", ""},
                            {"Journal, 3", ""}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    size_t n = ibid_read_locator(cases[i][0], 0, strlen(cases[i][0]));
    CHECK_STRING("notes locator", span(cases[i][0], 0, n), cases[i][1]);
  }
}

static void test_superscript_digits(void) {
  CHECK("notes superscript one", ibid_superscript_digit(0xB9) == 1);
  CHECK("notes superscript four", ibid_superscript_digit(0x2074) == 4);
  CHECK("notes superscript zero", ibid_superscript_digit(0x2070) == 0);
  CHECK("notes not superscript", ibid_superscript_digit('4') == -1);
  CHECK_STRING("notes kind name", ibid_note_kind_name(IBID_NOTE_ENDNOTE), "endnote");
}

int main(void) {
  test_web_footnote_list();
  test_bracketed_endnotes();
  test_not_notes();
  test_locators();
  test_superscript_digits();
  return check_finish();
}
