-- sql/report.sql: a readable report of an ibid corpus database.
-- Runs from any folder (the extension: see the .read line below):
--   sqlite3 my.db < sql/report.sql
-- Prints the documents (file, format, title, year, notes, references), the
-- totals of notes, note markers, references and author-year cites, the
-- most-cited works, the findings matrix (case x question) and the numeric
-- claims that do not add up. On a database with no documents it says so.
-- The database is left unchanged.
.bail on
-- The extension: $IBID_EXTENSION when set (and found), else ./ibid.so when
-- this folder holds one (the repository), else the installed one (`make install`).
.read '|f=ibid; [ -e ./ibid.so ] && f=./ibid; [ -n "$IBID_EXTENSION" ] && { [ -e "$IBID_EXTENSION" ] || [ -e "$IBID_EXTENSION.so" ] || [ $f = ibid ]; } && f="$IBID_EXTENSION"; echo ".load \"$f\""'
BEGIN;
-- A database without the ibid schema (a new, empty file) gets it for this run
-- only, so the report says "no documents" instead of failing: the ROLLBACK
-- at the end takes it away again.
.output /dev/null
SELECT ibid_init() WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'documents');
.output stdout

-- Headings and notes print in list mode without headers; the box mode of the
-- tables always shows its column names, whatever .headers says.
.headers off
.mode list
SELECT '== ibid corpus report';
SELECT 'no documents: load some with' || char(10) ||
       '  INSERT INTO documents(path, raw) VALUES (''paper.txt'', readfile(''paper.txt''));'
WHERE NOT EXISTS (SELECT 1 FROM documents);

-- Sections print only when there are documents: each heading is a SELECT
-- with a WHERE, and an empty table prints nothing in box mode.
SELECT char(10) || '== Documents' WHERE EXISTS (SELECT 1 FROM documents);
.mode box --wrap 40 --wordwrap on
SELECT d.path, d.format, d.title, d.year,
       (SELECT count(*) FROM notes n WHERE n.document_id = d.id) AS notes,
       (SELECT count(*) FROM refs r WHERE r.document_id = d.id) AS refs
FROM documents d ORDER BY d.path;

.mode list
SELECT char(10) || '== Totals' WHERE EXISTS (SELECT 1 FROM documents);
.mode box
SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM notes) AS notes,
       (SELECT count(*) FROM notes WHERE ibid_of IS NOT NULL) AS "ibid/short forms",
       (SELECT count(*) FROM markers) AS markers, (SELECT count(*) FROM refs) AS refs,
       (SELECT count(*) FROM cites) AS "author-year cites",
       (SELECT count(*) FROM cited_works) AS "works cited"
WHERE EXISTS (SELECT 1 FROM documents);

.mode list
SELECT char(10) || '== Most-cited works' WHERE EXISTS (SELECT 1 FROM documents);
SELECT '(no citation linked to a work)'
WHERE EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM cited_works);
.mode box --wrap 48 --wordwrap on
SELECT authors, year, title, documents, citations FROM cited_works
ORDER BY citations DESC, documents DESC, key LIMIT 10;

.mode list
SELECT char(10) || '== Findings matrix (case x question)' WHERE EXISTS (SELECT 1 FROM documents);
SELECT '(no case-study findings)'
WHERE EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM findings_matrix);
.mode box --wrap 40 --wordwrap on
SELECT substr(d.path, length(rtrim(d.path, replace(d.path, '/', ''))) + 1) AS file, m."case",
       coalesce(m.question, '') AS question, coalesce(m.question_text, '') AS "question text",
       m.positive AS "+", m.negative AS "-", m.total
FROM findings_matrix m JOIN documents d ON d.id = m.document_id
ORDER BY d.path, m."case" = 'all', m."case", m.question;

.mode list
SELECT char(10) || '== Inconsistent claims (the stated figure does not follow from the numbers)'
WHERE EXISTS (SELECT 1 FROM documents);
SELECT '(none)' WHERE EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM inconsistent_claims);
.mode box --wrap 60 --wordwrap on
SELECT substr(d.path, length(rtrim(d.path, replace(d.path, '/', ''))) + 1) AS file, c.sentence,
       c.value, c.unit, round(c.expected, 1) AS expected
FROM inconsistent_claims c JOIN documents d ON d.id = c.document_id
ORDER BY d.path, c.sentence;

ROLLBACK;
