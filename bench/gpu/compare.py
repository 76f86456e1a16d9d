#!/usr/bin/env python3
"""Side-by-side of a G2rl.Bench CUDA sampler run and transformers_generate.py, from the JSON files in one folder.

usage: python3 compare.py DIR   (DIR holds sampler-cuda-*.json and transformers-generate.json); prints markdown and
writes DIR/comparison.md.
"""
import glob
import json
import os
import sys


def mib(b):
    return "—" if b is None else f"{b / 2**20:,.0f} MiB"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    dotnet_files = sorted(glob.glob(os.path.join(folder, "sampler-cuda-*.json")))
    if not dotnet_files:
        raise SystemExit(f"no sampler-cuda-*.json in {folder}")
    with open(dotnet_files[-1]) as f:
        g2rl = json.load(f)
    with open(os.path.join(folder, "transformers-generate.json")) as f:
        hf = json.load(f)
    h = hf["rows"][0]
    lines = [
        f"GPU: {g2rl['machine'].get('gpu') or hf['machine'].get('gpu')}; torch {hf['machine']['torch']}, "
        f"transformers {hf['machine']['transformers']} ({hf['machine']['attn_implementation']} attention, "
        f"{hf['machine']['cache_implementation']} cache); TorchSharp {g2rl['machine']['torch_sharp']}.",
        "",
        "| implementation | model | params | batch | new tokens | seconds (median) | tokens/s | vs transformers | peak GPU memory (nvidia-smi) | torch max allocated |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in g2rl["rows"]:
        if r["batch"] != h["batch"] or r["tokens"] != h["tokens"]:
            continue
        ratio = r["tokens_per_second"] / h["tokens_per_second"]
        lines.append(f"| G2rl BatchedSampler: {r['method']} | {r['model']} | {r['parameters']:,} | {r['batch']} | {r['tokens']} | "
                     f"{r['median_seconds']:.2f} | {r['tokens_per_second']:,.0f} | {ratio:.2f}× | {mib(r['peak_memory_bytes'])} | — |")
    lines.append(f"| {h['method']} | {h['model']} | {h['parameters']:,} | {h['batch']} | {h['tokens']} | "
                 f"{h['median_seconds']:.2f} | {h['tokens_per_second']:,.0f} | 1.00× | {mib(h['peak_memory_bytes'])} | "
                 f"{mib(h['max_memory_allocated_bytes'])} |")
    lines += ["", f"Sources: {os.path.basename(dotnet_files[-1])}, transformers-generate.json. nvidia-smi memory is the whole "
              "device's use (CUDA context, allocator reserve, tensors), polled every 100 ms, for both."]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(folder, "comparison.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
