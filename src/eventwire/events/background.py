"""Acts a sentence names only to describe someone: the mission a relative clause gives its antecedent."""
from __future__ import annotations

from .syntax import is_infinitive

# how an event noun hangs inside the clause that governs it
INSIDE = ("obj", "nmod", "obl", "conj", "compound", "xcomp")


def _relative(verb) -> bool:
    """A relative clause: labelled so, or with a relative pronoun for its subject ("who are deployed")."""
    return verb.dep_ == "acl:relcl" or any(
        c.dep_.startswith("nsubj") and c.tag_ in ("WP", "WDT") for c in verb.children)


def on_mission(m) -> bool:
    """'peacekeepers who are deployed to oversee a ceasefire between X and Y': an event noun inside the purpose
    infinitive of a relative clause tells what its antecedent is there for, not that anyone acted: the
    ceasefire is background, no truce X and Y declare."""
    if m.pattern.kind != "noun":
        return False
    v = m.phrase_head
    for _ in range(4):
        if v.head.i == v.i:
            return False
        if v.dep_ == "advcl" and v.pos_ == "VERB" and is_infinitive(v):
            return _relative(v.head)
        if v.dep_.split(":")[0] not in INSIDE:
            return False
        v = v.head
    return False
