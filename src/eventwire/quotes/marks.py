"""Quotation marks: the top-level quoted spans of a text (straight or curly double quotes, guillemets).

Quotes nested inside a quote belong to it. A quote left open at the end of a paragraph continues when the
next paragraph opens with a quote mark (the news convention for quotes running over several paragraphs);
otherwise it ends with its paragraph. Single quotes are not quotations here: ’ is also the apostrophe,
and news uses ‘...’ for headlines and words, not for reported speech in running text.
"""
from __future__ import annotations

import re

PAIRS = {"“": "”", "«": "»", "„": "“"}
OPENERS = set(PAIRS) | {'"', "''"}
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:[\"“«]|''))")


def _straight_opens(text: str, i: int, width: int = 1) -> bool:
    """A straight quote opens when it follows a space, line start or opening bracket and precedes a word."""
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace() and after != "'"


def _scan(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed top-level quotes in text[lo:hi], and where a quote left open starts (None when none).
    Two apostrophes ('') are a double quote, as some wire copy writes it; they do not nest either."""
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = None
    i = lo - 1
    while i + 1 < hi:
        i += 1
        ch = text[i]
        width = 1
        if ch == "'" and text[i + 1:i + 2] == "'" and i + 1 < hi:
            ch, width = "''", 2
        if ch in ('"', "''") and stack and stack[-1] == ch:
            closes = True  # straight quotes do not nest in straight quotes
        elif ch in ('"', "''"):
            if not _straight_opens(text, i, width):
                i += width - 1
                continue  # a stray or attribute quote (author="...")
            closes = False
        elif ch in PAIRS:
            closes = False
        elif stack and ch == PAIRS.get(stack[-1]):
            closes = True
        else:
            continue
        end = i + width
        i += width - 1
        if closes:
            stack.pop()
            if not stack:
                out.append((start, end))
        else:
            if not stack:
                start = end - width
            stack.append(ch)
    return out, (start if stack else None)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation, marks included."""
    bounds = [0] + [m.end() for m in PARAGRAPH.finditer(text)] + [len(text)]
    out: list[tuple[int, int]] = []
    carry, prev_hi = None, 0  # start of a quote running on from an earlier paragraph
    for lo, hi in zip(bounds, bounds[1:]):
        body = text[lo:hi].rstrip()
        if not body.strip():
            continue
        lo += len(body) - len(body.lstrip())
        hi = lo + len(body.strip())
        spans, open_at = _scan(text, lo, hi)
        if carry is not None:
            if (text[lo] in OPENERS or text[lo:lo + 2] == "''") and spans and spans[0][0] == lo:
                spans[0] = (carry, spans[0][1])  # the running quote closes in this paragraph
            elif (text[lo] in OPENERS or text[lo:lo + 2] == "''") and open_at == lo and not spans:
                prev_hi = hi
                continue  # still running
            else:
                out.append((carry, prev_hi))  # it ended with its paragraph after all
            carry = None
        out.extend(spans)
        carry, prev_hi = open_at, hi
    if carry is not None:
        out.append((carry, prev_hi))
    return [(a, b) for a, b in out if b - a > 2]
