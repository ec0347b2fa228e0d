"""Baselines: adopt claimcheck on an existing corpus without fixing every old finding first.

`--write-baseline FILE` records the current findings; `--baseline FILE` hides the findings it
records. Findings are matched by what they are about, not by where they are, so edits elsewhere
in a file (which move line numbers) do not invalidate the baseline:

* a finding about claims matches on its rule and the claims involved (`article#claim` of the
  claim at fault and of its related claims, in any order);
* a finding about a whole file (no claim) matches on rule, path and message, the path taken
  relative to the baseline file's folder so that `claims/a.yaml` and `./claims/a.yaml` agree.

Matching counts: a baseline that records one finding hides one, not every finding with the same
identity. The file is JSON, sorted, one entry a finding, meant to be committed and reviewed.

`--changed-since REF` (see `claimcheck.changed`) is applied here too: both are filters applied
to the findings after every rule has run over the whole corpus.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field

from claimcheck import __version__
from claimcheck.atomic import AtomicWriteError, write_atomic
from claimcheck.findings import identity, posix

FORMAT_VERSION = 1


class AdoptionError(Exception):
    """A baseline that cannot be read or written, or a --changed-since that cannot be answered (exit 2)."""


def _entry(finding, base_dir: str) -> dict:
    entry = {"rule": finding.rule, "code": finding.code}
    if finding.claim is not None:
        entry["article"] = finding.article
        entry["claim"] = finding.claim
        entry["related"] = [f"{loc.article}#{loc.claim}" for loc in finding.related if loc.claim is not None]
    else:
        entry["path"] = identity(finding, base_dir)[2]
    entry["message"] = finding.message
    return entry


def _entry_identity(entry: dict) -> tuple:
    rule = entry.get("rule")
    if entry.get("claim") is not None:
        refs = {f"{entry.get('article')}#{entry['claim']}", *entry.get("related", [])}
        return ("claims", rule, tuple(sorted(refs)))
    return ("file", rule, posix(os.path.normpath(entry.get("path", ""))), entry.get("message"))


@dataclass
class Baseline:
    path: str
    entries: list[dict] = field(default_factory=list)

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @classmethod
    def read(cls, path: str) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise AdoptionError(f"baseline {path} does not exist (create it with --write-baseline {path})") from None
        except OSError as error:
            raise AdoptionError(f"cannot read baseline {path}: {error.strerror or error}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise AdoptionError(f"baseline {path} is not valid JSON: {error}") from None
        entries = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("rule"), str) for e in entries):
            raise AdoptionError(f'baseline {path} is not a claimcheck baseline (expected {{"findings": [...]}})')
        return cls(path, entries)

    @classmethod
    def from_findings(cls, path: str, findings) -> Baseline:
        baseline = cls(path)
        baseline.entries = sorted(
            (_entry(f, baseline.base_dir) for f in findings),
            key=lambda e: json.dumps(e, sort_keys=True, ensure_ascii=False),
        )
        return baseline

    def write(self) -> None:
        document = {
            "tool": {"name": "claimcheck", "version": __version__},
            "format": FORMAT_VERSION,
            "findings": self.entries,
        }
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        try:
            write_atomic(self.path, text, label="baseline")
        except AtomicWriteError as error:
            raise AdoptionError(f"baseline: {error}") from None

    def filter(self, findings) -> tuple[list, int]:
        """(findings the baseline does not record, number of baseline entries that matched nothing)."""
        remaining = Counter(_entry_identity(e) for e in self.entries)
        kept = []
        for finding in findings:
            key = identity(finding, self.base_dir)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        return kept, sum(remaining.values())


@dataclass
class Adoption:
    """What --baseline, --write-baseline and --changed-since ask for, checked before the run."""

    baseline: Baseline | None = None
    write_path: str | None = None
    changed: set[str] | None = None  # real paths of the files changed since the ref
    ref: str | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_options(
        cls, baseline: str | None = None, write_baseline: str | None = None, changed_since: str | None = None
    ) -> Adoption:
        adoption = cls(write_path=write_baseline, ref=changed_since)
        if baseline:
            adoption.baseline = Baseline.read(baseline)
        if changed_since is not None:
            from claimcheck.changed import ChangedError, changed_files

            try:
                adoption.changed = changed_files(changed_since)
            except ChangedError as error:
                raise AdoptionError(str(error)) from None
        return adoption

    def apply(self, findings: list) -> list:
        if self.write_path:
            written = Baseline.from_findings(self.write_path, findings)
            written.write()
            self.notes.append(f"wrote {len(written.entries)} finding(s) to baseline {self.write_path}")
            findings, _ = written.filter(findings)
        if self.baseline is not None:
            before = len(findings)
            findings, stale = self.baseline.filter(findings)
            hidden = before - len(findings)
            if hidden:
                self.notes.append(f"{hidden} finding(s) hidden by baseline {self.baseline.path}")
            if stale:
                self.notes.append(
                    f"{stale} baseline entr{'y' if stale == 1 else 'ies'} matched no finding (fixed?): "
                    f"refresh it with --write-baseline {self.baseline.path}"
                )
        if self.changed is not None:
            before = len(findings)
            findings = [f for f in findings if involves(f, self.changed)]
            hidden = before - len(findings)
            self.notes.append(
                f"showing the findings that involve files changed since {self.ref}"
                + (f" ({hidden} other finding{'s' if hidden != 1 else ''} not shown)" if hidden else "")
            )
        return findings

    def print_notes(self) -> None:
        for note in self.notes:
            print(f"claimcheck: {note}", file=sys.stderr)


def involves(finding, changed: set[str]) -> bool:
    """Whether a finding involves a claim (or file) in one of the `changed` real paths."""
    return any(os.path.realpath(loc.path) in changed for loc in (finding.location, *finding.related))
