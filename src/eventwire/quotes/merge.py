"""quotes.merge: one attribution, one quote.

Entry point: `merge_duplicates(quotes, text) -> list[Quote]`, run on the finished quotes of a document.
Two quotes found for what a reader takes as one attribution split its credit; this pass keeps one:
- an indirect quote whose words all lie inside another indirect quote's content ("X said he wrote a
  bill that Y opposed": the inner report is part of what X said) is dropped, and of two quotes of one
  kind with the same words one is kept (the one with a speaker, then a cue, then the earlier cue);
- two neighbouring quotes of one sentence are joined into one when nothing but punctuation stands
  between their contents, or when both are indirect, the second cue stands between them and one of them
  has no speaker of its own ("vowed to cut taxes while claiming ...": one source, one attribution).
The joined quote keeps the cue and speaker of the one that has a speaker (the first when both do).
A content reached across a nearer attribution (a known actor and its cue) that reports most of the same
words is that attribution's, whatever the parse hung it on ("X assured Y ..., leading Z to warn that ...":
the warning is Z's), so the far quote goes; and a quote whose speaker stands inside its own content, all of
it inside another quote's content, is a misread piece of that other report.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..document import Quote, Span

WORD = re.compile(r"\w+")


def _words(text: str, span: Span) -> frozenset[int]:
    return frozenset(m.start() for m in WORD.finditer(text, span.start, span.end))


def _rank(q: Quote) -> tuple:
    return (q.speaker is None, q.cue is None, q.cue.start if q.cue is not None else q.content.start)


def _inside(q: Quote, outer: Quote, words: dict[int, frozenset[int]]) -> bool:
    """q reports part of what outer reports (both indirect, q's words a strict subset of outer's), or
    the same words as outer, which ranks first."""
    mine, theirs = words[id(q)], words[id(outer)]
    if q is outer or not mine:
        return False
    if mine == theirs:
        return q.kind == outer.kind and _rank(outer) < _rank(q)
    return q.kind == outer.kind == "indirect" and mine < theirs


def _joins(p: Quote, q: Quote, text: str) -> bool:
    """p and q (q after p in the same sentence) are halves of one attribution."""
    if p.sentence != q.sentence or p.content.end > q.content.start:
        return False
    if not WORD.search(text[p.content.end:q.content.start]):
        return True
    return (p.kind == q.kind == "indirect" and (p.speaker is None or q.speaker is None)
            and q.cue is not None and p.content.end <= q.cue.start < q.content.start)


def _across(q: Quote, other: Quote, words: dict[int, frozenset[int]]) -> bool:
    """A known actor and its cue stand between q's cue and q's content, and report most of q's words."""
    if q is other or q.cue is None or other.cue is None or q.sentence != other.sentence:
        return False
    who = other.speaker
    if who is None or not who.code or not q.cue.end <= who.start < other.cue.start < q.content.start:
        return False
    mine, shared = words[id(q)], words[id(q)] & words[id(other)]
    return bool(mine) and 2 * len(shared) > len(mine)


def _misread(q: Quote, outer: Quote) -> bool:
    """q's speaker stands inside q's own content, and q lies inside outer's content: the parse took a word of
    what outer reports for a second speaker ("said X was watching how the giant 'echoes ...' and suggested")."""
    return (q is not outer and q.speaker is not None and q.cue is not None
            and q.content.start <= q.speaker.start < q.content.end
            and outer.content.start <= min(q.content.start, q.cue.start)
            and max(q.content.end, q.cue.end) <= outer.content.end)


def merge_duplicates(quotes: list[Quote], text: str) -> list[Quote]:
    words = {id(q): _words(text, q.content) for q in quotes}
    quotes = [q for q in quotes if not any(_misread(q, o) for o in quotes)]
    near = [q for q in quotes if not any(_across(q, o, words) for o in quotes)]
    kept = [q for q in near if not any(_inside(q, o, words) for o in near)]
    out: list[Quote] = []
    for q in kept:
        p = out[-1] if out else None
        if p is None or not _joins(p, q, text):
            out.append(q)
            continue
        keep = p if p.speaker is not None or q.speaker is None else q
        out[-1] = replace(keep, content=Span(text[p.content.start:q.content.end], p.content.start, q.content.end),
                          kind=p.kind if p.kind == q.kind else "mixed")
    return out
