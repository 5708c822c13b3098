"""quotes.merge: two quotes found for one attribution become one (our own sentences)."""
from __future__ import annotations

from eventwire.document import Actor, Quote, Span
from eventwire.quotes.merge import merge_duplicates


def _span(text: str, part: str) -> Span:
    at = text.index(part)
    return Span(part, at, at + len(part))


def _quote(text: str, cue: str | None, content: str, speaker: str | None = None, kind: str = "indirect",
           code: str | None = None) -> Quote:
    spk = None
    if speaker is not None:
        s = _span(text, speaker)
        spk = Actor(text=s.text, start=s.start, end=s.end, code=code, country=None, sector=None, name=None,
                    kind="unresolved" if code is None else "country")
    return Quote(speaker=spk, cue=_span(text, cue) if cue else None, content=_span(text, content), kind=kind)


def test_report_nested_in_another_report_is_dropped():
    text = "The mayor said the budget that her rivals announced would close two libraries."
    outer = _quote(text, "said", "the budget that her rivals announced would close two libraries", "The mayor")
    inner = _quote(text, "announced", "would close two libraries", "her rivals")
    assert merge_duplicates([outer, inner], text) == [outer]


def test_direct_quote_inside_a_report_is_kept():
    text = 'The coach said the team "played its heart out" on a rainy night.'
    outer = _quote(text, "said", 'the team "played its heart out" on a rainy night', "The coach", kind="mixed")
    inner = _quote(text, None, "played its heart out", kind="direct")
    assert len(merge_duplicates([outer, inner], text)) == 2


def test_reports_of_different_sentences_stay_apart():
    text = "The senator said the tax plan was unfair. Her aide argued the plan was fair."
    first = _quote(text, "said", "the tax plan was unfair", "The senator")
    second = _quote(text, "argued", "the plan was fair", "Her aide")
    second.sentence = 1
    assert merge_duplicates([first, second], text) == [first, second]


def test_two_speakers_in_one_sentence_stay_apart():
    text = "Farmers said prices fell, while the minister claimed exports grew."
    a = _quote(text, "said", "prices fell", "Farmers")
    b = _quote(text, "claimed", "exports grew", "the minister")
    assert merge_duplicates([a, b], text) == [a, b]


def test_second_half_without_speaker_joins_the_first():
    text = "The governor promised to repair the bridges while insisting on lower fuel taxes."
    a = _quote(text, "promised", "to repair the bridges", "The governor")
    b = _quote(text, "insisting", "on lower fuel taxes")
    out = merge_duplicates([a, b], text)
    assert len(out) == 1
    assert out[0].cue == a.cue and out[0].speaker == a.speaker
    assert out[0].content.text == "to repair the bridges while insisting on lower fuel taxes"
    assert text[out[0].content.start:out[0].content.end] == out[0].content.text


def test_contents_touching_over_punctuation_join():
    text = "The union warned of strikes, walkouts at every depot."
    a = _quote(text, "warned", "of strikes", "The union")
    b = _quote(text, None, "walkouts at every depot")
    out = merge_duplicates([a, b], text)
    assert [q.content.text for q in out] == ["of strikes, walkouts at every depot"]
    assert out[0].speaker == a.speaker


def test_same_words_twice_keep_the_quote_with_a_speaker():
    text = "Officials stated, and the agency confirmed, that the dam would hold."
    bare = _quote(text, "confirmed", "that the dam would hold")
    named = _quote(text, "stated", "that the dam would hold", "Officials")
    assert merge_duplicates([bare, named], text) == [named]


def test_content_reached_across_a_nearer_attribution_is_that_ones():
    text = "The queen reassured the envoy of Norway's backing, prompting Ottawa to caution Oslo that it was courting trouble."
    far = _quote(text, "reassured", "that it was courting trouble", "The queen", code="NORGOV")
    near = _quote(text, "caution", "it was courting trouble", "Ottawa", code="CANGOV")
    assert merge_duplicates([far, near], text) == [near]
    # an unknown word standing there ("in opening remarks that ...") takes nothing away
    unknown = _quote(text, "caution", "it was courting trouble", "Ottawa")
    assert far in merge_duplicates([far, unknown], text)


def test_a_speaker_read_inside_what_another_reports_is_no_second_attribution():
    text = ('The envoy said Oslo was "following the talks," including how the small state "keeps repeating '
            'its demands," and hinted that a deal was close.')
    outer = _quote(text, "said", 'Oslo was "following the talks," including how the small state "keeps repeating '
                                 'its demands," and hinted that a deal was close', "The envoy")
    misread = _quote(text, "hinted", 'the small state "keeps repeating its demands,"', "the small state", kind="mixed")
    assert merge_duplicates([outer, misread], text) == [outer]
    # words quoted from a speaker standing outside them stay a quote of their own
    own = _quote(text, "hinted", '"keeps repeating its demands,"', "the small state", kind="direct")
    assert own in merge_duplicates([outer, own], text)
