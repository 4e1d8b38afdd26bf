/* test_regions.c -- unit and property tests of ext/findings/regions.c (ICU country names). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "regions.h"
#include "utf8.h"

static void test_names(const ibid_regions *r) {
  static const struct {
    const char *name, *code;
  } names[] = {{"Côte d'Ivoire", "CI"},
               {"Ivory Coast", "CI"},
               {"Elfenbeinküste", "CI"},
               {"Cote d\xE2\x80\x99Ivoire", "CI"},
               {"Costa de Marfil", "CI"},
               {"Kenya", "KE"},
               {"The Gambia", "GM"},
               {"DR Congo", "CD"},
               {"Democratic Republic of the Congo", "CD"},
               {"Deutschland", "DE"},
               {"Sierra Leone", "SL"},
               {"Myanmar", "MM"},
               {"Burma", "MM"}};
  for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
    const char *code = ibid_region_code(r, names[i].name, strlen(names[i].name));
    CHECK_STRING("region_code", code ? code : "(none)", names[i].code);
  }
  CHECK("not_a_region", ibid_region_code(r, "Nordwind", 8) == NULL);
  CHECK("null_table", ibid_region_code(NULL, "Kenya", 5) == NULL);
  const char *code;
  const char *text = "South Africa\xE2\x80\x99s courts";
  CHECK("region_at_possessive",
        ibid_region_at(r, text, strlen(text), 0, &code) == 12 && strcmp(code, "ZA") == 0);
  CHECK("region_at_mid_word", ibid_region_at(r, "Kenyan", 6, 0, &code) == 0);
  /* cities: ICU's time-zone exemplar cities, apart from the countries */
  CHECK("city_at", ibid_city_at(r, "Kampala and", 11, 0) == 7);
  CHECK("city_at_words", ibid_city_at(r, "Dar es Salaam.", 14, 0) == 13);
  CHECK("city_at_hyphens", ibid_city_at(r, "Port-au-Prince", 14, 0) == 14);
  CHECK("city_not_country", ibid_city_at(r, "Singapore", 9, 0) == 0 &&
                                ibid_region_at(r, "Singapore", 9, 0, &code) == 9);
  CHECK("city_not_common_word", ibid_city_at(r, "Phoenix", 7, 0) == 0);
  CHECK("city_not_region", ibid_region_at(r, "Kampala", 7, 0, &code) == 0);
  CHECK("city_mid_word", ibid_city_at(r, "Limas", 5, 0) == 0);
  CHECK("city_null_table", ibid_city_at(NULL, "Lima", 4, 0) == 0);
  /* the first word decides whether a name can begin (the second after "the") */
  text = "The Gambia, then";
  CHECK("region_at_the",
        ibid_region_at(r, text, strlen(text), 0, &code) == 10 && strcmp(code, "GM") == 0);
  text = "Democratic Republic of the Congo.";
  CHECK("region_at_long_name",
        ibid_region_at(r, text, strlen(text), 0, &code) == 32 && strcmp(code, "CD") == 0);
  text = "(C\xC3\xB4te d'Ivoire)";
  CHECK("region_at_after_punctuation",
        ibid_region_at(r, text, strlen(text), 0, &code) == 15 && strcmp(code, "CI") == 0);
  text = "Democratic values";
  CHECK("region_at_first_word_only", ibid_region_at(r, text, strlen(text), 0, &code) == 0);
  text = "The Government";
  CHECK("region_at_the_no_name", ibid_region_at(r, text, strlen(text), 0, &code) == 0);
}

/* Property: any valid UTF-8 folds within its capacity and looks up without
** crashing; a name found at a position ends inside the text. */
static void test_random(const ibid_regions *r) {
  unsigned seed = 12345;
  int ok = 1;
  for (int round = 0; round < 2000; round++) {
    char text[80];
    size_t n = 0, target = (size_t)(rand_r(&seed) % 70);
    while (n < target) {
      static const char *const pieces[] = {"a",        "K",
                                           " ",        "'",
                                           "\xC3\xB4", "\xE2\x80\x99",
                                           "-",        "enya",
                                           "Congo",    "\xF0\x9F\x98\x80",
                                           "the ",     "."};
      const char *piece = pieces[rand_r(&seed) % 12];
      size_t k = strlen(piece);
      if (n + k >= sizeof(text)) break;
      memcpy(text + n, piece, k);
      n += k;
    }
    char folded[16];
    size_t length = ibid_region_fold(text, n, folded, sizeof(folded));
    if (length >= sizeof(folded) || folded[length] != 0) ok = 0;
    (void)ibid_region_code(r, text, n);
    for (size_t at = 0; at < n; at++) {
      if (((unsigned char)text[at] & 0xC0) == 0x80) continue;
      const char *code;
      size_t found = ibid_region_at(r, text, n, at, &code);
      if (at + found > n || (found && !code)) ok = 0;
      if (at + ibid_city_at(r, text, n, at) > n) ok = 0;
    }
  }
  CHECK("region_random_inputs", ok);
}

int main(void) {
  ibid_regions *r = ibid_regions_new();
  CHECK("regions_new", r != NULL);
  if (r) {
    test_names(r);
    test_random(r);
  }
  ibid_regions_free(r);
  return check_finish();
}
