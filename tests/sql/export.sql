.load ./ibid
SELECT 'export_01', ibid_bibtex('{"type":"book","title":"The ICC","author":[{"family":"Schabas","given":"William"}],"issued":{"date-parts":[[2016]]}}') = '@book{schabas2016icc,' || char(10) || '  author = {Schabas, William},' || char(10) || '  title = {The {ICC}},' || char(10) || '  year = {2016}' || char(10) || '}' || char(10);
SELECT 'export_02', ibid_bibtex(NULL) IS NULL;
SELECT 'export_03', ibid_ris(NULL) IS NULL;
SELECT 'export_04', ibid_ris('{"type":"report","title":"Courting History"}') = 'TY  - RPRT' || char(10) || 'TI  - Courting History' || char(10) || 'ER  - ' || char(10);
SELECT 'export_05', ibid_bibtex('{"id":"k","title":"A & B"}') LIKE '%title = {A \& B}%';
SELECT 'export_06', ibid_group_bibtex(csl) = '@misc{ku,' || char(10) || '  author = {Ku}' || char(10) || '}' || char(10) || char(10) || '@misc{kua,' || char(10) || '  author = {Ku}' || char(10) || '}' || char(10) FROM (SELECT '{"author":[{"family":"Ku"}]}' AS csl UNION ALL SELECT NULL UNION ALL SELECT '{"author":[{"family":"Ku"}]}');
SELECT 'export_07', ibid_group_ris(csl) = 'TY  - BOOK' || char(10) || 'ER  - ' || char(10) || char(10) || 'TY  - GEN' || char(10) || 'ER  - ' || char(10) FROM (SELECT '{"type":"book"}' AS csl UNION ALL SELECT NULL UNION ALL SELECT '{}');
SELECT 'export_08', ibid_group_bibtex(NULL) IS NULL AND ibid_group_ris(NULL) IS NULL;
SELECT 'export_09', (SELECT ibid_group_bibtex(x) FROM (SELECT 1 AS x) WHERE x = 2) IS NULL;
SELECT 'export_10', ibid_bibtex(CAST('{"id":"k"}' AS BLOB)) = '@misc{k,' || char(10) || '}' || char(10);
SELECT 'export_11', (SELECT count(*) FROM pragma_function_list WHERE name IN ('ibid_bibtex', 'ibid_ris', 'ibid_group_bibtex', 'ibid_group_ris')) = 4;
SELECT 'export_12', ibid_ris('{"title":"a\r\n\tb"}') LIKE '%TI  - a b' || char(10) || '%';
SELECT 'export_13', ibid_ris('{"author":[{"family":"Ćurković","given":"Željko"}]}') LIKE '%AU  - Ćurković, Željko%';
SELECT 'export_14', ibid_bibtex('{"author":[{"family":"Ćurković"}],"title":"Über alles","issued":{"date-parts":[[2019]]}}') LIKE '@misc{curkovic2019uber,%';
