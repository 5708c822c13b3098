"""The start-up shortcuts (lean spaCy import, bare tokenizer, shared classifier tokenizer, cached actor matchers)
must give the very objects and results that the slow way gives."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from eventwire.actors import ActorKB, ActorResolver
from eventwire.parse import MODEL_DIR, load_model, load_pipeline, widen_vectors
from eventwire import pipeline
from eventwire.pipeline import load_classifier, load_resolver

SENTENCES = ["Russia imposed sanctions on Ukraine on Monday.",
             "Chinese President Xi Jinping told Vladimir Putin in a phone call that Beijing would support Moscow.",
             "The U.S. State Department condemned the attack, a spokesman said.",
             "Police arrested 12 protesters in Nairobi."]


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_import_leaves_out_spacy_cli_and_torch_yet_both_stay_usable():
    probe = ("import sys, eventwire.pipeline, spacy; lean = 'spacy.cli' not in sys.modules; "
             "torch = 'torch' in sys.modules; cli = spacy.cli.info.__name__; "
             "import json; print(json.dumps([lean, torch, cli, callable(spacy.info)]))")
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TORCH"}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    lean, torch, cli, info = json.loads(out.stdout.strip().splitlines()[-1])
    assert lean and not torch
    assert cli == "info" and info  # `spacy.cli` imports on first use


def test_bare_tokenizer_loads_the_same_pipeline_as_spacy_load(nlp):
    import spacy

    ref = widen_vectors(spacy.load(MODEL_DIR))  # float16 vectors on disk: a plain load must widen them to run
    # the vocab is left out: the shared pipeline has met other tests' strings by now
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == ref.tokenizer.to_bytes(exclude=["vocab"])
    assert nlp.config.to_str() == ref.config.to_str()  # a saved copy still names spaCy's own tokenizer
    text = " ".join(SENTENCES)
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in nlp(text)] == \
           [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in ref(text)]


def test_classifier_shares_the_pipeline_tokenizer_and_scores_as_alone(nlp):
    shared = load_classifier(None, nlp)
    if shared is None:
        pytest.skip("no sentence classifier shipped")
    alone = load_classifier(None)
    assert shared.vocab is nlp.vocab and shared.tokenizer is nlp.tokenizer
    for a, b in zip(shared.pipe(SENTENCES), alone.pipe(SENTENCES)):
        assert a.cats == pytest.approx(b.cats, abs=1e-6)


def test_cached_resolver_finds_what_a_fresh_one_finds(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    kb = ActorKB.load()
    built = load_resolver(kb, nlp)  # builds and stores
    assert list(tmp_path.glob("resolver-*.pkl"))
    monkeypatch.setattr(pipeline, "ActorResolver", None)  # so a silent rebuild would fail
    loaded = load_resolver(kb, nlp)  # reads it back
    monkeypatch.undo()
    fresh = ActorResolver(kb, nlp)
    assert loaded is not built and loaded.kb is kb
    assert loaded.by_key.keys() == fresh.by_key.keys()
    ids = {id(e) for e in kb.entries}
    assert all(id(e) in ids for entries in loaded.by_key.values() for e in entries)  # the KB's own entries
    sdoc = nlp(" ".join(SENTENCES))
    for matcher in ("exact", "lower"):
        assert sorted(getattr(loaded, matcher)(sdoc)) == sorted(getattr(fresh, matcher)(sdoc))
    assert [(f.start, f.end, f.code) for f in loaded._matches(sdoc, "2022-06-16")] == \
           [(f.start, f.end, f.code) for f in fresh._matches(sdoc, "2022-06-16")]


def test_loading_the_cache_leaves_the_matcher_keys_lexemes_to_spacy(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    kb = ActorKB.load()
    built = load_resolver(kb, nlp)  # its keys got lexemes the ordinary way
    other = load_pipeline(MODEL_DIR)  # a vocab without them
    monkeypatch.setattr(pipeline, "ActorResolver", None)  # so a silent rebuild would fail
    load_resolver(kb, other)
    keys = list(built.by_key)[::50]
    # loading adds the keys' strings (a match's key is read back from them), not their lexemes
    assert keys and not any(key in other.vocab for key in keys)
    assert all(other.vocab.strings[other.vocab.strings[key]] == key for key in keys)
    attrs = ("lower_", "norm_", "shape_", "prefix_", "suffix_", "is_alpha", "is_lower", "is_title", "is_upper",
             "is_punct", "is_stop", "like_num", "like_url", "is_ascii", "lang_")
    for key in keys:  # made now, by spaCy's attribute functions, as in the built resolver's vocab
        assert [getattr(other.vocab[key], a) for a in attrs] == [getattr(nlp.vocab[key], a) for a in attrs]
