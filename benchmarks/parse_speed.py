"""Words per second of the shipped spaCy pipeline on EWT test text, on one process and on two.

usage: python benchmarks/parse_speed.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def texts(shared: Path) -> list[str]:
    out, cur = [], []
    for line in (shared / "data/nlp/UD_English-EWT/en_ewt-ud-test.conllu").open(encoding="utf-8"):
        if line.startswith("# text = "):
            cur.append(line[9:].strip())
            if len(cur) == 10:
                out.append(" ".join(cur))
                cur = []
    return out


def run(chunk: list[str]) -> int:
    from eventwire.parse import load_model

    nlp = load_model()
    return sum(len(d) for d in nlp.pipe(chunk, batch_size=64))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    docs = texts(Path(args.shared))
    run(docs[:5])  # load + warm up
    t = time.perf_counter()
    n = run(docs)
    one = n / (time.perf_counter() - t)
    print(f"1 process : {n} words, {one:,.0f} words/s")
    halves = [docs[0::2], docs[1::2]]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(run, [d[:5] for d in halves]))  # each worker loads the model once
        t = time.perf_counter()
        n2 = sum(pool.map(run, halves))
        two = n2 / (time.perf_counter() - t)
    print(f"2 processes: {n2} words, {two:,.0f} words/s ({two / one:.2f}x)")


if __name__ == "__main__":
    main()
