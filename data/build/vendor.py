#!/usr/bin/env python3
"""Convert the benchmark sources into G2rl's normalised gzip JSONL files.

Usage: python3 data/build/vendor.py SHARED_DATA_DIR [OUT_DIR]

SHARED_DATA_DIR is the folder described in its own SOURCES.md (math500/, aime24/, ...);
OUT_DIR defaults to the data/ folder holding this script's parent. Stdlib only. The output is
byte-for-byte reproducible: records are written in source order, JSON with a fixed key order,
gzip with mtime=0 and no file name in the header.

Common schema (one JSON object per line):
  id str, question str, answer str, kind "math"|"choice",
  choices [str] (choice problems only), subject str (optional), level int|null (optional),
  followed by source-specific metadata fields.
"""
import csv
import gzip
import hashlib
import io
import json
import os
import sys

MASK64 = (1 << 64) - 1


# ---------------------------------------------------------------------------------------------
# Deterministic option shuffle (mirrors G2rl.Data.ChoiceShuffle in C#).
# seed = first 8 bytes (big-endian) of SHA-256(UTF-8 key); SplitMix64 stream; Fisher-Yates from
# the last slot down, j = next() mod (i + 1). perm[slot] = original option index.
# ---------------------------------------------------------------------------------------------
def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return state, z ^ (z >> 31)


def shuffle_permutation(key, count):
    state = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    perm = list(range(count))
    for i in range(count - 1, 0, -1):
        state, r = splitmix64(state)
        j = r % (i + 1)
        perm[i], perm[j] = perm[j], perm[i]
    return perm


# ---------------------------------------------------------------------------------------------
# \boxed{...} extraction (brace matched). Returns None when there is no boxed answer.
# ---------------------------------------------------------------------------------------------
def last_boxed(text):
    starts = [text.rfind("\\boxed"), text.rfind("\\fbox")]
    start = max(starts)
    if start < 0:
        return None
    i = start + (len("\\boxed") if text.startswith("\\boxed", start) else len("\\fbox"))
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if i >= len(text):
        return None
    if text[i] != "{":
        # "\boxed 5$" form: the argument is the run of characters up to whitespace or '$'.
        j = i
        while j < len(text) and text[j] not in " \t\n$":
            j += 1
        return text[i:j] if j > i else None
    depth, j = 0, i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2  # a control symbol such as \{ or \} does not count as a brace
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1:j]
        j += 1
    return None  # unbalanced


def letters(n):
    return [chr(ord("A") + i) for i in range(n)]


def with_options(question, options):
    block = "\n".join(f"{l}. {o}" for l, o in zip(letters(len(options)), options))
    return f"{question}\n\n{block}"


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write(out_dir, name, records):
    path = os.path.join(out_dir, name)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    print(f"{name}: {len(records)} records, {len(buf.getvalue())} bytes")
    return len(records)


def integer_string(value):
    """27.0 -> '27', '025' -> '25'; refuses non-integral values."""
    f = float(value)
    if f != int(f):
        raise ValueError(f"not an integer answer: {value!r}")
    return str(int(f))


def math500(src):
    return [{"id": r["unique_id"], "question": r["problem"], "answer": r["answer"], "kind": "math",
             "subject": r["subject"], "level": r["level"], "solution": r["solution"]}
            for r in read_jsonl(os.path.join(src, "math500/test.jsonl"))]


def aime24(src):
    return [{"id": str(r["id"]), "question": r["problem"], "answer": integer_string(r["answer"]),
             "kind": "math", "source_answer": r["answer"], "url": r["url"], "solution": r["solution"]}
            for r in read_jsonl(os.path.join(src, "aime24/test.jsonl"))]


def aime25(src):
    return [{"id": str(r["id"]), "question": r["problem"], "answer": str(r["answer"]), "kind": "math"}
            for r in read_jsonl(os.path.join(src, "aime25/test.jsonl"))]


def amc23(src):
    return [{"id": str(r["id"]), "question": r["problem"], "answer": integer_string(r["answer"]),
             "kind": "math", "source_answer": r["answer"], "url": r["url"]}
            for r in read_jsonl(os.path.join(src, "amc23/test.jsonl"))]


def gpqa_diamond(src):
    out = []
    with open(os.path.join(src, "gpqa_diamond/gpqa_diamond.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rid = row["Record ID"].strip()
            original = [row[k].strip() for k in
                        ("Correct Answer", "Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3")]
            perm = shuffle_permutation(rid, 4)
            options = [original[p] for p in perm]
            question = row["Question"].strip()
            out.append({"id": rid, "question": with_options(question, options),
                        "answer": letters(4)[perm.index(0)], "kind": "choice", "choices": options,
                        "subject": row["High-level domain"].strip(), "subdomain": row["Subdomain"].strip(),
                        "canary": row["Canary String"].strip()})
    return out


def mmlu_pro(src):
    with open(os.path.join(src, "mmlu_pro/model_outputs_jamba-1.5-large_5shots.json"), encoding="utf-8") as f:
        rows = json.load(f)
    out = []
    for r in rows:
        options = [o.strip() for o in r["options"]]
        answer = r["answer"]
        if not (0 <= ord(answer) - ord("A") < len(options)):
            raise ValueError(f"mmlu_pro {r['question_id']}: answer {answer} outside {len(options)} options")
        out.append({"id": str(r["question_id"]), "question": with_options(r["question"].strip(), options),
                    "answer": answer, "kind": "choice", "choices": options, "subject": r["category"],
                    "src": r["src"]})
    return out


def gsm8k(src):
    out = []
    for i, r in enumerate(read_jsonl(os.path.join(src, "gsm8k/test.jsonl"))):
        rationale, final = r["answer"].split("####")
        out.append({"id": f"test-{i}", "question": r["question"], "answer": final.strip().replace(",", ""),
                    "kind": "math", "solution": r["answer"]})
    return out


# Two MATH-train solutions end in an empty "\boxed{}" (the multiple-choice letter was lost
# upstream). Both problems' option (A) is 0, which their solutions prove; filled in by hand.
MATH_TRAIN_EMPTY_BOX_FIXES = {
    "train/number_theory/7115.json": "0",
    "train/number_theory/7117.json": "0",
}


def math_train(src):
    out, misses, multi = [], [], 0
    for r in read_jsonl(os.path.join(src, "math_train/MATH-train.jsonl")):
        answer = last_boxed(r["solution"])
        if answer is None or not answer.strip():
            misses.append(r["unique_id"])
            answer = MATH_TRAIN_EMPTY_BOX_FIXES[r["unique_id"]]
        multi += r["solution"].count("\\boxed") + r["solution"].count("\\fbox") > 1
        level = r["level"].removeprefix("Level ").strip()
        out.append({"id": r["unique_id"], "question": r["problem"], "answer": answer.strip(), "kind": "math",
                    "subject": r["type"], "level": int(level) if level.isdigit() else None,
                    "solution": r["solution"]})
    print(f"math_train: {len(misses)} with no or an empty boxed answer {misses} (fixed by hand); "
          f"{multi} with several boxes (last taken)")
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    src = argv[1]
    out_dir = argv[2] if len(argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for name, build in [("math500", math500), ("aime24", aime24), ("aime25", aime25), ("amc23", amc23),
                        ("gpqa_diamond", gpqa_diamond), ("mmlu_pro", mmlu_pro), ("gsm8k_test", gsm8k),
                        ("math_train", math_train)]:
        write(out_dir, f"{name}.jsonl.gz", build(src))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
