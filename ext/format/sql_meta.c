/*
** sql_meta.c -- ibid_meta(text) and ibid_work_key(csl_json).
**
**   SELECT ibid_meta(readfile('paper.txt'));
**     -> {"type":"article-journal","title":"...","author":[{"family":"Mills",...}],...}
**   SELECT ibid_work_key(ibid_meta(readfile('paper.txt')));
**     -> mills::african-resistance-international-criminal-court
**
** ibid_meta wraps ibid_meta_json() (ext/format/meta.h): the document's metadata as a
** CSL-JSON object ("{}" when nothing is found), with the JSON subtype so the
** json_* functions read it as JSON. ibid_work_key wraps ibid_csl_work_key()
** (ext/references/csl.h): a key shared by every description of the same work; NULL when
** the item has neither title nor author; an error when the text is not JSON.
** Both: NULL in, NULL out; a BLOB holding UTF-8 is accepted.
**
** The ICU transliterator that folds names and titles is opened on the first
** ibid_work_key call of a connection and closed with it.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "csl.h"
#include "memory.h"
#include "meta.h"
#include "sql_modules.h"

#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0x001000000
#endif

/* The subtype SQLite's JSON functions give (and recognise on) JSON text. */
#define META_JSON_SUBTYPE 74

typedef struct meta_client {
  ibid_csl_folder *folder; /* opened lazily: most connections never need it */
} meta_client;

static void meta_client_destroy(void *pointer) {
  meta_client *client = pointer;
  if (!client) return;
  ibid_csl_folder_close(client->folder);
  sqlite3_free(client);
}

static void meta_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *text;
  size_t length;
  if (ibid_argument_text(context, argv[0], "ibid_meta", &text, &length) <= 0) return;
  size_t json_length = 0;
  char *json = ibid_meta_json(text, length, &json_length);
  if (!json) {
    sqlite3_result_error_nomem(context);
    return;
  }
  /* ibid_malloc is sqlite3_malloc64 inside the extension (ext/core/sql_memory.c) */
  sqlite3_result_text64(context, json, json_length, ibid_free, SQLITE_UTF8);
  sqlite3_result_subtype(context, META_JSON_SUBTYPE);
}

static void work_key_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *json;
  size_t length;
  if (ibid_argument_text(context, argv[0], "ibid_work_key", &json, &length) <= 0) return;
  meta_client *client = sqlite3_user_data(context);
  if (!client->folder) client->folder = ibid_csl_folder_open();
  if (!client->folder) {
    sqlite3_result_error(context, "ibid_work_key: ICU transliterator Any-Latin unavailable", -1);
    return;
  }
  char *key = NULL;
  size_t key_length = 0;
  ibid_csl_status status = ibid_csl_work_key(client->folder, json, length, &key, &key_length);
  if (status == IBID_CSL_BAD_JSON) {
    sqlite3_result_error(context, "ibid_work_key: argument is not valid JSON", -1);
  } else if (status != IBID_CSL_OK) {
    sqlite3_result_error_nomem(context);
  } else if (key) {
    sqlite3_result_text64(context, key, key_length, ibid_free, SQLITE_UTF8);
  }
}

int ibid_register_meta(sqlite3 *db) {
  int rc = sqlite3_create_function_v2(db, "ibid_meta", 1, IBID_PURE | SQLITE_RESULT_SUBTYPE, 0,
                                      meta_function, 0, 0, 0);
  if (rc != SQLITE_OK) return rc;
  meta_client *client = sqlite3_malloc64(sizeof(meta_client));
  if (!client) return SQLITE_NOMEM;
  client->folder = NULL;
  /* sqlite3_create_function_v2 calls the destructor itself when it fails */
  return sqlite3_create_function_v2(db, "ibid_work_key", 1, IBID_PURE, client, work_key_function, 0,
                                    0, meta_client_destroy);
}
