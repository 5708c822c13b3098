"""Find text in the repository that was copied out of ../shared/data.

Project rule: tests, examples and comments use sentences we write; nothing from the shared evaluation and
training data (texts, sentences, dictionary entries) is committed. This check cuts every string literal and
comment of tests/*.py and src/**/*.py, and every quoted phrase (and comment) of src/**/*.yaml and docs/*.md,
into 35-character windows (sliding every 15 characters, at least 4 spaces, i.e. five words, so that a lone name or code is not a
window) and looks each one up verbatim in the text files under ../shared/data with one `grep -F` pass.

    python training/copy_check.py [--data ../shared/data] [--allow training/copy_check_allow.txt]

Prints file:line and the shared window for every hit and exits 1 if any hit is not covered by the allow
list (one phrase a line, or `column: FILE.csv NAME` for a column of a file under ../shared/data; a hit is
allowed when all but 10 of its characters lie in one allowed phrase, case aside; '#' lines say why).
"""
from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import tempfile
import tokenize
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, STEP, MIN_SPACES = 35, 15, 4
SLACK = 10  # characters of a hit that may lie outside an allowed phrase
# "...", “...”, and '...' when the quote marks are not apostrophes inside a word.
QUOTED = re.compile(r'"([^"\n]{20,})"|“([^”\n]{20,})”|(?<!\w)\'([^\'\n]{20,}?)\'(?!\w)')


QUOTE_MARK = re.compile(r"[\"“”‘]|(?<!\w)'|'(?!\w)|’(?!\w)")


def _normalised(pieces: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """Join (text, first line) pieces into one string with single spaces, keeping each character's line."""
    out, lines = [], []
    for text, line in pieces:
        for ch in text:
            if ch == "\n":
                line += 1
            if ch.isspace():
                if out and out[-1] != " ":
                    out.append(" ")
                    lines.append(line)
                continue
            out.append(ch)
            lines.append(line)
        if out and out[-1] != " ":
            out.append(" ")
            lines.append(line)
    return "".join(out).strip(), lines


def _literal_body(tok: str) -> str:
    """The text between the quotes of a string token, with the common escapes undone."""
    m = re.match(r"(?is)^[a-z]*('''|\"\"\"|'|\")(.*)\1$", tok)
    body = m.group(2) if m else tok
    return body.replace("\\n", "\n").replace("\\'", "'").replace('\\"', '"').replace("\\\n", "")


def python_segments(path: Path) -> list[tuple[str, list[int]]]:
    """String literals (adjacent ones joined, as Python joins them) and comments of a Python file."""
    segments, run = [], []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return segments
    for tok in tokens:
        if tok.type == tokenize.STRING:
            run.append((_literal_body(tok.string), tok.start[0]))
            continue
        if tok.type in (tokenize.NL, tokenize.NEWLINE) and run:
            continue  # implicit concatenation over several lines
        if run:
            segments.append(_normalised(run))
            run = []
        if tok.type == tokenize.COMMENT:
            segments.append(_normalised([(tok.string.lstrip("#"), tok.start[0])]))
    if run:
        segments.append(_normalised(run))
    return segments


def quoted_segments(path: Path) -> list[tuple[str, list[int]]]:
    """Quoted phrases of a YAML or Markdown file, plus YAML comments (where examples are written)."""
    segments = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        for m in QUOTED.finditer(line):
            segments.append(_normalised([(next(g for g in m.groups() if g is not None), n)]))
        if path.suffix == ".yaml" and "#" in line:
            segments.append(_normalised([(line.split("#", 1)[1], n)]))
    return segments


def windows(text: str) -> list[int]:
    """Start offsets of the 35-character windows of a text (the last one flush with its end)."""
    if len(text) < WIDTH:
        return []
    starts = list(range(0, len(text) - WIDTH + 1, STEP))
    if starts[-1] != len(text) - WIDTH:
        starts.append(len(text) - WIDTH)
    return [s for s in starts if text.count(" ", s, s + WIDTH) >= MIN_SPACES]


def our_files() -> list[Path]:
    files = sorted((ROOT / "tests").glob("*.py")) + sorted((ROOT / "src").rglob("*.py"))
    files += sorted((ROOT / "src").rglob("*.yaml")) + sorted((ROOT / "docs").glob("*.md"))
    return files


def collect() -> dict[str, list[tuple[str, int]]]:
    """window -> [(relative file, line)] over all our files."""
    where: dict[str, list[tuple[str, int]]] = {}
    for path in our_files():
        segs = python_segments(path) if path.suffix == ".py" else quoted_segments(path)
        rel = str(path.relative_to(ROOT))
        for text, lines in segs:
            # windows from the start of the segment and of every quoted example inside it, so that an
            # example copied after a quote mark is not missed by the 15-character step
            starts = {0} | {m.end() for m in QUOTE_MARK.finditer(text)}
            for start in starts:
                for s in windows(text[start:]):
                    where.setdefault(text[start + s:start + s + WIDTH], []).append((rel, lines[start + s]))
    return where


def _grep(patterns: list[str], targets: list[str]) -> dict[str, set[str]]:
    """pattern -> the files under targets that contain it (grep -o: non-overlapping matches only)."""
    with tempfile.NamedTemporaryFile("w", suffix=".pat", encoding="utf-8") as f:
        f.write("\n".join(patterns) + "\n")
        f.flush()
        out = subprocess.run(["grep", "-rFoIZ", "-f", f.name, *targets],
                             capture_output=True, text=True, errors="replace")
    if out.returncode > 1:
        sys.exit(f"grep failed: {out.stderr.strip()}")
    wanted, found = set(patterns), {}
    for row in out.stdout.splitlines():
        name, _, match = row.partition("\0")
        if match in wanted:
            found.setdefault(match, set()).add(name)
    return found


def shared_hits(patterns: list[str], data: Path) -> set[str]:
    """The patterns that occur verbatim in a text file under data (binary and .gz files are skipped)."""
    found = _grep(patterns, [str(data)])
    files = sorted(set().union(*found.values())) if found else []
    rest = [p for p in patterns if p not in found]
    while files and rest:
        # grep -o skips a window that overlaps one already matched, so look again without the found ones,
        # only in the files that matched.
        new = _grep(rest, files)
        if not new:
            break
        found.update(new)
        rest = [p for p in rest if p not in new]
    return set(found)


def allowed_phrases(path: Path, data: Path) -> list[str]:
    """Allowed phrases, lower-cased: the file's lines, and for a line `column: FILE.csv NAME` every value of
    that column of a CSV file under data (vocabulary such as the CAMEO category names)."""
    if not path.exists():
        return []
    phrases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("column:"):
            name, column = line.split(":", 1)[1].split()
            with open(data / name, encoding="utf-8", newline="") as f:
                phrases += [row[column].strip().lower() for row in csv.DictReader(f) if row.get(column)]
        else:
            phrases.append(line.lower())
    return phrases


def is_allowed(window: str, allow: list[str]) -> bool:
    """A window is allowed when all but a few of its characters lie in one allowed phrase (a name and title
    followed by the next word's first letters still counts)."""
    w = window.strip().lower()
    for phrase in allow:
        m = SequenceMatcher(None, w, phrase, autojunk=False).find_longest_match(0, len(w), 0, len(phrase))
        if m.size >= min(len(w), WIDTH - SLACK):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--allow", type=Path, default=ROOT / "training" / "copy_check_allow.txt")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"no shared data at {args.data}")
    where = collect()
    hits = shared_hits(sorted(where), args.data)
    allow = allowed_phrases(args.allow, args.data)
    bad = 0
    rows = sorted({(f, n, w) for w in hits for f, n in where[w]})
    for f, n, w in rows:
        ok = is_allowed(w, allow)
        bad += not ok
        print(f"{f}:{n}: {'allowed ' if ok else ''}{w!r}")
    print(f"{len(where)} windows from {len(our_files())} files; {len(rows)} hits, {bad} not allowed",
          file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
