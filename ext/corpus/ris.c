/*
** ris.c -- CSL-JSON item -> RIS record (see ris.h).
**
** HOW IT WORKS: the item is parsed into a tree (ext/json.h); the type comes
** from the table the BibTeX writer shares (ext/csl_export.h), then each tag
** is one CSL variable written as one line. A RIS
** value cannot span lines, so every value goes through one routine that turns
** runs of white space and control bytes (including NUL from "\u0000") into a
** single space and trims the ends.
*/
#include "ris.h"

#include <string.h>

#include "csl_export.h"
#include "utf8.h"

const char *ibid_ris_type(const ibid_json_document *item, long node) {
  const char *csl = ibid_json_member_text(item, node, "type", NULL);
  if (!csl) return "GEN";
  const ibid_csl_export_type *row = ibid_csl_export_type_find(csl);
  if (row && row->ris) return row->ris;
  /* CSL "article" is an article outside a periodical unless it names one */
  if (!strcmp(csl, "article") && ibid_json_member_text(item, node, "container-title", NULL))
    return "JOUR";
  return "GEN";
}

/* ----- values ----------------------------------------------------------- */

static int ris_is_space(unsigned char c) {
  return c <= 0x20 || c == 0x7F;
}

static int ris_has_content(const char *text, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (!ris_is_space((unsigned char)text[i])) return 1;
  return 0;
}

/* Appends text on one line: white space runs -> one space, ends trimmed. */
static void ris_append_value(ibid_buffer *out, const char *text, size_t length) {
  int wrote = 0;
  size_t i = 0;
  while (i < length) {
    while (i < length && ris_is_space((unsigned char)text[i])) i++;
    size_t end = i;
    while (end < length && !ris_is_space((unsigned char)text[end])) end++;
    if (end > i) {
      if (wrote) ibid_buffer_append_char(out, ' ');
      ibid_buffer_append(out, text + i, end - i);
      wrote = 1;
    }
    i = end;
  }
}

static void ris_tag(ibid_buffer *out, const char *tag, const char *text, size_t length) {
  if (!text || !ris_has_content(text, length)) return;
  ibid_buffer_append_string(out, tag);
  ibid_buffer_append_string(out, "  - ");
  ris_append_value(out, text, length);
  ibid_buffer_append_char(out, '\n');
}

static void ris_variable(const ibid_json_document *item, long node, const char *tag,
                         const char *variable, ibid_buffer *out) {
  size_t length = 0;
  const char *text = ibid_json_member_text(item, node, variable, &length);
  ris_tag(out, tag, text, length);
}

/* A tag and the CSL variable it is written from. */
typedef struct ris_tag_variable {
  const char *tag;
  const char *variable;
} ris_tag_variable;

static void ris_variables(const ibid_json_document *item, long node, const ris_tag_variable *rows,
                          size_t count, ibid_buffer *out) {
  for (size_t i = 0; i < count; i++) ris_variable(item, node, rows[i].tag, rows[i].variable, out);
}

/* ----- names ------------------------------------------------------------- */

static const char *ris_part(const ibid_json_document *item, long name, const char *part,
                            size_t *length) {
  const char *text = ibid_json_member_text(item, name, part, length);
  return text && ris_has_content(text, *length) ? text : NULL;
}

/* "particles Family, Given, Suffix"; a literal or single name as written. */
static void ris_name(const ibid_json_document *item, long name, const char *tag, ibid_buffer *out) {
  size_t length = 0, given_length = 0, suffix_length = 0;
  const char *bare = ibid_json_text(item, name, &length);
  if (bare) {
    ris_tag(out, tag, bare, length);
    return;
  }
  const char *family = ris_part(item, name, "family", &length);
  const char *given = ris_part(item, name, "given", &given_length);
  if (!family) {
    const char *literal = ris_part(item, name, "literal", &length);
    if (literal)
      ris_tag(out, tag, literal, length);
    else if (given)
      ris_tag(out, tag, given, given_length);
    return;
  }
  ibid_buffer_append_string(out, tag);
  ibid_buffer_append_string(out, "  - ");
  static const char *const particles[] = {"dropping-particle", "non-dropping-particle"};
  for (int i = 0; i < 2; i++) {
    size_t particle_length = 0;
    const char *particle = ris_part(item, name, particles[i], &particle_length);
    if (!particle) continue;
    ris_append_value(out, particle, particle_length);
    ibid_buffer_append_char(out, ' ');
  }
  ris_append_value(out, family, length);
  const char *suffix = ris_part(item, name, "suffix", &suffix_length);
  if (given || suffix) ibid_buffer_append_string(out, ", ");
  if (given) ris_append_value(out, given, given_length);
  if (suffix) {
    ibid_buffer_append_string(out, ", ");
    ris_append_value(out, suffix, suffix_length);
  }
  ibid_buffer_append_char(out, '\n');
}

static void ris_names(const ibid_json_document *item, long node, const char *variable,
                      const char *tag, ibid_buffer *out) {
  long names = ibid_json_member(item, node, variable);
  if (names < 0) return;
  if (item->nodes[names].kind != IBID_JSON_ARRAY) { /* one name instead of a list */
    ris_name(item, names, tag, out);
    return;
  }
  for (long name = item->nodes[names].first_child; name >= 0; name = item->nodes[name].next_sibling)
    ris_name(item, name, tag, out);
}

/* ----- dates, pages, keywords --------------------------------------------------- */

/* "YYYY/MM/DD/" with empty parts for unknown month or day, or "YYYY///". */
static void ris_date(ibid_buffer *out, const char *tag, const int parts[3], int with_month) {
  ibid_buffer_append_string(out, tag);
  ibid_buffer_append_string(out, "  - ");
  ibid_buffer_append_int(out, parts[0]);
  ibid_buffer_append_char(out, '/');
  for (int p = 1; p < 3; p++) {
    if (with_month && parts[p]) {
      ibid_buffer_append_char(out, (char)('0' + parts[p] / 10));
      ibid_buffer_append_char(out, (char)('0' + parts[p] % 10));
    }
    ibid_buffer_append_char(out, '/');
  }
  ibid_buffer_append_char(out, '\n');
}

static void ris_dates(const ibid_json_document *item, long node, ibid_buffer *out) {
  int parts[3];
  if (ibid_json_csl_date(item, node, "issued", parts)) {
    ris_date(out, "PY", parts, 0);
    if (parts[1]) ris_date(out, "DA", parts, 1);
  }
}

static int ris_is_dash(uint32_t codepoint) {
  return codepoint == '-' || (codepoint >= 0x2010 && codepoint <= 0x2014);
}

/* SP and EP: the page range split at its first dash. */
static void ris_pages(const ibid_json_document *item, long node, ibid_buffer *out) {
  size_t length = 0;
  const char *page = ibid_json_member_text(item, node, "page", &length);
  if (!page) return;
  for (size_t i = 0; i < length;) {
    uint32_t codepoint;
    size_t size = ibid_utf8_decode(page, length, i, &codepoint);
    if (ris_is_dash(codepoint) && i > 0) {
      ris_tag(out, "SP", page, i);
      size_t end = i + size;
      while (end < length && page[end] == '-') end++;
      ris_tag(out, "EP", page + end, length - end);
      return;
    }
    i += size;
  }
  ris_tag(out, "SP", page, length);
}

/* KW lines: a "keywords" array (as some exporters write), else the CSL
** "keyword" string split at commas and semicolons. */
static void ris_keywords(const ibid_json_document *item, long node, ibid_buffer *out) {
  long list = ibid_json_member(item, node, "keywords");
  if (list >= 0 && item->nodes[list].kind == IBID_JSON_ARRAY) {
    for (long word = item->nodes[list].first_child; word >= 0;
         word = item->nodes[word].next_sibling) {
      size_t length = 0;
      const char *text = ibid_json_text(item, word, &length);
      ris_tag(out, "KW", text, length);
    }
    return;
  }
  size_t length = 0;
  const char *text = ibid_json_member_text(item, node, "keyword", &length);
  if (!text) text = ibid_json_member_text(item, node, "keywords", &length);
  if (!text) return;
  size_t start = 0;
  for (size_t i = 0; i <= length; i++)
    if (i == length || text[i] == ',' || text[i] == ';') {
      ris_tag(out, "KW", text + start, i - start);
      start = i + 1;
    }
}

/* N1: "Treaty" for a treaty (RIS has no such type), then the CSL note. */
static void ris_note(const ibid_json_document *item, long node, ibid_buffer *out) {
  const char *type = ibid_json_member_text(item, node, "type", NULL);
  size_t length = 0;
  const char *note = ibid_json_member_text(item, node, "note", &length);
  int has_note = note && ris_has_content(note, length);
  if (!(type && !strcmp(type, "treaty"))) {
    if (has_note) ris_tag(out, "N1", note, length);
    return;
  }
  ibid_buffer_append_string(out, "N1  - Treaty");
  if (has_note) {
    ibid_buffer_append_string(out, "; ");
    ris_append_value(out, note, length);
  }
  ibid_buffer_append_char(out, '\n');
}

/* The access date as a note "Accessed YYYY-MM-DD": RIS readers disagree on
** Y2 (Zotero: access date; bibutils: a second publication date, and it warns
** for ELEC), a note reads the same everywhere. */
static void ris_accessed(const ibid_json_document *item, long node, ibid_buffer *out) {
  int parts[3];
  if (!ibid_json_csl_date(item, node, "accessed", parts) || parts[0] < 0 || parts[0] > 9999) return;
  char date[16];
  int length = 0;
  for (int divisor = 1000; divisor > 0; divisor /= 10)
    date[length++] = (char)('0' + parts[0] / divisor % 10);
  for (int p = 1; p < 3 && parts[p]; p++) {
    date[length++] = '-';
    date[length++] = (char)('0' + parts[p] / 10);
    date[length++] = (char)('0' + parts[p] % 10);
  }
  ibid_buffer_append_string(out, "N1  - Accessed ");
  ibid_buffer_append(out, date, (size_t)length);
  ibid_buffer_append_char(out, '\n');
}

void ibid_ris_write(const ibid_json_document *item, long node, ibid_buffer *out) {
  const char *type = ibid_ris_type(item, node);
  ibid_buffer_append_string(out, "TY  - ");
  ibid_buffer_append_string(out, type);
  ibid_buffer_append_char(out, '\n');
  ris_variable(item, node, "ID", "id", out); /* the citation key, as in CSL-JSON and BibTeX */
  ris_names(item, node, "author", "AU", out);
  ris_names(item, node, "editor", "A2", out);
  static const ris_tag_variable titles[] = {
      {"TI", "title"}, {"T2", "container-title"}, {"T3", "collection-title"}};
  ris_variables(item, node, titles, sizeof(titles) / sizeof(titles[0]), out);
  ris_dates(item, node, out);
  ris_variable(item, node, "VL", "volume", out);
  int report_number = !strcmp(type, "RPRT") && ibid_json_member_text(item, node, "number", NULL);
  ris_variable(item, node, "IS", report_number ? "number" : "issue", out);
  ris_pages(item, node, out);
  ris_variable(item, node, "ET", "edition", out);
  int has_publisher = ibid_json_member_text(item, node, "publisher", NULL) != NULL;
  ris_variable(item, node, "PB", has_publisher ? "publisher" : "authority", out);
  static const ris_tag_variable places_and_identifiers[] = {
      {"CY", "publisher-place"}, {"DO", "DOI"}, {"UR", "URL"}, {"SN", "ISBN"}, {"SN", "ISSN"},
      {"AB", "abstract"}};
  ris_variables(item, node, places_and_identifiers,
                sizeof(places_and_identifiers) / sizeof(places_and_identifiers[0]), out);
  ris_keywords(item, node, out);
  ris_note(item, node, out);
  ris_accessed(item, node, out);
  ibid_buffer_append_string(out, "ER  - \n");
}

ibid_json_status ibid_ris_entry(const char *json, size_t length, ibid_buffer *out,
                                ibid_json_error *error) {
  return ibid_json_write_item(json, length, ibid_ris_write, out, error);
}
