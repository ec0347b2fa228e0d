"""What a rule module uses: `Problem` to report, `RuleOptions` to declare its options, the scopes.

A rule is a module (or any object) with a docstring (its documentation), `NAME`, `CODE`,
`SEVERITY`, `SCOPE`, an optional `Options` model and, by scope (see docs/writing-rules.md):

* `claim`: `check(claim, options, corpus)` for every valid claim (of `KINDS`, when the rule sets
  it); with `prepare(corpus, options)`, what it returns is passed in place of `options` (built
  once per run: an index of the reference, say);
* `article`: `check(claim_file, options, corpus)` for every claim file;
* `file`: `check(file, options, corpus)` for every file read, reference files included;
* `group`: claims compared with each other. `keys(claim, context)` yields the normalised keys a
  claim is grouped under (claims of `KINDS` only, when the rule sets it) and
  `check(key, claims, context)` judges one group; `prepare(corpus, options)` may build the
  `context` (default: `Context(options, normalizer)`). The engine groups in-process; a cluster
  runs the same two functions around a shuffle, so a group rule scales to any corpus;
* `corpus`: `check(corpus, options, corpus)` once, with the whole corpus (in-process only).

`check` yields `Problem`s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from claimcheck.findings import MAX_RELATED as MAX_RELATED  # re-exported for rules (related claims per finding)
from claimcheck.findings import Edit, Fix

SCOPES = ("claim", "article", "file", "group", "corpus")


class RuleOptions(BaseModel):
    """Base of every rule's options: unknown options are configuration errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(slots=True)
class Context:
    """What a group rule's `keys` and `check` receive by default."""

    options: RuleOptions
    normalizer: object  # claimcheck.normalize.Normalizer, with the reference aliases

    def key(self, text: str | None) -> str:
        return self.normalizer.key(text)


def claim_edit(claim, field: str, value: object) -> Edit:
    """An edit that sets a field of a claim (its path in the file from the claim's index)."""
    return Edit(("claims", claim.index, field), value)


@dataclass(slots=True)
class Problem:
    """One thing a rule found. The engine adds the rule, code, severity and positions."""

    message: str
    claim: object | None = None  # the claim at fault (its position is reported)
    field: str | tuple | None = None  # point at this field of the claim (or a path in it: ("ignore", 0))
    related: Sequence = ()  # the other claims involved
    file: object | None = None  # for whole-file problems (no claim)
    line: int | None = None  # explicit position inside `file` (loader problems)
    column: int | None = None
    severity: str | None = None  # override the configured severity (rarely right)
    claim_id: str | None = None  # a claim named by id only (it failed validation)
    fix: Fix | None = None  # how to mend it (see `Fix`)
