/* fuzz_references.c -- libFuzzer target for ext/references/references.c: splitting any
** valid UTF-8 into citation items (the whole input as one note, and each
** line as one note), the title keys of each item, and the bibliography
** entries of the input, the reference-list heading test on every line. Items and entries must be
*spans inside their input
** on character boundaries, in text order -- without crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>

#include "memory.h"
#include "references.h"
#include "utf8.h"

static void check_span(const char *text, size_t from, size_t to, size_t start, size_t length) {
  if (start < from || start > to || length > to - start) __builtin_trap();
  if (start < to && ((unsigned char)text[start] & 0xC0) == 0x80) __builtin_trap();
  size_t end = start + length;
  if (end < to && ((unsigned char)text[end] & 0xC0) == 0x80) __builtin_trap();
}

static void split(const char *text, size_t start, size_t length) {
  ibid_citation_item *items;
  size_t count;
  if (ibid_split_citations(text, start, length, &items, &count) != 0) return;
  for (size_t i = 0; i < count; i++) {
    check_span(text, start, start + length, items[i].start, items[i].length);
    if (i && items[i].start < items[i - 1].start + items[i - 1].length) __builtin_trap();
    unsigned long long keys[IBID_TITLE_KEYS];
    int words = ibid_title_keys(text, items[i].start, items[i].start + items[i].length, keys);
    if (words < 0 || words > IBID_TITLE_KEYS) __builtin_trap();
  }
  ibid_free(items);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  split(text, 0, size);
  for (size_t line = 0; line < size;) {
    size_t end = line;
    while (end < size && text[end] != '\n') end++;
    split(text, line, end - line);
    line = end + 1;
  }
  ibid_bibliography_entry *entries;
  size_t count;
  if (ibid_find_bibliography(text, size, &entries, &count) != 0) return 0;
  for (size_t i = 0; i < count; i++) {
    check_span(text, 0, size, entries[i].start, entries[i].length);
    if (entries[i].length == 0) __builtin_trap();
    if (i && entries[i].start < entries[i - 1].start + entries[i - 1].length) __builtin_trap();
    /* the repeated-author test reads only inside its entry */
    (void)ibid_repeats_previous_author(text, entries[i].start,
                                       entries[i].start + entries[i].length);
  }
  ibid_free(entries);
  /* numbered in-text citations: groups before their entries, inside the text */
  ibid_reference_link *links;
  size_t link_count;
  if (ibid_find_reference_links(text, size, &links, &link_count) == 0) {
    for (size_t i = 0; i < link_count; i++) {
      check_span(text, 0, size, links[i].start, links[i].length);
      check_span(text, 0, size, links[i].entry_start, links[i].entry_length);
      if (links[i].label < 1 || links[i].start + links[i].length > links[i].entry_start)
        __builtin_trap();
    }
    ibid_free(links);
  }
  /* heading tests on every line, and on every suffix of the first line */
  for (size_t line = 0; line < size;) {
    size_t end = line;
    while (end < size && text[end] != '\n') end++;
    (void)ibid_is_bibliography_heading(text, line, end);
    line = end + 1;
  }
  for (size_t i = 0; i < size && i < 64 && text[i] != '\n'; i++)
    if (((unsigned char)text[i] & 0xC0) != 0x80) (void)ibid_is_bibliography_heading(text, i, size);
  return 0;
}
