/*
** sql_references.c -- SQL functions over reference strings.
**
**   ibid_parse_reference(text) -> TEXT
**     One reference (a bibliography entry or the reference part of a note) as
**     a CSL-JSON object: type, author/editor/translator, title,
**     container-title, volume, issue, page, issued, publisher, URL, DOI,
**     number (document symbol), authority, ... (docs/refparse.md).
**     NULL in, NULL out; a text without any word gives {}.
**
**     SELECT json_extract(ibid_parse_reference(
**       'Smith, J. (2001). A title. Journal of Things, 12(3), 45-67.'), '$.page');
**     -- 45-67
**
** HOW IT WORKS: the pure parser in refparse.c (token labeller + rules).
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "memory.h"
#include "refparse.h"
#include "sql_modules.h"

static void parse_reference_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *text;
  size_t length;
  if (ibid_argument_text(context, argv[0], "ibid_parse_reference", &text, &length) != 1) return;
  size_t json_length = 0;
  char *json = ibid_parse_reference_json(text, length, &json_length);
  if (!json) {
    sqlite3_result_error_nomem(context);
    return;
  }
  sqlite3_result_text64(context, json, json_length, ibid_free, SQLITE_UTF8);
}

int ibid_register_references(sqlite3 *db) {
  int rc = sqlite3_create_function_v2(db, "ibid_parse_reference", 1, IBID_PURE, NULL,
                                      parse_reference_function, NULL, NULL, NULL);
  /* ibid_references (splitting notes into references) is registered here
  ** later by its own module: add its registration after this line. */
  return rc;
}
