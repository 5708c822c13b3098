"""Reliability of event confidences: do events with confidence about p turn out right about p of the time?

An event is right when its CAMEO root is among the gold roots of its document (sets labelled with
"cameo"), else when its penta class is among the gold classes ("penta"). No-event documents make every
event on them wrong. Documents with neither label are left out.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from . import penta_of

EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def judged(gold_rows: Iterable[dict], pred_events: Iterable[dict]) -> list[tuple[float, bool]]:
    """(confidence, right) for each predicted event on a judged document."""
    by_doc = defaultdict(list)
    for e in pred_events:
        by_doc[str(e.get("doc_id"))].append(e)
    out = []
    for g in gold_rows:
        labels, gold = set(g["labels"]), g["events"]
        if "cameo" in labels:
            want, of = {str(e["cameo"])[:2] for e in gold if e.get("cameo")}, lambda e: str(e["cameo"])[:2]
        elif "penta" in labels:
            want, of = {e["penta"] for e in gold if e.get("penta") is not None}, lambda e: penta_of(e["cameo"])
        elif "noevent" in labels and not gold:
            want, of = set(), lambda e: None
        else:
            continue
        if not gold and "noevent" not in labels:
            continue
        for e in by_doc.get(str(g["id"]), []):
            out.append((float(e.get("confidence") or 0.0), of(e) in want))
    return out


def table(pairs: list[tuple[float, bool]]) -> dict:
    """Bins of confidence with their event count, mean confidence and share right, plus the expected
    calibration error (the count-weighted gap between the two)."""
    bins, ece = [], 0.0
    for lo, hi in zip(EDGES, EDGES[1:]):
        inside = [(c, r) for c, r in pairs if lo <= c < hi]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        right = sum(r for _, r in inside) / len(inside)
        ece += len(inside) * abs(mean - right)
        bins.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside), "confidence": round(mean, 3),
                     "right": round(right, 3)})
    return {"bins": bins, "events": len(pairs), "ece": round(ece / len(pairs), 3) if pairs else None}
