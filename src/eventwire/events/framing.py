"""How a clause frames the act its trigger names: negation, intent, appeal, demand, threat and refusal
cues, reported "must", announced futures, and hypotheticals and questions."""
from __future__ import annotations

from .match import Match
from .syntax import FUTURE, LIGHT_VERBS, OBJ_DEPS, has_aux, is_infinitive, lemma_keys, reported_clause, undergone

NEGATORS = {"not", "never", "n't", "no"}
HYPOTHETICAL = {"if", "unless", "whether"}
CONSIDER = {"consider", "mull", "weigh", "contemplate", "explore", "ponder"}
DEONTIC = {"must", "should", "ought"}
PROMISABLE = {"04", "05", "06", "07", "08"}  # cooperative acts that "will" happen are announced intentions
IRREALIS = {"hope", "wish", "fear", "doubt", "pray", "dream", "imagine", "wonder"}  # "hoped X would be indicted"
FORCE = ("18", "19", "20")
ASPECTUAL = {"continue", "keep", "begin", "start", "resume", "go on", "carry on"}


def readied(gov) -> bool:
    """'prepared to attend', 'had prepared to move': getting ready, told in the past, is no stated intent,
    unlike 'is prepared to negotiate' (readiness declared) or 'is preparing to' (a plan under way)."""
    return (gov.lemma_.lower() == "prepare" and gov.tag_ in ("VBD", "VBN")
            and not any(c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_.lower() == "be" for c in gov.children))


def aimed(gov) -> bool:
    """'..., seeking to mend ties': a participle of seeking on another act gives that act's aim, as the
    reporter sees it; unlike "X seeks to mend ties", nobody states an intention."""
    return (gov.lemma_.lower() == "seek" and gov.tag_ == "VBG" and gov.dep_ == "advcl"
            and gov.head.pos_ in ("VERB", "AUX"))


class Framing:
    """Mixed into EventCoder: reads its lexicon cues, speech verbs and threat roots."""

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
        if m.pattern.kind == "noun":
            # a noun pattern triggers on its first word ("joint exercises"): the phrase's head noun is what
            # the clause governs
            tok = m.phrase_head
            if tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in LIGHT_VERBS:
                tok = tok.head  # "promised to continue military aid": the light verb carries the frame
            # "did not come under attack", "hoped they would face trial": so does a verb the subject suffers it by
            tok = undergone(tok) or tok
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
            if code[:2] in PROMISABLE and self._promised(tok):
                # "announced it would free 150 prisoners": a future reported by its actor is a promise too
                _, new = self.lex.embed("intent", code)  # "the UN will provide food aid": a promise (03x)
                return (new or code), None, False
            return code, None, False
        keys = set(lemma_keys(gov))
        if keys & self.negation_cues or self._negated(gov):
            return code, gov, True
        if readied(gov):
            # "the army prepared to resume shelling": forces made ready to strike are a show of force (15x);
            # "the leader prepared to attend the Games" is the act under way, no stated intent
            return ("150" if code[:2] in FORCE and "150" in self.lex.codes else code), None, False
        if aimed(gov):
            return code, gov, True  # "flew to Beijing, seeking to mend ties": the trip's aim, no stated intent
        if keys & CONSIDER and "014" in self.lex.codes:
            return "014", gov, False  # "is considering sending aid": a policy option weighed (014), not aid
        for kind in ("intent", "appeal", "demand", "threat", "reject"):
            if keys & self.kinds.get(kind, set()):
                if kind == "intent" and any(c.dep_ in OBJ_DEPS and c.i < tok.i for c in gov.children):
                    # "wants Putin to attack": wanting someone else to act is an appeal; the one asked stands
                    # before the act (", a Jordanian official confirmed" after it is a misparsed reporter)
                    kind = "appeal"
                _, new = self.lex.embed(kind, code)
                return (new or code), gov, new is None
        if code[:2] in PROMISABLE and tok.dep_ == "advcl" and self._promised(gov):
            _, new = self.lex.embed("intent", code)  # "will send experts to help": the help is promised too
            return (new or code), None, False
        return code, None, False

    def _promised(self, tok) -> bool:
        """'will/shall' on the act, or 'would' in its actor's reported words ("announced it would free")."""
        return has_aux(tok, ("will", "shall", "'ll")) or (
            has_aux(tok, ("would",)) and self._reporting_verb(tok) is not None)

    def _deontic_speaker(self, tok):
        """The speech verb whose complement says someone must or should act ("said that X must go"),
        or None: such a report is the speaker's demand, not the act."""
        # "said the US must be ready to mediate": the must may sit on the adjective or verb that governs the act
        ruled = has_aux(tok, DEONTIC) or (tok.dep_ == "xcomp" and tok.head.i != tok.i and has_aux(tok.head, DEONTIC))
        return self._reporting_verb(tok) if ruled else None

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
        tok = undergone(tok) or tok  # "hoped the officials would face trial"
        if has_aux(tok, ("would",)) and any(t.lemma_.lower() in IRREALIS and t.i < tok.i for t in tok.sent):
            return True  # "said it hoped Dutch managers would be prosecuted", however the parse attached it
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
