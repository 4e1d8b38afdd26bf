/* ibid_cli.h -- shared by the files of the `ibid` command (cli/). */
#ifndef IBID_CLI_H
#define IBID_CLI_H
#include <sqlite3.h>

/* Opens (create: or makes) the database at path with the schema, a busy
** timeout and ibid registered; prints why and returns 1 on failure. */
int ibid_cli_open(const char *path, int create, sqlite3 **db);

/* `ibid report`: the static HTML site of the database into folder (cli/report.c). */
int ibid_cli_report(const char *db_path, const char *folder);

#endif
