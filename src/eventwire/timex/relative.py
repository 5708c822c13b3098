"""Normalisers for expressions relative to now or to the anchor: weekdays, "yesterday", "last week",
"two years ago", "a year earlier", "the next day", fuzzy references ("now", "recently").

Dates relative to now count from the publication date; anaphoric ones ("a year earlier", "the next
day", "that year") from the anchor, the latest specific date mentioned before them.
"""
from __future__ import annotations

import re
from datetime import timedelta

from . import normalise as cal
from .normalise import lexicon

from .values import (RELDAY, Context, duration_of, handles, lowered, number, pod_code, relative_unit, shift_from,
                     unit_code, weekday_number)


@handles("weekday")
def _weekday(m, ctx: Context):
    wd, rel, pre = weekday_number(m["wd"]), lowered(m, "rel"), lowered(m, "pre")
    pod = pod_code(m["pod"])
    if m["pl"] or m["podpl"] or rel in ("each", "every"):
        return "set", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")
    if not ctx.pub:
        return "date", None
    if rel in ("last", "this past", "past", "the previous", "the preceding"):
        d = cal.weekday(ctx.pub, wd, "last")
    elif rel in ("next", "coming", "this coming", "the following", "the next"):
        d = cal.weekday(ctx.pub, wd, "next")
    elif rel == "this" or ctx.upcoming(m.start()):
        d = cal.weekday(ctx.pub, wd, "future")
    else:
        d = cal.weekday(ctx.pub, wd, "past")
    clock = lexicon()["clock_words"].get(pre)
    if clock:
        return "time", f"{d.isoformat()}T{clock}"
    return ("time", f"{d.isoformat()}T{pod}") if pod else ("date", d.isoformat())


@handles("relday")
def _relday(m, ctx: Context):
    w, pre = lowered(m, "w"), lowered(m, "pre")
    if not ctx.pub:
        return "date", None
    d = ctx.pub + timedelta(days=RELDAY[w] + (-1 if pre == "the day before" else 1 if pre == "the day after" else 0))
    pod = pod_code(m["pod"]) or ("NI" if w in ("tonight", "overnight") else "") or (
        "MO" if "morning" in pre else "AF" if "afternoon" in pre else "")
    return ("time", f"{d.isoformat()}T{pod}") if pod else ("date", d.isoformat())


@handles("pod")
def _pod(m, ctx: Context):
    rel, pod = lowered(m, "rel"), pod_code(m["pod"])
    if not ctx.pub:
        return "time", None
    shift = {"last": -1 if pod == "NI" else 0, "yesterday": -1, "tomorrow": 1, "this": 0}[rel]
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not idiomatic
    return "time", f"{(ctx.pub + timedelta(days=shift)).isoformat()}T{pod}"


@handles("relative")
def _relative(m, ctx: Context):
    rel, unit = lowered(m, "rel"), m["unit"].lower()
    if not ctx.pub:
        return "date", None
    base = ctx.pub
    if rel in ("the following", "the next", "the previous", "the preceding", "following", "same", "the same", "that",
               "earlier that", "later that"):  # anaphoric: "the following year" counts from the anchor
        got = cal.parse(ctx.anchor)
        base = got[1] if got else base
    step = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "the previous": -1,
            "the preceding": -1, "this past": -1, "late last": -1, "early last": -1, "next": 1, "coming": 1,
            "following": 1, "the next": 1, "the coming": 1, "the following": 1, "this coming": 1, "early next": 1,
            "later next": 1, "late next": 1}.get(rel, 0)
    if unit == "quarter":
        return "date", cal.shift(cal.quarter(base), step, "Q")
    if unit == "week" and rel in ("the past", "the last") and m.start() > 0 and \
            ctx.text[max(0, m.start() - 8):m.start()].strip().lower() in ("over", "for", "during", "in", "within"):
        return "duration", "P1W"
    return "date", relative_unit(base, step, unit, future_weekend=step == 0 and ctx.upcoming(m.start()))


@handles("ago")
def _ago(m, ctx: Context):
    n, unit, direction = number(m["n"]), m["unit"], lowered(m, "dir")
    code = unit_code(unit)
    future = direction in ("later", "hence", "from now", "after")
    if n is None:
        return "date", "FUTURE_REF" if future else "PAST_REF"
    if direction in ("ago", "hence", "from now"):
        if not ctx.pub:
            return "date", None
        anchor = cal.parse(ctx.anchor)
        if code == "Y" and anchor and anchor[0] == "Q" and direction == "ago":  # "from $5 a year ago": that quarter
            return "date", cal.shift(ctx.anchor, -int(n), "Y")
        d = shift_from(ctx.pub, -n if future else n, code)
        if code in ("H", "S", "M") and unit.lower().startswith(("hour", "second", "minute")):
            return "date", d.isoformat()
        return "date", cal.at(d, {"WE": "W", "ML": "CE"}.get(code, code))
    base = ctx.anchor if cal.parse(ctx.anchor) else (ctx.pub.isoformat() if ctx.pub else None)
    if base is None or code not in ("D", "W", "M", "Q", "Y"):
        return "duration", duration_of(n, unit)
    return "date", cal.shift(base, int(n) if future else -int(n), code)


@handles("year_earlier")
def _year_earlier(m, ctx: Context):
    anchor = cal.parse(ctx.anchor)
    if anchor and anchor[0] in ("Q", "M", "D", "Y"):
        return "date", cal.shift(ctx.anchor, -1, "Y")
    return ("date", str(ctx.pub.year - 1)) if ctx.pub else ("date", None)


@handles("fuzzy")
def _fuzzy(m, ctx):
    return "date", lexicon()["fuzzy"][lowered(m, "w")]


@handles("anchored_day")
def _anchored_day(m, ctx: Context):
    w = lowered(m, "w")
    got = cal.parse(ctx.anchor)
    base = got[1] if got and got[0] == "D" else ctx.pub
    if base is None:
        return "date", None
    step = 1 if re.search(r"next|following|after", w) else -1 if re.search(r"previous|preceding|before", w) else 0
    d = base + timedelta(days=step)
    pod = next((lexicon()["parts_of_day"][p] for p in ("morning", "afternoon", "evening", "night") if p in w), "")
    return ("time", f"{d.isoformat()}T{pod}") if pod else ("date", d.isoformat())


@handles("the_year")
def _the_year(m, ctx: Context):
    before = ctx.text[max(0, m.start() - 12):m.start()].lower().split()
    if before and before[-1] in ("for", "during", "over", "throughout") and not m["mod"] and (m["q"] or "") != "current":
        return "duration", "P1Y"
    got = cal.parse(ctx.anchor)
    if (m["q"] or "").lower() in ("current",) or not got:
        return "date", str(ctx.pub.year) if ctx.pub else None
    return "date", str(got[1].year)


@handles("year_end")
def _year_end(m, ctx):
    return ("date", str(ctx.pub.year)) if ctx.pub else ("date", None)


@handles("the_weekend")
def _the_weekend(m, ctx: Context):
    if not ctx.pub:
        return "date", None
    return "date", relative_unit(ctx.pub, 0, "weekend", future_weekend=ctx.upcoming(m.start()))
