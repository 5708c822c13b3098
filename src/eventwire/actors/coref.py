"""In-document coreference for actors: pronouns ("he", "it", "they"), group descriptions ("the two
leaders") and bare definite agents ("the spokesman"), each taking the codes of an earlier mention.

An antecedent needs a country, except for the police: riot and crime copy names its police without one
("..., police said. they added"), and a subject pronoun right after refers to them."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
GROUP_NOUNS = {"leaders", "presidents", "sides", "countries", "nations", "governments", "neighbours", "neighbors",
               "allies", "capitals"}
GROUP_RE = re.compile(r"^(?:the two|both(?: the)?|two) (" + "|".join(sorted(GROUP_NOUNS)) + ")$", re.I)
BODY_KINDS = {"country", "organization", "institution", "metonym", "nickname", "ner_org"}
PERSON_KINDS = {"person", "ner_person"}
# agent nouns that name a body, so "it" can refer to them: "the party said it would boycott the vote"
BODY_NOUNS = {"party", "group", "movement", "union", "militia", "front", "alliance", "coalition", "organization",
              "organisation", "cartel", "gang", "charity", "agency"}
ARG_DEPS = {"nsubj", "nsubj:pass", "nmod:poss", "obj", "obl", "nmod"}
# predicates that take a dummy "it" ("it seems", "it is clear that"); agentive adjectives ("it is
# willing to") are not among them
EXPLETIVE_HEADS = {"seem", "appear", "look", "happen", "matter", "remain", "take", "be", "become",
                   "clear", "important", "necessary", "possible", "impossible", "likely", "unlikely", "difficult",
                   "hard", "easy", "time", "true", "obvious", "unclear", "essential", "crucial", "vital", "worth"}
LAW_SECTORS = {"COP", "SPY"}  # police and security services
# kinds that name no one a pronoun could stand for, when looking for the police behind one
NOT_AGENTS = {"place", "country", "adjective"}
# the parser sometimes labels the subject of "it is willing to" as expletive
AGENTIVE = {"willing", "ready", "able", "prepared", "determined", "eager", "keen", "committed", "unwilling",
            "unable", "reluctant", "open"}


@dataclass
class Found:
    """A mention under construction: token span [start, end) and what it codes to."""
    start: int
    end: int
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    name: str | None
    resolved: bool = True
    default_country: str | None = None
    antecedent: tuple[int, int] | None = None  # token span of the mention a coreferent refers back to


def coreference(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
    # a bare agent noun heading "the two leaders" is a group reference, not a new actor
    out = [f for f in found if not (f.kind == "agent" and not f.country and group_at(sdoc, f.end - 1))]
    taken = {i for f in out for i in range(f.start, f.end)}

    def earlier(i):  # only for the few tokens that refer back: a full scan per token is quadratic
        return [f for f in out if f.end <= i and f.country and (f.resolved or f.kind in PERSON_KINDS)]

    for tok in sdoc:
        if tok.i in taken:
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in PERSON_PRONOUNS:
            person = next((f for f in reversed(earlier(tok.i)) if f.kind in PERSON_KINDS), None)
            person = _police(sdoc, out, sent_of, tok, [person] if person else []) or person
            if person:
                out.append(_refer(person, tok.i, tok.i + 1))
        elif tok.pos_ == "PRON" and low in THING_PRONOUNS and not _expletive(tok) and (
                tok.dep_ in ARG_DEPS or tok.head.lemma_.lower() in AGENTIVE):
            body = next((f for f in reversed(earlier(tok.i))
                         if (f.kind in BODY_KINDS or (f.kind == "agent" and _names_body(sdoc, f)))
                         and sent_of.get(tok.i, 0) - sent_of.get(f.start, 0) <= 1), None)
            if body:
                out.append(_refer(body, tok.i, tok.i + 1))
        elif tok.pos_ == "PRON" and low in PLURAL_PRONOUNS and tok.dep_ in ARG_DEPS:
            group = _plural_antecedent(sdoc, earlier(tok.i), sent_of, tok.i)
            police = _police(sdoc, out, sent_of, tok, group)
            for f in [police] if police else group:
                out.append(_refer(f, tok.i, tok.i + 1))
        elif tok.tag_ in ("WP", "WDT") and tok.dep_ in ARG_DEPS and tok.head.dep_ == "acl:relcl":
            named = _relative_antecedent(out, tok.head.head.i)
            if named is not None:
                out.append(_refer(named, tok.i, tok.i + 1))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i > 0:
            match = group_at(sdoc, tok.i)
            if match:
                start = tok.i - len(match.group(0).split()) + 1
                for f in _two_sides(sent_of, earlier(tok.i), tok.i):
                    out.append(_refer(f, start, tok.i + 1))
    return sorted(out, key=lambda f: (f.start, f.end))


def _police(sdoc, found: list[Found], sent_of: dict[int, int], pron, nearest: list[Found]) -> Found | None:
    """The police a subject "he" or "they" stands for, country or not, when they are the latest mention of
    the pronoun's number in this or the three sentences before and nearer than the `nearest` antecedent
    found by country: "..., police said. they added", "the superintendent of police arrived. he said"."""
    if pron.lower_ not in ("he", "she", "they"):
        return None
    many = pron.lower_ == "they"
    latest = None
    for f in found:
        if f.end > pron.i or sent_of.get(pron.i, 0) - sent_of.get(f.start, 0) > 3 or f.kind in NOT_AGENTS:
            continue
        root = next((t for t in sdoc[f.start:f.end] if not f.start <= t.head.i < f.end or t.head.i == t.i), None)
        if root is None or root.dep_ == "compound":
            continue  # "the naubatpur police station" is a place, no one to refer back to
        plural = root.tag_ in ("NNS", "NNPS") or f.kind == "institution"
        one = f.kind in PERSON_KINDS | {"agent", "title"} and not plural
        if (plural if many else one) and (latest is None or f.start > latest.start):
            latest = f
    if latest is None or latest.sector not in LAW_SECTORS or any(f.start >= latest.start for f in nearest):
        return None
    return latest


def _names_body(sdoc, f: Found) -> bool:
    """An agent mention headed by a body noun ("the party in Algeria"), not a person ("the spokesman")."""
    return any(t.lower_ in BODY_NOUNS and not f.start <= t.head.i < f.end for t in sdoc[f.start:f.end])


def _relative_antecedent(found: list[Found], noun: int) -> Found | None:
    """'the prime minister, whom they seized': a relative pronoun stands for the noun its clause modifies."""
    return next((f for f in found if f.start <= noun < f.end and f.kind != "coref" and (f.country or f.sector)), None)


def _refer(f: Found, start: int, end: int) -> Found:
    """A coreferent at [start, end) with the codes of `f`, remembering the named mention behind it."""
    return replace(f, start=start, end=end, kind="coref", antecedent=f.antecedent or (f.start, f.end))


def _expletive(tok) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in EXPLETIVE_HEADS


def _plural_antecedent(sdoc, earlier: list[Found], sent_of: dict[int, int], at: int) -> list[Found]:
    """'Obama and Putin said they ...' -> both; 'The rebels said they ...' -> the rebels."""
    near = [f for f in earlier if sent_of.get(at, 0) - sent_of.get(f.start, 0) <= 1]
    if not near:
        return []
    last = near[-1]
    head = sdoc[last.end - 1]
    # "Hungarian and Romanian officials ... their": two actors sharing one head noun are a group too
    group = [f for f in near if f is not last and (_conjoined(sdoc[f.end - 1], head) or f.end == last.end)]
    if group:
        return group + [last]
    # else the latest plural group ("the striking miners said that Governor Ortiz ... before they")
    plural = next((f for f in reversed(near) if sdoc[f.end - 1].tag_ in ("NNS", "NNPS")
                   or f.kind in ("demonym", "people")), None)
    return [plural] if plural is not None else []


def _conjoined(a, b) -> bool:
    return (b.dep_ == "conj" and b.head.i == a.i) or (a.dep_ == "conj" and a.head.i == b.i) or (
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i)


def group_at(sdoc, i: int):
    if sdoc[i].lower_ not in GROUP_NOUNS:  # most nouns: no slicing needed
        return None
    for width in (3, 2):
        if i - width + 1 >= 0:
            m = GROUP_RE.match(sdoc[i - width + 1:i + 1].text)
            if m:
                return m
    return None


def _two_sides(sent_of: dict[int, int], earlier: list[Found], at: int) -> list[Found]:
    """The two countries most present in the last few sentences, leaders counting double
    (`sent_of`: token index -> sentence index)."""
    window = [f for f in earlier if at - f.start < 150]
    weight: dict[str, float] = {}
    latest: dict[str, Found] = {}
    for f in window:
        w = 2.0 if f.kind == "person" else 1.0
        weight[f.country] = weight.get(f.country, 0.0) + w + (0.5 if sent_of.get(f.start) == sent_of.get(at) else 0)
        if f.kind in ("person", "country", "metonym") or f.country not in latest:
            latest[f.country] = f
    top = sorted(weight, key=lambda c: -weight[c])[:2]
    return [latest[c] for c in top] if len(top) == 2 else []


def definite_agents(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
    """'the official', 'the spokesman': a bare definite agent takes the country of the latest
    actor of the same sector within the last three sentences."""
    out = []
    for f in found:
        if f.kind == "agent" and not f.country and f.start > 0 and sdoc[f.start - 1].lower_ == "the":
            prior = [g for g in out if g.country and g.sector == f.sector and g.end <= f.start
                     and sent_of[f.start] - sent_of[g.start] <= 3]
            if prior:
                f = replace(f, start=f.start - 1, country=prior[-1].country, kind="coref")
        out.append(f)
    return out


def possessed(sdoc, found: list[Found]) -> list[Found]:
    """'The Philippines said its Senate would vote': a countryless body or agent after a possessive
    pronoun that refers back belongs to the pronoun's referent's state."""
    owner = {f.end: f for f in found if f.kind == "coref" and f.end - f.start == 1 and sdoc[f.start].tag_ == "PRP$"
             and f.country and f.country not in ("IGO", "NGO")}
    if not owner:
        return found
    return [replace(f, country=owner[f.start].country, resolved=True)
            if f.start in owner and not f.country and f.kind in ("agent", "institution") else f for f in found]


# "the country", "the Gulf state", "the group": a definite description of a state or a body refers back
STATE_NOUNS = {"country", "nation", "kingdom", "republic", "emirate", "sultanate", "state"}
BODY_HEADS = {"group", "organisation", "organization", "movement", "militia", "faction", "outfit", "alliance",
              "bloc"}
NEEDS_MODIFIER = {"state"}  # a bare "the state" is as often a province or the state as such
# modifiers that make the description a different state or body: "the other country", "the host nation"
OTHER_WORDS = {"other", "another", "neighbouring", "neighboring", "foreign", "member", "donor", "host", "home",
               "first", "second", "third", "last", "next", "new", "whole", "entire", "rival",
               "armed", "rebel", "militant", "opposition", "ruling", "main", "largest", "smaller", "larger"}
STATE_NAMES = {"country", "metonym", "nickname"}
WITHIN = {"in", "into", "across", "throughout", "inside", "within", "around"}


def definite_bodies(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
    """'Iran rejected the offer. The country said ...', 'Hamas fired rockets; the group said ...', 'the
    reclusive state': a definite state or body noun, maybe after a describing word, takes the
    latest state (body) named in its sentence or the two before. Descriptions of another one ("the other
    country", "the host nation", "the ruling party"), "the country of ..." and places ("in the country")
    are left alone."""
    taken = {i for f in found for i in range(f.start, f.end)}
    out = list(found)
    for det in sdoc:
        if det.lower_ != "the" or det.i in taken:
            continue
        k = det.i + 1
        while k < min(det.i + 4, len(sdoc)) and k not in taken and sdoc[k].pos_ in ("ADJ", "PROPN", "NOUN") \
                and sdoc[k].lower_ not in STATE_NOUNS | BODY_HEADS and sdoc[k].lower_ not in OTHER_WORDS:
            k += 1
        if k >= len(sdoc) or k in taken:
            continue
        head = sdoc[k]
        low = head.lower_
        if low not in STATE_NOUNS | BODY_HEADS or head.tag_ != "NN" or head.dep_ in ("compound", "amod"):
            continue
        if (low in NEEDS_MODIFIER and k == det.i + 1) or (k + 1 < len(sdoc) and sdoc[k + 1].lower_ == "of"):
            continue
        if any(t.lower_ in OTHER_WORDS or not (t.is_alpha or "-" in t.text) for t in sdoc[det.i + 1:k]):
            continue
        if det.i > 0 and (sdoc[det.i - 1].lower_ in WITHIN or sdoc[det.i - 2:det.i].text.lower() == "out of"):
            continue  # "projects in the country": where things happen, not who acts
        here = sent_of.get(det.i, 0)
        near = [f for f in out if f.end <= det.i and f.country and f.kind != "coref"
                and 0 <= here - sent_of.get(f.start, 0) <= 2]
        if low in BODY_HEADS:
            ante = next((f for f in reversed(near) if f.kind == "organization"
                         or (f.kind == "agent" and _names_body(sdoc, f))), None)
        else:
            # any mention of a state's actor or place names the state ("the Afghan government ... the
            # country"): in its own sentence the nearest; in an earlier one that sentence's state by name
            states = [f for f in near if f.country not in ("IGO", "NGO", "IMG")]
            last = [f for f in states if sent_of.get(f.start) == sent_of.get(states[-1].start)] if states else []
            named = [f for f in last if f.kind in STATE_NAMES and sent_of.get(f.start) != here]
            ante = (named or last or [None])[-1]
        if ante is None:
            continue
        ref = _refer(ante, det.i, k + 1)
        out.append(ref if low in BODY_HEADS else replace(ref, sector=None, code=None))
        taken.update(range(det.i, k + 1))
    return sorted(out, key=lambda f: (f.start, f.end))
