"""A claim dated after its article, or a title the reference tenures contradict.

## What it does

Two checks.

**Dated after publication.** An event's `date`, a quote's `said_on`, a figure's or a role's
`as_of` that lies wholly after the article's `published` date: the article cannot report it yet.
Events marked `tense: future` are plans and are exempt. Partial dates are intervals: a quote
`said_on: 2021-12` in an article of 2021-12-04 is fine (it may be December 1).

**Titles against the reference tenures.** A role claim is judged only when the reference files
cover its role (after aliases) and name a person (`entity`); its date is `as_of`, else the
article's publication date. As the claims format defines them:

- `current` and `then`: the person held the role at that date. Wrong when none of their tenures
  can reach the date (within the period the reference covers for the role), or, for someone the
  reference does not list, when another person certainly held the role throughout the date. A
  `then` title with no `as_of` ("then-President Obama" in a 2022 article) points at some earlier
  moment the article gives in context: it is wrong only if all the person's tenures begin after
  publication.
- `former`: the person held it before and no longer does. Wrong when they were certainly still in
  office throughout the date, or had not yet started. Someone the reference does not list is not
  judged (they may have held it before the reference begins).
- A bare title (no country: "President", "Vice President", "House Speaker") is read as an office
  the reference covers only where that is certain. Given as `former`, it is read as the office of
  that title the person held ("former President Putin"). Given as current with no `as_of`, it is
  left alone when the person ever held an office of that title ("under President Bush" is news
  style for the past); dated by `as_of` in the article's own voice ("Prime Minister Matteo Renzi
  said on Thursday", which `extract` dates to that Thursday), it is read as the offices of that
  title the person held, as `former` is. It is also judged when the person held such an office
  only later ("President Joe Biden" in 2019), or never held one and was certainly in another
  office of the same country at the date: "Vice President Donald Trump" in 2018 is read as Vice
  President of the United States.

A role claim dated after its article is reported for its date only (one mistake, one finding).

Only what is certainly wrong over the whole interval is flagged: a tenure ending 2025-01-20 and a
claim dated 2025-01 could be either, so it is not flagged, and neither is anything on the day of
a handover. The message names the tenure (with its file and line) that contradicts the claim.

## Why it matters

An article cannot report what has not happened yet, and "former President X" while X is in office
(or "President X" years after X left) is a factual error readers notice first.

## Fails

```yaml
# file: talks.yaml
article: {id: talks, published: 2022-04-02}
claims:
  - {id: met, kind: event, text: the delegations met on April 10,
     subject: second round of talks, date: 2022-04-10}
  - {id: biden, kind: role, text: former US President Joe Biden,
     entity: Joe Biden, role: US President, status: former}
# file: reference/offices.yaml
reference: {id: offices}
tenures:
  - {entity: Donald Trump, role: President of the United States, start: 2017-01-20, end: 2021-01-20}
  - {entity: Joe Biden, role: President of the United States, start: 2021-01-20, end: 2025-01-20}
aliases: {President of the United States: [US President]}
```

## Passes

```yaml
# file: talks.yaml
article: {id: talks, published: 2022-04-02}
claims:
  - {id: met, kind: event, text: the delegations will meet on April 10,
     subject: second round of talks, date: 2022-04-10, tense: future}
  - {id: biden, kind: role, text: President Joe Biden, entity: Joe Biden, role: US President}
  - {id: trump, kind: role, text: former President Donald Trump, entity: Donald Trump,
     role: US President, status: former}
# file: reference/offices.yaml
reference: {id: offices}
tenures:
  - {entity: Donald Trump, role: President of the United States, start: 2017-01-20, end: 2021-01-20}
  - {entity: Joe Biden, role: President of the United States, start: 2021-01-20, end: 2025-01-20}
aliases: {President of the United States: [US President]}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import Field

from claimcheck.dates import shift
from claimcheck.describe import claim_label
from claimcheck.rule_api import Fix, Problem, RuleOptions, claim_edit
from claimcheck.rules.tenures import TenureIndex

NAME = "anachronism"
CODE = "CC202"
SEVERITY = "error"
SCOPE = "claim"

# Which field dates each kind of claim (the one a finding points at).
DATE_FIELDS = {"event": "date", "quote": "said_on", "figure": "as_of", "role": "as_of"}
STATUS_WORDS = {"current": "", "former": "former ", "then": "then-"}


class Options(RuleOptions):
    check_dates: bool = Field(True, description="flag claims dated after their article's publication")
    date_kinds: list[str] = Field(["event", "quote", "figure", "role"], description="claim kinds whose date is checked")
    tolerance_days: int = Field(0, ge=0, le=3660, description="days after publication still accepted (time zones, late editions)")
    check_titles: bool = Field(True, description="judge role claims against the reference tenures")


@dataclass(slots=True)
class _Context:
    options: Options
    tenures: TenureIndex | None


def prepare(corpus, options) -> _Context:
    """The tenure index, built once per run (not once per claim)."""
    return _Context(options, TenureIndex(corpus) if options.check_titles else None)


def check(claim, context: _Context, corpus=None):
    options = context.options
    dated_after = []
    if options.check_dates and claim.kind in options.date_kinds:
        dated_after = list(_after_publication(claim, options))
        yield from dated_after
    if context.tenures is not None and claim.kind == "role" and not dated_after:
        # a title dated after its article is one mistake, reported once: the date
        yield from _title(claim, context.tenures)


def _after_publication(claim, options):
    field = DATE_FIELDS.get(claim.kind)
    when, published = getattr(claim, field, None) if field else None, claim.published
    if when is None or published is None:
        return
    if claim.kind == "event" and claim.tense == "future":
        return
    if when.start <= shift(published.end, options.tolerance_days):
        return
    hint = "; if it is planned, mark it `tense: future`" if claim.kind == "event" else ""
    yield Problem(
        f"{claim_label(claim)} {field} {when} is after the article's publication ({published}): "
        f"the article cannot report it yet{hint}",
        claim=claim,
        field=field,
        fix=_planned(claim) if claim.kind == "event" else None,
    )


_PLANNED = re.compile(
    r"\b(?:will|shall|would|'ll|plans?|planned|planning|schedul\w*|upcoming|due to|set to|expected to|is to|are to|to be held|next)\b",
    re.IGNORECASE,
)


def _planned(event) -> Fix:
    """`tense: future`: safe when the event's own words say it is planned ("will meet")."""
    says_so = bool(_PLANNED.search(event.text))
    return Fix("mark the event planned (tense: future)", (claim_edit(event, "tense", "future"),), safe=says_so)


def _title(claim, tenures: TenureIndex):
    when = claim.when
    if when is None or not claim.entity:
        return  # no date to judge at, or no person named
    contradiction = tenures.judge_claim(claim)
    if contradiction is None:
        return
    if claim.as_of:
        dated = f"at as_of {claim.as_of}"
    elif claim.status == "then":
        dated = f"in an article of {claim.published} (no as_of: some time before it)"
    else:
        dated = f"at the publication date {claim.published}"
    yield Problem(
        f"{claim.entity} is called {_title_words(claim)} {dated}, " + contradiction.explain(claim.entity),
        claim=claim,
        field="status" if claim.status != "current" else "role",
    )


def _title_words(claim) -> str:
    if claim.status == "then":
        return f'then-"{claim.role}"'
    return f'"{STATUS_WORDS[claim.status]}{claim.role}"'
