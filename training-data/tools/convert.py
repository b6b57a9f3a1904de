#!/usr/bin/env python3
"""Build training-data/ from its marked-up sources (see ../GUIDELINES.md).

usage: convert.py [--check FILE...]      check sources only, print problems, write nothing
       convert.py                        check all sources and write articles/, quotes.csv,
                                         stance.csv, split.csv
       convert.py --skip-broken          the same, leaving out (and listing) sources with problems

Offsets are UTF-16 code-unit offsets into the clean article text, end exclusive.
"""
import csv
import glob, hashlib, io, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {'direct', 'indirect', 'mixed'}
KINDS = {'person', 'organization', 'anonymous', 'document', 'unknown'}
LABELS = {'favor', 'against', 'neutral'}
TAG = re.compile(r'\{\{([QCS])(\d+(?:,\d+)*)\|')
QUOTE_MARKS = set('"\u201c\u201d\u00ab\u00bb\u2018\u2019\'')


def u16(s):
    return len(s.encode('utf-16-le')) // 2


class Problem(Exception):
    pass


def parse_markup(body, where):
    """Strip {{X1|...}} tags; return clean text and tags as (kind, ids, start16, end16)."""
    out, tags, stack = [], [], []
    pos16 = 0
    i = 0
    while i < len(body):
        m = TAG.match(body, i)
        if m:
            stack.append((m.group(1), [int(x) for x in m.group(2).split(',')], pos16))
            i = m.end()
            continue
        if body.startswith('}}', i):
            if not stack:
                raise Problem(f'{where}: "}}}}" with no open tag near ...{body[max(0, i-40):i]!r}')
            kind, ids, start = stack.pop()
            tags.append((kind, ids, start, pos16))
            i += 2
            continue
        if body.startswith('{{', i):
            raise Problem(f'{where}: malformed tag near {body[i:i+30]!r} (expected {{{{Q1|...}}}})')
        ch = body[i]
        out.append(ch)
        pos16 += u16(ch)
        i += 1
    if stack:
        kind, ids, start = stack[-1]
        raise Problem(f'{where}: tag {{{{{kind}{ids[0]}|... never closed')
    return ''.join(out), tags


def sub16(text, a, b):
    return text.encode('utf-16-le')[2 * a:2 * b].decode('utf-16-le')


def find16(hay, needle):
    """UTF-16 offset of needle in hay, or -1: the first whole-word match (so "he" is never found inside
    "the"), case-sensitive first, then case-insensitive; then any substring match."""
    for flags in (0, re.IGNORECASE):
        m = re.search(r'(?<!\w)' + re.escape(needle) + r'(?!\w)', hay, flags)
        if m:
            return u16(hay[:m.start()])
    i = hay.find(needle)
    if i < 0:
        i = hay.lower().find(needle.lower())
    return -1 if i < 0 else u16(hay[:i])


def load_article(path):
    raw = open(path, encoding='utf-8').read().replace('\r\n', '\n')
    head, sep, rest = raw.partition('\n---\n')
    if not sep:
        raise Problem(f'{path}: no "---" line between header and body')
    meta = {}
    for n, line in enumerate(head.split('\n'), 1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith('#') or ':' not in line:
            raise Problem(f'{path}:{n}: header lines look like "# key: value"')
        k, v = line[1:].split(':', 1)
        meta[k.strip()] = v.strip()
    for k in ('id', 'shape', 'voice', 'topic', 'region'):
        if not meta.get(k):
            raise Problem(f'{path}: header "{k}" missing')
    if meta['id'] != os.path.basename(path)[:-4]:
        raise Problem(f'{path}: id {meta["id"]!r} differs from the file name')
    if not re.fullmatch(r'[a-z0-9][a-z0-9-]*', meta['id']):
        raise Problem(f'{path}: id must be lowercase a-z, 0-9 and -')
    if meta['shape'] not in ('wire', 'plain'):
        raise Problem(f'{path}: shape must be wire or plain')
    lines = rest.rstrip('\n').split('\n')
    body_lines, specs = [], []
    for n, line in enumerate(lines):
        if line.startswith('@Q'):
            specs.append((n + len(head.split('\n')) + 2, line))
        elif specs and line.strip():
            raise Problem(f'{path}: text after the @Q lines: {line[:40]!r}')
        elif not specs:
            body_lines.append(line)
    body = '\n'.join(body_lines).rstrip() + '\n'
    text, tags = parse_markup(body, path)
    quotes = {}
    for ln, line in specs:
        m = re.match(r'@Q(\d+)\s+(.*)$', line)
        if not m:
            raise Problem(f'{path}:{ln}: expected "@Qn type | name | kind | role | stances"')
        parts = [p.strip() for p in m.group(2).split('|')]
        if len(parts) != 5:
            raise Problem(f'{path}:{ln}: expected 5 fields separated by |, found {len(parts)}')
        qid = int(m.group(1))
        if qid in quotes:
            raise Problem(f'{path}:{ln}: Q{qid} described twice')
        qtype, name, kind, role, stances = parts
        if qtype not in TYPES:
            raise Problem(f'{path}:{ln}: type {qtype!r} not in {sorted(TYPES)}')
        if kind not in KINDS:
            raise Problem(f'{path}:{ln}: kind {kind!r} not in {sorted(KINDS)}')
        st = []
        for s in filter(None, (x.strip() for x in stances.split(';'))):
            if '=' not in s:
                raise Problem(f'{path}:{ln}: stance {s!r} is not target=label')
            tgt, label = (x.strip() for x in s.rsplit('=', 1))
            mention = ''
            if '~' in tgt:
                tgt, mention = (x.strip() for x in tgt.split('~', 1))
            if label not in LABELS:
                raise Problem(f'{path}:{ln}: stance label {label!r} not in {sorted(LABELS)}')
            if not tgt:
                raise Problem(f'{path}:{ln}: empty stance target')
            st.append((tgt, mention, label))
        if not st:
            raise Problem(f'{path}:{ln}: Q{qid} has no stance target')
        quotes[qid] = dict(type=qtype, name=name, kind=kind, role=role, stances=st,
                           content=[], cue=[], speaker=[])
    for kind, ids, a, b in tags:
        for q in ids:
            if q not in quotes:
                raise Problem(f'{path}: tag {kind}{q} has no @Q{q} line')
            key = {'Q': 'content', 'C': 'cue', 'S': 'speaker'}[kind]
            quotes[q][key].append((a, b))
    for q, d in quotes.items():
        if not d['content']:
            raise Problem(f'{path}: Q{q} has no {{{{Q{q}|...}}}} content')
        if len(d['cue']) > 1:
            raise Problem(f'{path}: Q{q} has {len(d["cue"])} cues; mark one')
        if len(d['speaker']) > 1:
            raise Problem(f'{path}: Q{q} has {len(d["speaker"])} speaker mentions; mark the nearest only')
        if d['kind'] != 'unknown' and not d['speaker']:
            raise Problem(f'{path}: Q{q} is {d["kind"]} but has no {{{{S{q}|...}}}} mention')
        if d['kind'] != 'unknown' and not d['name']:
            raise Problem(f'{path}: Q{q} has no speaker name')
        d['content'].sort()
        for a, b in d['content']:
            if b <= a or not sub16(text, a, b).strip():
                raise Problem(f'{path}: Q{q} has an empty content piece')
        if d['type'] == 'direct':
            for a, b in d['content']:
                before = sub16(text, max(0, a - 1), a)
                if before not in QUOTE_MARKS and not (d['content'][0] != (a, b)):
                    raise Problem(f'{path}: direct Q{q} does not open right after a quotation mark '
                                  f'(content starts {sub16(text, a, a + 25)!r})')
        d['text'] = ' '.join(sub16(text, a, b).strip() for a, b in d['content'])
        for tgt, mention, label in d['stances']:
            if mention and find16(d['text'], mention) < 0:
                raise Problem(f'{path}: Q{q} stance mention {mention!r} is not in the quote text '
                              f'{d["text"][:60]!r}...')
    if meta['shape'] == 'wire' and not re.match(r' date \d{4}-\d{2}-\d{2} ', text):
        raise Problem(f'{path}: wire shape must begin " date YYYY-MM-DD " (leading space)')
    words = len(text.split())
    return meta, text, quotes, words


def split_of(key):
    return 'test' if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 100 < 18 else 'train'


def load_stance_tsv(path):
    rows = []
    with open(path, encoding='utf-8', newline='') as f:
        r = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
        header = next(r, None)
        if header != ['text', 'target', 'mention', 'stance']:
            raise Problem(f'{path}:1: header must be text<TAB>target<TAB>mention<TAB>stance, got {header}')
        for n, row in enumerate(r, 2):
            if not row or not ''.join(row).strip():
                continue
            if len(row) != 4:
                raise Problem(f'{path}:{n}: expected 4 tab-separated fields, found {len(row)}')
            text, tgt, mention, label = (x.strip() for x in row)
            if label not in LABELS:
                raise Problem(f'{path}:{n}: label {label!r} not in {sorted(LABELS)}')
            if not text or not tgt:
                raise Problem(f'{path}:{n}: empty text or target')
            if mention and find16(text, mention) < 0:
                raise Problem(f'{path}:{n}: mention {mention!r} not found in the text')
            rows.append((n, text, tgt, mention, label))
    return rows


def main(argv):
    skip_broken = '--skip-broken' in argv
    argv = [a for a in argv if a != '--skip-broken']
    check_only = argv[:1] == ['--check']
    files = argv[1:] if check_only and len(argv) > 1 else sorted(glob.glob(os.path.join(ROOT, 'source/articles/**/*.txt'), recursive=True))
    tsvs = [] if check_only and len(argv) > 1 else sorted(glob.glob(os.path.join(ROOT, 'source/stance/*.tsv')))
    if check_only and len(argv) > 1:
        tsvs = [f for f in files if f.endswith('.tsv')]
        files = [f for f in files if f.endswith('.txt')]
    problems, arts, seen = [], [], set()
    for f in files:
        try:
            meta, text, quotes, words = load_article(f)
            if meta['id'] in seen:
                raise Problem(f'{f}: duplicate article id {meta["id"]}')
            seen.add(meta['id'])
            arts.append((meta, text, quotes, words))
        except Problem as e:
            problems.append(str(e))
    stance_extra = []
    for f in tsvs:
        try:
            stance_extra.append((os.path.basename(f)[:-4], load_stance_tsv(f)))
        except Problem as e:
            problems.append(str(e))
    for p in problems:
        print(p, file=sys.stderr)
    nq = sum(len(a[2]) for a in arts)
    print(f'{len(arts)} articles, {nq} quotes, {sum(len(r) for _, r in stance_extra)} standalone stance rows, '
          f'{len(problems)} problems', file=sys.stderr)
    if problems and not skip_broken:
        return 1
    if check_only:
        return 0
    os.makedirs(os.path.join(ROOT, 'articles'), exist_ok=True)
    for old in glob.glob(os.path.join(ROOT, 'articles/*.txt')):
        os.remove(old)
    qrows, srows, splits = [], [], []
    for meta, text, quotes, words in sorted(arts, key=lambda a: a[0]['id']):
        aid = meta['id']
        with open(os.path.join(ROOT, 'articles', aid + '.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        sp = split_of(aid)
        splits.append((aid, sp, meta['shape'], meta['voice'], meta['topic'], meta['region'], words))
        for q in sorted(quotes):
            d = quotes[q]
            cue = d['cue'][0] if d['cue'] else None
            spk = d['speaker'][0] if d['speaker'] else None
            qrows.append([aid, f'{aid}#q{q}', d['type'], json.dumps([list(s) for s in d['content']]),
                          sub16(text, *cue) if cue else '', json.dumps(list(cue)) if cue else '',
                          sub16(text, *spk) if spk else '', json.dumps(list(spk)) if spk else '',
                          d['name'], d['kind'], d['role'], d['text']])
            for k, (tgt, mention, label) in enumerate(d['stances']):
                look = mention or tgt
                s = find16(d['text'], look)
                srows.append([f'{aid}#q{q}#t{k}', d['text'], tgt, s if s >= 0 else '',
                              s + u16(look) if s >= 0 else '', label, d['name'], aid, sp,
                              sub16(text, *cue) if cue else ''])
    for name, rows in stance_extra:
        for n, text, tgt, mention, label in rows:
            look = mention or ''
            s = find16(text, look) if look else -1
            g = 'sent-' + hashlib.sha1(text.encode()).hexdigest()[:10]
            srows.append([f'{name}#{n}', text, tgt, s if s >= 0 else '', s + u16(look) if s >= 0 else '',
                          label, '', g, split_of(g), ''])
    def write(name, header, rows):
        with open(os.path.join(ROOT, name), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(header)
            w.writerows(rows)
    write('quotes.csv', ['article_id', 'quote_id', 'type', 'content_spans', 'cue', 'cue_span',
                         'speaker_mention', 'speaker_span', 'speaker_name', 'speaker_kind',
                         'speaker_role', 'text'], qrows)
    # cue: the quote's reporting verb, so `evaluate` on this file sees what `train` sees (it joins quotes.csv).
    write('stance.csv', ['id', 'text', 'target', 'target_start', 'target_end', 'stance', 'speaker',
                         'group', 'split', 'cue'], srows)
    write('split.csv', ['article_id', 'split', 'shape', 'voice', 'topic', 'region', 'words'], splits)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
