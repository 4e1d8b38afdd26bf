/*
** convert.c -- format detection and the plain-text converter (see convert.h).
*/
#include "convert.h"

#include <stdint.h>
#include <string.h>

#include "memory.h"
#include "scan.h"
#include "text.h"
#include "utf8.h"

/* ----- format detection --------------------------------------------------- */

/* How far into the bytes detection looks: markers of every format sit at the
** top, after the prolog (XML declaration, comments, processing instructions
** and a DOCTYPE, whose internal subset of entity declarations can run long).
** The prolog is skipped up to DETECT_PROLOG_MAX bytes; the root element and
** the binary test look at DETECT_WINDOW bytes from there. A longer prolog is
** read as text, and the document's error says why (docs/formats.md). */
#define DETECT_WINDOW 4096
#define DETECT_PROLOG_MAX (1024 * 1024)

static int starts_with_caseless(const char *bytes, size_t length, size_t at, const char *word) {
  size_t n = strlen(word);
  if (at + n > length) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = bytes[at + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != word[i]) return 0;
  }
  return 1;
}

static int is_name_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

/* Skips blanks, a UTF-8 byte order mark, the XML declaration, processing
** instructions, comments and a doctype; returns the offset of the first tag
** or text, and sets *doctype to the offset of "<!DOCTYPE" when one was seen. */
static size_t skip_prolog(const char *bytes, size_t length, size_t *doctype) {
  size_t at = 0;
  *doctype = (size_t)-1;
  if (length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) at = 3;
  while (at < length) {
    char c = bytes[at];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      at++;
      continue;
    }
    const char *close = NULL;
    if (starts_with_caseless(bytes, length, at, "<?"))
      close = "?>";
    else if (starts_with_caseless(bytes, length, at, "<!--"))
      close = "-->";
    else if (starts_with_caseless(bytes, length, at, "<!doctype")) {
      *doctype = at;
      close = ">";
      /* An internal subset ("<!DOCTYPE article [ <!ENTITY ...> ]>") holds '>'
      ** characters of its own: the doctype ends at the first '>' after ']'. */
      for (size_t i = at; i < length && bytes[i] != '>'; i++) {
        if (bytes[i] != '[') continue;
        const char *bracket = memchr(bytes + i, ']', length - i);
        if (!bracket) return length;
        at = (size_t)(bracket - bytes);
        break;
      }
    }
    if (!close) break;
    const char *end = NULL;
    size_t limit = length - at;
    for (size_t i = 0; i + strlen(close) <= limit; i++) {
      if (memcmp(bytes + at + i, close, strlen(close)) == 0) {
        end = bytes + at + i;
        break;
      }
    }
    if (!end) return length;
    at = (size_t)(end - bytes) + strlen(close);
  }
  return at;
}

/* Bytes that plain text does not hold: NULs, or many C0 controls. */
static int looks_binary(const char *bytes, size_t length) {
  size_t controls = 0, i = 0;
#ifdef __SSE2__
  /* sixteen bytes at a time (scan.h): a zero anywhere, or the count */
  for (; i + 16 <= length; i += 16) {
    __m128i v = ibid_scan16_load(bytes + i);
    if (ibid_scan16_eq(v, 0)) return 1;
    unsigned below =
        (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v));
    unsigned allowed = ibid_scan16_eq(v, '\t') | ibid_scan16_eq(v, '\n') | ibid_scan16_eq(v, '\r') |
                       ibid_scan16_eq(v, '\f');
    controls += (size_t)ibid_scan_count16(below & ~allowed);
  }
#endif
  for (; i < length; i++) {
    unsigned char c = (unsigned char)bytes[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') controls++;
  }
  return controls * 20 > length; /* more than 5% */
}

/* 1 when the bytes open a prolog that does not end within DETECT_PROLOG_MAX. */
static int prolog_too_long(const char *bytes, size_t length) {
  if (length <= DETECT_PROLOG_MAX) return 0;
  size_t doctype;
  return skip_prolog(bytes, DETECT_PROLOG_MAX, &doctype) >= DETECT_PROLOG_MAX;
}

/* Occurrences of `word` in bytes[0..length), counted up to `enough`. */
static size_t count_word(const char *bytes, size_t length, const char *word, size_t enough) {
  size_t n = strlen(word), found = 0, start = 0;
#ifdef __SSE2__
  /* the places of the word's first two bytes, sixteen at a time (scan.h) */
  for (; start + 17 <= length && found < enough; start += 16) {
    unsigned places = ibid_scan16_eq(ibid_scan16_load(bytes + start), (unsigned char)word[0]) &
                      ibid_scan16_eq(ibid_scan16_load(bytes + start + 1), (unsigned char)word[1]);
    for (; places && found < enough; places &= places - 1) {
      size_t at = start + (size_t)__builtin_ctz(places);
      if (at + n <= length && memcmp(bytes + at, word, n) == 0) found++;
    }
  }
#endif
  for (size_t i = start; i + n <= length && found < enough; i++) {
    /* memchr finds the next first letter (the window is read for every text) */
    const char *hit = memchr(bytes + i, word[0], length - n + 1 - i);
    if (!hit) break;
    i = (size_t)(hit - bytes);
    if (memcmp(bytes + i, word, n) == 0) found++;
  }
  return found;
}

/* "N G obj" at bytes[at] (the header of an indirect object); its end, else 0. */
static size_t object_header(const char *bytes, size_t length, size_t at) {
  size_t digits = 0;
  while (at < length && bytes[at] >= '0' && bytes[at] <= '9' && digits < 11) at++, digits++;
  if (!digits || at >= length || (bytes[at] != ' ' && bytes[at] != '\r' && bytes[at] != '\n'))
    return 0;
  while (at < length && (bytes[at] == ' ' || bytes[at] == '\r' || bytes[at] == '\n')) at++;
  digits = 0;
  while (at < length && bytes[at] >= '0' && bytes[at] <= '9' && digits < 6) at++, digits++;
  if (!digits || at >= length || bytes[at] != ' ') return 0;
  while (at < length && bytes[at] == ' ') at++;
  if (at + 3 > length || memcmp(bytes + at, "obj", 3) != 0) return 0;
  at += 3;
  if (at < length && bytes[at] != ' ' && bytes[at] != '\r' && bytes[at] != '\n' &&
      bytes[at] != '<' && bytes[at] != '[')
    return 0;
  return at;
}

/*
** PDF syntax without its "%PDF-" header (cut off, or never written): the
** bytes open (after blanks and "%" comment lines) with an object header
** "N G obj" and hold its "endobj", or hold two object headers and two
** "endobj" near the top, and the cross-reference keywords ("xref",
** "trailer", "startxref") or a "stream" somewhere in the window or the last
** kilobyte. poppler reads such a file by rebuilding its cross-reference table.
** `window` bytes are searched: the detection window, or, for binary data, all.
*/
static int looks_like_headerless_pdf(const char *bytes, size_t length, size_t window) {
  size_t at = 0;
  while (at < window) {
    if (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n') {
      at++;
    } else if (bytes[at] == '%') {
      while (at < window && bytes[at] != '\n' && bytes[at] != '\r') at++;
    } else {
      break;
    }
  }
  size_t tail = length > 1024 ? length - 1024 : 0;
  int structure = count_word(bytes, window, "stream", 1) || count_word(bytes, window, "xref", 1) ||
                  count_word(bytes + tail, length - tail, "startxref", 1) ||
                  count_word(bytes + tail, length - tail, "trailer", 1);
  size_t header = object_header(bytes, window, at);
  if (header && count_word(bytes + header, window - header, "endobj", 1)) return 1;
  if (!structure || count_word(bytes, window, "endobj", 2) < 2) return 0;
  size_t headers = 0;
  for (size_t i = 0; i < window && headers < 2; i++)
    if ((i == 0 || bytes[i - 1] == '\n' || bytes[i - 1] == '\r') && object_header(bytes, window, i))
      headers++;
  return headers >= 2;
}

static ibid_format detect_format(const char *bytes, size_t length) {
  size_t head = length < DETECT_WINDOW ? length : DETECT_WINDOW;
  /* PDF readers accept the header anywhere in the first kilobyte. */
  size_t starts = head < 5 ? 0 : head - 4 < 1024 ? head - 4 : 1024; /* where it may start */
  for (const char *at = bytes; (at = memchr(at, '%', starts - (size_t)(at - bytes))) != NULL; at++)
    if (memcmp(at, "%PDF-", 5) == 0) return IBID_FORMAT_PDF;
  if (looks_like_headerless_pdf(bytes, length, head)) return IBID_FORMAT_PDF;
  /* cut inside a content stream: its operators at the top, the objects further on */
  if ((count_word(bytes, head, "endstream", 1) || count_word(bytes, head, ") Tj", 2) == 2) &&
      looks_like_headerless_pdf(bytes, length, length))
    return IBID_FORMAT_PDF;
  size_t doctype;
  size_t at = skip_prolog(bytes, length < DETECT_PROLOG_MAX ? length : DETECT_PROLOG_MAX, &doctype);
  size_t window = length - at < DETECT_WINDOW ? length : at + DETECT_WINDOW;
  if (doctype != (size_t)-1 && starts_with_caseless(bytes, window, doctype, "<!doctype html"))
    return IBID_FORMAT_HTML;
  if (at < window && bytes[at] == '<') {
    size_t name = at + 1;
    size_t end = name;
    while (end < window && is_name_character(bytes[end])) end++;
    /* A namespace prefix ("tei:TEI", "jats:article") does not change the root. */
    size_t local = name;
    for (size_t i = name; i < end; i++)
      if (bytes[i] == ':') local = i + 1;
    size_t n = end - local;
    if (n == 7 && memcmp(bytes + local, "article", 7) == 0) return IBID_FORMAT_JATS;
    if ((n == 3 && memcmp(bytes + local, "TEI", 3) == 0) ||
        (n == 9 && memcmp(bytes + local, "teiCorpus", 9) == 0))
      return IBID_FORMAT_TEI;
    static const char *const html_roots[] = {"html", "head", "body",    "meta",    "title",
                                             "div",  "p",    "article", "section", "main"};
    for (size_t i = 0; i < sizeof(html_roots) / sizeof(html_roots[0]); i++) {
      size_t k = strlen(html_roots[i]);
      if (end - name == k && starts_with_caseless(bytes, window, name, html_roots[i]))
        return IBID_FORMAT_HTML;
    }
  }
  if (looks_binary(bytes, head))
    /* a PDF cut inside a compressed stream: its structure further on */
    return looks_like_headerless_pdf(bytes, length, length) ? IBID_FORMAT_PDF : IBID_FORMAT_UNKNOWN;
  return IBID_FORMAT_TEXT;
}

/* ----- plain text ----------------------------------------------------------- */

/* Windows-1252 bytes 0x80-0x9F; the rest of the range is Latin-1. */
static const unsigned short windows_1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Text that is not UTF-8 is, in practice, Windows-1252 (or Latin-1, its subset). */
static char *recode_windows_1252(const char *bytes, size_t length, size_t *out_length) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_reserve(&out, length + length / 4);
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)bytes[i];
    if (c < 0x80)
      ibid_buffer_append_char(&out, (char)c);
    else if (c < 0xA0)
      ibid_buffer_append_codepoint(&out, windows_1252_high[c - 0x80]);
    else
      ibid_buffer_append_codepoint(&out, c);
  }
  return ibid_buffer_take(&out, out_length);
}

int ibid_text_convert(const char *bytes, size_t length, ibid_document *document) {
  document->format = IBID_FORMAT_TEXT;
  char *recoded = NULL;
  size_t bad;
  if (!ibid_utf8_valid(bytes, length, &bad)) {
    size_t recoded_length;
    recoded = recode_windows_1252(bytes, length, &recoded_length);
    if (!recoded) return -1;
    bytes = recoded;
    length = recoded_length;
    document->recoded = 1;
  }
  size_t clean_length;
  char *clean = ibid_clean_text_progress(bytes, length, document->progress, &clean_length);
  ibid_free(recoded);
  if (!clean) return -1;
  document->body_characters = ibid_utf8_count(clean, clean_length);
  ibid_buffer *body = &document->body;
  if (!body->data && !body->failed) { /* an empty body takes the clean text: no copy */
    ibid_buffer_adopt(body, clean, clean_length);
  } else {
    ibid_buffer_append(body, clean, clean_length);
    ibid_free(clean);
  }
  return ibid_document_failed(document) ? -1 : 0;
}

/* ----- UTF-16 ---------------------------------------------------------------- */

/* 1 for little-endian, 2 for big-endian when the bytes open with a UTF-16
** byte order mark (Windows "Unicode" text and saved pages), else 0. */
static int utf16_order(const char *bytes, size_t length) {
  if (length < 2) return 0;
  unsigned char first = (unsigned char)bytes[0], second = (unsigned char)bytes[1];
  if (first == 0xFF && second == 0xFE) return 1;
  if (first == 0xFE && second == 0xFF) return 2;
  return 0;
}

static unsigned utf16_unit(const char *bytes, size_t at, int order) {
  unsigned char a = (unsigned char)bytes[at], b = (unsigned char)bytes[at + 1];
  return order == 1 ? (unsigned)a | (unsigned)b << 8 : (unsigned)a << 8 | (unsigned)b;
}

/* UTF-16 (after its byte order mark) as UTF-8; unpaired surrogates and an odd
** last byte become U+FFFD, so nothing is silently dropped. */
static char *utf16_to_utf8(const char *bytes, size_t length, int order, size_t *out_length) {
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_reserve(&out, length + length / 2);
  size_t at = 2;
  while (at + 1 < length) {
    unsigned unit = utf16_unit(bytes, at, order);
    at += 2;
    uint32_t codepoint = unit;
    if (unit >= 0xD800 && unit < 0xDC00 && at + 1 < length) {
      unsigned low = utf16_unit(bytes, at, order);
      if (low >= 0xDC00 && low < 0xE000) {
        codepoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        at += 2;
      }
    }
    if (codepoint >= 0xD800 && codepoint < 0xE000) codepoint = 0xFFFD;
    ibid_buffer_append_codepoint(&out, codepoint);
  }
  if (at < length) ibid_buffer_append_codepoint(&out, 0xFFFD);
  return ibid_buffer_take(&out, out_length);
}

ibid_format ibid_format_detect(const char *bytes, size_t length) {
  int order = utf16_order(bytes, length);
  if (!order) return detect_format(bytes, length);
  size_t most = 2 * (DETECT_PROLOG_MAX + DETECT_WINDOW) + 2;
  size_t window = length < most ? length : most;
  size_t utf8_length;
  char *utf8 = utf16_to_utf8(bytes, window, order, &utf8_length);
  if (!utf8) return IBID_FORMAT_UNKNOWN;
  ibid_format format = detect_format(utf8, utf8_length);
  ibid_free(utf8);
  return format;
}

/* ----- dispatch --------------------------------------------------------------- */

static int convert_utf8(const char *bytes, size_t length, ibid_format format,
                        const ibid_pdf_limits *limits, ibid_document *document) {
  switch (format) {
    case IBID_FORMAT_TEXT:
      return ibid_text_convert(bytes, length, document);
    case IBID_FORMAT_HTML:
      return ibid_html_convert(bytes, length, document);
    case IBID_FORMAT_JATS:
      return ibid_jats_convert(bytes, length, document);
    case IBID_FORMAT_TEI:
      return ibid_tei_convert(bytes, length, document);
    case IBID_FORMAT_PDF:
      return ibid_pdf_convert_limited(bytes, length, limits, document);
    default:
      ibid_document_fail(document,
                         "unrecognized format: binary data that is not PDF, HTML, XML "
                         "or text");
      return 0;
  }
}

int ibid_convert_document(const char *bytes, size_t length, ibid_document *document) {
  return ibid_convert_document_limited(bytes, length, NULL, document);
}

int ibid_convert_document_limited(const char *bytes, size_t length, const ibid_pdf_limits *limits,
                                  ibid_document *document) {
  int order = utf16_order(bytes, length);
  if (!order) {
    ibid_format format = ibid_format_detect(bytes, length);
    document->format = format;
    int rc = convert_utf8(bytes, length, format, limits, document);
    if (rc == 0 && format == IBID_FORMAT_TEXT && !document->error && prolog_too_long(bytes, length))
      document->error =
          "XML prolog (declaration, comments, DOCTYPE) longer than 1 MB: read as text";
    if (rc == 0) ibid_document_check_note_limit(document);
    return rc;
  }
  size_t utf8_length;
  char *utf8 = utf16_to_utf8(bytes, length, order, &utf8_length);
  if (!utf8) return -1;
  ibid_format format = detect_format(utf8, utf8_length);
  document->format = format;
  /* libxml2's XML reader decodes UTF-16 itself and would misread UTF-8
  ** under an encoding="UTF-16" declaration: give it the original bytes. */
  int rc = (format == IBID_FORMAT_JATS || format == IBID_FORMAT_TEI)
               ? convert_utf8(bytes, length, format, limits, document)
               : convert_utf8(utf8, utf8_length, format, limits, document);
  ibid_free(utf8);
  if (rc == 0) ibid_document_check_note_limit(document);
  return rc;
}
