"""The pipeline: clean -> parse -> actors -> events, with every model loaded once.

A `Pipeline` is a callable on a `Document`; it pickles (the spaCy pipeline and tables travel
with it), so Dask or multiprocessing workers each hold one. `get_pipeline()` caches one per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .cache import cached, compiled_patterns, gc_paused, key_of

with gc_paused(), compiled_patterns():  # the stages build their tables and compile their patterns at import
    from .parse import load_model, load_pipeline, root_at, sentences_of  # first: it imports spaCy lean
    from .parse.lemmas import known_lemmas

    from .actors import ActorKB, ActorResolver, resolve
    from .clean import clean
    from .document import Document
    from .events import EventCoder, Lexicon, code_events
    from .places import find_places, locate_events
    from .places.gazetteer import shared_gazetteer
    from .quotes import attribute, find_quotes
    from .timex import event_date, find_times

CLASSIFIER_DIR = Path(__file__).with_name("events") / "model"


class Pipeline:
    def __init__(self, model: str | None = None, actors: str | ActorKB | None = None,
                 lexicon: str | Lexicon | None = None, classifier: str | None = None):
        """`actors`/`lexicon`: a file/directory to load, or an ActorKB/Lexicon already built (used as is).
        `classifier`: a sentence classifier directory, "none" to code with the lexicon alone,
        or None for the shipped one (when the package has it)."""
        with gc_paused(), compiled_patterns():
            self._load(model, actors, lexicon, classifier)

    def _load(self, model, actors, lexicon, classifier) -> None:
        self.nlp = load_model(model)
        self.kb = actors if isinstance(actors, ActorKB) else ActorKB.load(actors)  # a built KB replaces ours
        self.resolver = load_resolver(self.kb, self.nlp)
        lex = lexicon if isinstance(lexicon, Lexicon) else Lexicon.load(Path(lexicon)) if lexicon else Lexicon.load()
        if lexicon is None:  # the shipped lexicon: the lemma repair takes its words from this copy
            known_lemmas(lex)
        self.coder = EventCoder(lex, load_classifier(classifier, self.nlp))
        self.gazetteer = shared_gazetteer()

    def _finish(self, doc: Document, sdoc) -> Document:
        doc.sentences = sentences_of(sdoc)
        resolve(doc, sdoc, self.resolver)
        doc.times = find_times(doc.text, doc.date)
        code_events(doc, sdoc, self.coder)
        doc.quotes = find_quotes(doc, sdoc, self.coder.speech)
        attribute(doc)
        for ev in doc.events:
            trigger = root_at(sdoc, ev.evidence.trigger)
            ev.date, ev.date_from = event_date(doc.times, trigger, doc.sentences[ev.evidence.sentence], doc.date)
        doc.places = find_places(doc, sdoc, self.gazetteer)
        locate_events(doc, sdoc)
        return doc

    def __call__(self, doc: Document | str, date: str | None = None) -> Document:
        if isinstance(doc, str):
            doc = Document(id="text", text=doc, date=date)
        elif date:
            doc.date = date
        doc = clean(doc)
        return self._finish(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Document], batch_size: int = 32) -> Iterator[Document]:
        """Code many documents, batching the parse; a document that fails carries its error instead."""
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Document]) -> list[Document]:
        """Clean, parse and code one batch; errors stay on their own document, order is kept."""
        slots: list[Document] = []
        for doc in docs:
            try:
                slots.append(clean(doc))
            except Exception as err:  # one broken document never stops a corpus
                doc.errors.append(f"clean failed: {type(err).__name__}: {err}")
                slots.append(doc)
        todo = [d for d in slots if not d.errors]
        try:
            parsed = list(zip(todo, self.nlp.pipe([d.text for d in todo])))
        except Exception:  # find the culprit: parse one by one
            parsed = []
            for doc in todo:
                try:
                    parsed.append((doc, self.nlp(doc.text)))
                except Exception as err:
                    doc.errors.append(f"parse failed: {type(err).__name__}: {err}")
        for doc, sdoc in parsed:
            try:
                self._finish(doc, sdoc)
            except Exception as err:
                doc.errors.append(f"coding failed: {type(err).__name__}: {err}")
        return slots


def load_classifier(where: str | None, nlp=None):
    """The sentence classifier; with `nlp`, it shares that pipeline's vocab, and its tokenizer when the two
    saved tokenizers are the same file (the classifier then tokenizes exactly as before, without a second copy)."""
    if where == "none":
        return None
    path = Path(where) if where else CLASSIFIER_DIR
    if not (path / "config.cfg").exists():
        if where:
            raise FileNotFoundError(f"no sentence classifier at {path}")
        return None
    if nlp is None:
        return load_pipeline(path)
    own, theirs = path / "tokenizer", getattr(nlp, "path", None) and Path(nlp.path) / "tokenizer"
    same = bool(theirs) and own.exists() and theirs.exists() and own.read_bytes() == theirs.read_bytes()
    return load_pipeline(path, vocab=nlp.vocab, tokenizer=nlp.tokenizer if same else None)


def load_resolver(kb: ActorKB, nlp) -> ActorResolver:
    """The actor resolver; its matchers (thousands of tokenized patterns) are cached per KB, actor code
    and tokenizer, and re-attached to this process's KB and vocab."""
    import spacy

    from . import actors

    kb_key, model = key_of(kb), getattr(nlp, "path", None)
    if kb_key is None or model is None:  # a KB built in memory, a pipeline not from disk: no stable key
        return ActorResolver(kb, nlp)
    sources = sorted(Path(actors.__file__).parent.glob("*.py")) + [Path(model) / "tokenizer", Path(model) / "config.cfg"]
    return cached("resolver", sources, lambda: ActorResolver(kb, nlp), extra=f"{kb_key}|{spacy.__version__}",
                  shared={"kb": kb}, vocab=nlp.vocab)


@lru_cache(maxsize=4)
def get_pipeline(model: str | None = None, actors: str | None = None, classifier: str | None = None) -> Pipeline:
    return Pipeline(model, actors, classifier=classifier)
