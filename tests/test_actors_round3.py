"""Actor rules of the third round: an official of no named state in a one-state sentence, rank words
between a country word and its office, an office written before a name, relative pronouns, stance
prefixes ("pro-", "anti-"), Northern Ireland, the nearest state of an ethnic group, and violence that
falls on the state where it happens. Sentences are our own."""
from __future__ import annotations

import pytest

from eventwire.document import Document


def run(pipeline, text, date=None):
    return pipeline(Document(id="t", text=text, date=date))


def codes(pipeline, text):
    return {m.text: m.code for m in run(pipeline, text).mentions}


@pytest.mark.parametrize("text, mention, code", [
    # an official of no named state serves the one state the sentence names ...
    ("Judge Marta Kulo opened an inquiry into 12 Chilean army officers.", "Judge Marta Kulo", "CHLJUD"),
    # ... and none when it names two
    ("Judge Marta Kulo questioned Chilean and Peruvian army officers.", "Judge Marta Kulo", "JUD"),
    # a rank word between the adjective and the office
    ("On Monday, the Nigerian deputy foreign minister summoned the envoy.", "Nigerian deputy foreign minister",
     "NGAGOV"),
    # an office before an unknown name is that person's
    ("Nigerian foreign minister Dubem Okafor summoned the envoy on Monday.", "Nigerian foreign minister Dubem Okafor",
     "NGAGOV"),
])
def test_officials_take_their_state(pipeline, text, mention, code):
    assert codes(pipeline, text)[mention] == code


def test_a_bare_government_is_not_the_foreign_state_it_thanks(pipeline):
    found = codes(pipeline, "The government thanked Japan warmly for its flood relief.")
    assert all(not (code or "").startswith("JPNGOV") for text, code in found.items() if "government" in text)


def test_relative_pronoun_refers_to_the_noun_it_modifies(pipeline):
    doc = run(pipeline, "The Fijian rebels said they will free Prime Minister Tomas Verlo, whom they seized last week.")
    whom = next(m for m in doc.mentions if m.text == "whom")
    assert whom.kind == "coref" and whom.code == "FJIGOV"
    assert whom.antecedent is not None and "Verlo" in whom.antecedent.text


def test_stance_prefix_does_not_lend_the_state(pipeline):
    assert not any(c and c.startswith("SYR") for c in codes(pipeline, "An anti-Syria journalist was shot in Beirut.").values())
    assert not any(c and c.startswith("RUS") for c in codes(pipeline, "Pro-Russia rebels shelled the town.").values())


def test_northern_ireland_is_british(pipeline):
    found = codes(pipeline, "Police in Northern Ireland arrested two men on Sunday.")
    assert found["Police in Northern Ireland"] == "GBRCOP"
    assert codes(pipeline, "Irish police arrested two men.")["Irish police"] == "IRLCOP"


def test_ethnic_group_takes_the_nearest_state(pipeline):
    found = codes(pipeline, "The United States is helping Macedonia, which is fighting ethnic Albanian guerrillas.")
    assert found["ethnic Albanian guerrillas"].startswith("MKD")


def test_violence_falls_on_the_state_where_it_happens(pipeline):
    doc = run(pipeline, "Boko Haram has launched many attacks in northeastern Nigeria.")
    violent = [e for e in doc.events if e.cameo[:2] in ("18", "19", "20")]
    assert violent and all(e.target is not None and e.target.country == "NGA" for e in violent)


def test_victims_of_no_state_are_of_the_place(pipeline):
    doc = run(pipeline, "Four children were killed in tank shelling in the Gaza Strip on Friday.")
    violent = [e for e in doc.events if e.cameo[:2] in ("18", "19", "20") and e.target is not None]
    assert violent and all(e.target.code == "PSECVL" for e in violent)


def test_victims_with_a_state_keep_it(pipeline):
    doc = run(pipeline, "Gunmen killed three Chinese engineers in northern Pakistan on Sunday.")
    violent = [e for e in doc.events if e.cameo[:2] in ("18", "19", "20") and e.target is not None]
    assert violent and all(e.target.country == "CHN" for e in violent)


def test_show_of_force_abroad_is_aimed_at_that_state(pipeline):
    doc = run(pipeline, "Britain is holding army exercises in Estonia this month.")
    posture = [e for e in doc.events if e.cameo[:2] == "15"]
    assert posture and all(e.target is not None and e.target.country == "EST" for e in posture)
