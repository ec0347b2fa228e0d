"""A kill at any point of extract's writes never turns into a lost edit.

The claim file and its snapshot (the merge's base) must always belong together: a snapshot newer
than the claim file makes the next run take the old machine values for a reviewer's edits, and
the missing new claims for deletions; an older one, the new machine values for edits (frozen
from then on). `claimcheck.atomic.write_atomic` kills the process (exit 137, like `kill -9`) at
`CLAIMCHECK_CRASH_AT=<label>:before|after` its rename. For every write of a re-extraction, the
run is killed there, then run again (the same extraction, or an improved one), and must end
exactly where uninterrupted runs end: the machine values written before the kill must still
follow the extractor afterwards (they are not taken for a reviewer's edits). The writes are driven through `output.write_claim_file` in a subprocess with
made-up claims (no spaCy); one test kills the real command.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from claimcheck.extract.meta import read_article
from claimcheck.extract.output import write_claim_file
from claimcheck.extract.snapshot import CLAIMS_LABEL, PENDING_LABEL, SNAPSHOT_LABEL, pending_path, snapshot_path

REPO = Path(__file__).resolve().parents[2]
ARTICLE = ("---\nid: ferry-story\npublished: 2024-05-02\n---\n"
           "The ferry carried 120 passengers on Tuesday, the operator said. \"We ran every boat we had,\" "
           "said Lena Ortiz, the operator's manager. Repairs will cost $2 million.\n")
POINTS = [(label, when) for label in (PENDING_LABEL, CLAIMS_LABEL, SNAPSHOT_LABEL) for when in ("before", "after")]
WRITER = ("import json, sys\nfrom pathlib import Path\n"
          "from claimcheck.extract.meta import read_article\nfrom claimcheck.extract.output import write_claim_file\n"
          "write_claim_file(read_article(Path(sys.argv[1])), json.loads(Path(sys.argv[2]).read_text()), Path(sys.argv[3]))\n")


def claim(text, kind, **fields):
    start = ARTICLE.index(text)
    cid = f"{kind}-" + "-".join(w.strip('.,"$').lower() for w in text.split()[:4])
    return {"id": cid, "kind": kind, "text": text, "span": [start, start + len(text)], **fields}


def extraction(version: int) -> list[dict]:
    """What the extractor gives: version 2 improves a subject and finds one more figure; 3 improves both subjects."""
    subject = {1: "ferry", 2: "the ferry service", 3: "the harbour ferry service"}[version]
    out = [claim("120 passengers", "figure", subject=subject, metric="passengers carried", value=120, unit="passengers"),
           claim("carried 120 passengers on Tuesday", "event", subject="ferry carried passengers", date="2024-04-30"),
           claim("We ran every boat we had", "quote", quote="We ran every boat we had",
                 attribution={"source": "Lena Ortiz", "type": "named"})]
    if version >= 2:
        out.append(claim("$2 million", "figure", subject="repairs" if version == 2 else "ferry repairs", metric="cost",
                         value=2_000_000, unit="USD"))
    return out


def review(path: Path) -> None:
    """A reviewer corrects the quote's speaker role, deletes the event and adds a note."""
    rt = YAML()
    data = rt.load(path.read_text(encoding="utf-8"))
    quote = next(c for c in data["claims"] if c["kind"] == "quote")
    quote["attribution"]["role"] = "manager"
    data["claims"].remove(next(c for c in data["claims"] if c["kind"] == "event"))
    with path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)
    path.write_text("# reviewed by the desk\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def write(folder: Path, version: int, crash: str | None = None) -> int:
    claims = folder / f"claims-v{version}.json"
    claims.write_text(json.dumps(extraction(version)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_CRASH_AT"}
    if crash:
        env["CLAIMCHECK_CRASH_AT"] = crash
    proc = subprocess.run([sys.executable, "-c", WRITER, str(folder / "ferry.md"), str(claims), str(folder / "claims")],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode in (0, 137), proc.stderr
    return proc.returncode


def state(folder: Path) -> tuple[str, dict]:
    path = folder / "claims" / "ferry-story.yaml"
    return path.read_text(encoding="utf-8"), json.loads(snapshot_path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> Path:
    """A folder after a first extraction and a reviewer's edits."""
    folder = tmp_path_factory.mktemp("reviewed")
    (folder / "ferry.md").write_text(ARTICLE, encoding="utf-8")
    write_claim_file(read_article(folder / "ferry.md"), extraction(1), folder / "claims")
    review(folder / "claims" / "ferry-story.yaml")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(reviewed, tmp_path_factory) -> dict[int, tuple[str, dict]]:
    """The states after re-extracting with version 2, then version 3, uninterrupted."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    shutil.copytree(reviewed, folder, dirs_exist_ok=True)
    states = {}
    for version in (2, 3):
        assert write(folder, version) == 0
        states[version] = state(folder)
    return states


def test_the_uninterrupted_runs_keep_the_edits_and_take_the_improvements(uninterrupted):
    for version, subject in ((2, "the ferry service"), (3, "the harbour ferry service")):
        text, snap = uninterrupted[version]
        data = YAML(typ="safe").load(text)
        by_kind = {c["kind"]: c for c in data["claims"] if c["kind"] != "figure"}
        assert "event" not in by_kind                                    # stays deleted
        assert by_kind["quote"]["attribution"]["role"] == "manager"      # the edit stays
        figures = {c["value"]: c for c in data["claims"] if c["kind"] == "figure"}
        assert figures[120]["subject"] == subject and 2_000_000 in figures
        assert text.startswith("# reviewed by the desk")
        assert set(snap["claims"]) == {c["id"] for c in extraction(version)}
    figures = {c["value"]: c for c in YAML(typ="safe").load(uninterrupted[3][0])["claims"] if c["kind"] == "figure"}
    assert figures[2_000_000]["subject"] == "ferry repairs"


@pytest.mark.parametrize(("label", "when"), POINTS)
def test_a_kill_at_any_write_loses_nothing(reviewed, uninterrupted, tmp_path, label, when):
    """Killed while re-extracting with version 2; the next run (version 3, an extractor upgraded in
    between) must end where version 2 then 3 uninterrupted end: the machine's values written before
    the kill are not taken for a reviewer's edits (frozen), the reviewer's edits and deletion hold."""
    shutil.copytree(reviewed, tmp_path, dirs_exist_ok=True)
    before = state(tmp_path)
    assert write(tmp_path, 2, crash=f"{label}:{when}") == 137
    assert state(tmp_path)[0] in (before[0], uninterrupted[2][0])     # never half a file
    assert write(tmp_path, 3) == 0
    assert state(tmp_path) == uninterrupted[3]
    assert not pending_path(tmp_path / "claims" / "ferry-story.yaml").exists()
    assert [p.name for p in (tmp_path / "claims").rglob("*.tmp")] == []


@pytest.mark.parametrize(("label", "when"), POINTS)
def test_a_kill_then_the_same_run_again(reviewed, uninterrupted, tmp_path, label, when):
    shutil.copytree(reviewed, tmp_path, dirs_exist_ok=True)
    assert write(tmp_path, 2, crash=f"{label}:{when}") == 137
    assert write(tmp_path, 2) == 0
    assert state(tmp_path) == uninterrupted[2]


def test_a_kill_then_a_hand_edit_keeps_the_edit(reviewed, tmp_path, capsys):
    """Killed after the claim file was written, then edited by hand before the next run: the
    edit is kept, and the run says that it merged against the older snapshot."""
    shutil.copytree(reviewed, tmp_path, dirs_exist_ok=True)
    assert write(tmp_path, 2, crash=f"{CLAIMS_LABEL}:after") == 137
    path = tmp_path / "claims" / "ferry-story.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: passengers", "unit: people"), encoding="utf-8")
    messages: list[str] = []
    write_claim_file(read_article(tmp_path / "ferry.md"), extraction(2), tmp_path / "claims", warn=messages.append)
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert next(c for c in data["claims"] if c.get("value") == 120)["unit"] == "people"
    assert not any(c["kind"] == "event" for c in data["claims"])
    assert any("interrupted" in m for m in messages)


def test_killing_the_command_loses_no_edit(tmp_path, nlp):
    """The real command, killed right after it replaced a reviewed claim file."""
    article = tmp_path / "ferry.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "claims"
    command = [sys.executable, "-m", "claimcheck", "extract", "-o", str(out), str(article)]
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_CRASH_AT"} | {"CI": "1"}
    assert subprocess.run(command, cwd=REPO, env=env, capture_output=True, check=False).returncode == 0
    path = out / "ferry-story.yaml"
    rt = YAML()
    data = rt.load(path.read_text(encoding="utf-8"))
    deleted = data["claims"].pop(0)["id"]
    data["claims"][0]["ignore"] = ["unattributed"]
    kept = data["claims"][0]["id"]
    # an older extractor wrote another subject for the last claim: the re-run rewrites the file
    older = data["claims"][-1]
    older["text"] = "older text"
    with path.open("w", encoding="utf-8") as fh:
        rt.dump(data, fh)
    snap = json.loads(snapshot_path(path).read_text(encoding="utf-8"))
    snap["claims"][older["id"]]["text"] = "older text"
    snapshot_path(path).write_text(json.dumps(snap), encoding="utf-8")
    for crash in (f"{CLAIMS_LABEL}:after", None):
        run_env = env | ({"CLAIMCHECK_CRASH_AT": crash} if crash else {})
        proc = subprocess.run(command, cwd=REPO, env=run_env, capture_output=True, text=True, check=False)
        assert proc.returncode == (137 if crash else 0), proc.stderr
    after = {c["id"]: c for c in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["claims"]}
    assert deleted not in after and after[kept]["ignore"] == ["unattributed"]
    assert after[older["id"]]["text"] != "older text"          # the machine's value, not frozen
