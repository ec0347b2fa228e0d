"""Helpers shared by the built-in rules: grouping by normalised key, describing claims."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from claimcheck.rule_api import Problem


def group_by(claims: Iterable, key: Callable[[object], object]) -> dict:
    """Claims grouped by `key(claim)`; claims whose key is empty/None are left out.

    Corpus rules compare only within groups, so their cost grows with the corpus, not its square.
    """
    groups: dict = defaultdict(list)
    for claim in claims:
        k = key(claim)
        if k:
            groups[k].append(claim)
    return groups


def where(claim) -> str:
    """`path:line` of a claim, for messages that name the other side."""
    line, _column = claim.position
    return f"{claim.file.path}:{line}"


def source_label(claim) -> str:
    """Who says so, for messages: the attribution's source, or the article's own voice."""
    attribution = claim.attribution
    if attribution is None or not attribution.source:
        return "unattributed"
    return attribution.source


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
            )


def valid_patterns(patterns: list[str], what: str) -> list[str]:
    """Options that are lists of regular expressions: say which one does not compile, and why."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"{what} {pattern!r} is not a valid regular expression: {error}") from None
    return patterns
