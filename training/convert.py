"""Turn the treebanks and entity sets in ../shared/data/nlp into spaCy DocBins.

usage: python training/convert.py SHARED_NLP_DIR OUT_DIR

Writes parse-{train,dev,test}.spacy (EWT + the CC BY parts of GUM: tags, morphs,
lemmas, heads) and ner-{train,dev,test}.spacy (UNER-EWT PER/ORG/LOC, GUM's entity
layer, wikigold, CrossNER politics, Re-DocRED dev+test, re3d without its BBC documents).
Labels are mapped onto PERSON / ORG / LOC; spans we cannot map (MISC, nationalities) are
marked missing, never "O", so the model is not taught that a real entity is no entity.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

NLP = spacy.blank("en")
DOC_SENTS = 10  # sentences per training doc, so the parser learns sentence boundaries
# GUM genres we may ship weights from (CC BY / public domain); whow and fiction are NC.
GUM_OK = ("GUM_news", "GUM_interview", "GUM_bio", "GUM_voyage", "GUM_textbook", "GUM_vlog", "GUM_speech")
NER_MAP = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}


def _space_after(misc: str, joined: bool) -> str:
    parts = [p for p in misc.split("|") if p not in ("_", "SpaceAfter=No")]
    return "|".join(parts + ["SpaceAfter=No"] if joined else parts) or "_"


def conllu_sents(path: Path):
    """Yield (sent_id, doc_id, rows) with multiword-token range lines dropped.

    A range line ("1-2 I'm") carries the spacing of the written word: its parts are written joined
    ("I'm", not "I 'm"), and the last part takes the range's SpaceAfter, so the text of each Doc is
    the treebank's own text and our tokenizer sees what a reader would.
    """
    rows, sid, did, word = [], None, None, None
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if rows:
                yield sid, did, rows
            rows, word = [], None
        elif line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# newdoc id"):
            did = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        else:
            c = line.split("\t")
            if "-" in c[0]:
                first, last = c[0].split("-")
                word = (int(first), int(last), "SpaceAfter=No" in c[9])
                continue
            if "." in c[0]:
                continue
            if word is not None and word[0] <= int(c[0]) <= word[1]:
                c[9] = _space_after(c[9], int(c[0]) < word[1] or word[2])
            rows.append(c)
    if rows:
        yield sid, did, rows


def read_iob(path: Path, word_col=1, tag_col=2, sep="\t"):
    """Return {sent_id or index: [(word, tag)]} from a UNER / CoNLL-style IOB file."""
    out, cur, sid, n = {}, [], None, 0
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        if not line.strip() or line.startswith("-DOCSTART-"):
            if cur:
                out[sid or n] = cur
                n += 1
            cur, sid = [], None
            continue
        c = line.split(sep)
        if len(c) <= max(word_col, tag_col):
            c = line.split()
        cur.append((c[word_col], c[tag_col]))
    if cur:
        out[sid or n] = cur
    return out


def iob_spans(tags, label_map):
    """IOB/BIOES tags -> (start, end, label) with unknown labels returned as 'missing'."""
    spans, start, lab = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        t = t.replace("S-", "B-").replace("E-", "I-")
        kind, _, name = t.partition("-")
        if kind in ("B", "O") or (kind == "I" and name != lab):
            if start is not None:
                spans.append((start, i, lab))
            start, lab = (i, name) if kind in ("B", "I") and name else (None, None)
    return [(s, e, label_map.get(l, "MISSING")) for s, e, l in spans if l and l != "O"]


def set_entities(doc: Doc, spans):
    ents = [Span(doc, s, e, label=l) for s, e, l in spans if l != "MISSING"]
    missing = [Span(doc, s, e) for s, e, l in spans if l == "MISSING"]
    doc.set_ents(ents, default="outside", missing=missing)


def parse_doc(rows_list):
    words, spaces, heads, deps, tags, pos, morphs, lemmas, starts = [], [], [], [], [], [], [], [], []
    for rows in rows_list:
        off = len(words)
        for j, c in enumerate(rows):
            words.append(c[1])
            spaces.append("SpaceAfter=No" not in c[9])
            lemmas.append(c[2] if c[2] != "_" or c[1] == "_" else c[1])
            pos.append(c[3])
            tags.append(c[4])
            morphs.append("" if c[5] == "_" else c[5])
            h = int(c[6])
            heads.append(off + h - 1 if h else off + j)
            deps.append("ROOT" if c[7] == "root" else c[7])
            starts.append(j == 0)
    return Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags,
               pos=pos, morphs=morphs, lemmas=lemmas, sent_starts=starts)


def gum_entities(rows):
    """Named mentions from GUM's Entity= layer: outermost spans whose type we map."""
    gum_map = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
    open_m, spans = {}, []
    for i, c in enumerate(rows):
        m = re.search(r"Entity=([^|]*)", c[9])
        if not m:
            continue
        for tok in re.findall(r"\([^()]*\)?|[^()]+\)", m.group(1)):
            body = tok.strip("()")
            parts = body.split("-")
            if tok.startswith("("):
                if tok.endswith(")"):
                    spans.append((i, i + 1, parts))
                else:
                    open_m[parts[0]] = (i, parts)
            else:
                if parts[0] in open_m:
                    s, p = open_m.pop(parts[0])
                    spans.append((s, i + 1, p))
    out = []
    for s, e, p in spans:
        etype = gum_map.get(p[1] if len(p) > 1 else "")
        ident = p[7] if len(p) > 7 else ""
        named = bool(ident) or any(rows[k][3] == "PROPN" for k in range(s, e))
        if etype and named:
            out.append((s, e, etype))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept, last = [], -1
    for s, e, l in out:
        if s >= last:
            kept.append((s, e, l))
            last = e
    return kept


def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def convert_treebank(path: Path, uner: dict | None, gum: bool):
    parse_db, ner_db = DocBin(store_user_data=False), DocBin(store_user_data=False)
    sents = [(sid, did, rows) for sid, did, rows in conllu_sents(path)]
    if gum:
        sents = [s for s in sents if (s[1] or s[0] or "").startswith(GUM_OK)]
    for group in chunks(sents, DOC_SENTS):
        doc = parse_doc([r for _, _, r in group])
        parse_db.add(doc)
        spans, off, ok = [], 0, True
        for sid, _, rows in group:
            if gum:
                spans += [(s + off, e + off, l) for s, e, l in gum_entities(rows)]
            elif uner is not None:
                tagged = uner.get(sid)
                if tagged is None or len(tagged) != len(rows):
                    ok = False
                    break
                tags = [t if t not in ("B-O", "I-O") else "O" for _, t in tagged]
                spans += [(s + off, e + off, l) for s, e, l in iob_spans(tags, NER_MAP)]
            off += len(rows)
        if ok and (gum or uner is not None):
            ner = Doc(NLP.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
            set_entities(ner, spans)
            ner_db.add(ner)
    return parse_db, ner_db


def convert_flat_ner(path: Path, label_map, sep=None):
    db = DocBin(store_user_data=False)
    sents = list(read_iob(path, word_col=0, tag_col=-1, sep=sep or "\t").values())
    for group in chunks(sents, DOC_SENTS):
        words, spans = [], []
        for s in group:
            spans += [(a + len(words), b + len(words), l) for a, b, l in iob_spans([t for _, t in s], label_map)]
            words += [w for w, _ in s]
        doc = Doc(NLP.vocab, words=words)
        set_entities(doc, spans)
        db.add(doc)
    return db


def _kb_words():
    """Demonyms/adjectives, countries and titles from our actor knowledge base (the gazetteer)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from eventwire.actors.kb import ActorKB

    kinds: dict[str, set] = {"adjective": set(), "country": set(), "title": set()}
    for e in ActorKB.load().entries:
        kind = "adjective" if e.kind == "demonym" else e.kind
        if kind in kinds:
            kinds[kind].add(e.text.lower())
    kinds["title"] = {w for t in kinds["title"] for w in t.split()} - NAME_GLUE  # "foreign", "minister", ...
    return kinds


DEMONYM_END = re.compile(r"(an|ese|ish|ic|ch)$")  # -i demonyms (Iraqi, Saudi) come from the KB


def redocred_label(words, kb) -> str:
    """Re-DocRED tags demonyms ("German", "Barbadian") as LOC; UNER leaves them O and we have no NORP."""
    text = " ".join(words)
    if text.lower() in kb["adjective"]:
        return "MISSING"
    if len(words) == 1 and text[:1].isupper() and text.lower() not in kb["country"] and DEMONYM_END.search(text):
        return "MISSING"  # e.g. "Transylvanian": losing a few real places is cheaper than teaching adjectives as LOC
    return "LOC"


def flat_spans(spans):
    """Drop duplicate spans and resolve overlaps: typed spans before missing ones, longest first."""
    out = []
    for s, e, l in sorted(set(spans), key=lambda x: (x[2] == "MISSING", -(x[1] - x[0]), x[0])):
        if all(e <= s2 or s >= e2 for s2, e2, _ in out):
            out.append((s, e, l))
    return sorted(out)


def convert_redocred(path: Path, kb):
    """One Doc per sentence of the Re-DocRED documents (Wikipedia intros), spans from `vertexSet`."""
    types = {"PER": "PERSON", "ORG": "ORG", "MISC": "MISSING"}  # TIME / NUM are not names: O
    db = DocBin(store_user_data=False)
    for doc in json.load(gzip.open(path, "rt", encoding="utf-8")):
        per_sent = [[] for _ in doc["sents"]]
        for entity in doc["vertexSet"]:
            for m in entity:
                s, e = m["pos"]
                if e - s > 1 and doc["sents"][m["sent_id"]][s] in ("the", "The"):
                    s += 1  # UNER leaves the article out of the name: "the [United States]"
                words = doc["sents"][m["sent_id"]][s:e]
                label = redocred_label(words, kb) if m["type"] == "LOC" else types.get(m["type"])
                if label:
                    per_sent[m["sent_id"]].append((s, e, label))
        for words, spans in zip(doc["sents"], per_sent):
            sdoc = Doc(NLP.vocab, words=words)
            set_entities(sdoc, flat_spans(spans))
            db.add(sdoc)
    return db


RE3D_MAP = {"Person": "PERSON", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISSING",
            "DocumentReference": "MISSING"}  # Temporal, Quantity, Money, Weapon, MilitaryPlatform: O
NAME_GLUE = {"of", "the", "and", "for", "de", "al", "al-", "el", "bin", "ibn", "'s", "-", "&"}


def re3d_span(words, s, e, label, kb):
    """re3d also tags non-named mentions ("coalition forces", "the camp", "President of the United States").
    Keep a span as a name only if it is one (leading determiner trimmed); otherwise mark it missing."""
    start = s
    while s < e - 1 and words[s].lower() in ("the", "a", "an"):
        s += 1
    if label == "PERSON":  # "Foreign Secretary Boris Johnson" -> "Boris Johnson", as UNER marks it
        while s < e and (words[s].lower() in kb["title"] or words[s].lower() in kb["adjective"]):
            s += 1
    span = words[s:e]
    named = bool(span) and span[0][:1].isupper() and span[-1][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in NAME_GLUE for w in span)
    titled = any(w.lower() in kb["title"] for w in span) or (label == "PERSON" and "of" in span)
    if label == "MISSING" or not named or titled:
        return start, e, "MISSING"
    if " ".join(span).lower() in kb["country"]:
        label = "LOC"  # re3d tags countries acting as governments ORG; UNER keeps them LOC
    return s, e, label


def convert_re3d(folder: Path, kb):
    """re3d (Syria/Iraq conflict documents), one Doc per sentence, BBC documents (CC BY-NC) left out."""
    db = DocBin(store_user_data=False)
    for src in sorted(folder.iterdir()):
        if not src.is_dir() or src.name == "BBC_Online":
            continue
        for f in sorted(src.glob("*.conll")):
            for sent in read_iob(f, word_col=0, tag_col=-1).values():
                words = [w for w, _ in sent]
                # identity map: iob_spans turns the unlisted types (Temporal, Weapon, ...) into MISSING; drop them
                raw = iob_spans([t for _, t in sent], {k: k for k in RE3D_MAP})
                spans = [re3d_span(words, s, e, RE3D_MAP[l], kb) for s, e, l in raw if l in RE3D_MAP]
                sdoc = Doc(NLP.vocab, words=words)
                set_entities(sdoc, flat_spans(spans))
                db.add(sdoc)
    return db


def merge(*dbs):
    out = DocBin(store_user_data=False)
    for db in dbs:
        for doc in db.get_docs(NLP.vocab):
            out.add(doc)
    return out


def main(src: str, out: str):
    src, outp = Path(src), Path(out)
    outp.mkdir(parents=True, exist_ok=True)
    ewt, gum, uner = src / "UD_English-EWT", src / "UD_English-GUM", src / "UNER_English-EWT"
    splits = {
        "train": (ewt / "en_ewt-ud-train.conllu", uner / "en_ewt-ud-train.DRAFT-0c7ce0d.iob2",
                  gum / "en_gum-ud-train.partial-no-reddit.conllu"),
        "dev": (ewt / "en_ewt-ud-dev.conllu", uner / "en_ewt-ud-dev.iob2", gum / "en_gum-ud-dev.conllu"),
        "test": (ewt / "en_ewt-ud-test.conllu", uner / "en_ewt-ud-test.iob2", None),
    }
    cross = {"politician": "PERSON", "person": "PERSON", "organisation": "ORG", "politicalparty": "ORG",
             "country": "LOC", "location": "LOC", "misc": "MISSING"}
    wiki = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISSING"}
    for name, (ewt_f, uner_f, gum_f) in splits.items():
        uner_map = {k: [(w, t) for w, t in v] for k, v in read_iob(uner_f).items()}
        p_ewt, n_ewt = convert_treebank(ewt_f, uner_map, gum=False)
        parts_p, parts_n = [p_ewt], [n_ewt]
        if gum_f is not None:
            p_gum, n_gum = convert_treebank(gum_f, None, gum=True)
            parts_p.append(p_gum)
            if name == "train":
                parts_n.append(n_gum)
        if name == "train":
            parts_n.append(convert_flat_ner(src / "wikigold" / "wikigold.conll.txt", wiki, sep=" "))
            for f in ("train.txt", "dev.txt", "test.txt"):
                parts_n.append(convert_flat_ner(src / "CrossNER_politics" / f, cross))
            kb = _kb_words()
            for f in ("dev_revised.json.gz", "test_revised.json.gz"):  # the MIT-licensed revised DocRED
                parts_n.append(convert_redocred(src / "Re-DocRED" / f, kb))
            parts_n.append(convert_re3d(src / "re3d" / "conll_juand-r" / "by_source", kb))
        merge(*parts_p).to_disk(outp / f"parse-{name}.spacy")
        merge(*parts_n).to_disk(outp / f"ner-{name}.spacy")
        print(name, "parse docs", sum(len(d) for d in parts_p), "ner docs", sum(len(d) for d in parts_n))


if __name__ == "__main__":
    main(*sys.argv[1:3])
