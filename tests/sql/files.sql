.load ./ibid
SELECT 'files_01', (SELECT count(*) FROM ibid_files('tests/corpus') WHERE path GLOB 'tests/corpus/0*.txt') = 5;
SELECT 'files_02', (SELECT path FROM ibid_files('tests/corpus/') WHERE path LIKE '%.txt' LIMIT 1) = 'tests/corpus/000_059344c93f29e9d2.txt';
SELECT 'files_03', (SELECT path FROM ibid_files('tests/corpus//') LIMIT 1) = 'tests/corpus/000_059344c93f29e9d2.txt';
SELECT 'files_04', (SELECT count(*) FROM ibid_files('tests/corpus') WHERE size <> length(raw)) = 0;
SELECT 'files_05', (SELECT count(*) FROM ibid_files('tests/corpus') WHERE raw IS NOT readfile(path)) = 0;
SELECT 'files_06', (SELECT count(*) FROM ibid_files('tests/corpus') WHERE typeof(raw) <> 'blob' OR error IS NOT NULL) = 0;
SELECT 'files_07', (SELECT count(*) FROM ibid_files('tests/corpus') WHERE modified NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z') = 0;
SELECT 'files_08', (SELECT count(*) FROM ibid_files(NULL)) = 0;
SELECT 'files_09', (SELECT group_concat(path || '|' || size, ';') FROM ibid_files('tests/corpus/000_059344c93f29e9d2.txt')) = 'tests/corpus/000_059344c93f29e9d2.txt|2269';
SELECT 'files_10', (SELECT path || '|' || coalesce(size, 'NULL') || '|' || error || '|' || coalesce(raw, 'NULL') FROM ibid_files('/dev/null')) = '/dev/null|NULL|not a regular file (a character device)|NULL';
SELECT 'files_11', (SELECT group_concat(DISTINCT folder) FROM ibid_files('tests/corpus/')) = 'tests/corpus/';
SELECT 'files_12', (SELECT group_concat(path, ',') FROM (SELECT path FROM ibid_files('tests/corpus') ORDER BY path)) = (SELECT group_concat(path, ',') FROM (SELECT path FROM ibid_files('tests/corpus') ORDER BY path || ''));
SELECT 'files_13', (SELECT count(*) FROM ibid_files('tests/corpus') a, ibid_files(a.path) b WHERE b.path = a.path AND b.size = a.size) = (SELECT count(*) FROM ibid_files('tests/corpus'));
SELECT 'files_14', (SELECT count(*) FROM ibid_files('tests') WHERE path GLOB 'tests/corpus/0*.txt') = 5;
SELECT 'files_15', (SELECT ibid_format(raw) FROM ibid_files('tests/corpus/001_860931bb389e1658.txt')) = 'text';
SELECT 'files_16', (SELECT max(rowid) = count(*) FROM ibid_files('tests/corpus'));
