/*
** numbers.c -- text scanning shared by the fact extractors. See numbers.h.
**
** Everything here is a single left-to-right pass or a local look at a few
** bytes around an offset, so the extractors stay linear on 50 MB inputs.
*/
#include "numbers.h"

#include <stdint.h>
#include <string.h>

#include "memory.h"
#include "utf8.h"

/* Bytes of the letter at offset: ASCII letters and non-ASCII characters
** outside the punctuation blocks (curly quotes and dashes end a word). */
static size_t letter_at(const char *text, size_t length, size_t offset) {
  unsigned char c = (unsigned char)text[offset];
  if (c < 0x80) return ibid_is_alpha((char)c) ? 1 : 0;
  uint32_t codepoint;
  size_t bytes = ibid_utf8_decode(text, length, offset, &codepoint);
  if (codepoint < 0xC0 || (codepoint >= 0x2000 && codepoint <= 0x206F) || codepoint == 0xD7 ||
      codepoint == 0xF7 || codepoint == 0xFEFF)
    return 0;
  return bytes;
}

/* ibid_word_length from `end` on, where a non-ASCII character stands (out
** of line: the inline ASCII part in numbers.h stays small). */
size_t ibid_word_length_from(const char *text, size_t length, size_t offset, size_t end) {
  while (end < length) {
    unsigned char c = (unsigned char)text[end];
    if (c < 0x80) { /* ASCII: a letter is c | 0x20 in 'a'..'z' */
      if ((unsigned)((c | 0x20) - 'a') >= 26u) break;
      end++;
      continue;
    }
    size_t bytes = letter_at(text, length, end);
    if (!bytes) break;
    end += bytes;
  }
  return end - offset;
}

int ibid_word_is(const char *text, size_t length, size_t offset, const char *word) {
  size_t n = strlen(word);
  if (offset + n > length || memcmp(text + offset, word, n) != 0) return 0;
  if (offset + n < length && (ibid_is_alpha(text[offset + n]) || ibid_is_digit(text[offset + n])))
    return 0;
  return 1;
}

size_t ibid_skip_space(const char *text, size_t length, size_t offset) {
  while (offset < length) {
    if (ibid_is_space(text[offset])) {
      offset++;
    } else if (offset + 1 < length && (unsigned char)text[offset] == 0xC2 &&
               (unsigned char)text[offset + 1] == 0xA0) {
      offset += 2; /* no-break space */
    } else {
      break;
    }
  }
  return offset;
}

size_t ibid_skip_space_back(const char *text, size_t end) {
  while (end > 0) {
    if (ibid_is_space(text[end - 1]))
      end--;
    else if (end >= 2 && (unsigned char)text[end - 2] == 0xC2 &&
             (unsigned char)text[end - 1] == 0xA0)
      end -= 2; /* no-break space */
    else
      break;
  }
  return end;
}

size_t ibid_previous_word(const char *text, size_t end, size_t *word_end) {
  size_t i = end;
  while (i > 0 && (ibid_is_space(text[i - 1]) || text[i - 1] == ',')) i--;
  *word_end = i;
  while (i > 0 && (ibid_is_alpha(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '-' ||
                   ((unsigned char)text[i - 1] & 0x80)))
    i--;
  /* A trailing byte of a multi-byte punctuation mark (’) must not be a word. */
  while (i < *word_end && ((unsigned char)text[i] & 0xC0) == 0x80) i++;
  return i;
}

/* ----- numbers ---------------------------------------------------------- */

static size_t digits_at(const char *text, size_t length, size_t offset) {
  size_t end = offset;
  while (end < length && ibid_is_digit(text[end])) end++;
  return end - offset;
}

/* A group separator at offset: sep + exactly three digits, not followed by
** another digit. */
static int group_at(const char *text, size_t length, size_t offset, char separator) {
  return offset < length && text[offset] == separator && digits_at(text, length, offset + 1) == 3;
}

/* The high bit of each lane of x that holds an ASCII digit. */
static inline uint64_t digit_lanes(uint64_t x) {
  uint64_t low = x & 0x7F * IBID_SCAN_ONES;
  uint64_t from_0 = low + (0x80 - '0') * IBID_SCAN_ONES;
  uint64_t past_9 = low + (0x80 - '9' - 1) * IBID_SCAN_ONES;
  return from_0 & ~past_9 & ~x & IBID_SCAN_HIGH;
}

int ibid_numbers_dot_groups_thousands(const char *text, size_t length) {
  size_t dot_groups = 0, comma_groups = 0;
  for (size_t i = 0; i < length; i++) {
#ifdef __SSE2__
    /* on to the next digit, sixteen bytes at a time (then eight) */
    for (; i + 16 <= length; i += 16) {
      __m128i v = ibid_scan16_load(text + i);
      unsigned digits = ibid_scan16_digits(v);
      if (digits) {
        i += (size_t)__builtin_ctz(digits);
        break;
      }
    }
#endif
#if IBID_LANES
    /* on to the next digit, eight bytes at a time */
    for (; i + 8 <= length && !ibid_is_digit(text[i]); i += 8) {
      uint64_t x;
      memcpy(&x, text + i, 8);
      uint64_t digits = digit_lanes(x);
      if (digits) {
        i += (size_t)__builtin_ctzll(digits) >> 3;
        break;
      }
    }
    if (i >= length) break;
#endif
    if (!ibid_is_digit(text[i]) || (i > 0 && (ibid_is_digit(text[i - 1]) || text[i - 1] == '.' ||
                                              text[i - 1] == ',' || ibid_is_alpha(text[i - 1]))))
      continue;
    size_t lead = digits_at(text, length, i);
    size_t end = i + lead;
    if (lead >= 1 && lead <= 3 && !(lead == 1 && text[i] == '0')) {
      if (group_at(text, length, end, '.')) dot_groups++;
      if (group_at(text, length, end, ',')) comma_groups++;
    }
    i = end;
  }
  return dot_groups >= 2 && comma_groups == 0;
}

size_t ibid_number_read(const char *text, size_t length, size_t offset, int dot_thousands,
                        double *value, int *grouped) {
  *grouped = 0;
  size_t lead = digits_at(text, length, offset);
  if (!lead) return 0;
  double number = 0;
  size_t end = offset;
  for (; end < offset + lead; end++) number = number * 10 + (text[end] - '0');
  char group = dot_thousands ? '.' : ',';
  if (lead <= 3) {
    while (group_at(text, length, end, group)) {
      for (size_t k = end + 1; k < end + 4; k++) number = number * 10 + (text[k] - '0');
      end += 4;
      *grouped = 1;
    }
  }
  /* The decimal mark: '.' unless dots group thousands; there a dot that is
  ** not followed by exactly three digits ("7.7%") is still a decimal point,
  ** and so is a comma. */
  int decimal = end + 1 < length && ibid_is_digit(text[end + 1]) &&
                (text[end] == '.' ? !(dot_thousands && group_at(text, length, end, '.'))
                                  : text[end] == ',' && dot_thousands);
  if (decimal) {
    double scale = 0.1;
    end++;
    while (end < length && ibid_is_digit(text[end])) {
      number += (text[end] - '0') * scale;
      scale /= 10;
      end++;
    }
  }
  *value = number;
  return end - offset;
}

/* ----- months ------------------------------------------------------------ */

int ibid_month_of_word(const char *text, size_t word_length) {
  static const char *const names[12] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
  if (!ibid_may_be_month(text, word_length)) return 0;
  char lower[10];
  for (size_t i = 0; i < word_length; i++) {
    char c = text[i];
    if (!ibid_is_alpha(c)) return 0;
    lower[i] = (char)(ibid_is_upper(c) ? c - 'A' + 'a' : c);
  }
  static const unsigned char lengths[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
  for (int m = 0; m < 12; m++) {
    if (names[m][0] != lower[0]) continue; /* every test below compares the first letter */
    size_t n = lengths[m];
    if (word_length == n && memcmp(lower, names[m], n) == 0) return m + 1;
    /* Abbreviations: the first three letters, and "Sept". */
    if (word_length == 3 && memcmp(lower, names[m], 3) == 0) return m + 1;
    if (m == 8 && word_length == 4 && memcmp(lower, "sept", 4) == 0) return m + 1;
  }
  return 0;
}

/* ----- sentences (the layers' starts: layers.h) ------------------------- */

size_t ibid_sentence_number(const size_t *starts, size_t count, size_t offset) {
  if (count == 0 || offset < starts[0]) return 0;
  size_t low = 0, high = count;
  while (high - low > 1) {
    size_t middle = low + (high - low) / 2;
    if (starts[middle] <= offset)
      low = middle;
    else
      high = middle;
  }
  return low + 1;
}

void ibid_sentence_at(const size_t *starts, size_t count, size_t length, size_t offset,
                      size_t *start, size_t *end) {
  size_t low = 0, high = count;
  while (high - low > 1) {
    size_t middle = low + (high - low) / 2;
    if (starts[middle] <= offset)
      low = middle;
    else
      high = middle;
  }
  *start = count ? starts[low] : 0;
  *end = low + 1 < count ? starts[low + 1] : length;
}

long ibid_span_index(const size_t *spans, size_t count, size_t offset) {
  size_t low = 0, high = count; /* first span that ends after offset */
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (spans[2 * middle + 1] <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low < count && spans[2 * low] <= offset ? (long)low : -1;
}

int ibid_in_spans(const size_t *spans, size_t count, size_t offset) {
  return ibid_span_index(spans, count, offset) >= 0;
}
