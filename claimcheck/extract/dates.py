"""Finding date expressions in text and resolving them to partial dates.

A resolved date is what the claims format wants: "YYYY", "YYYY-MM",
"YYYY-MM-DD" or {"start": ..., "end": ...}. Relative expressions
("Thursday", "last month", "two weeks ago") are resolved against the
publication date, to the granularity the text supports. Explicit
calendar dates ("Feb. 24", "March 2014") are parsed by dateparser with the
publication date as its relative base; the week/month arithmetic that
dateparser does not model (calendar weeks, "last January") is done here.

This module is pure Python (no spaCy): the caller decides, with the parse,
whether a four-digit number is a year and whether a verb is future.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.dates import parse_date

from .partial_dates import date_range, partial_date, partial_of

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
         r"|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART = r"(?i:early|earlier|late|later|mid-?|the\s+end\s+of|the\s+beginning\s+of)"
COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
# A time zone or "hours" after four digits makes them a clock time ("1800 GMT"), not a year.
CLOCK = r"(?:(?-i:GMT|UTC|BST|CES?T|[ECMP][SD]T|ET|PT)|local\s+time|hours|hrs)\b"

# Ordered: longer, more specific patterns first; matches never overlap.
_PATTERNS: list[tuple[str, str]] = [
    ("md_range", rf"\b(?i:between)\s+(?P<m>{MONTH})\s*(?P<d1>{DAY})\s+and\s+(?:(?P<m2>{MONTH})\s*)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b"),
    ("md_dash", rf"\b(?P<m>{MONTH})\s*(?P<d1>{DAY})\s*[-–]\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b"),
    ("mdy", rf"\b(?P<m>{MONTH})\s*(?P<d>{DAY}),?\s+(?P<y>{YEAR})\b"),
    ("dmy", rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH})\s+(?P<y>{YEAR})\b"),
    ("md", rf"\b(?P<m>{MONTH})\s*(?P<d>{DAY})\b(?!\s*(?:%|percent|million|billion|,\d))"),
    ("dm", rf"\b(?P<d>{DAY})\s+(?P<m>{MONTH})\b"),
    ("my", rf"\b(?:(?P<part>{PART})\s+)?(?P<m>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR})\b"),
    ("month_year_rel", rf"\b(?:(?P<part>{PART})\s+)?(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b"),
    ("rel_month", rf"\b(?P<rel>(?i:last|next|this|past|previous|coming))\s+(?P<m>{MONTH})\b"),
    ("season", rf"\b(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b"),
    ("month", rf"\b(?:(?P<part>{PART})\s+)?(?P<m>{MONTH})\b(?!\s*\d)"),
    ("decade", r"\b(?:the\s+)?(?:(?P<part>early|mid-?|late)\s+)?(?P<dec>1[0-9]{2}0|20[0-9]0)[’']?s\b"),
    ("century", r"\b(?:the\s+)?(?P<c>[1-9]|1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b"),
    ("weekday", rf"\b(?:(?P<part>early|earlier|late|later|last|next|this|on)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("rel_unit", r"(?<!\bthe\s)\b(?:(?P<part>early|late|mid-?)\s+)?(?P<rel>last|next|this|coming)\s+(?P<unit>week|month|year|weekend)\b"),
    ("ago", rf"\b(?P<n>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("coming", r"\b(?:in\s+)?the\s+(?P<rel>coming)\s+(?P<unit>days|weeks)\b"),
    ("deixis", r"\b(?P<word>yesterday|today|tomorrow|last\s+night|tonight)\b(?![’']s)"),
    ("newyear", r"\b(?:the\s+)(?P<word>new\s+year)\b(?![’']s)"),
    ("year", rf"(?<![\d$£€])(?<!\d[,.])\b(?P<y>{YEAR})\b(?!\d|[,.]\d|%|\s*(?:percent|per\s+cent)|\s*{CLOCK})"),
]
# Patterns with month names are case-sensitive: "may" and "march" are also
# ordinary words, and only the capitalised month is a date.
_CASE_SENSITIVE = {"md_range", "md_dash", "mdy", "dmy", "md", "dm", "my", "rel_month", "month", "month_year_rel"}
# "the New Year" is the coming year from September on (the year ahead), else the current one.
_NEW_YEAR_FROM_MONTH = 9
_COMPILED = [(name, re.compile(rx, 0 if name in _CASE_SENSITIVE else re.IGNORECASE)) for name, rx in _PATTERNS]


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    pattern: str
    groups: dict
    relative: bool        # needs the publication date to resolve

    def resolve(self, published: _dt.date | None, future: bool = False):
        """The partial date (str) or {"start","end"} range, or None.

        The value is read back as the claims format reads dates (`parse_date`):
        an impossible date, or a range that ends before it starts, is no date.
        """
        try:
            value = _RESOLVERS[self.pattern](self.groups, published, future)
            if value is not None:
                parse_date(value)
            return value
        except (ValueError, KeyError, TypeError):
            return None


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """All date expressions in `text`, non-overlapping, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name == "month" and not _month_alone_ok(text, m):
                continue
            if name == "season" and not (m.group("rel") or m.group("y")):
                continue          # "the fall of Kabul", "in the summer": no date the text fixes
            taken.append((s, e))
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            relative = (name not in ("mdy", "dmy", "my", "year", "decade", "century", "md_range", "md_dash", "season")
                        or (name in ("md_range", "md_dash", "season") and "y" not in groups))
            found.append(DateMention(s + offset, e + offset, m.group(0), name, groups, relative))
    found.sort(key=lambda d: d.start)
    _share_list_years(text, found, offset)
    return _join_ranges(text, found, offset)


_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_WITH_YEAR = {"month": "my", "md": "mdy"}


def _share_list_years(text: str, found: list[DateMention], offset: int) -> None:
    """'in March, June and September 2023', 'on May 3 and June 9, 2024': the year the last date
    of a list gives is the year of every date before it that gives none."""
    chain: list[DateMention] = []
    for k, d in enumerate(found):
        chain.append(d)
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and _LIST_GAP.fullmatch(text[d.end - offset:nxt.start - offset]):
            continue                           # the list goes on
        year = d.groups.get("y") if d.pattern in ("my", "mdy") and "part" not in d.groups else None
        for earlier in chain[:-1] if year else ():
            if earlier.pattern in _WITH_YEAR:
                earlier.pattern, earlier.relative = _WITH_YEAR[earlier.pattern], False
                earlier.groups["y"] = year
        chain = []


# "recent", "recently": a happening of the last months, dated no finer than the text allows
# (the year, or a range from the month it may have started in). Not "in recent years/weeks":
# a period, for a trend.
_RECENT = re.compile(r"(?<!\bmost\s)(?<!\bmore\s)\b(?P<word>[Rr]ecent(?:ly)?)\b(?!\s+(?:years?|decades?|times|history|memory|past|weeks|months"
                     r"|days|centuries|generations|decade|period|trends?)\b)")
RECENT_DAYS = 90


def find_recent(text: str, offset: int = 0) -> list[DateMention]:
    """'recent wildfires', 'was recently fined': vague dates of happenings (events only;
    figures and quotes do not take them as dates)."""
    return [DateMention(m.start() + offset, m.end() + offset, m.group(0), "recent", {"word": m.group("word")}, True)
            for m in _RECENT.finditer(text)]


def _recent(g, published, future):
    if published is None or future:
        return None
    start = published - _dt.timedelta(days=RECENT_DAYS)
    if start.year == published.year:
        return partial_date(published.year)
    return date_range(partial_of(start, "month"), partial_of(published))


_SPAN_KINDS = ("decade", "year", "century")


def _join_ranges(text: str, found: list[DateMention], offset: int) -> list[DateMention]:
    """'the 1990s and the early 2000s', '2014 to 2016' -> one range mention."""
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.pattern in _SPAN_KINDS and d.pattern in _SPAN_KINDS:
            between = text[prev.end - offset:d.start - offset].strip().lower()
            if between in ("to", "-", "–", "through", "until") or (between == "and" and _and_is_a_span(text, prev, d, offset)):
                out[-1] = DateMention(prev.start, d.end, text[prev.start - offset:d.end - offset], "joined",
                                      {"first": prev, "second": d}, False)
                continue
        out.append(d)
    return out


def _and_is_a_span(text: str, first: DateMention, second: DateMention, offset: int) -> bool:
    """'between 2014 and 2016', 'the 1990s and the early 2000s' (adjacent decades) are
    one span; 'in 2012 and 2016' is a list of two dates."""
    if re.search(r"\bbetween\s+(?:the\s+)?$", text[max(0, first.start - offset - 14):first.start - offset], re.IGNORECASE):
        return True
    if first.pattern == "decade" and second.pattern == "decade":
        return int(second.groups["dec"]) - int(first.groups["dec"]) == 10
    return False


def _joined(g, published, future):
    a, b = g["first"].resolve(published), g["second"].resolve(published)
    start = a["start"] if isinstance(a, dict) else a
    end = b["end"] if isinstance(b, dict) else b
    return date_range(start, end)


_MONTH_LIST = re.compile(rf"\b(?:{MONTH}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))+\Z")


class _At:
    """A month match at an offset of the text (for the first month of a list)."""

    def __init__(self, start: int, m: re.Match):
        self._start, self._m = start, m

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + self._m.end()

    def group(self, name: str):
        return self._m.group(name)


def _month_alone_ok(text: str, m) -> bool:
    """A bare month name is a date only after a cue ("in March", "a July article").

    "May" and "March" are also a verb, so they need a preposition before them.
    """
    if m.group("part"):
        return True
    chain = _MONTH_LIST.search(text, max(0, m.start() - 80), m.start())
    if chain is not None:               # "in March, May and July": the list shares the first month's cue
        first = re.match(rf"\b(?:(?P<part>{PART})\s+)?(?P<m>{MONTH})\b", text[chain.start():])
        return first is not None and _month_alone_ok(text, _At(chain.start(), first))
    if re.match(r"[’']s\b", text[m.end():m.end() + 3]):
        return True                     # "November's re-activation", "May's election"
    before = text[max(0, m.start() - 12):m.start()].lower().split()
    prev = before[-1] if before else ""
    if m.group("m").lower() in ("may", "march"):
        return prev in ("in", "since", "until", "by", "of", "early", "late", "mid", "from", "before", "after")
    return prev in ("in", "since", "until", "by", "of", "a", "an", "the", "from", "before", "after",
                    "early", "late", "mid", "this", "that", "during", "through") or not prev


# ---------------------------------------------------------------- resolution
def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


@lru_cache(maxsize=512)
def _dateparser_day(text: str, base: _dt.date | None, future: bool):
    """Parse an explicit calendar date with dateparser, relative to `base`."""
    try:
        import dateparser  # lazy: slow to import, only needed when extracting
    except ImportError:    # optional: our own year inference covers "Month Day"
        return None
    settings = {"PREFER_DATES_FROM": "future" if future else "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _infer_year(month: int, day: int, published: _dt.date, future: bool) -> _dt.date:
    """Most recent such day on or before publication (or next one if future)."""
    year = published.year
    candidate = _dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if future and candidate < published:
        candidate = candidate.replace(year=year + 1)
    elif not future and candidate > published:
        candidate = candidate.replace(year=year - 1)
    return candidate


def _md(g, published, future):
    if published is None:
        return None
    m, d = _month(g["m"]), _day(g["d"])
    parsed = _dateparser_day(f"{calendar.month_name[m]} {d}", published, future)
    return partial_of(parsed) if parsed else partial_of(_infer_year(m, d, published, future))


def _mdy(g, published, future):
    return partial_of(_dt.date(int(g["y"]), _month(g["m"]), _day(g["d"])))


def _range(g, published, future):
    m1 = _month(g["m"])
    m2 = _month(g["m2"]) if g.get("m2") else m1
    if g.get("y"):
        y = int(g["y"])
        start, end = _dt.date(y, m1, _day(g["d1"])), _dt.date(y, m2, _day(g["d2"]))
    elif published is not None:
        start = _infer_year(m1, _day(g["d1"]), published, future)
        end = _dt.date(start.year if m2 >= m1 else start.year + 1, m2, _day(g["d2"]))
    else:
        return None
    return date_range(partial_of(start), partial_of(end))


def _my(g, published, future):
    return partial_date(int(g["y"]), _month(g["m"]))


def _month_only(g, published, future):
    if published is None:
        return None
    m = _month(g["m"])
    year = published.year
    if future and m < published.month:
        year += 1
    elif not future and m > published.month:
        year -= 1
    return partial_date(year, m)


def _month_year_rel(g, published, future):
    """'April last year', 'in March next year', 'June this year'."""
    if published is None:
        return None
    step = {"last": -1, "next": 1, "this": 0}[g["rel"].lower()]
    return partial_date(published.year + step, _month(g["m"]))


def _rel_month(g, published, future):
    if published is None:
        return None
    m, rel = _month(g["m"]), g["rel"].lower()
    year = published.year
    if rel in ("last", "past", "previous"):      # strictly before this month
        year = year if m < published.month else year - 1
    elif rel in ("next", "coming"):              # strictly after this month
        year = year if m > published.month else year + 1
    return partial_date(year, m)


def _year(g, published, future):
    return partial_date(int(g["y"]))


def _decade(g, published, future):
    start = int(g["dec"])
    part = (g.get("part") or "").lower().rstrip("-")
    lo, hi = {"early": (0, 4), "mid": (4, 6), "late": (6, 9)}.get(part, (0, 9))
    return date_range(partial_date(start + lo), partial_date(start + hi))


def _century(g, published, future):
    c = int(g["c"])
    return date_range(partial_date((c - 1) * 100 + 1), partial_date(c * 100))


def _weekday(g, published, future):
    if published is None:
        return None
    target = _WEEKDAYS.index(g["wd"].lower())
    rel = (g.get("part") or "").lower()
    if rel == "next" or (future and rel != "last"):
        delta = (target - published.weekday()) % 7
        return partial_of(published + _dt.timedelta(days=delta or (7 if rel == "next" else 0)))
    delta = (published.weekday() - target) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return partial_of(published - _dt.timedelta(days=delta))


def _week_of(day: _dt.date) -> dict:
    monday = day - _dt.timedelta(days=day.weekday())
    return date_range(partial_of(monday), partial_of(monday + _dt.timedelta(days=6)))


def _add_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return _dt.date(d.year + y, m + 1, 1)


def _rel_unit(g, published, future):
    if published is None:
        return None
    rel, unit = g["rel"].lower(), g["unit"].lower()
    part = (g.get("part") or "").lower().rstrip("-")
    step = {"last": -1, "next": 1, "coming": 1, "this": 0}[rel]
    if unit in ("week", "weekend"):
        if unit == "weekend" and step == 0 and not future and published.weekday() < 5:
            step = -1        # "this weekend" on a weekday, nothing planned: the weekend just past
        week = _week_of(published + _dt.timedelta(weeks=step))
        monday = _dt.date.fromisoformat(week["start"])
        if unit == "weekend":
            sat = monday + _dt.timedelta(days=5)
            return date_range(partial_of(sat), week["end"])
        if part:      # "late last week": Thursday to Sunday; "early": Monday to Wednesday
            lo, hi = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[part]
            return date_range(partial_of(monday + _dt.timedelta(days=lo)), partial_of(monday + _dt.timedelta(days=hi)))
        return week
    if unit == "month":
        first = _add_months(published.replace(day=1), step)
        if part:      # "early last month": days 1-10; "mid": 11-20; "late": 21 to the end
            last = calendar.monthrange(first.year, first.month)[1]
            lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
            return date_range(partial_of(first.replace(day=lo)), partial_of(first.replace(day=hi)))
        return partial_of(first, "month")
    year = published.year + step
    if part:          # "late last year": September to December
        lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date_range(partial_date(year, lo), partial_date(year, hi))
    return partial_date(year)


# Astronomical (northern) seasons, equinox to solstice, as calendars print them:
# fall 2025 is 2025-09-22..2025-12-21; winter 2025 runs into March 2026.
_SEASONS = {"spring": ((3, 20), (6, 20)), "summer": ((6, 21), (9, 21)), "fall": ((9, 22), (12, 20)),
            "autumn": ((9, 22), (12, 20)), "winter": ((12, 21), (3, 19))}


def _season_of(name: str, year: int) -> tuple[_dt.date, _dt.date]:
    """The days a season spans; winter YYYY is December YYYY to March YYYY+1."""
    (m1, d1), (m2, d2) = _SEASONS[name]
    end_year = year + 1 if m2 < m1 else year
    return _dt.date(year, m1, d1), _dt.date(end_year, m2, d2)


def _season(g, published, future):
    name = g["s"].lower()
    if g.get("y"):
        year = int(g["y"])
    else:
        if published is None:
            return None
        rel = g["rel"].lower()
        years = range(published.year - 2, published.year + 2)
        if rel == "this":
            # the season we are in, else the one that falls in this calendar year
            current = [y for y in years if _season_of(name, y)[0] <= published <= _season_of(name, y)[1]]
            year = current[0] if current else published.year
        elif rel in ("last", "past", "previous"):
            year = max(y for y in years if _season_of(name, y)[1] < published)
        else:
            year = min(y for y in years if _season_of(name, y)[0] > published)
    start, end = _season_of(name, year)
    return date_range(partial_of(start), partial_of(end))


def _ago(g, published, future):
    if published is None:
        return None
    n = _SMALL.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
    if not n:
        return None
    unit = g["unit"].lower()
    if unit == "day":
        return partial_of(published - _dt.timedelta(days=n))
    if unit == "week":     # the calendar week n weeks before the publication week
        return _week_of(published - _dt.timedelta(weeks=n))
    if unit == "month":
        return partial_of(_add_months(published.replace(day=1), -n), "month")
    return partial_date(published.year - n)


def _coming(g, published, future):
    if published is None:
        return None
    return date_range(partial_of(published), partial_of(_add_months(published.replace(day=1), 1), "month"))


def _new_year(g, published, future):
    if published is None:
        return None
    return partial_date(published.year + (1 if published.month >= _NEW_YEAR_FROM_MONTH else 0))


def _deixis(g, published, future):
    if published is None:
        return None
    word = " ".join(g["word"].lower().split())
    delta = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    return partial_of(published + _dt.timedelta(days=delta))


_RESOLVERS = {
    "md_range": _range, "md_dash": _range, "mdy": _mdy, "dmy": _mdy, "md": _md, "dm": _md,
    "my": _my, "rel_month": _rel_month, "month_year_rel": _month_year_rel, "month": _month_only, "decade": _decade,
    "century": _century, "weekday": _weekday, "rel_unit": _rel_unit, "ago": _ago,
    "coming": _coming, "deixis": _deixis, "newyear": _new_year, "recent": _recent, "year": _year, "joined": _joined, "season": _season,
}

FUTURE_PATTERNS = {"coming"}   # these always describe planned things
