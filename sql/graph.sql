-- sql/graph.sql: the citation graph of a corpus as Graphviz DOT (ibid_dot).
-- Runs from any folder (the extension: see the .read line below):
--   sqlite3 my.db < sql/graph.sql > citations.dot
--   dot -Tsvg citations.dot -o citations.svg          (Debian package graphviz)
-- Only the works cited at least twice, and the works citing them:
--   sqlite3 -cmd '.parameter set @minimum 2' my.db < sql/graph.sql > citations.dot
-- Nodes are works labelled "Author Year" ("A & B Year", "A et al. Year", a
-- short title when there is no author, "n.d." when there is no year) over a
-- second line with the start of the title, so two works of one author and
-- year are told apart (a work known without a title: its citation key); boxes
-- are documents of the corpus, ellipses works they cite. An edge is "cites",
-- thicker the more often. The database is left unchanged.
.bail on
-- The extension: $IBID_EXTENSION when set (and found), else ./ibid.so when
-- this folder holds one (the repository), else the installed one (`make install`).
.read '|f=ibid; [ -e ./ibid.so ] && f=./ibid; [ -n "$IBID_EXTENSION" ] && { [ -e "$IBID_EXTENSION" ] || [ -e "$IBID_EXTENSION.so" ] || [ $f = ibid ]; } && f="$IBID_EXTENSION"; echo ".load \"$f\""'
.headers off
.mode list
BEGIN;
-- A database without the ibid schema (a new, empty file) gets it for this run
-- only, so the script prints an empty graph instead of failing: the ROLLBACK
-- at the end takes it away again.
.output /dev/null
SELECT ibid_init() WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'documents');
.output stdout

WITH named AS (
  SELECT id, authors, year, coalesce(nullif(title, ''), key) AS title FROM works
),
labels AS (
  SELECT id AS work_id,
         CASE
           -- authors is 'Family', 'Family; Family' or 'Family; Family; ...'
           WHEN trim(coalesce(authors, '')) <> '' THEN
             CASE
               WHEN instr(authors, ';') = 0 THEN trim(authors)
               WHEN instr(substr(authors, instr(authors, ';') + 1), ';') = 0 THEN
                 trim(substr(authors, 1, instr(authors, ';') - 1)) || ' & ' ||
                 trim(substr(authors, instr(authors, ';') + 1))
               ELSE trim(substr(authors, 1, instr(authors, ';') - 1)) || ' et al.'
             END
           -- No author: the title, cut after the last whole word within 32
           -- characters (ibid_dot shortens labels at 40; the year must stay).
           WHEN length(title) <= 32 THEN title
           ELSE coalesce(nullif(rtrim(rtrim(substr(title, 1, 33),
                                            'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
                                      ' ,;:-–—/('), ''),
                         substr(title, 1, 32)) || '…'
         END || ' ' || coalesce(year, 'n.d.') AS label
  FROM named
),
-- The second line: what ibid_dot's 40 characters leave after "Author Year",
-- cut after a whole word.
titled AS (
  SELECT l.work_id,
         l.label ||
         CASE WHEN trim(coalesce(w.authors, '')) = '' OR length(l.label) > 30 THEN ''
              WHEN coalesce(w.title, '') = '' THEN
                CASE WHEN length(l.label) + length(w.citekey) <= 36
                     THEN char(10) || '[' || w.citekey || ']' ELSE '' END
              WHEN length(w.title) <= 38 - length(l.label) THEN char(10) || w.title
              ELSE char(10) ||
                   coalesce(nullif(rtrim(rtrim(substr(w.title, 1, 38 - length(l.label)),
                                               'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
                                         ' ,;:-–—/('), ''),
                            substr(w.title, 1, 37 - length(l.label))) || '…'
         END AS label
  FROM labels l JOIN works w ON w.id = l.work_id
)
SELECT ibid_dot(e.citing_work, citing.label, e.cited_work, cited.label, e.citations,
                coalesce(@minimum, 1))
FROM citation_edges e
JOIN titled citing ON citing.work_id = e.citing_work
JOIN titled cited ON cited.work_id = e.cited_work;

ROLLBACK;
