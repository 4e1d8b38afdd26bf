/*
** csl_export.c -- a CSL-JSON item made clean for every CSL processor (see
** csl_export.h for what is kept, converted and dropped).
**
** HOW IT WORKS: one pass over the item's members finds, by name, the first
** occurrence of every member that matters (a CSL variable, an alias read in
** its place, "id", "type", "subtitle"); a second pass writes the variables in
** table order, each through the writer of its kind (text, title, keyword,
** names, date). A writer checks the value before it writes the key, and says
** whether it wrote anything, so an alias is tried only when the CSL member
** gave nothing. Everything is linear in the item: each member is compared
** with a fixed table of names, and the one substring search (does the title
** already hold its subtitle?) is Knuth-Morris-Pratt with a bounded table.
*/
#include "csl_export.h"

#include <string.h>

typedef enum csl_kind { CSL_TEXT, CSL_TITLE, CSL_KEYWORD, CSL_NAMES, CSL_DATE } csl_kind;

typedef struct csl_variable {
  const char *name;
  csl_kind kind;
} csl_variable;

/*
** The variables of both CSL 1.0.1 and CSL 1.0.2 (Appendix IV) that item data
** carries, in output order; "language" is a CSL-JSON field both read.
** Left out: the processor-assigned citation-number, first-reference-note-number,
** locator and year-suffix; 1.0.1's undocumented "container" date; and the
** variables new in 1.0.2, which 1.0.1 processors reject.
*/
static const csl_variable csl_variables[] = {
    {"title", CSL_TITLE},
    {"author", CSL_NAMES},
    {"editor", CSL_NAMES},
    {"translator", CSL_NAMES},
    {"collection-editor", CSL_NAMES},
    {"composer", CSL_NAMES},
    {"container-author", CSL_NAMES},
    {"editorial-director", CSL_NAMES},
    {"illustrator", CSL_NAMES},
    {"interviewer", CSL_NAMES},
    {"original-author", CSL_NAMES},
    {"recipient", CSL_NAMES},
    {"issued", CSL_DATE},
    {"accessed", CSL_DATE},
    {"event-date", CSL_DATE},
    {"original-date", CSL_DATE},
    {"submitted", CSL_DATE},
    {"container-title", CSL_TEXT},
    {"container-title-short", CSL_TEXT},
    {"title-short", CSL_TEXT},
    {"collection-title", CSL_TEXT},
    {"collection-number", CSL_TEXT},
    {"volume", CSL_TEXT},
    {"issue", CSL_TEXT},
    {"page", CSL_TEXT},
    {"page-first", CSL_TEXT},
    {"number", CSL_TEXT},
    {"chapter-number", CSL_TEXT},
    {"number-of-pages", CSL_TEXT},
    {"number-of-volumes", CSL_TEXT},
    {"edition", CSL_TEXT},
    {"version", CSL_TEXT},
    {"section", CSL_TEXT},
    {"publisher", CSL_TEXT},
    {"publisher-place", CSL_TEXT},
    {"original-publisher", CSL_TEXT},
    {"original-publisher-place", CSL_TEXT},
    {"original-title", CSL_TEXT},
    {"authority", CSL_TEXT},
    {"jurisdiction", CSL_TEXT},
    {"references", CSL_TEXT},
    {"event", CSL_TEXT},
    {"event-place", CSL_TEXT},
    {"genre", CSL_TEXT},
    {"medium", CSL_TEXT},
    {"dimensions", CSL_TEXT},
    {"status", CSL_TEXT},
    {"archive", CSL_TEXT},
    {"archive_location", CSL_TEXT},
    {"archive-place", CSL_TEXT},
    {"call-number", CSL_TEXT},
    {"source", CSL_TEXT},
    {"citation-label", CSL_TEXT},
    {"DOI", CSL_TEXT},
    {"ISBN", CSL_TEXT},
    {"ISSN", CSL_TEXT},
    {"PMID", CSL_TEXT},
    {"PMCID", CSL_TEXT},
    {"URL", CSL_TEXT},
    {"language", CSL_TEXT},
    {"abstract", CSL_TEXT},
    {"keyword", CSL_KEYWORD},
    {"note", CSL_TEXT},
    {"annote", CSL_TEXT},
};
#define CSL_VARIABLE_COUNT (sizeof(csl_variables) / sizeof(csl_variables[0]))

/* Members read in place of a CSL variable the item lacks (or has unusable). */
typedef struct csl_alias {
  const char *name;
  const char *variable;
} csl_alias;

static const csl_alias csl_aliases[] = {
    {"keywords", "keyword"},                          /* ibid_meta, JATS keywords */
    {"shortTitle", "title-short"},                    /* Zotero's CSL-JSON */
    {"journalAbbreviation", "container-title-short"}, /* Zotero's CSL-JSON */
    {"event-title", "event"},                         /* CSL 1.0.2's new name */
    {"available-date", "issued"},                     /* CSL 1.0.2: first online */
};
#define CSL_ALIAS_COUNT (sizeof(csl_aliases) / sizeof(csl_aliases[0]))

/* The item types of CSL 1.0.2 (Appendix III), a superset of 1.0.1's. */
static const char *const csl_types[] = {"article",
                                        "article-journal",
                                        "article-magazine",
                                        "article-newspaper",
                                        "bill",
                                        "book",
                                        "broadcast",
                                        "chapter",
                                        "classic",
                                        "collection",
                                        "dataset",
                                        "document",
                                        "entry",
                                        "entry-dictionary",
                                        "entry-encyclopedia",
                                        "event",
                                        "figure",
                                        "graphic",
                                        "hearing",
                                        "interview",
                                        "legal_case",
                                        "legislation",
                                        "manuscript",
                                        "map",
                                        "motion_picture",
                                        "musical_score",
                                        "pamphlet",
                                        "paper-conference",
                                        "patent",
                                        "performance",
                                        "periodical",
                                        "personal_communication",
                                        "post",
                                        "post-weblog",
                                        "regulation",
                                        "report",
                                        "review",
                                        "review-book",
                                        "software",
                                        "song",
                                        "speech",
                                        "standard",
                                        "thesis",
                                        "treaty",
                                        "webpage"};
#define CSL_TYPE_COUNT (sizeof(csl_types) / sizeof(csl_types[0]))

/* The name parts CSL defines besides "family", in output order. */
static const char *const csl_name_parts[] = {"given", "dropping-particle", "non-dropping-particle",
                                             "suffix"};

/* The first occurrence of each member that matters; -1 when absent. */
typedef struct csl_members {
  long id, type, subtitle;
  long variables[CSL_VARIABLE_COUNT];
  long aliases[CSL_ALIAS_COUNT];
} csl_members;

/* ----- reading values ------------------------------------------------------- */

/* Keys may hold NUL bytes (from \u0000), so they are compared with lengths. */
static int csl_key_is(const char *key, size_t length, const char *name) {
  return strlen(name) == length && memcmp(key, name, length) == 0;
}

static int csl_blank(const char *text, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') return 0;
  return 1;
}

static ibid_json_kind csl_kind_of(const ibid_json_document *item, long node) {
  return node < 0 ? IBID_JSON_NULL : item->nodes[node].kind;
}

/* The text of a string that is not blank, or of a number; NULL otherwise. */
static const char *csl_text(const ibid_json_document *item, long node, size_t *length) {
  const char *text = ibid_json_text(item, node, length);
  if (text && csl_kind_of(item, node) == IBID_JSON_STRING && csl_blank(text, *length)) return NULL;
  return text;
}

/* A whole number (a JSON number or numeric string: optional '-', 1-6
** digits, white space around a string's) into *value. */
static int csl_integer(const ibid_json_document *item, long node, int *value) {
  size_t length = 0;
  const char *text = ibid_json_text(item, node, &length);
  if (!text) return 0;
  size_t i = 0;
  while (i < length && text[i] == ' ') i++;
  while (length > i && text[length - 1] == ' ') length--;
  int sign = 1;
  if (i < length && text[i] == '-') {
    sign = -1;
    i++;
  }
  if (i == length || length - i > 6) return 0;
  int number = 0;
  for (; i < length; i++) {
    if (text[i] < '0' || text[i] > '9') return 0;
    number = number * 10 + (text[i] - '0');
  }
  *value = sign * number;
  return 1;
}

static void csl_find_members(const ibid_json_document *item, long node, csl_members *members) {
  members->id = members->type = members->subtitle = -1;
  for (size_t i = 0; i < CSL_VARIABLE_COUNT; i++) members->variables[i] = -1;
  for (size_t i = 0; i < CSL_ALIAS_COUNT; i++) members->aliases[i] = -1;
  for (long child = item->nodes[node].first_child; child >= 0;
       child = item->nodes[child].next_sibling) {
    size_t length;
    const char *key = ibid_json_key(item, child, &length);
    long *slot = NULL;
    if (csl_key_is(key, length, "id"))
      slot = &members->id;
    else if (csl_key_is(key, length, "type"))
      slot = &members->type;
    else if (csl_key_is(key, length, "subtitle"))
      slot = &members->subtitle;
    for (size_t i = 0; !slot && i < CSL_VARIABLE_COUNT; i++)
      if (csl_key_is(key, length, csl_variables[i].name)) slot = &members->variables[i];
    for (size_t i = 0; !slot && i < CSL_ALIAS_COUNT; i++)
      if (csl_key_is(key, length, csl_aliases[i].name)) slot = &members->aliases[i];
    if (slot && *slot < 0) *slot = child; /* a repeated member: the first one counts */
  }
}

/* ----- text, title, keyword ------------------------------------------------------ */

/* Writes a string as a string and a number as the number it was. */
static void csl_write_value(const ibid_json_document *item, long node, ibid_buffer *out) {
  size_t length = 0;
  const char *text = ibid_json_text(item, node, &length);
  if (csl_kind_of(item, node) == IBID_JSON_NUMBER)
    ibid_buffer_append(out, text, length);
  else
    ibid_json_string(out, text, length);
}

static int csl_write_text(const ibid_json_document *item, ibid_json_object *object, const char *key,
                          long node) {
  size_t length;
  if (!csl_text(item, node, &length)) return 0;
  ibid_json_object_key(object, key);
  csl_write_value(item, node, object->buffer);
  return 1;
}

static unsigned char csl_ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Subtitles up to this many bytes are looked for anywhere in the title;
** longer ones (never real) only at its end, so no table is allocated. */
#define CSL_SUBTITLE_SEARCH_MAX 1024

static int csl_same_ascii_case(const char *a, const char *b, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (csl_ascii_lower((unsigned char)a[i]) != csl_ascii_lower((unsigned char)b[i])) return 0;
  return 1;
}

/* Does haystack contain needle, ignoring ASCII case? Knuth-Morris-Pratt, so
** that a long title costs its length, not its length times the subtitle's. */
static int csl_contains(const char *haystack, size_t haystack_length, const char *needle,
                        size_t needle_length) {
  if (needle_length == 0) return 1;
  if (needle_length > haystack_length) return 0;
  if (needle_length > CSL_SUBTITLE_SEARCH_MAX)
    return csl_same_ascii_case(haystack + haystack_length - needle_length, needle, needle_length);
  size_t border[CSL_SUBTITLE_SEARCH_MAX];
  border[0] = 0;
  for (size_t i = 1, k = 0; i < needle_length; i++) {
    unsigned char c = csl_ascii_lower((unsigned char)needle[i]);
    while (k > 0 && csl_ascii_lower((unsigned char)needle[k]) != c) k = border[k - 1];
    if (csl_ascii_lower((unsigned char)needle[k]) == c) k++;
    border[i] = k;
  }
  for (size_t i = 0, k = 0; i < haystack_length; i++) {
    unsigned char c = csl_ascii_lower((unsigned char)haystack[i]);
    while (k > 0 && csl_ascii_lower((unsigned char)needle[k]) != c) k = border[k - 1];
    if (csl_ascii_lower((unsigned char)needle[k]) == c) k++;
    if (k == needle_length) return 1;
  }
  return 0;
}

static void csl_trim(const char **text, size_t *length) {
  while (*length && strchr(" \t\r\n", (*text)[0]) && (*text)[0]) (*text)++, (*length)--;
  while (*length && strchr(" \t\r\n", (*text)[*length - 1]) && (*text)[*length - 1]) (*length)--;
}

/* CSL's title is the full title: "Title: Subtitle" (no colon after a title
** that already ends in ':', '?' or '!'), unless the title already holds the
** subtitle; a subtitle alone stands as the title. */
static int csl_write_title(const ibid_json_document *item, ibid_json_object *object,
                           const char *key, long title, long subtitle_node) {
  size_t title_length = 0, subtitle_length = 0;
  const char *title_text = csl_text(item, title, &title_length);
  const char *subtitle = csl_kind_of(item, subtitle_node) == IBID_JSON_STRING
                             ? csl_text(item, subtitle_node, &subtitle_length)
                             : NULL;
  if (!subtitle) return csl_write_text(item, object, key, title);
  if (!title_text) return csl_write_text(item, object, key, subtitle_node);
  csl_trim(&subtitle, &subtitle_length);
  csl_trim(&title_text, &title_length);
  if (csl_contains(title_text, title_length, subtitle, subtitle_length))
    return csl_write_text(item, object, key, title);
  ibid_buffer joined;
  ibid_buffer_init(&joined);
  ibid_buffer_append(&joined, title_text, title_length);
  char last = title_text[title_length - 1];
  ibid_buffer_append_string(&joined, last == ':' || last == '?' || last == '!' ? " " : ": ");
  ibid_buffer_append(&joined, subtitle, subtitle_length);
  if (joined.failed) object->buffer->failed = 1;
  ibid_json_object_string(object, key, joined.data ? joined.data : "", joined.length);
  ibid_buffer_free(&joined);
  return 1;
}

/* CSL's keyword is one string: an array of keywords is joined with ", ". */
static int csl_write_keyword(const ibid_json_document *item, ibid_json_object *object,
                             const char *key, long node) {
  if (csl_kind_of(item, node) != IBID_JSON_ARRAY) return csl_write_text(item, object, key, node);
  ibid_buffer joined;
  ibid_buffer_init(&joined);
  for (long child = item->nodes[node].first_child; child >= 0;
       child = item->nodes[child].next_sibling) {
    size_t length;
    const char *text = csl_text(item, child, &length);
    if (!text) continue;
    csl_trim(&text, &length);
    if (joined.length) ibid_buffer_append_string(&joined, ", ");
    ibid_buffer_append(&joined, text, length);
  }
  int wrote = joined.length > 0;
  if (wrote) ibid_json_object_string(object, key, joined.data, joined.length);
  if (joined.failed) object->buffer->failed = 1;
  ibid_buffer_free(&joined);
  return wrote;
}

/* ----- names ---------------------------------------------------------------- */

typedef enum csl_name_form { CSL_NO_NAME, CSL_LITERAL_NAME, CSL_FAMILY_NAME } csl_name_form;

/* How a name is written; *literal is the node holding a literal name. */
static csl_name_form csl_name(const ibid_json_document *item, long node, long *literal) {
  size_t length;
  ibid_json_kind kind = csl_kind_of(item, node);
  *literal = node;
  if (kind == IBID_JSON_STRING || kind == IBID_JSON_NUMBER)
    return csl_text(item, node, &length) ? CSL_LITERAL_NAME : CSL_NO_NAME;
  if (kind != IBID_JSON_OBJECT) return CSL_NO_NAME;
  *literal = ibid_json_member(item, node, "literal");
  if (csl_text(item, *literal, &length)) return CSL_LITERAL_NAME;
  if (csl_text(item, ibid_json_member(item, node, "family"), &length)) return CSL_FAMILY_NAME;
  /* only a given name ("Plato", or a parser's leftover): the name as written */
  *literal = ibid_json_member(item, node, "given");
  return csl_text(item, *literal, &length) ? CSL_LITERAL_NAME : CSL_NO_NAME;
}

/* A name part as a string (a number in a name part is not a number). */
static void csl_name_part(const ibid_json_document *item, ibid_json_object *name, const char *key,
                          long node) {
  size_t length;
  const char *text = csl_text(item, node, &length);
  if (text) ibid_json_object_string(name, key, text, length);
}

/* Whether text holds one of the lowercase words that join the parts of an
** institution's name and never a person's ("OTP to UNSC", "Permanent Mission
** of X to the UN"); particles such as "de" or "van" are not among them. */
static int csl_has_joining_word(const char *text, size_t length) {
  static const char *const words[] = {"to", "of", "for", "on", "the", "at", "in"};
  size_t i = 0;
  while (i < length) {
    while (i < length && text[i] == ' ') i++;
    size_t end = i;
    while (end < length && text[end] != ' ') end++;
    for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
      if (end > i && csl_key_is(text + i, end - i, words[w])) return 1;
    i = end;
  }
  return 0;
}

/* A family/given pair that is really an institution's name, split as if it
** were a person's: given "OTP to", family "UNSC" (or the whole in family). */
static int csl_corporate_name(const ibid_json_document *item, long node) {
  size_t family_length = 0, given_length = 0;
  const char *family = csl_text(item, ibid_json_member(item, node, "family"), &family_length);
  const char *given = csl_text(item, ibid_json_member(item, node, "given"), &given_length);
  return (family && csl_has_joining_word(family, family_length)) ||
         (given && csl_has_joining_word(given, given_length));
}

static void csl_write_name(const ibid_json_document *item, long node, ibid_buffer *out) {
  long literal;
  csl_name_form form = csl_name(item, node, &literal);
  ibid_json_object name;
  ibid_json_object_begin(&name, out);
  if (form == CSL_FAMILY_NAME && csl_corporate_name(item, node)) {
    /* the name as written: given, then family */
    size_t family_length = 0, given_length = 0;
    const char *family = csl_text(item, ibid_json_member(item, node, "family"), &family_length);
    const char *given = csl_text(item, ibid_json_member(item, node, "given"), &given_length);
    ibid_buffer whole;
    ibid_buffer_init(&whole);
    if (given) {
      ibid_buffer_append(&whole, given, given_length);
      ibid_buffer_append_char(&whole, ' ');
    }
    ibid_buffer_append(&whole, family, family_length);
    if (whole.failed)
      out->failed = 1;
    else
      ibid_json_object_string(&name, "literal", whole.data, whole.length);
    ibid_buffer_free(&whole);
  } else if (form == CSL_LITERAL_NAME) {
    csl_name_part(item, &name, "literal", literal);
  } else {
    csl_name_part(item, &name, "family", ibid_json_member(item, node, "family"));
    for (size_t i = 0; i < sizeof(csl_name_parts) / sizeof(csl_name_parts[0]); i++)
      csl_name_part(item, &name, csl_name_parts[i],
                    ibid_json_member(item, node, csl_name_parts[i]));
  }
  ibid_json_object_end(&name);
}

/* An array of names; a single name (object or string) is taken as a list of one. */
static int csl_write_names(const ibid_json_document *item, ibid_json_object *object,
                           const char *key, long node) {
  long literal;
  ibid_buffer *out = object->buffer;
  if (csl_kind_of(item, node) != IBID_JSON_ARRAY) {
    if (csl_name(item, node, &literal) == CSL_NO_NAME) return 0;
    ibid_json_object_key(object, key);
    ibid_buffer_append_char(out, '[');
    csl_write_name(item, node, out);
    ibid_buffer_append_char(out, ']');
    return 1;
  }
  size_t written = 0;
  for (long child = item->nodes[node].first_child; child >= 0;
       child = item->nodes[child].next_sibling) {
    if (csl_name(item, child, &literal) == CSL_NO_NAME) continue;
    if (!written) {
      ibid_json_object_key(object, key);
      ibid_buffer_append_char(out, '[');
    } else {
      ibid_buffer_append_char(out, ',');
    }
    csl_write_name(item, child, out);
    written++;
  }
  if (written) ibid_buffer_append_char(out, ']');
  return written > 0;
}

/* ----- dates ---------------------------------------------------------------- */

typedef struct csl_date {
  int parts[2][3]; /* year, month, day (0: unknown) of the date, and of a range's end */
  int dates;       /* how many of parts are set: 0, 1 or 2 */
  int season;      /* 1-4, or 0 */
  int circa;
  long literal; /* node of a literal date when dates == 0; -1 when none */
} csl_date;

/* One [y, m, d] array: a non-zero year, then a month 1-12, then a day 1-31
** (reading stops at the first part that is not one). */
static int csl_date_parts(const ibid_json_document *item, long array, int parts[3]) {
  parts[0] = parts[1] = parts[2] = 0;
  if (csl_kind_of(item, array) != IBID_JSON_ARRAY) return 0;
  long part = item->nodes[array].first_child;
  if (!csl_integer(item, part, &parts[0]) || parts[0] == 0) return 0;
  static const int limits[3] = {0, 12, 31};
  for (int i = 1; i < 3; i++) {
    part = item->nodes[part].next_sibling;
    int value = 0;
    if (part < 0 || !csl_integer(item, part, &value) || value < 1 || value > limits[i]) break;
    parts[i] = value;
  }
  return 1;
}

/* Truthy as CSL-JSON processors read "circa": true, a non-zero number, a string. */
static int csl_truthy(const ibid_json_document *item, long node) {
  int value = 0;
  switch (csl_kind_of(item, node)) {
    case IBID_JSON_TRUE:
      return 1;
    case IBID_JSON_NUMBER:
      return !csl_integer(item, node, &value) || value != 0;
    case IBID_JSON_STRING:
      return item->nodes[node].text_length > 0;
    default:
      return 0;
  }
}

/* The date-parts of a date object; 0 when it has none usable. */
static int csl_read_date_parts(const ibid_json_document *item, long node, csl_date *date) {
  long list = ibid_json_member(item, node, "date-parts");
  if (csl_kind_of(item, list) != IBID_JSON_ARRAY) return 0;
  for (long array = item->nodes[list].first_child; array >= 0 && date->dates < 2;
       array = item->nodes[array].next_sibling) {
    if (!csl_date_parts(item, array, date->parts[date->dates])) break;
    date->dates++;
  }
  /* a range that ends where it starts is one date */
  if (date->dates == 2 && !memcmp(date->parts[0], date->parts[1], sizeof(date->parts[0])))
    date->dates = 1;
  if (!date->dates) return 0;
  int season = 0;
  if (csl_integer(item, ibid_json_member(item, node, "season"), &season) && season >= 1 &&
      season <= 4)
    date->season = season;
  date->circa = csl_truthy(item, ibid_json_member(item, node, "circa"));
  return 1;
}

/* A date in free text ("2018-05-03", "May 2018"), else the text as a literal. */
static int csl_read_date_text(const ibid_json_document *item, long node, csl_date *date) {
  size_t length;
  const char *text = csl_text(item, node, &length);
  if (!text || csl_kind_of(item, node) != IBID_JSON_STRING) return 0;
  if (ibid_json_date_from_text(text, length, date->parts[0]) && date->parts[0][0]) {
    date->dates = 1;
    return 1;
  }
  date->literal = node;
  return 1;
}

static int csl_read_date(const ibid_json_document *item, long node, csl_date *date) {
  memset(date, 0, sizeof(*date));
  date->literal = -1;
  switch (csl_kind_of(item, node)) {
    case IBID_JSON_STRING:
      return csl_read_date_text(item, node, date);
    case IBID_JSON_NUMBER:
      date->dates = csl_integer(item, node, &date->parts[0][0]) && date->parts[0][0] != 0;
      return date->dates;
    case IBID_JSON_OBJECT:
      break;
    default:
      return 0;
  }
  if (csl_read_date_parts(item, node, date)) return 1;
  memset(date->parts, 0, sizeof(date->parts));
  date->dates = 0;
  long raw = ibid_json_member(item, node, "raw");
  long literal = ibid_json_member(item, node, "literal");
  size_t length;
  if (csl_kind_of(item, raw) == IBID_JSON_STRING && csl_text(item, raw, &length)) {
    const char *text = ibid_json_text(item, raw, &length);
    if (ibid_json_date_from_text(text, length, date->parts[0]) && date->parts[0][0]) {
      date->dates = 1;
      return 1;
    }
  }
  if (csl_kind_of(item, literal) == IBID_JSON_STRING && csl_text(item, literal, &length))
    date->literal = literal;
  else if (csl_kind_of(item, raw) == IBID_JSON_STRING && csl_text(item, raw, &length))
    date->literal = raw; /* a raw date nobody can parse reads as it is */
  return date->literal >= 0;
}

static int csl_write_date(const ibid_json_document *item, ibid_json_object *object, const char *key,
                          long node) {
  csl_date date;
  if (!csl_read_date(item, node, &date)) return 0;
  ibid_json_object_key(object, key);
  ibid_buffer *out = object->buffer;
  ibid_json_object value;
  ibid_json_object_begin(&value, out);
  if (!date.dates) {
    size_t length;
    const char *text = ibid_json_text(item, date.literal, &length);
    ibid_json_object_string(&value, "literal", text, length);
    ibid_json_object_end(&value);
    return 1;
  }
  ibid_json_object_key(&value, "date-parts");
  ibid_buffer_append_char(out, '[');
  for (int d = 0; d < date.dates; d++) {
    ibid_buffer_append_string(out, d ? ",[" : "[");
    for (int i = 0; i < 3 && date.parts[d][i]; i++) {
      if (i) ibid_buffer_append_char(out, ',');
      ibid_buffer_append_int(out, date.parts[d][i]);
    }
    ibid_buffer_append_char(out, ']');
  }
  ibid_buffer_append_char(out, ']');
  if (date.season) ibid_json_object_int(&value, "season", date.season);
  if (date.circa) {
    ibid_json_object_key(&value, "circa");
    ibid_buffer_append_string(out, "true");
  }
  ibid_json_object_end(&value);
  return 1;
}

/* ----- the item ---------------------------------------------------------------- */

static int csl_write_variable(const ibid_json_document *item, ibid_json_object *object,
                              const csl_variable *variable, long node, long subtitle) {
  switch (variable->kind) {
    case CSL_TITLE:
      return csl_write_title(item, object, variable->name, node, subtitle);
    case CSL_KEYWORD:
      return csl_write_keyword(item, object, variable->name, node);
    case CSL_NAMES:
      return csl_write_names(item, object, variable->name, node);
    case CSL_DATE:
      return csl_write_date(item, object, variable->name, node);
    default:
      if (!strcmp(variable->name, "issue")) {
        /* "(3)" as a reference prints it: the issue is 3 */
        size_t length = 0;
        const char *text = csl_text(item, node, &length);
        if (text && csl_kind_of(item, node) == IBID_JSON_STRING && length > 2 && text[0] == '(' &&
            text[length - 1] == ')' && !memchr(text + 1, '(', length - 2)) {
          ibid_json_object_string(object, variable->name, text + 1, length - 2);
          return 1;
        }
      }
      return csl_write_text(item, object, variable->name, node);
  }
}

/* The DOI of a doi.org URL ("https://doi.org/10.1017/x" -> "10.1017/x"), or NULL. */
static const char *csl_doi_of_url(const ibid_json_document *item, long node, size_t *length) {
  static const char *const prefixes[] = {"https://doi.org/", "http://doi.org/",
                                         "https://dx.doi.org/", "http://dx.doi.org/"};
  size_t url_length = 0;
  const char *url = csl_text(item, node, &url_length);
  if (!url || csl_kind_of(item, node) != IBID_JSON_STRING) return NULL;
  for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
    size_t n = strlen(prefixes[i]);
    if (url_length > n + 3 && csl_same_ascii_case(url, prefixes[i], n) &&
        !memcmp(url + n, "10.", 3)) {
      *length = url_length - n;
      return url + n;
    }
  }
  return NULL;
}

/* The item's type when CSL 1.0.2 defines it; else "document", CSL's catch-all. */
static const char *csl_type(const ibid_json_document *item, long node) {
  size_t length = 0;
  const char *type = ibid_json_text(item, node, &length);
  if (type && csl_kind_of(item, node) == IBID_JSON_STRING)
    for (size_t i = 0; i < CSL_TYPE_COUNT; i++)
      if (csl_key_is(type, length, csl_types[i])) return csl_types[i];
  return "document";
}

/* ----- types for the BibTeX and RIS writers ------------------------------- */

static const ibid_csl_export_type csl_export_types[] = {
    {"article-journal", "article", NULL, "JOUR", NULL},
    {"article-magazine", "article", NULL, "MGZN", NULL},
    {"article-newspaper", "article", NULL, "NEWS", NULL},
    {"book", "book", NULL, "BOOK", NULL},
    {"chapter", "incollection", NULL, "CHAP", NULL},
    {"entry-encyclopedia", "incollection", NULL, "CHAP", NULL},
    {"entry-dictionary", "incollection", NULL, "CHAP", NULL},
    {"paper-conference", "inproceedings", NULL, "CONF", NULL},
    {"report", "techreport", "report", "RPRT", NULL},
    {"thesis", "phdthesis", "thesis", "THES", NULL},
    {"webpage", "online", NULL, "ELEC", NULL},
    {"post", "online", NULL, "ELEC", NULL},
    {"post-weblog", "online", NULL, "ELEC", NULL},
    {"legal_case", NULL, "jurisdiction", "CASE", "Legal case"},
    {"legislation", NULL, "legislation", "STAT", "Legislation"},
    {"bill", NULL, "legislation", "BILL", "Bill"},
    {"treaty", NULL, "legal", NULL, "Treaty"},
};

const ibid_csl_export_type *ibid_csl_export_type_find(const char *csl) {
  if (!csl) return NULL;
  for (size_t i = 0; i < sizeof(csl_export_types) / sizeof(csl_export_types[0]); i++)
    if (!strcmp(csl_export_types[i].csl, csl)) return &csl_export_types[i];
  return NULL;
}

/* ----- one item ------------------------------------------------------------ */

void ibid_csl_export_item(const ibid_json_document *item, long node, ibid_buffer *out) {
  csl_members members;
  csl_find_members(item, node, &members);
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  ibid_json_kind id_kind = csl_kind_of(item, members.id);
  if (id_kind == IBID_JSON_STRING || id_kind == IBID_JSON_NUMBER) {
    ibid_json_object_key(&object, "id");
    csl_write_value(item, members.id, out);
  }
  const char *type = csl_type(item, members.type);
  ibid_json_object_string(&object, "type", type, strlen(type));
  /* A doi.org URL is the DOI: it goes to DOI (when the item has none, or
  ** the same one) and leaves URL. */
  long url = -1, doi = -1;
  for (size_t i = 0; i < CSL_VARIABLE_COUNT; i++) {
    if (!strcmp(csl_variables[i].name, "URL")) url = members.variables[i];
    if (!strcmp(csl_variables[i].name, "DOI")) doi = members.variables[i];
  }
  size_t url_doi_length = 0, doi_length = 0;
  const char *url_doi = csl_doi_of_url(item, url, &url_doi_length);
  const char *given_doi = csl_text(item, doi, &doi_length);
  int url_is_doi = url_doi && (!given_doi || (doi_length == url_doi_length &&
                                              csl_same_ascii_case(given_doi, url_doi, doi_length)));
  for (size_t i = 0; i < CSL_VARIABLE_COUNT; i++) {
    const csl_variable *variable = &csl_variables[i];
    if (url_is_doi && !strcmp(variable->name, "URL")) continue;
    if (url_is_doi && !given_doi && !strcmp(variable->name, "DOI")) {
      ibid_json_object_string(&object, "DOI", url_doi, url_doi_length);
      continue;
    }
    if (csl_write_variable(item, &object, variable, members.variables[i], members.subtitle))
      continue;
    for (size_t a = 0; a < CSL_ALIAS_COUNT; a++)
      if (strcmp(csl_aliases[a].variable, variable->name) == 0 &&
          csl_write_variable(item, &object, variable, members.aliases[a], -1))
        break;
  }
  ibid_json_object_end(&object);
}

ibid_json_status ibid_csl_export(const char *json, size_t length, ibid_buffer *out,
                                 ibid_json_error *error) {
  return ibid_json_write_item(json, length, ibid_csl_export_item, out, error);
}
