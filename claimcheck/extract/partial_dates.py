"""Partial dates as the claims format writes them: "YYYY", "YYYY-MM", "YYYY-MM-DD", or a
`{start, end}` range of them. Every date the extractor writes is made here (and read
back with `claimcheck.dates.parse_date` when it is resolved, `dates.DateMention.resolve`).
"""
from __future__ import annotations

import datetime as _dt


def partial_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """A partial date as the claims format writes it: YYYY, YYYY-MM or YYYY-MM-DD."""
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in (month, day) if n is not None)])


def partial_of(d: _dt.date, unit: str = "day") -> str:
    """The year, month or day `d` falls in, as a partial date."""
    return partial_date(d.year, d.month if unit != "year" else None, d.day if unit == "day" else None)


def date_range(start: str, end: str) -> dict:
    """A range of two partial dates, as the format writes it."""
    return {"start": start, "end": end}


def as_partial(value) -> str | None:
    """Collapse a resolved date to the finest partial date containing it (for as_of)."""
    if value is None or isinstance(value, str):
        return value
    start, end = value["start"], value["end"]
    for n in (10, 7, 4):
        if start[:n] == end[:n]:
            return start[:n]
    return None
