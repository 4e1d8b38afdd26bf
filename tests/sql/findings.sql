.load ./ibid
SELECT 'findings_01', (SELECT group_concat(name, ',') FROM ibid_cases(readfile('tests/corpus/002_d1db321f321bc449.txt'))) = 'Darfur,Libya,Syria';
SELECT 'findings_02', (SELECT group_concat(label, ',') FROM ibid_questions(readfile('tests/corpus/002_d1db321f321bc449.txt'))) = 'Q1,Q2,Q3';
SELECT 'findings_03', (SELECT count(*) FROM ibid_findings(readfile('tests/corpus/002_d1db321f321bc449.txt')) WHERE source = 'figure') = 69;
SELECT 'findings_04', (SELECT polarity FROM ibid_findings(readfile('tests/corpus/002_d1db321f321bc449.txt')) WHERE finding = 'Hindered humanitarian assistance' LIMIT 1) = 'negative';
SELECT 'findings_05', (SELECT count(*) FROM ibid_findings(readfile('tests/corpus/002_d1db321f321bc449.txt')) WHERE "case" = 'all') = 10;
SELECT 'findings_06', (SELECT count(*) FROM ibid_cases(readfile('tests/corpus/004_6374797fe6a29cae.txt'))) = 0;
SELECT 'findings_07', (SELECT count(*) FROM ibid_findings(NULL)) = 0;
SELECT 'findings_08', (SELECT count(*) FROM ibid_evidence('')) = 0;
SELECT 'findings_09', (SELECT name FROM ibid_cases('Case 3: The attempted Syria referral' || char(10) || 'Text.')) = 'Syria';
SELECT 'findings_10', (SELECT text FROM ibid_questions('H1: Aid' || char(10) || 'helps.')) = 'Aid helps.';
SELECT 'findings_11', (SELECT substr(t, start, length) FROM (SELECT 'Intro. In sum, aid failed.' AS t), ibid_findings(t)) = 'In sum, aid failed.';
SELECT 'findings_12', (SELECT kind || ':' || substr(t, citation_start, citation_length) FROM (SELECT 'In sum, aid failed (Ruiz, 2012: 4).' AS t), ibid_evidence(t)) = 'cite:(Ruiz, 2012: 4)';
SELECT 'findings_13', (SELECT source FROM ibid_findings('Abstract' || char(10) || 'We conclude that aid failed.' || char(10))) = 'abstract';
SELECT 'findings_14', (SELECT count(*) FROM ibid_findings(x'00')) = 0;
