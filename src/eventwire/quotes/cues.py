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
- nominal: a stance noun with an owner and its complement ("her support for Cruz").
`framing_cue` finds the cue of a quotation no speech verb claims from the words around it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .speakers import _np_head, speaker_of

DATA = Path(__file__).with_name("data") / "cues.yaml"
CLAUSE_DEPS = ("ccomp",)
HEAD_DEPS = ("parataxis", "ccomp", "advcl", "conj")  # '"...," he said' as the dependent of the quote's verb
OBJ_DEPS = ("obj", "dobj")
SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
REST_SKIP = {"iobj", "obl", "obl:tmod", "obl:npmod", "advmod", "punct", "nmod:tmod", "dep"}
NOMINAL = ("PROPN", "PRON", "NOUN")
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

    @classmethod
    @lru_cache(maxsize=4)
    def load(cls, path: str | None = None) -> "CueTable":
        raw = yaml.safe_load(Path(path or DATA).read_text(encoding="utf-8"))
        return cls(*(frozenset(raw.get(k) or ()) for k in ("clause", "infinitive", "object")),
                   {k: frozenset(v) for k, v in (raw.get("prepositional") or {}).items()},
                   frozenset(raw.get("according") or ()), frozenset(raw.get("reporting") or ()),
                   frozenset(raw.get("rest_of_sentence") or ()),
                   {k: frozenset(v) for k, v in (raw.get("nominal") or {}).items()},
                   frozenset(raw.get("belief") or ()))


@dataclass
class Cue:
    token: object  # spaCy Token: the cue word
    frame: str  # clause | head | colon | rest | infinitive | object | prepositional | according | that | headline | frame
    content: tuple[int, int]  # character offsets
    speaker: object | None  # spaCy Token heading the source, when the parse shows one


def _edges(tokens) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_punct and not t.is_space]
    if not toks:
        return None
    lo, hi = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return lo.idx, hi.idx + len(hi)


def subtree_span(tok, without=()) -> tuple[int, int] | None:
    """The token's subtree, minus the subtrees of `without`, trimmed to the run around the token."""
    drop = {t.i for w in without for t in w.subtree}
    keep = [t for t in tok.subtree if t.i not in drop]
    # a removed subtree in the middle cuts the span: keep the contiguous stretch holding `tok`
    lo = hi = tok.i
    ids = {t.i for t in keep}
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return _edges(tok.doc[lo:hi + 1])


def _keys(tok) -> tuple[str, ...]:
    from ..events.match import lemma_keys

    return lemma_keys(tok)


def _clause_content(tok):
    comp = next((c for c in tok.children if c.dep_ in CLAUSE_DEPS), None)
    if comp is not None:
        return "clause", subtree_span(comp)
    colon = next((c for c in tok.children if c.dep_ == "punct" and c.text == ":" and c.i > tok.i), None)
    if colon is not None:
        after = [t for t in tok.sent if t.i > colon.i]
        if after:
            return "colon", _edges(after)
    if tok.dep_ in HEAD_DEPS and tok.head.i != tok.i and tok.head.i < tok.i and tok.i > tok.sent.start + 1:
        prev = tok.doc[tok.i - 1]
        if any(t.text in {",", "”", '"', "’", "''"} for t in tok.doc[max(tok.sent.start, tok.i - 3):tok.i]) or (
                prev.dep_ in SUBJ_DEPS):
            return "head", subtree_span(tok.head, without=[tok])
    if tok.dep_ == "advcl" and tok.head.i != tok.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return "as", subtree_span(tok.head, without=[tok])  # "As reported by X, ...", "as Y put it"
    hung = _hung_that(tok)
    if hung is not None:
        return "clause", hung
    before = _before_comma(tok)
    if before is not None:
        return "head", before
    return None, None


def _hung_that(tok):
    """'told The Associated Press that ...', 'said in a statement that ...': the parser hung the
    that-clause on the addressee or the oblique; it is still what was said."""
    for c in tok.children:
        if c.dep_ not in ("obl", "iobj", "obj") or c.i < tok.i:
            continue
        for t in c.subtree:
            if t.lower_ != "that" or t.head.i == c.i or t.head.dep_ not in ("acl", "acl:relcl", "ccomp", "advcl"):
                continue
            # "told reporters that Malik communicated ..." read as a relative clause with "that" as its
            # object: a clause with a subject of its own is the complement; "reporters that are" is not
            if any(g.dep_ in ("nsubj", "nsubj:pass") and g.i != t.i for g in t.head.children):
                return _edges([x for x in tok.sent if x.i >= t.i])
    return None


def _before_comma(tok):
    """'CONTENT, he said.' / 'CONTENT, Senator X told reporters.': the cue and its subject close the
    sentence after a comma, and the parser made the reported clause a dependent of the cue (advcl,
    discourse, a second subject) instead of its complement: the words before that comma."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i), None)
    if subj is None:
        return None
    lo = min(t.i for t in subj.subtree if t.i <= subj.i)
    if lo - 1 <= tok.sent.start or tok.doc[lo - 1].text != ",":
        return None
    after = [t for t in tok.sent if t.i > tok.i and not t.is_punct and not t.is_space]
    if any(t.dep_ in ("ccomp", "xcomp", "obj") or t.lower_ == "that" for t in after):
        return None
    # only sentence-final cues: the reported words all depend on the cue, from before its subject
    if not any(c.i < lo - 1 and c.dep_ in ("advcl", "discourse", "nsubj", "parataxis", "ccomp", "csubj", "dep", "obl")
               for c in tok.children):
        return None
    words = [t for t in tok.sent if t.i < lo - 1 and not (t.i == tok.sent.start and t.dep_ == "cc")]
    return _edges(words) if len([t for t in words if t.is_alpha]) >= 2 else None


def _rest_of_sentence(tok):
    """'Sessions said Clinton's acceptance ... was akin to extortion' when the parser missed the complement:
    the words after the cue (its addressee, obliques and adverbs skipped) to the end of the sentence."""
    skip = {t.i for c in tok.children if c.i > tok.i and c.dep_ in REST_SKIP for t in c.subtree}
    after = [t for t in tok.sent if t.i > tok.i and t.i not in skip]
    while after and (after[0].is_punct or after[0].dep_ == "mark"):
        after = after[1:]
    if len([t for t in after if t.is_alpha]) < 3 or after[0].pos_ in ("ADP", "PART"):
        return None
    return _edges(after)


def _words(tokens) -> int:
    return sum(1 for t in tokens if t.is_alpha)


def _according(tok):
    """'according to X': X is the obl the fixed phrase marks; the content is X's clause without it."""
    if tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None, None
    src = tok.head if tok.dep_ == "case" else next((c for c in tok.children if c.dep_ in ("obj", "obl", "pobj")), None)
    if src is None or src.i == tok.i:
        src = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        if src is None:
            return None, None
    # "CONTENT, according to X." / "According to X, CONTENT.": the rest of the sentence on the side that
    # holds it (the parser often hangs the phrase on a word deep inside the content)
    sent, end = tok.sent, max(src.right_edge.i, tok.i + 1)
    before = [t for t in sent if t.i < tok.i]
    after = [t for t in sent if t.i > end]
    if _words(after) < 3 <= _words(before):
        return src, _edges(before)
    if _words(before) < 3 <= _words(after):
        return src, _edges(after)
    clause = src.head if src.head.i != src.i else None
    if clause is None:
        return src, None
    return src, subtree_span(clause, without=[src])


SMALL = {"of", "the", "at", "on", "to", "and", "’s", "'s", "&", "in", "for"}


def _headline_colon(sent):
    """'Pat Caddell: Voters want an outsider', 'TAPPER: Do you think ...': a short capitalised name, a
    colon, then the words credited to it (headlines and transcripts)."""
    colon = next((t for t in sent[:8] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    name = [t for t in sent if t.i < colon.i and not t.is_space]
    words = [t for t in name if t.is_alpha]
    if not words or any(not (t.is_title or t.is_upper) and t.lower_ not in SMALL for t in words) or (
            not any(t.pos_ in ("PROPN", "NOUN") for t in name)):
        return None
    after = [t for t in sent if t.i > colon.i]
    if len([t for t in after if t.is_alpha]) < 3:
        return None
    head = max((t for t in name if t.pos_ in ("PROPN", "NOUN")), key=lambda t: t.i)
    return Cue(colon, "headline", _edges(after), head)


def _that_clause(tok):
    """The 'that'-clause a word takes: "implied that ...", "the claim that ..." (not a relative clause)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "acl") and c.i > tok.i and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children) and (
                not any(g.dep_ in ("nsubj", "obj") and g.lower_ == "that" for g in c.children)):
            return c
    return None


def _owner(noun):
    """Whose statement a noun is: "his claim", "Trump's warning", "a claim by X"."""
    poss = next((c for c in noun.children if c.dep_ == "nmod:poss"), None)
    if poss is not None:
        return poss
    return next((c for c in noun.children if c.dep_ == "nmod" and any(
        g.lower_ in ("by", "from") for g in c.children)), None)


def _nominal(tok, table: CueTable):
    """'her support for Cruz', 'criticism of the deal', 'his decision to run': a stance or speech noun and
    its prepositional or infinitive complement; the source is the noun's owner, else the subject of
    the verb it is the object of ('Clinton voiced support for ...')."""
    preps = table.nominal.get(tok.lemma_.lower())
    if not preps:
        return None
    arg = next((c for c in tok.children if c.i > tok.i and (
        (c.dep_.split(":")[0] in ("nmod", "obl") and any(g.dep_ == "case" and g.lower_ in preps for g in c.children))
        or ("to" in preps and c.dep_ in ("acl", "xcomp") and any(g.lower_ == "to" for g in c.children
                                                               if g.dep_ == "mark")))), None)
    if arg is None:
        return None
    src = _owner(tok)
    if src is not None and any(g.lower_ in preps for g in src.children if g.dep_ == "case"):
        src = None  # "criticism from X" is the owner only when "from" is not the complement's preposition
    if src is None and tok.dep_ in OBJ_DEPS and tok.head.pos_ == "VERB":
        src = speaker_of(tok.head)
    span = subtree_span(arg)
    if span is None or src is None:
        return None
    case = next((g for g in arg.children if g.dep_ in ("case", "mark") and g.i < arg.i), None)
    if case is not None:  # the content starts after the preposition
        span = _edges([t for t in arg.subtree if t.i > case.i]) or span
    return Cue(tok, "nominal", span, src)


def find_cues(sentences, table: CueTable) -> list[Cue]:
    out: list[Cue] = []
    for sent in sentences:
        cue = _headline_colon(sent)
        if cue is not None and cue.content is not None:
            out.append(cue)
        for tok in sent:
            low = tok.lower_
            if low in table.according:
                src, span = _according(tok)
                if span:
                    out.append(Cue(tok, "according", span, src))
                continue
            # any verb or noun taking a 'that'-clause reports it ("implied that", "her remark that")
            comp = _that_clause(tok) if tok.pos_ in ("NOUN", "VERB") else None
            src = (speaker_of(tok) if tok.pos_ == "VERB" else _owner(tok)) if comp is not None else None
            if src is not None and not (tok.pos_ == "VERB" and set(_keys(tok)) & table.clause):
                out.append(Cue(tok, "that", subtree_span(comp), src))
                continue
            if tok.pos_ == "NOUN" and table.nominal:
                cue = _nominal(tok, table)
                if cue is not None:
                    out.append(cue)
                continue
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "aux:pass", "cop", "amod", "compound"):
                continue
            keys = set(_keys(tok))
            frame, span = (None, None)
            if keys & table.clause:
                frame, span = _clause_content(tok)
            if span is None and keys & table.rest:
                frame, span = "rest", _rest_of_sentence(tok)
            if span is None and keys & table.infinitive:
                x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
                if x is not None:
                    frame, span = "infinitive", subtree_span(x)
            if span is None and keys & table.object:
                obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
                if obj is not None:
                    frame, span = "object", _edges([t for c in tok.children if c.i >= obj.i and c.dep_ not in
                                                    TAIL_CUT for t in c.subtree])
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


def nearby_cue(sdoc, lo: int, hi: int, marks, verbs: frozenset, reach: int = 6):
    """A speech verb next to a quotation in its sentence ('"...," Graham, a former candidate, told CBS',
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
