/* test_meta.c -- document metadata (ext/format/meta.c) on small hand-made layouts. */
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

static const char pdf_first_page[] =
    "Journal of Genocide Research, 2019\n"
    "Vol. 21, No. 3, 345\xe2\x80\x93"
    "367, https://doi.org/10.1080/14623528.2019.1234567\n\n"
    "The Limits of Deterrence: Evidence from Uganda\n\n"
    "JANE DOE and RICHARD ROE\n\n"
    "ABSTRACT\n"
    "Scholars disagree about whether international courts deter atrocities. This article uses new\n"
    "data on rebel behaviour in northern Uganda to test deterrence claims. We find weak effects\n"
    "that fade when prosecutions stall. The findings suggest that deterrence depends on arrest.\n\n"
    "KEYWORDS ICC; deterrence; Uganda\n\n"
    "Introduction\n";

static const char blog_post[] =
    "Menu\n\n"
    "Why Universal Jurisdiction Still Matters\n\n"
    "By Ana Ruiz | March 3, 2021\n\n"
    "Universal jurisdiction has returned to the headlines. Courts in Europe have opened cases.\n";

static const char publisher_page[] =
    "Journal of International Criminal Justice, Volume 18, Issue 2, May 2020, Pages 345\xe2\x80\x93"
    "367, https://doi.org/10.1093/jicj/mqaa012\n"
    "Published: 12 June 2020\n\n"
    "Complementarity in Practice\n\n"
    "Kevin Jon Heller\n\n"
    "Abstract\n"
    "Short.\n";

static const char title_page[] =
    "COMPETITIVE PROCESSES CONTROLLING\n\n"
    "THE FATE OF ARSENIC\n\n\n"
    "A DISSERTATION\n"
    "SUBMITTED TO THE DEPARTMENT OF EARTH SCIENCES\n";

static const char cambridge_page[] =
    "Review of International Studies , Volume 44 , Issue 1 , January 2018 , pp. 101 - 127\n"
    "Published online by Cambridge University Press: 23 August 2017\n\n"
    "A Title of Six Words Here\n\n"
    "Ann Bell and Carl Dunn\n";

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

static void test_other_layouts(void) {
  check_has("masthead is not the title", pdf_first_page,
            "\"title\":\"The Limits of Deterrence: Evidence from Uganda\"");
  check_has("capital names under a mixed-case title", pdf_first_page,
            "\"author\":[{\"family\":\"DOE\",\"given\":\"JANE\"},{\"family\":\"ROE\"");
  check_has("vol no line", pdf_first_page, "\"volume\":\"21\",\"issue\":\"3\"");
  check_has("doi in masthead", pdf_first_page, "\"DOI\":\"10.1080/14623528.2019.1234567\"");
  check_lacks("no year from the doi", pdf_first_page, "1080]");
  check_has("capital abstract heading", pdf_first_page, "\"abstract\":\"Scholars disagree");
  check_has("keywords with one space", pdf_first_page,
            "\"keywords\":[\"ICC\",\"deterrence\",\"Uganda\"]");
  check_has("byline with date", blog_post,
            "\"author\":[{\"family\":\"Ruiz\",\"given\":\"Ana\"}],\"issued\":{\"date-parts\":[["
            "2021,3,3]]}");
  check_lacks("standfirst is no abstract", blog_post, "abstract");
  check_has("citation line container", publisher_page,
            "\"container-title\":\"Journal of International Criminal Justice\",\"volume\":\"18\","
            "\"issue\":\"2\",\"page\":\"345\xe2\x80\x93"
            "367\"");
  check_has("published label", publisher_page, "\"issued\":{\"date-parts\":[[2020,6,12]]}");
  check_has(
      "publisher page title and author", publisher_page,
      "\"title\":\"Complementarity in Practice\",\"author\":[{\"family\":\"Heller\",\"given\":"
      "\"Kevin Jon\"}]");
  check_lacks("a one-word abstract is none", publisher_page, "abstract");
  check_has("capital title over blocks", title_page,
            "\"title\":\"COMPETITIVE PROCESSES CONTROLLING THE FATE OF ARSENIC\"");
  check_lacks("capital lines are not names", title_page, "author");
  check_has(
      "spaced citation line", cambridge_page,
      "\"container-title\":\"Review of International Studies\",\"volume\":\"44\",\"issue\":\"1\","
      "\"page\":\"101 - 127\",\"issued\":{\"date-parts\":[[2018,1]]}");
  check_has("inverted names", "On Complementarity\n\nMills, Kurt and Bloomfield, Alan\n",
            "\"author\":[{\"family\":\"Mills\",\"given\":\"Kurt\"},{\"family\":\"Bloomfield\","
            "\"given\":\"Alan\"}]");
  check_has("place is not an inverted name",
            "On Complementarity\n\nGeneva, Switzerland\n\nSchabas, W. A.\n",
            "\"author\":[{\"family\":\"Schabas\",\"given\":\"W. A.\"}]");
  check_has("published online by", cambridge_page,
            "\"available-date\":{\"date-parts\":[[2017,8,23]]}");
}

int main(void) {
  test_colon_record();
  test_glued_record();
  test_unlabelled();
  test_absent();
  test_other_layouts();
  return check_finish();
}
