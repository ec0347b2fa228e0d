"""One exclusive role held by different people at the same time, or incompatible titles.

## What it does

Exclusive roles (one holder at a time) are the roles of the reference tenures, the reference
files' `exclusive_roles:`, and the `exclusive-roles` option; roles are compared after aliases. A
role claim says its person holds the role at its date (`as_of`, else the article's publication
date) unless its status is `former`; claims with no person or no date are left out, and so are
`then` titles without `as_of` (they point at an earlier moment given in context).

1. **Two holders.** Two role claims give one exclusive role to different people (a surname or a
   fuller spelling is the same person) at overlapping dates. For a role with tenures, a pair the
   reference explains is not flagged: both titles fit the tenures and the holder changes within
   their dates ("then-President Trump" and "President Biden", both as of 2021).
2. **Two roles.** Two role claims give one person two exclusive roles at overlapping dates that
   cannot be held together: a pair listed in `incompatible-roles`, or two roles with tenures whose
   holders the reference certainly gives as different people throughout the overlap.

Findings are per pair of people (1) or of roles (2), at the claim the reference contradicts (else
the later report); `related` lists every other claim involved and the message gives both sides
with their titles, dates and articles, and what the reference says. `anachronism` judges each
title against the tenures on its own; this rule reports claims that contradict each other, and
where both would report the same wrong title, only this finding is shown (one wrong title, one
finding).

## Why it matters

Two heads of one delegation, or two presidents at once, means one title is wrong. Claims are
grouped by role (1) or by surname (2), and within a group a sweep over dates finds the overlapping
pairs, never all pairs; `max-per-claim` bounds a pathological group.

## Fails

```yaml
# file: talks.yaml
article: {id: talks, published: 2022-03-31}
claims:
  - {id: medinsky, kind: role, text: head of the Russian delegation Vladimir Medinsky,
     entity: Vladimir Medinsky, role: head of the Russian delegation}
  - {id: fomin, kind: role, text: "Fomin, leading the Russian peace delegation",
     entity: Alexander Fomin, role: head of the Russian delegation}
# file: reference/roles.yaml
reference: {id: roles}
exclusive_roles: [head of the Russian delegation]
```

## Passes

```yaml
# file: talks.yaml
article: {id: talks, published: 2022-03-31}
claims:
  - {id: medinsky, kind: role, text: head of the Russian delegation Vladimir Medinsky,
     entity: Vladimir Medinsky, role: head of the Russian delegation}
  - {id: fomin, kind: role, text: "Fomin, a former head of the delegation",
     entity: Alexander Fomin, role: head of the Russian delegation, status: former}
# file: reference/roles.yaml
reference: {id: roles}
exclusive_roles: [head of the Russian delegation]
```
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from pydantic import Field

from claimcheck.dates import DateInterval
from claimcheck.rule_api import MAX_RELATED, Problem, RuleOptions
from claimcheck.rules.common import group_by, overlapping_pairs, same_name, surname, where
from claimcheck.rules.tenures import TenureIndex

NAME = "role-conflict"
CODE = "CC401"
SEVERITY = "error"
SCOPE = "group"
KINDS = ("role",)
SUPERSEDES = ("anachronism",)  # the claim this rule reports on is the wrong title: one finding for it


class Options(RuleOptions):
    exclusive_roles: list[str] = Field([], description="more roles held by one person at a time")
    incompatible_roles: list[list[str]] = Field([], description='groups of roles no one holds at once, e.g. [["President of Russia", "Prime Minister of Russia"]]')
    two_holders: bool = Field(True, description="one exclusive role given to different people at once")
    two_roles: bool = Field(True, description="one person given two roles that cannot be held together")
    max_per_claim: int = Field(3, ge=1, description="other holders a claim is compared with (bounds the cost)")


@dataclass(slots=True)
class _Context:
    options: Options
    index: TenureIndex
    incompatible: set  # frozensets of two role keys
    in_groups: set  # role keys named in incompatible-roles


def prepare(corpus, options) -> _Context:
    index = TenureIndex(corpus, options.exclusive_roles)
    incompatible = _incompatible_pairs(options.incompatible_roles, index.key)
    return _Context(options, index, incompatible, {role for pair in incompatible for role in pair})


def keys(claim, context: _Context):
    """("role", role) for the two-holders check, ("person", surname) for the two-roles check."""
    key = context.index.key
    entity, role = key(claim.entity), key(claim.role)
    if not (entity and role and _held_at_known_date(claim)):
        return
    exclusive = role in context.index.exclusive
    if context.options.two_holders and exclusive:
        yield ("role", role)
    if context.options.two_roles and (exclusive or role in context.in_groups):
        yield ("person", surname(entity))


def check(key, claims, context: _Context):
    if key[0] == "role":
        yield from _two_holders(key[1], claims, context.index, context.options.max_per_claim)
    else:
        yield from _two_roles(claims, context.index, context.incompatible)


def _held_at_known_date(claim) -> bool:
    """The claim says the person holds the role at a date we know: not `former`, and not a
    `then` title without `as_of` (it points at an earlier moment the article gives in context)."""
    if claim.status == "former" or claim.when is None:
        return False
    return claim.status != "then" or claim.as_of is not None


# 1. Two holders of one role ------------------------------------------------------------------------

PAIR_CLAIMS = MAX_RELATED + 1  # claims kept per pair of holders: the primary and the most a finding relates


def _two_holders(role: str, members: list, index: TenureIndex, limit: int):
    key = index.key
    person = _people(members, key)
    involved: dict[tuple, dict] = defaultdict(dict)  # pair of people -> claims (ordered set)
    items = [(same[0].when, person[id(same[0])], same) for same in _alike(members, person, key)]
    crowded: set[tuple] = set()  # pairs with more claims than a finding lists
    for (_w1, p1, group_a), (_w2, p2, group_b) in overlapping_pairs(items, limit):
        a, b = group_a[0], group_b[0]
        if same_name(key(a.entity), key(b.entity)) or _explained(a, b, role, index):
            continue
        pair = tuple(sorted((p1, p2)))
        claims = involved[pair]
        for claim in (*group_a, *group_b):  # at most PAIR_CLAIMS a pair: the cost stays linear in the corpus
            if len(claims) >= PAIR_CLAIMS and id(claim) not in claims:
                crowded.add(pair)
                break
            claims[id(claim)] = claim
    for pair in sorted(involved):
        yield _holders_problem(list(involved[pair].values()), role, index, pair in crowded)


def _alike(members: list, person: dict, key) -> list[list]:
    """Claims that every pair test treats alike (same person, name, status and dates), together.

    The sweep then compares classes, not claims: fifty same-day "President Biden" claims are
    one item, so the pairs visited stay few even when a corpus repeats itself.
    """
    classes: dict[tuple, list] = {}
    for claim in members:
        when = claim.when
        classes.setdefault((person[id(claim)], key(claim.entity), claim.status, when.start, when.end), []).append(claim)
    return list(classes.values())


def _people(members: list, key) -> dict[int, str]:
    """Each claim's person, with names that may be the same person merged (fullest name first)."""
    names = sorted({key(c.entity) for c in members}, key=lambda n: (-len(n.split()), n))
    by_last: dict[str, list[str]] = defaultdict(list)
    canonical = {}
    for name in names:
        candidates = by_last[name.split()[-1]]
        canonical[name] = next((other for other in candidates if same_name(name, other)), name)
        if canonical[name] == name:
            candidates.append(name)
    return {id(c): canonical[key(c.entity)] for c in members}


def _explained(a, b, role: str, index: TenureIndex) -> bool:
    """For a role with tenures: both titles fit the reference and the holder changes in between."""
    if not index.covers(role):
        return False
    if index.judge_claim(a) is not None or index.judge_claim(b) is not None:
        return False
    low, high = min(a.when.start, b.when.start), max(a.when.end, b.when.end)
    return index.handover_between(role, low, high)


def _holders_problem(claims: list, role: str, index: TenureIndex, crowded: bool = False) -> Problem:
    key = index.key
    primary = _primary(claims, index)
    related = [c for c in claims if c is not primary]
    others = [c for c in related if not same_name(key(c.entity), key(primary.entity))]
    role_name = _role_name(primary, index)
    as_given = f'as "{primary.role}", ' if index.key(primary.role) == role and primary.role != role_name else ""
    text = (
        f'"{role_name}": {primary.entity} here ({as_given}{_date(primary)}) vs {_others(others, lambda c: c.entity)} '
        "at overlapping dates — the role has one holder at a time"
    )
    overlap = _overlap([primary.when, *(c.when for c in others)])
    holders = index.sure_holders(role, overlap) if overlap else ()
    if holders:
        text += "; the reference has " + "; ".join(span.describe() for span in holders)
    if crowded:
        text += f" (more claims say so than the {len(claims)} looked at)"
    return Problem(text, claim=primary, field="entity", related=related)


# 2. Two roles for one person -----------------------------------------------------------------------


def _two_roles(claims: list, index: TenureIndex, incompatible: set):
    key = index.key
    by_person = _group_people(claims, key)
    for person in sorted(by_person):
        by_role = group_by(by_person[person], lambda c: key(c.role))
        for role_a, role_b in combinations(sorted(by_role), 2):
            configured = frozenset((role_a, role_b)) in incompatible
            if not configured and not (index.covers(role_a) and index.covers(role_b)):
                continue
            items = [(same[0].when, role, same) for role in (role_a, role_b) for same in _alike_dates(by_role[role])]
            involved: dict[int, object] = {}
            for (w1, _r1, group_a), (w2, _r2, group_b) in overlapping_pairs(items):
                overlap = _overlap([w1, w2])
                if configured or _never_together(role_a, role_b, overlap, index):
                    involved.update({id(c): c for c in (*group_a, *group_b)})
            if involved:
                yield _roles_problem(list(involved.values()), role_a, role_b, index, configured)


def _alike_dates(claims: list) -> list[list]:
    """One person's claims of one role, grouped by date (they behave alike in the sweep)."""
    classes: dict[tuple, list] = {}
    for claim in claims:
        classes.setdefault((claim.when.start, claim.when.end), []).append(claim)
    return list(classes.values())


def _group_people(claims: list, key) -> dict[str, list]:
    person = _people(claims, key)
    groups = defaultdict(list)
    for claim in claims:
        groups[person[id(claim)]].append(claim)
    return groups


def _never_together(role_a: str, role_b: str, overlap: DateInterval, index: TenureIndex) -> bool:
    """Whether the tenures certainly give the two roles to different people throughout `overlap`."""
    return (
        index.surely_held_throughout(role_a, overlap)
        and index.surely_held_throughout(role_b, overlap)
        and not index.may_hold_both(role_a, role_b, overlap)
    )


def _roles_problem(claims: list, role_a: str, role_b: str, index: TenureIndex, configured: bool) -> Problem:
    key = index.key
    primary = _primary(claims, index)
    related = [c for c in claims if c is not primary]
    others = [c for c in related if key(c.role) != key(primary.role)]
    text = (
        f'{primary.entity}: "{primary.role}" here ({_date(primary)}) vs {_others(others, _quoted_role)} '
        "at overlapping dates — one person cannot hold both"
    )
    if configured:
        text += " (incompatible-roles)"
    else:
        overlap = _overlap([primary.when, *(c.when for c in others)])
        holders = [*index.sure_holders(role_a, overlap), *index.sure_holders(role_b, overlap)] if overlap else []
        text += "; the reference has " + "; ".join(span.describe() for span in holders)
    return Problem(text, claim=primary, field="role", related=related)


# Shared --------------------------------------------------------------------------------------------


def _incompatible_pairs(groups: list[list[str]], key) -> set[frozenset]:
    pairs = set()
    for group in groups:
        roles = sorted({key(role) for role in group if key(role)})
        pairs.update(frozenset(pair) for pair in combinations(roles, 2))
    return pairs


def _primary(claims: list, index: TenureIndex):
    """The claim to report at: one the reference contradicts, else the latest report."""
    contradicted = [c for c in claims if index.judge_claim(c) is not None]
    return max(contradicted or claims, key=_reported)


def _reported(claim):
    published = claim.published
    return (published.start if published else dt.date.min, claim.when.start, claim.path, claim.position)


def _overlap(intervals: list[DateInterval]) -> DateInterval | None:
    start, end = max(i.start for i in intervals), min(i.end for i in intervals)
    return DateInterval(start, end, f"{start}..{end}") if start <= end else None


def _role_name(claim, index: TenureIndex) -> str:
    spans = index.by_role.get(index.key(claim.role))
    return spans[0].tenure.role if spans else claim.role


def _date(claim) -> str:
    return f"as of {claim.as_of}" if claim.as_of else f"published {claim.published}"


def _quoted_role(claim) -> str:
    return f'"{claim.role}"'


def _others(claims: list, label) -> str:
    """`Label in path:line (date)` once per label, with how many more claims say the same."""
    by_label: dict[str, list] = {}
    for claim in claims:
        by_label.setdefault(label(claim), []).append(claim)
    parts = []
    for name, own in by_label.items():
        more = f" and {len(own) - 1} more" if len(own) > 1 else ""
        parts.append(f"{name} in {where(own[0])} ({_date(own[0])}){more}")
    return "; ".join(parts)
