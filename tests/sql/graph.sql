.load ./ibid
SELECT 'graph_01', ibid_dot(NULL, 'a', 2, 'b') = (SELECT ibid_dot(1, 'a', 2, 'b') WHERE 0);
SELECT 'graph_02', (SELECT ibid_dot(1, 'a', 2, 'b') WHERE 0) = 'digraph citations {' || char(10) || '  rankdir=LR;' || char(10) || '  node [shape=ellipse, fontsize=10];' || char(10) || '  edge [arrowsize=0.6];' || char(10) || '}';
SELECT 'graph_03', instr(ibid_dot(1, 'Mills 2012', 2, 'Annan 1999'), '  w1 [label="Mills 2012", shape=box];' || char(10) || '  w2 [label="Annan 1999"];' || char(10) || '  w1 -> w2 [weight=1, penwidth=1];' || char(10) || '}') > 0;
WITH t(a, b, n) AS (VALUES (1, 2, 3), (1, 2, 1), (1, 3, 1))
SELECT 'graph_04', instr(ibid_dot(a, 'A', b, 'B', n), 'w1 -> w2 [weight=4, penwidth=3];') > 0 FROM t;
WITH t(a, b) AS (VALUES (1, 2), (NULL, 3), (4, NULL), (5, 2))
SELECT 'graph_05', ibid_dot(a, 'A', b, 'B') NOT LIKE '%w3%' AND ibid_dot(a, 'A', b, 'B') NOT LIKE '%w4%' AND ibid_dot(a, 'A', b, 'B') LIKE '%w5 -> w2%' FROM t;
WITH t(a, b) AS (VALUES (1, 2), (3, 2), (1, 4))
SELECT 'graph_06', ibid_dot(a, 'A', b, 'B', 1, 2) NOT LIKE '%w4%' AND ibid_dot(a, 'A', b, 'B', 1, 2) LIKE '%w3 -> w2%' FROM t;
WITH t(a, b) AS (VALUES (1, 2), (3, 2), (1, 4))
SELECT 'graph_07', ibid_dot(a, 'A', b, 'B', NULL, NULL) = ibid_dot(a, 'A', b, 'B') FROM t;
WITH t(a, b) AS (VALUES (3, 2), (1, 4), (1, 2)), u(a, b) AS (VALUES (1, 2), (1, 4), (3, 2))
SELECT 'graph_08', (SELECT ibid_dot(a, 'A', b, 'B') FROM t) = (SELECT ibid_dot(a, 'A', b, 'B') FROM u);
SELECT 'graph_09', instr(ibid_dot(1, 'x', 2, 'say "hi" \ & ' || char(10) || 'bye'), 'label="say \"hi\" \\ &amp; \nbye"') > 0;
SELECT 'graph_10', instr(ibid_dot(1, 'x', 2, 'The responsibility to protect and the International Criminal Court'), 'label="The responsibility to protect and the…"') > 0;
SELECT 'graph_11', instr(ibid_dot(1, 'x', 2, 'Côte d’Ivoire 2011'), 'label="Côte d’Ivoire 2011"') > 0;
SELECT 'graph_12', instr(ibid_dot(1, 2012, 2, CAST('Annan' AS BLOB)), 'w1 [label="2012", shape=box];' || char(10) || '  w2 [label="Annan"];') > 0;
SELECT 'graph_13', instr(ibid_dot(1, NULL, 2, NULL), 'w1 [label="1", shape=box];' || char(10) || '  w2 [label="2"];') > 0;
SELECT 'graph_14', instr(ibid_dot(-1, 'neg', 2, 'b'), '"w-1" -> w2') > 0;
WITH t(g, a, b) AS (VALUES (1, 1, 2), (2, 3, 4), (2, 3, 5))
SELECT 'graph_15', group_concat(n, ',') = '1,2' FROM (SELECT g, (length(ibid_dot(a, 'A', b, 'B')) - length(replace(ibid_dot(a, 'A', b, 'B'), '->', ''))) / 2 AS n FROM t GROUP BY g ORDER BY g);
SELECT 'graph_16', instr(ibid_dot(1, 'a', 2, 'b', 1000000), '[weight=1000, penwidth=8]') > 0;
SELECT 'graph_17', instr(ibid_dot('1', 'a', '2', 'b', '3'), 'w1 -> w2 [weight=3, penwidth=2]') > 0;
