"""Every format, produced for this repository's own claims (as scripts/make_reports.py does).

The findings change as the rules and claims evolve, so this checks that each output is well
formed, not what it says (the golden tests do that on a fixed corpus).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from claimcheck.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_repo(monkeypatch, tmp_path):
    if not (REPO / "claims").is_dir():
        pytest.skip("no claims/ in this checkout")
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def produce(out_dir: Path, fmt: str, name: str) -> str:
    target = out_dir / "reports" / name
    target.parent.mkdir(exist_ok=True)
    assert main(["check", "--format", fmt, "--output", str(target), "--exit-zero", "--quiet"]) == 0
    return target.read_text(encoding="utf-8")


def test_every_format_for_the_repository_claims(in_repo):
    text = produce(in_repo, "text", "claims.txt")
    count = len(text.splitlines())
    document = json.loads(produce(in_repo, "json", "claims.json"))
    assert document["summary"]["findings"] == count and document["summary"]["claims"] > 0

    sarif = json.loads(produce(in_repo, "sarif", "claims.sarif"))
    schema = json.loads(files("claimcheck").joinpath("data/sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == count

    github = produce(in_repo, "github", "claims.github.txt")
    assert all(
        re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^,]+::", line) for line in github.splitlines()
    )
    assert len(github.splitlines()) == count

    junit = ET.fromstring(produce(in_repo, "junit", "claims.junit.xml").encode("utf-8"))
    assert int(junit.find("testsuite").get("tests")) >= document["summary"]["files"]

    markdown = produce(in_repo, "markdown", "claims.md")
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert len(re.findall(r"<h3>\d+\. ", html)) == count
    # Links are relative to the report's folder, and lead to the claim files (or to the articles
    # as published: their `url`, http and https only).
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(not re.match(r"^[a-z][a-z0-9+.-]*:", h) or re.match(r"^https?://", h) for h in hrefs)
    links = {link.split("#")[0] for link in hrefs if not re.match(r"^https?://", link)}
    for link in links:
        target = (in_repo / "reports" / link).resolve()
        assert target.is_file() and (REPO / "claims") in target.parents, link
