"""evaluate: score predicted events against an "eventgold v1" file, field by field.

Entry point: `score(gold_rows, pred_events) -> {metric: {"P", "R", "F1", "n_gold"}}`. Only the fields a
gold document lists in its "labels" are scored. Matching follows the conventions of the field's
scorer (../shared/tools/eventscore.py): per-document sets of values; actor spans match when their
content words overlap with Dice >= 0.5. A test keeps the two in agreement.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

STOP = {"the", "a", "an", "of", "s"}
POLICE_SECTORS = {"COP", "POL", "SPY"}


def as_list(x) -> list:
    return [] if x is None else x if isinstance(x, list) else [x]


def penta_of(code) -> int | None:
    """CAMEO five-way class: statement, verbal coop, material coop, verbal conflict, material conflict."""
    s = str(code or "")
    if len(s) < 2 or not s[:2].isdigit():
        return None
    root = int(s[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 or root == 16 else 4


def content_words(text) -> list[str]:
    return [w for w in re.findall(r"\w+", str(text or "").lower()) if w not in STOP]


def spans_agree(a, b) -> bool:
    x, y = Counter(content_words(a)), Counter(content_words(b))
    if not x or not y:
        return False
    shared = sum((x & y).values())
    return shared > 0 and 2 * shared / (sum(x.values()) + sum(y.values())) >= 0.5


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0  # used by the no-event false-alarm count only

    def sets(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def result(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "n_gold": self.tp + self.fn}


def _values(events, field: str, predicted: bool) -> set:
    out = set()
    for e in events:
        if field == "penta":
            v = penta_of(e.get("cameo")) if predicted else e.get("penta")
        elif field == "root":
            v = str(e["cameo"])[:2] if e.get("cameo") else None
        else:
            v = e.get(field)
        if v is not None:
            out.add(v)
    return out


def _actor_values(events, side: str, key: str) -> set:
    return {a.get(key) for e in events for a in as_list(e.get(side)) if a.get(key)}


def _triples(events) -> set:
    return {(a.get("country"), str(e["cameo"])[:2], b.get("country"))
            for e in events if e.get("cameo")
            for a in as_list(e.get("source")) for b in as_list(e.get("target"))}


def score(gold_rows: Iterable[dict], pred_events: Iterable[dict]) -> dict:
    by_doc = defaultdict(list)
    for e in pred_events:
        by_doc[str(e.get("doc_id"))].append(e)
    tallies: dict[str, Tally] = defaultdict(Tally)
    n_docs = with_events = 0
    for g in gold_rows:
        n_docs += 1
        labels, gold, pred = set(g["labels"]), g["events"], by_doc.get(str(g["id"]), [])
        with_events += bool(pred)
        for field in ("penta", "cameo", "plover"):
            if field in labels:
                tallies[field].sets(_values(gold, field, False), _values(pred, field, True))
        if "cameo" in labels:
            tallies["cameo.root"].sets(_values(gold, "root", False), _values(pred, "root", True))
        for side in ("source", "target"):
            for key in ("country", "code"):
                if f"{side}.{key}" in labels:
                    tallies[f"{side}.{key}"].sets(_actor_values(gold, side, key), _actor_values(pred, side, key))
            if f"{side}.text" in labels:
                g_txt = [a["text"] for e in gold for a in as_list(e[side]) if a.get("text")]
                p_txt = [a.get("text") for e in pred for a in as_list(e.get(side)) if a.get("text")]
                found = sum(any(spans_agree(x, y) for y in p_txt) for x in g_txt)
                right = sum(any(spans_agree(x, y) for x in g_txt) for y in p_txt)
                t = tallies[f"{side}.span"]
                t.tp += found
                t.fn += len(g_txt) - found
                t.fp += len(p_txt) - right
        if {"source.country", "target.country", "cameo"} <= labels:
            tallies["triple(src.country,root,tgt.country)"].sets(_triples(gold), _triples(pred))
        if "noevent" in labels and not gold:
            # a no-event sentence: any predicted event is a false alarm
            tallies["noevent(false alarms)"].fp += bool(pred)
            tallies["noevent(false alarms)"].tn += not pred
        if "police_labels" in labels:
            gold_any = bool(g["police_labels"])
            pred_any = any((a.get("sector") or "") in POLICE_SECTORS for e in pred for a in as_list(e.get("source")))
            tallies["police_action(sentence)"].sets({1} if gold_any else set(), {1} if pred_any else set())
            arrest = any(str(e.get("cameo") or "").startswith("173") or (e.get("plover_mode") or "").lower() == "arrest"
                         for e in pred)
            tallies["police_arrest(sentence)"].sets({1} if "ARREST" in g["police_labels"] else set(),
                                                    {1} if arrest else set())
    out = {}
    for name, t in sorted(tallies.items()):
        if name.startswith("noevent"):
            n = t.fp + t.tn
            out[name] = {"docs": n, "with_events": t.fp, "rate": round(t.fp / n, 3) if n else 0.0}
        else:
            out[name] = t.result()
    out["docs"], out["docs_with_events"] = n_docs, with_events
    return out


def code_rows(rows: list[dict], pipeline) -> list[dict]:
    """Predicted event records for gold rows, each with `doc_id` set to the id of the row it falls in.

    Rows that carry an article id ("doc": the India police set, one row per sentence) are coded as the
    article they come from, as users code articles: a sentence like "he said they fired" is a police act
    only through the sentences before it. The rows of one article are joined in order with a blank line
    between them (the parse always ends a sentence there, so no event straddles two rows) and each event
    goes to the row whose characters hold its trigger. Rows without "doc" are coded one by one."""
    from ..document import Document
    from ..formats import event_record

    articles: dict = {}
    for n, r in enumerate(rows):  # ids may repeat in a set: a row without "doc" is its own unit
        key = ("doc", r["doc"]) if r.get("doc") is not None else ("row", n)
        articles.setdefault(key, []).append(r)
    out: list[dict] = []
    units = [_article(group) for group in articles.values()]
    for ((group, parts), _), doc in zip(units, pipeline.pipe(d for _, d in units)):
        for err in doc.errors:  # a failed document scores as "no events": say so, or a crash looks like a miss
            print(f"eventwire eval: document {doc.id}: {err}", file=sys.stderr)
        located = _locate(doc.text, parts) if parts is not None else [(0, len(doc.text), str(group[0]["id"]))]
        if located is None:  # cleaning changed the article beyond recognition: code its rows one by one
            out += [event_record(d, ev) for d in pipeline.pipe(Document(id=str(r["id"]), text=r["text"],
                                                                         date=r.get("date")) for r in group)
                    for ev in d.events]
            continue
        for ev in doc.events:
            row = next((rid for start, end, rid in located if start <= ev.evidence.trigger.start < end), None)
            if row is not None:
                out.append({**event_record(doc, ev), "doc_id": row})
    return out


def _article(group: list[dict]):
    """((rows, [(cleaned row text, row id)]), Document) for one article: its rows, cleaned as the pipeline
    cleans a row, joined by blank lines (empty rows left out: they hold no event)."""
    from ..clean import clean
    from ..document import Document

    first = group[0]
    if len(group) == 1:
        return (group, None), Document(id=str(first["id"]), text=first["text"], date=first.get("date"))
    parts = [(clean(Document(id=str(r["id"]), text=r["text"])).text, str(r["id"])) for r in group]
    parts = [(t, rid) for t, rid in parts if t.strip()]
    text = "\n\n".join(t for t, _ in parts)
    return (group, parts), Document(id=f"doc-{first['doc']}", text=text, date=first.get("date"))


def _locate(text: str, parts) -> list[tuple[int, int, str]] | None:
    """(start, end, row id) of each row's text in the coded article, in order; None if one is missing."""
    out, at = [], 0
    for part, rid in parts:
        start = text.find(part, at)
        if start < 0:
            return None
        out.append((start, start + len(part), rid))
        at = start + len(part)
    return out


def kind_of(path) -> str | None:
    """Which gold data a path holds: "events" (eventgold JSONL), "quotes" (PolNeAR brat folders),
    "times" (TimeML .tml folders) or "places" (GeoWebNews / TR-News XML); None when unknown."""
    from pathlib import Path

    path = Path(path)
    if path.is_file():
        if path.suffix == ".jsonl":
            return "events"
        if path.suffix == ".xml" and path.name.lower().startswith(("gwn", "tr-news")):
            return "places"
        return None
    if any(path.rglob("*.ann")):
        return "quotes"
    if any(path.rglob("*.tml")):
        return "times"
    return None
