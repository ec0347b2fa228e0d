"""pytest plugin: claim files as test items ("test-style" linting).

    pytest --claimcheck claims/          # or `claimcheck = true` under [tool.pytest.ini_options]

Every claim file becomes one item, `claims/x.yaml::claimcheck` (as pytest-ruff and pytest-mypy
do), or with `claimcheck-items = rule` one item per rule, `claims/x.yaml::numeric-conflict`; items
are marked `claimcheck`, so `-k`, `-m claimcheck`, `--junitxml` and pytest-xdist work as for any
test. An item fails when its findings for that file reach `fail-on` (the lint lines are printed,
not a traceback); lower findings are shown in the item's report section.

One item per file is the default because pytest's failure summary scans every report once per
failed item: with 1,000 files and 11 rules (11,000 items, 1,150 failing) that summary alone took
43 of a run's 63 s; per file it is 1,000 items.

Which YAML files are collected: those under the `[tool.claimcheck]` paths, and those under paths
named on the command line that the loader reads as claim or reference files (a top-level
`article`, `claims` or `reference` key), so YAML test fixtures elsewhere are left alone.

The run itself is `claimcheck.session`'s, exactly as the command line makes it: the configured
paths and every collected file are checked once per session (per xdist worker), lazily, the
first time an item needs a result, and each item then reports its share. The cache is the
command line's too (`.claimcheck_cache`; off with `-p no:cacheprovider`, cleared by
`--cache-clear`), so an unchanged corpus is not loaded at all.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from claimcheck.reporters.text import format_with_related

SUFFIXES = (".yaml", ".yml")


def pytest_addoption(parser) -> None:
    group = parser.getgroup("claimcheck", "claim file checks (claimcheck)")
    group.addoption(
        "--claimcheck",
        action="store_true",
        default=None,
        help="collect claim files (YAML) as tests: one item per file (claimcheck-items = rule: per file and rule)",
    )
    group.addoption(
        "--no-claimcheck",
        action="store_false",
        dest="claimcheck",
        help="do not check claim files, even if the `claimcheck` ini option is on",
    )
    parser.addini("claimcheck", type="bool", default=False, help="check claim files as with --claimcheck")
    parser.addini(
        "claimcheck-items",
        default="file",
        help="`file` (default): one item per claim file; `rule`: one per file and rule (for -k RULE)",
    )


def _enabled(config) -> bool:
    option = config.getoption("claimcheck")
    return bool(config.getini("claimcheck")) if option is None else option


_STATE = pytest.StashKey["ClaimcheckState"]()


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "claimcheck: claim file checks collected by claimcheck (pytest --claimcheck)")
    if not _enabled(config):
        return
    state = ClaimcheckState(config)
    config.stash[_STATE] = state
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        # `pytest --claimcheck` with testpaths: the claim files are collected too.
        given = [os.path.realpath(os.path.join(state.cwd, arg)) for arg in config.args]
        for path, real in zip(state.configured, state.roots):
            if os.path.exists(real) and not any(_inside(real, g) for g in given):
                config.args.append(path)


def pytest_collect_file(file_path: Path, parent):
    state = parent.config.stash.get(_STATE, None)
    if state is None or file_path.suffix not in SUFFIXES or not state.wants(file_path):
        return None
    state.collected.append(file_path)
    return ClaimFileNode.from_parent(parent, path=file_path)


class ClaimcheckFailure(Exception):
    """Findings at or above the failing severity (shown as lint lines, not a traceback)."""

    def __init__(self, findings) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings


class ClaimFileNode(pytest.File):
    def collect(self):
        state: ClaimcheckState = self.config.stash[_STATE]
        rules = [settings.rule.name for settings in state.session.plan.rules] if state.per_rule else [None]
        for rule in rules:
            item = ClaimItem.from_parent(self, name=rule or "claimcheck", rule=rule)
            item.add_marker(pytest.mark.claimcheck)
            yield item


class ClaimItem(pytest.Item):
    def __init__(self, *, rule: str | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rule = rule

    def runtest(self) -> None:
        state: ClaimcheckState = self.config.stash[_STATE]
        findings = state.findings_for(self.path, self.rule)
        failing = [f for f in findings if state.session.fails(f)]
        others = [f for f in findings if not state.session.fails(f)]
        if others:
            self.add_report_section("call", "claimcheck", format_with_related(others))
        if failing:
            raise ClaimcheckFailure(failing)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimcheckFailure):
            return format_with_related(excinfo.value.findings).rstrip("\n")
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        # Not a suffix of the node id (pytest would turn its dots into "::" in -v lines).
        return self.path, None, f"{self.parent.nodeid}: {self.rule or 'claimcheck'}"


class ClaimcheckState:
    """The session of this pytest run, the files collected, and the findings once computed."""

    def __init__(self, config) -> None:
        from claimcheck.config import ConfigError
        from claimcheck.registry import RuleDefinitionError
        from claimcheck.session import Session

        self.cwd = Path(config.invocation_params.dir)
        use_cache = config.pluginmanager.hasplugin("cacheprovider")
        try:
            with _chdir(self.cwd):
                self.session = Session.open(cwd=self.cwd, cache=use_cache)
                self.configured = self.session.default_paths()
        except (ConfigError, RuleDefinitionError) as error:
            raise pytest.UsageError(f"claimcheck: {error}") from None
        if use_cache and config.getoption("cacheclear", False) and self.session.cache is not None:
            self.session.cache.clean()
        self.roots = [os.path.realpath(os.path.join(self.cwd, p)) for p in self.configured]
        items = str(config.getini("claimcheck-items")).strip().lower()
        if items not in ("file", "rule"):
            raise pytest.UsageError(f"claimcheck-items: expected `file` or `rule`, got {items!r}")
        self.per_rule = items == "rule"
        self.explicit = self._explicit_args(config)
        self.collected: list[Path] = []
        self.results: dict[tuple[str, str | None], list] | None = None  # (realpath, rule or None) -> findings
        self.orphans: dict[str | None, list] = {}  # rule (or None) -> findings outside any checked file (a crash)

    @staticmethod
    def _explicit_args(config) -> list[str]:
        if config.args_source != pytest.Config.ArgsSource.ARGS:
            return []
        base = config.invocation_params.dir
        return [os.path.realpath(os.path.join(base, arg.split("::", 1)[0])) for arg in config.args]

    def wants(self, file_path: Path) -> bool:
        real = os.path.realpath(file_path)
        if any(_inside(real, root) for root in self.roots):
            return True
        if any(_inside(real, arg) for arg in self.explicit):
            from claimcheck.load import is_claimcheck_file

            return is_claimcheck_file(str(file_path))
        return False

    def findings_for(self, file_path: Path, rule: str | None) -> list:
        """The findings of `rule` (of every rule: None) for the file."""
        if self.results is None:
            self._compute()
        return self.results.get((os.path.realpath(file_path), rule), []) + self.orphans.get(rule, [])

    def _compute(self) -> None:
        with _chdir(self.cwd):
            paths = [p for p in self.configured if os.path.exists(p)] + [_relative(p, self.cwd) for p in self.collected]
            result = self.session.cached(paths)  # unchanged: every worker reads it at once
            if result is None:
                with _one_at_a_time(self.session):
                    result = self.session.cached(paths)  # computed by another worker meanwhile
                    if result is None:
                        result = self.session.check_apart(paths) or self.session.check(paths)
            checked = {os.path.realpath(p) for p in result.paths}
        self.results = {}
        for finding in result.findings:
            real = os.path.realpath(self.cwd / finding.path)
            rule = finding.rule if self.per_rule else None
            if real in checked:
                self.results.setdefault((real, rule), []).append(finding)
            else:
                self.orphans.setdefault(rule, []).append(finding)


def _relative(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


@contextlib.contextmanager
def _one_at_a_time(session):
    """With the cache, one process of a pytest-xdist run (or of concurrent runs) checks the corpus
    at a time: the first computes it with all cores and caches it, the others then read it from the
    cache instead of computing it again side by side."""
    try:
        import fcntl
    except ImportError:  # not POSIX: side by side, as without a cache
        fcntl = None
    if session.cache is None or fcntl is None:
        yield
        return
    try:
        session.cache.folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(session.cache.folder / "run.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:  # a cache folder that cannot be written: no cache to share either
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


class _chdir:
    """Run in the invocation directory (claimcheck paths are relative to it)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self):
        self.previous = os.getcwd()
        os.chdir(self.path)

    def __exit__(self, *exc) -> None:
        os.chdir(self.previous)
