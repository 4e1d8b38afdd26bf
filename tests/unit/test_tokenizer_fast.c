/* test_tokenizer_fast.c -- ext/text/tokenizer_fast.h (the FTS5 tokenizer's ASCII
** runs) gives exactly the words, byte offsets and return codes of
** ibid_tokenize_words: on every file of tests/corpus and tests/formats, on random
** texts of ASCII, white space, accents, marks, joiners, CJK, emoji and bad bytes,
** with and without keep_diacritics, and when the callback stops early. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "tokenizer_fast.h"

typedef struct digest {
  uint64_t hash;
  size_t count;
  size_t stop_after; /* return 9 at this token; 0 = never */
  char text[1024];   /* the first tokens, "word@start-end ...", for short texts */
  size_t used;
} digest;

static uint64_t mix(uint64_t hash, const void *bytes, size_t length) {
  for (size_t i = 0; i < length; i++)
    hash = (hash ^ ((const unsigned char *)bytes)[i]) * 1099511628211ULL;
  return hash;
}

static int record(void *context, const char *word, size_t length, size_t start, size_t end) {
  digest *d = context;
  d->hash = mix(d->hash, word, length);
  d->hash = mix(d->hash, &length, sizeof(length));
  d->hash = mix(d->hash, &start, sizeof(start));
  d->hash = mix(d->hash, &end, sizeof(end));
  d->count++;
  int n = snprintf(d->text + d->used, sizeof(d->text) - d->used, "%s%.*s@%zu-%zu",
                   d->used ? " " : "", (int)length, word, start, end);
  if (n > 0 && (size_t)n < sizeof(d->text) - d->used) d->used += (size_t)n;
  return d->stop_after && d->count == d->stop_after ? 9 : 0;
}

/* 1 when both paths agree on text (and on every early stop in `stops`). */
static int same(ibid_fast_tokenizer *fast, const char *text, size_t length, size_t stop_after) {
  digest a, b;
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  a.hash = b.hash = 1469598103934665603ULL;
  a.stop_after = b.stop_after = stop_after;
  int ra = ibid_tokenize_words_fast(fast, text, length, record, &a);
  int rb = ibid_tokenize_words(fast->words, text, length, record, &b);
  if (ra == rb && a.hash == b.hash && a.count == b.count) return 1;
  fprintf(stderr, "differs on %zu bytes (rc %d/%d, %zu/%zu tokens):", length, ra, rb, a.count,
          b.count);
  for (size_t i = 0; i < length && i < 200; i++) fprintf(stderr, " %02x", (unsigned char)text[i]);
  fprintf(stderr, "\n  fast:  %s\n  words: %s\n", a.text, b.text);
  return 0;
}

static const char *tokens(ibid_fast_tokenizer *fast, const char *text) {
  static digest d;
  memset(&d, 0, sizeof(d));
  if (ibid_tokenize_words_fast(fast, text, strlen(text), record, &d)) return "(error)";
  return d.text;
}

/* ----- every file under a folder ------------------------------------------ */

static int same_on_files(ibid_fast_tokenizer *fast, const char *folder, size_t *files) {
  DIR *dir = opendir(folder);
  if (!dir) return 0;
  int ok = 1;
  struct dirent *entry;
  while (ok && (entry = readdir(dir))) {
    if (entry->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", folder, entry->d_name);
    struct stat info;
    if (stat(path, &info)) continue;
    if (S_ISDIR(info.st_mode)) {
      ok = same_on_files(fast, path, files);
      continue;
    }
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    char *bytes = malloc((size_t)info.st_size + 1);
    size_t n = bytes ? fread(bytes, 1, (size_t)info.st_size, f) : 0;
    fclose(f);
    if (bytes) {
      ok = same(fast, bytes, n, 0) && same(fast, bytes, n, 100);
      if (!ok) fprintf(stderr, "  in %s\n", path);
      (*files)++;
    }
    free(bytes);
  }
  closedir(dir);
  return ok;
}

/* ----- random texts --------------------------------------------------------- */

static size_t random_text(uint64_t *state, char *out, size_t pieces) {
  static const char *const others[] = {
      "\xC3\xA9",         "\xC3\x89",     "\xCC\x81",     "\xE2\x80\x8D",
      "\xC2\xA0",         "\xE2\x80\x83", "\xE3\x80\x80", "\xE2\x80\x99",
      "\xE2\x80\x98",     "\xCA\xBC",     "\xEF\xBC\x87", "\xE2\x80\x9C",
      "\xE2\x80\x94",     "\xE4\xB8\xAD", "\xE3\x82\xAB", "\xF0\x9F\x98\x80",
      "\xF0\x9F\x87\xAB", "\xC2\xAD",     "\xEF\xB8\x8F", "\xD7\x90",
      "\xD7\xB3",         "\xFF",         "\x80",         "\xE2\x80",
      "\xC2\x85",         "\xE2\x80\xA8", "\xEF\xBC\x8E", "\xD9\xA3",
      "\xE2\x80\xA4",     "\xEF\xAC\x81", "\xC3\x9F",     "\xCE\x86",
      "\xE0\xB8\x81",     "\xE2\x80\x8B", "\xE2\x81\xA0"};
  static const char common[] = "aZQ@09._',;: \t\n\r\v\f-";
  static const check_text_mix mix = {
      common, 40, 20, 10, 18, others, sizeof(others) / sizeof(others[0])};
  return check_random_text(state, &mix, out, pieces);
}

static void check_random(ibid_fast_tokenizer *fast, const char *name) {
  static char text[4 * 2000 + 16];
  uint64_t state = 0x2545F4914F6CDD1DULL;
  int ok = 1;
  int rounds = 0;
  for (; rounds < 40000 && ok; rounds++) {
    size_t pieces = rounds % 500 == 499 ? 2000 : 1 + check_next_random(&state) % 40;
    size_t length = random_text(&state, text, pieces);
    ok = same(fast, text, length, 0) && same(fast, text, length, 1 + rounds % 5);
  }
  CHECK(name, ok && rounds == 40000);
}

int main(void) {
  ibid_fast_tokenizer fast = {ibid_word_tokenizer_new(0), 0, 0};
  ibid_fast_tokenizer keeping = {ibid_word_tokenizer_new(1), 0, 0};
  CHECK("fast_new", fast.words && keeping.words);
  if (!fast.words || !keeping.words) return check_finish();

  CHECK_STRING("fast_ascii", tokens(&fast, "The ICC, 2002. don't 1'2 a.b 1,2;3 a,b"),
               "the@0-3 icc@4-7 2002@9-13 don@15-18 t@19-20 1@21-22 2@23-24 a.b@25-28 "
               "1,2;3@29-34 a@35-36 b@37-38");
  CHECK_STRING("fast_underscore", tokens(&fast, "_ __ a_b _x x_ @Kx 1.a a.1 _.a"),
               "__@2-4 a_b@5-8 _x@9-11 x_@12-14 @kx@15-18 1@19-20 a@21-22 a@23-24 1@25-26 "
               "a@29-30");
  const char *cote = "Gbagbo, C\xC3\xB4te d\xE2\x80\x99Ivoire AND Court";
  CHECK_STRING("fast_mixed_chunk", tokens(&fast, cote),
               "gbagbo@0-6 cote@8-13 d@14-15 ivoire@18-24 and@25-28 court@29-34");
  /* a combining mark after spaces joins the spaces in ICU: the chunk starts before them */
  CHECK("fast_mark_after_space_same", same(&fast, "ab  \xCC\x81x  cd", 12, 0));

  size_t files = 0;
  CHECK("fast_same_on_corpus", same_on_files(&fast, "tests/corpus", &files) && files >= 5);
  size_t before = files;
  CHECK("fast_same_on_formats", same_on_files(&fast, "tests/formats", &files) && files > before);
  CHECK("fast_same_on_formats_keeping", same_on_files(&keeping, "tests/formats", &files));
  /* the public evaluation data, when it is there (../shared/eval) */
  size_t shared = 0;
  DIR *eval = opendir("../shared/eval");
  if (eval) {
    closedir(eval);
    CHECK("fast_same_on_shared_eval", same_on_files(&fast, "../shared/eval", &shared));
  }
  check_random(&fast, "fast_same_on_random_texts");
  check_random(&keeping, "fast_same_on_random_texts_keeping");

  digest d;
  memset(&d, 0, sizeof(d));
  d.stop_after = 2;
  CHECK("fast_callback_stops",
        ibid_tokenize_words_fast(&fast, "a b c d", 7, record, &d) == 9 && d.count == 2);

  ibid_word_tokenizer_free(fast.words);
  ibid_word_tokenizer_free(keeping.words);
  ibid_fast_tokenizer_free_buffers(&fast);
  ibid_fast_tokenizer_free_buffers(&keeping);
  return check_finish();
}
