.load ./ibid
SELECT 'blocks_01', (SELECT count(*) FROM ibid_blocks(NULL)) = 0;
SELECT 'blocks_02', (SELECT count(*) FROM ibid_blocks('')) = 0;
SELECT 'blocks_03', (SELECT group_concat(kind, ' ') FROM ibid_blocks('Title Here' || char(10) || char(10) || 'Body text, with a period.')) = 'heading paragraph';
SELECT 'blocks_04', (SELECT group_concat(kind || ':' || level, ' ') FROM ibid_blocks('Text.' || char(10) || '• one' || char(10) || '• two')) = 'paragraph:0 list_item:1 list_item:1';
SELECT 'blocks_05', (SELECT kind FROM ibid_blocks('Figure 2. Findings Darfur case study')) = 'caption';
SELECT 'blocks_06', (SELECT group_concat(kind, ' ') FROM ibid_blocks('[1] Smith, A Book (2001).' || char(10) || '[2] Ibid., p. 4.')) = 'note note';
SELECT 'blocks_07', (SELECT kind FROM ibid_blocks('Case' || char(9) || 'Year' || char(9) || 'Votes')) = 'table_row';
SELECT 'blocks_08', (SELECT kind FROM ibid_blocks('Loading metrics...')) = 'boilerplate';
SELECT 'blocks_09', (SELECT count(*) FROM (SELECT 'é Title' || char(10) || char(10) || 'Body é text.' AS doc) JOIN ibid_blocks(doc) b WHERE substr(doc, b.start, b.length) = b.text) = 2;
SELECT 'blocks_10', (SELECT max(n) = count(*) FROM ibid_blocks(ibid_clean(readfile('tests/corpus/001_860931bb389e1658.txt'))));
SELECT 'blocks_11', (SELECT count(*) FROM ibid_blocks(ibid_clean(readfile('tests/corpus/003_13113c39446ca1b6.txt'))) WHERE kind = 'note') = 142;
SELECT 'blocks_12', (SELECT count(*) FROM pragma_module_list WHERE name = 'ibid_blocks') = 1;
