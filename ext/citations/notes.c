/*
** notes.c -- footnotes and endnotes (see notes.h).
**
** HOW IT WORKS
** 1. Every line that starts with a label -- "12 ", "12. ", "[12] ", "¹² " --
**    and has a body is a candidate. Lines whose body starts like a date
**    ("12 March 2010, ...") or a number are not.
** 2. Candidates are chained: each links to the latest earlier candidate of
**    the same label style numbered n-1 (or n-2, n-3: a note the extraction
**    lost), and gets that one's score + 1. Numbers in wrapped prose, years
**    and page numbers rarely form such runs; notes always do.
** 3. Chains are taken longest first. A chain is kept when enough of its
**    bodies look like notes (citations or sentences), so that tables of
**    contents and short numbered lists ("1 Introduction") are dropped.
** 4. A note's body is its line, plus the following lines of the same
**    paragraph when the notes of its sequence are wrapped over several lines
**    (PDF text); one-line-per-note lists keep one line per note.
** Everything is one pass over the lines plus work per candidate, so time is
** linear in the text.
*/
#include "notes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "memory.h"
#include "scan.h"
#include "shortform.h"
#include "utf8.h"

enum label_style { STYLE_PLAIN, STYLE_DOTTED, STYLE_BRACKET, STYLE_SUPERSCRIPT, STYLE_COUNT };

/* Note numbers above this are quantities, not notes (books number their
** endnotes into the thousands). A chain must start at or below
** LARGEST_FIRST_NUMBER: a run of years ("1990 ...", "1991 ...") starts above
** it, while notes 998, 999, 1000 ... continue a chain that began low. */
#define LARGEST_NOTE_NUMBER 9999L
#define LARGEST_FIRST_NUMBER 999L
/* How many missing numbers a chain may skip (notes lost by extraction). */
#define LARGEST_GAP 3
/* Continuation lines one note may take. */
#define MOST_CONTINUATION_LINES 40

typedef struct candidate {
  long n;
  int style;
  size_t line_start, label_start, label_length, body_start, line_end;
  long predecessor; /* index of the previous candidate in its chain, -1 */
  long score;       /* length of the chain ending here */
  int note_like;    /* 0, or the body looks like a sentence (1) or a citation (2) */
  int used;         /* already part of an extracted chain */
} candidate;

typedef struct candidate_list {
  candidate *items;
  size_t count, capacity;
} candidate_list;

int ibid_superscript_digit(unsigned long codepoint) {
  if (codepoint == 0x2070) return 0;
  if (codepoint == 0xB9) return 1;
  if (codepoint == 0xB2) return 2;
  if (codepoint == 0xB3) return 3;
  if (codepoint >= 0x2074 && codepoint <= 0x2079) return (int)(codepoint - 0x2070);
  return -1;
}

const char *ibid_note_kind_name(ibid_note_kind kind) {
  return kind == IBID_NOTE_ENDNOTE ? "endnote" : "footnote";
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}
static int is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Skips spaces, tabs and no-break spaces (U+00A0). */
static size_t skip_spaces(const char *text, size_t position, size_t end) {
  while (position < end) {
    if (is_space(text[position])) {
      position++;
    } else if (position + 1 < end && (unsigned char)text[position] == 0xC2 &&
               (unsigned char)text[position + 1] == 0xA0) {
      position += 2;
    } else {
      break;
    }
  }
  return position;
}

/* Reads 1-4 ASCII digits without a leading zero; returns how many, 0 if none. */
static size_t read_number(const char *text, size_t position, size_t end, long *value) {
  size_t i = position;
  long number = 0;
  while (i < end && is_digit(text[i]) && i - position < 5) number = number * 10 + (text[i++] - '0');
  size_t digits = i - position;
  if (digits == 0 || digits > 4 || text[position] == '0') return 0;
  if (i < end && is_digit(text[i])) return 0;
  *value = number;
  return digits;
}

/* Case-insensitive test that text[position..end) starts with word (ASCII). */
static int starts_with_word(const char *text, size_t position, size_t end, const char *word) {
  /* no strlen: most words differ at the first byte */
  size_t available = end - position;
  for (size_t i = 0; word[i]; i++)
    if (i >= available || lower(text[position + i]) != word[i]) return 0;
  return 1;
}

/* A body that starts with a month name or a unit continues a date or a
** quantity ("12 March 2010", "12 per cent"), not a note. */
static int starts_like_date_or_quantity(const char *text, size_t position, size_t end) {
  static const char *const words[] = {
      "january", "february",  "march",   "april",    "may",      "june", "july",
      "august",  "september", "october", "november", "december", "jan ", "feb ",
      "mar ",    "apr ",      "jun ",    "jul ",     "aug ",     "sep ", "sept ",
      "oct ",    "nov ",      "dec ",    "per cent", "percent",  "%"};
  /* the first byte turns most bodies away */
  char first = position < end ? lower(text[position]) : 0;
  if (!first || !strchr("jfmasondp%", first)) return 0;
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    if (!starts_with_word(text, position, end, words[i])) continue;
    size_t after = position + strlen(words[i]);
    /* "March" must be the whole word: "Marchetti, ..." is an author. */
    if (after < end && is_ascii_letter(text[after])) continue;
    return 1;
  }
  return 0;
}

/* Does the body at position start with a letter, a quotation mark, '(',
** '[' or '*' (or a digit when `digits` is set)? */
static int starts_like_note_body(const char *text, size_t position, size_t end, int digits) {
  uint32_t c;
  ibid_utf8_decode(text, end, position, &c);
  if (c < 0x80)
    return is_ascii_letter((char)c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == '*' ||
           (digits && is_digit((char)c));
  return u_isalpha((UChar32)c) || c == 0x2018 || c == 0x201C || c == 0xAB || c == 0x201E;
}

/* Note bodies that start in lower case: "ibid.", "see", "cf.", "vgl.", and name
** particles ("de Vries", "van der Merwe"). Other lower-case starts are
** wrapped prose or table cells ("18 states", "1 in 20 cases"). */
static int starts_with_lowercase_note_word(const char *text, size_t position, size_t end) {
  static const char *const words[] = {
      "ibid", "id.", "id,", "see", "cf", "e.g", "i.e", "supra", "op. cit", "du ", "de ", "van ",
      "von ", "der ", "da ", "di ", "le ", "la ", "al-", "el-", "d'", "d’", "ten ", "ter ",
      /* German, French, Spanish, Italian signals and Ibid.: "vgl.", "ebd." */
      "vgl.", "ebd", "ebenda", "siehe ", "s. ", "voir ", "vid.", "cfr.", "véase ", "ibíd"};
  /* the first byte turns most bodies away */
  char first = position < end ? lower(text[position]) : 0;
  if (!first || !strchr("iscedovlat", first)) return 0;
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    if (starts_with_word(text, position, end, words[i])) return 1;
  return 0;
}

/* Reads the label at the start of a line; fills the candidate on success. */
static int read_label(const char *text, size_t line_start, size_t line_end, candidate *out) {
  size_t position = skip_spaces(text, line_start, line_end);
  size_t label_start = position, label_end, digits;
  long number = 0;
  int style;
  if (position >= line_end) return 0;
  if (text[position] == '[') {
    digits = read_number(text, position + 1, line_end, &number);
    if (!digits || position + 1 + digits >= line_end || text[position + 1 + digits] != ']')
      return 0;
    label_end = position + digits + 2;
    style = STYLE_BRACKET;
  } else if (is_digit(text[position])) {
    digits = read_number(text, position, line_end, &number);
    if (!digits) return 0;
    label_end = position + digits;
    style = STYLE_PLAIN;
    if (label_end < line_end && (text[label_end] == '.' || text[label_end] == ')')) {
      label_end++;
      style = STYLE_DOTTED;
    }
    /* A plain label is followed by a space: "12Smith" is too ambiguous. */
    if (label_end >= line_end || !is_space(text[label_end])) {
      if (!(label_end + 1 < line_end && (unsigned char)text[label_end] == 0xC2 &&
            (unsigned char)text[label_end + 1] == 0xA0))
        return 0;
    }
  } else {
    label_end = position;
    number = 0;
    while (label_end < line_end && number <= LARGEST_NOTE_NUMBER) {
      uint32_t codepoint;
      size_t size = ibid_utf8_decode(text, line_end, label_end, &codepoint);
      int digit = ibid_superscript_digit(codepoint);
      if (digit < 0) break;
      number = number * 10 + digit;
      label_end += size;
    }
    if (label_end == position || number == 0) return 0;
    style = STYLE_SUPERSCRIPT;
  }
  if (number < 1 || number > LARGEST_NOTE_NUMBER) return 0;
  size_t body_start = skip_spaces(text, label_end, line_end);
  if (body_start >= line_end) return 0;
  /* A body starts with a letter, a quotation mark or a bracket: "[12].
  ** However" is a citation in wrapped prose, "[4]…....19" a contents line. */
  char first = text[body_start];
  if (!starts_like_note_body(text, body_start, line_end, style == STYLE_BRACKET)) return 0;
  if (style != STYLE_BRACKET && style != STYLE_SUPERSCRIPT) {
    if (starts_like_date_or_quantity(text, body_start, line_end)) return 0;
    if (first >= 'a' && first <= 'z' &&
        !starts_with_lowercase_note_word(text, body_start, line_end))
      return 0;
  }
  out->n = number;
  out->style = style;
  out->line_start = line_start;
  out->label_start = label_start;
  out->label_length = label_end - label_start;
  out->body_start = body_start;
  out->line_end = line_end;
  out->predecessor = -1;
  out->score = 1;
  out->used = 0;
  return 1;
}

/* Is text[start..end) a table row: cells separated by wide gaps? */
static int looks_like_table_row(const char *text, size_t start, size_t end) {
  /* a gap needs a tab or three spaces in a row, which most lines do not
     have: sixteen bytes at a time (scan.h), fourteen apart, so that three in
     a row are in one window, then the last bytes one at a time */
  size_t at = start;
  int blank = 0;
#ifdef __SSE2__
  for (; at + 16 <= end && !blank; at += 14) {
    __m128i v = ibid_scan16_load(text + at);
    unsigned spaces = ibid_scan16_eq(v, ' ');
    blank = ibid_scan16_eq(v, '\t') || (spaces & (spaces >> 1) & (spaces >> 2));
  }
  if (at > start + 2) at -= 2; /* a window's last two bytes begin the rest */
#endif
  for (size_t k = at; k < end && !blank; k++)
    blank = text[k] == '\t' ||
            (k + 2 < end && text[k] == ' ' && text[k + 1] == ' ' && text[k + 2] == ' ');
  if (!blank) return 0;
  int gaps = 0, run = 0;
  for (size_t i = start; i < end; i++) {
    if (text[i] == '\t' || text[i] == ' ') {
      run += text[i] == '\t' ? 3 : 1;
      if (run == 3) gaps++;
    } else {
      run = 0;
    }
  }
  return gaps >= 2;
}

#define SENTENCE 1
#define CITATION 2

/* Does text[start..end) look like a note: a CITATION (year, page, quotation
** marks, Ibid., URL) or a SENTENCE of five words or more? 0 if neither.
** Looks at the first 400 bytes only, so a long line costs no more than a
** short one. */
static int looks_like_note(const char *text, size_t start, size_t end) {
  size_t limit = end - start > 400 ? start + 400 : end;
  int words = 0, in_word = 0, digit_run = 0;
  if (looks_like_table_row(text, start, limit)) return 0;
  for (size_t i = start; i < limit; i++) {
    char c = text[i];
    unsigned char u = (unsigned char)c;
    if (is_digit(c)) {
      digit_run++;
      /* a year 1500-2099 */
      if (digit_run == 4 && (i + 1 >= limit || !is_digit(text[i + 1]))) {
        int year = (text[i - 3] - '0') * 1000 + (text[i - 2] - '0') * 100;
        if (year >= 1500 && year < 2100 && (i < start + 4 || !is_digit(text[i - 4])))
          return CITATION;
      }
    } else {
      digit_run = 0;
    }
    /* opening quotation marks ‘ “ and guillemets */
    if (u == 0xE2 && i + 2 < limit && (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x9C))
      return CITATION;
    if (u == 0xC2 && i + 1 < limit && (unsigned char)text[i + 1] == 0xAB) return CITATION;
    if (c == '"' && (i == start || is_space(text[i - 1]))) return CITATION;
    char first = lower(c);
    int may_start_signal = first == 'i' || first == 's' || first == 'o' || first == 'h' ||
                           first == 'w' || first == 'p';
    if (may_start_signal && (i == start || !is_ascii_letter(text[i - 1])) &&
        (starts_with_word(text, i, limit, "ibid") || starts_with_word(text, i, limit, "id.") ||
         starts_with_word(text, i, limit, "supra") || starts_with_word(text, i, limit, "op. cit") ||
         starts_with_word(text, i, limit, "http") || starts_with_word(text, i, limit, "www.") ||
         starts_with_word(text, i, limit, "p. ") || starts_with_word(text, i, limit, "pp. ") ||
         starts_with_word(text, i, limit, "see ")))
      return CITATION;
    /* "Surname, 15" -- a short form with a page */
    if (c == ',' && i + 2 < limit && text[i + 1] == ' ' && is_digit(text[i + 2]) && words <= 2)
      return CITATION;
    int word_character = is_ascii_letter(c) || u >= 0x80;
    if (word_character && !in_word) words++;
    in_word = word_character;
  }
  size_t last = end;
  while (last > start && (is_space(text[last - 1]) || text[last - 1] == '\r')) last--;
  if (last == start) return 0;
  char final = text[last - 1];
  int closes = final == '.' || final == '!' || final == '?' || final == ')' ||
               (unsigned char) final == 0x9D || (unsigned char) final == 0x99 || final == '"';
  return words >= 5 && closes ? SENTENCE : 0;
}

static int list_push(candidate_list *list, const candidate *item) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 64;
    candidate *items = ibid_realloc(list->items, capacity * sizeof(candidate));
    if (!items) return -1;
    list->items = items;
    list->capacity = capacity;
  }
  list->items[list->count++] = *item;
  return 0;
}

/* Where a body that may wrap over lines ends, for judging what it looks
** like: the following lines up to a blank line or one that starts with a
** label (a possible next note), at most 400 bytes
** past `start`. Wrapped PDF notes put the year on the second line. */
static size_t paragraph_end(const char *text, size_t length, size_t start, size_t line_end) {
  size_t end = line_end;
  while (end < length && end - start < 400) {
    const char *newline = memchr(text + end, '\n', length - end);
    if (!newline) break;
    size_t next = (size_t)(newline - text) + 1;
    const char *after = memchr(text + next, '\n', length - next);
    size_t next_end = after ? (size_t)(after - text) : length;
    size_t first = skip_spaces(text, next, next_end);
    candidate label;
    if (first >= next_end || text[first] == '\r' || read_label(text, next, next_end, &label)) break;
    end = next_end;
  }
  return end - start > 400 ? start + 400 : end;
}

/* Is the line text[start..line_end) a numbered heading ("5 Good Information")
** followed by its paragraph? Short, no closing punctuation, more text below. */
static int looks_like_heading(const char *text, size_t start, size_t line_end, size_t paragraph) {
  if (paragraph <= line_end || line_end - start >= 50) return 0;
  unsigned char last = (unsigned char)text[line_end - 1];
  return !(last == '.' || last == ',' || last == ';' || last == ':' || last == ')' ||
           last == 0x9D || last == 0x99 || last == '"');
}

/* Collects the candidates of every line, in text order. */
static int collect_candidates(const char *text, size_t length, candidate_list *list) {
  size_t line_start = 0;
  while (line_start < length) {
    const char *newline = memchr(text + line_start, '\n', length - line_start);
    size_t line_end = newline ? (size_t)(newline - text) : length;
    size_t content_end = line_end;
    while (content_end > line_start &&
           (text[content_end - 1] == '\r' || is_space(text[content_end - 1])))
      content_end--;
    candidate item;
    if (read_label(text, line_start, content_end, &item)) {
      size_t paragraph = paragraph_end(text, length, item.body_start, content_end);
      item.note_like = looks_like_heading(text, item.body_start, content_end, paragraph)
                           ? 0
                           : looks_like_note(text, item.body_start, paragraph);
      if (list_push(list, &item)) return -1;
    }
    line_start = line_end + 1;
  }
  return 0;
}

/* Links every candidate to the latest earlier one of its style numbered just
** below it (preferring one whose body looks like a note). `latest` holds, per
** style and number, that candidate. */
static int link_candidates(candidate_list *list) {
  /* rows as wide as the largest number read (at most LARGEST_NOTE_NUMBER):
  ** a short text does not fill a table for every possible number */
  long largest = 0;
  for (size_t i = 0; i < list->count; i++)
    if (list->items[i].n > largest) largest = list->items[i].n;
  size_t width = (size_t)largest + 1;
  size_t slots = (size_t)STYLE_COUNT * width;
  long *latest = ibid_malloc(slots * sizeof(long));
  if (!latest) return -1;
  for (size_t i = 0; i < slots; i++) latest[i] = -1;
  for (size_t i = 0; i < list->count; i++) {
    candidate *item = &list->items[i];
    long *row = latest + (size_t)item->style * width;
    for (long gap = 1; gap <= LARGEST_GAP && item->n - gap >= 1; gap++) {
      long previous = row[item->n - gap];
      if (previous < 0) continue;
      item->predecessor = previous;
      item->score = list->items[previous].score + 1;
      break;
    }
    /* A wrapped prose line "3 States have ..." between note 3 and note 4
    ** must not take note 3's place as the predecessor of note 4. */
    long kept = row[item->n];
    if (kept < 0 || item->note_like || !list->items[kept].note_like ||
        list->items[kept].score < item->score)
      row[item->n] = (long)i;
  }
  ibid_free(latest);
  return 0;
}

/* What a chain's bodies look like. */
typedef struct chain_summary {
  long length;       /* members */
  long note_like;    /* bodies that are sentences or citations */
  long citations;    /* bodies that are citations */
  long apart;        /* members far from the previous one (page feet, not a list) */
  size_t body_bytes; /* bytes of the members' first lines */
} chain_summary;

/* Is a chain the numbered paragraphs of a judgment or report ("[12] The
** Chamber considers ...") rather than notes? It starts in the first fifth of
** the text and its members are long paragraphs, where notes come after the
** body and are mostly short. */
static int numbered_paragraphs(const chain_summary *chain, size_t first_label, size_t text_length) {
  if (chain->length < 5 || first_label > text_length / 5) return 0;
  return chain->body_bytes / (size_t)chain->length > 600;
}

/* Is a chain a note sequence? Half its bodies must look like notes, and a
** third (half for "1." labels) like citations -- unless its members are spread over the text like
** page-foot notes, which a numbered list of steps or headings never is. A
** lone numbered line counts only with an unambiguous label. */
static int accept_chain(const chain_summary *chain, int style) {
  if (chain->length == 1)
    return chain->citations == 1 && (style == STYLE_BRACKET || style == STYLE_SUPERSCRIPT);
  if (chain->note_like * 2 < chain->length) return 0;
  /* "1." lists are common in prose (steps, assumptions): they need more */
  long share = style == STYLE_DOTTED ? 2 : 3;
  if (chain->citations * share >= chain->length) return chain->length >= 3 || chain->note_like == 2;
  return style == STYLE_PLAIN && chain->apart * 2 >= chain->length && chain->length >= 3;
}

/* Is the line before `position` (skipping blank lines) a "Notes" heading
** (or "References", "Bibliography": a numbered list collected at the end)? */
static int follows_notes_heading(const char *text, size_t position) {
  size_t end = position;
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || is_space(text[end - 1])))
    end--;
  size_t start = end;
  while (start > 0 && text[start - 1] != '\n' && end - start < 40) start--;
  if (start > 0 && text[start - 1] != '\n') return 0;
  start = skip_spaces(text, start, end);
  if (end > start && text[end - 1] == ':') end--;
  /* a numbered reference list at the end is read like endnotes too */
  static const char *const headings[] = {
      "notes",      "endnotes",     "end notes",   "notes and references",
      "references", "bibliography", "works cited", "literature cited",
      "sources"};
  for (size_t i = 0; i < sizeof(headings) / sizeof(headings[0]); i++)
    if (end - start == strlen(headings[i]) && starts_with_word(text, start, end, headings[i]))
      return 1;
  return 0;
}

typedef struct note_list {
  ibid_note *items;
  size_t count, capacity;
} note_list;

static int note_push(note_list *list, const ibid_note *note) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 32;
    ibid_note *items = ibid_realloc(list->items, capacity * sizeof(ibid_note));
    if (!items) return -1;
    list->items = items;
    list->capacity = capacity;
  }
  list->items[list->count++] = *note;
  return 0;
}

/* Extracts the chains, longest first, and adds the notes of accepted ones.
** `order` is scratch space for a counting sort of candidates by score. */
static int extract_chains(const char *text, size_t length_of_text, candidate_list *list,
                          note_list *notes) {
  size_t count = list->count;
  size_t *order = ibid_malloc((count ? count : 1) * sizeof(size_t));
  size_t *bucket = ibid_malloc((count + 2) * sizeof(size_t));
  long *chain = ibid_malloc((count ? count : 1) * sizeof(long));
  int rc = 0;
  size_t sequence = 0;
  if (!order || !bucket || !chain) {
    rc = -1;
    goto done;
  }
  /* counting sort by descending score (scores are 1..count) */
  memset(bucket, 0, (count + 2) * sizeof(size_t));
  for (size_t i = 0; i < count; i++) bucket[count + 1 - (size_t)list->items[i].score]++;
  for (size_t s = 1; s < count + 2; s++) bucket[s] += bucket[s - 1];
  for (size_t i = count; i-- > 0;) order[--bucket[count + 1 - (size_t)list->items[i].score]] = i;
  for (size_t k = 0; k < count; k++) {
    long at = (long)order[k];
    if (list->items[at].used) continue;
    long length = 0;
    chain_summary summary = {0, 0, 0, 0, 0};
    while (at >= 0 && !list->items[at].used) {
      candidate *item = &list->items[at];
      chain[length++] = at;
      summary.note_like += item->note_like != 0;
      summary.citations += item->note_like == CITATION;
      summary.body_bytes += item->line_end - item->body_start;
      item->used = 1;
      at = item->predecessor;
      if (at >= 0 && item->label_start - list->items[at].line_end > 300) summary.apart++;
    }
    summary.length = length;
    candidate *first = &list->items[chain[length - 1]];
    if (first->n > LARGEST_FIRST_NUMBER) continue;
    if (!accept_chain(&summary, first->style)) continue;
    if (numbered_paragraphs(&summary, first->label_start, length_of_text)) continue;
    ibid_note_kind kind =
        first->style == STYLE_BRACKET || follows_notes_heading(text, first->line_start)
            ? IBID_NOTE_ENDNOTE
            : IBID_NOTE_FOOTNOTE;
    for (long j = length; j-- > 0;) {
      candidate *item = &list->items[chain[j]];
      ibid_note note = {0};
      note.n = item->n;
      note.label_start = item->label_start;
      note.label_length = item->label_length;
      note.kind = kind;
      note.start = item->body_start;
      note.length = item->line_end - item->body_start;
      note.sequence = sequence;
      if (note_push(notes, &note)) {
        rc = -1;
        goto done;
      }
    }
    sequence++;
  }
done:
  ibid_free(order);
  ibid_free(bucket);
  ibid_free(chain);
  return rc;
}

static int compare_notes(const void *a, const void *b) {
  const ibid_note *x = a, *y = b;
  return x->label_start < y->label_start ? -1 : x->label_start > y->label_start;
}

/* End of the line that starts at position (before any '\r' and spaces), and
** the start of the next line in *next. */
static size_t line_content_end(const char *text, size_t length, size_t position, size_t *next) {
  const char *newline = memchr(text + position, '\n', length - position);
  size_t end = newline ? (size_t)(newline - text) : length;
  *next = newline ? end + 1 : length;
  while (end > position && (text[end - 1] == '\r' || is_space(text[end - 1]))) end--;
  return end;
}

/* Is text[start..end) blank, a bare page number, or a page break? */
static int stops_a_note(const char *text, size_t start, size_t end) {
  start = skip_spaces(text, start, end);
  if (start >= end) return 1;
  int digits_only = 1;
  for (size_t i = start; i < end; i++) {
    if (text[i] == '\f') return 1;
    if (!is_digit(text[i])) digits_only = 0;
  }
  return digits_only;
}

/* Extends each body over the following lines of its paragraph, up to the
** next note, when its sequence wraps notes over several lines. */
static void extend_bodies(const char *text, size_t length, ibid_note *notes, size_t count) {
  /* wrapped[s]: does sequence s have a note (not its last) whose next line is
  ** text rather than a blank line or the next note? Computed in one pass. */
  size_t sequences = 0;
  for (size_t i = 0; i < count; i++)
    if (notes[i].sequence + 1 > sequences) sequences = notes[i].sequence + 1;
  unsigned char *wrapped = ibid_malloc(sequences ? sequences : 1);
  if (!wrapped) return; /* bodies stay one line: still correct, just shorter */
  memset(wrapped, 0, sequences ? sequences : 1);
  for (size_t i = 0; i + 1 < count; i++) {
    if (notes[i + 1].sequence != notes[i].sequence) continue;
    size_t line_start, next;
    line_content_end(text, length, notes[i].start, &line_start);
    if (line_start >= notes[i + 1].label_start) continue;
    size_t following_end = line_content_end(text, length, line_start, &next);
    if (!stops_a_note(text, line_start, following_end)) wrapped[notes[i].sequence] = 1;
  }
  for (size_t i = 0; i < count; i++) {
    if (!wrapped[notes[i].sequence]) continue;
    size_t limit = i + 1 < count ? notes[i + 1].label_start : length;
    size_t next;
    size_t end = line_content_end(text, length, notes[i].start, &next);
    for (int lines = 0; lines < MOST_CONTINUATION_LINES && next < limit; lines++) {
      size_t line_start = next;
      size_t line_end = line_content_end(text, length, line_start, &next);
      if (stops_a_note(text, line_start, line_end)) break;
      end = line_end;
    }
    notes[i].length = end - notes[i].start;
  }
  ibid_free(wrapped);
}

int ibid_find_notes(const char *text, size_t length, ibid_note **notes, size_t *count) {
  candidate_list candidates = {0};
  note_list found = {0};
  *notes = NULL;
  *count = 0;
  if (collect_candidates(text, length, &candidates) || link_candidates(&candidates) ||
      extract_chains(text, length, &candidates, &found)) {
    ibid_free(candidates.items);
    ibid_free(found.items);
    return -1;
  }
  ibid_free(candidates.items);
  if (found.count > 1) qsort(found.items, found.count, sizeof(ibid_note), compare_notes);
  extend_bodies(text, length, found.items, found.count);
  if (ibid_resolve_short_forms(text, length, found.items, found.count)) {
    ibid_free(found.items);
    return -1;
  }
  *notes = found.items;
  *count = found.count;
  return 0;
}
