"""A small fixed corpus (fixtures/claims/) and hand-made findings about it.

The findings are built here, not by the rules, so the golden files do not change when the rules'
messages do. Positions come from the loaded claims, so links point at the real YAML lines. The
article texts (fixtures/articles/) are read as the command line reads them, inside the root only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.corpus import load_corpus
from claimcheck.findings import Finding, Location
from claimcheck.registry import Rule
from claimcheck.reporters import Report
from claimcheck.rule_api import RuleOptions
from claimcheck.session import article_texts, attach_claims

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


def make_rule(name: str, code: str, severity: str, scope: str = "corpus", doc: str | None = None) -> Rule:
    doc = doc or f"Flags {name.replace('-', ' ')} (a fixture rule).\n\nLonger documentation of {name}."
    return Rule(name, code, severity, scope, RuleOptions, lambda *a: (), doc, f"fixture {name}")


# The built-in rules' real names and codes (their severities vary here, to show every level).
RULES = [
    make_rule("schema", "CC002", "error", "file"),
    make_rule("numeric-conflict", "CC101", "error", "group"),
    make_rule("date-conflict", "CC201", "error", "group"),
    make_rule("unattributed", "CC301", "info", "claim"),
    make_rule("vague-attribution", "CC302", "warning", "article"),
]
RULE = {rule.name: rule for rule in RULES}


def at(claims: dict, ref: str) -> Location:
    return Location.of(claims[ref])


def finding(rule: str, message: str, location: Location, related=(), severity: str | None = None) -> Finding:
    r = RULE[rule]
    return Finding(r.name, r.code, severity or r.severity, message, location, list(related))


def build_report(paths=("claims",)) -> Report:
    """Load the corpus under the cwd and describe it with the fixture findings."""
    corpus = load_corpus(list(paths))
    claims = {claim.ref: claim for claim in corpus.claims()}
    findings = [
        finding(
            "numeric-conflict",
            "German military aid to Ukraine / helmets pledged: 5,000 items (alpha-2022-01-27#helmets) "
            "vs about 3,000 items (beta-2022-02-10#helmets-delivered) at the same time (2022-01-27)",
            at(claims, "alpha-2022-01-27#helmets"),
            [at(claims, "beta-2022-02-10#helmets-delivered"), at(claims, "beta-2022-02-10#range-estimate")],
        ),
        finding("unattributed", "a figure with no source", at(claims, "beta-2022-02-10#range-estimate")),
        finding(
            "vague-attribution",
            'rests on a vague source: "officials said"',
            at(claims, "beta-2022-02-10#helmets-delivered"),
        ),
        finding(
            "schema",
            "unknown field `atribution` (did you mean `attribution`?)",
            Location(os.path.join("claims", "gamma.yaml"), 3, 3),
            severity="warning",
        ),
    ]
    findings.sort(key=Finding.sort_key)
    attach_claims(findings, corpus)
    paths = [f.path for f in corpus.all_files]
    articles = article_texts(findings, [os.getcwd()])
    return Report(
        findings, files=len(paths), claims=corpus.claim_count, rules=list(RULES), paths=paths, version="0.1.0", articles=articles
    )


@pytest.fixture
def fixture_report(monkeypatch):
    monkeypatch.chdir(FIXTURES)
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_SERVER_URL", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    return build_report()


def check_golden(name: str, text: str) -> None:
    """Compare with golden/NAME; CLAIMCHECK_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        if not os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
            pytest.fail(f"golden file {path} did not exist: written, check it and run again")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (CLAIMCHECK_UPDATE_GOLDEN=1 to update)"
