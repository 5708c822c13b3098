"""quotes: who said what — direct, indirect and mixed quotes with speaker, cue and reporting source.

Entry point: `find_quotes(doc, sdoc, speech_verbs) -> list[Quote]`; `attribute(doc)` links events stated
inside a quote to it and gives first-person sources ("we agreed") the speaker's actor. Quotation marks are
found in marks.py, cues and their contents over the parse in cues.py (word lists in data/cues.yaml);
this module joins them (docs/quotes.md).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..document import Actor, Document, Quote, Span
from ..events.match import lemma_keys
from ..parse import sents
from .cues import Cue, CueTable, find_cues, framing_cue, nearby_cue, speaker_of
from .marks import quote_spans
from .merge import WORD, merge_duplicates
from .speakers import _after, _before

MARKS = set("\"“”«»„'")  # the apostrophe for ''...'' quotes
FIRST_PERSON = {"we", "i", "us", "our"}
REPORTERS = {"report", "quote", "cite"}
NESTED_DROP = {"object", "infinitive", "prepositional", "that", "nominal", "predicate", "adjective", "passive"}


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


def _kind(text: str, lo: int, hi: int, inner: list[tuple[int, int]]) -> str:
    """direct when nothing but quoted words (and a leading "that") is in the content, mixed when some are."""
    if not inner:
        return "indirect"
    rest, at = [], lo
    for a, b in sorted(inner):
        rest.append(text[at:a])
        at = max(at, b)
    rest.append(text[at:hi])
    words = [w for w in WORD.findall(" ".join(rest).lower()) if w != "that"]
    return "mixed" if words else "direct"


def _strip_marks(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo] in MARKS or text[lo].isspace()):
        lo += 1
    while hi > lo and (text[hi - 1] in MARKS or text[hi - 1].isspace()):
        hi -= 1
    return lo, hi


def _is_quotation(sdoc, text: str, lo: int, hi: int) -> bool:
    """Scare quotes and quoted phrases ("staged") are not quotations: a quotation has a verb or length."""
    inside = sdoc.char_span(lo, hi, alignment_mode="expand")
    has_verb = inside is not None and any(t.pos_ in ("VERB", "AUX") for t in inside)
    return has_verb or len(text[lo:hi].split()) >= 10


def _continues(prev: dict, a: int, text: str, starts: list[int]) -> bool:
    """A quote at `a` goes on with the direct quote `prev` when only prev's cue clause stands between
    them, in the same paragraph ('"...," he said. "..."')."""
    cue = prev["cue"]
    if cue is None or prev["kind"] == "indirect" or "\n" in text[prev["hi"]:a]:
        return False
    if not prev["hi"] - 1 <= cue.token.idx < a:
        return not text[prev["hi"]:a].strip(" ,.;:")
    return bisect_right(starts, a) - bisect_right(starts, cue.token.idx) <= 1


def _runs_on(found: list[dict], a: int, b: int, text: str, starts: list[int]) -> dict | None:
    """An indirect content that a quotation carries on in the same sentence ('X told us that he backs
    her because "..."'): the quotation is the rest of what X said, not a second quote."""
    prev = max((f for f in found if f["hi"] <= a and f["cue"] is not None), key=lambda f: f["hi"], default=None)
    if prev is None or bisect_right(starts, prev["lo"]) != bisect_right(starts, a):
        return None
    gap = text[prev["hi"]:a]
    if "\n" in gap or len(WORD.findall(gap)) > 12 or prev["cue"].token.idx > prev["lo"]:
        return None
    return prev


def _outside_quotes(f: dict, marks) -> object | None:
    """A cue outside a quotation is not spoken by a word inside one: '"...," the lawsuit says' where the
    parser took a noun of the quote for the subject; the noun phrase next to the cue instead."""
    spk, cue = f["speaker"], f["cue"]
    if spk is None or cue is None:
        return spk

    def quoted(tok) -> bool:
        return any(a <= tok.idx < b and not a <= cue.token.idx < b for a, b in marks)

    if not quoted(spk):
        return spk
    # '"...," said Sen. X' where both the parse and the words before the cue are inside the quotation
    return next((o for o in (_before(cue.token), _after(cue.token)) if o is not None and not quoted(o)), None)


def _nested(cue: Cue, cues: list[Cue]) -> bool:
    """The cue word lies inside the content of another cue."""
    return any(o is not cue and o.content[0] <= cue.token.idx < o.content[1] for o in cues)


def _split_coordinated(cues: list[Cue], text: str) -> None:
    """'X suggested Y be fired and defended Z': a content running on into a cue coordinated with its own
    cue ends where that cue's conjunct begins; each verb reports its own words."""
    for c in cues:
        lo, hi = c.content
        for o in cues:
            t = o.token
            if o is c or t.dep_ != "conj" or t.head.i != c.token.i or not (c.token.idx < lo < t.idx < hi):
                continue
            cut = min(x.idx for x in t.subtree if x.i > c.token.i)
            while cut > lo and (text[cut - 1].isspace() or text[cut - 1] in ",;"):
                cut -= 1
            if cut > lo:
                hi = min(hi, cut)
        c.content = (lo, hi)


BREAKS = {",", ";", "—", "--", "–"}
# inner cues whose own content is seldom a separate PolNeAR attribution (or whose span is a guess:
# the rest of the sentence) do not cut the content they sit in (train F1 fell with them)
NO_SPLIT = {"infinitive", "rest", "nominal"}


def _split_inner(cues: list[Cue], text: str) -> None:
    """'X asked for a lighter sentence, calling the break-ins an addiction': a content that runs on past a
    comma into a clause whose head is a cue with its own words after it ends at that comma; the inner
    cue reports the rest itself (instead of one quote holding two attributions, of which the one-to-one
    scoring can credit only one)."""
    for c in cues:
        if c.frame == "according":  # "according to" credits the whole sentence around it
            continue
        lo, hi = c.content
        for o in cues:
            t = o.token
            if o is c or o.frame in NO_SPLIT or not lo < t.idx < hi or o.content[0] < t.idx:
                continue
            first = min((x for x in t.subtree if not x.is_punct), key=lambda x: x.i, default=t)
            prev = t.doc[first.i - 1] if first.i > 0 else None
            if first.idx <= lo or prev is None or prev.text not in BREAKS:
                continue
            cut = prev.idx
            while cut > lo and text[cut - 1].isspace():
                cut -= 1
            if cut > lo:
                hi = min(hi, cut)
        c.content = (lo, hi)


def find_quotes(doc: Document, sdoc, speech_verbs: set[str] | frozenset = frozenset(),
                table: CueTable | None = None) -> list[Quote]:
    table = table or CueTable.load()
    text = doc.text
    sentences = sents(sdoc)
    starts = [s.start_char for s in sentences]
    marks = quote_spans(text)
    # attributions nested inside a quotation ("I think ...") are the speaker's words, not ours to report
    cues = [c for c in find_cues(sentences, table) if not any(a < c.token.idx < b for a, b in marks)]
    _split_coordinated(cues, text)
    _split_inner(cues, text)
    # a stance cue inside another attribution's content ("X said Y supports Z": "supports") is part of
    # what X said; PolNeAR rarely annotates those (stance and belief words), speech cues there it often does
    cues = sorted((c for c in cues if not ((c.frame in NESTED_DROP or set(lemma_keys(c.token)) & table.belief)
                                           and _nested(c, cues))),
                  key=lambda c: c.content[1] - c.content[0])
    claimed: set[int] = set()
    found: list[dict] = []
    for cue in cues:
        lo, hi = cue.content
        at = cue.token.idx
        inner = [k for k, (a, b) in enumerate(marks)
                 if a < hi and lo < b and not (a <= at < b) and k not in claimed]
        claimed.update(inner)
        own = [marks[k] for k in inner]
        if own:
            lo, hi = min(lo, *(a for a, _ in own)), max(hi, *(b for _, b in own))
        inside = [(a, b) for a, b in marks if lo <= a and b <= hi]
        found.append({"cue": cue, "lo": lo, "hi": hi, "kind": _kind(text, lo, hi, inside), "speaker": cue.speaker})
    by_cue = {f["cue"].token.i: f for f in found}
    for k, (a, b) in enumerate(marks):
        if k in claimed or not _is_quotation(sdoc, text, a, b):
            continue
        # the last direct quote before: an indirect cue in its cue clause ('"...," X said, referring to
        # Y. "..."') does not end the split quote
        prev = max((f for f in found if f["hi"] <= a and f["kind"] != "indirect"), key=lambda f: f["hi"], default=None)
        if prev is not None and _continues(prev, a, text, starts):
            prev["hi"] = b  # the second half of a split quote: '"...," he said. "..."'
            continue
        runs = _runs_on(found, a, b, text, starts)
        if runs is not None:
            runs.update(hi=b, kind=_kind(text, runs["lo"], b, [(x, y) for x, y in marks if runs["lo"] <= x and y <= b]))
            continue
        tok = nearby_cue(sdoc, a, b, marks, table.clause | frozenset(speech_verbs))
        if tok is not None and tok.i in by_cue:
            f = by_cue[tok.i]  # '"...," Graham told CBS News': the quote, not the object, is what was told
            f.update(lo=a, hi=b, kind="direct")
        elif tok is not None:
            cue = Cue(tok, "near", (a, b), speaker_of(tok))
            by_cue[tok.i] = {"cue": cue, "lo": a, "hi": b, "kind": "direct", "speaker": cue.speaker}
            found.append(by_cue[tok.i])
        elif (framed := framing_cue(sdoc, a, b, marks, table.clause | frozenset(speech_verbs))) is not None:
            cue = Cue(framed[0], "frame", (a, b), framed[1])
            found.append({"cue": cue, "lo": a, "hi": b, "kind": "direct", "speaker": cue.speaker})
        else:
            # a quote standing alone goes on from the last named speaker before it
            last = max((f for f in found if f["hi"] <= a and f["speaker"] is not None), key=lambda f: f["hi"],
                       default=None)
            found.append({"cue": None, "lo": a, "hi": b, "kind": "direct", "speaker": None, "prev": last})
    for f in found:
        f["speaker"] = _outside_quotes(f, marks)
    quotes: list[Quote] = []
    for f in sorted(found, key=lambda f: (f["lo"], f["hi"])):
        lo, hi = _strip_marks(text, f["lo"], f["hi"]) if f["kind"] == "direct" else (f["lo"], f["hi"])
        cue = f["cue"]
        speaker = _speaker_actor(f["speaker"], doc.mentions) if f["speaker"] is not None else None
        if speaker is None and f.get("prev") is not None and f["prev"]["speaker"] is not None:
            speaker = _speaker_actor(f["prev"]["speaker"], doc.mentions)
        sent = max(bisect_right(starts, lo) - 1, 0)
        quotes.append(Quote(speaker=speaker, cue=Span(cue.token.text, cue.token.idx, cue.token.idx + len(cue.token))
                            if cue is not None else None, content=Span(text[lo:hi], lo, hi), kind=f["kind"],
                            sentence=sent, reported_by=None))
        f["quote"] = quotes[-1]
    _reporters(found, table, sentences)
    return merge_duplicates(quotes, text)


def _reporters(found: list[dict], table: CueTable, sentences) -> None:
    """reported_by: the source of a reporting cue ("CCTV reported", "according to reports") whose content
    holds the quote's cue."""
    def reports(f) -> bool:
        return f["cue"] is not None and bool(set(lemma_keys(f["cue"].token)) & table.reporting)

    reporting = [f for f in found if reports(f) and f["quote"].speaker is not None]
    for f in found:
        q = f["quote"]
        at = q.cue.start if q.cue is not None else q.content.start
        for r in reporting:
            if r is not f and r["lo"] <= at < r["hi"]:
                q.reported_by = r["quote"].speaker.text
                break
        if q.reported_by is None and q.cue is not None and not reports(f):
            q.reported_by = _reported_by(sentences[q.sentence], (f["lo"], f["hi"]))


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
