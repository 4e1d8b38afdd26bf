/*
** entities.c -- legal and institutional references. See entities.h.
**
** HOW IT WORKS
** A first pass collects acronyms defined in parentheses, "Uppsala Conflict
** Data Program (UCDP)": the capitals of the acronym must be the initials of
** the capitalised words before it (function words skipped). A second pass
** tries, at every word start, the matchers below in order; the first that
** matches emits one entity and the scan resumes after it:
**   document symbols   S/2014/348, S/RES/1593 (2005), ICC-02/05-01/09,
**                      Assembly/AU/Dec.221(XII), EX.CL/846(XXV)
**   resolutions        "resolution 1593", "UNSCR 1973" (+ "and 1973")
**   articles           "Article 13(b) of the Rome Statute", "Articles 5 to 8",
**                      "Chapter VII of the UN Charter"
**   treaties           "<Name> Statute|Protocol|Convention|Charter|Covenant",
**                      "Treaty of <Name>", "UNTS vol. 2187 no. 38544"
**   law reports        "ICJ Reports (2012)", "[2017] ZAGPPHC 53",
**                      "2017 (3) SA 212", "169 F. Supp. 2nd"
**   situations         "situation in (the) <Capitalised Name>"
**   persons            a role noun right before a capitalised name
**                      ("President Omar al-Rashid", "chief prosecutor, Fatou
**                      Bensouda") or "<Name>, the (former) <Role>"
**   organizations      capitalised names ending in an institutional noun
**                      (Council, Court, Union, Commission, ...), with "of/for
**                      the <Name>" after it; defined acronyms and their later
**                      uses; the UN, AU, ICC and their organs by name.
** A last pass gives every mention of a resolution the year stated at any of
** its mentions: "(2005)", "of 31 March 2005", or a date earlier in a sentence
** that says the resolution was adopted.
** Countries come from ICU's region names (regions.h), as ISO codes. Armed
** groups are capitalised runs holding an armed group's noun ("Army",
** "Forces", "Movement", with "for the Liberation of ..." after it) or a name
** before "rebels"/"militias". Persons without a title are told by the
** structure of names and sentences, not by a list: two to four capitalised
** words, none a country, institution, role, place or treaty noun, a people's
** adjective or a word the text also writes in lowercase, not after "the",
** whose last word recurs capitalised, or which a verb follows, or which is
** counted among others ("Joseph Kony and four other commanders"), described
** by an apposition ("Betty Bigombe, a former minister,") or by "of" and an
** organization, or follows "by". Places (cities and sub-national places)
** are ICU's time-zone exemplar cities (regions.h: ibid_city_at), a compass
** word and a name ("North Kivu"), name words before a place noun ("Kano
** State", "Garamba National Park"), and names after "the counties of", after
** a locative preposition ("near Gulu": not in a title-case title, not a
** person named before) or after a place in a list ("Gulu, Kitgum and
** Pader"). Organizations also come from a noun before a name ("the local
** group X") and from undefined acronyms made of the initials of one the text
** named ("LRA", "ANC"). No matcher knows a person or document name:
** gazetteer data lives in sql/gazetteer.sql.
** Speed: one pass over the words before the scan (collect_word_stats)
** counts them and marks the word starts the scan must visit: every start
** but the lowercase words of ASCII letters that no matcher of lowercase
** words can start at (most words), so the scan jumps from one marked start
** to the next (a bitmap); the same pass lists the armed groups' head nouns,
** so match_armed_group reads no run of name words that can reach none.
** Each matcher is tried only where its first test can pass (its first
** byte, or the word's lists), and match_place reads a run of name words
** only where its context can make it a place; a word's lists are one mask
** from one hash table of all the lists' words (word_lists_of); the answers
** the matchers ask for again (a name word at an offset, a word's lists, a
** person's name, an acronym, the word before an offset) are remembered by
** offset; ASCII letters are read eight bytes at a time. None of it changes
** an answer.
*/
#include "entities.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "memory.h"
#include "numbers.h"
#include "progress.h"

const char *ibid_entity_kind_name(ibid_entity_kind kind) {
  switch (kind) {
    case IBID_ENTITY_UN_RESOLUTION:
      return "un_resolution";
    case IBID_ENTITY_UN_DOCUMENT:
      return "un_document";
    case IBID_ENTITY_ICC_RECORD:
      return "icc_record";
    case IBID_ENTITY_TREATY_ARTICLE:
      return "treaty_article";
    case IBID_ENTITY_AU_DOCUMENT:
      return "au_document";
    case IBID_ENTITY_TREATY:
      return "treaty";
    case IBID_ENTITY_COURT_DECISION:
      return "court_decision";
    case IBID_ENTITY_SITUATION:
      return "situation";
    case IBID_ENTITY_ORGANIZATION:
      return "organization";
    case IBID_ENTITY_PERSON:
      return "person";
    case IBID_ENTITY_COUNTRY:
      return "country";
    case IBID_ENTITY_ARMED_GROUP:
      return "armed_group";
    case IBID_ENTITY_PLACE:
      return "place";
  }
  return NULL;
}

/* ----- word lists -------------------------------------------------------------- */

/* The word lists the matchers test words against. Each list is a bit of a
** mask; one hash table of the lists' distinct words (built per call in the
** finder: no global state) gives a word's mask with one hash, and a small
** cache by offset answers the matchers that ask about the same word again. */
static const char *const function_capitals[] = {
    "The",      "A",       "An",      "This",    "That",     "These",     "Those",     "In",
    "On",       "At",      "For",     "By",      "Of",       "And",       "But",       "If",
    "When",     "While",   "As",      "To",      "From",     "With",      "His",       "Her",
    "Its",      "Their",   "Our",     "Every",   "Each",     "Both",      "Some",      "Many",
    "Most",     "Several", "Such",    "Even",    "Also",     "Thus",      "Hence",     "However",
    "Moreover", "Since",   "After",   "Before",  "Although", "Though",    "Yet",       "So",
    "Then",     "Other",   "Another", "All",     "Any",      "No",        "Only",      "Under",
    "Did",      "Does",    "Do",      "What",    "Why",      "How",       "Was",       "Is",
    "Are",      "Were",    "Has",     "Have",    "Decision", "Report",    "Statement", "Communiqué",
    "Press",    "Release", "Draft",   "Annual",  "Against",  "Between",   "Within",    "Into",
    "Over",     "Not",     "Who",     "Which",   "Where",    "Here",      "There",     "First",
    "Second",   "Third",   "Fourth",  "Finally", "Again",    "Currently", "Indeed"};
static const char *const resolution_words[] = {
    "resolution", "Resolution", "resolutions", "Resolutions", "UNSCR", "SCR", "Res."};
static const char *const treaty_heads[] = {"Statute",     "Protocol", "Convention",
                                           "Conventions", "Charter",  "Covenant"};
static const char *const article_words[] = {"Article", "article", "Art.", "art."};
static const char *const articles_words[] = {"Articles", "articles", "Arts.", "arts."};
static const char *const particles[] = {"de",  "du",  "van", "von", "bin", "ibn", "da",
                                        "dos", "del", "der", "le",  "la",  "el",  "al"};
static const char *const roles[] = {
    "President",  "president",     "Colonel",    "Prosecutor",  "prosecutor",   "Secretary-General",
    "Ambassador", "ambassador",    "Judge",      "judge",       "Commander",    "commander",
    "Minister",   "minister",      "spokesman",  "spokeswoman", "spokesperson", "leader",
    "warlord",    "Envoy",         "envoy",      "chief",       "Counsel",      "Director",
    "director",   "Rapporteur",    "rapporteur", "Chairman",    "chairman",     "Chairperson",
    "Governor",   "King",          "Queen",      "Prince",      "Chancellor",   "Senator",
    "Registrar",  "Emir",          "Sheikh",     "Captain",     "Lieutenant",   "Marshal",
    "Brigadier",  "Representative"};
static const char *const institution_heads[] = {
    "Council",     "Court",       "Union",         "Commission",   "Assembly",   "Office",
    "Coalition",   "Tribunal",    "Organization",  "Organisation", "Committee",  "Programme",
    "Program",     "Institute",   "Agency",        "Watch",        "Center",     "Centre",
    "Congress",    "Foundation",  "Network",       "Association",  "Federation", "Secretariat",
    "Observatory", "Parliament",  "Ministry",      "University",   "Bank",       "Initiative",
    "Fund",        "Authority",   "Board",         "Bureau",       "Department", "Society",
    "Trust",       "Project",     "Alliance",      "Corporation",  "Company",    "Division",
    "Roundtable",  "Conservancy", "International", "Force"};
static const char *const connectors[] = {"of", "the", "and", "for", "to",
                                         "on", "in",  "de",  "des", "du"};
static const char *const organ_documents[] = {"Resolution", "Resolutions", "Report",  "Decision",
                                              "Statement",  "Press",       "Meeting", "Session"};
static const char *const armed_heads[] = {"Army",      "Front",   "Forces",   "Movement", "Militia",
                                          "Militias",  "Brigade", "Brigades", "Rebels",   "Guard",
                                          "Janjaweed", "Taliban", "Shabaab",  "Haram"};
static const char *const document_words[] = {
    "Table",   "Figure", "Section",    "Chapter",  "Part",    "Appendix", "Annex",
    "Box",     "Phase",  "Round",      "Volume",   "Note",    "Question", "Hypothesis",
    "Case",    "Study",  "Step",       "Stage",    "Wave",    "Protect",  "Practice",
    "Theory",  "Annual", "Parliament", "Internet", "English", "Spanish",  "Portuguese",
    "Swahili", "Arabic", "Islam",      "God"};
static const char *const place_heads[] = {
    "State",     "Province",  "Region",       "County",    "District", "Governorate", "Prefecture",
    "Territory", "Oblast",    "Municipality", "River",     "Lake",     "Valley",      "Delta",
    "Basin",     "Mountains", "Hills",        "Highlands", "Plateau",  "Island",      "Islands",
    "Park",      "Reserve",   "Peninsula",    "Desert",    "Coast",    "Gulf",        "Sea"};
static const char *const compass_words[] = {
    "North",   "South", "East",  "West",      "Northern",  "Southern",  "Eastern",  "Western",
    "Central", "Upper", "Lower", "Northeast", "Northwest", "Southeast", "Southwest"};
static const char *const continents[] = {
    "Africa", "Europe",     "Asia",    "America",       "Americas",  "Atlantic", "Pacific",
    "Arctic", "Antarctica", "Oceania", "Mediterranean", "Caribbean", "Sahel"};
static const char *const to_place[] = {"to", "in", "at", "from", "near"};
static const char *const locatives[] = {"in",      "near",   "around",  "from",   "at",
                                        "outside", "across", "between", "In",     "Near",
                                        "Around",  "From",   "Outside", "Across", "Between"};
static const char *const place_nouns[] = {
    "counties",    "county",      "regions",      "region",         "provinces",
    "province",    "states",      "state",        "districts",      "district",
    "cities",      "city",        "towns",        "town",           "villages",
    "village",     "camps",       "camp",         "municipalities", "municipality",
    "departments", "prefectures", "governorates", "capital",        "port"};
static const char *const of_word[] = {"of"};
static const char *const possessives[] = {"his", "her", "their"};
static const char *const counts[] = {"two",   "three", "four",   "five",   "six",
                                     "seven", "eight", "nine",   "ten",    "several",
                                     "many",  "some",  "eleven", "twelve", "dozens"};
static const char *const others[] = {"other",  "others",     "colleagues", "colleague",
                                     "fellow", "co-authors", "associates", "former"};
static const char *const openers[] = {"a", "an", "the", "then", "now", "one", "former", "later"};
static const char *const organization_nouns[] = {
    "group",        "company",  "firm",        "NGO",          "organisation",
    "organization", "charity",  "cooperative", "bank",         "retailer",
    "startup",      "operator", "insurer",     "conglomerate", "brand"};
static const char *const organization_plurals[] = {
    "companies", "firms",     "NGOs",           "organisations", "organizations",
    "banks",     "operators", "groups",         "charities",     "donors",
    "retailers", "brands",    "multinationals", "cooperatives"};
static const char *const not_names[] = {"Chamber",
                                        "Statute",
                                        "Convention",
                                        "Protocol",
                                        "Charter",
                                        "Act",
                                        "Law",
                                        "Treaty",
                                        "Declaration",
                                        "Agreement",
                                        "Accord",
                                        "Plan",
                                        "Journal",
                                        "Review",
                                        "Studies",
                                        "Quarterly",
                                        "Press",
                                        "Times",
                                        "News",
                                        "Daily",
                                        "Post",
                                        "Core",
                                        "Drive",
                                        "Building",
                                        "Document",
                                        "Affairs",
                                        "Politics",
                                        "Policy",
                                        "Relations",
                                        "Security",
                                        "Responsibility",
                                        "Leader",
                                        "Continues",
                                        "Africa",
                                        "Europe",
                                        "Asia",
                                        "America",
                                        "Online",
                                        "Magazine",
                                        "Jurisdiction",
                                        "Tribunal",
                                        "Mechanism",
                                        "Panel",
                                        "Handbook",
                                        "Encyclopedia"};
static const char *const verbs[] = {
    "was",     "is",    "had",    "has",   "said",   "died",   "won",     "became", "argued",
    "told",    "wrote", "led",    "lost",  "denied", "be",     "were",    "would",  "remained",
    "refused", "began", "took",   "fled",  "met",    "went",   "came",    "sought", "gave",
    "made",    "ran",   "left",   "held",  "kept",   "fought", "brought", "knew",   "saw",
    "found",   "spoke", "sent",   "stood", "chose",  "rose",   "fell",    "broke",  "swore",
    "will",    "could", "should", "may",   "might",  "must",   "did",     "does"};
static const char *const the_words[] = {"the", "The"};
static const char *const by_word[] = {"by"};
static const char *const as_word[] = {"as"};
static const char *const such_word[] = {"such"};

#define WORD_LISTS(X)                                                                       \
  X(FUNCTION_CAPITAL, function_capitals) /* capitals that start sentences, not names */     \
  X(RESOLUTION, resolution_words)        /* match_resolution */                             \
  X(TREATY_HEAD, treaty_heads)           /* "Rome Statute" */                               \
  X(ARTICLE, article_words)              /* match_article */                                \
  X(ARTICLES, articles_words)                                                               \
  X(PARTICLE, particles)                 /* "Alex de Waal" */                               \
  X(ROLE, roles)                         /* "President Omar al-Rashid" */                   \
  X(INSTITUTION_HEAD, institution_heads) /* "Security Council" */                           \
  X(CONNECTOR, connectors)               /* skipped by the initials of a defined acronym */ \
  X(ORGAN_DOCUMENT, organ_documents)     /* "Security Council Resolution 2334" */           \
  X(ARMED_HEAD, armed_heads)             /* "Lord's Resistance Army" */                     \
  X(DOCUMENT_WORD, document_words)       /* "in Table 2": no place */                       \
  X(PLACE_HEAD, place_heads)             /* "Kano State" */                                 \
  X(COMPASS, compass_words)              /* "North Kivu" */                                 \
  X(CONTINENT, continents)                                                                  \
  X(TO_PLACE, to_place)      /* "to The Hague" */                                           \
  X(LOCATIVE, locatives)     /* "near Gulu" */                                              \
  X(PLACE_NOUN, place_nouns) /* "the counties of Turkana" */                                \
  X(OF, of_word)                                                                            \
  X(POSSESSIVE, possessives) /* counted_among_others */                                     \
  X(NUMBER_WORD, counts)                                                                    \
  X(OTHERS, others)                                                                         \
  X(OPENER, openers)                       /* described_after */                            \
  X(ORGANIZATION_NOUN, organization_nouns) /* organization_noun_before */                   \
  X(ORGANIZATION_PLURAL, organization_plurals)                                              \
  X(AS, as_word)                                                                            \
  X(SUCH, such_word)                                                                        \
  X(NOT_NAME, not_names) /* match_untitled_person */                                        \
  X(VERB, verbs)                                                                            \
  X(THE, the_words)                                                                         \
  X(BY, by_word)

enum {
#define LIST_ID(id, array) LIST_##id,
  WORD_LISTS(LIST_ID)
#undef LIST_ID
      LIST_COUNT
};

static const struct {
  const char *const *words;
  size_t count;
} word_lists[LIST_COUNT] = {
#define LIST_ENTRY(id, array) {array, sizeof(array) / sizeof(array[0])},
    WORD_LISTS(LIST_ENTRY)
#undef LIST_ENTRY
};

#define LIST_SIZE(id, array) +sizeof(array) / sizeof(array[0])
#define LIST_WORD_TOTAL (0 WORD_LISTS(LIST_SIZE)) /* with repeats: the distinct words are fewer */
#define WORD_SLOTS 2048 /* open addressing on the distinct words, at most half full */
#define WORD_CACHE 64   /* word_lists_of's last answers, by offset */

/* ----- state ---------------------------------------------------------------- */

#define ACRONYM_SIZE 24
#define MAX_ACRONYMS 512

typedef struct acronym {
  char letters[ACRONYM_SIZE];
  size_t name_start; /* where the defined name starts */
} acronym;

#define NAME_CACHE 64
#define MAX_ARMED_HEADS 512
#define REGION_CACHE 16

typedef struct list_word {
  const char *word;
  uint64_t head; /* its first 8 bytes (ibid_scan_head, scan.h): words compare and hash by it */
  uint32_t hash, length;
  uint64_t lists; /* a bit per LIST_* that holds the word */
} list_word;

/* The words of the lists, entered once (build_word_table) and then only
** read: a hash table of indexes + 1 into words (0: empty slot), the lengths
** by first byte and the longest, and the shapes the matchers test first. */
struct ibid_entity_lexicon {
  size_t word_count, word_longest;
  uint16_t word_index[WORD_SLOTS];
  uint32_t word_shapes[256];     /* by first byte: a bit per length (1 to 31) of its words */
  uint32_t role_shapes[256];     /* the same of the roles' words (match_word asks every word) */
  uint32_t visit_shapes[256];    /* role_shapes and the other lowercase matchers' (passed_over) */
  uint32_t armed_shapes[256];    /* the same of the armed groups' head nouns */
  uint64_t treaty_initials;      /* a bit per first byte - 'A' of the treaties' head nouns */
  uint32_t particle_initials[4]; /* by length (1 to 3): a bit per first letter of a particle */
  uint32_t particle_firsts;      /* the same, of any length */
  list_word words[LIST_WORD_TOTAL];
};

typedef struct finder {
  const char *text;
  size_t length;
  ibid_entity *items;
  size_t count, capacity;
  int failed;
  size_t acronym_count;
  short acronym_slots[2 * MAX_ACRONYMS]; /* hash table: index + 1, 0 = empty */
  const ibid_layers *layers;
  const size_t *citations; /* the layers' cite spans */
  size_t citation_count;
  size_t citation_cursor; /* see citation_end */
  size_t treaty_end;      /* end of the last treaty name seen */
  char treaty[IBID_ENTITY_VALUE_SIZE];
  int several_treaties; /* more than one treaty named so far */
  const ibid_regions *regions;
  struct word_stat *stats; /* see collect_word_stats */
  size_t stat_capacity;
  /* A bit per byte: the word starts the scan must visit (collect_word_stats
  ** marks them; NULL: visit every word start). */
  uint64_t *starts;
  ibid_progress *progress; /* counts the bytes scanned; may stop the scan (NULL: never) */
  struct { /* the initials of the organizations and armed groups named (remember_entity) */
    char letters[9];
    ibid_entity_kind kind;
  } initials[256];
  size_t initials_used;
  size_t part_at[4];         /* is_name_part's last answers: offset + 1 (0: none) ... */
  signed char part_value[4]; /* ... and the answer */
  unsigned part_next;
  struct {                /* name_word's last answers, by offset */
    size_t at;            /* offset + 1 (0: none) */
    size_t length, first; /* name_word_at's length and ibid_word_length at the offset */
    size_t ascii;         /* ... and the ASCII letters there */
  } names[NAME_CACHE];
  const ibid_entity_lexicon *lexicon; /* the lists' words (see ibid_entity_lexicon) */
  ibid_entity_lexicon *own_lexicon;   /* built for this text alone (no regions' one), or NULL */
  size_t person_at, person_end, person_words; /* person_name's last answer (offset + 1) */
  size_t acronym_at, acronym_length;          /* acronym_token's */
  struct {                                    /* region_at's answers, by offset */
    size_t at, length;
    const char *code;
  } region_cache[REGION_CACHE];
  /* The capitalised words that are an armed group's head noun, in text
  ** order, each with the start of the run of bytes no RUN_BREAK cuts that
  ** holds it (collect_word_stats; see armed_heads_near): armed_count of them
  ** in armed[] when armed_ready. */
  int armed_ready;
  size_t armed_count, armed_cursor;
  struct {
    size_t at, length; /* offset + 1 (0: none), length asked */
    uint64_t lists;
  } word_cache[WORD_CACHE];
  size_t before_at, before_start, before_end; /* word_before's last answer (end + 1) */
  /* Filled before they are read (acronym_count, word_count): not zeroed. */
  acronym acronyms[MAX_ACRONYMS];
  struct {
    size_t at, run; /* the word's offset; where its run of bytes starts */
  } armed[MAX_ARMED_HEADS];
} finder;

/* Copies bytes into value collapsing white space, cut at a character boundary. */
static void copy_value(char *value, const char *bytes, size_t n) {
  size_t used = 0;
  size_t i = 0;
#if IBID_LANES
  /* eight bytes at a time while none is below '!' (no white space) */
  for (; i + 8 <= n && used + 8 < IBID_ENTITY_VALUE_SIZE; i += 8, used += 8) {
    uint64_t x = ibid_scan_load(bytes + i);
    if (ibid_scan_below(x, '!')) break;
    ibid_scan_store(value + used, x);
  }
#endif
  for (; i < n && used + 1 < IBID_ENTITY_VALUE_SIZE; i++) {
    char c = bytes[i];
    if (ibid_is_space(c)) {
      if (used > 0 && value[used - 1] != ' ') value[used++] = ' ';
      continue;
    }
    value[used++] = c;
  }
  while (used > 0 && value[used - 1] == ' ') used--;
  /* Do not leave half a UTF-8 character at the end. */
  size_t keep = used;
  while (keep > 0 && ((unsigned char)value[keep - 1] & 0xC0) == 0x80) keep--;
  if (keep > 0 && ((unsigned char)value[keep - 1] & 0x80)) {
    unsigned char lead = (unsigned char)value[keep - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (used - (keep - 1) < need) used = keep - 1;
  }
  value[used] = 0;
}

static void remember_entity(finder *f, const ibid_entity *e);

static ibid_entity *emit(finder *f, ibid_entity_kind kind, size_t start, size_t end,
                         const char *value) {
  if (f->count == f->capacity) {
    /* the first size by the text's length (about an entity in 150 bytes
    ** of research text: a grown array is copied), 64 to 4096 */
    size_t first = f->length / 64 < 64 ? 64 : f->length / 64 > 4096 ? 4096 : f->length / 64;
    size_t capacity = f->capacity ? f->capacity * 2 : first;
    ibid_entity *grown = ibid_realloc(f->items, capacity * sizeof(ibid_entity));
    if (!grown) {
      f->failed = 1;
      return NULL;
    }
    f->items = grown;
    f->capacity = capacity;
  }
  ibid_entity *entity = &f->items[f->count++];
  entity->kind = kind;
  entity->start = start;
  entity->length = end - start;
  if (value)
    copy_value(entity->value, value, strlen(value));
  else
    copy_value(entity->value, f->text + start, end - start);
  remember_entity(f, entity);
  return entity;
}

/* ----- words ------------------------------------------------------------------ */

static inline int is_ascii_letter(char c) {
  return (unsigned)(((unsigned char)c | 0x20) - 'a') < 26u;
}

/* The number of ASCII letters from text[i] on. */
static inline size_t ascii_letters(const char *text, size_t length, size_t i) {
  size_t end = i;
#if IBID_LANES
  for (; end + 8 <= length; end += 8) {
    uint64_t stops = ~ibid_letter_lanes(ibid_scan_load(text + end)) & IBID_SCAN_HIGH;
    if (stops) return end + ((size_t)__builtin_ctzll(stops) >> 3) - i;
  }
#endif
  while (end < length && is_ascii_letter(text[end])) end++;
  return end - i;
}

/* ibid_word_length (ASCII letters and non-ASCII letters) at i, with the
** ASCII part inline: most words are ASCII. */
static inline size_t word_length(const finder *f, size_t i, size_t *ascii) {
  *ascii = ascii_letters(f->text, f->length, i);
  size_t end = i + *ascii;
  if (end >= f->length || (unsigned char)f->text[end] < 0x80) return end - i;
  return ibid_word_length(f->text, f->length, i);
}

/* A name word at i: letters with inner hyphens and apostrophes ("Ki-moon",
** "al-Rashid", "Pre-Trial"); returns its length. */
static size_t name_word_at(const finder *f, size_t i, size_t *first, size_t *ascii) {
  size_t n = 0, letters_ascii;
  *first = 0;
  *ascii = 0;
  for (;;) {
    size_t letters = word_length(f, i + n, &letters_ascii);
    if (!n) *ascii = letters_ascii;
    if (!letters) break;
    if (!n) *first = letters;
    n += letters;
    if (i + n + 1 < f->length && (f->text[i + n] == '-' || f->text[i + n] == '\'') &&
        ibid_is_alpha(f->text[i + n + 1]))
      n++;
    else
      break;
  }
  return n;
}

/* name_word when its cache does not hold the answer. */
__attribute__((noinline)) static size_t name_word_miss(finder *f, size_t i) {
  size_t c = i & (NAME_CACHE - 1);
  /* most words: ASCII letters and then an ASCII byte that joins no further
  ** letters (name_word_at's first step, and its last) */
  size_t ascii = ascii_letters(f->text, f->length, i), end = i + ascii;
  if (end >= f->length ||
      ((unsigned char)f->text[end] < 0x80 && f->text[end] != '-' && f->text[end] != '\'')) {
    f->names[c].length = f->names[c].first = f->names[c].ascii = ascii;
    f->names[c].at = i + 1;
    return ascii;
  }
  f->names[c].length = name_word_at(f, i, &f->names[c].first, &f->names[c].ascii);
  f->names[c].at = i + 1;
  return f->names[c].length;
}

/* name_word_at, remembering its last answers by offset: the matchers ask
** about the same words several times. */
static inline size_t name_word(const finder *f, size_t i) {
  size_t c = i & (NAME_CACHE - 1);
  if (f->names[c].at == i + 1) return f->names[c].length;
  return name_word_miss((finder *)f, i);
}

static inline __attribute__((always_inline)) int is_capital_at(const finder *f, size_t i) {
  if (i >= f->length) return 0;
  unsigned char c = (unsigned char)f->text[i];
  if (c < 0x80) return ibid_is_upper((char)c);
  return c >= 0xC3 && c <= 0xC5 && i + 1 < f->length && (unsigned char)f->text[i + 1] >= 0x80 &&
         (unsigned char)f->text[i + 1] <= 0x9E;
}

/* ibid_skip_space, returning at once when no space is at `at` (most calls). */
static inline size_t skip_space(const finder *f, size_t at) {
  if (at < f->length && !ibid_is_space(f->text[at]) && (unsigned char)f->text[at] != 0xC2)
    return at;
  if (at + 1 < f->length && f->text[at] == ' ' && !ibid_is_space(f->text[at + 1]) &&
      (unsigned char)f->text[at + 1] != 0xC2)
    return at + 1; /* one space (the most common gap) */
  return ibid_skip_space(f->text, f->length, at);
}

/* ibid_month_of_word, after the test that turns most words away inline. */
static inline int month_of_word(const char *text, size_t n) {
  return ibid_may_be_month(text, n) ? ibid_month_of_word(text, n) : 0;
}

/* ibid_region_at, remembering its answers by offset: a capitalised word is
** asked about as a name's part and again as a word of its own. */
static size_t region_at(const finder *f, size_t at, const char **code) {
  finder *cache = (finder *)f;
  size_t c = at & (REGION_CACHE - 1);
  if (cache->region_cache[c].at != at + 1) {
    cache->region_cache[c].length =
        ibid_region_at(f->regions, f->text, f->length, at, &cache->region_cache[c].code);
    cache->region_cache[c].at = at + 1;
  }
  *code = cache->region_cache[c].code;
  return cache->region_cache[c].length;
}

/* text[i, i + n) is word. Inline: every call names a literal, so the length
** test is a constant and the compare a few loads. */
static inline __attribute__((always_inline)) int word_equals(const finder *f, size_t i, size_t n,
                                                             const char *word) {
  return strlen(word) == n && memcmp(f->text + i, word, n) == 0;
}

static inline uint32_t head_hash(uint64_t head, size_t n) {
  return (uint32_t)(((head ^ n) * 0x9E3779B97F4A7C15ull) >> 32);
}

static inline int same_word(const list_word *w, uint64_t head, const char *text, size_t n) {
  return w->head == head && w->length == n && (n <= 8 || memcmp(w->word + 8, text + 8, n - 8) == 0);
}

/* Enters every list's words in the lexicon (zeroed before). */
static void build_word_table(ibid_entity_lexicon *lexicon) {
  for (size_t list = 0; list < LIST_COUNT; list++)
    for (size_t k = 0; k < word_lists[list].count; k++) {
      const char *word = word_lists[list].words[k];
      size_t n = strlen(word);
      uint64_t head = ibid_scan_head(word, n, 0);
      uint32_t h = head_hash(head, n);
      size_t slot = h & (WORD_SLOTS - 1);
      for (; lexicon->word_index[slot]; slot = (slot + 1) & (WORD_SLOTS - 1))
        if (same_word(&lexicon->words[lexicon->word_index[slot] - 1], head, word, n)) break;
      if (!lexicon->word_index[slot]) {
        list_word *w = &lexicon->words[lexicon->word_count++];
        w->word = word;
        w->head = head;
        w->hash = h;
        w->length = (uint32_t)n;
        w->lists = 0;
        lexicon->word_index[slot] = (uint16_t)lexicon->word_count;
        lexicon->word_shapes[(unsigned char)word[0]] |= 1u << (n < 31 ? n : 31);
        if (n > lexicon->word_longest) lexicon->word_longest = n;
      }
      lexicon->words[lexicon->word_index[slot] - 1].lists |= 1ull << list;
      if (list == LIST_ROLE)
        lexicon->role_shapes[(unsigned char)word[0]] |= 1u << (n < 31 ? n : 31);
      if (list == LIST_ARMED_HEAD)
        lexicon->armed_shapes[(unsigned char)word[0]] |= 1u << (n < 31 ? n : 31);
      if (list == LIST_TREATY_HEAD) lexicon->treaty_initials |= 1ull << (word[0] - 'A');
      if (list == LIST_PARTICLE && ibid_is_lower(word[0])) {
        lexicon->particle_firsts |= 1u << (word[0] - 'a');
        if (n < 4) lexicon->particle_initials[n] |= 1u << (word[0] - 'a');
      }
    }
  for (size_t c = 0; c < 256; c++) lexicon->visit_shapes[c] = lexicon->role_shapes[c];
  /* "resolution(s)" (and any r-word of 3 or 5 letters), "situation" */
  lexicon->visit_shapes['r'] |= 1u << 3 | 1u << 5 | 1u << 10 | 1u << 11;
  lexicon->visit_shapes['s'] |= 1u << 9;
}

ibid_entity_lexicon *ibid_entity_lexicon_new(void) {
  ibid_entity_lexicon *lexicon = ibid_malloc(sizeof(*lexicon));
  if (!lexicon) return NULL;
  memset(lexicon, 0, offsetof(ibid_entity_lexicon, words)); /* (words: filled before read) */
  build_word_table(lexicon);
  return lexicon;
}

void ibid_entity_lexicon_free(ibid_entity_lexicon *lexicon) {
  ibid_free(lexicon);
}

/* word_lists_of when its cache does not hold the answer: hashes the word. */
__attribute__((noinline)) static uint64_t word_lists_lookup(finder *f, size_t i, size_t n) {
  uint64_t lists = 0;
  unsigned char first = (unsigned char)f->text[i];
  if (n && n <= f->lexicon->word_longest &&
      (f->lexicon->word_shapes[first] >> (n < 31 ? n : 31)) & 1) {
    uint64_t head = ibid_scan_head(f->text + i, n, f->length - i);
    uint32_t h = head_hash(head, n);
    for (size_t slot = h & (WORD_SLOTS - 1); f->lexicon->word_index[slot];
         slot = (slot + 1) & (WORD_SLOTS - 1)) {
      const list_word *w = &f->lexicon->words[f->lexicon->word_index[slot] - 1];
      if (w->hash == h && same_word(w, head, f->text + i, n)) {
        lists = w->lists;
        break;
      }
    }
  }
  size_t c = i & (WORD_CACHE - 1);
  f->word_cache[c].at = i + 1;
  f->word_cache[c].length = n;
  f->word_cache[c].lists = lists;
  return lists;
}

/* The lists (a bit per LIST_*) that hold text[i, i + n). */
static inline uint64_t word_lists_of(const finder *f, size_t i, size_t n) {
  size_t c = i & (WORD_CACHE - 1);
  if (f->word_cache[c].at == i + 1 && f->word_cache[c].length == n) return f->word_cache[c].lists;
  return word_lists_lookup((finder *)f, i, n);
}

/* 1 if text[i, i + n) is a word of the list LIST_*. */
static int word_in_list(const finder *f, size_t i, size_t n, int list) {
  return (int)((word_lists_of(f, i, n) >> list) & 1);
}

/* Capitalised words that start sentences or titles rather than names. */
static int is_function_capital(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_FUNCTION_CAPITAL);
}

/* Byte classes: SCAN_JOINS, a byte after which no word starts (letters,
** digits, '/', '.', '-' and non-ASCII bytes: "S/2014", "al-", "É");
** SCAN_STARTS, a byte a matcher may start at (letters, digits, '[', '(';
** a non-ASCII capital is tested apart); WORD_BACK, a byte word_before
** reads back over (letters, '-', non-ASCII bytes); RUN_BREAK, a byte no
** run of name words crosses (all but letters, '-', '\'', non-ASCII bytes
** and white space: see armed_heads_near); PASS_STOP, a byte after which
** match_word does not pass over a lowercase word (non-ASCII bytes, '/', '.',
** '-', '\''). */
#define SCAN_JOINS 1
#define SCAN_STARTS 2
#define WORD_BACK 4
#define RUN_BREAK 8
#define PASS_STOP 16
#define LETTER_CLASS                                                          \
  (SCAN_JOINS | SCAN_STARTS | WORD_BACK) /* an ASCII letter's, and no other's \
                                          */
static const unsigned char scan_class[256] = {
    8,  8,  8,  8,  8,  8,  8,  8,  8,  0,  0,  8,  0,  0,  8,  8,  /* 00 */
    8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  /* 10 */
    0,  8,  8,  8,  8,  8,  8,  16, 10, 8,  8,  8,  8,  21, 25, 25, /* 20 */
    11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 8,  8,  8,  8,  8,  8,  /* 30 */
    8,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  /* 40 */
    7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  10, 8,  8,  8,  8,  /* 50 */
    8,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  /* 60 */
    7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  8,  8,  8,  8,  8,  /* 70 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* 80 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* 90 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* A0 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* B0 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* C0 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* D0 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* E0 */
    21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, /* F0 */
};

/* Start of the word that ends at `end` (after skipping white space back to
** it), or end when the previous token is not a word. */
static size_t word_before_at(const finder *f, size_t end, size_t *word_end) {
  size_t i = end;
  while (i > 0 && ibid_is_space(f->text[i - 1])) i--;
  *word_end = i;
  while (i > 0 && (scan_class[(unsigned char)f->text[i - 1]] & WORD_BACK) &&
         !((unsigned char)f->text[i - 1] == 0x99 && i >= 3 &&
           (unsigned char)f->text[i - 3] == 0xE2)) /* not past a "’" */
    i--;
  while (i < *word_end && ((unsigned char)f->text[i] & 0xC0) == 0x80) i++;
  while (i < *word_end && f->text[i] == '-') i++;
  return i;
}

/* word_before_at, remembering its last answer: the matchers of one word ask
** it again. */
static size_t word_before(const finder *f, size_t end, size_t *word_end) {
  finder *cache = (finder *)f;
  if (cache->before_at != end + 1) {
    cache->before_start = word_before_at(f, end, &cache->before_end);
    cache->before_at = end + 1;
  }
  *word_end = cache->before_end;
  return cache->before_start;
}

/* ----- symbols ------------------------------------------------------------------ */

static int is_symbol_byte(char c) {
  return ibid_is_alpha(c) || ibid_is_digit(c) || c == '/' || c == '.' || c == '-' || c == '(' ||
         c == ')';
}

/* End of a document symbol token at i, with trailing punctuation and
** unbalanced closing parentheses removed. */
static size_t symbol_end(const finder *f, size_t i) {
  size_t end = i;
  int depth = 0;
  while (end < f->length && is_symbol_byte(f->text[end])) {
    if (f->text[end] == '(') depth++;
    if (f->text[end] == ')') {
      if (depth == 0) break;
      depth--;
    }
    end++;
  }
  while (end > i && (f->text[end - 1] == '.' || f->text[end - 1] == '-' ||
                     f->text[end - 1] == '(' || f->text[end - 1] == '/'))
    end--;
  return end;
}

static int has_digit(const char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (ibid_is_digit(s[k])) return 1;
  return 0;
}

static int year_value_at(const finder *f, size_t i) {
  if (i + 4 > f->length) return 0;
  for (size_t k = 0; k < 4; k++)
    if (!ibid_is_digit(f->text[i + k])) return 0;
  if (i + 4 < f->length && ibid_is_digit(f->text[i + 4])) return 0;
  int year = (f->text[i] - '0') * 1000 + (f->text[i + 1] - '0') * 100 +
             (f->text[i + 2] - '0') * 10 + (f->text[i + 3] - '0');
  return year >= 1900 && year <= 2099 ? year : 0;
}

/* " (2005)" right after a symbol: returns its end and the year. */
static size_t parenthesised_year(const finder *f, size_t end, int *year) {
  size_t at = skip_space(f, end);
  if (at < f->length && f->text[at] == '(' && (*year = year_value_at(f, at + 1)) != 0 &&
      at + 5 < f->length && f->text[at + 5] == ')')
    return at + 6;
  *year = 0;
  return end;
}

static size_t match_un_symbol(finder *f, size_t i) {
  const char *t = f->text + i;
  if (i + 3 >= f->length || !(t[0] == 'S' || t[0] == 'A' || t[0] == 'E') || t[1] != '/') return 0;
  size_t end = symbol_end(f, i);
  if (end - i < 4 || !has_digit(t, end - i)) return 0;
  char value[IBID_ENTITY_VALUE_SIZE];
  copy_value(value, t, end - i);
  if (strncmp(value, "S/RES/", 6) == 0 || strncmp(value, "A/RES/", 6) == 0) {
    int year;
    size_t after = parenthesised_year(f, end, &year);
    if (year) {
      size_t used = strlen(value);
      snprintf(value + used, sizeof(value) - used, " (%d)", year);
    }
    emit(f, IBID_ENTITY_UN_RESOLUTION, i, after, value);
    return after;
  }
  emit(f, IBID_ENTITY_UN_DOCUMENT, i, end, value);
  return end;
}

static size_t match_icc_record(finder *f, size_t i) {
  if (i + 5 >= f->length || memcmp(f->text + i, "ICC-", 4) != 0) return 0;
  size_t end = symbol_end(f, i);
  if (end - i < 6 || !has_digit(f->text + i, end - i) || !memchr(f->text + i, '/', end - i))
    return 0;
  emit(f, IBID_ENTITY_ICC_RECORD, i, end, NULL);
  return end;
}

/* AU-style symbols: slash-separated segments and a session number in
** parentheses, "Assembly/AU/Dec.221(XII)", "EX.CL/846(XXV)". */
static size_t au_symbol_at(finder *f, size_t i, size_t first);

/* (inline: most words are told by their first byte after the letters) */
static inline size_t match_au_symbol(finder *f, size_t i) {
  if (!ibid_is_alpha(f->text[i])) return 0;
  /* the first segment is letters and dots up to a '/': "the" is told at once */
  name_word(f, i); /* (the scan asks it next: its ASCII letters serve here) */
  size_t first = i + f->names[i & (NAME_CACHE - 1)].ascii;
  if (first >= f->length || (f->text[first] != '/' && f->text[first] != '.')) return 0;
  return au_symbol_at(f, i, first);
}

/* match_au_symbol once a '/' or '.' follows the first letters (at first). */
__attribute__((noinline)) static size_t au_symbol_at(finder *f, size_t i, size_t first) {
  if (f->text[first] == '.' && (first + 1 >= f->length || !is_symbol_byte(f->text[first + 1])))
    return 0; /* "Uganda. ": the token ends at the dot, no '/' in it */
  size_t end = symbol_end(f, i);
  const char *t = f->text + i;
  size_t n = end - i;
  const char *slash = memchr(t, '/', n), *open = memchr(t, '(', n);
  if (!slash || !open || open < slash || !memchr(open, ')', n - (size_t)(open - t))) return 0;
  /* The first segment is a word or an abbreviation ("EX.CL"), not a date. */
  for (const char *p = t; p < slash; p++)
    if (!ibid_is_alpha(*p) && *p != '.') return 0;
  emit(f, IBID_ENTITY_AU_DOCUMENT, i, end, NULL);
  return end;
}

/* ----- resolutions ---------------------------------------------------------- */

static size_t digits(const finder *f, size_t i) {
  size_t n = 0;
  while (i + n < f->length && ibid_is_digit(f->text[i + n])) n++;
  return n;
}

/* Year of a date right after "of": "of 31 March 2005", "of 2005". */
static int year_after_of(const finder *f, size_t end) {
  size_t at = skip_space(f, end);
  if (!ibid_word_is(f->text, f->length, at, "of")) return 0;
  at = skip_space(f, at + 2);
  int year = year_value_at(f, at);
  if (year) return year;
  size_t day = digits(f, at);
  if (day >= 1 && day <= 2) at = skip_space(f, at + day);
  size_t month = ibid_word_length(f->text, f->length, at);
  if (!month_of_word(f->text + at, month)) return 0;
  at = skip_space(f, at + month);
  return year_value_at(f, at);
}

static size_t emit_resolution(finder *f, size_t start, size_t number, size_t number_length) {
  size_t end = number + number_length;
  int year;
  size_t after = parenthesised_year(f, end, &year);
  if (!year) year = year_after_of(f, end);
  char value[IBID_ENTITY_VALUE_SIZE];
  if (year)
    snprintf(value, sizeof(value), "S/RES/%.*s (%d)", (int)number_length, f->text + number, year);
  else
    snprintf(value, sizeof(value), "S/RES/%.*s", (int)number_length, f->text + number);
  emit(f, IBID_ENTITY_UN_RESOLUTION, start, after, value);
  return after;
}

static size_t match_resolution(finder *f, size_t i, size_t n) {
  if (n == 3 && i + 3 < f->length && f->text[i + 3] == '.' && word_equals(f, i, 3, "Res"))
    n = 4; /* "Res. 1674" */
  if (!word_in_list(f, i, n, LIST_RESOLUTION)) return 0;
  size_t number = skip_space(f, i + n);
  size_t count = digits(f, number);
  if (count < 2 || count > 4 ||
      (number + count < f->length &&
       (ibid_is_alpha(f->text[number + count]) || f->text[number + count] == '/')))
    return 0;
  size_t end = emit_resolution(f, i, number, count);
  /* "resolutions 1970 and 1973" */
  for (;;) {
    size_t at = skip_space(f, end);
    size_t joiner = 0;
    if (ibid_word_is(f->text, f->length, at, "and"))
      joiner = 3;
    else if (at < f->length && f->text[at] == ',')
      joiner = 1;
    if (!joiner) break;
    size_t next = skip_space(f, at + joiner);
    size_t next_count = digits(f, next);
    if (next_count < 3 || next_count > 4 ||
        (next + next_count < f->length && ibid_is_alpha(f->text[next + next_count])))
      break;
    end = emit_resolution(f, next, next, next_count);
  }
  return end;
}

/* ----- treaties and articles ---------------------------------------------------- */

static int is_treaty_head(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_TREATY_HEAD);
}

/* Can a treaty's head noun ("Statute", "Convention") begin at `head`? By its
** first letter (treaty_initials); 0 at the end of the text. */
static inline int treaty_head_initial(const finder *f, size_t head) {
  if (head >= f->length) return 0;
  unsigned initial = (unsigned)((unsigned char)f->text[head] - 'A');
  return initial < 64 && ((f->lexicon->treaty_initials >> initial) & 1);
}

/* A treaty name at i: "Rome Statute", "UN Charter", "Treaty of Rome",
** "Charter of the United Nations". Returns its end (0 if none), value set. */
static size_t treaty_name(const finder *f, size_t i, char *value) {
  if (!is_capital_at(f, i)) return 0;
  size_t n = name_word(f, i);
  if (!n || !is_capital_at(f, i)) return 0;
  if (word_equals(f, i, n, "Treaty")) {
    size_t of = skip_space(f, i + n);
    if (!ibid_word_is(f->text, f->length, of, "of")) return 0;
    size_t place = skip_space(f, of + 2);
    size_t place_n = name_word(f, place);
    if (!place_n || !is_capital_at(f, place) || word_equals(f, place, place_n, "the")) return 0;
    copy_value(value, f->text + i, place + place_n - i);
    return place + place_n;
  }
  if (word_equals(f, i, n, "UN") && i + 11 <= f->length &&
      (memcmp(f->text + i, "UN Charter", 10) == 0 || memcmp(f->text + i, "UN charter", 10) == 0) &&
      (i + 10 == f->length || !ibid_is_alpha(f->text[i + 10]))) {
    strcpy(value, "UN Charter");
    return i + 10;
  }
  if (word_equals(f, i, n, "Charter")) {
    static const char tail[] = " of the United Nations";
    if (i + n + sizeof(tail) - 1 <= f->length &&
        memcmp(f->text + i + n, tail, sizeof(tail) - 1) == 0) {
      strcpy(value, "UN Charter");
      return i + n + sizeof(tail) - 1;
    }
    return 0;
  }
  if (is_function_capital(f, i, n) || is_treaty_head(f, i, n)) return 0;
  size_t head = skip_space(f, i + n);
  if (head != i + n + 1) return 0;             /* a single space: "Rome Statute" */
  if (!treaty_head_initial(f, head)) return 0; /* (no head noun) */
  size_t head_n = name_word(f, head);
  if (!head_n || !is_treaty_head(f, head, head_n)) return 0;
  copy_value(value, f->text + i, head + head_n - i);
  if (strcmp(value, "United Nations Charter") == 0) strcpy(value, "UN Charter");
  return head + head_n;
}

/* 0 when treaty_name at i finds none, told by its first steps: no
** "Treaty", "UN" or "Charter" (no 'T', 'U', 'C'), and after the word no
** single space and a head noun's first letter. */
static inline int may_name_treaty(const finder *f, size_t i) {
  char c = f->text[i];
  if (c == 'T' || c == 'U' || c == 'C') return 1;
  size_t n = name_word(f, i), head = skip_space(f, i + n);
  return n && head == i + n + 1 && treaty_head_initial(f, head);
}

static size_t match_treaty(finder *f, size_t i) {
  if (!may_name_treaty(f, i)) return 0;
  char value[IBID_ENTITY_VALUE_SIZE];
  size_t end = treaty_name(f, i, value);
  if (!end) return 0;
  emit(f, IBID_ENTITY_TREATY, i, end, value);
  if (f->treaty[0] && strcmp(f->treaty, value) != 0) f->several_treaties = 1;
  f->treaty_end = end;
  memcpy(f->treaty, value, sizeof(value));
  return end;
}

/* "UNTS vol. 2187 no. 38544" or "2187 UNTS 3". */
static size_t match_unts(finder *f, size_t i) {
  const char *t = f->text;
  if (i + 5 < f->length && memcmp(t + i, "UNTS", 4) == 0) {
    size_t at = skip_space(f, i + 4);
    if (!ibid_word_is(t, f->length, at, "vol.") && !ibid_word_is(t, f->length, at, "Vol."))
      return 0;
    at = skip_space(f, at + 4);
    size_t volume = digits(f, at);
    if (!volume) return 0;
    size_t end = at + volume;
    size_t no = skip_space(f, end);
    if (ibid_word_is(t, f->length, no, "no.") || ibid_word_is(t, f->length, no, "No.")) {
      size_t number = skip_space(f, no + 3);
      if (digits(f, number)) end = number + digits(f, number);
    }
    emit(f, IBID_ENTITY_TREATY, i, end, NULL);
    return end;
  }
  size_t volume = digits(f, i);
  if (!volume) return 0;
  size_t unts = skip_space(f, i + volume);
  if (unts != i + volume + 1 || (unts < f->length && t[unts] != 'U') ||
      !ibid_word_is(t, f->length, unts, "UNTS"))
    return 0;
  size_t page = unts + 5;
  size_t page_n =
      page < f->length ? (ibid_is_digit(t[page]) ? digits(f, page) : name_word(f, page)) : 0;
  if (!page_n) return 0;
  emit(f, IBID_ENTITY_TREATY, i, page + page_n, NULL);
  return page + page_n;
}

/* "13(b)(ii)": the article number with its paragraph letters. */
static size_t article_number(const finder *f, size_t i) {
  size_t n = digits(f, i);
  if (!n) return 0;
  size_t end = i + n;
  while (end + 2 < f->length && f->text[end] == '(') {
    size_t close = end + 1;
    while (close < f->length && close - end < 6 &&
           (ibid_is_alpha(f->text[close]) || ibid_is_digit(f->text[close])))
      close++;
    if (close >= f->length || f->text[close] != ')' || close == end + 1) break;
    end = close + 1;
  }
  return end;
}

static size_t match_article(finder *f, size_t i, size_t n) {
  if (f->text[i] != 'A' && f->text[i] != 'a') return 0; /* "Article", "art." */
  int many = word_in_list(f, i, n, LIST_ARTICLES);
  /* "Art." is a word and a period. */
  if (i + n < f->length && f->text[i + n] == '.') n++;
  if (!many && !word_in_list(f, i, n, LIST_ARTICLE) && !word_in_list(f, i, n, LIST_ARTICLES))
    return 0;
  many = many || word_in_list(f, i, n, LIST_ARTICLES);
  size_t number = skip_space(f, i + n);
  size_t end = article_number(f, number);
  if (!end) return 0;
  char numbers[64];
  snprintf(numbers, sizeof(numbers), "%.*s", (int)(end - number), f->text + number);
  /* Ranges: "Articles 5 to 8", "Articles 5-8". */
  size_t at = end;
  size_t joiner = 0;
  int listed = 0; /* "Articles 12 and 13" lists, "Articles 5 to 8" spans */
  if (at + 4 < f->length && memcmp(f->text + at, " to ", 4) == 0)
    joiner = 4;
  else if (at + 5 < f->length && memcmp(f->text + at, " and ", 5) == 0)
    joiner = 5, listed = 1;
  else if (at < f->length && (f->text[at] == '-'))
    joiner = 1;
  else if (at + 3 < f->length && (unsigned char)f->text[at] == 0xE2 &&
           (unsigned char)f->text[at + 1] == 0x80 && (unsigned char)f->text[at + 2] == 0x93)
    joiner = 3;
  if (joiner) {
    size_t second_end = article_number(f, at + joiner);
    if (second_end) {
      size_t used = strlen(numbers);
      snprintf(numbers + used, sizeof(numbers) - used, "%s%.*s", listed ? ", " : "-",
               (int)(second_end - at - joiner), f->text + at + joiner);
      end = second_end;
      many = 1;
    }
  }
  /* The treaty: "of the Rome Statute" right after, or the last one named
  ** within the preceding few hundred bytes. */
  char treaty[IBID_ENTITY_VALUE_SIZE] = "";
  size_t of = skip_space(f, end);
  size_t entity_end = end;
  if (ibid_word_is(f->text, f->length, of, "of")) {
    size_t name = skip_space(f, of + 2);
    if (ibid_word_is(f->text, f->length, name, "the")) name = skip_space(f, name + 3);
    size_t name_end = treaty_name(f, name, treaty);
    if (name_end) entity_end = name_end;
  }
  /* Otherwise the treaty is clear when the text has named only one so far,
  ** or named one a few lines before. */
  if (!treaty[0] && f->treaty[0] && (!f->several_treaties || f->treaty_end + 600 > i))
    memcpy(treaty, f->treaty, sizeof(treaty));
  char value[2 * IBID_ENTITY_VALUE_SIZE];
  snprintf(value, sizeof(value), "%s%s%s %s", treaty, treaty[0] ? " " : "", many ? "arts." : "art.",
           numbers);
  /* The span is the article alone: the treaty named after it is an entity
  ** of its own, found when the scan reaches it. */
  (void)entity_end;
  emit(f, IBID_ENTITY_TREATY_ARTICLE, i, end, value);
  return end;
}

/* "Chapter VII of the UN Charter", or "Chapter VII" after the Charter was named. */
static size_t match_chapter(finder *f, size_t i, size_t n) {
  if (!word_equals(f, i, n, "Chapter")) return 0;
  size_t number = skip_space(f, i + n);
  size_t number_n = 0;
  while (number + number_n < f->length && strchr("IVXL0123456789", f->text[number + number_n]) &&
         f->text[number + number_n])
    number_n++;
  if (!number_n || (number + number_n < f->length && ibid_is_alpha(f->text[number + number_n])))
    return 0;
  char treaty[IBID_ENTITY_VALUE_SIZE] = "";
  size_t end = number + number_n;
  size_t of = skip_space(f, end);
  if (ibid_word_is(f->text, f->length, of, "of")) {
    size_t name = skip_space(f, of + 2);
    if (ibid_word_is(f->text, f->length, name, "the")) name = skip_space(f, name + 3);
    size_t name_end = treaty_name(f, name, treaty);
    if (name_end) end = name_end;
  }
  if (!treaty[0] && f->treaty[0] && f->treaty_end + 600 > i)
    memcpy(treaty, f->treaty, sizeof(treaty));
  if (strcmp(treaty, "UN Charter") != 0) return 0;
  char value[IBID_ENTITY_VALUE_SIZE];
  snprintf(value, sizeof(value), "UN Charter ch. %.*s", (int)number_n, f->text + number);
  emit(f, IBID_ENTITY_TREATY_ARTICLE, i, end, value);
  return end;
}

/* ----- law reports ------------------------------------------------------------- */

/* 0 when match_report finds nothing at i, told by the byte after its
** first: "IC" or "I." for "ICJ Reports", a space after a number. */
static inline int may_be_report(const finder *f, size_t i) {
  const char *t = f->text;
  if (t[i] == 'I') return i + 1 < f->length && (t[i + 1] == 'C' || t[i + 1] == '.');
  if (t[i] == '[') return 1;
  size_t at = i + digits(f, i);
  return at < f->length && t[at] == ' ';
}

static size_t match_report(finder *f, size_t i) {
  const char *t = f->text;
  size_t len = f->length;
  /* ICJ Reports (2012) */
  static const char *const icj[] = {"ICJ Reports", "I.C.J. Reports"};
  for (int k = 0; k < 2 && t[i] == 'I' && i + 1 < len; k++) {
    if (t[i + 1] != icj[k][1]) continue; /* (most words: "In", "It") */
    size_t n = strlen(icj[k]);
    if (i + n <= len && memcmp(t + i, icj[k], n) == 0) {
      size_t at = skip_space(f, i + n), end = i + n;
      int year = 0;
      if (at < len && t[at] == '(' && (year = year_value_at(f, at + 1)) && at + 5 < len &&
          t[at + 5] == ')')
        end = at + 6;
      else if ((year = year_value_at(f, at)) != 0)
        end = at + 4;
      char value[IBID_ENTITY_VALUE_SIZE];
      if (year)
        snprintf(value, sizeof(value), "ICJ Reports %d", year);
      else
        strcpy(value, "ICJ Reports");
      emit(f, IBID_ENTITY_COURT_DECISION, i, end, value);
      return end;
    }
  }
  /* [2017] ZAGPPHC 53, [2017] 2 All SA 123 */
  if (t[i] == '[' && year_value_at(f, i + 1) && i + 6 < len && t[i + 5] == ']') {
    size_t at = i + 6;
    if (at < len && t[at] == ' ') at++;
    size_t volume = digits(f, at);
    if (volume) at = at + volume + 1;
    size_t words = 0, end = 0;
    while (at < len && words < 4) {
      size_t n = 0;
      while (at + n < len && (ibid_is_alpha(t[at + n]) || t[at + n] == '.')) n++;
      if (!n) break;
      if (!ibid_is_upper(t[at])) return 0;
      words++;
      at += n;
      if (at < len && t[at] == ' ') at++;
      size_t page = digits(f, at);
      if (page) {
        end = at + page;
        break;
      }
    }
    if (!end || !words) return 0;
    emit(f, IBID_ENTITY_COURT_DECISION, i, end, NULL);
    return end;
  }
  if (!ibid_is_digit(t[i])) return 0;
  size_t volume = digits(f, i);
  size_t at = i + volume;
  /* 2017 (3) SA 212 */
  if (volume == 4 && year_value_at(f, i) && at + 4 < len && t[at] == ' ' && t[at + 1] == '(') {
    size_t issue = digits(f, at + 2);
    size_t after = at + 2 + issue;
    if (issue && after + 2 < len && t[after] == ')' && t[after + 1] == ' ' &&
        ibid_is_upper(t[after + 2])) {
      size_t r = after + 2, n = 0;
      while (r + n < len && ibid_is_upper(t[r + n])) n++;
      size_t page = r + n < len && t[r + n] == ' ' ? digits(f, r + n + 1) : 0;
      if (n >= 2 && page) {
        emit(f, IBID_ENTITY_COURT_DECISION, i, r + n + 1 + page, NULL);
        return r + n + 1 + page;
      }
    }
  }
  /* US reporters: 169 F. Supp. 2nd, 542 U.S. 692, 70 F.3d 232 */
  if (volume <= 4 && at + 3 < len && t[at] == ' ') {
    static const char *const reporters[] = {"F. Supp.", "F.2d",   "F.3d",     "F.4th",
                                            "U.S.",     "S. Ct.", "F. App'x", "L. Ed."};
    for (size_t k = 0; k < sizeof(reporters) / sizeof(reporters[0]); k++) {
      if (t[at + 1] != reporters[k][0]) continue; /* (most numbers: a year) */
      size_t n = strlen(reporters[k]);
      if (at + 1 + n > len || memcmp(t + at + 1, reporters[k], n) != 0) continue;
      size_t end = at + 1 + n;
      static const char *const series[] = {" 2d", " 2nd", " 3d", " 3rd"};
      for (int s = 0; s < 4; s++) {
        size_t sn = strlen(series[s]);
        if (end + sn <= len && memcmp(t + end, series[s], sn) == 0 &&
            (end + sn == len || !ibid_is_alpha(t[end + sn]))) {
          end += sn;
          break;
        }
      }
      if (end + 1 < len && t[end] == ' ' && digits(f, end + 1)) end = end + 1 + digits(f, end + 1);
      emit(f, IBID_ENTITY_COURT_DECISION, i, end, NULL);
      return end;
    }
  }
  return 0;
}

/* ----- names ----------------------------------------------------------------- */

static int is_particle(const finder *f, size_t i, size_t n) {
  /* (most words after a name are none: told by their first letter and length) */
  unsigned c = (unsigned)((unsigned char)f->text[i] - 'a');
  if (n < 4 && c < 26 && !((f->lexicon->particle_initials[n] >> c) & 1)) return 0;
  return word_in_list(f, i, n, LIST_PARTICLE);
}

/* A person's name at i: one to four capitalised words ("Ban Ki-moon",
** "Omar al-Rashid", "Alex de Waal"). Returns its end, 0 if none or if the
** capitalised run goes on (a title in Title Case, not a name). */
static size_t person_name_at(const finder *f, size_t i, size_t *word_count) {
  size_t at = i, end = 0, words = 0;
  while (words < 5) {
    /* a lowercase word no particle begins as, and no "al-": the name ends
    ** (told before the word is measured: most words after a name) */
    unsigned lower = at < f->length ? (unsigned)((unsigned char)f->text[at] - 'a') : 26;
    if (lower < 26 && !((f->lexicon->particle_firsts >> lower) & 1) &&
        !(at + 2 < f->length && f->text[at + 2] == '-'))
      break;
    size_t n = name_word(f, at);
    if (!n) break;
    int lower_prefix = ibid_is_lower(f->text[at]) && n > 3 && f->text[at + 2] == '-';
    if (n == 1 && is_capital_at(f, at) && at + 1 < f->length && f->text[at + 1] == '.') {
      /* an initial: "William C. Hubbard" */
      words++;
      end = at + 2;
      size_t next = skip_space(f, at + 2);
      if (next != at + 3) break;
      at = next;
      continue;
    }
    if (is_capital_at(f, at) || lower_prefix) {
      if (is_function_capital(f, at, n)) break;
      size_t after_word = skip_space(f, at + n);
      if (after_word < f->length && ibid_is_digit(f->text[after_word]) &&
          month_of_word(f->text + at, n))
        break; /* "March 2005", but "Jan Eliasson" */
      words++;
      end = at + n;
    } else if (is_particle(f, at, n) && words > 0) {
      /* kept only when a capitalised word follows */
    } else {
      break;
    }
    size_t next = skip_space(f, at + n);
    if (next == at + n || next - (at + n) > 3) break; /* punctuation or a gap ends the name */
    at = next;
  }
  *word_count = words;
  if (!words || words > 4) return 0;
  /* A capitalised word right after the name: a headline in Title Case. */
  if (end + 1 < f->length && f->text[end] == ' ' && is_capital_at(f, end + 1)) return 0;
  return end;
}

/* person_name_at, remembering its last answer: the matchers of a capitalised
** word ask it about the same offset one after the other. */
static size_t person_name(const finder *f, size_t i, size_t *word_count) {
  finder *cache = (finder *)f;
  if (cache->person_at != i + 1) {
    cache->person_end = person_name_at(f, i, &cache->person_words);
    cache->person_at = i + 1;
  }
  *word_count = cache->person_words;
  return cache->person_end;
}

static int is_role(const finder *f, size_t i, size_t n) {
  /* Not "General", "Chief", "Leader", "Major", "Justice": in Title Case
  ** headlines they are ordinary words ("Major Loss to Victims"). */
  return word_in_list(f, i, n, LIST_ROLE);
}

/* "President Omar al-Rashid", "chief prosecutor, Fatou Bensouda", "Minister
** of State for Humanitarian Affairs, Ahmed Harun". */
static size_t match_person_after_role(finder *f, size_t i, size_t n) {
  if (!is_role(f, i, n)) return 0;
  size_t at = i + n;
  int comma = 0;
  size_t next = skip_space(f, at);
  /* The office may go on: "Minister of State for Humanitarian Affairs". */
  if (ibid_word_is(f->text, f->length, next, "of") ||
      ibid_word_is(f->text, f->length, next, "for") ||
      ibid_word_is(f->text, f->length, next, "to")) {
    size_t scan_at = next, words = 0;
    while (words < 8) {
      size_t w = name_word(f, scan_at);
      if (!w) break;
      if (!is_capital_at(f, scan_at) && !word_equals(f, scan_at, w, "of") &&
          !word_equals(f, scan_at, w, "for") && !word_equals(f, scan_at, w, "to") &&
          !word_equals(f, scan_at, w, "the") && !word_equals(f, scan_at, w, "and"))
        return 0;
      at = scan_at + w;
      words++;
      size_t after = skip_space(f, at);
      if (after == at) break;
      scan_at = after;
    }
    if (at >= f->length || f->text[at] != ',') return 0;
    comma = 1;
    next = skip_space(f, at + 1);
  } else if (at < f->length && f->text[at] == ',') {
    comma = 1;
    next = skip_space(f, at + 1);
  }
  if (next - at > 3 + (size_t)comma) return 0; /* a gap of several lines */
  int lower_prefix = next + 3 < f->length && ibid_is_lower(f->text[next]) &&
                     f->text[next + 2] == '-' && ibid_is_upper(f->text[next + 3]);
  if (!is_capital_at(f, next) && !lower_prefix) return 0;
  size_t words, end = person_name(f, next, &words);
  if (!end) return 0;
  /* After a comma the name is an apposition and ends at a comma or period. */
  if (comma && end < f->length && f->text[end] != ',' && f->text[end] != '.' &&
      !(words >= 2 && ibid_is_space(f->text[end])))
    return 0;
  /* A lone capitalised word after a lowercase role noun is rarely a name. */
  if (words == 1 && !ibid_is_upper(f->text[i]) && !comma) {
    size_t word_n = name_word(f, next);
    (void)word_n;
  }
  if (words == 1 && i + n < f->length && comma && !ibid_is_upper(f->text[i])) return 0;
  emit(f, IBID_ENTITY_PERSON, next, end, NULL);
  return end;
}

/* "Abdel Raheem Mohammad Hussein, the former Minister", "Mr. Ben Kioko,
** Legal Counsel". Called at a capitalised word that follows no capital. */
static size_t person_before_role_at(finder *f, size_t i, size_t end);

static inline size_t match_person_before_role(finder *f, size_t i) {
  size_t words, end = person_name(f, i, &words);
  if (!end || words < 2 || end + 2 >= f->length || f->text[end] != ',') return 0;
  return person_before_role_at(f, i, end);
}

/* match_person_before_role after the name text[i, end) and its comma. */
static size_t person_before_role_at(finder *f, size_t i, size_t end) {
  size_t at = skip_space(f, end + 1);
  if (ibid_word_is(f->text, f->length, at, "the")) at = skip_space(f, at + 3);
  if (ibid_word_is(f->text, f->length, at, "former")) at = skip_space(f, at + 6);
  for (int k = 0; k < 3; k++) {
    size_t n = name_word(f, at);
    if (!n || !is_capital_at(f, at)) return 0;
    if (is_role(f, at, n)) {
      emit(f, IBID_ENTITY_PERSON, i, end, NULL);
      return end;
    }
    at = skip_space(f, at + n);
  }
  return 0;
}

/* ----- organizations ------------------------------------------------------------ */

static int is_institution_head(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_INSTITUTION_HEAD);
}

/* Institutions known by name in this field, with the acronym used as value. */
static const char *known_institution(const char *name) {
  static const char *const table[][2] = {{"Security Council", "UNSC"},
                                         {"UN Security Council", "UNSC"},
                                         {"United Nations Security Council", "UNSC"},
                                         {"UNSC", "UNSC"},
                                         {"General Assembly", "UNGA"},
                                         {"UN General Assembly", "UNGA"},
                                         {"United Nations General Assembly", "UNGA"},
                                         {"UNGA", "UNGA"},
                                         {"African Union", "AU"},
                                         {"AU", "AU"},
                                         {"International Criminal Court", "ICC"},
                                         {"ICC", "ICC"},
                                         {"Office of the Prosecutor", "OTP"},
                                         {"OTP", "OTP"},
                                         {"International Court of Justice", "ICJ"},
                                         {"ICJ", "ICJ"},
                                         {"United Nations", "UN"},
                                         {"UN", "UN"},
                                         {"European Union", "EU"},
                                         {"EU", "EU"},
                                         {"Human Rights Council", "HRC"},
                                         {"UN Human Rights Council", "HRC"},
                                         {"NATO", "NATO"}};
  for (size_t k = 0; k < sizeof(table) / sizeof(table[0]); k++)
    if (name[0] == table[k][0][0] && strcmp(name, table[k][0]) == 0) return table[k][1];
  return NULL;
}

static size_t acronym_hash(const char *bytes, size_t n) {
  size_t hash = 5381;
  for (size_t k = 0; k < n; k++) hash = hash * 33 + (unsigned char)bytes[k];
  return hash % (2 * MAX_ACRONYMS);
}

/* Hash lookup: every capitalised token asks, so it must not be a list walk. */
static const acronym *find_acronym(const finder *f, const char *bytes, size_t n) {
  if (n >= ACRONYM_SIZE) return NULL;
  for (size_t slot = acronym_hash(bytes, n);; slot = (slot + 1) % (2 * MAX_ACRONYMS)) {
    int index = f->acronym_slots[slot];
    if (!index) return NULL;
    const acronym *a = &f->acronyms[index - 1];
    if (strlen(a->letters) == n && memcmp(a->letters, bytes, n) == 0) return a;
  }
}

static void remember_acronym(finder *f, const char *letters, size_t n, size_t start) {
  acronym *a = &f->acronyms[f->acronym_count++];
  memcpy(a->letters, letters, n);
  a->letters[n] = 0;
  a->name_start = start;
  size_t slot = acronym_hash(letters, n);
  while (f->acronym_slots[slot]) slot = (slot + 1) % (2 * MAX_ACRONYMS);
  f->acronym_slots[slot] = (short)f->acronym_count;
}

/* An acronym token at i: letters, '/', '-' and '&', starting with a capital
** and holding at least two capitals and no digit ("UNSC", "SLM/A",
** "CoI-Yemen"). Returns its length, 0 if none. */
static size_t acronym_token_at(const finder *f, size_t i) {
  if (!ibid_is_upper(f->text[i])) return 0;
  size_t n = 0, capitals = 0;
  while (i + n < f->length) {
    char c = f->text[i + n];
    if (ibid_is_upper(c))
      capitals++;
    else if (!(ibid_is_lower(c) || c == '/' || c == '-' || c == '&'))
      break;
    n++;
  }
  while (n > 0 && (f->text[i + n - 1] == '-' || f->text[i + n - 1] == '/')) n--;
  if (capitals < 2 || n >= ACRONYM_SIZE) return 0;
  if (i + n < f->length && ibid_is_digit(f->text[i + n])) return 0;
  /* A mostly lowercase word with two capitals ("McDonald") is no acronym. */
  size_t lower = 0;
  for (size_t k = 0; k < n; k++) lower += ibid_is_lower(f->text[i + k]);
  if (lower > capitals && !memchr(f->text + i, '-', n)) return 0;
  return n;
}

/* acronym_token_at, remembering its last answer (match_acronym and then
** match_initials ask about the same capital). */
static inline size_t acronym_token(const finder *f, size_t i) {
  if (!ibid_is_upper(f->text[i])) return 0;
  finder *cache = (finder *)f;
  if (cache->acronym_at != i + 1) {
#if IBID_LANES
    /* Most capitals: ASCII letters that one capital opens and a byte other
    ** than '/', '-' and '&' ends within eight bytes ("Kampala "): a token of
    ** fewer than two capitals. */
    if (i + 8 <= f->length) {
      uint64_t x = ibid_scan_load(f->text + i);
      uint64_t letters = ibid_letter_lanes(x), stops = ~letters & IBID_SCAN_HIGH;
      if (stops) {
        size_t r = (size_t)__builtin_ctzll(stops) >> 3;
        uint64_t upper = letters & ~(x << 2) & ((1ull << (8 * r)) - 1); /* (0x20 clear) */
        char c = f->text[i + r];
        if (!(upper & (upper - 1)) && c != '/' && c != '-' && c != '&') {
          cache->acronym_length = 0;
          cache->acronym_at = i + 1;
          return 0;
        }
      }
    }
#endif
    cache->acronym_length = acronym_token_at(f, i);
    cache->acronym_at = i + 1;
  }
  return cache->acronym_length;
}

/* Skips a possessive "’s" / "'s" that ends just before `end`. */
static size_t before_possessive(const finder *f, size_t end) {
  if (end >= 2 && f->text[end - 1] == 's' && f->text[end - 2] == '\'') return end - 2;
  if (end >= 4 && f->text[end - 1] == 's' && (unsigned char)f->text[end - 4] == 0xE2 &&
      (unsigned char)f->text[end - 3] == 0x80 && (unsigned char)f->text[end - 2] == 0x99)
    return end - 4;
  return end;
}

static int is_connector(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_CONNECTOR);
}

static char lower_ascii(char c) {
  return ibid_is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

/* The defined name of the acronym whose '(' is at open: where it starts, or
** 0 if the initials do not match the words before it. */
static size_t defined_name_start(const finder *f, size_t open, const char *letters, size_t n) {
  char initials[ACRONYM_SIZE];
  size_t count = 0;
  int hyphenated = memchr(letters, '-', n) != NULL;
  for (size_t k = 0; k < n && letters[k] != '-'; k++)
    if (ibid_is_upper(letters[k])) initials[count++] = letters[k];
  if (count < 2) return 0;
  size_t end = before_possessive(f, open);
  size_t start = 0, skipped = 0;
  for (int words = 0; words < 12 && count > 0; words++) {
    while (end > 0 && (ibid_is_space(f->text[end - 1]) || f->text[end - 1] == '/')) end--;
    size_t word_end, word_start = word_before(f, end, &word_end);
    if (word_start >= word_end) return 0;
    size_t w = word_end - word_start;
    const char *word = f->text + word_start;
    int all_capitals = w >= 2;
    for (size_t k = 0; k < w; k++) all_capitals = all_capitals && ibid_is_upper(word[k]);
    if (is_connector(f, word_start, w)) {
      /* A function word is an initial only when no capitalised word before
      ** it could be: "Office of the Prosecutor (OTP)". */
      if (count > 1 && lower_ascii(word[0]) == lower_ascii(initials[count - 1])) {
        size_t previous_end, previous = word_before(f, word_start, &previous_end);
        if (!(previous < previous_end && is_capital_at(f, previous) &&
              lower_ascii(f->text[previous]) == lower_ascii(initials[count - 1])))
          count--;
      }
    } else if (all_capitals && w <= count && memcmp(word, initials + count - w, w) == 0) {
      count -= w;
      start = word_start;
    } else if ((ibid_is_upper(word[0]) || (hyphenated && ibid_is_lower(word[0]))) &&
               lower_ascii(word[0]) == lower_ascii(initials[count - 1])) {
      count--;
      start = word_start;
    } else if (start == 0 && skipped < 2 && ibid_is_upper(word[0])) {
      skipped++; /* "Commission of Inquiry for Yemen (CoI-Yemen)" */
    } else {
      return 0;
    }
    end = word_start;
  }
  return count == 0 ? start : 0;
}

/* Words that make a defined acronym an institution rather than a technical
** term ("X-ray Absorption Near Edge Structure (XANES)" is not one). */
static int has_institution_word(const finder *f, size_t start, size_t end) {
  static const char *const list[] = {
      "council",     "court",      "union",          "commission",    "assembly",    "office",
      "coalition",   "tribunal",   "organization",   "organisation",  "committee",   "programme",
      "program",     "institute",  "agency",         "watch",         "center",      "centre",
      "congress",    "foundation", "network",        "association",   "federation",  "secretariat",
      "observatory", "parliament", "movement",       "army",          "forces",      "front",
      "party",       "group",      "mission",        "operation",     "fund",        "bank",
      "service",     "department", "ministry",       "bureau",        "authority",   "board",
      "conference",  "society",    "league",         "alliance",      "nations",     "police",
      "university",  "school",     "college",        "chamber",       "panel",       "initiative",
      "project",     "government", "administration", "reserve",       "corporation", "company",
      "district",    "council",    "roundtable",     "international", "trust",       "conservancy",
      "division",    "force"};
  for (size_t i = start; i < end; i++) {
    if (!ibid_is_alpha(f->text[i]) || (i > start && ibid_is_alpha(f->text[i - 1]))) continue;
    size_t n = ibid_word_length(f->text, f->length, i);
    char lower[16];
    if (n < sizeof(lower)) {
      for (size_t k = 0; k < n; k++) lower[k] = lower_ascii(f->text[i + k]);
      for (size_t k = 0; k < sizeof(list) / sizeof(list[0]); k++)
        if (list[k][0] == lower[0]) { /* strlen(list[k]) == n && memcmp(...) == 0 */
          const char *word = list[k];
          size_t same = 0;
          while (same < n && word[same] == lower[same]) same++;
          if (same == n && word[n] == 0) return 1;
        }
    }
    i += n ? n - 1 : 0;
  }
  return 0;
}

static void collect_acronyms(finder *f) {
  for (size_t i = 0; i + 3 < f->length && f->acronym_count < MAX_ACRONYMS; i++) {
    if (f->text[i] != '(') {
      const char *open = memchr(f->text + i, '(', f->length - 3 - i);
      if (!open) break;
      i = (size_t)(open - f->text);
    }
    size_t n = acronym_token(f, i + 1);
    if (!n || i + 1 + n >= f->length || f->text[i + 1 + n] != ')') continue;
    if (ibid_in_spans(f->citations, f->citation_count, i)) continue;
    const char *letters = f->text + i + 1;
    size_t start = defined_name_start(f, i, letters, n);
    if (start && !has_institution_word(f, start, i)) continue;
    if (!start) {
      /* "(UNAMID)" after a description of a mission: a long all-capital acronym. */
      size_t capitals = 0;
      for (size_t k = 0; k < n; k++) capitals += ibid_is_upper(letters[k]);
      if (capitals < 4 || capitals != n || !has_institution_word(f, i > 80 ? i - 80 : 0, i))
        continue;
      start = i;
    }
    if (find_acronym(f, letters, n)) continue;
    remember_acronym(f, letters, n, start);
  }
}

/* Removes entities that start at or after `start` (a longer name found later
** covers them). */
static void drop_entities_from(finder *f, size_t start) {
  while (f->count > 0 && f->items[f->count - 1].start >= start) f->count--;
}

/* "Office of the Prosecutor", "for the Responsibility to Protect": the part
** of a name after its head noun. */
static size_t name_tail(const finder *f, size_t end) {
  size_t at = skip_space(f, end);
  if (at - end != 1) return end;
  if (!ibid_word_is(f->text, f->length, at, "of") && !ibid_word_is(f->text, f->length, at, "for"))
    return end;
  size_t best = end, words = 0;
  at = skip_space(f, at + (f->text[at] == 'o' ? 2 : 3));
  if (ibid_word_is(f->text, f->length, at, "the")) at = skip_space(f, at + 3);
  int after_of = 0; /* "the" only after "of": not "Education and the Agency" */
  int ands = 0;
  size_t most = f->text[end + 1] == 'o' ? 4 : 3; /* "of Palm Oil Producing Countries" */
  while (words < most && at < f->length) {
    size_t n = name_word(f, at);
    if (!n) {
      n = acronym_token(f, at);
      if (!n) break;
    }
    if (is_capital_at(f, at) && !is_function_capital(f, at, n)) {
      best = at + n;
      words++;
      after_of = 0;
    } else if (word_equals(f, at, n, "and") || word_equals(f, at, n, "of") ||
               (after_of && word_equals(f, at, n, "the")) || word_equals(f, at, n, "to")) {
      after_of = word_equals(f, at, n, "of");
      if (word_equals(f, at, n, "and") && ands++) break; /* one "and": not "... and Partners" */
      if (word_equals(f, at, n, "to")) {
        /* "to Protect" only as the last word */
        size_t next = skip_space(f, at + n);
        size_t next_n = name_word(f, next);
        if (!next_n || !is_capital_at(f, next)) break;
        size_t after = skip_space(f, next + next_n);
        if (after > next + next_n && is_capital_at(f, after)) break;
        best = next + next_n;
        break;
      }
    } else {
      break;
    }
    size_t next = skip_space(f, at + n);
    if (next - (at + n) != 1 && !(next > at + n && next - (at + n) <= 3)) break;
    at = next;
  }
  return best;
}

/* A capitalised name ending in an institutional noun at the head word i. */
static size_t institution_at(finder *f, size_t i, size_t n);

static inline size_t match_institution(finder *f, size_t i, size_t n) {
  if (n > 2 && f->text[i + n - 2] == '\'' && f->text[i + n - 1] == 's') n -= 2; /* "Union's" */
  if (!is_institution_head(f, i, n)) return 0;
  return institution_at(f, i, n);
}

/* match_institution at its head noun, text[i, i + n). */
static size_t institution_at(finder *f, size_t i, size_t n) {
  size_t start = i, words = 1, end = i;
  for (int k = 0; k < 8; k++) {
    size_t amp = end;
    while (amp > 0 && f->text[amp - 1] == ' ') amp--;
    if (amp > 1 && f->text[amp - 1] == '&' && f->text[amp - 2] == ' ') {
      end = amp - 1; /* "Bill & Melinda Gates Foundation" */
      continue;
    }
    size_t word_end, word_start = word_before(f, end, &word_end);
    if (word_start >= word_end || end - word_end > 3) break;
    if (word_end - word_start == 1 && f->text[word_start] == 's' && word_start >= 2 &&
        f->text[word_start - 1] == '\'' && ibid_is_alpha(f->text[word_start - 2])) {
      size_t possessor_end; /* "Uganda People's Defence Force" */
      word_start = word_before(f, word_start - 1, &possessor_end);
    }
    size_t w = word_end - word_start;
    if (word_equals(f, word_start, w, "and")) {
      size_t before_end, before = word_before(f, word_start, &before_end);
      if (before >= before_end || !is_capital_at(f, before)) break;
      /* "Equity Bank and Kenya Commercial Bank" are two */
      if (is_institution_head(f, before, before_end - before)) break;
      end = word_start;
      continue;
    }
    if (!is_capital_at(f, word_start) || is_function_capital(f, word_start, w) ||
        month_of_word(f->text + word_start, w))
      break;
    start = word_start;
    end = word_start;
    words++;
  }
  size_t name_end = name_tail(f, i + n);
  if (name_end > i + n) words++;
  /* The capitalised run must stop here: "Continental Court Structures" is a title. */
  size_t after = skip_space(f, name_end);
  if (after == name_end + 1 && is_capital_at(f, after)) {
    size_t w = name_word(f, after);
    if (word_equals(f, i, n, "University") && word_equals(f, after, w, "Press")) return 0;
    /* "Security Council Resolution 2334" names a document of the organ. */
    if (w && !is_function_capital(f, after, w) && !word_in_list(f, after, w, LIST_ORGAN_DOCUMENT))
      return 0;
  }
  if (words < 2) return 0;
  /* A journal in a reference: "International Organization, 58:2 (2004)". */
  if (name_end + 3 < f->length && f->text[name_end] == ',' && f->text[name_end + 1] == ' ' &&
      ibid_is_digit(f->text[name_end + 2])) {
    size_t d = name_end + 2;
    while (d < f->length && ibid_is_digit(f->text[d])) d++;
    if (d + 1 < f->length && (f->text[d] == ':' || (f->text[d] == ' ' && f->text[d + 1] == '(')))
      return 0;
  }
  if (name_end + 6 < f->length && memcmp(f->text + name_end, ", vol.", 6) == 0) return 0;
  char name[IBID_ENTITY_VALUE_SIZE];
  copy_value(name, f->text + start, name_end - start);
  const char *known = known_institution(name);
  if (!known && strchr(name, ' ')) {
    /* "Made Security Council" at the start of a bullet: a stray capitalised
    ** word before a known name is not part of it (unless it is an acronym
    ** such as "UN"). */
    const char *rest = strchr(name, ' ') + 1;
    const char *shorter = known_institution(rest);
    if (shorter && ibid_is_lower(name[1])) {
      start = skip_space(f, start + (size_t)(rest - name) - 1);
      known = shorter;
    }
  }
  drop_entities_from(f, start);
  emit(f, IBID_ENTITY_ORGANIZATION, start, name_end, known ? known : name);
  return name_end;
}

/* A bare acronym: one defined in the text, or a known institution. */
static size_t match_acronym(finder *f, size_t i) {
  size_t n = acronym_token(f, i);
  if (!n) return 0;
  if (i + n < f->length && (ibid_is_alpha(f->text[i + n]) || ibid_is_digit(f->text[i + n])))
    return 0;
  const acronym *a = find_acronym(f, f->text + i, n);
  char letters[ACRONYM_SIZE];
  copy_value(letters, f->text + i, n);
  const char *known = known_institution(letters);
  if (!a && !known) return 0;
  emit(f, IBID_ENTITY_ORGANIZATION, i, i + n, known ? known : letters);
  return i + n;
}

/* "United Nations" not followed by an organ's name. */
static size_t match_united_nations(finder *f, size_t i) {
  static const char name[] = "United Nations";
  if (i + sizeof(name) - 1 > f->length || memcmp(f->text + i, name, sizeof(name) - 1) != 0)
    return 0;
  size_t end = i + sizeof(name) - 1;
  emit(f, IBID_ENTITY_ORGANIZATION, i, end, "UN");
  return end;
}

/* ----- situations ------------------------------------------------------------- */

static size_t match_situation(finder *f, size_t i, size_t n) {
  if (!word_equals(f, i, n, "situation") && !word_equals(f, i, n, "Situation")) return 0;
  size_t at = skip_space(f, i + n);
  if (!ibid_word_is(f->text, f->length, at, "in")) return 0;
  at = skip_space(f, at + 2);
  if (ibid_word_is(f->text, f->length, at, "the")) at = skip_space(f, at + 3);
  size_t name_start = at, end = 0;
  for (int words = 0; words < 8; words++) {
    size_t w = name_word(f, at);
    if (!w) break;
    if (is_capital_at(f, at) && !is_function_capital(f, at, w) && !month_of_word(f->text + at, w)) {
      end = at + w;
    } else if (!(end && (word_equals(f, at, w, "of") || word_equals(f, at, w, "the") ||
                         word_equals(f, at, w, "and")))) {
      break;
    }
    size_t next = skip_space(f, at + w);
    if (next == at + w || next - (at + w) > 3) break;
    at = next;
  }
  if (!end) return 0;
  char value[IBID_ENTITY_VALUE_SIZE];
  copy_value(value, f->text + name_start, end - name_start);
  emit(f, IBID_ENTITY_SITUATION, i, end, value);
  return end;
}

/* ----- resolution years ---------------------------------------------------------- */

/* The year of a date "31 March 2005" / "March 2005" in [start, end) before
** `before`, the last one; 0 if none. */
static int last_date_year(const finder *f, size_t start, size_t before) {
  int year = 0;
  for (size_t i = start; i + 4 <= before; i++) {
    if (!ibid_is_upper(f->text[i]) || (i > start && ibid_is_alpha(f->text[i - 1]))) continue;
    size_t n = ibid_word_length(f->text, f->length, i);
    if (!month_of_word(f->text + i, n)) continue;
    size_t at = skip_space(f, i + n);
    int y = at + 4 <= before ? year_value_at(f, at) : 0;
    if (y) year = y;
  }
  return year;
}

static int sentence_says_adopted(const finder *f, size_t start, size_t end) {
  for (size_t i = start; i + 5 <= end; i++)
    if (memcmp(f->text + i, "adopt", 5) == 0) return 1;
  return 0;
}

/* Gives every "S/RES/N" the year stated at one of its mentions. */
static int resolve_resolution_years(finder *f) {
  const size_t *sentences = f->layers->sentence_starts;
  size_t sentence_count = f->layers->sentence_count;
  size_t first = 0;
  while (first < f->count && (f->items[first].kind != IBID_ENTITY_UN_RESOLUTION ||
                              strncmp(f->items[first].value, "S/RES/", 6) != 0))
    first++;
  if (first == f->count) return 0; /* no resolution: nothing to resolve */
  short *years = ibid_malloc(10000 * sizeof(short));
  if (!years) return -1;
  /* only the numbers the mentions hold are read or written: those are
  ** zeroed, not the whole table */
  for (size_t k = first; k < f->count; k++) {
    const ibid_entity *e = &f->items[k];
    if (e->kind != IBID_ENTITY_UN_RESOLUTION || strncmp(e->value, "S/RES/", 6) != 0) continue;
    int number = 0, digits_seen = 0;
    for (const char *p = e->value + 6; *p >= '0' && *p <= '9' && digits_seen < 4; p++)
      number = number * 10 + (*p - '0'), digits_seen++;
    years[number] = 0;
  }
  for (int pass = 0; pass < 2; pass++) {
    for (size_t k = 0; k < f->count; k++) {
      ibid_entity *e = &f->items[k];
      if (e->kind != IBID_ENTITY_UN_RESOLUTION || strncmp(e->value, "S/RES/", 6) != 0) continue;
      int number = 0, digits_seen = 0;
      const char *p = e->value + 6;
      while (*p >= '0' && *p <= '9' && digits_seen < 5)
        number = number * 10 + (*p++ - '0'), digits_seen++;
      if (!digits_seen || digits_seen > 4) continue;
      if (*p == ' ') {
        int year = 0;
        if (sscanf(p, " (%d)", &year) == 1 && year > 0 && year < 10000) years[number] = (short)year;
        continue;
      }
      if (*p) continue;
      int year = 0;
      if (pass == 0) {
        size_t start, end;
        ibid_sentence_at(sentences, sentence_count, f->length, e->start, &start, &end);
        /* Only the text near the mention: linear on huge sentences. */
        if (e->start > start + 400) start = e->start - 400;
        if (end > e->start + 400) end = e->start + 400;
        if (sentence_says_adopted(f, start, end)) year = last_date_year(f, start, e->start);
        if (year) years[number] = (short)year;
      } else {
        year = years[number];
      }
      if (year) {
        size_t used = strlen(e->value);
        snprintf(e->value + used, sizeof(e->value) - used, " (%d)", year);
      }
    }
  }
  ibid_free(years);
  return 0;
}

/* ----- the scan ---------------------------------------------------------------- */

/* The end of the citation span holding offset, or 0. The scan asks at
** offsets that only grow, so a cursor walks the spans (sorted by end) once
** instead of a binary search a word. */
static size_t citation_end(finder *f, size_t offset) {
  size_t low = f->citation_cursor;
  while (low < f->citation_count && f->citations[2 * low + 1] <= offset) low++;
  f->citation_cursor = low;
  if (low < f->citation_count && f->citations[2 * low] <= offset) return f->citations[2 * low + 1];
  return 0;
}

/* At a '(' that defines an acronym for the entity just before it: the entity
** takes the acronym as its value and the span grows to the ')'. */
static size_t attach_definition(finder *f, size_t open) {
  size_t n = acronym_token(f, open + 1);
  if (!n || open + 1 + n >= f->length || f->text[open + 1 + n] != ')') return 0;
  const acronym *a = find_acronym(f, f->text + open + 1, n);
  if (!a || f->count == 0) return 0;
  ibid_entity *last = &f->items[f->count - 1];
  size_t last_end = last->start + last->length;
  if ((last->kind != IBID_ENTITY_ORGANIZATION && last->kind != IBID_ENTITY_ARMED_GROUP) ||
      last_end > open || last_end + 6 < open || last_end < a->name_start)
    return 0;
  last->length = open + 1 + n + 1 - last->start;
  copy_value(last->value, a->letters, strlen(a->letters));
  return open + n + 2;
}

/* ----- countries, armed groups, persons named without a title -------------------- */

/* Word statistics of the whole text, for the evidence that a capitalised run
** is a person's name: its last word recurs capitalised ("Uhuru Kenyatta ...
** Kenyatta and Ruto"), and none of its words is ever written in lowercase
** (common nouns are: "Special Jurisdiction" ... "jurisdiction"). */
typedef struct word_stat {
  uint64_t hash; /* FNV-1a of the lowercased word; 0 = empty slot */
  unsigned capitalised : 31;
  unsigned person_last : 1; /* the last word of a person's name found so far */
  unsigned lowercase;       /* (16 bytes a distinct word: see collect_word_stats) */
} word_stat;

/* The hash of text[i, i + n) with A-Z lowercased (bytes | 0x20: that makes
** no other byte a letter, so only words of letters can hash as one), eight
** bytes at a time (a word of eight bytes or fewer: short_hash); never 0. */
#define WORD_HASH_SEED 0x9E3779B97F4A7C15ull

static inline uint64_t hash_lane(uint64_t h, uint64_t lane) {
  h = (h ^ lane) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

static inline uint64_t hash_end(uint64_t h, size_t n) {
  h ^= n;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h ? h : 1;
}

/* A word of one to eight bytes: its one lane (bytes | 0x20, zero past the
** word) mixed alone -- a bijection, so no two such words share a hash, and
** never 0 (no such lane is 0). */
static inline uint64_t short_hash(uint64_t lane) {
  uint64_t h = lane * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 32);
}

static uint64_t word_hash(const finder *f, size_t i, size_t n) {
  const char *text = f->text + i;
  uint64_t h = WORD_HASH_SEED;
  size_t k = 0;
  if (n && n <= 8) {
    uint64_t lane = 0;
#if IBID_LANES
    uint64_t mask = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
    if (i + 8 <= f->length)
      lane = ibid_scan_load(text) & mask;
    else
      memcpy(&lane, text, n);
    lane |= 0x20 * IBID_SCAN_ONES & mask;
#else
    for (; k < n; k++) lane |= (uint64_t)((unsigned char)text[k] | 0x20) << (8 * k);
#endif
    return short_hash(lane);
  }
#if IBID_LANES
  for (; k + 8 <= n; k += 8) h = hash_lane(h, ibid_scan_load(text + k) | 0x20 * IBID_SCAN_ONES);
  if (k < n) { /* the last 1 to 7 bytes as one lane, the rest of it zero */
    uint64_t lane = 0, mask = (1ull << (8 * (n - k))) - 1;
    if (i + k + 8 <= f->length)
      lane = ibid_scan_load(text + k) & mask;
    else
      memcpy(&lane, text + k, n - k);
    h = hash_lane(h, lane | (0x20 * IBID_SCAN_ONES & mask));
  }
#else
  for (; k < n; k++) h = hash_lane(h, (unsigned char)text[k] | 0x20);
#endif
  return hash_end(h, n);
}

/* The ASCII letters from text[i] on: their number in *n and their
** word_hash, read in one pass. */
static uint64_t letters_hash(const finder *f, size_t i, size_t *n) {
#if IBID_LANES
  if (i + 8 <= f->length) { /* most words: fewer than eight letters */
    uint64_t x = ibid_scan_load(f->text + i);
    uint64_t stops = ~ibid_letter_lanes(x) & IBID_SCAN_HIGH;
    if (stops) {
      size_t r = (size_t)__builtin_ctzll(stops) >> 3;
      uint64_t mask = (1ull << (8 * r)) - 1;
      *n = r;
      if (r) return short_hash((x & mask) | (0x20 * IBID_SCAN_ONES & mask));
    }
  }
  uint64_t h = WORD_HASH_SEED, first = 0;
  for (size_t k = i; k + 8 <= f->length; k += 8) {
    uint64_t x = ibid_scan_load(f->text + k);
    uint64_t stops = ~ibid_letter_lanes(x) & IBID_SCAN_HIGH;
    if (!stops) {
      if (k == i) first = x | 0x20 * IBID_SCAN_ONES;
      h = hash_lane(h, x | 0x20 * IBID_SCAN_ONES);
      continue;
    }
    size_t r = (size_t)__builtin_ctzll(stops) >> 3;
    uint64_t mask = (1ull << (8 * r)) - 1, lane = (x & mask) | (0x20 * IBID_SCAN_ONES & mask);
    *n = k + r - i;
    if (*n && *n <= 8) return short_hash(k == i ? lane : first); /* (as word_hash) */
    if (r) h = hash_lane(h, lane);
    return hash_end(h, *n);
  }
#endif
  *n = ascii_letters(f->text, f->length, i); /* the last bytes of the text */
  return word_hash(f, i, *n);
}

static word_stat *stat_slot(finder *f, uint64_t h) {
  size_t mask = f->stat_capacity - 1;
  for (size_t k = (size_t)h & mask;; k = (k + 1) & mask)
    if (f->stats[k].hash == h || f->stats[k].hash == 0) return &f->stats[k];
}

/* Marks every slot empty: only a slot's hash is read before the slot is
** taken (collect_word_stats sets the counts then), so only the hashes are
** written, half the table's bytes. */
static void clear_word_stats(word_stat *stats, size_t capacity) {
  for (size_t k = 0; k < capacity; k++) stats[k].hash = 0;
}

/* Doubles the table and places every word again (open addressing keeps the
** table at most half full, so a lookup stops at an empty slot soon). */
static int grow_word_stats(finder *f) {
  size_t capacity = f->stat_capacity * 2;
  word_stat *old = f->stats;
  size_t old_capacity = f->stat_capacity;
  f->stats = ibid_malloc(capacity * sizeof(word_stat));
  if (!f->stats) {
    f->stats = old;
    return -1;
  }
  clear_word_stats(f->stats, capacity);
  f->stat_capacity = capacity;
  for (size_t k = 0; k < old_capacity; k++)
    if (old[k].hash) *stat_slot(f, old[k].hash) = old[k];
  ibid_free(old);
  return 0;
}

/* The lowercase ASCII word text[i, i + n), at a word start, is one that
** match_word only measures and passes over: an ASCII byte other than '/',
** '.', '-' and '\'' ends it, and no matcher of lowercase words can start at
** it (its first letter and length are no resolution, article, situation or
** role word's: visit_shapes; "ar..." for the articles). */
static inline int passed_over(const finder *f, size_t i, size_t n) {
  unsigned char c = (unsigned char)f->text[i];
  if (i + n < f->length && (scan_class[(unsigned char)f->text[i + n]] & PASS_STOP)) return 0;
  size_t k = n < 31 ? n : 31;
  if ((f->lexicon->visit_shapes[c] >> k) & 1) return 0;
  return !(c == 'a' && ((0x198u >> k) & 1) && f->text[i + 1] == 'r'); /* 3, 4, 7, 8 */
}

static int is_armed_head(const finder *f, size_t i, size_t n);

static inline void mark_start(finder *f, size_t i) {
  f->starts[i >> 6] |= 1ull << (i & 63);
}

/* Counts each distinct word's capitalised and lowercase uses. The table is
** sized by the distinct words, not by every word of the text: it starts
** small and doubles when half full, so a long text of few distinct words
** (most of them) costs a few hundred KB, not 32 bytes a word.
** The same pass marks in f->starts the word starts the scan must visit:
** every start (a letter, digit, '[' or '(' or a non-ASCII lead byte that
** may be a capital, after a byte that joins no word) but the lowercase
** words that match_word passes over (passed_over); the scan goes from one
** marked start to the next. */
static int collect_word_stats(finder *f) {
  size_t capacity = 256; /* up to 4096 (64 KB) by the text's length: a few doublings saved */
  while (capacity < 4096 && capacity * 8 < f->length) capacity *= 2;
  f->stats = ibid_malloc(capacity * sizeof(word_stat));
  if (!f->stats) return -1;
  clear_word_stats(f->stats, capacity);
  f->stat_capacity = capacity;
  /* (without it the scan visits every word start: the same entities) */
  size_t start_words = f->length / 64 + 1;
  f->starts = ibid_malloc(start_words * sizeof(uint64_t));
  uint64_t *starts = f->starts;
  if (starts) memset(starts, 0, start_words * sizeof(uint64_t));
  const char *text = f->text;
  unsigned before = 0; /* scan_class of the byte before i (none at 0) */
  size_t run = 0;      /* where the run of bytes no RUN_BREAK cuts starts */
  int armed_room = 1;  /* all the armed groups' head nouns fit in f->armed */
  size_t used = 0;
  size_t counted = 0; /* bytes counted on progress */
  size_t limit = 0;   /* the next progress count: no step is due before it */
  for (size_t i = 0; i < f->length;) {
    if (i >= limit) {
      if (i >= counted + 4096) {
        if (ibid_progress_step(f->progress, i - counted)) {
          ibid_free(f->starts); /* (stopped: the scan stops too) */
          f->starts = NULL;
          return 0;
        }
        counted = i;
      }
      limit = counted + 4096 < f->length ? counted + 4096 : f->length;
    }
    /* on to the next letter, at most to the next progress count (a word is
    ** read whole, so no letter precedes it); the starts on the way marked */
    for (; i < limit; i++) {
      unsigned char b = (unsigned char)text[i];
      unsigned here = scan_class[b];
      if (here == LETTER_CLASS) break;
      if (here & RUN_BREAK) run = i + 1;
      if (((here & SCAN_STARTS) || (b >= 0xC3 && b <= 0xC5)) && starts && !(before & SCAN_JOINS))
        mark_start(f, i);
      before = here;
    }
    if (i >= limit) continue;
    size_t n;
    uint64_t hash = letters_hash(f, i, &n);
    word_stat *s = stat_slot(f, hash);
    if (!s->hash) {
      if (2 * (used + 1) > f->stat_capacity) {
        if (grow_word_stats(f)) return -1;
        s = stat_slot(f, hash);
      }
      s->hash = hash;
      s->capitalised = 0;
      s->person_last = 0;
      s->lowercase = 0;
      used++;
    }
    int start = starts && !(before & SCAN_JOINS);
    if (ibid_is_upper(text[i])) {
      s->capitalised++;
      if (start) mark_start(f, i);
      if ((f->lexicon->armed_shapes[(unsigned char)text[i]] >> (n < 31 ? n : 31) & 1) &&
          is_armed_head(f, i, n)) {
        if (f->armed_count == MAX_ARMED_HEADS) armed_room = 0;
        if (armed_room) {
          f->armed[f->armed_count].at = i;
          f->armed[f->armed_count++].run = run;
        }
      }
    } else {
      s->lowercase++;
      if (start && !passed_over(f, i, n)) mark_start(f, i);
    }
    before = i + n < f->length ? scan_class[(unsigned char)text[i + n]] : 0;
    if (before & RUN_BREAK) run = i + n + 1;
    i += n + 1; /* (the byte after a word is no letter) */
  }
  f->armed_ready = armed_room;
  return 0;
}

/* 0 when no armed group's head noun is among the words a run of name words
** from i can reach (match_armed_group): the run crosses only letters, '-',
** '\'', non-ASCII bytes and single white space, so a head it reads lies in
** the same run of bytes no RUN_BREAK cuts, at or after i. */
static int armed_heads_near(finder *f, size_t i) {
  if (!f->armed_ready) return 1;
  size_t k = f->armed_cursor;
  if (k > 0 && f->armed[k - 1].at >= i) k = 0; /* (asked about an earlier offset) */
  while (k < f->armed_count && f->armed[k].at < i) k++;
  f->armed_cursor = k;
  return k < f->armed_count && f->armed[k].run <= i;
}

/* The first marked start at or after i (f->length when none). */
static size_t next_start(const finder *f, size_t i) {
  size_t w = i >> 6, words = f->length / 64 + 1;
  uint64_t bits = f->starts[w] & (~0ull << (i & 63));
  while (!bits) {
    if (++w >= words) return f->length;
    bits = f->starts[w];
  }
  return (w << 6) + (size_t)__builtin_ctzll(bits);
}

static const word_stat *stats_of(const finder *f, size_t i, size_t n) {
  if (!f->stats) return NULL;
  word_stat *s = stat_slot((finder *)f, word_hash(f, i, n));
  return s->hash ? s : NULL;
}

/* A name word: a capital and then lowercase letters ("Kenyatta", "Mai-Mai",
** "Sana'a", "Ólafur"), not an acronym ("ICC") or a letter ("Q"). */
static int is_titlecase(const finder *f, size_t i, size_t n) {
  return is_capital_at(f, i) && n >= 2 &&
         (ibid_is_lower(f->text[i + 1]) || f->text[i + 1] == '\'' ||
          ((unsigned char)f->text[i] >= 0x80 && n >= 3));
}

/* A people's or a language's adjective: "African", "Congolese", "British",
** "Eastern" (a name opens with none of them). */
static int people_adjective(const finder *f, size_t i, size_t n) {
  if (n > 5) { /* "-ern", "-ese", "-ish", "-can", "-ean", "-ian", "-dan", "-ino" */
    const char *e = f->text + i + n - 3;
    switch (e[2]) {
      case 'n':
        if ((e[0] == 'e' && e[1] == 'r') ||
            (e[1] == 'a' && (e[0] == 'c' || e[0] == 'e' || e[0] == 'i' || e[0] == 'd')))
          return 1;
        break;
      case 'e':
        if (e[0] == 'e' && e[1] == 's') return 1;
        break;
      case 'h':
        if (e[0] == 'i' && e[1] == 's') return 1;
        break;
      case 'o':
        if (e[0] == 'i' && e[1] == 'n') return 1;
        break;
      default:
        break;
    }
  }
  return word_equals(f, i, n, "French") || word_equals(f, i, n, "Dutch") ||
         word_equals(f, i, n, "Arab") || word_equals(f, i, n, "Swiss");
}

static int is_armed_head(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_ARMED_HEAD);
}

/* "Lord's Resistance Army", "Allied Democratic Forces", "Revolutionary Armed
** Forces of Colombia", "M23 rebels" (the token): a capitalised run holding an
** armed group's head noun (and "of <Name>" after it). */
static size_t armed_group_at(finder *f, size_t i);

/* 0 when armed_group_at finds none, told by its first tests: no second
** capital or digit after the first ("M23"), no name word before " m...",
** " r..." or " i..." ("Seleka rebels"), no head noun in reach. */
static inline size_t match_armed_group(finder *f, size_t i) {
  const char *t = f->text;
  if (!armed_heads_near(f, i) &&
      !(i + 1 < f->length && (ibid_is_upper(t[i + 1]) || ibid_is_digit(t[i + 1])))) {
    size_t word = name_word(f, i);
    if (!(word >= 3 && i + word + 1 < f->length && t[i + word] == ' ' &&
          (t[i + word + 1] == 'm' || t[i + word + 1] == 'r' || t[i + word + 1] == 'i')))
      return 0;
  }
  return armed_group_at(f, i);
}

static size_t armed_group_at(finder *f, size_t i) {
  const char *t = f->text;
  /* "M23", "FDLR-FOCA": letters and digits followed by "rebels"/"militia" */
  size_t token = i;
  while (token < f->length && (ibid_is_upper(t[token]) || ibid_is_digit(t[token]))) token++;
  if (token > i + 1 && has_digit(t + i, token - i) && token + 8 <= f->length &&
      (memcmp(t + token, " rebels", 7) == 0 || memcmp(t + token, " militia", 8) == 0)) {
    emit(f, IBID_ENTITY_ARMED_GROUP, i, token, NULL);
    return token;
  }
  /* "Mai-Mai militias", "Seleka rebels": a name word before the group noun,
  ** not a people's adjective ("Ugandan rebels", "Congolese militias") */
  size_t word = name_word(f, i);
  if (word >= 3 && i + word + 1 < f->length && f->text[i + word] == ' ' &&
      (f->text[i + word + 1] == 'm' || f->text[i + word + 1] == 'r' ||
       f->text[i + word + 1] == 'i') &&
      is_titlecase(f, i, word) && !people_adjective(f, i, word)) {
    size_t next = i + word;
    static const char *const nouns[] = {"militia", "militias", "rebels", "insurgents"};
    for (size_t k = 0; k < sizeof(nouns) / sizeof(*nouns); k++) {
      size_t n = strlen(nouns[k]);
      if (next + 1 + n <= f->length && t[next] == ' ' && memcmp(t + next + 1, nouns[k], n) == 0 &&
          (next + 1 + n == f->length || !ibid_is_alpha(t[next + 1 + n]))) {
        const char *code;
        if (region_at(f, i, &code)) return 0;
        emit(f, IBID_ENTITY_ARMED_GROUP, i, next, NULL);
        return next;
      }
    }
  }
  if (!armed_heads_near(f, i)) return 0; /* (the run below would find no head) */
  size_t at = i, end = 0, words = 0;
  int head = 0, after_connector = 0;
  while (words < 8) {
    size_t n = name_word(f, at);
    if (!n) break;
    if (is_capital_at(f, at)) {
      if (words == 0 && is_function_capital(f, at, n)) return 0;
      after_connector = 0;
      words++;
      if (is_armed_head(f, at, n)) {
        head = 1;
        end = at + n;
      } else if (head && (at == end + 1 || at == end + 4 || at == end + 8)) {
        end = at + n; /* "... Forces of Colombia" */
      }
    } else if (!(head && word_equals(f, at, n, "of") && end == at - 1) &&
               !(word_equals(f, at, n, "for") || word_equals(f, at, n, "of") ||
                 (after_connector && word_equals(f, at, n, "the")))) {
      break; /* "the" only after "for" or "of": "Front for the Liberation of ..." */
    } else {
      after_connector = !word_equals(f, at, n, "the");
    }
    size_t next = skip_space(f, at + n);
    if (next != at + n + 1) break;
    at = next;
  }
  if (!head || !end) return 0;
  /* "Democratic Forces for the Liberation of Rwanda" */
  size_t tail = name_tail(f, end);
  if (tail > end) end = tail;
  if (words < 2 &&
      !(word_equals(f, i, end - i, "Janjaweed") || word_equals(f, i, end - i, "Taliban")))
    return 0;
  emit(f, IBID_ENTITY_ARMED_GROUP, i, end, NULL);
  return end;
}

static size_t match_country(finder *f, size_t i) {
  const char *code;
  size_t n = region_at(f, i, &code);
  if (!n) return 0;
  emit(f, IBID_ENTITY_COUNTRY, i, i + n, code);
  return i + n;
}

/* ----- places ------------------------------------------------------------------ */

/* Words that name a part of a text, a period or a thing, never a place or a
** person ("in Table 2", "in Phase II", "to Protect"). */
static int is_document_word(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_DOCUMENT_WORD);
}

/* Nouns that end the name of a place ("Kano State", "Artibonite River",
** "Virunga National Park"). */
static int is_place_head(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_PLACE_HEAD);
}

static int is_compass(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_COMPASS);
}

/* Continents and oceans: regions larger than the places this kind holds. */
static int is_continent(const finder *f, size_t i, size_t n) {
  return word_in_list(f, i, n, LIST_CONTINENT);
}

/* A word that may be part of a place's or a person's name: title case, and no
** institution, armed-group, role, treaty or document word, no people's
** adjective, no month, never written in lowercase in the text. */
static int name_part_of(const finder *f, size_t i, size_t n) {
  const uint64_t not_parts = 1ull << LIST_FUNCTION_CAPITAL | 1ull << LIST_INSTITUTION_HEAD |
                             1ull << LIST_ARMED_HEAD | 1ull << LIST_ROLE |
                             1ull << LIST_TREATY_HEAD | 1ull << LIST_DOCUMENT_WORD;
  if (!is_titlecase(f, i, n) || (word_lists_of(f, i, n) & not_parts) ||
      month_of_word(f->text + i, n) || people_adjective(f, i, n))
    return 0;
  const word_stat *s = stats_of(f, i, n);
  return !(s && s->lowercase);
}

/* name_part_of, remembering its last few answers: the place matchers ask
** about the same words several times (n is always name_word's length). */
static int is_name_part(const finder *f, size_t i, size_t n) {
  finder *cache = (finder *)f;
  for (int k = 0; k < 4; k++)
    if (cache->part_at[k] == i + 1) return cache->part_value[k];
  int value = name_part_of(f, i, n);
  cache->part_at[cache->part_next & 3] = i + 1;
  cache->part_value[cache->part_next & 3] = (signed char)value;
  cache->part_next++;
  return value;
}

/* The run of name words at i (at most `most`), ending where the next word
** is no name word; 0 when the run goes on into a capitalised word that is
** not one (a longer name) or when there is none. Sets *words. */
static size_t name_run(const finder *f, size_t i, size_t most, size_t *words) {
  size_t at = i, end = 0;
  *words = 0;
  while (*words < most) {
    size_t n = name_word(f, at);
    if (!n) break;
    if (n > 2 && f->text[at + n - 2] == '\'' && f->text[at + n - 1] == 's')
      return 0; /* "Putin's" */
    if (!is_name_part(f, at, n)) {
      if (*words && is_capital_at(f, at)) return 0;
      break;
    }
    end = at + n;
    (*words)++;
    if (at + n + 1 >= f->length || f->text[at + n] != ' ') break;
    at = at + n + 1;
  }
  if (!*words) return 0;
  /* "Kony's orders": a possessive is a person's or an organization's */
  if (end < f->length && (f->text[end] == '\'' || (unsigned char)f->text[end] == 0xE2)) return 0;
  return end;
}

/* The word that ends just before i (after one space), as [*start, i - 1). */
static int previous_word_is(const finder *f, size_t i, int list, size_t *start) {
  size_t word_end, word = word_before(f, i, &word_end);
  if (word >= word_end || i - word_end > 2) return 0;
  if (start) *start = word;
  return word_in_list(f, word, word_end - word, list);
}

/* The lists of that word (0 when there is none), its start in *start. */
static uint64_t previous_word_lists(const finder *f, size_t i, size_t *start) {
  size_t word_end, word = word_before(f, i, &word_end);
  if (word >= word_end || i - word_end > 2) return 0;
  *start = word;
  return word_lists_of(f, word, word_end - word);
}

/* Has the text named a person whose last word is text[i, i + n)? ("Kony"
** after "Joseph Kony", "Ahmed" after "Datti Ahmed") */
static int names_a_person(const finder *f, size_t i, size_t n) {
  if (memchr(f->text + i, ' ', n)) return 0; /* one word: a surname */
  const word_stat *s = stats_of(f, i, n);
  return s && s->person_last;
}

/* The last entity, when it is a place that ends right before ", " or " and "
** at i: "Gulu, Kitgum and Pader" (a list of places). */
static int follows_place(const finder *f, size_t i) {
  if (!f->count || f->items[f->count - 1].kind != IBID_ENTITY_PLACE) return 0;
  size_t end = f->items[f->count - 1].start + f->items[f->count - 1].length;
  if (end >= i || i - end > 6) return 0;
  const char *between = f->text + end;
  size_t n = i - end;
  return (n == 2 && memcmp(between, ", ", 2) == 0) ||
         (n == 5 && memcmp(between, " and ", 5) == 0) ||
         (n == 6 && memcmp(between, ", and ", 6) == 0) ||
         (n == 4 && memcmp(between, " or ", 4) == 0) ||
         (n == 4 && memcmp(between, " to ", 4) == 0); /* "from Mirebalais to Saint-Marc" */
}

static size_t emit_place(finder *f, size_t i, size_t end) {
  emit(f, IBID_ENTITY_PLACE, i, end, NULL);
  return end;
}

/* A place at the capitalised word i:
**   a city of ICU's time zones ("Kampala", "Port-au-Prince");
**   a compass word and a name ("North Kivu", "Central Kalimantan");
**   name words and a place noun ("Kano State", "Virunga National Park"),
**   "Lake"/"Mount" and a name;
**   name words after a place noun and "of" ("the counties of Turkana,
**   Marsabit and Wajir", "the town of Lira"), after a locative preposition
**   ("in Gulu", "near Goma", "to The Hague"), or after a place in a list.
** The persons the text has named are not places ("to Kony"). */
static size_t match_place(finder *f, size_t i, size_t n) {
  if (word_equals(f, i, n, "The")) { /* "to The Hague" */
    size_t words, end = i + n + 1 < f->length ? name_run(f, i + n + 1, 2, &words) : 0;
    if (end && previous_word_is(f, i, LIST_TO_PLACE, NULL)) return emit_place(f, i, end);
    return 0;
  }
  if (!is_titlecase(f, i, n)) return 0;
  size_t city = ibid_city_at(f->regions, f->text, f->length, i);
  if (city) {
    size_t after = skip_space(f, i + city);
    size_t next = after == i + city + 1 ? name_word(f, after) : 0;
    const word_stat *s = city == n ? stats_of(f, i, n) : NULL;
    /* not "Santiago Calatrava", "Lima Group", nor a word the text writes in lowercase */
    if (!(next && is_capital_at(f, after)) && !(s && s->lowercase))
      return emit_place(f, i, i + city);
  }
  size_t words, end;
  if (is_compass(f, i, n) && i + n + 1 < f->length && f->text[i + n] == ' ') {
    size_t second = i + n + 1, second_n = name_word(f, second);
    if (second_n && is_name_part(f, second, second_n) && !is_continent(f, second, second_n) &&
        !is_compass(f, second, second_n)) {
      end = second + second_n;
      size_t after = end + 1;
      size_t after_n = after < f->length && f->text[end] == ' ' ? name_word(f, after) : 0;
      if (after_n && is_place_head(f, after, after_n))
        end = after + after_n;
      else if (after_n && is_capital_at(f, after))
        return 0; /* a longer name */
      return emit_place(f, i, end);
    }
  }
  if ((word_equals(f, i, n, "Lake") || word_equals(f, i, n, "Mount")) && i + n < f->length &&
      f->text[i + n] == ' ') {
    end = name_run(f, i + n + 1, 2, &words);
    if (end) return emit_place(f, i, end);
  }
  /* name words and a place noun (a capital after one space, or none) */
  size_t at = i, last = 0;
  int more = i + n + 1 < f->length && f->text[i + n] == ' ' && is_capital_at(f, i + n + 1);
  for (size_t k = 0; more && k < 4 && at < f->length; k++) {
    size_t w = name_word(f, at);
    if (!w || !is_capital_at(f, at)) break;
    if (k > 0 && is_place_head(f, at, w))
      last = at + w;
    else if (!(is_name_part(f, at, w) || (k > 0 && word_equals(f, at, w, "National"))))
      break;
    if (at + w + 1 >= f->length || f->text[at + w] != ' ') break;
    at += w + 1;
  }
  if (last && !word_equals(f, i, n, "Islamic") && !word_equals(f, i, n, "Member")) {
    size_t after = skip_space(f, last);
    if (!(after == last + 1 && is_capital_at(f, after))) return emit_place(f, i, last);
  }
  /* The run of name words is a place only after a place in a list, a
  ** locative or "<place noun> of" (below): none, no place. */
  size_t before = 0;
  uint64_t previous = previous_word_lists(f, i, &before);
  int of_place = ((previous >> LIST_OF) & 1) && previous_word_is(f, before, LIST_PLACE_NOUN, NULL);
  if (!follows_place(f, i) && !((previous >> LIST_LOCATIVE) & 1) && !of_place) return 0;
  end = name_run(f, i, 3, &words);
  if (!end || (words == 1 && is_continent(f, i, n))) return 0;
  if (names_a_person(f, i, end - i)) return 0;
  if (end < f->length &&
      (ibid_is_digit(f->text[end]) ||
       (f->text[end] == ' ' && end + 1 < f->length && ibid_is_digit(f->text[end + 1]))))
    return 0; /* "Kenya 2013", not a place */
  if (follows_place(f, i)) return emit_place(f, i, end);
  /* ("to" and "into" also open verbs and titles: "to Withdraw", "to Kindle") */
  /* "Pilling, David" or "Goodwin, Robert E." after "in": an author in a
  ** reference; "Unsteady Lives: the ..." a title */
  if (end + 3 < f->length && f->text[end] == ',' && f->text[end + 1] == ' ') {
    size_t w = name_word(f, end + 2);
    if (w && is_titlecase(f, end + 2, w) && end + 2 + w < f->length &&
        (f->text[end + 2 + w] == ',' ||
         (f->text[end + 2 + w] == ' ' && end + 4 + w < f->length &&
          ibid_is_upper(f->text[end + 3 + w]) && f->text[end + 4 + w] == '.')))
      return 0;
  }
  if (end < f->length && f->text[end] == ':') return 0;
  if ((previous >> LIST_LOCATIVE) & 1) {
    /* "In Riau, ..." opens a sentence; "Partners In Health" is a name */
    size_t open = before;
    while (open > 0 && ibid_is_space(f->text[open - 1])) open--;
    /* "Lives in Conflict", "Decision to Withdraw": a title in title case
    ** (a capitalised word before the preposition that opens no sentence and
    ** is no place or country just named) */
    size_t title_end, title = word_before(f, before, &title_end);
    int in_title = title < title_end && before - title_end <= 2 &&
                   is_titlecase(f, title, title_end - title) &&
                   !is_function_capital(f, title, title_end - title);
    if (in_title) {
      size_t stop = title;
      while (stop > 0 && f->text[stop - 1] == ' ') stop--;
      if (stop == 0 || f->text[stop - 1] == '.' || f->text[stop - 1] == '\n' ||
          f->text[stop - 1] == '!' || f->text[stop - 1] == '?')
        in_title = 0; /* "Camps near Lira": the sentence's first word */
      if (f->count && f->items[f->count - 1].start + f->items[f->count - 1].length == title_end)
        in_title = 0;
    }
    if (!in_title && (ibid_is_lower(f->text[before]) || open == 0 || f->text[open - 1] == '.' ||
                      f->text[open - 1] == '\n' || (before > open && f->text[open] == '\n')))
      return emit_place(f, i, end);
  }
  if (of_place) return emit_place(f, i, end);
  return 0;
}

/* ----- persons and organizations by their context ------------------------------- */

/* After a name: "and four other commanders", "and two colleagues", "and
** other student leaders", "and his deputy" -- a person counted among others. */
static int counted_among_others(const finder *f, size_t end) {
  size_t at = skip_space(f, end);
  if (at != end + 1 || !ibid_word_is(f->text, f->length, at, "and")) return 0;
  at = skip_space(f, at + 3);
  size_t n = name_word(f, at);
  if (n && word_in_list(f, at, n, LIST_POSSESSIVE)) return 1;
  if (n && word_in_list(f, at, n, LIST_NUMBER_WORD))
    at = skip_space(f, at + n);
  else if (at < f->length && ibid_is_digit(f->text[at])) {
    while (at < f->length && ibid_is_digit(f->text[at])) at++;
    at = skip_space(f, at);
  }
  n = name_word(f, at);
  return n && word_in_list(f, at, n, LIST_OTHERS);
}

/* After a name: an apposition that says who the person is ("Shakil Afridi,
** a doctor,", "Michael Joseph, then chief executive", "Anders Hultin, one of
** the founders"), or "of" and an organization ("James Mwangi of Equity
** Bank", "Cynthia Ong of the local group"). */
static int described_after(const finder *f, size_t end) {
  if (end + 2 < f->length && f->text[end] == ',' && f->text[end + 1] == ' ') {
    size_t at = end + 2, n = name_word(f, at);
    if (n && word_in_list(f, at, n, LIST_OPENER)) {
      size_t next = skip_space(f, at + n);
      return next < f->length && ibid_is_lower(f->text[next]);
    }
    return 0;
  }
  size_t at = skip_space(f, end);
  if (at != end + 1 || !ibid_word_is(f->text, f->length, at, "of")) return 0;
  at = skip_space(f, at + 2);
  if (ibid_word_is(f->text, f->length, at, "the")) {
    at = skip_space(f, at + 3);
    if (at < f->length && ibid_is_lower(f->text[at])) return 1; /* "of the local group" */
  }
  size_t n = name_word(f, at);
  if (!n || !is_capital_at(f, at)) return 0;
  /* an organization's name: its head noun within a few words */
  for (size_t k = 0; k < 4 && n; k++) {
    if (is_institution_head(f, at, n)) return 1;
    at = skip_space(f, at + n);
    n = is_capital_at(f, at) ? name_word(f, at) : 0;
  }
  return 0;
}

/* Before a capitalised name: a common noun that says it is an organization
** ("the local group Forever Sabah", "companies such as Academedia"). */
static int organization_noun_before(const finder *f, size_t i) {
  size_t as = 0, such;
  uint64_t previous = previous_word_lists(f, i, &as); /* (one look at the word before) */
  if ((previous >> LIST_ORGANIZATION_NOUN) & 1) return 1;
  if (!((previous >> LIST_AS) & 1) || !previous_word_is(f, as, LIST_SUCH, &such)) return 0;
  return previous_word_is(f, such, LIST_ORGANIZATION_PLURAL, NULL);
}

static size_t match_organization_by_context(finder *f, size_t i, size_t n) {
  if (!is_capital_at(f, i) || !organization_noun_before(f, i)) return 0;
  size_t end = i, words = 0;
  for (size_t at = i; words < 3;) {
    size_t w = name_word(f, at);
    if (!w || !is_capital_at(f, at) || is_function_capital(f, at, w)) break;
    end = at + w;
    words++;
    if (at + w + 1 >= f->length || f->text[at + w] != ' ') break;
    at += w + 1;
  }
  (void)n;
  if (!words) return 0;
  emit(f, IBID_ENTITY_ORGANIZATION, i, end, NULL);
  return end;
}

static size_t initials_slot(const finder *f, const char *letters) {
  size_t h = 5381;
  for (const char *p = letters; *p; p++) h = h * 33 + (unsigned char)*p;
  size_t slot = h % 256;
  while (f->initials[slot].letters[0] && strcmp(f->initials[slot].letters, letters) != 0)
    slot = (slot + 1) % 256;
  return slot;
}

/* Called by emit: a person's last word, and an organization's or armed
** group's initials (its capitalised words'), are remembered for the rules
** that ask what the text has named (names_a_person, match_initials) in
** constant time. */
static void remember_entity(finder *f, const ibid_entity *e) {
  const char *text = f->text + e->start;
  if (e->kind == IBID_ENTITY_PERSON && f->stats) {
    size_t end = e->length, start = end;
    while (start > 0 && text[start - 1] != ' ') start--;
    size_t n = start < end ? name_word(f, e->start + start) : 0;
    if (n) {
      uint64_t h = word_hash(f, e->start + start, n);
      word_stat *s = stat_slot(f, h);
      if (s->hash == h) s->person_last = 1;
    }
  }
  if ((e->kind != IBID_ENTITY_ORGANIZATION && e->kind != IBID_ENTITY_ARMED_GROUP) ||
      f->initials_used >= 192)
    return;
  char letters[9];
  size_t n = 0;
  for (size_t p = 0; p < e->length; p++)
    if ((p == 0 || text[p - 1] == ' ') && ibid_is_upper(text[p])) {
      if (n == 8) return;
      letters[n++] = text[p];
    }
  if (n < 2) return;
  letters[n] = 0;
  size_t slot = initials_slot(f, letters);
  if (!f->initials[slot].letters[0]) f->initials_used++;
  memcpy(f->initials[slot].letters, letters, n + 1);
  f->initials[slot].kind = e->kind;
}

/* An acronym nobody defined (three letters or more) whose letters are the initials of an
** organization or armed group named before ("LRA" after "Lord's Resistance
** Army"): that entity's kind, the acronym as value. */
static size_t match_initials(finder *f, size_t i) {
  size_t n = acronym_token(f, i);
  if (n < 3 || n > 8 || (i + n < f->length && ibid_is_alpha(f->text[i + n]))) return 0;
  char letters[9];
  for (size_t k = 0; k < n; k++) {
    if (!ibid_is_upper(f->text[i + k])) return 0;
    letters[k] = f->text[i + k];
  }
  letters[n] = 0;
  size_t slot = initials_slot(f, letters);
  if (!f->initials[slot].letters[0]) return 0;
  emit(f, f->initials[slot].kind, i, i + n, letters);
  return i + n;
}

/* A run of two to four capitalised words that is a name by its structure:
** no word a country, institution or armed-group noun or ever written in
** lowercase, and either its last word recurs capitalised elsewhere or a verb
** follows it ("Joseph Kony was", "Álvaro Uribe opposed"). */
static size_t untitled_person_at(finder *f, size_t i, size_t end);

static inline size_t match_untitled_person(finder *f, size_t i) {
  size_t words;
  size_t end = person_name(f, i, &words);
  if (!end || words < 2) return 0;
  return untitled_person_at(f, i, end);
}

/* match_untitled_person on the name of two words or more text[i, end). */
static size_t untitled_person_at(finder *f, size_t i, size_t end) {
  size_t at = i, last = i, last_n = 0;
  while (at < end) {
    size_t n = name_word(f, at);
    if (!n) {
      at++;
      continue;
    }
    if (is_capital_at(f, at)) {
      const char *code;
      /* a name word has lowercase letters after its capital: not "ICC", not "Q" */
      int titlecase = n >= 2 && (ibid_is_lower(f->text[at + 1]) || f->text[at + 1] == '\'' ||
                                 ((unsigned char)f->text[at] >= 0x80 && n >= 3));
      if (!titlecase || is_institution_head(f, at, n) || is_armed_head(f, at, n) ||
          is_function_capital(f, at, n) || is_role(f, at, n) || is_place_head(f, at, n) ||
          is_document_word(f, at, n) || (at == i && is_compass(f, at, n)) ||
          word_in_list(f, at, n, LIST_NOT_NAME) || region_at(f, at, &code))
        return 0;
      const word_stat *s = stats_of(f, at, n);
      if (s && s->lowercase) return 0;
      /* a people's adjective opens no name: "African", "British", "Eastern" */
      static const char *const endings[] = {"ern", "ese", "ish", "can", "ean", "ian"};
      for (size_t k = 0; k < sizeof(endings) / sizeof(*endings) && n > 5; k++)
        if (memcmp(f->text + at + n - 3, endings[k], 3) == 0) return 0;
      if (at == i) {
        if (word_equals(f, at, n, "French") || word_equals(f, at, n, "Dutch") ||
            word_equals(f, at, n, "Arab") || word_equals(f, at, n, "Global") ||
            word_equals(f, at, n, "New"))
          return 0;
      }
      last = at;
      last_n = n;
    }
    at += n;
  }
  const word_stat *s = stats_of(f, last, last_n);
  int recurs = s && s->capitalised >= 2;
  int verb = 0;
  size_t next = skip_space(f, end);
  if (next == end + 1 && next < f->length && ibid_is_lower(f->text[next])) {
    size_t n = name_word(f, next);
    /* "be" forms, and past tenses that take no "-ed" */
    verb = word_in_list(f, next, n, LIST_VERB) ||
           (n > 4 && memcmp(f->text + next + n - 2, "ed", 2) == 0);
  }
  /* "the Rome Statue": no person's name follows "the" */
  if (previous_word_is(f, i, LIST_THE, NULL)) return 0;
  /* "led by Renaud Piarroux", "founded by Kamal Quadir" */
  int after_by = previous_word_is(f, i, LIST_BY, NULL);
  if (!recurs && !verb && !after_by && !counted_among_others(f, end) && !described_after(f, end))
    return 0;
  emit(f, IBID_ENTITY_PERSON, i, end, NULL);
  return end;
}

/* (*advance: when no matcher matches, the letters of the word at i, 0 when
** the caller measures them) */
static size_t match_word(finder *f, size_t i, size_t *definition, size_t *advance) {
  size_t end;
  *advance = 0;
  /* A name that an acronym in parentheses defines, "Justice and Equality
  ** Movement (JEM)", is one organization. */
  while (*definition < f->acronym_count && f->acronyms[*definition].name_start < i) (*definition)++;
  if (*definition < f->acronym_count && f->acronyms[*definition].name_start == i) {
    const acronym *a = &f->acronyms[*definition];
    size_t close = i;
    size_t n = strlen(a->letters);
    while (close + n + 1 < f->length &&
           !(f->text[close] == '(' && memcmp(f->text + close + 1, a->letters, n) == 0 &&
             f->text[close + n + 1] == ')'))
      close++;
    if (close + n + 1 < f->length) {
      /* The defined name may itself end in an institutional noun; one that
      ** holds an armed group's noun names an armed group ("Democratic
      ** Forces for the Liberation of Rwanda (FDLR)"). */
      ibid_entity_kind kind = IBID_ENTITY_ORGANIZATION;
      for (size_t at = i; at < close;) {
        size_t w = name_word(f, at);
        if (w && is_capital_at(f, at) && is_armed_head(f, at, w)) kind = IBID_ENTITY_ARMED_GROUP;
        at += w ? w : 1;
      }
      emit(f, kind, i, close + n + 2, a->letters);
      return close + n + 2;
    }
  }
  /* Each matcher below is tried only where its first test can pass (the
  ** first byte or the word's lists): most words are tried by few. */
  char c = f->text[i];
  if (ibid_is_lower(c)) {
    /* A lowercase word (most words) that ASCII letters make and an ASCII
    ** byte other than '/', '.', '-' and '\'' ends: its ASCII letters are
    ** its name_word and its ibid_word_length, and no symbol starts at it
    ** (match_au_symbol), so it is measured without name_word. Only the
    ** matchers of lowercase words below are tried. */
    size_t n = ascii_letters(f->text, f->length, i);
    unsigned char after = i + n < f->length ? (unsigned char)f->text[i + n] : 0;
    if (after < 0x80 && after != '/' && after != '.' && after != '-' && after != '\'') {
      if (((c == 'r' && (n == 3 || n == 5 || n == 10 || n == 11) &&
            (end = match_resolution(f, i, n))) ||
           (c == 'a' && (n == 3 || n == 4 || n == 7 || n == 8) && f->text[i + 1] == 'r' &&
            (end = match_article(f, i, n))) ||
           (c == 's' && n == 9 && (end = match_situation(f, i, n))) ||
           ((f->lexicon->role_shapes[(unsigned char)c] >> (n < 31 ? n : 31) & 1) &&
            word_in_list(f, i, n, LIST_ROLE) && (end = match_person_after_role(f, i, n)))))
        return end;
      *advance = n;
      return 0;
    }
  }
  int upper = ibid_is_upper(c), digit = ibid_is_digit(c);
  if (upper && (end = match_armed_group(f, i))) return end;
  if (((c == 'S' || c == 'A' || c == 'E') && i + 1 < f->length && f->text[i + 1] == '/' &&
       (end = match_un_symbol(f, i))) ||
      (c == 'I' && (end = match_icc_record(f, i))) || (end = match_au_symbol(f, i)) ||
      ((c == 'I' || c == '[' || digit) && may_be_report(f, i) && (end = match_report(f, i))) ||
      ((c == 'U' || digit) && (end = match_unts(f, i))))
    return end;
  if (!ibid_is_alpha(f->text[i])) {
    /* a capital outside ASCII: "Álvaro Uribe", "Éire" */
    if (!is_capital_at(f, i)) return 0;
    size_t word_end, previous = word_before(f, i, &word_end);
    int after_capital = previous < word_end && is_capital_at(f, previous) && i - word_end <= 3 &&
                        !is_function_capital(f, previous, word_end - previous);
    if ((end = match_country(f, i))) return end;
    if (!after_capital &&
        ((end = match_untitled_person(f, i)) || (end = match_place(f, i, name_word(f, i)))))
      return end;
    return 0;
  }
  size_t n = name_word(f, i);
  if (!n) return 0;
  int capital = upper || is_capital_at(f, i);
  /* (the lengths of "resolution(s)", "UNSCR", "SCR", "Res"; "Art(s)", "Article(s)") */
  if (((c == 'r' || c == 'R' || c == 'U' || c == 'S') && (n == 3 || n == 5 || n == 10 || n == 11) &&
       (end = match_resolution(f, i, n))) ||
      ((c == 'A' || c == 'a') && (n == 3 || n == 4 || n == 7 || n == 8) && f->text[i + 1] == 'r' &&
       (end = match_article(f, i, n))) ||
      (c == 'C' && n == 7 && (end = match_chapter(f, i, n))) ||
      ((c == 's' || c == 'S') && n == 9 && (end = match_situation(f, i, n))) ||
      (capital && (end = match_treaty(f, i))) || (c == 'U' && (end = match_united_nations(f, i))) ||
      ((f->lexicon->role_shapes[(unsigned char)c] >> (n < 31 ? n : 31) & 1) &&
       word_in_list(f, i, n, LIST_ROLE) && (end = match_person_after_role(f, i, n))) ||
      (upper && ((end = match_institution(f, i, n)) || (end = match_acronym(f, i)))))
    return end;
  if (capital) {
    size_t word_end, previous = word_before(f, i, &word_end);
    int after_capital = previous < word_end && is_capital_at(f, previous) && i - word_end <= 3 &&
                        !is_function_capital(f, previous, word_end - previous);
    if (upper && (end = match_initials(f, i))) return end;
    if (!after_capital && (end = match_person_before_role(f, i))) return end;
    /* (an ASCII capital already tried match_armed_group above) */
    if ((!ibid_is_upper(f->text[i]) && (end = match_armed_group(f, i))) ||
        (end = match_country(f, i)))
      return end;
    if (!after_capital && ((end = match_organization_by_context(f, i, n)) ||
                           (end = match_untitled_person(f, i)) || (end = match_place(f, i, n))))
      return end;
  }
  return 0;
}

int ibid_find_entities(const char *text, size_t length, ibid_entity **entities, size_t *count) {
  return ibid_find_entities_in(text, length, NULL, entities, count);
}

int ibid_find_entities_in(const char *text, size_t length, const ibid_regions *regions,
                          ibid_entity **entities, size_t *count) {
  ibid_layers layers;
  int rc =
      ibid_layers_build(NULL, text, length, IBID_LAYERS_SENTENCES | IBID_LAYERS_CITES, &layers);
  if (rc == 0)
    rc = ibid_find_entities_layers(&layers, regions, entities, count);
  else {
    *entities = NULL;
    *count = 0;
  }
  ibid_layers_free(&layers);
  return rc;
}

int ibid_find_entities_layers(const ibid_layers *layers, const ibid_regions *regions,
                              ibid_entity **entities, size_t *count) {
  return ibid_find_entities_progress(layers, regions, NULL, entities, count);
}

int ibid_find_entities_progress(const ibid_layers *layers, const ibid_regions *regions,
                                ibid_progress *progress, ibid_entity **entities, size_t *count) {
  *entities = NULL;
  *count = 0;
  const char *text = layers->text;
  size_t length = layers->length;
  finder *f = ibid_malloc(sizeof(finder));
  if (!f) return -1;
  memset(f, 0, offsetof(finder, acronyms)); /* (the arrays after it need no zeros) */
  f->text = text;
  f->length = length;
  f->layers = layers;
  f->progress = progress;
  f->citations = layers->cite_spans;
  f->citation_count = layers->cite_span_count;
  f->regions = regions;
  f->lexicon = ibid_regions_entity_lexicon(regions);
  if (!f->lexicon) { /* (no regions: the lists' words entered for this text) */
    f->lexicon = f->own_lexicon = ibid_entity_lexicon_new();
    if (!f->lexicon) {
      ibid_free(f);
      return -1;
    }
  }
  if (collect_word_stats(f)) f->failed = 1;
  collect_acronyms(f);
  size_t definition = 0;
  size_t counted = 0;   /* bytes of the scan counted on progress */
  size_t limit = 0;     /* the next progress count: no step is due before it */
  size_t next_cite = 0; /* no citation starts before it (see citation_end) */
  for (size_t i = 0; i < length && !f->failed;) {
    if (i >= limit) {
      if (i >= counted + 4096) { /* every few thousand bytes: cheap, and soon enough to stop */
        if (ibid_progress_step(f->progress, i - counted)) break;
        counted = i;
      }
      limit = counted + 4096 < length ? counted + 4096 : length;
    }
    /* on to the next marked start (collect_word_stats): the lowercase words
    ** before it match_word would only pass over. Not past the next citation
    ** (a start in it is skipped with it) nor a defined name's start. */
    if (f->starts && i < next_cite) {
      size_t target = next_start(f, i);
      if (target > next_cite) target = next_cite;
      while (definition < f->acronym_count && f->acronyms[definition].name_start < i) definition++;
      if (definition < f->acronym_count && f->acronyms[definition].name_start < target)
        target = f->acronyms[definition].name_start;
      if (target > i) {
        i = target;
        if (i >= limit) continue;
      }
    }
    /* on to the next byte a matcher may start at (a word start), at most
    ** to the next progress count */
    unsigned char before = i == 0 ? 0 : scan_class[(unsigned char)text[i - 1]];
    for (; i < limit; i++) {
      unsigned char here = scan_class[(unsigned char)text[i]];
      if (!(before & SCAN_JOINS) &&
          ((here & SCAN_STARTS) || ((unsigned char)text[i] >= 0xC3 &&
                                    (unsigned char)text[i] <= 0xC5 && is_capital_at(f, i))))
        break;
      before = here;
    }
    if (i >= limit) continue;
    char c = text[i];
    if (i >= next_cite) {
      size_t skip = citation_end(f, i);
      if (skip) {
        i = skip;
        continue;
      }
      next_cite =
          f->citation_cursor < f->citation_count ? f->citations[2 * f->citation_cursor] : length;
    }
    if (c == '(') {
      size_t end = attach_definition(f, i);
      i = end ? end : i + 1;
      continue;
    }
    size_t advance, end = match_word(f, i, &definition, &advance);
    if (end > i) {
      i = end;
    } else if (advance) {
      i += advance;
    } else {
      const size_t slot = i & (NAME_CACHE - 1);
      size_t n =
          f->names[slot].at == i + 1 ? f->names[slot].first : ibid_word_length(text, length, i);
      i += n ? n : 1;
    }
  }
  int stopped = ibid_progress_stopped(progress);
  if (!f->failed && !stopped && resolve_resolution_years(f)) f->failed = 1;
  ibid_free(f->stats);
  ibid_free(f->starts);
  ibid_entity_lexicon_free(f->own_lexicon);
  if (f->failed || stopped) {
    int rc = f->failed ? -1 : 1;
    ibid_free(f->items);
    ibid_free(f);
    return rc;
  }
  *entities = f->items;
  *count = f->count;
  ibid_free(f);
  return 0;
}
