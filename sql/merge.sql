-- merge.sql -- adds one shard database (a corpus built by the extension from
-- a share of the files) to the corpus in `main`, so that the result is what
-- loading the shard's files into `main`, one by one, would have given.
--
--   sqlite3 corpus.db '.load ./ibid' 'SELECT ibid_init()' \
--     "ATTACH 'file:shard1.db?mode=ro' AS shard" '.read sql/merge.sql' 'DETACH shard' \
--     "ATTACH 'file:shard2.db?mode=ro' AS shard" '.read sql/merge.sql' 'DETACH shard'
--
-- The caller loads the extension, runs ibid_init() on `main`, ATTACHes the
-- shard AS `shard` (read-only is best: 'file:shard1.db?mode=ro'), runs this
-- script (one transaction: the shard is merged whole or not at all) and
-- DETACHes it; the shard is only read. tools/ibid_parallel_load.py and
-- tools/ibid_dask.py run it for every shard, in the order of their files.
--
-- What is copied and what is done again (docs/scale.md):
--   * documents get new ids, after the corpus's own, in the shard's id order;
--     a path the corpus already holds is replaced (the documents_replace
--     trigger), as loading it again would;
--   * what the extractors found (blocks, sentences, notes, markers, cites,
--     refs, cases, questions, findings, evidence, claims, entities, events) is
--     copied with the new document id: no text is parsed again;
--   * works are NOT copied. Which work a document, a reference or an author-
--     year cite is linked to depends on what the corpus held when it was
--     loaded (a document takes the work with its DOI or title when the corpus
--     knows one; a cite "Smith 2015" takes the work of that family and year
--     when the corpus knows exactly one). A shard knew only its own share, so
--     its links can differ from a single load's. The merge therefore runs the
--     ingest trigger's linking statements again, document by document in the
--     new id order (the schema's documents_link trigger, fired once per document), against the
--     merged corpus: works, their ids and their csl, refs/cites/documents
--     .work_id and the citations table come out as a sequential load of the
--     files in that order gives them. works.csl keeps the ingest rule: the
--     first document (in load order) that names a work gives its row, title,
--     authors, year, DOI and CSL; later ones add nothing (ON CONFLICT DO
--     NOTHING).
--   * the copied blocks take new ids (their fulltext rowids) as they are
--     inserted, in load order, consecutive per document above every id in
--     use, as a sequential load gives them; fulltext (which reads its text
--     from the blocks) and blocks_fulltext (its rowid ranges) are then filled
--     with the ingest trigger's own statements, per document in load order.
--     (Into a corpus made by 0.5 or before, whose blocks have no ids, those
--     statements give the rowids as that layout does.)
-- The linking and fulltext statements are not copied here: the merge runs
-- the schema's own documents_link trigger, as the ingest trigger does, and
-- tests/py/test_scale.py compares every table of a merged corpus with a
-- single load.
--
-- The ingest trigger must not run on the copied rows: it is swapped for a
-- no-op of the same name during the merge, and ibid_init() at the end puts
-- the real one back (inside the transaction, so a failed merge leaves the
-- corpus as it was).

BEGIN IMMEDIATE;
-- `main` must be a corpus already (SELECT ibid_init() before the ATTACH: run
-- with a shard attached, ibid_init's DROP ... IF EXISTS could reach into it).
DROP TABLE IF EXISTS temp.ibid_merge_check;
CREATE TEMP TABLE ibid_merge_check(ok INTEGER
  CONSTRAINT "merge.sql: main is not an ibid corpus (run SELECT ibid_init() on it before attaching the shard)"
  CHECK (ok));
INSERT INTO temp.ibid_merge_check
  SELECT count(*) = 3 FROM main.sqlite_master
  WHERE name IN ('documents', 'documents_ingest', 'documents_link');
DROP TABLE temp.ibid_merge_check;

DROP TRIGGER main.documents_ingest;
CREATE TRIGGER main.documents_ingest AFTER INSERT ON documents WHEN 0 BEGIN SELECT 1; END;

-- Old id -> new id, in the shard's order.
DROP TABLE IF EXISTS temp.ibid_merge_map;
CREATE TEMP TABLE ibid_merge_map(old_id INTEGER PRIMARY KEY, new_id INTEGER NOT NULL);
INSERT INTO temp.ibid_merge_map(old_id, new_id)
  SELECT id, (SELECT coalesce(max(id), 0) FROM main.documents) + row_number() OVER (ORDER BY id)
  FROM shard.documents;

INSERT INTO main.documents(id, path, raw, format, body, error, structure, type, title, authors,
                           year, container, doi, abstract, meta, work_id, added)
  SELECT m.new_id, d.path, d.raw, d.format, d.body, d.error, d.structure, d.type, d.title,
         d.authors, d.year, d.container, d.doi, d.abstract, d.meta, NULL, d.added
  FROM shard.documents d JOIN temp.ibid_merge_map m ON m.old_id = d.id ORDER BY m.new_id;

-- (no id: each block takes the next one, in this order, as when it was loaded)
INSERT INTO main.blocks(document_id, n, kind, level, start, length, text)
  SELECT m.new_id, x.n, x.kind, x.level, x.start, x.length, x.text
  FROM shard.blocks x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.n;
INSERT INTO main.sentences(document_id, n, block, start, length, text)
  SELECT m.new_id, x.n, x.block, x.start, x.length, x.text
  FROM shard.sentences x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.n;
INSERT INTO main.notes(document_id, n, label, kind, start, length, text, ibid_of, locator)
  SELECT m.new_id, x.n, x.label, x.kind, x.start, x.length, x.text, x.ibid_of, x.locator
  FROM shard.notes x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.markers(document_id, n, marker, start, length, note_start)
  SELECT m.new_id, x.n, x.marker, x.start, x.length, x.note_start
  FROM shard.markers x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.refs(document_id, note, item, start, length, text, csl, resolves_to, locator,
                      work_key, work_id, resolves_item)
  SELECT m.new_id, x.note, x.item, x.start, x.length, x.text, x.csl, x.resolves_to, x.locator,
         x.work_key, NULL, x.resolves_item
  FROM shard.refs x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.cites(document_id, n, group_n, authors, year, suffix, locator, prefix, narrative,
                       start, length, problem, work_id)
  SELECT m.new_id, x.n, x.group_n, x.authors, x.year, x.suffix, x.locator, x.prefix, x.narrative,
         x.start, x.length, x.problem, NULL
  FROM shard.cites x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.cases(document_id, n, name, heading, start, length, case_key)
  SELECT m.new_id, x.n, x.name, x.heading, x.start, x.length, x.case_key
  FROM shard.cases x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.questions(document_id, n, label, text, start, length)
  SELECT m.new_id, x.n, x.label, x.text, x.start, x.length
  FROM shard.questions x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.findings(document_id, n, "case", question, finding, source, polarity, start, length,
                           case_key)
  SELECT m.new_id, x.n, x."case", x.question, x.finding, x.source, x.polarity, x.start, x.length,
         x.case_key
  FROM shard.findings x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.evidence(document_id, finding, citation_start, citation_length, kind, cite)
  SELECT m.new_id, x.finding, x.citation_start, x.citation_length, x.kind, x.cite
  FROM shard.evidence x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.claims(document_id, n, sentence, value, unit, start, length, "check", expected)
  SELECT m.new_id, x.n, x.sentence, x.value, x.unit, x.start, x.length, x."check", x.expected
  FROM shard.claims x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.entities(document_id, n, kind, value, text, start, length)
  SELECT m.new_id, x.n, x.kind, x.value, x.text, x.start, x.length
  FROM shard.entities x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;
INSERT INTO main.events(document_id, n, date, sentence, start, length, relative)
  SELECT m.new_id, x.n, x.date, x.sentence, x.start, x.length, x.relative
  FROM shard.events x JOIN temp.ibid_merge_map m ON m.old_id = x.document_id
  ORDER BY m.new_id, x.rowid;

-- Full text and linking, again, one document at a time in load order: the
-- documents_link trigger (sql/schema.sql) that the ingest trigger runs for
-- every new document: fulltext from the copied blocks, the document's own
-- work, the works it cites and its citations.
INSERT INTO main.documents_to_link(document_id)
  SELECT new_id FROM temp.ibid_merge_map ORDER BY new_id;
DELETE FROM main.documents_to_link;
DROP TABLE temp.ibid_merge_map;
-- The real ingest trigger again (and anything else of the schema).
SELECT ibid_init();
COMMIT;
