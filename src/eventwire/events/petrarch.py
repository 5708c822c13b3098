"""Convert a TABARI/PETRARCH verb dictionary into eventwire lexicon patterns.

What maps (docs/petrarch.md): `--- NAME [CODE] ---` verb blocks, their verbs (with `{irregular
forms}`, multi-word verbs whose first or `+`-marked word is the verb and whose later words are
particles), each verb's own `[CODE]`, and block patterns `- * WORDS [CODE]` whose words all follow
the verb, with `+` (target) after the verb becoming `{T}` and `&SYNSET`s expanded. A pattern that
ends in a preposition gets `{T}` after it. Paired codes `[031:032]` keep the first code; the second
(PETRARCH's reverse event, target -> source) is returned in `paired` for callers that want it.

What does not map is counted by reason: words before the verb (`SAID *`, `NOT *`), source `$`,
compound `%` and skip `^` markers, null (`---`) and non-numeric codes, and multi-word verbs with
words before the verb (`WIRE_+TAP`).

    python -m eventwire.events.petrarch VERBS.txt [-o lexicon.yaml]
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.petrarch import Problem, clean_lines
from .lexicon import DATA, PREPOSITIONS, CameoCode, Lexicon, parse_pattern

EVENT_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")  # CAMEO/WEIS codes, plus the toy "075A" variants
MAX_EXPANSIONS = 64  # synset products per pattern
_WORD = re.compile(r"^[a-z][a-z'\-]*$")


@dataclass
class VerbImport:
    patterns: dict[str, str] = field(default_factory=dict)  # eventwire pattern string -> code
    paired: dict[str, str] = field(default_factory=dict)  # pattern id -> code of the reverse event
    skipped: Counter = field(default_factory=Counter)  # reason -> number of dictionary patterns/verbs
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # dictionary verbs and patterns seen
    converted: int = 0  # of those, how many gave at least one eventwire pattern

    def entries(self) -> list[dict]:
        """lexicon.yaml entries: one per code, verb patterns in dictionary order."""
        by_code: dict[str, list[str]] = {}
        for text, code in self.patterns.items():
            by_code.setdefault(code, []).append(text)
        return [{"code": c, "verbs": v} for c, v in by_code.items()]

    def report(self) -> str:
        lines = [f"{self.read} dictionary verbs and patterns read: {self.converted} converted into "
                 f"{len(self.patterns)} eventwire patterns (synsets expanded), {self.read - self.converted} not:"]
        lines += [f"  {n:4d}  {why}" for why, n in self.skipped.most_common()]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def _code(raw: str) -> tuple[str | None, str | None, str | None]:
    """'[031:032]' -> ('031', '032', None); a code that cannot be an event -> (None, None, reason)."""
    first, _, second = raw.strip().partition(":")
    first, second = first.strip(), second.strip() or None
    if first == "---":
        return None, None, "null code [---]"
    if not EVENT_CODE.match(first):
        return None, None, "non-numeric code"
    return first, (second if second and EVENT_CODE.match(second) else None), None


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s_]+", text.strip()) if t]


def _verb(text: str) -> tuple[list[str], str | None]:
    """'+BREAK_DOWN' -> (['break', 'down'], None); 'WIRE_+TAP' -> ([], reason)."""
    words = _tokens(text)
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    if marked > 0:
        return [], "multi-word verb with words before the verb"
    words = [w.lstrip("+").lower() for w in words]
    if not words or not all(_WORD.match(w) for w in words):
        return [], "unusual verb token"
    return words, None


class _Reader:
    def __init__(self, path: str):
        self.path, self.out = path, VerbImport()
        self.synsets: dict[str, list[str]] = {}
        self.blocks: list[dict] = []

    def expand(self, tokens: list[str], depth: int = 0) -> list[list[str]]:
        """Every reading of a token list with its &SYNSETs replaced by their members."""
        options = []
        for t in tokens:
            if t.startswith("&"):
                members = self.synsets.get(t[1:].upper().rstrip("_"))
                if members is None or depth > 4:
                    raise KeyError(t)
                options.append([r for m in members for r in self.expand(_tokens(m), depth + 1)])
            else:
                options.append([[t]])
        out = []
        for combo in itertools.product(*options):
            out.append([w for part in combo for w in part])
            if len(out) >= MAX_EXPANSIONS:
                break
        return out

    def read(self, text: str) -> None:
        mode, block, synset = None, None, None
        for n, line in clean_lines(text):
            s = line.strip()
            if not s:
                continue
            head = re.match(r"^---\s*(.*?)\s*---$", s)
            if head:
                codes = re.findall(r"\[([^\]]*)\]", head[1])
                block = {"line": n, "code": codes[0] if codes else "---", "verbs": [], "patterns": []}
                if not codes:
                    self.out.problems.append(Problem(self.path, n, "verb block without a code; taken as [---]"))
                self.blocks.append(block)
                mode = "block"
            elif s.startswith("&"):
                synset = s[1:].split()[0].upper().rstrip("_")
                self.synsets[synset] = []
                mode = "synset"
            elif mode == "synset" and s.startswith("+"):
                self.synsets[synset].append(s[1:].strip())
            elif mode == "block" and s.startswith("-"):
                block["patterns"].append((n, s[1:].strip()))
            elif mode == "block":
                block["verbs"].append((n, s))
            else:
                self.out.problems.append(Problem(self.path, n, "line outside any verb block or synset; skipped"))

    def _add(self, text: str, code: str, second: str | None) -> None:
        if text in self.out.patterns:  # the same words under two codes: the first one wins, as in PETRARCH
            return
        self.out.patterns[text] = code
        if second:
            self.out.paired[f"lexicon:{code}:{text}"] = second

    def convert(self) -> VerbImport:
        for block in self.blocks:
            verbs = []
            for n, raw in block["verbs"]:
                m = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$", raw)
                if not m:
                    self.out.problems.append(Problem(self.path, n, f"cannot read verb line {raw!r}; skipped"))
                    continue
                forms = [m[1]] + (m[2].split() if m[2] else [])
                own = m[3] if m[3] is not None else block["code"]
                for form in forms:
                    words, why = _verb(form)
                    if why:
                        self.out.read += 1
                        self.out.skipped[why] += 1
                    elif words not in verbs:
                        verbs.append(words)
                        self._bare(words, own, n)
            for n, raw in block["patterns"]:
                self._pattern(verbs, n, raw)
        return self.out

    def _bare(self, words: list[str], raw_code: str, n: int) -> None:
        self.out.read += 1
        code, second, why = _code(raw_code)
        if why:
            self.out.skipped[f"verb: {why}"] += 1
            return
        self._add(" ".join(words), code, second)
        self.out.converted += 1

    def _pattern(self, verbs: list[list[str]], n: int, raw: str) -> None:
        self.out.read += 1
        m = re.match(r"^(.*?)\s*\[([^\]]*)\]\s*$", raw)
        if not m:
            self.out.problems.append(Problem(self.path, n, f"pattern without [CODE]: {raw!r}; skipped"))
            self.out.skipped["malformed pattern"] += 1
            return
        body, (code, second, why) = m[1], _code(m[2])
        tokens = _tokens(body)
        if why:
            self.out.skipped[why] += 1
            return
        if "*" not in tokens:
            self.out.problems.append(Problem(self.path, n, f"pattern without '*' (the verb): {raw!r}; skipped"))
            self.out.skipped["malformed pattern"] += 1
            return
        for marker, reason in (("$", "source marker $"), ("%", "compound marker %"), ("^", "skip marker ^")):
            if marker in tokens:
                self.out.skipped[reason] += 1
                return
        star = tokens.index("*")
        if star > 0:
            self.out.skipped["target marker + before the verb" if "+" in tokens[:star] else "words before the verb"] += 1
            return
        try:
            readings = self.expand(tokens[star + 1:])
        except KeyError as err:
            self.out.problems.append(Problem(self.path, n, f"unknown synset {err.args[0]}; pattern skipped"))
            self.out.skipped["unknown synset"] += 1
            return
        made = 0
        for after in readings:
            words = [w.lower() for w in after]
            if words.count("+") > 1 or not all(w == "+" or _WORD.match(w) for w in words):
                continue
            words = _head_first(["{T}" if w == "+" else w for w in words])
            if words and words[-1] in PREPOSITIONS and "{T}" not in words:
                words.append("{T}")  # PETRARCH takes the target after a final preposition
            for verb in verbs:
                self._add(" ".join(verb + words), code, second)
                made += 1
        if made:
            self.out.converted += 1
        else:
            self.out.skipped["unusual tokens"] += 1


def _head_first(words: list[str]) -> list[str]:
    """'abandon new economic relations' -> 'abandon relations new economic': our matcher looks for
    each word among the dependents of the words before it, and in an object noun phrase the
    modifiers hang off the last word (PETRARCH patterns are written in surface order)."""
    end = 0
    while end < len(words) and words[end] != "{T}" and words[end] not in PREPOSITIONS:
        end += 1
    if end < 2:
        return words
    return [words[end - 1], *words[:end - 1], *words[end:]]


def convert_verbs(path: str | Path) -> VerbImport:
    """Read a PETRARCH verb dictionary; malformed lines are reported (`problems`) and skipped."""
    reader = _Reader(str(path))
    reader.read(Path(path).read_text(encoding="utf-8", errors="replace"))
    return reader.convert()


def build_lexicon(imported: VerbImport, data_dir: Path = DATA) -> Lexicon:
    """A Lexicon of the imported patterns alone. Codes outside cameo.csv (toy WEIS codes) get a
    placeholder entry; of our modality tables only the grammar ones are kept (negation,
    hypotheticals, speech verbs): the intent/appeal/threat tables re-code by CAMEO meaning."""
    base = Lexicon.load(data_dir)
    codes = dict(base.codes)
    for code in set(imported.patterns.values()) | set(imported.paired.values()):
        codes.setdefault(code, CameoCode(code, f"PETRARCH code {code}", 0.0, None, None))
    lex = Lexicon(codes, modality={k: v for k, v in base.modality.items()
                                   if k in ("negation", "hypothetical", "speech_verbs")})
    for text, code in imported.patterns.items():
        pat = parse_pattern(code, "verb", text)
        lex.verbs.setdefault(pat.trigger, []).append(pat)
    for pats in lex.verbs.values():
        pats.sort(key=lambda p: -p.specificity)
    return lex


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Convert a PETRARCH verb dictionary into eventwire lexicon patterns.")
    ap.add_argument("verbs", type=Path)
    ap.add_argument("-o", "--output", type=Path, help="write lexicon.yaml-style entries here")
    args = ap.parse_args(argv)
    imported = convert_verbs(args.verbs)
    print(imported.report(), file=sys.stderr)
    if args.output:
        import yaml

        args.output.write_text(yaml.safe_dump(imported.entries(), sort_keys=False, width=120), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
