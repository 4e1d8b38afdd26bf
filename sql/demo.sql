-- make demo: load tests/corpus/ into icc.db and print a tour of what ibid found.
-- Run as: sqlite3 icc.db < sql/demo.sql   (from the repository root)
.bail on
.load ./ibid
.output /dev/null
SELECT ibid_init();
.output stdout
.print 'Loading tests/corpus/ (one INSERT per file fills every table) ...'
INSERT INTO documents(path, raw)
  SELECT name, readfile(name) FROM fsdir('tests/corpus') WHERE name LIKE '%.txt' ORDER BY name;
SELECT printf('%d documents, %d blocks, %d sentences, %.1f MB of text',
              (SELECT count(*) FROM documents), (SELECT count(*) FROM blocks),
              (SELECT count(*) FROM sentences), (SELECT sum(length(body)) FROM documents) / 1e6);

.print
.print '== Documents: what each file is (ibid_meta)'
.mode box --wrap 38
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
SELECT substr(d.path, 14, 3) AS file, f.block,
       snippet(fulltext, 0, '[', ']', '…', 12) AS snippet
FROM fulltext f JOIN documents d ON d.id = f.document_id
WHERE fulltext MATCH 'deterrence' ORDER BY bm25(fulltext) LIMIT 6;
