"""Calibrated event confidence: a logistic model over what the coder knows about each event.

The weights live in data/calibration.json, fitted by training/calibrate.py on our own corpus
(data/corpus): an event counts as right when its CAMEO root is the sentence's labelled root. The
dev-set reliability tables in docs/accuracy.md check the fit on data it never saw.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from ..document import Event

DATA = Path(__file__).with_name("data") / "calibration.json"
FEATURES = ("bias", "specificity", "source_coded", "target_coded", "source_country", "target_country",
            "dyadic", "cued", "noun", "speech", "model", "accusation", "conflict", "cooperation")


def features(ev: Event, patterns: dict) -> list[float]:
    """`patterns`: lexicon pattern id -> Pattern (for the specificity and kind of lexicon events)."""
    rule = ev.evidence.rule
    pattern = patterns.get(rule.split(" via ")[0])
    src, tgt = ev.source, ev.target
    root = int(ev.cameo[:2])
    return [
        1.0,
        float(pattern.specificity if pattern else 0),
        float(bool(src and src.code)), float(bool(tgt and tgt.code)),
        float(bool(src and src.country)), float(bool(tgt and tgt.country)),
        float(bool(src and tgt and src.country and tgt.country and src.country != tgt.country)),
        float(" via " in rule),
        float(bool(pattern and pattern.kind == "noun")),
        float(rule.startswith("speech:010")),
        float(rule.startswith("model:")),
        float(rule.startswith("speech:112")),
        float(root >= 9), float(3 <= root <= 8),
    ]


class Calibrator:
    def __init__(self, weights: dict[str, float] | None):
        self.weights = [float((weights or {}).get(name, 0.0)) for name in FEATURES]
        self.active = weights is not None

    @classmethod
    def load(cls, path: Path = DATA) -> "Calibrator":
        if not path.exists():
            return cls(None)
        return cls(json.loads(path.read_text(encoding="utf-8"))["weights"])

    def __call__(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        return round(1.0 / (1.0 + math.exp(-z)), 3)
