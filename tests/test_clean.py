from __future__ import annotations

from conftest import REFERENCE, need

from eventwire.clean import clean, strip_boilerplate
from eventwire.document import Document


def test_reference_article_loses_its_boilerplate():
    text = need(REFERENCE).read_text(encoding="utf-8")
    out = clean(Document(id="r", text=text)).text
    assert "email address" not in out.lower()
    assert "reply" not in out.lower().split("\n")[-1]
    assert out.rstrip().endswith("history.”")
    assert out.startswith("President Xi Jinping assured")


def test_boilerplate_rule_is_general():
    text = ("PARIS - France recalled its ambassador on Friday.\n\n"
            "The move followed weeks of tension.\n\nShare this article\nPrint\n"
            "Related stories\nSubscribe to our newsletter\nFrance news\nCookies")
    out = strip_boilerplate(text)
    assert out.endswith("weeks of tension.")
    assert out.startswith("PARIS - France recalled")


def test_headline_at_top_is_kept_and_content_untouched():
    text = "Iran and Iraq sign border deal\n\nIran and Iraq signed a border agreement on Sunday."
    assert strip_boilerplate(text) == text


def test_html_goes_through_trafilatura():
    body = "".join(f"<p>Paragraph {i}: Germany pledged more aid to Moldova on Tuesday, officials said.</p>" for i in range(5))
    html = f"<html><head><title>Aid</title></head><body><nav>Home | World</nav><article>{body}</article></body></html>"
    doc = clean(Document(id="h", text=html, format="html"))
    assert "Germany pledged more aid" in doc.text
    assert "<p>" not in doc.text and doc.format == "text"


def test_dateline_gives_the_publication_date():
    from datetime import date

    from eventwire.clean import dateline_date

    assert dateline_date("MOSCOW, June 16 (Reuters) - Putin spoke.", today=date(2022, 7, 1)) == "2022-06-16"
    assert dateline_date("MOSCOW, June 16 (Reuters) - Putin spoke.", today=date(2022, 6, 1)) == "2021-06-16"
    assert dateline_date("June 16, 2022 - The talks ended.") == "2022-06-16"
    assert dateline_date("NAIROBI, Kenya, Aug. 7, 1998 (AP) _ Bombs exploded.") == "1998-08-07"
    assert dateline_date("The talks of June 16 ended without a deal.") is None


def test_date_comes_from_html_metadata_then_dateline_and_never_overrides_the_input():
    body = "".join(f"<p>Paragraph {i}: Germany pledged more aid to Moldova on Tuesday, officials said.</p>" for i in range(5))
    html = ('<html><head><title>Aid</title><meta property="article:published_time" content="2022-06-14T09:00:00Z">'
            f"</head><body><article>{body}</article></body></html>")
    assert clean(Document(id="h", text=html, format="html")).date == "2022-06-14"
    text = "BERLIN, June 16, 2022 (dpa) - Germany pledged more aid to Moldova on Tuesday."
    assert clean(Document(id="t", text=text)).date == "2022-06-16"
    assert clean(Document(id="t", text=text, date="2022-06-20")).date == "2022-06-20"


def test_publication_dates_in_other_forms_are_normalised_or_dropped():
    from eventwire.clean import clean
    from eventwire.document import Document

    assert clean(Document(id="a", text="Text.", date="Thu, 16 Jun 2022 10:00:00 GMT")).date == "2022-06-16"
    assert clean(Document(id="b", text="Text.", date="7:58 AM ET")).date is None  # a time is no date
    assert clean(Document(id="c", text="MOSCOW, June 16, 2022 (Reuters) - Text.", date="soon")).date == "2022-06-16"


def test_short_plain_text_is_all_content():
    # one short sentence without final punctuation (a row of a sentence-split corpus, a headline) is kept whole
    for text in ("The army did give the villagers shelter", "Kenya recalls envoy from Somalia",
                 "the talks were called off\n\nafter the second day"):
        assert clean(Document(id="s", text=text)).text == text


def test_boilerplate_lines_still_go_from_short_text():
    assert clean(Document(id="c", text="We use cookies to improve your experience.")).text == ""
    assert strip_boilerplate("Facebook Twitter Linkedin Mail") == ""
    text = "the troops left the town\n\nShare this article\nFacebook | Twitter | WhatsApp"
    assert strip_boilerplate(text) == "the troops left the town"


def test_trailing_fragments_after_a_real_paragraph_still_go():
    text = "Chile and Peru agreed on Monday to reopen their border crossings.\n\nMore from Americas\nTop Picks"
    assert strip_boilerplate(text) == "Chile and Peru agreed on Monday to reopen their border crossings."
