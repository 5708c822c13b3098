"""The actor knowledge base: our YAML tables flattened into surface forms with codes and dated roles."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

DATA = Path(__file__).with_name("data")
FAR_FUTURE = "9999-12-31"
TRANSNATIONAL = ("IGO", "NGO", "IMG")


@dataclass(frozen=True)
class Role:
    title: str
    sector: str
    start: str
    end: str | None = None
    org: str | None = None  # an IGO code when the role is in an international organisation
    country: str | None = None  # when the role is held for another state or body than the person's own

    def covers(self, date: str) -> bool:
        return self.start <= date <= (self.end or FAR_FUTURE)


@dataclass
class Entry:
    """One surface form ("the Kremlin", "Chinese", "Xi") and what it stands for."""
    text: str
    kind: str  # country | adjective | demonym | metonym | nickname | people | person | organization | institution | agent | title
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # explicit code (organisations); else derived from country + sector
    name: str | None = None  # canonical name
    roles: tuple[Role, ...] = ()
    ambiguous: bool = False
    default_country: str | None = None  # generic institutions: the country when the text names none
    needs_modifier: bool = False  # agent nouns that name an actor only after a country word ("Syrian forces")

    def sector_on(self, date: str | None) -> str | None:
        """The sector a person holds on `date` (latest role when undated; ELI once out of office)."""
        if not self.roles:
            return self.sector
        role = self.role_on(date)
        if role is not None:
            return role.sector
        return "ELI" if any((r.end or FAR_FUTURE) < date for r in self.roles) else None

    def country_on(self, date: str | None) -> str | None:
        role = self.role_on(date)
        if role and role.org:
            return role.country or "IGO"  # serving an international organisation
        return (role.country if role and role.country else None) or self.country

    def code_on(self, date: str | None) -> str | None:
        """An explicit code: the organisation's own, or the IGO a person serves on `date`."""
        role = self.role_on(date)
        return (role.org if role and role.org else None) or self.code

    def titled(self, title: str, sector: str | None = None) -> Role | None:
        """The latest role the written title names ("Foreign Minister"), else the latest of its sector."""
        def plain(t: str) -> str:  # "Secretary General" and "Secretary-General" are one title
            return t.lower().rstrip(".").replace("-", " ")

        low = plain(title)
        named = [r for r in self.roles if low in plain(r.title)]
        return (named or [r for r in self.roles if sector and r.sector == sector] or [None])[-1]

    def role_on(self, date: str | None) -> Role | None:
        if not self.roles:
            return None
        if not date:  # undated text: the office a person is known for, not their retirement
            return next((r for r in reversed(self.roles) if r.sector != "ELI"), self.roles[-1])
        return next((r for r in reversed(self.roles) if r.covers(date)), None)


TABLES = ("countries", "organizations", "institutions", "people", "agents")


def load_yaml(path: Path):
    """PyYAML with its C parser when built with libyaml (ten times faster on our tables)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _d(value) -> str | None:
    return None if value is None else str(value)[:10]


def _load(name: str, extra_dir: Path | None = None) -> list[dict]:
    path = (extra_dir or DATA) / name
    if not path.exists():
        return []
    return load_yaml(path) or []


def entries_from_tables(countries, organizations, institutions, people, agents) -> Iterable[Entry]:
    for c in countries:
        iso = c["iso3"]
        ambiguous = set(c.get("ambiguous_names") or [])
        for text in [c["name"], *(c.get("aliases") or [])]:
            # a bare country name is the state itself: CAMEO codes it "RUS", its capital "RUSGOV"
            yield Entry(text, "country", iso, None, name=c["name"], ambiguous=text in ambiguous)
        for text in c.get("adjectives") or []:
            yield Entry(text, "adjective", iso, None, name=c["name"])
        for text in c.get("demonyms") or []:
            yield Entry(text, "demonym", iso, "CVL", name=c["name"])
        for m in c.get("metonyms") or []:
            yield Entry(m["text"], "metonym", iso, m.get("sector", "GOV"), name=c["name"],
                        ambiguous=bool(m.get("ambiguous")))
        for text in c.get("nicknames") or []:
            yield Entry(text, "nickname", iso, None, name=c["name"])
        for text in c.get("regions") or []:  # sub-national regions named for their state's actors
            yield Entry(text, "place", iso, None, name=text)
        for text in c.get("peoples") or []:  # ethnic groups living mostly in this state (also others)
            yield Entry(text, "people", iso, "CVL", name=c["name"])
    for o in organizations:
        code = o.get("code") or ""
        # CAMEO's first slot for bodies of no one state: IGO, NGO, IMG (transnational armed groups)
        country = o.get("country") or (code[:3] if code[:3] in TRANSNATIONAL else None)
        ambiguous = set(o.get("ambiguous_names") or [])
        for text in o.get("names") or []:
            yield Entry(text, "organization", country, o.get("sector"), code=code or None, name=o["names"][0],
                        ambiguous=text in ambiguous)
    for i in institutions:
        ambiguous = set(i.get("ambiguous_names") or [])
        for text in i.get("names") or []:
            yield Entry(text, "institution", i.get("country"), i.get("sector"), code=i.get("code"),
                        name=i["names"][0], ambiguous=text in ambiguous, default_country=i.get("default_country"))
    for p in people:
        roles = tuple(Role(r["title"], r["sector"], _d(r["start"]), _d(r.get("end")), r.get("org"), r.get("country"))
                      for r in sorted(p.get("roles") or [], key=lambda r: str(r["start"])))
        for text in [p["name"], *(p.get("aliases") or [])]:
            yield Entry(text, "person", p.get("country"), None, name=p["name"], roles=roles)
    for a in agents:
        for text in a.get("nouns") or []:
            yield Entry(text, "agent", None, a["sector"], name=text)
        for text in a.get("modified_nouns") or []:
            yield Entry(text, "agent", None, a["sector"], name=text, needs_modifier=True)
        for text in a.get("titles") or []:
            yield Entry(text, "title", None, a["sector"], name=text)


@dataclass
class ActorKB:
    entries: list[Entry] = field(default_factory=list)

    @classmethod
    def load(cls, extra: str | Path | None = None) -> "ActorKB":
        """Our tables, with the user's YAML file (same schemas, one top-level key per table) or
        TABARI/PETRARCH dictionary (.txt, converted by actors/petrarch.py) merged over them.
        Compiled once per set of files and cached (eventwire.cache)."""
        from ..cache import cached

        sources = [DATA / f"{n}.yaml" for n in TABLES if (DATA / f"{n}.yaml").exists()]
        return cached("actors", sources + [Path(__file__)] + ([Path(extra)] if extra else []), lambda: cls._build(extra))

    @classmethod
    def _build(cls, extra: str | Path | None) -> "ActorKB":
        tables = {n: _load(f"{n}.yaml") for n in TABLES}
        if extra:
            if Path(extra).suffix.lower() == ".txt":
                from .petrarch import read_dictionary

                user = read_dictionary(extra).tables
            else:
                user = load_yaml(Path(extra)) or {}
            if not isinstance(user, dict):
                raise ValueError(f"{extra}: expected a mapping of table name -> list of entries")
            for name, rows in user.items():
                if name not in tables:
                    raise ValueError(f"{extra}: unknown table {name!r} (use one of {', '.join(tables)})")
                tables[name] = list(rows) + tables[name]  # user entries first: they win on clashes
        return cls(list(entries_from_tables(**tables)))

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def code_for(self, entry: Entry, date: str | None, sector: str | None = None) -> str | None:
        if entry.code and not sector:
            return entry.code
        sec = sector or entry.sector_on(date)
        if entry.country:
            return entry.country + (sec or "")
        return sec
