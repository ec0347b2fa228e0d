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

The package: `connection` (the client, `check_on_cluster`), `driver` (the run), `broadcast` (what
every worker needs), `worker` (the per-partition work), `wire` (what crosses the network),
`assemble` (the findings on the driver), `stages` (timings), `errors`.
"""

from claimcheck.distributed.connection import CONNECT_TIMEOUT, check_on_cluster, cluster
from claimcheck.distributed.driver import PARTITION_BYTES, PARTITIONS_PER_WORKER, check
from claimcheck.distributed.errors import INSTALL_HINT, ClusterError, WorkerMismatch
from claimcheck.distributed.wire import FileStub

__all__ = [
    "CONNECT_TIMEOUT",
    "INSTALL_HINT",
    "PARTITIONS_PER_WORKER",
    "PARTITION_BYTES",
    "ClusterError",
    "FileStub",
    "WorkerMismatch",
    "check",
    "check_on_cluster",
    "cluster",
]
