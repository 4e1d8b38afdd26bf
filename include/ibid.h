/*
** ibid.h -- public header of the ibid SQLite extension.
**
** Most users never include this: they load the extension at run time
** (`.load ./ibid`, `sqlite3_load_extension(db, "./ibid", 0, &err)`,
** Python's `load_extension('./ibid')`). An application that links ibid
** statically registers it on each connection with sqlite3_ibid_init, or for
** every connection with
**
**   sqlite3_auto_extension((void (*)(void))sqlite3_ibid_init);
**
** The plain-C parsers behind the SQL functions (no SQLite types; byte offsets
** into valid UTF-8) are declared in ext/<module>.h and listed in docs/.
*/
#ifndef IBID_H
#define IBID_H

#ifdef __cplusplus
extern "C" {
#endif

struct sqlite3;
struct sqlite3_api_routines;

/* Registers every ibid function, table-valued function, the FTS5 tokenizer
** "ibid" and ibid_init() on db. Returns SQLITE_OK or an error code with
** *error_message set (free it with sqlite3_free). */
#if defined(_WIN32)
__declspec(dllexport)
#elif defined(__GNUC__)
__attribute__((visibility("default"))) /* the only exported symbol */
#endif
    int sqlite3_ibid_init(struct sqlite3 *db, char **error_message,
                          const struct sqlite3_api_routines *api);

#ifdef __cplusplus
}
#endif
#endif
