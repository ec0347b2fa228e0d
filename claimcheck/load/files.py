"""Which files to read: discovery under the given paths (exclude globs, .gitignore, links).

Reading is `claimcheck.reading`'s: nothing raises on bad input, a file that cannot be read
becomes a `syntax` problem with a position, and the other files are still read.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import subprocess

from claimcheck.model import FileProblem
from claimcheck.reading import decode, read_bytes

YAML_SUFFIXES = (".yaml", ".yml")


def discover(
    paths: list[str], root: str | None = None, exclude: list[str] = (), gitignore: bool = False, seen: set[str] | None = None
) -> list[str]:
    """YAML files under `paths`, in a stable order, displayed as given (relative stays relative),
    each real file once: not again when its real path is in `seen` (which is added to).

    Files found by walking a folder are left out when they match an `exclude` glob (relative to
    `root`), when git ignores them (`gitignore`), or when they are hidden. A file named
    explicitly is always kept: it was asked for.
    """
    found: list[str] = []
    seen = set() if seen is None else seen
    folders: dict[str, str] = {}
    for given in paths:
        if os.path.isdir(given):
            candidates = [path for path in _walk(given) if not _excluded(path, root, exclude)]
            if gitignore:
                candidates = git_unignored(candidates)
        else:
            candidates = [given]
        for candidate in candidates:
            real = _realpath(candidate, folders)
            if real not in seen:
                seen.add(real)
                found.append(candidate)
    return found


def _realpath(path: str, folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`, resolving each folder once (`folders` remembers them): a
    thousand files in one folder cost a thousand lstat calls, not one per path component each."""
    head, name = os.path.split(path)
    if not name or name in (".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real_head = folders.get(head)
    if real_head is None:
        real_head = folders[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real_head, name)


def _walk(directory: str) -> list[str]:
    out = []
    for root, dirs, files in os.walk(directory):  # symbolic links to folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                out.append(os.path.normpath(os.path.join(root, name)))
    return out


def _excluded(path: str, root: str | None, patterns: list[str]) -> bool:
    if not patterns:
        return False
    relative = path.replace(os.sep, "/")
    if root is not None:
        with contextlib.suppress(ValueError):  # another drive (Windows)
            relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    return any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern.rstrip("/") + "/*") for pattern in patterns)


def git_unignored(paths: list[str]) -> list[str]:
    """The paths git does not ignore (.gitignore, .git/info/exclude); all of them outside a
    repository or without git."""
    if not paths:
        return paths
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"], input="\0".join(paths) + "\0", capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return paths
    if result.returncode not in (0, 1):  # 128: not a repository
        return paths
    ignored = set(filter(None, result.stdout.split("\0")))
    return [path for path in paths if path not in ignored]


def outside_root(path: str, root: str | None) -> str | None:
    """Where a symbolic link leads when that is outside `root` (then it is not read), else None."""
    if root is None or not os.path.islink(path):
        return None
    real, base = os.path.realpath(path), os.path.realpath(root)
    return None if real == base or real.startswith(base.rstrip(os.sep) + os.sep) else real


def read_text(path: str) -> tuple[str | None, FileProblem | None]:
    """Decoded text of a claim file, or a `syntax` problem saying why the bytes are not YAML text."""
    data, problem = read_bytes(path)
    return (None, problem) if problem is not None else decode(data)
