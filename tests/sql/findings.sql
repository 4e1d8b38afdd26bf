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
SELECT 'findings_15', (SELECT group_concat(label || '=' || text, ';') FROM ibid_questions('Our questions: ' || char(10) || 'RQ1: Does aid help? RQ2: Does it last?' || char(10))) = 'RQ1=Does aid help?;RQ2=Does it last?';
SELECT 'findings_16', (SELECT name FROM ibid_cases('## 4.1 Case study 2: The situation in Borovia' || char(10) || 'Text.')) = 'Borovia';
SELECT 'findings_17', (SELECT group_concat(name, ',') FROM ibid_cases('Table 1. Balance' || char(10) || 'Case 1: The Aurelia commission Case 2: Borovia Overall' || char(10) || 'H1' || char(10) || '• Improved trust' || char(10) || '• No effect' || char(10) || '• Mixed' || char(10))) = 'Aurelia,Borovia';
