from __future__ import annotations

import pytest

from eventwire.parse import load_model, sents


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def words(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


def test_news_tokenization(nlp):
    assert "U.S." in words(nlp, "The U.S. was swift to respond.")
    toks = words(nlp, "“China is willing,” Xi said.")
    assert toks[0] == "“" and "”" in toks and "willing" in toks
    assert words(nlp, "Countries on Vladimir-Putin’s side")[2:6] == ["Vladimir", "-", "Putin", "’s"]
    assert words(nlp, "MOSCOW (Reuters) - Russia said")[:5] == ["MOSCOW", "(", "Reuters", ")", "-"]
    assert "—" in words(nlp, "security — leading Washington")


def test_sentences_and_paragraphs(nlp):
    doc = nlp("Leaders agree to boost trade, Kremlin says\n\nThe Kremlin said on Monday that talks went well. "
              "Dr. Smith of the U.S. State Department disagreed.")
    got = [s.text for s in sents(doc)]
    assert got[0] == "Leaders agree to boost trade, Kremlin says"
    assert len(got) == 3
    assert got[2].startswith("Dr. Smith")


def test_ranks_do_not_end_sentences(nlp):
    # spaCy's English exceptions lack "Lt.", "Col.", "Capt.": without ours each split off its period and a sentence
    assert words(nlp, "Lt. Col. Ana Ruiz spoke.")[:2] == ["Lt.", "Col."]
    doc = nlp("Lt. Gen. Omar Haddad, the army chief, said Capt. Rivera and Sgt. Bell were freed on Monday.")
    assert len(list(sents(doc))) == 1


def test_parse_gives_subjects_objects_and_lemmas(nlp):
    doc = nlp("Russian forces attacked the city of Kharkiv on Tuesday.")
    verb = next(t for t in doc if t.text == "attacked")
    assert verb.lemma_ == "attack" and verb.pos_ == "VERB"
    assert {c.dep_ for c in verb.children} >= {"nsubj", "obj"}
    assert next(c for c in verb.children if c.dep_ == "nsubj").text == "forces"
