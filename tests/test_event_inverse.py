"""Inverse frames: the subject suffers the act its noun names and the "from"/"by" phrase does it ("came under
attack from X", "drew condemnation from X", "suffered an attack by X") (issue #5). Sentences written here;
frame checks on hand-built parses."""
from __future__ import annotations

from eventcheck import coded, sides, parsed


def _came_under(prep="under", noun="attack"):
    # "Troops came under attack from rebels"
    return parsed(["Troops", "came", prep, noun, "from", "rebels"], [1, 1, 3, 1, 5, 3],
                   ["nsubj", "ROOT", "case", "obl", "case", "nmod"], ["NNS", "VBD", "IN", "NN", "IN", "NNS"],
                   ["NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN"],
                   ["troops", "come", prep, noun, "from", "rebel"])


def test_the_frame_and_its_doer_are_read_from_the_parse():
    from eventwire.events.syntax import noun_sources, undergone, undergone_agent
    doc = _came_under()
    assert undergone(doc[3]).i == 1
    assert undergone_agent(doc[3]).i == 5
    assert noun_sources(doc[3])[0].i == 5  # the doer, never the subject who suffers it
    assert all(t.i != 0 for t in noun_sources(doc[3]))
    other = _came_under(prep="after")  # "came after attack from rebels" is no frame
    assert undergone(other[3]) is None


def test_a_frame_verb_with_an_object_of_its_own_is_no_frame():
    from eventwire.events.syntax import undergone
    # "Leaders met him with a message from Rome": the message is brought, not suffered
    doc = parsed(["Leaders", "met", "him", "with", "message", "from", "Rome"], [1, 1, 1, 4, 1, 6, 4],
                  ["nsubj", "ROOT", "obj", "case", "obl", "case", "nmod"],
                  ["NNS", "VBD", "PRP", "IN", "NN", "IN", "NNP"], ["NOUN", "VERB", "PRON", "ADP", "NOUN", "ADP", "PROPN"],
                  ["leader", "meet", "he", "with", "message", "from", "Rome"])
    assert undergone(doc[4]) is None


def test_came_under_attack_from_is_an_attack_on_the_subject(pipeline):
    evs = coded(pipeline, "A Turkish military convoy came under attack from Syrian government forces near Idlib.")
    assert ("SYR", "TUR") in sides(evs, "19")
    assert ("TUR", "SYR") not in sides(evs, "19")


def test_suffering_an_attack_by_someone(pipeline):
    evs = coded(pipeline, "Nigerian soldiers suffered a deadly attack by Boko Haram militants on Sunday.")
    attacks = [e for e in evs if e.cameo.startswith("19") and e.source and e.target]
    assert attacks and all("soldiers" in e.target.text and "militants" in e.source.text for e in attacks)


def test_drawing_condemnation_is_being_condemned(pipeline):
    evs = coded(pipeline, "Venezuela drew sharp condemnation from Colombia after the border closure.")
    assert ("COL", "VEN") in sides(evs, "11")


def test_meeting_with_criticism_is_no_meeting(pipeline):
    evs = coded(pipeline, "The Greek plan met with criticism from Germany.")
    assert not [e for e in evs if e.cameo.startswith("04")]
    assert ("DEU", "GRC") in sides(evs, "11")


def test_facing_sanctions_from_someone(pipeline):
    evs = coded(pipeline, "Belarus faced fresh sanctions from the European Union.")
    assert any(t == "BLR" and s is not None and s != "BLR" for s, t in sides(evs, "16"))


def test_pressure_is_a_demand_and_fire_over_something_is_words(pipeline):
    evs = coded(pipeline, "The Egyptian government came under pressure from the United States.")
    assert ("USA", "EGY") in sides(evs, "10")
    evs = coded(pipeline, "The Japanese government came under fire from China over the textbook.")
    assert ("CHN", "JPN") in sides(evs, "11")
    assert not sides(evs, "19")


def test_no_doer_named_codes_no_bare_attack(pipeline):
    # "attack" alone is too often a figure of speech: without a doer the frame codes nothing
    evs = coded(pipeline, "The budget came under attack on Monday.")
    assert not [e for e in evs if e.cameo.startswith(("18", "19"))]


def test_plain_meetings_and_attacks_are_unchanged(pipeline):
    assert ("LBN", "FRA") in sides(coded(pipeline, "Lebanon met with France in Paris."), "04")
    assert ("ISR", "LBN") in sides(coded(pipeline, "Israeli jets attacked Lebanese army positions."), "19")


def test_one_act_read_by_two_rules_is_one_event(pipeline):
    found = coded(pipeline, "Peru received aid from Canada. Kenya received loans from China.")
    pairs = [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in found]
    assert pairs and len(pairs) == len(set(pairs))
