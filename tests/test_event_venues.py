"""Where meetings are held, who a faced demand is made to, talks that are a meeting's aim, reason phrases and
complaints of being attacked (events/venues.py and the rules beside it). Sentences written for these tests."""
from __future__ import annotations

from eventcheck import coded, only_plainly_coded, sides


def test_parties_meeting_in_a_third_country_meet_each_other_there_and_visit_the_host(pipeline):
    events = coded(pipeline, "Erdogan and Modi met in Milan on Friday.")
    assert {("TUR", "IND"), ("IND", "TUR")} <= sides(events, "044")  # CAMEO: meet at a third location
    assert {("TUR", "ITA"), ("IND", "ITA")} <= sides(events, "042")  # and each one's visit to the host
    assert not {("TUR", "ITA"), ("IND", "ITA")} & sides(events, "044")


def test_parties_meeting_at_home_of_one_meet_each_other_and_the_guest_visits(pipeline):
    events = coded(pipeline, "Erdogan and Modi met in Istanbul on Friday.")
    assert {("TUR", "IND"), ("IND", "TUR")} <= sides(events, "04")
    assert ("IND", "TUR") in sides(events, "042") and ("TUR", "TUR") not in sides(events, "04")


def test_facing_pressure_from_someone_is_their_demand(pipeline):
    events = coded(pipeline, "Macron faces pressure from the Kremlin to send aid to Syria.")
    assert ("RUS", "FRA") in sides(events, "10")
    assert not any(e.target is not None and e.target.country == "SYR" for e in events)


def test_talks_a_meeting_is_held_for_are_that_meeting(pipeline):
    events = coded(pipeline, "The Egyptian foreign minister met with the Jordanian prime minister on Sunday to discuss "
                             "ways to confront the Taliban.")
    assert ("EGY", "JOR") in sides(events, "040")
    assert not any(e.cameo.startswith("046") for e in events)


def test_in_recognition_of_gives_a_reason_not_a_recognition(pipeline):
    only_plainly_coded(pipeline, "Canada eased its trade curbs on Myanmar in recognition of the junta's decision "
                                 "to free prisoners.", "Brazil announced its recognition of Kosovo.", "054")


def test_saying_one_was_attacked_is_a_complaint(pipeline):
    events = coded(pipeline, "Turkey said rockets were fired at it from Syria on Friday.")
    assert ("TUR", "SYR") in sides(events, "112")
    assert not any(e.cameo.startswith("19") for e in events)
    # what the speaker says happened to others is still reported as fact
    events = coded(pipeline, "Turkey said rebels had attacked a town in Syria.")
    assert any(e.cameo.startswith(("18", "19")) for e in events)


def test_a_mediator_between_two_parties_is_the_source_not_a_bystander(pipeline):
    events = coded(pipeline, "Oman mediated between Iran and Bahrain last month.")
    assert {("OMN", "IRN"), ("OMN", "BHR")} <= sides(events, "045")
    assert not {("IRN", "BHR"), ("BHR", "IRN")} & sides(events, "04")
    # talks "between" two parties with no third party are still each side's act on the other
    assert {("IRN", "BHR"), ("BHR", "IRN")} <= sides(coded(pipeline, "Talks between Iran and Bahrain resumed."), "04")


def test_the_capital_talks_are_held_in_is_their_venue_not_a_party(pipeline):
    events = coded(pipeline, "Erdogan and Modi held talks in Rome on Friday.")
    assert {("TUR", "IND"), ("IND", "TUR")} <= sides(events, "046")
    assert ("TUR", "ITA") not in sides(events, "046") and ("TUR", "ITA") in sides(events, "042")


def test_a_call_or_talks_held_to_discuss_something_are_one_event(pipeline):
    events = coded(pipeline, "The Chilean trade minister phoned her Peruvian counterpart on Tuesday to discuss copper tariffs.")
    assert ("CHL", "PER") in sides(events, "041")
    assert not any(e.cameo.startswith("046") for e in events)
    events = coded(pipeline, "The Danish premier held talks with the Polish president in Oslo to discuss fishing quotas.")
    assert ("DNK", "POL") in sides(events, "046")
    assert not any(e.target is not None and "quota" in e.target.text for e in events)


def test_what_is_discussed_is_the_topic_not_the_other_party(pipeline):
    events = coded(pipeline, "Ghana and Togo discussed the Iranian nuclear deal on Monday.")
    assert ("GHA", "TGO") in sides(events, "046")  # the talks are between the two who hold them
    assert not any(e.target is not None and e.target.country == "IRN" for e in events)
    assert not any(e.target is not None and "deal" in e.target.text for e in events)


def test_an_act_done_to_someone_by_someone_is_coded_with_its_doer(pipeline):
    events = coded(pipeline, "The shelling of Kherson by Russian artillery went on through the night.")
    assert ("RUS", "UKR") in sides(events, "19")
    # a statement "by" someone, done to no one, is only mentioned
    events = coded(pipeline, "The statement by the Danish cabinet came a day after the vote.")
    assert not any(e.cameo.startswith("01") for e in events)
