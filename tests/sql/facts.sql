.load ./ibid
SELECT 'facts_01', (SELECT value FROM ibid_claims('It killed 3,784 people in 2011.')) = 3784;
SELECT 'facts_02', (SELECT unit FROM ibid_claims('It killed 3,784 people in 2011.')) = 'people';
SELECT 'facts_03', (SELECT group_concat(value) FROM ibid_claims('From 3.300 per month to 300 per month, then 104.254 deaths.')) = '3300,300,104254';
SELECT 'facts_04', (SELECT value FROM ibid_claims('They helped 1.5 million individuals.')) = 1500000;
SELECT 'facts_05', (SELECT "check" || ' ' || expected FROM ibid_claims('Deaths rose from 200 deaths to 300 deaths, a 20% increase.') WHERE unit = '%') = 'inconsistent 50';
SELECT 'facts_06', (SELECT count(*) FROM ibid_claims('See resolution 1593, p. 12 (Wegner, 2015: 120).')) = 0;
SELECT 'facts_07', (SELECT count(*) FROM ibid_claims(NULL)) = 0;
SELECT 'facts_08', (SELECT count(*) FROM ibid_claims('')) = 0;
SELECT 'facts_09', (SELECT substr('It killed 3,784 people.', start, length) FROM ibid_claims('It killed 3,784 people.')) = '3,784 people';
SELECT 'facts_10', (SELECT kind || '|' || value FROM ibid_entities('The UNSC adopted resolution 1593 of 31 March 2005.') WHERE kind = 'un_resolution') = 'un_resolution|S/RES/1593 (2005)';
SELECT 'facts_11', (SELECT value FROM ibid_entities('Article 13(b) of the Rome Statute') WHERE kind = 'treaty_article') = 'Rome Statute art. 13(b)';
SELECT 'facts_12', (SELECT value FROM ibid_entities('see Assembly/AU/Dec.221(XII), adopted') ) = 'Assembly/AU/Dec.221(XII)';
SELECT 'facts_13', (SELECT value FROM ibid_entities('the situation in the Democratic Republic of the Congo.')) = 'Democratic Republic of the Congo';
SELECT 'facts_14', (SELECT group_concat(value, ';') FROM ibid_entities('the Office of the Prosecutor (OTP) and the OTP')) = 'OTP;OTP';
SELECT 'facts_15', (SELECT value FROM ibid_entities('The ICC’s chief prosecutor, Fatou Bensouda, spoke.') WHERE kind = 'person') = 'Fatou Bensouda';
SELECT 'facts_16', (SELECT text FROM ibid_entities('Tachiona v. Mugabe, 169 F. Supp. 2nd (2001).')) = '169 F. Supp. 2nd';
SELECT 'facts_17', (SELECT count(*) FROM ibid_entities(NULL)) = 0;
SELECT 'facts_18', (SELECT group_concat(date) FROM ibid_events('On 31 March 2005, it acted. In May 2004 it met. In 2015 it ended.')) = '2005-03-31,2004-05,2015';
SELECT 'facts_19', (SELECT date || ' ' || relative FROM ibid_events('It met in May 2004. Four months later it acted.') WHERE n = 2) = '2004-09 1';
SELECT 'facts_20', (SELECT count(*) FROM ibid_events('As argued (Wegner, 2015: 120), the 2003-04 period.')) = 0;
SELECT 'facts_21', (SELECT s.text FROM ibid_events('First. On 1 June 2005, it decided. Next.') e
                    JOIN ibid_sentences('First. On 1 June 2005, it decided. Next.') s ON s.n = e.sentence) = 'On 1 June 2005, it decided.';
SELECT 'facts_22', (SELECT count(*) FROM ibid_events(NULL)) = 0;
SELECT 'facts_23', (SELECT count(*) FROM ibid_events(x'00313920323030')) >= 0;
SELECT 'facts_24', (SELECT group_concat(value || ' ' || unit, ';') FROM ibid_claims('A budget of €170 million and $5,000 in cash.')) = '170000000 €;5000 $';
SELECT 'facts_25', (SELECT group_concat(value, ';') FROM ibid_entities('Security Council Resolution 2334 (2016) and UNSC Res. 1674.') WHERE kind = 'un_resolution') = 'S/RES/2334 (2016);S/RES/1674';
SELECT 'facts_26', (SELECT value FROM ibid_entities('articles 12 and 13 of the Rome Statute') WHERE kind = 'treaty_article') = 'Rome Statute arts. 12, 13';
SELECT 'facts_27', (SELECT count(*) FROM ibid_entities('‘ICC Prosecutor Presents Case Against the Minister’') WHERE kind = 'person') = 0;
