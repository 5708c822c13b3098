"""The packed gazetteer index: lookups by normalised name, first words, rows decoded on demand, pickling."""
from __future__ import annotations

import gzip
import pickle

from eventwire.places.gazetteer import DATA, Entry, Gazetteer, name_key

# invented places: (geonameid, name, feature, country, admin1, lat, lon, population)
ROWS = [
    (101, "Port Veridian", "PPLC", "XVA", "01", 12.5, -3.25, 250_000),
    (102, "Veridia", "PCL", "XVA", None, 12.0, -3.0, 4_000_000),
    (103, "Port Veridian", "PPL", "XVB", "07", -40.125, 170.0, 1_200),
    (None, "Álvaro Heights", "ADM2", "XVB", "07", 0.1, 0.2, 0),
]
NAMES = {"port veridian": [0, 2], "veridia": [1], "pv": [0], "alvaro heights": [3], "old port of veridia": [1]}


def small() -> Gazetteer:
    return Gazetteer([Entry(*r) for r in ROWS[:2]] + [ROWS[2], ROWS[3]], NAMES)


def test_lookups_normalise_the_name_and_decode_whole_rows():
    gaz = small()
    assert [tuple(e.__dict__.values()) for e in gaz.candidates("Port  Veridian")] == [ROWS[0], ROWS[2]]
    assert [e.geonameid for e in gaz.candidates("the Veridia")] == [102]  # a leading "the" does not count
    assert [e.geonameid for e in gaz.candidates("PV")] == [101]
    assert gaz.candidates("Alvaro-Heights")[0].geonameid is None  # a missing id stays None
    assert gaz.candidates("Álvaro Heights")[0].admin1 == "07"
    assert gaz.candidates("Veridia")[0].admin1 is None and gaz.candidates("Atlantis") == []
    assert "VERIDIA" in gaz and "Atlantis" not in gaz and "Port" not in gaz


def test_first_words_filter_longer_names_but_are_not_names():
    gaz = small()
    assert gaz.starts_name("Port") and gaz.starts_name("Old") and gaz.starts_name("Veridia")
    assert not gaz.starts_name("Heights") and not gaz.starts_name("Atlantis")
    assert "Old" not in gaz and gaz.candidates("old") == []
    assert gaz.max_words == 4


def test_entries_and_pickling_keep_every_row():
    gaz = pickle.loads(pickle.dumps(small()))
    assert [tuple(e.__dict__.values()) for e in gaz.entries] == ROWS
    assert [e.country for e in gaz.candidates("port veridian")] == ["XVA", "XVB"]
    assert gaz.is_primary(gaz.candidates("Veridia")[0], "veridia")


def test_shipped_index_finds_every_name_of_a_sample_of_rows():
    gaz = Gazetteer.load()
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        next(fh)
        lines = [line.rstrip("\n").split("\t") for n, line in enumerate(fh) if n % 97 == 0]
    assert len(lines) > 100
    for gid, name, feature, country, _admin1, lat, _lon, _pop, keys in lines:
        for key in keys.split("|"):
            assert key in gaz and gaz.starts_name(key.split(" ")[0])
            assert any(e.name == name and e.feature == feature and e.lat == float(lat)
                       and e.geonameid == (int(gid) if gid else None) and e.country == (country or None)
                       for e in gaz.candidates(key))
    assert name_key("The Hague") == "hague"
