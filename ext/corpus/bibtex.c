/*
** bibtex.c -- CSL-JSON item -> BibTeX entry (see bibtex.h).
**
** HOW IT WORKS: the item is parsed into a tree (ext/json.h), the entry type
** comes from the table of CSL types the RIS writer shares (ext/csl_export.h), and each field is a
*CSL variable written
** through one escaping routine that also collapses white space (a BibTeX
** value may span lines, but a control character or NUL byte from a "\u0000"
** escape must never reach a .bib file). Unique keys within a group are kept
** in an open-addressing hash set that also remembers, per base key, the next
** suffix to try, so a thousand items with the same key cost linear time.
*/
#include "bibtex.h"

#include <string.h>
#include <unicode/uchar.h>

#include "csl_export.h"
#include "memory.h"
#include "utf8.h"

/* ----- types -------------------------------------------------------------- */

/* The entry type of CSL type `csl` (NULL: none of its own). */
static const char *bibtex_type_of(const char *csl) {
  const ibid_csl_export_type *row = ibid_csl_export_type_find(csl);
  return row ? row->bibtex : NULL;
}

/* Case-insensitive ASCII search, for "master" in a thesis genre. */
static int bibtex_contains(const char *text, size_t length, const char *word) {
  size_t word_length = strlen(word);
  for (size_t i = 0; i + word_length <= length; i++) {
    size_t k = 0;
    while (k < word_length && (text[i + k] | 0x20) == word[k]) k++;
    if (k == word_length) return 1;
  }
  return 0;
}

const char *ibid_bibtex_type(const ibid_json_document *item, long node) {
  const char *csl = ibid_json_member_text(item, node, "type", NULL);
  const char *type = bibtex_type_of(csl);
  /* "article" is CSL's article without a periodical (a preprint): only with
  ** a container is it a journal article. */
  if (!type && csl && !strcmp(csl, "article") &&
      ibid_json_member_text(item, node, "container-title", NULL))
    type = "article";
  if (type && !strcmp(type, "article") &&
      !ibid_json_member_text(item, node, "container-title", NULL))
    type = "misc";
  if (type && !strcmp(type, "phdthesis")) {
    size_t length = 0;
    const char *genre = ibid_json_member_text(item, node, "genre", &length);
    if (genre && bibtex_contains(genre, length, "master")) type = "mastersthesis";
  }
  return type ? type : "misc";
}

/* ----- escaping ------------------------------------------------------------ */

static void bibtex_append_special(ibid_buffer *out, char c) {
  switch (c) {
    case '&':
    case '%':
    case '$':
    case '#':
    case '_':
    case '{':
    case '}':
      ibid_buffer_append_char(out, '\\');
      ibid_buffer_append_char(out, c);
      return;
    case '~':
      ibid_buffer_append_string(out, "\\textasciitilde{}");
      return;
    case '^':
      ibid_buffer_append_string(out, "\\textasciicircum{}");
      return;
    case '\\':
      ibid_buffer_append_string(out, "\\textbackslash{}");
      return;
    default:
      ibid_buffer_append_char(out, c);
  }
}

/* The end of the run of letters and digits starting at text[at]. */
static size_t bibtex_word_end(const char *text, size_t length, size_t at, int *inner_capital) {
  *inner_capital = 0;
  size_t i = at;
  while (i < length) {
    uint32_t codepoint;
    size_t size = ibid_utf8_decode(text, length, i, &codepoint);
    if (!u_isalnum((UChar32)codepoint)) break;
    if (i > at && u_isupper((UChar32)codepoint)) *inner_capital = 1;
    i += size;
  }
  return i;
}

static int bibtex_is_space(unsigned char c) {
  return c <= 0x20 || c == 0x7F;
}

/*
** Appends text as a BibTeX value body: runs of white space and control bytes
** become one space, the ends are trimmed, TeX specials are escaped. With
** `protect`, words with a capital after their first letter are braced.
*/
static void bibtex_append_text(ibid_buffer *out, const char *text, size_t length, int protect) {
  int pending_space = 0, wrote = 0;
  size_t i = 0;
  while (i < length) {
    unsigned char c = (unsigned char)text[i];
    if (bibtex_is_space(c)) {
      pending_space = wrote;
      i++;
      continue;
    }
    if (pending_space) ibid_buffer_append_char(out, ' ');
    pending_space = 0;
    wrote = 1;
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      int inner_capital;
      size_t end = bibtex_word_end(text, length, i, &inner_capital);
      if (end == i) end = i + ibid_utf8_decode(text, length, i, &(uint32_t){0});
      int brace = protect && inner_capital;
      if (brace) ibid_buffer_append_char(out, '{');
      ibid_buffer_append(out, text + i, end - i);
      if (brace) ibid_buffer_append_char(out, '}');
      i = end;
      continue;
    }
    bibtex_append_special(out, (char)c);
    i++;
  }
}

/* url and doi: verbatim fields in biblatex; only what would unbalance the
** value or split it is percent-encoded. */
static void bibtex_append_verbatim(ibid_buffer *out, const char *text, size_t length) {
  size_t start = 0, end = length;
  while (start < end && bibtex_is_space((unsigned char)text[start])) start++;
  while (end > start && bibtex_is_space((unsigned char)text[end - 1])) end--;
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = start; i < end; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '{' || c == '}' || c == '\\' || bibtex_is_space(c)) {
      char encoded[3] = {'%', hex[c >> 4], hex[c & 15]};
      ibid_buffer_append(out, encoded, 3);
    } else {
      ibid_buffer_append_char(out, (char)c);
    }
  }
}

/* 1 when text has something besides white space. */
static int bibtex_has_content(const char *text, size_t length) {
  for (size_t i = 0; i < length; i++)
    if (!bibtex_is_space((unsigned char)text[i])) return 1;
  return 0;
}

/* ----- fields --------------------------------------------------------------- */

/* Every field ends with a comma; ibid_bibtex_write drops the last one. */
static void bibtex_field_start(ibid_buffer *out, const char *field) {
  ibid_buffer_append_string(out, "\n  ");
  ibid_buffer_append_string(out, field);
  ibid_buffer_append_string(out, " = {");
}

static void bibtex_field_end(ibid_buffer *out) {
  ibid_buffer_append_string(out, "},");
}

static void bibtex_field(ibid_buffer *out, const char *field, const char *text, size_t length,
                         int protect) {
  if (!text || !bibtex_has_content(text, length)) return;
  bibtex_field_start(out, field);
  bibtex_append_text(out, text, length, protect);
  bibtex_field_end(out);
}

/* The CSL variable `variable` of the item as field `field`. */
static void bibtex_variable(const ibid_json_document *item, long node, const char *field,
                            const char *variable, int protect, ibid_buffer *out) {
  size_t length = 0;
  const char *text = ibid_json_member_text(item, node, variable, &length);
  bibtex_field(out, field, text, length, protect);
}

static void bibtex_verbatim_variable(const ibid_json_document *item, long node, const char *field,
                                     const char *variable, ibid_buffer *out) {
  size_t length = 0;
  const char *text = ibid_json_member_text(item, node, variable, &length);
  if (!text || !bibtex_has_content(text, length)) return;
  bibtex_field_start(out, field);
  bibtex_append_verbatim(out, text, length);
  bibtex_field_end(out);
}

/* page "101-127" / "101–127" -> "101--127": BibTeX's range dash. */
static void bibtex_pages(const ibid_json_document *item, long node, ibid_buffer *out) {
  size_t length = 0;
  const char *page = ibid_json_member_text(item, node, "page", &length);
  if (!page || !bibtex_has_content(page, length)) return;
  bibtex_field_start(out, "pages");
  size_t run_start = 0;
  for (size_t i = 0; i <= length;) {
    uint32_t codepoint = 0;
    size_t size = i < length ? ibid_utf8_decode(page, length, i, &codepoint) : 1;
    int dash = codepoint == '-' || codepoint == 0x2010 || codepoint == 0x2011 ||
               codepoint == 0x2012 || codepoint == 0x2013 || codepoint == 0x2014;
    if (i == length || dash) {
      bibtex_append_text(out, page + run_start, i - run_start, 0);
      if (i < length) {
        ibid_buffer_append_string(out, "--");
        while (i + size < length && page[i + size] == '-') size++;
      }
      run_start = i + size;
    }
    i += size;
  }
  bibtex_field_end(out);
}

/* One name part: braced when it holds a comma or the word "and", which
** BibTeX would otherwise read as name separators. */
static void bibtex_name_part(ibid_buffer *out, const char *text, size_t length) {
  int brace = memchr(text, ',', length) != NULL;
  for (size_t i = 0; i + 5 <= length && !brace; i++)
    if (bibtex_is_space((unsigned char)text[i]) && (text[i + 1] | 0x20) == 'a' &&
        (text[i + 2] | 0x20) == 'n' && (text[i + 3] | 0x20) == 'd' &&
        bibtex_is_space((unsigned char)text[i + 4]))
      brace = 1;
  if (brace) ibid_buffer_append_char(out, '{');
  bibtex_append_text(out, text, length, 0);
  if (brace) ibid_buffer_append_char(out, '}');
}

/* Appends one CSL name as "von Last, Jr, First"; 0 when it has no text. */
static int bibtex_name(const ibid_json_document *item, long name, ibid_buffer *out) {
  size_t family_length = 0, given_length = 0, literal_length = 0, suffix_length = 0;
  size_t dropping_length = 0, non_dropping_length = 0;
  const char *literal = ibid_json_text(item, name, &literal_length); /* a bare string */
  if (!literal) literal = ibid_json_member_text(item, name, "literal", &literal_length);
  const char *family = ibid_json_member_text(item, name, "family", &family_length);
  const char *given = ibid_json_member_text(item, name, "given", &given_length);
  const char *suffix = ibid_json_member_text(item, name, "suffix", &suffix_length);
  const char *dropping = ibid_json_member_text(item, name, "dropping-particle", &dropping_length);
  const char *non_dropping =
      ibid_json_member_text(item, name, "non-dropping-particle", &non_dropping_length);
  if (!family || !bibtex_has_content(family, family_length)) {
    /* an institution, or a person known by one name: one braced unit */
    const char *single = literal && bibtex_has_content(literal, literal_length) ? literal : given;
    size_t single_length = single == literal ? literal_length : given_length;
    if (!single || !bibtex_has_content(single, single_length)) return 0;
    ibid_buffer_append_char(out, '{');
    bibtex_append_text(out, single, single_length, 0);
    ibid_buffer_append_char(out, '}');
    return 1;
  }
  const char *particles[2] = {dropping, non_dropping};
  size_t particle_lengths[2] = {dropping_length, non_dropping_length};
  for (int i = 0; i < 2; i++)
    if (particles[i] && bibtex_has_content(particles[i], particle_lengths[i])) {
      bibtex_name_part(out, particles[i], particle_lengths[i]);
      ibid_buffer_append_char(out, ' ');
    }
  int has_given = given && bibtex_has_content(given, given_length);
  /* a family name of several words with nothing after it ("Stagno Ugarte")
  ** would read as given + family: one braced unit */
  int lone_words = !has_given && memchr(family, ' ', family_length) != NULL &&
                   !memchr(family, ',', family_length);
  if (lone_words) ibid_buffer_append_char(out, '{');
  bibtex_name_part(out, family, family_length);
  if (lone_words) ibid_buffer_append_char(out, '}');
  if (suffix && bibtex_has_content(suffix, suffix_length)) {
    ibid_buffer_append_string(out, ", ");
    bibtex_name_part(out, suffix, suffix_length);
    ibid_buffer_append_char(out, ',');
    if (has_given) ibid_buffer_append_char(out, ' ');
  } else if (has_given) {
    ibid_buffer_append_string(out, ", ");
  }
  if (has_given) bibtex_name_part(out, given, given_length);
  return 1;
}

static void bibtex_names(const ibid_json_document *item, long node, const char *variable,
                         const char *field, ibid_buffer *out) {
  long names = ibid_json_member(item, node, variable);
  if (names < 0) return;
  /* one name given as an object or string instead of an array of them */
  long first = item->nodes[names].kind == IBID_JSON_ARRAY ? item->nodes[names].first_child : names;
  int written = 0;
  for (long name = first; name >= 0; name = item->nodes[name].next_sibling) {
    size_t before = out->length;
    if (written)
      ibid_buffer_append_string(out, " and ");
    else
      bibtex_field_start(out, field);
    if (bibtex_name(item, name, out))
      written++;
    else if (!out->failed)
      out->data[out->length = before] = 0; /* nothing: undo the separator */
    if (name == names) break;
  }
  if (written) bibtex_field_end(out);
}

static void bibtex_dates(const ibid_json_document *item, long node, ibid_buffer *out) {
  static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  int parts[3];
  if (ibid_json_csl_date(item, node, "issued", parts)) {
    bibtex_field_start(out, "year");
    ibid_buffer_append_int(out, parts[0]);
    bibtex_field_end(out);
    if (parts[1]) {
      /* the month macros every style defines: no braces */
      ibid_buffer_append_string(out, "\n  month = ");
      ibid_buffer_append_string(out, months[parts[1] - 1]);
      ibid_buffer_append_char(out, ',');
    }
  }
}

/* An ISO date "YYYY-MM-DD" (or shorter) from a CSL date variable. */
static void bibtex_iso_date(const ibid_json_document *item, long node, const char *variable,
                            const char *field, ibid_buffer *out) {
  int parts[3];
  if (!ibid_json_csl_date(item, node, variable, parts) || parts[0] < 0 || parts[0] > 9999) return;
  bibtex_field_start(out, field);
  char date[16];
  int length = 4;
  for (int i = 3, year = parts[0]; i >= 0; i--, year /= 10) date[i] = (char)('0' + year % 10);
  for (int p = 1; p < 3 && parts[p]; p++) {
    date[length++] = '-';
    date[length++] = (char)('0' + parts[p] / 10);
    date[length++] = (char)('0' + parts[p] % 10);
  }
  ibid_buffer_append(out, date, (size_t)length);
  bibtex_field_end(out);
}

/* note: the kind of a legal item with its court/authority and number, then
** the CSL note, joined by "; ". */
static void bibtex_note(const ibid_json_document *item, long node, ibid_buffer *out) {
  const char *csl_type = ibid_json_member_text(item, node, "type", NULL);
  const ibid_csl_export_type *row = ibid_csl_export_type_find(csl_type);
  const char *legal = row ? row->legal_kind : NULL;
  size_t note_length = 0;
  const char *note = ibid_json_member_text(item, node, "note", &note_length);
  int has_note = note && bibtex_has_content(note, note_length);
  if (!legal && !has_note) return;
  bibtex_field_start(out, "note");
  if (legal) {
    ibid_buffer_append_string(out, legal);
    static const char *const details[] = {"authority", "number"};
    for (int i = 0; i < 2; i++) {
      size_t length = 0;
      const char *text = ibid_json_member_text(item, node, details[i], &length);
      if (!text || !bibtex_has_content(text, length)) continue;
      ibid_buffer_append_string(out, ", ");
      bibtex_append_text(out, text, length, 0);
    }
    if (has_note) ibid_buffer_append_string(out, "; ");
  }
  if (has_note) bibtex_append_text(out, note, note_length, 0);
  bibtex_field_end(out);
}

/* biblatex: the entry type (@report, @thesis, @jurisdiction, @legislation,
** @legal where BibTeX has @techreport, @phdthesis or @misc). */
static const char *biblatex_type(const ibid_json_document *item, long node) {
  const ibid_csl_export_type *row =
      ibid_csl_export_type_find(ibid_json_member_text(item, node, "type", NULL));
  if (row && row->biblatex) return row->biblatex;
  return ibid_bibtex_type(item, node);
}

/* biblatex's date field: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
static void biblatex_date(const ibid_json_document *item, long node, const char *variable,
                          const char *field, ibid_buffer *out) {
  bibtex_iso_date(item, node, variable, field, out);
}

/* The note of a legal item in biblatex, whose legal types take only the
** fields every type has: court, reporter, volume, number, pages, then note. */
static void biblatex_legal_note(const ibid_json_document *item, long node, ibid_buffer *out) {
  static const char *const parts[] = {"authority", "container-title", "volume", "issue", "number",
                                      "page",      "genre",           "note"};
  int written = 0;
  for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
    size_t length = 0;
    const char *text = ibid_json_member_text(item, node, parts[i], &length);
    if (!text || !bibtex_has_content(text, length)) continue;
    if (!written) bibtex_field_start(out, "note");
    /* reporter volume page ("ICJ Reports 99") read as one citation */
    if (written) ibid_buffer_append_string(out, i >= 2 && i <= 5 ? " " : "; ");
    bibtex_append_text(out, text, length, 0);
    written = 1;
  }
  if (written) bibtex_field_end(out);
}

static void biblatex_write(const ibid_json_document *item, long node, const char *key,
                           size_t key_length, ibid_buffer *out) {
  const char *type = biblatex_type(item, node);
  const char *bibtex = ibid_bibtex_type(item, node);
  int legal =
      !strcmp(type, "jurisdiction") || !strcmp(type, "legislation") || !strcmp(type, "legal");
  int in_book = !strcmp(type, "incollection") || !strcmp(type, "inproceedings");
  int is_article = !strcmp(type, "article");
  int is_thesis = !strcmp(type, "thesis"), is_report = !strcmp(type, "report");
  ibid_buffer_append_char(out, '@');
  ibid_buffer_append_string(out, type);
  ibid_buffer_append_char(out, '{');
  ibid_buffer_append(out, key, key_length);
  ibid_buffer_append_char(out, ',');
  size_t after_key = out->length;
  bibtex_names(item, node, "author", "author", out);
  if (!legal) bibtex_names(item, node, "editor", "editor", out);
  bibtex_variable(item, node, "title", "title", 1, out);
  biblatex_date(item, node, "issued", "date", out);
  if (legal) {
    biblatex_legal_note(item, node, out);
  } else {
    int has_container = ibid_json_member_text(item, node, "container-title", NULL) != NULL;
    if (is_article)
      bibtex_variable(item, node, "journaltitle", "container-title", 0, out);
    else if (in_book)
      bibtex_variable(item, node, "booktitle", "container-title", 1, out);
    else if (!strcmp(type, "misc"))
      bibtex_variable(item, node, "howpublished", has_container ? "container-title" : "publisher",
                      0, out);
    else if (!strcmp(type, "online"))
      bibtex_variable(item, node, "organization", has_container ? "container-title" : "publisher",
                      0, out);
    if (is_thesis || is_report) {
      bibtex_field_start(out, "type");
      ibid_buffer_append_string(out, !strcmp(bibtex, "mastersthesis") ? "mathesis"
                                     : is_thesis                      ? "phdthesis"
                                                                      : "techreport");
      bibtex_field_end(out);
    }
    /* only the fields biber's data model gives the type (biber --validate-datamodel) */
    int is_misc = !strcmp(type, "misc"), is_online = !strcmp(type, "online");
    if (!is_report) bibtex_variable(item, node, "series", "collection-title", 0, out);
    if (!is_online && !is_misc) bibtex_variable(item, node, "volume", "volume", 0, out);
    int report_number = is_report && ibid_json_member_text(item, node, "number", NULL);
    bibtex_variable(item, node, "number", report_number ? "number" : "issue", 0, out);
    if (!is_online && !is_misc) bibtex_pages(item, node, out);
    bibtex_variable(item, node, "edition", "edition", 0, out);
    if (is_thesis || is_report)
      bibtex_variable(item, node, "institution", "publisher", 0, out);
    else if (strcmp(type, "misc") && strcmp(type, "online") && !is_article)
      bibtex_variable(item, node, "publisher", "publisher", 0, out);
    if (!is_article) bibtex_variable(item, node, "location", "publisher-place", 0, out);
    bibtex_variable(item, node, "isbn", "ISBN", 0, out);
    bibtex_variable(item, node, "issn", "ISSN", 0, out);
    bibtex_variable(item, node, "note", "note", 0, out);
  }
  bibtex_verbatim_variable(item, node, "doi", "DOI", out);
  bibtex_verbatim_variable(item, node, "url", "URL", out);
  biblatex_date(item, node, "accessed", "urldate", out);
  if (!out->failed && out->length > after_key) out->length--; /* the last field's comma */
  ibid_buffer_append_string(out, "\n}\n");
}

void ibid_bibtex_write(const ibid_json_document *item, long node, const char *key,
                       size_t key_length, int biblatex, ibid_buffer *out) {
  if (biblatex) {
    biblatex_write(item, node, key, key_length, out);
    return;
  }
  const char *type = ibid_bibtex_type(item, node);
  int in_book = !strcmp(type, "incollection") || !strcmp(type, "inproceedings");
  int is_article = !strcmp(type, "article");
  ibid_buffer_append_char(out, '@');
  ibid_buffer_append_string(out, type);
  ibid_buffer_append_char(out, '{');
  ibid_buffer_append(out, key, key_length);
  ibid_buffer_append_char(out, ',');
  size_t after_key = out->length;
  bibtex_names(item, node, "author", "author", out);
  bibtex_names(item, node, "editor", "editor", out);
  bibtex_variable(item, node, "title", "title", 1, out);
  /* @misc and @online have no container field: howpublished takes the
  ** container, else the publisher (bibutils reads both as one publisher) */
  int how_published = !strcmp(type, "misc") || !strcmp(type, "online");
  int has_container = ibid_json_member_text(item, node, "container-title", NULL) != NULL;
  if (is_article || in_book || how_published)
    bibtex_variable(item, node,
                    is_article ? "journal"
                    : in_book  ? "booktitle"
                               : "howpublished",
                    has_container || !how_published ? "container-title" : "publisher", in_book,
                    out);
  bibtex_variable(item, node, "series", "collection-title", 0, out);
  bibtex_dates(item, node, out);
  bibtex_variable(item, node, "volume", "volume", 0, out);
  /* one `number` field: a report's own number, else the issue */
  int report_number =
      !strcmp(type, "techreport") && ibid_json_member_text(item, node, "number", NULL);
  bibtex_variable(item, node, "number", report_number ? "number" : "issue", 0, out);
  bibtex_pages(item, node, out);
  bibtex_variable(item, node, "edition", "edition", 0, out);
  const char *publisher = !strcmp(type, "techreport") ? "institution"
                          : (!strcmp(type, "phdthesis") || !strcmp(type, "mastersthesis"))
                              ? "school"
                              : "publisher";
  if (!how_published) bibtex_variable(item, node, publisher, "publisher", 0, out);
  bibtex_variable(item, node, "address", "publisher-place", 0, out);
  bibtex_verbatim_variable(item, node, "doi", "DOI", out);
  bibtex_verbatim_variable(item, node, "url", "URL", out);
  bibtex_iso_date(item, node, "accessed", "urldate", out);
  bibtex_variable(item, node, "isbn", "ISBN", 0, out);
  bibtex_variable(item, node, "issn", "ISSN", 0, out);
  bibtex_note(item, node, out);
  if (!out->failed && out->length > after_key) out->length--; /* the last field's comma */
  ibid_buffer_append_string(out, "\n}\n");
}

/* ----- keys ------------------------------------------------------------------ */

static int bibtex_is_key_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == ':' || c == '.' || c == '+' || c == '-';
}

/* The CSL id is kept when it is already a short, plain BibTeX key. */
static int bibtex_usable_id(const char *id, size_t length) {
  if (!id || length == 0 || length > 100) return 0;
  if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return 0;
  for (size_t i = 0; i < length; i++)
    if (!bibtex_is_key_byte(id[i])) return 0;
  return 1;
}

static int bibtex_is_stop_word(const char *word, size_t length) {
  static const char *const stop[] = {
      "a",    "an",   "the",  "of",   "and",  "in",  "on",  "to",   "for", "at", "by",
      "with", "from", "as",   "is",   "are",  "or",  "its", "de",   "la",  "le", "les",
      "des",  "du",   "der",  "die",  "das",  "und", "el",  "los",  "y",   "et", "l",
      "d",    "s",    "this", "that", "what", "how", "why", "when", NULL};
  for (size_t i = 0; stop[i]; i++)
    if (strlen(stop[i]) == length && !memcmp(stop[i], word, length)) return 1;
  return 0;
}

/* Appends the first significant word of text (folded to lowercase ASCII,
** apostrophes dropped so "court's" reads as "courts"). Returns 1 if any. */
static int bibtex_key_word(ibid_csl_folder *folder, const char *text, size_t length,
                           int skip_stop_words, ibid_buffer *key) {
  if (!text || !folder) return 0;
  /* a key reads the first words only: fold the first eight (transliterating
  ** a whole long title would cost more than the rest of the entry) */
  size_t words = 0, cut = 0, limit = length < 512 ? length : 512;
  while (cut < limit && words < 8) {
    while (cut < limit && bibtex_is_space((unsigned char)text[cut])) cut++;
    while (cut < limit && !bibtex_is_space((unsigned char)text[cut])) cut++;
    words++;
  }
  if (cut < length) { /* cut before a whole character */
    while (cut && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    length = cut;
  }
  size_t folded_length = 0;
  char *folded = ibid_csl_fold(folder, text, length, &folded_length);
  if (!folded) {
    key->failed = 1;
    return 0;
  }
  int found = 0;
  size_t i = 0;
  while (i < folded_length && !found) {
    char word[64];
    size_t word_length = 0;
    while (i < folded_length) {
      char c = folded[i];
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (word_length < sizeof(word)) word[word_length++] = c;
      } else if (c != '\'' && word_length) {
        break;
      }
      i++;
    }
    if (word_length && !(skip_stop_words && bibtex_is_stop_word(word, word_length))) {
      ibid_buffer_append(key, word, word_length > 24 ? 24 : word_length);
      found = 1;
    }
  }
  ibid_free(folded);
  return found;
}

/* The first name of `variable` that has a family or literal name. */
static int bibtex_key_name(const ibid_json_document *item, long node, const char *variable,
                           ibid_csl_folder *folder, ibid_buffer *key) {
  long names = ibid_json_member(item, node, variable);
  if (names < 0 || item->nodes[names].kind != IBID_JSON_ARRAY) return 0;
  for (long name = item->nodes[names].first_child; name >= 0;
       name = item->nodes[name].next_sibling) {
    size_t length = 0;
    const char *family = ibid_json_member_text(item, name, "family", &length);
    if (family) {
      /* every word of a family name: "García Márquez" -> "garciamarquez" */
      size_t before = key->length;
      size_t at = 0;
      while (at < length) {
        size_t end = at;
        while (end < length && !bibtex_is_space((unsigned char)family[end])) end++;
        bibtex_key_word(folder, family + at, end - at, 0, key);
        at = end + 1;
      }
      if (key->length > before) return 1;
    }
    const char *literal = ibid_json_member_text(item, name, "literal", &length);
    if (bibtex_key_word(folder, literal, length, 1, key)) return 1;
  }
  return 0;
}

void ibid_bibtex_key(const ibid_json_document *item, long node, ibid_csl_folder *folder,
                     ibid_buffer *key) {
  size_t length = 0;
  const char *id = ibid_json_member_text(item, node, "id", &length);
  if (id && item->nodes[ibid_json_member(item, node, "id")].kind == IBID_JSON_STRING &&
      bibtex_usable_id(id, length)) {
    ibid_buffer_append(key, id, length);
    return;
  }
  ibid_bibtex_citekey(item, node, folder, key);
}

void ibid_bibtex_citekey(const ibid_json_document *item, long node, ibid_csl_folder *folder,
                         ibid_buffer *key) {
  size_t length = 0;
  size_t before = key->length;
  if (!bibtex_key_name(item, node, "author", folder, key))
    bibtex_key_name(item, node, "editor", folder, key);
  int parts[3];
  if (ibid_json_csl_date(item, node, "issued", parts) && parts[0] > 0)
    ibid_buffer_append_int(key, parts[0]);
  const char *title = ibid_json_member_text(item, node, "title", &length);
  bibtex_key_word(folder, title, length, 1, key);
  if (key->length == before) ibid_buffer_append_string(key, "item");
}

/* ----- unique keys ------------------------------------------------------------ */

typedef struct bibtex_key_slot {
  char *key; /* NULL: empty slot */
  size_t length;
  unsigned long next_suffix; /* for a base key: the next suffix number to try */
} bibtex_key_slot;

struct ibid_bibtex_keys {
  bibtex_key_slot *slots;
  size_t capacity, count; /* capacity: a power of two */
};

ibid_bibtex_keys *ibid_bibtex_keys_new(void) {
  ibid_bibtex_keys *keys = ibid_malloc(sizeof(*keys));
  if (!keys) return NULL;
  keys->capacity = 64;
  keys->count = 0;
  keys->slots = ibid_malloc(keys->capacity * sizeof(bibtex_key_slot));
  if (!keys->slots) {
    ibid_free(keys);
    return NULL;
  }
  memset(keys->slots, 0, keys->capacity * sizeof(bibtex_key_slot));
  return keys;
}

void ibid_bibtex_keys_free(ibid_bibtex_keys *keys) {
  if (!keys) return;
  for (size_t i = 0; i < keys->capacity; i++) ibid_free(keys->slots[i].key);
  ibid_free(keys->slots);
  ibid_free(keys);
}

static size_t bibtex_hash(const char *key, size_t length) {
  size_t hash = 1469598103934665603ULL & (size_t)-1; /* FNV-1a */
  for (size_t i = 0; i < length; i++) hash = (hash ^ (unsigned char)key[i]) * 1099511628211ULL;
  return hash;
}

static bibtex_key_slot *bibtex_find_slot(bibtex_key_slot *slots, size_t capacity, const char *key,
                                         size_t length) {
  size_t i = bibtex_hash(key, length) & (capacity - 1);
  while (slots[i].key && (slots[i].length != length || memcmp(slots[i].key, key, length)))
    i = (i + 1) & (capacity - 1);
  return &slots[i];
}

static int bibtex_keys_grow(ibid_bibtex_keys *keys) {
  size_t capacity = keys->capacity * 2;
  bibtex_key_slot *slots = ibid_malloc(capacity * sizeof(bibtex_key_slot));
  if (!slots) return 0;
  memset(slots, 0, capacity * sizeof(bibtex_key_slot));
  for (size_t i = 0; i < keys->capacity; i++)
    if (keys->slots[i].key)
      *bibtex_find_slot(slots, capacity, keys->slots[i].key, keys->slots[i].length) =
          keys->slots[i];
  ibid_free(keys->slots);
  keys->slots = slots;
  keys->capacity = capacity;
  return 1;
}

/* Inserts key (absent) and returns its slot, NULL when out of memory. */
static bibtex_key_slot *bibtex_keys_insert(ibid_bibtex_keys *keys, const char *key, size_t length) {
  if ((keys->count + 1) * 2 > keys->capacity && !bibtex_keys_grow(keys)) return NULL;
  char *copy = ibid_malloc(length + 1);
  if (!copy) return NULL;
  memcpy(copy, key, length);
  copy[length] = 0;
  bibtex_key_slot *slot = bibtex_find_slot(keys->slots, keys->capacity, key, length);
  slot->key = copy;
  slot->length = length;
  slot->next_suffix = 1;
  keys->count++;
  return slot;
}

/* Suffix number n (1-based) in bijective base 26: a..z, aa, ab, ... */
static void bibtex_append_suffix(ibid_buffer *key, unsigned long n) {
  char letters[16];
  int count = 0;
  while (n > 0 && count < 16) {
    n--;
    letters[count++] = (char)('a' + n % 26);
    n /= 26;
  }
  while (count > 0) ibid_buffer_append_char(key, letters[--count]);
}

int ibid_bibtex_keys_claim(ibid_bibtex_keys *keys, ibid_buffer *key) {
  if (key->failed) return 0;
  if (!key->length) ibid_buffer_append_string(key, "item");
  if (key->failed) return 0;
  size_t base_length = key->length;
  bibtex_key_slot *base = bibtex_find_slot(keys->slots, keys->capacity, key->data, base_length);
  if (!base->key) return bibtex_keys_insert(keys, key->data, base_length) != NULL;
  unsigned long suffix = base->next_suffix;
  for (;;) {
    key->length = base_length;
    bibtex_append_suffix(key, suffix++);
    if (key->failed) return 0;
    if (!bibtex_find_slot(keys->slots, keys->capacity, key->data, key->length)->key) break;
  }
  /* re-found: inserting may move the table */
  bibtex_find_slot(keys->slots, keys->capacity, key->data, base_length)->next_suffix = suffix;
  return bibtex_keys_insert(keys, key->data, key->length) != NULL;
}

/* ----- one entry from JSON text ---------------------------------------------------- */

ibid_json_status ibid_bibtex_entry(const char *json, size_t length, ibid_csl_folder *folder,
                                   ibid_bibtex_keys *keys, int biblatex, ibid_buffer *out,
                                   ibid_json_error *error) {
  ibid_json_document item;
  ibid_json_status status = ibid_json_parse_object(json, length, &item, error);
  if (status == IBID_JSON_OK) {
    ibid_buffer key;
    ibid_buffer_init(&key);
    ibid_bibtex_key(&item, 0, folder, &key);
    if (keys && !ibid_bibtex_keys_claim(keys, &key)) key.failed = 1;
    if (key.failed)
      status = IBID_JSON_NO_MEMORY;
    else
      ibid_bibtex_write(&item, 0, key.data, key.length, biblatex, out);
    ibid_buffer_free(&key);
    if (out->failed) status = IBID_JSON_NO_MEMORY;
  }
  ibid_json_free(&item);
  return status;
}
