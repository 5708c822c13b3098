"""Who is the source of a cue: its subject, or the noun phrase the parse hangs it on.

Entry point: `speaker_of(tok)`, the token heading the source of cue word `tok` (or None). The parse is
trusted first (subject through control, conjunction and passives); then rules for what it gets wrong in
news copy: datelines and days parsed as subjects ("WASHINGTON (AP) - X said", "Tuesday, X said"),
relative pronouns ("a group that endorsed X": the group), participles on a noun ("super PACs supporting
X": the PACs), and a subject the parser hung elsewhere ("On Friday, Maria Olsen, head of ...,
said": Olsen as an apposition of "Friday"), two subjects on one cue (the nearest before it wins), and
main-clause cues whose subject the parser gave to a participle ("Groups representing X expressed").
"""
from __future__ import annotations

NOMINAL = ("PROPN", "PRON", "NOUN")
NP_DEPS = ("flat", "compound", "nmod:desc", "amod", "det")


def _time_words() -> frozenset[str]:
    from ..events.match import TIME_WORDS

    return TIME_WORDS


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
    while i >= sent.start and (tok.doc[i].is_punct or tok.doc[i].is_space or (tok.doc[i].dep_ in ("advmod", "aux", "cc") and not (
            tok.doc[i].is_title and tok.doc[i - 1].text in ("”", '"', "''", ",")))):
        if tok.doc[i].text in (".", "!", "?", ":"):
            return None
        i -= 1
    if i < sent.start:
        return None
    node, appos = tok.doc[i], None
    if node.pos_ in NOMINAL and node.dep_ == "nsubj" and node.head.dep_ == "aux" and node.head.head.i == tok.i:
        return node  # "She has since said": the parser hung the subject on the auxiliary
    if node.pos_ in NOMINAL and not node.like_num and node.lower_ not in _time_words() and (
            node.head.i == tok.i or node.dep_ in ("punct", "dep")):
        return _np_head(node)  # '"...," O'Donnell said' with the name parsed as punctuation
    if node.is_title and not node.is_sent_start and tok.doc[node.i - 1].text in (",", "”", '"', "''"):
        return node  # '"...," O’Donnell said' with the name tagged as an interjection
    for _ in range(12):
        if node.dep_ == "appos" and node.pos_ in NOMINAL:
            appos = node
        if node.head.i == node.i or node.head.i == tok.i or node.head.i > tok.i:
            break
        node = node.head
    if appos is None and node.head.i == tok.i and node.i < tok.i:
        appos = next((c for c in reversed(list(node.children)) if c.dep_ == "appos" and c.i < tok.i), None)
    if appos is None and node.head.i == tok.i and node.i < tok.i and (node.pos_ in NOMINAL or node.like_num) and (
            node.lower_ not in _time_words()) and not any(t.is_punct for t in tok.doc[node.right_edge.i + 1:tok.i]):
        return node  # "about half of the voters said", "more than 4 in 10 said": a subject parsed as an oblique
    return appos


def _after(tok):
    """'..., said Vice President Joe Biden': the first noun phrase right after the cue (a determiner and
    titles may come first); never a date."""
    sent = tok.sent
    for i in range(tok.i + 1, min(tok.i + 4, sent.end)):
        t = tok.doc[i]
        if t.pos_ in NOMINAL:
            if t.lower_ in _time_words() or t.like_num or t.dep_ == "advmod":
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
    names = [c for c in bad.children if c.dep_ in ("parataxis", "appos", "dep", "conj", "nmod") and c.pos_ in NOMINAL
             and c.i < tok.i and tok.doc[c.i - 1].text != "("]
    return _np_head(names[-1]) if names else None


def _conj_subject(tok):
    """'Trump summed up Clinton as ..., denounced her record and said ...': the subject of the first
    verb of a conjunction, passive-tagged or not (the parser often tags it nsubj:pass)."""
    v = tok
    for _ in range(4):
        if v.dep_ != "conj" or v.head.i == v.i:
            return None
        v = v.head
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None:
            return subj
    return None


INVERTING = {"say", "add", "write", "ask", "explain", "note", "recall", "continue", "argue", "insist",
             "reply", "respond", "conclude", "declare", "observe", "warn", "acknowledge", "admit", "state"}


# participles that report the speech of the clause's subject, wherever the parser hangs them
SAYING = INVERTING | {"claim", "suggest", "call", "accuse", "urge", "point", "describe", "deny", "predict"}


def _inverted(tok):
    """'..., says Carl Anthony, a historian, is that ...': a finite speech verb right after a comma or a
    closing quote, followed by a noun phrase that a comma or the sentence end closes, is inverted; the
    parser often takes the words before the comma for its subject."""
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if prev is None or prev.text not in (",", "”", '"', "''") or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if tok.lemma_.lower() not in INVERTING:
        return None
    head = _after(tok)
    if head is None or head.pos_ == "PRON":
        return None
    if head.is_lower and not any(c.dep_ in ("det", "nmod:poss", "amod", "compound", "flat") for c in head.children):
        return None  # '..., X said dryly.': a bare lowercase word after the cue is no inverted subject
    end = max([head.i] + [c.i for c in head.children if c.dep_ in ("flat", "compound") and c.i > head.i])
    nxt = tok.doc[end + 1] if end + 1 < len(tok.doc) else None
    return head if nxt is None or nxt.text in (",", ".", ";", "\n") or nxt.is_space else None


def _lost_subject(tok):
    """A main-clause cue without a subject: "Groups representing X also expressed ...", "Larry David,
    playing Sanders, explained": the parser gave the subject to the participle that modifies it, or
    left the sentence-opening name without a head."""
    sent = tok.sent
    for t in tok.doc[sent.start:tok.i]:
        if t.dep_ in ("nsubj", "nsubj:pass") and t.head.tag_ in ("VBG", "VBN") and t.head.i > t.i and (
                t.head.head.i == tok.i) and t.pos_ in NOMINAL:
            return t
    first = next((t for t in tok.doc[sent.start:tok.i] if not (t.is_punct or t.is_space)), None)
    if first is None or first.pos_ != "PROPN" or first.lower_ in _time_words() or _bad_subject(first):
        return None
    head = _np_head(first)
    nxt = tok.doc[head.i + 1] if head.i + 1 < tok.i else None
    return head if nxt is not None and nxt.text == "," and head.pos_ == "PROPN" else None


def _own_subject(tok):
    """The cue's own subject nearest before it ("The allure itself, Mr. Furman argued, is": Furman, not
    the allure); for a finite cue the parser hung elsewhere ("after the governor suggested", "exit polls
    suggested that"), the noun right before it."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i]
    if subjects:
        return subjects[-1] if len(subjects) > 1 else None
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ not in ("xcomp", "advcl", "acl", "csubj"):
        return None
    i = tok.i - 1
    while i > tok.sent.start and tok.doc[i].dep_ == "advmod" and tok.doc[i].pos_ == "ADV":
        i -= 1
    prev = tok.doc[i]
    if i >= tok.sent.start and prev.pos_ in ("NOUN", "PROPN") and not prev.like_num and (
            prev.lower_ not in _time_words()) and not _bad_subject(prev):
        return _np_head(prev)
    return None


def speaker_of(tok):
    """The cue's subject (through control, conjunction and passives; a relative pronoun stays: PolNeAR
    marks "who" in "X, who said ..." as often as X);
    the noun a participle modifies; else the noun phrase right after the cue ('..., said Senator X') or
    the one the parse hung before it."""
    from ..events.match import subject_of

    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        gov = tok.head.head
        if tok.lemma_.lower() in SAYING and tok.head.dep_ in ("obj", "obl", "iobj") and gov.pos_ == "VERB":
            subj = subject_of(gov)  # "X echoed those comments, saying ...": X says, not the comments
            if subj is not None:
                return subj
        return tok.head  # "super PACs supporting Cruz", "a poll showing ..."
    subj = _own_subject(tok) or subject_of(tok)
    if tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.i != tok.i:
        subj = subject_of(tok.head) or subj  # "She sent a tweet saying ...": not the tweet (object control)
    if subj is None and tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG":
        subj = subject_of(tok.head)  # "..., saying that ..." takes the main clause's subject
        if subj is None and tok.head.pos_ == "VERB" and tok.head.i != tok.i:
            return speaker_of(tok.head)  # '"...," Manchin said, referring to ...': the source the cue found
    if subj is None:
        subj = _conj_subject(tok)
    inverted = _inverted(tok)
    if inverted is not None:
        return inverted
    if subj is not None and _bad_subject(subj) and tok.dep_ in ("conj", "advcl") and tok.head.i != tok.i:
        other = subject_of(tok.head)  # "X has been critical but on Tuesday wrote": the day is no subject
        if other is not None and not _bad_subject(other):
            return other
    if subj is None and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "csubj"):
        v = tok.head  # "..., telling Y that": the participle reports for the nearest clause with a subject
        for _ in range(6):
            other = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
            if other is not None and not other.is_space and not _bad_subject(other):
                return other
            if v.head.i == v.i:
                break
            v = v.head
    if subj is not None and not subj.is_space and not _bad_subject(subj):
        return subj
    if subj is not None and not subj.is_space:
        return _past_dateline(tok, subj) or _before(tok) or _after(tok)
    if tok.dep_ == "ROOT":
        lost = _lost_subject(tok)
        if lost is not None:
            return lost
    found = _after(tok) if tok.i + 1 < tok.sent.end and tok.doc[tok.i - 1].text in (",", "”", '"', "’", "''") \
        else None
    # the words after an uninverted cue are its content ("said she should not ..."), not its source
    return found or _before(tok) or (_after(tok) if tok.i - tok.sent.start <= 1 else None)
