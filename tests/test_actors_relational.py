"""Relational nouns after a possessive ("Israel's militia ally", "its neighbour", "China's partners"):
the possessor is the other end of the relation, not the actor meant. Sentences are our own."""
from __future__ import annotations

import pytest

from eventwire.actors.compose import RELATIONAL
from eventwire.document import Document


def mentions(pipeline, text):
    return {m.text: m for m in pipeline(Document(id="t", text=text, date="2021-03-04")).mentions}


def test_noun_list_is_data():
    assert {"ally", "allies", "neighbour", "neighbors", "rivals", "proxies"} <= RELATIONAL
    assert not RELATIONAL & {"army", "troops", "minister"}


@pytest.mark.parametrize("text, possessor, owner_code", [
    ("Venezuela's rival massed its ships along the river on Tuesday.", "Venezuela", "VEN"),
    ("Egypt's partners pledged new loans at the summit.", "Egypt", "EGY"),
    ("Moscow's allies walked out of the assembly.", "Moscow", "RUSGOV"),
    ("Ethiopia's enemies were blamed for the blast.", "Ethiopia", "ETH"),
])
def test_possessor_is_not_the_relational_actor(pipeline, text, possessor, owner_code):
    got = mentions(pipeline, text)
    assert got[possessor].code == owner_code  # the possessor itself is still found
    rel = [m for m in got.values() if m.start > got[possessor].end and m.text.split()[-1] in RELATIONAL]
    assert rel and all(m.country != got[possessor].country for m in rel)


def test_its_neighbours(pipeline):
    got = mentions(pipeline, "Mali said its neighbours had closed the border to traders.")
    assert "its neighbours" in got and got["its neighbours"].country is None
    assert not any(m.kind == "coref" and m.text == "its" for m in got.values())


def test_sector_word_before_the_relational_noun_stays(pipeline):
    got = mentions(pipeline, "Syria's militia allies shelled the village on Monday.")
    ally = next(m for m in got.values() if m.text.endswith("allies"))
    assert ally.sector == "UAF" and ally.country != "SYR"


def test_country_word_before_the_relational_noun_names_the_actor(pipeline):
    got = mentions(pipeline, "Iran's Lebanese allies rejected the proposal.")
    ally = next(m for m in got.values() if m.text.endswith("allies"))
    assert ally.country == "LBN"


def test_name_after_the_relational_noun_is_the_actor(pipeline):
    got = mentions(pipeline, "China's ally Cambodia hosted the meeting.")
    assert any(m.code == "KHM" and "Cambodia" in m.text for m in got.values())
    assert not any(m.country == "CHN" and "ally" in m.text for m in got.values())


@pytest.mark.parametrize("text, mention, code", [
    # the possessor IS meant before an agent or institution noun
    ("Venezuela's army sealed the border.", "Venezuela's army", "VENMIL"),
    ("Egypt's foreign minister flew to Rome.", "Egypt's foreign minister", "EGYGOV"),
    ("Ghana said its troops would stay until May.", "troops", "GHAMIL"),
])
def test_possessor_still_owns_agents(pipeline, text, mention, code):
    assert mentions(pipeline, text)[mention].code == code


def test_a_persons_allies_are_left_alone(pipeline):
    # a leader's allies are mostly his compatriots: no relational mention is made
    got = mentions(pipeline, "President Emmanuel Macron's allies won the vote.")
    assert not any(m.text.endswith("allies") and m.kind == "agent" for m in got.values())


def test_event_source_is_not_the_possessor(pipeline):
    doc = pipeline(Document(id="t", text="Ukraine's neighbour shelled the border town of Sumy on Friday.",
                            date="2021-03-04"))
    shelling = [e for e in doc.events if e.source is not None and "neighbour" in e.source.text]
    assert shelling and all(e.source.country != "UKR" for e in shelling)


def test_one_neighbour_owned_by_a_pronoun_is_the_other_state(pipeline):
    got = mentions(pipeline, "Peru protested to Chile on Monday, accusing its neighbour of spying.")
    assert got["its neighbour"].country == "CHL"
    # a plural listed with its owner is a group of unnamed states
    assert mentions(pipeline, "Kenya and its neighbours signed the pact.")["its neighbours"].country is None
