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
