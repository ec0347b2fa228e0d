"""A check-worthy claim stated with no source.

## What it does

A claim is stated in the article's own voice when it has no `attribution` (absent or null, or one
with neither `source` nor `type`). Which such claims deserve a warning:

- **figures**, except background quantities: durations and dates (a figure whose `unit` is a time
  unit, `skip-units`) and figures whose `metric` names a duration, an age, a date or a distance
  between places (`skip-metrics`, matched as words). Death tolls, casualty counts, money, shares
  and lengths stay in: they are what readers and fact-checkers ask "says who?" of;
- **statements** whose wording presents a contested point as plain fact: "actually", "in fact",
  "in reality", "clearly", "of course", "undoubtedly", "the truth is", "myth", "fabrication",
  "hoax", "no evidence" (`statement-cues`; Wikipedia's "Words to watch: editorializing" is the
  model). Most statements in news copy are narration or background, and an editor would not ask
  for a source for each; `all-statements = true` flags every unsourced statement. Statements with
  a `hedge` are left to `vague-attribution`;
- quotes, events and roles are not check-worthy by default: a quote with `attribution: null` is a
  scare quote (the article's words, not an assertion); add a kind to `kinds` to flag it.

Never flagged: `boilerplate: true` claims (page furniture) and claims with an attribution, even a
vague one (that is `vague-attribution`'s job).

## Why it matters

A number in the article's own voice is the article's responsibility: a fact-checker's first
question is "says who?".

## Fails

```yaml
article: {id: mine, published: 2021-11-26}
claims:
  - {id: toll, kind: figure, text: the blast killed 51 people,
     subject: Listvyazhnaya mine disaster, metric: deaths, value: 51, unit: people}
```

## Passes

```yaml
article: {id: mine, published: 2021-11-26}
claims:
  - {id: toll, kind: figure, text: "the blast killed 51 people, officials said",
     subject: Listvyazhnaya mine disaster, metric: deaths, value: 51, unit: people,
     attribution: {source: Kemerovo regional administration, type: organization}}
  - {id: years, kind: figure, text: independent for 30 years,
     subject: Ukraine, metric: years of independence, value: 30, unit: years}
```
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import Field, field_validator

from claimcheck.describe import claim_label
from claimcheck.rule_api import Problem, RuleOptions
from claimcheck.rules.common import describe_value, quoted, valid_patterns

NAME = "unattributed"
CODE = "CC301"
SEVERITY = "warning"
SCOPE = "claim"

TIME_UNITS = [
    "second", "seconds", "minute", "minutes", "min", "hour", "hours", "h", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs",
    "decade", "decades", "century", "centuries",
]  # fmt: skip
STATEMENT_CUES = [
    r"actually", r"in fact", r"in reality", r"in truth", r"the truth is", r"the fact is",
    r"it is a fact", r"clearly", r"obviously", r"of course", r"undoubtedly", r"undeniabl[ey]",
    r"indisputabl[ey]", r"without (?:a|any) doubt", r"no doubt", r"myths?", r"fabricat\w*",
    r"hoax", r"(?:there is|there's) no evidence",
]  # fmt: skip


class Options(RuleOptions):
    kinds: list[str] = Field(["figure", "statement"], description="claim kinds that are check-worthy")
    skip_units: list[str] = Field(TIME_UNITS, description="units that make a figure a duration")
    skip_metrics: list[str] = Field(["duration", "age", "date", "distance"], description="metric words that make a figure background")
    metrics: list[str] = Field([], description="when not empty, only figures whose metric has one of these words")
    statement_cues: list[str] = Field(STATEMENT_CUES, description="wording that asserts a contested point as fact (regular expressions, case-insensitive, whole words)")
    all_statements: bool = Field(False, description="flag every unsourced, unhedged statement")
    hedged_statements: bool = Field(False, description="also flag statements that carry a hedge")

    @field_validator("statement_cues")
    @classmethod
    def _valid_patterns(cls, cues: list[str]) -> list[str]:
        return valid_patterns(cues, "statement cue")


def check(claim, options, corpus):
    if claim.boilerplate or claim.kind not in options.kinds or _attributed(claim):
        return
    if claim.kind == "figure":
        reason = _figure_reason(claim, options)
    elif claim.kind == "statement":
        reason = _statement_reason(claim, options)
    else:
        reason = f"{claim.kind} {_snippet(claim.text)}"
    if reason:
        yield Problem(f"{reason} is stated in the article's own voice with no source: name who says so", claim=claim)


def _attributed(claim) -> bool:
    attribution = claim.attribution
    return attribution is not None and bool(attribution.source or attribution.type)


def _figure_reason(claim, options) -> str | None:
    unit = (claim.unit or "").strip().casefold()
    metric_words = set(_words(claim.metric))
    skip_units, skip_metrics, metrics = _folded(tuple(options.skip_units), tuple(options.skip_metrics), tuple(options.metrics))
    if unit and unit in skip_units:
        return None  # a duration: background, not a disputed quantity
    if metric_words & skip_metrics:
        return None
    if metrics and not metric_words & metrics:
        return None
    return f"{claim_label(claim)} ({describe_value(claim)})"


def _statement_reason(claim, options) -> str | None:
    if claim.hedge and not options.hedged_statements:
        return None  # hedged wording is vague-attribution's to judge
    if options.all_statements:
        return f"statement {_snippet(claim.text)}"
    match = _cue_pattern(tuple(options.statement_cues)).search(claim.text)
    if match is None:
        return None
    return f'statement {_snippet(claim.text)}, worded as plain fact ("{match.group(0)}"),'


def _snippet(text: str) -> str:
    return quoted(text, 70)


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


@lru_cache(maxsize=32)
def _folded(*word_lists: tuple[str, ...]) -> tuple[frozenset, ...]:
    """The options' word lists as case-folded sets (once per set of options, not per claim)."""
    return tuple(frozenset(word.casefold() for word in words) for words in word_lists)


@lru_cache(maxsize=32)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    if not cues:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.IGNORECASE)
