"""The cold-start shortcuts of the second round (cached regex code, cached YAML tables, one lexicon read, catalogue's
entry points indexed by group) must give the very values that the slow way gives."""
from __future__ import annotations

import importlib.metadata
import re


from eventwire import cache
from eventwire.cache import compiled_patterns, yaml_table

PATTERNS = [(r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4})", 0),
            (r"\b(?:minister|envoy|spokes(?:wo)?man)s?\b", re.IGNORECASE),
            (r"^(?:share this|read more|follow us)$", re.IGNORECASE | re.MULTILINE),
            (rb"[\x00-\x1f]+", 0)]
TEXT = "On 14 March 2021 the envoy met two ministers.\nRead more\nA Spokeswoman spoke on 3 May 1999."


def _facts(pattern: re.Pattern):
    sample = TEXT.encode() if isinstance(pattern.pattern, bytes) else TEXT
    found = [(m.span(), m.groupdict()) for m in pattern.finditer(sample)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def _failing_compile(*args, **kwargs):
    raise AssertionError("compiled again instead of taken from the table")


def test_cached_regex_code_builds_the_same_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    re.purge()
    fresh = [_facts(re.compile(p, f)) for p, f in PATTERNS]
    re.purge()
    with compiled_patterns():  # compiles and records
        recorded = [_facts(re.compile(p, f)) for p, f in PATTERNS]
    assert list(tmp_path.glob("regex-*.pkl"))
    re.purge()
    cache._regex_tables.clear()  # as a new process: read the table from disk
    monkeypatch.setattr(re._compiler, "compile", _failing_compile)
    with compiled_patterns():
        with compiled_patterns():  # nested: the outer table serves
            loaded = [_facts(re.compile(p, f)) for p, f in PATTERNS]
    monkeypatch.undo()
    re.purge()
    assert fresh == recorded == loaded
    assert fresh[0][4] and fresh[1][4]  # the samples do match


def test_regex_table_is_off_with_the_cache_and_survives_a_corrupt_file(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", "off")
    original = re._compiler.compile
    with compiled_patterns():
        assert re._compiler.compile is original
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    with compiled_patterns():
        re.compile(r"warm(?:ing)? up \d+")
    (table,) = tmp_path.glob("regex-*.pkl")
    table.write_bytes(b"not a pickle")
    cache._regex_tables.clear()
    re.purge()
    with compiled_patterns():
        assert re.compile(r"warm(?:ing)? up \d+").fullmatch("warming up 3")
    assert re._compiler.compile is original


def test_yaml_table_is_what_pyyaml_reads_and_is_cached(tmp_path, monkeypatch):
    import yaml

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "cues.yaml"
    path.write_text("verbs: [say, tell, warn]\nnouns:\n  claim: [of, about]\nweight: 0.5\nempty:\n", encoding="utf-8")
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert yaml_table(path) == expected
    monkeypatch.setattr(yaml, "safe_load", _failing_compile)  # the second read must come from the cache
    assert yaml_table(path) == expected
    monkeypatch.undo()
    path.write_text("verbs: [deny]\n", encoding="utf-8")  # an edited file is read again
    assert yaml_table(path) == {"verbs": ["deny"]}


def test_lemma_repair_words_are_the_same_from_the_pipelines_lexicon(monkeypatch):
    from eventwire.events.lexicon import Lexicon
    from eventwire.parse import lemmas

    monkeypatch.setattr(lemmas, "_KNOWN", [])
    own = lemmas.known_lemmas()  # reads the lexicon itself
    monkeypatch.setattr(lemmas, "_KNOWN", [])
    given = lemmas.known_lemmas(Lexicon.load())
    assert own == given and "negotiate" in own[0]


def test_entry_points_are_indexed_by_group_without_changing_them():
    import catalogue

    import eventwire.parse  # noqa: F401 - indexes them

    index = catalogue.AVAILABLE_ENTRY_POINTS
    everything = importlib.metadata.entry_points()
    groups = everything.groups if hasattr(everything, "groups") else set(everything)
    assert isinstance(index, dict) and set(index) == set(groups)
    for group in groups:
        assert [(e.name, e.value) for e in index[group]] == [(e.name, e.value) for e in everything.select(group=group)]
    from spacy.util import registry

    assert "ner" in registry.factories.get_all()
