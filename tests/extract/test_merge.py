"""Re-extracting over a claim file a person edited keeps every edit."""
from __future__ import annotations

import shutil

import pytest
from ruamel.yaml import YAML

pytestmark = pytest.mark.usefixtures("nlp")
CLAIMS = "example-2024-03-15-harbor-bridge.yaml"


def load(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def edit_like_a_person(path):
    """Edit the YAML text the way a reviewer would, in an editor."""
    rt = YAML()
    data = rt.load(path.read_text(encoding="utf-8"))
    claims = data["claims"]
    money = next(c for c in claims if c["kind"] == "figure" and c["value"] == 300_000_000)
    money["value"] = 310_000_000                                   # a correction
    money["ignore"] = ["unattributed"]                             # an ignore list
    money.yaml_add_eol_comment("checked against the council minutes", "value")
    deleted = next(c for c in claims if c["kind"] == "statement")
    claims.remove(deleted)                                         # a deletion
    claims.append({"id": "reviewer-bridge-length", "kind": "figure",   # an added claim
                   "text": "the 1.2 km bridge", "subject": "Harbor Bridge", "metric": "length",
                   "value": 1.2, "unit": "km"})
    with path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)
    text = path.read_text(encoding="utf-8")
    path.write_text("# Reviewed by the desk, 2024-03-16\n" + text, encoding="utf-8")
    return deleted["id"]


def test_reextract_keeps_edits(tmp_path, run_extract, example):
    article = tmp_path / "harbor-bridge.md"
    shutil.copy(example, article)
    out = tmp_path / "claims"
    assert run_extract("-o", out, article) == 0
    path = out / CLAIMS
    before = load(path)
    deleted_id = edit_like_a_person(path)

    assert run_extract("-o", out, article) == 0
    text = path.read_text(encoding="utf-8")
    after = load(path)
    by_id = {c["id"]: c for c in after["claims"]}

    assert "# Reviewed by the desk, 2024-03-16" in text
    assert "# checked against the council minutes" in text
    money = next(c for c in after["claims"] if c.get("ignore"))
    assert money["value"] == 310_000_000 and money["ignore"] == ["unattributed"]
    assert deleted_id not in by_id                              # stays deleted
    assert by_id["reviewer-bridge-length"]["value"] == 1.2      # added claim kept
    untouched = {c["id"] for c in before["claims"]} - {deleted_id}
    assert untouched <= set(by_id)                              # nothing else lost


def test_extractor_improvements_reach_untouched_fields(tmp_path, run_extract, example):
    article = tmp_path / "harbor-bridge.md"
    shutil.copy(example, article)
    out = tmp_path / "claims"
    assert run_extract("-o", out, article) == 0
    path = out / CLAIMS
    # simulate an older extractor: the snapshot and the file both hold an old subject
    import json

    from claimcheck.extract.merge import load_snapshot, snapshot_path
    snap = load_snapshot(path)
    quote_id = next(i for i, c in snap["claims"].items() if c["kind"] == "quote")
    snap["claims"][quote_id]["said_on"] = "2000-01-01"
    snapshot_path(path).write_text(json.dumps(snap), encoding="utf-8")
    rt = YAML()
    data = rt.load(path.read_text(encoding="utf-8"))
    next(c for c in data["claims"] if c["id"] == quote_id)["said_on"] = "2000-01-01"
    with path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)

    assert run_extract("-o", out, article) == 0
    claim = next(c for c in load(path)["claims"] if c["id"] == quote_id)
    assert "said_on" not in claim          # the reviewer never touched it: extract's view wins


def test_without_snapshot_existing_claims_are_left_alone(tmp_path, run_extract, example):
    article = tmp_path / "harbor-bridge.md"
    shutil.copy(example, article)
    out = tmp_path / "claims"
    assert run_extract("-o", out, article) == 0
    path = out / CLAIMS
    rt = YAML()
    data = rt.load(path.read_text(encoding="utf-8"))
    first = data["claims"][0]
    first["subject"] = "hand-written subject"
    with path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)
    shutil.rmtree(out / ".claimcheck-extract")
    assert run_extract("-o", out, article) == 0
    assert load(path)["claims"][0]["subject"] == "hand-written subject"
