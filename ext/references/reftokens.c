/*
** reftokens.c -- tokens and hashed features of a reference string (see
** reftokens.h). Every feature is a 64-bit FNV-1a hash of a template number
** and the hashes of what it looks at, reduced to a bucket of the weight table;
** the trainer and the parser call the same code, so they always agree.
** A token's word is also looked up in small lexicons (edition, volume, page,
** editor words, publishers', journals', cities', month names in English,
** German, French and Spanish) whose class is a feature, and the templates that
** look at a word (as this token's, or a neighbour's) share one block of the
** table, so that the weights of a word stay in the cache from token to token.
** A word seen often in the training data also has a learned class, the field
** it mostly belongs to (refmodel_lexicon.c, counted by `make model`): with its
** marks and the previous word's class it carries what the training data says
** of a word ("Processes" is a journal word) to the words around it; the
** trainer gives each training reference the classes counted without it, as a
** new reference meets them.
*/
#include "reftokens.h"

#include <string.h>

#include "memory.h"
#include "refmodel.h" /* (IBID_REFMODEL_ROW_STRIDE only: the trainer links no weights) */

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t hash_bytes(uint64_t hash, const char *bytes, size_t length) {
  for (size_t i = 0; i < length; i++) {
    hash ^= (unsigned char)bytes[i];
    hash *= FNV_PRIME;
  }
  return hash;
}

/* Mixes a 64-bit value into a hash: one multiply-xorshift round (fast, and
** well enough spread for a hashed weight table). */
static inline uint64_t hash_number(uint64_t hash, uint64_t value) {
  hash = (hash ^ value) * 0x9E3779B97F4A7C15ULL;
  return hash ^ (hash >> 31);
}

/* Bytes of the Unicode space characters that separate tokens, besides ASCII. */
static size_t space_length(const char *text, size_t length, size_t at) {
  unsigned char c = (unsigned char)text[at];
  if (c > ' ' && c < 0x80) return 0; /* most bytes: printable ASCII */
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && at + 1 < length && (unsigned char)text[at + 1] == 0xA0) return 2;
  if (c == 0xE2 && at + 2 < length) {
    unsigned char c1 = (unsigned char)text[at + 1], c2 = (unsigned char)text[at + 2];
    if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF || c2 == 0xA8 || c2 == 0xA9)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  if (c == 0xE3 && at + 2 < length && (unsigned char)text[at + 1] == 0x80 &&
      (unsigned char)text[at + 2] == 0x80)
    return 3;
  return 0;
}

size_t ibid_reftokens_split_into(const char *text, size_t length, ibid_reftoken *tokens) {
  size_t used = 0, at = 0;
  while (at < length) {
    unsigned char c = (unsigned char)text[at];
    if (c == ' ') {
      at++;
      continue;
    }
    size_t space = c > ' ' && c < 0x80 ? 0 : space_length(text, length, at);
    if (space) {
      at += space;
      continue;
    }
    size_t start = at++; /* (not a space) */
    for (;;) {
      /* printable ASCII, 0x21-0x7F, in a tight loop: most of the bytes */
      while (at < length && (unsigned char)((unsigned char)text[at] - 0x21) < 0x5F) at++;
      if (at >= length || text[at] == ' ' || space_length(text, length, at)) break;
      at++;
    }
    if (tokens) {
      tokens[used].start = start;
      tokens[used].length = at - start;
    }
    used++;
  }
  return used;
}

ibid_reftoken *ibid_reftokens_split(const char *text, size_t length, size_t *count, int *failed) {
  /* tokens are at least a byte apart: at most (length + 1) / 2 of them, the
  ** room of a reference; a long text's tokens are counted first */
  *count = 0;
  size_t capacity = length <= 4096 ? length / 2 + 1 : ibid_reftokens_split_into(text, length, NULL);
  if (!capacity) return NULL;
  ibid_reftoken *tokens = ibid_malloc(capacity * sizeof(*tokens));
  if (!tokens) {
    *failed = 1;
    return NULL;
  }
  size_t used = ibid_reftokens_split_into(text, length, tokens);
  if (!used) {
    ibid_free(tokens);
    return NULL;
  }
  *count = used;
  return tokens;
}

/* ----- per-token facts ------------------------------------------------- */

enum {
  FLAG_YEAR = 1 << 0,         /* contains a plausible year 1500-2099 */
  FLAG_DIGITS = 1 << 1,       /* core is only digits */
  FLAG_HAS_DIGIT = 1 << 2,    /* some digit */
  FLAG_RANGE = 1 << 3,        /* digits, dash, digits */
  FLAG_INITIAL = 1 << 4,      /* one capital letter, maybe with a period */
  FLAG_ALL_CAPS = 1 << 5,     /* two or more letters, all capitals */
  FLAG_CAPITALIZED = 1 << 6,  /* starts with a capital */
  FLAG_URL = 1 << 7,          /* http, www. */
  FLAG_DOI = 1 << 8,          /* 10.NNNN/ or doi: */
  FLAG_MONTH = 1 << 9,        /* an English month name or abbreviation */
  FLAG_OPENS_QUOTE = 1 << 10, /* starts with an opening quote */
  FLAG_CLOSES_QUOTE = 1 << 11,
  FLAG_OPENS_PAREN = 1 << 12,
  FLAG_CLOSES_PAREN = 1 << 13,
  FLAG_LOWER = 1 << 14, /* starts with a lower-case letter */
};

typedef struct token_facts {
  uint64_t word;   /* lower-cased token without surrounding punctuation */
  uint64_t shape;  /* character classes, repeats collapsed */
  uint64_t prefix; /* first three bytes of word */
  uint64_t suffix; /* last three bytes of word */
  unsigned flags;
  char first_mark; /* class of the leading punctuation, or 0 */
  char last_mark;  /* class of the trailing punctuation, or 0 */
  uint8_t length_class;
  uint8_t lexicon; /* LEX_* class of word */
  uint8_t learned; /* class of word in the learned lexicon, 0 when none */
} token_facts;

/* A punctuation class for the character at text[at]; sets *bytes. 0 for a
** letter or digit. Curly quotes and dashes are folded onto ASCII ones. */
static char mark_class(const char *text, size_t end, size_t at, size_t *bytes) {
  unsigned char c = (unsigned char)text[at];
  *bytes = 1;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 0;
    if (c == '\'' || c == '`') return '\'';
    return (char)c;
  }
  if (c == 0xE2 && at + 2 < end && (unsigned char)text[at + 1] == 0x80) {
    unsigned char c2 = (unsigned char)text[at + 2];
    *bytes = 3;
    if (c2 == 0x9C || c2 == 0x9D || c2 == 0x9E) return '"';
    if (c2 == 0x98 || c2 == 0x99) return '\'';
    if (c2 >= 0x90 && c2 <= 0x95) return '-';
    if (c2 == 0xA6) return '.';
  }
  if (c == 0xC2 && at + 1 < end) {
    unsigned char c1 = (unsigned char)text[at + 1];
    if (c1 == 0xAB || c1 == 0xBB) {
      *bytes = 2;
      return '"';
    }
  }
  *bytes = 1;
  return 0;
}

/* Byte length of the UTF-8 sequence starting with lead byte c. */
static size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

/* word (of length bytes) is name (of name_length bytes). */
static inline int same(const char *word, size_t length, const char *name, size_t name_length) {
  return length == name_length && memcmp(word, name, length) == 0;
}

/* A month or a season, English, lower-cased: by the first letter, then the
** few names of that letter. */
static int is_month(const char *word, size_t length) {
  if (length < 3 || length > 9) return 0;
  switch (word[0]) {
    case 'j':
      return same(word, length, "jan", 3) || same(word, length, "jun", 3) ||
             same(word, length, "jul", 3) || same(word, length, "january", 7) ||
             same(word, length, "june", 4) || same(word, length, "july", 4);
    case 'f':
      return same(word, length, "feb", 3) || same(word, length, "february", 8) ||
             same(word, length, "fall", 4);
    case 'm':
      return same(word, length, "mar", 3) || same(word, length, "may", 3) ||
             same(word, length, "march", 5);
    case 'a':
      return same(word, length, "apr", 3) || same(word, length, "aug", 3) ||
             same(word, length, "april", 5) || same(word, length, "august", 6) ||
             same(word, length, "autumn", 6);
    case 's':
      return same(word, length, "sep", 3) || same(word, length, "sept", 4) ||
             same(word, length, "september", 9) || same(word, length, "spring", 6) ||
             same(word, length, "summer", 6);
    case 'o':
      return same(word, length, "oct", 3) || same(word, length, "october", 7);
    case 'n':
      return same(word, length, "nov", 3) || same(word, length, "november", 8);
    case 'd':
      return same(word, length, "dec", 3) || same(word, length, "december", 8);
    case 'w':
      return same(word, length, "winter", 6);
    default:
      return 0;
  }
}

/* Word classes that say which field a word usually belongs to, in English,
** German, French and Spanish (lower-cased, without surrounding punctuation).
** The model learns the words it saw; a class carries what it learnt to the
** words of the same kind it saw rarely or never ("Aufl." like "edn"). */
enum {
  LEX_NONE,
  LEX_EDITION,   /* ed, edn, aufl, auflage, éd, edición */
  LEX_VOLUME,    /* vol, bd, band, jg, tome */
  LEX_ISSUE,     /* no, nr, heft, issue, núm */
  LEX_PAGE,      /* pp, p, s, pages, seiten */
  LEX_EDITOR,    /* eds, hrsg, hg, dir, coord */
  LEX_IN,        /* in, dans, en */
  LEX_PUBLISHER, /* press, verlag, éditions, editorial, university */
  LEX_PLACE,     /* publishing cities */
  LEX_JOURNAL,   /* journal, review, zeitschrift, revue, revista */
  LEX_MONTH,     /* month names of the four languages */
  LEX_AND,       /* and, und, et, y, e */
  LEX_GENRE,     /* thesis, dissertation, report, working paper words */
  LEX_TRANSLATOR /* trans, übers, trad */
};

typedef struct lexicon_entry {
  char word[23]; /* in the entry: a search reads no pointer */
  unsigned char kind;
} lexicon_entry;

/* Sorted by bytes (strcmp order). */
static const lexicon_entry lexicon[] = {
    {"abril", LEX_MONTH},
    {"academic", LEX_PUBLISHER},
    {"agosto", LEX_MONTH},
    {"amsterdam", LEX_PLACE},
    {"and", LEX_AND},
    {"annals", LEX_JOURNAL},
    {"annual", LEX_JOURNAL},
    {"april", LEX_MONTH},
    {"arbeitspapier", LEX_GENRE},
    {"archiv", LEX_JOURNAL},
    {"aufl", LEX_EDITION},
    {"auflage", LEX_EDITION},
    {"august", LEX_MONTH},
    {"avril", LEX_MONTH},
    {"bamberg", LEX_PLACE},
    {"barcelona", LEX_PLACE},
    {"basel", LEX_PLACE},
    {"bd", LEX_VOLUME},
    {"bde", LEX_VOLUME},
    {"berkeley", LEX_PLACE},
    {"berlin", LEX_PLACE},
    {"bern", LEX_PLACE},
    {"bielefeld", LEX_PLACE},
    {"blätter", LEX_JOURNAL},
    {"bonn", LEX_PLACE},
    {"books", LEX_PUBLISHER},
    {"boston", LEX_PLACE},
    {"brussels", LEX_PLACE},
    {"bruxelles", LEX_PLACE},
    {"buenos", LEX_PLACE},
    {"bulletin", LEX_JOURNAL},
    {"cambridge", LEX_PLACE},
    {"chicago", LEX_PLACE},
    {"coord", LEX_EDITOR},
    {"cuadernos", LEX_JOURNAL},
    {"dans", LEX_IN},
    {"december", LEX_MONTH},
    {"dezember", LEX_MONTH},
    {"diciembre", LEX_MONTH},
    {"dir", LEX_EDITOR},
    {"diskussionspapier", LEX_GENRE},
    {"dissertation", LEX_GENRE},
    {"dresden", LEX_PLACE},
    {"düsseldorf", LEX_PLACE},
    {"e", LEX_AND},
    {"ed", LEX_EDITION},
    {"edición", LEX_EDITION},
    {"edition", LEX_EDITION},
    {"editions", LEX_PUBLISHER},
    {"editor", LEX_EDITOR},
    {"editorial", LEX_PUBLISHER},
    {"editors", LEX_EDITOR},
    {"edn", LEX_EDITION},
    {"eds", LEX_EDITOR},
    {"en", LEX_IN},
    {"enero", LEX_MONTH},
    {"et", LEX_AND},
    {"febrero", LEX_MONTH},
    {"februar", LEX_MONTH},
    {"february", LEX_MONTH},
    {"frankfurt", LEX_PLACE},
    {"freiburg", LEX_PLACE},
    {"février", LEX_MONTH},
    {"geneva", LEX_PLACE},
    {"genève", LEX_PLACE},
    {"göttingen", LEX_PLACE},
    {"habilitationsschrift", LEX_GENRE},
    {"hamburg", LEX_PLACE},
    {"hannover", LEX_PLACE},
    {"heft", LEX_ISSUE},
    {"heidelberg", LEX_PLACE},
    {"hg", LEX_EDITOR},
    {"hgg", LEX_EDITOR},
    {"hrsg", LEX_EDITOR},
    {"in", LEX_IN},
    {"issue", LEX_ISSUE},
    {"jahrbuch", LEX_JOURNAL},
    {"jahrgang", LEX_VOLUME},
    {"januar", LEX_MONTH},
    {"january", LEX_MONTH},
    {"janvier", LEX_MONTH},
    {"jg", LEX_VOLUME},
    {"journal", LEX_JOURNAL},
    {"juillet", LEX_MONTH},
    {"juin", LEX_MONTH},
    {"juli", LEX_MONTH},
    {"julio", LEX_MONTH},
    {"july", LEX_MONTH},
    {"june", LEX_MONTH},
    {"juni", LEX_MONTH},
    {"junio", LEX_MONTH},
    {"konstanz", LEX_PLACE},
    {"köln", LEX_PLACE},
    {"leiden", LEX_PLACE},
    {"leipzig", LEX_PLACE},
    {"london", LEX_PLACE},
    {"los", LEX_PLACE},
    {"lyon", LEX_PLACE},
    {"madrid", LEX_PLACE},
    {"mai", LEX_MONTH},
    {"mainz", LEX_PLACE},
    {"mannheim", LEX_PLACE},
    {"march", LEX_MONTH},
    {"mars", LEX_MONTH},
    {"marzo", LEX_MONTH},
    {"masterarbeit", LEX_GENRE},
    {"mayo", LEX_MONTH},
    {"mexico", LEX_PLACE},
    {"milano", LEX_PLACE},
    {"munich", LEX_PLACE},
    {"märz", LEX_MONTH},
    {"münchen", LEX_PLACE},
    {"münster", LEX_PLACE},
    {"new", LEX_PLACE},
    {"no", LEX_ISSUE},
    {"november", LEX_MONTH},
    {"novembre", LEX_MONTH},
    {"noviembre", LEX_MONTH},
    {"nr", LEX_ISSUE},
    {"num", LEX_ISSUE},
    {"n°", LEX_ISSUE},
    {"núm", LEX_ISSUE},
    {"número", LEX_ISSUE},
    {"october", LEX_MONTH},
    {"octobre", LEX_MONTH},
    {"octubre", LEX_MONTH},
    {"oktober", LEX_MONTH},
    {"opladen", LEX_PLACE},
    {"oxford", LEX_PLACE},
    {"p", LEX_PAGE},
    {"pages", LEX_PAGE},
    {"paris", LEX_PLACE},
    {"philadelphia", LEX_PLACE},
    {"pp", LEX_PAGE},
    {"press", LEX_PUBLISHER},
    {"presses", LEX_PUBLISHER},
    {"princeton", LEX_PLACE},
    {"proceedings", LEX_JOURNAL},
    {"publishers", LEX_PUBLISHER},
    {"publishing", LEX_PUBLISHER},
    {"quarterly", LEX_JOURNAL},
    {"report", LEX_GENRE},
    {"review", LEX_JOURNAL},
    {"revista", LEX_JOURNAL},
    {"revue", LEX_JOURNAL},
    {"rivista", LEX_JOURNAL},
    {"roma", LEX_PLACE},
    {"s", LEX_PAGE},
    {"seiten", LEX_PAGE},
    {"september", LEX_MONTH},
    {"septembre", LEX_MONTH},
    {"septiembre", LEX_MONTH},
    {"stuttgart", LEX_PLACE},
    {"suhrkamp", LEX_PUBLISHER},
    {"thesis", LEX_GENRE},
    {"thèse", LEX_GENRE},
    {"tome", LEX_VOLUME},
    {"trad", LEX_TRANSLATOR},
    {"trans", LEX_TRANSLATOR},
    {"translated", LEX_TRANSLATOR},
    {"tübingen", LEX_PLACE},
    {"und", LEX_AND},
    {"universidad", LEX_PUBLISHER},
    {"universitat", LEX_PUBLISHER},
    {"university", LEX_PUBLISHER},
    {"universität", LEX_PUBLISHER},
    {"université", LEX_PUBLISHER},
    {"verlag", LEX_PUBLISHER},
    {"verlagsgesellschaft", LEX_PUBLISHER},
    {"vierteljahrshefte", LEX_JOURNAL},
    {"vol", LEX_VOLUME},
    {"volume", LEX_VOLUME},
    {"washington", LEX_PLACE},
    {"weinheim", LEX_PLACE},
    {"wien", LEX_PLACE},
    {"wiesbaden", LEX_PLACE},
    {"working", LEX_GENRE},
    {"y", LEX_AND},
    {"york", LEX_PLACE},
    {"zeitschrift", LEX_JOURNAL},
    {"zürich", LEX_PLACE},
    {"éd", LEX_EDITION},
    {"éditions", LEX_PUBLISHER},
    {"éds", LEX_EDITOR},
    {"übers", LEX_TRANSLATOR},
};

/* lexicon_slots: an open-addressing table of the lexicon by the hash of the
** word (token_facts.word, FNV-1a of its bytes): entry index + 1 at the first
** free slot from lexicon_slot(hash), 0 in the free slots. Regenerate when the
** lexicon changes (insert the entries in order; a lookup compares the word,
** so a stale table finds too little, never a wrong class):
**   for i, w in enumerate(words): j = slot(fnv1a64(w)); while t[j]: j = (j+1) % 512; t[j] = i+1 */
enum { LEXICON_SLOTS = 512 };
static const uint8_t lexicon_slots[LEXICON_SLOTS] = {
    20,  44,  35,  0,   0,   0,   0,   158, 144, 48,  0,   40,  0,   0,   115, 0,   0,   0,   182,
    24,  0,   30,  0,   0,   71,  42,  76,  114, 0,   0,   0,   0,   107, 0,   66,  0,   0,   0,
    0,   0,   0,   0,   0,   162, 172, 0,   0,   0,   0,   0,   0,   0,   0,   97,  0,   11,  0,
    0,   86,  43,  34,  25,  52,  10,  58,  65,  147, 0,   46,  0,   102, 121, 184, 0,   0,   0,
    2,   53,  174, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   59,  0,   0,   5,   0,   0,
    0,   109, 0,   0,   0,   1,   0,   22,  37,  152, 181, 0,   62,  23,  0,   0,   0,   0,   0,
    55,  18,  106, 148, 0,   0,   0,   0,   0,   120, 0,   26,  0,   0,   0,   0,   100, 149, 96,
    0,   160, 98,  83,  0,   0,   0,   156, 0,   0,   0,   0,   170, 0,   0,   0,   127, 0,   0,
    0,   7,   0,   0,   0,   92,  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    33,  93,  0,   0,   0,   0,   0,   0,   0,   0,   168, 0,   0,   69,  183, 0,   0,   21,  139,
    0,   0,   0,   0,   145, 0,   0,   0,   0,   0,   49,  124, 0,   0,   0,   0,   63,  0,   0,
    0,   0,   0,   0,   108, 179, 0,   0,   70,  0,   0,   16,  0,   177, 0,   137, 0,   0,   112,
    0,   0,   0,   0,   0,   32,  17,  0,   0,   0,   74,  0,   0,   80,  0,   0,   0,   0,   60,
    41,  157, 167, 123, 180, 0,   8,   134, 0,   0,   0,   27,  0,   0,   0,   0,   0,   0,   50,
    0,   0,   141, 0,   0,   0,   143, 0,   175, 0,   57,  64,  4,   61,  131, 105, 0,   79,  176,
    0,   0,   77,  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   138, 95,  159, 0,
    0,   0,   0,   0,   128, 0,   0,   0,   0,   0,   0,   0,   0,   0,   31,  0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   81,  130, 153, 87,  0,   29,  0,   99,  0,   125, 0,   146, 0,
    132, 15,  51,  0,   122, 0,   164, 0,   0,   0,   142, 126, 0,   0,   0,   0,   0,   0,   0,
    0,   88,  173, 0,   84,  178, 166, 89,  45,  154, 0,   0,   0,   0,   0,   0,   0,   110, 0,
    0,   0,   13,  151, 0,   0,   67,  0,   0,   0,   47,  101, 0,   0,   0,   104, 68,  9,   155,
    36,  0,   0,   0,   0,   0,   0,   0,   0,   150, 0,   0,   169, 0,   0,   0,   0,   129, 0,
    0,   14,  90,  0,   0,   0,   0,   103, 161, 56,  0,   0,   0,   0,   0,   0,   3,   6,   0,
    0,   39,  91,  19,  119, 165, 0,   0,   0,   0,   0,   185, 0,   0,   0,   72,  0,   136, 0,
    0,   0,   28,  54,  0,   133, 85,  0,   0,   140, 0,   0,   117, 118, 73,  75,  111, 113, 0,
    0,   0,   0,   78,  94,  0,   0,   82,  0,   0,   0,   135, 0,   0,   0,   0,   0,   0,   0,
    38,  171, 0,   163, 0,   0,   0,   0,   0,   0,   0,   12,  0,   0,   0,   0,   116, 0,
};
_Static_assert(sizeof(lexicon) / sizeof(lexicon[0]) == 185,
               "lexicon changed: regenerate lexicon_slots");

static uint32_t lexicon_slot(uint64_t hash) {
  return (uint32_t)(hash ^ (hash >> 29)) & (LEXICON_SLOTS - 1);
}

/* The class of a lower-cased word (hash: its FNV-1a hash), LEX_NONE when it
** is in no list. Words ending in "verlag" ("Westdeutscher Verlag",
** "Campus-Verlag") are publishers. */
static unsigned lexicon_kind(uint64_t hash, const char *word, size_t length) {
  if (length == 0 || length > 22) return LEX_NONE;
  unsigned char first = (unsigned char)word[0];
  if (first < 'a' && first != 0xC3 && first != 0xC2) return LEX_NONE; /* digits, marks */
  /* An entry is matched by its word followed by NUL bytes (its padding, as a
  ** byte-wise comparison sees it): trailing NULs are left out, and hashed without. */
  size_t n = length;
  while (n && !word[n - 1]) n--;
  if (n != length) hash = hash_bytes(FNV_OFFSET, word, n);
  for (uint32_t j = lexicon_slot(hash); lexicon_slots[j]; j = (j + 1) & (LEXICON_SLOTS - 1)) {
    const lexicon_entry *entry = &lexicon[lexicon_slots[j] - 1];
    /* (entry->word holds 23 bytes, NUL-padded: word[n] is inside) */
    if (entry->word[0] == word[0] && entry->word[n] == 0 && memcmp(entry->word, word, n) == 0)
      return entry->kind;
  }
  if (length > 6 && memcmp(word + length - 6, "verlag", 6) == 0) return LEX_PUBLISHER;
  return LEX_NONE;
}

size_t ibid_reftokens_lexicon_misses(void) {
  size_t misses = 0;
  for (size_t i = 0; i < sizeof(lexicon) / sizeof(lexicon[0]); i++) {
    size_t n = strlen(lexicon[i].word);
    if (lexicon_kind(hash_bytes(FNV_OFFSET, lexicon[i].word, n), lexicon[i].word, n) !=
        lexicon[i].kind)
      misses++;
  }
  return misses;
}

static int contains_year(const char *s, size_t n) {
  for (size_t i = 0; i + 4 <= n; i++) {
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    if (i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9') continue;
    int ok = 1;
    for (size_t k = 0; k < 4; k++) ok &= s[i + k] >= '0' && s[i + k] <= '9';
    if (!ok) continue;
    int year =
        (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + s[i + 3] - '0';
    if (year >= 1500 && year <= 2099) return 1;
  }
  return 0;
}

/* The class of a word hash in the learned lexicon (see reftokens.h): one or
** two probes of a table that stays in the cache. */
static uint8_t learned_class(uint64_t word) {
  uint32_t size = ibid_reflexicon_size, h = IBID_REFLEXICON_SLOT(word, size);
  uint32_t want = IBID_REFLEXICON_ENTRY(word, 0);
  for (uint32_t entry; (entry = ibid_reflexicon_table[h]) != 0; h = (h + 1) & (size - 1))
    if ((entry & ~63u) == want) return (uint8_t)(entry & 63u);
  return 0;
}

static inline int is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* What token_facts_compute notes of an ASCII mark byte (0 for the others). */
enum { SEEN_OPENS = 1, SEEN_CLOSES = 2, SEEN_PERIOD = 4 };
static inline unsigned seen_bits(unsigned char c) {
  return c == '(' || c == '['   ? SEEN_OPENS
         : c == ')' || c == ']' ? SEEN_CLOSES
         : c == '.'             ? SEEN_PERIOD
                                : 0;
}

/* (inlined into both callers: most of its facts are used by one of them only) */
static inline __attribute__((always_inline)) void token_facts_compute(const char *text,
                                                                      const ibid_reftoken *token,
                                                                      token_facts *facts) {
  const char *s = text + token->start;
  size_t n = token->length, begin = 0, end = n, bytes;
  memset(facts, 0, sizeof(*facts));

  /* Strip punctuation on both sides to find the word. */
  /* (an ASCII letter or digit, the most common ends, is no mark: not looked up) */
  while (begin < end && !is_ascii_alnum((unsigned char)s[begin])) {
    char mark = mark_class(s, n, begin, &bytes);
    if (!mark) break;
    if (!facts->first_mark) facts->first_mark = mark;
    begin += bytes;
  }
  while (end > begin && !is_ascii_alnum((unsigned char)s[end - 1])) {
    size_t back = end - 1;
    while (back > begin && ((unsigned char)s[back] & 0xC0) == 0x80) back--;
    char mark = mark_class(s, n, back, &bytes);
    if (!mark || back + bytes != end) break;
    facts->last_mark = mark;
    end = back;
  }
  char word[64];
  size_t word_length = 0;
  int digits = 0, letters = 0, uppers = 0, dash_between_digits = 0, only_digits = 1;
  int token_digits = 0; /* anywhere in the token, punctuation included */
  char shape[16];
  size_t shape_length = 0;
  /* bytes seen anywhere in the token (every byte, as the loop steps by
  ** characters: the ASCII bytes inside a broken UTF-8 sequence too) */
  unsigned seen = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    char cls;
    size_t step = 1;
    if (c < 0x80) { /* most characters: one byte, itself a word byte */
      if (c >= 'a' && c <= 'z') {
        cls = 'x';
      } else if (c >= 'A' && c <= 'Z') {
        cls = 'X';
      } else if (c >= '0' && c <= '9') {
        cls = 'd';
      } else {
        seen |= seen_bits(c);
        cls = c == '\'' || c == '`' ? '\'' : (char)c;
        if (!cls) cls = 'x';
      }
    } else {
      step = sequence_length(c);
      if (i + step > n) step = n - i;
      for (size_t k = 1; k < step; k++) seen |= seen_bits((unsigned char)s[i + k]);
      cls = mark_class(s, n, i, &bytes);
      if (!cls) cls = 'x'; /* other non-ASCII: almost always a letter */
    }
    if (shape_length < sizeof(shape) && (shape_length == 0 || shape[shape_length - 1] != cls))
      shape[shape_length++] = cls;
    token_digits += cls == 'd';
    if (i >= begin && i < end) {
      if (cls == 'd') {
        digits++;
      } else {
        only_digits = 0;
        if (cls == 'X' || cls == 'x') letters++;
        if (cls == 'X') uppers++;
        if (cls == '-' && digits && i + step < end && s[i + step] >= '0' && s[i + step] <= '9')
          dash_between_digits = 1;
      }
      if (step == 1) {
        if (word_length < sizeof(word)) word[word_length++] = cls == 'X' ? (char)(c + 32) : (char)c;
      } else {
        for (size_t k = 0; k < step && word_length < sizeof(word); k++) {
          char b = s[i + k];
          word[word_length++] = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : b;
        }
      }
    }
    i += step;
  }
  if (word_length == 0) {
    /* Punctuation only: the word is the token itself. */
    word_length = n < sizeof(word) ? n : sizeof(word);
    memcpy(word, s, word_length);
    only_digits = 0;
  }
  size_t affix = word_length < 3 ? word_length : 3;
  /* (the hash of the word goes on from the hash of its prefix) */
  facts->prefix = hash_bytes(FNV_OFFSET, word, affix);
  facts->word = hash_bytes(facts->prefix, word + affix, word_length - affix);
  facts->learned = learned_class(facts->word);
  facts->shape = hash_bytes(FNV_OFFSET, shape, shape_length);
  facts->suffix = hash_bytes(FNV_OFFSET, word + word_length - affix, affix);
  facts->length_class = (uint8_t)(word_length > 12 ? 12 : word_length);
  unsigned flags = 0;
  /* (a year needs four digits: most tokens are ruled out without a scan) */
  if (token_digits >= 4 && contains_year(s, n)) flags |= FLAG_YEAR;
  if (digits && only_digits) flags |= FLAG_DIGITS;
  if (digits) flags |= FLAG_HAS_DIGIT;
  if (dash_between_digits) flags |= FLAG_RANGE;
  if (letters == 1 && uppers == 1 && end - begin == 1) flags |= FLAG_INITIAL;
  if (letters >= 2 && uppers == letters) flags |= FLAG_ALL_CAPS;
  if (end > begin && s[begin] >= 'A' && s[begin] <= 'Z') flags |= FLAG_CAPITALIZED;
  if (end > begin && s[begin] >= 'a' && s[begin] <= 'z') flags |= FLAG_LOWER;
  if ((n >= 4 && memcmp(s, "http", 4) == 0) || (n >= 4 && memcmp(s, "www.", 4) == 0))
    flags |= FLAG_URL;
  /* (a DOI needs a period, or "doi:" first) */
  if ((seen & SEEN_PERIOD) || (n >= 4 && (s[0] == 'd' || s[0] == 'D')))
    for (size_t i = 0; i + 3 < n; i++)
      if ((s[i] == '1' && s[i + 1] == '0' && s[i + 2] == '.' && i + 7 < n && s[i + 3] >= '0' &&
           s[i + 3] <= '9') ||
          (i == 0 && (s[0] == 'd' || s[0] == 'D') && (s[1] == 'o' || s[1] == 'O') &&
           (s[2] == 'i' || s[2] == 'I') && s[3] == ':')) {
        flags |= FLAG_DOI;
        break;
      }
  if (is_month(word, word_length)) flags |= FLAG_MONTH;
  facts->lexicon = (uint8_t)lexicon_kind(facts->word, word, word_length);
  if (facts->first_mark == '"' || facts->first_mark == '\'') flags |= FLAG_OPENS_QUOTE;
  if (facts->last_mark == '"' || facts->last_mark == '\'') flags |= FLAG_CLOSES_QUOTE;
  if (seen & SEEN_OPENS) flags |= FLAG_OPENS_PAREN;
  if (seen & SEEN_CLOSES) flags |= FLAG_CLOSES_PAREN;
  /* A closing quote before trailing punctuation (“Title,” or "Title".) */
  if (n >= 2) {
    for (size_t i = n > 4 ? n - 4 : 0; i < n; i++) {
      if (s[i] == '"') flags |= FLAG_CLOSES_QUOTE;
      if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
          (unsigned char)s[i + 2] == 0x9D)
        flags |= FLAG_CLOSES_QUOTE;
    }
  }
  facts->flags = flags;
}

/* ----- features -------------------------------------------------------- */

/* Features are written straight to the token's row of the output, the
** first MAX_FEATURES of them. The emit functions are inlined into
** token_features, so the count and the mask stay in registers. */
#define FEATURE_INLINE static inline __attribute__((always_inline))

typedef struct feature_writer {
  uint32_t *out;
  size_t count;
  uint32_t mask;
  int to_rows; /* map buckets to weight rows (the labeller): a constant where inlined */
  /* the fields of ibid_reftokens_rows, copied */
  const uint32_t *rank;
  const unsigned char *rows;
  struct feature_memo *memo; /* when mapping to rows: the rows of the features of few values */
} feature_writer;

/* rank_in_byte[bit * 256 + byte]: 0 when bit `bit` of `byte` is clear, else
** the set bits of `byte` up to and including it (so 1 + those below). One
** load replaces a shift by a variable count, a mask and a bit count. */
#define RANK_BITS(b)                                                                             \
  ((b)&1) + ((b) >> 1 & 1) + ((b) >> 2 & 1) + ((b) >> 3 & 1) + ((b) >> 4 & 1) + ((b) >> 5 & 1) + \
      ((b) >> 6 & 1) + ((b) >> 7 & 1)
#define RANK(i) (((i)&255) >> ((i) >> 8) & 1) * (RANK_BITS((i)&255 & ((2u << ((i) >> 8)) - 1)))
#define RANK4(i) RANK(i), RANK(i + 1), RANK(i + 2), RANK(i + 3)
#define RANK16(i) RANK4(i), RANK4(i + 4), RANK4(i + 8), RANK4(i + 12)
#define RANK64(i) RANK16(i), RANK16(i + 16), RANK16(i + 32), RANK16(i + 48)
#define RANK256(i) RANK64(i), RANK64(i + 64), RANK64(i + 128), RANK64(i + 192)
static const uint8_t rank_in_byte[8 * 256] = {RANK256(0),    RANK256(256),  RANK256(512),
                                              RANK256(768),  RANK256(1024), RANK256(1280),
                                              RANK256(1536), RANK256(1792)};
#undef RANK256
#undef RANK64
#undef RANK16
#undef RANK4
#undef RANK
#undef RANK_BITS

/* The bucket of a feature hash: mixed, then cut to the table's size. */
FEATURE_INLINE uint32_t bucket_of(uint64_t hash, uint32_t mask) {
  hash ^= hash >> 29;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 32;
  return (uint32_t)hash & mask;
}

/* The byte offset in map->rows of a bucket's weight row (see
** ibid_reftokens_rows): of row 1 + (rows before its rank entry) + (set bits
** below its own) when its bit is set, else of row 0, the zeros. Branch-free:
** about one bucket in ten has no row, which a branch would mispredict. */
FEATURE_INLINE uint32_t row_offset(const uint32_t *rank_table, uint32_t bucket) {
  uint32_t entry = rank_table[bucket >> 3];
  uint32_t rank = rank_in_byte[(bucket & 7) << 8 | (entry & 0xFF)];
  uint32_t row = (entry >> 8) + rank;
  return (row & (0u - (rank != 0))) * IBID_REFMODEL_ROW_STRIDE;
}

/* (token_features writes at most 47 features, fewer than MAX_FEATURES: no
** bound to check) */
_Static_assert(47 <= IBID_REFTOKENS_MAX_FEATURES, "token_features writes up to 47 features");
FEATURE_INLINE void put(feature_writer *writer, uint32_t bucket) {
  if (writer->to_rows) {
    bucket = row_offset(writer->rank, bucket);
    __builtin_prefetch(writer->rows + bucket);
  }
  writer->out[writer->count++] = bucket;
}

/* A feature found once for several tokens: already a row offset when the
** writer maps to rows (see map_shared). */
FEATURE_INLINE void put_shared(feature_writer *writer, uint32_t bucket_or_row) {
  if (writer->to_rows) __builtin_prefetch(writer->rows + bucket_or_row);
  writer->out[writer->count++] = bucket_or_row;
}

FEATURE_INLINE void emit(feature_writer *writer, uint64_t hash) {
  put(writer, bucket_of(hash, writer->mask));
}

/*
** A feature of a group: the bucket is the group's block of eight (from the
** hash of the key) plus the slot. The word of a token is looked at by five
** templates (as this token's word, and as the next, previous, second next and
** second previous word of its neighbours): in one group their weights sit
** side by side, so the neighbours find them in the cache the first token
** brought in, instead of five misses in a table larger than the cache.
** The block of a key shared by several tokens (a word, a pair of words) is
** found once: put_slot takes it.
*/
FEATURE_INLINE uint32_t block_of(uint64_t key, uint32_t mask) {
  return bucket_of(key, mask) & ~7u;
}

FEATURE_INLINE void put_slot(feature_writer *writer, uint32_t block, unsigned slot) {
  put(writer, block | slot);
}

FEATURE_INLINE uint64_t template_hash(unsigned template_number) {
  return (uint64_t)template_number * 0xD6E8FEB86659FD93ULL;
}

FEATURE_INLINE void emit1(feature_writer *writer, unsigned template_number, uint64_t value) {
  emit(writer, hash_number(template_hash(template_number), value));
}

FEATURE_INLINE void emit2(feature_writer *writer, unsigned template_number, uint64_t a,
                          uint64_t b) {
  emit(writer, hash_number(hash_number(template_hash(template_number), a), b));
}

/*
** Features of few values (a mark, a length class, a position), when mapped
** to rows: the row of each value is found the first time a token of the
** reference has it, and the tokens after take it from here (the same row:
** the feature's hash depends on the value alone). A slot per value of each
** such template, MEMO_UNKNOWN until found; every reference starts with none
** found. The trainer (buckets, not rows) finds every feature each time.
*/
enum {
  MARK_CODES = 16,                                        /* the marks of mark_codes */
  MEMO_FIRST_MARK = 0,                                    /* 7: the first mark */
  MEMO_LAST_MARK = MEMO_FIRST_MARK + MARK_CODES,          /* 8: the last mark */
  MEMO_PREVIOUS_MARK = MEMO_LAST_MARK + MARK_CODES,       /* 20: the previous token's */
  MEMO_LENGTH = MEMO_PREVIOUS_MARK + MARK_CODES,          /* 11: the length class, 0-12 */
  MEMO_EIGHTH = MEMO_LENGTH + 16,                         /* 13: the eighth of the reference */
  MEMO_QUOTE_MARK = MEMO_EIGHTH + 8,                      /* 35: in quotes, the last mark */
  MEMO_MARKS = MEMO_QUOTE_MARK + 2 * MARK_CODES,          /* 30: previous and last mark */
  MEMO_CHUNK_LEFT = MEMO_MARKS + MARK_CODES * MARK_CODES, /* 46: 8 x 16 */
  MEMO_CHUNKS_AFTER = MEMO_CHUNK_LEFT + 8 * 16,           /* 52: 7 x 4 */
  MEMO_SLOTS = MEMO_CHUNKS_AFTER + 7 * 4
};

#define MEMO_UNKNOWN UINT32_MAX /* (no row offset: they are below 2^32 - 20) */
typedef struct feature_memo {
  uint32_t row[MEMO_SLOTS]; /* MEMO_UNKNOWN until found */
} feature_memo;

/* 1 + the code of the common marks (and 255, no token there), 0 for the
** others: the features of a mark of another code are found each time. */
static const uint8_t mark_codes[256] = {
    [0] = 1,   [','] = 2,  ['.'] = 3,  [':'] = 4,  [';'] = 5,  ['"'] = 6,  ['\''] = 7, ['-'] = 8,
    ['('] = 9, [')'] = 10, ['['] = 11, [']'] = 12, ['?'] = 13, ['/'] = 14, ['!'] = 15, [255] = 16};
_Static_assert(MARK_CODES == 16, "mark_codes has 16 codes");

/* Writes the feature of memo slot `slot` when its row is known: 1, else 0. */
FEATURE_INLINE int memo_put(feature_writer *writer, unsigned slot) {
  uint32_t row = writer->memo->row[slot];
  if (row == MEMO_UNKNOWN) return 0;
  put_shared(writer, row);
  return 1;
}

/* Writes the feature `hash` of memo slot `slot`, its row now known. */
FEATURE_INLINE void memo_learn(feature_writer *writer, unsigned slot, uint64_t hash) {
  uint32_t row = row_offset(writer->rank, bucket_of(hash, writer->mask));
  writer->memo->row[slot] = row;
  put_shared(writer, row);
}

/* emit1 and emit2 of a feature with a memo slot (`code`: 1 + its index in
** the template's slots from `base`, 0 for a value without one); the hash is
** found only when the row is not known. */
FEATURE_INLINE void emit1_few(feature_writer *writer, unsigned template_number, unsigned base,
                              unsigned code, uint64_t value) {
  if (!writer->to_rows || !code) {
    emit1(writer, template_number, value);
  } else if (!memo_put(writer, base + code - 1)) {
    memo_learn(writer, base + code - 1, hash_number(template_hash(template_number), value));
  }
}

FEATURE_INLINE void emit2_few(feature_writer *writer, unsigned template_number, unsigned base,
                              unsigned code, uint64_t a, uint64_t b) {
  if (!writer->to_rows || !code) {
    emit2(writer, template_number, a, b);
  } else if (!memo_put(writer, base + code - 1)) {
    memo_learn(writer, base + code - 1,
               hash_number(hash_number(template_hash(template_number), a), b));
  }
}

/* What the tokens before this one say: quotes and brackets still open, how
** many field-ending periods, whether a year was seen, whether a chunk opened
** with "In" (and how many chunks ago). */
typedef struct running_context {
  int in_quote;
  int paren_depth;
  unsigned periods;
  int year_seen;
  int in_chunk;             /* a chunk began with "In", "in:", "dans", "en" */
  unsigned chunks_since_in; /* chunk ends since then, at most 7 */
  int at_chunk_start;
} running_context;

static int ends_chunk(const token_facts *t);

static void running_context_advance(running_context *context, const token_facts *facts) {
  if ((facts->flags & FLAG_OPENS_QUOTE) && !(facts->flags & FLAG_CLOSES_QUOTE))
    context->in_quote = 1;
  else if (facts->flags & FLAG_CLOSES_QUOTE)
    context->in_quote = 0;
  if ((facts->flags & FLAG_OPENS_PAREN) && !(facts->flags & FLAG_CLOSES_PAREN))
    context->paren_depth = 1;
  else if (facts->flags & FLAG_CLOSES_PAREN)
    context->paren_depth = 0;
  /* A period after an initial does not end a field. */
  if (facts->last_mark == '.' && !(facts->flags & FLAG_INITIAL)) context->periods++;
  if (facts->flags & FLAG_YEAR) context->year_seen = 1;
  if (context->at_chunk_start && facts->lexicon == LEX_IN)
    context->in_chunk = 1, context->chunks_since_in = 0;
  context->at_chunk_start = ends_chunk(facts);
  if (context->at_chunk_start && context->in_chunk && context->chunks_since_in < 7)
    context->chunks_since_in++;
}

/* What the chunk of a token looks like: a chunk is a run of tokens up to one
** ending a field (".", ",", ":", ";", a closing quote or bracket; not the period
** of an initial). Found in one backward pass, so that a token also sees what
** comes after it: how many tokens are left in its chunk, how the chunk ends,
** what the next chunk starts with, which word classes the chunk holds. */
typedef struct chunk_facts {
  uint32_t start, end; /* tokens [start, end) */
  uint32_t first_kind; /* token_kind of the first token */
  uint16_t classes;    /* bit per LEX_* class of the chunk's words; 14: a year, 15: a digit */
  uint16_t chunks_after;
  uint16_t year_after; /* a later chunk holds a year */
  char end_mark;       /* the last token's trailing mark */
  /* buckets of the features that are the same for every token of the chunk
  ** (47, 48, 49 as last token or not, 51, 53 as first token or not); their
  ** row offsets when the features are mapped to rows */
  uint32_t classes_bucket, follows_bucket, follows_last_bucket[2], before_bucket,
      first_word_bucket[2];
} chunk_facts;

static int ends_chunk(const token_facts *t) {
  char m = t->last_mark;
  if (m == '.') return !(t->flags & FLAG_INITIAL);
  return m == ',' || m == ':' || m == ';' || (t->flags & (FLAG_CLOSES_QUOTE | FLAG_CLOSES_PAREN));
}

static unsigned token_kind(const token_facts *t) {
  return (t->flags & (FLAG_YEAR | FLAG_DIGITS | FLAG_CAPITALIZED | FLAG_LOWER | FLAG_OPENS_QUOTE |
                      FLAG_OPENS_PAREN | FLAG_URL | FLAG_INITIAL)) |
         ((unsigned)t->lexicon << 24);
}

/* Fills chunks (one per chunk, returns their number) and chunk_of (per token). */
static size_t chunks_compute(const token_facts *facts, size_t count, chunk_facts *chunks,
                             uint32_t *chunk_of) {
  size_t used = 0;
  for (size_t i = 0; i < count; i++) {
    if (i == 0 || ends_chunk(&facts[i - 1])) {
      chunk_facts *c = &chunks[used++];
      memset(c, 0, sizeof(*c));
      c->start = (uint32_t)i;
      c->first_kind = token_kind(&facts[i]);
    }
    chunk_facts *c = &chunks[used - 1];
    c->end = (uint32_t)i + 1;
    c->end_mark = facts[i].last_mark;
    if (facts[i].lexicon) c->classes |= (uint16_t)(1u << facts[i].lexicon);
    if (facts[i].flags & FLAG_HAS_DIGIT) c->classes |= 1u << 15;
    if (facts[i].flags & FLAG_YEAR) c->classes |= 1u << 14;
    chunk_of[i] = (uint32_t)(used - 1);
  }
  int year = 0;
  for (size_t k = used; k-- > 0;) {
    chunks[k].chunks_after = (uint16_t)(used - 1 - k);
    chunks[k].year_after = (uint16_t)year;
    if (chunks[k].classes & (1u << 14)) year = 1;
  }
  return used;
}

/* Feature blocks and buckets shared by several tokens, found once per
** reference: the block of each word, of each pair of neighbouring words, and
** the buckets of the chunk features. */
typedef struct shared_buckets {
  const uint32_t *word; /* per token */
  const uint32_t *pair; /* [i]: the pair (token i - 1, token i); count + 1 of them */
  uint32_t none_word;   /* no token there */
  /* features of few values: the bias, the position (first, inner, last),
  ** inside quotes or not, inside brackets or not (row offsets when the
  ** features are mapped to rows) */
  uint32_t bias, position[3], in_quote[2], in_paren[2];
} shared_buckets;

static unsigned chunk_follows(const chunk_facts *c, const chunk_facts *next) {
  return (next ? next->first_kind : 1u << 30) | (unsigned)(unsigned char)c->end_mark << 16;
}

/* The row of a shared bucket when features are mapped to rows (rank: the
** rank table), else the bucket. */
static uint32_t map_shared(const uint32_t *rank, uint32_t bucket) {
  return rank ? row_offset(rank, bucket) : bucket;
}

static void chunk_buckets(const token_facts *facts, chunk_facts *chunks, size_t chunk_count,
                          uint32_t mask, const uint32_t *rank) {
  for (size_t k = 0; k < chunk_count; k++) {
    chunk_facts *c = &chunks[k];
    const chunk_facts *next = k + 1 < chunk_count ? c + 1 : NULL;
    const chunk_facts *before = k > 0 ? c - 1 : NULL;
    unsigned follows = chunk_follows(c, next);
    c->classes_bucket = bucket_of(hash_number(template_hash(47), c->classes), mask);
    c->follows_bucket = bucket_of(hash_number(template_hash(48), follows), mask);
    for (unsigned last = 0; last < 2; last++)
      c->follows_last_bucket[last] =
          bucket_of(hash_number(hash_number(template_hash(49), follows), last), mask);
    c->before_bucket = bucket_of(
        hash_number(hash_number(template_hash(51),
                                before ? before->first_kind |
                                             (unsigned)(unsigned char)before->end_mark << 16
                                       : 1u << 30),
                    c->first_kind),
        mask);
    for (unsigned first = 0; first < 2; first++)
      c->first_word_bucket[first] =
          bucket_of(hash_number(hash_number(template_hash(53), facts[c->start].word), first), mask);
    if (rank) {
      c->classes_bucket = map_shared(rank, c->classes_bucket);
      c->follows_bucket = map_shared(rank, c->follows_bucket);
      c->before_bucket = map_shared(rank, c->before_bucket);
      for (int k2 = 0; k2 < 2; k2++) {
        c->follows_last_bucket[k2] = map_shared(rank, c->follows_last_bucket[k2]);
        c->first_word_bucket[k2] = map_shared(rank, c->first_word_bucket[k2]);
      }
    }
  }
}

FEATURE_INLINE void token_features(feature_writer *w, const token_facts *facts, size_t count,
                                   size_t i, const running_context *context,
                                   const chunk_facts *chunks, const uint32_t *chunk_of,
                                   const shared_buckets *shared) {
  const token_facts *t = &facts[i];
  const uint64_t none = 0x9e3779b97f4a7c15ULL;
  uint64_t previous_word = i > 0 ? facts[i - 1].word : none;
  uint64_t previous_shape = i > 0 ? facts[i - 1].shape : none;
  uint64_t next_shape = i + 1 < count ? facts[i + 1].shape : none;
  unsigned previous_mark = i > 0 ? (unsigned char)facts[i - 1].last_mark : 255;
  unsigned next_flags = i + 1 < count ? facts[i + 1].flags : 1u << 20;
  unsigned previous_flags = i > 0 ? facts[i - 1].flags : 1u << 20;
  put_shared(w, shared->bias);
  put_slot(w, shared->word[i], 0);
  emit1(w, 4, t->shape);
  emit1(w, 5, t->prefix);
  emit1(w, 6, t->suffix);
  unsigned first_code = mark_codes[(unsigned char)t->first_mark],
           last_code = mark_codes[(unsigned char)t->last_mark];
  emit1_few(w, 7, MEMO_FIRST_MARK, first_code, (unsigned char)t->first_mark);
  emit1_few(w, 8, MEMO_LAST_MARK, last_code, (unsigned char)t->last_mark);
  emit1(w, 9, t->flags);
  emit1_few(w, 11, MEMO_LENGTH, t->length_class + 1u, t->length_class);
  put_shared(w, shared->position[i == 0 ? 0 : i + 1 == count ? 2 : 1]);
  emit1_few(w, 13, MEMO_EIGHTH, (unsigned)(i * 8 / count) + 1u, i * 8 / count);
  put_slot(w, i > 0 ? shared->word[i - 1] : shared->none_word, 1);
  put_slot(w, i + 1 < count ? shared->word[i + 1] : shared->none_word, 2);
  put_slot(w, i > 1 ? shared->word[i - 2] : shared->none_word, 3);
  put_slot(w, i + 2 < count ? shared->word[i + 2] : shared->none_word, 4);
  emit1(w, 18, previous_shape);
  emit1(w, 19, next_shape);
  unsigned previous_code = mark_codes[previous_mark];
  emit1_few(w, 20, MEMO_PREVIOUS_MARK, previous_code, previous_mark);
  emit2(w, 21, previous_mark, t->shape);
  /* a pair of words: seen from its second word, then from its first */
  put_slot(w, shared->pair[i], 0);
  put_slot(w, shared->pair[i + 1], 1);
  put_shared(w, shared->in_quote[context->in_quote]);
  put_shared(w, shared->in_paren[context->paren_depth]);
  emit2_few(w, 30, MEMO_MARKS,
            previous_code && last_code ? (previous_code - 1) * MARK_CODES + last_code : 0,
            previous_mark, (unsigned char)t->last_mark);
  emit1(w, 31, next_flags);
  emit1(w, 32, previous_flags);
  emit2(w, 33, previous_mark, t->flags & (FLAG_CAPITALIZED | FLAG_LOWER | FLAG_HAS_DIGIT));
  emit2(w, 34, t->shape, next_shape);
  emit2_few(w, 35, MEMO_QUOTE_MARK,
            last_code ? (unsigned)context->in_quote * MARK_CODES + last_code : 0,
            (unsigned)context->in_quote, (unsigned char)t->last_mark);
  emit2(w, 36, i > 0 ? facts[i - 1].shape : none, t->word);
  unsigned next_mark = i + 1 < count ? (unsigned char)facts[i + 1].first_mark : 255;
  unsigned next_case = next_flags & (FLAG_CAPITALIZED | FLAG_LOWER | FLAG_HAS_DIGIT);
  emit2(w, 37, (unsigned char)t->last_mark, next_case | (next_mark << 16));
  emit2(w, 40, previous_word, previous_mark);
  emit2(w, 41, t->word, (unsigned char)t->last_mark);
  /* word classes: this token's, its neighbours', with punctuation and position */
  unsigned lex = t->lexicon, previous_lex = i > 0 ? facts[i - 1].lexicon : 63,
           next_lex = i + 1 < count ? facts[i + 1].lexicon : 63;
  if (lex) emit2(w, 42, lex, (unsigned char)t->last_mark);
  if (previous_lex)
    emit2(w, 43, previous_lex, t->flags & (FLAG_DIGITS | FLAG_CAPITALIZED | FLAG_LOWER));
  if (next_lex) emit2(w, 44, next_lex, (unsigned char)t->last_mark);
  if (lex) emit2(w, 45, lex, context->periods > 6 ? 6 : context->periods);
  const chunk_facts *c = &chunks[chunk_of[i]];
  size_t left = c->end - 1 - i, length = c->end - c->start;
  size_t left_class = left > 7 ? 7 : left, length_class = length > 15 ? 15 : length;
  emit2_few(w, 46, MEMO_CHUNK_LEFT, (unsigned)(left_class * 16 + length_class) + 1u, left_class,
            length_class);
  put_shared(w, c->classes_bucket);
  put_shared(w, c->follows_bucket);
  put_shared(w, c->follows_last_bucket[left == 0]);
  put_shared(w, c->first_word_bucket[i == c->start]);
  emit2(w, 55, context->in_chunk ? context->chunks_since_in : 15,
        c->first_kind & (FLAG_CAPITALIZED | FLAG_LOWER | FLAG_DIGITS | FLAG_YEAR));
  put_shared(w, c->before_bucket);
  unsigned chunks_after = c->chunks_after > 6 ? 6 : c->chunks_after,
           year = c->year_after | (unsigned)context->year_seen << 1;
  emit2_few(w, 52, MEMO_CHUNKS_AFTER, chunks_after * 4 + year + 1u, chunks_after, year);
  /* the learned word classes: the token's with its marks, and the previous token's */
  unsigned previous_learned = i > 0 ? facts[i - 1].learned : 255;
  emit2(w, 62, t->learned, (unsigned char)t->last_mark | (previous_mark << 8));
  emit2(w, 63, t->learned, previous_learned);
}

void ibid_reftokens_words(const char *text, const ibid_reftoken *tokens, size_t count,
                          uint64_t *words) {
  for (size_t i = 0; i < count; i++) {
    token_facts facts;
    token_facts_compute(text, &tokens[i], &facts);
    words[i] = facts.word;
  }
}

int ibid_reftokens_features(const char *text, const ibid_reftoken *tokens, size_t count,
                            uint32_t buckets, uint32_t *features, uint8_t *feature_counts) {
  return ibid_reftokens_features_learned(text, tokens, count, buckets, NULL, features,
                                         feature_counts);
}

/* Both entry points: inlined twice, so that `rows` is a constant in each. */
FEATURE_INLINE int features_write(const char *text, const ibid_reftoken *tokens, size_t count,
                                  uint32_t buckets, const uint8_t *learned,
                                  const ibid_reftokens_rows *rows, uint32_t *features,
                                  uint8_t *feature_counts, void *scratch) {
  if (count == 0) return 0;
  /* one block: facts, chunks, chunk of each token, word and pair blocks (the
  ** caller's, or allocated here) */
  token_facts *facts = scratch ? scratch : ibid_malloc(ibid_reftokens_scratch_bytes(count));
  if (!facts) return -1;
  chunk_facts *chunks = (chunk_facts *)(facts + count);
  uint32_t *chunk_of = (uint32_t *)(chunks + count);
  uint32_t *word_blocks = chunk_of + count, *pair_blocks = word_blocks + count;
  uint32_t mask = buckets - 1;
  for (size_t i = 0; i < count; i++) {
    token_facts_compute(text, &tokens[i], &facts[i]);
    if (learned) facts[i].learned = learned[i];
  }
  size_t chunk_count = chunks_compute(facts, count, chunks, chunk_of);
  const uint32_t *rank = rows ? rows->rank : NULL;
  chunk_buckets(facts, chunks, chunk_count, mask, rank);
  const uint64_t none = 0x9e3779b97f4a7c15ULL, word_group = template_hash(2);
  for (size_t i = 0; i < count; i++)
    word_blocks[i] = block_of(hash_number(word_group, facts[i].word), mask);
  for (size_t i = 0; i <= count; i++)
    pair_blocks[i] =
        block_of(hash_number(hash_number(template_hash(22), i > 0 ? facts[i - 1].word : none),
                             i < count ? facts[i].word : none),
                 mask);
  shared_buckets shared;
  shared.word = word_blocks, shared.pair = pair_blocks;
  shared.none_word = block_of(hash_number(word_group, none), mask);
  shared.bias = map_shared(rank, bucket_of(hash_number(template_hash(1), 1), mask));
  for (unsigned v = 0; v < 3; v++)
    shared.position[v] = map_shared(rank, bucket_of(hash_number(template_hash(12), v), mask));
  for (unsigned v = 0; v < 2; v++) {
    shared.in_quote[v] = map_shared(rank, bucket_of(hash_number(template_hash(24), v), mask));
    shared.in_paren[v] = map_shared(rank, bucket_of(hash_number(template_hash(25), v), mask));
  }
  running_context context;
  memset(&context, 0, sizeof(context));
  context.at_chunk_start = 1;
  feature_memo memo;
  if (rows) memset(memo.row, 0xFF, sizeof(memo.row));
  for (size_t i = 0; i < count; i++) {
    feature_writer writer;
    writer.out = features + i * IBID_REFTOKENS_MAX_FEATURES;
    writer.count = 0;
    writer.mask = mask;
    writer.to_rows = rows != NULL;
    if (rows) {
      writer.rank = rows->rank, writer.rows = rows->rows, writer.memo = &memo;
    } else {
      writer.rank = NULL, writer.rows = NULL, writer.memo = NULL;
    }
    token_features(&writer, facts, count, i, &context, chunks, chunk_of, &shared);
    feature_counts[i] = (uint8_t)writer.count;
    running_context_advance(&context, &facts[i]);
  }
  if (!scratch) ibid_free(facts);
  return 0;
}

size_t ibid_reftokens_scratch_bytes(size_t count) {
  return count * (sizeof(token_facts) + sizeof(chunk_facts)) + (3 * count + 1) * sizeof(uint32_t);
}

int ibid_reftokens_features_learned(const char *text, const ibid_reftoken *tokens, size_t count,
                                    uint32_t buckets, const uint8_t *learned, uint32_t *features,
                                    uint8_t *feature_counts) {
  return features_write(text, tokens, count, buckets, learned, NULL, features, feature_counts,
                        NULL);
}

int ibid_reftokens_feature_rows(const char *text, const ibid_reftoken *tokens, size_t count,
                                uint32_t buckets, const ibid_reftokens_rows *rows,
                                uint32_t *features, uint8_t *feature_counts, void *scratch) {
  return features_write(text, tokens, count, buckets, NULL, rows, features, feature_counts,
                        scratch);
}
