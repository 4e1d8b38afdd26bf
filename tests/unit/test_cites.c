/* test_cites.c -- unit tests of ext/citations/cites.c (ibid_find_cites). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cites.h"

static ibid_cite *cites;
static size_t count;

static void find(const char *text) {
  ibid_free_cites(cites, count);
  if (ibid_find_cites(text, strlen(text), &cites, &count) != 0) {
    printf("not ok out of memory\n");
    exit(1);
  }
}

static const char *or_empty(const char *s) {
  return s ? s : "";
}

/* "authors|year|suffix|locator|prefix|narrative|problem" of item i. */
static const char *row(size_t i) {
  static char buffer[512];
  if (i >= count) return "(none)";
  const ibid_cite *c = &cites[i];
  char year[16] = "";
  if (c->has_year) snprintf(year, sizeof(year), "%d", c->year);
  snprintf(buffer, sizeof(buffer), "%s|%s|%s|%s|%s|%d|%s", or_empty(c->authors), year, c->suffix,
           or_empty(c->locator), or_empty(c->prefix), c->narrative, or_empty(c->problem));
  return buffer;
}

/* The text of item i's span. */
static const char *span(const char *text, size_t i) {
  static char buffer[512];
  if (i >= count || cites[i].length >= sizeof(buffer)) return "(none)";
  memcpy(buffer, text + cites[i].start, cites[i].length);
  buffer[cites[i].length] = 0;
  return buffer;
}

static void test_parenthetical_forms(void) {
  find("as shown (Smith 2010).");
  CHECK("harvard no comma count", count == 1);
  CHECK_STRING("harvard no comma", row(0), "Smith|2010||||0|");
  find("x (Smith, 2010, p. 5).");
  CHECK_STRING("apa page", row(0), "Smith|2010||p. 5||0|");
  find("x (Smith 2010: 5).");
  CHECK_STRING("colon locator", row(0), "Smith|2010||5||0|");
  const char *text = "x (Smith and Jones 2010; Brown et al. 2011a, b).";
  find(text);
  CHECK("two items and a suffix", count == 3);
  CHECK_STRING("and", row(0), "Smith and Jones|2010||||0|");
  CHECK_STRING("et al a", row(1), "Brown et al.|2011|a|||0|");
  CHECK_STRING("et al b", row(2), "Brown et al.|2011|b|||0|");
  CHECK_STRING("span a", span(text, 1), "Brown et al. 2011a");
  CHECK_STRING("span b", span(text, 2), "b");
  CHECK("same group", cites[0].group == 1 && cites[2].group == 1);
  find("x (UN, 2005) y (OTP to UNSC, 2005a: 4)");
  CHECK_STRING("corporate", row(0), "UN|2005||||0|");
  CHECK_STRING("corporate with suffix", row(1), "OTP to UNSC|2005|a|4||0|");
  CHECK("two groups", count == 2 && cites[1].group == 2);
}

static void test_several_years(void) {
  const char *text = "(Saxon, 2015: 136-138, 2016)";
  find(text);
  CHECK("years count", count == 2);
  CHECK_STRING("first year", row(0), "Saxon|2015||136-138||0|");
  CHECK_STRING("second year", row(1), "Saxon|2016||||0|");
  CHECK_STRING("first span", span(text, 0), "Saxon, 2015: 136-138");
  CHECK_STRING("second span", span(text, 1), "2016");
  find("(Bensouda, 2012, 2014)");
  CHECK("bensouda count", count == 2);
  CHECK_STRING("page list is a locator", (find("(Wegner, 2015: 89, 113)"), row(0)),
               "Wegner|2015||89, 113||0|");
  find("(Zimov et al. 1995, Guimares et al. 2008, Johnson 2009)");
  CHECK("comma separated items", count == 3);
  CHECK_STRING("comma separated third", row(2), "Johnson|2009||||0|");
}

static void test_other_styles(void) {
  find(
      "(Smith et al., 2010, pp. 5\xE2\x80\x93"
      "7)");
  CHECK_STRING("pages with en dash", row(0),
               "Smith et al.|2010||pp. 5\xE2\x80\x93"
               "7||0|");
  find("(Smith 2010, 45)");
  CHECK_STRING("chicago author-date page", row(0), "Smith|2010||45||0|");
  find("(Foucault 1975/1995)");
  CHECK_STRING("original and reprint year", row(0), "Foucault|1975||||0|");
  find("(World Health Organization [WHO], 2010)");
  CHECK_STRING("apa abbreviation", row(0), "World Health Organization|2010||||0|");
  find("(Smith 45)");
  CHECK("mla author-page is not author-year", count == 0);
  find("Land (Mamdani 45) and (Table 4).\n\nWorks Cited\n\nMamdani, M. Define and Rule. 2012.\n");
  CHECK("mla author-page with a works-cited list", count == 1);
  if (count == 1) CHECK_STRING("mla author-page row", row(0), "Mamdani|||45||0|");
  find("(Smith, 2010) as Baldwin et al. 2006 found (Baldwin et al. 2006)");
  CHECK("bare et al. cite, once", count == 3);
  find(
      "(de Waal 2009) (O\xE2\x80\x99"
      "Brien, 2001) (\xC3\x9C"
      "nal, 2010)");
  CHECK_STRING("particle", row(0), "de Waal|2009||||0|");
  CHECK_STRING("apostrophe", row(1),
               "O\xE2\x80\x99"
               "Brien|2001||||0|");
  CHECK_STRING("non-ascii capital", row(2),
               "\xC3\x9C"
               "nal|2010||||0|");
  find("(Smith, 2010a, 2010b) (Cohen 1997 and Abrams 2006)");
  CHECK("suffixed years and joined items", count == 4);
  CHECK_STRING("second suffixed year", row(1), "Smith|2010|b|||0|");
  CHECK_STRING("joined by and", row(3), "Abrams|2006||||0|");
  find("(from Hopkins et al. 2014) (see Dickenson & Kelly, 1985 for a review)");
  CHECK_STRING("from prefix", row(0), "Hopkins et al.|2014|||from|0|");
  CHECK_STRING("trailing note", row(1), "Dickenson & Kelly|1985|||see|0|");
  find("According to the UN (2005), and However, Smith (2010) said");
  CHECK_STRING("narrative after the", row(0), "UN|2005||||1|");
  CHECK_STRING("narrative after comma word", row(1), "Smith|2010||||1|");
}

static void test_prefixes(void) {
  find("(see Smith 2010; also Jones 2011; e.g. Brown 2012; cf. Green 2013; see also White 2014)");
  CHECK("prefix count", count == 5);
  CHECK_STRING("see", row(0), "Smith|2010|||see|0|");
  CHECK_STRING("also", row(1), "Jones|2011|||also|0|");
  CHECK_STRING("e.g.", row(2), "Brown|2012|||e.g.|0|");
  CHECK_STRING("cf.", row(3), "Green|2013|||cf.|0|");
  CHECK_STRING("see also", row(4), "White|2014|||see also|0|");
  find("(see, e.g., Smith, 2010)");
  CHECK_STRING("see, e.g.", row(0), "Smith|2010|||see, e.g.|0|");
}

static void test_narrative(void) {
  const char *text = "Wegner (2015) argues; Snyder and Vinjamuri’s (2003: 5) view.";
  find(text);
  CHECK("narrative count", count == 2);
  CHECK_STRING("narrative", row(0), "Wegner|2015||||1|");
  CHECK_STRING("narrative span", span(text, 0), "Wegner (2015)");
  CHECK_STRING("possessive", row(1), "Snyder and Vinjamuri|2003||5||1|");
  find("As Smith (2010, p. 4) shows");
  CHECK_STRING("function word left out", row(0), "Smith|2010||p. 4||1|");
  find("Smith et al. (2010) found");
  CHECK_STRING("et al. narrative", row(0), "Smith et al.|2010||||1|");
  find("observe that, “it went on” (2015: 539).");
  CHECK_STRING("year and page only", row(0), "|2015||539||1|");
  find("Smith (n.d.) and Jones (forthcoming) and Brown (in press) say");
  CHECK("no-date forms", count == 3 && !cites[0].has_year && !cites[1].has_year &&
                             !cites[2].has_year && !cites[2].problem);
}

static void test_problems(void) {
  find("law in Darfur ( ). However");
  CHECK_STRING("empty", row(0), "|||||0|empty");
  find("Tunisia (Rishmawi, ).");
  CHECK_STRING("missing year", row(0), "Rishmawi|||||0|missing year");
  find("(Glassborrow, 2009; Wegner, 205: 135)");
  CHECK_STRING("implausible", row(1), "Wegner|205||135||0|implausible year");
  find("(… Moss, 2012: 8-10)");
  CHECK_STRING("junk before author", row(0), "Moss|2012||8-10||0|unknown");
  find("(Hayner, ; also Snyder and Vinjamuri, 2003: 5-7)");
  CHECK_STRING("missing year in group", row(0), "Hayner|||||0|missing year");
  CHECK_STRING("prefix after missing", row(1), "Snyder and Vinjamuri|2003||5-7|also|0|");
  find("call f() here");
  CHECK("function call is not empty cite", count == 0);
}

static void test_not_cites(void) {
  const char *texts[] = {"(ICC)",
                         "(2003-04)",
                         "(UNAMID)",
                         "(Q1)",
                         "(R2P)",
                         "(Sudan)",
                         "(see below)",
                         "(in 2005)",
                         "the statute (1998) entered",
                         "(from January to March 2005)",
                         "(March 2005)",
                         "(Darfur, Libya, Syria)",
                         "(S/2014/348)",
                         "(9.795 deaths)",
                         "Law Review, 19:1 (1956), pp. 1-27.",
                         "Rome Statute of the Court (1998) UNTS vol. 2187",
                         "ICJ Reports (2012), pp. 99–156.",
                         "Justice in Conflict (2015), available at: {}.",
                         "(Oxford: Oxford University Press, 2006)",
                         "(Blackwell Reference Online, 2014)",
                         "(Atlanta, 15 March 2016)",
                         "(16 April 2016)",
                         "(Article 13, 2005)",
                         "(Resolution 1593)",
                         "Wegner, P. (2015). The Court",
                         "E. Kakaras (2012). \"Title\"",
                         "(ANOVA, F2, 277, p = 0.01)",
                         "(Smith, 27)",
                         "Department of Justice (1997): “Guidelines”",
                         "(The crisis escalated in 2011)",
                         "84 Wash. U. L. Rev. 777 (2006).",
                         "\"Assessing the Court\" (2018). All",
                         "models (        ). A",
                         "the parentheses, ( )+, in",
                         "F (x) ( ), and"};
  for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
    char name[128];
    snprintf(name, sizeof(name), "not a cite: %s", texts[i]);
    find(texts[i]);
    CHECK(name, count == 0);
  }
}

static void test_line_breaks_and_bad_input(void) {
  const char *text =
      "(Brazilian \n\ndiplomats at UN Mission, 2012; Slim and Trombetta, 2014: \n\n16)";
  find(text);
  CHECK_STRING("authors across lines", row(0), "Brazilian diplomats at UN Mission|2012||||0|");
  CHECK_STRING("locator across lines", row(1), "Slim and Trombetta|2014||16||0|");
  static const char with_nul[] = "(Smith\0, 2010) (Jones, 2011)";
  ibid_free_cites(cites, count);
  CHECK("nul bytes", ibid_find_cites(with_nul, sizeof(with_nul) - 1, &cites, &count) == 0 &&
                         count == 1 && strcmp(cites[0].authors, "Jones") == 0);
  ibid_free_cites(cites, count);
  CHECK("empty text", ibid_find_cites("", 0, &cites, &count) == 0 && count == 0 && !cites);
  find("((((((((((((((((((((((((((((((");
  CHECK("open parentheses only", count == 0);
  find("(Smith, 2010");
  CHECK("unclosed", count == 0);
}

/* German, French and Spanish forms: "/" and "u. a." between names, their prefixes,
** clause words before a narrative name; a month pair is no author. */
static void test_other_languages(void) {
  find("(vgl. M\xC3\xBCller/Schmidt 2003: 23; Bogumil u. a. 2007) (Smith u.a. 2001)");
  CHECK("german count", count == 3);
  CHECK_STRING("slash between names", row(0), "M\xC3\xBCller/Schmidt|2003||23|vgl.|0|");
  CHECK_STRING("u. a.", row(1), "Bogumil u. a.|2007||||0|");
  CHECK_STRING("u.a.", row(2), "Smith u.a.|2001||||0|");
  find("Mayntz/Scharpf (1995) und Bogumil u. a. (2007) zeigen. Nach Schuppert (2005) nicht.");
  CHECK_STRING("narrative slash", row(0), "Mayntz/Scharpf|1995||||1|");
  CHECK_STRING("narrative u. a.", row(1), "Bogumil u. a.|2007||||1|");
  CHECK_STRING("narrative after Nach", row(2), "Schuppert|2005||||1|");
  find(
      "(voir aussi Dupont et Martin, 2004, p. 12) Selon Bourdieu (1970) "
      "(v\xC3\xA9"
      "ase tambi\xC3\xA9n Garc\xC3\xAD"
      "a y L\xC3\xB3pez, 2010)");
  CHECK_STRING("voir aussi", row(0), "Dupont et Martin|2004||p. 12|voir aussi|0|");
  CHECK_STRING("narrative after Selon", row(1), "Bourdieu|1970||||1|");
  CHECK_STRING("véase también", row(2),
               "Garc\xC3\xAD"
               "a y L\xC3\xB3pez|2010|||v\xC3\xA9"
               "ase tambi\xC3\xA9n|0|");
  find(
      "(May/June 1987) (Spring/Summer, 1991). Trends in Mathematics, "
      "Birkh\xC3\xA4user/Springer, Basel (2010), 233-289.");
  CHECK("months, seasons and a publisher's place are no authors", count == 0);
  find("The WHO (2021) estimates it.");
  CHECK_STRING("an acronym spelling a function word is a name", row(0), "WHO|2021||||1|");
}

/* Regressions of the German/French/Spanish forms: clause words that are also
** surnames or particles, slash pairs that are not names, acronyms. */
static void test_other_languages_names(void) {
  static const char *const named[][2] = {
      {"Veena Das (2007) argues.", "Veena Das"},
      {"As Das (2007) argues", "Das"},
      {"Das et al. (2004) argue.", "Das et al."},
      {"Poole and Das (2004)", "Poole and Das"},
      {"Dann (1977) introduced", "Dann"},
      {"Bei (2010)", "Bei"},
      {"Para (2015)", "Para"},
      {"Auch (2001)", "Auch"},
      {"Sur (2010)", "Sur"},
      {"Wie (2010)", "Wie"},
      {"Der Derian (2009)", "Der Derian"},
      {"Den Boer (2010)", "Den Boer"},
      {"Das Gupta (2005)", "Das Gupta"},
      {"Les Back (2007)", "Les Back"},
      {"Das and Poole (2004)", "Das and Poole"},
      {"Ver Steeg (2010)", "Ver Steeg"},
      {"(Ver Steeg 2010)", "Ver Steeg"},
      {"Es ist so. Bei Weber (1922) nicht.", "Weber"},
      {"THE END (2010).", "END"},
      {"REPORT OF THE WHO (2010)", "WHO"},
  };
  for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
    find(named[i][0]);
    CHECK_STRING(named[i][0], count ? or_empty(cites[0].authors) : "(none)", named[i][1]);
  }
  find("(ver P\xC3\xA9rez 2010)");
  CHECK_STRING("lower-case ver is a prefix", row(0), "P\xC3\xA9rez|2010|||ver|0|");
  static const char *const not_names[] = {
      "(Nov/Dec 2003)",       "(Sept/Oct 2003)", "(Mai/Juni 2003)",  "(Mai/Juin 2004)",
      "(Sommer/Herbst 2004)", "(EU/US 2010)",    "(EU/Turkey 2016)", "(TCP/IP 1981)",
      "(USA/UK 2003)",        "(M/F 2010)",      "(A/B 2010)",       "(Nov./Dec. 2003)",
  };
  for (size_t i = 0; i < sizeof(not_names) / sizeof(not_names[0]); i++) {
    find(not_names[i]);
    CHECK(not_names[i], count == 0);
  }
}

int main(void) {
  test_parenthetical_forms();
  test_several_years();
  test_prefixes();
  test_other_styles();
  test_other_languages();
  test_other_languages_names();
  test_narrative();
  test_problems();
  test_not_cites();
  test_line_breaks_and_bad_input();
  ibid_free_cites(cites, count);
  return check_finish();
}
