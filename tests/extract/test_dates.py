"""Date finding and resolution against the publication date (no spaCy)."""
import datetime as dt

import pytest

from claimcheck.extract.dates import find_dates
from claimcheck.extract.partial_dates import as_partial

SAT = dt.date(2021, 12, 4)     # a Saturday
THU = dt.date(2022, 1, 27)     # a Thursday


def resolve(text, published, future=False):
    found = find_dates(text)
    assert found, f"no date found in {text!r}"
    return found[0].resolve(published, future=future)


@pytest.mark.parametrize("text,published,expected", [
    ("on November 25, when", SAT, "2021-11-25"),
    ("in March 2014", SAT, "2014-03"),
    ("since last January", SAT, "2021-01"),
    ("last January", THU, "2021-01"),
    ("after the elections in September", SAT, "2021-09"),
    ("in early November", SAT, "2021-11"),
    ("said Thursday", THU, "2022-01-27"),          # the publication day itself
    ("told reporters Wednesday", THU, "2022-01-26"),
    ("Tuesday evening", SAT, "2021-11-30"),
    ("last week", SAT, {"start": "2021-11-22", "end": "2021-11-28"}),
    ("two weeks ago", SAT, {"start": "2021-11-15", "end": "2021-11-21"}),
    ("Last month", THU, "2021-12"),
    ("next month", THU, "2022-02"),
    ("between Jan. 21 and 25", THU, {"start": "2022-01-21", "end": "2022-01-25"}),
    ("on Dec. 11, 2020.", THU, "2020-12-11"),
    ("since the start of the conflict on Feb. 24", dt.date(2022, 3, 31), "2022-02-24"),
    ("the 10th century", THU, {"start": "0901", "end": "1000"}),
    ("the 1990s and the early 2000s", THU, {"start": "1990", "end": "2004"}),
    ("from 1997", THU, "1997"),
])
def test_resolution(text, published, expected):
    assert resolve(text, published) == expected


def test_future_weekday_resolves_forward():
    wednesday = dt.date(2025, 12, 3)
    assert resolve("will welcome him on Thursday", wednesday, future=True) == "2025-12-04"
    assert resolve("met him on Thursday", wednesday) == "2025-11-27"


def test_relative_dates_need_a_publication_date():
    assert resolve("last month", None) is None
    assert resolve("in March 2014", None) == "2014-03"     # absolute dates still resolve


def test_years_are_not_amounts():
    assert [d.text for d in find_dates("it cost $2014 and 2015% more, in 2016")] == ["2016"]


def test_bare_may_needs_a_cue():
    assert find_dates("Russia may attack") == []
    assert [d.text for d in find_dates("in May")] == ["May"]


def test_as_partial_collapses_ranges():
    assert as_partial({"start": "2021-11-15", "end": "2021-11-21"}) == "2021-11"
    assert as_partial({"start": "2021-11", "end": "2022-01"}) is None


WED = dt.date(2025, 12, 3)


@pytest.mark.parametrize("text,published,expected", [
    ("late last week", dt.date(2021, 12, 21), {"start": "2021-12-16", "end": "2021-12-19"}),   # Thu-Sun
    ("early last week", dt.date(2021, 12, 21), {"start": "2021-12-13", "end": "2021-12-15"}),
    ("late last month", THU, {"start": "2021-12-21", "end": "2021-12-31"}),
    ("late last year", THU, {"start": "2021-09", "end": "2021-12"}),
    ("planned for this fall", WED, {"start": "2025-09-22", "end": "2025-12-20"}),
    ("last winter", WED, {"start": "2024-12-21", "end": "2025-03-19"}),
    ("this winter", WED, {"start": "2025-12-21", "end": "2026-03-19"}),
    ("next spring", WED, {"start": "2026-03-20", "end": "2026-06-20"}),
    ("in the summer of 2019", WED, {"start": "2019-06-21", "end": "2019-09-21"}),
])
def test_parts_of_periods_and_seasons(text, published, expected):
    assert resolve(text, published) == expected


@pytest.mark.parametrize("text", ["the fall of the city", "prices fall", "in the summer", "a winter coat"])
def test_a_season_word_alone_is_no_date(text):
    assert find_dates(text) == []


def test_partial_dates_are_written_as_the_format_reads_them():
    from claimcheck.dates import parse_partial
    from claimcheck.extract.partial_dates import partial_date

    assert [partial_date(2022), partial_date(2022, 3), partial_date(2022, 3, 5), partial_date(33)] == \
        ["2022", "2022-03", "2022-03-05", "0033"]
    assert parse_partial(partial_date(2024, 2, 29)).text == "2024-02-29"


def test_a_range_that_ends_before_it_starts_is_no_date():
    assert resolve("between March 25 and 3, 2022", SAT) is None
