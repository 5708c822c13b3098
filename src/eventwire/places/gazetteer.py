"""The compact GeoNames gazetteer (data/gazetteer.tsv.gz, built by training/build_gazetteer.py), indexed by name."""
from __future__ import annotations

import gzip
import re
import unicodedata
import zlib
from array import array
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
    """Names and rows are kept packed (UTF-8 byte strings with offset arrays) and decoded on lookup: a cached
    gazetteer then unpickles as four buffers in milliseconds, where ~200,000 strings, tuples, dict and set
    entries took ~0.15-0.3 s of every start. Names are hashed (crc32: stable across processes, unlike `hash`)
    into buckets of a few names each, so a lookup is one slice search; the index also holds every first word
    of a name (with no rows) for `starts_name`."""

    def __init__(self, entries: list[Entry], names: dict[str, list[int]] | dict[str, tuple[int, ...]]):
        rows = [tuple(e.__dict__.values()) if isinstance(e, Entry) else tuple(e) for e in entries]
        self._rows, self._row_at = _pack([_encode_row(r) for r in rows])
        self.n_rows = len(rows)
        self.max_words = max((k.count(" ") + 1 for k in names), default=1)
        index = {k: ",".join(map(str, v)) for k, v in names.items()}
        for k in names:
            index.setdefault(k.split(" ", 1)[0], FIRST_WORD_ONLY)
        size = 1 << max(len(index) // 4, 1).bit_length()  # ~2-4 names per bucket
        buckets: list[list[str]] = [[] for _ in range(size)]
        for k, v in index.items():
            buckets[zlib.crc32(k.encode()) & (size - 1)].append(f"\n{k}\t{v}")
        self._mask = size - 1
        self._names, self._bucket_at = _pack(["".join(b) for b in buckets])

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

    def _postings(self, key: str) -> bytes | None:
        """The name's row numbers as written in the index ("3,17"), FIRST_WORD_ONLY, or None if unknown."""
        k = key.encode()
        h = zlib.crc32(k) & self._mask
        lo, hi = self._bucket_at[h], self._bucket_at[h + 1]
        at = self._names.find(b"\n" + k + b"\t", lo, hi)
        if at < 0:
            return None
        at += len(k) + 2
        end = self._names.find(b"\n", at, hi)
        return self._names[at:hi if end < 0 else end]

    def _row(self, i: int) -> Entry:
        gid, name, feature, country, admin1, lat, lon, pop = \
            self._rows[self._row_at[i]:self._row_at[i + 1]].decode("utf-8").split("\t")
        return Entry(int(gid) if gid else None, name, feature, country or None, admin1 or None,
                     float(lat), float(lon), int(pop))

    def candidates(self, text: str) -> list[Entry]:
        rows = self._postings(name_key(text))
        if not rows or rows == _FIRST:
            return []
        return [self._row(int(i)) for i in rows.split(b",")]

    @property
    def entries(self) -> list[Entry]:
        return [self._row(i) for i in range(self.n_rows)]

    def starts_name(self, word: str) -> bool:
        """Whether some name begins with this word (a cheap filter before trying longer spans)."""
        return self._postings(name_key(word).split(" ", 1)[0]) is not None

    def __contains__(self, text: str) -> bool:
        rows = self._postings(name_key(text))
        return rows is not None and rows != _FIRST

    def is_primary(self, entry: Entry, text: str) -> bool:
        return name_key(entry.name) == name_key(text)


FIRST_WORD_ONLY = "-"  # in the index: a first word of some name that is not a name itself
_FIRST = FIRST_WORD_ONLY.encode()


def _encode_row(row: tuple) -> str:
    # repr() of a float reads back as the same float; None is written empty, as in the TSV
    return "\t".join("" if v is None else repr(v) if isinstance(v, float) else str(v) for v in row)


def _pack(parts: list[str]) -> tuple[bytes, array]:
    """Parts joined into one UTF-8 byte string, and the byte offset where each starts (plus the end)."""
    encoded = [p.encode("utf-8") for p in parts]
    offsets = array("Q", [0])
    for b in encoded:
        offsets.append(offsets[-1] + len(b))
    return b"".join(encoded), offsets


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process and shared by the places and actors stages."""
    return Gazetteer.load()
