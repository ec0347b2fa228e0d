"""Files changed since a git ref: `git diff --name-only REF` plus untracked files.

Used by `--changed-since REF` to report only the findings that involve claims in those files;
the rules still run over the whole corpus, so a new claim that contradicts an old one is found.
"""

from __future__ import annotations

import os
import subprocess


class ChangedError(Exception):
    """git is missing, this is not a repository, or the ref does not name a commit (exit 2)."""


def _git(args: list[str], cwd: str | None) -> str:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise ChangedError("--changed-since needs git, and git is not installed (or not on PATH)") from None
    except OSError as error:
        raise ChangedError(f"--changed-since: cannot run git: {error.strerror or error}") from None
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise ChangedError(f"git {args[0]} failed: {message[-1] if message else f'exit {result.returncode}'}")
    return result.stdout


def changed_files(ref: str, cwd: str | None = None) -> set[str]:
    """Real paths of the files that differ from `ref` in the work tree, and untracked files."""
    if not ref or ref.startswith("-"):
        raise ChangedError(f"--changed-since: {ref!r} is not a git ref")
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except ChangedError as error:
        if "needs git" in str(error) or "cannot run git" in str(error):
            raise
        raise ChangedError(f"--changed-since needs a git repository: {os.path.abspath(cwd or '.')} is not in one") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd)
    except ChangedError:
        raise ChangedError(f"--changed-since: unknown git ref {ref!r} (no such branch, tag or commit)") from None
    names = _git(["diff", "--name-only", "--no-renames", "-z", ref, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    return {os.path.realpath(os.path.join(top, name)) for name in names if name}
