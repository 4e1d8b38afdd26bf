.load ./ibid
SELECT 'meta_01', ibid_meta(NULL) IS NULL;
SELECT 'meta_02', ibid_meta('') = '{}';
SELECT 'meta_03', json_extract(ibid_meta(readfile('tests/corpus/000_059344c93f29e9d2.txt')), '$.container-title') = 'Review of International Studies';
SELECT 'meta_04', json_extract(ibid_meta(readfile('tests/corpus/000_059344c93f29e9d2.txt')), '$.issued.date-parts[0]') = '[2018,1]';
SELECT 'meta_05', json_extract(ibid_meta(readfile('tests/corpus/000_059344c93f29e9d2.txt')), '$.author[0].role') = 'corresponding';
SELECT 'meta_06', json_array_length(ibid_meta(readfile('tests/corpus/000_059344c93f29e9d2.txt')), '$.keywords') = 6;
SELECT 'meta_07', json_extract(ibid_meta(readfile('tests/corpus/003_13113c39446ca1b6.txt')), '$.author[1].family') = 'Bloomfield';
SELECT 'meta_08', json_extract(ibid_meta(readfile('tests/corpus/004_6374797fe6a29cae.txt')), '$.author') IS NULL;
SELECT 'meta_09', ibid_work_key(ibid_meta(readfile('tests/corpus/000_059344c93f29e9d2.txt'))) = ibid_work_key(ibid_meta(readfile('tests/corpus/003_13113c39446ca1b6.txt')));
SELECT 'meta_10', ibid_work_key(ibid_meta(ibid_clean(readfile('tests/corpus/003_13113c39446ca1b6.txt')))) = 'mills::african-resistance-international-criminal-court';
SELECT 'meta_11', ibid_work_key('{"author":[{"family":"Schabas"}],"title":"An Introduction to the International Criminal Court","issued":{"date-parts":[[2011]]}}') = 'schabas::introduction-international-criminal-court';
SELECT 'meta_12', ibid_work_key('{"author":[{"family":"Bosco"}],"issued":"2014"}') = 'bosco:2014:';
SELECT 'meta_13', ibid_work_key('{"DOI":"10.1017/S0260210517000407"}') IS NULL;
SELECT 'meta_14', ibid_work_key(NULL) IS NULL;
SELECT 'meta_15', json_valid(ibid_meta(readfile('tests/corpus/002_d1db321f321bc449.txt')));
SELECT 'meta_16', json_extract(ibid_meta('Title: On Deterrence' || char(10) || 'Volume: 9'), '$.volume') = '9';
SELECT 'meta_17', (SELECT count(*) FROM pragma_function_list WHERE name IN ('ibid_meta', 'ibid_work_key')) = 2;
