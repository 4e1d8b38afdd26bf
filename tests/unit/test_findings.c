/* test_findings.c -- unit tests of the pure findings analyser (ext/findings/findings.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "findings.h"
#include "memory.h"

static int analyse(const char *text, ibid_findings *result) {
  return ibid_find_findings(text, strlen(text), result);
}

static void test_case_names(void) {
  static const struct {
    const char *title, *name;
  } cases[] = {
      {"The Darfur referral", "Darfur"},
      {"The attempted Syria referral", "Syria"},
      {"The situation in Borovia", "Borovia"},
      {"The 2011 Libya crisis", "Libya"},
      {"Bosnia and Herzegovina", "Bosnia and Herzegovina"},
      {"The Democratic Republic of the Congo situation", "Democratic Republic of the Congo"},
      {"water privatisation", "water privatisation"},
      {"Darfur (Sudan)", "Darfur (Sudan)"}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
    char *name = ibid_case_short_name(cases[i].title, strlen(cases[i].title));
    CHECK_STRING("case_short_name", name, cases[i].name);
    ibid_free(name);
  }
}

static void test_polarity(void) {
  static const struct {
    const char *text;
    ibid_polarity polarity;
  } cases[] = {{"Hindered humanitarian assistance", IBID_POLARITY_NEGATIVE},
               {"Useful bargaining chip to improve humanitarian access", IBID_POLARITY_POSITIVE},
               {"Very limited deterrence effect", IBID_POLARITY_NEGATIVE},
               {"No observable deterrence effect", IBID_POLARITY_NEGATIVE},
               {"End impunity", IBID_POLARITY_NONE},
               {"The rationale was to deter further crimes.", IBID_POLARITY_NONE},
               {"The referral did not deter perpetrators.", IBID_POLARITY_NEGATIVE},
               {"In sum, the effects were mixed.", IBID_POLARITY_MIXED},
               {"It helped victims but undermined trust.", IBID_POLARITY_MIXED},
               {"No measurable effect on violence", IBID_POLARITY_NEGATIVE},
               {"the relationship is not necessarily \xE2\x80\x9Cwin-win\xE2\x80\x9D",
                IBID_POLARITY_NEGATIVE}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
    CHECK_STRING("polarity",
                 ibid_polarity_name(ibid_text_polarity(cases[i].text, strlen(cases[i].text))),
                 ibid_polarity_name(cases[i].polarity));
}

static const char *const study =
    "Two questions guide the study:\n"
    "\n"
    "Q1: Did sanctions help?\n"
    "Q2: Did sanctions\n"
    "harm civilians?\n"
    "\n"
    "Case study 1: The Ostland sanctions\n"
    "\n"
    "Q1: Did sanctions help in Ostland?\n"
    "\n"
    "Trade fell sharply (Berg, 2010: 4). Hence, the sanctions failed to change policy.\n"
    "\n"
    "Figure 1. Findings Ostland\n"
    "\n"
    "Case 1: Ostland\n"
    "Q1 \xC2\xA7 Failed to change policy\n"
    "\xC3\xBC Encouraged talks\n"
    "Q2 \xC2\xA7 Hurt the poorest\n"
    "\n"
    "Case 2: Westmark\n"
    "\n"
    "It can be concluded that the embargo was useful.\n"
    "\n"
    "Conclusion\n"
    "\n"
    "In sum, sanctions rarely worked.\n";

static void test_structure(void) {
  ibid_findings r;
  CHECK("analyse", analyse(study, &r) == 0);
  CHECK("two cases", r.case_count == 2);
  if (r.case_count == 2) {
    CHECK_STRING("case 1", r.cases[0].name, "Ostland");
    CHECK_STRING("case 2", r.cases[1].name, "Westmark");
    const char *conclusion = strstr(study, "Conclusion");
    CHECK("case 2 ends at Conclusion",
          r.cases[1].start + r.cases[1].length < (size_t)(conclusion - study));
  }
  CHECK("two questions", r.question_count == 2);
  if (r.question_count == 2) {
    CHECK_STRING("Q2 label", r.questions[1].label, "Q2");
    CHECK_STRING("Q2 joined", r.questions[1].text, "Did sanctions harm civilians?");
  }
  size_t figure = 0, conclusion = 0;
  for (size_t i = 0; i < r.finding_count; i++) {
    const ibid_finding *f = &r.findings[i];
    if (f->source == IBID_FINDING_FIGURE) {
      figure++;
      CHECK_STRING("figure case", f->case_name, "Ostland");
    } else {
      conclusion++;
    }
    if (strcmp(f->text, "Encouraged talks") == 0) {
      CHECK("check mark is positive", f->polarity == IBID_POLARITY_POSITIVE);
      CHECK_STRING("row label", f->question, "Q1");
    }
    if (strncmp(f->text, "Hence", 5) == 0) {
      CHECK_STRING("conclusion case", f->case_name, "Ostland");
      CHECK_STRING("conclusion question", f->question, "Q1");
      CHECK("conclusion negative", f->polarity == IBID_POLARITY_NEGATIVE);
    }
    if (strncmp(f->text, "In sum", 6) == 0)
      CHECK("summary not tied to a case", f->case_name == NULL);
  }
  CHECK("three figure findings", figure == 3);
  CHECK("three conclusions", conclusion == 3);
  CHECK("one evidence row", r.evidence_count == 1);
  ibid_findings_free(&r);
}

static void test_interleaved_columns(void) {
  /* Columns of a balance sheet extracted row-wise: "Limited" opens each
  ** column, the dangling "effect on" is completed by the later fragment, and
  ** the run of identical bullets is spread over columns 1..2. */
  const char *text =
      "Figure 9. Balance\n"
      "\n"
      "Case 1: Ostland Case 2: Westmark Overall\n"
      "\n"
      "Q1\n"
      "\n"
      "\xE2\x80\xA2 Limited effect on\n"
      "\n"
      "\xE2\x80\xA2 Limited effect on\n"
      "\n"
      "\xE2\x80\xA2 No effect\n"
      "\xE2\x80\xA2 Costs ignored\n"
      "\xE2\x80\xA2 Costs ignored\n"
      "\n"
      "trade\n"
      "\n"
      "prices\n";
  ibid_findings r;
  CHECK("analyse interleaved", analyse(text, &r) == 0);
  CHECK("five cells", r.finding_count == 5);
  const char *expected[][2] = {{"Ostland", "Limited effect on trade"},
                               {"Westmark", "Limited effect on prices"},
                               {"all", "No effect"},
                               {"Ostland", "Costs ignored"},
                               {"Westmark", "Costs ignored"}};
  for (size_t i = 0; i < r.finding_count && i < 5; i++) {
    CHECK_STRING("interleaved case", r.findings[i].case_name, expected[i][0]);
    CHECK_STRING("interleaved text", r.findings[i].text, expected[i][1]);
  }
  ibid_findings_free(&r);
}

static void test_table_lines(void) {
  /* Web-copied and Markdown tables: cells separated by '|' or tabs. */
  const char *text =
      "Case 1: The Aurelia commission\n\nCase 2: Borovia\n\nConclusion\n\n"
      "Table 2. Comparison\n\n"
      "| | Case 1: Aurelia | Case 2: Borovia | Overall |\n"
      "|---|---|---|---|\n"
      "| H1 | Improved trust | No effect on trust | Mixed effect |\n"
      "| H2 | \xE2\x9C\x93 Less violence | | Some effect |\n";
  ibid_findings r;
  CHECK("analyse table", analyse(text, &r) == 0);
  const char *expected[][3] = {{"Aurelia", "H1", "Improved trust"},
                               {"Borovia", "H1", "No effect on trust"},
                               {"all", "H1", "Mixed effect"},
                               {"Aurelia", "H2", "Less violence"},
                               {"all", "H2", "Some effect"}};
  CHECK("five table cells", r.finding_count == 5);
  for (size_t i = 0; i < r.finding_count && i < 5; i++) {
    CHECK_STRING("table case", r.findings[i].case_name, expected[i][0]);
    CHECK_STRING("table question", r.findings[i].question, expected[i][1]);
    CHECK_STRING("table text", r.findings[i].text, expected[i][2]);
  }
  if (r.finding_count == 5)
    CHECK("check mark cell", r.findings[3].polarity == IBID_POLARITY_POSITIVE);
  ibid_findings_free(&r);
}

static void test_case_conclusion_subsection(void) {
  /* "Conclusion" between two cases closes a subsection, not the case. */
  const char *text =
      "Case 1: Ostland\n\nConclusion\n\nIn sum, aid failed.\n\n"
      "Case 2: Westmark\n\nText.\n\nConclusion\n\nIn sum, both failed.\n";
  ibid_findings r;
  CHECK("analyse subsection", analyse(text, &r) == 0);
  CHECK("two conclusions", r.finding_count == 2);
  if (r.finding_count == 2) {
    CHECK_STRING("case conclusion", r.findings[0].case_name, "Ostland");
    CHECK("general conclusion", r.findings[1].case_name == NULL);
  }
  ibid_findings_free(&r);
}

static void test_bad_input(void) {
  ibid_findings r;
  CHECK("empty", ibid_find_findings("", 0, &r) == 0 && r.finding_count == 0 && r.case_count == 0);
  ibid_findings_free(&r);
  const char nul[] = "Case 1: A\0B\nFigure 1.\0\nQ1 \xC2\xA7 x\0y";
  CHECK("nul bytes", ibid_find_findings(nul, sizeof(nul) - 1, &r) == 0);
  ibid_findings_free(&r);
  const char *odd[] = {
      "(",   "(Smith, 2001", "[",         "Case",     "Case 1:",
      "Q1:", "Figure 1.",    "\xC2\xA7 ", "Abstract", "Case 1: X\nCase 1: Y\nCase 2: Z\n"};
  for (size_t i = 0; i < sizeof(odd) / sizeof(*odd); i++) {
    CHECK("odd input", analyse(odd[i], &r) == 0);
    ibid_findings_free(&r);
  }
}

int main(void) {
  test_case_names();
  test_polarity();
  test_structure();
  test_interleaved_columns();
  test_table_lines();
  test_case_conclusion_subsection();
  test_bad_input();
  return check_finish();
}
