#!/usr/bin/env bash
# GPU side-by-side: G2rl.Bench (TorchSharp, KV-cache BatchedSampler) vs transformers generate(), same random Qwen3 shape.
#
#   bash bench/gpu/run.sh [BENCH_DLL] [OUT_DIR]
#
# BENCH_DLL  the published bench (default .device/app/G2rl.Bench.dll, made here by
#            `bash ../shared/tools/device-prepare.sh bench/G2rl.Bench/G2rl.Bench.csproj`)
# OUT_DIR    where the JSON, logs and comparison.md go (default $OUT when set, else bench/results/gpu)
# Environment: BATCH (64), PROMPT (128), NEW_TOKENS (256), REPS (3), MODEL (qwen3-1.7b), DTYPE (bfloat16),
#   ENTER (the device-prepare enter.sh; default: enter.sh beside the app folder; unset or missing: `dotnet` from PATH).
# Run from the repository root. Both programs run one after the other, each with one warm-up and REPS timed calls.
set -euo pipefail
dll=${1:-.device/app/G2rl.Bench.dll}
out=${2:-${OUT:-bench/results/gpu}}
here=$(cd "$(dirname "$0")" && pwd)
batch=${BATCH:-64} prompt=${PROMPT:-128} new=${NEW_TOKENS:-256} reps=${REPS:-3} model=${MODEL:-qwen3-1.7b} dtype=${DTYPE:-bfloat16}
[[ -f "$dll" ]] || { echo "run.sh: $dll not found (publish it with device-prepare.sh, see bench/README.md)" >&2; exit 2; }
mkdir -p "$out"
enter=${ENTER:-$(dirname "$dll")/../enter.sh}
runner=()
[[ -f "$enter" ]] && runner=(bash "$enter")

echo "== G2rl.Bench sampler ($model, $dtype, batch $batch, prompt $prompt, $new new tokens, $reps reps)"
"${runner[@]}" dotnet "$dll" sampler --device cuda --dtype "$dtype" --models "$model" --batches "$batch" \
  --prompt "$prompt" --new-tokens "$new" --reps "$reps" --methods sample --out "$out" --docs none 2>&1 | tee "$out/g2rl-bench.log"

echo "== transformers generate (same shape and settings)"
shape=()
if [[ "$model" == tiny-random ]]; then
  shape=(--vocab 384 --hidden 64 --ffn 128 --layers 2 --heads 4 --kv-heads 2 --head-dim 16 --max-positions 4096)
fi
PYTHONUNBUFFERED=1 python3 "$here/transformers_generate.py" "${shape[@]}" --dtype "$dtype" --batch "$batch" --prompt "$prompt" \
  --new-tokens "$new" --reps "$reps" --out "$out/transformers-generate.json" 2>&1 | tee "$out/transformers.log"

echo "== side by side"
python3 "$here/compare.py" "$out"
