"""Partial dates as intervals: `2014` is 2014-01-01..2014-12-31, `2014-03` the whole month.

YAML gives us `2014` as an int, `2014-03` as a string and (with other loaders) `2014-03-26` as a
date; every form is accepted, plus ranges written `{start: <partial>, end: <partial>}`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import count

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A closed interval of days, with the text it was written as (for messages)."""

    start: dt.date
    end: dt.date
    text: str

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end

    def before(self, other: DateInterval) -> bool:
        """Wholly before `other`: every day of self precedes every day of other."""
        return self.end < other.start

    def __str__(self) -> str:
        return self.text


def parse_partial(value: object) -> DateInterval:
    """One partial date (no ranges). Raises ValueError with a message a user understands."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return _parse_cached(value)  # a corpus repeats the same few thousand dates
    return _parse_partial(value)


@lru_cache(maxsize=65536)
def _parse_cached(value: str | int) -> DateInterval:
    return _parse_partial(value)


def _parse_partial(value: object) -> DateInterval:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateInterval(value, value, value.isoformat())
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    text = str(value).strip()
    match = _PARTIAL.match(text)
    if not match:
        raise ValueError(f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year < 1:
        raise ValueError(f"impossible date {text!r}: there is no year 0")
    if month is None:
        return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), text)
    if not 1 <= month <= 12:
        raise ValueError(f"impossible date {text!r}: month {month} does not exist")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return DateInterval(dt.date(year, month, 1), dt.date(year, month, last), text)
    if not 1 <= day <= last:
        raise ValueError(f"impossible date {text!r}: {calendar.month_name[month]} {year} has {last} days")
    day_date = dt.date(year, month, day)
    return DateInterval(day_date, day_date, text)


def parse_date(value: object) -> DateInterval:
    """A partial date or a `{start, end}` range (either end may be omitted: open range)."""
    if isinstance(value, DateInterval):
        return value
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end"}
        if unknown:
            raise ValueError(f"a date range has only `start` and `end`, not {', '.join(sorted(map(str, unknown)))}")
        if value.get("start") is None and value.get("end") is None:
            raise ValueError("a date range needs `start`, `end` or both")
        start = parse_partial(value["start"]).start if value.get("start") is not None else dt.date.min
        end = parse_partial(value["end"]).end if value.get("end") is not None else dt.date.max
        if end < start:
            raise ValueError(f"date range ends ({value.get('end')}) before it starts ({value.get('start')})")
        text = f"{value.get('start') or '…'}..{value.get('end') or '…'}"
        return DateInterval(start, end, text)
    return parse_partial(value)


# JSON Schema of a partial date / range, for `claimcheck schema` and editors. It accepts exactly
# what `parse_partial` / `parse_date` accept (tests/test_schema.py checks it day by day), except what
# a JSON Schema cannot say: a range whose end precedes its start, a year written `2014.0`.
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001..9999: there is no year 0
_LEAP = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_PARTIAL_PATTERN = (
    r"^\s*(?:"
    rf"{_YEAR}(?:-(?:0?[1-9]|1[0-2]))?"  # YYYY, YYYY-MM
    rf"|{_YEAR}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|1[0-9]|2[0-8])"  # days every month has
    rf"|{_YEAR}-(?:0?[13-9]|1[0-2])-(?:29|30)"
    rf"|{_YEAR}-(?:0?[13578]|1[02])-31"
    rf"|{_LEAP}-0?2-29"  # 29 February of leap years
    r")\s*$"
)
PARTIAL_DATE_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 1000, "maximum": 9999, "description": "a year"},
        {"type": "string", "pattern": _PARTIAL_PATTERN, "description": "YYYY, YYYY-MM or YYYY-MM-DD (a day that exists)"},
    ]
}
_PARTIAL_OR_NULL = {"anyOf": [*PARTIAL_DATE_SCHEMA["anyOf"], {"type": "null"}]}
DATE_SCHEMA = {
    "anyOf": PARTIAL_DATE_SCHEMA["anyOf"]
    + [
        {
            "type": "object",
            "properties": {"start": _PARTIAL_OR_NULL, "end": _PARTIAL_OR_NULL},
            "additionalProperties": False,
            # `start`, `end` or both (null or left out: an open end)
            "anyOf": [
                {"required": ["start"], "properties": {"start": {"not": {"type": "null"}}}},
                {"required": ["end"], "properties": {"end": {"not": {"type": "null"}}}},
            ],
            "description": "a date range {start, end}; either end may be left open",
        }
    ]
}


def shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the ends of the calendar (9999-12-31 + 1 is 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


# Sweeps: overlapping dates without comparing all pairs -------------------------------------------


def overlap_clusters(intervals: list[DateInterval]) -> Iterator[list[int]]:
    """Indexes of runs of intervals whose dates overlap in a chain (only they can overlap), in
    start order; runs of one are left out. One sort, then one pass."""
    cluster: list[int] = []
    reach = dt.date.min
    for i in sorted(range(len(intervals)), key=lambda i: intervals[i].start):
        if cluster and intervals[i].start > reach:
            if len(cluster) > 1:
                yield cluster
            cluster, reach = [], dt.date.min
        cluster.append(i)
        reach = max(reach, intervals[i].end)
    if len(cluster) > 1:
        yield cluster


def overlapping_pairs(items: Iterable[tuple[DateInterval, object, object]], limit: int | None = None) -> Iterator[tuple]:
    """Pairs of items with different labels whose dates overlap: ((when, label, x), (when, label, y)).

    A sweep over the items sorted by start date, keeping per label a heap of the items still
    running: its cost is n log n plus the pairs found, never all pairs of a large group. With
    `limit`, each item is paired with at most that many earlier items, so a pathological group
    (hundreds of people given one role on one day) costs n * limit, not n squared.
    """
    active: dict[object, list] = {}
    order = count()
    for item in sorted(items, key=lambda item: (item[0].start, item[0].end)):
        when, label, _value = item
        found = 0
        for other_label in list(active):
            heap = active[other_label]
            while heap and heap[0][0] < when.start:  # ended before this one starts
                heapq.heappop(heap)
            if not heap:
                del active[other_label]
                continue
            if other_label == label:
                continue
            for _end, _seq, other in heap:
                if limit is not None and found >= limit:
                    break
                found += 1
                yield other, item
        heapq.heappush(active.setdefault(label, []), (when.end, next(order), item))
