/*
** load_parallel.c -- `ibid load -j N`: a folder loaded on N cores, one writer.
**
** HOW IT WORKS. The queue (paths in path order, from cli/ibid.c) is cut into
** contiguous chunks, 4 per worker, in rounds of one chunk per worker whose
** sizes in bytes fall 4:3:2:1 (the last shards, whose merge nothing overlaps,
** are small). N worker processes
** are forked; worker w takes chunks w, w+N, w+2N ... and loads each into a
** shard database of its own (the extension's ingest trigger, every extractor;
** one savepoint per file, so one bad file does not stop the chunk; no FTS5
** index: the merge builds the corpus's) inside a private folder made by
** mkdtemp (mode 0700, a random name beside the database: nothing at a path
** known in advance). It notes each file's outcome (failed and why, skipped,
** loaded with an error) in the shard's table ibid_load_log, and tells the
** parent through its pipe: one byte 'd' per file (the progress line), 'c'
** when a chunk is whole, 'p' when Ctrl-C ended it early.
**
** The parent is the one writer: it merges the shards into the corpus in
** chunk order with sql/merge.sql (compiled in), each as soon as it and the
** ones before it are done, while the workers go on. Loading the chunks' files
** one after another in that order is loading the folder in path order, so the
** corpus is the one `ibid load` with -j 1 gives: the same rows in every table,
** the same ids, works and graph (merge.sql links every document again against
** the merged corpus; docs/scale.md). Each merge is one transaction.
**
** Ctrl-C (or SIGTERM to the parent, which passes it on) stops every worker
** after its current file; the parent merges the chunks that are done, in
** order, up to and including the first one that was cut short, and stops
** there: what is in the corpus is a prefix of the folder in path order, so a
** second run (which skips the files loaded unchanged) gives the same corpus as
** an uninterrupted load. A second Ctrl-C kills at once; the merge under way
** is rolled back by SQLite's journal. A worker that dies (a crash in some
** library) costs its unfinished chunks: their files are reported as not
** loaded, with the reason, and the next run loads them. Workers die with the
** parent (PR_SET_PDEATHSIG), and the parent removes the shard folder.
*/
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ibid_cli.h"
#include "merge_sql.h"

/* Chunks per worker: the merge of one overlaps the loading of the next. */
#define CHUNKS_PER_JOB 4

enum chunk_status { PENDING, WHOLE, PARTIAL, LOST };

typedef struct chunk {
  int first, count; /* paths[first .. first+count) */
  int status;
  int done; /* files done when it was cut short (PARTIAL) */
} chunk;

typedef struct worker {
  pid_t pid;
  int fd;         /* read end of its pipe, -1 once closed */
  int chunk;      /* the chunk it is on */
  int position;   /* files of that chunk done */
  int exit_state; /* 0 running, 1 ended */
  int status;     /* its wait status */
} worker;

static volatile sig_atomic_t ibid_worker_stop;

static void ibid_worker_on_signal(int signal_number) {
  (void)signal_number;
  ibid_worker_stop = 1;
}

static int write_byte(int fd, char c) {
  for (;;) {
    ssize_t n = write(fd, &c, 1);
    if (n == 1) return 0;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

static char *shard_path(const char *folder, int index) {
  return sqlite3_mprintf("%s/shard%05d.db", folder, index);
}

/* ----- a worker ------------------------------------------------------------ */

static int worker_exec(sqlite3 *db, const char *sql) {
  return sqlite3_exec(db, sql, 0, 0, 0);
}

/* Loads one chunk into a new shard; 1 when all its files were done, 0 when
** Ctrl-C cut it short, -1 when the shard could not be made. */
static int worker_chunk(const char *folder, int index, const chunk *c, char **paths, int fd) {
  char *path = shard_path(folder, index);
  sqlite3 *db = 0;
  int rc = path ? sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0)
                : SQLITE_NOMEM;
  sqlite3_free(path);
  /* A scratch file: its journal in memory (savepoints still roll back). */
  if (rc == SQLITE_OK) rc = worker_exec(db, "PRAGMA journal_mode = MEMORY");
  if (rc == SQLITE_OK) rc = worker_exec(db, "PRAGMA synchronous = OFF");
  /* fulltext as a plain table: the merge indexes the blocks itself */
  if (rc == SQLITE_OK) rc = worker_exec(db, "CREATE TABLE fulltext(text, document_id, block)");
  if (rc == SQLITE_OK)
    rc = worker_exec(db,
                     "CREATE TABLE ibid_load_log(n INTEGER PRIMARY KEY, path TEXT NOT NULL, "
                     "kind TEXT NOT NULL, message TEXT)");
  if (rc == SQLITE_OK) rc = worker_exec(db, "SELECT ibid_init()");
  sqlite3_stmt *insert = 0, *error = 0, *log = 0;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO documents(path, raw) SELECT path, raw FROM ibid_files(?1) "
                            "WHERE error IS NULL AND ibid_format(raw) IS NOT NULL",
                            -1, &insert, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT error FROM documents WHERE path = ?1", -1, &error, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(
        db, "INSERT INTO ibid_load_log(path, kind, message) VALUES (?1, ?2, ?3)", -1, &log, 0);
  if (rc == SQLITE_OK) rc = worker_exec(db, "BEGIN");
  int done = 0;
  for (int i = 0; rc == SQLITE_OK && i < c->count && !ibid_worker_stop; i++) {
    const char *file = paths[c->first + i];
    const char *kind = 0;
    char *message = 0;
    worker_exec(db, "SAVEPOINT ibid_file");
    sqlite3_reset(insert);
    sqlite3_bind_text(insert, 1, file, -1, SQLITE_STATIC);
    int step = sqlite3_step(insert);
    if (step == SQLITE_DONE && sqlite3_changes(db) == 0) {
      kind = "skipped";
    } else if (step != SQLITE_DONE) {
      kind = "failed";
      message = sqlite3_mprintf("%s", sqlite3_errmsg(db));
      sqlite3_reset(insert);
      worker_exec(db, "ROLLBACK TO ibid_file");
    } else {
      sqlite3_reset(error);
      sqlite3_bind_text(error, 1, file, -1, SQLITE_STATIC);
      if (sqlite3_step(error) == SQLITE_ROW && sqlite3_column_type(error, 0) != SQLITE_NULL) {
        kind = "problem";
        message = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(error, 0));
      }
      sqlite3_reset(error);
    }
    worker_exec(db, "RELEASE ibid_file");
    if (kind) {
      sqlite3_reset(log);
      sqlite3_bind_text(log, 1, file, -1, SQLITE_STATIC);
      sqlite3_bind_text(log, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text(log, 3, message, -1, SQLITE_STATIC);
      sqlite3_step(log);
      sqlite3_reset(log);
    }
    sqlite3_free(message);
    done++;
    if (write_byte(fd, 'd')) _exit(1); /* the parent is gone */
  }
  if (rc == SQLITE_OK) rc = worker_exec(db, "COMMIT");
  sqlite3_finalize(insert);
  sqlite3_finalize(error);
  sqlite3_finalize(log);
  sqlite3_close(db);
  if (rc != SQLITE_OK) return -1;
  return done == c->count ? 1 : 0;
}

static void worker_run(const char *folder, const chunk *chunks, int chunk_count, int first,
                       int jobs, char **paths, int fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(1);
  struct sigaction action = {0};
  action.sa_handler = ibid_worker_on_signal;
  action.sa_flags = SA_RESETHAND; /* a second Ctrl-C kills */
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, 0);
  sigaction(SIGTERM, &action, 0);
  signal(SIGPIPE, SIG_DFL);
  for (int k = first; k < chunk_count && !ibid_worker_stop; k += jobs) {
    int whole = worker_chunk(folder, k, &chunks[k], paths, fd);
    if (whole < 0) _exit(3);
    if (write_byte(fd, whole ? 'c' : 'p')) _exit(1);
  }
  _exit(0);
}

/* ----- the parent: merging ------------------------------------------------- */

/* Merges chunk `index`'s shard into db and reports its log; 0, or -1 when the
** merge failed (its files are then reported as not loaded). */
static int merge_chunk(sqlite3 *db, const char *folder, int index, const chunk *c, char **paths,
                       ibid_cli_load_state *s) {
  char *path = shard_path(folder, index);
  sqlite3_stmt *attach = 0;
  int rc = path ? sqlite3_prepare_v2(db, "ATTACH ?1 AS shard", -1, &attach, 0) : SQLITE_NOMEM;
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(attach, 1, path, -1, SQLITE_STATIC);
    rc = sqlite3_step(attach) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
  }
  sqlite3_finalize(attach);
  int attached = rc == SQLITE_OK;
  int documents = 0;
  if (rc == SQLITE_OK) {
    sqlite3_stmt *count = 0;
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM shard.documents", -1, &count, 0);
    if (rc == SQLITE_OK && sqlite3_step(count) == SQLITE_ROW)
      documents = sqlite3_column_int(count, 0);
    sqlite3_finalize(count);
  }
  char *error = 0;
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, ibid_merge_sql, 0, 0, &error);
  if (rc != SQLITE_OK) {
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
    char *why = sqlite3_mprintf("merging its shard failed: %s", error ? error : sqlite3_errmsg(db));
    for (int i = 0; i < c->count; i++)
      ibid_cli_load_say(s, "ibid: failed: %s: %s\n", paths[c->first + i], why ? why : "");
    s->failed += c->count;
    sqlite3_free(why);
  } else {
    s->loaded += documents;
    sqlite3_stmt *log = 0;
    if (sqlite3_prepare_v2(db, "SELECT path, kind, message FROM shard.ibid_load_log ORDER BY n", -1,
                           &log, 0) == SQLITE_OK) {
      while (sqlite3_step(log) == SQLITE_ROW) {
        const char *file = (const char *)sqlite3_column_text(log, 0);
        const char *kind = (const char *)sqlite3_column_text(log, 1);
        const char *message = (const char *)sqlite3_column_text(log, 2);
        if (!strcmp(kind, "skipped")) {
          ibid_cli_load_say(s, "ibid: skipped, format not recognized: %s%s\n", file, "");
          s->skipped++;
        } else if (!strcmp(kind, "failed")) {
          ibid_cli_load_say(s, "ibid: failed: %s: %s\n", file, message ? message : "");
          s->failed++;
        } else {
          ibid_cli_load_say(s, "ibid: loaded, but: %s: %s\n", file, message ? message : "");
          s->failed++;
        }
      }
    }
    sqlite3_finalize(log);
  }
  sqlite3_free(error);
  if (attached) sqlite3_exec(db, "DETACH shard", 0, 0, 0);
  if (path) unlink(path);
  sqlite3_free(path);
  return rc == SQLITE_OK ? 0 : -1;
}

/* Removes the shard folder and what is left in it. */
static void remove_folder(const char *folder) {
  DIR *dir = opendir(folder);
  if (dir) {
    struct dirent *entry;
    while ((entry = readdir(dir)) != 0) {
      if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, "..")) continue;
      char *path = sqlite3_mprintf("%s/%s", folder, entry->d_name);
      if (path) unlink(path);
      sqlite3_free(path);
    }
    closedir(dir);
  }
  rmdir(folder);
}

/* Reads what worker w has said; marks chunks whole or partial. */
static void read_worker(worker *w, chunk *chunks, int chunk_count, int jobs, const double *sizes,
                        ibid_cli_load_state *s) {
  char buffer[4096];
  ssize_t n = read(w->fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) { /* it ended */
    close(w->fd);
    w->fd = -1;
    return;
  }
  for (ssize_t i = 0; i < n; i++) {
    if (w->chunk >= chunk_count) break;
    chunk *c = &chunks[w->chunk];
    if (buffer[i] == 'd') {
      if (w->position < c->count) s->bytes += sizes[c->first + w->position];
      w->position++;
      s->done++;
    } else {
      c->status = buffer[i] == 'c' ? WHOLE : PARTIAL;
      c->done = w->position;
      w->chunk += jobs;
      w->position = 0;
    }
  }
}

int ibid_cli_load_parallel(sqlite3 *db, const char *db_path, char **paths, const double *sizes,
                           ibid_cli_load_state *s, int jobs) {
  /* The chunks: contiguous, in rounds of falling size. */
  int chunk_count = jobs * CHUNKS_PER_JOB < s->total ? jobs * CHUNKS_PER_JOB : s->total;
  if (jobs > chunk_count) jobs = chunk_count;
  chunk *chunks = sqlite3_malloc64(sizeof(chunk) * (size_t)chunk_count);
  worker *workers = sqlite3_malloc64(sizeof(worker) * (size_t)jobs);
  if (!chunks || !workers) {
    fprintf(stderr, "ibid load: out of memory\n");
    sqlite3_free(chunks);
    sqlite3_free(workers);
    return 1;
  }
  /* Rounds of `jobs` chunks, each round smaller than the one before (weights
  ** R, R-1, ... 1): the last shards, whose merge nothing overlaps, are small. */
  double total_bytes = 0, done_bytes = 0, weight_sum = 0, weight_done = 0;
  for (int i = 0; i < s->total; i++) total_bytes += sizes[i] > 1 ? sizes[i] : 1;
  int rounds = (chunk_count + jobs - 1) / jobs;
  for (int k = 0; k < chunk_count; k++) weight_sum += rounds - k / jobs;
  weight_done = rounds;
  int made = 0;
  chunks[0].first = 0;
  chunks[0].count = 0;
  for (int i = 0; i < s->total; i++) {
    chunks[made].count++;
    done_bytes += sizes[i] > 1 ? sizes[i] : 1;
    int left_files = s->total - i - 1, left_chunks = chunk_count - made - 1;
    if (left_chunks > 0 &&
        (done_bytes >= total_bytes * weight_done / weight_sum || left_files <= left_chunks)) {
      made++;
      weight_done += rounds - made / jobs;
      chunks[made].first = i + 1;
      chunks[made].count = 0;
    }
  }
  chunk_count = made + 1;
  for (int k = 0; k < chunk_count; k++) chunks[k].status = PENDING;

  /* The private folder for the shards, beside the database. */
  char *slash = strrchr(db_path, '/');
  char *template = slash
                       ? sqlite3_mprintf("%.*s/.ibid-load-XXXXXX", (int)(slash - db_path), db_path)
                       : sqlite3_mprintf(".ibid-load-XXXXXX");
  char *folder = template ? mkdtemp(template) : 0;
  if (!folder) {
    fprintf(stderr, "ibid load: cannot make a private folder beside %s: %s\n", db_path,
            strerror(errno));
    sqlite3_free(template);
    sqlite3_free(chunks);
    sqlite3_free(workers);
    return 1;
  }
  fflush(stdout);
  fflush(stderr);
  pid_t parent = getpid();
  int started = 0;
  for (int w = 0; w < jobs; w++) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) break;
    pid_t pid = fork();
    if (pid < 0) {
      close(fds[0]);
      close(fds[1]);
      break;
    }
    if (pid == 0) {
      close(fds[0]);
      for (int v = 0; v < started; v++) close(workers[v].fd);
      worker_run(folder, chunks, chunk_count, w, jobs, paths, fds[1], parent);
    }
    close(fds[1]);
    workers[w] = (worker){pid, fds[0], w, 0, 0, 0};
    started++;
  }
  if (started < jobs) {
    /* chunks of workers never started are loaded by none: stop them all */
    fprintf(stderr, "ibid load: could not start %d worker processes: %s\n", jobs, strerror(errno));
    for (int v = 0; v < started; v++) kill(workers[v].pid, SIGKILL);
    for (int v = 0; v < started; v++) {
      close(workers[v].fd);
      waitpid(workers[v].pid, 0, 0);
    }
    remove_folder(folder);
    sqlite3_free(template);
    sqlite3_free(chunks);
    sqlite3_free(workers);
    return 1;
  }

  int next = 0, processed = 0, told = 0, shown = 0;
  while (next < chunk_count) {
    if (ibid_cli_stopping() && !told) { /* SIGTERM to this process alone: pass it on */
      for (int v = 0; v < jobs; v++)
        if (!workers[v].exit_state) kill(workers[v].pid, SIGTERM);
      told = 1;
    }
    chunk *c = &chunks[next];
    if (c->status == WHOLE || c->status == PARTIAL) {
      merge_chunk(db, folder, next, c, paths, s);
      processed += c->status == WHOLE ? c->count : c->done;
      /* a chunk cut short ends the load: the corpus holds a prefix of the folder */
      if (c->status == PARTIAL) break;
      next++;
      continue;
    }
    if (c->status == LOST) {
      if (!ibid_cli_stopping()) {
        char why[96];
        worker *w = &workers[next % jobs];
        if (WIFSIGNALED(w->status))
          snprintf(why, sizeof why, "its worker process ended on signal %d", WTERMSIG(w->status));
        else
          snprintf(why, sizeof why, "its worker process failed (exit status %d)",
                   WEXITSTATUS(w->status));
        for (int i = 0; i < c->count; i++)
          ibid_cli_load_say(s, "ibid: failed: %s: %s\n", paths[c->first + i], why);
        s->failed += c->count;
        processed += c->count;
      }
      next++;
      continue;
    }
    /* Wait for the workers. */
    struct pollfd polls[1024];
    int polled = 0, order[1024];
    for (int v = 0; v < jobs && polled < 1024; v++) {
      if (workers[v].fd < 0) continue;
      polls[polled] = (struct pollfd){workers[v].fd, POLLIN, 0};
      order[polled++] = v;
    }
    if (!polled) { /* every worker ended: what is not done is lost (or left) */
      for (int k = next; k < chunk_count; k++)
        if (chunks[k].status == PENDING) chunks[k].status = LOST;
      if (ibid_cli_stopping()) break;
      continue;
    }
    int ready = poll(polls, (nfds_t)polled, 200);
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; ready > 0 && i < polled; i++) {
      if (!polls[i].revents) continue;
      worker *w = &workers[order[i]];
      read_worker(w, chunks, chunk_count, jobs, sizes, s);
      if (w->fd < 0) {
        while (waitpid(w->pid, &w->status, 0) < 0 && errno == EINTR) {
        }
        w->exit_state = 1;
        for (int k = w->chunk; k < chunk_count; k += jobs)
          if (chunks[k].status == PENDING && !ibid_cli_stopping()) chunks[k].status = LOST;
      }
    }
    if (s->done != shown) ibid_cli_load_progress(s, 0);
    shown = s->done;
  }
  /* Stop and reap whatever still runs (stopped early, or a chunk was cut). */
  for (int v = 0; v < jobs; v++) {
    if (workers[v].exit_state) continue;
    kill(workers[v].pid, SIGKILL);
    if (workers[v].fd >= 0) close(workers[v].fd);
    while (waitpid(workers[v].pid, 0, 0) < 0 && errno == EINTR) {
    }
  }
  remove_folder(folder);
  s->done = processed; /* the files of the queue the corpus has seen, for the summary */
  sqlite3_free(template);
  sqlite3_free(chunks);
  sqlite3_free(workers);
  return 0;
}
