"""pytest plugin: claim files as test items ("test-style" linting).

    pytest --claimcheck claims/          # or `claimcheck = true` under [tool.pytest.ini_options]

Every claim file becomes one item per rule, `claims/x.yaml::numeric-conflict`, marked
`claimcheck`, so `-k`, `-m claimcheck`, `--junitxml` and pytest-xdist work as for any test. An item
fails when the rule reports findings at or above `fail-on` for that file (the lint lines are
printed, not a traceback); lower findings are shown in the item's report section.

Which YAML files are collected: those under the `[tool.claimcheck]` paths, and those under paths
named on the command line that look like claim or reference files (a top-level `article:`,
`claims:` or `reference:` key), so YAML test fixtures elsewhere are left alone.

Corpus rules see the whole corpus: the configured paths and every collected file are loaded
once per session (per xdist worker), lazily, the first time an item needs a result, and the
rules run once; each item then reports its share.

Cache (pytest's cache folder, `.pytest_cache/d/claimcheck`, cleared by `--cache-clear`): results
are keyed on content, never on mtime: the configuration (rules, severities, options, per-file
ignores), the code of claimcheck and of the rules, and
* for claim and article rules, the file and the reference files (a claim or article rule judges
  one claim or one file, with the reference files);
* for corpus rules, every file of the corpus.
An unchanged file is not re-checked by claim and article rules; when nothing changed nothing is
loaded at all. Entries are written to a temporary file and moved into place with `os.replace`,
so concurrent xdist workers never see a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from claimcheck.findings import Finding
from claimcheck.reporters.text import format_with_related

SUFFIXES = (".yaml", ".yml")
_LOOKS_LIKE_CLAIMS = re.compile(rb"^(?:article|claims|reference)\s*:", re.MULTILINE)
_REFERENCE = re.compile(rb"^reference\s*:", re.MULTILINE)
CACHE_FORMAT = 1


def pytest_addoption(parser) -> None:
    group = parser.getgroup("claimcheck", "claim file checks (claimcheck)")
    group.addoption(
        "--claimcheck",
        action="store_true",
        default=None,
        help="collect claim files (YAML) as tests: one item per file and rule",
    )
    group.addoption(
        "--no-claimcheck",
        action="store_false",
        dest="claimcheck",
        help="do not check claim files, even if the `claimcheck` ini option is on",
    )
    parser.addini("claimcheck", type="bool", default=False, help="check claim files as with --claimcheck")


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


# Collection ---------------------------------------------------------------------------------------


class ClaimcheckFailure(Exception):
    """Findings at or above the failing severity (shown as lint lines, not a traceback)."""

    def __init__(self, findings) -> None:
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings


class ClaimFileNode(pytest.File):
    def collect(self):
        state: ClaimcheckState = self.config.stash[_STATE]
        for settings in state.plan.rules:
            item = ClaimItem.from_parent(self, name=settings.rule.name, rule=settings.rule.name)
            item.add_marker(pytest.mark.claimcheck)
            yield item


class ClaimItem(pytest.Item):
    def __init__(self, *, rule: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rule = rule

    def runtest(self) -> None:
        state: ClaimcheckState = self.config.stash[_STATE]
        findings = state.findings_for(self.path, self.rule)
        failing = [f for f in findings if state.fails(f)]
        others = [f for f in findings if not state.fails(f)]
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
        return self.path, None, f"{self.parent.nodeid}: {self.rule}"


# The session's state: configuration, lazy corpus, cache ------------------------------------------------


class ClaimcheckState:
    def __init__(self, config) -> None:
        from claimcheck.config import ConfigError, build_plan, load_config
        from claimcheck.registry import RuleDefinitionError, discover_rules

        self.pytest_config = config
        self.cwd = Path(config.invocation_params.dir)
        try:
            with _chdir(self.cwd):
                self.config = load_config(cwd=self.cwd)
                self.rules = discover_rules(self.config.relative(self.config.rule_paths))
                self.plan = build_plan(self.config, self.rules)
        except (ConfigError, RuleDefinitionError) as error:
            raise pytest.UsageError(f"claimcheck: {error}") from None
        self.settings = {s.rule.name: s for s in self.plan.rules}
        with _chdir(self.cwd):
            self.configured = self.config.relative(self.config.paths)
        self.roots = [os.path.realpath(os.path.join(self.cwd, p)) for p in self.configured]
        self.explicit = self._explicit_args(config)
        self.collected: list[Path] = []
        self.results: dict[tuple[str, str], list] | None = None  # (realpath, rule) -> findings
        self.orphans: dict[str, list] = {}  # rule -> findings outside any corpus file (a crash)
        self._inputs = None
        cache = getattr(config, "cache", None)
        self.cache_dir = Path(cache.mkdir("claimcheck")) if cache is not None else None

    @staticmethod
    def _explicit_args(config) -> list[str]:
        if config.args_source != pytest.Config.ArgsSource.ARGS:
            return []
        base = config.invocation_params.dir
        return [os.path.realpath(os.path.join(base, arg.split("::", 1)[0])) for arg in config.args]

    # which files -------------------------------------------------------------------------------------

    def wants(self, file_path: Path) -> bool:
        real = os.path.realpath(file_path)
        if any(_inside(real, root) for root in self.roots):
            return True
        if any(_inside(real, arg) for arg in self.explicit):
            try:
                with open(file_path, "rb") as handle:
                    return bool(_LOOKS_LIKE_CLAIMS.search(handle.read(1 << 20)))
            except OSError:
                return True  # unreadable: the syntax rule says so
        return False

    def fails(self, finding) -> bool:
        from claimcheck.findings import severity_rank

        return severity_rank(finding.severity) >= severity_rank(self.config.fail_on)

    # inputs and keys --------------------------------------------------------------------------------

    def _rel(self, path) -> str:
        try:
            return os.path.relpath(path, self.cwd)
        except ValueError:
            return str(path)

    def corpus_paths(self) -> tuple[list[str], list[str]]:
        """(paths to check, reference paths) relative to the invocation directory."""
        with _chdir(self.cwd):
            configured = [p for p in self.config.relative(self.config.paths) if os.path.exists(p)]
            references = [p for p in self.config.relative(self.config.reference) if os.path.exists(p)]
        return configured + [self._rel(p) for p in self.collected], references

    def inputs(self) -> dict:
        """Digests of every input file, the references, the corpus and the configuration."""
        if self._inputs is not None:
            return self._inputs
        from claimcheck.load.files import discover

        paths, references = self.corpus_paths()
        with _chdir(self.cwd):
            files = discover(paths)
            seen = {os.path.realpath(p) for p in files}
            files += [p for p in discover(references) if os.path.realpath(p) not in seen]
        digests, reference_digests = {}, []
        for path in files:
            try:
                data = (self.cwd / path).read_bytes()
            except OSError:
                data = b"\0unreadable"
            digest = hashlib.sha256(data).hexdigest()
            digests[os.path.realpath(self.cwd / path)] = (path, digest)
            if _REFERENCE.search(data):
                reference_digests.append((path, digest))
        self._inputs = {
            "files": digests,
            "references": _hash(sorted(reference_digests)),
            "corpus": _hash(sorted(digests.values())),
            "config": self._config_digest(),
        }
        return self._inputs

    def _config_digest(self) -> str:
        from claimcheck import __version__

        plan = [(s.rule.name, s.rule.code, s.severity, s.rule.scope, s.options.model_dump(mode="json")) for s in self.plan.rules]
        return _hash([CACHE_FORMAT, __version__, plan, sorted(self.plan.per_file_ignores.items()), _code_digest(self.plan)])

    def _key(self, real: str, rule: str) -> str:
        inputs = self.inputs()
        settings = self.settings[rule]
        if settings.rule.scope == "corpus":
            return _hash(["corpus", inputs["config"], rule, inputs["corpus"]])
        path, digest = inputs["files"].get(real, (real, "missing"))
        return _hash(["file", inputs["config"], rule, path, digest, inputs["references"]])

    # results -------------------------------------------------------------------------------------------

    def findings_for(self, file_path: Path, rule: str) -> list:
        real = os.path.realpath(file_path)
        if self.results is None:
            cached = self._cache_get(self._key(real, rule))
            if cached is not None:
                return _select(cached, real, self.settings[rule].rule.scope, self.cwd)
            self._compute()
        return self.results.get((real, rule), []) + self.orphans.get(rule, [])

    def _compute(self) -> None:
        """Run, over the whole corpus, the rules whose results are not cached for every file."""
        from claimcheck.corpus import Corpus, load_corpus
        from claimcheck.engine import RunPlan, run

        inputs = self.inputs()
        self.results = {}
        corpus_rules, file_rules, missed_files = [], [], set()
        for settings in self.plan.rules:
            name = settings.rule.name
            if settings.rule.scope == "corpus":
                cached = self._cache_get(self._key("", name))
                if cached is None:
                    corpus_rules.append(settings)
                else:
                    self._store(name, [Finding.from_json(d) for d in cached["findings"]], inputs)
                continue
            missing = False
            for real in inputs["files"]:
                cached = self._cache_get(self._key(real, name))
                if cached is None:
                    missing = True
                    missed_files.add(real)
                else:
                    self._store(name, [Finding.from_json(d) for d in cached["findings"]], inputs, only=real)
            if missing:
                file_rules.append(settings)
        if not corpus_rules and not file_rules:
            return
        paths, references = self.corpus_paths()
        with _chdir(self.cwd):
            corpus = load_corpus(paths, references)
            found = run(corpus, RunPlan(corpus_rules, self.plan.per_file_ignores)) if corpus_rules else []
            if file_rules:
                view = Corpus(
                    files=[f for f in corpus.files if os.path.realpath(f.path) in missed_files],
                    references=corpus.references,
                    normalizer=corpus.normalizer,
                )
                found += run(view, RunPlan(file_rules, self.plan.per_file_ignores))
        by_rule: dict[str, list] = {s.rule.name: [] for s in corpus_rules + file_rules}
        for finding in found:
            by_rule.setdefault(finding.rule, []).append(finding)
        for settings in corpus_rules:
            name = settings.rule.name
            crashed = self._store(name, by_rule[name], inputs)
            if not crashed:
                self._cache_put(self._key("", name), by_rule[name])
        for settings in file_rules:
            name = settings.rule.name
            crashed = self._store(name, by_rule[name], inputs, only_in=missed_files)
            if not crashed:
                for real in missed_files:
                    self._cache_put(self._key(real, name), self.results.get((real, name), []))

    def _store(self, rule: str, findings: list, inputs: dict, only: str | None = None, only_in=None) -> bool:
        """File findings under (realpath, rule); True when some belong to no corpus file (a crash)."""
        crashed = False
        for finding in findings:
            real = os.path.realpath(self.cwd / finding.path)
            if real not in inputs["files"]:
                self.orphans.setdefault(rule, []).append(finding)
                crashed = True
                continue
            if only is not None and real != only:
                continue
            if only_in is not None and real not in only_in:
                continue
            self.results.setdefault((real, rule), []).append(finding)
        return crashed

    # cache ----------------------------------------------------------------------------------------------

    def _cache_get(self, key: str):
        if self.cache_dir is None:
            return None
        try:
            data = json.loads((self.cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and isinstance(data.get("findings"), list) else None

    def _cache_put(self, key: str, findings: list) -> None:
        if self.cache_dir is None:
            return
        target = self.cache_dir / f"{key}.json"
        temporary = self.cache_dir / f".{key}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            temporary.write_text(json.dumps({"findings": [f.to_json() for f in findings]}), encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            try:
                temporary.unlink()
            except OSError:
                pass


def _select(cached: dict, real: str, scope: str, cwd: Path) -> list:
    findings = [Finding.from_json(d) for d in cached["findings"]]
    if scope != "corpus":
        return findings
    return [f for f in findings if os.path.realpath(cwd / f.path) == real]


def _hash(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _code_digest(plan) -> str:
    """The source of claimcheck itself and of every rule's folder: editing a rule invalidates."""
    import inspect

    folders = {Path(__file__).parent}
    for settings in plan.rules:
        try:
            source = inspect.getsourcefile(settings.rule.check)
        except TypeError:
            source = None
        if source:
            folders.add(Path(source).parent)
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for folder in sorted(folders):
        pattern = "**/*.py" if folder == package else "*.py"
        for path in sorted(folder.glob(pattern)):
            if "__pycache__" in path.parts or (folder == package and "extract" in path.relative_to(package).parts[:1]):
                continue
            digest.update(str(path).encode("utf-8", "surrogateescape"))
            try:
                digest.update(path.read_bytes())
            except OSError:
                pass
    return digest.hexdigest()


class _chdir:
    """Run in the invocation directory (claimcheck paths are relative to it)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self):
        self.previous = os.getcwd()
        os.chdir(self.path)

    def __exit__(self, *exc) -> None:
        os.chdir(self.previous)
