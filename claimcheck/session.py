"""The one way to run claimcheck: configuration → rules → plan → corpus → findings.

Every caller goes through a `Session`: the command line, the pytest plugin, the language server,
the benchmarks and the tests::

    session = Session.open()                     # pyproject.toml's [tool.claimcheck], the rules
    result = session.check(["claims"])           # load, run every planned rule, suppress
    for finding in result.findings: ...
    session.fails(finding)                       # at or above fail-on?

With a cache (`Session.open(cache=True)`, the default of the command line) results and parsed
records are reused by content (see `claimcheck.cache`): an unchanged corpus is answered without
loading it; `result.corpus` is then None until `result.load()` is asked for (reporters that show
the claims themselves).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.cache import Cache, code_digest, content_digest, digest
from claimcheck.config import Config, ConfigError, load_config
from claimcheck.corpus import Corpus, corpus_paths
from claimcheck.engine import Limits
from claimcheck.findings import Finding, severity_rank
from claimcheck.load import load_file
from claimcheck.load.files import outside_root
from claimcheck.load.loader import load_text
from claimcheck.model import ClaimFile, FileProblem, ReferenceFile, builtin_reference_paths, is_builtin_reference
from claimcheck.plan import RunPlan, build_plan
from claimcheck.reading import decode, read_article, read_bytes
from claimcheck.registry import Rule, discover_rules
from claimcheck.runner import Keys, Runner, attach_claims, crashed
from claimcheck.workers import available_cores, parallel_map, run_apart


@dataclass
class Result:
    """What one check found, and what it looked at."""

    findings: list[Finding]
    paths: list[str]  # every file of the project read, as given (not claimcheck's own references)
    claims: int
    plan: RunPlan
    corpus: Corpus | None = None  # None when every result came from the cache
    _session: Session | None = field(default=None, repr=False)
    _inputs: list | None = field(default=None, repr=False)
    left_out: dict[str, int] = field(default_factory=dict)  # rule -> findings beyond the limits, not listed
    references: int = 0  # how many of `paths` are reference files

    def load(self) -> Corpus:
        """The corpus, loaded now if the results came from the cache; claims attached to findings."""
        if self.corpus is None:
            self.corpus = self._session._load(self._inputs)
            attach_claims(self.findings, self.corpus)
        return self.corpus

    def article_texts(self) -> dict[str, str]:
        """The article texts of the claims the findings involve (for the Markdown report's
        excerpts), read inside this session's roots; loads the corpus when it came from the cache."""
        return article_texts(self.findings, self.load().read_roots)


def article_texts(findings, roots: list[str] | None) -> dict[str, str]:
    """Claim-file path -> the text its `article.source` names, for the claims the findings
    involve: each read once, through `reading.read_article` (inside `roots` only, regular files,
    bounded). Sources that cannot be read are left out: the report then quotes nothing.
    """
    texts: dict[str, str] = {}
    seen: set[str] = set()
    for finding in findings:
        for claim in finding.claims:
            article = claim.article if claim is not None else None
            if article is None or not article.source or claim.path in seen:
                continue
            seen.add(claim.path)
            text, _why_not = read_article(claim.path, article.source, roots)
            if text is not None:
                texts[claim.path] = text
    return texts


@dataclass
class Session:
    config: Config
    rules: dict[str, Rule]
    plan: RunPlan
    fail_on: str = "error"
    cache: Cache | None = None
    extra_references: list[str] = field(default_factory=list)
    jobs: int | None = None  # processes that load files (None: the available cores)
    trusted: bool = True  # the checkout's own code and reach may be used (docs/security.md)
    _explicit: set = field(default_factory=set, repr=False)  # real paths of files named on the command line

    @classmethod
    def open(
        cls,
        *,
        config: str | Config | None = None,
        cwd: str | os.PathLike | None = None,
        rules: dict[str, Rule] | None = None,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
        rule_paths: list[str] = (),
        local_rules: bool | None = None,
        references: list[str] = (),
        fail_on: str | None = None,
        cache: bool = False,
        cache_dir: str | None = None,
        jobs: int | None = None,
    ) -> Session:
        """Read the configuration (the nearest pyproject.toml, the file `config`, or a `Config`),
        discover the rules (unless given) and plan the run. Raises `ConfigError` /
        `RuleDefinitionError` when that cannot be done.

        Project rule folders (`rule-paths`, `rule_paths`) are code from the checkout: they are
        imported only when named, only from inside the project root (configured ones), and not at
        all with `local_rules=False` or `CLAIMCHECK_NO_LOCAL_RULES=1` (docs/security.md)."""
        loaded = config if isinstance(config, Config) else load_config(config, Path(cwd) if cwd is not None else None)
        trusted = local_rules_allowed(local_rules)
        if rules is None:
            rules = discover_rules(rule_folders(loaded, rule_paths) if trusted else [])
        lenient = not trusted and bool(loaded.rule_paths or rule_paths)
        plan = build_plan(loaded, rules, select=select, ignore=ignore, extend_select=extend_select, lenient=lenient)
        folder = cache_dir or loaded.relative([loaded.cache_dir])[0]
        return cls(loaded, rules, plan, fail_on or loaded.fail_on, Cache(folder) if cache else None, list(references), jobs, trusted)

    # what to check ------------------------------------------------------------------------------------

    def default_paths(self) -> list[str]:
        return self.config.relative(self.config.paths)

    def reference_paths(self) -> list[str]:
        return self.config.relative(self.config.reference) + self.extra_references

    def fails(self, finding: Finding) -> bool:
        return severity_rank(finding.severity) >= severity_rank(self.fail_on)

    # running --------------------------------------------------------------------------------------------

    def check(self, paths: list[str] | None = None) -> Result:
        """Every planned rule over the files under `paths` (default: the configuration's)."""
        inputs = self.inputs(paths)
        runner = self._runner()
        if self.cache is None:
            corpus = self._load(inputs)
            return self._result(runner.run(corpus), corpus, inputs, runner)
        return self._cached_check(inputs, runner)

    def cached(self, paths: list[str] | None = None) -> Result | None:
        """The result of `check(paths)` when the cache holds it whole (nothing changed), else
        None; never loads a file or runs a rule (a cheap look before taking a lock)."""
        if self.cache is None:
            return None
        inputs = self.inputs(paths)
        return self._whole_run(inputs, self._digests(inputs))[1]

    def check_apart(self, paths: list[str] | None = None) -> Result | None:
        """`check(paths)` computed in a forked child that writes the whole-run cache entry and
        ends without freeing its heap; the result read back from the cache. None where that
        cannot be (no cache, no fork, rules whose results are not cached, a child that failed):
        the caller then checks in-process. The pytest plugin uses it: a pytest process then
        never holds the corpus, nor spends seconds freeing it at exit."""
        if self.cache is None or not self._whole_run_cacheable:
            return None
        if not run_apart(lambda: self.check(paths)):
            return None
        return self.cached(paths)

    def check_text(self, path: str, text: str, paths: list[str] | None = None) -> Result:
        """The corpus with one file's text replaced by `text` (an editor's unsaved buffer,
        standard input): its findings, with corpus rules seeing the rest of the corpus."""
        inputs = self.inputs(paths, leave_out=path)
        corpus = self._load(inputs)
        corpus = self.corpus_of([*corpus.files, *corpus.references, load_text(path, text)])
        runner = self._runner(cached=False)
        return self._result(runner.run(corpus), corpus, inputs + [(path, True)], runner)

    def load(self, paths: list[str] | None = None, builtin: bool = False) -> Corpus:
        """The corpus under `paths` (default: the configuration's), with the reference files
        (`builtin`: claimcheck's own too, even with no claim file to judge)."""
        return self._load(self.inputs(paths, builtin=builtin))

    def run(self, corpus: Corpus, rules: list | None = None) -> list[Finding]:
        """The planned rules (or the given `RuleSettings`) over a loaded corpus, suppression applied."""
        return self._runner(cached=False).run(corpus, rules)

    def _runner(self, cached: bool = True, keys: Keys | None = None) -> Runner:
        limits = Limits(self.config.max_findings_per_rule, self.config.max_findings_per_group)
        return Runner(
            self.plan, limits, self.cache if cached else None, keys, jobs=self.jobs if self.jobs is not None else available_cores()
        )

    def inputs(self, paths: list[str] | None, leave_out: str | None = None, builtin: bool = False) -> list[tuple[str, bool]]:
        """(path, checked) of every file to read: the files under `paths`, then the reference
        paths' files (read as references only), each real file once."""
        paths = self.default_paths() if paths is None else paths  # [] is no files, only the references
        self._explicit = {os.path.realpath(p) for p in paths if not os.path.isdir(p)}
        config = self.config
        checked, extra = corpus_paths(
            paths, self.reference_paths(), root=str(config.root), exclude=config.exclude, gitignore=config.respect_gitignore
        )
        if config.builtin_reference and (checked or leave_out or builtin):  # nothing to check: nothing to judge titles of
            extra = [*extra, *builtin_reference_paths()]
        inputs = [(p, True) for p in checked] + [(p, False) for p in extra]
        if leave_out:
            real = os.path.realpath(leave_out)
            inputs = [(p, c) for p, c in inputs if os.path.realpath(p) != real]
        return inputs

    def _result(self, findings, corpus, inputs, runner: Runner) -> Result:
        claims = corpus.claim_count if corpus is not None else 0
        return self.result(findings, inputs, claims, corpus, runner.limits.left_out)

    def result(self, findings: list[Finding], inputs: list, claims: int, corpus: Corpus | None = None, left_out=None,
               references: int | None = None) -> Result:
        """The Result of a run over `inputs` (what `inputs` gave): the project's files counted,
        claimcheck's own references not; only rules with findings left out listed."""
        paths = [path for path, _checked in inputs if not is_builtin_reference(path)]
        if references is None:
            references = sum(not is_builtin_reference(r.path) for r in corpus.references) if corpus is not None else 0
        left = {rule: n for rule, n in (left_out or {}).items() if n}
        return Result(findings, paths, claims, self.plan, corpus, self, inputs, left, references)

    def _load(self, inputs: list[tuple[str, bool]], data: dict | None = None) -> Corpus:
        """Load the inputs (checked files, then extra reference paths: references only), on
        `jobs` processes."""
        data = data or {}
        # Chunks of 32 files: one pickle each way shares the strings its files repeat (subjects, names).
        items = parallel_map(lambda item: self._load_one(item[0], data.get(item[0])), inputs, self.jobs, chunk=32)
        return self.corpus_of(item for item, (_path, checked) in zip(items, inputs) if checked or isinstance(item, ReferenceFile))

    def corpus_of(self, loaded) -> Corpus:
        """A corpus of loaded files with this session's read roots: what `run` takes (the language
        server assembles one from its files and the editor's buffers)."""
        corpus = Corpus.of(loaded)
        config = self.config
        # An untrusted checkout's configuration cannot widen what rules may read beyond its root.
        extra_roots = config.article_roots if self.trusted else []
        corpus.read_roots = [str(config.root), *(str(config.root / extra) for extra in extra_roots)]
        return corpus

    def _load_one(self, path: str, content: tuple | None) -> ClaimFile | ReferenceFile:
        target = outside_root(path, str(self.config.root))
        if target is not None and os.path.realpath(path) not in self._explicit:
            message = f"a symbolic link to {target}, outside the project root: not read (name the file itself to check it)"
            return ClaimFile(path, problems=[FileProblem("syntax", message)])
        if content is None or self.cache is None:
            return load_file(path)
        raw, problem, key = content
        if problem is not None:
            return ClaimFile(path, problems=[problem])
        cached = self.cache.get_records(key)
        if cached is not None:
            return cached
        text, problem = decode(raw)
        loaded = ClaimFile(path, problems=[problem]) if problem is not None else load_text(path, text)
        self.cache.put_records(key, loaded)
        return loaded

    # the cached run -------------------------------------------------------------------------------------

    def _cached_check(self, inputs: list[tuple[str, bool]], runner: Runner) -> Result:
        """An unchanged corpus is answered from one cache entry, without loading it; otherwise
        its records come from the cache where they can and each rule's results where they can."""
        data = self._digests(inputs)
        corpus_key, whole = self._whole_run(inputs, data)
        if whole is not None:
            return whole
        corpus = self._load(inputs, data)
        runner.keys = Keys(self._config_digest, corpus_key, {path: value[2] for path, value in data.items()})
        findings = attach_claims(runner.run(corpus), corpus)
        result = self._result(findings, corpus, inputs, runner)
        if self._whole_run_cacheable and not any(crashed(findings, s.rule) for s in self.plan.rules):
            entry = {"claims": corpus.claim_count, "references": result.references, "findings": [f.to_json() for f in findings],
                     "left_out": result.left_out}
            self.cache.put_result(corpus_key, entry)
        return result

    def _digests(self, inputs: list[tuple[str, bool]]) -> dict:
        """path -> (bytes, read problem, records key) of every input."""
        data = {}
        for path, _checked in inputs:
            raw, problem = read_bytes(path)
            content = content_digest(raw) if raw is not None else f"unreadable:{problem.message}"
            data[path] = (raw, problem, digest("records", path, content, self._code))
        return data

    def _whole_run(self, inputs, data) -> tuple[str, Result | None]:
        """(the whole run's cache key, its cached result if any)."""
        corpus_key = digest("corpus", self._config_digest, [(path, checked, data[path][2]) for path, checked in inputs])
        if not self._whole_run_cacheable:
            return corpus_key, None
        whole = self.cache.get_result(corpus_key)
        if isinstance(whole, dict) and isinstance(whole.get("findings"), list):
            findings = [Finding.from_json(item) for item in whole["findings"]]
            return corpus_key, self.result(findings, inputs, whole["claims"], None, whole.get("left_out", {}), whole.get("references", 0))
        return corpus_key, None

    @property
    def _whole_run_cacheable(self) -> bool:
        return all(s.rule.cacheable for s in self.plan.rules)

    @property
    def _code(self) -> str:
        if not hasattr(self, "_code_value"):
            self._code_value = code_digest([s.rule for s in self.plan.rules])
        return self._code_value

    @property
    def _config_digest(self) -> str:
        plan = [(s.rule.name, s.rule.code, s.severity, s.rule.scope, s.options.model_dump(mode="json")) for s in self.plan.rules]
        limits = (self.config.max_findings_per_rule, self.config.max_findings_per_group)
        return digest(self._code, plan, sorted(self.plan.per_file_ignores.items()), self.plan.root, sorted(self.plan.known_rules), limits)


# Trust ---------------------------------------------------------------------------------------------------

NO_LOCAL_RULES = "CLAIMCHECK_NO_LOCAL_RULES"


def local_rules_allowed(requested: bool | None = None) -> bool:
    """Project rule folders may be imported: unless refused here or by the environment (CI)."""
    if requested is not None:
        return requested
    return os.environ.get(NO_LOCAL_RULES, "").strip().lower() in ("", "0", "false", "no")


def rule_folders(config: Config, extra: list[str] = ()) -> list[str]:
    """The configured rule folders (inside the project root only) and the ones given as flags."""
    folders = []
    for path in config.rule_paths:
        if not config.inside_root(config.root / path):
            raise ConfigError(f"rule-paths: {path!r} is outside the project root {config.root}: claimcheck does not import code from there")
        folders.extend(config.relative([path]))
    return folders + list(extra)
