"""Police acts in riot and crime reports (events/police.py, data/police.yaml, data/lexicon-police.yaml)."""
from __future__ import annotations

import json

import pytest
import yaml

from eventwire.document import Document
from eventwire.evaluate import POLICE_SECTORS
from eventwire.events import Lexicon
from eventwire.events.lexicon import DATA

from conftest import GOLD, need


def code(pipeline, text):
    return pipeline(Document(id="t", text=text, date="2002-03-01")).events


def police_sourced(events):
    return [e for e in events if e.source is not None and (e.source.sector or "") in POLICE_SECTORS]


def test_police_tables_use_known_codes():
    codes = Lexicon.load().codes
    data = yaml.safe_load((DATA / "police.yaml").read_text(encoding="utf-8"))
    for table in ("subject_acts", "nominal_acts", "split_compounds"):
        assert data[table] and set(map(str, data[table])) <= set(codes), table


def test_a_police_report_beside_an_unattributed_killing_is_a_police_statement(pipeline):
    events = police_sourced(code(pipeline, "a shopkeeper died in stone-pelting near the bus stand, police said."))
    assert [e.cameo for e in events] == ["010"]


def test_police_verbs_that_are_no_event_in_general(pipeline):
    events = police_sourced(code(pipeline, "a police team reached the village late at night."))
    assert events and events[0].cameo.startswith("15")
    assert not police_sourced(code(pipeline, "the police did not intervene."))


def test_police_firing_below_the_main_event_keeps_its_police_source(pipeline):
    events = police_sourced(code(pipeline, "a farmer was killed in police firing at the market."))
    assert any(e.cameo.startswith(("17", "18", "19")) for e in events)


def test_a_split_lathi_charge_is_crowd_control_not_a_lawsuit(pipeline):
    events = code(pipeline, "the police lathi-charged the mob near the station.")
    assert any(e.cameo == "175" and (e.source.sector or "") == "COP" for e in events)
    assert not any(e.cameo == "115" for e in events)


def test_agentless_arrests_are_police_acts_even_when_the_classifier_sees_nothing(pipeline):
    events = code(pipeline, "so far 23 men have been arrested in the murder case.")
    assert any(e.cameo.startswith("173") and e.source is not None and e.source.sector == "COP" for e in events)


def test_demanded_arrests_are_none_and_announced_ones_are_threats(pipeline):
    assert not any(e.cameo.startswith("173") for e in code(pipeline, "the rioters should be arrested, he said."))
    announced = code(pipeline, "the police will arrest the accused.")
    assert not any(e.cameo.startswith("173") for e in announced)
    assert any(e.cameo == "137" and e.source.sector == "COP" for e in announced)


def test_units_of_a_force_act_for_it(pipeline):
    events = police_sourced(code(pipeline, "four companies of the bsf have been deployed in the city."))
    assert events and events[0].cameo.startswith("15")


def test_most_gold_arrest_sentences_code_an_arrest(pipeline):
    path = need(GOLD / "india-police-dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    arrests = [r for r in rows if "ARREST" in r["police_labels"]][:40]
    docs = pipeline.pipe(Document(id=r["id"], text=r["text"], date=r.get("date")) for r in arrests)
    found = sum(any(e.cameo.startswith("173") or (e.plover_mode or "") == "arrest" for e in d.events) for d in docs)
    assert found >= 0.6 * len(arrests)


def test_a_pronoun_standing_for_the_police_named_before_acts_as_police(pipeline):
    text = "the police commissioner reached the old city at noon.\n\nlater he said the situation was under control."
    doc = code(pipeline, text)
    second = [e for e in police_sourced(doc) if e.evidence.trigger.start > text.index("later")]
    assert second and second[0].source.text == "he"
    other = "the party spokesman reached the old city at noon.\n\nlater he said the situation was under control."
    assert not any(e.evidence.trigger.start > other.index("later") for e in police_sourced(code(pipeline, other)))


def test_coreference_takes_the_police_without_a_country_when_they_are_nearest(pipeline):
    def referent(text, pronoun):
        doc = pipeline(Document(id="t", text=text, date="2002-03-01"))
        at = text.index(pronoun)
        return next((m for m in doc.mentions if m.kind == "coref" and m.start == at), None)

    they = referent("two people were injured in the clash, police said. they added that it was tense.", "they added")
    assert they is not None and they.sector == "COP" and they.antecedent.text == "police"
    # a police officer named after a person with a country is the nearer antecedent of "he"
    he = referent("Prime Minister Narendra Modi visited the town. the superintendent of police met the victims. "
                  "he said the toll would rise.", "he said")
    assert he is not None and he.sector == "COP" and he.country is None
    # the people the police arrested are nearer than the police: "they" is not the police
    them = referent("police arrested ten protesters near the square. they were taken to the city jail.", "they were")
    assert them is None or them.sector != "COP"


def test_one_definition_of_the_acts_whose_unnamed_doer_is_the_police():
    from eventwire.events.police import implied_acts
    acts = implied_acts()
    assert acts and set(acts) <= set(Lexicon.load().codes)
    assert {"173", "175", "1723"} <= set(acts)


def test_an_agentless_curfew_is_a_police_act(pipeline):
    events = code(pipeline, "an indefinite curfew was clamped on the town on friday night.")
    assert any(e.cameo.startswith("1723") and e.source is not None and e.source.sector == "COP" for e in events)


def test_a_police_speaker_before_the_verb_of_saying_makes_a_statement(pipeline):
    events = code(pipeline, "police officials said the rioters attacked a bus near the market.")
    assert any(e.evidence.trigger.text == "said" for e in police_sourced(events))
    assert any(not police_sourced([e]) for e in events)  # the rioters' act stays coded beside it


def test_a_closing_attribution_beside_a_named_doer_is_no_statement(pipeline):
    events = code(pipeline, "the rebels attacked an army convoy near the border on monday, police said.")
    assert not any(e.cameo == "010" for e in police_sourced(events))


def test_a_police_speaker_after_the_verb_of_saying_makes_a_statement(pipeline):
    events = code(pipeline, "two buses were set on fire near the market, said a senior police officer.")
    assert any(e.evidence.trigger.text == "said" for e in police_sourced(events))


@pytest.mark.parametrize("text, later_word, title, other_title, name", [
    ("police commissioner r.k. mehta toured the old city on monday.\n\nthe situation is calm, mr mehta said.",
     "calm", "police commissioner", "party president", "mehta"),
    ("dig p k bhatt toured the violence-hit villages on monday.\n\nlater bhatt said the villages were calm.",
     "later", "dig", "district collector", "bhatt"),  # a rank alone, and a surname the tagger may misread
])
def test_an_officer_named_with_a_police_title_or_rank_speaks_for_the_police_later(
        pipeline, text, later_word, title, other_title, name):
    later = [e for e in police_sourced(code(pipeline, text)) if e.evidence.trigger.start > text.index(later_word)]
    assert later and later[0].cameo == "010" and later[0].source.text == name
    other = text.replace(title, other_title)
    assert not [e for e in police_sourced(code(pipeline, other))
                if e.evidence.trigger.start > other.index(later_word)]


def test_a_participle_before_the_people_tells_an_arrest(pipeline):
    events = code(pipeline, "the arrested youths were produced before a magistrate on tuesday.")
    assert any(e.cameo.startswith("173") and e.source is not None and e.source.sector == "COP" for e in events)


def test_a_doer_phrase_built_on_a_bare_police_word_is_the_police(pipeline):
    events = code(pipeline, "the state cid interrogated the two suspects for six hours.")
    assert any(e.cameo.startswith("09") for e in police_sourced(events))


def test_a_pronoun_for_a_policeman_in_hospital_says_nothing(pipeline):
    text = "a constable was injured in the stone pelting.\n\nhe was admitted to the civil hospital."
    assert not [e for e in police_sourced(code(pipeline, text)) if e.evidence.trigger.start > text.index("admitted") - 8]


def test_the_men_a_police_word_names_act_for_the_force(pipeline):
    events = police_sourced(code(pipeline, "two vanloads of policemen kept a vigil outside the mosque."))
    assert events and events[0].cameo.startswith("15")
    events = police_sourced(code(pipeline, "extra security was arranged through the "
                                           "deployment of rpf personnel at the station."))
    assert any(e.cameo == "150" for e in events)


def test_a_force_sent_to_a_town_is_deployed_but_what_police_send_is_not(pipeline):
    events = police_sourced(code(pipeline, "three platoons of the armed reserve police were sent to the district."))
    assert any(e.cameo == "150" for e in events)
    sent = police_sourced(code(pipeline, "the police sent the bodies for post-mortem."))
    assert not any(e.cameo == "150" for e in sent)


def test_an_arrest_named_by_a_noun_has_happened_unless_asked_for(pipeline):
    told = code(pipeline, "the number of arrests in the state has crossed 2,000.")
    assert any(e.cameo.startswith("173") and e.source is not None and e.source.sector == "COP" for e in told)
    for text in ("he managed to evade arrest for a month.", "the old man had suffered a cardiac arrest last year.",
                 "the party demanded the arrest of the three leaders.", "an arrest warrant was issued against him.",
                 "we will effect preventive arrests if the need arises."):
        assert not any(e.cameo.startswith("173") for e in code(pipeline, text)), text


def test_a_title_at_a_paragraph_end_names_the_officer_below(pipeline):
    text = ("the town was calm on monday, according to the director general of police\n\n"
            "s k rao. rao said the state had asked the centre for more companies.")
    events = police_sourced(code(pipeline, text))
    assert any(e.cameo == "010" and e.source.text == "rao" for e in events)


def test_people_held_are_arrested_but_meetings_held_are_not(pipeline):
    events = code(pipeline, "sixty persons were held during the night raids in the old city.")
    assert any(e.cameo.startswith("173") and e.source is not None and e.source.sector == "COP" for e in events)
    for text in ("two meetings were held in the old city on sunday.",
                 "the officials were held responsible for the lapse in security."):
        assert not any(e.cameo.startswith("173") for e in code(pipeline, text)), text


def test_a_report_lodged_with_the_police_opens_their_inquiry(pipeline):
    events = police_sourced(code(pipeline, "a complaint was lodged with the police by the shopkeeper."))
    assert any(e.cameo == "091" for e in events)
    assert not police_sourced(code(pipeline, "the union filed a petition with the labour court on monday."))


def test_the_police_are_a_side_of_a_clash_the_sentence_leaves_uncoded(pipeline):
    text = "two traders were killed near the bazaar as rioters clashed with the police on sunday."
    assert any(e.cameo.startswith("17") for e in police_sourced(code(pipeline, text)))
    # coded as the main event, the clash has the police as its target and no second event
    assert not police_sourced(code(pipeline, "political opponents clashed with police in the capital on friday."))


def test_a_statement_denied_by_the_police_is_theirs(pipeline):
    events = police_sourced(code(pipeline, "rumours of a fresh attack on the temple were denied by the police."))
    assert any(e.cameo == "010" for e in events)


def test_apprehending_a_threat_is_no_arrest(pipeline):
    feared = code(pipeline, "the residents apprehended trouble during the festival.")
    assert not any(e.cameo.startswith("173") for e in feared)
    caught = code(pipeline, "the railway police apprehended the pickpocket at the station.")
    assert any(e.cameo.startswith("173") for e in caught)


def test_an_arrest_someone_wants_has_not_happened(pipeline):
    wanted = code(pipeline, "the congress wants the chief minister booked under the new law.")
    assert not any(e.cameo.startswith("173") for e in wanted)
