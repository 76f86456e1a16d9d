#!/usr/bin/env python3
"""Throughput of transformers' generate() on a randomly initialised Qwen3, for a side-by-side ratio with G2rl.Bench.

Same shape, dtype, batch, prompt length, new tokens and sampling as `G2rl.Bench sampler --device cuda` (Qwen3-1.7B
shape, bfloat16, batch 64, 128-token random prompts, 256 new tokens, do_sample with temperature 1, top-p 1 and top-k
off, EOS disabled so every row generates all tokens). One warm-up, then the median of --reps timed calls.

Peak memory is reported two ways: torch.cuda.max_memory_allocated / max_memory_reserved (live tensors / allocator
reserve), and the peak of `nvidia-smi --query-gpu=memory.used` polled every 100 ms, which is what G2rl.Bench can
measure (TorchSharp exposes no allocator statistics), so only the nvidia-smi figures compare like with like.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--vocab", type=int, default=151936)
    p.add_argument("--hidden", type=int, default=2048)
    p.add_argument("--ffn", type=int, default=6144)
    p.add_argument("--layers", type=int, default=28)
    p.add_argument("--heads", type=int, default=16)
    p.add_argument("--kv-heads", type=int, default=8)
    p.add_argument("--head-dim", type=int, default=128)
    p.add_argument("--untied", action="store_true", help="separate lm_head (Qwen3-1.7B ties it)")
    p.add_argument("--max-positions", type=int, default=40960)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--prompt", type=int, default=128)
    p.add_argument("--new-tokens", type=int, default=256)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--temperature", type=float, default=1.0)
    p.add_argument("--top-p", type=float, default=1.0)
    p.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"])
    p.add_argument("--device", default="cuda")
    p.add_argument("--attn", default="sdpa", help="attn_implementation (sdpa, eager, flash_attention_2 if installed)")
    p.add_argument("--cache-implementation", default=None, help="e.g. static; default: transformers' dynamic cache")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--out", default=None, help="JSON results file")
    return p.parse_args()


class NvidiaSmiPeak:
    """Polls nvidia-smi memory.used (MiB) every 100 ms in a child process and keeps the maximum since reset()."""

    def __init__(self, index):
        self.last = None
        self.peak = None
        self.lock = threading.Lock()
        try:
            self.proc = subprocess.Popen(
                ["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", str(index), "-lms", "100"],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        except FileNotFoundError:
            self.proc = None
            return
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                mib = int(line.strip())
            except ValueError:
                continue
            with self.lock:
                self.last = mib
                self.peak = mib if self.peak is None else max(self.peak, mib)

    def reset(self):
        with self.lock:
            self.peak = self.last

    def peak_bytes(self):
        time.sleep(0.25)
        with self.lock:
            return None if self.peak is None else self.peak * 1024 * 1024

    def close(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()


def physical_gpu_index(device):
    index = int(device.split(":", 1)[1]) if ":" in device else 0
    visible = [v.strip() for v in os.environ.get("CUDA_VISIBLE_DEVICES", "").split(",") if v.strip()]
    return visible[index] if index < len(visible) else str(index)


def build_model(args, torch):
    from transformers import AutoModelForCausalLM, Qwen3Config

    config = Qwen3Config(
        vocab_size=args.vocab,
        hidden_size=args.hidden,
        intermediate_size=args.ffn,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        num_key_value_heads=args.kv_heads,
        head_dim=args.head_dim,
        tie_word_embeddings=not args.untied,
        max_position_embeddings=args.max_positions,
        rope_theta=1_000_000.0,
        rms_norm_eps=1e-6,
        use_sliding_window=False,
        initializer_range=0.02,
        bos_token_id=None,
        eos_token_id=None,
        pad_token_id=0,
    )
    dtype = getattr(torch, args.dtype)
    torch.manual_seed(args.seed)
    # Allocate and randomly initialise directly on the GPU (N(0, 0.02^2), norms 1: as G2rl's Qwen3Init).
    with torch.device(args.device):
        try:
            model = AutoModelForCausalLM.from_config(config, dtype=dtype, attn_implementation=args.attn)
        except TypeError:  # transformers before `dtype` replaced `torch_dtype`
            model = AutoModelForCausalLM.from_config(config, torch_dtype=dtype, attn_implementation=args.attn)
    model = model.to(device=args.device, dtype=dtype).eval()
    return model


def main():
    args = parse_args()
    import torch
    import transformers

    t0 = time.perf_counter()
    smi = NvidiaSmiPeak(physical_gpu_index(args.device)) if args.device.startswith("cuda") else None
    model = build_model(args, torch)
    sync = torch.cuda.synchronize if args.device.startswith("cuda") else (lambda: None)
    sync()
    build_seconds = time.perf_counter() - t0
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params:,} parameters, {model.dtype}, attn={model.config._attn_implementation}, built in {build_seconds:.1f} s",
          file=sys.stderr)

    gen = torch.Generator(device=args.device).manual_seed(args.seed + args.batch)
    ids = torch.randint(3, args.vocab, (args.batch, args.prompt), generator=gen, device=args.device)
    mask = torch.ones_like(ids)
    kwargs = dict(do_sample=True, temperature=args.temperature, top_p=args.top_p, top_k=0,
                  eos_token_id=None, pad_token_id=0, use_cache=True)
    if args.cache_implementation:
        kwargs["cache_implementation"] = args.cache_implementation

    def generate(n):
        with torch.inference_mode():
            out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=n, **kwargs)
        if tuple(out.shape) != (args.batch, args.prompt + n):
            raise SystemExit(f"generate returned shape {tuple(out.shape)}, expected {(args.batch, args.prompt + n)}")
        return out

    generate(min(16, args.new_tokens))  # warm-up
    sync()
    if args.device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
    if smi:
        smi.reset()
    seconds = []
    for rep in range(args.reps):
        torch.manual_seed(args.seed)
        sync()
        start = time.perf_counter()
        generate(args.new_tokens)
        sync()
        seconds.append(time.perf_counter() - start)
        print(f"rep {rep + 1}/{args.reps}: {seconds[-1]:.3f} s", file=sys.stderr)
    median = statistics.median(seconds)
    row = {
        "model": "qwen3-1.7b" if (args.hidden, args.layers, args.vocab) == (2048, 28, 151936) else "custom",
        "parameters": params,
        "batch": args.batch,
        "method": f"transformers generate (do_sample, T={args.temperature:g}, top-p={args.top_p:g}, top-k off)",
        "tokens": args.new_tokens,
        "seconds": seconds,
        "median_seconds": median,
        "tokens_per_second": args.batch * args.new_tokens / median,
        "peak_memory_bytes": smi.peak_bytes() if smi else None,
        "max_memory_allocated_bytes": torch.cuda.max_memory_allocated() if args.device.startswith("cuda") else None,
        "max_memory_reserved_bytes": torch.cuda.max_memory_reserved() if args.device.startswith("cuda") else None,
    }
    if smi:
        smi.close()
    gpu = None
    if args.device.startswith("cuda"):
        gpu = torch.cuda.get_device_name(torch.device(args.device))
    report = {
        "benchmark": "transformers-generate",
        "started_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "machine": {"python": platform.python_version(), "torch": torch.__version__,
                    "transformers": transformers.__version__, "device": args.device, "gpu": gpu,
                    "attn_implementation": model.config._attn_implementation,
                    "cache_implementation": args.cache_implementation or "dynamic"},
        "settings": {k: v for k, v in vars(args).items() if k != "out"},
        "build_seconds": build_seconds,
        "memory_measure": "peak_memory_bytes: nvidia-smi memory.used peak (whole device, 100 ms polls), as G2rl.Bench; "
                          "max_memory_allocated/reserved: torch allocator statistics",
        "rows": [row],
    }
    text = json.dumps(report, indent=1)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)
    mib = lambda b: "—" if b is None else f"{b / 2**20:,.0f} MiB"
    print(f"transformers generate: batch {args.batch} x {args.new_tokens} new tokens in {median:.2f} s (median of {args.reps}) "
          f"= {row['tokens_per_second']:,.0f} tokens/s; peak nvidia-smi {mib(row['peak_memory_bytes'])}, "
          f"max allocated {mib(row['max_memory_allocated_bytes'])}, max reserved {mib(row['max_memory_reserved_bytes'])}")


if __name__ == "__main__":
    main()
