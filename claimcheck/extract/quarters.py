"""The quarter a company's figure covers.

Results are reported by quarter: "third-quarter net profit of $812 million", "net profit of $618
million for the quarter that ended on Sept. 30", "revenue in the fourth quarter of 2016". Two
articles on the same results must give such figures one key, and the quarter is a period, not a
name: the metric becomes `quarterly <quantity>` (in the vocabulary's words: "quarterly profit")
and `as_of` the quarter's months. A quarter named by its number is the latest of that number
begun by publication (with its year when the text gives one); "the quarter ended <date>" is the
quarter of that month; "for the quarter" alone, the latest quarter ended by publication.
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
    return bool(set(metric.split()) & PERIOD_WORDS)


def _quarterly(metric: str) -> str:
    return f"quarterly {canonical_metric(metric.strip())}"


def _latest_year(published, number: int) -> int:
    """The year of the latest quarter `number` begun by publication."""
    start_month = 3 * (number - 1) + 1
    return published.year if published.month >= start_month else published.year - 1


def _quarter(year: int, number: int) -> dict:
    first = 3 * (number - 1) + 1
    return date_range(partial_date(year, first), partial_date(year, first + 2))
