"""Event nouns inside organisation names are names, not events; "come under pressure to ..." is no trip."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from eventwire.events.match import find_matches


def codes(pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.cameo, e.evidence.trigger.text) for e in pipeline(text).events]


def _org(text: str, name: str):
    start = text.index(name)
    return SimpleNamespace(kind="organization", start=start, end=start + len(name), text=name)


@pytest.mark.parametrize("text, name", [
    ("The Organisation for Security and Cooperation in Europe posted monitors along the border.",
     "Organisation for Security and Cooperation in Europe"),
    ("Delegates of the Pacific Islands Forum for Economic Cooperation gathered on Tuesday.",
     "Pacific Islands Forum for Economic Cooperation"),
])
def test_noun_inside_an_organisation_name_is_no_trigger(pipeline, text, name):
    sent = next(iter(pipeline.nlp(text).sents))
    org = _org(text, name)
    inside = lambda mentions: [m for m in find_matches(pipeline.coder.lex, sent, mentions)
                               if org.start <= m.trigger.idx < org.end]
    assert inside(())  # a word of the name would trigger alone: the guard is what stops it
    assert not inside([org])


def test_single_word_or_lower_case_mentions_do_not_hide_events(pipeline):
    text = "Talks between Moscow and Kyiv resumed on Monday."
    sent = next(iter(pipeline.nlp(text).sents))
    one_word = SimpleNamespace(kind="organization", start=0, end=5, text="Talks")
    assert "Talks" in {m.trigger.text for m in find_matches(pipeline.coder.lex, sent, [one_word])}


@pytest.mark.parametrize("text", [
    "Talks between Moscow and Kyiv resumed on Monday.",
    "The Turkish invasion of Cyprus began in July.",
    "Chile and Peru agreed to expand cooperation on fisheries.",
])
def test_ordinary_event_nouns_still_code(pipeline, text):
    assert pipeline(text).events


def test_organisation_name_codes_no_cooperation(pipeline):
    text = "The Organization for Security and Cooperation in Europe posted monitors along the border."
    assert not [c for c, trig in codes(pipeline, text) if trig == "Cooperation"]


@pytest.mark.parametrize("text", [
    "Portugal came under pressure from Brussels to cut its deficit.",
    "The cabinet came under pressure from the unions to the bargaining table.",
    "The minister came to doubt the value of the sanctions.",
])
def test_come_under_or_come_to_a_clause_is_no_visit(pipeline, text):
    assert not [c for c, _ in codes(pipeline, text) if c.startswith("042")]


def test_coming_to_a_place_is_still_a_visit(pipeline):
    for text in ("The Brazilian president came to Lisbon on Monday.",
                 "The Brazilian president came to Lisbon to sign a trade deal."):
        assert any(c.startswith("042") for c, _ in codes(pipeline, text)), text
