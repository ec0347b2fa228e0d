"""Run the planned rules over a corpus and turn their problems into findings.

Each scope has one runner (`claim`, `article`, `file`, `group`, `corpus`; see `rule_api`). Group
rules are run here in-process: claims are grouped by the keys the rule gives them, and each group
is checked on its own; a cluster runs the same `keys` and `check` (claimcheck.distributed).

A rule that raises is reported, never fatal: for a claim, article or group, the finding names the
claim or file it failed on and the rule goes on with the others; a crash outside those (in
`prepare`, `keys` of a whole scope) is reported at the line of the rule's own code that failed.
Suppression (`ignore:` lists, per-file-ignores) is applied last.
"""

from __future__ import annotations

import inspect
import os
import traceback
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimcheck.corpus import Corpus
from claimcheck.findings import MAX_RELATED, Finding, Location
from claimcheck.plan import RuleSettings, RunPlan, names_and_codes
from claimcheck.rule_api import Context, Problem


def run(corpus: Corpus, plan: RunPlan) -> list[Finding]:
    corpus.rule_names = plan.known_rules
    findings: list[Finding] = []
    for settings in plan.rules:
        findings.extend(run_rule(corpus, settings))
    kept = [f for f in findings if not suppressed(f, plan)]
    return sorted(kept, key=Finding.sort_key)


@dataclass
class Limits:
    """How many findings are listed at most (the rest are counted in `left_out`, by rule).

    A corpus can hold thousands of figures that contradict each other; listing every pair helps
    nobody and costs memory and output. Per group: the findings of one group of a group rule (one
    subject and metric, one role...); per rule: all of a rule's findings.
    """

    per_rule: int = 10_000
    per_group: int = 100
    left_out: Counter = field(default_factory=Counter)

    def cap(self, rule: str, findings: list[Finding], limit: int) -> list[Finding]:
        if len(findings) <= limit:
            return findings
        kept = sorted(findings, key=Finding.sort_key)[:limit]
        self.left_out[rule] += len(findings) - limit
        return kept


def run_rule(corpus: Corpus, settings: RuleSettings, limits: Limits | None = None) -> list[Finding]:
    """One rule over the whole corpus: its findings, crashes included, at most `limits.per_group`
    of each group (the per-rule limit is the caller's: results may also come from a cache)."""
    limits = limits or Limits()
    runner = _RUNNERS[settings.rule.scope]
    out: list[Finding] = []
    try:
        if runner is _groups:
            runner(corpus, settings, out, limits)
        else:
            runner(corpus, settings, out)
    except Exception as error:  # a broken rule must not stop the others
        out.append(crash_finding(settings, error))
    return out


def _each(targets: Iterable, settings: RuleSettings, corpus: Corpus, out: list, options=None) -> None:
    check = settings.rule.check
    options = settings.options if options is None else options
    crashes = _Crashes(settings, out)
    for target in targets:
        try:
            out.extend(to_finding(problem, settings) for problem in check(target, options, corpus) or ())
        except Exception as error:  # this claim or file only: the rule goes on with the others
            crashes.add(error, target)
    crashes.close()


class _Crashes:
    """Crash findings of one rule: the first MAX_CRASHES one by one, then a count."""

    def __init__(self, settings: RuleSettings, out: list) -> None:
        self.settings, self.out, self.count, self.last = settings, out, 0, None

    def add(self, error: Exception, target) -> None:
        self.count += 1
        self.last = error
        if self.count <= MAX_CRASHES:
            self.out.append(crash_finding(self.settings, error, target))

    def close(self) -> None:
        if self.count > MAX_CRASHES:
            more = crash_finding(self.settings, self.last)
            more.message = f"rule {self.settings.rule.name} crashed on {self.count - MAX_CRASHES} more claims or files than those reported"
            self.out.append(more)


def _claims(corpus: Corpus, settings: RuleSettings, out: list) -> None:
    rule = settings.rule  # with `prepare`, its context is passed where the options would be
    context = rule.prepare(corpus, settings.options) if rule.prepare is not None else None
    _each(_of_kinds(corpus, rule), settings, corpus, out, context)


def _articles(corpus: Corpus, settings: RuleSettings, out: list) -> None:
    _each(corpus.files, settings, corpus, out)


def _files(corpus: Corpus, settings: RuleSettings, out: list) -> None:
    _each(corpus.all_files, settings, corpus, out)


def _corpus(corpus: Corpus, settings: RuleSettings, out: list) -> None:
    out.extend(to_finding(problem, settings) for problem in settings.rule.check(corpus, settings.options, corpus) or ())


def _groups(corpus: Corpus, settings: RuleSettings, out: list, limits: Limits | None = None) -> None:
    rule = settings.rule
    context = prepare(rule, corpus, settings.options)
    groups = group(rule, _of_kinds(corpus, rule), context)
    crashes = _Crashes(settings, out)
    results = []
    for key, members in groups.items():
        try:
            results.append(list(rule.check(key, members, context) or ()))
        except Exception as error:  # this group only
            crashes.add(error, members[0])
    crashes.close()
    out.extend(group_findings(rule, results, context, settings, limits))


def group(rule, claims: Iterable, context) -> dict:
    """The claims by the keys the rule gives them (a claim may be in several groups)."""
    groups: dict = {}
    for claim in claims:
        for key in rule.keys(claim, context) or ():
            groups.setdefault(key, []).append(claim)
    return groups


def group_findings(rule, results: list[list], context, settings: RuleSettings, limits: Limits | None = None) -> list[Finding]:
    """Per-group results (problems, or partials for `combine`) as findings, each once, at most
    `limits.per_group` of each group."""
    if rule.combine is not None:
        results = [list(rule.combine([partial for result in results for partial in result], context) or ())]
        limits = None  # combined results are no longer per group
    out, seen = [], set()
    for problems in results:
        found = []
        for problem in problems:
            finding = to_finding(problem, settings)
            identity = (finding.location, finding.message)
            if identity not in seen:  # a claim in two groups (two keys) may be found twice
                seen.add(identity)
                found.append(finding)
        out.extend(limits.cap(rule.name, found, limits.per_group) if limits is not None else found)
    return out


_RUNNERS = {"claim": _claims, "article": _articles, "file": _files, "group": _groups, "corpus": _corpus}


def prepare(rule, corpus: Corpus, options) -> object:
    """A group rule's context: its own `prepare(corpus, options)`, else the default `Context`."""
    if rule.prepare is not None:
        return rule.prepare(corpus, options)
    return Context(options, corpus.normalizer)


def _of_kinds(corpus: Corpus, rule) -> Iterable:
    if not rule.kinds:
        return corpus.claims()
    return (claim for kind in rule.kinds for claim in corpus.claims(kind))


# Problems -> findings -------------------------------------------------------------------------------


def to_finding(problem: Problem, settings: RuleSettings) -> Finding:
    rule = settings.rule
    severity = problem.severity or settings.severity
    related = list(problem.related)
    listed = related[:MAX_RELATED]
    primary = _primary(problem)
    claims = (problem.claim, *listed)  # the primary slot is None for whole-file problems
    return Finding(
        rule.name,
        rule.code,
        severity,
        problem.message,
        primary,
        [Location.of(c) for c in listed],
        claims,
        related_total=len(related) if len(related) > len(listed) else None,
        fix=problem.fix,
    )


def _primary(problem: Problem) -> Location:
    claim = problem.claim
    if claim is not None:
        field = problem.field if isinstance(problem.field, tuple) else (problem.field,)
        line, column = claim.field_position(*field) if problem.field else claim.position
        return Location(claim.path, line, column, claim.article_id, claim.id)
    source = problem.file
    if problem.line is not None:
        line, column = problem.line, problem.column or 1
    else:
        line, column = (source.line, source.column) if source is not None else (1, 1)
    path = source.path if source is not None else "-"
    article = getattr(source, "article_id", None)
    return Location(path, line, column, article if problem.claim_id else None, problem.claim_id)


MAX_CRASHES = 10  # crashes reported one by one per rule; the rest are counted in one more finding


def crash_finding(settings: RuleSettings, error: Exception, target=None) -> Finding:
    """A rule that raised: at the claim or file it failed on (the message names the line of the
    rule's own code that failed), else at that line of the rule's code."""
    rule = settings.rule
    code_at = _code_line(rule, error)
    reason = f"{type(error).__name__}: {error}"
    if target is not None and getattr(target, "path", None) is not None:
        claim = getattr(target, "id", None) if hasattr(target, "kind") else None
        what = "claim" if claim else "file"
        message = f"rule {rule.name} crashed ({reason}) at {code_at[0]}:{code_at[1]}:1 on this {what}; it checked the others"
        location = Location(target.path, target.line, target.column, target.article_id if claim else None, claim)
        return Finding(rule.name, rule.code, "error", message, location, claims=(target,) if claim else ())
    message = f"rule {rule.name} crashed ({reason}); its findings are incomplete, the other rules ran"
    return Finding(rule.name, rule.code, "error", message, Location(code_at[0], code_at[1], 1))


def _code_line(rule, error: Exception) -> tuple[str, int]:
    """The deepest line of the rule's own file in the traceback (else the rule's origin)."""
    try:
        rule_file = os.path.realpath(inspect.getsourcefile(rule.check) or "")
    except TypeError:  # a builtin or C callable
        rule_file = ""
    own = [f for f in traceback.extract_tb(error.__traceback__) if os.path.realpath(f.filename) == rule_file]
    return (own[-1].filename, own[-1].lineno or 1) if own else (rule.origin, 1)


# Suppression ------------------------------------------------------------------------------------------


def suppressed(finding: Finding, plan: RunPlan, used: list | None = None) -> bool:
    """Turned off for this file (per-file-ignores, a `# claimcheck: file-noqa` comment) or for a
    claim of the finding: the one it is reported on or any other it names (a two-claim finding is
    suppressed by `ignore:` on either claim, or a `# claimcheck: noqa` comment on its lines).
    The `ignore:` entries that suppressed it are added to `used` as (claim, entry)."""
    names = {finding.rule, finding.code}
    if names & plan.ignored_in_file(finding.path):
        return True
    claims = [c for c in finding.claims if c is not None]
    files = {id(c.file): c.file for c in claims if c.file is not None}
    if any(_noqa(f.noqa, None, names) for f in files.values()):
        return True
    for claim in claims:
        entries = [entry for entry in claim.ignore if names & names_and_codes([entry])]
        if entries:
            if used is not None:
                used.extend((claim, entry) for entry in entries)
            return True
        if claim.file is not None and _noqa(claim.file.noqa, claim.id, names):
            return True
    return False


def _noqa(noqa: dict, key, names: set) -> bool:
    """Whether a disable comment covers these rule names (an empty set covers every rule)."""
    if not noqa or key not in noqa:
        return False
    covered = noqa[key]
    return not covered or bool(names & names_and_codes(covered))
