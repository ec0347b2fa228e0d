"""The connection to a cluster: a client of an existing scheduler or of a new LocalCluster, Dask's
loggers kept quiet, and `check_on_cluster` (what `claimcheck check --cluster/--scheduler` runs),
which turns what goes wrong with the cluster into one `ClusterError`."""

from __future__ import annotations

import contextlib
import logging

from claimcheck.distributed.driver import check
from claimcheck.distributed.errors import ClusterError, WorkerMismatch, import_dask
from claimcheck.session import Result, Session
from claimcheck.workers import available_cores

CONNECT_TIMEOUT = 10  # seconds to reach a scheduler


# The cluster -------------------------------------------------------------------------------------


@contextlib.contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None):
    """A Dask client: on the scheduler at `scheduler`, else on a new LocalCluster of `workers`
    processes (default: the available cores), one thread each. Closed on exit."""
    _bag, distributed = import_dask()
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
    _bag, distributed = import_dask()
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
