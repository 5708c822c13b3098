"""Score the shipped pipeline: UPOS / LAS on EWT test, NER F1 on UNER EWT test (model alone and with rules).

usage: python training/score_model.py SHARED_NLP_DIR [MODEL_DIR]
NER labels are compared as PERSON / ORG / LOC (the ruler's GPE counts as LOC; NORP is not in UNER).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from spacy.training import Example
from spacy.scorer import Scorer

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import convert  # noqa: E402
from eventwire.parse import load_model  # noqa: E402

LABEL = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}


def ner_f1(nlp, gold_docs, disable=()):
    tp = fp = fn = 0
    with nlp.select_pipes(disable=list(disable)):
        for gold in gold_docs:
            pred = nlp(gold.text)
            g = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
            p = {(e.start_char, e.end_char, LABEL[e.label_]) for e in pred.ents if e.label_ in LABEL}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return round(100 * prec, 1), round(100 * rec, 1), round(100 * 2 * prec * rec / max(prec + rec, 1e-9), 1)


def main(shared: str, model: str | None = None) -> None:
    nlp = load_model(model)
    src = Path(shared)
    parse_db, ner_db = convert.convert_treebank(src / "UD_English-EWT/en_ewt-ud-test.conllu",
                                                {k: v for k, v in convert.read_iob(src / "UNER_English-EWT/en_ewt-ud-test.iob2").items()},
                                                gum=False)
    gold = list(parse_db.get_docs(nlp.vocab))
    t = time.perf_counter()
    examples = [Example(nlp(g.text), g) for g in gold]
    secs = time.perf_counter() - t
    scores = Scorer.score_token_attr(examples, "pos") | Scorer.score_deps(examples, "dep", ignore_labels=("p", "punct"))
    las = Scorer.score_deps(examples, "dep")
    words = sum(len(g) for g in gold)
    print(f"EWT test: UPOS {100 * scores['pos_acc']:.1f}  UAS {100 * las['dep_uas']:.1f}  LAS {100 * las['dep_las']:.1f}"
          f"  ({words} words, {words / secs:,.0f} words/s incl. NER)")
    ner_gold = list(ner_db.get_docs(nlp.vocab))
    print("UNER EWT test NER P/R/F1, model alone:", ner_f1(nlp, ner_gold))
    import assemble

    ruled = load_model.__wrapped__(model)  # a fresh copy: the cached pipeline stays as shipped
    assemble.add_ruler(ruled)
    print("UNER EWT test NER P/R/F1, model + rules:", ner_f1(ruled, ner_gold))


if __name__ == "__main__":
    main(*sys.argv[1:3])
