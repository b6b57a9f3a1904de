#!/usr/bin/env bash
# n-gram vs semantic-MiniLM vs semantic-ArcticXs stance bundles, side by side in one run.
#
# usage: bench/semantic-compare.sh [--out DIR] [--reps R] [--no-train]
#
#   --out DIR    where the bundles and logs go (default /tmp/newsstance-semantic-compare); never models/
#   --reps R     repetitions of each timed scoring run, interleaved; the median is reported (default 2)
#   --no-train   reuse the bundles already in DIR
#
# Trains the three bundles from training-data/ with the same seed (42) and the same held-out split,
# scores each on NewsMTSC dev-rw and dev-mt (../shared/eval, evaluation only), and times
# `newsstance score training-data/articles --format jsonl` with each bundle (and --rules-only), with a
# control of how much CPU two busy loops get right now. Prints a markdown table (docs/semantic-stance.md).
# Set NEWSSTANCE_EMBEDDING_CACHE=DIR to keep sentence vectors between runs (training only).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=/tmp/newsstance-semantic-compare; reps=2; train=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    --no-train) train=0 ;;
    -h|--help) sed -n "2,15p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "semantic-compare.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
eval_dir=../shared/eval/newsmtsc
[ -f "$eval_dir/dev-rw.csv" ] || { echo "semantic-compare.sh: $eval_dir/dev-rw.csv not found" >&2; exit 1; }
mkdir -p "$out"

# Others may be building the same solution: retry a failed build (often a file lock), then run private copies.
for project in Training Cli; do
  for attempt in 1 2 3 4 5; do
    if dotnet build -c Release "src/NewsStance.$project" -v quiet -nologo > "$out/build.log" 2>&1; then break; fi
    if [ "$attempt" -eq 5 ]; then cat "$out/build.log" >&2; exit 1; fi
    echo "   build of $project failed (attempt $attempt), retrying in 15 s"; sleep 15
  done
  rm -rf "$out/bin-$project"; cp -r "src/NewsStance.$project/bin/Release/net10.0" "$out/bin-$project"
done
trainer="$out/bin-Training/newsstance-train"
cli="$out/bin-Cli/newsstance"

data=training-data
if ! ls "$data"/articles/*.txt > /dev/null 2>&1; then
  echo "== $data/articles is empty: converting a temporary copy of the sources"
  rm -rf "$out/td"; mkdir -p "$out/td"; cp -r "$data/source" "$data/tools" "$out/td/"
  python3 "$out/td/tools/convert.py" --skip-broken > "$out/convert.log" 2>&1
  data="$out/td"
fi
articles=$(ls "$data"/articles/*.txt | wc -l)

bundles=(ngram minilm arcticxs)
declare -A features=([ngram]=ngram [minilm]=semantic-minilm [arcticxs]=semantic-arcticxs)
for b in "${bundles[@]}"; do
  if [ "$train" -eq 1 ]; then
    echo "== training $b (--features ${features[$b]})"
    /usr/bin/time -f "%e" -o "$out/train-$b.seconds" "$trainer" train --data "$data" --out "$out/$b" --seed 42 --features "${features[$b]}" > "$out/train-$b.log" 2>&1
  fi
  for d in rw mt; do
    "$trainer" evaluate --model "$out/$b" --data "$eval_dir/dev-$d.csv" --predictions "$out/pred-$b-$d.csv" > "$out/eval-$b-$d.log" 2>&1
    python3 ../shared/eval/score_stance.py --gold "$eval_dir/dev-$d.csv" --pred "$out/pred-$b-$d.csv" --json "$out/score-$b-$d.json" > "$out/score-$b-$d.txt"
  done
done

echo "== timing score on $articles articles, $reps repetition(s), interleaved"
: > "$out/speed.tsv"
for ((r = 1; r <= reps; r++)); do
  /usr/bin/time -f "%e %U %S" -o "$out/cpu" bash -c "for i in 1 2; do (timeout 1 sh -c 'while :; do :; done') & done; wait"
  echo -e "control\t$r\t$(cat "$out/cpu")" >> "$out/speed.tsv"
  for b in rules "${bundles[@]}"; do
    if [ "$b" = rules ]; then model=(--rules-only); else model=(--model "$out/$b"); fi
    /usr/bin/time -f "%e %U %S" -o "$out/cpu" "$cli" score "$data/articles" "${model[@]}" --format jsonl -o "$out/score-$b.jsonl" 2>> "$out/score.log"
    echo -e "$b\t$r\t$(cat "$out/cpu")" >> "$out/speed.tsv"
  done
done

python3 - "$out" "$articles" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import json, statistics, sys, os
out, n, load = sys.argv[1], int(sys.argv[2]), sys.argv[3]
speed = {}
for line in open(os.path.join(out, 'speed.tsv')):
    name, rep, wall, user, sys_ = line.split()
    speed.setdefault(name, []).append((float(wall), float(user) + float(sys_)))
def med(name, i): return statistics.median(x[i] for x in speed[name])
rows = []
for b, label in [('ngram', 'n-gram (`--features ngram`)'), ('minilm', 'semantic-MiniLM'), ('arcticxs', 'semantic-ArcticXs')]:
    st = json.load(open(os.path.join(out, b, 'manifest.json')))['stance']
    m = st['metrics']
    dev = {d: json.load(open(os.path.join(out, f'score-{b}-{d}.json'))) for d in ('rw', 'mt')}
    secs = open(os.path.join(out, f'train-{b}.seconds')).read().split()[-1] if os.path.exists(os.path.join(out, f'train-{b}.seconds')) else '?'
    wall, cpu = med(b, 0), med(b, 1)
    rows.append(f"| {label} | {m['cv_macro_f1']:.3f} ± {m['cv_macro_f1_sd']:.3f} | {m.get('test_macro_f1', 0):.3f} | "
                f"{dev['rw']['macro_f1']:.3f} | {dev['mt']['macro_f1']:.3f} | {n / wall:.1f} | {1000 * cpu / n:.0f} | {secs} |")
ctl = statistics.median(x[1] / x[0] for x in speed['control']) * 100
print(f"\n{n} articles; load average {load}; two busy loops got {ctl:.0f}% CPU (200% = both cores free)")
print(f"rules-only: {n / med('rules', 0):.1f} articles/s, {1000 * med('rules', 1) / n:.1f} CPU ms/article\n")
print("| bundle | CV macro-F1 (5 folds) | own held-out macro-F1 | NewsMTSC dev-rw macro-F1 | dev-mt macro-F1 | score articles/s | CPU ms/article | train s |")
print("|---|---|---|---|---|---|---|---|")
print("\n".join(rows))
EOF
