"""The findings assembled on the driver from what the workers sent: in the engine's order, crashes
capped, `combine` rules' partials combined, suppression applied, the limits, the LAST rules and
supersession, as the in-process runner gives them."""

from __future__ import annotations

import math

from claimcheck.corpus import Corpus
from claimcheck.distributed.broadcast import SharedState
from claimcheck.distributed.wire import FileStub, unpack_finding
from claimcheck.engine import MAX_CRASHES, Limits, crash_finding, run_rule, suppressed, to_finding
from claimcheck.findings import Finding
from claimcheck.model import ClaimFile
from claimcheck.runner import superseded_removed

# Assembling the findings (driver) ----------------------------------------------------------------


def assemble(shared: SharedState, plan, records: list, limits: Limits) -> tuple[list[Finding], int]:
    """The findings of every rule as the in-process runner gives them: in the engine's order,
    suppression applied (on any claim a finding names), at most the limits' findings per group
    and per rule, then the LAST rules (unused-ignore) on the `ignore:` entries that suppressed
    nothing, then what another rule's finding supersedes; sorted."""
    claims = 0
    by_rule: dict[int, dict[str, list]] = {index: {} for index in range(len(shared.rules))}
    with_ignores = []
    for record in records:
        tag = record[0]
        if tag == "count":
            claims += record[1]
        elif tag == "ignores":
            with_ignores.extend(record[1])
        else:
            by_rule[record[1]].setdefault(tag, []).append(record)
    findings: list[Finding] = []
    used: list = []  # (stand-in claim, entry) that suppressed a finding
    for index, settings in enumerate(shared.rules):
        if settings.rule.last:
            continue
        parts = by_rule[index]
        if "bare" in parts:  # prepare crashed
            found = [unpack_finding(settings.rule, record[2]) for record in parts["bare"]]
        elif settings.rule.scope == "group":
            found = _group_findings(shared, index, parts, limits)
        else:
            found = _target_findings(parts, settings.rule)
        kept = [f for f in found if not suppressed(f, plan, used)]
        findings.extend(limits.cap(settings.rule.name, kept, limits.per_rule))
    findings += _last_rules(shared, plan, with_ignores, used, limits)
    for finding in findings:
        finding.claims = ()  # the stand-ins were for suppression only
    findings = superseded_removed(findings, plan.rules)
    findings.sort(key=Finding.sort_key)
    return findings, claims


def _last_rules(shared: SharedState, plan, with_ignores: list, used: list, limits: Limits) -> list[Finding]:
    """The LAST rules, on the driver: over the claims that carry `ignore:` entries (gathered from
    the workers), with the entries that suppressed findings, as the runner gives them."""
    last = [settings for settings in shared.rules if settings.rule.last]
    if not last:
        return []
    files: dict[str, ClaimFile] = {}
    for claim in with_ignores:
        files.setdefault(claim.path, ClaimFile(claim.path)).claims.append(claim)
    view = Corpus(files=list(files.values()), references=shared.corpus.references, normalizer=shared.corpus.normalizer)
    view.rule_names = shared.corpus.rule_names
    view.selected_rules = frozenset(key for s in plan.rules for key in (s.rule.name, s.rule.code))
    by_place = {(claim.path, claim.id): claim for claim in with_ignores}
    view.suppressions = [(by_place[(c.path, c.id)], entry) for c, entry in used if (c.path, c.id) in by_place]
    out = []
    for settings in last:
        kept = [f for f in run_rule(view, settings, limits) if not suppressed(f, plan)]
        out.extend(limits.cap(settings.rule.name, kept, limits.per_rule))
    return out


def _capped(crashes: list, rule) -> tuple[list, Finding | None]:
    """The first MAX_CRASHES crash findings (in order) and the "N more" one, as `engine` reports them."""
    crashes = sorted(crashes, key=lambda record: record[2])
    kept = crashes[:MAX_CRASHES]
    more = None
    if len(crashes) > MAX_CRASHES:
        more = unpack_finding(rule, crashes[-1][5])
        more.message = f"rule {rule.name} crashed on {len(crashes) - MAX_CRASHES} more claims or files than those reported"
    return kept, more


def _target_findings(parts: dict, rule) -> list[Finding]:
    """Claim, article and file rules: findings by target order, crashes capped as in process."""
    found = [(record[2], record[3], unpack_finding(rule, record[4], record[5])) for record in parts.get("found", ())]
    kept, more = _capped(parts.get("crash", []), rule)
    found += [(record[2], math.inf, unpack_finding(rule, record[3], record[4])) for record in kept]
    found.sort(key=lambda item: (item[0], item[1]))
    return [finding for _order, _seq, finding in found] + ([more] if more is not None else [])


def _group_findings(shared: SharedState, index: int, parts: dict, limits: Limits | None = None) -> list[Finding]:
    """Group rules: a crash in `keys` is the rule's only finding (the first in order); else group
    crashes (capped), then the groups' findings in group order, each (location, message) once."""
    settings = shared.rules[index]
    if "keys-crash" in parts:
        first = min(parts["keys-crash"], key=lambda record: record[2])
        return [unpack_finding(settings.rule, first[3])]
    kept, more = _capped(parts.get("group-crash", []), settings.rule)
    out = [unpack_finding(settings.rule, record[3], record[4]) for record in kept] + ([more] if more is not None else [])
    if settings.rule.combine is not None:
        partials = [partial for _tag, _index, _rank, result in sorted(parts.get("partial", []), key=lambda r: r[2]) for partial in result]
        try:
            combined = list(settings.rule.combine(_canonical(partials), shared.contexts[index]) or ())
        except Exception as error:  # as run_rule reports it: the group crashes, then this
            return [*out, crash_finding(settings, error)]
        seen = set()
        for finding in (to_finding(problem, settings) for problem in combined):
            identity = (finding.location, finding.message)
            if identity not in seen:  # a claim in two groups (two keys) may be found twice
                seen.add(identity)
                out.append(finding)
        return out
    seen, groups = set(), {}
    for record in sorted(parts.get("found", []), key=lambda record: (record[2], record[3])):
        identity = (record[4][2], record[4][1])  # (location, message), as tuples
        if identity not in seen:
            seen.add(identity)
            groups.setdefault(record[2], []).append(unpack_finding(settings.rule, record[4], record[5]))
    for found in groups.values():  # record[2]: the group's rank, one per group
        out.extend(limits.cap(settings.rule.name, found, limits.per_group) if limits is not None else found)
    return out


def _canonical(partials: list) -> list:
    """One object per claim again: partials of different groups carry separate copies of a claim,
    and `combine` may join them by identity. Claims inside lists, tuples, sets and dicts are found."""
    claims: dict[tuple, object] = {}

    def one(value):
        if isinstance(value, list):
            return [one(item) for item in value]
        if isinstance(value, tuple):
            return tuple(one(item) for item in value)
        if isinstance(value, (set, frozenset)):
            return type(value)(one(item) for item in value)
        if isinstance(value, dict):
            return {one(k): one(v) for k, v in value.items()}
        if isinstance(getattr(value, "file", None), FileStub) and hasattr(value, "kind"):
            return claims.setdefault((value.file.path, value.index), value)
        return value

    return one(partials)
