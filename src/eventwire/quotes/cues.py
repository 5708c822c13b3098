"""Attribution cues over the dependency parse: the cue word, the span it reports and who it reports.

Entry point: `find_cues(sentences, table) -> list[Cue]`. Frames, in the order they are tried:
- clause: the cue's clausal complement ("said Beijing was willing"), or the clause a parenthetical cue
  hangs off ('"...," Xi said' parsed with "said" as parataxis), or what follows "said:", or the main
  clause of "As reported by X, ...", a that-clause hung on the addressee ("told reporters that ..."),
  the words before a sentence-final "..., he said.";
- infinitive: "wants to ...";  object: "endorsed Cruz";  prepositional: "called for ...";
- "according to X, ...": X is the source and the clause the phrase modifies is the content;
- that: any verb, or a noun with an owner, taking a "that"-clause ("implied that", "his claim that");
- headline: 'Pat Caddell: Voters want ...' (the colon is the cue);
- nominal: a stance noun and its complement ("her support for Cruz", "calls for a recount");
- predicate: "see X as Y", "is seen as";  adjective: "critical of", "confident that";  passive: "the
  deal was rejected";  adverb: "reportedly" (the clause it modifies, no source).
The frames themselves are in frames.py. `framing_cue` finds the cue of a quotation no speech verb
claims from the words around it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import yaml_table
from .frames import (OBJ_DEPS, Cue, _according, _adjective, _as_predicate, _clause_content, _edges,
                     _headline_colon, _keys, _nominal, _owner, _passive, _rest_of_sentence, _that_clause,
                     subtree_span)
from .speakers import _np_head, speaker_of

DATA = Path(__file__).with_name("data") / "cues.yaml"
CHARGE_MARKS = {"for", "of", "over", "about"}
OPENERS = {"PRON", "PROPN"}  # words that open a clause after a misread "shows"
TAIL_CUT = {"punct", "cc", "conj", "parataxis", "advcl", "obl:tmod", "nmod:tmod", "discourse"}


@dataclass
class CueTable:
    clause: frozenset
    infinitive: frozenset
    object: frozenset
    prepositional: dict
    according: frozenset
    reporting: frozenset
    rest: frozenset
    nominal: dict
    belief: frozenset
    predicate: frozenset
    adjective: dict
    passive: frozenset
    adverb: frozenset

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: str | None = None) -> "CueTable":
        raw = yaml_table(Path(path or DATA))
        return cls(*(frozenset(raw.get(k) or ()) for k in ("clause", "infinitive", "object")),
                   {k: frozenset(v) for k, v in (raw.get("prepositional") or {}).items()},
                   frozenset(raw.get("according") or ()), frozenset(raw.get("reporting") or ()),
                   frozenset(raw.get("rest_of_sentence") or ()),
                   {k: frozenset(v) for k, v in (raw.get("nominal") or {}).items()},
                   frozenset(raw.get("belief") or ()), frozenset(raw.get("as_predicate") or ()),
                   {k: frozenset(v) for k, v in (raw.get("adjective") or {}).items()},
                   frozenset(raw.get("passive") or ()), frozenset(raw.get("adverb") or ()))


def find_cues(sentences, table: CueTable) -> list[Cue]:
    out: list[Cue] = []
    for k, sent in enumerate(sentences):
        cue = _headline_colon(sent, sentences[k + 1] if k + 1 < len(sentences) else None)
        if cue is not None and cue.content is not None:
            out.append(cue)
        for tok in sent:
            low = tok.lower_
            if low in table.according:
                src, span = _according(tok)
                if span:
                    out.append(Cue(tok, "according", span, src))
                continue
            if low in table.adverb and tok.head.i != tok.i:
                # "Trump reportedly told aides ...": the clause the adverb hangs on, sourceless
                span = subtree_span(tok.head, without=[tok])
                if span:
                    out.append(Cue(tok, "adverb", span, None))
                continue
            # any verb or noun taking a 'that'-clause reports it ("implied that", "her remark that")
            comp = _that_clause(tok) if tok.pos_ in ("NOUN", "VERB") else None
            src = (speaker_of(tok) if tok.pos_ == "VERB" else _owner(tok)) if comp is not None else None
            if src is not None and not (tok.pos_ == "VERB" and set(_keys(tok)) & table.clause):
                out.append(Cue(tok, "that", subtree_span(comp), src))
                continue
            if (cue := _noun_tagged_verb(tok, table)) is not None:
                out.append(cue)
                continue
            if tok.pos_ == "NOUN" and table.nominal:
                cue = _nominal(tok, table)
                if cue is not None:
                    out.append(cue)
                continue
            if tok.pos_ == "ADJ" and tok.dep_ != "amod" and tok.lemma_.lower() in table.adjective:
                span = _adjective(tok, table.adjective[tok.lemma_.lower()])
                src = speaker_of(tok) if span else None
                if src is not None and src.lower_ != "it":
                    out.append(Cue(tok, "adjective", span, src))
                continue
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "aux:pass", "cop", "amod", "compound"):
                continue
            keys = set(_keys(tok))
            frame, span = (None, None)
            if keys & table.clause:
                frame, span = _clause_content(tok)
            if span is None and keys & table.predicate:
                frame, span = "predicate", _as_predicate(tok)
            if span is None and keys & table.rest:
                frame, span = "rest", _rest_of_sentence(tok)
            if span is None and keys & table.infinitive:
                x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
                x = x if x is not None else _to_clause(tok)
                if x is not None:
                    frame, span = "infinitive", subtree_span(x)
            if span is None and keys & table.object:
                obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
                if obj is not None:
                    frame, span = "object", _edges([t for c in tok.children if c.i >= obj.i and (
                        c.dep_ not in TAIL_CUT or _charge(c)) for t in c.subtree])
            if span is None and keys & table.passive:
                frame, span = "passive", _passive(tok)
            if span is None:
                for key in keys & set(table.prepositional):
                    preps = table.prepositional[key]
                    arg = next((c for c in tok.children if c.dep_.split(":")[0] in ("obl", "nmod", "compound", "prt")
                                and any(g.lower_ in preps for g in c.children if g.dep_ == "case")), None)
                    if arg is not None:
                        frame, span = "prepositional", subtree_span(arg)
                        break
            if span:
                out.append(Cue(tok, frame, span, speaker_of(tok)))
    return out


def _to_clause(tok):
    """'called on the senator to quit', 'urging the governor to default': the parser hangs the
    infinitive after the addressee on the cue as an adverbial clause; it is still what is asked."""
    return next((c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and any(
        g.dep_ == "mark" and g.lower_ == "to" and g.i < c.i for g in c.children) and any(
        o.dep_ in ("obj", "obl", "iobj") and tok.i < o.i < c.i for o in tok.children)), None)


def _noun_tagged_verb(tok, table: CueTable):
    """'Exit polling shows she won ...', 'The data suggests ...': after a noun the parser often reads a
    present-tense reporting verb as a noun too (a compound head); with a clause opening right after it
    (a pronoun, a name or "that"), it is the cue, the noun before it the source, and the rest of the
    sentence the content. "states" is left out: after a noun it is nearly always the noun."""
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN") or not low.endswith("s") or tok.i == tok.sent.start or low == "states":
        return None
    if not ({low[:-1], low[:-2] if low.endswith("es") else ""} & table.clause):
        return None
    prev, nxt = tok.doc[tok.i - 1], tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if nxt is None or prev.pos_ not in ("NOUN", "PROPN", "ADJ") or nxt.pos_ not in OPENERS and nxt.lower_ != "that":
        return None
    after = [t for t in tok.sent if t.i > tok.i]
    if sum(t.is_alpha for t in after) < 3:
        return None
    return Cue(tok, "mistagged", _edges(after), prev)


def _charge(clause) -> bool:
    """'blamed the mayor for delaying the vote', 'praised him for standing firm': the gerund clause after
    the object is what the stance is about, part of the content."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CHARGE_MARKS for c in clause.children)


def nearby_cue(sdoc, lo: int, hi: int, marks, verbs: frozenset, reach: int = 6):
    """A speech verb next to a quotation in its sentence ('"...," Ortiz, a retired judge, told reporters',
    'He added: "..."'), outside every quotation; the nearest wins."""
    first = sdoc.char_span(lo, hi, alignment_mode="expand")
    if first is None:
        return None
    best = None
    for sent in {first[0].sent, first[-1].sent}:
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or not set(_keys(tok)) & verbs:
                continue
            if any(a <= tok.idx < b for a, b in marks):
                continue
            gap = first[0].i - tok.i if tok.i < first[0].i else tok.i - first[-1].i
            if tok.i < first[0].i and not any(t.text in (":", ",") for t in sdoc[tok.i:first[0].i]):
                continue
            if gap <= reach and (best is None or gap < best[0]):
                best = (gap, tok)
    return best[1] if best else None


def framing_cue(sdoc, lo: int, hi: int, marks, verbs: frozenset = frozenset()):
    """The cue of a quotation no speech verb next to it claims, from the frame around it:
    '"...," Bozell points out' / '"...," the senator and candidate said in a statement' (a verb after the
    noun phrase that follows the closing mark; the parser often tags "points", "concludes" there as
    nouns, so a word of `verbs` counts too), 'Kaine took the stance of many Catholics: "..."' (the verb of
    the clause the colon ends, also across a paragraph break) and the headline colon 'Pat Caddell: "..."'
    (the colon is the cue, the name the source). Returns (cue token, speaker token) or None."""
    inside = sdoc.char_span(lo, hi, alignment_mode="expand")
    if inside is None:
        return None
    doc, first, last = sdoc, inside[0], inside[-1]
    j = last.i + 1
    while j < len(doc) and (doc[j].is_space or doc[j].text in (",", "—", "–", "-")):
        j += 1
    # '"...," X said' / '"...?" he asked': the quote is the clause's object only when it did not end
    # its sentence with a period, and the frame is on the same line
    closed = sdoc.text[lo:hi].rstrip("\"”»' ").endswith((",", "?", "!", "—", "-"))
    between = []
    same_line = j < len(doc) and "\n" not in sdoc.text[hi:doc[j].idx]
    for k in range(j, min(j + 20, len(doc)) if closed and same_line else j):
        t = doc[k]
        if any(a <= t.idx < b for a, b in marks) or t.text in (".", "?", "!", ";", ":", '"', "“", "”", "''", "\n"):
            break
        if (t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")) or (
                between and t.pos_ in ("NOUN", "PROPN") and set(_keys(t)) & verbs):
            if not between:
                return t, speaker_of(t)
            names = [b for b in between if b.pos_ in ("PROPN", "NOUN", "PRON")]
            if not names or between[0].pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PRON"):
                break
            subj = speaker_of(t) if t.pos_ == "VERB" else None
            if subj is None or not j <= subj.i < k:
                subj = _np_head(names[0])
            return t, subj
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("cop", "aux", "aux:pass"):
            break
        between.append(t)
        if not any(b.pos_ in ("PROPN", "NOUN", "PRON") for b in between) and len(between) > 3:
            break
    i = first.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":" or any(a <= doc[i].idx < b for a, b in marks):
        return None
    colon = doc[i]
    before = [t for t in colon.sent if t.i < colon.i] or [t for t in doc[colon.i - 1].sent if t.i < colon.i]
    verbs_ = [t for t in before if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:pass", "cop", "amod")]
    if verbs_:
        top = min(verbs_, key=lambda t: len(list(t.ancestors)))
        return top, speaker_of(top)
    names = [t for t in before if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if names and len(before) <= 8:
        return colon, names[-1]
    return None
