"""Normalisers for durations ("nearly four months", "two-year"), clock times ("10 a.m.") and sets
("daily", "every Sunday", "$5 million a year").
"""
from __future__ import annotations

import re
from datetime import timedelta

from . import normalise as cal
from .normalise import lexicon

from .values import RELDAY, Context, duration_of, handles, lowered, month_number, number, weekday_number, word_before


@handles("duration")
def _duration(m, ctx: Context):
    n_text = lowered(m, "n")
    bare_article = n_text in ("a", "an") and not (m["approx"] or m["rel"])
    if bare_article and _QUANTITIES.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return None  # a rate ("$5 million a year") is a set: rule a_unit
    if bare_article:
        after = ctx.text[m.end():m.end() + 12].lower()
        if re.match(r"\s*(?:of|or so|and a half)\b", after):
            return None
    if m["unit"].lower().startswith("quarter") and n_text in ("a", "one") and not m["rel"]:
        return None  # "a quarter" is usually a fraction
    if m["unit"].lower() == "second" and n_text == "a" and not m["approx"] \
            and word_before(ctx, m.start()) not in ("for", "in", "about", "than"):
        return None  # "a second group" is an ordinal
    return "duration", duration_of(number(n_text), m["unit"])


@handles("adj_duration")
def _adj_duration(m, ctx):
    if m.group(0).lower().endswith("s"):
        return None  # "three-quarters" is a fraction; adjectival durations are singular ("two-year")
    n = 0.5 if m["n"].lower() == "half" else 1.5 if m["n"].lower().startswith("one-and") else \
        2.5 if m["n"].lower().startswith("two-and") else number(m["n"])
    return "duration", duration_of(n, m["unit"])


@handles("bare_units")
def _bare_units(m, ctx):
    if word_before(ctx, m.start()) not in _BEFORE_BARE_UNITS:
        return None
    return "duration", duration_of(None, m["w"])


@handles("recent_units")
def _recent_units(m, ctx):
    w = lowered(m, "w").replace("the ", "")
    return "date", "FUTURE_REF" if w in ("coming", "next", "upcoming") else "PAST_REF"


def _clock_value(m, ctx: Context, hour: int, minute: int) -> tuple[str, str | None]:
    day = None
    if m.groupdict().get("day"):
        w = m["day"].lower()
        if w in RELDAY and ctx.pub:
            day = (ctx.pub + timedelta(days=RELDAY[w])).isoformat()
        elif ctx.pub and w in lexicon()["weekdays"]:
            wd = weekday_number(w)
            day = cal.weekday(ctx.pub, wd, "future" if ctx.upcoming(m.start()) else "past").isoformat()
    day = day or ctx.day_for(m.start())
    return "time", f"{day or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"


@handles("clock")
def _clock(m, ctx):
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if hour > 12 or hour == 0:
        return None
    pm = m["ap"].lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return _clock_value(m, ctx, hour, minute)


@handles("clock24")
def _clock24(m, ctx):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if not (m["tz"] or re.search(r"\b(?:at|by|until|from|since|before|after|around|about)\s+$", before)):
        return None  # "3:16" is as often a score, a ratio or a verse
    return _clock_value(m, ctx, int(m["h"]), int(m["mi"]))


@handles("oclock")
def _oclock(m, ctx):
    h = int(number(m["h"]) or 0)
    if not 1 <= h <= 12:
        return None
    if m["pod"] and m["pod"].lower() in ("afternoon", "evening") and h < 12:
        h += 12
    return _clock_value(m, ctx, h, 0)


@handles("clockword")
def _clockword(m, ctx):
    hh, mm = lexicon()["clock_words"][m["w"].lower()].split(":")
    return _clock_value(m, ctx, int(hh), int(mm))


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "average", "initial", "first", "party"}
_AFTER_ADVERB = {"and", "or", "in", "on", "at", "by", "for", "to", "from", "since", "until", "through", "basis",
                 "with", "as", "over", "during", "rather", "than", "thereafter", "after", "before"}


@handles("setword")
def _setword(m, ctx):
    """"paid quarterly" is a set; "a quarterly dividend", "the party daily" use the word as an adjective or noun."""
    nxt = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end():])
    if word_before(ctx, m.start()) in _DETERMINERS or nxt and nxt.group(1).islower() and nxt.group(1) not in _AFTER_ADVERB:
        return None
    return "set", lexicon()["sets"][m["w"].lower()]


@handles("every")
def _every(m, ctx):
    n = 2 if (m["other"] or "").lower() == "other" else 1
    if m["unit"]:
        return "set", duration_of(n, m["unit"])
    if m["wd"]:
        return "set", f"XXXX-WXX-{weekday_number(m['wd']) + 1}"
    if m["mon"]:
        return "set", f"XXXX-{month_number(m['mon']):02d}"
    return "set", f"XXXX-{lexicon()['seasons'][m['season'].lower()]}"


@handles("times_a")
def _per_unit(m, ctx):
    return "set", duration_of(1, m["unit"])


_BEFORE_BARE_UNITS = {"for", "within", "over", "after", "in", "took", "take", "lasted", "last", "those", "these",
                      "the", "recent", "coming", "past"}
_QUANTITIES = re.compile(r"(?:\d|million|billion|trillion|percent|dollars|cents|yen|marks|pounds|francs|each)\s+$", re.I)


@handles("a_unit")
def _rate(m, ctx):
    """"$5 million a year": a rate is a set."""
    if not _QUANTITIES.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return None
    return "set", duration_of(1, m["unit"])
