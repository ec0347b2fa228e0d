"""What a rule module uses: `Problem` to report, `RuleOptions` to declare its options.

A rule is a module (or any object) with these attributes (see docs/writing-rules.md)::

    \"\"\"One-line summary.

    The rest of the docstring is the rule's documentation: options, defaults, a passing and a
    failing example. `claimcheck rule NAME` prints it.
    \"\"\"
    NAME = "my-rule"              # kebab-case, used by --select/--ignore/ignore:/configuration
    CODE = "XY101"                # stable short code
    SEVERITY = "warning"          # error | warning | info
    SCOPE = "claim"               # claim | article | corpus: what `check` receives

    class Options(RuleOptions):   # optional; settable under [tool.claimcheck.rules.my-rule]
        threshold: int = 3

    def check(target, options, corpus):
        # target: a claim (SCOPE claim), a ClaimFile (article) or the Corpus (corpus)
        yield Problem("what is wrong", claim=target, field="value")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

SCOPES = ("claim", "article", "corpus")


class RuleOptions(BaseModel):
    """Base of every rule's options: unknown options are configuration errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
