"""Every file claimcheck writes is written here: atomically, and never through a symlink.

The data goes to a temporary file created exclusively (`O_EXCL`: a planted file or symlink of
that name is never opened) in the target's own folder, is flushed to disk, and is renamed over
the target in one step. A reader sees the old file or the new one, never half of one; a process
killed at any moment leaves the old file intact (and at most a `.tmp` leftover, which the next
write removes). A target that is a symlink is refused: writing through it would overwrite
whatever it points at.

For tests of interrupted writes, `CLAIMCHECK_CRASH_AT=<label>:<when>` kills the process
(exit 137, like `kill -9`) at the write whose label matches, `before` or `after` the rename.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


class AtomicWriteError(Exception):
    """The target cannot be written safely (a symlink, not a regular file, no permission)."""


def write_atomic(target: str | os.PathLike, data: bytes | str, *, durable: bool = True, cleanup: bool = True, label: str = "") -> None:
    """Replace `target` with `data` atomically (see the module docstring).

    `durable=False` skips the fsync (caches); `cleanup=False` leaves other writers' temporary
    files alone (caches written by concurrent processes)."""
    target = Path(target)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if target.is_symlink():
        raise AtomicWriteError(f"{target} is a symbolic link: claimcheck does not write through links")
    if target.exists() and not target.is_file():
        raise AtomicWriteError(f"{target} is not a regular file")
    folder = target.parent if str(target.parent) else Path(".")
    if cleanup:
        _remove_leftovers(folder, target.name)
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    except OSError as error:
        raise AtomicWriteError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        os.chmod(temporary, _mode_for(target))  # mkstemp makes 0600: keep the file's mode, or the umask's
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        _crash_point(label, "before")
        os.replace(temporary, target)
        _crash_point(label, "after")
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise AtomicWriteError(f"cannot write {target}: {error.strerror or error}") from None
        raise


def write_output(target: str | os.PathLike, data: bytes | str, *, label: str = "") -> None:
    """A report: replaced atomically like any file; but a character device or a FIFO that is
    not a symlink (`-o /dev/null`, a named pipe a CI step reads) is written to as a stream, as
    a shell's `>` would: there is no file there to replace, and a rename would put one there."""
    target = Path(target)
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        mode = 0
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        write_atomic(target, data, label=label)
        return
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise AtomicWriteError(f"cannot write {target}: {error.strerror or error}") from None


def _mode_for(target: Path) -> int:
    """The permissions the file has now, else those a plain `open(..., "w")` would give it."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux says it without changing it (os.umask would, for a moment, for every thread)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _remove_leftovers(folder: Path, name: str) -> None:
    """Temporary files of an earlier interrupted write of `name` (only regular files we made)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    prefix = f".{name}."
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _crash_point(label: str, when: str) -> None:
    wanted = os.environ.get("CLAIMCHECK_CRASH_AT")
    if wanted and label and wanted == f"{label}:{when}":
        os._exit(137)
