"""parse: sentences, tags, lemmas, dependencies and entities from eventwire's own spaCy pipeline.

Entry point: `parse(doc, nlp) -> spacy.tokens.Doc`, which also fills `doc.sentences`.
`load_model()` loads the shipped pipeline once per process.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language

from ..document import Document, Sentence

MODEL_DIR = Path(__file__).with_name("model")


@lru_cache(maxsize=2)
def load_model(path: str | None = None):
    """The shipped pipeline (or one at `path` / $EVENTWIRE_MODEL), loaded once per process."""
    import spacy

    where = Path(path or os.environ.get("EVENTWIRE_MODEL") or MODEL_DIR)
    if not (where / "config.cfg").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {where}: reinstall eventwire or run training/assemble.py")
    return spacy.load(where)


CLOSERS = {"”", "’", "\"", "'", ")", "»", "]"}
SENT_END = {".", "!", "?", "…", "”", "\"", "’", "'", ")", ":", ";", "»"}


@Language.component("paragraph_breaks")
def paragraph_breaks(sdoc):
    """A blank line always ends a sentence (headlines and datelines carry no final period); otherwise a
    sentence only starts after sentence punctuation, so "President | Xi Jinping" is never split."""
    flags = [0] * len(sdoc)  # 1 starts a sentence, -1 cannot, 0 leaves it to the parser
    for tok in sdoc[1:]:
        prev = sdoc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2:
            flags[tok.i] = 1
        elif not prev.is_space and prev.text[-1:] not in SENT_END and not tok.is_space:
            flags[tok.i] = -1
        elif tok.text in CLOSERS and prev.whitespace_ == "":
            flags[tok.i] = -1  # the closing mark of 'he said.”' belongs to its sentence
        elif prev.text in CLOSERS and tok.i >= 2 and sdoc[tok.i - 2].text not in (".", "!", "?", "…"):
            flags[tok.i] = -1  # '..., security,” Xi said': a quote closed mid-sentence
    if len(sdoc):
        flags[0] = 1
        # one array write: setting Token.is_sent_start token by token rescans the doc each time
        sdoc.from_array([SENT_START], numpy.asarray(flags, dtype="int64").astype("uint64").reshape(-1, 1))
    return sdoc


def sents(sdoc) -> list:
    """Sentences with text in them, trailing blank lines trimmed (a paragraph break is not a sentence)."""
    out = []
    for s in sdoc.sents:
        end = s.end
        while end > s.start and sdoc[end - 1].is_space:
            end -= 1
        if end > s.start:
            out.append(sdoc[s.start:end])
    return out


def root_at(sdoc, span):
    """The head token of the parsed text under a character span (an event trigger, a place), or None."""
    found = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    return found.root if found is not None else None


def sentences_of(sdoc) -> list[Sentence]:
    return [Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(sents(sdoc))]


def parse(doc: Document, nlp=None):
    sdoc = (nlp or load_model())(doc.text)
    doc.sentences = sentences_of(sdoc)
    return sdoc
