/*
** sentences.h -- the sentences of a text, block by block.
**
** ICU's sentence break rules (UAX #29), corrected for scholarly writing: no
** break after abbreviations that citations are full of ("pp.", "Ibid.,",
** "et al.", "e.g.", "Art.", "U.S.", initials such as "John F. Kennedy"), and
** note markers glued after the final punctuation ("the ICC.2 The next",
** "genocide.”3 These") stay with the sentence they close. Sentences never
** cross the blocks of ibid_find_blocks (blocks.h); single line breaks inside
** a block are read as spaces (PDF text breaks lines mid-sentence).
*/
#ifndef IBID_SENTENCES_H
#define IBID_SENTENCES_H
#include <stddef.h>

#include "blocks.h"
#include "progress.h"

typedef struct ibid_sentence {
  size_t block;  /* 1-based number of the block that holds it */
  size_t start;  /* byte offset of its first character */
  size_t length; /* bytes; no leading or trailing white space */
} ibid_sentence;

typedef struct ibid_sentence_splitter ibid_sentence_splitter;

/* Returns NULL when ICU or memory fails. One splitter serves one thread. */
ibid_sentence_splitter *ibid_sentence_splitter_new(void);
void ibid_sentence_splitter_free(ibid_sentence_splitter *splitter);

/* Splits text (valid UTF-8). On success returns 0 with *sentences (free with
** ibid_free; NULL when *count is 0) in text order; returns -1 when out of
** memory, -2 on an ICU error (or a block longer than ICU can index). */
int ibid_split_sentences(ibid_sentence_splitter *splitter, const char *text, size_t length,
                         ibid_sentence **sentences, size_t *count);
/* The same, counting the bytes of each block split on progress
** (ext/core/progress.h; may be NULL): returns 1, with no sentences, when
** progress says stop. */
int ibid_split_sentences_progress(ibid_sentence_splitter *splitter, const char *text, size_t length,
                                  ibid_progress *progress, ibid_sentence **sentences,
                                  size_t *count);

/* The same, on the blocks of ibid_find_blocks(text, length) that the caller
** has already found (an ingest that writes the blocks too finds them once). */
int ibid_split_sentences_in_blocks(ibid_sentence_splitter *splitter, const char *text,
                                   size_t length, const ibid_block *blocks, size_t block_count,
                                   ibid_progress *progress, ibid_sentence **sentences,
                                   size_t *count);

/* The same, with every block through ICU's iterator (ibid_split_sentences
** computes UAX #29's boundaries itself where the rules it reads suffice):
** the reference the unit test and fuzz_sentences compare against. */
int ibid_split_sentences_icu(ibid_sentence_splitter *splitter, const char *text, size_t length,
                             ibid_sentence **sentences, size_t *count);

/* Whether `word` (the letters before a period, e.g. "pp" or "e.g") is an
** abbreviation after which a sentence does not end. next_is_upper: the next
** sentence would begin with a capital letter (some abbreviations, like
** "etc", end sentences then). Exposed for the unit tests. */
int ibid_sentence_abbreviation(const char *word, size_t length, const char *previous_word,
                               size_t previous_length, int next_is_upper);

#endif
