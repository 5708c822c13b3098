"""Police acts the general lexicon misses: what law-enforcement actors do in riot and crime reports.

Such reports (lower-cased South Asian copy above all) tell police work with verbs that are no event in
general ("the police arrived", "intervened", "recovered two bodies"), with nouns the parser attaches
loosely ("killed in police firing" parsed as a participle), with hyphenated verbs the tokenizer splits
("lathi-charged"), and as the police's own reports ("one person was killed, police said."). They also
leave arrests unsaid ("23 men were arrested") or merely planned ("they will be arrested"). The coder
calls `police_acts` on what its classifier would veto and `police_events` once per sentence with the
events it keeps; tables are in data/police.yaml, among them `implied_acts`, the one list of acts whose
unnamed doer is the police (the coder's agentless-arrest rule reads it too; police_tables.py loads them).
Who speaks for the police and whom a pronoun stands for is in police_speech.py; acts told by the form of a
word, whoever the subject ("the arrested men", "lathi-charged", "50 persons were held"), in police_forms.py.
"""
from __future__ import annotations

from dataclasses import replace

from ..document import Actor, Document, Event, Mention
from ..parse import root_at
from .match import FUTURE, direct_object, has_aux, is_passive, lemma_keys, passive_subject
from .police_forms import feared, held, named, partner, participles, split_compounds
from .police_speech import attribution, officers, reported_by, spoken
from .police_tables import CONFIDENCE, MODALS, Tables, acted_on, implied_acts, implied_police, law as _law, tables

REFERRING = {"he", "she", "they"}  # subject pronouns that may stand for police


def police_events(coder, doc: Document, sent_index: int, sent, mentions: list[Mention], found: list[Event],
                  kept: list[Event]) -> list[Event]:
    """A sentence's events: the coder's `kept` ones (`found` = before it chose the main events) less police
    acts that have not happened, plus what makes an act of the police it reports police-sourced."""
    kept_ids = {id(e) for e in kept}  # as the coder chose them, before the re-coding below
    kept = [_implied(e) for e in (_realise(coder, sent, e) for e in kept)
            if e is not None and not (e.cameo.startswith("173") and feared(root_at(sent.doc, e.evidence.trigger)))]
    words = _police_words(sent, mentions)  # once per sentence: the compounds and the acts below both ask
    kept = split_compounds(coder, doc, sent_index, sent, kept, mentions, words)
    kept = [_police_phrase(e, words) for e in kept] + participles(coder, doc, sent_index, sent, kept, mentions)
    kept += held(coder, doc, sent_index, sent, kept, mentions)
    kept = _by_officer(doc, sent, kept)
    if any(_law(e.source) for e in kept):
        return kept
    # when the sentence names no doer of its main events ("one person was killed, police said"), the
    # police act beside them is the one attributed act in it, and worth coding
    reported = not any(e.source is not None and e.source.code for e in kept)
    buried = [e for e in found if id(e) not in kept_ids and _law(e.source) and not _unrealised(sent, e)
              and _phrasal(sent, e) and (reported or e.source.kind != "implied")]
    if buried:  # "killed in police firing", "the 23 men arrested": a police act in a phrase of the sentence
        return kept + buried
    out: list[Event] = []
    for span, source, bare in words:
        if out:
            break
        out = _acts(coder, doc, sent_index, sent, span, source, bare, mentions, reported, kept)
    if not out:
        out = spoken(coder, doc, sent_index, sent, words, coder.speech | tables().statement, CONFIDENCE, reported)
    if not out:
        kept, out = _referred(coder, doc, sent_index, sent, kept, mentions, reported)
    if not out and reported and not any(e.cameo.startswith(tuple(tables().named.values())) for e in kept):
        # background ("protested last week's arrest of activists") only where nothing else is told
        out = named(coder, doc, sent_index, sent, mentions)
    # "rao told reporters": the police act replaces the coder's doerless event on the same trigger
    mine = {(e.cameo, e.evidence.trigger.start) for e in out}
    return [e for e in kept if (e.cameo, e.evidence.trigger.start) not in mine
            or e.source is not None and e.source.code] + out


def _referred(coder, doc: Document, sent_index: int, sent, kept: list[Event], mentions, reported: bool):
    """(kept, extra events) for 'he said', 'they fired in the air' where the actor the pronoun refers back
    to is a police officer or force named just before (actors/coref.py takes the police without a country,
    as lower-cased Indian copy names them): the pronoun acts as that police actor does."""
    for tok in sent:
        if tok.lower_ not in REFERRING or tok.pos_ != "PRON" or not tok.dep_.startswith("nsubj") or reported_by(tok):
            continue
        actor = next((m.as_actor() for m in mentions if m.kind == "coref" and m.start == tok.idx and _law(m)), None)
        if actor is None:
            continue
        mine = {id(e) for e in kept if e.source is not None and not e.source.code
                and e.source.start <= tok.idx < max(e.source.end, e.source.start + 1)}
        if mine:
            return [replace(e, source=actor) if id(e) in mine else e for e in kept], []
        extra = _acts(coder, doc, sent_index, sent, sent.doc[tok.i:tok.i + 1], actor, False, mentions, reported)
        if extra:
            return kept, extra
    return kept, []


def _by_officer(doc: Document, sent, kept: list[Event]) -> list[Event]:
    """'mr singh held a meeting with his officers': a doer named by the surname of an officer the article
    introduced with a police title acts as that police officer (police_speech.officers)."""
    if not kept or all(e.source is None or e.source.code for e in kept):
        return kept
    names = officers(doc, sent)
    out = []
    for e in kept:
        words = e.source.text.lower().split() if e.source is not None and not e.source.code else []
        m = names.get(words[-1]) if 0 < len(words) <= 3 else None
        out.append(e if m is None else replace(e, source=replace(
            e.source, code=m.code, country=m.country, sector=m.sector, name=m.name, kind="coref")))
    return out


def _phrasal(sent, ev: Event) -> bool:
    """A trigger inside a phrase ("in police firing", "the people arrested"), not in a clause of its own
    ("said that police murdered", "who was arrested last year"): a clause the coder left out is background
    it chose not to code."""
    tok = root_at(sent.doc, ev.evidence.trigger)
    if tok is None or tok.dep_ == "acl" and any(c.dep_ in ("mark", "nsubj", "nsubj:pass", "aux") for c in tok.children):
        return False
    return tok.dep_ not in ("ccomp", "xcomp", "advcl", "acl:relcl", "parataxis", "conj", "csubj", "ROOT")


def police_acts(events: list[Event]) -> list[Event]:
    """The arrests, crowd control and curfews among `events`, and whatever the police do."""
    return [e for e in events if e.cameo.startswith(implied_acts()) or _law(e.source)]


def _implied(ev: Event) -> Event:
    """'the arrest of bal thackeray', 'a few preventive arrests were made': arrests and crowd control whose
    doer the sentence leaves unsaid are police acts (as the coder already takes agentless arrest verbs)."""
    if not ev.cameo.startswith(implied_acts()) or (ev.source is not None and ev.source.code):
        return ev
    return replace(ev, source=implied_police(ev.evidence.trigger.start))


def _realise(coder, sent, ev: Event) -> Event | None:
    """The event, or for a police act that has not happened: the police's announced intent (coded as the
    lexicon's intent table says: "police will arrest them", "they will be arrested" threaten repression),
    else nothing ("they should be arrested" is a demand, "sent teams to apprehend him" no arrest yet)."""
    if not _unrealised(sent, ev):
        return ev
    if ev.source is not None and ev.source.code and not _law(ev.source):
        return ev  # "he will extend the curfew": someone else's announcement is the coder's to frame
    found, code = coder.lex.embed("intent", ev.cameo)
    tok = root_at(sent.doc, ev.evidence.trigger)
    announced = _law(ev.source) and (ev.source.kind != "implied" or has_aux(tok, FUTURE))
    if not (announced and found and code in coder.lex.codes):
        return None
    info = coder.lex.codes[code]
    evidence = replace(ev.evidence, rule=ev.evidence.rule + " via police:unrealised")
    return replace(ev, cameo=code, cameo_name=info.name, goldstein=info.goldstein, quad_class=info.quad_class,
                   plover=info.plover, plover_mode=info.plover_mode, evidence=evidence)


def _unrealised(sent, ev: Event) -> bool:
    """'should be arrested', 'will arrest', 'difficult to arrest', 'sent teams to apprehend', 'prevent them
    from arresting', 'want him booked': an arrest or crackdown demanded, planned or hoped for has not happened (yet).
    Infinitives under verbs are left to the coder's cue rules ("forced the authorities to impose curfew")."""
    if not ev.cameo.startswith(implied_acts()):
        return False
    tok = root_at(sent.doc, ev.evidence.trigger)
    if tok is None:
        return False
    heads = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("obj", "nsubj:pass") else [tok]
    if any(c.lower_ in MODALS and c.dep_ in ("aux", "aux:pass") for h in heads for c in h.children):
        return True
    if tok.pos_ != "VERB":
        return False
    marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "case")}
    over = (tok.head.head if tok.dep_ == "acl" and tok.head.dep_ == "obj"
            else tok.head if tok.dep_ in ("xcomp", "ccomp") else None)
    if over is not None and "to" not in marks and any(k in tables().asking for k in lemma_keys(over)):
        return True  # "wants him booked", "wants the minister booked" (a participle on the object)
    return bool(marks & {"for", "from"}) or ("to" in marks and (
        tok.dep_.split(":")[0] in ("advcl", "acl") or tok.head.pos_ in ("ADJ", "NOUN")))


def _police_words(sent, mentions):
    """(span, actor, bare) of each law-enforcement actor in the sentence: the resolved mentions, then the
    bare police words the resolver read as mere modifiers ("the police action", "under police escort")."""
    out, taken = [], set()
    for m in mentions:
        if _law(m):
            span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out.append((span, m.as_actor(), False))
                taken.update(range(span.start, span.end))
    for tok in sent:
        if tok.i not in taken and tok.lower_ in tables().modifiers:
            out.append((sent.doc[tok.i:tok.i + 1], Actor(text=tok.text, start=tok.idx, end=tok.idx + len(tok),
                                                         code="COP", sector="COP", kind="agent"), True))
    return out


def _police_phrase(ev: Event, words) -> Event:
    """'her bsf escort guards started pushing back ...', 'the state cid interrogated him': a doer phrase the
    resolver left without a code, headed by or built on a bare police word (`words`), is that police."""
    src = ev.source
    if src is None or src.code or src.end <= src.start:
        return ev
    inside = [a for span, a, bare in words if bare and src.start <= a.start and a.end <= src.end]
    return replace(ev, source=replace(src, code="COP", sector="COP", kind="agent")) if inside else ev


def _acts(coder, doc, sent_index, sent, span, source: Actor, bare: bool, mentions, reported: bool,
          kept=()) -> list[Event]:
    """The first police act a law-enforcement phrase performs in the sentence, as events (or []); `kept`: the
    sentence's events so far."""
    t = tables()
    # "police firing", "police raids": the noun right after the police word names the act
    nxt = next((tok for tok in sent.doc[span.end:span.end + 2] if tok.text not in ("-", "'s")), None)
    if nxt is not None and nxt.pos_ in ("NOUN", "VERB"):
        code = next((t.nominal[k] for k in lemma_keys(nxt) if k in t.nominal), None)
        if code and not coder._negated(nxt):
            return coder._fixed(doc, sent_index, nxt, code, f"police:{code}:police {nxt.lower_}",
                                [(source, None)], CONFIDENCE)
    out = partner(coder, doc, sent_index, sent, span, source, mentions, kept)
    if out:
        return out
    root = span.root
    if root.dep_ == "compound" and root.head.dep_ == "obl:agent" and sent.doc[span.start - 1].lower_ == "by":
        root = root.head  # "detained by police ahead of the rally": the parser made the agent a modifier
    elif bare and root.dep_ in ("compound", "amod") and root.head.lower_ not in t.units:
        return []  # a bare modifier acts only through the noun after it, or the men it names ("police guards")
    head = _climb(root, t)
    gov = head.head
    if head.dep_.split(":")[0] == "nmod" and any(c.dep_ == "case" and c.lower_ == "of" for c in head.children):
        # "the deployment of security personnel", "the presence of paramilitary forces"
        code = next((t.nominal[k] for k in lemma_keys(gov) if k in t.nominal), None)
        if code and not coder._negated(gov):
            return coder._fixed(doc, sent_index, gov, code, f"police:{code}:{gov.lower_} of police",
                                [(source, None)], CONFIDENCE)
    for pred, patient in _predicates(head):
        if coder._negated(pred) or coder._hypothetical(pred, sent.text):
            continue
        keys = set(lemma_keys(pred))
        code = _lookup(pred, keys, t.subject)  # "police posted there": no speech act for the police
        agent = is_passive(pred) and head.dep_ == "obl:agent" and head.head.i == pred.i  # "reports denied by police"
        said = keys & coder.speech or keys & t.statement
        if code is None and (patient is None and not is_passive(pred) or agent) and said:
            if not reported and attribution(pred):
                return []  # "guerrillas wounded two soldiers, police said": the act is the news
            return coder._fixed(doc, sent_index, pred, "010", f"police:010:{pred.lemma_.lower()}",
                                [(source, None)], CONFIDENCE)
        if code is None and patient is None and head.dep_ == "nsubj:pass" and pred.i == head.head.i:
            code = _lookup(pred, keys, t.passive)  # "two companies of the srp were sent to the town"
        if code is None or code not in coder.lex.codes:
            continue
        target_tok = patient if patient is not None else direct_object(pred)
        targets = acted_on(coder, target_tok, mentions)
        return coder._fixed(doc, sent_index, pred, code, f"police:{code}:{pred.lemma_.lower()}",
                            [(source, tgt) for tgt in targets or [None]], CONFIDENCE)
    return []


def _climb(head, t: Tables):
    """From the police word to the phrase that plays the role: "the police, the army and ..." (conjuncts),
    "sangliana, the police commissioner" (appositions), "police chief prabhat singh" (a title before the
    name; not "the police station", a place), "four companies of the bsf" (units)."""
    for _ in range(4):
        gov = head.head
        if gov.i == head.i:
            break
        if head.dep_ in ("conj", "appos") or (head.dep_ == "compound" and gov.lower_ not in t.places) or (
                head.dep_ == "amod" and gov.lower_ in t.units) or (
                head.dep_.split(":")[0] == "nmod" and gov.pos_ == "NOUN"
                                              and gov.lower_ in t.units
                                              and any(c.dep_ == "case" and c.lower_ == "of" for c in head.children)):
            head = gov
        else:
            break
    return head


def _predicates(head):
    """(predicate, patient) pairs the police word does: subject of a verb (and of the verbs conjoined to
    it or under it: "arrived and fired", "had to fire"), by-agent of a passive (the patient is the passive
    subject), source of "according to police"; (pred, None) when the patient is unknown."""
    dep, gov = head.dep_, head.head
    preds: list = []
    if dep in ("nsubj", "csubj") and gov.i != head.i:
        preds = [(gov, None)]
    elif dep == "nsubj:pass" and gov.i != head.i:
        # "police were deployed": deployment verbs mean the same in the passive; "police were asked to
        # act": the embedded act is theirs
        preds = [(gov, None)] + [(c, None) for c in gov.children if c.dep_ == "xcomp"]
    elif gov.i != head.i and gov.pos_ == "VERB" and (dep == "obl:agent" or (
            dep.split(":")[0] in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ == "by" for c in head.children))):
        preds = [(gov, passive_subject(gov) if is_passive(gov) else None)]
    elif dep.split(":")[0] == "obl" and gov.lemma_.lower().endswith("accord"):
        return [(gov, None)]  # "according to police": a police statement
    elif dep == "obl" and gov.pos_ == "VERB" and head.i < gov.i and not any(c.dep_ == "case" for c in head.children):
        preds = [(gov, None)]  # "more than 100 police personnel ... formed a ring": a subject misparsed
    elif any(c.dep_ in ("acl:relcl", "acl") for c in head.children):
        # "the policemen who killed a man", "policemen guarding the temple"
        preds = [(c, None) for c in head.children if c.dep_ == "acl:relcl" and any(
            g.dep_ == "nsubj" and g.lower_ in ("who", "that", "which") for g in c.children)
            or c.dep_ == "acl" and c.tag_ == "VBG"]
    if not preds and dep == "ROOT":  # "police intercepted and ...": a finite verb the parser hung under its subject
        preds = [(c, None) for c in head.children
                 if c.dep_ in ("acl", "acl:relcl", "parataxis") and c.tag_ in ("VBD", "VBZ", "VBP")]
    out = []
    for pred, patient in preds:
        stack = [pred]
        while stack:
            p = stack.pop(0)
            out.append((p, patient))
            stack += [c for c in p.children if c.dep_ == "xcomp" or (
                c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ") and not any(g.dep_.startswith("nsubj") for g in c.children))]
    return out


def _lookup(pred, keys: set, table: dict) -> str | None:
    words = {k for c in pred.children for k in lemma_keys(c)} | {
        k for c in pred.children for g in c.children if g.dep_ in ("case", "compound") for k in lemma_keys(g)}
    for key in keys:
        for second, code in table.get(key, ()):
            if second is None or set(second.split()) <= words:
                return code
    return None
