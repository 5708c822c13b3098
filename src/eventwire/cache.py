"""A per-user cache of compiled tables (actor KB, lexicon, gazetteer), so a new process skips parsing YAML
and TSV. Keyed by the eventwire version and the size and modification time of every source file (the tables and
the module that compiles them), so an edited table or class is re-read. Set EVENTWIRE_CACHE=off to disable; EVENTWIRE_CACHE=DIR to move it.
Any failure to read or write the cache falls back to building the table: the cache is only ever a shortcut.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
VERSION = "1"  # bump when a cached class changes shape


def cache_dir() -> Path | None:
    setting = os.environ.get("EVENTWIRE_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def _key(name: str, sources: Iterable[Path]) -> str:
    from . import __version__

    h = hashlib.sha1(f"{VERSION}|{__version__}|{name}".encode())
    for path in sources:
        st = Path(path).stat()
        h.update(f"|{Path(path).resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its pickled result from an earlier process with the same source files."""
    where = cache_dir()
    if where is None:
        return build()
    try:
        path = where / f"{name}-{_key(name, list(sources))}.pkl"
        if path.exists():
            with path.open("rb") as fh:
                return pickle.load(fh)
    except Exception:  # a corrupt or foreign cache file: rebuild
        path = None
    value = build()
    if path is not None:
        try:
            where.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: parallel workers never read half a file
            for old in where.glob(f"{name}-*.pkl"):  # earlier versions of the same table
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
    return value
