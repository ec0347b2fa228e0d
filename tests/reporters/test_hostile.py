"""A hostile claim through every format: nothing breaks, nothing is injected.

The claim file (and its name) carries `|`, `<script>`, `[x](javascript:alert(1))`, newlines,
`::` workflow commands, `%` escapes, control characters and Markdown syntax, in the claim's
text, its source, the article's title, outlet and url, and in the finding's message; the article
text the Markdown report quotes carries them too, around the claim's words.
"""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema
import pytest
from markdown_it import MarkdownIt

from claimcheck.corpus import load_corpus
from claimcheck.findings import Finding, Location
from claimcheck.reporters import Report, render
from claimcheck.session import article_texts, attach_claims

from .conftest import RULES

EVIL = (
    "a|b <script>alert(1)</script> [x](javascript:alert(1)) ![i](javascript:alert(2)) "
    "<img src=x onerror=alert(3)> line1\nline2\r\n::error file=x,line=1::pwned %0A 100% "
    "$x^2$ ~~s~~ **b** `c` ``` &lt;b&gt; <!-- c --> \x01\x07\x1b[31mred\x7f\u2028end"
)
FILE_NAME = "hos,tile: 1%#.yaml"
# The article around the claim's words: raw HTML, a link, an image, emphasis, a table pipe.
ARTICLE = (
    "Intro <iframe src=javascript:alert(4)></iframe> [l](javascript:alert(5)) | **x** " + EVIL
    + " then <svg onload=alert(6)> ![p](javascript:alert(7)) _u_ ~~d~~ `k` | end.\nNext sentence."
)

HOSTILE_YAML = """\
article:
  id: hostile-2022
  title: {evil}
  outlet: {evil}
  published: 2022-01-27
  url: "javascript:alert(1)"
  source: ../article.txt
claims:
  - id: {evil}
    kind: figure
    text: {evil}
    subject: {evil}
    metric: {evil}
    value: 5
    unit: {evil}
    attribution:
      source: {evil}
      type: named
      via: {evil}
  - id: other
    kind: figure
    text: other
    subject: {evil}
    metric: {evil}
    value: 9
    unit: {evil}
"""


@pytest.fixture
def hostile_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "claims").mkdir()
    quoted = json.dumps(EVIL)  # a JSON string is a YAML double-quoted scalar
    (tmp_path / "claims" / FILE_NAME).write_text(HOSTILE_YAML.format(evil=quoted), encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(["claims"])
    assert not corpus.files[0].problems, corpus.files[0].problems
    evil, other = list(corpus.claims())
    assert evil.text == EVIL and evil.id == EVIL

    loc = Location.of
    findings = [
        Finding("numeric-conflict", "CC101", "error", EVIL, loc(evil), [loc(other)]),
        Finding("vague-attribution", "CC302", "warning", EVIL, loc(other), [loc(evil)]),
        Finding("unattributed", "CC301", "info", EVIL, loc(other)),
        Finding("schema", "CC002", "warning", EVIL, Location(evil.path, 1, 1)),
    ]
    attach_claims(findings, corpus)
    articles = article_texts(findings, [str(tmp_path)])
    assert articles, "the article text is read (inside the root)"
    return Report(findings, files=1, claims=2, rules=list(RULES), paths=[f.path for f in corpus.all_files], articles=articles)


def _control_characters(text: str) -> list[str]:
    return [ch for ch in text if not ch.isprintable() and ch != "\n"]


def test_text(hostile_report):
    out = render(hostile_report, "text")
    assert len(out.splitlines()) == len(hostile_report.findings)
    assert not _control_characters(out)


def test_json_round_trips(hostile_report):
    document = json.loads(render(hostile_report, "json"))
    assert [f["message"] for f in document["findings"]] == [EVIL] * 4
    assert document["findings"][0]["claim"] == EVIL


def test_markdown(hostile_report):
    out = render(hostile_report, "markdown")
    assert not _control_characters(out)
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(out)
    for injected in ("<script", "<img", "<!--", "<del>", "<strong>b</strong>", "<code>c</code>", "<iframe", "<svg", "<em>u", "<code>k"):
        assert injected not in html, injected
    hrefs = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert hrefs and all(h.startswith("claims/") and "javascript" not in h for h in hrefs), hrefs
    assert all(urllib.parse.unquote(h.split("#")[0]) == f"claims/{FILE_NAME}" for h in hrefs[1:])
    # Every row of every table has as many cells as its header: no `|` or newline broke one.
    for table in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        header = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tr>.*?</tr>", table, re.DOTALL)[1:]:
            assert len(re.findall(r"<td[ >]", row)) == header
    # The text is all there, shown literally (as HTML text).
    assert "a|b &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))" in html
    assert "line1<br>line2" in html
    # The article's sentence is quoted literally, the claim's words (whitespace folded) in bold;
    # its `javascript:` url is shown as code, never a link.
    assert "Intro &lt;iframe src=javascript:alert(4)&gt;&lt;/iframe&gt; [l](javascript:alert(5)) | **x** <strong>a|b" in html
    assert "</strong> then &lt;svg onload=alert(6)&gt; ![p](javascript:alert(7)) _u_ ~~d~~ `k` | end." in html
    assert "<code>javascript:alert(1)</code>" in html
    # The Mermaid block holds only safe labels and is closed where it should be.
    chart = re.search(r"```mermaid\n(.*?)\n```\n", out, re.DOTALL).group(1)
    for line in chart.splitlines()[1:]:
        assert "`" not in line and "%%" not in line and ";" not in line and "#" not in line
        strings = re.findall(r'"([^"]*)"', line)
        assert line.count('"') == 2 * len(strings)


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(text: str) -> str:
    return _unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def test_github(hostile_report):
    out = render(hostile_report, "github")
    lines = out.splitlines()
    assert len(lines) == len(hostile_report.findings)
    assert not _control_characters(out) and "\r" not in out
    pattern = re.compile(r"^::(error|warning|notice) (file=[^,:]*),(line=\d+),(col=\d+),(title=[^,:]*)::(.*)$")
    commands = []
    for line in lines:
        match = pattern.match(line)
        assert match, line
        commands.append(match.group(1))
        assert _unescape_property(match.group(2)[5:]) == f"claims/{FILE_NAME}"
        data = _unescape_data(match.group(6))
        assert data.startswith(EVIL.split("\x01")[0])  # what follows is shown as \x01 escapes
        assert "\n::error file=x,line=1::pwned %0A 100% " in data
    assert commands == ["error", "warning", "notice", "warning"]


def test_sarif(hostile_report):
    document = json.loads(render(hostile_report, "sarif"))
    schema = json.loads(files("claimcheck").joinpath("data/sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    result = document["runs"][0]["results"][0]
    text = result["message"]["text"]
    assert "\\[x\\](javascript:alert(1))" in text  # escaped: not an embedded link
    assert re.findall(r"(?<!\\)\[[^\]]*\]\((\d+)\)", text) == ["1"]  # the one link we made
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "claims/" + urllib.parse.quote(FILE_NAME) and " " not in uri and "#" not in uri


def test_junit(hostile_report):
    out = render(hostile_report, "junit")
    root = ET.fromstring(out.encode("utf-8"))  # expat rejects any character XML cannot hold
    failures = [f for f in root.iter("failure")]
    assert failures and "<script>alert(1)</script>" in failures[0].text
    assert "\\x01" in failures[0].text and "\x01" not in out
    assert root.find("testsuite").get("tests") == str(len(list(root.iter("testcase"))))


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "github", "sarif", "junit"])
def test_every_format_renders(hostile_report, fmt):
    assert render(hostile_report, fmt).endswith("\n")
