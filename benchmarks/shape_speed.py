"""Words per second of untrained pipelines of other shapes (our labels, NER sharing the tok2vec), warm.

usage: python benchmarks/shape_speed.py [--shared ../shared] [--corpus /tmp/ew-corpus] [--shipped]
Builds training/parse.cfg with the tok2vec width/depth/rows and the parser hidden width changed and an NER
listening to the shared tok2vec, initialises it on 3,000 parse and 3,000 NER docs of the DocBins that
training/convert.py writes (so the label sets, and with them the output layers, are the real ones), and
times the best of two passes over EWT test text after a warm-up. Speed does not depend on training.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from thinc.api import Config  # noqa: E402

from parse_speed import texts  # noqa: E402  (this folder is on the path when run as a script)

ROOT = Path(__file__).resolve().parents[1]
SHAPES = {  # label: (tok2vec width, depth, hash rows, parser hidden width, NER hidden width)
    "128x5, parser 128, NER shared": (128, 5, [10000, 2000, 4000, 4000], 128, 64),
    "96x4, parser 128, NER shared": (96, 4, [10000, 2000, 4000, 4000], 128, 64),
    "96x4, parser 64, NER shared (sm shape)": (96, 4, [5000, 1000, 2500, 2500], 64, 64),
    "64x4, parser 64, NER shared": (64, 4, [5000, 1000, 2500, 2500], 64, 64),
}


def build(corpus: Path, width: int, depth: int, rows: list[int], hidden: int, ner_hidden: int):
    cfg = Config().from_disk(ROOT / "training/parse.cfg")
    comps = cfg["components"]
    t2v = comps["tok2vec"]["model"]
    t2v["encode"].update(width=width, depth=depth)
    t2v["embed"].update(width=width, rows=rows)
    for name in ("morphologizer", "tagger", "trainable_lemmatizer", "parser"):
        comps[name]["model"]["tok2vec"]["width"] = width
    comps["parser"]["model"]["hidden_width"] = hidden
    cfg["nlp"]["pipeline"] = [*cfg["nlp"]["pipeline"], "ner"]
    comps["ner"] = {"factory": "ner", "model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": ner_hidden, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "*"}}}
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    examples = []
    for part in ("parse", "ner"):
        docs = list(DocBin().from_disk(corpus / f"{part}-train.spacy").get_docs(nlp.vocab))[:3000]
        examples += [Example(nlp.make_doc(d.text), d) for d in docs]
    nlp.initialize(lambda: examples)
    return nlp


def words_per_second(nlp, docs: list[str]) -> float:
    list(nlp.pipe(docs[:5]))
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(docs, batch_size=64))
        best = min(best, time.perf_counter() - t)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--corpus", default="/tmp/ew-corpus")
    ap.add_argument("--shipped", action="store_true", help="also time the shipped pipeline, warm")
    args = ap.parse_args()
    docs = texts(Path(args.shared))
    if args.shipped:
        from eventwire.parse import load_model

        print(f"{'shipped pipeline':42s} {words_per_second(load_model(), docs):8,.0f} words/s", flush=True)
    for label, shape in SHAPES.items():
        print(f"{label:42s} {words_per_second(build(Path(args.corpus), *shape), docs):8,.0f} words/s", flush=True)


if __name__ == "__main__":
    main()
