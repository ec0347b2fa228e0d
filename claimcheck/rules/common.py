"""Helpers for rule authors (built-in and third-party): the public, documented toolbox.

Import from here, not from the built-in rules' modules:

* describing claims in messages: `describe_value`, `format_number`, `quoted`, `truncate`,
  `source_label`, `where` (`claimcheck.describe`);
* names and dates: `same_name`, `surname` (`claimcheck.normalize`), `overlapping_pairs`,
  `overlap_clusters` (`claimcheck.dates`);
* grouping: `group_by` (claims by a normalised key, so comparisons stay within groups);
* values: `Tolerances` (the interval widths as rule options), `Quantity`, `value_interval`,
  `parse_unit` (`claimcheck.quantities`);
* reporting conflicts: `report_conflicts` (the policy every conflict rule follows) and
  `more_contradict` (its "; N more ... contradict it" suffix);
* options: `valid_patterns` (a validator for lists of regular expressions);
* `loader_problems` (what the loader found in a file, as problems of the `syntax`/`schema` rules).

See docs/writing-rules.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from pydantic import Field

from claimcheck.dates import overlap_clusters, overlapping_pairs
from claimcheck.describe import describe_value, format_number, quoted, source_label, truncate, where
from claimcheck.normalize import same_name, surname
from claimcheck.quantities import Interval, Quantity, parse_unit, value_interval
from claimcheck.rule_api import MAX_RELATED, Problem, RuleOptions

__all__ = [
    "Interval",
    "Problem",
    "Quantity",
    "RuleOptions",
    "Tolerances",
    "article_text",
    "describe_value",
    "format_number",
    "group_by",
    "loader_problems",
    "more_contradict",
    "overlap_clusters",
    "overlapping_pairs",
    "parse_unit",
    "quoted",
    "report_conflicts",
    "same_name",
    "source_label",
    "surname",
    "truncate",
    "valid_patterns",
    "value_interval",
    "where",
]


class Tolerances(RuleOptions):
    """The widths of the value intervals (fractions of the value); see the spec's table.

    Every rule that reads values subclasses it, so the widths are configurable per rule.
    """

    exact: float = Field(0.005, ge=0, description="exact figures: v ± this (rounding, unit conversion)")
    exact_round: float = Field(0.05, ge=0, description="exact round numbers (see round-zeros): v ± this")
    round_zeros: int = Field(3, ge=1, description="trailing zeros that make a number round (5,000; 100,000)")
    about: float = Field(0.10, ge=0, description="about/around/some: v ± this")
    about_round: float = Field(0.15, ge=0, description="about + a round number: v ± this (round numbers are looser)")
    almost: float = Field(0.10, ge=0, description="almost/nearly: [v - this·v, v]")


def group_by(claims: Iterable, key: Callable[[object], object]) -> dict:
    """Claims grouped by `key(claim)`; claims whose key is empty/None are left out.

    Rules compare only within groups, so their cost grows with the corpus, not its square.
    """
    groups: dict = defaultdict(list)
    for claim in claims:
        k = key(claim)
        if k:
            groups[k].append(claim)
    return groups


def report_conflicts(
    degrees: Sequence[int],
    partners: Callable[[int, Callable[[int], bool], int], list],
    limit: int,
    problem: Callable[[int, object, int, list], Problem],
) -> Iterator[Problem]:
    """The policy of every conflict rule: report the worse side, against the nearest better ones.

    Items are indexes in rank order (on a tie the later one is the worse: it is at odds with what
    was already said); `degrees[i]` is how many others item i contradicts. An item with
    conflicts is reported against the items it contradicts that are better supported (fewer
    conflicts, else earlier rank), nearest first as `partners(i, better, limit)` gives them: one
    finding per pair for the nearest `limit`, so one bad value in a big group gives a few findings,
    the values it contradicts none, and each conflicting pair is reported at most once. The last
    of an item's findings counts the conflicts not shown and also lists the further better items
    it contradicts (`problem(i, partner, unreported, more)`, `more` up to `MAX_RELATED` in all),
    so a program reading `related` sees every claim the item is reported against.
    """
    for i, degree in enumerate(degrees):
        if not degree:
            continue
        badness = (degree, i)
        better = lambda j, worse=badness: (degrees[j], j) < worse
        found = partners(i, better, limit)[:limit]
        more = partners(i, better, MAX_RELATED)[len(found) : MAX_RELATED] if degree > len(found) else []
        for number, other in enumerate(found, 1):
            last = number == len(found)
            yield problem(i, other, degree - len(found) if last else 0, more if last else [])


def more_contradict(unreported: int, noun: str) -> str:
    """`; 2 more figures contradict it` (or nothing)."""
    if unreported <= 0:
        return ""
    return f"; {unreported} more {noun}{'s contradict' if unreported > 1 else ' contradicts'} it"


def loader_problems(source, rule_name: str) -> Iterator[Problem]:
    """The problems the loader recorded for `rule_name` (syntax, schema), as rule problems."""
    for problem in source.problems:
        if problem.rule == rule_name:
            yield Problem(
                problem.message,
                file=source,
                line=problem.line,
                column=problem.column,
                severity=problem.severity,
                claim_id=problem.claim_id,
                fix=problem.fix,
            )


ARTICLE_LIMIT = 16 * 1024 * 1024  # bytes of an article text a rule may read (reading.ARTICLE_LIMIT)


def article_text(claim_file, corpus) -> tuple[str | None, str | None]:
    """(the article text `article.source` names, None), or (None, why it is not read).

    The path is relative to the claim file and must stay inside the project root or a folder the
    configuration allows (`corpus.read_roots`), be a regular file (no device, FIFO) of at most
    `ARTICLE_LIMIT` bytes, and be UTF-8: a claim file from an untrusted pull request cannot make a
    rule read `/etc/passwd` or `/dev/zero`. The read is `claimcheck.reading.read_article`, the one
    the Markdown report quotes the articles through.
    """
    from claimcheck.reading import read_article

    article = claim_file.article
    if article is None or not article.source:
        return None, "no article.source"
    return read_article(claim_file.path, article.source, getattr(corpus, "read_roots", None), ARTICLE_LIMIT)


def valid_patterns(patterns: list[str], what: str) -> list[str]:
    """Options that are lists of regular expressions: say which one does not compile, and why."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"{what} {pattern!r} is not a valid regular expression: {error}") from None
    return patterns
