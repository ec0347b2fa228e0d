"""Findings: what the rules report, with positions, ready for any reporter; and their identity.

A finding names where it is (`location`), the other claims involved (`related`, at most
`MAX_RELATED`, nearest first) and, when it was made in this run, the claim records themselves
(`claims`: primary first), so reporters can show them without looking them up again.
Identity is what a finding is about, independent of line numbers: baselines match on it and SARIF
fingerprints hash it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import os
from dataclasses import dataclass, field
from typing import NamedTuple

SEVERITIES = ("info", "warning", "error")  # ascending
MAX_RELATED = 200  # related claims listed per finding (the message names the nearest few)


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to a claim file, at a path in its YAML document (`("claims", 3, "approx")`).

    `rename` renames the key at `path`; otherwise the value at `path` becomes `value`.
    """

    path: tuple
    value: object = None
    rename: str | None = None


@dataclass(frozen=True, slots=True)
class Fix:
    """How to mend what a problem reports: edits applied by `claimcheck check --fix` (through the
    round-trip writer, so comments and layout survive). `safe` fixes cannot change what the file
    means beyond the mistake; the others need `--unsafe-fixes`, as in ruff."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Location(NamedTuple):
    """Where a claim (or a file's problem) is. A named tuple: a run reads tens of thousands of
    them back from the cache, and a tuple is made three times faster than a frozen dataclass."""

    path: str
    line: int
    column: int
    article: str | None = None
    claim: str | None = None

    @classmethod
    def of(cls, claim) -> Location:
        return cls(claim.path, claim.line, claim.column, claim.article_id, claim.id)

    @property
    def ref(self) -> str | None:
        return f"{self.article}#{self.claim}" if self.claim is not None else None

    def to_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "article": self.article, "claim": self.claim}

    @classmethod
    def from_json(cls, data: dict) -> Location:
        try:
            return _new_tuple(cls, _location_fields(data))
        except KeyError:  # written without the optional keys
            return cls(data["path"], data["line"], data["column"], data.get("article"), data.get("claim"))


# What a named tuple's own constructor calls, without its argument handling; and the fields as
# `to_json` writes them, read in C (a warm run reads tens of thousands of locations back).
_new_tuple = tuple.__new__
_location_fields = operator.itemgetter(*Location._fields)


@dataclass(slots=True)
class Finding:
    rule: str
    code: str
    severity: str
    message: str
    location: Location
    related: list[Location] = field(default_factory=list)
    claims: tuple = ()  # the claim records involved, primary first (not kept in caches)
    related_total: int | None = None  # how many related claims there were, when more than listed
    fix: Fix | None = None  # how to mend it (`claimcheck check --fix`)
    # The JSON it was read from (a cache): what `to_json` gives back, not built again. Findings
    # are not changed once made (only `claims` is filled in, and it is not part of the JSON).
    as_read: dict | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def article(self) -> str | None:
        return self.location.article

    @property
    def claim(self) -> str | None:
        return self.location.claim

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def claim_refs(self) -> list[str]:
        """`article#claim` of every claim involved, primary first."""
        return [loc.ref for loc in (self.location, *self.related) if loc.claim is not None]

    def to_json(self) -> dict:
        if self.as_read is not None:
            return self.as_read
        data = {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "article": self.article,
            "claim": self.claim,
            "related": [loc.to_json() for loc in self.related],
        }
        if self.related_total is not None:
            data["related_total"] = self.related_total
        if self.fix is not None:
            data["fix"] = fix_to_json(self.fix)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        """The inverse of `to_json` (caches store findings as JSON)."""
        finding = cls(
            data["rule"],
            data["code"],
            data["severity"],
            data["message"],
            Location.from_json(data),
            list(map(Location.from_json, data.get("related", ()))),
            related_total=data.get("related_total"),
            fix=fix_from_json(data["fix"]) if data.get("fix") else None,
        )
        finding.as_read = data
        return finding


def fix_to_json(fix: Fix) -> dict:
    edits = [{"path": list(e.path), **({"rename": e.rename} if e.rename is not None else {"value": e.value})} for e in fix.edits]
    return {"title": fix.title, "safe": fix.safe, "edits": edits}


def fix_from_json(data: dict) -> Fix:
    edits = tuple(Edit(tuple(e["path"]), e.get("value"), e.get("rename")) for e in data["edits"])
    return Fix(data["title"], edits, data.get("safe", True))


# Identity ------------------------------------------------------------------------------------------


def identity(finding: Finding, base_dir: str | None = None) -> tuple:
    """What a finding is about, independent of line numbers.

    A finding about claims: its rule and the claims involved (`article#claim`, in any order). A
    finding about a whole file: rule, path (relative to `base_dir` when given) and message.
    """
    if finding.claim is not None:
        return ("claims", finding.rule, tuple(sorted(set(finding.claim_refs()))))
    path = finding.path
    if base_dir is not None:
        with contextlib.suppress(ValueError):
            path = os.path.relpath(os.path.abspath(path), base_dir)
    return ("file", finding.rule, posix(os.path.normpath(path)), finding.message)


def fingerprint(finding: Finding, base_dir: str | None = None) -> str:
    """A stable hash of the identity (SARIF partialFingerprints), paths relative to `base_dir`."""
    data = json.dumps(identity(finding, base_dir or os.getcwd()), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def posix(path: str) -> str:
    return path.replace("\\", "/")
