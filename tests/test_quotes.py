from __future__ import annotations

import pytest

from conftest import SHARED, need
from eventwire.document import Document
from eventwire.quotes.marks import quote_spans

POLNEAR = SHARED / "data" / "sources" / "extract" / "PolNeAR" / "data"


@pytest.fixture(scope="module")
def quotes_of(pipeline):
    def run(text):
        return pipeline(Document(id="t", text=text, date="2022-06-16")).quotes
    return run


def one(quotes, starts):
    found = [q for q in quotes if q.content.text.lstrip("“\"").startswith(starts)]
    assert found, f"no quote starting {starts!r} in {[q.content.text for q in quotes]}"
    return found[0]


def test_marks_straight_curly_nested_and_running_paragraphs():
    text = 'He said "we will go," then: “A ‘b’ and "c" end.” Also “Para one.\n\n“Para two.”\n\nAfter "x'
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans[0] == '"we will go,"'
    assert spans[1].startswith("“A ‘b’") and spans[1].endswith("end.”")
    assert spans[2] == "“Para one.\n\n“Para two.”"  # a quote running over two paragraphs is one quote
    assert not any("After" in s for s in spans)
    assert quote_spans('<tweet author="@someone" id="12">') == []  # attribute quotes are not quotations


def test_direct_quotes_straight_and_curly(quotes_of):
    qs = quotes_of('"We will not back down on this issue," the minister said on Monday.')
    q = one(qs, "We will not back down")
    assert q.kind == "direct" and q.cue.text == "said" and q.speaker.text == "the minister"
    qs = quotes_of("Merkel said: “Europe must stand together in this difficult hour.”")
    q = one(qs, "Europe must stand")
    assert q.kind == "direct" and q.speaker.text == "Merkel"


def test_split_and_multi_sentence_quote_is_one_quote(quotes_of):
    text = ("“We have done our part. The rest is up to them,” said Senator Jane Miller. “We will wait "
            "for their answer before we decide anything.”")
    qs = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(qs) == 1
    q = qs[0]
    assert "The rest is up to them" in q.content.text and "wait for their answer" in q.content.text
    assert "Miller" in q.speaker.text


def test_indirect_and_mixed(quotes_of):
    q = one(quotes_of("Xi said Beijing was willing to deepen cooperation with Moscow."), "Beijing was willing")
    assert q.kind == "indirect" and q.speaker.text == "Xi" and q.cue.text == "said"
    q = one(quotes_of("The spokesman said Washington was “closely watching the situation in the region.”"),
            "Washington was")
    assert q.kind == "mixed" and q.speaker.text == "The spokesman"


def test_according_to_names_the_source(quotes_of):
    qs = quotes_of("According to the health ministry, at least 40 people were killed in the attack.")
    q = one(qs, "at least 40 people")
    assert q.cue.text == "According" and q.speaker.text == "the health ministry"
    assert q.reported_by is None or "ministry" in q.reported_by


def test_pronoun_speaker_resolves_to_the_person(quotes_of):
    text = ("Chancellor Olaf Scholz met business leaders in Berlin on Tuesday. He said Germany would "
            "increase its defence spending next year.")
    q = one(quotes_of(text), "Germany would increase")
    assert q.speaker.text == "He" and q.speaker.code is not None and q.speaker.code.startswith("DEU")


def test_reference_article_speakers(reference_doc):
    by = {q.content.text[:20]: q for q in reference_doc.quotes}
    xi = next(q for t, q in by.items() if t.startswith("China is willing"))
    assert xi.speaker.name == "Xi Jinping" and xi.speaker.code == "CHNGOV" and "CCTV" in xi.reported_by
    assert next(q for t, q in by.items() if t.startswith("Considering")).speaker.code == "RUSGOV"
    assert next(q for t, q in by.items() if t.startswith("China claims")).speaker.code == "USAGOV"
    reported = next(q for q in reference_doc.quotes if q.content.text.startswith("Beijing was willing"))
    assert reported.kind == "mixed" and reported.reported_by == "reports"


def test_events_inside_a_quote_point_to_it(reference_doc):
    inside = [ev for ev in reference_doc.events if ev.quote is not None]
    assert inside
    for ev in inside:
        q = reference_doc.quotes[ev.quote]
        assert q.content.start <= ev.evidence.trigger.start < q.content.end


def test_polnear_eval_on_three_dev_docs(pipeline):
    from eventwire.evaluate.quotes import run

    res = run(need(POLNEAR), pipeline, split="dev", limit=3)
    assert res["docs"] == 3
    lenient, strict = res["content (overlap)"], res["content (exact)"]
    assert lenient["n_gold"] > 10 and 0.3 < lenient["F1"] <= 1.0
    assert strict["F1"] <= res["content (dice>=0.5)"]["F1"] <= lenient["F1"]
    assert 0.0 < res["speaker (matched, gold has source)"]["accuracy"] <= 1.0


def test_marks_two_apostrophes_are_a_double_quote():
    text = "''We have done our part,'' said Miller. The voters' ''choice'' matters. It's Bob's 'word'."
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans == ["''We have done our part,''", "''choice''"]


def test_two_apostrophe_quote_gets_its_speaker(quotes_of):
    q = one(quotes_of("''We will not raise taxes on working families,'' said Senator Jane Miller."), "We will not")
    assert q.kind == "direct" and q.cue.text == "said" and "Miller" in q.speaker.text
    assert not q.content.text.startswith("'")


def test_dateline_is_not_the_speaker(quotes_of):
    q = one(quotes_of("WASHINGTON (AP) — Senator Jane Miller said the bill would pass the chamber next week."),
            "the bill would pass")
    assert "Miller" in q.speaker.text and "WASHINGTON" not in q.speaker.text


def test_verb_after_the_closing_mark_is_the_cue(quotes_of):
    q = one(quotes_of("“We will win this state easily and then we will win the nomination,” Johnson points out."),
            "We will win")
    assert q.cue.text == "points" and q.speaker.text == "Johnson"


def test_colon_frames_a_quote_and_a_headline(quotes_of):
    q = one(quotes_of("Mayor Tom Reed took the view common among local officials: “The money should stay in "
                      "the city where it was raised.”"), "The money should")
    assert q.cue.text == "took" and "Reed" in q.speaker.text
    q = one(quotes_of("Senator Jane Miller: Voters Want Real Change in Washington\n\nShe spoke in Ohio on Monday."),
            "Voters Want")
    assert q.cue.text == ":" and "Miller" in q.speaker.text


def test_any_verb_with_a_that_clause_reports_it(quotes_of):
    q = one(quotes_of("The governor implied that the state budget would be cut again next year."), "that the state")
    assert q.cue.text == "implied" and q.speaker.text == "The governor"


def test_content_before_a_closing_cue(quotes_of):
    q = one(quotes_of("But the new rules were rolled out badly in most states, he said."), "But the new rules")
    assert q.cue.text == "said" and q.speaker.text == "he" and not q.content.text.endswith("said")


def test_that_clause_hung_on_the_addressee(quotes_of):
    q = one(quotes_of("Aides later told The Boston Globe that the mayor had met the developers "
                      "in private."), "that the mayor")
    assert q.cue.text == "told" and q.speaker.text == "Aides" and "in private" in q.content.text


def test_stance_cue_inside_reported_speech_is_not_a_second_quote(quotes_of):
    qs = quotes_of("The senator said the governor supports the new tax plan.")
    assert [q.cue.text for q in qs] == ["said"]
    assert qs[0].content.text.startswith("the governor supports")


def test_owned_stance_noun_reports_its_complement(quotes_of):
    q = one(quotes_of("Her support for the trade deal angered the unions."), "the trade deal")
    assert q.cue.text == "support" and q.speaker.text == "Her" and "angered" not in q.content.text


def test_speaking_participle_takes_the_clause_subject(quotes_of):
    q = one(quotes_of("Several union leaders backed the complaint, saying the pay offer was far too low."),
            "the pay offer was")
    assert q.cue.text == "saying" and q.speaker.text == "Several union leaders"


def test_inverted_cue_and_oblique_subject(quotes_of):
    q = one(quotes_of("The problem, says Carl Anthony, a historian at the library, is that nobody listens."),
            "Carl Anthony")
    assert q.speaker.text.startswith("Carl Anthony")
    q = one(quotes_of("In Ohio, nearly a third of independent voters said they expect higher taxes next year."),
            "they expect")
    assert "voters" in q.speaker.text


def test_speaker_is_never_inside_the_quotation(quotes_of):
    qs = quotes_of("“The state of Arizona failed thousands of voters in March,” the lawsuit says.")
    q = one(qs, "The state of Arizona")
    assert q.speaker is not None and "lawsuit" in q.speaker.text


def test_according_to_at_the_end_reports_the_sentence(quotes_of):
    q = one(quotes_of("The plan would cost about 1.4 trillion dollars a year over the next decade, according to "
                      "the budget office."), "The plan would cost")
    assert q.cue.text == "according" and "budget office" in q.speaker.text
    assert "decade" in q.content.text and "according" not in q.content.text


def test_belief_inside_reported_speech_is_not_a_second_quote(quotes_of):
    qs = quotes_of("The senator said most voters believe the economy is getting worse.")
    assert [q.cue.text for q in qs] == ["said"]


def test_split_quote_joins_across_a_cue_clause_with_its_own_cue(quotes_of):
    qs = quotes_of("“We will win this state by a wide margin,” Manchin said, referring to the polls. "
                   "“Then we will win the country.”")
    direct = [q for q in qs if q.kind != "indirect"]
    assert len(direct) == 1 and "win the country" in direct[0].content.text
    assert direct[0].speaker.text == "Manchin"


def test_told_names_the_addressee_not_the_speaker(quotes_of):
    qs = quotes_of('"We are going to win this state," Senator Ann Walsh, a close adviser to the governor, '
                   'told Reuters.')
    q = one(qs, "We are going to win")
    assert q.speaker is not None and "Reuters" not in q.speaker.text


def test_interjected_cue_takes_its_nearest_subject(quotes_of):
    q = one(quotes_of("The promise of lower taxes, Ms. Ortiz argued, is mostly an illusion for working families."),
            "is mostly an illusion")
    assert q.speaker.text == "Ms. Ortiz"


def test_saying_after_an_object_takes_the_clause_subject(quotes_of):
    qs = quotes_of("The mayor sent a letter to the council on Monday saying the budget cuts were unfair to schools.")
    assert one(qs, "the budget cuts").speaker.text == "The mayor"


def test_subject_lost_by_the_parse(quotes_of):
    qs = quotes_of("Groups representing farmers and ranchers also expressed concerns that the tariffs would hurt "
                   "exports.")
    assert one(qs, "concerns that").speaker.text == "Groups"
    qs = quotes_of('"I would not rule it out," Mr. Kaplan, a former diplomat, said dryly.')
    assert one(qs, "I would not rule").speaker.text == "Mr. Kaplan"


def test_judgement_verb_with_as_reports_object_and_judgement(quotes_of):
    q = one(quotes_of("Many Democrats see the senator as a serious threat to the party."), "the senator as")
    assert q.cue.text == "see" and q.speaker.text == "Many Democrats" and q.content.text.endswith("the party")
    q = [q for q in quotes_of("The new trade plan is widely seen as a gift to large farms.") if q.cue.text == "seen"]
    assert q and "The new trade plan" in q[0].content.text and "a gift" in q[0].content.text


def test_stance_adjective_reports_its_complement(quotes_of):
    q = one(quotes_of("The governor is critical of the new budget rules."), "the new budget rules")
    assert q.cue.text == "critical" and q.speaker.text == "The governor"
    q = [q for q in quotes_of("Union leaders are confident that the strike will end soon.") if q.cue.text == "confident"]
    assert q and "the strike will end soon" in q[0].content.text and q[0].speaker.text == "Union leaders"


def test_passive_stance_verb_reports_its_subject(quotes_of):
    q = one(quotes_of("The proposal was rejected by the city council on Tuesday."), "The proposal")
    assert q.cue.text == "rejected" and q.content.text == "The proposal"


def test_want_takes_an_infinitive(quotes_of):
    q = one(quotes_of("The mayor wants to close the old power plant next year."), "to close the old power plant")
    assert q.cue.text == "wants" and q.speaker.text == "The mayor"


def test_unowned_stance_noun_is_a_sourceless_attribution(quotes_of):
    q = one(quotes_of("Calls for a recount grew louder after the vote."), "a recount")
    assert q.cue.text == "Calls" and q.speaker is None  # the noun is the subject, not the source


def test_coordinated_cues_each_report_their_own_words(quotes_of):
    qs = quotes_of("The senator suggested the chief of staff be fired and defended the president's record on trade.")
    q = one(qs, "the chief of staff")
    assert "defended" not in q.content.text and "record" not in q.content.text
    assert one(qs, "the president's record").cue.text == "defended"


def test_reportedly_attributes_its_clause(quotes_of):
    q = [q for q in quotes_of("The company reportedly paid the fine last year.") if q.cue is not None
         and q.cue.text == "reportedly"]
    assert q and "paid the fine" in q[0].content.text and q[0].speaker is None


def test_misparsed_complements_after_the_cue(quotes_of):
    # a subject after the cue opens its complement: not the words before the comma
    q = one(quotes_of("When the moderator pressed him, the candidate said families of victims file lawsuits."),
            "families of victims")
    assert q.cue.text == "said" and "moderator" not in q.content.text
    # the complement parsed as a relative clause on the addressee
    q = one(quotes_of("The adviser told the paper his firm worked closely with the charity."), "his firm worked")
    assert q.cue.text == "told" and q.speaker.text == "The adviser"


def test_headline_colon_split_from_its_words(quotes_of):
    # the sentence splitter ends the headline at the colon: the words are the rest of the line
    q = one(quotes_of("Mayor Smith: ‘We Will Not Raise Taxes This Year’\nThe mayor spoke on Thursday."), "We Will Not")
    assert q.cue.text == ":" and "Smith" in q.speaker.text and "Thursday" not in q.content.text


def test_stance_object_keeps_what_it_is_for(quotes_of):
    qs = quotes_of("The governor praised the mayor for standing firm against the union.")
    q = one(qs, "the mayor")
    assert q.cue.text == "praised" and "standing firm" in q.content.text
    # the gerund is part of the praise, not a second attribution
    assert not any(o.cue is not None and o.cue.text == "standing" for o in qs)


def test_stance_verbs_with_an_object_or_preposition(quotes_of):
    q = one(quotes_of("The senator downplayed the risk of a government shutdown."), "the risk")
    assert q.cue.text == "downplayed" and q.speaker.text == "The senator"
    q = one(quotes_of("Several governors agreed with the plan to expand the program."), "with the plan")
    assert q.cue.text == "agreed" and q.speaker.text == "Several governors"


def test_cue_table_words_are_strings():
    # a bare `on` in YAML 1.1 is the boolean true: "focus on", "attack on" would never match
    from eventwire.quotes.cues import CueTable

    t = CueTable.load()
    for table in (t.prepositional, t.nominal, t.adjective):
        assert all(isinstance(w, str) for words in table.values() for w in words)
    assert "on" in t.prepositional["focus"] and "on" in t.nominal["attack"]


def test_prepositions_on_are_read(quotes_of):
    q = one(quotes_of("The mayor will focus on school funding this year."), "on school funding")
    assert q.cue.text == "focus" and q.speaker.text == "The mayor"


def test_quotation_carrying_on_an_indirect_content_joins_it():
    from types import SimpleNamespace as NS

    from eventwire.quotes import _runs_on

    text = 'The aide told us that he backs her because "she listens to towns." He left. "Bye now."'
    told = NS(token=NS(idx=text.index("told")))
    lo, hi = text.index("that he"), text.index(" because")
    found = [{"cue": told, "lo": lo, "hi": hi}]
    starts = [0, text.index("He left"), text.index('"Bye')]
    a = text.index('"she')
    assert _runs_on(found, a, text.index(" He left"), text, starts) is found[0]
    # a quotation in a later sentence, or after a content that comes before its cue, stays apart
    assert _runs_on(found, text.index('"Bye'), len(text), text, starts) is None
    fronted = [{"cue": NS(token=NS(idx=hi + 1)), "lo": lo, "hi": hi}]
    assert _runs_on(fronted, a, text.index(" He left"), text, starts) is None


def test_reporting_verb_misread_as_a_noun(quotes_of):
    # "polling shows" reads as a compound noun to the tagger; the clause after it is still reported
    qs = quotes_of("Exit polling shows she won most rural voters in the state last month.")
    q = one(qs, "she won")
    assert q.cue.text == "shows" and "rural voters" in q.content.text


def test_content_ends_before_an_inner_cue_clause(quotes_of):
    # the participle clause after the comma is a second attribution with its own cue, not more of the first
    qs = quotes_of("The union wants to avoid a strike this winter, recalling how the last walkout cost its "
                   "members a month of wages.")
    wants = next(q for q in qs if q.cue is not None and q.cue.text == "wants")
    assert wants.content.text.startswith("to avoid") and "recalling" not in wants.content.text
    assert any(q.cue is not None and q.cue.text == "recalling" and "walkout" in q.content.text for q in qs)


def test_infinitive_after_the_addressee_is_the_content(quotes_of):
    qs = quotes_of("The newspaper called on the senator to quit the race before the primary.")
    q = next(q for q in qs if q.cue is not None and q.cue.text == "called")
    assert q.content.text.startswith("to quit the race")


def test_participle_cue_does_not_report_its_head_clause(quotes_of):
    qs = quotes_of("Negotiators stayed in the capital through the night, hoping for a quick deal.")
    assert not any(q.content.text.startswith("Negotiators stayed") for q in qs)
    qs = quotes_of("The bridge would cost about two billion dollars, according to a memo that aides circulated "
                   "among lawmakers on Tuesday night.")
    q = next(q for q in qs if q.cue is not None and q.cue.text == "according")
    assert q.content.text.startswith("The bridge would cost") and "memo" not in q.content.text
