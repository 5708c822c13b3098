"""parse: sentences, tags, lemmas, dependencies and entities from eventwire's own spaCy pipeline.

Entry point: `parse(doc, nlp) -> spacy.tokens.Doc`, which also fills `doc.sentences`.
`load_model()` loads the shipped pipeline once per process.
"""
from __future__ import annotations

import os
import sys
import types
from functools import lru_cache
from pathlib import Path

from ..cache import compiled_patterns, gc_paused


def _spacy_info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _spacy_getattr(name: str):
    if name == "cli":  # `spacy.cli` without an import of it, as before
        import spacy.cli

        return spacy.cli
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _index_entry_points() -> None:
    """catalogue looks up a registry's plugins (entry points) by scanning every installed package's entry points,
    ~0.5 ms a time, and spaCy's import and load ask ~250 times (once per msgpack blob a model unpacks): index them
    by group once. catalogue reads the same entry points either way (it takes them once, at its import)."""
    try:
        import catalogue
    except ImportError:
        return
    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if hasattr(found, "select") and hasattr(found, "groups"):  # importlib.metadata's EntryPoints/SelectableGroups
        try:
            catalogue.AVAILABLE_ENTRY_POINTS = {g: found.select(group=g) for g in found.groups}
        except Exception:  # another importlib.metadata: leave catalogue as it is
            pass


def import_spacy():
    """Import spaCy without the two things its import drags in that coding never uses, a third to two thirds of
    a cold start: its command-line package (typer, rich, requests, weasel, ~0.5 s), which spaCy imports only to
    export `spacy.info`, and PyTorch (~2.5 s), which thinc imports whenever it is installed although our models
    have no torch layers. Both stay reachable: `spacy.cli` imports on first use; EVENTWIRE_TORCH=1, or importing
    torch before eventwire, gives thinc its torch support as usual. A no-op once spaCy is imported."""
    _index_entry_points()
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    if "thinc" not in sys.modules and "torch" not in sys.modules and os.environ.get("EVENTWIRE_TORCH", "") != "1":
        stubs["torch"] = None  # thinc's `import torch` fails fast: it runs without torch
    sys.modules.update(stubs)
    try:
        with gc_paused(), compiled_patterns():
            import spacy
    except Exception:  # a spaCy that needs more of its CLI at import: import it the ordinary way below
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name, 0) is stub:
                del sys.modules[name]
    import spacy

    if "spacy.cli" not in sys.modules:
        if getattr(spacy, "cli", None) is cli:
            del spacy.cli
        spacy.__getattr__ = _spacy_getattr
    return spacy


import_spacy()

import numpy  # noqa: E402
from spacy.attrs import SENT_START  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokenizer import Tokenizer  # noqa: E402
from spacy.util import load_config, registry  # noqa: E402

from ..document import Document, Sentence  # noqa: E402
from .lemmas import install as install_lemma_repair  # noqa: E402

MODEL_DIR = Path(__file__).with_name("model")
SPACY_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
BARE_TOKENIZER = {"@tokenizers": "eventwire.BareTokenizer.v1"}


@registry.tokenizers("eventwire.BareTokenizer.v1")
def bare_tokenizer():
    """A tokenizer without rules, for a pipeline whose saved tokenizer replaces them all on load: spaCy's own
    factory would first compile English's ~2,700 special cases only to throw them away."""
    return lambda nlp: Tokenizer(nlp.vocab)


def load_pipeline(where: Path, vocab=None, tokenizer=None):
    """spacy.load(where), without compiling the default tokenizer rules that the saved tokenizer replaces.
    `vocab` / `tokenizer`: share another pipeline's (the saved tokenizer is then not read)."""
    import spacy

    config = load_config(where / "config.cfg")
    if dict(config["nlp"].get("tokenizer", {})) != SPACY_TOKENIZER:  # a custom tokenizer: load it as saved
        return widen_vectors(spacy.load(where))
    exclude = ["vocab"] if vocab is not None else []
    if tokenizer is not None:
        exclude.append("tokenizer")
    nlp = spacy.load(where, vocab=vocab if vocab is not None else True, exclude=exclude,
                     config={"nlp": {"tokenizer": BARE_TOKENIZER}})
    nlp._config["nlp"]["tokenizer"] = dict(SPACY_TOKENIZER)  # a saved copy loads without eventwire
    if tokenizer is not None:
        nlp.tokenizer = tokenizer
    return widen_vectors(nlp)


def news_abbreviations() -> list[str]:
    lines = Path(__file__).with_name("abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def add_abbreviations(tokenizer) -> None:
    """Ranks and titles of news copy ("Lt.", "Col.", "Capt.") stay one token, as "Gen." and "Mr." already do.
    `training/assemble.py` bakes them into the shipped tokenizer, so a plain spacy.load has them too."""
    from spacy.symbols import ORTH

    for abbreviation in news_abbreviations():
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def widen_vectors(nlp):
    """Static vectors ship as float16 (half the package size); thinc's StaticVectors multiplies in float32."""
    vectors = nlp.vocab.vectors
    if vectors.shape[0] and vectors.data.dtype == numpy.float16:
        vectors.data = vectors.data.astype(numpy.float32)
    return nlp


@lru_cache(maxsize=2)
def load_model(path: str | None = None):
    """The shipped pipeline (or one at `path` / $EVENTWIRE_MODEL), loaded once per process."""
    where = Path(path or os.environ.get("EVENTWIRE_MODEL") or MODEL_DIR)
    if not (where / "config.cfg").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {where}: reinstall eventwire or run training/assemble.py")
    with compiled_patterns():  # the tokenizer's prefix, suffix and infix rules
        nlp = load_pipeline(where)
    install_lemma_repair(nlp)
    return nlp


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
