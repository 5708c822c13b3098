"""Cold-start time: a fresh Python process that imports eventwire and codes one article.

usage: python benchmarks/first_article.py [--runs 7] [--python PY] [--src DIR] [--article FILE] [--no-bytecode]

Each run is a new interpreter running `import eventwire; eventwire.code(text, date=...)`; the report gives the
median wall time (what a user waits) and the median CPU time of the child (user + system, steadier than wall
on a shared machine), and whether torch got imported. One untimed run first fills the table cache
(~/.cache/eventwire in normal use; here a private temporary directory, so other processes cannot evict it)
and the bytecode cache (a temporary PYTHONPYCACHEPREFIX: an installed package has its .pyc files, even where
PYTHONDONTWRITEBYTECODE is set; --no-bytecode keeps that setting and recompiles eventwire every run).
`--python` picks the interpreter (e.g. a virtualenv without torch), `--src` another checkout's src/ to time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import time
t0 = time.perf_counter()
import sys, eventwire
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
doc = eventwire.code(text, date=sys.argv[2])
t2 = time.perf_counter()
import json
print(json.dumps({"import": t1 - t0, "code": t2 - t1, "events": len(doc.events), "torch": "torch" in sys.modules}))
"""


def one_run(python: str, article: str, date: str, env: dict) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run([python, "-c", CHILD, article, date], env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"the timed process failed:\n{out.stderr}")
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "wall": wall, "cpu": cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--src", help="time the eventwire under this src/ directory instead of the installed one")
    ap.add_argument("--article", default=str(ROOT / "examples" / "blinken-beijing-visit.txt"))
    ap.add_argument("--date", default="2023-06-19")
    ap.add_argument("--no-bytecode", action="store_true", help="leave PYTHONDONTWRITEBYTECODE as it is")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, EVENTWIRE_CACHE=str(Path(tmp) / "cache"))
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pyc")
        if args.src:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.src, env.get("PYTHONPATH")]))
        first = one_run(args.python, args.article, args.date, env)  # fills both caches
        runs = [one_run(args.python, args.article, args.date, env) for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "import", "code")}
    print(f"python {args.python}  src {args.src or 'installed'}  torch imported: {runs[0]['torch']}  "
          f"events: {runs[0]['events']}")
    print(f"first run (empty caches): wall {first['wall']:.2f} s")
    print(f"median of {args.runs}: wall {med['wall']:.2f} s  cpu {med['cpu']:.2f} s  "
          f"(in-process: import eventwire {med['import']:.2f} s, first code() {med['code']:.2f} s)")
    print("walls: " + " ".join(f"{r['wall']:.2f}" for r in runs))


if __name__ == "__main__":
    main()
