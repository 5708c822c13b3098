"""Places that give an actor its country: regions in countries.yaml, cities and provinces from the places
gazetteer, country names misspelt by one letter; a place where something happens is not itself an actor."""
from __future__ import annotations

import yaml

from eventwire.actors.geo import country_of_place
from eventwire.actors.kb import DATA
from eventwire.document import Document


def mentions(pipeline, text, date=None):
    return pipeline(Document(id="t", text=text, date=date)).mentions


def by_text(pipeline, text, date=None):
    return {m.text: m for m in mentions(pipeline, text, date)}


def test_regions_schema():
    rows = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    regions = [(r["iso3"], x) for r in rows for x in r.get("regions") or []]
    assert ("SDN", "Darfur") in regions
    assert all(isinstance(x, str) and x[:1].isupper() for _, x in regions)
    names = [x for _, x in regions]
    assert len(names) == len(set(names))  # a region lies in one state


def test_region_before_agent_noun(pipeline):
    found = by_text(pipeline, "Khartoum blamed Darfur rebels for an attack on a supply convoy.")
    assert found["Darfur rebels"].code == "SDNREB"


def test_gazetteer_country_of_a_place():
    assert country_of_place("Kirkuk") == "IRQ"
    assert country_of_place("Sindh") == "PAK"
    # many namesakes in several states: only the article's own state decides
    assert country_of_place("Greenville") is None
    assert country_of_place("Greenville", {"LBR"}) == "LBR"
    assert country_of_place("Nowhereville Xq") is None


def test_city_and_province_give_their_country(pipeline):
    found = by_text(pipeline, "Crowds gathered in the oil city of Kirkuk late on Friday.")
    assert found["Kirkuk"].country == "IRQ"
    assert found["Kirkuk"].code is None  # where it happened: a country for its phrase, no actor by itself
    found = by_text(pipeline, "A week ago the government of Sindh province closed every school.")
    assert found["government"].code == "PAKGOV"
    found = by_text(pipeline, "An attempt to kill the deputy governor of the Tyumen region was thwarted.")
    assert found["governor"].country == "RUS"


def test_misspelt_country_names(pipeline):
    resolver = pipeline.resolver
    assert resolver.misspelt_country("Afganistan") == "AFG"
    assert resolver.misspelt_country("Ethopia") == "ETH"
    assert resolver.misspelt_country("Afghanistan") is None  # the right spelling is the gazetteer match's job
    assert resolver.misspelt_country("Mali") is None and resolver.misspelt_country("Bali") is None
    found = by_text(pipeline, "India welcomed a new proposal from Afganistan on trade routes.")
    assert found["Afganistan"].country == "AFG"


def test_dateline_is_no_actor(pipeline):
    found = by_text(pipeline, "New York (CNN) French President Emmanuel Macron rejected any military solution.")
    assert "New York" not in found
    assert any(m.code == "FRAGOV" for m in found.values())


def test_in_phrase_gives_a_countryless_agent_its_country(pipeline):
    found = by_text(pipeline, "Security forces in Guinea have detained hundreds of students.")
    assert found["Security forces in Guinea"].code == "GINCOP"


def test_agent_noun_before_a_known_body_describes_it(pipeline):
    found = by_text(pipeline, "Late on Friday the rebel Kurdistan Workers' Party announced a truce.")
    assert found["rebel Kurdistan Workers' Party"].code == "TURREBPKK"
    assert "rebel" not in found


def test_possessive_before_an_agent_noun_is_the_state(pipeline):
    # "Niger" is ambiguous (a river; NER may call it a person); "Niger's ambassador" is the state's
    found = by_text(pipeline, "Benin recalled Niger's ambassador Issa Garba after the border row.")
    # the office and the name after it are one person: "Niger's ambassador Issa Garba"
    assert found["Niger's ambassador Issa Garba"].code == "NERGOV"
