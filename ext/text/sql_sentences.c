/*
** sql_sentences.c -- ibid_sentences(text): the sentences of a text.
**
**   SELECT n, block, start, length, text FROM ibid_sentences('See e.g. Smith et al. 2019. It
*works.');
**   -- 1|1|1|27|See e.g. Smith et al. 2019.
**   -- 2|1|29|9|It works.
**
** Columns: n (1, 2, ... over the whole text), block (the n of the ibid_blocks
** block that holds the sentence; sentences never cross blocks), start and
** length (1-based characters: substr(text, start, length) is the sentence,
** without surrounding white space), text. The splitting itself is in
** ext/text/sentences.c; the connection keeps one splitter (an ICU sentence
** iterator) as the client of the table function.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"
#include "sentences.h"
#include "sql_modules.h"

int ibid_rows_add_sentences(ibid_rows *rows, const ibid_sentence *sentences, size_t from,
                            size_t to) {
  int rc = SQLITE_OK;
  for (size_t i = from; i < to && rc == SQLITE_OK; i++) {
    rc = ibid_rows_int(rows, (int64_t)i + 1);
    if (rc == SQLITE_OK) rc = ibid_rows_int(rows, (int64_t)sentences[i].block);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, sentences[i].start, sentences[i].length);
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, sentences[i].start, sentences[i].length);
  }
  return rc;
}

static int sentences_fill(ibid_rows *rows, const char *text, size_t length, void *client) {
  ibid_sentence *sentences = 0;
  size_t count = 0;
  int failure = ibid_split_sentences_progress(client, text, length, ibid_rows_progress(rows),
                                              &sentences, &count);
  if (failure == -1) return SQLITE_NOMEM;
  if (failure == 1) return SQLITE_INTERRUPT; /* sqlite3_interrupt() or a progress handler */
  if (failure) {
    ibid_rows_error(rows, "ibid_sentences: ICU sentence iterator failed (text too long?)");
    return SQLITE_ERROR;
  }
  int rc = ibid_rows_add_sentences(rows, sentences, 0, count);
  ibid_free(sentences);
  return rc;
}

static void splitter_destroy(void *client) {
  ibid_sentence_splitter_free(client);
}

int ibid_register_sentences(sqlite3 *db) {
  static const ibid_table_function definition = {
      .name = "ibid_sentences",
      .columns = "n, block, start, length, text",
      .column_count = 5,
      .fill = sentences_fill,
  };
  ibid_sentence_splitter *splitter = ibid_sentence_splitter_new();
  if (!splitter) return SQLITE_NOMEM; /* ICU or memory failed */
  return ibid_register_table_function(db, &definition, splitter, splitter_destroy);
}
