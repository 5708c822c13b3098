from __future__ import annotations

import io
import json

from eventwire.ingest import IngestError, read


def _split(items):
    docs = [i for i in items if not isinstance(i, IngestError)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return docs, errs


def test_reads_text_html_jsonl_and_directories(tmp_path):
    (tmp_path / "a.txt").write_text("Russia warned Ukraine.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "Iran met Iraq.", "date": "2020-01-02"}) + "\n",
                                 encoding="utf-8")
    docs, errs = _split(list(read(tmp_path)))
    assert not errs
    assert [d.id for d in docs] == ["a.txt", "b.html", "c1"]
    assert docs[1].format == "html" and docs[0].format == "text"
    assert docs[2].date == "2020-01-02"


def test_garbage_gets_one_clear_message_each(tmp_path):
    (tmp_path / "good.txt").write_text("China praised Brazil.", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("x" * 5_000_000, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le président français a rencontré.".encode("latin-1"))
    (tmp_path / "mixed.jsonl").write_text('{"id": "ok", "text": "Peru met Chile."}\n{broken\n', encoding="utf-8")
    docs, errs = _split(list(read(tmp_path)))
    assert sorted(d.id for d in docs) == ["good.txt", "latin1.txt", "ok"]
    assert "président" in next(d for d in docs if d.id == "latin1.txt").text
    by_name = {e.name.split("/")[-1]: e.message for e in errs}
    assert set(by_name) == {"binary.bin", "empty.txt", "huge.txt", "mixed.jsonl:2"}
    assert "binary" in by_name["binary.bin"]
    assert "empty" in by_name["empty.txt"]
    assert "too large" in by_name["huge.txt"]
    assert "JSONL" in by_name["mixed.jsonl:2"]


def test_stdin_plain_and_jsonl():
    docs, _ = _split(list(read("-", stdin=io.StringIO("Kenya thanked Japan."))))
    assert docs[0].text == "Kenya thanked Japan."
    lines = "\n".join(json.dumps({"id": str(i), "text": f"text {i}"}) for i in range(3))
    docs, _ = _split(list(read("-", stdin=io.StringIO(lines))))
    assert [d.id for d in docs] == ["0", "1", "2"]


def test_missing_path_is_an_error(tmp_path):
    _, errs = _split(list(read(tmp_path / "nope.txt")))
    assert errs and "no such file" in errs[0].message
