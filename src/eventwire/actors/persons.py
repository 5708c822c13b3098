"""Known people in running text: a title before a bare surname ("President Bush" on a date is the one
Bush then in office), other spellings of a known name ("Omar El Bashir", "Bouteflicka"), and the office a
written title names in undated text."""
from __future__ import annotations

import re
from dataclasses import replace

from ..timex.normalise import calendar_words
from .coref import Found
from .kb import ActorKB, Entry

WEEKDAYS_MONTHS = calendar_words() | {"administration"}  # "Bush administration": no name goes on
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-", re.I)


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


def name_goes_on(sdoc, i: int) -> bool:
    """A capitalised proper noun at i: the name before it goes on ("Michel" in "Michel Suleiman")."""
    if i >= len(sdoc):
        return False
    nxt = sdoc[i]
    return (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.is_alpha
            and nxt.ent_type_ not in ("DATE", "TIME") and nxt.lower_ not in WEEKDAYS_MONTHS)


class PersonNames:
    """Person look-ups shared by the resolver: surnames, titles and dated roles."""

    def index_people(self, kb: ActorKB) -> None:
        # surnames left out of the aliases as ambiguous ("Bush", "Kim") still resolve after a title
        self.surnames: dict[str, list[Entry]] = {}
        for e in kb.entries:
            if e.kind == "person" and e.text == e.name and " " in e.name:
                self.surnames.setdefault(surname_key(e.name.split()[-1]), []).append(e)
        self.by_initial: dict[str, list[str]] = {}  # for misspelt surnames ("Bouteflicka")
        for key in self.surnames:
            self.by_initial.setdefault(key[:1], []).append(key)
        self.title_sector = {e.text: e.sector for e in kb.entries if e.kind == "title"}
        self.titles = set(self.title_sector)

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
            if name_goes_on(sdoc, tok.i + 1):
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
