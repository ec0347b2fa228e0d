"""The spec's JSON document: tool, summary, findings (claim text is escaped by JSON itself).

Compact by default (a corpus can have a hundred thousand findings: indentation would be most of
the output and of the time); `--pretty` indents it for people.
"""

import json

from claimcheck.reporters import Report


def render(report: Report) -> str:
    document = {
        "tool": {"name": "claimcheck", "version": report.version},
        "summary": {"files": report.files, "claims": report.claims, "findings": len(report.findings)},
        "findings": [f.to_json() for f in report.findings],
    }
    if report.pretty:
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
