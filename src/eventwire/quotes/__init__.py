"""quotes: who said what — direct, indirect and mixed quotes with speaker, cue and reporting source.

Entry point: `find_quotes(doc, sdoc, speech_verbs) -> list[Quote]`; `attribute(doc)` links events stated
inside a quote to it and gives first-person sources ("we agreed") the speaker's actor.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..document import Actor, Document, Quote, Span
from ..parse import sents

DIRECT = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|«([^»]{2,}?)»")
FIRST_PERSON = {"we", "i", "us", "our"}
REPORTERS = {"report", "quote", "cite"}


def _speaker_actor(tok, mentions) -> Actor | None:
    from ..events.match import np_span

    if tok is None:
        return None
    span = np_span(tok, mentions)
    inside = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char and m.code]
    at_head = [m for m in inside if m.start <= tok.idx < m.end]
    m = (at_head or inside or [None])[0]
    return Actor(text=span.text, start=span.start_char, end=span.end_char, code=m.code if m else None,
                 country=m.country if m else None, sector=m.sector if m else None,
                 name=m.name if m else None, kind=m.kind if m else "unresolved")


def _reported_by(sent, content: tuple[int, int]) -> str | None:
    """'state broadcaster CCTV reported', 'according to Xinhua'."""
    for tok in sent:
        if content[0] <= tok.idx < content[1]:
            continue
        if tok.lemma_.lower() in REPORTERS and tok.pos_ == "VERB":
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if subjects:  # "state broadcaster CCTV" may come out as two subjects
                return tok.doc[subjects[0].left_edge.i:subjects[-1].right_edge.i + 1].text
            start = tok.i  # no subject in the parse: the words back to the comma ("..., state broadcaster CCTV reported")
            while start > sent.start and tok.doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
                start -= 1
            if start < tok.i:
                return tok.doc[start:tok.i].text
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor().lower_ == "to":
            obj = tok.doc[tok.i + 2]
            end = obj
            while end.i + 1 < sent.end and (end.nbor().pos_ in ("PROPN", "NOUN") or end.nbor().text in ("-",)):
                end = end.nbor()
            return tok.doc[obj.i:end.i + 1].text
    return None


def find_quotes(doc: Document, sdoc, speech_verbs: set[str]) -> list[Quote]:
    from ..events.match import lemma_keys, subject_of

    quotes: list[Quote] = []
    spans = []
    for m in DIRECT.finditer(doc.text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        spans.append((m.start(g), m.end(g)))
    sentences = sents(sdoc)

    def cue_near(lo: int, hi: int):
        """A speech verb outside [lo, hi) in the sentences that hold the quote's ends (or the next one)."""
        for n, s in enumerate(sentences):
            if s.end_char < lo or s.start_char > hi:
                continue
            for cand in (s, sentences[n + 1] if n + 1 < len(sentences) else None):
                if cand is None:
                    continue
                for tok in cand:
                    if lo <= tok.idx < hi or any(a <= tok.idx < b for a, b in spans):
                        continue
                    if tok.pos_ in ("VERB", "AUX") and set(lemma_keys(tok)) & speech_verbs:
                        return n, tok
        return None, None

    for lo, hi in spans:
        n, cue = cue_near(lo, hi)
        inside = sdoc.char_span(lo, hi, alignment_mode="expand")
        has_verb = inside is not None and any(t.pos_ in ("VERB", "AUX") for t in inside)
        if not has_verb and len(doc.text[lo:hi].split()) < 10:
            continue  # scare quotes and phrases ("staged", "on the wrong side of history") are not quotations
        speaker = _speaker_actor(subject_of(cue), doc.mentions) if cue is not None else None
        sent_idx = next((i for i, s in enumerate(sentences) if s.start_char <= lo < s.end_char), 0)
        quotes.append(Quote(speaker=speaker, cue=Span(cue.text, cue.idx, cue.idx + len(cue)) if cue is not None else None,
                            content=Span(doc.text[lo:hi], lo, hi), kind="direct", sentence=sent_idx,
                            reported_by=_reported_by(sentences[n], (lo, hi)) if n is not None else None))
    # indirect speech: "Xi said Beijing was willing to ..." (a complement clause outside quote marks)
    for i, s in enumerate(sentences):
        for tok in s:
            if tok.pos_ != "VERB" or not set(lemma_keys(tok)) & speech_verbs:
                continue
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
            inner = [q for q in quotes if lo <= q.content.start < hi]
            if any(q.content.start - 2 <= lo < q.content.end for q in quotes):
                continue  # the clause is itself inside a direct quote
            if inner and sum(q.content.end - q.content.start for q in inner) >= 0.8 * (hi - lo):
                continue  # '"...," Xi said': the parser's complement is the direct quote itself
            for q in inner:
                quotes.remove(q)
            quotes.append(Quote(speaker=_speaker_actor(subject_of(tok), doc.mentions),
                                cue=Span(tok.text, tok.idx, tok.idx + len(tok)),
                                content=Span(doc.text[lo:hi], lo, hi), kind="mixed" if inner else "indirect",
                                sentence=i, reported_by=_reported_by(s, (lo, hi))))
    return sorted(quotes, key=lambda q: q.content.start)


def attribute(doc: Document) -> None:
    """Events inside a quote point to it; a first-person source becomes the quote's speaker."""
    for ev in doc.events:
        t = ev.evidence.trigger
        for n, q in enumerate(doc.quotes):
            if q.content.start <= t.start < q.content.end:
                ev.quote = n
                spk = q.speaker
                if spk is not None and spk.code and ev.source is not None and ev.source.text.lower() in FIRST_PERSON:
                    ev.source = replace(spk)
                break
