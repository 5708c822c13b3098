"""PETRARCH's unit-test records as a regression suite for eventwire.

Each record's sentence text (not its gold parse) is coded by eventwire with ONLY the toy
dictionaries named in the file's <Environment> (actors + agents through actors/petrarch.py, verbs
through events/petrarch.py, discards as PETRARCH uses them) and compared with its expected
(source, target, event) triples. As PETRARCH's validator counts, a record passes when every
expected event is produced and nothing else; `noevents` and `error` records expect no events.

    python -m eventwire.evaluate.petrarch_units [RECORDS.xml] [--limit N] [--all] [--show N]

Without a path the file is found under ../shared/data/sources/eventdata (petrarch2 copy).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Actor, Document
from . import Tally

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "data" / "sources" / "eventdata"
NULL = "---"


@dataclass
class Record:
    id: str
    category: str
    date: str | None
    text: str
    expected: set = field(default_factory=set)  # {(source, target, code)}
    require_dyad: bool = True  # PETRARCH's <Config option="require_dyad">: drop events with a null side


def find_records(base: Path = SHARED) -> Path:
    hits = sorted(base.rglob("PETR.UnitTest.records.xml"))
    if not hits:
        raise FileNotFoundError(f"no PETR.UnitTest.records.xml under {base}")
    return hits[0]


def read_records(path: Path) -> tuple[list[Record], dict]:
    """The records and the <Environment> (dictionary file names, included categories)."""
    root = ET.parse(path).getroot()
    environment = root.find("Environment")
    env = {c.tag: (c.text or "").strip() for c in (environment if environment is not None else [])}
    records, require_dyad = [], True
    for s in root.iter():
        if s.tag == "Config" and s.get("option") == "require_dyad":
            require_dyad = (s.get("value") or "").strip().lower() == "true"  # holds for the records after it
        if s.tag != "Sentence":
            continue
        raw = s.get("date") or ""
        date = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if re.fullmatch(r"\d{8}", raw) else None
        rec = Record(s.get("id", "?"), s.get("category", "?"), date, " ".join((s.findtext("Text") or "").split()),
                     require_dyad=require_dyad)
        for ev in s.findall("EventCoding"):
            if ev.get("sourcecode") is not None:
                rec.expected.add((ev.get("sourcecode"), ev.get("targetcode") or NULL, ev.get("eventcode")))
        records.append(rec)
    return records, env


def dictionary(path: Path, name: str) -> Path:
    """A dictionary named in <Environment>: beside the records or in ../dictionaries."""
    for cand in (path.parent / name, path.parent.parent / "dictionaries" / name):
        if cand.exists():
            return cand
    raise FileNotFoundError(f"{name} (named in {path.name}) not found beside it or in ../dictionaries")


def read_discards(path: Path) -> list[re.Pattern]:
    """PETRARCH discard phrases ('+' marks story-level ones; one record is one story here)."""
    from ..actors.petrarch import clean_lines

    out = []
    for _, line in clean_lines(path.read_text(encoding="utf-8", errors="replace")):
        phrase = line.strip().lstrip("+").strip().replace("_", " ")
        if phrase:
            out.append(re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", re.I))
    return out


def toy_pipeline(records_path: Path, env: dict, model: str | None = None):
    """A Pipeline whose KB and lexicon come from the toy dictionaries alone (no classifier)."""
    from ..actors.kb import ActorKB, entries_from_tables
    from ..actors.petrarch import read_dictionaries
    from ..events.petrarch import build_lexicon, convert_verbs
    from ..pipeline import Pipeline

    actors = read_dictionaries([dictionary(records_path, env["Actorfile"]), dictionary(records_path, env["Agentfile"])],
                               report=False)
    tables = {t: actors.tables.get(t, []) for t in ("countries", "organizations", "institutions", "people", "agents")}
    verbs = convert_verbs(dictionary(records_path, env["Verbfile"]))
    pipe = Pipeline(model, actors=ActorKB(list(entries_from_tables(**tables))), lexicon=build_lexicon(verbs),
                    classifier="none")
    return pipe, actors, verbs


def actor_codes(actor: Actor | None) -> list[str]:
    """PETRARCH's spelling of an actor: '---' when unknown, '---GOV' for a sector without a country,
    and one code per part of a compound code ('FRO/BIL/SAM')."""
    if actor is None or not actor.code:
        return [NULL]
    if not actor.country and actor.sector and actor.code == actor.sector:
        return [NULL + actor.code]
    return actor.code.split("/")


def predicted(doc: Document, paired: dict[str, str], require_dyad: bool = True) -> set:
    out = set()
    for ev in doc.events:
        for s in actor_codes(ev.source):
            for t in actor_codes(ev.target):
                out.add((s, t, ev.cameo))
                second = paired.get(ev.evidence.rule)
                if second:  # PETRARCH's paired code: the reverse event, target -> source
                    out.add((t, s, second))
    return {e for e in out if not (require_dyad and NULL in e[:2])}


def failure_kind(gold: set, pred: set) -> str:
    if not gold:
        return "events where none expected"
    if not pred:
        return "no event coded"
    dyads = {(s, t) for s, t, _ in pred}
    if any((s, t) in dyads for s, t, _ in gold - pred):
        return "right actors, wrong event code"
    codes = {c for _, _, c in pred}
    if any(c in codes for _, _, c in gold - pred):
        return "right event code, wrong or missing actor"
    return "missing events" if gold - pred and not (pred - gold) else "other mismatch"


def run(path: str | Path | None = None, limit: int | None = None, include_all: bool = False,
        model: str | None = None, ids: set[str] | None = None) -> dict:
    path = Path(path) if path else find_records()
    records, env = read_records(path)
    included = set((env.get("Include") or "").split())
    if included and not include_all:  # PETRARCH's validator codes only the <Include> categories
        records = [r for r in records if r.category in included]
    if ids:
        records = [r for r in records if r.id in ids]
    records = records[:limit] if limit else records
    pipe, actors, verbs = toy_pipeline(path, env, model)
    discards = read_discards(dictionary(path, env["Discardfile"])) if env.get("Discardfile") else []
    docs = pipe.pipe(Document(id=f"{n}:{r.id}", text=r.text, date=r.date) for n, r in enumerate(records))
    tally, counts, kinds, by_cat, rows = Tally(), Counter(), Counter(), {}, []
    for rec, doc in zip(records, docs):
        discarded = doc.errors or any(d.search(rec.text) for d in discards)
        pred = set() if discarded else predicted(doc, verbs.paired, rec.require_dyad)
        tally.sets(rec.expected, pred)
        status = "passed" if pred == rec.expected else "partial" if rec.expected & pred else "failed"
        counts[status] += 1
        cat = by_cat.setdefault(rec.category, Counter())
        cat["records"] += 1
        cat[status] += 1
        if status != "passed":
            kinds[failure_kind(rec.expected, pred)] += 1
        rows.append({"id": rec.id, "status": status, "expected": sorted(rec.expected), "coded": sorted(pred)})
    n = len(records)
    return {
        "records": n, "passed": counts["passed"], "partial": counts["partial"], "failed": counts["failed"],
        "pass_rate": round(counts["passed"] / n, 3) if n else 0.0,
        "events": tally.result(),
        "failure_kinds": dict(kinds.most_common()),
        "by_category": {c: dict(v) for c, v in sorted(by_cat.items())},
        "import": {"actor_rows": {t: len(r) for t, r in actors.tables.items()}, "actor_problems": len(actors.problems),
                   "verb_patterns": len(verbs.patterns), "verb_entries_skipped": sum(verbs.skipped.values())},
        "rows": rows,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", nargs="?", help="PETR.UnitTest.records.xml (default: found under ../shared)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--all", action="store_true", help="also code categories outside <Include>")
    ap.add_argument("--show", type=int, default=0, help="print the first N records that did not pass")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.records, args.limit, args.all)
    rows = res.pop("rows")
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    ev = res["events"]
    print(f"records {res['records']}  passed {res['passed']} ({res['pass_rate']:.1%})  partial {res['partial']}  "
          f"failed {res['failed']}")
    print(f"events  P {ev['P']:.3f}  R {ev['R']:.3f}  F1 {ev['F1']:.3f}  (n_gold {ev['n_gold']})")
    print("not passed, by kind: " + ", ".join(f"{k} {v}" for k, v in res["failure_kinds"].items()))
    for cat, c in res["by_category"].items():
        print(f"  {cat:10} {c.get('passed', 0):3d} / {c['records']:3d} passed, {c.get('partial', 0)} partial")
    for row in [r for r in rows if r["status"] != "passed"][:args.show]:
        print(f"{row['id']}: {row['status']}  expected {row['expected']}  coded {row['coded']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
