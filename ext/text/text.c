/*
** text.c -- ibid_clean_text: from copied or PDF-extracted text to clean
** paragraphs (see text.h).
**
** HOW IT WORKS
**   1. Characters: CR/CRLF, form feeds and Unicode line separators become
**      "\n"; odd spaces become " "; soft hyphens, zero-width and bidi marks
**      and control characters are removed (a soft hyphen before a line break
**      joins the two halves of the word). Then Unicode NFC, with ICU only on
**      chunks that hold a character at or above U+0300.
**   2. Lines: each line is trimmed; lines that are site chrome, page numbers
**      or repeated furniture are dropped (ibid_text_mark_dropped).
**   3. Paragraphs: when the text is hard-wrapped (most line lengths cluster
**      just under a common width W), consecutive lines are joined unless a
**      rule says the line ended a block: it ends a sentence and the next word
**      would have fit on it, it is short, or the next line starts a list item,
**      caption, note or labelled question. In double-spaced PDF text a single
**      blank line between wrapped lines is not a paragraph break. Hanging
**      indents (first line at indent x, the others one indent deeper): a
**      line back at x starts a new paragraph (hanging_decision).
**   4. Words split by a hyphen at a line end are rejoined when the joined
**      word occurs elsewhere in the text, or when neither part is a known
**      prefix, a number word, capitalized, or a word of its own there.
**   5. Output: one paragraph per line, blocks separated by one blank line;
**      chrome blocks and later copies of repeated short blocks are dropped
**      again at block level, which makes the function idempotent (clean text
**      has no two adjacent lines, so no rule joins anything a second time).
*/
#include "text.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "buffer.h"
#include "memory.h"
#include "pdf_layout.h"
#include "scan.h"
#include "progress.h"
#include "utf8.h"

/* ----- small character helpers ------------------------------------------ */

static int is_blank_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}
static int is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
static int is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_ascii_letter(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c);
}
static char ascii_lower(char c) {
  return is_ascii_upper(c) ? (char)(c + 32) : c;
}

static size_t character_count(const char *text, size_t start, size_t end) {
  return end > start ? ibid_utf8_count(text + start, end - start) : 0;
}

/* Code point at text[offset] of a valid UTF-8 span ending at end. */
static uint32_t codepoint_at(const char *text, size_t offset, size_t end) {
  uint32_t codepoint;
  ibid_utf8_decode(text, end, offset, &codepoint);
  return codepoint;
}

static int starts_lowercase(const char *text, size_t start, size_t end) {
  if (start >= end) return 0;
  if ((unsigned char)text[start] < 0x80) return is_ascii_lower(text[start]);
  return u_islower((UChar32)codepoint_at(text, start, end));
}

/* ----- step 1: characters -------------------------------------------------- */

/* What to do with one code point: keep, drop, or replace with ' ' / '\n'. */
enum { KEEP, DROP, SPACE, NEWLINE, BULLET };

static int character_action(uint32_t c) {
  if (c < 0x20) {
    if (c == '\n' || c == '\f' || c == '\v' || c == '\r') return NEWLINE;
    if (c == '\t') return KEEP;
    return DROP;
  }
  if (c < 0x7F) return KEEP;
  if (c <= 0x9F) return c == 0x85 ? NEWLINE : DROP; /* DEL and C1 controls; NEL */
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
      c == 0x3000)
    return SPACE;
  if (c == 0x2028 || c == 0x2029) return NEWLINE;
  /* zero-width space, bidi marks and embeddings, word joiner, BOM, object
     replacement: invisible in the source, noise for every parser */
  if (c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x180E ||
      c == 0xFFFC)
    return DROP;
  /* Symbol-font bullets that PDF extraction leaves in the private use area */
  if (c == 0xF0B7 || c == 0xF0A7 || c == 0xF0D8 || c == 0xF076 || c == 0xF06E || c == 0xF0FC)
    return BULLET;
  return KEEP;
}

/* After a soft hyphen: if only blanks remain before a line break, returns
** the offset after the break and the next line's indentation (the two word
** halves are joined); otherwise returns offset unchanged. */
static size_t skip_soft_line_break(const char *text, size_t length, size_t offset) {
  size_t i = offset;
  while (i < length && (text[i] == ' ' || text[i] == '\t')) i++;
  if (i < length && text[i] == '\r') i++;
  if (i >= length || text[i] != '\n') return offset;
  i++;
  while (i < length && (text[i] == ' ' || text[i] == '\t')) i++;
  return i;
}

static void map_characters(const char *text, size_t length, ibid_progress *progress,
                           ibid_buffer *out) {
  ibid_buffer_reserve(out, length);
  size_t i = 0;
  while (i < length) {
    size_t run = i; /* copy plain ASCII runs at once */
#ifdef __SSE2__
    for (; run + 16 <= length; run += 16) { /* sixteen bytes at a time (scan.h) */
      unsigned stop = ibid_scan16_not_printable(ibid_scan16_load(text + run));
      if (stop) {
        run += (size_t)__builtin_ctz(stop);
        break;
      }
    }
#endif
    for (; run + 8 <= length; run += 8) { /* eight bytes at a time (scan.h) */
      uint64_t word = ibid_scan_load(text + run);
      uint64_t stop =
          ibid_scan_below(word, 0x20) | ibid_scan_eq(word, 0x7F) | (word & IBID_SCAN_HIGH);
      if (stop) {
        run += ibid_scan_first(stop);
        break;
      }
    }
    while (run < length && (unsigned char)text[run] >= 0x20 && (unsigned char)text[run] < 0x7F)
      run++;
    /* the run and the character after it */
    if (ibid_progress_step(progress, run - i + 1)) return;
    if (run > i) {
      ibid_buffer_append(out, text + i, run - i);
      i = run;
      if (i >= length) break;
    }
    uint32_t c;
    size_t size = ibid_utf8_decode(text, length, i, &c);
    if (c == '\r' && i + 1 < length && text[i + 1] == '\n') size = 2;
    if (c == 0xAD) { /* soft hyphen */
      i = skip_soft_line_break(text, length, i + size);
      continue;
    }
    switch (character_action(c)) {
      case KEEP:
        ibid_buffer_append(out, text + i, size);
        break;
      case SPACE:
        ibid_buffer_append_char(out, ' ');
        break;
      case NEWLINE:
        ibid_buffer_append_char(out, '\n');
        break;
      case BULLET:
        ibid_buffer_append(out, "\xE2\x80\xA2", 3);
        break;
      default:
        break;
    }
    i += size;
  }
}

/* NFC of one chunk that may need it; appends the result to out. */
static void normalize_chunk(const UNormalizer2 *nfc, const char *text, size_t length,
                            ibid_buffer *out, UChar **scratch, size_t *scratch_capacity) {
  size_t need = 2 * length + 16; /* source and destination UTF-16, NFC grows at most 3x */
  if (*scratch_capacity < 4 * need) {
    UChar *grown = ibid_realloc(*scratch, 4 * need * sizeof(UChar));
    if (!grown) {
      out->failed = 1;
      return;
    }
    *scratch = grown;
    *scratch_capacity = 4 * need;
  }
  UChar *source = *scratch, *target = *scratch + need;
  UErrorCode status = U_ZERO_ERROR;
  int32_t source_length = 0;
  u_strFromUTF8(source, (int32_t)need, &source_length, text, (int32_t)length, &status);
  if (U_SUCCESS(status) &&
      unorm2_spanQuickCheckYes(nfc, source, source_length, &status) == source_length &&
      U_SUCCESS(status)) {
    ibid_buffer_append(out, text, length);
    return;
  }
  status = U_ZERO_ERROR;
  int32_t target_length =
      unorm2_normalize(nfc, source, source_length, target, (int32_t)(3 * need), &status);
  if (U_FAILURE(status)) { /* cannot happen for valid input; keep the text as it is */
    ibid_buffer_append(out, text, length);
    return;
  }
  int32_t bytes = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(NULL, 0, &bytes, target, target_length, &status);
  if (!ibid_buffer_reserve(out, (size_t)bytes)) return;
  status = U_ZERO_ERROR;
  u_strToUTF8(out->data + out->length, bytes + 1, &bytes, target, target_length, &status);
  if (U_FAILURE(status)) {
    ibid_buffer_append(out, text, length);
    return;
  }
  out->length += (size_t)bytes;
  out->data[out->length] = 0;
}

/* Is the chunk NFC already? (ICU's quick check, on UTF-16.) */
static int chunk_is_normalized(const UNormalizer2 *nfc, const char *text, size_t length,
                               UChar **scratch, size_t *scratch_capacity) {
  size_t need = length + 16;
  if (*scratch_capacity < need) {
    UChar *grown = ibid_realloc(*scratch, need * sizeof(UChar));
    if (!grown) return 0;
    *scratch = grown;
    *scratch_capacity = need;
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t source_length = 0;
  u_strFromUTF8(*scratch, (int32_t)need, &source_length, text, (int32_t)length, &status);
  if (U_FAILURE(status)) return 0;
  int32_t span = unorm2_spanQuickCheckYes(nfc, *scratch, source_length, &status);
  return U_SUCCESS(status) && span == source_length;
}

/* Could NFC change text[start..end)? Not if every code point is below
** U+0300 (all NFC_QC=Yes and none combine with what precedes), or is
** general punctuation (quotes, dashes, bullets; U+2000 and U+2001, the two
** that decompose, were mapped to spaces), a currency sign or a geometric
** shape, none of which decompose or compose. */
static int needs_normalizer(const char *text, size_t start, size_t end) {
  for (size_t i = start; i < end; i++) {
#ifdef __SSE2__
    for (; i + 16 <= end; i += 16) { /* sixteen bytes at a time (scan.h) */
      unsigned stop = ibid_scan16_at_least(ibid_scan16_load(text + i), 0xCC);
      if (stop) {
        i += (size_t)__builtin_ctz(stop);
        break;
      }
    }
#endif
    for (; i + 8 <= end; i += 8) { /* to the next byte 0xCC or above (scan.h) */
      uint64_t eight = ibid_scan_load(text + i);
      uint64_t stop =
          eight & ~ibid_scan_below(eight & IBID_SCAN_LOW7, 0xCC - 0x80) & IBID_SCAN_HIGH;
      if (stop) {
        i += ibid_scan_first(stop);
        break;
      }
    }
    if (i >= end) break;
    if ((unsigned char)text[i] < 0xCC) continue;
    uint32_t c = codepoint_at(text, i, end);
    if ((c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20BF) ||
        (c >= 0x25A0 && c <= 0x25FF))
      continue;
    return 1;
  }
  return 0;
}

/* Returns 1 and leaves out untouched when text is already NFC (the usual
** case), else 0 with the normalized text in out. Works in chunks of about
** 32 KB cut at normalization boundaries; only chunks holding a character
** that NFC could change (needs_normalizer) go through ICU. */
static int normalize_nfc(const char *text, size_t length, ibid_progress *progress,
                         ibid_buffer *out) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return 1;
  UChar *scratch = NULL;
  size_t scratch_capacity = 0, copied = 0; /* text[0..copied) is in out */
  int unchanged = 1;
  size_t chunk = 0;
  while (chunk < length && !out->failed) {
    size_t end = chunk + 32768 < length ? chunk + 32768 : length;
    /* cut before a code point below U+0300 (a lead byte below 0xCC): one that
       never combines with what precedes; give up looking after 1 MB */
    size_t limit = end + (1u << 20) < length ? end + (1u << 20) : length;
    while (end < limit && (unsigned char)text[end] >= 0x80 &&
           ((unsigned char)text[end] < 0xC0 || (unsigned char)text[end] >= 0xCC))
      end++;
    while (end < length && ((unsigned char)text[end] & 0xC0) == 0x80) end++; /* whole characters */
    if (ibid_progress_step(progress, end - chunk)) break;
    if (needs_normalizer(text, chunk, end) && end - chunk < 0x10000000 &&
        !chunk_is_normalized(nfc, text + chunk, end - chunk, &scratch, &scratch_capacity)) {
      if (unchanged) ibid_buffer_reserve(out, length + length / 8);
      unchanged = 0;
      ibid_buffer_append(out, text + copied, chunk - copied);
      normalize_chunk(nfc, text + chunk, end - chunk, out, &scratch, &scratch_capacity);
      copied = end;
    }
    chunk = end;
  }
  if (!unchanged) ibid_buffer_append(out, text + copied, length - copied);
  ibid_free(scratch);
  return unchanged;
}

/* ----- step 2: lines ---------------------------------------------------- */

int ibid_text_split_lines(const char *text, size_t length, ibid_text_line **lines, size_t *count) {
  /* a line in 32 bytes or fewer for most texts (the list grows when there
     are more): the text is read once, not counted first. The first guess is
     capped at 65,536 lines (2 MB), so that a huge text of few lines does not
     take a list as large as itself before its first line is read. */
  size_t capacity = length / 32 + 16, used = 0;
  if (capacity > 65536) capacity = 65536;
  ibid_text_line *list = ibid_malloc(capacity * sizeof(*list));
  if (!list) return -1;
  size_t start = 0;
  while (start <= length) {
    const char *newline = memchr(text + start, '\n', length - start);
    size_t end = newline ? (size_t)(newline - text) : length;
    if (used == capacity) {
      capacity *= 2;
      ibid_text_line *grown = ibid_realloc(list, capacity * sizeof(*list));
      if (!grown) {
        ibid_free(list);
        return -1;
      }
      list = grown;
    }
    ibid_text_line *line = &list[used++];
    size_t first = start, indent = 0;
    while (first < end && is_blank_byte(text[first])) indent += text[first++] == '\t' ? 4 : 1;
    size_t last = end;
    while (last > first && is_blank_byte(text[last - 1])) last--;
    /* Two blank lines in a row mean the same as more (a break in every
       layout), so a third one is not stored: text of blank lines stays cheap. */
    if (first == last && used >= 3 && line[-1].start == line[-1].end &&
        line[-2].start == line[-2].end) {
      used--;
      if (!newline) break;
      start = end + 1;
      continue;
    }
    line->start = first;
    line->end = last;
    line->indent = indent;
    line->trailing = end - last;
    if (!newline) break;
    start = end + 1;
  }
  *lines = list;
  *count = used;
  return 0;
}

size_t ibid_text_bullet_length(const char *line, size_t length, int *level) {
  /* every bullet starts with one of these bytes: most lines leave here */
  unsigned char first = length ? (unsigned char)line[0] : 0;
  if (first != 0xE2 && first != 0xC2 && first != 0xC3 && first != '-' && first != '*' &&
      first != 'o')
    return 0;
  /* '-', '*' and 'o' are bullets of one byte, and no other bullet starts
     with them: one not followed by a blank is none (most such lines) */
  if (first < 0x80 && (length < 2 || (line[1] != ' ' && line[1] != '\t'))) return 0;
  static const struct {
    const char *bytes;
    int level;
  } bullets[] = {{"\xE2\x80\xA2", 1},
                 /* • */ {"\xE2\x97\x8F", 1},
                 /* ● */ {"\xE2\x96\xAA", 1}, /* ▪ */
                 {"\xE2\x96\xA0", 1},
                 /* ■ */ {"\xE2\x9E\xA2", 1},
                 /* ➢ */ {"\xE2\x9E\xA4", 1}, /* ➤ */
                 {"\xE2\x96\xBA", 1},
                 /* ► */ {"\xE2\x96\xB8", 1},
                 /* ▸ */ {"\xE2\x80\xA3", 1}, /* ‣ */
                 {"\xC2\xA7", 1},             /* § (Wingdings square, when not before a number) */
                 {"\xC2\xB7", 1},
                 /* · */ {"\xE2\x97\xA6", 2},
                 /* ◦ */ {"\xE2\x97\x8B", 2}, /* ○ */
                 {"\xE2\x96\xA1", 2},
                 /* □ */ {"\xE2\x96\xAB", 2},
                 /* ▫ */ {"\xE2\x81\x83", 2}, /* ⁃ */
                 {"\xE2\x9C\x93", 2},
                 /* ✓ */ {"\xE2\x9C\x94", 2}, /* ✔ */
                 {"\xC3\xBC", 2},             /* ü (Wingdings check mark) */
                 {"\xE2\x80\x93", 2},
                 /* – */ {"-", 2},
                 {"*", 1},
                 {"o", 2}};
  for (size_t b = 0; b < sizeof(bullets) / sizeof(bullets[0]); b++) {
    if (bullets[b].bytes[0] != line[0]) continue; /* the first byte tells most apart */
    size_t size = bullets[b].bytes[1] ? bullets[b].bytes[2] ? 3 : 2 : 1; /* 1 to 3 bytes */
    if (length <= size || memcmp(line, bullets[b].bytes, size) != 0) continue;
    size_t after = size;
    while (after < length && (line[after] == ' ' || line[after] == '\t')) after++;
    if (after == size || after >= length) return 0; /* a bullet is followed by a blank */
    /* "§ 12" is a section sign; "- 4 -" a page number; "o " only before a capital */
    if (!strcmp(bullets[b].bytes, "\xC2\xA7") && is_ascii_digit(line[after])) return 0;
    if (line[0] == '-' && is_ascii_digit(line[after])) return 0;
    if (line[0] == 'o' && !is_ascii_upper(line[after])) return 0;
    if (!strcmp(bullets[b].bytes, "\xC3\xBC") && !is_ascii_upper(line[after])) return 0;
    if (level) *level = bullets[b].level;
    return after;
  }
  return 0;
}

/* ibid_text_bullet_length, with its test of the first byte made here: most
** lines leave without a call. */
static inline size_t bullet_length(const char *line, size_t length, int *level) {
  unsigned char first = length ? (unsigned char)line[0] : 0;
  if (first != 0xE2 && first != 0xC2 && first != 0xC3 && first != '-' && first != '*' &&
      first != 'o')
    return 0;
  return ibid_text_bullet_length(line, length, level);
}

/* Case-insensitive ASCII prefix test. */
static int has_prefix(const char *text, size_t length, const char *prefix) {
  size_t i = 0;
  for (; prefix[i]; i++)
    if (i >= length || ascii_lower(text[i]) != prefix[i]) return 0;
  return 1;
}

int ibid_text_is_chrome(const char *line, size_t length) {
  /* Whole-line phrases of web pages and repository portals, grouped by their
  ** first letter (in their order within a group: the first that matches wins),
  ** and where each letter's group starts. */
  static const char *const phrases[] = {"accessibility help",
                                        "available formats",
                                        "altmetric attention score",
                                        "abstract views",
                                        "accept cookies",
                                        "article metrics",
                                        "access through your institution",
                                        "back to top",
                                        "cite this",
                                        "cite this article",
                                        "copy link",
                                        "click here",
                                        "cookie settings",
                                        "download pdf",
                                        "export citation",
                                        "full text views",
                                        "get access",
                                        "hide all",
                                        "loading metrics",
                                        "loading",
                                        "log in",
                                        "metrics",
                                        "next article",
                                        "open in new tab",
                                        "open in new window",
                                        "open access",
                                        "print this page",
                                        "previous article",
                                        "permissions",
                                        "return to top",
                                        "related content",
                                        "read more here",
                                        "rights & permissions",
                                        "skip to main content",
                                        "skip to content",
                                        "skip to navigation",
                                        "skip to search",
                                        "share",
                                        "share this",
                                        "share this article",
                                        "share on facebook",
                                        "share on twitter",
                                        "show all",
                                        "sign in",
                                        "toggle navigation",
                                        "usage data cannot currently be displayed",
                                        "view html",
                                        "view pdf"};
  static const unsigned char phrase_start[27] = {0,  7,  8,  13, 14, 15, 16, 17, 18,
                                                 18, 18, 18, 21, 22, 23, 26, 29, 29,
                                                 33, 44, 45, 46, 48, 48, 48, 48, 48};

  /* Line openings that are chrome on short lines. */
  static const char *const openings[] = {"send article to ",
                                         "send this article to ",
                                         "powered by ",
                                         "total number of html views",
                                         "total number of pdf views",
                                         "total abstract views",
                                         "views captured on ",
                                         "dive into the research topics of ",
                                         "this website uses cookies",
                                         "we use cookies",
                                         "to send this article to your ",
                                         "find out more about the kindle personal document"};
  while (length && (*line == '*' || *line == ' ')) line++, length--; /* "* Views captured" */
  int level;
  size_t bullet = bullet_length(line, length, &level);
  line += bullet, length -= bullet;
  size_t trimmed = length;
  while (trimmed && (line[trimmed - 1] == '.' || line[trimmed - 1] == ':' ||
                     line[trimmed - 1] == ' ' || line[trimmed - 1] == '*'))
    trimmed--;
  if (trimmed >= 3 && !memcmp(line + trimmed - 3, "\xE2\x80\xA6", 3)) trimmed -= 3; /* … */
  while (trimmed && line[trimmed - 1] == ' ') trimmed--;
  if (!trimmed || trimmed > 300 || !is_ascii_letter(line[0])) return 0;
  unsigned letter = (unsigned)(ascii_lower(line[0]) - 'a'); /* a letter (above) */
  if ((1u << ('s' - 'a') | 1u << ('p' - 'a') | 1u << ('t' - 'a') | 1u << ('v' - 'a') |
       1u << ('d' - 'a') | 1u << ('w' - 'a') | 1u << ('f' - 'a')) >>
          letter &
      1u) /* the openings' first letters */
    for (size_t p = 0; p < sizeof(openings) / sizeof(openings[0]); p++)
      if (openings[p][0] == ascii_lower(line[0]) && has_prefix(line, trimmed, openings[p]))
        return 1;
  /* one phrase or several in a row ("Skip to main content Accessibility help") */
  size_t at = 0;
  while (at < trimmed) {
    size_t matched = 0;
    char first = ascii_lower(line[at]);
    if (!is_ascii_lower(first)) return 0; /* every phrase starts with a letter */
    for (size_t p = phrase_start[first - 'a']; p < phrase_start[first - 'a' + 1] && !matched; p++) {
      size_t size = strlen(phrases[p]);
      if (has_prefix(line + at, trimmed - at, phrases[p]) &&
          (at + size == trimmed || line[at + size] == ' '))
        matched = size;
    }
    if (!matched) return 0;
    at += matched;
    while (at < trimmed && line[at] == ' ') at++;
  }
  return 1;
}

int ibid_text_is_page_number(const char *line, size_t length) {
  size_t i = 0;
  if (has_prefix(line, length, "page ")) i = 5;
  int dashed = 0;
  if (i < length && line[i] == '-') i++, dashed = 1;
  while (i < length && line[i] == ' ') i++;
  size_t digits = 0;
  while (i < length && is_ascii_digit(line[i])) i++, digits++;
  if (digits == 0 || digits > 3) return 0;
  while (i < length && line[i] == ' ') i++;
  if (dashed && i < length && line[i] == '-') i++;
  if (has_prefix(line + i, length - i, "of ")) { /* "Page 3 of 9" */
    i += 3;
    size_t more = 0;
    while (i < length && is_ascii_digit(line[i])) i++, more++;
    if (!more) return 0;
  }
  return i == length;
}

/* ----- repeated lines ------------------------------------------------------ */

/* Hash of the text with blank runs counted as one space. */
static uint64_t collapsed_hash(const char *text, size_t start, size_t end) {
  uint64_t hash = 1469598103934665603ULL;
  size_t i = start;
  while (i < end) {
    /* a run of other bytes, then a run of blanks: one space when more follows */
    for (; i < end && !is_blank_byte(text[i]); i++)
      hash = (hash ^ (unsigned char)text[i]) * 1099511628211ULL;
    if (i >= end) break;
    while (i < end && is_blank_byte(text[i])) i++;
    if (i < end) hash = (hash ^ ' ') * 1099511628211ULL;
  }
  return hash;
}

/* A summary of the text with blank runs counted as one space: how many
** bytes are not blank, and their sum (sixteen bytes at a time where SSE2
** is there). Texts that collapsed_equal finds equal have one shape. */
static uint64_t collapsed_shape(const char *text, size_t start, size_t end) {
  uint64_t bytes = 0, sum = 0;
  size_t i = start;
#ifdef __SSE2__
  for (; i + 16 <= end; i += 16) {
    __m128i v = ibid_scan16_load(text + i);
    __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    __m128i sums = _mm_sad_epu8(_mm_andnot_si128(blank, v), _mm_setzero_si128());
    bytes += 16 - (uint64_t)ibid_scan_count16((unsigned)_mm_movemask_epi8(blank));
    sum += (unsigned)_mm_cvtsi128_si32(sums) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
  }
#endif
  for (; i < end; i++)
    if (!is_blank_byte(text[i])) bytes++, sum += (unsigned char)text[i];
  return ((bytes << 32) ^ sum) * 0x9E3779B97F4A7C15ULL | 1;
}

static int collapsed_equal(const char *text, size_t a, size_t a_end, size_t b, size_t b_end) {
  while (a < a_end && b < b_end) {
    int a_blank = is_blank_byte(text[a]), b_blank = is_blank_byte(text[b]);
    if (a_blank != b_blank) return 0;
    if (a_blank) {
      while (a < a_end && is_blank_byte(text[a])) a++;
      while (b < b_end && is_blank_byte(text[b])) b++;
      continue;
    }
    if (text[a++] != text[b++]) return 0;
  }
  return a == a_end && b == b_end;
}

/* Furniture candidates: short, at least two words, not a list item, not
** starting in lower case (wrapped fragments of tables do), with a letter. */
static int repeat_candidate(const char *text, size_t start, size_t end) {
  if (end - start > 160 || end <= start) return 0;
  if (bullet_length(text + start, end - start, NULL)) return 0;
  if (starts_lowercase(text, start, end)) return 0;
  int words = 1, letters = 0;
  for (size_t i = start; i < end; i++) {
    if (text[i] == ' ' && i + 1 < end && text[i + 1] != ' ') words++;
    letters |= is_ascii_letter(text[i]) || (unsigned char)text[i] >= 0xC0;
    if (words >= 2 && letters) return 1; /* nothing later changes the answer */
  }
  return 0;
}

typedef struct span {
  size_t start, end;
} span;

/* Marks later copies of candidate spans seen three times or more. */
static int mark_repeats(const char *text, const span *spans, size_t count, unsigned char *dropped) {
  /* candidates only: the table stays small on prose */
  size_t *candidates = ibid_malloc((count ? count : 1) * sizeof(size_t));
  if (!candidates) return -1;
  size_t candidate_count = 0;
  for (size_t i = 0; i < count; i++)
    if (repeat_candidate(text, spans[i].start, spans[i].end)) candidates[candidate_count++] = i;
  size_t *candidate_lines = ibid_malloc((candidate_count ? candidate_count : 1) * sizeof(size_t));
  if (!candidate_lines) {
    ibid_free(candidates);
    return -1;
  }
  memcpy(candidate_lines, candidates, candidate_count * sizeof(size_t));
  size_t slots = 16;
  while (slots < 2 * candidate_count) slots *= 2;
  /* shapes first (collapsed_shape): only a candidate whose shape occurs
  ** three times can occur three times; the others stay out of the table */
  uint64_t *shapes = ibid_malloc(2 * slots * sizeof(uint64_t)); /* keys, then counts */
  if (!shapes) {
    ibid_free(candidates);
    ibid_free(candidate_lines);
    return -1;
  }
  memset(shapes, 0, 2 * slots * sizeof(uint64_t));
  for (size_t c = 0; c < candidate_count; c++) {
    const span *line = &spans[candidates[c]];
    uint64_t shape = collapsed_shape(text, line->start, line->end);
    size_t slot = (size_t)(shape >> 7) & (slots - 1);
    while (shapes[slot] && shapes[slot] != shape) slot = (slot + 1) & (slots - 1);
    shapes[slot] = shape;
    shapes[slots + slot]++;
    candidates[c] = slot; /* for now: the candidate's shape slot */
  }
  size_t kept = 0; /* the candidates of a shape seen three times, in order */
  for (size_t c = 0; c < candidate_count; c++) {
    if (shapes[slots + candidates[c]] < 3) continue;
    candidates[kept] = candidate_lines[c];
    candidate_lines[kept++] = candidate_lines[c];
  }
  candidate_count = kept;
  ibid_free(shapes);
  /* slot: the first span with that content and how often it occurs */
  typedef struct repeat_slot {
    size_t first_plus_one; /* 0 = empty */
    size_t occurrences;
  } repeat_slot;
  repeat_slot *table = ibid_malloc(slots * sizeof(repeat_slot));
  if (!table) {
    ibid_free(candidates);
    ibid_free(candidate_lines);
    return -1;
  }
  memset(table, 0, slots * sizeof(repeat_slot));
  for (size_t c = 0; c < candidate_count; c++) {
    /* lines already dropped still count: a title repeated in dialogs is one copy */
    const span *line = &spans[candidates[c]];
    size_t slot = (size_t)collapsed_hash(text, line->start, line->end) & (slots - 1);
    while (table[slot].first_plus_one) {
      const span *other = &spans[table[slot].first_plus_one - 1];
      if (collapsed_equal(text, line->start, line->end, other->start, other->end)) break;
      slot = (slot + 1) & (slots - 1);
    }
    if (!table[slot].first_plus_one) table[slot].first_plus_one = candidates[c] + 1;
    table[slot].occurrences++;
    candidates[c] = slot; /* from now on: the candidate's slot */
  }
  /* second pass in text order: every copy after the first goes */
  for (size_t c = 0; c < candidate_count; c++) {
    size_t i = candidate_lines[c];
    const repeat_slot *entry = &table[candidates[c]];
    if (entry->occurrences >= 3 && entry->first_plus_one != i + 1) dropped[i] = 1;
  }
  ibid_free(table);
  ibid_free(candidates);
  ibid_free(candidate_lines);
  return 0;
}

int ibid_text_mark_dropped(const char *text, const ibid_text_line *lines, size_t count,
                           unsigned char *dropped) {
  size_t dialog_indent = 0;
  int in_dialog = 0;
  for (size_t i = 0; i < count; i++) {
    const ibid_text_line *line = &lines[i];
    dropped[i] = 0;
    if (line->start == line->end) continue;
    const char *content = text + line->start;
    size_t size = line->end - line->start;
    if (ibid_text_is_chrome(content, size)) {
      dropped[i] = 1;
      /* the dialog under a chrome line is indented deeper than the line */
      if (!in_dialog || line->indent < dialog_indent) dialog_indent = line->indent;
      in_dialog = 1;
    } else if (in_dialog && line->indent > dialog_indent) {
      dropped[i] = 1;
    } else {
      in_dialog = 0;
      dropped[i] = (unsigned char)ibid_text_is_page_number(content, size);
    }
  }
  span *spans = ibid_malloc((count ? count : 1) * sizeof(span));
  if (!spans) return -1;
  for (size_t i = 0; i < count; i++) spans[i].start = lines[i].start, spans[i].end = lines[i].end;
  int rc = mark_repeats(text, spans, count, dropped);
  ibid_free(spans);
  return rc;
}

/* ----- step 3: paragraph joining --------------------------------------- */

enum {
  OPENS_NOTHING = IBID_OPENS_NOTHING,
  OPENS_BULLET = IBID_OPENS_BULLET,
  OPENS_CAPTION = IBID_OPENS_CAPTION,
  OPENS_LABEL = IBID_OPENS_LABEL,
  OPENS_NUMBERED = IBID_OPENS_NUMBERED,
  OPENS_TABLE = IBID_OPENS_TABLE
};

static size_t word_length(const char *text, size_t start, size_t end) {
  size_t i = start;
  while (i < end && text[i] != ' ' && text[i] != '\t') i++;
  return i - start;
}

/* "Figure 2.", "Fig. 3", "Table 1:", "Chart IV" */
static int is_caption(const char *text, size_t start, size_t end) {
  /* the labels' first letters, upper case: F, T, C, G, M, B, E, P, D */
  unsigned letter = (unsigned)(unsigned char)text[start] - 'A';
  if (letter >= 26 ||
      !((1u << ('F' - 'A') | 1u << ('T' - 'A') | 1u << ('C' - 'A') | 1u << ('G' - 'A') |
         1u << ('M' - 'A') | 1u << ('B' - 'A') | 1u << ('E' - 'A') | 1u << ('P' - 'A') |
         1u << ('D' - 'A')) >>
            letter &
        1u) ||
      end - start < 5)
    return 0;
  static const char *const labels[] = {"figure ",  "fig. ",  "fig ",    "table ",
                                       "chart ",   "graph ", "map ",    "box ",
                                       "exhibit ", "plate ", "diagram "};
  for (size_t l = 0; l < sizeof(labels) / sizeof(labels[0]); l++) {
    if (ascii_lower(text[start]) != labels[l][0] ||
        !has_prefix(text + start, end - start, labels[l]))
      continue;
    size_t i = start + strlen(labels[l]), digits = 0;
    while (i < end && (is_ascii_digit(text[i]) || text[i] == 'I' || text[i] == 'V' ||
                       text[i] == 'X' || text[i] == '.'))
      digits += is_ascii_digit(text[i]) || is_ascii_upper(text[i]), i++;
    if (!digits) continue;
    if (i < end && is_ascii_upper(text[i])) i++; /* "Figure 2A" */
    if (i == end) return 1;
    if (text[i - 1] == '.' || text[i] == ':' || text[i] == '.') return 1;
    if (text[i] == ' ' && i + 1 < end && (is_ascii_upper(text[i + 1]) || text[i + 1] == '\xE2'))
      return end - start < 160; /* "Table 1 Cases studied", not "Table 1 shows ..." */
  }
  return 0;
}

/* "Q1:", "RQ2.", "H3:" and "Case study 1:", "Question 2:", "Part II." */
static int is_label(const char *text, size_t start, size_t end) {
  static const char *const words[] = {"case study ", "case ",    "question ", "hypothesis ",
                                      "part ",       "chapter ", "section ",  "step ",
                                      "stage ",      "phase ",   "appendix ", "lesson "};
  size_t i = start;
  if (i < end && is_ascii_upper(text[i])) {
    size_t letters = 0;
    while (i < end && is_ascii_upper(text[i]) && letters < 3) i++, letters++;
    size_t digits = 0;
    while (i < end && is_ascii_digit(text[i])) i++, digits++;
    if (digits && digits <= 2 && i < end && (text[i] == ':' || text[i] == '.') && i + 1 < end &&
        text[i + 1] == ' ')
      return 1;
  }
  /* the words' first letters: a, c, h, l, p, q, s (most lines start with another) */
  unsigned letter = (unsigned)(unsigned char)ascii_lower(text[start]) - 'a';
  if (letter >= 26 ||
      !((1u << ('a' - 'a') | 1u << ('c' - 'a') | 1u << ('h' - 'a') | 1u << ('l' - 'a') |
         1u << ('p' - 'a') | 1u << ('q' - 'a') | 1u << ('s' - 'a')) >>
            letter &
        1u))
    return 0;
  for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
    if (ascii_lower(text[start]) != words[w][0] || !has_prefix(text + start, end - start, words[w]))
      continue;
    i = start + strlen(words[w]);
    size_t digits = 0;
    while (i < end &&
           (is_ascii_digit(text[i]) || text[i] == 'I' || text[i] == 'V' || text[i] == 'X' ||
            is_ascii_upper(text[i])) &&
           digits < 5)
      i++, digits++;
    if (digits && i < end && (text[i] == ':' || text[i] == '.')) return 1;
  }
  return 0;
}

/* Numbered notes and list items: "[12] ", "12. ", "12) ", "(a) ", "¹ ". */
static int is_numbered_start(const char *text, size_t start, size_t end) {
  size_t i = start;
  if (i < end && text[i] == '[') {
    i++;
    size_t digits = 0;
    while (i < end && is_ascii_digit(text[i])) i++, digits++;
    return digits && digits <= 4 && i + 1 < end && text[i] == ']';
  }
  if (i < end && text[i] == '(') {
    size_t inner = ++i;
    while (i < end && i - inner < 4 && (is_ascii_lower(text[i]) || is_ascii_digit(text[i]))) i++;
    return i > inner && i + 1 < end && text[i] == ')' && text[i + 1] == ' ';
  }
  size_t digits = 0;
  while (i < end && is_ascii_digit(text[i])) i++, digits++;
  if (digits && digits <= 3 && i + 1 < end) {
    if ((text[i] == '.' || text[i] == ')') && text[i + 1] == ' ') return 1;
    /* "12 Author, Title": a note number before a capital or a quote */
    if (text[i] == ' ' && (is_ascii_upper(text[i + 1]) || (unsigned char)text[i + 1] >= 0xC0))
      return 2;
  }
  /* superscript digits ¹²³ (C2 B9, C2 B2, C2 B3) and U+2070.. (E2 81 B0..) */
  if (end - start > 2 && (unsigned char)text[start] == 0xC2 &&
      ((unsigned char)text[start + 1] == 0xB9 || (unsigned char)text[start + 1] == 0xB2 ||
       (unsigned char)text[start + 1] == 0xB3))
    return 1;
  return 0;
}

/* The number of a line that opens like a note ("1234. ", "1234) ", "1234
** Author"), up to IBID_NOTE_LABEL_DIGITS digits; 0 when it does not. Such a
** line with a number of 4 digits is a note only in sequence, right after
** the note before it (see below): alone, "2000 People ..." is a sentence. */
#define IBID_NOTE_LABEL_DIGITS 4
static long note_label(const char *text, size_t start, size_t end) {
  size_t i = start;
  long value = 0;
  while (i < end && is_ascii_digit(text[i]) && i - start < IBID_NOTE_LABEL_DIGITS + 1)
    value = value * 10 + (text[i++] - '0');
  if (i == start || i - start > IBID_NOTE_LABEL_DIGITS || i + 1 >= end) return 0;
  if ((text[i] == '.' || text[i] == ')') && text[i + 1] == ' ') return value;
  if (text[i] == ' ' && (is_ascii_upper(text[i + 1]) || (unsigned char)text[i + 1] >= 0xC0))
    return value;
  return 0;
}

/* Whether two spaces stand side by side in s[0..n): eight bytes at a time,
** seven apart, so that every neighbouring pair lies inside one word. */
static int has_double_space(const char *s, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  for (; i + 16 <= n; i += 15) { /* sixteen bytes, fifteen apart (scan.h) */
    unsigned spaces = ibid_scan16_eq(ibid_scan16_load(s + i), ' ');
    if (spaces & (spaces >> 1)) return 1;
  }
#endif
  for (; i + 8 <= n; i += 7) {
    uint64_t spaces = ibid_scan_eq(ibid_scan_load(s + i), ' ');
    if (spaces & (spaces >> 8)) return 1;
  }
  for (; i + 1 < n; i++)
    if (s[i] == ' ' && s[i + 1] == ' ') return 1;
  return 0;
}

/* Column gaps: a tab, or three or more spaces, between two words. A tab
** counts twice: inside a line it only ever separates columns. */
static int column_gaps(const char *text, size_t start, size_t end) {
  /* most lines have neither a tab nor two spaces in a row; every pair of
     neighbours holds one byte of every second offset, so look at those only */
  if (!memchr(text + start, '\t', end - start) && !has_double_space(text + start, end - start))
    return 0;
  int gaps = 0;
  for (size_t i = start; i < end; i++) {
    /* fast path: a gap starts with a tab or two spaces */
    if (text[i] != '\t' && (text[i] != ' ' || i + 1 >= end || text[i + 1] != ' ')) continue;
    size_t run = i;
    int tab = 0;
    while (run < end && (text[run] == ' ' || text[run] == '\t')) tab |= text[run++] == '\t';
    if (tab || run - i >= 3) gaps += tab ? 2 : 1;
    i = run - 1;
  }
  return gaps;
}

/* A bullet at the start, or after a short row label ("Q2 § Very limited"). */
static int opens_bullet(const char *text, size_t start, size_t end) {
  if (bullet_length(text + start, end - start, NULL)) return 1;
  size_t label = 0; /* the first word's length, counted up to 4: more is no label */
  while (label < 4 && start + label < end && text[start + label] != ' ' &&
         text[start + label] != '\t')
    label++;
  if (label == 0 || label > 3 || start + label + 1 >= end) return 0;
  size_t after = start + label;
  while (after < end && (text[after] == ' ' || text[after] == '\t')) after++;
  return after < end && (unsigned char)text[after] >= 0x80 &&
         bullet_length(text + after, end - after, NULL) > 0;
}

static int line_opens(const char *text, size_t start, size_t end) {
  /* table first: clean keeps a table row's tabs, so it stays one next time */
  if (column_gaps(text, start, end) >= 2) return OPENS_TABLE;
  if (opens_bullet(text, start, end)) return OPENS_BULLET;
  if (is_caption(text, start, end)) return OPENS_CAPTION;
  if (is_label(text, start, end)) return OPENS_LABEL;
  if (is_numbered_start(text, start, end)) return OPENS_NUMBERED;
  return OPENS_NOTHING;
}

ibid_line_opening ibid_text_line_opens(const char *line, size_t length) {
  if (length == 0) return IBID_OPENS_NOTHING;
  return (ibid_line_opening)line_opens(line, 0, length);
}

/* Offset of the last character that is not a closing quote or bracket. */
static size_t last_significant(const char *text, size_t start, size_t end) {
  size_t i = end;
  while (i > start) {
    uint32_t c;
    size_t size = ibid_utf8_decode_before(text, i, &c);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
        c == '*')
      i -= size;
    else
      break;
  }
  return i;
}

static int ends_sentence(const char *text, size_t start, size_t end) {
  size_t i = last_significant(text, start, end);
  if (i == start) return 0;
  char c = text[i - 1];
  if (c == '.' || c == '?' || c == '!' || c == ':') return 1;
  return i - start >= 3 && !memcmp(text + i - 3, "\xE2\x80\xA6", 3); /* … */
}

#define SIZED(word) IBID_SIZED_WORD(word)

/* The line stops mid-sentence: a comma, an opening bracket, or a function word. */
static int ends_mid_sentence(const char *text, size_t start, size_t end) {
  /* abbreviations whose period does not end a sentence */
  static const ibid_sized_word abbreviations[] = {
      SIZED("i.e."), SIZED("e.g."),   SIZED("cf."), SIZED("viz."),  SIZED("vs."),   SIZED("v."),
      SIZED("pp."),  SIZED("p."),     SIZED("No."), SIZED("Art."),  SIZED("para."), SIZED("Dr."),
      SIZED("Mr."),  SIZED("Mrs."),   SIZED("Ms."), SIZED("Prof."), SIZED("Vol."),  SIZED("ed."),
      SIZED("eds."), SIZED("trans."), SIZED("al.")};
  /* each ends in a period: most lines are told by their last byte */
  for (size_t w = 0;
       end > start && text[end - 1] == '.' && w < sizeof(abbreviations) / sizeof(abbreviations[0]);
       w++) {
    size_t size = abbreviations[w].length;
    if (end - start >= size && !memcmp(text + end - size, abbreviations[w].bytes, size) &&
        (end - start == size || text[end - size - 1] == ' ' || text[end - size - 1] == '('))
      return 1;
  }
  static const ibid_sized_word function_words[] = {
      SIZED("a"),       SIZED("an"),    SIZED("the"),   SIZED("of"),     SIZED("and"),
      SIZED("or"),      SIZED("to"),    SIZED("in"),    SIZED("on"),     SIZED("for"),
      SIZED("with"),    SIZED("by"),    SIZED("from"),  SIZED("at"),     SIZED("as"),
      SIZED("that"),    SIZED("which"), SIZED("who"),   SIZED("is"),     SIZED("are"),
      SIZED("was"),     SIZED("were"),  SIZED("be"),    SIZED("its"),    SIZED("their"),
      SIZED("his"),     SIZED("her"),   SIZED("nor"),   SIZED("but"),    SIZED("into"),
      SIZED("than"),    SIZED("this"),  SIZED("these"), SIZED("not"),    SIZED("under"),
      SIZED("between"), SIZED("such"),  SIZED("whose"), SIZED("whether")};
  char last = text[end - 1];
  if (last == ',' || last == ';' || last == '(' || last == '&') return 1;
  /* the last word, when it is lower case and of 1 to 7 letters (as every
     function word): no need to walk further back */
  size_t word = end;
  while (word > start && end - word < 8 && is_ascii_lower(text[word - 1])) word--;
  if (word == end || end - word == 8) return 0;
  if (word > start && text[word - 1] != ' ') return 0;
  for (size_t w = 0; w < sizeof(function_words) / sizeof(function_words[0]); w++)
    if (function_words[w].length == end - word && function_words[w].bytes[0] == text[word] &&
        !memcmp(text + word, function_words[w].bytes, end - word))
      return 1;
  return 0;
}

typedef struct layout {
  const char *text;
  const ibid_text_line *lines;
  const unsigned char *dropped; /* per line: dropped lines are transparent */
  unsigned char *opens;         /* per kept line: what it opens (line_opens) */
  size_t *characters;           /* per line */
  int wrapped;                  /* lines are hard-wrapped at about `width` characters */
  int double_spaced;            /* a single blank line separates wrapped lines */
  size_t width;
  size_t usual_trailing;   /* blanks after most lines (PDF extraction leaves one) */
  ibid_progress *progress; /* counts the bytes of each line joined; may say stop */
} text_layout;

/* Blank lines between kept lines a < b (dropped lines do not count). */
static size_t blanks_between(const text_layout *layout, size_t a, size_t b) {
  size_t blanks = 0;
  for (size_t i = a + 1; i < b; i++)
    blanks += layout->lines[i].start == layout->lines[i].end && !layout->dropped[i];
  return blanks;
}

/* Decides the line width and spacing from the lengths of kept lines. */
static void measure_layout(text_layout *layout, const size_t *kept, size_t kept_count) {
  size_t histogram[402] = {0};
  for (size_t k = 0; k < kept_count; k++) {
    size_t n = layout->characters[kept[k]];
    histogram[n > 401 ? 401 : n]++;
  }
  size_t target = kept_count - kept_count / 20, seen = 0, width = 0; /* 95th percentile */
  for (width = 0; width < 401; width++)
    if ((seen += histogram[width]) >= target) break;
  layout->width = width;
  size_t trailing_counts[4] = {0};
  for (size_t k = 0; k < kept_count; k++) {
    size_t t = layout->lines[kept[k]].trailing;
    trailing_counts[t > 3 ? 3 : t]++;
  }
  layout->usual_trailing = 9; /* none: the signal is off */
  for (size_t t = 0; t < 3; t++)
    if (trailing_counts[t] * 2 > kept_count) layout->usual_trailing = t;
  if (width < 30 || width > 160 || kept_count < 5) return;
  size_t band = 0;
  for (size_t n = width * 3 / 4; n <= width + 5 && n < 402; n++) band += histogram[n];
  layout->wrapped = band * 10 >= kept_count * 4;
  if (!layout->wrapped) return;
  /* spacing: gaps between a full line and a lower-case continuation */
  size_t gap0 = 0, gap1 = 0;
  for (size_t k = 0; k + 1 < kept_count; k++) {
    size_t a = kept[k], b = kept[k + 1];
    if (layout->characters[a] < width * 3 / 4) continue;
    const ibid_text_line *next = &layout->lines[b];
    if (!starts_lowercase(layout->text, next->start, next->end)) continue;
    size_t blanks = blanks_between(layout, a, b);
    if (blanks == 0) gap0++;
    if (blanks == 1) gap1++;
  }
  /* Clean text has no adjacent lines, so it never counts as double spaced. */
  layout->double_spaced = gap0 >= 1 && gap1 >= 2 * gap0;
}

/* Should line b continue the block whose last line is a? `opened` is what
** the block's first line opened; `blanks` the blank lines between a and b. */
static int should_join(const text_layout *layout, size_t a, size_t b, int opened, size_t blanks) {
  const char *text = layout->text;
  const ibid_text_line *la = &layout->lines[a], *lb = &layout->lines[b];
  if (!layout->wrapped || blanks >= 2 || (blanks == 1 && !layout->double_spaced)) return 0;
  if (opened == OPENS_TABLE) return 0;
  int opens = layout->opens[b];
  if (opens == OPENS_BULLET || opens == OPENS_CAPTION || opens == OPENS_TABLE) return 0;
  size_t a_characters = layout->characters[a];
  if (a_characters > layout->width + 10) return 0; /* not a wrapped line */
  int strong = ends_mid_sentence(text, la->start, la->end) || text[la->end - 1] == '-' ||
               starts_lowercase(text, lb->start, lb->end) ||
               (text[la->end - 1] == ':' && is_ascii_digit(text[lb->start])); /* "2014:\n16)" */
  if (strong) return 1;
  if (opened == OPENS_BULLET) return 0; /* a list item continues only mid-sentence */
  if (opens != OPENS_NOTHING) return 0;
  size_t next_word =
      character_count(text, lb->start, lb->start + word_length(text, lb->start, lb->end));
  /* Would the next word have fitted on line a? Character counts only
     approximate proportional type, hence the margin of a tenth of the width. */
  int fits = (a_characters + 1 + next_word) * 10 <= layout->width * 9;
  if (ends_sentence(text, la->start, la->end)) {
    if (opened == OPENS_LABEL || opened == OPENS_CAPTION) return 0;
    /* extractors that end every line with a blank add more at paragraph ends */
    if (la->trailing > layout->usual_trailing) return 0;
    /* a short line without final punctuation after a sentence: a heading */
    size_t b_characters = layout->characters[b];
    if (b_characters * 2 < layout->width && !ends_sentence(text, lb->start, lb->end) &&
        !ends_mid_sentence(text, lb->start, lb->end) && text[lb->end - 1] != '-')
      return 0;
    return !fits;
  }
  if (a_characters * 10 < layout->width * 6) return 0; /* short: a heading */
  return 1;
}

/* ----- step 4: hyphenation -------------------------------------------------- */

/* A set of the words of the text (ASCII lower-cased), built when asked more
** than WORD_SET_SEARCHES questions: the first ones are answered by reading
** the text (word_set_search), which costs less than hashing every word. */
typedef struct word_entry {
  size_t start, end; /* start == end: an empty slot */
  uint64_t hash;     /* word_hash of the word, compared before its bytes */
} word_entry;
typedef struct word_set {
  const char *text;
  size_t length;
  word_entry *words; /* open addressing */
  size_t slots;
  int built, failed;
  int searches; /* questions answered by word_set_search */
} word_set;

static int is_word_byte(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || (unsigned char)c >= 0x80;
}

#define WORD_HASH_START 1469598103934665603ULL
#define WORD_HASH_STEP(hash, c) (((hash) ^ (unsigned char)ascii_lower(c)) * 1099511628211ULL)

static uint64_t word_hash(const char *text, size_t start, size_t end) {
  uint64_t hash = WORD_HASH_START;
  for (size_t i = start; i < end; i++) hash = WORD_HASH_STEP(hash, text[i]);
  return hash;
}

static int word_equal(const char *a, size_t a_length, const char *b, size_t b_length) {
  if (a_length != b_length) return 0;
  for (size_t i = 0; i < a_length; i++)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return 0;
  return 1;
}

/* Slot of a word whose word_hash is `hash` (the empty slot where it would
** go when absent). */
static size_t word_slot(const word_set *set, const char *word, size_t length, uint64_t hash) {
  size_t slot = (size_t)hash & (set->slots - 1);
  while (set->words[slot].end > set->words[slot].start &&
         (set->words[slot].hash != hash ||
          !word_equal(set->text + set->words[slot].start,
                      set->words[slot].end - set->words[slot].start, word, length)))
    slot = (slot + 1) & (set->slots - 1);
  return slot;
}

/* Doubles the table (a text has far fewer distinct words than bytes). */
static int word_set_grow(word_set *set) {
  size_t slots = set->slots ? set->slots * 2 : 1024;
  word_entry *old = set->words;
  size_t old_slots = set->slots;
  set->words = ibid_malloc(slots * sizeof(word_entry));
  if (!set->words) {
    set->words = old;
    return -1;
  }
  memset(set->words, 0, slots * sizeof(word_entry));
  set->slots = slots;
  for (size_t i = 0; i < old_slots; i++) {
    if (old[i].end == old[i].start) continue;
    set->words[word_slot(set, set->text + old[i].start, old[i].end - old[i].start, old[i].hash)] =
        old[i];
  }
  ibid_free(old);
  return 0;
}

/* Words: runs of letters and digits, with inner hyphens ("win-win"). */
static void word_set_build(word_set *set) {
  set->built = 1;
  if (word_set_grow(set)) {
    set->failed = 1;
    return;
  }
  size_t used = 0;
  const char *text = set->text;
  int split_before = 0; /* the previous word ended in a hyphen at a line end */
  for (size_t i = 0; i < set->length;) {
    if (!is_word_byte(text[i])) {
      i++;
      continue;
    }
    size_t start = i;
    uint64_t hash = WORD_HASH_START; /* word_hash, in the same pass */
    while (i < set->length && (is_word_byte(text[i]) || (text[i] == '-' && i + 1 < set->length &&
                                                         is_word_byte(text[i + 1]))))
      hash = WORD_HASH_STEP(hash, text[i]), i++;
    /* the halves of a word split at a line end are not words of the text */
    size_t after = i;
    if (after < set->length && text[after] == '-') {
      after++;
      while (after < set->length && (text[after] == ' ' || text[after] == '\t')) after++;
    }
    int split_after = after > i && after < set->length && text[after] == '\n';
    int skip = split_before || split_after;
    split_before = split_after;
    if (skip || i - start < 2) continue;
    if (used * 2 >= set->slots && word_set_grow(set)) {
      set->failed = 1;
      return;
    }
    size_t slot = word_slot(set, text + start, i - start, hash);
    if (set->words[slot].end == set->words[slot].start) {
      set->words[slot].start = start;
      set->words[slot].end = i;
      set->words[slot].hash = hash;
      used++;
    }
  }
}

/* Whether a word of the text (as word_set_build reads them) ends at `end`
** and was split at a line end: a hyphen, blanks, then a line break. */
static int split_after_word(const word_set *set, size_t end) {
  const char *text = set->text;
  if (end >= set->length || text[end] != '-') return 0;
  size_t after = end + 1;
  while (after < set->length && (text[after] == ' ' || text[after] == '\t')) after++;
  return after < set->length && text[after] == '\n';
}

/* Is text[p..p + length) one of the words word_set_build stores, equal to
** `word` (a word's shape, ASCII case ignored)? */
static int word_at(const word_set *set, const char *word, size_t length, size_t p) {
  const char *text = set->text;
  size_t n = set->length, end = p + length;
  for (size_t k = 0; k < length; k++)
    if (ascii_lower(text[p + k]) != ascii_lower(word[k])) return 0;
  /* a whole word: not inside a longer one */
  if (p > 0 &&
      (is_word_byte(text[p - 1]) || (text[p - 1] == '-' && p >= 2 && is_word_byte(text[p - 2]))))
    return 0;
  if (end < n &&
      (is_word_byte(text[end]) || (text[end] == '-' && end + 1 < n && is_word_byte(text[end + 1]))))
    return 0;
  /* neither half of a word split at a line end: not this one, nor the word before */
  if (split_after_word(set, end)) return 0;
  size_t before = p;
  while (before > 0 && !is_word_byte(text[before - 1])) before--;
  return before == 0 || !split_after_word(set, before);
}

/* How rare a byte is in English text (ASCII lower case): the higher the
** rarer, so that a search for a word looks for its rarest letter. */
static int byte_rarity(char c) {
  static const char by_frequency[] = "etaoinshrdlcumwfgypbvkjxqz";
  if ((unsigned char)c >= 0x80 || is_ascii_digit(c)) return 20;
  const char *at = memchr(by_frequency, ascii_lower(c), 26);
  return at ? (int)(at - by_frequency) : 0;
}

/* word_set_has by reading the text: cheaper than building the set for the
** few questions most texts ask (the answer is the same). */
static int word_set_search(const word_set *set, const char *word, size_t length) {
  /* the shape of a stored word: word bytes, and hyphens between them */
  if (length < 2 || length > set->length || !is_word_byte(word[0])) return 0;
  for (size_t k = 1; k < length; k++)
    if (!is_word_byte(word[k]) && !(word[k] == '-' && k + 1 < length && is_word_byte(word[k + 1])))
      return 0;
  size_t j = 0; /* the rarest byte of the word is looked for, in either case */
  for (size_t k = 1; k < length; k++)
    if (byte_rarity(word[k]) > byte_rarity(word[j])) j = k;
  char lower = ascii_lower(word[j]);
  char upper = is_ascii_lower(lower) ? (char)(lower - 32) : lower;
  const char *text = set->text, *limit = set->text + set->length - length + j + 1;
  const char *a = memchr(text + j, lower, (size_t)(limit - (text + j)));
  const char *b = upper != lower ? memchr(text + j, upper, (size_t)(limit - (text + j))) : NULL;
  while (a || b) {
    const char *hit = !b || (a && a < b) ? a : b;
    if (word_at(set, word, length, (size_t)(hit - text) - j)) return 1;
    if (hit == a)
      a = memchr(a + 1, lower, (size_t)(limit - (a + 1)));
    else
      b = memchr(b + 1, upper, (size_t)(limit - (b + 1)));
  }
  return 0;
}

/* Questions answered by reading the text before the set is built. */
#define WORD_SET_SEARCHES 16

static int word_set_has(word_set *set, const char *word, size_t length) {
  if (!set->built && set->searches < WORD_SET_SEARCHES) {
    set->searches++;
    return word_set_search(set, word, length);
  }
  if (!set->built) word_set_build(set);
  if (set->failed || length == 0) return 0;
  size_t slot = word_slot(set, word, length, word_hash(word, 0, length));
  return set->words[slot].end > set->words[slot].start;
}

/* ibid_keep_hyphen's view of the word set (built on its first question). */
static int word_set_contains(void *set, const char *word, size_t length) {
  return word_set_has(set, word, length);
}

/* Keep the hyphen of "first-" + "rest" split across a line? The rule the PDF
** layout shares (pdf_layout.h), and a hyphen after any ASCII character but a
** lower-case letter. */
static int keep_hyphen(word_set *set, const char *first, size_t first_length, const char *rest,
                       size_t rest_length) {
  if (first_length && !is_ascii_lower(first[0]) && (unsigned char)first[0] < 0x80)
    return 1; /* "UN-", "1990s-" */
  return ibid_keep_hyphen(first, first_length, rest, rest_length, word_set_contains, set);
}

/* ----- step 5: output ------------------------------------------------------ */

/* Appends line content with blank runs collapsed; in a table row a column
** gap (tab or 3+ spaces) becomes one tab. */
static void append_collapsed(ibid_buffer *out, const char *text, size_t start, size_t end,
                             int table) {
  size_t i = start;
  while (i < end) {
    size_t run = i;
    /* a single space between words is copied as it is: one append per
       stretch of them, not one per word; eight bytes at a time, seven apart
       (a space's neighbour must lie in the same word); sixteen bytes,
       fifteen apart, first where SSE2 is there */
#ifdef __SSE2__
    for (; run + 16 <= end; run += 15) {
      __m128i v = ibid_scan16_load(text + run);
      unsigned spaces = ibid_scan16_eq(v, ' ');
      unsigned breaks = (unsigned)_mm_movemask_epi8(_mm_or_si128(
          _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
      unsigned stop = (breaks | (spaces & ((spaces | breaks) >> 1))) & 0x7FFFu;
      if (stop) {
        run += (size_t)__builtin_ctz(stop);
        goto found;
      }
    }
#endif
    for (; run + 8 <= end; run += 7) {
      uint64_t word = ibid_scan_load(text + run);
      uint64_t spaces = ibid_scan_eq(word, ' ');
      uint64_t breaks = ibid_scan_eq(word, '\t') | ibid_scan_eq(word, '\r');
      uint64_t stop = (breaks | (spaces & ((spaces | breaks) >> 8))) & 0x0080808080808080ULL;
      if (stop) {
        run += ibid_scan_first(stop);
        break;
      }
    }
#ifdef __SSE2__
  found:
#endif
    while (run < end && text[run] != '\t' && text[run] != '\r' &&
           (text[run] != ' ' || (run + 1 < end && !is_blank_byte(text[run + 1]))))
      run++;
    ibid_buffer_append(out, text + i, run - i);
    if (run >= end) break;
    size_t gap = run;
    int tab = 0;
    while (gap < end && is_blank_byte(text[gap])) tab |= text[gap++] == '\t';
    ibid_buffer_append_char(out, table && (tab || gap - run >= 3) ? '\t' : ' ');
    i = gap;
  }
}

/* Joins line b onto the block in out, whose last line is a. */
static void append_join(ibid_buffer *out, const char *text, const ibid_text_line *la,
                        const ibid_text_line *lb, word_set *words) {
  size_t a_end = la->end;
  if (text[a_end - 1] == '-' && a_end - la->start >= 2 && is_word_byte(text[a_end - 2]) &&
      is_word_byte(text[lb->start])) {
    size_t first = a_end - 1;
    while (first > la->start && is_word_byte(text[first - 1])) first--;
    size_t rest_length = 0;
    while (lb->start + rest_length < lb->end && is_word_byte(text[lb->start + rest_length]))
      rest_length++;
    if (starts_lowercase(text, lb->start, lb->end) &&
        !keep_hyphen(words, text + first, a_end - 1 - first, text + lb->start, rest_length))
      out->length--; /* drop the hyphen of a word split across lines */
    return;
  }
  if (a_end - la->start >= 3 && !memcmp(text + a_end - 3, "\xE2\x80\x94", 3)) return; /* — */
  ibid_buffer_append_char(out, ' ');
}

typedef struct block_list {
  span *items;
  size_t count, capacity;
} block_list;

static int block_list_add(block_list *list, size_t start, size_t end) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 64;
    span *grown = ibid_realloc(list->items, capacity * sizeof(span));
    if (!grown) return -1;
    list->items = grown;
    list->capacity = capacity;
  }
  list->items[list->count].start = start;
  list->items[list->count].end = end;
  list->count++;
  return 0;
}

/* Hanging indents: a block whose first line stands at indent x and whose
** other lines all stand at one deeper indent y (y >= x + 2) is laid out as
** a hanging paragraph (reference lists are). HANG_NONE: not (yet) one;
** HANG_MIXED: its lines stand at more than one deeper indent. */
#define HANG_NONE ((size_t)0)
#define HANG_MIXED ((size_t)-1)

typedef struct hanging {
  size_t first;    /* the kept index of the block's first line */
  size_t x, y;     /* indent of its first line, of the others (or HANG_*) */
  size_t list_x;   /* in a run of hanging blocks: their first lines' indent */
  size_t list_y;   /* and their other lines' (HANG_NONE: no such run) */
  size_t list_gap; /* the blank lines after the run's last block */
} hanging;

/* Line k opens like a numbered item and follows line k - 1 directly in
** wrapped text: at the hanging indent it continues the block ("2. Aufl."). */
static int numbered_continuation(const text_layout *layout, const size_t *kept, size_t k) {
  return layout->opens[kept[k]] == OPENS_NUMBERED && layout->wrapped &&
         blanks_between(layout, kept[k - 1], kept[k]) == 0;
}

/* Where should_join would join kept[k] to its block, whether the block's
** hanging layout says otherwise: 1 to break (line k returns to the margin of
** a hanging block, or a one-line entry of a run of them ends), 2 to join (a
** line at the hanging indent that opens like a numbered item, "3. Aufl.",
** continues the block), 0 to leave it to should_join. The run's rules for a
** block's second line apply only when the line follows the first at the
** spacing that separates the block from the run (a paragraph after a blank
** line that ends single-spaced hanging blocks is not one of them). */
static int hanging_decision(const text_layout *layout, const size_t *kept, size_t kept_count,
                            size_t k, const hanging *h) {
  const char *text = layout->text;
  const ibid_text_line *la = &layout->lines[kept[k - 1]], *lb = &layout->lines[kept[k]];
  const ibid_text_line *first = &layout->lines[kept[h->first]];
  size_t indent = lb->indent;
  int lower = starts_lowercase(text, lb->start, lb->end);
  if (layout->opens[kept[h->first]] != OPENS_NOTHING) return 0; /* list items have their rules */
  if (h->y != HANG_NONE && h->y != HANG_MIXED) {
    /* a first line that ends in a colon may lead in an indented quote,
       unless the block follows other hanging ones ("In:" of an entry) */
    if (indent == h->x && (text[first->end - 1] != ':' || h->list_y != HANG_NONE) &&
        (!lower || ends_sentence(text, la->start, la->end)))
      return 1;
    if (indent == h->y && numbered_continuation(layout, kept, k)) return 2;
    return 0;
  }
  if (h->list_y == HANG_NONE || h->first != k - 1 || la->indent != h->list_x ||
      blanks_between(layout, kept[k - 1], kept[k]) != h->list_gap)
    return 0;
  /* the second line of a block in a run of hanging blocks */
  if (indent == h->list_y && numbered_continuation(layout, kept, k)) return 2;
  /* a one-line block in a run of hanging blocks, at their margin */
  if (indent != h->list_x || lower || !ends_sentence(text, la->start, la->end)) return 0;
  if (k + 1 < kept_count && blanks_between(layout, kept[k], kept[k + 1]) == 0 &&
      layout->lines[kept[k + 1]].indent == h->list_y)
    return 1;                                     /* the line opens a hanging entry */
  return ends_sentence(text, lb->start, lb->end); /* one one-line entry after another */
}

/* A block ends before line k: a hanging one starts (or keeps) a run of them,
** separated by the blank lines that follow it; a one-line block at the run's
** margin followed by as many blank lines keeps it; any other block ends it. */
static void hanging_block_end(const text_layout *layout, const size_t *kept, size_t k, hanging *h) {
  size_t gap = blanks_between(layout, kept[k - 1], kept[k]);
  if (h->y != HANG_NONE && h->y != HANG_MIXED && layout->opens[kept[h->first]] == OPENS_NOTHING) {
    h->list_x = h->x;
    h->list_y = h->y;
    h->list_gap = gap;
  } else if (!(h->first + 1 == k && layout->lines[kept[h->first]].indent == h->list_x &&
               gap == h->list_gap)) {
    h->list_y = HANG_NONE;
  }
}

/* Builds the joined blocks of the kept lines into joined / blocks. */
static int join_lines(const text_layout *layout, const size_t *kept, size_t kept_count,
                      word_set *words, ibid_buffer *joined, block_list *blocks) {
  const char *text = layout->text;
  size_t block_start = 0;
  int opened = OPENS_NOTHING;
  hanging h = {.first = 0, .y = HANG_NONE, .list_y = HANG_NONE};
  for (size_t k = 0; k < kept_count; k++) {
    const ibid_text_line *line = &layout->lines[kept[k]];
    if (ibid_progress_step(layout->progress, line->end - line->start + 1)) return -1;
    int join = 0;
    if (k > 0) {
      size_t blanks = blanks_between(layout, kept[k - 1], kept[k]);
      int decision = hanging_decision(layout, kept, kept_count, k, &h);
      join = decision == 2 ||
             (decision == 0 && should_join(layout, kept[k - 1], kept[k], opened, blanks));
    }
    if (join) {
      append_join(joined, text, &layout->lines[kept[k - 1]], line, words);
      /* the block's lines after the first: one deeper indent, or mixed */
      size_t x = layout->lines[kept[h.first]].indent;
      if (h.y == HANG_NONE && k == h.first + 1 && line->indent >= x + 2)
        h.x = x, h.y = line->indent;
      else if (h.y != line->indent)
        h.y = HANG_MIXED;
    } else {
      if (k > 0) hanging_block_end(layout, kept, k, &h);
      h.first = k;
      h.y = HANG_NONE;
      if (k > 0 && block_list_add(blocks, block_start, joined->length)) return -1;
      if (k > 0) ibid_buffer_append(joined, "\n\n", 2); /* the output's separator */
      block_start = joined->length;
      opened = layout->opens[kept[k]];
    }
    append_collapsed(joined, text, line->start, line->end, opened == OPENS_TABLE);
  }
  if (kept_count && block_list_add(blocks, block_start, joined->length)) return -1;
  return joined->failed ? -1 : 0;
}

/* Lines -> paragraphs -> output text. */
static char *lay_out(const char *text, size_t length, ibid_progress *progress,
                     size_t *clean_length) {
  ibid_text_line *lines = NULL;
  size_t line_count = 0;
  if (ibid_text_split_lines(text, length, &lines, &line_count)) return NULL;
  unsigned char *dropped = ibid_malloc(line_count);
  size_t *kept = ibid_malloc(line_count * sizeof(size_t));
  size_t *characters = ibid_malloc(line_count * sizeof(size_t));
  unsigned char *opens = ibid_malloc(line_count);
  ibid_buffer joined;
  ibid_buffer_init(&joined);
  block_list blocks = {0};
  unsigned char *block_dropped = NULL;
  word_set words = {.text = text, .length = length};
  char *result = NULL;
  if (!dropped || !kept || !characters || !opens ||
      ibid_text_mark_dropped(text, lines, line_count, dropped))
    goto done;
  size_t kept_count = 0;
  long last_label = 0; /* the last note number a line opened with */
  for (size_t i = 0; i < line_count; i++) {
    if (ibid_progress_step(progress, lines[i].end - lines[i].start + 1)) goto done;
    characters[i] = character_count(text, lines[i].start, lines[i].end);
    if (lines[i].start < lines[i].end && !dropped[i]) {
      kept[kept_count++] = i;
      opens[i] = (unsigned char)line_opens(text, lines[i].start, lines[i].end);
      /* notes 1000 to 9999: a 4-digit number opens a note when it follows
         the note before it (1 to 3 numbers may be lost to a page break) */
      long label = opens[i] == OPENS_NOTHING || opens[i] == OPENS_NUMBERED
                       ? note_label(text, lines[i].start, lines[i].end)
                       : 0;
      if (label >= 1000 && opens[i] == OPENS_NOTHING && last_label < label &&
          label <= last_label + 3)
        opens[i] = OPENS_NUMBERED;
      if (label && opens[i] == OPENS_NUMBERED) last_label = label;
    }
  }
  text_layout layout = {.text = text,
                        .lines = lines,
                        .dropped = dropped,
                        .opens = opens,
                        .characters = characters,
                        .progress = progress};
  measure_layout(&layout, kept, kept_count);
  ibid_buffer_reserve(&joined, length);
  if (join_lines(&layout, kept, kept_count, &words, &joined, &blocks)) goto done;
  /* block level: chrome made by joining, and later copies of repeated blocks */
  block_dropped = ibid_malloc(blocks.count ? blocks.count : 1);
  if (!block_dropped) goto done;
  for (size_t b = 0; b < blocks.count; b++) {
    size_t size = blocks.items[b].end - blocks.items[b].start;
    if (ibid_progress_step(progress, size + 1)) goto done;
    block_dropped[b] =
        (unsigned char)ibid_text_is_chrome(joined.data + blocks.items[b].start, size);
  }
  if (mark_repeats(joined.data, blocks.items, blocks.count, block_dropped)) goto done;
  /* compact the kept blocks in place: each moves left, never right, since
     a block and its separator never take more room than before */
  size_t write = 0;
  for (size_t b = 0; b < blocks.count; b++) {
    size_t size = blocks.items[b].end - blocks.items[b].start;
    if (block_dropped[b] || size == 0) continue;
    if (write) {
      memcpy(joined.data + write, "\n\n", 2);
      write += 2;
    }
    memmove(joined.data + write, joined.data + blocks.items[b].start, size);
    write += size;
  }
  joined.length = write;
  if (write) ibid_buffer_append_char(&joined, '\n');
  ibid_buffer_append(&joined, "", 0); /* NUL-terminates even an empty result */
  result = ibid_buffer_take(&joined, clean_length);
done:
  ibid_free(lines), ibid_free(dropped), ibid_free(kept), ibid_free(characters), ibid_free(opens);
  ibid_free(blocks.items), ibid_free(block_dropped), ibid_free(words.words);
  ibid_buffer_free(&joined);
  return result;
}

char *ibid_clean_text(const char *text, size_t length, size_t *clean_length) {
  return ibid_clean_text_progress(text, length, NULL, clean_length);
}

char *ibid_clean_text_progress(const char *text, size_t length, ibid_progress *progress,
                               size_t *clean_length) {
  ibid_buffer mapped, normalized;
  ibid_buffer_init(&mapped);
  ibid_buffer_init(&normalized);
  if (clean_length) *clean_length = 0;
  /* each pass counts the bytes it reads as it goes: characters, NFC
     chunks, lines laid out, blocks checked for chrome */
  map_characters(text, length, progress, &mapped);
  if (mapped.failed || ibid_progress_stopped(progress)) {
    ibid_buffer_free(&mapped);
    return NULL;
  }
  const char *source = mapped.data ? mapped.data : "";
  size_t source_length = mapped.length;
  if (!normalize_nfc(source, source_length, progress, &normalized)) {
    if (normalized.failed) {
      ibid_buffer_free(&mapped);
      ibid_buffer_free(&normalized);
      return NULL;
    }
    source = normalized.data ? normalized.data : "";
    source_length = normalized.length;
  }
  size_t result_length = 0;
  char *result = ibid_progress_stopped(progress)
                     ? NULL
                     : lay_out(source, source_length, progress, &result_length);
  ibid_buffer_free(&mapped);
  ibid_buffer_free(&normalized);
  if (clean_length) *clean_length = result_length;
  return result;
}
