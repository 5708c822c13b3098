"""Our CAMEO code table, trigger lexicon and modality cues, loaded from the data files beside this module."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.kb import load_yaml

DATA = Path(__file__).with_name("data")
PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
    "behind", "below", "beside", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside",
    "into", "near", "of", "off", "on", "onto", "out", "over", "past", "regarding", "since", "through",
    "throughout", "to", "toward", "towards", "under", "until", "upon", "with", "within", "without",
}
PARTICLES = {"up", "down", "off", "out", "back", "away", "over", "in", "on", "through", "forward", "aside"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None
    plover_mode: str | None

    @property
    def quad_class(self) -> int:
        """GDELT convention: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
        3 verbal conflict (09-13), 4 material conflict (14-20)."""
        root = int(self.code[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True)
class Pattern:
    """A lexicon pattern: trigger lemma, further words that must hang off it, and the target slot."""
    id: str  # "lexicon:042:travel to {T}"
    code: str
    kind: str  # verb | noun
    trigger: str
    words: tuple[str, ...]  # lemmas after the trigger, {T} excluded
    target_after: int | None  # index into words after which {T} sits; -1 = right after the trigger

    @property
    def specificity(self) -> int:
        return len(self.words) + (1 if self.target_after is not None else 0)


def parse_pattern(code: str, kind: str, text: str) -> Pattern:
    parts = text.split()
    if not parts or parts[0] == "{T}":
        raise ValueError(f"lexicon {code}: pattern {text!r} must start with the trigger word")
    words, target_after = [], None
    for p in parts[1:]:
        if p == "{T}":
            target_after = len(words) - 1
        else:
            words.append(p)
    return Pattern(f"lexicon:{code}:{text}", code, kind, parts[0], tuple(words), target_after)


def lexicon_files(data_dir: Path) -> list[Path]:
    """lexicon.yaml first, then the supplements (same schema) in name order."""
    main = data_dir / "lexicon.yaml"
    return ([main] if main.exists() else []) + sorted(data_dir.glob("lexicon-*.yaml"))


@dataclass
class Lexicon:
    codes: dict[str, CameoCode]
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    modality: dict = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path = DATA) -> "Lexicon":
        """The lexicon in `data_dir` (cameo.csv, lexicon.yaml and its thematic supplements lexicon-*.yaml,
        modality.yaml), cached once compiled."""
        from ..cache import cached

        data_dir = Path(data_dir)
        sources = [data_dir / n for n in ("cameo.csv", "modality.yaml") if (data_dir / n).exists()]
        sources += lexicon_files(data_dir)
        return cached("lexicon", sources + [Path(__file__)], lambda: cls._read(data_dir))

    @classmethod
    def _read(cls, data_dir: Path) -> "Lexicon":
        codes = {}
        with (data_dir / "cameo.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                codes[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]),
                                               row.get("plover") or None, row.get("plover_mode") or None)
        lex = cls(codes)
        mod_path = data_dir / "modality.yaml"
        lex.modality = load_yaml(mod_path) if mod_path.exists() else {}
        entries = [(path.name, entry) for path in lexicon_files(data_dir) for entry in load_yaml(path) or []]
        for name, entry in entries:
            code = str(entry["code"])
            if code not in codes:
                raise ValueError(f"{name}: unknown CAMEO code {code!r}")
            for kind, table in (("verb", lex.verbs), ("noun", lex.nouns)):
                for text in entry.get(kind + "s") or []:
                    pat = parse_pattern(code, kind, text)
                    table.setdefault(pat.trigger, []).append(pat)
        lex._zero_derived()
        lex._split_spellings()
        for table in (lex.verbs, lex.nouns):
            for pats in table.values():
                pats.sort(key=lambda p: (-p.specificity, p.target_after is not None))  # {T} counts less than a word
        return lex

    def _zero_derived(self) -> None:
        """Event nouns spelt like their verb ("the riots against ...", "a raid on ..."): lexicon.yaml lists such
        a string once, under `verbs`, so the noun reading is added here. Only patterns with words beyond the
        trigger are copied: a bare noun is too often a figure of speech ("shares came under attack"), and a
        {T} that is the verb's direct object ("attack {T}") has no noun reading."""
        for lemma in {str(w) for w in self.modality.get("zero_derived") or []}:
            have = {p.id for p in self.nouns.get(lemma, ())}
            for pat in self.verbs.get(lemma, ()):
                if pat.id not in have and pat.words and pat.target_after != -1:
                    self.nouns.setdefault(lemma, []).append(
                        Pattern(pat.id, pat.code, "noun", pat.trigger, pat.words, pat.target_after))

    def _split_spellings(self) -> None:
        """Closed compounds that news also hyphenates ("cease-fire"): the parser splits the hyphenated form
        into a modifier and its noun, so every pattern written with the closed form gets a twin that spells it
        as modifier + noun ("declare cease fire"), matched by the lexicalised-modifier rule of the engine."""
        splits = {str(k): str(v).split() for k, v in (self.modality.get("split_spellings") or {}).items()}
        if not splits:
            return
        for table in (self.verbs, self.nouns):
            for pats in list(table.values()):
                for pat in list(pats):
                    text = pat.id.split(":", 2)[2].split()
                    if not any(w in splits for w in text):
                        continue
                    twin = " ".join(x for w in text for x in splits.get(w, [w]))
                    new = parse_pattern(pat.code, pat.kind, twin)
                    if all(p.id != new.id for p in table.get(new.trigger, ())):
                        table.setdefault(new.trigger, []).append(new)

    def cues(self, name: str) -> set[str]:
        value = self.modality.get(name) or []
        if isinstance(value, dict):
            value = value.get("cues") or []
        return {str(v).lower() for v in value}

    def embed(self, kind: str, code: str) -> tuple[bool, str | None]:
        """What an embedded action becomes under an intent/appeal/demand/reject/threat cue:
        (found, code); code None means the frame codes no event ("refused to condemn")."""
        section = self.modality.get(kind) or {}
        table = {str(k): v for k, v in (section.get("embed") or {}).items()} if isinstance(section, dict) else {}
        for key in (code, code[:3], code[:2]):
            if key in table:
                return True, None if table[key] is None else str(table[key])
        default = section.get("default", "keep") if isinstance(section, dict) else "keep"
        if default == "keep":
            return False, code
        return True, None if default is None else str(default)
