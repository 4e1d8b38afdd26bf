.load ./ibid
SELECT 'notes_01', (SELECT count(*) FROM ibid_notes(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT))) = 140;
SELECT 'notes_02', (SELECT ibid_of || '|' || locator FROM ibid_notes(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE n = 9) = '7|pp. 322–6';
SELECT 'notes_03', (SELECT ibid_of FROM ibid_notes(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE n = 129) = 125;
SELECT 'notes_04', (SELECT group_concat(DISTINCT kind) FROM ibid_notes(CAST(readfile('tests/corpus/001_860931bb389e1658.txt') AS TEXT))) = 'endnote';
SELECT 'notes_05', (SELECT label || '|' || ibid_of || '|' || locator FROM ibid_notes(CAST(readfile('tests/corpus/001_860931bb389e1658.txt') AS TEXT)) WHERE n = 8) = '[8]|7|15';
SELECT 'notes_06', (SELECT count(*) FROM ibid_markers(CAST(readfile('tests/corpus/001_860931bb389e1658.txt') AS TEXT))) = 13;
SELECT 'notes_07', (SELECT count(*) FROM ibid_notes(CAST(readfile('tests/corpus/002_d1db321f321bc449.txt') AS TEXT))) + (SELECT count(*) FROM ibid_markers(CAST(readfile('tests/corpus/002_d1db321f321bc449.txt') AS TEXT))) = 0;
SELECT 'notes_08', (SELECT count(*) FROM ibid_notes(NULL)) = 0;
SELECT 'notes_09', (SELECT count(*) FROM ibid_notes('')) + (SELECT count(*) FROM ibid_markers('')) = 0;
SELECT 'notes_10', (SELECT group_concat(n || ':' || coalesce(ibid_of, '-'), ',') FROM ibid_notes('1 Smith, John, ‘A long title’, Journal, 3 (2001).' || char(10) || '2 Id. at 4.' || char(10) || '3 Smith, supra note 1, at 9.')) = '1:-,2:1,3:1';
SELECT 'notes_11', (SELECT group_concat(marker, ',') FROM ibid_markers('Cited by the UN.1 And the ICC2.' || char(10) || '[1] A. Author, ‘Title’ (2001).' || char(10) || '[2] B. Author, ‘Other’ (2002).')) = '1,2';
SELECT 'notes_12', (SELECT substr(t, m.start, m.length) || '|' || substr(t, m.note_start, 6) FROM (SELECT 'Effect.¹ More text.' || char(10) || '¹ Jones, ‘Deterrence’ (2010).' AS t), ibid_markers(t) AS m) = '¹|Jones,';
SELECT 'notes_13', (SELECT count(*) FROM ibid_notes(x'31205a00')) >= 0;
