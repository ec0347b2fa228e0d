"""Findings: what the rules report, with positions, ready for any reporter."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")  # ascending


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int
    column: int
    article: str | None = None
    claim: str | None = None

    def to_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "article": self.article, "claim": self.claim}

    @classmethod
    def from_json(cls, data: dict) -> Location:
        return cls(data["path"], data["line"], data["column"], data.get("article"), data.get("claim"))


@dataclass(slots=True)
class Finding:
    rule: str
    code: str
    severity: str
    message: str
    location: Location
    related: list[Location] = field(default_factory=list)

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
        locations = [self.location, *self.related]
        return [f"{loc.article}#{loc.claim}" for loc in locations if loc.claim is not None]

    def to_json(self) -> dict:
        return {
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

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        """The inverse of `to_json` (the pytest plugin's cache stores findings as JSON)."""
        return cls(
            data["rule"],
            data["code"],
            data["severity"],
            data["message"],
            Location.from_json(data),
            [Location.from_json(r) for r in data.get("related", [])],
        )
