"""Session 13 actor rules: definite descriptions of a state or body ("the country", "the kingdom", "the
group"), holdings of a stateless armed group placed in a state, ethnic groups placed by a state (not by a
newspaper), and the places added to the knowledge base (East Jerusalem, Karen fighters)."""
from __future__ import annotations

from eventwire.document import Document


def found(pipeline, text, date=None):
    return pipeline(Document(id="t", text=text, date=date)).mentions


def by_text(pipeline, text):
    return {m.text: m for m in found(pipeline, text)}


def test_the_country_refers_to_the_latest_state(pipeline):
    got = by_text(pipeline, "Peru expelled two envoys on Friday. The country also recalled its ambassador.")
    assert got["The country"].country == "PER"
    assert got["The country"].antecedent is not None and got["The country"].antecedent.text == "Peru"


def test_a_described_state_refers_back(pipeline):
    got = by_text(pipeline, "Oman reopened its border crossings. The sultanate later thanked the mediators.")
    assert got["The sultanate"].country == "OMN"
    got = by_text(pipeline, "Bhutan signed a trade deal. The small Himalayan kingdom hopes to export power.")
    assert got["The small Himalayan kingdom"].country == "BTN"


def test_the_group_takes_the_latest_body_and_its_code(pipeline):
    got = by_text(pipeline, "Hezbollah fired drones at a base. The group said the strike was a warning.")
    assert got["The group"].code == got["Hezbollah"].code
    assert got["The group"].country == "LBN"


def test_no_state_no_reference(pipeline):
    got = by_text(pipeline, "The country music festival was cancelled because of rain.")
    assert not any(m.country for m in got.values())


def test_other_states_and_place_phrases_are_left_alone(pipeline):
    got = by_text(pipeline, "Chile thanked Peru. The other country had sent firefighters.")
    assert "The other country" not in got
    got = by_text(pipeline, "Chile said aid workers in the country need visas.")
    assert "the country" not in got  # where the workers are, not who acts


def test_a_bare_state_is_not_a_reference(pipeline):
    got = by_text(pipeline, "Japan raised taxes. The state will spend the money on schools.")
    assert "The state" not in got or not got["The state"].country


def test_holding_of_a_transnational_group_is_the_state_it_lies_in(pipeline):
    ms = found(pipeline, "French jets bombed Islamic State depots near Raqqa on Sunday.")
    holding = next(m for m in ms if "depots" in m.text)
    assert holding.country == "SYR" and holding.sector == "REB"
    ms = found(pipeline, "Drones hit Islamic State camps in northern Iraq.")
    assert next(m for m in ms if "camps" in m.text).country == "IRQ"


def test_holding_of_a_group_with_a_home_keeps_its_home(pipeline):
    ms = found(pipeline, "Israeli jets struck Hamas positions in Gaza.")
    assert not any("positions in Gaza" in m.text for m in ms)
    assert any(m.code == "PSEREBHMS" for m in ms)


def test_ethnic_group_placed_by_a_state_not_a_newspaper(pipeline):
    got = by_text(pipeline, "Serbia is planning a new offensive against ethnic Hungarian fighters, the "
                            "Washington Post reported.")
    ethnic = next(m for t, m in got.items() if "ethnic Hungarian" in t)
    assert ethnic.country == "SRB"


def test_east_jerusalem_is_palestinian(pipeline):
    got = by_text(pipeline, "Israel approved new housing units in East Jerusalem.")
    assert got["East Jerusalem"].country == "PSE"
    assert by_text(pipeline, "Jerusalem rejected the plan.")["Jerusalem"].country == "ISR"


def test_karen_fighters_are_from_myanmar(pipeline):
    got = by_text(pipeline, "Army units overran a Karen guerrilla base near the border.")
    assert any(m.country == "MMR" for t, m in got.items() if "Karen" in t)


def test_a_holding_noun_used_as_a_verb_places_nothing(pipeline):
    ms = found(pipeline, "Islamic State targets Christian families in Mosul, refugees say.")
    assert any(m.code == "IMGISI" for m in ms)
    assert not any("Mosul" in m.text and "Islamic" in m.text for m in ms)
