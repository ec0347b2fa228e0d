"""What the cluster cannot do (`ClusterError`, exit 2; `WorkerMismatch`), and Dask itself,
imported only when a run asks for a cluster (a plain `claimcheck check` never imports it)."""

from __future__ import annotations

INSTALL_HINT = "pip install 'claimcheck-lint[cluster]'"


class ClusterError(Exception):
    """The cluster cannot do the run (not installed, unreachable, a rule it cannot run): exit 2."""


class WorkerMismatch(Exception):
    """A worker runs another version of claimcheck than the driver."""


def import_dask():
    try:
        import dask.bag
        import distributed
    except ImportError as error:
        raise ClusterError(f"--cluster and --scheduler need Dask ({error.name} is not installed): {INSTALL_HINT}") from None
    return dask.bag, distributed
