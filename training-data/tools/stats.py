#!/usr/bin/env python3
"""Count what training-data/ holds and print (or --write into README.md) the data card's table.

usage: stats.py            print the markdown table
       stats.py --write    replace the table between the stats markers in ../README.md
Reads only the generated files (articles/, quotes.csv, stance.csv, split.csv): an independent count.
"""
import collections, csv, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRONOUNS = {'he', 'she', 'they', 'it', 'we', 'i', 'who'}
DETERMINERS = ('the ', 'a ', 'an ', 'its ', 'his ', 'her ', 'their ', 'this ', 'that ', 'one ', 'another ')


def read(name):
    with open(os.path.join(ROOT, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def skeleton(text):
    t = re.sub(r'\b[A-Z][\w\'’.-]*', 'X', text)
    t = re.sub(r'\d+', '0', t)
    return ' '.join(t.lower().split()[:12])


def table():
    quotes, stance, split = read('quotes.csv'), read('stance.csv'), read('split.csv')
    words = [int(r['words']) for r in split]
    n = len(quotes)
    types = collections.Counter(q['type'] for q in quotes)
    kinds = collections.Counter(q['speaker_kind'] for q in quotes)
    def pron_or_role(m):
        m = m.strip().lower()
        return m in PRONOUNS or m.startswith(DETERMINERS)
    pr = sum(pron_or_role(q['speaker_mention']) for q in quotes if q['speaker_mention'])
    cues = collections.Counter(q['cue'].lower() for q in quotes if q['cue'])
    labels = collections.Counter(s['stance'] for s in stance)
    targets = {s['target'].lower() for s in stance}
    standalone = [s for s in stance if s['group'].startswith('sent-')]
    groups_of = collections.defaultdict(set)
    for s in stance:
        groups_of[' '.join(s['text'].lower().split())].add(s['group'])
    dup_rows = sum(1 for s in stance if len(groups_of[' '.join(s['text'].lower().split())]) > 1)
    skel = collections.Counter(skeleton(s['text']) for s in standalone)
    templated = sum(c for c in skel.values() if c >= 3)
    quoted_ids = {s['id'].rsplit('#t', 1)[0] for s in stance if not s['group'].startswith('sent-')}
    topics = collections.Counter(r['topic'] for r in split)
    regions = collections.Counter(r['region'] for r in split)
    sp = collections.Counter(r['split'] for r in split)
    pct = lambda x, d: f'{100 * x / d:.1f} %' if d else '–'
    rows = [
        ('articles', f'{len(split)} ({collections.Counter(r["shape"] for r in split)["wire"]} wire, {collections.Counter(r["shape"] for r in split)["plain"]} plain)'),
        ('words per article', f'mean {sum(words) / len(words):.0f}, min {min(words)}, max {max(words)}'),
        ('topics / regions (distinct header values)', f'{len(topics)} / {len(regions)}'),
        ('held-out split (articles)', f'train {sp["train"]}, test {sp["test"]} ({pct(sp["test"], len(split))})'),
        ('quotes', str(n)),
        ('direct / indirect / mixed', ' / '.join(pct(types[t], n) for t in ('direct', 'indirect', 'mixed'))),
        ('nearest speaker mention is a pronoun or role noun', pct(pr, n)),
        ('speaker kinds person / organization / anonymous / document / unknown', ' / '.join(pct(kinds[k], n) for k in ('person', 'organization', 'anonymous', 'document', 'unknown'))),
        ('distinct cue expressions', str(len(cues))),
        ('split quotes (2+ content spans)', str(sum(q['content_spans'].count('[') > 2 for q in quotes))),
        ('stance rows', f'{len(stance)} ({len(stance) - len(standalone)} from quotes, {len(standalone)} standalone)'),
        ('favor / against / neutral', ' / '.join(pct(labels[l], len(stance)) for l in ('favor', 'against', 'neutral'))),
        ('distinct stance targets', str(len(targets))),
        ('quotes with at least one stance row', pct(len(quoted_ids), n)),
        ('rows with a target mention span', pct(sum(1 for s in stance if s['target_start']), len(stance))),
        ('near-duplicate stance rows (same normalised text in another article or sentence group)', pct(dup_rows, len(stance))),
        ('templated standalone rows (skeleton shared by 3+ rows)', pct(templated, len(stance))),
    ]
    out = ['| measure | value |', '|---|---|'] + [f'| {a} | {b} |' for a, b in rows]
    return '\n'.join(out)


def main(argv):
    t = table()
    if '--write' not in argv:
        print(t)
        return 0
    path = os.path.join(ROOT, 'README.md')
    text = open(path, encoding='utf-8').read()
    start, end = '<!-- stats:start (tools/stats.py --write) -->', '<!-- stats:end -->'
    a, b = text.index(start) + len(start), text.index(end)
    open(path, 'w', encoding='utf-8').write(text[:a] + '\n' + t + '\n' + text[b:])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
