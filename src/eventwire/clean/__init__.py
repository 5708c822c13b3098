"""clean: extract article text from HTML (trafilatura) and drop web boilerplate from plain text.

Entry point: `clean(doc) -> Document` (a new Document; the input is not modified). A document without a
publication date gets one from its HTML metadata (trafilatura) or, failing that, from its dateline
("MOSCOW, June 16 (Reuters) -", "June 16, 2022 -"): `dateline_date(text)`.
"""
from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..cache import compiled_patterns
from ..document import Document

_PATTERNS = Path(__file__).with_name("boilerplate.txt")
_TERMINAL = re.compile(r"[.!?:;\"'”’»)\]]$")


@lru_cache(maxsize=1)
def boilerplate_re() -> re.Pattern:
    lines = [ln.strip() for ln in _PATTERNS.read_text(encoding="utf-8").splitlines()]
    alts = [ln for ln in lines if ln and not ln.startswith("#")]
    with compiled_patterns():
        return re.compile(r"^(?:" + "|".join(f"(?:{a})" for a in alts) + r")$", re.IGNORECASE)


def _is_fragment(line: str) -> bool:
    """A short line without sentence punctuation: a heading, button or link label."""
    return len(line.split()) <= 6 and not _TERMINAL.search(line)


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate lines anywhere, then trailing fragments after the last real paragraph.

    Leading fragments are kept: a headline at the top is content, a button row at the end is not. A text
    with no real paragraph (one short sentence, a sentence split into rows, a headline) is all content:
    only the boilerplate lines go, so plain short input is never emptied.
    """
    pat = boilerplate_re()
    lines = [ln for ln in text.splitlines() if not pat.match(ln.strip())]
    if any(ln.strip() and not _is_fragment(ln.strip()) for ln in lines):
        while not lines[-1].strip() or _is_fragment(lines[-1].strip()):
            lines.pop()
    out = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", out)


def html_to_text(html: str) -> tuple[str, dict]:
    import trafilatura  # imported lazily: it is slow to import and plain-text corpora never need it

    meta = {}
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    info = trafilatura.extract_metadata(html)
    if info is not None:
        meta = {"title": info.title, "date": info.date, "url": info.url, "source": info.sitename}
    return text or "", meta


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>[A-Z][a-z]{2,8})\.?"
_WHEN = rf"(?:{_MON}\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>\d{{4}}))?|(?P<d2>\d{{1,2}})\s+{_MON.replace('mon', 'mon2')}(?:,?\s+(?P<y2>\d{{4}}))?)"
# [PLACE[, REGION],] DATE [(AGENCY)] followed by a dash or colon, at the start of a line near the top
_DATELINE = re.compile(rf"^[ \t]*(?:[A-Z][\w.'’ -]{{1,40}},\s*(?:[A-Z][\w.'’ -]{{1,30}},\s*)?)?{_WHEN}"
                       rf"\s*(?:\([^()\n]{{1,40}}\)\s*)?(?:[-–—:_]|$)", re.M)
_ISO_LINE = re.compile(r"^[ \t]*(?:\w+:\s*)?(?P<iso>\d{4}-\d{2}-\d{2})\b", re.M)


def dateline_date(text: str, today: date | None = None) -> str | None:
    """The date a news dateline gives near the top of `text` (YYYY-MM-DD), or None. Without a year, the
    latest such day on or before `today`."""
    head = text[:400]
    m = _DATELINE.search(head)
    if m:
        month = _MONTHS.get((m["mon"] or m["mon2"]).lower())
        day, year = int(m["d"] or m["d2"]), m["y"] or m["y2"]
        if month:
            today = today or date.today()
            try:
                found = date(int(year), month, day) if year else date(today.year, month, day)
                if not year and found > today:
                    found = found.replace(year=today.year - 1)
                return found.isoformat()
            except ValueError:
                return None
    m = _ISO_LINE.search(head)
    if m:
        try:
            return date.fromisoformat(m["iso"]).isoformat()
        except ValueError:
            return None
    return None


def _valid_date(value: str | None) -> str | None:
    """A publication date as YYYY-MM-DD from ISO or common feed forms ("June 16, 2022", "Thu, 16 Jun 2022
    10:00 GMT"); None when the value holds no full date ("7:58 AM ET"), so the dateline can still give one."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        pass
    from datetime import datetime

    from dateutil import parser

    try:  # a part missing from the string would come from the default: parse with two defaults and compare
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time zone names ("ET") do not matter for a date
            a = parser.parse(str(value), default=datetime(2000, 1, 1), fuzzy=True)
            b = parser.parse(str(value), default=datetime(2001, 2, 2), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return a.date().isoformat() if a.date() == b.date() else None


def clean(doc: Document) -> Document:
    if doc.format == "html":
        text, meta = html_to_text(doc.text)
        fields = {k: v for k, v in meta.items() if v and not getattr(doc, k)}
        if "date" in fields:
            fields["date"] = _valid_date(fields["date"])
        out = replace(doc, text=strip_boilerplate(text), format="text", **fields)
    else:
        out = replace(doc, text=strip_boilerplate(doc.text.replace("\r\n", "\n")))
    out.date = _valid_date(out.date)
    if not out.date:
        out.date = dateline_date(out.text)
    return out
