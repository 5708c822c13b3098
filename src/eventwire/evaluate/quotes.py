"""evaluate.quotes: score the quotes stage against PolNeAR attributions (brat source / cue / content spans).

Entry point: `run(path, pipeline, split="dev", limit=None) -> dict`. `path` is the PolNeAR `data` folder
(or any folder above `<split>/text` and `<split>/attributions`). Each article is coded by the whole
pipeline (the quotes stage needs the parse and the actors); predicted offsets index the cleaned text and
are mapped back onto the raw .txt, whose offsets the brat files use.

Scoring (docs/quotes.md): spans are compared as sets of word tokens (\\w+ runs, so quote marks and
punctuation never decide a match). Each gold attribution and each predicted quote is matched at most
once, best token Dice first. A pair matches
- "overlap" (lenient, PARC's partial match): they share at least one token;
- "dice>=0.5" (stricter): token Dice >= 0.5;
- "exact": the same token set.
Over the lenient matches: speaker correct when the predicted speaker span shares a token with the gold
source span (gold attributions without a source are left out), cue correct likewise with the gold cue.
Articles annotated by several annotators are scored against one annotation: the first by file name.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document

WORD = re.compile(r"\w+")
LEVELS = (("overlap", 0.0), ("dice>=0.5", 0.5), ("exact", 1.0))


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]  # brat fragments (discontinuous contents have several)
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]] | None


@dataclass
class GoldDoc:
    id: str
    text: str
    date: str | None
    attributions: list[GoldAttribution] = field(default_factory=list)


def _fragments(spec: str) -> list[tuple[int, int]]:
    out = []
    for frag in spec.split(";"):
        a, b = frag.split()[-2:]
        out.append((int(a), int(b)))
    return out


def read_ann(text: str, ann: str) -> list[GoldAttribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _fragments(parts[1])
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a)
            content = [f for k in ("Content", "Content2") if k in args for f in spans.get(args[k], [])]
            if not content:
                continue
            out.append(GoldAttribution(content, spans.get(args.get("Cue", ""), []),
                                       spans.get(args["Source"]) if "Source" in args else None))
    return out


def _dates(root: Path) -> dict[str, str]:
    meta = next(iter(sorted(root.rglob("metadata.tsv"))), None)
    if meta is None:
        return {}
    with meta.open(encoding="utf-8") as fh:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(fh, delimiter="\t")}


def load_gold(path, split: str = "dev", limit: int | None = None) -> list[GoldDoc]:
    root = Path(path)
    folder = next((p for p in sorted(root.rglob(split)) if (p / "attributions").is_dir() and (p / "text").is_dir()),
                  None)
    if folder is None:
        raise FileNotFoundError(f"no {split}/text and {split}/attributions under {root}")
    dates = _dates(root)
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(GoldDoc(txt.stem, text, dates.get(txt.stem), read_ann(text, anns[0].read_text(encoding="utf-8"))))
        if limit and len(docs) >= limit:
            break
    return docs


def offset_map(raw: str, cleaned: str) -> list[int]:
    """For each character of the cleaned text, its offset in the raw text (cleaning only drops and
    collapses whole lines, so each kept line is found again in order)."""
    out: list[int] = []
    cursor = 0
    for line in cleaned.split("\n"):
        at = raw.find(line, cursor) if line else cursor
        if at < 0:
            at = cursor
        out.extend(range(at, at + len(line)))
        cursor = at + len(line)
        out.append(min(cursor, len(raw)))  # the newline
    return out[:len(cleaned)] + [len(raw)]


def tokens(text: str, frags) -> frozenset[int]:
    """Word tokens (by start offset) inside the fragments."""
    return frozenset(m.start() for a, b in frags for m in WORD.finditer(text, a, b) if m.end() <= b)


def dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def match(gold: list[frozenset], pred: list[frozenset], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best Dice first; exact needs equal sets."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            d = dice(g, p)
            if d > 0 and (d >= threshold if threshold < 1 else g == p):
                pairs.append((-d, i, j))
    used_g, used_p, out = set(), set(), []
    for _, i, j in sorted(pairs):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "n_gold": n_gold}


def is_direct(text: str, frags) -> bool:
    return any(text[a:b].lstrip()[:1] in "\"“'‘" for a, b in frags)


def score(golds: list[GoldDoc], docs: list[Document]) -> dict:
    tp = {name: 0 for name, _ in LEVELS}
    n_gold = n_pred = 0
    spk = spk_n = cue = kind_ok = 0
    by_kind = {"direct": [0, 0], "indirect": [0, 0]}  # gold of each kind: [found, total]
    for g, doc in zip(golds, docs):
        where = offset_map(g.text, doc.text)

        def raw(span):
            return (where[span.start], where[span.end]) if span is not None else None

        gold_c = [tokens(g.text, a.content) for a in g.attributions]
        quotes = list(doc.quotes)
        pred_c = [tokens(g.text, [raw(q.content)]) for q in quotes]
        n_gold += len(gold_c)
        n_pred += len(pred_c)
        for name, threshold in LEVELS:
            pairs = match(gold_c, pred_c, threshold)
            tp[name] += len(pairs)
            if name != "overlap":
                continue
            found = {i for i, _ in pairs}
            for i, a in enumerate(g.attributions):
                k = by_kind["direct" if is_direct(g.text, a.content) else "indirect"]
                k[0] += i in found
                k[1] += 1
            for i, j in pairs:
                a, q = g.attributions[i], quotes[j]
                kind_ok += (q.kind != "indirect") == is_direct(g.text, a.content)
                if a.cue and q.cue is not None and tokens(g.text, a.cue) & tokens(g.text, [raw(q.cue)]):
                    cue += 1
                if a.source:
                    spk_n += 1
                    if q.speaker is not None and tokens(g.text, a.source) & tokens(
                            g.text, [raw(q.speaker)]):
                        spk += 1
    out = {f"content ({name})": _prf(tp[name], n_pred, n_gold) for name, _ in LEVELS}
    matched = tp["overlap"]
    out["speaker (matched, gold has source)"] = {"accuracy": round(spk / spk_n, 3) if spk_n else 0.0, "n": spk_n}
    out["cue (matched)"] = {"accuracy": round(cue / matched, 3) if matched else 0.0, "n": matched}
    out["direct/indirect (matched)"] = {"accuracy": round(kind_ok / matched, 3) if matched else 0.0, "n": matched}
    for kind, (found, total) in by_kind.items():
        out[f"recall of gold {kind} contents"] = {"accuracy": round(found / total, 3) if total else 0.0, "n": total}
    out["docs"], out["predicted quotes"] = len(golds), n_pred
    return out


def run(path, pipeline, split: str = "dev", limit: int | None = None) -> dict:
    golds = load_gold(path, split, limit)
    docs = list(pipeline.pipe(Document(id=g.id, text=g.text, date=g.date) for g in golds))
    return score(golds, docs)
