/*
** sql_export.c -- clean CSL-JSON, BibTeX and RIS out of CSL-JSON.
**
**   SELECT ibid_csl('{"type":"book","title":"Justice in Conflict","subtitle":"the ICC",
**                     "author":[{"family":"Kersten","given":"Mark","role":"x"}]}');
**     -> {"type":"book","title":"Justice in Conflict: the ICC",
**         "author":[{"family":"Kersten","given":"Mark"}]}
**   SELECT ibid_bibtex('{"type":"book","title":"The ICC","author":[{"family":"Schabas",
**                        "given":"William"}],"issued":{"date-parts":[[2016]]}}');
**     -> @book{schabas2016icc,
**          author = {Schabas, William},
**          title = {The {ICC}},
**          year = {2016}
**        }
**   SELECT ibid_biblatex(csl) FROM bibliography;       -- the same for biblatex/biber
**   SELECT ibid_citekey(csl);                          -- 'mills2018african'
**   SELECT ibid_citekey(csl, 'mills2018african');      -- 'mills2018africana'
**   SELECT ibid_ris(csl) FROM bibliography;            -- one RIS record per work
**   SELECT ibid_group_bibtex(csl) FROM bibliography;   -- a whole .bib file
**   SELECT ibid_group_ris(csl) FROM bibliography;      -- a whole .ris file
**   SELECT ibid_group_biblatex(csl) FROM bibliography; -- a whole biblatex .bib file
**
** ibid_csl(csl_json) is the item with only what every CSL processor reads
** (ext/csl_export.h: CSL variables, clean names and dates, the subtitle in the
** title, keywords as one string); the `bibliography` view is made of it.
** ibid_bibtex(csl_json) and ibid_ris(csl_json) write one entry (ext/bibtex.h,
** ext/ris.h: the mapping of types and fields); ibid_group_bibtex and
** ibid_group_ris are aggregates writing every entry of the group, separated by
** a blank line, with BibTeX keys made unique in the group (a, b, c ... added
** to the second, third ... use of a key). Every entry ends in a newline.
** ibid_citekey(csl [, taken]) is the Better BibTeX-style key of an item
** (ext/bibtex.h ibid_bibtex_citekey), its id ignored; with `taken`, the
** space-separated keys already used, the first of key, key+a, key+b ... not
** among them (the schema's works_citekey trigger passes the keys sharing its
** prefix). NULL in, NULL out; NULL rows are skipped (an aggregate of only NULLs is
** NULL). Text that is not JSON, or JSON that is not an object, is an error
** naming the function, the row (aggregates) and the byte offset of the fault.
**
** The ICU transliterator that folds names and titles into keys ("García" ->
** "garcia") is opened on the first BibTeX call of a connection and closed with
** it; the four functions share it through a reference-counted client.
*/
#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include <string.h>

#include "bibtex.h"
#include "buffer.h"
#include "csl.h"
#include "csl_export.h"
#include "memory.h"
#include "ris.h"
#include "sql_modules.h"

typedef struct export_client {
  ibid_csl_folder *folder; /* opened lazily: only BibTeX keys need it */
  int references;          /* one per registered function */
} export_client;

static void export_client_release(void *pointer) {
  export_client *client = pointer;
  if (--client->references > 0) return;
  ibid_csl_folder_close(client->folder);
  sqlite3_free(client);
}

/* The folder, opened on first use; NULL after setting an error. */
static ibid_csl_folder *export_folder(sqlite3_context *context, const char *function) {
  export_client *client = sqlite3_user_data(context);
  if (!client->folder) client->folder = ibid_csl_folder_open();
  if (!client->folder) {
    char *message =
        sqlite3_mprintf("%s: ICU transliterator Any-Latin; Latin-ASCII unavailable", function);
    sqlite3_result_error(context, message ? message : function, -1);
    sqlite3_free(message);
  }
  return client->folder;
}

/* Reports a failed conversion; `row` is 0 for a scalar call. */
static void export_error(sqlite3_context *context, const char *function, long long row,
                         ibid_json_status status, const ibid_json_error *error) {
  if (status == IBID_JSON_NO_MEMORY) {
    sqlite3_result_error_nomem(context);
    return;
  }
  char *where =
      row ? sqlite3_mprintf("%s: row %lld", function, row) : sqlite3_mprintf("%s", function);
  char *message;
  if (status == IBID_JSON_SYNTAX_ERROR)
    message = sqlite3_mprintf("%s: invalid JSON at byte %lld: %s", where ? where : function,
                              (long long)error->offset, error->message);
  else
    message = sqlite3_mprintf("%s: %s", where ? where : function, ibid_json_status_message(status));
  sqlite3_result_error(context, message ? message : function, -1);
  sqlite3_free(message);
  sqlite3_free(where);
}

static void export_result(sqlite3_context *context, ibid_buffer *out) {
  size_t length = 0;
  char *text = ibid_buffer_take(out, &length);
  if (!text) {
    sqlite3_result_error_nomem(context);
    return;
  }
  /* ibid_malloc is sqlite3_malloc64 inside the extension (ext/sql_memory.c) */
  sqlite3_result_text64(context, text, length, ibid_free, SQLITE_UTF8);
}

/* ----- one entry ------------------------------------------------------------ */

typedef enum export_format { EXPORT_CSL, EXPORT_BIBTEX, EXPORT_BIBLATEX, EXPORT_RIS } export_format;

/* Appends the entry of one CSL-JSON text in `format`. folder and keys are
** for BibTeX only (keys NULL: a single entry, no group to be unique in). */
static ibid_json_status export_entry(export_format format, const char *json, size_t length,
                                     ibid_csl_folder *folder, ibid_bibtex_keys *keys,
                                     ibid_buffer *out, ibid_json_error *error) {
  switch (format) {
    case EXPORT_BIBTEX:
    case EXPORT_BIBLATEX:
      return ibid_bibtex_entry(json, length, folder, keys, format == EXPORT_BIBLATEX, out, error);
    case EXPORT_RIS:
      return ibid_ris_entry(json, length, out, error);
    case EXPORT_CSL:
      break;
  }
  return ibid_csl_export(json, length, out, error);
}

/* ----- scalars --------------------------------------------------------------- */

static void export_scalar(sqlite3_context *context, sqlite3_value *value, const char *function,
                          export_format format) {
  const char *json;
  size_t length;
  if (ibid_argument_text(context, value, function, &json, &length) <= 0) return;
  ibid_csl_folder *folder = NULL;
  if ((format == EXPORT_BIBTEX || format == EXPORT_BIBLATEX) &&
      !(folder = export_folder(context, function)))
    return;
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_json_error error;
  ibid_json_status status = export_entry(format, json, length, folder, NULL, &out, &error);
  if (status == IBID_JSON_OK)
    export_result(context, &out);
  else
    export_error(context, function, 0, status, &error);
  ibid_buffer_free(&out);
}

static void csl_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  export_scalar(context, argv[0], "ibid_csl", EXPORT_CSL);
}

static void bibtex_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  export_scalar(context, argv[0], "ibid_bibtex", EXPORT_BIBTEX);
}

static void biblatex_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  export_scalar(context, argv[0], "ibid_biblatex", EXPORT_BIBLATEX);
}

/* Whether `key` (length bytes) is one of the space-separated words of taken. */
static int citekey_taken(const char *taken, const char *key, size_t length) {
  for (const char *at = taken; at && *at;) {
    while (*at == ' ') at++;
    const char *end = at;
    while (*end && *end != ' ') end++;
    if ((size_t)(end - at) == length && !memcmp(at, key, length)) return 1;
    at = end;
  }
  return 0;
}

/* ibid_citekey(csl [, taken]): the Better BibTeX-style key of a CSL item;
** with `taken` (the keys already used, space-separated), the first of key,
** key + a, key + b, ... not among them. */
static void citekey_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  const char *json;
  size_t length;
  if (ibid_argument_text(context, argv[0], "ibid_citekey", &json, &length) <= 0) return;
  ibid_csl_folder *folder = export_folder(context, "ibid_citekey");
  if (!folder) return;
  ibid_json_document item;
  ibid_json_error error;
  ibid_json_status status = ibid_json_parse_object(json, length, &item, &error);
  ibid_buffer key;
  ibid_buffer_init(&key);
  if (status == IBID_JSON_OK) ibid_bibtex_citekey(&item, 0, folder, &key);
  ibid_json_free(&item);
  if (status != IBID_JSON_OK) {
    export_error(context, "ibid_citekey", 0, status, &error);
    ibid_buffer_free(&key);
    return;
  }
  if (!key.failed && !key.length) ibid_buffer_append_string(&key, "item");
  const char *taken = argc > 1 ? (const char *)sqlite3_value_text(argv[1]) : NULL;
  size_t base = key.length;
  for (unsigned long n = 1; !key.failed && citekey_taken(taken, key.data, key.length); n++) {
    /* suffix n in bijective base 26: a..z, aa, ab, ... */
    char letters[16];
    int count = 0;
    for (unsigned long m = n; m > 0 && count < 16; m = (m - 1) / 26)
      letters[count++] = (char)('a' + (m - 1) % 26);
    key.length = base;
    while (count > 0) ibid_buffer_append_char(&key, letters[--count]);
  }
  if (key.failed)
    sqlite3_result_error_nomem(context);
  else
    sqlite3_result_text(context, key.data, (int)key.length, SQLITE_TRANSIENT);
  ibid_buffer_free(&key);
}

static void ris_function(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  export_scalar(context, argv[0], "ibid_ris", EXPORT_RIS);
}

/* ----- aggregates --------------------------------------------------------------- */

typedef struct export_group {
  ibid_buffer out;
  ibid_bibtex_keys *keys; /* BibTeX only */
  long long rows;         /* rows seen, NULL ones included: errors name the row */
  int failed;             /* an error was reported: later rows are ignored */
} export_group;

/* The group state, or NULL (after an error is set) when it cannot be had. */
static export_group *export_group_state(sqlite3_context *context) {
  export_group *group = sqlite3_aggregate_context(context, sizeof(export_group));
  if (!group) sqlite3_result_error_nomem(context);
  return group;
}

static void group_step(sqlite3_context *context, sqlite3_value *value, const char *function,
                       export_format format) {
  export_group *group = export_group_state(context);
  if (!group || group->failed) return;
  group->rows++;
  const char *json;
  size_t length;
  int read = ibid_argument_text(context, value, function, &json, &length);
  if (read < 0) group->failed = 1;
  if (read <= 0) return;
  ibid_csl_folder *folder = NULL;
  if (format == EXPORT_BIBTEX || format == EXPORT_BIBLATEX) {
    folder = export_folder(context, function);
    if (!group->keys) group->keys = ibid_bibtex_keys_new();
    if (!folder || !group->keys) {
      if (folder) sqlite3_result_error_nomem(context);
      group->failed = 1;
      return;
    }
  }
  if (group->out.length)
    ibid_buffer_append_char(&group->out, '\n'); /* a blank line between entries */
  ibid_json_error error;
  ibid_json_status status =
      export_entry(format, json, length, folder, group->keys, &group->out, &error);
  if (status != IBID_JSON_OK) {
    export_error(context, function, group->rows, status, &error);
    group->failed = 1;
  }
}

static void group_final(sqlite3_context *context) {
  export_group *group = sqlite3_aggregate_context(context, 0);
  if (!group) return; /* no rows: NULL */
  if (!group->failed && group->out.length)
    export_result(context, &group->out);
  else if (!group->failed && group->out.failed)
    sqlite3_result_error_nomem(context);
  ibid_buffer_free(&group->out);
  ibid_bibtex_keys_free(group->keys);
  group->keys = NULL;
}

static void group_bibtex_step(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  group_step(context, argv[0], "ibid_group_bibtex", EXPORT_BIBTEX);
}

static void group_biblatex_step(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  group_step(context, argv[0], "ibid_group_biblatex", EXPORT_BIBLATEX);
}

static void group_ris_step(sqlite3_context *context, int argc, sqlite3_value **argv) {
  (void)argc;
  group_step(context, argv[0], "ibid_group_ris", EXPORT_RIS);
}

/* ----- registration --------------------------------------------------------------- */

typedef struct export_function {
  const char *name;
  int arguments; /* -1: one or two */
  void (*scalar)(sqlite3_context *, int, sqlite3_value **);
  void (*step)(sqlite3_context *, int, sqlite3_value **);
} export_function;

static const export_function export_functions[] = {
    {"ibid_csl", 1, csl_function, NULL},
    {"ibid_bibtex", 1, bibtex_function, NULL},
    {"ibid_biblatex", 1, biblatex_function, NULL},
    {"ibid_ris", 1, ris_function, NULL},
    {"ibid_citekey", 1, citekey_function, NULL},
    {"ibid_citekey", 2, citekey_function, NULL},
    {"ibid_group_bibtex", 1, NULL, group_bibtex_step},
    {"ibid_group_biblatex", 1, NULL, group_biblatex_step},
    {"ibid_group_ris", 1, NULL, group_ris_step},
};

int ibid_register_export(sqlite3 *db) {
  export_client *client = sqlite3_malloc64(sizeof(export_client));
  if (!client) return SQLITE_NOMEM;
  client->folder = NULL;
  client->references = 1; /* held by this function until the loop is done */
  int rc = SQLITE_OK;
  for (size_t i = 0; i < sizeof(export_functions) / sizeof(export_functions[0]); i++) {
    const export_function *f = &export_functions[i];
    client->references++; /* sqlite3_create_function_v2 releases it itself on failure */
    rc = sqlite3_create_function_v2(db, f->name, f->arguments, IBID_PURE, client, f->scalar,
                                    f->step, f->step ? group_final : NULL, export_client_release);
    if (rc != SQLITE_OK) break;
  }
  export_client_release(client);
  return rc;
}
