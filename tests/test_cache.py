from __future__ import annotations

import os
import time

from eventwire import cache


def test_cached_builds_once_and_rebuilds_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "table.txt"
    source.write_text("a")
    calls = []

    def build():
        calls.append(1)
        return {"value": source.read_text()}

    assert cache.cached("t", [source], build) == {"value": "a"}
    assert cache.cached("t", [source], build) == {"value": "a"}
    assert len(calls) == 1  # the second call read the pickle
    source.write_text("bb")
    os.utime(source, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert cache.cached("t", [source], build) == {"value": "bb"}
    assert len(calls) == 2
    assert len(list((tmp_path / "cache").glob("t-*.pkl"))) == 1  # the stale entry was pruned


def test_cache_can_be_switched_off_and_survives_a_corrupt_file(tmp_path, monkeypatch):
    source = tmp_path / "table.txt"
    source.write_text("a")
    monkeypatch.setenv("EVENTWIRE_CACHE", "off")
    assert cache.cache_dir() is None
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    cache.cached("t", [source], lambda: 1)
    for f in tmp_path.glob("t-*.pkl"):
        f.write_bytes(b"not a pickle")
    assert cache.cached("t", [source], lambda: 2) == 2
