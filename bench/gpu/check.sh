#!/usr/bin/env bash
# The CUDA check of issue 12: one script, one run on a lent GPU (about 8 minutes on an H200), everything under $OUT.
#   here:        bash bench/gpu/prepare.sh
#   GPU machine: bash .device/enter.sh bash bench/gpu/check.sh        (device tool: carry [".device"])
# Steps (each bounded by `timeout`, stdout to $OUT/NAME.log, stderr to $OUT/NAME.err; a failure is recorded and the next
# step runs):
#   (a) abi        libtorch ABI: symbols libLibTorchSharp.so imports that PyTorch's libs do not define (abi-check.sh)
#   (b) gpucheck   the CUDA-trait checks: G2rl.GpuCheck.dll (self-hosted xunit v3; CUDA vs CPU, fixtures, AdamW, sampling)
#   (c) score      `g2rl score --device cuda` on the fixtures vs their transformers token log-probs (float32; bf16 checkpoint)
#   (d) train      5 steps of `g2rl train` in bf16 on the tiny random fixture Qwen3 with G2RL, resumed to 7, vs 7 straight
#   (e) sampler    G2rl.Bench sampler, Qwen3-1.7B shape, B64/P128/N256, vs transformers generate; then 256 rows × 1,024
#                  new tokens with continuous batching (--max-num-seqs $MAX_NUM_SEQS) when the bench has that option
#   (f) trainstep  one training step of the 1.7B shape, 16 × 512 tokens: G2rl.Bench trainstep vs torch_train_step.py
#   (g) plan       `g2rl plan` estimates for (e) and (f), next to the measured peaks
# Then summary.py prints one table (targets: rollout ≥ 3× transformers, train step ≥ 0.9× PyTorch eager, plan within
# 15% of the measured peak) and writes $OUT/summary.md and $OUT/summary.json.
# Environment: OUT (default bench/results/gpu-check), APP (.device/app), MAX_NUM_SEQS (64), REPS (3), SKIP (steps to skip,
# e.g. "e f"), PYTHON (python3).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-bench/results/gpu-check}
app=${APP:-.device/app}
reps=${REPS:-3}
seqs=${MAX_NUM_SEQS:-64}
py=${PYTHON:-python3}
here=bench/gpu
mkdir -p "$out"
status="$out/status.tsv"
: > "$status"
start_all=$SECONDS

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$status"; }
skipped() { [[ " ${SKIP:-} " == *" $1 "* ]]; }
step() { # step NAME SECONDS command...: runs with a timeout, logs to $out/NAME.log, records rc and seconds
  local name=$1 limit=$2
  shift 2
  if skipped "$name"; then record "$name" skipped 0; return 0; fi
  local t0=$SECONDS
  echo "== $name (limit ${limit}s): $*" >&2
  timeout --kill-after=10 "$limit" "$@" > "$out/$name.log" 2> "$out/$name.err"
  local rc=$?
  record "$name" "$rc" $((SECONDS - t0))
  tail -n 2 "$out/$name.log" | sed "s/^/   $name: /" >&2
  tail -n 2 "$out/$name.err" | sed "s/^/   $name (stderr): /" >&2
  return $rc
}

g2rl=(dotnet "$app/g2rl.dll")
bench=(dotnet "$app/G2rl.Bench.dll")
[[ -f "$app/g2rl.dll" && -f "$app/G2rl.Bench.dll" && -f "$app/G2rl.GpuCheck.dll" ]] \
  || { echo "check.sh: $app lacks g2rl.dll / G2rl.Bench.dll / G2rl.GpuCheck.dll: run bash bench/gpu/prepare.sh first" >&2; exit 2; }
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader; "$py" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'; } > "$out/machine.txt" 2>&1

# (a) ABI
shim=$(find "$app" -name libLibTorchSharp.so | head -n 1)
step abi 60 bash "$here/abi-check.sh" "$shim" "${G2RL_LIBTORCH:-}" "$out/abi-check.txt"

# (b) CUDA checks (xunit v3 in-process runner; -xml for the summary)
step gpucheck 180 env G2RL_TF32=0 dotnet "$app/G2rl.GpuCheck.dll" -trait "Category=Cuda" -xml "$out/gpucheck.xml" -noColor

# (b) and (c) compare float32 CUDA with CPU/transformers at 1e-4, so TF32 (on by default for CUDA float32 matmuls, ~1e-3) is off there.
# (c) score on CUDA vs the fixtures (transformers float32 token log-probs; bf16 checkpoint vs logits_from_bf16_weights)
fx=tests/G2rl.Tests/fixtures
"$py" - "$fx/tiny-qwen3-tied/expected.json" "$out/score-input.json" <<'EOF'
import json, sys
e = json.load(open(sys.argv[1]))
json.dump({"input_ids": e["input_ids"], "attention_mask": e["attention_mask"]}, open(sys.argv[2], "w"))
EOF
step score-fp32 120 env G2RL_TF32=0 "${g2rl[@]}" score --model "$fx/tiny-qwen3-tied" --input "$out/score-input.json" --device cuda --dtype float32
cp "$out/score-fp32.log" "$out/score-fp32.json" 2>/dev/null
step score-bf16 120 env G2RL_TF32=0 "${g2rl[@]}" score --model "$fx/tiny-qwen3-tied-bf16" --input "$out/score-input.json" --device cuda --dtype float32
cp "$out/score-bf16.log" "$out/score-bf16.json" 2>/dev/null

# (d) train 5 steps + resume to 7, against 7 straight (bf16, G2RL, tiny random fixture model with a character tokenizer)
tm="$out/train-model"
rm -rf "$tm" "$out/train-a" "$out/train-b" && mkdir -p "$tm"
cp "$fx/tiny-qwen3-tied/"{config.json,generation_config.json,model.safetensors} "$here/train-model/"tokenizer*.json "$tm/"
"$py" -c "
import json
with open('$tm/problems.jsonl', 'w') as f:
    for i in range(16): f.write(json.dumps({'id': f'q{i}', 'question': f'{i}+{i}=?', 'answer': str(2 * i)}) + '\n')"
cat > "$out/train.yaml" <<EOF
model: { path: "$tm", dtype: bfloat16, device: cuda }
data: { train: ["$tm/problems.jsonl"], eval: [], template: "{question}" }
rollout: { group_size: 4, prompts_per_step: 4, max_new_tokens: 8 }
optim: { lr: 1.0e-3 }
exploration: { method: g2rl }
checkpoint: { every: 5, keep_last: 2 }
run: { steps: 5, seed: 11 }
EOF
step train-5 150 "${g2rl[@]}" train --config "$out/train.yaml" --set "run.output_dir=$out/train-b"
step train-resume 120 "${g2rl[@]}" train --config "$out/train.yaml" --set "run.output_dir=$out/train-b" --set run.steps=7 --resume "$out/train-b"
step train-straight 150 "${g2rl[@]}" train --config "$out/train.yaml" --set "run.output_dir=$out/train-a" --set run.steps=7

# (g) plans for (e) and (f): the published 1.7B config.json, no weights
pm="$out/plan-model" && mkdir -p "$pm" && cp "$fx/published-configs/Qwen3-1.7B-Base/config.json" "$pm/"
plan() { # plan NAME ARGS...: the 1.7B plan of a bare config with the given overrides
  local name=$1
  shift
  printf 'model: { path: "%s", dtype: bfloat16, device: cuda }\ndata: { train: [math_train] }\nloss: { kl_coef: 0 }\nexploration: { method: none }\n' "$pm" > "$out/plan-$name.yaml"
  step "plan-$name" 60 "${g2rl[@]}" plan --config "$out/plan-$name.yaml" --device-memory-gb 141 "$@"
  cp "$out/plan-$name.log" "$out/plan-$name.json" 2>/dev/null
}
plan sampler --prompt-tokens 128 --set rollout.prompts_per_step=64 --set rollout.group_size=1 --set rollout.max_new_tokens=256 --set rollout.max_num_seqs=64
plan continuous --prompt-tokens 128 --set rollout.prompts_per_step=256 --set rollout.group_size=1 --set rollout.max_new_tokens=1024 --set "rollout.max_num_seqs=$seqs"
plan trainstep --prompt-tokens 256 --set rollout.prompts_per_step=16 --set rollout.group_size=1 --set rollout.max_new_tokens=256 --set batch.max_tokens_per_micro_batch=8192

# (e) rollout throughput vs transformers, then continuous batching
step sampler 240 "${bench[@]}" sampler --device cuda --dtype bfloat16 --models qwen3-1.7b --batches 64 --prompt 128 \
  --new-tokens 256 --reps "$reps" --methods sample --out "$out/sampler" --docs none
step transformers 240 "$py" "$here/transformers_generate.py" --dtype bfloat16 --batch 64 --prompt 128 --new-tokens 256 \
  --reps "$reps" --out "$out/transformers-generate.json"
if "${bench[@]}" --help 2>/dev/null | grep -q -- '--max-num-seqs'; then
  step continuous 300 "${bench[@]}" sampler --device cuda --dtype bfloat16 --models qwen3-1.7b --batches 256 --prompt 128 \
    --new-tokens 1024 --max-num-seqs "$seqs" --reps 1 --methods sample --out "$out/continuous" --docs none
else
  record continuous "unavailable: this G2rl.Bench has no --max-num-seqs" 0
fi

# (f) one training step vs PyTorch eager
step trainstep 240 "${bench[@]}" trainstep --device cuda --dtype bfloat16 --model qwen3-1.7b --batch 16 --tokens 512 \
  --reps "$reps" --out "$out/trainstep"
step torch-trainstep 240 "$py" "$here/torch_train_step.py" --dtype bfloat16 --batch 16 --tokens 512 --reps "$reps" \
  --out "$out/torch-train-step.json"

echo "== total $((SECONDS - start_all)) s" >&2
"$py" "$here/summary.py" "$out"
