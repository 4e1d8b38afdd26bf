-- make demo: load tests/corpus/ into icc.db and print a tour of what ibid found.
-- Run as: sqlite3 icc.db < sql/demo.sql   (from the repository root)
.bail on
-- The extension: $IBID_EXTENSION when set (and found), else ./ibid.so when
-- this folder holds one (the repository), else the installed one (`make install`).
.read '|f=ibid; [ -e ./ibid.so ] && f=./ibid; [ -n "$IBID_EXTENSION" ] && { [ -e "$IBID_EXTENSION" ] || [ -e "$IBID_EXTENSION.so" ] || [ $f = ibid ]; } && f="$IBID_EXTENSION"; echo ".load \"$f\""'
.output /dev/null
SELECT ibid_init();
.output stdout
.print 'Loading tests/corpus/ (one INSERT per file fills every table) ...'
INSERT INTO documents(path, raw)
  SELECT path, raw FROM ibid_files('tests/corpus') WHERE path LIKE '%.txt';
SELECT printf('%d documents, %d blocks, %d sentences, %.1f MB of text',
              (SELECT count(*) FROM documents), (SELECT count(*) FROM blocks),
              (SELECT count(*) FROM sentences), (SELECT sum(length(body)) FROM documents) / 1e6);

.print
.print '== Documents: what each file is (ibid_meta)'
.mode box --wrap 44 --wordwrap on
SELECT substr(path, 14, 3) AS file, type AS kind, title, authors, year, container
FROM documents ORDER BY path;

.print
.print '== One work, two files: documents that share a work (DOI, else author + title)'
SELECT w.key AS work, group_concat(substr(d.path, 14, 3), ', ') AS files
FROM documents d JOIN works w ON w.id = d.work_id GROUP BY w.id HAVING count(*) > 1;

.print
.print '== Structure: blocks by kind (ibid_blocks)'
SELECT substr(d.path, 14, 3) AS file,
       sum(kind = 'heading') AS headings, sum(kind = 'paragraph') AS paragraphs,
       sum(kind = 'list_item') AS list_items, sum(kind = 'caption') AS captions,
       sum(kind = 'note') AS notes, sum(kind = 'boilerplate') AS boilerplate
FROM blocks b JOIN documents d ON d.id = b.document_id GROUP BY d.id ORDER BY d.path;

.print
.print "== Full-text search: fulltext MATCH 'deterrence' (tokenizer ibid, bm25 order)"
-- the best-ranked block of each document that has a match
SELECT substr(d.path, 14, 3) AS file,
       (SELECT snippet(fulltext, 0, '[', ']', '…', 14) FROM fulltext
        WHERE fulltext MATCH 'deterrence' AND document_id = d.id ORDER BY rank LIMIT 1) AS snippet
FROM documents d WHERE snippet IS NOT NULL ORDER BY d.path;

.print
.print '== Notes: Ibid. and short forms resolved (ibid_notes), in the footnotes of 003'
SELECT n.n AS note, substr(n.text, 1, 40) AS text, n.ibid_of AS stands_for,
       substr(target.text, 1, 44) AS full_citation, n.locator
FROM notes n JOIN documents d ON d.id = n.document_id
JOIN notes target ON target.document_id = n.document_id AND target.n = n.ibid_of
WHERE d.path LIKE '%/003_%' ORDER BY n.n LIMIT 8;

.mode list
SELECT printf('%d notes in all, %d of them Ibid./short forms resolved; %d note markers linked',
              (SELECT count(*) FROM notes), (SELECT count(*) FROM notes WHERE ibid_of IS NOT NULL),
              (SELECT count(*) FROM markers));
.mode box --wrap 44 --wordwrap on

.print
.print '== Parsed references (ibid_references + ibid_parse_reference): a sample'
SELECT r.note, r.csl ->> '$.type' AS type,
       coalesce(r.csl ->> '$.author[0].family', r.csl ->> '$.author[0].literal') AS author,
       r.csl ->> '$.title' AS title, r.csl ->> '$."container-title"' AS container,
       r.csl ->> '$.issued."date-parts"[0][0]' AS year, r.csl ->> '$.page' AS pages
FROM refs r JOIN documents d ON d.id = r.document_id
WHERE d.path LIKE '%/003_%' AND r.resolves_to IS NULL AND r.note IN (3, 10, 32, 48, 97)
ORDER BY r.note, r.item;

.print
.print '== Most-cited works across the corpus (cited_works)'
SELECT key AS work, documents, citations FROM cited_works
ORDER BY citations DESC, documents DESC, key LIMIT 8;

.print
.print '== Author-year citations (ibid_cites) in 002, and the malformed ones'
.mode list
SELECT printf('%d citations in %d parentheses', count(*), count(DISTINCT group_n)) FROM cites
WHERE document_id = (SELECT id FROM documents WHERE path LIKE '%/002_%');
.mode box --wrap 44 --wordwrap on
SELECT c.authors, c.year, c.locator, c.problem, substr(d.body, c.start, c.length) AS as_printed
FROM cites c JOIN documents d ON d.id = c.document_id
WHERE c.problem IS NOT NULL ORDER BY c.document_id, c.n;

.print
.print '== Timeline (first events) and most-mentioned entities'
SELECT date, substr(sentence, 1, 80) AS event FROM timeline WHERE relative = 0 LIMIT 6;
SELECT kind, value, sum(mentions) AS mentions, count(*) AS documents FROM entity_mentions
WHERE kind <> 'organization' GROUP BY kind, value ORDER BY mentions DESC LIMIT 8;

.print
.print '== Case-study findings: the comparison matrix (findings_matrix: case x question)'
SELECT "case", question, positive AS '+', negative AS '-', total FROM findings_matrix
ORDER BY document_id, "case" = 'all', "case", question;
.print 'What the figures say, per case and question (ibid_findings, source = figure):'
SELECT "case", question,
       group_concat(finding || CASE polarity WHEN 'positive' THEN ' (+)' WHEN 'negative' THEN ' (-)'
                                             ELSE '' END, '; ') AS findings
FROM findings WHERE source = 'figure' AND question IS NOT NULL
GROUP BY document_id, "case", question ORDER BY document_id, "case" = 'all', "case", question;

.print
.print '== Claims that do not add up (inconsistent_claims)'
SELECT sentence, value, unit, round(expected, 1) AS expected FROM inconsistent_claims;


.print
.print '== Formats in: the seeds as HTML, JATS, TEI and PDF (tests/formats/), loaded like any file'
.print 'Notes, markers and references come from the markup or the page layout, not from guessing.'
BEGIN; -- loaded for this table only: ROLLBACK keeps the tour's corpus as it was
.output /dev/null
INSERT INTO documents(path, raw)
  SELECT path, raw FROM ibid_files('tests/formats')
  WHERE path GLOB '*/[0-9][0-9][0-9]_*' AND path NOT GLOB '*.py' AND path NOT GLOB '*.tsv'
     OR path GLOB '*.pdf' AND path NOT GLOB '*/many_pages.pdf';
.output stdout
SELECT substr(d.path, 14) AS file, d.format, d.structure ->> '$.pages' AS pages,
       (SELECT count(*) FROM notes x WHERE x.document_id = d.id) AS notes,
       (SELECT count(*) FROM markers x WHERE x.document_id = d.id) AS markers,
       (SELECT count(*) FROM cites x WHERE x.document_id = d.id) AS cites,
       (SELECT count(*) FROM refs x WHERE x.document_id = d.id) AS refs, d.error
FROM documents d WHERE d.path LIKE 'tests/formats/%' ORDER BY d.error IS NOT NULL, d.path;
ROLLBACK;

.print
.print '== Out: the bibliography view (one CSL-JSON object per work), as BibTeX and RIS'
.mode list
SELECT printf('%d works; sql/export.sql writes them to bibliography.json, .bib and .ris. '
              || 'The most cited with a title, as BibTeX (ibid_bibtex):', count(*)) FROM bibliography;
SELECT ibid_bibtex(b.csl) FROM bibliography b JOIN cited_works c ON c.key = b.key
WHERE b.csl ->> '$.title' IS NOT NULL AND b.csl ->> '$.author' IS NOT NULL
ORDER BY c.citations DESC, c.documents DESC, b.key LIMIT 1;
