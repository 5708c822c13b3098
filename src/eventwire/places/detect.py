"""Find toponym spans in a parsed document: NER location entities plus gazetteer names written as proper nouns.

A name used as an actor ("Washington warned", "Beijing was accused by Moscow") is left to the actors
stage, as are demonyms and adjectives ("Chinese"): they never reach the gazetteer.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .gazetteer import Gazetteer

NOT_PLACES = {w.strip() for w in (Path(__file__).with_name("data") / "not_places.txt").read_text(
    encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
CONNECTORS = {"of", "de", "la", "le", "du", "del", "da", "upon", "on", "-", "am", "el", "al", "the", "and"}
SUBJECTS = {"nsubj", "nsubj:pass", "csubj", "nsubjpass"}  # UD labels (our parser), and spaCy's English ones
# a capitalised one of these after a name makes a longer name ("Sunshine Coast", "Xavier University")
NAME_HEADS = {"coast", "valley", "river", "lake", "mountains", "mountain", "island", "islands", "sea", "ocean",
              "bay", "peninsula", "strait", "gulf", "park", "street", "avenue", "road", "square", "bridge",
              "airport", "station", "hospital", "university", "college", "school", "stadium", "church", "hall",
              "center", "centre", "plains", "heights", "falls", "beach", "harbour", "harbor", "canyon", "desert"}
REGION_WORDS = {"state", "province", "region", "governorate", "oblast", "county", "district", "territory"}


@dataclass
class Toponym:
    start: int  # token offsets in the spaCy doc
    end: int
    text: str
    from_ner: bool
    region: bool = False  # followed by "state", "province", ...: the region, not its namesake city


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper()


def _strip(sdoc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive, which NER spans sometimes include."""
    if end - start > 1 and sdoc[start].lower_ == "the":
        start += 1
    if end - start > 1 and (sdoc[end - 1].tag_ == "POS" or sdoc[end - 1].text in ("'s", "’s")):
        end -= 1
    return start, end


def actor_use(span) -> bool:
    """The name acts ("Washington warned", "criticised by Moscow"): an actor, not a place."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "The U.S. and the UK condemned"
        root = root.head
    if root.dep_ in SUBJECTS and root.head.pos_ in ("VERB", "AUX"):
        return True
    # the agent of a passive: "criticised by Moscow"
    return (root.dep_ in ("obl", "obl:agent") and any(c.dep_ == "case" and c.lower_ == "by" for c in root.children)
            and any(c.dep_ in ("aux:pass", "nsubj:pass") for c in root.head.children))


def _inside_longer_name(sdoc, s: int, e: int) -> bool:
    """"Middle East", "Sunshine Coast": a gazetteer name that is only part of a longer proper name."""
    prev = sdoc[s - 1] if s > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and _capitalised(prev) and not prev.is_sent_start:
        return True
    nxt = sdoc[e] if e < len(sdoc) else None
    return nxt is not None and _capitalised(nxt) and nxt.lower_ in NAME_HEADS


def find_toponyms(sdoc, gaz: Gazetteer, keep_unknown: bool = False) -> list[Toponym]:
    taken = [False] * len(sdoc)
    # names inside a person or organisation ("Washington Post", "George Washington") are not places,
    # unless the whole entity is a place name the NER mislabelled ("Kyiv" as ORG)
    for ent in sdoc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            s, e = _strip(sdoc, ent.start, ent.end)
            if sdoc[s:e].text not in gaz:
                for i in range(ent.start, ent.end):
                    taken[i] = True
    found: list[Toponym] = []

    def add(s: int, e: int, from_ner: bool) -> None:
        span = sdoc[s:e]
        # "LONDON, Ky. (AP) -": a name followed by its state or country is a place, whatever the parse says
        dateline = e + 1 < len(sdoc) and sdoc[e].text == "," and _capitalised(sdoc[e + 1])
        if span.text in NOT_PLACES or (not dateline and actor_use(span)):
            return
        region = e < len(sdoc) and sdoc[e].lower_ in REGION_WORDS
        found.append(Toponym(s, e, span.text, from_ner, region))

    for ent in sdoc.ents:
        if ent.label_ != "LOC" or any(taken[ent.start:ent.end]):
            continue
        s, e = _strip(sdoc, ent.start, ent.end)
        for i in range(ent.start, ent.end):  # a location the gazetteer lacks is not searched for shorter names
            taken[i] = True
        if sdoc[s:e].text in gaz or keep_unknown:
            add(s, e, True)
    i = 0
    while i < len(sdoc):
        tok = sdoc[i]
        if taken[i] or not _capitalised(tok) or not gaz.starts_name(tok.text):
            i += 1
            continue
        for n in range(min(gaz.max_words + 2, len(sdoc) - i), 0, -1):
            span = sdoc[i:i + n]
            if any(taken[i:i + n]) or not _capitalised(span[-1]):
                continue
            if not all(_capitalised(t) or t.lower_ in CONNECTORS for t in span) or span.text not in gaz:
                continue
            # a single word must be a proper noun here (not "Police said", not a sentence-initial verb)
            if n == 1 and tok.pos_ != "PROPN" and not (tok.is_upper and len(tok) > 1):
                continue
            if _inside_longer_name(sdoc, i, i + n):
                continue
            for j in range(i, i + n):
                taken[j] = True
            add(i, i + n, False)
            i += n - 1
            break
        i += 1
    found.sort(key=lambda t: t.start)
    return found
