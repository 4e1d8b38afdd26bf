/* test_words.c -- unit tests of ext/text/words.c (word tokens for FTS5, UTF-16 offsets). */
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

  ibid_word_tokenizer_free(tokenizer);
  ibid_word_tokenizer_free(keeping);
  return check_finish();
}
