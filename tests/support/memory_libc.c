/* memory_libc.c -- ibid_malloc on the C library, for unit tests and fuzzers. */
#include <stdlib.h>
#include "memory.h"

void *ibid_malloc(size_t size) { return malloc(size ? size : 1); }
void *ibid_realloc(void *pointer, size_t size) { return realloc(pointer, size ? size : 1); }
void ibid_free(void *pointer) { free(pointer); }
void ibid_memory_use_libc(void) {}
