"""The spec's JSON document: tool, summary, findings (claim text is escaped by JSON itself)."""

import json

from claimcheck.reporters import Report


def render(report: Report) -> str:
    document = {
        "tool": {"name": "claimcheck", "version": report.version},
        "summary": {"files": report.files, "claims": report.claims, "findings": len(report.findings)},
        "findings": [f.to_json() for f in report.findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
