/*
** files.h -- walking a folder for ibid_files(folder): every regular file
** below it, recursively, in path order, one entry at a time.
**
**   ibid_files_walk *walk;
**   const char *why = ibid_files_open("papers/", 7, &walk);   // NULL: ok
**   ibid_file_entry entry;
**   while (ibid_files_next(walk, &entry) == 1) { ... entry.path ... }
**   ibid_files_close(walk);
**
** Paths are the folder as given (trailing slashes dropped) joined with the
** file's path below it by '/': "papers/" gives "papers/a/b.pdf". The order is
** byte order of those paths (a folder's files come right after its name, so
** "a-b" < "a/x" < "a0"), the order of SQL's ORDER BY path. Entries that
** cannot be listed or read (permission denied, dangling symbolic link, FIFO)
** are entries too, with `error` set: a caller never loses a file silently.
**
** Symbolic links are followed, to files and to folders: a folder of papers
** often links in a folder kept elsewhere (a reference manager's storage).
** A link back to a folder being walked (a loop) is an error entry, so the
** walk always ends. Plain C and POSIX; no SQLite types; no global state.
*/
#ifndef IBID_FILES_H
#define IBID_FILES_H
#include <stddef.h>
#include <stdint.h>

typedef struct ibid_files_walk ibid_files_walk;

typedef struct ibid_file_entry {
  const char *path; /* NUL-terminated, valid until the next call */
  size_t path_length;
  int64_t size;     /* bytes; -1 when not a regular file or not known */
  int64_t modified; /* seconds since 1970 UTC; valid when has_modified */
  int has_modified;
  int is_file;       /* a regular file (perhaps through a link) */
  const char *error; /* NULL, or a static message: "permission denied", ... */
} ibid_file_entry;

/*
** Starts a walk of `folder` (length bytes, no NUL inside). Returns NULL and
** sets *walk, or returns a static message (*walk NULL): "no such file or
** folder", "permission denied", "out of memory", ... A folder that is a file
** gives a walk of that one file.
*/
const char *ibid_files_open(const char *folder, size_t length, ibid_files_walk **walk);

/* The next entry: 1, 0 at the end, -1 out of memory. */
int ibid_files_next(ibid_files_walk *walk, ibid_file_entry *entry);

void ibid_files_close(ibid_files_walk *walk);

/* Results of ibid_files_read. */
enum {
  IBID_FILE_READ = 0,
  IBID_FILE_TOO_LARGE = 1,
  IBID_FILE_UNREADABLE = -1,
  IBID_FILE_NO_MEMORY = -2
};

/*
** Reads the regular file at `path` whole into *bytes (ibid_malloc'd, caller
** frees; never NULL on success, even when empty). More than `limit` bytes is
** IBID_FILE_TOO_LARGE with *size the size seen; an unreadable file is
** IBID_FILE_UNREADABLE with *error set. Never blocks on a FIFO.
*/
int ibid_files_read(const char *path, uint64_t limit, char **bytes, size_t *length, int64_t *size,
                    const char **error);

/* NULL when `path` opens for reading as a regular file, else why not
** (the error ibid_files_read would give, without reading the file). */
const char *ibid_files_check(const char *path);

/* `seconds` since 1970 as "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void ibid_files_format_time(int64_t seconds, char out[21]);

#endif
