"""Every rule documents itself, and docs/rules.md is the current collection of that text."""

from claimcheck.registry import discover_rules
from claimcheck.ruledocs import rules_markdown

from .conftest import REPO


def test_every_builtin_rule_has_documentation_with_examples():
    for rule in discover_rules().values():
        assert rule.summary, rule.name
        if rule.name not in ("syntax", "schema"):
            assert "Fails" in rule.doc and "Passes" in rule.doc, f"{rule.name} lacks a failing/passing example"


def test_docs_rules_page_is_current():
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(discover_rules()), "run: python scripts/make_rule_docs.py"
