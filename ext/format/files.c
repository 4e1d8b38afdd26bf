/*
** files.c -- walking a folder for ibid_files(folder); see files.h.
**
** HOW IT WORKS
** The walk keeps a stack of levels, one per folder being walked. Entering a
** folder reads all its names at once (readdir, then closedir right away, so a
** deep tree never holds more than one directory stream open), marks each
** sub-folder's name with a trailing '/' and sorts the names bytewise: with
** that mark, "a-b" < "a/" < "a0", which is exactly the byte order of the full
** paths "x/a-b" < "x/a/..." < "x/a0", so the whole walk comes out sorted by
** path. Each entry is looked at (lstat, then stat through a link) only when
** it is returned, so memory is the names of the folders on the stack, never
** the whole tree, and the data of one file at most (ibid_files_read).
**
** A folder whose device and inode are those of a folder on the stack is a
** loop (a link to an ancestor, or a bind mount): it is an error entry and is
** not entered, so every walk ends.
*/
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "memory.h"

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

typedef struct walk_level {
  char *names;          /* NUL-terminated names; a sub-folder's ends in '/' */
  char **order;         /* the names, sorted bytewise */
  size_t count, next;   /* how many names; the next one to return */
  size_t prefix_length; /* walk->path[0..prefix_length) names this folder, with '/' */
  dev_t device;         /* identity of this folder, for the loop guard */
  ino_t inode;
} walk_level;

struct ibid_files_walk {
  char *path; /* the current entry's path, NUL-terminated */
  size_t path_length, path_capacity;
  walk_level *levels;
  size_t depth, level_capacity;
  int single_file; /* the folder given was a file: one entry, then the end */
};

/* What an errno means to someone loading files. */
static const char *errno_message(int error_number) {
  switch (error_number) {
    case EACCES:
    case EPERM:
      return "permission denied";
    case ENOENT:
      return "no such file or folder";
    case ENOTDIR:
      return "not a folder";
    case ELOOP:
      return "symbolic link loop";
    case ENAMETOOLONG:
      return "path too long";
    case EIO:
      return "input/output error";
    case ENOMEM:
      return "out of memory";
    case EMFILE:
    case ENFILE:
      return "too many open files";
    case EOVERFLOW:
      return "file too large for this system";
    default:
      return "cannot be read (unexpected system error)";
  }
}

static const char *kind_message(mode_t mode) {
  if (S_ISFIFO(mode)) return "not a regular file (a FIFO)";
  if (S_ISSOCK(mode)) return "not a regular file (a socket)";
  if (S_ISCHR(mode)) return "not a regular file (a character device)";
  if (S_ISBLK(mode)) return "not a regular file (a block device)";
  return "not a regular file";
}

/* ----- the path buffer ------------------------------------------------------ */

static int path_reserve(ibid_files_walk *walk, size_t length) {
  if (length + 1 <= walk->path_capacity) return 0;
  size_t capacity = walk->path_capacity ? walk->path_capacity : 256;
  while (capacity < length + 1) capacity *= 2;
  char *path = ibid_realloc(walk->path, capacity);
  if (!path) return -1;
  walk->path = path;
  walk->path_capacity = capacity;
  return 0;
}

/* Sets the path to its first `keep` bytes followed by `name[0..length)`. */
static int path_set(ibid_files_walk *walk, size_t keep, const char *name, size_t length) {
  if (path_reserve(walk, keep + length) != 0) return -1;
  memcpy(walk->path + keep, name, length);
  walk->path_length = keep + length;
  walk->path[walk->path_length] = 0;
  return 0;
}

/* ----- reading one folder ----------------------------------------------------- */

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the directory entry `name` (in the folder walk->path names) is a
** folder, following links; d_type spares a stat on most file systems. */
static int entry_is_folder(ibid_files_walk *walk, const struct dirent *entry, int *failed) {
#ifdef DT_DIR
  if (entry->d_type == DT_DIR) return 1;
  if (entry->d_type != DT_LNK && entry->d_type != DT_UNKNOWN) return 0;
#endif
  size_t keep = walk->path_length;
  if (path_set(walk, keep, entry->d_name, strlen(entry->d_name)) != 0) {
    *failed = 1;
    return 0;
  }
  struct stat status;
  int folder = stat(walk->path, &status) == 0 && S_ISDIR(status.st_mode);
  walk->path_length = keep;
  walk->path[keep] = 0;
  return folder;
}

static void level_free(walk_level *level) {
  ibid_free(level->names);
  ibid_free(level->order);
  memset(level, 0, sizeof(*level));
}

/* Reads the sorted names of the folder walk->path (which ends in '/') into
** `level`. Returns 0, an errno value, or ENOMEM. */
static int level_read(ibid_files_walk *walk, walk_level *level) {
  memset(level, 0, sizeof(*level));
  level->prefix_length = walk->path_length;
  DIR *folder = opendir(walk->path);
  if (!folder) return errno;
  size_t used = 0, capacity = 0;
  int result = 0, failed = 0;
  for (;;) {
    errno = 0;
    struct dirent *entry = readdir(folder);
    if (!entry) {
      result = errno;
      break;
    }
    const char *name = entry->d_name;
    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
    size_t length = strlen(name);
    int is_folder = entry_is_folder(walk, entry, &failed);
    if (failed) {
      result = ENOMEM;
      break;
    }
    if (used + length + 2 > capacity) {
      size_t grown = capacity ? capacity * 2 : 1024;
      while (grown < used + length + 2) grown *= 2;
      char *names = ibid_realloc(level->names, grown);
      if (!names) {
        result = ENOMEM;
        break;
      }
      level->names = names;
      capacity = grown;
    }
    memcpy(level->names + used, name, length);
    used += length;
    if (is_folder) level->names[used++] = '/';
    level->names[used++] = 0;
    level->count++;
  }
  closedir(folder);
  if (result == 0 && level->count) {
    level->order = ibid_malloc(level->count * sizeof(char *));
    if (!level->order) {
      result = ENOMEM;
    } else {
      char *name = level->names;
      for (size_t i = 0; i < level->count; i++, name += strlen(name) + 1) level->order[i] = name;
      qsort(level->order, level->count, sizeof(char *), compare_names);
    }
  }
  if (result != 0) level_free(level);
  return result;
}

/* Enters the folder walk->path (stat'ed as `status`). Returns 0 or an errno. */
static int walk_push(ibid_files_walk *walk, const struct stat *status) {
  if (walk->depth == walk->level_capacity) {
    size_t capacity = walk->level_capacity ? walk->level_capacity * 2 : 16;
    walk_level *levels = ibid_realloc(walk->levels, capacity * sizeof(walk_level));
    if (!levels) return ENOMEM;
    walk->levels = levels;
    walk->level_capacity = capacity;
  }
  /* "/" already ends in a slash; every other folder gets one. */
  if (walk->path_length == 0 || walk->path[walk->path_length - 1] != '/') {
    if (path_set(walk, walk->path_length, "/", 1) != 0) return ENOMEM;
  }
  walk_level *level = &walk->levels[walk->depth];
  int result = level_read(walk, level);
  if (result != 0) return result;
  level->device = status->st_dev;
  level->inode = status->st_ino;
  walk->depth++;
  return 0;
}

static int is_ancestor(const ibid_files_walk *walk, const struct stat *status) {
  for (size_t i = 0; i < walk->depth; i++)
    if (walk->levels[i].device == status->st_dev && walk->levels[i].inode == status->st_ino)
      return 1;
  return 0;
}

/* ----- entries ---------------------------------------------------------------- */

/* Looks at walk->path: fills `entry`; *status is the file it leads to and
** *is_folder says whether it is a folder to enter (no error yet). */
static void entry_describe(ibid_files_walk *walk, ibid_file_entry *entry, struct stat *status,
                           int *is_folder) {
  memset(entry, 0, sizeof(*entry));
  entry->path = walk->path;
  entry->path_length = walk->path_length;
  entry->size = -1;
  *is_folder = 0;
  struct stat link;
  if (lstat(walk->path, &link) != 0) {
    entry->error = errno_message(errno);
    return;
  }
  *status = link;
  int through_link = S_ISLNK(link.st_mode);
  if (through_link && stat(walk->path, status) != 0) {
    entry->error = errno == ENOENT ? "dangling symbolic link" : errno_message(errno);
    return;
  }
  entry->modified = (int64_t)status->st_mtime;
  entry->has_modified = 1;
  if (S_ISREG(status->st_mode)) {
    entry->is_file = 1;
    entry->size = (int64_t)status->st_size;
  } else if (S_ISDIR(status->st_mode)) {
    if (is_ancestor(walk, status)) {
      entry->error =
          through_link ? "symbolic link loop" : "folder loop (a folder that contains itself)";
    } else {
      *is_folder = 1;
    }
  } else {
    entry->error = kind_message(status->st_mode);
  }
}

const char *ibid_files_open(const char *folder, size_t length, ibid_files_walk **walk_out) {
  *walk_out = NULL;
  if (length == 0) return "no such file or folder";
  if (memchr(folder, 0, length)) return "a path cannot contain a NUL byte";
  ibid_files_walk *walk = ibid_malloc(sizeof(*walk));
  if (!walk) return "out of memory";
  memset(walk, 0, sizeof(*walk));
  /* "papers/" and "papers" give the same paths; "/" stays "/". */
  while (length > 1 && folder[length - 1] == '/') length--;
  if (path_set(walk, 0, folder, length) != 0) {
    ibid_files_close(walk);
    return "out of memory";
  }
  struct stat status;
  if (stat(walk->path, &status) != 0) {
    const char *why = errno_message(errno);
    ibid_files_close(walk);
    return why;
  }
  if (!S_ISDIR(status.st_mode)) {
    walk->single_file = 1;
  } else {
    int result = walk_push(walk, &status);
    if (result != 0) {
      ibid_files_close(walk);
      return errno_message(result);
    }
  }
  *walk_out = walk;
  return NULL;
}

int ibid_files_next(ibid_files_walk *walk, ibid_file_entry *entry) {
  struct stat status;
  int is_folder;
  if (walk->single_file) {
    if (walk->single_file == 2) return 0;
    walk->single_file = 2;
    entry_describe(walk, entry, &status, &is_folder);
    if (is_folder) entry->error = "not a regular file"; /* replaced by a folder meanwhile */
    return 1;
  }
  while (walk->depth > 0) {
    walk_level *level = &walk->levels[walk->depth - 1];
    if (level->next == level->count) {
      level_free(level);
      walk->depth--;
      continue;
    }
    const char *name = level->order[level->next++];
    size_t length = strlen(name), prefix_length = level->prefix_length;
    if (length > 1 && name[length - 1] == '/') length--;
    if (path_set(walk, prefix_length, name, length) != 0) return -1;
    entry_describe(walk, entry, &status, &is_folder);
    if (!is_folder) return 1;
    int result = walk_push(walk, &status); /* may move walk->levels */
    if (result == ENOMEM) return -1;
    if (result == 0) continue;
    /* A folder that cannot be read is an entry of its own, without the '/'. */
    walk->path_length = prefix_length + length;
    walk->path[walk->path_length] = 0;
    entry->path = walk->path; /* walk_push may have moved it */
    entry->path_length = walk->path_length;
    entry->error = errno_message(result);
    return 1;
  }
  return 0;
}

void ibid_files_close(ibid_files_walk *walk) {
  if (!walk) return;
  for (size_t i = 0; i < walk->depth; i++) level_free(&walk->levels[i]);
  ibid_free(walk->levels);
  ibid_free(walk->path);
  ibid_free(walk);
}

/* ----- reading a file ------------------------------------------------------- */

/* Opens `path` for reading as a regular file: fd >= 0, or -1 with *error.
** O_NONBLOCK: a FIFO put where a file was listed must not hang the reader. */
static int open_regular(const char *path, struct stat *status, const char **error) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    *error = errno_message(errno);
    return -1;
  }
  if (fstat(fd, status) != 0) {
    *error = errno_message(errno);
    close(fd);
    return -1;
  }
  if (!S_ISREG(status->st_mode)) {
    *error =
        S_ISDIR(status->st_mode) ? "not a regular file (a folder)" : kind_message(status->st_mode);
    close(fd);
    return -1;
  }
  return fd;
}

const char *ibid_files_check(const char *path) {
  struct stat status;
  const char *error = NULL;
  int fd = open_regular(path, &status, &error);
  if (fd >= 0) close(fd);
  return error;
}

int ibid_files_read(const char *path, uint64_t limit, char **bytes, size_t *length, int64_t *size,
                    const char **error) {
  *bytes = NULL;
  *length = 0;
  *error = NULL;
  struct stat status;
  int fd = open_regular(path, &status, error);
  if (fd < 0) return IBID_FILE_UNREADABLE;
  *size = (int64_t)status.st_size;
  if (status.st_size < 0 || (uint64_t)status.st_size > limit) {
    close(fd);
    return IBID_FILE_TOO_LARGE;
  }
  /* One byte more than the size, to see the end (or growth) without a second
  ** allocation; files that report size 0 (/proc) grow the buffer as they go. */
  size_t capacity = (size_t)status.st_size + 1, used = 0;
  char *buffer = ibid_malloc(capacity);
  int result = buffer ? IBID_FILE_READ : IBID_FILE_NO_MEMORY;
  while (result == IBID_FILE_READ) {
    if (used == capacity) {
      if ((uint64_t)used > limit) {
        *size = (int64_t)used;
        result = IBID_FILE_TOO_LARGE;
        break;
      }
      size_t grown = capacity * 2;
      if ((uint64_t)grown > limit + 1) grown = (size_t)limit + 1;
      char *larger = ibid_realloc(buffer, grown);
      if (!larger) {
        result = IBID_FILE_NO_MEMORY;
        break;
      }
      buffer = larger;
      capacity = grown;
    }
    ssize_t got = read(fd, buffer + used, capacity - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      *error = errno == EISDIR ? "not a regular file (a folder)" : errno_message(errno);
      result = IBID_FILE_UNREADABLE;
    } else if (got == 0) {
      break;
    } else {
      used += (size_t)got;
    }
  }
  close(fd);
  if (result != IBID_FILE_READ) {
    ibid_free(buffer);
    return result;
  }
  *bytes = buffer;
  *length = used;
  *size = (int64_t)used;
  return IBID_FILE_READ;
}

/* `value` (0 <= value < 10^width) as `width` decimal digits. */
static void put_digits(char *out, int value, int width) {
  for (int i = width - 1; i >= 0; i--, value /= 10) out[i] = (char)('0' + value % 10);
}

void ibid_files_format_time(int64_t seconds, char out[21]) {
  /* Clamp to years 0000-9999 so the text is always 20 characters. */
  const int64_t earliest = -62167219200LL, latest = 253402300799LL;
  if (seconds < earliest) seconds = earliest;
  if (seconds > latest) seconds = latest;
  time_t t = (time_t)seconds;
  struct tm parts;
  if (!gmtime_r(&t, &parts)) {
    memcpy(out, "1970-01-01T00:00:00Z", 21);
    return;
  }
  memcpy(out, "0000-00-00T00:00:00Z", 21);
  put_digits(out, parts.tm_year + 1900, 4);
  put_digits(out + 5, parts.tm_mon + 1, 2);
  put_digits(out + 8, parts.tm_mday, 2);
  put_digits(out + 11, parts.tm_hour, 2);
  put_digits(out + 14, parts.tm_min, 2);
  put_digits(out + 17, parts.tm_sec, 2);
}
