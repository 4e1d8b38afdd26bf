/*
** claims.c -- quantitative claims and their arithmetic checks. See claims.h.
**
** HOW IT WORKS
** One pass finds every number written with digits (and "two million"-style
** number words with a scale): it goes from digit to digit, sixteen bytes at a
** time, and reads the words only just before a scale word. A number is NOT a
** claim when it is a year, a day of a month, a note or list label at the
** start of a line, an enumerator "(2)", a locator ("p. 12", "2015: 120"), a
** document number ("resolution 1593", "Article 16", "Figure 2"), or inside a
** citation parenthesis. The document's digit grouping is detected once for
** the whole text ("3.300" is 3300 where dots group thousands). The unit is
** the short noun phrase after the number, up to a preposition or
** punctuation ("per month" is kept).
**
** Checks, within one sentence (or the one before it for the two values):
** - a percentage near "increase"/"decrease"/... versus the change computed
**   from "from A ... to B";
** - a number after "total" followed by ':' versus the sum of the following
**   numbers of the same unit.
*/
#include "claims.h"

#include <string.h>

#include "memory.h"
#include "numbers.h"

typedef struct claim_list {
  ibid_claim *items;
  size_t count, capacity;
} claim_list;

static ibid_claim *claim_push(claim_list *list) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 32;
    ibid_claim *grown = ibid_realloc(list->items, capacity * sizeof(ibid_claim));
    if (!grown) return NULL;
    list->items = grown;
    list->capacity = capacity;
  }
  ibid_claim *claim = &list->items[list->count++];
  memset(claim, 0, sizeof(*claim));
  return claim;
}

const char *ibid_claim_check_name(ibid_claim_check check) {
  switch (check) {
    case IBID_CLAIM_CONSISTENT:
      return "consistent";
    case IBID_CLAIM_INCONSISTENT:
      return "inconsistent";
    default:
      return NULL;
  }
}

/* ----- what comes before and after a number ------------------------------ */

static int word_in(const char *word, size_t n, const char *const *list, size_t list_count) {
  for (size_t i = 0; i < list_count; i++)
    if (list[i][0] == word[0] && strlen(list[i]) == n && memcmp(list[i], word, n) == 0) return 1;
  return 0;
}

/* Words that make the following number a label or locator, not a quantity. */
static int is_label_word(const char *word, size_t n) {
  static const char *const list[] = {
      "resolution", "Resolution", "resolutions", "Resolutions", "UNSCR",     "Article",
      "Articles",   "article",    "articles",    "art.",        "Art.",      "arts.",
      "paragraph",  "paragraphs", "para.",       "paras.",      "p.",        "pp.",
      "page",       "pages",      "note",        "notes",       "n.",        "Case",
      "Figure",     "Fig.",       "Table",       "Chapter",     "chapter",   "No.",
      "no.",        "Nos.",       "vol.",        "Vol.",        "volume",    "Volume",
      "section",    "Section",    "Room",        "Session",     "session",   "Annex",
      "Rule",       "Rules",      "rule",        "Regulation",  "Principle", "Part",
      "Box",        "Appendix",   "footnote",    "Chamber",     "Protocol",  "Draft",
      "Res.",       "Doc.",       "Decision",    "Question",    "Step",      "Phase",
      "Level",      "Group",      "Meeting",     "Issue",       "Issues",    "issue",
      "Number",     "number",     "Report",      "Edition",     "edn",       "Highway",
      "Street",     "Road",       "Box",         "Paper",       "Volume",    "Book",
      "Series",     "Q",          "Version",     "version",     "Rev.",      "Supp.",
      "Add.",       "Corr.",      "Para",        "Sec.",        "Sect.",     "No",
      "Nos"};
  return word_in(word, n, list, sizeof(list) / sizeof(list[0]));
}

static int is_stop_word(const char *word, size_t n) {
  static const char *const list[] = {
      "in",     "of",     "on",      "at",    "to",      "from",    "for",        "with",
      "within", "by",     "and",     "or",    "but",     "the",     "a",          "an",
      "that",   "which",  "who",     "since", "as",      "than",    "is",         "are",
      "was",    "were",   "had",     "have",  "has",     "be",      "been",       "will",
      "would",  "could",  "can",     "may",   "this",    "these",   "those",      "its",
      "their",  "his",    "her",     "into",  "over",    "under",   "until",      "during",
      "after",  "before", "between", "among", "against", "through", "throughout", "each",
      "every",  "if",     "when",    "where", "while",   "not",     "did",        "do",
      "does",   "also",   "still",   "only",  "about",   "per",     "including",  "across",
      "such",   "like",   "whose",   "whom",  "what",    "then",    "there"};
  return word_in(word, n, list, sizeof(list) / sizeof(list[0]));
}

/* 1 when only white space separates offset from the start of its line. */
static int at_line_start(const char *text, size_t offset) {
  while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t')) offset--;
  return offset == 0 || text[offset - 1] == '\n' || text[offset - 1] == '\r';
}

static size_t en_dash_at(const char *text, size_t length, size_t offset) {
  if (offset < length && text[offset] == '-') return 1;
  if (offset + 2 < length && (unsigned char)text[offset] == 0xE2 &&
      (unsigned char)text[offset + 1] == 0x80 &&
      ((unsigned char)text[offset + 2] == 0x93 || (unsigned char)text[offset + 2] == 0x94))
    return 3;
  return 0;
}

/* Multiplier of a scale word at offset ("million"), with its length. */
static double scale_at(const char *text, size_t length, size_t offset, size_t *word_length) {
  size_t n = ibid_word_length(text, length, offset);
  *word_length = n;
  if (n == 7 && memcmp(text + offset, "million", 7) == 0) return 1e6;
  if (n == 7 && memcmp(text + offset, "billion", 7) == 0) return 1e9;
  if (n == 8 && memcmp(text + offset, "thousand", 8) == 0) return 1e3;
  return 0;
}

/* Value of a number word ("two", "twenty-six" is not read), or 0. */
static int number_word_value(const char *word, size_t n) {
  static const char *const list[] = {"one",     "two",       "three",    "four",     "five",
                                     "six",     "seven",     "eight",    "nine",     "ten",
                                     "eleven",  "twelve",    "thirteen", "fourteen", "fifteen",
                                     "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  /* called for every word: the length (3 to 9) and the first letter (e, f,
  ** n, o, s, t) rule out most at once */
  if (n < 3 || n > 9) return 0;
  char first = (char)(ibid_is_upper(word[0]) ? word[0] - 'A' + 'a' : word[0]);
  if (!ibid_is_lower(first)) return 0;
  /* the entries of each length and of each first letter (bit i: list[i]),
  ** tried in list order */
  static const uint32_t of_length[10] = {0x00000, 0x00000, 0x00000, 0x00223, 0x00118,
                                         0x000C4, 0x80C00, 0x0C000, 0x63000, 0x10000};
  static const uint32_t of_first[26] = {['e' - 'a'] = 0x20480, ['f' - 'a'] = 0x06018,
                                        ['n' - 'a'] = 0x40100, ['o' - 'a'] = 0x00001,
                                        ['s' - 'a'] = 0x18060, ['t' - 'a'] = 0x81A06};
  for (uint32_t entries = of_length[n] & of_first[first - 'a']; entries; entries &= entries - 1) {
    int i = __builtin_ctz(entries); /* its first letter is `first`: the rest compared in place */
    size_t k = 1;
    while (k < n && list[i][k] == (char)(ibid_is_upper(word[k]) ? word[k] - 'A' + 'a' : word[k]))
      k++;
    if (k == n) return i + 1;
  }
  return 0;
}

/* Lowercase roman numerals of i, v and x only ("vi", "xiii"). */
static int is_roman_numeral(const char *word, size_t n) {
  if (n > 6) return 0;
  for (size_t k = 0; k < n; k++)
    if (word[k] != 'i' && word[k] != 'v' && word[k] != 'x') return 0;
  return 1;
}

/* Appends the unit phrase that starts at offset; returns where it ends
** (offset when there is none). */
static size_t read_unit(const char *text, size_t length, size_t offset, char *unit) {
  size_t used = strlen(unit), end = offset, at = offset;
  int words = 0;
  while (words < 5) {
    size_t word_start = ibid_skip_space(text, length, at);
    if (word_start > at + 2) {
      /* A line break (and the blank line of PDF text) inside a phrase is fine;
      ** a wider gap is layout: a page number in a table of contents. */
      size_t newlines = 0;
      for (size_t k = at; k < word_start; k++) newlines += text[k] == '\n';
      if (newlines > 2 || word_start - at > 8) break;
    }
    if (word_start == at && words > 0) break;
    size_t n = 0;
    /* A word: letters and inner hyphens ("battle-related", "decision-makers"). */
    for (;;) {
      size_t letters = ibid_word_length(text, length, word_start + n);
      if (!letters) break;
      n += letters;
      if (word_start + n + 1 < length && text[word_start + n] == '-') {
        /* "semi-\nstructured": a hyphen at a line break joins the halves. */
        size_t resume = ibid_skip_space(text, length, word_start + n + 1);
        if (resume < length && ibid_is_lower(text[resume]) &&
            (resume == word_start + n + 1 ||
             memchr(text + word_start + n + 1, '\n', resume - word_start - n - 1))) {
          n = resume - word_start;
          continue;
        }
        break;
      }
      break;
    }
    if (!n) break;
    const char *word = text + word_start;
    if (words == 0 && is_roman_numeral(word, n)) break; /* "192 xiii" in a contents list */
    if (n == 3 && memcmp(word, "per", 3) == 0) {
      size_t next = ibid_skip_space(text, length, word_start + 3);
      size_t next_n = ibid_word_length(text, length, next);
      if (!next_n || is_stop_word(text + next, next_n)) break;
      n = next - word_start + next_n;
    } else if (is_stop_word(word, n) || ibid_month_of_word(word, n)) {
      break;
    } else if (words > 0 && n > 3 && memcmp(word + n - 2, "ed", 2) == 0) {
      break; /* a participle after the noun: "Yemenis trapped in" */
    }
    if (used + n + 2 >= IBID_CLAIM_UNIT_SIZE) break;
    if (used) unit[used++] = ' ';
    for (size_t k = 0; k < n; k++) {
      char c = word[k];
      if (ibid_is_space(c)) {
        if (unit[used - 1] != ' ' && unit[used - 1] != '-') unit[used++] = ' ';
      } else {
        unit[used++] = c;
      }
    }
    unit[used] = 0;
    end = word_start + n;
    at = end;
    words++;
    /* Punctuation ends the phrase. */
    if (at < length && !ibid_is_space(text[at])) break;
  }
  return end;
}

/* The claim's value, unit and end, from the number (or number word) at
** [number_start, number_end) of value `value`. Returns the end of the claim. */
static size_t finish_claim(const char *text, size_t length, size_t number_end, double *value,
                           char *unit) {
  size_t at = number_end, word_length;
  size_t next = ibid_skip_space(text, length, at);
  double scale = next < length ? scale_at(text, length, next, &word_length) : 0;
  if (scale > 0) {
    *value *= scale;
    at = next + word_length;
    next = ibid_skip_space(text, length, at);
  }
  unit[0] = 0;
  if (at < length && text[at] == '%') {
    strcpy(unit, "%");
    return at + 1;
  }
  if (next + 8 <= length && (memcmp(text + next, "per cent", 8) == 0)) {
    strcpy(unit, "%");
    return next + 8;
  }
  if (next + 7 <= length && memcmp(text + next, "percent", 7) == 0) {
    strcpy(unit, "%");
    return next + 7;
  }
  size_t end = read_unit(text, length, at, unit);
  return end > at ? end : at;
}

/* ----- the scan ------------------------------------------------------------- */

typedef struct scan {
  const char *text;
  size_t length;
  int dot_thousands;
  const size_t *citations;
  size_t citation_count;
} scan;

/* Why the number at [start, end) is not a quantity (see the file comment). */
static int is_excluded_number(const scan *s, size_t start, size_t end, double value, int grouped) {
  const char *text = s->text;
  size_t length = s->length;
  if (end < length && (ibid_is_alpha(text[end]) || text[end] == '/')) return 1; /* 2nd, 2005a */
  if (end + 3 <= length && text[end] == ' ' && /* "4 th edn": a superscript ordinal in PDF text */
      ((text[end + 1] == 't' && text[end + 2] == 'h') ||
       (text[end + 1] == 's' && text[end + 2] == 't') ||
       (text[end + 1] == 'n' && text[end + 2] == 'd') ||
       (text[end + 1] == 'r' && text[end + 2] == 'd')) &&
      (end + 3 == length || !ibid_is_alpha(text[end + 3])))
    return 1;
  if (end < length && text[end] == ':') return 1; /* 2015: 120 */
  if (end + 1 < length && text[end] == '.' && ibid_is_digit(text[end + 1])) return 1;
  if (!grouped && end - start == 4 && value >= 1500 && value <= 2099) return 1; /* a year */
  if (start > 0 && text[start - 1] == '(' && end < length && text[end] == ')') return 1;
  if (ibid_in_spans(s->citations, s->citation_count, start)) return 1;
  if (at_line_start(text, start)) {
    size_t next = ibid_skip_space(text, length, end);
    if (end == length || text[end] == '.' || text[end] == ')' ||
        (next < length && (ibid_is_upper(text[next]) || (unsigned char)text[next] == 0xE2)))
      return 1; /* a note or list label */
  }
  size_t next = ibid_skip_space(text, length, end);
  if (next < length && ibid_month_of_word(text + next, ibid_word_length(text, length, next)))
    return 1; /* a day: "31 March" */
  size_t word_end, word_start = ibid_previous_word(text, start, &word_end);
  if (word_end < word_start + 1) return 0;
  /* Only a word directly before the number (white space between) counts. */
  for (size_t k = word_end; k < start; k++)
    if (!ibid_is_space(text[k])) return 0;
  const char *word = text + word_start;
  size_t n = word_end - word_start;
  if (is_label_word(word, n)) return 1;
  if (ibid_month_of_word(word, n) ||
      (n > 1 && word[n - 1] == '.' && ibid_month_of_word(word, n - 1)))
    return 1; /* "July 14" */
  return 0;
}

/* Adds the claim at [start, end) when it passes the exclusions. */
static int add_claim(claim_list *list, const scan *s, size_t start, size_t end, double value,
                     const char *unit) {
  ibid_claim *claim = claim_push(list);
  if (!claim) return -1;
  claim->start = start;
  claim->length = end - start;
  claim->value = value;
  memcpy(claim->unit, unit, IBID_CLAIM_UNIT_SIZE);
  (void)s;
  return 0;
}

/* The currency symbol written right before offset ("$", "€", "£"), or NULL. */
static const char *currency_before(const char *text, size_t offset) {
  if (offset >= 1 && text[offset - 1] == '$') return "$";
  if (offset >= 3 && (unsigned char)text[offset - 3] == 0xE2 &&
      (unsigned char)text[offset - 2] == 0x82 && (unsigned char)text[offset - 1] == 0xAC)
    return "€";
  if (offset >= 2 && (unsigned char)text[offset - 2] == 0xC2 &&
      (unsigned char)text[offset - 1] == 0xA3)
    return "£";
  return NULL;
}

/* A number written with digits at i; returns where scanning resumes. */
static size_t scan_digits(claim_list *list, const scan *s, size_t i, int *failed) {
  const char *text = s->text;
  size_t length = s->length;
  double value;
  int grouped;
  size_t n = ibid_number_read(text, length, i, s->dot_thousands, &value, &grouped);
  size_t end = i + n;
  /* A range "50-70%", "4 to 5 days": both ends share the unit of the second. */
  size_t dash = en_dash_at(text, length, end), second = 0;
  if (dash && end + dash < length && ibid_is_digit(text[end + dash])) {
    second = end + dash;
  } else if (end + 4 < length && memcmp(text + end, " to ", 4) == 0 &&
             ibid_is_digit(text[end + 4])) {
    second = end + 4;
  }
  if (is_excluded_number(s, i, end, value, grouped)) {
    /* A year range "2003-04" or "2011-2015" is skipped whole. */
    if (second && dash) {
      size_t skip = second;
      while (skip < length && ibid_is_digit(text[skip])) skip++;
      return skip;
    }
    return end;
  }
  char unit[IBID_CLAIM_UNIT_SIZE];
  if (second) {
    double second_value;
    int second_grouped;
    size_t second_n =
        ibid_number_read(text, length, second, s->dot_thousands, &second_value, &second_grouped);
    size_t second_end = second + second_n;
    if (is_excluded_number(s, second, second_end, second_value, second_grouped)) return second_end;
    size_t claim_end = finish_claim(text, length, second_end, &second_value, unit);
    size_t scale_length;
    size_t after = ibid_skip_space(text, length, second_end);
    double scale = after < length ? scale_at(text, length, after, &scale_length) : 0;
    if (scale > 0) value *= scale;
    if (!second_grouped && !grouped && scale == 0 && !ibid_is_lower(unit[0]) &&
        strcmp(unit, "%") != 0)
      return claim_end; /* "pp. 101-127", see scan_digits */
    if (add_claim(list, s, i, end, value, unit) ||
        add_claim(list, s, second, claim_end, second_value, unit)) {
      *failed = 1;
      return length;
    }
    return claim_end;
  }
  double written = value;
  size_t claim_end = finish_claim(text, length, end, &value, unit);
  const char *currency = currency_before(text, i);
  if (currency && (!unit[0] || !ibid_is_lower(unit[0]))) {
    strcpy(unit, currency); /* "€170 million": the currency is the unit */
    claim_end = end;
    size_t scale_length, next = ibid_skip_space(text, length, end);
    if (next < length && scale_at(text, length, next, &scale_length) > 0)
      claim_end = next + scale_length;
    i -= strlen(currency);
    grouped = 1; /* keep it: money is a quantity */
  }
  /* Without a unit only a grouped or scaled number ("150.000") is a quantity;
  ** a bare "352" in a reference is a volume or page. A capitalised "unit"
  ** is a name ("35 Stirling Highway", "169 F. Supp."). */
  if (!grouped && value == written && (unit[0] == 0 || !ibid_is_lower(unit[0])) &&
      strcmp(unit, "%") != 0)
    return claim_end;
  if (add_claim(list, s, i, claim_end, value, unit)) {
    *failed = 1;
    return length;
  }
  return claim_end;
}

/* A number word with a scale at i ("two million Yemenis"); returns where
** scanning resumes (i + 1 when there is no claim). */
static size_t scan_number_word(claim_list *list, const scan *s, size_t i, int *failed) {
  size_t n = ibid_word_length(s->text, s->length, i);
  int word_value = number_word_value(s->text + i, n);
  if (!word_value) return i + n;
  size_t next = ibid_skip_space(s->text, s->length, i + n), scale_length;
  if (next >= s->length || scale_at(s->text, s->length, next, &scale_length) == 0) return i + n;
  if (ibid_in_spans(s->citations, s->citation_count, i)) return i + n;
  double value = word_value;
  char unit[IBID_CLAIM_UNIT_SIZE];
  size_t claim_end = finish_claim(s->text, s->length, i + n, &value, unit);
  if (add_claim(list, s, i, claim_end, value, unit)) {
    *failed = 1;
    return s->length;
  }
  return claim_end;
}

/* ----- checks --------------------------------------------------------------- */

static int contains_word(const char *text, size_t start, size_t end, const char *const *words,
                         size_t word_count) {
  for (size_t i = start; i < end; i++) {
    if (!ibid_is_alpha(text[i]) || (i > start && ibid_is_alpha(text[i - 1]))) continue;
    size_t n = 0;
    while (i + n < end && ibid_is_alpha(text[i + n])) n++;
    char lower[24];
    if (n < sizeof(lower)) {
      for (size_t k = 0; k < n; k++)
        lower[k] = (char)(ibid_is_upper(text[i + k]) ? text[i + k] - 'A' + 'a' : text[i + k]);
      for (size_t w = 0; w < word_count; w++) {
        size_t wn = strlen(words[w]);
        if (n >= wn && memcmp(lower, words[w], wn) == 0) return 1; /* prefix: "increase(d)" */
      }
    }
    i += n;
  }
  return 0;
}

static const char *const rise_words[] = {"increase", "rise",  "rose",  "grew", "growth",
                                         "jump",     "climb", "doubl", "surge"};
static const char *const fall_words[] = {"decrease", "fall", "fell",   "drop", "declin",
                                         "reduc",    "cut",  "shrank", "lower"};

/* First claim index >= from whose start is at or after offset and that is not
** a percentage, within [.., end). */
static size_t next_value_claim(const ibid_claim *claims, size_t count, size_t from, size_t offset,
                               size_t end) {
  for (size_t k = from; k < count && claims[k].start < end; k++)
    if (claims[k].start >= offset && strcmp(claims[k].unit, "%") != 0) return k;
  return count;
}

/* "from A ... to B" inside [start, end): indexes of A and B, or 0. */
static int find_change(const char *text, const ibid_claim *claims, size_t count, size_t first,
                       size_t start, size_t end, size_t *a, size_t *b) {
  for (size_t i = start; i + 6 <= end; i++) {
    if (memcmp(text + i, "from ", 5) != 0 || (i > 0 && ibid_is_alpha(text[i - 1]))) continue;
    size_t ka = next_value_claim(claims, count, first, i, end);
    if (ka == count) return 0;
    for (size_t j = claims[ka].start + claims[ka].length; j + 4 <= end; j++) {
      if (memcmp(text + j, " to ", 4) != 0) continue;
      size_t kb = next_value_claim(claims, count, ka + 1, j, end);
      if (kb == count) return 0;
      *a = ka;
      *b = kb;
      return 1;
    }
    return 0;
  }
  return 0;
}

static size_t first_claim_at_or_after(const ibid_claim *claims, size_t count, size_t offset) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (claims[middle].start < offset)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}

static double absolute(double x) {
  return x < 0 ? -x : x;
}

/* Rounds to one decimal without libm (the unit tests link no -lm). */
static double round_to_tenth(double x) {
  double scaled = absolute(x) * 10 + 0.5;
  if (scaled > 9e15) return x;
  double rounded = (double)(long long)scaled / 10;
  return x < 0 ? -rounded : rounded;
}

static void check_percentage(const char *text, ibid_claim *claims, size_t count, size_t k,
                             const size_t *sentences, size_t sentence_count, size_t length) {
  ibid_claim *claim = &claims[k];
  size_t start = claim->sentence_start, end = start + claim->sentence_length;
  /* Look at most a few hundred bytes around the claim: linear on huge "sentences". */
  if (claim->start > start + 300) start = claim->start - 300;
  if (end > claim->start + 300) end = claim->start + 300;
  int rise =
      contains_word(text, start, end, rise_words, sizeof(rise_words) / sizeof(rise_words[0]));
  int fall =
      contains_word(text, start, end, fall_words, sizeof(fall_words) / sizeof(fall_words[0]));
  if (!rise && !fall) return;
  size_t a, b;
  size_t first = first_claim_at_or_after(claims, count, start);
  if (!find_change(text, claims, count, first, start, end, &a, &b)) {
    if (start == 0) return;
    size_t previous_start, previous_end;
    ibid_sentence_at(sentences, sentence_count, length, start - 1, &previous_start, &previous_end);
    if (previous_end > previous_start + 300) previous_start = previous_end - 300;
    first = first_claim_at_or_after(claims, count, previous_start);
    if (!find_change(text, claims, count, first, previous_start, previous_end, &a, &b)) return;
  }
  double from = claims[a].value, to = claims[b].value;
  if (from <= 0) return;
  double change = (to - from) / from * 100;
  if (fall && !rise) change = -change;
  double expected = round_to_tenth(change);
  claim->expected = expected;
  double tolerance = absolute(expected) * 0.02 > 0.5 ? absolute(expected) * 0.02 : 0.5;
  claim->check = absolute(claim->value - expected) <= tolerance ? IBID_CLAIM_CONSISTENT
                                                                : IBID_CLAIM_INCONSISTENT;
}

static void check_total(const char *text, ibid_claim *claims, size_t count, size_t k) {
  ibid_claim *claim = &claims[k];
  static const char *const total_words[] = {"total"};
  size_t sentence_end = claim->sentence_start + claim->sentence_length;
  /* The cheap test first: a total is followed by ':' or ", including". */
  size_t after = claim->start + claim->length;
  while (after < sentence_end && text[after] == ' ') after++;
  if (after >= sentence_end || (text[after] != ':' && !(after + 9 <= sentence_end &&
                                                        memcmp(text + after, ", includ", 8) == 0)))
    return;
  size_t look_from =
      claim->start > claim->sentence_start + 300 ? claim->start - 300 : claim->sentence_start;
  if (!contains_word(text, look_from, claim->start, total_words, 1)) return;
  double sum = 0;
  size_t parts = 0;
  for (size_t j = k + 1; j < count && j < k + 64 && claims[j].start < sentence_end; j++) {
    if (strcmp(claims[j].unit, claim->unit) != 0) break;
    sum += claims[j].value;
    parts++;
  }
  if (parts < 2) return;
  claim->expected = sum;
  claim->check = absolute(sum - claim->value) <= claim->value * 0.005 + 0.5
                     ? IBID_CLAIM_CONSISTENT
                     : IBID_CLAIM_INCONSISTENT;
}

/* ----- ratios, stated changes, factors and shares ------------------------------ */

/* A number written with digits that starts at text[at] (not inside a word):
** its value and end, or 0. */
static size_t number_at(const scan *s, size_t at, double *value) {
  if (at >= s->length || !ibid_is_digit(s->text[at])) return 0;
  if (at > 0 && (ibid_is_alpha(s->text[at - 1]) || ibid_is_digit(s->text[at - 1]))) return 0;
  int grouped;
  size_t n = ibid_number_read(s->text, s->length, at, s->dot_thousands, value, &grouped);
  if (!n) return 0;
  size_t end = at, scale_length;
  end += n;
  size_t next = ibid_skip_space(s->text, s->length, end);
  double scale = next < s->length ? scale_at(s->text, s->length, next, &scale_length) : 0;
  if (scale > 0) {
    *value *= scale;
    end = next + scale_length;
  }
  return end;
}

/* Does text[from, to) hold a digit? */
static int has_digit(const char *text, size_t from, size_t to) {
  for (size_t p = from; p < to; p++)
    if (ibid_is_digit(text[p])) return 1;
  return 0;
}

static void set_check(ibid_claim *claim, double expected, double tolerance) {
  claim->expected = round_to_tenth(expected);
  claim->check = absolute(claim->value - expected) <= tolerance ? IBID_CLAIM_CONSISTENT
                                                                : IBID_CLAIM_INCONSISTENT;
}

/* The whole first: "Of the 44 requests, 41 were executed (93%)", "Of 120
** groups surveyed, 84 reported stable cover, a share of 70%": a sentence that
** opens "Of (the) Y ...," then gives X (not itself a percentage) and, with
** nothing but words between, the percentage, compared with X / Y. */
static int check_whole_first(const scan *s, ibid_claim *claim, size_t sentence_start) {
  const char *t = s->text;
  if (claim->start - sentence_start > 300 || claim->start - sentence_start < 8 ||
      memcmp(t + sentence_start, "Of ", 3) != 0)
    return 0;
  size_t q = sentence_start + 3;
  if (memcmp(t + q, "the ", 4) == 0) q += 4;
  double x, y;
  size_t end_y = number_at(s, q, &y);
  if (!end_y || end_y >= claim->start || y <= 0) return 0;
  size_t comma = end_y;
  while (comma < claim->start && t[comma] != ',') comma++;
  if (comma >= claim->start || has_digit(t, end_y, comma)) return 0;
  size_t p = comma + 1;
  while (p < claim->start && !ibid_is_digit(t[p])) p++;
  size_t end_x = p < claim->start ? number_at(s, p, &x) : 0;
  if (!end_x || end_x >= claim->start || t[end_x] == '%' || x > y) return 0;
  if (claim->start - end_x > 90 || has_digit(t, end_x, claim->start)) return 0;
  set_check(claim, x / y * 100, 1.0);
  return 1;
}

/* "41 of 44 requests (83%)", "18 of 60 concessions, or 40%", "22 of 31
** requests were executed, a rate of 61%", "5 out of 16 teams (45%)": the
** percentage is compared with X / Y; consistent within one point (rounding). */
static int check_ratio(const scan *s, ibid_claim *claim, size_t sentence_start) {
  const char *t = s->text;
  size_t from = claim->start > sentence_start + 200 ? claim->start - 200 : sentence_start;
  size_t best_x = 0;
  double x = 0, y = 0;
  size_t y_end = 0;
  for (size_t p = from; p < claim->start; p++) {
    double vx, vy;
    size_t end_x = number_at(s, p, &vx);
    if (!end_x) continue;
    size_t q = end_x;
    if (q + 4 <= claim->start && memcmp(t + q, " of ", 4) == 0)
      q += 4;
    else if (q + 8 <= claim->start && memcmp(t + q, " out of ", 8) == 0)
      q += 8;
    else {
      p = end_x;
      continue;
    }
    if (q + 4 <= claim->start && memcmp(t + q, "the ", 4) == 0) q += 4;
    size_t end_y = number_at(s, q, &vy);
    if (!end_y || end_y > claim->start) continue;
    best_x = p + 1;
    x = vx;
    y = vy;
    y_end = end_y;
    p = end_y;
  }
  if (!best_x) return check_whole_first(s, claim, sentence_start);
  if (y <= 0 || x > y) return 0;
  /* Nothing but words between the ratio and its percentage. */
  if (claim->start - y_end > 90 || has_digit(t, y_end, claim->start)) return 0;
  set_check(claim, x / y * 100, 1.0);
  return 1;
}

/* "rose from 40 to 130, a rise of 125%", "fell from 12 to 3 per month, a
** decline of 40%", "rose from 41% to 82%, a rise of 100%": the stated change
** after "from A to B" when the numbers are not claims of their own. */
static int check_stated_change(const scan *s, ibid_claim *claim, size_t sentence_start) {
  const char *t = s->text;
  size_t from = claim->start > sentence_start + 200 ? claim->start - 200 : sentence_start;
  size_t at = (size_t)-1;
  for (size_t p = from; p + 5 < claim->start; p++)
    if (memcmp(t + p, "from ", 5) == 0 && (p == 0 || !ibid_is_alpha(t[p - 1]))) at = p + 5;
  if (at == (size_t)-1) return 0;
  double a, b;
  size_t end_a = number_at(s, at, &a);
  if (!end_a) return 0;
  size_t q = end_a;
  if (q < s->length && t[q] == '%') q++;
  size_t limit = q + 40 < claim->start ? q + 40 : claim->start;
  size_t to = 0;
  for (size_t p = q; p + 4 <= limit; p++)
    if (memcmp(t + p, " to ", 4) == 0) {
      to = p + 4;
      break;
    }
  if (!to) return 0;
  size_t end_b = number_at(s, to, &b);
  if (!end_b || end_b > claim->start || a <= 0) return 0;
  int rise = contains_word(
      t, from,
      claim->start + claim->length + 1 < s->length ? claim->start + claim->length + 1 : s->length,
      rise_words, sizeof(rise_words) / sizeof(rise_words[0]));
  int fall =
      contains_word(t, from, claim->start, fall_words, sizeof(fall_words) / sizeof(fall_words[0]));
  if (!rise && !fall) return 0;
  if (has_digit(t, end_b, claim->start) && claim->start - end_b > 60) return 0;
  double change = (b - a) / a * 100;
  if (change < 0) change = -change; /* "a decline of 75%" states the size of the fall */
  double expected = round_to_tenth(change);
  double tolerance = absolute(expected) * 0.02 > 0.5 ? absolute(expected) * 0.02 : 0.5;
  set_check(claim, expected, tolerance);
  return 1;
}

/* "doubled from 16,000 to 40,000", "halved from 80 to 50 tonnes": the
** second number against the first times the factor. */
static void check_factor(const scan *s, ibid_claim *claim, size_t sentence_start) {
  static const struct {
    const char *word;
    double factor;
  } factors[] = {
      {"doubled", 2}, {"tripled", 3}, {"trebled", 3}, {"quadrupled", 4}, {"halved", 0.5}};
  const char *t = s->text;
  size_t from = claim->start > sentence_start + 120 ? claim->start - 120 : sentence_start;
  for (size_t i = 0; i < sizeof(factors) / sizeof(*factors); i++) {
    size_t n = strlen(factors[i].word);
    for (size_t p = from; p + n < claim->start; p++) {
      if (t[p] != factors[i].word[0] || memcmp(t + p, factors[i].word, n) != 0 ||
          (p > 0 && ibid_is_alpha(t[p - 1])))
        continue;
      size_t q = p + n;
      if (q + 6 > claim->start || memcmp(t + q, " from ", 6) != 0) continue;
      double a;
      size_t end_a = number_at(s, q + 6, &a);
      if (!end_a || end_a + 4 > claim->start) continue;
      if (memcmp(t + end_a, " to ", 4) != 0 || end_a + 4 != claim->start) continue;
      set_check(claim, a * factors[i].factor, absolute(a * factors[i].factor) * 0.02 + 0.5);
      return;
    }
  }
}

/* "Of the 120 districts, 45% were in Ghana, 30% in Malawi and 35% in
** Ethiopia.": shares of one whole. More than 100% in all is inconsistent, the
** last share's expected value being what is left; 100% (within a point) is
** consistent. Less may be a partial list and is not judged. */
static void check_shares(const scan *s, ibid_claim *claims, size_t count, size_t k) {
  ibid_claim *first = &claims[k];
  const char *t = s->text;
  size_t start = first->sentence_start, end = start + first->sentence_length;
  if (end - start < 4 || memcmp(t + start, "Of ", 3) != 0 || first->start - start > 300) return;
  /* The shares come after the clause "Of the whole," */
  size_t comma = start;
  while (comma < first->start && t[comma] != ',') comma++;
  if (comma >= first->start || has_digit(t, comma, first->start)) return;
  if (k > 0 && claims[k - 1].start >= start && strcmp(claims[k - 1].unit, "%") == 0) return;
  size_t last = k;
  double sum = first->value;
  for (size_t j = k + 1; j < count && claims[j].start < end; j++) {
    if (strcmp(claims[j].unit, "%") != 0 ||
        has_digit(t, claims[last].start + claims[last].length, claims[j].start))
      break;
    sum += claims[j].value;
    last = j;
  }
  if (last == k || claims[last].check != IBID_CLAIM_UNCHECKED) return;
  if (sum > 101) {
    claims[last].check = IBID_CLAIM_INCONSISTENT;
    claims[last].expected = round_to_tenth(100 - (sum - claims[last].value));
  } else if (sum >= 99) {
    claims[last].check = IBID_CLAIM_CONSISTENT;
    claims[last].expected = round_to_tenth(100 - (sum - claims[last].value));
  }
}

int ibid_find_claims(const char *text, size_t length, ibid_claim **claims, size_t *count) {
  ibid_layers layers;
  int rc =
      ibid_layers_build(NULL, text, length, IBID_LAYERS_SENTENCES | IBID_LAYERS_CITES, &layers);
  if (rc == 0)
    rc = ibid_find_claims_layers(&layers, claims, count);
  else {
    *claims = NULL;
    *count = 0;
  }
  ibid_layers_free(&layers);
  return rc;
}

int ibid_find_claims_layers(const ibid_layers *layers, ibid_claim **claims, size_t *count) {
  return ibid_find_claims_progress(layers, NULL, claims, count);
}

/* Byte classes of the scan: SCAN_DIGIT, SCAN_ALPHA (ASCII); SCAN_JOINS, a
** byte after which no number or number word starts (letters, digits, '.',
** ',', '/', '-', '[', '$' and non-ASCII bytes: "3.5", "S/2014"; after a
** currency sign a number starts all the same, see currency_before). */
#define SCAN_DIGIT 1
#define SCAN_ALPHA 2
#define SCAN_JOINS 4
static const unsigned char scan_classes[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0,
    0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 4, 0, 0, 0, 0,
    0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

/* The first ASCII digit at or after i, before stop (stop when none): sixteen
** bytes at a time. */
static size_t next_digit(const char *text, size_t i, size_t stop) {
#ifdef __SSE2__
  for (; i + 16 <= stop; i += 16) {
    __m128i v = ibid_scan16_load(text + i);
    unsigned digits = ibid_scan16_digits(v);
    if (digits) return i + (size_t)__builtin_ctz(digits);
  }
#endif
  while (i < stop && !ibid_is_digit(text[i])) i++;
  return i;
}

/* Is a scale word ("million", "billion", "thousand") at text[s]? */
static int scale_word_at(const char *text, size_t length, size_t s) {
  return (s + 7 <= length &&
          (memcmp(text + s, "million", 7) == 0 || memcmp(text + s, "billion", 7) == 0)) ||
         (s + 8 <= length && memcmp(text + s, "thousand", 8) == 0);
}

/* Where a number word with a scale ("two million") may begin, from `from` on:
** its scale is the first "million", "billion" or "thousand" at or after it,
** or a later one; only white space (ibid_skip_space's) stands between the
** word and the scale, and a number word has at most nine letters. So none
** begins before the white space before that scale, less nine bytes. Sets
** *at to the scale; returns the text's length (and sets *at to it) when no
** scale word follows. The scale words are found by their third and fourth
** bytes ("ll", "ou"), sixteen bytes at a time. */
static size_t number_word_floor(const char *text, size_t length, size_t from, size_t *at) {
  size_t scale = length, p = from + 2;
#ifdef __SSE2__
  for (; p + 17 <= length && scale == length; p += 16) {
    __m128i v = ibid_scan16_load(text + p), w = ibid_scan16_load(text + p + 1);
    __m128i ll =
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('l')), _mm_cmpeq_epi8(w, _mm_set1_epi8('l')));
    __m128i ou =
        _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('o')), _mm_cmpeq_epi8(w, _mm_set1_epi8('u')));
    for (unsigned found = (unsigned)_mm_movemask_epi8(_mm_or_si128(ll, ou)); found;
         found &= found - 1)
      if (scale_word_at(text, length, p + (size_t)__builtin_ctz(found) - 2)) {
        scale = p + (size_t)__builtin_ctz(found) - 2;
        break;
      }
  }
#endif
  for (; scale == length && p < length; p++)
    if (scale_word_at(text, length, p - 2)) scale = p - 2;
  *at = scale;
  if (scale == length) return length;
  size_t w = ibid_skip_space_back(text, scale); /* back over the white space */
  return w > 9 ? w - 9 : 0;
}

int ibid_find_claims_progress(const ibid_layers *layers, ibid_progress *progress,
                              ibid_claim **claims, size_t *count) {
  *claims = NULL;
  *count = 0;
  claim_list list = {0};
  const char *text = layers->text;
  size_t length = layers->length;
  const size_t *sentences = layers->sentence_starts, *citations = layers->cite_spans;
  size_t sentence_count = layers->sentence_count, citation_count = layers->cite_span_count;
  scan s = {text, length, ibid_numbers_dot_groups_thousands(text, length), citations,
            citation_count};
  int failed = 0;
  size_t counted = 0; /* bytes of the scan counted on progress */
  /* no number word begins before `floor`, nor uses a scale before `scale` */
  size_t scale, floor = number_word_floor(text, length, 0, &scale);
  for (size_t i = 0; i < length && !failed;) {
    if (i >= counted + 4096) { /* every few thousand bytes: cheap, and soon enough to stop */
      if (ibid_progress_step(progress, i - counted)) break;
      counted = i;
    }
    unsigned char k = scan_classes[(unsigned char)text[i]];
    if (!(k & SCAN_DIGIT)) {
      /* Only digits are read before the floor: on to the next one. The scan
      ** stops at no byte in between that it would read (it passes letters
      ** and punctuation by), and it reads a byte the same wherever it
      ** comes from (the byte before tells a boundary). */
      if (i > scale) floor = number_word_floor(text, length, i, &scale);
      if (i < floor) {
        i = next_digit(text, i, floor);
        continue;
      }
    }
    if (!(k & (SCAN_DIGIT | SCAN_ALPHA))) { /* spaces and punctuation: on to the next */
      for (i++; i < length && !(scan_classes[(unsigned char)text[i]] & (SCAN_DIGIT | SCAN_ALPHA));
           i++) {
      }
      continue;
    }
    int boundary = i == 0 || !(scan_classes[(unsigned char)text[i - 1]] & SCAN_JOINS) ||
                   currency_before(text, i) != NULL;
    if ((k & SCAN_DIGIT) && boundary) {
      i = scan_digits(&list, &s, i, &failed);
    } else if (k & SCAN_DIGIT) {
      while (i < length && (ibid_is_digit(text[i]) || text[i] == '.' || text[i] == ',')) i++;
    } else if (boundary) {
      i = scan_number_word(&list, &s, i, &failed);
    } else {
      /* the letters after it follow a letter: no boundary either */
      for (i++; i < length && ibid_is_alpha(text[i]); i++) {
      }
    }
  }
  if (failed || ibid_progress_stopped(progress)) {
    ibid_free(list.items);
    return failed ? -1 : 1;
  }
  for (size_t k = 0; k < list.count; k++) {
    size_t start, end;
    ibid_sentence_at(sentences, sentence_count, length, list.items[k].start, &start, &end);
    while (end > start && ibid_is_space(text[end - 1])) end--;
    list.items[k].sentence = ibid_sentence_number(sentences, sentence_count, list.items[k].start);
    /* The checks read the whole sentence: where a line or block break cut it
    ** (the part before does not end in . ? !), the part before belongs to it. */
    size_t index = ibid_sentence_number(sentences, sentence_count, list.items[k].start);
    while (index > 1 && end - sentences[index - 2] < 600) {
      size_t before = sentences[index - 1];
      while (before > sentences[index - 2] && ibid_is_space(text[before - 1])) before--;
      char last = before > 0 ? text[before - 1] : '.';
      char first = text[sentences[index - 1]];
      if (last == '.' || last == '?' || last == '!' || last == '"' || (unsigned char)last >= 0x80 ||
          (before - sentences[index - 2] < 80 && !ibid_is_lower(first) && !ibid_is_digit(first)))
        break; /* a heading is short and stands alone */
      start = sentences[--index - 1];
    }
    /* ... and so does the part after, when this one does not end. */
    index = ibid_sentence_number(sentences, sentence_count, list.items[k].start);
    while (index > 0 && index < sentence_count && end - start < 1200) {
      size_t before = end;
      while (before > start && ibid_is_space(text[before - 1])) before--;
      char last = before > 0 ? text[before - 1] : '.';
      if (last == '.' || last == '?' || last == '!' || last == '"' || (unsigned char)last >= 0x80)
        break;
      size_t next_end = index + 1 < sentence_count ? sentences[index + 1] : length;
      char first = text[sentences[index]];
      if (next_end - sentences[index] < 80 && !ibid_is_lower(first) && !ibid_is_digit(first)) break;
      end = next_end;
      while (end > start && ibid_is_space(text[end - 1])) end--;
      index++;
    }
    list.items[k].sentence_start = start;
    list.items[k].sentence_length = end - start;
  }
  for (size_t k = 0; k < list.count; k++) {
    ibid_claim *claim = &list.items[k];
    if (strcmp(claim->unit, "%") == 0) {
      if (!check_ratio(&s, claim, claim->sentence_start))
        check_percentage(text, list.items, list.count, k, sentences, sentence_count, length);
      if (claim->check == IBID_CLAIM_UNCHECKED)
        check_stated_change(&s, claim, claim->sentence_start);
    } else {
      check_total(text, list.items, list.count, k);
      if (claim->check == IBID_CLAIM_UNCHECKED) check_factor(&s, claim, claim->sentence_start);
    }
  }
  for (size_t k = 0; k < list.count; k++)
    if (strcmp(list.items[k].unit, "%") == 0) check_shares(&s, list.items, list.count, k);
  *claims = list.items;
  *count = list.count;
  return 0;
}
