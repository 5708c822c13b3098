"""Turn lexicon matches into events: source and target from the parse, the frame's code, scores, evidence;
one pass per sentence with the fallbacks, the classifier veto and the police rules."""
from __future__ import annotations

from ..document import Document, Event, Evidence, Mention, Span
from ..parse import sents
from .calibration import Calibrator, features
from .fallbacks import Fallbacks
from .lexicon import Lexicon, Pattern
from .background import dyadic, main_events, on_mission, reason_phrase
from .venues import agenda, host_of, pressed, scene
from .lost import accused_subject
from .arguments import Arguments, domain
from .framing import Framing
from .match import OBJ_DEPS, Match, fallback_targets, find_matches, implied_target, prep_child
from .police import implied_acts, implied_police, police_acts, police_events
from .roles import (ADDRESSED, RALLY, Roles, addressee_of, by_means, clause as _clause, interrupted, is_topic,
                    located_victims, named_within, protests_aimed, purpose_clause)
from .syntax import (contact_of, direct_object, has_aux, has_lemma, is_passive, lemma_keys,
                     noun_sources, passive_agent, passive_subject, reduced_relative, subject_of)

WEAK_MODALS = {"could", "might", "may", "should", "would"}
HOW_PREPS = {"in", "by", "during", "with", "from", "after"}


SYMMETRIC = {"04", "05", "06", "19"}  # roots whose coordinated subjects act on each other (meet, cooperate, fight)
FORCE = {"18", "19", "20"}
GIVING = ("give", "provide", "supply", "deliver", "send", "grant")
ASKING = {"02", "10"}  # appeals and demands, made to someone for something
RECEIVING = {"receive", "obtain", "acquire"}  # "received tanks from Germany": Germany gave them
JUDGED = {"11", "12"}  # disapproval and rejection, which a participle may only describe
COOPERATIVE = {"01", "02", "03", "04", "05", "06", "07", "08"}  # acts whose target may be the place they are for
# what is invested in only figuratively: "still investing in a close relationship with Russia"
RELATIONS = {"relationship", "relation", "tie", "friendship", "partnership", "alliance", "future", "peace"}
# a mediator, or one appealing for talks "between A and B", acts on both parties: CAMEO makes it the source
BETWEEN_THIRD = ("02", "039", "045")
MUTUAL = {"040", "046"}  # "X met Y": a meeting has two sides whatever the grammar says
PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
VISITS = {"042", "043", "044"}  # "arrived in the capital": where a visit goes is its target


def _origin(tok):
    """Where a force with no named agent came from ("a mortar was fired at it from the Gaza Strip"): the
    place stands for whoever holds it."""
    origin = prep_child(tok, "from")
    return origin if origin is not None and origin.ent_type_ in ("GPE", "LOC") else None


def _glued_recipient(tok, mentions) -> list:
    """'gave Sierra Leone 3.2 million euros': the parser often glues the recipient of a double object
    onto the amount given; a state named before the amount is who receives it."""
    obj = direct_object(tok)
    amount = next((t for t in obj.subtree if t.like_num), None) if obj is not None and obj.i > tok.i else None
    if amount is None:
        return []
    lo = tok.idx + len(tok)
    return [m.as_actor() for m in mentions if m.country and m.kind != "coref" and lo < m.start and m.end <= amount.idx][:1]


class EventCoder(Framing, Arguments, Fallbacks, Roles):
    def __init__(self, lexicon: Lexicon, classifier=None, threshold: float = 0.6, calibrate: bool = True):
        self.lex = lexicon
        self.classifier = classifier  # spaCy textcat pipeline: five-way CAMEO class or NONE per sentence
        self.threshold = threshold
        self.veto = 0.9  # drop lexicon events in a sentence the classifier is this sure is eventless
        self.negation_cues = lexicon.cues("negation") or {"refuse", "decline", "fail", "deny"}
        self.kinds = {k: lexicon.cues(k) for k in ("intent", "appeal", "demand", "threat", "reject")}
        self.addressing = self.kinds["appeal"] | self.kinds["demand"] | self.kinds["intent"]  # "wants Putin to"
        self.interruption, self.purpose = lexicon.cues("interruption"), lexicon.cues("purpose")
        self.reasons = lexicon.cues("reason")
        self.speech = {str(v).lower() for v in lexicon.modality.get("speech_verbs") or ("say", "tell", "add")}
        future = lexicon.modality.get("future") or {}
        self.threat_roots = {str(r) for r in future.get("conflictual_roots") or ()}
        self.patterns = {p.id: p for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}
        self.calibrator = Calibrator.load() if calibrate else Calibrator(None)
        # "received weapons from the government" is the government giving weapons: what each giving verb's
        # "<thing> to {T}" pattern codes, by the thing
        self.given = {}
        for verb in GIVING:
            for p in lexicon.verbs.get(verb, ()):
                if len(p.words) == 2 and p.words[1] == "to":
                    self.given.setdefault(p.words[0], p.code)
        acc = lexicon.modality.get("accusation") or {}
        self.accuse = ({str(v) for v in acc.get("claim") or ()}, {str(v) for v in acc.get("say") or ()},
                       {str(v) for v in acc.get("roots") or ()})
        own = lexicon.modality.get("responsibility") or {}
        self.owned = ({str(v) for v in own.get("verbs") or ()}, {str(v) for v in own.get("roots") or ()})

    # -- events -------------------------------------------------------------------------------
    def _event(self, doc: Document, sent_index: int, m: Match, frame, mentions: list[Mention]) -> list[Event]:
        tok = m.trigger
        code, cue, _ = frame
        head = cue if cue is not None else tok
        target_tok = m.target if m.pattern.target_after is not None or m.target is not None else implied_target(m)
        if m.pattern.id.startswith("converse:"):
            _, source_tok, target_tok = self._received(tok)
        elif m.pattern.kind == "noun":
            modified = tok.head if tok.dep_ in ("compound", "amod") and tok.head in m.used else None
            candidates = noun_sources(tok) + (noun_sources(modified) if modified is not None else [])
            source_tok = next((c for c in candidates if any(a.code for a in self._actors(c, mentions))), None)
            framer = (subject_of(cue) or passive_subject(cue)) if cue is not None and tok.head.i == cue.i else None
            if framer is not None and any(a.code for a in self._actors(framer, mentions)):
                # "Peru is opposed to Brazilian mediation", "agreed to a Chinese offer": the one who takes a stand
                # on the act acts; whoever the act's noun names is who it is aimed at
                if source_tok is not None and (target_tok is None or not any(
                        a.code for a in self._actors(target_tok, mentions))):
                    target_tok = source_tok
                source_tok = framer
        elif m.pattern.target_after == -1 and (is_passive(tok) or (
                reduced_relative(tok) and any(a.code for a in self._actors(tok.head, mentions)))):
            source_tok, target_tok = passive_agent(tok) or self._event_noun_agent(tok), passive_subject(tok)
            if source_tok is None and code[:2] in FORCE:
                source_tok = _origin(tok)
        elif is_passive(tok) and passive_agent(tok) is None and m.pattern.target_after is not None:
            # "it was aligned with Moscow": a stative passive's subject acts; "a mortar was fired at it" is no
            # stative, and the mortar no actor
            source_tok = _origin(tok) if code[:2] in FORCE else passive_subject(tok)
        elif cue is None and (contact := contact_of(tok)) is not None:
            source_tok, target_tok = subject_of(contact), direct_object(contact)
        else:
            source_tok = subject_of(head) or accused_subject(head)
            if source_tok is None and tok.dep_ in ("amod", "compound") and tok.head in m.used:
                # "Israel mounted its long-threatened invasion": a participle trigger acts through its noun
                source_tok = next((c for c in noun_sources(tok.head)
                                   if any(a.code for a in self._actors(c, mentions))), None)
        if cue is not None and (suffered := pressed(cue)) is not None:
            source_tok, target_tok = suffered  # "faces pressure from Congress to act": Congress demands of it
        elif cue is not None and getattr(self._deontic_speaker(tok), "i", None) == cue.i:
            target_tok = subject_of(tok)  # the one who must act is the demand's target
        # the one asked stands before the act ("urged Iran to ..."); an object after it is a misparsed reporter
        addressee = addressee_of(cue, tok) if cue is not None else None
        if addressee is not None and (target_tok is None or (
                code not in RALLY and set(lemma_keys(cue)) & self.addressing)):
            # "Congress asked Obama to help Iran": an appeal or demand is made to its addressee; rallying
            # others behind or against a third party ("urged the EC to support the PLO") targets that party
            target_tok = addressee
        if m.pattern.words and m.pattern.words[-1] == "between" and target_tok is not None and not (
                code.startswith(BETWEEN_THIRD) and any(a.code for a in self._actors(source_tok, mentions))):
            return self._reciprocal(doc, sent_index, m, code, target_tok, mentions)
        sources = self._actors(source_tok, mentions)
        if code.startswith("171") and source_tok is not None and source_tok.lemma_.lower() in PROTESTERS:
            code = "145"  # "rioters torched the town hall": property destroyed by protesters is a violent protest
        if m.pattern.kind == "noun" and not any(a.code for a in sources):
            sources = []  # "the second call": an adjective is a source only when it names an actor
        if code.startswith(implied_acts()) and all(a.kind == "unresolved" for a in sources) and (
                target_tok is not None or is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN")):
            # "over 50 persons were arrested", "curfew was clamped on the town": arrests, crowd control and
            # curfews with no agent (or only a non-actor phrase: "fired 14 rounds to disperse"; or a participle:
            # "the 51 people arrested") are police acts
            sources = [implied_police(tok.idx)]
        if target_tok is not None and code[:2] in ASKING and any(
                g.dep_ == "case" and g.lower_ == "for" for g in target_tok.children) and target_tok.head.i == tok.i:
            # "pushed Congress for new policies", "asked Japan for help": the appeal goes to the one asked
            asked = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
            if asked is not None and any(a.code and a.kind != "coref" for a in self._actors(asked, mentions)):
                target_tok = asked  # but "pressed their demands for freedom" asks nobody in particular
        if target_tok is not None and _clause(target_tok):
            # "accepted the invitation to visit the country", "agreed to resign": a clause is no actor; the
            # act's own object may be ("threatened to shell British forces")
            target_tok = self._clause_target(target_tok, mentions)
        targets = self._actors(target_tok, mentions, located=code[:2] in COOPERATIVE)
        if code[:2] == "06" and target_tok is not None and set(lemma_keys(target_tok)) & RELATIONS and any(
                c.dep_ == "case" and c.lower_ in ("in", "into") for c in target_tok.children):
            return []  # "investing in a close relationship with Russia": figurative, no material act
        if code[:2] in COOPERATIVE and code[:3] not in VISITS and domain(target_tok, targets):
            target_tok, targets = None, []
        if not any(a.code for a in targets) and (code[:2] == "07" or code[:3] == "084"):
            # "returned the Bible to its owners", "gave rifles to the Marines": what is given goes to someone
            given = next((c for p in ("to", "into") if (c := prep_child(tok, p)) is not None), None)
            targets = self._actors(given, mentions) or _glued_recipient(tok, mentions) or targets
        if not any(a.code for a in targets):
            for alt in fallback_targets(m, target_tok):
                if _clause(alt):
                    alt = self._clause_target(alt, mentions)  # "lifted restrictions on the ability to visit relatives in Cuba"
                    if alt is None:
                        continue
                coded = [a for a in self._actors(alt, mentions) if a.code]
                if code[:2] in COOPERATIVE and code[:3] not in VISITS and domain(alt, coded):
                    continue  # "expand cooperation in energy, industry": a field, not a party
                if coded and not any(a.code == s.code for a in coded for s in sources):
                    targets = coded
                    break
        targets = self._acted_on(m, code, cue, target_tok, sources, targets, mentions)
        if not any(a.code for a in targets) and code[:2] in ADDRESSED:
            targets = self._addressed([head, *m.used[1:]], code, sources, mentions) or targets
        if not any(a.code for a in targets) and target_tok is not None:
            targets = named_within(target_tok, mentions, sources) or targets
        placed = False  # the target is only the place the act happens in
        if not targets:
            targets = scene(m, mentions, self._actors, ("between",))
            if not targets:
                targets = scene(m, mentions, self._actors, ("in",))
                placed = bool(targets)
        if not sources and not targets:
            return []
        coded = [a for a in sources if a.code]
        agreed = cue is not None and has_lemma(cue, "agree") and not any(t.country for t in targets)
        host = host_of(targets) if placed and code[:3] in MUTUAL else None
        if ((agreed or (m.pattern.code[:2] in SYMMETRIC and (host or not any(t.code for t in targets))))
                and len({(a.start, a.code) for a in coded}) > 1
                and not (targets and m.pattern.code[:2] == "19")):
            # "The US, Russia and Switzerland met", "the two leaders held talks", "the two exchanges agreed
            # to share data": each side to each other; but "French and Egyptian warships attacked the port" together
            mutual = [(a, b) for a in coded for b in coded if (a.start, a.code) != (b.start, b.code)]
            if host is None:
                return self._build(doc, sent_index, m, code, cue, mutual)
            # "A and B met in Geneva": the parties meet each other (044 when the place is no party's) and each
            # guest visits the host (042), as CAMEO codes meetings; the place is not the other side of the meeting
            third = all(a.country != host.country for a in coded)
            return (self._build(doc, sent_index, m, "044" if third and code == "040" else code, cue, mutual)
                    + self._build(doc, sent_index, m, "042", cue, [(a, host) for a in coded
                                                                    if a.country != host.country]))
        pairs = [(s, t) for s in sources or [None] for t in targets or [None]]
        if cue is None and m.pattern.code[:3] in MUTUAL and ("with" in m.pattern.words or has_lemma(tok, "meet")):
            # "Lavrov held talks with Safadi", "Trump will meet Hariri": both sides meet and talk, each with the
            # other (a tie established or a deal struck "with" someone is the subject's act)
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None and s.code and t.code]
        return self._build(doc, sent_index, m, code, cue, pairs)

    def _received(self, tok):
        """(code, giver, receiver) for "X received weapons from Y": Y gave X weapons, coded as what giving
        such a thing codes; None where the verb is no receiving or the thing no gift the lexicon knows."""
        if not set(lemma_keys(tok)) & RECEIVING or tok.pos_ != "VERB":
            return None
        thing = direct_object(tok)
        if thing is None:
            return None
        giver = prep_child(tok, "from") or prep_child(thing, "from")  # the parse hangs "from" on either
        code = next((self.given[k] for k in lemma_keys(thing) if k in self.given), None)
        return (code, giver, subject_of(tok)) if code and giver is not None else None

    def _conversed(self, sent, matches: list[Match]) -> list[Match]:
        """Matches for receiving verbs the lexicon has no pattern of their own for ("received tanks from")."""
        taken = {u.i for m in matches for u in m.used}
        out = []
        for tok in sent:
            if tok.i not in taken and (received := self._received(tok)) is not None:
                code = received[0]
                pattern = Pattern(f"converse:{code}:{tok.lemma_.lower()}", code, "verb", tok.lemma_.lower(), (), -1)
                out.append(Match(pattern, tok, received[2], [tok, direct_object(tok)]))
        return out

    def _unreal(self, m: Match, frame, sent_text: str) -> bool:
        """Whether the sentence says the act did not or may not happen (negated, refused, hypothetical), or only
        describes someone by it ("officials accused of war crimes")."""
        code, _, drop = frame
        return drop or self._hypothetical(m.trigger, sent_text) or (
            code[:2] in JUDGED and reduced_relative(m.trigger) and passive_agent(m.trigger) is None)

    def _event_noun_agent(self, tok):
        """'killed in Israeli tank shelling': the actor modifying an event noun that says how it happened."""
        for c in tok.children:
            # "in"/"by"/"during" say how it happened; "indicted for war crimes" gives a reason, not an agent
            if c.dep_.split(":")[0] == "obl" and c.pos_ == "NOUN" and set(lemma_keys(c)) & self.lex.nouns.keys() \
                    and any(g.dep_ == "case" and g.lower_ in HOW_PREPS for g in c.children):
                return next(iter(noun_sources(c)), None)
        return None

    def _reciprocal(self, doc, sent_index, m: Match, code, group_tok, mentions) -> list[Event]:
        """'talks between China and Russia', 'a call between the two leaders': each side to the other."""
        group = [a for a in self._actors(group_tok, mentions) if a.code]
        pairs = [(a, b) for a in group for b in group if a.code != b.code]
        return self._build(doc, sent_index, m, code, None, pairs) if pairs else []

    def _build(self, doc: Document, sent_index: int, m: Match, code: str, cue, pairs) -> list[Event]:
        tok = m.trigger
        info = self.lex.codes[code]
        modal = has_aux(tok, WEAK_MODALS)
        trig_tokens = sorted([tok] + [u for u in m.used[1:] if u.dep_ in ("compound:prt", "obj")], key=lambda t: t.i)
        trig_span = tok.doc[trig_tokens[0].i:trig_tokens[-1].i + 1] if len(trig_tokens) < 4 else tok.doc[tok.i:tok.i + 1]
        sent = doc.sentences[sent_index]
        rule = m.pattern.id + (f" via {cue.lemma_}" if cue is not None else "")
        events = []
        for src, tgt in pairs:
            if src is not None and tgt is not None and src.code and src.code == tgt.code and (
                    src.start == tgt.start or any(s is src and t is not None and t.code != src.code for s, t in pairs)):
                continue  # the same mention, or the source inside a group it acts with ("between the two countries")
            conf = self._confidence(m, [src] if src else [], [tgt] if tgt else [], modal, cue is not None)
            events.append(Event(
                source=src, target=tgt, cameo=code, cameo_name=info.name, goldstein=info.goldstein,
                quad_class=info.quad_class, plover=info.plover, plover_mode=info.plover_mode,
                date=doc.date, confidence=conf,
                evidence=Evidence(sentence=sent_index, sentence_text=sent.text,
                                  trigger=Span(trig_span.text, trig_span.start_char, trig_span.end_char), rule=rule,
                                  source=Span(src.text, src.start, src.end) if src else None,
                                  target=Span(tgt.text, tgt.start, tgt.end) if tgt else None)))
        return events

    @staticmethod
    def _confidence(m: Match, sources, targets, modal: bool, cued: bool) -> float:
        c = 0.35 + 0.08 * min(m.pattern.specificity, 3)
        c += 0.12 if any(a.code for a in sources) else 0.0
        c += 0.08 if any(a.code for a in targets) else 0.0
        c -= 0.15 if modal else 0.0
        c -= 0.05 if cued else 0.0
        return round(max(0.05, min(0.95, c)), 3)

    def _fixed(self, doc: Document, sent_index: int, tok, code: str, rule: str, pairs, confidence: float):
        """Events coded without a lexicon pattern (a bare speech verb, the classifier), with a set confidence."""
        m = Match(Pattern(rule, code, "verb", tok.lemma_, (), None), tok, None, [tok])
        events = self._build(doc, sent_index, m, code, None, pairs)
        for ev in events:
            ev.confidence = confidence
        return events

    def _stated(self, ev: Event) -> bool:
        """An act spelled out in full between two countries ("the U.S. imposed sanctions on a Chinese entity"):
        too plain for the classifier's doubt to drop."""
        pattern = self.patterns.get(ev.evidence.rule.split(" via ")[0])
        return bool(pattern is not None and pattern.words and dyadic(ev)) and not police_acts([ev])

    def __call__(self, doc: Document, sdoc) -> list[Event]:
        events = []
        sentences = sents(sdoc)
        # the classifier reads every sentence: one batched call per document
        all_cats = [d.cats for d in self.classifier.pipe(s.text for s in sentences)] if self.classifier else []
        for i, sent in enumerate(sentences):
            mentions = [m for m in doc.mentions if sent.start_char <= m.start < sent.end_char]
            matches = find_matches(self.lex, sent, mentions)
            matches = sorted(matches + self._conversed(sent, matches), key=lambda m: m.trigger.i)
            frames = [self._frame(m) for m in matches]
            # "wounded two soldiers in a bomb attack": the generic act takes the kind of force it was done by
            frames = [(by_means(m, matches) or f[0], *f[1:]) if f[1] is None and f[0] == m.pattern.code else f
                      for m, f in zip(matches, frames)]
            # a cue verb ("refused", "urged", "agreed") frames the action under it: it codes no event itself
            # unless the cue is an act of its own that leaves the action unmet: "rejected a request to hold a rally"
            own = {m.trigger.i: m for m in matches}
            cues = {cue.i for _, cue, drop in frames if cue is not None
                    and not (drop and cue.i in own and own[cue.i].pattern.words)}
            found, unreal = [], False
            used = {u.i for m in matches for u in m.used}
            for m, frame in zip(matches, frames):
                if m.trigger.i in cues or is_topic(m, used) or on_mission(m) or agenda(m, matches) \
                        or reason_phrase(m, self.reasons):
                    continue
                if interrupted(m, self.interruption) or purpose_clause(m.trigger, self.purpose):
                    unreal = True  # what a pause interrupts, a trip's aim: it has not happened; the
                    continue       # classifier, which sees the words, must not code it back
                if set(lemma_keys(m.trigger)) & self.speech and m.pattern.code.startswith("01") and not m.pattern.words:
                    continue  # bare speech verbs only code when nothing else in the sentence does
                if self._unreal(m, frame, sent.text):
                    unreal = True  # "did not attack", "officials accused of": the classifier must not code it back
                    continue
                found.extend(self._event(doc, i, m, frame, mentions))
            if not found:
                found = self._bare_cue(doc, i, sent, mentions)
            if self.classifier is not None:
                cats = all_cats[i]
                if found and cats.get("NONE", 0.0) >= self.veto:
                    # the classifier is sure nothing happens here ("a war of words"); it does not know police
                    # work ("23 men have been arrested"), which stays
                    found = police_acts(found) + [ev for ev in found if self._stated(ev)]
                    if not found:
                        continue
                if not found and not unreal:
                    found = self._classified(doc, i, sent, mentions, cats)
            protests_aimed(found)
            located_victims(found, mentions, sdoc)
            if found:
                # what is said to have happened stays coded next to the accusation about it; what is only
                # claimed does not
                accused, alleged = self._accusations(doc, i, found, mentions, sdoc)
                kept = [ev for ev in main_events(found, sdoc) if id(ev) not in alleged] + accused
            else:
                kept = self._statement(doc, i, sent, mentions)
            events.extend(police_events(self, doc, i, sent, mentions, found, kept))
        if self.calibrator.active:
            for ev in events:
                ev.confidence = self.calibrator(features(ev, self.patterns))
        return events
