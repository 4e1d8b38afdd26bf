-- ibid ingest steps: what loading one document does, in order. ibid_ingest(id)
-- (ext/corpus/sql_ingest.c), which the documents_ingest trigger of
-- sql/schema.sql calls for each new document, runs these statements with ?1
-- bound to the document's id (the file is compiled into the extension).
--
-- The file is in parts, each beginning at a line "-- @name". ibid_ingest runs
--   the first part, @work and @row (the metadata, the document's own work,
--     the row written once),
--   the analysis: it analyses the body and writes blocks, sentences, notes,
--     markers, cites, refs, cases, questions, findings, evidence, claims,
--     entities and events, each layer computed once (ext/corpus/ingest.c),
--   @analysis (what the analysis's rows complete),
--   @fulltext (or @fulltext without ids, on a database made by 0.5 or before,
--     whose blocks have no ids) and @cited: the linking.
-- ibid_link(id) runs the linking of a document already stored (sql/merge.sql):
--   @fulltext (or @fulltext without ids), @own work, @work, @own work row,
--   @cited.
-- The last part, @linked refs, holds ibid_ingest's own statements for the
-- steps of @cited it runs on the analysis's rows (said there).
--
-- Why not the trigger's own statements: SQLite keeps the registers of a
-- trigger program (every copy of the raw file, the body, the converted JSON a
-- statement read) until the INSERT that fired it ends. Each statement here is
-- reset as soon as it has run, so its memory goes with it, and one INSERT
-- peaks at a small multiple of the document (bench/memory.py).
--
-- Each statement must be one a trigger could run on the document: the same
-- tables, unqualified; ?1 is new.id.
--
-- A statement holding the line "  -- @with cites" (or "  -- @with refs")
-- does nothing for a document without rows of that table: ibid_ingest leaves
-- it out when the analysis wrote none (and, for refs, the format gave none).
-- One holding "  -- @with structure" reads marked_references only, and is
-- left out when the conversion gave no structure (documents.structure NULL).
-- One holding "  -- @with links" reads ibid_reference_links(body), and is
-- left out when the analysis found no row of it (ibid_link runs it always).
-- One holding "  -- @with unlinked refs" is left out when ibid_ingest
-- linked the refs as it wrote them (ibid_link runs it always).

-- A statement that returns a row hands its columns to the next statement
-- (no copy): the first as ?2, the second as ?8, the third as ?9. A statement
-- that writes hands on what it was handed, when the next statement takes
-- ?2 or more.
--
-- The format: ibid_ingest reads documents.raw and converts it itself, as
-- ibid_convert(raw) does (the same converters, under the connection's
-- ibid_pdf_limits()), and binds the parts of ibid_convert(raw) to the
-- statements up to "-- @analysis", without copying them:
--   ?3  ->> '$.format'
--   ?4  ->> '$.body', NULL when empty: the text every extractor reads
--   ?5  the structure: the JSON without body and format, NULL when nothing is left
--   ?6  ->> '$.error'
--   ?7  the size of raw in bytes, NULL when raw is NULL
-- (All of it converted once and written in one UPDATE of the row, which
-- holds the raw file: rewriting the row copies it. The document's work is
-- chosen, or made, before that UPDATE, so that it is written with the row.)
--
-- Metadata from the text (for plain text the raw text: its line breaks
-- still mark where a title ends), overridden by what the format states.
SELECT CASE WHEN ?5 -> '$.meta' IS NULL
            THEN ibid_meta(CASE WHEN ?3 = 'text' AND ?5 ->> '$.recoded' IS NULL
                                THEN (SELECT raw FROM documents WHERE id = ?1) ELSE ?4 END)
            ELSE json_patch(coalesce(ibid_meta(?4), '{}'), ?5 -> '$.meta') END;
-- A PDF's creation date is when the file was made: a date the text itself
-- states is the better publication date.
SELECT CASE WHEN ?3 = 'pdf' AND ibid_meta(?4) -> '$.issued' IS NOT NULL
            THEN json_set(?2, '$.issued', ibid_meta(?4) -> '$.issued') ELSE ?2 END;

-- @work
-- The document's own work, from its metadata (?2), before the row is
-- written: the work with its DOI or its key (keys leave the year out when
-- there is a title, so two pages of one article that disagree on the year
-- agree on the key), or, when one side names no author, the work with the
-- same title words (three words at least); failing all that, a new work of
-- its own, made here. Hands on the metadata (?2), the document's work key
-- (?8) and the work chosen (?9, NULL when it was made here).
-- (each LIMIT 1 keeps its subquery's row made once: the key is computed once)
SELECT ?2, k.key, (
  SELECT id FROM (
    SELECT w.id, 0 AS preference FROM works w WHERE w.key = k.key
    UNION ALL
    SELECT w.id, 1 FROM works w WHERE w.doi = ?2 ->> '$.DOI'
    UNION ALL
    SELECT w.id, 2 FROM works w
    WHERE w.key_title = substr(substr(k.meta_key, instr(k.meta_key, ':') + 1),
                               instr(substr(k.meta_key, instr(k.meta_key, ':') + 1), ':') + 1)
      AND (w.key_family = '' OR k.meta_key LIKE ':%')
      AND length(w.key_title) - length(replace(w.key_title, '-', '')) >= 2)
  ORDER BY preference, id LIMIT 1)
FROM (SELECT coalesce(m.meta_key, 'document:' || (SELECT path FROM documents WHERE id = ?1))
               AS key, m.meta_key
      FROM (SELECT ibid_work_key(?2) AS meta_key LIMIT 1) m LIMIT 1) k;
INSERT INTO works(key, title, authors, year, doi, csl)
  SELECT ?8, ?2 ->> '$.title',
         (SELECT group_concat(coalesce(value ->> '$.family', value ->> '$.literal'), '; ')
          FROM json_each(?2, '$.author')),
         ?2 ->> '$.issued.date-parts[0][0]', ?2 ->> '$.DOI', ?2
  WHERE ?9 IS NULL AND ?8 IS NOT NULL
ON CONFLICT(key) DO NOTHING;

-- @row
-- The row, once, with its work. A document that cannot be read still
-- loads, with the reason in `error`, so one bad file does not stop a folder.
UPDATE documents SET
  format = ?3,
  body = ?4,
  error = coalesce(error, ?6,
                   CASE WHEN ?7 IS NULL THEN 'no content: raw is NULL'
                        WHEN ?7 = 0 THEN 'no content: raw is empty' END),
  structure = json(?5),
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
  abstract = ?2 ->> '$.abstract',
  work_id = coalesce(?9, (SELECT id FROM works WHERE key = ?8))
WHERE id = ?1;

-- References the format gives field by field (JATS, TEI) are taken as
-- given, first, so that what follows reads them from the indexed refs
-- table instead of parsing structure again for every row.
-- (numbered in a subquery of its own: a window over rows that carried the
-- body would copy the whole body into the sorter once per reference)
INSERT INTO refs(document_id, note, item, start, length, text, csl, resolves_to, locator, work_key)
  -- @with structure
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
  -- @with refs
  -- @with structure
-- (LIMIT -1 keeps the links one materialized list, not parsed again per row)
FROM (SELECT start, url FROM marked_references
      WHERE document_id = ?1 AND csl IS NULL AND url IS NOT NULL LIMIT -1) link
WHERE refs.document_id = ?1 AND refs.csl IS NOT NULL AND refs.csl ->> '$.URL' IS NULL
  AND link.start >= refs.start AND link.start < refs.start + refs.length;

-- @fulltext
-- Everything that depends on the corpus and not only on this document: its
-- fulltext rows, the work the document is (@work above; ibid_link: @own
-- work), the works its references and cites name (a cite "Smith 2015" takes
-- the work of that family and year when the corpus knows exactly one) and
-- the citations. ibid_ingest runs these steps after the ones above;
-- sql/merge.sql runs them for every merged document in load order, through
-- the documents_link trigger (ibid_link(id)), so that a merged corpus is
-- linked exactly as a sequential load of the same files.
--
-- The fulltext rows: the blocks' ids (consecutive, above every id in use,
-- given as they were written) are their rowids; `fulltext` reads the text
-- from the blocks, so only the index is written.
INSERT INTO blocks_fulltext(document_id, first, last)
  SELECT ?1, min(id), max(id) FROM blocks WHERE document_id = ?1 HAVING count(*) > 0;
INSERT INTO fulltext(rowid, text, document_id, block)
  SELECT id, text, document_id, n FROM blocks WHERE document_id = ?1;

-- @fulltext without ids
-- The same on a database made by 0.5 or before (blocks WITHOUT ROWID, and a
-- fulltext that holds its own copy of the text): the document's range of
-- rowids, above every rowid in use.
INSERT INTO blocks_fulltext(document_id, first, last)
  SELECT ?1, base + min(b.n), base + max(b.n)
  FROM (SELECT coalesce((SELECT max(rowid) FROM fulltext), 0) AS base), blocks b
  WHERE b.document_id = ?1 HAVING count(*) > 0;
INSERT INTO fulltext(rowid, text, document_id, block)
  SELECT r.first - min_n.n + b.n, b.text, ?1, b.n
  FROM blocks_fulltext r, blocks b,
       (SELECT min(n) AS n FROM blocks WHERE document_id = ?1) min_n
  WHERE r.document_id = ?1 AND b.document_id = ?1;

-- @own work
-- ibid_link: the document's metadata, for @work (which chooses or makes its
-- work, as when it was ingested) ...
SELECT meta FROM documents WHERE id = ?1;

-- @own work row
-- ... and the work written to the row (only when it changes).
UPDATE documents SET work_id = coalesce(?9, (SELECT id FROM works WHERE key = ?8))
WHERE id = ?1 AND work_id IS NOT coalesce(?9, (SELECT id FROM works WHERE key = ?8));

-- @cited
-- A reference the format gives field by field (JATS, TEI) that is an
-- Ibid. or short form (its note has ibid_of) stands for the full citation
-- of that note, as ibid_references' rows do: the item naming its author,
-- else the first; its CSL and work key, the note's locator. (Only a
-- document with structured references in notes runs the join: the EXISTS
-- is constant, so other documents stay linear.)
UPDATE refs SET resolves_to = a.note, resolves_item = a.item, csl = a.csl,
                work_key = a.work_key, locator = a.locator
  -- @with refs
  -- @with structure
FROM (SELECT n.n, r.note, r.item, r.csl, r.work_key, n.locator,
             row_number() OVER (PARTITION BY n.n ORDER BY
               coalesce(instr(s.text, r.csl ->> '$.author[0].family'), 0) = 0, r.item) AS rank
      FROM notes n
      JOIN refs s ON s.document_id = n.document_id AND s.note = n.n AND s.item = 1
                 AND s.resolves_to IS NULL
      JOIN refs r ON r.document_id = n.document_id AND r.note = n.ibid_of
                 AND r.resolves_to IS NULL
      WHERE EXISTS (SELECT 1 FROM marked_references m WHERE m.document_id = ?1
                      AND m.note IS NOT NULL AND m.csl IS NOT NULL)
        AND n.document_id = ?1 AND n.ibid_of IS NOT NULL) a
WHERE refs.document_id = ?1 AND refs.note = a.n AND refs.item = 1
  AND refs.resolves_to IS NULL AND a.rank = 1;

-- The works they cite: one row per work key, whichever document cites it.
-- (ibid_ingest does this step and the next as it writes the refs of a
-- document whose conversion gave no structure (so no reference the format
-- gave), outside a shard, and leaves them out then: write_linked_refs in
-- ext/corpus/sql_ingest.c, with the statements of @linked refs)
INSERT INTO works(key, title, authors, year, doi, csl)
  -- @with refs
  -- @with unlinked refs
  SELECT r.work_key, r.csl ->> '$.title',
         (SELECT group_concat(coalesce(value ->> '$.family', value ->> '$.literal'), '; ')
          FROM json_each(r.csl, '$.author')),
         r.csl ->> '$.issued.date-parts[0][0]', r.csl ->> '$.DOI', r.csl
  FROM refs r WHERE r.document_id = ?1 AND r.work_key IS NOT NULL AND r.resolves_to IS NULL
    -- (a work the corpus has is left as it is: no need to build its row first)
    AND NOT EXISTS (SELECT 1 FROM works w WHERE w.key = r.work_key)
ON CONFLICT(key) DO NOTHING;
UPDATE refs SET work_id = (SELECT w.id FROM works w WHERE w.key = refs.work_key)
  -- @with refs
  -- @with unlinked refs
WHERE document_id = ?1 AND work_key IS NOT NULL;
-- An author-year cite names a work by author and year only: first the entry
-- of the document's own reference list with that first author and year (a
-- suffix "2014b" picks the entry that prints it), else the work of that
-- family and year when the corpus knows exactly one, else its own
-- "family:year:" work -- one per suffix, so "2014a" and "2014b" stay two.
-- "(Tan, in press)": the entry of that author marked in press or forthcoming.
-- (A list entry is looked for only when the list has one with a work: the
-- EXISTS is constant, asked once, so a document without one sorts nothing.
-- The cite's item is written out as json_object would write it,
-- {"author":[{"literal":...}],"issued":{"date-parts":[[...]]}}, the same
-- bytes from one function call instead of five or six.)
UPDATE cites SET work_id = CASE
  -- @with cites
  WHEN EXISTS (SELECT 1 FROM refs WHERE document_id = ?1 AND note IS NULL AND work_id IS NOT NULL)
  THEN (
    SELECT r.work_id
    FROM refs r JOIN works w ON w.id = r.work_id,
         (SELECT ibid_work_key('{"author":[{"literal":' || json_quote(cites.authors) || '}]}')
                 AS key) k
    WHERE r.document_id = ?1 AND r.note IS NULL
      AND w.key_family = substr(k.key, 1, instr(k.key, ':') - 1)
      AND (instr(lower(r.text), 'in press') > 0 OR instr(lower(r.text), 'forthcoming') > 0)
    ORDER BY r.item LIMIT 1) END
WHERE document_id = ?1 AND year IS NULL AND authors IS NOT NULL AND problem IS NULL;
-- MLA "(Mamdani 45)": the one entry of that author in the document's list.
UPDATE cites SET work_id = CASE
  -- @with cites
  WHEN EXISTS (SELECT 1 FROM refs WHERE document_id = ?1 AND note IS NULL AND work_id IS NOT NULL)
  THEN (
    SELECT min(r.work_id)
    FROM refs r JOIN works w ON w.id = r.work_id,
         (SELECT ibid_work_key('{"author":[{"literal":' || json_quote(cites.authors) || '}]}')
                 AS key) k
    WHERE r.document_id = ?1 AND r.note IS NULL
      AND w.key_family = substr(k.key, 1, instr(k.key, ':') - 1)
    HAVING count(*) = 1) END
WHERE document_id = ?1 AND year IS NULL AND work_id IS NULL AND locator IS NOT NULL
  AND authors IS NOT NULL AND problem IS NULL;
-- (one statement for both: the cite's key is computed once, LIMIT 1 keeping
-- its row made once; the corpus's work is asked for only when the list has none.
-- The names below are folded only in a document with a list, the cite's first
-- author once per cite (m), an entry's opening name only when its family is
-- not already the cite's (x), its second author only for a cite of two names
-- or more among the entries it names.)
-- In the document's own list, an entry of the cite's year (or, when its work has
-- no year, whose text prints the cite's) is named by the cite's
-- first author: its name (the author part up to " and ", " & ", " et ", " und ",
-- " y ", " e ", "/", "," or " u. a."), folded word by word as a family name is
-- ("van Deth" van-deth, "Álvarez Junco" alvarez-junco), is the family of the
-- entry's work key or the folded name the entry's text starts with (up to its
-- first ",", "(", "." or ":": "Statistisches Bundesamt (2009):", "OECD. (2015).")
-- -- first where the two are equal, then where one ends the other after a
-- whole word ("Jeffrey Smith" smith, "Hayek" von-hayek) or begins it
-- ("Ortega" ortega-y-gasset) -- a cite's name longer than the entry's only
-- when its first letter is that of the entry's given name or of what follows
-- the comma after the entry's name ("World Bank" is not "Bank, J.") -- then
-- where they are equal with "ae", "oe", "ue" read as "a", "o", "u"
-- ("Schaefer", "Schäfer"), only when one of the two names has an umlaut
-- ("Bauer" is not "Baur"); the cite's literal key
-- equal to the family (the rule before these) counts as equal. Spacing accents
-- a PDF leaves beside their letter ("J¨orke") are dropped from both names.
-- Of the entries named alike, one whose authors agree with the cite's comes
-- first: one author for one name; for two or more names, an entry whose second
-- author the cite names; for "et al." or "u. a.", three authors or more; then
-- the list's order.
UPDATE cites SET work_id = (
  -- @with cites
    SELECT coalesce(
      CASE WHEN EXISTS (SELECT 1 FROM refs WHERE document_id = ?1 AND note IS NULL
                                             AND work_id IS NOT NULL)
      THEN (SELECT work_id FROM (
       SELECT c.work_id, c.item, c.named, CASE c.names
           WHEN 1 THEN c.authors <> 1
           WHEN 3 THEN 3 - min(3, c.authors)
           ELSE CASE WHEN instr('-' || (
                  SELECT substr(f.key, 1, instr(f.key, ':') - 1)
                  FROM (SELECT ibid_work_key('{"author":[{"family":' ||
                                             json_quote(c.cite_authors) || '}]}') AS key) f)
                  || '-', '-' || (
                  SELECT substr(s.key, 1, instr(s.key, ':') - 1)
                  FROM (SELECT ibid_work_key('{"author":[{"family":' || json_quote(coalesce(
                          c.csl ->> '$.author[1].family', c.csl ->> '$.author[1].literal',
                          c.csl ->> '$.editor[1].family', c.csl ->> '$.editor[1].literal')) ||
                          '}]}') AS key) s) || '-') > 0 THEN 0
                WHEN c.authors >= 2 THEN 1
                ELSE 2 END END AS agree
       FROM (
        SELECT e.work_id, e.item, e.csl, e.authors, m.names, m.authors AS cite_authors, CASE
            WHEN m.name = e.family OR e.family = substr(k.key, 1, instr(k.key, ':') - 1) THEN 0
            ELSE (SELECT CASE
                WHEN m.name = x.lead THEN 0
                WHEN (e.family <> '' AND (e.family LIKE '%-' || m.name
                                          OR e.family LIKE m.name || '-%'))
                  OR (x.lead <> '' AND (x.lead LIKE '%-' || m.name OR x.lead LIKE m.name || '-%'))
                  OR (((e.family <> '' AND m.name LIKE '%-' || e.family)
                       OR (x.lead <> '' AND m.name LIKE '%-' || x.lead))
                      AND upper(substr(m.raw, 1, 1)) = upper(coalesce(
                            substr(e.csl ->> '$.author[0].given', 1, 1),
                            CASE WHEN substr(e.text, length(x.raw) + 1, 1) = ','
                                 THEN substr(ltrim(substr(e.text, length(x.raw) + 2)), 1, 1) END,
                            substr(m.raw, 1, 1)))) THEN 1
                WHEN (m.raw || ' ' || coalesce(e.csl ->> '$.author[0].family', '') || ' ' ||
                      x.raw) GLOB '*[äöüÄÖÜ' || char(168) || ']*'
                 AND replace(replace(replace(m.name, 'ae', 'a'), 'oe', 'o'), 'ue', 'u') IN
                     (replace(replace(replace(e.family, 'ae', 'a'), 'oe', 'o'), 'ue', 'u'),
                      replace(replace(replace(x.lead, 'ae', 'a'), 'oe', 'o'), 'ue', 'u')) THEN 2
                ELSE 3 END
              FROM (SELECT substr(l.key, 1, instr(l.key, ':') - 1) AS lead, l.raw
                    FROM (SELECT ibid_work_key('{"author":[{"family":' || json_quote(
                            replace(replace(replace(replace(r.raw,
                              char(168), ''), char(180), ''), char(96), ''), char(710), '')) ||
                            '}]}') AS key, r.raw
                          FROM (SELECT substr(e.text, 1, min(
                              instr(e.text || ',', ','), instr(e.text || '(', '('),
                              instr(e.text || '.', '.'), instr(e.text || ':', ':')) - 1) AS raw) r)
                         l) x) END AS named
        FROM (SELECT r.work_id, r.item, r.csl, r.text, w.key_family AS family,
                     coalesce(json_array_length(r.csl, '$.author'),
                              json_array_length(r.csl, '$.editor'), 1) AS authors
              FROM refs r JOIN works w ON w.id = r.work_id
              WHERE r.document_id = ?1 AND r.note IS NULL
                AND (w.year = cites.year OR (w.year IS NULL AND instr(r.text, cites.year) > 0))
                AND (coalesce(cites.suffix, '') = ''
                     OR instr(r.text, cites.year || cites.suffix) > 0)
              LIMIT -1) e,
             (SELECT substr(n.key, 1, instr(n.key, ':') - 1) AS name, n.names, n.authors,
                     n.raw
              FROM (SELECT ibid_work_key('{"author":[{"family":' ||
                                         json_quote(substr(a.authors, 1, a.name_length)) ||
                                         '}]}') AS key, a.authors,
                           substr(a.authors, 1, a.name_length) AS raw,
                           CASE WHEN a.name_length >= length(a.authors) THEN 1
                                WHEN a.authors LIKE '% et al%' OR a.authors LIKE '% u. a%'
                                  OR a.authors LIKE '% u.a.%' OR a.authors LIKE '% and others%'
                                  OR a.authors LIKE '% y col%' OR a.authors LIKE '% et coll%'
                                THEN 3
                                ELSE 2 END AS names
                    FROM (SELECT b.authors,
                                 min(instr(b.authors || ' and ', ' and '),
                                     instr(b.authors || ' & ', ' & '),
                                     instr(b.authors || ' et ', ' et '),
                                     instr(b.authors || ' und ', ' und '),
                                     instr(b.authors || ' y ', ' y '),
                                     instr(b.authors || ' e ', ' e '),
                                     instr(b.authors || '/', '/'), instr(b.authors || ',', ','),
                                     instr(b.authors || ' u. a', ' u. a'),
                                     instr(b.authors || ' u.a.', ' u.a.')) - 1 AS name_length
                          FROM (SELECT replace(replace(replace(replace(cites.authors,
                                         char(168), ''), char(180), ''), char(96), ''),
                                         char(710), '') AS authors) b) a) n
              LIMIT 1) m
        WHERE m.name <> ''
        LIMIT -1) c
       WHERE c.named < 3)
       ORDER BY named, agree, item
       LIMIT 1) END,
      (SELECT max(w.id) FROM works w
       WHERE coalesce(cites.suffix, '') = ''
         AND w.key_family = substr(k.key, 1, instr(k.key, ':') - 1) AND w.year = cites.year
       HAVING count(*) = 1))
    FROM (SELECT ibid_work_key('{"author":[{"literal":' || json_quote(cites.authors) ||
                               '}],"issued":{"date-parts":[[' || json_quote(cites.year) || ']]}}')
                 AS key LIMIT 1) k)
WHERE document_id = ?1 AND year IS NOT NULL AND problem IS NULL;
INSERT INTO works(key, authors, year)
  -- @with cites
  SELECT key, authors, year FROM (
    SELECT ibid_work_key('{"author":[{"literal":' || json_quote(c.authors) ||
                         '}],"issued":{"date-parts":[[' || json_quote(c.year) || ']]}}')
           || coalesce(c.suffix, '') AS key, c.authors, c.year
    FROM cites c WHERE c.document_id = ?1 AND c.work_id IS NULL AND c.year IS NOT NULL
      AND c.problem IS NULL)
  WHERE key IS NOT NULL
ON CONFLICT(key) DO NOTHING;
UPDATE cites SET work_id = (
  -- @with cites
    SELECT w.id FROM works w
    WHERE w.key = ibid_work_key('{"author":[{"literal":' || json_quote(cites.authors) ||
                                '}],"issued":{"date-parts":[[' || json_quote(cites.year) || ']]}}')
                  || coalesce(cites.suffix, ''))
WHERE document_id = ?1 AND work_id IS NULL AND year IS NOT NULL AND problem IS NULL;
INSERT INTO citations(document_id, work_id, via, note, locator, start, length)
  -- @with refs
  SELECT ?1, work_id, CASE WHEN note IS NULL THEN 'bibliography' ELSE 'note' END, note,
         locator, start, length
  FROM refs WHERE document_id = ?1 AND work_id IS NOT NULL;
INSERT INTO citations(document_id, work_id, via, note, locator, start, length)
  -- @with cites
  SELECT ?1, work_id, 'cite', n, locator, start, length
  FROM cites WHERE document_id = ?1 AND work_id IS NOT NULL;
-- "[12]", "[7, 8]", superscript "¹²" or glued "before.12" in the text: the work of entry 12
-- of the numbered list.
-- (ibid_ingest leaves it out when the analysis, which cut the same list,
-- found no such number, and otherwise runs it after the other steps from the
-- numbers the analysis found, write_markers in ext/corpus/sql_ingest.c: the
-- body is not searched again. It stays the last step.)
INSERT INTO citations(document_id, work_id, via, note, locator, start, length)
  -- @with refs
  -- @with links
  SELECT ?1, work_id, 'marker', NULL, NULL, start, length FROM (
    SELECT l.entry, l.start, l.length,
           (SELECT r.work_id FROM refs r
            WHERE r.document_id = ?1 AND r.work_id IS NOT NULL
              AND r.start < l.entry_start + l.entry_length AND r.start + r.length > l.entry_start
            ORDER BY r.start LIMIT 1) AS work_id
    FROM documents d, ibid_reference_links(d.body) l WHERE d.id = ?1
      -- (without a reference that names a work, no link can: the body is not read)
      AND EXISTS (SELECT 1 FROM refs r WHERE r.document_id = ?1 AND r.work_id IS NOT NULL))
  WHERE work_id IS NOT NULL;

-- @linked refs
-- Not steps: ibid_ingest's own statements for what it links from the rows
-- of its analysis before they are written (write_linked_refs and
-- write_markers in ext/corpus/sql_ingest.c), in this order: the works of
-- the refs, the refs with their work_id, the refs_work_identifiers trigger
-- fired, the citations of numbered in-text citations. Each does what the
-- step of @cited it stands for does (keep them together), reading the
-- pending rows of main.ibid_link (?2) instead of a table: the refs' columns
-- c0 .. c9 (note, item, start, length, text, csl, resolves_to,
-- resolves_item, locator, work_key), the links' c0 .. c4 (entry, start,
-- length, entry_start, entry_length). c9 is compared as CAST(c9 AS TEXT): a
-- column of ibid_link has no type, and SQLite would scan the whole key
-- index to compare works.key with it.
INSERT INTO main.works(key, title, authors, year, doi, csl)
  SELECT c9, c5 ->> '$.title',
         (SELECT group_concat(coalesce(value ->> '$.family', value ->> '$.literal'), '; ')
          FROM json_each(c5, '$.author')),
         c5 ->> '$.issued.date-parts[0][0]', c5 ->> '$.DOI', c5
  FROM main.ibid_link WHERE pending = ?2 AND c9 IS NOT NULL AND c6 IS NULL
    AND NOT EXISTS (SELECT 1 FROM main.works w WHERE w.key = CAST(c9 AS TEXT))
  ON CONFLICT(key) DO NOTHING;
INSERT OR FAIL INTO main.refs(document_id, note, item, start, length, text, csl,
                              resolves_to, resolves_item, locator, work_key, work_id)
  SELECT ?1, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9,
         (SELECT w.id FROM main.works w WHERE w.key = CAST(c9 AS TEXT))
  FROM main.ibid_link WHERE pending = ?2;
UPDATE main.refs SET work_id = work_id
WHERE document_id = ?1 AND work_id IS NOT NULL AND resolves_to IS NULL
  AND (csl ->> '$.DOI' IS NOT NULL OR csl ->> '$.URL' IS NOT NULL);
INSERT INTO main.citations(document_id, work_id, via, note, locator, start, length)
  SELECT ?1, work_id, 'marker', NULL, NULL, start, length FROM (
    SELECT l.c0 AS entry, l.c1 AS start, l.c2 AS length,
           (SELECT r.work_id FROM main.refs r
            WHERE r.document_id = ?1 AND r.work_id IS NOT NULL
              AND r.start < l.c3 + l.c4 AND r.start + r.length > l.c3
            ORDER BY r.start LIMIT 1) AS work_id
    FROM main.ibid_link l WHERE l.pending = ?2
      AND EXISTS (SELECT 1 FROM main.refs r WHERE r.document_id = ?1 AND r.work_id IS NOT NULL))
  WHERE work_id IS NOT NULL;
