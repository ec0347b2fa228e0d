"""The dev set: every expected finding is given, no must-not-flag pair is flagged.

`../shared/devset/expected.yaml` says: an expected entry is matched by a finding of its rule whose
claim + related claims include all the listed claims; no conflict-type finding may name all the
claims of a must-not-flag pair.
"""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from claimcheck.config import Config
from claimcheck.session import Session

from .conftest import SHARED

DEVSET = SHARED / "devset"
CONFLICT_RULES = {"numeric-conflict", "arithmetic", "date-conflict", "anachronism", "attribution-conflict", "role-conflict"}

pytestmark = pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is not beside the repository")


@pytest.fixture(scope="module")
def devset():
    expected = YAML(typ="safe").load((DEVSET / "expected.yaml").read_text(encoding="utf-8"))
    findings = Session.open(config=Config(root=DEVSET)).check([str(DEVSET / "claims")]).findings
    return expected, findings


def test_devset_loads_without_syntax_or_schema_findings(devset):
    _expected, findings = devset
    assert [f for f in findings if f.rule in ("syntax", "schema")] == []


def _expected_ids(entry):
    return f"{entry['rule']}: {' + '.join(entry['claims'])}"


def test_every_expected_finding_is_given(devset):
    expected, findings = devset
    missing = [
        _expected_ids(entry)
        for entry in expected["expected"]
        if not any(f.rule == entry["rule"] and set(entry["claims"]) <= set(f.claim_refs()) for f in findings)
    ]
    assert missing == []


def test_no_must_not_flag_pair_is_flagged(devset):
    expected, findings = devset
    flagged = [
        (pair["claims"], f.rule, f.message)
        for pair in expected["must_not_flag"]
        for f in findings
        if f.rule in CONFLICT_RULES and set(pair["claims"]) <= set(f.claim_refs())
    ]
    assert flagged == []
