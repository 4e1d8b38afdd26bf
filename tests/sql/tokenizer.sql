.load ./ibid
CREATE VIRTUAL TABLE tokenizer_docs USING fts5(body, tokenize='ibid');
INSERT INTO tokenizer_docs(rowid, body) VALUES (1, 'Côte d’Ivoire accepted the Court’s jurisdiction.'), (2, 'Cote d''Ivoire and TADIĆ'), (3, 'The ﬁnal report on Straße deterrence.');
SELECT 'tokenizer_01', (SELECT group_concat(rowid) FROM tokenizer_docs WHERE tokenizer_docs MATCH 'cote') = '1,2';
SELECT 'tokenizer_02', (SELECT group_concat(rowid) FROM tokenizer_docs WHERE tokenizer_docs MATCH '"d''ivoire"') = '1,2';
SELECT 'tokenizer_03', (SELECT group_concat(rowid) FROM tokenizer_docs WHERE tokenizer_docs MATCH '"côte d’ivoire"') = '1,2';
SELECT 'tokenizer_04', (SELECT rowid FROM tokenizer_docs WHERE tokenizer_docs MATCH 'tadic') = 2;
SELECT 'tokenizer_05', (SELECT rowid FROM tokenizer_docs WHERE tokenizer_docs MATCH 'final AND strasse') = 3;
SELECT 'tokenizer_06', (SELECT highlight(tokenizer_docs, 0, '[', ']') FROM tokenizer_docs WHERE tokenizer_docs MATCH 'cote' AND rowid = 1) = '[Côte] d’Ivoire accepted the Court’s jurisdiction.';
SELECT 'tokenizer_07', (SELECT highlight(tokenizer_docs, 0, '[', ']') FROM tokenizer_docs WHERE tokenizer_docs MATCH 'deter*') = 'The ﬁnal report on Straße [deterrence].';
SELECT 'tokenizer_08', (SELECT count(*) FROM tokenizer_docs WHERE tokenizer_docs MATCH 'COURT') = 1;
CREATE VIRTUAL TABLE tokenizer_keep USING fts5(body, tokenize='ibid keep_diacritics');
INSERT INTO tokenizer_keep VALUES ('Côte d’Ivoire');
SELECT 'tokenizer_09', (SELECT count(*) FROM tokenizer_keep WHERE tokenizer_keep MATCH 'cote') = 0;
SELECT 'tokenizer_10', (SELECT count(*) FROM tokenizer_keep WHERE tokenizer_keep MATCH 'CÔTE') = 1;
SELECT 'tokenizer_11', (SELECT count(*) FROM pragma_module_list WHERE name = 'fts5') = 1;
