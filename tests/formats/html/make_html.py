#!/usr/bin/python3
"""Writes the HTML test documents of tests/formats/html/ from the seed texts of
tests/corpus/ and the hand-checked gold of tests/gold/notes/, and the gold of
tests/gold/html/ that follows from how each page is built.

Run from the repository root: /usr/bin/python3 tests/formats/html/make_html.py
The output is checked in; rerunning gives the same bytes.

  003_footnotes.html  the publisher page of corpus 003 (its 140 footnotes), as a
                      journal site renders it: site chrome, <sup><a href="#fnN">
                      markers in the article text, a footnote list with labels
                      and back-links, and the links that the copy-paste seed lost
                      ("available at: {}"). The seed has no article text, so the
                      markers sit in prose taken from corpus 001 and 004 (marker k
                      after sentence k; a few share a <sup>).
  001_endnotes.html   the essay of corpus 001 as a blog renders a word-processor
                      document: Word-style endnotes ("_edn1"/"_ednref1" anchors,
                      "[1]" labels that are back-links), blog chrome, URLs linked.
  000_article.html    a publisher article page of the work of corpus 000:
                      citation_* and dc.* <meta> tags, abstract, keywords, and an
                      author-year "References" list with DOI links.
  soup.html, cp1252.html, utf16.html, deep.html, junk.html, empty.html:
                      malformed input (see tests/py/test_html.py).
"""
import html
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, 'tests', 'formats', 'html')
GOLD = os.path.join(ROOT, 'tests', 'gold', 'html')


def corpus(prefix):
    folder = os.path.join(ROOT, 'tests', 'corpus')
    for name in sorted(os.listdir(folder)):
        if name.startswith(prefix) and name.endswith('.txt'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                return f.read()
    raise FileNotFoundError(prefix)


def write(folder, name, text, encoding='utf-8'):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)


def esc(text):
    return html.escape(text, quote=False)


SITE_HEAD = '''<a class="skip-link" href="#maincontent">Skip to main content</a>
<header class="site-header">
  <div class="logo"><a href="/core">Cambridge Core</a></div>
  <nav aria-label="Main"><ul>
    <li><a href="/core/browse-subjects">Browse subjects</a></li>
    <li><a href="/core/publications">Publications</a></li>
    <li><a href="/core/services">Services</a></li>
    <li><a href="/core/about">About Cambridge Core</a></li>
    <li><a href="/core/login">Log in</a></li>
  </ul></nav>
</header>
<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>We use cookies to distinguish you from other users and to provide you with a better
  experience on our websites. <a href="/core/cookies">Manage cookies</a></p>
  <button type="button">Accept</button>
</div>
'''

SITE_FOOT = '''<footer class="site-footer">
  <ul>
    <li><a href="/core/help">Help</a></li>
    <li><a href="/core/contact">Contact &amp; Help</a></li>
    <li><a href="/core/legal">Legal notices</a></li>
    <li><a href="/core/accessibility">Accessibility</a></li>
  </ul>
  <p>&copy; Cambridge University Press 2024</p>
</footer>
'''

ARTICLE_META = '''<meta name="citation_title" content="African resistance to the International Criminal Court: Halting the advance of the anti-impunity norm">
<meta name="citation_author" content="Mills, Kurt">
<meta name="citation_author" content="Bloomfield, Alan">
<meta name="citation_publication_date" content="2018/01">
<meta name="citation_online_date" content="2017/08/23">
<meta name="citation_journal_title" content="Review of International Studies">
<meta name="citation_volume" content="44">
<meta name="citation_issue" content="1">
<meta name="citation_firstpage" content="101">
<meta name="citation_lastpage" content="127">
<meta name="citation_doi" content="10.5555/ibid.html.0">
<meta name="citation_publisher" content="Cambridge University Press">
<meta name="citation_language" content="en">
<meta name="citation_pdf_url" content="https://example.org/core/services/pdf/ibid-html-0.pdf">
<meta name="dc.title" content="African resistance to the International Criminal Court">
<meta name="dc.creator" content="Kurt Mills">
<meta name="dc.date" content="2017-08-23">
<meta property="og:title" content="African resistance to the ICC">
<meta property="og:url" content="https://example.org/core/journals/ris/article/ibid-html-0">
'''


# ----- 003: footnotes --------------------------------------------------------

def seed_003():
    """Abstract and the 140 notes of corpus 003, as the seed prints them."""
    lines = corpus('003').split('\n')
    abstract = next(l for l in lines if l.startswith('The creation of the International'))
    notes = {}
    for line in lines:
        m = re.match(r'(\d{1,3}) (.*)$', line)
        if m and 1 <= int(m.group(1)) <= 140 and int(m.group(1)) == len(notes) + 1:
            notes[int(m.group(1))] = m.group(2)
    assert len(notes) == 140, len(notes)
    return abstract, notes


def prose_sentences():
    """Sentences of prose without notes: the body paragraphs of corpus 001 (its
    bare-digit markers removed) and of corpus 004."""
    sentences = []
    for line in corpus('001').split('\n'):
        if len(line) < 200 or line.startswith('['):
            continue
        line = re.sub(r'([”.a-zA-Z])\d{1,2}(?=[ .,]|$)', r'\1', line)
        sentences.append(split_sentences(line))
    for line in corpus('004').split('\n'):
        line = line.strip()
        if len(line) >= 200 and not line.startswith('•'):
            sentences.append(split_sentences(line))
    return sentences


def split_sentences(paragraph):
    parts = re.split(r'(?<=[a-z][.?!])\s+(?=[A-Z“])|(?<=[.?!]”)\s+(?=[A-Z“])', paragraph)
    return [p for p in parts if p]


def link_for(n):
    return 'https://example.org/sources/note-%d' % n


def note_003_html(n, text, urls):
    """One footnote: "available at: {}" becomes a link; every third such note
    links its quoted title instead (the URL is then not printed)."""
    body = esc(text)
    if '{}' in text:
        url = link_for(n)
        title = re.search(r'‘(.+?)’(?=[,. ])', text)
        if n % 3 == 0 and title:
            body = esc(text.replace(', available at: {}', '').replace(' available at: {}', ''))
            quoted = esc(title.group(1))
            body = body.replace(quoted, '<a href="%s">%s</a>' % (url, quoted), 1)
            urls.append((n, url, title.group(1)))
        else:
            body = body.replace('{}', '<a href="%s">%s</a>' % (url, url))
            urls.append((n, url, url))
    if n % 2 == 0:
        return ('<div class="fn" id="fn%d"><span class="label">%d</span>\n<p>%s '
                '<a href="#ref%d" class="footnote-back" aria-label="Back to text">&#8617;</a></p></div>\n'
                % (n, n, body, n))
    return '<div class="fn" id="fn%d"><p><a href="#ref%d">%d</a> %s</p></div>\n' % (n, n, n, body)


def marker_html(n):
    if n % 5 == 0:
        return '<a class="xref fn" href="#fn%d" id="ref%d"><sup>%d</sup></a>' % (n, n, n)
    return '<sup><a href="#fn%d" id="ref%d">%d</a></sup>' % (n, n, n)


def make_003():
    abstract, notes = seed_003()
    paragraphs = prose_sentences()
    markers = []  # (n, context before)
    n = 1
    body = []
    # markers 1..140 over the sentences; every seventh sentence takes two in one <sup>
    k = 0
    for sentences in paragraphs:
        out = []
        for sentence in sentences:
            k += 1
            if n > 140:
                out.append(esc(sentence))
                continue
            context = sentence[-30:]
            if k % 7 == 0 and n + 1 <= 140:
                markers.append((n, context))
                markers.append((n + 1, context))
                out.append(esc(sentence) + '<sup><a href="#fn%d" id="ref%d">%d</a>, '
                           '<a href="#fn%d" id="ref%d">%d</a></sup>' % (n, n, n, n + 1, n + 1, n + 1))
                n += 2
            else:
                markers.append((n, context))
                out.append(esc(sentence) + marker_html(n))
                n += 1
        body.append('<p>%s</p>\n' % ' '.join(out))
    assert n > 140, 'not enough sentences for 140 markers: %d' % n
    urls = []
    footnotes = ''.join(note_003_html(i, notes[i], urls) for i in range(1, 141))
    page = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<title>African resistance to the International Criminal Court | Review of '
            'International Studies | Cambridge Core</title>\n' + ARTICLE_META +
            '<link rel="stylesheet" href="/core/cambridge-core.css">\n'
            '<script>window.dataLayer = [{"page": "<p>article</p>"}];</script>\n'
            '<style>.fn { margin: 0 } p { line-height: 1.4 }</style>\n</head>\n<body>\n' +
            SITE_HEAD +
            '<div class="layout">\n<aside class="sidebar">\n<ul>\n'
            '<li><a href="#">Send article to Kindle</a></li>\n<li><a href="#">Send article to Dropbox</a></li>\n'
            '<li><a href="#">Send article to Google Drive</a></li>\n</ul>\n'
            '<p>To send this article to your Kindle, first ensure no-reply@cambridge.org is added '
            'to your Approved Personal Document E-mail List.</p>\n</aside>\n'
            '<main id="maincontent">\n<article>\n'
            '<h1>African resistance to the International Criminal Court: Halting the advance of the '
            'anti-impunity norm</h1>\n'
            '<p class="authors">Kurt Mills and Alan Bloomfield</p>\n'
            '<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> '
            '<a href="#">Email</a> <a href="#">Cite</a></div>\n'
            '<section class="abstract">\n<h2>Abstract</h2>\n<p>' + esc(abstract) + '</p>\n</section>\n'
            '<section class="body">\n<h2>Full text</h2>\n' + ''.join(body) + '</section>\n'
            '<section class="footnotes" id="footnotes">\n<h2>Footnotes</h2>\n'
            '<button type="button" class="hide-all">Hide All</button>\n' + footnotes +
            '</section>\n</article>\n</main>\n</div>\n' + SITE_FOOT + '</body>\n</html>\n')
    write(OUT, '003_footnotes.html', page)
    write(GOLD, '003_markers.tsv',
          '# n\tcontext_before (the 30 characters of text before the marker; written by make_html.py,\n'
          '# which puts marker n after that sentence; checked by reading 003_footnotes.html)\n' +
          ''.join('%d\t%s\n' % (m, c) for m, c in markers))
    write(GOLD, '003_urls.tsv',
          '# note\tURL\tlink text (the notes whose seed text says "available at: {}"; make_html.py\n'
          '# links them; checked by reading 003_footnotes.html)\n' +
          ''.join('%d\t%s\t%s\n' % u for u in urls))


# ----- 001: endnotes ---------------------------------------------------------

# The link targets of 001's notes, read by hand from the note texts.
URLS_001 = {
    1: 'https://openscholarship.wustl.edu/law_lawreview/vol84/iss4/1',
    2: 'www.hrw.org/news/2020/07/06/donald-trumps-attack-icc-shows-his-contempt-global-rule-law',
    3: 'https://apnews.com/article/icc-trump-sanctions-karim-khan-court-a4b4c02751ab84c09718b1b95cbd5db3',
    5: 'https://www.refworld.org/docid/3ae6b3930.html',
    6: 'http://www.jstor.org/stable/2706888',
    7: 'https://scholarship.law.upenn.edu/faculty_scholarship/2039',
    10: 'https://www.jstor.org/stable/48597287',
    13: 'www.cnn.com/2023/07/19/world/putin-brics-summit-south-africa-intl/index.html',
}


def gold_markers_001():
    rows = []
    with open(os.path.join(ROOT, 'tests', 'gold', 'notes', '001_markers.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            n, marker, context = line.rstrip('\n').split('\t')
            rows.append((int(n), marker, context))
    return rows


def make_001():
    text = corpus('001')
    lines = [l for l in text.split('\n') if l.strip()]
    # put each gold marker back as a Word-style endnote reference
    for n, marker, context in gold_markers_001():
        for i, line in enumerate(lines):
            if context + marker in line:
                at = line.index(context + marker) + len(context)
                lines[i] = line[:at] + '\x00%d\x00' % n + line[at + len(marker):]
                break
        else:
            raise ValueError(context)
    parts = []
    title = lines[0]
    for line in lines[1:]:
        note = re.match(r'\[(\d+)\] (.*)$', line)
        if note:
            n = int(note.group(1))
            body = esc(note.group(2))
            if n in URLS_001:
                url = URLS_001[n]
                href = url if url.startswith('http') else 'https://' + url
                assert esc(url) in body, n
                body = body.replace(esc(url), '<a href="%s">%s</a>' % (esc(href), esc(url)), 1)
            parts.append('<div id="edn%d">\n<p class="MsoEndnoteText"><a href="#_ednref%d" name="_edn%d" '
                         'title="">[%d]</a> %s</p>\n</div>\n' % (n, n, n, n, body))
            continue
        body = esc(line)
        body = re.sub('\x00(\\d+)\x00', lambda m: '<a href="#_edn%s" name="_ednref%s" title="">'
                      '<span class="MsoEndnoteReference">[%s]</span></a>' % ((m.group(1),) * 3), body)
        if line.startswith('Featured image'):
            parts.append('<figure class="wp-block-image"><img src="/icc.jpg" alt="ICC building">'
                         '<figcaption>%s</figcaption></figure>\n' % body)
        elif line == lines[1]:
            parts.append('<p class="excerpt"><em>%s</em></p>\n' % body)
        elif len(line) < 110 and not line.endswith('.'):
            parts.append('<h3>%s</h3>\n' % body)
        else:
            parts.append('<p>%s</p>\n' % body)
    first_note = next(i for i, p in enumerate(parts) if p.startswith('<div id="edn'))
    parts.insert(first_note, '<div><br clear="all"><hr align="left" size="1" width="33%"></div>\n')
    page = ('<!DOCTYPE html>\n<html lang="en-US">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
            '<title>%s &#8211; Undergraduate Law Review</title>\n'
            '<meta property="og:title" content="%s">\n'
            '<meta name="author" content="Staff Writer">\n'
            '<meta property="article:published_time" content="2025-06-02T09:00:00+00:00">\n'
            '<script type="text/javascript">var wp = {"ajax": "/wp-admin/admin-ajax.php"};</script>\n'
            '</head>\n<body class="post-template-default single single-post">\n<div id="page" class="site">\n'
            '<header id="masthead" class="site-header">\n<p class="site-title"><a href="/">Undergraduate Law Review</a></p>\n'
            '<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
            '<li><a href="/">Home</a></li><li><a href="/about/">About</a></li>'
            '<li><a href="/submit/">Submit</a></li><li><a href="/archive/">Archive</a></li></ul></nav>\n'
            '</header>\n<div id="content" class="site-content">\n<div id="primary" class="content-area">\n'
            '<div id="main" class="site-main">\n<article class="post type-post status-publish">\n'
            '<header class="entry-header"><h1 class="entry-title">%s</h1></header>\n'
            '<div class="entry-content">\n%s</div>\n'
            '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>'
            '<li><a href="https://twitter.com/share">Twitter</a></li>'
            '<li><a href="https://www.facebook.com/sharer.php">Facebook</a></li>'
            '<li><a href="mailto:?subject=essay">Email</a></li></ul></div>\n'
            '</article>\n</div>\n</div>\n'
            '<aside id="secondary" class="widget-area">\n<section class="widget widget_recent_entries">'
            '<h2 class="widget-title">Recent Posts</h2>\n<ul>\n<li><a href="/a/">The Rome Statute at 25</a></li>\n'
            '<li><a href="/b/">Universal jurisdiction in Europe</a></li>\n<li><a href="/c/">Complementarity revisited</a></li>\n'
            '</ul>\n</section>\n</aside>\n</div>\n'
            '<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress</div></footer>\n'
            '</div>\n</body>\n</html>\n') % (esc(title), esc(title), esc(title), ''.join(parts))
    write(OUT, '001_endnotes.html', page)
    write(GOLD, '001_urls.tsv',
          '# note\tURL (the href of the link in each endnote of 001_endnotes.html; the link text is\n'
          '# the address as corpus 001 prints it, read by hand from its notes)\n' +
          ''.join('%d\t%s\n' % (n, u if u.startswith('http') else 'https://' + u)
                  for n, u in sorted(URLS_001.items())))


# ----- 000: publisher article page with a reference list ---------------------

# Author-year entries for works that corpus 003 cites (data as its notes give
# them); DOIs use the 10.5555 test prefix.
REFERENCES_000 = [
    ('Acharya, Amitav (2004) ‘How ideas spread’, International Organization, 58:2, pp. 239–75.', 1),
    ('Bassiouni, M. Cherif (1999) ‘Negotiating the Treaty of Rome on the establishment of an '
     'International Criminal Court’, Cornell International Law Journal, 32, pp. 443–69.', 2),
    ('Bloomfield, Alan (2016) ‘Norm antipreneurs and theorising resistance to normative change’, '
     'Review of International Studies, 42:2, pp. 310–33.', 3),
    ('Finnemore, Martha and Sikkink, Kathryn (1998) ‘International norm dynamics and political '
     'change’, International Organization, 52:4, pp. 887–917.', 4),
    ('Goldsmith, Jack (2003) ‘The self-defeating International Criminal Court’, University of '
     'Chicago Law Review, 70:1, pp. 89–104.', 5),
    ('Legro, Jeffrey W. (2000) ‘The transformation of policy ideas’, American Journal of Political '
     'Science, 44:3, pp. 419–32.', None),
    ('Tsebelis, George (1995) ‘Decision making in political systems’, British Journal of Political '
     'Science, 25:3, pp. 289–325.', 7),
]


def make_000():
    text = corpus('000')
    abstract = next(l.strip() for l in text.split('\n') if l.strip().startswith('The creation of'))
    keywords = [l.strip()[2:] for l in text.split('\n') if l.strip().startswith('• ')][:6]
    entries = []
    for entry, doi in REFERENCES_000:
        if doi:
            url = 'https://doi.org/10.5555/ibid.html.%d' % doi
            entries.append('<li class="ref">%s <a href="%s">%s</a></li>\n' % (esc(entry), url, url))
        else:
            entries.append('<li class="ref">%s <a href="https://scholar.example.org/?q=legro">'
                           'Google Scholar</a></li>\n' % esc(entry))
    page = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<title>African resistance to the ICC | Cambridge Core</title>\n' + ARTICLE_META +
            '</head>\n<body>\n' + SITE_HEAD +
            '<main id="maincontent">\n<h1>African resistance to the International Criminal Court: '
            'Halting the advance of the anti-impunity norm</h1>\n'
            '<div class="authors"><span>Kurt Mills</span> and <span>Alan Bloomfield</span></div>\n'
            '<h2>Abstract</h2>\n<p>' + esc(abstract) + '</p>\n'
            '<h2>Keywords</h2>\n<ul class="keywords">' +
            ''.join('<li>%s</li>' % esc(k) for k in keywords) + '</ul>\n'
            '<h2>References</h2>\n<ul class="references">\n' + ''.join(entries) + '</ul>\n'
            '</main>\n' + SITE_FOOT + '</body>\n</html>\n')
    write(OUT, '000_article.html', page)


# ----- malformed input ---------------------------------------------------------

def make_malformed():
    write(OUT, 'soup.html',
          '<html><body><div><p>Unclosed <b>bold <i>italic</b> text</i>\n'
          '<p>Second paragraph &amp; an entity &eacute;t&eacute; &#8212; &bogus; &#xZZ;\n'
          '<table><tr><td>Case<td>Year<tr><td>Darfur<td>2005</table>\n'
          '<ul><li>one<li>two</ul><p>Note marker<sup><a href="#n1">1</a></sup> here.\n'
          '</div></div></span><ol class="footnotes"><li id="n1">Kersten, Mark, Justice in '
          'Conflict (Oxford, 2016).<li>Ibid., p. 4.</ol><script>document.write("<p>x")'
          '</body></html><p>after the end')
    # Windows-1252 without a declaration: curly quotes, an en dash, é
    write(OUT, 'cp1252.html',
          '<html><body><p>\u201cCaf\u00e9 society\u201d \u2013 pp. 443\u201369.</p></body></html>',
          encoding='cp1252')
    write(OUT, 'utf16.html', '\ufeff<html><body><p>Sixteen-bit caf\u00e9 page.</p></body></html>',
          encoding='utf-16-le')
    write(OUT, 'deep.html', '<html><body>' + '<div><span>' * 20000 + 'deep text' +
          '</span></div>' * 20000 + '</body></html>')
    rng = random.Random(5)
    write(OUT, 'junk.html', b'<html><body>' + bytes(rng.randrange(256) for _ in range(4000)))
    write(OUT, 'empty.html', '')


if __name__ == '__main__':
    make_003()
    make_001()
    make_000()
    make_malformed()
