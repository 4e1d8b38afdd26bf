/*
** bibtex.h -- one BibTeX entry from one CSL-JSON item.
**
**   {"type":"article-journal","author":[{"family":"Mills","given":"Kurt"}],
**    "title":"African Resistance to the ICC","container-title":"Review of
**    International Studies","issued":{"date-parts":[[2018,1]]},"page":"101-127"}
** becomes
**   @article{mills2018african,
**     author = {Mills, Kurt},
**     title = {African Resistance to the {ICC}},
**     journal = {Review of International Studies},
**     year = {2018},
**     month = jan,
**     pages = {101--127}
**   }
**
** ibid_bibtex_write(..., biblatex = 1) writes biblatex instead: see
** ibid_bibtex_write below.
**
** Entry types: article-journal/-magazine/-newspaper and article (with a
** container) -> @article, book -> @book, chapter and encyclopedia/dictionary
** entries -> @incollection, paper-conference -> @inproceedings, report ->
** @techreport, thesis -> @phdthesis (@mastersthesis when the genre says
** master), webpage/post/post-weblog -> @online (biblatex; bibutils reads it),
** everything else -> @misc; legal_case, legislation, bill and treaty -> @misc
** with the kind in `note`.
**
** Key: the item's "id" when it is a usable BibTeX key (a letter, then up to 99
** of A-Z a-z 0-9 _ : . + -); else first author's family name (or first
** significant word of an institutional name) + year + first significant title
** word, folded to lowercase ASCII by ICU ("García" -> "garcia"), e.g.
** "mills2018african"; "item" when all three are missing.
**
** Values keep UTF-8 (biblatex/biber and bibtex8 read it; bibutils needs
** `-i utf8`). TeX specials are escaped: & % $ # _ { } as \& \% ..., ~ ^ \ as
** \textasciitilde{} \textasciicircum{} \textbackslash{}. Titles: each word
** with a capital after its first letter (ICC, R2P, McKenzie) is braced so
** styles that lowercase titles keep it; ordinary capitalised words are not.
** url and doi are written verbatim (only braces, backslashes and spaces are
** percent-encoded, which a URL never needs raw).
*/
#ifndef IBID_BIBTEX_H
#define IBID_BIBTEX_H
#include <stddef.h>

#include "buffer.h"
#include "csl.h"
#include "json.h"

/* The key candidates of one group of entries: make keys unique by suffixing
** a, b, ..., z, aa, ab, ... to the second, third ... use of a key. */
typedef struct ibid_bibtex_keys ibid_bibtex_keys;
ibid_bibtex_keys *ibid_bibtex_keys_new(void); /* NULL when out of memory */
void ibid_bibtex_keys_free(ibid_bibtex_keys *keys);
/* Replaces key (a NUL-terminated buffer) by a key not yet claimed in `keys`
** and claims it. Returns 0 when out of memory. */
int ibid_bibtex_keys_claim(ibid_bibtex_keys *keys, ibid_buffer *key);

/* The BibTeX type name for a CSL type ("article-journal" -> "article"). */
const char *ibid_bibtex_type(const ibid_json_document *item, long node);

/* Appends the key of item `node` to `key` (folder: opened by the caller). */
void ibid_bibtex_key(const ibid_json_document *item, long node, ibid_csl_folder *folder,
                     ibid_buffer *key);

/* Appends the citation key made from item `node`, its id ignored: first
** author's family (or an institution's first significant word) + year +
** first significant title word, lowercase ASCII ("mills2018african"),
** "item" when all three are missing. The corpus stores it in works.citekey. */
void ibid_bibtex_citekey(const ibid_json_document *item, long node, ibid_csl_folder *folder,
                         ibid_buffer *key);

/* Appends the entry for item `node` with the given key, ending in a newline;
** biblatex: biblatex's types and fields (date, journaltitle, location,
** @report, @thesis, @jurisdiction, @legislation, @legal) instead of BibTeX's. */
void ibid_bibtex_write(const ibid_json_document *item, long node, const char *key,
                       size_t key_length, int biblatex, ibid_buffer *out);

/*
** CSL-JSON text -> one entry appended to out. `keys` may be NULL (a single
** entry); otherwise the key is made unique within it. Returns IBID_JSON_OK, a
** parse error (details in *error, may be NULL), IBID_JSON_NOT_OBJECT, or
** IBID_JSON_NO_MEMORY (out->failed may also be set: check both).
*/
ibid_json_status ibid_bibtex_entry(const char *json, size_t length, ibid_csl_folder *folder,
                                   ibid_bibtex_keys *keys, int biblatex, ibid_buffer *out,
                                   ibid_json_error *error);

#endif
