"""Resolve actor mentions in a parsed document: gazetteer matches, modifier + agent combinations,
titles, the NER backstop, and in-document coreference for pronouns and descriptions."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.matcher import PhraseMatcher

from ..document import Document, Mention, Span
from ..parse import sents
from ..timex.normalise import calendar_words
from .context import (HEAD_KINDS, appositions, country_named_orgs, ethnic_groups, held_places, of_phrases,
                      placed_clause, sentence_state)
from .compose import NAMED_KINDS, attach_titles, filler, relational, widen
from .coref import PERSON_KINDS, Found, coreference, definite_agents, definite_bodies, possessed
from .geo import MIN_FUZZY, located, namesake_capitals, place_mentions
from .kb import ActorKB, Entry
from .persons import PersonNames, name_goes_on, one_edit, surname_key  # noqa: F401 (re-exported)

MODIFIER_KINDS = {"adjective", "country", "metonym", "demonym", "nickname", "people", "place"}
STANCE_PREFIXES = {"pro", "anti"}
LIST_WORDS = {"and", "or", ","}
PLACE_CASES = {"in", "into", "from", "across", "throughout", "inside", "within"}
_ABBREV = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")
# a short name written with capitals inside ("LeT", "JeM", "HuJI") is an acronym: "let", "Jem" are words
_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]{0,3}$")


def _its_own(tok) -> bool:
    """'Chad opened its borders': the subject a clause refers back to with "its" is a body, not a person."""
    if not tok.dep_.startswith("nsubj"):
        return False
    words = {t.lower_ for t in tok.head.subtree}
    return "its" in words and not words & {"his", "her", "he", "she", "him"}


CALENDAR = calendar_words()  # read once: the NER backstop tests every entity word against it


class ActorResolver(PersonNames):
    def __init__(self, kb: ActorKB, nlp):
        self.kb = kb
        self.index_people(kb)
        self.by_key: dict[str, list[Entry]] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.head_words = {e.text.lower() for e in kb.entries if e.kind in HEAD_KINDS}
        self.agent_sectors = {e.text.lower(): e.sector for e in kb.entries if e.kind == "agent" and e.sector}
        self.peoples: dict[str, list[str]] = {}  # "Hutu" -> [RWA, BDI]: the document picks one
        for e in kb.entries:
            if e.kind == "people":
                self.peoples.setdefault(e.text, []).append(e.country)
        self.country_names: dict[str, list[tuple[str, str]]] = {}  # by initial, for "Afganistan", "Ethopia"
        for e in kb.entries:
            if e.kind == "country" and not e.ambiguous and len(e.text) >= MIN_FUZZY - 1 and e.text[:1].isupper():
                self.country_names.setdefault(e.text[0].lower(), []).append((e.text.lower(), e.country))
        for entry in kb.entries:
            key = f"{entry.kind}|{entry.text}"
            if key in self.by_key:
                self.by_key[key].append(entry)
                continue
            self.by_key[key] = [entry]
            pattern = nlp.make_doc(entry.text)
            case_matters = entry.kind in ("person", "title", "people") or bool(
                _ABBREV.match(entry.text) or _MIXED_ACRONYM.match(entry.text))
            (self.exact if case_matters else self.lower).add(key, [pattern])

    # -- gazetteer -------------------------------------------------------------------------
    def _matches(self, sdoc, date: str | None) -> list[Found]:
        raw, doubtful = [], []
        for matcher in (self.exact, self.lower):
            for key_id, s, e in matcher(sdoc):
                key = sdoc.vocab.strings[key_id]
                entry = self.by_key[key][0]
                if entry.ambiguous and not (self._plausible(sdoc[s:e], entry.kind) or self._owns_agent(sdoc, e)):
                    if entry.kind == "country" and sdoc[s].text[:1].isupper():
                        doubtful.append((s, e, entry))
                    continue
                if entry.kind in HEAD_KINDS and e - s == 1 and self._modifier_use(sdoc[s]):
                    continue  # "a military attack": a modifier, not the armed forces
                if entry.kind == "person" and e - s == 1 and (name_goes_on(sdoc, e) or (
                        sdoc[s].ent_type_ in ("GPE", "LOC") and sdoc[s].dep_ not in ("nsubj", "nsubjpass"))):
                    continue  # "Michel" inside "Michel Suleiman"; "in Lagos" the city, not the Chilean; "Xi said" a man
                if s >= 2 and sdoc[s - 1].text == "-" and sdoc[s - 2].lower_ in STANCE_PREFIXES:
                    continue  # "pro-Russia rebels", "an anti-Syria journalist": a stance, not the state's actor
                if entry.kind in ("demonym", "adjective") and sdoc[s:e].text.islower() and (
                        entry.kind == "demonym" or sdoc[s].pos_ != "ADJ"):
                    continue  # "a pole", not a Pole; "tunisian rioters" still counts
                raw.append((s, e, entry))
        raw += self._listed_with_states(sdoc, doubtful, raw)
        # overlapping matches of one actor ("President Xi" + "Xi Jinping") become their union
        raw.sort(key=lambda x: (x[0], -x[1]))
        merged: list = []
        for s, e, entry in raw:
            same = next((n for n, (ms, me, m) in enumerate(merged)
                         if s < me and ms < e and m.name == entry.name and m.kind == entry.kind), None)
            if same is None:
                merged.append((s, e, entry))
            else:
                ms, me, m = merged[same]
                merged[same] = (min(ms, s), max(me, e), m)
        raw = [r for r in merged if not self._demonym_as_modifier(sdoc, r, merged)]
        # longest first, then earliest; persons and organisations beat a country name inside them
        rank = {"person": 0, "organization": 1, "institution": 2}
        raw.sort(key=lambda x: (-(x[1] - x[0]), rank.get(x[2].kind, 5), x[0]))
        taken, out = set(), []
        for s, e, entry in raw:
            if taken.intersection(range(s, e)):
                continue
            taken.update(range(s, e))
            if entry.kind == "person":
                out.append(self._person(entry, s, e, date, self._title_before(sdoc, s)))
                continue
            out.append(Found(s, e, entry.kind, entry.country_on(date), entry.sector_on(date), entry.code_on(date),
                             entry.name, default_country=entry.default_country,
                             resolved=not entry.needs_modifier))
        out = [f for f in out if not self._lone(f, out)]
        persons = {i for f in out if f.kind == "person" for i in range(f.start, f.end)}
        for f in self._titled_surnames(sdoc, date, persons):
            out = [g for g in out if not (g.start < f.end and f.start < g.end)] + [f]
        return sorted(out, key=lambda f: f.start)

    @staticmethod
    def _listed_with_states(sdoc, doubtful: list, raw: list) -> list:
        """'Jordan and Britain held talks', 'Chad opened its borders', 'troops in Chad': a name that is also
        a given name ("Jordan", "Chad") is the state when it is listed with another state, is the "its" of
        its clause or follows a place preposition, whatever the NER guessed."""
        states = {(s, e) for s, e, entry in raw if entry.kind == "country"}
        out = []
        for s, e, entry in doubtful:
            if s > 0 and sdoc[s - 1].pos_ == "PROPN" and sdoc[s - 1].text[:1].isupper():
                continue  # "Michael Jordan and Britain": a surname
            after = e + 1 if e < len(sdoc) and sdoc[e].lower_ in LIST_WORDS else None
            before = s - 1 if s > 0 and sdoc[s - 1].lower_ in LIST_WORDS else None
            placed = s > 0 and sdoc[s - 1].lower_ in PLACE_CASES and not name_goes_on(sdoc, e)
            if any((after is not None and a == after) or (before is not None and b == before) for a, b in states) \
                    or _its_own(sdoc[e - 1]) or placed:  # "troops in Chad": no one is inside a person
                out.append((s, e, entry))
        return out

    @staticmethod
    def _lone(f: Found, found: list[Found]) -> bool:
        """A modifier-only agent noun ("forces") with no country word right before it."""
        if f.kind != "agent" or f.resolved:
            return False
        return not any(g.end == f.start and g.kind in MODIFIER_KINDS for g in found)

    @staticmethod
    def _demonym_as_modifier(sdoc, match, matches) -> bool:
        """'Iraqi' is both a demonym and an adjective: before its head noun ("Iraqi President") it is
        the adjective, standing alone ("the Iraqis said") the demonym."""
        s, e, entry = match
        if entry.kind not in ("demonym", "adjective"):
            return False
        twin = "adjective" if entry.kind == "demonym" else "demonym"
        if not any(ms == s and me == e and m.kind == twin for ms, me, m in matches):
            return False
        tok = sdoc[e - 1]
        modifier = tok.head.i > tok.i or (e < len(sdoc) and sdoc[e].text[:1].isupper() and sdoc[e].is_alpha)
        return modifier == (entry.kind == "demonym")

    def misspelt_country(self, text: str) -> str | None:
        """The one state whose name is one letter off this word ("Afganistan", "Quatar"), else None."""
        low = text.lower()
        if len(low) < MIN_FUZZY or not text.isalpha():
            return None
        hits = {iso for name, iso in self.country_names.get(low[0], ()) if one_edit(name, low)}
        return hits.pop() if len(hits) == 1 else None

    def _owns_agent(self, sdoc, e: int) -> bool:
        """"Niger's ambassador", "Chad's army": a possessive before an agent noun is a state, whatever NER says."""
        return e + 1 < len(sdoc) and sdoc[e].tag_ == "POS" and sdoc[e + 1].lower_ in self.head_words

    def _modifier_use(self, tok) -> bool:
        return tok.pos_ == "ADJ" or (tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN"
                                     and tok.head.lower_ not in self.head_words)

    @staticmethod
    def _plausible(span, kind: str) -> bool:
        """An ambiguous name ("Jordan", "Georgia", "Chad") counts when NER or capitalisation backs it;
        for a body ("Security Council", "Amnesty") an ORG label backs it too."""
        labels = {t.ent_type_ for t in span}
        if kind in NAMED_KINDS and "ORG" in labels:
            return True
        if labels & {"PERSON", "ORG"}:
            return False
        return bool(labels & {"GPE", "LOC", "NORP"}) or span.text[:1].isupper()

    # -- composition ------------------------------------------------------------------------
    @staticmethod
    def _combine(sdoc, found: list[Found]) -> list[Found]:
        """'Iraqi troops' -> IRQ + MIL; 'China's Foreign Ministry' -> CHN + GOV; 'Hungarian and
        Romanian officials' -> two actors; 'President Xi Jinping' -> the person with the title."""
        at = {i: f for f in found for i in range(f.start, f.end)}
        used: set[int] = set()
        out: list[Found] = []
        heads = [f for f in found if f.kind in HEAD_KINDS]
        for h in heads:
            mods, direct = [], []
            for f in found:
                if id(f) in used or not (f.kind in MODIFIER_KINDS or (f.kind in PERSON_KINDS and f.country)):
                    continue  # a person modifies too: "the Bush administration", "Putin's troops"
                root = sdoc[f.end - 1]
                # walk conjunctions up ("Hungarian and Romanian officials"); a parse may loop, so stop on revisits
                seen = {root.i}
                while root.dep_ == "conj" and root.head.i in at and at[root.head.i].kind in MODIFIER_KINDS:
                    nxt = sdoc[at[root.head.i].end - 1]
                    if nxt.i in seen:
                        break
                    seen.add(nxt.i)
                    root = nxt
                adjacent = f.end == h.start or (f.end + 1 == h.start and sdoc[f.end].tag_ == "POS")
                gap = f.end + (f.end < len(sdoc) and sdoc[f.end].tag_ == "POS")  # "Algeria's leading rights activist"
                if f.kind not in PERSON_KINDS and filler(sdoc, gap, h.start) and f.end <= root.head.i < h.end:
                    adjacent = True  # "the Nigerian deputy foreign minister": a rank word the parse made the head
                if f.kind in PERSON_KINDS and not adjacent:
                    continue  # a person modifies only right before the noun ("Putin's troops")
                if (h.start <= root.head.i < h.end and root.dep_ in ("amod", "compound", "nmod:poss", "nmod", "poss")) or adjacent:
                    mods.append(f)
                    if adjacent or root.dep_ != "nmod":
                        direct.append(f)
            mods = direct or mods  # "the US commander in Iraq" is American: the place is where he serves
            if h.country is None and mods:
                for m in mods:
                    used.add(id(m))
                    out.append(Found(min(m.start, h.start), max(m.end, h.end), h.kind, m.country,
                                     h.sector, None, h.name))
                used.add(id(h))
        for f in found:
            if id(f) in used:
                continue
            out.append(f)
        out.sort(key=lambda f: (f.start, f.end))
        # defaults last, so a named body can first claim a generic institution ("the Hamas politburo" is no
        # Chinese one); "its Senate" is the owner's, named before
        return [replace(f, country=f.default_country)
                if f.country is None and f.default_country and not (f.start > 0 and sdoc[f.start - 1].tag_ == "PRP$")
                else f for f in attach_titles(sdoc, widen(sdoc, out))]

    @staticmethod
    def _ner_backstop(sdoc, found: list[Found]) -> list[Found]:
        """Names the knowledge base lacks: NER people and organisations, and the capitalised words
        after a title ("Defence Secretary Tom King") even when NER missed them."""
        taken = {i for f in found for i in range(f.start, f.end)}
        extra = []
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG") or taken.intersection(range(ent.start, ent.end)):
                continue
            if all(t.like_num or t.is_punct or t.lower_.rstrip(".") in CALENDAR for t in ent):
                continue  # "Aug 26" tagged ORG is a date, never an actor
            kind = "ner_person" if ent.label_ == "PERSON" else "ner_org"
            extra.append(Found(ent.start, ent.end, kind, None, None, None, ent.text, resolved=False))
            taken.update(range(ent.start, ent.end))
        one_word_titles = {f.start: f for f in found if f.kind == "title" and f.end - f.start == 1}
        absorbed = set()
        for f in found:
            if f.kind != "title" or id(f) in absorbed:
                continue
            end = f.end
            while (end < len(sdoc) and end - f.end < 4 and sdoc[end].pos_ == "PROPN" and sdoc[end].text[:1].isupper()
                   and (end not in taken or (end > f.end and end in one_word_titles))):
                end += 1  # a title-word surname ("Tom King") belongs to the name
            if end > f.end:
                absorbed.update(id(one_word_titles[i]) for i in range(f.end, end) if i in one_word_titles)
                extra.append(Found(f.end, end, "ner_person", None, None, None, sdoc[f.end:end].text, resolved=False))
        found = [f for f in found if id(f) not in absorbed]
        return sorted(found + extra, key=lambda f: (f.start, f.end))

    def __call__(self, doc: Document, sdoc) -> list[Mention]:
        sent_of = {t.i: n for n, s in enumerate(sents(sdoc)) for t in s}  # token -> sentence index
        found = self._matches(sdoc, doc.date)
        found = self._ner_backstop(sdoc, found)
        found = namesake_capitals(sdoc, place_mentions(sdoc, found, self.misspelt_country))
        found = [self._ner_person(sdoc, f, doc.date) if f.kind == "ner_person" else f for f in found]
        found = relational(sdoc, self._combine(sdoc, found), self.agent_sectors)
        found = country_named_orgs(sdoc, appositions(sdoc, of_phrases(sdoc, found)))
        found = held_places(sdoc, ethnic_groups(sdoc, found, self.peoples))
        found = sentence_state(sdoc, placed_clause(sdoc, found), sent_of)
        found = definite_bodies(sdoc, definite_agents(sdoc, found, sent_of), sent_of)
        found = possessed(sdoc, coreference(sdoc, found, sent_of))
        mentions = []
        for f in found:
            span = sdoc[f.start:f.end]
            if f.country is None and f.sector in ("NGO", "IGO"):
                f = replace(f, country=f.sector)  # "a human rights group": CAMEO's NGO country slot
            code = f.code or ((f.country or "") + (f.sector if f.sector and f.sector != f.country else "") or None)
            if f.kind == "place" and located(sdoc, f.start, f.end):
                code = None  # "a ceasefire in Idlib": where things happen is no actor, yet gives its phrase a country
            ante = sdoc[f.antecedent[0]:f.antecedent[1]] if f.antecedent else None
            mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                                    country=f.country, sector=f.sector, name=f.name, kind=f.kind,
                                    sentence=sent_of.get(f.start, 0), resolved=f.resolved,
                                    antecedent=Span(ante.text, ante.start_char, ante.end_char) if ante else None))
        return mentions
