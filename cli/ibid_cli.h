/* ibid_cli.h -- shared by the files of the `ibid` command (cli/). */
#ifndef IBID_CLI_H
#define IBID_CLI_H
#include <sqlite3.h>

/* Opens (create: or makes) the database at path with the schema, a busy
** timeout and ibid registered; prints why and returns 1 on failure. */
int ibid_cli_open(const char *path, int create, sqlite3 **db);

/* ----- ibid load (cli/ibid.c, cli/load_parallel.c) ----- */

typedef struct ibid_cli_load_state {
  int total, done, loaded, failed, skipped;
  double bytes, started, printed;
  int tty;
} ibid_cli_load_state;

/* The progress line (last: the final one). */
void ibid_cli_load_progress(ibid_cli_load_state *s, int last);
/* Prints a line (format with two %s) above the progress line. */
void ibid_cli_load_say(ibid_cli_load_state *s, const char *format, const char *a, const char *b);
/* Nonzero once SIGINT or SIGTERM asked the load to stop. */
int ibid_cli_stopping(void);
/* Loads paths[0..s->total) (sizes in bytes) into db at db_path with `jobs`
** worker processes building shards and this process merging them in order
** (cli/load_parallel.c). Returns 0, or 1 when the load could not run. */
int ibid_cli_load_parallel(sqlite3 *db, const char *db_path, char **paths, const double *sizes,
                           ibid_cli_load_state *s, int jobs);

/* `ibid report`: the static HTML site of the database into folder (cli/report.c). */
int ibid_cli_report(const char *db_path, const char *folder);

#endif
