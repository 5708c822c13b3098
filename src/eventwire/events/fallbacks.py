"""Sentence-level fallbacks of the event coder, for sentences the lexicon codes nothing in (or codes
violence that someone reports): a bare statement (010), a cue with an unknown action, the sentence
classifier's class, and the accusation a report of violence makes."""
from __future__ import annotations

from ..document import Document, Event
from ..parse import root_at
from .framing import aimed, readied
from .roles import ADDRESSED
from .syntax import direct_object, has_aux, is_infinitive, lemma_keys, reported_clause, subject_of

GENERIC = {"P1": "050", "P2": "060", "P3": "110", "P4": "190"}  # "not specified" code of each class
SECURITY = {"COP", "MIL", "SPY"}  # their statements are news even when the country is left unsaid


class Fallbacks:
    """Mixed into EventCoder: uses its _actors, _fixed, _negated, _hypothetical and tables."""

    def _statement(self, doc: Document, sent_index: int, sent, mentions) -> list[Event]:
        """A sentence whose only act is speech: 010 by the speaker."""
        for tok in sent:
            if tok.pos_ != "VERB" or not set(lemma_keys(tok)) & self.speech:
                continue
            if _trailing_report(tok, sent):
                continue  # ", French border police said.": the reporter vouches for an act the lexicon missed
            content = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis")), None)
            if content is not None and self._negated(content):
                continue  # "said he would not give permission": a refusal the lexicon missed, not a comment
            if not self._negated(tok):
                subj = subject_of(tok)
                sources = [a for a in self._actors(subj, mentions) if a.code and (a.country or a.sector in SECURITY)]
                if sources and "010" in self.lex.codes:
                    return self._fixed(doc, sent_index, tok, "010", "speech:010", [(sources[0], None)], 0.4)
        return []

    def _accusations(self, doc: Document, sent_index: int, found: list[Event], mentions, sdoc):
        """'X claimed/said that Y attacked Z': X accuses Y (112), coded on the speech verb; 'X admitted/claimed
        that its troops attacked Z': X owns the act (015, `responsibility` in modality.yaml). Returns the
        accusations and the ids of the events only alleged ("claimed that ISIL had attacked"), which are no
        news of their own; what is said ("medics said four were killed") is reported as fact."""
        claim, say, roots = self.accuse
        owning, owned = self.owned
        out, seen, alleged = [], set(), set()
        for ev in found:
            if ev.cameo[:2] not in roots | owned:
                continue
            tok = root_at(sdoc, ev.evidence.trigger)
            clause = reported_clause(tok)
            verb = clause.head
            lemma = verb.lemma_.lower()
            future = has_aux(tok, ("will", "would", "shall", "'ll"))
            if (clause.dep_ not in ("ccomp", "parataxis") or lemma not in claim | say | owning
                    or self._negated(verb) or future):
                continue
            speakers = [a for a in self._actors(subject_of(verb), mentions)
                        if a.code and a.country and a.sector != "MED"]  # reporters report, they do not accuse
            accused = ev.source if ev.source is not None and ev.source.code else None
            own = speakers and (accused is None or accused.code == speakers[0].code or (
                accused.country is not None and accused.country == speakers[0].country)
                or (accused.country is None and (lemma in owning - claim or _own_people(tok))))
            if own and lemma in owning and ev.cameo[:2] in owned:
                # "admitted that its soldiers had killed civilians", "claimed they had attacked": the
                # speaker owns the act (015); a bare claim of credit, like an accusation, proves nothing
                if lemma in claim:
                    alleged.add(id(ev))
                if verb.i not in seen:
                    seen.add(verb.i)
                    target = ev.target if ev.target is not None and ev.target.code else None
                    out.extend(self._fixed(doc, sent_index, verb, "015", f"speech:015:{lemma}",
                                           [(speakers[0], target)], 0.45))
                continue
            if not speakers or own or ev.cameo[:2] not in roots:
                continue  # "medics said four were killed", "the defence ministry said its forces struck": reports
            # "Egypt said rockets were launched at it": the speaker, named again by a pronoun, complains of
            # an attack on itself, which proves nothing; "Iraq said Iran shelled Basra" reports it as fact
            itself = ev.target is not None and ev.target.kind == "coref" and ev.target.start == speakers[0].start
            if lemma in claim or itself:
                alleged.add(id(ev))
            if verb.i in seen:
                continue
            seen.add(verb.i)
            out.extend(self._fixed(doc, sent_index, verb, "112", f"speech:112:{lemma}", [(speakers[0], accused)], 0.45))
        return out, alleged

    def _bare_cue(self, doc: Document, sent_index: int, sent, mentions) -> list[Event]:
        """'Libya has offered to hand over two suspects': an intent, appeal, demand or threat whose action
        the lexicon does not know still codes the cue's own default (030, 020, 100, 130); so does a report
        that someone must act ("declared that China must drop barriers": a demand, 100)."""
        for tok in sent:
            speaker = self._deontic_speaker(tok) if tok.pos_ in ("VERB", "AUX") else None
            sources = [a for a in self._actors(subject_of(speaker), mentions) if a.code] if speaker is not None else []
            if sources and "100" in self.lex.codes:
                targets = [a for a in self._actors(subject_of(tok), mentions) if a.code]
                return self._fixed(doc, sent_index, speaker, "100", "cue:deontic:100",
                                   [(s, t) for s in sources for t in targets or [None]], 0.4)
        for tok in sent:
            if tok.pos_ != "VERB" or self._negated(tok) or has_aux(tok, ("might", "may", "could", "would")):
                continue  # "the tanks might want Obama to head back": no one has asked anything yet
            action = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and is_infinitive(c)), None)
            if action is None:
                continue
            keys = set(lemma_keys(tok))
            kind = next((k for k in ("intent", "appeal", "demand", "threat") if keys & self.kinds.get(k, set())), None)
            if kind == "intent" and (readied(tok) or aimed(tok)):
                continue  # "the envoy prepared to fly home", "..., seeking to ...": no intent stated
            section = self.lex.modality.get(kind) if kind else None
            default = section.get("default") if isinstance(section, dict) else None
            if not default or default == "keep" or str(default) not in self.lex.codes:
                continue
            sources = [a for a in self._actors(subject_of(tok), mentions) if a.code]
            addressee = direct_object(tok) if kind in ("appeal", "demand") else direct_object(action)
            targets = [a for a in self._actors(addressee, mentions) if a.code]
            if sources and kind == "intent" and not any(a.code not in {s.code for s in sources} for a in targets):
                # "offered to hand over to Britain two of its nationals": the unknown act's other party, a
                # foreign one, stands in its phrases when its object is the source's own
                other = [a for a in self._actors(self._clause_target(action, mentions), mentions)
                         if a.code and a.country and a.country not in {s.country for s in sources}]
                targets = other or targets
            if sources and not targets and str(default)[:2] in ADDRESSED:
                # "threatened to retaliate unless Israel withdrew": the one the cue's clauses are about
                targets = self._addressed([tok], str(default), sources, mentions)
            if sources:
                return self._fixed(doc, sent_index, tok, str(default), f"cue:{kind}:{default}",
                                   [(s, t) for s in sources for t in targets or [None]], 0.4)
        return []

    def _classified(self, doc: Document, sent_index: int, sent, mentions, cats) -> list[Event]:
        """No lexicon trigger: the sentence classifier may still see an event; code the main clause
        with the class's generic code when it is confident and the clause has an actor."""
        label = max(cats, key=cats.get)
        if label not in GENERIC or cats[label] < self.threshold:
            return []
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or self._negated(root) or self._hypothetical(root, sent.text):
            return []
        sources = [a for a in self._actors(subject_of(root), mentions) if a.code]
        targets = [a for a in self._actors(direct_object(root), mentions) if a.code]
        if not sources:
            return []
        return self._fixed(doc, sent_index, root, GENERIC[label], f"model:penta:{label}",
                           [(s, t) for s in sources for t in targets or [None]], round(0.6 * cats[label], 3))


def _trailing_report(tok, sent) -> bool:
    """'... blocked the bridge, French border police said on Monday': a speech verb whose speaker follows a
    comma after a clause, and that says nothing after itself, only reports the clause before."""
    subj = subject_of(tok)
    start = next((t.i for t in subj.subtree if not t.is_punct), subj.i) if subj is not None else sent.start
    if subj is None or start <= sent.start or tok.doc[start - 1].text != ",":  # the parse may own the comma
        return False
    before = tok.doc[sent.start:start - 1]
    return (any(t.pos_ in ("VERB", "AUX") for t in before)
            and not any(c.i > tok.i and c.dep_ in ("ccomp", "parataxis", "xcomp") for c in tok.children))


def _own_people(tok) -> bool:
    """'claimed that its troops had attacked': the doers are the speaker's own ("its", "their", "our")."""
    subj = subject_of(tok)
    return subj is not None and any(c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PRON" for c in subj.children)
