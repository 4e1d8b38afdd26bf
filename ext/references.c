/*
** references.c -- citations inside notes, and bibliography entries (see
** references.h).
**
** HOW IT WORKS
** A note body is cut into segments at semicolons and at sentence starts that
** open a new citation ("Also see", "See also", "Cf."), never inside
** parentheses, brackets or quotation marks ("(Cambridge: Polity Press; 1984)"
** stays whole). A segment is cut again at ", and " when what follows opens
** a citation ("Ibid., p. 313, and Acharya, Amitav, ..."). Each segment loses
** its lead-in ("For the general theory, see ") and is kept when it reads as a
** citation: it opens with an Ibid.-like word, with a name followed by a comma,
** or with a quoted title, or it holds a year, a page locator, a URL or a
** document symbol without reading as a sentence of prose.
*/
#include "references.h"

#include <string.h>

#include "memory.h"
#include "utf8.h"

/* ----- small character tests ------------------------------------------------ */

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_upper_ascii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Uppercase letter, ASCII or a Latin-1/Latin Extended capital. */
static int starts_upper(const char *text, size_t end, size_t i) {
  unsigned char c = (unsigned char)text[i];
  if (c < 0x80) return is_upper_ascii(c);
  uint32_t codepoint;
  ibid_utf8_decode(text, end, i, &codepoint);
  return (codepoint >= 0xC0 && codepoint <= 0xDE && codepoint != 0xD7) ||
         (codepoint >= 0x100 && codepoint <= 0x17F && (codepoint % 2) == 0);
}

static int has_prefix_nocase(const char *text, size_t end, size_t i, const char *word) {
  size_t n = strlen(word);
  if (end - i < n) return 0;
  for (size_t k = 0; k < n; k++) {
    unsigned char a = (unsigned char)text[i + k], b = (unsigned char)word[k];
    if (is_upper_ascii(a)) a = (unsigned char)(a - 'A' + 'a');
    if (a != b) return 0;
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
          (is_lower_ascii((unsigned char)text[i + 3]) || is_upper_ascii((unsigned char)text[i + 3])))
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

static const char *const ibid_words[] = {"ibid", "ibidem", "id.", "idem"};
static const char *const supra_words[] = {"op. cit", "op cit", "supra", "above n", "loc. cit"};
static const char *const lead_ins[] = {"see also ", "also see ", "see, e.g., ", "see e.g. ",
                                       "see, for example, ", "see ", "cf. ", "compare ",
                                       "quoted in ", "cited in "};

static ibid_citation_form back_reference_form(const char *text, size_t start, size_t end) {
  for (size_t k = 0; k < sizeof(ibid_words) / sizeof(*ibid_words); k++) {
    size_t n = strlen(ibid_words[k]);
    if (has_prefix_nocase(text, end, start, ibid_words[k]) &&
        (start + n >= end || !is_lower_ascii((unsigned char)text[start + n])))
      return IBID_CITATION_IBID;
  }
  for (size_t i = start; i < end && i < start + 200; i++)
    for (size_t k = 0; k < sizeof(supra_words) / sizeof(*supra_words); k++)
      if ((i == start || is_space((unsigned char)text[i - 1])) &&
          has_prefix_nocase(text, end, i, supra_words[k]))
        return IBID_CITATION_SUPRA;
  return IBID_CITATION_FULL;
}

/* "Surname," or "Surname and Surname," or "Surname Surname," at start: a name
** list opens the citation. Returns the offset just after the comma, or 0. */
static const char *const name_particles[] = {"du ", "de ", "da ", "di ", "van ", "von ",
                                             "der ", "den ", "del ", "della ", "le ", "la ",
                                             "ter ", "al-", "el-", "bin ", "ibn "};

static size_t name_then_comma(const char *text, size_t start, size_t end) {
  size_t i = start;
  int words = 0;
  while (i < end && words < 5) {
    for (size_t k = 0; k < sizeof(name_particles) / sizeof(*name_particles); k++)
      if (is_lower_ascii((unsigned char)text[i]) && has_prefix_nocase(text, end, i, name_particles[k])) {
        i += strlen(name_particles[k]);
        break;
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
  static const char *const function_words[] = {
      "the ",  "that ", "had ", "has ",   "have ", "was ", "were ", "is ",  "are ",
      "which ", "who ", "not ", "but ",   "it ",   "they ", "this ", "would ", "been "};
  int words = 0, hits = 0;
  for (size_t i = start; i < end; i++) {
    if (i != start && !is_space((unsigned char)text[i - 1])) continue;
    if (is_space((unsigned char)text[i])) continue;
    words++;
    for (size_t k = 0; k < sizeof(function_words) / sizeof(*function_words); k++)
      if (has_prefix_nocase(text, end, i, function_words[k]) && is_lower_ascii((unsigned char)text[i])) {
        hits++;
        break;
      }
  }
  return words >= 6 && hits * 8 >= words;
}

static int has_year(const char *text, size_t start, size_t end) {
  for (size_t i = start; i + 4 <= end; i++) {
    if (i > start && is_digit((unsigned char)text[i - 1])) continue;
    if (!(text[i] == '1' || text[i] == '2') || !is_digit((unsigned char)text[i + 1]) ||
        !is_digit((unsigned char)text[i + 2]) || !is_digit((unsigned char)text[i + 3]))
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
        has_prefix_nocase(text, end, i, "www.") || has_prefix_nocase(text, end, i, "available at") ||
        has_prefix_nocase(text, end, i, " v. ") || has_prefix_nocase(text, end, i, "doc."))
      return 1;
    if ((has_prefix_nocase(text, end, i, "p. ") || has_prefix_nocase(text, end, i, "vol. ") ||
         has_prefix_nocase(text, end, i, "no. ")) &&
        i + 4 < end && (is_digit((unsigned char)text[i + 3]) || is_digit((unsigned char)text[i + 4]) ||
                        is_digit((unsigned char)text[i + 5 < end ? i + 5 : i])))
      return 1;
    if (text[i] == '(' && i + 5 < end && text[i + 5] == ')' && has_year(text, i + 1, i + 5)) return 1;
  }
  return 0;
}

/* Short form "Surname, 15." or "Surname, ‘Short title’, p. 3." */
static int is_short_form(const char *text, size_t start, size_t end) {
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
  /* "Amnesty International, Malabo Protocol." : a name and a few title words */
  if (end - after >= 60 || has_year(text, after, end) || has_citation_marks(text, after, end) ||
      text[end - 1] != '.')
    return 0;
  for (size_t i = after; i < end; i++) /* "A, B, C, and D." is a list, not a short form */
    if (text[i] == ',') return 0;
  return 1;
}

static int is_citation(const char *text, size_t start, size_t end) {
  if (end <= start) return 0;
  if (back_reference_form(text, start, end) != IBID_CITATION_FULL) return 1;
  if (reads_as_prose(text, start, end)) {
    /* prose that opens with a citation ("Name, 'Title', Journal (2001) have argued")
       still counts when it holds the marks of one */
    return name_then_comma(text, start, end) && has_citation_marks(text, start, end);
  }
  size_t width;
  if (name_then_comma(text, start, end) || (opener_at(text, end, start, &width) && width == 3))
    return has_year(text, start, end) || has_citation_marks(text, start, end) ||
           is_short_form(text, start, end);
  return has_year(text, start, end) && has_citation_marks(text, start, end);
}

/* ----- segmentation --------------------------------------------------------- */

static void trim(const char *text, size_t *start, size_t *end) {
  while (*start < *end && (is_space((unsigned char)text[*start]) || text[*start] == ';' ||
                           text[*start] == ','))
    (*start)++;
  while (*end > *start && (is_space((unsigned char)text[*end - 1]) || text[*end - 1] == ';' ||
                           text[*end - 1] == ','))
    (*end)--;
}

/* Drops a lead-in: "See ", "Also see ", or a clause ending in ", see " near the start. */
static size_t skip_lead_in(const char *text, size_t start, size_t end) {
  for (size_t k = 0; k < sizeof(lead_ins) / sizeof(*lead_ins); k++)
    if (has_prefix_nocase(text, end, start, lead_ins[k])) return start + strlen(lead_ins[k]);
  size_t limit = start + 80 < end ? start + 80 : end;
  for (size_t i = start; i + 6 <= limit; i++)
    if (has_prefix_nocase(text, end, i, ", see ")) return i + 6;
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

/* ", and Name, ..." where Name opens a citation. */
static int and_before_citation(const char *text, size_t end, size_t i) {
  if (!has_prefix_nocase(text, end, i, ", and ")) return 0;
  size_t j = i + 6;
  return name_then_comma(text, j, end) != 0 && has_year(text, j, end < j + 400 ? end : j + 400);
}

/* End of the first sentence of text[start, end): a period, then space and a capital. */
static size_t first_sentence_end(const char *text, size_t start, size_t end) {
  for (size_t i = start + 1; i + 2 < end; i++)
    if (text[i] == '.' && text[i + 1] == ' ' && starts_upper(text, end, i + 2) &&
        !(i >= 2 && is_space((unsigned char)text[i - 2])) /* not an initial "J." */)
      return i + 1;
  return end;
}

static void emit_segment(item_list *list, const char *text, size_t start, size_t end) {
  trim(text, &start, &end);
  start = skip_lead_in(text, start, end);
  trim(text, &start, &end);
  if (!is_citation(text, start, end)) {
    /* A citation followed by commentary: keep the first sentence if it is one. */
    size_t sentence = first_sentence_end(text, start, end);
    if (sentence >= end || reads_as_prose(text, start, sentence) || !has_year(text, start, sentence) ||
        !has_citation_marks(text, start, sentence))
      return;
    end = sentence;
  }
  ibid_citation_form form = back_reference_form(text, start, end);
  if (form == IBID_CITATION_FULL && is_short_form(text, start, end)) form = IBID_CITATION_SHORT;
  item_push(list, start, end - start, form);
}

int ibid_split_citations(const char *text, size_t start, size_t length,
                         ibid_citation_item **items, size_t *count) {
  item_list list = {0};
  size_t end = start + length;
  size_t segment = start;
  int depth = 0;
  for (size_t i = start; i < end;) {
    size_t width;
    if (opener_at(text, end, i, &width)) {
      depth++;
      i += width;
      continue;
    }
    if (depth > 0 && closer_at(text, end, i, &width)) {
      depth--;
      i += width;
      continue;
    }
    if (depth == 0 && (text[i] == ';' || new_citation_sentence(text, end, i) ||
                       and_before_citation(text, end, i))) {
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

/* ----- bibliography sections ----------------------------------------------- */

static const char *const bibliography_headings[] = {
    "references", "bibliography", "works cited", "literature", "literature cited",
    "sources", "reference list", "select bibliography", "further reading"};

/* A line that is only a bibliography heading (optionally numbered). */
static int is_bibliography_heading(const char *text, size_t start, size_t end) {
  while (start < end && (is_space((unsigned char)text[start]) || is_digit((unsigned char)text[start]) ||
                         text[start] == '.'))
    start++;
  while (end > start && (is_space((unsigned char)text[end - 1]) || text[end - 1] == ':')) end--;
  for (size_t k = 0; k < sizeof(bibliography_headings) / sizeof(*bibliography_headings); k++)
    if (end - start == strlen(bibliography_headings[k]) &&
        has_prefix_nocase(text, end, start, bibliography_headings[k]))
      return 1;
  return 0;
}

/* A short line without final punctuation that is not an entry: the next heading. */
static int is_other_heading(const char *text, size_t start, size_t end) {
  while (end > start && is_space((unsigned char)text[end - 1])) end--;
  while (start < end && is_space((unsigned char)text[start])) start++;
  if (end - start == 0 || end - start > 60) return 0;
  unsigned char last = (unsigned char)text[end - 1];
  return last != '.' && !has_year(text, start, end) && starts_upper(text, end, start);
}

int ibid_find_bibliography(const char *text, size_t length, ibid_bibliography_entry **entries,
                           size_t *count) {
  ibid_bibliography_entry *list = 0;
  size_t used = 0, capacity = 0;
  int inside = 0;
  size_t entry_start = 0, entry_end = 0;
  int entry_open = 0;
  for (size_t line = 0; line < length;) {
    size_t end = line;
    while (end < length && text[end] != '\n') end++;
    size_t first = line;
    while (first < end && is_space((unsigned char)text[first])) first++;
    int blank = first == end;
    int close_entry = blank || (inside && (is_bibliography_heading(text, line, end) ||
                                           is_other_heading(text, line, end)));
    /* A new entry also starts on a line that opens with a name and a comma
       or with a bracketed number, when entries are one per line. */
    if (inside && !blank && entry_open && (name_then_comma(text, first, end) || text[first] == '['))
      close_entry = 1;
    if (close_entry && entry_open) {
      if (used == capacity) {
        capacity = capacity ? capacity * 2 : 16;
        ibid_bibliography_entry *grown = ibid_realloc(list, capacity * sizeof(*list));
        if (!grown) {
          ibid_free(list);
          return -1;
        }
        list = grown;
      }
      list[used].start = entry_start;
      list[used].length = entry_end - entry_start;
      used++;
      entry_open = 0;
    }
    if (is_bibliography_heading(text, line, end)) {
      inside = 1;
    } else if (inside && !blank && is_other_heading(text, line, end)) {
      inside = 0;
    } else if (inside && !blank) {
      if (!entry_open) {
        entry_open = 1;
        entry_start = first;
      }
      entry_end = end;
      while (entry_end > entry_start && is_space((unsigned char)text[entry_end - 1])) entry_end--;
    }
    line = end + 1;
  }
  if (entry_open) {
    ibid_bibliography_entry *grown = ibid_realloc(list, (used + 1) * sizeof(*list));
    if (!grown) {
      ibid_free(list);
      return -1;
    }
    list = grown;
    list[used].start = entry_start;
    list[used].length = entry_end - entry_start;
    used++;
  }
  *entries = list;
  *count = used;
  return 0;
}
