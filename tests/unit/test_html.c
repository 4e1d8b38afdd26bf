/* test_html.c -- unit tests of ext/format/html.c (ibid_html_convert). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "convert.h"
#include "memory.h"

/* Converts bytes and returns the JSON of ibid_convert() (static buffer). */
static const char *convert(const char *bytes, size_t length) {
  static char out[8192];
  ibid_document document;
  ibid_document_init(&document);
  out[0] = 0;
  if (ibid_html_convert(bytes, length, &document) != 0) {
    ibid_document_free(&document);
    return "error";
  }
  size_t json_length;
  char *json = ibid_document_json(&document, &json_length);
  ibid_document_free(&document);
  if (!json) return "error";
  snprintf(out, sizeof(out), "%s", json);
  ibid_free(json);
  return out;
}

static const char *convert_string(const char *html) {
  return convert(html, strlen(html));
}

/* The "body" member only, unescaped enough for these tests ("\n" -> '|'). */
static const char *body_of(const char *html) {
  static char out[4096];
  const char *json = convert_string(html);
  const char *start = strstr(json, "\"body\":\"");
  out[0] = 0;
  if (!start) return "no body";
  start += 8;
  size_t n = 0;
  for (const char *p = start; *p && *p != '"' && n + 1 < sizeof(out); p++) {
    if (p[0] == '\\' && p[1] == 'n') {
      out[n++] = '|';
      p++;
    } else if (p[0] == '\\' && p[1] == 't') {
      out[n++] = '>';
      p++;
    } else {
      out[n++] = *p;
    }
  }
  out[n] = 0;
  return out;
}

int main(void) {
  CHECK_STRING("html paragraphs and headings",
               body_of("<html><body><h1>Title</h1><p>One  <b>two</b>\nthree.</p><p>Four.</p>"),
               "Title||One two three.||Four.|");
  CHECK_STRING(
      "html scripts styles forms dropped",
      body_of("<html><head><style>p{}</style><script>x()</script></head><body>"
              "<p>Kept, as the text of the page that matters most here.</p><form><input value=a>"
              "<p>Search form</p></form></body>"),
      "Kept, as the text of the page that matters most here.|");
  CHECK_STRING("html chrome dropped",
               body_of("<html><body><nav>Menu</nav><div class=\"cookie-banner\">Cookies</div>"
                       "<div id=\"breadcrumb\">Home</div><p>Text of the page that matters most"
                       " here.</p><footer>Copyright</footer><aside>Related</aside></body>"),
               "Text of the page that matters most here.|");
  CHECK_STRING("html main content only",
               body_of("<html><body><div>Site name</div><main><p>Article text.</p></main>"
                       "<div>Other links</div></body>"),
               "Article text.|");
  CHECK_STRING("html lists",
               body_of("<ul><li>a<ul><li>b</li></ul></li></ul><ol start=3><li>c</ol>"),
               "\xE2\x80\xA2 a||\xE2\x97\xA6 b||3. c|");
  CHECK_STRING("html table rows",
               body_of("<table><tr><th>Case<th>Year<tr><td>Darfur<td>2005</table>"),
               "Case>Year||Darfur>2005|");
  CHECK_STRING("html layout table",
               body_of("<table><tr><td><p>Left</p></td><td><p>Right</p></td></tr></table>"),
               "Left||Right|");
  CHECK_STRING("html footnotes followed by link",
               body_of("<html><body><p>Text.<sup><a href=\"#fn1\">1</a></sup> More<sup>"
                       "<a href=\"#fn2\">2</a>,<a href=\"#fn3\">3</a></sup></p><ol>"
                       "<li id=\"fn1\">Smith, Courts (2001). <a href=\"#r\">\xE2\x86\xA9</a></li>"
                       "<li id=\"fn2\">Ibid.</li><li id=\"fn3\">Ibid., p. 2.</li></ol></body>"),
               "Text.\xC2\xB9 More\xC2\xB2,\xC2\xB3||Footnotes||1 Smith, Courts (2001).||2 Ibid.||"
               "3 Ibid., p. 2.|");
  CHECK_STRING(
      "html word endnotes keep brackets",
      body_of("<p>Claim<a href=\"#_edn1\" name=\"_ednref1\">[1]</a>.</p><div id=\"edn1\">"
              "<p><a href=\"#_ednref1\" name=\"_edn1\">[1]</a> Smith, Courts (2001).</p></div>"),
      "Claim[1].||Notes||[1] Smith, Courts (2001).|");
  CHECK_STRING(
      "html notes keep the page's heading",
      body_of("<p>Claim<sup><a href=\"#n1\">1</a></sup>.</p><h2>Notes</h2><ol><li id=\"n1\">"
              "Smith (2001).</li></ol>"),
      "Claim\xC2\xB9.||Notes||\xC2\xB9 Smith (2001).|");
  CHECK_STRING("html back links are not markers",
               body_of("<p>A<a href=\"#fn1\" id=\"r1\">1</a> b.</p><p id=\"fn1\"><a "
                       "href=\"#r1\">1</a> Smith.</p>"),
               "A\xC2\xB9 b.||Footnotes||\xC2\xB9 Smith.|");
  CHECK_STRING(
      "html pandoc endnotes",
      body_of("<p>A.<a href=\"#fn1\" role=\"doc-noteref\"><sup>1</sup></a> B.<a href=\"#fn2\" "
              "role=\"doc-noteref\"><sup>2</sup></a></p><section role=\"doc-endnotes\"><hr><ol>"
              "<li id=\"fn1\"><p>Smith (2001).<a href=\"#r\" role=\"doc-backlink\">\xE2\x86\xA9"
              "</a></p></li><li id=\"fn2\"><p>Ibid.</p></li></ol></section>"),
      "A.\xC2\xB9 B.\xC2\xB2||Notes||1 Smith (2001).||2 Ibid.|");
  CHECK_STRING(
      "html unlinked notes under a Notes heading",
      body_of("<p>A.<sup>1</sup> B.<sup>2</sup></p><h3>Notes</h3><ol><li>Smith (2001).</li>"
              "<li>Ibid.</li></ol>"),
      "A.\xC2\xB9 B.\xC2\xB2||Notes||1 Smith (2001).||2 Ibid.|");
  CHECK_STRING(
      "html a lone note gets a superscript label",
      body_of("<p>Slowly<a href=\"#footnote-1\" id=\"a1\">1</a> and rarely.</p><div class="
              "\"footnote\"><a id=\"footnote-1\" href=\"#a1\">1</a><div><p>Smith (2001).</p>"
              "<p>More.</p></div></div>"),
      "Slowly\xC2\xB9 and rarely.||Footnotes||\xC2\xB9 Smith (2001). More.|");
  CHECK_STRING(
      "html wikipedia references",
      body_of("<p>Est. 2002.<sup class=\"reference\"><a href=\"#cite_note-1\">[1]</a></sup></p>"
              "<h2>References</h2><ol class=\"references\"><li id=\"cite_note-1\"><span><a "
              "href=\"#cite_ref-1\">^</a></span> <span>Schabas (2011).</span></li><li id="
              "\"cite_note-2\">Other (2012).</li></ol>"),
      "Est. 2002.[1]||References||\xC2\xB9 Schabas (2011).||2. Other (2012).|");
  CHECK_STRING(
      "html sidenotes written after the text, found by their back-links",
      body_of("<article><p>Slowly.<a href=\"#x1\" id=\"m1\">1</a> More text about the court and "
              "its issues.</p><aside id=\"x1\"><a href=\"#m1\">1</a> Smith (2001).</aside><p>A "
              "second claim.<a href=\"#x2\" id=\"m2\">2</a> A long sentence follows it.</p><aside "
              "id=\"x2\"><a href=\"#m2\">2</a> Ibid.</aside><p>The conclusion of the essay, "
              "long enough to count as prose.</p></article>"),
      "Slowly.\xC2\xB9 More text about the court and its issues.||A second claim.\xC2\xB2 A long "
      "sentence follows it.||The conclusion of the essay, long enough to count as prose.||"
      "Footnotes||1 Smith (2001).||2 Ibid.|");
  CHECK_STRING(
      "html section links are not markers",
      body_of("<p>See part <a href=\"#s2\">2</a>.</p><h2 id=\"s2\">Part two</h2><p>Text.</p>"),
      "See part 2.||Part two||Text.|");
  CHECK_STRING("html glued text with a line break before a non-ASCII letter",
               body_of("<p>x<sup>a\n\xC3\x96\t\xC3\x96</sup></p>"), "xa\xC3\x96\xC3\x96|");
  CHECK("html note link is a reference",
        strstr(convert_string(
                   "<p>A<sup><a href=\"#n1\">1</a></sup>.</p><ol class=\"footnotes\"><li id=\"n1\">"
                   "See <a href=\"https://example.org/r\">the report</a>.</li></ol>"),
               "\"references\":[{\"start\":23,\"length\":10,\"note\":1,\"URL\":\"https://"
               "example.org/r\"}]") != NULL);
  CHECK(
      "html citation meta",
      strstr(convert_string("<html><head><meta name=\"citation_title\" content=\"On  Courts\">"
                            "<meta name=\"citation_author\" content=\"Smith, Jane\">"
                            "<meta name=\"citation_date\" content=\"2019-05\"><meta name="
                            "\"citation_journal_title\" content=\"Law Review\"><meta name="
                            "\"citation_firstpage\" content=\"3\"><meta name=\"citation_lastpage\""
                            " content=\"9\"><meta name=\"citation_doi\" content=\"doi:10.1/x\">"
                            "</head><body><p>x</p></body></html>"),
             "\"meta\":{\"title\":\"On "
             "Courts\",\"author\":[{\"family\":\"Smith\",\"given\":\"Jane\"}],"
             "\"issued\":{\"date-parts\":[[2019,5]]},\"container-title\":\"Law Review\","
             "\"page\":\"3\xE2\x80\x93"
             "9\",\"DOI\":\"10.1/x\",\"type\":\"article-journal\"}") != NULL);
  CHECK("html title is a webpage",
        strstr(convert_string("<html><head><title> A page </title></head><body>x</body></html>"),
               "\"meta\":{\"title\":\"A page\",\"type\":\"webpage\"}") != NULL);
  CHECK_STRING("html windows-1252 undeclared", body_of("<p>caf\xE9 \x93q\x94 \x96</p>"),
               "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x93|");
  CHECK_STRING("html declared latin-1",
               body_of("<meta charset=iso-8859-1><p>\x93"
                       "caf\xE9</p>"),
               "\xE2\x80\x9C"
               "caf\xC3\xA9|");
  {
    static const char utf16[] = "\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0";
    CHECK("html utf-16",
          strstr(convert(utf16, sizeof(utf16) - 1), "\"body\":\"\xC3\xA9\\n\"") != NULL);
  }
  CHECK_STRING("html NUL bytes", body_of("<p>a\0b</p>"), "a|");
  {
    static const char with_nul[] = "<p>a\0b</p>";
    ibid_document document;
    ibid_document_init(&document);
    CHECK("html NUL bytes inside",
          ibid_html_convert(with_nul, sizeof(with_nul) - 1, &document) == 0 &&
              document.body.length == 3 && memcmp(document.body.data, "a b", 3) == 0);
    ibid_document_free(&document);
  }
  CHECK_STRING("html empty", convert("", 0), "{\"format\":\"html\",\"body\":\"\"}");
  CHECK_STRING("html entities", body_of("<p>&amp; &eacute;t&eacute; &#8212; &nbsp;x</p>"),
               "& \xC3\xA9t\xC3\xA9 \xE2\x80\x94 x|");
  {
    /* deep nesting: no recursion in ibid, libxml2's limits relaxed */
    size_t depth = 50000;
    char *deep = ibid_malloc(depth * 11 + 64);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++) memcpy(deep + n, "<div>", 5), n += 5;
    memcpy(deep + n, "deep", 4), n += 4;
    for (size_t i = 0; i < depth; i++) memcpy(deep + n, "</div>", 6), n += 6;
    ibid_document document;
    ibid_document_init(&document);
    CHECK("html deep nesting",
          ibid_html_convert(deep, n, &document) == 0 && document.body.length == 4);
    ibid_document_free(&document);
    ibid_free(deep);
  }
  return check_finish();
}
