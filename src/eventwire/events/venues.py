"""Where an act happens and who it is made to when the grammar names neither outright: the place a meeting
or visit is held in, the parties a mediation is between, and the demand a subject "faces" from someone."""
from __future__ import annotations

from .arguments import PLACE_NOUNS, SCENES
from .match import prep_child
from .syntax import is_time, lemma_keys, subject_of, undergone, undergone_agent


def scene(m, mentions, actors, preps=("between", "in")) -> list:
    """Who an act with no target is aimed at after all: the parties a mediation is "between", else the place
    it happens in ("declared a state of siege in Pando", "remained on alert in Manila"). `actors` reads the
    actors of a token."""
    anchors = [m.trigger, *m.used[1:]]
    phrase = m.phrase_head  # "peacekeeping mission": mission
    if m.pattern.kind == "noun" and phrase.dep_.split(":")[0] in ("obl", "obj"):
        anchors.insert(0, phrase.head)  # "remained on alert in Manila", "extended its mission in Somalia"
    used = {u.i for u in m.used}
    for prep in preps:
        for anchor in reversed(anchors):
            # "a mediation bid on Tuesday between X and Y": the parse often hangs the phrase on the date
            found = prep_child(anchor, prep) or next(
                (f for c in anchor.children if c.dep_.split(":")[0] in ("obl", "nmod") and is_time(c)
                 and (f := prep_child(c, prep)) is not None), None)
            if found is None or found.i in used:
                continue
            found_actors = actors(found, mentions)
            if prep == "between" or found.ent_type_ in SCENES or found.pos_ == "PROPN" or any(
                    a.country for a in found_actors) or set(lemma_keys(found)) & PLACE_NOUNS:
                return found_actors
    return []


def host_of(places: list):
    """The place several parties meet in, as the actor hosting them ("the two presidents will meet in
    Geneva", "met in Moscow"); None when no place with a state is named."""
    return next((t for t in places if t.country and t.country not in ("IGO", "NGO")), None)


def pressed(cue):
    """(who presses, who is pressed) where the demand cue is a noun the subject suffers: "faces pressure
    from the unions to resign", "came under pressure from allies": the demand comes from the "from" phrase
    and is made to the frame's subject; None for any other cue."""
    frame = undergone(cue) if cue.pos_ == "NOUN" else None
    if frame is None:
        return None
    return undergone_agent(cue), subject_of(frame)


MEETINGS = ("040", "042", "043", "044")  # meet, visit, host, meet at a third place
CONTACTS = ("041", "046")  # a call or talks held "to discuss" something are that call or those talks


def agenda(m, matches: list) -> bool:
    """'met the Syrian president to discuss the war', 'held talks to discuss trade', 'phoned her to discuss
    aid': talks that are what a meeting, call or talks are for are that contact, not a second event."""
    tok = m.trigger
    if m.pattern.code[:3] != "046" or tok.dep_.split(":")[0] not in ("advcl", "xcomp") or not any(
            c.dep_ == "mark" and c.lower_ == "to" for c in tok.children):
        return False
    return any(o.trigger.i == tok.head.i and o.pattern.code[:3] in MEETINGS + CONTACTS for o in matches if o is not m)
