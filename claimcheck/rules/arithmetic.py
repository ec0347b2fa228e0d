"""A part larger than its whole, shares of one whole adding up to more than it, a range backwards.

## What it does

Flags:

- a figure larger than the whole it is part of (`of`): "163 of Ukraine's 152 jets". A share in
  percent of a whole (`unit: percent`, `of: 2042`) must not exceed 100 percent;
- shares of one whole: figures with the same `subject` and the same `part_of` (after
  normalisation) whose values add up to more than 100 percent (percent units), or more than the
  whole: the figure with that subject whose `metric` is the `part_of` name, or the parts' `of`.
  The same share reported twice (same metric) counts once;
- a range written high to low: `value: [200, 100]`.

A value counts at the lowest it can be: its `approx` interval (as in `numeric-conflict`), and,
for shares, the rounding of its last written digit: a poll's 59 + 20 + 22 = 101 percent is
rounding (each share may be half a point lower), 60 + 30 + 20 is not.

## Why it matters

Parts that exceed their whole cannot all be right: a digit slipped, two polls were mixed, or a
share was read off the wrong base.

## Fails

```yaml
article: {id: a, published: 2022-04-02}
claims:
  - {id: jets, kind: figure, text: 163 of 152 jets destroyed, subject: Ukrainian fighter jets,
     metric: destroyed, value: 163, of: 152}
  - {id: yes, kind: figure, text: 60 percent said yes, subject: poll, metric: saying yes,
     value: 60, unit: percent, part_of: answers}
  - {id: no, kind: figure, text: 50 percent said no, subject: poll, metric: saying no,
     value: 50, unit: percent, part_of: answers}
  - {id: range, kind: figure, text: 200 to 100 troops, subject: s, metric: m, value: [200, 100]}
```

## Passes

```yaml
article: {id: a, published: 2022-04-02}
claims:
  - {id: jets, kind: figure, text: 123 of 152 jets destroyed, subject: Ukrainian fighter jets,
     metric: destroyed, value: 123, of: 152}
  - {id: yes, kind: figure, text: 59 percent said yes, subject: poll, metric: saying yes,
     value: 59, unit: percent, part_of: answers}
  - {id: no, kind: figure, text: 42 percent said no, subject: poll, metric: saying no,
     value: 42, unit: percent, part_of: answers}
```
"""

from __future__ import annotations

from pydantic import Field

from claimcheck.rule_api import Problem
from claimcheck.rules.common import (
    Quantity,
    Tolerances,
    describe_value,
    format_number,
    group_by,
    parse_unit,
    source_label,
    value_interval,
    where,
)

NAME = "arithmetic"
CODE = "CC102"
SEVERITY = "error"
SCOPE = "group"
KINDS = ("figure",)

PERCENT = "percent"


class Options(Tolerances):
    share_rounding: float = Field(0.5, ge=0, description="a share may be this many units of its last digit lower")


def keys(figure, context):
    """By subject: a whole and its parts (and each figure alone) are about one subject."""
    yield context.key(figure.subject)


def check(key, figures, context):
    options = context.options
    for figure in figures:
        yield from _backwards_range(figure)
        yield from _part_above_whole(figure, options)
    yield from _shares(figures, context.normalizer, options)


def _backwards_range(figure):
    value = figure.value
    if isinstance(value, tuple) and value[0] > value[1]:
        low, high = (format_number(v) for v in sorted(value))
        message = f"range written high to low: [{format_number(value[0])}, {format_number(value[1])}]; write [{low}, {high}]"
        yield Problem(message, claim=figure, field="value")


def _part_above_whole(figure, options: Options):
    if figure.of is None:
        return
    unit = parse_unit(figure.unit)
    percent = unit.dimension == PERCENT  # a percentage of a whole is a share of 100, whatever it counts
    whole = 100.0 if percent else figure.of
    part = value_interval(figure.value, figure.approx, options, unit.scale)
    if part.low > whole or (part.low == whole and part.low_open):
        limit = "100 percent" if percent else "the whole it is part of"
        said = f"{describe_value(figure)} of {format_number(figure.of)} ({source_label(figure)})"
        message = f"{figure.subject} ({figure.metric}): {said} is more than {limit}"
        yield Problem(message, claim=figure, field="value")


# Shares of one whole ---------------------------------------------------------------------------


def _shares(figures: list, normalizer, options: Options):
    """Parts grouped by (subject, part_of) and unit; each group summed at its lowest."""
    wholes = group_by(figures, lambda f: (normalizer.key(f.subject), normalizer.metric_key(f.metric)))
    groups = group_by(
        (f for f in figures if f.part_of),
        lambda f: (normalizer.key(f.subject), normalizer.metric_key(f.part_of), Quantity.of(f, options).dimension),
    )
    for (subject, part_of, dimension), parts in groups.items():
        shares = _one_per_metric(parts, normalizer, options)
        total = sum(low for _figure, low in shares)
        whole = _whole(parts, wholes.get((subject, part_of), []), dimension, options)
        if whole is None or (len(shares) == 1 and whole[1] is None):
            continue  # one share against its own `of` or 100 percent: `_part_above_whole` judges that
        if total > whole[0]:
            yield _sum_problem(shares, total, whole, dimension)


def _one_per_metric(parts: list, normalizer, options: Options) -> list:
    """(figure, lowest value in base units) per distinct share; repeats of a share count once."""
    lowest: dict = {}
    for figure in sorted(parts, key=_order):
        low = _share_low(figure, options)
        key = normalizer.metric_key(figure.metric)
        if key not in lowest or low < lowest[key][1]:
            lowest[key] = (figure, low)
    return list(lowest.values())


def _share_low(figure, options: Options) -> float:
    unit = parse_unit(figure.unit)
    value = min(figure.value) if isinstance(figure.value, tuple) else figure.value
    hedged = value_interval(figure.value, figure.approx, options, unit.scale).low
    rounded = value - _last_digit(value) * options.share_rounding  # 59 percent may be 58.5 rounded up
    return max(min(hedged, rounded), 0.0) * unit.factor


def _last_digit(value: float) -> float:
    """The place of the last written digit: 1 for 59, 0.1 for 59.5."""
    text = repr(float(value))
    if "e" in text or text.endswith(".0"):
        return 1.0
    return 10.0 ** -len(text.split(".")[1])


def _whole(parts: list, whole_figures: list, dimension: str, options: Options):
    """(the largest the whole can be, the figure stating it or None), or None if unknown."""
    candidates = [(f.of * parse_unit(f.unit).factor, None) for f in parts if f.of is not None and dimension != PERCENT]
    for figure in whole_figures:
        quantity = Quantity.of(figure, options)
        if quantity.dimension == dimension:
            candidates.append((quantity.interval.high, figure))
    if dimension == PERCENT:
        candidates.append((100.0, None))
    return max(candidates, key=lambda c: c[0]) if candidates else None


def _sum_problem(shares: list, total: float, whole: tuple, dimension: str) -> Problem:
    (first, _low), *rest = shares
    part_of = first.part_of
    listed = [f"{describe_value(first)} ({source_label(first)}) here"]
    listed += [f"{describe_value(f)} ({source_label(f)}) in {where(f)}" for f, _low in rest]
    if whole[1] is not None:
        limit = f"the whole, {describe_value(whole[1])} in {where(whole[1])}"
    elif dimension == PERCENT:
        limit = "100 percent"
    else:
        limit = f"the whole of {format_number(whole[0])}"
    if not rest:
        amount = "is"
    else:  # what the shares say, then the least they can be (what the rule compares)
        written = sum((min(f.value) if isinstance(f.value, tuple) else f.value) * parse_unit(f.unit).factor for f, _low in shares)
        at_least = round(total, 2)
        amount = f"add up to {format_number(written)}" + (
            f" (at least {format_number(at_least)} allowing for rounding and hedges)," if at_least != written else ","
        )
    message = f"shares of {part_of} ({first.subject}): {' + '.join(listed)} {amount} more than {limit}"
    related = [f for f, _low in rest] + ([whole[1]] if whole[1] is not None else [])
    return Problem(message, claim=first, field="value", related=related)


def _order(figure) -> tuple:
    return (str(figure.path), figure.line, figure.column)
