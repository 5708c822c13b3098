"""Actors coded from the words around them: "leaders of Kenya's main opposition party" (KEN), "Ana
Ruiz, the United Nations refugee envoy" (IGO), "the Nigerian Union of Teachers" (NGA),
"ethnic Albanians in Serbia" (SRB), "Yoruba leaders" (NGA). Each rule fills a country the mention
itself does not name; none overrides a country already found, except where a people lives ("the
Albanians of southern Serbia", SRB)."""
from __future__ import annotations

from dataclasses import replace

from .coref import PERSON_KINDS, Found, group_at

HEAD_KINDS = {"agent", "institution"}
PLACE_KINDS = {"country", "metonym", "adjective", "nickname", "place"}
OF_CASES = {"of", "from", "in", "throughout", "across", "inside"}  # "police in Lagos": their country


def _inside(found: list[Found], tokens) -> list[Found]:
    idx = {t.i for t in tokens}
    return [f for f in found if f.start in idx and f.country]


def of_phrases(sdoc, found: list[Found]) -> list[Found]:
    """A countryless agent or institution with an "of"/"from" phrase naming a country or body:
    "exiled leaders of Kenya's main opposition party", "the mayor of the West Bank city of Nablus",
    "deputies from the Moldovan government". A named organisation lends its whole code
    ("officials of the Red Cross"); anything else only its country."""
    out = []
    for f in found:
        if f.kind in HEAD_KINDS and not f.country and not (f.start > 0 and sdoc[f.start - 1].tag_ == "PRP$"):
            head = sdoc[f.end - 1]  # "its troops from Chad" are the owner's, withdrawn from there
            for child in head.children:
                if child.dep_.startswith("nmod") and child.i >= f.end and any(
                        c.dep_ == "case" and c.lower_ in OF_CASES for c in child.children):
                    named = _inside(found, child.subtree)
                    if named:
                        g = named[0]
                        f = (replace(f, country=g.country, sector=g.sector, code=g.code, resolved=True)
                             if g.kind == "organization" and g.code else
                             replace(f, country=g.country, resolved=True))
                        break
            if not f.country and f.kind == "agent":
                f = _placed_next(sdoc, f, found)
        out.append(f)
    return out


def _placed_next(sdoc, f: Found, found: list[Found]) -> Found:
    """'banned an extremist group in Northern Ireland', 'students throughout Indonesia': a place phrase right
    after an agent noun places the agent even where the parse hangs it on the verb."""
    i = f.end
    if i >= len(sdoc) or sdoc[i].lower_ not in OF_CASES:
        return f
    i += 1
    starts = {g.start for g in found if g.country and g.kind in PLACE_KINDS}
    while i < min(f.end + 4, len(sdoc)) and sdoc[i].is_lower and i not in starts:  # "in the", "in northern"
        i += 1
    g = next((g for g in found if g.start == i and g.country and g.kind in PLACE_KINDS), None)
    if g is None or (g.end < len(sdoc) and sdoc[g.end].lower_ in (",", "and", "or")):
        return f  # "families in Chad, Niger and Mali": a list of places is not one state's people
    return replace(f, country=g.country, resolved=True)


def appositions(sdoc, found: list[Found]) -> list[Found]:
    """'Ana Ruiz, the United Nations refugee envoy' and 'Qatar's emir, Sheikh
    Hamad': a countryless person or agent takes the country of its apposition."""
    at = {i: f for f in found for i in range(f.start, f.end)}
    out = []
    for f in found:
        if not f.country and (f.kind in PERSON_KINDS or f.kind in HEAD_KINDS):
            head = head_of(sdoc, f.start, f.end)
            partners = [c for c in head.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                partners.append(head.head)
            for p in partners:
                if p.i in at and at[p.i] is not f and at[p.i].country:
                    g = at[p.i]
                else:  # the apposition's own words: "the United Nations ... Coordinator"
                    words = [t for t in p.subtree if t.i < p.i or t.i == p.i]
                    g = next(iter(_inside([x for x in found if x is not f], words)), None)
                if g is not None:
                    f = replace(f, country=g.country, sector=f.sector or g.sector,
                                code=g.code if g.kind == "organization" else None, resolved=True)
                    break
        out.append(f)
    return out


def country_named_orgs(sdoc, found: list[Found]) -> list[Found]:
    """An organisation the NER found whose name begins with a country word ("the Nigerian Union of
    Teachers", "Kenya Anti-Corruption Commission", "Liberian Peace Council") is of that country; its
    sector is the agent or institution noun inside it, if any."""
    for ent in sdoc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (sdoc[ent.start].lower_ == "the")
        inside = [f for f in found if ent.start <= f.start and f.end <= ent.end]
        first = next((f for f in inside if f.start == start), None)
        if first is None or first.kind not in PLACE_KINDS | HEAD_KINDS or not first.country:
            continue
        if first.end >= ent.end or any(f.start < ent.end < f.end or f.start < ent.start < f.end for f in found):
            continue  # the knowledge base already covers it, or a longer name overlaps
        if any(f.kind in PERSON_KINDS | {"organization"} and f.resolved for f in inside):
            continue
        sector = next((f.sector for f in inside if f.kind in HEAD_KINDS and f.sector), None)
        org = Found(start, ent.end, "organization", first.country, sector, None, ent.text)
        found = sorted([f for f in found if f not in inside] + [org], key=lambda f: (f.start, f.end))
    return found


def ethnic_groups(sdoc, found: list[Found], peoples: dict[str, list[str]]) -> list[Found]:
    """Ethnic groups live in states not named after them: "ethnic Albanians in south Serbia" (SRB),
    "Bosnian Serbs" (BIH), "Yoruba leaders" (NGA), "Hutu rebels" in a story about Burundi (BDI).
    The state is the place phrase attached to the group, else the nearest other state named in the
    sentence (for "ethnic X") or the document (for a people of several states)."""
    states = [f for f in found if f.country and f.kind != "people" and sdoc[f.start].text not in peoples]
    out: list[Found] = []
    for f in found:
        text = sdoc[f.start:f.end].text
        head_word = sdoc[f.start].text
        if f.kind == "demonym" and out and out[-1].end == f.start and out[-1].kind == "adjective":
            out[-1] = replace(f, start=out[-1].start, country=out[-1].country)  # "Bosnian Serbs"
            continue
        if f.kind in ("demonym", "agent") and f.start > 0 and sdoc[f.start - 1].lower_ == "ethnic":
            sent = sdoc[f.start].sent
            # the nearest state named as a state: "the US aids Macedonia against ethnic Albanians"; a newspaper
            # or an envoy only reports or visits
            near = sorted((g for g in states if sent.start <= g.start < sent.end and g.country != f.country
                           and g.sector != "MED"), key=lambda g: (g.kind not in PLACE_KINDS, abs(g.start - f.start)))
            where = _place_of(sdoc, f, found) or next((g.country for g in near), None)
            f = replace(f, start=f.start - 1, country=where or f.country)
        elif f.kind == "demonym" and (where := _home_of(sdoc, f, found)):
            f = replace(f, country=where)  # "the Albanians of southern Serbia" live there; "Americans in Iraq" visit
        elif f.kind == "people" or head_word in peoples:
            options = peoples.get(head_word) or peoples.get(text) or [f.country]
            named = _place_of(sdoc, f, found)
            present = [g.country for g in states if g.country in options]
            sent = sdoc[f.start].sent
            near = [g.country for g in states if g.country in options and sent.start <= g.start < sent.end]
            f = replace(f, country=named if named in options else (near or present or options)[0])
        out.append(f)
    return out


def head_of(sdoc, start: int, end: int):
    """The syntactic head of tokens start..end: the token whose head lies outside them ("Ana" in "Ana Ruiz")."""
    return next((t for t in sdoc[start:end] if not start <= t.head.i < end or t.head.i == t.i), sdoc[end - 1])


def _home_of(sdoc, f: Found, found: list[Found]) -> str | None:
    """The state or place heading an "of" phrase on a people ("the Albanians of southern Serbia"); not a
    word inside it ("Ukrainians of the Russian-occupied Crimea" live in Crimea)."""
    for child in sdoc[f.end - 1].children:
        if child.dep_.startswith("nmod") and child.i >= f.end and any(
                c.dep_ == "case" and c.lower_ == "of" for c in child.children):
            g = next((g for g in found if g.start <= child.i < g.end), None)
            if g is not None and g.country and g.kind in ("country", "place", "metonym"):
                return g.country
    return None


def _place_of(sdoc, f: Found, found: list[Found]) -> str | None:
    """The state named in an "in"/"of"/"from" phrase on the mention's head ("Albanians in Serbia")."""
    head = sdoc[f.end - 1]
    for child in head.children:
        if child.dep_.startswith("nmod") and child.i >= f.end:
            named = [g for g in _inside(found, child.subtree) if g.kind in PLACE_KINDS]
            if named:
                return named[0].country
    return None


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# the public of a one-state sentence is of that state: "students marched against President Suharto's government"
PUBLIC_SECTORS = {"CVL", "EDU", "LAB", "AGR", "REL", "RAD", "OPP", "PTY", "HLH", "MED", "CRM"}
STATE_HOLDERS = {"agent", "person", "ner_person"}  # not "the government": the home one, named or not


def sentence_state(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
    """'Judge Tomas Berg opened a case against 12 Peruvian officers', 'Fijian rebels will
    free Prime Minister Mahendra Chaudhry': an official of no named state, in a sentence that names one
    state and no other, serves that state. News names the foreign side of a story; the home side's
    unknown officials go without a country. International bodies do not count as a state. The public
    (students, workers, demonstrators, parties) of such a sentence is that state's too, unless called
    foreign; refugees only when the sentence says they flee. Armed groups are not: "Israeli troops
    killed three militants" names only the state they fight.
    `sent_of`: token index -> sentence index."""
    by_sent: dict[int, set[str]] = {}
    for g in found:
        if g.country and g.country not in ("IGO", "NGO") and g.kind != "coref":
            by_sent.setdefault(sent_of.get(g.start, 0), set()).add(g.country)
    out = []
    for f in found:
        if not f.country and f.sector in STATE_SECTORS | PUBLIC_SECTORS | {"REF"} and f.kind in STATE_HOLDERS and not (
                f.kind == "agent" and group_at(sdoc, f.end - 1)):  # "the two leaders": coreference's to resolve
            states = by_sent.get(sent_of.get(f.start, 0), set())
            if len(states) == 1 and not (f.sector in PUBLIC_SECTORS and _foreign(sdoc, f)) and (
                    f.sector != "REF" or _fleeing(sdoc, f)):
                f = replace(f, country=next(iter(states)), resolved=True)
        out.append(f)
    return out


FOREIGN = {"international", "foreign", "overseas", "global", "world", "western", "multinational"}


def _foreign(sdoc, f: Found) -> bool:
    """'international investors', 'foreign workers': people the sentence's state is not the home of."""
    return any(t.lower_ in FOREIGN for t in sdoc[max(f.start - 2, 0):f.end])


FLIGHT = {"fleeing", "fled", "flee", "from", "escaping", "escaped"}


def _fleeing(sdoc, f: Found) -> bool:
    """'refugees fleeing the war in Liberia' come from the state named; 'Lithuania took in refugees' is their host."""
    return (f.end < len(sdoc) and sdoc[f.end].lower_ in FLIGHT) or any(
        t.lower_ in FLIGHT for t in sdoc[f.end - 1].subtree if t.i >= f.end)


SCENE_CASES = {"in", "at", "inside", "throughout", "across"}
SCENE_KINDS = {"country", "place", "metonym"}
QUANTITY_HEADS = {"hundreds", "thousands", "dozens", "millions", "scores", "tens", "group", "groups", "crowd",
                  "crowds", "number", "handful"}


def placed_clause(sdoc, found: list[Found]) -> list[Found]:
    """'Tens of thousands of people filled squares in Tbilisi in defiance of Russian warnings',
    'Inmates rioted at a prison in Haiti's capital': the public acting in a place named in its own
    clause is that place's public, even where the sentence names other states. Only the public: officials,
    troops and rebels travel and fight abroad."""
    out = []
    for f in found:
        if not f.country and f.kind == "agent" and f.sector in PUBLIC_SECTORS and not _foreign(sdoc, f):
            tok = head_of(sdoc, f.start, f.end)
            while tok.dep_ == "nmod" and (tok.head.lower_ in QUANTITY_HEADS or tok.head.pos_ == "NUM"):
                tok = tok.head  # "thousands of people": the quantity is the subject
            if tok.dep_.startswith("nsubj") and (where := _scene(tok.head, found)):
                f = replace(f, country=where, resolved=True)
        out.append(f)
    return out


def _scene(verb, found: list[Found]) -> str | None:
    """The one state the verb's "in"/"at" phrases name by place, country or capital, else None."""
    states = set()
    for child in verb.children:
        if child.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ in SCENE_CASES for c in child.children):
            idx = {t.i for t in child.subtree}
            states |= {g.country for g in found if g.start in idx and g.country and g.kind in SCENE_KINDS}
    return states.pop() if len(states) == 1 else None


# what an armed group holds on the ground: "strikes on Islamic State targets near Mosul" hit the state
# the holding lies in, which a transnational group has no home of its own to name
HOLDINGS = {"target", "targets", "position", "positions", "base", "bases", "camp", "camps", "stronghold",
            "strongholds", "hideout", "hideouts", "outpost", "outposts", "compound", "depot", "depots",
            "facility", "facilities", "installation", "installations", "hideaway", "hideaways"}
ARMED_SECTORS = {"REB", "UAF"}
# words allowed between the holding and its place: "southwest of", "in northern", "near the"
WHERE_WORDS = {"in", "near", "outside", "around", "inside", "across", "at", "along", "of", "the", "close", "to",
               "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "northern", "southern", "eastern", "western", "central"}
WHERE_KINDS = {"country", "place", "metonym"}


def held_places(sdoc, found: list[Found]) -> list[Found]:
    """'Islamic State depots west of Raqqa', 'militant hideouts in Syria': the holding of an
    armed group with no state of its own (a transnational group, countryless rebels), placed by the phrase
    right after it, is that state's: one mention over the group, the holding and the place."""
    out: list[Found] = []
    skip: set[int] = set()
    for n, f in enumerate(found):
        if n in skip:
            continue
        holding = sdoc[f.end] if f.end < len(sdoc) else None
        # "IS targets in Syria", not the verb of "IS targets Christians in Syria"
        if f.country in (None, "IMG") and f.sector in ARMED_SECTORS and holding is not None \
                and holding.lower_ in HOLDINGS and not any(c.dep_ == "obj" for c in holding.children):
            i = f.end + 1
            while i < min(f.end + 6, len(sdoc)) and sdoc[i].lower_ in WHERE_WORDS:
                i += 1
            at = {g.start: m for m, g in enumerate(found) if g.country and g.kind in WHERE_KINDS}
            words = {t.lower_ for t in sdoc[f.end + 1:i]}
            if i in at and words - {"the", "of", "to"} and "to" not in words:  # "bases to the north" is a bearing
                g = found[at[i]]
                skip.add(at[i])
                out.append(replace(f, end=g.end, kind="agent", country=g.country, code=None, resolved=True))
                continue
        out.append(f)
    return out
