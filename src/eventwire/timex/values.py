"""Reading the words of a time expression: numbers, months, units, durations, and the context
(publication date, anchor, future cues) that relative expressions are resolved against.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import normalise as cal
from .normalise import lexicon

_CLAUSE_END = re.compile(r"[.;:!?,\n(\"“”]|``|''")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"`“])|\n\s*\n")


@dataclass
class Context:
    text: str
    pub: date | None
    anchor: str | None = None  # latest specific date value (any granularity)
    day: tuple[str, int] | None = None  # latest day-level value and where it ended

    def upcoming(self, start: int) -> bool:
        """Does the clause before `start` point to the future ("will meet on Friday")?"""
        left = self.text[max(0, start - 80):start]
        cut = list(_CLAUSE_END.finditer(left))
        clause = left[cut[-1].end():] if cut else left
        return bool(_future_re().search(clause))

    def day_for(self, start: int) -> str | None:
        """The day a clock time falls on: the latest day named in the same sentence, else publication."""
        if self.day and not _SENTENCE_END.search(self.text[self.day[1]:start]):
            return self.day[0]
        return self.pub.isoformat() if self.pub else None


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    words = sorted(lexicon()["future_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def number(s: str | None) -> float | None:
    """'4', 'four', 'twenty four', 'a', 'a couple of' -> the number; vague counts ('several') -> None."""
    if not s:
        return None
    lx = lexicon()
    s = re.sub(r"\s+", " ", s.lower().strip())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if s in lx["exact_counts"]:
        return lx["exact_counts"][s]
    total, found = 0, False
    for part in re.split(r"[\s-]+", s):
        if part in lx["numbers"]:
            total += lx["numbers"][part]
        elif part in lx["tens"]:
            total += lx["tens"][part]
        elif part == "hundred":
            total = (total or 1) * 100
        elif part == "thousand":
            total = (total or 1) * 1000
        else:
            return None
        found = True
    return total if found else None


def month_number(token: str) -> int:
    t = token.lower().rstrip(".")
    return lexicon()["month_abbreviations"].get(t) or [m[:3] for m in lexicon()["months"]].index(t[:3]) + 1


def weekday_number(token: str) -> int:
    return lexicon()["weekdays"].index(token.lower())


def day_number(token: str) -> int:
    t = token.lower()
    return int(t) if t.isdigit() else lexicon()["ordinals"][t]


def year_number(token: str | None, pub: date | None) -> int | None:
    if not token:
        return None
    t = token.strip()
    if t.isdigit():
        y = int(t)
        if len(t) == 2:
            y += 1900 if y > 30 else 2000
        return y
    parts = re.split(r"[\s-]+", t.lower())
    if parts[:2] == ["two", "thousand"]:
        return 2000 + int(number(" ".join(p for p in parts[2:] if p != "and")) or 0)
    head = number(parts[0])
    rest = parts[1:]
    if rest and rest[0] == "hundred":
        return int(head) * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    tail = number(" ".join(rest)) if rest else None
    return int(head) * 100 + int(tail or 0) if head else None


def unit_code(word: str) -> str:
    w = word.lower()
    w = {"centuries": "century", "centurie": "century", "millennia": "millennium"}.get(w, w)
    w = w[:-1] if w.endswith("s") and w[:-1] in lexicon()["units"] else w
    return lexicon()["units"][w][0]


def duration(n: float | None, code: str) -> str:
    lx = lexicon()
    clock = code in ("S", "H", "MIN")
    if n is not None and n != int(n):  # "half a year" -> P6M, "half an hour" -> PT30M
        smaller = {"Y": (12, "M"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
        if code in smaller:
            f, code = smaller[code]
            n, clock = n * f, code in ("H", "MIN")
    if code in lx["unit_years"]:
        n = None if n is None else n * lx["unit_years"][code]
        code = "Y"
    if code == "WE":
        n = None if n is None else 2 * n
        code = "D"
    num = "X" if n is None else str(int(n)) if n == int(n) else str(n)
    return f"PT{num}{'M' if code == 'MIN' else code}" if clock else f"P{num}{code}"


def duration_of(n: float | None, unit: str) -> str:
    w = unit.lower().rstrip("s")
    if w in ("minute",):
        return duration(n, "MIN")
    return duration(n, unit_code(unit))


def _gran(code: str) -> str:
    return {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE", "WE": "W"}.get(code, "D")


def shift_from(base: date, n: float, code: str) -> date:
    n = int(n)
    if code in ("DE", "CE", "ML"):
        return base - relativedelta(years=n * lexicon()["unit_years"][code])
    return base - {"D": relativedelta(days=n), "W": relativedelta(weeks=n), "WE": relativedelta(weeks=n),
                   "M": relativedelta(months=n), "Q": relativedelta(months=3 * n), "Y": relativedelta(years=n),
                   "H": relativedelta(hours=n), "S": relativedelta(seconds=n)}[code]


def relative_unit(base: date, step: int, unit: str, future_weekend: bool = False) -> str:
    """The unit (week, weekend, month, ...) `step` units away from `base`, at that unit's granularity."""
    code = unit_code(unit)
    if code == "WE":
        sat = base - timedelta(days=(base.weekday() - 5) % 7)
        if future_weekend:
            sat = base + timedelta(days=(5 - base.weekday()) % 7)
        return cal.week(sat + timedelta(weeks=step)) + "-WE"
    if code in ("DE", "CE"):
        span = lexicon()["unit_years"][code]
        return cal.at(date(base.year + step * span, 1, 1), code)
    return cal.at(shift_from(base, -step, code), _gran(code))


# the normaliser of each rule: name -> fn(match, Context) -> (type, value) | None (reject)
HANDLERS = {}


def handles(name):
    def deco(fn):
        HANDLERS[name] = fn
        return fn
    return deco


def lowered(m, group) -> str:
    return re.sub(r"\s+", " ", (m.group(group) or "").lower())


def pod_code(word: str | None) -> str:
    return lexicon()["parts_of_day"][word.lower()] if word else ""


RELDAY = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def word_before(ctx: Context, start: int) -> str:
    words = ctx.text[max(0, start - 20):start].lower().split()
    return words[-1] if words else ""
