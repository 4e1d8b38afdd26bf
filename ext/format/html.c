/*
** html.c -- HTML in: a saved web page read into the text every extractor
** reads (see convert.h, document.h, docs/html.md).
**
** What is kept: the main content (<main>, role=main, or the <article> that
** holds most of the text; else the whole <body> minus site chrome), as one
** block per heading, paragraph, list item ("• ", "◦ ", "N. "), table row
** (cells separated by a tab), blockquote paragraph and figure caption.
** What is dropped: scripts, styles, forms, navigation, header/footer/aside
** outside the main content, hidden elements, elements whose class, id or
** role names site chrome (nav, menu, cookie, banner, share, breadcrumb,
** sidebar, ...), and link lists (menus: most of the text in short links).
**
** Notes are read from the links, not guessed: an in-text link to an anchor
** further down the page that looks like a note reference (role=doc-noteref,
** inside <sup>, a note-like name such as "fn3", "_edn3", "cite_note-3", and a
** short label "3", "[3]", "*"; or a note that links back to it) is a marker;
** the block holding its target is the note. List items of a footnote list
** (role doc-footnote/doc-endnote, class or id "footnotes", "endnotes",
** "notes", an <ol> under a "Notes" heading) are notes even when no marker
** links to them. Every note is written once, where the first one stands on
** the page (after the content when a marker comes later: sidenotes), as
** "N text" ("[N] text" when the page prints "[N]"; "¹ text" for a lone note) after a
** "Notes"/"Footnotes" heading unless the page has one there; its back-links
** are dropped. Markers are written glued to the word before, as superscript
** digits (or "[N]"), N being the number of the note they link to, so that
** ibid_notes and ibid_markers on the body give the page's notes and markers.
**
** Links inside notes and reference-list entries become references of the
** document (span = the link text, note = the note number or 0, URL = href).
** <meta> tags (citation_*, dc.*, dcterms.*, og:*) and <title> give CSL-JSON
** metadata.
**
** HOW IT WORKS
** 1. The bytes are recoded to UTF-8 first (BOM, <meta charset>, or Windows-1252
**    when they are not UTF-8; ICU converts), NULs and control characters
**    become blanks, and libxml2 parses them as UTF-8 with its encoding
**    detection off, so that it never reports conversion errors on stderr.
** 2. One pass over the tree (iterative: depth is unbounded) gives each element
**    its text and link-text size, document order, an id table and the <meta>
**    tags.
** 3. Marker links are resolved through the id table to their notes.
** 4. A second iterative pass writes the blocks into the ibid_document.
** All passes are linear in the size of the tree.
*/
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>

#include "references.h"
#include "convert.h"
#include "memory.h"
#include "utf8.h"
#include "xml_text.h"

/* ----- per-element facts (pass 1) ------------------------------------------ */

typedef struct element_facts {
  size_t order;       /* position in document order (pre-order) */
  size_t last_order;  /* order of the last node of its subtree */
  size_t text_bytes;  /* bytes of text in its subtree */
  size_t link_bytes;  /* of which inside links */
  size_t links;       /* links in its subtree */
  int has_block;      /* a block-level element below it */
  long note;          /* index + 1 of the note this element is, else 0 */
  xmlNodePtr marker;  /* for marker links: the note element it points to */
  size_t span_start;  /* where a link's text starts in the body (output pass) */
  long counter;       /* list items or table cells written so far */
  int data_row;       /* a table row whose cells are text only */
  unsigned char kind; /* KIND_* flags of its name, computed once */
  /* main-content scoring (choose_content) */
  size_t commas;      /* commas in its text */
  size_t prose_bytes; /* text of the paragraphs below it that are not mostly links */
  int inner_block;    /* a block element other than <br>/<hr> below it */
  int paragraph;      /* a run of text without blocks inside, 25 bytes or more */
  int scored;         /* a candidate: score holds its tag and name weight plus its share */
  double score;       /* of the paragraph scores below it */
  int keep;           /* a child of the content parent that is written */
} element_facts;

enum { KIND_BLOCK = 1, KIND_NEVER_READ = 2 };

typedef struct id_entry {
  const char *id;
  xmlNodePtr node;
} id_entry;

typedef struct note_entry {
  xmlNodePtr node;
  size_t order;
  long number;
  int bracketed;         /* the page prints "[N]" */
  int endnote_like;      /* names or roles say endnote */
  xmlNodePtr label_node; /* text node holding the printed label, or NULL */
  size_t label_bytes;    /* bytes of it to skip */
} note_entry;

/* The <meta> values read (pointers into the tree). */
typedef struct page_meta {
  const char *title, *citation_title, *dc_title, *og_title;
  const char *date, *dc_date;
  const char *journal, *volume, *issue, *first_page, *last_page, *doi, *publisher;
  const char *url, *dc_identifier, *language, *abstract;
  const char **authors;
  size_t author_count, author_capacity;
  const char **dc_creators;
  size_t creator_count, creator_capacity;
} page_meta;

typedef struct converter {
  ibid_document *document;
  xmlDocPtr tree;
  element_facts *facts;
  size_t element_count;
  id_entry *ids;
  size_t id_count, id_capacity;
  xmlNodePtr *links; /* <a href="#..."> elements, in document order */
  size_t link_count, link_capacity;
  note_entry *notes;
  size_t note_count, note_capacity;
  xmlNodePtr body, root;
  size_t total_text;
  page_meta meta;
  int notes_written;
  int notes_at_end; /* the notes are scattered (sidenotes): written after the content */
  int failed;
  /* output pass state */
  size_t heading_end;    /* body length just after the last heading, or (size_t)-1 */
  int reference_section; /* inside a "References" section: level of its heading, else 0 */
  /* the last list item numbered, and how many items precede it: numbering the
  ** next item of the same list counts back to it only (a long list is linear) */
  const xmlNode *counted_item;
  long counted_before;
  xmlNodePtr title; /* the headline, when it stands before the content, else NULL */
  int selective;    /* only the children of root marked keep are written */
  int whole_page;   /* fallback: every element but what is never read is written */
} converter;

/* Output modes, saved and restored around each element (a stack). */
typedef struct mode {
  int joined;     /* inside one block (list item, heading, note, cell): blocks become blanks */
  int glued;      /* inside <sup>/<sub>: text is glued to the word before */
  long note;      /* index + 1 of the note being written, else 0 */
  int references; /* inside a reference list entry or section */
  int preformatted;
  int list_depth;
  int in_main; /* inside the main content: header is kept */
} mode;

typedef struct mode_stack {
  mode *items;
  size_t count, capacity;
} mode_stack;

/* ----- small helpers -------------------------------------------------------- */

static element_facts *facts_of(const converter *state, const xmlNode *node) {
  uintptr_t index = (uintptr_t)node->_private;
  return index ? &state->facts[index - 1] : NULL;
}

/* The value of an attribute as libxml2 stores it, "" for a bare attribute,
** NULL when absent. */
static const char *attribute(const xmlNode *node, const char *name) {
  for (const xmlAttr *a = node->properties; a; a = a->next) {
    if (!a->name || strcmp((const char *)a->name, name) != 0) continue;
    if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
      return (const char *)a->children->content;
    return "";
  }
  return NULL;
}

static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int equals_caseless(const char *a, const char *b) {
  while (*a && *b && lower(*a) == lower(*b)) a++, b++;
  return *a == 0 && *b == 0;
}

static int is_alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Does the attribute value hold one of `words` as a token (split at
** anything but letters and digits, compared without case)? */
static int has_token(const char *value, const char *const *words, size_t count) {
  if (!value) return 0;
  const char *p = value;
  while (*p) {
    while (*p && !is_alphanumeric(*p)) p++;
    const char *start = p;
    while (is_alphanumeric(*p)) p++;
    size_t n = (size_t)(p - start);
    if (n == 0 || n > 24) continue;
    for (size_t i = 0; i < count; i++) {
      if (strlen(words[i]) != n) continue;
      size_t k = 0;
      while (k < n && lower(start[k]) == words[i][k]) k++;
      if (k == n) return 1;
    }
  }
  return 0;
}

static int class_or_id_has(const xmlNode *node, const char *const *words, size_t count) {
  return has_token(attribute(node, "class"), words, count) ||
         has_token(attribute(node, "id"), words, count);
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Elements never read: code, styling, forms, embedded media. */
static int name_is_never_read(const xmlNode *node) {
  static const char *const names[] = {
      "script", "style",  "noscript", "template", "iframe",   "object", "embed", "svg",
      "canvas", "button", "input",    "select",   "textarea", "option", "head",  "dialog",
      "map",    "audio",  "video",    "math",     "title",    "meta",   "link",  "img"};
  for (size_t i = 0; i < COUNT(names); i++)
    if (strcmp((const char *)node->name, names[i]) == 0) return 1;
  return 0;
}

static int heading_level(const xmlNode *node) {
  const char *name = (const char *)node->name;
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == 0) return name[1] - '0';
  return 0;
}

/* Elements that start a new block of text. */
static int name_is_block(const xmlNode *node) {
  static const char *const names[] = {
      "p",      "div",     "section",    "article",    "main", "header",   "footer",  "aside",
      "nav",    "address", "blockquote", "pre",        "ul",   "ol",       "li",      "dl",
      "dt",     "dd",      "table",      "tr",         "td",   "th",       "caption", "thead",
      "tbody",  "tfoot",   "figure",     "figcaption", "form", "fieldset", "hr",      "br",
      "center", "details", "summary",    "body",       "html", "legend",   "dir",     "menu"};
  if (node->type != XML_ELEMENT_NODE) return 0;
  if (heading_level(node)) return 1;
  for (size_t i = 0; i < COUNT(names); i++)
    if (strcmp((const char *)node->name, names[i]) == 0) return 1;
  return 0;
}

/* The two tests above, read from the facts of pass 1 (string compares once). */
static int is_block(const converter *state, const xmlNode *node) {
  const element_facts *facts = facts_of(state, node);
  return facts ? (facts->kind & KIND_BLOCK) != 0 : name_is_block(node);
}

static int is_never_read(const converter *state, const xmlNode *node) {
  const element_facts *facts = facts_of(state, node);
  return facts ? (facts->kind & KIND_NEVER_READ) != 0 : name_is_never_read(node);
}

/* For ibid_xml_next: searches pass over what is never read (its text is not
** the page's). */
static int skips_children(const converter *state, const xmlNode *node) {
  return node->type == XML_ELEMENT_NODE && is_never_read(state, node);
}

/* ----- walking the tree without recursion ----------------------------------- */

typedef int (*enter_function)(converter *state, xmlNodePtr node, mode_stack *modes);
typedef void (*leave_function)(converter *state, xmlNodePtr node, mode_stack *modes);

/* Visits root's subtree in document order. enter() returns 1 to visit the
** children (leave() is then called after them), 0 to skip the subtree, -1
** to stop. */
static int walk(converter *state, xmlNodePtr root, enter_function enter, leave_function leave,
                mode_stack *modes) {
  xmlNodePtr node = root;
  while (node) {
    if (ibid_progress_step(state->document->progress, 1)) return -1; /* interrupted */
    int descend = enter(state, node, modes);
    if (descend < 0) return -1;
    if (descend && node->children) {
      node = node->children;
      continue;
    }
    if (descend) leave(state, node, modes);
    while (node != root && !node->next) {
      node = node->parent;
      leave(state, node, modes);
    }
    if (node == root) break;
    node = node->next;
  }
  return 0;
}

static int push_mode(converter *state, mode_stack *modes, const mode *value) {
  if (modes->count == modes->capacity) {
    size_t capacity = modes->capacity ? modes->capacity * 2 : 64;
    mode *items = ibid_realloc(modes->items, capacity * sizeof(mode));
    if (!items) {
      state->failed = 1;
      return -1;
    }
    modes->items = items;
    modes->capacity = capacity;
  }
  modes->items[modes->count++] = *value;
  return 0;
}

static mode *current_mode(mode_stack *modes) {
  return &modes->items[modes->count - 1];
}

/* Grows an array of `size`-byte items to hold one more; 0, or -1 (OOM). */
static int grow(void **items, size_t *capacity, size_t count, size_t size) {
  if (count < *capacity) return 0;
  size_t wanted = *capacity ? *capacity * 2 : 32;
  void *more = ibid_realloc(*items, wanted * size);
  if (!more) return -1;
  *items = more;
  *capacity = wanted;
  return 0;
}

/* ----- pass 1: facts, ids, links, meta ---------------------------------------- */

static void read_meta_tag(converter *state, const xmlNode *node) {
  const char *name = attribute(node, "name");
  if (!name) name = attribute(node, "property");
  const char *content = attribute(node, "content");
  if (!name || !content || !*content) return;
  page_meta *meta = &state->meta;
  struct {
    const char *name;
    const char **slot;
  } singles[] = {
      {"citation_title", &meta->citation_title},
      {"dc.title", &meta->dc_title},
      {"dcterms.title", &meta->dc_title},
      {"og:title", &meta->og_title},
      {"citation_publication_date", &meta->date},
      {"citation_date", &meta->date},
      {"citation_online_date", &meta->dc_date},
      {"dc.date", &meta->dc_date},
      {"dcterms.issued", &meta->dc_date},
      {"dcterms.date", &meta->dc_date},
      {"dc.date.issued", &meta->dc_date},
      {"article:published_time", &meta->dc_date},
      {"citation_journal_title", &meta->journal},
      {"citation_volume", &meta->volume},
      {"citation_issue", &meta->issue},
      {"citation_firstpage", &meta->first_page},
      {"citation_lastpage", &meta->last_page},
      {"citation_doi", &meta->doi},
      {"citation_publisher", &meta->publisher},
      {"dc.publisher", &meta->publisher},
      {"dcterms.publisher", &meta->publisher},
      {"citation_abstract_html_url", &meta->url},
      {"citation_fulltext_html_url", &meta->url},
      {"citation_public_url", &meta->url},
      {"og:url", &meta->url},
      {"dc.identifier", &meta->dc_identifier},
      {"dcterms.identifier", &meta->dc_identifier},
      {"citation_language", &meta->language},
      {"dc.language", &meta->language},
      {"citation_abstract", &meta->abstract},
      {"dcterms.abstract", &meta->abstract},
  };
  for (size_t i = 0; i < COUNT(singles); i++) {
    if (!equals_caseless(name, singles[i].name)) continue;
    if (!*singles[i].slot) *singles[i].slot = content;
    return;
  }
  if (equals_caseless(name, "citation_author")) {
    if (grow((void **)&meta->authors, &meta->author_capacity, meta->author_count, sizeof(char *)) ==
        0)
      meta->authors[meta->author_count++] = content;
    else
      state->failed = 1;
  } else if (equals_caseless(name, "dc.creator") || equals_caseless(name, "dcterms.creator") ||
             equals_caseless(name, "author")) {
    if (grow((void **)&meta->dc_creators, &meta->creator_capacity, meta->creator_count,
             sizeof(char *)) == 0)
      meta->dc_creators[meta->creator_count++] = content;
    else
      state->failed = 1;
  }
}

static void add_id(converter *state, const char *id, xmlNodePtr node) {
  if (!id || !*id) return;
  if (grow((void **)&state->ids, &state->id_capacity, state->id_count, sizeof(id_entry))) {
    state->failed = 1;
    return;
  }
  state->ids[state->id_count].id = id;
  state->ids[state->id_count].node = node;
  state->id_count++;
}

static int facts_enter(converter *state, xmlNodePtr node, mode_stack *modes) {
  (void)modes;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    size_t n = node->content ? strlen((const char *)node->content) : 0;
    if (node->parent && node->parent->_private) {
      element_facts *up = facts_of(state, node->parent);
      up->text_bytes += n;
      for (size_t i = 0; i < n; i++) up->commas += node->content[i] == ',';
    }
    return 0;
  }
  if (node->type != XML_ELEMENT_NODE || !node->name) return 0;
  if (state->failed) return -1;
  size_t index = state->element_count++;
  node->_private = (void *)(uintptr_t)(index + 1);
  element_facts *facts = &state->facts[index];
  memset(facts, 0, sizeof(*facts));
  facts->order = index;
  facts->kind = (unsigned char)((name_is_block(node) ? KIND_BLOCK : 0) |
                                (name_is_never_read(node) ? KIND_NEVER_READ : 0));
  if (ibid_xml_is(node, "body") && !state->body) state->body = node;
  if (ibid_xml_is(node, "meta")) read_meta_tag(state, node);
  if (ibid_xml_is(node, "title") && !state->meta.title && node->children &&
      node->children->type == XML_TEXT_NODE)
    state->meta.title = (const char *)node->children->content;
  if (ibid_xml_is(node, "link") && !state->meta.url) {
    const char *rel = attribute(node, "rel");
    if (rel && equals_caseless(rel, "canonical")) state->meta.url = attribute(node, "href");
  }
  if (ibid_xml_is(node, "html") && !state->meta.language)
    state->meta.language = attribute(node, "lang");
  add_id(state, attribute(node, "id"), node);
  if (ibid_xml_is(node, "a")) {
    add_id(state, attribute(node, "name"), node);
    const char *href = attribute(node, "href");
    if (href && href[0] == '#' && href[1]) {
      if (grow((void **)&state->links, &state->link_capacity, state->link_count,
               sizeof(xmlNodePtr)))
        state->failed = 1;
      else
        state->links[state->link_count++] = node;
    }
  }
  return 1;
}

/* A paragraph for main-content scoring: <p>, <pre>, a cell or a <div>-like
** element with no block inside (text split by <br> is one paragraph), of
** 25 bytes of text or more. */
static int is_paragraph_element(const xmlNode *node, const element_facts *facts) {
  static const char *const names[] = {"p",  "pre",     "td",         "dd",     "div",
                                      "li", "section", "blockquote", "center", "font"};
  if (facts->inner_block || facts->text_bytes < 25) return 0;
  for (size_t i = 0; i < COUNT(names); i++)
    if (strcmp((const char *)node->name, names[i]) == 0) {
      /* a list item is prose only inside running text, not in a teaser or link list */
      if (i == 5) return facts->links == 0 && facts->text_bytes >= 80;
      return 1;
    }
  return 0;
}

static void facts_leave(converter *state, xmlNodePtr node, mode_stack *modes) {
  (void)modes;
  element_facts *facts = facts_of(state, node);
  if (!facts) return;
  facts->last_order = state->element_count - 1;
  if (ibid_xml_is(node, "a") && attribute(node, "href")) {
    facts->link_bytes = facts->text_bytes;
    facts->links++;
  }
  facts->paragraph = is_paragraph_element(node, facts);
  if (facts->paragraph && facts->link_bytes * 4 < facts->text_bytes)
    facts->prose_bytes = facts->text_bytes;
  xmlNodePtr parent = node->parent;
  if (parent && parent->_private && !(facts->kind & KIND_NEVER_READ)) {
    /* (a script's or a template's text is not the page's) */
    element_facts *up = facts_of(state, parent);
    up->text_bytes += facts->text_bytes;
    up->link_bytes += facts->link_bytes;
    up->links += facts->links;
    up->commas += facts->commas;
    up->prose_bytes += facts->prose_bytes;
    if (facts->has_block || (facts->kind & KIND_BLOCK)) up->has_block = 1;
    if (facts->inner_block ||
        ((facts->kind & KIND_BLOCK) && !ibid_xml_is(node, "br") && !ibid_xml_is(node, "hr")))
      up->inner_block = 1;
  }
}

/* Counts elements, so that the facts array is allocated once. */
static size_t count_elements(xmlNodePtr root) {
  size_t count = 0;
  for (const xmlNode *node = root; node; node = ibid_xml_next(node, root, 0))
    if (node->type == XML_ELEMENT_NODE) count++;
  return count;
}

static int compare_ids(const void *a, const void *b) {
  const id_entry *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  if (c) return c;
  /* the first element with an id wins, as in browsers */
  uintptr_t i = (uintptr_t)x->node->_private, j = (uintptr_t)y->node->_private;
  return i < j ? -1 : i > j;
}

static xmlNodePtr find_id(const converter *state, const char *id) {
  size_t low = 0, high = state->id_count;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    if (strcmp(state->ids[middle].id, id) < 0)
      low = middle + 1;
    else
      high = middle;
  }
  if (low < state->id_count && strcmp(state->ids[low].id, id) == 0) return state->ids[low].node;
  return NULL;
}

/* ----- text of a small subtree ----------------------------------------------- */

/* Nodes a walk over a "small" subtree visits at most: a label, a heading or
** a <sup> of markers has a handful. The cap keeps every per-element look at
** a subtree bounded, so that nested markup (<sup><a><sup><a>... thousands
** deep) costs linear time, not quadratic. */
#define SMALL_SUBTREE_NODES 256

/* The trimmed text of a small subtree in a fixed buffer: "" when too long
** (more bytes than `size` or more than SMALL_SUBTREE_NODES nodes). */
static void short_text(const xmlNode *root, char *out, size_t size) {
  char collected[256];
  size_t length = 0, visited = 0;
  int too_long = 0;
  if (size > sizeof(collected)) size = sizeof(collected);
  for (const xmlNode *node = root; node && !too_long; node = ibid_xml_next(node, root, 0)) {
    if (++visited > SMALL_SUBTREE_NODES) {
      too_long = 1;
      break;
    }
    if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content) {
      size_t n = strlen((const char *)node->content);
      if (length + n >= size)
        too_long = 1;
      else
        memcpy(collected + length, node->content, n), length += n;
    }
  }
  out[0] = 0;
  if (!too_long) {
    const char *start = collected;
    const char *end = collected + length;
    while (start < end && (*start == ' ' || *start == '\n' || *start == '\t' || *start == '\r'))
      start++;
    while (end > start && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r'))
      end--;
    /* no-break spaces around a label */
    while (end - start >= 2 && (unsigned char)end[-2] == 0xC2 && (unsigned char)end[-1] == 0xA0)
      end -= 2;
    while (end - start >= 2 && (unsigned char)start[0] == 0xC2 && (unsigned char)start[1] == 0xA0)
      start += 2;
    memcpy(out, start, (size_t)(end - start));
    out[end - start] = 0;
  }
}

/* Reads a label "12", "[12]", "(12)", "12." at the start of text: its number
** and byte length (0 when none); *bracketed is set for "[12]". */
static size_t read_label(const char *text, long *number, int *bracketed) {
  size_t i = 0;
  *bracketed = 0;
  char open = text[0];
  if (open == '[' || open == '(') i++;
  size_t digits_start = i;
  long value = 0;
  while (text[i] >= '0' && text[i] <= '9' && i - digits_start < 4)
    value = value * 10 + (text[i++] - '0');
  size_t digits = i - digits_start;
  if (digits == 0 || digits > 3 || text[digits_start] == '0') return 0;
  if (open == '[') {
    if (text[i] != ']') return 0;
    i++;
    *bracketed = 1;
  } else if (open == '(') {
    if (text[i] != ')') return 0;
    i++;
  } else if (text[i] == '.' || text[i] == ')') {
    i++;
  }
  *number = value;
  return i;
}

/* Is a link's text a note label: "3", "[3]", "(3)", "*", "†", "‡"? */
static int is_note_label(const char *text) {
  long number;
  int bracketed;
  size_t n = read_label(text, &number, &bracketed);
  if (n && text[n] == 0) return 1;
  return strcmp(text, "*") == 0 || strcmp(text, "\xE2\x80\xA0") == 0 ||
         strcmp(text, "\xE2\x80\xA1") == 0 || strcmp(text, "**") == 0;
}

/* ----- pass 2: notes ----------------------------------------------------------- */

static const char *const note_words[] = {"fn",
                                         "fns",
                                         "fnref",
                                         "footnote",
                                         "footnotes",
                                         "footnoteref",
                                         "endnote",
                                         "endnotes",
                                         "endnoteref",
                                         "note",
                                         "notes",
                                         "noteref",
                                         "ftn",
                                         "ftnref",
                                         "edn",
                                         "ednref",
                                         "cite",
                                         "citenote",
                                         "ref",
                                         "xref",
                                         "sdfootnote",
                                         "sdendnote",
                                         "sdfootnoteanc",
                                         "sdendnoteanc",
                                         "footnotereference",
                                         "endnotereference"};

static const char *const endnote_words[] = {
    "endnote", "endnotes", "edn", "ednref", "sdendnote", "sdendnoteanc", "endnotereference"};

/* Names of note lists: their items are notes even without markers. */
static const char *const note_list_words[] = {"footnotes", "endnotes", "notes", "fns",
                                              "footnote",  "endnote",  "fn"};

/* Names in an id such as "_edn3", "fn3", "cite_note-3": the letters only. */
static int id_says_note(const char *id, const char *const *words, size_t count) {
  if (!id) return 0;
  char letters[64];
  size_t n = 0;
  for (const char *p = id; *p && n + 1 < sizeof(letters); p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
      letters[n++] = lower(*p);
    else if (n && letters[n - 1] != ' ')
      letters[n++] = ' ';
  }
  letters[n] = 0;
  return has_token(letters, words, count);
}

static int role_is(const xmlNode *node, const char *role) {
  const char *value = attribute(node, "role");
  return value && equals_caseless(value, role);
}

static int inside(const xmlNode *node, const char *name, int levels) {
  for (const xmlNode *up = node->parent; up && levels-- > 0; up = up->parent)
    if (ibid_xml_is(up, name)) return 1;
  return 0;
}

static int contains_named(const xmlNode *node, const char *name) {
  for (const xmlNode *child = node->children; child; child = child->next)
    if (ibid_xml_is(child, name)) return 1;
  return 0;
}

/* Does `block` hold a link back to the link or to the element around it
** (<sup id="ref3">)? A note links back to its marker: that names it a note
** whatever its ids say. */
static int links_back(const xmlNode *block, const xmlNode *link) {
  const char *ids[6];
  size_t count = 0;
  for (const xmlNode *up = link; up && up->type == XML_ELEMENT_NODE && count < 5; up = up->parent) {
    const char *id = attribute(up, "id");
    const char *name = attribute(up, "name");
    if (id && *id) ids[count++] = id;
    if (name && *name) ids[count++] = name;
    if (up != link && !ibid_xml_is(up, "sup") && !ibid_xml_is(up, "span")) break;
  }
  if (!count) return 0;
  int visited = 0;
  for (const xmlNode *node = block; node && visited++ < 400; node = ibid_xml_next(node, block, 0)) {
    if (ibid_xml_is(node, "a")) {
      const char *href = attribute(node, "href");
      if (href && href[0] == '#')
        for (size_t i = 0; i < count; i++)
          if (strcmp(href + 1, ids[i]) == 0) return 1;
    }
  }
  return 0;
}

/* Is an internal link to `block` a note reference (a marker)? */
static int looks_like_marker(const xmlNode *link, const xmlNode *block) {
  if (role_is(link, "doc-noteref")) return 1;
  char text[32];
  short_text(link, text, sizeof(text));
  if (!is_note_label(text)) return 0;
  const char *href = attribute(link, "href");
  return inside(link, "sup", 3) || contains_named(link, "sup") || links_back(block, link) ||
         id_says_note(href + 1, note_words, COUNT(note_words)) ||
         class_or_id_has(link, note_words, COUNT(note_words)) ||
         id_says_note(attribute(link, "id"), note_words, COUNT(note_words)) ||
         id_says_note(attribute(link, "name"), note_words, COUNT(note_words));
}

static int is_inline_target(const xmlNode *node) {
  static const char *const names[] = {"a", "span", "sup",   "sub",  "em",   "strong",
                                      "b", "i",    "small", "font", "cite", "label"};
  for (size_t i = 0; i < COUNT(names); i++)
    if (strcmp((const char *)node->name, names[i]) == 0) return 1;
  return 0;
}

/* The block a link target stands in: the target itself, or the nearest block
** around an inline anchor. */
static xmlNodePtr note_block(xmlNodePtr target) {
  xmlNodePtr node = target;
  while (node && node->type == XML_ELEMENT_NODE && is_inline_target(node)) node = node->parent;
  if (!node || node->type != XML_ELEMENT_NODE) return NULL;
  if (ibid_xml_is(node, "body") || ibid_xml_is(node, "html") || ibid_xml_is(node, "main") ||
      ibid_xml_is(node, "article"))
    return NULL;
  return node;
}

static long add_note(converter *state, xmlNodePtr node) {
  element_facts *facts = facts_of(state, node);
  if (!facts) return 0;
  if (facts->note) return facts->note;
  /* a note holds one note: a container of notes is not one */
  if (facts->text_bytes * 2 > state->total_text && state->total_text > 2000) return 0;
  if (grow((void **)&state->notes, &state->note_capacity, state->note_count, sizeof(note_entry))) {
    state->failed = 1;
    return 0;
  }
  note_entry *note = &state->notes[state->note_count];
  memset(note, 0, sizeof(*note));
  note->node = node;
  note->order = facts->order;
  facts->note = (long)++state->note_count;
  return facts->note;
}

/* Finds the notes that markers link to. */
static void resolve_markers(converter *state) {
  for (size_t i = 0; i < state->link_count; i++) {
    xmlNodePtr link = state->links[i];
    const char *href = attribute(link, "href");
    xmlNodePtr target = find_id(state, href + 1);
    if (!target) continue;
    element_facts *link_facts = facts_of(state, link);
    element_facts *target_facts = facts_of(state, target);
    /* a note comes after its marker: a link back up is a back-link */
    if (target_facts->order <= link_facts->last_order) continue;
    xmlNodePtr block = note_block(target);
    if (!block || !looks_like_marker(link, block)) continue;
    element_facts *block_facts = facts_of(state, block);
    /* the marker must not sit inside the note it links to */
    if (block_facts->order <= link_facts->order && link_facts->order <= block_facts->last_order)
      continue;
    long note = add_note(state, block);
    if (!note) continue;
    link_facts->marker = block;
    note_entry *entry = &state->notes[note - 1];
    if (id_says_note(href + 1, endnote_words, COUNT(endnote_words)) ||
        class_or_id_has(link, endnote_words, COUNT(endnote_words)))
      entry->endnote_like = 1;
  }
}

/* Is a list (or its parent) named as a note list, or are its items notes by role? */
static int is_note_list(const xmlNode *list) {
  if (class_or_id_has(list, note_list_words, COUNT(note_list_words))) return 1;
  const xmlNode *parent = list->parent;
  if (parent && parent->type == XML_ELEMENT_NODE &&
      (class_or_id_has(parent, note_list_words, COUNT(note_list_words)) ||
       role_is(parent, "doc-endnotes") || role_is(parent, "doc-footnotes")))
    return 1;
  return 0;
}

/* The element before node, skipping white space and comments. */
static const xmlNode *previous_element(const xmlNode *node) {
  for (const xmlNode *before = node->prev; before; before = before->prev) {
    if (before->type == XML_ELEMENT_NODE) return before;
    if (before->type == XML_TEXT_NODE && before->content) {
      for (const char *p = (const char *)before->content; *p; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') return NULL;
    }
  }
  return NULL;
}

/* Is an <ol> the list under a "Notes", "Endnotes" or "Footnotes" heading? */
static int follows_notes_heading(const xmlNode *list) {
  static const char *const headings[] = {"notes", "endnotes", "footnotes", "end notes"};
  const xmlNode *heading = previous_element(list);
  if (!heading && list->parent) heading = previous_element(list->parent);
  if (!heading || !heading_level(heading)) return 0;
  char text[32];
  short_text(heading, text, sizeof(text));
  size_t n = strlen(text);
  if (n && text[n - 1] == ':') text[n - 1] = 0;
  for (size_t i = 0; i < COUNT(headings); i++)
    if (equals_caseless(text, headings[i])) return 1;
  return 0;
}

/* Items of note lists and elements with a note role are notes too. */
static void find_listed_notes(converter *state) {
  xmlNodePtr root = state->body ? state->body : xmlDocGetRootElement(state->tree);
  xmlNodePtr node = root;
  while (node && !state->failed) {
    int descend = 1;
    if (node->type == XML_ELEMENT_NODE) {
      int endnote = role_is(node, "doc-endnote");
      if (endnote || role_is(node, "doc-footnote")) {
        long note = add_note(state, node);
        if (note && endnote) state->notes[note - 1].endnote_like = 1;
        descend = 0;
      } else if (((ibid_xml_is(node, "ol") || ibid_xml_is(node, "ul")) && is_note_list(node)) ||
                 (ibid_xml_is(node, "ol") && follows_notes_heading(node))) {
        int endnotes =
            class_or_id_has(node, endnote_words, COUNT(endnote_words)) ||
            (node->parent && (class_or_id_has(node->parent, endnote_words, COUNT(endnote_words)) ||
                              role_is(node->parent, "doc-endnotes")));
        for (xmlNodePtr item = node->children; item; item = item->next) {
          if (!ibid_xml_is(item, "li")) continue;
          long note = add_note(state, item);
          if (note && endnotes) state->notes[note - 1].endnote_like = 1;
        }
        descend = 0;
      }
    }
    node = ibid_xml_next(node, root, !descend);
  }
}

/* The first text node of a subtree with something besides white space. */
static xmlNodePtr first_text(const converter *state, xmlNodePtr root) {
  int visited = 0;
  for (xmlNodePtr node = root; node && visited++ < 200;
       node = ibid_xml_next(node, root, skips_children(state, node))) {
    if (node->type == XML_TEXT_NODE && node->content) {
      const char *p = (const char *)node->content;
      while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++;
      if (*p) return node;
    }
  }
  return NULL;
}

/* The value of an <li>: its value attribute, or its place in an <ol> (start). */
static long list_item_value(converter *state, const xmlNode *item) {
  const char *value = attribute(item, "value");
  if (value && atol(value) > 0) return atol(value);
  long number = 1;
  const xmlNode *list = item->parent;
  if (list && ibid_xml_is(list, "ol")) {
    const char *start = attribute(list, "start");
    if (start && atol(start) > 0) number = atol(start);
  }
  long before_count = 0;
  for (const xmlNode *before = item->prev; before; before = before->prev) {
    if (before == state->counted_item) { /* an item of this list counted already */
      before_count += state->counted_before + 1;
      break;
    }
    if (ibid_xml_is(before, "li")) before_count++;
  }
  state->counted_item = item;
  state->counted_before = before_count;
  return number + before_count;
}

static int compare_notes(const void *a, const void *b) {
  const note_entry *x = a, *y = b;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Orders the notes, reads their printed labels and numbers them. */
static void number_notes(converter *state) {
  if (state->note_count > 1)
    qsort(state->notes, state->note_count, sizeof(note_entry), compare_notes);
  for (size_t i = 0; i < state->note_count; i++) {
    note_entry *note = &state->notes[i];
    facts_of(state, note->node)->note = (long)i + 1;
    long number = 0;
    xmlNodePtr text = first_text(state, note->node);
    if (text) {
      const char *content = (const char *)text->content;
      size_t at = 0;
      while (content[at] == ' ' || content[at] == '\n' || content[at] == '\t' ||
             content[at] == '\r')
        at++;
      int bracketed;
      size_t n = read_label(content + at, &number, &bracketed);
      char after = n ? content[at + n] : 'x';
      int alone = after == 0;
      /* "12 text", or a label that is its own element ("<a>[12]</a> text") */
      if (n && (after == ' ' || after == '\t' || after == '\n' || alone ||
                ((unsigned char)after == 0xC2 && (unsigned char)content[at + n + 1] == 0xA0))) {
        note->label_node = text;
        note->label_bytes = at + n;
        note->bracketed = bracketed;
      } else {
        number = 0;
      }
    }
    if (!number && ibid_xml_is(note->node, "li")) number = list_item_value(state, note->node);
    if (!number) number = (long)i + 1;
    note->number = number;
  }
}

/* Are the notes written where the first one stands on the page (after the
** page's own "Notes" heading)? Only when every marker comes before it, as
** ibid_markers reads a marker's note after it; otherwise (sidenotes among
** the paragraphs) they are written after the content. */
static int notes_after_markers(const converter *state) {
  if (!state->note_count) return 1;
  for (size_t i = 0; i < state->link_count; i++) {
    const element_facts *facts = facts_of(state, state->links[i]);
    if (facts->marker && facts->order > state->notes[0].order) return 0;
  }
  return 1;
}

/* ----- the content root and chrome ------------------------------------------------ */

static xmlNodePtr find_root(converter *state) {
  xmlNodePtr body = state->body ? state->body : xmlDocGetRootElement(state->tree);
  if (!body) return NULL;
  xmlNodePtr best_article = NULL;
  size_t best = 0;
  for (xmlNodePtr node = body; node;
       node = ibid_xml_next(node, body, skips_children(state, node))) {
    if (node->type == XML_ELEMENT_NODE) {
      if (ibid_xml_is(node, "main") || role_is(node, "main")) {
        if (facts_of(state, node)->text_bytes * 4 >= state->total_text) return node;
      }
      if (ibid_xml_is(node, "article") && facts_of(state, node)->text_bytes > best) {
        best = facts_of(state, node)->text_bytes;
        best_article = node;
      }
    }
  }
  if (best_article && best * 2 >= state->total_text) return best_article;
  return body;
}

static const char *const chrome_words[] = {
    "nav",         "navbar",  "navigation", "menu",      "menubar",      "cookie",
    "cookies",     "banner",  "share",      "sharing",   "social",       "breadcrumb",
    "breadcrumbs", "sidebar", "footer",     "masthead",  "advert",       "advertisement",
    "ads",         "promo",   "newsletter", "subscribe", "subscription", "popup",
    "modal",       "consent", "gdpr",       "toolbar",   "pagination",   "pager",
    "related",     "skip",    "skiplink",   "comments",  "topbar",       "signup",
    "login"};

/* Names CMSs give every box, the main post's included ("widget Blog"): chrome
** unless the name also says content. */
static const char *const weak_chrome_words[] = {"widget", "widgets", "module", "block-region"};

static const char *const chrome_roles[] = {"navigation", "banner",  "contentinfo", "complementary",
                                           "search",     "dialog",  "alertdialog", "menu",
                                           "menubar",    "toolbar", "alert"};

static int is_hidden(const xmlNode *node) {
  if (attribute(node, "hidden")) return 1;
  const char *aria = attribute(node, "aria-hidden");
  if (aria && equals_caseless(aria, "true")) return 1;
  const char *style = attribute(node, "style");
  if (style) {
    char compact[128];
    size_t n = 0;
    for (const char *p = style; *p && n + 1 < sizeof(compact); p++)
      if (*p != ' ') compact[n++] = lower(*p);
    compact[n] = 0;
    if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden")) return 1;
  }
  return 0;
}

/* A heading of a reference list in any of the languages references.h knows
** ("References", "Literaturverzeichnis", "Bibliographie", "Referencias"). */
static int is_reference_heading(const char *text) {
  return ibid_is_bibliography_heading(text, 0, strlen(text));
}

static const char *const reference_list_words[] = {"references", "bibliography", "reflist",
                                                   "refs",       "citations",    "biblio",
                                                   "reference",  "literature",   "workscited"};

/* Names of comment threads: prose, but the readers', not the page's. */
static const char *const comment_words[] = {
    "comment",     "comments",  "kommentare", "kommentar", "commentaire", "commentaires",
    "comentarios", "reactions", "replies",    "disqus",    "comentario",  "respond"};

/* Names that say "this is the content", which outweigh a weak chrome word in
** the same class or id ("widget Blog", "widget-area post"). */
static const char *const content_words[] = {"article", "content", "main", "entry",
                                            "story",   "blog",    "text", "body",
                                            "hentry",  "prose",   "post", "feature"};

/* Many words of paragraphs, few in links: what a chrome word in a name cannot
** outweigh ("sharing-economy-feature" holding the article). */
static int holds_prose(const element_facts *facts) {
  return facts->prose_bytes >= 400 && facts->prose_bytes * 10 >= facts->text_bytes * 6;
}

/* Is an element site chrome to drop? Never one holding half the page's text. */
static int is_chrome(const converter *state, const xmlNode *node, const mode *current) {
  if (state->whole_page) return 0;
  const element_facts *facts = facts_of(state, node);
  int most = facts->text_bytes * 2 > state->total_text && state->total_text > 0;
  if (attribute(node, "hidden")) return 1;
  if (is_hidden(node) && !most) return 1; /* (a modal's aria-hidden on the whole app) */
  if (most) return 0;
  if (ibid_xml_is(node, "nav") || ibid_xml_is(node, "form") || ibid_xml_is(node, "menu")) return 1;
  if (ibid_xml_is(node, "aside") || ibid_xml_is(node, "footer")) return 1;
  if (ibid_xml_is(node, "header") && !current->in_main && !inside(node, "article", 50)) return 1;
  const char *role = attribute(node, "role");
  if (role && has_token(role, chrome_roles, COUNT(chrome_roles))) return 1;
  if (class_or_id_has(node, comment_words, COUNT(comment_words))) return 1;
  if (class_or_id_has(node, chrome_words, COUNT(chrome_words)) && !holds_prose(facts)) return 1;
  if (class_or_id_has(node, weak_chrome_words, COUNT(weak_chrome_words)) &&
      !class_or_id_has(node, content_words, COUNT(content_words)) && !holds_prose(facts))
    return 1;
  /* a link list: most of the text in three or more short links */
  if (facts->links >= 3 && facts->link_bytes * 10 >= facts->text_bytes * 8 &&
      facts->text_bytes < 40 * facts->links && current->note == 0 && !current->references)
    return 1;
  return 0;
}

/* ----- choosing the main content (Readability's scoring, in outline) ------------------- */

/* Does the lower-cased class or id hold one of `words` anywhere (not only as a token)? */
static int name_contains(const xmlNode *node, const char *const *words, size_t count) {
  const char *names[2] = {attribute(node, "class"), attribute(node, "id")};
  for (int k = 0; k < 2; k++) {
    const char *value = names[k];
    if (!value) continue;
    char low[160];
    size_t n = 0;
    for (; value[n] && n + 1 < sizeof(low); n++) low[n] = lower(value[n]);
    low[n] = 0;
    for (size_t i = 0; i < count; i++)
      if (strstr(low, words[i])) return 1;
  }
  return 0;
}

/* The weight of a candidate's tag and names: a <div> is likely a container of
** paragraphs, a list or heading is not; names that say content count for it,
** names of chrome against it. */
static double candidate_weight(const xmlNode *node) {
  static const char *const plus_tags[] = {"div", "article", "section", "main"};
  static const char *const some_tags[] = {"pre", "td", "blockquote"};
  static const char *const minus_tags[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"};
  static const char *const good[] = {"article", "body", "content", "entry", "hentry", "main",
                                     "page",    "post", "text",    "blog",  "story",  "prose"};
  static const char *const bad[] = {"banner",  "comment", "footer",  "masthead", "promo",
                                    "related", "share",   "sharing", "sidebar",  "sponsor",
                                    "widget",  "social",  "teaser",  "card",     "menu",
                                    "nav",     "tags",    "meta",    "contact",  "kommentar"};
  double weight = 0;
  const char *name = (const char *)node->name;
  for (size_t i = 0; i < COUNT(plus_tags); i++)
    if (strcmp(name, plus_tags[i]) == 0) weight = 5;
  for (size_t i = 0; i < COUNT(some_tags); i++)
    if (strcmp(name, some_tags[i]) == 0) weight = 3;
  for (size_t i = 0; i < COUNT(minus_tags); i++)
    if (strcmp(name, minus_tags[i]) == 0) weight = -3;
  if (heading_level(node) || strcmp(name, "th") == 0) weight = -5;
  if (name_contains(node, good, COUNT(good))) weight += 25;
  if (name_contains(node, bad, COUNT(bad))) weight -= 25;
  return weight;
}

static double link_density(const element_facts *facts) {
  return facts->text_bytes ? (double)facts->link_bytes / (double)facts->text_bytes : 0;
}

static double final_score(const element_facts *facts) {
  return facts->score * (1.0 - link_density(facts));
}

/* Does the subtree hold a reference list (a "References" heading, a list or
** section named or marked as one)? Those stay with the content they close. */
static int holds_references(xmlNodePtr root) {
  for (xmlNodePtr node = root; node; node = ibid_xml_next(node, root, 0)) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (role_is(node, "doc-bibliography") || role_is(node, "doc-endnotes") ||
        class_or_id_has(node, reference_list_words, COUNT(reference_list_words)))
      return 1;
    if (heading_level(node)) {
      char text[96];
      short_text(node, text, sizeof(text));
      if (is_reference_heading(text)) return 1;
    }
  }
  return 0;
}

/* Is the element an <h1> or one holding one? */
static int holds_h1(xmlNodePtr root) {
  for (xmlNodePtr node = root; node; node = ibid_xml_next(node, root, 0))
    if (node->type == XML_ELEMENT_NODE && ibid_xml_is(node, "h1")) return 1;
  return 0;
}

/* Is a node inside the subtree of `root` (by document order)? */
static int within(const converter *state, const xmlNode *node, const xmlNode *root) {
  const element_facts *a = facts_of(state, node), *r = facts_of(state, root);
  return a && r && a->order >= r->order && a->order <= r->last_order;
}

/*
** Narrows state->root (the <main>, the <article> or the <body>) to the main
** content: every paragraph outside chrome gives a score (1, plus its commas,
** plus one a hundred bytes up to three) to its parent, half to its
** grandparent and a third, a sixth ... to three more ancestors, each of which
** starts with the weight of its tag and names; the candidate with the best
** score times (1 - link density) is the content. Its siblings join it when
** they score a fifth of it (at least 10), or hold prose (paragraphs, few
** links) and no comment name. A headline (the last <h1> before the content,
** within four levels above it) is written first. Linear: each paragraph
** touches five ancestors.
*/
static void choose_content(converter *state) {
  xmlNodePtr top_root = state->root;
  if (!top_root || !facts_of(state, top_root)) return;
  mode none;
  memset(&none, 0, sizeof(none));
  for (xmlNodePtr node = top_root; node;) {
    int skip = 0;
    if (node->type == XML_ELEMENT_NODE && facts_of(state, node)) {
      element_facts *facts = facts_of(state, node);
      skip = is_never_read(state, node) || (node != top_root && is_chrome(state, node, &none)) ||
             facts->note;
      if (!skip && facts->paragraph) {
        double size = (double)facts->text_bytes / 100.0;
        double points = 1.0 + (double)facts->commas + (size < 3 ? size : 3);
        xmlNodePtr up = node->parent;
        for (int level = 0; level < 5 && up && up->type == XML_ELEMENT_NODE && facts_of(state, up);
             level++, up = up->parent) {
          element_facts *candidate = facts_of(state, up);
          if (!candidate->scored) {
            candidate->scored = 1;
            candidate->score = candidate_weight(up);
          }
          candidate->score += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
          if (up == top_root) break;
        }
      }
    } else {
      skip = 1;
    }
    node = ibid_xml_next(node, top_root, skip);
  }
  xmlNodePtr top = NULL;
  double best = 0;
  for (xmlNodePtr node = top_root; node; node = ibid_xml_next(node, top_root, 0)) {
    if (node->type != XML_ELEMENT_NODE || !facts_of(state, node)) continue;
    const element_facts *facts = facts_of(state, node);
    if (facts->scored && (!top || final_score(facts) > best)) {
      top = node;
      best = final_score(facts);
    }
  }
  if (!top) return;
  /* A container whose name weighs much ("main-wrapper", "video-page") may
  ** win with all its prose in one child: the child is the content (when
  ** under 200 bytes of prose lie beside it). */
  for (int step = 0; step < 8; step++) {
    const element_facts *facts = facts_of(state, top);
    xmlNodePtr inner = NULL;
    for (xmlNodePtr child = top->children; child; child = child->next)
      if (child->type == XML_ELEMENT_NODE && facts_of(state, child) &&
          (!inner || facts_of(state, child)->prose_bytes > facts_of(state, inner)->prose_bytes))
        inner = child;
    if (!inner || facts->prose_bytes == 0 || facts_of(state, inner)->paragraph ||
        facts_of(state, inner)->prose_bytes * 10 < facts->prose_bytes * 9)
      break;
    /* (its own paragraphs beside the child are content: then it stays) */
    if (facts->prose_bytes - facts_of(state, inner)->prose_bytes >= 200) break;
    int references = 0;
    for (xmlNodePtr child = top->children; child && !references; child = child->next)
      if (child != inner && child->type == XML_ELEMENT_NODE) references = holds_references(child);
    if (references) break;
    top = inner;
  }
  best = final_score(facts_of(state, top));
  /* the siblings that belong with it */
  xmlNodePtr parent = top->parent;
  int others = 0;
  if (top != top_root && parent && facts_of(state, parent)) {
    double threshold = best * 0.2 > 10 ? best * 0.2 : 10;
    for (xmlNodePtr sibling = parent->children; sibling; sibling = sibling->next) {
      if (sibling->type != XML_ELEMENT_NODE || !facts_of(state, sibling)) continue;
      element_facts *facts = facts_of(state, sibling);
      if (sibling == top) {
        facts->keep = 1;
        continue;
      }
      if (is_never_read(state, sibling) || is_chrome(state, sibling, &none)) continue;
      if (facts->note) { /* notes are written where they stand */
        facts->keep = 1;
        continue;
      }
      int prose = facts->prose_bytes >= 80 && link_density(facts) < 0.25 &&
                  facts->prose_bytes * 2 >= facts->text_bytes &&
                  !name_contains(sibling, comment_words, COUNT(comment_words));
      if ((facts->scored && final_score(facts) >= threshold && candidate_weight(sibling) >= 0) ||
          prose || holds_references(sibling)) {
        facts->keep = 1;
        others++;
      }
    }
    /* What stands between two kept siblings (a heading, a list, a table
    ** between two runs of paragraphs) is part of the text, unless chrome. */
    xmlNodePtr first = NULL, last = NULL;
    for (xmlNodePtr sibling = parent->children; sibling; sibling = sibling->next)
      if (sibling->type == XML_ELEMENT_NODE && facts_of(state, sibling) &&
          facts_of(state, sibling)->keep) {
        if (!first) first = sibling;
        last = sibling;
      }
    for (xmlNodePtr sibling = first; others && sibling && sibling != last; sibling = sibling->next)
      if (sibling->type == XML_ELEMENT_NODE && facts_of(state, sibling) &&
          !facts_of(state, sibling)->keep && !is_never_read(state, sibling) &&
          !is_chrome(state, sibling, &none) &&
          !name_contains(sibling, comment_words, COUNT(comment_words)) &&
          candidate_weight(sibling) > -20)
        facts_of(state, sibling)->keep = 1;
    /* What opens the content before the first kept sibling: from the headline
    ** (a sibling that is or holds an <h1>: title, authors, dates) when there
    ** is one, else the headings just before it. */
    xmlNodePtr opening = NULL;
    for (xmlNodePtr before = first ? first->prev : NULL; others && before && !opening;
         before = before->prev)
      if (before->type == XML_ELEMENT_NODE && facts_of(state, before) && holds_h1(before))
        opening = before;
    for (xmlNodePtr before = first ? first->prev : NULL; others && before; before = before->prev) {
      if (before->type != XML_ELEMENT_NODE || !facts_of(state, before)) continue;
      if (opening) {
        if (!is_never_read(state, before) && !is_chrome(state, before, &none))
          facts_of(state, before)->keep = 1;
        if (before == opening) break;
      } else {
        if (!heading_level(before)) break;
        facts_of(state, before)->keep = 1;
      }
    }
  }
  if (others) {
    state->root = parent;
    state->selective = 1;
  } else {
    state->root = top;
  }
  /* the headline, when it stands before the content */
  const xmlNode *scope = state->root;
  for (int level = 0; level < 4 && scope->parent && scope->parent->type == XML_ELEMENT_NODE &&
                      facts_of(state, scope->parent) && scope != top_root;
       level++)
    scope = scope->parent;
  size_t content_order = facts_of(state, state->root)->order;
  if (state->selective)
    for (xmlNodePtr child = state->root->children; child; child = child->next)
      if (child->type == XML_ELEMENT_NODE && facts_of(state, child) &&
          facts_of(state, child)->keep) {
        content_order = facts_of(state, child)->order;
        break;
      }
  for (xmlNodePtr node = (xmlNodePtr)scope; node; node = ibid_xml_next(node, scope, 0)) {
    if (node->type != XML_ELEMENT_NODE || !facts_of(state, node)) continue;
    if (facts_of(state, node)->order >= content_order) break;
    if (ibid_xml_is(node, "h1") && !facts_of(state, node)->keep &&
        (state->selective || !within(state, node, state->root)) &&
        facts_of(state, node)->text_bytes > 0)
      state->title = node;
  }
}

/* ----- output ---------------------------------------------------------------------- */

/* Writes the decimal digits of a positive number into out (at most 11: labels
** are short); returns how many. */
static size_t decimal_digits(long number, char *out) {
  char reversed[11];
  size_t count = 0;
  do reversed[count++] = (char)('0' + number % 10);
  while ((number /= 10) && count < sizeof(reversed));
  for (size_t i = 0; i < count; i++) out[i] = reversed[count - 1 - i];
  return count;
}

static void write_marker(converter *state, long note_index, int bracketed) {
  long number = state->notes[note_index].number;
  if (!bracketed) {
    ibid_document_marker(state->document, number);
    return;
  }
  char text[16];
  size_t n = 0;
  text[n++] = '[';
  n += decimal_digits(number, text + n);
  text[n++] = ']';
  ibid_document_glued(state->document, text, n);
}

static int is_marker(const converter *state, const xmlNode *node) {
  return node->type == XML_ELEMENT_NODE && node->_private && facts_of(state, node)->marker;
}

/* A marker link: its note's number, in brackets when the link prints "[N]". */
static void write_marker_link(converter *state, const xmlNode *link) {
  char text[32];
  short_text(link, text, sizeof(text));
  write_marker(state, facts_of(state, facts_of(state, link)->marker)->note - 1, text[0] == '[');
}

/* The marker links inside a <sup> (or the link itself): written glued,
** separated by commas. Returns how many. */
static int write_markers_in(converter *state, xmlNodePtr root) {
  int written = 0;
  for (xmlNodePtr node = root; node;) {
    int marker = is_marker(state, node);
    if (marker) {
      if (written) ibid_document_glued(state->document, ",", 1);
      write_marker_link(state, node);
      written++;
    }
    node = ibid_xml_next(node, root, marker);
  }
  return written;
}

/* Does a small subtree hold a marker link? A larger one is written node by
** node, its marker links each on their own (bounded: see SMALL_SUBTREE_NODES). */
static int contains_marker(const converter *state, xmlNodePtr root) {
  size_t visited = 0;
  for (const xmlNode *node = root; node && visited++ < SMALL_SUBTREE_NODES;
       node = ibid_xml_next(node, root, 0))
    if (is_marker(state, node)) return 1;
  return 0;
}

static int is_digits_only(const char *text) {
  if (!*text) return 0;
  for (const char *p = text; *p; p++)
    if (!((*p >= '0' && *p <= '9') || *p == ',' || *p == ' ')) return 0;
  return text[0] >= '1' && text[0] <= '9';
}

/* A link inside a note that leads back to its marker ("↩", "^", "[3]"). */
static int is_back_link(const converter *state, const xmlNode *link) {
  if (role_is(link, "doc-backlink")) return 1;
  const char *href = attribute(link, "href");
  if (!href || href[0] != '#') return 0;
  xmlNodePtr target = href[1] ? find_id(state, href + 1) : NULL;
  if (target && facts_of(state, target)->order < facts_of(state, link)->order) {
    /* "see note 3" links to another note: its text stays */
    const xmlNode *block = note_block((xmlNodePtr)target);
    if (facts_of(state, target)->note || (block && facts_of(state, block)->note)) return 0;
    char text[32];
    short_text(link, text, sizeof(text));
    return text[0] == 0 || strlen(text) <= 12;
  }
  return 0;
}

/* Publisher links after each reference ("Google Scholar", "CrossRef"): they
** search for the work elsewhere; they are not part of it. */
static int is_lookup_link(const xmlNode *link) {
  static const char *const names[] = {
      "google scholar", "crossref", "pubmed", "pubmed central", "web of science", "worldcat",
      "scopus",         "isi",      "cas",    "medline",        "openurl",        "find it"};
  char text[40];
  short_text(link, text, sizeof(text));
  for (size_t i = 0; i < COUNT(names); i++)
    if (equals_caseless(text, names[i])) return 1;
  return 0;
}

/* Is the href a link worth keeping (a web address, not an anchor or script)? */
static int is_external(const char *href) {
  if (!href) return 0;
  while (*href == ' ') href++;
  return strncmp(href, "http://", 7) == 0 || strncmp(href, "https://", 8) == 0 ||
         strncmp(href, "ftp://", 6) == 0 || strncmp(href, "doi:", 4) == 0 ||
         strncmp(href, "//", 2) == 0;
}

/* Glued text without its ASCII white space and controls: ibid_document_glued
** drops them itself, but skips one byte too many after a tab or line break
** (see the report), which would cut the next UTF-8 character. */
static void write_glued(ibid_document *document, const char *text, size_t length) {
  size_t start = 0;
  for (size_t i = 0; i <= length; i++) {
    if (i == length || (unsigned char)text[i] <= ' ' || text[i] == 0x7F) {
      if (i > start) ibid_document_glued(document, text + start, i - start);
      start = i + 1;
    }
  }
}

static void write_text_node(converter *state, const xmlNode *node, const mode *current) {
  const char *text = (const char *)node->content;
  if (!text) return;
  size_t length = strlen(text);
  if (current->glued) {
    write_glued(state->document, text, length);
  } else if (current->preformatted) {
    size_t start = 0;
    for (size_t i = 0; i <= length; i++) {
      if (i == length || text[i] == '\n') {
        ibid_document_text(state->document, text + start, i - start);
        if (i < length) ibid_document_end_block(state->document);
        start = i + 1;
      }
    }
  } else {
    ibid_document_text(state->document, text, length);
  }
}

/* Drops "↩", "↑" and "^" (back-link arrows) from note text. */
static void write_note_text(converter *state, const char *text, size_t length,
                            const mode *current) {
  size_t start = 0;
  for (size_t i = 0; i < length;) {
    uint32_t c;
    size_t size = ibid_utf8_decode(text, length, i, &c);
    if (size == 0) size = 1;
    if (c == 0x21A9 || c == 0x2191 || c == 0x2934 || c == 0xFE0E || c == '^') {
      ibid_document_text(state->document, text + start, i - start);
      start = i + size;
    }
    i += size;
  }
  if (current->glued)
    write_glued(state->document, text + start, length - start);
  else
    ibid_document_text(state->document, text + start, length - start);
}

/* "12 " or "[12] " at the start of a note's block. */
static void write_label(ibid_document *document, long number, int bracketed) {
  char label[24];
  size_t n = 0;
  if (bracketed) label[n++] = '[';
  n += decimal_digits(number, label + n);
  if (bracketed) label[n++] = ']';
  label[n++] = ' ';
  ibid_document_text(document, label, n);
}

static int output_enter(converter *state, xmlNodePtr node, mode_stack *modes);
static void output_leave(converter *state, xmlNodePtr node, mode_stack *modes);

static int previous_block_is_heading(const converter *state) {
  return state->heading_end == state->document->body.length;
}

/* Writes every note, in page order, as a notes section. */
static int write_notes(converter *state, mode_stack *modes) {
  state->notes_written = 1;
  if (state->note_count == 0) return 0;
  ibid_document *document = state->document;
  ibid_document_end_block(document);
  if (!previous_block_is_heading(state)) {
    int endnotes = 0;
    for (size_t i = 0; i < state->note_count; i++)
      if (state->notes[i].endnote_like || state->notes[i].bracketed) endnotes = 1;
    const char *heading = endnotes ? "Notes" : "Footnotes";
    ibid_document_text(document, heading, strlen(heading));
    ibid_document_end_block(document);
  }
  for (size_t i = 0; i < state->note_count; i++) {
    note_entry *note = &state->notes[i];
    ibid_document_end_block(document);
    /* A lone numbered line is not trusted as a note by ibid_notes: a page
    ** with one note writes its label in the unambiguous superscript form. */
    if (state->note_count == 1 && !note->bracketed) {
      write_marker(state, (long)i, 0);
      ibid_document_space(document);
    } else {
      write_label(document, note->number, note->bracketed);
    }
    mode note_mode = {1, 0, (long)i + 1, 0, 0, 0, 1};
    if (push_mode(state, modes, &note_mode)) return -1;
    size_t depth = modes->count;
    /* the note's own children: the element itself is a note, which the
    ** enter function would skip */
    for (xmlNodePtr child = note->node->children; child; child = child->next) {
      if (walk(state, child, output_enter, output_leave, modes)) return -1;
      modes->count = depth;
    }
    modes->count--;
    ibid_document_end_block(document);
  }
  state->heading_end = (size_t)-1;
  return 0;
}

static int output_enter(converter *state, xmlNodePtr node, mode_stack *modes) {
  if (state->failed) return -1;
  mode *current = current_mode(modes);
  ibid_document *document = state->document;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (!node->content) return 0;
    if (current->note) {
      const char *text = (const char *)node->content;
      size_t length = strlen(text);
      const note_entry *note = &state->notes[current->note - 1];
      if (note->label_node == node) {
        text += note->label_bytes;
        length -= note->label_bytes;
      }
      write_note_text(state, text, length, current);
    } else if (!(state->selective && node->parent == state->root)) {
      write_text_node(state, node, current);
    }
    return 0;
  }
  if (node->type != XML_ELEMENT_NODE || !node->name) return 0;
  element_facts *facts = facts_of(state, node);
  if (!facts || (facts->kind & KIND_NEVER_READ)) return 0;
  if (facts->note && current->note == 0) {
    if (!state->notes_written && !state->notes_at_end && write_notes(state, modes)) return -1;
    return 0;
  }
  if (state->selective && node->parent == state->root && !facts->keep) return 0;
  if (node != state->root && is_chrome(state, node, current)) return 0;
  mode next = *current;
  if (node == state->root) next.in_main = 1;
  const char *name = (const char *)node->name;
  int level = heading_level(node);
  if (strcmp(name, "br") == 0) {
    if (current->joined || current->glued)
      ibid_document_space(document);
    else
      ibid_document_end_block(document);
    return 0;
  }
  if (strcmp(name, "hr") == 0) {
    if (!current->joined) ibid_document_end_block(document);
    return 0;
  }
  if (strcmp(name, "a") == 0) {
    if (facts->marker && current->note == 0) {
      write_marker_link(state, node);
      return 0;
    }
    if (current->note && is_back_link(state, node)) {
      /* the label link of a Word-style note is written by us already */
      return 0;
    }
    if ((current->note || current->references) && is_lookup_link(node)) return 0;
    facts->span_start = ibid_document_next_position(document);
  } else if (strcmp(name, "sup") == 0 || strcmp(name, "sub") == 0) {
    if (current->note == 0 && contains_marker(state, node)) {
      write_markers_in(state, node);
      return 0;
    }
    next.glued = 1;
    char text[16];
    short_text(node, text, sizeof(text));
    if (strcmp(name, "sup") == 0 && state->note_count && current->note == 0 &&
        is_digits_only(text) && strlen(text) <= 3) {
      /* an unlinked note marker on a page with notes */
      long number = atol(text);
      for (size_t i = 0; i < state->note_count; i++) {
        if (state->notes[i].number == number) {
          write_marker(state, (long)i, 0);
          return 0;
        }
      }
    }
  } else if (level) {
    ibid_document_end_block(document);
    next.joined = 1;
    char text[96];
    short_text(node, text, sizeof(text));
    if (state->reference_section && level <= state->reference_section) state->reference_section = 0;
    if (is_reference_heading(text)) state->reference_section = level;
  } else if (strcmp(name, "li") == 0) {
    ibid_document_end_block(document);
    next.joined = 1;
    xmlNodePtr list = node->parent;
    if (list && ibid_xml_is(list, "ol")) {
      char label[24];
      size_t n = decimal_digits(list_item_value(state, node), label);
      label[n++] = '.';
      label[n++] = ' ';
      ibid_document_text(document, label, n);
    } else if (list && !current->references &&
               (ibid_xml_is(list, "ul") || ibid_xml_is(list, "menu") || ibid_xml_is(list, "dir"))) {
      /* (an entry of a reference list is written bare, as bibliographies print it) */
      const char *bullet = current->list_depth >= 2 ? "\xE2\x97\xA6 " : "\xE2\x80\xA2 ";
      ibid_document_text(document, bullet, strlen(bullet));
    }
  } else if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) {
    if (current->note) {
      ibid_document_space(document);
    } else {
      ibid_document_end_block(document);
      next.joined = 0;
      next.list_depth = current->list_depth + 1;
      if (state->reference_section ||
          class_or_id_has(node, reference_list_words, COUNT(reference_list_words)) ||
          role_is(node, "doc-bibliography"))
        next.references = 1;
    }
  } else if (strcmp(name, "tr") == 0) {
    int data = 1;
    for (xmlNodePtr cell = node->children; cell; cell = cell->next)
      if (cell->type == XML_ELEMENT_NODE && cell->_private && facts_of(state, cell)->has_block)
        data = 0;
    facts->data_row = data;
    facts->counter = 0;
    if (current->joined)
      ibid_document_space(document);
    else
      ibid_document_end_block(document);
    if (data) next.joined = 1;
  } else if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) && node->parent &&
             node->parent->_private && facts_of(state, node->parent)->data_row &&
             current->note == 0) {
    if (facts_of(state, node->parent)->counter++ > 0) ibid_document_tab(document);
  } else if (strcmp(name, "pre") == 0) {
    ibid_document_end_block(document);
    next.preformatted = 1;
  } else if (is_block(state, node)) {
    if (current->joined)
      ibid_document_space(document);
    else
      ibid_document_end_block(document);
    if (role_is(node, "doc-bibliography") ||
        class_or_id_has(node, reference_list_words, COUNT(reference_list_words)))
      next.references = 1;
    if (role_is(node, "doc-biblioentry")) next.references = 1;
  }
  if (push_mode(state, modes, &next)) return -1;
  return 1;
}

static void output_leave(converter *state, xmlNodePtr node, mode_stack *modes) {
  mode *current = current_mode(modes);
  ibid_document *document = state->document;
  element_facts *facts = facts_of(state, node);
  if (facts && ibid_xml_is(node, "a") && (current->note || current->references)) {
    const char *href = attribute(node, "href");
    size_t end = ibid_document_end_position(document);
    if (is_external(href) && end > facts->span_start) {
      while (*href == ' ') href++;
      int number = current->note ? (int)state->notes[current->note - 1].number : 0;
      ibid_document_reference(document, facts->span_start, end - facts->span_start, number, NULL,
                              NULL, href);
    }
  }
  modes->count--;
  if (modes->count == 0) return;
  mode *outer = current_mode(modes);
  if (heading_level(node) && !outer->joined) {
    ibid_document_end_block(document);
    state->heading_end = document->body.length;
  } else if (is_block(state, node) && !ibid_xml_is(node, "br") && !ibid_xml_is(node, "hr") &&
             !(facts && ibid_xml_is(node, "td")) && !(facts && ibid_xml_is(node, "th"))) {
    if (outer->joined)
      ibid_document_space(document);
    else
      ibid_document_end_block(document);
  } else if (ibid_xml_is(node, "td") || ibid_xml_is(node, "th")) {
    if (!(node->parent && node->parent->_private && facts_of(state, node->parent)->data_row)) {
      if (outer->joined)
        ibid_document_space(document);
      else
        ibid_document_end_block(document);
    }
  }
}

/* ----- metadata ------------------------------------------------------------------------ */

static void trimmed(const char *text, const char **start, size_t *length) {
  const char *s = text, *e = text + strlen(text);
  while (s < e && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')) s++;
  while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' || e[-1] == '\r')) e--;
  *start = s;
  *length = (size_t)(e - s);
}

/* Writes a string member with white space collapsed. */
static void meta_string(converter *state, const char *key, const char *value) {
  if (!value) return;
  ibid_buffer clean;
  ibid_buffer_init(&clean);
  int space = 0;
  for (const char *p = value; *p; p++) {
    if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
      space = clean.length > 0;
      continue;
    }
    if (space) ibid_buffer_append_char(&clean, ' ');
    space = 0;
    ibid_buffer_append_char(&clean, *p);
  }
  if (clean.length && !clean.failed)
    ibid_document_meta_string(state->document, key, clean.data, clean.length);
  if (clean.failed) state->failed = 1;
  ibid_buffer_free(&clean);
}

/* {"family":..,"given":..} from "Family, Given" or "Given Family". */
static void write_name(ibid_buffer *out, const char *name) {
  const char *start;
  size_t length;
  trimmed(name, &start, &length);
  const char *comma = memchr(start, ',', length);
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  if (comma) {
    const char *given = comma + 1;
    while (given < start + length && *given == ' ') given++;
    ibid_json_object_string(&object, "family", start, (size_t)(comma - start));
    if (given < start + length)
      ibid_json_object_string(&object, "given", given, (size_t)(start + length - given));
  } else {
    const char *last = start + length;
    while (last > start && last[-1] != ' ') last--;
    if (last > start) {
      size_t given = (size_t)(last - start);
      while (given && start[given - 1] == ' ') given--;
      ibid_json_object_string(&object, "family", last, (size_t)(start + length - last));
      ibid_json_object_string(&object, "given", start, given);
    } else {
      ibid_json_object_string(&object, "literal", start, length);
    }
  }
  ibid_json_object_end(&object);
}

static void meta_authors(converter *state, const char **names, size_t count) {
  if (!count) return;
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_append_char(&out, '[');
  for (size_t i = 0; i < count; i++) {
    if (i) ibid_buffer_append_char(&out, ',');
    write_name(&out, names[i]);
  }
  ibid_buffer_append_char(&out, ']');
  ibid_document_meta_take(state->document, "author", &out);
}

/* "2018", "2018-10", "2018/10/01", "2018-10-01T12:00" -> date-parts. */
static void meta_date(converter *state, const char *value) {
  if (!value) return;
  long parts[3] = {0, 0, 0};
  int count = 0;
  const char *p = value;
  while (*p == ' ') p++;
  while (count < 3) {
    int digits = 0;
    long number = 0;
    while (*p >= '0' && *p <= '9' && digits < 5) number = number * 10 + (*p++ - '0'), digits++;
    if (!digits) break;
    if (count == 0 && (digits != 4 || number < 1000)) return;
    if (count == 1 && (number < 1 || number > 12)) break;
    if (count == 2 && (number < 1 || number > 31)) break;
    parts[count++] = number;
    if (*p != '-' && *p != '/' && *p != '.') break;
    p++;
  }
  if (!count) return;
  ibid_buffer out;
  ibid_buffer_init(&out);
  ibid_buffer_append_string(&out, "{\"date-parts\":[[");
  for (int i = 0; i < count; i++) {
    if (i) ibid_buffer_append_char(&out, ',');
    ibid_buffer_append_int(&out, parts[i]);
  }
  ibid_buffer_append_string(&out, "]]}");
  ibid_document_meta_take(state->document, "issued", &out);
}

/* "10.1017/x", "doi:10.1017/x", "https://doi.org/10.1017/x" -> "10.1017/x". */
static const char *doi_of(const char *value) {
  if (!value) return NULL;
  const char *found = strstr(value, "10.");
  if (!found) return NULL;
  const char *slash = strchr(found, '/');
  if (!slash) return NULL;
  for (const char *p = found + 3; p < slash; p++)
    if (*p < '0' || *p > '9') return NULL;
  return found;
}

static void write_meta(converter *state) {
  page_meta *meta = &state->meta;
  const char *title = meta->citation_title ? meta->citation_title
                      : meta->dc_title     ? meta->dc_title
                      : meta->og_title     ? meta->og_title
                                           : meta->title;
  meta_string(state, "title", title);
  if (meta->author_count)
    meta_authors(state, meta->authors, meta->author_count);
  else
    meta_authors(state, meta->dc_creators, meta->creator_count);
  meta_date(state, meta->date ? meta->date : meta->dc_date);
  meta_string(state, "container-title", meta->journal);
  meta_string(state, "volume", meta->volume);
  meta_string(state, "issue", meta->issue);
  if (meta->first_page) {
    char page[64];
    const char *first, *last = NULL;
    size_t first_length, last_length = 0;
    trimmed(meta->first_page, &first, &first_length);
    if (meta->last_page) trimmed(meta->last_page, &last, &last_length);
    if (first_length + last_length + 4 < sizeof(page) && first_length) {
      size_t n = 0;
      memcpy(page, first, first_length);
      n = first_length;
      if (last_length && !(last_length == first_length && memcmp(first, last, first_length) == 0)) {
        memcpy(page + n, "\xE2\x80\x93", 3); /* en dash, as CSL prints ranges */
        n += 3;
        memcpy(page + n, last, last_length);
        n += last_length;
      }
      page[n] = 0;
      meta_string(state, "page", page);
    }
  }
  const char *doi = doi_of(meta->doi);
  if (!doi) doi = doi_of(meta->dc_identifier);
  meta_string(state, "DOI", doi);
  meta_string(state, "publisher", meta->publisher);
  if (meta->url && is_external(meta->url)) meta_string(state, "URL", meta->url);
  meta_string(state, "language", meta->language);
  meta_string(state, "abstract", meta->abstract);
  if (state->document->meta_members) {
    const char *type = meta->journal ? "article-journal" : "webpage";
    ibid_document_meta_string(state->document, "type", type, strlen(type));
  }
}

/* ----- encoding -------------------------------------------------------------------------- */

/* The charset a page declares in its first bytes ("charset=..."), in out. */
static int declared_charset(const char *bytes, size_t length, char *out, size_t size) {
  size_t window = length < 4096 ? length : 4096;
  static const char key[] = "charset";
  for (size_t i = 0; i + sizeof(key) < window; i++) {
    size_t k = 0;
    while (k < sizeof(key) - 1 && lower(bytes[i + k]) == key[k]) k++;
    if (k < sizeof(key) - 1) continue;
    size_t at = i + k;
    while (at < window && bytes[at] == ' ') at++;
    if (at >= window || bytes[at] != '=') continue;
    at++;
    while (at < window && (bytes[at] == ' ' || bytes[at] == '"' || bytes[at] == '\'')) at++;
    size_t n = 0;
    while (at < window && n + 1 < size &&
           (is_alphanumeric(bytes[at]) || bytes[at] == '-' || bytes[at] == '_' ||
            bytes[at] == '.' || bytes[at] == ':'))
      out[n++] = bytes[at++];
    out[n] = 0;
    if (n) return 1;
  }
  return 0;
}

static int is_utf8_name(const char *name) {
  return equals_caseless(name, "utf-8") || equals_caseless(name, "utf8");
}

/* Latin-1 and ASCII labels mean Windows-1252 on the web (as in browsers). */
static const char *web_charset(const char *name) {
  static const char *const latin[] = {"iso-8859-1", "iso8859-1", "latin1",      "latin-1",
                                      "us-ascii",   "ascii",     "l1",          "iso_8859-1",
                                      "cp1252",     "x-cp1252",  "windows-1252"};
  for (size_t i = 0; i < COUNT(latin); i++)
    if (equals_caseless(name, latin[i])) return "windows-1252";
  return name;
}

/* Converts bytes in `charset` to UTF-8 with ICU (bad bytes become U+FFFD). */
static char *recode(const char *bytes, size_t length, const char *charset, size_t *out_length) {
  if (length > (size_t)INT32_MAX / 4) return NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = ucnv_convert("UTF-8", charset, NULL, 0, bytes, (int32_t)length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
  char *out = ibid_malloc((size_t)needed + 1);
  if (!out) return NULL;
  status = U_ZERO_ERROR;
  int32_t written =
      ucnv_convert("UTF-8", charset, out, needed + 1, bytes, (int32_t)length, &status);
  if (U_FAILURE(status)) {
    ibid_free(out);
    return NULL;
  }
  *out_length = (size_t)written;
  return out;
}

/* A copy of bytes as UTF-8 libxml2 reads without complaint: recoded per the
** BOM or declared charset (Windows-1252 when undeclared and not UTF-8), NULs
** and control characters turned into blanks. NULL when out of memory. */
static char *prepare_input(const char *bytes, size_t length, ibid_document *document,
                           size_t *out_length) {
  const char *charset = NULL;
  char declared[48];
  if (length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
    bytes += 3, length -= 3;
  } else if (length >= 2 && memcmp(bytes, "\xFF\xFE", 2) == 0) {
    charset = "UTF-16LE", bytes += 2, length -= 2;
  } else if (length >= 2 && memcmp(bytes, "\xFE\xFF", 2) == 0) {
    charset = "UTF-16BE", bytes += 2, length -= 2;
  } else if (declared_charset(bytes, length, declared, sizeof(declared)) &&
             !is_utf8_name(declared) && !equals_caseless(declared, "utf-16")) {
    charset = web_charset(declared);
  }
  size_t bad;
  if (!charset && !ibid_utf8_valid(bytes, length, &bad)) charset = "windows-1252";
  char *copy = NULL;
  size_t copy_length = 0;
  if (charset) {
    copy = recode(bytes, length, charset, &copy_length);
    if (!copy && strcmp(charset, "windows-1252") != 0)
      copy = recode(bytes, length, "windows-1252", &copy_length);
    if (copy) document->recoded = 1;
  }
  if (!copy) {
    if (charset) {
      /* ICU could not read it: keep the ASCII bytes */
      copy = ibid_malloc(length + 1);
      if (!copy) return NULL;
      for (size_t i = 0; i < length; i++) copy[i] = (unsigned char)bytes[i] < 0x80 ? bytes[i] : '?';
    } else {
      copy = ibid_malloc(length + 1);
      if (!copy) return NULL;
      memcpy(copy, bytes, length);
    }
    copy_length = length;
  }
  for (size_t i = 0; i < copy_length; i++) {
    unsigned char c = (unsigned char)copy[i];
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) copy[i] = ' ';
  }
  copy[copy_length] = 0;
  *out_length = copy_length;
  return copy;
}

/* ----- entry point ---------------------------------------------------------------------- */

static void no_error(void *context, xmlErrorPtr error) {
  (void)context;
  (void)error;
}

/* NULL when it could not be parsed, or when progress said stop. */
static xmlDocPtr parse(const char *text, size_t length, ibid_progress *progress) {
  htmlParserCtxtPtr context = htmlNewParserCtxt();
  if (!context) return NULL;
  if (context->sax) {
    context->sax->serror = no_error;
    context->sax->error = NULL;
    context->sax->warning = NULL;
  }
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  int size = length > (size_t)INT_MAX ? INT_MAX : (int)length;
  ibid_xml_watch watch; /* stops the parser when interrupted (xml_text.h) */
  ibid_xml_watch_parser(context, &watch, progress);
  xmlDocPtr tree = htmlCtxtReadMemory(context, text, size, NULL, "UTF-8", options);
  htmlFreeParserCtxt(context);
  if (tree && ibid_progress_stopped(progress)) {
    xmlFreeDoc(tree);
    tree = NULL;
  }
  return tree;
}

static void free_state(converter *state) {
  ibid_free(state->facts);
  ibid_free(state->ids);
  ibid_free(state->links);
  ibid_free(state->notes);
  ibid_free(state->meta.authors);
  ibid_free(state->meta.dc_creators);
}

/* Writes the headline and the content root (then the notes not written yet). */
static int write_content(converter *state, mode_stack *modes) {
  state->heading_end = (size_t)-1;
  mode start = {0, 0, 0, 0, 0, 0, 0};
  if (push_mode(state, modes, &start)) return -1;
  int rc = 0;
  if (state->title) {
    rc = walk(state, state->title, output_enter, output_leave, modes);
    modes->count = 1;
  }
  if (rc == 0 && state->root) rc = walk(state, state->root, output_enter, output_leave, modes);
  if (rc == 0 && !state->notes_written && state->note_count) {
    modes->count = 1;
    rc = write_notes(state, modes);
  }
  return rc;
}

/* Forgets what was written, for a second attempt. */
static void reset_output(converter *state) {
  ibid_document *document = state->document;
  document->body.length = 0;
  document->body_characters = 0;
  document->pending_space = document->pending_break = 0;
  document->references.length = 0;
  document->reference_count = 0;
  state->notes_written = 0;
  state->reference_section = 0;
}

static int convert_tree(converter *state) {
  xmlNodePtr top = xmlDocGetRootElement(state->tree);
  if (!top) return 0;
  size_t elements = count_elements(top);
  state->facts = ibid_malloc((elements ? elements : 1) * sizeof(element_facts));
  if (!state->facts) return -1;
  mode_stack modes = {0};
  if (walk(state, top, facts_enter, facts_leave, &modes) || state->failed) return -1;
  if (state->id_count > 1) qsort(state->ids, state->id_count, sizeof(id_entry), compare_ids);
  xmlNodePtr body = state->body ? state->body : top;
  state->total_text = facts_of(state, body)->text_bytes;
  resolve_markers(state);
  find_listed_notes(state);
  if (state->failed) return -1;
  number_notes(state);
  state->notes_at_end = !notes_after_markers(state);
  state->root = find_root(state);
  choose_content(state);
  int rc = write_content(state, &modes);
  /* Nothing, or next to nothing, of a page with text: the page is not what the
  ** scoring expects (an app shell, content in odd places). Keep the whole
  ** page's text rather than nothing, and say so. */
  size_t written = state->document->body.length;
  if (rc == 0 && !state->failed && state->total_text >= 200 &&
      (written == 0 || (written * 20 < state->total_text && written < 500))) {
    reset_output(state);
    state->root = state->body ? state->body : top;
    state->title = NULL;
    state->selective = 0;
    state->whole_page = 1;
    modes.count = 0;
    rc = write_content(state, &modes);
    ibid_document_fail(state->document,
                       written
                           ? "HTML main content implausibly short: the whole page's text was kept"
                           : "HTML main content not found: the whole page's text was kept");
  }
  ibid_free(modes.items);
  if (rc || state->failed) return -1;
  ibid_document_end_block(state->document);
  write_meta(state);
  return state->failed ? -1 : 0;
}

int ibid_html_convert(const char *bytes, size_t length, ibid_document *document) {
  document->format = IBID_FORMAT_HTML;
  size_t text_length;
  char *text = prepare_input(bytes, length, document, &text_length);
  if (!text) return -1;
  converter state;
  memset(&state, 0, sizeof(state));
  state.document = document;
  int rc = 0;
  state.tree = text_length ? parse(text, text_length, document->progress) : NULL;
  if (state.tree) {
    rc = convert_tree(&state);
    xmlFreeDoc(state.tree);
  } else if (ibid_progress_stopped(document->progress)) {
    rc = -1; /* interrupted */
  } else if (text_length) {
    ibid_document_fail(document, "the HTML could not be parsed");
  }
  free_state(&state);
  ibid_free(text);
  if (rc == 0 && ibid_document_failed(document)) rc = -1;
  return rc;
}
