.load ./ibid
SELECT 'sentences_01', (SELECT count(*) FROM ibid_sentences('One. Two. Three.')) = 3;
SELECT 'sentences_02', (SELECT group_concat(text, '|') FROM ibid_sentences('See pp. 12-14. Next.')) = 'See pp. 12-14.|Next.';
SELECT 'sentences_03', (SELECT text FROM ibid_sentences('Ibid., p. 312.')) = 'Ibid., p. 312.';
SELECT 'sentences_04', (SELECT group_concat(text, '|') FROM ibid_sentences('members of the ICC2. His views')) = 'members of the ICC2.|His views';
SELECT 'sentences_05', (SELECT group_concat(text, '|') FROM ibid_sentences('by the UN.5 The ICC')) = 'by the UN.5|The ICC';
SELECT 'sentences_06', (SELECT group_concat(start || ':' || length, ' ') FROM ibid_sentences('Côte. Élan.')) = '1:5 7:5';
SELECT 'sentences_07', (SELECT group_concat(block, ',') FROM ibid_sentences('Title' || char(10) || char(10) || 'One. Two.')) = '1,2,2';
SELECT 'sentences_08', (SELECT count(*) FROM ibid_sentences(NULL)) = 0;
SELECT 'sentences_09', (SELECT count(*) FROM ibid_sentences('')) = 0;
SELECT 'sentences_10', (SELECT group_concat(n, ',') FROM ibid_sentences('A b. C d. E f.')) = '1,2,3';
SELECT 'sentences_11', (SELECT count(*) FROM ibid_sentences('Alan J. Kuperman and M. Cherif Bassiouni agree.')) = 1;
SELECT 'sentences_12', (SELECT min(substr(input, start, length) = text) FROM ibid_sentences('  Ünïcode “quoted.” Next one.  ')) = 1;
SELECT 'sentences_13', (SELECT count(*) FROM ibid_sentences(CAST('Blob text. Works.' AS BLOB))) = 2;
