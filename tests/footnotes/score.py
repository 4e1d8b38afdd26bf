"""Scores ibid on the footnoted documents of tests/footnotes/ (see README.md).

    /usr/bin/python3 tests/footnotes/score.py [dev|heldout|heldout2|heldout3]

Each document is loaded through the ingest trigger; the scores compare the
notes, refs and citations tables with the gold JSON beside the document.
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'py'))
from ibidtest import connect  # noqa: E402

RESOLVES_ITEM = 'resolves_item'
LEGAL_OR_JOURNAL = {'article-journal', 'legal_case', 'treaty', 'legislation', 'bill', 'report',
                    'document'}


def norm(value):
    """Lowercase letters, digits, '/', '-' and '.' (spacing and quotes do not count)."""
    return re.sub(r'[^\w/.&-]', '', str(value).lower().replace('’', "'")).replace("'", '')


def digits(value):
    return re.sub(r'\D', '', value or '')


def field_right(name, gold, csl, row):
    if name == 'type':
        return csl.get('type') in (gold if isinstance(gold, list) else [gold])
    if name == 'locator':
        return digits(row['locator']) == digits(gold)
    if name == 'text_starts':
        return row['text'].startswith(gold)
    if name == 'author':
        people = csl.get('author') or []
        if gold is None:  # not a person: no family/given name
            return not any('given' in p for p in people)
        return bool(people) and norm(people[0].get('family', people[0].get('literal', ''))) == norm(gold)
    if name == 'issued':
        parts = (csl.get('issued') or {}).get('date-parts') or [[None]]
        return str(parts[0][0]) == str(gold)
    if name == 'page':
        return re.split(r'[-–]', str(csl.get('page', '')))[0].strip() == gold
    if name == 'number':
        return norm(csl.get('number', '')).startswith(norm(gold))
    return norm(csl.get(name, '')) == norm(gold)


def load(db, path):
    with open(path, 'rb') as f:
        db.execute('insert into documents(path, raw) values (?, ?)', (path, f.read()))
    return db.execute('select id from documents where path = ?', (path,)).fetchone()[0]


def score(part, verbose=False):
    db = connect()
    db.execute('select ibid_init()')
    totals = {k: [0, 0] for k in ('citing notes', 'short forms resolved', 'refs agree with notes',
                                  'citations follow', 'legal/journal fields', 'other fields',
                                  'author-year cites', 'cites linked to entry')}
    problems = []
    for gold_path in sorted(glob.glob(os.path.join(HERE, part, '*.json'))):
        gold = json.load(open(gold_path, encoding='utf-8'))
        doc = load(db, os.path.join(HERE, part, gold['document']))
        name = gold['document']
        refs = {}
        for note, item, text, csl, resolves_to, resolves_item, locator, work_id in db.execute(
                'select note, item, text, csl, resolves_to, ' + RESOLVES_ITEM + ', locator, work_id '
                'from refs where document_id = ? and note is not null', (doc,)):
            refs.setdefault(note, []).append(dict(item=item, text=text, csl=json.loads(csl or '{}'),
                                                  resolves_to=resolves_to, resolves_item=resolves_item,
                                                  locator=locator, work_id=work_id))
        notes = dict(db.execute('select n, ibid_of from notes where document_id = ?', (doc,)))
        if gold.get('cites'):
            cites = [dict(zip(('text', 'authors', 'year', 'suffix', 'entry'), row)) for row in db.execute(
                "select substr(d.body, c.start, c.length), c.authors, c.year, nullif(c.suffix, ''), "
                "(select r.item from refs r where r.document_id = c.document_id and r.note is null "
                " and r.work_id = c.work_id) from cites c, documents d "
                "where d.id = c.document_id and c.document_id = ? order by c.start", (doc,))]
            got = {c['text']: c for c in cites}
            for g in gold['cites']:
                c = got.get(g['text'])
                found = bool(c) and c['authors'] == g['authors'] and c['year'] == g['year'] and \
                    c['suffix'] == g.get('suffix')
                totals['author-year cites'][0] += found
                totals['author-year cites'][1] += 1
                linked = bool(c) and c['entry'] == g['entry']
                totals['cites linked to entry'][0] += linked
                totals['cites linked to entry'][1] += 1
                if not (found and linked):
                    problems.append('%s cite %r: got %s, gold %s' % (name, g['text'], c, g))
            totals['author-year cites'][1] += max(0, len(cites) - len(gold['cites']))
        # Reference-list entries (note NULL) the gold gives field by field.
        if gold.get('entries'):
            entries = {item: dict(text=text, csl=json.loads(csl or '{}'), locator=None)
                       for item, text, csl in db.execute(
                           'select item, text, csl from refs where document_id = ? and note is null',
                           (doc,))}
            for g in gold['entries']:
                row = entries.get(g['item'])
                types = g['type'] if isinstance(g['type'], list) else [g['type']]
                bucket = 'legal/journal fields' if types[0] in LEGAL_OR_JOURNAL else 'other fields'
                for field, value in g.items():
                    if field == 'item':
                        continue
                    right = bool(row) and field_right(field, value, row['csl'], row)
                    totals[bucket][0] += right
                    totals[bucket][1] += 1
                    if not right:
                        problems.append('%s entry %d %s: gold %r, got %r' % (
                            name, g['item'], field, value, row and row['csl'].get(field)))
        cited = {(n, row['item']): row['work_id'] for n, rows in refs.items() for row in rows}
        for entry in gold['notes']:
            n, want = entry['n'], entry['refs']
            got = sorted(refs.get(n, []), key=lambda r: r['item'])
            ok = len(got) == len(want)
            totals['citing notes'][0] += ok
            totals['citing notes'][1] += 1
            if not ok:
                problems.append('%s note %d: %d refs, gold %d %s' % (name, n, len(got), len(want), [g['text'] for g in got]))
            first = got[0]['resolves_to'] if got else None
            agree = notes.get(n) == first
            totals['refs agree with notes'][0] += agree
            totals['refs agree with notes'][1] += 1
            if not agree:
                problems.append('%s note %d: ibid_of %s, refs item 1 resolves_to %s' % (name, n, notes.get(n), first))
            for k, g in enumerate(want):
                row = got[k] if k < len(got) else None
                if 'resolves_to' in g:
                    right = bool(row) and row['resolves_to'] == g['resolves_to'] and \
                        row['resolves_item'] == g['resolves_item'] and \
                        digits(row['locator']) == digits(g['locator'])
                    totals['short forms resolved'][0] += right
                    totals['short forms resolved'][1] += 1
                    if not right:
                        problems.append('%s note %d item %d: %s, gold -> %d/%d %s' % (
                            name, n, k + 1, row and (row['resolves_to'], row['resolves_item'], row['locator']),
                            g['resolves_to'], g['resolves_item'], g['locator']))
                    if row:
                        target = cited.get((g['resolves_to'], g['resolves_item']))
                        follows = row['work_id'] is not None and row['work_id'] == target
                        totals['citations follow'][0] += follows
                        totals['citations follow'][1] += 1
                        if not follows:
                            problems.append('%s note %d item %d: work %s, antecedent work %s' % (
                                name, n, k + 1, row['work_id'], target))
                    continue
                types = g['type'] if isinstance(g['type'], list) else [g['type']]
                bucket = 'legal/journal fields' if types[0] in LEGAL_OR_JOURNAL else 'other fields'
                for field, value in g.items():
                    right = bool(row) and field_right(field, value, row['csl'], row)
                    totals[bucket][0] += right
                    totals[bucket][1] += 1
                    if not right:
                        problems.append('%s note %d item %d %s: gold %r, got %r' % (
                            name, n, k + 1, field, value,
                            row and (row['locator'] if field == 'locator' else row['text'][:30] if field == 'text_starts' else row['csl'].get(field))))
    return totals, problems


def main():
    parts = sys.argv[1:] or ['dev', 'heldout']
    for part in parts:
        totals, problems = score(part)
        print('== %s' % part)
        for name, (right, total) in totals.items():
            print('  %-24s %3d / %3d  %.3f' % (name, right, total, right / total if total else 1))
        for p in problems:
            print('   - ' + p)


if __name__ == '__main__':
    main()
