#!/usr/bin/env bash
# Whole-process throughput of `newsstance score` on a folder of a few thousand articles.
#
# usage: bench/throughput.sh [--quick] [--count N] [--reps R] [--threads "1 2"] [--source DIR] [--models "DIR ..."]
#                            [--before REF] [--compromise] [--jit] [--keep]
#
#   --quick       400 articles, 1 repetition (a smoke run of about a minute)
#   --count N     articles in the corpus (default 4000)
#   --reps R      repetitions of every run; the median is reported (default 3)
#   --threads L   the --threads values to compare (default "1 <cores>")
#   --source DIR  where the articles come from (default training-data/articles, the project's corpus)
#   --models L    the bundle folders to time (default models/default and models/fast), e.g. an old and a
#                 new bundle side by side in one run
#   --before REF  also time the CLI as built from git commit REF (archived and built in the temp folder), with
#                 the same bundles: before and after a change in one run
#   --compromise  also time compromise.js (bench/compromise/quotes.js: sentences and quotations of the same
#                 articles in one node process; needs node and npm, installs its package-lock once) and print
#                 each run's articles/s as a multiple of compromise.js's
#   --jit         also time rules-only with DOTNET_TieredCompilation=0 (JIT warm-up cost of a short run)
#   --keep        keep the temporary corpus folder and print its path
#
# Publishes the CLI in Release for this machine (as the tool package installs it), copies the source articles round-robin into a temp folder under unique
# names until there are N, then times, side by side and interleaved (so machine noise hits every
# configuration alike):
#   cat            `cat` of the same files into /dev/null: the floor for reading them
#   control        1 and 2 plain shell busy loops for 1 s: how many cores are free right now
#   startup        `score` of one article: process start, JIT and model load, paid once per run
#   rules-only     `score DIR --format jsonl --rules-only > /dev/null`, per --threads value
#   model          the same with each shipped bundle (stance on): models/default (semantic stance) and
#                  models/fast (n-gram stance), each when it exists and loads
#   before         (--before) the model runs again with the CLI of commit REF
#   compromise.js  (--compromise) `node bench/compromise/quotes.js DIR > /dev/null`
# and prints, per run, the median wall-clock time, articles/s, "net" articles/s (less the startup run's
# time), MB/s and the time as a multiple of `cat`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count=4000; reps=3; threads=""; source=""; keep=0; jit=0; models="models/default models/fast"; before=""; compromise=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) count=400; reps=1 ;;
    --count) count="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --source) source="$2"; shift ;;
    --models) models="$2"; shift ;;
    --before) before="$2"; shift ;;
    --compromise) compromise=1 ;;
    --jit) jit=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n "2,34p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "throughput.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
cores=$(nproc 2>/dev/null || echo 1)
[ -n "$threads" ] || threads=$(printf '%s\n' 1 "$cores" | sort -nu | tr '\n' ' ')

work=$(mktemp -d "${TMPDIR:-/tmp}/newsstance-throughput.XXXXXX")
log="$work/stderr.log"
cleanup() { if [ "$keep" -eq 1 ]; then echo "corpus kept in $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

# --- build -----------------------------------------------------------------------------------
# What is timed is what the tool package installs on this machine: the CLI published for this
# machine's runtime identifier (ReadyToRun where the project asks for it, NewsStance.Cli.csproj), not
# the portable build `dotnet run` uses. Each is published into the temp folder, so a rebuild elsewhere
# during the measurement cannot change what is being timed.
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
[ -n "$rid" ] || { echo "throughput.sh: no RID in 'dotnet --info'" >&2; exit 1; }
publish() { # publish SRC_ROOT OUT LOG: Others may be building the same solution: on a failure (often a file lock), wait and retry.
  for attempt in 1 2 3 4 5; do
    if dotnet publish -c Release -r "$rid" --self-contained false "$1/src/NewsStance.Cli" -o "$2" -v quiet -nologo > "$3" 2>&1; then return 0; fi
    if [ "$attempt" -eq 5 ]; then cat "$3" >&2; echo "publish of $1 failed" >&2; exit 1; fi
    echo "   publish failed (attempt $attempt), retrying in 15 s"; sleep 15
  done
}
echo "== publishing src/NewsStance.Cli (Release, $rid)"
publish . "$work/cli" "$work/build.log"
cli="$work/cli/newsstance"
[ -x "$cli" ] || { echo "throughput.sh: $cli not found after publishing" >&2; exit 1; }
if [ -n "$before" ]; then
  echo "== publishing the CLI of $before (Release, $rid)"
  mkdir -p "$work/before-src"
  git archive "$before" | tar -x -C "$work/before-src"
  publish "$work/before-src" "$work/cli-before" "$work/build-before.log"
  cli_before="$work/cli-before/newsstance"
fi
if [ "$compromise" -eq 1 ]; then
  command -v node > /dev/null || { echo "throughput.sh: --compromise needs node" >&2; exit 1; }
  if [ ! -d bench/compromise/node_modules ]; then
    echo "== installing compromise.js (npm ci in bench/compromise)"
    (cd bench/compromise && npm ci --no-audit --no-fund > "$work/npm.log" 2>&1) || { cat "$work/npm.log" >&2; exit 1; }
  fi
fi
bundles=()
for m in $models; do
  b=$(echo "$m" | sed 's|/*$||; s|^models/||; s|/|_|g')
  bundles+=("$b")
  [ -f "$m/manifest.json" ] && cp -r "$m" "$work/model-$b"
done

# --- corpus ----------------------------------------------------------------------------------
if [ -z "$source" ]; then
  source=training-data/articles
  if ! ls "$source"/*.txt > /dev/null 2>&1; then
    # The corpus is generated from its marked-up sources; convert a temporary copy, never the repo's.
    echo "== $source is empty: converting training-data/source in a temporary copy"
    mkdir -p "$work/td"
    cp -r training-data/source training-data/tools "$work/td/"
    python3 "$work/td/tools/convert.py" --skip-broken > "$work/convert.log" 2>&1 || { cat "$work/convert.log" >&2; exit 1; }
    source="$work/td/articles"
  fi
fi
mapfile -t files < <(ls "$source"/*.txt 2>/dev/null | sort)
[ "${#files[@]}" -gt 0 ] || { echo "throughput.sh: no *.txt articles in $source" >&2; exit 1; }

corpus="$work/corpus"
mkdir -p "$corpus"
echo "== corpus: $count articles from ${#files[@]} in $source"
for ((i = 0; i < count; i++)); do
  f=${files[i % ${#files[@]}]}
  cp "$f" "$corpus/$(printf 'r%02d' $((i / ${#files[@]})))-$(basename "$f")"
done
one="$work/one"; mkdir -p "$one"; cp "${files[0]}" "$one/"
bytes=$(cat "$corpus"/*.txt | wc -c)
words=$(cat "$corpus"/*.txt | wc -w)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
mean_words=$(awk -v w="$words" -v n="$count" 'BEGIN { printf "%.0f", w / n }')
mean_kb=$(awk -v b="$bytes" -v n="$count" 'BEGIN { printf "%.1f", b / n / 1024 }')

# --- runs ------------------------------------------------------------------------------------
names=(); cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "cat (floor)|-" "cat $corpus/*.txt"
# Control for a shared machine: the CPU that T plain busy loops get right now. If 2 loops get ~100%,
# the machine has one free core and --threads 2 cannot show scaling, whatever the program does.
for t in $threads; do add "control: $t busy loop(s), 1 s|$t" "for i in \$(seq $t); do (timeout 1 sh -c 'while :; do :; done') & done; wait"; done
add "startup: score 1 article, rules-only|1" "$cli score $one --format jsonl --rules-only"
for t in $threads; do add "score --rules-only|$t" "$cli score $corpus --format jsonl --rules-only --threads $t"; done
if [ "$jit" -eq 1 ]; then
  for t in $threads; do add "score --rules-only, TieredCompilation=0|$t" "DOTNET_TieredCompilation=0 $cli score $corpus --format jsonl --rules-only --threads $t"; done
fi
for b in "${bundles[@]}"; do
  model="$work/model-$b"
  if [ ! -f "$model/manifest.json" ]; then
    echo "== $b not found: its runs skipped (train it with the README's training command)"; continue
  fi
  if ! "$cli" score "$one" --format jsonl --model "$model" > /dev/null 2> "$work/model-$b.log"; then
    echo "== $b does not load, its runs skipped: $(head -1 "$work/model-$b.log")"; continue
  fi
  add "startup: score 1 article, $b|1" "$cli score $one --format jsonl --model $model"
  for t in $threads; do add "score, $b (stance on)|$t" "$cli score $corpus --format jsonl --model $model --threads $t"; done
  if [ -n "$before" ]; then
    add "startup: score 1 article, $b, $before|1" "$cli_before score $one --format jsonl --model $model"
    for t in $threads; do add "score, $b (stance on), $before|$t" "$cli_before score $corpus --format jsonl --model $model --threads $t"; done
  fi
done
if [ "$compromise" -eq 1 ]; then
  add "startup: compromise.js, 1 article|1" "node bench/compromise/quotes.js $one"
  add "compromise.js (sentences + quotations)|1" "node bench/compromise/quotes.js $corpus"
fi

# Warm the page cache and the CLI once, so every timed run starts alike.
cat "$corpus"/*.txt > /dev/null
"$cli" score "$one" --format jsonl --rules-only > /dev/null 2>> "$log"

# Check once that the CLI scores every article: one JSON line per input.
lines=$("$cli" score "$corpus" --format jsonl --rules-only 2>> "$log" | wc -l)
[ "$lines" -eq "$count" ] || echo "!! rules-only run wrote $lines JSON lines for $count articles (see below)" >&2

# Wall clock decides articles/s; CPU time (user + sys, from GNU time when present) shows whether a
# second thread got a second core: on a shared machine a busy neighbour, not the program, may be why not.
declare -A times cpus
now() { date +%s%N; }
gnutime=$(command -v /usr/bin/time || true)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
echo "== timing ${#names[@]} runs x $reps, interleaved"
for ((r = 1; r <= reps; r++)); do
  for i in "${!names[@]}"; do
    t0=$(now)
    if [ -n "$gnutime" ]; then
      ok=1; "$gnutime" -f "%U %S" -o "$work/cpu" bash -c "${cmds[$i]}" > /dev/null 2>> "$log" || ok=0
    else
      ok=1; bash -c "${cmds[$i]}" > /dev/null 2>> "$log" || ok=0
    fi
    t1=$(now)
    if [ "$ok" -eq 0 ]; then echo "!! run failed: ${cmds[$i]}" >&2; tail -5 "$log" >&2; exit 1; fi
    times[$i]+="$(( (t1 - t0) / 1000000 )) "
    [ -n "$gnutime" ] && cpus[$i]+="$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu") "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# --- report ----------------------------------------------------------------------------------
echo
echo "corpus: $count articles, $mb MB, mean $mean_words words ($mean_kb KB) per article"
echo "machine: $cores cores, $(uname -sm); load average $load_before before, $load_after after"
echo "median of $reps run(s); cpu % = (user + sys) / wall, 100 per busy core; cpu ms/a = (user + sys) per article"
echo
cat_ms=$(echo "${times[0]}" | median)
startup_ms=0
fmt='%-40s %7s %8s %10s %10s %7s %6s %6s %9s\n'
printf "$fmt" "run" "threads" "time s" "articles/s" "net art/s" "MB/s" "x cat" "cpu %" "cpu ms/a"
printf "$fmt" "----------------------------------------" "-------" "--------" "----------" "----------" "-------" "------" "------" "---------"
for i in "${!names[@]}"; do
  IFS='|' read -r name t <<< "${names[$i]}"
  ms=$(echo "${times[$i]}" | median)
  cpu=$( [ -n "${cpus[$i]:-}" ] && echo "${cpus[$i]}" | median || echo "")
  # net art/s: the run less the startup run measured just above it (process start, JIT, model load).
  [[ "$name" == startup* ]] && startup_ms=$ms
  awk -v fmt="$fmt" -v name="$name" -v t="$t" -v ms="$ms" -v cpu="$cpu" -v n="$count" -v mb="$mb" -v cat="$cat_ms" \
      -v st="$startup_ms" -v startup="$([[ "$name" == startup* || "$name" == control* ]] && echo 1 || echo 0)" 'BEGIN {
    s = ms / 1000; if (s <= 0) s = 0.001; net = (ms - st) / 1000; if (net <= 0) net = 0.001
    c = (cpu == "" ? "-" : sprintf("%.0f", 100 * cpu / (ms > 0 ? ms : 1)))
    cpa = (cpu == "" ? "-" : sprintf("%.2f", cpu / n))
    if (startup) printf fmt, name, t, sprintf("%.2f", s), "-", "-", "-", "-", c, "-"
    else printf fmt, name, t, sprintf("%.2f", s), sprintf("%.0f", n / s), (st > 0 ? sprintf("%.0f", n / net) : "-"),
                sprintf("%.1f", mb / s), sprintf("%.0f", (cat > 0 ? ms / cat : 0)), c, cpa }'
done
# Each run against compromise.js: the same articles, so articles/s divide as the inverse of the times.
comp=""
for i in "${!names[@]}"; do [[ "${names[$i]}" == "compromise.js (sentences + quotations)|1" ]] && comp=$i; done
if [ -n "$comp" ]; then
  comp_ms=$(echo "${times[$comp]}" | median)
  echo
  echo "articles/s as a multiple of compromise.js's ($(awk -v n="$count" -v ms="$comp_ms" 'BEGIN { printf "%.0f", n / (ms > 0 ? ms : 1) * 1000 }') articles/s), median times:"
  for i in "${!names[@]}"; do
    IFS='|' read -r name t <<< "${names[$i]}"
    [[ "$name" == score* ]] || continue
    awk -v name="$name" -v t="$t" -v a="$(echo "${times[$i]}" | median)" -v c="$comp_ms" 'BEGIN { printf "  %-50s threads %s  %6.1fx\n", name, t, (a > 0 ? c / a : 0) }'
  done
fi
# Scaling, repetition by repetition: the two --threads runs of a kind ran one after the other, so
# their ratio is fairer than a ratio of medians; the control says how many cores were free then.
tlist=($threads)
if [ "${#tlist[@]}" -ge 2 ]; then
  lo=${tlist[0]}; hi=${tlist[${#tlist[@]} - 1]}
  idx() { for i in "${!names[@]}"; do [ "${names[$i]}" == "$1" ] && echo "$i" && return 0; done; return 0; }
  echo
  echo "scaling per repetition: wall time at --threads $lo / at --threads $hi (>1 = faster with more threads)"
  ctl=$(idx "control: $hi busy loop(s), 1 s|$hi")
  for ((r = 1; r <= reps; r++)); do
    line=$(printf '  rep %d: %d busy loops got %3s%% CPU' "$r" "$hi" \
      "$(awk -v w="$(echo "${times[$ctl]}" | cut -d' ' -f"$r")" -v c="$(echo "${cpus[$ctl]:-0 0 0 0 0 0 0 0 0}" | cut -d' ' -f"$r")" 'BEGIN { printf "%.0f", (w > 0 ? 100 * c / w : 0) }')")
    for kind in "score --rules-only" "score --rules-only, TieredCompilation=0" "score, default (stance on)" "score, fast (stance on)"; do
      a=$(idx "$kind|$lo"); b=$(idx "$kind|$hi")
      [ -n "$a" ] && [ -n "$b" ] || continue
      line+=$(awk -v k="$kind" -v x="$(echo "${times[$a]}" | cut -d' ' -f"$r")" -v y="$(echo "${times[$b]}" | cut -d' ' -f"$r")" \
        'BEGIN { sub(/^score,? ?/, "", k); if (k == "") k = "rules"; printf ";  %s %.2fx", k, (y > 0 ? x / y : 0) }')
    done
    echo "$line"
  done
fi

echo
echo "raw ms per run (wall / cpu):"
for i in "${!names[@]}"; do echo "  ${names[$i]%%|*} [${names[$i]##*|}]: ${times[$i]}/ ${cpus[$i]:-}"; done
if [ -s "$log" ]; then echo; echo "stderr (first lines):"; sort "$log" | uniq -c | sort -rn | head -5; fi
