.load ./ibid
SELECT 'xml_01', ibid_format(readfile('tests/formats/jats/002_article.xml')) = 'jats';
SELECT 'xml_02', ibid_format(readfile('tests/formats/tei/001_essay.xml')) = 'tei';
SELECT 'xml_03', ibid_convert(readfile('tests/formats/jats/002_article.xml')) ->> '$.meta.title' = 'Tensions in the anti-atrocity regime: Is the relationship of the Responsibility to Protect and the International Criminal Court truly win-win?';
SELECT 'xml_04', json_array_length(ibid_convert(readfile('tests/formats/jats/002_article.xml')), '$.references') = 51;
SELECT 'xml_05', (SELECT count(*) FROM ibid_notes(ibid_convert(readfile('tests/formats/tei/001_essay.xml')) ->> 'body')) = 13;
SELECT 'xml_06', (SELECT count(*) FROM ibid_markers(ibid_convert(readfile('tests/formats/tei/001_essay.xml')) ->> 'body')) = 13;
SELECT 'xml_07', (SELECT group_concat(ibid_of, ',') FROM ibid_notes(ibid_convert(readfile('tests/formats/jats/footnotes_article.xml')) ->> 'body')) = '7,7,7,7';
SELECT 'xml_08', ibid_convert(readfile('tests/formats/jats/footnotes_article.xml')) ->> '$.meta.author[1].family' = 'Bloomfield';
SELECT 'xml_09', ibid_convert(readfile('tests/formats/tei/listbibl.xml')) ->> '$.references[1].csl.page' = '175-205';
SELECT 'xml_10', ibid_convert(readfile('tests/formats/jats/malformed_truncated.xml')) ->> 'error' = 'malformed XML: read as far as it could be recovered';
SELECT 'xml_11', ibid_convert('<article><body><p>x</p></body></article>') ->> 'body' = 'x' || char(10);
SELECT 'xml_12', ibid_convert('<TEI><text><body><p>A<note n="2">B</note>.</p></body></text></TEI>') ->> 'body' = 'A².' || char(10) || char(10) || 'Notes' || char(10) || char(10) || '[2] B' || char(10);
SELECT 'xml_13', ibid_convert('<article>') ->> 'error' IS NOT NULL;
SELECT 'xml_14', ibid_convert(readfile('tests/formats/tei/001_essay.xml')) ->> 'error' IS NULL;
SELECT 'xml_15', (SELECT count(*) FROM json_each(ibid_convert(readfile('tests/formats/jats/footnotes_article.xml')), '$.references') WHERE value ->> 'csl' IS NOT NULL) = 6;
