"""Drafts become core records before they are written (no spaCy)."""
from claimcheck.extract.claims import Draft, checked_claims


def test_a_valid_draft_is_written_as_plain_data_in_the_spec_order():
    draft = Draft("figure", 0, 9, "60 people", {"unit": "people", "value": 60, "metric": "count", "subject": "x"},
                  id="figure-60-people")
    [plain] = checked_claims([draft], "a")
    assert list(plain) == ["id", "kind", "text", "span", "subject", "metric", "value", "unit"]
    assert plain["span"] == [0, 9] and plain["value"] == 60


def test_an_invalid_draft_is_reported_and_left_out(capsys):
    good = Draft("event", 0, 5, "today", {"subject": "x", "date": "2024-05-10"}, id="event-ok")
    bad = Draft("event", 6, 11, "later", {"subject": "x", "date": "2024-02-30"}, id="event-bad")
    assert [c["id"] for c in checked_claims([good, bad], "story-1")] == ["event-ok"]
    err = capsys.readouterr().err
    assert "warning: story-1: claim event-bad" in err and '"later"' in err
    assert "`date`" in err and "February 2024 has 29 days" in err
