/* test_refparse.c -- unit tests of the reference parser (ext/references/refparse.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "memory.h"
#include "refmodel.h"
#include "refparse.h"
#include "reftokens.h"

static char *parse(const char *text) {
  size_t length = 0;
  return ibid_parse_reference_json(text, strlen(text), &length);
}

/* Does the JSON of `text` contain `needle`? */
static int parsed_contains(const char *text, const char *needle) {
  char *json = parse(text);
  int found = json && strstr(json, needle) != NULL;
  if (!found) printf("# %s\n#   -> %s\n#   wanted %s\n", text, json ? json : "(null)", needle);
  ibid_free(json);
  return found;
}

/* Is `needle` absent from the JSON of `text`? */
static int parsed_lacks(const char *text, const char *needle) {
  char *json = parse(text);
  int absent = json && strstr(json, needle) == NULL;
  ibid_free(json);
  return absent;
}

static void test_tokens(void) {
  const char text[] = "  Smith,\xC2\xA0J.  (2001)\n";
  size_t count = 0;
  int failed = 0;
  ibid_reftoken *tokens = ibid_reftokens_split(text, sizeof(text) - 1, &count, &failed);
  CHECK("refparse tokens: NBSP separates", count == 3 && !failed);
  CHECK("refparse tokens: offsets", tokens && tokens[0].start == 2 && tokens[0].length == 6);
  ibid_free(tokens);
  tokens = ibid_reftokens_split("", 0, &count, &failed);
  CHECK("refparse tokens: empty", tokens == NULL && count == 0 && !failed);
  CHECK("refparse lexicon: every word found by its hash table",
        ibid_reftokens_lexicon_misses() == 0);
}

static void test_empty_and_odd(void) {
  size_t length = 99;
  char *json = ibid_parse_reference_json("", 0, &length);
  CHECK_STRING("refparse: empty text gives an empty object", json, "{}");
  ibid_free(json);
  const char nul[] = "Smith, J.\0 A title. 2001.";
  json = ibid_parse_reference_json(nul, sizeof(nul) - 1, &length);
  CHECK("refparse: NUL bytes", json != NULL && strlen(json) == length);
  ibid_free(json);
  /* Far beyond IBID_REFPARSE_MAX_BYTES: only the prefix is read. */
  size_t big = 200000;
  char *long_text = malloc(big);
  for (size_t i = 0; i < big; i++) long_text[i] = "ab c. 1999, "[i % 12];
  json = ibid_parse_reference_json(long_text, big, &length);
  CHECK("refparse: long input", json != NULL);
  ibid_free(json);
  free(long_text);
}

static void test_pages(void) {
  CHECK("refparse pages: lost dash 443469",
        parsed_contains("Bassiouni, M. Cherif, 'Negotiating the Treaty', Cornell International Law "
                        "Journal, 32 (1999), pp. 443469 .",
                        "\"page\":\"443-469\""));
  CHECK("refparse pages: lost dash 9091",
        parsed_contains("Goldsmith, Jack, 'The self-defeating Court', Law Review, 70:1 (2003), "
                        "pp. 9091 .",
                        "\"page\":\"90-91\""));
  CHECK("refparse pages: lost dash 190199",
        parsed_contains("Schabas, William A., An Introduction to the Court (Cambridge: Cambridge "
                        "University Press, 2011), pp. 190199 .",
                        "\"page\":\"190-199\""));
  CHECK("refparse pages: en dash becomes hyphen",
        parsed_contains("Smith, J. (2001). A title. Journal of Things, 12(3), 45\xE2\x80\x93"
                        "67.",
                        "\"page\":\"45-67\""));
  CHECK("refparse pages: ambiguous repair is flagged",
        parsed_contains("Smith, J., 'A title', Journal of Things, 12 (2001), pp. 1001 .",
                        "\"page-repair\":\"ambiguous\""));
}

static void test_fields(void) {
  const char *article =
      "Acharya, Amitav, \xE2\x80\x98How ideas spread\xE2\x80\x99, International Organization, "
      "58:2 (2004), pp. 239275 .";
  CHECK("refparse: journal type", parsed_contains(article, "\"type\":\"article-journal\""));
  CHECK("refparse: author split",
        parsed_contains(article, "\"author\":[{\"family\":\"Acharya\",\"given\":\"Amitav\"}]"));
  CHECK("refparse: quoted title", parsed_contains(article, "\"title\":\"How ideas spread\""));
  CHECK("refparse: container", parsed_contains(article, "\"container-title\":\"International"));
  CHECK("refparse: year", parsed_contains(article, "\"issued\":{\"date-parts\":[[2004]]}"));
  CHECK(
      "refparse: citation number dropped",
      parsed_contains("[13] S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012.",
                      "\"author\":[{\"family\":\"Han\",\"given\":\"S. E.\"},{\"family\":\"Chen\""));
  CHECK("refparse: day precision date",
        parsed_contains(
            "\xE2\x80\x98South Africa to Withdraw\xE2\x80\x99, BBC News (21 October 2016), "
            "available at: {}.",
            "[[2016,10,21]]"));
  CHECK("refparse: stripped URL gives no URL",
        parsed_lacks("\xE2\x80\x98Title here\xE2\x80\x99, BBC News (21 October 2016), available "
                     "at: { }.",
                     "\"URL\""));
  CHECK("refparse: URL",
        parsed_contains("Quell, Molly. \"A Title.\" Associated Press, 15 May 2025. "
                        "https://apnews.com/article/x-1.",
                        "\"URL\":\"https://apnews.com/article/x-1\""));
  CHECK("refparse: URL broken by PDF extraction is joined",
        parsed_contains("Smith, J. (2004). A study of water. Environ. Sci. Technol. 38, 1-9. "
                        "http://dx.doi.org/10.1021/ es030360x",
                        "\"URL\":\"http://dx.doi.org/10.1021/es030360x\""));
  CHECK("refparse: DOI broken by PDF extraction is joined",
        parsed_contains("Smith, J. (2004). A study of water. Environ. Sci. Technol. 38, 1-9. "
                        "http://dx.doi.org/10.1021/ es030360x",
                        "\"DOI\":\"10.1021/es030360x\""));
  CHECK("refparse: arXiv id is the number, not pages",
        parsed_contains("A. G. Riess et al., Astron. J. 116, 1009 (1998), astro-ph/9805201.",
                        "\"page\":\"1009\""));
  CHECK("refparse: bracketed arXiv id is the number",
        parsed_contains("B. Swingle, Entanglement Entropy and the Fermi Surface, Phys. Rev. "
                        "Lett. 105 (2010) 050502, [0908.1724].",
                        "\"number\":\"0908.1724\""));
  CHECK("refparse: arXiv id split by PDF extraction is not pages",
        parsed_contains("M. Ackermann et al., Phys. Rev. Lett. 115, 231301 (2015), 1503 .02641.",
                        "\"page\":\"231301\""));
  CHECK("refparse: a working paper's number apart from its genre",
        parsed_contains("Smith, John (2012). Poverty in cities. Working Paper No. 123, National "
                        "Bureau of Economic Research, Cambridge, MA.",
                        "\"number\":\"123\""));
  CHECK("refparse: a report's genre without its number word",
        parsed_contains("World Bank (2018). Poverty and Shared Prosperity 2018. Report No. 12345. "
                        "Washington, DC: World Bank.",
                        "\"genre\":\"Report\""));
  CHECK("refparse: the town after a German publisher's \"Verlag\" is its place",
        parsed_contains("Wagner, H. (1971). Lackkunstharze. Carl Hanser Verlag M\xC3\xBCnchen.",
                        "\"publisher\":\"Carl Hanser Verlag\",\"publisher-place\":\"M"));
  CHECK("refparse: a place run keeps the title before its last comma",
        parsed_lacks("Crowell, S. and Malpas, J. (eds.), 2007, Transcendental Heidegger, "
                     "Stanford: Stanford University Press.",
                     "\"publisher-place\":\"Transcendental"));
  CHECK("refparse: a quoted phrase inside the title does not end it",
        parsed_contains("Merkel, Wolfgang. 2010a. Are Dictatorships Returning? Revisiting the "
                        "\xE2\x80\x98"
                        "Democratic Rollback\xE2\x80\x99 Hypothesis. Contemporary "
                        "Politics 16: 17-31.",
                        "\"container-title\":\"Contemporary Politics\""));
  CHECK("refparse: DOI broken before a slash is joined",
        parsed_contains("Nguyen, L. (2015). IQ-TREE. Mol. Biol. Evol. 32: 268-274. "
                        "doi: 10.1093/molbev /msu300.",
                        "\"DOI\":\"10.1093/molbev/msu300\""));
  CHECK("refparse: DOI", parsed_contains("Nolan, D. (2010). Computing. The American Statistician, "
                                         "64, 97-107. doi:10.1198/tast.2010.09132",
                                         "\"DOI\":\"10.1198/tast.2010.09132\""));
}

static void test_legal_and_documents(void) {
  const char *icj =
      "Congo v. Belgium, Judgement, ICJ Reports (2002), pp. 3\xE2\x80\x93"
      "34.";
  CHECK("refparse: case type", parsed_contains(icj, "\"type\":\"legal_case\""));
  CHECK("refparse: case name", parsed_contains(icj, "\"title\":\"Congo v. Belgium\""));
  CHECK("refparse: court",
        parsed_contains(icj, "\"authority\":\"International Court of Justice\""));
  const char *au =
      "African Union, AU Doc. Assembly/AU/Dec.221(XII), \xE2\x80\x98"
      "Decision on the "
      "Application\xE2\x80\x99, adopted 3 February 2009, AU Assembly, 12th Ord. Session.";
  CHECK("refparse: AU symbol", parsed_contains(au, "\"number\":\"Assembly/AU/Dec.221(XII)\""));
  CHECK("refparse: AU authority", parsed_contains(au, "\"authority\":\"African Union Assembly\""));
  CHECK("refparse: AU date not taken from the symbol", parsed_contains(au, "[[2009,2,3]]"));
  CHECK("refparse: institution as literal", parsed_contains(au, "{\"literal\":\"African Union\"}"));
  CHECK("refparse: UN symbol",
        parsed_contains("Report of the Secretary-General, UN Doc. S/2014/348, 2014.",
                        "\"number\":\"S/2014/348\""));
  CHECK("refparse: ICC symbol",
        parsed_contains("International Criminal Court, ICC-02/05-01/09, \xE2\x80\x98"
                        "Decision under "
                        "article 87(7)\xE2\x80\x99 (6 July 2017).",
                        "\"number\":\"ICC-02/05-01/09\""));
}

/* German conventions: "Bd." volume, "3. Aufl." edition (kept as written), "Frankfurt a.
** M." a place, "In: Names (Hg.): Book" the container of a chapter, "S." pages. */
static void test_german(void) {
  const char *book =
      "Schmidt, Anna (2004): Stadt und Land. Eine Einf\xC3\xBChrung. Bd. 2. 3. Aufl. "
      "Frankfurt a. M.: Campus.";
  CHECK("refparse de: Bd. is the volume", parsed_contains(book, "\"volume\":\"2\""));
  CHECK("refparse de: Aufl. is the edition", parsed_contains(book, "\"edition\":\"3. Aufl.\""));
  CHECK("refparse de: place with a. M.",
        parsed_contains(book, "\"publisher-place\":\"Frankfurt a. M.\""));
  CHECK("refparse de: publisher", parsed_contains(book, "\"publisher\":\"Campus\""));
  const char *edition =
      "Vogel, Karl (1998): Grundlagen der Verwaltung. 7., grundlegend "
      "\xC3\xBC"
      "berarb. Aufl. Opladen: Leske + Budrich.";
  CHECK("refparse de: edition with words between",
        parsed_contains(edition,
                        "\"edition\":\"7., grundlegend \xC3\xBC"
                        "berarb. Aufl.\""));
  const char *chapter =
      "Weber, Paul (2011): Vereine im Wandel. In: Krause, Eva/Roth, Jan (Hg.): "
      "Handbuch Zivilgesellschaft. Wiesbaden: Springer VS, S. 45\xE2\x80\x93"
      "67.";
  CHECK("refparse de: chapter title", parsed_contains(chapter, "\"title\":\"Vereine im Wandel\""));
  CHECK("refparse de: the book after (Hg.) is the container",
        parsed_contains(chapter, "\"container-title\":\"Handbuch Zivilgesellschaft\""));
  CHECK("refparse de: S. pages", parsed_contains(chapter, "\"page\":\"45-67\""));
  CHECK("refparse de: editors", parsed_contains(chapter, "\"editor\":[{\"family\":\"Krause\""));
  /* "o. J." / "n.d." / "s.f.": no year; not a name, not the title, no date */
  CHECK("refparse de: o. J. is no name",
        parsed_contains("Wagner, Thomas (o. J.): Stadtentwicklung im Wandel. Berlin: Campus.",
                        "\"author\":[{\"family\":\"Wagner\",\"given\":\"Thomas\"}]"));
  CHECK("refparse de: o. J. is no date",
        parsed_lacks("Wagner, Thomas (o. J.): Stadtentwicklung im Wandel. Berlin: Campus.",
                     "\"issued\""));
  CHECK("refparse: n.d. is the date, not the title",
        parsed_contains("Smith, J. (n.d.). A title. Retrieved from http://example.org",
                        "\"title\":\"A title\""));
  CHECK("refparse: initials O. J. stay a name",
        parsed_contains("Simpson, O. J. (1999). A book. London: Penguin.", "\"given\":\"O. J.\""));
  CHECK("refparse de: Diss. is a thesis",
        parsed_contains("Braun, Michael (2015): Wahlverhalten in Ostdeutschland. Diss. "
                        "Universit\xC3\xA4t Mannheim.",
                        "\"type\":\"thesis\""));
}

static void test_segments(void) {
  const char *text = "Smith, J. (2001). A title. Journal of Things, 12, 45-67.";
  size_t count = 0;
  int failed = 0;
  ibid_reference_segment *segments = ibid_reference_segments(text, strlen(text), &count, &failed);
  CHECK("refparse segments: some", segments && count >= 4 && !failed);
  CHECK("refparse segments: author first",
        segments && strcmp(ibid_reference_label_name(segments[0].label), "author") == 0);
  ibid_free(segments);
  CHECK_STRING("refparse label names", ibid_reference_label_name(IBID_REFLABEL_PAGES), "pages");
}

/* Inputs a review found misparsed; each check states the right output. */
static void test_review_mends(void) {
  /* no title: a place with a comma stays one place */
  CHECK("refparse mend: place with a state stays whole",
        parsed_contains("Smith, J. 1990. Upper Saddle River, New Jersey: Prentice Hall.",
                        "\"publisher-place\":\"Upper Saddle River, New Jersey\""));
  CHECK("refparse mend: place with a state is not a title",
        parsed_lacks("Smith, J. 1990. Chapel Hill, N.C.: University of North Carolina Press.",
                     "\"title\""));
  CHECK("refparse mend: place with an abbreviated state is not a title",
        parsed_lacks("Smith, J. 1990. San Francisco, Calif.: Jossey-Bass.", "\"title\""));
  CHECK("refparse mend: place with a country stays whole",
        parsed_contains("Smith, J. 1990. Rio de Janeiro, Brazil: Editora Fiocruz.",
                        "\"publisher-place\":\"Rio de Janeiro, Brazil\""));
  CHECK(
      "refparse mend: Ann Arbor, Mich. is not a title",
      parsed_lacks("Smith, J. 1990. Ann Arbor, Mich.: University of Michigan Press.", "\"title\""));
  CHECK("refparse mend: names are not a title",
        parsed_lacks("Nr. 15/2019  Raabe, Jonas/Ortmann, Kai: Rentenniveau und "
                     "Erwerbsverl\xC3\xA4ufe.",
                     "\"title\":\"Raabe"));
  /* a glued DOI ends where the DOI does */
  CHECK("refparse mend: glued DOI drops the closing bracket",
        parsed_contains("Smith, A. (2006). Water. Nature 1, 1-2 (doi:10.1021/ es0519278).",
                        "\"DOI\":\"10.1021/es0519278\"}"));
  CHECK("refparse mend: a DOI ending in a slash takes no second slash",
        parsed_lacks("Smith, A. (2006). Water. Nature 1, 1-2. doi:10.1021/ /x", "//x"));
  /* after "Verlag" only a town's capitalised words are its place */
  static const char *const not_towns[] = {
      "Meyer, K. (2010). Die Stadt. Springer Verlag GmbH.",
      "Meyer, K. (2010). Die Stadt. Springer Verlag AG.",
      "Meyer, K. (2010). Die Stadt. Franz Steiner Verlag KG.",
      "Meyer, K. (2010). Die Stadt. Deutscher Taschenbuch Verlag DTV.",
      "Meyer, K. (2010). Die Stadt. VS Verlag F\xC3\xBCr Sozialwissenschaften.",
      "Meyer, K. (2010). Die Stadt. American Literary History, Verlag Stuttgart.",
      "Meyer, K. (2010). Die Stadt. Nomos Verlag \xC3\xA4rzte.",
      NULL};
  for (size_t k = 0; not_towns[k]; k++)
    CHECK("refparse mend: no place after Verlag",
          parsed_lacks(not_towns[k], "\"publisher-place\""));
  CHECK("refparse mend: a hyphenated town after Verlag",
        parsed_contains("Meyer, K. (2010). Die Stadt. Nomos Verlag Baden-Baden.",
                        "\"publisher\":\"Nomos Verlag\",\"publisher-place\":\"Baden-Baden\""));
  /* pages are not arXiv identifiers; a split identifier is the number */
  CHECK("refparse mend: pages after pp. are not an arXiv id",
        parsed_contains("Smith, J. (2010). Water. Nature 12, pp. 1203.1210.",
                        "\"page\":\"1203.1210\""));
  CHECK(
      "refparse mend: 1503 takes five digits after the period",
      parsed_contains("Smith, J. (2010). Water. Nature 12, 1503.1510.", "\"page\":\"1503.1510\""));
  CHECK("refparse mend: no arXiv id before 0704",
        parsed_lacks("X, Phys. Rev. Lett. 105 (2010) 050502, 0703.1724.", "\"number\""));
  CHECK("refparse mend: an arXiv id split before its period is the number",
        parsed_contains("M. Ackermann et al., Phys. Rev. D 91, 1503 .02641.",
                        "\"number\":\"1503.02641\""));
}

int main(void) {
  test_tokens();
  test_empty_and_odd();
  test_pages();
  test_fields();
  test_legal_and_documents();
  test_german();
  test_segments();
  test_review_mends();
  return check_finish();
}
