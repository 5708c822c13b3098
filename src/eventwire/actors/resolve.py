"""Resolve actor mentions in a parsed document: gazetteer matches, modifier + agent combinations,
titles, the NER backstop, and in-document coreference for pronouns and descriptions."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.matcher import PhraseMatcher

from ..document import Document, Mention
from ..parse import sents
from .kb import ActorKB, Entry

MODIFIER_KINDS = {"adjective", "country", "metonym", "demonym", "nickname"}
NAMED_KINDS = {"institution", "organization"}  # "a State Department spokesman", "UN troops"
HEAD_KINDS = {"agent", "institution"}
PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_RE = re.compile(r"^(?:the two|both(?: the)?|two) (leaders|presidents|sides|countries|nations|governments|neighbours|neighbors|allies|capitals)$", re.I)
_ABBREV = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")


@dataclass
class Found:
    """A mention under construction: token span [start, end) and what it codes to."""
    start: int
    end: int
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    name: str | None
    resolved: bool = True
    default_country: str | None = None


class ActorResolver:
    def __init__(self, kb: ActorKB, nlp):
        self.kb = kb
        self.by_key: dict[str, list[Entry]] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.head_words = {e.text.lower() for e in kb.entries if e.kind in HEAD_KINDS}
        # surnames left out of the aliases as ambiguous ("Bush", "Kim") still resolve after a title
        self.surnames: dict[str, list[Entry]] = {}
        for e in kb.entries:
            if e.kind == "person" and e.text == e.name and " " in e.name:
                self.surnames.setdefault(e.name.split()[-1], []).append(e)
        self.titles = {e.text for e in kb.entries if e.kind == "title"}
        for entry in kb.entries:
            key = f"{entry.kind}|{entry.text}"
            if key in self.by_key:
                self.by_key[key].append(entry)
                continue
            self.by_key[key] = [entry]
            pattern = nlp.make_doc(entry.text)
            case_matters = entry.kind in ("person", "title") or bool(_ABBREV.match(entry.text))
            (self.exact if case_matters else self.lower).add(key, [pattern])

    # -- gazetteer -------------------------------------------------------------------------
    def _matches(self, sdoc, date: str | None) -> list[Found]:
        raw = []
        for matcher in (self.exact, self.lower):
            for key_id, s, e in matcher(sdoc):
                key = sdoc.vocab.strings[key_id]
                entry = self.by_key[key][0]
                if entry.ambiguous and not self._plausible(sdoc[s:e]):
                    continue
                if entry.kind in HEAD_KINDS and e - s == 1 and self._modifier_use(sdoc[s]):
                    continue  # "a military attack": a modifier, not the armed forces
                raw.append((s, e, entry))
        # overlapping matches of one actor ("President Xi" + "Xi Jinping") become their union
        raw.sort(key=lambda x: (x[0], -x[1]))
        merged: list = []
        for s, e, entry in raw:
            same = next((n for n, (ms, me, m) in enumerate(merged)
                         if s < me and ms < e and m.name == entry.name and m.kind == entry.kind), None)
            if same is None:
                merged.append((s, e, entry))
            else:
                ms, me, m = merged[same]
                merged[same] = (min(ms, s), max(me, e), m)
        raw = merged
        # longest first, then earliest; persons and organisations beat a country name inside them
        rank = {"person": 0, "organization": 1, "institution": 2}
        raw.sort(key=lambda x: (-(x[1] - x[0]), rank.get(x[2].kind, 5), x[0]))
        taken, out = set(), []
        for s, e, entry in raw:
            if taken.intersection(range(s, e)):
                continue
            taken.update(range(s, e))
            out.append(Found(s, e, entry.kind, entry.country_on(date), entry.sector_on(date), entry.code_on(date),
                             entry.name, default_country=entry.default_country))
        persons = {i for f in out if f.kind == "person" for i in range(f.start, f.end)}
        for f in self._titled_surnames(sdoc, date, persons):
            out = [g for g in out if not (g.start < f.end and f.start < g.end)] + [f]
        return sorted(out, key=lambda f: f.start)

    def _titled_surnames(self, sdoc, date: str | None, taken: set[int]) -> list[Found]:
        """'President Bush' on 2008-08-04 is George W. Bush: the one holder of that title then."""
        out = []
        for tok in sdoc[1:]:
            if tok.i in taken or tok.text not in self.surnames or sdoc[tok.i - 1].text not in self.titles:
                continue
            title = sdoc[tok.i - 1].text.lower()
            holders = [e for e in self.surnames[tok.text]
                       if (r := e.role_on(date)) is not None and (title in r.title.lower() or not date)]
            if len({e.name for e in holders}) == 1:
                e = holders[0]
                out.append(Found(tok.i - 1, tok.i + 1, "person", e.country_on(date), e.sector_on(date),
                                 e.code_on(date), e.name))
        return out

    def _modifier_use(self, tok) -> bool:
        return tok.pos_ == "ADJ" or (tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN"
                                     and tok.head.lower_ not in self.head_words)

    @staticmethod
    def _plausible(span) -> bool:
        """An ambiguous name ("Jordan", "Georgia", "Chad") counts when NER or capitalisation backs it."""
        labels = {t.ent_type_ for t in span}
        if labels & {"PERSON", "ORG"}:
            return False
        return bool(labels & {"GPE", "LOC", "NORP"}) or span.text[:1].isupper()

    # -- composition ------------------------------------------------------------------------
    @staticmethod
    def _combine(sdoc, found: list[Found]) -> list[Found]:
        """'Iraqi troops' -> IRQ + MIL; 'China's Foreign Ministry' -> CHN + GOV; 'Hungarian and
        Romanian officials' -> two actors; 'President Xi Jinping' -> the person with the title."""
        at = {i: f for f in found for i in range(f.start, f.end)}
        used: set[int] = set()
        out: list[Found] = []
        heads = [f for f in found if f.kind in HEAD_KINDS]
        for h in heads:
            mods = []
            for f in found:
                if f.kind not in MODIFIER_KINDS or id(f) in used:
                    continue
                root = sdoc[f.end - 1]
                # walk conjunctions up ("Hungarian and Romanian officials"); a parse may loop, so stop on revisits
                seen = {root.i}
                while root.dep_ == "conj" and root.head.i in at and at[root.head.i].kind in MODIFIER_KINDS:
                    nxt = sdoc[at[root.head.i].end - 1]
                    if nxt.i in seen:
                        break
                    seen.add(nxt.i)
                    root = nxt
                adjacent = f.end == h.start or (f.end + 1 == h.start and sdoc[f.end].tag_ == "POS")
                if (h.start <= root.head.i < h.end and root.dep_ in ("amod", "compound", "nmod:poss", "nmod", "poss")) or adjacent:
                    mods.append(f)
            if h.country is None and mods:
                for m in mods:
                    used.add(id(m))
                    out.append(Found(min(m.start, h.start), max(m.end, h.end), h.kind, m.country,
                                     h.sector, None, h.name))
                used.add(id(h))
        widened = {}
        for f, nxt in zip(found, found[1:]):
            if (f.kind in NAMED_KINDS and f.country and nxt.kind == "agent" and not nxt.country
                    and nxt.start == f.end and id(nxt) not in used):
                used.add(id(nxt))  # the agent speaks for the named body: keep the body's coding
                widened[id(f)] = replace(f, end=nxt.end)
        for f in found:
            if id(f) in used:
                continue
            f = widened.get(id(f), f)
            if f.country is None and f.default_country:
                f = replace(f, country=f.default_country)
            out.append(f)
        out.sort(key=lambda f: (f.start, f.end))
        return ActorResolver._attach_titles(sdoc, out)

    @staticmethod
    def _attach_titles(sdoc, found: list[Found]) -> list[Found]:
        out: list[Found] = []
        for f in found:
            prev = out[-1] if out else None
            if prev and prev.end == f.start and f.kind in ("person", "ner_person") and prev.kind in ("title", "adjective", "country"):
                out[-1] = replace(f, start=prev.start, sector=f.sector or prev.sector,
                                  country=f.country or prev.country)
                # a country adjective before the title: "Chinese President Xi Jinping"
                if len(out) > 1 and out[-2].end == prev.start and out[-2].kind in ("adjective", "country"):
                    keep = out.pop()
                    out[-1] = replace(keep, start=out[-1].start, country=keep.country or out[-1].country)
                continue
            out.append(f)
        return [f for f in out if f.kind != "title"]

    @staticmethod
    def _ner_backstop(sdoc, found: list[Found]) -> list[Found]:
        taken = {i for f in found for i in range(f.start, f.end)}
        extra = []
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG") or taken.intersection(range(ent.start, ent.end)):
                continue
            kind = "ner_person" if ent.label_ == "PERSON" else "ner_org"
            extra.append(Found(ent.start, ent.end, kind, None, None, None, ent.text, resolved=False))
        return sorted(found + extra, key=lambda f: (f.start, f.end))

    # -- coreference -------------------------------------------------------------------------
    @staticmethod
    def _coref(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
        # a bare agent noun heading "the two leaders" is a group reference, not a new actor
        out = [f for f in found if not (f.kind == "agent" and not f.country and ActorResolver._group_at(sdoc, f.end - 1))]
        taken = {i for f in out for i in range(f.start, f.end)}

        def earlier(i):  # only for the few tokens that refer back: a full scan per token is quadratic
            return [f for f in out if f.end <= i and f.resolved and f.country]

        for tok in sdoc:
            if tok.i in taken:
                continue
            if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
                person = next((f for f in reversed(earlier(tok.i)) if f.kind == "person"), None)
                if person:
                    out.append(replace(person, start=tok.i, end=tok.i + 1, kind="coref"))
            elif tok.pos_ in ("NOUN", "PROPN") and tok.i > 0:
                match = ActorResolver._group_at(sdoc, tok.i)
                if match:
                    start = tok.i - len(match.group(0).split()) + 1
                    for f in ActorResolver._two_sides(sent_of, earlier(tok.i), tok.i):
                        out.append(replace(f, start=start, end=tok.i + 1, kind="coref"))
        return sorted(out, key=lambda f: (f.start, f.end))

    @staticmethod
    def _group_at(sdoc, i: int):
        for width in (3, 2):
            if i - width + 1 >= 0:
                m = GROUP_RE.match(sdoc[i - width + 1:i + 1].text)
                if m:
                    return m
        return None

    @staticmethod
    def _two_sides(sent_of: dict[int, int], earlier: list[Found], at: int) -> list[Found]:
        """The two countries most present in the last few sentences, leaders counting double
        (`sent_of`: token index -> sentence index)."""
        window = [f for f in earlier if at - f.start < 150]
        weight: dict[str, float] = {}
        latest: dict[str, Found] = {}
        for f in window:
            w = 2.0 if f.kind == "person" else 1.0
            weight[f.country] = weight.get(f.country, 0.0) + w + (0.5 if sent_of.get(f.start) == sent_of.get(at) else 0)
            if f.kind in ("person", "country", "metonym") or f.country not in latest:
                latest[f.country] = f
        top = sorted(weight, key=lambda c: -weight[c])[:2]
        return [latest[c] for c in top] if len(top) == 2 else []

    @staticmethod
    def _definite_agents(sdoc, found: list[Found], sent_of: dict[int, int]) -> list[Found]:
        """'the official', 'the spokesman': a bare definite agent takes the country of the latest
        actor of the same sector within the last three sentences."""
        out = []
        for f in found:
            if f.kind == "agent" and not f.country and f.start > 0 and sdoc[f.start - 1].lower_ == "the":
                prior = [g for g in out if g.country and g.sector == f.sector and g.end <= f.start
                         and sent_of[f.start] - sent_of[g.start] <= 3]
                if prior:
                    f = replace(f, start=f.start - 1, country=prior[-1].country, kind="coref")
            out.append(f)
        return out

    def __call__(self, doc: Document, sdoc) -> list[Mention]:
        sent_of = {t.i: n for n, s in enumerate(sents(sdoc)) for t in s}  # token -> sentence index
        found = self._matches(sdoc, doc.date)
        found = self._combine(sdoc, found)
        found = self._ner_backstop(sdoc, found)
        found = self._definite_agents(sdoc, found, sent_of)
        found = self._coref(sdoc, found, sent_of)
        mentions = []
        for f in found:
            span = sdoc[f.start:f.end]
            code = f.code or ((f.country or "") + (f.sector or "") or None)
            mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                                    country=f.country, sector=f.sector, name=f.name, kind=f.kind,
                                    sentence=sent_of.get(f.start, 0), resolved=f.resolved))
        return mentions
