#!/usr/bin/env python3
"""The one summary table of bench/gpu/check.sh, from the files it left in OUT.

usage: python3 summary.py OUT   prints markdown and writes OUT/summary.md and OUT/summary.json.
A row whose inputs are missing (step skipped, failed or timed out) says so instead of a number; no target is marked
met unless it was measured in this run.
"""
import glob
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET

FIXTURES = "tests/G2rl.Tests/fixtures"


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def latest(pattern):
    files = sorted(glob.glob(pattern))
    return load(files[-1]) if files else None


def status(out):
    rows = {}
    try:
        for line in open(os.path.join(out, "status.tsv")):
            name, rc, seconds = line.rstrip("\n").split("\t")
            rows[name] = (rc, int(seconds))
    except OSError:
        pass
    return rows


def gb(b):
    return "—" if b is None else f"{b / 1e9:.2f} GB"


def abi(out):
    try:
        text = open(os.path.join(out, "abi-check.txt")).read()
    except OSError:
        return None, "no report"
    m = re.search(r"missing from libtorch: (\d+)", text)
    if not m:
        return None, "report incomplete"
    n = int(m.group(1))
    needed = "NEEDED libraries not found" in text
    return n == 0 and not needed, f"{n} symbols missing" + (" (NEEDED library missing)" if needed else "")


def gpucheck(out):
    try:
        root = ET.parse(os.path.join(out, "gpucheck.xml")).getroot()
    except (OSError, ET.ParseError):
        return None, "no xunit XML"
    total = failed = skipped = passed = 0
    failures = []
    for a in root.iter("assembly"):
        total += int(a.get("total", 0))
        failed += int(a.get("failed", 0)) + int(a.get("errors", 0))
        skipped += int(a.get("skipped", 0))
        passed += int(a.get("passed", 0))
    for t in root.iter("test"):
        if t.get("result") == "Fail":
            failures.append(t.get("name", "?").split(".")[-1])
    ok = failed == 0 and skipped == 0 and total > 0
    note = f"{passed}/{total} passed, {failed} failed, {skipped} skipped" + (f": {', '.join(failures)}" if failures else "")
    return ok, note


def score(out, name, bf16):
    got = load(os.path.join(out, f"score-{name}.json"))
    exp = load(os.path.join(FIXTURES, "tiny-qwen3-tied", "expected.json"))
    if not got or not exp or "token_logprobs" not in got:
        return None, "no output"
    ids, mask = exp["input_ids"], exp["attention_mask"]
    worst = 0.0
    for b in range(len(ids)):
        for t in range(len(ids[b]) - 1):
            if mask[b][t + 1] == 0:
                continue
            if bf16:
                z = exp["logits_from_bf16_weights"][b][t]
                m = max(z)
                ref = z[ids[b][t + 1]] - (m + math.log(sum(math.exp(v - m) for v in z)))
            else:
                ref = exp["token_logprobs"][b][t]
            worst = max(worst, abs(got["token_logprobs"][b][t] - ref))
    return worst <= 1e-4, f"max abs Δ log p = {worst:.2e}"


def metrics(path):
    rows = {}
    try:
        for line in open(path):
            r = json.loads(line)
            rows[r.get("step")] = r
    except (OSError, ValueError):
        return None
    return rows


def train(out, st):
    rcs = [st.get(n, ("missing", 0))[0] for n in ("train-5", "train-resume", "train-straight")]
    if all(rc == "missing" for rc in rcs):
        return None, "not run"
    if any(rc != "0" for rc in rcs):
        return False, f"exit codes 5-step/resume/straight: {'/'.join(rcs)}"
    a, b = metrics(os.path.join(out, "train-a", "metrics.jsonl")), metrics(os.path.join(out, "train-b", "metrics.jsonl"))
    if not a or not b or 7 not in a or 7 not in b:
        return False, "metrics.jsonl lacks step 7"
    worst, keys = 0.0, 0
    for step in (6, 7):
        for k, v in a[step].items():
            if k.startswith("time") or "per_second" in k or k == "step" or not isinstance(v, (int, float)) or not isinstance(b[step].get(k), (int, float)):
                continue
            keys += 1
            worst = max(worst, abs(v - b[step][k]))
    return worst <= 1e-3, f"resumed run vs straight run, steps 6–7: max abs Δ over {keys} values = {worst:.2e}"


def row0(report):
    return report["rows"][0] if report and report.get("rows") else None


def plan_estimate(out, name, terms):
    p = load(os.path.join(out, f"plan-{name}.json"))
    if not p:
        return None
    total = 0
    for phase, term in terms:
        total += p[phase][term]
    return total


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OUT", "bench/results/gpu-check")
    st = status(out)
    rows = []

    def add(check, ok, value, target):
        rows.append({"check": check, "value": value, "target": target,
                     "met": "yes" if ok is True else "no" if ok is False else "not measured"})

    ok, note = abi(out)
    add("(a) libtorch ABI: imports of libLibTorchSharp.so not in PyTorch's libs", ok, note, "none")
    ok, note = gpucheck(out)
    add("(b) CUDA checks (G2rl.GpuCheck, trait Category=Cuda)", ok, note, "all pass")
    ok, note = score(out, "fp32", bf16=False)
    add("(c) g2rl score --device cuda, float32 vs transformers", ok, note, "≤ 1e-4")
    ok, note = score(out, "bf16", bf16=True)
    add("(c) g2rl score --device cuda, bf16 checkpoint vs transformers' bf16 logits", ok, note, "≤ 1e-4")
    ok, note = train(out, st)
    add("(d) g2rl train bf16 + G2RL, 5 steps, resume to 7 = 7 straight", ok, note, "runs; ≤ 1e-3")

    g2rl = row0(latest(os.path.join(out, "sampler", "sampler-cuda-*.json")))
    hf = row0(load(os.path.join(out, "transformers-generate.json")))
    if g2rl and hf:
        ratio = g2rl["tokens_per_second"] / hf["tokens_per_second"]
        add("(e) rollout tok/s B64/P128/N256, G2rl / transformers generate", ratio >= 3,
            f"{g2rl['tokens_per_second']:,.0f} / {hf['tokens_per_second']:,.0f} = {ratio:.2f}×", "≥ 3×")
    else:
        add("(e) rollout tok/s B64/P128/N256, G2rl / transformers generate", None, "missing run", "≥ 3×")
    cont = row0(latest(os.path.join(out, "continuous", "sampler-cuda-*.json")))
    cont_status = st.get("continuous", ("missing", 0))[0]
    add("(e) 256 rows × 1,024 new tokens, continuous batching", None,
        f"{cont['tokens_per_second']:,.0f} tok/s" if cont else f"not run ({cont_status})", "(throughput)")

    ts = row0(latest(os.path.join(out, "trainstep", "trainstep-cuda-*.json")))
    pt = row0(load(os.path.join(out, "torch-train-step.json")))
    if ts and pt:
        ratio = ts["tokens_per_second"] / pt["tokens_per_second"]
        add("(f) train step tok/s 16 × 512, G2rl / PyTorch eager AdamW", ratio >= 0.9,
            f"{ts['tokens_per_second']:,.0f} / {pt['tokens_per_second']:,.0f} = {ratio:.2f}×", "≥ 0.9×")
    else:
        add("(f) train step tok/s 16 × 512, G2rl / PyTorch eager AdamW", None, "missing run", "≥ 0.9×")

    for label, name, measured, terms in [
        ("(g) plan vs peak, sampler B64 (weights + rollout)", "sampler", g2rl, [("persistent", "weights"), ("rollout", "total")]),
        ("(g) plan vs peak, continuous 256 × 1,024 (weights + rollout)", "continuous", cont, [("persistent", "weights"), ("rollout", "total")]),
        ("(g) plan vs peak, train step (weights + master weights + grads + AdamW moments + update)", "trainstep", ts,
         [("persistent", "weights"), ("persistent", "master_weights"), ("persistent", "grads"), ("persistent", "optimizer"),
          ("update", "total")]),
    ]:
        est = plan_estimate(out, name, terms)
        peak = measured.get("peak_memory_bytes") if measured else None
        if est and peak:
            err = (est - peak) / peak
            add(label, abs(err) <= 0.15, f"plan {gb(est)} vs measured {gb(peak)} ({err:+.0%})", "within 15%")
        else:
            add(label, None, f"plan {gb(est)}, measured {gb(peak)}", "within 15%")

    machine = ""
    try:
        machine = open(os.path.join(out, "machine.txt")).read().strip().replace("\n", "; ")
    except OSError:
        pass
    lines = [f"GPU check — {machine}", "", "| check | value | target | met |", "| --- | --- | --- | --- |"]
    lines += [f"| {r['check']} | {r['value']} | {r['target']} | {r['met']} |" for r in rows]
    lines += ["", "steps (exit code, seconds): " + ", ".join(f"{k} {rc} {s}s" for k, (rc, s) in st.items())]
    text = "\n".join(lines)
    print(text)
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write(text + "\n")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({"rows": rows, "steps": st}, f, indent=2)


if __name__ == "__main__":
    main()
