/* fuzz_unicode.c -- valid UTF-8 in, valid UTF-8 out, spans on character
** boundaries (issue #12 item 1), for every pure extractor a document's INSERT
** runs.
**
** The fuzzer's bytes do not go in as they are: a generator turns them into
** valid UTF-8 over the whole code-point range (each step either copies a
** fragment of a real sentence -- an author-year cite, a note label, "Ibid.",
** a reference-list heading, a superscript marker -- or writes one code point
** chosen by the next bytes from U+0000-U+10FFFF without surrogates, with the
** letters whose last byte is each continuation byte 0x80-0xBF weighted up),
** so every input exercises the parsers rather than the validator. The text,
** and the same text wrapped in JATS and HTML (XML-escaped), then goes through
** ibid_clean_text, ibid_find_cites, ibid_find_notes, ibid_find_markers,
** ibid_split_sentences, ibid_find_bibliography, ibid_reference_segments,
** ibid_parse_reference_json, ibid_meta_json and ibid_convert_document. Every
** string out must be valid UTF-8 and every byte span must lie inside the text
** and start and end on a character boundary; a failure traps.
*/
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buffer.h"
#include "cites.h"
#include "convert.h"
#include "fuzz_document.h"
#include "markers.h"
#include "meta.h"
#include "notes.h"
#include "references.h"
#include "refparse.h"
#include "sentences.h"
#include "text.h"

static const char *const fragments[] = {
    " (",
    ", 1990)",
    ", 2001a, p. 4)",
    ").",
    ".\xC2\xB9 ",
    "\n\n1. ",
    "\n2 ",
    "Ibid., ",
    " and ",
    " et al. ",
    "; ",
    "References\n\n",
    ". 1999. ",
    "\"",
    ": ",
    "\xE2\x80\x93",
    "\n",
    " ",
    ".",
    ", ",
    "\xC2\xA0",
};

/* A code point from the generator's bytes: any scalar value, with the
** letters ending in a continuation byte weighted up. */
static uint32_t code_point(const uint8_t *data, size_t size, size_t *at) {
  uint32_t value = 0;
  for (int k = 0; k < 3; k++) value = (value << 8) | (*at < size ? data[(*at)++] : 0);
  switch (value % 4) {
    case 0:
      return 0xC0 + (value >> 2) % 0x40; /* U+00C0-U+00FF: C3 80-C3 BF */
    case 1:
      return 0x400 + (value >> 2) % 0x40; /* U+0400-U+043F: D0 80-D0 BF */
    case 2:
      value = (value >> 2) % 0x10000;
      break; /* the BMP */
    default:
      value = (value >> 2) % 0x110000;
      break; /* anything */
  }
  if (value >= 0xD800 && value <= 0xDFFF) value = 0xFFFD;
  return value;
}

static void check_utf8(const char *text, size_t length) {
  size_t bad;
  if (text && !ibid_utf8_valid(text, length, &bad)) __builtin_trap();
}

static int boundary(const char *text, size_t length, size_t at) {
  return at == length || (at < length && ((unsigned char)text[at] & 0xC0) != 0x80);
}

/* [start, start+length) inside text and cut on character boundaries. */
static void check_span(const char *text, size_t size, size_t start, size_t length) {
  if (start > size || length > size - start) __builtin_trap();
  if (!boundary(text, size, start) || !boundary(text, size, start + length)) __builtin_trap();
}

static void check_string(const char *s) {
  if (s) check_utf8(s, strlen(s));
}

static void extractors(const char *text, size_t size) {
  size_t n;
  char *clean = ibid_clean_text(text, size, &n);
  check_utf8(clean, n);
  ibid_free(clean);

  ibid_cite *cites;
  if (ibid_find_cites(text, size, &cites, &n) == 0) {
    for (size_t i = 0; i < n; i++) {
      check_span(text, size, cites[i].start, cites[i].length);
      check_string(cites[i].authors);
      check_string(cites[i].locator);
      check_string(cites[i].prefix);
    }
    ibid_free_cites(cites, n);
  }

  ibid_note *notes;
  size_t note_count;
  if (ibid_find_notes(text, size, &notes, &note_count) == 0) {
    for (size_t i = 0; i < note_count; i++) {
      check_span(text, size, notes[i].label_start, notes[i].label_length);
      check_span(text, size, notes[i].start, notes[i].length);
      check_span(text, size, notes[i].locator_start, notes[i].locator_length);
    }
    ibid_marker *markers;
    if (ibid_find_markers(text, size, notes, note_count, &markers, &n) == 0) {
      for (size_t i = 0; i < n; i++) check_span(text, size, markers[i].start, markers[i].length);
      ibid_free(markers);
    }
    ibid_free(notes);
  }

  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  if (splitter) {
    ibid_sentence *sentences;
    if (ibid_split_sentences(splitter, text, size, &sentences, &n) == 0) {
      for (size_t i = 0; i < n; i++)
        check_span(text, size, sentences[i].start, sentences[i].length);
      ibid_free(sentences);
    }
    ibid_sentence_splitter_free(splitter);
  }

  ibid_bibliography_entry *entries;
  if (ibid_find_bibliography(text, size, &entries, &n) == 0) {
    for (size_t i = 0; i < n; i++) check_span(text, size, entries[i].start, entries[i].length);
    ibid_free(entries);
  }

  size_t reference_size = size < 2048 ? size : 2048;
  while (!boundary(text, size, reference_size)) reference_size--;
  int failed = 0;
  ibid_reference_segment *segments = ibid_reference_segments(text, reference_size, &n, &failed);
  for (size_t i = 0; segments && i < n; i++)
    check_span(text, reference_size, segments[i].start, segments[i].length);
  ibid_free(segments);
  char *json = ibid_parse_reference_json(text, reference_size, &n);
  check_utf8(json, n);
  ibid_free(json);

  json = ibid_meta_json(text, size, &n);
  check_utf8(json, n);
  ibid_free(json);
}

static void convert(const char *bytes, size_t size) {
  ibid_document document;
  ibid_document_init(&document);
  if (ibid_convert_document(bytes, size, &document) == 0) fuzz_check_document(&document);
  ibid_document_free(&document);
}

/* text, XML-escaped (no C0 controls but white space, no U+FFFE/U+FFFF). */
static void append_escaped(ibid_buffer *out, const char *text, size_t size) {
  for (size_t at = 0; at < size;) {
    uint32_t c;
    size_t n = ibid_utf8_decode(text, size, at, &c);
    if (c == '<')
      ibid_buffer_append(out, "&lt;", 4);
    else if (c == '&')
      ibid_buffer_append(out, "&amp;", 5);
    else if ((c >= 0x20 || c == '\n' || c == '\t') && c != 0xFFFE && c != 0xFFFF)
      ibid_buffer_append(out, text + at, n);
    at += n;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ibid_buffer text;
  ibid_buffer_init(&text);
  size_t at = 0;
  while (at < size) {
    uint8_t choice = data[at++];
    if (choice < 0x60) {
      const char *fragment = fragments[choice % (sizeof fragments / sizeof *fragments)];
      ibid_buffer_append(&text, fragment, strlen(fragment));
    } else if (choice < 0x80) {
      ibid_buffer_append(&text, "Smith", 5);
      ibid_buffer_append_codepoint(&text, code_point(data, size, &at));
    } else {
      ibid_buffer_append_codepoint(&text, code_point(data, size, &at));
    }
  }
  if (text.failed) {
    ibid_buffer_free(&text);
    return 0;
  }
  const char *t = text.data ? text.data : "";
  check_utf8(t, text.length);
  extractors(t, text.length);
  convert(t, text.length);

  ibid_buffer xml;
  ibid_buffer_init(&xml);
  static const char jats_open[] =
      "<?xml version=\"1.0\"?><article><front><article-meta><title-group>"
      "<article-title>T</article-title></title-group><contrib-group><contrib>"
      "<name><surname>";
  ibid_buffer_append(&xml, jats_open, sizeof jats_open - 1);
  append_escaped(&xml, t, text.length < 64 ? text.length : 64);
  static const char jats_body[] =
      "</surname></name></contrib></contrib-group></article-meta></front>"
      "<body><p>";
  ibid_buffer_append(&xml, jats_body, sizeof jats_body - 1);
  append_escaped(&xml, t, text.length);
  static const char jats_close[] = "</p></body></article>";
  ibid_buffer_append(&xml, jats_close, sizeof jats_close - 1);
  if (!xml.failed) convert(xml.data, xml.length);
  ibid_buffer_free(&xml);

  ibid_buffer html;
  ibid_buffer_init(&html);
  static const char html_open[] =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title>"
      "</head><body><article><p>";
  ibid_buffer_append(&html, html_open, sizeof html_open - 1);
  append_escaped(&html, t, text.length);
  static const char html_close[] = "</p></article></body></html>";
  ibid_buffer_append(&html, html_close, sizeof html_close - 1);
  if (!html.failed) convert(html.data, html.length);
  ibid_buffer_free(&html);

  ibid_buffer_free(&text);
  return 0;
}
