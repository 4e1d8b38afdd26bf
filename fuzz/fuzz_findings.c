/* fuzz_findings.c -- libFuzzer target for ext/findings/findings.c: any valid UTF-8
** input must analyse without crashing, hanging or leaking, and every span
** must lie inside the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "findings.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The region names, built once for the whole run (as the SQL layer does per
** connection). */
static ibid_regions *regions;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  size_t bad;
  if (!ibid_utf8_valid(text, size, &bad)) return 0;
  if (!regions) regions = ibid_regions_new();
  ibid_findings result;
  if (ibid_find_findings_in(text, size, regions, &result) == 0) {
    for (size_t i = 0; i < result.case_count; i++)
      if (result.cases[i].start + result.cases[i].length > size) abort();
    for (size_t i = 0; i < result.question_count; i++)
      if (result.questions[i].start + result.questions[i].length > size) abort();
    for (size_t i = 0; i < result.finding_count; i++)
      if (result.findings[i].start + result.findings[i].length > size) abort();
    for (size_t i = 0; i < result.evidence_count; i++)
      if (result.evidence[i].start + result.evidence[i].length > size ||
          result.evidence[i].finding >= result.finding_count)
        abort();
  }
  ibid_findings_free(&result);
  (void)ibid_text_polarity(text, size);
  char *name = ibid_case_short_name(text, size < 200 ? size : 200);
  free(name);
  return 0;
}
