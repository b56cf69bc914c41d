#!/usr/bin/env python3
"""How well the extractor's confidence predicts its errors on the annotated corpora.

  tests/confidence.py [--blind] [CORPUS...]

Each finding of `plantrack extract --json` on a corpus (dev part by default) is correct
when score.py's full-level matching pairs it with a gold line, wrong when it pairs with
nothing; findings paired with optional gold lines are left out. Prints, per confidence
band, how many findings fall in it and how many of those are wrong, and the same for the
review threshold (findings below it are flagged "needs review")."""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(here, "data"))
import score  # noqa: E402

THRESHOLD = 0.7
blind = "--blind" in sys.argv
corpora = [a for a in sys.argv[1:] if not a.startswith("--")] or ["corpus", "corpus-2", "corpus-zh"]
blind_list = {l.strip() for l in open(os.path.join(here, "data", "blind.txt")) if l.strip() and not l.startswith("#")}
binary = os.environ.get("BIN", os.path.join(root, "target", "release", "plantrack"))

rows = []
for c in corpora:
    d = os.path.join(root, "assets", "samples") if c == "corpus" else os.path.join(here, "data", c)
    g = os.path.join(here, "data", "gold.jsonl") if c == "corpus" else os.path.join(d, "gold.jsonl")
    names = sorted(n for n in os.listdir(d) if n.endswith(".txt") and ((f"{c}/{n}" in blind_list) == blind))
    if not names:
        continue
    gold = [x for x in score.load(g) if x["doc"] in names]
    out = subprocess.run([binary, "extract", "--json"] + [os.path.join(d, n) for n in names],
                         capture_output=True, text=True, check=True).stdout
    pred = json.loads(out)
    for p in pred:
        p["doc"] = os.path.basename(p["doc"])
    docs = {n: open(os.path.join(d, n), encoding="utf-8").read() for n in names}
    pairs = score.match(gold, pred, score.key_full, docs)
    by_pred = {pi: gi for gi, pi in pairs}
    for i, p in enumerate(pred):
        gi = by_pred.get(i)
        if gi is not None and gold[gi].get("optional"):
            continue
        rows.append((p.get("confidence", 1.0), gi is not None, p.get("doubt"), c))

if not rows:
    sys.exit("no findings")
bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
print(f"{'confidence':>12} {'findings':>9} {'wrong':>6} {'error rate':>10}")
for lo, hi in bands:
    b = [r for r in rows if lo <= r[0] < hi]
    if b:
        wrong = sum(1 for r in b if not r[1])
        print(f"{lo:.1f}-{min(hi, 1.0):.1f}{'':>5} {len(b):>9} {wrong:>6} {wrong / len(b):>10.1%}")
low = [r for r in rows if r[0] < THRESHOLD]
high = [r for r in rows if r[0] >= THRESHOLD]
wrong = [r for r in rows if not r[1]]
wl = sum(1 for r in low if not r[1])
wh = sum(1 for r in high if not r[1])
print(f"below {THRESHOLD} (needs review): {len(low)} findings, {wl} wrong ({wl / max(len(low), 1):.1%})")
print(f"at or above {THRESHOLD}: {len(high)} findings, {wh} wrong ({wh / max(len(high), 1):.1%})")
print(f"share of all wrong findings flagged for review: {wl}/{len(wrong)} ({wl / max(len(wrong), 1):.1%})")
