from __future__ import annotations

import os
import signal
import subprocess
import sys

import duckdb

from eventwire.document import Document
from eventwire.store import Store

SENTENCES = ["Russia accused Ukraine of shelling a border village.", "China praised Brazil for its support.",
             "Iranian police arrested dozens of protesters in Tehran.", "Japan signed a trade agreement with India."]


def corpus(tmp_path, n):
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(n):
        (d / f"doc{i:03d}.txt").write_text(" ".join(SENTENCES[(i + k) % 4] for k in range(3)), encoding="utf-8")
    return d


def ingest_cmd(src, db):
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "--batch-size", "3"]


def test_store_roundtrip(tmp_path):
    from eventwire.pipeline import get_pipeline

    docs = list(get_pipeline().pipe([Document(id=f"d{i}", text=t) for i, t in enumerate(SENTENCES)]))
    with Store(tmp_path / "x.duckdb") as store:
        n = store.add(docs)
        assert store.counts()["documents"] == 4
        assert store.counts()["events"] == n == sum(len(d.events) for d in docs)
        frame = store.events_frame()
        assert list(frame["doc_id"].unique()) == sorted({d.id for d in docs if d.events})


def test_quotes_and_times_are_stored(tmp_path):
    from eventwire.pipeline import get_pipeline

    text = '"We will not give up an inch of our land," the Ukrainian defence minister said on Monday.'
    doc = next(get_pipeline().pipe([Document(id="q", text=text, date="2023-03-08")]))
    with Store(tmp_path / "q.duckdb") as store:
        store.add([doc])
        q = store.con.execute("SELECT kind, speaker_code, content_text FROM quotes").fetchall()
        t = store.con.execute("SELECT text, value FROM times").fetchall()
    assert len(q) == 1 and q[0][0] == "direct" and q[0][2].startswith("We will not give up an inch")
    assert (q[0][1] or "").startswith("UKR")
    assert ("Monday", "2023-03-06") in t


def test_ingest_survives_sigkill_and_resumes(tmp_path):
    src, db = corpus(tmp_path, 30), tmp_path / "events.duckdb"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(ingest_cmd(src, db), stderr=subprocess.PIPE, text=True, env=env)
    commits = 0
    for line in proc.stderr:
        if "committed" in line:
            commits += 1
            if commits == 2:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    con = duckdb.connect(str(db), read_only=True)
    partial = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert 0 < partial < 30
    rerun = subprocess.run(ingest_cmd(src, db), capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (30, 30)
    n_events, distinct = con.execute(
        "SELECT count(*), count(DISTINCT (doc_id, sentence, trigger_start, cameo, source_start, target_start)) FROM events").fetchone()
    con.close()
    # a clean run over the same corpus stores the same number of events
    fresh = tmp_path / "fresh.duckdb"
    subprocess.run(ingest_cmd(src, fresh), check=True, capture_output=True, env=env)
    con = duckdb.connect(str(fresh), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events
    con.close()
    assert n_events == distinct
