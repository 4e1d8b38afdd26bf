#include "ibid_cli.h"
#include <stdio.h>
int ibid_cli_report(const char *db_path, const char *folder) {
  (void)db_path;
  (void)folder;
  fprintf(stderr, "ibid report: not yet\n");
  return 1;
}
