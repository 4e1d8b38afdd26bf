/*
** sql_blocks.c -- ibid_blocks(text): the blocks of a text, one row each.
**
**   SELECT n, kind, level, text FROM ibid_blocks(ibid_clean(readfile('paper.txt')));
**
** Columns: n (1, 2, ...), kind ('heading', 'paragraph', 'list_item',
** 'caption', 'note', 'table_row', 'boilerplate'), level (heading level or
** list depth, else 0), start and length (characters: substr(input, start,
** length) is the block), text (the block). Wraps ibid_find_blocks()
** (ext/text/blocks.h); best on the output of ibid_clean().
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "blocks.h"
#include "memory.h"
#include "sql_modules.h"

int ibid_rows_add_blocks(ibid_rows *rows, const ibid_block *blocks, size_t from, size_t to) {
  int rc = SQLITE_OK;
  for (size_t i = from; i < to && rc == SQLITE_OK; i++) {
    const char *kind = ibid_block_kind_name(blocks[i].kind);
    rc = ibid_rows_int(rows, (int64_t)(i + 1));
    if (rc == SQLITE_OK) rc = ibid_rows_text(rows, kind, strlen(kind));
    if (rc == SQLITE_OK) rc = ibid_rows_int(rows, blocks[i].level);
    if (rc == SQLITE_OK) rc = ibid_rows_span(rows, blocks[i].start, blocks[i].length);
    if (rc == SQLITE_OK) rc = ibid_rows_slice(rows, blocks[i].start, blocks[i].length);
  }
  return rc;
}

static int fill_blocks(ibid_rows *rows, const char *text, size_t length, void *client) {
  (void)client;
  ibid_block *blocks = NULL;
  size_t count = 0;
  if (ibid_find_blocks(text, length, &blocks, &count)) return SQLITE_NOMEM;
  int rc = ibid_rows_add_blocks(rows, blocks, 0, count);
  ibid_free(blocks);
  return rc;
}

int ibid_register_blocks(sqlite3 *db) {
  static const ibid_table_function definition = {
      .name = "ibid_blocks",
      .columns = "n, kind, level, start, length, text",
      .column_count = 6,
      .fill = fill_blocks,
  };
  return ibid_register_table_function(db, &definition, NULL, NULL);
}
