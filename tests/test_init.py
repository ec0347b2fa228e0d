"""`claimcheck init`: a new desk is linting in one minute, and nothing it finds is overwritten."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from claimcheck.cli import main
from claimcheck.commands import init
from claimcheck.config import Config
from claimcheck.load.yamlsafe import read_yaml
from claimcheck.model import EDITOR_SCHEMA, schema_text
from claimcheck.session import Session

from .conftest import REPO

WRITTEN = ["pyproject.toml", init.EXAMPLE, init.REFERENCE, EDITOR_SCHEMA, init.PRE_COMMIT, init.WORKFLOW]
SOURCE = ("https://example.org/claimcheck.git", "0123456789abcdef0123456789abcdef01234567")


def _init(folder: Path, *extra: str, capsys=None) -> tuple[int, str]:
    code = main(["init", "--dir", str(folder), *extra])
    return code, capsys.readouterr().out if capsys else ""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _check(folder: Path, *args: str):
    return subprocess.run([sys.executable, "-m", "claimcheck", "check", "--no-cache", *args], cwd=folder, capture_output=True, text=True, timeout=120)


def _explained(text: str) -> list[tuple[str, str, str]]:
    """(code, rule, claim id) of each `# FINDING (CODE rule, severity)` comment and the claim after it."""
    found = []
    for match in re.finditer(r"# FINDING \((CC\d+) ([a-z-]+), (\w+)\).*?\n  - id: ([\w-]+)", text, re.S):
        found.append((match[1], match[2], match[4]))
    return found


def test_init_in_an_empty_folder_then_check_gives_exactly_the_explained_findings(tmp_path, capsys):
    code, out = _init(tmp_path, "--repository", SOURCE[0], "--rev", SOURCE[1], capsys=capsys)
    assert code == 0
    assert sorted(_snapshot(tmp_path)) == sorted(WRITTEN)
    assert "Next steps:" in out and "claimcheck" in out and "pre-commit install" in out
    for name in WRITTEN:
        assert f"wrote    {name}" in out

    example = (tmp_path / init.EXAMPLE).read_text(encoding="utf-8")
    explained = _explained(example)
    assert [rule for _code, rule, _claim in explained] == ["anachronism", "vague-attribution"]

    result = _check(tmp_path, "--format", "json")
    assert result.returncode == 1, result.stderr  # the anachronism is an error
    findings = json.loads(result.stdout)["findings"]
    got = sorted((f["code"], f["rule"], f["claim"]) for f in findings)
    assert got == sorted(explained), result.stdout
    assert all(f["path"] == init.EXAMPLE for f in findings)

    # The fixes the comments give make the corpus pass.
    fixed = example.replace("    status: current ", "    status: former ").replace(
        "    hedge: widely seen ", "    ignore: [vague-attribution]\n    hedge: widely seen "
    )
    (tmp_path / init.EXAMPLE).write_text(fixed, encoding="utf-8")
    result = _check(tmp_path, "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == [], result.stdout


def test_what_init_writes_is_valid(tmp_path):
    assert main(["init", "--dir", str(tmp_path), "--repository", SOURCE[0], "--rev", SOURCE[1]]) == 0
    # the configuration
    table = tomllib.loads((tmp_path / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["claimcheck"]
    assert table["paths"] == ["claims"] and table["reference"] == ["claims/reference"]
    # the editor schema is the shipped one, and both YAML files name it on their first line and pass it
    assert (tmp_path / EDITOR_SCHEMA).read_text(encoding="utf-8") == schema_text()
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    for name, prefix in ((init.EXAMPLE, "../"), (init.REFERENCE, "../../")):
        text = (tmp_path / name).read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == f"# yaml-language-server: $schema={prefix}{EDITOR_SCHEMA}"
        assert (tmp_path / name).parent.joinpath(first.split("=", 1)[1]).resolve() == (tmp_path / EDITOR_SCHEMA).resolve()
        assert validator.is_valid(read_yaml(text).data), name
    # pre-commit: claimcheck's hook at the commit given
    config = YAML(typ="safe").load((tmp_path / init.PRE_COMMIT).read_text(encoding="utf-8"))
    assert config["repos"] == [{"repo": SOURCE[0], "rev": SOURCE[1], "hooks": [{"id": "claimcheck"}]}]
    # the workflow: installs claimcheck-lint (never `claimcheck`), lints for GitHub, uploads SARIF, no project rules
    flow = YAML(typ="safe").load((tmp_path / init.WORKFLOW).read_text(encoding="utf-8"))
    job = flow["jobs"]["claimcheck"]
    assert job["env"]["CLAIMCHECK_NO_LOCAL_RULES"] == "1"
    runs = [step.get("run", "") for step in job["steps"]]
    assert f'pip install "claimcheck-lint @ git+{SOURCE[0]}@{SOURCE[1]}"' in runs
    assert any(run.startswith("claimcheck check --format github") for run in runs)
    assert any("--format sarif" in run for run in runs)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in job["steps"])


def test_the_local_hook_and_the_release_install_when_the_source_is_unknown(tmp_path, monkeypatch):
    monkeypatch.setattr(init, "_installed_from", lambda: None)
    assert main(["init", "--dir", str(tmp_path)]) == 0
    config = YAML(typ="safe").load((tmp_path / init.PRE_COMMIT).read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local" and hook["entry"] == "claimcheck check" and hook["pass_filenames"] is False
    assert f'pip install "claimcheck-lint=={init.__version__}"' in (tmp_path / init.WORKFLOW).read_text(encoding="utf-8")
    assert main(["init", "--dir", str(tmp_path / "b"), "--rev", SOURCE[1]]) == 2  # a commit of which repository?


def test_the_pre_commit_configs_are_valid(tmp_path, monkeypatch):
    pytest.importorskip("pre_commit")
    for name, source in (("hook", SOURCE), ("local", None)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(init.pre_commit_config(source), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_documented_workflow_is_the_one_init_writes():
    assert (REPO / "docs" / "github-workflow-example.yml").read_text(encoding="utf-8") == init.workflow(None)


def test_init_twice_changes_nothing(tmp_path, capsys):
    _init(tmp_path, capsys=capsys)
    before = _snapshot(tmp_path)
    code, out = _init(tmp_path, capsys=capsys)
    assert code == 0 and _snapshot(tmp_path) == before
    assert "wrote" not in out
    for name in WRITTEN[1:]:
        assert f"skipped  {name}" in out
    assert "already has [tool.claimcheck]: left as it is" in out


def test_an_existing_pyproject_keeps_its_content(tmp_path, capsys):
    original = '[project]\nname = "desk"  # a comment\nversion = "1"\n\n[tool.ruff]\nline-length = 100'  # no final newline
    (tmp_path / "pyproject.toml").write_text(original, encoding="utf-8")
    code, out = _init(tmp_path, capsys=capsys)
    assert code == 0 and "[tool.claimcheck] appended" in out
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(original + "\n\n[tool.claimcheck]\n")
    data = tomllib.loads(text)
    assert data["project"] == {"name": "desk", "version": "1"} and data["tool"]["ruff"] == {"line-length": 100}
    assert Session.open(config=Config(root=tmp_path)).config is not None
    assert _check(tmp_path).returncode == 1  # the example's findings, so the configuration is read


def test_an_existing_claimcheck_table_and_files_are_left_alone(tmp_path, capsys):
    table = '[tool.claimcheck]\npaths = ["desk-claims"]\n'
    (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "example.yaml").write_text("mine\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()
    os.symlink(tmp_path / "elsewhere.yml", tmp_path / ".github" / "workflows")  # a dangling link: not written through
    code, out = _init(tmp_path, capsys=capsys)
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == table
    assert (tmp_path / "claims" / "example.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "elsewhere.yml").exists()
    assert "skipped  claims/example.yaml" in out and "left as it is" in out
    assert (tmp_path / init.REFERENCE).is_file()
    assert code == 2 and "FAILED   .github/workflows/claimcheck.yml" in out


def test_invalid_pyproject_writes_nothing(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck\n", encoding="utf-8")
    assert main(["init", "--dir", str(tmp_path)]) == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert sorted(_snapshot(tmp_path)) == ["pyproject.toml"]


def test_init_in_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("claimcheck init:\n") and "1. claimcheck " in out
    assert (tmp_path / init.EXAMPLE).is_file()
