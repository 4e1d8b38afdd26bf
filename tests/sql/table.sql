.load ./ibid
SELECT 'table_01', (SELECT count(*) FROM ibid_sentences('Smith, p. 3. Next one.') WHERE text = 'Smith, p. 3.' OR text = 'Next one.') = 2;
SELECT 'table_02', (SELECT count(*) FROM ibid_blocks(NULL)) = 0;
SELECT 'table_03', (SELECT group_concat(input IS NOT NULL) FROM ibid_blocks('One.')) = '1';
SELECT 'table_04', (SELECT substr('Ünïcode first. Then ß.', start, length) FROM ibid_sentences('Ünïcode first. Then ß.') WHERE n = 2) = 'Then ß.';
SELECT 'table_05', (SELECT count(*) FROM (SELECT 'A. B.' AS t UNION ALL SELECT 'C.') x, ibid_sentences(x.t)) = 2;
SELECT 'table_06', (SELECT sum(s.n) FROM ibid_blocks('One.' || char(10) || char(10) || 'Two.') b JOIN ibid_sentences(b.text) s) = 2;
