/*
** jats.c -- JATS / NLM journal articles read into an ibid_document.
**
** What is written, in order (each item a block, see document.h):
**   the article title; the abstract (under its own title, else "Abstract");
**   the body: section titles, paragraphs, list items, one block per table
**   row (cells separated by " | "), figure and table captions ("Figure 1.
**   caption"); the back matter other than notes and references
**   (acknowledgements, appendices); "Notes" and one block "[N] text" per
**   footnote (<fn> of the body and back, numbered by its label, else in
**   order); the reference list under its title (else "References"), one block
**   per <ref>.
** Inline: an <xref ref-type="fn"> (or an <fn> inside a paragraph) becomes the
** note's number in superscript digits glued to the word before, the form
** ibid_markers reads; an <xref ref-type="bibr"> keeps its text as printed, so
** "(Smith 2010)" stays an author-year citation for ibid_cites.
** Metadata (CSL) from <front>: title, author, issued, container-title,
** volume, issue, page, DOI, ISSN, publisher, abstract, keyword.
** References: a mixed-citation is written as printed; an element-citation is
** rendered "Surname, G. (Year). Title. Source, Vol(Issue), pages. doi:…".
** Each is recorded with ibid_document_reference; its CSL is built from the
** tags (NULL for a mixed-citation without any tagged field, which the corpus
** then parses from its text).
*/
#include <string.h>

#include "convert.h"
#include "xml_text.h"

/* ----- metadata and references: CSL from tags ------------------------------- */

/* A <name> (surname, given-names), a <string-name> (the same, or the name as
** printed) or a <collab> (an organization) as a CSL name. */
static void add_name(ibid_xml_csl *csl, ibid_xml_role role, const xmlNode *node) {
  if (ibid_xml_is(node, "etal")) return;
  const xmlNode *surname = ibid_xml_child(node, "surname");
  ibid_buffer given;
  ibid_buffer_init(&given);
  if (surname) {
    ibid_xml_text(ibid_xml_child(node, "given-names"), &given);
    if (given.length == 0) ibid_xml_text(ibid_xml_child(node, "given-name"), &given);
  }
  ibid_xml_csl_name_take(csl, role, surname, node, &given);
}

static int is_name(const xmlNode *node) {
  return ibid_xml_is(node, "name") || ibid_xml_is(node, "string-name") ||
         ibid_xml_is(node, "collab") || ibid_xml_is(node, "etal");
}

static ibid_xml_role group_role(const xmlNode *group) {
  const char *type = ibid_xml_attribute(group, "person-group-type");
  return ibid_xml_equals(type, "editor") ? IBID_XML_EDITOR : IBID_XML_AUTHOR;
}

/* CSL types of the JATS publication types (spellings seen in the wild). */
static const struct {
  const char *jats, *csl;
} publication_types[] = {{"journal", "article-journal"},
                         {"book", "book"},
                         {"chapter", "chapter"},
                         {"book-chapter", "chapter"},
                         {"bookchapter", "chapter"},
                         {"report", "report"},
                         {"web", "webpage"},
                         {"webpage", "webpage"},
                         {"thesis", "thesis"},
                         {"confproc", "paper-conference"},
                         {"conf-proc", "paper-conference"},
                         {"conference", "paper-conference"},
                         {"newspaper", "article-newspaper"},
                         {"magazine", "article-magazine"},
                         {"patent", "patent"},
                         {"data", "dataset"},
                         {"dataset", "dataset"},
                         {"software", "software"},
                         {"preprint", "article"},
                         {"legal-doc", "legislation"}};

/* CSL type from @publication-type (JATS) or @citation-type (NLM); "document"
** for other stated types, NULL when none is stated. */
static const char *csl_type(const xmlNode *citation) {
  const char *type = ibid_xml_attribute(citation, "publication-type");
  if (!type) type = ibid_xml_attribute(citation, "citation-type");
  if (!type) return NULL;
  for (size_t i = 0; i < sizeof(publication_types) / sizeof(publication_types[0]); i++)
    if (ibid_xml_equals(type, publication_types[i].jats)) return publication_types[i].csl;
  return "document";
}

/* A link's target: xlink:href, else its text. */
static void link_target(const xmlNode *node, ibid_buffer *out) {
  const char *href = ibid_xml_attribute(node, "href");
  if (href && *href)
    ibid_buffer_append_string(out, href);
  else
    ibid_xml_text(node, out);
}

typedef struct citation_fields {
  const xmlNode *source, *fpage, *lpage, *page_range;
} citation_fields;

/* Reads one tagged element of a citation into csl; returns 1 when its
** descendants are already read. */
static int read_citation_field(ibid_xml_csl *csl, citation_fields *fields, const xmlNode *node) {
  if (ibid_xml_is(node, "person-group")) {
    ibid_xml_role role = group_role(node);
    for (const xmlNode *child = node->children; child; child = child->next)
      if (is_name(child)) add_name(csl, role, child);
    return 1;
  }
  if (is_name(node)) {
    add_name(csl, IBID_XML_AUTHOR, node);
    return 1;
  }
  if (ibid_xml_is(node, "article-title") || ibid_xml_is(node, "chapter-title") ||
      ibid_xml_is(node, "part-title"))
    ibid_xml_csl_set_node(csl, "title", node);
  else if (ibid_xml_is(node, "source"))
    fields->source = fields->source ? fields->source : node;
  else if (ibid_xml_is(node, "year")) {
    ibid_buffer year;
    ibid_buffer_init(&year);
    ibid_xml_text(node, &year);
    if (year.data) ibid_xml_csl_date(csl, year.data, year.length);
    ibid_buffer_free(&year);
  } else if (ibid_xml_is(node, "volume"))
    ibid_xml_csl_set_node(csl, "volume", node);
  else if (ibid_xml_is(node, "issue"))
    ibid_xml_csl_set_node(csl, "issue", node);
  else if (ibid_xml_is(node, "fpage"))
    fields->fpage = node;
  else if (ibid_xml_is(node, "lpage"))
    fields->lpage = node;
  else if (ibid_xml_is(node, "page-range"))
    fields->page_range = node;
  else if (ibid_xml_is(node, "publisher-name"))
    ibid_xml_csl_set_node(csl, "publisher", node);
  else if (ibid_xml_is(node, "publisher-loc"))
    ibid_xml_csl_set_node(csl, "publisher-place", node);
  else if (ibid_xml_is(node, "edition"))
    ibid_xml_csl_set_node(csl, "edition", node);
  else if (ibid_xml_is(node, "pub-id")) {
    const char *type = ibid_xml_attribute(node, "pub-id-type");
    if (ibid_xml_equals(type, "doi"))
      ibid_xml_csl_set_node(csl, "DOI", node);
    else if (ibid_xml_equals(type, "pmid"))
      ibid_xml_csl_set_node(csl, "PMID", node);
  } else if (ibid_xml_is(node, "ext-link") || ibid_xml_is(node, "uri")) {
    ibid_buffer target;
    ibid_buffer_init(&target);
    link_target(node, &target);
    const char *type = ibid_xml_attribute(node, "ext-link-type");
    if (target.data)
      ibid_xml_csl_set(csl, ibid_xml_equals(type, "doi") ? "DOI" : "URL", target.data,
                       target.length);
    ibid_buffer_free(&target);
    return 1;
  } else if (ibid_xml_is(node, "date-in-citation") || ibid_xml_is(node, "comment"))
    return 1;
  return 0;
}

/* The CSL-JSON fields a JATS citation tags. */
static void citation_csl(const xmlNode *citation, ibid_xml_csl *csl) {
  citation_fields fields = {NULL, NULL, NULL, NULL};
  const char *type = csl_type(citation);
  for (const xmlNode *at = citation->children; at;) {
    int done = at->type == XML_ELEMENT_NODE && read_citation_field(csl, &fields, at);
    at = ibid_xml_next(at, citation, done);
  }
  if (!ibid_xml_csl_any(csl) && !fields.source && !fields.fpage) return;
  /* A book's source is its title; an article's or chapter's, its container. */
  if (fields.source) {
    int own_title =
        !ibid_xml_csl_has(csl, "title") && type &&
        (strcmp(type, "book") == 0 || strcmp(type, "report") == 0 || strcmp(type, "thesis") == 0 ||
         strcmp(type, "webpage") == 0 || strcmp(type, "document") == 0);
    if (!type && !ibid_xml_csl_has(csl, "title")) own_title = 1;
    ibid_xml_csl_set_node(csl, own_title ? "title" : "container-title", fields.source);
  }
  if (fields.page_range)
    ibid_xml_csl_set_node(csl, "page", fields.page_range);
  else if (fields.fpage) {
    ibid_buffer page;
    ibid_buffer_init(&page);
    ibid_xml_text(fields.fpage, &page);
    if (fields.lpage) {
      ibid_buffer_append_char(&page, '-');
      ibid_xml_text(fields.lpage, &page);
    }
    if (page.data) ibid_xml_csl_set(csl, "page", page.data, page.length);
    ibid_buffer_free(&page);
  }
  if (type) ibid_xml_csl_set(csl, "type", type, strlen(type));
}

/* ----- the article's metadata ----------------------------------------------- */

/* The publication date: the first <pub-date> of a publication type, else the first. */
static const xmlNode *publication_date(const xmlNode *article_meta) {
  const xmlNode *first = NULL;
  for (const xmlNode *child = article_meta->children; child; child = child->next) {
    if (!ibid_xml_is(child, "pub-date")) continue;
    if (!first) first = child;
    const char *type = ibid_xml_attribute(child, "pub-type");
    if (!type) type = ibid_xml_attribute(child, "date-type");
    if (ibid_xml_equals(type, "epub") || ibid_xml_equals(type, "ppub") ||
        ibid_xml_equals(type, "pub") || ibid_xml_equals(type, "collection"))
      return child;
  }
  return first;
}

static void read_date(const xmlNode *date, ibid_xml_csl *csl) {
  if (!date) return;
  ibid_buffer text;
  ibid_buffer_init(&text);
  const char *iso = ibid_xml_attribute(date, "iso-8601-date");
  if (iso && *iso) {
    ibid_buffer_append_string(&text, iso);
  } else {
    ibid_xml_text(ibid_xml_child(date, "year"), &text);
    const xmlNode *parts[2] = {ibid_xml_child(date, "month"), ibid_xml_child(date, "day")};
    for (int i = 0; i < 2 && parts[i] && text.length; i++) {
      ibid_buffer part;
      ibid_buffer_init(&part);
      ibid_xml_text(parts[i], &part);
      if (part.length == 0 || part.length > 2) {
        ibid_buffer_free(&part);
        break;
      }
      ibid_buffer_append_char(&text, '-');
      if (part.length == 1) ibid_buffer_append_char(&text, '0');
      ibid_buffer_append(&text, part.data, part.length);
      ibid_buffer_free(&part);
    }
  }
  if (text.data) ibid_xml_csl_date(csl, text.data, text.length);
  ibid_buffer_free(&text);
}

/* Text of an element's children except titles, joined by blanks (an
** abstract's paragraphs). */
static void text_without_titles(const xmlNode *node, ibid_buffer *out) {
  for (const xmlNode *child = node->children; child; child = child->next) {
    if (ibid_xml_is(child, "title") || ibid_xml_is(child, "label")) continue;
    size_t before = out->length;
    if (before) ibid_buffer_append_char(out, ' ');
    size_t after_blank = out->length;
    if (child->type == XML_ELEMENT_NODE && ibid_xml_is(child, "sec"))
      text_without_titles(child, out);
    else
      ibid_xml_text(child, out);
    if (out->length == after_blank) out->length = before; /* nothing: no blank */
  }
  if (out->data && !out->failed) out->data[out->length] = 0;
}

/* "keywords": an array, as ibid_meta gives it (CSL's "keyword" is one string). */
static void write_keywords(const xmlNode *group, ibid_document *document) {
  ibid_buffer json, word;
  ibid_buffer_init(&json);
  ibid_buffer_init(&word);
  int count = 0;
  ibid_buffer_append_char(&json, '[');
  for (const xmlNode *child = group ? group->children : NULL; child; child = child->next) {
    if (!ibid_xml_is(child, "kwd")) continue;
    word.length = 0;
    ibid_xml_text(child, &word);
    if (!word.length) continue;
    if (count++) ibid_buffer_append_char(&json, ',');
    ibid_json_string(&json, word.data, word.length);
  }
  ibid_buffer_append_char(&json, ']');
  if (count && !json.failed && !word.failed)
    ibid_document_meta(document, "keywords", json.data, json.length);
  if (json.failed || word.failed) document->meta.failed = 1;
  ibid_buffer_free(&json);
  ibid_buffer_free(&word);
}

static void read_metadata(const xmlNode *front, ibid_document *document) {
  const xmlNode *article_meta = ibid_xml_descendant(front, "article-meta");
  const xmlNode *journal_meta = ibid_xml_descendant(front, "journal-meta");
  ibid_xml_csl csl;
  ibid_xml_csl_init(&csl);
  ibid_xml_csl_set(&csl, "type", "article-journal", 15);
  if (article_meta) {
    const xmlNode *group = ibid_xml_child(article_meta, "title-group");
    ibid_xml_csl_set_title(&csl, ibid_xml_child(group, "article-title"),
                           ibid_xml_child(group, "subtitle"));
    for (const xmlNode *at = article_meta->children; at;) {
      int done = 0;
      if (ibid_xml_is(at, "contrib")) {
        const char *type = ibid_xml_attribute(at, "contrib-type");
        ibid_xml_role role = ibid_xml_equals(type, "editor") ? IBID_XML_EDITOR : IBID_XML_AUTHOR;
        if (!type || ibid_xml_equals(type, "author") || ibid_xml_equals(type, "editor"))
          for (const xmlNode *child = at->children; child; child = child->next)
            if (is_name(child)) add_name(&csl, role, child);
        done = 1;
      } else if (ibid_xml_is(at, "aff") || ibid_xml_is(at, "author-notes") ||
                 ibid_xml_is(at, "title-group") || ibid_xml_is(at, "abstract")) {
        done = 1;
      }
      at = ibid_xml_next(at, article_meta, done);
    }
    read_date(publication_date(article_meta), &csl);
  }
  ibid_xml_csl_set_node(&csl, "container-title",
                        ibid_xml_descendant(journal_meta, "journal-title"));
  if (article_meta) {
    ibid_xml_csl_set_node(&csl, "volume", ibid_xml_child(article_meta, "volume"));
    ibid_xml_csl_set_node(&csl, "issue", ibid_xml_child(article_meta, "issue"));
    const xmlNode *fpage = ibid_xml_child(article_meta, "fpage");
    const xmlNode *lpage = ibid_xml_child(article_meta, "lpage");
    ibid_buffer page;
    ibid_buffer_init(&page);
    ibid_xml_text(fpage, &page);
    if (page.length && lpage) {
      ibid_buffer_append_char(&page, '-');
      ibid_xml_text(lpage, &page);
    }
    if (!page.length) ibid_xml_text(ibid_xml_child(article_meta, "elocation-id"), &page);
    if (page.data) ibid_xml_csl_set(&csl, "page", page.data, page.length);
    ibid_buffer_free(&page);
    for (const xmlNode *child = article_meta->children; child; child = child->next)
      if (ibid_xml_is(child, "article-id") &&
          ibid_xml_equals(ibid_xml_attribute(child, "pub-id-type"), "doi"))
        ibid_xml_csl_set_node(&csl, "DOI", child);
    const xmlNode *abstract = ibid_xml_child(article_meta, "abstract");
    if (abstract) {
      ibid_buffer text;
      ibid_buffer_init(&text);
      text_without_titles(abstract, &text);
      if (text.data) ibid_xml_csl_set(&csl, "abstract", text.data, text.length);
      ibid_buffer_free(&text);
    }
  }
  ibid_xml_csl_set_node(&csl, "ISSN", ibid_xml_descendant(journal_meta, "issn"));
  ibid_xml_csl_set_node(&csl, "publisher", ibid_xml_descendant(journal_meta, "publisher-name"));
  ibid_xml_csl_meta_take(&csl, document);
  if (article_meta) write_keywords(ibid_xml_child(article_meta, "kwd-group"), document);
}

/* ----- the body ----------------------------------------------------------------- */

static void write_reference(ibid_xml_walker *walker, const xmlNode *ref);
static void write_reference_list(ibid_xml_walker *walker, const xmlNode *list);

static int is_citation(const xmlNode *node) {
  return ibid_xml_is(node, "mixed-citation") || ibid_xml_is(node, "element-citation") ||
         ibid_xml_is(node, "citation") || ibid_xml_is(node, "nlm-citation");
}

/* A figure, table or box: "Label. Caption" as one block, then a table's rows. */
static void write_float(ibid_xml_walker *walker, const xmlNode *node) {
  ibid_document *document = walker->document;
  if (!walker->flat) ibid_document_end_block(document);
  const xmlNode *label = ibid_xml_child(node, "label");
  const xmlNode *caption = ibid_xml_child(node, "caption");
  if (label) {
    ibid_buffer text;
    ibid_buffer_init(&text);
    ibid_xml_text(label, &text);
    if (text.length) {
      char last = text.data[text.length - 1];
      ibid_document_text(document, text.data, text.length);
      if (caption && last != '.' && last != ':') ibid_document_glued(document, ".", 1);
      ibid_document_space(document);
    }
    ibid_buffer_free(&text);
  }
  if (caption) {
    walker->flat++;
    ibid_xml_write_children(walker, caption);
    walker->flat--;
  }
  if (!walker->flat) ibid_document_end_block(document);
  for (const xmlNode *child = node->children; child; child = child->next) {
    if (child == label || child == caption || ibid_xml_is(child, "graphic") ||
        ibid_xml_is(child, "media") || ibid_xml_is(child, "alt-text") ||
        ibid_xml_is(child, "permissions"))
      continue;
    ibid_xml_write_node(walker, child);
  }
}

/* The note of the next id in an IDREFS list ("fn1 fn2") from *rid on; *rid
** moves past it. NULL at the end of the list, or for an id of no note. */
static ibid_xml_note *next_note(ibid_xml_walker *walker, const char **rid, int *more) {
  const char *at = *rid;
  while (*at == ' ' || *at == '\t' || *at == '\n') at++;
  char id[128];
  size_t n = 0;
  while (at[n] && at[n] != ' ' && at[n] != '\t' && at[n] != '\n' && n + 1 < sizeof(id)) {
    id[n] = at[n];
    n++;
  }
  id[n] = 0;
  at += n;
  while (*at && *at != ' ' && *at != '\t' && *at != '\n') at++; /* an overlong id */
  *rid = at;
  *more = n > 0;
  return n ? ibid_xml_find_note(walker, id) : NULL;
}

/* Footnote markers: the notes an <xref ref-type="fn"> points to ("¹,²"). */
static void write_note_pointer(ibid_xml_walker *walker, const xmlNode *xref) {
  const char *rid = ibid_xml_attribute(xref, "rid");
  int written = 0, more = rid != NULL;
  while (more) {
    ibid_xml_note *note = next_note(walker, &rid, &more);
    if (!note) continue;
    if (written++) ibid_document_glued(walker->document, ",", 1);
    ibid_document_marker(walker->document, note->number);
  }
  if (!written) ibid_xml_write_children(walker, xref); /* unknown targets: the text as printed */
}

static const char *const block_elements[] = {"p",
                                             "sec",
                                             "title",
                                             "list",
                                             "def-list",
                                             "def-item",
                                             "term",
                                             "def",
                                             "disp-quote",
                                             "caption",
                                             "table",
                                             "thead",
                                             "tbody",
                                             "tfoot",
                                             "verse-group",
                                             "verse-line",
                                             "statement",
                                             "speech",
                                             "ack",
                                             "app",
                                             "app-group",
                                             "glossary",
                                             "attrib",
                                             "preformat",
                                             "disp-formula",
                                             "code",
                                             "address",
                                             "abstract",
                                             "trans-abstract",
                                             "body",
                                             "back",
                                             "notes",
                                             "sig-block",
                                             "table-wrap-foot",
                                             "fig-group",
                                             "table-wrap-group",
                                             "chem-struct-wrap",
                                             "array",
                                             "question",
                                             "answer",
                                             "explanation",
                                             "bio",
                                             "floats-group",
                                             "fn",
                                             "list-item",
                                             "subtitle",
                                             "kwd-group",
                                             NULL};

static const char *const skipped_elements[] = {
    "graphic",         "inline-graphic",    "media",     "object-id",
    "permissions",     "alt-text",          "long-desc", "tex-math",
    "processing-meta", "custom-meta-group", "counts",    "front",
    "front-stub",      "sub-article",       "response",  NULL};

static const xmlNode *next_element(const xmlNode *node) {
  for (node = node->next; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE) return node;
  return NULL;
}

static const xmlNode *previous_element(const xmlNode *node) {
  for (node = node->prev; node; node = node->prev)
    if (node->type == XML_ELEMENT_NODE) return node;
  return NULL;
}

static ibid_xml_kind classify(ibid_xml_walker *walker, const xmlNode *node) {
  if (ibid_xml_is(node, "xref")) {
    if (!ibid_xml_equals(ibid_xml_attribute(node, "ref-type"), "fn")) return IBID_XML_INLINE;
    write_note_pointer(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "fn-group")) {
    /* Its footnotes are written in the Notes section; only statements stay. */
    for (const xmlNode *child = node->children; child; child = child->next)
      if (ibid_xml_is(child, "fn") && !ibid_xml_note_of(walker, child))
        ibid_xml_write_node(walker, child);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "fn")) {
    ibid_xml_note *note = ibid_xml_note_of(walker, node);
    if (!note) return IBID_XML_BLOCK; /* a table's footnote: written where it is */
    /* A footnote inside a paragraph stands where its marker is printed. */
    if (!note->referenced) ibid_document_marker(walker->document, note->number);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "label")) {
    const xmlNode *parent = node->parent;
    if (ibid_xml_is(parent, "fn") || ibid_xml_is(parent, "ref")) return IBID_XML_SKIP;
    const xmlNode *title = next_element(node);
    if (!ibid_xml_is(title, "title")) return IBID_XML_INLINE;
    /* A numbered heading, "2.1 Methods": label and title are one block. */
    if (!walker->flat) ibid_document_end_block(walker->document);
    ibid_xml_write_children(walker, node);
    ibid_document_space(walker->document);
    ibid_xml_write_children(walker, title);
    if (!walker->flat) ibid_document_end_block(walker->document);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "title") && ibid_xml_is(previous_element(node), "label"))
    return IBID_XML_SKIP; /* written with its label */
  if (ibid_xml_is(node, "fig") || ibid_xml_is(node, "table-wrap") ||
      ibid_xml_is(node, "boxed-text")) {
    write_float(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "tr")) {
    static const char *const cells[] = {"td", "th", NULL};
    ibid_xml_write_row(walker, node, cells);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "list-item")) {
    /* One block per item, its paragraphs joined. */
    ibid_xml_write_joined(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "ext-link") || ibid_xml_is(node, "uri")) {
    const char *href = ibid_xml_attribute(node, "href");
    ibid_xml_write_link(walker, node, href);
    return IBID_XML_HANDLED;
  }
  if (is_citation(node) || ibid_xml_is(node, "ref")) {
    write_reference(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "ref-list")) {
    write_reference_list(walker, node);
    return IBID_XML_HANDLED;
  }
  if (ibid_xml_is(node, "break")) return IBID_XML_SPACE;
  return ibid_xml_kind_by_name(node, skipped_elements, block_elements);
}

/* A <ref> (or a citation inside a note): its text as one block (inline in a
** note), recorded as a reference with the CSL its tags give. */
static void write_reference(ibid_xml_walker *walker, const xmlNode *ref) {
  const xmlNode *citation = ref;
  if (ibid_xml_is(ref, "ref")) {
    /* <citation-alternatives>: the printed (mixed) form when there is one. */
    const xmlNode *holder = ibid_xml_child(ref, "citation-alternatives");
    if (!holder) holder = ref;
    const xmlNode *mixed = ibid_xml_child(holder, "mixed-citation");
    citation = mixed;
    for (const xmlNode *child = holder->children; child && !citation; child = child->next)
      if (is_citation(child)) citation = child;
    if (!citation) citation = ref;
  }
  ibid_xml_csl csl;
  ibid_xml_csl_init(&csl);
  citation_csl(citation, &csl);
  const xmlNode *alternatives = ibid_xml_child(ref, "citation-alternatives");
  const xmlNode *element = ibid_xml_child(alternatives, "element-citation");
  if (!ibid_xml_csl_tagged(&csl) && element && element != citation) {
    /* The printed form is untagged: the tagged alternative gives the fields. */
    ibid_xml_csl_free(&csl);
    ibid_xml_csl_init(&csl);
    citation_csl(element, &csl);
  }
  int rendered = ibid_xml_csl_tagged(&csl) && (ibid_xml_is(citation, "element-citation") ||
                                               ibid_xml_is(citation, "nlm-citation"));
  ibid_buffer label;
  ibid_buffer_init(&label);
  ibid_xml_text(ibid_xml_child(ref, "label"), &label);
  if (!label.length) {
    const char *id = ibid_xml_attribute(ref, "id");
    if (id && *id) ibid_buffer_append_string(&label, id);
  }
  ibid_xml_write_reference(walker, citation, &csl, rendered, label.length ? label.data : NULL);
  if (csl.failed || label.failed) walker->failed = 1;
  ibid_buffer_free(&label);
  ibid_xml_csl_free(&csl);
}
static void write_reference_list(ibid_xml_walker *walker, const xmlNode *list) {
  if (!ibid_xml_child(list, "title") && !walker->flat) ibid_xml_write_heading(walker, "References");
  for (const xmlNode *child = list->children; child; child = child->next)
    ibid_xml_write_node(walker, child);
}

/* ----- notes ------------------------------------------------------------------ */

/* An <fn> with a type ("conflict", "financial-disclosure", "supported-by")
** that nothing points to is a statement printed in the back matter, not a
** footnote: it is written where it stands. */
static int is_footnote(const ibid_xml_note *note) {
  const char *type = ibid_xml_attribute(note->node, "fn-type");
  return note->referenced || !type || !*type || ibid_xml_equals(type, "fn") ||
         ibid_xml_equals(type, "other");
}

/* Footnotes: every <fn> outside the front matter and outside tables (whose
** footnotes are lettered and printed under the table). */
static void collect_notes(ibid_xml_walker *walker, const xmlNode *root) {
  for (const xmlNode *at = root->children; at;) {
    int skip = 0;
    if (ibid_xml_is(at, "front") || ibid_xml_is(at, "table-wrap-foot") ||
        ibid_xml_is(at, "sub-article") || ibid_xml_is(at, "response")) {
      skip = 1;
    } else if (ibid_xml_is(at, "fn")) {
      ibid_buffer label;
      ibid_buffer_init(&label);
      ibid_xml_text(ibid_xml_child(at, "label"), &label);
      if (!label.length) {
        const char *symbol = ibid_xml_attribute(at, "symbol");
        if (symbol) ibid_buffer_append_string(&label, symbol);
      }
      ibid_xml_add_note(walker, at, ibid_xml_attribute(at, "id"), label.data);
      if (label.failed) walker->failed = 1;
      ibid_buffer_free(&label);
      skip = 1;
    }
    at = ibid_xml_next(at, root, skip);
  }
  ibid_xml_index_notes(walker);
  for (const xmlNode *at = root->children; at; at = ibid_xml_next(at, root, 0)) {
    if (!ibid_xml_is(at, "xref") || !ibid_xml_equals(ibid_xml_attribute(at, "ref-type"), "fn"))
      continue;
    const char *rid = ibid_xml_attribute(at, "rid");
    int more = rid != NULL;
    while (more) {
      ibid_xml_note *note = next_note(walker, &rid, &more);
      if (note) note->referenced = 1;
    }
  }
  ibid_xml_keep_notes(walker, is_footnote);
}

/* ----- the converter -------------------------------------------------------------- */

static void write_front(ibid_xml_walker *walker, const xmlNode *front) {
  const xmlNode *article_meta = ibid_xml_descendant(front, "article-meta");
  if (!article_meta) return;
  const xmlNode *title =
      ibid_xml_child(ibid_xml_child(article_meta, "title-group"), "article-title");
  if (title) {
    ibid_document_end_block(walker->document);
    ibid_xml_write_children(walker, title);
    ibid_document_end_block(walker->document);
  }
  const xmlNode *abstract = ibid_xml_child(article_meta, "abstract");
  if (abstract) {
    if (!ibid_xml_child(abstract, "title")) ibid_xml_write_heading(walker, "Abstract");
    ibid_xml_write_node(walker, abstract);
  }
}

/* The article: front matter, body, back matter, notes, then references. */
static void write_article(ibid_xml_walker *walker, const xmlNode *root) {
  collect_notes(walker, root);
  const xmlNode *front = ibid_xml_child(root, "front");
  if (front) {
    read_metadata(front, walker->document);
    write_front(walker, front);
  }
  const xmlNode *back = NULL;
  for (const xmlNode *child = root->children; child; child = child->next) {
    if (ibid_xml_is(child, "back"))
      back = back ? back : child;
    else if (ibid_xml_is(child, "body"))
      ibid_xml_write_node(walker, child);
  }
  if (back)
    for (const xmlNode *child = back->children; child; child = child->next)
      if (!ibid_xml_is(child, "ref-list")) ibid_xml_write_node(walker, child);
  ibid_xml_write_notes(walker);
  if (back)
    for (const xmlNode *child = back->children; child; child = child->next)
      if (ibid_xml_is(child, "ref-list")) ibid_xml_write_node(walker, child);
}

int ibid_jats_convert(const char *bytes, size_t length, ibid_document *document) {
  return ibid_xml_convert(bytes, length, document, IBID_FORMAT_JATS, classify, write_article);
}
