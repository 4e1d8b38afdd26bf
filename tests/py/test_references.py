"""ibid_references: gold scorers for citation items in notes (tests/gold/references/) and
bibliography finding on the AnyStyle finder documents (/work/shared/eval/anystyle/finder)."""
import glob, os, re
from ibidtest import connect, corpus, prf, print_scores, GOLD, ROOT

SQL = 'SELECT note, item, start, length, text, csl, resolves_to, locator, work_key FROM ibid_references(?)'
FINDER = os.environ.get('IBID_FINDER', os.path.join(os.path.dirname(ROOT), 'shared', 'eval',
                                                    'anystyle', 'finder'))
ITEM_BAR, RESOLUTION_BAR = 0.95, 0.98


def squash(text):
    return re.sub(r'\s+', ' ', text).strip().lower()


def read_gold(document):
    rows = []
    with open(os.path.join(GOLD, 'references', document + '.txt'), encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                note, item, form, words, resolves_to, locator = line.rstrip('\n').split('|')
                rows.append((int(note), int(item), form, words, resolves_to, locator))
    return rows


def match_items(gold, predicted):
    """Pairs gold rows with predicted rows of the same note whose text starts with the gold
    first words (each predicted row used once). Returns {gold index: predicted row}."""
    pairs, used = {}, set()
    for g, (note, _, _, words, _, _) in enumerate(gold):
        for p, row in enumerate(predicted):
            if p not in used and row[0] == note and squash(row[4]).startswith(squash(words)):
                pairs[g] = row
                used.add(p)
                break
    return pairs


def score_document(db, document):
    text = corpus(document)
    predicted = [row for row in db.execute(SQL, (text,)) if row[0] is not None]
    for row in predicted:
        assert text[row[2] - 1:row[2] - 1 + row[3]] == row[4], row
    gold = read_gold(document)
    pairs = match_items(gold, predicted)
    items_found = len(pairs)
    resolutions = [(document, g[0], g[1], g[4]) for g in gold if g[4]]
    got_resolutions = [(document, gold[i][0], gold[i][1], str(row[6] or ''))
                       for i, row in pairs.items() if row[6] is not None]
    locators = [(document, g[0], g[1], g[5]) for g in gold if g[2] != 'full' and g[5]]
    got_locators = [(document, gold[i][0], gold[i][1], row[7]) for i, row in pairs.items()
                    if gold[i][2] != 'full' and row[7]]
    missed = [g for i, g in enumerate(gold) if i not in pairs]
    for i, row in pairs.items():
        if gold[i][4] and str(row[6] or '') != gold[i][4]:
            print('    wrong resolves_to', document, gold[i], row[6])
    extra = [row[:2] + (row[4][:50],) for row in predicted if row not in pairs.values()]
    return (len(gold), len(predicted), items_found), (resolutions, got_resolutions), \
        (locators, got_locators), missed, extra


def counts_to_prf(gold, predicted, found):
    precision = found / predicted if predicted else 1.0
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def test_gold_items():
    db = connect()
    totals = [0, 0, 0]
    resolutions, got_resolutions, locators, got_locators = [], [], [], []
    rows = []
    for document in ('003', '001'):
        counts, (r, gr), (l, gl), missed, extra = score_document(db, document)
        for k in range(3):
            totals[k] += counts[k]
        resolutions += r
        got_resolutions += gr
        locators += l
        got_locators += gl
        rows.append(('items ' + document, counts[0]) + counts_to_prf(*counts))
        for g in missed:
            print('    missed', document, g)
        for e in extra:
            print('    extra ', document, e)
    items = counts_to_prf(*totals)
    resolution = prf(resolutions, got_resolutions)
    locator = prf(locators, got_locators)
    rows += [('items (all)', totals[0]) + items,
             ('resolves_to', len(resolutions)) + resolution,
             ('locator (ibid/short)', len(locators)) + locator]
    print_scores('ibid_references on tests/gold/references', rows)
    assert items[2] >= ITEM_BAR, items
    assert resolution[2] >= RESOLUTION_BAR, resolution


def read_finder(path):
    """(text, [(start, end, label)]) of a .ttx file; start/end are character offsets."""
    lines, label = [], ''
    with open(path, encoding='utf-8') as f:
        for raw in f:
            raw = raw.rstrip('\n')
            head, _, body = raw.partition('|')
            if head.strip():
                label = head.strip()
            lines.append((body[1:] if body.startswith(' ') else body, label))
    text, spans, offset = [], [], 0
    for body, label in lines:
        spans.append((offset, offset + len(body), label))
        text.append(body)
        offset += len(body) + 1
    return '\n'.join(text), spans


def covered_lines(spans, items):
    """Indexes of lines overlapped by any item (items: sorted (start, end) character spans)."""
    covered, k = set(), 0
    for index, (start, end, _) in enumerate(spans):
        while k < len(items) and items[k][1] <= start:
            k += 1
        j = k
        while j < len(items) and items[j][0] < end:
            if items[j][1] > start:
                covered.add(index)
                break
            j += 1
    return covered


def test_finder_reference_lines():
    paths = sorted(glob.glob(os.path.join(FINDER, '*.ttx')))
    if not paths:
        print('  (no finder data at %s: skipped)' % FINDER)
        return
    db = connect()
    rows, all_gold, all_predicted = [], [], []
    for path in paths:
        name = os.path.basename(path)[:-4]
        text, spans = read_finder(path)
        items = sorted((start - 1, start - 1 + length)
                       for start, length in db.execute('SELECT start, length FROM ibid_references(?)',
                                                       (text,)))
        covered = covered_lines(spans, items)
        gold = [(name, i) for i, s in enumerate(spans) if s[2] == 'ref' and s[1] > s[0]]
        predicted = [(name, i) for i in covered if spans[i][1] > spans[i][0]
                     and spans[i][2] != 'blank']
        all_gold += gold
        all_predicted += predicted
        rows.append((name, len(gold)) + prf(gold, predicted))
    overall = prf(all_gold, all_predicted)
    rows.append(('overall', len(all_gold)) + overall)
    print_scores('reference lines of the AnyStyle finder documents', rows)
    assert overall[2] >= 0.90, overall
