"""A content-addressed cache shared by the command line and the pytest plugin.

Two kinds of entries, both keyed by content, never by mtime:

* **records**: a file's parsed, validated records (its `ClaimFile` or `ReferenceFile`), keyed by
  the file's bytes, the path it is shown as and the code of claimcheck;
* **results**: the findings of one rule, keyed by the configuration (rules, severities,
  options, per-file ignores), the code of claimcheck and of the rules, and what the rule saw:
  for claim, article and file rules one file (and the reference files, which every rule may
  read); for group and corpus rules the whole corpus.

So an unchanged corpus is answered without reading a claim, an edited file costs its own
re-check plus the corpus rules, and any change of configuration, reference or rule code is a
miss. Entries are written to a temporary file created exclusively in the cache folder and
renamed into place, so concurrent runs (pytest-xdist workers, two terminals) never see half an
entry; a corrupt or unreadable entry is a miss. `claimcheck clean` removes the folder.

The folder lives in the project, where a pull request could plant entries (a pickle that runs
code, a result that hides findings). So every entry is signed with a key that never leaves this
machine (`~/.cache/claimcheck/key`, or `$CLAIMCHECK_KEY_DIR`, readable by its owner only), and an
entry whose signature does not verify is not read at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import inspect
import json
import os
import pickle
import secrets
import shutil
from pathlib import Path

from claimcheck import __version__
from claimcheck.jsontext import loads

FORMAT = 2  # bump when the layout of entries changes
DEFAULT_DIR = ".claimcheck_cache"
_PACKAGE = Path(__file__).resolve().parent


def digest(*parts: object) -> str:
    """A stable hash of JSON-able parts."""
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_digest(rules=()) -> str:
    """The source of claimcheck (without the extractor) and of the folders of the given rules:
    upgrading claimcheck or editing a rule invalidates every result."""
    folders = {_PACKAGE}
    for rule in rules:
        try:
            source = inspect.getsourcefile(rule.check)
        except TypeError:
            source = None
        if source:
            folders.add(Path(source).resolve().parent)
    sha = hashlib.sha256(__version__.encode())
    for folder in sorted(folders):
        pattern = "**/*.py" if folder == _PACKAGE else "*.py"
        for path in sorted(folder.glob(pattern)):
            if "__pycache__" in path.parts or (folder == _PACKAGE and path.relative_to(_PACKAGE).parts[0] == "extract"):
                continue
            sha.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
            with contextlib.suppress(OSError):
                sha.update(path.read_bytes())
    return sha.hexdigest()


def _secret() -> bytes | None:
    """This machine's signing key (made on first use); None when it cannot be had."""
    home = os.environ.get("CLAIMCHECK_KEY_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "claimcheck"
    )
    path = Path(home) / "key"
    try:
        if not path.is_file():
            _publish_key(path)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 32 else None


def _publish_key(path: Path) -> None:
    """Write a new key next to `path` and link it into place: the first of concurrent runs wins,
    and every run then reads the same key (a link never replaces an existing file)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another run published its key first: use that one
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


class Cache:
    """The cache folder: `records/` (pickles) and `results/` (JSON), every entry signed."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self._ready = False
        self._key = _secret()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / kind / key[:2] / key

    # entries ---------------------------------------------------------------------------------------

    def get_records(self, key: str):
        data = self._read(self._path("records", key))
        if data is None:
            return None
        try:
            return pickle.loads(data)  # signed by this machine: written by claimcheck itself
        except Exception:
            return None

    def put_records(self, key: str, loaded) -> None:
        self._write(self._path("records", key), pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))

    def get_result(self, key: str) -> list | dict | None:
        data = self._read(self._path("results", key))
        try:
            return loads(data) if data is not None else None
        except ValueError:
            return None

    def put_result(self, key: str, value: list | dict) -> None:
        self._write(self._path("results", key), json.dumps(value, ensure_ascii=False).encode("utf-8"))

    # signing -----------------------------------------------------------------------------------------

    def _sign(self, data: bytes) -> bytes:
        return hmac.new(self._key, data, hashlib.sha256).digest()

    def _read(self, path: Path) -> bytes | None:
        if self._key is None:
            return None
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        mac, data = blob[:32], blob[32:]
        return data if hmac.compare_digest(mac, self._sign(data)) else None

    # writing -----------------------------------------------------------------------------------------

    def _write(self, target: Path, data: bytes) -> None:
        """Signed, atomically, never through a symlink; a cache that cannot be written is no cache."""
        from claimcheck.atomic import AtomicWriteError, write_atomic

        if self._key is None:
            return
        try:
            if not self._ready:
                self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, self._sign(data) + data, durable=False, cleanup=False)
        except (OSError, AtomicWriteError):
            pass

    def _prepare(self) -> None:
        """The folder, with a .gitignore so that it is never committed (as ruff does)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            from claimcheck.atomic import write_atomic

            write_atomic(ignore, b"# Automatically created by claimcheck.\n*\n")
        self._ready = True

    def clean(self) -> bool:
        """Remove the cache folder; True when there was one."""
        if not self.folder.is_dir() or self.folder.is_symlink():
            return False
        shutil.rmtree(self.folder, ignore_errors=True)
        return True
