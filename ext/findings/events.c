/*
** events.c -- dated events. See events.h.
**
** HOW IT WORKS
** One pass over the words outside citation parentheses recognises:
**   "31 March 2005", "31 Jan. 2011", "March 31, 2005"   -> 2005-03-31
**   "May 2004", "mid-March 2011"                        -> 2004-05
**   "26 February" (no year)                             -> the year of the last date
**   "31 May–11 June 2010", "from January to March 2005" -> both ends, one year
**   "In 2015", "since 2007", "the summer of 2003"       -> 2015: a bare year only
**                                                          after a word that makes
**                                                          it a time ("in", "since",
**                                                          "from", "of", "year"...)
**   "Two months later", "a year later"                  -> last date + the offset,
**                                                          at the precision the
**                                                          offset allows; skipped
**                                                          when the sentence gives
**                                                          an absolute date after it.
** The pass goes from one byte a date can begin at (a digit, '(' or a
** month's capital) to the next, sixteen bytes at a time, and tries a word
** as the amount of a relative date only a few bytes before a "later".
** Year ranges "2003-04", "2011-2015" are periods, not dated events. Dates in
** a note list outside parentheses ("adopted 3 February 2009") are kept: they
** date the documents' adoption; dates in parentheses there are publication
** dates and are skipped like author-year citations.
*/
#include "events.h"

#include <stdio.h>
#include <string.h>

#include "memory.h"
#include "numbers.h"

typedef struct date {
  int year, month, day; /* month and day 0 when not known */
} date;

typedef struct event_scan {
  const char *text;
  size_t length;
  ibid_event *items;
  size_t count, capacity;
  int failed;
  date last; /* the last absolute date, year 0 before the first */
  const size_t *sentences;
  size_t sentence_count;
  /* the first "later" at or after later_from (NO_LATER: none), and where the
  ** white space right before it begins (see may_be_relative) */
  size_t later_from, later_at, later_space;
} event_scan;

#define NO_LATER ((size_t)-1)

/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" (year 0-9999, month 1-12, day 1-31). */
static void format_date(char *out, date d) {
  unsigned year = (unsigned)d.year % 10000u, month = (unsigned)d.month % 13u,
           day = (unsigned)d.day % 32u;
  out[0] = (char)('0' + year / 1000);
  out[1] = (char)('0' + year / 100 % 10);
  out[2] = (char)('0' + year / 10 % 10);
  out[3] = (char)('0' + year % 10);
  out[4] = 0;
  if (!month) return;
  out[4] = '-';
  out[5] = (char)('0' + month / 10);
  out[6] = (char)('0' + month % 10);
  out[7] = 0;
  if (!day) return;
  out[7] = '-';
  out[8] = (char)('0' + day / 10);
  out[9] = (char)('0' + day % 10);
  out[10] = 0;
}

static void add_event(event_scan *s, date d, size_t start, size_t end, int relative) {
  if (s->count == s->capacity) {
    size_t capacity = s->capacity ? s->capacity * 2 : 64;
    ibid_event *grown = ibid_realloc(s->items, capacity * sizeof(ibid_event));
    if (!grown) {
      s->failed = 1;
      return;
    }
    s->items = grown;
    s->capacity = capacity;
  }
  ibid_event *e = &s->items[s->count++];
  memset(e, 0, sizeof(*e));
  format_date(e->date, d);
  e->start = start;
  e->length = end - start;
  e->relative = relative;
  if (!relative) s->last = d;
}

static size_t count_digits(const event_scan *s, size_t i) {
  size_t n = 0;
  while (i + n < s->length && ibid_is_digit(s->text[i + n])) n++;
  return n;
}

static int number_at(const event_scan *s, size_t i, size_t n) {
  int value = 0;
  for (size_t k = 0; k < n; k++) value = value * 10 + (s->text[i + k] - '0');
  return value;
}

/* A year of four digits at i that is not part of a longer token or a range;
** returns it (0 if none). */
static int year_at(const event_scan *s, size_t i) {
  if (count_digits(s, i) != 4 || (i > 0 && ibid_is_digit(s->text[i - 1]))) return 0;
  int year = number_at(s, i, 4);
  if (year < 1900 || year > 2099) return 0;
  size_t end = i + 4;
  if (end < s->length && (ibid_is_alpha(s->text[end]) || s->text[end] == '/')) return 0;
  if (end + 1 < s->length && s->text[end] == '-' && ibid_is_digit(s->text[end + 1])) return 0;
  if (end + 3 < s->length && (unsigned char)s->text[end] == 0xE2 &&
      (unsigned char)s->text[end + 1] == 0x80 && (unsigned char)s->text[end + 2] == 0x93 &&
      ibid_is_digit(s->text[end + 3]))
    return 0;
  return year;
}

/* A month word at i ("March", "Jan.") of n letters (ibid_word_length):
** returns the month, sets *end. */
static int month_of_length(const event_scan *s, size_t i, size_t n, size_t *end) {
  int month = ibid_month_of_word(s->text + i, n);
  if (!month) return 0;
  /* Abbreviations need their period, except "May" and the four-letter "June"/"July". */
  if (n == 3 && month != 5) {
    if (i + n < s->length && s->text[i + n] == '.')
      n++;
    else
      return 0;
  } else if (n == 4 && month == 9 && i + n < s->length && s->text[i + n] == '.') {
    n++;
  }
  *end = i + n;
  return month;
}

/* month_of_length, measuring the word. */
static int month_at(const event_scan *s, size_t i, size_t *end) {
  return month_of_length(s, i, ibid_word_length(s->text, s->length, i), end);
}

/* A dash between range ends: '-', '–' or " to ". Returns its length. */
static size_t range_joiner(const event_scan *s, size_t i) {
  if (i < s->length && s->text[i] == '-') return 1;
  if (i + 2 < s->length && (unsigned char)s->text[i] == 0xE2 &&
      (unsigned char)s->text[i + 1] == 0x80 && (unsigned char)s->text[i + 2] == 0x93)
    return 3;
  if (i + 4 <= s->length && memcmp(s->text + i, " to ", 4) == 0) return 4;
  if (i + 5 <= s->length && memcmp(s->text + i, " and ", 5) == 0) return 5;
  return 0;
}

/* "Month YYYY" or "D Month YYYY" at i; the year found after a range
** "31 May–11 June 2010". Returns the end (0 if none). */
static size_t day_month_year(const event_scan *s, size_t i, date *d);
static size_t month_year(const event_scan *s, size_t i, date *d);

/* month_year where the word at i has n letters (ibid_word_length). */
static size_t month_year_of_length(const event_scan *s, size_t i, size_t n, date *d) {
  size_t end;
  int month = month_of_length(s, i, n, &end);
  if (!month) return 0;
  size_t at = ibid_skip_space(s->text, s->length, end);
  /* "March 31, 2005" */
  size_t day_n = at < s->length ? count_digits(s, at) : 0;
  if (day_n >= 1 && day_n <= 2 && at + day_n + 2 < s->length && s->text[at + day_n] == ',') {
    size_t y = ibid_skip_space(s->text, s->length, at + day_n + 1);
    int year = year_at(s, y);
    int day = number_at(s, at, day_n);
    if (year && day >= 1 && day <= 31) {
      *d = (date){year, month, day};
      return y + 4;
    }
  }
  if (at != end && at - end <= 3) {
    int year = year_at(s, at);
    if (year) {
      *d = (date){year, month, 0};
      return at + 4;
    }
  }
  /* "from January to March 2005": the year comes with the other end. */
  size_t joiner = range_joiner(s, end);
  if (joiner) {
    date other;
    size_t other_at = ibid_skip_space(s->text, s->length, end + joiner);
    if (month_year(s, other_at, &other) || day_month_year(s, other_at, &other)) {
      *d = (date){other.year, month, 0};
      return end;
    }
  }
  return 0;
}

static size_t month_year(const event_scan *s, size_t i, date *d) {
  return month_year_of_length(s, i, ibid_word_length(s->text, s->length, i), d);
}

static size_t day_month_year(const event_scan *s, size_t i, date *d) {
  size_t day_n = count_digits(s, i);
  if (day_n < 1 || day_n > 2) return 0;
  int day = number_at(s, i, day_n);
  size_t at = i + day_n;
  if (day < 1 || day > 31 || at >= s->length || s->text[at] != ' ') return 0;
  size_t month_end;
  int month = month_at(s, at + 1, &month_end);
  if (!month) return 0;
  size_t y = ibid_skip_space(s->text, s->length, month_end);
  if (month_end < s->length && s->text[month_end] == ',')
    y = ibid_skip_space(s->text, s->length, month_end + 1);
  int year = y > month_end && y - month_end <= 3 ? year_at(s, y) : 0;
  if (year) {
    *d = (date){year, month, day};
    return y + 4;
  }
  /* "31 May–11 June 2010" */
  size_t joiner = range_joiner(s, month_end);
  if (joiner && joiner != 5) {
    date other;
    size_t other_at = ibid_skip_space(s->text, s->length, month_end + joiner);
    if (day_month_year(s, other_at, &other) && other.day) {
      *d = (date){other.year, month, day};
      return month_end;
    }
  }
  /* "On 26 February": the year of the last date. */
  if (s->last.year) {
    *d = (date){s->last.year, month, day};
    return month_end;
  }
  return 0;
}

/* Words after which a bare year is a time: "in 2015", "since 2007". */
static int is_year_cue(const char *word, size_t n) {
  static const char *const list[] = {
      "in",     "In",     "since",   "Since",  "from",      "From",       "to",
      "until",  "Until",  "till",    "by",     "By",        "throughout", "Throughout",
      "of",     "early",  "Early",   "late",   "Late",      "mid",        "summer",
      "spring", "autumn", "winter",  "fall",   "year",      "during",     "During",
      "after",  "After",  "before",  "Before", "between",   "Between",    "around",
      "circa",  "c.",     "onwards", "end",    "beginning", "start"};
  for (size_t k = 0; k < sizeof(list) / sizeof(list[0]); k++)
    if (list[k][0] == word[0] && strlen(list[k]) == n && memcmp(list[k], word, n) == 0) return 1;
  return 0;
}

static int year_has_cue(const event_scan *s, size_t i) {
  if (i > 0 && s->text[i - 1] == '-') {
    /* "mid-2014" */
    return i >= 4 && memcmp(s->text + i - 4, "mid-", 4) == 0;
  }
  size_t word_end, word_start = ibid_previous_word(s->text, i, &word_end);
  if (word_start >= word_end) return 0;
  for (size_t k = word_end; k < i; k++)
    if (!ibid_is_space(s->text[k])) return 0;
  return is_year_cue(s->text + word_start, word_end - word_start);
}

/* ----- relative expressions ------------------------------------------------- */

static int small_number(const char *word, size_t n) {
  static const char *const list[] = {"one",   "two",   "three", "four", "five",   "six",
                                     "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  /* called for most words: "a", or 3 to 6 letters, rules out most at once,
  ** then the first letter; the rest is compared in place */
  if (n == 0 || n == 2 || n > 6) return 0;
  char first = (char)(ibid_is_upper(word[0]) ? word[0] - 'A' + 'a' : word[0]);
  if (n == 1) return first == 'a';
  if (first != 'o' && first != 't' && first != 'f' && first != 's' && first != 'e' && first != 'n')
    return 0;
  /* the entries of each length (bit k: list[k]), tried in list order */
  static const uint32_t of_length[7] = {0x000, 0x000, 0x000, 0x223, 0x118, 0x0C4, 0xC00};
  for (uint32_t entries = of_length[n]; entries; entries &= entries - 1) {
    int k = __builtin_ctz(entries);
    if (list[k][0] != first) continue;
    size_t j = 1;
    while (j < n && list[k][j] == (char)(ibid_is_upper(word[j]) ? word[j] - 'A' + 'a' : word[j]))
      j++;
    if (j == n) return k + 1;
  }
  return 0;
}

static int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return days[(month - 1) % 12];
}

/* "Two months later": the date, at the precision the unit allows. */
static int shift_date(date base, int amount, char unit, date *out) {
  *out = base;
  if (unit == 'y') {
    out->year += amount;
    out->month = 0;
    out->day = 0;
    return base.year != 0;
  }
  if (unit == 'm') {
    if (!base.month) return 0;
    int months = base.year * 12 + (base.month - 1) + amount;
    out->year = months / 12;
    out->month = months % 12 + 1;
    out->day = 0;
    return 1;
  }
  if (!base.day) return 0;
  int days = amount * (unit == 'w' ? 7 : 1);
  out->day += days;
  while (out->day > days_in_month(out->year, out->month)) {
    out->day -= days_in_month(out->year, out->month);
    if (++out->month > 12) {
      out->month = 1;
      out->year++;
    }
  }
  return 1;
}

/* Is there an absolute date between from and the end of its sentence? Then
** that date wins over the relative expression. */
static int sentence_has_date_after(const event_scan *s, size_t from) {
  size_t start, end;
  ibid_sentence_at(s->sentences, s->sentence_count, s->length, from, &start, &end);
  if (end > from + 200) end = from + 200; /* "later, on 18 September 2004" is close */
  for (size_t i = from; i < end; i++) {
    date d;
    if (ibid_is_digit(s->text[i]) && (i == 0 || !ibid_is_digit(s->text[i - 1])) &&
        day_month_year(s, i, &d) && d.year)
      return 1;
    if (ibid_is_upper(s->text[i]) && month_year(s, i, &d)) return 1;
  }
  return 0;
}

/* Could a relative date ("two months later") begin at i? Its "later" is the
** first one at or after i (no amount or unit holds one), and only white space
** (ibid_skip_space's) stands between it and the unit, which ends at most 16
** bytes after i: an amount of at most six letters or two digits, at most four
** bytes of space, a unit of at most six letters. So a word whose next "later"
** has other bytes than white space more than 16 bytes after it begins none.
** The next "later", and the white space before it, are found once for all
** the words before it: the test costs a comparison at most words. */
static int may_be_relative(event_scan *s, size_t i) {
  if (i < s->later_from || (s->later_at != NO_LATER && i > s->later_at)) {
    const char *text = s->text;
    size_t p = i;
    s->later_from = i;
    s->later_at = NO_LATER;
    while (p + 5 <= s->length) {
      const char *l = memchr(text + p, 'l', s->length - 4 - p);
      if (!l) break;
      p = (size_t)(l - text);
      if (memcmp(l + 1, "ater", 4) == 0) {
        s->later_at = p;
        break;
      }
      p++;
    }
    if (s->later_at == NO_LATER) return 0;
    s->later_space = ibid_skip_space_back(text, s->later_at); /* back over the white space */
  }
  return s->later_at != NO_LATER && s->later_space <= i + 16;
}

/* The first byte at or after i, before stop, that is a digit, '(' or a
** capital a month's name begins with (stop when none): sixteen bytes at a
** time. Every date begins at one, but for a relative date. */
static size_t next_date_byte(const char *text, size_t i, size_t stop) {
#ifdef __SSE2__
  for (; i + 16 <= stop; i += 16) {
    __m128i v = ibid_scan16_load(text + i);
    __m128i digit = ibid_scan16_range_bytes(v, '0', '9');
    __m128i capital = _mm_cmpeq_epi8(v, _mm_set1_epi8('J'));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('F')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('M')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('A')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('S')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('O')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('N')));
    capital = _mm_or_si128(capital, _mm_cmpeq_epi8(v, _mm_set1_epi8('D')));
    __m128i paren = _mm_cmpeq_epi8(v, _mm_set1_epi8('('));
    unsigned found = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, capital), paren));
    if (found) return i + (size_t)__builtin_ctz(found);
  }
#endif
  while (i < stop && !ibid_is_digit(text[i]) && !ibid_is_month_initial(text[i]) && text[i] != '(')
    i++;
  return i;
}

/* (n: the letters of the word at i, ibid_word_length) */
static size_t match_relative(event_scan *s, size_t i, size_t n) {
  if (!may_be_relative(s, i)) return 0;
  /* tried at every word: a word that small_number cannot read ("a", "one"
  ** .. "twelve": first letters a, e, f, n, o, s, t) is no amount */
  char first = (char)(s->text[i] | 0x20);
  if (ibid_is_alpha(s->text[i]) && first != 'a' && first != 'e' && first != 'f' && first != 'n' &&
      first != 'o' && first != 's' && first != 't')
    return 0;
  /* the amount's end: a word's, or one or two digits' */
  size_t at = i + n;
  if (n == 0) {
    size_t d = count_digits(s, i);
    if (d < 1 || d > 2) return 0;
    at = i + d;
  }
  if (at >= s->length || !ibid_is_space(s->text[at])) return 0;
  size_t unit_start = ibid_skip_space(s->text, s->length, at);
  if (unit_start - at > 4) return 0;
  /* a unit ("day", "week", "month", "year") must follow before the amount
  ** is read (most words are followed by none) */
  char u = unit_start < s->length ? s->text[unit_start] : 0;
  if (u != 'd' && u != 'w' && u != 'm' && u != 'y') return 0;
  int amount = n ? small_number(s->text + i, n) : number_at(s, i, at - i);
  if (!amount) return 0;
  size_t unit_n = ibid_word_length(s->text, s->length, unit_start);
  const char *unit_word = s->text + unit_start;
  char unit = 0;
  if (unit_n >= 3 && memcmp(unit_word, "day", 3) == 0) unit = 'd';
  if (unit_n >= 4 && memcmp(unit_word, "week", 4) == 0) unit = 'w';
  if (unit_n >= 5 && memcmp(unit_word, "month", 5) == 0) unit = 'm';
  if (unit_n >= 4 && memcmp(unit_word, "year", 4) == 0) unit = 'y';
  if (!unit || unit_n > 6) return 0;
  size_t later = ibid_skip_space(s->text, s->length, unit_start + unit_n);
  if (!ibid_word_is(s->text, s->length, later, "later")) return 0;
  size_t end = later + 5;
  date d;
  if (!s->last.year || sentence_has_date_after(s, end) || !shift_date(s->last, amount, unit, &d))
    return end;
  add_event(s, d, i, end, 1);
  return end;
}

/* A parenthesis that holds nothing but a date ("(16 April 2016)", "(January
** 2015)", "(1999)"), or a place or name and a date ("(Atlanta, 15 March
** 2016)"), dates a source -- its publication -- not an event; the
** author-year parentheses come from the cite layer. Returns the offset after
** its ')' when the '(' at i opens one, else 0. Bounded: a date is short. */
static size_t date_parenthesis_end(const event_scan *s, size_t i) {
  int year = 0;
  size_t p = i + 1;
  /* a place or a source before the date: "(Atlanta, 15 March 2016)" */
  for (size_t q = p, words = 0; q < s->length && q - i < 60 && words < 4;) {
    size_t n = ibid_word_length(s->text, s->length, q);
    if (!n || !ibid_is_upper(s->text[q]) || ibid_month_of_word(s->text + q, n)) break;
    q += n;
    words++;
    if (q + 1 < s->length && s->text[q] == ',' && s->text[q + 1] == ' ') {
      p = q + 2;
      break;
    }
    if (q >= s->length || s->text[q] != ' ') break;
    q++;
  }
  for (; p < s->length && p - i < 80;) {
    char c = s->text[p];
    if (c == ')') return year ? p + 1 : 0;
    if (ibid_is_digit(c)) {
      size_t n = count_digits(s, p);
      if (n == 4)
        year = 1;
      else if (n > 2)
        return 0;
      p += n;
    } else if (ibid_is_alpha(c)) {
      size_t n = ibid_word_length(s->text, s->length, p);
      if (!ibid_month_of_word(s->text + p, n)) return 0;
      p += n;
    } else if (c == ' ' || c == ',' || c == '.' || c == '-') {
      p++;
    } else {
      return 0;
    }
  }
  return 0;
}

/* ----- the scan ------------------------------------------------------------------- */

/* Byte classes of the scan: SCAN_WORD, an ASCII letter or digit (SCAN_DIGIT
** a digit); SCAN_STOP, a byte the scan stops at (a letter, a digit or '(');
** SCAN_JOINS, a byte after which no word starts (a letter, a digit, '.',
** '/', ',' or a non-ASCII byte); SCAN_HYPHEN, '-'. */
#define SCAN_WORD 1
#define SCAN_STOP 2
#define SCAN_JOINS 4
#define SCAN_HYPHEN 8
#define SCAN_DIGIT 16
static const unsigned char scan_classes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4, 8, 4, 4, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23,
    0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,  7,  7,  7,  7,  7,  7,  7,  7,  7,
    7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,  7,  7,  7,  7,  7,  7,  7,  7,  7,
    7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,  4,  4,  4,  4,
};

/* (n: the letters of the word at i, ibid_word_length) */
static size_t match_date(event_scan *s, size_t i, size_t n) {
  date d;
  size_t end;
  char c = s->text[i];
  if (ibid_is_digit(c)) {
    if ((end = day_month_year(s, i, &d))) {
      add_event(s, d, i, end, 0);
      return end;
    }
    int year = year_at(s, i);
    if (year) {
      if (year_has_cue(s, i)) add_event(s, (date){year, 0, 0}, i, i + 4, 0);
      return i + 4;
    }
    if ((end = match_relative(s, i, n))) return end;
    return 0;
  }
  /* (ibid_month_of_word reads words of 3 to 9 letters only, with a month's
  ** capital) */
  if (n >= 3 && n <= 9 && ibid_is_month_initial(c) && (end = month_year_of_length(s, i, n, &d))) {
    add_event(s, d, i, end, 0);
    return end;
  }
  /* (small_number reads no word of 2 or more than 6 letters: no amount) */
  if (n == 2 || n > 6) return 0;
  return match_relative(s, i, n);
}

int ibid_find_events(const char *text, size_t length, ibid_event **events, size_t *count) {
  ibid_layers layers;
  int rc =
      ibid_layers_build(NULL, text, length, IBID_LAYERS_SENTENCES | IBID_LAYERS_CITES, &layers);
  if (rc == 0)
    rc = ibid_find_events_layers(&layers, events, count);
  else {
    *events = NULL;
    *count = 0;
  }
  ibid_layers_free(&layers);
  return rc;
}

int ibid_find_events_layers(const ibid_layers *layers, ibid_event **events, size_t *count) {
  return ibid_find_events_progress(layers, NULL, events, count);
}

int ibid_find_events_progress(const ibid_layers *layers, ibid_progress *progress,
                              ibid_event **events, size_t *count) {
  *events = NULL;
  *count = 0;
  event_scan s;
  memset(&s, 0, sizeof(s));
  const char *text = layers->text;
  size_t length = layers->length;
  s.text = text;
  s.length = length;
  const size_t *sentences = layers->sentence_starts, *citations = layers->cite_spans;
  size_t citation_count = layers->cite_span_count;
  s.sentence_count = layers->sentence_count;
  s.sentences = sentences;
  size_t citation = 0; /* index of the next citation span */
  size_t counted = 0;  /* bytes of the scan counted on progress */
  /* the next progress count or citation, whichever first: before it no
  ** step is due and no citation starts, so those tests wait for it */
  size_t limit = 0;
  s.later_from = NO_LATER; /* (nothing searched yet) */
  s.later_at = NO_LATER;
  for (size_t i = 0; i < length && !s.failed;) {
    if (i >= limit) {
      if (i >= counted + 4096) { /* every few thousand bytes: cheap, and soon enough to stop */
        if (ibid_progress_step(progress, i - counted)) break;
        counted = i;
      }
      while (citation < citation_count && citations[2 * citation + 1] <= i) citation++;
      if (citation < citation_count && citations[2 * citation] <= i) {
        i = citations[2 * citation + 1];
        continue;
      }
      limit = counted + 4096 < length ? counted + 4096 : length;
      if (citation < citation_count && citations[2 * citation] < limit)
        limit = citations[2 * citation];
    }
    char c = text[i];
    unsigned char k = scan_classes[(unsigned char)c];
    if (c == '(') {
      size_t end = date_parenthesis_end(&s, i);
      i = end ? end : i + 1;
      continue;
    }
    if (!(k & SCAN_WORD)) {
      /* no date starts at a space or punctuation: on to the next letter,
      ** digit or '(' */
      for (i++; i < limit && !(scan_classes[(unsigned char)text[i]] & SCAN_STOP); i++) {
      }
      continue;
    }
    /* A word starts after no letter, digit, '.', '/', ',' or non-ASCII
    ** byte, and after a '-' only in "mid-"; an en or em dash is a boundary:
    ** "31 May–11 June 2010". */
    unsigned char before = i > 0 ? scan_classes[(unsigned char)text[i - 1]] : 0;
    int boundary = 1;
    if (before & SCAN_HYPHEN)
      boundary = i >= 4 && memcmp(text + i - 4, "mid-", 4) == 0;
    else if (before & SCAN_JOINS)
      boundary = i >= 3 && (unsigned char)text[i - 3] == 0xE2 &&
                 (unsigned char)text[i - 2] == 0x80 &&
                 ((unsigned char)text[i - 1] == 0x93 || (unsigned char)text[i - 1] == 0x94);
    if (!boundary) {
      /* the letters and digits after it follow a letter or digit: no
      ** boundary either */
      for (i++; i < limit && (scan_classes[(unsigned char)text[i]] & SCAN_WORD); i++) {
      }
      continue;
    }
    /* A word that cannot begin a month's name nor a relative date (most
    ** words) begins no date ... */
    if (!(k & SCAN_DIGIT) && !ibid_is_month_initial(c) && !may_be_relative(&s, i)) {
      /* ... nor do the words after it before the next digit, '(' or month's
      ** capital, nor those more than 16 bytes before the white space before
      ** the next "later" (may_be_relative): on to the first of these. The
      ** scan reads a byte the same wherever it comes from (the bytes before
      ** tell a boundary), and what lies between is passed by. */
      size_t stop = limit;
      if (s.later_at != NO_LATER && s.later_space - 16 < stop) stop = s.later_space - 16;
      i = next_date_byte(text, i + 1, stop);
      continue;
    }
    /* (a digit is no letter: no word) */
    size_t n = (k & SCAN_DIGIT) ? 0 : ibid_word_length(text, length, i);
    size_t end = match_date(&s, i, n);
    if (end > i) {
      i = end;
    } else {
      if (!n) n = count_digits(&s, i);
      i += n ? n : 1;
    }
  }
  if (s.failed || ibid_progress_stopped(progress)) {
    ibid_free(s.items);
    return s.failed ? -1 : 1;
  }
  for (size_t k = 0; k < s.count; k++) {
    size_t start, end;
    ibid_sentence_at(sentences, s.sentence_count, length, s.items[k].start, &start, &end);
    while (end > start && ibid_is_space(text[end - 1])) end--;
    s.items[k].sentence_start = start;
    s.items[k].sentence_length = end - start;
    s.items[k].sentence = ibid_sentence_number(sentences, s.sentence_count, s.items[k].start);
  }
  *events = s.items;
  *count = s.count;
  return 0;
}
