"""Line breaks: a paragraph's end, a heading's, or a wrap inside a sentence (mail, wire feeds,
text copied from a PDF). Every sentence here is made up for the tests. Needs the spaCy pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.nlp import hard_wrapped

pytestmark = pytest.mark.usefixtures("nlp")

PUBLISHED = dt.date(2024, 5, 15)

WRAPPED = (
    "The regional utility said on Tuesday that it had cut power to about\n"
    "12,000 homes in the valley as a precaution, and that crews would need\n"
    "at least three days to inspect the lines before the supply came back.\n"
    "The Ministry of\n"
    "Energy said the outage had cost local firms $4.5 million in lost\n"
    "trade since the weekend.\n"
)
ONE_LINE = " ".join(WRAPPED.split("\n")).strip() + "\n"


def test_hard_wrapped_text_is_told_from_prose_and_headings():
    assert hard_wrapped(WRAPPED)
    assert not hard_wrapped("First paragraph ends here.\nSecond paragraph too.\nAnd a third one.\nA fourth.")
    assert not hard_wrapped("MARCH 3\nThe vote.\nMARCH 9\nThe count.\nAPRIL 1\nThe result.")


def _keys(claims):
    return sorted((c.kind, c.fields.get("value"), c.fields.get("subject"), c.fields.get("metric"), c.fields.get("date")) for c in claims)


def test_a_wrapped_article_gives_the_claims_of_the_same_text_on_one_line(claims_of):
    wrapped, one_line = claims_of(WRAPPED, PUBLISHED), claims_of(ONE_LINE, PUBLISHED)
    assert _keys(wrapped) == _keys(one_line)
    assert any(c.kind == "figure" and c.fields["value"] == 4_500_000 for c in wrapped)


@pytest.mark.parametrize("text", [
    "The mill shipped 3.1 million\ntonnes of steel last year.",          # the next line goes on in lower case
    "Output at the mill rose by\n9 percent in the quarter to March.",    # the line stops on a preposition
])
def test_a_sentence_goes_on_across_a_wrap(claims_of, text):
    (fig,) = [c for c in claims_of(text, PUBLISHED) if c.kind == "figure"]
    assert "\n" in fig.text or fig.fields["unit"] in ("tonnes", "percent")
    assert fig.fields.get("metric") not in (None, "", "number")


def test_a_heading_on_its_own_line_stays_apart(claims_of):
    found = claims_of("FLOOD DEFENCES\nEngineers finished the new barrier on Monday.", PUBLISHED)
    events = [c for c in found if c.kind == "event"]
    assert [c.fields["date"] for c in events] == ["2024-05-13"]
    assert "FLOOD" not in events[0].text
