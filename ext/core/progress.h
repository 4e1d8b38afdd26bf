/*
** progress.h -- how a long extraction learns that it should stop.
**
** Pure parsers (no SQLite types) take an optional `ibid_progress *` and call
** ibid_progress_step(progress, work) in their loops, `work` being what the
** loop just did in any unit that grows with the input (bytes scanned, nodes
** visited, rows written). Every IBID_PROGRESS_INTERVAL units the `check`
** callback runs; when it returns nonzero the parser stops early, and the
** caller (a sql_*.c wrapper) reports SQLITE_INTERRUPT. A NULL progress, or
** one without `check`, never stops: unit tests and fuzz targets pass NULL.
**
** `work` also totals everything the call did: a counter that grows with the
** work actually done, which tests compare between inputs of two sizes instead
** of timing them.
**
** Converters count too: libxml2's SAX events count the bytes it parsed
** (ext/format/xml_text.h, ibid_xml_watch_parser, which stops the parser), the
** tree walks count nodes, poppler counts pages, and the parent of the PDF
** reader's child process, which waits rather than works, asks every 50 ms with
** ibid_progress_poll (ext/format/pdf.c).
**
** HOW IT WORKS: a countdown; no clock, no thread, no global state. The check
** the SQL layer installs (ext/core/sql_table.c, ibid_sql_progress_check) is what
** tells an interrupted connection (see there).
*/
#ifndef IBID_PROGRESS_H
#define IBID_PROGRESS_H
#include <stddef.h>
#include <stdint.h>

/* Units of work between two checks: a few hundred microseconds of parsing. */
#define IBID_PROGRESS_INTERVAL 65536

typedef struct ibid_progress {
  int (*check)(void *context); /* nonzero: stop; may be NULL */
  void *context;
  size_t countdown; /* units left before the next check */
  uint64_t work;    /* units done so far */
  int stopped;      /* set once check returned nonzero */
} ibid_progress;

/* Counts `work` units; returns nonzero when the caller must stop. */
static inline int ibid_progress_step(ibid_progress *progress, size_t work) {
  if (!progress) return 0;
  if (progress->stopped) return 1;
  progress->work += work;
  if (work < progress->countdown) {
    progress->countdown -= work;
    return 0;
  }
  progress->countdown = IBID_PROGRESS_INTERVAL;
  if (progress->check && progress->check(progress->context)) progress->stopped = 1;
  return progress->stopped;
}

/* Checks now, whatever the countdown says: for a caller that waits rather
** than works (the PDF reader's parent polling its child), every so often. */
static inline int ibid_progress_poll(ibid_progress *progress) {
  if (!progress) return 0;
  if (!progress->stopped && progress->check && progress->check(progress->context))
    progress->stopped = 1;
  progress->countdown = IBID_PROGRESS_INTERVAL;
  return progress->stopped;
}

/* Has the caller been told to stop? */
static inline int ibid_progress_stopped(const ibid_progress *progress) {
  return progress && progress->stopped;
}

#endif
