"""Roles the parse alone misses. Actors listed with the one an argument names ("The US, Russia and
Switzerland met", "French and Egyptian warships": the parser often breaks such lists into appositions and
stray nouns); the target of a demand, threat or protest named in the clause it reports or serves; the
actor inside a target phrase whose head names none; and event nouns that are only the topic of another
event ("negotiations for a trade agreement"). `Roles` is mixed into the EventCoder."""
from __future__ import annotations

import re
from dataclasses import replace

from ..document import Actor
from .match import OBJ_DEPS, Match, direct_object, fallback_targets, is_infinitive, is_passive, subject_of
from .syntax import abstract_head, by_phrase, passive_subject, topic_verb

ADDRESSED = {"02", "10", "11", "13", "14"}  # acts aimed at whoever the clause they report or serve is about
CONDITIONS = {"unless", "if"}
RALLY = {"053", "113"}  # appeals whose target is the third party others are rallied behind or against
DISPUTING = {"11", "12", "14"}  # disapproval, rejection and protest: taken "over" or "against" an act
STANCE_PREPS = ("over", "about", "against", "at")
# what may stand between two listed actors: a comma, "and", "or", "as well as", possibly with an article
_SEP = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|as well as)\s+)?(?:the\s+)?", re.I)
_CONJ = re.compile(r"\b(?:and|or|as well as)\b", re.I)
_NESTED = re.compile(r"(?:,|\s(?:and|or))\s*$", re.I)  # "French and | Egyptian warships"


def listed(first: list, mentions: list, span) -> list:
    """`first` (the mention an argument chose, or nothing) with the actors coordinated with it.

    A list is read from the surface: neighbouring coded mentions separated only by commas and "and"/"or".
    Inside the argument's own phrase any such list counts ("Iran, Libya, North Korea, Sudan"); reaching
    beyond it needs a real conjunction in the list, so "When the US struck Iraq, Iran protested" stays one
    actor. A differently coded mention nested after "and" in the chosen one is its second conjunct
    ("French and Egyptian warships")."""
    if not first:
        return first
    text = _doc_text(span.doc)
    head = first[0]
    coded = sorted((m for m in mentions if m.code and m.kind != "coref"), key=lambda m: (m.start, -m.end))
    out = [head]
    for m in coded:
        nested = head.start < m.start and m.end <= head.end and m.code != head.code
        if nested and _NESTED.search(text[head.start:m.start]):
            out.append(m)
    chain, gaps = [], []
    for step in (1, -1):
        cur = head
        while True:
            if step == 1:
                nxt = next((m for m in coded if m.start >= cur.end), None)
                gap = text[cur.end:nxt.start] if nxt else ""
            else:
                nxt = next((m for m in reversed(coded) if m.end <= cur.start), None)
                gap = text[nxt.end:cur.start] if nxt else ""
            if nxt is None or not gap.strip() or not _SEP.fullmatch(gap) or _modifier(text, nxt):
                break
            chain.append(nxt)
            gaps.append(gap)
            cur = nxt
    joined = any(_CONJ.search(g) for g in gaps)
    for m in chain:
        if joined or (span.start_char <= m.start and m.end <= span.end_char):
            if all(m.code != o.code for o in out):
                out.append(m)
    return out


def _doc_text(doc) -> str:
    """The parsed text. spaCy rebuilds `Doc.text` from every token on each read, which a long article paid
    on every argument it listed; kept on the parsed document (its text never changes)."""
    key = ("listed", "text")
    if key not in doc.user_data:
        doc.user_data[key] = doc.text
    return doc.user_data[key]


def _modifier(text: str, m) -> bool:
    """"Russia-backed rebels", "US-led forces": a name glued into a compound modifier is no actor of its own."""
    return text[m.end:m.end + 1] == "-" or text[m.start - 1:m.start] == "-"


def protests_aimed(events: list) -> None:
    """A protest names its target through the demand or defiance it carries: "rioted calling for the
    removal of Mubarak", "blocked roads to press demands on Bouteflika's government", "blocked streets in
    defiance of the authorities". A protest (14x) without a coded target, or aimed only at the place it
    happens in (a bare state code: "blocked streets in Hong Kong"), takes the target of an appeal, demand or
    defiance (02x, 10x, 12x) coded in the same sentence by the same side or by no one; that aim then codes
    no event of its own beside the protest, as coders code the protest once."""
    asks = [e for e in events if e.cameo[:2] in ("02", "10", "12") and e.target is not None and e.target.code]
    for ev in events:
        if ev.cameo[:2] != "14" or ev.source is None:
            continue
        scene = ev.target is not None and ev.target.code and ev.target.code == ev.target.country
        if ev.target is not None and ev.target.code and not scene:
            continue
        ask = next((a for a in asks if a in events and (
            a.source is None or not a.source.code or a.source.code == ev.source.code)), None)
        if ask is not None and ask.target.code != ev.source.code and not (scene and ask.target.code == ev.target.code):
            ev.target = replace(ask.target)
            ev.evidence.target = replace(ask.evidence.target) if ask.evidence.target else None
            if ask.source is not None and ask.source.code == ev.source.code:
                events.remove(ask)


TOPIC_PREPS = {"for", "on", "about", "over"}


def is_topic(m, used: set) -> bool:
    """'negotiations for a trade agreement', 'talks on a ceasefire': an event noun that is what another
    event noun is about has not happened; it is that event's topic."""
    if m.pattern.kind != "noun":
        return False
    phrase = m.phrase_head  # "trade agreement": agreement
    return (phrase.dep_.split(":")[0] in ("nmod", "obl") and phrase.head.i in used
            and any(c.dep_ == "case" and c.lower_ in TOPIC_PREPS for c in phrase.children))


GENERIC_FORCE = {"180", "190"}  # "killed", "wounded", "attacked": the weapon named beside them says which kind
MEANS_PREPS = {"in", "with", "by"}  # "wounded two soldiers in a bomb attack", "killed by a car bomb"


def by_means(m, matches: list):
    """The code of a more specific violent act that a generic kill/wound/attack trigger was carried out by:
    its subject ("a roadside bombing killed ...", "suicide bombers killed ...") or its means phrase
    ("wounded two soldiers in a bomb attack", "killed in an air strike"). CAMEO codes the kind of force
    (18x bombings, 19x shelling and air strikes) rather than the bare outcome; None when nothing says."""
    if m.pattern.code not in GENERIC_FORCE:
        return None
    means = [c for c in m.trigger.children if c.dep_.split(":")[0] in ("nsubj", "obl") and (
        c.dep_.startswith("nsubj") or any(g.dep_ == "case" and g.lower_ in MEANS_PREPS for g in c.children))]
    for other in matches:
        code = other.pattern.code
        if other is m or other.pattern.kind != "noun" or code[:2] not in ("18", "19", "20") or code in GENERIC_FORCE:
            continue
        if any(u.i == c.i for u in other.used for c in means):
            return code
    return None


def named_within(head, mentions: list, sources: list) -> list:
    """The actor named inside a target phrase whose head names none, beyond what the noun phrase keeps:
    an apposition ("forced the UN children's agency, UNICEF, out") or a place it is in ("fired at targets in
    Jericho"); never inside a relative clause, and never the source itself."""
    if abstract_head(head):
        return []  # "the use of the Kurdish language": an act or state, whoever's it is, is no party
    cut = [t for t in head.subtree if t.dep_ in ("acl:relcl", "parataxis", "ccomp") and t.i != head.i]
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    own = {a.code for a in sources if a.code}
    for m in mentions:
        if (lo <= m.start and m.end <= hi and m.country and m.code not in own and m.kind != "coref"
                and not any(c.left_edge.idx <= m.start < c.right_edge.idx + len(c.right_edge) for c in cut)):
            phrase = head.doc[head.left_edge.i:head.right_edge.i + 1]
            return [a.as_actor() for a in listed([m], mentions, phrase) if a.code not in own]
    return []


def addressee_of(cue, act):
    """Who an appeal, demand or intent cue is made to: its object standing before the act ("urged Iran to
    withdraw"; an object after it is a misparsed reporter), or the subject of a passive cue that names who
    asks ("Iran was pressed by the EU to withdraw"; "he was asked to resign", "is committed to" name nobody
    else, and their subject is the one who acts)."""
    obj = next((c for c in cue.children if c.dep_ in ("obj", "iobj") and c.i < act.i), None)
    if obj is None and is_passive(cue) and by_phrase(cue) is not None:
        return passive_subject(cue)
    return obj


def clause(tok) -> bool:
    """An infinitive or bare clause ("to visit the country"); a verb after "on"/"against" is mostly a
    mis-tagged noun phrase ("a ban on outlawed militia groups") and stays an argument."""
    return (tok.pos_ in ("VERB", "AUX") and tok.dep_.split(":")[0] in ("xcomp", "advcl", "acl", "ccomp", "csubj")
            and all(c.lower_ == "to" for c in tok.children if c.dep_ == "mark"))


def _verb_chain(tok, depth: int = 3) -> list:
    """A clause and the clauses it embeds, a few levels down: "threatened to stop talks to reduce arms
    if the US goes ahead" puts the condition under the second infinitive."""
    out, frontier = [tok], [tok]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children
                    if c.dep_.split(":")[0] in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX")]
        out += frontier
    return out


class Roles:
    """Mixed into EventCoder: arguments found in clauses (uses its _actors)."""

    @staticmethod
    def _fronted(c, mentions, own: set) -> list:
        """The actor written between "that" and the head of a reported clause the parse gave no subject
        ("demanded that Israel ease restrictions", with "ease" misread as a noun): in English the subject
        comes first."""
        mark = next((g for g in c.children if g.lower_ == "that" and g.i < c.i), None)
        if mark is None:
            return []
        lo, hi = mark.idx + len(mark), c.idx
        return [m.as_actor() for m in mentions if lo <= m.start and m.end <= hi and m.code and m.country
                and m.code not in own and m.kind != "coref"][:1]

    def _clause_target(self, verb, mentions):
        """The actor a clause standing in a target slot acts on: its object ("threatened to shell Iraqi
        towns"), else an actor in its prepositional phrases ("to deliver blows to the United States")."""
        objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
        obj = objs[0] if objs else None
        cands = [c for c in [*objs, *fallback_targets(Match(None, verb, None, [verb, *objs]), obj)]
                 if c is not None and not clause(c)]
        actors = [self._actors(c, mentions) for c in cands]
        # a country beats a bare sector: "to disperse demonstrators ... in Monrovia"
        return next((c for c, acts in zip(cands, actors) if any(a.country for a in acts)),
                    next((c for c, acts in zip(cands, actors) if any(a.code for a in acts)), None))

    def _acted_on(self, m, code: str, cue, target_tok, sources, targets: list, mentions) -> list:
        """The targets after the stances and acts the chosen target phrase may hide: the party a rallying
        pattern rallies behind, the owner of an act a stance is taken on, the doer of an act disputed."""
        if code in RALLY and m.pattern.kind == "verb":
            targets = self._rallied(m, sources, mentions) or targets
        # the stance is the cue's when there is one: "demanded a meeting to discuss Croatia's advance"
        owner = self._owned_act(cue if cue is not None else m.trigger, code, target_tok, sources, mentions)
        if owner and not any(a.country == owner[0].country for a in targets):
            targets = owner
        if not any(a.code for a in targets):
            targets = self._act_doer(code, m.trigger, target_tok, sources, mentions) or targets
        return targets

    def _owned_act(self, verb, code: str, target_tok, sources, mentions) -> list:
        """'agreed to US mediation', 'complained to the UN over Israeli air raids': a stance taken on someone
        else's act (the verb's object or "to" phrase; for disapproval, rejection and protest also what it is
        "over" or "against") is aimed at whoever the act's noun names as its owner, not at a party the act
        involves ("mediation in talks with the Palestinians") nor at the one a complaint is lodged with."""
        preps = ("to",) + (STANCE_PREPS if code[:2] in DISPUTING else ())
        own = {v for a in sources for v in (a.code, a.country) if v}
        if verb.pos_ != "VERB":
            return []
        for act in verb.children:
            # "over two Israeli air raids": the parse may read "over" as "more than" inside the phrase
            if act.pos_ != "NOUN" or not (act.dep_ in OBJ_DEPS or (act.dep_.split(":")[0] in ("obl", "nmod") and (
                    act.left_edge.lower_ in preps or any(g.dep_ == "case" and g.lower_ in preps
                                                        for g in act.children)))):
                continue
            if target_tok is not None and (act.i == target_tok.i or act.is_ancestor(target_tok)):
                continue  # the target is the act's own phrase, whose names the argument already reads
            if act.dep_ in OBJ_DEPS and topic_verb(verb):
                continue  # "discussed the Iranian deal": a topic, not a stance on Iran's act
            if any(m.start <= act.idx < m.end for m in mentions):
                continue  # "agreed to Syrian troops entering": the noun is an actor itself
            for owner in act.subtree:  # "Israeli air raids": the owner may modify a compound
                if owner.i >= act.i or not (owner.dep_ == "nmod:poss" or (
                        owner.dep_ in ("amod", "compound") and owner.text[:1].isupper())):
                    continue
                found = [a for a in self._actors(owner, mentions) if a.code and a.country
                         and a.kind != "coref" and not {a.code, a.country} & own]
                if found:
                    return found[:1]
        return []

    def _act_doer(self, code: str, trigger, target_tok, sources, mentions) -> list:
        """'launched an investigation into crimes committed by Croat forces', 'violated a ban by General Aoun':
        an investigation, disapproval, rejection or protest whose target phrase is an act that names no actor
        is aimed at whoever did the act: the "by" phrase of the act noun or of its participle, or a "by"
        phrase the parse hung on the active trigger, which cannot be the trigger's own agent."""
        if code[:2] not in DISPUTING | {"09"}:
            return []
        own = {a.code for a in sources if a.code}  # "a ban by General Aoun" may be a compatriot's
        cands = []
        if target_tok is not None:
            # the participle may hang on the noun the target phrase modifies ("an investigation into crimes
            # committed by ...")
            nouns = [target_tok] + ([target_tok.head] if target_tok.dep_.startswith("nmod") else [])
            cands += [target_tok, *(c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN")]
        if trigger.pos_ == "VERB" and not is_passive(trigger):
            cands.append(trigger)
        for tok in cands:
            found = [a for a in self._actors(by_phrase(tok), mentions)
                     if a.code and a.kind != "coref" and a.code not in own]
            if found:
                return found
        return []

    def _rallied(self, m, sources, mentions) -> list:
        """'urged the EC to support the PLO': a pattern that takes in the rallying verb ("urge {T} to support")
        names the one rallied as its slot; the appeal is made on behalf of the rallying verb's object."""
        own = {v for a in sources for v in (a.code, a.country) if v}
        for verb in m.used[1:]:
            if verb.pos_ == "VERB" and verb.dep_ in ("xcomp", "advcl", "ccomp"):
                found = [a for a in self._actors(direct_object(verb), mentions)
                         if a.code and a.kind != "coref" and not {a.code, a.country} & own]
                if found:
                    return found
        return []

    def _addressed(self, heads: list, code: str, sources, mentions) -> list:
        """The target of a demand, warning, threat or protest that names none in its own phrases: the
        subject of the clause it reports ("demanded that the US cancel its plans"), the one whose act a
        threat is conditioned on ("threatened to strike unless Israel rescinded"), else an actor its
        purpose or embedded clause acts on ("blocked roads to press demands on Bouteflika's government",
        "threatened to impose a curfew in Tripoli")."""
        own = {s.code for s in sources if s.code}

        def coded(tok):
            out = []
            for a in self._actors(tok, mentions):
                if a.code and a.code not in own:
                    out.append(a)
                elif a.code and a.kind in ("place", "metonym"):
                    # a place of the source's own state is still a target, named as itself: "threatened to
                    # institute a curfew in Algiers"
                    out += [m.as_actor() for m in mentions if m.code == a.code and m.kind == a.kind
                            and a.start <= m.start and m.end <= a.end][:1]
            return out

        # the trigger's clauses, and a "that" clause of the pattern's noun ("reiterated its demand that X ...")
        clauses = [c for h in heads for c in h.children
                   if c.dep_.split(":")[0] in ("ccomp", "parataxis", "xcomp", "advcl")
                   or (h is not heads[0] and c.dep_ == "acl" and any(g.lower_ == "that" for g in c.children))]
        for c in clauses:  # reported speech first: "demanded that X ...", "protested that X ..."
            if c.dep_ in ("ccomp", "parataxis", "acl") and not code.startswith("14"):
                found = coded(subject_of(c)) or self._fronted(c, mentions, own)
                if found:
                    return found
        if code.startswith("13"):
            for c in [g for c in clauses for g in _verb_chain(c)]:
                if c.dep_.split(":")[0] == "advcl" and any(g.lower_ in CONDITIONS for g in c.children
                                                            if g.dep_ == "mark"):
                    found = coded(next((g for g in c.children if g.dep_ in ("nsubj", "nsubj:pass")), None))
                    if found:
                        return found
        for c in clauses:
            if c.pos_ == "VERB" and (c.dep_ == "xcomp" or is_infinitive(c) or (
                    # a bare participle ("rioted, calling for ..."), not "despite mounting tensions"
                    c.tag_ == "VBG" and not any(g.dep_ in ("mark", "case") for g in c.children))):
                found = coded(self._clause_target(c, mentions))
                if found:
                    return found
        return []


def interrupted(m, nouns: set) -> bool:
    """'a pause in the bombing', 'an end to the fighting': an event noun named only as what a pause or
    an end interrupts has not been reported as happening."""
    if m.pattern.kind != "noun":
        return False
    tok = m.trigger
    return (tok.dep_.split(":")[0] in ("nmod", "obl") and tok.head.i != tok.i
            and tok.head.lemma_.lower() in nouns and tok.head not in m.used)


def purpose_clause(tok, verbs: set) -> bool:
    """'a trip aimed at pushing for a ceasefire': an act in the clause of a participle of purpose that
    modifies a noun is that thing's aim, not an event."""
    v = tok
    for _ in range(4):
        if v.head.i == v.i or v.dep_.split(":")[0] not in ("advcl", "xcomp", "ccomp", "conj", "obl", "acl"):
            return False
        if v.dep_ != "acl" and v.head.dep_ == "acl" and v.head.lemma_.lower() in verbs and v.head.tag_ == "VBN":
            return True
        v = v.head
    return False


VIOLENT = ("18", "19", "20")
POSTURE = "15"  # "holding war games in Belarus": a show of force aimed at the state it is staged in
PROTEST = "14"  # "blocked roads in Algiers": a protest with no named target is aimed at where it is staged


def located_victims(events: list, mentions: list, sdoc) -> None:
    """'attacks in northeastern Nigeria', 'four children were killed in shelling in the Gaza Strip': violence
    whose victims are named by no state (or not at all) falls on the state where it happens. A violent event
    (18x-20x) whose target has no country takes the state of a place its own clause puts it in ("in X");
    so does a show of force (15x) staged in another state than its source's."""
    from ..actors.geo import located
    from ..parse import root_at

    places = [m for m in mentions if m.country and m.kind in ("place", "country", "metonym")
              and m.country not in ("IGO", "NGO")]
    for ev in events:
        if ev.cameo[:2] not in (*VIOLENT, POSTURE, PROTEST) or (ev.target is not None and ev.target.country) or not places:
            continue
        home = ev.source.country if ev.source is not None else None
        trigger = root_at(sdoc, ev.evidence.trigger)
        if trigger is None:
            continue
        clause = {trigger.i, trigger.head.i}
        for m in places:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.sent.start != trigger.sent.start or located(sdoc, span.start, span.end) != 1:
                continue
            if ev.cameo[:2] == POSTURE and m.country == home:
                continue  # police deployed at home aim at no state
            tok, hops = span.root, 0
            while tok.i not in clause and tok.head.i != tok.i and hops < 4:
                tok, hops = tok.head, hops + 1
            if tok.i not in clause:
                continue
            if ev.target is None:
                ev.target = Actor(text=m.text, start=m.start, end=m.end, code=m.country, country=m.country,
                                  kind="place")
            else:
                sector = ev.target.sector or ""
                ev.target = replace(ev.target, country=m.country, code=m.country + (sector if sector != m.country else ""))
            break
