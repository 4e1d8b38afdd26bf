/*
** references.c -- citations inside notes, and bibliography entries (see
** references.h).
**
** HOW IT WORKS
** A note body is cut into segments at semicolons and at sentence starts that
** open a new citation ("Also see", "See also", "Cf."), never inside
** parentheses, brackets or quotation marks ("(Leiden: Example Press; 1984)"
** stays whole). A semicolon inside an author list ("Roe, Ann B.; Doe,
** Carl; and Lee, Bo, ...") or before a parallel case report ("; 2017 (3) SA
** 212") does not cut. A segment is cut again at ", and " when a complete
** citation comes before it and a new one after ("Ibid., p. 31, and Roe,
** Ann, ..."). A segment holding a prose sentence is cut into sentences
** and the prose ones dropped ("Citation. Commentary. Citation."). Each piece
** loses its lead-in ("For the general theory, see ", "X, quoted in ") and is
** kept when it reads as a citation: it opens with an Ibid.-like word, with a
** name followed by a comma, or with a quoted title, or it holds a year, a page
** locator, a URL or a document symbol without reading as prose.
**
** A reference list starts at a heading line (not one right under two numbered
** sections' titles or more: a table of contents without page numbers) and
** ends at a closing heading ("Appendix", "Notes", a series' list of papers),
** an author's note ("X is professor of ...") or biography ("Prof. Dr. X, geb.
** 1960, ...", "X," then "geb. 1985. ..."; "X, Department of ..." only where
** the list does not go on), a run-in abstract, key words
** or publisher's note ("Zusammenfassung: ...") after which the list does not
** go on, or an article's history
** ("Received 12 March 2007"), or at a
** heading-like line or caption after which the list does not go on (no year
** in the next six lines, or for a caption no year counted, no next label, no
** sure opening with a year); a sub-heading inside ("Sources imprimées", or
** by its name whatever follows: "Table of Cases", "Rechtsprechung",
** "Doctrine", "Legislación"; not a case's name on its own line, nor a line
** the next line goes on, nor at a page's top without a blank line after it)
** is left out, and the entries under it do not make the list one separated
** by blank lines; page numbers, running heads (seen three times, with a
** year only with a page number or in a block of its own, or twice with a
** page number set off by a gap, or on the line after a page number, in title
** case only with a blank line after it), page
** counts, journal feet between bars, download stamps, publishers' notices and
** author notes inside are skipped (a line of link words such as "CrossRef
** Medline" is never a running head), and the blank lines around them separate
** nothing; entries start at
** a line that opens one at the entry indent, or after a blank line unless the
** line is indented further; a numbered list is cut at its labels, and again
** at a second reference under one label, on a line of its own or inside a
** line ("(2004); K. Lee, Nature 445, 896 (2007)"; not "(1971); The ...",
** the same authors' next paper), its last entry ending on its year before a
** note after it, a footnote set among its entries ("12 Even this ...") left
** out, and at the next "[12]" inside a line ("... 2014. [3] Huang L, ..."),
** a label written otherwise ("3 May 2017.") or two ahead after a hyphen
** ("903-" then "10.") starting nothing; a list keyed in brackets ("[AH]")
** at its keys; the last entry of either ending before the authors'
** addresses ("School of Mathematics, ..., GA 30332-0160"); a flat list at a
** line that surely opens an entry (by how names, initials, years, labels and
** corporate authors sit at its start, or a case, a statute or a decision:
** "Whaling in the Antarctic (Australia v. Japan)", "STC 45/1989, de 20 de
** febrero", "Ley 39/2015", "Cass. soc., 1er février 2011", an archive's call
** number "CO 323/1034/5") after one that
** closed the entry before, not at a law review's "EJIL (2005) 907." after
** a volume, and at a short line's end only once the entry has its year.
** Every test looks at a bounded stretch of text, so both scans are linear.
**
** In-text links to a numbered list (at least three entries labelled in
** sequence): one pass before the list reads bracket groups ("[7, 8]"), and,
** when a reference heading opens the list, superscript groups ("¹⁻³") and
** digit groups glued on as superscripts leave them ("before.2,3"; the tests
** of ibid_glued_marker, and no formula such as "LiPF6"). A group links only
** when all its numbers label entries and none is the number of a note that
** ibid_find_notes finds outside the list (then the marker is the note's).
*/
#include "references.h"

#include <string.h>
#include <unicode/uchar.h>

#include "legal.h"
#include "markers.h"
#include "memory.h"
#include "scan.h"
#include "utf8.h"

/* ----- small character tests ------------------------------------------------ */

static int is_space(unsigned char c) {
  /* ' ', '\t', '\n', '\v', '\f', '\r' as bits of a mask: one test */
  return c <= ' ' && ((0x100003E00ULL >> c) & 1);
}
static int is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}
static int is_upper_ascii(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_lower_ascii(unsigned char c) {
  return c >= 'a' && c <= 'z';
}

#ifdef __SSE2__
/* The per-byte scans below look at sixteen bytes at once first (scan.h): a
** mask of the bytes where their loop bodies can do anything; the bytes
** between are stepped over, as the loop would step over them one by one. */

/* is_space of each byte of v. */
static unsigned space_mask(__m128i v) {
  return ibid_scan16_eq(v, ' ') | ibid_scan16_range(v, '\t', '\r');
}

/* may_be_bracket of each byte of v. */
static unsigned bracket_mask(__m128i v) {
  return ibid_scan16_eq(v, '(') | ibid_scan16_eq(v, '[') | ibid_scan16_eq(v, ')') |
         ibid_scan16_eq(v, ']') | ibid_scan16_eq(v, 0xE2);
}
#endif

/* The case of the character at i: 1 for an upper-case (or title-case)
** letter, -1 for a lower-case one, 0 for anything else or the end. ASCII by
** its byte, any other by ICU ("É", "Ł", "Ž", "Ω"; "élève", "łódź"). */
static int letter_case_at(const char *text, size_t end, size_t i) {
  if (i >= end) return 0;
  unsigned char c = (unsigned char)text[i];
  if (c < 0x80) return is_upper_ascii(c) ? 1 : is_lower_ascii(c) ? -1 : 0;
  uint32_t codepoint;
  ibid_utf8_decode(text, end, i, &codepoint);
  if (u_isupper((UChar32)codepoint) || u_istitle((UChar32)codepoint)) return 1;
  return u_islower((UChar32)codepoint) ? -1 : 0;
}

static int starts_upper(const char *text, size_t end, size_t i) {
  return letter_case_at(text, end, i) > 0;
}

static int starts_lower(const char *text, size_t end, size_t i) {
  return letter_case_at(text, end, i) < 0;
}

/* Whether text[i..end) starts with word (lowercase ASCII), ignoring case.
** Stops at the first differing byte: called at every position of a note. */
static int has_prefix_nocase(const char *text, size_t end, size_t i, const char *word) {
  for (size_t k = 0; word[k]; k++) {
    if (i + k >= end) return 0;
    unsigned char a = (unsigned char)text[i + k];
    if (is_upper_ascii(a)) a = (unsigned char)(a - 'A' + 'a');
    if (a != (unsigned char)word[k]) return 0;
  }
  return 1;
}

/* Opening and closing quotation marks and brackets that protect separators. */
static int opener_at(const char *text, size_t end, size_t i, size_t *width) {
  unsigned char c = (unsigned char)text[i];
  *width = 1;
  if (c == '(' || c == '[') return 1;
  if (c == 0xE2 && i + 2 < end && (unsigned char)text[i + 1] == 0x80) {
    unsigned char d = (unsigned char)text[i + 2];
    *width = 3;
    if (d == 0x98 || d == 0x9C) return 1; /* ‘ “ */
  }
  return 0;
}

static int closer_at(const char *text, size_t end, size_t i, size_t *width) {
  unsigned char c = (unsigned char)text[i];
  *width = 1;
  if (c == ')' || c == ']') return 1;
  if (c == 0xE2 && i + 2 < end && (unsigned char)text[i + 1] == 0x80) {
    unsigned char d = (unsigned char)text[i + 2];
    *width = 3;
    if (d == 0x99 || d == 0x9D) {
      /* ’ between letters is an apostrophe ("Court’s"), not a closing quote. */
      if (d == 0x99 && i > 0 && i + 3 < end && !is_space((unsigned char)text[i - 1]) &&
          (is_lower_ascii((unsigned char)text[i + 3]) ||
           is_upper_ascii((unsigned char)text[i + 3])))
        return 0;
      return 1;
    }
  }
  return 0;
}

/* ----- item list ------------------------------------------------------------ */

typedef struct item_list {
  ibid_citation_item *items;
  size_t count, capacity;
  int failed;
} item_list;

static void item_push(item_list *list, size_t start, size_t length, ibid_citation_form form) {
  if (list->failed) return;
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 8;
    ibid_citation_item *items = ibid_realloc(list->items, capacity * sizeof(*items));
    if (!items) {
      list->failed = 1;
      return;
    }
    list->items = items;
    list->capacity = capacity;
  }
  list->items[list->count].start = start;
  list->items[list->count].length = length;
  list->items[list->count].form = form;
  list->count++;
}

/* ----- recognising citations ------------------------------------------------ */

static const char *const ibid_words[] = {"ibid", "ibidem", "id.", "idem", "ebd.", "ebenda"};
static const char *const supra_words[] = {"op. cit",  "op cit", "supra", "above n", "loc. cit",
                                          "art. cit", "a.a.o.", "(n ",   "(fn. ",   "(fn "};
static const char *const lead_ins[] = {"see generally ",
                                       "see, generally, ",
                                       "see further ",
                                       "see especially ",
                                       "see, in particular, ",
                                       "see also ",
                                       "also see ",
                                       "see, e.g., ",
                                       "see e.g. ",
                                       "see, for example, ",
                                       "see ",
                                       "cf. ",
                                       "compare ",
                                       "quoted in ",
                                       "vgl. auch ",
                                       "vgl. ",
                                       "siehe auch ",
                                       "siehe ",
                                       "s. auch ",
                                       "voir aussi ",
                                       "voir également ",
                                       "voir ",
                                       "cited in ",
                                       "and "};

static ibid_citation_form back_reference_form(const char *text, size_t start, size_t end) {
  for (size_t k = 0; k < sizeof(ibid_words) / sizeof(*ibid_words); k++) {
    size_t n = strlen(ibid_words[k]);
    if (has_prefix_nocase(text, end, start, ibid_words[k]) &&
        (start + n >= end || !is_lower_ascii((unsigned char)text[start + n])))
      return IBID_CITATION_IBID;
  }
  size_t limit = end < start + 200 ? end : start + 200;
  for (size_t i = start; i < limit; i++) {
#ifdef __SSE2__
    if (i != start && i + 16 <= limit) { /* to a word starting with one of the bytes below */
      __m128i v = ibid_scan16_load(text + i), folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
      unsigned stops =
          space_mask(ibid_scan16_load(text + i - 1)) &
          (ibid_scan16_eq(folded, 'o') | ibid_scan16_eq(folded, 's') | ibid_scan16_eq(folded, 'a') |
           ibid_scan16_eq(folded, 'l') | ibid_scan16_eq(v, '('));
      if (!stops) {
        i += 15;
        continue;
      }
      i += (size_t)__builtin_ctz(stops);
    }
#endif
    if (i != start && !is_space((unsigned char)text[i - 1])) continue;
    unsigned char c = (unsigned char)text[i];
    if (is_upper_ascii(c)) c = (unsigned char)(c - 'A' + 'a');
    /* every supra word starts with one of these: most positions stop here */
    if (c != 'o' && c != 's' && c != 'a' && c != 'l' && c != '(') continue;
    for (size_t k = 0; k < sizeof(supra_words) / sizeof(*supra_words); k++)
      if ((unsigned char)supra_words[k][0] == c && has_prefix_nocase(text, end, i, supra_words[k]))
        return IBID_CITATION_SUPRA;
  }
  return IBID_CITATION_FULL;
}

/* "Surname," or "Surname and Surname," or "Surname Surname," at start: a name
** list opens the citation. Returns the offset just after the comma, or 0. */
static const char *const name_particles[] = {
    "du ", "de ", "da ",  "di ", "van ", "von ", "der ", "den ", "del ", "della ",
    "le ", "la ", "ter ", "al-", "el-",  "bin ", "ibn ", "vom ", "zu "};

static size_t name_then_comma(const char *text, size_t start, size_t end) {
  size_t i = start;
  int words = 0;
  while (i < end && words < 5) {
    /* "de ", "van den ": particles before the surname */
    for (int particles = 0; particles < 3 && i < end && is_lower_ascii((unsigned char)text[i]);
         particles++) {
      size_t k = 0, n = sizeof(name_particles) / sizeof(*name_particles);
      while (k < n && !has_prefix_nocase(text, end, i, name_particles[k])) k++;
      if (k == n) break;
      i += strlen(name_particles[k]);
    }
    if (!starts_upper(text, end, i)) return 0;
    while (i < end && !is_space((unsigned char)text[i]) && text[i] != ',') i++;
    words++;
    if (i < end && text[i] == ',') return i + 1;
    while (i < end && is_space((unsigned char)text[i])) i++;
    if (has_prefix_nocase(text, end, i, "and ")) i += 4;
  }
  return 0;
}

/* Counts the words of the segment and how many are lowercase function words:
** prose has many ("had", "the", "that"), a citation few. */
static int reads_as_prose(const char *text, size_t start, size_t end) {
  /* by first letter; starts[c - 'a'] .. starts[c - 'a' + 1] are those of c */
  static const char *const function_words[] = {
      "are ", "but ",  "been ", "had ",  "has ", "have ", "is ",    "it ",  "not ",
      "the ", "that ", "they ", "this ", "was ", "were ", "which ", "who ", "would "};
  static const unsigned char starts[27] = {0, 1, 3, 3, 3, 3, 3,  3,  6,  8,  8,  8,  8, 8,
                                           9, 9, 9, 9, 9, 9, 13, 13, 13, 18, 18, 18, 18};
  int words = 0, hits = 0;
  for (size_t i = start; i < end; i++) {
#ifdef __SSE2__
    if (i != start && i + 16 <= end) { /* to the next word start */
      unsigned stops =
          space_mask(ibid_scan16_load(text + i - 1)) & ~space_mask(ibid_scan16_load(text + i));
      if (!stops) {
        i += 15;
        continue;
      }
      i += (size_t)__builtin_ctz(stops);
    }
#endif
    if (i != start && !is_space((unsigned char)text[i - 1])) continue;
    if (is_space((unsigned char)text[i])) continue;
    words++;
    /* only a lowercase word can be one; its first letter picks the candidates */
    if (!is_lower_ascii((unsigned char)text[i])) continue;
    for (size_t k = starts[text[i] - 'a']; k < starts[text[i] - 'a' + 1]; k++)
      if (has_prefix_nocase(text, end, i + 1, function_words[k] + 1)) {
        hits++;
        break;
      }
  }
  return words >= 6 && hits * 8 >= words;
}

#ifdef __SSE2__
/* Bit k set when text[k] is '1' or '2' (sixteen bytes). */
static unsigned one_or_two(const char *text) {
  __m128i v = ibid_scan16_load(text);
  return ibid_scan16_eq(v, '1') | ibid_scan16_eq(v, '2');
}
#endif

static int has_year(const char *text, size_t start, size_t end) {
  for (size_t i = start; i + 4 <= end; i++) {
#ifdef __SSE2__
    /* most bytes are no "1" or "2": sixteen at a time to the next one */
    if (i + 16 <= end) {
      unsigned ones = one_or_two(text + i);
      if (!ones) {
        i += 15;
        continue;
      }
      i += (size_t)__builtin_ctz(ones);
      if (i + 4 > end) break;
    }
#endif
    if ((unsigned char)(text[i] - '1') > 1) continue;
    if (i > start && is_digit((unsigned char)text[i - 1])) continue;
    if (!is_digit((unsigned char)text[i + 1]) || !is_digit((unsigned char)text[i + 2]) ||
        !is_digit((unsigned char)text[i + 3]))
      continue;
    if (i + 4 < end && is_digit((unsigned char)text[i + 4])) continue;
    int year = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 +
               (text[i + 3] - '0');
    if (year >= 1600 && year <= 2099) return 1;
  }
  return 0;
}

static int has_citation_marks(const char *text, size_t start, size_t end) {
  for (size_t i = start; i < end; i++) {
    size_t width;
    if (opener_at(text, end, i, &width) && width == 3) return 1; /* quoted title */
    if (has_prefix_nocase(text, end, i, "pp.") || has_prefix_nocase(text, end, i, "http") ||
        has_prefix_nocase(text, end, i, "www.") ||
        has_prefix_nocase(text, end, i, "available at") ||
        has_prefix_nocase(text, end, i, " v. ") || has_prefix_nocase(text, end, i, "doc.") ||
        (i == start && has_prefix_nocase(text, end, i, "interview")))
      return 1;
    /* "Party v Party": a case name */
    if (has_prefix_nocase(text, end, i, " v ") && i + 3 < end && starts_upper(text, end, i + 3))
      return 1;
    if ((has_prefix_nocase(text, end, i, "p. ") || has_prefix_nocase(text, end, i, "vol. ") ||
         has_prefix_nocase(text, end, i, "no. ")) &&
        i + 4 < end &&
        (is_digit((unsigned char)text[i + 3]) || is_digit((unsigned char)text[i + 4]) ||
         is_digit((unsigned char)text[i + 5 < end ? i + 5 : i])))
      return 1;
    if (text[i] == '(' && i + 5 < end && text[i + 5] == ')' && has_year(text, i + 1, i + 5))
      return 1;
  }
  return 0;
}

/* "Surname ‘" at start: a name set directly before a quoted title (a short
** form whose comma was lost). Returns the offset of the quotation mark, or 0. */
static size_t name_then_quote(const char *text, size_t start, size_t end) {
  size_t i = start, width;
  for (int words = 0; words < 3 && i < end && starts_upper(text, end, i); words++) {
    while (i < end && !is_space((unsigned char)text[i]) && text[i] != ',') i++;
    while (i < end && is_space((unsigned char)text[i])) i++;
    if (i < end && opener_at(text, end, i, &width) && width == 3) return i;
  }
  return 0;
}

/* A quoted title with at most a short locator after it, no year, no container:
** "‘Short title’." or "‘Short title’, p. 3." */
static int quoted_title_alone(const char *text, size_t start, size_t end) {
  size_t width;
  if (start >= end || !opener_at(text, end, start, &width) || width != 3) return 0;
  int depth = 0;
  for (size_t i = start; i < end;) {
    if (opener_at(text, end, i, &width) && width == 3) {
      depth++;
    } else if (closer_at(text, end, i, &width) && width == 3 && --depth == 0) {
      i += width;
      return end - i < 24 && !has_year(text, i, end);
    } else {
      width = 1;
    }
    i += width;
  }
  return 0;
}

/* Short form "Surname, 15." or "Surname, ‘Short title’, p. 3." */
static int is_short_form(const char *text, size_t start, size_t end) {
  if (end - start < 200 && quoted_title_alone(text, start, end)) return 1;
  size_t quote = name_then_quote(text, start, end);
  if (quote && quoted_title_alone(text, quote, end)) return 1;
  size_t after = name_then_comma(text, start, end);
  if (!after) return 0;
  while (after < end && is_space((unsigned char)text[after])) after++;
  if (after < end && is_digit((unsigned char)text[after])) {
    while (after < end && (is_digit((unsigned char)text[after]) || text[after] == '-')) after++;
    return end - after < 4;
  }
  size_t width;
  if (after < end && opener_at(text, end, after, &width) && width == 3) {
    /* quoted short title followed by a locator or nothing, and no container */
    size_t i = after + width;
    while (i < end && !closer_at(text, end, i, &width)) i++;
    if (i >= end) return 0;
    i += width;
    size_t rest = end - i;
    return rest < 24 && !has_year(text, i, end);
  }
  /* "Roe, Making of Modern Archives, 60.": a name, a short title and a pinpoint */
  if (end - after < 90 && !has_year(text, after, end)) {
    size_t last = end;
    while (last > after && (text[last - 1] == '.' || is_space((unsigned char)text[last - 1])))
      last--;
    size_t number = last;
    while (number > after && (is_digit((unsigned char)text[number - 1]) || text[number - 1] == '-'))
      number--;
    size_t comma = number;
    while (comma > after && is_space((unsigned char)text[comma - 1])) comma--;
    if (number < last && is_digit((unsigned char)text[number]) && comma > after &&
        text[comma - 1] == ',' && starts_upper(text, end, after)) {
      int commas = 0;
      for (size_t i = after; i < comma - 1; i++) commas += text[i] == ',';
      if (commas == 0) return 1;
    }
  }
  /* "Human Rights Group, Court Protocol." : a name and a few title words */
  if (end - after >= 60 || has_year(text, after, end) || has_citation_marks(text, after, end) ||
      text[end - 1] != '.')
    return 0;
  for (size_t i = after; i < end; i++) /* "A, B, C, and D." is a list, not a short form */
    if (text[i] == ',') return 0;
  return 1;
}

/* A web address or "available at": on its own enough to make a non-prose
** segment a citation ("Site name (undated), available at: ..."). */
static int has_strong_marks(const char *text, size_t start, size_t end) {
  for (size_t i = start; i < end; i++)
    if (has_prefix_nocase(text, end, i, "http") || has_prefix_nocase(text, end, i, "www.") ||
        has_prefix_nocase(text, end, i, "available at") || has_prefix_nocase(text, end, i, "doi"))
      return 1;
  return 0;
}

/* Whether text[start, end) is a citation. *form is set to the form
** emit_citation gives it (back_reference_form, then SHORT for a full form
** that is_short_form accepts) once both are known, else left at -1, so that
** the caller need not compute them again. prose is reads_as_prose of the
** same span when the caller knows it, else -1. */
static int is_citation_form(const char *text, size_t start, size_t end, int *form, int prose) {
  *form = -1;
  if (end <= start) return 0;
  /* "ders., Title, Place 2012": the same author as the citation before */
  if ((has_prefix_nocase(text, end, start, "ders.") ||
       has_prefix_nocase(text, end, start, "dies.") ||
       has_prefix_nocase(text, end, start, "idem,") ||
       has_prefix_nocase(text, end, start, "id.,")) &&
      has_year(text, start, end))
    return 1;

  ibid_citation_form back = back_reference_form(text, start, end);
  if (back != IBID_CITATION_FULL) {
    *form = (int)back;
    return 1;
  }
  if (is_short_form(text, start, end)) {
    *form = (int)IBID_CITATION_SHORT;
    return 1;
  }
  *form = (int)IBID_CITATION_FULL; /* (is_short_form below gives the same 0) */
  if (prose < 0 ? reads_as_prose(text, start, end) : prose) {
    /* prose that opens with a citation ("Name, 'Title', Journal (2001) have argued")
       still counts when it holds the marks of one */
    return name_then_comma(text, start, end) &&
           (has_citation_marks(text, start, end) || has_year(text, start, end));
  }
  size_t width;
  if (name_then_comma(text, start, end) || (opener_at(text, end, start, &width) && width == 3))
    return has_year(text, start, end) || has_citation_marks(text, start, end) ||
           is_short_form(text, start, end) ||
           ibid_legal_case_short_form(text + start, end - start, &(ibid_legal_span){0, 0});
  if ((has_year(text, start, end) && has_citation_marks(text, start, end)) ||
      has_strong_marks(text, start, end))
    return 1;
  /* a case, treaty, resolution or UN document, read field by field */
  ibid_legal legal;
  return end - start < 600 && ibid_parse_legal(text + start, end - start, &legal);
}

static int is_citation(const char *text, size_t start, size_t end) {
  int form;
  return is_citation_form(text, start, end, &form, -1);
}

/* ----- segmentation --------------------------------------------------------- */

static void trim(const char *text, size_t *start, size_t *end) {
  while (*start < *end &&
         (is_space((unsigned char)text[*start]) || text[*start] == ';' || text[*start] == ','))
    (*start)++;
  while (*end > *start && (is_space((unsigned char)text[*end - 1]) || text[*end - 1] == ';' ||
                           text[*end - 1] == ','))
    (*end)--;
}

/* Clause ends that introduce the citation after them: "For the theory, see X",
** "A broad typology (...) – see X", "Ann Roe, quoted in X". */
static const char *const inner_lead_ins[] = {
    ", see ", " – see ", " — see ", ", quoted in ", " quoted in ", ", cited in ", " cited in "};

/* Steps over an opening or closing bracket or quotation mark at *i, keeping
** *depth; returns 1 when it did. Separators only count at depth 0. */
static int step_over_bracket(const char *text, size_t end, size_t *i, int *depth) {
  unsigned char c = (unsigned char)text[*i];
  if (c != '(' && c != '[' && c != ')' && c != ']' && c != 0xE2) return 0; /* most bytes */
  size_t width;
  if (opener_at(text, end, *i, &width)) {
    (*depth)++;
    *i += width;
    return 1;
  }
  if (*depth > 0 && closer_at(text, end, *i, &width)) {
    (*depth)--;
    *i += width;
    return 1;
  }
  return 0;
}

/* The bytes the per-byte scans below must look at more closely (a quick
** test before a call, for speed; the calls themselves decide): */
/* a bracket or the lead byte of a curly quotation mark (step_over_bracket,
** opener_at, closer_at) */
static int may_be_bracket(unsigned char c) {
  return c == '(' || c == '[' || c == ')' || c == ']' || c == 0xE2;
}
/* the second byte of an inner lead-in (", see ", " – see ", " quoted in ", ...) */
static int may_follow_inner_lead_in(unsigned char c) {
  return c == ' ' || c == 0xE2 || (c | 0x20) == 'q' || (c | 0x20) == 'c';
}

/* Drops a lead-in: "See ", "Also see ", or a clause ending in ", see " when
** what precedes it is not itself a citation. Only text outside brackets and
** quotation marks is searched, and the first match wins, so this is linear. */
static size_t skip_lead_in(const char *text, size_t start, size_t end) {
  unsigned char first = start < end ? (unsigned char)text[start] : 0;
  if (is_upper_ascii(first)) first = (unsigned char)(first - 'A' + 'a');
  if (first && memchr("scqva", first, 5)) /* the lead-ins' first letters */
    for (size_t k = 0; k < sizeof(lead_ins) / sizeof(*lead_ins); k++)
      if (has_prefix_nocase(text, end, start, lead_ins[k])) return start + strlen(lead_ins[k]);
  int depth = 0;
  for (size_t i = start; i < end;) {
#ifdef __SSE2__
    if (i + 17 <= end) { /* to a bracket, or ',' or ' ' before a byte an inner lead-in has */
      __m128i v = ibid_scan16_load(text + i), next = ibid_scan16_load(text + i + 1);
      unsigned follow = ibid_scan16_eq(next, ' ') | ibid_scan16_eq(next, 0xE2) |
                        ibid_scan16_eq(_mm_or_si128(next, _mm_set1_epi8(0x20)), 'q') |
                        ibid_scan16_eq(_mm_or_si128(next, _mm_set1_epi8(0x20)), 'c');
      unsigned stops =
          bracket_mask(v) | ((ibid_scan16_eq(v, ',') | ibid_scan16_eq(v, ' ')) & follow);
      if (!stops) {
        i += 16;
        continue;
      }
      i += (size_t)__builtin_ctz(stops);
    }
#endif
    if (may_be_bracket((unsigned char)text[i]) && step_over_bracket(text, end, &i, &depth))
      continue;
    /* every inner lead-in starts with ',' or ' ' */
    if (depth == 0 && (text[i] == ',' || text[i] == ' ') && i + 1 < end &&
        may_follow_inner_lead_in((unsigned char)text[i + 1]))
      for (size_t k = 0; k < sizeof(inner_lead_ins) / sizeof(*inner_lead_ins); k++)
        if (inner_lead_ins[k][0] == text[i] && has_prefix_nocase(text, end, i, inner_lead_ins[k])) {
          size_t after = i + strlen(inner_lead_ins[k]);
          return is_citation(text, start, i) ? start : after;
        }
    i++;
  }
  return start;
}

/* Sentence start that opens a new citation: ". Also see X", ". See X". */
static int new_citation_sentence(const char *text, size_t end, size_t i) {
  if (text[i] != '.' || i + 2 >= end || !is_space((unsigned char)text[i + 1])) return 0;
  size_t j = i + 1;
  while (j < end && is_space((unsigned char)text[j])) j++;
  return has_prefix_nocase(text, end, j, "also see ") || has_prefix_nocase(text, end, j, "see ") ||
         has_prefix_nocase(text, end, j, "see also ") || has_prefix_nocase(text, end, j, "cf. ");
}

/* ", and Name, ..." where Name opens a citation and what came before (from
** segment) is already one: "Ibid., p. 31, and Roe, Ann, ...", but not the
** author list "Roe, Ann B., Doe, Carl, and van Lee, Bo, ...". */
static int and_before_citation(const char *text, size_t segment, size_t end, size_t i) {
  if (!has_prefix_nocase(text, end, i, ", and ")) return 0;
  size_t j = i + 6;
  if (!name_then_comma(text, j, end) || !has_year(text, j, end < j + 400 ? end : j + 400)) return 0;
  /* only the last stretch before the comma is looked at, so that a long
     segment with many ", and " stays linear */
  size_t from = i - segment > 300 ? i - 300 : segment;
  return back_reference_form(text, segment, i) != IBID_CITATION_FULL || has_year(text, from, i) ||
         has_citation_marks(text, from, i);
}

/* A semicolon that does not end a citation: parallel reports of a case
** ("[2017] XYHC 53; 2017 (3) SA 212") go on with a number or bracket, and
** author lists ("Roe, Ann B.; Doe, Carl; and Lee, Bo, ...")
** have only a short name before it. */
static int semicolon_continues(const char *text, size_t segment, size_t end, size_t i) {
  size_t j = i + 1;
  while (j < end && is_space((unsigned char)text[j])) j++;
  if (j < end && (is_digit((unsigned char)text[j]) || text[j] == '[')) return 1;
  /* Vancouver "2013;(10):CD010414": an issue with no volume */
  if (j + 1 < end && text[j] == '(' && is_digit((unsigned char)text[j + 1])) return 1;
  size_t from = segment;
  while (from < i && is_space((unsigned char)text[from])) from++;
  if (i - from > 40 || has_year(text, from, i) || has_citation_marks(text, from, i)) return 0;
  return name_then_comma(text, from, i) != 0 &&
         back_reference_form(text, from, i) == IBID_CITATION_FULL;
}

/* End of the first sentence of text[start, end): a period, then space and a capital. */
static size_t first_sentence_end(const char *text, size_t start, size_t end) {
  for (size_t i = start + 1; i + 2 < end; i++)
    if (text[i] == '.' && text[i + 1] == ' ' && starts_upper(text, end, i + 2) &&
        !(i >= 2 && is_space((unsigned char)text[i - 2])) /* not an initial "J." */)
      return i + 1;
  return end;
}

/* emit_citation once the lead-in is off: start is where skip_lead_in left
** the trimmed text, end its trimmed end. */
static void emit_citation_after_lead_in(item_list *list, const char *text, size_t start, size_t end,
                                        int prose) {
  size_t given_start = start, given_end = end;
  trim(text, &start, &end);
  if (start != given_start || end != given_end) prose = -1; /* known for the given span only */
  int known;
  if (!is_citation_form(text, start, end, &known, prose)) {
    /* A citation followed by commentary: keep the first sentence if it is one. */
    size_t sentence = first_sentence_end(text, start, end);
    if (sentence >= end || reads_as_prose(text, start, sentence) ||
        !has_year(text, start, sentence) || !has_citation_marks(text, start, sentence))
      return;
    end = sentence;
    known = -1;
  }
  ibid_citation_form form;
  if (known >= 0) {
    form = (ibid_citation_form)known;
  } else {
    form = back_reference_form(text, start, end);
    if (form == IBID_CITATION_FULL && is_short_form(text, start, end)) form = IBID_CITATION_SHORT;
  }
  item_push(list, start, end - start, form);
}

static void emit_citation(item_list *list, const char *text, size_t start, size_t end) {
  trim(text, &start, &end);
  emit_citation_after_lead_in(list, text, skip_lead_in(text, start, end), end, -1);
}

/* Sentence end at a period, "?" or "!" outside brackets and quotation marks:
** a space and a capital or an opening quotation mark follow, and the word
** before is not an initial or a short abbreviation ("J.", "pp.", "Mr."). */
static int sentence_end_at(const char *text, size_t end, size_t i) {
  if (!(text[i] == '.' || text[i] == '?' || text[i] == '!') || i + 2 >= end || text[i + 1] != ' ')
    return 0;
  size_t width;
  if (!starts_upper(text, end, i + 2) && !(opener_at(text, end, i + 2, &width) && width == 3))
    return 0;
  if (text[i] != '.') return 1;
  size_t word = i;
  while (word > 0 && (is_lower_ascii((unsigned char)text[word - 1]) ||
                      is_upper_ascii((unsigned char)text[word - 1])))
    word--;
  return word == i || i - word > 3;
}

/* A sentence that reads as prose but opens with a citation ("Roe,
** Ann, ‘Title’, Journal, 13:2 (2013) have argued that ..."). */
static int is_citation_sentence_start(const char *text, size_t start, size_t end) {
  return name_then_comma(text, start, end) &&
         (has_citation_marks(text, start, end) || has_year(text, start, end));
}

/* The sentence reads as commentary once its lead-in ("For the theory, see") is off.
** Sets *after_lead_in and *trimmed_end to where the lead-in ends and the trimmed
** end (what emit_citation would compute for the same sentence), and *prose to
** reads_as_prose of that span. */
static int is_prose_sentence(const char *text, size_t start, size_t end, size_t *after_lead_in,
                             size_t *trimmed_end, int *prose) {
  trim(text, &start, &end);
  start = skip_lead_in(text, start, end);
  *after_lead_in = start;
  *trimmed_end = end;
  *prose = reads_as_prose(text, start, end);
  return *prose && !is_citation_sentence_start(text, start, end);
}

/* A segment mixing commentary and citations ("Citation. Prose sentence.
** Another citation.") is cut into sentences; prose sentences are dropped and
** each run of other sentences is one citation. A segment without a prose
** sentence is one citation as before. */
static void emit_segment(item_list *list, const char *text, size_t start, size_t end) {
  size_t sentence = start, run = start;
  size_t after_lead_in = start, trimmed_end = end;
  int depth = 0, found_prose = 0, sentences = 0, prose = -1; /* prose: of the last sentence */
  for (size_t i = start; i <= end;) {
#ifdef __SSE2__
    if (i + 16 <= end) { /* to a bracket or a sentence end */
      __m128i v = ibid_scan16_load(text + i);
      unsigned stops = bracket_mask(v) | ibid_scan16_terminal(v);
      if (!stops) {
        i += 16;
        continue;
      }
      i += (size_t)__builtin_ctz(stops);
    }
#endif
    size_t width;
    int boundary = i == end;
    if (!boundary) {
      unsigned char c = (unsigned char)text[i];
      if (may_be_bracket(c) && opener_at(text, end, i, &width)) {
        depth++;
        i += width;
        continue;
      }
      if (may_be_bracket(c) && depth > 0 && closer_at(text, end, i, &width)) {
        depth--;
        i += width;
        continue;
      }
      if (!(depth == 0 && (c == '.' || c == '?' || c == '!') && sentence_end_at(text, end, i))) {
        i++;
        continue;
      }
    }
    size_t cut = boundary ? end : i + 1;
    sentences++;
    if (is_prose_sentence(text, sentence, cut, &after_lead_in, &trimmed_end, &prose)) {
      if (run < sentence) emit_citation(list, text, run, sentence);
      run = cut;
      found_prose = 1;
    }
    sentence = cut;
    if (boundary) break;
    i = cut;
  }
  if (!found_prose && sentences == 1) {
    /* one sentence, start..end: its lead-in is known already */
    emit_citation_after_lead_in(list, text, after_lead_in, trimmed_end, prose);
  } else if (!found_prose) {
    emit_citation(list, text, start, end);
  } else if (run < end) {
    emit_citation(list, text, run, end);
  }
}

int ibid_split_citations(const char *text, size_t start, size_t length, ibid_citation_item **items,
                         size_t *count) {
  item_list list = {0};
  size_t end = start + length;
  size_t segment = start;
  int depth = 0;
  for (size_t i = start; i < end;) {
#ifdef __SSE2__
    if (i + 16 <= end) { /* to a bracket, ';', '.' or ',' */
      __m128i v = ibid_scan16_load(text + i);
      unsigned stops = bracket_mask(v) | ibid_scan16_eq(v, ';') | ibid_scan16_eq(v, '.') |
                       ibid_scan16_eq(v, ',');
      if (!stops) {
        i += 16;
        continue;
      }
      i += (size_t)__builtin_ctz(stops);
    }
#endif
    if (may_be_bracket((unsigned char)text[i]) && step_over_bracket(text, end, &i, &depth))
      continue;
    if (depth == 0 && ((text[i] == ';' && !semicolon_continues(text, segment, end, i)) ||
                       (text[i] == '.' && new_citation_sentence(text, end, i)) ||
                       (text[i] == ',' && and_before_citation(text, segment, end, i)))) {
      size_t cut = text[i] == '.' ? i + 1 : i;
      emit_segment(&list, text, segment, cut);
      segment = text[i] == ',' ? i + 6 : i + 1;
      i = segment;
      continue;
    }
    i++;
  }
  emit_segment(&list, text, segment, end);
  if (list.failed) {
    ibid_free(list.items);
    return -1;
  }
  *items = list.items;
  *count = list.count;
  return 0;
}

/* ----- title keys (short-form resolution) ---------------------------------- */

/* Letters and digits make words; ASCII punctuation and the general
** punctuation block (curly quotes, dashes: E2 80 xx) separate them. */
static size_t word_byte(const char *text, size_t end, size_t i) {
  unsigned char c = (unsigned char)text[i];
  if (c == 0xE2 && i + 2 < end && (unsigned char)text[i + 1] == 0x80) return 0;
  if (c >= 0x80 || is_digit(c) || is_lower_ascii(c) || is_upper_ascii(c)) return 1;
  return 0;
}

int ibid_title_keys(const char *text, size_t start, size_t end,
                    unsigned long long keys[IBID_TITLE_KEYS]) {
  size_t i = start, width;
  while (i < end && !(opener_at(text, end, i, &width) && width == 3)) i++;
  if (i >= end) return 0;
  i += width;
  unsigned long long hash = 1469598103934665603ULL; /* FNV-1a */
  int words = 0, in_word = 0, depth = 1;
  for (; i < end && words < IBID_TITLE_KEYS; i++) {
    if (opener_at(text, end, i, &width) && width == 3) {
      depth++;
    } else if (closer_at(text, end, i, &width) && width == 3 && --depth == 0) {
      break;
    }
    if (word_byte(text, end, i)) {
      unsigned char c = (unsigned char)text[i];
      if (is_upper_ascii(c)) c = (unsigned char)(c - 'A' + 'a');
      hash = (hash ^ c) * 1099511628211ULL;
      in_word = 1;
    } else if (in_word) {
      keys[words++] = hash;
      hash = (hash ^ ' ') * 1099511628211ULL;
      in_word = 0;
    }
  }
  if (in_word && words < IBID_TITLE_KEYS) keys[words++] = hash;
  return words;
}

/* ----- bibliography sections ----------------------------------------------- */

/* Reference-list headings in the common languages, lowercased (accented
** letters as UTF-8): the whole line, after a section number, must be one. */
static const char *const bibliography_headings[] = {
    /* English */
    "references", "reference", "bibliography", "works cited", "literature", "literature cited",
    "cited literature", "sources", "reference list", "list of references", "references cited",
    "select bibliography", "selected bibliography", "further reading", "references and notes",
    "notes and references", "bibliography and references", "sources cited", "works consulted",
    "references and bibliography", "bibliographical references", "sources and literature",
    "literature references", "cited references", "literature list", "sources and references",
    "cited works", "bibliography and sources", "sources and bibliography", "secondary sources",
    "secondary literature", "printed sources", "published sources", "archival sources",
    /* German */
    "literatur", "literaturverzeichnis", "literaturliste", "literaturangaben", "literaturhinweise",
    "quellen", "quellenverzeichnis", "quellen und literatur", "quellen- und literaturverzeichnis",
    "literatur- und quellenverzeichnis", "literatur und quellen", "verwendete literatur",
    "zitierte literatur", "bibliografie", "quellenangaben", "literatur und quellenverzeichnis",
    "quellen und literaturverzeichnis", "prim\xc3\xa4rliteratur", "sekund\xc3\xa4rliteratur",
    "prim\xc3\xa4rquellen", "sekund\xc3\xa4rquellen", "gedruckte quellen", "ungedruckte quellen",
    "quellen und darstellungen",
    /* French */
    "bibliographie",
    "r\xc3\xa9"
    "f\xc3\xa9"
    "rences",
    "r\xc3\xa9"
    "f\xc3\xa9"
    "rences bibliographiques",
    "ouvrages cit\xc3\xa9s", "bibliographie s\xc3\xa9lective",
    "liste des r\xc3\xa9"
    "f\xc3\xa9"
    "rences",
    "r\xc3\xa9"
    "f\xc3\xa9"
    "rences cit\xc3\xa9"
    "es",
    "sources et bibliographie", "references bibliographiques",
    "sources imprim\xc3\xa9"
    "es",
    /* Spanish, Portuguese */
    "bibliograf\xc3\xad"
    "a",
    "referencias",
    "referencias bibliogr\xc3\xa1"
    "ficas",
    "obras citadas", "fuentes",
    "bibliograf\xc3\xad"
    "a citada",
    "fuentes y bibliograf\xc3\xad"
    "a",
    "bibliografia",
    "refer\xc3\xaa"
    "ncias",
    "refer\xc3\xaa"
    "ncias bibliogr\xc3\xa1"
    "ficas",
    /* Italian, Dutch */
    "riferimenti", "riferimenti bibliografici", "bibliografia citata", "opere citate", "fonti",
    "literatuur", "literatuurlijst"};

/* Headings that end a reference list whatever follows them: a prefix of the
** line (after a section number) when the word is followed by a space or the
** line's end. */
static const char *const closing_headings[] = {"appendix",
                                               "appendices",
                                               "annex",
                                               "annexe",
                                               "anhang",
                                               "anlage",
                                               "anexo",
                                               "ap\xc3\xa9ndice",
                                               "appendice",
                                               "allegato",
                                               "index",
                                               "acknowledgements",
                                               "acknowledgments",
                                               "about the author",
                                               "about the authors",
                                               "about the contributors",
                                               "notes on contributors",
                                               "author biograph",
                                               "biographical note",
                                               "notice biograph",
                                               "notices biograph",
                                               "sobre el autor",
                                               "sobre la autor",
                                               "sobre los autor",
                                               "sobre las autor",
                                               "\xc3\xa0 propos de l'auteur",
                                               "\xc3\xa0 propos des auteur",
                                               "vita",
                                               "curriculum vitae",
                                               "glossary",
                                               "chapter",
                                               "kapitel",
                                               "danksagung",
                                               "remerciements",
                                               "agradecimientos",
                                               "ringraziamenti",
                                               "\xc3\xbc"
                                               "ber den autor",
                                               "\xc3\xbc"
                                               "ber die autor",
                                               "zu den autor",
                                               "zum autor",
                                               "die autorin",
                                               "der autor",
                                               "die autoren",
                                               "autorenangaben",
                                               "working papers",
                                               "recent working papers",
                                               "previous working papers",
                                               "other working papers",
                                               "discussion papers",
                                               "recent discussion papers",
                                               "previous discussion papers",
                                               "bisher erschienen",
                                               "zuletzt erschienen",
                                               "bereits erschienen",
                                               "in dieser reihe",
                                               "in der reihe",
                                               "weitere arbeitspapiere",
                                               "arbeitspapiere",
                                               "diskussionspapiere",
                                               "discussion paper series",
                                               "working paper series",
                                               "previous issues",
                                               "recent issues",
                                               "also in this series",
                                               "other titles in",
                                               "list of working papers",
                                               "published working papers",
                                               "recent publications",
                                               "latest publications",
                                               "neuere ver\xc3\xb6"
                                               "ffentlichungen",
                                               "ver\xc3\xb6"
                                               "ffentlichungen",
                                               "derniers num\xc3\xa9"
                                               "ros",
                                               "publications r\xc3\xa9"
                                               "centes",
                                               "tables",
                                               "figures",
                                               "tabellen",
                                               "abbildungen",
                                               "endnotes",
                                               "anmerkungen",
                                               "endnoten",
                                               "footnotes",
                                               "supplementary material",
                                               "supporting information",
                                               "online appendix",
                                               "tables and figures",
                                               "figures and tables",
                                               "supplementary data",
                                               "supplementary materials",
                                               "tabellenverzeichnis",
                                               "abbildungsverzeichnis"};

/* Phrases that name a series of papers anywhere in a short heading line. */
static const char *const series_phrases[] = {"in this series",
                                             "in the series",
                                             "in dieser reihe",
                                             "in der reihe",
                                             "dans la m\xc3\xaa"
                                             "me collection",
                                             "dans cette collection",
                                             "en esta serie",
                                             "en la misma serie",
                                             "in questa collana",
                                             "in questa serie",
                                             "paper series"};

typedef struct line_span {
  size_t start, end; /* first and one-past-last non-space bytes; start == end when blank */
} line_span;

/* The end of the line that starts at `line`: its '\n', or length. */
static size_t line_end(const char *text, size_t line, size_t length) {
  const char *newline = line < length ? memchr(text + line, '\n', length - line) : NULL;
  return newline ? (size_t)(newline - text) : (line > length ? line : length);
}

static line_span trimmed_line(const char *text, size_t line, size_t end) {
  line_span span = {line, end};
  while (span.start < span.end && is_space((unsigned char)text[span.start])) span.start++;
  while (span.end > span.start && is_space((unsigned char)text[span.end - 1])) span.end--;
  return span;
}

/* Skips a section number ("8 ", "1.3 ", "IV. ", "A. ") before a heading. */
static size_t skip_section_number(const char *text, size_t start, size_t end) {
  size_t i = start;
  while (i < end && (is_digit((unsigned char)text[i]) || text[i] == '.')) i++;
  if (i == start) {
    while (i < end && (text[i] == 'I' || text[i] == 'V' || text[i] == 'X')) i++;
    if (i == start && i < end && is_upper_ascii((unsigned char)text[i])) i++; /* "A." */
    if (i == start || i >= end || (text[i] != '.' && text[i] != ')')) return start;
    i++;
  }
  if (i < end && !is_space((unsigned char)text[i])) return start;
  while (i < end && is_space((unsigned char)text[i])) i++;
  return i;
}

/* The line text[start, end) lowercased (ASCII and Latin-1 capitals), runs of
** spaces as one, a letter-spaced line ("R E F E R E N C E S", "B i b l i o g r a
** f \xc3\xad a": every word one character) closed up, a gap of two spaces or
** more between its words kept as one space ("W o r k s   C i t e d"), and ':'
** or '.' at the end dropped, into out (size bytes). Returns its length, or 0
** when it does not fit (too long to be a heading). */
static size_t folded_line(const char *text, size_t start, size_t end, char *out, size_t size) {
  size_t n = 0, singles = 0, words = 0, spaces = 0;
  for (size_t i = start; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    if (is_space(c)) {
      spaces += c == '\t' ? 2 : 1;
      continue;
    }
    if (spaces && n) {
      if (n + 1 >= size) return 0;
      out[n++] = spaces > 1 ? '\x01' : ' '; /* a wide gap, until the end */
    }
    spaces = 0;
    if (n + 2 >= size) return 0;
    if (is_upper_ascii(c)) c = (unsigned char)(c - 'A' + 'a');
    out[n++] = (char)c;
    if (c == 0xC3 && i + 1 < end) {
      unsigned char d = (unsigned char)text[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = (unsigned char)(d + 0x20);
      out[n++] = (char)d;
      i++;
    }
  }
  while (n && (out[n - 1] == ':' || out[n - 1] == '.')) n--;
  out[n] = 0;
  /* letter-spaced: every word one character (its UTF-8 bytes) */
  for (size_t i = 0; i < n; i++)
    if (out[i] != ' ' && out[i] != '\x01' &&
        (i == 0 || out[i - 1] == ' ' || out[i - 1] == '\x01')) {
      words++;
      uint32_t codepoint;
      size_t bytes = ibid_utf8_decode(out, n, i, &codepoint);
      if (i + bytes >= n || out[i + bytes] == ' ' || out[i + bytes] == '\x01') singles++;
    }
  int spaced = words >= 4 && singles == words;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (out[i] == ' ' && spaced) continue;
    out[k++] = out[i] == '\x01' ? ' ' : out[i];
  }
  n = k;
  out[n] = 0;
  return n;
}

int ibid_is_bibliography_heading(const char *text, size_t start, size_t end) {
  while (start < end && is_space((unsigned char)text[start])) start++;
  while (end > start && is_space((unsigned char)text[end - 1])) end--;
  start = skip_section_number(text, start, end);
  /* no heading holds a comma, a digit or a parenthesis, which most lines of
     a list do: they stop here, unfolded */
  for (size_t i = start; i < end; i++)
    if (text[i] == ',' || text[i] == '(' || is_digit((unsigned char)text[i])) return 0;
  char folded[96];
  size_t n = folded_line(text, start, end, folded, sizeof(folded));
  if (!n) return 0;
  for (size_t k = 0; k < sizeof(bibliography_headings) / sizeof(*bibliography_headings); k++)
    if (folded[0] == bibliography_headings[k][0] && strcmp(folded, bibliography_headings[k]) == 0)
      return 1;
  /* letter-spaced with its word gaps lost ("W o r k s C i t e d", as a text's
     runs of spaces are squashed): closed up to one word, it equals a
     heading with its spaces left out */
  size_t gaps = 0;
  for (size_t i = start; i < end; i++) gaps += text[i] == ' ';
  if (gaps < 3 || memchr(folded, ' ', n)) return 0;
  for (size_t k = 0; k < sizeof(bibliography_headings) / sizeof(*bibliography_headings); k++) {
    const char *heading = bibliography_headings[k];
    size_t i = 0;
    for (; *heading; heading++)
      if (*heading != ' ' && (i >= n || folded[i++] != *heading)) break;
    if (!*heading && i == n) return 1;
  }
  return 0;
}

/* A line that is only a bibliography heading (optionally numbered). */
static int is_bibliography_heading(const char *text, line_span line) {
  return line.end - line.start <= 80 && ibid_is_bibliography_heading(text, line.start, line.end);
}

static int opens_entry(const char *text, line_span line);

/* A heading after which a reference list does not go on: 1; 2 for a series'
** name that ends the list only where the list does not go on after it. */
static int is_closing_heading(const char *text, line_span line) {
  size_t start = skip_section_number(text, line.start, line.end);
  /* a heading is capitalised and does not wrap: "index trends per year (...),"
     and "appendix by ..." go on an entry */
  if (line.end - start > 90 || start >= line.end || !starts_upper(text, line.end, start) ||
      text[line.end - 1] == '-' || text[line.end - 1] == ',')
    return 0;
  char folded[96];
  size_t n = folded_line(text, start, line.end, folded, sizeof(folded));
  if (!n) return 0;
  /* longer than 60 bytes only an appendix with its title after a period or a
     colon: "Annexe. Évolution du nombre de licenciements économiques, 2010-2020",
     "Appendix B: ..." */
  if (line.end - start > 60) {
    static const char *const appendices[] = {"appendix", "annex",           "annexe",   "anhang",
                                             "anexo",    "ap\xc3\xa9ndice", "appendice"};
    for (size_t k = 0; k < sizeof(appendices) / sizeof(*appendices); k++) {
      size_t w = strlen(appendices[k]);
      if (n <= w || memcmp(folded, appendices[k], w) != 0) continue;
      if (folded[w] == ' ' && w + 2 < n && folded[w + 2] != ' ' && folded[w + 2] != '.' &&
          folded[w + 2] != ':')
        continue;
      size_t at = folded[w] == ' ' ? w + 2 : w; /* "Appendix B:" */
      if (folded[at] == '.' || folded[at] == ':') return 1;
    }
    return 0;
  }
  /* a series' list of its other papers: "Bisher in dieser Reihe erschienen",
     "Titles in this series" */
  if (!has_year(text, start, line.end) && !opens_entry(text, line)) {
    for (size_t k = 0; k < sizeof(series_phrases) / sizeof(*series_phrases); k++)
      if (strstr(folded, series_phrases[k])) return 1;
    /* "Recent IZA Discussion Papers", "Weitere Arbeitspapiere des Instituts": a
       series named in a heading of its own, not a wrapped line ending an entry;
       surely so without a digit and with the name at the start or the end, else
       (2) only where the list does not go on ("IZA Discussion Papers No. 12345"
       inside an entry) */
    static const char *const series[] = {"working papers",       "discussion papers",
                                         "arbeitspapiere",       "diskussionspapiere",
                                         "documents de travail", "documentos de trabajo"};
    if (text[line.end - 1] != '.')
      for (size_t k = 0; k < sizeof(series) / sizeof(*series); k++) {
        const char *at = strstr(folded, series[k]);
        if (!at) continue;
        int digit = 0;
        for (size_t i = start; i < line.end && !digit; i++)
          digit = is_digit((unsigned char)text[i]);
        return !digit && (at == folded || (size_t)(at - folded) + strlen(series[k]) == n) ? 1 : 2;
      }
  }
  /* endnotes after the list: the heading alone ("Notes", "Notas", "Note") */
  static const char *const notes[] = {"notes", "notas", "note", "noten", "fu\xc3\x9fnoten"};
  for (size_t k = 0; k < sizeof(notes) / sizeof(*notes); k++)
    if (strcmp(folded, notes[k]) == 0) return 1;
  /* a journal's back matter, the heading alone (a title may wrap onto "Funding of ...") */
  static const char *const back[] = {"funding",
                                     "conflict of interest",
                                     "conflicts of interest",
                                     "declaration of conflicting interests",
                                     "data availability",
                                     "data availability statement"};
  for (size_t k = 0; k < sizeof(back) / sizeof(*back); k++) {
    size_t w = strlen(back[k]);
    if (strncmp(folded, back[k], w) == 0 && (folded[w] == 0 || strcmp(folded + w, ":") == 0))
      return 1;
  }
  for (size_t k = 0; k < sizeof(closing_headings) / sizeof(*closing_headings); k++) {
    /* (most headings are told by their first byte, without strlen and memcmp) */
    if (closing_headings[k][0] && closing_headings[k][0] != folded[0]) continue;
    size_t w = strlen(closing_headings[k]);
    if (n >= w && memcmp(folded, closing_headings[k], w) == 0 &&
        (folded[w] == 0 || folded[w] == ' ' || folded[w] == ':' || folded[w] == '-' ||
         (folded[w] == '.' && folded[w + 1] == ' ') || /* "Annexe. Tableau" */
         (w >= 8 && folded[w] != ','))) { /* "Bisher erschienene ...", not "Index, J." */
      /* "Working Papers 7712, Minneapolis.": a series' number ending an
         entry's last line, not the heading of a series' list */
      if (text[line.end - 1] == '.' && strstr(closing_headings[k], "pap"))
        for (size_t i = start; i < line.end; i++)
          if (is_digit((unsigned char)text[i])) return 0;
      return 1;
    }
  }
  return 0;
}

/* A lowercase roman page number of the front matter or an appendix: "xii". */
static int is_roman_page_number(const char *text, line_span line) {
  if (line.end - line.start > 6) return 0;
  for (size_t i = line.start; i < line.end; i++)
    if (!(text[i] == 'i' || text[i] == 'v' || text[i] == 'x' || text[i] == 'l' || text[i] == 'c'))
      return 0;
  return 1;
}

/* Whether the line has a page number (one to four digits) at its end or its
** start, set off from the rest of the line by `gap` spaces or more ("Roe: A
** Title      24", "32      A JOURNAL"); *rest is the line without the number. */
static int page_number_gap(const char *text, line_span line, size_t gap, line_span *rest) {
  size_t i = line.end;
  while (i > line.start && is_digit((unsigned char)text[i - 1])) i--;
  if (i < line.end && line.end - i <= 4 && i >= line.start + gap + 1) {
    size_t k = 1;
    while (k <= gap && text[i - k] == ' ') k++;
    if (k > gap) {
      *rest = (line_span){line.start, i};
      return 1;
    }
  }
  i = line.start;
  while (i < line.end && is_digit((unsigned char)text[i])) i++;
  if (!(i > line.start && i - line.start <= 4 && i + gap + 1 <= line.end)) return 0;
  for (size_t k = 0; k < gap; k++)
    if (text[i + k] != ' ') return 0;
  *rest = (line_span){i, line.end};
  return 1;
}

/* A page number at either end of a line set off from its words by three spaces
** or more, the words (at most 60 bytes) mostly capitalised and no sentence,
** initial or final period among them, opening no entry: how a running head is
** laid out in text taken from a PDF. */
static int wide_gap_page_number(const char *text, line_span line) {
  line_span rest;
  if (!page_number_gap(text, line, 3, &rest)) return 0;
  size_t from = rest.start, to = rest.end;
  while (from < to && is_space((unsigned char)text[from])) from++;
  while (to > from && is_space((unsigned char)text[to - 1])) to--;
  if (to <= from || to - from > 60) return 0;
  /* an entry printed with a wide gap after its label ("1   Smith J, Roe K.
     Gene Therapy. Lancet 2001;357:1-5.", "1   Abbott, A. (1988) The System of
     Professions"): it opens an entry, holds an initial or ends on a period */
  if (text[to - 1] == '.' || opens_entry(text, (line_span){from, to})) return 0;
  size_t words = 0, capitalised = 0;
  for (size_t k = from; k < to; k++) {
    if (text[k] == '.' && k + 2 < to && text[k + 1] == ' ' &&
        is_lower_ascii((unsigned char)text[k + 2]))
      return 0;
    if (text[k] == '.' && k + 1 < to && text[k + 1] == ' ' && k > from &&
        is_upper_ascii((unsigned char)text[k - 1]) &&
        (k - 1 == from || is_space((unsigned char)text[k - 2])))
      return 0; /* "A. " */
    if (k == from || (is_space((unsigned char)text[k - 1]) && !is_space((unsigned char)text[k]))) {
      words++;
      capitalised +=
          starts_upper(text, to, k) || is_digit((unsigned char)text[k]) || text[k] == '(';
    }
  }
  return words >= 1 && capitalised * 2 >= words;
}

/* A line ending on a page count: "Page 18 of 24", "Seite 3 von 12", "Página
** 4 de 9", "page 2 sur 7", after a running head or alone. */
static int ends_on_page_count(const char *text, line_span line) {
  static const char *const pages[] = {"page ", "seite ", "p\xc3\xa1gina ", "pagina "};
  static const char *const ofs[] = {"of ", "von ", "de ", "sur ", "di "};
  size_t i = line.end;
  while (i > line.start && is_digit((unsigned char)text[i - 1])) i--;
  if (i == line.end || line.end - i > 4 || i < line.start + 9 || text[i - 1] != ' ') return 0;
  size_t of = i - 1;
  while (of > line.start && is_lower_ascii((unsigned char)text[of - 1])) of--;
  size_t k = 0, n = sizeof(ofs) / sizeof(*ofs);
  while (k < n && !(strlen(ofs[k]) == i - of && memcmp(text + of, ofs[k], i - of) == 0)) k++;
  if (k == n || of < line.start + 2 || text[of - 1] != ' ') return 0;
  size_t number = of - 1;
  while (number > line.start && is_digit((unsigned char)text[number - 1])) number--;
  if (number == of - 1 || of - 1 - number > 4 || number == line.start || text[number - 1] != ' ')
    return 0;
  for (k = 0; k < sizeof(pages) / sizeof(*pages); k++) {
    size_t w = strlen(pages[k]);
    if (number >= line.start + w && has_prefix_nocase(text, number, number - w, pages[k]) &&
        (number - w == line.start || is_space((unsigned char)text[number - w - 1])))
      return 1;
  }
  return 0;
}

/* Whether a short line names a series of papers or reports, whose number
** follows ("Working Papers 7712", "Discussion Paper 12", "Technical Report
** 45", "Arbeitspapier 3"): a word of such a series' name in it, any case. */
static int names_paper_series(const char *text, line_span line) {
  static const char *const words[] = {"paper",
                                      "report",
                                      "series",
                                      "bulletin",
                                      "memorandum",
                                      "arbeitspapier",
                                      "diskussionspapier",
                                      "bericht",
                                      "heft",
                                      "document",
                                      "cahier",
                                      "documento"};
  for (size_t i = line.start; i < line.end; i++) {
    if (i > line.start && !is_space((unsigned char)text[i - 1])) continue;
    for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
      if (has_prefix_nocase(text, line.end, i, words[k])) return 1;
  }
  return 0;
}

/* Page furniture inside a list: a bare page number ("62", "- 62 -", "xii")
** or an upper-case running head with a page number at either end
** ("CHAPTER 5. CONCLUSION   194", "88   CHAPTER 4: SEED PREDATION"). */
static int is_page_furniture(const char *text, line_span line) {
  /* a download stamp: "This content downloaded from ...", "All use subject to
     https://about.jstor.org/terms", "... on 08/31/17. For personal use only." */
  if (line.end - line.start >= 18) {
    unsigned char c = (unsigned char)text[line.start];
    if ((c == 'T' && has_prefix_nocase(text, line.end, line.start, "this content downloaded ")) ||
        (c == 'A' && has_prefix_nocase(text, line.end, line.start, "all use subject to ")) ||
        (c == 'D' && has_prefix_nocase(text, line.end, line.start, "downloaded from ")) ||
        (c == 'E' &&
         has_prefix_nocase(text, line.end, line.start, "electronic copy available at")) ||
        has_prefix_nocase(text, line.end, line.end - 18, "personal use only."))
      return 1;
    /* a publisher's notice: "This article is protected by copyright. All rights
       reserved.", "© 2019 Elsevier Ltd. All rights reserved." */
    size_t n = line.end - line.start;
    unsigned char z = (unsigned char)text[line.end - 1];
    if (n <= 100 && n >= 20 && (z == '.' || z == 'd' || z == 'D') &&
        (has_prefix_nocase(text, line.end, line.end - 20, "all rights reserved.") ||
         has_prefix_nocase(text, line.end, line.end - 19, "all rights reserved")))
      return 1;
  }
  if (line.end - line.start >= 9 && is_digit((unsigned char)text[line.end - 1]) &&
      ends_on_page_count(text, line))
    return 1;
  /* a journal's foot of fields between bars with the page number at an end:
     "Revista X | Vol. 78 | Núm. 2 | 2020 | 14", "14 | Journal | 2020" */
  if (line.end - line.start >= 9 &&
      (is_digit((unsigned char)text[line.end - 1]) || is_digit((unsigned char)text[line.start]))) {
    size_t bars = 0;
    const char *at = text + line.start, *stop = text + line.end;
    while ((at = memchr(at, '|', (size_t)(stop - at))) != NULL) {
      bars += at > text + line.start && at[-1] == ' ' && at + 1 < stop && at[1] == ' ';
      at++;
    }
    size_t i = line.end, j = line.start;
    while (i > line.start && is_digit((unsigned char)text[i - 1])) i--;
    while (j < line.end && is_digit((unsigned char)text[j])) j++;
    if (bars >= 2 && ((line.end - i <= 4 && i >= line.start + 2 && text[i - 2] == '|') ||
                      (j - line.start <= 4 && j + 1 < line.end && text[j + 1] == '|')))
      return 1;
  }
  /* an author's note with an e-mail address: "* h.roe@uni.de", "† on leave" */
  if (line.end > line.start + 2 &&
      (text[line.start] == '*' ||
       ((unsigned char)text[line.start] == 0xE2 && (unsigned char)text[line.start + 1] == 0x80 &&
        ((unsigned char)text[line.start + 2] == 0xA0 ||
         (unsigned char)text[line.start + 2] == 0xA1))) &&
      memchr(text + line.start, '@', line.end - line.start))
    return 1;
  /* Without a digit at either end only a line without letters can be
  ** furniture (a roman number is at most 6 bytes): most lines of a text
  ** are told at their first letter. */
  if (line.end - line.start > 6 && line.end > line.start &&
      !is_digit((unsigned char)text[line.end - 1]) && !is_digit((unsigned char)text[line.start]))
    for (size_t i = line.start; i < line.end; i++)
      if (is_lower_ascii((unsigned char)text[i]) || is_upper_ascii((unsigned char)text[i]))
        return 0;
  size_t letters = 0, lower = 0, digits = 0;
  size_t at = line.start;
#ifdef __SSE2__
  for (; at + 16 <= line.end; at += 16) { /* (signed bytes: 0x80 and above are in no range) */
    __m128i v = ibid_scan16_load(text + at);
    unsigned low = ibid_scan16_range(v, 'a', 'z'), up = ibid_scan16_range(v, 'A', 'Z');
    digits += (size_t)ibid_scan_count16(ibid_scan16_digits(v));
    lower += (size_t)ibid_scan_count16(low);
    letters += (size_t)ibid_scan_count16(low | up);
  }
#endif
  for (; at < line.end; at++) {
    unsigned char c = (unsigned char)text[at];
    if (is_digit(c)) digits++;
    if (is_lower_ascii(c)) lower++;
    if (is_lower_ascii(c) || is_upper_ascii(c)) letters++;
  }
  if (letters == 0) { /* "62", "- 62 -"; not "1755." ending a wrapped page range */
    /* one number: not "63 – 74" (a page range) or "2/98" (a report's number) */
    size_t groups = 0;
    for (size_t i = line.start; i < line.end; i++)
      groups += is_digit((unsigned char)text[i]) &&
                (i == line.start || !is_digit((unsigned char)text[i - 1]));
    /* (not "[4] ´", a label and a stray accent) */
    return digits > 0 && digits <= 4 && groups == 1 && text[line.start] != '[' &&
           text[line.end - 1] != '.' && text[line.end - 1] != ',' && text[line.end - 1] != ';' &&
           text[line.end - 1] != ':' && text[line.end - 1] != ']' &&
           text[line.end - 1] != ')'; /* "[12]" labels */
  }
  if (is_roman_page_number(text, line)) return 1;
  /* "Harlow 15", "15 Harlow": a running head of one or two words and a page number */
  if (line.end - line.start <= 30 && digits <= 4 && !has_year(text, line.start, line.end) &&
      (is_digit((unsigned char)text[line.end - 1]) || is_digit((unsigned char)text[line.start]))) {
    size_t words = 0, numbers = 0, other = 0;
    for (size_t i = line.start; i < line.end; i++) {
      unsigned char c = (unsigned char)text[i];
      if (i == line.start || is_space((unsigned char)text[i - 1])) {
        if (is_digit(c))
          numbers++;
        else if (!is_space(c))
          words++;
      }
      if (!is_space(c) && !is_digit(c) && !is_lower_ascii(c) && !is_upper_ascii(c) && c < 0x80)
        other++;
    }
    if (numbers == 1 && words >= 1 && words <= 2 && other == 0 && !names_paper_series(text, line) &&
        starts_upper(text, line.end,
                     is_digit((unsigned char)text[line.start])
                         ? skip_section_number(text, line.start, line.end)
                         : line.start))
      return 1;
  }
  /* a running head set off from its page number by a wide gap, its words mostly
     capitalised: "96                    ZNR 44 (2022)", "Roe: Title of the Paper     24" */
  if (wide_gap_page_number(text, line)) return 1;
  /* "4. B. ROE." is an entry in capitals, not a running head */
  size_t label = line.start;
  while (label < line.end && is_digit((unsigned char)text[label])) label++;
  if (label > line.start && label + 1 < line.end && (text[label] == '.' || text[label] == ')') &&
      text[label + 1] == ' ')
    return 0;
  size_t tail = line.end;
  while (tail > line.start && is_digit((unsigned char)text[tail - 1])) tail--;
  if (line.end - tail > 4) return 0; /* "PMID: 29279909" is no page number */
  /* a line of mostly lower-case words is no running head (told before the
  ** look for a volume) */
  if (!(lower * 4 < letters && letters >= 3)) return 0;
  for (size_t i = line.start; i + 2 < line.end; i++) /* "MNRAS, 464, 2796" ends an entry */
    if (text[i] == ',' && text[i + 1] == ' ' && is_digit((unsigned char)text[i + 2])) return 0;
  return /* "L23" is an article number */
      (is_digit((unsigned char)text[line.end - 1]) || is_digit((unsigned char)text[line.start])) &&
      !has_year(text, line.start, line.end);
}

/* The number of an entry label at the start of a line: "[12]", "12.", "12)",
** "(12)", "12 " (or up to six spaces) before a capital; -1 if none. *after is
** the offset past it. */
static long entry_label(const char *text, line_span line, size_t *after) {
  size_t i = line.start;
  int bracket = 0;
  if (i < line.end && (text[i] == '[' || text[i] == '(')) bracket = text[i++];
  size_t digits = i;
  long number = 0;
  while (i < line.end && is_digit((unsigned char)text[i]) && i - digits < 3)
    number = number * 10 + (text[i++] - '0');
  if (i == digits || (i < line.end && is_digit((unsigned char)text[i]))) return -1;
  if (bracket) {
    if (i >= line.end || text[i] != (bracket == '[' ? ']' : ')')) return -1;
    i++;
    if (bracket == '[' && i < line.end && starts_upper(text, line.end, i)) { /* "[37]Roe, A." */
      *after = i;
      return number;
    }
  } else if (i < line.end && (text[i] == '.' || text[i] == ')')) {
    i++;
    if (i < line.end && is_digit((unsigned char)text[i])) return -1; /* "1.3" */
  } else {
    /* "12 Roe", or a label set off by a wide gap: "1   Abbott, A." */
    size_t k = i;
    while (k < line.end && k - i < 6 && is_space((unsigned char)text[k])) k++;
    if (k == i || !starts_upper(text, line.end, k)) return -1;
  }
  if (i < line.end && !is_space((unsigned char)text[i]) && text[i] != '.') return -1;
  *after = i;
  return number;
}

/* A dash or rule standing for the previous entry's author(s): "—", "–",
** "--", "___", "-,", "———." at the start of a line. */
static int repeated_author_mark(const char *text, line_span line) {
  size_t i = line.start, marks = 0;
  while (i < line.end) {
    unsigned char c = (unsigned char)text[i];
    if (c == '-' || c == '_') {
      i++, marks++;
    } else if (c == 0xE2 && i + 2 < line.end && (unsigned char)text[i + 1] == 0x80 &&
               ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93 ||
                (unsigned char)text[i + 2] == 0x95)) {
      i += 3, marks += 2;
    } else {
      break;
    }
  }
  if (!marks) return 0;
  if (i >= line.end) return marks >= 2;
  unsigned char c = (unsigned char)text[i];
  /* not "-1"; "- (2012):" is a dash the text shortened */
  if (marks == 1 && text[line.start] == '-' && !(c == ',' || c == '.') &&
      !(c == ' ' && i + 6 < line.end && text[i + 1] == '(' && has_year(text, i + 2, i + 6)))
    return 0;
  return c == ',' || c == '.' || c == ' ' || c == '&' || c == '(' || c == ':' || c == ';' ||
         c == '~';
}

/* "ders.", "dies.", "Id.", "idem": the previous author again. */
static int repeated_author_word(const char *text, line_span line) {
  static const char *const words[] = {"ders.", "dies.", "dieselbe", "derselbe",
                                      "idem",  "eadem", "id.",      "ibid."};
  /* every word starts with d, e or i: most lines stop here */
  unsigned char c = line.start < line.end ? (unsigned char)(text[line.start] | 0x20) : 0;
  if (c != 'd' && c != 'e' && c != 'i') return 0;
  for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++) {
    size_t n = strlen(words[k]);
    if (has_prefix_nocase(text, line.end, line.start, words[k]) &&
        (line.start + n >= line.end || !is_lower_ascii((unsigned char)text[line.start + n])))
      return 1;
  }
  return 0;
}

/* A word for an unknown or collective author, then the year within a few
** bytes: "o. V. (2019)", "N.N. (1950)", "VV. AA. (2005)", "AA.VV. (2010)",
** "Anon. 1998", "Anonymous (2001)", "Anónimo (1998)". */
static int anonymous_author(const char *text, line_span line) {
  static const char *const words[] = {"o. v.",    "o.v.",   "n.n.",           "n. n.",  "vv.aa.",
                                      "vv. aa.",  "aa.vv.", "aa. vv.",        "anon.",  "anonymous",
                                      "anonymus", "anonym", "an\xc3\xb3nimo", "anonyme"};
  unsigned char c = line.start < line.end ? (unsigned char)(text[line.start] | 0x20) : 0;
  if (c != 'o' && c != 'n' && c != 'v' && c != 'a') return 0;
  for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++) {
    size_t n = strlen(words[k]);
    if (!has_prefix_nocase(text, line.end, line.start, words[k])) continue;
    size_t i = line.start + n;
    if (i < line.end &&
        (is_lower_ascii((unsigned char)text[i]) || is_upper_ascii((unsigned char)text[i])))
      continue;
    size_t stop = i + 12 < line.end ? i + 12 : line.end;
    return has_year(text, i, stop);
  }
  return 0;
}

/* An initial: a capital then ".", optionally "-X." ("J.", "J.-P."). Returns
** the offset past it or 0. */
static size_t initial_at(const char *text, size_t end, size_t i) {
  if (!starts_upper(text, end, i)) return 0;
  i += (unsigned char)text[i] < 0x80 ? 1 : 2;
  if (i >= end || text[i] != '.') return 0;
  i++;
  if (i + 2 < end && text[i] == '-' && starts_upper(text, end, i + 1) && text[i + 2] == '.') i += 3;
  return i;
}

/* name_then_comma at the start of a line, when the words before the comma
** read as a name: no colon ("New York: Norton, 2005.") and no word but an
** initial ending a sentence ("Sense. Princeton: ... Press, 2009."). */
static size_t name_opening(const char *text, line_span line) {
  /* words of publishers and containers, never a name: "Press, London.",
     "University Press, 1998),", "Journal A 14:" */
  static const char *const container_words[] = {"press",      "university",  "universit\xc3\xa4t",
                                                "society",    "journal",     "conference",
                                                "series",     "proceedings", "verlag",
                                                "publishers", "publishing",  "books",
                                                "review"};
  size_t comma = name_then_comma(text, line.start, line.end);
  if (!comma) return 0;
  unsigned char first = (unsigned char)(text[line.start] | 0x20);
  if (strchr("pusjcvbr", first))
    for (size_t k = 0; k < sizeof(container_words) / sizeof(*container_words); k++) {
      size_t n = strlen(container_words[k]);
      if (has_prefix_nocase(text, line.end, line.start, container_words[k]) &&
          (line.start + n >= line.end || text[line.start + n] == ',' ||
           text[line.start + n] == ' '))
        return 0;
    }
  /* a place of publication: "Cambridge, MA: MIT Press", "Thousand Oaks, CA:" */
  if (comma + 4 <= line.end && text[comma] == ' ' &&
      is_upper_ascii((unsigned char)text[comma + 1]) &&
      is_upper_ascii((unsigned char)text[comma + 2]) && text[comma + 3] == ':')
    return 0;
  for (size_t i = line.start; i + 1 < comma; i++) {
    if (text[i] == ':') return 0;
    if (text[i] == '.' && text[i + 1] == ' ' && i >= line.start + 2 &&
        is_lower_ascii((unsigned char)text[i - 1]) && is_lower_ascii((unsigned char)text[i - 2]))
      return 0;
  }
  return comma;
}

/* The start of the surname after capitalised name particles opening a line
** ("De Vries GJ", "Van der Berg A", "Le Moal M"), or line.start. */
static size_t after_particles(const char *text, line_span line) {
  static const char *const particles[] = {"de ",  "van ", "von ", "le ",  "la ",  "du ",  "di ",
                                          "da ",  "del ", "der ", "den ", "ter ", "dos ", "das ",
                                          "des ", "el ",  "al ",  "vom ", "zu "};
  size_t i = line.start;
  if (i >= line.end) return i;
  /* every particle starts with one of these letters: most lines stop here */
  unsigned char c = (unsigned char)(text[i] | 0x20);
  if (c != 'd' && c != 'v' && c != 'l' && c != 't' && c != 'e' && c != 'a' && c != 'z') return i;
  for (int words = 0; words < 2; words++) {
    size_t k = 0, n = sizeof(particles) / sizeof(*particles);
    while (k < n && !has_prefix_nocase(text, line.end, i, particles[k])) k++;
    if (k == n) break;
    size_t past = i + strlen(particles[k]);
    if (!starts_upper(text, line.end, past)) break;
    i = past;
  }
  return i;
}

/* A line that begins a new entry: "Surname, ...", "[12] ...", "12. ...",
** "[Roe 2010] ...", "— (1998)", "ders.", "Surname JP,", "J. P. Surname,",
** "SURNAME J", "Surname (1998)". */
/* A line opening with a bracket opens an entry with a key or label ("[12]",
** "[Roe 2010]", "[AH]"), not with a note going on from the entry before
** ("[Available online at ...]", "[Accessed].", "[in Russian]"). */
static int bracket_opening(const char *text, line_span line) {
  size_t close = line.start + 1;
  while (close < line.end && text[close] != ']' && close - line.start < 24) close++;
  if (close >= line.end || text[close] != ']') return 0;
  if (is_lower_ascii((unsigned char)text[line.start + 1])) return 0;
  size_t lower = 0, digits = 0, spaces = 0;
  for (size_t i = line.start + 1; i < close; i++) {
    lower += is_lower_ascii((unsigned char)text[i]);
    digits += is_digit((unsigned char)text[i]);
    spaces += text[i] == ' ';
  }
  /* "[1932] AC 562": a law report's year under a case's name, no label */
  if (close == line.start + 5 && digits == 4 && has_year(text, line.start + 1, close)) return 0;
  /* "[Online]", "[Accessed]": one word of five letters or more, no digit */
  return !(digits == 0 && spaces == 0 && lower >= 4) && spaces <= 2;
}

static int corporate_opening(const char *text, line_span line);
static int personal_opening(const char *text, line_span line);

static int opens_entry(const char *text, line_span line) {
  unsigned char c = line.start < line.end ? (unsigned char)text[line.start] : 0;
  size_t after;
  if (c == '[') return bracket_opening(text, line);
  if (entry_label(text, line, &after) >= 0) return 1;
  if (repeated_author_mark(text, line) || repeated_author_word(text, line) ||
      anonymous_author(text, line))
    return 1;
  if (name_opening(text, line) != 0) return 1;
  if (!starts_upper(text, line.end, line.start)) return 0;
  return personal_opening(text, line) || corporate_opening(text, line);
}

/* The openings of opens_entry that start with a capital, for persons:
** "J. P. Surname", "Surname JP,", "Surname (1998)", "SMITH J.". */
static int personal_opening(const char *text, line_span line) {
  /* initials first: "J. P. Surname", "J.-P. Surname" */
  size_t i = line.start, initials = 0, k;
  while ((k = initial_at(text, line.end, i)) != 0) {
    initials++;
    i = k;
    while (i < line.end && text[i] == ' ') i++;
  }
  if (initials)
    return starts_upper(text, line.end, i) && i + 1 < line.end &&
           (is_lower_ascii((unsigned char)text[i + 1]) ||
            is_upper_ascii((unsigned char)text[i + 1]) || (unsigned char)text[i + 1] >= 0x80);
  /* a capitalised word, then initials without periods, a year in
     parentheses, or initials with periods: "Smith JP,", "Smith (1998)",
     "Smith J. P.", "SMITH J." */
  size_t surname = after_particles(text, line);
  i = surname;
  while (i < line.end && !is_space((unsigned char)text[i]) && text[i] != ',' && text[i] != '(') i++;
  if (i - surname < 2 || i >= line.end) return 0;
  while (i < line.end && is_space((unsigned char)text[i])) i++;
  if (i < line.end && text[i] == '(' && i + 5 < line.end && has_year(text, i + 1, i + 5)) return 1;
  /* "SCHWARTZ (O.), 1990", "Bourdieu (P.)," "PASSERON (J.-C.)": initials in parentheses */
  if (i + 3 < line.end && text[i] == '(' && initial_at(text, line.end, i + 1)) {
    size_t j = i + 1, past;
    while ((past = initial_at(text, line.end, j)) != 0) {
      j = past;
      while (j < line.end && text[j] == ' ') j++;
    }
    if (j < line.end && text[j] == ')') return 1;
  }
  if (initial_at(text, line.end, i)) return 1;
  size_t caps = 0;
  while (i < line.end && is_upper_ascii((unsigned char)text[i]) && caps < 4) i++, caps++;
  if (caps >= 1 && caps <= 3 && i + 1 < line.end && text[i] == ':' && text[i + 1] == ' ')
    return 1; /* "Ansorge WJ: Title" */
  if (caps >= 2 && caps <= 3 && i + 3 < line.end && text[i] == '.' && text[i + 1] == ' ' &&
      is_upper_ascii((unsigned char)text[i + 2]) && is_lower_ascii((unsigned char)text[i + 3]))
    return 1; /* "Hammond GR. Lesions": a single author, Vancouver style */
  /* (not "PLOS ONE, 7(2), e31118") */
  if (i + 2 < line.end && text[i] == ',' && is_digit((unsigned char)text[i + 2])) return 0;
  return caps >= 1 && caps <= 3 && i < line.end && (text[i] == ',' || text[i] == ' ') &&
         (i + 1 >= line.end || text[i] == ',' || !is_lower_ascii((unsigned char)text[i + 1]));
}

static int leaves_entry_open(const char *text, size_t start, size_t end);

/* A line that may be a heading: short, not ending like a sentence or an
** entry fragment, capitalised or numbered. */
static int looks_like_heading(const char *text, line_span line) {
  size_t n = line.end - line.start;
  if (n == 0 || n > 70) return 0;
  unsigned char last = (unsigned char)text[line.end - 1];
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return 0;
  size_t start = skip_section_number(text, line.start, line.end);
  for (size_t i = start; i + 1 < line.end; i++) /* "Bio Portfolio. New target of" */
    if (text[i] == '.' && text[i + 1] == ' ' && i > start + 2 &&
        !is_space((unsigned char)text[i - 2]))
      return 0;
  if (start >= line.end || !starts_upper(text, line.end, start) ||
      has_year(text, start, line.end) || leaves_entry_open(text, start, line.end) == 2)
    return 0;                                   /* "... likelihood for" */
  for (size_t i = start; i + 3 < line.end; i++) /* "All use subject to https://..." */
    if (text[i] == ':' && text[i + 1] == '/' && text[i + 2] == '/') return 0;
  return 1;
}

static int page_range_end(const char *text, size_t start, size_t end);

/* A caption: "Table I.", "FIG. 5.", "Figure 3:", "Tabelle 2:", "Abb. 4",
** "Tableau 1 –", a word of figures or tables then a number. */
static int is_caption(const char *text, line_span line) {
  static const char *const words[] = {"table ",
                                      "fig. ",
                                      "figure ",
                                      "tabelle ",
                                      "abb. ",
                                      "abbildung ",
                                      "tab. ",
                                      "tableau ",
                                      "tabla ",
                                      "figura ",
                                      "gráfico ",
                                      "chart ",
                                      "cuadro ",
                                      "graphique ",
                                      "schaubild ",
                                      "grafik ",
                                      "diagramm ",
                                      "darstellung ",
                                      "\xc3\x9c"
                                      "bersicht ",
                                      "exhibit ",
                                      "tavola ",
                                      "grafico "};
  unsigned char c = line.start < line.end ? (unsigned char)(text[line.start] | 0x20) : 0;
  if (c != 't' && c != 'f' && c != 'a' && c != 'g' && c != 'c' && c != 's' && c != 'd' &&
      c != 'e' && c != 0xE3)
    return 0;
  for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++) {
    if (!has_prefix_nocase(text, line.end, line.start, words[k])) continue;
    size_t i = line.start + strlen(words[k]), number = i;
    while (i < line.end &&
           (is_digit((unsigned char)text[i]) || text[i] == 'I' || text[i] == 'V' ||
            text[i] == 'X' || text[i] == '.' || is_upper_ascii((unsigned char)text[i])) &&
           i - number < 6)
      i++;
    /* "Table 3 in perspective", "Darstellung 3 der Verwaltung": a lower-case
       word after the number goes on a title or a sentence; "Abbildung 4: Zur
       Methode. Zeitschrift für Soziologie, 34, 1-20.", a title ending on a
       journal's pages, is an entry's line too */
    if (line.end - line.start > 12 &&
        page_range_end(text, line.start, line.end - (text[line.end - 1] == '.')))
      return 0;
    return i > number && (i >= line.end || text[i] == ':' || text[i - 1] == '.' ||
                          (text[i] == ' ' && !starts_lower(text, line.end, i + 1)));
  }
  return 0;
}

/* ----- repeated lines (running heads) ----------------------------------------- */

/* The part of a line that line_hash reads: a page number at either end left
** out. 0 for lines longer than any head. */
static int line_region(const char *text, line_span line, size_t *from, size_t *to) {
  size_t i = line.start, end = line.end;
  if (end - i > 200) return 0; /* a paragraph, no running head */
  while (i < end && is_digit((unsigned char)text[i])) i++;
  if (i == end || !is_space((unsigned char)text[i])) i = line.start;
  while (end > i && is_digit((unsigned char)text[end - 1])) end--;
  if (end == i || !is_space((unsigned char)text[end - 1])) end = line.end;
  *from = i;
  *to = end;
  return 1;
}

/* Hash of a line, lowercased, spaces and a page number at either end left
** out: running heads repeat on every page with only the page number
** changing. 0 for lines with fewer than 8 letters (too short to tell) and for
** lines longer than any head. */
static unsigned long long line_hash(const char *text, line_span line) {
  unsigned long long hash = 1469598103934665603ULL;
  size_t letters = 0;
  size_t i, end;
  if (!line_region(text, line, &i, &end)) return 0;
  for (; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c <= ' ' && is_space(c)) continue;
    if ((unsigned)(c - 'A') < 26u) c = (unsigned char)(c + ('a' - 'A'));
    letters += (unsigned)(c - 'a') < 26u;
    hash = (hash ^ c) * 1099511628211ULL;
  }
  return letters >= 8 ? hash | 1 : 0;
}

/* The shape of a line: a summary of the bytes line_hash reads (those that
** are no space, lowercased: how many, how many letters, their sum), read
** sixteen bytes at a time; 0 exactly where line_hash is 0. Lines with one
** hash have one shape. */
static unsigned long long line_shape(const char *text, line_span line) {
  size_t i, end;
  if (!line_region(text, line, &i, &end)) return 0;
  unsigned long long bytes = 0, letters = 0, sum = 0;
#ifdef __SSE2__
  for (; i + 16 <= end; i += 16) { /* (signed compares: bytes 0x80 and above are in no range) */
    __m128i v = ibid_scan16_load(text + i);
    __m128i space =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), ibid_scan16_range_bytes(v, '\t', '\r'));
    __m128i upper = ibid_scan16_range_bytes(v, 'A', 'Z');
    __m128i lower = ibid_scan16_range_bytes(v, 'a', 'z');
    __m128i folded = _mm_andnot_si128(space, ibid_scan16_lower(v));
    __m128i sums = _mm_sad_epu8(folded, _mm_setzero_si128());
    bytes += 16 - (unsigned long long)ibid_scan_count16((unsigned)_mm_movemask_epi8(space));
    letters += (unsigned long long)ibid_scan_count16(
        (unsigned)_mm_movemask_epi8(_mm_or_si128(upper, lower)));
    sum += (unsigned)_mm_cvtsi128_si32(sums) + (unsigned)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
  }
#endif
  for (; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c <= ' ' && is_space(c)) continue;
    if ((unsigned)(c - 'A') < 26u) c = (unsigned char)(c + ('a' - 'A'));
    letters += (unsigned)(c - 'a') < 26u;
    bytes++;
    sum += c;
  }
  if (letters < 8) return 0;
  return ((bytes << 40) ^ (letters << 32) ^ sum) * 0x9E3779B97F4A7C15ULL | 1;
}

/* Lines counted by line_hash, for is_repeated_line. Only lines whose shape
** is seen three times or more are hashed (most lines of a text have a shape
** of their own): a hash seen three times has a shape seen three times. */
typedef struct line_counts {
  unsigned long long *hashes, *shapes; /* open addressing, 0 = empty */
  unsigned *counts, *shape_counts;
  size_t mask;
} line_counts;

static unsigned *counts_slot(unsigned long long *keys, unsigned *counts, size_t mask,
                             unsigned long long key) {
  size_t i = (size_t)(key >> 7) & mask;
  while (keys[i] && keys[i] != key) i = (i + 1) & mask;
  keys[i] = key;
  return &counts[i];
}

static unsigned *line_counts_slot(line_counts *table, unsigned long long hash) {
  return counts_slot(table->hashes, table->counts, table->mask, hash);
}

static unsigned *shape_counts_slot(line_counts *table, unsigned long long shape) {
  return counts_slot(table->shapes, table->shape_counts, table->mask, shape);
}

static void line_counts_free(line_counts *table) {
  ibid_free(table->hashes);
  ibid_free(table->counts);
  ibid_free(table->shapes);
  ibid_free(table->shape_counts);
}

/* Counts the lines of text by shape, then those of a shape seen twice or
** more by line_hash. Returns 0 or -1 when out of memory. */
static int line_counts_build(line_counts *table, const char *text, size_t length) {
  size_t lines = 1;
  for (const char *at = text, *stop = text + length;
       (at = memchr(at, '\n', (size_t)(stop - at))) != NULL; at++)
    lines++;
  size_t size = 16;
  while (size < lines * 2) size *= 2;
  table->hashes = ibid_malloc(size * sizeof(*table->hashes));
  table->counts = ibid_malloc(size * sizeof(*table->counts));
  table->shapes = ibid_malloc(size * sizeof(*table->shapes));
  table->shape_counts = ibid_malloc(size * sizeof(*table->shape_counts));
  table->mask = size - 1;
  if (!table->hashes || !table->counts || !table->shapes || !table->shape_counts) return -1;
  memset(table->hashes, 0, size * sizeof(*table->hashes));
  memset(table->counts, 0, size * sizeof(*table->counts));
  memset(table->shapes, 0, size * sizeof(*table->shapes));
  memset(table->shape_counts, 0, size * sizeof(*table->shape_counts));
  /* the lines with a shape, kept for the second pass */
  typedef struct shaped_line {
    line_span span;
    unsigned long long shape;
  } shaped_line;
  shaped_line *shaped = ibid_malloc(lines * sizeof(*shaped));
  if (!shaped) return -1;
  size_t shaped_count = 0, repeated = 0; /* repeated: lines of a shape seen before */
  for (size_t line = 0; line < length;) {
    size_t end = line_end(text, line, length);
    line_span span = trimmed_line(text, line, end);
    unsigned long long shape = line_shape(text, span);
    if (shape) {
      if ((*shape_counts_slot(table, shape))++) repeated++;
      shaped[shaped_count].span = span;
      shaped[shaped_count++].shape = shape;
    }
    line = end + 1;
  }
  for (size_t k = 0; k < shaped_count && repeated; k++) {
    if (*shape_counts_slot(table, shaped[k].shape) < 2) continue;
    unsigned long long hash = line_hash(text, shaped[k].span);
    if (hash) (*line_counts_slot(table, hash))++;
  }
  ibid_free(shaped);
  return 0;
}

/* A line of only the link words a publisher prints after an entry:
** "CrossRef Medline", "Cross- Ref", "[PubMed] [Google Scholar]", "PMC free
** article", "Web of Science". It ends the entry before it, on every
** page, so it is never a running head. */
static int is_link_line(const char *text, line_span line) {
  static const char *const words[] = {
      "crossref", "cross",   "ref",     "medline",    "med",     "line",   "pubmed",
      "google",   "scholar", "pmc",     "free",       "article", "full",   "text",
      "abstract", "web",     "of",      "science",    "isi",     "scopus", "cas",
      "central",  "ads",     "inspire", "mathscinet", "zbmath",  "link",   "view"};
  int strong = 0;
  for (size_t i = line.start; i < line.end;) {
    while (i < line.end && !is_lower_ascii((unsigned char)text[i]) &&
           !is_upper_ascii((unsigned char)text[i])) {
      unsigned char c = (unsigned char)text[i];
      if (!(is_space(c) || c == '[' || c == ']' || c == '|' || c == ',' || c == ';' || c == '.' ||
            c == '-' || c == '(' || c == ')'))
        return 0;
      i++;
    }
    size_t word = i;
    while (i < line.end &&
           (is_lower_ascii((unsigned char)text[i]) || is_upper_ascii((unsigned char)text[i])))
      i++;
    if (i == word) break;
    size_t k = 0, n = sizeof(words) / sizeof(*words);
    while (k < n && !(strlen(words[k]) == i - word && has_prefix_nocase(text, i, word, words[k])))
      k++;
    if (k == n) return 0;
    strong |= k == 0 || k == 3 || k == 6 || k == 8 || k == 19;
  }
  return strong;
}

/* Whether the line has a page number set off from its words by a gap of
** two spaces or more, at its end or its start ("Roe: A Title      24",
** "32      A JOURNAL"): how a running head is laid out, never a line of an
** entry. */
static int gapped_page_number(const char *text, line_span line) {
  line_span rest;
  return page_number_gap(text, line, 2, &rest);
}

/* A line seen three times or more in the document, or twice with a page
** number set off by a gap (gapped_page_number: a short document prints its
** running head on two pages, or once on the title page without the number),
** without a year or a final period (the lines of an entry repeated in
** several chapters' lists have them): a running head or foot. */
static int is_repeated_line(line_counts *table, const char *text, line_span line, int alone) {
  if (line.start == line.end || text[line.end - 1] == '.') return 0;
  /* a year only in a running head with a page number: "Working Paper 12/2019   23",
     or in a block of its own (alone: blank lines before and after it, as no
     line inside an entry stands): "Leviathan, 49. Jg., 2/2021" */
  if (!alone && has_year(text, line.start, line.end)) {
    size_t i = line.end;
    while (i > line.start && is_digit((unsigned char)text[i - 1])) i--;
    if (i == line.end || line.end - i > 4 || i - line.start < 2 || text[i - 1] != ' ' ||
        text[i - 2] != ' ')
      return 0;
  }
  unsigned long long shape = line_shape(text, line); /* 0 where the hash is */
  if (!shape || *shape_counts_slot(table, shape) < 2) return 0;
  unsigned long long hash = line_hash(text, line);
  if (!hash) return 0;
  unsigned seen = *line_counts_slot(table, hash);
  return (seen >= 3 || (seen == 2 && gapped_page_number(text, line))) && !is_link_line(text, line);
}

typedef struct entry_list {
  ibid_bibliography_entry *entries;
  size_t count, capacity;
  int failed;
} entry_list;

static void entry_push(entry_list *list, size_t start, size_t end) {
  if (list->failed || end <= start) return;
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 16;
    ibid_bibliography_entry *grown = ibid_realloc(list->entries, capacity * sizeof(*grown));
    if (!grown) {
      list->failed = 1;
      return;
    }
    list->entries = grown;
    list->capacity = capacity;
  }
  list->entries[list->count].start = start;
  list->entries[list->count].length = end - start;
  list->count++;
}

/* Whether any of the next few non-blank lines after `position` holds a year:
** reference lists do, the prose of a new section often does not. Bounded
** look-ahead, so the scan stays linear. */
static int year_follows(const char *text, size_t length, size_t position) {
  int seen = 0;
  for (size_t line = position; line < length && seen < 6;) {
    size_t end = line;
    while (end < length && text[end] != '\n' && end - line < 1000) end++;
    line_span span = trimmed_line(text, line, end);
    if (span.start < span.end) {
      seen++;
      if (has_year(text, span.start, span.end)) return 1;
    }
    while (end < length && text[end] != '\n') end++;
    line = end + 1;
  }
  return 0;
}

/* ----- cutting a list into entries ------------------------------------------- */

typedef struct list_line {
  size_t start, end; /* trimmed */
  size_t indent;     /* bytes of leading space */
  int blank_before;  /* 1 after a blank line, 2 under a sub-heading, else 0 */
} list_line;

typedef struct line_list {
  list_line *lines;
  size_t count, capacity;
  int failed;
} line_list;

static void line_push(line_list *list, line_span span, size_t indent, int blank_before) {
  if (list->failed) return;
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 64;
    list_line *grown = ibid_realloc(list->lines, capacity * sizeof(*grown));
    if (!grown) {
      list->failed = 1;
      return;
    }
    list->lines = grown;
    list->capacity = capacity;
  }
  list_line *l = &list->lines[list->count++];
  l->start = span.start;
  l->end = span.end;
  l->indent = indent;
  l->blank_before = blank_before;
}

/* Whether a line leaves its entry open: 2 when it surely does (it ends
** inside a word, after a comma, colon or "&", or on a word such as "and",
** "of", "und", "et"), 1 when it ends on another lowercase word (a title
** wraps there, but "CrossRef Medline" ends an entry too), else 0. */
static int leaves_entry_open(const char *text, size_t start, size_t end) {
  static const char *const joining_words[] = {
      "and", "und", "et", "y", "e", "in", "of", "the", "for", "on", "to", "a", "an", "de", "la",
      "le", "les", "des", "du", "der", "die", "das", "den", "von", "van", "with", "from", "zur",
      "zum", "im", "am", "en", "del", "della", "di", "or", "by", "at", "auf", "for", "pour", "par",
      "sur", "con", "por", "para", "und", "sowie", "into", "as", "its", "their",
      /* German, French, Spanish, Italian prepositions and articles: "in der
         Fassung vom" then "11. Oktober 2006" */
      "vom", "dem", "mit", "bei", "nach", "aus", "au", "aux", "dans", "sous", "avec", "el", "los",
      "las", "sobre", "nel", "nella", "per", "dei"};
  if (end <= start) return 0;
  unsigned char c = (unsigned char)text[end - 1];
  /* a label alone on its line: "[Ahl78]", "[12]" */
  if (end - start <= 12 && c == ']' && text[start] == '[') {
    size_t i = start + 1;
    while (i < end - 1 &&
           (is_digit((unsigned char)text[i]) || is_upper_ascii((unsigned char)text[i]) ||
            is_lower_ascii((unsigned char)text[i]) || text[i] == '+'))
      i++;
    if (i == end - 1 && i > start + 1) return 2;
  }
  if (c == '/') { /* not a URL's last slash: "http://cccbdb.nist.gov/" */
    size_t word = end;
    while (word > start && !is_space((unsigned char)text[word - 1])) word--;
    const char *scheme = memchr(text + word, ':', end - word);
    if (!(scheme && scheme + 2 < text + end && scheme[1] == '/' && scheme[2] == '/') &&
        !has_prefix_nocase(text, end, word, "www."))
      return 2;
    return 0;
  }
  if (c == '-' || c == ',' || c == ';' || c == ':' || c == '&' || c == '(') return 2;
  /* "Wiley, New" then "York, NY. 1970.": a place's name wrapped */
  if (c == 'w' && end - start >= 4 && memcmp(text + end - 4, " New", 4) == 0) return 2;
  /* an author list cut short: "Smolka, M. N., …" */
  if (end - start >= 3 && c == 0xA6 && (unsigned char)text[end - 2] == 0x80 &&
      (unsigned char)text[end - 3] == 0xE2)
    return 2;

  if (is_lower_ascii(c)) {
    size_t word = end;
    while (word > start && is_lower_ascii((unsigned char)text[word - 1])) word--;
    if (word == start || is_space((unsigned char)text[word - 1]))
      for (size_t k = 0; k < sizeof(joining_words) / sizeof(*joining_words); k++)
        if (strlen(joining_words[k]) == end - word &&
            memcmp(text + word, joining_words[k], end - word) == 0)
          return 2;
    return 1;
  }
  if (c >= 0x80 && end - start >= 2) {
    uint32_t codepoint;
    if ((c & 0xC0) != 0x80) return 0;
    ibid_utf8_decode_before(text, end, &codepoint);
    return u_islower((UChar32)codepoint); /* a line ending in a small letter ("… für Ökonomie") */
  }
  return 0;
}

/* A repeated-author entry whose dash the text lost or misread: "1979. Title",
** "9 1979. Title" (OCR), ", K. S. Bawa & ..." (the dash before the co-authors). */
static int lost_dash_opening(const char *text, line_span line) {
  size_t i = line.start;
  if (i + 2 < line.end && text[i] == ',' && text[i + 1] == ' ')
    return initial_at(text, line.end, i + 2) != 0 ? 2 : 0;
  size_t token = i;
  int junk = 0;
  while (token < line.end && token - i < 3 && !is_space((unsigned char)text[token])) token++;
  int letters = 0;
  for (size_t k = i; k < token; k++)
    letters |= is_lower_ascii((unsigned char)text[k]) || is_upper_ascii((unsigned char)text[k]);
  /* not "C. 2017." ending a wrapped author list, nor "en 2018," going on */
  if (token < line.end && token - i <= 2 && !has_year(text, i, token) && !letters) {
    i = token + 1, junk = 1;
    /* "9 . 1990a.": the dash misread, a period set apart */
    if (i + 1 < line.end && text[i] == '.' && text[i + 1] == ' ') i += 2;
  }
  if (i + 5 > line.end || !has_year(text, i, i + 4)) return 0;
  i += 4;
  if (i < line.end && is_lower_ascii((unsigned char)text[i])) i++; /* "1988a" */
  /* a year alone may also go on from the authors on the line before ("Ming
     Tan and Lei Zheng." then "2011. Title"): less sure than "9 1979." */
  if (!(i + 1 < line.end && (text[i] == '.' || text[i] == ',') && text[i + 1] == ' ')) return 0;
  return junk ? 2 : 1;
}

/* "Eugene Charniak. 2001.", "Dan Klein and Chris Manning. 2003.", "Ming Tan,
** Lei Zheng, and Shaojun Wang. 2011.": names in their natural order, then
** the year as a sentence of its own (ACL style). */
static int names_then_year(const char *text, line_span line) {
  size_t i = line.start;
  for (int words = 0; words < 12 && i < line.end; words++) {
    size_t word = i;
    if (has_prefix_nocase(text, line.end, i, "and ") && words)
      i += 4;
    else if (!starts_upper(text, line.end, i))
      return 0;
    else {
      while (i < line.end && !is_space((unsigned char)text[i])) i++;
      /* a given name first: not "Nakov. 2019." or "Chen, and Yajun Wang. 2013."
         going on from a name list on the line before */
      if (!words && text[i - 1] == ',') return 0;
      if (text[i - 1] == '.' && i - word > 2 && is_lower_ascii((unsigned char)text[i - 2])) {
        if (!words) return 0;
        while (i < line.end && text[i] == ' ') i++;
        if (i + 5 > line.end || !has_year(text, i, i + 4)) return 0;
        i += 4;
        if (i < line.end && is_lower_ascii((unsigned char)text[i])) i++;
        return i >= line.end || text[i] == '.';
      }
    }
    while (i < line.end && text[i] == ' ') i++;
  }
  return 0;
}

/* A corporate author, then the year: "World Health Organization. 2010.",
** "European Commission (2015)", "OECD (2019a)", "R Core Team (2013)",
** "Statistisches Bundesamt (2018):", "Instituto Nacional de Estadística (INE)
** (2019).", "Banque de France. 2017.", "American Psychological Association.
** (2020).", "Instituto Nacional de Estadística [INE]. (2019)."; capitalised words with the
*lowercase
** words of names of bodies between them, no publisher or journal. */
static int corporate_opening(const char *text, line_span line) {
  static const char *const connectors[] = {
      "of ", "for ", "and ", "the ", "on ", "de ",  "des ", "du ",  "la ",  "le ", "del ", "y ",
      "et ", "für ", "und ", "der ", "di ", "per ", "el ",  "los ", "las ", "in ", "zur ", "am "};
  static const char *const containers[] = {"press",       "university", "journal",    "review",
                                           "verlag",      "publishers", "publishing", "books",
                                           "proceedings", "conference", "quarterly",  "bulletin"};
  /* first the cheap test: the first punctuation is "(" before a year, "((WHO)"
     or ". " before a year: most lines stop here */
  {
    size_t k = line.start;
    while (k < line.end && k - line.start < 120 && text[k] != '(' && text[k] != '[' &&
           text[k] != '.' && text[k] != ',' && text[k] != ':' && text[k] != ';' &&
           !is_digit((unsigned char)text[k]))
      k++;
    if (k + 6 > line.end || k == line.start || text[k - 1] == '.' ||
        !(((text[k] == '(' || text[k] == '[') &&
           (is_upper_ascii((unsigned char)text[k + 1]) || has_year(text, k + 1, k + 5))) ||
          (text[k] == '.' && text[k + 1] == ' ' &&
           (has_year(text, k + 2, k + 6) ||
            (text[k + 2] == '(' && k + 7 <= line.end && has_year(text, k + 3, k + 7))))))
      return 0;
  }
  size_t i = line.start, acronym = 0;
  int capitals = 0, words = 0, loose = 0;
  while (i < line.end && words < 14) {
    if (!starts_upper(text, line.end, i)) {
      if (!capitals || !(is_lower_ascii((unsigned char)text[i]) || (unsigned char)text[i] >= 0xC3))
        break;
      size_t k = 0, n = sizeof(connectors) / sizeof(*connectors);
      while (k < n && !has_prefix_nocase(text, line.end, i, connectors[k])) k++;
      if (k < n) {
        i += strlen(connectors[k]);
      } else { /* an adjective: "Commission européenne", "der gesamtwirtschaftlichen" */
        size_t word = i;
        while (i < line.end && (is_lower_ascii((unsigned char)text[i]) ||
                                (unsigned char)text[i] >= 0x80 || text[i] == '-'))
          i++;
        if (++loose > 4 || i - word < 4 || i >= line.end) return 0;
        if (text[i] != ' ') break;
        while (i < line.end && text[i] == ' ') i++;
      }
      words++;
      continue;
    }
    size_t word = i;
    while (i < line.end && !is_space((unsigned char)text[i]) && text[i] != ',' && text[i] != '.' &&
           text[i] != '(' && text[i] != ':')
      i++;
    for (size_t k = 0; k < sizeof(containers) / sizeof(*containers); k++)
      if (i - word >= strlen(containers[k]) &&
          has_prefix_nocase(text, line.end, word, containers[k]))
        return 0;
    for (size_t k = word; k < i; k++)
      if (is_digit((unsigned char)text[k])) return 0;
    capitals++, words++;
    /* one word: an acronym of three capitals or more ("OECD", "WHO"), not
       a surname or the initials ending an author list ("Nakov. 2019.", "DA.") */
    if (capitals == 1) {
      acronym = i - word;
      for (size_t k = word; k < i; k++)
        if (!is_upper_ascii((unsigned char)text[k])) acronym = 0;
    }
    if (i >= line.end || text[i] != ' ') break;
    while (i < line.end && text[i] == ' ') i++;
  }
  if (!capitals || i >= line.end || (words == 1 && acronym < 3)) return 0;
  if ((text[i] == '(' || text[i] == '[') && i + 1 < line.end &&
      is_upper_ascii((unsigned char)text[i + 1]) &&
      !has_year(text, i + 1, i + 5 <= line.end ? i + 5 : line.end)) { /* "(WHO)", "[INE]" */
    size_t k = i + 1;
    while (k < line.end && k - i < 12 &&
           (is_upper_ascii((unsigned char)text[k]) || is_lower_ascii((unsigned char)text[k]) ||
            text[k] == '-'))
      k++;
    if (k >= line.end || text[k] != (text[i] == '(' ? ')' : ']')) return 0;
    i = k + 1;
    while (i < line.end && text[i] == ' ') i++;
  }
  if (i < line.end && text[i] == '(') return i + 5 <= line.end && has_year(text, i + 1, i + 5);
  /* APA: "World Health Organization. (2019)." */
  if (i + 8 <= line.end && text[i] == '.' && text[i + 1] == ' ' && text[i + 2] == '(' &&
      has_year(text, i + 3, i + 7) && (words > 1 || acronym >= 3))
    return 1;
  if (i + 6 <= line.end && text[i] == '.' && text[i + 1] == ' ' && has_year(text, i + 2, i + 6) &&
      (words > 1 || acronym >= 4)) {
    size_t k = i + 6;
    if (k < line.end && is_lower_ascii((unsigned char)text[k])) k++;
    return k >= line.end || text[k] == '.' || text[k] == ',' || text[k] == ':';
  }
  return 0;
}

/* A body's name, then the title as a new sentence, as Vancouver lists give a
** corporate author: "World Health Organization. Global report on diabetes.
** Geneva: WHO; 2016.", "Ministerio de Sanidad. Estrategia ...". Two words or
** more up to the first period, one of them naming a body. */
static int body_then_title(const char *text, line_span line) {
  /* beginnings of words ("Organization", "Organisation", "Ministère") and,
     after "|", whole words ("Bank", not "Banking") */
  static const char *const stems[] = {
      "organi",     "associa",    "commission", "comisi",       "council",    "conseil",
      "consejo",    "institut",   "minist",     "agenc",        "foundation", "fundaci",
      "fondation",  "stiftung",   "committee",  "comit",        "programme",  "nations",
      "authority",  "collaborat", "bundes",     "kommission",   "verband",    "parliament",
      "parlament",  "government", "gobierno",   "gouvernement", "regierung",  "secretar",
      "observator", "consortium", "statisti",   "department",   "|bank",      "|banco",
      "|banque",    "|centre",    "|center",    "|centro",      "|zentrum",   "|fund",
      "|fondo",     "|union",     "|board",     "|team",        "|network",   "|amt",
      "|office",    "|bureau",    "|health",    "|service",     "|services"};
  size_t i = line.start, words = 0;
  if (!starts_upper(text, line.end, i)) return 0;
  while (i < line.end && i - line.start < 100 && text[i] != '.') {
    unsigned char c = (unsigned char)text[i];
    if (c == ',' || c == ':' || c == ';' || c == '(' || is_digit(c)) return 0;
    if (c == ' ') words++;
    i++;
  }
  if (words < 1 || i + 2 >= line.end || text[i] != '.' || text[i + 1] != ' ' ||
      !starts_upper(text, line.end, i + 2) || !is_lower_ascii((unsigned char)text[i - 1]))
    return 0;
  for (size_t w = line.start; w < i; w++) {
    if ((w > line.start && text[w - 1] != ' ') || !starts_upper(text, i, w)) continue;
    size_t end = w;
    while (end < i && text[end] != ' ') end++;
    for (size_t k = 0; k < sizeof(stems) / sizeof(*stems); k++) {
      int whole = stems[k][0] == '|';
      const char *stem = stems[k] + whole;
      if (has_prefix_nocase(text, i, w, stem) && (!whole || end - w == strlen(stem))) return 1;
    }
  }
  return 0;
}

/* Names in their natural order, two or more, then the title: "Dan Roe and
** Thomas G. Lee. Title", "Kaiming He, Xiangyu Zhang, and Jian Sun. Deep",
** or a list of three or more wrapping at its end ("Dan Roe, Steven Lee, Norman
** Mu,"). Every name has a given name (or initials) and a surname. */
static int natural_names(const char *text, line_span line) {
  size_t i = line.start;
  int names = 0;
  while (i < line.end && names < 12) {
    int tokens = 0, surname = 0;
    while (i < line.end && tokens < 5) {
      if (!starts_upper(text, line.end, i)) break;
      size_t word = i;
      int lower = 0;
      while (i < line.end && !is_space((unsigned char)text[i]) && text[i] != ',' &&
             text[i] != '.') {
        unsigned char c = (unsigned char)text[i];
        if (!(is_lower_ascii(c) || is_upper_ascii(c) || c >= 0x80 || c == '-' || c == '\''))
          return 0; /* "York:", "(2001)" */
        lower |= is_lower_ascii(c) || c >= 0x80;
        i++;
      }
      int initial = i < line.end && text[i] == '.';
      if (initial && (i - word > 2 || lower)) {
        surname = 1; /* "Sun." ends the names */
        tokens++;
        break;
      }
      if (initial) i++;
      surname = !initial && lower && i - word >= 2;
      tokens++;
      if (i >= line.end || text[i] == ',') break;
      while (i < line.end && text[i] == ' ') i++;
      if (has_prefix_nocase(text, line.end, i, "and ") ||
          has_prefix_nocase(text, line.end, i, "& "))
        break;
    }
    if (tokens < 2 || tokens == 5 || !surname) return 0;
    names++;
    if (i >= line.end) return 0;
    if (text[i] == '.') /* the end of the names: a title follows */
      return names >= 2 && (i + 1 >= line.end || (text[i + 1] == ' ' && i + 2 < line.end &&
                                                  starts_upper(text, line.end, i + 2)));
    if (text[i] == ',') {
      i++;
      while (i < line.end && text[i] == ' ') i++;
      if (i >= line.end) return names >= 3;
    }
    if (has_prefix_nocase(text, line.end, i, "and "))
      i += 4;
    else if (has_prefix_nocase(text, line.end, i, "& "))
      i += 2;
    while (i < line.end && text[i] == ' ') i++;
  }
  return 0;
}

/* Whether text[start, end) is names ending on the year as a sentence of its
** own, the title still to come: "..., Rob Procter, Geral-\ndine Wong Sak Hoi,
** and Peter Tolmie. 2016." (no digit or colon before the year: "London:
** Verso. 2001." ends an entry; at most one lowercase word other than "and"
** and name particles: "... feature learning. 2011." ends one too). */
static int names_then_year_end(const char *text, size_t start, size_t end) {
  if (end - start <= 8 || end - start >= 400 || text[end - 1] != '.' ||
      !has_year(text, end - 5, end - 1) || text[end - 6] != ' ' || text[end - 7] != '.' ||
      !is_lower_ascii((unsigned char)text[end - 8]))
    return 0;
  size_t k = start, lower = 0;
  while (k < end - 5 && !is_digit((unsigned char)text[k]) && text[k] != ':') {
    if (is_lower_ascii((unsigned char)text[k]) &&
        (k == start || is_space((unsigned char)text[k - 1])) &&
        !has_prefix_nocase(text, end, k, "and ") && after_particles(text, (line_span){k, end}) == k)
      lower++;
    k++;
  }
  return k == end - 5 && lower <= 1;
}

/* Initials, then a name that is no abbreviation: "M. C. SAUER, JR.,",
** "J.-P. Roe and", but not the journal "J. Phys. Chem. 76". */
static int initials_then_name(const char *text, line_span line) {
  size_t i = line.start, k;
  int initials = 0;
  while ((k = initial_at(text, line.end, i)) != 0) {
    initials++;
    i = k;
    while (i < line.end && text[i] == ' ') i++;
  }
  if (!initials || !starts_upper(text, line.end, i)) return 0;
  while (i < line.end && !is_space((unsigned char)text[i]) && text[i] != ',') i++;
  /* (not the journal "J. Climate, 13, 2293") */
  if (i + 2 < line.end && text[i] == ',' && text[i + 1] == ' ' &&
      is_digit((unsigned char)text[i + 2]))
    return 0;
  return text[i - 1] != '.';
}

/* Whether text[start, end) is an editor's abbreviation: "Hrsg.", "Hg.",
** "Ed.", "Eds.", "Dir.", "Coord." (any case). */
static int is_editor_word(const char *text, size_t start, size_t end) {
  static const char *const words[] = {"hrsg.",
                                      "hg.",
                                      "ed.",
                                      "eds.",
                                      "dir.",
                                      "coord.",
                                      "\xc3\xa9"
                                      "d."};
  for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
    if (strlen(words[k]) == end - start && has_prefix_nocase(text, end, start, words[k])) return 1;
  return 0;
}

/* How surely a line opens an entry: 2 for a label, a repeated-author mark or
** "Surname, I." / "I. Surname" / "Surname I.", 1 for other openings of
** opens_entry ("Academic Press, London." opens nothing, but reads alike). */
static int entry_opening_strength(const char *text, line_span line) {
  if (names_then_year(text, line) || natural_names(text, line)) return 2;
  if (!opens_entry(text, line)) return lost_dash_opening(text, line);
  if (corporate_opening(text, line)) return 2;
  size_t after;
  unsigned char c = (unsigned char)text[line.start];
  if (c == '[' || entry_label(text, line, &after) >= 0 || repeated_author_mark(text, line) ||
      repeated_author_word(text, line) || anonymous_author(text, line))
    return 2;
  /* "Smith JP,", "Smith JP (2001)", "Smith (2001)", "De Vries GJ (2008)" */
  size_t i = after_particles(text, line);
  while (i < line.end && !is_space((unsigned char)text[i]) && text[i] != ',' && text[i] != '(') i++;
  while (i < line.end && is_space((unsigned char)text[i])) i++;
  if (i < line.end && text[i] == '(') return 2;
  /* "Moustafa K. 2016.", "Roe J. P., Lee ...": a surname and initials */
  if (!initial_at(text, line.end, line.start) && starts_upper(text, line.end, line.start) &&
      initial_at(text, line.end, i)) {
    size_t k = i, past;
    while ((past = initial_at(text, line.end, k)) != 0) {
      k = past;
      while (k < line.end && text[k] == ' ') k++;
    }
    if (k < line.end && (text[k] == ',' || text[k] == '(' || text[k] == '&' ||
                         has_prefix_nocase(text, line.end, k, "et al") ||
                         has_year(text, k, k + 5 <= line.end ? k + 5 : line.end)))
      return 2;
  }
  size_t caps = 0;
  while (i < line.end && is_upper_ascii((unsigned char)text[i]) && caps < 4) i++, caps++;
  /* "Smith JP,", "Smith J P (2001)", "Smith J and"; not the journal "Cancer J Clin",
     "PLOS ONE 8:e66212" or "Physiol A 193:99" */
  if (caps >= 1 && caps <= 3 && i < line.end &&
      ((text[i] == ',' && !(i + 2 < line.end && is_digit((unsigned char)text[i + 2]))) ||
       /* "Hammond GR. Lesions of": a single author, Vancouver style */
       (caps >= 2 && text[i] == '.' && i + 3 < line.end && text[i + 1] == ' ' &&
        is_upper_ascii((unsigned char)text[i + 2]) && is_lower_ascii((unsigned char)text[i + 3])) ||
       (text[i] == ':' && i + 1 < line.end && text[i + 1] == ' ') ||
       (text[i] == ' ' &&
        !(i + 2 < line.end && starts_upper(text, line.end, i + 1) &&
          is_lower_ascii((unsigned char)text[i + 2])) &&
        !(i + 1 < line.end && is_digit((unsigned char)text[i + 1]) &&
          !has_year(text, i + 1, i + 5 <= line.end ? i + 5 : line.end)))))
    return 2;
  /* "WL, Gray JW (2000)": initials ending an author list wrapped from the line before */
  {
    size_t k = line.start;
    while (k < line.end && is_upper_ascii((unsigned char)text[k]) && k - line.start < 4) k++;
    if (k > line.start && k - line.start <= 3 && k + 2 < line.end && text[k] == ',' &&
        text[k + 1] == ' ' && starts_upper(text, line.end, k + 2) &&
        is_lower_ascii((unsigned char)text[k + 3 < line.end ? k + 3 : k]))
      return 1;
  }
  if (initials_then_name(text, line)) return 2;
  i = name_opening(text, line);
  if (i) {
    while (i < line.end && is_space((unsigned char)text[i])) i++;
    /* the rest of a journal or an author list: "Lett., 34, L14801",
       "Cell, 25(1), 29-42", "Kruuk, and D. H. Nussey. 2010", "H. W., 2015" */
    if (i < line.end && is_digit((unsigned char)text[i]) &&
        !has_year(text, i, i + 4 <= line.end ? i + 4 : line.end))
      return 1;
    size_t only_initials = line.start, past;
    while ((past = initial_at(text, line.end, only_initials)) != 0) {
      only_initials = past;
      while (only_initials < line.end && text[only_initials] == ' ') only_initials++;
    }
    if (only_initials > line.start && only_initials < line.end && text[only_initials] == ',')
      return 1;
    /* "Press, 2012.", "de la FNSP, 1982.": one word (after lowercase words) and a
       year ends a publisher, not a name */
    size_t space = line.start;
    while (space < i && is_lower_ascii((unsigned char)text[space])) {
      while (space < i && !is_space((unsigned char)text[space])) space++;
      while (space < i && is_space((unsigned char)text[space])) space++;
    }
    /* (capitals and letters counted by code point: "MINISTÈRE,") */
    size_t first_word = space, capitals = 0, characters = 0;
    while (space < i && !is_space((unsigned char)text[space])) {
      uint32_t codepoint;
      capitals += starts_upper(text, i, space) != 0;
      characters++;
      space += ibid_utf8_decode(text, i, space, &codepoint);
    }
    /* (not "INSEE, 2019," "COLLECTIF, 2010," "MINISTÈRE, 2019,": a body or a
       surname in capitals opening the line) */
    if (space >= i - 1 && has_year(text, i, i + 4 <= line.end ? i + 4 : line.end) &&
        !(first_word == line.start && capitals >= 3 && capitals + 1 == characters))
      return 1;
    /* "Anderson, David. Histories", "Peterson, Derek R. Creative", "Stoler, Ann Laura.
       Along": the title after the names (not "Research, London." ending a line, the
       end of a publisher's name and place) */
    if (starts_upper(text, line.end, i)) {
      size_t w = i;
      for (int given = 0; given < 3 && w < line.end && starts_upper(text, line.end, w); given++) {
        size_t word = w;
        while (w < line.end && !is_space((unsigned char)text[w]) && text[w] != ',' &&
               text[w] != '.' && text[w] != ':')
          w++;
        /* "Weinheim, Basel: Beltz.": places, then a publisher of a few words and no
           year (not "Breuel, Birgit: Treuhand intern. Tagebuch, Berlin 1993.") */
        if (w < line.end && text[w] == ':') {
          size_t words = 0;
          for (size_t j = w + 1; j < line.end; j++)
            words += is_space((unsigned char)text[j - 1]) && !is_space((unsigned char)text[j]);
          if (words <= 4 && !has_year(text, w, line.end)) return 1;
          if (words > 4) return 2; /* "Rohwedder, Detlev Karsten: Brief an alle ..." */
          break;
        }
        /* "Vertrauen, Hrsg. Jan van Deth": a title's last word, then the editors
           (not a name and its given name) */
        if (given == 0 && w < line.end && text[w] == '.' && is_editor_word(text, word, w + 1))
          return 1;
        /* "Fischer, Wolfram/Hax, Herbert": authors joined by slashes */
        for (size_t j = word + 1; j + 1 < w; j++)
          if (text[j] == '/' && starts_upper(text, w + 1, j + 1)) return 2;
        if (w < line.end && text[w] == '.' && w - word >= 2 &&
            (w + 1 >= line.end || text[w + 1] == ' '))
          return w + 1 >= line.end && given == 0 ? 1 : 2;
        if (w < line.end && text[w] == '.') break;
        while (w < line.end && text[w] == ' ') w++;
        if (initial_at(text, line.end, w)) return 2;
      }
    }
    if (has_prefix_nocase(text, line.end, i, "and ") ||
        has_prefix_nocase(text, line.end, i, "et al") || has_prefix_nocase(text, line.end, i, "& "))
      return 1;

    if (initial_at(text, line.end, i)) return 2;
    /* "Smith, JP", "SMITH, J" */
    size_t k = i;
    caps = 0;
    while (k < line.end && is_upper_ascii((unsigned char)text[k]) && caps < 4) k++, caps++;
    if (caps >= 1 && caps <= 3 &&
        (k >= line.end || text[k] == ',' || text[k] == ' ' || text[k] == '(' || text[k] == ';'))
      return 2;
    /* "SMITH, John", "Smith, John and", "Smith, John (2001)" */
    size_t upper = line.start, letters = 0;
    while (upper < line.end && (is_upper_ascii((unsigned char)text[upper]) || text[upper] == '-' ||
                                (unsigned char)text[upper] >= 0x80))
      upper++, letters++;
    /* (not "JK, Rodriguez AR": initials ending a wrapped author list) */
    if (letters >= 2 && upper < line.end && text[upper] == ',' &&
        (letters >= 4 || initial_at(text, line.end, i) || !starts_upper(text, line.end, i) ||
         i + 1 >= line.end || !is_lower_ascii((unsigned char)text[i + 1])))
      return 2;
    size_t word = i;
    while (word < line.end && !is_space((unsigned char)text[word]) && text[word] != ',') word++;
    while (word < line.end && is_space((unsigned char)text[word])) word++;
    static const char *const joins[] = {"and ", "und ", "et ", "y ", "e ", "& ", "("};
    /* (surely so with a year in the first 60 bytes or an author list going on
       to the next line; not "Profil, Entstehung und Perspektiven der
       Protestbewegung in Deutschland.", a subtitle) */
    for (size_t j = 0; j < sizeof(joins) / sizeof(*joins); j++)
      if (has_prefix_nocase(text, line.end, word, joins[j]))
        return has_year(text, line.start,
                        line.end - line.start > 60 ? line.start + 60 : line.end) ||
                       leaves_entry_open(text, line.start, line.end) == 2 ||
                       line.end - line.start <= 60
                   ? 2
                   : 1;
    size_t limit = i + 80 < line.end ? i + 80 : line.end;
    /* (not "Vision and Pattern Recognition, pages 1-8, 2011": a venue going on) */
    if (has_year(text, i, limit)) {
      size_t w = i;
      while (w < limit && is_lower_ascii((unsigned char)text[w])) w++;
      if (w < limit && text[w] == '.') w++;
      if (!(w > i && w + 1 < limit && text[w] == ' ' && is_digit((unsigned char)text[w + 1]) &&
            !has_year(text, w + 1, w + 5 <= line.end ? w + 5 : line.end)))
        return 2;
    }
    /* "Oren Etzioni, Michele Banko, and": names in natural order, two or more */
    size_t second = name_then_comma(text, i, line.end);
    if (second && second - i <= 30) {
      size_t words = 0;
      for (size_t j = i; j < second; j++)
        if (j == i || is_space((unsigned char)text[j - 1]))
          words += !is_space((unsigned char)text[j]);
      size_t first_words = 0;
      for (size_t j = line.start; j < i; j++)
        if (j == line.start || is_space((unsigned char)text[j - 1]))
          first_words += !is_space((unsigned char)text[j]);
      if (words >= 2 && words <= 3 && first_words >= 2 && first_words <= 3) return 2;
    }
    return 1;
  }
  if (initials_then_name(text, line)) return 2;
  return 1;
}

/* A line of only names and initials, ending on an initial: "Schultz, S.R.,
** Kitamura, K., Häusser, M..", "Barlow, H.". The title is still to come. */
static int names_only(const char *text, size_t start, size_t end) {
  if (end - start < 4 || text[end - 1] != '.') return 0;
  int surnames = 0;
  for (size_t i = start; i < end;) {
    size_t token = i;
    while (i < end && !is_space((unsigned char)text[i])) i++;
    size_t k = token;
    if (i - token == 1 && text[token] == '&') {
      /* "&" */
    } else if (i - token == 3 && has_prefix_nocase(text, i, token, "and")) {
      /* "and" */
    } else if (initial_at(text, i, token)) { /* "S.R.,", "M..", "J.-P." */
      while ((k = initial_at(text, i, token)) != 0) token = k;
      while (token < i && (text[token] == '.' || text[token] == ',' || text[token] == '-' ||
                           starts_upper(text, i, token)))
        token++;
      if (token != i) return 0;
    } else { /* "Schultz,", "Post-Uiterweer," */
      if (!starts_upper(text, i, token) || text[i - 1] != ',' || surnames > 30) return 0;
      surnames++;
    }
    while (i < end && is_space((unsigned char)text[i])) i++;
  }
  return surnames > 0;
}

/* Whether text[start, end) ends on a year in parentheses: "(2004)", "(2004a)". */
static int ends_on_year(const char *text, size_t start, size_t end) {
  if (end - start < 7 || text[end - 1] != ')') return 0;
  size_t k = end - 1;
  if (is_lower_ascii((unsigned char)text[k - 1])) k--;
  if (k < start + 5 || text[k - 5] != '(' || !has_year(text, k - 4, k)) return 0;
  for (size_t i = start; i + 5 < k; i++) /* names only before it, no "J. Phys. A 8, 609" */
    if (is_digit((unsigned char)text[i]) || text[i] == ':') return 0;
  return 1;
}

/* A sub-label "b)", "(b)", "b )" opening a line. */
static int sub_label(const char *text, line_span line) {
  size_t i = line.start;
  if (i < line.end && text[i] == '(') i++;
  if (i + 1 >= line.end || !is_lower_ascii((unsigned char)text[i])) return 0;
  i++;
  if (text[i] == ' ') i++;
  return i + 1 < line.end && text[i] == ')' &&
         (text[i + 1] == ' ' || starts_upper(text, line.end, i + 1));
}

/* Whether the line opens a second reference under the same label: the line
** before ends with ";" after a number ("Z. Phys. C 46, 93 (1990);",
** "hep-ph/0603185;"), and this one opens with names, initials or a
** sub-label ("b) R. Roe, ..."). */
static int sub_reference_follows(const char *text, const list_line *previous, line_span line) {
  if (previous->end <= previous->start || text[previous->end - 1] != ';') return 0;
  int digit = 0;
  for (size_t i = previous->end - 1; i > previous->start && previous->end - i < 24 && !digit; i--)
    digit = is_digit((unsigned char)text[i - 1]);
  if (!digit) return 0;
  if (sub_label(text, line) || opens_entry(text, line)) return 1;
  return initial_at(text, line.end, line.start) == line.end; /* "R." wrapped alone */
}

/* Whether text[start, at) ends a reference the way physics lists do: "(1998)",
** "(2015) 43", "(1998) [hep-ph/9810543]", "201311(R) (2009)". */
static int ends_reference_unit(const char *text, size_t start, size_t at) {
  size_t i = at;
  while (i > start && text[i - 1] == ' ') i--;
  if (i > start && text[i - 1] == ']') { /* an e-print id in brackets */
    size_t open = i - 1;
    while (open > start && text[open] != '[' && i - open < 40) open--;
    if (text[open] != '[') return 0;
    i = open;
    while (i > start && text[i - 1] == ' ') i--;
  }
  size_t digits = i;
  while (digits > start && is_digit((unsigned char)text[digits - 1]) && i - digits < 6) digits--;
  if (digits < i && digits > start && text[digits - 1] == ' ') { /* "(2015) 43" */
    i = digits - 1;
    while (i > start && text[i - 1] == ' ') i--;
  }
  if (i < start + 6 || text[i - 1] != ')') return 0;
  size_t k = i - 1;
  if (is_lower_ascii((unsigned char)text[k - 1])) k--; /* "(2009a)" */
  return k >= start + 5 && text[k - 5] == '(' && has_year(text, k - 4, k);
}

/* An address of an author's institution: in its first 80 bytes a word that
** names one ("University", "Institute", "School of", "Department", ...),
** and a postal code (four digits or more) or an e-mail address on the line;
** no year. */
static int address_line(const char *text, line_span line) {
  static const char *const words[] = {"universit", "institut", "school of", "department",
                                      "dept. of",  "faculty",  "laborato",  "fakult\xc3\xa4t"};
  if (has_year(text, line.start, line.end)) return 0;
  int named = 0;
  for (size_t i = line.start; !named && i < line.end && i - line.start < 80;) {
    for (size_t k = 0; k < sizeof(words) / sizeof(*words) && !named; k++)
      named = has_prefix_nocase(text, line.end, i, words[k]);
    while (i < line.end && !is_space((unsigned char)text[i])) i++;
    while (i < line.end && is_space((unsigned char)text[i])) i++;
  }
  if (!named) return 0;
  size_t digits = 0;
  for (size_t k = line.start; k < line.end; k++) {
    if (text[k] == '@') return 1;
    digits = is_digit((unsigned char)text[k]) ? digits + 1 : 0;
    if (digits >= 4) return 1;
  }
  return 0;
}

/* Whether text[start, end) ends on a page range: "717-718", "1086–90". */
static int page_range_end(const char *text, size_t start, size_t end) {
  size_t i = end, digits = 0;
  while (i > start && is_digit((unsigned char)text[i - 1])) i--, digits++;
  if (!digits || digits > 5 || i == start) return 0;
  size_t dash = i;
  if (text[i - 1] == '-')
    i--;
  else if (i >= start + 3 && (unsigned char)text[i - 3] == 0xE2 &&
           (unsigned char)text[i - 2] == 0x80 && (unsigned char)text[i - 1] == 0x93)
    i -= 3; /* "–" */
  if (i == dash || i == start || !is_digit((unsigned char)text[i - 1])) return 0;
  return 1;
}

/* A footnote's first line: its number, then a sentence ("12 Even this
** number can be further reduced ..."), no year. */
static int footnote_line(const char *text, line_span line) {
  size_t i = line.start;
  while (i < line.end && is_digit((unsigned char)text[i]) && i - line.start < 3) i++;
  if (i == line.start || i + 1 >= line.end || text[i] != ' ' ||
      !starts_upper(text, line.end, i + 1) || has_year(text, line.start, line.end))
    return 0;
  size_t w = ++i;
  while (w < line.end && !is_space((unsigned char)text[w])) w++;
  return w - i >= 3 && text[w - 1] != '.' && text[w - 1] != ',' && w + 1 < line.end &&
         is_lower_ascii((unsigned char)text[w + 1]) && is_lower_ascii((unsigned char)text[w - 1]);
}

/* Whether an English article opens a title at text[i]: "The ", "A ", "An ". */
static int title_word_at(const char *text, size_t end, size_t i) {
  return has_prefix_nocase(text, end, i, "the ") || has_prefix_nocase(text, end, i, "a ") ||
         has_prefix_nocase(text, end, i, "an ");
}

/* Pushes the entry text[start, end) of a numbered list, cut where a label
** holds several references on one line ("[1] A. Roe, Nature 432, 197 (2004);
** K. Lee, Nature 445, 896 (2007)."): at a "; " outside brackets after a
** year in parentheses (and a page or an e-print id), before a capital or
** "ibid" that opens a part with a year of its own. */
/* Whether text[from, at) leaves a bracket or parenthesis open. */
static int inside_brackets(const char *text, size_t from, size_t at) {
  int depth = 0;
  for (size_t i = from; i < at; i++) {
    char c = text[i];
    if (c == '(' || c == '[') depth++;
    if ((c == ')' || c == ']') && depth > 0) depth--;
  }
  return depth > 0;
}

static void entry_push_cut(entry_list *out, const char *text, size_t start, size_t end,
                           int numbered) {
  size_t after = start;
  line_span first = trimmed_line(text, start, line_end(text, start, end));
  int labelled = entry_label(text, first, &after) >= 0;
  if (numbered || labelled) {
    size_t from = labelled ? after : start;
    /* the candidates: every "; " and every ". " after a digit or ")" */
    const char *semicolon = memchr(text + from, ';', end - from);
    const char *period = memchr(text + from, '.', end - from);
    while (semicolon || period) {
      size_t i;
      if (semicolon && (!period || semicolon < period)) {
        i = (size_t)(semicolon - text);
        semicolon = i + 1 < end ? memchr(text + i + 1, ';', end - i - 1) : NULL;
      } else {
        i = (size_t)(period - text);
        period = i + 1 < end ? memchr(text + i + 1, '.', end - i - 1) : NULL;
      }
      if (i + 2 >= end || !is_space((unsigned char)text[i + 1])) continue;
      size_t next = i + 1;
      while (next < end && is_space((unsigned char)text[next])) next++;
      if (next >= end) continue;
      if (text[i] == '.') {
        /* "..., arXiv:1107.5760. M. J. Morello et al. (CDF ...), ...": a
           second reference after one that ended on a number */
        if (i == from || !(is_digit((unsigned char)text[i - 1]) || text[i - 1] == ')')) continue;
        size_t k = next, past;
        int initials = 0;
        while ((past = initial_at(text, end, k)) != 0) {
          initials++;
          k = past;
          while (k < end && text[k] == ' ') k++;
        }
        if (!initials || !starts_upper(text, end, k)) continue;
        while (k < end && !is_space((unsigned char)text[k]) && text[k] != ',') k++;
        if (text[k - 1] == '.' || !(text[k] == ',' || has_prefix_nocase(text, end, k, " et al") ||
                                    has_prefix_nocase(text, end, k, " and ")))
          continue;
      } else {
        if (!(starts_upper(text, end, next) || has_prefix_nocase(text, end, next, "ibid")))
          continue;
        /* "(1971); The four-dimensionality of space ...": the same authors' next
           paper, its title first */
        if (title_word_at(text, end, next)) continue;
        /* the next part has a year in parentheses of its own: not a report
           number given for the same paper ("(2006); Fermilab-Pub-06-007, 2006.") */
        size_t stop = next, year = 0;
        while (stop < end && text[stop] != ';' && stop - next < 300) {
          if (text[stop] == '(' && stop + 5 < end && has_year(text, stop + 1, stop + 5)) year = 1;
          stop++;
        }
        if (!year || !ends_reference_unit(text, start, i)) continue;
      }
      if (inside_brackets(text, from, i)) continue;
      entry_push(out, start, i + 1);
      start = from = next;
    }
  }
  entry_push(out, start, end);
}

/* A key in brackets opening a line: "[AH]", "[BFNa]", "[Ahl78]", "[12]",
** "[Roe+98]": up to 12 letters, digits or "+-." and no space. 2 when it has a
** letter, 1 for a number, 0 for none. */
static int bracket_key(const char *text, line_span line) {
  size_t i = line.start;
  int letters = 0;
  if (i >= line.end || text[i] != '[') return 0;
  for (i++; i < line.end && i - line.start <= 13; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == ']') return i > line.start + 1 ? 1 + letters : 0;
    letters |= is_upper_ascii(c) || is_lower_ascii(c);
    if (!(is_digit(c) || is_upper_ascii(c) || is_lower_ascii(c) || c == '+' || c == '-' ||
          c == '.'))
      return 0;
  }
  return 0;
}

/* How a line's label is written: "[12]" 1, "(12)" 2, "12." 3, "12)" 4, "12 " 5
** ("3 May 2017." wrapped in a list labelled "[1]", "[2]" is no label); 0 for
** none. */
static int label_style(const char *text, line_span line) {
  size_t after;
  if (entry_label(text, line, &after) < 0) return 0;
  if (text[line.start] == '[') return 1;
  if (text[line.start] == '(') return 2;
  size_t i = line.start;
  while (i < line.end && is_digit((unsigned char)text[i])) i++;
  return i < line.end && text[i] == '.' ? 3 : i < line.end && text[i] == ')' ? 4 : 5;
}

/* The offset of the label "[label]" inside text[from, end) where a line
** holds the end of one entry and the start of the next ("... 3 May 2017. [2]
** Santos R, ..."): after a period (or a closing bracket or digit) and a space,
** before a space and a capital. 0 when there is none. */
static size_t inline_label(const char *text, size_t from, size_t end, long label) {
  char digits[24], want[24];
  int n = 0, d = 0;
  if (label <= 0) return 0;
  for (long k = label; k > 0 && d < 20; k /= 10) digits[d++] = (char)('0' + k % 10);
  want[n++] = '[';
  while (d > 0) want[n++] = digits[--d];
  want[n++] = ']';
  want[n++] = ' ';
  for (const char *at = text + from; (size_t)(at - text) + (size_t)n < end;) {
    at = memchr(at, '[', end - (size_t)(at - text));
    if (!at) return 0;
    size_t i = (size_t)(at - text);
    if (i >= from + 3 && i + (size_t)n < end && memcmp(at, want, (size_t)n) == 0 &&
        text[i - 1] == ' ' &&
        (text[i - 2] == '.' || text[i - 2] == ')' || is_digit((unsigned char)text[i - 2])) &&
        starts_upper(text, end, i + (size_t)n))
      return i;
    at++;
  }
  return 0;
}

/* Cuts the lines of one reference list into entries. A numbered list is cut
** at its labels in sequence; a list with hanging indents or blank lines
** between entries at lines that open an entry at the first-line indent; a
** flat list (PDF text with the indents lost) at lines that open an entry after
** a line that closed one, or after a short last line. */
static int case_opening(const char *text, line_span line);
static int parties_opening(const char *text, line_span line);
static int abbreviation_opening(const char *text, line_span line);

/* The number of words of text[start, end). */
static size_t words_in(const char *text, size_t start, size_t end) {
  size_t words = 0;
  for (size_t i = start; i < end; i++)
    words +=
        !is_space((unsigned char)text[i]) && (i == start || is_space((unsigned char)text[i - 1]));
  return words;
}

/* Whether text[start, end) ends the way an entry of a humanities list ends:
** on a place and a year ("Berlin 1908.", "Frankfurt a. M./Berlin 1993.",
** "Cambridge (Mass.) 1996.": a capitalised word ending on a letter, or a
** closing parenthesis, a space, a year, a period; not "PMLR, 2019." nor
** "Roe, J. 2016.") or on its pages (", S. 1-20."). */
static int place_year_end(const char *text, size_t start, size_t end) {
  if (end - start < 8 || text[end - 1] != '.') return 0;
  {
    size_t k = end - 1;
    while (k > start && (is_digit((unsigned char)text[k - 1]) || text[k - 1] == '-')) k--;
    /* (German "S." only: English lists give the publisher after the pages, and
       "S. 2009." ends an author list) */
    if (k < end - 1 && k >= start + 5 && is_digit((unsigned char)text[k]) &&
        memcmp(text + k - 5, ", S. ", 5) == 0 &&
        (end - 1 - k <= 3 || memchr(text + k, '-', end - 1 - k)))
      return 1;
    /* "S. 117–157.": the range's dash an en dash */
    k = end - 1;
    while (k > start && is_digit((unsigned char)text[k - 1])) k--;
    if (k < end - 1 && k >= start + 4 && (unsigned char)text[k - 1] == 0x93 &&
        (unsigned char)text[k - 2] == 0x80 && (unsigned char)text[k - 3] == 0xE2) {
      k -= 3;
      size_t first = k;
      while (k > start && is_digit((unsigned char)text[k - 1])) k--;
      if (k < first && k >= start + 5 && memcmp(text + k - 5, ", S. ", 5) == 0) return 1;
    }
  }
  if (!has_year(text, end - 5, end - 1) || text[end - 6] != ' ') return 0;
  size_t word = end - 6;
  /* "Paris, La Découverte, 2001.": a publisher, a comma and the year */
  if (word > start + 2 && text[word - 1] == ',') word--;
  unsigned char last = (unsigned char)text[word - 1];
  if (last == ')') return 1;
  if (!(is_lower_ascii(last) || is_upper_ascii(last) || last >= 0x80)) return 0;
  /* not a month: "09-15 Jun 2019.", "im Mai 1998." */
  static const char *const months[] = {
      "jan",    "feb",     "mar",         "apr",    "may",       "jun",     "jul",      "aug",
      "sep",    "sept",    "oct",         "nov",    "dec",       "january", "february", "march",
      "april",  "june",    "july",        "august", "september", "october", "november", "december",
      "januar", "februar", "m\xc3\xa4rz", "mai",    "juni",      "juli",    "oktober",  "dezember"};
  {
    size_t w = end - 6;
    while (w > start && !is_space((unsigned char)text[w - 1])) w--;
    for (size_t k = 0; k < sizeof(months) / sizeof(*months); k++)
      if (strlen(months[k]) == end - 6 - w && has_prefix_nocase(text, end - 6, w, months[k]))
        return 0;
  }
  size_t stop = word;
  while (word > start && !is_space((unsigned char)text[word - 1])) word--;
  if (!starts_upper(text, stop, word)) return 0;
  for (size_t k = word; k < stop; k++)
    if (is_digit((unsigned char)text[k])) return 0;
  return 1;
}

/* A line that is only a journal's name, a year in parentheses and a page:
** "EJIL (2005) 907.", "Journal of International Criminal Justice (2007)
** 159.", the rest of a law review's citation ("5 ... (2007) 159"). */
static int journal_year_page(const char *text, line_span line) {
  size_t i = line.start;
  if (line.end - line.start > 80 || !starts_upper(text, line.end, i)) return 0;
  while (i < line.end && text[i] != '(') i++;
  if (i + 7 > line.end || i == line.start || text[i - 1] != ' ' || text[i + 5] != ')' ||
      !has_year(text, i + 1, i + 5))
    return 0;
  for (size_t k = line.start; k < i; k++)
    if (is_digit((unsigned char)text[k]) || text[k] == ',') return 0;
  i += 6;
  if (i >= line.end || text[i] != ' ') return 0;
  i++;
  size_t digits = i;
  while (i < line.end && (is_digit((unsigned char)text[i]) || text[i] == '-')) i++;
  if (i == digits || !is_digit((unsigned char)text[digits])) return 0;
  return i == line.end || (i + 1 == line.end && (text[i] == '.' || text[i] == ','));
}

static void segment_list(entry_list *out, const char *text, const list_line *lines, size_t n) {
  if (!n) return;
  long last = 0;
  size_t sequential = 0, deeper = 0, blanks = 0, keys = 0, min_indent = lines[0].indent;
  size_t histogram[65] = {0};
  int bracketed = 0; /* the first label is in brackets: "[1]" */
  for (size_t i = 0; i < n; i++) {
    size_t after;
    line_span span = {lines[i].start, lines[i].end};
    long label = entry_label(text, span, &after);
    /* a numbered list is labelled from its first lines on (a list going on
       from the page before may start at "(4)"): the numbered questions of an
       appendix after the list do not make it one */
    if (label > 0 && (label == last + 1 || (last == 0 && i < 3))) {
      if (!last) bracketed = text[lines[i].start] == '[';
      sequential++;
      last = label;
    }
    /* labels in brackets inside a line go on the sequence too */
    if (last > 0 && bracketed)
      while (inline_label(text, lines[i].start, lines[i].end, last + 1)) sequential++, last++;
    if (lines[i].indent < min_indent) min_indent = lines[i].indent;
    if (lines[i].blank_before == 1 && i) blanks++; /* (not 2: under a sub-heading) */
    keys += bracket_key(text, span) == 2;
    size_t bytes = lines[i].end - lines[i].start;
    histogram[bytes / 4 < 64 ? bytes / 4 : 64]++;
  }
  for (size_t i = 0; i < n; i++)
    if (lines[i].indent > min_indent + 1) deeper++;
  /* a full line: the length reached by a fifth of the lines */
  size_t full = 0, seen = 0;
  for (int b = 64; b >= 0; b--) {
    seen += histogram[b];
    if (seen * 5 >= n) {
      full = (size_t)b * 4;
      break;
    }
  }
  int numbered = sequential >= 3 && sequential * 8 >= n;
  int indented = n >= 3 && deeper * 10 >= n && deeper < n;
  int blank_separated = n >= 3 && blanks * 5 >= n;
  /* "[AH] M. Atiyah, ...", "[BFNa] ...": every entry opens with its key */
  int keyed = !numbered && keys >= 3 && keys * 4 >= n;
  size_t entry_start = lines[0].start, entry_end = lines[0].end, entry_indent = lines[0].indent;
  size_t entries = 0, yearless = 0; /* entries of a flat list so far, and those without a year */
  size_t entry_line = 0;            /* the line the entry starts on */
  last = 0;
  int style = 0;    /* label_style of the labels seen so far */
  int footnote = 0; /* the lines since entry_start are a footnote, left out */
  if (numbered) {
    size_t after;
    line_span span = {lines[0].start, lines[0].end};
    long label = entry_label(text, span, &after);
    if (label > 0) last = label, style = label_style(text, span);
  }
  for (size_t i = 1; i < n; i++) {
    const list_line *line = &lines[i], *previous = &lines[i - 1];
    line_span span = {line->start, line->end};
    int starts_new;
    if (numbered) {
      size_t after;
      long label = entry_label(text, span, &after);
      int line_style = label_style(text, span);
      starts_new = label > last && label <= last + 2 && (!style || line_style == style);
      /* "...;63(3):903-" then "10." then "9. Hernández": a page range's end, not
         a label skipping one */
      if (starts_new && label == last + 2 && text[previous->end - 1] == '-') starts_new = 0;
      if (starts_new) last = label, style = line_style;
      /* "[12] A, J. 1 (1990);" then "B, J. 2 (1991)." on the next line: each
         reference under one label is an entry of its own */
      if (!starts_new && label < 0 && sub_reference_follows(text, previous, span)) starts_new = 1;
      /* "[2] Roe A 1992 J. Phys. 13 188" then "Roe A 1994 J. Phys. 27 153": a
         second reference on a line of its own, after one that ended on its page */
      if (!starts_new && label < 0 && previous->end > previous->start &&
          (is_digit((unsigned char)text[previous->end - 1]) ||
           /* "J. Chem. Soc. 3163 (1931)." then "H. WEIL. Beilstein, 43, 2605 (1910)." */
           ends_reference_unit(text, previous->start,
                               previous->end - (text[previous->end - 1] == '.'))) &&
          entry_opening_strength(text, span) == 2 && has_year(text, span.start, span.end))
        starts_new = 1;
    } else if (keyed) {
      starts_new =
          bracket_key(text, span) || (!leaves_entry_open(text, previous->start, previous->end) &&
                                      entry_opening_strength(text, span) == 2);
    } else if (indented || blank_separated) {
      int open = leaves_entry_open(text, previous->start, previous->end);
      starts_new = line->indent <= entry_indent &&
                   (line->blank_before ||
                    ((opens_entry(text, span) ||
                      ibid_legal_entry_opening(text + span.start, span.end - span.start) ||
                      case_opening(text, span)) &&
                     !(indented && open == 2 && line->indent > min_indent)) ||
                    /* back at the entry indent after a hanging line that closed
                       the entry: "Ngũgĩ wa Thiong'o. Decolonising the Mind." */
                    (indented && previous->indent > entry_indent && line->indent == entry_indent &&
                     open != 2));
    } else {
      size_t previous_length = previous->end - previous->start;
      int open = leaves_entry_open(text, previous->start, previous->end);
      int strength = entry_opening_strength(text, span);
      /* "Nature 166 (1950): 717-718," then "Armbruster, Peter (1985).": a page
         range ends the entry, whatever the comma after it says, before names
         and a year */
      if (open == 2 && strength == 2 && text[previous->end - 1] == ',' &&
          page_range_end(text, previous->start, previous->end - 1) &&
          has_year(text, entry_start, previous->end) && has_year(text, span.start, span.end))
        open = 0;
      int short_previous = previous_length * 4 < full * 3;
      /* a line that is only a dash for the repeated author goes on */
      line_span previous_span = {previous->start, previous->end};
      if (repeated_author_mark(text, previous_span) && previous_length <= 6) open = 2;
      /* "Hurst CD, Fiegler H, Knowles MA (2004)": an entry's first line ending on
         its year, the title to come ("..., Berlin (2009)" later in an entry ends it) */
      if (previous->start == entry_start && ends_on_year(text, previous->start, previous->end))
        open = 2;
      /* "..., Rob Procter, and Peter Tolmie. 2016." ending the lines of an entry
         so far: the title to come */
      size_t label_end;
      if (names_then_year_end(text, entry_start, previous->end) &&
          entry_label(text, span, &label_end) < 0)
        open = 2;
      /* "Barlow, H.." then "Redundancy reduction revisited.": the title to come */
      if (names_only(text, entry_start, previous->end)) open = 2;
      /* "In Conference on Computer" then "Vision and Pattern Recognition, 2011.":
         a title or venue wrapped after "on", "of", "in" and a capitalised word */
      if (open == 1 && starts_upper(text, previous->end, previous->start)) {
        size_t w = previous->end;
        while (w > previous->start && !is_space((unsigned char)text[w - 1])) w--;
        if (w > previous->start + 4 && starts_upper(text, previous->end, w)) {
          size_t v = w - 1;
          while (v > previous->start && !is_space((unsigned char)text[v - 1])) v--;
          static const char *const joins[] = {"on ", "of ", "in ", "for ", "and ", "the ", "to "};
          for (size_t j = 0; j < sizeof(joins) / sizeof(*joins); j++)
            if (strlen(joins[j]) == w - v && memcmp(text + v, joins[j], w - v) == 0) open = 2;
        }
      }
      /* "..., en MUÑOZ" then "MACHADO, S. (dir.): Tratado": an editor's name cut at
         the line end after "in", "en", "In:", "dans" */
      if (open < 2) {
        size_t w = previous->end;
        while (w > previous->start && !is_space((unsigned char)text[w - 1])) w--;
        unsigned char z = (unsigned char)text[previous->end - 1];
        if (w > previous->start + 2 && starts_upper(text, previous->end, w) &&
            (is_lower_ascii(z) || is_upper_ascii(z) || z >= 0x80)) {
          size_t v = w;
          while (v > previous->start && is_space((unsigned char)text[v - 1])) v--;
          size_t u = v;
          while (u > previous->start && !is_space((unsigned char)text[u - 1])) u--;
          /* (or a translator's, an editor's: "bearb. von Anton" then "Golecki,
             Boppard", "translated by Maria" then "Jolas, Beacon Press") */
          static const char *const intros[] = {
              "in", "en", "In", "En", "In:", "in:", "dans", "von", "by", "par", "por"};
          for (size_t j = 0; j < sizeof(intros) / sizeof(*intros); j++)
            if (strlen(intros[j]) == v - u && memcmp(text + u, intros[j], v - u) == 0) open = 2;
        }
      }
      /* "..., 787" then "805.": a page range whose dash was lost, no label */
      if (is_digit((unsigned char)text[previous->end - 1]) && text[line->end - 1] == '.') {
        size_t k = line->start;
        while (k < line->end && is_digit((unsigned char)text[k])) k++;
        if (k + 1 == line->end) open = 2;
      }
      /* "..., Sanjeev Khudanpur, Wren" then "N. G. Thornton, and ...": an author
         list wrapped inside a name */
      if (!open || open == 1) {
        size_t w = previous->end;
        while (w > previous->start && !is_space((unsigned char)text[w - 1])) w--;
        if (w >= previous->start + 2 && text[w - 2] == ',' &&
            starts_upper(text, previous->end, w) &&
            is_lower_ascii((unsigned char)text[previous->end - 1]) &&
            initials_then_name(text, span))
          open = 2;
      }
      /* a short line ends an entry only when the entry has its year: "Barlow, H..
         Redundancy reduction revisited." goes on with "Network 2001;12(3)" */
      int weak = !open && short_previous &&
                 (strength == 1 || (starts_upper(text, line->end, line->start) &&
                                    !abbreviation_opening(text, span))) && /* not "BOE núm. 52" */
                 (entries < 2 || yearless * 4 > entries || has_year(text, entry_start, entry_end));
      starts_new = open < 2 && (strength == 2 || weak);
      /* "World Health Organization. Global report ..." after a closed entry */
      if (!starts_new && !open &&
          !(previous->start == entry_start && /* "Flanagin A. 2017." then the title */
            has_year(text, previous->end - (previous_length < 8 ? previous_length : 8),
                     previous->end)) &&
          body_then_title(text, span))
        starts_new = 1;
      /* "..., Berlin 1908." then "Verhandlungen des 34. Deutschen Juristentages, ...":
         an entry ended on its place and year, as humanities lists end them; a
         capitalised line after it opens the next, with or without an author */
      if (!starts_new && !open &&
          (previous->start != entry_start || words_in(text, previous->start, previous->end) >= 5) &&
          place_year_end(text, previous->start, previous->end) &&
          starts_upper(text, line->end, line->start) &&
          !(line->end - line->start > 3 && text[line->start + 1] == '.' &&
            text[line->start + 2] == ' ' && is_digit((unsigned char)text[line->start + 3])))
        starts_new = 1;
      /* a case, a treaty, a resolution after a closed entry: legal.h */
      if (!starts_new && !open &&
          (ibid_legal_entry_opening(text + line->start, line->end - line->start) ||
           case_opening(text, span)))
        starts_new = 1;
      /* after an international case or a treaty ended on its date, report or page
         ("..., Judgment, 10 December 1998.", "ICJ Reports 1996, p. 226."), any
         capitalised line opens the next: "Accordance with International Law of
         the Unilateral Declaration ..., Advisory Opinion"; not a line opening
         with an abbreviation ("Bull. civ. V, n° 36.", "BOE núm. 52": where a
         French or Spanish decision was published) */
      if (!starts_new && !open && previous_length >= 2 && text[previous->end - 1] == '.' &&
          is_digit((unsigned char)text[previous->end - 2]) &&
          starts_upper(text, line->end, line->start) && !abbreviation_opening(text, span)) {
        line_span first =
            trimmed_line(text, entry_start, line_end(text, entry_start, previous->end));
        if (ibid_legal_entry_opening(text + first.start, first.end - first.start) ||
            parties_opening(text, first))
          starts_new = 1;
      }
      if (line->blank_before && !open) starts_new = 1;
      /* "..., 16" then "EJIL (2005) 907.": a law journal's volume, then its name,
         year and first page, as law reviews cite an article */
      if (!line->blank_before && starts_new && is_digit((unsigned char)text[previous->end - 1]) &&
          journal_year_page(text, span))
        starts_new = 0;
      /* "... New Zealand Law Review" then "265.": a page wrapped alone, no label */
      if (!line->blank_before && starts_new) {
        size_t k = line->start;
        while (k < line->end && is_digit((unsigned char)text[k])) k++;
        if (k > line->start && (k == line->end || (k + 1 == line->end && text[k] == '.')))
          starts_new = 0;
      }
    }
    /* "... 257, 481 (2014)." then "12 Even this number can be ...": a footnote
       of the page set among a numbered list's entries, after one that ended
       on its year, is no part of it (up to the next label) */
    if (numbered && !starts_new && !footnote && footnote_line(text, span) &&
        ends_reference_unit(text, previous->start,
                            previous->end - (text[previous->end - 1] == '.'))) {
      entry_push_cut(out, text, entry_start, entry_end, numbered);
      footnote = 1;
      entry_start = line->start;
    }
    if (starts_new) {
      if (!numbered && !indented && !blank_separated) {
        entries++;
        yearless += !has_year(text, entry_start, entry_end);
      }
      if (!footnote) entry_push_cut(out, text, entry_start, entry_end, numbered);
      footnote = 0;
      entry_start = line->start;
      entry_indent = line->indent;
      entry_line = i;
    }
    /* "[1] ... updated" then "3 May 2017. [2] Santos R, ...": the next label inside
       a line of a list labelled in brackets cuts it there */
    if (numbered && text[entry_start] == '[') {
      size_t at;
      while ((at = inline_label(text, entry_start > line->start ? entry_start : line->start,
                                line->end, last + 1)) != 0) {
        size_t cut = at;
        while (cut > entry_start && is_space((unsigned char)text[cut - 1])) cut--;
        entry_push_cut(out, text, entry_start, cut, numbered);
        entry_start = at;
        last++;
      }
    }
    entry_end = line->end;
  }
  /* after the last entry of a numbered list, once it has ended on its year:
     "Communicated by H.-T. Yau", "This article was processed by ...", a page
     number "087003-4" */
  if (numbered)
    for (size_t k = entry_line + 1; k < n; k++) {
      size_t end = lines[k - 1].end;
      if (text[end - 1] == '.') end--;
      if (!ends_reference_unit(text, lines[k - 1].start, end) ||
          has_year(text, lines[k].start, lines[k].end))
        continue;
      line_span span = {lines[k].start, lines[k].end};
      size_t w = span.start;
      while (w < span.end && !is_space((unsigned char)text[w])) w++;
      /* (or a footnote, its number first: "12 Even this number can be ...") */
      int prose =
          (starts_upper(text, span.end, span.start) && w - span.start >= 3 && text[w - 1] != '.' &&
           text[w - 1] != ',' && w + 1 < span.end && is_lower_ascii((unsigned char)text[w + 1])) ||
          footnote_line(text, span);
      int number = 1;
      for (size_t j = span.start; j < span.end; j++)
        number &= is_digit((unsigned char)text[j]) || text[j] == '-';
      if (prose || number) {
        entry_end = lines[k - 1].end;
        break;
      }
    }
  /* after the last entry of a numbered or keyed list: the authors' addresses
     of a mathematics paper ("School of Mathematics, Georgia Institute of
     Technology, Atlanta, GA 30332-0160, USA", "M.F.: National Research
     University ..., Moscow 119048") */
  if (numbered || keyed)
    for (size_t k = entry_line + 1; k < n; k++)
      if (address_line(text, (line_span){lines[k].start, lines[k].end})) {
        if (lines[k - 1].end <= entry_end) entry_end = lines[k - 1].end;
        break;
      }
  if (!footnote) entry_push_cut(out, text, entry_start, entry_end, numbered);
}

/* ----- where a list ends, and its sub-headings ------------------------------------ */

static int is_month_word(const char *text, size_t start, size_t end);
static int is_numeric_date(const char *text, size_t start, size_t end);

/* A decision by its court's abbreviations and its date, as French and German
** lists cite them: "Cass. soc., 1er février 2011, n° 10-30.045", "Cass. civ.
** 3e, 9 décembre 2009", "CA Paris, 12 mai 2010", "BGH, Urt. v. 12.3.2015":
** up to four short words ending on "." or ",", the first a court's
** abbreviation (two capitals or more, "CA", "BGH", "BVerfG,", with no mark
** when capitals only, or a word ending in ".", "Cass."; not a place,
** "London, 3 May 2015", where a newspaper's article was written), then a
** day and a month's name and a year, or a date in figures. */
static int court_date_opening(const char *text, line_span line) {
  size_t i = line.start, limit = line.end - line.start < 80 ? line.end : line.start + 80;
  for (int words = 0; words < 5 && i < limit; words++) {
    size_t word = i;
    while (i < limit && !is_space((unsigned char)text[i])) i++;
    if (words && is_digit((unsigned char)text[word])) {
      if (is_numeric_date(text, word, i)) return 1;
      size_t d = word;
      while (d < i && is_digit((unsigned char)text[d])) d++;
      if (d - word <= 2 && (d == i || has_prefix_nocase(text, i, d, "er") || text[d] == '.')) {
        size_t month = i;
        while (month < limit && text[month] == ' ') month++;
        size_t month_end = month;
        while (month_end < limit && !is_space((unsigned char)text[month_end])) month_end++;
        return is_month_word(text, month, month_end) && month_end + 5 <= limit &&
               has_year(text, month_end + 1, month_end + 5);
      }
    }
    int mark = text[i - 1] == '.' || text[i - 1] == ',';
    if (i - word > 8) return 0;
    if (!words) {
      size_t capitals = 0;
      for (size_t k = word; k < i; k++) capitals += is_upper_ascii((unsigned char)text[k]);
      if (!starts_upper(text, i, word) || (text[i - 1] != '.' && capitals < 2) ||
          (!mark && capitals != i - word)) /* "CA Paris,": capitals only */
        return 0;
    } else if (!mark) {
      return 0;
    }
    while (i < limit && text[i] == ' ') i++;
  }
  return 0;
}

/* A case before an international court by its name, the parties after it in
** parentheses: "Whaling in the Antarctic (Australia v. Japan: ...)",
** "Military and Paramilitary Activities in and against Nicaragua (Nicaragua
** v. United States of". */
static int parties_opening(const char *text, line_span line) {
  size_t i = line.start, limit = line.end - line.start < 120 ? line.end : line.start + 120;
  size_t open = i;
  while (open < limit && text[open] != '(' && text[open] != ',' && text[open] != '.') open++;
  if (open < limit && text[open] == '(' && open > i + 8 && starts_upper(text, limit, open + 1)) {
    for (size_t k = open + 1; k + 3 < limit && text[k] != ')'; k++)
      if (text[k] == ' ' && text[k + 1] == 'v' &&
          (text[k + 2] == ' ' || (text[k + 2] == '.' && text[k + 3] == ' ')))
        return 1;
  }
  return 0;
}

/* Does the line open with a short abbreviation: a word of two to four
** characters ending in "." ("Bull.", "Rec.", "Gaz."; not an initial), or two
** to four capitals before one ("BOE núm.")? */
static int abbreviation_opening(const char *text, line_span line) {
  size_t i = line.start, capitals = 0;
  while (i < line.end && is_upper_ascii((unsigned char)text[i])) i++, capitals++;
  if (capitals >= 2 && capitals <= 4 && i < line.end && text[i] == ' ') {
    i++;
  } else {
    i = line.start;
  }
  size_t word = i;
  while (i < line.end && !is_space((unsigned char)text[i])) i++;
  size_t letters = i > word ? ibid_utf8_count(text + word, i - 1 - word) : 0;
  return i > word + 1 && text[i - 1] == '.' && letters >= 2 && letters <= 4;
}

/* Legal material that legal.h's test does not take: a decision by its court
** and date (court_date_opening), a decision or an enactment by its number
** ("STC 45/1989", "Ley 39/2015"), an archive's call number ("CO 323/1034/5",
** "F/7/13518"), a case before an international court with its parties in
** parentheses ("Whaling in the Antarctic (Australia v. Japan)"), a case named
** with a party in parentheses ("R (Daly) v Secretary of State ...", "R (on
** the application of X) v Y") or a statute by its short title ("Human Rights
** Act 1998.", "Senior Courts Act 1981, s 31."). */
static int case_opening(const char *text, line_span line) {
  if (!starts_upper(text, line.end, line.start)) return 0;
  size_t limit = line.end - line.start < 120 ? line.end : line.start + 120;
  size_t i = line.start;
  if (court_date_opening(text, line)) return 1;
  /* a decision or an enactment by its number or date, the usual Spanish, French
     and European way: "STC 45/1989, de 20 de febrero", "STS de 15 de octubre de
     2020", "Ley 39/2015, de 1 de octubre", "Real Decreto 203/2021", "Directiva
     2006/123/CE": up to three capitalised words, then a number with a slash and
     a year, or an abbreviation in capitals and "de" and a day. With a number,
     one of the words names an enactment, or the first is capitals only (a
     court's abbreviation, an archive's call number: "R 2/18651"), and no page
     follows: not a journal's volume and year ("Leviathan 49/2021, S. 12–30",
     "APuZ 12/2019") */
  {
    static const char *const enactments[] = {
        "ley",        "decreto",           "directiva",  "directive",     "reglamento",
        "regulation", "r\xc3\xa8glement",  "loi",        "d\303\251cret", "ordonnance",
        "orden",      "resoluci\xc3\xb3n", "richtlinie", "verordnung",    "gesetz",
        NULL};
    size_t k = i, words = 0, capitals = 0, abbreviation = 0;
    int enactment = 0;
    while (words < 3 && k < limit && starts_upper(text, limit, k)) {
      size_t word = k, upper = 0, letters = 0;
      while (k < limit && !is_space((unsigned char)text[k])) {
        upper += is_upper_ascii((unsigned char)text[k]);
        letters += is_upper_ascii((unsigned char)text[k]) || is_lower_ascii((unsigned char)text[k]);
        k++;
      }
      if (text[k - 1] == ',' || text[k - 1] == '.') break;
      if (!words) {
        capitals = upper == letters && letters >= 2 && letters <= 6 && k - word == letters;
        abbreviation = upper == letters && letters <= 4 && k - word == letters;
      }
      for (size_t e = 0; enactments[e]; e++) {
        size_t n = strlen(enactments[e]);
        enactment |= n == k - word && has_prefix_nocase(text, k, word, enactments[e]);
      }
      words++;
      while (k < limit && text[k] == ' ') k++;
    }
    if (words && k < limit && is_digit((unsigned char)text[k])) {
      size_t d = k;
      while (d < limit && is_digit((unsigned char)text[d])) d++;
      size_t after = d;
      while (after < limit && !is_space((unsigned char)text[after])) after++;
      while (after < limit && text[after] == ' ') after++;
      int page = has_prefix_nocase(text, limit, after, "s. ") ||
                 has_prefix_nocase(text, limit, after, "p. ") ||
                 has_prefix_nocase(text, limit, after, "pp. ");
      if (d - k <= 4 && d + 4 < limit && text[d] == '/' && (enactment || abbreviation) && !page &&
          (has_year(text, d + 1, d + 5) || has_year(text, k, d)))
        return 1;
      /* an archive's call number: "CO 323/1034/5, Colonial Office: ..." */
      if (words == 1 && capitals && d < limit && text[d] == '/' && d + 1 < limit &&
          is_digit((unsigned char)text[d + 1]))
        return 1;
    }
    /* a French archive's call number: "F/7/13518 : Police générale" */
    if (words == 1 && is_upper_ascii((unsigned char)text[i])) {
      size_t c = i;
      while (c < limit && is_upper_ascii((unsigned char)text[c]) && c - i < 3) c++;
      if (c + 1 < limit && text[c] == '/' && is_digit((unsigned char)text[c + 1])) return 1;
    }
    if (words == 1 && capitals && k + 5 < limit && memcmp(text + k, "de ", 3) == 0 &&
        is_digit((unsigned char)text[k + 3]))
      return 1;
  }
  if (parties_opening(text, line)) return 1;
  /* capitalised words, then "Act" and a year */
  for (int words = 0; words < 8 && i < limit && starts_upper(text, limit, i); words++) {
    size_t word = i;
    while (i < limit && !is_space((unsigned char)text[i]) && text[i] != ',') i++;
    if (words && i - word == 3 && memcmp(text + word, "Act", 3) == 0) {
      if (i < limit && text[i] == ',') i++;
      while (i < limit && text[i] == ' ') i++;
      return i + 4 <= limit && has_year(text, i, i + 4);
    }
    while (i < limit && text[i] == ' ') i++;
  }
  i = line.start;
  while (i < limit && text[i] != '(' && text[i] != ',' && text[i] != '[') i++;
  if (i >= limit || text[i] != '(' || i - line.start > 40) return 0;
  while (i < limit && text[i] != ')') i++;
  return i + 4 < limit && text[i + 1] == ' ' && text[i + 2] == 'v' &&
         (text[i + 3] == ' ' || (text[i + 3] == '.' && i + 4 < limit && text[i + 4] == ' '));
}

/* Whether the word at text[i] names an academic's post ("professor",
** "Professorin", "maître de conférences", "ricercatrice", "investigadora",
** "lecturer", "researcher", "doctorant", "élève", ...): its first letters,
** any case. */
static int role_word_at(const char *text, size_t end, size_t i) {
  static const char *const roles[] = {"professor",
                                      "profesor",
                                      "professeur",
                                      "prof.",
                                      "lecturer",
                                      "ma\xc3\xaetre",
                                      "researcher",
                                      "research ",
                                      "fellow",
                                      "investigador",
                                      "ricercat",
                                      "chercheu",
                                      "charg\xc3\xa9",
                                      "dozent",
                                      "docent",
                                      "doktorand",
                                      "doctorant",
                                      "doctoral",
                                      "dottorand",
                                      "phd",
                                      "ph.d",
                                      "postdoc",
                                      "post-doc",
                                      "student",
                                      "\xc3\xa9tudiant",
                                      "\xc3\xa9l\xc3\xa8ve",
                                      "estudiante",
                                      "wissenschaftlich",
                                      "mitarbeiter",
                                      "director",
                                      "directeur",
                                      "directrice",
                                      "direttore",
                                      "direktor",
                                      "assistant",
                                      "associate",
                                      "catedr",
                                      "emerit",
                                      "economist",
                                      "historian",
                                      "historien",
                                      "historiker",
                                      "sociologist",
                                      "sociologue",
                                      "senior"};
  unsigned char c = (unsigned char)text[i];
  if (is_upper_ascii(c)) c = (unsigned char)(c - 'A' + 'a');
  for (size_t k = 0; k < sizeof(roles) / sizeof(*roles); k++)
    if ((unsigned char)roles[k][0] == c && has_prefix_nocase(text, end, i, roles[k])) return 1;
  return 0;
}

/* An author's note after the list: two to four capitalised names, then "is",
** "are", "est", "ist", "es", "è", "was", "war", a lowercase word or a post,
** and a post within the first four words ("Jane Roe is professor ...",
** "Jean-Baptiste Roe est maître de conférences ...", "Hans Roe ist Professor
** ..."); never a line with a year or a parenthesis (a title: "Machine
** Learning is everywhere (2020).", "Die Geschichte ist nicht zu Ende."). */
static int author_note_line(const char *text, line_span line) {
  static const char *const verbs[] = {"is ", "are ", "est ", "ist ",
                                      "es ", "was ", "war ", "\xc3\xa8 "};
  size_t i = line.start;
  int names = 0;
  while (i < line.end && names < 5 && starts_upper(text, line.end, i)) {
    while (i < line.end && !is_space((unsigned char)text[i])) {
      unsigned char c = (unsigned char)text[i];
      if (c == ',' || c == '.' || c == '(' || c == ':' || is_digit(c)) return 0;
      i++;
    }
    names++;
    while (i < line.end && text[i] == ' ') i++;
  }
  if (names < 2 || names > 4) return 0;
  size_t k = 0, n = sizeof(verbs) / sizeof(*verbs);
  while (k < n &&
         !(i + strlen(verbs[k]) < line.end && memcmp(text + i, verbs[k], strlen(verbs[k])) == 0))
    k++;
  if (k == n) return 0;
  i += strlen(verbs[k]);
  if (!starts_lower(text, line.end, i) && !role_word_at(text, line.end, i)) return 0;
  if (memchr(text + i, '(', line.end - i) || has_year(text, line.start, line.end)) return 0;
  for (int words = 0; words < 4 && i < line.end; words++) {
    if (role_word_at(text, line.end, i)) return 1;
    while (i < line.end && !is_space((unsigned char)text[i])) i++;
    while (i < line.end && is_space((unsigned char)text[i])) i++;
  }
  return 0;
}

static line_span next_nonblank(const char *text, size_t length, size_t line);
static int list_goes_on(const char *text, size_t length, size_t position, long last_label,
                        int years);

/* The end of the word at i (the next space or the end). */
static size_t word_end(const char *text, size_t end, size_t i) {
  while (i < end && !is_space((unsigned char)text[i])) i++;
  return i;
}

/* The next word after the one that ends at i. */
static size_t next_word(const char *text, size_t end, size_t i) {
  while (i < end && is_space((unsigned char)text[i])) i++;
  return i;
}

/* Whether the word text[i..w) is one of words (lowercase, any case in the
** text), a trailing comma left out. */
static int word_is(const char *text, size_t i, size_t w, const char *const *words, size_t n) {
  if (w > i && text[w - 1] == ',') w--;
  for (size_t k = 0; k < n; k++)
    if (strlen(words[k]) == w - i && has_prefix_nocase(text, w, i, words[k])) return 1;
  return 0;
}

/* What follows the names in an author's biography (text[i..end)): a birth
** with its year ("geb. 1960", "born 1971", "née en 1984", "nacido en 1976"),
** a post ("Wissenschaftliche Mitarbeiterin am ..."), an e-mail address or
** ORCID on a line without a year, or a verb and a post as in
** author_note_line ("is Associate Professor of ..."): 1; an affiliation on a
** line without a year ("Department of Sociology, ..."; also an archive's
** collection: "Hull-House Records, University of ..."): 2. Degrees before
** it are stepped over ("PhD, is ...", "Dr. phil., ..."). */
static int biography_tail(const char *text, size_t end, size_t i) {
  static const char *const births[] = {"geb.",
                                       "geboren",
                                       "born",
                                       "n\xc3\xa9",
                                       "n\xc3\xa9"
                                       "e",
                                       "nacido",
                                       "nacida",
                                       "nato",
                                       "nata",
                                       "jg.",
                                       "jahrgang"};
  static const char *const verbs[] = {"is", "are", "est", "ist", "es", "was", "war", "\xc3\xa8"};
  static const char *const places[] = {"department",
                                       "faculty",
                                       "school",
                                       "institute",
                                       "institut",
                                       "university",
                                       "universit\xc3\xa4t",
                                       "universit\xc3\xa9",
                                       "universidad",
                                       "universit\xc3\xa0",
                                       "lehrstuhl",
                                       "fakult\xc3\xa4t",
                                       "d\xc3\xa9partement",
                                       "departamento",
                                       "laboratoire",
                                       "centre",
                                       "center"};
  int dated = has_year(text, i, end);
  for (int degrees = 0; degrees < 4 && i < end; degrees++) {
    size_t w = word_end(text, end, i);
    if (word_is(text, i, w, births, sizeof(births) / sizeof(*births)))
      return has_year(text, w, w + 40 < end ? w + 40 : end);
    if (word_is(text, i, w, verbs, sizeof(verbs) / sizeof(*verbs))) {
      size_t k = next_word(text, end, w);
      for (int words = 0; words < 4 && k < end; words++) {
        if (role_word_at(text, end, k)) return !dated;
        k = next_word(text, end, word_end(text, end, k));
      }
      return 0;
    }
    if (dated) return 0;
    if (role_word_at(text, end, i) || has_prefix_nocase(text, end, i, "orcid")) return 1;
    for (size_t k = 0; k < sizeof(places) / sizeof(*places); k++)
      if (has_prefix_nocase(text, end, i, places[k])) return 2;
    if (memchr(text + i, '@', end - i)) return 1;
    /* a degree: a short word ending on a period or a comma ("PhD,", "Dr.", "rer.") */
    if (w - i > 8 || (text[w - 1] != ',' && text[w - 1] != '.')) return 0;
    i = next_word(text, end, w);
  }
  return 0;
}

/* An author's biography after the list: academic titles ("Prof. Dr.",
** "PD Dr."), two to four capitalised names (initials and particles
** between them: "Tom W. van der Meer"), then a verb and a post
** (author_note_line), or a comma or the line's end and a biography_tail on
** the rest of the line or on the next line ("Prof. Dr. Hans Roe, geb. 1960,
** Studium ...", "Jane Roe, PhD, is Professor ...", "Ann Roe," then "geb.
** 1985. Wissenschaftliche Mitarbeiterin ..."): biography_tail's 1 or 2. A
** surname-first entry ("Roe, Jane ...") has one name before its comma and
** is none. */
static int biography_line(const char *text, size_t length, line_span line, size_t next) {
  static const char *const titles[] = {"prof.", "dr.",         "pd",   "priv.-doz.", "jun.-prof.",
                                       "apl.",  "univ.-prof.", "mag.", "dipl.",      "dr.-ing."};
  static const char *const particles[] = {"van", "von", "der", "den", "de", "del",
                                          "da",  "di",  "du",  "la",  "le", "y"};
  size_t i = line.start, w;
  int title = 0;
  while (i < line.end && (w = word_end(text, line.end, i)) > i &&
         (word_is(text, i, w, titles, sizeof(titles) / sizeof(*titles)) ||
          (title && starts_lower(text, line.end, i) && text[w - 1] == '.'))) {
    title = 1;
    i = next_word(text, line.end, w);
  }
  if (title && author_note_line(text, (line_span){i, line.end})) return 1;
  int names = 0, comma = 0;
  while (i < line.end && names < 6 && !comma) {
    w = word_end(text, line.end, i);
    if (starts_lower(text, line.end, i)) {
      if (!names || !word_is(text, i, w, particles, sizeof(particles) / sizeof(*particles))) break;
    } else if (!starts_upper(text, line.end, i)) {
      break;
    } else {
      for (size_t k = i; k < w; k++) {
        unsigned char c = (unsigned char)text[k];
        if (is_digit(c) || c == '(' || c == ':' || c == ';' || (c == ',' && k + 1 < w)) return 0;
        /* a period only in an initial: "W." */
        if (c == '.' && !(k + 1 == w && starts_upper(text, line.end, k - 1) &&
                          (k - 1 == i || text[k - 2] == '-')))
          return 0;
      }
      names++;
    }
    comma = text[w - 1] == ',';
    i = next_word(text, line.end, w);
  }
  if (names < 2 || names > 4) return 0;
  if (i < line.end) return comma ? biography_tail(text, line.end, i) : 0;
  line_span after = next_nonblank(text, length, next);
  return after.start < after.end ? biography_tail(text, after.end, after.start) : 0;
}

/* Months' names and their abbreviations (lowercase; "may" and "mai" serve as
** both), English, German, French, Spanish, Italian. */
static const char *const month_names[] = {"jan",
                                          "feb",
                                          "mar",
                                          "apr",
                                          "may",
                                          "jun",
                                          "jul",
                                          "aug",
                                          "sep",
                                          "sept",
                                          "oct",
                                          "nov",
                                          "dec",
                                          "january",
                                          "february",
                                          "march",
                                          "april",
                                          "june",
                                          "july",
                                          "august",
                                          "september",
                                          "october",
                                          "november",
                                          "december",
                                          "januar",
                                          "februar",
                                          "m\xc3\xa4rz",
                                          "mai",
                                          "juni",
                                          "juli",
                                          "oktober",
                                          "dezember",
                                          "janvier",
                                          "f\xc3\xa9vrier",
                                          "mars",
                                          "avril",
                                          "juin",
                                          "juillet",
                                          "ao\xc3\xbbt",
                                          "septembre",
                                          "octobre",
                                          "novembre",
                                          "d\xc3\xa9"
                                          "cembre",
                                          "enero",
                                          "febrero",
                                          "marzo",
                                          "abril",
                                          "mayo",
                                          "junio",
                                          "julio",
                                          "agosto",
                                          "septiembre",
                                          "setiembre",
                                          "octubre",
                                          "noviembre",
                                          "diciembre",
                                          "gennaio",
                                          "febbraio",
                                          "aprile",
                                          "maggio",
                                          "giugno",
                                          "luglio",
                                          "settembre",
                                          "ottobre",
                                          "dicembre"};

/* Whether the word text[start, end) names a month ("March", "Mar.", "März",
** "marzo", "août"). */
static int is_month_word(const char *text, size_t start, size_t end) {
  if (end > start && text[end - 1] == '.') end--;
  if (end - start < 3 || end - start > 11) return 0;
  for (size_t k = 0; k < sizeof(month_names) / sizeof(*month_names); k++)
    if (strlen(month_names[k]) == end - start &&
        has_prefix_nocase(text, end, start, month_names[k]))
      return 1;
  return 0;
}

/* Whether the word text[start, end) is a date in figures: "3.5.2019",
** "03/05/2019" (day or month of one or two digits, then a four-digit year). */
static int is_numeric_date(const char *text, size_t start, size_t end) {
  size_t i = start;
  for (int part = 0; part < 2; part++) {
    size_t digits = i;
    while (i < end && is_digit((unsigned char)text[i])) i++;
    if (i == digits || i - digits > 2 || i >= end || (text[i] != '.' && text[i] != '/')) return 0;
    i++;
  }
  while (end > i && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';')) end--;
  return end - i == 4 && has_year(text, i, end);
}

/* Whether one of the first eight words from `from` on is a month's name or a
** date in figures ("Received 12 March 2007", "Eingegangen am 3.5.2019"); with
** `directly`, only numbers and short lowercase words before it ("on 12 March",
** "ón: 12 de marzo"; not "to Econometrica, March 2021"). */
static int date_follows(const char *text, size_t from, size_t end, int directly) {
  size_t i = from;
  for (int words = 0; words < 8; words++) {
    while (i < end && is_space((unsigned char)text[i])) i++;
    size_t word = i;
    while (i < end && !is_space((unsigned char)text[i])) i++;
    if (word == i) return 0;
    size_t stop = i;
    while (stop > word && (text[stop - 1] == ',' || text[stop - 1] == ';' || text[stop - 1] == ':'))
      stop--;
    if (is_month_word(text, word, stop) || is_numeric_date(text, word, stop)) return 1;
    if (directly && !is_digit((unsigned char)text[word]) &&
        !(stop - word <= 3 && !starts_upper(text, stop, word)))
      return 0;
  }
  return 0;
}

/* Whether the line names an acceptance ("accepted", "accepté", "aceptado",
** "angenommen", "accettato"). */
static int names_acceptance(const char *text, line_span line) {
  static const char *const words[] = {"accepted", "accept\xc3\xa9", "aceptado", "angenommen",
                                      "accettato"};
  for (size_t i = line.start; i < line.end; i++) {
    unsigned char c = (unsigned char)(text[i] | 0x20);
    if (c != 'a') continue;
    for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
      if (has_prefix_nocase(text, line.end, i, words[k])) return 1;
  }
  return 0;
}

/* An article's history printed after the list: "Received 12 March 2007;
** accepted ...", "Fecha de recepción: 12 de marzo de 2021", "Eingegangen am
** 3.5.2019", "Reçu le 4 mai 2020": the phrase, then a date (a month's name or
** a date in figures) within eight words, or an acceptance and a digit on the
** line, after a blank line or a page's end (after_blank); else the date right
** after the phrase. Not "Submitted to Econometrica, 2021." (an entry's last
** line). */
static int article_history_line(const char *text, line_span line, int after_blank) {
  static const char *const phrases[] = {
      "received ",      "manuscript received", "submitted ",
      "recibido",       "fecha de recepci",    "eingegangen",
      "eingereicht",    "re\xc3\xa7u le",      "manuscrit re\xc3\xa7u",
      "article history"};
  unsigned char c = line.start < line.end ? (unsigned char)(text[line.start] | 0x20) : 0;
  if (c != 'r' && c != 'm' && c != 's' && c != 'f' && c != 'e' && c != 'a') return 0;
  for (size_t k = 0; k < sizeof(phrases) / sizeof(*phrases); k++)
    if (has_prefix_nocase(text, line.end, line.start, phrases[k])) {
      int digit = 0;
      for (size_t i = line.start; i < line.end && i - line.start < 80 && !digit; i++)
        digit = is_digit((unsigned char)text[i]);
      size_t after = line.start + strlen(phrases[k]);
      return digit && (date_follows(text, after, line.end, !after_blank) ||
                       (after_blank && names_acceptance(text, line)));
    }
  return 0;
}

/* A run-in heading after which the list does not go on: an abstract or key
** words printed after the list ("Zusammenfassung: Der Beitrag ...",
** "Abstract: ...", "Keywords: ..."), a publisher's notice ("Publisher's
** Note Springer Nature remains neutral ..."), an author's address, e-mail
** or ORCID ("Anschrift: ...", "Korrespondenzadresse: ...", "Corresponding
** author: ...", "E-Mail: ...", "ORCID: ..."). */
static int run_in_closing(const char *text, line_span line) {
  static const char *const heads[] = {"publisher's note",
                                      "publisher\xe2\x80\x99s note",
                                      "zusammenfassung:",
                                      "abstract:",
                                      "summary:",
                                      "r\xc3\xa9sum\xc3\xa9 :",
                                      "r\xc3\xa9sum\xc3\xa9:",
                                      "resumen:",
                                      "riassunto:",
                                      "keywords:",
                                      "key words:",
                                      "schl\xc3\xbcsselw\xc3\xb6rter:",
                                      "schlagw\xc3\xb6rter:",
                                      "mots-cl\xc3\xa9s",
                                      "palabras clave:",
                                      "anschrift",
                                      "korrespondenzadresse",
                                      "corresponding author",
                                      "correspondence:",
                                      "address for correspondence",
                                      "e-mail:",
                                      "email:",
                                      "orcid",
                                      "courriel",
                                      "correo electr\xc3\xb3nico:"};
  unsigned char c = line.start < line.end ? (unsigned char)(text[line.start] | 0x20) : 0;
  if (c != 'p' && c != 'z' && c != 'a' && c != 's' && c != 'r' && c != 'k' && c != 'm' &&
      c != 'c' && c != 'e' && c != 'o')
    return 0;
  for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
    if (has_prefix_nocase(text, line.end, line.start, heads[k])) return 1;
  return 0;
}

/* A line after which the list does not go on, whatever follows: an article's
** history (article_history_line: more surely after a blank line or a page's
** end, after_blank), or an author's note or biography after a blank line or
** an entry's final period (after_break; not "Mediterranean Sea are linked to
** ...", a title wrapped inside an entry; next: the line after, where a
** biography's name line may go on; one that names only an affiliation ends
** the list where it does not go on after it). */
static int ends_list(const char *text, size_t length, line_span line, size_t next, long last_label,
                     int after_break, int after_blank) {
  if (article_history_line(text, line, after_blank)) return 1;
  if (!after_break) return 0;
  if (author_note_line(text, line)) return 1;
  int biography = biography_line(text, length, line, next);
  return biography == 1 || (biography == 2 && !list_goes_on(text, length, next, last_label, 1));
}

/* Whether the line that starts at `line` is blank or past the text's end. */
static int blank_line_at(const char *text, size_t length, size_t line) {
  if (line >= length) return 1;
  line_span span = trimmed_line(text, line, line_end(text, line, length));
  return span.start == span.end;
}

/* The first non-blank line at or after `line`; start == end when none. */
static line_span next_nonblank(const char *text, size_t length, size_t line) {
  for (int seen = 0; line < length && seen < 4; seen++) {
    size_t end = line_end(text, line, length);
    line_span span = trimmed_line(text, line, end);
    if (span.start < span.end) return span;
    line = end + 1;
  }
  return (line_span){length, length};
}

/* The names of the parts of a bibliography in law and the humanities, the
** whole line (folded_line): kinds of sources, as "Table of Cases", "Primary
** Sources", "Rechtsprechung", "Doctrine" and "Legislación" divide a list. */
static int is_subheading_name(const char *text, line_span line) {
  static const char *const names[] = {
      /* English */
      "cases", "table of cases", "list of cases", "case law", "cited cases", "judgments",
      "decisions", "court decisions", "legislation", "table of legislation", "statutes",
      "table of statutes", "legislation and regulations", "treaties", "treaties and conventions",
      "treaties and other instruments", "international instruments", "other instruments",
      "legal instruments", "official documents", "official publications", "government documents",
      "un documents", "parliamentary materials", "reports", "books", "articles",
      "books and articles", "books and chapters", "journal articles", "articles and chapters",
      "monographs", "book chapters", "chapters in books", "edited volumes", "newspapers",
      "newspaper articles", "websites", "online sources", "internet sources", "other sources",
      "archives", "archival material", "manuscripts", "primary sources", "unpublished sources",
      "primary literature", "secondary works", "theses", "dissertations", "data sources",
      "datasets", "software",
      /* German */
      "rechtsprechung", "entscheidungen", "gerichtsentscheidungen", "gesetze",
      "gesetze und verordnungen", "rechtsquellen", "normen", "materialien", "gesetzesmaterialien",
      "amtliche dokumente", "dokumente", "monographien", "aufs\xc3\xa4tze",
      "zeitschriftenaufs\xc3\xa4tze", "sammelb\xc3\xa4nde", "archivalien", "archivquellen",
      "zeitungen", "internetquellen", "online-quellen", "sonstige quellen", "darstellungen",
      /* French */
      "jurisprudence", "doctrine", "l\xc3\xa9gislation", "textes", "textes l\xc3\xa9gislatifs",
      "textes officiels", "ouvrages", "ouvrages g\xc3\xa9n\xc3\xa9raux",
      "ouvrages sp\xc3\xa9"
      "cialis\xc3\xa9s",
      "articles et chapitres", "th\xc3\xa8ses", "rapports", "documents officiels",
      "sources primaires", "sources secondaires", "sitographie", "webographie",
      /* Spanish, Portuguese, Italian */
      "jurisprudencia", "legislaci\xc3\xb3n", "doctrina", "normativa", "libros",
      "art\xc3\xad"
      "culos",
      "documentos", "fuentes primarias", "fuentes secundarias",
      "hemerograf\xc3\xad"
      "a",
      "archivos", "informes", "legisla\xc3\xa7\xc3\xa3o",
      "jurisprud\xc3\xaa"
      "ncia",
      "giurisprudenza", "legislazione", "dottrina"};
  char folded[96];
  size_t start = skip_section_number(text, line.start, line.end);
  size_t n = folded_line(text, start, line.end, folded, sizeof(folded));
  if (!n) return 0;
  for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++)
    if (folded[0] == names[k][0] && strcmp(folded, names[k]) == 0) return 1;
  return 0;
}

/* A sub-heading inside a list ("Sources imprimées", "Gedruckte Quellen",
** "Primary sources"): after a blank line, a short capitalised line of at most
** six words without digits or parentheses that opens no entry, before a line
** that surely opens one; or, before any line, one named as a part of a
** bibliography (is_subheading_name), numbered or not ("I. Cases"); never a
** case's name, nor a line the line right under it goes on. */
static int list_subheading(const char *text, size_t length, line_span line, size_t next) {
  /* (a named one may be numbered: "I. Cases", "B. Rechtsprechung", "2. Books") */
  int named = is_subheading_name(text, line);
  if (line.end - line.start > 60 || !looks_like_heading(text, line) ||
      (!named && opens_entry(text, line)) || is_caption(text, line))
    return 0;
  size_t words = 1;
  for (size_t i = named ? skip_section_number(text, line.start, line.end) : line.start;
       i < line.end; i++) {
    /* (nor "Archives nationales (AN)", a repository's name over its call numbers) */
    if (is_digit((unsigned char)text[i]) || text[i] == '(') return 0;
    words += text[i] == ' ' && text[i + 1] != ' ';
  }
  if (words > 6) return 0;
  /* "Donoghue v Stevenson", a case's name on a line of its own */
  for (size_t i = line.start; i + 3 < line.end; i++)
    if (text[i] == ' ' && text[i + 1] == 'v' &&
        (text[i + 2] == ' ' || (text[i + 2] == '.' && text[i + 3] == ' ')))
      return 0;
  line_span after = next_nonblank(text, length, next);
  if (after.start >= after.end) return 0;
  /* the next line right under it goes on it: "[1932] AC 562 (HL).", "(2019).
     World Development Report", "and Place, 10(2)" */
  if (after.start < line_end(text, next, length) &&
      (starts_lower(text, after.end, after.start) ||
       ((text[after.start] == '(' || text[after.start] == '[') &&
        has_year(text, after.start, after.start + 6 < after.end ? after.start + 6 : after.end))))
    return 0;
  if (named || entry_opening_strength(text, after) == 2 || case_opening(text, after) ||
      ibid_legal_entry_opening(text + after.start, after.end - after.start))
    return 1;
  /* "Legislation", a blank line, "Human Rights Act 1998.": a heading set off by
     blank lines before a line with a year */
  line_span first = trimmed_line(text, next, line_end(text, next, length));
  return next < length && first.start == first.end && has_year(text, after.start, after.end);
}

static int list_goes_on(const char *text, size_t length, size_t position, long last_label,
                        int years);

/* A closing heading (is_closing_heading), a series' name only where the list
** does not go on after it (next: the line after). */
static int closing_line(const char *text, size_t length, line_span line, size_t next,
                        long last_label) {
  int closing = is_closing_heading(text, line);
  return closing == 1 || (closing == 2 && !list_goes_on(text, length, next, last_label, 1));
}

/* ----- lists without a heading ------------------------------------------------- */

/* A line that opens a reference: a sure opening with a year on it or on the
** next line. */
static int reference_start_line(const char *text, size_t length, line_span span, size_t next) {
  if (entry_opening_strength(text, span) != 2) return 0;
  if (has_year(text, span.start, span.end)) return 1;
  size_t end = next;
  while (end < length && text[end] != '\n' && end - next < 400) end++;
  return has_year(text, next, end);
}

/* Finds the longest run of reference-like lines (at least five openings, no
** more than five other lines between two of them, no closing heading inside)
** and collects its lines into *out. */
static void find_headless_list(const char *text, size_t length, line_counts *repeated,
                               line_list *out) {
  size_t best_first = 0, best_last = 0, best_count = 0;
  size_t run_first = 0, run_last = 0, run_count = 0, gap = 0;
  int open_before = 0, blank = 1; /* blank: the line before is blank or ends on a period */
  int empty = 1;                  /* the line before is blank or page furniture */
  for (size_t line = 0; line < length;) {
    size_t end = line_end(text, line, length);
    line_span span = trimmed_line(text, line, end);
    size_t next = end + 1;
    int neutral = span.start == span.end || is_page_furniture(text, span) ||
                  is_repeated_line(repeated, text, span, 0);
    if (neutral) {
      /* blank, or page furniture */
    } else if ((run_count && (closing_line(text, length, span, next, 0) ||
                              ends_list(text, length, span, next, 0, blank, empty))) ||
               gap > 5) {
      /* (with no run going, a closing line changes nothing: gap is 0 then) */
      if (run_count > best_count)
        best_first = run_first, best_last = run_last, best_count = run_count;
      run_count = 0;
      gap = 0;
      if (reference_start_line(text, length, span, next)) {
        run_first = line, run_last = next, run_count = 1;
      }
    } else if (reference_start_line(text, length, span, next)) {
      if (!run_count) run_first = line;
      run_count++;
      run_last = next;
      gap = 0;
    } else if (run_count) {
      gap++;
      /* a wrapped line of the entry: three, or more while the entry is left open */
      if (gap <= 3 || (gap <= 8 && open_before)) run_last = next;
    }
    if (span.start < span.end)
      open_before = run_count && leaves_entry_open(text, span.start, span.end) != 0;
    blank = span.start == span.end || (span.end > span.start && text[span.end - 1] == '.');
    empty = neutral;
    line = next;
  }
  if (run_count > best_count) best_first = run_first, best_last = run_last, best_count = run_count;
  if (best_count < 5) return;
  int blank_before = 0, furniture = 0;
  for (size_t line = best_first; line < best_last && line < length;) {
    size_t end = line_end(text, line, length);
    line_span span = trimmed_line(text, line, end);
    if (span.start == span.end) {
      blank_before = !furniture;
    } else if (!is_page_furniture(text, span) && !is_repeated_line(repeated, text, span, 0)) {
      line_push(out, span, span.start - line, blank_before);
      blank_before = furniture = 0;
    } else { /* the blank lines around a page break separate no entries */
      blank_before = 0;
      furniture = 1;
    }
    line = end + 1;
  }
  /* drop trailing lines that read as prose after the last entry */
  while (out->count > 1) {
    list_line *l = &out->lines[out->count - 1];
    line_span span = {l->start, l->end};
    if ((opens_entry(text, span) && !is_caption(text, span)) || !l->blank_before) break;
    out->count--;
  }
}

/* A bare page number: "17", "- 17 -", "xii". */
static int furniture_is_number(const char *text, line_span line) {
  if (is_roman_page_number(text, line)) return 1;
  for (size_t i = line.start; i < line.end; i++)
    if (!is_digit((unsigned char)text[i]) && text[i] != '-' && text[i] != ' ') return 0;
  return line.end > line.start;
}

/* The running head of the next page, on the line after its page number:
** short, no year, no final period or comma, opening no entry, in capitals
** or title case ("RETURN MIGRATION AND ENTREPRENEURSHIP", "Kwame Mensah");
** one in title case set off by a blank line after it (or the text's end),
** as a head stands in a block of its own, not "Economic History Review"
** going on an entry's title on the next page with the next entry under it
** (next: the line after). */
static int running_head_after_number(const char *text, size_t length, line_span line, size_t next) {
  if (line.end - line.start > 70 || has_year(text, line.start, line.end) ||
      opens_entry(text, line) || !starts_upper(text, line.end, line.start) ||
      is_closing_heading(text, line)) /* "Appendix A" opening a page */
    return 0;
  unsigned char last = (unsigned char)text[line.end - 1];
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return 0;
  size_t words = 0, capitalised = 0;
  for (size_t i = line.start; i < line.end; i++)
    if (i == line.start ||
        (is_space((unsigned char)text[i - 1]) && !is_space((unsigned char)text[i]))) {
      words++;
      capitalised += starts_upper(text, line.end, i) || is_digit((unsigned char)text[i]);
    }
  if (capitalised * 2 < words) return 0;
  int lower = 0;
  for (size_t i = line.start; i < line.end && !lower; i++) lower = starts_lower(text, line.end, i);
  return !lower || blank_line_at(text, length, next);
}

/* A bare number after a line ending in a comma, before a line that surely
** opens an entry, ends that entry ("..., 368," then "1073"): a page number
** of the layout would sit between two parts of one entry. */
static int number_closes_entry(const char *text, size_t length, const list_line *previous,
                               line_span line, size_t next) {
  if (!previous || text[previous->end - 1] != ',') return 0;
  for (size_t i = line.start; i < line.end; i++)
    if (!is_digit((unsigned char)text[i])) return 0;
  while (next < length) {
    size_t end = line_end(text, next, length);
    line_span span = trimmed_line(text, next, end);
    if (span.start < span.end) return entry_opening_strength(text, span) == 2;
    next = end + 1;
  }
  return 1; /* the text's end: "..., Science, 321," then "669" ends the list */
}

/* Whether the list goes on after a heading-like line (at `position`): a year
** on one of the next six non-blank lines (when `years`: not after a caption,
** whose table has years in its rows), the next label of a numbered list
** within the next twenty or a sure entry opening with a year within the next
** eight. Bounded look-ahead, so the scan stays linear. */
static int list_goes_on(const char *text, size_t length, size_t position, long last_label,
                        int years) {
  if (years && year_follows(text, length, position)) return 1;
  int seen = 0;
  for (size_t line = position; line < length && seen < 20 && line - position < 2000;) {
    size_t end = line;
    while (end < length && text[end] != '\n' && end - line < 1000) end++;
    line_span span = trimmed_line(text, line, end);
    size_t next = end;
    while (next < length && text[next] != '\n') next++;
    next++;
    if (span.start < span.end) {
      seen++;
      size_t after;
      long label = entry_label(text, span, &after);
      if (last_label > 0 && label == last_label + 1) return 1;
      if (seen <= 8 && reference_start_line(text, length, span, next)) return 1;
    }
    line = next;
  }
  return 0;
}

/* A numbered section's title as a table of contents prints it ("3 Ergebnisse",
** "2.1 Data"): at most 60 bytes, the number followed by one space, then a
** heading. */
static int toc_line(const char *text, line_span line) {
  if (line.end - line.start > 60) return 0;
  size_t words = skip_section_number(text, line.start, line.end);
  return words > line.start + 1 && !is_space((unsigned char)text[words - 2]) &&
         looks_like_heading(text, line);
}

int ibid_find_bibliography(const char *text, size_t length, ibid_bibliography_entry **entries,
                           size_t *count) {
  entry_list list = {0};
  line_list lines = {0};
  line_counts repeated = {0};
  if (line_counts_build(&repeated, text, length)) {
    line_counts_free(&repeated);
    return -1;
  }
  int inside = 0, blank_before = 0, found = 0, furniture = 0;
  int subheading_before = 0; /* a sub-heading since the last line of the list */
  int blank_seen = 0;        /* a blank line since the last line of the list, page break or not */
  int toc_before = 0; /* the two lines before read as numbered lines of a table of contents */
  int toc_run = 0;    /* how many lines in a row up to here read as such lines */
  int page_number_before = 0; /* the last line of the list read was a bare page number */
  int last_blank = 1;         /* the line before is blank (or there is none) */
  size_t first_indent = 0;
  long last_label = 0; /* the last label of a numbered list, in sequence */
  for (size_t line = 0; line < length;) {
    size_t end = line_end(text, line, length);
    line_span span = trimmed_line(text, line, end);
    size_t next = end + 1;
    if (is_bibliography_heading(text, span) && !(toc_before && !inside)) {
      segment_list(&list, text, lines.lines, lines.count);
      lines.count = 0;
      last_label = 0;
      inside = found = 1;
      blank_before = blank_seen = subheading_before = 0;
    } else if (!inside) {
      /* outside a list: nothing to do */
    } else if (span.start == span.end) {
      blank_before = !furniture;
      blank_seen = 1;
    } else if ((is_page_furniture(text, span) &&
                !number_closes_entry(text, length, lines.count ? &lines.lines[lines.count - 1] : 0,
                                     span, next) &&
                /* "doi:10.1038/s41598-018-24342-" then "x": the end of a broken id */
                !(lines.count && span.end - span.start <= 3 &&
                  text[lines.lines[lines.count - 1].end - 1] == '-')) ||
               is_repeated_line(&repeated, text, span,
                                last_blank && blank_line_at(text, length, next)) ||
               (page_number_before && running_head_after_number(text, length, span, next))) {
      /* skipped: the entry it interrupts goes on after it, and the blank
         lines around a page break separate no entries */
      blank_before = 0;
      page_number_before = furniture_is_number(text, span);
      furniture = 1;
    } else {
      int after_page = furniture; /* page furniture since the last line of the list */
      page_number_before = 0;
      furniture = 0;
      size_t indent = span.start - line;
      const list_line *previous = lines.count ? &lines.lines[lines.count - 1] : 0;
      /* a line indented under its entry, or after a line that leaves the
         entry open, is a wrapped line, never a heading */
      size_t after_label;
      line_span previous_span = {previous ? previous->start : 0, previous ? previous->end : 0};
      int wrapped =
          previous &&
          (indent > first_indent ||
           (entry_label(text, previous_span, &after_label) >= 0 && after_label == previous->end) ||
           (!blank_seen && (leaves_entry_open(text, previous->start, previous->end) ||
                            names_then_year_end(text, previous->start, previous->end))));
      size_t label_end;
      long label = entry_label(text, span, &label_end);
      int after_break = blank_seen || (previous && text[previous->end - 1] == '.');
      if (((closing_line(text, length, span, next, last_label) ||
            ends_list(text, length, span, next, last_label, after_break,
                      blank_seen || after_page) ||
            /* (not an annotated list's "Summary: ..." under each entry) */
            (after_break && run_in_closing(text, span) &&
             !list_goes_on(text, length, next, last_label, 0))) &&
           !(previous && leaves_entry_open(text, previous->start, previous->end) == 2)) ||
          (!wrapped && !(last_label > 0 && label == last_label + 1) &&
           ((looks_like_heading(text, span) && !list_goes_on(text, length, next, last_label, 1)) ||
            (is_caption(text, span) && !list_goes_on(text, length, next, last_label, 0))))) {
        segment_list(&list, text, lines.lines, lines.count);
        lines.count = 0;
        inside = 0;
      } else if ((!lines.count ||
                  /* at a page's top, a sub-heading stands in a block of its own:
                     not "Economic History Review" going on the last entry's
                     title, the next entry right under it */
                  (blank_seen && (!after_page || blank_line_at(text, length, next)))) &&
                 !wrapped &&
                 !(previous && leaves_entry_open(text, previous->start, previous->end) == 2) &&
                 list_subheading(text, length, span, next)) {
        /* left out; the line after it starts an entry */
        subheading_before = 1;
      } else {
        if (!lines.count) first_indent = indent;
        if (label > 0 && (label == last_label + 1 || (last_label == 0 && label <= 3)))
          last_label = label;
        line_push(&lines, span, indent, subheading_before ? 2 : blank_before);
        blank_before = blank_seen = subheading_before = 0;
      }
    }
    /* a table of contents whose page numbers were lost: two numbered sections'
       titles or more ("2 Forschungsstand", "3 Ergebnisse") right above the
       heading, no blank line between; not a running head at a page's top, its
       page number set off by a gap ("24      JOURNAL OF ECONOMIC HISTORY"), nor
       a single section's title ("2 Theoretical Background") */
    toc_run = !inside && span.start < span.end && toc_line(text, span) &&
                      !is_repeated_line(&repeated, text, span, 0)
                  ? toc_run + 1
                  : 0;
    toc_before = toc_run >= 2;
    last_blank = span.start == span.end;
    line = next;
  }
  segment_list(&list, text, lines.lines, lines.count);
  lines.count = 0;
  if (!found) {
    find_headless_list(text, length, &repeated, &lines);
    segment_list(&list, text, lines.lines, lines.count);
  }
  ibid_free(lines.lines);
  line_counts_free(&repeated);
  if (list.failed || lines.failed) {
    ibid_free(list.entries);
    return -1;
  }
  *entries = list.entries;
  *count = list.count;
  return 0;
}

int ibid_repeats_previous_author(const char *text, size_t start, size_t end) {
  line_span span = trimmed_line(text, start, end);
  return span.start < span.end &&
         (repeated_author_mark(text, span) || repeated_author_word(text, span));
}

/* ----- numbered in-text citations ------------------------------------------- */

typedef struct link_list {
  ibid_reference_link *links;
  size_t count, capacity;
  int failed;
} link_list;

static void link_push(link_list *list, long label, ibid_link_style style, size_t start,
                      size_t length, const ibid_bibliography_entry *entry) {
  if (list->failed) return;
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 32;
    ibid_reference_link *grown = ibid_realloc(list->links, capacity * sizeof(*grown));
    if (!grown) {
      list->failed = 1;
      return;
    }
    list->links = grown;
    list->capacity = capacity;
  }
  ibid_reference_link *l = &list->links[list->count++];
  l->label = label;
  l->style = style;
  l->start = start;
  l->length = length;
  l->entry_start = entry->start;
  l->entry_length = entry->length;
}

#define IBID_MAX_LABEL 4000

/* The bracket group at text[i] == '[': "[12]", "[7, 8]", "[2-4; 9]" (ranges
** of at most 50). Emits a link per number that labels an entry. Returns the
** offset past the group, or i + 1 when it is none. */
static size_t link_group(const char *text, size_t end, size_t i, const long *entry_of,
                         long max_label, const ibid_bibliography_entry *entries, link_list *out) {
  size_t j = i + 1, limit = i + 60 < end ? i + 60 : end;
  long numbers[32], ranges[32];
  size_t count = 0;
  int range_next = 0, digits_seen = 0;
  while (j < limit && text[j] != ']') {
    unsigned char c = (unsigned char)text[j];
    if (is_digit(c)) {
      long n = 0;
      size_t k = j;
      while (k < limit && is_digit((unsigned char)text[k]) && k - j < 5)
        n = n * 10 + (text[k++] - '0');
      if (count == 32) return i + 1;
      numbers[count] = n;
      ranges[count] = range_next;
      count++;
      range_next = 0;
      digits_seen = 1;
      j = k;
    } else if (c == ',' || c == ';' || c == ' ') {
      j++;
    } else if (c == '-') {
      range_next = 1;
      j++;
    } else if (c == 0xE2 && j + 2 < limit && (unsigned char)text[j + 1] == 0x80 &&
               ((unsigned char)text[j + 2] == 0x93 || (unsigned char)text[j + 2] == 0x94)) {
      range_next = 1;
      j += 3;
    } else {
      return i + 1;
    }
  }
  if (j >= limit || !digits_seen) return i + 1;
  size_t group_end = j + 1;
  for (size_t k = 0; k < count; k++) {
    long from = numbers[k], to = numbers[k];
    if (k + 1 < count && ranges[k + 1]) {
      to = numbers[k + 1];
      k++;
      if (to < from || to - from > 50) continue;
    }
    for (long n = from; n <= to; n++)
      if (n >= 1 && n <= max_label && entry_of[n] >= 0)
        link_push(out, n, IBID_LINK_BRACKET, i, group_end - i, &entries[entry_of[n]]);
  }
  return group_end;
}

/* One number of a superscript group at text[*j]: Unicode superscript digits
** when unicode, else one to three ASCII digits. Returns the number, or -1
** (then *j is unchanged). */
static long superscript_number(const char *text, size_t end, size_t *j, int unicode) {
  size_t k = *j, digits = 0;
  long n = 0;
  while (k < end && digits < 5) {
    int digit;
    size_t size = 1;
    if (unicode) {
      uint32_t c;
      size = ibid_utf8_decode(text, end, k, &c);
      digit = ibid_superscript_digit(c);
    } else {
      digit = is_digit((unsigned char)text[k]) ? text[k] - '0' : -1;
    }
    if (digit < 0) break;
    n = n * 10 + digit;
    k += size;
    digits++;
  }
  if (!digits || (!unicode && (digits > 3 || (k < end && is_digit((unsigned char)text[k])))))
    return -1;
  *j = k;
  return n;
}

/* The separator of a superscript group at text[k] ("," "-" "–" "⁻"): its
** size, and *range set for a dash; 0 when none. */
static size_t superscript_separator(const char *text, size_t end, size_t k, int *range) {
  if (k >= end) return 0;
  uint32_t c;
  size_t size = ibid_utf8_decode(text, end, k, &c);
  *range = c == '-' || c == 0x2013 || c == 0x207B;
  return c == ',' || *range ? size : 0;
}

/* Whether the ASCII word ending at offset mixes case after its first letter
** the way a formula does ("LiPF6", "NaCl2"): an upper-case letter after a
** lower-case one. */
static int formula_before(const char *text, size_t offset) {
  int upper_seen = 0; /* reading backwards */
  for (size_t k = offset; k > 0 && offset - k < 12; k--) {
    char c = text[k - 1];
    if (c >= 'A' && c <= 'Z')
      upper_seen = 1;
    else if (c >= 'a' && c <= 'z') {
      if (upper_seen) return 1;
    } else
      break;
  }
  return 0;
}

/* The superscript group at text[i] ("¹²", "¹,³", "¹⁻³", or ASCII digits
** glued on: "before.12", "modelled1,3", "fitted.2-4"). Emits a link per
** number when every number names an entry no note claims (taken) and ranges
** rise by at most 50. Returns the offset past the group, or i when it is
** none. */
static size_t superscript_group(const char *text, size_t length, size_t end, size_t i,
                                const long *entry_of, long max_label, const unsigned char *taken,
                                const ibid_bibliography_entry *entries, link_list *out) {
  int unicode = !is_digit((unsigned char)text[i]);
  if (!unicode && i > 0 && is_digit((unsigned char)text[i - 1])) return i;
  long numbers[32];
  int ranges[32];
  size_t count = 0, j = i;
  int range = 0;
  for (;;) {
    long n = superscript_number(text, end, &j, unicode);
    if (n < 0) {
      if (!count) return i;
      break;
    }
    if (count == 32) return i;
    numbers[count] = n;
    ranges[count++] = range;
    size_t size = superscript_separator(text, end, j, &range);
    size_t probe = j + size;
    if (!size || superscript_number(text, end, &probe, unicode) < 0) break;
    j += size;
  }
  size_t group_end = j;
  if (unicode) {
    /* "m²", "km³" are units */
    size_t letters = 0, position = i;
    while (position > 0 && letters < 3) {
      uint32_t c;
      size_t size = ibid_utf8_decode_before(text, position, &c);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
      position -= size;
      letters++;
    }
    if (count == 1 && (numbers[0] == 2 || numbers[0] == 3) && letters >= 1 && letters <= 2)
      return group_end;
  } else if (!ibid_glued_marker(text, length, i, group_end) || formula_before(text, i)) {
    return group_end;
  }
  for (size_t k = 0; k < count; k++) {
    long from = k + 1 < count && ranges[k + 1] ? numbers[k] : numbers[k];
    long to = k + 1 < count && ranges[k + 1] ? numbers[k + 1] : numbers[k];
    if (to < from || to - from > 50) return group_end;
    for (long n = from; n <= to; n++)
      if (n < 1 || n > max_label || entry_of[n] < 0 || taken[n]) return group_end;
  }
  for (size_t k = 0; k < count; k++) {
    long from = numbers[k], to = numbers[k];
    if (k + 1 < count && ranges[k + 1]) to = numbers[++k];
    for (long n = from; n <= to; n++)
      link_push(out, n, IBID_LINK_SUPERSCRIPT, i, group_end - i, &entries[entry_of[n]]);
  }
  return group_end;
}

/* Whether the last non-blank line before offset is a bibliography heading. */
static int headed_list(const char *text, size_t offset) {
  size_t end = offset;
  while (end > 0 && is_space((unsigned char)text[end - 1])) end--;
  size_t start = end;
  while (start > 0 && text[start - 1] != '\n') start--;
  return end > start && end - start <= 80 && ibid_is_bibliography_heading(text, start, end);
}

/* Marks the numbers of the notes of text (ibid_find_notes, unless given)
** that lie outside [list_start, list_end) -- a numbered list read as
** endnotes is no note. */
static int mark_notes(const char *text, size_t length, const ibid_note *given, size_t given_count,
                      int notes_given, size_t list_start, size_t list_end, unsigned char *taken) {
  ibid_note *found = 0;
  size_t note_count = given_count;
  if (!notes_given && ibid_find_notes(text, length, &found, &note_count)) return -1;
  const ibid_note *notes = notes_given ? given : found;
  for (size_t k = 0; k < note_count; k++) {
    if (notes[k].label_start >= list_start && notes[k].label_start < list_end) continue;
    if (notes[k].n >= 1 && notes[k].n <= IBID_MAX_LABEL) taken[notes[k].n] = 1;
  }
  ibid_free(found);
  return 0;
}

int ibid_find_reference_links(const char *text, size_t length, ibid_reference_link **links,
                              size_t *count) {
  *links = 0;
  *count = 0;
  ibid_bibliography_entry *entries = 0;
  size_t entry_count = 0;
  if (ibid_find_bibliography(text, length, &entries, &entry_count)) return -1;
  int rc =
      ibid_find_reference_links_in(text, length, entries, entry_count, NULL, 0, 0, links, count);
  ibid_free(entries);
  return rc;
}

int ibid_find_reference_links_in(const char *text, size_t length,
                                 const ibid_bibliography_entry *entries, size_t entry_count,
                                 const ibid_note *notes, size_t note_count, int notes_given,
                                 ibid_reference_link **links, size_t *count) {
  *links = 0;
  *count = 0;
  long *entry_of = ibid_malloc((IBID_MAX_LABEL + 1) * sizeof(long));
  if (!entry_of) return -1;
  for (long n = 0; n <= IBID_MAX_LABEL; n++) entry_of[n] = -1;
  long last = 0, max_label = 0;
  size_t sequential = 0, list_start = length, list_end = 0;
  for (size_t k = 0; k < entry_count; k++) {
    size_t line_end = entries[k].start;
    while (line_end < entries[k].start + entries[k].length && text[line_end] != '\n') line_end++;
    line_span span = {entries[k].start, line_end};
    size_t after;
    long label = entry_label(text, span, &after);
    if (label < 1 || label > IBID_MAX_LABEL) continue;
    if (label == last + 1) sequential++;
    last = label;
    if (entry_of[label] < 0) entry_of[label] = (long)k;
    if (label > max_label) max_label = label;
    if (entries[k].start < list_start) list_start = entries[k].start;
    if (entries[k].start + entries[k].length > list_end)
      list_end = entries[k].start + entries[k].length;
  }
  link_list out = {0};
  unsigned char *taken = 0;
  if (sequential >= 3 && headed_list(text, list_start)) {
    taken = ibid_malloc(IBID_MAX_LABEL + 1);
    if (!taken ||
        (memset(taken, 0, IBID_MAX_LABEL + 1),
         mark_notes(text, length, notes, note_count, notes_given, list_start, list_end, taken))) {
      ibid_free(taken);
      ibid_free(entry_of);
      return -1;
    }
  }
  if (sequential >= 3) {
    for (size_t i = 0; i < list_start;) {
      unsigned char c = (unsigned char)text[i];
      size_t next = i;
      if (c == '[')
        next = link_group(text, list_start, i, entry_of, max_label, entries, &out);
      else if (taken && (is_digit(c) || c == 0xC2 || c == 0xE2))
        next = superscript_group(text, length, list_start, i, entry_of, max_label, taken, entries,
                                 &out);
      i = next > i ? next : i + 1;
    }
  }
  ibid_free(taken);
  ibid_free(entry_of);
  if (out.failed) {
    ibid_free(out.links);
    return -1;
  }
  *links = out.links;
  *count = out.count;
  return 0;
}
