/* test_text.c -- unit tests of ibid_clean_text (ext/text/text.h). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "memory.h"
#include "text.h"

/* Cleans a NUL-terminated string; checks that cleaning again changes nothing. */
static char *clean(const char *text) {
  size_t length = 0, again_length = 0;
  char *once = ibid_clean_text(text, strlen(text), &length);
  if (!once) return NULL;
  char *twice = ibid_clean_text(once, length, &again_length);
  int same = twice && again_length == length && memcmp(once, twice, length) == 0;
  ibid_free(twice);
  if (!same) printf("not ok idempotent: %s\n", text);
  return once;
}

#define CHECK_CLEAN(name, input, want) \
  do {                                 \
    char *got = clean(input);          \
    CHECK_STRING(name, got, want);     \
    ibid_free(got);                    \
  } while (0)

/* A hard-wrapped, double-spaced PDF page around `middle` lines. */
static const char *const wrapped_lines[] = {
    "The first paragraph of this extracted article runs over several lines that ",
    "are all about the same width, because the page had a fixed text column, and ",
    "the extraction kept the line breaks of the printed page instead of the flow ",
    "of the paragraph, so the cleaner has to decide where the paragraphs really ",
    "end. It joins lines whose next word would not have fitted on the line above. ",
    "Here the long sentence brings together the interna-",
    "tional community of states and the growing anti-",
    "atrocity regime with the widely known and taught counter-",
    "insurgency doctrine of the time in one sentence that runs on to the end of ",
    "the paragraph without any stop.",
};

static char *wrapped_text(void) {
  static char text[4096];
  text[0] = 0;
  for (size_t i = 0; i < sizeof(wrapped_lines) / sizeof(wrapped_lines[0]); i++) {
    strcat(text, wrapped_lines[i]);
    strcat(text, "\n");
  }
  strcat(text, "\nIntroduction\n\n");
  for (size_t i = 0; i < 5; i++) {
    strcat(text, wrapped_lines[i]);
    strcat(text, "\n");
  }
  return text;
}

int main(void) {
  CHECK_CLEAN("empty", "", "");
  CHECK_CLEAN("blank lines only", " \n\t\n\n", "");
  CHECK_CLEAN("one line gets a final newline", "Hello", "Hello\n");
  CHECK_CLEAN("controls removed, CRLF unified",
              "a\x01"
              "b\r\nc\rd",
              "ab\n\nc\n\nd\n");
  CHECK_CLEAN("odd spaces",
              "a\xC2\xA0"
              "b\xE2\x80\x89"
              "c\xE2\x80\x8B"
              "d  e",
              "a b cd e\n");
  CHECK_CLEAN("soft hyphen at a line end joins the word", "inter\xC2\xAD\n  national law",
              "international law\n");
  CHECK_CLEAN("soft hyphen inside a word is dropped",
              "co\xC2\xAD"
              "operation",
              "cooperation\n");
  CHECK_CLEAN("NFC", "e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9\n");
  CHECK_CLEAN("form feed is a line break", "page one.\fpage two.", "page one.\n\npage two.\n");
  CHECK_CLEAN("site chrome dropped", "Skip to main content\n\nReal text.\n\nLoading metrics...\n",
              "Real text.\n");
  CHECK_CLEAN("chrome phrases in a row", "Skip to main content Accessibility help\nText.",
              "Text.\n");
  CHECK_CLEAN("dialog under a chrome line dropped",
              "Title\n  Send article to Kindle\n    To send this article, do this.\n\nBody.",
              "Title\n\nBody.\n");
  CHECK_CLEAN("page numbers dropped", "Some text.\n\n12\n\nPage 3 of 9\n\nMore text.",
              "Some text.\n\nMore text.\n");
  CHECK_CLEAN("repeated furniture kept once",
              "Journal of Things 4\n\nOne.\n\nJournal of Things 4\n\nTwo.\n\nJournal of Things 4",
              "Journal of Things 4\n\nOne.\n\nTwo.\n");
  CHECK_CLEAN("twice is not furniture", "Read more\n\nA.\n\nRead more",
              "Read more\n\nA.\n\nRead more\n");
  CHECK_CLEAN("bullets stay apart", "\xE2\x80\xA2 one\n\xE2\x80\xA2 two",
              "\xE2\x80\xA2 one\n\n\xE2\x80\xA2 two\n");
  CHECK_CLEAN("table row keeps columns", "Case   Year   Votes\nDarfur   2005   11",
              "Case\tYear\tVotes\n\nDarfur\t2005\t11\n");

  char *got = clean(wrapped_text());
  CHECK("wrapped: paragraph joined",
        got && strstr(got, "runs over several lines that are all about the same width"));
  CHECK("wrapped: typesetting hyphen removed",
        got && strstr(got, "brings together the international community"));
  CHECK("wrapped: prefix hyphen kept", got && strstr(got, "growing anti-atrocity regime"));
  CHECK("wrapped: compound kept", got && strstr(got, "counter-insurgency doctrine"));
  CHECK("wrapped: sentence end on a short line ends the paragraph",
        got && strstr(got, "without any stop.\n\nIntroduction\n\nThe first paragraph"));
  CHECK("wrapped: last paragraph ends the text",
        got && strstr(got, "would not have fitted on the line above.\n") &&
            got[strlen(got) - 2] == '.');
  ibid_free(got);

  /* NUL bytes inside the input are dropped, not taken as the end */
  size_t length = 0;
  char *with_nul = ibid_clean_text("a\0b", 3, &length);
  CHECK("NUL removed", with_nul && length == 3 && memcmp(with_nul, "ab\n", 3) == 0);
  ibid_free(with_nul);

  int level = 0;
  CHECK("bullet length", ibid_text_bullet_length("\xE2\x80\xA2  x", 6, &level) == 5 && level == 1);
  CHECK("section sign before a number is no bullet",
        ibid_text_bullet_length("\xC2\xA7 12", 5, 0) == 0);
  CHECK("chrome", ibid_text_is_chrome("Loading metrics...", 18));
  CHECK("not chrome", !ibid_text_is_chrome("Loading the ship", 16));
  CHECK("page number", ibid_text_is_page_number("- 4 -", 5));
  CHECK("year is not a page number", !ibid_text_is_page_number("2018", 4));
  return check_finish();
}
