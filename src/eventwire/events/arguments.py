"""The actors of an event's arguments: each argument head's noun phrase, its conjuncts, the mentions
inside it, and the reporting clause whose actors take no part in the sentence's other events."""
from __future__ import annotations

from ..document import Actor, Mention, Span
from .roles import listed
from .syntax import abstract_head, is_date, lemma_keys, np_span


class Arguments:
    """Mixed into EventCoder: reads its speech verbs."""

    @staticmethod
    def _conjuncts(tok):
        out, stack = [tok], [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                    out.append(c)
                    stack.append(c)
        return out

    def _reporter_start(self, sent) -> int | None:
        """Where a sentence-final reporting clause begins (", state broadcaster CCTV reported."): its
        actors report the sentence and take no part in its other events, whatever the parse attached.
        Kept on the parsed document: every argument of the sentence asks."""
        key = ("reporter_start", sent.start)
        if key not in sent.doc.user_data:
            sent.doc.user_data[key] = self._find_reporter_start(sent)
        return sent.doc.user_data[key]

    def _find_reporter_start(self, sent) -> int | None:
        words = [t for t in sent if not t.is_punct]
        if not words or not set(lemma_keys(words[-1])) & self.speech:
            return None
        comma = next((t for t in reversed(list(sent[:words[-1].i - sent.start])) if t.text == ","), None)
        return comma.idx if comma is not None and words[-1].i - comma.i <= 8 else None

    def _actors(self, tok, mentions: list[Mention], located: bool = False) -> list[Actor]:
        if tok is None:
            return []
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "acl:relcl":
            tok = tok.head.head  # "Moscow and Beijing, which have resisted": the relative pronoun's antecedent
        cut = self._reporter_start(tok.sent)
        actors, seen = [], set()
        for head in self._conjuncts(tok):
            span = np_span(head, [m for m in mentions if m.kind != "coref" or m.start >= head.idx - 40])
            if cut is not None and head.idx >= cut and head.left_edge.idx < cut:
                # "with President Putin, state broadcaster CCTV reported": the parse glued the reporter onto
                # the phrase; the phrase is what stands before the comma
                words = [t for t in head.subtree if t.idx < cut and t.dep_ not in ("case", "mark", "punct", "cc")]
                span = tok.doc[words[0].i:words[-1].i + 1] if words else span
            if cut is not None and span.start_char < cut:
                mentions = [m for m in mentions if m.start < cut]  # the reporter takes no other part
            inside = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
            if not inside and is_date(head):
                continue  # "said Wednesday she hoped ...": a date the parser made an argument is no actor
            at_head = [m for m in inside if m.start <= head.idx < m.end]
            # a possessive pronoun yields to a name modifying the same head: "its European Community partners"
            # ("its troops from Lebanon" stays the pronoun's)
            if any(m.kind != "coref" and m.country and m.start < head.idx for m in inside):
                inside = sorted(inside, key=lambda m: m.kind == "coref" and m.end - m.start <= 5)
            # "sent troops to the UN force in South Sudan": help for a place goes to the place, not the modifier
            placed = [m for m in inside if m.country and _located_in(head, m)] if located and not at_head else []
            # "a rebel-held district of Libya's third city": Libya; "Osama bin Laden's al-Qaeda network": the
            # name nearest the head noun is what the phrase is; a modifier before the head says what it is, one
            # after it mostly where ("the Cambodian refugee camp in Thailand")
            near = sorted(inside, key=lambda m: (m.start > head.idx, abs(head.idx - m.end)))
            chosen = (at_head or placed[:1] or [m for m in near if m.country][:1] or [m for m in near if m.code][:1]
                      or inside[:1])
            nested = all(m.start > head.idx for m in inside)
            if chosen and not at_head and not placed and nested and abstract_head(head):
                # "curbs on the use of the Kurdish language", "the fate of Tibetan monasteries": an act or
                # state named by the head is no party; the actors nested after it only say whose it is
                chosen = []
            # "the two leaders" (coreference) and "presidents of Iraq and Egypt" (one phrase, two agents)
            # are several actors starting at the same word
            first = chosen[0].start if chosen else -1
            groups = [m for m in inside if (m.kind == "coref" or m in at_head) and m.start == first]
            for m in (groups if len(groups) > 1 else listed(chosen[:1], mentions, span)):
                where = Span(span.text, span.start_char, span.end_char)
                if (head.pos_ == "PRON" and m.antecedent is not None and len(span) == 1
                        and m.antecedent.start >= head.sent.start_char):
                    where = m.antecedent  # "Russia said it would ...": the actor is named in this very sentence
                if m is not chosen[0] and len(groups) < 2:
                    where = Span(m.text, m.start, m.end)  # a coordinated actor is its own phrase
                elif placed and m is placed[0]:
                    # "a ceasefire in eastern Ukraine", "support for businesses in Nigeria": the act is for
                    # the place named, which is the actor
                    where = Span(m.text, m.start, m.end)
                if (m.start, m.end, m.code) in seen:
                    continue  # "China and Russia": each conjunct's phrase lists the other one as well
                seen.add((m.start, m.end, m.code))
                actors.append(m.as_actor(where))
            if not chosen and not actors:  # "in energy, finance, industry": one plain target is enough
                actors.append(Actor(text=span.text, start=span.start_char, end=span.end_char, kind="unresolved"))
        return actors


def _located_in(head, mention) -> bool:
    """Whether the mention is the object of an "in" phrase hanging off the argument head."""
    span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and root.head.i == head.i and root.dep_.split(":")[0] in ("nmod", "obl") and any(
        c.dep_ == "case" and c.lower_ == "in" for c in root.children)



SCENES = {"GPE", "LOC", "FAC"}  # entity labels of a place an act happens in
PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "area", "capital", "state", "county"}
# what an "in" phrase names when it is a place, not a field: "aid for refugees in the camp"
WHERE_NOUNS = PLACE_NOUNS | {"part", "camp", "country", "border", "zone", "place", "site", "locality"}


def domain(tok, actors) -> bool:
    """'expand cooperation in energy, finance, industry', 'invested in agriculture': the "in" phrase of a
    cooperative act names the field it is in, not a party to it, unless it names a place or an actor."""
    return bool(tok is not None and tok.pos_ in ("NOUN", "ADJ") and tok.dep_.split(":")[0] in ("nmod", "obl")
                and any(c.isupper() for c in tok.sent.text)  # lower-cased text hides its places ("in gujarat")
                and any(c.dep_ == "case" and c.lower_ == "in" for c in tok.children)
                and not any(t.pos_ == "PROPN" or t.ent_type_ in SCENES for t in tok.subtree)
                and tok.lemma_.lower() not in WHERE_NOUNS
                and not any(a.country for a in actors))  # "a curfew in parts of Balochistan province"
