/*
** fuzz_blocks.c -- libFuzzer target for ibid_find_blocks on raw and cleaned
** text: blocks in order, inside the text, not overlapping, never blank-edged.
*/
#include <stdint.h>
#include <stdlib.h>

#include "blocks.h"
#include "memory.h"
#include "text.h"
#include "utf8.h"

static void check_blocks(const char *text, size_t length) {
  ibid_block *blocks = NULL;
  size_t count = 0;
  if (ibid_find_blocks(text, length, &blocks, &count)) abort();
  size_t previous_end = 0;
  for (size_t i = 0; i < count; i++) {
    const ibid_block *b = &blocks[i];
    if (b->length == 0 || b->start < previous_end || b->start + b->length > length) abort();
    if (b->kind < IBID_BLOCK_HEADING || b->kind > IBID_BLOCK_BOILERPLATE) abort();
    if (text[b->start] == ' ' || text[b->start] == '\n' || text[b->start + b->length - 1] == '\n')
      abort();
    previous_end = b->start + b->length;
  }
  ibid_free(blocks);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, NULL)) return 0;
  check_blocks(text, size);
  size_t length = 0;
  char *clean = ibid_clean_text(text, size, &length);
  if (!clean) abort();
  check_blocks(clean, length);
  ibid_free(clean);
  return 0;
}
