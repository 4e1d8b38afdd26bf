/*
** sql_memory.c -- ibid_malloc and friends for the loadable extension: every
** allocation goes through SQLite's allocator so memory statistics and limits
** (sqlite3_soft_heap_limit64) see it.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"

void *ibid_malloc(size_t size) {
  return sqlite3_malloc64(size ? size : 1);
}

void *ibid_realloc(void *pointer, size_t size) {
  return sqlite3_realloc64(pointer, size ? size : 1);
}

void ibid_free(void *pointer) {
  sqlite3_free(pointer);
}
