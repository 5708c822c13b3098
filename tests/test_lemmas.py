"""Lemma repair after the trained lemmatizer (eventwire.parse.lemmas), on words and sentences we wrote."""
from __future__ import annotations

import pickle

import pytest

from eventwire.parse import load_model
from eventwire.parse.lemmas import VERB_LIST, RepairingLemmatizer, _words, candidates, known_lemmas, repaired


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.mark.parametrize("form, base", [
    ("suing", "sue"), ("investing", "invest"), ("barring", "bar"), ("hoped", "hope"), ("studied", "study"),
    ("lying", "lie"), ("replying", "reply"), ("pushes", "push"), ("freed", "free"), ("cancelled", "cancel"),
])
def test_regular_rules_propose_the_base(form, base):
    assert base in candidates(form)


def test_likelier_base_comes_first():
    assert candidates("barring")[0] == "bar"  # a doubled consonant is undone before "barr" is tried
    assert candidates("hoped").index("hope") < candidates("hoped").index("hop")  # no doubling: a silent e


@pytest.mark.parametrize("lemma, form, tag, base", [
    ("su", "suing", "VBG", "sue"), ("investe", "investing", "VBG", "invest"), ("barr", "barred", "VBD", "bar"),
    ("reiterat", "reiterated", "VBN", "reiterate"),
    ("ly", "lied", "VBD", "lie"), ("urg", "urges", "VBZ", "urge"),
])
def test_slips_are_repaired(lemma, form, tag, base):
    assert repaired(lemma, form, "VERB", tag) == base


def test_known_or_unrepairable_lemmas_are_kept():
    assert repaired("sue", "suing", "VERB", "VBG") is None  # already a known verb
    assert repaired("frobnicat", "frobnicating", "VERB", "VBG") is None  # no rule gives a known base: no guess
    assert repaired("su", "suing", "VERB", "VB") is None  # base-form tags carry no inflection to undo
    assert repaired("halted", "halted", "VERB", "VBD") is None  # a form kept whole is left as it is
    assert repaired("site", "sites", "NOUN", "NNS") is None  # nouns are left alone ("sites" is not "sit")


def test_known_lemmas_hold_our_list_and_the_lexicon():
    verbs, _ = known_lemmas()
    ours = _words(VERB_LIST)
    assert ours <= verbs and len(verbs) > len(ours)  # the lexicon adds verbs our list does not have
    assert all(w == w.lower() and w.isalpha() for w in ours)


def test_pipeline_repairs_in_call_and_pipe(nlp):
    assert isinstance(nlp.get_pipe("trainable_lemmatizer"), RepairingLemmatizer)
    texts = ["The unions are suing the ministry over the new rules.",
             "Police barred the marchers and the mayor reiterated his call for calm."]
    want = {"suing": "sue", "barred": "bar", "reiterated": "reiterate"}
    for doc in [nlp(t) for t in texts] + list(nlp.pipe(texts)):
        for tok in doc:
            if tok.lower_ in want and tok.pos_ == "VERB":
                assert tok.lemma_ == want[tok.lower_]
    assert sum(t.lower_ in want and t.pos_ == "VERB" for d in nlp.pipe(texts) for t in d) == 3


def test_repair_survives_pickling_and_keeps_spacy_config(nlp):
    copy = pickle.loads(pickle.dumps(nlp))
    assert isinstance(copy.get_pipe("trainable_lemmatizer"), RepairingLemmatizer)
    assert "trainable_lemmatizer" in nlp.pipe_names and "lemma" not in " ".join(n for n in nlp.pipe_names
                                                                                 if n != "trainable_lemmatizer")
    assert nlp.config["components"]["trainable_lemmatizer"]["factory"] == "trainable_lemmatizer"
