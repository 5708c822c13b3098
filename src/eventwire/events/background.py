"""Acts a sentence names only to describe someone or set the scene: the mission a relative clause gives its
antecedent, events buried below the sentence's main act, and the participle a parser misread as the main verb."""
from __future__ import annotations

from ..document import Event
from ..parse import root_at
from .lost import accusation_of_own_act
from .police import police_acts
from .syntax import OBJ_DEPS, described, is_infinitive

TEMPORAL = {"after", "before", "since", "until"}
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


def dyadic(ev: Event) -> bool:
    """Both sides are known, different countries: worth keeping even when buried in a clause."""
    return bool(ev.source and ev.target and ev.source.country and ev.target.country
                and ev.source.country != ev.target.country)


def garden_path(verb) -> bool:
    """'The prisoners jailed for rioting were freed by the governor': read left to right, the parser takes
    the participle right after the subject for the main verb and hangs the real one ("were freed") on it
    as a conjunct. Without an auxiliary, object or "and", such a participle only describes the subject."""
    if verb.tag_ not in ("VBN", "VBD") or verb.head.i != verb.i or any(
            c.dep_ in OBJ_DEPS or c.dep_.startswith("aux") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or max(t.i for t in subj.subtree) != verb.i - 1:
        return False
    return any(_main_conjunct(c) and c.i > verb.i and not any(d.dep_ in ("cc", "nsubj", "nsubj:pass") for d in c.children)
               and any(d.dep_ == "aux:pass" and d.tag_ in ("VBD", "VBZ", "VBP") for d in c.children)
               for c in verb.children)


def _depth(tok) -> int:
    d, child = (1 if _temporal(tok) else 0), None
    while d < 50:
        if garden_path(tok):
            # the real main verb is the conjunct; the misread participle sits two levels below it (a modifier
            # of the subject) and so does everything else it governs
            return d - 1 if child is not None and _main_conjunct(child) else d + 2
        if tok.head.i == tok.i:
            return d
        child, tok, d = tok, tok.head, d + 1
    return d


def _temporal(verb) -> bool:
    """'..., two weeks after rebels seized the base': the parser may hang "after" on the clause's subject
    instead of the verb; the clause is still only the time of the main act."""
    return verb.pos_ == "VERB" and any(
        c.dep_.startswith("nsubj") and any(d.dep_ == "case" and d.lower_ in TEMPORAL and d.i < c.i for d in c.children)
        for c in verb.children)


def _main_conjunct(tok) -> bool:
    return tok.dep_ == "conj" and any(d.dep_ == "aux:pass" for d in tok.children)


def main_events(events: list[Event], sdoc) -> list[Event]:
    """The sentence's main events: those whose trigger sits highest in the parse. Events buried in
    relative clauses or argument phrases mostly restate background, and coders code one event."""
    depth = {}
    for ev in events:
        root = root_at(sdoc, ev.evidence.trigger)
        depth[id(ev)] = _depth(accusation_of_own_act(root) or root) if root is not None else 99
    best = min(depth.values())
    # the highest triggers, plus buried events whose two sides are known, different countries; what a
    # relative clause tells of someone ("Beijing, which has resisted ...") is background unless it is that
    return [ev for ev in events if (depth[id(ev)] == best or dyadic(ev))
            and (dyadic(ev) or police_acts([ev]) or not described(root_at(sdoc, ev.evidence.trigger)))]


def reason_phrase(m, nouns: set) -> bool:
    """'lifted the ban in recognition of the reforms': an event noun in an "in ... of" phrase of one of
    `nouns` (modality.yaml `reason`) says why another act was done; it is no act of its own."""
    tok = m.trigger
    return (m.pattern.kind == "noun" and tok.lemma_.lower() in nouns and tok.head.i != tok.i
            and tok.dep_.split(":")[0] in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ == "in" for c in tok.children))
