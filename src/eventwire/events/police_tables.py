"""The police tables (data/police.yaml) and the definitions events/police.py and events/police_forms.py share:
which codes are police acts when a report leaves the doer unsaid, and that unnamed doer."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..actors.kb import load_yaml
from ..document import Actor
from .lexicon import DATA
from ..actors.coref import LAW_SECTORS as LAW

CONFIDENCE = 0.45
MODALS = {"should", "would", "will", "shall", "must", "can", "could", "may", "might", "'ll", "wo", "ca"}


@dataclass(frozen=True)
class Tables:
    subject: dict  # first lemma -> [(second word or None, code)], longest entries first
    nominal: dict  # noun after a police word -> code
    statement: frozenset  # lemmas of saying beside the coder's speech verbs
    modifiers: frozenset  # police words that act through the noun they modify
    units: frozenset  # nouns whose "of"-phrase names the force they belong to
    split: dict  # "lathi charge" -> code: hyphenated acts the tokenizer splits
    participles: dict  # "arrest" -> code: acts told by a participle before their patients ("arrested men")
    implied: tuple  # codes whose unnamed doer is the police: the one definition, the coder's too
    places: frozenset  # nouns a police word names a place with ("police station"), no actor
    named: dict  # "arrests" -> code: a police act named by a noun alone ("the figure of arrests")
    asking: frozenset  # words over such a noun that ask for the act, or fear it, rather than tell it
    passive: dict  # like `subject`, for a police subject of a passive verb only ("the raf was called in")
    partner: dict  # verb or noun -> code: acts the police do as its "with" party ("clashed with the police")
    filed: frozenset  # what is lodged with the police and opens their inquiry ("an fir", "a complaint")
    held: frozenset  # nouns of people whose being "held" is their arrest ("50 persons were held")
    feared: frozenset  # what "apprehend" fears rather than arrests ("apprehended a threat")


@lru_cache(maxsize=1)
def tables() -> Tables:
    data = load_yaml(DATA / "police.yaml") or {}
    subject, passive = _entries(data.get("subject_acts")), _entries(data.get("passive_deployment"))
    nominal = {str(w): str(code) for code, words in (data.get("nominal_acts") or {}).items() for w in words}
    words = {k: frozenset(str(w) for w in data.get(k) or ())
             for k in ("statement", "modifiers", "units", "places", "asking", "filed", "held", "feared")}
    named = {str(w): str(code) for code, ws in (data.get("named_acts") or {}).items() for w in ws}
    split = {str(w): str(code) for code, ws in (data.get("split_compounds") or {}).items() for w in ws}
    implied = tuple(str(c) for c in data.get("implied_acts") or ())
    participles = {str(w): str(code) for code, ws in (data.get("participles") or {}).items() for w in ws}
    partner = {str(w): str(code) for code, ws in (data.get("partner_acts") or {}).items() for w in ws}
    return Tables(subject, nominal, split=split, implied=implied, participles=participles, passive=passive, named=named,
                  partner=partner, **words)


def _entries(table) -> dict:
    """code -> ["word", "two words"] as first lemma -> [(second word or None, code)], longest entries first."""
    out: dict = {}
    for code, entries in (table or {}).items():
        for entry in entries:
            first, *rest = str(entry).split()
            out.setdefault(first, []).append((" ".join(rest) or None, str(code)))
    for options in out.values():
        options.sort(key=lambda o: o[0] is None)  # "look for" before bare "look"
    return out


def implied_acts() -> tuple:
    """Codes of the acts only the police do when a report leaves the doer unsaid (arrests, crowd control,
    curfews, police alerts and deployments): "23 men were arrested", "curfew was clamped"."""
    return tables().implied


def implied_police(at: int) -> Actor:
    """The unnamed police doer of an implied act, placed at character `at`."""
    return Actor(text="", start=at, end=at, code="COP", sector="COP", kind="implied")


def law(actor) -> bool:
    """A law-enforcement actor (police, intelligence)."""
    return actor is not None and (actor.sector or "") in LAW


def acted_on(coder, tok, mentions) -> list[Actor]:
    """The coded actors of `tok` other than law enforcement: whom a police act is done to."""
    return [a for a in coder._actors(tok, mentions) if a.code and not law(a)]
