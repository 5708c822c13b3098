"""eventwire: offline political event coding of news text.

    >>> import eventwire
    >>> doc = eventwire.code("Russia imposed sanctions on Ukraine.", date="2022-06-16")
    >>> [(e.source.code, e.cameo, e.target.code) for e in doc.events]
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .document import Actor, Document, Event, Evidence, Mention, Quote, Sentence, Span

__version__ = "0.1.0"
__all__ = ["Actor", "Document", "Event", "Evidence", "Mention", "Quote", "Sentence", "Span",
           "code", "code_many", "load_events"]


def code(text: str, date: str | None = None, doc_id: str = "text", actors: str | None = None) -> Document:
    """Code one article's text into a Document with sentences, actor mentions and events."""
    from .pipeline import get_pipeline

    return get_pipeline(None, actors)(Document(id=doc_id, text=text, date=date))


def code_many(docs: Iterable[Document | dict | str], actors: str | None = None) -> Iterator[Document]:
    """Code an iterable of Documents, {id, text, date?} dicts or strings, batching the parse."""
    from .ingest import from_record
    from .pipeline import get_pipeline

    def as_docs():
        for n, d in enumerate(docs):
            if isinstance(d, Document):
                yield d
            elif isinstance(d, dict):
                yield from_record(d, str(n))
            else:
                yield Document(id=str(n), text=str(d))

    return get_pipeline(None, actors).pipe(as_docs())


def load_events(db: str):
    """All events of a DuckDB store as a pandas DataFrame (one row per event, actors flattened)."""
    from .store import Store

    with Store(db, read_only=True) as store:
        return store.events_frame()
