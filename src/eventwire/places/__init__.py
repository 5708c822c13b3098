"""places: toponyms found in the text and resolved offline to GeoNames ids and coordinates.

Entry points: `Gazetteer.load()` (once per process), `find_places(doc, sdoc, gazetteer) -> list[Place]`
and `locate_events(doc, sdoc)`, which sets `Event.location` to the place the event's sentence puts it
("in Kyiv", "near the border with Syria"). Names acting as actors ("Washington warned") and demonyms
("Chinese") are the actors stage's, not places. How it works and how well: docs/places.md.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from ..document import Document, Place
from ..parse import root_at
from .detect import actor_use, find_toponyms
from .gazetteer import Entry, Gazetteer, name_key
from .resolve import resolve_all

__all__ = ["Gazetteer", "find_places", "locate_events"]

# prepositions that put something at a place (not "to", "from": movement names two places, and the event's
# place is usually the other one)
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "on", "into",
            "outside of", "over", "off"}


def find_places(doc: Document, sdoc, gazetteer: Gazetteer) -> list[Place]:
    toponyms = find_toponyms(sdoc, gazetteer)
    # "Paris, Texas" / "Columbus, Ohio": the second name may contain the first
    pairs = [(i, i + 1) for i in range(len(toponyms) - 1)
             if toponyms[i + 1].start == toponyms[i].end + 1 and sdoc[toponyms[i].end].text == ","]
    actor_countries = Counter(m.country for m in doc.mentions if m.country and m.resolved)
    regions = {name_key(t.text) for t in toponyms if t.region}
    entries = resolve_all([t.text for t in toponyms], pairs, actor_countries, gazetteer, regions)
    starts = [s.start for s in doc.sentences]
    places = []
    for t, e in zip(toponyms, entries):
        span = sdoc[t.start:t.end]
        s_idx = max(bisect_right(starts, span.start_char) - 1, 0)
        places.append(_place(span.text, span.start_char, span.end_char, e, s_idx))
    return places


def _place(text: str, start: int, end: int, e: Entry | None, sentence: int) -> Place:
    if e is None:
        return Place(text, start, end, None, None, None, None, None, sentence)
    return Place(text, start, end, e.geonameid, e.name, e.country, e.lat, e.lon, sentence)


def locate_events(doc: Document, sdoc) -> None:
    """Give each event the resolved place its sentence locates things at, nearest its trigger."""
    by_sentence: dict[int, list[tuple[int, Place]]] = {}
    for p in doc.places:
        if p.lat is None:
            continue
        span = sdoc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not _locative(span):
            continue
        by_sentence.setdefault(p.sentence, []).append((span.root.i, p))
    for ev in doc.events:
        here = by_sentence.get(ev.evidence.sentence)
        if not here:
            continue
        trigger = root_at(sdoc, ev.evidence.trigger)
        at = trigger.i if trigger is not None else here[0][0]
        ev.location = min(here, key=lambda x: abs(x[0] - at))[1]


def _locative(span) -> bool:
    root = span.root
    # "in Kyiv", "in the Kyiv region", "in Kyiv, Ukraine": climb compounds and appositions to the noun that
    # carries the preposition (UD: the preposition is a "case" child of an obl / nmod)
    for _ in range(3):
        if any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in root.children):
            return root.dep_ in ("obl", "nmod", "obl:tmod", "pobj") and not actor_use(span)
        if root.dep_ not in ("compound", "appos", "conj", "amod", "flat", "nmod:poss") or root.head is root:
            return False
        root = root.head
    return False
