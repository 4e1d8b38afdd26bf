/*
** sql_tokenizer.c -- the FTS5 tokenizer "ibid".
**
**   CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='ibid');
**   INSERT INTO docs VALUES ('Côte d’Ivoire accepted the Court’s jurisdiction.');
**   SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH 'cote';
**   -- [Côte] d’Ivoire accepted the Court’s jurisdiction.
**
** Words are ICU word-break segments, split at apostrophes, case-folded,
** NFKD-normalized and stripped of accents (ext/text/words.c), so 'cote', 'Côte'
** and 'COTE' match alike and the phrase "d'ivoire" matches "d’Ivoire".
** Option: tokenize='ibid keep_diacritics' keeps accents ('côte' and 'cote'
** then differ). Any other option fails CREATE VIRTUAL TABLE; FTS5 reports
** only "error in tokenizer constructor", so the full message (with the valid
** options) goes to sqlite3_log.
**
** HOW IT WORKS: the API pointer comes from SELECT fts5(?1) with
** sqlite3_bind_pointer (sqlite.org/fts5.html "Extending FTS5"); the v1
** tokenizer interface is the one SQLite 3.40 has. Each tokenizer instance (one
** per FTS5 table) owns its ICU word iterator and buffers. Offsets passed to
** xToken are byte offsets into the UTF-8 FTS5 handed us, as FTS5 requires for
** snippet() and highlight(). The all-ASCII runs of a text are cut by
** tokenizer_fast.h, which hands FTS5 the input bytes themselves when a word
** needs no folding; the rest goes to words.c, with the same tokens.
*/
#include <string.h>

#include "sql_common.h"
SQLITE_EXTENSION_INIT3
#include "sql_modules.h"
#include "tokenizer_fast.h"
#include "words.h"

/* The v1 declarations of sqlite's ext/fts5/fts5.h (not installed by Debian's
** libsqlite3-dev). Only the members we use are typed precisely; the layout
** is what matters. */
typedef struct ibid_fts5_tokenizer_instance ibid_fts5_tokenizer_instance;
typedef int (*ibid_fts5_token_callback)(void *context, int flags, const char *token, int length,
                                        int start, int end);
typedef struct ibid_fts5_tokenizer {
  int (*xCreate)(void *user_data, const char **arguments, int argument_count,
                 ibid_fts5_tokenizer_instance **out);
  void (*xDelete)(ibid_fts5_tokenizer_instance *instance);
  int (*xTokenize)(ibid_fts5_tokenizer_instance *instance, void *context, int flags,
                   const char *text, int length, ibid_fts5_token_callback callback);
} ibid_fts5_tokenizer;
typedef struct ibid_fts5_api ibid_fts5_api;
struct ibid_fts5_api {
  int iVersion;
  int (*xCreateTokenizer)(ibid_fts5_api *api, const char *name, void *user_data,
                          ibid_fts5_tokenizer *tokenizer, void (*destroy)(void *));
  void (*xFindTokenizer)(void);  /* unused */
  void (*xCreateFunction)(void); /* unused */
};

#define TOKENIZER_OPTIONS "keep_diacritics"

struct ibid_fts5_tokenizer_instance {
  ibid_fast_tokenizer fast; /* fast.words: words.c's tokenizer */
};

static int tokenizer_create(void *user_data, const char **arguments, int argument_count,
                            ibid_fts5_tokenizer_instance **out) {
  (void)user_data;
  int keep_diacritics = 0;
  *out = 0;
  for (int i = 0; i < argument_count; i++) {
    if (sqlite3_stricmp(arguments[i], "keep_diacritics") == 0) {
      keep_diacritics = 1;
    } else {
      sqlite3_log(SQLITE_ERROR, "ibid tokenizer: unknown option '%s' (valid options: %s)",
                  arguments[i], TOKENIZER_OPTIONS);
      return SQLITE_ERROR;
    }
  }
  ibid_fts5_tokenizer_instance *instance = sqlite3_malloc64(sizeof(*instance));
  if (!instance) return SQLITE_NOMEM;
  memset(instance, 0, sizeof(*instance));
  instance->fast.words = ibid_word_tokenizer_new(keep_diacritics);
  if (!instance->fast.words) {
    sqlite3_free(instance);
    return SQLITE_NOMEM;
  }
  *out = instance;
  return SQLITE_OK;
}

static void tokenizer_delete(ibid_fts5_tokenizer_instance *instance) {
  if (!instance) return;
  ibid_word_tokenizer_free(instance->fast.words);
  ibid_fast_tokenizer_free_buffers(&instance->fast);
  sqlite3_free(instance);
}

typedef struct token_sink {
  void *context;
  ibid_fts5_token_callback callback;
} token_sink;

static int forward_token(void *context, const char *word, size_t word_length, size_t start,
                         size_t end) {
  token_sink *sink = context;
  return sink->callback(sink->context, 0, word, (int)word_length, (int)start, (int)end);
}

static int tokenizer_tokenize(ibid_fts5_tokenizer_instance *instance, void *context, int flags,
                              const char *text, int length, ibid_fts5_token_callback callback) {
  /* Documents and queries are tokenized alike (FTS5_TOKENIZE_QUERY,
  ** _PREFIX, _DOCUMENT and _AUX want the same tokens; no colocated ones). */
  (void)flags;
  if (!text || length <= 0) return SQLITE_OK;
  token_sink sink = {context, callback};
  int rc = ibid_tokenize_words_fast(&instance->fast, text, (size_t)length, forward_token, &sink);
  if (rc == -1) return SQLITE_NOMEM;
  if (rc < 0) return SQLITE_ERROR;
  return rc; /* SQLITE_OK, or what xToken returned */
}

/* The fts5_api of db, or NULL when FTS5 is not compiled in. */
static ibid_fts5_api *fts5_api_of(sqlite3 *db) {
  ibid_fts5_api *api = 0;
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) != SQLITE_OK) return 0;
  sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
  sqlite3_step(statement);
  sqlite3_finalize(statement);
  return api;
}

int ibid_register_tokenizer(sqlite3 *db) {
  static ibid_fts5_tokenizer methods = {
      .xCreate = tokenizer_create,
      .xDelete = tokenizer_delete,
      .xTokenize = tokenizer_tokenize,
  };
  ibid_fts5_api *api = fts5_api_of(db);
  if (!api || api->iVersion < 2) {
    /* Leaves "no such function: fts5" (or the like) in sqlite3_errmsg for the load message. */
    sqlite3_log(SQLITE_ERROR, "ibid: this SQLite has no FTS5; the 'ibid' tokenizer needs it");
    return SQLITE_ERROR;
  }
  return api->xCreateTokenizer(api, "ibid", 0, &methods, 0);
}
