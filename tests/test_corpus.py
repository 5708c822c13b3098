"""Our labelled event corpus: schema, coverage, and no near-copies of third-party sentences."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import GOLD, SHARED, ROOT

from eventwire.events import Lexicon

CORPUS = sorted((ROOT / "data" / "corpus").glob("*.jsonl"))
STYLES = {"wire", "headline", "quote", "reported", "passive", "nominal", "coordination", "negation", "modality",
          "hypothetical", "question", "background"}


def rows():
    out = []
    for path in CORPUS:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append((f"{path.name}:{n}", json.loads(line)))
    return out


@pytest.fixture(scope="module")
def corpus():
    return rows()


def test_schema_and_spans(corpus):
    codes = Lexicon.load().codes
    ids = Counter(r["id"] for _, r in corpus)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for where, r in corpus:
        assert r["style"] in STYLES, where
        if r["no_event"]:
            assert r["cameo"] is None, where
        else:
            assert r["cameo"] in codes, where
            assert r["source"] or r["target"], where
        for role in ("source", "trigger", "target"):
            part = r.get(role)
            if part:
                assert r["text"][part["start"]:part["end"]] == part["text"], (where, role)
        for role in ("source", "target"):
            part = r.get(role)
            if part and part.get("code"):
                assert re.match(r"^[A-Z]{3}", part["code"]), (where, part["code"])


def test_coverage(corpus):
    events = [r for _, r in corpus if not r["no_event"]]
    negatives = [r for _, r in corpus if r["no_event"]]
    assert len(corpus) >= 5000 and len(negatives) >= 1200
    per_code = Counter(r["cameo"] for r in events)
    leaf = [c for c in Lexicon.load().codes if len(c) >= 3]
    thin = [c for c in leaf if per_code[c] < 15]
    assert len(thin) <= 0.05 * len(leaf), f"codes with < 15 sentences: {thin}"
    countries = {p["code"][:3] for r in events for p in (r["source"], r["target"]) if p and p.get("code")}
    assert len(countries) >= 80
    assert len({r["text"] for _, r in corpus}) == len(corpus), "a sentence is written twice"


def ngrams(text, n=8):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_near_copies_of_shared_sentences(corpus):
    texts = []
    for path in GOLD.glob("*.jsonl"):
        texts += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    codebook = SHARED / "data/sources/eventdata/icews/data-raw/cameo-codes.utf8-fixed.csv"
    if codebook.exists():
        texts.append(codebook.read_text(encoding="utf-8"))
    if not texts:
        pytest.skip("../shared not present")
    theirs = set().union(*(ngrams(t) for t in texts))
    copies = [where for where, r in corpus if len(ngrams(r["text"]) & theirs) >= 1]
    assert not copies, f"sentences sharing an 8-word run with third-party data: {copies[:10]}"


def test_blind_agreement(corpus):
    """The blind second pass must agree with the corpus at CAMEO root on >= 85 % of its sample."""
    labels = {r["id"]: (None if r["no_event"] else r["cameo"]) for _, r in corpus}
    sample = [json.loads(x) for x in (ROOT / "data/corpus/blind/second-pass.jsonl").read_text().splitlines()]
    assert len(sample) >= 0.1 * len(corpus) - 1
    same = sum((labels[s["id"]] or "")[:2] == (s["second"] or "")[:2] for s in sample)
    assert all(labels[s["id"]] == s["first"] for s in sample), "the sample no longer matches the corpus"
    assert same / len(sample) >= 0.85


def test_few_near_duplicates(corpus):
    """MinHash over word trigrams: almost no two sentences are near-copies (no slot-filled templates)."""
    from datasketch import MinHash, MinHashLSH

    lsh, hashes = MinHashLSH(threshold=0.7, num_perm=64), {}
    for where, r in corpus:
        words = re.findall(r"\w+", r["text"].lower())
        m = MinHash(num_perm=64, seed=1)
        for i in range(len(words) - 2):
            m.update(" ".join(words[i:i + 3]).encode())
        hashes[r["id"]] = m
        lsh.insert(r["id"], m)
    near = {i for i, m in hashes.items() if len(lsh.query(m)) > 1}
    assert len(near) / len(corpus) < 0.01, sorted(near)[:20]
