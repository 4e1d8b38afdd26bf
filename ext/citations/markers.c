/*
** markers.c -- in-text note markers (see markers.h).
**
** HOW IT WORKS
** 1. One pass over the text outside the notes collects candidates:
**    "[12]" (strong, up to [9999]), a run of superscript digits (strong), and 1-3 ASCII
**    digits glued to what precedes them (weak): after a word of three letters
**    or more ("WHO2."), a closing quote or bracket ("effect”1"), or sentence
**    punctuation that itself follows a word ("the EU.5", "policy.13").
**    Digits inside numbers ("3,300", "2.5", "10:30"), after "p." or a one- or
**    two-letter code ("G20", "Q1", "AB1"), and before a letter ("R2P") are not.
** 2. Each candidate is linked to the first note with its number that comes
**    after it (a marker precedes its note, at the page foot or at the end).
** 3. The heaviest run of candidates whose linked notes strictly increase in
**    text order is kept (strong candidates weigh 2, weak ones 1): a weighted
**    longest increasing subsequence, O(k log k) with a Fenwick tree.
*/
#include "markers.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "memory.h"
#include "scan.h"
#include "utf8.h"

typedef struct marker_candidate {
  long n;
  size_t start, length;
  int weight;  /* 2 strong, 1 weak */
  long note;   /* linked note index, -1 */
  long before; /* previous candidate in the best run ending here, -1 */
} marker_candidate;

typedef struct candidate_list {
  marker_candidate *items;
  size_t count, capacity;
} candidate_list;

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

static int push(candidate_list *list, long n, size_t start, size_t length, int weight) {
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 64;
    marker_candidate *items = ibid_realloc(list->items, capacity * sizeof(marker_candidate));
    if (!items) return -1;
    list->items = items;
    list->capacity = capacity;
  }
  marker_candidate item = {n, start, length, weight, -1, -1};
  list->items[list->count++] = item;
  return 0;
}

static int is_letter(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha((UChar32)c) != 0;
}

static int is_closing(uint32_t c) {
  return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == ')' || c == ']' || c == 0xBB;
}

/* The letters of the word that ends at offset: how many (capped at 8), and
** whether it is one of the abbreviations that precede numbers ("p.5"). */
static size_t letters_before(const char *text, size_t offset, size_t *word_start) {
  size_t count = 0, position = offset;
  while (position > 0 && count < 8) {
    uint32_t c;
    size_t size = ibid_utf8_decode_before(text, position, &c);
    if (!is_letter(c)) break;
    position -= size;
    count++;
  }
  *word_start = position;
  return count;
}

static int is_number_abbreviation(const char *text, size_t start, size_t end) {
  static const char *const words[] = {"p",    "pp",    "no", "nos", "vol", "art", "arts",
                                      "para", "paras", "ch", "fig", "sec", "s",   "ss",
                                      "n",    "nn",    "op", "pg",  "r",   "rev"};
  for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    size_t n = strlen(words[i]);
    if (end - start != n) continue;
    size_t k = 0;
    while (k < n && (text[start + k] | 0x20) == words[i][k]) k++;
    if (k == n) return 1;
  }
  return 0;
}

/* Does a year (1500-2099, four digits after a space or '(') end at offset? */
static int is_year_before(const char *text, size_t offset) {
  if (offset < 5) return 0;
  const char *y = text + offset - 4;
  for (int k = 0; k < 4; k++)
    if (!is_digit(y[k])) return 0;
  if (y[-1] != ' ' && y[-1] != '(') return 0;
  int century = (y[0] - '0') * 10 + (y[1] - '0');
  return century >= 15 && century <= 20;
}

/* Is the digit run text[start..end) glued to what precedes it like a
** copy-pasted marker? (declared in markers.h) */
int ibid_glued_marker(const char *text, size_t length, size_t start, size_t end) {
  if (start == 0) return 0;
  /* what follows: not a letter, digit, or the rest of a number */
  if (end < length) {
    uint32_t next;
    ibid_utf8_decode(text, length, end, &next);
    if (is_letter(next) || is_digit((char)next) || next == '%' || next == '/') return 0;
    if ((next == ',' || next == '.' || next == ':') && end + 1 < length && is_digit(text[end + 1]))
      return 0;
  }
  uint32_t before;
  size_t size = ibid_utf8_decode_before(text, start, &before);
  size_t word_start;
  if (is_letter(before)) {
    /* "WHO2", "Paris12" -- but not "G20", "Q1", "AB1", "CO2" */
    size_t letters = letters_before(text, start, &word_start);
    if (letters < 3) return 0;
    if (word_start > 0) {
      uint32_t earlier;
      ibid_utf8_decode_before(text, word_start, &earlier);
      if (is_digit((char)earlier) || earlier == '/' || earlier == '-' || earlier == '_') return 0;
    }
    return 1;
  }
  if (is_closing(before)) return 1;
  if (before == '.' || before == ',' || before == ';' || before == ':' || before == '!' ||
      before == '?') {
    size_t punctuation = start - size;
    if (punctuation == 0) return 0;
    uint32_t earlier;
    ibid_utf8_decode_before(text, punctuation, &earlier);
    if (is_closing(earlier)) return 1;
    if (before == '.' && is_year_before(text, punctuation)) return 1; /* "in 2009.4" */
    if (!is_letter(earlier)) return 0;
    size_t letters = letters_before(text, punctuation, &word_start);
    if (is_number_abbreviation(text, word_start, punctuation)) return 0;
    /* "U.S.2" or "e.g.3" are abbreviations, but "EU.5" ends a sentence */
    return letters >= 2;
  }
  return 0;
}

/* Collects candidates outside the note spans; `weak` enables glued digits. */
static int collect(const char *text, size_t length, const ibid_note *notes, size_t note_count,
                   candidate_list *list) {
  size_t zone = 0;
  size_t i = 0;
  while (i < length) {
    while (zone < note_count && notes[zone].start + notes[zone].length <= i) zone++;
    if (zone < note_count && i >= notes[zone].label_start) {
      i = notes[zone].start + notes[zone].length;
      continue;
    }
    /* skip what starts no candidate, up to the next note's label at most */
    size_t limit =
        zone < note_count && notes[zone].label_start < length ? notes[zone].label_start : length;
    for (; i + 8 <= limit; i += 8) { /* eight bytes at a time (scan.h) */
      uint64_t word = ibid_scan_load(text + i);
      uint64_t stop = ibid_scan_eq(word, '[') | ibid_scan_eq(word, 0xC2) |
                      ibid_scan_eq(word, 0xE2) | ibid_scan_range(word, '0', '9');
      if (stop) {
        i += ibid_scan_first(stop);
        break;
      }
    }
    while (i < limit && text[i] != '[' && !is_digit(text[i]) && (unsigned char)text[i] != 0xC2 &&
           (unsigned char)text[i] != 0xE2)
      i++;
    if (i >= limit) continue;
    unsigned char c = (unsigned char)text[i];
    if (c == '[' && i + 2 < length && is_digit(text[i + 1]) && text[i + 1] != '0') {
      size_t j = i + 1;
      long n = 0;
      while (j < length && is_digit(text[j]) && j - i <= 4) n = n * 10 + (text[j++] - '0');
      if (j < length && text[j] == ']' && j - i <= 5) { /* [1] to [9999], as notes.c */
        if (push(list, n, i, j + 1 - i, 2)) return -1;
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (c == 0xC2 || c == 0xE2) {
      size_t j = i;
      long n = 0;
      while (j < length && n < 10000) {
        uint32_t codepoint;
        size_t size = ibid_utf8_decode(text, length, j, &codepoint);
        int digit = ibid_superscript_digit(codepoint);
        if (digit < 0) break;
        n = n * 10 + digit;
        j += size;
      }
      if (j > i) {
        size_t word_start;
        size_t letters = i > 0 ? letters_before(text, i, &word_start) : 0;
        /* "m²", "km³" are units, not notes */
        int unit = (n == 2 || n == 3) && letters >= 1 && letters <= 2;
        if (n > 0 && !unit && push(list, n, i, j - i, 2)) return -1;
        i = j;
        continue;
      }
    }
    if (is_digit((char)c) && note_count && (i == 0 || !is_digit(text[i - 1]))) {
      size_t j = i;
      while (j < length && is_digit(text[j]) && j - i < 4) j++;
      if (j - i <= 3 && c != '0' && (j >= length || !is_digit(text[j])) &&
          ibid_glued_marker(text, length, i, j)) {
        long n = 0;
        for (size_t k = i; k < j; k++) n = n * 10 + (text[k] - '0');
        if (push(list, n, i, j - i, 1)) return -1;
      }
      while (j < length && is_digit(text[j])) j++;
      i = j;
      continue;
    }
    i++;
  }
  return 0;
}

typedef struct note_key {
  long n;
  size_t position;
  long index;
} note_key;

static int compare_keys(const void *a, const void *b) {
  const note_key *x = a, *y = b;
  if (x->n != y->n) return x->n < y->n ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* Links each candidate to the first note numbered like it after it. */
static int link(const ibid_note *notes, size_t note_count, candidate_list *list) {
  if (!note_count) return 0;
  note_key *keys = ibid_malloc(note_count * sizeof(note_key));
  if (!keys) return -1;
  for (size_t i = 0; i < note_count; i++) {
    keys[i].n = notes[i].n;
    keys[i].position = notes[i].label_start;
    keys[i].index = (long)i;
  }
  qsort(keys, note_count, sizeof(note_key), compare_keys);
  for (size_t c = 0; c < list->count; c++) {
    marker_candidate *item = &list->items[c];
    size_t low = 0, high = note_count;
    while (low < high) { /* first key >= (n, start) */
      size_t middle = low + (high - low) / 2;
      if (keys[middle].n < item->n ||
          (keys[middle].n == item->n && keys[middle].position < item->start))
        low = middle + 1;
      else
        high = middle;
    }
    if (low < note_count && keys[low].n == item->n) item->note = keys[low].index;
  }
  ibid_free(keys);
  return 0;
}

/* Sets keep[c] for the heaviest run of linked candidates whose notes
** strictly increase. Returns 0, or -1 when out of memory. */
static int best_run(candidate_list *list, size_t note_count, unsigned char *keep) {
  /* Fenwick tree over note indexes 1..note_count of (best score, candidate) */
  long *score = ibid_malloc((note_count + 1) * sizeof(long));
  long *who = ibid_malloc((note_count + 1) * sizeof(long));
  long *total = ibid_malloc((list->count ? list->count : 1) * sizeof(long));
  if (!score || !who || !total) {
    ibid_free(score);
    ibid_free(who);
    ibid_free(total);
    return -1;
  }
  for (size_t i = 0; i <= note_count; i++) score[i] = 0, who[i] = -1;
  long best = 0, best_at = -1;
  for (size_t c = 0; c < list->count; c++) {
    marker_candidate *item = &list->items[c];
    if (item->note < 0) continue;
    /* best run ending at a note index below this one */
    long prefix_score = 0, prefix_who = -1;
    for (size_t k = (size_t)item->note; k > 0; k -= k & (~k + 1)) {
      if (score[k] > prefix_score) prefix_score = score[k], prefix_who = who[k];
    }
    total[c] = prefix_score + item->weight;
    item->before = prefix_who;
    if (total[c] > best) best = total[c], best_at = (long)c;
    for (size_t k = (size_t)item->note + 1; k <= note_count; k += k & (~k + 1)) {
      if (total[c] > score[k]) score[k] = total[c], who[k] = (long)c;
    }
  }
  for (long at = best_at; at >= 0; at = list->items[at].before) keep[at] = 1;
  ibid_free(score);
  ibid_free(who);
  ibid_free(total);
  return 0;
}

int ibid_find_markers(const char *text, size_t length, const ibid_note *notes, size_t note_count,
                      ibid_marker **markers, size_t *count) {
  candidate_list list = {0};
  unsigned char *keep = NULL;
  *markers = NULL;
  *count = 0;
  if (collect(text, length, notes, note_count, &list) || link(notes, note_count, &list)) goto fail;
  keep = ibid_malloc(list.count ? list.count : 1);
  if (!keep) goto fail;
  memset(keep, 0, list.count ? list.count : 1);
  if (note_count) {
    if (best_run(&list, note_count, keep)) goto fail;
  } else {
    for (size_t c = 0; c < list.count; c++) keep[c] = 1; /* only strong ones were collected */
  }
  size_t kept = 0;
  for (size_t c = 0; c < list.count; c++) kept += keep[c];
  if (kept) {
    *markers = ibid_malloc(kept * sizeof(ibid_marker));
    if (!*markers) goto fail;
    for (size_t c = 0; c < list.count; c++) {
      if (!keep[c]) continue;
      ibid_marker *out = &(*markers)[(*count)++];
      out->n = list.items[c].n;
      out->start = list.items[c].start;
      out->length = list.items[c].length;
      out->note = list.items[c].note;
    }
  }
  ibid_free(list.items);
  ibid_free(keep);
  return 0;
fail:
  ibid_free(list.items);
  ibid_free(keep);
  ibid_free(*markers);
  *markers = NULL;
  *count = 0;
  return -1;
}
