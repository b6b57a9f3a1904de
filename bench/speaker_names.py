#!/usr/bin/env python3
"""List, for judging by hand, the resolved speaker names of quotes whose gold source is one person.

usage: speaker_names.py --gold gold.csv --articles DIR --pred scored.jsonl [--after scored2.jsonl]
                        [--sample N] [--seed S] [--changed]

Reads the eval files only at run time (nothing from them is committed). Quotes are paired with gold
attributions as score_attribution.py pairs them (loose, J >= 0.3). A gold source counts as one person when
it is a singular personal pronoun, a capitalised name, or a singular role noun; plural and organisation-like
sources are left out. A capitalised gold source whose last word stands in our `speaker.name` is judged right
automatically ("auto"); every other row prints the sentence, the lines before it and the article's frequent
capitalised names, to be judged by hand. With --after, both outputs' names are shown for the same quotes
(--changed: only the quotes whose name changed).
"""
import argparse, collections, csv, json, os, random, re, sys

sys.path.insert(0, os.environ.get('NEWSSTANCE_EVAL', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval')))
csv.field_size_limit(10**9)

PERSON_PRONOUNS = {'he', 'she', 'i', 'him', 'her', 'me', 'his'}
NOT_ONE_PERSON = re.compile(r"\b(they|we|us|them|it|officials|sources|aides|people|democrats|republicans|members|critics|"
                            r"supporters|voters|experts|analysts|leaders|lawmakers|staff|advocates|groups?|campaign|"
                            r"committee|department|administration|house|senate|party|times|post|news|press|journal|"
                            r"network|report|poll|study|survey|statement|office|agency|court|government|council|"
                            r"association|center|institute|foundation|union|company|corporation|inc|polls|others|"
                            r"several|many|some|both|all|two|three|and)\b", re.I)


def utf16_to_cp(text):
    m = []
    for i, ch in enumerate(text):
        m.append(i)
        if ord(ch) > 0xFFFF:
            m.append(i)
    m.append(len(text))
    return m


def chars(spans):
    s = set()
    for a, b in spans:
        s.update(range(a, b))
    return s


def load_pred(path, texts):
    pred = collections.defaultdict(list)
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            continue
        art = json.loads(line)
        doc = art['article_id']
        if doc not in texts:
            continue
        m = utf16_to_cp(texts[doc])
        conv = lambda spans: [(m[min(a, len(m) - 1)], m[min(b, len(m) - 1)]) for a, b in spans]
        for q in art.get('quotes', []):
            sp = q.get('speaker') or {}
            pred[doc].append({'content': chars(conv(q.get('content_spans') or [])),
                              'source': chars(conv([sp['span']] if sp.get('span') else [])),
                              'name': sp.get('name'), 'mention': sp.get('mention'), 'kind': sp.get('kind')})
    return pred


def pair(P, G):
    pairs = []
    for i, p in enumerate(P):
        for j, g in enumerate(G):
            inter = len(p['content'] & g['content'])
            if inter:
                jac = inter / len(p['content'] | g['content'])
                if jac >= 0.3:
                    pairs.append((jac, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), {}
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i); used_g.add(j); out[j] = i
    return out


def one_person(src):
    words = src.split()
    if not words or len(words) > 8:
        return False
    if len(words) == 1 and words[0].lower() in PERSON_PRONOUNS:
        return True
    if NOT_ONE_PERSON.search(src):
        return False
    return True


def names_of(text):
    c = collections.Counter(re.findall(r"\b(?:[A-Z][a-z]+\.? ){1,2}[A-Z][a-z]+\b", text))
    return ', '.join(n for n, _ in c.most_common(8))


def sentence_around(text, start, end):
    a = max(text.rfind('\n', 0, start), text.rfind('. ', 0, start) + 1, 0)
    b = min(x for x in (text.find('\n', end), len(text)) if x >= 0)
    return text[a:b].strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gold', required=True)
    ap.add_argument('--articles', required=True)
    ap.add_argument('--pred', required=True)
    ap.add_argument('--after')
    ap.add_argument('--sample', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--changed', action='store_true')
    ap.add_argument('--all', action='store_true', help='print auto-judged rows too')
    a = ap.parse_args()
    texts = {f[:-4]: open(os.path.join(a.articles, f), encoding='utf-8').read()
             for f in os.listdir(a.articles) if f.endswith('.txt')}
    gold = collections.defaultdict(list)
    for r in csv.DictReader(open(a.gold, encoding='utf-8')):
        if r['doc_id'] in texts and r['cue_is_speech'] == '1' and r['source_spans']:
            spans = json.loads(r['source_spans'])
            if not spans:
                continue
            gold[r['doc_id']].append({'content': chars(json.loads(r['content_spans'])), 'spans': spans,
                                      'source': chars(spans), 'id': r['attr_id']})
    before = load_pred(a.pred, texts)
    after = load_pred(a.after, texts) if a.after else None
    rows = []
    for doc in sorted(gold):
        text = texts[doc]
        G = gold[doc]
        pb = pair(before[doc], G)
        pa = pair(after[doc], G) if after else {}
        for j, g in enumerate(G):
            if j not in pb:
                continue
            src = ' '.join(text[s:e] for s, e in g['spans'])
            if not one_person(src):
                continue
            p = before[doc][pb[j]]
            q = after[doc][pa[j]] if after and j in pa else None
            rows.append((doc, g, src, p, q))
    random.Random(a.seed).shuffle(rows)
    if a.changed:
        rows = [r for r in rows if r[4] is not None and r[4]['name'] != r[3]['name']]
    if a.sample:
        rows = rows[:a.sample]
    auto = 0
    for n, (doc, g, src, p, q) in enumerate(rows):
        text = texts[doc]
        last = src.split()[-1].strip('.,')
        is_auto = src[0].isupper() and src.lower() not in PERSON_PRONOUNS and p['name'] and last.lower() in p['name'].lower()
        auto += is_auto
        if is_auto and not a.all and not a.changed:
            continue
        s0 = min(x for x, _ in g['spans'])
        print(f"#{n} {doc} {g['id']}  gold source: {src!r}")
        print(f"   ours: name={p['name']!r} mention={p['mention']!r} span_ok={bool(p['source'] & g['source'])}"
              + (f"  AFTER: name={q['name']!r} mention={q['mention']!r}" if q else ''))
        print(f"   sentence: {sentence_around(text, s0, s0 + 1)[:400]}")
        print(f"   before: {text[max(0, s0 - 500):s0].replace(chr(10), ' / ')[-500:]}")
        print(f"   names: {names_of(text)}")
        print()
    print(f"{len(rows)} rows, {auto} judged right automatically, {len(rows) - auto} to judge", file=sys.stderr)


if __name__ == '__main__':
    main()
