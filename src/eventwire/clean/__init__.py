"""clean: extract article text from HTML (trafilatura) and drop web boilerplate from plain text.

Entry point: `clean(doc) -> Document` (a new Document; the input is not modified).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..document import Document

_PATTERNS = Path(__file__).with_name("boilerplate.txt")
_TERMINAL = re.compile(r"[.!?:;\"'”’»)\]]$")


@lru_cache(maxsize=1)
def boilerplate_re() -> re.Pattern:
    lines = [ln.strip() for ln in _PATTERNS.read_text(encoding="utf-8").splitlines()]
    alts = [ln for ln in lines if ln and not ln.startswith("#")]
    return re.compile(r"^(?:" + "|".join(f"(?:{a})" for a in alts) + r")$", re.IGNORECASE)


def _is_fragment(line: str) -> bool:
    """A short line without sentence punctuation: a heading, button or link label."""
    return len(line.split()) <= 6 and not _TERMINAL.search(line)


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate lines anywhere, then trailing fragments after the last real paragraph.

    Leading fragments are kept: a headline at the top is content, a button row at the end is not.
    """
    pat = boilerplate_re()
    lines = [ln for ln in text.splitlines() if not pat.match(ln.strip())]
    while lines and (not lines[-1].strip() or _is_fragment(lines[-1].strip())):
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


def clean(doc: Document) -> Document:
    if doc.format == "html":
        text, meta = html_to_text(doc.text)
        fields = {k: v for k, v in meta.items() if v and not getattr(doc, k)}
        if fields.get("date"):
            fields["date"] = fields["date"][:10]
        return replace(doc, text=strip_boilerplate(text), format="text", **fields)
    return replace(doc, text=strip_boilerplate(doc.text.replace("\r\n", "\n")))
