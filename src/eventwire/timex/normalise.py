"""Calendar arithmetic for TIMEX3 values: granularity-preserving shifts and past/future resolution.

A value keeps the granularity of the expression that produced it ("last week" -> 2022-W23, "a year
earlier" after a quarter -> 1988-Q3), so shifting works on the value string itself.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from dateutil.relativedelta import relativedelta

DATA = Path(__file__).with_name("data") / "lexicon.yaml"
_GRANULAR = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})|H([12])|(SP|SU|FA|WI)))?(?:T.*)?$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    from ..cache import yaml_table

    return yaml_table(DATA)


def calendar_words() -> frozenset[str]:
    """Weekday and month names with their abbreviations ("monday", "may", "nov", "sept"): the words other
    stages must not take for names or actors."""
    lex = lexicon()
    months = [str(m) for m in lex["months"]]
    return frozenset(months + [str(w) for w in lex["weekdays"]] + [m[:3] for m in months]
                     + [str(a) for a in lex["month_abbreviations"]])


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def at(d: date, gran: str) -> str:
    """`d` written at granularity D (day), W, M, Q, Y, DE (decade) or CE (century)."""
    return {"D": d.isoformat, "W": lambda: week(d), "M": lambda: d.isoformat()[:7], "Q": lambda: quarter(d),
            "Y": lambda: str(d.year), "DE": lambda: str(d.year)[:3], "CE": lambda: str(d.year)[:2]}[gran]()


def parse(value: str | None) -> tuple[str, date] | None:
    """A value's granularity and its first day; None for fuzzy or partial values."""
    m = _GRANULAR.match(value or "")
    if not m:
        return None
    y, mo, d, q, w, h, season = m.groups()
    year = int(y)
    if d:
        return "D", date(year, int(mo), int(d))
    if mo:
        return "M", date(year, int(mo), 1)
    if q:
        return "Q", date(year, 3 * int(q) - 2, 1)
    if w:
        return "W", date.fromisocalendar(year, int(w), 1)
    if h:
        return "H", date(year, 1 if h == "1" else 7, 1)
    if season:
        return "S" + season, date(year, 1, 1)
    return "Y", date(year, 1, 1)


def shift(value: str | None, n: int, unit: str) -> str | None:
    """Move a value n units (D, W, M, Q, Y) forward (negative: back), keeping its granularity."""
    got = parse(value)
    if not got:
        return None
    gran, d = got
    if gran.startswith("S") or gran == "H":  # seasons and halves move by whole years only
        return f"{d.year + n}{value[4:]}" if unit == "Y" else None
    if unit == "Q":
        n, unit = 3 * n, "M"
    step = {"D": relativedelta(days=n), "W": relativedelta(weeks=n), "M": relativedelta(months=n),
            "Y": relativedelta(years=n)}[unit]
    coarse = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
    # a finer unit than the value's granularity refines the value ("a day after" 1998-10 stays a day)
    out_gran = unit if coarse.get(unit, 4) < coarse[gran] else gran
    return at(d + step, out_gran) + (value[10:] if gran == "D" and "T" in value else "")


def month_day(pub: date, month: int, day: int, upcoming: bool) -> date | None:
    """A day of the year with no year: the latest one on or before the publication date, unless the
    context points ahead or it falls within the next `upcoming_days` (news writes the year only when
    it is not the obvious one)."""
    try:
        this = date(pub.year, month, day)
    except ValueError:
        try:
            this = date(pub.year - 1 if month > pub.month else pub.year, month, day)
        except ValueError:
            return None
    ahead = date(this.year + 1, month, day) if this < pub and (month, day) != (2, 29) else this
    behind = this if this <= pub else this.replace(year=this.year - 1) if (month, day) != (2, 29) else this
    if upcoming or (ahead - pub).days <= lexicon()["upcoming_days"]:
        return ahead if ahead >= pub else behind
    return behind


def month_only(pub: date, month: int, direction: int, ahead: bool = False) -> str:
    """A month with no year: the last (-1) or next (+1) one when the words say so, else the nearest
    one to the publication date (a tie goes to the future when the clause points `ahead`)."""
    gap = month - pub.month  # months ahead within the publication year
    if direction < 0:
        year = pub.year if gap < 0 else pub.year - 1
    elif direction > 0:
        year = pub.year if gap > 0 else pub.year + 1
    else:
        year = pub.year + (1 if gap < -6 or gap == -6 and ahead else -1 if gap > 6 or gap == 6 and not ahead else 0)
    return f"{year:04d}-{month:02d}"


def weekday(pub: date, wd: int, direction: str) -> date:
    """direction: past (on or before pub), future (on or after), last (strictly before), next (strictly after)."""
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if direction == "future":
        return pub + timedelta(days=fwd)
    if direction == "next":
        return pub + timedelta(days=fwd or 7)
    if direction == "last":
        return pub - timedelta(days=back or 7)
    return pub - timedelta(days=back)


def nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def quarter_of(pub: date, q: int, year: int | None) -> str:
    """"the third quarter": the latest third quarter that has begun by the publication date."""
    if year is None:
        year = pub.year if date(pub.year, 3 * q - 2, 1) <= pub else pub.year - 1
    return f"{year}-Q{q}"


def reported_quarter(pub: date) -> str:
    """The quarter a results story reports on: the last one completed."""
    return quarter(pub - relativedelta(months=3))
