/*
** cites.c -- in-text author-year citations (see cites.h, docs/cites.md).
**
** HOW IT WORKS
** Every "(" is paired with the next ")" when no other "(" comes first and the
** pair spans at most MAXIMUM_PARENTHESIS bytes, so each byte is looked at a
** bounded number of times (linear time). The inside is split at ";" into
** items, and after a year also at ", Name" and " and Name" ("(Zimov et al.
** 1995, Johnson 2009)"). An item is: an optional prefix ("see also", "e.g.",
** "vgl.", "voir aussi", "véase"), an author part that looks like names
** (capitalized first word, no ":" or digits, "/" only between two names as in
** German "Müller/Schmidt", lower-case words only those that join names, "und",
** "et", "y", "et al.", "u. a.", no words that name documents such as "Article"
** or "Resolution"), then a year ("2015", "2005a", "n.d.", "forthcoming",
** "in press"), then what may follow a
** year: ": 120" or ", p. 5" (locator), ", 2016" (another year by the same
** authors), ", b" (another suffix of the same year).
**
** A parenthesis that holds only years ("(2015)", "(2015: 539)") is a
** narrative cite when the words just before it are a name ("Smith (2015)",
** "Snyder and Vinjamuri’s (2003)"), back to a word that starts a clause in
** English, German, French or Spanish ("However", "Nach", "Selon", "Según");
** the ones that end a reference ("Law Review, 19:1 (1956)", "ICJ Reports
** (2012), pp. 3-34", "Jann, Werner (2009):") are told apart
** by what precedes (a number, a quote, a word that names a publication, the
** initials of a reference-list entry) and what follows (", pp.", ", available
** at", a capitalized word on the same line). A year with a
** locator and no name before it ("(2015: 539)") is still a cite, authors NULL.
** A year alone after anything else ("(1998)") is not.
**
** Malformed items are kept with a problem: "( )" in prose is 'empty', "(Jones, )"
** 'missing year', "(Smith, 205: 135)" 'implausible year', junk before the
** author ("(… Moss, 2012)") or after the year 'unknown'.
*/
#include "cites.h"

#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "memory.h"
#include "utf8.h"

/* Longest parenthesis considered: a group of a dozen cites fits; prose asides
** that run for paragraphs are not citations. Bounds the work per "(". */
#define MAXIMUM_PARENTHESIS 800
/* Years a single item may list ("(Bensouda, 2012, 2014)"). */
#define MAXIMUM_YEARS 16
/* Longest author part, in bytes and in words. */
#define MAXIMUM_AUTHOR_BYTES 160
#define MAXIMUM_AUTHOR_WORDS 12
/* Name words a narrative cite may reach back over ("Therese Pettersson and Peter Wallensteen"). */
#define MAXIMUM_NAME_WORDS 8
#define EARLIEST_YEAR 1450
#define LATEST_YEAR 2099

/* ----- characters --------------------------------------------------------- */

/* Decodes the code point at text[position] (position < end). */
static uint32_t code_point_at(const char *text, size_t end, size_t position, size_t *size) {
  uint32_t code_point;
  *size = ibid_utf8_decode(text, end, position, &code_point);
  return code_point;
}

/* ASCII white space: ' ' and '\t' .. '\r' (ICU's White_Space adds none below 0x80). */
static inline int is_ascii_white(uint32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_white_code_point(uint32_t c) {
  return is_ascii_white(c) || u_isUWhiteSpace((UChar32)c);
}

/* Byte length of the white-space character at position, 0 if none. */
static inline size_t white_space_at(const char *text, size_t end, size_t position) {
  if (position >= end) return 0;
  unsigned char b = (unsigned char)text[position];
  if (b < 0x80) return is_ascii_white(b); /* (ASCII: no decoding) */
  size_t size;
  uint32_t c = code_point_at(text, end, position, &size);
  return is_white_code_point(c) ? size : 0;
}

static size_t skip_white_space(const char *text, size_t position, size_t end) {
  size_t size;
  while ((size = white_space_at(text, end, position)) > 0) position += size;
  return position;
}

/* Moves end back over white space, not before start. */
static size_t trim_end(const char *text, size_t start, size_t end) {
  while (end > start) {
    unsigned char b = (unsigned char)text[end - 1];
    if (b < 0x80) { /* (ASCII: no decoding) */
      if (!is_ascii_white(b)) break;
      end--;
      continue;
    }
    uint32_t c;
    size_t size = ibid_utf8_decode_before(text, end, &c);
    if (!is_white_code_point(c)) break;
    end -= size;
  }
  return end;
}

static int is_upper_at(const char *text, size_t end, size_t position) {
  if (position >= end) return 0;
  size_t size;
  uint32_t c = code_point_at(text, end, position, &size);
  return u_isupper((UChar32)c) || u_istitle((UChar32)c);
}

static int is_letter_at(const char *text, size_t end, size_t position) {
  if (position >= end) return 0;
  size_t size;
  uint32_t c = code_point_at(text, end, position, &size);
  return u_isalpha((UChar32)c);
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}
static int is_lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}

/* Case-insensitive ASCII comparison of text[start..end) with word. */
static int equals_word(const char *text, size_t start, size_t end, const char *word) {
  /* no strlen: a mismatch mostly shows at the first byte */
  size_t length = end - start;
  for (size_t i = 0; i < length; i++) {
    char c = text[start + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (!word[i] || c != word[i]) return 0;
  }
  return word[length] == 0;
}

/* Compares text[start..end), ASCII lower-cased, with word: <0, 0 or >0 in
** the order of their bytes (unsigned), a prefix first. */
static int compare_word(const char *text, size_t start, size_t end, const char *word) {
  size_t length = end - start;
  for (size_t i = 0;; i++) {
    unsigned char w = (unsigned char)word[i];
    if (i == length) return w ? -1 : 0;
    if (!w) return 1;
    unsigned char c = (unsigned char)text[start + i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    if (c != w) return c < w ? -1 : 1;
  }
}

/* Is text[start..end) one of the `count` words of list (sorted by their
** bytes, NULL after the last)? Halves the list at each step. */
static int in_word_list(const char *text, size_t start, size_t end, const char *const *list,
                        size_t count) {
  size_t low = 0, high = count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    int order = compare_word(text, start, end, list[middle]);
    if (order == 0) return 1;
    if (order < 0)
      high = middle;
    else
      low = middle + 1;
  }
  return 0;
}

/* The words of a NULL-terminated list, for in_word_list. */
#define WORDS(list) list, sizeof(list) / sizeof(list[0]) - 1

/* Does text[position..end) begin with word (ASCII, case-insensitive)? */
static int starts_with(const char *text, size_t position, size_t end, const char *word) {
  size_t length = strlen(word);
  return end - position >= length && equals_word(text, position, position + length, word);
}

/* ----- word lists (general English / bibliographic vocabulary) ----------- */

/* Each list is sorted by its bytes (in_word_list searches it by halves). */

/* Lower-case words that may sit inside a personal or corporate author name. */
static const char *const name_connectors[] = {
    "&",   "a.",  "al",  "al.", "and", "at",   "da",  "das", "de",  "del", "della", "den",
    "der", "di",  "dos", "du",  "e",   "et",   "for", "in",  "la",  "le",  "of",    "on",
    "ten", "ter", "the", "to",  "u.",  "u.a.", "und", "van", "von", "y",   NULL};

/* Lower-case particles a surname may start with ("de Waal", "van der Wilt"). */
static const char *const name_particles[] = {"da",  "das", "de",  "del", "della", "den",
                                             "der", "di",  "dos", "du",  "la",    "le",
                                             "ten", "ter", "van", "von", NULL};

static const char *const month_names[] = {
    "apr.",     "april", "aug.",    "august", "dec.",  "december",  "feb.",  "february", "jan.",
    "january",  "jul.",  "july",    "jun.",   "june",  "mar.",      "march", "may",      "nov.",
    "november", "oct.",  "october", "sep.",   "sept.", "september", NULL};

/* Words that name a document, a part of one or a publisher, never an author:
** "(Article 13, 2005)", "(Resolution 1593)", "(Oxford University Press, 2005)". */
static const char *const document_words[] = {
    "act",        "annex",       "art.",   "article",  "articles",   "chapter",
    "charter",    "convention",  "fig.",   "figure",   "no.",        "online",
    "p.",         "page",        "pages",  "para.",    "paragraph",  "paras.",
    "part",       "pp.",         "press",  "protocol", "publishers", "publishing",
    "resolution", "resolutions", "rule",   "rules",    "section",    "sections",
    "statute",    "table",       "treaty", "vol.",     "volume",     NULL};

/* Capitalized English words that start sentences or clauses rather than names:
** "As Smith (2010) shows" names Smith, not "As Smith". */
static const char *const function_words[] = {
    "a",       "according", "after",  "all",       "also",    "although",  "among",       "an",
    "and",     "as",        "at",     "because",   "before",  "between",   "both",        "but",
    "by",      "cf.",       "during", "e.g.",      "each",    "earlier",   "eg",          "even",
    "every",   "finally",   "first",  "following", "for",     "from",      "furthermore", "he",
    "hence",   "her",       "here",   "his",       "how",     "however",   "i",           "i.e.",
    "ie",      "if",        "in",     "indeed",    "instead", "it",        "its",         "later",
    "like",    "likewise",  "many",   "moreover",  "most",    "no",        "nor",         "not",
    "notably", "of",        "on",     "only",      "or",      "other",     "others",      "our",
    "per",     "recently",  "second", "see",       "she",     "similarly", "since",       "so",
    "some",    "that",      "the",    "their",     "then",    "there",     "therefore",   "these",
    "they",    "third",     "this",   "those",     "though",  "thus",      "to",          "under",
    "unlike",  "via",       "we",     "what",      "when",    "where",     "whereas",     "whether",
    "which",   "while",     "who",    "why",       "with",    "yet",       NULL};

/* German, French and Spanish clause words ("Nach Schuppert (2005)", "Selon
** Bourdieu (1970)"): they end a name only once a name word is taken, so the
** word just before "(" is always a name ("Die (2010)"). */
static const char *const clause_words[] = {
    "además", "ainsi", "alors",  "après", "así",   "aunque",  "aussi",   "avec",  "bereits",
    "cette",  "chez",  "comme",  "como",  "con",   "dabei",   "dagegen", "daher", "damit",
    "dans",   "dass",  "depuis", "desde", "die",   "diese",   "dieser",  "doch",  "ein",
    "eine",   "einer", "entre",  "für",   "gemäß", "laut",    "mais",    "mit",   "même",
    "nach",   "nur",   "par",    "pero",  "por",   "pour",    "puis",    "quant", "schon",
    "según",  "seit",  "selon",  "sin",   "sobre", "sowie",   "también", "tras",  "trotz",
    "una",    "und",   "vgl.",   "voir",  "véase", "während", "zum",     "zur",   NULL};

/* Clause words that are also surnames ("Dann (1977)", "Bei (2010)"): they end
** a name only at the start of a sentence and before a name word ("Bei Weber
** (1922)"). Articles that are also name particles (das, der, den, les, ver:
** "Der Derian", "Das Gupta", "Ver Steeg") never end one. */
static const char *const surname_clause_words[] = {"auch", "bei", "dann", "para",
                                                   "sur",  "wie", NULL};

/* Words of publication titles and legal instruments: a year in parentheses
** after them dates the document ("Law Review (1956)", "Rome Statute (1998)"). */
static const char *const publication_words[] = {
    "books",      "bulletin",    "conference", "ed.",        "edition",   "eds.",   "encyclopedia",
    "gazette",    "handbook",    "journal",    "law",        "magazine",  "news",   "post",
    "press",      "proceedings", "publishers", "publishing", "quarterly", "report", "reports",
    "review",     "series",      "sons",       "studies",    "symposium", "times",  "tribune",
    "university", "verlag",      "workshop",   "yearbook",   NULL};

/* Last words of the names of laws and instruments: "the Glass-Owen Bill (1913)"
** dates a bill, it cites no one. Checked on the last word only ("Bill Clinton"). */
static const char *const instrument_words[] = {
    "accord",      "accords",   "act",          "agreement",  "amendment",  "bill",
    "charter",     "code",      "constitution", "convention", "covenant",   "crisis",
    "declaration", "directive", "election",     "elections",  "guidelines", "plan",
    "principles",  "program",   "programme",    "protocol",   "regulation", "resolution",
    "statute",     "strategy",  "summit",       "treaty",     "war",        NULL};

/* Words after "(year)," that continue a reference, not a sentence. */
static const char *const reference_continuations[] = {
    "accessed", "at",    "available", "http", "https",     "no",  "no.",  "online", "p", "p.",
    "para",     "para.", "pp",        "pp.",  "retrieved", "vol", "vol.", "www",    NULL};

/* Prefixes of an item (lower case), longest first so "see also" wins over "see". */
static const char *const prefix_phrases[] = {
    "see, for example,", "see, for example", "see, e.g.,", "see, e.g.", "see e.g.,", "see e.g.",
    "see, also", "see also", "but see", "see generally", "see", "also", "e.g.,", "e.g.", "eg,",
    "cf. aussi", "cf.,", "cf.", "cf", "compare", "contra", "for example,", "for example",
    "for instance,", "for instance", "i.e.,", "i.e.", "as cited in", "cited in", "as quoted in",
    "quoted in", "in particular,", "adapted from", "modified from", "data from", "from", "after",
    "as described in", "described in", "reviewed in",
    /* German, French, Spanish */
    "vgl. auch", "vgl. etwa", "vgl. z. b.", "vgl.", "siehe auch", "siehe etwa", "siehe", "z. b.",
    "z.b.", "etwa", "voir aussi", "voir notamment", "voir par exemple", "voir", "par exemple,",
    "par exemple", "notamment", "véase también", "véase, por ejemplo,", "véase", "ver también",
    "ver", "por ejemplo,", "por ejemplo", "p. ej.,", "p. ej.", NULL};

/* Words that open a locator written without ":" ("p. 5", "paras 3-4"). */
static const char *const locator_words[] = {
    "art.", "at",  "ch.",  "chap.", "chapter", "col.", "esp.",  "especially", "fig.",   "fn.",
    "n.",   "nn.", "note", "p",     "p.",      "para", "para.", "paras",      "paras.", "pp",
    "pp.",  "s.",  "sec.", "ss.",   "table",   "vol.", "§",     "§§",         NULL};

/* ----- the result list ----------------------------------------------------- */

typedef struct cite_list {
  ibid_cite *items;
  size_t count, capacity;
  int out_of_memory;
} cite_list;

static void free_cite_strings(ibid_cite *cite) {
  ibid_free(cite->authors);
  ibid_free(cite->locator);
  ibid_free(cite->prefix);
}

/* Appends cite; on failure frees its strings and marks the list. */
static void push_cite(cite_list *list, ibid_cite *cite) {
  if (list->out_of_memory) {
    free_cite_strings(cite);
    return;
  }
  if (list->count == list->capacity) {
    size_t capacity = list->capacity ? list->capacity * 2 : 32;
    ibid_cite *items = ibid_realloc(list->items, capacity * sizeof(ibid_cite));
    if (!items) {
      free_cite_strings(cite);
      list->out_of_memory = 1;
      return;
    }
    list->items = items;
    list->capacity = capacity;
  }
  list->items[list->count++] = *cite;
}

/* A NUL-terminated copy of text[start..end) with every run of white space
** made one space (PDF text breaks names across lines); NULL when empty or out
** of memory (*failed set). */
static char *copy_collapsed(const char *text, size_t start, size_t end, int *failed) {
  start = skip_white_space(text, start, end);
  end = trim_end(text, start, end);
  if (start >= end) return NULL;
  char *copy = ibid_malloc(end - start + 1);
  if (!copy) {
    *failed = 1;
    return NULL;
  }
  size_t out = 0, position = start;
  while (position < end) {
    size_t size = white_space_at(text, end, position);
    if (size) {
      copy[out++] = ' ';
      position = skip_white_space(text, position, end);
    } else {
      size_t character = 1; /* whole characters, never a continuation byte alone */
      while (position + character < end &&
             ((unsigned char)text[position + character] & 0xC0) == 0x80)
        character++;
      memcpy(copy + out, text + position, character);
      out += character;
      position += character;
    }
  }
  copy[out] = 0;
  return copy;
}

/* ----- years and what follows them ----------------------------------------- */

typedef struct year_entry {
  size_t start, end; /* the entry's own text: year through its locator */
  int has_year, year, implausible;
  char suffix[4];
  size_t locator_start, locator_end; /* equal when there is no locator */
} year_entry;

typedef struct year_list {
  year_entry entries[MAXIMUM_YEARS];
  size_t count;
  int unknown;      /* unexpected text after a year, or an empty locator */
  size_t next_item; /* where another author-year item starts ("..., Jones 2011"); 0 if none */
  size_t stop;      /* where this item's text ends when next_item is set */
} year_list;

/* Reads a year token at position: digits with an optional one- or two-letter
** suffix ("2005a"), or "n.d.", "forthcoming", "in press". Returns the end of
** the token, 0 when there is none. Only tokens followed by white space, ",",
** ":", ";" or the end count, so "2003-04" and "9.795" are not years. */
static size_t read_year(const char *text, size_t position, size_t end, year_entry *entry) {
  memset(entry, 0, sizeof(*entry));
  entry->start = position;
  size_t cursor = position;
  if (cursor < end && is_digit(text[cursor])) {
    int value = 0, digits = 0;
    while (cursor < end && is_digit(text[cursor]) && digits < 6) {
      value = value * 10 + (text[cursor] - '0');
      digits++, cursor++;
    }
    if (digits > 5 || (cursor < end && is_digit(text[cursor]))) return 0;
    size_t suffix_length = 0;
    while (cursor + suffix_length < end && is_lower_ascii(text[cursor + suffix_length]) &&
           suffix_length < 3)
      suffix_length++;
    if (suffix_length > 2 || is_letter_at(text, end, cursor + suffix_length)) return 0;
    memcpy(entry->suffix, text + cursor, suffix_length);
    entry->suffix[suffix_length] = 0;
    cursor += suffix_length;
    entry->has_year = 1;
    entry->year = value;
    entry->implausible = digits != 4 || value < EARLIEST_YEAR || value > LATEST_YEAR;
    /* "1975/1995": original and reprint years; the first is the year of the work. */
    if (digits == 4 && !suffix_length && cursor + 5 <= end && text[cursor] == '/' &&
        is_digit(text[cursor + 1]) && is_digit(text[cursor + 2]) && is_digit(text[cursor + 3]) &&
        is_digit(text[cursor + 4]) && (cursor + 5 == end || !is_digit(text[cursor + 5])))
      cursor += 5;
  } else if (starts_with(text, cursor, end, "n.d.")) {
    cursor += 4;
  } else if (starts_with(text, cursor, end, "n. d.")) {
    cursor += 5;
  } else if (starts_with(text, cursor, end, "forthcoming")) {
    cursor += 11;
  } else if (starts_with(text, cursor, end, "in press")) {
    cursor += 8;
  } else {
    return 0;
  }
  if (cursor < end && !white_space_at(text, end, cursor) && text[cursor] != ',' &&
      text[cursor] != ':' && text[cursor] != ';')
    return 0;
  entry->end = cursor;
  return cursor;
}

/* Is there a plausible new year (not a page number) at position? */
static int plausible_year_at(const char *text, size_t position, size_t end) {
  year_entry entry;
  return read_year(text, position, end, &entry) && !entry.implausible;
}

/* Length of a locator word at position ("p.", "paras"), 0 if none. */
static size_t locator_word_at(const char *text, size_t position, size_t end) {
  size_t word_end = position;
  while (word_end < end && !white_space_at(text, end, word_end) && !is_digit(text[word_end]))
    word_end++;
  if (word_end == position || word_end >= end) return 0;
  return in_word_list(text, position, word_end, WORDS(locator_words)) ? word_end - position : 0;
}

/* Where a locator starting at position ends: before ", <year>", before
** ", <Capitalized word>" (the next item), or at end. */
static size_t locator_end(const char *text, size_t position, size_t end) {
  for (size_t cursor = position; cursor < end; cursor++) {
    if (text[cursor] != ',') continue;
    size_t next = skip_white_space(text, cursor + 1, end);
    if (plausible_year_at(text, next, end) || is_upper_at(text, end, next)) return cursor;
  }
  return end;
}

/* Is there " and X" or " & X" (X capitalized) at position: a second item joined by "and"? */
static size_t joined_item_at(const char *text, size_t position, size_t end) {
  size_t word = 0;
  if (starts_with(text, position, end, "and")) word = 3;
  if (starts_with(text, position, end, "&")) word = 1;
  if (!word || !white_space_at(text, end, position + word)) return 0;
  size_t next = skip_white_space(text, position + word, end);
  return is_upper_at(text, end, next) ? next : 0;
}

/* Reads a suffix-only continuation ", b" at position; returns its end or 0. */
static size_t read_extra_suffix(const char *text, size_t position, size_t end) {
  if (position >= end || !is_lower_ascii(text[position])) return 0;
  size_t after = position + 1;
  if (after < end && !white_space_at(text, end, after) && text[after] != ',' && text[after] != ':')
    return 0;
  return after;
}

static void add_entry(year_list *years, const year_entry *entry) {
  if (years->count < MAXIMUM_YEARS) years->entries[years->count++] = *entry;
}

/* Sets the locator of entry from position; returns where parsing goes on. */
static size_t take_locator(const char *text, size_t position, size_t end, year_entry *entry,
                           year_list *years) {
  size_t stop = locator_end(text, position, end);
  size_t trimmed = trim_end(text, position, stop);
  if (trimmed == position) years->unknown = 1;
  entry->locator_start = position;
  entry->locator_end = trimmed;
  entry->end = trimmed > entry->end ? trimmed : entry->end;
  return stop;
}

/*
** Parses "2015: 136-138, 2016", "2011a, b", "2010, p. 5" from position (which
** must hold a year token) to end into years, which must be all zeros (parse_item
** clears the item; a call that returns 0 leaves years as it was). Returns 0
** when position holds no year.
*/
static int read_years(const char *text, size_t position, size_t end, year_list *years) {
  year_entry entry;
  size_t cursor = read_year(text, position, end, &entry);
  if (!cursor) return 0;
  while (1) {
    cursor = skip_white_space(text, cursor, end);
    if (cursor >= end) break;
    if (text[cursor] == ':') {
      cursor = take_locator(text, skip_white_space(text, cursor + 1, end), end, &entry, years);
      continue;
    }
    if (text[cursor] == ',') {
      size_t next = skip_white_space(text, cursor + 1, end);
      size_t after;
      if (next >= end) break; /* a trailing comma */
      if (entry.suffix[0] && (after = read_extra_suffix(text, next, end))) {
        year_entry extra = entry;
        add_entry(years, &entry);
        extra.start = next, extra.end = after;
        extra.suffix[0] = text[next], extra.suffix[1] = 0;
        extra.locator_start = extra.locator_end = 0;
        entry = extra;
        cursor = after;
        continue;
      }
      year_entry next_entry;
      if ((after = read_year(text, next, end, &next_entry)) && !next_entry.implausible) {
        add_entry(years, &entry);
        entry = next_entry;
        cursor = after;
        continue;
      }
      if (is_digit(text[next]) || locator_word_at(text, next, end)) {
        cursor = take_locator(text, next, end, &entry, years);
        continue;
      }
      if (is_upper_at(text, end, next)) { /* "(Zimov et al. 1995, Johnson 2009)" */
        years->next_item = next, years->stop = cursor;
        break;
      }
      break; /* a note such as ", emphasis added": not part of the cite */
    }
    if (locator_word_at(text, cursor, end)) {
      cursor = take_locator(text, cursor, end, &entry, years);
      continue;
    }
    size_t joined = joined_item_at(text, cursor, end);
    if (joined) { /* "(Cohen 1997 and Abrams 2006)" */
      years->next_item = joined, years->stop = cursor;
      break;
    }
    /* Lower-case words are a note ("see Smith, 1985 for a review"); other text is not expected. */
    if (!is_letter_at(text, end, cursor) || is_upper_at(text, end, cursor)) years->unknown = 1;
    break;
  }
  add_entry(years, &entry);
  return 1;
}

/* ----- author parts -------------------------------------------------------- */

/* Length of a prefix phrase at position (with its comma), 0 if none. The
** phrase must be followed by white space. */
static size_t prefix_at(const char *text, size_t position, size_t end, size_t *phrase_end) {
  for (const char *const *phrase = prefix_phrases; *phrase; phrase++) {
    /* the first byte first: starts_with compares it again */
    if (position >= end) break;
    char first = text[position];
    int capital = first >= 'A' && first <= 'Z';
    if (capital) first = (char)(first - 'A' + 'a');
    if (first != (*phrase)[0]) continue;
    /* Spanish "ver" only in lower case: "Ver Steeg" is a Dutch surname. */
    if (capital && strcmp(*phrase, "ver") == 0) continue;
    size_t length = strlen(*phrase);
    if (!starts_with(text, position, end, *phrase)) continue;
    size_t after = position + length;
    if (!white_space_at(text, end, after)) continue;
    *phrase_end = after;
    while (*phrase_end > position && text[*phrase_end - 1] == ',') (*phrase_end)--;
    return length;
  }
  return 0;
}

/* Where the author part starting at position ends: the first year token that
** follows white space or a comma. Returns end when there is none. */
static size_t find_year_start(const char *text, size_t position, size_t end) {
  for (size_t cursor = position + 1; cursor < end; cursor++) {
    char first = (char)(text[cursor] | 0x20); /* ASCII lower case */
    if (!is_digit(text[cursor]) && first != 'n' && first != 'f' && first != 'i') continue;
    uint32_t before;
    ibid_utf8_decode_before(text, cursor, &before);
    if (before != ',' && !is_white_code_point(before)) continue;
    year_entry entry;
    if (read_year(text, cursor, end, &entry)) return cursor;
  }
  return end;
}

/* The bounds of the word starting at position (up to white space). */
static size_t word_end_at(const char *text, size_t position, size_t end) {
  while (position < end && !white_space_at(text, end, position)) position++;
  return position;
}

/* Strips one trailing "," from a word for list look-ups. */
static size_t without_comma(const char *text, size_t start, size_t end) {
  return (end > start && text[end - 1] == ',') ? end - 1 : end;
}

/* May an author part begin at position: a capital, or a particle then a capital? */
static int author_start_ok(const char *text, size_t position, size_t end) {
  if (is_upper_at(text, end, position)) return 1;
  size_t word_end = word_end_at(text, position, end);
  if (!in_word_list(text, position, word_end, WORDS(name_particles))) return 0;
  size_t next = skip_white_space(text, word_end, end);
  return next > word_end && is_upper_at(text, end, next);
}

/* Months, their 3- and 4-letter abbreviations and seasons in English, German,
** French and Spanish: the issue of a periodical ("Nov/Dec", "Mai/Juni", "Sommer"). */
static const char *const issue_words[] = {
    "abr",       "abril",      "ago",       "agosto",    "août",      "apr",     "april",
    "aug",       "august",     "automne",   "autumn",    "avr",       "avril",   "dec",
    "december",  "dez",        "dezember",  "dic",       "diciembre", "déc",     "décembre",
    "ene",       "enero",      "fall",      "feb",       "febrero",   "februar", "february",
    "frühjahr",  "frühling",   "févr",      "février",   "herbst",    "hiver",   "invierno",
    "jan",       "januar",     "january",   "janv",      "janvier",   "juil",    "juillet",
    "juin",      "jul",        "juli",      "julio",     "july",      "jun",     "june",
    "juni",      "junio",      "jänner",    "mai",       "mar",       "march",   "mars",
    "marzo",     "may",        "mayo",      "mär",       "märz",      "nov",     "november",
    "novembre",  "noviembre",  "oct",       "october",   "octobre",   "octubre", "okt",
    "oktober",   "otoño",      "primavera", "printemps", "sep",       "sept",    "september",
    "septembre", "septiembre", "set",       "setiembre", "sommer",    "spring",  "summer",
    "verano",    "winter",     "Été",       "été",       NULL};

/* Is text[start..end) a month or a season, with or without a period ("May",
** "Sept.", "Herbst"): the issue of a periodical, "(May/June 1987)", not an author? */
static int is_month_or_season(const char *text, size_t start, size_t end) {
  if (end > start && text[end - 1] == '.') end--;
  return in_word_list(text, start, end, WORDS(issue_words));
}

/* Is text[start..end) a name part of a slash pair: two letters or more, one of
** them lower case ("Müller"; not "EU", "TCP", "M")? */
static int slash_name_ok(const char *text, size_t start, size_t end) {
  size_t letters = 0;
  int lower = 0;
  for (size_t cursor = start; cursor < end;) {
    size_t size;
    uint32_t c = code_point_at(text, end, cursor, &size);
    if (u_isalpha((UChar32)c)) letters++;
    if (u_islower((UChar32)c)) lower = 1;
    cursor += size;
  }
  return letters >= 2 && lower;
}

/* Is the "/" at position one between two names, a letter before it and a
** capital after ("Müller/Schmidt", German for "Müller and Schmidt"), each of
** two letters or more with one in lower case and neither a month or a season? */
static int names_slash_at(const char *text, size_t start, size_t end, size_t position) {
  if (position <= start || position + 1 >= end) return 0;
  uint32_t before;
  ibid_utf8_decode_before(text, position, &before);
  if (!u_isalpha((UChar32)before) || !is_upper_at(text, end, position + 1)) return 0;
  size_t left = position, right = position + 1;
  while (left > start && text[left - 1] != '/' && !white_space_at(text, end, left - 1)) left--;
  while (right < end && text[right] != '/' && text[right] != ',' &&
         !white_space_at(text, end, right))
    right++;
  return slash_name_ok(text, left, position) && slash_name_ok(text, position + 1, right) &&
         !is_month_or_season(text, left, position) &&
         !is_month_or_season(text, position + 1, right);
}

/* Is text[word_start..word_end) the end of the German "u. a." ("und andere",
** et al.): "u.a.", or "a." after "u." (floor: where the words may start)? */
static int is_und_andere(const char *text, size_t floor, size_t word_start, size_t word_end) {
  if (equals_word(text, word_start, word_end, "u.a.")) return 1;
  if (!equals_word(text, word_start, word_end, "a.")) return 0;
  size_t before = trim_end(text, floor, word_start);
  return before >= floor + 2 && equals_word(text, before - 2, before, "u.") &&
         (before - 2 == floor || white_space_at(text, word_end, before - 3));
}

/*
** Is text[start..end) (trimmed, comma before the year removed) a plausible
** author part? With a comma before the year a few ordinary lower-case words
** are allowed ("French diplomat at UN Mission, 2012"); without one only name
** connectors are, so "(The crisis escalated in 2011)" is not a cite.
*/
static int authors_ok(const char *text, size_t start, size_t end, int comma_before_year) {
  if (start >= end || end - start > MAXIMUM_AUTHOR_BYTES) return 0;
  if (!author_start_ok(text, start, end)) return 0;
  size_t words = 0, lower_words = 0, last_start = start, last_end = start;
  for (size_t cursor = start; cursor < end; cursor++) {
    unsigned char c = (unsigned char)text[cursor];
    if (c < 0x20 && !white_space_at(text, end, cursor)) return 0;
    if (c == '/' && names_slash_at(text, start, end, cursor)) continue; /* "Müller/Schmidt" */
    if (strchr(":;\"?!=/\\{}%+<>|@#*_~^", c) && c != 0) return 0;       /* "[WHO]" is fine */
    if (starts_with(text, cursor, end, "\xE2\x80\x9C") ||
        starts_with(text, cursor, end, "\xE2\x80\x9D"))
      return 0; /* curly double quotes: a quoted title */
  }
  size_t cursor = start;
  while (cursor < end) {
    size_t word_start = cursor, word_stop = word_end_at(text, cursor, end);
    size_t bare = without_comma(text, word_start, word_stop);
    if (text[word_start] == '[' && word_start + 1 < bare) word_start++; /* "[WHO]" */
    words++;
    if (in_word_list(text, word_start, bare, WORDS(document_words))) return 0;
    for (size_t k = word_start; k < bare; k++)
      if (is_digit(text[k])) return 0; /* "F2", "Q1": statistics and labels, not names */
    if (!is_upper_at(text, end, word_start) &&
        !in_word_list(text, word_start, bare, WORDS(name_connectors)))
      lower_words++;
    last_start = word_start, last_end = bare;
    cursor = skip_white_space(text, word_stop, end);
  }
  if (words > MAXIMUM_AUTHOR_WORDS) return 0;
  if (lower_words > (comma_before_year ? 3u : 0u)) return 0;
  if (in_word_list(text, last_start, last_end, WORDS(month_names)) ||
      in_word_list(text, last_start, last_end, WORDS(instrument_words)))
    return 0;
  /* The last word is a name, or the "al." of "et al.", or the German "u. a." ("u.a."). */
  return is_upper_at(text, end, last_start) || equals_word(text, last_start, last_end, "al.") ||
         equals_word(text, last_start, last_end, "al") ||
         is_und_andere(text, start, last_start, last_end);
}

/* ----- one item inside a parenthesis --------------------------------------- */

typedef enum item_kind {
  ITEM_INVALID,      /* not a citation */
  ITEM_CITE,         /* authors and year(s) */
  ITEM_MISSING_YEAR, /* authors, then nothing or a comma */
  ITEM_YEARS_ONLY    /* years without authors: narrative, or same authors as before */
} item_kind;

typedef struct item {
  item_kind kind;
  size_t start, end;               /* trimmed item text */
  size_t prefix_start, prefix_end; /* equal when no prefix */
  size_t author_start, author_end; /* equal when no authors */
  int junk;                        /* text before the author that is not a prefix */
  int trailing_comma;              /* "Jones," */
  year_list years;
} item;

static void parse_item(const char *text, size_t start, size_t end, item *out) {
  memset(out, 0, sizeof(*out));
  out->kind = ITEM_INVALID;
  out->start = start = skip_white_space(text, start, end);
  out->end = end = trim_end(text, start, end);
  if (start >= end) return;
  size_t cursor = start, phrase_end;
  if (prefix_at(text, cursor, end, &phrase_end)) {
    out->prefix_start = cursor, out->prefix_end = phrase_end;
    cursor = skip_white_space(text, phrase_end, end);
    while (cursor < end && text[cursor] == ',') cursor = skip_white_space(text, cursor + 1, end);
  }
  if (read_years(text, cursor, end, &out->years)) {
    out->kind = ITEM_YEARS_ONLY;
    return;
  }
  /* Up to three characters of punctuation before a name ("… Moss"): kept, flagged. */
  size_t junk_end = cursor;
  for (int count = 0; count < 3 && junk_end < end; count++) {
    size_t size;
    uint32_t c = code_point_at(text, end, junk_end, &size);
    if (u_isalnum((UChar32)c) || is_white_code_point(c) || c == '(' || c == ')') break;
    junk_end += size;
  }
  if (junk_end > cursor && white_space_at(text, end, junk_end)) {
    out->junk = 1;
    cursor = skip_white_space(text, junk_end, end);
  }
  if (!author_start_ok(text, cursor, end)) return;
  size_t year_start = find_year_start(text, cursor, end);
  size_t author_end = trim_end(text, cursor, year_start);
  int comma = author_end > cursor && text[author_end - 1] == ',';
  if (comma) author_end = trim_end(text, cursor, author_end - 1);
  if (!authors_ok(text, cursor, author_end, comma || year_start == end)) return;
  out->author_start = cursor, out->author_end = author_end;
  if (year_start == end) {
    out->trailing_comma = comma;
    out->kind = ITEM_MISSING_YEAR;
    return;
  }
  read_years(text, year_start, end, &out->years);
  if (out->years.next_item) out->end = trim_end(text, start, out->years.stop);
  /* One or two digits after a comma are a page ("(Smith, 27)"), not a year. */
  if (out->years.entries[0].has_year && out->years.entries[0].year < 100) return;
  /* A short number is a year gone wrong only after a comma and before the end
  ** or a locator: "(Smith, 205: 135)", but not "(Article 13)" or a date
  ** "(Atlanta, 15 March 2016)". */
  if (out->years.entries[0].implausible && (!comma || out->years.unknown)) return;
  out->kind = ITEM_CITE;
}

/* ----- emitting rows ----------------------------------------------------- */

typedef struct emit_context {
  const char *text;
  size_t length;
  cite_list *list;
  size_t group;
} emit_context;

static const char *item_problem(const item *it, const year_entry *entry) {
  if (it->kind == ITEM_MISSING_YEAR) return "missing year";
  if (entry && entry->implausible) return "implausible year";
  if (it->junk || it->years.unknown) return "unknown";
  return NULL;
}

/*
** Adds the rows of one item. authors_start..authors_end name the authors
** (an earlier item's for "(Smith, 2010; 2012)", a narrative name);
** span_start..span_end, when not equal, overrides every row's span.
*/
static void emit_item(emit_context *context, const item *it, size_t authors_start,
                      size_t authors_end, int narrative, size_t span_start, size_t span_end) {
  const char *text = context->text;
  size_t rows = it->kind == ITEM_MISSING_YEAR ? 1 : it->years.count;
  for (size_t i = 0; i < rows; i++) {
    const year_entry *entry = it->kind == ITEM_MISSING_YEAR ? NULL : &it->years.entries[i];
    ibid_cite cite;
    int failed = 0;
    memset(&cite, 0, sizeof(cite));
    cite.group = context->group;
    if (span_start != span_end) {
      cite.start = span_start, cite.length = span_end - span_start;
    } else {
      size_t row_start = (i == 0 || !entry) ? it->start : entry->start;
      size_t row_end = (!entry || i + 1 == rows) ? it->end : entry->end;
      cite.start = row_start, cite.length = row_end - row_start;
    }
    cite.authors = copy_collapsed(text, authors_start, authors_end, &failed);
    if (it->prefix_end > it->prefix_start)
      cite.prefix = copy_collapsed(text, it->prefix_start, it->prefix_end, &failed);
    if (entry) {
      cite.has_year = entry->has_year;
      cite.year = entry->year;
      memcpy(cite.suffix, entry->suffix, sizeof(cite.suffix));
      if (entry->locator_end > entry->locator_start)
        cite.locator = copy_collapsed(text, entry->locator_start, entry->locator_end, &failed);
    }
    cite.narrative = narrative;
    cite.problem = item_problem(it, entry);
    if (failed) context->list->out_of_memory = 1;
    push_cite(context->list, &cite);
  }
}

/* ----- narrative cites ---------------------------------------------------- */

static int is_initial(const char *text, size_t start, size_t end) {
  /* "P." or "A.J.": letters each followed by a period. */
  size_t cursor = start, letters = 0;
  while (cursor < end) {
    if (!is_upper_at(text, end, cursor)) return 0;
    size_t size;
    code_point_at(text, end, cursor, &size);
    cursor += size;
    if (cursor >= end || text[cursor] != '.') return 0;
    cursor++, letters++;
    if (cursor < end && text[cursor] == '-') cursor++; /* "S.-E." */
  }
  return letters > 0;
}

/* Does the word text[start..end) look like a name word: a capital, then
** letters, hyphens or apostrophes (no sentence-final period)? */
static int is_name_word(const char *text, size_t start, size_t end) {
  if (!is_upper_at(text, end, start)) return 0;
  if (is_initial(text, start, end)) return 1;
  for (size_t cursor = start; cursor < end;) {
    size_t size;
    uint32_t c = code_point_at(text, end, cursor, &size);
    if (!u_isalpha((UChar32)c) && c != '-' && c != '\'' && c != 0x2019 && c != 0x2010 &&
        !(c == '/' && names_slash_at(text, start, end, cursor)))
      return 0;
    cursor += size;
  }
  return 1;
}

/* Is text[start..end) an acronym, three letters or more all capitals ("WHO"),
** so a name and never the function word it spells ("Who")? (Two capitals
** may be the initials of a reference-list entry, "Albers HE (2012)".) */
static int is_acronym(const char *text, size_t start, size_t end) {
  size_t letters = 0;
  for (size_t cursor = start; cursor < end;) {
    size_t size;
    uint32_t c = code_point_at(text, end, cursor, &size);
    if (u_isalpha((UChar32)c)) {
      if (!u_isupper((UChar32)c)) return 0;
      letters++;
    }
    cursor += size;
  }
  return letters >= 3;
}

/* Length of a possessive ending "'s", "’s" or "s'" of text[start..end), 0 if none. */
static size_t possessive_length(const char *text, size_t start, size_t end) {
  if (end - start > 3 && starts_with(text, end - 2, end, "'s")) return 2;
  if (end - start > 5 && starts_with(text, end - 4, end, "\xE2\x80\x99s")) return 4;
  if (end - start > 2 && text[end - 1] == '\'' && text[end - 2] == 's') return 1;
  if (end - start > 4 && starts_with(text, end - 3, end, "\xE2\x80\x99") && text[end - 4] == 's')
    return 3;
  return 0;
}

/* Start of the word that ends at end (white space before it, or start of text). */
static size_t word_start_before(const char *text, size_t floor, size_t end) {
  size_t cursor = end;
  while (cursor > floor) {
    uint32_t c;
    size_t size = ibid_utf8_decode_before(text, cursor, &c);
    if (is_white_code_point(c)) break;
    cursor -= size;
  }
  return cursor;
}

/* Does the word at word_start begin a sentence: the text's start or after
** ".", "!", "?" or ":" (floor: how far back the text is read)? */
static int starts_sentence(const char *text, size_t floor, size_t word_start) {
  size_t before = trim_end(text, floor, word_start);
  if (before == floor) return floor == 0;
  char c = text[before - 1];
  return c == '.' || c == '!' || c == '?' || c == ':';
}

/*
** Finds the name just before the parenthesis at open: "Snyder and Vinjamuri",
** "Smith et al.", "Smith" of "Smith’s". Returns 1 with the bounds (the
** possessive excluded), 0 when the words before are not a name. Sets
** *reference when what precedes marks the end of a reference (a number, ":"
** or "," just before the parenthesis; a publication word; an initial).
*/
static int name_before(const char *text, size_t open, size_t *name_start, size_t *name_end,
                       int *reference, int *has_initial) {
  size_t floor = open > 200 ? open - 200 : 0;
  *reference = *has_initial = 0;
  size_t cursor = trim_end(text, floor, open);
  if (cursor == floor) return 0;
  char last = text[cursor - 1];
  if (is_digit(last) || last == ':' || last == ',') {
    *reference = 1;
    return 0;
  }
  size_t words = 0, first = cursor, end = cursor;
  int have_name = 0, has_comma = 0, has_and = 0;
  while (cursor > floor && words < MAXIMUM_NAME_WORDS) {
    size_t word_start = word_start_before(text, floor, cursor);
    size_t word_end = cursor;
    if (word_start == word_end) break;
    if (words == 0) {
      word_end -= possessive_length(text, word_start, word_end);
      end = word_end;
      if (in_word_list(text, word_start, word_end, WORDS(instrument_words))) return 0;
      if (is_initial(text, word_start, word_end)) {
        *reference = 1; /* "Smith, P. (2015)." opens a reference-list entry */
        return 0;
      }
    }
    size_t bare = words > 0 ? without_comma(text, word_start, word_end) : word_end;
    if (in_word_list(text, word_start, bare, WORDS(publication_words)) ||
        in_word_list(text, word_start, bare, WORDS(document_words))) {
      *reference = 1;
      return 0;
    }
    /* Only the word just before "(" may be an acronym spelling a function
    ** word ("The WHO (2021)"); "THE END (2010)" names END. */
    if (is_upper_at(text, bare, word_start) &&
        !(words == 0 && is_acronym(text, word_start, bare)) &&
        (in_word_list(text, word_start, bare, WORDS(function_words)) ||
         in_word_list(text, word_start, bare, WORDS(month_names)) ||
         (have_name && in_word_list(text, word_start, bare, WORDS(clause_words))) ||
         (have_name && in_word_list(text, word_start, bare, WORDS(surname_clause_words)) &&
          starts_sentence(text, floor, word_start))))
      break;
    int connector =
        in_word_list(text, word_start, bare, WORDS(name_connectors)) &&
        !equals_word(text, word_start, bare, "of") && !equals_word(text, word_start, bare, "the") &&
        !equals_word(text, word_start, bare, "to") && !equals_word(text, word_start, bare, "at") &&
        !equals_word(text, word_start, bare, "for") && !equals_word(text, word_start, bare, "on") &&
        !equals_word(text, word_start, bare, "in");
    int name = is_name_word(text, word_start, bare);
    int und_andere = is_und_andere(text, floor, word_start, bare); /* "Bogumil u. a. (2007)" */
    if (words == 0 && !name && !equals_word(text, word_start, bare, "al.") && !und_andere) return 0;
    if (!name && !connector) {
      /* "New York: Wiley (1999)": a publisher after its place. */
      if (word_end > word_start && text[word_end - 1] == ':') *reference = 1;
      break;
    }
    if (word_end > word_start && text[word_end - 1] == ',') has_comma = 1;
    if (equals_word(text, word_start, bare, "and") || equals_word(text, word_start, bare, "&"))
      has_and = 1;
    if (name) have_name = 1, first = word_start;
    if (name && words > 0 && is_initial(text, word_start, bare)) *has_initial = 1;
    if (name && bare - word_start == 1) {
      *reference = 1; /* "Nealson K (2006)": Vancouver-style initials of a reference */
      return 0;
    } else if (equals_word(text, word_start, bare, "al.") || und_andere)
      first = word_start;
    words++;
    cursor = trim_end(text, floor, word_start);
  }
  /* Commas in a name need an "and": "Smith, Jones and Brown" lists authors,
  ** "Microelectronics, San Francisco, CA (2009)" ends a reference. */
  if (has_comma && !has_and) *reference = 1;
  if (!have_name || *reference) return 0;
  *name_start = first;
  *name_end = end;
  return 1;
}

static int is_quote_at(const char *text, size_t length, size_t position) {
  if (position >= length) return 0;
  size_t size;
  uint32_t c = code_point_at(text, length, position, &size);
  return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB;
}

/* Does the text after the closing parenthesis continue a reference
** ("(2012), pp. 99", "(1998) UNTS vol.", "(2004): “Title”") rather than a sentence? */
static int reference_follows(const char *text, size_t length, size_t close) {
  size_t cursor = close + 1;
  if (cursor < length && (text[cursor] == '.' || text[cursor] == ':') &&
      is_quote_at(text, length, skip_white_space(text, cursor + 1, length)))
    return 1;
  cursor = skip_white_space(text, close + 1, length);
  if (cursor >= length) return 0;
  /* "(1998) UNTS vol. 2187" on the same line; a capital on the next line
  ** starts a new sentence or table row. */
  if ((is_digit(text[cursor]) || is_upper_at(text, length, cursor)) &&
      !memchr(text + close + 1, '\n', cursor - close - 1))
    return 1;
  if (text[cursor] != ',') return 0;
  cursor = skip_white_space(text, cursor + 1, length);
  size_t word_end = cursor;
  while (word_end < length && (is_letter_at(text, length, word_end) || text[word_end] == '.') &&
         word_end - cursor < 16)
    word_end++;
  return word_end > cursor && in_word_list(text, cursor, word_end, WORDS(reference_continuations));
}

/* ----- one parenthesis ------------------------------------------------------ */

/* Is the inside of the parenthesis only white space? */
static int is_blank(const char *text, size_t start, size_t end) {
  return skip_white_space(text, start, end) >= end;
}

/*
** Is the blank parenthesis text[open..close] a citation that lost its text, as
** "law in Kosovo ( ). However" in prose? Not "f()" (code), nor the wide blanks
** and "( )+" that PDF extraction leaves where a formula's symbols were.
*/
static int is_dropped_cite(const char *text, size_t length, size_t open, size_t close) {
  if (close - open - 1 > 2) return 0;
  if (open == 0 || !white_space_at(text, length, open - 1)) return 0;
  size_t before = trim_end(text, 0, open);
  if (before == 0) return 0;
  uint32_t previous;
  ibid_utf8_decode_before(text, before, &previous);
  /* Prose before it: a word or a closing quote, not a formula's ")" or symbol. */
  if (!u_isalpha((UChar32)previous) && previous != 0x201D && previous != 0x2019 &&
      previous != '"' && previous != '\'')
    return 0;
  if (close + 1 >= length) return 1;
  char next = text[close + 1];
  return white_space_at(text, length, close + 1) || next == '.' || next == ',' || next == ';' ||
         next == ':';
}

static void emit_empty(emit_context *context, size_t open, size_t close) {
  ibid_cite cite;
  memset(&cite, 0, sizeof(cite));
  cite.group = ++context->group;
  cite.start = open + 1;
  cite.length = close - open - 1;
  cite.problem = "empty";
  push_cite(context->list, &cite);
}

/* The items of the parenthesis text[open] .. text[close], at most this many. */
#define MAXIMUM_ITEMS 32

static void handle_parenthesis(emit_context *context, size_t open, size_t close) {
  const char *text = context->text;
  size_t inner_start = open + 1, inner_end = close;
  if (is_blank(text, inner_start, inner_end)) {
    if (is_dropped_cite(text, context->length, open, close)) emit_empty(context, open, close);
    return;
  }
  item items[MAXIMUM_ITEMS];
  size_t count = 0, segment_start = inner_start;
  for (size_t cursor = inner_start; cursor <= inner_end && count < MAXIMUM_ITEMS; cursor++) {
    if (cursor < inner_end) { /* to the next ';', or the end */
      const char *semicolon = memchr(text + cursor, ';', inner_end - cursor);
      cursor = semicolon ? (size_t)(semicolon - text) : inner_end;
    }
    size_t item_start = segment_start;
    while (count < MAXIMUM_ITEMS) {
      parse_item(text, item_start, cursor, &items[count]);
      size_t next = items[count].kind == ITEM_INVALID ? 0 : items[count].years.next_item;
      if (items[count].start < items[count].end) count++;
      if (!next) break;
      item_start = next; /* another item after "," or "and" in the same segment */
    }
    segment_start = cursor + 1;
  }
  if (!count) return;
  size_t cites = 0;
  for (size_t i = 0; i < count; i++) cites += items[i].kind == ITEM_CITE;

  /* Narrative: the first item holds only years ("Smith (2015: 120)"). */
  size_t name_start = 0, name_end = 0;
  int narrative = 0;
  if (items[0].kind == ITEM_YEARS_ONLY) {
    if (items[0].years.unknown || items[0].years.entries[0].implausible ||
        items[0].prefix_end > items[0].prefix_start)
      return;
    int reference = 0, has_locator = 0;
    for (size_t i = 0; i < items[0].years.count; i++)
      has_locator |=
          items[0].years.entries[i].locator_end > items[0].years.entries[i].locator_start;
    int initial = 0;
    int named = name_before(text, open, &name_start, &name_end, &reference, &initial);
    if (reference || reference_follows(text, context->length, close)) return;
    /* "E. Kakaras (2012). Title" and "M. Rysman (2005): “Title”" open
    ** reference-list entries; narrative cites rarely give initials. */
    if (initial && close + 1 < context->length &&
        (text[close + 1] == '.' || text[close + 1] == ':'))
      return;
    if (!named && !has_locator) return; /* "(1998)" alone dates something, it cites nothing */
    narrative = 1;
  } else if (!cites) {
    /* Only "(Jones, )" stands alone as a cite without a year. */
    if (!(count == 1 && items[0].kind == ITEM_MISSING_YEAR && items[0].trailing_comma)) return;
  }

  context->group++;
  size_t authors_start = name_start, authors_end = name_end;
  for (size_t i = 0; i < count; i++) {
    const item *it = &items[i];
    switch (it->kind) {
      case ITEM_INVALID:
        break;
      case ITEM_YEARS_ONLY:
        if (i == 0 && narrative) {
          size_t span_start = name_end > name_start ? name_start : 0;
          size_t span_end = name_end > name_start ? close + 1 : 0;
          emit_item(context, it, authors_start, authors_end, 1, span_start, span_end);
        } else if (authors_end > authors_start && !it->years.unknown &&
                   !it->years.entries[0].implausible) {
          emit_item(context, it, authors_start, authors_end,
                    narrative && authors_start == name_start, 0, 0);
        }
        break;
      case ITEM_CITE:
      case ITEM_MISSING_YEAR:
        authors_start = it->author_start, authors_end = it->author_end;
        emit_item(context, it, authors_start, authors_end, 0, 0, 0);
        break;
    }
  }
}

/* ----- after the parentheses ----------------------------------------------- */

/* Does any of the first `sorted` cites of the list (in text order) overlap
** text[start..end)? A binary search finds the last one starting before end. */
static int overlaps_cite(const cite_list *list, size_t sorted, size_t start, size_t end) {
  size_t low = 0, high = sorted;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (list->items[middle].start < end)
      low = middle + 1;
    else
      high = middle;
  }
  for (size_t i = low, steps = 0; i-- > 0 && steps < 4; steps++)
    if (list->items[i].start + list->items[i].length > start) return 1;
  return 0;
}

/* "Baldwin et al. 2006" in running text, without parentheses: a narrative
** cite (the "et al." makes the name an author list). Appended with group 0;
** ibid_find_cites sorts and numbers them after. */
static void find_bare_et_al(emit_context *context, size_t sorted) {
  const char *text = context->text;
  size_t length = context->length;
  for (size_t i = 1; i + 12 <= length; i++) {
    /* the period of "et al." is rarer than its letters: search for it */
    const char *dot = memchr(text + i + 5, '.', length - 7 - i + 1);
    if (!dot) break;
    i = (size_t)(dot - text) - 5;
    if (memcmp(text + i, "et al. ", 7) != 0 || text[i - 1] != ' ') continue;
    size_t y = i + 7;
    while (y < length && text[y] == ' ') y++;
    if (y + 4 > length) continue;
    int year = 0;
    size_t d = y;
    while (d < length && d < y + 4 && text[d] >= '0' && text[d] <= '9')
      year = year * 10 + (text[d++] - '0');
    if (d != y + 4 || year < EARLIEST_YEAR || year > LATEST_YEAR) continue;
    char suffix = 0;
    if (d < length && text[d] >= 'a' && text[d] <= 'z') suffix = text[d++];
    if (d < length && ((text[d] >= '0' && text[d] <= '9') || (text[d] >= 'a' && text[d] <= 'z') ||
                       (text[d] >= 'A' && text[d] <= 'Z') || text[d] == ')'))
      continue;
    /* the name: the capitalized word before "et al." */
    size_t name_end = i - 1, name = name_end;
    while (name > 0 && text[name - 1] != ' ' && text[name - 1] != '\n' && text[name - 1] != '(' &&
           name_end - name < MAXIMUM_AUTHOR_BYTES)
      name--;
    if (name == name_end) continue;
    size_t size;
    uint32_t first = code_point_at(text, length, name, &size);
    if (!u_isupper((UChar32)first)) continue;
    if (overlaps_cite(context->list, sorted, name, d)) continue;
    ibid_cite cite;
    memset(&cite, 0, sizeof(cite));
    int failed = 0;
    cite.start = name;
    cite.length = d - name;
    cite.authors = copy_collapsed(text, name, i + 6, &failed);
    cite.has_year = 1;
    cite.year = year;
    cite.suffix[0] = suffix;
    cite.narrative = 1;
    if (failed) {
      context->list->out_of_memory = 1;
      free_cite_strings(&cite);
      return;
    }
    push_cite(context->list, &cite);
    if (context->list->out_of_memory) return;
    i = d;
  }
}

/* ----- MLA lists ------------------------------------------------------------ */

#define MLA_LINES 4096       /* list entries looked at */
#define MLA_WORK_PER_BYTE 16 /* entry comparisons, per byte of text */

/* The reference list of an MLA text: the entries after the last reference
** heading ("Works Cited", "References", "Bibliography", "Sources", ...),
** kept when most of its first entries read "Surname, Given. Title" (APA puts
** "(2001)" and Chicago author-date "2001." where MLA puts the title). */
typedef struct mla_list {
  size_t lines[MLA_LINES]; /* where each line after the heading starts */
  size_t count;
  size_t budget; /* comparisons left */
} mla_list;

static int heading_line(const char *text, size_t start, size_t end) {
  static const char *const headings[] = {
      "works cited", "works consulted", "references",       "reference list", "bibliography",
      "sources",     "sources cited",   "literature cited", "cited works",    "literature",
      NULL};
  while (start < end && (text[start] == ' ' || text[start] == '\t')) start++;
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
    end--;
  /* every heading starts with a capital (its lower-case letter below) */
  if (start >= end || text[start] < 'A' || text[start] > 'Z') return 0;
  for (size_t k = 0; headings[k]; k++) {
    if ((text[start] | 0x20) != headings[k][0]) continue;
    size_t n = strlen(headings[k]);
    if (end - start != n) continue;
    size_t i = 0;
    while (i < n && (text[start + i] | 0x20) == headings[k][i]) i++;
    if (i == n) return 1;
  }
  return 0;
}

/* What follows the first ". " after the first comma of an entry: 'm' for a
** title (MLA), 'o' for anything else, 0 when the line is no "Name, ..." entry. */
static char entry_shape(const char *text, size_t start, size_t end) {
  size_t comma = start;
  while (comma < end && comma < start + 60 && text[comma] != ',') comma++;
  if (comma >= end || text[comma] != ',' || !is_upper_at(text, end, start)) return 0;
  for (size_t i = start; i < comma; i++)
    if (is_digit(text[i]) || text[i] == '.' || text[i] == '(') return 0;
  for (size_t i = comma + 1; i + 2 < end && i < comma + 120; i++) {
    if (text[i] != '.' || text[i + 1] != ' ') continue;
    char next = text[i + 2];
    if (next == '"' || (next >= 'A' && next <= 'Z') || (unsigned char)next == 0xE2) return 'm';
    return 'o';
  }
  return 0;
}

static int find_mla_list(const char *text, size_t length, mla_list *list) {
  size_t heading = 0;
  int found = 0;
  for (size_t line = 0; line < length;) {
    const char *newline = memchr(text + line, '\n', length - line);
    size_t end = newline ? (size_t)(newline - text) : length;
    if (end - line <= 24 && heading_line(text, line, end)) heading = end, found = 1;
    line = end + 1;
  }
  if (!found) return 0;
  list->count = 0;
  int mla = 0, other = 0;
  for (size_t line = heading + 1; line < length && list->count < MLA_LINES;) {
    const char *newline = memchr(text + line, '\n', length - line);
    size_t end = newline ? (size_t)(newline - text) : length;
    if (end > line) {
      list->lines[list->count++] = line;
      if (mla + other < 5) {
        char shape = entry_shape(text, line, end);
        if (shape == 'm') mla++;
        if (shape == 'o') other++;
      }
    }
    line = end + 1;
  }
  list->budget = length < SIZE_MAX / MLA_WORK_PER_BYTE ? length * MLA_WORK_PER_BYTE : SIZE_MAX;
  return mla > 0 && mla > other;
}

/* The entry of the list that opens with the first name word of
** text[start..end) and a comma ("Mamdani," for "Mamdani 45"); its line
** start, or (size_t)-1. */
static size_t mla_entry(const char *text, size_t length, mla_list *list, size_t start, size_t end) {
  size_t word = start;
  while (word < end && text[word] != ' ' && text[word] != ',') word++;
  size_t n = word - start;
  if (n == 0) return (size_t)-1;
  for (size_t k = 0; k < list->count && list->budget > 0; k++, list->budget--) {
    size_t line = list->lines[k];
    if (line + n < length && memcmp(text + line, text + start, n) == 0 && text[line + n] == ',')
      return line;
  }
  return (size_t)-1;
}

/* Does the line at `line` hold the four digits text[year..year+4)? */
static int line_holds(const char *text, size_t length, size_t line, size_t year) {
  for (size_t i = line; i + 4 <= length && text[i] != '\n'; i++)
    if (memcmp(text + i, text + year, 4) == 0) return 1;
  return 0;
}

/* MLA author-page cites "(Mamdani 45)", "(Roe and Doe 12-14)": in a text
** with an MLA list only, and naming an entry of it ("(Table 4)", "(Phase 2)"
** are not cites). Name words are capitalized (or "and"); the page is not a
** year. */
static void find_author_page(emit_context *context, size_t sorted, mla_list *mla) {
  const char *text = context->text;
  size_t length = context->length;
  for (size_t i = 0; i < length; i++) {
    const char *at = memchr(text + i, '(', length - i);
    if (!at) break;
    size_t open = (size_t)(at - text), close = open + 1;
    i = open;
    while (close < length && close < open + 80 && text[close] != ')' && text[close] != '(' &&
           text[close] != '\n')
      close++;
    if (close >= length || text[close] != ')') continue;
    size_t page_end = close, page = close;
    while (page > open + 1 && (is_digit(text[page - 1]) || text[page - 1] == '-')) page--;
    if (page == close || !is_digit(text[page]) || page < open + 3 || text[page - 1] != ' ')
      continue;
    if (page_end - page == 4 && plausible_year_at(text, page, page_end)) continue;
    size_t name_end = page - 1;
    int words = 0, ok = 1;
    for (size_t w = open + 1; w < name_end && ok;) {
      size_t e = w;
      while (e < name_end && text[e] != ' ') e++;
      if (!(is_upper_at(text, name_end, w) || equals_word(text, w, e, "and"))) ok = 0;
      if (in_word_list(text, w, e, WORDS(document_words)) ||
          in_word_list(text, w, e, WORDS(month_names)))
        ok = 0;
      for (size_t k = w; k < e; k++)
        if (is_digit(text[k]) || text[k] == ',' || text[k] == '.' || text[k] == ':') ok = 0;
      words++;
      w = e + 1;
    }
    if (!ok || words == 0 || words > 4) continue;
    if (overlaps_cite(context->list, sorted, open, close + 1)) continue;
    if (mla_entry(text, length, mla, open + 1, name_end) == (size_t)-1) continue;
    ibid_cite cite;
    memset(&cite, 0, sizeof(cite));
    int failed = 0;
    cite.start = open + 1;
    cite.length = close - open - 1;
    cite.authors = copy_collapsed(text, open + 1, name_end, &failed);
    cite.locator = copy_collapsed(text, page, page_end, &failed);
    if (failed) {
      context->list->out_of_memory = 1;
      free_cite_strings(&cite);
      return;
    }
    push_cite(context->list, &cite);
    if (context->list->out_of_memory) return;
    i = close;
  }
}

/* In an MLA text "(Herbst 1997)" is a page when the entry of Herbst does not
** carry the year 1997: the cite loses its year and gets the page, so no work
** "Herbst 1997" is made up. */
static void pages_like_years(const char *text, size_t length, cite_list *list, mla_list *mla) {
  for (size_t i = 0; i < list->count; i++) {
    ibid_cite *c = &list->items[i];
    if (!c->has_year || c->suffix[0] || c->narrative || c->locator || c->problem || !c->authors)
      continue;
    size_t end = c->start + c->length;
    if (c->length < 6 || end > length) continue;
    size_t year = end - 4;
    int comma = 0;
    for (size_t k = c->start; k < year; k++) comma |= text[k] == ',';
    if (comma || !is_digit(text[year]) || text[year - 1] != ' ') continue;
    size_t entry = mla_entry(text, length, mla, c->start, year - 1);
    if (entry == (size_t)-1 || line_holds(text, length, entry, year)) continue;
    int failed = 0;
    char *page = copy_collapsed(text, year, end, &failed);
    if (failed) {
      list->out_of_memory = 1;
      return;
    }
    c->has_year = 0;
    c->year = 0;
    c->locator = page;
  }
}

/* Sorts the bare cites (group 0) into place and numbers the groups again. */
static void order_cites(cite_list *list) {
  for (size_t i = 1; i < list->count; i++) {
    ibid_cite moving = list->items[i];
    size_t j = i;
    while (j > 0 && list->items[j - 1].start > moving.start) {
      list->items[j] = list->items[j - 1];
      j--;
    }
    list->items[j] = moving;
  }
  size_t group = 0, previous = (size_t)-1;
  for (size_t i = 0; i < list->count; i++) {
    size_t original = list->items[i].group;
    if (original == 0 || original != previous) group++;
    previous = original ? original : (size_t)-1;
    list->items[i].group = group;
  }
}

/* An abbreviation defined in a cite, "(United Nations Security Council
** [UNSC], 2011)", names the same author in later cites, "(UNSC, 2011)": the
** definition loses its bracket, the later cites get the full name. */
#define MOST_ABBREVIATIONS 32
static void expand_abbreviations(cite_list *list) {
  const char *full[MOST_ABBREVIATIONS];
  const char *short_name[MOST_ABBREVIATIONS];
  size_t defined = 0;
  for (size_t i = 0; i < list->count && !list->out_of_memory; i++) {
    ibid_cite *c = &list->items[i];
    if (!c->authors) continue;
    size_t n = strlen(c->authors);
    char *open = n > 4 && c->authors[n - 1] == ']' ? strstr(c->authors, " [") : NULL;
    if (open && defined < MOST_ABBREVIATIONS && (size_t)(c->authors + n - open) <= 16) {
      *open = 0;
      c->authors[n - 1] = 0;
      full[defined] = c->authors;
      short_name[defined] = open + 2;
      defined++;
      continue;
    }
    for (size_t k = 0; k < defined; k++) {
      if (strcmp(c->authors, short_name[k]) != 0) continue;
      size_t size = strlen(full[k]) + 1;
      char *copy = ibid_malloc(size);
      if (!copy) {
        list->out_of_memory = 1;
        break;
      }
      memcpy(copy, full[k], size);
      ibid_free(c->authors);
      c->authors = copy;
      break;
    }
  }
}

/* ----- entry points --------------------------------------------------------- */

int ibid_find_cites(const char *text, size_t length, ibid_cite **cites, size_t *count) {
  cite_list list = {0};
  emit_context context = {text, length, &list, 0};
  *cites = NULL;
  *count = 0;
  size_t position = 0;
  while (position < length) {
    const char *open = memchr(text + position, '(', length - position);
    if (!open) break;
    size_t open_at = (size_t)(open - text), cursor = open_at + 1;
    size_t limit = length - open_at > MAXIMUM_PARENTHESIS ? open_at + MAXIMUM_PARENTHESIS : length;
    while (cursor < limit && text[cursor] != ')' && text[cursor] != '(') cursor++;
    if (cursor < limit && text[cursor] == ')') {
      handle_parenthesis(&context, open_at, cursor);
      position = cursor + 1;
    } else {
      position = cursor > open_at + 1 ? cursor : open_at + 1;
    }
    if (list.out_of_memory) break;
  }
  if (!list.out_of_memory) {
    size_t before = list.count;
    find_bare_et_al(&context, before);
    mla_list *mla = list.out_of_memory ? NULL : ibid_malloc(sizeof(*mla));
    if (!list.out_of_memory && !mla) list.out_of_memory = 1;
    if (mla && find_mla_list(text, length, mla)) {
      find_author_page(&context, before, mla);
      if (!list.out_of_memory) pages_like_years(text, length, &list, mla);
    }
    ibid_free(mla);
    if (list.count > before) order_cites(&list);
    expand_abbreviations(&list);
  }
  if (list.out_of_memory) {
    ibid_free_cites(list.items, list.count);
    return -1;
  }
  *cites = list.items;
  *count = list.count;
  return 0;
}

void ibid_free_cites(ibid_cite *cites, size_t count) {
  if (!cites) return;
  for (size_t i = 0; i < count; i++) free_cite_strings(&cites[i]);
  ibid_free(cites);
}
