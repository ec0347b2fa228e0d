"""The pre-commit hook as a user gets it: `pre-commit try-repo <this repository> claimcheck`.

pre-commit installs this repository into a virtualenv of its own (from the package index: slow,
20-45 s a run), so the test is marked `slow` (`pytest -m "not slow"` leaves it out); CI runs it.
PRE_COMMIT_HOME points into tmp, but `try-repo` keeps its store in a temporary folder of its own
(pre-commit's try_repo: `Store(tempdir)`), so each of the two runs installs the environment.

What is tried is a snapshot of the working tree (tracked and untracked files, as `git status`
sees them) committed in a repository of its own: pre-commit's own shadow repository of uncommitted
changes gets a new path and commit on every call, which would install everything twice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from .conftest import REPO

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = """\
article: {id: clean, title: A clean article, published: 2024-03-15}
claims:
  - id: cost
    kind: figure
    text: the council will spend $300 million on the repairs
    subject: Harbor Bridge repairs
    metric: cost
    value: 300000000
    unit: USD
    attribution: {source: Port Alder city council, type: organization}
"""

# An event dated after the article that reports it: an anachronism (error).
FAULTY = CLEAN + """\
  - id: reopened
    kind: event
    text: the bridge reopened on April 2
    subject: Harbor Bridge reopening
    date: 2024-04-02
"""


def _git(*args, cwd):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def _snapshot(target):
    """This repository's working tree as one commit in `target`; returns the commit."""
    files = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=REPO).split("\0")
    target.mkdir()
    for name in filter(None, files):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)
    _git("commit", "-q", "-m", "snapshot", cwd=target)
    return _git("rev-parse", "HEAD", cwd=target)


def _project(folder, claim_text: str):
    folder.mkdir(exist_ok=True)
    (folder / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\n', encoding="utf-8")
    (folder / "claims").mkdir(exist_ok=True)
    (folder / "claims" / "bridge.yaml").write_text(claim_text, encoding="utf-8")
    if not (folder / ".git").exists():
        _git("init", "-q", cwd=folder)
    _git("add", "-A", cwd=folder)


def _try_repo(hook_repo, rev, project, home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "VIRTUAL_ENV", "CLAIMCHECK_"))}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "claimcheck", "--ref", rev, "--all-files", "--color", "never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_hooks_file_is_a_valid_manifest():
    pytest.importorskip("pre_commit")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def hook_snapshot(tmp_path_factory):
    pytest.importorskip("pre_commit")
    folder = tmp_path_factory.mktemp("hook") / "claimcheck"
    return folder, _snapshot(folder)


@pytest.mark.slow
@needs_git
def test_try_repo_fails_on_a_finding_and_passes_on_a_clean_corpus(tmp_path, hook_snapshot):
    hook_repo, rev = hook_snapshot
    home, project = tmp_path / "pre-commit-home", tmp_path / "desk"

    _project(project, FAULTY)
    failed = _try_repo(hook_repo, rev, project, home)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "claimcheck" in output and "Failed" in output, output
    assert "claims/bridge.yaml:" in output and "CC202 [error] anachronism" in output, output

    _project(project, CLEAN)
    passed = _try_repo(hook_repo, rev, project, home)
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "Passed" in output, output
    print(textwrap.indent(failed.stdout + passed.stdout, "    "))


@pytest.mark.slow
@needs_git
def test_a_desk_set_up_by_init_lints_on_commit(tmp_path, hook_snapshot):
    """`claimcheck init --repository <claimcheck> --rev <commit>`, then `pre-commit run`: the
    written .pre-commit-config.yaml installs claimcheck's hook and reports the example's findings."""
    hook_repo, rev = hook_snapshot
    desk = tmp_path / "desk"
    desk.mkdir()
    done = subprocess.run([sys.executable, "-m", "claimcheck", "init", "--repository", str(hook_repo), "--rev", rev], cwd=desk, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    _git("init", "-q", cwd=desk)
    _git("add", "-A", cwd=desk)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "VIRTUAL_ENV", "CLAIMCHECK_"))}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    ran = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"], cwd=desk, env=env, capture_output=True, text=True, timeout=600
    )
    output = ran.stdout + ran.stderr
    assert ran.returncode == 1, output
    assert "CC202 [error] anachronism" in output and "CC302 [warning] vague-attribution" in output, output
