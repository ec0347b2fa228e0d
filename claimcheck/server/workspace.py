"""The corpus the language server checks: the project's files, with the editor's buffers in place.

`Workspace.check(buffers)` is `Session.check_text` for every open buffer at once: the corpus the
workspace root's configuration names (`Session.open(cwd=root)`, then `session.load()`: the same
discovery, exclusions, reference paths and link policy as `claimcheck check`), each open buffer
replacing its file's text, then `session.run` (every planned rule, suppression applied). Two
things differ from calling `check_text` on each change, both for speed and for what an editor
shows:

- the records of the files on disk are kept between passes and re-read only when a file's size
  or modification time changes (a full reload when files may have come or gone: a save of a new
  file, watched-file events, a changed configuration). `check_text` re-reads every file each
  time, which costs seconds on a few hundred files; here a pass costs the rules' time.
- every unsaved buffer is in the corpus, not only the one being typed in, so a conflict between
  two edited files is judged on what the editor shows.

An open YAML file outside the configured paths is checked with the corpus when its text looks like
a claim or reference file (a top-level `article`, `claims` or `reference` key), as
`claimcheck check FILE` checks a file named on the command line.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import ConfigError
from claimcheck.findings import Finding
from claimcheck.load import load_file, load_text
from claimcheck.load.files import YAML_SUFFIXES
from claimcheck.model import ClaimFile, ReferenceFile
from claimcheck.registry import RuleDefinitionError
from claimcheck.server.text import looks_like_claimcheck_file
from claimcheck.session import Session


@dataclass(frozen=True)
class Buffer:
    """An open document: its absolute path and the text the editor has."""

    path: str
    text: str


_RECENT = 2_000_000_000  # ns: files modified this close to a load are read again at the next check
_AGAIN = (0, -1)  # a stamp no file has


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class Workspace:
    def __init__(self, root: str | os.PathLike, local_rules: bool | None = None):
        self.root = Path(root)
        self.local_rules = local_rules
        self.session: Session | None = None
        self.error: str | None = None  # why there is no session (configuration, rule definitions)
        self._records: dict[str, ClaimFile | ReferenceFile] = {}  # real path -> as loaded from disk
        self._stamps: dict[str, tuple | None] = {}
        self._stale = True
        self._parsed: dict[str, tuple[str, ClaimFile | ReferenceFile]] = {}  # real path -> (buffer text, record)
        self.open_session()

    def open_session(self) -> None:
        """(Re)read the configuration and the rules; the corpus is reloaded at the next check."""
        try:
            # jobs=1: no forked loaders from a server's worker thread; reloads are per file anyway
            self.session = Session.open(cwd=self.root, local_rules=self.local_rules, jobs=1)
            self.error = None
        except (ConfigError, RuleDefinitionError) as error:
            self.session, self.error = None, str(error)
        self._stale = True

    @property
    def rules(self) -> dict:
        return self.session.rules if self.session is not None else {}

    @property
    def config_file(self) -> str | None:
        source = self.session.config.source if self.session is not None else None
        return str(source) if source is not None else None

    def invalidate(self) -> None:
        """Files may have come or gone: discover the corpus again at the next check."""
        self._stale = True

    def in_corpus(self, path: str) -> bool:
        return os.path.realpath(path) in self._records

    def belongs(self, path: str, text: str) -> bool:
        """Whether a buffer is checked: a YAML file of the corpus, or one that looks like a claim
        or reference file."""
        return path.endswith(YAML_SUFFIXES) and (self.in_corpus(path) or looks_like_claimcheck_file(text))

    def refresh(self) -> None:
        """Bring the records of the files on disk up to date (all of them when stale)."""
        if self.session is None:
            return
        if not self._stale:
            for real, stamp in list(self._stamps.items()):
                now = _stamp(real)
                if now == stamp:
                    continue
                old = self._records[real]
                if now is None or os.path.islink(old.path):  # gone, or a link: the session's policy decides
                    self._stale = True
                    break
                fresh = load_file(old.path)
                if type(fresh) is not type(old):  # a reference file no longer, or now one
                    self._stale = True
                    break
                self._records[real], self._stamps[real] = fresh, now
        if self._stale:
            started = time.time_ns()
            corpus = self.session.load()
            self._records = {os.path.realpath(f.path): f for f in corpus.all_files}
            self._stamps = {real: _stamp(real) for real in self._records}
            for real, stamp in self._stamps.items():
                if stamp is not None and stamp[0] >= started - _RECENT:  # may have changed while loading
                    self._stamps[real] = _AGAIN
            self._stale = False

    def check(self, buffers: list[Buffer]) -> dict[str, list[Finding]] | None:
        """Every finding of the corpus with the buffers in place, by absolute path; None when the
        configuration or the rules cannot be read (`error` says why)."""
        if self.session is None:
            return None
        self.refresh()
        records = dict(self._records)
        parsed = {}
        for buffer in buffers:
            real = os.path.realpath(buffer.path)
            if not self.belongs(buffer.path, buffer.text):
                continue
            previous = self._parsed.get(real)
            if previous is None or previous[0] != buffer.text:
                previous = (buffer.text, load_text(self.display_path(buffer.path), buffer.text))
            parsed[real] = previous
            records[real] = previous[1]
        self._parsed = parsed
        corpus = self.session.corpus_of(records.values())
        by_path: dict[str, list[Finding]] = {}
        for finding in self.session.run(corpus):
            by_path.setdefault(os.path.abspath(finding.path), []).append(finding)
        return by_path

    def display_path(self, path: str) -> str:
        """A path as findings show it: relative to the working directory (the root) when inside it."""
        relative = os.path.relpath(path)
        return path if relative.startswith("..") else relative
