"""store: a DuckDB database of documents, events and actor mentions (schema in schema.sql / docs/store.md).

Entry point: `Store(path)`; `store.add(docs)` writes one batch in one transaction, so a killed run
leaves whole documents only and a re-run (which skips stored ids) never duplicates an event.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import duckdb

from ..document import Document

SCHEMA = Path(__file__).with_name("schema.sql")


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA.read_text(encoding="utf-8"))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def stored_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM documents").fetchall()}

    def add(self, docs: Iterable[Document]) -> int:
        docs = list(docs)
        rows_d, rows_e, rows_m, rows_q, rows_t, rows_p = [], [], [], [], [], []
        for d in docs:
            err = "; ".join(d.errors) or None
            rows_d.append((d.id, d.title, d.url, d.source, d.date, d.language, None if err else d.text,
                           len(d.sentences), len(d.events), err))
            for n, ev in enumerate(d.events):
                s, t, tr = ev.source, ev.target, ev.evidence.trigger
                rows_e.append((f"{d.id}#{n}", d.id, ev.evidence.sentence, ev.date,
                               *(_actor(s)), *(_actor(t)), ev.cameo, ev.cameo_name, ev.root, ev.plover,
                               ev.plover_mode, ev.goldstein, ev.quad_class, ev.confidence,
                               tr.text, tr.start, tr.end, ev.evidence.rule, ev.evidence.sentence_text))
            for n, m in enumerate(d.mentions):
                rows_m.append((d.id, n, m.sentence, m.text, m.start, m.end, m.code, m.country, m.sector,
                               m.name, m.kind, m.resolved))
            for n, q in enumerate(d.quotes):
                spk, cue, c = q.speaker, q.cue, q.content
                rows_q.append((d.id, n, q.sentence, q.kind, *(_actor(spk)[:3]), spk.code if spk else None,
                               *((cue.text, cue.start, cue.end) if cue else (None,) * 3),
                               c.text, c.start, c.end, q.reported_by))
            for n, t in enumerate(d.times):
                rows_t.append((d.id, n, t.text, t.start, t.end, t.type, t.value))
            for n, p in enumerate(d.places):
                rows_p.append((d.id, n, p.sentence, p.text, p.start, p.end, p.geonameid, p.name, p.country, p.lat, p.lon))
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if rows_d:
                con.executemany("INSERT INTO documents (id, title, url, source, date, language, text, n_sentences, "
                                "n_events, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows_d)
            if rows_e:
                con.executemany(f"INSERT INTO events VALUES ({', '.join(['?'] * len(rows_e[0]))})", rows_e)
            for table, rows in (("mentions", rows_m), ("quotes", rows_q), ("times", rows_t),
                                ("places", rows_p)):
                if rows:
                    con.executemany(f"INSERT INTO {table} VALUES ({', '.join(['?'] * len(rows[0]))})", rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(rows_e)

    def events_frame(self):
        return self.con.execute("SELECT * FROM events ORDER BY doc_id, event_id").df()

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "mentions", "quotes", "times", "places")}


def _actor(a) -> tuple:
    if a is None:
        return (None,) * 6
    return (a.text, a.start, a.end, a.code, a.country, a.sector)
