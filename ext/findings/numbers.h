/*
** numbers.h -- text scanning shared by the fact extractors (claims.c,
** entities.c, events.c): reading numbers as the document writes them, month
** names, and searches in the sentence starts and cite spans of the shared
** layers (layers.h): no extractor splits sentences or finds citations itself.
**
** All functions take (text, length) of valid UTF-8 that may contain NUL bytes
** and is not NUL-terminated; offsets are bytes.
*/
#ifndef IBID_NUMBERS_H
#define IBID_NUMBERS_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "scan.h" /* the lanes: ibid_scan_load, IBID_SCAN_ONES, IBID_SCAN_HIGH */

/* 1 if the whole text groups thousands with dots ("3.300", "104.254"): such
** groups occur at least twice and no comma groups thousands ("75,065"). */
int ibid_numbers_dot_groups_thousands(const char *text, size_t length);

/* Reads the number that starts at text[offset] (a digit). Returns its length in
** bytes (0 if none) and sets *value. With dot_thousands, "3.300" is 3300 and
** "7.7" is 7.7; otherwise "3.300" is 3.3. Commas followed by exactly three
** digits always group thousands. *grouped is 1 when a separator grouped
** thousands (so "2,014" is not a year). */
size_t ibid_number_read(const char *text, size_t length, size_t offset, int dot_thousands,
                        double *value, int *grouped);

/* Month number 1-12 of the word at text[offset..offset+word_length) ("March",
** "Mar", "Sept"), or 0. */
int ibid_month_of_word(const char *text, size_t word_length);

/* The number (1-based) of the sentence holding offset given the layers'
** sentence_starts,
** 0 when offset lies before the first sentence. */
size_t ibid_sentence_number(const size_t *starts, size_t count, size_t offset);

/* The sentence [*start, *end) that holds offset, given the starts above. */
void ibid_sentence_at(const size_t *starts, size_t count, size_t length, size_t offset,
                      size_t *start, size_t *end);

/* 1 if offset lies inside one of the spans (pairs [start, end), sorted and
** disjoint, such as the layers' cite_spans; binary search). */
int ibid_in_spans(const size_t *spans, size_t count, size_t offset);
/* The index of the span holding offset, or -1 (same spans as ibid_in_spans). */
long ibid_span_index(const size_t *spans, size_t count, size_t offset);

/* ASCII character classes (bytes >= 0x80 are none of them); inline because
** every extractor calls them for every byte. */
static inline int ibid_is_digit(char c) {
  return c >= '0' && c <= '9';
}
static inline int ibid_is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static inline int ibid_is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
static inline int ibid_is_alpha(char c) {
  return ibid_is_upper(c) || ibid_is_lower(c);
}
static inline int ibid_is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ibid_word_length from `end` on (offset <= end), where a non-ASCII byte
** stands. */
size_t ibid_word_length_from(const char *text, size_t length, size_t offset, size_t end);

/* Eight bytes at a time: on a little-endian machine the bytes of a word read
** from memory are its lanes in text order, lowest first. IBID_LANES is 0
** elsewhere, and the scans below read byte by byte. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define IBID_LANES 1
#else
#define IBID_LANES 0
#endif

/* The high bit of each lane of x that holds an ASCII letter: c | 0x20 is in
** 'a'..'z' for an ASCII letter only, and the sums stay within each lane. */
static inline uint64_t ibid_letter_lanes(uint64_t x) {
  uint64_t low = (x | 0x20 * IBID_SCAN_ONES) & 0x7F * IBID_SCAN_ONES;
  uint64_t from_a = low + (0x80 - 'a') * IBID_SCAN_ONES;
  uint64_t past_z = low + (0x80 - 'z' - 1) * IBID_SCAN_ONES;
  return from_a & ~past_z & ~x & IBID_SCAN_HIGH;
}

/* 1 if c is a capital a month name can begin with (January ... December). */
static inline int ibid_is_month_initial(char c) {
  switch (c) {
    case 'J':
    case 'F':
    case 'M':
    case 'A':
    case 'S':
    case 'O':
    case 'N':
    case 'D':
      return 1;
    default:
      return 0;
  }
}

/* Does a word of n bytes begin as a month's name does ("Jan", "Feb", "Mar",
** "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")? Every month
** and each abbreviation does: the test that turns most capitalised words away
** before ibid_month_of_word reads them (c | 0x20 lowercases a letter and
** makes no other byte one). */
static inline int ibid_may_be_month(const char *text, size_t n) {
  if (n < 3 || n > 9 || !ibid_is_month_initial(text[0])) return 0;
  char b = (char)(text[1] | 0x20), c = (char)(text[2] | 0x20);
  switch (text[0]) {
    case 'J':
      return (b == 'a' && c == 'n') || (b == 'u' && (c == 'n' || c == 'l'));
    case 'F':
      return b == 'e' && c == 'b';
    case 'M':
      return b == 'a' && (c == 'r' || c == 'y');
    case 'A':
      return (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
    case 'S':
      return b == 'e' && c == 'p';
    case 'O':
      return b == 'c' && c == 't';
    case 'N':
      return b == 'o' && c == 'v';
    default: /* 'D' */
      return b == 'e' && c == 'c';
  }
}

/* Length of the word (ASCII letters, and non-ASCII letters) at offset. Inline:
** the extractors ask it for every word. The ASCII letters are read eight bytes
** at a time; a non-ASCII byte goes on out of line. */
static inline size_t ibid_word_length(const char *text, size_t length, size_t offset) {
  size_t end = offset;
#if IBID_LANES
  for (; end + 8 <= length; end += 8) {
    uint64_t stops = ~ibid_letter_lanes(ibid_scan_load(text + end)) & IBID_SCAN_HIGH;
    if (stops) {
      end += (size_t)__builtin_ctzll(stops) >> 3;
      if ((unsigned char)text[end] < 0x80) return end - offset;
      return ibid_word_length_from(text, length, offset, end);
    }
  }
#endif
  while (end < length && (unsigned)(((unsigned char)text[end] | 0x20) - 'a') < 26u) end++;
  if (end >= length || (unsigned char)text[end] < 0x80) return end - offset;
  return ibid_word_length_from(text, length, offset, end);
}

/* 1 if text[offset..offset+n) equals word (case-sensitive) and is not followed
** by a letter or digit. */
int ibid_word_is(const char *text, size_t length, size_t offset, const char *word);

/* Offset after the white space at offset. */
size_t ibid_skip_space(const char *text, size_t length, size_t offset);

/* Offset of the start of the white space that ends at `end` (the same white
** space as ibid_skip_space reads: ASCII and the no-break space), end when none. */
size_t ibid_skip_space_back(const char *text, size_t end);

/* Offset of the start of the word that ends at or before `end` (skipping white
** space and the punctuation in `skip`), or end when there is none. */
size_t ibid_previous_word(const char *text, size_t end, size_t *word_end);

#endif
