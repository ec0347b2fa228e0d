"""`claimcheck extract` on a Dask cluster: `--cluster` (a local one), `--scheduler ADDRESS`.

The articles are read and validated here, as for a local run (a bad article is refused before
any work is sent), then partitioned into a Dask bag. Each partition runs `batch.extract_batch`
-- `nlp.pipe` over its articles, their claims, the merge and the atomic writes -- in a worker,
which loads the spaCy pipeline once (`nlp.load_model` keeps it for the worker's life). The
workers write the claim files themselves, so the output folder must be one they see (a shared
file system; paths are sent absolute); only small `Outcome`s come back, in article order. The
claim files are those of a serial run (`tests/extract/test_cluster.py`).

Dask is imported only here and only when one of the options is given; it is the `cluster` extra
(`pip install 'claimcheck-lint[extract,cluster]'`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from .batch import Outcome, extract_batch
from .meta import ArticleText

ARTICLES_PER_PARTITION = 8


class ClusterUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached (exit code 2)."""


def _partition(articles: list[ArticleText], out_dir: str, model: str | None) -> list[Outcome]:
    """What one worker does with one partition (a module-level function: workers import it)."""
    from .nlp import ModelNotFound, load_model

    articles = list(articles)
    try:
        nlp = load_model(model)
    except ModelNotFound as exc:
        return [Outcome(str(a.path), error=f"{a.path}: on the worker: {exc}") for a in articles]
    return list(extract_batch(nlp, articles, Path(out_dir)))


def run_on_cluster(articles: Sequence[ArticleText], out_dir: Path, model: str | None = None,
                   scheduler: str | None = None, workers: int | None = None) -> Iterator[Outcome]:
    """Outcomes of every article, in order, computed on the cluster at `scheduler` (else on a
    local cluster of `workers` single-threaded worker processes)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterUnavailable("--cluster/--scheduler need Dask: pip install 'claimcheck-lint[cluster]' "
                                 "(dask[distributed])") from None
    # workers may run elsewhere: every path they see is absolute
    articles = [dataclasses.replace(a, path=a.path.resolve()) for a in articles]
    out = str(out_dir.resolve())
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            from .batch import available_cores

            cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterUnavailable(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        partitions = max(1, -(-len(articles) // ARTICLES_PER_PARTITION))
        bag = db.from_sequence(articles, npartitions=partitions)
        parts = bag.map_partitions(_partition, out, model).to_delayed()
        futures = client.compute(parts)
        for future in futures:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
