from __future__ import annotations

from conftest import REFERENCE, SHARED, need

from eventwire.clean import clean
from eventwire.document import Document
from eventwire.evaluate import kind_of
from eventwire.evaluate import times as time_eval
from eventwire.timex import find_times

PUB = "2022-06-16"  # a Thursday
TBAQ = SHARED / "data/sources/extract/StructTempRel-EMNLP17/data/TempEval3/Training/TBAQ-cleaned"


def values(text, pub=PUB):
    return {t.text: (t.type, t.value) for t in find_times(text, pub)}


def test_reference_article_values():
    got = values(need(REFERENCE).read_text(encoding="utf-8"))
    assert got["Wednesday"] == ("date", "2022-06-15")
    assert got["February 24"] == ("date", "2022-02-24")
    assert got["nearly four months"] == ("duration", "P4M")


def test_days_relative_to_publication():
    got = values("Officials said yesterday that talks held today and last Monday would resume tomorrow.")
    assert got["yesterday"] == ("date", "2022-06-15")
    assert got["today"] == ("date", "2022-06-16")
    assert got["last Monday"] == ("date", "2022-06-13")
    assert got["tomorrow"] == ("date", "2022-06-17")


def test_weekday_points_ahead_only_when_the_clause_does():
    assert values("The ministers met on Friday.")["Friday"] == ("date", "2022-06-10")
    assert values("The ministers will meet on Friday.")["Friday"] == ("date", "2022-06-17")


def test_periods_and_fuzzy_references():
    got = values("Prices rose last year and a year ago, and again earlier this month and last week; "
                 "now they fall, as in recent years. Over the past three years exports doubled.")
    assert got["last year"] == ("date", "2021")
    assert got["a year ago"] == ("date", "2021")
    assert got["earlier this month"] == ("date", "2022-06")
    assert got["last week"] == ("date", "2022-W23")
    assert got["now"] == ("date", "PRESENT_REF")
    assert got["recent years"] == ("date", "PAST_REF")
    assert got["the past three years"] == ("duration", "P3Y")
    got = values("Yesterday he said that two years ago was hard; next Friday too.")
    assert got["Yesterday"] == ("date", "2022-06-15")
    assert got["two years ago"] == ("date", "2020")
    assert got["next Friday"] == ("date", "2022-06-17")


def test_quarters_decades_seasons_sets_and_clock_times():
    got = values("Profit fell in the third quarter of 1998 and in the fourth quarter. In the 1990s it paid "
                 "dividends quarterly. Last summer and this spring were dry. The vote opens at 10 a.m. today.")
    assert got["the third quarter of 1998"] == ("date", "1998-Q3")
    assert got["the fourth quarter"] == ("date", "2021-Q4")  # the latest fourth quarter begun
    assert got["the 1990s"] == ("date", "199")
    assert got["quarterly"] == ("set", "P3M")
    assert got["Last summer"] == ("date", "2021-SU")
    assert got["this spring"] == ("date", "2022-SP")
    assert got["10 a.m. today"] == ("time", "2022-06-16T10:00")


def test_rates_are_sets_and_spans_of_time_durations():
    got = find_times("It paid $5 million a year for a year.", PUB)
    assert [(t.text, t.type, t.value) for t in got] == [("a year", "set", "P1Y"), ("a year", "duration", "P1Y")]


def test_adjectival_uses_are_not_sets_or_durations():
    got = values("The company raised its quarterly dividend; a 45-year-old man was hurt.")
    assert "quarterly" not in got and not any("year-old" in t for t in got)


def test_anaphoric_expressions_follow_the_last_date_mentioned():
    got = values("The accord was signed on March 3, 2020. The next day, rebels attacked. "
                 "Net income rose in the second quarter from a year earlier.")
    assert got["March 3, 2020"] == ("date", "2020-03-03")
    assert got["The next day"] == ("date", "2020-03-04")
    assert got["a year earlier"] == ("date", "2021-Q2")  # the quarter just named, a year back


def test_without_publication_date_relative_values_stay_open():
    got = values("On 3 March 2020 and yesterday.", pub=None)
    assert got["3 March 2020"] == ("date", "2020-03-03")
    assert got["yesterday"] == ("date", None)


def test_dateline_supplies_the_publication_date():
    doc = clean(Document(id="d", text="MOSCOW, June 16, 2022 (Reuters) - Putin spoke to Xi on Wednesday."))
    assert doc.date == "2022-06-16"
    assert values(doc.text, doc.date)["Wednesday"] == ("date", "2022-06-15")


def test_small_timebank_eval_is_sane():
    folder = need(TBAQ / "TimeBank")
    assert kind_of(folder) == "times"
    docs = time_eval.load(folder, limit=3)
    assert all(g.text == d.text[g.start:g.end] and g.text.strip() for d in docs for g in d.timexes)
    assert all("<" not in d.text and d.dct for d in docs)
    res = time_eval.run(folder, None, limit=3)
    assert res["docs"] == 3 and res["detection(relaxed)"]["n_gold"] > 0
    assert 0.5 <= res["detection(relaxed)"]["F1"] <= 1
    assert res["detection(strict)"]["F1"] <= res["detection(relaxed)"]["F1"]
    assert 0 <= res["value"]["accuracy"] <= 1 and res["value"]["n"] > 0
