"""Who is the source of a cue: its subject, or the noun phrase the parse hangs it on.

Entry point: `speaker_of(tok)`, the token heading the source of cue word `tok` (or None). The parse is
trusted first (subject through control, conjunction and passives); then rules for what it gets wrong in
news copy: datelines and days parsed as subjects ("WASHINGTON (AP) - X said", "Tuesday, X said"),
relative pronouns ("a group that endorsed X": the group), participles on a noun ("super PACs supporting
X": the PACs), and a subject the parser hung elsewhere ("On Tuesday, Kevin Brady, chairman of ...,
said": Brady as an apposition of "Tuesday").
"""
from __future__ import annotations

NOMINAL = ("PROPN", "PRON", "NOUN")
NP_DEPS = ("flat", "compound", "nmod:desc", "amod", "det")


def _time_words() -> set[str]:
    from ..events.match import MONTH_ABBREV, TIME_WORDS

    return TIME_WORDS | MONTH_ABBREV


def _bad_subject(tok) -> bool:
    """A dateline ("WASHINGTON", "RENO, Nev.") or a date the parser took for the subject."""
    low = tok.lower_.rstrip(".")
    if low in _time_words():
        return True
    return tok.is_upper and len(tok.text) > 2 and tok.i - tok.sent.start <= 1 and tok.pos_ == "PROPN"


def _np_head(tok):
    """Climb from a name part to the head of its noun phrase ("Joe" -> "Biden")."""
    sent = tok.sent
    while tok.head.i != tok.i and tok.dep_ in NP_DEPS and sent.start <= tok.head.i < sent.end and (
            tok.head.pos_ in NOMINAL):
        tok = tok.head
    return tok


def _before(tok):
    """The source written before a cue whose subject the parse lost: climb from the word before the cue
    to the cue's own dependent; an apposition on the way (or hanging on that dependent) is the source."""
    sent = tok.sent
    i = tok.i - 1
    while i >= sent.start and (tok.doc[i].is_punct or tok.doc[i].dep_ in ("advmod", "aux", "cc")):
        if tok.doc[i].text in (".", "!", "?", ":"):
            return None
        i -= 1
    if i < sent.start:
        return None
    node, appos = tok.doc[i], None
    if node.pos_ in NOMINAL and not node.like_num and node.lower_ not in _time_words() and (
            node.head.i == tok.i or node.dep_ in ("punct", "dep")):
        return _np_head(node)  # '"...," O'Donnell said' with the name parsed as punctuation
    for _ in range(12):
        if node.dep_ == "appos" and node.pos_ in NOMINAL:
            appos = node
        if node.head.i == node.i or node.head.i == tok.i or node.head.i > tok.i:
            break
        node = node.head
    if appos is None and node.head.i == tok.i and node.i < tok.i:
        appos = next((c for c in reversed(list(node.children)) if c.dep_ == "appos" and c.i < tok.i), None)
    return appos


def _after(tok):
    """'..., said Vice President Joe Biden': the first noun phrase right after the cue (a determiner and
    titles may come first); never a date."""
    sent = tok.sent
    for i in range(tok.i + 1, min(tok.i + 4, sent.end)):
        t = tok.doc[i]
        if t.pos_ in NOMINAL:
            if t.lower_ in _time_words() or t.like_num:
                return None
            return _np_head(t)
        if t.pos_ not in ("DET", "ADJ"):
            return None
    return None


def _past_dateline(tok, bad):
    """'WASHINGTON (AP) - Senator X said': another subject of the cue, or the name the parser hung on
    the dateline (the agency in brackets reports, it is not the speaker)."""
    other = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i != bad.i), None)
    if other is not None:
        return other
    names = [c for c in bad.children if c.dep_ in ("parataxis", "appos", "dep", "conj") and c.pos_ in NOMINAL
             and c.i < tok.i and tok.doc[c.i - 1].text != "("]
    return _np_head(names[-1]) if names else None


def speaker_of(tok):
    """The cue's subject (through control, conjunction and passives; a relative pronoun stays: PolNeAR
    marks "who" in "X, who said ..." as often as X);
    the noun a participle modifies; else the noun phrase right after the cue ('..., said Senator X') or
    the one the parse hung before it."""
    from ..events.match import subject_of

    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head  # "super PACs supporting Cruz", "a poll showing ..."
    subj = subject_of(tok)
    if subj is None and tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG":
        subj = subject_of(tok.head)  # "..., saying that ..." takes the main clause's subject
    if subj is not None and not subj.is_space and not _bad_subject(subj):
        return subj
    if subj is not None and not subj.is_space:
        return _past_dateline(tok, subj) or _before(tok) or _after(tok)
    found = _after(tok) if tok.i + 1 < tok.sent.end and tok.doc[tok.i - 1].text in (",", "”", '"', "’", "''") \
        else None
    return found or _before(tok) or _after(tok)
