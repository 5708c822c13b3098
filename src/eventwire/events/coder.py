"""Turn lexicon matches into events: roles from the parse, negation, modality, speech, scores, evidence."""
from __future__ import annotations

from ..document import Actor, Document, Event, Evidence, Mention, Span
from ..parse import root_at, sents
from .calibration import Calibrator, features
from .fallbacks import Fallbacks
from .lexicon import Lexicon, Pattern
from .match import (FUTURE, LIGHT_VERBS, OBJ_DEPS, Match, fallback_targets, find_matches, has_aux, implied_target,
                    is_date, is_infinitive, is_passive, lemma_keys, noun_sources, np_span, passive_agent,
                    passive_subject, reduced_relative, reported_clause, subject_of)
from .police import police_acts, police_events
from .roles import (ADDRESSED, Roles, by_means, clause as _clause, interrupted, is_topic, listed, named_within,
                    protests_aimed, purpose_clause)

NEGATORS = {"not", "never", "n't", "no"}
HYPOTHETICAL = {"if", "unless", "whether"}
CONSIDER = {"consider", "mull", "weigh", "contemplate", "explore", "ponder"}
DEONTIC = {"must", "should", "ought"}
WEAK_MODALS = {"could", "might", "may", "should", "would"}
PROMISABLE = {"04", "05", "06", "07", "08"}  # cooperative acts that "will" happen are announced intentions
IRREALIS = {"hope", "wish", "fear", "doubt", "pray", "dream", "imagine", "wonder"}  # "hoped X would be indicted"
POLICE_ACTS = ("173", "175", "1723", "151", "153")
HOW_PREPS = {"in", "by", "during", "with", "from", "after"}
ASPECTUAL = {"continue", "keep", "begin", "start", "resume", "go on", "carry on"}


def _dyadic(ev: Event) -> bool:
    """Both sides are known, different countries: worth keeping even when buried in a clause."""
    return bool(ev.source and ev.target and ev.source.country and ev.target.country
                and ev.source.country != ev.target.country)


RALLY = {"053", "113"}  # appeals whose target is the third party others are rallied behind or against
SYMMETRIC = {"04", "05", "06", "19"}  # roots whose coordinated subjects act on each other (meet, cooperate, fight)


class EventCoder(Fallbacks, Roles):
    def __init__(self, lexicon: Lexicon, classifier=None, threshold: float = 0.6, calibrate: bool = True):
        self.lex = lexicon
        self.classifier = classifier  # spaCy textcat pipeline: five-way CAMEO class or NONE per sentence
        self.threshold = threshold
        self.veto = 0.9  # drop lexicon events in a sentence the classifier is this sure is eventless
        self.negation_cues = lexicon.cues("negation") or {"refuse", "decline", "fail", "deny"}
        self.kinds = {k: lexicon.cues(k) for k in ("intent", "appeal", "demand", "threat", "reject")}
        self.addressing = self.kinds["appeal"] | self.kinds["demand"] | self.kinds["intent"]  # "wants Putin to"
        self.interruption, self.purpose = lexicon.cues("interruption"), lexicon.cues("purpose")
        self.speech = {str(v).lower() for v in lexicon.modality.get("speech_verbs") or ("say", "tell", "add")}
        future = lexicon.modality.get("future") or {}
        self.threat_roots = {str(r) for r in future.get("conflictual_roots") or ()}
        self.patterns = {p.id: p for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}
        self.calibrator = Calibrator.load() if calibrate else Calibrator(None)
        acc = lexicon.modality.get("accusation") or {}
        self.accuse = ({str(v) for v in acc.get("claim") or ()}, {str(v) for v in acc.get("say") or ()},
                       {str(v) for v in acc.get("roots") or ()})

    # -- arguments ----------------------------------------------------------------------------
    @staticmethod
    def _conjuncts(tok):
        out, stack = [tok], [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                    out.append(c)
                    stack.append(c)
        return out

    def _reporter_start(self, sent) -> int | None:
        """Where a sentence-final reporting clause begins (", state broadcaster CCTV reported."): its
        actors report the sentence and take no part in its other events, whatever the parse attached.
        Kept on the parsed document: every argument of the sentence asks."""
        key = ("reporter_start", sent.start)
        if key not in sent.doc.user_data:
            sent.doc.user_data[key] = self._find_reporter_start(sent)
        return sent.doc.user_data[key]

    def _find_reporter_start(self, sent) -> int | None:
        words = [t for t in sent if not t.is_punct]
        if not words or not set(lemma_keys(words[-1])) & self.speech:
            return None
        comma = next((t for t in reversed(list(sent[:words[-1].i - sent.start])) if t.text == ","), None)
        return comma.idx if comma is not None and words[-1].i - comma.i <= 8 else None

    def _actors(self, tok, mentions: list[Mention]) -> list[Actor]:
        if tok is None:
            return []
        cut = self._reporter_start(tok.sent)
        actors, seen = [], set()
        for head in self._conjuncts(tok):
            span = np_span(head, [m for m in mentions if m.kind != "coref" or m.start >= head.idx - 40])
            if cut is not None and head.idx >= cut and head.left_edge.idx < cut:
                # "with President Putin, state broadcaster CCTV reported": the parse glued the reporter onto
                # the phrase; the phrase is what stands before the comma
                words = [t for t in head.subtree if t.idx < cut and t.dep_ not in ("case", "mark", "punct", "cc")]
                span = tok.doc[words[0].i:words[-1].i + 1] if words else span
            if cut is not None and span.start_char < cut:
                mentions = [m for m in mentions if m.start < cut]  # the reporter takes no other part
            inside = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
            if not inside and is_date(head):
                continue  # "said Wednesday she hoped ...": a date the parser made an argument is no actor
            at_head = [m for m in inside if m.start <= head.idx < m.end]
            # a possessive pronoun yields to a name modifying the same head: "its European Community partners"
            # ("its troops from Lebanon" stays the pronoun's)
            if any(m.kind != "coref" and m.country and m.start < head.idx for m in inside):
                inside = sorted(inside, key=lambda m: m.kind == "coref" and m.end - m.start <= 5)
            chosen = (at_head or [m for m in inside if m.country][:1] or [m for m in inside if m.code][:1]
                      or inside[:1])  # "a government-held part of Syria's second city": Syria
            # "the two leaders" (coreference) and "presidents of Iraq and Egypt" (one phrase, two agents)
            # are several actors starting at the same word
            first = chosen[0].start if chosen else -1
            groups = [m for m in inside if (m.kind == "coref" or m in at_head) and m.start == first]
            for m in (groups if len(groups) > 1 else listed(chosen[:1], mentions, span)):
                where = Span(span.text, span.start_char, span.end_char)
                if (head.pos_ == "PRON" and m.antecedent is not None and len(span) == 1
                        and m.antecedent.start >= head.sent.start_char):
                    where = m.antecedent  # "Russia said it would ...": the actor is named in this very sentence
                if m is not chosen[0] and len(groups) < 2:
                    where = Span(m.text, m.start, m.end)  # a coordinated actor is its own phrase
                if (m.start, m.end, m.code) in seen:
                    continue  # "China and Russia": each conjunct's phrase lists the other one as well
                seen.add((m.start, m.end, m.code))
                actors.append(m.as_actor(where))
            if not chosen and not actors:  # "in energy, finance, industry": one plain target is enough
                actors.append(Actor(text=span.text, start=span.start_char, end=span.end_char, kind="unresolved"))
        return actors

    # -- meaning ------------------------------------------------------------------------------
    def _governor(self, tok):
        """The verb or adjective a trigger is the complement of ("agreed to expand", "is willing to provide"),
        looking through aspectual verbs ("willing to continue to provide")."""
        if tok.head.i == tok.i or not (tok.dep_ in ("xcomp", "ccomp", "advcl")
                                       or (is_infinitive(tok) and tok.dep_ in ("obl", "acl", "csubj"))):
            return None
        gov = tok.head
        while gov.lemma_.lower() in ASPECTUAL and gov.dep_ == "xcomp" and gov.head.i != gov.i:
            gov = gov.head
        return gov

    def _negated(self, tok) -> bool:
        return any(c.lower_ in NEGATORS and c.dep_ in ("advmod", "neg", "det") for c in tok.children)

    def _frame(self, m: Match):
        """(code, cue token or None, drop?) after negation and intent/appeal/demand/reject/threat cues."""
        code, tok = m.pattern.code, m.trigger
        if m.pattern.kind == "noun" and tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in LIGHT_VERBS:
            tok = tok.head  # "promised to continue military aid": the light verb carries the frame
        if self._negated(tok):
            # "said he would not provide support": a refusal announced (12x); "did not attack": nothing
            future = has_aux(tok, FUTURE)
            _, refusal = self.lex.embed("reject", code) if future else (False, None)
            return (refusal or code), None, refusal is None
        speaker = self._deontic_speaker(tok)
        if speaker is not None:
            # "Russia said Sudan must return the helicopter": the speaker demands it (10x) of Sudan
            _, new = self.lex.embed("demand", code)
            return (new or code), speaker, new is None
        if code[:2] in self.threat_roots and has_aux(tok, FUTURE) and self._reporting_verb(tok) is not None:
            # "Annan announced that he will withdraw the inspectors": violence or coercion announced
            # for the future is a threat (13x), as the codebook codes future tense in the lead
            _, new = self.lex.embed("threat", code)
            return (new or code), None, new is None
        to_noun = m.pattern.kind == "noun" and tok.dep_ == "obl" and any(
            c.dep_ == "case" and c.lower_ == "to" for c in tok.children)  # "agreed to talks", "urged to restraint"
        gov = tok.head if to_noun else self._governor(tok)
        if gov is None or not (tok.dep_ == "xcomp" or is_infinitive(tok) or to_noun):
            if code[:2] in PROMISABLE and has_aux(tok, ("will", "shall", "'ll")):
                _, new = self.lex.embed("intent", code)  # "the UN will provide food aid": a promise (03x)
                return (new or code), None, False
            return code, None, False
        keys = set(lemma_keys(gov))
        if keys & self.negation_cues or self._negated(gov):
            return code, gov, True
        if keys & CONSIDER and "014" in self.lex.codes:
            return "014", gov, False  # "is considering sending aid": a policy option weighed (014), not aid
        for kind in ("intent", "appeal", "demand", "threat", "reject"):
            if keys & self.kinds.get(kind, set()):
                if kind == "intent" and any(c.dep_ in OBJ_DEPS for c in gov.children):
                    kind = "appeal"  # "wants Putin to attack": wanting someone else to act is an appeal
                _, new = self.lex.embed(kind, code)
                return (new or code), gov, new is None
        return code, None, False

    def _deontic_speaker(self, tok):
        """The speech verb whose complement says someone must or should act ("said that X must go"),
        or None: such a report is the speaker's demand, not the act."""
        return self._reporting_verb(tok) if has_aux(tok, DEONTIC) else None

    def _reporting_verb(self, tok):
        """The speech verb whose reported clause holds the token ("announced that he will withdraw")."""
        clause = reported_clause(tok)
        speech = clause.head
        if clause.dep_ in ("ccomp", "parataxis") and set(lemma_keys(speech)) & self.speech and not self._negated(speech):
            return speech
        return None

    @staticmethod
    def _hypothetical(tok, sent_text: str) -> bool:
        if sent_text.rstrip().endswith("?"):
            return True
        if has_aux(tok, ("would",)) and any(t.lemma_.lower() in IRREALIS and t.i < tok.i for t in tok.sent):
            return True  # "said it hoped French officials would be indicted", however the parse attached it
        v = tok
        for _ in range(4):
            if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in v.children):
                return True
            if v.dep_ == "ccomp" and v.head.lemma_.lower() in IRREALIS:
                return True
            if v.head.i == v.i:
                break
            v = v.head
        return False

    # -- events -------------------------------------------------------------------------------
    def _event(self, doc: Document, sent_index: int, m: Match, frame, mentions: list[Mention]) -> list[Event]:
        tok = m.trigger
        code, cue, drop = frame
        if drop or self._hypothetical(tok, doc.sentences[sent_index].text):
            return []
        head = cue if cue is not None else tok
        target_tok = m.target if m.pattern.target_after is not None or m.target is not None else implied_target(m)
        if m.pattern.kind == "noun":
            modified = tok.head if tok.dep_ in ("compound", "amod") and tok.head in m.used else None
            candidates = noun_sources(tok) + (noun_sources(modified) if modified is not None else [])
            source_tok = next((c for c in candidates if any(a.code for a in self._actors(c, mentions))), None)
        elif m.pattern.target_after == -1 and (is_passive(tok) or (
                reduced_relative(tok) and any(a.code for a in self._actors(tok.head, mentions)))):
            source_tok, target_tok = passive_agent(tok) or self._event_noun_agent(tok), passive_subject(tok)
        elif is_passive(tok) and passive_agent(tok) is None and m.pattern.target_after is not None:
            source_tok = passive_subject(tok)  # "it was aligned with Moscow": a stative passive's subject acts
        else:
            source_tok = subject_of(head)
            if source_tok is None and tok.dep_ in ("amod", "compound") and tok.head in m.used:
                # "Israel mounted its long-threatened invasion": a participle trigger acts through its noun
                source_tok = next((c for c in noun_sources(tok.head)
                                   if any(a.code for a in self._actors(c, mentions))), None)
        if cue is not None and getattr(self._deontic_speaker(tok), "i", None) == cue.i:
            target_tok = subject_of(tok)  # the one who must act is the demand's target
        addressee = next((c for c in cue.children if c.dep_ in ("obj", "iobj")), None) if cue is not None else None
        if addressee is not None and (target_tok is None or (
                code not in RALLY and set(lemma_keys(cue)) & self.addressing)):
            # "Congress asked Obama to help Iran": an appeal or demand is made to its addressee; rallying
            # others behind or against a third party ("urged the EC to support the PLO") targets that party
            target_tok = addressee
        if m.pattern.words and m.pattern.words[-1] == "between" and target_tok is not None:
            return self._reciprocal(doc, sent_index, m, code, target_tok, mentions)
        sources = self._actors(source_tok, mentions)
        if m.pattern.kind == "noun" and not any(a.code for a in sources):
            sources = []  # "the second call": an adjective is a source only when it names an actor
        if code.startswith(POLICE_ACTS) and all(a.kind == "unresolved" for a in sources) and (
                target_tok is not None or is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN")):
            # "over 50 persons were arrested", "curfew was clamped on the town": arrests, crowd control and
            # curfews with no agent (or only a non-actor phrase: "fired 14 rounds to disperse"; or a participle:
            # "the 51 people arrested") are police acts
            sources = [Actor(text="", start=tok.idx, end=tok.idx, code="COP", sector="COP", kind="implied")]
        if target_tok is not None and _clause(target_tok):
            # "accepted the invitation to visit the country", "agreed to resign": a clause is no actor; the
            # act's own object may be ("threatened to shell British forces")
            target_tok = self._clause_target(target_tok, mentions)
        targets = self._actors(target_tok, mentions)
        if not any(a.code for a in targets):
            for alt in fallback_targets(m, target_tok):
                if _clause(alt):
                    alt = self._clause_target(alt, mentions)  # "lifted restrictions on the ability to visit relatives in Cuba"
                    if alt is None:
                        continue
                coded = [a for a in self._actors(alt, mentions) if a.code]
                if coded and not any(a.code == s.code for a in coded for s in sources):
                    targets = coded
                    break
        if not any(a.code for a in targets) and code[:2] in ADDRESSED:
            targets = self._addressed([head, *m.used[1:]], code, sources, mentions) or targets
        if not any(a.code for a in targets) and target_tok is not None:
            targets = named_within(target_tok, mentions, sources) or targets
        if not sources and not targets:
            return []
        coded = [a for a in sources if a.code]
        if (not any(t.code for t in targets) and len({a.code for a in coded}) > 1 and m.pattern.code[:2] in SYMMETRIC
                and not (targets and m.pattern.code[:2] == "19")):
            # "The US, Russia and Switzerland met", "the two leaders held talks": each side to each other;
            # but "French and Egyptian warships attacked the port" together
            return self._build(doc, sent_index, m, code, cue, [(a, b) for a in coded for b in coded if a.code != b.code])
        pairs = [(s, t) for s in sources or [None] for t in targets or [None]]
        if code[:3] == "046" and "with" in m.pattern.words and cue is None:
            # "Lavrov held talks with Safadi": talks are held by both sides, each with the other
            pairs += [(t, s) for s, t in pairs if s is not None and t is not None and s.code and t.code]
        return self._build(doc, sent_index, m, code, cue, pairs)

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
            if src is not None and tgt is not None and src.code and src.code == tgt.code and src.start == tgt.start:
                continue
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

    @staticmethod
    def _depth(tok) -> int:
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d

    def _main(self, events: list[Event], sdoc) -> list[Event]:
        """The sentence's main events: those whose trigger sits highest in the parse. Events buried in
        relative clauses or argument phrases mostly restate background, and coders code one event."""
        depth = {}
        for ev in events:
            root = root_at(sdoc, ev.evidence.trigger)
            depth[id(ev)] = self._depth(root) if root is not None else 99
        best = min(depth.values())
        # the highest triggers, plus buried events whose two sides are known, different countries
        return [ev for ev in events if depth[id(ev)] == best or _dyadic(ev)]

    def __call__(self, doc: Document, sdoc) -> list[Event]:
        events = []
        sentences = sents(sdoc)
        # the classifier reads every sentence: one batched call per document
        all_cats = [d.cats for d in self.classifier.pipe(s.text for s in sentences)] if self.classifier else []
        for i, sent in enumerate(sentences):
            mentions = [m for m in doc.mentions if sent.start_char <= m.start < sent.end_char]
            matches = find_matches(self.lex, sent)
            frames = [self._frame(m) for m in matches]
            # "wounded two soldiers in a bomb attack": the generic act takes the kind of force it was done by
            frames = [(by_means(m, matches) or f[0], *f[1:]) if f[1] is None and f[0] == m.pattern.code else f
                      for m, f in zip(matches, frames)]
            # a cue verb ("refused", "urged", "agreed") frames the action under it: it codes no event itself
            cues = {cue.i for _, cue, _ in frames if cue is not None}
            found, unreal = [], False
            used = {u.i for m in matches for u in m.used}
            for m, frame in zip(matches, frames):
                if m.trigger.i in cues or is_topic(m, used):
                    continue
                if interrupted(m, self.interruption) or purpose_clause(m.trigger, self.purpose):
                    unreal = True  # what a pause interrupts, a trip's aim: it has not happened; the
                    continue       # classifier, which sees the words, must not code it back
                if set(lemma_keys(m.trigger)) & self.speech and m.pattern.code.startswith("01") and not m.pattern.words:
                    continue  # bare speech verbs only code when nothing else in the sentence does
                found.extend(self._event(doc, i, m, frame, mentions))
            if not found:
                found = self._bare_cue(doc, i, sent, mentions)
            if self.classifier is not None:
                cats = all_cats[i]
                if found and cats.get("NONE", 0.0) >= self.veto:
                    # the classifier is sure nothing happens here ("a war of words"); it does not know police
                    # work ("51 persons have been arrested"), which stays
                    found = police_acts(found)
                    if not found:
                        continue
                if not found and not unreal:
                    found = self._classified(doc, i, sent, mentions, cats)
            protests_aimed(found)
            # the reported violence stays coded next to the accusation about it
            kept = (self._main(found, sdoc) + self._accusations(doc, i, found, mentions, sdoc) if found
                    else self._statement(doc, i, sent, mentions))
            events.extend(police_events(self, doc, i, sent, mentions, found, kept))
        if self.calibrator.active:
            for ev in events:
                ev.confidence = self.calibrator(features(ev, self.patterns))
        return events
