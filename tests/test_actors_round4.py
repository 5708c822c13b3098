"""Actor rules of the fourth round: acronyms written with inner capitals match only as written ("LeT"
is no "let"), an office followed by "of" and a state or body ("President of Ukraine"), an office after
a body's name ("Arab League Secretary-General"), a hyphen-free spelling of a title, a surname typed in
lower case after a title, and a small namesake town that does not take a great city's name because its
state is in the story. Sentences are our own."""
from __future__ import annotations

from eventwire.actors.geo import country_of_place
from eventwire.actors.resolve import _MIXED_ACRONYM
from eventwire.document import Document


def codes(pipeline, text, date=None):
    return {m.text: m.code for m in pipeline(Document(id="t", text=text, date=date)).mentions}


def test_mixed_case_acronym_is_not_a_word(pipeline):
    assert _MIXED_ACRONYM.match("LeT") and not _MIXED_ACRONYM.match("Let")
    found = codes(pipeline, "The court let free two reporters, and LeT gunmen attacked a camp in Kashmir.")
    assert not any(code and code.startswith("PAKREB") for text, code in found.items() if "LeT" not in text)
    assert any(code and code.startswith("PAKREB") for text, code in found.items() if "LeT" in text)


def test_office_of_a_state_is_one_actor_per_office(pipeline):
    found = codes(pipeline, "President of Kenya and Prime Minister of Norway signed a fisheries deal.")
    assert found.get("President of Kenya") == "KENGOV"
    assert found.get("Prime Minister of Norway") == "NORGOV"
    doc = pipeline(Document(id="t", text="The President of Kenya and the Prime Minister of Norway met in Oslo."))
    sides = {a.code for e in doc.events for a in (e.source, e.target) if a}
    assert {"KENGOV", "NORGOV"} <= sides


def test_bare_title_without_a_state_is_still_dropped(pipeline):
    found = codes(pipeline, "The President of the club resigned on Friday.")
    assert not any("President" in text for text in found)


def test_office_after_a_body_speaks_for_the_body(pipeline):
    found = codes(pipeline, "Arab League Secretary General Tarek Mansouri urged calm on Sunday.")
    assert found.get("Arab League Secretary General Tarek Mansouri") == "IGOMEAARL"
    found = codes(pipeline, "The NATO Secretary-General said the alliance would respond.")
    assert found.get("NATO Secretary-General") == "IGOWSTNAT"


def test_title_spelt_without_hyphen_picks_the_same_role(pipeline):
    # undated: the written title, hyphenated or not, names the office the person is known for in it
    found = codes(pipeline, "Arab League Secretary General Amr Moussa urged calm on Sunday.")
    assert found.get("Arab League Secretary General Amr Moussa") == "IGOMEAARL"


def test_lower_case_surname_after_a_title(pipeline):
    found = codes(pipeline, "President obama spoke to reporters on Friday.", date="2015-06-18")
    assert found.get("President obama") == "USAGOV"
    found = codes(pipeline, "Prime Minister may decide to call an election.", date="2017-03-01")
    assert not any(code and code.startswith("GBR") for code in found.values())


def test_story_state_does_not_rename_a_great_city():
    assert country_of_place("Geneva", {"USA"}) != "USA"
    assert country_of_place("Greenville", {"LBR"}) == "LBR"  # namesakes of like size: the story decides


def test_given_name_listed_with_a_state_is_the_state(pipeline):
    found = codes(pipeline, "Chad and Niger closed their shared border on Monday.", date="2020-01-01")
    assert found.get("Chad") == "TCD"
    found = codes(pipeline, "Michael Jordan and Britain's prince met fans.", date="2020-01-01")
    assert "JOR" not in found.values()


def test_given_name_that_owns_its_clause_is_the_state(pipeline):
    assert codes(pipeline, "Chad shut its embassy in the capital.", date="2020-01-01").get("Chad") == "TCD"
    assert "TCD" not in codes(pipeline, "Chad said his team would play at home.", date="2020-01-01").values()
