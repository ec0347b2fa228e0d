"""Claim models and partial dates."""

import datetime as dt

import pytest
from pydantic import ValidationError

from claimcheck.dates import parse_date
from claimcheck.model import Figure, Quote, Role, json_schema, validate


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        (2014, "2014-01-01", "2014-12-31"),
        ("2014-02", "2014-02-01", "2014-02-28"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2014-03-26", "2014-03-26", "2014-03-26"),
        (dt.date(2014, 3, 26), "2014-03-26", "2014-03-26"),
        ({"start": "2021-11", "end": "2021-12-04"}, "2021-11-01", "2021-12-04"),
    ],
)
def test_partial_dates_are_intervals(value, start, end):
    interval = parse_date(value)
    assert (interval.start.isoformat(), interval.end.isoformat()) == (start, end)


def test_partial_date_overlap():
    assert parse_date(2014).overlaps(parse_date("2014-03"))
    assert not parse_date("2022-02").overlaps(parse_date("2022-03-24"))


@pytest.mark.parametrize("bad", ["2021-02-30", "2021-13", "14 March 2014", True, 0, {"start": "2022", "end": "2021"}])
def test_impossible_dates_rejected(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


def test_figure_defaults_and_range_value():
    figure = validate(Figure, {"id": "x", "kind": "figure", "text": "t", "subject": "s", "metric": "m", "value": [1, 2]})
    assert figure.approx == "exact" and figure.value == (1, 2) and figure.cumulative is False


def test_numbers_in_text_fields_stay_text():
    role = validate(Role, {"id": 2014, "kind": "role", "text": "t", "entity": "E", "role": 2014})
    assert role.id == "2014" and role.role == "2014" and role.status == "current"


def test_quote_requires_attribution_key_but_allows_null():
    assert validate(Quote, {"id": "q", "kind": "quote", "text": "t", "quote": "q", "attribution": None}).attribution is None
    with pytest.raises(ValidationError):
        validate(Quote, {"id": "q", "kind": "quote", "text": "t", "quote": "q"})


def test_json_schema_covers_both_file_kinds_and_forbids_unknown_fields():
    schema = json_schema()
    assert {"ClaimFile", "ReferenceFile", "Figure", "Tenure"} <= set(schema["$defs"])
    assert schema["$defs"]["Figure"]["additionalProperties"] is False
    assert "approx" in schema["$defs"]["Figure"]["properties"]
