"""Output formats: the one-event-per-line JSONL contract, per-document JSON, CSV and a readable table."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Iterable

from rich.markup import escape

from .document import Actor, Document, Event, Place


def actor_dict(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"text": actor.text, "start": actor.start, "end": actor.end, "code": actor.code,
            "country": actor.country, "sector": actor.sector, "name": actor.name}


def place_dict(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"text": place.text, "geonameid": place.geonameid, "name": place.name, "country": place.country,
            "lat": place.lat, "lon": place.lon}


def event_record(doc: Document, ev: Event) -> dict:
    """One event as the stable JSONL contract (scored by ../shared/tools/eventscore.py)."""
    e = ev.evidence
    return {
        "doc_id": doc.id, "sentence": e.sentence,
        "source": actor_dict(ev.source), "target": actor_dict(ev.target),
        "cameo": ev.cameo, "cameo_name": ev.cameo_name, "plover": ev.plover, "plover_mode": ev.plover_mode,
        "goldstein": ev.goldstein, "quad_class": ev.quad_class, "date": ev.date, "date_from": ev.date_from,
        "location": place_dict(ev.location), "confidence": ev.confidence, "quote": ev.quote,
        "evidence": {"sentence_text": e.sentence_text,
                     "trigger": {"text": e.trigger.text, "start": e.trigger.start, "end": e.trigger.end},
                     "rule": e.rule},
    }


def document_record(doc: Document) -> dict:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "source": doc.source, "date": doc.date,
        "language": doc.language, "text": doc.text,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in doc.sentences],
        "mentions": [m.to_dict() for m in doc.mentions],
        "events": [event_record(doc, ev) for ev in doc.events],
        "quotes": [asdict(q) for q in doc.quotes],
        "times": [asdict(t) for t in doc.times],
        "places": [asdict(p) for p in doc.places],
        "errors": doc.errors,
    }


def to_jsonl(docs: Iterable[Document]) -> Iterable[str]:
    for doc in docs:
        for ev in doc.events:
            yield json.dumps(event_record(doc, ev), ensure_ascii=False)


CSV_FIELDS = ["doc_id", "sentence", "date", "source_text", "source_code", "source_country", "source_sector",
              "cameo", "cameo_name", "plover", "plover_mode", "goldstein", "quad_class", "target_text",
              "target_code", "target_country", "target_sector", "confidence", "trigger", "rule"]


def csv_rows(doc: Document) -> Iterable[dict]:
    for ev in doc.events:
        row = {"doc_id": doc.id, "sentence": ev.evidence.sentence, "date": ev.date, "cameo": ev.cameo,
               "cameo_name": ev.cameo_name, "plover": ev.plover, "plover_mode": ev.plover_mode,
               "goldstein": ev.goldstein, "quad_class": ev.quad_class, "confidence": ev.confidence,
               "trigger": ev.evidence.trigger.text, "rule": ev.evidence.rule}
        for side, actor in (("source", ev.source), ("target", ev.target)):
            for k in ("text", "code", "country", "sector"):
                row[f"{side}_{k}"] = getattr(actor, k) if actor else None
        yield row


def csv_header() -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS).writeheader()
    return buf.getvalue()


def csv_lines(doc: Document) -> str:
    buf = io.StringIO()
    csv.DictWriter(buf, CSV_FIELDS).writerows(csv_rows(doc))
    return buf.getvalue()


def _snippet(doc: Document, ev: Event, width: int = 120) -> str:
    """The sentence around the trigger, trimmed to `width` characters, the trigger in bold."""
    sent = doc.sentences[ev.evidence.sentence]
    t = ev.evidence.trigger
    lo = max(sent.start, min(t.start - width // 3, sent.end - width))
    hi = min(sent.end, lo + width)
    head = ("…" if lo > sent.start else "") + doc.text[lo:t.start]
    tail = doc.text[t.end:hi] + ("…" if hi < sent.end else "")
    return f"{escape(head)}[bold]{escape(t.text)}[/bold]{escape(tail)}"


def render_table(doc: Document, console) -> None:
    from rich.table import Table

    table = Table(title=f"{doc.id} — {len(doc.events)} events", show_lines=False)
    for col in ("date", "source", "event", "target", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in doc.events:
        src = f"{ev.source.text}\n[dim]{ev.source.code or '?'}[/dim]" if ev.source else "—"
        tgt = f"{ev.target.text}\n[dim]{ev.target.code or '?'}[/dim]" if ev.target else "—"
        trig = ev.evidence.trigger
        snippet = _snippet(doc, ev)
        table.add_row(ev.date or "", src, f"{ev.cameo} {ev.cameo_name}\n[dim]{trig.text}[/dim]", tgt, snippet)
    console.print(table)
