/*
** ibid.c -- the `ibid` command: a corpus database without writing SQL.
**
**   ibid load FOLDER [-j N] [--db FILE] every file below FOLDER, one document per transaction;
**                                       -j N: N worker processes (cli/load_parallel.c)
**   ibid export [--format csl|bibtex|biblatex|ris] [--all] [-o FILE] [--db FILE]
**   ibid report [-o FOLDER] [--db FILE]  a static HTML site (cli/report.c)
**   ibid sql [--db FILE] [sqlite3 options]   the sqlite3 shell with ibid loaded
**   ibid --help | --version
**
** The database is --db FILE, else $IBID_DB, else ibid.db in the current folder.
** The manual is docs/ibid.1 (`man ibid` once installed).
**
** HOW IT WORKS. The extension is linked in and registered for every connection
** with sqlite3_auto_extension, so the command needs no installed ibid.so.
** `load` lists the folder with ibid_files() (sizes and dates only), skips the
** files already loaded unchanged (same size, not modified since they were
** added: the rule of sql/load.sql, so a second run goes on where the first
** stopped), and loads each remaining file with its own INSERT in its own
** transaction, behind a 10-second busy timeout. Ctrl-C (SIGINT) or SIGTERM
** only sets a flag: the document being loaded is finished and committed, the
** loop stops and the summary says what is left; a second Ctrl-C kills at once,
** and SQLite's journal rolls that document back. The progress line (stderr)
** gives documents, MB, documents/s and the failures so far; a terminal sees
** it rewritten in place, a pipe gets one line a second. `sql` runs
** `sqlite3 -cmd '.load EXTENSION' DB ...`, EXTENSION being $IBID_EXTENSION,
** else the ibid.so installed beside the command (../lib/ibid.so), else the
** build's (../ibid.so), else the name `ibid` for the loader to find; it also
** sets IBID_EXTENSION, which the scripts in sql/ load.
*/
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "ibid.h"
#include "ibid_cli.h"

/* Set by the signal handler, read by the load loop: the one piece of global
** state a signal handler needs. */
static volatile sig_atomic_t ibid_cli_stop;

static void ibid_cli_on_signal(int signal_number) {
  (void)signal_number;
  ibid_cli_stop = 1;
}

static const char ibid_cli_usage[] =
    "usage: ibid COMMAND [options]\n"
    "\n"
    "  ibid load FOLDER [-j N] [--db FILE]\n"
    "      load every file below FOLDER (text, HTML, JATS, TEI, PDF), one document per\n"
    "      transaction; files already loaded unchanged are skipped, so a second run\n"
    "      goes on where Ctrl-C stopped the first. -j N: N worker processes analyse\n"
    "      the files (-j all: one per core) and this one merges their work in file\n"
    "      order, giving the corpus a -j 1 load gives (default: -j 1)\n"
    "  ibid export [--format csl|bibtex|biblatex|ris] [--all] [-o FILE] [--db FILE]\n"
    "      the bibliography (CSL-JSON by default) to FILE or stdout; --all adds the\n"
    "      works known without a title (view incomplete_works)\n"
    "  ibid report [-o FOLDER] [--db FILE]\n"
    "      a static HTML site to browse the corpus (default folder: report)\n"
    "  ibid sql [--db FILE] [sqlite3 options and SQL]\n"
    "      the sqlite3 shell on the database with the extension loaded\n"
    "  ibid --version, ibid --help\n"
    "\n"
    "The database is --db FILE, else $IBID_DB, else ibid.db. See `man ibid`.\n";

static double ibid_cli_now(void) {
  struct timeval t;
  gettimeofday(&t, 0);
  return t.tv_sec + t.tv_usec / 1e6;
}

int ibid_cli_open(const char *path, int create, sqlite3 **db) {
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (!create && access(path, F_OK) != 0) {
    fprintf(stderr, "ibid: no database %s: make one with `ibid load FOLDER --db %s`\n", path, path);
    return 1;
  }
  if (sqlite3_open_v2(path, db, flags, 0) != SQLITE_OK) {
    fprintf(stderr, "ibid: cannot open %s: %s\n", path, sqlite3_errmsg(*db));
    sqlite3_close(*db);
    *db = 0;
    return 1;
  }
  sqlite3_busy_timeout(*db, 10000);
  char *error = 0;
  if (sqlite3_exec(*db, "SELECT ibid_init()", 0, 0, &error) != SQLITE_OK) {
    fprintf(stderr, "ibid: %s: %s\n", path, error ? error : sqlite3_errmsg(*db));
    sqlite3_free(error);
    sqlite3_close(*db);
    *db = 0;
    return 1;
  }
  return 0;
}

/* ----- load -------------------------------------------------------------- */

typedef ibid_cli_load_state load_state;

int ibid_cli_stopping(void) {
  return ibid_cli_stop != 0;
}

void ibid_cli_load_progress(load_state *s, int last) {
  double now = ibid_cli_now();
  /* the first document at once, then every second (a terminal: 5 times a second) */
  if (!last && s->done > 1 && now - s->printed < (s->tty ? 0.2 : 1.0)) return;
  s->printed = now;
  double seconds = now - s->started > 0.001 ? now - s->started : 0.001;
  fprintf(stderr, "%sibid: %d/%d documents, %.1f MB, %.1f documents/s, %d failed, %d skipped%s",
          s->tty ? "\r" : "", s->done, s->total, s->bytes / 1e6, s->done / seconds, s->failed,
          s->skipped, s->tty && !last ? "\033[K" : "\n");
  fflush(stderr);
}

/* Prints a line above the progress line. */
void ibid_cli_load_say(load_state *s, const char *format, const char *a, const char *b) {
  if (s->tty) fputs("\r\033[K", stderr);
  fprintf(stderr, format, a, b);
}

static int cmd_load(const char *db_path, const char *folder, int jobs) {
  struct stat st;
  if (stat(folder, &st) != 0) {
    fprintf(stderr, "ibid load: %s: %s\n", folder, strerror(errno));
    return 1;
  }
  sqlite3 *db;
  if (ibid_cli_open(db_path, 1, &db)) return 1;
  load_state s = {0};
  s.tty = isatty(2);
  sqlite3_stmt *list = 0, *insert = 0, *error = 0;
  int rc = sqlite3_prepare_v2(
      db,
      "SELECT f.path, f.size, f.error FROM ibid_files(?1) f "
      "WHERE f.error IS NOT NULL OR NOT EXISTS (SELECT 1 FROM documents d "
      "  WHERE d.path = f.path AND d.added >= f.modified AND CASE typeof(d.raw) "
      "  WHEN 'blob' THEN length(d.raw) ELSE length(CAST(d.raw AS BLOB)) END = f.size) "
      "ORDER BY f.path",
      -1, &list, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO documents(path, raw) SELECT path, raw FROM ibid_files(?1) "
                            "WHERE error IS NULL AND ibid_format(raw) IS NOT NULL",
                            -1, &insert, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT error FROM documents WHERE path = ?1", -1, &error, 0);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "ibid load: %s\n", sqlite3_errmsg(db));
    goto done;
  }
  /* The queue: paths and sizes (the files are read one at a time, later). */
  int capacity = 0, unchanged;
  char **paths = 0;
  double *sizes = 0;
  sqlite3_bind_text(list, 1, folder, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
    const char *path = (const char *)sqlite3_column_text(list, 0);
    if (sqlite3_column_type(list, 2) != SQLITE_NULL) {
      fprintf(stderr, "ibid: unreadable: %s: %s\n", path, sqlite3_column_text(list, 2));
      s.skipped++;
      continue;
    }
    if (s.total == capacity) {
      capacity = capacity ? 2 * capacity : 64;
      paths = sqlite3_realloc64(paths, capacity * sizeof *paths);
      sizes = sqlite3_realloc64(sizes, capacity * sizeof *sizes);
      if (!paths || !sizes) {
        fprintf(stderr, "ibid load: out of memory\n");
        rc = SQLITE_NOMEM;
        break;
      }
    }
    paths[s.total] = sqlite3_mprintf("%s", path);
    sizes[s.total++] = sqlite3_column_double(list, 1);
  }
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "ibid load: %s: %s\n", folder, sqlite3_errmsg(db));
    goto free_queue;
  }
  {
    sqlite3_stmt *count = 0;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM ibid_files(?1) WHERE error IS NULL", -1, &count,
                       0);
    sqlite3_bind_text(count, 1, folder, -1, SQLITE_STATIC);
    unchanged = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int(count, 0) - s.total : 0;
    sqlite3_finalize(count);
  }

  struct sigaction action = {0}, old_int, old_term;
  action.sa_handler = ibid_cli_on_signal;
  action.sa_flags = SA_RESETHAND; /* a second Ctrl-C kills: the journal undoes the rest */
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &old_int);
  sigaction(SIGTERM, &action, &old_term);
  fprintf(stderr, "ibid: %s: %d files to load, %d already loaded unchanged\n", folder, s.total,
          unchanged);
  s.started = s.printed = ibid_cli_now();
  if (jobs > 1 && s.total > 1 && ibid_cli_load_parallel(db, db_path, paths, sizes, &s, jobs)) {
    sigaction(SIGINT, &old_int, 0);
    sigaction(SIGTERM, &old_term, 0);
    rc = SQLITE_ERROR;
    goto free_queue;
  }
  for (int i = 0; i < s.total && !ibid_cli_stop && (jobs <= 1 || s.total <= 1); i++) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
    sqlite3_reset(insert);
    sqlite3_bind_text(insert, 1, paths[i], -1, SQLITE_STATIC);
    rc = sqlite3_step(insert);
    if (rc == SQLITE_DONE && sqlite3_changes(db) == 0) {
      sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
      ibid_cli_load_say(&s, "ibid: skipped, format not recognized: %s%s\n", paths[i], "");
      s.skipped++;
    } else if (rc != SQLITE_DONE) {
      ibid_cli_load_say(&s, "ibid: failed: %s: %s\n", paths[i], sqlite3_errmsg(db));
      sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
      s.failed++;
    } else if (sqlite3_exec(db, "COMMIT", 0, 0, 0) != SQLITE_OK) {
      ibid_cli_load_say(&s, "ibid: failed: %s: %s\n", paths[i], sqlite3_errmsg(db));
      sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
      s.failed++;
    } else {
      s.loaded++;
      s.bytes += sizes[i];
      sqlite3_reset(error);
      sqlite3_bind_text(error, 1, paths[i], -1, SQLITE_STATIC);
      if (sqlite3_step(error) == SQLITE_ROW && sqlite3_column_type(error, 0) != SQLITE_NULL) {
        ibid_cli_load_say(&s, "ibid: loaded, but: %s: %s\n", paths[i],
                          (const char *)sqlite3_column_text(error, 0));
        s.failed++;
      }
    }
    s.done++;
    ibid_cli_load_progress(&s, 0);
  }
  ibid_cli_load_progress(&s, 1);
  sigaction(SIGINT, &old_int, 0);
  sigaction(SIGTERM, &old_term, 0);
  {
    sqlite3_stmt *count = 0;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &count, 0);
    int documents = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int(count, 0) : 0;
    sqlite3_finalize(count);
    if (ibid_cli_stop)
      fprintf(stderr,
              "ibid: interrupted: %d of %d loaded, %d left; run the same command again to go on\n",
              s.loaded, s.total, s.total - s.done);
    fprintf(stderr,
            "ibid: %d documents loaded (%d with a problem), %d skipped; %s has %d documents\n",
            s.loaded, s.failed, s.skipped, db_path, documents);
  }
  rc = ibid_cli_stop ? 130 : 0;
free_queue:
  for (int i = 0; i < s.total; i++) sqlite3_free(paths[i]);
  sqlite3_free(paths);
  sqlite3_free(sizes);
done:
  sqlite3_finalize(list);
  sqlite3_finalize(insert);
  sqlite3_finalize(error);
  sqlite3_close(db);
  return rc == 130 ? 130 : rc == 0 ? 0 : 1;
}

/* ----- export ------------------------------------------------------------- */

static int cmd_export(const char *db_path, const char *format, const char *output, int all) {
  static const struct {
    const char *name, *sql;
  } formats[] = {
      {"csl",
       "SELECT coalesce(json_group_array(json(csl)), '[]') || char(10) FROM "
       "(SELECT csl FROM %s ORDER BY work_id)"},
      {"bibtex",
       "SELECT coalesce(ibid_group_bibtex(csl), '') FROM (SELECT csl FROM %s ORDER BY work_id)"},
      {"biblatex",
       "SELECT coalesce(ibid_group_biblatex(csl), '') FROM (SELECT csl FROM %s ORDER BY work_id)"},
      {"ris",
       "SELECT coalesce(ibid_group_ris(csl), '') FROM (SELECT csl FROM %s ORDER BY work_id)"},
  };
  const char *template = 0;
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(format, formats[i].name) == 0) template = formats[i].sql;
  if (!template) {
    fprintf(stderr, "ibid export: unknown format '%s': csl, bibtex, biblatex or ris\n", format);
    return 2;
  }
  sqlite3 *db;
  if (ibid_cli_open(db_path, 0, &db)) return 1;
  const char *view = all ? "bibliography_all" : "bibliography";
  char *sql = sqlite3_mprintf(template, view);
  sqlite3_stmt *statement = 0;
  int rc = sqlite3_prepare_v2(db, sql, -1, &statement, 0);
  sqlite3_free(sql);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  if (rc != SQLITE_ROW) {
    fprintf(stderr, "ibid export: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return 1;
  }
  FILE *out = output ? fopen(output, "w") : stdout;
  if (!out) {
    fprintf(stderr, "ibid export: %s: %s\n", output, strerror(errno));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return 1;
  }
  fwrite(sqlite3_column_text(statement, 0), 1, sqlite3_column_bytes(statement, 0), out);
  int failed = ferror(out);
  if (output) failed |= fclose(out) != 0;
  sqlite3_finalize(statement);
  char *count_sql = sqlite3_mprintf("SELECT count(*) FROM %s", view);
  sqlite3_prepare_v2(db, count_sql, -1, &statement, 0);
  sqlite3_free(count_sql);
  int works = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  sqlite3_finalize(statement);
  sqlite3_close(db);
  if (failed) {
    fprintf(stderr, "ibid export: writing %s failed\n", output ? output : "stdout");
    return 1;
  }
  if (output) fprintf(stderr, "ibid: wrote %d works to %s (%s)\n", works, output, format);
  return 0;
}

/* ----- sql ---------------------------------------------------------------- */

/* The extension file for the shell: see HOW IT WORKS. */
static char *find_extension(void) {
  const char *given = getenv("IBID_EXTENSION");
  if (given && *given) return sqlite3_mprintf("%s", given);
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = 0;
    char *slash = strrchr(self, '/');
    if (slash) *slash = 0;
    const char *candidates[] = {"%s/../lib/ibid.so", "%s/../ibid.so"};
    for (size_t i = 0; i < 2; i++) {
      char *path = sqlite3_mprintf(candidates[i], self);
      char resolved[PATH_MAX];
      if (path && realpath(path, resolved)) {
        sqlite3_free(path);
        return sqlite3_mprintf("%s", resolved);
      }
      sqlite3_free(path);
    }
  }
  return sqlite3_mprintf("ibid");
}

static int cmd_sql(const char *db_path, int argc, char **argv) {
  char *extension = find_extension();
  char *load = sqlite3_mprintf(".load '%s'", extension);
  setenv("IBID_EXTENSION", extension, 1);
  char **args = calloc((size_t)argc + 5, sizeof *args);
  if (!args || !load) return 1;
  int n = 0;
  args[n++] = "sqlite3";
  args[n++] = "-cmd";
  args[n++] = load;
  args[n++] = (char *)db_path;
  for (int i = 0; i < argc; i++) args[n++] = argv[i];
  args[n] = 0;
  execvp("sqlite3", args);
  fprintf(stderr, "ibid sql: cannot run sqlite3 (%s): apt-get install sqlite3\n", strerror(errno));
  return 127;
}

/* ----- main --------------------------------------------------------------- */

/* -j N: a number from 1 to 1024, or 0 ("all") for every core; -1 when not a number. */
static int parse_jobs(const char *text) {
  if (!strcmp(text, "all") || !strcmp(text, "0")) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (int)(cores < 1024 ? cores : 1024) : 1;
  }
  char *end = 0;
  long n = strtol(text, &end, 10);
  return end && !*end && n >= 1 && n <= 1024 ? (int)n : -1;
}

int main(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
      !strcmp(argv[1], "help")) {
    fputs(ibid_cli_usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  /* A statement journal (the pages a statement changes that were there before it, kept
  ** to undo the statement) goes to a temporary file once it passes 64 KB, SQLite's
  ** default. Merging a shard (`load -j`) journals some MB per statement: kept in memory
  ** up to 64 MB instead (this process's own setting, made before SQLite starts), it is
  ** not written to disk at all (docs/scale.md). */
  sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 64 << 20);
  sqlite3_auto_extension((void (*)(void))sqlite3_ibid_init);
  if (!strcmp(argv[1], "--version")) {
    sqlite3 *db;
    sqlite3_stmt *statement;
    sqlite3_open(":memory:", &db);
    if (sqlite3_prepare_v2(db, "SELECT ibid_version()", -1, &statement, 0) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      printf("ibid %s, SQLite %s\n", sqlite3_column_text(statement, 0), sqlite3_libversion());
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return 0;
  }
  const char *command = argv[1];
  const char *db_path = getenv("IBID_DB") && *getenv("IBID_DB") ? getenv("IBID_DB") : "ibid.db";
  const char *output = 0, *format = "csl", *folder = 0;
  int all = 0, jobs = 1;
  /* `sql` passes whatever follows --db on to sqlite3. */
  if (!strcmp(command, "sql")) {
    int i = 2;
    if (i + 1 < argc && !strcmp(argv[i], "--db")) {
      db_path = argv[i + 1];
      i += 2;
    }
    return cmd_sql(db_path, argc - i, argv + i);
  }
  for (int i = 2; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (!strcmp(a, "--db") && has_value)
      db_path = argv[++i];
    else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has_value)
      output = argv[++i];
    else if ((!strcmp(a, "--format") || !strcmp(a, "-f")) && has_value)
      format = argv[++i];
    else if (!strcmp(a, "--all"))
      all = 1;
    else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && has_value)
      jobs = parse_jobs(argv[++i]);
    else if (!strncmp(a, "-j", 2) && a[2])
      jobs = parse_jobs(a + 2);
    else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(ibid_cli_usage, stdout);
      return 0;
    } else if (a[0] != '-' && !folder)
      folder = a;
    else {
      fprintf(stderr, "ibid %s: unexpected argument '%s'\n%s", command, a, ibid_cli_usage);
      return 2;
    }
  }
  if (!strcmp(command, "load")) {
    if (jobs < 1) {
      fprintf(stderr, "ibid load: -j needs a number of processes, 1 or more\n");
      return 2;
    }
    if (!folder) {
      fprintf(stderr, "ibid load: which folder? ibid load FOLDER [-j N] [--db FILE]\n");
      return 2;
    }
    return cmd_load(db_path, folder, jobs);
  }
  if (folder) {
    fprintf(stderr, "ibid %s: unexpected argument '%s'\n", command, folder);
    return 2;
  }
  if (!strcmp(command, "export")) return cmd_export(db_path, format, output, all);
  if (!strcmp(command, "report")) return ibid_cli_report(db_path, output ? output : "report");
  fprintf(stderr, "ibid: unknown command '%s'\n%s", command, ibid_cli_usage);
  return 2;
}
