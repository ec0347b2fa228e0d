"""Reporters turn findings into one output format each.

A reporter is a module `claimcheck.reporters.<name>` with `render(report: Report) -> str`.
They are imported only when asked for, so `claimcheck check` loads just the one it prints.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field

from claimcheck import __version__

FORMATS = {
    "text": "claimcheck.reporters.text",
    "json": "claimcheck.reporters.json",
    "markdown": "claimcheck.reporters.markdown",
    "github": "claimcheck.reporters.github",
    "sarif": "claimcheck.reporters.sarif",
    "junit": "claimcheck.reporters.junit",
}


@dataclass
class Report:
    """Everything a reporter may need: findings, what was checked, which rules ran."""

    findings: list
    files: int = 0
    references: int = 0  # how many of the files are reference files
    claims: int = 0
    rules: list = field(default_factory=list)  # registry.Rule objects that ran
    paths: list[str] = field(default_factory=list)  # every file checked, as given
    output: str | None = None  # where the report is written: Markdown links are relative to it
    fail_on: str = "error"  # the failing severity: JUnit fails testcases at or above it
    pretty: bool = False  # JSON: indented for people
    left_out: dict = field(default_factory=dict)  # rule -> findings beyond the limits, counted but not listed
    color: bool = False  # text: ANSI colours (a terminal that wants them)
    sources: dict = field(default_factory=dict)  # path -> file text: text shows the claim's lines (--show-source)
    articles: dict = field(default_factory=dict)  # claim-file path -> its article text, read inside the project: Markdown quotes it
    version: str = __version__

    def counts_by_severity(self) -> Counter:
        return Counter(f.severity for f in self.findings)


def render(report: Report, fmt: str) -> str:
    module = importlib.import_module(FORMATS[fmt])
    return module.render(report)


def one_line(text: str) -> str:
    """Control characters (newlines from claim text) escaped so one finding stays one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
