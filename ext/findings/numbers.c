/*
** numbers.c -- text scanning shared by the fact extractors. See numbers.h.
**
** Everything here is a single left-to-right pass or a local look at a few
** bytes around an offset, so the extractors stay linear on 50 MB inputs.
*/
#include "numbers.h"

#include "sentences.h"

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

size_t ibid_word_length(const char *text, size_t length, size_t offset) {
  size_t end = offset;
  while (end < length) {
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

int ibid_numbers_dot_groups_thousands(const char *text, size_t length) {
  size_t dot_groups = 0, comma_groups = 0;
  for (size_t i = 0; i < length; i++) {
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
  if (word_length < 3 || word_length > 9 || !ibid_is_upper(text[0])) return 0;
  char lower[10];
  for (size_t i = 0; i < word_length; i++) {
    char c = text[i];
    if (!ibid_is_alpha(c)) return 0;
    lower[i] = (char)(ibid_is_upper(c) ? c - 'A' + 'a' : c);
  }
  for (int m = 0; m < 12; m++) {
    size_t n = strlen(names[m]);
    if (word_length == n && memcmp(lower, names[m], n) == 0) return m + 1;
    /* Abbreviations: the first three letters, and "Sept". */
    if (word_length == 3 && memcmp(lower, names[m], 3) == 0) return m + 1;
    if (m == 8 && word_length == 4 && memcmp(lower, "sept", 4) == 0) return m + 1;
  }
  return 0;
}

/* ----- sentences ---------------------------------------------------------- */

/* Words after which a period does not end a sentence. */
static int is_abbreviation(const char *word, size_t n) {
  static const char *const list[] = {
      "e.g",  "i.e",  "cf",  "al",  "Mr",   "Mrs",  "Ms",  "Dr",   "Prof",   "No",    "no",
      "Nos",  "vol",  "Vol", "pp",  "p",    "art",  "Art", "arts", "para",   "paras", "ch",
      "Ch",   "ed",   "eds", "Inc", "Ltd",  "St",   "vs",  "v",    "Jan",    "Feb",   "Mar",
      "Apr",  "Jun",  "Jul", "Aug", "Sep",  "Sept", "Oct", "Nov",  "Dec",    "Rev",   "Doc",
      "Res",  "Gen",  "Col", "Sen", "Rep",  "Gov",  "U.S", "U.N",  "UN",     "n.d",   "Ord",
      "Exec", "Supp", "op",  "cit", "ibid", "Ibid", "fig", "Fig",  "approx", "etc."};
  if (n == 1 && ibid_is_upper(word[0])) return 1; /* an initial: "M. Cherif" */
  for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
    if (list[i][0] == word[0] && strlen(list[i]) == n && memcmp(list[i], word, n) == 0) return 1;
  return 0;
}

/* Bytes of a closing quote or bracket at offset (’ ” " ' ) ]), or 0. */
static size_t closer_at(const char *text, size_t length, size_t offset) {
  char c = text[offset];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (offset + 2 < length && (unsigned char)c == 0xE2 && (unsigned char)text[offset + 1] == 0x80 &&
      ((unsigned char)text[offset + 2] == 0x99 || (unsigned char)text[offset + 2] == 0x9D))
    return 3;
  return 0;
}

static size_t opener_at(const char *text, size_t length, size_t offset) {
  char c = text[offset];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  if (offset + 2 < length && (unsigned char)c == 0xE2 && (unsigned char)text[offset + 1] == 0x80 &&
      ((unsigned char)text[offset + 2] == 0x98 || (unsigned char)text[offset + 2] == 0x9C))
    return 3;
  return 0;
}

static int starts_sentence(const char *text, size_t length, size_t offset) {
  if (offset >= length) return 0;
  size_t open = opener_at(text, length, offset);
  if (open && offset + open < length) offset += open;
  char c = text[offset];
  if (ibid_is_upper(c) || ibid_is_digit(c)) return 1;
  if ((unsigned char)c >= 0xC3 && (unsigned char)c <= 0xC5)
    return 1; /* accented capital, roughly */
  return 0;
}

int ibid_simple_sentences(const char *text, size_t length, size_t **starts, size_t *count) {
  size_t capacity = 64, n = 0;
  size_t *list = ibid_malloc(capacity * sizeof(size_t));
  if (!list) return -1;
  list[n++] = 0;
  for (size_t i = 0; i < length; i++) {
    char c = text[i];
    if (c != '.' && c != '?' && c != '!') continue;
    size_t after = i + 1;
    while (after < length && closer_at(text, length, after))
      after += closer_at(text, length, after);
    if (after >= length || !ibid_is_space(text[after])) continue;
    size_t next = ibid_skip_space(text, length, after);
    if (!starts_sentence(text, length, next)) continue;
    if (c == '.') {
      size_t word_end = i, word_start = i;
      while (word_start > 0 && (ibid_is_alpha(text[word_start - 1]) || text[word_start - 1] == '.'))
        word_start--;
      if (word_end > word_start && is_abbreviation(text + word_start, word_end - word_start))
        continue;
    }
    if (n == capacity) {
      size_t *grown = ibid_realloc(list, capacity * 2 * sizeof(size_t));
      if (!grown) {
        ibid_free(list);
        return -1;
      }
      list = grown;
      capacity *= 2;
    }
    list[n++] = next;
    i = next - 1;
  }
  *starts = list;
  *count = n;
  return 0;
}

int ibid_layer_sentences(struct ibid_sentence_splitter *splitter, const char *text, size_t length,
                         size_t **starts, size_t *count, int *numbered) {
  *starts = NULL;
  *count = 0;
  *numbered = 0;
  ibid_sentence_splitter *own = splitter ? NULL : ibid_sentence_splitter_new();
  ibid_sentence *sentences = NULL;
  size_t sentence_count = 0;
  int rc = splitter || own ? ibid_split_sentences(splitter ? splitter : own, text, length,
                                                  &sentences, &sentence_count)
                           : -2;
  ibid_sentence_splitter_free(own);
  if (rc == -1) return -1;
  if (rc != 0 || sentence_count == 0) {
    ibid_free(sentences);
    return ibid_simple_sentences(text, length, starts, count);
  }
  size_t *list = ibid_malloc(sentence_count * sizeof(size_t));
  if (!list) {
    ibid_free(sentences);
    return -1;
  }
  for (size_t k = 0; k < sentence_count; k++) list[k] = sentences[k].start;
  ibid_free(sentences);
  *starts = list;
  *count = sentence_count;
  *numbered = 1;
  return 0;
}

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

/* ----- citation parentheses ------------------------------------------------ */

/* A year: four digits 1500-2099 not part of a longer number. */
static int year_at(const char *text, size_t length, size_t offset) {
  if (digits_at(text, length, offset) != 4) return 0;
  if (offset > 0 && ibid_is_digit(text[offset - 1])) return 0;
  int year = (text[offset] - '0') * 1000 + (text[offset + 1] - '0') * 100 +
             (text[offset + 2] - '0') * 10 + (text[offset + 3] - '0');
  return year >= 1500 && year <= 2099;
}

/* Why a parenthesis is a citation: an author-year part (", 2015", ", n.d."),
** a locator ("2015: 4", "205: 135"), or nothing but a date ("(16 April 2016)",
** "(1999)", "(January 2015)"). Prose in parentheses has none of these. */
static int is_citation(const char *text, size_t length, size_t open, size_t close) {
  size_t words = 0, other_words = 0;
  int has_year = 0;
  for (size_t i = open + 1; i < close; i++) {
    char c = text[i];
    if (c == ',' && i + 2 < close) {
      size_t next = ibid_skip_space(text, length, i + 1);
      if (next < close && year_at(text, length, next)) return 1;
      if (next + 4 <= close && memcmp(text + next, "n.d.", 4) == 0) return 1;
      if (next < close && ibid_is_digit(text[next])) {
        size_t d = next + digits_at(text, length, next);
        size_t w = ibid_skip_space(text, length, d);
        if (w < close && ibid_month_of_word(text + w, ibid_word_length(text, length, w))) return 1;
      }
    }
    if (ibid_is_digit(c) && (i == open + 1 || !ibid_is_digit(text[i - 1]))) {
      size_t d = i + digits_at(text, length, i);
      if (d + 1 < close && text[d] == ':' && (ibid_is_digit(text[d + 1]) || text[d + 1] == ' '))
        return 1;
      if (year_at(text, length, i)) has_year = 1;
    }
    if (ibid_is_alpha(c) && (i == open + 1 || !ibid_is_alpha(text[i - 1]))) {
      size_t n = ibid_word_length(text, length, i);
      words++;
      if (!ibid_month_of_word(text + i, n)) other_words++;
    }
  }
  (void)words;
  return has_year && other_words == 0;
}

int ibid_citation_parentheses(const char *text, size_t length, size_t **spans, size_t *count) {
  size_t capacity = 32, n = 0;
  size_t *list = ibid_malloc(capacity * 2 * sizeof(size_t));
  if (!list) return -1;
  /* Only outermost parentheses of at most 400 bytes: a stray '(' must not
  ** swallow the rest of the document. */
  size_t open = 0;
  int depth = 0;
  for (size_t i = 0; i < length; i++) {
    char c = text[i];
    if (c == '(') {
      if (depth == 0) open = i;
      depth++;
    } else if (c == ')' && depth > 0) {
      depth--;
      if (depth == 0 && is_citation(text, length, open, i)) {
        if (n == capacity) {
          size_t *grown = ibid_realloc(list, capacity * 4 * sizeof(size_t));
          if (!grown) {
            ibid_free(list);
            return -1;
          }
          list = grown;
          capacity *= 2;
        }
        list[2 * n] = open;
        list[2 * n + 1] = i + 1;
        n++;
      }
    }
    if (depth > 0 && i - open > 400) depth = 0; /* a stray '(': forget it, never rescan */
  }
  *spans = list;
  *count = n;
  return 0;
}

int ibid_in_spans(const size_t *spans, size_t count, size_t offset) {
  size_t low = 0, high = count; /* first span that ends after offset */
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (spans[2 * middle + 1] <= offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low < count && spans[2 * low] <= offset;
}
