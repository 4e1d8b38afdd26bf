/*
** blocks.c -- placeholder: every run of non-blank lines is one paragraph.
** (Being replaced by the real classifier; the API in blocks.h is fixed.)
*/
#include "blocks.h"

#include "memory.h"

const char *ibid_block_kind_name(ibid_block_kind kind) {
  static const char *const names[] = {"",         "heading",  "paragraph", "list_item",
                                      "caption",  "note",     "table_row", "boilerplate"};
  return (kind >= IBID_BLOCK_HEADING && kind <= IBID_BLOCK_BOILERPLATE) ? names[kind] : "paragraph";
}

static int is_blank_line(const char *text, size_t start, size_t end) {
  for (size_t i = start; i < end; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return 0;
  return 1;
}

int ibid_find_blocks(const char *text, size_t length, ibid_block **blocks, size_t *count) {
  size_t capacity = 0, used = 0;
  ibid_block *list = 0;
  size_t block_start = 0, block_end = 0;
  int open = 0;
  for (size_t line = 0; line <= length;) {
    size_t end = line;
    while (end < length && text[end] != '\n') end++;
    int blank = is_blank_line(text, line, end);
    if (!blank && !open) {
      open = 1;
      block_start = line;
    }
    if (!blank) block_end = end;
    if ((blank || end >= length) && open) {
      if (used == capacity) {
        capacity = capacity ? capacity * 2 : 16;
        ibid_block *grown = ibid_realloc(list, capacity * sizeof(*list));
        if (!grown) {
          ibid_free(list);
          return -1;
        }
        list = grown;
      }
      list[used].kind = IBID_BLOCK_PARAGRAPH;
      list[used].level = 0;
      list[used].start = block_start;
      list[used].length = block_end - block_start;
      used++;
      open = 0;
    }
    if (end >= length) break;
    line = end + 1;
  }
  *blocks = list;
  *count = used;
  return 0;
}
