"""Who speaks for the police in a riot or crime report (events/police.py).

Such reports quote the police all the time ("..., superintendent of police b l soni said.", "police
officials said the mob ...", "according to police sources"), then go on with the officer's name or a
pronoun ("mr singh said", "they added"). In lower-cased copy the parser seldom makes the title the
subject of the verb of saying, so the words beside the verb decide. Whom a pronoun stands for is the
resolver's coreference (actors/coref.py), which takes the police without a country.
"""
from __future__ import annotations

from ..document import Actor, Document, Event
from .match import lemma_keys
from .police_tables import law as _law, tables

NAME_TAGS = {"NNP", "NNPS", "NN", "FW", "XX"}  # lower-cased names come out as common nouns or foreign words
RANKS = {"dgp", "adgp", "igp", "ig", "dig", "ssp", "dsp", "acp", "dcp", "sho", "psi", "asi"}  # police ranks only
TITLES = {"commissioner", "superintendent", "inspector", "constable", "chief", "officer", "director", "general"}


def _punct(tok) -> bool:
    """Punctuation, quotes included, also when the copy's encoding mangled them ("â€™")."""
    return tok.is_punct or tok.is_quote or not any(c.isascii() and c.isalnum() for c in tok.text)


def attribution(tok) -> bool:
    """'..., police said.', 'according to police, ...': the reporter's source for what the sentence tells,
    no news of its own when the sentence names who did what it tells."""
    if tok.lower_ == "according":
        return True
    j = tok.i - 1  # back over the speaker ("..., thai police here said"): a comma or quote before it
    while j >= tok.sent.start and (not _punct(tok.doc[j]) or tok.doc[j].text in "()."):
        j -= 1
    return j >= tok.sent.start


def spoken(coder, doc: Document, sent_index: int, sent, words, saying: set, confidence: float,
           reported: bool) -> list[Event]:
    """A police statement (010) when a police speaker stands right before a finite verb of saying ("police
    officials said the mob ..."), or, where the sentence names no other doer (`reported`), right after
    one that follows a comma or quote ("..., said a police officer") or after "according to".
    `words`: (span, actor, bare) of the police words in the sentence (police._police_words); an officer
    named with a police title earlier in the article speaks for the police under the name alone."""
    police = {i: actor for span, actor, _ in words for i in range(span.start, span.end)}
    names = officers(doc, sent)
    for tok in sent:
        according = tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to"
        if not according and (tok.tag_ not in ("VBD", "VBZ", "VBP") or not set(lemma_keys(tok)) & saying
                              or coder._negated(tok)):  # finite: "a constable posted there" says nothing
            continue
        inverted = attribution(tok)
        if inverted and not reported:
            continue
        for step in ((1,) if according else (-1, 1) if inverted else (-1,)):
            j = tok.i + step * (1 + according)  # past the "to" of "according to"
            while sent.start <= j < sent.end and abs(j - tok.i) <= 8:
                w = sent.doc[j]
                actor = police.get(j) or names.get(w.lower_)
                if actor is not None:
                    if j not in police:
                        actor = Actor(text=w.text, start=w.idx, end=w.idx + len(w), code=actor.code,
                                      country=actor.country, sector=actor.sector, name=actor.name, kind="coref")
                    return coder._fixed(doc, sent_index, tok, "010", f"police:010:{tok.lemma_.lower()}",
                                        [(actor, None)], confidence)
                # before the verb any verb ends the speaker; after it only a finite one ("said
                # darjeeling police superintendent ...": the parser takes the town for a verb)
                stop = w.pos_ in ("VERB", "AUX") if step < 0 or according else w.tag_ in ("VBD", "VBZ", "VBP", "MD")
                if stop or w.pos_ in ("SCONJ", "PRON") or (_punct(w) and w.text not in "()."):
                    break
                j += step
    return []


def officers(doc: Document, sent) -> dict:
    """{surname: police actor} for the officers the article names after a police title before this
    sentence ("police commissioner m.n. singh" ... "mr singh said"): the title a police mention, or a police
    rank the resolver left alone ("director general of police v v bhaskar", "ssp r k rao")."""
    out = {}
    for m in doc.mentions:
        if m.start >= sent.start_char or not _law(m):
            continue
        span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
        last = _name_after(sent.doc, span.end) if span is not None else None
        if last is not None:
            out[last.lower_] = m
    for tok in sent.doc[:sent.start]:
        rank = tok.lower_ in RANKS or tok.lower_ in TITLES and any(  # "police commissioner", "ig (police)"
            w.lower_ == "police" for w in sent.doc[max(0, tok.i - 3):tok.i]) or (
            tok.lower_ == "police" and tok.i > 0 and sent.doc[tok.i - 1].lower_ == "of")  # "director general of police"
        last = _name_after(sent.doc, tok.i + 1) if rank else None
        if last is not None and last.lower_ not in out:
            out[last.lower_] = Actor(text=tok.text, start=tok.idx, end=tok.idx + len(tok), code="COP", sector="COP",
                                     kind="agent")
    return out


def _name_after(sdoc, start: int):
    """The surname in the name right after a title ending before token `start`, or None."""
    name = []
    for tok in sdoc[start:start + 5]:
        if tok.is_space:
            continue  # a title that ends one paragraph, the name that begins the next
        if tok.is_alpha and len(tok) == 1:
            name.append(tok)  # an initial, whatever the tagger made of it ("s k rao": "s" as a possessive)
            continue
        if name and tok.is_alpha and not tok.is_stop and all(len(t) == 1 for t in name):
            name.append(tok)  # the word after initials is the surname, whatever the tagger made of it
            break
        if tok.text != "." and (tok.tag_ not in NAME_TAGS and tok.pos_ not in ("PROPN", "X") or _punct(tok)):
            break  # initials may come apart at their dots: "m.n. singh"
        if tok.lower_ in tables().units or tok.lower_ in tables().places or tok.lower_ in tables().modifiers:
            break  # "police officials", "police station": more title, or a place, no name
        name.append(tok)
    return next((t for t in reversed(name) if t.is_alpha and len(t) > 2), None)


def reported_by(pron) -> bool:
    """'the spokesman said they ...': a pronoun in a clause under someone else's verb is theirs to refer."""
    head = pron.head
    while head.i != head.head.i and pron.i not in (head.i,):
        head = head.head
        if any(c.dep_.startswith("nsubj") and c.i != pron.i for c in head.children):
            return True
    return False
