"""Figures about the same subject and metric whose values cannot both be true.

## What it does

Compares figures whose `subject` and `metric` are the same after normalisation (case,
punctuation, leading articles, the aliases of the reference files; metrics also through the
vocabulary of quantities, docs/vocabulary.md: "deaths" is "people killed") and whose units convert into
each other (km and miles, "13 thousand" and 13,000; a currency only into itself; count nouns such
as people, deaths or troops are labels and do not keep figures apart; no unit is a count).

Each value becomes an interval from its `approx`:

| approx | interval for value v |
|---|---|
| `exact` | v ± 0.5%; a round number (3+ trailing zeros: 5,000) v ± 5% |
| `about` | v ± 10%; a round number v ± 15% ("about 100,000" is looser than "about 1,351") |
| `almost` | [0.9·v, v] |
| `more-than` / `at-least` | (v, +inf) / [v, +inf) |
| `less-than` | [0, v) |
| `at-most` / `up-to` | [0, v] |
| `[low, high]` | [low, high] |

Time decides what must agree. Figures whose dates (`as_of`, default the article's publication
date) overlap, or are unknown, are at the same time: their intervals must overlap. At different
times only running totals are compared: when either figure is `cumulative`, the later interval
must not lie wholly below the earlier one (a death toll cannot fall: "revised down"). Other
figures may change over time (troop counts) and are not compared across dates.

A finding is one conflicting pair: it sits on one figure, names the other as related, and states
both values with their dates and sources (the other figure's value also in this one's unit when the
units differ: "40 km = 24.9 miles"). Of two conflicting figures the one that contradicts
more of the others (on a tie, the newer report) is reported, against the better-supported
figures it contradicts, nearest first and at most `max-per-claim` of them: one bad figure in a
big group gives a few findings on that figure, not one on every figure it contradicts. The last
of them counts the rest in its message and lists them in `related` after its pair (up to 200),
so a program reading the JSON sees every figure the bad one contradicts.

## Why it matters

Two reports of one quantity that cannot both be true mean one of them is wrong: a misread number,
a stale toll, a unit slip. Figures are grouped by subject, metric and dimension and swept in date
and value order, so the cost grows with the corpus, not with its square.

## Fails

A cumulative toll revised down; on the same day, values that cannot both be true:

```yaml
# file: early.yaml
article: {id: early, published: 2021-11-26}
claims:
  - {id: toll, kind: figure, text: 52 died, subject: Listvyazhnaya mine disaster,
     metric: deaths, value: 52, unit: people, cumulative: true}
# file: late.yaml
article: {id: late, published: 2021-12-04}
claims:
  - {id: toll, kind: figure, text: 51 died, subject: Listvyazhnaya mine disaster,
     metric: deaths, value: 51, unit: deaths, cumulative: true}
  - {id: km, kind: figure, text: a 40 km convoy, subject: convoy, metric: length, value: 40, unit: km}
  - {id: mi, kind: figure, text: a 40-mile convoy, subject: convoy, metric: length, value: 40, unit: miles}
```

## Passes

Hedges that overlap; a toll that grows; troop counts at different dates:

```yaml
# file: a.yaml
article: {id: a, published: 2021-12-04}
claims:
  - {id: toll, kind: figure, text: "more than 13,000 killed", subject: war in the Donbas,
     metric: people killed, value: 13000, approx: more-than, cumulative: true}
  - {id: troops, kind: figure, text: "100,000 troops", subject: Russian forces near Ukraine,
     metric: troops deployed, value: 100000}
# file: b.yaml
article: {id: b, published: 2022-04-15}
claims:
  - {id: toll, kind: figure, text: "almost 14,000 killed by February", subject: war in the Donbas,
     metric: people killed, value: 14000, approx: almost, as_of: 2022-02, cumulative: true}
  - {id: toll-2, kind: figure, text: "about 13,800 killed", subject: war in the Donbas,
     metric: people killed, value: 13800, approx: about, as_of: 2022-02, cumulative: true}
  - {id: troops, kind: figure, text: "150,000 troops", subject: Russian forces near Ukraine,
     metric: troops deployed, value: 150000}
```
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pydantic import Field

from claimcheck.dates import DateInterval, overlap_clusters
from claimcheck.quantities import INF
from claimcheck.rule_api import Problem
from claimcheck.rules.common import (
    Interval,
    Quantity,
    Tolerances,
    describe_value,
    format_number,
    more_contradict,
    parse_unit,
    report_conflicts,
    source_label,
    where,
)

NAME = "numeric-conflict"
CODE = "CC101"
SEVERITY = "error"
SCOPE = "group"
KINDS = ("figure",)

SAME_TIME = "the values cannot both be true at the same time"
REVISED_DOWN = "cumulative total revised down"
SCAN = 32  # nearest contradicting figures looked at for the better-supported ones
EXACT_COUNT = 256  # date clusters up to this size count their conflicts pair by pair


class Options(Tolerances):
    max_per_claim: int = Field(3, ge=1, description="findings one figure gets at most: its nearest contradictions (the last counts the rest)")


@dataclass(slots=True)
class _Item:
    """A figure ready for comparison: its interval in base units and its date interval."""

    claim: object
    interval: Interval
    when: DateInterval | None  # as_of, else the article's publication date
    start: dt.date
    end: dt.date
    cumulative: bool

    def same_time(self, other: _Item) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(slots=True)
class _Context:
    options: Options
    normalizer: object
    quantities: dict  # id(figure) -> Quantity: computed once, by `keys`

    def key(self, text):
        return self.normalizer.key(text)

    def quantity(self, figure) -> Quantity:
        found = self.quantities.get(id(figure))
        if found is None:
            found = self.quantities[id(figure)] = Quantity.of(figure, self.options)
        return found


def prepare(corpus, options) -> _Context:
    return _Context(options, corpus.normalizer, {})


def keys(figure, context: _Context):
    """Figures are compared within (subject, metric, dimension): units that convert."""
    subject, metric = context.key(figure.subject), context.normalizer.metric_key(figure.metric)
    if subject and metric:
        yield (subject, metric, context.quantity(figure).dimension)


def check(key, figures, context: _Context):
    if len(figures) > 1:
        items = sorted((_item(f, context.quantity(f)) for f in figures), key=_rank)
        yield from _conflicts(items, context.options)


def _item(figure, quantity: Quantity) -> _Item:
    when = figure.when  # unknown: at every time, so compared with every figure
    start, end = (when.start, when.end) if when is not None else (dt.date.min, dt.date.max)
    return _Item(figure, quantity.interval, when, start, end, figure.cumulative)


def _conflicts(items: list[_Item], options: Options):
    """Each figure that contradicts better-supported ones, against the nearest of those.

    A figure's conflicts are counted first (same time: disjoint values; different times: a
    running total that falls); `report_conflicts` then reports the worse side of each pair.
    """
    same_time, revisions = _SameTime(items), _Revisions(items)
    degrees = [a + b for a, b in zip(same_time.degrees(), revisions.degrees())]

    def partners(i, better, limit):
        return [*same_time.partners(i, better, limit), *revisions.partners(i, better, limit)]

    yield from report_conflicts(degrees, partners, options.max_per_claim, lambda i, other, unreported, more: _problem(items[i], other, unreported, more))


def _rank(item: _Item) -> tuple:
    """Ties go against the newer report: it is the one at odds with what was already said."""
    return (item.start, item.end, str(item.claim.path), item.claim.line, item.claim.column)


# Same time: overlapping dates, values that cannot overlap ----------------------------------------


class _SameTime:
    """Figures at overlapping dates whose value intervals are disjoint."""

    def __init__(self, items: list[_Item]):
        self.items = items
        self.clusters = {}  # figure -> the sorted views of its date cluster
        for cluster in overlap_clusters([DateInterval(item.start, item.end, "") for item in items]):
            view = _ClusterView(items, cluster)
            for i in cluster:
                self.clusters[i] = view

    def degrees(self) -> list[int]:
        return [self.clusters[i].degree(i) if i in self.clusters else 0 for i in range(len(self.items))]

    def partners(self, i: int, better, limit: int) -> list:
        view = self.clusters.get(i)
        if view is None:
            return []
        found = []
        for j in view.disjoint_values(i):  # nearest values first
            if self.items[i].same_time(self.items[j]) and better(j):
                found.append((self.items[j], SAME_TIME))
                if len(found) == limit:
                    break
        return found


class _ClusterView:
    """A date cluster sorted by lower and by upper value bound."""

    def __init__(self, items: list[_Item], cluster: list[int]):
        self.items = items
        self.cluster = cluster
        self.by_low = sorted(cluster, key=lambda i: items[i].interval.lower_key)
        self.lows = [items[i].interval.lower_key for i in self.by_low]
        self.by_high = sorted(cluster, key=lambda i: items[i].interval.upper_key)
        self.highs = [items[i].interval.upper_key for i in self.by_high]
        # When every date overlaps every other (one day, one month), value order counts exactly.
        self.all_overlap = max(items[i].start for i in cluster) <= min(items[i].end for i in cluster)

    def degree(self, i: int) -> int:
        item = self.items[i]
        if self.all_overlap or len(self.cluster) > EXACT_COUNT:  # large chained clusters: close enough
            above = len(self.lows) - bisect_right(self.lows, item.interval.upper_key)
            return above + bisect_left(self.highs, item.interval.lower_key)
        others = (self.items[j] for j in self.cluster)
        return sum(1 for other in others if item.same_time(other) and not item.interval.overlaps(other.interval))

    def disjoint_values(self, i: int):
        """Figures wholly above, then wholly below, each nearest first, SCAN of each at most."""
        interval = self.items[i].interval
        above = bisect_right(self.lows, interval.upper_key)
        below = bisect_left(self.highs, interval.lower_key)
        yield from self.by_low[above : above + SCAN]
        yield from reversed(self.by_high[max(0, below - SCAN) : below])


# Different times: a running total must not fall ---------------------------------------------------


class _Revisions:
    """Pairs (earlier, later) where either is cumulative and the later lies wholly below.

    Figures are sorted by date; segment trees over their value bounds find the nearest earlier
    total above a figure and the nearest later total below it in O(log n), and Fenwick trees count
    them, so a group of any size is swept, never compared pair by pair.
    """

    def __init__(self, items: list[_Item]):
        self.items = items
        self.active = any(item.cumulative for item in items)
        if not self.active:
            return
        self.by_end = sorted(range(len(items)), key=lambda i: items[i].end)
        self.ends = [items[i].end for i in self.by_end]
        self.by_start = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.by_start]
        lows = [items[i].interval.lower_key for i in self.by_end]
        highs = [_negate(items[i].interval.upper_key) for i in self.by_start]  # search "above" = below
        cumulative_end = [items[i].cumulative for i in self.by_end]
        cumulative_start = [items[i].cumulative for i in self.by_start]
        # A cumulative figure is held against every earlier/later figure, any other only against
        # running totals: trees indexed by "is this figure cumulative".
        self.earlier = {True: _MaxTree(lows), False: _MaxTree(_only(lows, cumulative_end))}
        self.later = {True: _MaxTree(highs), False: _MaxTree(_only(highs, cumulative_start))}

    def partners(self, i: int, better, limit: int) -> list:
        """Better-supported totals this figure contradicts: nearest earlier above, nearest later below."""
        if not self.active:
            return []
        item, found = self.items[i], []
        earlier, later = self.earlier[item.cumulative], self.later[item.cumulative]
        up, down = item.interval.upper_key, _negate(item.interval.lower_key)
        searches = [
            (self.by_end, _walk(lambda end: earlier.rightmost_above(end, up), bisect_left(self.ends, item.start))),
            (self.by_start, _walk(lambda begin: later.leftmost_above(begin + 1, down), bisect_right(self.starts, item.end) - 1)),
        ]
        for order, positions in searches:
            for position in positions:
                if better(order[position]):
                    found.append((self.items[order[position]], REVISED_DOWN))
                    if len(found) == limit:
                        return found
        return found

    def degrees(self) -> list[int]:
        """Per figure: earlier totals wholly above it plus later totals wholly below it."""
        degree = [0] * len(self.items)
        if self.active:
            low, high = (lambda it: it.interval.lower_key), (lambda it: it.interval.upper_key)
            self._count(degree, low, high, forward=True)
            self._count(degree, lambda it: _negate(high(it)), lambda it: _negate(low(it)), forward=False)
        return degree

    def _count(self, degree: list, key, bound, forward: bool) -> None:
        """Offline sweep in date order: Fenwick trees of the keys of figures already passed."""
        items = self.items
        if forward:  # figures that end before this one starts
            queries, inserts = self.by_start, self.by_end
            passed = lambda other, item: other.end < item.start
        else:  # figures that start after this one ends
            queries, inserts = self.by_end[::-1], self.by_start[::-1]
            passed = lambda other, item: other.start > item.end
        ranks = sorted(key(item) for item in items)
        counts = {True: _Fenwick(len(items)), False: _Fenwick(len(items))}  # all; running totals only
        next_insert = 0
        for i in queries:
            while next_insert < len(inserts) and passed(items[inserts[next_insert]], items[i]):
                other = items[inserts[next_insert]]
                rank = bisect_left(ranks, key(other))
                counts[True].add(rank)
                if other.cumulative:
                    counts[False].add(rank)
                next_insert += 1
            tree = counts[items[i].cumulative]
            degree[i] += tree.total - tree.prefix(bisect_right(ranks, bound(items[i])))


_NEG = (-INF, 0)


def _walk(step, position: int):
    """Positions from repeated searches, each starting where the last one stopped; SCAN at most."""
    for _ in range(SCAN):
        position = step(position)
        if position < 0:
            return
        yield position


def _negate(key: tuple) -> tuple:
    return (-key[0], -key[1])


def _only(keys: list, keep: list) -> list:
    return [key if kept else _NEG for key, kept in zip(keys, keep)]


class _MaxTree:
    """Max segment tree: the nearest key above x before or after a position, in O(log n)."""

    def __init__(self, keys: list):
        size = 1
        while size < len(keys):
            size *= 2
        self.size = size
        self.tree = [_NEG] * (2 * size)
        self.tree[size : size + len(keys)] = keys
        for node in range(size - 1, 0, -1):
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def rightmost_above(self, end: int, x) -> int:
        """The largest j < end with keys[j] > x, or -1."""
        left, right = self._cover(0, end)
        return self._descend([*right, *reversed(left)], x, rightmost=True)

    def leftmost_above(self, begin: int, x) -> int:
        """The smallest j >= begin with keys[j] > x, or -1."""
        left, right = self._cover(begin, self.size)
        return self._descend([*left, *reversed(right)], x, rightmost=False)

    def _cover(self, begin: int, end: int) -> tuple[list, list]:
        """The nodes that cover [begin, end): those met from the left end, and from the right."""
        left, right = [], []
        begin, end = begin + self.size, end + self.size
        while begin < end:
            if begin & 1:
                left.append(begin)
                begin += 1
            if end & 1:
                end -= 1
                right.append(end)
            begin, end = begin // 2, end // 2
        return left, right

    def _descend(self, nodes: list, x, rightmost: bool) -> int:
        tree, size = self.tree, self.size
        for node in nodes:
            if tree[node] > x:
                while node < size:  # go down to the nearest leaf above x
                    first, second = (2 * node + 1, 2 * node) if rightmost else (2 * node, 2 * node + 1)
                    node = first if tree[first] > x else second
                return node - size
        return -1


class _Fenwick:
    """Counts of ranks inserted so far; prefix(r) counts those below r."""

    def __init__(self, size: int):
        self.tree = [0] * (size + 1)
        self.total = 0

    def add(self, rank: int) -> None:
        self.total += 1
        rank += 1
        while rank < len(self.tree):
            self.tree[rank] += 1
            rank += rank & -rank

    def prefix(self, rank: int) -> int:
        count = 0
        while rank > 0:
            count += self.tree[rank]
            rank -= rank & -rank
        return count


# Messages ---------------------------------------------------------------------------------------


def _side(item: _Item, target=None) -> str:
    when = f"as of {item.when}" if item.when is not None else "date unknown"
    return f"{describe_value(item.claim)}{_in_unit_of(item.claim, target)} ({when}, {source_label(item.claim)})"


def _in_unit_of(figure, target) -> str:
    """' = 64.4 km' for '40 miles' beside a figure in km: the value in the other figure's unit,
    when the units differ but convert (three significant digits), else nothing."""
    if target is None or not figure.unit or not target.unit or figure.unit == target.unit:
        return ""
    mine, theirs = parse_unit(figure.unit), parse_unit(target.unit)
    if mine.dimension != theirs.dimension or not theirs.factor or abs(mine.factor / theirs.factor - 1) < 1e-9:
        return ""
    ratio = mine.factor / theirs.factor
    values = figure.value if isinstance(figure.value, (list, tuple)) else [figure.value]
    return " = " + "-".join(format_number(float(f"{v * ratio:.3g}")) for v in values) + f" {target.unit}"


def _problem(item: _Item, partner: tuple, unreported: int, more: list) -> Problem:
    """One finding per conflicting pair: both sides with their values, dates and sources (the
    last also relates the further figures it contradicts, `more`)."""
    other, reason = partner
    figure = item.claim
    message = (
        f"{figure.subject} ({figure.metric}): {_side(item)} here vs {_side(other, figure)} in {where(other.claim)}"
        f" — {reason}{more_contradict(unreported, 'figure')}"
    )
    return Problem(message, claim=figure, field="value", related=[other.claim, *(extra.claim for extra, _reason in more)])
