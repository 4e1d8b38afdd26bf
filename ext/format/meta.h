/*
** meta.h -- document metadata (title, authors, journal, dates, abstract,
** keywords, DOI ...) read from the header of a research text, as CSL-JSON.
**
** Handles labelled records (repository pages whose table cells were
** flattened: "JournalReview of International Studies", "Issue number1",
** "Publication statusPublished - Jan 2018", or "Label: value") and unlabelled
** layouts (title lines at the top, an author line, an "Abstract" heading or an
** abstract-like first paragraph, "Keywords:" lines, DOI/URL lines). Fields the
** text does not state are absent. Only the first IBID_META_WINDOW bytes are
** read: metadata sits at the top, and this keeps any input cheap.
*/
#ifndef IBID_META_H
#define IBID_META_H
#include <stddef.h>

#define IBID_META_WINDOW (64 * 1024)

/*
** Returns the metadata of text[0..length) as a CSL-JSON object (ibid_malloc,
** NUL-terminated, length in *json_length), "{}" when nothing is found, NULL
** when out of memory. Members, in this order, each only when found: type,
** title, subtitle, author [{family, given, role?} or {literal}],
** container-title, volume, issue, page, number-of-pages, issued,
** available-date (CSL dates {"date-parts":[[y,m?,d?]]}), status, publisher,
** publisher-place, edition, DOI, URL, ISSN, ISBN, language, abstract,
** keywords [..].
*/
char *ibid_meta_json(const char *text, size_t length, size_t *json_length);

#endif
