/* fuzz_document.h -- what every converter's fuzz target checks on the
** document a converter wrote: its body is valid UTF-8 holding the number of
** characters the builder counted, and its JSON serializes. A failed check
** traps, which libFuzzer reports as a crash with the input. */
#ifndef IBID_FUZZ_DOCUMENT_H
#define IBID_FUZZ_DOCUMENT_H
#include <stddef.h>

#include "document.h"
#include "memory.h"
#include "utf8.h"

static inline void fuzz_check_document(ibid_document *document) {
  const char *body = document->body.data ? document->body.data : "";
  size_t bad;
  if (!ibid_utf8_valid(body, document->body.length, &bad)) __builtin_trap();
  if (document->body_characters != ibid_utf8_count(body, document->body.length)) __builtin_trap();
  size_t json_length;
  char *json = ibid_document_json(document, &json_length);
  if (!json) __builtin_trap();
  ibid_free(json);
}

typedef int (*fuzz_converter)(const char *bytes, size_t length, ibid_document *document);

/* Converts bytes and, when the converter succeeds, checks the document. */
static inline void fuzz_check_conversion(fuzz_converter convert, const char *bytes, size_t length) {
  ibid_document document;
  ibid_document_init(&document);
  if (convert(bytes, length, &document) == 0) fuzz_check_document(&document);
  ibid_document_free(&document);
}

#endif
