/*
** report.c -- `ibid report [-o FOLDER]`: a static HTML site of a corpus.
**
** FOLDER/index.html      counts, the documents, links to the rest
** FOLDER/works.html      every work (bibliography_all) with its citation key and how often cited
** FOLDER/findings.html   the findings matrix (document x case x question), each finding
**                        linked to its place, with its evidence, on the document's page
** FOLDER/graph.html      the citation graph as inline SVG (Graphviz `dot`), nodes titled
** FOLDER/d/ID.html       one per document: metadata, notes with the full citation each
**                        resolves to, references, findings with evidence
** FOLDER/w/ID.html       one per work: its CSL-JSON fields and every passage citing it
**
** HOW IT WORKS. Plain SQL over the corpus tables and views, written out as
** HTML with every text escaped; one stylesheet inlined in each page; links
** are relative, so the folder opens from the file system (file://) with no
** server and no network. The graph is ibid_dot's DOT piped through `dot -Tsvg`
** when Graphviz is installed; without it the page says so and shows the DOT.
** Pages are written into FOLDER (made if missing; files of the same names are
** replaced). The corpus is read in one transaction, so every page shows the
** same state (ibid_init first brings an older schema up to date).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ibid_cli.h"

typedef struct report {
  sqlite3 *db;
  const char *folder;
  int failed;
  int pages;
} report;

static const char report_style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:62em;padding:1em;"
    "color:#222}a{color:#0645ad}nav a{margin-right:1em}table{border-collapse:collapse;"
    "width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;"
    "vertical-align:top}th{background:#f4f4f4}.n{text-align:right}.muted{color:#777}"
    ".note{margin:.6em 0;padding-left:.6em;border-left:3px solid #ddd}.cite{margin:.2em 0 0 "
    "1.2em;font-size:.93em}.positive{color:#176f2c}.negative{color:#a4161a}"
    ".mixed,.neutral{color:#8a5a00}dt{font-weight:600}dd{margin:0 0 .4em 1em}"
    ":target{background:#fff6c8}svg{max-width:100%;height:auto}";

static void esc(FILE *out, const unsigned char *text) {
  if (!text) return;
  for (; *text; text++) switch (*text) {
      case '<':
        fputs("&lt;", out);
        break;
      case '>':
        fputs("&gt;", out);
        break;
      case '&':
        fputs("&amp;", out);
        break;
      case '"':
        fputs("&quot;", out);
        break;
      default:
        fputc(*text, out);
    }
}

static sqlite3_stmt *query(report *r, const char *sql) {
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2(r->db, sql, -1, &statement, 0) != SQLITE_OK) {
    fprintf(stderr, "ibid report: %s\n", sqlite3_errmsg(r->db));
    r->failed = 1;
  }
  return statement;
}

static const unsigned char *col(sqlite3_stmt *s, int i) {
  return sqlite3_column_text(s, i);
}

/* Opens FOLDER/name with the page head; `up` is the path back to FOLDER. */
static FILE *page_open(report *r, const char *name, const char *title, const char *up) {
  char *path = sqlite3_mprintf("%s/%s", r->folder, name);
  FILE *out = path ? fopen(path, "w") : 0;
  if (!out) {
    fprintf(stderr, "ibid report: %s: %s\n", path ? path : name, strerror(errno));
    r->failed = 1;
  }
  sqlite3_free(path);
  if (!out) return 0;
  r->pages++;
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>", out);
  esc(out, (const unsigned char *)title);
  fprintf(out,
          " — ibid</title>\n<style>%s</style></head>\n<body>\n<nav><a href=\"%sindex.html\">"
          "Documents</a><a href=\"%sworks.html\">Works</a><a href=\"%sfindings.html\">Findings</a>"
          "<a href=\"%sgraph.html\">Citation graph</a></nav>\n<h1>",
          report_style, up, up, up, up);
  esc(out, (const unsigned char *)title);
  fputs("</h1>\n", out);
  return out;
}

static void page_close(report *r, FILE *out) {
  if (!out) return;
  fputs("<p class=\"muted\">Made by <code>ibid report</code>.</p>\n</body></html>\n", out);
  if (ferror(out)) r->failed = 1;
  if (fclose(out) != 0) r->failed = 1;
}

static long long count(report *r, const char *sql) {
  sqlite3_stmt *s = query(r, sql);
  long long n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  sqlite3_finalize(s);
  return n;
}

/* "Author; Author (Year). Title. Container." from a work's clean CSL-JSON. */
static const char citation_sql[] =
    "coalesce((SELECT group_concat(coalesce(value->>'$.family' || coalesce(', ' || "
    "(value->>'$.given'), ''), value->>'$.literal'), '; ') FROM json_each(%s, '$.author')) || ' ', "
    "'') || '(' || coalesce(%s->>'$.issued.date-parts[0][0]', 'n.d.') || '). ' || "
    "coalesce(%s->>'$.title', '[no title]') || '.' || coalesce(' ' || (%s->>'$.container-title') "
    "|| '.', '')";

static char *citation_of(const char *csl) {
  return sqlite3_mprintf(citation_sql, csl, csl, csl, csl);
}

/* ----- index ---------------------------------------------------------------- */

static void page_index(report *r) {
  FILE *out = page_open(r, "index.html", "ibid corpus report", "");
  if (!out) return;
  static const struct {
    const char *label, *sql, *link;
  } counts[] = {
      {"documents", "SELECT count(*) FROM documents", 0},
      {"notes", "SELECT count(*) FROM notes", 0},
      {"references", "SELECT count(*) FROM refs", 0},
      {"author-year cites", "SELECT count(*) FROM cites", 0},
      {"works in the bibliography", "SELECT count(*) FROM bibliography", "works.html"},
      {"works without a title", "SELECT count(*) FROM incomplete_works", "works.html#incomplete"},
      {"findings", "SELECT count(*) FROM findings", "findings.html"},
  };
  fputs("<table id=\"counts\"><tr>", out);
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    fputs("<th>", out);
    if (counts[i].link) fprintf(out, "<a href=\"%s\">", counts[i].link);
    fputs(counts[i].label, out);
    if (counts[i].link) fputs("</a>", out);
    fputs("</th>", out);
  }
  fputs("</tr>\n<tr>", out);
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
    fprintf(out, "<td class=\"n\" data-count=\"%s\">%lld</td>", counts[i].label,
            count(r, counts[i].sql));
  fputs(
      "</tr></table>\n<h2>Documents</h2>\n<table id=\"documents\"><tr><th>title</th>"
      "<th>authors</th><th>year</th><th>format</th><th class=n>notes</th><th class=n>"
      "references</th><th class=n>findings</th><th>file</th></tr>\n",
      out);
  sqlite3_stmt *s =
      query(r,
            "SELECT d.id, coalesce(d.title, '[no title]'), d.authors, d.year, d.format, "
            "(SELECT count(*) FROM notes n WHERE n.document_id = d.id), "
            "(SELECT count(*) FROM refs x WHERE x.document_id = d.id), "
            "(SELECT count(*) FROM findings f WHERE f.document_id = d.id), d.path, d.error "
            "FROM documents d ORDER BY d.path");
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    fprintf(out, "<tr><td><a href=\"d/%lld.html\">", sqlite3_column_int64(s, 0));
    esc(out, col(s, 1));
    fputs("</a>", out);
    if (col(s, 9)) {
      fputs(" <span class=\"negative\">(", out);
      esc(out, col(s, 9));
      fputs(")</span>", out);
    }
    fputs("</td><td>", out);
    esc(out, col(s, 2));
    fputs("</td><td>", out);
    esc(out, col(s, 3));
    fputs("</td><td>", out);
    esc(out, col(s, 4));
    fprintf(out, "</td><td class=n>%d</td><td class=n>%d</td><td class=n>%d</td><td class=muted>",
            sqlite3_column_int(s, 5), sqlite3_column_int(s, 6), sqlite3_column_int(s, 7));
    esc(out, col(s, 8));
    fputs("</td></tr>\n", out);
  }
  sqlite3_finalize(s);
  fputs("</table>\n", out);
  page_close(r, out);
}

/* ----- works ---------------------------------------------------------------- */

static void page_works(report *r) {
  FILE *out = page_open(r, "works.html", "Works", "");
  if (!out) return;
  for (int incomplete = 0; incomplete < 2; incomplete++) {
    fprintf(out,
            "%s<table id=\"%s\"><tr><th>key</th><th>work</th><th class=n>documents</th>"
            "<th class=n>citations</th></tr>\n",
            incomplete ? "<h2 id=\"incomplete\">Works known without a title</h2>\n" : "",
            incomplete ? "incomplete-works" : "works");
    char *citation = citation_of("b.csl");
    char *sql = sqlite3_mprintf(
        "SELECT b.work_id, b.citekey, %s, "
        "(SELECT count(DISTINCT document_id) FROM citations c WHERE c.work_id = b.work_id) AS "
        "docs, "
        "(SELECT count(*) FROM citations c WHERE c.work_id = b.work_id) AS cited "
        "FROM bibliography_all b WHERE (b.csl->>'$.title' IS NULL) = %d "
        "ORDER BY cited DESC, docs DESC, b.citekey",
        citation, incomplete);
    sqlite3_stmt *s = query(r, sql);
    sqlite3_free(sql);
    sqlite3_free(citation);
    while (s && sqlite3_step(s) == SQLITE_ROW) {
      fputs("<tr><td><code>", out);
      esc(out, col(s, 1));
      fprintf(out, "</code></td><td><a href=\"w/%lld.html\">", sqlite3_column_int64(s, 0));
      esc(out, col(s, 2));
      fprintf(out, "</a></td><td class=n>%d</td><td class=n>%d</td></tr>\n",
              sqlite3_column_int(s, 3), sqlite3_column_int(s, 4));
    }
    sqlite3_finalize(s);
    fputs("</table>\n", out);
  }
  page_close(r, out);
}

/* One work page: its fields, then every passage citing it. */
static void page_work(report *r, sqlite3_stmt *work) {
  long long id = sqlite3_column_int64(work, 0);
  char *name = sqlite3_mprintf("w/%lld.html", id);
  FILE *out = page_open(r, name, (const char *)col(work, 2), "../");
  sqlite3_free(name);
  if (!out) return;
  fputs("<dl><dt>citation key</dt><dd><code>", out);
  esc(out, col(work, 1));
  fputs("</code></dd><dt>CSL-JSON</dt><dd><code>", out);
  esc(out, col(work, 3));
  fputs("</code></dd></dl>\n<h2>Passages citing it</h2>\n", out);
  sqlite3_stmt *s = query(
      r,
      "SELECT c.document_id, coalesce(d.title, d.path), c.via, c.note, c.locator, "
      "CASE c.via WHEN 'note' THEN (SELECT n.text FROM notes n WHERE n.document_id = "
      "c.document_id AND n.n = c.note) "
      "ELSE coalesce((SELECT s.text FROM sentences s WHERE s.document_id = c.document_id AND "
      "c.start >= s.start AND c.start < s.start + s.length), substr(d.body, c.start, c.length)) "
      "END, c.start "
      "FROM citations c JOIN documents d ON d.id = c.document_id WHERE c.work_id = ?1 "
      "ORDER BY d.path, c.start");
  int passages = 0;
  if (s) sqlite3_bind_int64(s, 1, id);
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    passages++;
    long long document = sqlite3_column_int64(s, 0);
    const char *via = (const char *)col(s, 2);
    fputs("<div class=\"note passage\">", out);
    if (via && !strcmp(via, "note"))
      fprintf(out, "<a href=\"../d/%lld.html#note-%d\">", document, sqlite3_column_int(s, 3));
    else
      fprintf(out, "<a href=\"../d/%lld.html#at-%d\">", document, sqlite3_column_int(s, 6));
    esc(out, col(s, 1));
    fputs("</a> <span class=muted>(", out);
    esc(out, col(s, 2));
    if (via && !strcmp(via, "note")) fprintf(out, " %d", sqlite3_column_int(s, 3));
    if (col(s, 4)) {
      fputs(", at ", out);
      esc(out, col(s, 4));
    }
    fputs(")</span><br>", out);
    esc(out, col(s, 5));
    fputs("</div>\n", out);
  }
  if (!passages) fputs("<p class=muted>No document cites it (it is a corpus document).</p>\n", out);
  sqlite3_finalize(s);
  s = query(r, "SELECT id, coalesce(title, path) FROM documents WHERE work_id = ?1");
  if (s) sqlite3_bind_int64(s, 1, id);
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    fprintf(out, "<p>In the corpus as <a href=\"../d/%lld.html\">", sqlite3_column_int64(s, 0));
    esc(out, col(s, 1));
    fputs("</a>.</p>\n", out);
  }
  sqlite3_finalize(s);
  page_close(r, out);
}

static void pages_works(report *r) {
  char *citation = citation_of("csl");
  char *sql = sqlite3_mprintf("SELECT work_id, citekey, %s, csl FROM bibliography_all", citation);
  sqlite3_stmt *s = query(r, sql);
  sqlite3_free(sql);
  sqlite3_free(citation);
  while (s && sqlite3_step(s) == SQLITE_ROW && !r->failed) page_work(r, s);
  sqlite3_finalize(s);
}

/* ----- documents ---------------------------------------------------------------- */

static void document_findings(report *r, FILE *out, long long id) {
  sqlite3_stmt *s =
      query(r,
            "SELECT f.n, f.\"case\", f.question, f.finding, f.polarity, f.source, "
            "(SELECT group_concat(substr(d.body, e.citation_start, e.citation_length), ' | ') "
            " FROM evidence e WHERE e.document_id = f.document_id AND e.finding = f.n) "
            "FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.document_id = ?1 "
            "ORDER BY f.n");
  if (s) sqlite3_bind_int64(s, 1, id);
  int any = 0;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    if (!any++)
      fputs(
          "<h2>Findings</h2>\n<table id=\"findings\"><tr><th>case</th><th>question</th>"
          "<th>finding</th><th>evidence</th></tr>\n",
          out);
    fprintf(out, "<tr id=\"finding-%d\"><td>", sqlite3_column_int(s, 0));
    esc(out, col(s, 1));
    fputs("</td><td>", out);
    esc(out, col(s, 2));
    fputs("</td><td class=\"", out);
    esc(out, col(s, 4));
    fputs("\">", out);
    esc(out, col(s, 3));
    fputs(" (", out);
    esc(out, col(s, 4));
    fputs(")</td><td>", out);
    esc(out, col(s, 6));
    fputs("</td></tr>\n", out);
  }
  if (any) fputs("</table>\n", out);
  sqlite3_finalize(s);
}

static void page_document(report *r, sqlite3_stmt *document) {
  long long id = sqlite3_column_int64(document, 0);
  char *name = sqlite3_mprintf("d/%lld.html", id);
  FILE *out = page_open(r, name, (const char *)col(document, 1), "../");
  sqlite3_free(name);
  if (!out) return;
  static const char *const fields[] = {"authors", "year", "type",  "container", "DOI",
                                       "format",  "file", "error", "abstract"};
  fputs("<dl id=\"metadata\">", out);
  for (int i = 0; i < 9; i++) {
    if (!col(document, i + 2)) continue;
    fprintf(out, "<dt>%s</dt><dd>", fields[i]);
    esc(out, col(document, i + 2));
    fputs("</dd>", out);
  }
  if (sqlite3_column_type(document, 11) != SQLITE_NULL)
    fprintf(out, "<dt>as a work</dt><dd><a href=\"../w/%lld.html\">its page</a></dd>",
            sqlite3_column_int64(document, 11));
  fputs("</dl>\n", out);

  /* Notes, each with the works its references resolve to. */
  char *citation = citation_of("b.csl");
  char *sql = sqlite3_mprintf(
      "SELECT n.n, n.label, n.text, n.ibid_of, "
      "(SELECT json_group_array(json_array(b.work_id, %s, x.locator, x.resolves_to)) "
      " FROM refs x JOIN bibliography_all b ON b.work_id = x.work_id "
      " WHERE x.document_id = n.document_id AND x.note = n.n ORDER BY x.item) "
      "FROM notes n WHERE n.document_id = ?1 ORDER BY n.n",
      citation);
  sqlite3_stmt *s = query(r, sql);
  sqlite3_free(sql);
  if (s) sqlite3_bind_int64(s, 1, id);
  int any = 0;
  sqlite3_stmt *items = query(r,
                              "SELECT value->>0, value->>1, value->>2, value->>3 "
                              "FROM json_each(?1)");
  while (s && items && sqlite3_step(s) == SQLITE_ROW) {
    if (!any++) fputs("<h2>Notes</h2>\n", out);
    fprintf(out, "<div class=\"note\" id=\"note-%d\"><b>", sqlite3_column_int(s, 0));
    esc(out, col(s, 1));
    fputs("</b> ", out);
    esc(out, col(s, 2));
    sqlite3_reset(items);
    sqlite3_bind_text(items, 1, (const char *)col(s, 4), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(items) == SQLITE_ROW) {
      fprintf(out, "<div class=\"cite\">→ <a href=\"../w/%s.html\">", col(items, 0));
      esc(out, col(items, 1));
      fputs("</a>", out);
      if (col(items, 2)) {
        fputs(" <span class=muted>at ", out);
        esc(out, col(items, 2));
        fputs("</span>", out);
      }
      if (col(items, 3)) fprintf(out, " <span class=muted>(as note %s)</span>", col(items, 3));
      fputs("</div>", out);
    }
    fputs("</div>\n", out);
  }
  sqlite3_finalize(items);
  sqlite3_finalize(s);

  /* The reference list, and the author-year cites. */
  sql = sqlite3_mprintf(
      "SELECT x.text, b.work_id, %s, x.start FROM refs x LEFT JOIN bibliography_all b ON "
      "b.work_id = x.work_id WHERE x.document_id = ?1 AND x.note IS NULL ORDER BY x.start",
      citation);
  s = query(r, sql);
  sqlite3_free(sql);
  if (s) sqlite3_bind_int64(s, 1, id);
  any = 0;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    if (!any++) fputs("<h2>References</h2>\n<ol id=\"references\">\n", out);
    fprintf(out, "<li id=\"at-%d\">", sqlite3_column_int(s, 3));
    esc(out, col(s, 0));
    if (col(s, 1)) {
      fprintf(out, "<div class=\"cite\">→ <a href=\"../w/%s.html\">", col(s, 1));
      esc(out, col(s, 2));
      fputs("</a></div>", out);
    }
    fputs("</li>\n", out);
  }
  if (any) fputs("</ol>\n", out);
  sqlite3_finalize(s);
  sql = sqlite3_mprintf(
      "SELECT c.authors, c.year, c.locator, c.work_id, %s, c.start FROM cites c LEFT JOIN "
      "bibliography_all b ON b.work_id = c.work_id WHERE c.document_id = ?1 ORDER BY c.start",
      citation);
  s = query(r, sql);
  sqlite3_free(sql);
  sqlite3_free(citation);
  if (s) sqlite3_bind_int64(s, 1, id);
  any = 0;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    if (!any++) fputs("<h2>Author-year citations</h2>\n<ul id=\"cites\">\n", out);
    fprintf(out, "<li id=\"at-%d\">", sqlite3_column_int(s, 5));
    esc(out, col(s, 0));
    fputs(" ", out);
    esc(out, col(s, 1));
    if (col(s, 2)) {
      fputs(", ", out);
      esc(out, col(s, 2));
    }
    if (col(s, 3)) {
      fprintf(out, " → <a href=\"../w/%s.html\">", col(s, 3));
      esc(out, col(s, 4));
      fputs("</a>", out);
    }
    fputs("</li>\n", out);
  }
  if (any) fputs("</ul>\n", out);
  sqlite3_finalize(s);
  document_findings(r, out, id);
  page_close(r, out);
}

static void pages_documents(report *r) {
  sqlite3_stmt *s = query(r,
                          "SELECT id, coalesce(title, path), authors, year, type, container, "
                          "doi, format, path, error, abstract, work_id FROM documents");
  while (s && sqlite3_step(s) == SQLITE_ROW && !r->failed) page_document(r, s);
  sqlite3_finalize(s);
}

/* ----- findings matrix ------------------------------------------------------------ */

static void page_findings(report *r) {
  FILE *out = page_open(r, "findings.html", "Findings matrix", "");
  if (!out) return;
  fputs(
      "<p>What each document concludes about each case and question; every finding links "
      "to its place, with its evidence, on the document's page.</p>\n"
      "<table id=\"matrix\"><tr><th>document</th><th>case</th><th>question</th><th>findings</th>"
      "<th class=n>+</th><th class=n>−</th></tr>\n",
      out);
  sqlite3_stmt *s = query(
      r,
      "SELECT m.document_id, m.document, m.\"case\", m.question, m.question_text, "
      "m.positive, m.negative, (SELECT json_group_array(json_array(f.n, f.finding, f.polarity)) "
      " FROM findings f WHERE f.document_id = m.document_id AND f.\"case\" = m.\"case\" "
      " AND f.question IS m.question) "
      "FROM findings_matrix m ORDER BY m.\"case\", m.question, m.document_id");
  sqlite3_stmt *items =
      query(r, "SELECT value->>0, value->>1, value->>2 FROM json_each(?1) ORDER BY key");
  while (s && items && sqlite3_step(s) == SQLITE_ROW) {
    long long document = sqlite3_column_int64(s, 0);
    fprintf(out, "<tr><td><a href=\"d/%lld.html\">", document);
    esc(out, col(s, 1));
    fputs("</a></td><td>", out);
    esc(out, col(s, 2));
    fputs("</td><td>", out);
    esc(out, col(s, 3));
    if (col(s, 4)) {
      fputs(" <span class=muted>", out);
      esc(out, col(s, 4));
      fputs("</span>", out);
    }
    fputs("</td><td>", out);
    sqlite3_reset(items);
    sqlite3_bind_text(items, 1, (const char *)col(s, 7), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(items) == SQLITE_ROW) {
      fprintf(out, "<a class=\"%s\" href=\"d/%lld.html#finding-%s\">", col(items, 2), document,
              col(items, 0));
      esc(out, col(items, 1));
      fputs("</a>; ", out);
    }
    fprintf(out, "</td><td class=n>%d</td><td class=n>%d</td></tr>\n", sqlite3_column_int(s, 5),
            sqlite3_column_int(s, 6));
  }
  sqlite3_finalize(items);
  sqlite3_finalize(s);
  fputs("</table>\n", out);
  page_close(r, out);
}

/* The whole of a file, NUL-terminated (sqlite3_free it), or NULL. */
static char *read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file) return 0;
  char *text = 0;
  size_t length = 0, capacity = 0, n;
  char buffer[65536];
  while ((n = fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (length + n + 1 > capacity) {
      capacity = 2 * (length + n + 1);
      char *bigger = sqlite3_realloc64(text, capacity);
      if (!bigger) {
        sqlite3_free(text);
        fclose(file);
        return 0;
      }
      text = bigger;
    }
    memcpy(text + length, buffer, n);
    length += n;
  }
  fclose(file);
  if (text) text[length] = 0;
  return text;
}

/* ----- graph ---------------------------------------------------------------------- */

static void page_graph(report *r) {
  sqlite3_stmt *s =
      query(r,
            "WITH labels AS (SELECT w.id, "
            "trim(coalesce(substr(w.authors, 1, instr(w.authors || ';', ';') - 1), '') || ' ' || "
            "coalesce(w.year, 'n.d.')) || char(10) || coalesce(substr(b.csl->>'$.title', 1, 30), "
            "'[' || w.citekey || ']') AS label FROM works w JOIN bibliography_all b ON "
            "b.work_id = w.id) "
            "SELECT ibid_dot(e.citing_work, a.label, e.cited_work, c.label, e.citations, 1) "
            "FROM citation_edges e JOIN labels a ON a.id = e.citing_work "
            "JOIN labels c ON c.id = e.cited_work");
  const char *dot = s && sqlite3_step(s) == SQLITE_ROW ? (const char *)col(s, 0) : 0;
  char *dot_path = sqlite3_mprintf("%s/graph.dot", r->folder);
  char *svg_path = sqlite3_mprintf("%s/graph.svg", r->folder);
  FILE *file = dot_path ? fopen(dot_path, "w") : 0;
  if (file) {
    if (dot) fputs(dot, file);
    fclose(file);
  }
  int drawn = 0;
  if (dot && system("command -v dot >/dev/null 2>&1") == 0) {
    char *command = sqlite3_mprintf("dot -Tsvg -o '%s' '%s' 2>/dev/null", svg_path, dot_path);
    drawn = command && strchr(svg_path, '\'') == 0 && system(command) == 0;
    sqlite3_free(command);
  }
  FILE *out = page_open(r, "graph.html", "Citation graph", "");
  if (out) {
    fputs(
        "<p>Boxes are corpus documents, ellipses the works they cite; an arrow is "
        "\"cites\". Each node: first author and year over the start of the title.</p>\n",
        out);
    char *svg = drawn ? read_file(svg_path) : 0;
    if (svg) {
      /* inline SVG (no XML declaration or DOCTYPE); each node's <title>, which
      ** dot fills with the node id "wID", becomes the work's full citation (a
      ** browser shows it on hover) and the node links to the work's page */
      char *citation = citation_of("csl");
      char *sql = sqlite3_mprintf("SELECT %s FROM bibliography_all WHERE work_id = ?1", citation);
      sqlite3_stmt *lookup = query(r, sql);
      sqlite3_free(sql);
      sqlite3_free(citation);
      const char *at = strstr(svg, "<svg");
      while (at && *at) {
        const char *title = strstr(at, "<title>w");
        const char *digits = title ? title + 8 : 0;
        size_t n = 0;
        while (digits && digits[n] >= '0' && digits[n] <= '9') n++;
        if (!title || !n || strncmp(digits + n, "</title>", 8)) {
          if (!title) {
            fputs(at, out);
            break;
          }
          fwrite(at, 1, (size_t)(digits - at), out);
          at = digits;
          continue;
        }
        long long work = strtoll(digits, 0, 10);
        fwrite(at, 1, (size_t)(title - at), out);
        fputs("<title>", out);
        if (lookup) {
          sqlite3_reset(lookup);
          sqlite3_bind_int64(lookup, 1, work);
          if (sqlite3_step(lookup) == SQLITE_ROW) esc(out, col(lookup, 0));
        }
        fprintf(out, "</title><a href=\"w/%lld.html\">", work);
        at = digits + n + 8;
        const char *end = strstr(at, "</g>"); /* the node's shapes, linked */
        if (end) {
          fwrite(at, 1, (size_t)(end - at), out);
          fputs("</a>", out);
          at = end;
        }
      }
      sqlite3_finalize(lookup);
      sqlite3_free(svg);
    } else {
      fputs(
          "<p>Graphviz is not installed (<code>apt-get install graphviz</code>): the graph "
          "in DOT, also in <a href=\"graph.dot\">graph.dot</a>:</p>\n<pre>",
          out);
      esc(out, (const unsigned char *)dot);
      fputs("</pre>\n", out);
    }
    page_close(r, out);
  }
  sqlite3_finalize(s);
  sqlite3_free(dot_path);
  sqlite3_free(svg_path);
}

int ibid_cli_report(const char *db_path, const char *folder) {
  report r = {0};
  r.folder = folder;
  if (ibid_cli_open(db_path, 0, &r.db)) return 1;
  char *d = sqlite3_mprintf("%s/d", folder), *w = sqlite3_mprintf("%s/w", folder);
  if ((mkdir(folder, 0777) && errno != EEXIST) || (mkdir(d, 0777) && errno != EEXIST) ||
      (mkdir(w, 0777) && errno != EEXIST)) {
    fprintf(stderr, "ibid report: %s: %s\n", folder, strerror(errno));
    r.failed = 1;
  }
  sqlite3_free(d);
  sqlite3_free(w);
  /* one read transaction: every page sees the same corpus */
  sqlite3_exec(r.db, "BEGIN", 0, 0, 0);
  if (!r.failed) page_index(&r);
  if (!r.failed) page_works(&r);
  if (!r.failed) page_findings(&r);
  if (!r.failed) page_graph(&r);
  if (!r.failed) pages_documents(&r);
  if (!r.failed) pages_works(&r);
  sqlite3_exec(r.db, "COMMIT", 0, 0, 0);
  sqlite3_close(r.db);
  if (r.failed) return 1;
  fprintf(stderr, "ibid: wrote %d pages to %s/ (open %s/index.html)\n", r.pages, folder, folder);
  return 0;
}
