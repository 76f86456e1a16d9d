#!/usr/bin/env python3
"""Dev-only sanity check (not run in CI): compare data/gpqa_diamond.jsonl.gz with the ORZ-formatted GPQA json.

Usage: python3 data/build/check_gpqa_orz.py SHARED_DATA_DIR

ORZ used its own shuffle, so letters differ; this counts how many ORZ questions and ORZ correct-answer texts
appear among ours (both should be 198 of 198).
"""
import gzip
import json
import os
import sys


def main(src):
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with gzip.open(os.path.join(here, "gpqa_diamond.jsonl.gz"), "rt", encoding="utf-8") as f:
        ours = [json.loads(line) for line in f]
    with open(os.path.join(src, "gpqa_diamond/gpqa_diamond.json"), encoding="utf-8") as f:
        orz = json.load(f)
    stems = {r["question"].rsplit("\n\nA. ", 1)[0] for r in ours}
    correct = {r["choices"][ord(r["answer"]) - ord("A")] for r in ours}
    q = sum(1 for x in orz if x["prompt"][0]["value"].rsplit("\n\nA. ", 1)[0].strip() in stems)
    a = sum(1 for x in orz if x["choices"][x["final_answer"]].strip() in correct)
    print(f"ours {len(ours)}, orz {len(orz)}; orz questions found {q}; orz correct answers found among ours {a}")
    return 0 if q == a == len(orz) == len(ours) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
