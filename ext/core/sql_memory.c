/*
** sql_memory.c -- ibid_malloc and friends for the loadable extension: every
** allocation goes through SQLite's allocator so memory statistics and limits
** (sqlite3_soft_heap_limit64) see it.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"

#include <stdlib.h>

/* Set only in a forked PDF-reading child (see memory.h), never in the process
** that loaded the extension. */
static int use_libc;

void ibid_memory_use_libc(void) {
  use_libc = 1;
}

void *ibid_malloc(size_t size) {
  if (use_libc) return malloc(size ? size : 1);
  return sqlite3_malloc64(size ? size : 1);
}

void *ibid_realloc(void *pointer, size_t size) {
  if (use_libc) return realloc(pointer, size ? size : 1);
  return sqlite3_realloc64(pointer, size ? size : 1);
}

void ibid_free(void *pointer) {
  if (use_libc)
    free(pointer);
  else
    sqlite3_free(pointer);
}
