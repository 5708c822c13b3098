"""events: code CAMEO/PLOVER events from the parse with our lexicon, modality rules and evidence.

Entry point: `code_events(doc, sdoc, coder) -> list[Event]` (also stored on `doc.events`);
build the coder once with `EventCoder(Lexicon.load())`.
"""
from __future__ import annotations

from ..document import Document, Event
from .coder import EventCoder
from .lexicon import CameoCode, Lexicon, Pattern

__all__ = ["CameoCode", "EventCoder", "Lexicon", "Pattern", "code_events"]


def code_events(doc: Document, sdoc, coder: EventCoder) -> list[Event]:
    doc.events = coder(doc, sdoc)
    return doc.events
