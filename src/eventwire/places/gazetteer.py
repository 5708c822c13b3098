"""The compact GeoNames gazetteer (data/gazetteer.tsv.gz, built by training/build_gazetteer.py), indexed by name."""
from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "gazetteer.tsv.gz"
FEATURES = ("CONT", "PCL", "ADM1", "ADM2", "PPLC", "PPL")


@dataclass(frozen=True)
class Entry:
    geonameid: int | None
    name: str
    feature: str  # CONT continent, PCL country, ADM1 state/province, ADM2 US county, PPLC capital, PPL city
    country: str | None  # ISO3
    admin1: str | None  # GeoNames admin1 code within the country ("TX", "08")
    lat: float
    lon: float
    population: int


def name_key(text: str) -> str:
    """Case, diacritics, dots, apostrophes and a leading "the" do not distinguish place names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace(".", " ").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    def __init__(self, entries: list[Entry], names: dict[str, list[int]] | dict[str, tuple[int, ...]]):
        # rows are kept as tuples (Entry objects are made on lookup): a cached gazetteer unpickles 5x faster
        self.rows = [tuple(e.__dict__.values()) if isinstance(e, Entry) else tuple(e) for e in entries]
        self.names = {k: tuple(v) for k, v in names.items()}  # tuples: the cyclic GC stops tracking them
        self.max_words = max((k.count(" ") + 1 for k in names), default=1)
        self.first_words = {k.split(" ", 1)[0] for k in names}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        from ..cache import cached

        return cached("gazetteer", [Path(path or DATA), Path(__file__)], lambda: cls._read(path))

    @classmethod
    def _read(cls, path: str | Path | None) -> "Gazetteer":
        entries: list[tuple] = []
        names: dict[str, list[int]] = {}
        with gzip.open(path or DATA, "rt", encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                gid, name, feature, country, admin1, lat, lon, pop, keys = line.rstrip("\n").split("\t")
                i = len(entries)
                entries.append((int(gid) if gid else None, name, feature, country or None, admin1 or None,
                                float(lat), float(lon), int(pop or 0)))
                for k in keys.split("|"):  # normalised by the build (name_key), the entry's own name first
                    names.setdefault(k, []).append(i)
        return cls(entries, names)

    def candidates(self, text: str) -> list[Entry]:
        return [Entry(*self.rows[i]) for i in self.names.get(name_key(text), ())]

    @property
    def entries(self) -> list[Entry]:
        return [Entry(*r) for r in self.rows]

    def starts_name(self, word: str) -> bool:
        """Whether some name begins with this word (a cheap filter before trying longer spans)."""
        return name_key(word).split(" ", 1)[0] in self.first_words

    def __contains__(self, text: str) -> bool:
        return name_key(text) in self.names

    def is_primary(self, entry: Entry, text: str) -> bool:
        return name_key(entry.name) == name_key(text)


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process and shared by the places and actors stages."""
    return Gazetteer.load()
