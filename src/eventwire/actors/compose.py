"""Composing resolved mentions into actors: an agent noun after a named body or another agent
("Red Cross officials", "rebel leaders"), a title or office before a name ("Chinese President Xi
Jinping", "Nigerian foreign minister Dubem Oniya"), and the rank words allowed between a country word
and its office ("the Nigerian deputy foreign minister")."""
from __future__ import annotations

from dataclasses import replace

from .context import HEAD_KINDS
from .coref import PERSON_KINDS, Found
from .kb import DATA, TRANSNATIONAL, load_yaml

NAMED_KINDS = {"institution", "organization"}  # "a State Department spokesman", "UN troops"


def filler(sdoc, start: int, end: int) -> bool:
    """Up to three lower-case words between a country word and its agent noun: a rank ("deputy", "junior")
    or a field ("leading human rights")."""
    return 0 < end - start <= 3 and all(t.is_alpha and t.is_lower and t.tag_ in ("NN", "NNS", "JJ", "VBG")
                                        for t in sdoc[start:end])


def widen(sdoc, found: list[Found]) -> list[Found]:
    """An agent noun right after a named body speaks for it ("Red Cross officials" NGOIRC), as does a
    generic institution after an international one ("African Union peacekeeping force", "UN police"); after
    another agent noun it is that one's kind ("rebel leaders" REB, "Afghan rebel leaders" AFGREB);
    before a known body or person it only describes them ("the rebel Kurdistan Workers' Party")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and f.kind in HEAD_KINDS and not f.country and prev.end == f.start and (
                (prev.kind in NAMED_KINDS and prev.country and (f.kind == "agent" or prev.country in TRANSNATIONAL))
                or (prev.kind == "agent" and sdoc[prev.end - 1].head.i in range(f.start, f.end)))):
            out[-1] = replace(prev, end=f.end)
            continue
        if (prev is not None and f.kind == "institution" and not f.country and prev.end == f.start
                and prev.kind in NAMED_KINDS and prev.country):
            out.append(replace(f, start=prev.start, country=prev.country, resolved=True))  # "Hamas police": PSECOP
            out.pop(-2)
            continue
        if (prev is not None and prev.kind == "organization" and f.kind == "organization" and prev.end == f.start
                and f.sector == "BUS" and sdoc[prev.end - 1].head.i >= f.start):
            out[-1] = replace(prev, end=f.end)  # "a Malaysia Airlines Boeing": the maker's product, the owner's act
            continue
        if (prev is not None and prev.kind == "agent" and not prev.country and prev.end == f.start
                and f.kind in ("organization", "person") and f.country
                and (f.start <= sdoc[prev.end - 1].head.i < f.end  # the parse may split "the rebel | PKK"
                     or (prev.start > 0 and sdoc[prev.start - 1].pos_ == "DET"))):
            out[-1] = replace(f, start=prev.start)  # "the rebel Kurdistan Workers' Party": a description
            continue
        out.append(f)
    return out


OFFICE_OF = {"country", "organization"}  # "President of Ukraine", "Secretary-General of NATO"


def offices_of(found: list[Found], words: list[str]) -> list[Found]:
    """'Prime Minister of Latvia and President of Chile': a title followed by "of" and a state or body
    is that state's (body's) office, one actor per title, so a list of offices stays a list of actors.
    `words`: the lower-cased token texts."""
    out: list[Found] = []
    skip: set[int] = set()
    for n, f in enumerate(found):
        if n in skip:
            continue
        if f.kind == "title" and not f.country and f.end < len(words) and words[f.end] == "of":
            at = f.end + 1 + (f.end + 1 < len(words) and words[f.end + 1] == "the")
            g = next((g for g in found[n + 1:n + 2] if g.start == at and g.kind in OFFICE_OF and g.country), None)
            if g is not None:
                skip.add(n + 1)
                body = g.kind == "organization"
                start = f.start - 2 if f.start >= 2 and words[f.start - 1] == "-" else f.start  # "Secretary-General"
                out.append(replace(f, start=start, end=g.end, country=g.country, code=g.code if body else None,
                                   sector=g.sector if body else f.sector, resolved=True))
                continue
        out.append(f)
    return out


def attach_titles(sdoc, found: list[Found]) -> list[Found]:
    """'Chinese President Xi Jinping': adjective + title + name make one person; 'the Iraqi
    President' with no name is still the Iraqi government; a bare title is dropped."""
    found = offices_of(found, [t.lower_ for t in sdoc])
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        adjacent = prev is not None and prev.end == f.start
        if adjacent and f.kind == "title" and prev.kind in ("adjective", "country"):
            out[-1] = replace(f, start=prev.start, country=prev.country)
            continue
        if adjacent and f.kind == "title" and prev.kind == "organization" and prev.code:
            # "Arab League Secretary-General": the body's office holder speaks for the body
            out[-1] = replace(f, start=prev.start, country=prev.country, sector=prev.sector, code=prev.code)
            continue
        if adjacent and f.kind in ("person", "ner_person") and prev.kind in ("title", "adjective", "country"):
            out[-1] = replace(f, start=prev.start, sector=f.sector or prev.sector,
                              country=f.country or prev.country, code=f.code if f.country else prev.code)
            continue
        if (adjacent and f.kind == "ner_person" and prev.kind in ("agent", "organization") and prev.country
                and sdoc[prev.end - 1].tag_ == "NN"):  # "Nigerian foreign minister Dubem Oniya": his office
            out[-1] = replace(f, start=prev.start, sector=f.sector or prev.sector, code=prev.code,
                              country=f.country or prev.country, resolved=True)
            continue
        out.append(f)
    return [replace(f, kind="agent") if f.kind == "title" else f
            for f in out if f.kind != "title" or f.country]


RELATIONAL = frozenset(load_yaml(DATA / "relational.yaml")["nouns"])
OWNER_PRONOUNS = {"its", "their"}  # "his allies" are a person's, mostly his compatriots
COUNTRY_WORDS = {"adjective", "country", "demonym", "nickname"}
BODY_KINDS = {"organization", "institution", "ner_org"}
NAMES = {"country", "organization", "person", "ner_person", "ner_org"}


def _between(tok) -> bool:
    """A word a relational noun may carry after the possessive: "militia", "Syrian", "closest", "trading"."""
    return tok.is_alpha and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and tok.dep_ in ("amod", "compound")


def relational(sdoc, found: list[Found], sectors: dict[str, str]) -> list[Found]:
    """'Syria's militia allies', 'its neighbours', 'China's partners': the possessor of a relational noun is
    the other end of the relation, so the mention takes no country from it; its own words still count
    (a country word or a sector noun between), and a name right after it is the actor ("Russia's ally
    Belarus"). `sectors`: agent noun -> sector, for sector words the resolver took as modifiers."""
    at = {i: f for f in found for i in range(f.start, f.end)}
    drop: set[int] = set()
    new: list[Found] = []
    for tok in sdoc:
        if tok.lower_ not in RELATIONAL or tok.i in at or tok.pos_ not in ("NOUN", "PROPN") \
                or tok.dep_ in ("compound", "amod"):
            continue
        j = tok.i - 1
        while j >= 0 and tok.i - j <= 3 and _between(sdoc[j]) and (j not in at or at[j].kind not in PERSON_KINDS):
            j -= 1
        if j < 0:
            continue
        owner = at.get(j - 1) if sdoc[j].tag_ == "POS" else None
        if not ((sdoc[j].tag_ == "PRP$" and sdoc[j].lower_ in OWNER_PRONOUNS)
                or (owner is not None and owner.kind not in PERSON_KINDS)):
            continue
        start = j if owner is None else j + 1  # a pronoun is taken in, so it lends no referent
        inner = [f for f in found if start <= f.start and f.end <= tok.i]
        if any(f.kind in BODY_KINDS for f in inner):
            continue  # "its EU partners": the named body is the actor, left as it stands
        named = at.get(tok.i + 1)
        if named is not None and named.start == tok.i + 1 and named.kind in NAMES and named.country:
            drop.update(id(f) for f in inner + [named])
            new.append(replace(named, start=start))  # "Russia's ally Belarus": the name is the actor
            continue
        # "Iran's Syrian allies" are Syrian; a people ("Kurdish") lives in several states
        country = next((f.country for f in inner if f.country and f.kind in COUNTRY_WORDS), None)
        sector = next((f.sector for f in inner if f.kind in ("agent", "institution") and f.sector), None) or next(
            (sectors[t.lower_] for t in sdoc[start:tok.i] if t.lower_ in sectors), None)
        if country is None and owner is None:
            country = _other_state(sdoc, tok, found, j)
        drop.update(id(f) for f in inner)
        new.append(Found(start, tok.i + 1, "agent", country, sector, None, tok.text, resolved=country is not None))
    if not new:
        return found
    return sorted([f for f in found if id(f) not in drop] + new, key=lambda f: (f.start, f.end))


def _other_state(sdoc, tok, found: list[Found], j: int) -> str | None:
    """'Peru protested to Chile, accusing its neighbour of spying': one neighbour (rival,
    ally) owned by a pronoun, in a sentence whose subject is one state and which names one other before
    it, is that other state; plural nouns and a noun listed with a state ("Ethiopia and its allies") are
    groups, and an apposition names the actor itself."""
    if tok.tag_ != "NN" or tok.dep_ == "conj" or any(c.dep_ in ("appos", "conj") for c in tok.children):
        return None
    sent = tok.sent
    states = [f for f in found if sent.start <= f.start and f.end <= j and f.country
              and f.kind in ("country", "metonym", "nickname")]
    if len({f.country for f in states}) != 2:
        return None
    subjects = {f.country for f in states if sdoc[f.end - 1].dep_.startswith("nsubj")}
    return next(iter({f.country for f in states} - subjects)) if len(subjects) == 1 else None
