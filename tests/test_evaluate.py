"""Our scorer must agree with the field's reference scorer (../shared/tools/eventscore.py)."""
from __future__ import annotations

import importlib.util
import json
import random

import pytest
from conftest import GOLD, SHARED, need

from eventwire.evaluate import penta_of, score, spans_agree

SETS = ["petr2-gsr.jsonl", "cameo-manual.jsonl", "conflibert-news-dev.jsonl", "india-police-dev.jsonl"]


def reference_scorer():
    path = need(SHARED / "tools" / "eventscore.py")
    spec = importlib.util.spec_from_file_location("eventscore", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


def perturbed_predictions(rows, seed):
    """Gold events with noise: dropped, recoded, re-actored and spurious events."""
    rng = random.Random(seed)
    codes = ["010", "036", "042", "051", "112", "130", "173", "190", "0311", "1823"]
    out = []
    for g in rows:
        for e in g["events"]:
            if rng.random() < 0.25:
                continue
            p = {"doc_id": g["id"], "source": e["source"], "target": e["target"] or None,
                 "cameo": e.get("cameo") or rng.choice(codes), "plover": e.get("plover")}
            if rng.random() < 0.3:
                p["cameo"] = rng.choice(codes)
            if rng.random() < 0.2 and p["source"]:
                p["source"] = [dict(a, country="XXX", text="someone else") for a in p["source"]]
            if rng.random() < 0.1:
                p["plover_mode"] = "arrest"
            out.append(p)
        if rng.random() < 0.15:
            out.append({"doc_id": g["id"], "source": {"text": g["text"][:12], "country": "USA", "sector": "COP"},
                        "target": None, "cameo": rng.choice(codes)})
    return out


@pytest.mark.parametrize("name", SETS)
def test_agrees_with_reference_scorer(name):
    rows = [json.loads(line) for line in need(GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    ref = reference_scorer()
    for seed in (1, 2):
        preds = perturbed_predictions(rows, seed)
        ours, theirs = score(rows, preds), ref(rows, preds)
        shared = set(theirs) - {"docs", "docs_with_events"}
        assert shared, "the reference scored nothing"
        for metric in shared:
            assert ours[metric] == theirs[metric], metric
        assert ours["docs_with_events"] == theirs["docs_with_events"]


def test_penta_classes():
    assert [penta_of(c) for c in ("010", "020", "036", "057", "061", "080", "112", "160", "173", "190")] == \
        [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert penta_of(None) is None and penta_of("x") is None


def test_span_agreement_is_dice_over_content_words():
    assert spans_agree("Iraqi troops", "the Iraqi troops")
    assert not spans_agree("Iraqi troops", "Kurdish fighters")
    assert spans_agree("the final rebel mountain stronghold in the province", "the final rebel stronghold")


def test_no_event_false_alarms_are_counted():
    gold = [{"id": "a", "labels": ["noevent", "cameo"], "events": []},
            {"id": "b", "labels": ["noevent", "cameo"], "events": []}]
    res = score(gold, [{"doc_id": "a", "cameo": "010", "source": None, "target": None}])
    assert res["noevent(false alarms)"] == {"docs": 2, "with_events": 1, "rate": 0.5}


def test_reliability_table_bins_and_calibration_error():
    from eventwire.evaluate.reliability import judged, table

    gold = [{"id": "a", "labels": ["cameo"], "events": [{"cameo": "190"}]},
            {"id": "b", "labels": ["noevent"], "events": []}]
    preds = [{"doc_id": "a", "cameo": "193", "confidence": 0.9}, {"doc_id": "a", "cameo": "042", "confidence": 0.3},
             {"doc_id": "b", "cameo": "010", "confidence": 0.1}]
    pairs = judged(gold, preds)
    assert sorted(pairs) == [(0.1, False), (0.3, False), (0.9, True)]
    t = table(pairs)
    assert [b["n"] for b in t["bins"]] == [1, 1, 1]
    assert t["ece"] == round((0.1 + 0.3 + 0.1) / 3, 3)


def test_calibrated_confidence_is_a_probability_that_rewards_known_actors(pipeline):
    from dataclasses import replace

    from eventwire.document import Document
    from eventwire.events.calibration import features

    doc = pipeline(Document(id="t", text="Russia attacked Ukraine.", date="2022-03-01"))
    ev = next(e for e in doc.events if e.source and e.source.country == "RUS")
    coder = pipeline.coder
    assert coder.calibrator.active and 0.0 < ev.confidence < 1.0
    anonymous = replace(ev, source=replace(ev.source, code=None, country=None))
    assert coder.calibrator(features(anonymous, coder.patterns)) < ev.confidence


def test_a_document_that_fails_to_code_is_reported_not_silently_scored_as_empty(capsys):
    from eventwire.document import Document
    from eventwire.evaluate import code_rows

    class Failing:  # stands in for a pipeline whose coder raised on every document
        def pipe(self, docs):
            for d in docs:
                d.errors.append("coding failed: ValueError: broken rule")
                yield d

    rows = [{"id": "r1", "text": "Troops shelled the town.", "labels": ["cameo"], "events": []}]
    assert code_rows(rows, Failing()) == []
    err = capsys.readouterr().err
    assert "r1" in err and "broken rule" in err
    assert isinstance(Document(id="x", text="y").errors, list)
