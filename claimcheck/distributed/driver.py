"""The run, on the driver: the files in chunks, then the stages of the package docstring (load,
prepare, map, shuffle, reduce, gather) as one Dask graph, and the findings assembled at the end."""

from __future__ import annotations

import math
import os
import time

from claimcheck import __version__
from claimcheck.corpus import Corpus
from claimcheck.distributed.assemble import assemble
from claimcheck.distributed.broadcast import SharedState, pickle_shared
from claimcheck.distributed.errors import ClusterError, import_dask
from claimcheck.distributed.stages import Stages
from claimcheck.distributed.wire import pack_finding
from claimcheck.distributed.worker import (
    group_key,
    group_records,
    load_partition,
    map_partition,
    other_records,
    reduce_partition,
    reference_files,
)
from claimcheck.engine import Limits, crash_finding, prepare
from claimcheck.model import is_builtin_reference
from claimcheck.session import Result, Session

PARTITION_BYTES = 16 << 20  # files are loaded in chunks of about this many bytes (more chunks on small corpora)
PARTITIONS_PER_WORKER = 4  # at least this many chunks per worker thread, for balance


# The run (driver) --------------------------------------------------------------------------------


def check(session: Session, paths: list[str] | None, client, timings: dict | None = None) -> Result:
    """Every planned rule over the files under `paths` on the cluster of `client` (a
    `distributed.Client`): the findings of `session.check(paths)`, without the cache.

    With `timings` (a dict), each stage is run to completion before the next and the dict gets
    their wall-clock seconds and what crossed the network (docs/scaling.md)."""
    import_dask()
    with client.as_current():  # distributed.wait and friends find this client
        return _check(session, paths, client, timings)


def _check(session: Session, paths: list[str] | None, client, timings: dict | None) -> Result:
    bag, distributed = import_dask()
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
    stage = Stages(client, distributed, timings, started)

    # 1. load: every file on the workers, kept there; the reference files come to the driver.
    chunks = _chunks(inputs, threads)
    loaded = client.persist(bag.from_sequence(chunks, partition_size=1).map_partitions(load_partition))
    references = sorted(client.compute(loaded.map_partitions(reference_files), sync=True), key=lambda item: item[0])
    stage.done("load", loaded)

    # 2. prepare (driver): the reference corpus, the rules' contexts, broadcast once.
    reference_corpus = Corpus.of(reference for _index, reference in references)
    reference_corpus.rule_names = plan.known_rules
    shared, driver_found = _prepare(plan.rules, reference_corpus)
    payload = pickle_shared(shared)
    broadcast = client.scatter(payload, broadcast=True)
    stage.done("prepare", bytes=("broadcast_bytes", len(payload[1]) + sum(len(source) for *_name, source in payload[0])))

    # 3-5. map, shuffle, reduce.
    mapped = stage.persist(loaded.map_partitions(map_partition, broadcast))
    records = mapped.map_partitions(group_records)
    stage.done("map", mapped, measure=records)
    shuffled = stage.persist(records.groupby(group_key, shuffle="tasks"))
    stage.done("shuffle", shuffled)
    reduced = stage.persist(shuffled.map_partitions(reduce_partition, broadcast))
    stage.done("reduce", reduced)

    # 6. gather: findings (as tuples), partials of combine rules, counts.
    # Each partition's results straight to the driver (a bag's own compute would join them on a worker first).
    futures = client.compute([*mapped.map_partitions(other_records).to_delayed(), *reduced.to_delayed()])
    del loaded, mapped, shuffled, reduced, broadcast  # held by the running graph only: freed as it goes
    results = [record for part in client.gather(futures) for record in part]
    stage.done("gather")
    limits = Limits(session.config.max_findings_per_rule, session.config.max_findings_per_group)
    findings, claims = assemble(shared, plan, [*driver_found, *results], limits)
    stage.done("assemble")
    if timings is not None:
        timings["total"] = time.perf_counter() - started
        timings["claims"], timings["partitions"] = claims, len(chunks)
    return session.result(findings, inputs, claims, None, limits.left_out, references=sum(
        not is_builtin_reference(reference.path) for _index, reference in references))


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


def _prepare(rules: list, corpus: Corpus) -> tuple[SharedState, list]:
    """The contexts, built once on the driver from the reference corpus (as the engine builds them
    from the whole corpus: prepare reads the references only). A prepare that raises is that
    rule's one crash finding, as in process."""
    shared = SharedState(__version__, list(rules), {}, corpus)
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
            found.append(("bare", index, pack_finding(crash_finding(settings, error))))
    return shared, found
