-- load.sql -- loads every file of a folder into an ibid corpus database,
-- each document in its own transaction, with a progress line every second.
--
--   sqlite3 -cmd ".parameter set :folder papers/" my.db < sql/load.sql
--
-- Run it from the directory that holds ibid.so (the repository root): it
-- does `.load ./ibid`. Without :folder it stops with a message saying how to
-- set it. It creates the schema (ibid_init), lists the folder with
-- ibid_files(), and loads each file with its own INSERT, so that Ctrl-C or a
-- kill leaves only whole documents; run it again and it goes on where it
-- stopped: a path already in `documents` whose file has the same size and
-- was not modified after the document was added is skipped, and a changed
-- file is loaded again (replacing the old document). Files ibid_format()
-- does not recognize are skipped, and the summary lists them, the files that
-- could not be read, and the documents whose conversion failed.
--
-- Several loads may run into one database at once (and readers alongside):
-- each statement waits up to 60 s for another writer (.timeout), a file
-- that another load has just loaded is not loaded twice, and a file whose
-- INSERT fails is tried once more after the others. The summary lists every
-- file not loaded and why; one that failed twice gets a documents row whose
-- `error` says so (raw NULL, so the next run tries it again).
--
-- How: the shell has no loops, so the script writes one INSERT per file into
-- a scratch script and reads it back. The scratch script lives in a private
-- folder that mktemp -d creates (mode 0700, a fresh random name in the
-- temporary folder); nothing in a shared folder is ever written or read by a
-- name known in advance, and the folder is removed once its scripts are read. Output goes to
-- the shell's stdout (a terminal shows each line at once; through a pipe, use
-- `stdbuf -oL sqlite3 ...`).
.bail on
.headers off
.mode list
.timeout 60000
-- The extension: $IBID_EXTENSION when set (and found), else ./ibid.so when
-- this folder holds one (the repository), else the installed one (`make install`).
.read '|f=ibid; [ -e ./ibid.so ] && f=./ibid; [ -n "$IBID_EXTENSION" ] && { [ -e "$IBID_EXTENSION" ] || [ -e "$IBID_EXTENSION.so" ] || [ $f = ibid ]; } && f="$IBID_EXTENSION"; echo ".load \"$f\""'

-- The folder, or a message saying how to give it. CAST: `.parameter set`
-- turns a folder named like a number (2024) into an integer.
DROP TABLE IF EXISTS temp.ibid_load_folder;
CREATE TEMP TABLE ibid_load_folder(folder TEXT
  CONSTRAINT "load.sql: no folder given; run: sqlite3 -cmd '.parameter set :folder papers/' my.db < sql/load.sql"
  CHECK (folder IS NOT NULL AND folder <> ''));
INSERT INTO temp.ibid_load_folder VALUES (CAST(:folder AS TEXT));
SELECT 'ibid: schema ' || ibid_init();

-- Every file of the folder; errors are kept for the summary.
DROP TABLE IF EXISTS temp.ibid_load_files;
CREATE TEMP TABLE ibid_load_files AS
  SELECT f.path, f.size, f.modified, f.error
  FROM temp.ibid_load_folder, ibid_files(ibid_load_folder.folder) f;
CREATE INDEX temp.ibid_load_files_path ON ibid_load_files(path);

-- What to load: readable files not already loaded unchanged.
DROP TABLE IF EXISTS temp.ibid_load_queue;
CREATE TEMP TABLE ibid_load_queue(n INTEGER PRIMARY KEY, path TEXT NOT NULL);
INSERT INTO temp.ibid_load_queue(path)
  SELECT f.path FROM temp.ibid_load_files f
  WHERE f.error IS NULL
    AND NOT EXISTS (SELECT 1 FROM main.documents d
                    WHERE d.path = f.path AND d.added >= f.modified
                      AND CASE typeof(d.raw) WHEN 'blob' THEN length(d.raw)
                          ELSE length(CAST(d.raw AS BLOB)) END = f.size)
  ORDER BY f.path;

DROP TABLE IF EXISTS temp.ibid_load_clock;
CREATE TEMP TABLE ibid_load_clock(started REAL, printed REAL, total INTEGER);
INSERT INTO temp.ibid_load_clock
  SELECT julianday('now'), julianday('now'), (SELECT count(*) FROM temp.ibid_load_queue);

SELECT printf('ibid: %d files in %s: %d to load, %d already loaded, %d unreadable',
              (SELECT count(*) FROM temp.ibid_load_files), folder,
              (SELECT total FROM temp.ibid_load_clock),
              (SELECT count(*) FROM temp.ibid_load_files WHERE error IS NULL)
                - (SELECT total FROM temp.ibid_load_clock),
              (SELECT count(*) FROM temp.ibid_load_files WHERE error IS NOT NULL))
FROM temp.ibid_load_folder;

-- Files whose INSERT did not leave a document (failed, or format not recognized).
DROP TABLE IF EXISTS temp.ibid_load_missed;
CREATE TEMP TABLE ibid_load_missed(path TEXT PRIMARY KEY);

-- A document already in the database, unchanged since its file was listed
-- (by this load or another one running at the same time).
DROP VIEW IF EXISTS temp.ibid_load_done;
CREATE TEMP VIEW ibid_load_done AS
  SELECT f.path FROM temp.ibid_load_files f, main.documents d
  WHERE d.path = f.path AND d.added >= f.modified
    AND CASE typeof(d.raw) WHEN 'blob' THEN length(d.raw) ELSE length(CAST(d.raw AS BLOB)) END = f.size;

-- The statements for one file: its INSERT (its own transaction), a note in
-- ibid_load_missed when no document came of it (or its removal from there
-- when one did), and in the first pass an UPDATE of the clock that prints a
-- progress line when a second has passed since the last one, and after the
-- last file.
DROP VIEW IF EXISTS temp.ibid_load_statements;
CREATE TEMP VIEW ibid_load_statements AS
  SELECT n, 'INSERT INTO main.documents(path, raw) SELECT f.path, f.raw FROM ibid_files(' || quote(path)
         || ') f WHERE f.error IS NULL AND ibid_format(f.raw) IS NOT NULL AND NOT EXISTS '
         || '(SELECT 1 FROM temp.ibid_load_done d WHERE d.path = f.path);' || char(10)
         || 'INSERT OR IGNORE INTO temp.ibid_load_missed SELECT ' || quote(path)
         || ' WHERE NOT EXISTS (SELECT 1 FROM main.documents WHERE path = ' || quote(path) || ');'
         || char(10) || 'DELETE FROM temp.ibid_load_missed WHERE path = ' || quote(path)
         || ' AND EXISTS (SELECT 1 FROM main.documents WHERE path = ' || quote(path) || ');' AS sql,
         'UPDATE temp.ibid_load_clock SET printed = julianday(''now'') WHERE ' || n
         || ' = total OR (julianday(''now'') - printed) * 86400 >= 1 RETURNING printf('
         || '''%d/%d documents, %.1f documents/s%s'', ' || n || ', total, ' || n
         || ' / max((julianday(''now'') - started) * 86400, 0.001), (SELECT CASE count(*) WHEN 0 '
         || 'THEN '''' ELSE printf('', %d not loaded'', count(*)) END FROM temp.ibid_load_missed));'
         AS progress
  FROM temp.ibid_load_queue;

-- Each pass writes its scratch script into a folder only this user can
-- open, made by mktemp -d: the shell command below prints the dot-commands
-- that write it (.once) and read it back, naming that folder, which is
-- removed as soon as the script is opened.
--
-- A document that fails must not stop the others, so from here on the
-- script runs with .bail off: the shell counts an error inside a .read as an
-- error of the .read itself, at every level, and `.bail on` after it would
-- end the script before its summary. The shell prints each error; the
-- summary lists the file again; the exit status is 1 when any INSERT failed.
.bail off
.read '|d=$(mktemp -d "${TMPDIR:-/tmp}/ibid-load.XXXXXXXXXX") && case "$d" in *[!A-Za-z0-9._/+-]*) rm -rf "$d"; false;; esac || { echo ".print load.sql: cannot make a private scratch folder in ${TMPDIR:-/tmp} (mktemp -d failed, or its path holds characters other than letters, digits and ._/+-)"; echo ".exit 1"; exit 0; }; printf "%s\n" ".once $d/load.sql" "SELECT sql || char(10) || progress FROM temp.ibid_load_statements ORDER BY n;" ".read \"|exec <$d/load.sql; rm -rf $d; exec cat\""'
-- The second pass: the files the first one missed, once more.
.read '|d=$(mktemp -d "${TMPDIR:-/tmp}/ibid-load.XXXXXXXXXX") && case "$d" in *[!A-Za-z0-9._/+-]*) rm -rf "$d"; false;; esac || { echo ".print load.sql: cannot make a private scratch folder in ${TMPDIR:-/tmp} (mktemp -d failed, or its path holds characters other than letters, digits and ._/+-)"; echo ".exit 1"; exit 0; }; printf "%s\n" ".once $d/load.sql" "SELECT s.sql FROM temp.ibid_load_statements s, temp.ibid_load_queue q, temp.ibid_load_missed m WHERE q.n = s.n AND m.path = q.path ORDER BY s.n;" ".read \"|exec <$d/load.sql; rm -rf $d; exec cat\""'

-- ----- summary -----------------------------------------------------------------
SELECT printf('ibid: %d of %d documents loaded in %.1f s; the corpus has %d documents',
              (SELECT count(*) FROM temp.ibid_load_queue q
               WHERE EXISTS (SELECT 1 FROM main.documents d WHERE d.path = q.path)),
              total, (julianday('now') - started) * 86400,
              (SELECT count(*) FROM main.documents))
FROM temp.ibid_load_clock;
SELECT 'unreadable: ' || path || ': ' || error FROM temp.ibid_load_files
WHERE error IS NOT NULL ORDER BY path;
DROP TABLE IF EXISTS temp.ibid_load_why;
CREATE TEMP TABLE ibid_load_why AS
  SELECT m.path, CASE WHEN f.error IS NOT NULL THEN 'unreadable: ' || m.path || ': ' || f.error
                      WHEN f.path IS NULL THEN 'unreadable: ' || m.path || ': gone'
                      WHEN ibid_format(f.raw) IS NULL THEN 'skipped, format not recognized: ' || m.path
                      ELSE 'not loaded: ' || m.path || ': its INSERT failed twice (sqlite3 printed'
                           || ' why above); documents.error says so, and the next run tries again' END AS why,
         f.error IS NULL AND f.path IS NOT NULL AND ibid_format(f.raw) IS NOT NULL AS failed
  FROM temp.ibid_load_missed m LEFT JOIN ibid_files(m.path) f;
SELECT why FROM temp.ibid_load_why ORDER BY path;
-- A file that failed twice: a row that says so (raw NULL, so a rerun retries it).
INSERT INTO main.documents(path, raw, error)
  SELECT path, NULL, 'load.sql: not loaded: its INSERT failed twice; load the folder again to retry'
  FROM temp.ibid_load_why WHERE failed;
-- documents.error: what conversion could not read.
SELECT 'conversion failed: ' || path || ': ' || error FROM main.documents
WHERE error IS NOT NULL AND raw IS NOT NULL AND path IN (SELECT path FROM temp.ibid_load_files)
ORDER BY path;
