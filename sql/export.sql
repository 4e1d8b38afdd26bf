-- sql/export.sql: the bibliography of a corpus (every work of the
-- `bibliography` view, documents and the works they cite) as three files in
-- the current directory, then a line saying what was written:
--   bibliography.json   CSL-JSON array (Zotero, Pandoc --citeproc, citeproc-js/-py)
--   bibliography.bib    BibTeX/biblatex, UTF-8 (ibid_group_bibtex; bibutils: bib2xml -i utf8)
--   bibliography.ris    RIS, LF line ends (ibid_group_ris)
-- Run from the directory that holds ibid.so (it does `.load ./ibid`):
--   sqlite3 my.db < sql/export.sql
-- Entries come in work order (works.id), the same in all three files; a
-- BibTeX key is the CSL "id" (the work key) when that is a plain BibTeX key,
-- and keys are unique within the file. The database is left unchanged.
--
-- The JSON file holds CSL 1.0.1 variables only: members ibid keeps for itself
-- (a name's "role", "page-repair") and ones older processors reject
-- ("available-date") are left out, a "keywords" array becomes the CSL
-- "keyword" string, and a name is either {"literal": ...} or has a "family".
.bail on
.load ./ibid
.headers off
.mode list
BEGIN;
-- A database without the ibid schema (a new, empty file) gets it for this run
-- only, so the script writes empty files instead of failing; ROLLBACK at the
-- end takes it away again.
.output /dev/null
SELECT ibid_init() WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'documents');
.output stdout

CREATE TEMP TABLE export_csl_variable(name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO export_csl_variable VALUES
  ('id'), ('type'), ('abstract'), ('annote'), ('archive'), ('archive_location'),
  ('archive-place'), ('authority'), ('call-number'), ('citation-label'), ('collection-title'),
  ('container-title'), ('container-title-short'), ('dimensions'), ('DOI'), ('event'),
  ('event-place'), ('genre'), ('ISBN'), ('ISSN'), ('jurisdiction'), ('keyword'), ('language'),
  ('medium'), ('note'), ('original-publisher'), ('original-publisher-place'),
  ('original-title'), ('page'), ('page-first'), ('PMCID'), ('PMID'), ('publisher'),
  ('publisher-place'), ('references'), ('section'), ('source'), ('status'), ('title'),
  ('title-short'), ('URL'), ('version'),
  ('chapter-number'), ('collection-number'), ('edition'), ('issue'), ('number'),
  ('number-of-pages'), ('number-of-volumes'), ('volume'),
  ('accessed'), ('container'), ('event-date'), ('issued'), ('original-date'), ('submitted'),
  ('author'), ('collection-editor'), ('composer'), ('container-author'), ('editor'),
  ('editorial-director'), ('illustrator'), ('interviewer'), ('original-author'),
  ('recipient'), ('translator');

CREATE TEMP TABLE export_item AS
  SELECT work_id, csl FROM bibliography WHERE json_valid(csl) ORDER BY work_id;

-- One name as CSL 1.0.1 has it: a literal, or family with its parts.
CREATE TEMP VIEW export_name AS
  SELECT i.work_id, m.key AS variable, n.id AS position,
         CASE WHEN json_extract(n.value, '$.literal') IS NOT NULL
                THEN json_object('literal', json_extract(n.value, '$.literal'))
              WHEN json_extract(n.value, '$.family') IS NULL
                THEN json_object('literal', json_extract(n.value, '$.given'))
              ELSE (SELECT json_group_object(p.key, p.value) FROM json_each(n.value) p
                    WHERE p.key IN ('family', 'given', 'dropping-particle',
                                    'non-dropping-particle', 'suffix'))
         END AS name
  FROM export_item i, json_each(i.csl) m, json_each(m.value) n
  WHERE m.type = 'array' AND n.type = 'object'
    AND m.key IN ('author', 'collection-editor', 'composer', 'container-author', 'editor',
                  'editorial-director', 'illustrator', 'interviewer', 'original-author',
                  'recipient', 'translator')
    AND coalesce(json_extract(n.value, '$.literal'), json_extract(n.value, '$.family'),
                 json_extract(n.value, '$.given')) IS NOT NULL;

CREATE TEMP VIEW export_member AS
  SELECT i.work_id, m.key,
         CASE WHEN m.key IN (SELECT variable FROM export_name)
                THEN (SELECT json_group_array(json(x.name)) FROM
                        (SELECT name FROM export_name e
                         WHERE e.work_id = i.work_id AND e.variable = m.key ORDER BY e.position) x)
              WHEN m.type IN ('object', 'array') THEN json(m.value)
              ELSE m.value
         END AS value,
         m.type IN ('object', 'array') AS is_json -- subtypes do not cross a view: json() again
  FROM export_item i, json_each(i.csl) m
  WHERE m.key IN (SELECT name FROM export_csl_variable)
  UNION ALL -- a "keywords" array becomes the CSL "keyword" string
  SELECT i.work_id, 'keyword', (SELECT group_concat(k.value, ', ') FROM json_each(i.csl, '$.keywords') k), 0
  FROM export_item i
  WHERE json_type(i.csl, '$.keywords') = 'array' AND json_type(i.csl, '$.keyword') IS NULL;

.once bibliography.json
SELECT coalesce((SELECT json_group_array(json(csl)) FROM
                   (SELECT (SELECT json_group_object(key, CASE WHEN is_json THEN json(value) ELSE value END)
                            FROM export_member m
                            WHERE m.work_id = i.work_id) AS csl
                    FROM export_item i ORDER BY i.work_id)), '[]');
.once bibliography.bib
SELECT coalesce((SELECT ibid_group_bibtex(csl) FROM (SELECT csl FROM export_item ORDER BY work_id)), '');
.once bibliography.ris
SELECT coalesce((SELECT ibid_group_ris(csl) FROM (SELECT csl FROM export_item ORDER BY work_id)), '');

SELECT printf('wrote %d works to bibliography.json (CSL-JSON), bibliography.bib (BibTeX), bibliography.ris (RIS)',
              (SELECT count(*) FROM export_item));
SELECT printf('skipped %d works whose csl is not JSON', (SELECT count(*) FROM bibliography) -
              (SELECT count(*) FROM export_item))
WHERE (SELECT count(*) FROM bibliography) > (SELECT count(*) FROM export_item);
ROLLBACK;
