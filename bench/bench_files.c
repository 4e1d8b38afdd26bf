/*
** bench_files.c -- ibid_files' walk and read: files/s for listing a folder,
** MB/s for reading every file of it. Builds a scratch folder in /tmp of
** copies of the corpus (about 20 MB, in sub-folders of 50 files), then
** removes it. Usage: build/bench_files tests/corpus
*/
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "files.h"
#include "memory.h"

static void make_folder(const char *root, bench_text *files, size_t file_count, size_t copies) {
  char path[4096];
  for (size_t i = 0; i < copies; i++) {
    if (i % 50 == 0) {
      snprintf(path, sizeof(path), "%s/part%04zu", root, i / 50);
      mkdir(path, 0700);
    }
    snprintf(path, sizeof(path), "%s/part%04zu/copy%06zu.txt", root, i / 50, i);
    FILE *f = fopen(path, "wb");
    if (!f) continue;
    fwrite(files[i % file_count].data, 1, files[i % file_count].length, f);
    fclose(f);
  }
}

/* Walks root; reads every file when `read` is set. Returns files seen. */
static size_t walk(const char *root, int read, size_t *bytes) {
  ibid_files_walk *walk_state;
  if (ibid_files_open(root, strlen(root), &walk_state)) return 0;
  ibid_file_entry entry;
  size_t count = 0;
  *bytes = 0;
  while (ibid_files_next(walk_state, &entry) == 1) {
    count++;
    if (!read || !entry.is_file) continue;
    char *data;
    size_t length;
    int64_t size;
    const char *error;
    if (ibid_files_read(entry.path, UINT32_MAX, &data, &length, &size, &error) == IBID_FILE_READ) {
      *bytes += length;
      ibid_free(data);
    }
  }
  ibid_files_close(walk_state);
  return count;
}

int main(int argc, char **argv) {
  const char *corpus = argc > 1 ? argv[1] : "tests/corpus";
  bench_text files[64];
  size_t file_count = bench_read_corpus(corpus, files, 64), corpus_bytes = 0;
  for (size_t i = 0; i < file_count; i++) corpus_bytes += files[i].length;
  if (!corpus_bytes) return 1;
  char root[] = "/tmp/ibid_bench_files_XXXXXX";
  if (!mkdtemp(root)) return 1;
  size_t copies = 20000000 / (corpus_bytes / file_count) + 1;
  make_folder(root, files, file_count, copies);

  size_t bytes = 0;
  double start = bench_now();
  size_t listed = walk(root, 0, &bytes);
  bench_report("ibid_files (list)", 0, bench_now() - start, listed, "files");
  start = bench_now();
  size_t read = walk(root, 1, &bytes);
  bench_report("ibid_files (read)", bytes, bench_now() - start, read, "files");

  char command[128];
  snprintf(command, sizeof(command), "rm -rf '%s'", root);
  if (system(command) != 0) fprintf(stderr, "could not remove %s\n", root);
  for (size_t i = 0; i < file_count; i++) free(files[i].data);
  return 0;
}
