"""Actor resolution speed: 1,000 sentences of our own corpus, parsed first, then resolved.

usage: python benchmarks/resolve_speed.py [--n 1000] [--repeat 3]
The issue's budget is < 1 s for 1,000 sentences after load; parsing is not counted.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.document import Document
from eventwire.pipeline import get_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def sentences(n: int) -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.append(json.loads(line)["text"])
    return out[:: max(1, len(out) // n)][:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    p = get_pipeline()
    load = time.perf_counter() - t0
    texts = sentences(args.n)
    docs = [Document(id=str(i), text=t, date="2022-06-16") for i, t in enumerate(texts)]
    parsed = list(p.nlp.pipe(texts, batch_size=128))
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n_mentions = sum(len(p.resolver(d, s)) for d, s in zip(docs, parsed))
        best = min(best, time.perf_counter() - t0)
    print(f"pipeline load {load:.2f} s; resolved {len(texts)} sentences ({n_mentions} mentions) "
          f"in {best:.3f} s (best of {args.repeat}), {len(texts) / best:,.0f} sentences/s")


if __name__ == "__main__":
    main()
