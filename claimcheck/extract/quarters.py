"""The quarter a company's figure covers.

Results are reported by quarter: "third-quarter net profit of $812 million", "net profit of $618
million for the quarter that ended on Sept. 30", "revenue in the fourth quarter of 2016". Two
articles on the same results must give such figures one key, and the quarter is a period, not a
name: the metric becomes `quarterly <quantity>` (in the vocabulary's words: "quarterly profit")
and `as_of` the quarter's months. A quarter named by its number is the latest of that number
begun by publication (with its year when the text gives one); "the quarter ended <date>" is the
quarter of that month; "for the quarter" alone, the latest quarter ended by publication.

A period written right after the number is that number's own, whatever the sentence says of
the other figures in it (`period_right_after`): "412,000 in the second quarter, up from 388,000
in the first three months of the year" -- the first quarter's, not the second's; "the first
half of the year" is January to June.
"""
from __future__ import annotations

import re

from .figure_metric import canonical_metric
from .figure_parse import PERIOD_WORDS
from .partial_dates import date_range, partial_date

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
_NUMBERED_METRIC = re.compile(r"\b(first|second|third|fourth)-quarter\b\s*|\bq([1-4])\b\s*", re.IGNORECASE)
_NUMBERED_TEXT = re.compile(r"\b(?:(?P<y1>(?:19|20)\d\d)\s+)?(?P<n>first|second|third|fourth)[- ]quarter"
                            r"(?:\s+(?:of\s+)?(?P<y2>(?:19|20)\d\d)\b)?|\bQ(?P<q>[1-4])(?:\s+(?P<y3>(?:19|20)\d\d))?\b", re.IGNORECASE)
_ENDED = re.compile(r"\b(?:for|in|over) the (?:(?:first|second|third|fourth|latest|fiscal|financial) )*quarter"
                    r"(?P<bound>\s+(?:that\s+|which\s+)?(?:ended|ending|to|through)(?:\s+on)?\s+)?", re.IGNORECASE)


def quarter_of(ctx, span, metric: str, verb=None) -> tuple[str, str | dict | None]:
    """(metric, as_of) of a figure of a quarter; (metric, None) for any other figure. A quarter
    the sentence names counts only in the figure's own clause (the subtree of `verb`)."""
    published = ctx.published
    if published is None or "forecast" in metric.split():
        return metric, None
    sent = span.sent
    text, offset = sent.text, sent.start_char
    numbered = _NUMBERED_METRIC.search(metric)
    found = next((m for m in _NUMBERED_TEXT.finditer(text) if numbered is not None or _in_clause(span, verb, offset + m.start())), None)
    if numbered is not None or found is not None:
        name = (numbered.group(1) or "q" + numbered.group(2)) if numbered else (found.group("n") or "q" + found.group("q"))
        number = _ORDINALS[name.lower()]
        year = next((int(found.group(g)) for g in ("y1", "y2", "y3") if found and found.group(g)), None)
        named = _NUMBERED_METRIC.sub("", metric, count=1) if numbered else metric
        return (metric if _period_named(named) else _quarterly(named)), _quarter(year or _latest_year(published, number), number)
    if _period_named(metric):
        return metric, None
    ended = next((m for m in _ENDED.finditer(text) if _in_clause(span, verb, offset + m.start())), None)
    if ended is None:
        return metric, None
    if ended.group("bound"):
        at = ctx.absolute(offset + ended.end())
        bound = next((d for d in ctx.dates if at <= d.start <= at + 1), None)
        value = bound.resolve(published) if bound is not None else None
        if not isinstance(value, str) or len(value) < 7:
            return metric, None
        year, month = int(value[:4]), int(value[5:7])
        return _quarterly(metric), _quarter(year, (month - 1) // 3 + 1)
    number = (published.month - 1) // 3            # the last quarter ended by publication
    year = published.year if number else published.year - 1
    return _quarterly(metric), _quarter(year, number or 4)


def _in_clause(span, verb, char: int) -> bool:
    """Is the text at `char` (in the document) in the clause of the figure's verb itself, not in
    a clause below it ("rose 5% in May, after falling in the fourth quarter")?"""
    tok = next((t for t in span.sent if t.idx <= char < t.idx + len(t.text) + 1), None)
    own = span.root
    while own.pos_ not in ("VERB", "AUX") and own.head.i != own.i:
        own = own.head                        # the figure's own clause ("its profit ... was $412 million")
    heads = {own.i} | ({verb.i} if verb is not None else set())
    for _ in range(12):
        if tok is None or tok.i in heads:
            return tok is not None
        if tok.dep_ in ("advcl", "relcl", "ccomp", "acl", "conj", "parataxis", "pcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _period_named(metric: str) -> bool:
    """Does the metric already name the period it covers ("annual growth", "full-year revenue")?"""
    words = metric.split()
    return bool(set(words) & PERIOD_WORDS) or any(w.endswith("-month") or w == "half-year" for w in words)


def _quarterly(metric: str) -> str:
    return f"quarterly {canonical_metric(metric.strip())}"


def _latest_year(published, number: int) -> int:
    """The year of the latest quarter `number` begun by publication."""
    start_month = 3 * (number - 1) + 1
    return published.year if published.month >= start_month else published.year - 1


def _quarter(year: int, number: int) -> dict:
    first = 3 * (number - 1) + 1
    return date_range(partial_date(year, first), partial_date(year, first + 2))


_MONTH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11}
_OWN_PERIOD = re.compile(r"\s*,?\s*(?:in|during|for|over)\s+the\s+(?P<which>first|second|third|fourth|final|last)\s+"
                         r"(?P<what>quarter|half|(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)"
                         r"(?:\s+of\s+(?P<year>the\s+year|this\s+year|last\s+year|(?:19|20)\d\d))?\b", re.IGNORECASE)


def period_right_after(ctx, at: int, metric: str) -> tuple[str, dict] | None:
    """(metric, as_of) of the period written right after a figure (text offset `at`): "in the
    first three months of the year", "in the second half of 2016", "in the fourth quarter";
    None when none is."""
    m = _OWN_PERIOD.match(ctx.text, at)
    return _period(ctx, m, metric) if m is not None else None


def period_in_clause(ctx, span, verb, metric: str) -> tuple[str, dict] | None:
    """(metric, as_of) of a half or a run of months the figure's own clause names anywhere ("In
    the first half of the year the airport handled 15.8 million passengers"); quarters are
    `quarter_of`'s."""
    sent = span.sent
    for m in _OWN_PERIOD.finditer(sent.text):
        words_at = sent.start_char + m.start() + len(m.group(0)) - len(m.group(0).lstrip(" ,"))   # after ", "
        if m.group("what").lower() != "quarter" and _in_clause(span, verb, words_at):
            found = _period(ctx, m, metric)
            if found is not None:
                return found
    return None


def _period(ctx, m, metric: str) -> tuple[str, dict] | None:
    published = ctx.published
    if published is None:
        return None
    which, what = m.group("which").lower(), m.group("what").lower()
    if what == "quarter":
        number = 4 if which in ("final", "last") else _ORDINALS[which]
        first, last = 3 * (number - 1) + 1, 3 * number
    elif what == "half":
        if which not in ("first", "second", "final", "last"):
            return None
        first, last = (1, 6) if which == "first" else (7, 12)
    else:
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else _MONTH_COUNTS[word]
        if not 1 <= n <= 12 or which not in ("first", "last", "final"):
            return None
        first, last = (1, n) if which == "first" else (13 - n, 12)
    year_words = (m.group("year") or "").lower()
    if year_words[:1].isdigit():
        year = int(year_words)
    elif year_words == "last year":
        year = published.year - 1
    else:
        year = published.year if published.month >= first else published.year - 1
    as_of = date_range(partial_date(year, first), partial_date(year, last))
    return (_quarterly(metric) if what == "quarter" and not _period_named(metric) else metric), as_of


_LENGTH_WORDS = {3: "quarterly", 6: "half-year", 9: "nine-month", 12: "annual"}


def with_period_length(metric: str, as_of) -> str:
    """The metric of a quantity over a run of months named with the run's length ("nine-month
    pre-tax profit", "quarterly revenue"), unless it already names a period."""
    if not isinstance(as_of, dict) or _period_named(metric):
        return metric
    start, end = as_of.get("start", ""), as_of.get("end", "")
    if len(start) != 7 or len(end) != 7:
        return metric
    months = (int(end[:4]) * 12 + int(end[5:])) - (int(start[:4]) * 12 + int(start[5:])) + 1
    if months < 2 or months > 24:
        return metric
    return f"{_LENGTH_WORDS.get(months, f'{months}-month')} {canonical_metric(metric)}"

