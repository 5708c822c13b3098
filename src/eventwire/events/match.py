"""Match lexicon patterns over a UD dependency parse and find the syntactic arguments of a trigger."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import PARTICLES, PREPOSITIONS, Lexicon, Pattern

OBJ_DEPS = ("obj", "iobj", "dobj")
SUBJ_DEPS = ("nsubj", "csubj")
ARG_DEPS = ("obl", "nmod", "obl:agent", "obl:tmod", "nmod:poss", "obl:npmod", "nmod:npmod", "advcl", "acl")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("es", ""), ("s", ""), ("d", ""))


def lemma_keys(tok) -> list[str]:
    """The trained lemma plus rule-based guesses, so a rare lemmatiser slip does not lose a trigger."""
    low = tok.lower_
    keys = [tok.lemma_.lower(), low]
    for suf, rep in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = low[: -len(suf)]
            keys.append(stem + rep)
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                keys.append(stem[:-1])  # "stopped" -> "stop"
    return list(dict.fromkeys(keys))


def has_lemma(tok, word: str) -> bool:
    return word in lemma_keys(tok)


@dataclass
class Match:
    pattern: Pattern
    trigger: object  # spaCy Token
    target: object | None
    used: list  # tokens consumed by the pattern (trigger included)


def _prep_child(anchor, prep: str):
    """A noun hanging off `anchor` through preposition `prep` ("on X" as obl/nmod with case 'on')."""
    for c in anchor.children:
        if c.dep_.split(":")[0] in ("obl", "nmod", "advcl", "acl") and any(
                g.dep_ in ("case", "mark") and g.lower_ == prep for g in c.children):
            return c
    return None


def direct_object(tok):
    obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
    return obj


def match_pattern(pat: Pattern, tok) -> Match | None:
    anchors, used = [tok], [tok]
    target = direct_object(tok) if pat.target_after == -1 else None
    for i, word in enumerate(pat.words):
        found = None
        if word in PARTICLES:
            found = next((c for a in anchors for c in a.children
                          if c.dep_ == "compound:prt" and c.lower_ == word), None)
        if found is None and word in PREPOSITIONS:
            for a in reversed(anchors):
                found = _prep_child(a, word)
                if found is not None:
                    break
            if found is not None and pat.target_after == i:
                target = found
        if found is None and word not in PREPOSITIONS:
            found = next((c for a in reversed(anchors) for c in a.children
                          if c.i not in {u.i for u in used} and has_lemma(c, word)), None)
            if found is None and tok.dep_ in ("amod", "compound") and has_lemma(tok.head, word):
                found = tok.head  # nominal trigger whose word is its head noun
            if found is not None and pat.target_after == i:
                target = direct_object(found)
        if found is None:
            return None
        anchors.append(found)
        used.append(found)
    if pat.kind == "verb" and target is None and pat.target_after == -1 and tok.dep_ == "acl:relcl":
        target = None
    return Match(pat, tok, target, used)


def find_matches(lex: Lexicon, sent) -> list[Match]:
    """Most specific match per trigger token; tokens consumed by a longer match cannot trigger again."""
    cands = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "ccomp", "xcomp", "conj")):
            table = lex.verbs
        elif tok.pos_ in ("NOUN", "PROPN"):
            table = lex.nouns
        else:
            continue
        for key in lemma_keys(tok):
            best = next((m for m in (match_pattern(p, tok) for p in table.get(key, ())) if m), None)
            if best:
                cands.append(best)
                break
    cands.sort(key=lambda m: -m.pattern.specificity)
    taken, out = set(), []
    for m in cands:
        ids = {u.i for u in m.used}
        if m.trigger.i in taken:
            continue
        taken |= ids
        out.append(m)
    return sorted(out, key=lambda m: m.trigger.i)


SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "agree", "offer", "refuse", "decline", "try", "seek",
                   "want", "plan", "intend", "decide", "hope", "fail", "continue", "begin", "start", "attempt"}


def subject_of(tok):
    """Subject of a verb, inherited through control (xcomp), conjunction and relative clauses.

    Object control wins over subject control: in "urged Russia to withdraw" and "leading
    Washington to warn Beijing" the governor's object does the embedded act.
    """
    v, hops = tok, 0
    while v is not None and hops < 6:
        subj = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            return subj
        agent = passive_agent(v)
        if agent is not None:
            return agent
        if v.dep_ == "xcomp" and v.head is not v:
            gov = v.head
            obj = next((c for c in gov.children if c.dep_ in OBJ_DEPS), None)
            if obj is not None and gov.lemma_.lower() not in SUBJECT_CONTROL:
                return obj
            v, hops = gov, hops + 1
            continue
        if v.dep_ in ("conj", "advcl") and v.head is not v:
            v, hops = v.head, hops + 1
            continue
        if v.dep_ == "acl:relcl":
            return v.head
        return None
    return None


def passive_agent(v):
    """The by-phrase of a passive verb ("was attacked by Poland")."""
    if not is_passive(v):
        return None
    return next((c for c in v.children if c.dep_ == "obl:agent" or (
        c.dep_ == "obl" and any(g.lower_ == "by" and g.dep_ == "case" for g in c.children))), None)


def passive_subject(v):
    """The patient of a passive verb, shared from a conjoined head when it has none of its own."""
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
        if subj is not None:
            return subj
        if v.dep_ != "conj":
            return None
        v = v.head
    return None


def noun_source(tok):
    """Source of a nominal event: "Russia's invasion", "a Russian attack", or the subject of a light verb."""
    for c in tok.children:
        if c.dep_ == "nmod:poss" or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN")):
            return c
    if tok.dep_ in OBJ_DEPS and tok.head.pos_ == "VERB":
        return subject_of(tok.head)
    return None


def is_passive(tok) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ == "conj" and is_passive(tok.head))
