/*
** tei.c -- TEI P5 documents read into an ibid_document.
**
** What is written, in order (each item a block, see document.h): the text's
** front matter, body and back matter: headings (<head>), paragraphs (<p>,
** <ab>), verse lines, list items, one block per table row (cells separated by
** " | "), figures as one block; then "Notes" and one block "[N] text" per
** note. Back matter sections holding only notes (div type="notes") are left
** out: their notes are in the Notes section.
** Inline: a <note> (place "foot", "end" or any other but "inline") becomes a
** marker where it stands -- its number (@n, else one more than the previous
** note's) in superscript digits glued to the word before, the form
** ibid_markers reads -- and its text goes to the Notes section; a <ref> or
** <ptr> whose target is a note's xml:id ("#n3") is that note's marker.
** Metadata (CSL) from <teiHeader>: titleStmt (title, author, editor), then
** sourceDesc/biblStruct or bibl (container, issued, publisher, volume, DOI).
** References: every <bibl> and <biblStruct> of a <listBibl> or of a note is
** recorded with ibid_document_reference; a <bibl> is written as printed, a
** <biblStruct> rendered "Surname, G. (Year). Title. Container, Vol(Issue),
** pages. Place: Publisher."; the CSL is built from the tags (NULL for a bibl
** without any: the corpus then parses its text). <ref target> gives the URL.
*/
#include <string.h>

#include "convert.h"
#include "xml_text.h"

/* ----- CSL from tagged bibliographic elements -------------------------------- */

/* An author or editor: persName/surname+forename, surname+forename directly,
** or the name as printed (an organization, a string). */
static void add_person(ibid_xml_csl *csl, ibid_xml_role role, const xmlNode *node) {
  const xmlNode *person = ibid_xml_child(node, "persName");
  if (!person) person = node;
  const xmlNode *surname = ibid_xml_descendant(person, "surname");
  ibid_buffer given;
  ibid_buffer_init(&given);
  /* All forenames, in order ("Beth A."). */
  for (const xmlNode *at = surname ? person->children : NULL; at;
       at = ibid_xml_next(at, person, 0)) {
    if (!ibid_xml_is(at, "forename")) continue;
    if (given.length) ibid_buffer_append_char(&given, ' ');
    ibid_xml_text(at, &given);
  }
  ibid_xml_csl_name_take(csl, role, surname, person, &given);
}

/* Titles by level: analytic (a), journal (j), monograph (m), series (s),
** unpublished or unstated (u). */
typedef struct titles {
  const xmlNode *analytic, *journal, *monograph, *series, *other;
} titles;

/* Whether a title without @level sits in <analytic> or <monogr>. */
static const char *title_level(const xmlNode *title, const xmlNode *root) {
  const char *level = ibid_xml_attribute(title, "level");
  if (level) return level;
  for (const xmlNode *at = title->parent; at && at != root; at = at->parent) {
    if (ibid_xml_is(at, "analytic")) return "a";
    if (ibid_xml_is(at, "monogr")) return "m";
    if (ibid_xml_is(at, "series")) return "s";
  }
  return "u";
}

static void add_title(titles *found, const xmlNode *title, const xmlNode *root) {
  const char *type = ibid_xml_attribute(title, "type");
  if (ibid_xml_equals(type, "short") || ibid_xml_equals(type, "abbreviated") ||
      ibid_xml_equals(type, "sub"))
    return;
  const char *level = title_level(title, root);
  const xmlNode **slot = &found->other;
  if (ibid_xml_equals(level, "a"))
    slot = &found->analytic;
  else if (ibid_xml_equals(level, "j"))
    slot = &found->journal;
  else if (ibid_xml_equals(level, "m"))
    slot = &found->monograph;
  else if (ibid_xml_equals(level, "s"))
    slot = &found->series;
  if (!*slot) *slot = title;
}

/* A biblScope: volume, issue, pages (from @from/@to, else its text). */
static void add_scope(ibid_xml_csl *csl, const xmlNode *scope) {
  const char *unit = ibid_xml_attribute(scope, "unit");
  if (!unit) unit = ibid_xml_attribute(scope, "type");
  const char *key = NULL;
  if (ibid_xml_equals(unit, "volume") || ibid_xml_equals(unit, "vol"))
    key = "volume";
  else if (ibid_xml_equals(unit, "issue") || ibid_xml_equals(unit, "no"))
    key = "issue";
  else if (ibid_xml_equals(unit, "page") || ibid_xml_equals(unit, "pp") ||
           ibid_xml_equals(unit, "pages"))
    key = "page";
  if (!key) return;
  ibid_buffer text;
  ibid_buffer_init(&text);
  const char *from = ibid_xml_attribute(scope, "from");
  const char *to = ibid_xml_attribute(scope, "to");
  if (strcmp(key, "page") == 0 && from && *from) {
    ibid_buffer_append_string(&text, from);
    if (to && *to && strcmp(to, from) != 0) {
      ibid_buffer_append_char(&text, '-');
      ibid_buffer_append_string(&text, to);
    }
  } else {
    ibid_xml_text(scope, &text);
  }
  if (strcmp(key, "page") == 0 && text.data) {
    /* "pp. 175–205" -> "175-205": CSL pages are the numbers, hyphenated. */
    ibid_buffer page;
    ibid_buffer_init(&page);
    size_t at = 0;
    while (at < text.length && !(text.data[at] >= '0' && text.data[at] <= '9') &&
           !(text.data[at] >= 'A' && text.data[at] <= 'Z' && at + 1 < text.length &&
             text.data[at + 1] >= '0' && text.data[at + 1] <= '9'))
      at++;
    for (; at < text.length; at++) {
      if (strncmp(text.data + at, "\u2013", 3) == 0 || strncmp(text.data + at, "\u2014", 3) == 0) {
        ibid_buffer_append_char(&page, '-');
        at += 2;
      } else if (text.data[at] != ' ') {
        ibid_buffer_append_char(&page, text.data[at]);
      }
    }
    if (page.data) ibid_xml_csl_set(csl, key, page.data, page.length);
    ibid_buffer_free(&page);
  } else if (text.data) {
    ibid_xml_csl_set(csl, key, text.data, text.length);
  }
  ibid_buffer_free(&text);
}

static void add_date(ibid_xml_csl *csl, const xmlNode *date) {
  const char *when = ibid_xml_attribute(date, "when");
  if (!when || !*when) when = ibid_xml_attribute(date, "notBefore");
  if (!when || !*when) when = ibid_xml_attribute(date, "from");
  ibid_buffer text;
  ibid_buffer_init(&text);
  if (when && *when) {
    ibid_buffer_append_string(&text, when);
  } else {
    ibid_xml_text(date, &text);
  }
  if (text.data) ibid_xml_csl_date(csl, text.data, text.length);
  /* A suffix printed after an ISO @when ("2005-01-01" + "2005a"). */
  if (when && *when && !ibid_xml_csl_has(csl, "year-suffix")) {
    ibid_buffer printed;
    ibid_buffer_init(&printed);
    ibid_xml_text(date, &printed);
    ibid_xml_csl csl_printed;
    ibid_xml_csl_init(&csl_printed);
    if (printed.data) ibid_xml_csl_date(&csl_printed, printed.data, printed.length);
    size_t length;
    const char *suffix = ibid_xml_csl_get(&csl_printed, "year-suffix", &length);
    if (suffix) ibid_xml_csl_set(csl, "year-suffix", suffix, length);
    ibid_xml_csl_free(&csl_printed);
    ibid_buffer_free(&printed);
  }
  ibid_buffer_free(&text);
}

static void add_identifier(ibid_xml_csl *csl, const xmlNode *idno) {
  const char *type = ibid_xml_attribute(idno, "type");
  if (ibid_xml_equals(type, "DOI"))
    ibid_xml_csl_set_node(csl, "DOI", idno);
  else if (ibid_xml_equals(type, "URL") || ibid_xml_equals(type, "URI"))
    ibid_xml_csl_set_node(csl, "URL", idno);
  else if (ibid_xml_equals(type, "ISBN"))
    ibid_xml_csl_set_node(csl, "ISBN", idno);
  else if (ibid_xml_equals(type, "ISSN"))
    ibid_xml_csl_set_node(csl, "ISSN", idno);
}

/* Reads one tagged element; returns 1 when its descendants are read too. */
static int read_bibl_field(ibid_xml_csl *csl, titles *found, const xmlNode *node,
                           const xmlNode *root) {
  if (ibid_xml_is(node, "author"))
    add_person(csl, IBID_XML_AUTHOR, node);
  else if (ibid_xml_is(node, "editor"))
    add_person(csl, IBID_XML_EDITOR, node);
  else if (ibid_xml_is(node, "title"))
    add_title(found, node, root);
  else if (ibid_xml_is(node, "date"))
    add_date(csl, node);
  else if (ibid_xml_is(node, "biblScope") || ibid_xml_is(node, "citedRange")) {
    if (ibid_xml_is(node, "biblScope")) add_scope(csl, node);
  } else if (ibid_xml_is(node, "publisher"))
    ibid_xml_csl_set_node(csl, "publisher", node);
  else if (ibid_xml_is(node, "pubPlace"))
    ibid_xml_csl_set_node(csl, "publisher-place", node);
  else if (ibid_xml_is(node, "edition"))
    ibid_xml_csl_set_node(csl, "edition", node);
  else if (ibid_xml_is(node, "idno"))
    add_identifier(csl, node);
  else if (ibid_xml_is(node, "ref") || ibid_xml_is(node, "ptr")) {
    const char *target = ibid_xml_attribute(node, "target");
    if (ibid_xml_is_url(target)) ibid_xml_csl_set(csl, "URL", target, strlen(target));
    return 0; /* a ref's text may hold tagged fields */
  } else if (ibid_xml_is(node, "note") || ibid_xml_is(node, "relatedItem")) {
    return 1;
  } else {
    return 0;
  }
  return 1;
}

/* The CSL-JSON fields of a bibl or biblStruct. */
static void bibl_csl(const xmlNode *bibl, ibid_xml_csl *csl) {
  titles found = {NULL, NULL, NULL, NULL, NULL};
  for (const xmlNode *at = bibl->children; at;) {
    int done = at->type == XML_ELEMENT_NODE && read_bibl_field(csl, &found, at, bibl);
    at = ibid_xml_next(at, bibl, done);
  }
  const char *type = NULL;
  const xmlNode *title = found.analytic;
  const xmlNode *container = NULL;
  if (found.journal) {
    type = "article-journal";
    container = found.journal;
    if (!title) title = found.other;
  } else if (found.analytic && found.monograph) {
    type = "chapter";
    container = found.monograph;
  } else if (found.monograph) {
    type = found.analytic ? "chapter" : "book";
    if (!title)
      title = found.monograph;
    else
      container = found.monograph;
  } else if (!title) {
    title = found.other;
  }
  if (!title && !container && found.series)
    title = found.series;
  else if (found.series)
    ibid_xml_csl_set_node(csl, "collection-title", found.series);
  ibid_xml_csl_set_node(csl, "title", title);
  ibid_xml_csl_set_node(csl, "container-title", container);
  if (type && ibid_xml_csl_any(csl)) ibid_xml_csl_set(csl, "type", type, strlen(type));
}

/* ----- metadata ------------------------------------------------------------ */

static void read_metadata(const xmlNode *header, ibid_document *document) {
  const xmlNode *file = ibid_xml_child(header, "fileDesc");
  const xmlNode *statement = ibid_xml_child(file, "titleStmt");
  ibid_xml_csl csl;
  ibid_xml_csl_init(&csl);
  /* The main title (and its subtitle) of the title statement. */
  const xmlNode *main = NULL, *sub = NULL;
  for (const xmlNode *child = statement ? statement->children : NULL; child; child = child->next) {
    if (!ibid_xml_is(child, "title")) continue;
    const char *type = ibid_xml_attribute(child, "type");
    if (ibid_xml_equals(type, "sub")) {
      if (!sub) sub = child;
    } else if (ibid_xml_equals(type, "main") || !main) {
      if (!main || ibid_xml_equals(type, "main")) main = main && !type ? main : child;
    }
  }
  ibid_xml_csl_set_title(&csl, main, sub);
  for (const xmlNode *child = statement ? statement->children : NULL; child; child = child->next) {
    if (ibid_xml_is(child, "author"))
      add_person(&csl, IBID_XML_AUTHOR, child);
    else if (ibid_xml_is(child, "editor"))
      add_person(&csl, IBID_XML_EDITOR, child);
  }
  /* Where the text was published: the source description's bibliography. */
  const xmlNode *source = ibid_xml_child(file, "sourceDesc");
  const xmlNode *bibl = ibid_xml_child(source, "biblStruct");
  if (!bibl) bibl = ibid_xml_child(source, "bibl");
  if (bibl) {
    ibid_xml_csl published;
    ibid_xml_csl_init(&published);
    bibl_csl(bibl, &published);
    static const char *const keys[] = {
        "type",   "container-title", "collection-title", "issued", "year-suffix", "volume", "issue",
        "page",   "publisher",       "publisher-place",  "DOI",    "URL",         "ISBN",   "ISSN",
        "edition"};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
      size_t length;
      const char *value = ibid_xml_csl_get(&published, keys[i], &length);
      if (value) ibid_xml_csl_set(&csl, keys[i], value, length);
    }
    if (!ibid_xml_csl_has(&csl, "title")) {
      size_t length;
      const char *value = ibid_xml_csl_get(&published, "title", &length);
      if (value) ibid_xml_csl_set(&csl, "title", value, length);
    }
    /* The publication's authors when the title statement names none. */
    if (!ibid_xml_csl_names(&csl, IBID_XML_AUTHOR) && published.text.data)
      for (size_t i = 0; i < published.name_count; i++) {
        const ibid_xml_csl_name *name = &published.names[i];
        if (name->role != IBID_XML_AUTHOR) continue;
        const char *text = published.text.data;
        ibid_xml_csl_name_add(
            &csl, IBID_XML_AUTHOR, text + name->family_start, name->family_end - name->family_start,
            name->literal ? NULL : text + name->given_start, name->given_end - name->given_start);
      }
    if (published.failed) csl.failed = 1;
    ibid_xml_csl_free(&published);
  }
  const xmlNode *profile = ibid_xml_child(header, "profileDesc");
  const xmlNode *abstract = ibid_xml_descendant(profile, "abstract");
  ibid_xml_csl_set_node(&csl, "abstract", abstract);
  ibid_xml_csl_meta_take(&csl, document);
}

/* ----- the text ---------------------------------------------------------------- */

static const char *const block_elements[] = {"text",      "front",      "body",
                                             "back",      "group",      "div",
                                             "div1",      "div2",       "div3",
                                             "div4",      "div5",       "div6",
                                             "div7",      "head",       "p",
                                             "ab",        "lg",         "l",
                                             "list",      "table",      "sp",
                                             "speaker",   "stage",      "docTitle",
                                             "titlePart", "titlePage",  "byline",
                                             "docAuthor", "docDate",    "docImprint",
                                             "argument",  "epigraph",   "opener",
                                             "closer",    "salute",     "signed",
                                             "trailer",   "castList",   "floatingText",
                                             "dateline",  "postscript", "listBibl",
                                             "label",     NULL};

static const char *const skipped_elements[] = {
    "teiHeader", "fw",       "pb",        "cb",     "milestone", "facsimile",    "graphic",
    "gap",       "standOff", "sourceDoc", "anchor", "media",     "binaryObject", NULL};

/* A note's own place: "inline" notes are part of the text, not notes. */
static int is_counted_note(const xmlNode *node) {
  return ibid_xml_is(node, "note") && !ibid_xml_equals(ibid_xml_attribute(node, "place"), "inline");
}

/* A division that only holds notes (div type="notes"): its notes are written
** in the Notes section, so the division is left out. */
static int is_notes_division(const xmlNode *node) {
  const char *type = ibid_xml_attribute(node, "type");
  return (ibid_xml_equals(type, "notes") || ibid_xml_equals(type, "endnotes") ||
          ibid_xml_equals(type, "footnotes")) &&
         ibid_xml_descendant(node, "note") != NULL;
}

static void write_bibl(ibid_xml_walker *walker, const xmlNode *bibl) {
  ibid_xml_csl csl;
  ibid_xml_csl_init(&csl);
  bibl_csl(bibl, &csl);
  const char *id = ibid_xml_attribute(bibl, "id");
  if (!id || !*id) id = ibid_xml_attribute(bibl, "n");
  int rendered = ibid_xml_is(bibl, "biblStruct") && ibid_xml_csl_tagged(&csl);
  const xmlNode *content = bibl;
  /* The reference as printed, when the encoder kept it (GROBID's
  ** <note type="raw_reference">): written instead of a rendering. */
  for (const xmlNode *child = bibl->children; child; child = child->next)
    if (ibid_xml_is(child, "note") &&
        ibid_xml_equals(ibid_xml_attribute(child, "type"), "raw_reference")) {
      content = child;
      rendered = 0;
      break;
    }
  ibid_xml_write_reference(walker, content, &csl, rendered, id && *id ? id : NULL);
  if (csl.failed) walker->failed = 1;
  ibid_xml_csl_free(&csl);
}

/* A bibliography: "References" unless a heading is printed for it. */
static void write_bibliography(ibid_xml_walker *walker, const xmlNode *list) {
  const xmlNode *parent = list->parent;
  int headed = ibid_xml_child(list, "head") != NULL;
  if (!headed && parent && ibid_xml_child(parent, "head")) {
    /* The division's heading names it when nothing but headings come before. */
    headed = 1;
    for (const xmlNode *sibling = list->prev; sibling; sibling = sibling->prev)
      if (sibling->type == XML_ELEMENT_NODE && !ibid_xml_is(sibling, "head")) headed = 0;
  }
  if (!headed && !walker->flat) ibid_xml_write_heading(walker, "References");
  for (const xmlNode *child = list->children; child; child = child->next) {
    if (ibid_xml_is(child, "bibl") || ibid_xml_is(child, "biblStruct"))
      write_bibl(walker, child);
    else
      ibid_xml_write_node(walker, child);
  }
}

/* 1 when the figure's head already ends with its label ("Table 1" and "1"). */
static int label_in_head(const xmlNode *figure, const xmlNode *label) {
  ibid_buffer head, text;
  ibid_buffer_init(&head);
  ibid_buffer_init(&text);
  ibid_xml_text(ibid_xml_child(figure, "head"), &head);
  ibid_xml_text(label, &text);
  int repeated = text.length > 0 && head.length >= text.length &&
                 memcmp(head.data + head.length - text.length, text.data, text.length) == 0;
  ibid_buffer_free(&head);
  ibid_buffer_free(&text);
  return repeated;
}

/* A figure: its caption (head, label, figDesc, paragraphs) as one block, then
** a table's rows as blocks. */
static void write_figure(ibid_xml_walker *walker, const xmlNode *figure) {
  ibid_document *document = walker->document;
  if (!walker->flat) ibid_document_end_block(document);
  walker->flat++;
  for (const xmlNode *child = figure->children; child; child = child->next) {
    if (ibid_xml_is(child, "table") || ibid_xml_is(child, "figure")) continue;
    if (ibid_xml_is(child, "label") && label_in_head(figure, child)) continue;
    ibid_xml_write_node(walker, child);
    ibid_document_space(document);
  }
  walker->flat--;
  if (!walker->flat) ibid_document_end_block(document);
  for (const xmlNode *child = figure->children; child; child = child->next)
    if (ibid_xml_is(child, "table") || ibid_xml_is(child, "figure"))
      ibid_xml_write_node(walker, child);
}

/* <choice>: the corrected, regularized or abbreviated form as printed. */
static void write_choice(ibid_xml_walker *walker, const xmlNode *choice) {
  static const char *const preferred[] = {"corr", "reg", "abbr", "seg"};
  for (size_t i = 0; i < sizeof(preferred) / sizeof(preferred[0]); i++) {
    const xmlNode *child = ibid_xml_child(choice, preferred[i]);
    if (child) {
      ibid_xml_write_children(walker, child);
      return;
    }
  }
  for (const xmlNode *child = choice->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE) {
      ibid_xml_write_children(walker, child);
      return;
    }
}

/* A quotation is a block of its own only when it stands between blocks. */
static int stands_alone(const xmlNode *node) {
  const xmlNode *parent = node->parent;
  static const char *const containers[] = {"body", "div",  "div1", "div2",  "div3", "div4",
                                           "div5", "div6", "div7", "front", "back", NULL};
  return ibid_xml_is_one_of(parent, containers);
}

static ibid_xml_kind classify(ibid_xml_walker *walker, const xmlNode *node) {
  if (ibid_xml_is(node, "note")) {
    ibid_xml_note *note = is_counted_note(node) ? ibid_xml_note_of(walker, node) : NULL;
    if (!note) return IBID_XML_INLINE;
    /* A note standing between paragraphs (a page-foot note as GROBID writes
    ** it) has its marker elsewhere, or none: only a note inside the text
    ** marks its own place. */
    if (!note->referenced && !stands_alone(node))
      ibid_document_marker(walker->document, note->number);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "ref") || ibid_xml_is(node, "ptr")) {
    const char *target = ibid_xml_attribute(node, "target");
    ibid_xml_note *note = target && *target == '#' ? ibid_xml_find_note(walker, target) : NULL;
    if (note) {
      ibid_document_marker(walker->document, note->number);
      return IBID_XML_HANDLED;
    }
    if (ibid_xml_is(node, "ptr")) return IBID_XML_SKIP;
    ibid_xml_write_link(walker, node, target);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "bibl") || ibid_xml_is(node, "biblStruct")) {
    /* References of a note or standing between blocks (a bibliography
    ** without listBibl); inside a paragraph, plain text. */
    if (walker->in_reference || (!walker->note_number && !stands_alone(node)))
      return IBID_XML_INLINE;
    write_bibl(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "listBibl")) {
    write_bibliography(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "row")) {
    static const char *const cells[] = {"cell", NULL};
    ibid_xml_write_row(walker, node, cells);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "figure")) {
    write_figure(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "item")) {
    ibid_xml_write_joined(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "choice")) {
    write_choice(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "lb")) {
    /* break="no": the word goes on across the line end. */
    return ibid_xml_equals(ibid_xml_attribute(node, "break"), "no") ? IBID_XML_SKIP
                                                                    : IBID_XML_SPACE;
  }
  if (ibid_xml_is(node, "div") && is_notes_division(node)) return IBID_XML_SKIP;
  if (ibid_xml_is(node, "quote") || ibid_xml_is(node, "q") || ibid_xml_is(node, "cit"))
    return stands_alone(node) ? IBID_XML_BLOCK : IBID_XML_INLINE;
  if (ibid_xml_is(node, "label") && node->parent && ibid_xml_is(node->parent, "list"))
    return IBID_XML_BLOCK;
  if (ibid_xml_is(node, "label")) return IBID_XML_INLINE;
  return ibid_xml_kind_by_name(node, skipped_elements, block_elements);
}

/* Every note of the text in document order, then which of them a pointer
** (<ref target="#n1">) marks. */
static void collect_notes(ibid_xml_walker *walker, const xmlNode *root) {
  for (const xmlNode *at = root->children; at;) {
    /* Notes inside a bibliographic entry annotate it (GROBID keeps the
    ** printed reference in one): they are part of the entry, not notes. */
    int skip =
        ibid_xml_is(at, "teiHeader") || ibid_xml_is(at, "biblStruct") || ibid_xml_is(at, "bibl");
    if (!skip && is_counted_note(at))
      ibid_xml_add_note(walker, at, ibid_xml_attribute(at, "id"), ibid_xml_attribute(at, "n"));
    at = ibid_xml_next(at, root, skip);
  }
  ibid_xml_index_notes(walker);
  for (const xmlNode *at = root->children; at;) {
    int skip = ibid_xml_is(at, "teiHeader");
    if (!skip && (ibid_xml_is(at, "ref") || ibid_xml_is(at, "ptr"))) {
      const char *target = ibid_xml_attribute(at, "target");
      ibid_xml_note *note = target && *target == '#' ? ibid_xml_find_note(walker, target) : NULL;
      if (note) note->referenced = 1;
    }
    at = ibid_xml_next(at, root, skip);
  }
}

/* The header's metadata, then the text (or texts) with the notes. */
static void write_tei(ibid_xml_walker *walker, const xmlNode *root) {
  collect_notes(walker, root);
  /* A teiCorpus holds a header of its own and TEI documents: the first
  ** header found describes the document. */
  const xmlNode *header = ibid_xml_descendant(root, "teiHeader");
  if (header) read_metadata(header, walker->document);
  /* The text (or texts) in document order, skipping headers; the notes go
  ** after the body, before the back matter (appendices, bibliography). */
  int notes_written = 0;
  for (const xmlNode *at = ibid_xml_is(root, "text") ? root : root->children; at;) {
    int skip = ibid_xml_is(at, "teiHeader");
    if (ibid_xml_is(at, "text")) {
      for (const xmlNode *child = at->children; child; child = child->next) {
        if (ibid_xml_is(child, "back") && !notes_written) {
          ibid_xml_write_notes(walker);
          notes_written = 1;
        }
        ibid_xml_write_node(walker, child);
      }
      ibid_document_end_block(walker->document);
      skip = 1;
    }
    at = at == root ? NULL : ibid_xml_next(at, root, skip);
  }
  if (!notes_written) ibid_xml_write_notes(walker);
}

int ibid_tei_convert(const char *bytes, size_t length, ibid_document *document) {
  return ibid_xml_convert(bytes, length, document, IBID_FORMAT_TEI, classify, write_tei);
}
