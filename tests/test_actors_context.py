"""Actors coded from their context: misspelt or partial names of known people, titles that pick a
role, compounds, "of" phrases, appositions, organisations named after a country, ethnic groups."""
from __future__ import annotations

import yaml

from eventwire.actors.kb import DATA
from eventwire.actors.resolve import one_edit, surname_key
from eventwire.document import Document


def mentions(pipeline, text, date=None):
    return {m.text: m.code for m in pipeline(Document(id="t", text=text, date=date)).mentions}


def test_surname_helpers():
    assert surname_key("al-Bashir") == surname_key("El-Bashir") == surname_key("Bashir") == "bashir"
    assert one_edit("bouteflika", "bouteflicka") and one_edit("gbagbo", "gbago")
    assert not one_edit("gbagbo", "gbagbo") and not one_edit("santos", "sontas")


def test_other_spellings_of_known_people(pipeline):
    got = mentions(pipeline, "President Omar El Bashir shortened the curfew.")
    assert any("Bashir" in t and c == "SDNGOV" for t, c in got.items())
    got = mentions(pipeline, "President Abdelaziz Bouteflicka threatened a curfew.")
    assert any("Bouteflicka" in t and c == "DZAGOV" for t, c in got.items())


def test_an_unknown_first_name_with_a_misspelt_surname_stays_unknown(pipeline):
    got = mentions(pipeline, "President Pierre Bouteflicka threatened a curfew.")
    assert not any(c and c.startswith("DZA") for c in got.values())


def test_undated_title_and_surname(pipeline):
    # two Presidents Bush: undated, the person is unsure but the country is not
    assert mentions(pipeline, "President Bush threatened further action.")["President Bush"] == "USAGOV"
    assert mentions(pipeline, "The Bush administration declared that China must act.")["Bush administration"] == "USAGOV"


def test_written_title_picks_the_role_of_undated_text(pipeline):
    got = mentions(pipeline, "General David Petraeus held talks in Beirut.")
    assert got["General David Petraeus"] == "USAMIL"  # his later CIA post is not what the title says


def test_agent_compounds_and_of_phrases(pipeline):
    assert mentions(pipeline, "Afghan rebel leaders said they would meet the envoy.")["Afghan rebel leaders"] == "AFGREB"
    got = mentions(pipeline, "Turkey agreed to deport three officials of Egypt's Muslim Brotherhood.")
    assert got["officials"].startswith("EGY")
    got = mentions(pipeline, "The US commander in Iraq met the president.")
    assert got["US commander"] == "USAMIL" and "IRQMIL" not in got.values()


def test_apposition_lends_its_country(pipeline):
    got = mentions(pipeline, "Maria Lindqvist, the United Nations refugee envoy, asked for access to the camps.")
    assert got["Maria Lindqvist"] == "IGOUNO"


def test_organisation_named_after_a_country(pipeline):
    got = mentions(pipeline, "The Nigerian Union of Teachers announced that it has called off a strike.")
    assert got.get("Nigerian Union of Teachers") == "NGALAB" and got.get("it") == "NGALAB"


def test_ethnic_groups_take_the_state_of_their_story(pipeline):
    got = mentions(pipeline, "Ethnic Albanians in southern Serbia staged a strike over jobs.")
    assert got["Ethnic Albanians"].startswith("SRB")
    assert mentions(pipeline, "Bosnian Serbs said their forces withdrew.")["Bosnian Serbs"].startswith("BIH")
    got = mentions(pipeline, "The Hutu rebel group insisted that Burundi's government grant more rights.")
    assert got["Hutu rebel group"] == "BDIREB"
    got = mentions(pipeline, "Hutu rebels attacked a camp, Rwandan officials said.")
    assert got["Hutu rebels"] == "RWAREB"


def test_lower_case_words_are_not_demonyms(pipeline):
    got = mentions(pipeline, "Activists staged a protest, scaling a pole.")
    assert "pole" not in got
    assert mentions(pipeline, "Police fought with tunisian rioters near the port.").get("tunisian rioters") == "TUNCVL"


def test_plural_pronoun_finds_the_plural_group(pipeline):
    got = pipeline(Document(id="t", text="Rwandan rebels said President Kagame must agree before they disarm."))
    assert {m.code for m in got.mentions if m.text == "they"} == {"RWAREB"}


def test_ngos_fill_the_country_slot():
    rows = yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8"))
    from eventwire.actors import ActorKB

    kb = ActorKB.load()
    amnesty = next(e for e in kb.entries if e.kind == "organization" and e.text == "Amnesty International")
    assert amnesty.country == "NGO"
    assert any(r["code"] == "IGOEUREEC" and "European Community" in r["names"] for r in rows)


def test_peoples_schema():
    rows = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    listed = [p for r in rows for p in r.get("peoples") or []]
    assert listed and all(isinstance(p, str) and p[:1].isupper() for p in listed)


def test_a_date_the_ner_calls_an_organisation_is_no_actor():
    import spacy
    from spacy.tokens import Doc, Span as SpacySpan

    from eventwire.actors.resolve import ActorResolver

    words = ["Talks", "with", "Acme", "Corp", "ended", "on", "Sept", "12", "."]
    sdoc = Doc(spacy.blank("en").vocab, words=words)
    sdoc.ents = [SpacySpan(sdoc, 2, 4, label="ORG"), SpacySpan(sdoc, 6, 8, label="ORG")]
    found = ActorResolver._ner_backstop(sdoc, [])
    assert [(f.start, f.end, f.kind) for f in found] == [(2, 4, "ner_org")]
