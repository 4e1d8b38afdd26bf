/*
** memory.h -- the one allocator every ibid source uses.
**
** Pure parsing code (no SQLite types) allocates through these three calls so
** the same file links into the extension, where they are sqlite3_malloc64 and
** friends (ext/core/sql_memory.c), and into unit tests and fuzz targets, where they
** are the C library's (tests/support/memory_libc.c) so sanitizers see them.
*/
#ifndef IBID_MEMORY_H
#define IBID_MEMORY_H
#include <stddef.h>

void *ibid_malloc(size_t size);
void *ibid_realloc(void *pointer, size_t size);
void ibid_free(void *pointer);

/*
** Switches this process to the C library's allocator for good. Called only in
** a child process forked to read a PDF (pdf.c), before it allocates anything:
** the child makes no SQLite call, so that a lock another thread of the parent
** held at the fork, or SQLite's memory accounting, cannot stall or touch it.
** The one piece of process state ibid writes, and only in that child.
*/
void ibid_memory_use_libc(void);

#endif
