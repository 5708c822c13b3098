"""Actor rules of the sixth round: a generic institution after a named body is that body's ("Hamas
police" PSECOP, not a countryless police; "the Hamas politburo" is no Chinese one), a body or agent
after a possessive pronoun is its referent's ("its Senate", "its troops from Chad"), and the person
look-ups live in their own module. Sentences are our own."""
from __future__ import annotations

import importlib

import pytest

from eventwire.actors import persons
from eventwire.document import Document


def codes(pipeline, text, date=None):
    return {m.text: m.code for m in pipeline(Document(id="t", text=text, date=date)).mentions}


@pytest.mark.parametrize("text, mention, code", [
    # a generic institution after a country-tied body takes the body's country and keeps its own sector
    ("Hamas police arrested three men in Gaza on Tuesday.", "Hamas police", "PSECOP"),
    # a default country ("Politburo" -> CHN) gives way to the body named before it
    ("The Hamas politburo met in Doha on Sunday.", "Hamas politburo", "PSEPTY"),
    # with no body before it the default still holds
    ("The Politburo met in Beijing on Sunday.", "Politburo", "CHNPTY"),
])
def test_institution_after_a_named_body(pipeline, text, mention, code):
    assert codes(pipeline, text).get(mention) == code


def test_possessive_pronoun_gives_its_referent(pipeline):
    got = codes(pipeline, "The Philippines said its Senate would vote on the treaty next week.")
    assert got.get("Senate") == "PHLLEG"


def test_its_troops_from_a_place_stay_the_owners(pipeline):
    # "from Chad" is where they are withdrawn from, not whose they are
    got = codes(pipeline, "Nigeria will withdraw its troops from Chad next month.")
    assert got.get("troops") == "NGAMIL"
    # without the possessive, "troops from Chad" are Chad's
    assert "TCDMIL" in codes(pipeline, "Troops from Chad crossed the border on Monday.").values()


def test_default_country_not_taken_after_a_possessive(pipeline):
    # "its Senate" is the Senate of a body named earlier, never the default (US) one
    got = codes(pipeline, "The council said its Senate would meet.")
    assert got.get("Senate") != "USALEG"


def test_person_lookups_split_out_and_reexported():
    resolve = importlib.import_module("eventwire.actors.resolve")  # the package's `resolve` is a function
    assert resolve.surname_key is persons.surname_key and resolve.one_edit is persons.one_edit
    assert issubclass(resolve.ActorResolver, persons.PersonNames)
