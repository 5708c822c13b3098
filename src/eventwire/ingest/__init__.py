"""ingest: turn paths, directories, JSONL and stdin into Documents, one broken input never stopping the rest.

Entry point: `read(source)` yields `Document` or `IngestError` items in input order.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from charset_normalizer import from_bytes

from ..document import Document

MAX_BYTES = 1_000_000  # larger inputs are refused: spaCy and our rules are tuned for articles, not books
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


@dataclass
class IngestError:
    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


def decode(data: bytes, name: str) -> str:
    """Bytes -> text: UTF-8 when valid, else the encoding charset-normalizer detects."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes: not UTF-8 and no text encoding detected")
    return str(best)


def _check_size(data: bytes) -> None:
    if not data.strip():
        raise ValueError("empty document")
    if len(data) > MAX_BYTES:
        raise ValueError(f"too large ({len(data) / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit); split it first")


def from_record(rec: dict, name: str) -> Document:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ValueError('each JSONL line must be an object with a string "text"')
    if not rec["text"].strip():
        raise ValueError("empty text")
    doc_id = str(rec.get("id") or name)
    fmt = "html" if rec.get("format") == "html" else "text"
    return Document(id=doc_id, text=rec["text"], title=rec.get("title"), url=rec.get("url"),
                    source=rec.get("source"), date=rec.get("date"), format=fmt)


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Document | IngestError]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            yield from_record(json.loads(line), where)
        except (ValueError, TypeError) as err:  # json.JSONDecodeError is a ValueError
            yield IngestError(where, f"bad JSONL line: {err}")


def read_file(path: Path, root: Path | None = None) -> Iterator[Document | IngestError]:
    name = str(path)
    doc_id = path.relative_to(root).as_posix() if root else path.name
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(decode(data, name).splitlines(), name)
            return
        _check_size(data)
        text = decode(data, name)
    except (OSError, ValueError) as err:
        yield IngestError(name, str(err))
        return
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) else "text"
    yield Document(id=doc_id, text=text, format=kind)


def read(source: str | Path, stdin=None) -> Iterator[Document | IngestError]:
    """Read a file, a directory (recursively, sorted), or '-' for stdin (JSONL if it looks like JSONL)."""
    if str(source) == "-":
        text = (stdin or sys.stdin).read()
        if text.lstrip().startswith("{"):
            yield from read_jsonl(text.splitlines(), "<stdin>")
        elif text.strip():
            yield Document(id="stdin", text=text)
        else:
            yield IngestError("<stdin>", "empty document")
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for p in files:
            yield from read_file(p, path)
    elif path.exists():
        yield from read_file(path)
    else:
        yield IngestError(str(path), "no such file or directory")
