.load ./ibid
SELECT 'text_01', ibid_clean(NULL) IS NULL;
SELECT 'text_02', ibid_clean('') = '';
SELECT 'text_03', ibid_clean('Hello') = 'Hello' || char(10);
SELECT 'text_04', ibid_clean('a' || char(13) || char(10) || 'b') = 'a' || char(10) || char(10) || 'b' || char(10);
SELECT 'text_05', ibid_clean('no' || char(160) || 'break' || char(8203) || 's') = 'no breaks' || char(10);
SELECT 'text_06', ibid_clean('e' || char(769)) = char(233) || char(10);
SELECT 'text_07', ibid_clean('Skip to main content' || char(10) || 'Body.') = 'Body.' || char(10);
SELECT 'text_08', ibid_clean(ibid_clean(readfile('tests/corpus/002_d1db321f321bc449.txt'))) = ibid_clean(readfile('tests/corpus/002_d1db321f321bc449.txt'));
SELECT 'text_09', instr(ibid_clean(readfile('tests/corpus/002_d1db321f321bc449.txt')), 'assessment of the ICC-R2P relationship. So, the more') > 0;
SELECT 'text_10', ibid_clean(CAST('blob text' AS BLOB)) = 'blob text' || char(10);
SELECT 'text_11', (SELECT count(*) FROM pragma_function_list WHERE name = 'ibid_clean' AND narg = 1) = 1;
