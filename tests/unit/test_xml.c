/* test_xml.c -- JATS (ext/format/jats.c) and TEI (ext/format/tei.c) conversion on small
** hand-made documents, and on hostile input (entity bombs, deep nesting,
** binary junk, truncation). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "convert.h"
#include "memory.h"

typedef int (*converter)(const char *, size_t, ibid_document *);

/* The JSON of a conversion (NULL when the converter failed). */
static char *convert(converter function, const char *bytes, size_t length) {
  ibid_document document;
  ibid_document_init(&document);
  char *json = NULL;
  if (function(bytes, length, &document) == 0) json = ibid_document_json(&document, NULL);
  ibid_document_free(&document);
  return json;
}

static void check_has(const char *name, converter function, const char *xml, const char *fragment) {
  char *json = convert(function, xml, strlen(xml));
  int found = json && strstr(json, fragment) != NULL;
  if (!found) printf("# got %s\n", json ? json : "(null)");
  CHECK(name, found);
  ibid_free(json);
}

typedef struct expected_fragment {
  const char *name, *fragment;
} expected_fragment;

/* check_has for each fragment of a list that ends with a NULL name. */
static void check_fragments(converter function, const char *xml, const expected_fragment *list) {
  for (; list->name; list++) check_has(list->name, function, xml, list->fragment);
}

static void check_lacks(const char *name, converter function, const char *xml,
                        const char *fragment) {
  char *json = convert(function, xml, strlen(xml));
  int found = !json || strstr(json, fragment) != NULL;
  if (found) printf("# got %s\n", json ? json : "(null)");
  CHECK(name, !found);
  ibid_free(json);
}

/* Converts xml and checks the body ("<format> converts", "<format> body"). */
static void check_body(const char *format, converter function, const char *xml,
                       const char *expected) {
  char name[64];
  ibid_document document;
  ibid_document_init(&document);
  int rc = function(xml, strlen(xml), &document);
  snprintf(name, sizeof(name), "%s converts", format);
  CHECK(name, rc == 0 && document.error == NULL);
  ibid_buffer_append_char(&document.body, '\n'); /* as ibid_document_json ends it */
  snprintf(name, sizeof(name), "%s body", format);
  CHECK_STRING(name, document.body.data, expected);
  ibid_document_free(&document);
}

static const char jats_article[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2//EN\" "
    "\"JATS-journalpublishing1.dtd\">\n"
    "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><journal-meta>"
    "<journal-title-group><journal-title>Journal of Peace</journal-title></journal-title-group>"
    "</journal-meta><article-meta><article-id pub-id-type=\"doi\">10.1000/jp.1</article-id>"
    "<title-group><article-title>Courts &amp; Councils</article-title></title-group>"
    "<contrib-group><contrib contrib-type=\"author\"><name><surname>Doe</surname>"
    "<given-names>Jane</given-names></name></contrib></contrib-group>"
    "<pub-date pub-type=\"ppub\"><month>5</month><year>2019</year></pub-date>"
    "<volume>11</volume><fpage>100</fpage><lpage>120</lpage></article-meta></front>"
    "<body><sec><title>Introduction</title><p>Deterrence is weak&mdash;as argued "
    "(<xref ref-type=\"bibr\" rid=\"r1\">Wegner, 2015: 120</xref>).<xref ref-type=\"fn\" "
    "rid=\"f1\"><sup>1</sup></xref></p><fig><label>Figure 1</label><caption><title>Cases"
    "</title></caption></fig><table-wrap><table><tr><td>Darfur</td><td>2005</td></tr>"
    "</table></table-wrap></sec></body><back><fn-group><fn id=\"f1\"><label>1</label><p>See "
    "<ext-link xlink:href=\"https://example.org/a\">example.org/a</ext-link>.</p></fn>"
    "</fn-group><ref-list><ref id=\"r1\"><element-citation publication-type=\"book\">"
    "<person-group person-group-type=\"author\"><name><surname>Wegner</surname><given-names>"
    "Patrick</given-names></name></person-group><year>2015</year><source>The ICC in Ongoing "
    "Conflicts</source><publisher-name>CUP</publisher-name></element-citation></ref>"
    "<ref id=\"r2\"><mixed-citation>Tansey, O. (2007). Process tracing.</mixed-citation></ref>"
    "</ref-list></back></article>";

static const char jats_body[] =
    "Courts & Councils\n\nIntroduction\n\nDeterrence is weak\xE2\x80\x94"
    "as argued (Wegner, 2015: 120).\xC2\xB9\n\nFigure 1. Cases\n\nDarfur | 2005\n\nNotes\n\n"
    "[1] See example.org/a.\n\nReferences\n\nWegner, P. (2015). The ICC in Ongoing Conflicts. "
    "CUP.\n\nTansey, O. (2007). Process tracing.\n";

/* What the JSON of jats_article holds. */
static const expected_fragment jats_fragments[] = {
    {"jats title meta", "\"title\":\"Courts & Councils\""},
    {"jats author meta", "\"author\":[{\"family\":\"Doe\",\"given\":\"Jane\"}]"},
    {"jats issued meta", "\"issued\":{\"date-parts\":[[2019,5]]}"},
    {"jats page meta", "\"page\":\"100-120\""},
    {"jats doi meta", "\"DOI\":\"10.1000/jp.1\""},
    {"jats journal meta", "\"container-title\":\"Journal of Peace\""},
    {"jats link in note", "\"note\":1,\"URL\":\"https://example.org/a\""},
    {"jats book reference",
     "\"label\":\"r1\",\"csl\":{\"issued\":{\"date-parts\":[[2015]]},\"publisher\":\"CUP\","
     "\"title\":\"The ICC in Ongoing Conflicts\",\"type\":\"book\",\"author\":[{\"family\":"
     "\"Wegner\",\"given\":\"Patrick\"}]}"},
    {"jats untagged reference has no csl", "{\"start\":216,\"length\":35,\"label\":\"r2\"}"},
    {NULL, NULL}};

static void test_jats(void) {
  check_body("jats", ibid_jats_convert, jats_article, jats_body);
  check_fragments(ibid_jats_convert, jats_article, jats_fragments);
  check_has("jats several notes in one xref", ibid_jats_convert,
            "<article><body><p>Two.<xref ref-type=\"fn\" rid=\"a b\">1,2</xref></p></body><back>"
            "<fn-group><fn id=\"a\"><p>A.</p></fn><fn id=\"b\"><p>B.</p></fn></fn-group></back>"
            "</article>",
            "Two.\xC2\xB9,\xC2\xB2\\n\\nNotes\\n\\n[1] A.\\n\\n[2] B.\\n");
  check_has("jats numbered heading", ibid_jats_convert,
            "<article><body><sec><label>2.</label><title>Methods</title><p>Text.</p></sec></body>"
            "</article>",
            "\"body\":\"2. Methods\\n\\nText.\\n\"");
  check_has("jats typed statement is not a note", ibid_jats_convert,
            "<article><body><p>x</p></body><back><fn-group><fn fn-type=\"conflict\"><p>None "
            "declared.</p></fn></fn-group></back></article>",
            "\"body\":\"x\\n\\nNone declared.\\n\"");
  check_has("jats citation alternatives", ibid_jats_convert,
            "<article><back><ref-list><ref id=\"x\"><citation-alternatives><element-citation>"
            "<name><surname>Doe</surname></name><year>2001</year><source>Book</source>"
            "</element-citation><mixed-citation>Doe, J. 2001. Book.</mixed-citation>"
            "</citation-alternatives></ref></ref-list></back></article>",
            "References\\n\\nDoe, J. 2001. Book.\\n\",\"references\":[{\"start\":13,\"length\":19,"
            "\"label\":\"x\",\"csl\":{\"issued\":{\"date-parts\":[[2001]]},\"title\":\"Book\","
            "\"author\":[{\"family\":\"Doe\"}]}}]");
}

static const char tei_text[] =
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
    "<title>On Impunity</title><author><persName><forename>Ann</forename><surname>Lee</surname>"
    "</persName></author></titleStmt><sourceDesc><biblStruct><monogr><title level=\"j\">Review"
    "</title><imprint><biblScope unit=\"volume\">3</biblScope><date when=\"2020-03-01\"/>"
    "</imprint></monogr></biblStruct></sourceDesc></fileDesc></teiHeader><text><body><div>"
    "<head>One</head><p>It deters.<note place=\"foot\" n=\"1\"><bibl><author>Ku</author>, "
    "<title level=\"a\">Deterrence</title> (<date>2006</date>)</bibl>.</note> Co<lb "
    "break=\"no\"/>operation<note place=\"end\">Ibid.</note> works.</p></div></body><back>"
    "<listBibl><biblStruct><analytic><author><persName><surname>Appel</surname><forename>"
    "Benjamin</forename></persName></author><title level=\"a\">In the Shadow</title></analytic>"
    "<monogr><title level=\"j\">JCR</title><imprint><biblScope unit=\"page\" from=\"3\" "
    "to=\"28\"/><date when=\"2018\"/></imprint></monogr></biblStruct></listBibl></back></text>"
    "</TEI>";

static const char tei_body[] =
    "One\n\nIt deters.\xC2\xB9 Cooperation\xC2\xB2 works.\n\nNotes\n\n[1] Ku, Deterrence "
    "(2006).\n\n"
    "[2] Ibid.\n\nReferences\n\nAppel, B. (2018). In the Shadow. JCR, 3\xE2\x80\x93"
    "28.\n";

/* What the JSON of tei_text holds. */
static const expected_fragment tei_fragments[] = {
    {"tei title", "\"title\":\"On Impunity\""},
    {"tei author", "\"author\":[{\"family\":\"Lee\",\"given\":\"Ann\"}]"},
    {"tei source meta", "\"container-title\":\"Review\""},
    {"tei source date", "\"issued\":{\"date-parts\":[[2020,3,1]]}"},
    {"tei bibl in note",
     "\"note\":1,\"csl\":{\"issued\":{\"date-parts\":[[2006]]},\"title\":\"Deterrence\","
     "\"author\":[{\"literal\":\"Ku\"}]}"},
    {"tei biblStruct",
     "\"page\":\"3-28\",\"issued\":{\"date-parts\":[[2018]]},\"title\":\"In the Shadow\","
     "\"container-title\":\"JCR\",\"type\":\"article-journal\""},
    {NULL, NULL}};

static void test_tei(void) {
  check_body("tei", ibid_tei_convert, tei_text, tei_body);
  check_fragments(ibid_tei_convert, tei_text, tei_fragments);
  /* Endnotes kept in the back matter, pointed to from the text. */
  check_has("tei pointer to a note", ibid_tei_convert,
            "<TEI><text><body><p>Text<ref target=\"#n7\">7</ref> more.</p></body><back><div "
            "type=\"notes\"><note xml:id=\"n7\" n=\"7\">The note.</note></div></back></text></TEI>",
            "Text\xE2\x81\xB7 more.\\n\\nNotes\\n\\n[7] The note.\\n");
  check_has("tei year suffix", ibid_tei_convert,
            "<TEI><text><body><p>x<note n=\"1\"><bibl><author>OTP</author> <date>2005a</date>"
            "</bibl></note></p></body></text></TEI>",
            "\"year-suffix\":\"a\"");
  check_has("tei printed date", ibid_tei_convert,
            "<TEI><text><body><p>x<note n=\"1\"><bibl><author>AP</author>, <date>15 May 2025"
            "</date></bibl></note></p></body></text></TEI>",
            "[[2025,5,15]]");
}

/* ----- hostile input ------------------------------------------------------------ */

static const char billion_laughs[] =
    "<?xml version=\"1.0\"?><!DOCTYPE TEI [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">"
    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<TEI><text><body><p>Before &i; after &x; end.</p></body></text></TEI>";

static void test_hostile(void) {
  ibid_document document;
  ibid_document_init(&document);
  int rc = ibid_tei_convert(billion_laughs, strlen(billion_laughs), &document);
  CHECK("billion laughs stays small", rc == 0 && document.body.length < 1000);
  CHECK("billion laughs: no file read",
        !document.body.data || strstr(document.body.data, "root:") == NULL);
  ibid_document_free(&document);

  /* 100,000 nested elements: libxml2 stops at its depth limit. */
  const size_t depth = 100000;
  size_t capacity = depth * 11 + 100;
  char *deep = malloc(capacity);
  size_t length = 0;
  length += (size_t)sprintf(deep, "<article><body>");
  for (size_t i = 0; i < depth; i++) length += (size_t)sprintf(deep + length, "<sec><p>");
  length += (size_t)sprintf(deep + length, "deep</article>");
  char *json = convert(ibid_jats_convert, deep, length);
  CHECK("deep nesting jats", json != NULL && strstr(json, "\"error\"") != NULL);
  ibid_free(json);
  memcpy(deep, "<TEI><text>", 11); /* same length as "<article><" ... close enough: recovers */
  json = convert(ibid_tei_convert, deep, length);
  CHECK("deep nesting tei", json != NULL);
  ibid_free(json);
  free(deep);

  /* Binary junk, NUL bytes included, as-is and wrapped in a root element. */
  char junk[4096];
  unsigned state = 12345;
  for (size_t i = 0; i < sizeof(junk); i++) {
    state = state * 1103515245u + 12345u;
    junk[i] = (char)(state >> 16);
  }
  json = convert(ibid_jats_convert, junk, sizeof(junk));
  CHECK("junk jats", json != NULL && strstr(json, "\"error\"") != NULL);
  ibid_free(json);
  json = convert(ibid_tei_convert, junk, sizeof(junk));
  CHECK("junk tei", json != NULL && strstr(json, "\"error\"") != NULL);
  ibid_free(json);
  char wrapped[4096 + 32];
  memcpy(wrapped, "<article>", 9);
  memcpy(wrapped + 9, junk, sizeof(junk));
  memcpy(wrapped + 9 + sizeof(junk), "</article>", 10);
  json = convert(ibid_jats_convert, wrapped, 9 + sizeof(junk) + 10);
  CHECK("wrapped junk jats", json != NULL);
  ibid_free(json);

  json = convert(ibid_jats_convert, "", 0);
  CHECK("empty jats", json != NULL && strstr(json, "\"error\"") != NULL);
  ibid_free(json);
  json = convert(ibid_tei_convert, "", 0);
  CHECK("empty tei", json != NULL && strstr(json, "\"error\"") != NULL);
  ibid_free(json);

  /* Truncated: what was read before the cut is kept, with an error. */
  size_t half = strlen(jats_article) * 2 / 3;
  json = convert(ibid_jats_convert, jats_article, half);
  CHECK("truncated jats keeps the start",
        json != NULL && strstr(json, "Introduction") && strstr(json, "malformed XML"));
  ibid_free(json);
  check_lacks("no error on well-formed tei", ibid_tei_convert, tei_text, "\"error\"");
}

int main(void) {
  test_jats();
  test_tei();
  test_hostile();
  return check_finish();
}
