"""A per-user cache of compiled tables (actor KB, lexicon, gazetteer, the actor matchers), so a new process skips
parsing YAML and TSV and tokenizing thousands of patterns. Keyed by the eventwire version and the size and
modification time of every source file (the tables and the module that compiles them), so an edited table or class
is re-read. Set EVENTWIRE_CACHE=off to disable; EVENTWIRE_CACHE=DIR to move it.
Any failure to read or write the cache falls back to building the table: the cache is only ever a shortcut.
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import re
import sys
import threading
import types
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
VERSION = "5"  # bump when a cached class changes shape, or the tokenizer its patterns went through

_keys: dict[int, tuple[weakref.ref, str]] = {}  # id(value) -> (value, the key it was cached under)


def cache_dir() -> Path | None:
    setting = os.environ.get("EVENTWIRE_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def _key(name: str, sources: Iterable[Path], extra: str = "") -> str:
    from . import __version__

    h = hashlib.sha1(f"{VERSION}|{__version__}|{name}|{extra}".encode())
    for path in sources:
        st = Path(path).stat()
        h.update(f"|{Path(path).resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


@contextmanager
def gc_paused():
    """Start-up (spaCy's import, loading models and tables) allocates ~10^5 containers that live as long as the
    process. The cyclic collector would rescan them in hundreds of young-generation passes (~0.3 s of a cold
    start) and find no garbage; instead they go straight to the oldest generation (freeze + unfreeze moves
    every tracked object there, unscanned), where only the rare full collections look at them, as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:  # never thaw what the application froze itself (before a fork)
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def key_of(value) -> str | None:
    """The cache key a value returned by `cached()` was stored under (None when the cache is off), so a table
    compiled from it (the actor matchers from the KB) can be keyed by it."""
    ref, key = _keys.get(id(value), (None, None))
    return key if ref is not None and ref() is value else None


def _remember(value, key: str) -> None:
    try:
        _keys[id(value)] = (weakref.ref(value), key)
    except TypeError:  # not weak-referenceable: nothing will ask for its key
        pass


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], *, extra: str = "",
           shared: dict[str, object] | None = None, vocab=None) -> T:
    """`build()`, or its pickled result from an earlier process with the same source files (and `extra` key).

    `shared`: objects this process already holds (the KB a resolver points into): they are pickled by name and
    put back as the very same objects. `vocab`: a spaCy Vocab the value refers to, shared the same way; the
    lexemes that loading the value creates are stored with their attributes, so creating them skips spaCy's
    per-word Python attribute functions (a PhraseMatcher's keys make none: `_unpickle_phrase_matcher`)."""
    where = cache_dir()
    if where is None:
        return build()
    shared = dict(shared or {})
    if vocab is not None:
        shared["vocab"] = vocab
    key = ""
    path = None
    try:
        key = _key(name, list(sources), extra)
        path = where / f"{name}-{key}.pkl"
        if path.exists():
            value = _load(path, shared, vocab)
            _remember(value, key)
            return value
    except Exception:  # a corrupt or foreign cache file, a source that vanished: rebuild
        pass
    value = build()
    if path is not None:
        _remember(value, key)
        _store(where, name, path, value, shared, vocab)
    return value


def yaml_table(path: str | Path):
    """A YAML data file, parsed (PyYAML's safe loader, as written) or taken from the cache: the pure-Python
    parser takes ~4 ms per KB, unpickling its result a fraction of that."""
    path = Path(path)
    tag = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]  # two files may share a name

    def parse():
        import yaml

        return yaml.safe_load(path.read_text(encoding="utf-8"))

    return cached(f"yaml-{path.stem}-{tag}", [path], parse)


def _shared_by_name(shared: dict[str, object]) -> dict[str, object]:
    by_name = dict(shared)
    for k, v in shared.items():  # the items of a shared list (the KB's entries) are shared one by one
        for i, item in enumerate(getattr(v, "entries", ())):
            by_name[f"{k}[{i}]"] = item
    return by_name


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) == ("spacy.matcher.phrasematcher", "unpickle_matcher"):
            return _unpickle_phrase_matcher
        return super().find_class(module, name)


def _unpickler(fh, shared: dict[str, object]) -> pickle.Unpickler:
    unpickler = _Unpickler(fh)
    unpickler.persistent_load = shared.__getitem__
    return unpickler


def _unpickle_phrase_matcher(vocab, docs, callbacks, attr):
    """spaCy's own unpickling of a PhraseMatcher makes a full lexeme for every match key in the shared vocab
    (~10,000 actor keys such as "country|France": ~20 attribute functions or lookups each, ~0.07 s of a start).
    The matcher only needs the key strings: they go into the shared string store (the resolver reads a match's
    key back from the document's vocab), and the matcher is built on a private vocab without attribute
    functions, whose bare lexemes nothing else sees. A text token that spells a key ("country|France") then
    gets its lexeme from spaCy's own functions when it first occurs, as it would have in the built resolver."""
    from spacy.matcher.phrasematcher import unpickle_matcher
    from spacy.vocab import Vocab

    for key in docs:
        if isinstance(key, str):
            vocab.strings.add(key)
    return unpickle_matcher(Vocab(), docs, callbacks, attr)


def _load(path: Path, shared: dict[str, object], vocab):
    with gc_paused(), path.open("rb") as fh:  # two pickles: the lexeme table, then the value (each its own memo)
        lexemes = pickle.load(fh)
        unpickler = _unpickler(fh, _shared_by_name(shared))
        if vocab is None or not lexemes:
            return unpickler.load()
        getters = vocab.lex_attr_getters
        vocab.lex_attr_getters = _fast_getters(lexemes, getters)
        try:
            return unpickler.load()
        finally:
            vocab.lex_attr_getters = getters


def _store(where: Path, name: str, path: Path, value, shared: dict[str, object], vocab) -> None:
    ids = {id(v): k for k, v in _shared_by_name(shared).items()}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = lambda obj: ids.get(id(obj))
        pickler.dump(value)
        lexemes = _lexemes_made_by(buf.getvalue(), shared, vocab) if vocab is not None else None
        where.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(lexemes, fh, protocol=pickle.HIGHEST_PROTOCOL)
            fh.write(buf.getvalue())
        tmp.replace(path)  # atomic: parallel workers never read half a file
        for old in where.glob(f"{name}-*.pkl"):  # earlier versions of the same table
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # unwritable directory, a value that does not pickle: no cache, same value
        tmp.unlink(missing_ok=True)


# -- lexemes -------------------------------------------------------------------------------------
def _lexemes_made_by(data: bytes, shared: dict[str, object], vocab) -> dict[int, dict[str, object]]:
    """attribute id -> {word: value} for every word whose lexeme unpickling `data` creates (the keys of a
    PhraseMatcher), found by unpickling it once against an empty vocab that records them."""
    words: list[str] = []
    getters = vocab.lex_attr_getters or {}
    if not getters:
        return {}
    scratch = type(vocab)(lex_attr_getters={next(iter(getters)): lambda w: words.append(w)})
    _unpickler(io.BytesIO(data), _shared_by_name({**shared, "vocab": scratch})).load()
    if not words:  # PhraseMatchers make none in the shared vocab (`_unpickle_phrase_matcher`)
        return {}
    return {attr: {w: get(w) for w in words} for attr, get in getters.items()}


class _Values(dict):
    """word -> attribute value; a word not seen at build time gets spaCy's own function."""

    def __init__(self, values: dict, getter):
        super().__init__(values)
        self.getter = getter

    def __missing__(self, word):
        return self.getter(word)


def _fast_getters(table: dict[int, dict[str, object]], getters: dict) -> dict:
    """spaCy calls one Python function per attribute for every new lexeme; a dict lookup gives the same value."""
    return {attr: (_Values(table[attr], get).__getitem__ if attr in table else get) for attr, get in getters.items()}


# -- compiled regular expressions -----------------------------------------------------------------
_regex_lock = threading.RLock()
_regex_tables: dict[Path, dict] = {}  # read once per process
_REGEX_LIMIT = 20_000  # entries; a table past this (patterns built from varying data) starts afresh


@contextmanager
def compiled_patterns():
    """While active, `re.compile` of a pattern compiled in an earlier process takes the compiled form (the
    regex engine's code) from a cached table instead of parsing and compiling the pattern again in Python:
    spaCy's tokenizer rules, the time rules and the boilerplate filter cost ~0.15 s of a cold start to
    compile, and their code only changes with the pattern. The Pattern is built by the same `_sre.compile`
    call from the same arguments, so it is the same regex. Keyed by the Python build (the code format is
    CPython's own); patterns compiled for the first time are added on exit. Nests; no-op with the cache off."""
    where = cache_dir()
    compiler = getattr(re, "_compiler", None)
    sre = getattr(compiler, "_sre", None)
    if where is None or sre is None or not callable(getattr(compiler, "compile", None)):
        yield
        return
    with _regex_lock:  # held while patching, not while the body runs (which may import, in another thread too)
        if getattr(compiler.compile, "_eventwire_table", None) is not None:  # an outer context serves
            nested = True
        else:
            nested = False
            path = where / f"regex-{_key('regex', [], f'{sys.version}|{sre.MAGIC}|{sre.CODESIZE}')}.pkl"
            table = _regex_tables.get(path)
            if table is None:
                table = _regex_tables[path] = _read_table(path)
            added: dict = {}
            made: dict[int, tuple] = {}
            original = compiler.compile

            def record(*args):  # _sre.compile as the compiler calls it: remember the arguments of each pattern
                # the code list holds named int constants: plain ints pickle, and build the same pattern
                args = tuple([int(v) for v in a] if isinstance(a, list) else a for a in args)
                pattern = sre.compile(*args)
                made[id(pattern)] = args
                return pattern

            shim = types.ModuleType(sre.__name__)
            shim.__dict__.update(sre.__dict__)
            shim.compile = record

            def cached_compile(p, flags=0):
                if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
                    return original(p, flags)
                key = (p, flags)
                args = table.get(key)
                if args is not None:
                    return sre.compile(*args)
                pattern = original(p, flags)
                args = made.pop(id(pattern), None)
                if args is not None:
                    added[key] = args
                return pattern

            cached_compile._eventwire_table = table
            compiler.compile, compiler._sre = cached_compile, shim
    if nested:
        yield
        return
    try:
        yield
    finally:
        with _regex_lock:
            compiler.compile, compiler._sre = original, sre
        if added:
            table.update(added)
            _write_table(where, path, added)


def _read_table(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
        return table if isinstance(table, dict) else {}
    except Exception:  # missing, corrupt or foreign: compile as usual
        return {}


def _write_table(where: Path, path: Path, added: dict) -> None:
    table = _read_table(path)  # another process may have added patterns since this one read the table
    if len(table) + len(added) > _REGEX_LIMIT:
        table = {}
    table.update(added)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in where.glob("regex-*.pkl"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:
        tmp.unlink(missing_ok=True)
