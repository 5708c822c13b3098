"""Disambiguate toponyms to gazetteer entries: population and feature class as the prior, the article's
countries and regions (from its actors and its unambiguous toponyms) and "City, State" pairs as context.

One sense per discourse: every occurrence of a name in an article gets the same entry.
"""
from __future__ import annotations

import math
from collections import Counter

from .gazetteer import Entry, Gazetteer, name_key

# a bare name is a country before a state before a city of the same size; capitals are the usual referent
FEATURE_PRIOR = {"CONT": 3.0, "PCL": 3.0, "ADM1": 1.5, "ADM2": 1.0, "PPLC": 1.5, "PPL": 0.0}
COUNTRY_WEIGHT = 3.0  # times the share of the article's country evidence pointing at the candidate's country
REGION_BONUS = 2.5  # the candidate lies in a state / province the article names
CONTAINER_BONUS = 6.0  # "Paris, Texas": the next name contains the candidate
ALIAS_PENALTY = 0.5  # matched an alternate name, not the entry's own


def prior(entry: Entry, text: str, gaz: Gazetteer) -> float:
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)
    return score if gaz.is_primary(entry, text) else score - ALIAS_PENALTY


def contains(outer: Entry, inner: Entry) -> bool:
    if outer.feature == "PCL":
        return inner.country == outer.country and inner is not outer
    if outer.feature == "ADM1":
        return inner.country == outer.country and inner.admin1 == outer.admin1 and inner.feature not in ("PCL", "ADM1")
    return False


def _namesakes(cands: list[Entry], region_named: bool) -> list[Entry]:
    """A city and the state or province named after it ("New York", "Aleppo", "Quebec"): a bare name is the
    city, "X state" / "X province" the region. Likewise a national capital and a region of its country."""
    cities = {(e.country, e.admin1) for e in cands if e.feature in ("PPL", "PPLC")}
    capitals = {e.country for e in cands if e.feature == "PPLC"}  # "Washington" is the capital, not the state
    if region_named:
        return [e for e in cands if e.feature != "PPL" and e.feature != "PPLC"] or cands
    return [e for e in cands if not (e.feature == "ADM1" and ((e.country, e.admin1) in cities or e.country in capitals))]


def resolve_all(texts: list[str], pairs: list[tuple[int, int]], actor_countries: Counter,
                gaz: Gazetteer, region_names: set[str] = frozenset()) -> list[Entry | None]:
    """`texts`: the toponyms in order; `pairs`: (i, j) where toponym j directly follows "i ," and may contain it;
    `actor_countries`: ISO3 counts of the article's resolved actors; `region_names`: name keys written as
    regions somewhere ("Idlib province"). Returns one entry (or None) per toponym."""
    keys = [name_key(t) for t in texts]
    cands = {k: _namesakes(gaz.candidates(t), k in region_names) for k, t in zip(keys, texts)}
    first = {k: max(c, key=lambda e: prior(e, t, gaz)) if c else None for k, t, c in
             ((k, t, cands[k]) for k, t in zip(keys, texts))}
    # context: countries of the actors and of names that are unambiguous or are countries / regions themselves
    countries = Counter(actor_countries)
    regions: set[tuple[str, str]] = set()
    for k in keys:
        e = first[k]
        if e is None:
            continue
        sure = len(cands[k]) == 1 or e.feature in ("PCL", "ADM1", "CONT")
        if sure and e.country:
            countries[e.country] += 1
            if e.feature == "ADM1" and e.admin1:
                regions.add((e.country, e.admin1))
    total = sum(countries.values()) or 1
    forced: dict[str, Entry] = {}
    for i, j in pairs:
        best = None
        for outer in cands[keys[j]]:
            for inner in cands[keys[i]]:
                if contains(outer, inner):
                    s = prior(inner, texts[i], gaz) + prior(outer, texts[j], gaz)
                    if best is None or s > best[0]:
                        best = (s, inner, outer)
        if best:
            forced[keys[i]] = best[1]
            forced.setdefault(keys[j], best[2])

    def score(e: Entry, text: str) -> float:
        s = prior(e, text, gaz) + COUNTRY_WEIGHT * countries.get(e.country, 0) / total
        if (e.country, e.admin1) in regions and e.feature not in ("ADM1", "PCL"):
            s += REGION_BONUS
        return s

    chosen: dict[str, Entry | None] = {}
    for k, t in zip(keys, texts):
        if k in chosen:
            continue
        if k in forced:
            chosen[k] = forced[k]
        elif cands[k]:
            chosen[k] = max(cands[k], key=lambda e: score(e, t))
        else:
            chosen[k] = None
    return [chosen[k] for k in keys]
