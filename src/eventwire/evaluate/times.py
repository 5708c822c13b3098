"""evaluate.times: score the time stage against TimeML (.tml) gold, TempEval-3 style.

Entry point: `run(path, pipeline, split=None, limit=None) -> dict`. Each document's TEXT element is
stripped of its tags (gold offsets are mapped onto the plain text) and coded with `find_times`, the
document creation time (DCT) as the publication date. The time stage does not use the parse, so the
pipeline is not run. Detection is scored strict (same span) and relaxed (overlapping spans, each gold
and each predicted expression matched at most once); type and value accuracy are over the relaxed
matches, as TempEval-3 reports them. The DCT TIMEX itself (functionInDocument=CREATION_TIME) is not gold.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..timex import find_times

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str  # lower case: date | time | duration | set
    value: str
    text: str


@dataclass
class TimeMLDoc:
    id: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path) -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10] or None
            break
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    content = body.group(1) if body else ""
    out: list[str] = []
    length, pos, open_at = 0, 0, None
    timexes: list[GoldTimex] = []
    for m in _TAG.finditer(content):
        chunk = html.unescape(content[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            attrs = dict(_ATTR.findall(m.group(3)))
            if m.group(4):  # an empty (non-consuming) TIMEX has no text to find
                continue
            open_at = (length, attrs)
        elif open_at:
            start, attrs = open_at
            open_at = None
            if attrs.get("functionInDocument") == "CREATION_TIME" or length == start:
                continue
            timexes.append(GoldTimex(start, length, attrs.get("type", "").lower(), attrs.get("value", ""), ""))
    out.append(html.unescape(content[pos:]))
    text = "".join(out)
    for t in timexes:
        t.text = text[t.start:t.end]
    return TimeMLDoc(path.stem, dct, text, timexes)


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "n_gold": n_gold}


def match(gold: list[GoldTimex], pred: list) -> list[tuple[GoldTimex, object]]:
    """Relaxed one-to-one matching: each gold takes the overlapping prediction sharing most characters."""
    pairs, used = [], set()
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def score_docs(docs: list[TimeMLDoc], errors: list | None = None) -> dict:
    n_gold = n_pred = strict = relaxed = typed = valued = 0
    for doc in docs:
        pred = find_times(doc.text, doc.dct)
        pairs = match(doc.timexes, pred)
        n_gold += len(doc.timexes)
        n_pred += len(pred)
        relaxed += len(pairs)
        strict += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        typed += sum(g.type == p.type for g, p in pairs)
        valued += sum(g.value == (p.value or "") for g, p in pairs)
        if errors is not None:
            hit = {id(p) for _, p in pairs}
            errors.extend(("fp", doc.id, p.text, p.type, p.value, "") for p in pred if id(p) not in hit)
            found = {id(g) for g, _ in pairs}
            errors.extend(("fn", doc.id, g.text, g.type, g.value, "") for g in doc.timexes if id(g) not in found)
            errors.extend(("val", doc.id, f"{g.text} | {p.text}", f"{g.type}/{p.type}", g.value, p.value)
                          for g, p in pairs if g.value != (p.value or "") or g.type != p.type)
    return {
        "detection(relaxed)": _prf(relaxed, n_pred, relaxed, n_gold),
        "detection(strict)": _prf(strict, n_pred, strict, n_gold),
        "type": {"accuracy": round(typed / relaxed, 3) if relaxed else 0.0, "n": relaxed},
        "value": {"accuracy": round(valued / relaxed, 3) if relaxed else 0.0, "n": relaxed},
        "docs": len(docs),
    }


def load(path, limit: int | None = None, split: str | None = None) -> list[TimeMLDoc]:
    """The .tml documents under `path`; `split` names a subfolder (e.g. TimeBank or AQUAINT) when one exists."""
    path = Path(path)
    if split and path.is_dir() and (path / split).is_dir():
        path = path / split
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    return [read_tml(f) for f in files[:limit]]


def run(path, pipeline=None, split=None, limit: int | None = None) -> dict:
    """`pipeline` is accepted for the common `eval` interface: the time stage does not need the parse."""
    return score_docs(load(path, limit, split))
