"""A cached PhraseMatcher comes back matching the same spans, without making lexemes for its keys."""
from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher

from eventwire import cache

KEYS = {"country|Freedonia": "Freedonia", "city|New Sylvania": "New Sylvania", "person|Rufus T. Firefly": "Rufus T. Firefly"}
TEXT = "Rufus T. Firefly flew from Freedonia to New Sylvania, then wrote country|Freedonia on a form."


def matches(matcher, doc):
    return sorted((doc.vocab.strings[k], s, e) for k, s, e in matcher(doc))


def test_cached_matcher_matches_alike_and_leaves_key_lexemes_to_spacy(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    source = tmp_path / "patterns.txt"
    source.write_text("\n".join(KEYS))
    built_nlp, fresh_nlp = spacy.blank("en"), spacy.blank("en")

    def build(nlp):
        m = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, text in KEYS.items():
            m.add(key, [nlp.make_doc(text)])
        return m

    built = cache.cached("pm", [source], lambda: build(built_nlp), vocab=built_nlp.vocab)
    loaded = cache.cached("pm", [source], lambda: build(fresh_nlp), vocab=fresh_nlp.vocab)  # from the pickle
    assert "country|Freedonia" in built_nlp.vocab and "country|Freedonia" not in fresh_nlp.vocab
    assert all(fresh_nlp.vocab.strings[fresh_nlp.vocab.strings[k]] == k for k in KEYS)
    want = matches(built, built_nlp(TEXT))
    assert len(want) == 3 and matches(loaded, fresh_nlp(TEXT)) == want
    # a token spelling a key gets the lexeme spaCy's own attribute functions give it
    a = built_nlp.vocab["country|Freedonia"]
    b = fresh_nlp(TEXT)[-5]
    assert b.text == "country|Freedonia"
    assert (b.lower_, b.norm_, b.shape_, b.is_alpha, b.prefix_, b.suffix_) == \
        (a.lower_, a.norm_, a.shape_, a.is_alpha, a.prefix_, a.suffix_)
