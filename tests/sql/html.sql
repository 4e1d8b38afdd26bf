.load ./ibid
SELECT 'html_01', ibid_format('<!DOCTYPE html><p>x</p>') = 'html';
SELECT 'html_02', ibid_convert('<html><body><p>One <b>two</b></p><p>Three</p></body></html>') ->> '$.body' = 'One two' || char(10) || char(10) || 'Three' || char(10);
SELECT 'html_03', ibid_convert('<html><body><nav>Menu</nav><main><p>Kept.</p></main><footer>Foot</footer></body></html>') ->> '$.body' = 'Kept.' || char(10);
SELECT 'html_04', ibid_convert('<html><body><p>A.<sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">Smith, Courts (2001).</li></ol></body></html>') ->> '$.body' = 'A.¹' || char(10) || char(10) || 'Footnotes' || char(10) || char(10) || '¹ Smith, Courts (2001).' || char(10);
SELECT 'html_05', (SELECT count(*) FROM ibid_notes(ibid_convert('<html><body><p>A.<sup><a href="#fn1">1</a></sup> B.<sup><a href="#fn2">2</a></sup></p><ol><li id="fn1">Smith, Courts (2001).</li><li id="fn2">Ibid., p. 4.</li></ol></body></html>') ->> '$.body')) = 2;
SELECT 'html_06', ibid_convert('<html><head><meta name="citation_title" content="T"><meta name="citation_journal_title" content="J"></head><body>x</body></html>') ->> '$.meta.type' = 'article-journal';
SELECT 'html_07', ibid_convert('<html><head><title>T</title></head><body>x</body></html>') ->> '$.meta.type' = 'webpage';
SELECT 'html_08', ibid_convert('<html><body><p>A.<sup><a href="#n1">1</a></sup></p><ol class="notes"><li id="n1">See <a href="https://example.org/">x</a>.</li></ol></body></html>') ->> '$.references[0].URL' = 'https://example.org/';
SELECT 'html_09', ibid_convert(X'3C68746D6C3E3C703E636166E93C2F703E') ->> '$.recoded' = 1;
SELECT 'html_10', ibid_convert('<html>') ->> '$.body' = '';
