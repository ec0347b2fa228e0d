"""SARIF: valid against the OASIS SARIF 2.1.0 schema shipped in claimcheck/data, and shaped as
GitHub code scanning requires."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from claimcheck.reporters import render


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(files("claimcheck").joinpath("data/sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def test_schema_file_is_the_oasis_one():
    schema = json.loads(files("claimcheck").joinpath("data/sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_sarif_validates(fixture_report, validator):
    document = json.loads(render(fixture_report, "sarif"))
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, errors[0]


def test_sarif_has_what_code_scanning_needs(fixture_report):
    run = json.loads(render(fixture_report, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["schema", "numeric-conflict", "date-conflict", "unattributed", "vague-attribution"]
    conflict = next(r for r in run["results"] if r["ruleId"] == "numeric-conflict")
    assert conflict["level"] == "error"
    assert rules[conflict["ruleIndex"]]["id"] == "numeric-conflict"
    location = conflict["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "claims/alpha.yaml"}, "region": {"startLine": 10, "startColumn": 5}}
    assert [r["physicalLocation"]["region"]["startLine"] for r in conflict["relatedLocations"]] == [10, 23]
    assert "[beta-2022-02-10#helmets-delivered](1)" in conflict["message"]["text"]
    assert conflict["partialFingerprints"]["claimcheckIdentity/v1"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"numeric-conflict": "error", "vague-attribution": "warning", "unattributed": "note", "schema": "warning"}


def test_fingerprint_survives_moved_lines(fixture_report):
    from claimcheck.findings import Location

    before = json.loads(render(fixture_report, "sarif"))["runs"][0]["results"][0]["partialFingerprints"]
    first = fixture_report.findings[0]
    loc = first.location
    first.location = Location(loc.path, loc.line + 40, loc.column, loc.article, loc.claim)
    after = json.loads(render(fixture_report, "sarif"))["runs"][0]["results"][0]["partialFingerprints"]
    assert before == after


def test_empty_report_validates(fixture_report, validator):
    fixture_report.findings = []
    validator.validate(json.loads(render(fixture_report, "sarif")))


def test_a_finding_outside_the_repository_gets_a_file_uri(fixture_report, validator, tmp_path):
    from claimcheck.findings import Finding, Location

    rule_file = tmp_path / "my rules" / "broken.py"
    fixture_report.findings = [
        Finding("numeric-conflict", "CC101", "error", "rule numeric-conflict crashed", Location(str(rule_file), 3, 1))
    ]
    document = json.loads(render(fixture_report, "sarif"))
    validator.validate(document)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == rule_file.as_uri() and "%20" in uri
