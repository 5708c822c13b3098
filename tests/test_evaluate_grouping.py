"""Gold rows of one article ("doc") are coded as that article and their events handed back per row."""
from __future__ import annotations

from eventwire.document import Document
from eventwire.evaluate import code_rows

ARTICLE = ["the police reached the village late at night.",
           "two youths were killed in police firing near the bus stand.",
           "in total, 17 people have been detained over the clashes."]


def rows_of(texts, doc=7):
    return [{"id": f"X-{doc}-{i}", "doc": doc, "text": t, "date": "2002-03-01"} for i, t in enumerate(texts)]


def coded(pipeline, text):
    return {(e.cameo, e.evidence.trigger.text) for e in pipeline(Document(id="t", text=text, date="2002-03-01")).events}


def test_each_event_goes_to_the_row_that_holds_its_trigger(pipeline):
    rows = rows_of(ARTICLE)
    preds = code_rows(rows, pipeline)
    assert preds and {p["doc_id"] for p in preds} <= {r["id"] for r in rows}
    by_id = {r["id"]: r["text"] for r in rows}
    for p in preds:
        assert p["evidence"]["trigger"]["text"] in by_id[p["doc_id"]]
        assert p["evidence"]["sentence_text"] in by_id[p["doc_id"]]
    # sentences that need no context code as they do alone
    for r in rows:
        alone = coded(pipeline, r["text"])
        together = {(p["cameo"], p["evidence"]["trigger"]["text"]) for p in preds if p["doc_id"] == r["id"]}
        assert together == alone, r["text"]


def test_rows_without_an_article_id_are_coded_one_by_one(pipeline):
    rows = [{"id": f"S{i}", "text": t, "date": "2002-03-01"} for i, t in enumerate(ARTICLE)]
    preds = code_rows(rows, pipeline)
    for r in rows:
        assert {(p["cameo"], p["evidence"]["trigger"]["start"]) for p in preds if p["doc_id"] == r["id"]} == {
            (e.cameo, e.evidence.trigger.start) for e in pipeline(Document(id="t", text=r["text"],
                                                                          date="2002-03-01")).events}


def test_two_articles_stay_apart(pipeline):
    rows = rows_of(ARTICLE[:1], doc=1) + rows_of(ARTICLE[1:], doc=2)
    preds = code_rows(rows, pipeline)
    assert {p["doc_id"] for p in preds} <= {r["id"] for r in rows}
    assert any(p["doc_id"] == "X-1-0" for p in preds) and any(p["doc_id"].startswith("X-2-") for p in preds)


def test_rows_sharing_an_id_without_an_article_are_still_coded_apart(pipeline):
    rows = [{"id": "S", "text": t, "date": "2002-03-01"} for t in ARTICLE[:2]]
    preds = code_rows(rows, pipeline)
    starts = {p["evidence"]["trigger"]["start"] for p in preds}
    alone = {e.evidence.trigger.start for t in ARTICLE[:2]
             for e in pipeline(Document(id="t", text=t, date="2002-03-01")).events}
    assert preds and starts == alone
