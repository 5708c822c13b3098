"""Helpers shared by the event tests: code a sentence we wrote, read the (source, target) countries of a root,
and build a parse by hand so that a syntax check does not depend on what the parser makes of a sentence."""
from __future__ import annotations

from eventwire.document import Document


def coded(pipeline, text, date="2010-01-01"):
    return pipeline(Document(id="t", text=text, date=date)).events


def only_plainly_coded(pipeline, framed: str, plain: str, root: str) -> None:
    """`framed` mentions an act of `root` that is not its news (a reason, a mission's aim); `plain` states it."""
    assert not any(e.cameo.startswith(root) for e in coded(pipeline, framed))
    assert any(e.cameo.startswith(root) for e in coded(pipeline, plain))


def sides(events, root):
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.cameo.startswith(root)}


def parsed(words, heads, deps, tags, pos, lemmas=None):
    import spacy
    from spacy.tokens import Doc
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas or [w.lower() for w in words])
