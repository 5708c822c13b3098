"""Cue frames over the dependency parse: which words a cue reports, and who it reports them from.

Each frame takes the cue word (a spaCy token) and returns the character span of its content, or None
when the parse does not show that frame: the clausal complement and its fallbacks (a parenthetical cue
hung on the quote's verb, "said:", "As reported by X", a that-clause hung on the addressee, the words
before a sentence-final "..., he said.", the rest of the sentence), "according to X", a "that"-clause
of any word, the headline colon, stance nouns ("her support for Cruz"), judgement verbs with "as",
stance adjectives and passives. cues.py decides which frames a word may take (data/cues.yaml) and in
what order.
"""
from __future__ import annotations

from dataclasses import dataclass

from .speakers import speaker_of

CLAUSE_DEPS = ("ccomp",)
HEAD_DEPS = ("parataxis", "ccomp", "advcl", "conj")  # '"...," he said' as the dependent of the quote's verb
OBJ_DEPS = ("obj", "dobj")
SUBJ_DEPS = ("nsubj", "nsubj:pass", "csubj")
# "..., he told reporters" is a parenthetical cue with an object; "when asked", "agreed", "assured them"
# hung on a clause are not parenthetical: they report their own complement
ADDRESSEE = {"tell", "inform"}
NOT_PARENTHETICAL = {"ask", "agree", "assure", "remind", "promise", "feel"}
REST_SKIP = {"iobj", "obl", "obl:tmod", "obl:npmod", "advmod", "punct", "nmod:tmod", "dep"}


@dataclass
class Cue:
    token: object  # spaCy Token: the cue word
    # clause | head | colon | rest | infinitive | object | prepositional | according | that | headline |
    # nominal | predicate | adjective | passive | adverb | near | frame
    frame: str
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
    # a cue with an object or infinitive of its own after it ("..., accusing him of", "and wants to")
    # reports that, not the clause it hangs on
    own = (any(c.i > tok.i and c.dep_ in ("obj", "xcomp") for c in tok.children) and tok.lemma_.lower() not in ADDRESSEE
           ) or tok.lemma_.lower() in NOT_PARENTHETICAL
    # "..., believing there may be more", "..., hoping for better": a participle clause after its head
    # reports its own words; the parenthetical frame is for finite cues ('"...," he said')
    own = own or (tok.tag_ == "VBG" and tok.dep_ == "advcl")
    if tok.dep_ in HEAD_DEPS and tok.head.i != tok.i and tok.head.i < tok.i and tok.i > tok.sent.start + 1 and not own:
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
    # "When X asked, the candidate said families ... file lawsuits": a subject after the cue starts its
    # own (misparsed) complement, so the cue does not close the sentence
    if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i > tok.i for c in tok.children):
        return None
    # only sentence-final cues: the reported words all depend on the cue, from before its subject
    if not any(c.i < lo - 1 and c.dep_ in ("advcl", "discourse", "nsubj", "parataxis", "ccomp", "csubj", "dep", "obl")
               for c in tok.children):
        return None
    words = [t for t in tok.sent if t.i < lo - 1 and not (t.i == tok.sent.start and t.dep_ == "cc")]
    return _edges(words) if len([t for t in words if t.is_alpha]) >= 2 else None


def _own_subject(clause) -> bool:
    return any(g.dep_ in ("nsubj", "nsubj:pass") and g.tag_ not in ("WP", "WDT") and g.lower_ != "that"
               for g in clause.children)


def _rest_of_sentence(tok):
    """'Sessions said Clinton's acceptance ... was akin to extortion' when the parser missed the complement:
    the words after the cue (its addressee, obliques and adverbs skipped) to the end of the sentence."""
    skip = {t.i for c in tok.children if c.i > tok.i and c.dep_ in REST_SKIP for t in c.subtree}
    # "told the AP his firm worked ...": the complement parsed as a relative clause on the addressee
    # (it has a subject of its own and no relative word) is what was told
    skip -= {t.i for c in tok.children if c.i > tok.i and c.dep_ in REST_SKIP for r in c.children
             if r.dep_ == "acl:relcl" and _own_subject(r) for t in r.subtree}
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
    # "CONTENT, according to the report he released": after a comma, with no clause following the
    # phrase, the words before it (however long the phrase itself runs)
    if tok.i > sent.start and tok.doc[tok.i - 1].text == "," and _words(before) >= 3 and not any(
            t.text in (",", ";") for t in after):
        return src, _edges(before)
    if _words(after) < 3 <= _words(before):
        return src, _edges(before)
    if _words(before) < 3 <= _words(after):
        return src, _edges(after)
    clause = src.head if src.head.i != src.i else None
    if clause is None:
        return src, None
    return src, subtree_span(clause, without=[src])


SMALL = {"of", "the", "at", "on", "to", "and", "’s", "'s", "&", "in", "for"}


def _headline_colon(sent, nxt=None):
    """'Pat Caddell: Voters want an outsider', 'TAPPER: Do you think ...': a short capitalised name, a
    colon, then the words credited to it (headlines and transcripts). When the splitter ended the
    sentence at the colon, the words are the next sentence on the same line (`nxt`)."""
    colon = next((t for t in sent[:8] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    name = [t for t in sent if t.i < colon.i and not t.is_space]
    words = [t for t in name if t.is_alpha]
    if not words or any(not (t.is_title or t.is_upper) and t.lower_ not in SMALL for t in words) or (
            not any(t.pos_ in ("PROPN", "NOUN") for t in name)):
        return None
    after = [t for t in sent if t.i > colon.i]
    if not after and nxt is not None and "\n" not in sent.doc.text[colon.idx:nxt.start_char]:
        after = [t for t in nxt if not t.is_space]
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


def _nominal_fallback(tok):
    """The source of an unowned stance noun: a name compounded with it (the headline "Trump calls for"),
    else the subject of the clause it sits in ("Clinton renewed her calls for ...")."""
    name = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i), None)
    if name is not None:
        return name
    v = tok.head
    for _ in range(3):
        if v.pos_ in ("VERB", "AUX") or v.i == v.head.i:
            break
        v = v.head
    src = speaker_of(v) if v.pos_ in ("VERB", "AUX") and v.i != tok.i else None
    # "Calls for a recount grew louder": the noun is the clause's subject, not spoken by it
    return None if src is None or tok.left_edge.i <= src.i <= tok.right_edge.i else src


def _nominal(tok, table):
    """'her support for Cruz', 'criticism of the deal', 'his decision to run': a stance or speech noun and
    its prepositional or infinitive complement; the source is the noun's owner, else the subject of
    the verb it is the object of ('Clinton voiced support for ...'), else none."""
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
    if src is None:
        src = _nominal_fallback(tok)
    span = subtree_span(arg)  # an unowned noun ("calls to boycott ...") is still an attribution, sourceless
    if span is None:
        return None
    case = next((g for g in arg.children if g.dep_ in ("case", "mark") and g.i < arg.i), None)
    if case is not None:  # the content starts after the preposition
        span = _edges([t for t in arg.subtree if t.i > case.i]) or span
    return Cue(tok, "nominal", span, src)


def _as_predicate(tok):
    """'unions see the mayor as an ally of ...', 'the debates are viewed as a sideshow': a judgement
    verb with an "as" phrase reports what is judged (the object, or the passive subject) and the
    judgement."""
    pred = next((c for c in tok.children if c.i > tok.i and c.dep_.split(":")[0] in ("obl", "advcl", "xcomp")
                 and any(g.lower_ == "as" and g.dep_ in ("case", "mark") for g in c.children)), None)
    what = next((c for c in tok.children if c.dep_ in ("obj", "nsubj:pass")), None)
    if pred is None or what is None:
        return None
    return _edges(tok.doc[min(what.left_edge.i, tok.i + 1):pred.right_edge.i + 1])


def _adjective(tok, preps):
    """'X is critical of Y', 'she is confident that ...', 'they are eager to ...': a stance adjective
    and its complement (a clause, an infinitive, or the phrase its preposition opens)."""
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "ccomp":
            return subtree_span(c)
        if c.dep_ == "xcomp" and "to" in preps and any(g.lower_ == "to" and g.dep_ == "mark" for g in c.children):
            return subtree_span(c)
        if c.dep_.split(":")[0] in ("obl", "nmod", "advcl"):
            case = next((g for g in c.children if g.dep_ in ("case", "mark") and g.lower_ in preps and g.i < c.i),
                        None)
            if case is not None:
                return _edges([t for t in c.subtree if t.i > case.i])
    return None


def _passive(tok):
    """'The deal was rejected by the Senate', 'Clinton was endorsed by ...': a stance verb in the
    passive reports its grammatical subject."""
    if any(c.dep_ in OBJ_DEPS for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj:pass" and c.i < tok.i), None)
    if subj is None or subj.tag_ in ("WP", "WDT") or subj.lower_ == "that":
        return None
    return subtree_span(subj)

