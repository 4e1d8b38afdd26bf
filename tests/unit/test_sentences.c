/* test_sentences.c -- unit tests of ext/text/sentences.c (sentence splitting). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "memory.h"
#include "sentences.h"

/* Splits text and joins the sentences with " | " for comparison. */
static char *split(ibid_sentence_splitter *splitter, const char *text, size_t length) {
  ibid_sentence *sentences = 0;
  size_t count = 0;
  static char joined[4096];
  joined[0] = 0;
  if (ibid_split_sentences(splitter, text, length, &sentences, &count)) return "(error)";
  size_t used = 0;
  for (size_t i = 0; i < count; i++) {
    const char *separator = i ? " | " : "";
    size_t n = strlen(separator) + sentences[i].length;
    if (used + n + 1 > sizeof(joined)) break;
    memcpy(joined + used, separator, strlen(separator));
    memcpy(joined + used + strlen(separator), text + sentences[i].start, sentences[i].length);
    used += n;
    joined[used] = 0;
  }
  ibid_free(sentences);
  return joined;
}

#define SPLITS(name, text, want) CHECK_STRING(name, split(splitter, text, strlen(text)), want)

int main(void) {
  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  CHECK("sentences_new", splitter != 0);
  if (!splitter) return check_finish();

  SPLITS("sentences_plain", "One here. Two there? Three!", "One here. | Two there? | Three!");
  SPLITS("sentences_pp", "See pp. 12–14. Next.", "See pp. 12–14. | Next.");
  SPLITS("sentences_p_number", "Ibid., p. 312.", "Ibid., p. 312.");
  SPLITS("sentences_initials", "Alan J. Kuperman and M. Cherif Bassiouni wrote.",
         "Alan J. Kuperman and M. Cherif Bassiouni wrote.");
  SPLITS("sentences_eg_ie", "Some states, e.g. Kenya, i.e. Sudan, objected. Then.",
         "Some states, e.g. Kenya, i.e. Sudan, objected. | Then.");
  SPLITS("sentences_us", "The U.S. Senate voted. It passed.",
         "The U.S. Senate voted. | It passed.");
  SPLITS("sentences_etc_upper", "Costs, delays, etc. The end.", "Costs, delays, etc. | The end.");
  SPLITS("sentences_etc_digit", "Costs, etc. 2019 was worse.", "Costs, etc. 2019 was worse.");
  SPLITS("sentences_et_al", "Smith et al. (2019) agree. Fine.",
         "Smith et al. (2019) agree. | Fine.");
  SPLITS("sentences_art", "Under Art. 13 the Council may refer. Done.",
         "Under Art. 13 the Council may refer. | Done.");
  SPLITS("sentences_marker_glued", "members of the ICC2. His views",
         "members of the ICC2. | His views");
  SPLITS("sentences_marker_after_period", "referred by the UN.5 The ICC is",
         "referred by the UN.5 | The ICC is");
  SPLITS("sentences_marker_after_quote",
         "or genocide.\xE2\x80\x9D"
         "3 These sanctions",
         "or genocide.\xE2\x80\x9D"
         "3 | These sanctions");
  SPLITS("sentences_marker_inside",
         "deterrence effect\xE2\x80\x9D"
         "1 because the court",
         "deterrence effect\xE2\x80\x9D"
         "1 because the court");
  SPLITS("sentences_superscript", "in 2005.\xC2\xB9 The Court", "in 2005.\xC2\xB9 | The Court");
  SPLITS("sentences_decimal", "It rose 3.5 The next", "It rose 3.5 The next");
  SPLITS("sentences_ibid_notes", "1 Ibid. 2 Smith, p. 4.", "1 Ibid. | 2 Smith, p. 4.");
  SPLITS("sentences_trim", "  Leading space.   Trailing.  ", "Leading space. | Trailing.");
  SPLITS("sentences_line_wrap", "a sentence that wraps\nover two lines. Next.",
         "a sentence that wraps\nover two lines. | Next.");
  SPLITS("sentences_blocks", "First block\n\nSecond block. Third.",
         "First block | Second block. | Third.");
  SPLITS("sentences_title_question",
         "Tunks, \xE2\x80\x98"
         "Diplomats or defendants? Defining immunity\xE2\x80\x99, Duke Law Journal.",
         "Tunks, \xE2\x80\x98"
         "Diplomats or defendants? Defining immunity\xE2\x80\x99, Duke Law Journal.");
  SPLITS("sentences_clock", "It ended at 5 p.m. The judges met at 9 a.m. on Monday.",
         "It ended at 5 p.m. | The judges met at 9 a.m. on Monday.");
  SPLITS("sentences_empty", "", "");
  SPLITS("sentences_spaces", " \n \n ", "");

  /* NUL bytes inside the text are ordinary characters. */
  const char with_nul[] = "A\0b. Next one.";
  ibid_sentence *sentences = 0;
  size_t count = 0;
  CHECK("sentences_nul_ok",
        ibid_split_sentences(splitter, with_nul, sizeof(with_nul) - 1, &sentences, &count) == 0);
  CHECK("sentences_nul_bytes", count == 2 && sentences[0].length == 4 && sentences[1].start == 5);
  ibid_free(sentences);

  /* Block numbers and offsets. */
  const char *text = "Title\n\nOne. Two.";
  CHECK("sentences_split_ok",
        ibid_split_sentences(splitter, text, strlen(text), &sentences, &count) == 0);
  CHECK("sentences_count", count == 3);
  if (count == 3) {
    CHECK("sentences_block_1",
          sentences[0].block == 1 && sentences[0].start == 0 && sentences[0].length == 5);
    CHECK("sentences_block_2",
          sentences[1].block == 2 && sentences[1].start == 7 && sentences[1].length == 4);
    CHECK("sentences_block_2b", sentences[2].block == 2 && sentences[2].start == 12);
  }
  ibid_free(sentences);

  /* Surrogate pairs: offsets stay byte offsets. */
  text = "\xF0\x9D\x90\x80 math. \xF0\x9F\x98\x80 Smile.";
  CHECK_STRING("sentences_astral", split(splitter, text, strlen(text)),
               "\xF0\x9D\x90\x80 math. | \xF0\x9F\x98\x80 Smile.");

  CHECK("abbreviation_pp", ibid_sentence_abbreviation("pp", 2, "", 0, 1));
  CHECK("abbreviation_initial", ibid_sentence_abbreviation("J", 1, "Alan", 4, 1));
  CHECK("abbreviation_dotted", ibid_sentence_abbreviation("U.S", 3, "", 0, 1));
  CHECK("abbreviation_etc_upper", !ibid_sentence_abbreviation("etc", 3, "", 0, 1));
  CHECK("abbreviation_etc_lower", ibid_sentence_abbreviation("etc", 3, "", 0, 0));
  CHECK("abbreviation_et_al", ibid_sentence_abbreviation("al", 2, "et", 2, 0));
  CHECK("abbreviation_word", !ibid_sentence_abbreviation("court", 5, "", 0, 1));
  CHECK("abbreviation_url", !ibid_sentence_abbreviation("www.icc", 7, "", 0, 1));

  /* The rules computed without ICU give ICU's sentences: random text over
  ** characters of every class the rules read (and some they send to ICU:
  ** a soft hyphen, a combining accent, U+2028), split both ways. */
  {
    static const char *const pieces[] = {"a",
                                         "b",
                                         "A",
                                         "Z",
                                         "1",
                                         "0",
                                         ".",
                                         "!",
                                         "?",
                                         ",",
                                         ";",
                                         ":",
                                         "-",
                                         " ",
                                         "\t",
                                         "\n",
                                         "\"",
                                         "'",
                                         "(",
                                         ")",
                                         "[",
                                         "]",
                                         "#",
                                         "\xC3\xA9",
                                         "\xC3\x89",
                                         "\xE2\x80\x99",
                                         "\xE2\x80\x9C",
                                         "\xE2\x80\x9D",
                                         "\xE2\x80\x94",
                                         "\xE2\x80\xA6",
                                         "\xC2\xA0",
                                         "\xD7\x90",
                                         "\xE3\x80\x82",
                                         "\xC2\xB9",
                                         "\xE2\x80\xA4",
                                         "\xEF\xBC\x8E",
                                         "\r",
                                         "\xC2\xAD",
                                         "\xCC\x81",
                                         "\xE2\x80\xA8",
                                         "\xC2\xAB",
                                         "\xC2\xBB",
                                         "\xF0\x9D\x90\x80",
                                         "Ibid",
                                         "pp",
                                         "U.S",
                                         "etc",
                                         " 12 "};
    size_t piece_count = sizeof(pieces) / sizeof(pieces[0]);
    unsigned long state = 12345;
    int same = 1;
    for (int round = 0; round < 20000 && same; round++) {
      char buffer[512];
      size_t length = 0;
      state = state * 6364136223846793005UL + 1442695040888963407UL;
      size_t alphabet = 4 + (size_t)(state >> 33) % (piece_count - 3); /* at most all pieces */
      int n = 1 + (int)((state >> 40) % 30);
      for (int i = 0; i < n; i++) {
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        const char *piece = pieces[(size_t)(state >> 33) % alphabet];
        size_t piece_length = strlen(piece);
        memcpy(buffer + length, piece, piece_length);
        length += piece_length;
      }
      ibid_sentence *ours = 0, *icu = 0;
      size_t our_count = 0, icu_count = 0;
      int rc = ibid_split_sentences(splitter, buffer, length, &ours, &our_count);
      int icu_rc = ibid_split_sentences_icu(splitter, buffer, length, &icu, &icu_count);
      same = rc == icu_rc && our_count == icu_count &&
             (our_count == 0 || memcmp(ours, icu, our_count * sizeof(*ours)) == 0);
      if (!same) fprintf(stderr, "differs from ICU: [%.*s]\n", (int)length, buffer);
      ibid_free(ours);
      ibid_free(icu);
    }
    CHECK("sentences_rules_as_icu", same);
  }

  /* Split in blocks the caller found: the same sentences. */
  {
    const char *blocky = "Title\n\nOne. Two pp. 3. Three.\n\n- a list item. Another one.";
    ibid_block *blocks = 0;
    size_t block_count = 0;
    ibid_sentence *whole = 0, *in_blocks = 0;
    size_t whole_count = 0, in_count = 0;
    CHECK("sentences_in_blocks_found",
          ibid_find_blocks(blocky, strlen(blocky), &blocks, &block_count) == 0);
    CHECK("sentences_in_blocks_split",
          ibid_split_sentences(splitter, blocky, strlen(blocky), &whole, &whole_count) == 0 &&
              ibid_split_sentences_in_blocks(splitter, blocky, strlen(blocky), blocks, block_count,
                                             NULL, &in_blocks, &in_count) == 0);
    CHECK("sentences_in_blocks_same",
          whole_count == in_count && whole_count > 0 &&
              memcmp(whole, in_blocks, whole_count * sizeof(*whole)) == 0);
    ibid_free(blocks);
    ibid_free(whole);
    ibid_free(in_blocks);
  }

  ibid_sentence_splitter_free(splitter);
  return check_finish();
}
