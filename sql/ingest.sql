-- ibid ingest steps: what loading one document does, in order. ibid_ingest(id)
-- (ext/corpus/sql_ingest.c), which the documents_ingest trigger of
-- sql/schema.sql calls for each new document, runs these statements with ?1
-- bound to the document's id (the file is compiled into the extension). At
-- the line "-- @analysis" it analyses the body and writes blocks, sentences,
-- notes, markers, cites, refs, cases, questions, findings, evidence, claims,
-- entities and events, each layer computed once (ext/corpus/ingest.c).
--
-- Why not the trigger's own statements: SQLite keeps the registers of a
-- trigger program (every copy of the raw file, the body, the converted JSON a
-- statement read) until the INSERT that fired it ends. Each statement here is
-- reset as soon as it has run, so its memory goes with it, and one INSERT
-- peaks at a small multiple of the document (bench/memory.py).
--
-- Each statement must be one a trigger could run on the document: the same
-- tables, unqualified; ?1 is new.id.

-- A statement that returns a row hands its first column to the next
-- statement as ?2 (no copy): what the old trigger wrote into the row and read
-- back is passed on instead, so the row (raw file and body) is rewritten twice,
-- not five times.
--
-- The format: body is the text every extractor reads; structure keeps what
-- the format states outright. A document that cannot be read still loads,
-- with the reason in `error`, so one bad file does not stop a folder.
SELECT ibid_convert(raw) FROM documents WHERE id = ?1;
UPDATE documents SET
  format = ?2 ->> '$.format',
  body = nullif(?2 ->> '$.body', ''),
  error = coalesce(error, ?2 ->> '$.error',
                   CASE WHEN raw IS NULL THEN 'no content: raw is NULL'
                        WHEN length(raw) = 0 THEN 'no content: raw is empty' END),
  structure = nullif(json_remove(?2, '$.body', '$.format'), '{}')
WHERE id = ?1;
-- Metadata from the text (for plain text the raw text: its line breaks
-- still mark where a title ends), overridden by what the format states.
SELECT CASE WHEN structure -> '$.meta' IS NULL
            THEN ibid_meta(CASE WHEN format = 'text' AND structure ->> '$.recoded' IS NULL
                                THEN raw ELSE body END)
            ELSE json_patch(coalesce(ibid_meta(body), '{}'), structure -> '$.meta') END
FROM documents WHERE id = ?1;
-- A PDF's creation date is when the file was made: a date the text itself
-- states is the better publication date.
SELECT CASE WHEN format = 'pdf' AND ibid_meta(body) -> '$.issued' IS NOT NULL
            THEN json_set(?2, '$.issued', ibid_meta(body) -> '$.issued') ELSE ?2 END
FROM documents WHERE id = ?1;
UPDATE documents SET
  meta = ?2,
  type = ?2 ->> '$.type',
  title = ?2 ->> '$.title',
  authors = (SELECT group_concat(trim(coalesce(value ->> '$.given', '') || ' ' ||
                                      coalesce(value ->> '$.family', value ->> '$.literal', ''))
                                 , '; ')
             FROM json_each(?2, '$.author')),
  year = ?2 ->> '$.issued.date-parts[0][0]',
  container = ?2 ->> '$."container-title"',
  doi = ?2 ->> '$.DOI',
  abstract = ?2 ->> '$.abstract'
WHERE id = ?1;

-- References the format gives field by field (JATS, TEI) are taken as
-- given, first, so that what follows reads them from the indexed refs
-- table instead of parsing structure again for every row.
-- (numbered in a subquery of its own: a window over rows that carried the
-- body would copy the whole body into the sorter once per reference)
INSERT INTO refs(document_id, note, item, start, length, text, csl, resolves_to, locator, work_key)
  SELECT ?1, g.note, g.item, g.start, g.length, substr(d.body, g.start, g.length), g.csl,
         NULL, NULL, ibid_work_key(g.csl)
  FROM documents d,
       (SELECT note, start, length, csl,
               row_number() OVER (PARTITION BY note ORDER BY start) AS item
        FROM marked_references WHERE document_id = ?1 AND csl IS NOT NULL) g
  WHERE d.id = ?1;

-- @analysis
-- Everything else the body holds, from one analysis of it, layer by layer:
-- blocks, sentences, notes, markers, cites, refs, cases, questions, findings,
-- evidence, claims, entities and events, each exactly the rows of its
-- table-valued function on the body (ibid_blocks(body), ...), except that an
-- author-year cite or a parsed reference overlapping a reference the format
-- gave (above) is left out: "(2015)" inside such a reference is its year, not
-- a citation in the running text.

-- Link targets (HTML <a href>, JATS ext-link, TEI ref) inside a reference
-- are its URL, unless the reference states one.
UPDATE refs SET csl = json_set(refs.csl, '$.URL', link.url)
-- (LIMIT -1 keeps the links one materialized list, not parsed again per row)
FROM (SELECT start, url FROM marked_references
      WHERE document_id = ?1 AND csl IS NULL AND url IS NOT NULL LIMIT -1) link
WHERE refs.document_id = ?1 AND refs.csl IS NOT NULL AND refs.csl ->> '$.URL' IS NULL
  AND link.start >= refs.start AND link.start < refs.start + refs.length;

-- Everything that depends on the corpus and not only on this document:
-- the fulltext rowids, the document's own work, the works it cites and the
-- citations (the documents_link trigger; sql/merge.sql runs the same).
INSERT INTO documents_to_link(document_id) VALUES (?1);
DELETE FROM documents_to_link WHERE document_id = ?1;
