"""Time of each stage of `eventwire code` over the conflibert-news-dev sentences and the reference article.

usage: python benchmarks/code_speed.py [--shared ../shared]
Reports parse time alone and what actors, events, times, quotes and places add on top of it.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.clean import clean
from eventwire.document import Document
from eventwire.parse import sentences_of
from eventwire.pipeline import get_pipeline
from eventwire.places import find_places, locate_events
from eventwire.quotes import attribute, find_quotes
from eventwire.timex import find_times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    rows = [json.loads(x) for x in (shared / "data/events/conflibert-news-dev.jsonl").read_text().splitlines()]
    docs = [Document(id=r["id"], text=r["text"]) for r in rows]
    ref = (shared / "examples/xi-putin-call.txt").read_text(encoding="utf-8")
    docs += [Document(id=f"ref{i}", text=ref, date="2022-06-16") for i in range(20)]
    p = get_pipeline()
    docs = [clean(d) for d in docs]
    t0 = time.perf_counter()
    parsed = list(p.nlp.pipe([d.text for d in docs], batch_size=64))
    t_parse = time.perf_counter() - t0
    t = {"actors": 0.0, "events": 0.0, "times": 0.0, "quotes": 0.0, "places": 0.0}
    for d, s in zip(docs, parsed):
        d.sentences = sentences_of(s)
        a = time.perf_counter()
        d.mentions = p.resolver(d, s)
        b = time.perf_counter()
        d.events = p.coder(d, s)
        c = time.perf_counter()
        d.times = find_times(d.text, d.date)
        e = time.perf_counter()
        d.quotes = find_quotes(d, s, p.coder.speech)
        attribute(d)
        f = time.perf_counter()
        d.places = find_places(d, s, p.gazetteer)
        locate_events(d, s)
        g = time.perf_counter()
        t["actors"] += b - a
        t["events"] += c - b
        t["times"] += e - c
        t["quotes"] += f - e
        t["places"] += g - f
    words = sum(len(s) for s in parsed)
    print(f"{len(docs)} docs, {words} tokens, parse {t_parse:.2f}s ({words / t_parse:,.0f} tokens/s)")
    for k, v in t.items():
        print(f"{k:13} +{v:.3f}s  ({100 * v / t_parse:.1f}% of parse)")
    total = t_parse + sum(t.values())
    extra = t["times"] + t["quotes"] + t["places"]
    print(f"total {total:.2f}s, {len(docs) / total:.1f} docs/s; quotes+times+places add "
          f"{100 * extra / (total - extra):.1f}% to the rest of `code`")


if __name__ == "__main__":
    main()
