"""Reading a file's bytes safely: regular files only, bounded, decoded as UTF-8 with positions.

Used by the loader for claim files, and (`read_article`) by rules and the Markdown report for the
article texts claim files name: a device or a FIFO (`/dev/zero`, which reports size 0) can never
make claimcheck read without end, bytes that are not text become a `syntax` problem at their line
and column, and an article text is read only from inside the project (`read_article`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from claimcheck.model import FileProblem

MAX_FILE_BYTES = 64 * 1024 * 1024
ARTICLE_LIMIT = 16 * 1024 * 1024  # bytes of an article text claimcheck reads


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, FileProblem | None]:
    """The bytes of a regular file of at most `limit` bytes, or a `syntax` problem saying why not.

    The size is checked on the open file and the read is bounded, so a device or a FIFO
    (`/dev/zero`, which reports size 0) can never make claimcheck read without end.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, FileProblem("syntax", f"cannot read file: {error.strerror or error}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, FileProblem("syntax", "not a regular file (a device, FIFO or socket): not read")
        if info.st_size > limit:
            return None, FileProblem("syntax", f"file is {info.st_size} bytes; claim files are limited to {limit}")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:  # grew while we read it
                return None, FileProblem("syntax", f"file is over {limit} bytes; claim files are limited to {limit}")
            chunks.append(chunk)
        return b"".join(chunks), None
    except OSError as error:
        return None, FileProblem("syntax", f"cannot read file: {error.strerror or error}")
    finally:
        os.close(fd)


def decode(data: bytes) -> tuple[str | None, FileProblem | None]:
    """UTF-8 text (a BOM is allowed), or a `syntax` problem at the first byte that is not text."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = byte_position(data, nul)
        return None, FileProblem("syntax", "binary file, not YAML text (NUL byte)", line, column)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line, column = byte_position(data, error.start)
        byte = data[error.start : error.start + 1].hex()
        return None, FileProblem("syntax", f"not UTF-8 text: invalid byte 0x{byte}", line, column)


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def read_article(claim_path: str, source: str, roots: Sequence[str] | None, limit: int = ARTICLE_LIMIT) -> tuple[str | None, str | None]:
    """(the text of the article `source` names, None), or (None, why it is not read).

    `source` is relative to the claim file at `claim_path` (the claim format's `article.source`).
    Its real path (symbolic links resolved) must lie inside one of `roots` (a session's
    `corpus.read_roots`: the project root and the configured `article-roots`), and it must be a
    regular file (no device, FIFO) of at most `limit` bytes of UTF-8: a claim file from an
    untrusted pull request cannot make claimcheck read `/etc/passwd` or `/dev/zero`. `roots=None`
    checks no containment: only for callers that made the files themselves (tests of a corpus loaded
    without a session); every session sets its roots.
    """
    path = os.path.join(os.path.dirname(claim_path), source)
    if roots is not None and not any(_inside(os.path.realpath(path), os.path.realpath(root)) for root in roots):
        return None, f"article.source {source!r} is outside the project (and its article-roots): not read"
    data, problem = read_bytes(path, limit)
    if problem is not None:
        return None, f"article.source {source!r}: {problem.message}"
    text, problem = decode(data)
    return (text, None) if problem is None else (None, f"article.source {source!r}: {problem.message}")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
