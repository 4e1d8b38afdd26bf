/*
** refparse.c -- one reference string to CSL-JSON (see refparse.h).
**
** The learned labeller (refmodel.c) decides which tokens are the author, the
** title, the journal and so on; everything here is deterministic clean-up of
** those runs: punctuation and field words ("pp.", "In:", "eds.") stripped,
** names split into family/given, dates to date-parts, volume and issue
** separated, lost page-range dashes repaired, URL/DOI normalised (a DOI or
** URL broken by PDF extraction glued back), arXiv identifiers kept out of the
** pages (the number), a report's number taken from its genre, document
** symbols and courts found, and the CSL type chosen from what was found.
** Some rules move labels first where the model is known to go wrong and the
** writing is unambiguous: a link is the URL, a Bluebook citation ("84 Wash.
** U. L. Rev. 777 (2006)") is volume, journal, page and year, names heading
** the reference up to "(eds)" are all editors, "p.14" is pages.
*/
#include "refparse.h"

#include <string.h>
#include <unicode/uchar.h>

#include "buffer.h"
#include "memory.h"
#include "refmodel.h"
#include "reftokens.h"
#include "scan.h"
#include "utf8.h"

/* ----- small text views -------------------------------------------------- */

typedef struct view {
  const char *s;
  size_t n;
} view;

static int is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static char lower(char c) {
  return is_upper(c) ? (char)(c + 32) : c;
}

/* Length of the punctuation character (ASCII or a curly quote, guillemet or
** dash) at the start of v, or 0. `set` lists the ASCII characters allowed:
** punctuation only (a letter or digit, most first bytes, is never a mark). */
static size_t leading_mark(view v, const char *set) {
  if (!v.n) return 0;
  unsigned char c = (unsigned char)v.s[0];
  if (is_alpha((char)c) || is_digit((char)c)) return 0;
  if (c < 0x80) return (c && strchr(set, c)) || is_space_byte((char)c) ? 1 : 0;
  if (c == 0xE2 && v.n >= 3 && (unsigned char)v.s[1] == 0x80) {
    unsigned char c2 = (unsigned char)v.s[2];
    if ((c2 >= 0x98 && c2 <= 0x9F) || (c2 >= 0x90 && c2 <= 0x95) || c2 == 0xA6) return 3;
  }
  if (c == 0xC2 && v.n >= 2 && ((unsigned char)v.s[1] == 0xAB || (unsigned char)v.s[1] == 0xBB))
    return 2;
  if (c == 0xC2 && v.n >= 2 && (unsigned char)v.s[1] == 0xA0) return 2;
  return 0;
}

/* The same for the last character of v. */
static size_t trailing_mark(view v, const char *set) {
  if (!v.n) return 0;
  unsigned char c = (unsigned char)v.s[v.n - 1];
  if (is_alpha((char)c) || is_digit((char)c)) return 0;
  if (c < 0x80) return (c && strchr(set, c)) || is_space_byte((char)c) ? 1 : 0;
  size_t start = v.n - 1;
  while (start > 0 && ((unsigned char)v.s[start] & 0xC0) == 0x80) start--;
  view tail = {v.s + start, v.n - start};
  size_t mark = leading_mark(tail, "");
  return mark == tail.n ? mark : 0;
}

static int count_byte(view v, char c) {
  int count = 0;
  for (size_t i = 0; i < v.n; i++) count += v.s[i] == c;
  return count;
}

/* Brackets opened minus closed in v, round and square. */
static void count_brackets(view v, int *round, int *square) {
  for (size_t i = 0; i < v.n; i++) {
    char c = v.s[i];
    *round += (c == '(') - (c == ')');
    *square += (c == '[') - (c == ']');
  }
}

/* Strips punctuation (the ASCII of `set`, curly quotes, dashes) and spaces
** from both ends; a bracket only when it is unbalanced inside the view, so
** "Vol. 3 (2)" keeps its parentheses. Brackets are counted only when an end
** is one (most views end in a word), and the counts are kept up to date as
** the ends move, so this is linear however many brackets there are. */
static view trim_set(view v, const char *set) {
  const view whole = v;
  int round = 0, square = 0, counted = 0;
  for (;;) {
    size_t k = leading_mark(v, set);
    if (!k && v.n && (v.s[0] == '(' || v.s[0] == '[')) {
      if (!counted) count_brackets(whole, &round, &square), counted = 1;
      if ((v.s[0] == '(' && round > 0) || (v.s[0] == '[' && square > 0)) {
        if (v.s[0] == '(')
          round--;
        else
          square--;
        k = 1;
      }
    }
    if (!k) break;
    v.s += k, v.n -= k;
  }
  for (;;) {
    size_t k = trailing_mark(v, set);
    char c = v.n ? v.s[v.n - 1] : 0;
    if (!k && (c == ')' || c == ']')) {
      if (!counted) count_brackets(whole, &round, &square), counted = 1;
      if ((c == ')' && round < 0) || (c == ']' && square < 0)) {
        if (c == ')')
          round++;
        else
          square++;
        k = 1;
      }
    }
    if (!k) break;
    v.n -= k;
  }
  return v;
}

static view trim(view v) {
  return trim_set(v, ",;:.-*/|");
}

/* Quotes too: for titles. */
static view trim_quotes(view v) {
  return trim_set(v, ",;:.-*/|\"'`");
}

/* Length of the first word of v (up to a space), or 0. */
static size_t first_word(view v) {
  size_t i = 0;
  while (i < v.n && !is_space_byte(v.s[i])) i++;
  return i;
}

/* Case-insensitive: is the word w (ASCII, without its trailing punctuation) one of list? */
/* One of . , : ; ( ) [ ] or the NUL byte. */
static int word_end_mark(char c) {
  switch (c) {
    case '.':
    case ',':
    case ':':
    case ';':
    case '(':
    case ')':
    case '[':
    case ']':
    case 0:
      return 1;
    default:
      return 0;
  }
}

/* The word of w as word_in compares it: without its trailing punctuation
** and leading brackets. */
static inline view word_core(view w) {
  /* (the NUL byte counts as punctuation, as in strchr) */
  while (w.n && word_end_mark(w.s[w.n - 1])) w.n--;
  while (w.n && (w.s[0] == '(' || w.s[0] == '[' || !w.s[0])) w.s++, w.n--;
  return w;
}

static int word_in(view w, const char *const *list) {
  w = word_core(w);
  if (!w.n) return 0; /* no list has an empty word */
  char first = lower(w.s[0]);
  for (size_t i = 0; list[i]; i++) {
    const char *entry = list[i];
    if (entry[0] != first) continue; /* cheap rejection */
    /* the same length and bytes: compared up to the entry's NUL (no strlen) */
    size_t k = 1;
    while (k < w.n && entry[k] && lower(w.s[k]) == entry[k]) k++;
    if (k == w.n && !entry[k]) return 1;
  }
  return 0;
}

/* Drops leading words of the list ("in", "pp", "vol") and trims. Only the
** moving end is looked at in the loop, so this stays linear. */
static view strip_leading_words(view v, const char *const *list) {
  for (;;) {
    size_t k;
    while ((k = leading_mark(v, ",;:.-*/|"))) v.s += k, v.n -= k;
    size_t n = first_word(v);
    if (!n || !word_in((view){v.s, n}, list)) return trim(v);
    v.s += n, v.n -= n;
  }
}

/* Drops trailing words of the list ("eds.", "(ed.)") and trims. */
static view strip_trailing_words(view v, const char *const *list) {
  for (;;) {
    size_t k;
    while ((k = trailing_mark(v, ",;:.-*/|"))) v.n -= k;
    size_t i = v.n;
    while (i > 0 && !is_space_byte(v.s[i - 1])) i--;
    if (i == v.n || !word_in((view){v.s + i, v.n - i}, list)) return trim(v);
    v.n = i;
  }
}

static int contains_ci(view v, const char *needle) {
  size_t n = strlen(needle);
  if (!n) return 1;
  /* lower(c) == first for c == first, and for its capital when first is a
  ** lower-case letter; never when first is a capital */
  char first = needle[0];
  if (is_upper(first)) return 0;
  char capital = first >= 'a' && first <= 'z' ? (char)(first - 32) : first;
  if (first >= 'a' && first <= 'z') {
    /* c | 0x20 is first only for first and its capital: one compare a byte */
    for (size_t i = 0; i + n <= v.n; i++) {
      if ((v.s[i] | 0x20) != first) continue;
      size_t k = 1;
      while (k < n && lower(v.s[i + k]) == needle[k]) k++;
      if (k == n) return 1;
    }
    return 0;
  }
  for (size_t i = 0; i + n <= v.n; i++) {
    if (v.s[i] != first && v.s[i] != capital) continue;
    size_t k = 1;
    while (k < n && lower(v.s[i + k]) == needle[k]) k++;
    if (k == n) return 1;
  }
  return 0;
}

/* ----- JSON output -------------------------------------------------------- */

/* The bytes of ibid_json_string and ibid_json_object_* (buffer.h), written
** straight into the buffer: one reserve a string instead of one an append. */

/* What ibid_json_string writes for bytes[0..length): quotes and escapes. */
static size_t json_string_size(const char *bytes, size_t length) {
  size_t size = length + 2;
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)bytes[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    size += c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' ? 1 : 5;
  }
  return size;
}

/* Writes it at o (room checked by the caller); returns the end. */
static char *json_string_put(char *o, const char *bytes, size_t length) {
  static const char hex[] = "0123456789abcdef";
  *o++ = '"';
  for (size_t i = 0; i < length; i++) {
    /* eight bytes at a time while none needs an escape (no byte below 0x20,
    ** no quote, no backslash: the word tests are exact for "any byte") */
    while (i + 8 <= length) {
      uint64_t w;
      memcpy(&w, bytes + i, 8);
      const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
      if ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
           ((backslash - ones) & ~backslash)) &
          highs)
        break;
      memcpy(o, &w, 8);
      o += 8, i += 8;
    }
    if (i >= length) break;
    unsigned char c = (unsigned char)bytes[i];
    if (c >= 0x20 && c != '"' && c != '\\') {
      *o++ = (char)c;
      continue;
    }
    *o++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *o++ = (char)c;
        break;
      case '\n':
        *o++ = 'n';
        break;
      case '\r':
        *o++ = 'r';
        break;
      case '\t':
        *o++ = 't';
        break;
      default:
        *o++ = 'u', *o++ = '0', *o++ = '0', *o++ = hex[c >> 4], *o++ = hex[c & 15];
    }
  }
  *o++ = '"';
  return o;
}

/* Room for `extra` more bytes (and the NUL): 0 after a failure, as
** ibid_buffer_reserve; most often there is room already. */
static inline int json_room(ibid_buffer *out, size_t extra) {
  if (!out->failed && out->length + extra + 1 <= out->capacity) return 1;
  return ibid_buffer_reserve(out, extra);
}

static inline void json_end(ibid_buffer *out, char *o) {
  out->length = (size_t)(o - out->data);
  out->data[out->length] = 0;
}

/* ibid_json_string */
static void json_string(ibid_buffer *out, const char *bytes, size_t length) {
  /* six bytes a byte at most; counted exactly when that might not fit */
  if (!json_room(out, length > 1024 || out->length + 6 * length + 3 > out->capacity
                          ? json_string_size(bytes, length)
                          : 6 * length + 2))
    return;
  json_end(out, json_string_put(out->data + out->length, bytes, length));
}

/* ibid_buffer_append of a string literal */
#define json_literal(out, literal) ibid_buffer_append((out), (literal), sizeof(literal) - 1)

static inline void json_char(ibid_buffer *out, char c) {
  if (!json_room(out, 1)) return;
  out->data[out->length++] = c;
  out->data[out->length] = 0;
}

/* ibid_buffer_append_int: the decimal digits, a minus first when negative */
static void json_int(ibid_buffer *out, long long value) {
  char digits[24], *end = digits + sizeof(digits), *at = end;
  unsigned long long magnitude =
      value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
  do *--at = (char)('0' + magnitude % 10);
  while (magnitude /= 10);
  if (value < 0) *--at = '-';
  ibid_buffer_append(out, at, (size_t)(end - at));
}

/* ibid_json_object_key */
static void json_key(ibid_json_object *object, const char *key) {
  if (object->members++) json_char(object->buffer, ',');
  json_string(object->buffer, key, strlen(key));
  json_char(object->buffer, ':');
}

/* ibid_json_object_string */
static void json_member(ibid_json_object *object, const char *key, const char *bytes,
                        size_t length) {
  json_key(object, key);
  json_string(object->buffer, bytes, length);
}

/* ----- the labelled fields ---------------------------------------------- */

/* Bytes in the one block of fields_collect, NUL-terminated. */
typedef struct label_text {
  char *data;
  size_t length;
} label_text;

typedef struct fields {
  label_text text[IBID_REFLABEL_COUNT]; /* segments of each label, joined by a space */
  label_text lowered;                   /* the whole reference, ASCII lower-cased */
  uint8_t pairs[512]; /* 1 for each hashed pair of adjacent bytes of `lowered` (see pair_bit) */
  view first_date;    /* the first date segment: the date of issue */
  view longest[IBID_REFLABEL_COUNT]; /* the longest segment of each label */
  int title_quoted;                  /* the title was in quotation marks */
} fields;

static int opening_quote(view t);
typedef struct date_parts {
  int year, month, day;
} date_parts;
static date_parts parse_date(view v);

/* The entry of fields.pairs for the adjacent bytes a, b. */
static unsigned pair_bit(char a, char b) {
  return ((unsigned char)a * 33u + (unsigned char)b) & 511u;
}

/*
** Fills f from the segments: the text of each label and the lower-cased
** reference all sit in one block (`room`, the caller's, when given; else
** allocated as *block, free with ibid_free): a label's segments joined by
** spaces never take more than their bytes and a space each. Returns 0, or
** -1 when memory ran out.
*/
static int fields_collect(fields *f, const char *text, size_t length,
                          const ibid_reference_segment *segments, size_t count, char **block,
                          char *room) {
  size_t need[IBID_REFLABEL_COUNT] = {0}, total = length + 1;
  for (size_t i = 0; i < count; i++) need[segments[i].label] += segments[i].length + 1;
  for (int l = 0; l < IBID_REFLABEL_COUNT; l++) total += need[l];
  char *at = room ? room : (*block = ibid_malloc(total));
  if (!at) return -1;
  f->lowered.data = at;
  /* lower-cased (sixteen bytes at a time where SSE2 is there: a signed
  ** compare leaves out the bytes 0x80 and above, as lower does), then the
  ** pairs of adjacent bytes noted (see pair_bit) */
  size_t k = 0;
#ifdef __SSE2__
  for (; k + 16 <= length; k += 16) {
    _mm_storeu_si128((__m128i *)(void *)(at + k), ibid_scan16_lower(ibid_scan16_load(text + k)));
  }
#endif
  for (; k < length; k++) at[k] = lower(text[k]);
  at[length] = 0;
  for (k = 1; k < length; k++)
    f->pairs[pair_bit(at[k - 1], at[k])] = 1; /* (a store, not a read and a write) */
  f->lowered.length = length;
  at += length + 1;
  for (int l = 0; l < IBID_REFLABEL_COUNT; l++)
    if (need[l]) f->text[l].data = at, at += need[l];
  for (size_t i = 0; i < count; i++) {
    if (segments[i].label == IBID_REFLABEL_TITLE && !f->text[IBID_REFLABEL_TITLE].length)
      f->title_quoted = opening_quote((view){text + segments[i].start, segments[i].length}) != 0;
    if (segments[i].length > f->longest[segments[i].label].n)
      f->longest[segments[i].label] = (view){text + segments[i].start, segments[i].length};
    if (segments[i].label == IBID_REFLABEL_DATE && !f->first_date.n) {
      /* The date of issue: the first date segment with a year; a day and
      ** month just before it in another segment ("1 | July 2008") join it. */
      view date = {text + segments[i].start, segments[i].length};
      if (parse_date(date).year) {
        if (i >= 2 && segments[i - 2].label == IBID_REFLABEL_DATE &&
            segments[i].start - segments[i - 2].start < 24)
          date = (view){text + segments[i - 2].start,
                        segments[i].start + segments[i].length - segments[i - 2].start};
        f->first_date = date;
      }
    }
    label_text *b = &f->text[segments[i].label];
    if (b->length) b->data[b->length++] = ' ';
    memcpy(b->data + b->length, text + segments[i].start, segments[i].length);
    b->length += segments[i].length;
    b->data[b->length] = 0;
  }
  return 0;
}

/* Does the whole reference contain `needle` (lower-case ASCII)? It is asked
** for some forty needles per reference; most are ruled out at once because a
** pair of their adjacent bytes never occurs in the text. */
static int whole_contains(const fields *f, const char *needle) {
  size_t n = strlen(needle), length = f->lowered.length;
  for (size_t i = 0; i + 1 < n; i++) {
    if (!f->pairs[pair_bit(needle[i], needle[i + 1])]) return 0;
  }
  const char *s = f->lowered.data, *at = s;
  while (length && (size_t)(s + length - at) >= n) {
    at = memchr(at, needle[0], (size_t)(s + length - at) - n + 1);
    if (!at) return 0;
    if (memcmp(at, needle, n) == 0) return 1;
    at++;
  }
  return 0;
}

static view field(const fields *f, int label) {
  view v = {f->text[label].data ? f->text[label].data : "", f->text[label].length};
  return v;
}

/* ----- names -------------------------------------------------------------- */

/* Words of an institution's name, by their first letter (word_in looks in
** one list only). */
static const char *const institution_a[] = {"agencia",  "agence",    "agency", "association",
                                            "assembly", "authority", NULL};
static const char *const institution_b[] = {"bundesministerium", "bank", "board", NULL};
static const char *const institution_c[] = {
    "comisión", "comité", "consejo", "conseil", "council",  "committee", "commission",
    "court",    "centre", "center",  "chamber", "congress", "coalition", NULL};
static const char *const institution_d[] = {"department", NULL};
static const char *const institution_f[] = {"fundación",  "fondation", "foundation",
                                            "federation", "forum",     NULL};
static const char *const institution_g[] = {"gobierno", "gouvernement", "government", "group",
                                            NULL};
static const char *const institution_i[] = {
    "instituto", "institut", "institute", "institution", "initiative", "international", NULL};
static const char *const institution_l[] = {"league", NULL};
static const char *const institution_m[] = {"ministerio", "ministère", "ministerium", "ministry",
                                            NULL};
static const char *const institution_n[] = {"naciones", "nations", "network", NULL};
static const char *const institution_o[] = {"organización", "organization", "organisation",
                                            "office", NULL};
static const char *const institution_p[] = {"programme",  "program", "parliament",
                                            "prosecutor", "project", NULL};
static const char *const institution_r[] = {"registry", NULL};
static const char *const institution_s[] = {
    "stiftung", "society", "secretariat", "service", "secretary-general", "senate", NULL};
static const char *const institution_t[] = {"tribunal", NULL};
static const char *const institution_u[] = {
    "university", "universidad", "université", "universität", "universitat", "union", "unit", NULL};
static const char *const institution_w[] = {"watch", NULL};
static const char *const institution_none[] = {NULL};
static const char *const *const institution_words[26] = {
    institution_a,    institution_b,    institution_c,    institution_d,    institution_none,
    institution_f,    institution_g,    institution_none, institution_i,    institution_none,
    institution_none, institution_l,    institution_m,    institution_n,    institution_o,
    institution_p,    institution_none, institution_r,    institution_s,    institution_t,
    institution_u,    institution_none, institution_w,    institution_none, institution_none,
    institution_none};

/* An initial: "C.", "JJ", "J.-P.", "OA" -- one to three capitals with dots/hyphens. */
static int is_initials_word(view w) {
  size_t capitals = 0;
  for (size_t i = 0; i < w.n; i++) {
    char c = w.s[i];
    if (is_upper(c))
      capitals++;
    else if (c != '.' && c != '-' && c != ',')
      return 0;
  }
  return capitals >= 1 && capitals <= 3;
}

/* Every word of v is an initial. */
static int all_initials(view v) {
  int words = 0;
  size_t i = 0;
  while (i < v.n) {
    while (i < v.n && is_space_byte(v.s[i])) i++;
    size_t start = i;
    while (i < v.n && !is_space_byte(v.s[i])) i++;
    if (i > start) {
      if (!is_initials_word((view){v.s + start, i - start})) return 0;
      words++;
    }
  }
  return words > 0;
}

static int word_count(view v) {
  int words = 0;
  for (size_t i = 0; i < v.n; i++)
    if (!is_space_byte(v.s[i]) && (i == 0 || is_space_byte(v.s[i - 1]))) words++;
  return words;
}

static int looks_institutional(view v) {
  size_t i = 0;
  while (i < v.n) {
    while (i < v.n && is_space_byte(v.s[i])) i++;
    size_t start = i;
    while (i < v.n && !is_space_byte(v.s[i])) i++;
    if (i == start) continue;
    view w = word_core((view){v.s + start, i - start});
    char first = w.n ? lower(w.s[0]) : 0;
    if (first >= 'a' && first <= 'z' && word_in(w, institution_words[first - 'a'])) return 1;
  }
  return 0;
}

typedef struct name_writer {
  ibid_buffer *out;
  int names;
} name_writer;

static void name_begin(name_writer *w) {
  if (w->names++) json_char(w->out, ',');
  json_char(w->out, '{');
}

static void write_literal(name_writer *w, view v) {
  v = trim(v);
  if (!v.n) return;
  name_begin(w);
  json_literal(w->out, "\"literal\":");
  json_string(w->out, v.s, v.n);
  json_char(w->out, '}');
}

static void write_family_given(name_writer *w, view family, view given) {
  family = trim(family);
  given = trim(given);
  /* Given names keep the period of a final initial ("C."). The views point
  ** into the NUL-terminated name buffer, so the byte after is readable. */
  if (given.n && given.s[given.n] == '.' && is_upper(given.s[given.n - 1])) given.n++;
  if (!family.n && !given.n) return;
  if (!family.n) family = given, given.n = 0;
  name_begin(w);
  json_literal(w->out, "\"family\":");
  json_string(w->out, family.s, family.n);
  if (given.n) {
    json_literal(w->out, ",\"given\":");
    json_string(w->out, given.s, given.n);
  }
  json_char(w->out, '}');
}

/* One name in natural order ("W. E. Howard", "Pérez-Higueras JJ", "Heidegger M."). */
static void write_natural_name(name_writer *w, view v) {
  v = trim(v);
  if (!v.n) return;
  size_t last = v.n;
  while (last > 0 && !is_space_byte(v.s[last - 1])) last--;
  view tail = {v.s + last, v.n - last};
  if (last == 0) {
    write_family_given(w, v, (view){v.s, 0});
    return;
  }
  view head = {v.s, last};
  /* "Surname AB" / "Surname A.": initials after the surname. */
  if (is_initials_word(tail) && !all_initials(head)) {
    size_t start = 0;
    while (start < head.n && !is_space_byte(head.s[start])) start++;
    /* Several trailing initials: "Smith J. R." */
    view family = {head.s, start};
    view given = {head.s + start, v.n - start};
    if (all_initials(trim(given))) {
      write_family_given(w, family, given);
      return;
    }
    write_family_given(w, head, tail);
    return;
  }
  /* Particles ("van", "de la") belong to the family name. */
  size_t family_start = last;
  for (;;) {
    size_t previous_end = family_start;
    while (previous_end > 0 && is_space_byte(v.s[previous_end - 1])) previous_end--;
    size_t previous_start = previous_end;
    while (previous_start > 0 && !is_space_byte(v.s[previous_start - 1])) previous_start--;
    if (previous_start == 0 || previous_end == previous_start) break;
    char c = v.s[previous_start];
    if (!(c >= 'a' && c <= 'z')) break;
    family_start = previous_start;
  }
  write_family_given(w, (view){v.s + family_start, v.n - family_start}, (view){v.s, family_start});
}

/* Splits a name list on ";", ",", " and ", "&" into chunks. */
#define MAX_CHUNKS 64
static size_t split_names(view v, view *chunks) {
  size_t count = 0, start = 0;
  for (size_t i = 0; i <= v.n && count < MAX_CHUNKS; i++) {
    size_t skip = 0;
    if (i == v.n || v.s[i] == ';' || v.s[i] == ',' || v.s[i] == '&') skip = 1;
    /* "Bergmann, Horst/Lindner, Petra": a slash between names */
    else if (v.s[i] == '/' && i > 0 && i + 1 < v.n && !is_space_byte(v.s[i - 1]) &&
             !is_digit(v.s[i - 1]) && !is_space_byte(v.s[i + 1]) && !is_digit(v.s[i + 1]))
      skip = 1;
    else if (i + 5 <= v.n && is_space_byte(v.s[i]) && lower(v.s[i + 1]) == 'a' &&
             lower(v.s[i + 2]) == 'n' && lower(v.s[i + 3]) == 'd' && is_space_byte(v.s[i + 4]))
      skip = 4;
    else if (i + 4 <= v.n && is_space_byte(v.s[i]) && v.s[i + 1] == 'u' && v.s[i + 2] == 'n' &&
             v.s[i + 3] == 'd' && i + 4 < v.n && is_space_byte(v.s[i + 4]))
      skip = 4;
    if (!skip) continue;
    view chunk = trim((view){v.s + start, i - start});
    if (chunk.n) chunks[count++] = chunk;
    start = i + skip;
    i = start - 1;
  }
  return count;
}

static const char *const name_noise[] = {
    "et",  "al",     "al.",    "eds",        "ed",    "edited", "by",     "in",
    "in:", "trans",  "transl", "translated", "hrsg",  "hg",     "editor", "editors",
    "éd",  "(eds.)", "dir",    "comp",       "coord", "others", NULL};

/* Whether a word starting with c (as word_core leaves it) may be in
** name_noise: the first bytes of its entries, lower-cased. */
static int name_noise_first(char c) {
  switch (lower(c)) {
    case 'a':
    case 'b':
    case 'c':
    case 'd':
    case 'e':
    case 'h':
    case 'i':
    case 'o':
    case 't':
    case '(':
    case '\xc3':
      return 1;
    default:
      return 0;
  }
}

/* "Pedro Gómez y Elena Ruiz", "Jean Dupont et Marie Martin": the "and" word
** at [start, end) of a list of names in natural order (no comma at all)
** stands between a capitalised word and a capitalised name. */
static int natural_and(view v, size_t start, size_t end) {
  if (memchr(v.s, ',', v.n) || start < 2) return 0;
  size_t before = start - 1;
  while (before > 0 && is_space_byte(v.s[before])) before--;
  size_t word = before;
  while (word > 0 && !is_space_byte(v.s[word - 1])) word--;
  size_t next = end;
  while (next < v.n && is_space_byte(v.s[next])) next++;
  unsigned char first = (unsigned char)v.s[word], after = next < v.n ? (unsigned char)v.s[next] : 0;
  /* capitals, or a non-ASCII letter ("Élodie") */
  return (is_upper((char)first) || first >= 0xC3) && (is_upper((char)after) || after >= 0xC3);
}

/* "Drake AL", "Leufkens HG", "Tsingou E": one to three capitals right after
** a family name (a word that no mark ends, not itself a noise word) are
** its initials, not "al", "Hg." or "e" ("SMITH J, ET AL" stays noise). */
static int capital_initials(view core, view previous) {
  if (!core.n || core.n > 3 || !previous.n || strchr(",.;:", previous.s[previous.n - 1])) return 0;
  for (size_t k = 0; k < core.n; k++)
    if (!is_upper(core.s[k])) return 0;
  return !word_in(previous, name_noise);
}

/* Removes "et al.", "(eds.)", "edited by", "In:" wherever they stand. */
static void clean_name_list(view v, ibid_buffer *out) {
  size_t i = 0;
  view previous = {v.s, 0};
  while (i < v.n) {
    size_t start = i;
    while (i < v.n && !is_space_byte(v.s[i])) i++;
    view w = {v.s + start, i - start};
    view core = w;
    while (core.n && strchr(",;.", core.s[core.n - 1])) core.n--;
    /* "Blanchard, Marie et Duval", "García, L. y Torres": "and" in French,
       Spanish, Italian between inverted names (not "et al.", nor inside
       "Comisión Tripartita y Universidad del Rosario") */
    if (core.n && !is_upper(core.s[0]) &&
        (word_in(core, (const char *const[]){"et", "y", "e", NULL})) && core.n == w.n &&
        out->length && i < v.n &&
        (memchr(out->data, ',', out->length) || natural_and(v, start, i))) {
      size_t next = i;
      while (next < v.n && is_space_byte(v.s[next])) next++;
      if (!(next + 2 <= v.n && v.s[next] == 'a' && v.s[next + 1] == 'l')) {
        ibid_buffer_append_char(out, ',');
        while (i < v.n && is_space_byte(v.s[i])) i++;
        continue;
      }
    }
    view noise = word_core(core);
    if (!noise.n || !name_noise_first(noise.s[0]) || !word_in(core, name_noise) ||
        capital_initials(core, previous)) {
      if (out->length) ibid_buffer_append_char(out, ' ');
      ibid_buffer_append(out, w.s, w.n);
    } else if (w.n && w.s[w.n - 1] == ',' && out->length) {
      ibid_buffer_append_char(out, ',');
    }
    previous = w;
    while (i < v.n && is_space_byte(v.s[i])) i++;
  }
}

/* A family name with its particles: "Van Schaack", "de Waal", "von der Leyen". */
static int particle_family(view c) {
  static const char *const particles[] = {"van", "von", "de", "der", "den", "del", "della", "di",
                                          "da",  "du",  "le", "la",  "ter", "ten", "zu",    "vom",
                                          "dos", "das", "do", "des", "al",  NULL};
  size_t words = word_count(c);
  if (words < 2 || words > 4) return 0;
  size_t i = 0, seen = 0;
  while (i < c.n && seen + 1 < words) {
    while (i < c.n && is_space_byte(c.s[i])) i++;
    size_t start = i;
    while (i < c.n && !is_space_byte(c.s[i])) i++;
    if (!word_in((view){c.s + start, i - start}, particles)) return 0;
    seen++;
  }
  return 1;
}

static void write_names(ibid_json_object *object, const char *key, view raw) {
  ibid_buffer cleaned;
  ibid_buffer_init(&cleaned);
  ibid_buffer_reserve(&cleaned, raw.n + 16); /* one allocation, mostly */
  clean_name_list(raw, &cleaned);
  view v = trim((view){cleaned.data ? cleaned.data : "", cleaned.length});
  if (!v.n || cleaned.failed) {
    ibid_buffer_free(&cleaned);
    return;
  }
  json_key(object, key);
  json_char(object->buffer, '[');
  name_writer w = {object->buffer, 0};
  view chunks[MAX_CHUNKS];
  size_t count = split_names(v, chunks);
  if (looks_institutional(v) && !memchr(v.s, ';', v.n)) {
    write_literal(&w, v);
  } else {
    int inverted = 0; /* the previous name was "Family, Given" */
    for (size_t i = 0; i < count; i++) {
      view c = chunks[i];
      int has_next = i + 1 < count;
      if (has_next && all_initials(chunks[i + 1]) && !all_initials(c) && word_count(c) <= 3) {
        write_family_given(&w, c, chunks[i + 1]);
        i++;
        inverted = 1;
      } else if (has_next && (word_count(c) == 1 || particle_family(c)) && (i == 0 || inverted) &&
                 word_count(chunks[i + 1]) <= 3 && !all_initials(c)) {
        write_family_given(&w, c, chunks[i + 1]);
        i++;
        inverted = 1;
      } else if (looks_institutional(c) && word_count(c) >= 2) {
        write_literal(&w, c);
      } else {
        write_natural_name(&w, c);
      }
    }
  }
  json_char(object->buffer, ']');
  ibid_buffer_free(&cleaned);
}

/* ----- dates ---------------------------------------------------------------- */

static int month_number(view w) {
  static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.n < 3) return 0;
  for (int m = 0; m < 12; m++)
    if (lower(w.s[0]) == names[m][0] && lower(w.s[1]) == names[m][1] &&
        lower(w.s[2]) == names[m][2]) {
      /* Either the abbreviation or the full English name, nothing longer. */
      static const char *const full[] = {"january",   "february", "march",    "april",
                                         "may",       "june",     "july",     "august",
                                         "september", "october",  "november", "december"};
      size_t n = 0;
      while (n < w.n && is_alpha(w.s[n])) n++;
      if (n == 3 || (n == 4 && m == 8) || (n == strlen(full[m]) && contains_ci(w, full[m])))
        return m + 1;
      return 0;
    }
  return 0;
}

/*
** Year (the first 4-digit number 1500-2099), month (an English name or its
** abbreviation, standing as a word of its own) and day (a number 1-31 right
** before or after the month: "16 April 2016", "Oct. 28, 2020").
*/
static date_parts parse_date(view v) {
  date_parts d = {0, 0, 0};
  int previous_number = 0; /* the word just before was a number 1-31 */
  int previous_month = 0;  /* the word just before was the month */
  size_t i = 0;
  while (i < v.n) {
    while (i < v.n && !is_alpha(v.s[i]) && !is_digit(v.s[i])) i++;
    size_t start = i;
    if (i < v.n && is_digit(v.s[i])) {
      while (i < v.n && is_digit(v.s[i])) i++;
      size_t n = i - start;
      int value = 0;
      for (size_t k = start; k < i && k < start + 6; k++) value = value * 10 + v.s[k] - '0';
      int day_like = n <= 2 && value >= 1 && value <= 31;
      if (n == 4 && value >= 1500 && value <= 2099 && !d.year) d.year = value;
      if (day_like && previous_month && !d.day) d.day = value;
      previous_number = day_like ? value : 0;
      previous_month = 0;
    } else {
      while (i < v.n && (is_alpha(v.s[i]) || (unsigned char)v.s[i] >= 0x80)) i++;
      int m = month_number((view){v.s + start, i - start});
      /* A month is a word of its own: not "Dec" of "Assembly/AU/Dec.221". */
      if (start > 0 && (is_alpha(v.s[start - 1]) || v.s[start - 1] == '/')) m = 0;
      if (i + 1 < v.n && v.s[i] == '.' && is_digit(v.s[i + 1])) m = 0;
      if (m && !d.month) {
        d.month = m;
        if (previous_number && !d.day) d.day = previous_number;
        previous_month = 1;
      } else {
        previous_month = 0;
      }
      previous_number = 0;
    }
    if (i == start) i++;
  }
  if (!d.year) d.month = d.day = 0;
  if (!d.month) d.day = 0;
  return d;
}

static void write_date(ibid_json_object *object, const char *key, view v) {
  v = trim(v);
  if (!v.n) return;
  date_parts d = parse_date(v);
  json_key(object, key);
  if (!d.year) {
    /* "(n.d.)", "(o. J.)": the words, not their brackets */
    if (v.n > 2 &&
        ((v.s[0] == '(' && v.s[v.n - 1] == ')') || (v.s[0] == '[' && v.s[v.n - 1] == ']')))
      v = (view){v.s + 1, v.n - 2};
    json_literal(object->buffer, "{\"literal\":");
    json_string(object->buffer, v.s, v.n);
    json_char(object->buffer, '}');
    return;
  }
  json_literal(object->buffer, "{\"date-parts\":[[");
  json_int(object->buffer, d.year);
  if (d.month) {
    json_char(object->buffer, ',');
    json_int(object->buffer, d.month);
  }
  if (d.day) {
    json_char(object->buffer, ',');
    json_int(object->buffer, d.day);
  }
  json_literal(object->buffer, "]]}");
}

/* ----- pages --------------------------------------------------------------- */

static const char *const page_words[] = {"pp", "p",     "pages",  "page", "pgs",  "pg",
                                         "s",  "seite", "seiten", "pág",  "págs", "pag",
                                         "at", "para",  "paras",  NULL};

/*
** A page range whose dash was lost in copying ("pp. 443469"): a split of the
** digits into start and end where the end is after the start. A split whose
** range is short (at most 100 pages: "443-469", "90-91", "96-102") wins when
** it is the only one; otherwise the only split into equal halves
** ("100-450"). Returns 1 after writing the range, 0 when no split or several
** qualify (the caller keeps the digits and flags them as ambiguous).
*/
static int repair_page_range(view digits, ibid_buffer *out) {
  if (digits.n < 4 || digits.n > 12) return 0; /* "pp. 254" is one page */
  size_t short_split = 0, short_count = 0, equal_split = 0;
  for (size_t k = 1; k < digits.n; k++) {
    if (digits.s[0] == '0' || digits.s[k] == '0') continue;
    long long first = 0, last = 0;
    for (size_t i = 0; i < k; i++) first = first * 10 + (digits.s[i] - '0');
    for (size_t i = k; i < digits.n; i++) last = last * 10 + (digits.s[i] - '0');
    if (last <= first) continue;
    if (last - first <= 100) short_split = k, short_count++;
    if (k * 2 == digits.n) equal_split = k;
  }
  size_t k = short_count == 1 ? short_split : short_count == 0 ? equal_split : 0;
  if (!k) return 0;
  ibid_buffer_append(out, digits.s, k);
  ibid_buffer_append_char(out, '-');
  ibid_buffer_append(out, digits.s + k, digits.n - k);
  return 1;
}

static void write_pages(ibid_json_object *object, view raw) {
  view v = trim(raw);
  int plural = v.n >= 2 && lower(v.s[0]) == 'p' && lower(v.s[1]) == 'p';
  v = strip_trailing_words(strip_leading_words(v, page_words), page_words);
  /* "pp.3-28", "p.12": the abbreviation glued to the number. */
  if (v.n >= 2 && lower(v.s[0]) == 'p') {
    size_t k = 1;
    if (k < v.n && lower(v.s[k]) == 'p') k++;
    if (k < v.n && v.s[k] == '.') k++;
    if (k < v.n && is_digit(v.s[k])) v.s += k, v.n -= k;
  }
  if (!v.n) return;
  ibid_buffer pages;
  ibid_buffer_init(&pages);
  int all_digits = 1;
  for (size_t i = 0; i < v.n; i++) all_digits &= is_digit(v.s[i]);
  int ambiguous = 0;
  if (plural && all_digits) {
    if (!repair_page_range(v, &pages)) ambiguous = 1;
  }
  if (!pages.length) {
    /* Dashes of every kind become a hyphen. */
    for (size_t i = 0; i < v.n; i++) {
      unsigned char c = (unsigned char)v.s[i];
      if (c == 0xE2 && i + 2 < v.n && (unsigned char)v.s[i + 1] == 0x80 &&
          (unsigned char)v.s[i + 2] >= 0x90 && (unsigned char)v.s[i + 2] <= 0x95) {
        ibid_buffer_append_char(&pages, '-');
        i += 2;
      } else {
        ibid_buffer_append_char(&pages, (char)c);
      }
    }
  }
  if (!pages.failed && pages.length) {
    json_member(object, "page", pages.data, pages.length);
    if (ambiguous) json_member(object, "page-repair", "ambiguous", 9);
  }
  ibid_buffer_free(&pages);
}

/* ----- volume and issue --------------------------------------------------- */

static const char *const volume_words[] = {"vol", "vols", "volume", "v",        "bd",   "band",
                                           "t",   "tome", "jg",     "jahrgang", "vol.", NULL};
static const char *const issue_words[] = {
    "no", "nos", "nr",  "number", "issue",  "iss",  "heft",      "h",        "n", "num",
    "n°", "nº",  "núm", "número", "numéro", "fasc", "fascicule", "cuaderno", NULL};

/* A volume number: digits, or a Roman numeral in capitals ("XVII"). */
static int volume_number(view v) {
  if (!v.n || v.n > 8) return 0;
  int digits = 1, roman = 1;
  for (size_t i = 0; i < v.n; i++) {
    digits &= is_digit(v.s[i]);
    roman &= strchr("IVXLCDM", v.s[i]) != NULL && v.s[i] != 0;
  }
  return digits || roman;
}

/* An issue written after a comma: "4", "3-4", "1/2". */
static int bare_issue(view v) {
  v = trim(v);
  while (v.n && strchr(",.;:", v.s[v.n - 1])) v.n--;
  if (!v.n || v.n > 9 || !is_digit(v.s[0])) return 0;
  for (size_t i = 0; i < v.n; i++)
    if (!is_digit(v.s[i]) && v.s[i] != '-' && v.s[i] != '/') return 0;
  return 1;
}

static void write_volume(ibid_json_object *object, view raw) {
  view v = strip_leading_words(trim(raw), volume_words);
  if (!v.n) return;
  /* The issue starts at "(" after the volume, or at an issue word. */
  size_t split = v.n;
  for (size_t i = 0; i < v.n; i++) {
    if (v.s[i] == '(' && i > 0) {
      split = i;
      break;
    }
    /* "42:2" (Chicago volume:issue) */
    if (v.s[i] == ':' && i > 0 && is_digit(v.s[i - 1]) && i + 1 < v.n && is_digit(v.s[i + 1])) {
      split = i;
      break;
    }
    /* "23, 4": an issue number without its parentheses */
    if (v.s[i] == ',' && i > 0 && volume_number(trim((view){v.s, i})) &&
        bare_issue((view){v.s + i + 1, v.n - i - 1})) {
      split = i;
      break;
    }
    if ((i == 0 || is_space_byte(v.s[i - 1]) || v.s[i - 1] == ',') && is_alpha(v.s[i])) {
      size_t n = first_word((view){v.s + i, v.n - i});
      if (word_in((view){v.s + i, n}, issue_words)) {
        split = i;
        break;
      }
    }
  }
  view volume = trim((view){v.s, split});
  view rest = {v.s + split, v.n - split};
  if (rest.n && (rest.s[0] == ':' || rest.s[0] == ',')) rest.s++, rest.n--;
  view issue = strip_leading_words(rest, issue_words);
  /* "(3)", "(3)," -> "3" */
  issue = trim(issue);
  while (issue.n && strchr(",.;:", issue.s[issue.n - 1])) issue.n--;
  if (issue.n >= 2 && issue.s[0] == '(' && issue.s[issue.n - 1] == ')' &&
      !memchr(issue.s + 1, '(', issue.n - 2))
    issue = trim((view){issue.s + 1, issue.n - 2});
  if (volume.n) json_member(object, "volume", volume.s, volume.n);
  if (issue.n) json_member(object, "issue", issue.s, issue.n);
}

/* ----- URL and DOI ---------------------------------------------------------- */

/* The length of `w` without the punctuation that ends it (".,;:>)]\"'"),
** keeping a closing bracket opened in `opened` (the text the token goes on
** from) or in `w` itself. */
static size_t trim_closing(view w, view opened) {
  int round =
      count_byte(opened, '(') - count_byte(opened, ')') + count_byte(w, '(') - count_byte(w, ')');
  int square =
      count_byte(opened, '[') - count_byte(opened, ']') + count_byte(w, '[') - count_byte(w, ']');
  while (w.n && w.s[w.n - 1] && strchr(".,;:>)]\"'", w.s[w.n - 1])) {
    char c = w.s[w.n - 1];
    if ((c == ')' && round >= 0) || (c == ']' && square >= 0)) break;
    if (c == ')') round++;
    if (c == ']') square++;
    w.n--;
  }
  return w.n;
}

/* The first token of v that starts with `prefix` (case-insensitive), trimmed. */
static view find_token(view v, const char *prefix) {
  size_t n = strlen(prefix);
  size_t i = 0;
  while (i < v.n) {
    while (i < v.n && is_space_byte(v.s[i])) i++;
    size_t start = i;
    while (i < v.n && !is_space_byte(v.s[i])) i++;
    view w = {v.s + start, i - start};
    while (w.n && strchr("<([\"'", w.s[0])) w.s++, w.n--;
    for (size_t k = 0; k + n <= w.n && k < 8; k++) {
      size_t m = 0;
      while (m < n && lower(w.s[k + m]) == prefix[m]) m++;
      if (m == n) {
        view found = {w.s + k, w.n - k};
        found.n = trim_closing(found, (view){found.s, 0});
        return found;
      }
    }
  }
  return (view){v.s, 0};
}

static view find_url(view v) {
  view url = find_token(v, "http");
  if (!url.n) url = find_token(v, "www.");
  if (url.n && url.n < 8) url.n = 0;
  return url;
}

static view find_doi(view v) {
  view doi = find_token(v, "10.");
  /* "DOI:http://dx.doi.org/10.1038/467753a": the DOI after the resolver */
  if (!doi.n) {
    view link = find_token(v, "doi:http");
    for (size_t i = 0; i + 8 < link.n; i++)
      if (memcmp(link.s + i, "doi.org/", 8) == 0) {
        doi = find_token((view){link.s + i + 8, link.n - i - 8}, "10.");
        break;
      }
  }
  if (doi.n < 7 || !memchr(doi.s, '/', doi.n)) doi.n = 0;
  return doi;
}

/* ----- document symbols, courts ------------------------------------------------ */

/*
** A document symbol: a token with at least two slashes whose first part starts
** with a capital letter ("S/2014/348", "A/RES/60/1", "ICC-02/05-01/09",
** "Assembly/AU/Dec.221(XII)", "ICC-ASP/8/20"), not a URL or a date.
*/
static view find_symbol(view v) {
  /* a symbol has two slashes (most references have none) */
  const char *slash = v.n ? memchr(v.s, '/', v.n) : NULL;
  if (!slash || !memchr(slash + 1, '/', (size_t)(v.s + v.n - slash - 1))) return (view){v.s, 0};
  size_t i = 0;
  while (i < v.n) {
    while (i < v.n && is_space_byte(v.s[i])) i++;
    size_t start = i;
    while (i < v.n && !is_space_byte(v.s[i])) i++;
    view w = {v.s + start, i - start};
    if (count_byte(w, '/') < 2) continue; /* trimming below keeps the slashes */
    while (w.n && strchr("([\"'", w.s[0])) w.s++, w.n--;
    while (w.n && strchr(".,;:\"'", w.s[w.n - 1])) w.n--;
    if (w.n && w.s[w.n - 1] == ')' && count_byte(w, ')') > count_byte(w, '(')) w.n--;
    if (w.n < 5 || !is_upper(w.s[0]) || count_byte(w, '/') < 2) continue;
    if (contains_ci(w, "http") || contains_ci(w, "www.") || contains_ci(w, "://")) continue;
    int digits = 0, capitals = 0;
    for (size_t k = 0; k < w.n; k++) digits += is_digit(w.s[k]), capitals += is_upper(w.s[k]);
    if (digits || capitals >= 3) return w;
  }
  return (view){v.s, 0};
}

typedef struct court {
  const char *marker; /* lower-case text that names it */
  const char *authority;
} court;

static const court courts[] = {
    {"international court of justice", "International Court of Justice"},
    {"i.c.j.", "International Court of Justice"},
    {"icj reports", "International Court of Justice"},
    {"icj", "International Court of Justice"},
    {"pre-trial chamber", "International Criminal Court"},
    {"trial chamber", NULL},
    {"appeals chamber", NULL},
    {"international criminal court", "International Criminal Court"},
    {"icc-", "International Criminal Court"},
    {"european court of human rights", "European Court of Human Rights"},
    {"echr", "European Court of Human Rights"},
    {"icty", "International Criminal Tribunal for the former Yugoslavia"},
    {"ictr", "International Criminal Tribunal for Rwanda"},
    {"supreme court", "Supreme Court"},
    {"security council", "UN Security Council"},
    {"s/res/", "UN Security Council"},
    {"general assembly", "UN General Assembly"},
    {"a/res/", "UN General Assembly"},
    {"human rights council", "UN Human Rights Council"},
    {"a/hrc/", "UN Human Rights Council"},
    {"peace and security council", "African Union Peace and Security Council"},
    {"assembly/au/", "African Union Assembly"},
    {"african union", "African Union"},
    {"icc-asp/", "Assembly of States Parties to the Rome Statute"},
};

/* Issuing bodies by the prefix of their document symbols. */
static const court symbol_prefixes[] = {
    {"s/", "UN Security Council"},
    {"a/hrc/", "UN Human Rights Council"},
    {"a/", "UN General Assembly"},
    {"e/cn.4/", "UN Commission on Human Rights"},
    {"e/", "UN Economic and Social Council"},
    {"st/sgb/", "UN Secretary-General"},
    {"icc-asp/", "Assembly of States Parties to the Rome Statute"},
    {"icc-", "International Criminal Court"},
    {"ext/assembly/au/", "African Union Assembly"},
    {"assembly/au/", "African Union Assembly"},
    {"psc/", "African Union Peace and Security Council"},
    {"ex.cl/", "African Union Executive Council"},
};

static const char *symbol_authority(view symbol) {
  for (size_t i = 0; i < sizeof(symbol_prefixes) / sizeof(symbol_prefixes[0]); i++) {
    size_t n = strlen(symbol_prefixes[i].marker);
    if (symbol.n < n) continue;
    size_t k = 0;
    while (k < n && lower(symbol.s[k]) == symbol_prefixes[i].marker[k]) k++;
    if (k == n) return symbol_prefixes[i].authority;
  }
  return NULL;
}

static const char *find_authority(const fields *f, int legal_case) {
  for (size_t i = 0; i < sizeof(courts) / sizeof(courts[0]); i++) {
    if (!whole_contains(f, courts[i].marker)) continue;
    if (courts[i].authority) return courts[i].authority;
    if (legal_case) return NULL;
  }
  return NULL;
}

/* Offset of " v. " or " v " between words (a case name, "Congo v. Belgium"),
** or 0. */
static size_t versus_at(view v) {
  for (size_t i = 1; i + 3 < v.n; i++) {
    const char *at = memchr(v.s + i, 'v', v.n - 3 - i); /* the next 'v' */
    if (!at) return 0;
    i = (size_t)(at - v.s);
    if (is_space_byte(v.s[i - 1]) &&
        ((v.s[i + 1] == '.' && is_space_byte(v.s[i + 2])) || is_space_byte(v.s[i + 1])) &&
        (is_upper(v.s[i + 2]) || (i + 3 < v.n && is_upper(v.s[i + 3]))))
      return i;
  }
  return 0;
}

static int has_versus(view v) {
  return versus_at(v) != 0;
}

/* The case name: from the start (after a citation number) to the first
** comma, parenthesis or bracket after the "v.". */
static view case_name(view whole, const fields *f) {
  size_t at = versus_at(whole);
  view name = {whole.s, 0};
  if (!at) return name;
  size_t start = 0;
  view number = field(f, IBID_REFLABEL_CITATION_NUMBER);
  if (number.n && whole.n >= number.n && memcmp(whole.s, number.s, number.n) == 0) start = number.n;
  size_t end = at;
  while (end < whole.n && !strchr(",([;", whole.s[end])) end++;
  if (end <= start) return name;
  name.s = whole.s + start;
  name.n = end - start;
  return trim_quotes(name);
}

/* ----- the type --------------------------------------------------------------- */

/* "Occasional Paper No. 209", "Working Paper 12": a report series, not a journal. */
static int series_container(view container) {
  static const char *const series[] = {
      "working paper",  "occasional paper", "discussion paper", "policy paper",
      "research paper", "policy brief",     "briefing paper",   NULL};
  /* (each holds "paper" or "brief": most containers are ruled out by two searches) */
  if (!contains_ci(container, "paper") && !contains_ci(container, "brief")) return 0;
  for (size_t i = 0; series[i]; i++)
    if (contains_ci(container, series[i])) return 1;
  return 0;
}

static const char *choose_type(const fields *f, view whole, int has_symbol) {
  view genre = field(f, IBID_REFLABEL_GENRE), title = field(f, IBID_REFLABEL_TITLE);
  view container = field(f, IBID_REFLABEL_CONTAINER);
  if (contains_ci(genre, "thesis") || contains_ci(genre, "diss") || contains_ci(genre, "habil") ||
      whole_contains(f, "phd thesis") || whole_contains(f, "doctoral"))
    return "thesis";
  if (has_versus(title) || has_versus(whole) || whole_contains(f, "judgment") ||
      whole_contains(f, "judgement") || whole_contains(f, "icj reports") ||
      whole_contains(f, "i.c.j.") || whole_contains(f, " chamber"))
    return "legal_case";
  if (has_symbol) return "document";
  /* ("Deep-Sea Research Part I: Oceanographic Research Papers, 45(9): 1555-1573":
  ** a journal named in the plural, cited with its pages, is no series) */
  if ((series_container(container) || series_container(field(f, IBID_REFLABEL_JOURNAL))) &&
      !(f->text[IBID_REFLABEL_PAGES].length &&
        (whole_contains(f, "papers") || whole_contains(f, "briefs"))))
    return "report";
  if (whole_contains(f, "statute") || whole_contains(f, " treaty") ||
      whole_contains(f, "convention on") || whole_contains(f, "protocol to") ||
      whole_contains(f, "charter of"))
    if (!f->text[IBID_REFLABEL_JOURNAL].length && !f->text[IBID_REFLABEL_PUBLISHER].length)
      return "legislation";
  if (contains_ci(genre, "interview") || contains_ci(title, "interview with")) return "interview";
  if (f->text[IBID_REFLABEL_JOURNAL].length) {
    /* A periodical cited by day, without volume or pages, is a newspaper. */
    date_parts d = parse_date(f->first_date);
    if (d.day && !f->text[IBID_REFLABEL_VOLUME].length && !f->text[IBID_REFLABEL_PAGES].length)
      return "article-newspaper";
    return "article-journal";
  }
  if (contains_ci(container, "proceedings") || contains_ci(container, "conference") ||
      contains_ci(container, "symposium") || contains_ci(container, "workshop"))
    return "paper-conference";
  if (container.n && (f->text[IBID_REFLABEL_EDITOR].length || contains_ci(container, "in ")))
    return "chapter";
  /* An institution's own publication: no publisher, no container. */
  if (!container.n && !f->text[IBID_REFLABEL_PUBLISHER].length &&
      looks_institutional(field(f, IBID_REFLABEL_AUTHOR)) &&
      !memchr(field(f, IBID_REFLABEL_AUTHOR).s, ';', field(f, IBID_REFLABEL_AUTHOR).n))
    return "report";
  if (contains_ci(genre, "report") || contains_ci(genre, "working paper") ||
      contains_ci(title, " report") || contains_ci(genre, "policy brief"))
    return "report";
  if (container.n && !f->text[IBID_REFLABEL_VOLUME].length &&
      !f->text[IBID_REFLABEL_PUBLISHER].length) {
    date_parts d = parse_date(f->first_date);
    if (d.day) return "article-newspaper";
    if (f->text[IBID_REFLABEL_URL].length) return "webpage";
  }
  if (container.n) return "chapter";
  if (f->title_quoted && !f->text[IBID_REFLABEL_LOCATION].length && parse_date(f->first_date).day)
    return "article-newspaper";
  if (f->text[IBID_REFLABEL_PUBLISHER].length) return "book";
  if (f->text[IBID_REFLABEL_URL].length) return "webpage";
  return "book";
}

/* ----- assembling the JSON ------------------------------------------------------- */

static const char *const container_words[] = {"in", "in:", "dans", "en", NULL};
/* (a German "Aufl." stays: "4. Aufl." is how the edition is written) */
static const char *const edition_words[] = {"ed", "edn", "edition", "éd", "ed.", NULL};
static const char *const editor_words[] = {"ed", "eds", "edited", "by", "in", "in:", NULL};

static void write_text(ibid_json_object *object, const char *key, view v) {
  if (v.n) json_member(object, key, v.s, v.n);
}

/*
** Writes the URL. PDF extraction breaks long URLs at a slash or a dot
** ("http://dx.doi.org/10.1021/ es030360x"): while the URL ends with such a
** character and the URL field goes on, the next token is glued back.
*/
static void write_url(ibid_json_object *object, view url, view labelled) {
  if (!url.n) return;
  const char *field_end = labelled.s + labelled.n;
  if (url.s < labelled.s || url.s + url.n > field_end) {
    write_text(object, "URL", url);
    return;
  }
  ibid_buffer joined;
  ibid_buffer_init(&joined);
  /* A final "." or "-" the trimming took off may be where the URL broke. */
  size_t keep = url.n;
  while (url.s + keep < field_end && strchr(".-_", url.s[keep])) keep++;
  ibid_buffer_append(&joined, url.s, keep);
  const char *at = url.s + keep;
  while (joined.length && strchr("/.-_=?&", joined.data[joined.length - 1])) {
    char last = joined.data[joined.length - 1];
    while (at < field_end && is_space_byte(*at)) at++;
    view next = {at, (size_t)(field_end - at)};
    next.n = first_word(next);
    /* After a slash any word continues it; after a dot only a lower-case
    ** or numeric one ("www. idtechex.com", not "org. Accessed"). */
    if (!next.n || !((last == '/' && is_alpha(next.s[0])) || is_digit(next.s[0]) ||
                     (next.s[0] >= 'a' && next.s[0] <= 'z')))
      break;
    /* The joined piece ends where the URL would: drop closing punctuation. */
    while (next.n && strchr(".,;>)]", next.s[next.n - 1])) next.n--;
    ibid_buffer_append(&joined, next.s, next.n);
    at = next.s + first_word((view){next.s, (size_t)(field_end - next.s)});
  }
  while (joined.length && strchr(".-_", joined.data[joined.length - 1])) joined.length--;
  if (!joined.failed) json_member(object, "URL", joined.data, joined.length);
  ibid_buffer_free(&joined);
}

/*
** Writes the DOI. PDF extraction breaks a DOI after a slash or a hyphen
** ("10.1021/ es0519278", "10.5194/npg- 19-227-2012") or before a slash
** ("10.1093/molbev /msu300"): while the DOI ends with "/" and the next word
** of `within` (the text the DOI was found in) starts with a letter or digit,
** ends with "-" and the next word starts with a digit, or the next word
** starts with "/" and a letter or digit (the DOI not ending in "/"), that
** word is glued back, without the closing punctuation find_token trims
** (trim_closing). The DOI and the word must lie inside `within`.
*/
static void write_doi(ibid_json_object *object, view doi, view within) {
  if (!doi.n) return;
  const char *end = within.s + within.n, *at = doi.s + doi.n;
  char last = doi.s[doi.n - 1];
  view next = {at, 0};
  if (doi.s >= within.s && at < end && is_space_byte(*at)) {
    while (at < end && is_space_byte(*at)) at++;
    next = (view){at, (size_t)(end - at)};
    next.n = first_word(next);
    next.n = trim_closing(next, doi);
  }
  int glued = next.n && ((last == '/' && (is_alpha(next.s[0]) || is_digit(next.s[0]))) ||
                         (last == '-' && is_digit(next.s[0])) ||
                         (last != '/' && next.s[0] == '/' && next.n > 1 &&
                          (is_alpha(next.s[1]) || is_digit(next.s[1]))));
  if (!glued) {
    write_text(object, "DOI", doi);
    return;
  }
  ibid_buffer joined;
  ibid_buffer_init(&joined);
  ibid_buffer_append(&joined, doi.s, doi.n);
  ibid_buffer_append(&joined, next.s, next.n);
  if (!joined.failed) json_member(object, "DOI", joined.data, joined.length);
  ibid_buffer_free(&joined);
}

/* "4 th" (an ordinal split by PDF extraction) is written "4th". */
static int edition_ordinal(view t);

static void write_edition(ibid_json_object *object, view v, view labelled) {
  if (!v.n) return;
  /* "3. Aufl." keeps the period of its abbreviation */
  if (v.n >= 4 && lower(v.s[v.n - 1]) == 'l' && lower(v.s[v.n - 4]) == 'a' &&
      lower(v.s[v.n - 3]) == 'u' && lower(v.s[v.n - 2]) == 'f' &&
      v.s + v.n < labelled.s + labelled.n && v.s[v.n] == '.')
    v.n++;
  /* an ordinal split by a space in the copy ("4 th", "2 e") is joined */
  size_t digits = 0;
  while (digits < v.n && is_digit(v.s[digits])) digits++;
  if (digits && digits <= 3 && digits + 1 < v.n && v.n <= digits + 5 && v.s[digits] == ' ') {
    char joined[16];
    memcpy(joined, v.s, digits);
    memcpy(joined + digits, v.s + digits + 1, v.n - digits - 1);
    if (edition_ordinal((view){joined, v.n - 1})) {
      json_member(object, "edition", joined, v.n - 1);
      return;
    }
  }
  json_member(object, "edition", v.s, v.n);
}

/* No title, a "journal", and a publisher with its place ("Philosophical
** Investigations, Volume II (Oxford: Blackwell, 1953)"): the journal is the
** title of a book. */
static int editor_mark(view v);

static void book_not_journal(fields *f) {
  /* "Bergmann, Horst (Hrsg.) (1998): Handbuch ...": an edited book whose title
     the model took for a container */
  if (!f->text[IBID_REFLABEL_TITLE].length && f->text[IBID_REFLABEL_CONTAINER].length &&
      !f->text[IBID_REFLABEL_EDITOR].length && !f->text[IBID_REFLABEL_JOURNAL].length &&
      editor_mark(field(f, IBID_REFLABEL_AUTHOR))) {
    label_text swap = f->text[IBID_REFLABEL_TITLE];
    f->text[IBID_REFLABEL_TITLE] = f->text[IBID_REFLABEL_CONTAINER];
    f->text[IBID_REFLABEL_CONTAINER] = swap;
    view longest = f->longest[IBID_REFLABEL_TITLE];
    f->longest[IBID_REFLABEL_TITLE] = f->longest[IBID_REFLABEL_CONTAINER];
    f->longest[IBID_REFLABEL_CONTAINER] = longest;
    return;
  }
  if (f->text[IBID_REFLABEL_TITLE].length || !f->text[IBID_REFLABEL_JOURNAL].length ||
      f->text[IBID_REFLABEL_CONTAINER].length || !f->text[IBID_REFLABEL_PUBLISHER].length ||
      !f->text[IBID_REFLABEL_LOCATION].length)
    return;
  label_text swap = f->text[IBID_REFLABEL_TITLE];
  f->text[IBID_REFLABEL_TITLE] = f->text[IBID_REFLABEL_JOURNAL];
  f->text[IBID_REFLABEL_JOURNAL] = swap;
  view longest = f->longest[IBID_REFLABEL_TITLE];
  f->longest[IBID_REFLABEL_TITLE] = f->longest[IBID_REFLABEL_JOURNAL];
  f->longest[IBID_REFLABEL_JOURNAL] = longest;
}

/* "(Hrsg.)", "(Hg.)", "(eds.)", "(éd.)", "(dir.)", "(a cura di)" in a name list. */
static int editor_mark(view v) {
  static const char *const marks[] = {"(hrsg",
                                      "(hg.",
                                      "(hg)",
                                      "(eds",
                                      "(ed.",
                                      "(ed)",
                                      "(\xc3\xa9"
                                      "d",
                                      "(dir.",
                                      "(a cura",
                                      "(coord",
                                      "(comp.",
                                      "(red.",
                                      NULL};
  /* every mark opens a bracket: most name lists have none */
  if (!v.n || !memchr(v.s, '(', v.n)) return 0;
  for (size_t k = 0; marks[k]; k++)
    if (contains_ci(v, marks[k])) return 1;
  return 0;
}

static view find_bare_arxiv(view v, char *joined);

/* A word of a town's name after "Verlag": an upper-case letter, then a
** lower-case one, no capital further on but after "-" or "/"
** ("Baden-Baden", "Frankfurt/Main"; not "GmbH", "AG", "DTV"), and not a
** function word ("Für Sozialwissenschaften" is part of the name). */
static int town_word(view w) {
  static const char *const function_words[] = {
      "f\xC3\xBCr", "und", "and", "of", "the", "for", "de", "del", "der", "des", "die", "das",
      "du",         "la",  "le",  "et", "zu",  "im",  "am", "an",  "in",  "von", "van", NULL};
  for (size_t k = 0; function_words[k]; k++) {
    size_t n = strlen(function_words[k]);
    if (w.n == n && lower(w.s[0]) == function_words[k][0] &&
        memcmp(w.s + 1, function_words[k] + 1, n - 1) == 0)
      return 0;
  }
  uint32_t previous = 0;
  for (size_t k = 0, index = 0; k < w.n; index++) {
    uint32_t c = 0;
    k += ibid_utf8_decode(w.s, w.n, k, &c);
    if (index == 0 && !u_isupper((UChar32)c)) return 0;
    if (index == 1 && !u_islower((UChar32)c)) return 0;
    if (index > 1 && u_isupper((UChar32)c) && previous != '-' && previous != '/') return 0;
    previous = c;
  }
  return w.n >= 2;
}

/* "arXiv:1012.3344", "arXiv:hep-th/0603057", "arXiv 1012.3344v2": the identifier
** with its prefix, or an empty view. */
static view find_arxiv(view whole) {
  for (size_t i = 0; i + 6 < whole.n; i++) {
    if (lower(whole.s[i]) != 'a' || lower(whole.s[i + 1]) != 'r' || lower(whole.s[i + 2]) != 'x' ||
        lower(whole.s[i + 3]) != 'i' || lower(whole.s[i + 4]) != 'v')
      continue;
    if (i > 0 && is_alpha(whole.s[i - 1])) continue;
    size_t j = i + 5;
    if (j < whole.n && (whole.s[j] == ':' || whole.s[j] == ' ')) j++;
    size_t id = j;
    while (j < whole.n && !is_space_byte(whole.s[j]) && !strchr(",;]()", whole.s[j])) j++;
    while (j > id && whole.s[j - 1] == '.') j--;
    size_t digits = 0;
    for (size_t k = id; k < j; k++) digits += is_digit(whole.s[k]);
    if (digits >= 4) return (view){whole.s + i, j - i};
  }
  return (view){whole.s, 0};
}

static void write_json(ibid_buffer *out, const char *text, size_t length, const fields *f,
                       size_t segment_count) {
  view whole = {text, length};
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  if (!segment_count) { /* nothing but spaces: an empty object */
    ibid_json_object_end(&object);
    return;
  }
  view symbol = find_symbol(whole);
  const char *type = choose_type(f, whole, symbol.n > 0);
  json_member(&object, "type", type, strlen(type));
  int legal_case = strcmp(type, "legal_case") == 0;
  view name = legal_case ? case_name(whole, f) : (view){text, 0};
  /* A case is named by its parties: no author. */
  /* "Bergmann, Horst (Hrsg.)", "Blanchard, Marie (éd.)" heading the reference:
     the editors of the book. */
  if (f->text[IBID_REFLABEL_AUTHOR].length && !name.n)
    write_names(&object,
                !f->text[IBID_REFLABEL_EDITOR].length && editor_mark(field(f, IBID_REFLABEL_AUTHOR))
                    ? "editor"
                    : "author",
                field(f, IBID_REFLABEL_AUTHOR));
  if (f->text[IBID_REFLABEL_EDITOR].length)
    write_names(&object, "editor", field(f, IBID_REFLABEL_EDITOR));
  if (f->text[IBID_REFLABEL_TRANSLATOR].length)
    write_names(&object, "translator", field(f, IBID_REFLABEL_TRANSLATOR));
  /* A title is one run; stray title-labelled words elsewhere are noise. */
  write_text(&object, "title", name.n ? name : trim_quotes(f->longest[IBID_REFLABEL_TITLE]));
  view container = f->longest[IBID_REFLABEL_JOURNAL];
  if (!container.n) container = f->longest[IBID_REFLABEL_CONTAINER];
  view genre = trim(field(f, IBID_REFLABEL_GENRE));
  /* Law reports ("ICJ Reports") are where a case is published. */
  if (legal_case && !container.n && (contains_ci(genre, "report") || contains_ci(genre, "rep.")))
    container = genre, genre.n = 0;
  view publisher = trim(f->longest[IBID_REFLABEL_PUBLISHER]);
  view place = trim(f->longest[IBID_REFLABEL_LOCATION]);
  /* a place abbreviated to one letter keeps its period: "Frankfurt a. M.", "Frankfurt/M." */
  if (place.n >= 3 && is_alpha(place.s[place.n - 1]) && strchr(" ./", place.s[place.n - 2]) &&
      place.s + place.n <
          f->longest[IBID_REFLABEL_LOCATION].s + f->longest[IBID_REFLABEL_LOCATION].n &&
      place.s[place.n] == '.')
    place.n++;
  /* "Georg Thieme Verlag Stuttgart", "Carl Hanser Verlag München": a German
  ** publisher's name ends with "Verlag"; one or two capitalised words after
  ** it (town_word) are its town. */
  if (!place.n && publisher.n > 8 && contains_ci(publisher, "verlag ")) {
    /* (after another word: "Verlag Barbara Budrich" is a name) */
    for (size_t i = 1; i + 7 < publisher.n; i++) {
      if (!is_space_byte(publisher.s[i - 1]) || lower(publisher.s[i]) != 'v' ||
          memcmp(publisher.s + i + 1, "erlag ", 6) != 0)
        continue;
      view town = trim((view){publisher.s + i + 7, publisher.n - i - 7});
      /* the word before "Verlag" ends in a letter ("American Literary
      ** History, Verlag Stuttgart" is no publisher's name) */
      size_t before = i - 1;
      while (before && is_space_byte(publisher.s[before - 1])) before--;
      uint32_t c = 0;
      int ok = before && (ibid_utf8_decode_before(publisher.s, before, &c), u_isalpha((UChar32)c));
      int words = 0;
      for (size_t k = 0; k < town.n && ok;) {
        view w = {town.s + k, first_word((view){town.s + k, town.n - k})};
        ok = town_word(w);
        words++;
        k += w.n;
        while (k < town.n && is_space_byte(town.s[k])) k++;
      }
      for (size_t k = 0; k < town.n && ok; k++) ok = !is_digit(town.s[k]) && town.s[k] != ',';
      if (ok && words >= 1 && words <= 2) {
        place = town;
        publisher.n = i + 6;
      }
      break;
    }
  }
  /* A quoted title, then a name and a day ("“Title.” Associated Press, 15 May
  ** 2025"): the name is the periodical or site, not a publisher. */
  if (!container.n && publisher.n && !place.n && f->title_quoted && f->first_date.n &&
      parse_date(f->first_date).day)
    container = publisher, publisher.n = 0;
  view collection = trim_quotes(field(f, IBID_REFLABEL_COLLECTION));
  if (strcmp(type, "report") == 0 && series_container(container) && !collection.n)
    collection = container, container.n = 0;
  write_text(&object, "container-title",
             trim_quotes(strip_leading_words(container, container_words)));
  write_text(&object, "collection-title", trim_quotes(collection));
  /* A report's "No. 29" is its number in the series, not an issue. */
  view report_number = {text, 0};
  if (strcmp(type, "report") == 0 && !symbol.n && f->text[IBID_REFLABEL_VOLUME].length) {
    report_number = trim(strip_leading_words(trim(field(f, IBID_REFLABEL_VOLUME)), issue_words));
    while (report_number.n && strchr(",.;:", report_number.s[report_number.n - 1]))
      report_number.n--;
  }
  /* A report's genre ending in its number ("Working Paper No. 123"): the
  ** number apart; "Report No." without it once the number is taken. */
  if (strcmp(type, "report") == 0 && genre.n && !symbol.n) {
    if (!report_number.n && !f->text[IBID_REFLABEL_VOLUME].length) {
      size_t i = genre.n;
      while (i > 0 && !is_space_byte(genre.s[i - 1])) i--;
      view last = {genre.s + i, genre.n - i}, before = trim((view){genre.s, i});
      while (last.n && strchr(".,;:", last.s[last.n - 1])) last.n--;
      view kind = strip_trailing_words(before, issue_words);
      if (last.n && is_digit(last.s[0]) && kind.n && kind.n < before.n)
        report_number = last, genre = kind;
    } else if (report_number.n) {
      genre = strip_trailing_words(genre, issue_words);
    }
  }
  if (report_number.n)
    write_text(&object, "number", report_number);
  else if (f->text[IBID_REFLABEL_VOLUME].length)
    write_volume(&object, field(f, IBID_REFLABEL_VOLUME));
  if (f->text[IBID_REFLABEL_PAGES].length) write_pages(&object, field(f, IBID_REFLABEL_PAGES));
  write_edition(&object, strip_trailing_words(field(f, IBID_REFLABEL_EDITION), edition_words),
                field(f, IBID_REFLABEL_EDITION));
  if (f->first_date.n)
    write_date(&object, "issued", f->first_date);
  else if (f->text[IBID_REFLABEL_DATE].length)
    write_date(&object, "issued", field(f, IBID_REFLABEL_DATE));
  write_text(&object, "publisher", publisher);
  write_text(&object, "publisher-place", place);
  /* A stripped URL ("available at: {}") gives no URL: find_url needs "http"/"www.". */
  view url_in = field(f, IBID_REFLABEL_URL), url = find_url(url_in);
  if (!url.n && !f->text[IBID_REFLABEL_DOI].length &&
      (whole_contains(f, "http") || whole_contains(f, "www.")))
    url_in = whole, url = find_url(whole);
  view doi_in = field(f, IBID_REFLABEL_DOI), doi = find_doi(doi_in);
  /* "https://doi.org/10.1000/xyz" is a DOI written as a link: the DOI holds it */
  if (!doi.n && url.n && contains_ci(url, "doi.org/")) {
    for (size_t i = 0; i + 8 < url.n; i++)
      if (lower(url.s[i]) == 'd' && lower(url.s[i + 1]) == 'o' && lower(url.s[i + 2]) == 'i' &&
          url.s[i + 3] == '.' && lower(url.s[i + 4]) == 'o' && url.s[i + 7] == '/') {
        doi = find_doi((view){url.s + i + 8, url.n - i - 8});
        doi_in = url_in;
        break;
      }
  }
  write_url(&object, url, field(f, IBID_REFLABEL_URL));
  if (!doi.n && !url.n && whole_contains(f, "10.")) doi_in = whole, doi = find_doi(whole);
  write_doi(&object, doi, doi_in);
  /* an arXiv identifier is the number of the preprint */
  /* (`lowered` is `whole` lower-cased: without "arxiv" there, find_arxiv finds nothing) */
  if (!symbol.n && !report_number.n && whole_contains(f, "arxiv")) symbol = find_arxiv(whole);
  char arxiv_joined[16];
  if (!symbol.n && !report_number.n && f->text[IBID_REFLABEL_NOTE].length)
    symbol = find_bare_arxiv(field(f, IBID_REFLABEL_NOTE), arxiv_joined);
  write_text(&object, "number", symbol);
  const char *authority = symbol.n ? symbol_authority(symbol) : NULL;
  /* (only looked for when it is written: the court markers are some twenty searches) */
  if (!authority && (legal_case || strcmp(type, "document") == 0))
    authority = find_authority(f, legal_case);
  if (authority && (legal_case || strcmp(type, "document") == 0))
    json_member(&object, "authority", authority, strlen(authority));
  write_text(&object, "genre", genre);
  /* "Available at:", "Retrieved from" alone only announced a URL. */
  static const char *const announce[] = {"available", "at",  "retrieved", "from", "online",
                                         "accessed",  "url", "on",        NULL};
  view note = strip_leading_words(field(f, IBID_REFLABEL_NOTE), announce);
  write_text(&object, "note", note);
  (void)editor_words;
  ibid_json_object_end(&object);
}

/* ----- entry points ------------------------------------------------------------------ */

const char *ibid_reference_label_name(int label) {
  return ibid_refmodel_label_name(label);
}

/* The parsed prefix: at most IBID_REFPARSE_MAX_BYTES, cut at a character boundary. */
static size_t parsed_length(const char *text, size_t length) {
  if (length <= IBID_REFPARSE_MAX_BYTES) return length;
  size_t n = IBID_REFPARSE_MAX_BYTES;
  while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  return n;
}

/* ----- rules on the labels ------------------------------------------------------ */

/* Opening quote at the start of the token: its closing partner (1 = ’, 2 = ”,
** 3 = ", 4 = ») or 0. */
static int opening_quote(view t) {
  if (t.n >= 3 && (unsigned char)t.s[0] == 0xE2 && (unsigned char)t.s[1] == 0x80) {
    if ((unsigned char)t.s[2] == 0x98) return 1;
    if ((unsigned char)t.s[2] == 0x9C) return 2;
  }
  if (t.n >= 1 && t.s[0] == '"') return 3;
  if (t.n >= 2 && (unsigned char)t.s[0] == 0xC2 && (unsigned char)t.s[1] == 0xAB) return 4;
  return 0;
}

/* Does the token end (before , . ; : ) ? !) with the closing quote `kind`? */
static int closes_quote(view t, int kind) {
  while (t.n && strchr(",.;:)?!", t.s[t.n - 1])) t.n--;
  const unsigned char *e = (const unsigned char *)t.s + t.n;
  switch (kind) {
    case 1:
      return t.n >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0x99;
    case 2:
      return t.n >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0x9D;
    case 3:
      return t.n >= 1 && e[-1] == '"';
    case 4:
      return t.n >= 2 && e[-2] == 0xC2 && e[-1] == 0xBB;
  }
  return 0;
}

static view token_view(const char *text, const ibid_reftoken *t) {
  view v = {text + t->start, t->length};
  return v;
}

/* Is the first token a number of one to four digits (a note's or an
** entry's number, "54", "12.")? */
static int note_number(const char *text, const ibid_reftoken *tokens) {
  view t = token_view(text, &tokens[0]);
  if (t.n && t.s[t.n - 1] == '.') t.n--;
  if (!t.n || t.n > 4) return 0;
  for (size_t k = 0; k < t.n; k++)
    if (!is_digit(t.s[k])) return 0;
  return 1;
}

/*
** A quoted span that the model mostly calls the title is the title, exactly:
** title-labelled tokens right after it become the container (or the
** publisher when a container exists), those before it lose the label
** ("quoted in X, ‘Title’" makes the words before a note).
*/
static void quoted_title(const char *text, const ibid_reftoken *tokens, size_t count,
                         uint8_t *labels) {
  for (size_t open = 0; open < count; open++) {
    int kind = opening_quote(token_view(text, &tokens[open]));
    if (!kind) continue;
    size_t close = open;
    view first = token_view(text, &tokens[open]);
    /* "““Grabcut”: Interactive ... cuts,”": a quote opening the title's
    ** first word inside the title's own, of the same kind, closes first */
    size_t mark = kind == 3 ? 1 : kind == 4 ? 2 : 3;
    int needed = opening_quote((view){first.s + mark, first.n - mark}) == kind ? 2 : 1;
    int closed = first.n > 3 && closes_quote(first, kind);
    while (closed < needed && close + 1 < count && close - open < 80) {
      close++;
      closed += closes_quote(token_view(text, &tokens[close]), kind);
    }
    if (closed < needed) return;
    size_t titled = 0;
    for (size_t i = open; i <= close; i++) titled += labels[i] == IBID_REFLABEL_TITLE;
    if (titled * 2 < close - open + 1) {
      open = close;
      continue;
    }
    /* Title words just before the quote, not ended by a comma: the quote is
    ** inside a longer title ("The “Estado” of ..."), leave it. */
    /* (not a note's number heading the reference: "54 ‘African countries
    ** ...’, Sudan Tribune") */
    if (open > 0 && labels[open - 1] == IBID_REFLABEL_TITLE &&
        !(open == 1 && note_number(text, tokens))) {
      view w = token_view(text, &tokens[open - 1]);
      if (w.n && w.s[w.n - 1] != ',') {
        open = close;
        continue;
      }
    }
    for (size_t i = open; i <= close; i++) labels[i] = IBID_REFLABEL_TITLE;
    int has_container = 0;
    for (size_t i = 0; i < count; i++)
      has_container |= labels[i] == IBID_REFLABEL_JOURNAL || labels[i] == IBID_REFLABEL_CONTAINER;
    for (size_t i = close + 1; i < count && labels[i] == IBID_REFLABEL_TITLE && !has_container; i++)
      labels[i] = IBID_REFLABEL_JOURNAL;
    size_t before = open;
    while (before > 0 && labels[before - 1] == IBID_REFLABEL_TITLE) before--;
    if (before < open) {
      view w = token_view(text, &tokens[before]);
      int quoted = contains_ci(w, "quoted") || contains_ci(w, "cited");
      for (size_t i = before; i < open; i++)
        labels[i] = quoted ? IBID_REFLABEL_NOTE : IBID_REFLABEL_OTHER;
    }
    return;
  }
}

/* A day ("3") just before a month name the model put in the date ("3
** February 2009") is part of the date, whatever the model called it. */
static void day_before_month(const char *text, const ibid_reftoken *tokens, size_t count,
                             uint8_t *labels) {
  for (size_t i = 0; i + 1 < count; i++) {
    if (labels[i] == IBID_REFLABEL_DATE || labels[i + 1] != IBID_REFLABEL_DATE) continue;
    view t = token_view(text, &tokens[i]);
    while (t.n && (t.s[t.n - 1] == '.' || t.s[t.n - 1] == ',')) t.n--;
    if (!t.n || t.n > 2 || !is_digit(t.s[0]) || (t.n == 2 && !is_digit(t.s[1]))) continue;
    int day = t.n == 1 ? t.s[0] - '0' : (t.s[0] - '0') * 10 + (t.s[1] - '0');
    if (day < 1 || day > 31) continue;
    view next = token_view(text, &tokens[i + 1]);
    while (next.n && (next.s[next.n - 1] == '.' || next.s[next.n - 1] == ',')) next.n--;
    if (month_number(next)) labels[i] = IBID_REFLABEL_DATE;
  }
}

/* "{}", "{ }" (a URL the copy stripped) and "available at:" before it carry nothing. */
static void stripped_urls(const char *text, const ibid_reftoken *tokens, size_t count,
                          uint8_t *labels) {
  for (size_t i = 0; i < count; i++) {
    view t = token_view(text, &tokens[i]);
    if (!t.n || (t.s[0] != '{' && t.s[0] != '}')) continue;
    int only_braces = 1;
    for (size_t k = 0; k < t.n; k++) only_braces &= strchr("{}.,;: ", t.s[k]) != NULL;
    if (!only_braces) continue;
    labels[i] = IBID_REFLABEL_OTHER;
    for (size_t back = i; back > 0 && i - back < 4; back--) {
      view w = token_view(text, &tokens[back - 1]);
      if (!contains_ci(w, "availa") && !word_in(w, (const char *const[]){"at", "at:", NULL})) break;
      labels[back - 1] = IBID_REFLABEL_OTHER;
    }
  }
}

/* Does t start (after an opening bracket or quote) with "http:", "https:"
** or "www."? */
static int starts_url(view t) {
  while (t.n && strchr("<([\"'", t.s[0])) t.s++, t.n--;
  if (t.n < 5) return 0;
  if (lower(t.s[0]) == 'w') return lower(t.s[1]) == 'w' && lower(t.s[2]) == 'w' && t.s[3] == '.';
  if (lower(t.s[0]) != 'h' || lower(t.s[1]) != 't' || lower(t.s[2]) != 't' || lower(t.s[3]) != 'p')
    return 0;
  return t.s[4] == ':' || (lower(t.s[4]) == 's' && t.n > 5 && t.s[5] == ':');
}

/* "20 July 2023, www.cnn.com/2023/07/19/...": a link is the URL, whatever
** the model took it for (pages, a DOI without a DOI in it, a volume); a link
** left in the title or a note stays there ("... for the www."). */
static void url_tokens(const char *text, const ibid_reftoken *tokens, size_t count,
                       uint8_t *labels) {
  for (size_t i = 0; i < count; i++) {
    /* (a link starts with h, w or a bracket or quote: most tokens stop here) */
    char c = lower(text[tokens[i].start]);
    if (c != 'h' && c != 'w' && c != '(' && c != '<' && c != '[' && c != '"' && c != '\'') continue;
    uint8_t l = labels[i];
    if (l == IBID_REFLABEL_URL || l == IBID_REFLABEL_TITLE || l == IBID_REFLABEL_NOTE) continue;
    view t = token_view(text, &tokens[i]);
    if (!starts_url(t)) continue;
    if (l == IBID_REFLABEL_DOI && contains_ci(t, "10.")) continue;
    labels[i] = IBID_REFLABEL_URL;
  }
}

/* "UN Doc." / "AU Doc." before a document symbol introduce the symbol; they
** are not part of the author or title. */
static void document_prefixes(const char *text, const ibid_reftoken *tokens, size_t count,
                              uint8_t *labels) {
  static const char *const doc[] = {"doc", "doc.", "document", NULL};
  for (size_t i = 0; i + 1 < count; i++) {
    view t = token_view(text, &tokens[i]);
    if (t.n < 3 || lower(t.s[0]) != 'd' || !word_in(t, doc)) continue;
    if (!find_symbol(token_view(text, &tokens[i + 1])).n) continue;
    labels[i] = IBID_REFLABEL_OTHER;
    if (i > 0) {
      view w = trim(token_view(text, &tokens[i - 1]));
      int capitals = w.n >= 2 && w.n <= 4;
      for (size_t k = 0; k < w.n; k++) capitals &= is_upper(w.s[k]);
      if (capitals) labels[i - 1] = IBID_REFLABEL_OTHER;
    }
  }
}

/* Does the token end with punctuation that can close a name (, . ; : ) ]) ? */
static int ends_name(view t) {
  return t.n && strchr(",.;:)]", t.s[t.n - 1]) != NULL;
}

/*
** Where the author list meets the title, names end with punctuation: author
** tokens after the last such token ("Bosco, David, Rough Justice" where
** "Rough" was taken for a name) go back to the title. And "Surname, Given,
** Title" with the given name taken for the title gets it back.
*/
static void author_title_boundary(const char *text, const ibid_reftoken *tokens, size_t count,
                                  uint8_t *labels) {
  size_t i = 0;
  while (i < count && labels[i] != IBID_REFLABEL_AUTHOR) i++;
  if (i == count) return;
  size_t start = i;
  while (i < count && labels[i] == IBID_REFLABEL_AUTHOR) i++;
  size_t end = i; /* author run [start, end) */
  if (end < count && labels[end] == IBID_REFLABEL_TITLE) {
    size_t last = end;
    while (last > start && !ends_name(token_view(text, &tokens[last - 1]))) last--;
    if (last > start && last < end && end - last <= 2)
      for (size_t k = last; k < end; k++) labels[k] = IBID_REFLABEL_TITLE;
    if (end - start == 1 && end + 2 < count && labels[end + 1] == IBID_REFLABEL_TITLE) {
      view surname = token_view(text, &tokens[start]), given = token_view(text, &tokens[end]);
      if (surname.n > 1 && surname.s[surname.n - 1] == ',' && given.n > 2 &&
          given.s[given.n - 1] == ',' && is_upper(given.s[0]))
        labels[end] = IBID_REFLABEL_AUTHOR;
    }
  }
}

/* "X, quoted in Y, ‘Title’": Y is the author, "X, quoted in" a note. */
static void quoted_in(const char *text, const ibid_reftoken *tokens, size_t count,
                      uint8_t *labels) {
  static const char *const verbs[] = {"quoted", "cited", NULL};
  static const char *const in[] = {"in", "by", NULL};
  for (size_t i = 0; i + 2 < count && i < 12; i++) {
    /* (the verbs start with q or c: other words are not looked up) */
    view core = word_core(token_view(text, &tokens[i]));
    if (!core.n || (lower(core.s[0]) != 'q' && lower(core.s[0]) != 'c')) continue;
    if (!word_in(token_view(text, &tokens[i]), verbs)) continue;
    if (!word_in(token_view(text, &tokens[i + 1]), in)) continue;
    size_t first = 0;
    while (first < i && labels[first] == IBID_REFLABEL_CITATION_NUMBER) first++;
    for (size_t k = first; k <= i + 1; k++) labels[k] = IBID_REFLABEL_NOTE;
    for (size_t k = i + 2; k < count && k < i + 8; k++) {
      if (labels[k] != IBID_REFLABEL_NOTE && labels[k] != IBID_REFLABEL_AUTHOR &&
          labels[k] != IBID_REFLABEL_OTHER)
        break;
      labels[k] = IBID_REFLABEL_AUTHOR;
    }
    return;
  }
}

/* "Ders.", "Dies.", "—", "___." opening a reference stand for the author of
** the entry before (sql_reference_list.c puts that author back): not a
** name, not a container. */
static void repeated_author(const char *text, const ibid_reftoken *tokens, size_t count,
                            uint8_t *labels) {
  if (!count) return;
  view t = token_view(text, &tokens[0]);
  static const char *const words[] = {"ders", "dies",  "dieselbe", "derselbe",
                                      "idem", "eadem", NULL};
  int mark = word_in(t, words);
  if (!mark && t.n) {
    size_t i = 0, marks = 0;
    while (i < t.n) {
      unsigned char c = (unsigned char)t.s[i];
      if (c == '-' || c == '_') {
        i++, marks++;
      } else if (c == 0xE2 && i + 2 < t.n && (unsigned char)t.s[i + 1] == 0x80 &&
                 ((unsigned char)t.s[i + 2] == 0x94 || (unsigned char)t.s[i + 2] == 0x93)) {
        i += 3, marks += 2;
      } else {
        break;
      }
    }
    while (i < t.n && strchr(".,:;", t.s[i])) i++;
    mark = marks >= 2 && i == t.n;
  }
  if (mark) labels[0] = IBID_REFLABEL_OTHER;
}

/* "United Nations Security Council. (2011). Resolution ...": a name the
** model took for the publisher, opening the reference right before its
** "(year)", with no author anywhere, is the (corporate) author. */
static void publisher_before_year(const char *text, const ibid_reftoken *tokens, size_t count,
                                  uint8_t *labels) {
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_AUTHOR || labels[i] == IBID_REFLABEL_EDITOR) return;
  size_t k = 0;
  while (k < count && k < 12 && labels[k] == IBID_REFLABEL_PUBLISHER) k++;
  if (k == 0 || k >= count || labels[k] != IBID_REFLABEL_DATE) return;
  view date = token_view(text, &tokens[k]);
  if (!date.n || date.s[0] != '(') return;
  for (size_t i = 0; i < k; i++) labels[i] = IBID_REFLABEL_AUTHOR;
}

/* Is the token a number that can stand before an edition word: "3.", "2nd",
** "4th", "2e", "2a", "2.ª", "7.,"? */
static int edition_ordinal(view t) {
  while (t.n && strchr(",;", t.s[t.n - 1])) t.n--;
  if (t.n && t.s[0] == '(') t.s++, t.n--;
  size_t digits = 0;
  while (digits < t.n && is_digit(t.s[digits])) digits++;
  if (!digits || digits > 3) return 0;
  view rest = {t.s + digits, t.n - digits};
  if (!rest.n) return 0;
  static const char *const suffixes[] = {".",  "st",       "nd",        "rd",  "th",
                                         "e",  "a",        "o",         "ème", "er",
                                         "re", "\xc2\xaa", ".\xc2\xaa", "th.", NULL};
  for (size_t k = 0; suffixes[k]; k++)
    if (strlen(suffixes[k]) == rest.n && memcmp(suffixes[k], rest.s, rest.n) == 0) return 1;
  return 0;
}

/*
** Editions: "3. Aufl.", "7., grundlegend überarb. Aufl.", "2e éd.", "2nd ed.",
** "2a edición": the ordinal, the words between and the edition word are the
** edition. A German "Aufl."/"Auflage" is the edition even without an ordinal.
*/
static void editions(const char *text, const ibid_reftoken *tokens, size_t count, uint8_t *labels) {
  static const char *const always[] = {"aufl", "auflage", NULL};
  static const char *const after_ordinal[] = {"ed",
                                              "edn",
                                              "edition",
                                              "\xc3\xa9"
                                              "d",
                                              "\xc3\xa9"
                                              "dition",
                                              "edici\xc3\xb3n",
                                              "aufl",
                                              "auflage",
                                              NULL};
  for (size_t i = 0; i < count; i++) {
    view t = token_view(text, &tokens[i]);
    /* (every word of the lists starts with a, e or é: most tokens stop here) */
    char initial = t.n > 1 && t.s[0] == '(' ? lower(t.s[1]) : t.n ? lower(t.s[0]) : 0;
    if ((initial != 'a' && initial != 'e' && initial != '\xc3') || !word_in(t, after_ordinal))
      continue;
    /* the ordinal, at most four words back ("7., grundlegend überarb. Aufl.") */
    size_t first = i;
    for (size_t back = i; back > 0 && i - back < 4; back--) {
      view w = token_view(text, &tokens[back - 1]);
      if (edition_ordinal(w)) {
        first = back - 1;
        break;
      }
      /* "(4 th edn": an ordinal split by a space in the copy */
      if (back < i && w.n && w.n < 6 && tokens[back - 1].start + w.n + 1 == tokens[back].start) {
        view suffix = token_view(text, &tokens[back]);
        char joined[16];
        if (suffix.n <= 4 && is_digit(w.s[w.n - 1])) {
          memcpy(joined, w.s, w.n);
          memcpy(joined + w.n, suffix.s, suffix.n);
          if (edition_ordinal((view){joined, w.n + suffix.n})) {
            first = back - 1;
            break;
          }
        }
      }
      /* the words between are lower-case ("überarb.", "neu", "erw.") */
      if (!w.n || is_upper(w.s[0]) || is_digit(w.s[0]) || w.s[0] == '(') break;
    }
    if (first == i && !word_in(t, always)) continue;
    for (size_t k = first; k <= i; k++) labels[k] = IBID_REFLABEL_EDITION;
  }
}

/* "Bd. 2.", "Vol. 3,", "Jg. 38," after the title: the volume, not a
** journal ("Theorie des kommunikativen Handelns. Bd. 1. Frankfurt/M."). */
static void volume_words_before_number(const char *text, const ibid_reftoken *tokens, size_t count,
                                       uint8_t *labels) {
  static const char *const words[] = {"bd", "bde", "vol", "vols", "jg", "tome", NULL};
  for (size_t i = 0; i + 1 < count; i++) {
    view t = token_view(text, &tokens[i]);
    if (t.n < 3 || t.n > 6 || t.s[t.n - 1] != '.' || !word_in(t, words)) continue;
    view number = token_view(text, &tokens[i + 1]);
    size_t digits = 0;
    while (digits < number.n && (is_digit(number.s[digits]) || strchr("IVXivx", number.s[digits])))
      digits++;
    if (!digits || digits + 1 != number.n || !strchr(".,", number.s[digits])) continue;
    if (labels[i] == IBID_REFLABEL_VOLUME && labels[i + 1] == IBID_REFLABEL_VOLUME) continue;
    if (labels[i + 1] != IBID_REFLABEL_VOLUME && labels[i] != IBID_REFLABEL_JOURNAL &&
        labels[i] != IBID_REFLABEL_CONTAINER && labels[i] != IBID_REFLABEL_TITLE)
      continue;
    labels[i] = labels[i + 1] = IBID_REFLABEL_VOLUME;
  }
}

/*
** "Place: Publisher" with the end of the place taken for the publisher
** ("Frankfurt a. M.: Suhrkamp", "Frankfurt/M.: Suhrkamp" all publisher):
** publisher tokens up to one ending in ":" within the first three of the run,
** right after a place or with no place at all, are the place when more
** publisher tokens follow the colon.
*/
static void place_before_colon(const char *text, const ibid_reftoken *tokens, size_t count,
                               uint8_t *labels) {
  int has_place = 0;
  for (size_t i = 0; i < count; i++) has_place |= labels[i] == IBID_REFLABEL_LOCATION;
  for (size_t i = 0; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_PUBLISHER) continue;
    if (i > 0 && labels[i - 1] == IBID_REFLABEL_PUBLISHER) continue;
    int after_place = i > 0 && labels[i - 1] == IBID_REFLABEL_LOCATION;
    if (after_place) {
      view last = token_view(text, &tokens[i - 1]);
      if (last.n && last.s[last.n - 1] == ':') continue; /* the place ended already */
    } else if (has_place) {
      continue;
    }
    for (size_t k = i; k < count && k < i + 3 && labels[k] == IBID_REFLABEL_PUBLISHER; k++) {
      view w = token_view(text, &tokens[k]);
      if (!w.n || w.s[w.n - 1] != ':') continue;
      if (k + 1 >= count || labels[k + 1] != IBID_REFLABEL_PUBLISHER) break;
      for (size_t m = i; m <= k; m++) labels[m] = IBID_REFLABEL_LOCATION;
      break;
    }
    return;
  }
  /* the other way round: "Frankfurt a. M.: Campus." all taken for the place,
     with no publisher anywhere: what follows the colon is the publisher */
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_PUBLISHER) return;
  for (size_t i = 0; i + 1 < count; i++) {
    if (labels[i] != IBID_REFLABEL_LOCATION || labels[i + 1] != IBID_REFLABEL_LOCATION) continue;
    view w = token_view(text, &tokens[i]);
    if (!w.n || w.s[w.n - 1] != ':') continue;
    for (size_t k = i + 1; k < count && labels[k] == IBID_REFLABEL_LOCATION; k++)
      labels[k] = IBID_REFLABEL_PUBLISHER;
    return;
  }
}

/*
** "The Invention of Tradition Cambridge: Cambridge University Press": a
** place run on from the end of the title, with no mark between, before the
** publisher's colon, with no place found anywhere: the capitalised word
** before the colon is the place ("New York:", "Buenos Aires:" with the word
** before when it is one of the first words of such names). Only when what
** follows the colon reads as a publisher, not as a subtitle ("Age of
** Extremes: The Short Twentieth Century."): it holds a publisher's word
** ("Press", "Verlag"), opens with the place's word ("Cambridge: Cambridge
** ..."), or a date follows it.
*/
static void place_ending_title(const char *text, const ibid_reftoken *tokens, size_t count,
                               uint8_t *labels) {
  static const char *const first_words[] = {"new", "los",  "san", "santa", "buenos", "rio", "saint",
                                            "st",  "hong", "tel", "cape",  "le",     "la",  NULL};
  static const char *const publisher_words[] = {
      "press",       "presses",    "university",      "universit\xc3\xa4t", "universit\xc3\xa9",
      "universidad", "publishers", "publishing",      "publications",       "books",
      "verlag",      "editions",   "\303\251ditions", "editorial",          "edizioni",
      NULL};
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_LOCATION) return;
  for (size_t i = 3; i + 1 < count; i++) {
    if (labels[i] != IBID_REFLABEL_TITLE || labels[i + 1] != IBID_REFLABEL_PUBLISHER) continue;
    view place = token_view(text, &tokens[i]), before = token_view(text, &tokens[i - 1]);
    if (place.n < 4 || place.s[place.n - 1] != ':' || !is_upper(place.s[0]) ||
        labels[i - 1] != IBID_REFLABEL_TITLE || labels[i - 2] != IBID_REFLABEL_TITLE || !before.n ||
        !(is_alpha(before.s[before.n - 1]) || (unsigned char)before.s[before.n - 1] >= 0x80))
      return;
    for (size_t k = 1; k + 1 < place.n; k++)
      if (!is_alpha(place.s[k]) && (unsigned char)place.s[k] < 0x80 && place.s[k] != '-') return;
    size_t end = i + 1;
    int publisher = 0;
    while (end < count && labels[end] == IBID_REFLABEL_PUBLISHER)
      publisher |= word_in(token_view(text, &tokens[end++]), publisher_words);
    view name = word_core(place), first = word_core(token_view(text, &tokens[i + 1]));
    publisher |= name.n == first.n && memcmp(name.s, first.s, name.n) == 0;
    publisher |= end < count && labels[end] == IBID_REFLABEL_DATE;
    if (!publisher) return;
    labels[i] = IBID_REFLABEL_LOCATION;
    if (word_in(before, first_words) && is_upper(before.s[0]) &&
        labels[i - 3] == IBID_REFLABEL_TITLE)
      labels[i - 1] = IBID_REFLABEL_LOCATION;
    return;
  }
}

/*
** "Title. In: Names (Hg.): Book title. Place": a second title run right after
** the editors of a chapter is the book (the container), when nothing else was
** taken for one.
*/
static void title_after_editors(const char *text, const ibid_reftoken *tokens, size_t count,
                                uint8_t *labels) {
  (void)text, (void)tokens;
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_JOURNAL || labels[i] == IBID_REFLABEL_CONTAINER) return;
  size_t i = 0;
  while (i < count && labels[i] != IBID_REFLABEL_TITLE) i++;
  while (i < count && labels[i] == IBID_REFLABEL_TITLE) i++;
  if (i == count || labels[i] != IBID_REFLABEL_EDITOR) return;
  while (i < count && labels[i] == IBID_REFLABEL_EDITOR) i++;
  while (i < count && labels[i] == IBID_REFLABEL_TITLE) labels[i++] = IBID_REFLABEL_CONTAINER;
}

/*
** "Title. In Book title, ed. Names": the model ran the title on through
** "In": when a title run holds "In"/"In:" after a token ending a sentence
** and the editors follow the run, the words from "In" are the container.
*/
static void in_container_before_editors(const char *text, const ibid_reftoken *tokens, size_t count,
                                        uint8_t *labels) {
  static const char *const in[] = {"in", NULL};
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_JOURNAL || labels[i] == IBID_REFLABEL_CONTAINER) return;
  size_t start = 0;
  while (start < count && labels[start] != IBID_REFLABEL_TITLE) start++;
  size_t end = start;
  while (end < count && labels[end] == IBID_REFLABEL_TITLE) end++;
  if (end >= count || labels[end] != IBID_REFLABEL_EDITOR) return;
  for (size_t i = start + 2; i + 1 < end; i++) {
    view w = token_view(text, &tokens[i]);
    if (!w.n || w.s[0] != 'I' || !word_in(w, in)) continue;
    view before = token_view(text, &tokens[i - 1]);
    while (before.n && strchr("\"'", before.s[before.n - 1])) before.n--;
    if (before.n >= 3 && (unsigned char)before.s[before.n - 3] == 0xE2) before.n -= 3;
    if (!before.n || !strchr(".?!", before.s[before.n - 1])) continue;
    for (size_t k = i; k < end; k++) labels[k] = IBID_REFLABEL_CONTAINER;
    return;
  }
}

/* The letters of a "no date" mark ("(n.d.)", "(o. J.)", "s.f.") in lower case, at most
** two, each after its period; 0 when t is something else. Sets *open, *close
** when it starts with ( or [, ends with ) or ]. */
static int no_date_letters(view t, char *letters, size_t *used, int *open, int *close) {
  for (size_t k = 0; k < t.n; k++) {
    char c = t.s[k];
    if (c == '(' || c == '[') {
      if (k) return 0;
      *open = 1;
    } else if (c == ')' || c == ']') {
      *close = 1;
    } else if (is_alpha(c)) {
      if (*used == 2 || *close || k + 1 >= t.n || t.s[k + 1] != '.') return 0;
      if (*used == 0 && is_upper(c)) return 0; /* "S.D.", "O. J." are initials */
      letters[(*used)++] = lower(c);
    } else if (c != '.' && c != ':' && c != ',' && c != ';' && c) { /* (strchr's set, NUL too) */
      return 0;
    }
  }
  return 1;
}

/* "(n.d.)", "(o. J.)", "(o.J.)", "n.d.", "s.f.": no date, written where the date goes;
** not a name or a title, and no date either (a CSL item without `issued` is undated). The first
*letter is lower case ("S.D." and "O. J."
** are initials) and two tokens must be in brackets. */
static void no_year(const char *text, const ibid_reftoken *tokens, size_t count, uint8_t *labels) {
  for (size_t i = 0; i < count && i < 40; i++) {
    char letters[2];
    size_t used = 0;
    int open = 0, close = 0;
    if (!no_date_letters(token_view(text, &tokens[i]), letters, &used, &open, &close) || !used)
      continue;
    size_t last = i;
    if (used == 1 && open && !close && i + 1 < count &&
        no_date_letters(token_view(text, &tokens[i + 1]), letters, &used, &open, &close) && close)
      last = i + 1;
    if (used != 2) continue;
    int mark = (letters[0] == 'n' && letters[1] == 'd') ||
               (letters[0] == 'o' && letters[1] == 'j') ||
               (letters[0] == 's' && (letters[1] == 'd' || letters[1] == 'f'));
    if (!mark) continue;
    for (size_t m = i; m <= last; m++) labels[m] = IBID_REFLABEL_OTHER;
    /* the title follows where the date goes: a note there, with no title
    ** anywhere, is the title (up to its period) */
    for (size_t m = 0; m < count; m++)
      if (labels[m] == IBID_REFLABEL_TITLE) return;
    for (size_t m = last + 1; m < count && labels[m] == IBID_REFLABEL_NOTE; m++) {
      labels[m] = IBID_REFLABEL_TITLE;
      if (text[tokens[m].start + tokens[m].length - 1] == '.') break;
    }
    return;
  }
}

/* "342 p.", "199 S.", "250 pp.": the number of pages of a book, written
** number first, is the pages, not a volume (the model often splits it). */
static void page_count(const char *text, const ibid_reftoken *tokens, size_t count,
                       uint8_t *labels) {
  static const char *const words[] = {"p", "pp", "s", "pages", "seiten", NULL};
  for (size_t i = 1; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_PAGES || labels[i - 1] != IBID_REFLABEL_VOLUME) continue;
    view w = token_view(text, &tokens[i]);
    if (w.n > 7 || !word_in(w, words)) continue;
    /* "3 p. 45": the volume, then the page */
    if (i + 1 < count && is_digit(text[tokens[i + 1].start])) continue;
    view number = token_view(text, &tokens[i - 1]);
    size_t digits = 0;
    while (digits < number.n && is_digit(number.s[digits])) digits++;
    if (!digits || digits != number.n) continue;
    if (i >= 2 && labels[i - 2] == IBID_REFLABEL_VOLUME) continue;
    labels[i - 1] = IBID_REFLABEL_PAGES;
  }
}

/* Length of the arXiv identifier that v is, or 0: "0908.1724", "1503.02641v2"
** (a year and a month from 0704, a period, four digits up to 1412 and five
** from 1501, a version) or "astro-ph/9805201", "math.AG/0101234" (an
** archive, a slash, seven digits). */
static size_t arxiv_id(view v) {
  size_t i = 0;
  while (i < v.n && is_digit(v.s[i])) i++;
  if (i == 4 && v.n > 5 && v.s[4] == '.') {
    int year = (v.s[0] - '0') * 10 + (v.s[1] - '0');
    int month = (v.s[2] - '0') * 10 + (v.s[3] - '0');
    if (month < 1 || month > 12 || year * 100 + month < 704) return 0;
    size_t j = 5;
    while (j < v.n && is_digit(v.s[j])) j++;
    if (j - 5 != (year < 15 ? 4u : 5u)) return 0;
    if (j < v.n && v.s[j] == 'v') {
      size_t k = j + 1;
      while (k < v.n && is_digit(v.s[k])) k++;
      if (k > j + 1) j = k;
    }
    return j;
  }
  if (i) return 0;
  while (i < v.n && (is_alpha(v.s[i]) || v.s[i] == '-' || v.s[i] == '.')) i++;
  if (i < 4 || i >= v.n || v.s[i] != '/' || !is_alpha(v.s[0])) return 0;
  size_t j = i + 1;
  while (j < v.n && is_digit(v.s[j])) j++;
  return j - i - 1 == 7 ? j : 0;
}

/* "1112 .5166": an identifier PDF extraction split before its period, as
** `first` (four digits) and `second` (the next token, from the period; its
** closing punctuation dropped); joined into `joined` (16 bytes), or an
** empty view when the two are not one identifier. */
static view split_arxiv(view first, view second, char *joined) {
  while (second.n && strchr(".,;)]", second.s[second.n - 1])) second.n--;
  if (first.n != 4 || second.n < 5 || second.n > 12 || second.s[0] != '.') return (view){joined, 0};
  memcpy(joined, first.s, 4);
  memcpy(joined + 4, second.s, second.n);
  view both = {joined, 4 + second.n};
  if (arxiv_id(both) != both.n) both.n = 0;
  return both;
}

/* Does the word introduce pages ("pp.", "p.", "S.", "pág.")? */
static int page_word(view w) {
  static const char *const words[] = {"p.", "pp.", "s.", "p\xC3\xA1g.", "pg.", "pgs.", NULL};
  for (size_t k = 0; words[k]; k++) {
    size_t n = strlen(words[k]);
    if (w.n == n && lower(w.s[0]) == words[k][0] && memcmp(w.s + 1, words[k] + 1, n - 1) == 0)
      return 1;
  }
  return 0;
}

/* An arXiv identifier the model took for pages or a volume ("Astrophys. J.
** 517, 565 (1999), astro-ph/9812133", "Phys. Rev. Lett. 105 (2010) 050502,
** [0908.1724]", "1112 .5166" split by PDF extraction) is the preprint's
** number: a note, never pages. */
static void arxiv_not_pages(const char *text, const ibid_reftoken *tokens, size_t count,
                            uint8_t *labels) {
  for (size_t i = 0; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_PAGES && labels[i] != IBID_REFLABEL_VOLUME) continue;
    /* (most tokens fail at once: an identifier is four digits and a period or
    ** space, or a word with a slash) */
    view raw = token_view(text, &tokens[i]);
    size_t skip = raw.n && (raw.s[0] == '[' || raw.s[0] == '(');
    if (raw.n < skip + 4) continue;
    if (is_digit(raw.s[skip])) {
      if (!is_digit(raw.s[skip + 1]) || !is_digit(raw.s[skip + 2]) || !is_digit(raw.s[skip + 3]))
        continue;
      if (raw.n > skip + 4 && raw.s[skip + 4] != '.' && raw.s[skip + 4] != ',') continue;
    } else if (!is_alpha(raw.s[skip]) || !memchr(raw.s, '/', raw.n)) {
      continue;
    }
    /* "pp. 1203.1210" are pages */
    if (i && page_word(token_view(text, &tokens[i - 1]))) continue;
    view t = trim_set(raw, "[(,;.)]");
    if (t.n == 4 && i + 1 < count &&
        (labels[i + 1] == IBID_REFLABEL_PAGES || labels[i + 1] == IBID_REFLABEL_VOLUME)) {
      char joined[16];
      if (split_arxiv(t, token_view(text, &tokens[i + 1]), joined).n)
        labels[i] = labels[i + 1] = IBID_REFLABEL_NOTE;
      continue;
    }
    if (t.n >= 9 && arxiv_id(t) == t.n) labels[i] = IBID_REFLABEL_NOTE;
  }
}

/* The first arXiv identifier in v, written alone ("astro-ph/9805201",
** "[0908.1724]", "1503 .02641" split before its period and joined in
** `joined`, 16 bytes), not after a page word, or an empty view. */
static view find_bare_arxiv(view v, char *joined) {
  size_t i = 0;
  view previous = {v.s, 0};
  while (i < v.n) {
    while (i < v.n && is_space_byte(v.s[i])) i++;
    view raw = {v.s + i, first_word((view){v.s + i, v.n - i})};
    i += raw.n;
    view w = trim_set(raw, "[(,;.)]");
    int after_page_word = page_word(previous);
    previous = raw;
    if (after_page_word) continue;
    if (w.n >= 9 && arxiv_id(w) == w.n) return w;
    if (w.n == 4) {
      size_t j = i;
      while (j < v.n && is_space_byte(v.s[j])) j++;
      view both = split_arxiv(w, (view){v.s + j, first_word((view){v.s + j, v.n - j})}, joined);
      if (both.n) return both;
    }
  }
  return (view){v.s, 0};
}

/* No title anywhere, and a publisher run right before the place ("Peasant
** Society and Culture, Chicago, 1956", "World Press Trends. Paris: World
** Association ..."): before the place comes the title of the book; a
** publisher follows its place. The run is the first after the names and the
** date. */
static void title_before_place(size_t count, uint8_t *labels) {
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_TITLE || labels[i] == IBID_REFLABEL_JOURNAL ||
        labels[i] == IBID_REFLABEL_CONTAINER)
      return;
  size_t i = 0;
  while (i < count &&
         (labels[i] == IBID_REFLABEL_AUTHOR || labels[i] == IBID_REFLABEL_EDITOR ||
          labels[i] == IBID_REFLABEL_DATE || labels[i] == IBID_REFLABEL_CITATION_NUMBER ||
          labels[i] == IBID_REFLABEL_OTHER))
    i++;
  size_t start = i;
  while (i < count && labels[i] == IBID_REFLABEL_PUBLISHER) i++;
  if (i == start || i == count || labels[i] != IBID_REFLABEL_LOCATION) return;
  for (size_t k = start; k < i; k++) labels[k] = IBID_REFLABEL_TITLE;
}

/* "In Repères (pp. 63-104)", "In: Passard et al. 2003": a run taken for the
** editors that opens with "In" and has no editor mark ("eds.", "(Hg.)") is
** the book it is in, when nothing else was taken for one. */
static void in_names_container(const char *text, const ibid_reftoken *tokens, size_t count,
                               uint8_t *labels) {
  static const char *const in[] = {"in", "in:", NULL};
  static const char *const marks[] = {"ed",
                                      "eds",
                                      "hrsg",
                                      "hg",
                                      "\xc3\xa9"
                                      "d",
                                      "\xc3\xa9"
                                      "ds",
                                      "dir",
                                      "coord",
                                      "comp",
                                      "edited",
                                      "by",
                                      NULL};
  size_t start = 0;
  for (size_t i = 0; i < count; i++) {
    if (labels[i] == IBID_REFLABEL_JOURNAL || labels[i] == IBID_REFLABEL_CONTAINER) return;
  }
  while (start < count && labels[start] != IBID_REFLABEL_EDITOR) start++;
  if (start == count || !word_in(token_view(text, &tokens[start]), in)) return;
  size_t end = start;
  while (end < count && labels[end] == IBID_REFLABEL_EDITOR) end++;
  /* one word after "In" (and "et al."): a name list has more */
  static const char *const et_al[] = {"et", "al", "al.", NULL};
  size_t words = 0;
  for (size_t k = start + 1; k < end; k++) {
    view w = token_view(text, &tokens[k]);
    if (word_in(w, marks) || memchr(w.s, '(', w.n)) return;
    if (!word_in(w, et_al) && trim(w).n) words++;
  }
  if (words != 1) return;
  for (size_t k = end; k < count; k++)
    if (labels[k] == IBID_REFLABEL_EDITOR) return;
  for (size_t k = start; k < end; k++) labels[k] = IBID_REFLABEL_CONTAINER;
}

/* "Gibbon D., Mertins I., Moore R.K. (Eds) Handbook ...": an editor mark
** right after the names heading the reference belongs to them (write_json
** then makes them the editors), not to the title. */
static void editor_mark_after_names(const char *text, const ibid_reftoken *tokens, size_t count,
                                    uint8_t *labels) {
  size_t i = 0;
  while (i < count && labels[i] == IBID_REFLABEL_CITATION_NUMBER) i++;
  if (i == count || labels[i] != IBID_REFLABEL_AUTHOR) return;
  while (i < count && labels[i] == IBID_REFLABEL_AUTHOR) i++;
  if (i == count || labels[i] == IBID_REFLABEL_EDITOR) return;
  view t = token_view(text, &tokens[i]);
  if (t.n < 4 || t.s[0] != '(' || !editor_mark(t)) return;
  if (!memchr(t.s, ')', t.n)) return;
  labels[i] = IBID_REFLABEL_AUTHOR;
}

/* "Hugh Morrison, Lachy Paterson, Brett Knowles, Murray Rae (eds), Title":
** the names heading a reference, split by the model between the author and
** the editor, are one list: when the editor run right after the authors
** ends its names with an editor mark and does not open with "In", "ed.",
** "edited", "Hrsg." or the like (the editors of a book the authors wrote
** in), all of them are the editors. */
static void names_before_editor_mark(const char *text, const ibid_reftoken *tokens, size_t count,
                                     uint8_t *labels) {
  static const char *const opening[] = {"in",
                                        "dans",
                                        "en",
                                        "ed",
                                        "eds",
                                        "edited",
                                        "hrsg",
                                        "hg",
                                        "by",
                                        "\xc3\xa9"
                                        "d",
                                        "herausgegeben",
                                        NULL};
  size_t i = 0;
  while (i < count && labels[i] == IBID_REFLABEL_CITATION_NUMBER) i++;
  if (i == count || labels[i] != IBID_REFLABEL_AUTHOR) return;
  size_t start = i;
  while (i < count && labels[i] == IBID_REFLABEL_AUTHOR) i++;
  if (i == count || labels[i] != IBID_REFLABEL_EDITOR) return;
  view last = token_view(text, &tokens[i - 1]);
  if (!last.n || last.s[last.n - 1] != ',' || word_in(token_view(text, &tokens[i]), opening))
    return;
  size_t end = i;
  while (end < count && labels[end] == IBID_REFLABEL_EDITOR) end++;
  view mark = token_view(text, &tokens[end - 1]);
  if (mark.n < 4 || mark.s[0] != '(' || !editor_mark(mark)) return;
  for (size_t k = start; k < i; k++) labels[k] = IBID_REFLABEL_EDITOR;
}

/* "p.14", "pp.3-28", "S.12": a page word run together with its number is
** the pages, never the volume. */
static void glued_page_words(const char *text, const ibid_reftoken *tokens, size_t count,
                             uint8_t *labels) {
  for (size_t i = 0; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_VOLUME) continue;
    view t = token_view(text, &tokens[i]);
    if (t.n && t.s[0] == '(') t.s++, t.n--;
    size_t k = 0;
    if (t.n > 2 && (t.s[0] == 'p' || t.s[0] == 'S')) k = 1;
    if (k && t.s[0] == 'p' && t.n > 3 && t.s[1] == 'p') k = 2;
    if (k && k + 1 < t.n && t.s[k] == '.' && is_digit(t.s[k + 1])) labels[i] = IBID_REFLABEL_PAGES;
  }
}

/* Is t one to five digits, then at most a comma? */
static int plain_number(view t, int comma) {
  if (comma && t.n && t.s[t.n - 1] == ',') t.n--;
  if (!t.n || t.n > 5) return 0;
  for (size_t k = 0; k < t.n; k++)
    if (!is_digit(t.s[k])) return 0;
  return 1;
}

/*
** "..., 84 Wash. U. L. Rev. 777 (2006).", "9 Ann. Rev. L. & Soc. Sci. 269,
** 270 (2013)", "111 Yale L.J. 1935 (2002)": a law review cited the
** Bluebook way after the title's comma: volume, the journal's abbreviated
** name (capitalised words, "&", "of"; one at least ending in a period), the
** first page, a page cited (left out), the year in brackets. Not a book in
** volumes ("3 Bde. Tübingen: Mohr, 1920 (1988)", "4 Vols. Oxford: Clarendon
** Press, 1765 (1769)"): no match when the word after the number names volumes
** or a word of the name ends in ":" (a place before its publisher).
*/
static void bluebook_journal(const char *text, const ibid_reftoken *tokens, size_t count,
                             uint8_t *labels) {
  static const char *const joining[] = {"&", "of", "on", "and", "the", "for", NULL};
  static const char *const volumes[] = {"vols", "vol", "volumes", "bde", "bd", "t", "tomes", NULL};
  for (size_t i = 1; i + 3 < count; i++) {
    view before = token_view(text, &tokens[i - 1]);
    if (!before.n || before.s[before.n - 1] != ',' ||
        !plain_number(token_view(text, &tokens[i]), 0) ||
        word_in(token_view(text, &tokens[i + 1]), volumes))
      continue;
    size_t k = i + 1;
    int abbreviated = 0, place = 0;
    while (k < count && k - i <= 8) {
      view w = token_view(text, &tokens[k]);
      if (!w.n || !(is_upper(w.s[0]) || word_in(w, joining))) break;
      abbreviated |= w.s[w.n - 1] == '.';
      place |= w.s[w.n - 1] == ':';
      k++;
    }
    if (k == i + 1 || !abbreviated || place || k + 1 >= count ||
        !plain_number(token_view(text, &tokens[k]), 1))
      continue;
    size_t page = k++;
    if (text[tokens[page].start + tokens[page].length - 1] == ',' && k < count &&
        plain_number(token_view(text, &tokens[k]), 0))
      k++; /* the page cited */
    if (k >= count) continue;
    view year = token_view(text, &tokens[k]);
    if (year.n < 6 || year.s[0] != '(' || !is_digit(year.s[1]) || !parse_date(year).year) continue;
    labels[i] = IBID_REFLABEL_VOLUME;
    for (size_t m = i + 1; m < page; m++) labels[m] = IBID_REFLABEL_JOURNAL;
    labels[page] = IBID_REFLABEL_PAGES;
    for (size_t m = page + 1; m < k; m++) labels[m] = IBID_REFLABEL_OTHER;
    labels[k] = IBID_REFLABEL_DATE;
    return;
  }
}

/* Which fields meet: follows[a] has bit b set where a token of label b
** follows one of label a (a != b). The boundary rules below look for one
** such meeting each and run only where it occurs: one pass over the labels
** instead of one per rule. */
static void label_meetings(const uint8_t *labels, size_t count, uint32_t *follows) {
  memset(follows, 0, IBID_REFLABEL_COUNT * sizeof(*follows));
  for (size_t i = 1; i < count; i++)
    if (labels[i] != labels[i - 1]) follows[labels[i - 1]] |= 1u << labels[i];
}
#define MEET(a, b) (follows[IBID_REFLABEL_##a] >> IBID_REFLABEL_##b & 1u)

/* Letters in t before a final period ("Hypothesis." 10, "lucifugus</italic>."
** 9, markup left out; a character outside ASCII counts once), 0 when t does
** not end with one. */
static size_t letters_before_period(view t) {
  if (t.n < 2 || t.s[t.n - 1] != '.') return 0;
  size_t letters = 0;
  int tag = 0;
  for (size_t k = 0; k + 1 < t.n; k++) {
    char c = t.s[k];
    if (c == '<') tag = 1;
    if (!tag && (is_alpha(c) || (unsigned char)c >= 0xC0)) letters++; /* a character's first byte */
    if (c == '>') tag = 0;
  }
  return letters;
}

/* Does the token end with a letter (or a closing markup tag after one)? */
static int ends_letter(view t) {
  while (t.n && t.s[t.n - 1] == '>') {
    while (t.n && t.s[t.n - 1] != '<') t.n--;
    if (t.n) t.n--;
  }
  return t.n &&
         (is_alpha(t.s[t.n - 1]) || ((unsigned char)t.s[t.n - 1] >= 0x80 && !trailing_mark(t, "")));
}

/* Is a markup tag ("<italic>", left in by the copy) opened in the title run
** that ends before token i and not closed there? */
static int open_markup(const char *text, const ibid_reftoken *tokens, const uint8_t *labels,
                       size_t i) {
  int open = 0;
  for (size_t k = i; k > 0 && labels[k - 1] == IBID_REFLABEL_TITLE; k--) {
    view t = token_view(text, &tokens[k - 1]);
    for (const char *c = memchr(t.s, '<', t.n); c;
         c = memchr(c + 1, '<', (size_t)(t.s + t.n - c - 1)))
      open += c + 1 < t.s + t.n && c[1] == '/' ? -1 : 1;
  }
  return open > 0;
}

/* Does title token `last` end with a letter and a closing quote ("the
** ‘Democratic Rollback’"), the title run not starting with a quote: a quoted
** phrase inside the title, which does not end it. */
static int inner_quote_closes(const char *text, const ibid_reftoken *tokens, const uint8_t *labels,
                              size_t last) {
  view t = token_view(text, &tokens[last]);
  size_t mark = 0;
  if (t.n >= 3 && (unsigned char)t.s[t.n - 3] == 0xE2 && (unsigned char)t.s[t.n - 2] == 0x80 &&
      ((unsigned char)t.s[t.n - 1] == 0x99 || (unsigned char)t.s[t.n - 1] == 0x9D))
    mark = 3;
  else if (t.n >= 1 && (t.s[t.n - 1] == '"' || t.s[t.n - 1] == '\''))
    mark = 1;
  if (!mark || t.n <= mark || !is_alpha(t.s[t.n - mark - 1])) return 0;
  size_t first = last;
  while (first > 0 && labels[first - 1] == IBID_REFLABEL_TITLE) first--;
  return first < last && !opening_quote(token_view(text, &tokens[first]));
}

/*
** The title ends with a sentence, the journal follows ("Are Dictatorships
** Returning? ... Hypothesis. Contemporary Politics 16"): when the model put
** the boundary between two words with no mark between them, it belongs
** after the word ending with a period just past it ("Hypothesis." goes back to
** the title) or just before it ("HIV-1 Reverse Transcription. Cold Spring
** Harb." gives "Cold Spring" to the journal); the same when the title run
** leaves markup open ("<italic>M. | lucifugus</italic>. Journal of ...").
*/
static int title_journal_boundary(const char *text, const ibid_reftoken *tokens, size_t count,
                                  uint8_t *labels) {
  for (size_t i = 1; i + 1 < count; i++) {
    if (labels[i - 1] != IBID_REFLABEL_TITLE ||
        (labels[i] != IBID_REFLABEL_JOURNAL && labels[i] != IBID_REFLABEL_CONTAINER))
      continue;
    int journal = labels[i];
    if (!ends_letter(token_view(text, &tokens[i - 1])) && !open_markup(text, tokens, labels, i) &&
        !inner_quote_closes(text, tokens, labels, i - 1))
      return 0;
    /* forward: the first or second word of the journal ends the sentence */
    for (size_t j = i; j < i + 2 && j + 1 < count && labels[j + 1] == journal; j++) {
      view t = token_view(text, &tokens[j]);
      if (letters_before_period(t) >= 5 && is_upper(text[tokens[j + 1].start])) {
        for (size_t k = i; k <= j; k++) labels[k] = IBID_REFLABEL_TITLE;
        return 1;
      }
      if (!ends_letter(t)) break;
    }
    /* backward: a title word just before ends the sentence */
    for (size_t k = i - 1; k > 0 && k + 3 > i; k--) {
      view t = token_view(text, &tokens[k - 1]);
      if (labels[k - 1] != IBID_REFLABEL_TITLE) break;
      if (letters_before_period(t) >= 5 && is_upper(text[tokens[k].start])) {
        for (size_t m = k; m < i; m++) labels[m] = (uint8_t)journal;
        return 1;
      }
      if (!ends_letter(t)) break;
    }
    return 0;
  }
  return 0;
}

/*
** "Title, School of Civil Engineering, University": a publisher run that
** starts between two bare words of the title ("School of Civil | Engineering")
** starts after the comma or period up to three words before.
*/
static int title_publisher_boundary(const char *text, const ibid_reftoken *tokens, size_t count,
                                    uint8_t *labels) {
  for (size_t i = 1; i < count; i++) {
    if (labels[i - 1] != IBID_REFLABEL_TITLE || labels[i] != IBID_REFLABEL_PUBLISHER) continue;
    if (!ibid_refmodel_bare(text, tokens, i)) return 0;
    for (size_t k = i - 1; k > 1 && k + 3 >= i; k--) {
      view t = token_view(text, &tokens[k - 1]);
      if (labels[k - 1] != IBID_REFLABEL_TITLE) return 0;
      if (t.n > 2 && (t.s[t.n - 1] == ',' || t.s[t.n - 1] == '.') &&
          is_upper(text[tokens[k].start])) {
        for (size_t m = k; m < i; m++) labels[m] = IBID_REFLABEL_PUBLISHER;
        return 1;
      }
      if (!ends_letter(t)) return 0;
    }
    return 0;
  }
  return 0;
}

/*
** "Place: Publisher" around a place run ending with ":" that the publisher
** follows: a publisher run of one or two words ending with "," just before
** it is a first place ("Manchester, New York: Manchester University Press"),
** and a place run right after that publisher is more of the publisher ("Paris:
** Presses Universitaires de France, Quadrige").
*/
static int place_colon_publisher(const char *text, const ibid_reftoken *tokens, size_t count,
                                 uint8_t *labels) {
  for (size_t i = 0; i + 1 < count; i++) {
    if (labels[i] != IBID_REFLABEL_LOCATION || labels[i + 1] != IBID_REFLABEL_PUBLISHER) continue;
    view colon = token_view(text, &tokens[i]);
    if (!colon.n || colon.s[colon.n - 1] != ':') continue;
    size_t start = i;
    while (start > 0 && labels[start - 1] == IBID_REFLABEL_LOCATION) start--;
    size_t first = start;
    while (first > 0 && start - first < 3 && labels[first - 1] == IBID_REFLABEL_PUBLISHER) first--;
    if (first < start && start - first <= 2) { /* one or two words (the loop stops at three) */
      view last = token_view(text, &tokens[start - 1]);
      if (last.n && last.s[last.n - 1] == ',')
        for (size_t k = first; k < start; k++) labels[k] = IBID_REFLABEL_LOCATION;
    }
    size_t end = i + 1;
    while (end < count && labels[end] == IBID_REFLABEL_PUBLISHER) end++;
    view after = token_view(text, &tokens[end - 1]);
    if (end < count && labels[end] == IBID_REFLABEL_LOCATION && after.n &&
        after.s[after.n - 1] == ',') {
      size_t stop = end;
      while (stop < count && labels[stop] == IBID_REFLABEL_LOCATION) stop++;
      if (stop - end <= 2)
        for (size_t k = end; k < stop; k++) labels[k] = IBID_REFLABEL_PUBLISHER;
    }
    return 1; /* (labels may have changed) */
  }
  return 0;
}

/* "Schramm and Stjerna (eds.), Martin Luther, the Bible and ...": the
** editor mark ends the names heading the reference; names-labelled words
** after it, before the title, are the title's. */
static int names_end_at_editor_mark(const char *text, const ibid_reftoken *tokens, size_t count,
                                    uint8_t *labels) {
  size_t i = 0;
  while (i < count && labels[i] == IBID_REFLABEL_CITATION_NUMBER) i++;
  if (i == count || (labels[i] != IBID_REFLABEL_AUTHOR && labels[i] != IBID_REFLABEL_EDITOR))
    return 0;
  int names = labels[i];
  size_t end = i;
  while (end < count && labels[end] == names) end++;
  if (end == count || labels[end] != IBID_REFLABEL_TITLE) return 0;
  for (size_t k = i + 1; k + 1 < end; k++) {
    view t = token_view(text, &tokens[k]);
    if (t.n < 4 || t.s[0] != '(' || (t.s[t.n - 1] != ',' && t.s[t.n - 1] != '.') || !editor_mark(t))
      continue;
    for (size_t m = k + 1; m < end; m++) labels[m] = IBID_REFLABEL_TITLE;
    return 1;
  }
  return 0;
}

/* "Akhromeyev, Sergei and Georgi Kornienko. Glazami ...": the last name,
** after "and", ends the author list at its period; author-labelled words
** after it, before the title, are the title's. */
static int names_end_after_last(const char *text, const ibid_reftoken *tokens, size_t count,
                                uint8_t *labels) {
  static const char *const and_words[] = {"and", "und", "&", "et", "y", NULL};
  size_t i = 0;
  while (i < count && labels[i] == IBID_REFLABEL_CITATION_NUMBER) i++;
  size_t end = i;
  while (end < count && labels[end] == IBID_REFLABEL_AUTHOR) end++;
  if (end == i || end == count || labels[end] != IBID_REFLABEL_TITLE) return 0;
  size_t k = i + 1;
  /* (the words start with a, u, &, e or y: the others are not looked up) */
  while (k < end && (!strchr("aueyAUEY&", text[tokens[k].start]) ||
                     !word_in(token_view(text, &tokens[k]), and_words)))
    k++;
  /* the name after "and": two or three words, the last ending with a period */
  for (size_t j = k + 2; j < end && j <= k + 3; j++) {
    view t = token_view(text, &tokens[j]);
    if (t.n && t.s[t.n - 1] == ',') return 0;
    if (letters_before_period(t) < 2) continue;
    if (j + 1 < end && is_upper(text[tokens[j + 1].start]))
      for (size_t m = j + 1; m < end; m++) labels[m] = IBID_REFLABEL_TITLE;
    return 1;
  }
  return 0;
}

/* "Daedalus 111, no. 1 January 1, 1982": the number after an issue word
** ending the volume run is the issue, not the day of the date after it. */
static int issue_after_issue_word(const char *text, const ibid_reftoken *tokens, size_t count,
                                  uint8_t *labels) {
  int changed = 0;
  for (size_t i = 1; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_DATE || labels[i - 1] != IBID_REFLABEL_VOLUME) continue;
    view t = token_view(text, &tokens[i]);
    while (t.n && strchr(",.;:", t.s[t.n - 1])) t.n--;
    if (!t.n || t.n > 4) continue;
    int digits = 1;
    for (size_t k = 0; k < t.n; k++) digits &= is_digit(t.s[k]);
    if (!digits || !word_in(token_view(text, &tokens[i - 1]), issue_words)) continue;
    labels[i] = IBID_REFLABEL_VOLUME;
    changed = 1;
  }
  return changed;
}

/* "The Earth Observation Handbook: Special Edition for Rio+20.": a title
** run ending with a colon goes on with its subtitle, which the model took
** for a note, up to the subtitle's period. */
static int subtitle_after_colon(const char *text, const ibid_reftoken *tokens, size_t count,
                                uint8_t *labels) {
  for (size_t i = 1; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_NOTE || labels[i - 1] != IBID_REFLABEL_TITLE) continue;
    view colon = token_view(text, &tokens[i - 1]);
    if (!colon.n || colon.s[colon.n - 1] != ':') return 0;
    size_t end = i;
    while (end < count && labels[end] == IBID_REFLABEL_NOTE) {
      view t = token_view(text, &tokens[end++]);
      if (t.n && t.s[t.n - 1] == '.') break;
    }
    view last = token_view(text, &tokens[end - 1]);
    if (!last.n || last.s[last.n - 1] != '.') return 0;
    for (size_t k = i; k < end; k++) labels[k] = IBID_REFLABEL_TITLE;
    return 1;
  }
  return 0;
}

/* Is t a capitalised word or a small joining word of a journal's name? */
static int journal_name_word(view t) {
  static const char *const joining[] = {"and", "of", "the", "in", "for", "on", "&", NULL};
  return t.n && (is_upper(t.s[0]) || word_in(t, joining)); /* (word_in strips the marks) */
}

/*
** "Title: Hydrological Processes, v. 28(4)", "A Reply, Past and Present, n°
** 49": with no journal anywhere, a title run that the volume follows ends with
** the journal: its last part after a colon, period or comma, of one to five
** capitalised words, when the volume starts with a number, "v." or an issue
** word (a book's "Vol. 2" does not).
*/
static int journal_before_volume(const char *text, const ibid_reftoken *tokens, size_t count,
                                 uint8_t *labels) {
  for (size_t i = 0; i < count; i++)
    if (labels[i] == IBID_REFLABEL_JOURNAL || labels[i] == IBID_REFLABEL_CONTAINER ||
        labels[i] == IBID_REFLABEL_PUBLISHER || labels[i] == IBID_REFLABEL_EDITOR)
      return 0;
  size_t end = 0;
  while (end < count && labels[end] != IBID_REFLABEL_TITLE) end++;
  size_t start = end;
  while (end < count && labels[end] == IBID_REFLABEL_TITLE) end++;
  if (end == count || end - start < 4 || labels[end] != IBID_REFLABEL_VOLUME) return 0;
  view volume = token_view(text, &tokens[end]);
  static const char *const v_words[] = {"v", NULL};
  if (!is_digit(volume.s[0]) && !word_in(volume, v_words) && !word_in(volume, issue_words))
    return 0;
  view last = token_view(text, &tokens[end - 1]);
  if (!last.n || last.s[last.n - 1] != ',') return 0;
  for (size_t k = end - 1; k > start && end - k <= 5; k--) {
    view t = token_view(text, &tokens[k - 1]);
    if (t.n && strchr(".:,", t.s[t.n - 1])) {
      if (k - start < 3 || !is_upper(text[tokens[k].start])) return 0;
      for (size_t m = k; m < end; m++)
        if (!journal_name_word(token_view(text, &tokens[m]))) return 0;
      for (size_t m = k; m < end; m++) labels[m] = IBID_REFLABEL_JOURNAL;
      return 1;
    }
  }
  return 0;
}

/* "Journal of a Trip to the Hebrides with Samuel Johnson, (ed.) R. W.
** Chapman": an editor run that goes on from a title word with no mark between
** and has its mark "(ed.)" before the names: the words before the mark are the
** title's. */
static int editors_after_mark(const char *text, const ibid_reftoken *tokens, size_t count,
                              uint8_t *labels) {
  for (size_t i = 1; i < count; i++) {
    if (labels[i] != IBID_REFLABEL_EDITOR || labels[i - 1] != IBID_REFLABEL_TITLE) continue;
    if (!ibid_refmodel_bare(text, tokens, i)) return 0;
    for (size_t k = i + 1; k + 1 < count && k < i + 6 && labels[k] == IBID_REFLABEL_EDITOR; k++) {
      view t = token_view(text, &tokens[k]);
      if (t.n < 4 || t.s[0] != '(' || t.s[t.n - 1] != ')' || !editor_mark(t)) continue;
      if (labels[k + 1] != IBID_REFLABEL_EDITOR) return 0;
      for (size_t m = i; m < k; m++) labels[m] = IBID_REFLABEL_TITLE;
      return 1;
    }
    return 0;
  }
  return 0;
}

/* The rules that move the boundary between two fields, in the order they run:
** each is tried only where field `to` follows field `from` somewhere (or
** `or_to` follows `or_from`; the same pair again when there is no second),
** and returns 1 when it changed a label. */
typedef struct boundary_rule {
  uint8_t from, to, or_from, or_to;
  int (*rule)(const char *text, const ibid_reftoken *tokens, size_t count, uint8_t *labels);
} boundary_rule;
#define L(field) IBID_REFLABEL_##field
static const boundary_rule boundary_rules[] = {
    {L(TITLE), L(JOURNAL), L(TITLE), L(CONTAINER), title_journal_boundary},
    {L(TITLE), L(PUBLISHER), L(TITLE), L(PUBLISHER), title_publisher_boundary},
    {L(LOCATION), L(PUBLISHER), L(LOCATION), L(PUBLISHER), place_colon_publisher},
    {L(AUTHOR), L(TITLE), L(EDITOR), L(TITLE), names_end_at_editor_mark},
    {L(AUTHOR), L(TITLE), L(AUTHOR), L(TITLE), names_end_after_last},
    {L(VOLUME), L(DATE), L(VOLUME), L(DATE), issue_after_issue_word},
    {L(TITLE), L(NOTE), L(TITLE), L(NOTE), subtitle_after_colon},
    {L(TITLE), L(VOLUME), L(TITLE), L(VOLUME), journal_before_volume},
};
#undef L

static void adjust_labels(const char *text, const ibid_reftoken *tokens, size_t count,
                          uint8_t *labels) {
  repeated_author(text, tokens, count, labels);
  no_year(text, tokens, count, labels);
  publisher_before_year(text, tokens, count, labels);
  document_prefixes(text, tokens, count, labels);
  stripped_urls(text, tokens, count, labels);
  url_tokens(text, tokens, count, labels);
  day_before_month(text, tokens, count, labels);
  quoted_title(text, tokens, count, labels);
  quoted_in(text, tokens, count, labels);
  author_title_boundary(text, tokens, count, labels);
  editions(text, tokens, count, labels);
  volume_words_before_number(text, tokens, count, labels);
  place_before_colon(text, tokens, count, labels);
  place_ending_title(text, tokens, count, labels);
  title_after_editors(text, tokens, count, labels);
  in_container_before_editors(text, tokens, count, labels);
  page_count(text, tokens, count, labels);
  arxiv_not_pages(text, tokens, count, labels);
  editor_mark_after_names(text, tokens, count, labels);
  names_before_editor_mark(text, tokens, count, labels);
  bluebook_journal(text, tokens, count, labels);
  glued_page_words(text, tokens, count, labels);
  title_before_place(count, labels);
  in_names_container(text, tokens, count, labels);
  /* The boundary rules, each only where the two fields it looks at meet
  ** (boundary_rules); after a rule moved a boundary, the meetings again. */
  uint32_t follows[IBID_REFLABEL_COUNT];
  label_meetings(labels, count, follows);
  for (size_t r = 0; r < sizeof(boundary_rules) / sizeof(*boundary_rules); r++) {
    const boundary_rule *b = &boundary_rules[r];
    int meet = (follows[b->from] >> b->to & 1u) || (follows[b->or_from] >> b->or_to & 1u);
    if (meet && b->rule(text, tokens, count, labels)) label_meetings(labels, count, follows);
  }
  if (MEET(TITLE, EDITOR)) editors_after_mark(text, tokens, count, labels);
}

/* ibid_reference_segments with `extra` more bytes at the end of the block
** (*extra_at: 8-byte aligned, set when segments are returned), for the
** caller's own use. */
static ibid_reference_segment *segments_with(const char *text, size_t length, size_t *count,
                                             int *failed, size_t extra, char **extra_at) {
  *count = 0;
  length = parsed_length(text, length);
  /* one block: the segments (returned), the tokens, the labels; room for
  ** the most tokens there can be (a byte apart), as many segments */
  size_t capacity = length / 2 + 1;
  size_t labels_at = capacity * (sizeof(ibid_reference_segment) + sizeof(ibid_reftoken));
  size_t extra_start = (labels_at + capacity + 7) / 8 * 8;
  ibid_reference_segment *segments = ibid_malloc(extra_start + extra);
  if (!segments) {
    *failed = 1;
    return NULL;
  }
  ibid_reftoken *tokens = (ibid_reftoken *)(void *)(segments + capacity);
  uint8_t *labels = (uint8_t *)segments + labels_at;
  size_t token_count = ibid_reftokens_split_into(text, length, tokens);
  if (!token_count) {
    ibid_free(segments);
    return NULL;
  }
  if (ibid_refmodel_label(text, tokens, token_count, labels) != 0) {
    ibid_free(segments);
    *failed = 1;
    return NULL;
  }
  adjust_labels(text, tokens, token_count, labels);
  size_t used = 0;
  for (size_t i = 0; i < token_count; i++) {
    size_t end = tokens[i].start + tokens[i].length;
    if (used && segments[used - 1].label == labels[i]) {
      segments[used - 1].length = end - segments[used - 1].start;
      continue;
    }
    /* (segment `used` ends before token i starts: used <= i) */
    segments[used].label = labels[i];
    segments[used].start = tokens[i].start;
    segments[used].length = tokens[i].length;
    used++;
  }
  *count = used;
  if (extra_at) *extra_at = (char *)segments + extra_start; /* set only with the segments */
  return segments;
}

ibid_reference_segment *ibid_reference_segments(const char *text, size_t length, size_t *count,
                                                int *failed) {
  return segments_with(text, length, count, failed, 0, NULL);
}

char *ibid_parse_reference_json(const char *text, size_t length, size_t *json_length) {
  int failed = 0;
  size_t count = 0;
  length = parsed_length(text, length);
  /* the fields' text in the segments' block: the lower-cased reference
  ** (length + 1), the segments of each label joined (their bytes, at most
  ** length, and a byte each, at most one a token: length / 2 + 1) */
  char *room = NULL;
  ibid_reference_segment *segments =
      segments_with(text, length, &count, &failed, 2 * length + length / 2 + 2, &room);
  if (failed) return NULL;
  fields f;
  memset(&f, 0, sizeof(f));
  char *block = NULL; /* (allocated when there is no segment, and so no room) */
  failed = fields_collect(&f, text, length, segments, count, &block, segments ? room : NULL) != 0;
  if (failed) {
    ibid_free(segments);
    return NULL;
  }
  ibid_buffer out;
  ibid_buffer_init(&out);
  /* (the JSON is rarely longer: one allocation instead of a few) */
  ibid_buffer_reserve(&out, 2 * length + 256);
  book_not_journal(&f);
  write_json(&out, text, length, &f, count);
  ibid_free(block);
  ibid_free(segments);
  if (out.failed) {
    ibid_buffer_free(&out);
    return NULL;
  }
  return ibid_buffer_take(&out, json_length);
}
