"""The spec's JSON document: tool, summary, findings (claim text is escaped by JSON itself).

Compact by default (a corpus can have a hundred thousand findings: indentation would be most of
the output and of the time); `--pretty` indents it for people.
"""

from claimcheck.jsontext import dumps
from claimcheck.reporters import Report


def _left_out(report: Report) -> dict:
    """`left_out`: findings beyond max-findings-per-rule/-group, by rule (only when there are)."""
    return {"left_out": dict(sorted(report.left_out.items()))} if report.left_out else {}


def render(report: Report) -> str:
    document = {
        "tool": {"name": "claimcheck", "version": report.version},
        "summary": {"files": report.files, "claims": report.claims, "findings": len(report.findings), **_left_out(report)},
        "findings": [f.to_json() for f in report.findings],
    }
    return dumps(document, pretty=report.pretty) + "\n"
