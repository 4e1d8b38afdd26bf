/* Unit tests of ext/format/files.c: folder walks in path order, error entries, reading files. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "files.h"
#include "memory.h"

static char root[64];

static void write_file(const char *relative, const char *text) {
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", root, relative);
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void make_folder(const char *relative) {
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", root, relative);
  mkdir(path, 0700);
}

static void make_link(const char *target, const char *relative) {
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", root, relative);
  if (symlink(target, path) != 0) perror("symlink");
}

/* Walks `folder` and writes "relative-path:size:error;" for every entry into out. */
static const char *walk_summary(const char *folder, char *out, size_t capacity) {
  ibid_files_walk *walk;
  const char *why = ibid_files_open(folder, strlen(folder), &walk);
  if (why) return why;
  ibid_file_entry entry;
  size_t used = 0;
  out[0] = 0;
  size_t skip = strlen(folder);
  while (ibid_files_next(walk, &entry) == 1) {
    const char *relative = entry.path_length > skip ? entry.path + skip + 1 : entry.path;
    used += (size_t)snprintf(out + used, capacity - used, "%s:%lld:%s;", relative,
                             (long long)entry.size, entry.error ? entry.error : "");
    if (used >= capacity) break;
  }
  ibid_files_close(walk);
  return NULL;
}

static void test_order_and_errors(void) {
  write_file("a-b", "1");
  make_folder("a");
  write_file("a/x", "22");
  write_file("a0", "333");
  write_file("B", "");
  make_link("nowhere", "dangling");
  make_link("a", "link");
  make_link("..", "a/up");
  char fifo[256];
  snprintf(fifo, sizeof(fifo), "%s/fifo", root);
  mkfifo(fifo, 0600);
  char out[2048];
  CHECK("files open", walk_summary(root, out, sizeof(out)) == NULL);
  CHECK_STRING("files order and errors", out,
               "B:0:;a-b:1:;a/up:-1:symbolic link loop;a/x:2:;a0:3:;"
               "dangling:-1:dangling symbolic link;fifo:-1:not a regular file (a FIFO);"
               "link/up:-1:symbolic link loop;link/x:2:;");
  /* Trailing slashes do not change the paths. */
  char slashed[128];
  snprintf(slashed, sizeof(slashed), "%s//", root);
  ibid_files_walk *walk;
  CHECK("files trailing slash", ibid_files_open(slashed, strlen(slashed), &walk) == NULL);
  ibid_file_entry entry;
  CHECK("files trailing slash first", ibid_files_next(walk, &entry) == 1 &&
                                          strncmp(entry.path, root, strlen(root)) == 0 &&
                                          strcmp(entry.path + strlen(root), "/B") == 0);
  ibid_files_close(walk);
}

static void test_open_errors(void) {
  ibid_files_walk *walk = (ibid_files_walk *)1;
  CHECK_STRING("files empty", ibid_files_open("", 0, &walk), "no such file or folder");
  CHECK("files empty walk", walk == NULL);
  CHECK_STRING("files NUL", ibid_files_open("a\0b", 3, &walk), "a path cannot contain a NUL byte");
  CHECK_STRING("files missing", ibid_files_open("/no/such/folder", 15, &walk),
               "no such file or folder");
  /* A file as folder: that one file. */
  char path[256];
  snprintf(path, sizeof(path), "%s/a0", root);
  CHECK("files single open", ibid_files_open(path, strlen(path), &walk) == NULL);
  ibid_file_entry entry;
  CHECK("files single entry", ibid_files_next(walk, &entry) == 1 && entry.is_file &&
                                  entry.size == 3 && strcmp(entry.path, path) == 0);
  CHECK("files single end", ibid_files_next(walk, &entry) == 0);
  ibid_files_close(walk);
}

static void test_read(void) {
  char path[256];
  snprintf(path, sizeof(path), "%s/a0", root);
  char *bytes;
  size_t length;
  int64_t size;
  const char *error;
  CHECK("files read",
        ibid_files_read(path, 100, &bytes, &length, &size, &error) == IBID_FILE_READ &&
            length == 3 && memcmp(bytes, "333", 3) == 0);
  ibid_free(bytes);
  CHECK("files read limit",
        ibid_files_read(path, 2, &bytes, &length, &size, &error) == IBID_FILE_TOO_LARGE &&
            size == 3 && bytes == NULL);
  snprintf(path, sizeof(path), "%s/B", root);
  CHECK("files read empty",
        ibid_files_read(path, 100, &bytes, &length, &size, &error) == IBID_FILE_READ &&
            bytes != NULL && length == 0);
  ibid_free(bytes);
  snprintf(path, sizeof(path), "%s/fifo", root);
  CHECK("files read fifo",
        ibid_files_read(path, 100, &bytes, &length, &size, &error) == IBID_FILE_UNREADABLE &&
            strcmp(error, "not a regular file (a FIFO)") == 0);
  CHECK_STRING("files check fifo", ibid_files_check(path), "not a regular file (a FIFO)");
  snprintf(path, sizeof(path), "%s/a", root);
  CHECK_STRING("files check folder", ibid_files_check(path), "not a regular file (a folder)");
  CHECK("files check file",
        ibid_files_check("/etc/hostname") == NULL || access("/etc/hostname", R_OK) != 0);
  /* /proc files say size 0 but have content: read to the end anyway. */
  if (access("/proc/self/status", R_OK) == 0) {
    CHECK("files read proc", ibid_files_read("/proc/self/status", 1 << 20, &bytes, &length, &size,
                                             &error) == IBID_FILE_READ &&
                                 length > 10 && memcmp(bytes, "Name:", 5) == 0);
    ibid_free(bytes);
  }
}

static void test_time(void) {
  char text[21];
  ibid_files_format_time(0, text);
  CHECK_STRING("files time epoch", text, "1970-01-01T00:00:00Z");
  ibid_files_format_time(1700000000, text);
  CHECK_STRING("files time 2023", text, "2023-11-14T22:13:20Z");
  ibid_files_format_time(INT64_MAX, text);
  CHECK_STRING("files time clamp", text, "9999-12-31T23:59:59Z");
}

static void remove_tree(void) {
  char command[128];
  snprintf(command, sizeof(command), "rm -rf '%s'", root);
  if (system(command) != 0) printf("could not remove %s\n", root);
}

int main(void) {
  snprintf(root, sizeof(root), "/tmp/ibid_test_files_XXXXXX");
  if (!mkdtemp(root)) {
    printf("not ok files: mkdtemp failed\n");
    return 1;
  }
  test_order_and_errors();
  test_open_errors();
  test_read();
  test_time();
  remove_tree();
  return check_finish();
}
