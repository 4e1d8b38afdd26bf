/* fuzz_growth.c -- libFuzzer target for output that grows faster than its
** input (issue 12, item 2): a small input is expanded by repetition into a
** large one (the first byte chooses 2^(4..11) copies, up to
** FUZZ_GROWTH_LIMIT bytes, 1 MB), and the text extractors and converters run on
** it. Each must give output (rows, strings) linear in the input: a bound
** checked here; time and memory are bounded by libFuzzer's -timeout and
** -rss_limit_mb, which a quadratic path on a megabyte input exceeds. `make
** fuzz` runs it with -max_len $(FUZZ_MAX_LEN) like the others; its inputs
** are the small units that repetition makes large. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "blocks.h"
#include "cites.h"
#include "convert.h"
#include "markers.h"
#include "memory.h"
#include "notes.h"
#include "utf8.h"

#define FUZZ_GROWTH_LIMIT (1u << 20)

static void check_text(const char *text, size_t size) {
  ibid_cite *cites;
  size_t count;
  if (ibid_find_cites(text, size, &cites, &count) == 0) {
    size_t bytes = 0;
    for (size_t i = 0; i < count; i++) {
      bytes += cites[i].authors ? strlen(cites[i].authors) : 0;
      bytes += cites[i].locator ? strlen(cites[i].locator) : 0;
      bytes += cites[i].prefix ? strlen(cites[i].prefix) : 0;
    }
    if (count > size + 1 || bytes > 2 * size + 64) __builtin_trap();
    ibid_free_cites(cites, count);
  }
  ibid_block *blocks;
  if (ibid_find_blocks(text, size, &blocks, &count) == 0) {
    if (count > size + 1) __builtin_trap();
    ibid_free(blocks);
  }
  ibid_note *notes;
  size_t note_count;
  if (ibid_find_notes(text, size, &notes, &note_count) == 0) {
    ibid_marker *markers;
    if (note_count > size + 1) __builtin_trap();
    if (ibid_find_markers(text, size, notes, note_count, &markers, &count) == 0) {
      if (count > size + 1) __builtin_trap();
      ibid_free(markers);
    }
    ibid_free(notes);
  }
}

static void check_conversion(int (*convert)(const char *, size_t, ibid_document *),
                             const char *bytes, size_t size) {
  ibid_document document;
  ibid_document_init(&document);
  if (convert(bytes, size, &document) == 0) {
    /* a body holds at most a few bytes per input byte (markers, labels) */
    if (document.body.length > 4 * size + 4096) __builtin_trap();
  }
  ibid_document_free(&document);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  size_t copies = (size_t)1 << (4 + data[0] % 8);
  const char *unit = (const char *)data + 1;
  size_t unit_size = size - 1;
  if (copies > FUZZ_GROWTH_LIMIT / unit_size) copies = FUZZ_GROWTH_LIMIT / unit_size;
  if (copies < 1) copies = 1;
  size_t length = unit_size * copies;
  char *text = ibid_malloc(length + 1);
  if (!text) return 0;
  for (size_t i = 0; i < copies; i++) memcpy(text + i * unit_size, unit, unit_size);
  text[length] = 0;
  size_t bad;
  if (ibid_utf8_valid(text, length, &bad)) check_text(text, length);
  check_conversion(ibid_html_convert, text, length);
  check_conversion(ibid_jats_convert, text, length);
  ibid_free(text);
  return 0;
}
