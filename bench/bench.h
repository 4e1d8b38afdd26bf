/*
** bench.h -- shared by bench/bench_*.c: read the seed corpus, scale it up,
** time a function over it and print one line:
**   FUNCTION  INPUT-MB  SECONDS  MB/s  [ITEMS/s]
** Usage of every bench binary: build/bench_X tests/corpus
*/
#ifndef IBID_BENCH_H
#define IBID_BENCH_H
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct bench_text {
  char *data;
  size_t length;
} bench_text;

/* The whole file at path, NUL-terminated (malloc'd; *length set to its
** size without the NUL), or NULL when it cannot be opened or allocated. */
static inline char *bench_read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  *length = 0;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  size_t capacity = size > 0 ? (size_t)size : 0;
  char *data = malloc(capacity + 1);
  if (data) {
    *length = fread(data, 1, capacity, f);
    data[*length] = 0;
  }
  fclose(f);
  return data;
}

/* Reads every *.txt under folder; returns how many (at most max_files). */
static size_t bench_read_corpus(const char *folder, bench_text *files, size_t max_files) {
  DIR *dir = opendir(folder);
  size_t count = 0;
  if (!dir) {
    perror(folder);
    exit(2);
  }
  struct dirent *entry;
  while ((entry = readdir(dir)) && count < max_files) {
    size_t name_length = strlen(entry->d_name);
    if (name_length < 4 || strcmp(entry->d_name + name_length - 4, ".txt")) continue;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", folder, entry->d_name);
    files[count].data = bench_read_file(path, &files[count].length);
    if (files[count].data) count++;
  }
  closedir(dir);
  return count;
}

/* The corpus under folder concatenated and repeated to at least target bytes
** (malloc'd; *length set), or NULL when the folder holds no text. */
static inline char *bench_scaled_corpus(const char *folder, size_t target, size_t *length) {
  bench_text files[64];
  size_t file_count = bench_read_corpus(folder, files, 64), corpus_bytes = 0;
  for (size_t i = 0; i < file_count; i++) corpus_bytes += files[i].length;
  *length = 0;
  if (!corpus_bytes) return NULL;
  size_t repeats = target / corpus_bytes + 1;
  char *text = malloc(repeats * corpus_bytes + 1);
  for (size_t r = 0; r < repeats; r++)
    for (size_t i = 0; i < file_count; i++) {
      memcpy(text + *length, files[i].data, files[i].length);
      *length += files[i].length;
    }
  text[*length] = 0;
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  return text;
}

static double bench_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Prints the standard line; items may be 0 when there is nothing to count. */
static void bench_report(const char *function, size_t bytes, double seconds, size_t items,
                         const char *item_name) {
  double megabytes = (double)bytes / 1e6;
  printf("%-22s %9.2f MB %8.3f s %9.1f MB/s", function, megabytes, seconds,
         seconds > 0 ? megabytes / seconds : 0.0);
  if (items) printf(" %12.0f %s/s", seconds > 0 ? (double)items / seconds : 0.0, item_name);
  printf("\n");
}

#endif
