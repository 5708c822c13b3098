"""Fit the event-confidence calibrator on our own corpus (data/corpus) and write
src/eventwire/events/data/calibration.json.

usage: python training/calibrate.py [--out PATH]
An event is right when its CAMEO root equals the sentence's labelled root; every event coded on a
hard negative ("no_event") is wrong. Needs scikit-learn at build time only (runtime is a dot product).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.document import Document
from eventwire.events.calibration import DATA, FEATURES, features
from eventwire.pipeline import get_pipeline

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[dict]:
    rows = []
    for path in sorted((ROOT / "data" / "corpus").glob("*.jsonl")):
        rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return rows


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args()
    rows = corpus()
    p = get_pipeline()
    p.coder.calibrator.active = False
    X, y = [], []
    docs = (Document(id=r["id"], text=r["text"], date="2024-01-01") for r in rows)
    for r, doc in zip(rows, p.pipe(docs, batch_size=128)):
        for ev in doc.events:
            X.append(features(ev, p.coder.patterns))
            y.append(int(not r.get("no_event") and bool(r.get("cameo")) and ev.cameo[:2] == r["cameo"][:2]))
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(X, y)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])}
    args.out.write_text(json.dumps({"fitted_on": f"data/corpus ({len(rows)} sentences, {len(y)} events)",
                                    "positive_rate": round(sum(y) / len(y), 4), "weights": weights}, indent=1) + "\n")
    print(f"{len(y)} events, {sum(y)} right ({sum(y) / len(y):.3f}); weights -> {args.out}")
    for name, w in weights.items():
        print(f"  {name:16} {w:+.3f}")


if __name__ == "__main__":
    main()
