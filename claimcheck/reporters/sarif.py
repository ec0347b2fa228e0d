"""SARIF 2.1.0, as GitHub code scanning reads it (`github/codeql-action/upload-sarif`).

One run; `tool.driver.rules` describes every rule that ran (id = the rule's name, its code in
`properties`); each finding is a result with `ruleId`, `ruleIndex`, `level`, `message.text`, one
location (`physicalLocation.artifactLocation.uri` relative to the repository, `region` with
`startLine`/`startColumn`), `relatedLocations` for the other claims involved, and
`partialFingerprints` computed from what the finding is about (rule and claims, as baselines
match them), so an alert survives edits that move lines. The output validates against the OASIS
schema shipped in `claimcheck/data/sarif-2.1.0.schema.json`.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.findings import fingerprint
from claimcheck.jsontext import dumps
from claimcheck.reporters import Report
from claimcheck.reporters._escape import sarif_text, url_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/claimcheck/"


def _uri(path: str) -> str:
    if os.path.isabs(path):  # outside the repository (a crashed rule's own file): a file: URI
        return Path(path).as_uri()
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return url_path(path)


def _physical(loc) -> dict:
    return {
        "artifactLocation": {"uri": _uri(loc.path)},
        "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)},
    }


def _logical(loc) -> list[dict]:
    if loc.claim is None:
        return []
    return [{"name": str(loc.claim), "fullyQualifiedName": f"{loc.article}#{loc.claim}", "kind": "member"}]


def _rule_descriptor(rule) -> dict:
    doc = rule.doc.strip()
    summary = rule.summary or rule.name
    return {
        "id": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc or summary},
        "help": {"text": doc or summary, "markdown": _help_markdown(rule, doc or summary)},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"code": rule.code, "scope": rule.scope, "tags": ["claimcheck", "claims"]},
    }


def _help_markdown(rule, doc: str) -> str:
    """The rule's documentation is Markdown already (GitHub renders it beside the alert)."""
    return f"**{rule.code} {rule.name}** (`claimcheck rule {rule.name}`)\n\n{doc}"


def _message(finding) -> str:
    text = sarif_text(finding.message)
    if finding.related:
        # Embedded links `[text](id)` point at relatedLocations; the text is escaped.
        links = ", ".join(f"[{sarif_text(_label(loc))}]({index})" for index, loc in enumerate(finding.related, 1))
        text += f" (related: {links})"
    return text


def _label(loc) -> str:
    return f"{loc.article}#{loc.claim}" if loc.claim is not None else f"{loc.path}:{loc.line}"


def _result(finding, rule_index: dict) -> dict:
    location = {"physicalLocation": _physical(finding.location)}
    logical = _logical(finding.location)
    if logical:
        location["logicalLocations"] = logical
    result = {
        "ruleId": finding.rule,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": _message(finding)},
        "locations": [location],
        "partialFingerprints": {"claimcheckIdentity/v1": fingerprint(finding)},
        "properties": {"code": finding.code, "severity": finding.severity},
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.related:
        result["relatedLocations"] = [
            {"id": index, "physicalLocation": _physical(loc), "message": {"text": sarif_text(_label(loc))}}
            for index, loc in enumerate(finding.related, 1)
        ]
    if finding.claim is not None:
        result["properties"]["claims"] = finding.claim_refs()
    return result


def document(report: Report) -> dict:
    rules = list(report.rules)
    names = {rule.name for rule in rules}
    for finding in report.findings:  # a rule not in the plan (should not happen) still gets a descriptor
        if finding.rule not in names:
            names.add(finding.rule)
            rules.append(_Missing(finding.rule, finding.code))
    rule_index = {rule.name: index for index, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": report.version,
                        "semanticVersion": report.version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in report.findings],
                "properties": {"files": report.files, "claims": report.claims},
            }
        ],
    }


class _Missing:
    def __init__(self, name: str, code: str) -> None:
        self.name, self.code, self.doc, self.summary, self.severity, self.scope = name, code, "", name, "warning", "unknown"


def render(report: Report) -> str:
    return dumps(document(report), pretty=True) + "\n"
