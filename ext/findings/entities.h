/*
** entities.h -- legal and institutional references in research texts: UN
** resolutions and documents, ICC records, AU documents, treaties and their
** articles, law reports, ICC situations, organizations and named office
** holders, persons, countries, places and armed groups, each with a
** normalized value.
*/
#ifndef IBID_ENTITIES_H
#define IBID_ENTITIES_H
#include <stddef.h>

#include "layers.h"
#include "progress.h"
#include "regions.h"

#define IBID_ENTITY_VALUE_SIZE 160

typedef enum ibid_entity_kind {
  IBID_ENTITY_UN_RESOLUTION = 1,
  IBID_ENTITY_UN_DOCUMENT,
  IBID_ENTITY_ICC_RECORD,
  IBID_ENTITY_TREATY_ARTICLE,
  IBID_ENTITY_AU_DOCUMENT,
  IBID_ENTITY_TREATY,
  IBID_ENTITY_COURT_DECISION,
  IBID_ENTITY_SITUATION,
  IBID_ENTITY_ORGANIZATION,
  IBID_ENTITY_PERSON,
  IBID_ENTITY_COUNTRY,     /* value: ISO 3166 alpha-2 code */
  IBID_ENTITY_ARMED_GROUP, /* "Lord's Resistance Army", "M23 rebels" */
  IBID_ENTITY_PLACE        /* cities and sub-national places: "Kampala", "North Kivu" */
} ibid_entity_kind;

typedef struct ibid_entity {
  ibid_entity_kind kind;
  size_t start, length;               /* as printed */
  char value[IBID_ENTITY_VALUE_SIZE]; /* normalized, NUL-terminated */
} ibid_entity;

/* Finds the entities of text in order. Returns 0 with *entities (free with
** ibid_free; may be NULL when *count is 0), or -1 when out of memory. */
int ibid_find_entities(const char *text, size_t length, ibid_entity **entities, size_t *count);
/* The same with country names known (regions may be NULL: no countries). */
int ibid_find_entities_in(const char *text, size_t length, const ibid_regions *regions,
                          ibid_entity **entities, size_t *count);
/* The same on the document's layers (layers.h; reads its sentences and cite
** spans): what the corpus ingest calls, the layers built once. */
int ibid_find_entities_layers(const ibid_layers *layers, const ibid_regions *regions,
                              ibid_entity **entities, size_t *count);
/* The same, counting its work on progress (ext/core/progress.h; may be NULL):
** returns 1, with no entities, when progress says stop. */
int ibid_find_entities_progress(const ibid_layers *layers, const ibid_regions *regions,
                                ibid_progress *progress, ibid_entity **entities, size_t *count);

/* The word lists of the finder, entered in a table once and then only read
** (so one serves any number of threads). ibid_regions_new builds one with
** the regions (ibid_regions_entity_lexicon), so that the finder, given the
** regions, does not enter the words again for each text; without regions
** it builds its own. NULL when out of memory. */
ibid_entity_lexicon *ibid_entity_lexicon_new(void);
void ibid_entity_lexicon_free(ibid_entity_lexicon *lexicon);

/* 'un_resolution', 'un_document', 'icc_record', 'treaty_article',
** 'au_document', 'treaty', 'court_decision', 'situation', 'organization',
** 'person', 'country', 'armed_group', 'place'. */
const char *ibid_entity_kind_name(ibid_entity_kind kind);

#endif
