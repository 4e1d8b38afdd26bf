#!/usr/bin/python3
"""Writes the main-content test pages: NAME.html (a saved web page in a common layout, with its
site chrome) and NAME.txt (the hand-written main text: headline, article paragraphs, in-article
headings, lists, tables and captions; no menus, teasers, share bars, comments or footers), the
way Mozilla Readability's test pages pair source.html with expected.html. The article texts are
written for these tests. Pages listed in HELD_OUT are scored separately (tests/py/test_html.py)
and were not looked at while tuning ext/format/html.c. Run from anywhere: python3 make_pages.py"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HELD_OUT = {'blog_blogger_travel', 'news_fr_comments', 'docs_api_reference', 'gov_de_bericht',
            'spa_next_shell', 'academic_es', 'news_video_grid'}
PAGES = {}


def page(name, html, *gold):
    PAGES[name] = (html, '\n\n'.join(gold) + '\n')


def paragraphs(items):
    return '\n'.join('<p>%s</p>' % p for p in items)


# ----- shared bits of chrome, written in several shapes -----------------------------------------

def nav_ul(links, cls='site-nav'):
    return '<nav class="%s"><ul>%s</ul></nav>' % (cls, ''.join(
        '<li><a href="/%s">%s</a></li>' % (l.lower().replace(' ', '-'), l) for l in links))


def menu_div(links, cls='menu'):
    return '<div class="%s">%s</div>' % (cls, ' '.join(
        '<a href="/%s">%s</a>' % (l.lower().replace(' ', '-'), l) for l in links))


def teasers(heading, items, cls='teasers'):
    out = '<div class="%s"><h2>%s</h2><ul>' % (cls, heading)
    for title, blurb in items:
        out += ('<li><a href="/story/%s"><img src="t.jpg" alt=""><h3>%s</h3></a><p>%s</p></li>'
                % (len(title) * 7 + len(blurb), title, blurb))
    return out + '</ul></div>'


def comments(items, wrapper='<div id="comments" class="comments-area">', title='Comments'):
    out = wrapper + '<h3>%d %s</h3><ol class="comment-list">' % (len(items), title)
    for who, text in items:
        out += ('<li class="comment"><div class="comment-author"><a href="/u/%s">%s</a> '
                '<span class="date">2 days ago</span></div><div class="comment-content"><p>%s</p>'
                '</div><a class="reply" href="#reply">Reply</a></li>' % (who, who, text))
    return out + '</ol><form><textarea></textarea><button>Post comment</button></form></div>'


def share_bar(cls='share-bar'):
    return ('<div class="%s"><span>Share this article</span> <a href="https://twitter.com/share">'
            'Twitter</a> <a href="https://facebook.com/sharer">Facebook</a> <a href="mailto:?">'
            'Email</a> <a href="#">Copy link</a></div>' % cls)


def footer(text):
    return ('<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a '
            'href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li>'
            '<a href="/terms">Terms of use</a></li></ul><p>%s</p></footer>' % text)


def cookie(text='We use cookies to improve your experience. By continuing you accept our use '
                'of cookies.'):
    return '<div id="cookie-notice"><p>%s</p><button>Accept</button></div>' % text


def head(title, extra=''):
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>'
            '<link rel="stylesheet" href="/s.css"><script src="/analytics.js"></script>%s</head>'
            % (title, extra))


# ----- dev pages ---------------------------------------------------------------------------------

T = 'Flood defences fail as river reaches record height'
P = ['The River Alder rose to its highest level in ninety years on Tuesday night, overtopping '
     'temporary barriers in three towns and forcing the evacuation of more than 2,000 homes.',
     'Emergency services said the water climbed faster than forecasters had predicted, after a '
     'month of rain fell in two days on already saturated ground upstream.',
     '"We were told we had until morning, and we had two hours," said Margaret Oduya, who left her '
     'house in Lower Brent with her grandchildren shortly after midnight.',
     'The Environment Agency defended its warnings, saying the barriers had been built for a '
     'one-in-a-hundred-year flood and that the river had exceeded that standard by half a metre.',
     'Engineers will inspect the barriers once the water falls, which could take until the '
     'weekend. Schools in the area will remain closed, and the main road between Alder Cross and '
     'Brent is expected to stay shut for several days.',
     'Local councillors have called for an independent inquiry into why permanent defences, '
     'approved in 2016, had still not been built.']
page('news_nav_teasers', head(T + ' | The Daily Record') + '<body>' + cookie() +
     '<header class="masthead"><a href="/" class="logo">The Daily Record</a>' +
     nav_ul(['News', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion', 'Weather']) +
     '</header><div class="page"><div class="story-body"><h1>' + T + '</h1>'
     '<div class="byline">By Tom Harker, Environment correspondent</div>' + share_bar() +
     paragraphs(P) + '</div>' +
     teasers('More from News', [('Rail strike called off after late talks', 'Unions accept a '
             'revised offer.'), ('Council tax to rise by five per cent', 'The largest rise in a '
             'decade.'), ('Hospital waiting lists fall for first time', 'Figures show a small '
             'drop.')]) +
     comments([('riverwatcher', 'My street flooded in 2007 and nothing has changed since. The '
                'barriers were always too low, everyone here knew it.'),
               ('jpk', 'Thoughts with everyone affected. The volunteers at the leisure centre '
                'have been amazing tonight.')]) + '</div>' +
     footer('© 2024 The Daily Record Ltd. All rights reserved.') + '</body></html>',
     T, *P)

T = 'Three days on the Cape Wrath Trail'
P = ['We set off from Kinlochhourn in a drizzle that never quite became rain, carrying food for '
     'four days and a map that had already seen one river crossing too many.',
     'The first day is the hardest, climbing out of the glen on a path that is more stream than '
     'path for long stretches. By the bealach we had stopped pretending our boots were dry.',
     'On the second day the weather lifted and the hills opened up: long views north to the '
     'Torridon peaks, deer on every skyline, and not another walker all day.',
     'We camped by a lochan at the head of the glen and watched the light go at eleven at night, '
     'which is the real reason anyone walks in Scotland in June.',
     'Practical notes: the bothy at Glen Licht was full, the ferry at Inverie now needs booking, '
     'and the midges were, as promised, a biblical plague after six in the evening.']
sidebar = ('<div class="sidebar section" id="sidebar"><div class="widget Profile" id="Profile1">'
           '<h2>About me</h2><div class="widget-content"><p>Walker, photographer, slow cook. '
           'Writing about the hills since 2009. I grew up in Fort William and have walked most of '
           'the long-distance routes in Scotland at least once, usually in the wrong season and '
           'with too much food. These days I write about bothies, old drove roads, the people who '
           'keep the paths open, and the small hotels and bunkhouses that make a long walk '
           'possible. Nothing here is sponsored; I pay for my own gear and say what I think of it, '
           'good and bad, after a few years of use rather than a few weeks.</p><p>If you want to '
           'get in touch about a route, a correction or a bothy that needs a work party, the '
           'contact form is on the About page, and I answer everything eventually, though not '
           'always quickly when I am out on the hill for a fortnight.</p><a href="/profile">View my complete profile</a>'
           '</div></div><div class="widget BlogArchive" id="BlogArchive1"><h2>Blog archive</h2>'
           '<ul><li><a href="/2024/">2024</a> (12)</li><li><a href="/2023/">2023</a> (31)</li>'
           '<li><a href="/2022/">2022</a> (28)</li></ul></div><div class="widget Label" '
           'id="Label1"><h2>Labels</h2><ul><li><a href="/l/scotland">Scotland</a></li><li><a '
           'href="/l/bothies">bothies</a></li><li><a href="/l/gear">gear</a></li></ul></div>'
           '<div class="widget PopularPosts" id="PopularPosts1"><h2>Popular posts</h2><ul><li><a '
           'href="/p1">Winter on Ben Alder</a></li><li><a href="/p2">A bothy too far</a></li>'
           '<li><a href="/p3">Stove review: five years on</a></li></ul></div><div class="widget '
           'BlogList" id="BlogList1"><h2>Blogs I read</h2><div class="blog-list-container"><ul>'
           '<li><div class="blog-title"><a href="https://a.example">Walking the Munros</a></div>'
           '<div class="item-snippet">A long day on the South Glen Shiel ridge, with seven tops, '
           'two thunderstorms and one very wet sandwich that nobody wanted to eat by the end.'
           '</div></li><li><div class="blog-title"><a href="https://b.example">Bothy Tales</a>'
           '</div><div class="item-snippet">The maintenance organisation is looking for '
           'volunteers for the spring work parties at three bothies in Knoydart and Assynt.</div>'
           '</li></ul></div></div></div>')
page('blog_blogger', head(T) + '<body><div class="navbar section" id="navbar"><div class="widget '
     'Navbar" id="Navbar1"></div></div><div class="content-outer"><div class="header-outer">'
     '<div class="header section" id="header"><div class="widget Header" id="Header1"><h1><a '
     'href="/">Hill Notes</a></h1><p class="description">Walking the Highlands, slowly</p></div>'
     '</div></div><div class="main-outer"><div class="main section" id="main"><div class="widget '
     'Blog" id="Blog1"><div class="blog-posts hfeed"><div class="date-outer"><h2 class='
     '"date-header"><span>Sunday, 16 June 2024</span></h2><div class="post-outer"><div class='
     '"post hentry"><h3 class="post-title entry-title">' + T + '</h3><div class="post-header">'
     '</div><div class="post-body entry-content" id="post-body-7781">' +
     '<br />'.join(P[:3]) + '<br /><br />' + '<br /><br />'.join(P[3:]) + '</div><div class='
     '"post-footer"><span class="post-author vcard">Posted by <a href="/profile">Iain</a></span> '
     '<span class="post-labels">Labels: <a href="/l/scotland">Scotland</a>, <a href="/l/bothies">'
     'bothies</a></span><div class="post-share-buttons"><a href="#">Email This</a> <a href="#">'
     'BlogThis!</a> <a href="#">Share to X</a></div></div></div><div class="comments" id="comments">'
     '<h4>2 comments:</h4><dl id="comments-block"><dt>Anonymous said...</dt><dd><p>Great write-up, '
     'we are doing the same section in August. Did you need the ferry booked far ahead?</p></dd>'
     '<dt>Iain said...</dt><dd><p>A week ahead was fine for us, but it fills up in the holidays.'
     '</p></dd></dl></div></div></div></div><div class="blog-pager" id="blog-pager"><a href="/n">'
     'Newer Post</a> <a href="/o">Older Post</a> <a href="/">Home</a></div></div></div>' + sidebar +
     '</div></div></body></html>', T, *P)

T = 'Configuring the cache'
P = ['The cache keeps recently used pages in memory so that repeated reads do not reach the '
     'disk. Its size is set in pages, not bytes, and defaults to two thousand pages.']
CODE = 'cache.size = 4000\ncache.policy = "lru"'
P2 = ['A larger cache helps workloads that read the same tables repeatedly; it does little for '
      'a single scan of a large table, which touches each page once.',
      'Changing the size takes effect at the next transaction. Shrinking the cache below the '
      'number of pages in use releases the least recently used pages first.']
ROWS = [('size', 'integer', '2000', 'pages kept in memory'),
        ('policy', 'string', 'lru', 'which pages are released first')]
docs_nav = ('<div class="sidebar"><div class="toc"><ul><li><a href="/docs/">Introduction</a></li>'
            '<li><a href="/docs/install">Installation</a></li><li><a href="/docs/quickstart">'
            'Quick start</a></li><li class="active"><a href="/docs/cache">Configuring the cache'
            '</a></li><li><a href="/docs/wal">Write-ahead log</a></li><li><a href="/docs/backup">'
            'Backups</a></li><li><a href="/docs/faq">FAQ</a></li></ul></div></div>')
table = ('<table><tr><th>Option</th><th>Type</th><th>Default</th><th>Meaning</th></tr>' +
         ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % c for c in r) for r in ROWS) + '</table>')
page('docs_page', head(T + ' - StoreDB documentation') + '<body><div class="wrapper"><div '
     'class="header"><a href="/">StoreDB</a> ' + menu_div(['Docs', 'Blog', 'Download',
     'Community'], 'topnav') + '<input placeholder="Search docs"></div>' + docs_nav +
     '<div class="document"><div class="body" role="main"><div class="section" id="configuring-'
     'the-cache"><h1>' + T + '</h1>' + paragraphs(P) + '<pre>' + CODE + '</pre><h2>Options</h2>' +
     table + paragraphs(P2) + '</div></div><div class="footer-links"><a href="/docs/quickstart">'
     '« Quick start</a> <a href="/docs/wal">Write-ahead log »</a> <a href="https://github.com/x/'
     'edit">Edit this page on GitHub</a></div></div></div><div class="copyright">© StoreDB '
     'contributors. Licensed under CC BY 4.0.</div></body></html>',
     T, *P, *CODE.split('\n'), 'Options',
     *['\t'.join(r) for r in [('Option', 'Type', 'Default', 'Meaning')] + ROWS], *P2)

T = 'Release notes: version 4.2'
P = ['Version 4.2 brings offline editing to the mobile app. Changes made without a connection '
     'are kept on the device and sent when the connection returns.',
     'Conflicts are now shown side by side, with the other person\'s change on the right, and '
     'you choose which to keep paragraph by paragraph.',
     'Export to PDF keeps footnotes at the foot of the page rather than at the end of the '
     'document, a long-standing request from our academic users.',
     'We have also removed the old sharing dialog; links are now created from the document menu.']
page('spa_shell', '<!DOCTYPE html><html><head><title>Notewise</title><script src="/static/js/'
     'main.8f2a.js" defer></script><link href="/static/css/main.css" rel="stylesheet"></head><body>'
     '<noscript>You need to enable JavaScript to run this app.</noscript><div id="root" '
     'aria-hidden="true"><div class="App modal-open"><div class="app-header"><div class="app-menu"><a href="/">Notewise</a><a href="/'
     'features">Features</a><a href="/pricing">Pricing</a><a href="/blog">Blog</a><a href="/login">'
     'Log in</a></div></div><div class="app-body"><div class="css-1q2w3e"><h1>' + T + '</h1>'
     '<div class="css-9x8y7z">Published 3 March 2024</div>' + '\n'.join(
         '<div class="css-par">%s</div>' % p for p in P) + '</div></div><div class="app-footer">'
     '<span>Notewise Ltd</span> <a href="/privacy">Privacy</a> <a href="/status">Status</a></div>'
     '</div></div><div role="dialog" class="consent-modal"><p>We value your privacy</p><button>'
     'Accept all</button><button>Manage choices</button></div><script>window.__INITIAL_STATE__='
     '{"user":null,"flags":{"offline":true,"conflicts":"side-by-side"}}</script></body></html>',
     T, *P)

T = 'Water rights and the politics of drought in the Sahel'
ABS = ('This project studies how customary water rights change when drought makes wells '
       'scarce, drawing on interviews in forty villages over three seasons.')
P = ['Pastoral communities in the Sahel have long shared wells under rules that give priority '
     'to those who dug them while guaranteeing access to travellers. Our fieldwork suggests these '
     'rules are more flexible than the literature assumes.',
     'When rainfall fails, village councils renegotiate access season by season, and the '
     'outcome depends less on written law than on the standing of the families involved.',
     'The project is funded by the Research Council for three years and involves two doctoral '
     'students and partners at the University of Niamey.']
REFS = ['Ostrom, E. (1990). Governing the Commons. Cambridge University Press.',
        'Thébaud, B. (2002). Foncier pastoral et gestion de l\'espace au Sahel. Karthala.']
page('academic_page', head('Project: ' + T + ' - Department of Geography') + '<body><div id='
     '"skip"><a href="#content">Skip to content</a></div><div id="header"><div class="logo">'
     'University of Eastbridge</div>' + menu_div(['Study', 'Research', 'About', 'Alumni',
     'Contact'], 'mainmenu') + '</div><div id="breadcrumb"><a href="/">Home</a> &gt; <a href='
     '"/geo">Geography</a> &gt; Projects</div><div id="left-column"><ul class="subnav"><li><a '
     'href="/geo/staff">Staff</a></li><li><a href="/geo/projects">Projects</a></li><li><a href='
     '"/geo/pg">Postgraduate</a></li><li><a href="/geo/seminars">Seminars</a></li></ul></div>'
     '<div id="content"><h1>' + T + '</h1><h2>Summary</h2><p class="abstract">' + ABS + '</p>'
     '<h2>Background</h2>' + paragraphs(P) + '<h2>Key references</h2><ol>' +
     ''.join('<li>%s</li>' % r for r in REFS) + '</ol><p class="updated">Page last updated 4 '
     'April 2024</p></div><div id="footer"><p>University of Eastbridge, Eastbridge EB1 2AA</p>'
     '<a href="/accessibility">Accessibility</a> <a href="/foi">Freedom of information</a></div>'
     '</body></html>', T, 'Summary', ABS, 'Background', *P, 'Key references',
     *['%d. %s' % (i + 1, r) for i, r in enumerate(REFS)])

T = 'Annual report on road safety 2023'
P = ['Reported road deaths fell by 4% in 2023 to 1,624, the lowest figure since records began '
     'apart from the pandemic year of 2020.',
     'Serious injuries remained broadly unchanged. The fall in deaths was concentrated among car '
     'occupants, while deaths of pedestrians and cyclists rose slightly.',
     'Speed remained the most common contributory factor recorded by police, cited in 27% of '
     'fatal collisions, followed by impairment through alcohol or drugs.']
P2 = ['The department will publish revised guidance on 20 mph limits in built-up areas and '
      'consult on graduated licensing for new drivers later this year.']
page('gov_report', head(T + ' - GOV.EXAMPLE') + '<body class="govuk-template__body"><a href='
     '"#main-content" class="govuk-skip-link">Skip to main content</a>' + cookie('We use some '
     'essential cookies to make this service work.') + '<header class="govuk-header" role='
     '"banner"><a href="/" class="govuk-header__link">GOV.EXAMPLE</a></header><div class='
     '"govuk-width-container"><div class="govuk-breadcrumbs"><ol><li><a href="/">Home</a></li>'
     '<li><a href="/transport">Transport</a></li><li><a href="/transport/roads">Road safety</a>'
     '</li></ol></div><main class="govuk-main-wrapper" id="main-content" role="main"><div class='
     '"gem-c-title"><span class="gem-c-title__context">Official Statistics</span><h1>' + T +
     '</h1></div><div class="gem-c-metadata">From: Department for Transport. Published 28 '
     'September 2024</div><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">'
     '<div class="govuk-govspeak"><h2>Main findings</h2>' + paragraphs(P) + '<h2>Next steps</h2>'
     + paragraphs(P2) + '</div></div><div class="govuk-grid-column-one-third"><aside class='
     '"gem-c-related-navigation"><h2>Related content</h2><ul><li><a href="/r1">Road casualty '
     'statistics</a></li><li><a href="/r2">Reported road casualties: 2022</a></li></ul></aside>'
     '</div></div><div class="gem-c-feedback"><h2>Is this page useful?</h2><a href="#">Yes</a> '
     '<a href="#">No</a> <a href="#">Report a problem with this page</a></div></main></div>'
     '<footer class="govuk-footer" role="contentinfo"><a href="/help">Help</a> <a href="/cookies">'
     'Cookies</a> <span>© Crown copyright</span></footer></body></html>',
     T, 'Main findings', *P, 'Next steps', *P2)

T = 'Bahnstreik legt Fernverkehr am Montag lahm'
P = ['Die Lokführergewerkschaft hat ihre Mitglieder für Montag zu einem ganztägigen Streik im '
     'Fern- und Regionalverkehr aufgerufen. Die Bahn rechnet mit massiven Ausfällen.',
     'Nach Angaben des Unternehmens soll ein Notfahrplan etwa ein Fünftel der Fernzüge sichern. '
     'Reisende, die ihre Fahrt verschieben, können ihr Ticket flexibel nutzen.',
     'Die Gewerkschaft fordert eine Verkürzung der Wochenarbeitszeit ohne Lohnverlust. Die '
     'Verhandlungen waren am Freitag ohne Ergebnis abgebrochen worden.',
     'Pendlerverbände kritisierten die kurze Vorwarnzeit und forderten beide Seiten auf, in ein '
     'Schlichtungsverfahren einzutreten.']
page('news_de', head(T + ' | Tagesblatt').replace('lang="en"', 'lang="de"') + '<body>' +
     '<div id="kopf"><a href="/">Tagesblatt</a>' + nav_ul(['Politik', 'Wirtschaft', 'Sport',
     'Kultur', 'Wissen', 'Regional'], 'hauptnavigation') + '</div><div id="inhalt"><div class='
     '"artikel"><span class="dachzeile">Verkehr</span><h1>' + T + '</h1><p class="autor">Von '
     'Anna Keller</p>' + paragraphs(P) + '<div class="social-share"><a href="#">Teilen</a> <a '
     'href="#">Twittern</a></div></div>' + teasers('Mehr zum Thema', [('Was Fahrgäste jetzt '
     'wissen müssen', 'Erstattung und Ersatzverkehr.'), ('Streikrecht: Was ist erlaubt?',
     'Ein Überblick.')], 'mehr-zum-thema') + comments([('pendler42', 'Schon wieder. Ich komme '
     'morgen nicht zur Arbeit und mein Chef glaubt mir das nicht.')], '<div id="kommentare">',
     'Kommentare') + '</div>' + footer('© Tagesblatt Verlag GmbH') + '</body></html>', T, *P)

T = 'Le pain au levain, pas à pas'
P = ['Faire son pain au levain demande surtout de la patience : le levain doit être nourri la '
     'veille, et la pâte repose longtemps avant la cuisson.',
     'Mélangez 500 g de farine, 350 g d\'eau et 100 g de levain actif, puis laissez reposer une '
     'heure avant d\'ajouter le sel.',
     'Pendant les quatre heures suivantes, rabattez la pâte toutes les demi-heures. Elle doit '
     'devenir lisse et gonflée.',
     'Façonnez, laissez lever une nuit au réfrigérateur et enfournez à 240 degrés dans une cocotte '
     'préchauffée, quarante-cinq minutes en tout.']
page('blog_fr', head(T + ' – La cuisine de Claire').replace('lang="en"', 'lang="fr"') +
     '<body class="single"><div id="page" class="site"><header id="masthead" class="site-header">'
     '<p class="site-title"><a href="/">La cuisine de Claire</a></p>' + nav_ul(['Accueil',
     'Recettes', 'Pains', 'Desserts', 'À propos'], 'main-navigation') + '</header><div id='
     '"content" class="site-content"><div id="primary" class="content-area"><main id="main" '
     'class="site-main"><article class="post type-post"><header class="entry-header"><h1 class='
     '"entry-title">' + T + '</h1><div class="entry-meta">Publié le 12 mars 2024 par Claire</div>'
     '</header><div class="entry-content">' + paragraphs(P) + '<div class="sharedaddy sd-sharing-'
     'enabled"><h3>Partager :</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Pinterest'
     '</a></li><li><a href="#">E-mail</a></li></ul></div></div></article>' + comments([('Julie',
     'Merci pour la recette ! Le mien a bien levé mais la croûte était trop épaisse.'), ('Claire',
     'Essayez de retirer le couvercle dix minutes plus tard.')], '<div id="comments" class='
     '"comments-area">', 'commentaires') + '</main></div><aside id="secondary" class="widget-area">'
     '<section class="widget widget_recent_entries"><h2>Articles récents</h2><ul><li><a href='
     '"/a">Tarte aux pommes</a></li><li><a href="/b">Brioche</a></li></ul></section><section '
     'class="widget widget_text"><h2>Newsletter</h2><p>Recevez les nouvelles recettes par '
     'e-mail.</p></section></aside></div></div></body></html>', T, *P)

T = 'How glaciers carve valleys'
P = ['In this video, glaciologist Dr Sara Lind explains how moving ice shapes the land beneath '
     'it, turning narrow river valleys into the broad U-shaped troughs seen across the Alps.',
     'Glaciers erode in two ways. Plucking tears blocks of rock from the valley floor as meltwater '
     'refreezes in cracks, and abrasion grinds the bed with the debris the ice carries.',
     'Over tens of thousands of years this deepens and widens the valley, leaving hanging '
     'valleys where smaller tributary glaciers could not cut as deep.']
player = ('<div class="video-js vjs-paused"><video src="v.mp4"></video><div class="vjs-control-'
          'bar"><button class="vjs-play-control">Play</button><div class="vjs-menu"><ul class='
          '"vjs-menu-content"><li class="vjs-menu-item">Quality</li><li class="vjs-menu-item">'
          'Auto</li><li class="vjs-menu-item">1080p</li><li class="vjs-menu-item">720p</li><li '
          'class="vjs-menu-item">480p</li></ul></div><div class="vjs-playback-rate"><ul><li>2x</li>'
          '<li>1.5x</li><li>1x</li><li>0.5x</li></ul></div><span class="vjs-remaining-time">'
          'Remaining Time 5:12</span><button>Fullscreen</button><button>Captions settings'
          '</button></div></div>')
page('video_page', head(T + ' | Earth Explained') + '<body><div class="top">' + menu_div(
     ['Videos', 'Series', 'Teachers', 'Donate'], 'top-menu') + '</div><div class="video-page">'
     + player + '<div class="video-info"><h1>' + T + '</h1><div class="views">12,044 views</div>'
     + paragraphs(P) + '</div>' + teasers('Up next', [('Why rivers meander', '6 min'),
     ('The water cycle in four minutes', '4 min'), ('What is permafrost?', '7 min')],
     'up-next') + '</div></body></html>', T, *P)

T = 'The sharing economy comes to the farm'
P = ['Tractors cost more than many small farms earn in a year, and most of them stand idle for '
     'eleven months. A cooperative in the Po valley thinks it has the answer.',
     'Its members book machinery through a shared calendar, paying by the hour. The cooperative '
     'owns nine tractors, two combines and a baler, and employs one mechanic.',
     '"The hard part is not the booking, it is harvest," says its chair, Paola Ferri. "Everyone '
     'needs the combine in the same fortnight." Members draw lots for harvest slots each spring.',
     'Similar schemes exist in France and Spain, but few have lasted more than a decade. The '
     'Po valley cooperative is now in its fourteenth year.']
page('sharing_id', head(T + ' - Rural Affairs Monthly') + '<body><div id="site-header">' +
     nav_ul(['Farming', 'Food', 'Environment', 'Subscribe']) + '</div><section id="sharing-'
     'economy-feature" class="feature"><h1>' + T + '</h1><p class="standfirst-author">By Luca '
     'Bianchi</p>' + paragraphs(P) + '</section><div id="social-links">' + share_bar('share') +
     '</div>' + comments([('agri_ben', 'We tried something like this in our village in the '
     'nineties and it fell apart within three years, mostly over who had damaged what and who '
     'should pay for repairs. The mechanic is the clever part: someone whose job is to say what '
     'broke and why, so that neighbours do not have to argue about it at the pub.'),
     ('Marta R.', 'Drawing lots for harvest slots sounds fair until you are the one who draws '
      'the last week and the weather turns. Do they have any insurance for that, or a rule that '
      'the unlucky ones get first choice the following year? I would love a follow-up piece.'),
     ('oldtractor', 'Eleven months idle is about right for our baler. But the paperwork for a '
      'cooperative in this country is enough to put anyone off, and the bank would not lend to '
      'one when we asked, even with the machinery as security.')]) +
     footer('Rural Affairs Monthly, published by Greenfield Media.') + '</body></html>', T, *P)

T = 'El Gobierno aprueba el plan de vivienda asequible'
P = ['El Consejo de Ministros aprobó este martes un plan para construir 40.000 viviendas de '
     'alquiler asequible en los próximos cuatro años, con una inversión pública de 2.000 millones.',
     'Las viviendas se levantarán sobre suelo público cedido por ayuntamientos y comunidades '
     'autónomas, y el alquiler no podrá superar el 30% de los ingresos del hogar.',
     'Los promotores privados que participen recibirán el derecho de superficie durante 75 años. '
     'La oposición criticó que el plan llega tarde y es insuficiente.',
     'Las asociaciones de inquilinos valoraron la medida, aunque reclaman que se amplíe a las '
     'ciudades medianas, donde los precios han subido más en el último año.']
page('news_es', head(T + ' | Diario del Sur').replace('lang="en"', 'lang="es"') + '<body><header>'
     '<a href="/">Diario del Sur</a>' + nav_ul(['España', 'Internacional', 'Economía', 'Deportes',
     'Opinión']) + '</header><div class="contenedor"><div class="noticia"><h1>' + T + '</h1><p '
     'class="entradilla-firma">Madrid, Redacción</p><div class="cuerpo">' + paragraphs(P) +
     '</div><div class="compartir share"><a href="#">Compartir en Facebook</a> <a href="#">'
     'Compartir en X</a> <a href="#">WhatsApp</a></div></div><div class="relacionadas"><h3>'
     'Noticias relacionadas</h3><ul><li><a href="/1">Los alquileres suben un 9%</a></li><li><a '
     'href="/2">Madrid limita los pisos turísticos</a></li><li><a href="/3">El Euríbor baja por '
     'tercer mes</a></li></ul></div></div>' + footer('© Diario del Sur S.L.') + '</body></html>',
     T, *P)

T = 'The last lighthouse keepers'
P = ['For a century and a half, someone lived at the top of the cliff at Skerry Head and kept '
     'the light burning. The last of them, Donald Muir, left in 1998 when the light was automated.',
     'He remembers the silence most. "People think it was lonely. It was not lonely, it was '
     'quiet, and those are different things."',
     'The keepers worked in shifts of four hours, winding the clockwork that turned the lens and '
     'trimming the wick until electricity came in the 1950s.',
     'Today the cottages are holiday lets, and the light is checked by a technician who visits '
     'twice a year by helicopter.',
     'Muir still walks out to the head most Sundays. The light, he says, has never once failed.']
CAP = 'Donald Muir at Skerry Head, where he kept the light for twenty-two years.'
page('magazine_longform', head(T + ' — Coast Magazine') + '<body><div class="site-wrap">'
     '<div class="topbar">' + menu_div(['Features', 'Travel', 'Photography', 'Shop',
     'Subscribe']) + '</div><article class="longform"><header class="article-header"><h1>' + T +
     '</h1><p class="dek-byline">Words by Ellen Ross</p></header><div class="article-body">' +
     paragraphs(P[:2]) + '<figure><img src="muir.jpg" alt=""><figcaption>' + CAP +
     '</figcaption></figure><blockquote class="pullquote">It was not lonely, it was quiet.'
     '</blockquote>' + paragraphs(P[2:4]) + '<div class="newsletter-signup inline"><h4>Enjoying '
     'this story?</h4><p>Get the best of Coast in your inbox every Friday.</p><input type="email">'
     '<button>Sign up</button></div>' + paragraphs(P[4:]) + '</div><div class="tags"><a href='
     '"/t/scotland">Scotland</a> <a href="/t/history">History</a> <a href="/t/coast">Coast</a>'
     '</div></article><div class="related-stories">' + teasers('You might also like', [('Islands '
     'without cars', 'Life on Sark.'), ('The seaweed harvesters', 'An old trade returns.')],
     'grid') + '</div></div></body></html>',
     T, *P[:2], CAP, 'It was not lonely, it was quiet.', *P[2:])

T = 'Greenfield Energy reports record output from offshore wind'
P = ['Greenfield Energy today announced that its offshore wind farms generated 4.1 terawatt '
     'hours in the first half of the year, a record for the company and 18% more than a year ago.',
     'The increase reflects the first full season of operation at the Dogger North site, which '
     'reached full capacity in January.',
     'Chief executive Hannah Marsh said the results showed the value of long-term investment in '
     'the grid connection, completed two years ahead of schedule.',
     'Greenfield Energy supplies electricity to 1.2 million homes and employs 2,300 people.']
page('press_release', head(T) + '<body><div id="top-links"><a href="/investors">Investors</a> '
     '<a href="/careers">Careers</a> <a href="/media">Media</a></div><table width="100%"><tr><td '
     'class="left-col" width="200"><ul><li><a href="/media/releases">Press releases</a></li><li>'
     '<a href="/media/images">Image library</a></li><li><a href="/media/contacts">Media contacts'
     '</a></li></ul><div class="contact-box"><b>Press office</b><br>press@greenfield.example<br>'
     '+44 20 7946 0000</div></td><td class="main-col"><h1>' + T + '</h1><p class="dateline">'
     '18 July 2024</p>' + paragraphs(P) + '<p><a href="/media/releases">Back to press releases'
     '</a></p></td></tr></table><div class="legal">Greenfield Energy plc is registered in England '
     'and Wales.</div></body></html>', T, *P)

# ----- held-out pages ----------------------------------------------------------------------------

T = 'A week in the Picos de Europa'
P = ['The Picos rise straight out of the sea, and on a clear day you can stand on a limestone '
     'summit with snow at your feet and see the Atlantic beyond the green valleys.',
     'We based ourselves in Sotres, the highest village, and walked out each day: to the Naranjo '
     'de Bulnes, down the Cares gorge, and over the cols to Tresviso.',
     'The Cares gorge path is cut into the cliff, with drops of hundreds of metres and no railing. '
     'It is busy by ten in the morning, so start early.',
     'Food is the other reason to go: the cheeses of the Picos are aged in caves, and every bar '
     'serves fabada that would feed two walkers.']
page('blog_blogger_travel', head(T) + '<body><div class="outer-wrapper"><div class="header-'
     'wrapper"><div class="header section"><div class="widget Header"><h1>Far Paths</h1></div>'
     '</div><div class="tabs section"><div class="widget PageList"><ul><li><a href="/">Home</a>'
     '</li><li><a href="/p/about">About</a></li><li><a href="/p/gear">Gear list</a></li></ul>'
     '</div></div></div><div class="main-wrapper"><div class="main section"><div class="widget '
     'Blog" id="Blog1"><div class="post-outer"><article class="post"><h3 class="post-title">' +
     T + '</h3><div class="post-body">' + paragraphs(P) + '</div><div class="post-footer"><div '
     'class="sharing-buttons"><a href="#">Share</a> <a href="#">Pin it</a></div><span>Labels: '
     '<a href="/l/spain">Spain</a></span></div></article></div><section class="comments" id='
     '"comments"><h4>3 comments</h4><div class="comment-thread"><p>Did you need a guide for the '
     'Naranjo?</p><p>No, but we did not climb it, only walked to the base.</p><p>Lovely photos, '
     'thank you for the tips.</p></div></section></div></div></div><div class="sidebar-wrapper">'
     '<div class="widget Followers"><h2>Followers</h2><p>312 followers</p></div><div class="widget '
     'BlogArchive"><h2>Archive</h2><ul><li><a href="/2024">2024</a></li><li><a href="/2023">2023'
     '</a></li></ul></div></div></div></body></html>', T, *P)

T = 'La réforme des retraites devant le Conseil constitutionnel'
P = ['Le Conseil constitutionnel doit rendre vendredi sa décision sur la réforme des retraites, '
     'qui repousse l\'âge légal de départ de 62 à 64 ans.',
     'Les sages peuvent valider le texte, le censurer en partie ou en totalité. Plusieurs '
     'dispositions, ajoutées par amendement, pourraient être jugées sans lien avec la loi.',
     'Les syndicats ont appelé à une nouvelle journée de mobilisation jeudi, la veille de la '
     'décision, et demandent au président de ne pas promulguer la loi.',
     'Le gouvernement se dit serein et rappelle que le texte a été adopté conformément à la '
     'Constitution.']
page('news_fr_comments', head(T + ' – Le Quotidien').replace('lang="en"', 'lang="fr"') +
     '<body><div class="bandeau-haut">' + menu_div(['International', 'Politique', 'Société',
     'Économie', 'Culture', 'Idées']) + '</div><div class="page-article"><h1 class="titre">' + T +
     '</h1><p class="chapeau-auteur">Par Marc Dupuis</p><div class="article__contenu">' +
     paragraphs(P) + '</div><div class="partage"><a href="#">Partager sur Facebook</a> <a href='
     '"#">Partager sur X</a> <a href="#">Envoyer par e-mail</a></div><div class="a-lire-aussi">'
     '<h3>Lire aussi</h3><ul><li><a href="/1">Retraites : ce qui change en septembre</a></li><li>'
     '<a href="/2">Manifestation : les chiffres de la mobilisation</a></li></ul></div>' + comments(
     [('citoyen75', 'Le Conseil ne censurera que les cavaliers législatifs, comme toujours.'),
      ('Lucie', 'On verra vendredi. En attendant, la mobilisation continue.')],
     '<div id="reactions" class="commentaires">', 'réactions') + '</div>' +
     footer('© Le Quotidien') + '</body></html>', T, *P)

T = 'Client.connect()'
P = ['Opens a connection to the server and returns a Connection object. The call blocks until '
     'the server answers or the timeout passes.']
ARGS = [('host', 'the server\'s name or address'), ('port', 'the TCP port, 5432 by default'),
        ('timeout', 'seconds to wait, none by default')]
P2 = ['If the server cannot be reached, connect() raises ConnectionError. Connections are not '
      'thread-safe: open one per thread.']
page('docs_api_reference', head(T + ' — pgclient 3.1 documentation') + '<body><div class='
     '"sphinxsidebar" role="navigation"><h3>Navigation</h3><ul><li><a href="/index">Overview</a>'
     '</li><li><a href="/client">Client</a></li><li><a href="/pool">Pool</a></li><li><a href='
     '"/errors">Errors</a></li></ul><div id="searchbox"><input></div></div><div class="related" '
     'role="navigation"><a href="/genindex">index</a> <a href="/py-modindex">modules</a></div>'
     '<div class="documentwrapper"><div class="bodywrapper"><div class="body" role="main"><div '
     'class="section"><h1>' + T + '</h1>' + paragraphs(P) + '<h2>Parameters</h2><dl>' + ''.join(
         '<dt>%s</dt><dd>%s</dd>' % a for a in ARGS) + '</dl>' + paragraphs(P2) + '</div></div>'
     '</div></div><div class="toc-right"><p>On this page</p><ul><li><a href="#params">Parameters'
     '</a></li><li><a href="#errors">Errors</a></li></ul></div><div class="footer">© Copyright '
     '2024, the pgclient team. Created using Sphinx.</div></body></html>',
     T, *P, 'Parameters', *[x for a in ARGS for x in a], *P2)

T = 'Bericht zur Lage der Wasserversorgung 2024'
P = ['Die öffentliche Wasserversorgung war im Berichtsjahr trotz der Trockenperiode im Sommer '
     'jederzeit gesichert. In drei Landkreisen mussten Gemeinden jedoch die Gartenbewässerung '
     'zeitweise einschränken.',
     'Der Grundwasserspiegel lag an zwei Dritteln der Messstellen unter dem langjährigen Mittel. '
     'Die Neubildung von Grundwasser bleibt damit hinter der Entnahme zurück.',
     'Die Landesregierung empfiehlt den Versorgern, Verbundleitungen auszubauen und Verluste im '
     'Leitungsnetz zu senken, die im Mittel bei acht Prozent liegen.']
page('gov_de_bericht', head(T + ' - Landesportal').replace('lang="en"', 'lang="de"') +
     '<body><div id="header"><a href="/">Landesportal</a><div class="service-navigation"><a '
     'href="/leichte-sprache">Leichte Sprache</a> <a href="/gebaerdensprache">Gebärdensprache</a>'
     ' <a href="/kontakt">Kontakt</a></div>' + nav_ul(['Themen', 'Ministerien', 'Service',
     'Presse']) + '</div><div id="wrapper"><div id="navigation-left"><ul><li><a href="/umwelt">'
     'Umwelt</a></li><li><a href="/wasser">Wasser</a></li><li><a href="/klima">Klima</a></li>'
     '</ul></div><div id="main"><div class="breadcrumb">Sie sind hier: <a href="/">Startseite'
     '</a> / <a href="/umwelt">Umwelt</a></div><h1>' + T + '</h1><div class="text">' +
     paragraphs(P) + '</div><div class="download"><a href="/bericht.pdf">Bericht herunterladen '
     '(PDF, 2 MB)</a></div></div></div><div id="footer">' + menu_div(['Impressum', 'Datenschutz',
     'Barrierefreiheit']) + '</div></body></html>', T, *P)

T = 'Why we rebuilt our search'
P = ['Two years ago our search ran on a single server and took four seconds to answer a '
     'complicated query. Today it answers in under two hundred milliseconds.',
     'The change was not a new engine but a new index: we now store each document once per '
     'language, which lets the ranking use the right stemming for each.',
     'We also stopped ranking by recency alone. Results now weigh how often a page was chosen '
     'for similar queries, which helped most for short, vague searches.',
     'There is more to do. Searches in languages we do not stem still rank poorly, and we plan '
     'to fix that next.']
page('spa_next_shell', '<!DOCTYPE html><html><head><title>Why we rebuilt our search - Findly '
     'Engineering</title><script src="/_next/static/chunks/main.js" async></script></head><body>'
     '<div id="__next"><div class="layout_wrapper__x1"><div class="header_bar__a9"><a href="/">'
     'Findly</a><a href="/product">Product</a><a href="/engineering">Engineering</a><a href='
     '"/careers">Careers</a><a href="/signin">Sign in</a></div><div class="post_container__k2">'
     '<h1 class="post_title__q8">' + T + '</h1><div class="post_meta__z1">Ravi Menon · 8 min '
     'read</div><div class="post_content__m3">' + paragraphs(P) + '</div></div><div class='
     '"post_more__p0"><h2>More posts</h2><a href="/e/1">Scaling our queue</a><a href="/e/2">'
     'On-call without burnout</a><a href="/e/3">Our interview process</a></div></div></div>'
     '<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script></body></html>',
     T, *P)

T = 'Memoria histórica y archivos locales en Andalucía'
P = ['El proyecto estudia cómo los archivos municipales conservaron, o perdieron, los '
     'documentos de la represión de posguerra en veinte localidades andaluzas.',
     'A partir de los inventarios de 1940 a 1975 y de entrevistas con archiveros, el equipo ha '
     'reconstruido qué series se destruyeron y cuándo.',
     'Los resultados preliminares muestran que las pérdidas se concentran en los años setenta, '
     'coincidiendo con la reorganización de los archivos municipales.']
page('academic_es', head(T + ' - Universidad del Sur').replace('lang="en"', 'lang="es"') +
     '<body><div class="cabecera"><div class="logo">Universidad del Sur</div>' + menu_div([
     'Estudios', 'Investigación', 'Internacional', 'Campus']) + '</div><div class="migas">'
     '<a href="/">Inicio</a> » <a href="/inv">Investigación</a> » Proyectos</div><div class='
     '"columnas"><div class="menu-lateral"><ul><li><a href="/p">Proyectos</a></li><li><a href='
     '"/g">Grupos</a></li><li><a href="/t">Tesis</a></li></ul></div><div class="contenido-'
     'principal"><h1>' + T + '</h1><h2>Resumen</h2>' + paragraphs(P[:1]) + '<h2>Metodología y '
     'resultados</h2>' + paragraphs(P[1:]) + '<p class="financiacion">Proyecto financiado por '
     'el Plan Nacional de Investigación (2022-2025).</p></div></div><div class="pie">Universidad '
     'del Sur · Aviso legal · Accesibilidad</div></body></html>', T, 'Resumen', P[0],
     'Metodología y resultados', *P[1:],
     'Proyecto financiado por el Plan Nacional de Investigación (2022-2025).')

T = 'Wildfire season starts early in the west'
P = ['Firefighters in three western states were already battling large fires this week, a month '
     'earlier than the usual start of the season, after a dry spring and an early heatwave.',
     'The largest fire has burned 12,000 acres of grass and brush and forced the evacuation of '
     'two small towns. No injuries have been reported.',
     'Forecasters expect temperatures to stay above average through July, and officials urged '
     'residents to clear dry vegetation from around their homes.']
page('news_video_grid', head(T + ' - Westside News') + '<body>' + nav_ul(['Local', 'Nation',
     'World', 'Weather', 'Video']) + '<div class="article-wrap"><h1>' + T + '</h1><div class='
     '"meta">By Dana Ortiz · Updated 6:42 PM</div>' + player.replace('video-js', 'video-js '
     'article-video') + paragraphs(P) + share_bar('share-tools') + '</div><div class="teaser-'
     'grid"><div class="card"><a href="/1">Heatwave: how to keep cool</a><p>Tips from doctors.'
     '</p></div><div class="card"><a href="/2">Water restrictions announced</a><p>What is '
     'allowed.</p></div><div class="card"><a href="/3">Drought map</a><p>Updated weekly.</p></div>'
     '</div>' + comments([('hank', 'Clear your gutters, folks. Embers travel for miles.')]) +
     footer('© Westside News') + '</body></html>', T, *P)


if __name__ == '__main__':
    for name, (html, gold) in sorted(PAGES.items()):
        with open(os.path.join(HERE, name + '.html'), 'w', encoding='utf-8') as f:
            f.write(html.replace('><', '>\n<') + '\n')
        with open(os.path.join(HERE, name + '.txt'), 'w', encoding='utf-8') as f:
            f.write(gold)
    print(len(PAGES), 'pages,', len(HELD_OUT), 'held out')
