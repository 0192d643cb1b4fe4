#!/usr/bin/env python3
"""Show, per document, where extraction differs from the gold: events missed or invented, people
missed (-) or invented (+) in aligned events, and role differences (~). For rule writers.

usage: corpus-diff.py GOLD_DIR [DOC ...]      (uses .build/debug/meetgraph; MEETGRAPH= to change)

Refuses Tests/Corpus/test: the frozen split is never read while writing rules.
"""
import json, os, subprocess, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus"))
from score import align, names_of  # the corpus' own alignment

def main(gold_dir, only):
    if os.path.normpath(gold_dir).endswith(os.path.join("Corpus", "test")):
        sys.exit("corpus-diff: Tests/Corpus/test is the frozen split; use train or dev")
    binary = os.environ.get("MEETGRAPH", ".build/debug/meetgraph")
    golds = sorted(f for f in os.listdir(gold_dir) if f.endswith(".gold.json"))
    if only:
        golds = [f for f in golds if f.split(".")[0] in only]
    texts = [os.path.join(gold_dir, f[:-len(".gold.json")] + ".txt") for f in golds]
    out = subprocess.run([binary, "extract", "--format", "jsonl", *texts], capture_output=True, text=True).stdout
    predicted = {json.loads(l)["document"]: json.loads(l) for l in out.splitlines() if l.strip()}
    for f in golds:
        gold = json.load(open(os.path.join(gold_dir, f), encoding="utf-8"))
        pred = predicted.get(gold["document"], {"events": []})
        ge, pe = gold["events"], pred["events"]
        a = align(ge, pe)
        lines = []
        for j, p in enumerate(pe):
            if j not in a:
                lines.append(f"  + event {p['kind']} {p['name']} {p.get('date')}: {' '.join(names_of(p))}")
        for i, g in enumerate(ge):
            js = [j for j, gi in a.items() if gi == i]
            if not js:
                lines.append(f"  - event {g['kind']} {g['name']} {g.get('date')}: {' '.join(names_of(g))}")
                continue
            p = pe[js[0]]
            groles = {q["name"]: set(q["roles"]) for q in g["participants"]}
            proles = {q["name"]: set(q["roles"]) for q in p["participants"]}
            diffs = [f"-{n}" for n in groles if n not in proles] + [f"+{n}" for n in proles if n not in groles]
            diffs += [f"~{n}:{','.join(sorted(groles[n]))}/{','.join(sorted(proles[n]))}" for n in groles
                      if n in proles and groles[n] != proles[n]]
            if diffs or g["name"] != p["name"]:
                lines.append(f"  = {g['name']} | {p['name']}: {' '.join(diffs)}")
        if lines:
            print(f"{gold['document']}")
            print("\n".join(lines))

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], set(sys.argv[2:]))
