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
-- How: the shell has no loops, so the script writes one INSERT per file into
-- a scratch script ($TMPDIR or /tmp, named after the shell's process id, so
-- two loads never share it) and reads it back; the scratch file is removed
-- as soon as it is opened. Output goes to the shell's stdout (a terminal
-- shows each line at once; through a pipe, use `stdbuf -oL sqlite3 ...`).
.bail on
.headers off
.mode list
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

-- One INSERT per file (its own transaction), each followed by an UPDATE of
-- the clock that prints a progress line when a second has passed since the
-- last one, and after the last file.
.once '|cat > "${TMPDIR:-/tmp}/ibid-load-$PPID.sql"'
SELECT 'INSERT INTO main.documents(path, raw) SELECT path, raw FROM ibid_files(' || quote(path)
       || ') WHERE error IS NULL AND ibid_format(raw) IS NOT NULL;' || char(10)
       || 'UPDATE temp.ibid_load_clock SET printed = julianday(''now'') WHERE ' || n
       || ' = total OR (julianday(''now'') - printed) * 86400 >= 1 RETURNING printf('
       || '''%d/%d documents, %.1f documents/s'', ' || n || ', total, ' || n
       || ' / max((julianday(''now'') - started) * 86400, 0.001));'
FROM temp.ibid_load_queue ORDER BY n;
-- A document that fails must not stop the others: errors are printed, and
-- the summary lists the file again.
.bail off
.read '|f="${TMPDIR:-/tmp}/ibid-load-$PPID.sql"; exec <"$f"; rm -f "$f"; exec cat'
.bail on

-- ----- summary -----------------------------------------------------------------
SELECT printf('ibid: %d of %d documents loaded in %.1f s; the corpus has %d documents',
              (SELECT count(*) FROM temp.ibid_load_queue q
               WHERE EXISTS (SELECT 1 FROM main.documents d WHERE d.path = q.path)),
              total, (julianday('now') - started) * 86400,
              (SELECT count(*) FROM main.documents))
FROM temp.ibid_load_clock;
SELECT 'unreadable: ' || path || ': ' || error FROM temp.ibid_load_files
WHERE error IS NOT NULL ORDER BY path;
SELECT CASE WHEN f.error IS NOT NULL THEN 'unreadable: ' || q.path || ': ' || f.error
            WHEN ibid_format(f.raw) IS NULL THEN 'skipped, format not recognized: ' || q.path
            ELSE 'not loaded (see the error above): ' || q.path END
FROM temp.ibid_load_queue q, ibid_files(q.path) f
WHERE NOT EXISTS (SELECT 1 FROM main.documents d WHERE d.path = q.path)
ORDER BY q.path;
-- documents.error (what conversion could not read), when the schema has it.
.once '|cat > "${TMPDIR:-/tmp}/ibid-load-$PPID.sql"'
SELECT 'SELECT ''conversion failed: '' || path || '': '' || error FROM main.documents'
       || ' WHERE error IS NOT NULL AND path IN (SELECT path FROM temp.ibid_load_files)'
       || ' ORDER BY path;'
WHERE EXISTS (SELECT 1 FROM pragma_table_info('documents') WHERE name = 'error');
.read '|f="${TMPDIR:-/tmp}/ibid-load-$PPID.sql"; exec <"$f"; rm -f "$f"; exec cat'
