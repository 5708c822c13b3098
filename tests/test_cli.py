from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import REFERENCE, need
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_help_teaches():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0 and "eventwire code" in res.output
    res = runner.invoke(app, ["code", "--help"])
    assert "--format" in res.output and "--date" in res.output


def test_jsonl_is_one_event_per_line_with_the_contract_fields():
    res = runner.invoke(app, ["code", str(need(REFERENCE)), "--date", "2022-06-16", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert lines
    for ev in lines:
        assert {"doc_id", "sentence", "source", "target", "cameo", "cameo_name", "plover", "plover_mode", "goldstein",
                "quad_class", "date", "confidence", "evidence"} <= set(ev)
        assert {"sentence_text", "trigger", "rule"} <= set(ev["evidence"])
        assert ev["quad_class"] in (1, 2, 3, 4) and 0 <= ev["confidence"] <= 1
        assert isinstance(ev["cameo"], str) and ev["cameo"][:2].isdigit()


def test_json_carries_quotes_and_times():
    res = runner.invoke(app, ["code", str(need(REFERENCE)), "--date", "2022-06-16", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    xi = next(q for q in doc["quotes"] if q["content"]["text"].startswith("China is willing"))
    assert xi["kind"] == "direct" and xi["speaker"]["code"] == "CHNGOV"
    assert {"text": "Wednesday", "value": "2022-06-15"}.items() <= next(
        t for t in doc["times"] if t["text"] == "Wednesday").items()


def test_json_and_csv_and_table():
    text = "Russia accused Ukraine of shelling a village on Monday."
    res = runner.invoke(app, ["code", "-", "--format", "json", "--date", "2023-05-03"], input=text)
    doc = json.loads(res.stdout)
    assert doc["date"] == "2023-05-03" and doc["events"] and doc["mentions"] and "quotes" in doc
    res = runner.invoke(app, ["code", "-", "--format", "csv"], input=text)
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["source_country"] == "RUS"
    res = runner.invoke(app, ["code", "-"], input=text)
    assert res.exit_code == 0 and "Accuse" in res.stdout


def test_bad_date_is_a_clear_error():
    res = runner.invoke(app, ["code", "-", "--date", "16/06/2022"], input="x")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_garbage_directory_codes_the_good_and_names_the_bad(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "good.txt").write_text("France recalled its ambassador from Mali.", encoding="utf-8")
    (d / "binary.dat").write_bytes(bytes(range(256)) * 10)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "huge.txt").write_text("word " * 1_100_000, encoding="utf-8")
    (d / "broken.jsonl").write_text('{"id": "j1", "text": "Iran criticised Israel."}\nnot json\n', encoding="utf-8")
    (d / "latin1.txt").write_bytes("Le Mali a expulsé l'ambassadeur français.".encode("latin-1"))
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", str(d), "--format", "jsonl"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    for name in ("binary.dat", "empty.txt", "huge.txt", "broken.jsonl:2"):
        assert proc.stderr.count(name) == 1, (name, proc.stderr)
    coded = {json.loads(x)["doc_id"] for x in proc.stdout.splitlines()}
    assert {"good.txt", "j1"} <= coded
