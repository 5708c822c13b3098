"""Match lexicon patterns over a UD dependency parse: the trigger, the words a pattern takes in, and
where its target sits."""
from __future__ import annotations

from dataclasses import dataclass, replace

from .lexicon import PARTICLES, PREPOSITIONS, Lexicon, Pattern
from .lost import lost_object, swallowed
# the argument helpers live in .syntax; police, roles and quotes still import these from here
from .syntax import (FUTURE, OBJ_DEPS, TIME_WORDS, direct_object, has_aux, has_lemma, is_infinitive,
                     is_passive, is_time, lemma_keys, noun_sources, np_span, passive_subject, subject_of,
                     topic_verb, undergone, undergone_agent, undergone_frames)

__all__ = ["Match", "prep_child", "find_matches", "match_pattern", "implied_target", "fallback_targets", "OBJ_DEPS",
           "direct_object", "lemma_keys", "FUTURE", "TIME_WORDS", "has_aux", "is_infinitive", "is_passive",
           "np_span", "passive_subject", "subject_of"]


@dataclass
class Match:
    pattern: Pattern
    trigger: object  # spaCy Token
    target: object | None
    used: list  # tokens consumed by the pattern (trigger included)

    @property
    def phrase_head(self):
        """The head of the matched phrase, the used token whose head lies outside it ("trade agreement":
        agreement); a noun pattern triggers on its first word, but the clause governs the head."""
        own = {u.i for u in self.used}
        return next((u for u in self.used if u.head.i not in own), self.trigger)


def prep_child(anchor, prep: str):
    """A noun hanging off `anchor` through preposition `prep` ("on X" as obl/nmod with case 'on');
    "on Thursday" and "on Nov. 2" are times, not targets."""
    for c in anchor.children:
        if c.dep_.split(":")[0] in ("obl", "nmod", "advcl", "acl", "xcomp") and not is_time(c) and any(
                g.dep_ in ("case", "mark") and g.lower_ == prep for g in c.children):
            return c
    return None


TARGET_PREPS = ("on", "against", "at", "with", "to", "for", "into", "toward", "towards")


def implied_target(m: "Match"):
    """A pattern without {T} ("launch attack", "express concern") still has a target in the text:
    an on/against/with/... phrase of its last word, else the trigger's own unconsumed object. The subject
    of a frame that has it suffer the act ("the embassy came under attack") is who the act is aimed at."""
    used = {u.i for u in m.used}
    frame = undergone(m.phrase_head) if m.pattern.kind == "noun" else None
    if frame is not None and (sufferer := subject_of(frame)) is not None:
        return sufferer
    for anchor in reversed(m.used):
        for prep in TARGET_PREPS:
            found = prep_child(anchor, prep)
            if found is not None and found.i not in used:
                return found
    if topic_verb(m.trigger):
        return contact_party(m.trigger)
    obj = direct_object(m.trigger)
    return obj if obj is not None and obj.i not in used else None


def contact_party(tok):
    """The party of the contact a purpose clause serves: "called on the minister to discuss" -> the minister."""
    if tok.dep_ not in ("advcl", "xcomp") or not is_infinitive(tok) or tok.head.pos_ != "VERB":
        return None
    return direct_object(tok.head) or prep_child(tok.head, "on") or prep_child(tok.head, "with")


FALLBACK_PREPS = TARGET_PREPS + ("from", "over", "in")
VENUE_CODES = ("040", "044", "046")  # meetings and talks: "in X" says where they are held, not with whom


def fallback_targets(m: "Match", target_tok) -> list:
    """Where the chosen target names no actor ("lift embargoes on sales to Iran", "eased measures in
    Montenegro"), the other prepositional phrases of the trigger and its object, in order of preference."""
    anchors = [a for a in (m.trigger, target_tok, *m.used[1:]) if a is not None]
    # "gave Putin a warning", "will give Tanzania a grant": the recipient is the indirect object
    out = [c for c in m.trigger.children if c.dep_ == "iobj" and c is not target_tok]
    # the parser may label the recipient a second object: "gave Putin a stern warning"
    out += [c for c in m.trigger.children if c.dep_ in OBJ_DEPS and c is not target_tok and c not in out
            and c not in m.used and any(d.dep_ in OBJ_DEPS and d.i > c.i for d in m.trigger.children)]
    for prep in FALLBACK_PREPS:
        if prep == "in" and m.pattern is not None and m.pattern.code[:3] in VENUE_CODES:
            continue  # the coder takes the place as the meeting's venue (events/venues.py)
        for anchor in anchors:
            found = prep_child(anchor, prep)
            if found is not None and found not in out and found is not target_tok:
                out.append(found)
    if m.pattern is not None and m.pattern.code.startswith(TRAVEL):  # roles.py asks with no pattern
        # a visit to an event the host names ("attend the Beijing Olympics") goes to that host
        out += [u for u in m.used[1:] if u.pos_ in ("NOUN", "PROPN") and u not in out and u is not target_tok]
    return out



# a pattern's words are the trigger's phrase, not a separate clause: "claim attack" is "claimed the
# attack", never "claimed that Iraq attacked"
CLAUSE_DEPS = {"ccomp", "parataxis", "advcl", "conj", "acl:relcl", "csubj", "nsubj", "nsubj:pass"}


def _about(tok, nominal: bool = False) -> bool:
    """'threatened to break relations with Congo over their ties with Israel': a noun the act is over or
    about is its topic, never a word of the act's own pattern (unless the pattern names the preposition);
    nor is the doer of an act noun ("an attack by protesters", "attack from protesters" is no "attack
    protester")."""
    marks = ("over", "about") + (("by", "from") if nominal else ())
    return tok.dep_.split(":")[0] in ("obl", "nmod") and any(
        c.dep_ == "case" and c.lower_ in marks for c in tok.children)


def match_pattern(pat: Pattern, tok) -> Match | None:
    anchors, used = [tok], [tok]
    claimed = {tok.i}  # tokens a pattern word has matched (a preposition's noun is not yet claimed)
    target = (direct_object(tok) or lost_object(tok)) if pat.target_after == -1 else None
    skip_next = False
    for i, word in enumerate(pat.words):
        found = None
        if word in PARTICLES:
            found = next((c for a in anchors for c in a.children
                          if c.dep_ == "compound:prt" and c.lower_ == word), None)
        if found is None and word in PREPOSITIONS:
            for a in reversed(anchors):
                found = prep_child(a, word)
                if found is not None:
                    break
            if found is not None and pat.target_after == i:
                target = found
        if skip_next:
            skip_next = False
            continue
        if found is None and word not in PREPOSITIONS:
            found = next((c for a in reversed(anchors) for c in a.children
                          if c.i not in {u.i for u in used} and has_lemma(c, word)
                          and not _about(c, pat.kind == "noun")
                          and (c.dep_ not in CLAUSE_DEPS or (a is tok and c.dep_ == "nsubj:pass"))), None)
            if found is None:
                # the noun a preposition led to is itself the word: "call for (humanitarian) aid",
                # "urge {T} to step down"
                found = next((a for a in anchors[1:] if a.i not in claimed and has_lemma(a, word)), None)
                if found is not None:
                    claimed.add(found.i)
                    continue
            nxt = pat.words[i + 1] if i + 1 < len(pat.words) else None
            if found is None and nxt and nxt not in PREPOSITIONS:
                # a lexicalised modifier written before its noun: "stage hunger strike"
                head = next((c for a in reversed(anchors) for c in a.children if has_lemma(c, nxt)), None)
                mod = next((g for g in head.children if has_lemma(g, word)), None) if head is not None else None
                if mod is not None:
                    used.append(mod)
                    found, skip_next = head, True
                    if pat.target_after == i + 1:
                        target = direct_object(found)
            if found is None and tok.dep_ in ("amod", "compound") and has_lemma(tok.head, word):
                found = tok.head  # nominal trigger whose word is its head noun
            if found is not None and pat.target_after == i:
                target = direct_object(found)
        if found is None:
            return None
        if word not in PREPOSITIONS:
            claimed.add(found.i)
        anchors.append(found)
        used.append(found)
    if pat.kind == "verb" and target is None and pat.target_after == -1 and tok.dep_ == "acl:relcl":
        target = None
    return Match(pat, tok, target, used)


TRAVEL = "042"
PLACES = {"GPE", "LOC", "FAC"}


def _carried(m: Match) -> bool:
    """A travel pattern ("return to {T}", "come to {T}") that moves nobody anywhere: the verb has an object
    of its own ("returned the antiquities to Iraq"; "left Afghanistan for ..." still travels), its "to"
    leads to an infinitive ("came under pressure to resign", "came to believe"), or the subject came
    under something before it came anywhere ("came under pressure from Washington to the table")."""
    if not (m.pattern.code.startswith(TRAVEL) and m.pattern.kind == "verb" and m.pattern.target_after != -1):
        return False
    used = {u.i for u in m.used}
    if m.target is not None and m.target.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "mark" and c.lower_ == "to" for c in m.target.children):
        return True
    under = prep_child(m.trigger, "under")
    if under is not None and under.i not in used and (m.target is None or under.i < m.target.i):
        return True
    return any(c.dep_ in OBJ_DEPS and c.i not in used and c.ent_type_ not in PLACES for c in m.trigger.children)


NAME_KINDS = {"organization", "institution", "ner_org"}


def _named(tok, mentions) -> bool:
    """A capitalised event noun inside an organisation's name is part of the name: "Asia-Pacific Economic
    Cooperation", "Agency for Development and Cooperation" are no acts of cooperation. Only names the actors
    stage took as organisations of two or more words count, so "Talks" opening a sentence, headline capitals
    and "the Russian invasion" still code."""
    if not tok.text[:1].isupper():
        return False
    start, end = tok.idx, tok.idx + len(tok.text)
    return any(m.kind in NAME_KINDS and m.start <= start and end <= m.end and " " in m.text.strip()
               for m in mentions)


def find_matches(lex: Lexicon, sent, mentions=()) -> list[Match]:
    """Most specific match per trigger token; tokens consumed by a longer match cannot trigger again.
    `mentions` (the sentence's actor mentions) mark the organisation names whose nouns are no events."""
    cands = []
    # every word of a pattern must be some token's lemma key or form (prepositions and particles are forms)
    # in the sentence, so a pattern with a word the sentence lacks is skipped before the tree is searched
    words = {k for t in sent for k in lemma_keys(t)}
    for tok in sent:
        modifier = False
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("ROOT", "ccomp", "xcomp", "conj")):
            table = lex.verbs
        elif tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            table = lex.nouns  # "opposition forces" is no event, but "car bomb" and "human shield" are:
            modifier = True    # a modifier triggers only a pattern that takes in its head noun
        elif tok.pos_ in ("NOUN", "PROPN"):
            table = lex.nouns
        else:
            continue
        if table is lex.nouns and mentions and _named(tok, mentions):
            continue
        for key in lemma_keys(tok):
            found = (m for m in (match_pattern(p, tok) for p in table.get(key, ()) if words.issuperset(p.words))
                     if m and (not modifier or any(u.i == tok.head.i for u in m.used)) and not _carried(m))
            best = next(found, None)
            if best:
                if best.target is None and best.pattern.target_after is None:
                    # the most specific pattern names the code ("call for aid"); a {T} pattern of the same
                    # trigger ("call for {T}") may still know where the target is
                    slot = next((m for m in found if m.target is not None), None)
                    if slot is not None:
                        best = Match(best.pattern, best.trigger, slot.target, best.used)
                cands.append(best)
                break
    cands = _undergone(lex, sent, cands)
    cands.sort(key=lambda m: -m.pattern.specificity)
    taken, out = {}, []  # token index -> trigger index of the match that took it
    for m in cands:
        ids = {u.i for u in m.used}
        head = m.trigger.head.i
        if m.trigger.i in taken or (m.trigger.dep_ in ("amod", "compound") and taken.get(head, head) != head):
            continue  # a modifier's pattern ("humanitarian aid") loses its noun to another trigger ("suspend aid to")
        taken.update((i, taken.get(i, m.trigger.i)) for i in ids)
        out.append(m)
    return sorted(swallowed(out), key=lambda m: m.trigger.i)


REASON_PREPS = ("over", "for", "about")


def _undergone(lex: Lexicon, sent, cands: list) -> list:
    """The act nouns of frames whose subject suffers them ("came under attack from rebels", "met with
    condemnation from France"): the frame verb codes nothing of the act noun ("meet with {T}" is no meeting),
    and a noun the lexicon codes only with a preposition ("attack on") codes here when someone is named
    doing it. A reason phrase makes some of them words, not force: "came under fire over its budget"."""
    data = undergone_frames()
    acts, figurative = data.get("acts") or {}, data.get("figurative") or {}
    suffered = {}  # frame verb index -> the act noun under it
    for tok in sent:
        frame = undergone(tok)
        if frame is not None and (set(lemma_keys(tok)) & (lex.nouns.keys() | acts.keys())):
            suffered[frame.i] = tok
    if not suffered:
        return cands
    # the verb loses only a slot it took the act for ("meet with {T}"); a pattern that names the noun stays
    # ("received a mission of observers" is a receiving of its own)
    out = [m for m in cands if not (m.pattern.kind == "verb" and m.trigger.i in suffered
                                    and m.target is not None and m.target.i == suffered[m.trigger.i].i)]
    acted = {t.i for t in suffered.values()}
    for k, m in enumerate(out):
        if m.pattern.kind == "verb" and m.trigger.i in acted:
            # "came under shelling": the gerund is the act noun, aimed at the frame's subject
            m = out[k] = Match(replace(m.pattern, kind="noun"), m.trigger, subject_of(undergone(m.trigger)), m.used)
        frame = undergone(m.phrase_head) if m.pattern.kind == "noun" and m.target is not None else None
        agent = undergone_agent(m.phrase_head) if frame is not None else None
        if agent is not None and m.target.i == agent.i:
            # "received an invitation from Russia": the slot the pattern gave the doer goes to the one who suffers
            m.target = subject_of(frame) or m.target
    triggers = {m.trigger.i for m in out} | {u.i for m in out for u in m.used}
    for tok in suffered.values():
        key = next((k for k in lemma_keys(tok) if k in acts), None)
        if key is None or tok.i in triggers or not noun_sources(tok):
            continue
        frame = undergone(tok)
        reason = any(c.dep_.split(":")[0] in ("obl", "nmod") and any(
            g.dep_ == "case" and g.lower_ in REASON_PREPS for g in c.children) for a in (tok, frame) for c in a.children)
        code = str(figurative.get(key) if reason and key in figurative else acts[key])
        if code in lex.codes:
            out.append(Match(Pattern(f"undergone:{code}:{key}", code, "noun", key, (), None), tok, None, [tok]))
    return out
