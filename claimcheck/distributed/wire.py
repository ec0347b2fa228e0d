"""What crosses the network: findings packed as tuples (with what suppression reads of the claims
they name), and detached claims, whose file is a `FileStub`."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.findings import Finding, Location


@dataclass(slots=True)
class FileStub:
    """What a detached claim keeps of its file: what rules and messages read (`claim.path`,
    `claim.article`); the claim itself carries its article id, date, line, column and marks."""

    path: str
    article: object = None
    noqa: dict = field(default_factory=dict)  # the file's disable comments (suppression reads them)

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article is not None else None


@dataclass(slots=True)
class _StandIn:
    """A claim a finding made on a worker names, as far as suppression reads it (`engine.suppressed`):
    its place, `ignore:` entries and the disable comments of its file that apply to it."""

    path: str
    id: str
    ignore: tuple
    noqa: dict

    @property
    def file(self) -> _StandIn:  # suppression reads `claim.file.noqa`
        return self


def pack_finding(finding: Finding) -> tuple:
    """A finding made on a worker, as it travels: tuples (rule and code are the rule's own)."""
    where = finding.location
    related = tuple((r.path, r.line, r.column, r.article, r.claim) for r in finding.related)
    return (
        finding.severity,
        finding.message,
        (where.path, where.line, where.column, where.article, where.claim),
        related,
        finding.related_total,
    )


def unpack_finding(rule, packed: tuple, suppression=()) -> Finding:
    severity, message, where, related, total = packed
    finding = Finding(rule.name, rule.code, severity, message, Location(*where), [Location(*r) for r in related], related_total=total)
    finding.claims = tuple(_StandIn(*claim) if claim is not None else None for claim in suppression)
    return finding


def suppression_of(finding: Finding) -> tuple:
    """What suppression reads of each claim the finding names (`_StandIn`'s fields)."""
    out = []
    for claim in finding.claims:
        if claim is None:
            out.append(None)
            continue
        noqa = getattr(claim.file, "noqa", None) or {}
        out.append((claim.path, claim.id, tuple(claim.ignore), {key: noqa[key] for key in (None, claim.id) if key in noqa}))
    return tuple(out)
