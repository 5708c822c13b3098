"""Score the sentence classifier on its own: its top class per dev sentence as the predicted five-way class.

usage: python training/score_classifier.py CLASSIFIER_DIR GOLD.jsonl
(The lexicon alone and the combination are scored by `eventwire eval --classifier none|DIR`.)
"""
from __future__ import annotations

import json
import sys

import spacy

from eventwire.evaluate import score
from eventwire.events.fallbacks import GENERIC


def main(model: str, gold: str) -> None:
    nlp = spacy.load(model)
    rows = [json.loads(x) for x in open(gold, encoding="utf-8") if x.strip()]
    preds = []
    for r, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        label = max(doc.cats, key=doc.cats.get)
        if label != "NONE":
            # the generic code of the class carries the five-way class
            code = GENERIC.get(label, "010")
            preds.append({"doc_id": r["id"], "cameo": code, "source": None, "target": None})
    res = score(rows, preds)
    for k in ("penta", "cameo.root"):
        if k in res:
            print(f"{k:12} P {res[k]['P']:.3f} R {res[k]['R']:.3f} F1 {res[k]['F1']:.3f} (n={res[k]['n_gold']})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
