#!/usr/bin/env bash
# Throughput of `newsstance worker` around a real RabbitMQ: 1 worker vs 2 workers, with models/fast.
#
# usage: bench/queue-throughput.sh [--count N] [--reps R] [--model NAME|DIR] [--keep]
#
#   --count N     articles per run (default 10000), copied round-robin from training-data/articles
#   --reps R      repetitions of every configuration; the median is reported (default 2)
#   --model M     the bundle the workers load (default fast)
#   --keep        keep the temporary folder (corpus, broker logs) and print its path
#
# Starts a private RabbitMQ node (Debian's rabbitmq-server: loopback only, its own ports, node name and
# data folder; stopped at the end with the epmd it started), builds the CLI in Release, and for every
# configuration, interleaved (so machine noise hits each alike), on fresh queues:
#   enqueue the N articles (timed: publisher confirms, persistent messages), then start W workers with
#   --exit-when-idle 2 and time until the last one exits, less the 2 s idle wait.
# Configurations: 1 worker × 1 thread, 2 workers × 1 thread, 1 worker × 2 threads; and, as the
# no-queue baseline, `score DIR --format jsonl` with 1 and 2 threads. Worker times include each
# process's start-up and model load (about 1 s), as a real fleet's would once per worker.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

count=10000; reps=2; model=fast; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift ;;
    --reps) reps="$2"; shift ;;
    --model) model="$2"; shift ;;
    --keep) keep=1 ;;
    -h|--help) sed -n "2,18p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "queue-throughput.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
rabbit=/usr/lib/rabbitmq/bin
[ -x "$rabbit/rabbitmq-server" ] || { echo "queue-throughput.sh: rabbitmq-server is not installed (apt-get install -y rabbitmq-server)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/newsstance-queue-bench.XXXXXX")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export HOME="$work/home" RABBITMQ_NODENAME="newsstance-bench-$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$(free_port) RABBITMQ_DIST_PORT=$(free_port) ERL_EPMD_PORT=$(free_port) ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$work/mnesia" RABBITMQ_LOG_BASE="$work/log" RABBITMQ_ENABLED_PLUGINS_FILE="$work/enabled_plugins" RABBITMQ_CONFIG_FILE="$work/rabbitmq"
mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"; echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
broker="amqp://guest:guest@127.0.0.1:$RABBITMQ_NODE_PORT/"
cleanup() {
  "$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q stop > /dev/null 2>&1 || true
  epmd -port "$ERL_EPMD_PORT" -kill > /dev/null 2>&1 || true
  if [ "$keep" -eq 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building src/NewsStance.Cli (Release)"
dotnet build -c Release src/NewsStance.Cli -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
cp -r src/NewsStance.Cli/bin/Release/net10.0 "$work/cli"
cli="$work/cli/newsstance"
case "$model" in */*) ;; *) model="models/$model" ;; esac
cp -r "$model" "$work/model"

echo "== starting RabbitMQ node $RABBITMQ_NODENAME on 127.0.0.1:$RABBITMQ_NODE_PORT"
"$rabbit/rabbitmq-server" > "$work/server.log" 2>&1 &
for i in $(seq 1 120); do
  "$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q await_startup --timeout 30 > /dev/null 2>&1 && break
  sleep 1
done
"$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q await_startup --timeout 5 > /dev/null

mapfile -t files < <(ls training-data/articles/*.txt | sort)
corpus="$work/corpus"; mkdir -p "$corpus"
for ((i = 0; i < count; i++)); do
  f=${files[i % ${#files[@]}]}
  cp "$f" "$corpus/$(printf 'r%03d' $((i / ${#files[@]})))-$(basename "$f")"
done
words=$(cat "$corpus"/*.txt | wc -w)
echo "== corpus: $count articles from ${#files[@]} in training-data/articles, $((words / count)) words each on average"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
# CPU time (ms) the broker's Erlang VM has used so far: what the broker costs per article.
beam=$("$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q eval 'os:getpid().' | tr -dc '0-9')
broker_cpu() { awk '{ print ($14 + $15) * 10 }' "/proc/$beam/stat"; }
declare -A runs cpus brokers
TIMEFORMAT='%U %S'
run_workers() { # workers threads rep
  local w=$1 t=$2 q="bench-$1x$2-$3" start end b0 cpu
  local opts=(--broker "$broker" --queue "$q.articles" --results-queue "$q.results" --dead-letter-queue "$q.dead")
  start=$(now); "$cli" enqueue "$corpus" "${opts[@]}" > /dev/null; end=$(now)
  runs["enqueue"]+="$(ms "$start" "$end") "
  b0=$(broker_cpu); start=$(now)
  # `time` of the group: wall clock here, and the user + sys CPU of every worker it waited for.
  cpu=$( { time { for ((k = 0; k < w; k++)); do "$cli" worker --model "$work/model" --threads "$t" --exit-when-idle 2 "${opts[@]}" 2>> "$work/workers.log" & done; wait; } ; } 2>&1 )
  end=$(now)
  local name="$w worker(s) x $t thread(s)"
  runs["$name"]+="$(( $(ms "$start" "$end") - 2000 )) "
  cpus["$name"]+="$(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }') "
  brokers["$name"]+="$(( $(broker_cpu) - b0 )) "
  local done_count
  done_count=$("$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q list_queues name messages | awk -v q="$q.results" '$1 == q { print $2 }')
  [ "$done_count" -ge "$count" ] || echo "!! $w x $t: $done_count results for $count articles" >&2
  "$rabbit/rabbitmqctl" -n "$RABBITMQ_NODENAME" -q delete_queue "$q.results" > /dev/null
}
run_score() { # threads
  local start end cpu name="score (no queue) x $1 thread(s)"; start=$(now)
  cpu=$( { time "$cli" score "$corpus" --model "$work/model" --format jsonl --threads "$1" > /dev/null 2>> "$work/score.log" ; } 2>&1 ); end=$(now)
  runs["$name"]+="$(ms "$start" "$end") "
  cpus["$name"]+="$(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }') "
  brokers["$name"]+="0 "
}
# Control for a shared machine: the CPU two plain busy loops get for 1 s (200 % = both cores free).
control() { local c; c=$( { time { for i in 1 2; do (timeout 1 sh -c 'while :; do :; done') & done; wait; } ; } 2>&1 ); echo "$c" | awk '{ printf "%d", ($1 + $2) * 100 }'; }
for ((r = 1; r <= reps; r++)); do
  echo "== repetition $r of $reps"
  runs["control"]+="$(control) "
  run_workers 1 1 "$r"; run_workers 2 1 "$r"; run_workers 1 2 "$r"; run_score 1; run_score 2
done

median() { tr ' ' '\n' | awk 'NF' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '\n%-34s %9s %11s %14s %14s   %s\n' "run ($count articles, $(basename "$model"))" "median s" "articles/s" "worker CPU ms" "broker CPU ms" "all runs (ms)"
printf '%-34s %9s %11s %14s %14s   %s\n' "" "" "" "per article" "per article" ""
for name in "enqueue" "1 worker(s) x 1 thread(s)" "2 worker(s) x 1 thread(s)" "1 worker(s) x 2 thread(s)" "score (no queue) x 1 thread(s)" "score (no queue) x 2 thread(s)"; do
  m=$(echo "${runs[$name]}" | median)
  c=$(echo "${cpus[$name]:-}" | median); b=$(echo "${brokers[$name]:-}" | median)
  awk -v n="$name" -v m="$m" -v k="$count" -v c="$c" -v b="$b" -v all="${runs[$name]}" 'BEGIN {
    printf "%-34s %9.1f %11.0f %14s %14s   %s\n", n, m / 1000, k / (m / 1000), c == "" || c == 0 ? "" : sprintf("%.2f", c / k), b == "" || b == 0 ? "" : sprintf("%.2f", b / k), all }'
done
echo "control: 2 busy loops got $(echo "${runs[control]}" | tr ' ' '\n' | awk 'NF' | sed 's/$/ %/' | paste -sd, -) of the CPU (200 % = both cores free)"
echo "(load average now: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
