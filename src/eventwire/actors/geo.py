"""Places that stand for their country's actors: "Darfur rebels" (SDN), "the government of Sindh province"
(PAK), "the northern city of Kirkuk" (IRQ), and country names misspelt by one letter ("Afganistan").

Regions news names without their state are in countries.yaml (`regions`); other cities and provinces come
from the places stage's GeoNames gazetteer (read only). A name with namesakes in several states is taken
only when the article names one of those states or one namesake dwarfs the others ("Greenville" stays
unknown, "Kirkuk" is Iraqi)."""
from __future__ import annotations

from dataclasses import replace

from .context import head_of
from .coref import Found

PLACE_LABELS = {"GPE", "LOC"}
REGION_NOUNS = {"province", "region", "state", "district", "governorate", "prefecture", "county", "oblast",
                "city", "town", "village", "area"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "into", "on"}
PLACE_OF = {"city of", "town of", "village of", "province of", "region of", "district of", "capital of"}
FEATURES = {"ADM1", "ADM2", "PPL", "PPLC"}  # countries themselves are the knowledge base's
DOMINANCE = 20  # the largest namesake must be this many times the next one in another state
CONTEXT_RATIO = 10  # a namesake this many times smaller than the largest is not chosen by the story's states
MIN_FUZZY = 6  # misspelt country names: the word at least this long, so short names ("Mali"/"Bali") never swap


def gazetteer():
    """The places stage's gazetteer, loaded once per process on first need (not pickled with the resolver)."""
    from ..places.gazetteer import shared_gazetteer

    return shared_gazetteer()


def country_of_place(text: str, context: set[str] = frozenset()) -> str | None:
    """The state a city or province name lies in, when its namesakes leave no real doubt."""
    gaz = gazetteer()
    cands = [e for e in gaz.candidates(text) if e.feature in FEATURES and e.country]
    primary = [e for e in cands if gaz.is_primary(e, text)]
    cands = primary or cands  # "Paris" is Paris, not a town that lists it as an alternate name
    countries = {e.country for e in cands}
    if len(countries) <= 1:
        return next(iter(countries), None)
    cands.sort(key=lambda e: -e.population)
    top = cands[0]
    # a state the article names decides between namesakes of like size; a small town named after a great
    # city does not take the city's name when its state is in the story ("Geneva" in a story about the US)
    named = {e.country for e in cands if e.population * CONTEXT_RATIO >= top.population} & context
    if len(named) == 1:
        return named.pop()
    rival = max((e.population for e in cands if e.country != top.country), default=0)
    return top.country if top.population >= DOMINANCE * max(rival, 1) else None


def _candidates(sdoc):
    """Token spans that name a place: NER places, capitalised names before a region noun ("Sindh
    province", "the Tyumen region", which NER often calls an organisation) or after "city of" /
    "town of", and lone proper nouns (tried only as misspelt country names)."""
    for ent in sdoc.ents:
        if ent.label_ in PLACE_LABELS:
            start, end = ent.start + (sdoc[ent.start].lower_ == "the"), ent.end
            if end - start > 1 and sdoc[end - 1].tag_ == "POS":
                end -= 1
            yield start, end, True
    for tok in sdoc:
        if not (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha):
            continue
        if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "PROPN" and sdoc[tok.i + 1].text[:1].isupper():
            continue  # only the last word of a name: "Khanty-Mansiysk", "Sindh", "Tyumen"
        start = tok.i
        while start > 0 and sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].text[:1].isupper() \
                and tok.i - start < 3:
            start -= 1
        after = sdoc[tok.i + 1].lower_ if tok.i + 1 < len(sdoc) else ""
        before = sdoc[start - 2:start].text.lower() if start >= 2 else ""
        yield start, tok.i + 1, after in REGION_NOUNS or before in PLACE_OF


def place_mentions(sdoc, found: list[Found], misspelt) -> list[Found]:
    """Places the knowledge base does not know, as place mentions with their state's code.
    `misspelt(text)` gives the country a name one letter off a country name stands for, or None."""
    known = {i for f in found if f.resolved for i in range(f.start, f.end)}
    context = {f.country for f in found if f.country}
    extra, seen = [], set()
    for start, end, placelike in _candidates(sdoc):
        if start >= end or (start, end) in seen or known.intersection(range(start, end)) \
                or not sdoc[start].text[:1].isupper():
            continue
        seen.add((start, end))
        text = sdoc[start:end].text
        fuzzy = misspelt(text)  # a country name stays one however it is used
        country = (country_of_place(text, context) if placelike else None) or fuzzy
        if country == fuzzy and country:  # a misspelt country name is the country itself
            extra.append(Found(start, end, "country", country, None, None, text))
        elif country and located(sdoc, start, end) < 2:
            extra.append(Found(start, end, "place", country, None, None, text))
    if not extra:
        return found
    covered = {i for f in extra for i in range(f.start, f.end)}
    # an unresolved NER guess on the same words ("Tyumen" as an organisation) gives way to the place
    kept = [f for f in found if f.resolved or not covered.intersection(range(f.start, f.end))]
    return sorted(kept + extra, key=lambda f: (f.start, f.end))


def located(sdoc, start: int, end: int) -> int:
    """0 when the place may be a party to an event; 1 when it is where something happens ("a ceasefire
    in Idlib", "in the city of Kirkuk"); 2 when it only places another place or thing ("at talks in a
    villa near Geneva") or is a dateline ("New York (CNN)") and stands for no actor at all."""
    if start == 0 and end < len(sdoc) and sdoc[end].text in ("(", "-", "--", ":"):
        return 2
    root = head_of(sdoc, start, end)
    for _ in range(4):
        if any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in root.children):
            inner = root.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in LOCATIVE for c in root.head.children)
            return 2 if inner else 1
        if root.dep_ not in ("compound", "appos", "flat", "nmod", "conj", "amod") or root.head is root:
            return 0
        root = root.head
    return 0


def namesake_capitals(sdoc, found: list[Found]) -> list[Found]:
    """'Rival militias in Tripoli' in a story about Lebanon: a capital named as a location whose state the
    story names nowhere else, and which is also a city of a state the story does name, is that city.
    A capital acting ("Tripoli said") stays its government."""
    out = []
    for f in found:
        if f.kind == "metonym" and f.country and located(sdoc, f.start, f.end):
            context = {g.country for g in found if g.country and g is not f}
            if f.country not in context:
                other = country_of_place(sdoc[f.start:f.end].text, context - {f.country})
                if other and other != f.country and other in context:
                    f = replace(f, kind="place", country=other, sector=None, code=None, name=sdoc[f.start:f.end].text)
        out.append(f)
    return out
