/*
** blocks.c -- the block structure of a text (see blocks.h).
**
** HOW IT WORKS
**   1. Lines are split and the ones ibid_clean_text would drop (site chrome,
**      page numbers, repeated furniture; ibid_text_mark_dropped) become
**      'boilerplate' blocks, so both functions agree on what chrome is.
**   2. Other lines group into blocks: a blank line ends a block, and a line
**      that opens a list item, caption, label, numbered line or table row
**      (ibid_text_line_opens) starts a new one. Clean text has one block
**      per line already.
**   3. Each block gets a kind from its first line: bullets are list items,
**      "Figure N." captions, column gaps table rows. Numbered lines ("12
**      Author ...", "[3] ...") are notes when they form a run of consecutive
**      numbers whose lines are long, list items otherwise. A short line with
**      no final period is a heading, unless it sits in a run of three or
**      more such lines (metadata, link lists) without a heading's marks
**      (title case, a question, a section number, a known section name).
*/
#include "blocks.h"

#include <string.h>

#include "memory.h"
#include "text.h"

const char *ibid_block_kind_name(ibid_block_kind kind) {
  static const char *const names[] = {"",        "heading", "paragraph", "list_item",
                                      "caption", "note",    "table_row", "boilerplate"};
  return (kind >= IBID_BLOCK_HEADING && kind <= IBID_BLOCK_BOILERPLATE) ? names[kind] : "paragraph";
}

static int is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* Working state of one block while it is classified. */
typedef struct draft {
  size_t start, end; /* bytes of the block */
  size_t indent;     /* of its first line */
  int opening;       /* ibid_line_opening of its first line */
  int boilerplate;
  long number;   /* note or list number, -1 if none */
  int bracketed; /* "[12]" */
  int candidate; /* short line that may be a heading */
  int strong;    /* ... with a heading's marks */
  ibid_block_kind kind;
  int level;
} draft;

typedef struct draft_list {
  draft *items;
  size_t count, capacity;
} draft_list;

static draft *draft_add(draft_list *list) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 32;
    draft *grown = ibid_realloc(list->items, capacity * sizeof(draft));
    if (!grown) return NULL;
    list->items = grown;
    list->capacity = capacity;
  }
  draft *d = &list->items[list->count++];
  memset(d, 0, sizeof(*d));
  d->number = -1;
  return d;
}

/* ----- step 2: grouping lines into blocks ---------------------------------- */

static int group_lines(const char *text, size_t length, draft_list *drafts) {
  ibid_text_line *lines = NULL;
  size_t count = 0;
  if (ibid_text_split_lines(text, length, &lines, &count)) return -1;
  unsigned char *dropped = ibid_malloc(count ? count : 1);
  int rc = -1;
  if (!dropped || ibid_text_mark_dropped(text, lines, count, dropped)) goto done;
  draft *open = NULL; /* the block the next line may continue */
  for (size_t i = 0; i < count; i++) {
    const ibid_text_line *line = &lines[i];
    if (line->start == line->end) {
      open = NULL;
      continue;
    }
    int opening = ibid_text_line_opens(text + line->start, line->end - line->start);
    if (open && !dropped[i] && opening == IBID_OPENS_NOTHING && open->opening != IBID_OPENS_TABLE) {
      open->end = line->end;
      continue;
    }
    draft *d = draft_add(drafts);
    if (!d) goto done;
    d->start = line->start;
    d->end = line->end;
    d->indent = line->indent;
    d->opening = opening;
    d->boilerplate = dropped[i];
    open = dropped[i] ? NULL : d;
  }
  rc = 0;
done:
  ibid_free(lines);
  ibid_free(dropped);
  return rc;
}

/* ----- step 3: kinds ----------------------------------------------------- */

static size_t word_count(const char *text, size_t start, size_t end) {
  size_t words = 0;
  for (size_t i = start; i < end; i++)
    if (text[i] != ' ' && text[i] != '\t' &&
        (i == start || text[i - 1] == ' ' || text[i - 1] == '\t'))
      words++;
  return words;
}

/* The number of "[12] ...", "12. ...", "12) ...", "12 Author"; -1 if none. */
static long leading_number(const char *text, size_t start, size_t end, int *bracketed) {
  size_t i = start;
  *bracketed = i < end && text[i] == '[';
  if (*bracketed) i++;
  long number = 0;
  size_t digits = 0;
  while (i < end && is_digit(text[i]) && digits < 5)
    number = number * 10 + (text[i++] - '0'), digits++;
  return digits ? number : -1;
}

/* Section names that are headings on their own. */
static int is_section_name(const char *text, size_t start, size_t end) {
  static const char *const names[] = {
      "abstract",        "introduction", "conclusion",     "conclusions", "references",
      "bibliography",    "notes",        "endnotes",       "footnotes",   "acknowledgements",
      "acknowledgments", "keywords",     "methods",        "methodology", "results",
      "discussion",      "appendix",     "summary",        "background",  "literature review",
      "works cited",     "sources",      "further reading"};
  size_t length = end - start;
  while (length && (text[start + length - 1] == ':' || text[start + length - 1] == '.')) length--;
  for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
    if (!length || (text[start] | 0x20) != names[n][0]) continue; /* the first byte, at once */
    size_t size = strlen(names[n]);
    if (size != length) continue;
    size_t k = 0;
    while (k < size && (text[start + k] | 0x20) == names[n][k]) k++;
    if (k == size) return 1;
  }
  return 0;
}

/* "2.", "2.3", "IV." before a capital: a numbered section title. Returns
** its depth (1 for "2.", 2 for "2.3"), 0 if none. */
static int section_number_depth(const char *text, size_t start, size_t end) {
  size_t i = start;
  int depth = 0;
  if (i < end && is_digit(text[i])) {
    while (i < end && is_digit(text[i])) {
      size_t digits = 0;
      while (i < end && is_digit(text[i])) i++, digits++;
      if (digits > 2) return 0;
      depth++;
      if (i < end && text[i] == '.')
        i++;
      else
        break;
    }
  } else {
    size_t letters = 0;
    while (i < end && (text[i] == 'I' || text[i] == 'V' || text[i] == 'X') && letters < 5)
      i++, letters++;
    if (!letters || i >= end || text[i] != '.') return 0;
    i++;
    depth = 1;
  }
  if (i + 1 >= end || text[i] != ' ' || !is_upper(text[i + 1])) return 0;
  return depth;
}

/* Most words of four letters or more start with a capital. */
static int is_title_case(const char *text, size_t start, size_t end) {
  size_t long_words = 0, capitalized = 0;
  for (size_t i = start; i < end;) {
    while (i < end && text[i] == ' ') i++;
    size_t word = i;
    while (i < end && text[i] != ' ') i++;
    if (i - word < 4) continue;
    long_words++;
    capitalized += is_upper(text[word]);
  }
  return long_words >= 2 && capitalized * 4 >= long_words * 3;
}

/* Fills candidate/strong for a block that may be a heading. */
static void heading_marks(const char *text, draft *d, const draft *next, int first_block) {
  size_t start = d->start, end = d->end;
  if (end - start > 200 || is_lower(text[start])) return;
  if (memchr(text + start, '\n', end - start)) return; /* headings are one line */
  size_t words = word_count(text, start, end);
  if (words > 25) return;
  char last = text[end - 1];
  if (last == '.' || last == ',' || last == ';') {
    if (!is_section_name(text, start, end)) return;
  }
  if (last == ':' && words > 5) return;
  d->candidate = 1;
  int has_digit_or_bracket = 0;
  for (size_t i = start; i < end; i++) has_digit_or_bracket |= is_digit(text[i]) || text[i] == '(';
  d->level = 2;
  if (first_block) d->level = 1;
  int depth = section_number_depth(text, start, end);
  if (depth) d->level = depth + 1 > 6 ? 6 : depth + 1;
  /* "1. Apples" followed by "2. Pears" is a list, not two sections */
  if (depth && next && next->opening == IBID_OPENS_NUMBERED) depth = 0;
  d->strong = first_block || depth || is_section_name(text, start, end) ||
              (last == '?' && words <= 20) || d->opening == IBID_OPENS_LABEL ||
              (!has_digit_or_bracket && is_title_case(text, start, end));
}

static int is_note_star(const char *text, const draft *d) {
  size_t i = d->start;
  while (i < d->end && text[i] == '*') i++;
  return i > d->start && i < d->end && text[i] == ' ' && d->end - d->start > 60;
}

static void classify_opening(const char *text, draft *d) {
  int bullet_level = 1;
  d->kind = IBID_BLOCK_PARAGRAPH;
  switch (d->opening) {
    case IBID_OPENS_BULLET:
      if (is_note_star(text, d)) {
        d->kind = IBID_BLOCK_NOTE;
        break;
      }
      if (!ibid_text_bullet_length(text + d->start, d->end - d->start, &bullet_level))
        bullet_level = 1; /* "Q2 § ...": a bullet after a row label */
      d->kind = IBID_BLOCK_LIST_ITEM;
      d->level = bullet_level + (int)(d->indent / 4);
      if (d->level > 6) d->level = 6;
      break;
    case IBID_OPENS_CAPTION:
      d->kind = IBID_BLOCK_CAPTION;
      break;
    case IBID_OPENS_TABLE:
      d->kind = IBID_BLOCK_TABLE_ROW;
      break;
    case IBID_OPENS_NUMBERED:
      d->number = leading_number(text, d->start, d->end, &d->bracketed);
      if (d->number < 0) { /* "(a) ", "¹ " */
        d->kind = text[d->start] == '(' ? IBID_BLOCK_LIST_ITEM : IBID_BLOCK_NOTE;
        d->level = text[d->start] == '(' ? 2 : 0;
      }
      break;
    default:
      break;
  }
  if (d->opening == IBID_OPENS_NOTHING && is_note_star(text, d)) d->kind = IBID_BLOCK_NOTE;
  /* "98 du Plessis, ...": a note whose text starts in lower case; the run
     of consecutive numbers decides (classify_numbered) */
  if (d->opening == IBID_OPENS_NOTHING && d->kind == IBID_BLOCK_PARAGRAPH) {
    size_t i = d->start;
    while (i < d->end && is_digit(text[i]) && i - d->start < 4) i++;
    if (i > d->start && i - d->start <= 3 && i + 1 < d->end && text[i] == ' ' &&
        is_lower(text[i + 1]))
      d->number = leading_number(text, d->start, d->end, &d->bracketed);
  }
}

/* Numbered blocks: a run linked by consecutive numbers is a list of notes
** when its lines are long or bracketed, a numbered list otherwise. */
static void classify_numbered(const char *text, draft *drafts, size_t count) {
  const size_t reach = 40; /* notes may be interleaved with body text */
  for (size_t i = 0; i < count; i++) {
    draft *d = &drafts[i];
    if (d->number < 0 || d->kind != IBID_BLOCK_PARAGRAPH) continue;
    /* collect the run starting here */
    size_t members = 1, total_length = d->end - d->start, last = i;
    long expected = d->number + 1;
    for (size_t j = i + 1; j < count && j - last <= reach; j++) {
      if (drafts[j].number == expected && drafts[j].kind == IBID_BLOCK_PARAGRAPH) {
        members++;
        total_length += drafts[j].end - drafts[j].start;
        expected++;
        last = j;
      }
    }
    ibid_block_kind kind;
    if (members >= 2)
      kind =
          (d->bracketed || total_length >= 40 * members) ? IBID_BLOCK_NOTE : IBID_BLOCK_LIST_ITEM;
    else
      kind = d->bracketed ? IBID_BLOCK_NOTE : IBID_BLOCK_PARAGRAPH;
    if (members == 1 && kind == IBID_BLOCK_PARAGRAPH) {
      /* a lone "1. Item" is a list item; a lone "12 Text" stays a paragraph */
      size_t k = d->start;
      while (k < d->end && is_digit(text[k])) k++;
      if (k < d->end && (text[k] == '.' || text[k] == ')')) kind = IBID_BLOCK_LIST_ITEM;
    }
    /* mark the whole run */
    expected = d->number;
    for (size_t j = i; j <= last; j++) {
      if (drafts[j].number != expected || drafts[j].kind != IBID_BLOCK_PARAGRAPH) continue;
      drafts[j].kind = kind;
      drafts[j].level = kind == IBID_BLOCK_LIST_ITEM ? 1 : 0;
      drafts[j].number = -1; /* done */
      expected++;
    }
  }
}

/* Short lines: headings, unless three or more in a row without a heading's
** marks, and never the last block of the text. */
static void classify_headings(const char *text, draft *drafts, size_t count) {
  int first_block = 1; /* the title: the first block that is not chrome */
  for (size_t i = 0; i < count; i++) {
    draft *d = &drafts[i];
    if (d->boilerplate) continue;
    int first = first_block;
    first_block = 0;
    if (d->kind != IBID_BLOCK_PARAGRAPH) continue;
    if (d->opening == IBID_OPENS_NUMBERED && section_number_depth(text, d->start, d->end) == 0)
      continue;
    heading_marks(text, d, i + 1 < count ? &drafts[i + 1] : NULL, first);
  }
  size_t i = 0;
  while (i < count) {
    if (!drafts[i].candidate) {
      i++;
      continue;
    }
    size_t run_end = i;
    while (run_end < count && drafts[run_end].candidate) run_end++;
    for (size_t j = i; j < run_end; j++) {
      draft *d = &drafts[j];
      int is_last = j + 1 == count;
      if ((run_end - i >= 3 && !d->strong) || (is_last && j > 0)) {
        d->level = 0;
        continue;
      }
      d->kind = IBID_BLOCK_HEADING;
    }
    i = run_end;
  }
}

int ibid_find_blocks(const char *text, size_t length, ibid_block **blocks, size_t *count) {
  draft_list drafts = {0};
  *blocks = NULL;
  *count = 0;
  if (group_lines(text, length, &drafts)) {
    ibid_free(drafts.items);
    return -1;
  }
  for (size_t i = 0; i < drafts.count; i++) {
    draft *d = &drafts.items[i];
    classify_opening(text, d);
    if (d->boilerplate) d->kind = IBID_BLOCK_BOILERPLATE, d->level = 0;
  }
  classify_headings(text, drafts.items, drafts.count);
  classify_numbered(text, drafts.items, drafts.count);
  if (!drafts.count) {
    ibid_free(drafts.items);
    return 0;
  }
  ibid_block *list = ibid_malloc(drafts.count * sizeof(ibid_block));
  if (!list) {
    ibid_free(drafts.items);
    return -1;
  }
  for (size_t i = 0; i < drafts.count; i++) {
    const draft *d = &drafts.items[i];
    list[i].kind = d->kind;
    list[i].level =
        (d->kind == IBID_BLOCK_HEADING || d->kind == IBID_BLOCK_LIST_ITEM) ? d->level : 0;
    list[i].start = d->start;
    list[i].length = d->end - d->start;
  }
  *blocks = list;
  *count = drafts.count;
  ibid_free(drafts.items);
  return 0;
}
