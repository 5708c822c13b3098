from __future__ import annotations

from eventwire.timex import find_times


def values(text, pub="2022-06-16"):
    return {t.text: (t.type, t.value) for t in find_times(text, pub)}


def test_news_date_conventions():
    got = values("Xi spoke on Wednesday, nearly four months after the invasion of February 24.")
    assert got["Wednesday"] == ("date", "2022-06-15")  # latest Wednesday on or before Thursday 16 June
    assert got["February 24"] == ("date", "2022-02-24")
    assert got["nearly four months"] == ("duration", "P4M")


def test_month_day_in_the_future_means_last_year():
    assert values("The talks began on December 3.")["December 3"] == ("date", "2021-12-03")


def test_explicit_dates_need_no_publication_date():
    got = values("On 3 March 2020 and on 2021-05-04 and in May 2019.", pub=None)
    assert got["3 March 2020"] == ("date", "2020-03-03")
    assert got["2021-05-04"] == ("date", "2021-05-04")
    assert got["May 2019"] == ("date", "2019-05")


def test_reference_article_quotes_times_and_event_dates(reference_doc):
    doc = reference_doc
    times = {t.text: t.value for t in doc.times}
    assert times["Wednesday"] == "2022-06-15" and times["February 24"] == "2022-02-24"
    by_start = {q.content.text[:20]: q for q in doc.quotes}
    xi = next(q for q in doc.quotes if q.content.text.startswith("China is willing"))
    assert xi.kind == "direct" and xi.speaker.code == "CHNGOV" and "CCTV" in (xi.reported_by or "")
    kremlin = next(q for q in doc.quotes if q.content.text.startswith("Considering"))
    assert kremlin.speaker.code == "RUSGOV"
    state = next(q for q in doc.quotes if q.content.text.startswith("China claims"))
    assert state.speaker.code == "USAGOV"
    assert not [q for q in doc.quotes if q.content.text == "staged"], "scare quotes are not quotations"
    assert by_start
