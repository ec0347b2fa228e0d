"""Rule tests written as data (sqlfluff style): tests/rules/cases/<rule>.yaml.

Each case lists claim files (and reference files) to write, optional rule options, and the
findings expected from that one rule: the claims each finding names (`article#claim`, primary
first or in any order), and optionally its line and a substring of its message. A case with
`expect: []` must produce no finding. Cases must be valid claim files: any `syntax`/`schema`
finding fails the case unless the case is about those rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from claimcheck.config import Config
from claimcheck.registry import discover_rules
from claimcheck.ruledocs import examples
from claimcheck.session import Session

CASES_DIR = Path(__file__).parent / "cases"
RULES = discover_rules()


def _cases():
    yaml = YAML(typ="safe")
    for path in sorted(CASES_DIR.glob("*.yaml")):
        suite = yaml.load(path.read_text(encoding="utf-8"))
        for case in suite["cases"]:
            yield pytest.param(suite["rule"], case, id=f"{path.stem}::{case['name']}")


def _findings(rule_name: str, case: dict, tmp_path: Path):
    for name, text in case["files"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = Config(root=tmp_path)
    # A LAST rule (unused-ignore) judges what the other rules did: they run too.
    select = ["ALL"] if RULES[rule_name].last else sorted({rule_name, "syntax", "schema"})
    if case.get("options"):
        config.rules = {rule_name: case["options"]}
    return Session.open(config=config, rules=RULES, select=select).check([str(tmp_path)]).findings


@pytest.mark.parametrize(("rule_name", "case"), list(_cases()))
def test_rule_case(rule_name, case, tmp_path):
    findings = _findings(rule_name, case, tmp_path)
    if rule_name not in ("syntax", "schema"):
        broken = [f for f in findings if f.rule in ("syntax", "schema")]
        assert not broken, f"the case's files are not valid: {[(f.path, f.line, f.message) for f in broken]}"
    got = [f for f in findings if f.rule == rule_name]
    expected = case.get("expect") or []
    unmatched = list(got)
    for want in expected:
        match = next((f for f in unmatched if _matches(f, want)), None)
        assert match is not None, f"expected {want} among {[_describe(f) for f in unmatched]}"
        unmatched.remove(match)
    assert not unmatched, f"unexpected findings: {[_describe(f) for f in unmatched]}"


def _matches(finding, want: dict) -> bool:
    if "claims" in want and sorted(finding.claim_refs()) != sorted(want["claims"]):
        return False
    if "line" in want and finding.line != want["line"]:
        return False
    if "column" in want and finding.column != want["column"]:
        return False
    if "severity" in want and finding.severity != want["severity"]:
        return False
    return "message" not in want or want["message"].lower() in finding.message.lower()


def _describe(finding) -> str:
    return f"{finding.path.rsplit('/', 1)[-1]}:{finding.line}:{finding.column} {finding.rule} {finding.claim_refs()} {finding.message}"


# The examples in the rules' documentation are cases too: a documented failing example that
# stops failing (or a passing one that starts failing) breaks the build.


def _documented():
    for rule in RULES.values():
        for verdict, found in examples(rule).items():
            for index, files in enumerate(found):
                yield pytest.param(rule.name, verdict, files, id=f"{rule.name}::docs::{verdict.lower()}-{index + 1}")


def test_every_rule_documents_a_failing_and_a_passing_example():
    for rule in RULES.values():
        documented = examples(rule)
        assert documented.get("Fails") and documented.get("Passes"), f"{rule.name}: needs ## Fails and ## Passes YAML examples"


@pytest.mark.parametrize(("rule_name", "verdict", "files"), list(_documented()))
def test_documented_example(rule_name, verdict, files, tmp_path):
    findings = _findings(rule_name, {"files": files}, tmp_path)
    own = [f for f in findings if f.rule == rule_name]
    broken = [f for f in findings if f.rule in ("syntax", "schema") and f.rule != rule_name]
    assert not broken, f"the example's files are not valid: {[(f.path, f.line, f.message) for f in broken]}"
    if verdict == "Fails":
        assert own, f"the documented failing example of {rule_name} gives no finding"
    else:
        assert not own, f"the documented passing example of {rule_name} gives findings: {[f.message for f in own]}"
