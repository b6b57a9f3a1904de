#!/usr/bin/env bash
# Measures NewsStance on the real, human-annotated dev sets in ../shared/eval (never committed, never trained on).
# usage: bench/accuracy.sh [MODEL_DIR]   (default models/default; also scores --rules-only for the attribution baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-models/default}"
eval_dir="${NEWSSTANCE_EVAL:-../shared/eval}"
out="$(mktemp -d)"
for p in src/NewsStance.Cli src/NewsStance.Training; do dotnet build -c Release "$p" -v q -nologo >/dev/null; done
cli() { dotnet run -c Release --no-build --project src/NewsStance.Cli -- "$@"; }
train() { dotnet run -c Release --no-build --project src/NewsStance.Training -- "$@"; }

for mode in rules model; do
  if [ "$mode" = rules ]; then args=(--rules-only); else args=(--model "$model"); fi
  cli score "$eval_dir/polnear/dev/articles" --format jsonl "${args[@]}" > "$out/polnear-$mode.jsonl"
  echo "== PolNeAR dev, attribution ($mode)"
  python3 "$eval_dir/score_attribution.py" --gold "$eval_dir/polnear/dev/gold.csv" \
      --articles "$eval_dir/polnear/dev/articles" --pred "$out/polnear-$mode.jsonl"
done
for set in dev-rw dev-mt; do
  train evaluate --model "$model" --data "$eval_dir/newsmtsc/$set.csv" --predictions "$out/$set.csv" > /dev/null
  echo "== NewsMTSC $set, stance ($model)"
  python3 "$eval_dir/score_stance.py" --gold "$eval_dir/newsmtsc/$set.csv" --pred "$out/$set.csv"
done
echo "(outputs in $out)"
