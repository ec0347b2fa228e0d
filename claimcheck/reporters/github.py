"""GitHub Actions: one workflow command a finding, and a job summary in Markdown.

    ::error file=claims/a.yaml,line=12,col=5,title=CC101 numeric-conflict::message

Severity error -> `::error`, warning -> `::warning`, info -> `::notice`. Data is escaped as the
runner expects (%25 %0D %0A), property values also %3A and %2C, so a claim's text can never end
the command or start another one. When GITHUB_STEP_SUMMARY names a file, the Markdown report is
appended to it (links point at the files of the commit: GITHUB_SERVER_URL/REPOSITORY/SHA).
"""

from __future__ import annotations

import os

from claimcheck.reporters import Report
from claimcheck.reporters._escape import gh_data, gh_property

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SUMMARY_LIMIT = 900 * 1024  # GitHub refuses step summaries over 1 MiB


def format_finding(finding) -> str:
    path = finding.path.replace("\\", "/")
    path = path.removeprefix("./")
    properties = ",".join(
        f"{key}={gh_property(value)}"
        for key, value in (
            ("file", path),
            ("line", finding.line),
            ("col", finding.column),
            ("title", f"{finding.code} {finding.rule}"),
        )
    )
    message = finding.message
    others = [loc for loc in finding.related]
    if others:
        message += "\nRelated: " + "; ".join(
            f"{loc.path}:{loc.line}" + (f" ({loc.article}#{loc.claim})" if loc.claim else "") for loc in others
        )
    return f"::{COMMANDS.get(finding.severity, 'warning')} {properties}::{gh_data(message)}"


def render(report: Report) -> str:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        write_step_summary(report, summary)
    return "".join(format_finding(f) + "\n" for f in report.findings)


def step_summary(report: Report) -> str:
    from claimcheck.reporters.markdown import (
        blob_linker,
        relative_linker,
        render_markdown,
    )

    env = os.environ
    if env.get("GITHUB_REPOSITORY") and env.get("GITHUB_SHA"):
        link = blob_linker(
            env.get("GITHUB_SERVER_URL", "https://github.com"),
            env["GITHUB_REPOSITORY"],
            env["GITHUB_SHA"],
            env.get("GITHUB_WORKSPACE") or os.getcwd(),
        )
    else:
        link = relative_linker(None)
    text = render_markdown(report, link, title="claimcheck")
    shown = len(report.findings)
    while len(text.encode("utf-8")) > SUMMARY_LIMIT and shown > 0:
        shown //= 2
        text = render_markdown(report, link, title="claimcheck", max_findings=shown)
    return text


def write_step_summary(report: Report, path: str) -> None:
    """Append the summary; a summary that cannot be written must not lose the annotations."""
    import sys

    try:
        text = step_summary(report)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as error:
        print(f"claimcheck: warning: cannot write the job summary to {path}: {error.strerror or error}", file=sys.stderr)
    except Exception as error:  # a summary that cannot be made must not cost the annotations
        print(f"claimcheck: warning: no job summary ({type(error).__name__}: {error})", file=sys.stderr)
