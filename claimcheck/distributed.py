"""`claimcheck check` on a Dask cluster: the same findings as the in-process engine, on many machines.

    claimcheck check --cluster claims/                 # a LocalCluster: --jobs processes, one thread each
    claimcheck check --scheduler tcp://host:8786 ...   # an existing scheduler (or `scheduler` in the configuration)

From Python: ``with cluster() as client: result = check(session, paths, client)``.

The work is Dask's own (dask.bag over the distributed scheduler); docs/scaling.md has the costs.

1. **load**: the files, in contiguous chunks of about `PARTITION_BYTES`, are loaded on the workers
   (`load_file`) and kept there (persisted); only the reference files come back to the driver.
2. **prepare** (driver): the reference corpus (aliases → normaliser, tenures), each rule's
   `prepare` context, the plan's rules; pickled once (installed rules by reference, a project's
   rule-folder modules as their source, run on each worker) and broadcast to every worker.
3. **map**: on each partition, the claim, article and file rules run (findings come back as tuples),
   and every group rule's `keys` turns the claims into `(rule, key) -> claims` records, grouped
   within the partition. The claims are *detached* copies: their `file` is a `FileStub` (path and
   article), not the file with all its claims.
4. **shuffle**: the records are grouped by `(rule, key)` across workers (`Bag.groupby`, task-based
   shuffle); nothing goes through the driver.
5. **reduce**: each group's `check(key, claims, context)` on a worker, its claims in the order the
   in-process engine sees them; findings come back as tuples, `combine` rules' partial results come
   back to the driver and are combined there.
6. **gather**: the driver applies suppression (`engine.suppressed`: the primary claim's `ignore:`
   list travels with each finding; per-file-ignores are resolved here) and sorts as the engine does.

Order is kept exactly: every claim carries its place in the in-process iteration (kind, file,
claim), so groups, the claims in a group, duplicates between groups and the per-rule cap on crash
reports come out as they do in one process. LAST rules (unused-ignore) run on the driver over the claims that
carry `ignore:` entries (gathered in the map) and the entries suppression used; other corpus-scope
rules need the whole corpus in one process and are refused (exit 2). Workers read the files at the driver's absolute paths (findings keep the
paths as given), so they must see the same file system; a rule that opens other files relative to
a claim file's path (this repository's span-text) runs on the workers and resolves such paths
against the worker's working directory (the driver's, for a local cluster).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import importlib.machinery
import inspect
import linecache
import logging
import math
import os
import pickle
import sys
import time
import types
from dataclasses import dataclass, field

from claimcheck import __version__
from claimcheck.corpus import Corpus
from claimcheck.engine import MAX_CRASHES, Limits, crash_finding, prepare, run_rule, suppressed, to_finding
from claimcheck.findings import Finding, Location
from claimcheck.load import load_file
from claimcheck.model import ClaimFile, ReferenceFile
from claimcheck.runner import superseded_removed
from claimcheck.session import Result, Session
from claimcheck.workers import available_cores

PARTITION_BYTES = 16 << 20  # files are loaded in chunks of about this many bytes (more chunks on small corpora)
PARTITIONS_PER_WORKER = 4  # at least this many chunks per worker thread, for balance
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
INSTALL_HINT = "pip install 'claimcheck[cluster]'"


class ClusterError(Exception):
    """The cluster cannot do the run (not installed, unreachable, a rule it cannot run): exit 2."""


class WorkerMismatch(Exception):
    """A worker runs another version of claimcheck than the driver."""


def _dask():
    try:
        import dask.bag
        import distributed
    except ImportError as error:
        raise ClusterError(f"--cluster and --scheduler need Dask ({error.name} is not installed): {INSTALL_HINT}") from None
    return dask.bag, distributed


# The cluster -------------------------------------------------------------------------------------


@contextlib.contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None):
    """A Dask client: on the scheduler at `scheduler`, else on a new LocalCluster of `workers`
    processes (default: the available cores), one thread each. Closed on exit."""
    _bag, distributed = _dask()
    if scheduler:
        client = _connect(distributed, scheduler)
        try:
            yield client
        finally:
            with _quiet():
                client.close()
        return
    with _quiet():
        local = distributed.LocalCluster(
            n_workers=workers or available_cores(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )
        client = distributed.Client(local, set_as_default=False)
    try:
        yield client
    finally:
        with _quiet():
            client.close()
            local.close()


def _connect(distributed, scheduler: str):
    """A client of the scheduler at `scheduler`, or a ClusterError in one line."""
    client = distributed.Client.__new__(distributed.Client)
    with _quiet():
        try:
            client.__init__(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            return client
        except Exception as error:  # refused, timed out, not a scheduler, a malformed address
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            with contextlib.suppress(Exception):  # half-made: close it now, quietly (not in __del__)
                client.close(timeout=1)
            with contextlib.suppress(Exception):
                client.status = "closed"
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None


@contextlib.contextmanager
def _quiet():
    """Dask's own loggers keep quiet while we connect or close: our error is the one line."""
    loggers = [logging.getLogger(name) for name in ("distributed", "tornado", "asyncio")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def check_on_cluster(session: Session, paths: list[str] | None = None, scheduler: str | None = None, workers: int | None = None) -> Result:
    """`session.check(paths)` on the scheduler at `scheduler`, else on a LocalCluster; what goes
    wrong with the cluster is a `ClusterError` (one line)."""
    _bag, distributed = _dask()
    where = f"the Dask scheduler at {scheduler}" if scheduler else "the local Dask cluster"
    with cluster(scheduler, workers) as client:
        if scheduler and not client.scheduler_info()["workers"]:
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            except (TimeoutError, OSError):
                raise ClusterError(f"{where} has no workers (waited {CONNECT_TIMEOUT}s)") from None
        try:
            return check(session, paths, client)
        except WorkerMismatch as error:
            raise ClusterError(f"{where}: {error}") from None
        except distributed.KilledWorker as error:
            raise ClusterError(f"{where}: a worker died running {error.task} (out of memory?): {error}") from None
        except (OSError, distributed.comm.CommClosedError) as error:
            raise ClusterError(f"lost {where}: {type(error).__name__}: {error}") from None


# The run (driver) --------------------------------------------------------------------------------


@dataclass
class _Shared:
    """What every worker needs, broadcast once: the rules, their contexts, the reference corpus."""

    version: str
    rules: list  # the plan's RuleSettings, in plan order (a rule is named by its index)
    contexts: dict  # rule index -> the context its `prepare` built (claim rules with prepare, group rules)
    corpus: Corpus  # reference files only, with the normaliser and the installed rule names
    skip: set = field(default_factory=set)  # rules whose prepare crashed (reported by the driver)


@dataclass(slots=True)
class FileStub:
    """What a detached claim keeps of its file: what rules and messages read (`claim.path`,
    `claim.article`); the claim itself carries its article id, date, line, column and marks."""

    path: str
    article: object = None
    noqa: dict = field(default_factory=dict)  # the file's disable comments (suppression reads them)

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article is not None else None


def check(session: Session, paths: list[str] | None, client, timings: dict | None = None) -> Result:
    """Every planned rule over the files under `paths` on the cluster of `client` (a
    `distributed.Client`): the findings of `session.check(paths)`, without the cache.

    With `timings` (a dict), each stage is run to completion before the next and the dict gets
    their wall-clock seconds and what crossed the network (docs/scaling.md)."""
    _dask()
    with client.as_current():  # distributed.wait and friends find this client
        return _check(session, paths, client, timings)


def _check(session: Session, paths: list[str] | None, client, timings: dict | None) -> Result:
    bag, distributed = _dask()
    started = time.perf_counter()
    plan = session.plan
    refused = [s.rule.name for s in plan.rules if s.rule.scope == "corpus" and not s.rule.last]
    if refused:
        raise ClusterError(
            f"corpus-scope rule(s) {', '.join(refused)} need the whole corpus in one process: "
            f"run without --cluster/--scheduler, or --ignore {','.join(refused)}"
        )
    inputs = session.inputs(paths)  # the files the in-process run reads, claimcheck's own references too
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
    stage = _Stages(client, distributed, timings, started)

    # 1. load: every file on the workers, kept there; the reference files come to the driver.
    chunks = _chunks(inputs, threads)
    loaded = client.persist(bag.from_sequence(chunks, partition_size=1).map_partitions(_load_partition))
    references = sorted(client.compute(loaded.map_partitions(_references), sync=True), key=lambda item: item[0])
    stage.done("load", loaded)

    # 2. prepare (driver): the reference corpus, the rules' contexts, broadcast once.
    reference_corpus = Corpus.of(reference for _index, reference in references)
    reference_corpus.rule_names = plan.known_rules
    shared, driver_found = _prepare(plan.rules, reference_corpus)
    payload = _pickle(shared)
    broadcast = client.scatter(payload, broadcast=True)
    stage.done("prepare", bytes=("broadcast_bytes", len(payload[1]) + sum(len(source) for *_name, source in payload[0])))

    # 3-5. map, shuffle, reduce.
    mapped = stage.persist(loaded.map_partitions(_map_partition, broadcast))
    records = mapped.map_partitions(_group_records)
    stage.done("map", mapped, measure=records)
    shuffled = stage.persist(records.groupby(_group_key, shuffle="tasks"))
    stage.done("shuffle", shuffled)
    reduced = stage.persist(shuffled.map_partitions(_reduce_partition, broadcast))
    stage.done("reduce", reduced)

    # 6. gather: findings (as tuples), partials of combine rules, counts.
    # Each partition's results straight to the driver (a bag's own compute would join them on a worker first).
    futures = client.compute([*mapped.map_partitions(_other_records).to_delayed(), *reduced.to_delayed()])
    del loaded, mapped, shuffled, reduced, broadcast  # held by the running graph only: freed as it goes
    results = [record for part in client.gather(futures) for record in part]
    stage.done("gather")
    limits = Limits(session.config.max_findings_per_rule, session.config.max_findings_per_group)
    findings, claims = _assemble(shared, plan, [*driver_found, *results], limits)
    stage.done("assemble")
    if timings is not None:
        timings["total"] = time.perf_counter() - started
        timings["claims"], timings["partitions"] = claims, len(chunks)
    return session.result(findings, inputs, claims, None, limits.left_out)


class _Stages:
    """Stage boundaries: only with timings are stages run one at a time and measured."""

    def __init__(self, client, distributed, timings: dict | None, started: float):
        self.client, self.distributed, self.timings, self.last = client, distributed, timings, started

    def persist(self, collection):
        return self.client.persist(collection) if self.timings is not None else collection

    def done(self, name: str, collection=None, measure=None, bytes=None) -> None:
        if self.timings is None:
            return
        if collection is not None:
            self.distributed.wait(collection)
        now = time.perf_counter()
        self.timings[name] = now - self.last
        if bytes is not None:
            self.timings[bytes[0]] = bytes[1]
        if measure is not None:  # not timed: what the shuffle will move
            sizes = self.client.compute(measure.map_partitions(_record_sizes), sync=True)
            self.timings["shuffle_bytes"] = sum(size for size, _groups, _members in sizes)
            self.timings["shuffle_groups"] = sum(groups for _size, groups, _members in sizes)
            self.timings["shuffle_members"] = sum(members for _size, _groups, members in sizes)
        if name == "shuffle":  # not timed: how many groups, and the largest
            sizes = self.client.compute(collection.map_partitions(_group_sizes), sync=True)
            self.timings["shuffle_keys"], self.timings["largest_group"] = len(sizes), max(sizes, default=0)
        if name in ("load", "shuffle"):
            self.timings[f"rss_after_{name}"] = sorted(self.client.run(_rss).values())
        self.last = time.perf_counter()


def _chunks(inputs: list[tuple[str, bool]], threads: int) -> list[list]:
    """(input index, path as given, absolute path, checked) in contiguous chunks of similar size."""
    cwd = os.getcwd()
    items = [(index, path, os.path.join(cwd, path), checked) for index, (path, checked) in enumerate(inputs)]
    if not items:
        return [[]]
    sizes = []
    for _index, _path, absolute, _checked in items:
        try:
            sizes.append(max(os.stat(absolute).st_size, 1))
        except OSError:
            sizes.append(1)
    total = sum(sizes)
    count = min(len(items), max(PARTITIONS_PER_WORKER * threads, math.ceil(total / PARTITION_BYTES)))
    target, chunks, current, filled = total / count, [], [], 0
    for item, size in zip(items, sizes):
        current.append(item)
        filled += size
        if filled >= target * (len(chunks) + 1) and len(chunks) < count - 1:
            chunks.append(current)
            current = []
    chunks.append(current)
    return [chunk for chunk in chunks if chunk] or [[]]


def _prepare(rules: list, corpus: Corpus) -> tuple[_Shared, list]:
    """The contexts, built once on the driver from the reference corpus (as the engine builds them
    from the whole corpus: prepare reads the references only). A prepare that raises is that
    rule's one crash finding, as in process."""
    shared = _Shared(__version__, list(rules), {}, corpus)
    found = []
    for index, settings in enumerate(rules):
        rule = settings.rule
        try:
            if rule.scope == "group":
                shared.contexts[index] = prepare(rule, corpus, settings.options)
            elif rule.scope == "claim" and rule.prepare is not None:
                shared.contexts[index] = rule.prepare(corpus, settings.options)
        except Exception as error:  # a broken rule must not stop the others
            shared.skip.add(index)
            found.append(("bare", index, _pack(crash_finding(settings, error))))
    return shared, found


def _pickle(shared: _Shared) -> tuple[list, bytes]:
    """(the source of every rule module a worker cannot import, the pickled broadcast).

    A project's rule folders are not importable by name, so their modules travel as source and
    each worker runs them under the driver's module name and file name (tracebacks, and so crash
    findings, name the same lines); everything else is pickled by reference or, failing that, by
    value (cloudpickle)."""
    import cloudpickle

    modules = {}
    for settings in shared.rules:
        module = inspect.getmodule(settings.rule.check)
        if module is not None and module.__name__ not in modules and not _importable(module.__name__):
            path = getattr(module, "__file__", None)
            if path is not None:
                with open(path, encoding="utf-8") as source:
                    modules[module.__name__] = (module.__name__, path, source.read())
    return list(modules.values()), cloudpickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL)


def _importable(name: str) -> bool:
    """Whether a module can be imported by name from sys.path (so a worker can import it too)."""
    top = name.partition(".")[0]
    return top in sys.builtin_module_names or importlib.machinery.PathFinder.find_spec(top) is not None


# Assembling the findings (driver) ----------------------------------------------------------------


@dataclass(slots=True)
class _StandIn:
    """A claim a finding made on a worker names, as far as suppression reads it (`engine.suppressed`):
    its place, `ignore:` entries and the disable comments of its file that apply to it."""

    path: str
    id: str
    ignore: tuple
    noqa: dict

    @property
    def file(self) -> _StandIn:  # suppression reads `claim.file.noqa`
        return self


def _assemble(shared: _Shared, plan, records: list, limits: Limits) -> tuple[list[Finding], int]:
    """The findings of every rule as the in-process runner gives them: in the engine's order,
    suppression applied (on any claim a finding names), at most the limits' findings per group
    and per rule, then the LAST rules (unused-ignore) on the `ignore:` entries that suppressed
    nothing, then what another rule's finding supersedes; sorted."""
    claims = 0
    by_rule: dict[int, dict[str, list]] = {index: {} for index in range(len(shared.rules))}
    with_ignores = []
    for record in records:
        tag = record[0]
        if tag == "count":
            claims += record[1]
        elif tag == "ignores":
            with_ignores.extend(record[1])
        else:
            by_rule[record[1]].setdefault(tag, []).append(record)
    findings: list[Finding] = []
    used: list = []  # (stand-in claim, entry) that suppressed a finding
    for index, settings in enumerate(shared.rules):
        if settings.rule.last:
            continue
        parts = by_rule[index]
        if "bare" in parts:  # prepare crashed
            found = [_unpack(settings.rule, record[2]) for record in parts["bare"]]
        elif settings.rule.scope == "group":
            found = _group_findings(shared, index, parts, limits)
        else:
            found = _target_findings(parts, settings.rule)
        kept = [f for f in found if not suppressed(f, plan, used)]
        findings.extend(limits.cap(settings.rule.name, kept, limits.per_rule))
    findings += _last_rules(shared, plan, with_ignores, used, limits)
    for finding in findings:
        finding.claims = ()  # the stand-ins were for suppression only
    findings = superseded_removed(findings, plan.rules)
    findings.sort(key=Finding.sort_key)
    return findings, claims


def _last_rules(shared: _Shared, plan, with_ignores: list, used: list, limits: Limits) -> list[Finding]:
    """The LAST rules, on the driver: over the claims that carry `ignore:` entries (gathered from
    the workers), with the entries that suppressed findings, as the runner gives them."""
    last = [settings for settings in shared.rules if settings.rule.last]
    if not last:
        return []
    files: dict[str, ClaimFile] = {}
    for claim in with_ignores:
        files.setdefault(claim.path, ClaimFile(claim.path)).claims.append(claim)
    view = Corpus(files=list(files.values()), references=shared.corpus.references, normalizer=shared.corpus.normalizer)
    view.rule_names = shared.corpus.rule_names
    view.selected_rules = frozenset(key for s in plan.rules for key in (s.rule.name, s.rule.code))
    by_place = {(claim.path, claim.id): claim for claim in with_ignores}
    view.suppressions = [(by_place[(c.path, c.id)], entry) for c, entry in used if (c.path, c.id) in by_place]
    out = []
    for settings in last:
        kept = [f for f in run_rule(view, settings, limits) if not suppressed(f, plan)]
        out.extend(limits.cap(settings.rule.name, kept, limits.per_rule))
    return out


def _pack(finding: Finding) -> tuple:
    """A finding made on a worker, as it travels: tuples (rule and code are the rule's own)."""
    where = finding.location
    related = tuple((r.path, r.line, r.column, r.article, r.claim) for r in finding.related)
    return (
        finding.severity,
        finding.message,
        (where.path, where.line, where.column, where.article, where.claim),
        related,
        finding.related_total,
    )


def _unpack(rule, packed: tuple, suppression=()) -> Finding:
    severity, message, where, related, total = packed
    finding = Finding(rule.name, rule.code, severity, message, Location(*where), [Location(*r) for r in related], related_total=total)
    finding.claims = tuple(_StandIn(*claim) if claim is not None else None for claim in suppression)
    return finding


def _capped(crashes: list, rule) -> tuple[list, Finding | None]:
    """The first MAX_CRASHES crash findings (in order) and the "N more" one, as `engine` reports them."""
    crashes = sorted(crashes, key=lambda record: record[2])
    kept = crashes[:MAX_CRASHES]
    more = None
    if len(crashes) > MAX_CRASHES:
        more = _unpack(rule, crashes[-1][5])
        more.message = f"rule {rule.name} crashed on {len(crashes) - MAX_CRASHES} more claims or files than those reported"
    return kept, more


def _target_findings(parts: dict, rule) -> list[Finding]:
    """Claim, article and file rules: findings by target order, crashes capped as in process."""
    found = [(record[2], record[3], _unpack(rule, record[4], record[5])) for record in parts.get("found", ())]
    kept, more = _capped(parts.get("crash", []), rule)
    found += [(record[2], math.inf, _unpack(rule, record[3], record[4])) for record in kept]
    found.sort(key=lambda item: (item[0], item[1]))
    return [finding for _order, _seq, finding in found] + ([more] if more is not None else [])


def _group_findings(shared: _Shared, index: int, parts: dict, limits: Limits | None = None) -> list[Finding]:
    """Group rules: a crash in `keys` is the rule's only finding (the first in order); else group
    crashes (capped), then the groups' findings in group order, each (location, message) once."""
    settings = shared.rules[index]
    if "keys-crash" in parts:
        first = min(parts["keys-crash"], key=lambda record: record[2])
        return [_unpack(settings.rule, first[3])]
    kept, more = _capped(parts.get("group-crash", []), settings.rule)
    out = [_unpack(settings.rule, record[3], record[4]) for record in kept] + ([more] if more is not None else [])
    if settings.rule.combine is not None:
        partials = [partial for _tag, _index, _rank, result in sorted(parts.get("partial", []), key=lambda r: r[2]) for partial in result]
        try:
            combined = list(settings.rule.combine(_canonical(partials), shared.contexts[index]) or ())
        except Exception as error:  # as run_rule reports it: the group crashes, then this
            return [*out, crash_finding(settings, error)]
        seen = set()
        for finding in (to_finding(problem, settings) for problem in combined):
            identity = (finding.location, finding.message)
            if identity not in seen:  # a claim in two groups (two keys) may be found twice
                seen.add(identity)
                out.append(finding)
        return out
    seen, groups = set(), {}
    for record in sorted(parts.get("found", []), key=lambda record: (record[2], record[3])):
        identity = (record[4][2], record[4][1])  # (location, message), as tuples
        if identity not in seen:
            seen.add(identity)
            groups.setdefault(record[2], []).append(_unpack(settings.rule, record[4], record[5]))
    for found in groups.values():  # record[2]: the group's rank, one per group
        out.extend(limits.cap(settings.rule.name, found, limits.per_group) if limits is not None else found)
    return out


def _canonical(partials: list) -> list:
    """One object per claim again: partials of different groups carry separate copies of a claim,
    and `combine` may join them by identity. Claims inside lists, tuples, sets and dicts are found."""
    claims: dict[tuple, object] = {}

    def one(value):
        if isinstance(value, list):
            return [one(item) for item in value]
        if isinstance(value, tuple):
            return tuple(one(item) for item in value)
        if isinstance(value, (set, frozenset)):
            return type(value)(one(item) for item in value)
        if isinstance(value, dict):
            return {one(k): one(v) for k, v in value.items()}
        if isinstance(getattr(value, "file", None), FileStub) and hasattr(value, "kind"):
            return claims.setdefault((value.file.path, value.index), value)
        return value

    return one(partials)


# The work (workers) ------------------------------------------------------------------------------

_INSTALLED: dict[str, str] = {}  # per worker process: rule modules run from source -> digest of that source


def _install(modules: list) -> None:
    """Run the driver's rule-folder modules here, under their names, unless this very source runs
    already (a long-lived worker sees edited rules anew; the driver's own modules are left alone)."""
    for name, path, source in modules:
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        if _INSTALLED.get(name) == digest or (name in sys.modules and name not in _INSTALLED):
            continue
        module = types.ModuleType(name)
        module.__file__ = path
        linecache.cache[path] = (len(source), None, source.splitlines(True), path)  # for tracebacks and inspect
        sys.modules[name] = module
        exec(compile(source, path, "exec"), module.__dict__)
        _INSTALLED[name] = digest


def _shared(payload: tuple[list, bytes]) -> _Shared:
    """This task's own copy of the broadcast. Not one per worker: contexts keep per-run memos keyed
    by `id(claim)` (numeric-conflict's quantities, TenureIndex's verdicts), which hold only while
    those claims live, i.e. within one task; a copy kept across tasks would answer for a new claim
    that reuses a freed claim's id."""
    modules, blob = payload
    _install(modules)
    shared = pickle.loads(blob)
    if shared.version != __version__:
        raise WorkerMismatch(f"claimcheck {shared.version} on the driver but {__version__} on a worker: install the same version")
    return shared


def _load_partition(chunks: list) -> list:
    """(input index, loaded file) for the files to check and the reference files among the rest."""
    out = []
    for chunk in chunks:
        for index, path, absolute, checked in chunk:
            loaded = load_file(absolute)
            loaded.path = path  # as given: findings and messages name it so
            if checked or isinstance(loaded, ReferenceFile):
                out.append((index, loaded))
    return out


def _references(loaded: list) -> list:
    return [(index, item) for index, item in loaded if isinstance(item, ReferenceFile)]


def _map_partition(loaded: list, broadcast) -> list:
    """The claim, article and file rules on this partition's files, and the group rules' records."""
    shared = _shared(broadcast)
    claim_files = [(index, item) for index, item in loaded if isinstance(item, ClaimFile)]
    view = Corpus(
        files=[item for _index, item in claim_files],
        references=shared.corpus.references,
        normalizer=shared.corpus.normalizer,
        rule_names=shared.corpus.rule_names,
    )
    out: list = [("count", view.claim_count)]
    stubs: dict[int, FileStub] = {}
    detached: dict[int, object] = {}

    def detach(claim):
        copied = detached.get(id(claim))
        if copied is None:
            stub = stubs.get(id(claim.file))
            if stub is None:
                stub = stubs[id(claim.file)] = FileStub(claim.file.path, claim.file.article, claim.file.noqa)
            copied = detached[id(claim)] = copy.copy(claim)
            copied.file = stub
        return copied

    out.append(("ignores", [detach(claim) for _index, item in claim_files for claim in item.claims if claim.ignore]))
    for rule_index, settings in enumerate(shared.rules):
        if rule_index in shared.skip or settings.rule.last:  # LAST rules run on the driver
            continue
        scope = settings.rule.scope
        if scope == "group":
            out.extend(_keys(rule_index, settings, shared.contexts[rule_index], claim_files, detach))
            continue
        if scope == "claim":
            targets = _claims_in_order(settings.rule, claim_files)
            context = shared.contexts.get(rule_index)
            options = settings.options if context is None else context
        elif scope == "article":
            targets = (((index,), item) for index, item in claim_files)
            options = settings.options
        else:  # file: claim files, then reference files (Corpus.all_files)
            targets = sorted((((0 if isinstance(item, ClaimFile) else 1, index), item) for index, item in loaded), key=lambda t: t[0])
            options = settings.options
        out.extend(_judge(rule_index, settings, targets, options, view))
    return out


def _claims_in_order(rule, claim_files: list):
    """(order, claim) as the engine iterates them: by the rule's kinds, then file, then claim."""
    for kind_index, kind in enumerate(rule.kinds or (None,)):
        for file_index, item in claim_files:
            for claim_index, claim in enumerate(item.claims):
                if kind is None or claim.kind == kind:
                    yield (kind_index, file_index, claim_index), claim


def _ignore_of(finding: Finding) -> tuple:
    """What suppression reads of each claim the finding names (`_StandIn`'s fields)."""
    out = []
    for claim in finding.claims:
        if claim is None:
            out.append(None)
            continue
        noqa = getattr(claim.file, "noqa", None) or {}
        out.append((claim.path, claim.id, tuple(claim.ignore), {key: noqa[key] for key in (None, claim.id) if key in noqa}))
    return tuple(out)


def _judge(rule_index: int, settings, targets, options, corpus: Corpus) -> list:
    """One claim, article or file rule over its targets, as `engine` runs it (crashes per target)."""
    check = settings.rule.check
    out = []
    for order, target in targets:
        found: list = []
        try:
            found.extend(to_finding(problem, settings) for problem in check(target, options, corpus) or ())
        except Exception as error:  # this claim or file only: the rule goes on with the others
            at = crash_finding(settings, error, target)
            out.append(("crash", rule_index, order, _pack(at), _ignore_of(at), _pack(crash_finding(settings, error))))
        out.extend(("found", rule_index, order, seq, _pack(finding), _ignore_of(finding)) for seq, finding in enumerate(found))
    return out


def _keys(rule_index: int, settings, context, claim_files: list, detach) -> list:
    """`(rule, key) -> [(order, key number, detached claim)]`, grouped within this partition."""
    rule = settings.rule
    groups: dict = {}
    order = None
    try:
        for order, claim in _claims_in_order(rule, claim_files):
            for number, key in enumerate(rule.keys(claim, context) or ()):
                groups.setdefault(key, []).append((order, number, detach(claim)))
    except Exception as error:  # as in process: the rule stops, with one finding
        return [("keys-crash", rule_index, order, _pack(crash_finding(settings, error)))]
    return [("group", (rule_index, key), members) for key, members in groups.items()]


def _group_records(records) -> list:
    return [record for record in records if record[0] == "group"]


def _other_records(records) -> list:
    return [record for record in records if record[0] != "group"]


def _group_key(record):
    return record[1]


def _reduce_partition(groups: list, broadcast) -> list:
    """Each group's `check` on its claims, in the engine's order; findings as tuples, or partials."""
    shared = _shared(broadcast)
    out = []
    for (rule_index, key), pieces in groups:
        members = sorted((member for piece in pieces for member in piece[2]), key=lambda m: (m[0], m[1]))
        rank = (members[0][0], members[0][1])  # where the in-process engine first saw this key
        claims = [claim for _order, _number, claim in members]
        settings = shared.rules[rule_index]
        try:
            result = list(settings.rule.check(key, claims, shared.contexts[rule_index]) or ())
        except Exception as error:  # this group only
            at = crash_finding(settings, error, claims[0])
            out.append(("group-crash", rule_index, rank, _pack(at), _ignore_of(at), _pack(crash_finding(settings, error))))
            continue
        if settings.rule.combine is not None:
            if result:
                out.append(("partial", rule_index, rank, result))
            continue
        for seq, problem in enumerate(result):
            finding = to_finding(problem, settings)
            out.append(("found", rule_index, rank, seq, _pack(finding), _ignore_of(finding)))
    return out


def _record_sizes(records: list) -> list:
    """(pickled bytes, groups, claims) of one partition's shuffle records (measured with timings)."""
    records = list(records)
    return [(len(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)), len(records), sum(len(r[2]) for r in records))]


def _group_sizes(groups) -> list:
    """Claims per group after the shuffle (measured with timings)."""
    return [sum(len(piece[2]) for piece in pieces) for _key, pieces in groups]


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
