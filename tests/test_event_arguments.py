"""Event arguments the news puts where the parse does not look: contact verbs, places, recipients, mediations,
converse verbs, claims (issue #5, round 3). Sentences written here; syntax checks on hand-built parses."""
from __future__ import annotations

from eventcheck import coded, only_plainly_coded, parsed, sides


def test_a_participle_with_its_own_object_is_no_reduced_relative():
    from eventwire.events.syntax import reduced_relative
    # "The group released hostages" misparsed as a noun modified by a participle: the object shows it is active
    active = parsed(["The", "group", "released", "hostages"], [1, 1, 1, 2], ["det", "ROOT", "acl", "obj"],
                     ["DT", "NN", "VBN", "NNS"], ["DET", "NOUN", "VERB", "NOUN"])
    assert not reduced_relative(active[2])
    passive = parsed(["soldiers", "killed", "in", "Ukraine"], [0, 0, 3, 1], ["ROOT", "acl", "case", "obl"],
                      ["NNS", "VBN", "IN", "NNP"], ["NOUN", "VERB", "ADP", "PROPN"])
    assert reduced_relative(passive[1])


def test_calling_someone_to_discuss_is_talking_with_them(pipeline):
    evs = coded(pipeline, "French President Emmanuel Macron called German Chancellor Olaf Scholz to discuss energy prices.")
    assert ("FRA", "DEU") in sides(evs, "04")


def test_a_future_announced_by_its_actor_is_a_promise(pipeline):
    evs = coded(pipeline, "Israel announced that it would release the Palestinian prisoners.")
    assert any(e.cameo.startswith("03") and e.source.country == "ISR" for e in evs)
    assert not any(e.cameo.startswith("08") for e in evs)  # nobody has been freed yet


def test_fire_from_a_place_comes_from_whoever_holds_it(pipeline):
    evs = coded(pipeline, "Israel said rockets were fired at the town of Metula from Lebanon on Tuesday.")
    assert any(e.cameo.startswith("19") and e.source and e.source.country == "LBN" for e in evs)
    assert ("ISR", "LBN") in sides(evs, "11")


def test_a_mediation_between_two_parties_targets_both(pipeline):
    evs = coded(pipeline, "Qatar launched a mediation effort between Sudan and Chad.")
    assert {("QAT", "SDN"), ("QAT", "TCD")} <= sides(evs, "04")


def test_a_state_of_siege_targets_the_place_it_is_declared_in(pipeline):
    evs = [e for e in coded(pipeline, "The governor declared a state of siege in the mining town of Oruro.")
           if e.cameo.startswith("17")]
    assert evs and all(e.target is not None and "Oruro" in e.target.text for e in evs)


def test_an_appeal_for_something_targets_the_one_asked(pipeline):
    evs = [e for e in coded(pipeline, "The governor pushed the state legislature for new funding.")
           if e.cameo.startswith("02")]
    assert evs and all(e.target is not None and "legislature" in e.target.text for e in evs)


def test_receiving_arms_from_a_country_is_that_country_giving_them(pipeline):
    evs = coded(pipeline, "Ukraine received tanks from Germany.")
    assert ("DEU", "UKR") in sides(evs, "07")
    assert not sides(evs, "04")  # no visit was hosted


def test_what_is_only_claimed_is_coded_as_the_claim(pipeline):
    claimed = coded(pipeline, "Iraq claimed that Iran had shelled Basra.")
    assert ("IRQ", "IRN") in sides(claimed, "11") and not sides(claimed, "19")
    said = coded(pipeline, "Iraq said that Iran had shelled Basra.")
    assert ("IRQ", "IRN") in sides(said, "11") and sides(said, "19")


def test_people_described_as_accused_are_no_accusation(pipeline):
    evs = coded(pipeline, "Kenya said it hoped officials accused of fraud would face trial soon.")
    assert not any(e.cameo.startswith("11") for e in evs)


def test_a_rejected_request_is_a_rejection_of_the_requester(pipeline):
    evs = coded(pipeline, "Germany rejected a request by Turkey to hold a rally in Berlin.")
    assert ("DEU", "TUR") in sides(evs, "12")
    assert not sides(evs, "14")  # the rally was not held


def test_a_meeting_has_two_sides(pipeline):
    evs = coded(pipeline, "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow.")
    assert {("IND", "RUS"), ("RUS", "IND")} <= sides(evs, "04")


def test_the_first_of_two_objects_is_the_recipient(pipeline):
    evs = coded(pipeline, "Obama gave Putin a clear and private warning to back off.")
    assert ("USA", "RUS") in sides(evs, "13")


def test_help_for_a_force_in_a_country_goes_to_the_country(pipeline):
    evs = [e for e in coded(pipeline, "Ghana provided support to the African Union force in Mali.")
           if e.cameo[:2] in ("03", "07") and e.target]
    assert evs and all(e.target.country == "MLI" and e.target.text == "Mali" for e in evs)


def test_what_is_given_back_goes_to_the_recipient(pipeline):
    evs = [e for e in coded(pipeline, "The museum returned the stolen painting to its owners.") if e.cameo.startswith("08")]
    assert evs and all(e.target is not None and e.target.text == "its owners" for e in evs)


def test_a_relative_pronoun_stands_for_its_antecedent(pipeline):
    evs = coded(pipeline, "The sanctions target Russia, which invaded Ukraine in February.")
    assert ("RUS", "UKR") in sides(evs, "19")


def test_plural_calendar_words_are_dates():
    from eventwire.events.syntax import is_date
    doc = parsed(["in", "recent", "weeks"], [2, 2, 2], ["case", "amod", "ROOT"], ["IN", "JJ", "NNS"],
                  ["ADP", "ADJ", "NOUN"], lemmas=["in", "recent", "week"])
    assert is_date(doc[2]) and not is_date(doc[1])


def test_the_field_of_cooperation_is_no_target(pipeline):
    evs = coded(pipeline, "Kenya agreed to expand cooperation in agriculture, industry and tourism.")
    coop = [e for e in evs if e.cameo[:2] in ("03", "05", "06")]
    assert coop, "the agreement still codes"
    assert not any(e.target for e in coop), "a field of cooperation is no party to it"


def test_the_subject_of_an_act_described_in_a_predicate_is_its_source(pipeline):
    from eventwire.events.syntax import noun_sources
    # "Britain was quick in its condemnation": the one described as quick condemns
    doc = parsed(["Britain", "was", "quick", "in", "its", "condemnation"], [2, 2, 2, 5, 5, 2],
                  ["nsubj", "cop", "ROOT", "case", "nmod:poss", "obl"], ["NNP", "VBD", "JJ", "IN", "PRP$", "NN"],
                  ["PROPN", "AUX", "ADJ", "ADP", "PRON", "NOUN"])
    assert doc[0] in noun_sources(doc[5])
    # "Britain was angry at the attack": the one angry did not attack
    angry = parsed(["Britain", "was", "angry", "at", "the", "attack"], [2, 2, 2, 5, 5, 2],
                    ["nsubj", "cop", "ROOT", "case", "det", "obl"], ["NNP", "VBD", "JJ", "IN", "DT", "NN"],
                    ["PROPN", "AUX", "ADJ", "ADP", "DET", "NOUN"])
    assert doc[0] not in noun_sources(angry[5]) and angry[0] not in noun_sources(angry[5])


def test_investing_in_a_relationship_is_no_economic_act(pipeline):
    evs = coded(pipeline, "Japan is investing heavily in its friendship with India.")
    assert not [e for e in evs if e.cameo.startswith("06")]
    evs = coded(pipeline, "Japan invested in Indian railways.")
    assert ("JPN", "IND") in sides(evs, "061")


def test_a_bare_threat_targets_the_one_its_condition_names(pipeline):
    evs = coded(pipeline, "Japan has threatened to stop negotiations to cut tariffs if China goes ahead with "
                           "the planned tests of new missiles.")
    assert ("JPN", "CHN") in sides(evs, "13")


def test_the_name_nearest_the_head_noun_is_the_actor(pipeline):
    evs = coded(pipeline, "Kenya condemned Ayman al-Zawahiri's al-Qaeda group over the bombing.")
    assert any(e.target and e.target.code and e.target.code.startswith("IMG") for e in evs if e.cameo.startswith("11"))


def test_who_takes_a_stand_on_a_nominal_act_is_its_source(pipeline):
    # the country named by the act's noun is who the stand is aimed at
    evs = coded(pipeline, "Turkey is firmly opposed to Swedish mediation in the dispute.")
    assert ("TUR", "SWE") in {(e.source.country if e.source else None, e.target.country if e.target else None)
                              for e in evs}


# -- round 5: target attachment and intent --------------------------------------------------------------------

def test_a_participle_opening_the_object_leaves_its_object_to_the_verb():
    from eventwire.events.syntax import direct_object
    # "rejected proposed Iranian changes", misparsed with the participle as a clause of its own
    doc = parsed(["Chile", "rejected", "proposed", "Iranian", "changes"], [1, 1, 1, 4, 2],
                  ["nsubj", "ROOT", "acl", "amod", "obj"], ["NNP", "VBD", "VBD", "JJ", "NNS"],
                  ["PROPN", "VERB", "VERB", "ADJ", "NOUN"])
    assert direct_object(doc[1]).text == "changes"
    # a participle with its own subject is a clause, not part of the object
    clause = parsed(["Chile", "said", "Peru", "proposed", "changes"], [1, 1, 3, 1, 3],
                     ["nsubj", "ROOT", "nsubj", "ccomp", "obj"], ["NNP", "VBD", "NNP", "VBD", "NNS"],
                     ["PROPN", "VERB", "PROPN", "VERB", "NOUN"])
    assert direct_object(clause[1]) is None


def test_a_noun_event_under_an_agreed_act_is_an_intent(pipeline):
    evs = coded(pipeline, "Kenya and Uganda have agreed to undertake joint naval exercises next spring.")
    codes = {e.cameo for e in evs}
    assert codes and all(c.startswith("03") for c in codes), codes


def test_getting_ready_to_strike_is_a_show_of_force_not_a_threat(pipeline):
    past = {e.cameo[:2] for e in coded(pipeline, "The Chadian army prepared to resume shelling rebel positions.")}
    assert "13" not in past
    declared = {e.cameo[:2] for e in coded(pipeline, "Chad said it is prepared to resume talks with the rebels.")}
    assert "03" in declared


def test_mediation_between_parties_named_after_a_date(pipeline):
    evs = coded(pipeline, "The Omani foreign minister launched a mediation effort on Sunday between Iran and Iraq.")
    assert {"IRN", "IRQ"} <= {t for _, t in sides(evs, "04")}


def test_a_threatened_curfew_targets_the_city_even_at_home(pipeline):
    evs = coded(pipeline, "President Museveni threatened to institute a curfew in Kampala after days of rioting.")
    assert any(e.target is not None and e.target.country == "UGA" and "Kampala" in e.target.text
               for e in evs if e.cameo.startswith("13"))


def test_the_recipient_glued_to_the_amount_given(pipeline):
    evs = coded(pipeline, "The World Bank on Tuesday gave Malawi 40 million dollars for road projects.")
    assert ("MWI" in {t for _, t in sides(evs, "07")})


def test_an_agreed_mission_is_aimed_at_the_place_it_serves(pipeline):
    evs = coded(pipeline, "The African Union agreed to extend its peacekeeping mission in Somalia.")
    assert "SOM" in {t for _, t in sides(evs, "03")}


# -- round 6: stances on someone's act, rallying, doers of acts, background clauses (issue #5) -----------

def test_a_stance_on_an_owned_act_targets_its_owner(pipeline):
    evs = coded(pipeline, "Syria has agreed to Russian mediation in the border talks with the Kurds.")
    assert ("SYR", "RUS") in sides(evs, "0")
    evs = coded(pipeline, "Armenia complained to the United Nations about Azerbaijani drone strikes on its villages.")
    assert ("ARM", "AZE") in sides(evs, "11")
    assert ("ARM", "IGO") not in sides(evs, "11")  # the UN only hears the complaint


def test_a_rallying_appeal_targets_the_party_rallied_behind(pipeline):
    evs = coded(pipeline, "The Egyptian foreign minister urged the African Union to support the Sudanese government.")
    assert ("EGY", "SDN") in sides(evs, "05")


def test_an_act_with_no_named_party_targets_its_doer(pipeline):
    evs = coded(pipeline, "Greek police opened an investigation into abuses committed by Turkish coast guards.")
    assert ("GRC", "TUR") in sides(evs, "09")
    evs = coded(pipeline, "A Kenyan radio station defied a ban by the Ugandan government.")
    assert any(e.target is not None and e.target.country == "UGA" for e in evs if e.cameo.startswith("12"))


def test_a_relative_clause_describing_an_actor_codes_no_event(pipeline):
    text = "Washington said the plan had support from Ankara and Tehran, which have resisted sanctions on the region."
    evs = coded(pipeline, text)
    assert not any(e.evidence.trigger.text.startswith("resist") for e in evs)
    # what was done to the antecedent is news: "two farmers, who were shot by soldiers"
    evs = coded(pipeline, "Colombian soldiers shot two farmers who were protesting near the border.")
    assert any(e.cameo.startswith(("18", "19")) and e.source and e.source.country == "COL" for e in evs)


def test_a_demand_may_rest_on_the_word_governing_the_act(pipeline):
    evs = coded(pipeline, "The French president said that Britain must be ready to negotiate with Spain.")
    assert ("FRA", "GBR") in sides(evs, "10")


def test_a_topic_noun_is_no_word_of_the_act(pipeline):
    # "over their ties with Israel" is what the threat is about: the relations broken are with Chile
    evs = coded(pipeline, "Algeria threatened to sever relations with Chile over its ties with Israel.")
    assert ("DZA", "CHL") in sides(evs, "13")
    assert ("DZA", "ISR") not in sides(evs, "13")


def test_a_passive_subject_beside_an_object_is_an_active_subject():
    from eventwire.events.syntax import is_passive, subject_of
    # "Border guards beat migrants": the parser labelled the subject passive though nothing is passive
    doc = parsed(["guards", "beat", "migrants"], [1, 1, 1], ["nsubj:pass", "ROOT", "obj"],
                  ["NNS", "VBD", "NNS"], ["NOUN", "VERB", "NOUN"])
    assert not is_passive(doc[1])
    assert subject_of(doc[1]).i == 0
    passive = parsed(["migrants", "were", "beaten"], [2, 2, 2], ["nsubj:pass", "aux:pass", "ROOT"],
                      ["NNS", "VBD", "VBN"], ["NOUN", "AUX", "VERB"])
    assert is_passive(passive[2]) and subject_of(passive[2]) is None


def test_a_passive_appeal_targets_the_one_asked(pipeline):
    # "X was pressed by Y to do Z": Y appeals to X, whatever Z is aimed at
    evs = coded(pipeline, "Iran was pressed by the European Union to free the sailors held off Oman.")
    assert any(e.source and e.source.country == "IGO" and e.target and e.target.country == "IRN" for e in evs)
    # with no asker named, the passive subject is who acts, not who is asked
    evs = coded(pipeline, "The Kenyan minister was asked to resign.")
    assert not any(e.source and e.target and e.source.start == e.target.start for e in evs)


def test_a_protest_in_a_place_is_aimed_at_whom_it_defies(pipeline):
    # the street the crowd blocks is where it protests; whom it defies is whom it protests against, coded once
    evs = coded(pipeline, "Thousands of farmers blocked roads in Nepal in defiance of the Indian government.")
    protests = [e for e in evs if e.cameo.startswith("14")]
    assert protests and any(e.target and e.target.country == "IND" for e in protests)
    assert not any(e.cameo.startswith("12") for e in evs)


def test_an_offer_of_an_unknown_act_targets_the_foreign_party_it_names(pipeline):
    evs = coded(pipeline, "Sweden has offered to hand over to Norway two of its citizens suspected of smuggling.")
    assert ("SWE", "NOR") in sides(evs, "03")


def test_an_accused_subject_criticising_beside_the_accusation(pipeline):
    # the comma-set participle after the "of"-complement is Belarus's own act; the parse leaves "slamming"
    # without its object, and the deliveries it slams are no act of Belarus
    evs = coded(pipeline, "Belarus is accused of hosting Russian troops, slamming Western sanctions and arms "
                           "deliveries to Warsaw.")
    assert any(e.root == "11" and e.source and e.source.country == "BLR" for e in evs)
    assert not any(e.root == "06" or e.cameo.startswith("07") for e in evs if e.source and e.source.country == "BLR")


def test_a_verb_takes_the_noun_phrase_the_parse_hung_elsewhere():
    from eventwire.events.lost import lost_object, lost_phrase
    # "Oman criticised Iran, slamming Western sanctions and arms sales": "sanctions" misparsed as the subject
    # of "sales", which hangs on the main verb
    words = ["Oman", "criticised", "Iran", ",", "slamming", "Western", "sanctions", "and", "arms", "sales"]
    doc = parsed(words, [1, 1, 1, 4, 1, 6, 9, 8, 6, 1],
                  ["nsubj", "ROOT", "obj", "punct", "advcl", "amod", "nsubj", "cc", "conj", "obl"],
                  ["NNP", "VBD", "NNP", ",", "VBG", "JJ", "NNS", "CC", "NNS", "NNS"],
                  ["PROPN", "VERB", "PROPN", "PUNCT", "VERB", "ADJ", "NOUN", "CCONJ", "NOUN", "NOUN"])
    assert lost_object(doc[4]).i == 6 and lost_object(doc[1]) is None  # "criticised" has its object
    assert {6, 9} <= lost_phrase(doc[4])
    # "exchanging and protecting classified information": an object shared with the verb above is not lost
    shared = parsed(["exchanging", "and", "protecting", "classified", "information"], [0, 2, 0, 4, 0],
                     ["ROOT", "cc", "conj", "amod", "obj"], ["VBG", "CC", "VBG", "JJ", "NN"],
                     ["VERB", "CCONJ", "VERB", "ADJ", "NOUN"])
    assert lost_object(shared[2]) is None


def test_a_ceasefire_a_mission_is_sent_to_oversee_is_background(pipeline):
    # the relative clause says what the observers are there for; Sudan and Chad declare no truce here
    # (the same ceasefire as the sentence's own news still codes)
    only_plainly_coded(pipeline, "Rwanda welcomed the observers, who are stationed along the frontier to monitor a "
                                 "ceasefire between Sudan and Chad.", "Sudan and Chad declared a ceasefire on Monday.",
                       "087")


def test_a_target_phrase_headed_by_an_abstract_noun_names_no_party(pipeline):
    # the fate of the monasteries is what the talks were about; "Tibetan" lends the phrase no country
    evs = coded(pipeline, "The ministers failed to reach an accord on the fate of Tibetan monasteries.")
    assert evs and not any(e.target is not None and e.target.country == "CHN" for e in evs)
    # a phrase headed by a party keeps its country
    evs = coded(pipeline, "Ankara lifted restrictions on Kurdish newspapers.")
    assert any(e.target is not None and e.target.country == "TUR" for e in evs)
