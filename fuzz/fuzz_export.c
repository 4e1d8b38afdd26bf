/* fuzz_export.c -- libFuzzer target for the JSON reader, the clean CSL-JSON
** writer and the BibTeX and RIS writers (ext/core/json.c, ext/corpus/csl_export.c,
** ext/corpus/bibtex.c, ext/corpus/ris.c): any valid UTF-8 as CSL-JSON, into every writer
** and a group of keys, without crash, leak or hang; every entry written must
** be valid UTF-8 with balanced braces (BibTeX) and end in a newline; the
** clean CSL-JSON must be a JSON object that cleans to itself. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bibtex.h"
#include "csl_export.h"
#include "memory.h"
#include "ris.h"
#include "utf8.h"

/* BibTeX braces of an entry must balance, ignoring escaped ones (\{ \}). */
static int braces_balance(const char *text, size_t length) {
  long depth = 0;
  for (size_t i = 0; i < length; i++) {
    if (text[i] == '\\' && i + 1 < length) {
      i++;
      continue;
    }
    if (text[i] == '{') depth++;
    if (text[i] == '}' && --depth < 0) return 0;
  }
  return depth == 0;
}

/* ibid_csl_export: its output is an object and cleaning it again changes nothing. */
static void check_csl_export(const char *text, size_t size) {
  ibid_buffer out, again;
  ibid_buffer_init(&out);
  ibid_buffer_init(&again);
  size_t bad;
  if (ibid_csl_export(text, size, &out, NULL) == IBID_JSON_OK) {
    if (!ibid_utf8_valid(out.data, out.length, &bad)) __builtin_trap();
    if (ibid_csl_export(out.data, out.length, &again, NULL) != IBID_JSON_OK) __builtin_trap();
    if (again.length != out.length || memcmp(again.data, out.data, out.length)) __builtin_trap();
  }
  ibid_buffer_free(&out);
  ibid_buffer_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static ibid_csl_folder *folder; /* opened once: ICU setup costs milliseconds */
  size_t bad;
  const char *text = (const char *)data;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  check_csl_export(text, size);
  if (!folder) folder = ibid_csl_folder_open();
  if (!folder) return 0;

  ibid_bibtex_keys *keys = ibid_bibtex_keys_new();
  ibid_buffer out;
  for (int round = 0; round < 4; round++) { /* BibTeX twice (a suffix), then biblatex */
    ibid_buffer_init(&out);
    ibid_json_error error;
    ibid_json_status status = ibid_bibtex_entry(text, size, folder, keys, round >= 2, &out, &error);
    if (status == IBID_JSON_OK) {
      if (!ibid_utf8_valid(out.data, out.length, &bad)) __builtin_trap();
      if (!braces_balance(out.data, out.length)) __builtin_trap();
      if (out.length == 0 || out.data[out.length - 1] != '\n') __builtin_trap();
    } else if (status == IBID_JSON_SYNTAX_ERROR && (!error.message || error.offset > size)) {
      __builtin_trap();
    }
    ibid_buffer_free(&out);
  }
  ibid_bibtex_keys_free(keys);

  ibid_buffer_init(&out);
  if (ibid_ris_entry(text, size, &out, NULL) == IBID_JSON_OK) {
    if (!ibid_utf8_valid(out.data, out.length, &bad)) __builtin_trap();
    /* every line is a tag line "XX  - ..." */
    size_t line = 0;
    while (line < out.length) {
      const char *end = memchr(out.data + line, '\n', out.length - line);
      if (!end) __builtin_trap();
      size_t line_length = (size_t)(end - (out.data + line));
      if (line_length < 6 || memcmp(out.data + line + 2, "  - ", 4)) __builtin_trap();
      line += line_length + 1;
    }
  }
  ibid_buffer_free(&out);
  return 0;
}
