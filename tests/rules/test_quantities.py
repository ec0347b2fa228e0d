"""The value intervals and units behind numeric-conflict and arithmetic."""

from __future__ import annotations

import math

import pytest

from claimcheck.describe import format_number
from claimcheck.quantities import Interval, is_round, parse_unit, value_interval
from claimcheck.rules.common import Tolerances

TOL = Tolerances()


@pytest.mark.parametrize(
    ("value", "approx", "low", "high", "low_open", "high_open"),
    [
        (1351, "exact", 1351 * 0.995, 1351 * 1.005, False, False),
        (5000, "exact", 4750, 5250, False, False),  # a round number: the reporter rounded
        (1351, "about", 1351 * 0.9, 1351 * 1.1, False, False),
        (100000, "about", 85000, 115000, False, False),  # about + round: looser still
        (14000, "almost", 12600, 14000, False, False),
        (13000, "more-than", 13000, math.inf, True, False),
        (13000, "at-least", 13000, math.inf, False, False),
        (30, "less-than", 0, 30, False, True),
        (5, "up-to", 0, 5, False, False),
        (5, "at-most", 0, 5, False, False),
        (-5, "less-than", -math.inf, -5, False, True),
        ((100, 200), "exact", 100, 200, False, False),
        ((200, 100), "exact", 100, 200, False, False),  # backwards: arithmetic reports it
        ((100, 200), "about", 90, 220, False, False),
        ((100, 200), "more-than", 100, math.inf, True, False),
    ],
)
def test_value_interval(value, approx, low, high, low_open, high_open):
    interval = value_interval(value, approx, TOL)
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)
    assert (interval.low_open, interval.high_open) == (low_open, high_open)


def test_widths_are_configurable():
    wide = Tolerances(about=0.5, exact=0.1)
    assert value_interval(1351, "about", wide).low == pytest.approx(675.5)
    assert value_interval(1351, "exact", wide).high == pytest.approx(1486.1)


def test_scale_words_make_a_number_round():
    assert value_interval(1.5, "exact", TOL, scale=1e6).low == pytest.approx(1.5 * 0.95)
    assert is_round(1_500_000, 3) and is_round(5000, 3) and not is_round(1351, 3) and not is_round(2.5, 3)
    assert not is_round(0, 3)


@pytest.mark.parametrize(
    ("a", "b", "below"),
    [
        (Interval(0, 5), Interval(5, 9), False),  # closed ends touch
        (Interval(0, 5, high_open=True), Interval(5, 9), True),
        (Interval(0, 5), Interval(5, 9, low_open=True), True),
        (Interval(0, 4.9), Interval(5, 9), True),
        (Interval(0, 6), Interval(5, 9), False),
    ],
)
def test_below_and_overlap(a, b, below):
    assert a.below(b) is below
    assert a.overlaps(b) is not below


@pytest.mark.parametrize(
    ("text", "dimension", "factor"),
    [
        (None, "count", 1),
        ("people", "count", 1),
        ("deaths", "count", 1),
        ("Russian soldiers", "count", 1),
        ("fighter jets", "count", 1),
        ("NATO troops", "count", 1),
        ("thousand people", "count", 1e3),
        ("million", "count", 1e6),
        ("km", "length", 1000),
        ("miles", "length", 1609.344),
        ("km long", "length", 1000),
        ("sq km", "area", 1e6),
        ("km²", "area", 1e6),
        ("percent", "percent", 1),
        ("per cent", "percent", 1),
        ("%", "percent", 1),
        ("percent of respondents", "percent", 1),
        ("percentage points", "percentage point", 1),
        ("dollars", "USD", 1),
        ("$", "USD", 1),
        ("million dollars", "USD", 1e6),
        ("millions of dollars", "USD", 1e6),
        ("$bn", "USD", 1e9),
        ("$m", "USD", 1e6),
        ("US$ million", "USD", 1e6),
        ("euros", "EUR", 1),
        ("C$", "CAD", 1),
        ("HK$ bn", "HKD", 1e9),
        ("Canadian dollars", "CAD", 1),  # never USD, though "dollars" alone is
        ("Australian dollars", "AUD", 1),
        ("Norwegian crowns", "NOK", 1),  # the wire's English for kroner
        ("Swedish crowns", "SEK", 1),
        ("bn euros", "EUR", 1e9),
        ("years", "duration", 365.25 * 86400),
        ("months", "duration", 365.25 * 86400 / 12),
        ("tonnes", "mass", 1000),
        ("bcm", "volume", 1e9),
        ("MW", "power", 1e6),
        ("pounds", "pounds", 1),  # money or weight: compared only with itself
        ("tons", "tons", 1),  # short or metric: compared only with itself
        ("XJ9", "unit:xj9", 1),  # a symbol we do not know
    ],
)
def test_parse_unit(text, dimension, factor):
    unit = parse_unit(text)
    assert unit.dimension == dimension
    assert unit.factor == pytest.approx(factor)


def test_miles_and_km_meet_after_conversion():
    miles = value_interval(40, "exact", TOL).scaled(parse_unit("miles").factor)
    km = value_interval(64, "exact", TOL).scaled(parse_unit("km").factor)
    assert miles.overlaps(km)
    assert not miles.overlaps(value_interval(40, "exact", TOL).scaled(parse_unit("km").factor))


@pytest.mark.parametrize(("value", "text"), [(13000, "13,000"), (2.5, "2.5"), (1351.0, "1,351"), (0.25, "0.25")])
def test_format_number(value, text):
    assert format_number(value) == text


# The sweeps of numeric-conflict against comparing every pair -------------------------------------


class _Claim:
    def __init__(self, number: int):
        self.number = number
        self.position = (number, 1)
        self.file = type("File", (), {"path": "x.yaml"})()


def _conflict(a, b) -> bool:
    """The spec's rule, pair by pair."""
    if a.same_time(b):
        return not a.interval.overlaps(b.interval)
    if not (a.cumulative or b.cumulative):
        return False
    earlier, later = (a, b) if a.end < b.start else (b, a)
    return later.interval.below(earlier.interval)


def test_sweeps_find_exactly_the_conflicting_pairs(monkeypatch):
    import datetime as dt
    import random

    from claimcheck.rules import numeric_conflict

    monkeypatch.setattr(numeric_conflict, "SCAN", 10_000)  # unbounded, to compare with all pairs
    rng = random.Random(7)
    for _trial in range(200):
        items = []
        for number in range(rng.randint(2, 30)):
            start = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 60))
            end = start + dt.timedelta(days=rng.choice([0, 0, 5, 30]))
            approx = rng.choice(["exact", "about", "more-than", "less-than", "almost", "at-least"])
            interval = value_interval(rng.choice([10, 12, 13, 20, 50]), approx, TOL)
            items.append(numeric_conflict._Item(_Claim(number), interval, None, start, end, rng.random() < 0.5))
        same_time, revisions = numeric_conflict._SameTime(items), numeric_conflict._Revisions(items)
        degrees = [a + b for a, b in zip(same_time.degrees(), revisions.degrees())]
        for i, item in enumerate(items):
            expected = sorted(j for j, other in enumerate(items) if j != i and _conflict(item, other))
            found = [*same_time.partners(i, lambda j: True, 10_000), *revisions.partners(i, lambda j: True, 10_000)]
            assert sorted(other.claim.number for other, _reason in found) == expected
            assert degrees[i] == len(expected)
