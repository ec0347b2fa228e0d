"""The snapshot of what extract wrote last time (the merge's base), read and written so that no
kill can turn into a lost edit.

`DIR/.claimcheck-extract/<article id>.json` holds the article block and the claims extract wrote
into `DIR/<article id>.yaml` last time, and the SHA-256 of the claim file's text as written then
(`claim_file_sha256`) and of the article text (`source_sha256`), and the words around each
claim's span (`context`, for `reanchor` to find it again after the article is corrected). The merge takes every difference
between the claim file and the snapshot for a reviewer's edit, so the two must always belong
together. A run writes, each step atomically (`claimcheck.atomic.write_atomic`):

1. the new snapshot under a pending name, `<id>.json.new`, with the hash of the claim file it is
   about to write *and* of the claim file it merged into (`merged_into_sha256`);
2. the claim file (skipped when its text does not change);
3. the snapshot, then the pending file is removed.

A kill before step 2 completes leaves the old claim file with the old snapshot; a kill after it,
the new claim file with the new snapshot pending. The next run tells them apart by the claim
file's hash (`base_for`): the pending snapshot is the base when the claim file is the one it
describes, the old snapshot when the claim file is still the one the interrupted run read. (A
claim file edited by hand after an interrupted run matches neither: the old snapshot is used and
a warning says so.)

A snapshot is read as untrusted input: a regular file (never through a symbolic link) of bounded
size, JSON of the shape above. One that is not (a JSON list, `{"article": 5}`, a merge conflict's
markers) is refused with a message rather than ignored: ignoring it would treat every claim the
reviewer deleted as new and put it back.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from claimcheck.atomic import write_atomic
from claimcheck.reading import read_bytes

from .meta import BadInput

SNAPSHOT_DIR = ".claimcheck-extract"
PENDING_SUFFIX = ".new"
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
# labels of the writes, for CLAIMCHECK_CRASH_AT=<label>:before|after (claimcheck.atomic)
PENDING_LABEL, CLAIMS_LABEL, SNAPSHOT_LABEL = "extract-snapshot-pending", "extract-claims", "extract-snapshot"


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def snapshot_path(claim_file: Path) -> Path:
    return claim_file.parent / SNAPSHOT_DIR / (claim_file.stem + ".json")


def pending_path(claim_file: Path) -> Path:
    path = snapshot_path(claim_file)
    return path.with_name(path.name + PENDING_SUFFIX)


def _problem(data) -> str | None:
    """Why `data` is not a snapshot, or None."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object"
    if not isinstance(data.get("article"), dict):
        return "no `article` object"
    claims = data.get("claims")
    if not isinstance(claims, dict):
        return "no `claims` object (claim id -> claim)"
    for cid, claim in claims.items():
        if not isinstance(claim, dict):
            return f"claim {cid!r} is not an object"
    for key in ("claim_file_sha256", "merged_into_sha256", "source_sha256"):
        if data.get(key) is not None and not isinstance(data[key], str):
            return f"`{key}` is not a string"
    if data.get("context") is not None and not isinstance(data["context"], dict):
        return "`context` is not an object"
    return None


def read_snapshot(path: Path) -> dict | None:
    """The snapshot at `path`, None when there is none; BadInput when it cannot be trusted."""
    if path.is_symlink():
        raise BadInput(f"{path}: is a symbolic link: claimcheck does not read or write snapshots through links")
    if not path.exists():
        return None
    raw, problem = read_bytes(str(path), MAX_SNAPSHOT_BYTES)
    if problem is not None:
        raise BadInput(f"{path}: snapshot cannot be read: {problem.message}")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:   # UnicodeDecodeError is a ValueError
        data, why = None, f"not JSON ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
    else:
        why = _problem(data)
    if why is not None:
        raise BadInput(f"{path}: not a snapshot claimcheck extract wrote ({why}); it records what the reviewer deleted, "
                       "so extract will not guess: restore it (e.g. from version control) or remove it to merge as if "
                       "every claim in the claim file were reviewed")
    return data


def load_snapshot(claim_file: Path) -> dict | None:
    """The snapshot of `claim_file` (None when there is none)."""
    return read_snapshot(snapshot_path(claim_file))


def base_for(claim_file: Path, claim_file_sha: str | None, warn=None) -> dict | None:
    """The merge's base for the claim file whose text hashes to `claim_file_sha` (None: no claim
    file): the snapshot, or the pending snapshot of an interrupted run (module docstring)."""
    snapshot = load_snapshot(claim_file)
    pending = read_snapshot(pending_path(claim_file))
    if pending is None:
        return snapshot
    if claim_file_sha is not None and claim_file_sha == pending.get("claim_file_sha256"):
        return pending                                  # the interrupted run wrote the claim file
    if claim_file_sha is not None and claim_file_sha != pending.get("merged_into_sha256") and warn:
        warn(f"claimcheck extract: warning: {claim_file}: an earlier run was interrupted and the claim file was "
             f"edited since; merging against the snapshot before that run ({snapshot_path(claim_file)})")
    return snapshot


def record(article: dict, claims: list[dict], claim_text: str, source_text: str) -> dict:
    """The snapshot of one write: what extract gives now and the claim file's text it writes,
    with the words around each claim (to find it again after the article is corrected)."""
    from .reanchor import context, span_of

    spans = {c["id"]: span_of(c) for c in claims}
    return {"article": article, "claims": {c["id"]: c for c in claims},
            "claim_file_sha256": sha256(claim_text), "source_sha256": sha256(source_text),
            "context": {cid: context(source_text, span) for cid, span in spans.items() if span is not None}}


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n"


def _check_folder(folder: Path) -> None:
    if folder.is_symlink():
        raise BadInput(f"{folder}: is a symbolic link: claimcheck does not write snapshots through links")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInput(f"{folder}: cannot create the snapshot folder: {exc.strerror or exc}") from None


def write_pair(claim_file: Path, claim_text: str, old_sha: str | None, snapshot: dict) -> bool:
    """Write the claim file and its snapshot in the order of the module docstring; False when
    both are already as they should be (nothing is written)."""
    target, pending = snapshot_path(claim_file), pending_path(claim_file)
    _check_folder(target.parent)
    for path in (target, pending):
        if path.is_symlink():
            raise BadInput(f"{path}: is a symbolic link: claimcheck does not write snapshots through links")
    text = dumps(snapshot)
    same_file = old_sha is not None and old_sha == snapshot["claim_file_sha256"]
    if same_file and not pending.exists() and _same_bytes(target, text):
        return False
    write_atomic(pending, dumps({**snapshot, "merged_into_sha256": old_sha}), label=PENDING_LABEL)
    if not same_file:
        write_atomic(claim_file, claim_text, label=CLAIMS_LABEL)
    write_atomic(target, text, label=SNAPSHOT_LABEL)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(pending)
    return True


def _same_bytes(path: Path, text: str) -> bool:
    data, problem = read_bytes(str(path), MAX_SNAPSHOT_BYTES)
    return problem is None and data == text.encode("utf-8")
