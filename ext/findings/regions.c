/*
** regions.c -- country names in several languages (see regions.h).
**
** HOW IT WORKS. ibid_regions_new asks ICU for every ISO 3166 country code
** (uloc_getISOCountries) and its display name in English, German, French and
** Spanish (uloc_getDisplayCountry), adds the short forms ICU writes in
** parentheses or after a dash ("Myanmar (Burma)", "Congo - Kinshasa") and a
** few common aliases ICU does not give ("Ivory Coast", "DR Congo", "Burma"),
** folds every name (lowercase ASCII, diacritics and apostrophes dropped, other
** punctuation one space, "the" dropped) and sorts them. A lookup folds the
** query the same way and binary-searches; ibid_region_at folds a short window
** of text once and narrows the sorted names byte by byte to those that begin
** with it, keeping the longest that ends at a word end (most words begin no
** name, and are told so after a byte or two). Before any of that, the
** text's first folded word (the second after "the") must be the first word
** of some name (a hash set of them): a name ends at a word end, so no other
** word can begin one; and, unless that word is a name of its own, the
** text's first two folded words must be the first two of some name (the same
** set holds a hash of each name's first two words); the window is folded
** only as far as the narrowing reads. A text that opens with an ASCII word
** of eight letters or fewer is told first, with no folding, whether that
** word is a name's first word: the names' first words of that kind are kept
** as 64-bit lanes (their bytes) in a set of their own (ibid_region_code
** asks it too: a name equal to the text begins with the text's first word).
** A second table, searched the same way (ibid_city_at), holds city names:
** the exemplar cities of ICU's time-zone IDs (add_cities).
*/
#include "regions.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "entities.h"
#include "memory.h"
#include "scan.h"
#include "utf8.h"

#define NAME_BYTES 64
#define WINDOW_BYTES 64

typedef struct region_name {
  char name[NAME_BYTES]; /* folded */
  char code[3];
} region_name;

typedef struct name_table {
  region_name *names; /* sorted by folded name */
  size_t count, capacity;
  /* the two- and three-letter beginnings of the names ("ke", "ken" of
  ** "kenya"), a bit per pair or triple of ASCII letters: a word that begins
  ** no name is told so before anything is folded */
  unsigned char pairs[26 * 26 / 8 + 1];
  unsigned char triples[26 * 26 * 26 / 8 + 1];
  /* the hashes of the names' first folded words ("democratic" of
  ** "democratic republic of the congo"), open addressing (0: empty): the
  ** text's first word must be one of them (see first_word_known) */
  uint32_t *firsts;
  size_t first_mask; /* capacity - 1 (a power of 2) */
  /* the names' first folded words of one to eight letters a-z, each as a
  ** lane (its bytes, zero past it), open addressing (0: empty): an ASCII
  ** word the text writes is looked up at once (see short_word_known) */
  uint64_t *lanes;
  size_t lane_mask;   /* capacity - 1 (a power of 2) */
  size_t starts[257]; /* starts[c]: the names whose first byte is below c (sorted: an index) */
} name_table;

static int is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

static void note_pairs(name_table *r) {
  memset(r->pairs, 0, sizeof(r->pairs));
  memset(r->triples, 0, sizeof(r->triples));
  for (size_t k = 0; k < r->count; k++) {
    const char *name = r->names[k].name;
    if (!is_ascii_lower(name[0]) || !is_ascii_lower(name[1])) continue;
    unsigned pair = (unsigned)(name[0] - 'a') * 26 + (unsigned)(name[1] - 'a');
    r->pairs[pair >> 3] |= (unsigned char)(1u << (pair & 7));
    if (!is_ascii_lower(name[2])) continue;
    unsigned triple = pair * 26 + (unsigned)(name[2] - 'a');
    r->triples[triple >> 3] |= (unsigned char)(1u << (triple & 7));
  }
}

/* 0 when the text at `at` opens with two or three ASCII letters that begin
** no name of r (folding keeps ASCII letters, lowercased, so no name can
** match there; a name ends at a word end, so a two-letter name cannot match
** before a third letter). */
static int may_begin_name(const name_table *r, const char *text, size_t length, size_t at) {
  char c[3] = {0, 0, 0};
  for (int k = 0; k < 3 && at + (size_t)k < length; k++) {
    c[k] = text[at + (size_t)k];
    if (c[k] >= 'A' && c[k] <= 'Z') c[k] = (char)(c[k] + 32);
  }
  if (!is_ascii_lower(c[0]) || !is_ascii_lower(c[1])) return 1;
  if (c[0] == 't' && c[1] == 'h') return 1; /* "The Gambia": "the " is skipped */
  unsigned pair = (unsigned)(c[0] - 'a') * 26 + (unsigned)(c[1] - 'a');
  if (!is_ascii_lower(c[2])) return (r->pairs[pair >> 3] >> (pair & 7)) & 1;
  unsigned triple = pair * 26 + (unsigned)(c[2] - 'a');
  return (r->triples[triple >> 3] >> (triple & 7)) & 1;
}

struct ibid_regions {
  name_table countries;         /* code: ISO 3166 alpha-2 */
  name_table cities;            /* the exemplar cities of ICU's time zones; code "" */
  ibid_entity_lexicon *lexicon; /* the entity finder's word lists (entities.h) */
};

/* Base letters of U+0100..U+017F (Latin Extended-A). */
static const char latin_extended_a[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSs"
    "S"
    "sSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* The folded letters of code point c appended to out; returns how many bytes
** (0: not a letter or digit, -1: dropped without a break, an apostrophe). */
static int fold_codepoint(uint32_t c, char out[3]) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c += 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out[0] = (char)c;
      return 1;
    }
    return 0;
  }
  if (c >= 0xC0 && c <= 0xFF) {
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuyts";
    if (c == 0xD7 || c == 0xF7) return 0;
    if (c == 0xDF) {
      out[0] = out[1] = 's';
      return 2;
    }
    if (c == 0xC6 || c == 0xE6) {
      out[0] = 'a';
      out[1] = 'e';
      return 2;
    }
    out[0] = latin1[(c - 0xC0) & 31];
    return 1;
  }
  if (c >= 0x100 && c <= 0x17F) {
    char base = latin_extended_a[c - 0x100];
    out[0] = base >= 'A' && base <= 'Z' ? (char)(base + 32) : base;
    return 1;
  }
  if (c < 0x2000 && c != 0xA0 && c != 0xAB && c != 0xBB && c != 0xB7) {
    /* other scripts: kept as they are (compared exactly) */
    return 3; /* the caller copies the bytes */
  }
  return 0;
}

/* A fold in progress (see fold_until): text[0, length) folded into out
** (capacity bytes with the NUL), map (optional) receiving, for each output
** byte, the end in text of the code point that produced it. */
typedef struct folder {
  const char *text;
  size_t length;
  char *out;
  size_t capacity;
  size_t *map;
  size_t p, n; /* bytes of text read, bytes of out written */
  int pending_space, done;
} folder;

/* Folds on until out holds at least `want` bytes or the text (or out) is
** done: a prefix folded so far is the prefix of the whole fold, so a reader
** can stop early. */
static void fold_until(folder *s, size_t want) {
  while (!s->done && s->n < want) {
    if (s->p >= s->length) {
      s->done = 1;
      break;
    }
    if (!s->pending_space) { /* a run of ASCII letters and digits (most text), as below */
      size_t limit = s->capacity - 1 < want ? s->capacity - 1 : want;
      size_t p = s->p, n = s->n;
      while (n < limit && p < s->length) {
        unsigned char b = (unsigned char)s->text[p];
        if (b >= 'A' && b <= 'Z') b += 32;
        if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) break;
        p++;
        if (s->map) s->map[n] = p;
        s->out[n++] = (char)b;
      }
      int moved = n != s->n;
      s->p = p;
      s->n = n;
      if (moved) continue; /* (the loop's tests again) */
    }
    uint32_t c = (unsigned char)s->text[s->p];
    size_t width = 1;
    char letters[3];
    int k;
    if (c < 0x80) { /* ASCII (most text): fold_codepoint's first case, without the calls */
      if (c >= 'A' && c <= 'Z') c += 32;
      k = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      letters[0] = (char)c;
    } else {
      width = ibid_utf8_decode(s->text, s->length, s->p, &c);
      k = fold_codepoint(c, letters);
    }
    if (k == 3) {
      size_t copy = width > 3 ? 3 : width; /* other scripts: compared by their bytes */
      memcpy(letters, s->text + s->p, copy);
      k = (int)copy;
    }
    s->p += width;
    if (k < 0) continue;
    if (k == 0) {
      s->pending_space = s->n > 0;
      continue;
    }
    if (s->pending_space) {
      if (s->n + 1 >= s->capacity) {
        s->done = 1;
        break;
      }
      if (s->map) s->map[s->n] = s->p - width;
      s->out[s->n++] = ' ';
      s->pending_space = 0;
    }
    if (s->n + (size_t)k >= s->capacity) {
      s->done = 1;
      break;
    }
    for (int i = 0; i < k; i++) {
      if (s->map) s->map[s->n] = s->p;
      s->out[s->n++] = letters[i];
    }
  }
}

/* Folds text[0, length) (see fold_until); returns the folded length. */
static size_t fold(const char *text, size_t length, char *out, size_t capacity, size_t *map) {
  folder s = {text, length, out, capacity, map, 0, 0, 0, 0};
  fold_until(&s, (size_t)-1);
  out[s.n] = 0;
  return s.n;
}

size_t ibid_region_fold(const char *text, size_t length, char *out, size_t capacity) {
  if (capacity == 0) return 0;
  size_t n = fold(text, length, out, capacity, NULL);
  if (n >= 4 && memcmp(out, "the ", 4) == 0) {
    memmove(out, out + 4, n - 3);
    n -= 4;
  }
  return n;
}

/* FNV-1a of a folded word, never 0 (0 marks an empty slot). */
static uint32_t first_hash(const char *word, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t k = 0; k < n; k++) h = (h ^ (unsigned char)word[k]) * 16777619u;
  return h ? h : 1;
}

/* The hash of a name's first two folded words (second 0: a name of one
** word), kept in the same set as the first words (a hash that collides
** with another only lets a text through to the full search); never 0. */
static uint32_t pair_hash(uint32_t first, uint32_t second) {
  uint32_t h = ((first ^ 0x5BD1E995u) * 0x9E3779B1u) ^ second;
  h = (h ^ (h >> 15)) * 0x2C1B3C6Du;
  h ^= h >> 13;
  return h ? h : 1;
}

static int first_known(const name_table *r, uint32_t h) {
  for (size_t slot = h & r->first_mask; r->firsts[slot]; slot = (slot + 1) & r->first_mask)
    if (r->firsts[slot] == h) return 1;
  return 0;
}

static size_t lane_slot(const name_table *r, uint64_t lane) {
  return (size_t)((lane * 0x9E3779B97F4A7C15ull) >> 40) & r->lane_mask;
}

/* Enters word[0, n) in r->lanes when it is one to eight letters a-z. */
static int add_lane(name_table *r, const char *word, size_t n) {
  if (n == 0 || n > 8) return 0;
  char bytes[8] = {0};
  for (size_t k = 0; k < n; k++) {
    if (!is_ascii_lower(word[k])) return 0;
    bytes[k] = word[k];
  }
  uint64_t lane = ibid_scan_load(bytes); /* as short_word_unknown reads it */
  size_t slot = lane_slot(r, lane);
  while (r->lanes[slot] && r->lanes[slot] != lane) slot = (slot + 1) & r->lane_mask;
  r->lanes[slot] = lane;
  return 0;
}

/* Fills r->firsts and r->lanes from the names (after they are all added). */
static int note_first_words(name_table *r) {
  for (size_t c = 0, k = 0; c <= 256; c++) {
    while (k < r->count && (unsigned char)r->names[k].name[0] < c) k++;
    r->starts[c] = k;
  }
  size_t capacity = 64;
  while (capacity < 4 * r->count + 2) capacity *= 2; /* two hashes a name, at most half full */
  r->firsts = ibid_malloc(capacity * sizeof(uint32_t));
  if (!r->firsts) return -1;
  memset(r->firsts, 0, capacity * sizeof(uint32_t));
  r->first_mask = capacity - 1;
  size_t lane_capacity = 64;
  while (lane_capacity < 2 * r->count + 2) lane_capacity *= 2; /* at most half full */
  r->lanes = ibid_malloc(lane_capacity * sizeof(uint64_t));
  if (!r->lanes) return -1;
  memset(r->lanes, 0, lane_capacity * sizeof(uint64_t));
  r->lane_mask = lane_capacity - 1;
  for (size_t k = 0; k < r->count; k++) {
    const char *name = r->names[k].name;
    const char *space = strchr(name, ' ');
    uint32_t first = first_hash(name, space ? (size_t)(space - name) : strlen(name)), second = 0;
    if (space) {
      const char *next = strchr(space + 1, ' ');
      second = first_hash(space + 1, next ? (size_t)(next - space - 1) : strlen(space + 1));
    }
    size_t first_length = space ? (size_t)(space - name) : strlen(name);
    if (add_lane(r, name, first_length)) return -1;
    uint32_t hashes[2] = {first, pair_hash(first, second)};
    for (int h = 0; h < 2; h++) {
      size_t slot = hashes[h] & r->first_mask;
      while (r->firsts[slot] && r->firsts[slot] != hashes[h]) slot = (slot + 1) & r->first_mask;
      r->firsts[slot] = hashes[h];
    }
  }
  return 0;
}

/* The folded word at text[*p] (after the code points that fold to nothing,
** as fold skips them), hashed; *p moves past it. Returns its length in
** folded bytes, 0 when there is none, or NAME_BYTES when it is longer than
** any name. */
static size_t folded_word(const char *text, size_t length, size_t *p, uint32_t *hash, char *start) {
  uint32_t h = 2166136261u;
  size_t n = 0;
  while (*p < length) {
    uint32_t c = (unsigned char)text[*p];
    if (c < 0x80) { /* ASCII, as fold_codepoint folds it */
      if (c >= 'A' && c <= 'Z') c += 32;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (n < 3) start[n] = (char)c;
        h = (h ^ c) * 16777619u;
        (*p)++;
        if (++n >= NAME_BYTES) return NAME_BYTES;
        continue;
      }
      if (n > 0) break; /* the word ends (*p stays at the break) */
      (*p)++;
      continue;
    }
    char letters[3];
    size_t width = ibid_utf8_decode(text, length, *p, &c);
    int k = fold_codepoint(c, letters);
    if (k == 3) {
      size_t copy = width > 3 ? 3 : width;
      memcpy(letters, text + *p, copy);
      k = (int)copy;
    }
    if (k == 0 && n > 0) break; /* the word ends (*p stays at the break) */
    *p += width;
    if (k <= 0) continue;
    for (int i = 0; i < k; i++) {
      if (n < 3) start[n] = letters[i];
      h = (h ^ (unsigned char)letters[i]) * 16777619u;
      n++;
    }
    if (n >= NAME_BYTES) return NAME_BYTES;
  }
  *hash = h ? h : 1;
  return n;
}

/* 0 when no name of r can begin at text[at]: a name that region_in_window
** finds ends at a word end of the text, so its first folded word is the
** text's first folded word (the second after "the", which it skips). */
static int first_word_known(const name_table *r, const char *text, size_t length, size_t at) {
  size_t p = at;
  uint32_t h;
  char start[3];
  size_t n = folded_word(text, length, &p, &h, start);
  if (n == 0 || n >= NAME_BYTES) return 0;
  if (!first_known(r, h)) {
    if (n != 3 || memcmp(start, "the", 3) != 0) return 0;
    n = folded_word(text, length, &p, &h, start);
    if (n == 0 || n >= NAME_BYTES || !first_known(r, h)) return 0;
  }
  /* The first word is a name's first word: a name of it alone, or one of
  ** two words or more whose first two are the text's next two. */
  if (first_known(r, pair_hash(h, 0))) return 1;
  uint32_t second;
  n = folded_word(text, length, &p, &second, start);
  return n > 0 && n < NAME_BYTES && first_known(r, pair_hash(h, second));
}

/* 1 when the text at `at` opens with an ASCII word of one to eight letters
** (then an ASCII byte that is no letter or digit, or the text's end) that
** is neither "the" nor the first folded word of a name of r: that word is
** the text's first folded word, so no name begins there (see
** first_word_known). 0 when it is, or when the text opens otherwise. */
static inline int short_word_unknown(const name_table *r, const char *text, size_t length,
                                     size_t at) {
  char bytes[9] = {0};
  const char *p = text + at;
  if (length - at < 9) { /* (at < length) */
    memcpy(bytes, p, length - at);
    p = bytes; /* NULs after the end: no letter, no digit */
  }
  uint64_t lower = ibid_scan_load(p) | IBID_SCAN_ONES * 0x20;
  uint64_t other =
      ~(ibid_scan_below(lower, 'z' + 1) & ~ibid_scan_below(lower, 'a')) & IBID_SCAN_HIGH;
  size_t n = other ? ibid_scan_first(other) : 8;
  if (n == 0) return 0;
  unsigned char after = (unsigned char)p[n];
  if (after >= 0x80 || (after >= '0' && after <= '9') || is_ascii_lower((char)(after | 0x20)))
    return 0; /* (a letter after eight) */
  uint64_t lane = n == 8 ? lower : lower & ((1ull << (8 * n)) - 1);
  static const char the[8] = "the"; /* "The Gambia": the second word decides */
  if (lane == ibid_scan_load(the)) return 0;
  for (size_t slot = lane_slot(r, lane); r->lanes[slot]; slot = (slot + 1) & r->lane_mask)
    if (r->lanes[slot] == lane) return 0;
  return 1;
}

static int add_name(name_table *r, const char *name, size_t length, const char *code) {
  if (r->count == r->capacity) {
    size_t capacity = r->capacity ? r->capacity * 2 : 1024;
    region_name *grown = ibid_realloc(r->names, capacity * sizeof(region_name));
    if (!grown) return -1;
    r->names = grown;
    r->capacity = capacity;
  }
  region_name *entry = &r->names[r->count];
  size_t n = ibid_region_fold(name, length, entry->name, sizeof(entry->name));
  if (n < 2) return 0;
  memcpy(entry->code, code, strlen(code) < 2 ? strlen(code) : 2);
  entry->code[strlen(code) < 2 ? strlen(code) : 2] = 0;
  r->count++;
  return 0;
}

/* A name and its short forms: "Myanmar (Burma)" -> also "Myanmar", "Burma";
** "Congo - Kinshasa" -> also "Congo-Kinshasa"; "Bosnia & Herzegovina" -> "...and...". */
static int add_with_forms(name_table *r, const char *name, const char *code) {
  size_t length = strlen(name);
  if (add_name(r, name, length, code)) return -1;
  const char *open = strchr(name, '(');
  if (open && open > name) {
    if (add_name(r, name, (size_t)(open - name), code)) return -1;
    const char *close = strchr(open, ')');
    if (close && close > open + 1 && add_name(r, open + 1, (size_t)(close - open - 1), code))
      return -1;
  }
  const char *amp = strchr(name, '&');
  if (amp) {
    char buffer[160];
    size_t before = (size_t)(amp - name);
    if (before + 5 + strlen(amp + 1) < sizeof(buffer)) {
      memcpy(buffer, name, before);
      memcpy(buffer + before, "and", 3);
      strcpy(buffer + before + 3, amp + 1);
      if (add_name(r, buffer, strlen(buffer), code)) return -1;
    }
  }
  return 0;
}

static int compare_names(const void *x, const void *y) {
  return strcmp(((const region_name *)x)->name, ((const region_name *)y)->name);
}

/* The exemplar cities of ICU's time-zone IDs ("Africa/Kampala" -> "Kampala",
** "America/Argentina/Buenos_Aires" -> "Buenos Aires"): only the IDs of the
** continents and oceans (not "Etc/", "US/", legacy "Australia/North"), none
** that is a country or territory name (those are countries), none of three
** letters or fewer, and none that is also a common word or a given name
** (the short list below: a city the text names is told by its name alone). */
static int add_cities(ibid_regions *regions) {
  static const char *const areas[] = {"Africa/", "America/", "Asia/",    "Atlantic/",
                                      "Europe/", "Indian/",  "Pacific/", "Australia/"};
  static const char *const common[] = {
      "North",    "South",      "East",     "West",       "Central",    "Easter",     "Midway",
      "Wake",     "Christmas",  "Resolute", "Phoenix",    "Center",     "Oral",       "Darwin",
      "Adelaide", "Sydney",     "Sofia",    "Victoria",   "Regina",     "Stanley",    "Hobart",
      "Lindeman", "Currie",     "Dawson",   "Johnston",   "Chatham",    "Wallis",     "Marengo",
      "Knox",     "Beulah",     "Vevay",    "Winamac",    "Monticello", "Petersburg", "Virgin",
      "Canberra", "Queensland", "Tasmania", "Yancowinna", "Truk",       "Yap",        "Norfolk",
      "Guam",     "Saipan",     "Thule",    "Casey",      "Davis",      "Mawson",     "Palmer"};
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration *zones = ucal_openTimeZones(&status);
  if (U_FAILURE(status) || !zones) return 0; /* no time-zone data: no cities */
  name_table *r = &regions->cities;
  const char *id;
  int32_t id_length;
  int rc = 0;
  while (rc == 0 && (status = U_ZERO_ERROR, id = uenum_next(zones, &id_length, &status)) != NULL &&
         U_SUCCESS(status)) {
    int area = 0;
    for (size_t k = 0; k < sizeof(areas) / sizeof(*areas) && !area; k++)
      area = strncmp(id, areas[k], strlen(areas[k])) == 0;
    const char *city = strrchr(id, '/');
    if (!area || !city) continue;
    /* "America/Argentina/Salta", but not "America/Indiana/Knox" */
    if (strchr(id, '/') != city && strncmp(id, "America/Argentina/", 18) != 0) continue;
    char name[NAME_BYTES];
    size_t n = 0;
    for (const char *c = city + 1; *c && n + 1 < sizeof(name); c++)
      name[n++] = *c == '_' ? ' ' : *c;
    name[n] = 0;
    if (n <= 3 || ibid_region_code(regions, name, n)) continue;
    int skip = 0;
    for (size_t k = 0; k < sizeof(common) / sizeof(*common) && !skip; k++)
      skip = strcmp(name, common[k]) == 0;
    if (!skip) rc = add_name(r, name, n, "");
  }
  uenum_close(zones);
  if (rc) return -1;
  if (r->count) qsort(r->names, r->count, sizeof(region_name), compare_names);
  note_pairs(r);
  return note_first_words(r);
}

ibid_regions *ibid_regions_new(void) {
  ibid_regions *regions = ibid_malloc(sizeof(*regions));
  if (!regions) return NULL;
  memset(regions, 0, sizeof(*regions));
  name_table *r = &regions->countries;
  static const char *const languages[] = {"en", "de", "fr", "es"};
  /* Names in common use that ICU does not list. */
  static const char *const aliases[][2] = {
      {"Ivory Coast", "CI"},
      {"Elfenbeinküste", "CI"},
      {"Costa de Marfil", "CI"},
      {"DR Congo", "CD"},
      {"DRC", "CD"},
      {"Democratic Republic of the Congo", "CD"},
      {"Democratic Republic of Congo", "CD"},
      {"Congo-Kinshasa", "CD"},
      {"Republic of the Congo", "CG"},
      {"Congo-Brazzaville", "CG"},
      {"Burma", "MM"},
      {"East Timor", "TL"},
      {"Swaziland", "SZ"},
      {"Cape Verde", "CV"},
      {"Czech Republic", "CZ"},
      {"Macedonia", "MK"},
      {"Britain", "GB"},
      {"Great Britain", "GB"},
      {"UK", "GB"},
      {"United States of America", "US"},
      {"USA", "US"},
      {"Turkey", "TR"},
      {"Türkiye", "TR"},
      {"Palestine", "PS"},
      {"Kosovo", "XK"},
      {"Bosnia", "BA"},
      {"Vatican", "VA"},
      {"Holy See", "VA"},
      {"South Korea", "KR"},
      {"North Korea", "KP"},
      {"Russian Federation", "RU"},
      {"Syrian Arab Republic", "SY"},
      {"Lao PDR", "LA"},
      {"Laos", "LA"},
  };
  for (size_t i = 0; i < sizeof(aliases) / sizeof(*aliases); i++)
    if (add_with_forms(r, aliases[i][0], aliases[i][1])) goto failed;
  for (const char *const *code = uloc_getISOCountries(); code && *code; code++) {
    char locale[8] = "und_";
    if (strlen(*code) != 2) continue;
    memcpy(locale + 4, *code, 3);
    for (size_t l = 0; l < sizeof(languages) / sizeof(*languages); l++) {
      UChar wide[128];
      UErrorCode status = U_ZERO_ERROR;
      int32_t n = uloc_getDisplayCountry(locale, languages[l], wide, 128, &status);
      if (U_FAILURE(status) || n <= 0 || n >= 128) continue;
      char name[400];
      int32_t bytes = 0;
      status = U_ZERO_ERROR;
      u_strToUTF8(name, (int32_t)sizeof(name) - 1, &bytes, wide, n, &status);
      if (U_FAILURE(status) || bytes <= 0 || bytes >= (int32_t)sizeof(name)) continue;
      name[bytes] = 0;
      if (strcmp(name, *code) == 0) continue; /* ICU knows no name: it echoes the code */
      if (add_with_forms(r, name, *code)) goto failed;
    }
  }
  if (r->count) qsort(r->names, r->count, sizeof(region_name), compare_names);
  note_pairs(r);
  if (note_first_words(r) || add_cities(regions)) goto failed;
  regions->lexicon = ibid_entity_lexicon_new();
  if (!regions->lexicon) goto failed;
  return regions;
failed:
  ibid_regions_free(regions);
  return NULL;
}

void ibid_regions_free(ibid_regions *regions) {
  if (!regions) return;
  ibid_free(regions->countries.names);
  ibid_free(regions->countries.firsts);
  ibid_free(regions->countries.lanes);
  ibid_free(regions->cities.names);
  ibid_free(regions->cities.firsts);
  ibid_free(regions->cities.lanes);
  ibid_entity_lexicon_free(regions->lexicon);
  ibid_free(regions);
}

const ibid_entity_lexicon *ibid_regions_entity_lexicon(const ibid_regions *regions) {
  return regions ? regions->lexicon : NULL;
}

static const char *find_folded(const name_table *r, const char *folded) {
  size_t low = 0, high = r->count;
  while (low < high) {
    size_t middle = (low + high) / 2;
    int c = strcmp(r->names[middle].name, folded);
    if (c == 0) return r->names[middle].code;
    if (c < 0)
      low = middle + 1;
    else
      high = middle;
  }
  return NULL;
}

const char *ibid_region_code(const ibid_regions *regions, const char *text, size_t length) {
  if (!regions || !regions->countries.count || length == 0 || length > 200) return NULL;
  /* the name's first word is the text's first folded word */
  if (short_word_unknown(&regions->countries, text, length, 0)) return NULL;
  char folded[NAME_BYTES];
  size_t n = ibid_region_fold(text, length, folded, sizeof(folded));
  if (n < 2) return NULL;
  return find_folded(&regions->countries, folded);
}

/* The names of [*low, *high) (which share their first `at` folded bytes)
** narrowed to those whose byte `at` is c. */
static void narrow(const name_table *r, size_t at, unsigned char c, size_t *low, size_t *high) {
  size_t lo = *low, hi = *high;
  if (at == 0 && lo == 0 && hi == r->count) { /* all the names: by their first byte */
    *low = r->starts[c];
    *high = r->starts[c + 1];
    return;
  }
  if (hi - lo <= 8) { /* a few names: read in order */
    while (lo < hi && (unsigned char)r->names[lo].name[at] < c) lo++;
    size_t first = lo;
    while (lo < hi && (unsigned char)r->names[lo].name[at] == c) lo++;
    *low = first;
    *high = lo;
    return;
  }
  while (lo < hi) { /* first name whose byte at is >= c */
    size_t middle = lo + (hi - lo) / 2;
    if ((unsigned char)r->names[middle].name[at] < c)
      lo = middle + 1;
    else
      hi = middle;
  }
  size_t first = lo;
  hi = *high;
  while (lo < hi) { /* first name whose byte at is > c */
    size_t middle = lo + (hi - lo) / 2;
    if ((unsigned char)r->names[middle].name[at] <= c)
      lo = middle + 1;
    else
      hi = middle;
  }
  *low = first;
  *high = lo;
}

/* ibid_region_at on a window of `window` bytes. Sets *exhausted when no name
** begins with the window's folded text, so that a longer window can find no
** other name. */
static size_t region_in_window(const name_table *regions, const char *text, size_t length,
                               size_t at, size_t window, const char **code, int *exhausted) {
  *exhausted = 0;
  while (window > 0 && at + window < length && ((unsigned char)text[at + window] & 0xC0) == 0x80)
    window--; /* whole code points only */
  char folded[WINDOW_BYTES + 8];
  size_t map[WINDOW_BYTES + 8];
  /* folded as far as the loop reads it: most windows are exhausted early */
  folder s = {text + at, window, folded, sizeof(folded), map, 0, 0, 0, 0};
  fold_until(&s, 4);
  size_t skip = 0;
  if (s.n >= 4 && memcmp(folded, "the ", 4) == 0) skip = 4;
  /* The names that begin with folded[skip, end), narrowed one byte at a
  ** time (they are sorted): a name can only end where some still begin so.
  ** The longest name that ends at a word end of the text wins. */
  size_t low = 0, high = regions->count, found = 0;
  for (size_t end = skip + 1;; end++) {
    if (s.n < end + 1)
      fold_until(&s, end + 8); /* folded[end] known (and a few more), or s.n is the whole fold's */
    size_t n = s.n;
    if (end > n) break;
    if (end - skip >= NAME_BYTES) break;
    narrow(regions, end - 1 - skip, (unsigned char)folded[end - 1], &low, &high);
    if (low >= high) {
      *exhausted = 1;
      break;
    }
    if (end <= skip + 1 || (end < n && folded[end] != ' ') || folded[end - 1] == ' ') continue;
    if (regions->names[low].name[end - skip] != 0) continue; /* the shortest sorts first */
    size_t source_end = at + map[end - 1];
    if (source_end < length) {
      uint32_t c;
      ibid_utf8_decode(text, length, source_end, &c);
      char letters[3];
      int k = fold_codepoint(c, letters);
      if (k > 0) continue; /* mid-word */
    }
    /* names[low] is folded[skip, end): its code, unless another name is the
    ** same (then the search's, as ibid_region_code finds it) */
    const char *name_code = regions->names[low].code;
    if (low + 1 < high && regions->names[low + 1].name[end - skip] == 0) {
      char saved = folded[end];
      folded[end] = 0;
      name_code = find_folded(regions, folded + skip);
      folded[end] = saved;
    }
    if (name_code) {
      *code = name_code;
      found = source_end - at;
    }
  }
  return found;
}

/* (at < length and regions->count > 0: the callers have told) */
static size_t name_at(const name_table *regions, const char *text, size_t length, size_t at,
                      const char **code) {
  *code = NULL;
  if (!may_begin_name(regions, text, length, at) || !first_word_known(regions, text, length, at))
    return 0;
  size_t window = length - at < WINDOW_BYTES ? length - at : WINDOW_BYTES;
  int exhausted = 0;
  return region_in_window(regions, text, length, at, window, code, &exhausted);
}

size_t ibid_region_at(const ibid_regions *regions, const char *text, size_t length, size_t at,
                      const char **code) {
  *code = NULL;
  /* (most words are told here, before name_at's calls) */
  if (!regions || !regions->countries.count || at >= length ||
      short_word_unknown(&regions->countries, text, length, at))
    return 0;
  return name_at(&regions->countries, text, length, at, code);
}

size_t ibid_city_at(const ibid_regions *regions, const char *text, size_t length, size_t at) {
  const char *code;
  if (!regions || !regions->cities.count || at >= length ||
      short_word_unknown(&regions->cities, text, length, at))
    return 0;
  return name_at(&regions->cities, text, length, at, &code);
}
