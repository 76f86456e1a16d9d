#!/usr/bin/env python3
"""One training step of a random Qwen3 in PyTorch eager, for a side-by-side ratio with `G2rl.Bench trainstep`.

Same shape, dtype and batch × tokens as `G2rl.Bench trainstep --device cuda` (Qwen3-1.7B shape, bfloat16, 16 × 512 random
ids, no padding): transformers' Qwen3ForCausalLM (sdpa attention) forward, log-softmax of the logits in float32, loss =
-mean log p of every next token, backward, torch.optim.AdamW (lr 1e-6, weight decay 0.01, PyTorch's default foreach
implementation), zero_grad(set_to_none=True). One warm-up step, then the median of --reps timed steps.

Peak memory: torch.cuda.max_memory_allocated / max_memory_reserved, and the peak of device-wide used memory
(torch.cuda.mem_get_info, total - free, polled every 5 ms on a thread), the same measure as G2rl.Bench's CUDA probe.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in [("vocab", 151936), ("hidden", 2048), ("ffn", 6144), ("layers", 28), ("heads", 16),
                          ("kv-heads", 8), ("head-dim", 128), ("max-positions", 40960), ("batch", 16), ("tokens", 512),
                          ("reps", 3), ("seed", 1234)]:
        p.add_argument(f"--{name}", type=int, default=default)
    p.add_argument("--untied", action="store_true")
    p.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"])
    p.add_argument("--device", default="cuda")
    p.add_argument("--attn", default="sdpa")
    p.add_argument("--out", default=None, help="JSON results file")
    return p.parse_args()


class MemGetInfoPeak:
    """Polls torch.cuda.mem_get_info every 5 ms and keeps the highest total - free since reset()."""

    def __init__(self, torch, device):
        self.torch, self.device, self.peak, self.stop = torch, device, 0, False
        self.thread = threading.Thread(target=self._poll, daemon=True)
        self.thread.start()

    def used(self):
        free, total = self.torch.cuda.mem_get_info(self.device)
        return total - free

    def _poll(self):
        while not self.stop:
            self.peak = max(self.peak, self.used())
            time.sleep(0.005)

    def reset(self):
        self.peak = self.used()

    def close(self):
        self.stop = True
        self.thread.join(1)
        return max(self.peak, self.used())


def main():
    args = parse_args()
    import torch
    import transformers
    from transformers_generate import build_model

    # build_model reads the generate script's argument names; give it what it needs.
    args.new_tokens, args.prompt, args.cache_implementation = 0, args.tokens, None
    cuda = args.device.startswith("cuda")
    t0 = time.perf_counter()
    model = build_model(args, torch).train()
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    sync()
    build_seconds = time.perf_counter() - t0
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params:,} parameters, {model.dtype}, built in {build_seconds:.1f} s", file=sys.stderr)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-6, weight_decay=0.01)
    gen = torch.Generator(device=args.device).manual_seed(args.seed)
    ids = torch.randint(3, args.vocab, (args.batch, args.tokens), generator=gen, device=args.device)

    def step():
        logits = model(input_ids=ids).logits
        logp = torch.log_softmax(logits[:, :-1].float(), dim=-1).gather(-1, ids[:, 1:].unsqueeze(-1)).squeeze(-1)
        loss = -logp.mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    probe = MemGetInfoPeak(torch, torch.device(args.device)) if cuda else None
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    if probe:
        probe.reset()
    step()  # warm-up (also allocates AdamW's state)
    sync()
    seconds = []
    for rep in range(args.reps):
        sync()
        start = time.perf_counter()
        step()
        sync()
        seconds.append(time.perf_counter() - start)
        print(f"rep {rep + 1}/{args.reps}: {seconds[-1]:.3f} s", file=sys.stderr)
    median = statistics.median(seconds)
    row = {
        "model": "qwen3-1.7b" if (args.hidden, args.layers, args.vocab) == (2048, 28, 151936) else "custom",
        "parameters": params, "batch": args.batch, "tokens": args.tokens,
        "method": "PyTorch eager train step (transformers Qwen3, sdpa, torch.optim.AdamW)",
        "seconds": seconds, "median_seconds": median, "tokens_per_second": args.batch * args.tokens / median,
        "peak_memory_bytes": probe.close() if probe else None,
        "max_memory_allocated_bytes": torch.cuda.max_memory_allocated() if cuda else None,
        "max_memory_reserved_bytes": torch.cuda.max_memory_reserved() if cuda else None,
    }
    report = {
        "benchmark": "torch-train-step",
        "started_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "machine": {"python": platform.python_version(), "torch": torch.__version__, "transformers": transformers.__version__,
                    "device": args.device, "gpu": torch.cuda.get_device_name(torch.device(args.device)) if cuda else None},
        "settings": vars(args),
        "rows": [row],
    }
    text = json.dumps(report, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
