"""Lexicon loading (zero-derived nouns) and round-3 lexicon judgements, on sentences written for these tests."""
from __future__ import annotations

import shutil

import pytest
import yaml

from eventwire.document import Document
from eventwire.events.lexicon import DATA, Lexicon


@pytest.fixture()
def mini(tmp_path):
    shutil.copy(DATA / "cameo.csv", tmp_path / "cameo.csv")
    (tmp_path / "lexicon.yaml").write_text(yaml.safe_dump([
        {"code": "145", "verbs": ["riot", "riot against {T}"]},
        {"code": "190", "verbs": ["attack {T}", "attack on {T}"]},
        {"code": "141", "verbs": ["march on {T}"]},
    ]))
    (tmp_path / "modality.yaml").write_text(yaml.safe_dump({"zero_derived": ["riot", "attack"]}))
    return Lexicon.load(tmp_path)


def test_zero_derived_nouns_take_the_verb_patterns_with_words(mini):
    assert {p.id for p in mini.nouns["riot"]} == {"lexicon:145:riot against {T}"}  # bare "riot" stays a verb
    assert {p.id for p in mini.nouns["attack"]} == {"lexicon:190:attack on {T}"}  # "attack {T}" has no noun reading
    assert all(p.kind == "noun" for p in mini.nouns["riot"] + mini.nouns["attack"])
    assert "march" not in mini.nouns  # not listed as zero-derived
    assert len(mini.verbs["riot"]) == 2  # the verb readings are untouched


def test_shipped_zero_derived_lemmas_are_verb_triggers():
    lex = Lexicon.load()
    lemmas = lex.modality.get("zero_derived") or []
    assert lemmas and all(lemma in lex.verbs for lemma in lemmas)
    assert all(p.words for lemma in lemmas for p in lex.nouns.get(lemma, ()) if p.kind == "noun")


def codes(pipeline, text: str) -> set[str]:
    doc = pipeline(Document(id="t", text=text, date="2024-03-01"))
    return {e.cameo for e in doc.events}


def test_nominal_riots_are_coded(pipeline):
    assert any(c.startswith("145") for c in codes(pipeline, "Student riots against the new fuel tax spread to three cities."))


def test_longer_match_takes_the_modified_noun(pipeline):
    found = codes(pipeline, "Seoul suspended humanitarian aid to Pyongyang after the missile test.")
    assert any(c.startswith("16") for c in found) and not any(c.startswith("07") for c in found)


def test_a_continued_hunger_strike_is_a_hunger_strike(pipeline):
    assert any(c.startswith("142") for c in codes(pipeline, "Jailed activists in Cairo continued their hunger strike on Monday."))


def test_shunning_work_is_a_strike(pipeline):
    found = codes(pipeline, "Kenyan teachers shunned work on Monday to demand higher pay.")
    assert any(c.startswith("143") for c in found) and not any(c.startswith("16") for c in found)


def test_generic_receive_and_try_code_nothing(pipeline):
    assert not any(c.startswith("043") for c in codes(pipeline, "The Kenyan novelist received a literary prize in Paris."))
    assert not any(c.startswith("115") for c in codes(pipeline, "Turkish troops tried to cross the river at night."))


def test_pressure_to_act_is_a_demand(pipeline):
    found = codes(pipeline, "The Indian government faces pressure from parliament to help Nepal.")
    assert any(c.startswith("10") for c in found) and not any(c.startswith("07") for c in found)
