-- sql/export.sql: the bibliography of a corpus (every work of the
-- `bibliography` view, documents and the works they cite) as three files in
-- the current folder, then a line saying what was written:
--   bibliography.json   CSL-JSON array (Zotero, Pandoc --citeproc, citeproc-js/-py)
--   bibliography.bib    BibTeX/biblatex, UTF-8 (ibid_group_bibtex; bibutils: bib2xml -i utf8)
--   bibliography.ris    RIS, LF line ends (ibid_group_ris)
-- Runs from any folder (the extension as below; files go to the current folder):
--   sqlite3 my.db < sql/export.sql
-- Entries come in work order (works.id), the same in all three files; the
-- CSL "id", the BibTeX key and the RIS ID are the work's citation key
-- (works.citekey, e.g. mills2018african). Works without a title are left out
-- (view incomplete_works; `ibid export --all` includes them). The database is
-- left unchanged.
--
-- Every file is read from the `bibliography` view, whose csl column is
-- already clean CSL-JSON (ibid_csl: CSL variables only, names as a literal or
-- with a family, the subtitle in the title, keywords as one string), so the
-- JSON file is exactly `SELECT json_group_array(json(csl)) FROM bibliography`.
.bail on
-- The extension: $IBID_EXTENSION when set (and found), else ./ibid.so when
-- this folder holds one (the repository), else the installed one (`make install`).
.read '|f=ibid; [ -e ./ibid.so ] && f=./ibid; [ -n "$IBID_EXTENSION" ] && { [ -e "$IBID_EXTENSION" ] || [ -e "$IBID_EXTENSION.so" ] || [ $f = ibid ]; } && f="$IBID_EXTENSION"; echo ".load \"$f\""'
.headers off
.mode list
BEGIN;
-- A database without the ibid schema (a new, empty file) gets it for this run
-- only, so the script writes empty files instead of failing; ROLLBACK at the
-- end takes it away again.
.output /dev/null
SELECT ibid_init() WHERE NOT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'documents');
.output stdout

.once bibliography.json
SELECT coalesce((SELECT json_group_array(json(csl)) FROM (SELECT csl FROM bibliography ORDER BY work_id)), '[]');
.once bibliography.bib
SELECT coalesce((SELECT ibid_group_bibtex(csl) FROM (SELECT csl FROM bibliography ORDER BY work_id)), '');
.once bibliography.ris
SELECT coalesce((SELECT ibid_group_ris(csl) FROM (SELECT csl FROM bibliography ORDER BY work_id)), '');

SELECT printf('wrote %d works to bibliography.json (CSL-JSON), bibliography.bib (BibTeX), bibliography.ris (RIS)',
              (SELECT count(*) FROM bibliography));
ROLLBACK;
