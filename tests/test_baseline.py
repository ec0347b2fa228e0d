"""--baseline / --write-baseline (matching by rule and claims, not lines) and --changed-since."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from claimcheck.baseline import Baseline
from claimcheck.cli import main
from claimcheck.findings import Finding, Location, identity

from .fixture_rules import NO_SHOUTING, SAME_TEXT, install


def claim_file(article: str, *claims: tuple[str, str], header: str = "") -> str:
    body = "".join(f"  - id: {cid}\n    kind: statement\n    text: {text}\n" for cid, text in claims)
    return f"{header}article:\n  id: {article}\n  published: 2022-01-27\nclaims:\n{body}"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with two rule files and three claim files; the cwd is its root."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\npaths = ["claims"]\nrule-paths = ["rules"]\nselect = ["syntax", "schema", "no-shouting", "same-text"]\n'
        '[tool.claimcheck.rules.same-text]\nseverity = "error"\n',
        encoding="utf-8",
    )
    install(tmp_path / "rules", NO_SHOUTING, SAME_TEXT)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.yaml").write_text(
        claim_file("a", ("shout", "ALL IS WELL"), ("calm", "all is calm")), encoding="utf-8"
    )
    (tmp_path / "claims" / "b.yaml").write_text(claim_file("b", ("echo", "all is calm")), encoding="utf-8")
    (tmp_path / "claims" / "c.yaml").write_text(claim_file("c", ("quiet", "nothing to see")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys, *args) -> tuple[int, list[str], str]:
    code = main(["check", "-q", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_write_then_use_a_baseline(project, capsys):
    code, lines, _ = lint(capsys)
    assert code == 1 and len(lines) == 2
    code, lines, _ = lint(capsys, "--write-baseline", "claimcheck-baseline.json")
    assert code == 0 and lines == []
    document = json.loads((project / "claimcheck-baseline.json").read_text(encoding="utf-8"))
    assert sorted((e["rule"], e["article"], e["claim"], e["related"]) for e in document["findings"]) == [
        ("no-shouting", "a", "shout", []),
        ("same-text", "b", "echo", ["a#calm"]),
    ]
    code, lines, _ = lint(capsys, "--baseline", "claimcheck-baseline.json")
    assert code == 0 and lines == []


def test_baseline_survives_edits_elsewhere_and_reports_new_findings(project, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    # Lines move (a comment block on top, a claim inserted before), a new finding appears.
    (project / "claims" / "a.yaml").write_text(
        claim_file("a", ("new", "quite new"), ("shout", "ALL IS WELL"), ("calm", "all is calm"), header="# moved\n# down\n"),
        encoding="utf-8",
    )
    (project / "claims" / "c.yaml").write_text(claim_file("c", ("quiet", "NOW LOUD")), encoding="utf-8")
    code, lines, _ = lint(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert lines == ["claims/c.yaml:5:5: XY101 [error] no-shouting: shouting: NOW LOUD"]


def test_baseline_reports_stale_entries(project, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    (project / "claims" / "a.yaml").write_text(
        claim_file("a", ("shout", "all is well"), ("calm", "all is calm")), encoding="utf-8"
    )
    code = main(["check", "--baseline", "baseline.json"])
    err = capsys.readouterr().err
    assert code == 0
    assert "1 baseline entry matched no finding" in err and "--write-baseline baseline.json" in err


def test_baseline_counts_duplicates(project, capsys):
    lint(capsys, "--write-baseline", "baseline.json")
    # A second identical finding (same rule, same claims) is not hidden by the one recorded.
    findings = [
        Finding("no-shouting", "XY101", "error", "m", Location("claims/a.yaml", 5, 5, "a", "shout")),
        Finding("no-shouting", "XY101", "error", "m", Location("claims/a.yaml", 9, 5, "a", "shout")),
    ]
    kept, stale = Baseline.read("baseline.json").filter(findings)
    assert len(kept) == 1 and stale == 1  # the same-text entry matched nothing here


def test_identity_ignores_lines_and_related_order():
    one = Finding("r", "X1", "error", "m1", Location("p.yaml", 3, 5, "a", "x"), [Location("q.yaml", 8, 5, "b", "y")])
    two = Finding("r", "X1", "error", "m2", Location("q.yaml", 80, 5, "b", "y"), [Location("p.yaml", 30, 5, "a", "x")])
    assert identity(one) == identity(two)
    other_rule = Finding("s", "X2", "error", "m1", Location("p.yaml", 3, 5, "a", "x"), [Location("q.yaml", 8, 5, "b", "y")])
    assert identity(one) != identity(other_rule)


def test_file_findings_match_on_path_rule_and_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    finding = Finding("syntax", "CC001", "error", "bad YAML", Location("claims/x.yaml", 3, 1))
    Baseline.from_findings("baseline.json", [finding]).write()
    baseline = Baseline.read("baseline.json")
    assert baseline.entries[0]["path"] == "claims/x.yaml"
    moved = Finding("syntax", "CC001", "error", "bad YAML", Location("./claims/x.yaml", 30, 1))
    assert baseline.filter([moved]) == ([], 0)
    other = Finding("syntax", "CC001", "error", "other problem", Location("claims/x.yaml", 3, 1))
    assert baseline.filter([other])[0] == [other]
    # Run from another folder: the path is relative to the baseline file, so it still matches.
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    elsewhere = Finding("syntax", "CC001", "error", "bad YAML", Location("../claims/x.yaml", 3, 1))
    assert Baseline.read("../baseline.json").filter([elsewhere]) == ([], 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "does not exist"), ("{not json", "not valid JSON"), ('{"findings": 3}', "not a claimcheck baseline")],
)
def test_bad_baseline_is_exit_2(project, capsys, content, message):
    if content is not None:
        (project / "baseline.json").write_text(content, encoding="utf-8")
    code = main(["check", "--baseline", "baseline.json"])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err


# --changed-since -----------------------------------------------------------------------------------

git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(project, *args):
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=project,
        check=True,
        capture_output=True,
        env=env,
    )


@git
def test_changed_since_reports_findings_involving_changed_files(project, capsys):
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    code, lines, _ = lint(capsys, "--changed-since", "HEAD")
    assert code == 0 and lines == []
    # c.yaml is edited: its new claim repeats one in a.yaml (the rule still sees the whole corpus).
    (project / "claims" / "c.yaml").write_text(claim_file("c", ("quiet", "all is calm")), encoding="utf-8")
    # An untracked file counts as changed too.
    (project / "claims" / "d.yaml").write_text(claim_file("d", ("loud", "HEY")), encoding="utf-8")
    code, lines, _ = lint(capsys, "--changed-since", "HEAD")
    assert code == 1
    assert lines == [
        "claims/c.yaml:5:5: XY201 [error] same-text: same text as a#calm",
        "claims/d.yaml:5:5: XY101 [error] no-shouting: shouting: HEY",
    ]
    main(["check", "--changed-since", "HEAD"])
    err = capsys.readouterr().err
    assert "showing the findings that involve files changed since HEAD (2 other findings not shown)" in err
    code, lines, _ = lint(capsys)
    assert len(lines) == 4  # without the filter, the old findings in a.yaml and b.yaml too


@git
def test_changed_since_with_a_related_claim_in_the_changed_file(project, capsys):
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    # a.yaml changes: b#echo's finding names a#calm as related, so it involves a changed file.
    text = (project / "claims" / "a.yaml").read_text(encoding="utf-8")
    (project / "claims" / "a.yaml").write_text("# edited\n" + text, encoding="utf-8")
    _, lines, _ = lint(capsys, "--changed-since", "HEAD")
    assert sorted(line.split(":")[0] for line in lines) == ["claims/a.yaml", "claims/b.yaml"]


@git
def test_changed_since_bad_ref_is_exit_2(project, capsys):
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    code = main(["check", "--changed-since", "no-such-branch"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown git ref 'no-such-branch'" in err


@git
def test_changed_since_outside_a_repository_is_exit_2(project, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.parent))
    code = main(["check", "--changed-since", "HEAD"])
    err = capsys.readouterr().err
    assert code == 2 and "needs a git repository" in err


def test_changed_since_without_git_is_exit_2(project, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(project / "no-bin"))
    code = main(["check", "--changed-since", "HEAD"])
    err = capsys.readouterr().err
    assert code == 2 and "needs git" in err
