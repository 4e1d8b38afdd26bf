/* test_csl.c -- the CSL-JSON reader and work keys (ext/references/csl.c). */
#include <string.h>

#include "check.h"
#include "csl.h"
#include "memory.h"

static ibid_csl_folder *folder;

/* The key of json, "(null)" when there is none, "(bad)" for a parse error. */
static const char *key_of(const char *json) {
  static char result[512];
  char *key = NULL;
  ibid_csl_status status = ibid_csl_work_key(folder, json, strlen(json), &key, NULL);
  if (status == IBID_CSL_BAD_JSON) return "(bad)";
  snprintf(result, sizeof(result), "%s", key ? key : "(null)");
  ibid_free(key);
  return result;
}

static void test_read(void) {
  ibid_csl_item item;
  const char *json =
      "{\"title\":\"A \\\"quoted\\\" \\u00e9t\\u00e9 \\ud83d\\ude00\",\"author\":[{\"family\":"
      "\"Mills\",\"given\":\"Kurt\"}],\"issued\":{\"date-parts\":[[\"2018\",1]]},\"DOI\":\"10.1/"
      "x\"}";
  CHECK("csl read ok", ibid_csl_read(json, strlen(json), &item) == IBID_CSL_OK);
  CHECK_STRING("csl read family", item.family, "Mills");
  CHECK_STRING("csl read title escapes", item.title,
               "A \"quoted\" \xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80");
  CHECK_STRING("csl read doi", item.doi, "10.1/x");
  CHECK("csl read year from string part", item.year == 2018);
  ibid_csl_item_free(&item);

  const char *raw = "{\"issued\":{\"raw\":\"Spring 1999\"},\"editor\":[{\"literal\":\"UNHCR\"}]}";
  CHECK("csl read raw", ibid_csl_read(raw, strlen(raw), &item) == IBID_CSL_OK);
  CHECK("csl read raw year", item.year == 1999);
  CHECK_STRING("csl read editor literal", item.literal, "UNHCR");
  ibid_csl_item_free(&item);

  const char *lone = "{\"title\":\"\\ud800x\"}";
  CHECK("csl read lone surrogate", ibid_csl_read(lone, strlen(lone), &item) == IBID_CSL_OK);
  CHECK_STRING("csl lone surrogate replaced", item.title, "\xef\xbf\xbdx");
  ibid_csl_item_free(&item);
}

static void test_bad_json(void) {
  static const char *const bad[] = {
      "",    "{",     "{\"a\":}",  "[1,]",       "{\"a\" 1}", "\"\\x\"",    "01", "1.",
      "tru", "{} {}", "\"\\u12\"", "[\"a\nb\"]", "-",         "{\"a\":1,}", NULL};
  for (size_t i = 0; bad[i]; i++) CHECK("csl bad json rejected", !strcmp(key_of(bad[i]), "(bad)"));
  char deep[400];
  memset(deep, '[', 200);
  memset(deep + 200, ']', 200);
  ibid_csl_item item;
  CHECK("csl deep nesting rejected", ibid_csl_read(deep, 400, &item) == IBID_CSL_BAD_JSON);
  ibid_csl_item_free(&item);
}

/* Boundaries the reader has always had; inputs hold NUL bytes, so lengths are given. */
static void test_edges(void) {
  ibid_csl_item item;
  /* The root is depth 0: 65 nested arrays are the deepest accepted. */
  char deep[200];
  memset(deep, '[', 65);
  memset(deep + 65, ']', 65);
  CHECK("csl 65 levels accepted", ibid_csl_read(deep, 130, &item) == IBID_CSL_OK);
  ibid_csl_item_free(&item);
  memset(deep, '[', 66);
  memset(deep + 66, ']', 66);
  CHECK("csl 66 levels rejected", ibid_csl_read(deep, 132, &item) == IBID_CSL_BAD_JSON);
  ibid_csl_item_free(&item);

  const char nul_escape[] = "{\"title\":\"a\\u0000b\",\"author\":[{\"family\":\"\\u0000X\"}]}";
  CHECK("csl \\u0000 read", ibid_csl_read(nul_escape, strlen(nul_escape), &item) == IBID_CSL_OK);
  CHECK_STRING("csl \\u0000 becomes a space in title", item.title, "a b");
  CHECK_STRING("csl \\u0000 becomes a space in family", item.family, " X");
  ibid_csl_item_free(&item);
  const char raw_nul[] = "{\"title\":\"a\0b\"}";
  CHECK("csl raw NUL in a string rejected",
        ibid_csl_read(raw_nul, sizeof(raw_nul) - 1, &item) == IBID_CSL_BAD_JSON);
  ibid_csl_item_free(&item);
  const char nul_after[] = "{\"title\":\"ab\"}\0";
  CHECK("csl NUL after the value rejected",
        ibid_csl_read(nul_after, sizeof(nul_after) - 1, &item) == IBID_CSL_BAD_JSON);
  ibid_csl_item_free(&item);

  const char *members = "[1,\"x\",{\"titl\\u0065\":\"First\",\"title\":\"Second\",\"DOI\":5}]";
  CHECK("csl first object of an array",
        ibid_csl_read(members, strlen(members), &item) == IBID_CSL_OK);
  CHECK_STRING("csl escaped key, first of repeated keys", item.title, "First");
  CHECK("csl number DOI ignored", item.doi == NULL);
  ibid_csl_item_free(&item);

  /* Years are read from the decoded string: the hex digits of an escape
  ** such as \u2019 are not a year. */
  const char *escaped_year = "{\"issued\":{\"raw\":\"\\u2019 2018\"}}";
  CHECK("csl escaped year read",
        ibid_csl_read(escaped_year, strlen(escaped_year), &item) == IBID_CSL_OK);
  CHECK("csl year from the decoded string", item.year == 2018);
  ibid_csl_item_free(&item);
  CHECK_STRING("key year when no title, number date part",
               key_of("{\"editor\":[{\"family\":\"Ed\"}],\"issued\":{\"date-parts\":[[1999.5]]}}"),
               "ed:1999:");
}

static void test_keys(void) {
  CHECK_STRING(
      "key title and author",
      key_of("{\"author\":[{\"family\":\"Mills\"}],\"title\":\"African Resistance to the "
             "International Criminal Court: halting\",\"issued\":{\"date-parts\":[[2018]]}}"),
      "mills::african-resistance-international-criminal-court");
  CHECK_STRING(
      "key diacritics folded",
      key_of("{\"author\":[{\"family\":\"Ç\xc3\xb6rd\xc3\xb6va\"}],\"title\":\"\xc3\x89tude\"}"),
      "cordova::etude");
  CHECK_STRING("key year only without title",
               key_of("{\"author\":[{\"family\":\"Bosco\"}],\"issued\":2014}"), "bosco:2014:");
  CHECK_STRING("key literal first significant word",
               key_of("{\"author\":[{\"literal\":\"The United Nations\"}],\"title\":\"Report\"}"),
               "united::report");
  CHECK_STRING("key apostrophes", key_of("{\"title\":\"The Court\xe2\x80\x99s Role\"}"),
               "::courts-role");
  CHECK_STRING("key none", key_of("{\"DOI\":\"10.1/x\"}"), "(null)");
  CHECK_STRING("key empty strings", key_of("{\"author\":[{\"family\":\"\"}],\"title\":\"\"}"),
               "(null)");
  CHECK_STRING("key empty literal", key_of("[{\"editor\":[{\"literal\":\"\"}]}]"), "(null)");
  CHECK_STRING("key not an object", key_of("[1,2]"), "(null)");
  CHECK_STRING("key array of items", key_of("[{\"title\":\"Rough Justice\"}]"), "::rough-justice");
}

/* ibid_csl_fold (characters folded from a learned table) equals
** ibid_csl_fold_icu (all through the transliterator) on text[0..length). */
static int fold_agrees(ibid_csl_folder *f, const char *text, size_t length) {
  size_t fast_length = 0, icu_length = 0;
  char *fast = ibid_csl_fold(f, text, length, &fast_length);
  char *icu = ibid_csl_fold_icu(f, text, length, &icu_length);
  int same = fast && icu && fast_length == icu_length && !memcmp(fast, icu, fast_length);
  if (!same)
    fprintf(stderr, "fold differs on '%.*s': '%s' vs '%s'\n", (int)length, text,
            fast ? fast : "(null)", icu ? icu : "(null)");
  ibid_free(fast);
  ibid_free(icu);
  return same;
}

/* The learned fold gives the transliterator's result: every character of the
** table in context, then random strings mixing ASCII, table characters, and
** characters that must take the transliterator (combining marks, Greek, CJK,
** bad bytes), each with a folder that learns in a different order. */
static void test_fold_fast_path(void) {
  ibid_csl_folder *fresh = ibid_csl_folder_open();
  CHECK("csl second folder opens", fresh != NULL);
  if (!fresh) return;
  static const unsigned ranges[][2] = {{0x80, 0x300}, {0x2000, 0x2070}};
  int all = 1;
  char text[256];
  for (size_t r = 0; r < 2; r++)
    for (unsigned c = ranges[r][0]; c < ranges[r][1]; c++) {
      size_t n = 0;
      n = check_put_utf8(text, n, 'T');
      n = check_put_utf8(text, n, c);
      n = check_put_utf8(text, n, 'e');
      n = check_put_utf8(text, n, ' ');
      n = check_put_utf8(text, n, c);
      n = check_put_utf8(text, n, c);
      n = check_put_utf8(text, n, '.');
      if (!fold_agrees(fresh, text, n) || !fold_agrees(fresh, text + 1, n - 1)) all = 0;
    }
  CHECK("csl fold of each table character in context", all);
  ibid_csl_folder_close(fresh);

  fresh = ibid_csl_folder_open();
  if (!fresh) return;
  static const unsigned others[] = {0x301, 0x3B1, 0x3A3, 0x4E2D, 0x2122, 0xFB01, 0x130, 0x2018};
  const char *ascii = "aZ 0.,'-\"(:;_Ss";
  unsigned seed = 12345;
  all = 1;
  for (int round = 0; round < 3000 && all; round++) {
    size_t n = 0, count = 1 + round % 12;
    for (size_t k = 0; k < count; k++) {
      seed = seed * 1103515245u + 12345u;
      unsigned pick = (seed >> 8) % 100, value = seed >> 16;
      if (pick < 40) {
        n = check_put_utf8(text, n, (unsigned char)ascii[value % strlen(ascii)]);
      } else if (pick < 70) {
        n = check_put_utf8(text, n, 0x80 + value % (0x300 - 0x80));
      } else if (pick < 90) {
        n = check_put_utf8(text, n, 0x2000 + value % 0x70);
      } else if (pick < 97) {
        n = check_put_utf8(text, n, others[value % (sizeof(others) / sizeof(others[0]))]);
      } else {
        text[n++] = (char)0xE2; /* a sequence cut short */
      }
    }
    if (!fold_agrees(fresh, text, n)) all = 0;
  }
  CHECK("csl fold of random mixed strings", all);
  ibid_csl_folder_close(fresh);
}

static int same_text(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* ibid_csl_read's one-pass reader gives the item the JSON tree gives: on
** objects as the reference parser writes them, on duplicate and nested
** members, numbers of every shape, and on texts that are not JSON. */
static void test_one_pass_reader(void) {
  static const char *const texts[] = {
      "{\"type\":\"book\",\"title\":\"A "
      "Title\",\"author\":[{\"family\":\"Mills\",\"given\":\"K\"}],"
      "\"issued\":{\"date-parts\":[[2018,1,2]]},\"DOI\":\"10.1/x\"}",
      "{\"title\":\"First\",\"title\":\"Second\",\"author\":[{\"literal\":\"UN\"}]}",
      "{\"editor\":[{\"family\":\"de Waal\"}],\"issued\":{\"raw\":\"c. 1998\"}}",
      "{\"issued\":{\"literal\":\"1887\"},\"title\":null,\"DOI\":7}",
      "{\"issued\":\"2001\",\"x\":[1,-2.5e3,{\"a\":[[],{}]},true,false,null]}",
      "{\"issued\":2003}",
      "[{\"title\":\"In an array\"},{\"title\":\"second\"}]",
      "{\"author\":[],\"editor\":[{\"literal\":\"Editors\"}]}",
      "{\"title\":\"x\",}",
      "{\"title\":\"x\"} trailing",
      "{\"title\":01}",
      "{\"title\":\"tab\tinside\"}",
      "  {  \"title\" : \"spaced\" , \"issued\" : { \"date-parts\" : [ [ \"1999\" ] ] } }  ",
      "{}",
      "",
      "{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}",
  };
  int all = 1;
  for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
    ibid_csl_item item, tree;
    size_t n = strlen(texts[i]);
    ibid_csl_status read = ibid_csl_read(texts[i], n, &item);
    ibid_csl_status read_tree = ibid_csl_read_tree(texts[i], n, &tree);
    if (read != read_tree || !same_text(item.family, tree.family) ||
        !same_text(item.literal, tree.literal) || !same_text(item.title, tree.title) ||
        !same_text(item.doi, tree.doi) || item.year != tree.year) {
      fprintf(stderr, "  one-pass and tree readers differ on: %s\n", texts[i]);
      all = 0;
    }
    ibid_csl_item_free(&item);
    ibid_csl_item_free(&tree);
  }
  CHECK("csl one-pass reader agrees with the tree reader", all);
}

int main(void) {
  folder = ibid_csl_folder_open();
  CHECK("csl folder opens", folder != NULL);
  if (!folder) return check_finish();
  test_read();
  test_bad_json();
  test_edges();
  test_keys();
  test_fold_fast_path();
  test_one_pass_reader();
  ibid_csl_folder_close(folder);
  return check_finish();
}
