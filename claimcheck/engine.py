"""Run the selected rules over a corpus and turn their problems into findings.

A rule that raises is reported as an error finding that names the rule (at the line of the rule's
own code that failed), and the run goes on with the other rules.
"""

from __future__ import annotations

import difflib
import fnmatch
import inspect
import os
import traceback
from dataclasses import dataclass, field

from claimcheck.corpus import Corpus
from claimcheck.findings import Finding, Location
from claimcheck.registry import Rule
from claimcheck.rule_api import Problem, RuleOptions


@dataclass
class RuleSettings:
    """How one rule runs: its severity and validated options."""

    rule: Rule
    severity: str
    options: RuleOptions


@dataclass
class RunPlan:
    rules: list[RuleSettings]
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> names/codes
    known_rules: set[str] = field(default_factory=set)  # every installed rule's name and code


def run(corpus: Corpus, plan: RunPlan) -> list[Finding]:
    findings: list[Finding] = []
    for settings in plan.rules:
        findings.extend(_run_rule(corpus, settings))
    findings.extend(_unknown_ignores(corpus, plan))
    claims = {(c.file.path, c.id): c for c in corpus.claims()}
    kept = [f for f in findings if not _suppressed(f, claims, plan)]
    return sorted(kept, key=Finding.sort_key)


def _targets(corpus: Corpus, scope: str):
    if scope == "corpus":
        yield corpus
    elif scope == "article":
        yield from corpus.all_files
    else:
        yield from corpus.claims()


def _run_rule(corpus: Corpus, settings: RuleSettings) -> list[Finding]:
    rule = settings.rule
    out = []
    try:
        for target in _targets(corpus, rule.scope):
            for problem in rule.check(target, settings.options, corpus) or ():
                out.append(to_finding(problem, settings))
    except Exception as error:  # a broken rule must not stop the others
        out.append(_crash_finding(rule, error))
    return out


def _unknown_ignores(corpus: Corpus, plan: RunPlan) -> list[Finding]:
    """A misspelt rule in a claim's `ignore:` suppresses nothing; say so (as `schema` warnings)."""
    schema = next((s for s in plan.rules if s.rule.name == "schema"), None)
    if schema is None or not plan.known_rules:
        return []
    out = []
    for claim in corpus.claims():
        for index, name in enumerate(claim.ignore):
            if name in plan.known_rules or name.upper() in plan.known_rules:
                continue
            close = difflib.get_close_matches(name, sorted(plan.known_rules), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            message = f"`ignore:` names unknown rule `{name}`{hint}: it suppresses nothing"
            out.append(to_finding(Problem(message, claim=claim, field=("ignore", index), severity="warning"), schema))
    return out


def to_finding(problem: Problem, settings: RuleSettings) -> Finding:
    rule = settings.rule
    severity = problem.severity or settings.severity
    return Finding(rule.name, rule.code, severity, problem.message, _primary(problem), [_claim_location(c) for c in problem.related])


def _primary(problem: Problem) -> Location:
    claim = problem.claim
    if claim is not None:
        field = problem.field if isinstance(problem.field, tuple) else (problem.field,)
        line, column = claim.field_position(*field) if problem.field else claim.position
        return Location(claim.file.path, line, column, claim.article_id, claim.id)
    source = problem.file
    if problem.line is not None:
        line, column = problem.line, problem.column or 1
    else:
        line, column = source.document.mark(()) if source is not None else (1, 1)
    path = source.path if source is not None else "-"
    article = getattr(source, "article_id", None)
    return Location(path, line, column, article if problem.claim_id else None, problem.claim_id)


def _claim_location(claim) -> Location:
    line, column = claim.position
    return Location(claim.file.path, line, column, claim.article_id, claim.id)


def _crash_finding(rule: Rule, error: Exception) -> Finding:
    """Point at the deepest line of the rule's own file in the traceback (else the rule's origin)."""
    try:
        rule_file = os.path.realpath(inspect.getsourcefile(rule.check) or "")
    except TypeError:  # a builtin or C callable
        rule_file = ""
    own = [f for f in traceback.extract_tb(error.__traceback__) if os.path.realpath(f.filename) == rule_file]
    path, line = (own[-1].filename, own[-1].lineno or 1) if own else (rule.origin, 1)
    message = f"rule {rule.name} crashed ({type(error).__name__}: {error}); its findings are incomplete, the other rules ran"
    return Finding(rule.name, rule.code, "error", message, Location(path, line, 1))


def _suppressed(finding: Finding, claims: dict, plan: RunPlan) -> bool:
    names = {finding.rule, finding.code}
    for pattern, ignored in plan.per_file_ignores.items():
        if names & _names(ignored) and fnmatch.fnmatch(finding.path, pattern):
            return True
    claim = claims.get((finding.path, finding.claim)) if finding.claim is not None else None
    return claim is not None and bool(names & _names(claim.ignore))


def _names(ignored) -> set[str]:
    """Rule names as written, codes in any case."""
    return {*ignored, *(name.upper() for name in ignored)}
