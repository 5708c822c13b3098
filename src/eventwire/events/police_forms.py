"""Police acts told by the form of a word rather than by a police subject (events/police.py calls these):
a participle before those it was done to ("the arrested workers"), a noun that names the act by itself
("following his arrest"), a hyphenated act the tokenizer splits ("lathi-charged")."""
from __future__ import annotations

from ..document import Event
from .match import direct_object, lemma_keys, subject_of
from .police_tables import CONFIDENCE, MODALS, acted_on, implied_police, tables

HELD_OTHERWISE = {"responsible", "captive", "hostage", "liable", "guilty", "up", "back", "accountable", "incommunicado"}

def participles(coder, doc, sent_index, sent, kept, mentions) -> list[Event]:
    """'the arrested workers were released', 'the detained leaders': an act told by its past participle
    before the noun of those it was done to has happened, done by the police the report leaves unsaid."""
    out: list[Event] = []
    for tok in sent:
        code = next((tables().participles[k] for k in lemma_keys(tok) if k in tables().participles), None)
        if (tok.dep_ != "amod" or tok.tag_ != "VBN" or code is None or code not in coder.lex.codes or feared(tok)
                or any(e.cameo.startswith(code) for e in kept + out)):
            continue
        targets = acted_on(coder, tok.head, mentions)
        out += coder._fixed(doc, sent_index, tok, code, f"police:{code}:{tok.lower_} {tok.head.lower_}",
                            [(implied_police(tok.idx), tgt) for tgt in targets or [None]], CONFIDENCE)
    return out


def named(coder, doc, sent_index, sent, mentions) -> list[Event]:
    """'the figure of arrests crossed 3,000', 'brought back following his arrest in dubai': an arrest a noun
    names, in a sentence that names no doer of anything else, has happened, by the police the report leaves
    unsaid; not when the words over it ask for it or fear it ("demanded the arrest of"), deny it, make it
    hypothetical or future ("we will effect arrests"), or when it only names a warrant ("arrest warrant")."""
    t = tables()
    for tok in sent:
        code = next((t.named[k] for k in lemma_keys(tok) if k in t.named), None)
        if tok.pos_ != "NOUN" or tok.dep_ == "compound" or code is None or code not in coder.lex.codes:
            continue
        over = [c for c in tok.children if c.dep_ == "amod"]  # "to evade arrest" tagged as an adjective
        for h in tok.ancestors:
            over.append(h)
            if h.pos_ in ("VERB", "AUX"):
                break
        if (any(k in t.asking for h in over for k in lemma_keys(h)) or coder._negated(tok)
                or coder._hypothetical(tok, sent.text)
                or any(c.lower_ in MODALS and c.dep_.startswith("aux") for h in over for c in h.children)):
            continue
        of = next((c for c in tok.children if c.dep_.startswith("nmod") and any(
            g.dep_ == "case" and g.lower_ == "of" for g in c.children)), None)
        targets = acted_on(coder, of, mentions) if of is not None else []
        return coder._fixed(doc, sent_index, tok, code, f"police:{code}:{tok.lower_}",
                            [(implied_police(tok.idx), tgt) for tgt in targets or [None]], CONFIDENCE)
    return []


def split_compounds(coder, doc, sent_index, sent, kept, mentions, words) -> list[Event]:
    """'police lathi-charged the mob': the act the tokenizer split, in place of the coder's events on its
    second half; the doer is the police the subject names (`words`: _police_words), else the police implied."""
    t, out = tables(), list(kept)
    for tok in sent[2:]:
        first, dash = tok.nbor(-2), tok.nbor(-1)
        code = next((t.split[f"{first.lower_} {k}"] for k in lemma_keys(tok) if f"{first.lower_} {k}" in t.split), None)
        if dash.text != "-" or code is None or code not in coder.lex.codes or any(e.cameo == code for e in out):
            continue  # "resorted to lathi-charge" is coded already
        out = [e for e in out if not e.evidence.trigger.start <= tok.idx < e.evidence.trigger.end]
        subj = subject_of(tok) if tok.pos_ == "VERB" else None
        within = {w.i for w in subj.subtree} if subj is not None else set()
        sources = [a for span, a, _ in words if span.root.i in within]
        sources = sources or [a for a in coder._actors(subj, mentions) if a.code] or [implied_police(tok.idx)]
        targets = acted_on(coder, direct_object(tok), mentions)
        out += coder._fixed(doc, sent_index, tok, code, f"police:{code}:{first.lower_} {tok.lemma_.lower()}",
                            [(sources[0], tgt) for tgt in targets or [None]], CONFIDENCE)
    return out


def partner(coder, doc, sent_index, sent, span, source, mentions, kept=()) -> list[Event]:
    """'the mob clashed with the police', 'a clash between police and strikers', 'a police-mob clash': the
    police as the other side of a clash fight too; 'a complaint was lodged with the police', 'the fir filed at
    the town police station': what is lodged with the police opens their inquiry (091). A clash is coded so
    only where the sentence's events (`kept`) leave it out, as under a killing it explains."""
    t, word = tables(), span.root
    place = word.dep_ == "compound" and word.head.lower_ in t.places  # "with the kotwali police station"
    phrase = word.head if place else word
    while phrase.dep_ == "conj" and phrase.head.i != phrase.i:  # "between the strikers and police"
        phrase = phrase.head
    cases = {c.lower_ for c in phrase.children if c.dep_ == "case"}
    gov = phrase.head
    if not cases & {"with", "between", "at", "in"} or gov.i == phrase.i:
        gov = None
    if not place and span.end + 2 < sent.end and sent.doc[span.end].text == "-":
        gov = sent.doc[span.end + 2]  # "police-vhp clash": the tokenizer split the compound at its hyphen
    code = next((t.partner[k] for k in lemma_keys(gov) if k in t.partner), None) if gov is not None else None
    if code is None or code not in coder.lex.codes or coder._negated(gov) or coder._hypothetical(gov, sent.text):
        return []
    if code != "091" and any(e.evidence.trigger.start <= gov.idx < e.evidence.trigger.end for e in kept):
        return []  # the clash is coded already, the police as its target: one event for one clash
    if code == "091":
        told = [c for c in gov.children if c.dep_ in ("obj", "nsubj:pass", "compound")]  # "the fir lodged" as a noun
        told += [gov.head] if gov.dep_.startswith("acl") else []
        if not any(k in t.filed for c in told for k in lemma_keys(c)):
            return []  # "filed a petition with the court", "registered with the police" say no crime
    elif "at" in cases or "in" in cases:
        return []  # a clash "at the police station" was not the police's
    return coder._fixed(doc, sent_index, gov, code, f"police:{code}:{gov.lemma_.lower()} with police",
                        [(source, None)], CONFIDENCE)


def held(coder, doc, sent_index, sent, kept, mentions) -> list[Event]:
    """'50 persons were held', 'two youths have been held': people held (passive, no "responsible",
    "captive" or "hostage" after it) are arrested, by the police the report leaves unsaid."""
    t = tables()
    if "173" not in coder.lex.codes or any(e.cameo.startswith("173") for e in kept):
        return []
    for tok in sent:
        if tok.lemma_.lower() != "hold" or tok.tag_ != "VBN" or not any(c.dep_ == "aux:pass" for c in tok.children):
            continue
        who = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
        if (who is None or not any(k in t.held for k in lemma_keys(who))
                or any(c.dep_ in ("xcomp", "obj", "compound:prt", "ccomp") or c.lower_ in HELD_OTHERWISE
                       for c in tok.children)
                or any(c.lower_ in MODALS and c.dep_.startswith("aux") for c in tok.children)
                or coder._negated(tok) or coder._hypothetical(tok, sent.text)):
            continue
        targets = acted_on(coder, who, mentions)
        return coder._fixed(doc, sent_index, tok, "173", f"police:173:held {who.lower_}",
                            [(implied_police(tok.idx), tgt) for tgt in targets or [None]], CONFIDENCE)
    return []


def feared(tok) -> bool:
    """'apprehended a threat to his life', 'the apprehended backlash': "apprehend" in its sense of fearing
    what it names, no arrest (data/police.yaml `feared`)."""
    if tok is None or tok.lemma_.lower() not in ("apprehend", "apprehended"):
        return False
    what = [tok.head] if tok.dep_ == "amod" else [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "ccomp")]
    what += [g for w in what for g in w.children if g.dep_ in ("compound", "amod")]
    return any(k in tables().feared for w in what for k in lemma_keys(w))
