/* test_meta.c -- document metadata (ext/meta.c) on small hand-made layouts. */
#include <string.h>

#include "check.h"
#include "memory.h"
#include "meta.h"

static char *meta_of(const char *text) {
  size_t length = 0;
  char *json = ibid_meta_json(text, strlen(text), &length);
  return json;
}

/* Checks that the JSON contains `fragment`. */
static void check_has(const char *name, const char *text, const char *fragment) {
  char *json = meta_of(text);
  int found = json && strstr(json, fragment) != NULL;
  if (!found) printf("# got %s\n", json ? json : "(null)");
  CHECK(name, found);
  ibid_free(json);
}

static void check_lacks(const char *name, const char *text, const char *fragment) {
  char *json = meta_of(text);
  int found = !json || strstr(json, fragment) != NULL;
  if (found) printf("# got %s\n", json ? json : "(null)");
  CHECK(name, !found);
  ibid_free(json);
}

static const char colon_record[] =
    "Title: Peace versus Justice in Transitional Settings\n"
    "Authors: Jane Q. Doe; Pierre van der Berg\n"
    "Journal: Journal of Conflict Studies\n"
    "Volume: 12\n"
    "Issue: 3\n"
    "Pages: 45-67\n"
    "Publication date: 2019-05-02\n"
    "Publisher: Example University Press\n"
    "DOI: https://doi.org/10.1234/jcs.2019.0042.\n"
    "Keywords: amnesty; peace negotiations, transitional justice\n";

static const char glued_record[] =
    "Norms under Pressure\n\n"
    "Ann Smith (Corresponding author), Bo Lee\n\n"
    "Original languageFrench\n"
    "Pages (from-to)1-20\n"
    "JournalGlobal Governance\n"
    "Volume7\n"
    "Issue number2\n"
    "Early online date4 March 2015\n"
    "Publication statusPublished - 2016\n\n"
    "  \xe2\x80\xa2 Norms\n\n"
    "  \xe2\x80\xa2 Contestation\n";

static const char unlabelled[] =
    "Skip to main content\n\n"
    "The Politics of Deferral:\n\n"
    "Article 16 and the Security Council\n\n"
    "By Maria Lopez and Tom O\xe2\x80\x99Neill\n\n"
    "Abstract\n"
    "This article examines deferral requests made to the Security Council. It traces their\n"
    "drafting history and the debates they provoked among states parties and observers.\n"
    "It finds that deferral has been used as a bargaining chip rather than as a tool of\n"
    "peace. It closes with proposals for reform that would restore the provision's purpose.\n\n"
    "Keywords: deferral, Security Council\n\n"
    "1 Introduction\n";

static const char web_page[] =
    "Home Menu Search\n\n"
    "Why the Court Matters\n\n"
    "The Court is a permanent institution that deserves support.\n\n"
    "Journalists said the Court was busy. Volume of work grew steadily over the years.\n";

static void test_colon_record(void) {
  check_has("colon title", colon_record,
            "\"title\":\"Peace versus Justice in Transitional Settings\"");
  check_has("colon authors", colon_record,
            "\"author\":[{\"family\":\"Doe\",\"given\":\"Jane Q.\"},{\"family\":\"van der Berg\","
            "\"given\":\"Pierre\"}]");
  check_has("colon journal", colon_record, "\"container-title\":\"Journal of Conflict Studies\"");
  check_has("colon volume issue page", colon_record,
            "\"volume\":\"12\",\"issue\":\"3\",\"page\":\"45-67\"");
  check_has("colon iso date", colon_record, "\"issued\":{\"date-parts\":[[2019,5,2]]}");
  check_has("colon publisher", colon_record, "\"publisher\":\"Example University Press\"");
  check_has("colon doi trimmed", colon_record, "\"DOI\":\"10.1234/jcs.2019.0042\"");
  check_has("colon keywords", colon_record,
            "\"keywords\":[\"amnesty\",\"peace negotiations\",\"transitional justice\"]");
  check_has("colon type from journal", colon_record, "\"type\":\"article-journal\"");
}

static void test_glued_record(void) {
  check_has("glued title", glued_record, "\"title\":\"Norms under Pressure\"");
  check_has(
      "glued role", glued_record,
      "{\"family\":\"Smith\",\"given\":\"Ann\",\"role\":\"corresponding\"},{\"family\":\"Lee\"");
  check_has("glued language code", glued_record, "\"language\":\"fr\"");
  check_has("glued journal", glued_record, "\"container-title\":\"Global Governance\"");
  check_has("glued volume", glued_record, "\"volume\":\"7\"");
  check_has("glued available", glued_record, "\"available-date\":{\"date-parts\":[[2015,3,4]]}");
  check_has("glued issued year only", glued_record, "\"issued\":{\"date-parts\":[[2016]]}");
  check_has("glued status", glued_record, "\"status\":\"Published\"");
  check_has("glued record keywords", glued_record, "\"keywords\":[\"Norms\",\"Contestation\"]");
}

static void test_unlabelled(void) {
  check_has("title over blocks after colon", unlabelled,
            "\"title\":\"The Politics of Deferral: Article 16 and the Security Council\"");
  check_has("byline with apostrophe", unlabelled,
            "[{\"family\":\"Lopez\",\"given\":\"Maria\"},{\"family\":\"O\xe2\x80\x99Neill\","
            "\"given\":\"Tom\"}]");
  check_has("abstract heading", unlabelled, "\"abstract\":\"This article examines deferral");
  check_has("abstract joined lines", unlabelled, "drafting history and the debates");
  check_has("abstract stops at keywords", unlabelled, "provision's purpose.\",\"keywords\"");
  check_has("type from self reference", unlabelled, "\"type\":\"article-journal\"");
  check_has("keywords line", unlabelled, "\"keywords\":[\"deferral\",\"Security Council\"]");
}

static void test_absent(void) {
  check_has("web title after chrome", web_page, "\"title\":\"Why the Court Matters\"");
  check_lacks("no author guessed", web_page, "author");
  check_lacks("one sentence is no abstract", web_page, "abstract");
  check_lacks("prose is not a label", web_page, "container-title");
  check_lacks("prose volume is not a label", web_page, "volume");
  check_has("empty", "", "{}");
  char with_nul[] = "Title\0line\n\nA B";
  size_t length = 0;
  char *json = ibid_meta_json(with_nul, sizeof(with_nul) - 1, &length);
  CHECK("nul bytes ok", json && length == strlen(json));
  ibid_free(json);
}

int main(void) {
  test_colon_record();
  test_glued_record();
  test_unlabelled();
  test_absent();
  return check_finish();
}
