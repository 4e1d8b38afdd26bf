/*
** findings.h -- what a case-study text concludes about which case, on what
** evidence: its cases (case-study sections), its declared guiding questions,
** its findings (figure cells and concluding sentences) and the citations
** that back each finding.
**
** Pure C: input is valid UTF-8 (text, length), not NUL-terminated; every span
** is a byte range of the input. One call analyses the whole text; the SQL
** layer (ext/findings/sql_findings.c) exposes the four parts as table functions.
*/
#ifndef IBID_FINDINGS_H
#define IBID_FINDINGS_H
#include <stddef.h>

#include "layers.h"
#include "progress.h"
#include "regions.h"

typedef enum ibid_finding_source {
  IBID_FINDING_FIGURE = 1, /* a cell of a findings figure or balance sheet */
  IBID_FINDING_CONCLUSION, /* a concluding sentence ("It can be concluded that ...") */
  IBID_FINDING_ABSTRACT,   /* a concluding sentence of the abstract */
  IBID_FINDING_LIST        /* a bullet under a case's heading ("Key findings" by country) */
} ibid_finding_source;

typedef enum ibid_polarity {
  IBID_POLARITY_NONE = 0,
  IBID_POLARITY_POSITIVE,
  IBID_POLARITY_NEGATIVE,
  IBID_POLARITY_MIXED
} ibid_polarity;

typedef struct ibid_case {
  int number;           /* as printed ("Case study 2" -> 2) */
  char *name;           /* normalized short name, NUL-terminated */
  char *key;            /* ISO 3166 code ("KE") or folded name ("nordwind logistics") */
  size_t heading_start; /* the heading line as printed */
  size_t heading_length;
  size_t start, length; /* the section: heading to next case or top-level section */
} ibid_case;

typedef struct ibid_question {
  char label[16];       /* "Q1", "H2", "RQ1" */
  char *text;           /* the question, wrapped lines joined */
  size_t start, length; /* from the label to the end of the question */
} ibid_question;

typedef struct ibid_finding {
  char *case_name;   /* a case name, "all", or NULL */
  char *case_key;    /* the case's key, "all", or NULL */
  long case_index;   /* index into cases when tied to one case, else -1 */
  char question[16]; /* a label, or "" when not tied to a question */
  char *text;        /* bullets stripped, wrapped fragments joined */
  ibid_finding_source source;
  ibid_polarity polarity;
  size_t start, length; /* the bullet's own lines, or the sentence */
} ibid_finding;

typedef struct ibid_evidence {
  size_t finding;       /* index into findings (0-based) */
  size_t start, length; /* the citation parenthesis or note marker */
  int is_marker;        /* 1 for a note marker, 0 for an author-year citation */
  size_t
      cite; /* the group's first cite in the layers (the `cites` row n), from 1; 0 for a marker */
} ibid_evidence;

typedef struct ibid_findings {
  ibid_case *cases;
  size_t case_count;
  ibid_question *questions;
  size_t question_count;
  ibid_finding *findings; /* in text order */
  size_t finding_count;
  ibid_evidence *evidence; /* grouped by finding, in text order */
  size_t evidence_count;
} ibid_findings;

/* Analyses text. Returns 0 and fills *result (release with ibid_findings_free,
** also after a failure), or -1 when out of memory. */
int ibid_find_findings(const char *text, size_t length, ibid_findings *result);
/* The same with country names known (regions may be NULL): headings naming
** countries become cases, and case keys are ISO codes. */
int ibid_find_findings_in(const char *text, size_t length, const ibid_regions *regions,
                          ibid_findings *result);
/* The same, counting its work on progress (ext/core/progress.h; may be NULL):
** returns 1, with a partial *result to free, when progress says stop. */
int ibid_find_findings_progress(const char *text, size_t length, const ibid_regions *regions,
                                ibid_progress *progress, ibid_findings *result);
/* The same on the document's layers (layers.h, built with IBID_LAYERS_ALL):
** findings read its sentences, and a finding's evidence is a cite group of
** the layers (ibid_evidence.cite, the `cites` row of its first item) or a
** note marker. What the corpus ingest calls, the layers built once. */
int ibid_find_findings_layers(const ibid_layers *layers, const ibid_regions *regions,
                              ibid_progress *progress, ibid_findings *result);
void ibid_findings_free(ibid_findings *result);

/* The polarity of a finding's text from a small evaluative lexicon with
** negation (see findings.c "POLARITY"). */
ibid_polarity ibid_text_polarity(const char *text, size_t length);

/* The short name of a case from its printed title ("The attempted Kosovo
** referral" -> "Kosovo"); NUL-terminated, free with ibid_free; NULL on OOM. */
char *ibid_case_short_name(const char *title, size_t length);

/* "positive", "negative", "mixed", "none". */
const char *ibid_polarity_name(ibid_polarity polarity);
/* "figure", "conclusion", "abstract", "list". */
const char *ibid_finding_source_name(ibid_finding_source source);

#endif
