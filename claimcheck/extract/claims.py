"""Claim drafts: what the extractors build, and the core records they must become.

An extractor finds a claim bit by bit (a quote's speaker after its words, a
range's lower end after its upper one), so it works on a mutable `Draft`.
Before anything is written, each draft becomes plain data in the order the
writer writes it and is validated as the claims format's record of its kind
(`claimcheck.model`). A draft that fails is a bug in the extractor: it is
reported on stderr and left out, so that no invalid claim file is written.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from claimcheck.describe import quoted
from claimcheck.load.loader import error_messages
from claimcheck.model import CLAIM_TYPES, validate

# The order fields are written in, per kind (the spec's order); `id, kind, text, span` come first.
FIELD_ORDER = {
    "figure": ["subject", "metric", "value", "approx", "unit", "as_of", "cumulative", "of", "part_of", "attribution"],
    "event": ["subject", "date", "tense", "attribution"],
    "quote": ["quote", "attribution", "said_on", "direct"],
    "role": ["entity", "role", "status", "as_of"],
    "statement": ["hedge", "attribution"],
}


@dataclass
class Draft:
    """A claim being extracted: where it is, its text, and its kind's fields so far."""

    kind: str
    start: int                 # absolute offsets into the article file text
    end: int
    text: str
    fields: dict[str, Any] = field(default_factory=dict)   # kind-specific
    id: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def plain(self) -> dict:
        """The claim as plain data, in the order it is written."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "text": self.text, "span": [self.start, self.end]}
        for key in FIELD_ORDER[self.kind]:
            if key in self.fields:
                out[key] = self.fields[key]
        for key, value in self.fields.items():
            out.setdefault(key, value)
        return out


def checked_claims(drafts: list[Draft], article_id: str, warn=None) -> list[dict]:
    """The drafts as plain claims, each one validated as its kind's core record.

    A draft the core rejects is reported (naming the article and the claim; to `warn`, else on
    stderr) and left out: the claim file written stays valid.
    """
    warn = warn or (lambda message: print(message, file=sys.stderr))
    claims = []
    for draft in drafts:
        plain = draft.plain()
        try:
            validate(CLAIM_TYPES[draft.kind], plain)
        except ValidationError as exc:
            problems = "; ".join(message for message, *_ in error_messages(exc, f"{draft.kind} claim", plain))
            warn(f"claimcheck extract: warning: {article_id}: claim {draft.id} {quoted(draft.text)} "
                 f"left out, it is not valid (an extractor bug): {problems}")
            continue
        claims.append(plain)
    return claims
