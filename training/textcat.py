"""Train the sentence classifier that backs up the event lexicon: five-way CAMEO class or no event.

usage: python training/textcat.py SHARED_DIR OUT_DIR [--no-corpus] [--epochs N]

Training data: the lead sentences of the 4,500 synthetic PLOVER stories (../shared, PLOVER type mapped
to its CAMEO five-way class) and, unless --no-corpus, our own labelled corpus (data/corpus, which also
teaches "no event"). The dev sets in ../shared/data/events never enter training.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

import spacy
from spacy.training import Example

from eventwire.evaluate import penta_of

LABELS = ["P0", "P1", "P2", "P3", "P4", "NONE"]
PLOVER_PENTA = {"REQUEST": 0, "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2, "CONCEDE": 2,
                "RETREAT": 2, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3, "PROTEST": 4,
                "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
ROOT = Path(__file__).resolve().parents[1]


def synthetic(shared: Path) -> list[tuple[str, str]]:
    path = shared / "data/sources/eventdata/NGEC/setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv"
    out = []
    for row in csv.DictReader(path.open(encoding="utf-8")):
        lede = re.split(r"(?<=[.!?])\s+", row["text"].strip())[0]
        if row["label"] in PLOVER_PENTA and len(lede.split()) >= 6:
            out.append((lede, f"P{PLOVER_PENTA[row['label']]}"))
    return out


def corpus() -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "data/corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append((r["text"], "NONE" if r["no_event"] else f"P{penta_of(r['cameo'])}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--no-synthetic", action="store_true", help="our corpus only (the shipped model: its "
                                                                "licence is ours; the synthetic stories carry none)")
    ap.add_argument("--epochs", type=int, default=12)
    args = ap.parse_args()
    random.seed(0)
    spacy.util.fix_random_seed(0)
    data = ([] if args.no_synthetic else synthetic(Path(args.shared))) + ([] if args.no_corpus else corpus())
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {"@architectures": "spacy.TextCatBOW.v3",
                                                        "exclusive_classes": True, "ngram_size": 2,
                                                        "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {l: float(l == y) for l in LABELS}}) for t, y in data]
    opt = nlp.initialize(lambda: examples)
    for epoch in range(args.epochs):
        random.shuffle(examples)
        losses = {}
        for batch in spacy.util.minibatch(examples, size=32):
            nlp.update(batch, sgd=opt, losses=losses, drop=0.1)
        print(f"epoch {epoch} loss {losses['textcat']:.2f}")
    nlp.meta.update({"name": "eventwire_penta", "description": "sentence five-way CAMEO class / no event",
                     "sources": " + ".join(n for n, off in (("synthetic PLOVER stories (NGEC)", args.no_synthetic),
                                                            ("eventwire corpus", args.no_corpus)) if not off)})
    nlp.to_disk(args.out)
    print("wrote", args.out, len(data), "sentences")


if __name__ == "__main__":
    main()
