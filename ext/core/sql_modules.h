/*
** sql_modules.h -- the registration function of each SQL module; ibid.c calls
** them in this order when the extension loads. Each returns SQLITE_OK or the
** first error, leaving the message in sqlite3_errmsg(db).
*/
#ifndef IBID_SQL_MODULES_H
#define IBID_SQL_MODULES_H
#include <stddef.h>

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
int ibid_register_ingest(sqlite3 *db);  /* ibid_ingest (the ingest trigger's writer) */

/*
** The row builders of each layer: the rows of one table-valued function from
** the layer's parsed result, in its column order. The function's fill and
** ibid_ingest (ext/corpus/sql_ingest.c), which computes each layer once and
** writes the rows to the corpus tables, both use them, so the tables hold
** exactly what the functions return.
*/
typedef struct ibid_rows ibid_rows;
struct ibid_block;
struct ibid_sentence;
struct ibid_note;
struct ibid_marker;
struct ibid_cite;
struct ibid_findings;
struct ibid_claim;
struct ibid_entity;
struct ibid_event;
struct ibid_csl_folder;

/* Those taking [from, to) give the rows of items from .. to - 1 (n = index + 1), so that a
** long layer can be written in slices. */
int ibid_rows_add_blocks(ibid_rows *rows, const struct ibid_block *blocks, size_t from, size_t to);
int ibid_rows_add_sentences(ibid_rows *rows, const struct ibid_sentence *sentences, size_t from,
                            size_t to);
int ibid_rows_add_notes(ibid_rows *rows, const struct ibid_note *notes, size_t count);
int ibid_rows_add_markers(ibid_rows *rows, const struct ibid_note *notes,
                          const struct ibid_marker *markers, size_t count);
int ibid_rows_add_cites(ibid_rows *rows, const struct ibid_cite *cites, size_t from, size_t to);
/* ibid_references of text, from its notes (ibid_find_notes); folder may be NULL (no work keys).
** With link_count, how many rows ibid_reference_links(text) has, from the same list and notes,
** and with links too, those rows (ibid_find_reference_links; the caller frees them). */
struct ibid_reference_link;
int ibid_rows_add_references(ibid_rows *rows, struct ibid_csl_folder *folder, const char *text,
                             size_t length, const struct ibid_note *notes, size_t note_count,
                             struct ibid_reference_link **links, size_t *link_count);
int ibid_rows_add_cases(ibid_rows *rows, const struct ibid_findings *analysis);
int ibid_rows_add_questions(ibid_rows *rows, const struct ibid_findings *analysis);
int ibid_rows_add_findings(ibid_rows *rows, const struct ibid_findings *analysis);
int ibid_rows_add_evidence(ibid_rows *rows, const struct ibid_findings *analysis);
int ibid_rows_add_claims(ibid_rows *rows, const struct ibid_claim *claims, size_t from, size_t to);
int ibid_rows_add_entities(ibid_rows *rows, const struct ibid_entity *entities, size_t from,
                           size_t to);
int ibid_rows_add_events(ibid_rows *rows, const struct ibid_event *events, size_t from, size_t to);

#endif
