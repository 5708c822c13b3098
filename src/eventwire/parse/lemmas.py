"""Repair of the trained lemmatizer's slips on regular inflections ("suing" -> "su", "investing" -> "investe").

The lemmatizer learnt its edit trees from EWT, where rare verbs are rare: a stem change it has not seen (a
doubled consonant, a silent e, -ies/-ied) comes out as a fragment, and everything keyed on lemmas (the event
lexicon, cue lists) misses the word. After the lemmatizer runs, a verb with an inflected tag (VBD/VBN/VBG/VBZ)
whose lemma is not a word we know gets the base that a regular English rule gives from its surface form,
provided that base is known: a verb trigger of the event lexicon or a verb of verbs.txt. Everything else keeps
the trained lemma, so a correct but unlisted lemma is never replaced by a guess.
`install(nlp)` makes the pipeline's lemmatizer do this itself, so every caller of `nlp(...)`/`nlp.pipe(...)` gets
repaired lemmas without a further pipeline component (the pipeline's config and saved form stay spaCy's own).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer

VERB_LIST = Path(__file__).with_name("verbs.txt")
VERB_TAGS = {"VBD", "VBN", "VBG", "VBZ"}
VOWELS = set("aeiou")
SIBILANT_ENDS = ("s", "x", "z", "ch", "sh", "o")  # "-es" is its own suffix after these ("pushes", "vetoes")


def _words(path: Path) -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            out.update(w for w in line.split() if len(w) > 2)
    return out


_KNOWN: list[tuple[frozenset[str], frozenset[str]]] = []  # known_lemmas(), once made


def known_lemmas(shipped_lexicon=None) -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, nouns) we trust as lemmas: our verb list plus the shipped event lexicon's verb and noun triggers.
    Made once per process; `shipped_lexicon`: the shipped lexicon, freshly loaded, where the caller (the
    pipeline) already holds one, so it is not read twice. Imported late because events imports this package."""
    if not _KNOWN:
        if shipped_lexicon is None:
            from ..events.lexicon import Lexicon

            shipped_lexicon = Lexicon.load()
        ok = lambda w: len(w) > 2 and w.isalpha()  # noqa: E731 - the lexicon also keys "de", "u", "wmd"-like tokens
        verbs = {w for w in shipped_lexicon.verbs if ok(w)} | _words(VERB_LIST)
        nouns = {w for w in shipped_lexicon.nouns if ok(w)}
        _KNOWN.append((frozenset(verbs), frozenset(nouns)))
    return _KNOWN[0]


def _cvc(stem: str) -> bool:
    """A stem that ends consonant-vowel-consonant and was not doubled before the suffix ("hop" of "hoped"):
    English doubles a stressed final consonant ("hopped"), so the base most likely had a silent e."""
    return (len(stem) >= 3 and stem[-1] not in VOWELS and stem[-1] not in "wxy" and stem[-2] in VOWELS
            and stem[-3] not in VOWELS)


@lru_cache(maxsize=8192)
def candidates(low: str) -> tuple[str, ...]:
    """Bases that the regular rules give for an inflected form, the likelier first."""
    out: list[str] = []
    if low.endswith("ying") and len(low) >= 5:
        out += [low[:-4] + "y", low[:-4] + "ie"]  # "replying", "lying" -> "lie"
    elif low.endswith(("ing", "ed")):
        stem = low[:-3] if low.endswith("ing") else low[:-2]
        if low.endswith("ied"):
            out.append(stem[:-1] + "y")  # "studied"
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            out.append(stem[:-1])  # "barring" -> "bar", before "call" of "calling" is tried below
        out += [stem + "e", stem] if _cvc(stem) else [stem, stem + "e"]
    elif low.endswith("ies") and len(low) > 4:
        out.append(low[:-3] + "y")
    elif low.endswith("es"):
        out += [low[:-2], low[:-1]] if low[:-2].endswith(SIBILANT_ENDS) else [low[:-1], low[:-2]]
    elif low.endswith("s") and not low.endswith("ss"):
        out.append(low[:-1])
    return tuple(dict.fromkeys(w for w in out if len(w) > 2))


def repaired(lemma: str, low: str, pos: str, tag: str) -> str | None:
    """The lemma to use instead of `lemma`, or None to keep it. Verbs only: plural nouns were tried and left
    out, since the regular rules there mostly find a different known word ("sites" -> "sit", "lives" ->
    "live") and the event matcher already strips plural endings itself."""
    if pos not in ("VERB", "AUX") or tag not in VERB_TAGS:
        return None
    lemma = lemma.lower()
    if lemma == low:
        # the form kept whole ("halted", "threatened") is a slip too, but downstream rules were tuned with it
        # (a "threatened invasion" reads as a threat only while "threatened" is not the cue "threaten"):
        # left to the owners of those rules, only fragments are repaired here
        return None
    verbs, nouns = known_lemmas()
    if lemma in verbs or lemma in nouns:
        return None
    return next((base for base in candidates(low) if base in verbs), None)


def repair(docs) -> int:
    """Repair the lemmas of `docs` in place; returns how many tokens changed."""
    changed = 0
    for doc in docs:
        for tok in doc:
            tag = tok.tag_
            if tag not in VERB_TAGS:  # most tokens: skip them before reading their strings
                continue
            better = repaired(tok.lemma_, tok.lower_, tok.pos_, tag)
            if better is not None:
                tok.lemma_ = better
                changed += 1
    return changed


class RepairingLemmatizer(EditTreeLemmatizer):
    """spaCy's trainable lemmatizer followed by `repair`, for both `nlp(text)` and `nlp.pipe(texts)`."""

    def set_annotations(self, docs, batch_tree_ids):
        super().set_annotations(docs, batch_tree_ids)
        repair(docs)


def install(nlp) -> None:
    """Make `nlp`'s trainable lemmatizer repair its output (a no-op for a pipeline without one)."""
    for _, pipe in nlp.pipeline:
        if type(pipe) is EditTreeLemmatizer:
            pipe.__class__ = RepairingLemmatizer
