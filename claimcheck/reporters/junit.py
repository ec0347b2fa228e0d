"""JUnit XML for CI dashboards (Jenkins, GitLab, Azure, test-report actions).

One `testsuite` named claimcheck; a `testcase` for every checked file and rule that ran
(classname = the file, name = the rule), so a dashboard shows what passed as well as what failed.
A testcase with findings at or above the failing severity (`report.fail_on`, default error) has
a `failure` whose text is the lint lines; lower findings are listed in `system-out` and the
testcase passes, as the exit code does. Findings outside the checked files (a crashed rule) get
a testcase of their own. Text is escaped by the XML writer; characters XML 1.0 cannot hold at
all (control characters from a claim) are written as visible escapes, so the file always parses.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import defaultdict

from claimcheck.findings import severity_rank
from claimcheck.reporters import Report
from claimcheck.reporters._escape import xml_text
from claimcheck.reporters.text import format_with_related


def _element(parent, tag: str, **attributes) -> ET.Element:
    return ET.SubElement(parent, tag, {key: xml_text(value) for key, value in attributes.items()})


def render(report: Report) -> str:
    fail_on = report.fail_on
    threshold = severity_rank(fail_on)
    rules = [(rule.name, rule.code) for rule in report.rules]
    files = report.paths
    by_key: dict[tuple, list] = defaultdict(list)
    for finding in report.findings:
        by_key[(os.path.normpath(finding.path), finding.rule)].append(finding)

    cases: list[tuple[str, str, str, list]] = []  # (classname, name, file, findings)
    seen = set()
    for path in files:
        for name, _code in rules:
            key = (os.path.normpath(path), name)
            seen.add(key)
            cases.append((path, name, path, by_key.get(key, [])))
    for key, findings in sorted(by_key.items()):
        if key not in seen:  # a finding outside the checked files, or from a rule not in the list
            cases.append((findings[0].path, key[1], findings[0].path, findings))

    failures = sum(1 for *_rest, found in cases if any(severity_rank(f.severity) >= threshold for f in found))
    root = ET.Element("testsuites", {"name": "claimcheck", "tests": str(len(cases)), "failures": str(failures), "errors": "0"})
    suite = _element(
        root,
        "testsuite",
        name="claimcheck",
        tests=len(cases),
        failures=failures,
        errors=0,
        skipped=0,
        time="0",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("claimcheck.version", report.version),
        ("files", report.files),
        ("claims", report.claims),
        ("fail-on", fail_on),
    ):
        _element(properties, "property", name=name, value=value)
    for classname, name, path, found in cases:
        case = _element(suite, "testcase", classname=classname, name=name, file=path, time="0")
        failing = [f for f in found if severity_rank(f.severity) >= threshold]
        if failing:
            first = failing[0]
            summary = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}: {first.message}"
            failure = _element(case, "failure", message=summary, type=first.rule)
            failure.text = xml_text(format_with_related(failing))
        passing = [f for f in found if f not in failing]
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text(format_with_related(passing))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
