/*
** sql_modules.h -- the registration function of each SQL module; ibid.c calls
** them in this order when the extension loads. Each returns SQLITE_OK or the
** first error, leaving the message in sqlite3_errmsg(db).
*/
#ifndef IBID_SQL_MODULES_H
#define IBID_SQL_MODULES_H
#include "sqlite3ext.h"

int ibid_register_text(sqlite3 *db);       /* ibid_clean */
int ibid_register_blocks(sqlite3 *db);     /* ibid_blocks */
int ibid_register_sentences(sqlite3 *db);  /* ibid_sentences */
int ibid_register_tokenizer(sqlite3 *db);  /* FTS5 tokenizer "ibid" */
int ibid_register_meta(sqlite3 *db);       /* ibid_meta, ibid_work_key */
int ibid_register_notes(sqlite3 *db);      /* ibid_notes, ibid_markers */
int ibid_register_cites(sqlite3 *db);      /* ibid_cites */
int ibid_register_references(sqlite3 *db); /* ibid_parse_reference */
int ibid_register_reference_list(
    sqlite3 *db); /* ibid_references, ibid_reference_entries, ibid_reference_links */
/* ibid_cases, ibid_questions, ibid_findings, ibid_evidence, ibid_claims, ibid_entities,
** ibid_events: one cache of the last text's layers (ext/findings/sql_layers.h) */
int ibid_register_findings(sqlite3 *db);
int ibid_register_convert(sqlite3 *db); /* ibid_format, ibid_convert */
int ibid_register_files(sqlite3 *db);   /* ibid_files */
int ibid_register_export(sqlite3 *db);  /* ibid_bibtex, ibid_ris and their aggregates */
int ibid_register_graph(sqlite3 *db);   /* ibid_dot */
int ibid_register_schema(sqlite3 *db);  /* ibid_init */

#endif
