"""TABARI/PETRARCH dictionary import and the PETRARCH unit-test runner.

Format tests use small dictionaries written here with invented names; tests on the PETRARCH toy
dictionaries and unit-test records read them from ../shared at run time."""
from __future__ import annotations

import logging

import pytest
from conftest import SHARED, need
from typer.testing import CliRunner

from eventwire.actors.kb import ActorKB, entries_from_tables
from eventwire.actors.petrarch import read_actors, read_agents, read_dictionaries, read_dictionary, to_yaml
from eventwire.cli import app
from eventwire.events.petrarch import build_lexicon, convert_verbs

EVENTDATA = SHARED / "data" / "sources" / "eventdata" / "petrarch2" / "petrarch2" / "data"
TOY = EVENTDATA / "dictionaries"

ACTORS = """<!-- an invented actor dictionary -->
QUORVANIA [QRV]  # a country
+QUORVANIAN
VELT_ASSEMBLY [QRVLEG]
MARO TELLIC   # dated roles on the lines below
+TELLIC
\t[QRV]
\t[QRVGOV 050101-091231]
\t[QRVMIL <041231]
\t[QRVELI >20100101]
BROKEN [QRV
ZANTH_HILLS [ZNT/QRV]
"""

AGENTS = """!CLERK! = CLERK, CLERKS, SCRIBE
HARBOR_WARDEN [~COP]
FERRY {} [~BUS]
GOOSE_HERDER {GEESE_HERDERS} [~AGR]
ARCHIVE!CLERK! [~GOV]
LANTERN_GUILD [GLD~]
NOCODE [GOV]
"""

VERBS = """&COLOURS
+CRIMSON
+AMBER

--- GLIMMER  [042] ---
GLIMMER {GLIMMERED}
- * &COLOURS LIGHTS [051]
- * TOWARD + [052]
- SAID * [053]
- $ * + [054]
- * FOO [---]

--- SPARKLE  [---] ---
SPARKLE
+SPARKLE_UP [061:062]
- * WITHOUT [063]
"""


def _kb(tables) -> ActorKB:
    full = {t: tables.get(t, []) for t in ("countries", "organizations", "institutions", "people", "agents")}
    return ActorKB(list(entries_from_tables(**full)))


def test_actor_dictionary_names_synonyms_codes(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    result = read_actors(path)
    kb = _kb(result.tables)
    by_text = {e.text: e for e in kb.entries}
    assert by_text["Quorvania"].country == "QRV" and by_text["Quorvanian"].country == "QRV"  # synonym
    assert kb.code_for(by_text["Velt Assembly"], None) == "QRVLEG"  # '_' is a space, full code kept
    assert by_text["Velt Assembly"].country == "QRV"
    assert by_text["Zanth Hills"].code == "ZNT/QRV"
    assert "Broken" not in by_text


@pytest.mark.parametrize("date,country,sector", [
    ("2003-06-01", "QRV", "MIL"),   # open range: before 2004-12-31
    ("2005-01-01", "QRV", "GOV"),   # inclusive range start (six-digit TABARI date)
    ("2009-12-31", "QRV", "GOV"),   # inclusive range end
    ("2010-01-01", "QRV", ""),      # the gap: the undated default code
    ("2011-05-05", "QRV", "ELI"),   # open range: after 2010-01-01
])
def test_dated_roles_resolve_by_date(tmp_path, date, country, sector):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    kb = _kb(read_actors(path).tables)
    for text in ("Maro Tellic", "Tellic"):
        entry = next(e for e in kb.entries if e.text == text)
        assert (entry.country_on(date), entry.sector_on(date)) == (country, sector)


def test_malformed_line_is_reported_with_file_and_line_and_skipped(tmp_path, caplog):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        result = read_dictionary(path)
    bad_line = ACTORS.splitlines().index("BROKEN [QRV") + 1
    assert [p.line for p in result.problems] == [bad_line]
    assert f"{path}:{bad_line}:" in caplog.text
    assert any(r["names"][0] == "Zanth Hills" for r in result.tables["organizations"])  # the line after it


def test_agent_dictionary_plurals_macros_and_bad_code(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    result = read_agents(path)
    nouns = {row["sector"]: set(row["nouns"]) for row in result.tables["agents"]}
    assert {"harbor warden", "harbor wardens"} <= nouns["COP"]
    assert nouns["BUS"] == {"ferry"}  # {} means no plural
    assert nouns["AGR"] == {"goose herder", "geese herders"}
    assert {"archiveclerk", "archiveclerks", "archivescribe"} <= nouns["GOV"]
    assert "lantern guild" in nouns["GLD"] and result.notes  # prefix code kept as a sector, noted
    bad_line = AGENTS.splitlines().index("NOCODE [GOV]") + 1  # no '~'
    assert [p.line for p in result.problems] == [bad_line]


def test_verb_dictionary_converts_what_maps_and_counts_the_rest(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    imported = convert_verbs(path)
    pats = imported.patterns
    assert pats["glimmer"] == "042" and pats["glimmered"] == "042"
    assert pats["glimmer lights crimson"] == "051" and pats["glimmer lights amber"] == "051"  # synset, head first
    assert pats["glimmer toward {T}"] == "052"
    assert pats["sparkle up without {T}"] == "063"  # final preposition takes the target
    assert pats["sparkle up"] == "061" and imported.paired["lexicon:061:sparkle up"] == "062"
    assert "sparkle" not in pats  # [---] codes nothing
    assert imported.skipped["words before the verb"] == 1 and imported.skipped["source marker $"] == 1
    assert imported.skipped["null code [---]"] == 1
    lex = build_lexicon(imported)
    assert {p.code for p in lex.verbs["glimmer"]} == {"042", "051", "052"}


def test_actors_txt_merges_over_ours(tmp_path, pipeline):
    from eventwire.actors import ActorResolver
    from eventwire.document import Document

    path = tmp_path / "mine.txt"
    path.write_text(ACTORS, encoding="utf-8")
    merged = ActorKB.load(path)
    assert merged.entries[0].text == "Quorvania"  # user entries come first: they win on clashes
    resolver = ActorResolver(merged, pipeline.nlp)
    text = "The Velt Assembly condemned France."
    doc = Document(id="t", text=text, date="2020-01-01")
    codes = {m.text: m.code for m in resolver(doc, pipeline.nlp(text))}
    assert codes.get("Velt Assembly") == "QRVLEG" and codes.get("France") == "FRA"


def test_import_actors_cli_writes_yaml_that_loads(tmp_path):
    snippet = tmp_path / "mine.txt"
    snippet.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "out.yaml"
    res = CliRunner().invoke(app, ["import-actors", str(snippet), str(agents), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert f"{snippet}:" in res.output  # the bad line, named
    kb = ActorKB.load(out)
    assert any(e.text == "Quorvania" and e.country == "QRV" for e in kb.entries)
    assert any(e.kind == "agent" and e.text == "harbor wardens" and e.sector == "COP" for e in kb.entries)


def test_toy_dictionaries_import_and_roles_resolve():
    need(TOY)
    result = read_dictionaries([TOY / "PETR.Validate.actors.txt", TOY / "PETR.Validate.agents.txt"], report=False)
    assert result.tables["countries"] and result.tables["organizations"] and result.tables["agents"]
    people = result.tables["people"]
    assert people
    kb = _kb(result.tables)
    for row in people:  # each dated role wins on a day inside it unless a later-starting role covers it too
        entry = next(e for e in kb.entries if e.text == row["name"] and e.kind == "person")
        for role in row["roles"][1:]:
            day = role["end"] or role["start"]
            chosen = entry.role_on(day)
            assert chosen is not None and chosen.start >= role["start"]
    assert ActorKB.load(_write(to_yaml(result))).entries


def _write(text: str):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "toy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unit_test_runner_on_a_handful_of_records():
    from eventwire.evaluate.petrarch_units import run

    res = run(need(EVENTDATA / "text" / "PETR.UnitTest.records.xml"), limit=6)
    assert res["records"] == 6
    assert res["passed"] + res["partial"] + res["failed"] == 6
    assert 0.0 <= res["pass_rate"] <= 1.0 and res["events"]["n_gold"] > 0
    assert res["import"]["verb_patterns"] > 0
    assert all(row["expected"] or row["status"] != "partial" for row in res["rows"])
