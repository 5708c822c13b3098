"""Regression report: code our own corpus with the lexicon alone and list, per CAMEO code, where they disagree.

usage: python training/lexicon_vs_corpus.py [--top N] [--json OUT]
For each corpus sentence the lexicon's events are compared with the sentence's label: exact code, same root,
no event found, or an event on a hard negative.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.document import Document
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json")
    ap.add_argument("--limit", type=int, default=0, help="code only the first N sentences")
    args = ap.parse_args()
    rows = [json.loads(x) for p in sorted((ROOT / "data/corpus").glob("*.jsonl"))
            for x in p.read_text(encoding="utf-8").splitlines()]
    rows = rows[: args.limit] if args.limit else rows
    pipeline = Pipeline(classifier="none")
    per_code: dict[str, Counter] = defaultdict(Counter)
    false_alarms = 0
    docs = (Document(id=r["id"], text=r["text"]) for r in rows)
    for r, doc in zip(rows, pipeline.pipe(docs)):
        codes = {e.cameo for e in doc.events}
        if r["no_event"]:
            false_alarms += bool(codes)
            continue
        c = per_code[r["cameo"]]
        c["n"] += 1
        c["exact"] += r["cameo"] in codes
        c["root"] += r["cameo"][:2] in {x[:2] for x in codes}
        c["missed"] += not codes
    n = sum(c["n"] for c in per_code.values())
    negatives = sum(r["no_event"] for r in rows)
    print(f"{n} event sentences: exact code {sum(c['exact'] for c in per_code.values()) / n:.3f}, "
          f"same root {sum(c['root'] for c in per_code.values()) / n:.3f}, "
          f"no event found {sum(c['missed'] for c in per_code.values()) / n:.3f}")
    print(f"{negatives} hard negatives: {false_alarms / negatives:.3f} got a lexicon event")
    print(f"\nthe {args.top} codes where the lexicon disagrees most (share of sentences without the same root):")
    print(f"{'code':6} {'n':>4} {'exact':>6} {'root':>6} {'missed':>7}")
    worst = sorted(per_code.items(), key=lambda kv: kv[1]["root"] / kv[1]["n"])[: args.top]
    for code, c in worst:
        print(f"{code:6} {c['n']:4d} {c['exact'] / c['n']:6.2f} {c['root'] / c['n']:6.2f} {c['missed'] / c['n']:7.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: dict(v) for k, v in sorted(per_code.items())}, indent=1))


if __name__ == "__main__":
    main()
