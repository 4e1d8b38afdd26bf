/*
** words.h -- words of a text for full-text search, and UTF-8 <-> UTF-16
** offset bookkeeping for the ICU break iterators.
**
** A word is a run that ICU's word break rules (UAX #29) mark as letters,
** numbers, kana or ideographs; punctuation and spaces are not words. Each
** word is split at apostrophes (straight, curly or modifier letter), so
** "Côte d’Ivoire" and "Cote d'Ivoire" both give cote, d, ivoire. Every piece
** is case-folded, compatibility-normalized (ligatures such as "ﬁ" from PDFs
** become "fi") and, unless asked to keep them, stripped of Latin diacritics.
** Offsets are byte offsets into the original UTF-8.
**
** Input need not be valid UTF-8: a bad byte counts as one U+FFFD, so the
** offsets stay exact (FTS5 may hand any bytes to a tokenizer).
*/
#ifndef IBID_WORDS_H
#define IBID_WORDS_H
#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

/* ----- UTF-8 -> UTF-16 with offsets -------------------------------------- */

/* Converts text to UTF-16 in out, which must hold `length` units (UTF-16 never
** needs more units than UTF-8 has bytes); returns the number of units written.
** Invalid bytes become U+FFFD, one per byte. */
size_t ibid_utf8_to_utf16(const char *text, size_t length, UChar *out);

/* Walks a UTF-8 text and its ibid_utf8_to_utf16 conversion in step, so that
** ascending UTF-16 indices turn into byte offsets in linear total time. */
typedef struct ibid_utf16_cursor {
  const char *text;
  size_t length;
  size_t byte; /* byte offset matching `unit` */
  size_t unit; /* UTF-16 index */
} ibid_utf16_cursor;

void ibid_utf16_cursor_init(ibid_utf16_cursor *cursor, const char *text, size_t length);
/* Byte offset of UTF-16 index `unit`. Indices must not decrease between calls
** (the cursor restarts from 0 if they do, which is correct but slow). */
size_t ibid_utf16_cursor_seek(ibid_utf16_cursor *cursor, size_t unit);

/* ----- words ------------------------------------------------------------- */

typedef struct ibid_word_tokenizer ibid_word_tokenizer;

/* Called for each word in text order: the folded word (UTF-8, not
** NUL-terminated) and its byte span [start, end) in the input. A non-zero
** return stops tokenizing and is passed back. */
typedef int (*ibid_word_callback)(void *context, const char *word, size_t word_length, size_t start,
                                  size_t end);

/* keep_diacritics: 1 keeps accents ("côte" stays "côte"), 0 removes them.
** Returns NULL when ICU or memory fails. */
ibid_word_tokenizer *ibid_word_tokenizer_new(int keep_diacritics);
void ibid_word_tokenizer_free(ibid_word_tokenizer *tokenizer);

/* Tokenizes text. Returns 0, the callback's non-zero return, -1 when out of
** memory or -2 on an ICU error (or a text longer than ICU can index). */
int ibid_tokenize_words(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                        ibid_word_callback callback, void *context);

/* The same words from ICU's iterator alone, every segment of the text: the
** reference that ibid_tokenize_words (which cuts ASCII runs itself) is
** tested against. */
int ibid_tokenize_words_icu(ibid_word_tokenizer *tokenizer, const char *text, size_t length,
                            ibid_word_callback callback, void *context);

#endif
