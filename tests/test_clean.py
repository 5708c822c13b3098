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
