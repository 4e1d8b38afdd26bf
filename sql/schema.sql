-- ibid corpus schema. `SELECT ibid_init();` runs this file (it is compiled into
-- the extension); every statement is idempotent, so running it again is harmless.
-- Tables are created only when missing (they hold the data); triggers and views
-- hold none and are created anew each time, so ibid_init() on a database made
-- by an older ibid brings them up to date (ext/corpus/sql_schema.c adds the columns
-- newer versions have, first).
--
-- One statement loads a document and everything derived from it:
--   INSERT INTO documents(path, raw) VALUES ('paper.pdf', readfile('paper.pdf'));
-- `raw` is the file as given, TEXT or BLOB: plain text, HTML, JATS or TEI XML,
-- or PDF, detected from the content (ibid_convert). The AFTER INSERT trigger
-- reads it into `body`, the text every extractor works on, reads the metadata,
-- links the document to its work, and fills every derived table; all of it in
-- the INSERT's own statement transaction, so a document is there whole or not
-- at all. Inserting a path that is already there replaces that document.
-- Deleting a document deletes everything derived from it.
--
-- Spans (start, length) in every derived table are 1-based character
-- positions into documents.body: substr(body, start, length) is the span.

CREATE TABLE IF NOT EXISTS works(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,    -- ibid_work_key(): family:year:title-words
  title TEXT,
  authors TEXT,                -- family names, '; '-separated
  year INTEGER,
  doi TEXT,
  csl TEXT,                    -- the fullest CSL-JSON seen for this work
  citekey TEXT,                -- citation key, made once (trigger works_citekey), never changed
  key_family TEXT GENERATED ALWAYS AS (substr(key, 1, instr(key, ':') - 1)) VIRTUAL,
  key_title TEXT GENERATED ALWAYS AS
    (substr(substr(key, instr(key, ':') + 1), instr(substr(key, instr(key, ':') + 1), ':') + 1)) VIRTUAL
);
CREATE INDEX IF NOT EXISTS works_doi ON works(doi) WHERE doi IS NOT NULL;
CREATE INDEX IF NOT EXISTS works_title ON works(key_title);
CREATE INDEX IF NOT EXISTS works_family_year ON works(key_family, year);
CREATE UNIQUE INDEX IF NOT EXISTS works_citekey ON works(citekey);

CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  raw ANY,                     -- the file as given, byte for byte (TEXT or BLOB)
  format TEXT,                 -- 'text', 'html', 'jats', 'tei' or 'pdf', from the content
  body TEXT,                   -- ibid_convert(raw) ->> 'body': what every extractor reads
  error TEXT,                  -- why the document could not be (fully) read, else NULL
  structure TEXT,              -- what the format states outright: ibid_convert(raw) without
                               -- the body (metadata, structured references, links, pages)
  type TEXT,                   -- CSL type from ibid_meta
  title TEXT,
  authors TEXT,                -- 'Given Family; Given Family'
  year INTEGER,
  container TEXT,              -- journal, website or book the document appeared in
  doi TEXT,
  abstract TEXT,
  meta TEXT,                   -- ibid_meta(raw): the whole CSL-JSON object
  work_id INTEGER REFERENCES works(id),
  added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS documents_work ON documents(work_id);

-- A block's `id` is its rowid in `fulltext`, which indexes blocks.text
-- without a copy of it (an external-content FTS5 table, below). A document's
-- blocks take consecutive ids, above every id in use, in the order of n;
-- blocks_document finds them by document. (Databases made by 0.5 and before
-- keep their layout: blocks WITHOUT ROWID, keyed by (document_id, n), and
-- `fulltext` holding its own copy of the text; ibid_init and the ingest tell
-- them apart by blocks' `id` column and write each as it is.)
CREATE TABLE IF NOT EXISTS blocks(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER NOT NULL, kind TEXT, level INTEGER, start INTEGER, length INTEGER, text TEXT,
  id INTEGER PRIMARY KEY       -- the block's fulltext rowid
);

CREATE TABLE IF NOT EXISTS sentences(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER NOT NULL, block INTEGER, start INTEGER, length INTEGER, text TEXT,
  PRIMARY KEY(document_id, n)
) WITHOUT ROWID;

-- Full text of every block. A document's blocks take one range of rowids,
-- first..last in blocks_fulltext, above every rowid before them: any id, any
-- number of blocks, deleted by range rather than by a scan. The index reads
-- its text from the blocks (content = the view fulltext_blocks, created
-- below, rowid = blocks.id): the text is stored once. (Databases made by 0.5
-- and before keep a `fulltext` with a copy of the text; those made by 0.2
-- used rowid = document_id * 16777216 + block; their documents have no
-- blocks_fulltext row and are deleted by that formula.)
CREATE VIRTUAL TABLE IF NOT EXISTS fulltext
  USING fts5(text, document_id UNINDEXED, block UNINDEXED, tokenize = 'ibid',
             content = 'fulltext_blocks', content_rowid = 'id');
CREATE TABLE IF NOT EXISTS blocks_fulltext(
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  first INTEGER NOT NULL, last INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS notes(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER NOT NULL, label TEXT, kind TEXT, start INTEGER, length INTEGER, text TEXT,
  ibid_of INTEGER, locator TEXT
);
CREATE INDEX IF NOT EXISTS notes_document ON notes(document_id, n);

CREATE TABLE IF NOT EXISTS markers(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, marker TEXT, start INTEGER, length INTEGER,
  note_start INTEGER           -- start of the note it points to (join notes on start)
);
CREATE INDEX IF NOT EXISTS markers_document ON markers(document_id);

CREATE TABLE IF NOT EXISTS cites(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, group_n INTEGER, authors TEXT, year INTEGER, suffix TEXT, locator TEXT,
  prefix TEXT, narrative INTEGER, start INTEGER, length INTEGER, problem TEXT,
  work_id INTEGER REFERENCES works(id)
);
CREATE INDEX IF NOT EXISTS cites_document ON cites(document_id);

CREATE TABLE IF NOT EXISTS refs(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  note INTEGER, item INTEGER, start INTEGER, length INTEGER, text TEXT, csl TEXT,
  resolves_to INTEGER, locator TEXT, work_key TEXT,
  work_id INTEGER REFERENCES works(id),
  resolves_item INTEGER        -- with resolves_to: which item of that note
);
CREATE INDEX IF NOT EXISTS refs_document ON refs(document_id);

-- One row per act of citing: a document cites a work, via a note reference
-- ('note'), a bibliography entry ('bibliography'), an author-year cite ('cite') or
-- a bracketed or superscript number naming an entry of a numbered reference list ('marker').
CREATE TABLE IF NOT EXISTS citations(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  work_id INTEGER NOT NULL REFERENCES works(id),
  via TEXT NOT NULL,
  note INTEGER,                -- note number (via 'note'), cite n (via 'cite')
  locator TEXT,
  start INTEGER, length INTEGER
);
-- (citations is read by document and by work through citations_document_work
-- and citations_work_document below: one-column indexes on either would be
-- written for every citation and never read; databases made by 0.4 drop them)
DROP INDEX IF EXISTS citations_document;
DROP INDEX IF EXISTS citations_work;

CREATE TABLE IF NOT EXISTS cases(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, name TEXT, heading TEXT, start INTEGER, length INTEGER,
  case_key TEXT                -- ISO 3166 code ("KE") or folded name: one case across documents
);
CREATE TABLE IF NOT EXISTS questions(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, label TEXT, text TEXT, start INTEGER, length INTEGER
);
CREATE TABLE IF NOT EXISTS findings(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, "case" TEXT, question TEXT, finding TEXT, source TEXT, polarity TEXT,
  start INTEGER, length INTEGER,
  case_key TEXT                -- the case's case_key, 'all', or NULL
);
CREATE TABLE IF NOT EXISTS evidence(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  finding INTEGER, citation_start INTEGER, citation_length INTEGER, kind TEXT,
  cite INTEGER                 -- cites.n of the parenthesis's first item (group_n: the rest)
);
CREATE TABLE IF NOT EXISTS claims(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER,
  sentence INTEGER,            -- sentences.n of the sentence holding the claim (join for its text)
  value REAL, unit TEXT, start INTEGER, length INTEGER,
  "check" TEXT, expected REAL
);
CREATE TABLE IF NOT EXISTS entities(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, kind TEXT, value TEXT, text TEXT, start INTEGER, length INTEGER
);
CREATE TABLE IF NOT EXISTS events(
  document_id INTEGER NOT NULL REFERENCES documents(id),
  n INTEGER, date TEXT,
  sentence INTEGER,            -- sentences.n of the sentence holding the date
  start INTEGER, length INTEGER, relative INTEGER
);
CREATE INDEX IF NOT EXISTS cases_document ON cases(document_id);
DROP INDEX IF EXISTS questions_document;  -- questions_document_label below serves
DROP INDEX IF EXISTS findings_document;   -- findings_document_case below serves
CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE INDEX IF NOT EXISTS entities_document ON entities(document_id);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);

-- For the views (cited_works, cocitations, citation_edges, findings_matrix):
-- each reads only an index, in the order it groups by, and a view asked
-- about one work or one document seeks instead of scanning
-- (bench/views.py; docs/scale.md).
CREATE INDEX IF NOT EXISTS citations_work_document ON citations(work_id, document_id);
CREATE INDEX IF NOT EXISTS citations_document_work ON citations(document_id, work_id);
CREATE INDEX IF NOT EXISTS findings_document_case ON findings(document_id, "case", question);
CREATE INDEX IF NOT EXISTS questions_document_label ON questions(document_id, label);

-- ----- loading ---------------------------------------------------------------

-- A path loaded again replaces the old document (and, through the delete
-- trigger, everything derived from it).
DROP TRIGGER IF EXISTS documents_replace;
CREATE TRIGGER documents_replace BEFORE INSERT ON documents
BEGIN
  DELETE FROM documents WHERE path = new.path;
END;

-- What the format marks as a reference (ibid_convert's "references"), one row
-- each: `csl` when the format gives it field by field (JATS element-citation,
-- TEI biblStruct), `url` for a link target inside it. The ingest trigger
-- stores the structured ones in refs; the view lets you see them all.
DROP VIEW IF EXISTS marked_references;
CREATE VIEW marked_references AS
  SELECT d.id AS document_id, g.key + 1 AS n, g.value ->> '$.note' AS note,
         g.value ->> '$.label' AS label, g.value ->> '$.start' AS start,
         g.value ->> '$.length' AS length, g.value ->> '$.csl' AS csl, g.value ->> '$.URL' AS url
  FROM documents d, json_each(d.structure, '$.references') g;

-- The steps of loading a document that depend on the rest of the corpus:
-- its fulltext rowid range (above every rowid in use), the work the document
-- is (with its DOI or title when the corpus knows one), the works its
-- references and cites name (a cite "Smith 2015" takes the work of that
-- family and year when the corpus knows exactly one) and the citations.
-- The steps are parts of sql/ingest.sql (its top says which): ibid_ingest
-- runs them for each new document (the work chosen before it writes the
-- row), and inserting an id here runs them through
-- ibid_link(id), as sql/merge.sql does for every merged document in load
-- order, so that a merged corpus is linked exactly as a sequential load of
-- the same files.
CREATE TABLE IF NOT EXISTS documents_to_link(document_id INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS documents_link;
CREATE TRIGGER documents_link AFTER INSERT ON documents_to_link
BEGIN
  -- The linking steps of sql/ingest.sql, one by one.
  SELECT count(*) FROM ibid_link(new.document_id);
END;

DROP TRIGGER IF EXISTS documents_ingest;
CREATE TRIGGER documents_ingest AFTER INSERT ON documents
BEGIN
  -- The steps are in sql/ingest.sql: the format (body, structure, error), the
  -- metadata, the references the format gives field by field, one analysis
  -- of the body written to every derived table, link URLs, then the linking
  -- (fulltext, works, citations; what documents_link runs). ibid_ingest
  -- runs them one by one, each freeing its memory as soon as it is done.
  SELECT count(*) FROM ibid_ingest(new.id);
END;

DROP TRIGGER IF EXISTS documents_remove;
CREATE TRIGGER documents_remove AFTER DELETE ON documents
BEGIN
  -- The works only this document held or cited go with it (first, while its
  -- citations still say which works those are).
  DELETE FROM works
  WHERE id IN (SELECT work_id FROM citations WHERE document_id = old.id
               UNION SELECT work_id FROM refs WHERE document_id = old.id
               UNION SELECT work_id FROM cites WHERE document_id = old.id
               UNION SELECT old.work_id)
    AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.work_id = works.id AND c.document_id <> old.id)
    AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.work_id = works.id);
  -- The full text first, while the blocks it reads its text from are there:
  -- deleting from an external-content FTS5 table reads the row's old values
  -- from its content to take them out of the index.
  DELETE FROM fulltext
  WHERE rowid BETWEEN (SELECT first FROM blocks_fulltext WHERE document_id = old.id)
                  AND (SELECT last FROM blocks_fulltext WHERE document_id = old.id);
  DELETE FROM fulltext  -- a document loaded by 0.2 (it has blocks, but no range)
  WHERE old.id BETWEEN 1 AND 549755813887
    AND rowid BETWEEN old.id * 16777216 AND old.id * 16777216 + 16777215
    AND document_id = old.id
    AND NOT EXISTS (SELECT 1 FROM blocks_fulltext WHERE document_id = old.id)
    AND EXISTS (SELECT 1 FROM blocks WHERE document_id = old.id);
  DELETE FROM blocks_fulltext WHERE document_id = old.id;
  DELETE FROM blocks WHERE document_id = old.id;
  DELETE FROM sentences WHERE document_id = old.id;
  DELETE FROM notes WHERE document_id = old.id;
  DELETE FROM markers WHERE document_id = old.id;
  DELETE FROM cites WHERE document_id = old.id;
  DELETE FROM refs WHERE document_id = old.id;
  DELETE FROM citations WHERE document_id = old.id;
  DELETE FROM cases WHERE document_id = old.id;
  DELETE FROM questions WHERE document_id = old.id;
  DELETE FROM findings WHERE document_id = old.id;
  DELETE FROM evidence WHERE document_id = old.id;
  DELETE FROM claims WHERE document_id = old.id;
  DELETE FROM entities WHERE document_id = old.id;
  DELETE FROM events WHERE document_id = old.id;
END;

-- ----- views -------------------------------------------------------------------

-- Each cited work: how many corpus documents cite it, and how many times.
DROP VIEW IF EXISTS cited_works;
CREATE VIEW cited_works AS
  SELECT w.id AS work_id, w.key, w.title, w.authors, w.year,
         count(DISTINCT c.document_id) AS documents, count(*) AS citations
  FROM citations c JOIN works w ON w.id = c.work_id
  GROUP BY w.id;

-- Pairs of works cited by the same document (work_a < work_b). Joined on
-- the table itself (count DISTINCT, not a DISTINCT subquery), so that
-- `WHERE work_a = ?` seeks the indexes instead of reading every citation.
DROP VIEW IF EXISTS cocitations;
CREATE VIEW cocitations AS
  SELECT a.work_id AS work_a, b.work_id AS work_b, count(DISTINCT a.document_id) AS documents
  FROM citations a JOIN citations b ON a.document_id = b.document_id AND a.work_id < b.work_id
  GROUP BY a.work_id, b.work_id;

-- Citing work -> cited work, for graphs (a document stands for its own work).
DROP VIEW IF EXISTS citation_edges;
CREATE VIEW citation_edges AS
  SELECT d.work_id AS citing_work, c.work_id AS cited_work, count(*) AS citations
  FROM citations c JOIN documents d ON d.id = c.document_id
  WHERE d.work_id IS NOT NULL AND c.work_id <> d.work_id
  GROUP BY d.work_id, c.work_id;

-- Each work as clean CSL-JSON without its id (what the citation key is made
-- from). Works known only from an author-year cite get their family names
-- ("George & Bennett" is two) and year; everything else comes from works.csl,
-- made clean by ibid_csl: CSL variables only (works.csl also holds what ibid
-- keeps for itself, such as a name's "role"), the subtitle in the title,
-- keywords as one string, a doi.org URL as the DOI (docs/export.md).
DROP VIEW IF EXISTS work_csl;
CREATE VIEW work_csl AS
  SELECT w.id AS work_id,
         ibid_csl(json_patch(json_patch('{}', json_object(
                    'type', 'article',
                    'title', w.title,
                    'author', CASE WHEN w.authors IS NOT NULL THEN
                      (SELECT json_group_array(json_object('family', trim(value)))
                       FROM json_each('[' || replace(replace(replace(json_quote(w.authors),
                                        '; ', '","'), ' & ', '","'), ' and ', '","') || ']')) END,
                    'issued', CASE WHEN w.year IS NOT NULL THEN
                      json_object('date-parts', json_array(json_array(w.year))) END,
                    'DOI', w.doi)),
                  coalesce(w.csl, '{}'))) AS csl
  FROM works w;

-- One CSL-JSON object per work, its "id" the work's citation key:
-- `SELECT json_group_array(json(csl)) FROM bibliography_all` is a file Zotero,
-- pandoc and citeproc read.
DROP VIEW IF EXISTS bibliography_all;
CREATE VIEW bibliography_all AS
  SELECT w.id AS work_id, w.key, w.citekey,
         json_patch(json_object('id', w.citekey), json_remove(c.csl, '$.id')) AS csl
  FROM works w JOIN work_csl c ON c.work_id = w.id
  ORDER BY w.id;

-- The bibliography: every work with a title (what a reference list can
-- print). Works known without one are in incomplete_works.
DROP VIEW IF EXISTS bibliography;
CREATE VIEW bibliography AS
  SELECT work_id, key, citekey, csl FROM bibliography_all WHERE csl ->> '$.title' IS NOT NULL;

-- Works the corpus knows too little about to list: no title (mostly
-- author-year cites whose reference list was not found), with who cites them.
DROP VIEW IF EXISTS incomplete_works;
CREATE VIEW incomplete_works AS
  SELECT b.work_id, b.citekey, w.authors, w.year, 'no title' AS missing,
         (SELECT count(DISTINCT document_id) FROM citations c WHERE c.work_id = b.work_id)
           AS documents,
         (SELECT count(*) FROM citations c WHERE c.work_id = b.work_id) AS citations, b.csl
  FROM bibliography_all b JOIN works w ON w.id = b.work_id
  WHERE b.csl ->> '$.title' IS NULL;

-- The comparison a reader draws: one row per document, case and question;
-- case_key makes a case comparable across documents ("Ivory Coast" and
-- "Côte d'Ivoire" are both CI): WHERE case_key = 'KE' is what every document
-- concludes about Kenya.
DROP VIEW IF EXISTS findings_matrix;
CREATE VIEW findings_matrix AS
  SELECT f.document_id, d.title AS document, coalesce(f.case_key, f."case") AS case_key,
         min(f."case") AS "case", f.question,
         q.text AS question_text,
         group_concat(f.finding || ' (' || f.polarity || ')', '; ') AS findings,
         sum(f.polarity = 'positive') AS positive, sum(f.polarity = 'negative') AS negative,
         count(*) AS total
  FROM findings f JOIN documents d ON d.id = f.document_id
  LEFT JOIN questions q ON q.document_id = f.document_id AND q.label = f.question
  WHERE f."case" IS NOT NULL
  GROUP BY f.document_id, coalesce(f.case_key, f."case"), f.question;

-- Numeric claims whose stated figure does not follow from the text's own numbers.
DROP VIEW IF EXISTS inconsistent_claims;
CREATE VIEW inconsistent_claims AS
  SELECT c.document_id, d.title AS document, s.text AS sentence, c.value, c.unit, c.expected
  FROM claims c JOIN documents d ON d.id = c.document_id
  LEFT JOIN sentences s ON s.document_id = c.document_id AND s.n = c.sentence
  WHERE c."check" = 'inconsistent';

-- Dated events across documents, in date order.
DROP VIEW IF EXISTS timeline;
CREATE VIEW timeline AS
  SELECT e.date, s.text AS sentence, e.document_id, d.title AS document, e.relative
  FROM events e JOIN documents d ON d.id = e.document_id
  LEFT JOIN sentences s ON s.document_id = e.document_id AND s.n = e.sentence
  ORDER BY e.date, e.document_id, e.n;

-- Which documents mention which resolution, situation, treaty article ...
DROP VIEW IF EXISTS entity_mentions;
CREATE VIEW entity_mentions AS
  SELECT e.kind, e.value, e.document_id, d.title AS document, count(*) AS mentions
  FROM entities e JOIN documents d ON d.id = e.document_id
  GROUP BY e.kind, e.value, e.document_id;

-- A work made from one citation takes the DOI and URL a later citation of it
-- gives (a work is made once, from the first reference seen: a PDF's text
-- without its links, the HTML version with them).
DROP TRIGGER IF EXISTS refs_work_identifiers;
CREATE TRIGGER refs_work_identifiers AFTER UPDATE OF work_id ON refs
WHEN new.work_id IS NOT NULL AND new.resolves_to IS NULL
     AND (new.csl ->> '$.DOI' IS NOT NULL OR new.csl ->> '$.URL' IS NOT NULL)
BEGIN
  UPDATE works SET
    csl = json_patch(coalesce(csl, '{}'),
                     json_object('DOI', coalesce(csl ->> '$.DOI', new.csl ->> '$.DOI'),
                                 'URL', coalesce(csl ->> '$.URL', new.csl ->> '$.URL'))),
    doi = coalesce(doi, new.csl ->> '$.DOI')
  WHERE id = new.work_id
    AND ((csl ->> '$.DOI' IS NULL AND new.csl ->> '$.DOI' IS NOT NULL)
         OR (csl ->> '$.URL' IS NULL AND new.csl ->> '$.URL' IS NOT NULL));
END;

-- ----- citation keys ------------------------------------------------------------

-- Each work gets its key when it is made: ibid_citekey of its CSL, with a, b,
-- c ... when the key is taken (the first holder keeps the bare key). A key is
-- never changed afterwards, so the keys a manuscript cites stay valid as the
-- corpus grows. The same key is the CSL-JSON id, the BibTeX and biblatex key
-- and the RIS ID.
DROP TRIGGER IF EXISTS works_citekey;
CREATE TRIGGER works_citekey AFTER INSERT ON works WHEN new.citekey IS NULL
BEGIN
  -- (each LIMIT 1 keeps its subquery's row made once: the work's CSL and its
  -- bare key are each computed once, not once per use)
  UPDATE works SET citekey = (
      SELECT ibid_citekey(k.csl, (SELECT group_concat(w.citekey, ' ') FROM works w
                                  WHERE w.citekey >= k.key AND w.citekey < k.key || '{'))
      FROM (SELECT c.csl, ibid_citekey(c.csl) AS key
            FROM (SELECT csl FROM work_csl WHERE work_id = new.id LIMIT 1) c LIMIT 1) k)
  WHERE id = new.id;
END;

-- Works made by an older ibid get theirs, in the order they were made.
UPDATE works SET citekey = ibid_citekey(
    (SELECT csl FROM work_csl WHERE work_id = works.id),
    (SELECT group_concat(w.citekey, ' ') FROM works w
     WHERE w.citekey >= ibid_citekey((SELECT csl FROM work_csl WHERE work_id = works.id))
       AND w.citekey < ibid_citekey((SELECT csl FROM work_csl WHERE work_id = works.id)) || '{'))
WHERE citekey IS NULL;

-- @blocks with ids
-- The rest is for a database whose blocks have ids (made after 0.5):
-- ibid_init runs it only there (ext/corpus/sql_schema.c).

-- The blocks of a document, by n (the rowid is the fulltext rowid).
CREATE UNIQUE INDEX IF NOT EXISTS blocks_document ON blocks(document_id, n);

-- What `fulltext` indexes: its content table (the FTS5 columns by name).
DROP VIEW IF EXISTS fulltext_blocks;
CREATE VIEW fulltext_blocks AS SELECT id, text, document_id, n AS block FROM blocks;
