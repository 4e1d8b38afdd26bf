/* test_words.c -- unit tests of ext/text/words.c (word tokens for FTS5, UTF-16 offsets). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "words.h"

typedef struct collected {
  char text[2048]; /* "word@start-end word@start-end ..." */
  size_t used;
  int stop_after; /* stop (return 7) after this many tokens; 0 = never */
  int seen;
} collected;

static int collect(void *context, const char *word, size_t length, size_t start, size_t end) {
  collected *c = context;
  int n = snprintf(c->text + c->used, sizeof(c->text) - c->used, "%s%.*s@%zu-%zu",
                   c->used ? " " : "", (int)length, word, start, end);
  if (n > 0 && (size_t)n < sizeof(c->text) - c->used) c->used += (size_t)n;
  c->seen++;
  return c->stop_after && c->seen >= c->stop_after ? 7 : 0;
}

static const char *tokens(ibid_word_tokenizer *tokenizer, const char *text, size_t length) {
  static collected c;
  memset(&c, 0, sizeof(c));
  if (ibid_tokenize_words(tokenizer, text, length, collect, &c)) return "(error)";
  return c.text;
}

/* ----- property: the ASCII path cuts as ICU does ---------------------------- */

typedef struct long_collected {
  char text[1 << 16];
  size_t used;
} long_collected;

static int collect_long(void *context, const char *word, size_t length, size_t start, size_t end) {
  long_collected *c = context;
  int n = snprintf(c->text + c->used, sizeof(c->text) - c->used, "%s%.*s@%zu-%zu",
                   c->used ? " " : "", (int)length, word, start, end);
  if (n > 0 && (size_t)n < sizeof(c->text) - c->used) c->used += (size_t)n;
  return 0;
}

/* Random text: mostly ASCII (every byte value, letters, digits, '.', '\'',
** ',', ';', ':', '_', '@' and spaces weighted up), with characters whose
** word-break class ICU judges in context: accents, combining marks, joiners,
** non-ASCII spaces, quotes, CJK, kana, emoji, regional indicators, Hebrew,
** and bytes that are not UTF-8. */
static size_t random_text(uint64_t *state, char *out, size_t pieces) {
  static const char *const others[] = {
      "\xC3\xA9",         "\xCC\x81",     "\xE2\x80\x8D", "\xC2\xA0",
      "\xE2\x80\x83",     "\xE3\x80\x80", "\xE2\x80\x99", "\xE2\x80\x9C",
      "\xE2\x80\x94",     "\xE4\xB8\xAD", "\xE3\x82\xAB", "\xF0\x9F\x98\x80",
      "\xF0\x9F\x87\xAB", "\xC2\xAD",     "\xEF\xB8\x8F", "\xD7\x90",
      "\xD7\xB3",         "\xFF",         "\x80",         "\xE2\x80",
      "\xC2\x85",         "\xE2\x80\xA8", "\xEF\xBC\x8E", "\xD9\xA3",
      "\xE2\x80\xA4"};
  static const char common[] = "aZ@09._',;: \t\n\r";
  static const check_text_mix mix = {
      common, 45, 20, 0, 20, others, sizeof(others) / sizeof(others[0])};
  return check_random_text(state, &mix, out, pieces);
}

static void check_same_as_icu(ibid_word_tokenizer *tokenizer) {
  static long_collected fast, slow;
  static char text[4 * 1024 + 16];
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  int same = 1;
  size_t cases = 0;
  for (int round = 0; round < 60000 && same; round++) {
    size_t pieces = round % 1000 == 999 ? 1000 : 1 + check_next_random(&state) % 24;
    size_t length = random_text(&state, text, pieces);
    fast.used = slow.used = 0;
    fast.text[0] = slow.text[0] = 0;
    int a = ibid_tokenize_words(tokenizer, text, length, collect_long, &fast);
    int b = ibid_tokenize_words_icu(tokenizer, text, length, collect_long, &slow);
    cases++;
    if (a != b || strcmp(fast.text, slow.text) != 0) {
      same = 0;
      fprintf(stderr, "differs on %zu bytes:", length);
      for (size_t i = 0; i < length; i++) fprintf(stderr, " %02x", (unsigned char)text[i]);
      fprintf(stderr, "\n  fast: %s\n  icu:  %s\n", fast.text, slow.text);
    }
  }
  CHECK("words_ascii_path_matches_icu", same && cases == 60000);
}

static int same_words(ibid_word_tokenizer *tokenizer, const char *text, size_t length) {
  static long_collected fast, slow;
  fast.used = slow.used = 0;
  fast.text[0] = slow.text[0] = 0;
  int a = ibid_tokenize_words(tokenizer, text, length, collect_long, &fast);
  int b = ibid_tokenize_words_icu(tokenizer, text, length, collect_long, &slow);
  if (a == b && strcmp(fast.text, slow.text) == 0) return 1;
  fprintf(stderr, "differs on %zu bytes:", length);
  for (size_t i = 0; i < length; i++) fprintf(stderr, " %02x", (unsigned char)text[i]);
  fprintf(stderr, "\n  fast: %s\n  icu:  %s\n", fast.text, slow.text);
  return 0;
}

/* ----- property: runs of Latin letters and punctuation cut as ICU does ----- */

/* Every character of the tokenizer's table (Latin-1, Latin Extended-A/B,
** general punctuation) and its neighbours, in the contexts that decide its
** word-break class and fold: between letters, digits, '_', itself, an
** apostrophe, accented letters, at a run's ends. "%" is the character. */
static void check_table_chars(ibid_word_tokenizer *tokenizer) {
  static const char *const contexts[] = {"%",
                                         "a%b",
                                         "1%2",
                                         "A%%B",
                                         "_%_",
                                         "x%'s",
                                         "l'%x",
                                         "%1 %a.",
                                         "a.%",
                                         "\xC3\xA9%\xC3\xA9",
                                         "ab%cd%ef",
                                         "9,%,9",
                                         "%\xE2\x80\x99s",
                                         "(%)",
                                         "a%.b",
                                         "\xC3\x9F%1",
                                         "'%'",
                                         "a\xC2\xB7%"};
  static const unsigned ranges[][2] = {{0x80, 0x300}, {0x2000, 0x2070}};
  int all = 1;
  char text[64];
  for (size_t r = 0; r < 2; r++)
    for (unsigned c = ranges[r][0]; c < ranges[r][1] && all; c++)
      for (size_t k = 0; k < sizeof(contexts) / sizeof(contexts[0]) && all; k++) {
        size_t n = 0;
        for (const char *p = contexts[k]; *p; p++) {
          if (*p == '%')
            n = check_put_utf8(text, n, c);
          else
            text[n++] = *p;
        }
        all = same_words(tokenizer, text, n);
      }
  CHECK("words_table_chars_match_icu", all);
}

/* Random runs of ASCII and table characters (and a few that are not). */
static void check_table_random(ibid_word_tokenizer *tokenizer) {
  static const char common[] = "aZ@09._',;: ";
  static const unsigned others[] = {0x301, 0x3B1, 0x4E2D, 0x200D, 0xFB01, 0x2019, 0x2018, 0xB7};
  static char text[512];
  uint64_t state = 0x2545F4914F6CDD1DULL;
  int all = 1;
  for (int round = 0; round < 30000 && all; round++) {
    size_t n = 0, pieces = 1 + check_next_random(&state) % 16;
    for (size_t k = 0; k < pieces; k++) {
      uint64_t r = check_next_random(&state) % 100;
      if (r < 40)
        text[n++] = common[check_next_random(&state) % (sizeof(common) - 1)];
      else if (r < 70)
        n = check_put_utf8(text, n, 0xA0 + (unsigned)(check_next_random(&state) % (0x250 - 0xA0)));
      else if (r < 92)
        n = check_put_utf8(text, n, 0x2010 + (unsigned)(check_next_random(&state) % 0x60));
      else
        n = check_put_utf8(
            text, n, others[check_next_random(&state) % (sizeof(others) / sizeof(others[0]))]);
    }
    all = same_words(tokenizer, text, n);
  }
  CHECK("words_table_random_match_icu", all);
}

int main(void) {
  ibid_word_tokenizer *tokenizer = ibid_word_tokenizer_new(0);
  ibid_word_tokenizer *keeping = ibid_word_tokenizer_new(1);
  CHECK("words_new", tokenizer && keeping);
  if (!tokenizer || !keeping) return check_finish();

  CHECK_STRING("words_ascii", tokens(tokenizer, "The ICC, 2002.", 14), "the@0-3 icc@4-7 2002@9-13");
  /* "Côte d’Ivoire": ô is 2 bytes, ’ is 3 bytes. */
  const char *cote = "C\xC3\xB4te d\xE2\x80\x99Ivoire";
  CHECK_STRING("words_curly_apostrophe", tokens(tokenizer, cote, strlen(cote)),
               "cote@0-5 d@6-7 ivoire@10-16");
  CHECK_STRING("words_straight_apostrophe", tokens(tokenizer, "Cote d'Ivoire", 13),
               "cote@0-4 d@5-6 ivoire@7-13");
  CHECK_STRING("words_keep_diacritics", tokens(keeping, cote, strlen(cote)),
               "c\xC3\xB4te@0-5 d@6-7 ivoire@10-16");
  const char *accents =
      "TADI\xC4\x86 Stra\xC3\x9F"
      "e \xEF\xAC\x81nal";
  CHECK_STRING("words_fold", tokens(tokenizer, accents, strlen(accents)),
               "tadic@0-6 strasse@7-14 final@15-21");
  const char *greek = "\xCE\x86\xCE\xA1\xCE\x98\xCE\xA1\xCE\x9F"; /* ΆΡΘΡΟ */
  CHECK_STRING("words_greek", tokens(tokenizer, greek, strlen(greek)),
               "\xCE\xB1\xCF\x81\xCE\xB8\xCF\x81\xCE\xBF@0-10");
  const char *astral = "\xF0\x9F\x98\x80 x \xF0\x9D\x90\x80"; /* emoji, word, math bold A */
  CHECK_STRING("words_astral_offsets", tokens(tokenizer, astral, strlen(astral)), "x@5-6 a@7-11");
  CHECK_STRING("words_punctuation_only", tokens(tokenizer, " -- ... !", 9), "");
  CHECK_STRING("words_empty", tokens(tokenizer, "", 0), "");
  const char bad[] =
      "ab\xFF"
      "cd";
  CHECK_STRING("words_invalid_utf8", tokens(tokenizer, bad, 5), "ab@0-2 cd@3-5");
  const char nul[] = "ab\0cd";
  CHECK_STRING("words_nul", tokens(tokenizer, nul, 5), "ab@0-2 cd@3-5");

  collected c;
  memset(&c, 0, sizeof(c));
  c.stop_after = 2;
  CHECK("words_callback_stops",
        ibid_tokenize_words(tokenizer, "a b c d", 7, collect, &c) == 7 && c.seen == 2);

  UChar units[16];
  CHECK("utf16_length", ibid_utf8_to_utf16("a\xC3\xA9\xF0\x9F\x98\x80", 7, units) == 4);
  ibid_utf16_cursor cursor;
  ibid_utf16_cursor_init(&cursor, "a\xC3\xA9\xF0\x9F\x98\x80z", 8);
  CHECK("utf16_cursor_1", ibid_utf16_cursor_seek(&cursor, 1) == 1);
  CHECK("utf16_cursor_2", ibid_utf16_cursor_seek(&cursor, 2) == 3);
  CHECK("utf16_cursor_4", ibid_utf16_cursor_seek(&cursor, 4) == 7);
  CHECK("utf16_cursor_back", ibid_utf16_cursor_seek(&cursor, 0) == 0);

  check_same_as_icu(tokenizer);
  check_same_as_icu(keeping);
  /* fresh tokenizers: the table is learned in the order these tests meet it */
  ibid_word_tokenizer *fresh = ibid_word_tokenizer_new(0),
                      *fresh_keeping = ibid_word_tokenizer_new(1);
  CHECK("words_new_fresh", fresh && fresh_keeping);
  if (fresh && fresh_keeping) {
    check_table_random(fresh);
    check_table_random(fresh_keeping);
    check_table_chars(fresh);
    check_table_chars(fresh_keeping);
    check_table_chars(tokenizer);
  }
  ibid_word_tokenizer_free(fresh);
  ibid_word_tokenizer_free(fresh_keeping);

  ibid_word_tokenizer_free(tokenizer);
  ibid_word_tokenizer_free(keeping);
  return check_finish();
}
