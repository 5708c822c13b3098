"""timex: find time expressions and normalise them against the publication date.

Entry point: `find_times(text, pub_date) -> list[TimeExpression]`; `event_date(times, start, end)` picks
the date governing a span. News conventions: a bare weekday is the latest such day on or before the
publication date, "February 24" the latest past 24 February; durations stay durations (P4M).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..document import TimeExpression

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": None, "few": None}
UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "decade": "DE"}

_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(\d{4}))?\b", re.I)),
    ("my", re.compile(r"\b" + _MON + r"\s+(\d{4})\b", re.I)),
    ("weekday", re.compile(r"\b(last|next|this|on)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relday", re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.I)),
    ("relper", re.compile(r"\b(last|next|this|earlier this|later this|early this|late last)\s+(week|month|year)\b", re.I)),
    ("duration", re.compile(r"\b(?:(nearly|almost|about|around|more than|over|some)\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|few)\s+(day|week|month|year|hour|decade)s?\b(?!\s+(?:ago|old))", re.I)),
    ("ago", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|by|during|until)\s+((?:19|20)\d{2})\b", re.I)),
]


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower().rstrip(".")[:3]]


def _past(pub: date, month: int, day: int) -> date | None:
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= pub:
            return d
    return None


def _shift(pub: date, n: int, unit: str) -> date:
    return pub - relativedelta(**{unit + "s": n})


def _value(kind: str, m: re.Match, pub: date | None) -> tuple[str, str | None]:
    g = m.groups()
    if kind == "iso":
        return "date", f"{g[0]}-{g[1]}-{g[2]}"
    if kind in ("mdy", "dmy"):
        mon, day, year = (g[0], g[1], g[2]) if kind == "mdy" else (g[1], g[0], g[2])
        month, day = _month(mon), int(day)
        if year:
            return "date", f"{int(year):04d}-{month:02d}-{day:02d}"
        d = _past(pub, month, day) if pub else None
        return "date", d.isoformat() if d else f"XXXX-{month:02d}-{day:02d}"
    if kind == "my":
        return "date", f"{int(g[1]):04d}-{_month(g[0]):02d}"
    if kind == "weekday":
        mod, wd = (g[0] or "").lower(), DAYS.index(g[1].lower())
        if not pub:
            return "date", None
        back = (pub.weekday() - wd) % 7
        if mod == "next":
            return "date", (pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)).isoformat()
        if mod == "last" and back == 0:
            back = 7
        return "date", (pub - timedelta(days=back)).isoformat()
    if kind == "relday":
        off = {"today": 0, "tonight": 0, "yesterday": 1, "tomorrow": -1}[g[0].lower()]
        return "date", (pub - timedelta(days=off)).isoformat() if pub else None
    if kind == "relper":
        mod, unit = g[0].lower(), g[1].lower()
        if not pub:
            return "date", None
        step = -1 if mod == "next" else 1 if mod in ("last", "late last") else 0
        if unit == "week":
            iso = (pub - timedelta(weeks=step)).isocalendar()
            return "date", f"{iso[0]}-W{iso[1]:02d}"
        if unit == "month":
            d = _shift(pub, step, "month")
            return "date", f"{d.year:04d}-{d.month:02d}"
        return "date", str(pub.year - step)
    if kind == "duration":
        n = g[1].lower()
        num = int(n) if n.isdigit() else NUMBERS.get(n)
        return "duration", f"P{num if num is not None else 'X'}{UNITS[g[2].lower()]}"
    if kind == "ago":
        n = g[0].lower()
        num = int(n) if n.isdigit() else NUMBERS.get(n) or 1
        unit = g[1].lower()
        width = {"day": 10, "week": 10, "month": 7, "year": 4}[unit]
        return "date", _shift(pub, num, unit).isoformat()[:width] if pub else None
    return "date", g[0]


def find_times(text: str, pub_date: str | None) -> list[TimeExpression]:
    pub = date.fromisoformat(pub_date) if pub_date else None
    found: list[TimeExpression] = []
    taken: set[int] = set()
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if kind == "weekday" and (m.group(1) or "").lower() == "on":
                s = m.start(2)  # "on Wednesday": the expression is the weekday
            elif kind in ("weekday",) and m.group(1) is None:
                s = m.start(2)
            if taken.intersection(range(s, e)):
                continue
            if kind == "duration" and m.group(2).lower() in ("a", "an") and not m.group(1):
                continue  # "a day" alone is too often idiom ("a day of talks")
            typ, value = _value(kind, m, pub)
            taken.update(range(s, e))
            found.append(TimeExpression(text=text[s:e], start=s, end=e, type=typ, value=value))
    return sorted(found, key=lambda t: t.start)


def event_date(times: list[TimeExpression], trigger, sentence, pub_date: str | None) -> tuple[str | None, str]:
    """The full date of the time expression that modifies the event's trigger (same clause), else the
    publication date. `trigger` is the spaCy token of the event's trigger, `sentence` its Sentence."""
    clause = _clause_head(trigger)
    for t in times:
        if not (sentence.start <= t.start < sentence.end) or t.type != "date" or not t.value:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            continue
        span = trigger.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _clause_head(span.root) == clause:
            return t.value, "text"
    return pub_date, "publication"


def _clause_head(tok):
    """The nearest verb at or above a token: the clause it belongs to."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok
