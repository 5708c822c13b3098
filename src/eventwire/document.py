"""The typed record that flows through every stage: Document -> sentences -> mentions -> events.

Plain dataclasses so a Document pickles across processes (Dask workers, multiprocessing) and
serialises to JSON with `to_dict`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Span:
    text: str
    start: int  # character offsets into Document.text
    end: int


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A resolved actor: what the text says and what it codes to."""
    text: str
    start: int
    end: int
    code: str | None = None  # e.g. "USAGOV", "IGOUNO"
    country: str | None = None  # ISO3
    sector: str | None = None  # GOV, MIL, ...
    name: str | None = None  # canonical name from the knowledge base ("Xi Jinping")
    kind: str = "unknown"  # country | person | institution | organization | agent | ner | coref

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention(Actor):
    """An actor mention found in a sentence (before it plays a role in an event)."""
    sentence: int = 0
    resolved: bool = True  # False when only NER saw it and the country is unknown
    antecedent: Span | None = None  # for "it", "he", "the two leaders": the mention they refer back to

    def as_actor(self, where: Span | None = None) -> Actor:
        """The mention as an event argument, spanning `where` (the phrase it stands in) or itself."""
        at = where or Span(self.text, self.start, self.end)
        return Actor(text=at.text, start=at.start, end=at.end, code=self.code, country=self.country,
                     sector=self.sector, name=self.name, kind=self.kind)


@dataclass
class Evidence:
    sentence: int
    sentence_text: str
    trigger: Span
    rule: str  # id of the lexicon pattern or model that produced the event
    source: Span | None = None
    target: Span | None = None


@dataclass
class Event:
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    evidence: Evidence
    plover: str | None = None
    plover_mode: str | None = None
    date: str | None = None
    date_from: str = "publication"  # publication | text
    location: Place | None = None  # where the event's sentence puts it ("in Kyiv"); set by the places stage
    confidence: float = 0.5
    negated: bool = False
    quote: int | None = None  # index into Document.quotes when the event is stated inside a quote

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass
class Quote:
    speaker: Actor | None
    cue: Span | None
    content: Span
    kind: str  # direct | indirect | mixed
    sentence: int = 0
    reported_by: str | None = None


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    type: str  # date | time | duration | set
    value: str | None


@dataclass
class Place:
    """A toponym resolved to a GeoNames entry."""
    text: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    sentence: int = 0


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # publisher / feed
    date: str | None = None  # publication date, YYYY-MM-DD
    language: str = "en"
    format: str = "text"  # text | html: how `clean` must treat `text`
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for ev, d in zip(self.events, out["events"]):
            d["root"] = ev.root
        return out
