/* fuzz_xml.c -- libFuzzer target for ibid_jats_convert (ext/format/jats.c) and
** ibid_tei_convert (ext/format/tei.c): any bytes, as they are and wrapped in a JATS
** <article> and a TEI <TEI> root (so the fuzzer reaches the tree walkers
** without having to find a root element), give a document whose body is
** valid UTF-8 with the character count it claims, and whose JSON
** serializes -- without crash, leak or hang (checks: fuzz_document.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "fuzz_document.h"

static void check_wrapped(fuzz_converter function, const char *open, const char *close,
                          const uint8_t *data, size_t size) {
  size_t open_length = strlen(open), close_length = strlen(close);
  char *wrapped = malloc(open_length + size + close_length);
  if (!wrapped) return;
  memcpy(wrapped, open, open_length);
  if (size) memcpy(wrapped + open_length, data, size);
  memcpy(wrapped + open_length + size, close, close_length);
  fuzz_check_conversion(function, wrapped, open_length + size + close_length);
  free(wrapped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_check_conversion(ibid_jats_convert, (const char *)data, size);
  fuzz_check_conversion(ibid_tei_convert, (const char *)data, size);
  check_wrapped(ibid_jats_convert, "<article><body><p>", "</p></body></article>", data, size);
  check_wrapped(ibid_tei_convert, "<TEI><text><body><p>", "</p></body></text></TEI>", data, size);
  return 0;
}
