/*
** xml_text.c -- libxml2 reading, tree walking, notes and CSL building shared
** by the JATS and TEI converters (see xml_text.h).
*/
#include "xml_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "utf8.h"

/* Deeper trees are cut: libxml2 already stops at 256 levels without
** XML_PARSE_HUGE; this guards the recursion of the walker regardless. */
#define MAX_DEPTH 1024
/* Text of an entity declared in the document is written only when this short:
** a longer one referenced many times would multiply the input's size. */
#define MAX_ENTITY_TEXT 8

/* Parser errors are expected on untrusted input and reported through
** document->error; libxml2 must not print them. */
static void ignore_error(void *data, xmlErrorPtr error) {
  (void)data;
  (void)error;
}

/* ----- interrupting the parser --------------------------------------------- */

/* Counts what the parser read since the last event; stops it when told. */
static void watch_event(void *user) {
  xmlParserCtxtPtr context = user;
  ibid_xml_watch *watch = context->_private;
  if (!watch || context->inputNr < 1 || !context->inputTab[0]) return;
  const xmlParserInput *input = context->inputTab[0];
  unsigned long at = input->consumed;
  if (input->cur && input->base && input->cur >= input->base)
    at += (unsigned long)(input->cur - input->base);
  size_t work = 1;
  if (at > watch->consumed) {
    work += (size_t)(at - watch->consumed);
    watch->consumed = at;
  }
  if (ibid_progress_step(watch->progress, work)) xmlStopParser(context);
}

static void watch_start_element(void *user, const xmlChar *name, const xmlChar **attributes) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)
      ->original.startElement(user, name, attributes);
  watch_event(user);
}

static void watch_end_element(void *user, const xmlChar *name) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)->original.endElement(user, name);
  watch_event(user);
}

static void watch_start_element_ns(void *user, const xmlChar *name, const xmlChar *prefix,
                                   const xmlChar *uri, int namespace_count,
                                   const xmlChar **namespaces, int attribute_count, int defaulted,
                                   const xmlChar **attributes) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)
      ->original.startElementNs(user, name, prefix, uri, namespace_count, namespaces,
                                attribute_count, defaulted, attributes);
  watch_event(user);
}

static void watch_end_element_ns(void *user, const xmlChar *name, const xmlChar *prefix,
                                 const xmlChar *uri) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)
      ->original.endElementNs(user, name, prefix, uri);
  watch_event(user);
}

static void watch_characters(void *user, const xmlChar *text, int length) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)->original.characters(user, text, length);
  watch_event(user);
}

static void watch_blanks(void *user, const xmlChar *text, int length) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)
      ->original.ignorableWhitespace(user, text, length);
  watch_event(user);
}

static void watch_cdata(void *user, const xmlChar *text, int length) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)->original.cdataBlock(user, text, length);
  watch_event(user);
}

static void watch_comment(void *user, const xmlChar *text) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)->original.comment(user, text);
  watch_event(user);
}

static void watch_instruction(void *user, const xmlChar *target, const xmlChar *data) {
  ((ibid_xml_watch *)((xmlParserCtxtPtr)user)->_private)
      ->original.processingInstruction(user, target, data);
  watch_event(user);
}

void ibid_xml_watch_parser(xmlParserCtxtPtr context, ibid_xml_watch *watch,
                           ibid_progress *progress) {
  memset(watch, 0, sizeof(*watch));
  watch->progress = progress;
  if (!progress || !context || !context->sax) return;
  xmlSAXHandler *sax = context->sax;
  watch->original = *sax;
  context->_private = watch;
  /* Only the callbacks the parser has: HTML's handler has no Ns ones. */
  if (sax->startElement) sax->startElement = watch_start_element;
  if (sax->endElement) sax->endElement = watch_end_element;
  if (sax->startElementNs) sax->startElementNs = watch_start_element_ns;
  if (sax->endElementNs) sax->endElementNs = watch_end_element_ns;
  if (sax->characters) sax->characters = watch_characters;
  if (sax->ignorableWhitespace) sax->ignorableWhitespace = watch_blanks;
  if (sax->cdataBlock) sax->cdataBlock = watch_cdata;
  if (sax->comment) sax->comment = watch_comment;
  if (sax->processingInstruction) sax->processingInstruction = watch_instruction;
}

/* ----- reading ---------------------------------------------------------- */

xmlDocPtr ibid_xml_read(const char *bytes, size_t length, ibid_document *document) {
  if (length > INT_MAX) {
    ibid_document_fail(document, "XML document too large (over 2 GB)");
    return NULL;
  }
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  if (!context) {
    ibid_document_fail(document, "XML parser could not be created (out of memory)");
    return NULL;
  }
  context->sax->serror = ignore_error;
  context->sax->error = NULL;
  context->sax->warning = NULL;
  context->vctxt.error = NULL;
  context->vctxt.warning = NULL;
  /* No XML_PARSE_NOENT (entity expansion), XML_PARSE_DTDLOAD or
  ** XML_PARSE_HUGE: see the header. */
  int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_NOCDATA;
  ibid_xml_watch watch;
  ibid_xml_watch_parser(context, &watch, document->progress);
  xmlDocPtr tree = xmlCtxtReadMemory(context, bytes, (int)length, NULL, NULL, options);
  int well_formed = context->wellFormed;
  xmlFreeParserCtxt(context);
  if (ibid_progress_stopped(document->progress)) { /* interrupted: no partial tree */
    if (tree) xmlFreeDoc(tree);
    return NULL;
  }
  if (!tree || !xmlDocGetRootElement(tree)) {
    if (tree) xmlFreeDoc(tree);
    ibid_document_fail(document, "not well-formed XML: nothing could be read");
    return NULL;
  }
  if (!well_formed)
    ibid_document_fail(document, "malformed XML: read as far as it could be recovered");
  return tree;
}

/* ----- finding things in the tree ----------------------------------------- */

int ibid_xml_is(const xmlNode *node, const char *name) {
  return node && node->type == XML_ELEMENT_NODE && node->name &&
         strcmp((const char *)node->name, name) == 0;
}

const char *ibid_xml_attribute(const xmlNode *node, const char *name) {
  if (!node || node->type != XML_ELEMENT_NODE) return NULL;
  for (const xmlAttr *attribute = node->properties; attribute; attribute = attribute->next) {
    if (!attribute->name || strcmp((const char *)attribute->name, name) != 0) continue;
    const xmlNode *value = attribute->children;
    if (value && value->type == XML_TEXT_NODE && !value->next && value->content)
      return (const char *)value->content;
    return ""; /* an empty value, or one split by entity references */
  }
  return NULL;
}

int ibid_xml_equals(const char *value, const char *word) {
  if (!value) return 0;
  for (; *value && *word; value++, word++) {
    char a = *value, b = *word;
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    if (a != b) return 0;
  }
  return *value == 0 && *word == 0;
}

int ibid_xml_is_one_of(const xmlNode *node, const char *const *names) {
  for (; *names; names++)
    if (ibid_xml_is(node, *names)) return 1;
  return 0;
}

xmlNode *ibid_xml_child(const xmlNode *node, const char *name) {
  if (!node) return NULL;
  for (xmlNode *child = node->children; child; child = child->next)
    if (ibid_xml_is(child, name)) return child;
  return NULL;
}

xmlNode *ibid_xml_next(const xmlNode *node, const xmlNode *root, int skip_children) {
  /* Only elements are descended into: an entity reference's children are
  ** the entity's declaration, which must not be expanded. */
  if (!skip_children && node->type == XML_ELEMENT_NODE && node->children) return node->children;
  while (node && node != root) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return NULL;
}

xmlNode *ibid_xml_descendant(const xmlNode *node, const char *name) {
  if (!node || !node->children) return NULL;
  for (xmlNode *at = node->children; at; at = ibid_xml_next(at, node, 0))
    if (ibid_xml_is(at, name)) return at;
  return NULL;
}

/* ----- text --------------------------------------------------------------- */

/* The text an entity reference stands for, without expanding anything: a
** short declared entity's literal text, or an HTML entity name (&nbsp;,
** &mdash;) that JATS and TEI files use with a DTD we do not load. */
static size_t entity_text(const xmlNode *node, char *out, size_t capacity) {
  const xmlEntity *entity = (const xmlEntity *)node->children;
  if (entity && entity->type == XML_ENTITY_DECL && entity->content) {
    size_t length = strlen((const char *)entity->content);
    if (length > MAX_ENTITY_TEXT || length > capacity) return 0;
    if (memchr(entity->content, '&', length) || memchr(entity->content, '<', length)) return 0;
    memcpy(out, entity->content, length);
    return length;
  }
  if (!node->name) return 0;
  const htmlEntityDesc *html = htmlEntityLookup(node->name);
  if (!html || capacity < 4) return 0;
  ibid_buffer buffer;
  ibid_buffer_init(&buffer);
  ibid_buffer_append_codepoint(&buffer, html->value);
  size_t length = buffer.failed || buffer.length > capacity ? 0 : buffer.length;
  if (length) memcpy(out, buffer.data, length);
  ibid_buffer_free(&buffer);
  return length;
}

/* Bytes of Unicode white space at text[at] (no-break and typographic spaces
** copied from web pages and PDFs), 0 if none. */
static size_t unicode_space(const char *text, size_t length, size_t at) {
  uint32_t codepoint;
  size_t size = ibid_utf8_decode(text, length, at, &codepoint);
  if (codepoint == 0xA0 || (codepoint >= 0x2000 && codepoint <= 0x200A) || codepoint == 0x202F ||
      codepoint == 0x205F || codepoint == 0x3000)
    return size;
  return 0;
}

/* Collapses white space in out->data[from..) in place and trims it. */
static void collapse_from(ibid_buffer *out, size_t from) {
  if (out->failed || !out->data) return;
  size_t write = from;
  int blank = 0;
  for (size_t read = from; read < out->length; read++) {
    unsigned char c = (unsigned char)out->data[read];
    size_t space = c >= 0x80 ? unicode_space(out->data, out->length, read) : 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || space) {
      blank = write > from;
      if (space) read += space - 1;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (blank) out->data[write++] = ' ';
    blank = 0;
    out->data[write++] = (char)c;
  }
  out->length = write;
  out->data[write] = 0;
}

/* Appends text only when it is valid UTF-8 (libxml2 gives UTF-8, but recovery
** from broken input must not pass anything else to the JSON writer). */
static void append_valid(ibid_buffer *out, const char *text, size_t length) {
  size_t bad;
  if (ibid_utf8_valid(text, length, &bad)) ibid_buffer_append(out, text, length);
}

/* Notes inside a title or name are not part of it. */
static int is_note_element(const xmlNode *node) {
  return ibid_xml_is(node, "note") || ibid_xml_is(node, "fn");
}

void ibid_xml_text(const xmlNode *node, ibid_buffer *out) {
  if (!node) return;
  size_t from = out->length;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    if (node->content)
      append_valid(out, (const char *)node->content, strlen((const char *)node->content));
  } else {
    const xmlNode *at = node->children;
    while (at) {
      int skip = 0;
      if (at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) {
        if (at->content)
          append_valid(out, (const char *)at->content, strlen((const char *)at->content));
      } else if (at->type == XML_ENTITY_REF_NODE) {
        char text[16];
        size_t length = entity_text(at, text, sizeof(text));
        append_valid(out, text, length);
      } else if (is_note_element(at)) {
        skip = 1;
      } else if (at->type == XML_ELEMENT_NODE && at->prev && at->prev->type == XML_ELEMENT_NODE) {
        /* Adjacent elements (<surname/><given-names/>) are separate words. */
        ibid_buffer_append_char(out, ' ');
      }
      at = ibid_xml_next(at, node, skip);
    }
  }
  if (out->length == from) return;
  collapse_from(out, from);
}

/* ----- writing the body --------------------------------------------------- */

int ibid_xml_convert(const char *bytes, size_t length, ibid_document *document, ibid_format format,
                     ibid_xml_kind (*classify)(ibid_xml_walker *walker, const xmlNode *node),
                     void (*write)(ibid_xml_walker *walker, const xmlNode *root)) {
  document->format = format;
  xmlDocPtr tree = ibid_xml_read(bytes, length, document);
  if (!tree)
    return ibid_document_failed(document) || ibid_progress_stopped(document->progress) ? -1 : 0;
  ibid_xml_walker walker;
  memset(&walker, 0, sizeof(walker));
  walker.document = document;
  walker.classify = classify;
  write(&walker, xmlDocGetRootElement(tree));
  int failed = walker.failed || ibid_progress_stopped(document->progress);
  ibid_xml_walker_free(&walker);
  xmlFreeDoc(tree);
  return failed || ibid_document_failed(document) ? -1 : 0;
}

ibid_xml_kind ibid_xml_kind_by_name(const xmlNode *node, const char *const *skipped,
                                    const char *const *blocks) {
  if (ibid_xml_is_one_of(node, skipped)) return IBID_XML_SKIP;
  if (ibid_xml_is_one_of(node, blocks)) return IBID_XML_BLOCK;
  return IBID_XML_INLINE;
}

static void write_text(ibid_xml_walker *walker, const char *text, size_t length) {
  size_t bad;
  if (ibid_utf8_valid(text, length, &bad)) ibid_document_text(walker->document, text, length);
}

void ibid_xml_write_children(ibid_xml_walker *walker, const xmlNode *node) {
  if (walker->depth >= MAX_DEPTH) return;
  walker->depth++;
  for (const xmlNode *child = node->children; child; child = child->next)
    ibid_xml_write_node(walker, child);
  walker->depth--;
}

/* A block of its own; in a flat block (a note), inline between blanks. With
** joined, the blocks inside it are joined too. */
static void write_block(ibid_xml_walker *walker, const xmlNode *node, int joined) {
  ibid_document *document = walker->document;
  if (walker->flat) {
    ibid_document_space(document);
    ibid_xml_write_children(walker, node);
    ibid_document_space(document);
    return;
  }
  ibid_document_end_block(document);
  walker->flat += joined;
  ibid_xml_write_children(walker, node);
  walker->flat -= joined;
  ibid_document_end_block(document);
}

void ibid_xml_write_node(ibid_xml_walker *walker, const xmlNode *node) {
  ibid_document *document = walker->document;
  /* interrupted: the rest of the tree is passed over, and the caller fails */
  if (ibid_progress_step(document->progress, 1)) return;
  switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content)
        write_text(walker, (const char *)node->content, strlen((const char *)node->content));
      return;
    case XML_ENTITY_REF_NODE: {
      char text[16];
      size_t length = entity_text(node, text, sizeof(text));
      write_text(walker, text, length);
      return;
    }
    case XML_ELEMENT_NODE:
      break;
    default:
      return;
  }
  switch (walker->classify(walker, node)) {
    case IBID_XML_SKIP:
    case IBID_XML_HANDLED:
      return;
    case IBID_XML_SPACE:
      ibid_document_space(document);
      return;
    case IBID_XML_INLINE:
      ibid_xml_write_children(walker, node);
      return;
    case IBID_XML_BLOCK:
      write_block(walker, node, 0);
      return;
  }
}

void ibid_xml_write_joined(ibid_xml_walker *walker, const xmlNode *node) {
  write_block(walker, node, 1);
}

void ibid_xml_write_row(ibid_xml_walker *walker, const xmlNode *row,
                        const char *const *cell_names) {
  ibid_document *document = walker->document;
  if (!walker->flat) ibid_document_end_block(document);
  int cells = 0;
  walker->flat++;
  for (const xmlNode *cell = row->children; cell; cell = cell->next) {
    if (!ibid_xml_is_one_of(cell, cell_names)) continue;
    if (cells++) ibid_document_text(document, " | ", 3);
    ibid_xml_write_children(walker, cell);
  }
  walker->flat--;
  if (!walker->flat) ibid_document_end_block(document);
}

void ibid_xml_write_heading(ibid_xml_walker *walker, const char *text) {
  ibid_document_end_block(walker->document);
  ibid_document_text(walker->document, text, strlen(text));
  ibid_document_end_block(walker->document);
}

void ibid_xml_span_begin(const ibid_xml_walker *walker, ibid_xml_span *span) {
  span->bytes = walker->document->body.length;
  span->characters = walker->document->body_characters;
}

void ibid_xml_span_end(const ibid_xml_walker *walker, const ibid_xml_span *span, size_t *start,
                       size_t *length) {
  const ibid_document *document = walker->document;
  size_t skipped = 0;
  /* What was written may begin with the blank or blank line that was due. */
  while (span->bytes + skipped < document->body.length &&
         (document->body.data[span->bytes + skipped] == ' ' ||
          document->body.data[span->bytes + skipped] == '\n'))
    skipped++;
  *start = span->characters + skipped + 1;
  size_t end = document->body_characters + 1;
  *length = end > *start ? end - *start : 0;
}

/* ----- notes -------------------------------------------------------------- */

/* A note number as printed: 1 to 9999 (IBID_NOTE_NUMBER_MAX), digits only. */
static int note_label_number(const char *label) {
  if (!label) return 0;
  while (*label == ' ' || *label == '\t' || *label == '\n' || *label == '[' || *label == '(')
    label++;
  int number = 0, digits = 0;
  while (*label >= '0' && *label <= '9') {
    number = number * 10 + (*label - '0');
    if (++digits > 4) return 0;
    label++;
  }
  while (*label == ' ' || *label == '\t' || *label == '\n' || *label == ']' || *label == ')' ||
         *label == '.')
    label++;
  return digits && !*label && number >= 1 ? number : 0;
}

void ibid_xml_add_note(ibid_xml_walker *walker, const xmlNode *node, const char *id,
                       const char *label) {
  if (walker->note_count % 64 == 0) {
    ibid_xml_note *grown = ibid_realloc(walker->notes, (walker->note_count + 64) * sizeof(*grown));
    if (!grown) {
      walker->failed = 1;
      return;
    }
    walker->notes = grown;
  }
  int previous = walker->note_count ? walker->notes[walker->note_count - 1].number : 0;
  int number = note_label_number(label);
  ibid_xml_note *note = &walker->notes[walker->note_count++];
  note->node = node;
  note->id = id && *id ? id : NULL;
  note->number = number ? number : previous + 1;
  note->referenced = 0;
  note->labelled = number > 0;
}

void ibid_xml_keep_notes(ibid_xml_walker *walker, int (*keep)(const ibid_xml_note *note)) {
  size_t kept = 0;
  for (size_t i = 0; i < walker->note_count; i++) {
    if (!keep(&walker->notes[i])) {
      ((xmlNode *)walker->notes[i].node)->_private = NULL;
      continue;
    }
    ibid_xml_note note = walker->notes[i];
    if (!note.labelled) note.number = kept ? walker->notes[kept - 1].number + 1 : 1;
    walker->notes[kept++] = note;
  }
  if (kept == walker->note_count) return;
  walker->note_count = kept;
  ibid_xml_index_notes(walker);
}

static int compare_note_ids(const void *a, const void *b) {
  const ibid_xml_note *const *x = a;
  const ibid_xml_note *const *y = b;
  return strcmp((*x)->id, (*y)->id);
}

void ibid_xml_index_notes(ibid_xml_walker *walker) {
  ibid_free(walker->notes_by_id);
  walker->notes_by_id = NULL;
  walker->notes_with_id = 0;
  /* Each note's element points back to its entry: _private is libxml2's
  ** field for the application, and the tree is ours alone. */
  for (size_t i = 0; i < walker->note_count; i++)
    ((xmlNode *)walker->notes[i].node)->_private = (void *)(uintptr_t)(i + 1);
  if (!walker->note_count) return;
  walker->notes_by_id = ibid_malloc(walker->note_count * sizeof(*walker->notes_by_id));
  if (!walker->notes_by_id) {
    walker->failed = 1;
    return;
  }
  for (size_t i = 0; i < walker->note_count; i++)
    if (walker->notes[i].id) walker->notes_by_id[walker->notes_with_id++] = &walker->notes[i];
  qsort(walker->notes_by_id, walker->notes_with_id, sizeof(*walker->notes_by_id), compare_note_ids);
}

ibid_xml_note *ibid_xml_find_note(ibid_xml_walker *walker, const char *id) {
  if (!id) return NULL;
  if (*id == '#') id++;
  size_t low = 0, high = walker->notes_with_id;
  while (low < high) {
    size_t middle = low + (high - low) / 2;
    int order = strcmp(walker->notes_by_id[middle]->id, id);
    if (order == 0) return walker->notes_by_id[middle];
    if (order < 0)
      low = middle + 1;
    else
      high = middle;
  }
  return NULL;
}

ibid_xml_note *ibid_xml_note_of(ibid_xml_walker *walker, const xmlNode *node) {
  size_t index = (size_t)(uintptr_t)node->_private;
  if (index == 0 || index > walker->note_count || walker->notes[index - 1].node != node)
    return NULL;
  return &walker->notes[index - 1];
}

void ibid_xml_write_notes(ibid_xml_walker *walker) {
  if (!walker->note_count) return;
  ibid_xml_write_heading(walker, "Notes");
  for (size_t i = 0; i < walker->note_count; i++) {
    const ibid_xml_note *note = &walker->notes[i];
    char label[16];
    size_t length = 0;
    int number = note->number, digits[8], count = 0;
    while (number > 0 && count < 8) {
      digits[count++] = number % 10;
      number /= 10;
    }
    label[length++] = '[';
    while (count > 0) label[length++] = (char)('0' + digits[--count]);
    label[length++] = ']';
    ibid_document_end_block(walker->document);
    ibid_document_text(walker->document, label, length);
    ibid_document_space(walker->document);
    walker->flat++;
    walker->note_number = note->number;
    ibid_xml_write_children(walker, note->node);
    walker->note_number = 0;
    walker->flat--;
    ibid_document_end_block(walker->document);
  }
}

void ibid_xml_walker_free(ibid_xml_walker *walker) {
  ibid_free(walker->notes);
  ibid_free(walker->notes_by_id);
  walker->notes = NULL;
  walker->notes_by_id = NULL;
  walker->note_count = walker->notes_with_id = 0;
}

int ibid_xml_is_url(const char *target) {
  if (!target) return 0;
  static const char *const schemes[] = {"http://", "https://", "ftp://"};
  for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
    size_t n = strlen(schemes[i]);
    if (strlen(target) > n && strncmp(target, schemes[i], n) == 0) return 1;
  }
  return 0;
}

void ibid_xml_write_link(ibid_xml_walker *walker, const xmlNode *node, const char *target) {
  if (!walker->note_number || walker->in_reference || !ibid_xml_is_url(target)) {
    ibid_xml_write_children(walker, node);
    return;
  }
  ibid_xml_span span;
  ibid_xml_span_begin(walker, &span);
  ibid_xml_write_children(walker, node);
  size_t start, length;
  ibid_xml_span_end(walker, &span, &start, &length);
  if (length)
    ibid_document_reference(walker->document, start, length, walker->note_number, NULL, NULL,
                            target);
}

void ibid_xml_write_reference(ibid_xml_walker *walker, const xmlNode *content,
                              const ibid_xml_csl *csl, int rendered, const char *label) {
  ibid_document *document = walker->document;
  if (!walker->flat) ibid_document_end_block(document);
  ibid_xml_span span;
  ibid_xml_span_begin(walker, &span);
  walker->in_reference++;
  if (rendered) {
    ibid_buffer text;
    ibid_buffer_init(&text);
    ibid_xml_csl_render(csl, &text);
    if (text.data) ibid_document_text(document, text.data, text.length);
    if (text.failed) walker->failed = 1;
    ibid_buffer_free(&text);
  } else {
    walker->flat++;
    ibid_xml_write_children(walker, content);
    walker->flat--;
  }
  walker->in_reference--;
  size_t start, length;
  ibid_xml_span_end(walker, &span, &start, &length);
  if (length) {
    ibid_buffer json;
    ibid_buffer_init(&json);
    if (ibid_xml_csl_tagged(csl)) ibid_xml_csl_json(csl, &json);
    ibid_document_reference(document, start, length, walker->note_number, label,
                            json.length ? json.data : NULL, ibid_xml_csl_get(csl, "URL", NULL));
    if (json.failed) walker->failed = 1;
    ibid_buffer_free(&json);
  }
  if (!walker->flat) ibid_document_end_block(document);
}

/* ----- CSL-JSON ------------------------------------------------------------- */

void ibid_xml_csl_init(ibid_xml_csl *csl) {
  memset(csl, 0, sizeof(*csl));
  ibid_buffer_init(&csl->text);
}

void ibid_xml_csl_free(ibid_xml_csl *csl) {
  ibid_buffer_free(&csl->text);
  ibid_free(csl->names);
  memset(csl, 0, sizeof(*csl));
}

static int find_field(const ibid_xml_csl *csl, const char *key) {
  for (int i = 0; i < csl->field_count; i++)
    if (strcmp(csl->fields[i].key, key) == 0) return i;
  return -1;
}

int ibid_xml_csl_has(const ibid_xml_csl *csl, const char *key) {
  return find_field(csl, key) >= 0;
}

const char *ibid_xml_csl_get(const ibid_xml_csl *csl, const char *key, size_t *length) {
  int i = find_field(csl, key);
  if (i < 0 || !csl->text.data) return NULL;
  if (length) *length = csl->fields[i].end - csl->fields[i].start;
  return csl->text.data + csl->fields[i].start;
}

/* Appends text collapsed and NUL-terminated to csl->text; returns 1 when
** anything is left, with [*start, *end) its bytes. */
static int store_text(ibid_xml_csl *csl, const char *text, size_t length, size_t *start,
                      size_t *end) {
  size_t from = csl->text.length;
  append_valid(&csl->text, text, length);
  ibid_buffer_append_char(&csl->text, 0);
  if (csl->text.failed) {
    csl->failed = 1;
    return 0;
  }
  csl->text.length--;
  collapse_from(&csl->text, from);
  if (csl->text.length == from) return 0;
  *start = from;
  *end = csl->text.length;
  /* Keep the terminator: the next value starts after it. */
  ibid_buffer_append_char(&csl->text, 0);
  return !csl->text.failed;
}

void ibid_xml_csl_set(ibid_xml_csl *csl, const char *key, const char *text, size_t length) {
  if (!text || ibid_xml_csl_has(csl, key) || csl->field_count >= IBID_XML_CSL_FIELDS) return;
  size_t start, end;
  if (!store_text(csl, text, length, &start, &end)) return;
  csl->fields[csl->field_count].key = key;
  csl->fields[csl->field_count].start = start;
  csl->fields[csl->field_count].end = end;
  csl->field_count++;
}

void ibid_xml_csl_set_node(ibid_xml_csl *csl, const char *key, const xmlNode *node) {
  if (!node || ibid_xml_csl_has(csl, key)) return;
  ibid_buffer text;
  ibid_buffer_init(&text);
  ibid_xml_text(node, &text);
  if (text.failed)
    csl->failed = 1;
  else if (text.length)
    ibid_xml_csl_set(csl, key, text.data, text.length);
  ibid_buffer_free(&text);
}

void ibid_xml_csl_set_title(ibid_xml_csl *csl, const xmlNode *title, const xmlNode *subtitle) {
  ibid_buffer text;
  ibid_buffer_init(&text);
  ibid_xml_text(title, &text);
  if (subtitle && text.length) {
    ibid_buffer_append_string(&text, ": ");
    ibid_xml_text(subtitle, &text);
  }
  if (text.data) ibid_xml_csl_set(csl, "title", text.data, text.length);
  ibid_buffer_free(&text);
}

void ibid_xml_csl_name_add(ibid_xml_csl *csl, ibid_xml_role role, const char *family,
                           size_t family_length, const char *given, size_t given_length) {
  ibid_xml_csl_name name = {(int)role, 0, 0, 0, 0, given == NULL};
  if (!store_text(csl, family, family_length, &name.family_start, &name.family_end)) {
    /* No family name: the given names alone are the name as printed. */
    if (!given || !store_text(csl, given, given_length, &name.family_start, &name.family_end))
      return;
    given = NULL;
    name.literal = 1;
  }
  if (given && !store_text(csl, given, given_length, &name.given_start, &name.given_end))
    name.given_start = name.given_end = 0;
  if (csl->name_count == csl->name_capacity) {
    size_t capacity = csl->name_capacity ? csl->name_capacity * 2 : 8;
    ibid_xml_csl_name *grown = ibid_realloc(csl->names, capacity * sizeof(*grown));
    if (!grown) {
      csl->failed = 1;
      return;
    }
    csl->names = grown;
    csl->name_capacity = capacity;
  }
  csl->names[csl->name_count++] = name;
}

void ibid_xml_csl_name_take(ibid_xml_csl *csl, ibid_xml_role role, const xmlNode *surname,
                            const xmlNode *printed, ibid_buffer *given) {
  ibid_buffer family;
  ibid_buffer_init(&family);
  ibid_xml_text(surname ? surname : printed, &family);
  if (family.data)
    ibid_xml_csl_name_add(csl, role, family.data, family.length,
                          surname ? (given->data ? given->data : "") : NULL,
                          surname ? given->length : 0);
  if (family.failed || given->failed) csl->failed = 1;
  ibid_buffer_free(&family);
  ibid_buffer_free(given);
}

size_t ibid_xml_csl_names(const ibid_xml_csl *csl, ibid_xml_role role) {
  size_t count = 0;
  for (size_t i = 0; i < csl->name_count; i++)
    if (csl->names[i].role == (int)role) count++;
  return count;
}

int ibid_xml_csl_any(const ibid_xml_csl *csl) {
  for (int i = 0; i < csl->field_count; i++)
    if (strcmp(csl->fields[i].key, "type") != 0) return 1;
  return csl->name_count > 0;
}

int ibid_xml_csl_tagged(const ibid_xml_csl *csl) {
  return csl->name_count > 0 || ibid_xml_csl_has(csl, "title") ||
         ibid_xml_csl_has(csl, "container-title") || ibid_xml_csl_has(csl, "issued");
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

/* A month name ("May", "September", "Sept.") at text[at..), 1-12, or 0. */
static int month_at(const char *text, size_t length, size_t at) {
  if (at + 3 > length) return 0;
  if (at > 0 && ((text[at - 1] | 0x20) >= 'a' && (text[at - 1] | 0x20) <= 'z')) return 0;
  for (int m = 0; m < 12; m++) {
    int same = 1;
    for (int k = 0; k < 3 && same; k++) same = (text[at + k] | 0x20) == month_names[m][k];
    if (same) return m + 1;
  }
  return 0;
}

void ibid_xml_csl_date(ibid_xml_csl *csl, const char *text, size_t length) {
  if (!text || ibid_xml_csl_has(csl, "issued")) return;
  /* The year: the first run of exactly four digits from 1000 to 2999. */
  size_t year_at = length;
  for (size_t i = 0; i + 4 <= length; i++) {
    if ((i > 0 && is_digit(text[i - 1])) || !is_digit(text[i]) || !is_digit(text[i + 1]) ||
        !is_digit(text[i + 2]) || !is_digit(text[i + 3]) ||
        (i + 4 < length && is_digit(text[i + 4])))
      continue;
    if (text[i] == '1' || text[i] == '2') {
      year_at = i;
      break;
    }
  }
  if (year_at == length) return;
  char date[16];
  memcpy(date, text + year_at, 4);
  size_t date_length = 4;
  size_t after = year_at + 4;
  int month = 0, day = 0;
  if (after + 3 <= length && text[after] == '-' && is_digit(text[after + 1]) &&
      is_digit(text[after + 2])) {
    month = (text[after + 1] - '0') * 10 + (text[after + 2] - '0');
    size_t d = after + 3;
    if (d + 3 <= length && text[d] == '-' && is_digit(text[d + 1]) && is_digit(text[d + 2]))
      day = (text[d + 1] - '0') * 10 + (text[d + 2] - '0');
  } else {
    /* "3 May 2010", "May 2010": a month name before the year. */
    for (size_t i = 0; i < year_at && !month; i++) month = month_at(text, length, i);
    if (month) {
      for (size_t i = 0; i + 1 < year_at; i++) {
        if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
          int value = text[i] - '0';
          if (is_digit(text[i + 1])) value = value * 10 + (text[i + 1] - '0');
          if (i + 2 <= year_at && (i + 2 == year_at || !is_digit(text[i + 2])) && value >= 1 &&
              value <= 31) {
            day = value;
            break;
          }
        }
      }
    }
  }
  if (month >= 1 && month <= 12) {
    date[date_length++] = '-';
    date[date_length++] = (char)('0' + month / 10);
    date[date_length++] = (char)('0' + month % 10);
    if (day >= 1 && day <= 31) {
      date[date_length++] = '-';
      date[date_length++] = (char)('0' + day / 10);
      date[date_length++] = (char)('0' + day % 10);
    }
  }
  ibid_xml_csl_set(csl, "issued", date, date_length);
  /* "2005a": the letter that tells apart two works of an author's year. */
  if (after < length && text[after] >= 'a' && text[after] <= 'z' &&
      (after + 1 == length ||
       !((text[after + 1] | 0x20) >= 'a' && (text[after + 1] | 0x20) <= 'z')))
    ibid_xml_csl_set(csl, "year-suffix", text + after, 1);
}

/* "2010-05-03" -> {"date-parts":[[2010,5,3]]} */
static void write_date(ibid_buffer *out, const char *date, size_t length) {
  ibid_buffer_append_string(out, "{\"date-parts\":[[");
  long part = 0;
  int digits = 0, parts = 0;
  for (size_t i = 0; i <= length; i++) {
    if (i < length && is_digit(date[i])) {
      part = part * 10 + (date[i] - '0');
      digits++;
      continue;
    }
    if (digits) {
      if (parts++) ibid_buffer_append_char(out, ',');
      ibid_buffer_append_int(out, part);
    }
    part = 0;
    digits = 0;
  }
  ibid_buffer_append_string(out, "]]}");
}

static void write_names(const ibid_xml_csl *csl, int role, ibid_buffer *out) {
  ibid_buffer_append_char(out, '[');
  int written = 0;
  for (size_t i = 0; i < csl->name_count; i++) {
    const ibid_xml_csl_name *name = &csl->names[i];
    if (name->role != role) continue;
    if (written++) ibid_buffer_append_char(out, ',');
    ibid_json_object object;
    ibid_json_object_begin(&object, out);
    const char *text = csl->text.data;
    if (!name->literal) {
      ibid_json_object_string(&object, "family", text + name->family_start,
                              name->family_end - name->family_start);
      if (name->given_end > name->given_start)
        ibid_json_object_string(&object, "given", text + name->given_start,
                                name->given_end - name->given_start);
    } else {
      ibid_json_object_string(&object, "literal", text + name->family_start,
                              name->family_end - name->family_start);
    }
    ibid_json_object_end(&object);
  }
  ibid_buffer_append_char(out, ']');
}

static const char *const role_keys[2] = {"author", "editor"};

void ibid_xml_csl_json(const ibid_xml_csl *csl, ibid_buffer *out) {
  ibid_json_object object;
  ibid_json_object_begin(&object, out);
  for (int i = 0; i < csl->field_count; i++) {
    const char *value = csl->text.data + csl->fields[i].start;
    size_t length = csl->fields[i].end - csl->fields[i].start;
    if (strcmp(csl->fields[i].key, "issued") == 0) {
      ibid_json_object_key(&object, "issued");
      write_date(out, value, length);
    } else {
      ibid_json_object_string(&object, csl->fields[i].key, value, length);
    }
  }
  for (int role = 0; role < 2; role++) {
    if (!ibid_xml_csl_names(csl, (ibid_xml_role)role)) continue;
    ibid_json_object_key(&object, role_keys[role]);
    write_names(csl, role, out);
  }
  ibid_json_object_end(&object);
}

/* Every member as a metadata member of the document. */
static void write_meta(const ibid_xml_csl *csl, ibid_document *document) {
  for (int i = 0; i < csl->field_count; i++) {
    const char *value = csl->text.data + csl->fields[i].start;
    size_t length = csl->fields[i].end - csl->fields[i].start;
    if (strcmp(csl->fields[i].key, "issued") == 0) {
      ibid_buffer date;
      ibid_buffer_init(&date);
      write_date(&date, value, length);
      if (!date.failed) ibid_document_meta(document, "issued", date.data, date.length);
      ibid_buffer_free(&date);
    } else {
      ibid_document_meta_string(document, csl->fields[i].key, value, length);
    }
  }
  for (int role = 0; role < 2; role++) {
    if (!ibid_xml_csl_names(csl, (ibid_xml_role)role)) continue;
    ibid_buffer names;
    ibid_buffer_init(&names);
    write_names(csl, role, &names);
    if (!names.failed) ibid_document_meta(document, role_keys[role], names.data, names.length);
    ibid_buffer_free(&names);
  }
}

void ibid_xml_csl_meta_take(ibid_xml_csl *csl, ibid_document *document) {
  if (ibid_xml_csl_any(csl)) write_meta(csl, document);
  if (csl->failed) document->body.failed = 1;
  ibid_xml_csl_free(csl);
}

/* ----- rendering a tagged reference as text --------------------------------- */

/* "Jean-Paul Marie" -> "J.-P. M.": the initials of each given name. */
static void append_initials(ibid_buffer *out, const char *given, size_t length) {
  int start_of_word = 1;
  int written = 0;
  for (size_t i = 0; i < length;) {
    uint32_t codepoint;
    size_t size = ibid_utf8_decode(given, length, i, &codepoint);
    if (size == 0) break;
    char c = given[i];
    if (c == ' ' || c == '-') {
      if (c == '-' && written) ibid_buffer_append_char(out, '-');
      start_of_word = 1;
    } else if (c == '.') {
      /* already an initial */
    } else if (start_of_word) {
      if (written && given[i - 1] == ' ') ibid_buffer_append_char(out, ' ');
      ibid_buffer_append(out, given + i, size);
      ibid_buffer_append_char(out, '.');
      written = 1;
      start_of_word = 0;
    }
    i += size;
  }
}

static void append_names(const ibid_xml_csl *csl, int role, ibid_buffer *out) {
  size_t total = ibid_xml_csl_names(csl, (ibid_xml_role)role), seen = 0;
  const char *text = csl->text.data;
  for (size_t i = 0; i < csl->name_count; i++) {
    const ibid_xml_csl_name *name = &csl->names[i];
    if (name->role != role) continue;
    if (seen > 0) ibid_buffer_append_string(out, seen + 1 == total ? ", & " : ", ");
    seen++;
    ibid_buffer_append(out, text + name->family_start, name->family_end - name->family_start);
    if (name->given_end > name->given_start) {
      ibid_buffer_append_string(out, ", ");
      append_initials(out, text + name->given_start, name->given_end - name->given_start);
    }
  }
}

/* Appends ". " unless the text already ends a sentence. */
static void end_sentence(ibid_buffer *out) {
  if (!out->length || out->failed) return;
  char last = out->data[out->length - 1];
  if (last != '.' && last != '?' && last != '!') ibid_buffer_append_char(out, '.');
  ibid_buffer_append_char(out, ' ');
}

/* Appends a page range with an en dash between the numbers. */
static void append_pages(ibid_buffer *out, const char *page, size_t length) {
  for (size_t i = 0; i < length; i++) {
    if (page[i] == '-')
      ibid_buffer_append_string(out, "\u2013");
    else
      ibid_buffer_append_char(out, page[i]);
  }
}

static void append_field(const ibid_xml_csl *csl, const char *key, ibid_buffer *out) {
  size_t length;
  const char *value = ibid_xml_csl_get(csl, key, &length);
  if (value) ibid_buffer_append(out, value, length);
}

void ibid_xml_csl_render(const ibid_xml_csl *csl, ibid_buffer *out) {
  size_t from = out->length;
  int editors_only = !ibid_xml_csl_names(csl, IBID_XML_AUTHOR);
  append_names(csl, editors_only ? IBID_XML_EDITOR : IBID_XML_AUTHOR, out);
  if (editors_only && ibid_xml_csl_names(csl, IBID_XML_EDITOR))
    ibid_buffer_append_string(out,
                              ibid_xml_csl_names(csl, IBID_XML_EDITOR) > 1 ? " (Eds.)" : " (Ed.)");
  size_t length;
  const char *issued = ibid_xml_csl_get(csl, "issued", &length);
  if (issued) {
    if (out->length > from) ibid_buffer_append_char(out, ' ');
    ibid_buffer_append_char(out, '(');
    ibid_buffer_append(out, issued, length < 4 ? length : 4);
    append_field(csl, "year-suffix", out);
    ibid_buffer_append_char(out, ')');
  }
  if (out->length > from) end_sentence(out);
  const char *title = ibid_xml_csl_get(csl, "title", &length);
  if (title) {
    ibid_buffer_append(out, title, length);
    end_sentence(out);
  }
  const char *container = ibid_xml_csl_get(csl, "container-title", &length);
  const char *type = ibid_xml_csl_get(csl, "type", NULL);
  int in_book = type && strcmp(type, "chapter") == 0;
  if (container) {
    if (in_book) ibid_buffer_append_string(out, "In ");
    ibid_buffer_append(out, container, length);
  }
  const char *volume = ibid_xml_csl_get(csl, "volume", &length);
  if (volume) {
    if (container) ibid_buffer_append_string(out, ", ");
    ibid_buffer_append(out, volume, length);
  }
  const char *issue = ibid_xml_csl_get(csl, "issue", &length);
  if (issue) {
    ibid_buffer_append_char(out, '(');
    ibid_buffer_append(out, issue, length);
    ibid_buffer_append_char(out, ')');
  }
  const char *page = ibid_xml_csl_get(csl, "page", &length);
  if (page) {
    if (container || volume || issue) ibid_buffer_append_string(out, in_book ? ", pp. " : ", ");
    append_pages(out, page, length);
  }
  if (container || volume || issue || page) end_sentence(out);
  const char *place = ibid_xml_csl_get(csl, "publisher-place", &length);
  if (place) ibid_buffer_append(out, place, length);
  const char *publisher = ibid_xml_csl_get(csl, "publisher", &length);
  if (publisher) {
    if (place) ibid_buffer_append_string(out, ": ");
    ibid_buffer_append(out, publisher, length);
  }
  if (place || publisher) end_sentence(out);
  const char *doi = ibid_xml_csl_get(csl, "DOI", &length);
  if (doi) {
    ibid_buffer_append_string(out, "doi:");
    ibid_buffer_append(out, doi, length);
    end_sentence(out);
  }
  const char *url = ibid_xml_csl_get(csl, "URL", &length);
  if (url) ibid_buffer_append(out, url, length);
  /* No trailing blank. */
  while (out->length > from && out->data[out->length - 1] == ' ') out->length--;
  if (out->data && !out->failed) out->data[out->length] = 0;
}
