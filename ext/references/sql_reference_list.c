/*
** sql_reference_list.c -- ibid_references(text): every reference-like item of
** a document, parsed and resolved.
**
**   SELECT note, item, text, resolves_to, locator, work_key
**   FROM ibid_references(readfile('tests/corpus/003_13113c39446ca1b6.txt'));
**
** Columns: note (the note number, NULL for a bibliography entry), item (1, 2 ...
** within the note, or within the bibliography), start, length, text (the
** citation itself, lead-ins such as "see" trimmed), csl (CSL-JSON from
** ibid_parse_reference; for an Ibid. or short form, the CSL of the full
** citation it stands for), resolves_to (for Ibid./short forms: the note that
** holds the full citation), locator ("p. 312"), work_key (ibid_work_key of
** csl: the same work gets the same key wherever it is cited).
**
** HOW IT WORKS
** Notes come from ibid_find_notes (notes.h), which already resolves a note's
** first citation; each note body is cut into citations by
** ibid_split_citations (references.h). An Ibid. stands for what the item
** before it cites (prose notes in between do not count); a short form later
** in a note is matched by the first words of its quoted title against the
** full citations seen so far (ibid_title_keys). Bibliography entries come
** from ibid_find_bibliography; an entry that is also a note which gave
** citation items is left out, so a numbered endnote list under a
** "References" heading is not listed twice. Every full citation is parsed
** once, and its work key made once: its Ibid. and short forms take both.
** For ibid_ingest, the numbered in-text citations (ibid_reference_links)
** are found from the same list and notes (ibid_find_reference_links_in).
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3

#include "csl.h"
#include "legal.h"
#include "memory.h"
#include "notes.h"
#include "references.h"
#include "refparse.h"
#include "shortform.h"
#include "sql_modules.h"

typedef struct reference_list_client {
  ibid_csl_folder *folder; /* ICU transliterator for work keys, one per connection */
} reference_list_client;

/* The full citations seen so far, in text order, so that Ibid. and short
** forms can carry the CSL (and so the work key) of what they stand for. */
typedef struct antecedent {
  long note;         /* note number holding the full citation */
  long item;         /* its item number within the note */
  size_t start, end; /* its text */
  char *csl;         /* its CSL-JSON (owned) */
  size_t csl_length;
  char *key; /* ibid_work_key of csl (owned), NULL when none: Ibid. rows take it as it is */
  size_t key_length;
  unsigned long long title_keys[IBID_TITLE_KEYS]; /* ibid_title_keys of its text */
  int title_words;
} antecedent;

typedef struct antecedents {
  antecedent *list;
  size_t count, capacity;
  long last_target; /* the note the latest item cites (its own or the one it stands for) */
  long last_item;   /* and the item of that note */
  size_t budget;    /* bytes the short-form searches may still read (shortform.h) */
} antecedents;

static int antecedents_push(antecedents *seen, long note, long item, char *csl, size_t csl_length,
                            char *key, size_t key_length, const char *text, size_t start,
                            size_t end) {
  if (seen->count == seen->capacity) {
    size_t capacity = seen->capacity ? seen->capacity * 2 : 32;
    antecedent *list = ibid_realloc(seen->list, capacity * sizeof(*list));
    if (!list) {
      ibid_free(csl);
      ibid_free(key);
      return SQLITE_NOMEM;
    }
    seen->list = list;
    seen->capacity = capacity;
  }
  seen->list[seen->count].note = note;
  seen->list[seen->count].item = item;
  seen->list[seen->count].start = start;
  seen->list[seen->count].end = end;
  seen->list[seen->count].csl = csl;
  seen->list[seen->count].csl_length = csl_length;
  seen->list[seen->count].key = key;
  seen->list[seen->count].key_length = key_length;
  seen->list[seen->count].title_words =
      ibid_title_keys(text, start, end, seen->list[seen->count].title_keys);
  seen->count++;
  return SQLITE_OK;
}

/* The full citation item `item` of note `note` (searching back a bounded
** distance: resolution targets are near, and long documents stay linear). */
static const antecedent *antecedents_find(const antecedents *seen, long note, long item) {
  for (size_t i = seen->count, steps = 0; i-- > 0 && steps < 4096; steps++)
    if (seen->list[i].note == note && seen->list[i].item == item) return &seen->list[i];
  return 0;
}

/* Does text[start..end) hold the word text[key..key+length)? */
static int holds_word(const char *text, size_t start, size_t end, size_t key, size_t length) {
  for (size_t i = start; length && i + length <= end; i++)
    if (memcmp(text + i, text + key, length) == 0) return 1;
  return 0;
}

/* Which full citation of note `note` a back reference means: the one naming
** its key word (the author "Roe" of "Roe (n 3) 12"), else -- for an Ibid. --
** the last one, else the first. Returns the item number, 0 when the note has
** no full citation. */
static long antecedents_item(const antecedents *seen, const char *text, long note, size_t key,
                             size_t key_length, int last) {
  long first = 0, latest = 0;
  for (size_t i = seen->count, steps = 0; i-- > 0 && steps < 4096; steps++) {
    const antecedent *a = &seen->list[i];
    if (a->note != note) {
      if (latest) break; /* a note's items are together */
      continue;
    }
    if (!latest) latest = a->item;
    first = a->item;
    if (key_length && holds_word(text, a->start, a->end, key, key_length)) return a->item;
  }
  return last ? latest : first;
}

/* The latest full citation whose quoted title starts with the words of the
** short form's quoted title ("Roe, ‘Norms and social change’"
** later in a note, which the note-level resolution does not cover). Returns
** its note number, or 0. Compares integer keys over a bounded distance. */
static long antecedents_find_title(const antecedents *seen, const char *text, size_t start,
                                   size_t end) {
  unsigned long long keys[IBID_TITLE_KEYS];
  int words = ibid_title_keys(text, start, end, keys);
  if (words == 0) return 0;
  for (size_t i = seen->count, steps = 0; i-- > 0 && steps < 4096; steps++)
    if (seen->list[i].title_words >= words &&
        seen->list[i].title_keys[words - 1] == keys[words - 1])
      return seen->list[i].note;
  return 0;
}

static void antecedents_free(antecedents *seen) {
  for (size_t i = 0; i < seen->count; i++) {
    ibid_free(seen->list[i].csl);
    ibid_free(seen->list[i].key);
  }
  ibid_free(seen->list);
}

static int is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A pinpoint at the end of an item: "p. 312", "pp. 322–6", or a bare "15". */
static void find_locator(const char *text, size_t start, size_t end, size_t *locator_start,
                         size_t *locator_length) {
  *locator_length = 0;
  while (end > start && (is_space_byte(text[end - 1]) || text[end - 1] == '.')) end--;
  for (size_t i = end; i-- > start;) {
    if ((text[i] == 'p' && i + 2 < end && text[i + 1] == '.' &&
         (i == start || text[i - 1] == ' ')) ||
        (text[i] == 'p' && i + 3 < end && text[i + 1] == 'p' && text[i + 2] == '.' &&
         (i == start || text[i - 1] == ' '))) {
      *locator_start = i;
      *locator_length = end - i;
      return;
    }
    if (text[i] == ',' || text[i] == ')' || text[i] == '(') break;
  }
  size_t digits = end;
  while (digits > start &&
         ((text[digits - 1] >= '0' && text[digits - 1] <= '9') || text[digits - 1] == '-'))
    digits--;
  if (digits < end && digits > start + 1 && text[digits - 1] == ' ' && text[digits - 2] == ',') {
    *locator_start = digits;
    *locator_length = end - digits;
  }
}

/* The value of the digits at text[i..) (at most 6), and where they end. */
static long digits_value(const char *text, size_t i, size_t end, size_t *after) {
  long value = 0;
  size_t start = i;
  while (i < end && i - start < 6 && text[i] >= '0' && text[i] <= '9')
    value = value * 10 + (text[i++] - '0');
  *after = i;
  return value;
}

/* The pinpoint that ends a full citation: ", p. 87", ", S. 44f.", "hier S.
** 212", "spéc. p. 305", ") 45", "), 45", "301–330, 310". A "pp." range, a
** "p."/"S." range of more than ten pages (the article's pages) and a bare
** year are not pinpoints. */
static void full_citation_locator(const char *text, size_t start, size_t end, size_t *locator_start,
                                  size_t *locator_length) {
  static const char *const prefixes[] = {"hier ", "spéc. ", "esp. ", "especially ", "here "};
  static const char *const words[] = {"p. ",    "S. ",   "s. ", "Rn. ",  "para ", "paras ",
                                      "para. ", "par. ", "at ", "col. ", "¶ ",    "§ "};
  *locator_length = 0;
  while (end > start && (is_space_byte(text[end - 1]) || text[end - 1] == '.')) end--;
  size_t cut = end;
  while (cut > start && text[cut - 1] != ',' && text[cut - 1] != ')' && text[cut - 1] != ';') cut--;
  if (cut == start) return;
  char before = text[cut - 1];
  size_t i = cut;
  while (i < end && is_space_byte(text[i])) i++;
  for (size_t k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++)
    if (end - i > strlen(prefixes[k]) && memcmp(text + i, prefixes[k], strlen(prefixes[k])) == 0)
      i += strlen(prefixes[k]);
  size_t number = i;
  int worded = 0;
  for (size_t k = 0; k < sizeof(words) / sizeof(words[0]) && !worded; k++)
    if (end - i > strlen(words[k]) && memcmp(text + i, words[k], strlen(words[k])) == 0) {
      number = i + strlen(words[k]);
      worded = 1;
    }
  if (number >= end || text[number] < '0' || text[number] > '9') return;
  size_t after;
  long first = digits_value(text, number, end, &after);
  long last = first;
  size_t dash = after < end && text[after] == '-' ? 1 : 0;
  if (after + 2 < end && (unsigned char)text[after] == 0xE2 &&
      (unsigned char)text[after + 1] == 0x80 &&
      ((unsigned char)text[after + 2] == 0x93 || (unsigned char)text[after + 2] == 0x94))
    dash = 3;
  if (dash) {
    size_t range_end;
    long second = digits_value(text, after + dash, end, &range_end);
    if (range_end == after + dash) return;
    /* "121–23": the second number gives the last digits */
    size_t digits = range_end - after - dash;
    long scale = 1;
    for (size_t d = 0; d < digits; d++) scale *= 10;
    last = second < first && digits < 6 ? first - first % scale + second : second;
    after = range_end;
  }
  if (after < end && text[after] == 'f') after++;
  if (after < end && text[after] == 'f') after++;
  if (after != end) return;
  if (dash && last - first > 10 && (worded || before != ',')) return;
  if (!worded && !dash && after - number == 4 && first >= 1600 && first <= 2099) return;
  if (!worded && before == ',' && !dash) {
    /* a bare ", 45" follows a parenthesis, a page range or a place of publication */
    size_t prior = cut - 1;
    while (prior > start && is_space_byte(text[prior - 1])) prior--;
    char c = prior > start ? text[prior - 1] : 0;
    if (!(c == ')' || (c >= '0' && c <= '9'))) return;
  }
  *locator_start = worded && (text[i] == 'a' && text[i + 1] == 't') ? number : i;
  *locator_length = end - *locator_start;
}

/* Parses a full citation: a legal citation field by field (legal.h), else the
** general reference parser. Sets the pinpoint. NULL when out of memory. */
static char *parse_full_citation(const char *text, size_t start, size_t length, size_t *csl_length,
                                 size_t *locator_start, size_t *locator_length) {
  ibid_legal_span pin;
  int failed = 0;
  char *csl = ibid_parse_legal_json(text + start, length, csl_length, &pin, &failed);
  if (failed) return NULL;
  if (csl) {
    *locator_start = pin.length ? start + pin.start : 0;
    *locator_length = pin.length;
    return csl;
  }
  full_citation_locator(text, start, start + length, locator_start, locator_length);
  return ibid_parse_reference_json(text + start, length, csl_length);
}

/* The work key of csl (ibid_malloc), NULL when it has none (or no folder);
** *rc set to SQLITE_NOMEM when out of memory. */
static char *work_key(reference_list_client *client, const char *csl, size_t length,
                      size_t *key_length, int *rc) {
  char *key = 0;
  *key_length = 0;
  if (!csl || !client->folder) return NULL;
  ibid_csl_status status = ibid_csl_work_key(client->folder, csl, length, &key, key_length);
  if (status == IBID_CSL_NO_MEMORY) *rc = SQLITE_NOMEM;
  if (status != IBID_CSL_OK) {
    ibid_free(key);
    return NULL;
  }
  return key;
}

/* One output row. csl and key (its work key, NULL when none) are borrowed;
** resolves_to 0 means NULL. */
static int add_row(ibid_rows *rows, long note, long item, size_t start, size_t length,
                   const char *csl, size_t csl_length, const char *key, size_t key_length,
                   long resolves_to, long resolves_item, size_t locator_start,
                   size_t locator_length) {
  int rc = note ? ibid_rows_int(rows, note) : ibid_rows_null(rows);
  if (rc == SQLITE_OK) rc = ibid_rows_int(rows, item);
  if (rc == SQLITE_OK) rc = ibid_rows_span(rows, start, length);
  if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, start, length);
  if (rc == SQLITE_OK) rc = ibid_rows_text(rows, csl, csl_length);
  if (rc == SQLITE_OK) rc = resolves_to ? ibid_rows_int(rows, resolves_to) : ibid_rows_null(rows);
  if (rc == SQLITE_OK)
    rc = resolves_to && resolves_item ? ibid_rows_int(rows, resolves_item) : ibid_rows_null(rows);
  if (rc == SQLITE_OK)
    rc = locator_length ? ibid_rows_slice(rows, locator_start, locator_length)
                        : ibid_rows_null(rows);
  if (rc == SQLITE_OK) rc = ibid_rows_text(rows, key, key_length);
  return rc;
}

static int author_member(const char *csl, size_t length, size_t *start, size_t *end);
static char *with_previous_author(char *csl, size_t *length, const char *author,
                                  size_t author_length);

/* The items of a note: the splitter's, with the note's own Ibid./short form
** (which ibid_notes resolved) first even when the splitter did not keep it. */
static int note_items(const char *text, const ibid_note *note, ibid_citation_item **items,
                      size_t *count) {
  if (ibid_split_citations(text, note->start, note->length, items, count)) return -1;
  if (!note->ibid_of || note->citation_end <= note->start) return 0;
  if (*count && (*items)[0].start < note->citation_end) return 0;
  ibid_citation_item *more = ibid_realloc(*items, (*count + 1) * sizeof(**items));
  if (!more) return -1;
  memmove(more + 1, more, *count * sizeof(*more));
  more[0].start = note->start;
  more[0].length = note->citation_end - note->start;
  more[0].form = IBID_CITATION_SHORT;
  *items = more;
  (*count)++;
  return 0;
}

/* Adds the citation items of notes[index]; *item_count says how many. Each
** item is resolved by ibid_resolve_citation (shortform.h), the resolver
** ibid_notes uses: the first item of a note takes the note's own ibid_of, so
** refs.resolves_to and notes.ibid_of never disagree; an Ibid. stands for
** what the item before it cites (for a first item: what the note before
** cited last). */
static int add_note_items(ibid_rows *rows, reference_list_client *client, const char *text,
                          const ibid_note *notes, size_t index, antecedents *seen,
                          size_t *item_count) {
  const ibid_note *note = &notes[index];
  ibid_citation_item *items = 0;
  size_t count = 0;
  if (note_items(text, note, &items, &count)) {
    ibid_free(items);
    return SQLITE_NOMEM;
  }
  *item_count = count;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    const ibid_citation_item *item = &items[k];
    size_t item_end = item->start + item->length;
    size_t locator_start = 0, locator_length = 0;
    ibid_back_reference back;
    if (ibid_resolve_citation(text, item->start, item_end, notes, index, &seen->budget, &back)) {
      rc = SQLITE_NOMEM;
      break;
    }
    long resolves_to = 0, resolves_item = 0;
    int form = back.kind;
    if (k == 0) {
      /* the note's own resolution, whatever the item's */
      form = note->ibid_of ? note->back_kind : IBID_BACK_NONE;
      resolves_to = note->ibid_of;
      /* an Ibid. or short form ibid_notes found nothing for: no antecedent */
      if (!note->ibid_of && item->form != IBID_CITATION_FULL) form = IBID_BACK_IBID;
      if (note->ibid_of) {
        locator_start = note->locator_start;
        locator_length = note->locator_length;
      }
    } else if (back.kind == IBID_BACK_IBID) {
      resolves_to = seen->last_target;
    } else if (back.kind != IBID_BACK_NONE) {
      resolves_to = back.note;
    } else if (item->form == IBID_CITATION_SHORT) {
      resolves_to = antecedents_find_title(seen, text, item->start, item_end);
      if (resolves_to) form = IBID_BACK_SHORT;
    }
    if (k > 0 && form != IBID_BACK_NONE) {
      locator_start = back.locator_start;
      locator_length = back.locator_length;
      if (!locator_length)
        find_locator(text, item->start, item_end, &locator_start, &locator_length);
    }
    if (form == IBID_BACK_NONE) {
      size_t csl_length = 0;
      char *csl = parse_full_citation(text, item->start, item->length, &csl_length, &locator_start,
                                      &locator_length);
      /* "Ders., Staat und Recht, Berlin 2012": the author of what the citation
      ** before cited (through its Ibid. or short form) */
      const antecedent *before =
          seen->last_item ? antecedents_find(seen, seen->last_target, seen->last_item) : 0;
      size_t member_start, member_end;
      if (csl && before && ibid_repeats_previous_author(text, item->start, item_end) &&
          author_member(before->csl, before->csl_length, &member_start, &member_end))
        csl = with_previous_author(csl, &csl_length, before->csl + member_start,
                                   member_end - member_start);
      if (!csl) {
        rc = SQLITE_NOMEM;
        break;
      }
      size_t key_length;
      char *key = work_key(client, csl, csl_length, &key_length, &rc);
      if (rc == SQLITE_OK)
        rc = add_row(rows, note->n, (long)k + 1, item->start, item->length, csl, csl_length, key,
                     key_length, 0, 0, locator_start, locator_length);
      seen->last_target = note->n;
      seen->last_item = (long)k + 1;
      if (rc == SQLITE_OK) {
        rc = antecedents_push(seen, note->n, (long)k + 1, csl, csl_length, key, key_length, text,
                              item->start, item_end);
      } else {
        ibid_free(csl);
        ibid_free(key);
      }
      continue;
    }
    if (resolves_to) {
      if (form == IBID_BACK_IBID && resolves_to == seen->last_target && seen->last_item)
        resolves_item = seen->last_item;
      else
        resolves_item = antecedents_item(seen, text, resolves_to, back.key_start, back.key_length,
                                         form == IBID_BACK_IBID);
      seen->last_target = resolves_to;
      seen->last_item = resolves_item;
    }
    const antecedent *full =
        resolves_to && resolves_item ? antecedents_find(seen, resolves_to, resolves_item) : 0;
    rc = add_row(rows, note->n, (long)k + 1, item->start, item->length, full ? full->csl : 0,
                 full ? full->csl_length : 0, full ? full->key : 0, full ? full->key_length : 0,
                 resolves_to, resolves_item, locator_start, locator_length);
  }
  ibid_free(items);
  return rc;
}

/* The span of the "author" member ("\"author\":[...]") of a CSL-JSON
** object as refparse writes it; 0 when it has none. Strings are skipped with
** their escapes, so a "]" inside a name does not end the array. */
static int author_member(const char *csl, size_t length, size_t *start, size_t *end) {
  static const char key[] = "\"author\":[";
  const size_t key_length = sizeof(key) - 1;
  int in_string = 0;
  size_t depth = 0;
  for (size_t i = 0; i < length; i++) {
    char c = csl[i];
    if (in_string) {
      if (c == '\\')
        i++;
      else if (c == '"')
        in_string = 0;
      continue;
    }
    if (depth == 1 && c == '"' && i + key_length <= length &&
        memcmp(csl + i, key, key_length) == 0) {
      size_t j = i + key_length, level = 1;
      int quoted = 0;
      for (; j < length && level; j++) {
        char d = csl[j];
        if (quoted) {
          if (d == '\\')
            j++;
          else if (d == '"')
            quoted = 0;
        } else if (d == '"') {
          quoted = 1;
        } else if (d == '[' || d == '{') {
          level++;
        } else if (d == ']' || d == '}') {
          level--;
        }
      }
      if (level) return 0;
      *start = i;
      *end = j;
      return 1;
    }
    if (c == '"')
      in_string = 1;
    else if (c == '{' || c == '[')
      depth++;
    else if (c == '}' || c == ']')
      depth--;
  }
  return 0;
}

/* An entry that opens with "—" or "ders." takes the author of the entry
** before it: csl's own author member (a stray "Ders") is replaced by the
** remembered one, or the remembered one is put first. Returns the new CSL
** (the old one freed) or NULL when out of memory. */
static char *with_previous_author(char *csl, size_t *length, const char *author,
                                  size_t author_length) {
  size_t start = 0, end = 0;
  if (!author_member(csl, *length, &start, &end)) {
    if (*length < 2 || csl[0] != '{') return csl;
    start = end = 1;
    author_length++; /* and a comma after it */
  }
  size_t size = *length - (end - start) + author_length;
  char *joined = ibid_malloc(size + 1);
  if (!joined) {
    ibid_free(csl);
    return 0;
  }
  memcpy(joined, csl, start);
  size_t n = start;
  int comma = start == end;
  memcpy(joined + n, author, author_length - (size_t)comma);
  n += author_length - (size_t)comma;
  if (comma) joined[n++] = csl[end] == '}' ? ' ' : ',';
  memcpy(joined + n, csl + end, *length - end);
  n += *length - end;
  joined[n] = 0;
  ibid_free(csl);
  *length = n;
  return joined;
}

/* Reference-list entries that are not already notes: a numbered endnote
** list under a "References" heading ("[1] Roe, Ann. ...") is given once,
** as notes -- unless the note gave no citation item (the splitter expects
** note-style citations; a list entry such as "[7] Ann Lee and Bo Kim. A
** title. Journal 3, 2009." is kept as an entry). Both lists are in text
** order, so one merge walk suffices. */
static int add_bibliography(ibid_rows *rows, reference_list_client *client, const char *text,
                            const ibid_bibliography_entry *entries, size_t count,
                            const ibid_note *notes, const unsigned char *cited, size_t note_count) {
  int rc = SQLITE_OK;
  long item = 0;
  size_t n = 0;
  char *author = 0; /* the previous entry's "author" member, for "—" and "ders." */
  size_t author_length = 0;
  ibid_progress *progress = ibid_rows_progress(rows);
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    /* each entry's bytes are work: an interrupt stops a long list between entries */
    if (ibid_progress_step(progress, entries[k].length + 1)) {
      rc = SQLITE_INTERRUPT;
      break;
    }
    size_t entry_end = entries[k].start + entries[k].length;
    while (n < note_count && notes[n].start + notes[n].length <= entries[k].start) n++;
    if (n < note_count && notes[n].label_start < entry_end && cited[n]) continue;
    item++;
    size_t csl_length = 0;
    /* legal material (a case, treaty, statute, resolution, UN/ICC document)
    ** is read field by field by legal.h; anything else by the general parser */
    int failed = 0;
    char *csl = ibid_parse_legal_entry_json(text + entries[k].start, entries[k].length, &csl_length,
                                            &failed);
    if (!csl && !failed)
      csl = ibid_parse_reference_json(text + entries[k].start, entries[k].length, &csl_length);
    if (csl && author && ibid_repeats_previous_author(text, entries[k].start, entry_end))
      csl = with_previous_author(csl, &csl_length, author, author_length);
    if (!csl) {
      rc = SQLITE_NOMEM;
      break;
    }
    size_t member_start, member_end;
    if (author_member(csl, csl_length, &member_start, &member_end)) {
      char *copy = ibid_malloc(member_end - member_start + 1);
      if (!copy) {
        ibid_free(csl);
        rc = SQLITE_NOMEM;
        break;
      }
      memcpy(copy, csl + member_start, member_end - member_start);
      ibid_free(author);
      author = copy;
      author_length = member_end - member_start;
    }
    size_t key_length;
    char *key = work_key(client, csl, csl_length, &key_length, &rc);
    if (rc == SQLITE_OK)
      rc = add_row(rows, 0, item, entries[k].start, entries[k].length, csl, csl_length, key,
                   key_length, 0, 0, 0, 0);
    ibid_free(key);
    ibid_free(csl);
  }
  ibid_free(author);
  return rc;
}

int ibid_rows_add_references(ibid_rows *rows, ibid_csl_folder *folder, const char *text,
                             size_t length, const ibid_note *notes, size_t count,
                             ibid_reference_link **links_out, size_t *link_count) {
  reference_list_client own = {folder}, *client = &own;
  antecedents seen = {0};
  seen.budget = ibid_resolve_budget(length);
  unsigned char *cited = ibid_malloc(count ? count : 1); /* whether note i gave items */
  int rc = cited ? SQLITE_OK : SQLITE_NOMEM;
  ibid_progress *progress = ibid_rows_progress(rows);
  for (size_t i = 0; i < count && rc == SQLITE_OK; i++) {
    /* each note's bytes are work: an interrupt stops a long document between notes */
    if (ibid_progress_step(progress, notes[i].length + 1)) {
      rc = SQLITE_INTERRUPT;
      break;
    }
    size_t items = 0;
    rc = add_note_items(rows, client, text, notes, i, &seen, &items);
    cited[i] = items > 0;
  }
  antecedents_free(&seen);
  ibid_bibliography_entry *entries = 0;
  size_t entry_count = 0;
  if (rc == SQLITE_OK && ibid_find_bibliography(text, length, &entries, &entry_count))
    rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK)
    rc = add_bibliography(rows, client, text, entries, entry_count, notes, cited, count);
  if (rc == SQLITE_OK && link_count) {
    /* the numbered in-text citations, from the same list and notes */
    ibid_reference_link *links = 0;
    if (ibid_find_reference_links_in(text, length, entries, entry_count, notes, count, 1, &links,
                                     link_count))
      rc = SQLITE_NOMEM;
    if (links_out && rc == SQLITE_OK)
      *links_out = links;
    else
      ibid_free(links);
  }
  ibid_free(entries);
  ibid_free(cited);
  return rc;
}

static int references_fill(ibid_rows *rows, const char *text, size_t length, void *pointer) {
  reference_list_client *client = pointer;
  ibid_note *notes = 0;
  size_t count = 0;
  if (ibid_find_notes(text, length, &notes, &count)) return SQLITE_NOMEM;
  int rc = ibid_rows_add_references(rows, client->folder, text, length, notes, count, NULL, NULL);
  ibid_free(notes);
  return rc;
}

/* ibid_reference_entries(text): the entries of the document's reference
** lists as cut by ibid_find_bibliography, numbered lists included (which
** ibid_references gives as notes): entry (1, 2 ...), start, length, text. */
static int entries_fill(ibid_rows *rows, const char *text, size_t length, void *pointer) {
  (void)pointer;
  ibid_bibliography_entry *entries = 0;
  size_t count = 0;
  if (ibid_find_bibliography(text, length, &entries, &count)) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    rc = ibid_rows_int(rows, (long)k + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, entries[k].start, entries[k].length);
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, entries[k].start, entries[k].length);
  }
  ibid_free(entries);
  return rc;
}

/* ibid_reference_links(text): each number of a bracketed in-text citation
** ("[12]", "[7, 8]", "[2-4]") and the entry of the numbered reference list it
** names: entry (its number), start, length (the group as printed),
** entry_start, entry_length, style ('bracket' or 'superscript', which
** covers superscript digits and digits glued on as copy-paste leaves them). */
static int links_fill(ibid_rows *rows, const char *text, size_t length, void *pointer) {
  (void)pointer;
  ibid_reference_link *links = 0;
  size_t count = 0;
  if (ibid_find_reference_links(text, length, &links, &count)) return SQLITE_NOMEM;
  int rc = SQLITE_OK;
  for (size_t k = 0; k < count && rc == SQLITE_OK; k++) {
    rc = ibid_rows_int(rows, links[k].label);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, links[k].start, links[k].length);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, links[k].entry_start, links[k].entry_length);
    if (rc == SQLITE_OK)
      rc = links[k].style == IBID_LINK_SUPERSCRIPT ? ibid_rows_text(rows, "superscript", 11)
                                                   : ibid_rows_text(rows, "bracket", 7);
  }
  ibid_free(links);
  return rc;
}

static void client_free(void *pointer) {
  reference_list_client *client = pointer;
  if (client) ibid_csl_folder_close(client->folder);
  ibid_free(client);
}

int ibid_register_reference_list(sqlite3 *db) {
  static const ibid_table_function definition = {
      .name = "ibid_references",
      .columns =
          "note, item, start, length, text, csl, resolves_to, resolves_item, locator, work_key",
      .column_count = 10,
      .fill = references_fill,
  };
  static const ibid_table_function entries = {
      .name = "ibid_reference_entries",
      .columns = "entry, start, length, text",
      .column_count = 4,
      .fill = entries_fill,
  };
  static const ibid_table_function links = {
      .name = "ibid_reference_links",
      .columns = "entry, start, length, entry_start, entry_length, style",
      .column_count = 6,
      .fill = links_fill,
  };
  int rc = ibid_register_table_function(db, &entries, 0, 0);
  if (rc == SQLITE_OK) rc = ibid_register_table_function(db, &links, 0, 0);
  if (rc != SQLITE_OK) return rc;
  reference_list_client *client = ibid_malloc(sizeof(*client));
  if (!client) return SQLITE_NOMEM;
  client->folder = ibid_csl_folder_open();
  return ibid_register_table_function(db, &definition, client, client_free);
}
