from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The shared data (articles, dev set): ../shared beside the repository, or $CLAIMCHECK_SHARED
# (a git worktree elsewhere). Tests that need it skip when it is absent.
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or REPO.parent / "shared")


@pytest.fixture
def write(tmp_path):
    """write("claims/a.yaml", text) -> Path; text is dedented."""

    def _write(name: str, text: str | bytes) -> Path:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    return _write


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose configuration checks `claims/` (empty), the working directory its root;
    its own cache key, and no CI environment. Test modules with richer projects define their own."""
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\npaths = ["claims"]\n', encoding="utf-8")
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_KEY_DIR", str(tmp_path / ".key"))
    for name in ("GITHUB_STEP_SUMMARY", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_ACTIONS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path
