"""Reading a file's bytes safely: regular files only, bounded, decoded as UTF-8 with positions.

Used by the loader for claim files and by rules for the article texts claim files name: a device
or a FIFO (`/dev/zero`, which reports size 0) can never make claimcheck read without end, and
bytes that are not text become a `syntax` problem at their line and column.
"""

from __future__ import annotations

import os
import stat

from claimcheck.model import FileProblem

MAX_FILE_BYTES = 64 * 1024 * 1024


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
