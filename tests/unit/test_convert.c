/* test_convert.c -- format detection, the document builder and the text path
** (ext/format/convert.c, ext/format/document.c). */
#include <string.h>

#include "check.h"
#include "convert.h"
#include "document.h"
#include "memory.h"

static const char *format_of(const char *bytes, size_t length) {
  const char *name = ibid_format_name(ibid_format_detect(bytes, length));
  return name ? name : "unknown";
}

#define FORMAT(name, literal, want) \
  CHECK_STRING(name, format_of(literal, sizeof(literal) - 1), want)

static void test_detection(void) {
  FORMAT("detect_pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf");
  FORMAT("detect_pdf_after_junk", "\n\n  %PDF-1.4", "pdf");
  FORMAT("detect_pdf_headerless", "%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
         "pdf");
  FORMAT("detect_pdf_headerless_crlf", "\r\n12 0 obj<</Length 3>>stream\r\nabc\r\nendstream endobj",
         "pdf");
  FORMAT("detect_pdf_cut_objects",
         "ata) Tj ET\nendstream\nendobj\n4 0 obj\n<< /A 1 >>\nendobj\n5 0 obj\n[1 2]\n"
         "endobj\nxref\n0 6\ntrailer\n<< /Size 6 >>\nstartxref\n99\n%%EOF\n",
         "pdf");
  FORMAT("detect_text_mentions_obj", "The object 1 0 obj is how PDF files start; endobj ends it.",
         "text");
  FORMAT("detect_text_obj_without_end", "Chapter 1\n12 0 obj\nno end here", "text");
  FORMAT("detect_text_obj_header_only", "1 0 obj", "text");
  FORMAT("detect_html_doctype", "<!DOCTYPE html>\n<html lang=en>", "html");
  FORMAT("detect_html_doctype_case", "<!doctype HTML><title>x</title>", "html");
  FORMAT("detect_html_bom_comment", "\xEF\xBB\xBF<!-- saved --> <HTML><BODY>", "html");
  FORMAT("detect_html_fragment", "<p>Just a paragraph</p>", "html");
  FORMAT("detect_jats",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" "
         "\"x.dtd\">\n<article article-type=\"research-article\">",
         "jats");
  FORMAT("detect_jats_prefixed", "<jats:article xmlns:jats=\"x\">", "jats");
  FORMAT("detect_tei",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
         "tei");
  FORMAT("detect_tei_corpus", "<teiCorpus>", "tei");
  FORMAT("detect_xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
         "html");
  FORMAT("detect_text", "A title\n\nSome text with <angle> brackets.", "text");
  FORMAT("detect_text_less_than", "<3 is a heart, not a tag", "text");
  FORMAT("detect_empty", "", "text");
  FORMAT("detect_binary_nul", "abc\0def", "unknown");
  FORMAT("detect_binary_controls", "\x01\x02\x03\x04\x05\x06", "unknown");
  FORMAT("detect_unclosed_comment", "<!-- never closed", "text");
  FORMAT("detect_jats_internal_subset",
         "<?xml version=\"1.0\"?><!DOCTYPE article [ <!ENTITY mdash \"&#8212;\"> ]><article>",
         "jats");
  FORMAT("detect_utf16le_text", "\xFF\xFEH\0i\0!\0", "text");
  FORMAT("detect_utf16be_html", "\xFE\xFF\0<\0p\0>\0H\0i", "html");
}

static void test_builder(void) {
  ibid_document document;
  ibid_document_init(&document);
  ibid_document_text(&document, "  A   heading \n", 15);
  ibid_document_end_block(&document);
  size_t start = ibid_document_next_position(&document);
  ibid_document_text(&document, "Caf\xC3\xA9\xC2\xA0society", 14);
  ibid_document_glued(&document, "\xC2\xB9", 2);
  size_t end = ibid_document_end_position(&document);
  ibid_document_text(&document, " and\tmore.", 10);
  ibid_document_end_block(&document);
  ibid_document_end_block(&document);
  ibid_document_reference(&document, start, end - start, 0, "r1", NULL,
                          "https://example.org/a?b=\"c\"");
  ibid_document_meta_string(&document, "title", "A \"heading\"", 11);
  CHECK("builder_positions", start == 12 && end == 25);
  size_t length;
  char *json = ibid_document_json(&document, &length);
  CHECK_STRING(
      "builder_json", json,
      "{\"body\":\"A heading\\n\\nCaf\xC3\xA9 society\xC2\xB9 and more.\\n\",\"meta\":{\"title\":"
      "\"A \\\"heading\\\"\"},\"references\":[{\"start\":12,\"length\":13,\"label\":\"r1\","
      "\"URL\":\"https://example.org/a?b=\\\"c\\\"\"}]}");
  ibid_free(json);
  ibid_document_free(&document);
}

static void test_builder_edges(void) {
  ibid_document document;
  ibid_document_init(&document);
  ibid_document_end_block(&document); /* nothing written: no blank line at the start */
  ibid_document_space(&document);
  CHECK("builder_first_position", ibid_document_next_position(&document) == 1);
  ibid_document_text(&document, "\x01\x7f\xC2\xAD", 4); /* controls and a soft hyphen vanish */
  CHECK("builder_controls_dropped", document.body.length == 0);
  ibid_document_glued(&document, "x", 1);
  ibid_document_glued(&document, "\ty\r\nz", 5); /* each break skipped once, nothing lost */
  ibid_document_tab(&document);
  ibid_document_glued(&document, "w", 1);
  ibid_document_fail(&document, "first");
  ibid_document_fail(&document, "second");
  CHECK_STRING("builder_first_error_stays", document.error, "first");
  size_t length;
  char *json = ibid_document_json(&document, &length);
  CHECK_STRING("builder_error_json", json, "{\"body\":\"xyz\\tw\\n\",\"error\":\"first\"}");
  ibid_free(json);
  ibid_document_free(&document);
}

static char *convert(const char *bytes, size_t length) {
  ibid_document document;
  ibid_document_init(&document);
  char *json = NULL;
  size_t json_length;
  if (ibid_convert_document(bytes, length, &document) == 0)
    json = ibid_document_json(&document, &json_length);
  ibid_document_free(&document);
  return json;
}

static void test_text_path(void) {
  char *json = convert("Title\n\nOne  two.", 16);
  CHECK_STRING("text_clean", json, "{\"format\":\"text\",\"body\":\"Title\\n\\nOne two.\\n\"}");
  ibid_free(json);
  json = convert("na\xEFve \x93quoted\x94 \x80", 16); /* Windows-1252 */
  CHECK_STRING("text_windows_1252", json,
               "{\"format\":\"text\",\"body\":\"na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D "
               "\xE2\x82\xAC\\n\",\"recoded\":1}");
  ibid_free(json);
  json = convert("", 0);
  CHECK_STRING("text_empty", json, "{\"format\":\"text\",\"body\":\"\"}");
  ibid_free(json);
  json = convert(
      "\xFF\xFE"
      "A\0\xA0\0"
      "=\xD8\0\xDE",
      10); /* UTF-16LE with a surrogate pair */
  CHECK_STRING("text_utf16", json, "{\"format\":\"text\",\"body\":\"A \xF0\x9F\x98\x80\\n\"}");
  ibid_free(json);
  json = convert("\x00\x01\x02", 3);
  CHECK("binary_is_an_error", json && strstr(json, "\"error\":\"unrecognized format") != NULL);
  ibid_free(json);
}

int main(void) {
  test_detection();
  test_builder();
  test_builder_edges();
  test_text_path();
  return check_finish();
}
