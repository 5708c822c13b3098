"""Resolve actor mentions in a parsed document: gazetteer matches, modifier + agent combinations,
titles, the NER backstop, and in-document coreference for pronouns and descriptions."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.matcher import PhraseMatcher

from ..document import Document, Mention, Span
from ..parse import sents
from .coref import Found, coreference, definite_agents
from .kb import ActorKB, Entry

MODIFIER_KINDS = {"adjective", "country", "metonym", "demonym", "nickname"}
NAMED_KINDS = {"institution", "organization"}  # "a State Department spokesman", "UN troops"
HEAD_KINDS = {"agent", "institution"}
WEEKDAYS_MONTHS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                   "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december", "administration"}
_ABBREV = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")


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
                if entry.kind == "person" and e - s == 1 and self._name_goes_on(sdoc, e):
                    continue  # "Michel" inside "Michel Suleiman": a longer, other name
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
        raw = [r for r in merged if not self._demonym_as_modifier(sdoc, r, merged)]
        # longest first, then earliest; persons and organisations beat a country name inside them
        rank = {"person": 0, "organization": 1, "institution": 2}
        raw.sort(key=lambda x: (-(x[1] - x[0]), rank.get(x[2].kind, 5), x[0]))
        taken, out = set(), []
        for s, e, entry in raw:
            if taken.intersection(range(s, e)):
                continue
            taken.update(range(s, e))
            out.append(Found(s, e, entry.kind, entry.country_on(date), entry.sector_on(date), entry.code_on(date),
                             entry.name, default_country=entry.default_country,
                             resolved=not entry.needs_modifier))
        out = [f for f in out if not self._lone(f, out)]
        persons = {i for f in out if f.kind == "person" for i in range(f.start, f.end)}
        for f in self._titled_surnames(sdoc, date, persons):
            out = [g for g in out if not (g.start < f.end and f.start < g.end)] + [f]
        return sorted(out, key=lambda f: f.start)

    @staticmethod
    def _lone(f: Found, found: list[Found]) -> bool:
        """A modifier-only agent noun ("forces") with no country word right before it."""
        if f.kind != "agent" or f.resolved:
            return False
        return not any(g.end == f.start and g.kind in MODIFIER_KINDS for g in found)

    @staticmethod
    def _name_goes_on(sdoc, i: int) -> bool:
        if i >= len(sdoc):
            return False
        nxt = sdoc[i]
        return (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.is_alpha
                and nxt.ent_type_ not in ("DATE", "TIME") and nxt.lower_ not in WEEKDAYS_MONTHS)

    @staticmethod
    def _demonym_as_modifier(sdoc, match, matches) -> bool:
        """'Iraqi' is both a demonym and an adjective: before its head noun ("Iraqi President") it is
        the adjective, standing alone ("the Iraqis said") the demonym."""
        s, e, entry = match
        if entry.kind not in ("demonym", "adjective"):
            return False
        twin = "adjective" if entry.kind == "demonym" else "demonym"
        if not any(ms == s and me == e and m.kind == twin for ms, me, m in matches):
            return False
        tok = sdoc[e - 1]
        modifier = tok.head.i > tok.i or (e < len(sdoc) and sdoc[e].text[:1].isupper() and sdoc[e].is_alpha)
        return modifier == (entry.kind == "demonym")

    def _titled_surnames(self, sdoc, date: str | None, taken: set[int]) -> list[Found]:
        """'President Bush' on 2008-08-04 is George W. Bush: the one holder of that title then."""
        out = []
        for tok in sdoc[1:]:
            if tok.i in taken or tok.text not in self.surnames or sdoc[tok.i - 1].text not in self.titles:
                continue
            if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].pos_ == "PROPN" and sdoc[tok.i + 1].text[:1].isupper():
                continue  # a first name that happens to be a known surname
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
        """'Chinese President Xi Jinping': adjective + title + name make one person; 'the Iraqi
        President' with no name is still the Iraqi government; a bare title is dropped."""
        out: list[Found] = []
        for f in found:
            prev = out[-1] if out else None
            adjacent = prev is not None and prev.end == f.start
            if adjacent and f.kind == "title" and prev.kind in ("adjective", "country"):
                out[-1] = replace(f, start=prev.start, country=prev.country)
                continue
            if adjacent and f.kind in ("person", "ner_person") and prev.kind in ("title", "adjective", "country"):
                out[-1] = replace(f, start=prev.start, sector=f.sector or prev.sector,
                                  country=f.country or prev.country)
                continue
            out.append(f)
        return [replace(f, kind="agent") if f.kind == "title" else f
                for f in out if f.kind != "title" or f.country]

    @staticmethod
    def _ner_backstop(sdoc, found: list[Found]) -> list[Found]:
        """Names the knowledge base lacks: NER people and organisations, and the capitalised words
        after a title ("Defence Secretary Tom King") even when NER missed them."""
        taken = {i for f in found for i in range(f.start, f.end)}
        extra = []
        for ent in sdoc.ents:
            if ent.label_ not in ("PERSON", "ORG") or taken.intersection(range(ent.start, ent.end)):
                continue
            kind = "ner_person" if ent.label_ == "PERSON" else "ner_org"
            extra.append(Found(ent.start, ent.end, kind, None, None, None, ent.text, resolved=False))
            taken.update(range(ent.start, ent.end))
        one_word_titles = {f.start: f for f in found if f.kind == "title" and f.end - f.start == 1}
        absorbed = set()
        for f in found:
            if f.kind != "title" or id(f) in absorbed:
                continue
            end = f.end
            while (end < len(sdoc) and end - f.end < 4 and sdoc[end].pos_ == "PROPN" and sdoc[end].text[:1].isupper()
                   and (end not in taken or (end > f.end and end in one_word_titles))):
                end += 1  # a title-word surname ("Tom King") belongs to the name
            if end > f.end:
                absorbed.update(id(one_word_titles[i]) for i in range(f.end, end) if i in one_word_titles)
                extra.append(Found(f.end, end, "ner_person", None, None, None, sdoc[f.end:end].text, resolved=False))
        found = [f for f in found if id(f) not in absorbed]
        return sorted(found + extra, key=lambda f: (f.start, f.end))

    def __call__(self, doc: Document, sdoc) -> list[Mention]:
        sent_of = {t.i: n for n, s in enumerate(sents(sdoc)) for t in s}  # token -> sentence index
        found = self._matches(sdoc, doc.date)
        found = self._ner_backstop(sdoc, found)
        found = self._combine(sdoc, found)
        found = definite_agents(sdoc, found, sent_of)
        found = coreference(sdoc, found, sent_of)
        mentions = []
        for f in found:
            span = sdoc[f.start:f.end]
            code = f.code or ((f.country or "") + (f.sector or "") or None)
            ante = sdoc[f.antecedent[0]:f.antecedent[1]] if f.antecedent else None
            mentions.append(Mention(text=span.text, start=span.start_char, end=span.end_char, code=code,
                                    country=f.country, sector=f.sector, name=f.name, kind=f.kind,
                                    sentence=sent_of.get(f.start, 0), resolved=f.resolved,
                                    antecedent=Span(ante.text, ante.start_char, ante.end_char) if ante else None))
        return mentions
