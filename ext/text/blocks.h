/*
** blocks.h -- the block structure of a text: headings, paragraphs, list
** items, captions, notes, table rows and site boilerplate.
**
** Works on any text, best on the output of ibid_clean_text(). Blocks are in
** text order, do not overlap, and cover no blank lines.
*/
#ifndef IBID_BLOCKS_H
#define IBID_BLOCKS_H
#include <stddef.h>

typedef enum ibid_block_kind {
  IBID_BLOCK_HEADING = 1,
  IBID_BLOCK_PARAGRAPH,
  IBID_BLOCK_LIST_ITEM,
  IBID_BLOCK_CAPTION,
  IBID_BLOCK_NOTE,
  IBID_BLOCK_TABLE_ROW,
  IBID_BLOCK_BOILERPLATE
} ibid_block_kind;

typedef struct ibid_block {
  ibid_block_kind kind;
  int level;     /* heading level (1 = top) or list nesting depth (1 = top); 0 otherwise */
  size_t start;  /* byte offset of the first character */
  size_t length; /* bytes, without the trailing line break */
} ibid_block;

/* Finds the blocks of text. On success returns 0 and sets *blocks (free with
** ibid_free; NULL when *count is 0) and *count; returns -1 when out of memory. */
int ibid_find_blocks(const char *text, size_t length, ibid_block **blocks, size_t *count);

/* 'heading', 'paragraph', 'list_item', 'caption', 'note', 'table_row', 'boilerplate'. */
const char *ibid_block_kind_name(ibid_block_kind kind);

#endif
