from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
REFERENCE = SHARED / "examples" / "xi-putin-call.txt"
GOLD = SHARED / "data" / "events"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (tests read ../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def reference_doc(pipeline):
    from eventwire.document import Document

    text = need(REFERENCE).read_text(encoding="utf-8")
    return pipeline(Document(id="xi-putin-call.txt", text=text, date="2022-06-16"))
