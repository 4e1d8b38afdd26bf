/*
** ris.h -- one RIS record from one CSL-JSON item.
**
**   {"type":"article-journal","author":[{"family":"Mills","given":"Kurt"}],
**    "title":"African Resistance","container-title":"Review of International
**    Studies","issued":{"date-parts":[[2018,1]]},"page":"101-127"}
** becomes (lines end in LF, tags are "XX  - ", two spaces as the RIS spec says)
**   TY  - JOUR
**   AU  - Mills, Kurt
**   TI  - African Resistance
**   T2  - Review of International Studies
**   PY  - 2018///
**   DA  - 2018/01//
**   SP  - 101
**   EP  - 127
**   ER  -
** (the ER line is "ER  - " with the trailing space of an empty value).
**
** TY: article-journal (and article with a container) JOUR, article-magazine
** MGZN, article-newspaper NEWS, book BOOK, chapter and encyclopedia/dictionary
** entries CHAP, paper-conference CONF, report RPRT, thesis THES, webpage/post/
** post-weblog ELEC, legal_case CASE, legislation/bill STAT, anything else GEN
** (a treaty is GEN with "Treaty" in N1).
** Tags: AU authors and A2 editors ("Family, Given, Suffix"; institutions as
** written), TI, T2 container, T3 collection, PY "YYYY///", DA "YYYY/MM/DD/"
** when the month is known, VL, IS (issue; a report's number), SP/EP (the page
** range split at its dash), ET, PB (publisher, else a court's authority), CY,
** DO, UR, SN (ISBN and ISSN), AB, KW (one per keyword: CSL "keyword" split
** at commas/semicolons, or a "keywords" array), N1 (the note; the access date
** as its own "N1  - Accessed YYYY-MM-DD": bibutils misreads Y2), ER.
** Values are single lines: white space and control bytes collapse to spaces.
*/
#ifndef IBID_RIS_H
#define IBID_RIS_H
#include <stddef.h>

#include "buffer.h"
#include "json.h"

/* The RIS type (TY) for item `node`. */
const char *ibid_ris_type(const ibid_json_document *item, long node);

/* Appends the record of item `node`, ending with "ER  - \n". */
void ibid_ris_write(const ibid_json_document *item, long node, ibid_buffer *out);

/* CSL-JSON text -> one record appended to out; statuses as ibid_bibtex_entry. */
ibid_json_status ibid_ris_entry(const char *json, size_t length, ibid_buffer *out,
                                ibid_json_error *error);

#endif
