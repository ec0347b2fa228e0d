"""Golden files: each format rendered from the fixed fixture corpus and hand-made findings.

CLAIMCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/reporters rewrites them; review the diff.
"""

from __future__ import annotations

import json

import pytest

from claimcheck.reporters import render

from .conftest import FIXTURES, check_golden


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("text", "report.txt"),
        ("markdown", "report.md"),
        ("github", "report.github.txt"),
        ("junit", "report.junit.xml"),
        ("sarif", "report.sarif"),
    ],
)
def test_golden(fixture_report, fmt, golden):
    check_golden(golden, render(fixture_report, fmt))


def test_json_matches_the_spec_shape(fixture_report):
    document = json.loads(render(fixture_report, "json"))
    assert document["summary"] == {"files": 3, "claims": 6, "findings": 4}
    assert {"rule", "code", "severity", "message", "path", "line", "column", "article", "claim", "related"} <= set(
        document["findings"][0]
    )


def test_markdown_links_are_relative_to_the_output_file(fixture_report):
    fixture_report.output = "reports/sub/report.md"
    text = render(fixture_report, "markdown")
    assert "](../../claims/alpha.yaml#L10)" in text
    assert "](claims/alpha.yaml#L10)" not in text


def test_markdown_without_findings(fixture_report):
    fixture_report.findings = []
    text = render(fixture_report, "markdown")
    assert "No findings." in text and "## Findings" not in text


def test_junit_fail_on_warning_fails_warning_testcases(fixture_report):
    import xml.etree.ElementTree as ET

    fixture_report.fail_on = "warning"
    root = ET.fromstring(render(fixture_report, "junit"))
    failed = {(c.get("classname"), c.get("name")) for c in root.iter("testcase") if c.find("failure") is not None}
    assert failed == {
        ("claims/alpha.yaml", "numeric-conflict"),
        ("claims/beta.yaml", "vague-attribution"),
        ("claims/gamma.yaml", "schema"),
    }
    assert root.find("testsuite").get("failures") == "3"


def test_github_step_summary_is_appended_with_blob_links(fixture_report, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/repo")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(FIXTURES.parent))  # links are relative to the workspace
    lines = render(fixture_report, "github").splitlines()
    assert len(lines) == 4
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# claimcheck\n")
    assert "(https://github.com/owner/repo/blob/abc123/fixtures/claims/alpha.yaml#L10)" in text
    assert "```mermaid" in text


def test_github_step_summary_is_capped(fixture_report, tmp_path, monkeypatch):
    from claimcheck.reporters import github

    monkeypatch.setattr(github, "SUMMARY_LIMIT", 3000)
    fixture_report.findings = fixture_report.findings * 5
    text = github.step_summary(fixture_report)
    assert len(text.encode()) <= 3000
    assert "more findings are not shown here" in text
