/* test_export.c -- the JSON reader, the clean CSL-JSON writer and the BibTeX and RIS writers on
** hand-written CSL items. */
#include <stdlib.h>
#include <string.h>

#include "bibtex.h"
#include "check.h"
#include "csl_export.h"
#include "json.h"
#include "memory.h"
#include "ris.h"

static ibid_csl_folder *folder;

/* What a writer appended to out, or "ERROR n" when it returned status n (a
** static buffer, shared by the helpers below); frees out. */
static const char *written(ibid_json_status status, ibid_buffer *out) {
  static char result[8192];
  if (status != IBID_JSON_OK)
    snprintf(result, sizeof(result), "ERROR %d", (int)status);
  else
    snprintf(result, sizeof(result), "%s", out->data);
  ibid_buffer_free(out);
  return result;
}

/* The BibTeX entry of json. */
static const char *bibtex(const char *json) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  return written(ibid_bibtex_entry(json, strlen(json), folder, NULL, 0, &out, NULL), &out);
}

/* The biblatex entry of json. */
static const char *biblatex(const char *json) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  return written(ibid_bibtex_entry(json, strlen(json), folder, NULL, 1, &out, NULL), &out);
}

/* The RIS record of json. */
static const char *ris(const char *json) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  return written(ibid_ris_entry(json, strlen(json), &out, NULL), &out);
}

/* The clean CSL-JSON of json. */
static const char *clean(const char *json) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  return written(ibid_csl_export(json, strlen(json), &out, NULL), &out);
}

/* 1 when the entry has the line `line` (without its newline). */
static int has_line(const char *entry, const char *line) {
  size_t length = strlen(line);
  for (const char *p = entry; (p = strstr(p, line)); p++)
    if ((p == entry || p[-1] == '\n') && (p[length] == '\n' || p[length] == 0)) return 1;
  return 0;
}

static void test_json(void) {
  ibid_json_document document;
  ibid_json_error error;
  const char *text =
      "{\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\\n\"], \"b\": {\"c\": null}, \"d\": true}";
  CHECK("json parses", ibid_json_parse(text, strlen(text), &document, &error) == IBID_JSON_OK);
  long a = ibid_json_member(&document, 0, "a");
  CHECK("json array",
        a >= 0 && document.nodes[a].kind == IBID_JSON_ARRAY && document.nodes[a].child_count == 3);
  long first = document.nodes[a].first_child;
  CHECK_STRING("json number text", ibid_json_text(&document, first, NULL), "1");
  long third = document.nodes[document.nodes[first].next_sibling].next_sibling;
  CHECK_STRING("json escapes decoded", ibid_json_text(&document, third, NULL),
               "x\xc3\xa9\xf0\x9f\x98\x80\n");
  CHECK("json missing member", ibid_json_member(&document, 0, "zz") == -1);
  CHECK("json member of non-object", ibid_json_member(&document, a, "a") == -1);
  ibid_json_free(&document);

  static const char *const bad[] = {"",          "{",       "{\"a\" 1}", "[1,]",  "{\"a\":1,}",
                                    "01",        "\"\\x\"", "tru",       "[1] 2", "\"a\nb\"",
                                    "\"\\u12\"", "{1:2}",   "-",         "1.",    "1e"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ibid_json_status status = ibid_json_parse(bad[i], strlen(bad[i]), &document, &error);
    CHECK("json rejects malformed", status == IBID_JSON_SYNTAX_ERROR && error.message);
    ibid_json_free(&document);
  }
  CHECK("json error offset",
        ibid_json_parse("{\"a\" 1}", 7, &document, &error) == IBID_JSON_SYNTAX_ERROR &&
            error.offset == 5);
  ibid_json_free(&document);
  const char nul[] = "{\"a\":\"x\0y\"}";
  CHECK("json raw NUL byte rejected",
        ibid_json_parse(nul, sizeof(nul) - 1, &document, &error) == IBID_JSON_SYNTAX_ERROR);
  ibid_json_free(&document);
  const char *escaped_nul = "{\"a\":\"x\\u0000y\"}";
  size_t length = 0;
  ibid_json_parse(escaped_nul, strlen(escaped_nul), &document, &error);
  CHECK("json \\u0000 kept with its length",
        ibid_json_member_text(&document, 0, "a", &length) && length == 3);
  ibid_json_free(&document);
  const char *lone = "\"\\ud800x\"";
  ibid_json_parse(lone, strlen(lone), &document, &error);
  CHECK_STRING("json lone surrogate -> U+FFFD", ibid_json_text(&document, 0, NULL),
               "\xef\xbf\xbdx");
  ibid_json_free(&document);

  char deep[200];
  memset(deep, '[', 100);
  memset(deep + 100, ']', 100);
  CHECK("json nesting capped", ibid_json_parse(deep, 200, &document, &error) == IBID_JSON_TOO_DEEP);
  ibid_json_free(&document);
  CHECK("json 64 levels fine", ibid_json_parse(deep + 36, 128, &document, &error) == IBID_JSON_OK);
  ibid_json_free(&document);
}

static void test_dates(void) {
  ibid_json_document document;
  int parts[3];
  const char *text =
      "{\"issued\":{\"date-parts\":[[\"2018\",\"1\",15]]},\"accessed\":{\"raw\":\"2020-02-03\"},"
      "\"submitted\":\"May "
      "1999\",\"original-date\":{\"date-parts\":[[2001,13]]},\"event-date\":{}}";
  ibid_json_parse(text, strlen(text), &document, NULL);
  CHECK("date parts as strings", ibid_json_csl_date(&document, 0, "issued", parts) &&
                                     parts[0] == 2018 && parts[1] == 1 && parts[2] == 15);
  CHECK("date raw ISO", ibid_json_csl_date(&document, 0, "accessed", parts) && parts[0] == 2020 &&
                            parts[1] == 2 && parts[2] == 3);
  CHECK("date bare string",
        ibid_json_csl_date(&document, 0, "submitted", parts) && parts[0] == 1999 && parts[1] == 0);
  CHECK("date bad month dropped", ibid_json_csl_date(&document, 0, "original-date", parts) &&
                                      parts[0] == 2001 && parts[1] == 0);
  CHECK("date empty object", !ibid_json_csl_date(&document, 0, "event-date", parts));
  CHECK("date absent", !ibid_json_csl_date(&document, 0, "container", parts));
  ibid_json_free(&document);
}

static void test_bibtex_types(void) {
  static const char *const cases[][2] = {
      {"{\"type\":\"article-journal\",\"container-title\":\"J\"}", "@article{"},
      {"{\"type\":\"article-journal\"}", "@misc{"},
      {"{\"type\":\"article\",\"container-title\":\"J\"}", "@article{"},
      {"{\"type\":\"article\"}", "@misc{"},
      {"{\"type\":\"book\"}", "@book{"},
      {"{\"type\":\"chapter\"}", "@incollection{"},
      {"{\"type\":\"paper-conference\"}", "@inproceedings{"},
      {"{\"type\":\"report\"}", "@techreport{"},
      {"{\"type\":\"thesis\"}", "@phdthesis{"},
      {"{\"type\":\"thesis\",\"genre\":\"Master's thesis\"}", "@mastersthesis{"},
      {"{\"type\":\"webpage\"}", "@online{"},
      {"{\"type\":\"post-weblog\"}", "@online{"},
      {"{\"type\":\"legal_case\"}", "@misc{"},
      {"{\"type\":\"dataset\"}", "@misc{"},
      {"{}", "@misc{"},
      {"{\"type\":7}", "@misc{"}};
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    CHECK(cases[i][1], !strncmp(bibtex(cases[i][0]), cases[i][1], strlen(cases[i][1])));
}

static void test_bibtex_fields(void) {
  const char *article =
      "{\"type\":\"article-journal\",\"author\":[{\"family\":\"Mills\",\"given\":\"Kurt\"},"
      "{\"family\":\"Bloomfield\",\"given\":\"Alan\"}],\"title\":\"African Resistance to the "
      "ICC\",\"container-title\":\"Review of International Studies\",\"volume\":44,\"issue\":\"1\","
      "\"page\":\"101\\u2013127\",\"issued\":{\"date-parts\":[[2018,1,23]]},\"DOI\":\"10.1017/"
      "S0260210517000407\",\"ISSN\":\"0260-2105\",\"note\":\"Open access\"}";
  CHECK_STRING("bibtex article", bibtex(article),
               "@article{mills2018african,\n"
               "  author = {Mills, Kurt and Bloomfield, Alan},\n"
               "  title = {African Resistance to the {ICC}},\n"
               "  journal = {Review of International Studies},\n"
               "  year = {2018},\n"
               "  month = jan,\n"
               "  volume = {44},\n"
               "  number = {1},\n"
               "  pages = {101--127},\n"
               "  doi = {10.1017/S0260210517000407},\n"
               "  issn = {0260-2105},\n"
               "  note = {Open access}\n"
               "}\n");
  const char *book =
      "{\"type\":\"book\",\"editor\":[{\"family\":\"Bellamy\",\"given\":\"Alex J.\"}],\"title\":"
      "\"The Responsibility to Protect\",\"publisher\":\"Oxford University Press\","
      "\"publisher-place\":\"Oxford\",\"edition\":\"2\",\"ISBN\":\"978-0-19-875390-3\",\"issued\":"
      "{\"date-parts\":[[2015]]},\"collection-title\":\"Key Texts\"}";
  CHECK_STRING("bibtex book", bibtex(book),
               "@book{bellamy2015responsibility,\n"
               "  editor = {Bellamy, Alex J.},\n"
               "  title = {The Responsibility to Protect},\n"
               "  series = {Key Texts},\n"
               "  year = {2015},\n"
               "  edition = {2},\n"
               "  publisher = {Oxford University Press},\n"
               "  address = {Oxford},\n"
               "  isbn = {978-0-19-875390-3}\n"
               "}\n");
  const char *chapter =
      "{\"type\":\"chapter\",\"author\":[{\"family\":\"Schabas\",\"given\":\"William\"}],"
      "\"editor\":[{\"family\":\"Stahn\",\"given\":\"Carsten\"}],\"title\":\"Prosecutorial "
      "Discretion\",\"container-title\":\"The Law and Practice of the ICC\",\"page\":\"3-20\"}";
  const char *entry = bibtex(chapter);
  CHECK("bibtex chapter booktitle protected",
        has_line(entry, "  booktitle = {The Law and Practice of the {ICC}},"));
  CHECK("bibtex chapter editor", has_line(entry, "  editor = {Stahn, Carsten},"));
  const char *web =
      "{\"type\":\"webpage\",\"title\":\"Trump Attacks the ICC\",\"container-title\":\"Human "
      "Rights Watch\",\"URL\":\"https://www.hrw.org/news/a_b%20c?x={1}\",\"accessed\":{\"date-"
      "parts\":[[2021,3,4]]},\"issued\":{\"date-parts\":[[2020,7,6]]}}";
  entry = bibtex(web);
  CHECK("bibtex webpage key without author", !strncmp(entry, "@online{2020trump,", 18));
  CHECK("bibtex webpage howpublished", has_line(entry, "  howpublished = {Human Rights Watch},"));
  CHECK("bibtex url verbatim, braces encoded",
        has_line(entry, "  url = {https://www.hrw.org/news/a_b%20c?x=%7B1%7D},"));
  CHECK("bibtex urldate", has_line(entry, "  urldate = {2021-03-04}"));
  const char *report =
      "{\"type\":\"report\",\"author\":[{\"literal\":\"Human Rights Watch\"}],\"title\":\"Courting "
      "History\",\"publisher\":\"Human Rights Watch\",\"number\":\"HRW-12\",\"issue\":\"3\"}";
  entry = bibtex(report);
  CHECK("bibtex institution author braced", has_line(entry, "  author = {{Human Rights Watch}},"));
  CHECK("bibtex institution key word", !strncmp(entry, "@techreport{humancourting,", 26));
  CHECK("bibtex report institution", has_line(entry, "  institution = {Human Rights Watch}"));
  CHECK("bibtex report number once",
        has_line(entry, "  number = {HRW-12},") && !strstr(entry, "number = {3}"));
  const char *treaty =
      "{\"type\":\"treaty\",\"title\":\"Rome Statute of the International Criminal Court\","
      "\"issued\":{\"date-parts\":[[1998,7,17]]},\"number\":\"2187 UNTS 90\",\"note\":\"entered "
      "into force 2002\"}";
  entry = bibtex(treaty);
  CHECK("bibtex treaty misc", !strncmp(entry, "@misc{1998rome,", 15));
  CHECK("bibtex treaty note",
        has_line(entry, "  note = {Treaty, 2187 UNTS 90; entered into force 2002}"));
  CHECK("bibtex legislation note",
        has_line(bibtex("{\"type\":\"legislation\",\"authority\":\"UN\"}"),
                 "  note = {Legislation, UN}"));
}

static void test_bibtex_text(void) {
  const char *specials =
      "{\"id\":\"k\",\"title\":\"Costs & Benefits: 50% of $5 #1 a_b {x} ~y ^z \\\\w\"}";
  CHECK_STRING("bibtex specials escaped", bibtex(specials),
               "@misc{k,\n  title = {Costs \\& Benefits: 50\\% of \\$5 \\#1 a\\_b \\{x\\} "
               "\\textasciitilde{}y \\textasciicircum{}z \\textbackslash{}w}\n}\n");
  CHECK_STRING("bibtex capitals protected: acronyms, inner capitals, not plain capitals",
               bibtex("{\"id\":\"k\",\"title\":\"The UN, R2P and McKenzie’s iPhone in Africa "
                      "(ICC-ASP)\"}"),
               "@misc{k,\n  title = {The {UN}, {R2P} and {McKenzie}’s {iPhone} in Africa "
               "({ICC}-{ASP})}\n}\n");
  CHECK_STRING("bibtex white space and control characters collapse",
               bibtex("{\"id\":\"k\",\"title\":\"  a\\n\\tb\\u0000c  \"}"),
               "@misc{k,\n  title = {a b c}\n}\n");
  CHECK_STRING("bibtex Unicode names kept, key folded to ASCII",
               bibtex("{\"author\":[{\"family\":\"Ćurković\",\"given\":\"Željko\"},{\"family\":"
                      "\"van der Berg\",\"given\":\"Jan\"}],\"title\":\"Über Straflosigkeit\","
                      "\"issued\":{\"date-parts\":[[2019]]}}"),
               "@misc{curkovic2019uber,\n  author = {Ćurković, Željko and van der Berg, Jan},\n"
               "  title = {Über Straflosigkeit},\n  year = {2019}\n}\n");
  CHECK("bibtex particles and suffix",
        has_line(bibtex("{\"author\":[{\"family\":\"Gaulle\",\"non-dropping-particle\":\"de\","
                        "\"given\":\"Charles\",\"suffix\":\"Jr.\"}]}"),
                 "  author = {de Gaulle, Jr., Charles}"));
  CHECK("bibtex 'and' inside a name braced",
        has_line(bibtex("{\"author\":[{\"literal\":\"Ministry of Justice and Security\"},"
                        "{\"family\":\"Smith, Jones\"}]}"),
                 "  author = {{Ministry of Justice and Security} and {Smith, Jones}}"));
  CHECK("bibtex empty names skipped",
        has_line(bibtex("{\"author\":[{},{\"family\":\"\"},{\"family\":\"Ku\"}]}"),
                 "  author = {Ku}"));
  CHECK("bibtex no names, no field", !strstr(bibtex("{\"author\":[{}]}"), "author"));
  CHECK_STRING("bibtex empty item", bibtex("{}"), "@misc{item,\n}\n");
  CHECK("bibtex CSL id kept when a plain key",
        !strncmp(bibtex("{\"id\":\"smith:2019\"}"), "@misc{smith:2019,", 17));
  CHECK(
      "bibtex CSL id with a slash replaced",
      !strncmp(bibtex("{\"id\":\"http://zotero.org/1\",\"title\":\"Peace\"}"), "@misc{peace,", 12));
  CHECK("bibtex numeric id replaced",
        !strncmp(bibtex("{\"id\":12,\"title\":\"Peace\"}"), "@misc{peace,", 12));
  CHECK("bibtex not an object", !strcmp(bibtex("[{}]"), "ERROR 3"));
  CHECK("bibtex invalid JSON", !strcmp(bibtex("{\"title\":"), "ERROR 1"));
  CHECK("bibtex a single name object",
        has_line(bibtex("{\"author\":{\"family\":\"Ku\"}}"), "  author = {Ku}"));
}

static void test_bibtex_keys(void) {
  ibid_bibtex_keys *keys = ibid_bibtex_keys_new();
  const char *expected[] = {"smith", "smitha", "smithb", "smithc"};
  for (int i = 0; i < 4; i++) {
    ibid_buffer key;
    ibid_buffer_init(&key);
    ibid_buffer_append_string(&key, "smith");
    CHECK("keys claim", ibid_bibtex_keys_claim(keys, &key));
    CHECK_STRING("keys suffixed a, b, c", key.data, expected[i]);
    ibid_buffer_free(&key);
  }
  ibid_buffer key;
  ibid_buffer_init(&key);
  ibid_buffer_append_string(&key, "smithd"); /* taken next by the suffixing: stays unique */
  ibid_bibtex_keys_claim(keys, &key);
  ibid_buffer_free(&key);
  ibid_buffer_init(&key);
  ibid_buffer_append_string(&key, "smith");
  ibid_bibtex_keys_claim(keys, &key);
  CHECK_STRING("keys skip a suffix already used", key.data, "smithe");
  ibid_buffer_free(&key);
  for (int i = 0; i < 2000; i++) { /* past z: aa, ab ...; and the table grows */
    ibid_buffer_init(&key);
    ibid_buffer_append_string(&key, i % 2 ? "x" : "y");
    ibid_bibtex_keys_claim(keys, &key);
    if (i == 2 * 26 + 2) CHECK_STRING("keys after z come aa", key.data, "yaa");
    ibid_buffer_free(&key);
  }
  ibid_bibtex_keys_free(keys);
}

static void test_ris(void) {
  const char *article =
      "{\"type\":\"article-journal\",\"author\":[{\"family\":\"Mills\",\"given\":\"Kurt\"},"
      "{\"literal\":\"African Union\"},{\"family\":\"Smith\",\"given\":\"John\",\"suffix\":"
      "\"Jr.\"}],\"title\":\"African\\nResistance\",\"container-title\":\"Review\",\"volume\":"
      "44,\"issue\":\"1\",\"page\":\"101\\u2013127\",\"issued\":{\"date-parts\":[[2018,1]]},"
      "\"DOI\":\"10.1/x\",\"URL\":\"https://x.org\",\"abstract\":\"An abstract.\","
      "\"keyword\":\"ICC; Africa, norms\",\"accessed\":{\"date-parts\":[[2020,2,3]]}}";
  CHECK_STRING("ris article", ris(article),
               "TY  - JOUR\n"
               "AU  - Mills, Kurt\n"
               "AU  - African Union\n"
               "AU  - Smith, John, Jr.\n"
               "TI  - African Resistance\n"
               "T2  - Review\n"
               "PY  - 2018///\n"
               "DA  - 2018/01//\n"
               "VL  - 44\n"
               "IS  - 1\n"
               "SP  - 101\n"
               "EP  - 127\n"
               "DO  - 10.1/x\n"
               "UR  - https://x.org\n"
               "AB  - An abstract.\n"
               "KW  - ICC\n"
               "KW  - Africa\n"
               "KW  - norms\n"
               "N1  - Accessed 2020-02-03\n"
               "ER  - \n");
  static const char *const types[][2] = {{"book", "TY  - BOOK\n"},
                                         {"chapter", "TY  - CHAP\n"},
                                         {"paper-conference", "TY  - CONF\n"},
                                         {"report", "TY  - RPRT\n"},
                                         {"thesis", "TY  - THES\n"},
                                         {"webpage", "TY  - ELEC\n"},
                                         {"legal_case", "TY  - CASE\n"},
                                         {"legislation", "TY  - STAT\n"},
                                         {"bill", "TY  - BILL\n"},
                                         {"article-newspaper", "TY  - NEWS\n"},
                                         {"article", "TY  - GEN\n"},
                                         {"treaty", "TY  - GEN\n"},
                                         {"dataset", "TY  - GEN\n"}};
  for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
    char json[64];
    snprintf(json, sizeof(json), "{\"type\":\"%s\"}", types[i][0]);
    CHECK(types[i][1], !strncmp(ris(json), types[i][1], strlen(types[i][1])));
  }
  const char *book =
      "{\"type\":\"book\",\"editor\":[{\"family\":\"Bellamy\",\"given\":\"Alex\"}],\"title\":"
      "\"R2P\","
      "\"publisher\":\"OUP\",\"publisher-place\":\"Oxford\",\"edition\":2,\"ISBN\":\"978-0\","
      "\"issued\":{\"date-parts\":[[2015]]},\"keywords\":[\"a\",\"b\"],\"page\":\"300\"}";
  CHECK_STRING("ris book", ris(book),
               "TY  - BOOK\nA2  - Bellamy, Alex\nTI  - R2P\nPY  - 2015///\nSP  - 300\nET  - 2\n"
               "PB  - OUP\nCY  - Oxford\nSN  - 978-0\nKW  - a\nKW  - b\nER  - \n");
  CHECK_STRING("ris treaty note", ris("{\"type\":\"treaty\",\"note\":\" in force \"}"),
               "TY  - GEN\nN1  - Treaty; in force\nER  - \n");
  CHECK_STRING("ris court as publisher", ris("{\"type\":\"legal_case\",\"authority\":\"ICJ\"}"),
               "TY  - CASE\nPB  - ICJ\nER  - \n");
  CHECK_STRING("ris empty", ris("{}"), "TY  - GEN\nER  - \n");
  CHECK_STRING("ris particles",
               ris("{\"author\":[{\"family\":\"Berg\",\"non-dropping-particle\":\"van der\"}]}"),
               "TY  - GEN\nAU  - van der Berg\nER  - \n");
  CHECK("ris not an object", !strcmp(ris("\"x\""), "ERROR 3"));
  CHECK("ris invalid JSON", !strcmp(ris("{]"), "ERROR 1"));
}

static void test_csl_export(void) {
  CHECK_STRING("csl drops what is not CSL",
               clean("{\"id\":\"k\",\"type\":\"article-journal\",\"page-repair\":\"ambiguous\","
                     "\"author\":[{\"family\":\"Mills\",\"given\":\"Kurt\",\"role\":\"x\"}],"
                     "\"custom\":{\"a\":1},\"locator\":\"5\",\"year-suffix\":\"a\"}"),
               "{\"id\":\"k\",\"type\":\"article-journal\",\"author\":[{\"family\":\"Mills\","
               "\"given\":\"Kurt\"}]}");
  CHECK_STRING("csl subtitle joined", clean("{\"title\":\"Tensions\",\"subtitle\":\"win-win?\"}"),
               "{\"type\":\"document\",\"title\":\"Tensions: win-win?\"}");
  CHECK_STRING("csl subtitle already in the title",
               clean("{\"title\":\"Tensions: WIN-WIN?\",\"subtitle\":\"win-win?\"}"),
               "{\"type\":\"document\",\"title\":\"Tensions: WIN-WIN?\"}");
  CHECK_STRING("csl subtitle after a question",
               clean("{\"title\":\"Truly win-win? \",\"subtitle\":\" R2P and the ICC\"}"),
               "{\"type\":\"document\",\"title\":\"Truly win-win? R2P and the ICC\"}");
  /* KMP: a partial match that must fall back ("aab" in "aaab") */
  CHECK_STRING("csl subtitle search falls back", clean("{\"title\":\"aaab\",\"subtitle\":\"aab\"}"),
               "{\"type\":\"document\",\"title\":\"aaab\"}");
  CHECK_STRING("csl keywords joined", clean("{\"keywords\":[\"ICC\",\" R2P \",\"\",3,null]}"),
               "{\"type\":\"document\",\"keyword\":\"ICC, R2P, 3\"}");
  CHECK_STRING("csl keyword wins over keywords", clean("{\"keywords\":[\"a\"],\"keyword\":\"b\"}"),
               "{\"type\":\"document\",\"keyword\":\"b\"}");
  CHECK_STRING(
      "csl names",
      clean("{\"editor\":[{\"given\":\"Plato\"},\"UN\",{\"literal\":\"AU\",\"family\":\"x\"},"
            "{\"family\":\"Berg\",\"non-dropping-particle\":\"van der\",\"suffix\":\"Jr.\","
            "\"parse-names\":true},{},[],null]}"),
      "{\"type\":\"document\",\"editor\":[{\"literal\":\"Plato\"},{\"literal\":\"UN\"},"
      "{\"literal\":\"AU\"},{\"family\":\"Berg\",\"non-dropping-particle\":\"van der\","
      "\"suffix\":\"Jr.\"}]}");
  CHECK_STRING("csl a single name is wrapped", clean("{\"author\":{\"family\":\"Ku\"}}"),
               "{\"type\":\"document\",\"author\":[{\"family\":\"Ku\"}]}");
  CHECK_STRING("csl no names left", clean("{\"author\":[{},\" \"]}"), "{\"type\":\"document\"}");
  CHECK_STRING("csl dates",
               clean("{\"issued\":{\"date-parts\":[[\"2018\",\"13\",\"4\"]]},\"accessed\":"
                     "{\"raw\":\"2021-03-04\"},\"submitted\":\"in press\",\"event-date\":"
                     "{\"date-parts\":[[2001,2,3],[2001,2,3]],\"circa\":true,\"season\":9}}"),
               "{\"type\":\"document\",\"issued\":{\"date-parts\":[[2018]]},\"accessed\":"
               "{\"date-parts\":[[2021,3,4]]},\"event-date\":{\"date-parts\":[[2001,2,3]],"
               "\"circa\":true},\"submitted\":{\"literal\":\"in press\"}}");
  CHECK_STRING("csl bad date dropped", clean("{\"issued\":{\"date-parts\":[[0]]},\"accessed\":[]}"),
               "{\"type\":\"document\"}");
  CHECK_STRING("csl aliases",
               clean("{\"shortTitle\":\"S\",\"journalAbbreviation\":\"RIS\",\"event-title\":\"E\","
                     "\"available-date\":{\"date-parts\":[[2017]]}}"),
               "{\"type\":\"document\",\"issued\":{\"date-parts\":[[2017]]},"
               "\"container-title-short\":\"RIS\",\"title-short\":\"S\",\"event\":\"E\"}");
  CHECK_STRING("csl numbers as written", clean("{\"volume\":4.0,\"issue\":\"4\",\"id\":-1}"),
               "{\"id\":-1,\"type\":\"document\",\"volume\":4.0,\"issue\":\"4\"}");
  CHECK_STRING("csl not an object", clean("[1]"), "ERROR 3");
  CHECK_STRING("csl syntax error", clean("{\"a\""), "ERROR 1");
  const char nul_key[] = "{\"title\\u0000\":\"x\",\"title\":\"y\"}";
  CHECK_STRING("csl key with a NUL is not the variable", clean(nul_key),
               "{\"type\":\"document\",\"title\":\"y\"}");
}

/* A subtitle longer than the search table is looked for at the title's end only. */
static void test_csl_export_long_subtitle(void) {
  size_t size = 8000;
  char *json = malloc(size);
  char *title = malloc(3001), *subtitle = malloc(2001);
  memset(title, 'a', 1000);
  memset(title + 1000, 'b', 2000);
  title[3000] = 0;
  memset(subtitle, 'B', 2000);
  subtitle[2000] = 0;
  snprintf(json, size, "{\"title\":\"%s\",\"subtitle\":\"%s\"}", title, subtitle);
  ibid_buffer out;
  ibid_buffer_init(&out);
  CHECK("csl long subtitle at the end",
        ibid_csl_export(json, strlen(json), &out, NULL) == IBID_JSON_OK &&
            out.length == strlen("{\"type\":\"document\",\"title\":\"\"}") + 3000);
  ibid_buffer_free(&out);
  memset(subtitle, 'c', 2000);
  snprintf(json, size, "{\"title\":\"%s\",\"subtitle\":\"%s\"}", title, subtitle);
  ibid_buffer_init(&out);
  CHECK("csl long subtitle appended",
        ibid_csl_export(json, strlen(json), &out, NULL) == IBID_JSON_OK &&
            out.length == strlen("{\"type\":\"document\",\"title\":\": \"}") + 5000);
  ibid_buffer_free(&out);
  free(json);
  free(title);
  free(subtitle);
}

/* Huge values: linear, and nothing is lost. */
static void test_large(void) {
  size_t size = 4 << 20;
  char *json = malloc(size + 64);
  strcpy(json, "{\"title\":\"");
  size_t at = strlen(json);
  for (size_t i = 0; i < size; i++) json[at++] = (char)('a' + i % 7 == 'a' ? ' ' : 'a' + i % 7);
  strcpy(json + at, "\"}");
  ibid_buffer out;
  ibid_buffer_init(&out);
  CHECK("bibtex huge title",
        ibid_bibtex_entry(json, strlen(json), folder, NULL, 0, &out, NULL) == IBID_JSON_OK &&
            out.length > size);
  ibid_buffer_free(&out);
  CHECK("ris huge title",
        ibid_ris_entry(json, strlen(json), &out, NULL) == IBID_JSON_OK && out.length > size);
  ibid_buffer_free(&out);
  free(json);
}

/* Issue 13: DOI from doi.org URLs, issue without parentheses, corporate
** names, biblatex types, RIS ID, citation keys. */
static void test_issue_13(void) {
  CHECK_STRING("csl DOI from a doi.org URL",
               clean("{\"URL\":\"https://dx.doi.org/10.1017/S02\",\"title\":\"T\"}"),
               "{\"type\":\"document\",\"title\":\"T\",\"DOI\":\"10.1017/S02\"}");
  CHECK_STRING("csl URL kept beside another DOI",
               clean("{\"DOI\":\"10.1/a\",\"URL\":\"https://doi.org/10.2/b\"}"),
               "{\"type\":\"document\",\"DOI\":\"10.1/a\",\"URL\":\"https://doi.org/10.2/b\"}");
  CHECK_STRING("csl a plain URL stays", clean("{\"URL\":\"https://doi.org/about\"}"),
               "{\"type\":\"document\",\"URL\":\"https://doi.org/about\"}");
  CHECK_STRING("csl issue without parentheses", clean("{\"issue\":\"(3)\",\"volume\":\"(2)\"}"),
               "{\"type\":\"document\",\"volume\":\"(2)\",\"issue\":\"3\"}");
  CHECK_STRING("csl issue (a)(b) kept", clean("{\"issue\":\"(1)(2)\"}"),
               "{\"type\":\"document\",\"issue\":\"(1)(2)\"}");
  CHECK_STRING("csl corporate name split as a person",
               clean("{\"author\":[{\"family\":\"UNSC\",\"given\":\"OTP to\"},"
                     "{\"family\":\"de Waal\",\"given\":\"Alex\"}]}"),
               "{\"type\":\"document\",\"author\":[{\"literal\":\"OTP to UNSC\"},"
               "{\"family\":\"de Waal\",\"given\":\"Alex\"}]}");
  CHECK("bibtex corporate name braced",
        has_line(bibtex(clean("{\"author\":[{\"family\":\"UNSC\",\"given\":\"OTP to\"}]}")),
                 "  author = {{OTP to UNSC}}"));
  CHECK("bibtex family of two words braced",
        has_line(bibtex("{\"author\":[{\"family\":\"Stagno Ugarte\"}]}"),
                 "  author = {{Stagno Ugarte}}"));
  CHECK_STRING("biblatex legal case",
               biblatex("{\"id\":\"k\",\"type\":\"legal_case\",\"title\":\"A v. B\","
                        "\"authority\":\"ICJ\",\"container-title\":\"ICJ Reports\",\"page\":\"3\","
                        "\"issued\":{\"date-parts\":[[2002,2]]}}"),
               "@jurisdiction{k,\n  title = {A v. B},\n  date = {2002-02},\n"
               "  note = {ICJ; ICJ Reports 3}\n}\n");
  CHECK("biblatex legislation",
        !strncmp(biblatex("{\"type\":\"legislation\"}"), "@legislation{", 13));
  CHECK("biblatex treaty", !strncmp(biblatex("{\"type\":\"treaty\"}"), "@legal{", 7));
  CHECK("biblatex thesis type",
        has_line(biblatex("{\"type\":\"thesis\",\"genre\":\"Master's\"}"), "  type = {mathesis}"));
  CHECK("biblatex article journaltitle",
        has_line(biblatex("{\"type\":\"article-journal\",\"container-title\":\"RIS\"}"),
                 "  journaltitle = {RIS}"));
  CHECK_STRING("ris ID", ris("{\"id\":\"mills2018african\",\"type\":\"book\"}"),
               "TY  - BOOK\nID  - mills2018african\nER  - \n");
}

int main(void) {
  folder = ibid_csl_folder_open();
  CHECK("ICU folder opens", folder != NULL);
  test_json();
  test_dates();
  test_bibtex_types();
  test_bibtex_fields();
  test_bibtex_text();
  test_bibtex_keys();
  test_ris();
  test_csl_export();
  test_csl_export_long_subtitle();
  test_large();
  test_issue_13();
  ibid_csl_folder_close(folder);
  return check_finish();
}
