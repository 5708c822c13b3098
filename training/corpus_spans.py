"""Fill in and check the character spans of our labelled event corpus.

usage: python training/corpus_spans.py data/corpus/FILE.jsonl [...]

Each line carries `source`, `trigger`, `target` as {"text": ...} (or null); this
script finds each text in the sentence (the n-th occurrence when "occurrence": n
is given, counting from 1), writes "start"/"end", and rewrites the file in place.
It exits non-zero, naming the line, when a text is not found in its sentence.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROLES = ("source", "trigger", "target")


def locate(text: str, part: dict) -> dict:
    needle, nth = part["text"], int(part.get("occurrence", 1))
    pos = -1
    for _ in range(nth):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} not found (occurrence {nth})")
    out = {k: v for k, v in part.items() if k not in ("start", "end")}
    out["start"], out["end"] = pos, pos + len(needle)
    return out


def fill(row: dict) -> dict:
    for role in ROLES:
        part = row.get(role)
        if part:
            row[role] = locate(row["text"], part)
    return row


def main(paths: list[str]) -> int:
    bad = 0
    for p in map(Path, paths):
        out = []
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.dumps(fill(json.loads(line)), ensure_ascii=False))
            except (ValueError, KeyError) as err:
                print(f"{p}:{n}: {err}", file=sys.stderr)
                bad += 1
                out.append(line)
        p.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
