#!/usr/bin/python3
"""Converts GROBID's tagged citations (TEI <bibl> with <author>, <title level="a|j|m|s">,
<date>, <biblScope>, <publisher>, <pubPlace>, <idno>, <ptr>, <editor>, <orgName>, <note>)
into AnyStyle parser XML (<dataset><sequence><author>..</author>..</sequence>), so that the
same training reader (anystyle_to_training.py) and the same scorer
(../shared/eval/score_references.py) serve both sets.

Untagged text between two tagged parts (", ", "(", "In: ") goes with the part before it, as
AnyStyle keeps trailing punctuation in its segments; untagged text before the first part is
a citation number when it looks like one ("[12]", "12."), else "other". The output is
deterministic: files in sorted order, references in file order.

Usage: grobid_to_anystyle.py DIR_OR_FILE ... > out.xml
"""
import glob, os, re, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape


def local(tag):
    return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''


def text_of(el):
    parts = [el.text or '']
    for child in el:
        parts.append(' ' if local(child.tag) == 'lb' else text_of(child))
        parts.append(child.tail or '')
    return ''.join(parts)


def label_of(el, has_analytic):
    tag = local(el.tag).lower()
    kind = (el.get('level') or el.get('unit') or el.get('type') or '').lower()
    if tag == 'author':
        return 'author'
    if tag == 'editor':
        return 'editor'
    if tag == 'title':
        if kind == 'a':
            return 'title'
        if kind == 'j':
            return 'journal'
        if kind == 's':
            return 'collection-title'
        return 'container-title' if has_analytic else 'title'
    if tag == 'date':
        return 'date'
    if tag == 'biblscope':
        if kind in ('pp', 'page'):
            return 'pages'
        return 'volume'  # volume and issue: AnyStyle keeps "36(9)" in one segment
    if tag == 'publisher':
        return 'publisher'
    if tag == 'pubplace':
        return 'location'
    if tag == 'idno':
        return 'doi' if kind == 'doi' else 'note'
    if tag == 'ptr':
        return 'url'
    if tag == 'orgname':
        return 'author' if kind == 'collaboration' else 'publisher'
    if tag == 'note':
        return 'genre' if kind == 'report' else 'note'
    if tag == 'label':
        return 'citation-number'
    return 'other'


def sequence(bibl):
    children = list(bibl)
    has_analytic = any(local(c.tag) == 'title' and c.get('level') == 'a' for c in children)
    segments = []
    lead = ' '.join((bibl.text or '').split())
    if lead:
        label = 'citation-number' if re.fullmatch(r'[\[(]?\d{1,4}[\]).]?', lead) else 'other'
        segments.append([label, lead])
    pending_glue = ' '
    pending = ''  # untagged words ("Vol.", "pp.", "In:", "(") waiting for the next part
    for child in children:
        if local(child.tag) in ('lb', 'pb'):
            raw = ' '.join((child.tail or '').split())
            if raw:
                pending = (pending + ' ' + raw).strip()
                pending_glue = ' '
            continue
        label = label_of(child, has_analytic)
        body = ' '.join(text_of(child).split())
        raw = child.tail or ''
        glue = ' ' if raw[:1].isspace() else ''  # "Hamer, Nucl." keeps its comma on "Hamer"
        tail = ' '.join(raw.split())
        # punctuation right after a part stays with it, as AnyStyle keeps it; the words
        # after that lead into the next part ("Vol. 3", "pp. 4-5", "(1982)")
        cut = 0
        while cut < len(tail) and (tail[cut] in ',.;:)]' or tail[cut] == ' '):
            cut += 1
        trailing, leading = tail[:cut].rstrip(), tail[cut:].strip()
        text = (pending + pending_glue + body).strip() if pending else body
        pending = leading
        pending_glue = ' ' if raw[-1:].isspace() else ''
        if trailing:
            text += (glue if not text.endswith(' ') else '') + trailing
        text = text.strip()
        if not text:
            continue
        if segments and segments[-1][0] == label and label != 'author':
            segments[-1][1] += ' ' + text
        else:
            segments.append([label, text])
    if pending and segments:
        segments[-1][1] += ' ' + pending
    return [(l, ' '.join(t.split())) for l, t in segments if t.strip()]


def main(argv):
    paths = []
    for a in argv:
        paths += sorted(glob.glob(os.path.join(a, '*.xml'))) if os.path.isdir(a) else [a]
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<dataset>\n')
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            sys.stderr.write('%s: %s (skipped)\n' % (path, error))
            continue
        for bibl in root.iter():
            if local(bibl.tag) != 'bibl':
                continue
            segments = sequence(bibl)
            if len(segments) < 2:
                continue
            out.write('<sequence>')
            for label, text in segments:
                out.write('<%s>%s</%s>' % (label, escape(text), label))
            out.write('</sequence>\n')
    out.write('</dataset>\n')


if __name__ == '__main__':
    main(sys.argv[1:])
