"""Arguments the parse lost: the object a transitive trigger was left without, and the act of an accused
subject told beside the accusation rather than inside it."""
from __future__ import annotations

from .syntax import OBJ_DEPS, is_passive, is_time

# a verb with one of these has its object (or its content) already: nothing was lost
HELD = OBJ_DEPS + ("nsubj:pass", "ccomp", "xcomp")
MODIFIERS = ("amod", "compound")
NOMINAL = ("NOUN", "PROPN")


def _phrase_end(tok) -> int | None:
    """The index of the noun that ends the noun phrase opening right after `tok` (adjectives and noun
    modifiers, then the noun), or None where no such phrase follows."""
    doc, j = tok.doc, tok.i + 1
    end = tok.sent.end
    while j < end and doc[j].dep_ in MODIFIERS and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].head.i > j:
        j += 1  # a modifier leaning on a later word: "Western (sanctions)", "arms (sales)"
    if j >= end or doc[j].pos_ not in NOMINAL or is_time(doc[j]):
        return None
    # every modifier passed must hang within the phrase, or it is no phrase of its own
    if any(not (tok.i < doc[k].head.i <= j) for k in range(tok.i + 1, j)):
        return None
    return j


def lost_object(tok):
    """'slamming Western sanctions and arms sales': a transitive verb left with no object while a noun phrase
    follows it directly, which the parse hung elsewhere (here as the subject of a later noun): that phrase is
    the verb's object. None where the verb has an object or complement, or the phrase hangs on the verb."""
    if tok.pos_ != "VERB" or is_passive(tok) or any(c.dep_ in HELD for c in tok.children):
        return None
    j = _phrase_end(tok)
    if j is None:
        return None
    noun = tok.doc[j]
    if noun.head.i == noun.i or tok in noun.ancestors or noun in tok.ancestors or noun.head in tok.ancestors:
        # the parse placed it under the verb itself (an adjunct), made it the clause's head, or shares it
        # with a verb above ("exchanging and protecting classified information")
        return None
    return noun


def lost_phrase(tok) -> set[int]:
    """The tokens of the object `lost_object` found, with the nouns coordinated to it ("sanctions and arms
    sales"): the acts they name are what the verb is about, not acts of their own."""
    noun = lost_object(tok)
    if noun is None:
        return set()
    doc, end = tok.doc, tok.sent.end
    out = set(range(tok.i + 1, noun.i + 1))
    j = noun.i + 1
    while j < end and doc[j].lower_ in ("and", "or"):
        k = j + 1
        while k < end and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and k + 1 < end and doc[k + 1].pos_ in NOMINAL:
            k += 1
        if k >= end or doc[k].pos_ not in NOMINAL:
            break
        out |= set(range(j, k + 1))
        j = k + 1
    return out


def swallowed(matches: list) -> list:
    """Drop the noun matches inside the object a verb match recovered with `lost_object`."""
    inside = set()
    for m in matches:
        if m.pattern.kind == "verb" and m.target is not None and m.target.head.i != m.trigger.i:
            inside |= lost_phrase(m.trigger)
    if not inside:
        return matches
    return [m for m in matches if m.pattern.kind != "noun" or m.trigger.i not in inside]


def _of_complement(c) -> bool:
    """'(accused) of providing': the gerund clause, or the noun the parse made of it ("of arming militias")."""
    return c.dep_ in ("advcl", "obl") and any(g.dep_ in ("mark", "case") and g.lower_ == "of" for g in c.children)


def _accused_of(verb) -> bool:
    """A passive verb with an "of"-complement: "has been accused of providing", "is suspected of arming"."""
    return is_passive(verb) and any(_of_complement(c) for c in verb.children)


def accusation_of_own_act(tok):
    """'has been accused of providing cover, slamming Western sanctions': a comma-set participle after an
    accusation's "of"-complement tells what the accused subject did itself, not what it is accused of. Returns
    the accusation verb (whose passive subject acts, and whose place in the sentence the act shares), else None."""
    if tok.tag_ != "VBG" or tok.i == 0 or tok.doc[tok.i - 1].text != "," or any(
            c.dep_ in ("cc", "mark") for c in tok.children):
        return None  # "..., and slamming" closes a list of what is alleged
    head = tok.head
    if tok.dep_ == "advcl" and _accused_of(head):
        return head if any(_of_complement(c) and c.i < tok.i for c in head.children) else None
    if tok.dep_ == "conj" and head.i < tok.i and _of_complement(head) and _accused_of(head.head):
        return head.head
    return None


def accused_subject(tok):
    """The passive subject of the accusation whose subject does `tok` itself, or None."""
    verb = accusation_of_own_act(tok)
    if verb is None:
        return None
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
        if subj is not None or verb.dep_ != "conj":
            return subj
        verb = verb.head  # "China has refused ... and has been accused of": the shared subject
    return None
