"""actors: resolve every actor mention to a country (ISO3) + sector code with our knowledge base.

Entry point: `resolve(doc, sdoc, resolver) -> list[Mention]` (also stored on `doc.mentions`);
build the resolver once with `ActorResolver(ActorKB.load(extra), nlp)`.
"""
from __future__ import annotations

from ..document import Document, Mention
from .kb import ActorKB, Entry, Role
from .resolve import ActorResolver

__all__ = ["ActorKB", "ActorResolver", "Entry", "Role", "resolve"]


def resolve(doc: Document, sdoc, resolver: ActorResolver) -> list[Mention]:
    doc.mentions = resolver(doc, sdoc)
    return doc.mentions
