.load ./ibid
SELECT 'references_01', (SELECT count(*) FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note = 15) = 3;
SELECT 'references_02', (SELECT resolves_to || '|' || locator FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note = 15 AND item = 1) = '7|p. 313';
SELECT 'references_03', (SELECT resolves_to FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note = 28 AND item = 3) = 24;
SELECT 'references_04', (SELECT count(*) FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note IN (2, 39, 59, 78, 133)) = 0;
SELECT 'references_05', (SELECT count(*) FROM ibid_references(NULL)) = 0;
SELECT 'references_06', (SELECT count(*) FROM ibid_references('')) = 0;
SELECT 'references_07', (SELECT group_concat(text, ' // ') FROM ibid_references('Text.' || char(10) || char(10) || 'References' || char(10) || char(10) || 'Adams, S. (2015) A title. Journal, 1, 2-3.' || char(10) || 'Bellamy, A. (2016) Another title.' || char(10) || '  Press.' || char(10))) = 'Adams, S. (2015) A title. Journal, 1, 2-3. // Bellamy, A. (2016) Another title.' || char(10) || '  Press.';
SELECT 'references_08', (SELECT count(*) FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE substr(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT), start, length) <> text) = 0;
SELECT 'references_09', (SELECT work_key FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note = 8) = (SELECT work_key FROM ibid_references(CAST(readfile('tests/corpus/003_13113c39446ca1b6.txt') AS TEXT)) WHERE note = 7);
SELECT 'references_10', (SELECT group_concat(coalesce(note, 'bib') || ':' || item, ',') FROM ibid_references('Intro.' || char(10) || char(10) || 'References' || char(10) || char(10) || '[1] Quell, Molly. “Title.” Press, 15 May 2025.' || char(10) || char(10) || '[2] Smith, John. Another Title. 2019.' || char(10) || char(10) || '[3] Roe, Jane. “Third.” Press, 2020.' || char(10))) = '1:1,2:1,3:1';
