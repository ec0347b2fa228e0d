"""The same event given dates that cannot both be true.

## What it does

Compares events whose `subject` is the same after normalisation (case, punctuation, leading
articles, the aliases of the reference files). A date is the interval it names: `2014` is the
whole year, `2014-03` the month, `{start: 2021-11, end: 2021-12-04}` a range. Two dates conflict
only when their intervals do not overlap: "2014" and "March 2014" agree, "2022-02-24" and
"February 2022" agree, "2022-03-24" and "February 2022" do not. Planned events
(`tense: future`) are left out by default: a plan that moves is news, not a contradiction.

A finding is one conflicting pair: it sits on one event, names the other as related, and states
both dates with their sources. Of two conflicting events the one that contradicts more of the
others (on a tie, the later date) is reported, against the better-supported dates it
contradicts, nearest first and at most `max-per-claim` of them; the last of them counts the rest
in its message and lists them in `related` after its pair (up to 200).

## Why it matters

An event happens once: two dates that cannot overlap mean one report has the date wrong (or the
subjects name two different events, which an alias or a sharper subject settles). Events are
grouped by subject and swept in date order, so the cost grows with the corpus, not its square.

## Fails

```yaml
article: {id: a, published: 2022-04-15}
claims:
  - {id: a, kind: event, text: the war began on February 24, subject: start of the war, date: 2022-02-24}
  - {id: b, kind: event, text: the war began on March 24, subject: start of the war, date: 2022-03-24}
```

## Passes

The day lies in the month; March 2014 in 2014, subjects joined by a reference alias:

```yaml
# file: a.yaml
article: {id: a, published: 2022-04-15}
claims:
  - {id: a, kind: event, text: the war began on February 24, subject: start of the war, date: 2022-02-24}
  - {id: b, kind: event, text: the war began last month, subject: Start of the War, date: 2022-02}
  - {id: c, kind: event, text: Russia seized Crimea, subject: Russia seizes Crimea from Ukraine, date: 2014-03}
  - {id: d, kind: event, text: the annexation of 2014, subject: Russian annexation of Crimea, date: 2014}
# file: reference/aliases.yaml
reference: {id: aliases}
aliases: {Russian annexation of Crimea: [Russia seizes Crimea from Ukraine]}
```
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pydantic import Field

from claimcheck.rule_api import Problem, RuleOptions
from claimcheck.rules.common import more_contradict, report_conflicts, source_label, where

NAME = "date-conflict"
CODE = "CC201"
SEVERITY = "error"
SCOPE = "group"
KINDS = ("event",)

SCAN = 32  # nearest contradicting events looked at, each side, for the better-supported ones


class Options(RuleOptions):
    planned: bool = Field(False, description="also compare planned events (tense: future)")
    max_per_claim: int = Field(3, ge=1, description="findings one event gets at most: its nearest contradictions (the last counts the rest)")


def keys(event, context):
    """Events are the same when their subjects are (after normalisation and aliases)."""
    if context.options.planned or event.tense != "future":
        subject = context.key(event.subject)
        if subject:
            yield subject


def check(key, events, context):
    if len(events) > 1:
        yield from _conflicts(sorted(events, key=_rank), context.options)


def _conflicts(events: list, options: Options):
    """Each event whose date contradicts better-supported ones, nearest first.

    An event's conflicts (events wholly before or after it) are counted with two bisections;
    `report_conflicts` reports the worse side of each pair.
    """
    by_start = sorted(range(len(events)), key=lambda i: events[i].date.start)
    starts = [events[i].date.start for i in by_start]
    by_end = sorted(range(len(events)), key=lambda i: events[i].date.end)
    ends = [events[i].date.end for i in by_end]
    after = [bisect_right(starts, e.date.end) for e in events]  # from here on: wholly after
    before = [bisect_left(ends, e.date.start) for e in events]  # up to here: wholly before
    degrees = [len(events) - after[i] + before[i] for i in range(len(events))]

    def partners(i, better, limit):
        nearest = [*by_start[after[i] : after[i] + SCAN], *reversed(by_end[max(0, before[i] - SCAN) : before[i]])]
        return [events[j] for j in sorted(nearest, key=lambda j: _distance(events[i], events[j])) if better(j)]

    yield from report_conflicts(degrees, partners, options.max_per_claim, lambda i, other, unreported, more: _problem(events[i], other, unreported, more))


def _rank(event) -> tuple:
    return (event.date.start, event.date.end, str(event.path), event.line, event.column)


def _distance(event, other) -> int:
    """Days between two disjoint date intervals."""
    gap = other.date.start - event.date.end if other.date.start > event.date.end else event.date.start - other.date.end
    return gap.days


def _side(event) -> str:
    return f"{event.date} ({source_label(event)})"


def _problem(event, other, unreported: int, more: list) -> Problem:
    """One finding per conflicting pair: both dates with their sources (the last also relates the
    further events it contradicts, `more`)."""
    message = (
        f"{event.subject}: {_side(event)} here vs {_side(other)} in {where(other)} — the dates cannot both be true"
        f"{more_contradict(unreported, 'event')}"
    )
    return Problem(message, claim=event, field="date", related=[other, *more])
