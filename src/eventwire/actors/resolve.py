"""Resolve actor mentions in a parsed document: gazetteer matches, modifier + agent combinations,
titles, the NER backstop, and in-document coreference for pronouns and descriptions."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.matcher import PhraseMatcher

from ..document import Document, Mention, Span
from ..parse import sents
from ..timex.normalise import calendar_words
from .context import HEAD_KINDS, appositions, country_named_orgs, ethnic_groups, of_phrases, sentence_state
from .compose import NAMED_KINDS, attach_titles, filler, widen
from .coref import PERSON_KINDS, Found, coreference, definite_agents
from .geo import MIN_FUZZY, located, namesake_capitals, place_mentions
from .kb import ActorKB, Entry

MODIFIER_KINDS = {"adjective", "country", "metonym", "demonym", "nickname", "people", "place"}
STANCE_PREFIXES = {"pro", "anti"}
LIST_WORDS = {"and", "or", ","}
PLACE_CASES = {"in", "into", "from", "across", "throughout", "inside", "within"}
WEEKDAYS_MONTHS = calendar_words() | {"administration"}  # "Bush administration": no name goes on
_ABBREV = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")
# a short name written with capitals inside ("LeT", "JeM", "HuJI") is an acronym: "let", "Jem" are words
_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z]{0,3}$")
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-", re.I)


def _its_own(tok) -> bool:
    """'Chad opened its borders': the subject a clause refers back to with "its" is a body, not a person."""
    if not tok.dep_.startswith("nsubj"):
        return False
    words = {t.lower_ for t in tok.head.subtree}
    return "its" in words and not words & {"his", "her", "he", "she", "him"}


def surname_key(word: str) -> str:
    """'al-Bashir', 'El-Bashir' and 'Bashir' are one surname."""
    return _ARTICLE.sub("", word).lower()


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]


class ActorResolver:
    def __init__(self, kb: ActorKB, nlp):
        self.kb = kb
        self.by_key: dict[str, list[Entry]] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.head_words = {e.text.lower() for e in kb.entries if e.kind in HEAD_KINDS}
        # surnames left out of the aliases as ambiguous ("Bush", "Kim") still resolve after a title
        self.surnames: dict[str, list[Entry]] = {}
        for e in kb.entries:
            if e.kind == "person" and e.text == e.name and " " in e.name:
                self.surnames.setdefault(surname_key(e.name.split()[-1]), []).append(e)
        self.by_initial: dict[str, list[str]] = {}  # for misspelt surnames ("Bouteflicka")
        for key in self.surnames:
            self.by_initial.setdefault(key[:1], []).append(key)
        self.peoples: dict[str, list[str]] = {}  # "Hutu" -> [RWA, BDI]: the document picks one
        for e in kb.entries:
            if e.kind == "people":
                self.peoples.setdefault(e.text, []).append(e.country)
        self.country_names: dict[str, list[tuple[str, str]]] = {}  # by initial, for "Afganistan", "Ethopia"
        for e in kb.entries:
            if e.kind == "country" and not e.ambiguous and len(e.text) >= MIN_FUZZY - 1 and e.text[:1].isupper():
                self.country_names.setdefault(e.text[0].lower(), []).append((e.text.lower(), e.country))
        self.title_sector = {e.text: e.sector for e in kb.entries if e.kind == "title"}
        self.titles = set(self.title_sector)
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
                if entry.kind == "person" and e - s == 1 and (self._name_goes_on(sdoc, e) or (
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
            placed = s > 0 and sdoc[s - 1].lower_ in PLACE_CASES and not ActorResolver._name_goes_on(sdoc, e)
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
    def _name_goes_on(sdoc, i: int) -> bool:
        if i >= len(sdoc):
            return False
        nxt = sdoc[i]
        return (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.is_alpha
                and nxt.ent_type_ not in ("DATE", "TIME") and nxt.lower_ not in WEEKDAYS_MONTHS)

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

    def _titled_surnames(self, sdoc, date: str | None, taken: set[int]) -> list[Found]:
        """'President Bush' on 2008-08-04 is George W. Bush: the one holder of that title then."""
        out = []
        words = [t.text for t in sdoc]  # plain strings: indexing the parsed text per token is slow
        for i in range(1, len(words)):
            if (i in taken or words[i - 1] not in self.titles or surname_key(words[i]) not in self.surnames):
                continue
            tok = sdoc[i]
            if not words[i][:1].isupper() and (tok.is_stop or tok.pos_ not in ("PROPN", "NOUN")):
                continue  # "President obama" is a name typed in haste; "Prime Minister may" is a verb
            key = surname_key(tok.text)
            if self._name_goes_on(sdoc, tok.i + 1):
                continue  # a first name that happens to be a known surname
            title = sdoc[tok.i - 1].text
            if date:
                holders = [e for e in self.surnames[key]
                           if (r := e.role_on(date)) is not None
                           and title.lower().replace("-", " ") in r.title.lower().replace("-", " ")]
            else:
                holders = [e for e in self.surnames[key] if e.titled(title, self.title_sector.get(title))]
            if len({e.name for e in holders}) == 1:
                out.append(self._person(holders[0], tok.i - 1, tok.i + 1, date, title))
            elif len({e.country for e in holders}) == 1:  # "President Bush", undated: a Bush, surely American
                out.append(Found(tok.i - 1, tok.i + 1, "person", holders[0].country, self.title_sector.get(title),
                                 None, tok.text))
        return out

    def _person(self, entry: Entry, s: int, e: int, date: str | None, title: str | None) -> Found:
        """A known person; undated text takes the office the written title names ("Dutch Foreign
        Minister Hans van den Broek" is not yet the EU commissioner he later became)."""
        role = entry.titled(title, self.title_sector.get(title)) if title and not date else None
        if role is None:
            return Found(s, e, "person", entry.country_on(date), entry.sector_on(date), entry.code_on(date),
                         entry.name)
        return Found(s, e, "person", role.country or ("IGO" if role.org else entry.country), role.sector,
                     role.org, entry.name)

    def _title_before(self, sdoc, s: int) -> str | None:
        """The title written before a name, skipping up to two first names ("General David Petraeus")."""
        for skip in range(3):
            end = s - skip
            for width in (3, 2, 1):
                if end - width >= 0 and sdoc[end - width:end].text in self.titles:
                    return sdoc[end - width:end].text
            if end - 1 < 0 or not (sdoc[end - 1].pos_ == "PROPN" and sdoc[end - 1].text[:1].isupper()):
                return None
        return None

    def _ner_person(self, sdoc, f: Found, date: str | None) -> Found:
        """An NER person: another spelling of a known name, or a bare known surname whose bearers
        all share one country ("the Bush administration", undated)."""
        known = self.known_person(sdoc, f, date)
        if known:
            return known
        holders = self.surnames.get(surname_key(sdoc[f.start].text), []) if f.end - f.start == 1 else []
        if holders and len({e.country for e in holders}) == 1:
            return replace(f, country=holders[0].country, resolved=True)
        return f

    def known_person(self, sdoc, f: Found, date: str | None) -> Found | None:
        """An NER person the gazetteer missed, written with another spelling of a known name:
        "Omar El Bashir", "Abdelaziz Bouteflicka". First name and surname (or a surname one letter
        off) must both agree, so no new name is taken for a famous one."""
        words = [t for t in sdoc[f.start:f.end] if t.is_alpha or "-" in t.text]
        while words and words[0].text in self.titles:
            words = words[1:]
        if len(words) < 2:
            return None
        first, last = words[0].text.lower(), surname_key(words[-1].text)
        keys = [last] if last in self.surnames else [k for k in self.by_initial.get(last[:1], ())
                                                     if len(last) >= 5 and one_edit(k, last)]
        hits = {e.name: e for k in keys for e in self.surnames[k] if e.name.split()[0].lower() == first}
        title = sdoc[f.start].text if sdoc[f.start].text in self.titles else None
        if len(hits) > 1 and date:  # "George Bush" in 2003 is the son
            hits = {n: e for n, e in hits.items() if e.role_on(date) is not None} or hits
        if len(hits) > 1 and len({e.country for e in hits.values()}) == 1:  # "President George Bush", undated
            return replace(f, country=next(iter(hits.values())).country,
                           sector=f.sector or self.title_sector.get(title), resolved=True)
        if len(hits) != 1:
            return None
        found = self._person(next(iter(hits.values())), f.start, f.end, date, title)
        return found if found.country else None

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
            if f.country is None and f.default_country:
                f = replace(f, country=f.default_country)
            out.append(f)
        out.sort(key=lambda f: (f.start, f.end))
        return attach_titles(sdoc, widen(sdoc, out))

    @staticmethod
    def _ner_backstop(sdoc, found: list[Found]) -> list[Found]:
        """Names the knowledge base lacks: NER people and organisations, and the capitalised words
        after a title ("Defence Secretary Tom King") even when NER missed them."""
        taken = {i for f in found for i in range(f.start, f.end)}
        extra = []
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG") or taken.intersection(range(ent.start, ent.end)):
                continue
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
        found = self._combine(sdoc, found)
        found = country_named_orgs(sdoc, appositions(sdoc, of_phrases(sdoc, found)))
        found = ethnic_groups(sdoc, found, self.peoples)
        found = sentence_state(sdoc, found, sent_of)
        found = definite_agents(sdoc, found, sent_of)
        found = coreference(sdoc, found, sent_of)
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
