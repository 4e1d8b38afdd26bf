/*
** references.h -- the reference-like items of a document: each citation
** inside a note (a note may hold several), each bibliography entry.
**
** Splitting a note into citations is plain text work and lives here; parsing
** each item into fields is refparse.h's job, and finding the notes is
** notes.h's: ibid_references() in sql_reference_list.c puts the three together.
*/
#ifndef IBID_REFERENCES_H
#define IBID_REFERENCES_H
#include <stddef.h>

typedef enum ibid_citation_form {
  IBID_CITATION_FULL = 0, /* a full citation (or something that looks like one) */
  IBID_CITATION_IBID,     /* "Ibid.", "Id.", "ibidem": the previous citation */
  IBID_CITATION_SUPRA,    /* "op. cit.", "supra", "above n 3": an earlier note */
  IBID_CITATION_SHORT     /* "Surname, 'Short title', p. 3" or "Surname, 15." */
} ibid_citation_form;

typedef struct ibid_citation_item {
  size_t start;  /* byte offset into the text given to the splitter */
  size_t length; /* bytes */
  ibid_citation_form form;
} ibid_citation_item;

/*
** Splits text[start, start+length) (one note's body) into citation items:
** at top-level semicolons (not inside an author list or before a parallel
** case report), at ", and " between two citations, and at sentence starts
** such as "Also see" and "See also"; prose sentences mixed with citations are
** dropped; lead-ins ("For the general theory, see", "X, quoted in") are
** trimmed off the item; segments that read as prose rather than a citation
** are dropped. Linear in length. Returns 0, or -1 when out of memory; *items
** is freed with ibid_free (NULL when *count is 0).
*/
int ibid_split_citations(const char *text, size_t start, size_t length, ibid_citation_item **items,
                         size_t *count);

/* Keys of the first words of the first quoted title of text[start, end):
** keys[k] hashes its first k+1 words (lowercased, punctuation dropped), so a
** short title "‘Norms and social constructivism’" (4 words) finds the full
** citation whose title starts with the same 4 words. Returns the number of
** keys set (0 when there is no quoted title, at most IBID_TITLE_KEYS). */
#define IBID_TITLE_KEYS 4
int ibid_title_keys(const char *text, size_t start, size_t end,
                    unsigned long long keys[IBID_TITLE_KEYS]);

/* A bibliography entry: a paragraph or line (with its wrapped lines) under a
** "References", "Bibliography", "Works Cited", "Literature Cited", "List of
** References" ... heading, optionally numbered ("1.3 References"). */
typedef struct ibid_bibliography_entry {
  size_t start;
  size_t length;
} ibid_bibliography_entry;

/* Whether text[start, end) is a reference-list heading in English, German,
** French, Spanish, Italian ("References", "Literaturverzeichnis",
** "Références bibliographiques", "Bibliografía", "8. Literatur"), in any
** case, optionally numbered. */
int ibid_is_bibliography_heading(const char *text, size_t start, size_t end);

/* Finds the entries of every bibliography section of text; when there is no
** heading, of the longest run of reference-like lines. Returns 0 or -1
** when out of memory; *entries is freed with ibid_free. */
int ibid_find_bibliography(const char *text, size_t length, ibid_bibliography_entry **entries,
                           size_t *count);

/* Whether text[start, end) opens with a mark that stands for the previous
** entry's author: a dash or rule ("—", "--", "___") or "ders.", "dies.",
** "idem". */
int ibid_repeats_previous_author(const char *text, size_t start, size_t end);

/* A numbered in-text citation ("[12]", one number of "[7, 8]" or "[2-4]")
** and the entry of the document's numbered reference list it points to. */
typedef enum ibid_link_style {
  IBID_LINK_BRACKET = 0,    /* "[12]", "[7, 8]", "[2-4]" */
  IBID_LINK_SUPERSCRIPT = 1 /* "¹²", "¹,³", or digits glued on: "before.12", "modelled1,3" */
} ibid_link_style;

typedef struct ibid_reference_link {
  long label;                       /* the entry's number */
  ibid_link_style style;            /* how the marker is printed */
  size_t start, length;             /* the bracket group as printed */
  size_t entry_start, entry_length; /* the entry (as ibid_find_bibliography cuts it) */
} ibid_reference_link;

/* Links every bracketed number group before a numbered reference list (at
** least three entries labelled in sequence) to the entries with those
** labels; groups hold only numbers, commas, semicolons and ranges, and name
** only labels the list has. When the list follows a bibliography heading,
** superscript groups ("¹²", "¹⁻³") and digit groups glued on as copy-paste
** leaves superscripts ("before.12", "et al.1,3", "fitted.2-4"; see
** ibid_glued_marker) link too, every number of the group naming an entry,
** unless the text has a note (ibid_find_notes, outside the list) with that
** number: then the marker is the note's. Returns 0 or -1 when out of
** memory; *links is freed with ibid_free. */
int ibid_find_reference_links(const char *text, size_t length, ibid_reference_link **links,
                              size_t *count);
/* The same from what the caller found already: the entries
** ibid_find_bibliography gives for text and, when notes_given, the notes
** ibid_find_notes gives (else they are found when needed). */
struct ibid_note;
int ibid_find_reference_links_in(const char *text, size_t length,
                                 const ibid_bibliography_entry *entries, size_t entry_count,
                                 const struct ibid_note *notes, size_t note_count, int notes_given,
                                 ibid_reference_link **links, size_t *count);

#endif
