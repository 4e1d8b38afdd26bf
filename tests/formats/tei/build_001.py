#!/usr/bin/python3
"""Builds 001_essay.xml, a TEI P5 rendering of tests/corpus/001 (the essay with
bracketed endnotes), from the seed text itself:

- paragraphs and headings are the seed's blocks, verbatim;
- each in-text marker (hand-located by tests/gold/notes/001_markers.tsv: the
  text just before it) becomes <note place="end" n="N"> holding the endnote;
- each endnote's text is the seed's "[N] ..." block, with its bibliographic
  parts tagged by hand below (the script checks that the tagged note, tags
  stripped, is exactly the seed's note text).

Run from the repository root: /usr/bin/python3 tests/formats/tei/build_001.py
"""
import html, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SEED = os.path.join(ROOT, 'tests', 'corpus', '001_860931bb389e1658.txt')
MARKERS = os.path.join(ROOT, 'tests', 'gold', 'notes', '001_markers.tsv')
OUT = os.path.join(ROOT, 'tests', 'formats', 'tei', '001_essay.xml')

# The endnotes, tagged by hand from the printed text (entities escaped).
NOTES = {
    1: '<bibl><author><persName><forename>Julian</forename> <surname>Ku</surname></persName></author> and '
       '<author><persName><forename>Jide</forename> <surname>Nzelibe</surname></persName></author>, '
       '<title level="a">Do International Criminal Tribunals Deter or Exacerbate Humanitarian Atrocities?</title>, '
       '<biblScope unit="volume">84</biblScope> <title level="j">Wash. U. L. Rev.</title> '
       '<biblScope unit="page">777</biblScope> (<date when="2006">2006</date>). Available at: '
       '<ref target="https://openscholarship.wustl.edu/law_lawreview/vol84/iss4/1">'
       'https://openscholarship.wustl.edu/law_lawreview/vol84/iss4/1</ref></bibl>.Pg. 832.',
    2: '<bibl><author><persName><surname>Evenson</surname>, <forename>Elizabeth</forename></persName></author>. '
       '“<title level="a">Donald Trump’s Attack on the ICC Shows His Contempt for the Global Rule of Law</title>.” '
       '<title level="j">Human Rights Watch</title>, <date when="2020-10-28">28 Oct. 2020</date>, '
       '<ref target="https://www.hrw.org/news/2020/07/06/donald-trumps-attack-icc-shows-his-contempt-global-rule-law">'
       'www.hrw.org/news/2020/07/06/donald-trumps-attack-icc-shows-his-contempt-global-rule-law</ref></bibl>.',
    3: '<bibl><author><persName><surname>Quell</surname>, <forename>Molly</forename></persName></author>. '
       '“<title level="a">Trump’s Sanctions on ICC Prosecutor Have Halted Tribunal’s Work</title>.” '
       '<title level="j">Associated Press</title>, <date when="2025-05-15">15 May 2025</date>. '
       '<ref target="https://apnews.com/article/icc-trump-sanctions-karim-khan-court-a4b4c02751ab84c09718b1b95cbd5db3">'
       'https://apnews.com/article/icc-trump-sanctions-karim-khan-court-a4b4c02751ab84c09718b1b95cbd5db3</ref></bibl>.',
    4: '<bibl>“<title level="m">Understanding the International Criminal Court</title>.” '
       '<publisher>International Criminal Court</publisher>, <date when="2020">2020</date></bibl>. Pg 23.',
    5: '<bibl><author><orgName>United Nations</orgName></author>, <title level="m">Charter of the United Nations</title>, '
       '<date when="1945-10-24">24 October 1945</date>, 1 UNTS XVI, available at: '
       '<ref target="https://www.refworld.org/docid/3ae6b3930.html">https://www.refworld.org/docid/3ae6b3930.html</ref></bibl>.',
    6: '<bibl><author><persName><surname>Chayes</surname>, <forename>Abram</forename></persName></author>, and '
       '<author><persName><forename>Antonia</forename> <forename>Handler</forename> <surname>Chayes</surname></persName></author>. '
       '“<title level="a">On Compliance</title>.” <title level="j">International Organization</title>, '
       'vol. <biblScope unit="volume">47</biblScope>, no. <biblScope unit="issue">2</biblScope>, '
       '<date when="1993">1993</date>, pp. <biblScope unit="page" from="175" to="205">175–205</biblScope>. JSTOR, '
       '<ref target="http://www.jstor.org/stable/2706888">http://www.jstor.org/stable/2706888</ref></bibl>. Pg 176.',
    7: '<bibl><author><persName><surname>Simmons</surname>, <forename>Beth</forename> <forename>A.</forename></persName></author>; '
       '<author><persName><surname>Radtke</surname>, <forename>Mitchell</forename></persName></author>; and '
       '<author><persName><surname>Jo</surname>, <forename>Hyeran</forename></persName></author>, '
       '"<title level="a">Assessing the International Criminal Court</title>" (<date when="2018">2018</date>). '
       '<title level="s">All Faculty Scholarship</title>. 2039. '
       '<ref target="https://scholarship.law.upenn.edu/faculty_scholarship/2039">'
       'https://scholarship.law.upenn.edu/faculty_scholarship/2039</ref></bibl> Pg 13.',
    8: 'Simmons, 15.',
    9: 'Simmons, 28.',
    10: '<bibl><author><persName><surname>Appel</surname>, <forename>Benjamin</forename> <forename>J.</forename></persName></author> '
        '“<title level="a">In the Shadow of the International Criminal Court: Does the ICC Deter Human Rights Violations?</title>” '
        '<title level="j">The Journal of Conflict Resolution</title>, vol. <biblScope unit="volume">62</biblScope>, '
        'no. <biblScope unit="issue">1</biblScope>, <date when="2018">2018</date>, '
        'pp.<biblScope unit="page" from="3" to="28">3–28</biblScope>. JSTOR, '
        '<ref target="https://www.jstor.org/stable/48597287">https://www.jstor.org/stable/48597287</ref></bibl>. Pg 21.',
    11: 'Simmons, 13',
    12: 'Appel, 10.',
    13: '<bibl><author><persName><surname>McKenzie</surname>, <forename>David</forename></persName></author>, et al. '
        '“<title level="a">Putin Will Not Attend BRICS Summit in South Africa, as ICC Arrest\u00a0\u00a0\u00a0\u00a0\u00a0 Warrant Overshadows Key Talks</title>.” '
        '<title level="j">CNN</title>, <publisher>Cable News Network</publisher>, <date when="2023-07-20">20 July 2023</date>, '
        '<ref target="https://www.cnn.com/2023/07/19/world/putin-brics-summit-south-africa-intl/index.html">'
        'www.cnn.com/2023/07/19/world/putin-brics-summit-south-africa-intl/index.html</ref></bibl>.',
}


def strip_tags(markup):
    return html.unescape(re.sub(r'<[^>]+>', '', markup))


def main():
    with open(SEED, encoding='utf-8') as f:
        blocks = [b.strip('\n') for b in re.split(r'\n\s*\n', f.read()) if b.strip()]
    notes_text = {}
    body, tail = [], []
    for block in blocks:
        m = re.match(r'\[(\d+)\] (.*)$', block, re.S)
        if m:
            notes_text[int(m.group(1))] = m.group(2)
        elif notes_text:
            tail.append(block)
        else:
            body.append(block)
    for n, markup in NOTES.items():
        if strip_tags(markup) != notes_text[n]:
            sys.exit('note %d: tagged text differs from the seed:\n%s\n%s' % (n, strip_tags(markup), notes_text[n]))
    markers = []
    with open(MARKERS, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            n, marker, context = line.rstrip('\n').split('\t')
            markers.append((int(n), marker, context))
    # Escape the prose, then put each note where its marker stands.
    escaped = [html.escape(b, quote=False) for b in body]
    for n, marker, context in markers:
        needle = html.escape(context, quote=False) + marker
        hits = [i for i, b in enumerate(escaped) if needle in b]
        if len(hits) != 1 or escaped[hits[0]].count(needle) != 1:
            sys.exit('marker %d: context not found exactly once' % n)
        i = hits[0]
        escaped[i] = escaped[i].replace(needle, html.escape(context, quote=False) +
                                        '<note place="end" n="%d">%s</note>' % (n, NOTES[n]))
    title, standfirst = escaped[0], escaped[1]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- Generated by tests/formats/tei/build_001.py from tests/corpus/001; do not edit. -->',
           '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
           '<teiHeader><fileDesc><titleStmt><title type="main">%s</title></titleStmt>' % title,
           '<publicationStmt><p>Web essay, reproduced as a test document.</p></publicationStmt>',
           '<sourceDesc><p>tests/corpus/001_860931bb389e1658.txt</p></sourceDesc></fileDesc></teiHeader>',
           '<text><front><docTitle><titlePart>%s</titlePart></docTitle>' % title,
           '<argument><p>%s</p></argument></front>' % standfirst,
           '<body>', '<div>', '<head>%s</head>' % escaped[2]]
    section = 0
    for block in escaped[3:]:
        is_heading = len(block) < 90 and not block.rstrip().endswith('.') and '<note' not in block
        if is_heading:
            section += 1
            out.append('</div>')
            out.append('<div>')
            out.append('<head>%s</head>' % block)
        else:
            out.append('<p>%s</p>' % block)
    out.append('</div>')
    out.append('</body>')
    out.append('<back><div type="credits">%s</div></back>' % ''.join('<p>%s</p>' % html.escape(t, quote=False) for t in tail))
    out.append('</text>')
    out.append('</TEI>')
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print('wrote %s (%d sections, %d notes)' % (OUT, section, len(markers)))


if __name__ == '__main__':
    main()
