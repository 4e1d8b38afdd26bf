/*
** xml_text.h -- what the JATS (jats.c) and TEI (tei.c) converters share:
** reading XML safely with libxml2, walking the tree into an ibid_document,
** collecting the text of an element, notes and their markers, and building
** CSL-JSON from the tagged fields of a reference. The HTML converter
** (html.c) uses the tree helpers (ibid_xml_is, ibid_xml_next) too.
**
** Reading is safe for untrusted input: no network, no DTD loading, no entity
** expansion (a "billion laughs" document stays small), libxml2's own depth
** and size limits (no XML_PARSE_HUGE), recovery from malformed markup, and
** parser errors kept off stderr by a no-op handler on the parser context
** (never a global one, which would touch other users of libxml2).
*/
#ifndef IBID_XML_TEXT_H
#define IBID_XML_TEXT_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stddef.h>

#include "buffer.h"
#include "document.h"

/* Parses bytes as XML; NULL when nothing could be read (document->error is
** then set) or when document->progress said stop (ibid_progress_stopped). A
** document that needed recovery also gets an error message. */
xmlDocPtr ibid_xml_read(const char *bytes, size_t length, ibid_document *document);

/*
** Interrupting libxml2 while it parses (HTML and XML alike): the watch wraps
** the parser context's SAX callbacks (elements, text, comments) so that each
** event counts the bytes the parser consumed since the last one as work on
** `progress`; when progress says stop, xmlStopParser() ends the parse at that
** event, and the caller drops the partial tree. The context's _private (the
** field libxml2 leaves to the application) points at the watch. A NULL
** progress installs nothing. Call after setting the context's options and
** error handlers, before reading; the watch must outlive the parse.
*/
typedef struct ibid_xml_watch {
  ibid_progress *progress;
  xmlParserInputPtr input; /* the document's own input (entities push others) */
  unsigned long consumed;  /* bytes of it counted so far */
  xmlSAXHandler original;  /* the callbacks wrapped */
} ibid_xml_watch;
void ibid_xml_watch_parser(xmlParserCtxtPtr context, ibid_xml_watch *watch,
                           ibid_progress *progress);

/* 1 when node is an element whose local name (namespace prefix ignored) is name. */
int ibid_xml_is(const xmlNode *node, const char *name);
/* The value of the attribute with this local name (any namespace), or NULL.
** Points into the tree: valid while the document lives. */
const char *ibid_xml_attribute(const xmlNode *node, const char *name);
/* The first child element with this local name, or NULL. */
xmlNode *ibid_xml_child(const xmlNode *node, const char *name);
/* The first descendant element (document order) with this local name, or NULL. */
xmlNode *ibid_xml_descendant(const xmlNode *node, const char *name);
/* The node after `node` in document order within `root`'s subtree (NULL at
** the end); with skip_children, node's own descendants are passed over. */
xmlNode *ibid_xml_next(const xmlNode *node, const xmlNode *root, int skip_children);
/* Appends the text of node (all descendant text, entity references left out),
** white space collapsed to single blanks and trimmed. */
void ibid_xml_text(const xmlNode *node, ibid_buffer *out);
/* Case-insensitive ASCII comparison of an attribute value (NULL matches nothing). */
int ibid_xml_equals(const char *value, const char *word);
/* 1 when node is an element whose local name is one of names (NULL-terminated). */
int ibid_xml_is_one_of(const xmlNode *node, const char *const *names);

/* ----- writing the body ----------------------------------------------------- */

/* How the walker treats an element (the format's classify callback says). */
typedef enum ibid_xml_kind {
  IBID_XML_INLINE,  /* its text continues the current block */
  IBID_XML_BLOCK,   /* a block of its own (or a container of blocks) */
  IBID_XML_SKIP,    /* not written */
  IBID_XML_HANDLED, /* the callback wrote it */
  IBID_XML_SPACE    /* an empty element that stands for a blank (line break) */
} ibid_xml_kind;

/* A note (footnote or endnote) the body refers to, written after the body. */
typedef struct ibid_xml_note {
  const xmlNode *node;
  const char *id; /* xml:id / id, or NULL */
  int number;
  int referenced; /* 1 when some pointer (xref, ref target) marks it */
  int labelled;   /* 1 when the number is the printed label */
} ibid_xml_note;

typedef struct ibid_xml_walker ibid_xml_walker;
struct ibid_xml_walker {
  ibid_document *document;
  /* Says how to write an element; may write it itself (IBID_XML_HANDLED). */
  ibid_xml_kind (*classify)(ibid_xml_walker *walker, const xmlNode *node);
  int depth;
  int flat;        /* > 0 while writing a note or reference: blocks become blanks */
  int note_number; /* the note being written, 0 in the body */
  ibid_xml_note *notes;
  size_t note_count;
  ibid_xml_note **notes_by_id; /* notes with an id, sorted by it */
  size_t notes_with_id;
  int in_reference; /* > 0 inside a reference: its links are its own URL */
  int failed;       /* out of memory */
};

/*
** A converter's whole run: reads bytes as XML into document (its format set),
** calls write(walker, root element) with a walker whose callback is classify,
** and frees tree and walker. Returns 0, or -1 when out of memory (a document
** that cannot be read is not a failure: its error is set).
*/
int ibid_xml_convert(const char *bytes, size_t length, ibid_document *document, ibid_format format,
                     ibid_xml_kind (*classify)(ibid_xml_walker *walker, const xmlNode *node),
                     void (*write)(ibid_xml_walker *walker, const xmlNode *root));
/* The kind of an element that no rule of a format's classify callback
** claims: skipped when named in skipped, a block when named in blocks
** (NULL-terminated lists), else inline. */
ibid_xml_kind ibid_xml_kind_by_name(const xmlNode *node, const char *const *skipped,
                                    const char *const *blocks);

/* Writes the children of node as the classify callback directs. */
void ibid_xml_write_children(ibid_xml_walker *walker, const xmlNode *node);
/* Writes node itself (an element or text). */
void ibid_xml_write_node(ibid_xml_walker *walker, const xmlNode *node);
/* Writes a block of fixed text ("Notes", "References"). */
void ibid_xml_write_heading(ibid_xml_walker *walker, const char *text);
/* Writes node's children as one block whose parts (paragraphs of a list
** item, a figure's head and description) are joined by blanks; inside a
** flat block (a note), inline between blanks. */
void ibid_xml_write_joined(ibid_xml_walker *walker, const xmlNode *node);
/* A table row: one block, the children named in cell_names (NULL-terminated)
** written one after another, separated by " | ". */
void ibid_xml_write_row(ibid_xml_walker *walker, const xmlNode *row, const char *const *cell_names);

/* Adds a note; its number is `label` when that is a number from 1 to 9999,
** else one more than the previous note's. */
void ibid_xml_add_note(ibid_xml_walker *walker, const xmlNode *node, const char *id,
                       const char *label);
/* Keeps only the notes for which keep() says 1, renumbering those without a
** printed label, and re-indexes them. */
void ibid_xml_keep_notes(ibid_xml_walker *walker, int (*keep)(const ibid_xml_note *note));
/* Sorts the notes by id for ibid_xml_find_note; call once after adding them. */
void ibid_xml_index_notes(ibid_xml_walker *walker);
/* The note with this id ("#n1" or "n1"), or NULL. */
ibid_xml_note *ibid_xml_find_note(ibid_xml_walker *walker, const char *id);
/* The note whose element is node, or NULL; O(1) (ibid_xml_index_notes marks
** each note's element). */
ibid_xml_note *ibid_xml_note_of(ibid_xml_walker *walker, const xmlNode *node);
/* Writes the "Notes" heading and each note as a block "[N] text" (its content
** written flat: paragraphs joined by blanks). */
void ibid_xml_write_notes(ibid_xml_walker *walker);
void ibid_xml_walker_free(ibid_xml_walker *walker);

/* Writes the children of node and records a link target inside a note (not
** inside a reference) as a reference that carries only a URL. */
void ibid_xml_write_link(ibid_xml_walker *walker, const xmlNode *node, const char *target);

/* The span of what is written between ibid_xml_span_begin and _end, in
** 1-based characters; length 0 when nothing was written. */
typedef struct ibid_xml_span {
  size_t bytes;      /* body length at the beginning */
  size_t characters; /* body characters at the beginning */
} ibid_xml_span;
void ibid_xml_span_begin(const ibid_xml_walker *walker, ibid_xml_span *span);
void ibid_xml_span_end(const ibid_xml_walker *walker, const ibid_xml_span *span, size_t *start,
                       size_t *length);
/* 1 when target is an absolute web address (http, https, ftp) or a DOI link. */
int ibid_xml_is_url(const char *target);

typedef struct ibid_xml_csl ibid_xml_csl;
/*
** Writes a reference and records it with ibid_document_reference: its text is
** csl rendered (rendered = 1: the format gives fields, not printed text) or
** content's children as printed; a block of its own outside notes, inline in
** a note (whose number it gets). Its CSL is csl's fields when they describe
** a work (ibid_xml_csl_tagged; else NULL: the corpus parses the text), its
** URL csl's "URL".
*/
void ibid_xml_write_reference(ibid_xml_walker *walker, const xmlNode *content,
                              const ibid_xml_csl *csl, int rendered, const char *label);

/* ----- CSL-JSON from tagged fields ----------------------------------------- */

typedef enum ibid_xml_role { IBID_XML_AUTHOR = 0, IBID_XML_EDITOR = 1 } ibid_xml_role;

#define IBID_XML_CSL_FIELDS 24

typedef struct ibid_xml_csl_name {
  int role;
  size_t family_start, family_end; /* in text */
  size_t given_start, given_end;   /* empty when none */
  int literal;                     /* 1: the name as printed, not split */
} ibid_xml_csl_name;

struct ibid_xml_csl {
  ibid_buffer text; /* every value, one after another */
  struct {
    const char *key; /* a static CSL variable name */
    size_t start, end;
  } fields[IBID_XML_CSL_FIELDS];
  int field_count;
  ibid_xml_csl_name *names;
  size_t name_count, name_capacity;
  int failed;
};

void ibid_xml_csl_init(ibid_xml_csl *csl);
void ibid_xml_csl_free(ibid_xml_csl *csl);
/* 1 when key has a value. */
int ibid_xml_csl_has(const ibid_xml_csl *csl, const char *key);
/* The value of key (NUL-terminated, inside csl->text), or NULL. */
const char *ibid_xml_csl_get(const ibid_xml_csl *csl, const char *key, size_t *length);
/* Sets key to the collapsed text (ignored when empty or when key is already set). */
void ibid_xml_csl_set(ibid_xml_csl *csl, const char *key, const char *text, size_t length);
/* Sets key to the text of node. */
void ibid_xml_csl_set_node(ibid_xml_csl *csl, const char *key, const xmlNode *node);
/* Sets "title" to the text of title, and ": " and the text of subtitle when
** both are given. */
void ibid_xml_csl_set_title(ibid_xml_csl *csl, const xmlNode *title, const xmlNode *subtitle);
/* A name: family and given (given may be empty: a surname only), or a
** literal name as printed (given NULL). */
void ibid_xml_csl_name_add(ibid_xml_csl *csl, ibid_xml_role role, const char *family,
                           size_t family_length, const char *given, size_t given_length);
/* Adds a name from the tree: the text of surname as the family name and
** `given` (the given names a converter collected; may be empty) with it; or,
** without a surname, the text of printed as the name as printed. Frees given;
** an allocation failure is recorded in csl. */
void ibid_xml_csl_name_take(ibid_xml_csl *csl, ibid_xml_role role, const xmlNode *surname,
                            const xmlNode *printed, ibid_buffer *given);
/* The number of names with this role. */
size_t ibid_xml_csl_names(const ibid_xml_csl *csl, ibid_xml_role role);
/* 1 when any field or name is set. */
int ibid_xml_csl_any(const ibid_xml_csl *csl);
/* 1 when the fields describe a work (a name, a title or a date): a reference
** whose only tags are links is untagged text, better parsed from its words. */
int ibid_xml_csl_tagged(const ibid_xml_csl *csl);
/* Appends the CSL-JSON object ("issued" as date-parts from "YYYY[-MM[-DD]]",
** a letter after the year as "year-suffix"). */
void ibid_xml_csl_json(const ibid_xml_csl *csl, ibid_buffer *out);
/* Writes every member as a metadata member of the document when csl holds
** any besides "type", records an allocation failure of csl as the
** document's, and frees csl. */
void ibid_xml_csl_meta_take(ibid_xml_csl *csl, ibid_document *document);
/* Appends a readable rendering for references whose fields are tagged but
** whose printed text is not given (JATS element-citation, TEI biblStruct):
** "Surname, G., & Surname, G. (Year). Title. Container, Vol(Issue), pages.
** Place: Publisher. doi:DOI. URL" */
void ibid_xml_csl_render(const ibid_xml_csl *csl, ibid_buffer *out);
/* Reads a date ("2010-05-03", "May 2010", "2005a") into csl's "issued". */
void ibid_xml_csl_date(ibid_xml_csl *csl, const char *text, size_t length);

#endif
