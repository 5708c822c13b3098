"""The `eventwire` command: code articles, evaluate against gold data, build a DuckDB corpus."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True, help=(
    "eventwire codes news text into political event data (CAMEO / PLOVER): who did what to whom, "
    "when and where, with the evidence for every event.\n\n"
    "Examples:\n\n"
    "  eventwire code examples/wang-blinken-call.txt --date 2023-06-18\n\n"
    "  eventwire code articles/ --format jsonl > events.jsonl\n\n"
    "  eventwire eval ../shared/data/events/petr2-gsr.jsonl\n\n"
    "  eventwire ingest articles/ --db events.duckdb"))
err = Console(stderr=True, soft_wrap=True)  # one line per message: logs and tests grep them


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


def _check_date(date: Optional[str]) -> Optional[str]:
    if date is None:
        return None
    from datetime import date as _date

    try:
        return _date.fromisoformat(date).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{date!r} is not a date in YYYY-MM-DD form") from None


def _documents(path: str, date: Optional[str], failures: list):
    from .ingest import IngestError, read

    for item in read(path):
        if isinstance(item, IngestError):
            failures.append(str(item))
            err.print(f"[red]eventwire: skipped {item.name}[/red]: {item.message}")
            continue
        if date and not item.date:
            item.date = date
        yield item


@app.command()
def code(
    path: str = typer.Argument(..., help="A .txt/.html/.jsonl file, a directory of them, or - for stdin. "
                                           'JSONL lines are {"id", "text", "date"?, "title"?, "url"?}.'),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for documents that carry none; "
                                                            "it dates events and picks who held which office."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table (readable), jsonl (one event per line), "
                                                                     "json (one object per document), csv (one event per row)."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="Your own actor YAML, merged over ours (see docs/actors.md)."),
    model: Optional[Path] = typer.Option(None, "--model", help="A different spaCy pipeline directory."),
):
    """Code articles into events. Exit code 1 when any document could not be read or coded."""
    from .formats import csv_header, csv_lines, document_record, event_record, render_table
    from .pipeline import get_pipeline

    date = _check_date(date)
    pipeline = get_pipeline(str(model) if model else None, str(actors) if actors else None)
    failures: list[str] = []
    out = Console(soft_wrap=True)
    if fmt is Format.csv:
        sys.stdout.write(csv_header())
    for doc in pipeline.pipe(_documents(path, date, failures)):
        if doc.errors:
            failures.append(doc.id)
            err.print(f"[red]eventwire: could not code {doc.id}[/red]: {'; '.join(doc.errors)}")
            continue
        if fmt is Format.table:
            render_table(doc, out)
        elif fmt is Format.jsonl:
            for ev in doc.events:
                sys.stdout.write(json.dumps(event_record(doc, ev), ensure_ascii=False) + "\n")
        elif fmt is Format.json:
            sys.stdout.write(json.dumps(document_record(doc), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(csv_lines(doc))
    if failures:
        err.print(f"eventwire: {len(failures)} document(s) failed")
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., exists=True, help='An "eventgold v1" JSONL file (events), the PolNeAR data '
                                                     "folder (quotes), a TimeML folder (times) or GWN.xml / TR-News.xml (places)."),
    per_set: bool = typer.Option(False, "--per-set", help="Also score each value of the gold 'set' field separately."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write the coded events (JSONL) here."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    classifier: Optional[str] = typer.Option(None, "--classifier", help="Sentence classifier directory, or 'none' "
                                                                      "to score the lexicon alone (default: the shipped one)."),
    split: str = typer.Option("dev", "--split", help="PolNeAR split to score (dev or train)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N documents (quotes, times, places)."),
    reliability: bool = typer.Option(False, "--reliability", help="Events: also print a reliability table of confidences."),
):
    """Score eventwire against gold data and print precision / recall / F1 (or accuracy) per field.

    The kind of gold data is recognised from the path: events, quotes, times or places."""
    from .evaluate import kind_of

    kind = kind_of(gold)
    if kind is None:
        raise typer.BadParameter(f"{gold} is not gold data eventwire knows (eventgold JSONL, PolNeAR, TimeML, "
                                 "GeoWebNews or TR-News)")
    if kind == "events":
        results = _eval_events(gold, per_set, predictions, classifier, reliability)
    else:
        from importlib import import_module

        from .pipeline import get_pipeline

        module = import_module(f".evaluate.{kind}", __package__)
        results = {"all": module.run(gold, get_pipeline(classifier=classifier), split=split, limit=limit)}
    if as_json:
        print(json.dumps(results if per_set else results["all"], indent=1))
        return
    for name, res in results.items():
        print(f"== {gold.name} ({kind}) [{name}]")
        print(f"{'metric':42} {'P':>6} {'R':>6} {'F1':>6} {'n_gold':>7}")
        for k, v in res.items():
            if isinstance(v, dict) and "F1" in v:
                print(f"{k:42} {v['P']:6.3f} {v['R']:6.3f} {v['F1']:6.3f} {v['n_gold']:7d}")
            elif isinstance(v, dict) and "accuracy" in v:
                print(f"{k:42} accuracy {v['accuracy']:.3f} of {v['n']}")
            elif isinstance(v, dict) and "bins" in v:
                print(f"{k}: {v['events']} events, expected calibration error {v['ece']}")
                for b in v["bins"]:
                    print(f"  confidence {b['bin']}: {b['n']:5d} events, mean confidence {b['confidence']:.3f}, "
                          f"right {b['right']:.3f}")
            elif isinstance(v, dict) and "rate" in v:
                print(f"{k:42} {v['with_events']} of {v['docs']} no-event docs got events (rate {v['rate']:.3f})")
            elif not isinstance(v, dict):
                print(f"{k:42} {v}")


def _eval_events(gold: Path, per_set: bool, predictions: Optional[Path], classifier: Optional[str],
                 reliability: bool = False) -> dict:
    from .evaluate import code_rows, score
    from .pipeline import get_pipeline

    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = get_pipeline(classifier=classifier)
    preds = code_rows(rows, pipeline)  # rows of one article ("doc") are coded together
    if predictions:
        predictions.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    groups = {"all": rows}
    if per_set:
        for r in rows:
            groups.setdefault(r.get("set") or "?", []).append(r)
    results = {name: score(group, preds) for name, group in groups.items()}
    if reliability:
        from .evaluate.reliability import judged, table

        for name, group in groups.items():
            results[name]["reliability"] = table(judged(group, preds))
    return results


def _commit(store, batch, bar, task, n_docs, n_events):
    n_events += store.add(batch)
    n_docs += len(batch)
    bar.update(task, advance=len(batch))
    if not err.is_terminal:  # logs and tests follow commits line by line
        err.print(f"eventwire: committed {n_docs} documents, {n_events} events")
    return n_docs, n_events


@app.command()
def ingest(
    path: str = typer.Argument(..., help="A file, a directory or - (stdin) of articles, as for `code`."),
    db: Path = typer.Option(..., "--db", help="DuckDB file to create or extend."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for documents that carry none."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per transaction."),
):
    """Code a corpus into DuckDB. Resumable: a re-run skips stored documents and never duplicates events."""
    from rich.progress import Progress

    from .pipeline import get_pipeline
    from .store import Store

    date = _check_date(date)
    failures: list[str] = []
    with Store(db) as store:
        done = store.stored_ids()
        pipeline = get_pipeline()
        todo = (d for d in _documents(path, date, failures) if d.id not in done)
        batch, n_docs, n_events = [], 0, 0
        with Progress(console=err, transient=False) as bar:
            task = bar.add_task("coding", total=None)
            for doc in pipeline.pipe(todo, batch_size=batch_size):
                if doc.errors:
                    failures.append(doc.id)
                    err.print(f"[red]eventwire: could not code {doc.id}[/red]: {'; '.join(doc.errors)}")
                batch.append(doc)
                if len(batch) >= batch_size:
                    n_docs, n_events = _commit(store, batch, bar, task, n_docs, n_events)
                    batch = []
            if batch:
                n_docs, n_events = _commit(store, batch, bar, task, n_docs, n_events)
        err.print(f"eventwire: stored {n_docs} new documents and {n_events} events in {db} "
                  f"({len(done)} were already there)")
    if failures:
        raise typer.Exit(1)


@app.command("import-actors")
def import_actors(
    dictionaries: list[Path] = typer.Argument(..., exists=True, dir_okay=False,
                                              help="TABARI/PETRARCH actor and/or agent dictionaries (.txt)."),
    output: Path = typer.Option(..., "-o", "--output", help="The actor YAML to write (use it with --actors)."),
):
    """Convert TABARI/PETRARCH actor and agent dictionaries into our actor YAML (docs/petrarch.md).
    A malformed line is reported as FILE:LINE and skipped."""
    from .actors.petrarch import read_dictionaries, to_yaml

    result = read_dictionaries(dictionaries, report=False)
    for problem in result.problems:
        err.print(f"eventwire: {problem}", markup=False, highlight=False)
    output.write_text(to_yaml(result), encoding="utf-8")
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in result.tables.items() if rows)
    notes = "".join(f"; {n} {what}" for what, n in result.notes.items())
    err.print(f"eventwire: wrote {output}: {counts}; {len(result.problems)} line(s) skipped{notes}",
              markup=False, highlight=False)


if __name__ == "__main__":
    app()
