"""Normalisers for calendar expressions: explicit dates, months, seasons, years, decades, quarters, holidays.

Each turns a match of its rule (rules.py) into (type, TIMEX3 value), or None to reject the match.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import normalise as cal
from .normalise import lexicon

from dateutil.easter import easter

from .values import HANDLERS, Context, day_number, handles, lowered, month_number, year_number


@handles("iso")
def _iso(m, ctx: Context):
    return "date", f"{m['y']}-{m['mo']}-{m['d']}"


@handles("slash")
def _slash(m, ctx):
    return "date", f"{year_number(m['y'], ctx.pub):04d}-{int(m['mo']):02d}-{int(m['d']):02d}"


def _day_of_month(m, ctx: Context):
    month, day = month_number(m["mon"]), day_number(m["d"])
    year = year_number(m["y"], ctx.pub)
    if year:
        return "date", f"{year:04d}-{month:02d}-{day:02d}"
    if not ctx.pub:
        return "date", f"XXXX-{month:02d}-{day:02d}"
    d = cal.month_day(ctx.pub, month, day, ctx.upcoming(m.start()))
    return "date", d.isoformat() if d else f"XXXX-{month:02d}-{day:02d}"


HANDLERS["mdy"] = HANDLERS["dmy"] = _day_of_month


@handles("my")
def _month_year(m, ctx):
    return "date", f"{year_number(m['y'], ctx.pub):04d}-{month_number(m['mon']):02d}"


@handles("month")
def _month(m, ctx: Context):
    mon = m["mon"].rstrip(".")
    if len(mon) <= 4 and mon not in ("May", "June", "July") and not ctx.text.startswith(".", m.end("mon")):
        return None  # "Jan" without its full stop is a name
    if mon == "May" and not (m["mod"] or m["rel"]):
        before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
        if not before or before[-1] not in {"in", "since", "by", "until", "of", "during", "through", "from", "to",
                                            "late", "early", "mid", "before", "after", "till", "and", "or"}:
            return None
    month, rel = month_number(mon), lowered(m, "rel")
    if rel in ("each", "every"):
        return "set", f"XXXX-{month:02d}"
    if not ctx.pub:
        return "date", f"XXXX-{month:02d}"
    direction = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
    return "date", cal.month_only(ctx.pub, month, direction, ctx.upcoming(m.start()))


@handles("season")
def _season(m, ctx: Context):
    word, rel = m["season"].lower(), lowered(m, "rel")
    if word == "fall" and not (rel or m["mod"] or m["y"]):
        return None  # the verb
    code = lexicon()["seasons"][word]
    if rel in ("each", "every"):
        return "set", f"XXXX-{code}"
    year = year_number(m["y"], ctx.pub)
    if year is None:
        if not ctx.pub:
            return "date", f"XXXX-{code}"
        year = ctx.pub.year
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        if rel in ("last", "this past") and (start_month >= ctx.pub.month or rel == "last" and code != "WI"):
            year -= 1 if start_month >= ctx.pub.month else 0
        elif rel == "next" and start_month <= ctx.pub.month:
            year += 1
        elif rel == "that" and ctx.anchor and cal.parse(ctx.anchor):
            year = cal.parse(ctx.anchor)[1].year
    return "date", f"{year:04d}-{code}"


@handles("year")
def _year(m, ctx):
    return "date", m["y"]


@handles("spoken_year")
def _spoken_year(m, ctx):
    y = year_number(m["y"], ctx.pub)
    return ("date", str(y)) if y and 1000 <= y <= 2100 else None


@handles("decade")
def _decade(m, ctx: Context):
    if m["c"]:
        return "date", f"{m['c']}{m['dd']}"
    digit = m["dd2"] or (str(lexicon()["decades"][m["dw"].lower()]) if m["dw"] else None)
    if m.group(0).lower().startswith("nineteen"):
        return "date", f"19{digit}"
    if not ctx.pub:
        return "date", f"XX{digit}"
    century = ctx.pub.year // 100 - (1 if int(digit) > ctx.pub.year % 100 // 10 else 0)
    return "date", f"{century}{digit}"


@handles("century")
def _century(m, ctx):
    n = int(m["n"]) if m["n"] else lexicon()["ordinals"][m["o"].lower()]
    return "date", f"{n - 1:02d}"


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}
_BACK_A_YEAR = {"year-earlier", "year-ago", "year-before", "comparable", "corresponding", "last year's"}
# comparisons ("a year earlier", "the year-ago quarter") are read against the anchor but do not move it
BACKWARD = re.compile(r"year[- ](?:earlier|ago|before)|comparable|corresponding|\bago\b|earlier|later|last year's", re.I)


@handles("quarter")
def _quarter(m, ctx: Context):
    mods = []
    for w in lowered(m, "mods").strip(" -").split():
        mods.extend([w] if w in _BACK_A_YEAR or "'" in w else w.split("-"))
    mods = [w for w in mods if w]
    words = set(mods)
    year = year_number(m["y"], ctx.pub) or next((int(w) for w in mods if w.isdigit()), None)
    lead = m.group(0).lower().split()[0]
    if m["unit"].lower() == "period" and not (words & (_BACK_A_YEAR | {"latest", "same"}) or year):
        return None
    if not words and not year and lead not in ("the", "its", "their", "this", "that", "each", "every"):
        return None
    if m["pl"] or lead in ("each", "every"):
        q = next((_QUARTER_ORD[w] for w in mods if w in _QUARTER_ORD), None)
        return ("set", f"XXXX-Q{q}" if q else "P3M") if lead in ("each", "every") or not m["pl"] else None
    if not ctx.pub and not year:
        return "date", "XXXX-QX"
    back = bool(words & _BACK_A_YEAR) or "year" in words and "ago" in words
    if "this year's" in words:
        year = ctx.pub.year
    elif "next year's" in words:
        year = ctx.pub.year + 1
    q = next((_QUARTER_ORD[w] for w in mods if w in _QUARTER_ORD), None)
    if q:
        value = cal.quarter_of(ctx.pub, q, year) if ctx.pub or year else None
        if year is None and back:
            value = cal.shift(value, -1, "Y")
        return "date", value
    if year:
        return "date", f"{year}-QX"
    if words & {"current", "this"} or lead == "this":
        base = cal.quarter(ctx.pub)
    elif words & {"previous", "last"} and not back:
        base = cal.shift(cal.quarter(ctx.pub), -1, "Q")
    elif ctx.anchor and cal.parse(ctx.anchor) and cal.parse(ctx.anchor)[0] == "Q":
        base = ctx.anchor
    else:
        base = cal.reported_quarter(ctx.pub)
    return "date", cal.shift(base, -1, "Y") if back else base


@handles("half")
def _half(m, ctx: Context):
    h = 1 if m["h"].lower() == "first" else 2
    rel = lowered(m, "rel")
    if not (m["y"] or rel or m.group(0).lower().startswith("the")):
        return None
    if m["dd"]:
        return "date", f"{ctx.pub.year // 100 if ctx.pub else 19}{m['dd']}"
    year = int(m["y"]) if m["y"] else ctx.pub.year + {"last": -1, "next": 1}.get(rel, 0) if ctx.pub else None
    return "date", f"{year}-H{h}" if year else "XXXX-HX"


@handles("holiday")
def _holiday(m, ctx: Context):
    name = lowered(m, "h")
    if not m["h"][0].isupper():
        return None
    year = int(m["y"]) if m["y"] else None
    if year is None and not ctx.pub:
        return "date", None
    y = year or ctx.pub.year
    when = _holiday_date(name, y)
    if year is None:
        rel = lowered(m, "rel")
        if rel == "last" or (rel != "next" and when > ctx.pub and not ctx.upcoming(m.start())
                             and (when - ctx.pub).days > lexicon()["upcoming_days"]):
            when = _holiday_date(name, y - 1)
        elif rel == "next" and when < ctx.pub:
            when = _holiday_date(name, y + 1)
    return "date", when.isoformat()


def _holiday_date(name: str, year: int) -> date:
    fixed = lexicon()["holidays"]
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return cal.nth_weekday(year, 11, 3, 4)
    if name == "election day":
        return cal.nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if name == "memorial day":
        return cal.nth_weekday(year, 6, 0, 1) - timedelta(days=7)
    if name == "labor day":
        return cal.nth_weekday(year, 9, 0, 1)
    return easter(year)
