"""Import TABARI/PETRARCH actor and agent dictionaries into eventwire's actor tables.

The result uses the same YAML schema as our own data (src/eventwire/actors/data/README.md), so
`ActorKB.load("my-actors.txt")` merges a PETRARCH dictionary over ours and
`eventwire import-actors DICT... -o out.yaml` writes it out for editing.

Supported (docs/petrarch.md): actor names with `_` for spaces, `+` synonyms, codes on the name
line or on indented lines below it, dated codes `[CODE <D]`, `[CODE >D]`, `[CODE D1-D2]` (six-digit
YYMMDD or eight-digit YYYYMMDD), compound codes `[A/B]` (kept whole), `#` and `<!-- -->` comments;
agents `NOUN {PLURALS} [~SECTOR]` with PETRARCH's plural rule, `{}` for none, `!MACRO! = A, B`
substitutions, and prefix codes `[NGO~]` (imported as a sector, which eventwire appends).
A malformed line is reported as `file:line: why` and skipped; it never aborts the import.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

log = logging.getLogger(__name__)
EARLIEST = "0001-01-01"  # start of an undated default role: sorts before every dated one
TABLES = ("countries", "organizations", "people", "agents")
_CODE = re.compile(r"^[A-Z0-9+#\-]+(?:/[A-Z0-9+#\-]+)*$")
_DATE = r"(\d{8}|\d{6})"
_ROLE = re.compile(rf"^(?P<code>\S+?)\s*(?:(?P<op>[<>])\s*{_DATE}|(?P<d1>\d{{8}}|\d{{6}})\s*-\s*(?P<d2>\d{{8}}|\d{{6}}))?$")
_SMALL = {"of", "the", "and", "de", "du", "la", "le", "al", "for", "in", "on"}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class DictImport:
    """Rows for our tables plus what could not be imported (`problems`) or was imported with a loss (`notes`)."""
    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})
    problems: list[Problem] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)

    def extend(self, other: "DictImport") -> None:
        for name, rows in other.tables.items():
            self.tables.setdefault(name, []).extend(rows)
        self.problems += other.problems
        self.notes.update(other.notes)


def clean_lines(text: str):
    """(line number, content) with `<!-- -->` blocks and `#` comments removed; blank lines kept as ''."""
    in_comment = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!" in line:  # "<!--" and the "<! --" variant seen in old dictionaries
            head, rest = line.split("<!", 1)
            if "-->" in rest:
                line = head + rest.split("-->", 1)[1]
            else:
                line, in_comment = head, True
        yield n, _uncomment(line).rstrip()


def _uncomment(line: str) -> str:
    """Cut a '#' comment, but not a '#' inside a code ('[###]' is PETRARCH's discard code)."""
    depth = 0
    for i, ch in enumerate(line):
        depth += (ch == "[") - (ch == "]")
        if ch == "#" and depth <= 0:
            return line[:i]
    return line


def display_name(raw: str) -> str:
    """'PRESIDENT_GEORGE_W._BUSH' -> 'President George W. Bush'; acronyms (IMF, U.N.) stay upper case."""
    words = raw.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if "." in w or (len(w) <= 3 and not re.search("[aeiouAEIOU]", w)):
            out.append(w)  # an acronym
        elif i > 0 and low in _SMALL:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def iso_date(raw: str) -> str:
    """TABARI six-digit YYMMDD (years up to 30 are 20xx) or eight-digit YYYYMMDD -> ISO date."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = ("20" if yy <= 30 else "19") + raw
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()


def _shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def parse_code(text: str) -> tuple[str, str | None, str | None]:
    """'HOBGOV 19950601 - 19990815' -> ('HOBGOV', '1995-06-01', '1999-08-15'); an open range
    '<D' ends the day before D and '>D' starts the day after. Raises ValueError when malformed."""
    m = _ROLE.match(text.strip())
    if not m:
        raise ValueError(f"cannot read code [{text.strip()}]")
    code = m["code"].upper()
    if not _CODE.match(code):
        raise ValueError(f"not an actor code: {code!r}")
    if m["op"]:
        day = iso_date(m.group(3))
        return (code, EARLIEST, _shift(day, -1)) if m["op"] == "<" else (code, _shift(day, 1), None)
    if m["d1"]:
        return code, iso_date(m["d1"]), iso_date(m["d2"])
    return code, None, None


def _brackets(text: str) -> tuple[str, list[str]]:
    """Split 'NAME [A] [B <D]' into 'NAME' and ['A', 'B <D']; ValueError when brackets do not pair up."""
    if text.count("[") != text.count("]") or re.search(r"\[[^\]]*\[", text):
        raise ValueError("unbalanced '[ ]'")
    head, bracket, rest = text.partition("[")
    rest = bracket + rest
    codes = re.findall(r"\[([^\[\]]*)\]", rest)
    leftover = re.sub(r"\[[^\[\]]*\]", "", rest).strip()
    if leftover:
        raise ValueError(f"unexpected text after a code: {leftover!r}")
    return head.strip(), codes


def _split(code: str) -> tuple[str | None, str | None]:
    """Leading three characters are the country, the rest the sector: 'ARNGOV' -> ('ARN', 'GOV')."""
    first = code.split("/")[0]
    if first.strip("-+#") == "" and len(first) == 3:
        return first, None  # PETRARCH's null actor '---' (and '+++'): kept as its own code
    if first[:3].strip("-+#") == "" and len(first) > 3:
        return None, first[3:]  # '---GOV': sector known, country not
    return first[:3], (first[3:] or None)


@dataclass
class _Actor:
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def _actor_row(a: _Actor, result: DictImport, path: str) -> None:
    defaults = [c for c, s, e in a.codes if s is None]
    dated = [(c, s, e) for c, s, e in a.codes if s is not None]
    if not defaults and not dated:
        result.problems.append(Problem(path, a.line, f"{a.name!r} has no code; skipped"))
        return
    if len(defaults) > 1:
        result.problems.append(Problem(path, a.line, f"{a.name!r} has {len(defaults)} undated codes; kept {defaults[0]}"))
    names = list(dict.fromkeys([a.name, *a.synonyms]))
    if "/" in (defaults or [dated[0][0]])[0]:
        result.notes["compound codes kept whole (A/B)"] += 1
    if dated:
        roles = []
        for code, start, end in ([(defaults[0], EARLIEST, None)] if defaults else []) + dated:
            country, sector = _split(code)
            roles.append({"title": f"PETRARCH {code}", "sector": sector or "", "start": start, "end": end,
                          "country": country})
        country = roles[0]["country"]
        result.tables["people"].append({"name": names[0], "aliases": names[1:], "country": country, "roles": roles})
        result.notes["dated entries (people with roles)"] += 1
        return
    code = defaults[0]
    if re.fullmatch(r"[A-Z]{3}", code):
        result.tables["countries"].append({"iso3": code, "name": names[0], "aliases": names[1:]})
        return
    country, sector = _split(code)
    result.tables["organizations"].append({"code": code, "names": names, "country": country, "sector": sector})


def read_actors(path: str | Path, text: str | None = None) -> DictImport:
    """A TABARI/PETRARCH actor dictionary -> countries (bare three-letter codes), organizations
    (longer codes, kept whole) and people (entries with dated codes)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace") if text is None else text
    result, current = DictImport(), None
    for n, line in clean_lines(text):
        s = line.strip()
        if not s:
            continue
        try:
            if s.startswith("+"):
                if current is None:
                    raise ValueError("synonym with no actor above it")
                name, codes = _brackets(s[1:])
                if not name:
                    raise ValueError("empty synonym")
                current.synonyms.append(display_name(name))
                current.codes += [parse_code(c) for c in codes]
            elif s.startswith("["):
                if current is None:
                    raise ValueError("code with no actor above it")
                _, codes = _brackets(s)
                current.codes += [parse_code(c) for c in codes]
            else:
                if current is not None:
                    _actor_row(current, result, str(path))
                current = None
                name, codes = _brackets(s)
                if not name:
                    raise ValueError("code with no name")
                entry = _Actor(n, display_name(name))
                entry.codes = [parse_code(c) for c in codes]
                current = entry
        except ValueError as err:
            result.problems.append(Problem(str(path), n, f"{err}; line skipped"))
    if current is not None:
        _actor_row(current, result, str(path))
    return result


def plural(phrase: str) -> str:
    """PETRARCH's plural rule on the head word (the last word, or the word before 'of')."""
    words = phrase.split()
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        w += "es"
    else:
        w += "s"
    words[i] = w
    return " ".join(words)


def read_agents(path: str | Path, text: str | None = None) -> DictImport:
    """A PETRARCH agent dictionary -> agents rows, one per sector, nouns with their plurals."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace") if text is None else text
    result = DictImport()
    macros: dict[str, list[str]] = {}
    by_sector: dict[str, list[str]] = {}
    for n, line in clean_lines(text):
        s = line.strip()
        if not s:
            continue
        try:
            m = re.match(r"^!(\w+)!\s*=\s*(.+)$", s)
            if m:
                macros[m[1].upper()] = [w.strip() for w in m[2].split(",") if w.strip()]
                continue
            plurals = None
            if "{" in s:
                head, _, rest = s.partition("{")
                inner, closed, rest = rest.partition("}")
                if not closed:
                    raise ValueError("unclosed '{'")
                plurals, s = [p.replace("_", " ") for p in inner.split()], head + rest
            name, codes = _brackets(s)
            if not name or len(codes) != 1:
                raise ValueError("expected 'NOUN [~CODE]'")
            code = codes[0].strip().upper().replace(" ", "")
            if code.startswith("~"):
                sector = code[1:]
            elif code.endswith("~"):
                sector = code[:-1]
                result.notes["prefix agent codes (X~) imported as sectors"] += 1
            else:
                raise ValueError(f"agent code {code!r} has no '~'")
            if not re.fullmatch(r"[A-Z0-9]+", sector):
                raise ValueError(f"not an agent code: {code!r}")
            forms = [name]
            for macro in re.findall(r"!(\w+)!", name):
                if macro.upper() not in macros:
                    raise ValueError(f"unknown substitution !{macro}!")
                forms = [f.replace(f"!{macro}!", alt) for f in forms for alt in macros[macro.upper()]]
            nouns = [f.replace("_", " ").lower().strip() for f in forms]
            if plurals is None and len(forms) == 1:  # substitution lists already carry their plurals
                nouns += [plural(x) for x in nouns]
            elif plurals:
                nouns += [p.lower() for p in plurals]
            by_sector.setdefault(sector, []).extend(nouns)
        except ValueError as err:
            result.problems.append(Problem(str(path), n, f"{err}; line skipped"))
    result.tables["agents"] = [{"sector": sec, "nouns": list(dict.fromkeys(nouns))} for sec, nouns in by_sector.items()]
    return result


def is_agent_dictionary(text: str) -> bool:
    """Agent dictionaries code with '~' ([~GOV], [NGO~]); actor dictionaries never do."""
    return bool(re.search(r"\[\s*~|~\s*\]", text))


def read_dictionary(path: str | Path, report: bool = True) -> DictImport:
    """An actor or agent dictionary (told apart by its codes); problems are logged as `file:line: why`."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    result = read_agents(path, text) if is_agent_dictionary(text) else read_actors(path, text)
    if report:
        for p in result.problems:
            log.warning("%s", p)
    return result


def read_dictionaries(paths, report: bool = True) -> DictImport:
    out = DictImport()
    for p in paths:
        out.extend(read_dictionary(p, report))
    return out


def to_yaml(result: DictImport) -> str:
    import yaml

    tables = {name: rows for name, rows in result.tables.items() if rows}
    head = "# Converted from TABARI/PETRARCH dictionaries by `eventwire import-actors` (docs/petrarch.md).\n"
    return head + yaml.safe_dump(tables, sort_keys=False, allow_unicode=True, width=120)
