/*
** legal.c -- legal citations read field by field (see legal.h).
**
** HOW IT WORKS
** The citation is cut into tokens at spaces (at most MOST_TOKENS; longer
** texts are not legal citations). Then, first match wins:
** 1. A report citation VOLUME ABBREVIATION... PAGE[, PINPOINT]: "7 JICJ
**    315, 320", "542 U.S. 692, 732", "[1997] 1 AC 741", "2187 UNTS 90",
**    or with a bracketed year and no volume, "[2002] ICJ Rep 3". The
**    volume is a bare number (no comma after it: "Dec. 9," is a date), the
**    abbreviation one to six tokens that start with a capital ("Harv.
**    Int'l L.J.", "F.2d"), the page a number. The year is the "(2009)" or
**    "[2000]" just before, or the "(... 2004)" after, whose other words name
**    the court ("2d Cir."). A treaty series (UNTS, U.N.T.S., LNTS, Stat.,
**    ILM, ETS) makes a treaty (Stat. without a treaty word: legislation); a
**    quoted title, or no case name ("X v Y", "ex p", "Re"), an article,
**    whose author is what comes before the title; otherwise a case, whose
**    name is what comes before the year or volume.
** 2. A document symbol: "S/RES/2118", "S/2009/277", "A/RES/60/1",
**    "ICC-01/09-01/11-1274" (with "OA2" after it), or a resolution written
**    out, "UNSC Res 2118", "S.C. Res. 2118", "résolution 2118", made into
**    its symbol. ICC symbols with a party ("Prosecutor v ...") are cases;
**    resolutions legislation; reports reports; others documents. The body
**    that adopted a resolution is its author, never a person.
** 3. A German reporter: "BVerfGE 123, 267" -- name, volume, first page.
** 4. The ICJ's own reports by year: "C.I.J. Recueil 2002, p. 3", "ICJ
**    Reports 2002, p. 3".
** 5. A book as Bluebook and OSCOLA print it: "Carl Doe, The Law of Nations
**    45 (3d ed. 2015)" (pinpoint, then edition and year in parentheses) and
**    "Carl Doe, The Law of the Sea (2nd edn, OUP 2015) 45" (edition,
**    publisher and year in parentheses, then the pinpoint): author up to the
**    first comma, the title after it; no quoted title, no ":" (Chicago's
**    "(Place: Publisher, 2004)" is left to the general parser).
** The date is the first "17 July 1998", "Sept. 27, 2013", "27 septembre
** 2013" of the text (English, French, German months), else the year found
** above. The pinpoint is ", 320" after the page, or "para 58", "paras
** 121–23", "¶ 5", "art 17", "Rn. 12", "par. 58" after the core citation.
** Everything is a bounded number of passes over the tokens: linear.
*/
#include "legal.h"

#include <stdio.h>
#include <string.h>

#include "buffer.h"
#include "memory.h"
#include "scan.h"

#define MOST_TOKENS 160
#define MOST_BYTES 4000
#define MOST_ABBREVIATION_TOKENS 6

typedef struct token {
  size_t start, end;
} token;

typedef struct reader {
  const char *text;
  size_t length;
  token tokens[MOST_TOKENS];
  size_t count;
} reader;

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static char lower(char c) {
  return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* Splits at spaces and no-break spaces; returns 0 when there are too many tokens. */
static int tokenize(reader *r) {
  const char *t = r->text;
  size_t i = 0, n = r->length;
  r->count = 0;
  while (i < n) {
    while (i < n && (is_space(t[i]) ||
                     (i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)))
      i += is_space(t[i]) ? 1 : 2;
    if (i >= n) break;
    size_t start = i;
#ifdef __SSE2__
    /* sixteen bytes at a time (scan.h) to a space or a 0xC2, looked at below */
    for (; i + 16 <= n; i += 16) {
      __m128i v = ibid_scan16_load(t + i);
      unsigned stops = ibid_scan16_eq(v, ' ') | ibid_scan16_eq(v, '\t') | ibid_scan16_eq(v, '\n') |
                       ibid_scan16_eq(v, '\r') | ibid_scan16_eq(v, 0xC2);
      if (stops) {
        i += (size_t)__builtin_ctz(stops);
        break;
      }
    }
#endif
    while (i < n && !is_space(t[i]) &&
           !(i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0))
      i++;
    if (r->count == MOST_TOKENS) return 0;
    r->tokens[r->count].start = start;
    r->tokens[r->count].end = i;
    r->count++;
  }
  return 1;
}

/* The token without trailing ",;:" (and "." / ")" / "]" when `closing`). */
static token core(const reader *r, size_t k, int closing) {
  token t = r->tokens[k];
  while (t.end > t.start) {
    char c = r->text[t.end - 1];
    if (c == ',' || c == ';' || c == ':' || (closing && (c == '.' || c == ')' || c == ']')))
      t.end--;
    else
      break;
  }
  return t;
}

/* Inlined: the word is a constant at every call, so its first letter and
** its length are too (most calls are decided by the first letter). */
static inline __attribute__((always_inline)) int token_is(const reader *r, size_t k,
                                                          const char *word) {
  /* called for most tokens against word lists: the first letter rules most out */
  const token *raw = &r->tokens[k];
  if (word[0] && (raw->end <= raw->start || lower(r->text[raw->start]) != lower(word[0]))) return 0;
  token t = core(r, k, 0);
  size_t n = strlen(word);
  if (t.end - t.start != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(r->text[t.start + i]) != lower(word[i])) return 0;
  return 1;
}

/* A bare number of 1-5 digits (with trailing punctuation when `loose`). */
static int number_token(const reader *r, size_t k, int loose, long *value) {
  token t = loose ? core(r, k, 1) : r->tokens[k];
  size_t n = t.end - t.start;
  if (n == 0 || n > 5) return 0;
  long v = 0;
  for (size_t i = t.start; i < t.end; i++) {
    if (!is_digit(r->text[i])) return 0;
    v = v * 10 + (r->text[i] - '0');
  }
  if (value) *value = v;
  return 1;
}

/* A year 1600-2099 in a token such as "(2009)", "[2000]", "2004).", "1948,". */
static int year_token(const reader *r, size_t k, int *year) {
  token t = core(r, k, 1);
  size_t s = t.start;
  while (s < t.end && (r->text[s] == '(' || r->text[s] == '[')) s++;
  if (t.end - s != 4) return 0;
  int v = 0;
  for (size_t i = s; i < t.end; i++) {
    if (!is_digit(r->text[i])) return 0;
    v = v * 10 + (r->text[i] - '0');
  }
  if (v < 1600 || v > 2099) return 0;
  *year = v;
  return 1;
}

/* "(2009)" or "[2000]" exactly, with nothing but punctuation after. */
static int enclosed_year(const reader *r, size_t k, char open, int *year) {
  const token *t = &r->tokens[k];
  if (t->end - t->start < 6 || r->text[t->start] != open) return 0;
  char close = open == '(' ? ')' : ']';
  if (r->text[t->start + 5] != close) return 0;
  return year_token(r, k, year);
}

static int month_of(const reader *r, size_t k);

/* A token of a journal or reporter abbreviation: starts with a capital (or
** "2d", "3d" inside one), no comma after it, not a month. */
static int abbreviation_token(const reader *r, size_t k, int first) {
  if (month_of(r, k)) return 0;
  const token *t = &r->tokens[k];
  char c = r->text[t->start];
  char last = r->text[t->end - 1];
  if (last == ',' || last == ';' || last == ')' || c == '(' || c == '[') return 0;
  if (!first && (token_is(r, k, "&") || token_is(r, k, "of") || token_is(r, k, "and"))) return 1;
  if (!is_upper(c) &&
      !(!first && is_digit(c) && t->end - t->start >= 2 && !is_digit(r->text[t->start + 1])))
    return 0;
  static const char *const months[] = {"jan.", "feb.", "mar.", "apr.", "aug.", "sept.",
                                       "sep.", "oct.", "nov.", "dec.", "art.", "para."};
  for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++)
    if (token_is(r, k, months[i])) return 0;
  return 1;
}

static int contains_text(const char *text, size_t start, size_t end, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = start; i + n <= end; i++) {
    size_t j = 0;
    while (j < n && lower(text[i + j]) == lower(needle[j])) j++;
    if (j == n) return 1;
  }
  return 0;
}

static ibid_legal_span span(size_t start, size_t end) {
  ibid_legal_span s = {start, end > start ? end - start : 0};
  return s;
}

/* Trims spaces, commas and an opening signal off a span. */
static ibid_legal_span trimmed(const char *text, size_t start, size_t end) {
  while (start < end && (is_space(text[start]) || text[start] == ',')) start++;
  while (end > start && (is_space(text[end - 1]) || text[end - 1] == ',' || text[end - 1] == ';'))
    end--;
  return span(start, end);
}

/* ----- dates ----------------------------------------------------------------- */

static int month_of(const reader *r, size_t k) {
  static const char *const names[][12] = {
      {"january", "february", "march", "april", "may", "june", "july", "august", "september",
       "october", "november", "december"},
      {"jan.", "feb.", "mar.", "apr.", "may", "june", "july", "aug.", "sept.", "oct.", "nov.",
       "dec."},
      {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
       "octobre", "novembre", "décembre"},
      {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
       "oktober", "november", "dezember"}};
  token t = core(r, k, 0);
  while (t.start < t.end && r->text[t.start] == '(') t.start++;
  /* every name has 3 to 9 bytes and starts with a lower-case letter */
  char first = t.end - t.start >= 3 && t.end - t.start <= 9 ? lower(r->text[t.start]) : 0;
  for (size_t set = 0; set < 4 && first; set++)
    for (int m = 0; m < 12; m++) {
      const char *name = names[set][m];
      if (name[0] != first) continue;
      size_t n = strlen(name);
      if (t.end - t.start != n) continue;
      size_t i = 0;
      while (i < n && lower(r->text[t.start + i]) == name[i]) i++;
      if (i == n) return m + 1;
    }
  if (token_is(r, k, "sep.")) return 9;
  return 0;
}

static int day_token(const reader *r, size_t k, int *day) {
  token t = core(r, k, 1);
  while (t.start < t.end && r->text[t.start] == '(') t.start++;
  if (t.end > t.start && r->text[t.end - 1] == 'r' && t.end - t.start == 3) t.end -= 2; /* 1er */
  size_t n = t.end - t.start;
  if (n == 0 || n > 2) return 0;
  int v = 0;
  for (size_t i = t.start; i < t.end; i++) {
    if (!is_digit(r->text[i])) return 0;
    v = v * 10 + (r->text[i] - '0');
  }
  if (v < 1 || v > 31) return 0;
  *day = v;
  return 1;
}

/* The first full date of the tokens: "17 July 1998", "Sept. 27, 2013". */
static int find_date(const reader *r, ibid_legal *out) {
  for (size_t k = 0; k + 1 < r->count; k++) {
    int month = month_of(r, k), day, year;
    if (!month) continue;
    if (k > 0 && day_token(r, k - 1, &day) && year_token(r, k + 1, &year)) {
      out->year = year, out->month = month, out->day = day;
      return 1;
    }
    if (k + 2 < r->count && day_token(r, k + 1, &day) && year_token(r, k + 2, &year)) {
      out->year = year, out->month = month, out->day = day;
      return 1;
    }
  }
  return 0;
}

/* The first year of tokens [from, to) outside `skip`. */
static int find_year(const reader *r, size_t from, size_t to, size_t skip) {
  int year;
  for (size_t k = from; k < to && k < r->count; k++)
    if (k != skip && year_token(r, k, &year)) return year;
  return 0;
}

/* ----- pinpoints ------------------------------------------------------------- */

static int pinpoint_word(const reader *r, size_t k) {
  static const char *const words[] = {
      "para", "paras", "para.",  "paras.",   "par.", "\xc2\xb6", "\xc2\xb6\xc2\xb6",
      "art",  "art.",  "arts",   "arts.",    "rn.",  "rz.",      "at",
      "op.",  "sec.",  "s.",     "\xc2\xa7", "n",    "fn",       "p.",
      "pp.",  "párr.", "párrs.", "s",        "ss"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    if (token_is(r, k, words[i])) return 1;
  return 0;
}

/* A number or range token: "58", "121–23", "12-14", "44f." */
static int range_token(const reader *r, size_t k) {
  token t = core(r, k, 1);
  while (t.start < t.end && r->text[t.start] == '(') t.start++;
  return t.end > t.start && is_digit(r->text[t.start]);
}

/* OSCOLA's paragraph pinpoint "[28]" (or "[28]-[30]"): a bracketed number
** that ends the citation (a bracketed year is followed by its report). */
static int bracket_paragraph(const reader *r, size_t k) {
  if (k + 1 != r->count) return 0;
  const token *t = &r->tokens[k];
  const char *s = r->text + t->start;
  size_t n = t->end - t->start, i = 1;
  if (n < 3 || s[0] != '[') return 0;
  while (i < n && is_digit(s[i])) i++;
  return i > 1 && i <= 5 && i < n && s[i] == ']';
}

/* The pinpoint at or after token k: "para 58", "¶ 5", "Rn. 12", "[28]". */
static ibid_legal_span find_pinpoint(const reader *r, size_t k) {
  ibid_legal_span none = {0, 0};
  if (r->count && k < r->count && bracket_paragraph(r, r->count - 1)) {
    token t = core(r, r->count - 1, 0);
    while (t.end > t.start && r->text[t.end - 1] == '.') t.end--;
    return span(t.start, t.end);
  }
  for (; k + 1 < r->count; k++) {
    if (pinpoint_word(r, k) && range_token(r, k + 1)) {
      token number = core(r, k + 1, 1);
      size_t end = number.end;
      if (end < r->tokens[k + 1].end && r->text[end] == '.' && r->text[end - 1] == 'f') end++;
      size_t start = r->tokens[k].start;
      if (r->text[start] == '(') start++;
      return span(start, end);
    }
  }
  return none;
}

/* ----- 1. report citations -------------------------------------------------- */

static int series_is(const char *text, ibid_legal_span s, const char *const *names, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (strlen(names[i]) == s.length && memcmp(text + s.start, names[i], s.length) == 0) return 1;
  return 0;
}

static const char *const treaty_series[] = {"UNTS",   "U.N.T.S.", "LNTS", "L.N.T.S.", "ILM",
                                            "I.L.M.", "ETS",      "CETS", "UKTS",     "ATS",
                                            "Stat.",  "T.I.A.S.", "UST",  "U.S.T."};
static const char *const case_reporters[] = {"AC",
                                             "QB",
                                             "KB",
                                             "Ch",
                                             "WLR",
                                             "All ER",
                                             "U.S.",
                                             "S. Ct.",
                                             "S.Ct.",
                                             "F.",
                                             "F.2d",
                                             "F.3d",
                                             "F.4th",
                                             "F. Supp.",
                                             "F. Supp. 2d",
                                             "ICJ Rep",
                                             "I.C.J.",
                                             "ECR",
                                             "EHRR",
                                             "ILR",
                                             "E.H.R.R.",
                                             "L. Ed.",
                                             "L. Ed. 2d",
                                             "CLR",
                                             "SCR",
                                             "S.C.R.",
                                             "UKHL",
                                             "UKSC",
                                             "EWCA Civ",
                                             "EWCA Crim",
                                             "EWHC",
                                             "ECHR",
                                             "PCIJ",
                                             "ICTY",
                                             "ICTR",
                                             "ICJ Reports",
                                             "I.C.J. Reports"};

static int is_case_name(const char *text, size_t start, size_t end) {
  return contains_text(text, start, end, " v ") || contains_text(text, start, end, " v. ") ||
         contains_text(text, start, end, " c. ") || contains_text(text, start, end, "ex p ") ||
         contains_text(text, start, end, "ex parte") || contains_text(text, start, end, " re ") ||
         (end - start > 3 && memcmp(text + start, "Re ", 3) == 0) ||
         contains_text(text, start, end, "case");
}

static int is_treaty_name(const char *text, size_t start, size_t end) {
  static const char *const words[] = {"treaty",  "convention", "agreement", "protocol",
                                      "charter", "statute",    "covenant"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    if (contains_text(text, start, end, words[i])) return 1;
  return 0;
}

/* Quoted title before byte `before`: ‘...’, “...”, "...", « ... ». */
static int quoted_title(const char *text, size_t before, ibid_legal_span *title, size_t *open) {
  for (size_t i = 0; i < before; i++) {
    size_t width = 0;
    const unsigned char *u = (const unsigned char *)text + i;
    if (u[0] == '"' && (i == 0 || is_space(text[i - 1])))
      width = 1;
    else if (i + 2 < before && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x9C))
      width = 3;
    else if (i + 1 < before && u[0] == 0xC2 && u[1] == 0xAB)
      width = 2;
    if (!width) continue;
    for (size_t j = i + width; j < before; j++) {
      const unsigned char *v = (const unsigned char *)text + j;
      size_t close = 0;
      if (v[0] == '"' && width == 1)
        close = 1;
      else if (width == 3 && j + 2 < before + 3 && v[0] == 0xE2 && v[1] == 0x80 &&
               (v[2] == 0x99 || v[2] == 0x9D) &&
               (j + 3 >= before || !(text[j + 3] >= 'a' && text[j + 3] <= 'z')))
        close = 3;
      else if (width == 2 && v[0] == 0xC2 && v[1] == 0xBB)
        close = 2;
      if (!close) continue;
      size_t end = j;
      while (end > i + width && (text[end - 1] == ',' || text[end - 1] == '.')) end--;
      *title = trimmed(text, i + width, end);
      *open = i;
      return 1;
    }
    return 0;
  }
  return 0;
}

static int report_citation(const reader *r, ibid_legal *out) {
  const char *text = r->text;
  for (size_t i = 0; i + 2 < r->count; i++) {
    int bracket_year = 0;
    int volume = number_token(r, i, 0, NULL);
    if (!volume && !enclosed_year(r, i, '[', &bracket_year)) continue;
    size_t j = i + 1, k;
    while (j < r->count && j - i <= MOST_ABBREVIATION_TOKENS &&
           abbreviation_token(r, j, j == i + 1))
      j++;
    k = j;
    if (k == i + 1 || k >= r->count || !number_token(r, k, 1, NULL)) continue;
    /* the page may not be a year in brackets or a day of a date */
    if (r->text[r->tokens[k].end - 1] == ')') continue;
    size_t series_start = r->tokens[i + 1].start, series_end = r->tokens[k - 1].end;
    out->container = span(series_start, series_end);
    out->page = span(core(r, k, 1).start, core(r, k, 1).end);
    if (volume) out->volume = span(r->tokens[i].start, r->tokens[i].end);
    size_t name_end = r->tokens[i].start;
    int year = bracket_year;
    if (!year && i > 0 &&
        (enclosed_year(r, i - 1, '(', &year) || enclosed_year(r, i - 1, '[', &year)))
      name_end = r->tokens[i - 1].start;
    /* pinpoint: ", 320" right after the page */
    size_t after = k + 1;
    if (text[r->tokens[k].end - 1] == ',' && after < r->count && range_token(r, after) &&
        !year_token(r, after, &(int){0})) {
      token pin = core(r, after, 1);
      out->locator = span(pin.start, pin.end);
      after++;
    }
    /* "(2d Cir. 1980)", "(2004)", "(HL)" after the page */
    if (after < r->count && text[r->tokens[after].start] == '(') {
      size_t close = after;
      while (close < r->count && close < after + 6 &&
             !memchr(text + r->tokens[close].start, ')',
                     r->tokens[close].end - r->tokens[close].start))
        close++;
      if (close < r->count && close < after + 6) {
        int found = 0;
        if (year_token(r, close, &found)) {
          if (!year) year = found;
          if (close > after)
            out->authority = trimmed(text, r->tokens[after].start + 1, r->tokens[close - 1].end);
        } else {
          size_t end = r->tokens[close].end;
          while (end > r->tokens[after].start && text[end - 1] != ')') end--;
          out->authority = trimmed(text, r->tokens[after].start + 1, end - 1);
        }
        after = close + 1;
      }
    }
    if (!out->locator.length) out->locator = find_pinpoint(r, after);
    out->year = year;
    ibid_legal_span title, quoted;
    size_t open = 0;
    if (series_is(text, out->container, treaty_series,
                  sizeof(treaty_series) / sizeof(treaty_series[0]))) {
      size_t end = name_end;
      for (size_t p = 0; p + 1 < name_end; p++)
        if ((text[p] == ',' || text[p] == ' ') && text[p + 1] == (text[p] == ',' ? ' ' : '(')) {
          end = p;
          break;
        }
      out->title = trimmed(text, 0, end);
      int statutes =
          out->container.length == 5 && memcmp(text + out->container.start, "Stat.", 5) == 0;
      out->type = !statutes || is_treaty_name(text, 0, name_end) ? "treaty" : "legislation";
      find_date(r, out);
      if (!out->year) out->year = find_year(r, 0, i, (size_t)-1);
      return 1;
    }
    if (quoted_title(text, name_end, &quoted, &open)) {
      out->type = "article-journal";
      out->title = quoted;
      out->authors = trimmed(text, 0, open);
    } else if (is_case_name(text, 0, name_end) ||
               series_is(text, out->container, case_reporters,
                         sizeof(case_reporters) / sizeof(case_reporters[0]))) {
      out->type = "legal_case";
      out->title = trimmed(text, 0, name_end);
      if (!out->authority.length && (contains_text(text, series_start, series_end, "ICJ") ||
                                     contains_text(text, series_start, series_end, "I.C.J.")))
        out->authority = span(
            series_start,
            series_start + (text[series_start] == 'I' && text[series_start + 1] == '.' ? 6 : 3));
    } else {
      /* Bluebook with the italics lost: "Author, Title, 50 Journal 101" */
      out->type = "article-journal";
      size_t comma = 0;
      while (comma < name_end && text[comma] != ',') comma++;
      if (comma < name_end) {
        out->authors = trimmed(text, 0, comma);
        title = trimmed(text, comma + 1, name_end);
        out->title = title;
      } else {
        out->title = trimmed(text, 0, name_end);
      }
      if (!out->year) out->year = find_year(r, k + 1, r->count, (size_t)-1);
    }
    return 1;
  }
  return 0;
}

/* ----- 2. document symbols and resolutions ---------------------------------- */

/* "S/RES/2118", "A/60/1", "ICC-01/09-01/11-1274", "E/CN.4/2005/L.10". */
static int symbol_token(const reader *r, size_t k, token *out) {
  token t = core(r, k, 1);
  while (t.start < t.end && r->text[t.start] == '(') t.start++;
  size_t n = t.end - t.start;
  if (n < 4) return 0;
  const char *s = r->text + t.start;
  size_t letters = 0;
  while (letters < n && is_upper(s[letters])) letters++;
  if (letters == 0 || letters > 8 || letters >= n || (s[letters] != '/' && s[letters] != '-'))
    return 0;
  if (s[letters] == '-' && !(letters == 3 && memcmp(s, "ICC", 3) == 0)) return 0;
  int slash = 0, digit = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '/') {
      if (i + 1 < n && s[i + 1] == '/') return 0;
      slash = 1;
    } else if (is_digit(c)) {
      digit = 1;
    } else if (!(is_upper(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-')) {
      return 0;
    }
  }
  if (!slash || !digit) return 0;
  *out = t;
  return 1;
}

/* Writes the symbol a resolution written out stands for into buffer. */
static int resolution_symbol(const reader *r, size_t *number_token_index, char *prefix) {
  const char *text = r->text;
  for (size_t k = 0; k + 1 < r->count; k++) {
    if (!(token_is(r, k, "res") || token_is(r, k, "res.") || token_is(r, k, "resolution") ||
          token_is(r, k, "résolution") || token_is(r, k, "resolutie") ||
          token_is(r, k, "resolución") || token_is(r, k, "resolucion")))
      continue;
    token t = core(r, k + 1, 1);
    if (t.end <= t.start || !is_digit(text[t.start])) continue;
    int council = contains_text(text, 0, r->length, "unsc") ||
                  contains_text(text, 0, r->length, "s.c. res") ||
                  contains_text(text, 0, r->length, "sc res") ||
                  contains_text(text, 0, r->length, "security council") ||
                  contains_text(text, 0, r->length, "conseil de sécurité") ||
                  contains_text(text, 0, r->length, "sicherheitsrat") ||
                  contains_text(text, 0, r->length, "consejo de seguridad");
    int assembly = contains_text(text, 0, r->length, "unga") ||
                   contains_text(text, 0, r->length, "g.a. res") ||
                   contains_text(text, 0, r->length, "ga res") ||
                   contains_text(text, 0, r->length, "general assembly") ||
                   contains_text(text, 0, r->length, "assemblée générale") ||
                   contains_text(text, 0, r->length, "asamblea general");
    if (!council && !assembly) continue;
    *number_token_index = k + 1;
    *prefix = council ? 'S' : 'A';
    return 1;
  }
  return 0;
}

static int document_citation(const reader *r, ibid_legal *out, char *symbol_buffer,
                             size_t buffer_size) {
  const char *text = r->text;
  token symbol = {0, 0};
  size_t symbol_index = 0, number_index = 0;
  int found = 0;
  for (size_t k = 0; k < r->count && !found; k++)
    if (symbol_token(r, k, &symbol)) {
      found = 1;
      symbol_index = k;
    }
  char prefix = 0;
  int written = !found && resolution_symbol(r, &number_index, &prefix);
  if (!found && !written) return 0;
  int icc = found && symbol.end - symbol.start > 4 && memcmp(text + symbol.start, "ICC-", 4) == 0;
  size_t core_end;
  if (found) {
    size_t end = symbol.end;
    /* "ICC-02/05-01/09-397 OA2": the appeal number belongs to the symbol */
    if (icc && symbol_index + 1 < r->count) {
      token next = core(r, symbol_index + 1, 1);
      size_t n = next.end - next.start, letters = 0;
      while (letters < n && is_upper(text[next.start + letters])) letters++;
      if (letters >= 1 && letters <= 3 && n <= 6) {
        size_t d = letters;
        while (d < n && is_digit(text[next.start + d])) d++;
        if (d == n) end = next.end;
      }
    }
    out->number = span(symbol.start, end);
    core_end = r->tokens[symbol_index].start;
  } else {
    token t = core(r, number_index, 1);
    int n = snprintf(symbol_buffer, buffer_size, "%c/RES/%.*s", prefix, (int)(t.end - t.start),
                     text + t.start);
    if (n <= 0 || (size_t)n >= buffer_size) return 0;
    out->number = span(0, 0); /* in symbol_buffer */
    symbol_index = number_index;
    core_end = r->tokens[number_index].end;
  }
  int resolution = written || (found && (contains_text(text, symbol.start, symbol.end, "/RES/")));
  if (icc) {
    out->type = is_case_name(text, 0, r->length) || contains_text(text, 0, r->length, "prosecutor")
                    ? "legal_case"
                    : "document";
    out->authority = span(symbol.start, symbol.start + 3);
  } else if (resolution) {
    out->type = "legislation";
  } else if (contains_text(text, 0, r->length, "report")) {
    out->type = "report";
  } else {
    out->type = "document";
  }
  /* the title: up to the first " (" or the symbol ("UN Doc" dropped) */
  size_t title_end = written ? core_end : r->tokens[symbol_index].start;
  for (size_t p = 0; p + 1 < title_end; p++)
    if (text[p] == ' ' && text[p + 1] == '(') {
      title_end = p;
      break;
    }
  ibid_legal_span title = trimmed(text, 0, title_end);
  if (title.length >= 6 && memcmp(text + title.start + title.length - 6, "UN Doc", 6) == 0)
    title.length -= 6;
  out->title = trimmed(text, title.start, title.start + title.length);
  /* A reference-list entry names the body first, then the resolution:
  ** "United Nations Security Council. (2011). Resolution 2000 (2011).": the
  ** title is "Resolution 2000 (2011)", not the body. */
  for (size_t k = 1; k + 1 < r->count; k++) {
    if (r->tokens[k].start >= (written ? core_end : r->tokens[symbol_index].start)) break;
    if (!(token_is(r, k, "resolution") || token_is(r, k, "résolution") ||
          token_is(r, k, "resolución") || token_is(r, k, "res.")))
      continue;
    char before = text[r->tokens[k - 1].end - 1];
    if (before != '.' && before != ')') continue;
    size_t end = core(r, k + 1, 1).end;
    int year;
    if (k + 2 < r->count && enclosed_year(r, k + 2, '(', &year)) end = core(r, k + 2, 0).end;
    while (end > r->tokens[k].start && text[end - 1] == '.') end--;
    out->title = span(r->tokens[k].start, end);
    /* the body printed before it is the author: "Security Council. 2005." */
    size_t p = 0;
    while (p < r->tokens[k].start && text[p] != '.' && text[p] != ',' && text[p] != '(' &&
           !is_digit(text[p]))
      p++;
    ibid_legal_span body = trimmed(text, 0, p);
    if (body.length >= 3 && is_upper(text[0]) && p < r->tokens[k].start && text[p] != '(')
      out->body = body;
    break;
  }
  if (!find_date(r, out)) {
    int year = 0;
    for (size_t k = 0; k < r->count && !year; k++) {
      if (found && k == symbol_index) continue;
      token t = r->tokens[k];
      if (found && t.start >= symbol.start && t.end <= symbol.end) continue;
      year_token(r, k, &year);
    }
    out->year = year;
  }
  out->locator = find_pinpoint(r, found ? symbol_index + 1 : number_index + 1);
  if (!out->locator.length) out->locator = find_pinpoint(r, 0);
  return 1;
}

/* ----- 3. German reporters, 4. the ICJ's reports by year --------------------- */

static int german_reporter(const reader *r, ibid_legal *out) {
  const char *text = r->text;
  for (size_t k = 0; k + 2 < r->count; k++) {
    token name = r->tokens[k];
    size_t n = name.end - name.start, capitals = 0;
    if (n < 4 || n > 8 || !is_upper(text[name.start])) continue;
    for (size_t i = name.start; i < name.end; i++) {
      if (is_upper(text[i]))
        capitals++;
      else if (!(text[i] >= 'a' && text[i] <= 'z'))
        capitals = 0, i = name.end;
    }
    char last = text[name.end - 1];
    int ends = last == 'E' || last == 'Z' || (last == 't' && text[name.end - 2] == 'S');
    if (capitals < 3 || !ends) continue;
    long volume;
    if (!number_token(r, k + 1, 1, &volume) || text[r->tokens[k + 1].end - 1] != ',') continue;
    if (!number_token(r, k + 2, 1, NULL)) continue;
    out->type = "legal_case";
    out->container = span(name.start, name.end);
    out->volume = span(core(r, k + 1, 1).start, core(r, k + 1, 1).end);
    out->page = span(core(r, k + 2, 1).start, core(r, k + 2, 1).end);
    out->authority = span(name.start, name.end - (last == 't' ? 2 : 1));
    out->title = trimmed(text, 0, name.start);
    out->locator = find_pinpoint(r, k + 3);
    if (!out->locator.length && text[r->tokens[k + 2].end - 1] == ',' && k + 3 < r->count &&
        range_token(r, k + 3))
      out->locator = span(core(r, k + 3, 1).start, core(r, k + 3, 1).end);
    find_date(r, out);
    return 1;
  }
  return 0;
}

static int court_reports(const reader *r, ibid_legal *out) {
  const char *text = r->text;
  for (size_t k = 1; k + 2 < r->count; k++) {
    if (!(token_is(r, k, "recueil") || token_is(r, k, "reports") || token_is(r, k, "rep")))
      continue;
    if (!(token_is(r, k - 1, "c.i.j.") || token_is(r, k - 1, "i.c.j.") ||
          token_is(r, k - 1, "icj") || token_is(r, k - 1, "c.p.j.i.")))
      continue;
    int year;
    if (!year_token(r, k + 1, &year)) continue;
    size_t p = k + 2;
    if (p < r->count && (token_is(r, p, "p.") || token_is(r, p, "at"))) p++;
    if (p >= r->count || !number_token(r, p, 1, NULL)) continue;
    out->type = "legal_case";
    out->container = span(r->tokens[k - 1].start, core(r, k, 1).end);
    out->year = year;
    out->page = span(core(r, p, 1).start, core(r, p, 1).end);
    size_t start = 0;
    if (token_is(r, 0, "cij") || token_is(r, 0, "icj") || token_is(r, 0, "cpji")) {
      out->authority = span(core(r, 0, 1).start, core(r, 0, 1).end);
      start = r->tokens[1].start;
    }
    out->title = trimmed(text, start, r->tokens[k - 1].start);
    out->locator = find_pinpoint(r, p + 1);
    return 1;
  }
  return 0;
}

/* ----- 5. books in legal styles ---------------------------------------------- */

static int particle(const char *text, size_t start, size_t end);

static int legal_book(const reader *r, ibid_legal *out) {
  const char *text = r->text;
  size_t n = r->count;
  if (n < 4) return 0;
  size_t comma = 0;
  while (comma < r->length && text[comma] != ',') comma++;
  if (comma >= r->length || comma > 80 || !is_upper(text[0])) return 0;
  /* the author: capitalized names ("Beth Van Schaack", "Kim and Lee"), no digits */
  for (size_t i = 0, word = 0; i <= comma; i++) {
    if (i < comma && is_digit(text[i])) return 0;
    if (i == comma || text[i] == ' ') {
      if (i > word && !is_upper(text[word]) && !particle(text, word, i) &&
          !(i - word == 3 && memcmp(text + word, "and", 3) == 0) && text[word] != '&')
        return 0;
      word = i + 1;
    }
  }
  for (size_t i = 0; i < r->length; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == ':' || c == '"' ||
        (c == 0xE2 && i + 2 < r->length && (unsigned char)text[i + 1] == 0x80 &&
         ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x9C)))
      return 0;
  }
  size_t last = n - 1;
  int year = 0;
  /* Bluebook: "... 45 (3d ed. 2015)." */
  if (text[core(r, last, 0).end - 1] == ')' ||
      (r->tokens[last].end - r->tokens[last].start > 2 && text[r->tokens[last].end - 2] == ')')) {
    if (!year_token(r, last, &year)) return 0;
    size_t open = last;
    while (open > 0 && last - open < 4 && text[r->tokens[open].start] != '(') open--;
    if (text[r->tokens[open].start] != '(' || open < 2 || !range_token(r, open - 1)) return 0;
    if (r->tokens[open - 1].start <= comma) return 0;
    out->title = trimmed(text, comma + 1, r->tokens[open - 1].start);
    token pin = core(r, open - 1, 1);
    out->locator = span(pin.start, pin.end);
  } else {
    /* OSCOLA: "... (2nd edn, OUP 2015) 45." */
    if (!range_token(r, last) || last < 2) return 0;
    size_t close = last - 1;
    if (text[r->tokens[close].end - 1] != ')' || !year_token(r, close, &year)) return 0;
    size_t open = close;
    while (open > 0 && close - open < 8 && text[r->tokens[open].start] != '(') open--;
    if (text[r->tokens[open].start] != '(' || r->tokens[open].start <= comma) return 0;
    out->title = trimmed(text, comma + 1, r->tokens[open].start);
    size_t from = r->tokens[open].start + 1;
    for (size_t k = open; k < close; k++)
      if (text[r->tokens[k].end - 1] == ',') from = r->tokens[k].end;
    if (close > open) out->publisher = trimmed(text, from, r->tokens[close].start);
    token pin = core(r, last, 1);
    out->locator = span(pin.start, pin.end);
  }
  if (!out->title.length) return 0;
  out->type = "book";
  out->authors = trimmed(text, 0, comma);
  out->year = year;
  return 1;
}

/* ----- 6. statutes ----------------------------------------------------------- */

/* "Arbitration Act 1996, s 68", "Human Rights Act 1998 (UK)": capitalized
** words ending in "Act" and its year; the section after it is the pinpoint.
** "18 U.S.C. § 2340A (2018)": a code, its title number and section. */
static int statute(const reader *r, ibid_legal *out) {
  const char *text = r->text;
  for (size_t k = 1; k + 1 < r->count && k < 16; k++) {
    if (!token_is(r, k, "act")) continue;
    if (text[r->tokens[k].end - 1] == ',') continue;
    int year;
    if (!year_token(r, k + 1, &year) || text[r->tokens[k + 1].start] == '(') return 0;
    for (size_t w = 0; w < k; w++)
      if (!is_upper(text[r->tokens[w].start]) && !token_is(r, w, "of") && !token_is(r, w, "and") &&
          !token_is(r, w, "the") && !token_is(r, w, "for"))
        return 0;
    out->type = "legislation";
    out->title = span(r->tokens[0].start, core(r, k + 1, 1).end);
    out->year = year;
    out->locator = find_pinpoint(r, k + 2);
    return 1;
  }
  for (size_t k = 0; k + 3 < r->count; k++) {
    long title_number;
    if (!number_token(r, k, 0, &title_number)) continue;
    if (!(token_is(r, k + 1, "u.s.c.") || token_is(r, k + 1, "usc") ||
          token_is(r, k + 1, "c.f.r.") || token_is(r, k + 1, "cfr")))
      continue;
    if (!(token_is(r, k + 2, "\xc2\xa7") || token_is(r, k + 2, "\xc2\xa7\xc2\xa7"))) continue;
    out->type = "legislation";
    out->volume = span(r->tokens[k].start, r->tokens[k].end);
    out->container = span(core(r, k + 1, 1).start, core(r, k + 1, 0).end);
    token section = core(r, k + 3, 1);
    out->locator = span(r->tokens[k + 2].start, section.end);
    out->title = trimmed(text, 0, r->tokens[k].start);
    out->year = find_year(r, k + 4, r->count, (size_t)-1);
    return 1;
  }
  return 0;
}

/* ----- entry points ---------------------------------------------------------- */

/* Bytes of a leading signal ("See ", "See generally ", "Cf. ", "Véase ",
** "Vgl. ", "Voir ") to skip: the citation starts after it. */
static size_t signal_length(const char *text, size_t length) {
  static const char *const signals[] = {
      "see generally ", "see also ",      "see, e.g., ", "see e.g. ",   "see ",   "cf. ",
      "compare ",       "véase también ", "véase ",      "vid. ",       "cfr. ",  "voir aussi ",
      "voir ",          "vgl. auch ",     "vgl. ",       "siehe auch ", "siehe ", "but see "};
  size_t total = 0;
  for (int again = 1; again;) {
    again = 0;
    for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
      if (total >= length || lower(text[total]) != signals[i][0]) continue;
      size_t n = strlen(signals[i]), j = 0;
      if (length - total <= n) continue;
      while (j < n && lower(text[total + j]) == signals[i][j]) j++;
      if (j == n) {
        total += n;
        again = 1;
        break;
      }
    }
  }
  return total;
}

static void shift(ibid_legal_span *s, size_t by) {
  if (s->length) s->start += by;
}

static int parse(const char *text, size_t length, ibid_legal *out, char *symbol, size_t size) {
  memset(out, 0, sizeof(*out));
  symbol[0] = 0;
  if (length == 0 || length > MOST_BYTES) return 0;
  size_t lead = signal_length(text, length);
  if (lead) {
    int found = parse(text + lead, length - lead, out, symbol, size);
    if (found == 1) {
      ibid_legal_span *spans[] = {&out->title,     &out->authors, &out->container, &out->volume,
                                  &out->page,      &out->number,  &out->authority, &out->locator,
                                  &out->publisher, &out->body};
      for (size_t i = 0; i < sizeof(spans) / sizeof(spans[0]); i++) shift(spans[i], lead);
    }
    return found;
  }
  /* every legal citation has a number: most text is rejected here */
  size_t digit = 0;
#ifdef __SSE2__
  /* sixteen bytes at a time (scan.h); signed compares leave out bytes 0x80 and above */
  for (; digit + 16 <= length; digit += 16) {
    __m128i v = ibid_scan16_load(text + digit);
    unsigned digits = ibid_scan16_digits(v);
    if (digits) break;
  }
#endif
  while (digit < length && !is_digit(text[digit])) digit++;
  if (digit == length) return 0;
  reader r;
  r.text = text;
  r.length = length;
  int found = 0;
  if (tokenize(&r))
    found = report_citation(&r, out) || document_citation(&r, out, symbol, size) ||
            german_reporter(&r, out) || court_reports(&r, out) || statute(&r, out) ||
            legal_book(&r, out);
  if (!found) memset(out, 0, sizeof(*out));
  return found;
}

int ibid_parse_legal(const char *text, size_t length, ibid_legal *out) {
  char symbol[64];
  return parse(text, length, out, symbol, sizeof(symbol)) == 1;
}

static void put(ibid_json_object *o, const char *text, const char *key, ibid_legal_span s) {
  if (s.length) ibid_json_object_string(o, key, text + s.start, s.length);
}

/* Particles that belong to a family name: "Van Schaack", "de Vries". */
static int particle(const char *text, size_t start, size_t end) {
  static const char *const words[] = {"van", "von", "de", "der", "den", "du",  "da",
                                      "di",  "la",  "le", "ten", "ter", "del", "dos"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    size_t n = strlen(words[i]);
    if (end - start != n) continue;
    size_t j = 0;
    while (j < n && lower(text[start + j]) == words[i][j]) j++;
    if (j == n) return 1;
  }
  return 0;
}

/* One name "Ann Roe" / "Beth Van Schaack" as {"given", "family"}. */
static void put_name(ibid_buffer *b, const char *text, size_t start, size_t end) {
  ibid_legal_span s = trimmed(text, start, end);
  start = s.start, end = s.start + s.length;
  size_t family = end;
  while (family > start && text[family - 1] != ' ') family--;
  if (family > start) {
    size_t before = family - 1, word = before;
    while (word > start && text[word - 1] != ' ') word--;
    if (word < before && particle(text, word, before)) family = word;
  }
  ibid_json_object o;
  ibid_json_object_begin(&o, b);
  if (family > start) {
    ibid_legal_span given = trimmed(text, start, family);
    ibid_json_object_string(&o, "family", text + family, end - family);
    put(&o, text, "given", given);
  } else {
    ibid_json_object_string(&o, "family", text + start, end - start);
  }
  ibid_json_object_end(&o);
}

static void put_authors(ibid_json_object *o, const char *text, ibid_legal_span s) {
  if (!s.length || s.length > 200) return;
  ibid_json_object_key(o, "author");
  ibid_buffer *b = o->buffer;
  ibid_buffer_append_char(b, '[');
  size_t start = s.start, end = s.start + s.length;
  int first = 1;
  for (size_t p = start; p <= end; p++) {
    size_t cut = 0;
    if (p == end)
      cut = 0;
    else if (text[p] == ',')
      cut = 1;
    else if (p + 5 <= end && memcmp(text + p, " and ", 5) == 0)
      cut = 5;
    else if (p + 3 <= end && memcmp(text + p, " & ", 3) == 0)
      cut = 3;
    else
      continue;
    if (p > start) {
      if (!first) ibid_buffer_append_char(b, ',');
      put_name(b, text, start, p);
      first = 0;
    }
    start = p + (cut ? cut : 1);
    while (start < end && text[start] == ' ') start++;
    if (start + 4 <= end && memcmp(text + start, "and ", 4) == 0) start += 4;
  }
  ibid_buffer_append_char(b, ']');
}

static const char *body_of(const char *text, size_t length, const ibid_legal *l, char prefix) {
  (void)text, (void)length, (void)l;
  return prefix == 'A' ? "United Nations General Assembly" : "United Nations Security Council";
}

char *ibid_parse_legal_json(const char *text, size_t length, size_t *json_length,
                            ibid_legal_span *locator, int *failed) {
  ibid_legal l;
  char symbol[64];
  *failed = 0;
  locator->start = locator->length = 0;
  int found = parse(text, length, &l, symbol, sizeof(symbol));
  if (found < 0) *failed = 1;
  if (found != 1) return NULL;
  ibid_buffer b;
  ibid_buffer_init(&b);
  ibid_json_object o;
  ibid_json_object_begin(&o, &b);
  ibid_json_object_string(&o, "type", l.type, strlen(l.type));
  if (l.title.length) {
    put(&o, text, "title", l.title);
  } else if (l.container.length && l.page.length) {
    /* a case known only by its report: "BVerfGE 123, 267" names it */
    size_t start =
        l.container.start < l.volume.start || !l.volume.length ? l.container.start : l.volume.start;
    ibid_json_object_string(&o, "title", text + start, l.page.start + l.page.length - start);
  }
  if (l.authors.length) {
    put_authors(&o, text, l.authors);
  } else if (l.body.length) {
    ibid_json_object_key(&o, "author");
    ibid_buffer_append_string(&b, "[{\"literal\":");
    ibid_json_string(&b, text + l.body.start, l.body.length);
    ibid_buffer_append_string(&b, "}]");
  } else if (strcmp(l.type, "legislation") == 0 && (symbol[0] || l.number.length)) {
    char prefix = symbol[0] ? symbol[0] : text[l.number.start];
    if (prefix == 'S' || prefix == 'A') {
      const char *body = body_of(text, length, &l, prefix);
      ibid_json_object_key(&o, "author");
      ibid_buffer_append_string(&b, "[{\"literal\":");
      ibid_json_string(&b, body, strlen(body));
      ibid_buffer_append_string(&b, "}]");
    }
  }
  put(&o, text, "container-title", l.container);
  put(&o, text, "volume", l.volume);
  put(&o, text, "page", l.page);
  if (symbol[0])
    ibid_json_object_string(&o, "number", symbol, strlen(symbol));
  else
    put(&o, text, "number", l.number);
  put(&o, text, "authority", l.authority);
  put(&o, text, "publisher", l.publisher);
  if (l.year) {
    ibid_json_object_key(&o, "issued");
    ibid_buffer_append_string(&b, "{\"date-parts\":[[");
    ibid_buffer_append_int(&b, l.year);
    if (l.month) {
      ibid_buffer_append_char(&b, ',');
      ibid_buffer_append_int(&b, l.month);
      if (l.day) {
        ibid_buffer_append_char(&b, ',');
        ibid_buffer_append_int(&b, l.day);
      }
    }
    ibid_buffer_append_string(&b, "]]}");
  }
  ibid_json_object_end(&o);
  if (b.failed) {
    ibid_buffer_free(&b);
    *failed = 1;
    return NULL;
  }
  *locator = l.locator;
  return ibid_buffer_take(&b, json_length);
}

/* Does a reference-list entry open with a person's name, "Haque, A." or
** "Smith, John, and Ann Roe."? Then it is a publication by that person
** (about a resolution or a case, perhaps), not the legal material itself. */
static int opens_with_person(const char *text, size_t length) {
  size_t comma = 0, words = 0;
  while (comma < length && comma < 60 && text[comma] != ',' && text[comma] != '.' &&
         text[comma] != '(')
    comma++;
  if (comma >= length || text[comma] != ',' || comma == 0) return 0;
  for (size_t i = 0, word = 0; i <= comma; i++) {
    if (i < comma && (is_digit(text[i]) || text[i] == '/')) return 0;
    if (i == comma || text[i] == ' ') {
      if (i > word) {
        words++;
        if (!is_upper(text[word]) && (unsigned char)text[word] < 0x80 && !particle(text, word, i))
          return 0;
      }
      word = i + 1;
    }
  }
  if (words == 0 || words > 3) return 0;
  size_t after = comma + 1;
  while (after < length && text[after] == ' ') after++;
  /* a given name or initials after the comma: "Bosco, D." / "Smith, John" */
  if (after >= length || !(is_upper(text[after]) || (unsigned char)text[after] >= 0xC0)) return 0;
  size_t end = after;
  while (end < length && text[end] != ' ' && text[end] != ',') end++;
  return end - after <= 14 && !is_digit(text[end - 1]);
}

char *ibid_parse_legal_entry_json(const char *text, size_t length, size_t *json_length,
                                  int *failed) {
  ibid_legal_span locator;
  *failed = 0;
  /* every legal entry has a number; most entries are rejected without a parse */
  if (length == 0 || length > MOST_BYTES || !memchr(text, ' ', length)) return NULL;
  if (opens_with_person(text, length)) return NULL;
  ibid_legal l;
  char symbol[64];
  if (parse(text, length, &l, symbol, sizeof(symbol)) != 1) return NULL;
  int legal = strcmp(l.type, "legal_case") == 0 || strcmp(l.type, "treaty") == 0 ||
              strcmp(l.type, "legislation") == 0 ||
              ((strcmp(l.type, "report") == 0 || strcmp(l.type, "document") == 0) &&
               (l.number.length || symbol[0]));
  if (!legal) return NULL;
  return ibid_parse_legal_json(text, length, json_length, &locator, failed);
}

size_t ibid_legal_case_short_form(const char *text, size_t length, ibid_legal_span *locator) {
  locator->start = locator->length = 0;
  if (length == 0 || length > 200) return 0;
  reader r;
  r.text = text;
  r.length = length;
  if (!tokenize(&r) || r.count < 4) return 0;
  /* the case name: up to a comma, at most six words, first capitalized */
  size_t name = 0;
  while (name < r.count && name < 6 && text[r.tokens[name].end - 1] != ',') name++;
  if (name >= r.count || name >= 6 || !is_upper(text[r.tokens[0].start])) return 0;
  size_t k = name + 1;
  if (k >= r.count || !number_token(&r, k, 0, NULL)) return 0;
  size_t j = k + 1;
  while (j < r.count && j - k <= 4 && !token_is(&r, j, "at") &&
         abbreviation_token(&r, j, j == k + 1))
    j++;
  if (j == k + 1 || j + 1 >= r.count || !token_is(&r, j, "at") || !range_token(&r, j + 1)) return 0;
  /* nothing but punctuation after the pinpoint */
  if (j + 2 != r.count) return 0;
  token pin = core(&r, j + 1, 1);
  locator->start = pin.start;
  locator->length = pin.end - pin.start;
  return core(&r, name, 0).end;
}

int ibid_legal_entry_opening(const char *text, size_t length) {
  static const char *const instruments[] = {"treaty",     "convention", "statute ", "statute,",
                                            "charter",    "covenant",   "protocol", "agreement",
                                            "resolution", NULL};
  static const char *const bodies[] = {"United Nations ",
                                       "UN ",
                                       "Security Council",
                                       "General Assembly",
                                       "UNSC",
                                       "UNGA",
                                       "Conseil de sécurité",
                                       "Consejo de Seguridad",
                                       NULL};
  if (length < 6 || !is_upper(text[0])) return 0;
  size_t limit = length < 100 ? length : 100;
  /* the name part: up to the first comma, parenthesis or bracket */
  size_t name = 0;
  while (name < limit && text[name] != ',' && text[name] != '(' && text[name] != '[') name++;
  /* "Prosecutor v Al Bashir", "Sosa v. Alvarez-Machain", "R v Bow Street" */
  if (contains_text(text, 0, name, " v ") || contains_text(text, 0, name, " v. ")) return 1;
  for (size_t i = 0; bodies[i]; i++) {
    size_t n = strlen(bodies[i]);
    if (length > n && memcmp(text, bodies[i], n) == 0) return 1;
  }
  for (size_t i = 0; instruments[i]; i++)
    if (contains_text(text, 0, name, instruments[i])) return 1;
  return 0;
}
