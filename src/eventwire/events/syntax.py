"""Reading a trigger's clause in the UD parse: lemma keys, auxiliaries and voice, subjects through
control and passives, the sources of nominal events, noun-phrase spans and dates."""
from __future__ import annotations

from functools import lru_cache

from ..actors.kb import load_yaml
from ..timex.normalise import calendar_words
from .lexicon import DATA

OBJ_DEPS = ("obj", "iobj", "dobj")
# verbs whose object noun names the event their subject performs ("launched an invasion"), unlike
# "slammed arms sales", where the seller is not the subject
LIGHT_VERBS = {"launch", "carry", "conduct", "hold", "stage", "mount", "make", "sign", "reach", "begin", "start",
               "order", "announce", "undertake", "wage", "step", "resume", "continue", "pay", "give", "issue",
               "lodge", "file", "impose", "deliver", "offer", "extend", "provide", "have", "take", "open",
               "boost", "expand", "deepen", "strengthen", "enhance", "increase", "intensify", "seek",
               # aspect and scheduling of one's own act: "renewed negotiations", "speeded up the withdrawal"
               "renew", "complete", "finish", "speed", "accelerate", "postpone", "delay", "suspend", "halt",
               "cancel", "call", "end", "stop", "plan", "prepare", "initiate", "pursue"}
SUBJ_DEPS = ("nsubj", "csubj")
CUT_DEPS = {"acl:relcl", "appos", "punct", "parataxis", "advcl", "acl", "dep", "cc"}
LEFT_ADJUNCTS = {"obl", "obl:tmod", "nmod:tmod", "obl:npmod", "advmod", "advcl", "nmod"}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("es", ""), ("s", ""), ("d", ""))


def lemma_keys(tok) -> tuple[str, ...]:
    """The trained lemma plus rule-based guesses, so a rare lemmatiser slip does not lose a trigger."""
    return _keys(tok.lemma_, tok.lower_)


@lru_cache(maxsize=65536)
def _keys(lemma: str, low: str) -> tuple[str, ...]:
    # cached: the matcher asks for the same word's keys once per candidate pattern
    keys = [lemma.lower(), low]
    for suf, rep in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = low[: -len(suf)]
            keys.append(stem + rep)
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] != "s":
                keys.append(stem[:-1])  # "stopped" -> "stop", "expelled" -> "expel" (beside "install")
    if low in _irregular():
        keys.append(_irregular()[low])
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return {str(k): str(v) for k, v in (load_yaml(DATA / "irregular.yaml") or {}).items()}


def has_lemma(tok, word: str) -> bool:
    return word in lemma_keys(tok)


def direct_object(tok):
    obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
    if obj is None and tok.pos_ == "VERB":
        # "reject proposed Israeli changes", "condemned continued raids": the parser takes the participle that
        # opens the object for a clause of its own; its object is the verb's
        part = next((c for c in tok.children if c.i == tok.i + 1 and c.dep_ in ("acl", "xcomp", "ccomp", "advcl")
                     and c.tag_ in ("VBN", "VBD") and not any(g.dep_.startswith(("nsubj", "aux", "mark"))
                                                                for g in c.children)), None)
        obj = next((c for c in part.children if c.dep_ == "obj"), None) if part is not None else None
    return obj

SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "agree", "offer", "refuse", "decline", "try", "seek",
                   "want", "plan", "intend", "decide", "hope", "fail", "continue", "begin", "start", "attempt"}


def subject_of(tok):
    """Subject of a verb, inherited through control (xcomp), conjunction and relative clauses.

    Object control wins over subject control: in "urged Russia to withdraw" and "leading
    Washington to warn Beijing" the governor's object does the embedded act.
    """
    v, hops, raised = tok, 0, False
    while v is not None and hops < 6:
        # "Obama is scheduled to attend": a passive governor's subject does the embedded act
        deps = SUBJ_DEPS + ("nsubj:pass", "expl") if raised or not is_passive(v) else SUBJ_DEPS
        subj = next((c for c in v.children if c.dep_ in deps), None)
        if subj is not None:
            return subj
        agent = passive_agent(v)
        if agent is not None:
            return agent
        if not raised and any(c.dep_ == "xcomp" for c in v.children):
            # "he is prepared to lift the ban": a passive governor's subject does the embedded act
            subj = next((c for c in v.children if c.dep_ == "nsubj:pass"), None)
            if subj is not None:
                return subj
        if (v.dep_ == "xcomp" or (v.dep_ in ("advcl", "csubj") and is_infinitive(v))) and v.head.i != v.i:
            gov = v.head
            obj = next((c for c in gov.children if c.dep_ in OBJ_DEPS), None)
            if obj is not None and gov.lemma_.lower() not in SUBJECT_CONTROL and v.dep_ == "xcomp":
                return obj  # "urged Russia to withdraw"; but "sent a team to help": the sender helps
            v, hops, raised = gov, hops + 1, v.dep_ in ("xcomp", "csubj")
            continue
        if v.dep_ in ("conj", "advcl") and v.head.i != v.i:
            v, hops = v.head, hops + 1
            continue
        if v.dep_ == "acl:relcl" or (v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN")
                                     and (v.tag_ == "VBD" or any(c.dep_ in OBJ_DEPS for c in v.children))
                                     and not is_passive(v)):
            # "Russian aircraft including gunships killed 46 civilians": parsed as a noun modified by
            # the clause, the noun is still the one who killed
            return v.head
        return None
    return None


def by_phrase(tok):
    """The "by" phrase hanging off a token: a passive's agent, or the author of an act noun ("a ban by X")."""
    return next((c for c in tok.children if c.dep_ == "obl:agent" or (
        c.dep_.split(":")[0] in ("obl", "nmod") and any(g.lower_ == "by" and g.dep_ == "case" for g in c.children))),
        None)


def passive_agent(v):
    """The by-phrase of a passive verb ("was attacked by Poland"), or of the event noun that says how
    ("were wounded in a shelling raid by rebel fighters")."""
    if not is_passive(v):
        return None
    agent = by_phrase(v)
    if agent is None:
        for c in v.children:
            if c.dep_.split(":")[0] == "obl" and c.pos_ == "NOUN" and (agent := by_phrase(c)) is not None:
                break
    return agent


def passive_subject(v):
    """The patient of a passive verb, shared from a conjoined head when it has none of its own."""
    if reduced_relative(v):
        return v.head
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj:pass", "nsubj")), None)
        if subj is not None:
            return subj
        if v.dep_ != "conj":
            return None
        v = v.head
    return None


@lru_cache(maxsize=2)
def _abstract(key: str) -> frozenset:
    return frozenset((load_yaml(DATA / "abstract.yaml") or {}).get(key) or ())


def topic_verb(tok) -> bool:
    """A verb whose object is its topic (abstract.yaml): "discussed the crisis" names no party."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _abstract("topic_verbs")


def abstract_head(tok) -> bool:
    """A common noun naming an act, state or thing (abstract.yaml), never a party: "the use of X"."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() in _abstract("nouns")


@lru_cache(maxsize=1)
def undergone_frames() -> dict:
    """The "came under attack from X" frames of modality.yaml (see there)."""
    return (load_yaml(DATA / "modality.yaml") or {}).get("undergone") or {}


def undergone(tok):
    """The verb (or "target" noun) of a frame whose subject suffers the act the noun `tok` names ("came
    under attack", "drew condemnation", "suffered an attack", "was the target of an attack"), or None."""
    head = tok.head
    # "came under shelling": the parse may read the act as a gerund clause the preposition marks
    gerund = tok.tag_ == "VBG" and tok.dep_.split(":")[0] in ("advcl", "xcomp", "acl")
    if head.i == tok.i or not (tok.pos_ in ("NOUN", "PROPN") or gerund):
        return None
    frames = undergone_frames().get("frames") or {}
    slots = {str(s) for k in lemma_keys(head) for s in frames.get(k) or ()}
    if any(c.dep_ == "compound:prt" or (c.dep_ in OBJ_DEPS and c.i != tok.i) for c in head.children):
        return None  # another verb ("meet up with demand") or another frame ("met him with a message from")
    if tok.dep_ in OBJ_DEPS and "obj" in slots and head.pos_ in ("VERB", "AUX"):
        return head
    if (tok.dep_.split(":")[0] in ("obl", "nmod") or gerund) and any(
            c.dep_ in ("case", "mark") and c.lower_ in slots for c in tok.children):
        # "target of": only the noun that is the clause's predicate ("was the target of"), not "a target of"
        return head if head.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in head.children) else None
    return None


def undergone_agent(tok):
    """The doer of the act a frame's subject suffers: the noun's "from"/"by" phrase, or one the parse hung on
    the frame verb ("came under attack yesterday from rebels")."""
    agents = {str(a) for a in undergone_frames().get("agents") or ()}
    frame = undergone(tok)
    for anchor in (tok, frame) if frame is not None else ():
        for c in anchor.children:
            # the parse may hang the preposition on a word of the phrase: "by (Boko) Haram militants"
            if c.dep_.split(":")[0] in ("obl", "nmod") and c.i != tok.i and any(
                    g.dep_ == "case" and g.lower_ in agents for g in (*c.children, c.left_edge)):
                return c
    return None


def noun_sources(tok) -> list:
    """Candidate sources of a nominal event, best first: a modifier ("Russia's invasion", "a Russian
    attack", "police firing"), then the subject of the verb it hangs off ("launched an invasion",
    "said in a phone call with"). The coder takes the first that names an actor ("a phone call" has none).
    In a frame whose subject suffers the act ("came under attack from X") the subject is the target: the
    doer is the "from"/"by" phrase, else a modifier."""
    out = [c for c in tok.children
           if c.dep_ == "nmod:poss" or (c.dep_ in ("amod", "compound") and (
               c.pos_ in ("PROPN", "NOUN") or (c.pos_ == "ADJ" and c.text[:1].isupper())))]
    # "the shelling of Donetsk by Ukrainian forces": an act done to someone names its doer first ("the
    # statement by the presidency", done to no one, is only mentioned)
    cases = {g.lower_: c for c in tok.children if c.dep_ == "nmod" and c.i > tok.i
             for g in c.children if g.dep_ == "case"}
    if "by" in cases and {"of", "on", "against"} & cases.keys():
        out.insert(0, cases["by"])
    if undergone(tok) is not None:
        agent = undergone_agent(tok)
        return ([agent] if agent is not None else []) + out
    head = tok.head
    if head.pos_ == "VERB" and (tok.dep_.split(":")[0] == "obl" or (
            tok.dep_ in OBJ_DEPS and set(lemma_keys(head)) & LIGHT_VERBS)):  # "cancelled" -> cancel
        subj = subject_of(head)
        if subj is not None:
            out.append(subj)
    elif head.pos_ == "ADJ" and tok.dep_.split(":")[0] == "obl" and any(c.dep_ == "cop" for c in head.children) and any(
            c.dep_ == "case" and c.lower_ == "in" for c in tok.children):
        # "the U.S. was swift in a rebuttal", "Britain was firm in its condemnation": the one so described acts
        # ("was angry at the attack" reacts to someone else's act)
        subj = subject_of(head)
        if subj is not None:
            out.append(subj)
    return out


def reported_clause(tok):
    """The clause holding `tok` that the verb above it may report: conjuncts and xcomps climbed
    ("said it would expand and deepen ties", "announced it agreed to withdraw")."""
    clause = tok
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause


def described(tok) -> bool:
    """'Moscow and Beijing, which have resisted taking a harder line': an act told in a relative clause with
    its own relative pronoun describes who the antecedent is; it is background, not the sentence's news.
    A clause the parse hung as relative without a pronoun is mostly a misread main verb, and what was
    done to the antecedent ("84 persons who were killed in police firing") is the news itself: both stay."""
    clause = reported_clause(tok) if tok is not None else None
    # the parse may hang such a clause as a complement of the main verb: its relative subject still shows it
    return clause is not None and clause.head.i != clause.i and any(
        c.lower_ in ("which", "who", "that") and c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" and c.i > c.sent.start
        for c in clause.children)  # "launched what appeared to be an assault": a free relative is the act itself


FUTURE = {"will", "would", "shall", "'ll", "wo"}  # "won't" splits as "wo" + "n't"


def has_aux(tok, words) -> bool:
    """Whether an auxiliary among `words` ("will", "might") hangs off the token."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def is_infinitive(tok) -> bool:
    """A 'to'-infinitive clause ("to warn", "to expand")."""
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children)


def is_passive(tok) -> bool:
    # a passive subject with no passive auxiliary beside an object of the verb's own is a misread active
    # clause: "border agents abused immigrants"
    deps = {c.dep_ for c in tok.children}
    return "aux:pass" in deps or ("nsubj:pass" in deps and not deps & {"obj", "dobj"}) or (
        tok.tag_ == "VBN" and tok.dep_ == "conj" and is_passive(tok.head))


def reduced_relative(tok) -> bool:
    """"soldiers killed in Ukraine": a participle modifying the noun it happened to. One with an object
    of its own is an active verb the parser hung off its subject ("The Islamic State group released 19
    Christians")."""
    return (tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in OBJ_DEPS for c in tok.children))


TIME_WORDS = calendar_words() | {"today", "yesterday", "tonight", "week", "month", "year", "morning", "evening",
                                 "night", "weekend"}


def is_date(tok) -> bool:
    """A date or time ("Wednesday", "Nov. 18", "January 17")."""
    return tok.ent_type_ in ("DATE", "TIME") or _month_or_day(tok) or (
        tok.like_num and any(_month_or_day(c) for c in tok.children))  # "Nov. 18" headed by its number


def _month_or_day(tok) -> bool:
    return tok.lower_.rstrip(".") in TIME_WORDS or tok.lemma_.lower() in TIME_WORDS  # "in recent weeks"


def is_time(tok) -> bool:
    """A temporal modifier ("France on Wednesday", "Russia this week", "on Nov. 2") is not an actor."""
    return tok.dep_ in ("nmod", "nmod:tmod", "obl", "obl:tmod", "nmod:npmod", "obl:npmod") and (
        is_date(tok))



def np_span(tok, mentions=()):
    """The noun phrase of an argument head: its subtree minus clauses, appositions, conjuncts and
    fronted adjuncts ("On Nov. 2, ..."), widened to whole actor mentions it cuts through."""
    keep = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in CUT_DEPS and c.dep_ not in ("conj", "case", "mark")
             and not (c.i < tok.i and c.dep_ in LEFT_ADJUNCTS) and not is_time(c)]
    while stack:
        c = stack.pop()
        keep.add(c.i)
        stack.extend(g for g in c.children if g.dep_ not in CUT_DEPS)
        if not stack:
            # "former Afghan president Hamid Karzai", "Gen. Ngo Xuan Lich": a name glued to its title, with
            # no comma between, is the same person, not an apposition
            stack = [a for a in tok.rights if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i not in keep
                     and a.left_edge.i == max(keep) + 1 and not a.left_edge.is_punct and not is_date(a)][:1]
    lo, hi = min(keep), max(keep)
    # never start across a comma: "On Nov. 2, US Secretary of State ..." starts after it
    for i in range(tok.i - 1, lo - 1, -1):
        if tok.doc[i].text in (",", ";", ":", "(") :
            lo = i + 1
            break
    # "Sierra Leone Tuesday", "Pakistan today": a date the parser glued to the phrase is not the actor's
    while hi > tok.i and (is_date(tok.doc[hi]) or tok.doc[hi].dep_ in ("case", "cc") or tok.doc[hi].text in ",;:"):
        hi -= 1  # and what the date leaves dangling: "near Samarra on (Sunday)"
    while lo < tok.i and is_date(tok.doc[lo]):
        lo += 1
    span = tok.doc[lo:hi + 1]
    for m in mentions:
        if m.start < span.end_char and span.start_char < m.end:
            widened = tok.doc.char_span(min(m.start, span.start_char), max(m.end, span.end_char),
                                        alignment_mode="expand")
            if widened is not None:
                span = widened
    return span


# verbs of contact whose object shares the act of the purpose clause: "called Lavrov to discuss Syria",
# "met Assad to discuss efforts", "summoned the ambassador to complain"
CONTACT = {"call", "phone", "telephone", "ring", "meet", "visit", "host", "receive", "summon"}


def contact_of(tok):
    """The contact verb ("called X") whose purpose infinitive the token is, when it has an object, or None:
    its subject and object are the two sides of the act ("called X to discuss": the caller discusses with X)."""
    if tok.dep_ not in ("xcomp", "advcl") or not is_infinitive(tok) or tok.head.i == tok.i:
        return None
    gov = tok.head
    if not set(lemma_keys(gov)) & CONTACT or any(c.dep_ == "compound:prt" for c in gov.children):
        return None  # "called off", "called up": other verbs
    return gov if any(c.dep_ in OBJ_DEPS for c in gov.children) else None
