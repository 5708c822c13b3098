"""events: code CAMEO/PLOVER events from the parse with our lexicon, modality rules and evidence.

Entry point: `code_events(doc, sdoc, coder) -> list[Event]` (also stored on `doc.events`);
build the coder once with `EventCoder(Lexicon.load())`.
"""
from __future__ import annotations

from ..document import Document, Event
from .coder import EventCoder
from .lexicon import CameoCode, Lexicon, Pattern

__all__ = ["CameoCode", "EventCoder", "Lexicon", "Pattern", "code_events", "distinct"]


def code_events(doc: Document, sdoc, coder: EventCoder) -> list[Event]:
    doc.events = distinct(coder(doc, sdoc))
    return doc.events


def _side(actor) -> tuple:
    return (actor.code, actor.start, actor.end) if actor is not None else None


def distinct(events: list[Event]) -> list[Event]:
    """One event per sentence, code and pair of actors: two rules reading the same act ("received aid from
    the US" as a receiving verb and as the aid noun) would otherwise count it twice in every dyad series.
    The more confident reading stays, in the order the coder gave."""
    best: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.evidence.sentence, ev.cameo, _side(ev.source), _side(ev.target))
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    keep = {id(ev) for ev in best.values()}
    return [ev for ev in events if id(ev) in keep]
