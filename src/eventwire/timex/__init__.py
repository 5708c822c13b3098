"""timex: find time expressions and normalise them against the publication date (TIMEX3 values).

Entry point: `find_times(text, pub_date) -> list[TimeExpression]`; `event_date(times, trigger, sentence,
pub_date)` picks the date governing an event. News conventions: a bare weekday is the latest such day on
or before the publication date ("on Wednesday"), "February 24" the latest past 24 February (unless the
clause points ahead or the day is just days away); durations stay durations ("nearly four months" ->
P4M); "now" is PRESENT_REF, "the third quarter" the latest third quarter begun, "the 1990s" 199.
Rules live in rules.py (patterns), handlers.py (one normaliser per rule) and data/lexicon.yaml (words).
"""
from __future__ import annotations

import re
from datetime import date

from ..document import TimeExpression
from . import normalise as cal
from . import durations, relative  # noqa: F401  (they register their normalisers)
from .handlers import BACKWARD
from .rules import rules
from .values import HANDLERS, Context


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    found = []
    for priority, (name, pattern) in enumerate(rules()):
        for m in pattern.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " \t\n,":
                e -= 1
            if e > s:
                found.append((s, e, priority, name, m))
    return found


def find_times(text: str, pub_date: str | None) -> list[TimeExpression]:
    """Time expressions in `text`, longest match first where rules overlap, each with a TIMEX3 value."""
    ctx = Context(text=text, pub=date.fromisoformat(pub_date[:10]) if pub_date else None)
    probe = Context(text=text, pub=ctx.pub)  # rejections depend on the words only, not on the anchor
    taken = [False] * (len(text) + 1)
    chosen = []
    for s, e, _, name, m in sorted(_candidates(text), key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(taken[s:e]) or HANDLERS[name](m, probe) is None:
            continue
        chosen.append((s, e, name, m))
        for i in range(s, e):
            taken[i] = True
    out = []
    for s, e, name, m in sorted(chosen, key=lambda c: c[0]):
        typ, value = HANDLERS[name](m, ctx)
        out.append(TimeExpression(text=text[s:e], start=s, end=e, type=typ, value=value))
        parsed = cal.parse(value)
        if parsed and typ in ("date", "time") and not BACKWARD.search(text[s:e]):
            ctx.anchor = value
            if parsed[0] == "D":
                ctx.day = (value[:10], e)
    return out


def event_date(times: list[TimeExpression], trigger, sentence, pub_date: str | None) -> tuple[str | None, str]:
    """The full date of the time expression that modifies the event's trigger (same clause), else the
    publication date. `trigger` is the spaCy token of the event's trigger, `sentence` its Sentence."""
    clause = _clause_head(trigger)
    for t in times:
        if not (sentence.start <= t.start < sentence.end) or t.type not in ("date", "time") or not t.value:
            continue
        if not re.match(r"\d{4}-\d{2}-\d{2}(?:T|$)", t.value):  # day-level values only ("Friday night" too)
            continue
        span = trigger.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _clause_head(span.root) == clause:
            return t.value[:10], "text"
    return pub_date, "publication"


def _clause_head(tok):
    """The nearest verb at or above a token: the clause it belongs to."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok
