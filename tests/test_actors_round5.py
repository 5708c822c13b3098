"""Actor rules of the fifth round: the public of a sentence that names one state is that state's
(students, workers, demonstrators), fundamentalists and Islamists are an agent noun, "it" can refer back
to a party or group, "the Albanians of southern Serbia" live in Serbia, and a capital named as a
location in a story about another state's namesake city is that city. Sentences are our own."""
from __future__ import annotations

import pytest

from eventwire.document import Document


def codes(pipeline, text, date=None):
    return {m.text: m.code for m in pipeline(Document(id="t", text=text, date=date)).mentions}


@pytest.mark.parametrize("text, mention, code", [
    # the public of a sentence naming one state is that state's
    ("Thousands of workers marched on Friday against a wage bill of the Bolivian government.",
     "workers", "BOLLAB"),
    # ... and nobody's when it names two
    ("Thousands of workers marched on Friday against a trade deal between Peru and Chile.",
     "workers", "LAB"),
    # rebels never take the state the sentence names
    ("Israeli troops killed three militants near the border on Monday.",
     "militants", "REB"),
    # fundamentalists are an agent noun (RAD)
    ("Islamic fundamentalists began a hunger strike against the Tunisian president.",
     "fundamentalists", "TUNRAD"),
    # a people of a place is not of an adjective inside it
    ("Ukrainians of the Russian-occupied Crimea boycotted the referendum on Sunday.",
     "Ukrainians", "UKRCVL"),
])
def test_the_public_and_its_state(pipeline, text, mention, code):
    assert codes(pipeline, text).get(mention) == code


def test_it_refers_back_to_a_party(pipeline):
    doc = pipeline(Document(id="t", text="The main opposition party in Zambia said it would boycott the vote."))
    it = next(m for m in doc.mentions if m.text == "it")
    assert it.country == "ZMB" and it.sector in ("OPP", "PTY")  # "opposition party" is OPP


def test_it_does_not_refer_back_to_a_person_noun(pipeline):
    doc = pipeline(Document(id="t", text="A Zambian spokesman said it would rain all week."))
    assert not any(m.text == "it" and m.country == "ZMB" for m in doc.mentions)


def test_people_of_a_state_live_there(pipeline):
    found = codes(pipeline, "The Hungarians of northern Serbia demanded more schools in their language.")
    assert found.get("Hungarians") == "SRBCVL"
    found = codes(pipeline, "Hungarians in Serbia for a football match were told to stay indoors.")
    assert found.get("Hungarians") == "HUNCVL"


def test_capital_namesake_in_a_story_about_another_state(pipeline):
    found = codes(pipeline, "Gunmen clashed with militias in Tripoli, the main port of north Lebanon.")
    assert any(code == "LBNUAF" or code == "LBN" for code in found.values())
    assert not any(code and code.startswith("LBY") for code in found.values())
    found = codes(pipeline, "Tripoli said it would expel Lebanese diplomats.")
    assert found.get("Tripoli") == "LBYGOV"


def test_foreign_public_does_not_take_the_host_state(pipeline):
    found = codes(pipeline, "Thousands of foreign workers marched on Friday against a wage bill of the Bolivian government.")
    assert not any(code == "BOLLAB" for code in found.values())


def test_refugees_take_the_state_they_flee_not_their_host(pipeline):
    assert codes(pipeline, "Aid will reach refugees fleeing the fighting in Chad.").get("refugees") == "TCDREF"
    assert codes(pipeline, "Lithuania said it would take in 300 refugees.").get("refugees") == "REF"


def test_place_right_after_an_agent_places_it(pipeline):
    found = codes(pipeline, "Ministers outlawed a militant group in Northern Ireland last week.")
    assert found.get("militant group") == "GBRREB"
    found = codes(pipeline, "Charities fed families in Mali, Niger and Chad.")
    assert found.get("families") != "MLICVL"  # a list of states is not one state's people


def test_soviet_union_is_coded_as_russia(pipeline):
    found = codes(pipeline, "The Soviet Union threatened to walk out of arms talks with the United States.")
    assert found.get("Soviet Union") == "RUS"


def test_airline_owns_the_plane_it_flies(pipeline):
    found = codes(pipeline, "A Korean Air Lines Boeing was shot down near Sakhalin.")
    assert found.get("Korean Air Lines Boeing") == "KORBUSKAL"
    assert codes(pipeline, "Boeing said its factory would close.").get("Boeing") == "USABUSBOE"


def test_full_name_shared_by_two_leaders_of_one_state(pipeline):
    found = codes(pipeline, "The chancellor sent a letter to President George Bush on Monday.")
    assert found.get("President George Bush") == "USAGOV"


def test_historical_leader_and_seat_of_government(pipeline):
    assert codes(pipeline, "Idi Amin expelled thousands of traders.").get("Idi Amin") == "UGAGOV"
    assert codes(pipeline, "Bonn rejected the request for credits.").get("Bonn") == "DEUGOV"


def test_given_name_after_a_place_preposition_is_the_state(pipeline):
    assert codes(pipeline, "Libya will pull its troops out from Chad next month.").get("Chad") == "TCD"
    assert "TCD" not in codes(pipeline, "She got a letter from Chad Smith.").values()
