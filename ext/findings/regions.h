/*
** regions.h -- country and territory names in several languages, from ICU,
** keyed by ISO 3166 alpha-2 code: "Côte d'Ivoire", "Ivory Coast",
** "Elfenbeinküste" and "Costa de Marfil" are all CI.
**
** A table is built once (ibid_regions_new; the SQL layer builds one per
** connection) and then only read, so one table serves any number of threads.
** Names are compared folded: lowercase ASCII, Latin diacritics dropped
** ("Côte" = "cote"), any run of other characters (apostrophes too: "Côte
** d'Ivoire" = "cote d ivoire") one space, a leading "the" dropped ("The
** Gambia" = "Gambia").
** The table also holds city names (ibid_city_at), apart from the countries,
** and the entity finder's word lists (ibid_regions_entity_lexicon), so that
** a connection enters those once too.
*/
#ifndef IBID_REGIONS_H
#define IBID_REGIONS_H
#include <stddef.h>

typedef struct ibid_regions ibid_regions;
typedef struct ibid_entity_lexicon ibid_entity_lexicon; /* (entities.h) */

/* NULL when out of memory. Without ICU region data the table is empty. */
ibid_regions *ibid_regions_new(void);
void ibid_regions_free(ibid_regions *regions);

/* The folded form of text[0, length) written to out (NUL-terminated, at most
** capacity - 1 bytes; longer names are cut). Returns its length. */
size_t ibid_region_fold(const char *text, size_t length, char *out, size_t capacity);

/* The two-letter code of the region named exactly text[0, length) (any
** language, folded), or NULL. regions may be NULL (no region is known). */
const char *ibid_region_code(const ibid_regions *regions, const char *text, size_t length);

/* The longest region name that starts at text[at] and ends at a word end:
** returns its length in bytes (0 when none) and sets *code. */
size_t ibid_region_at(const ibid_regions *regions, const char *text, size_t length, size_t at,
                      const char **code);

/* The longest city name that starts at text[at] and ends at a word end (its
** length in bytes, 0 when none): the exemplar cities of ICU's time-zone IDs
** ("Africa/Kampala", "America/Port-au-Prince"), less country names and a
** few that are also common words or given names ("Phoenix", "Darwin"). */
size_t ibid_city_at(const ibid_regions *regions, const char *text, size_t length, size_t at);

/* The entity finder's word lists (entities.h), built with the regions;
** NULL when regions is NULL. */
const ibid_entity_lexicon *ibid_regions_entity_lexicon(const ibid_regions *regions);

#endif
