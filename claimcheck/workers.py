"""Parallel work on one machine: a pool of forked processes, sized by `--jobs`.

The default is the cores this process may use. Work is split into chunks handed to forked
workers, which inherit the caller's state (so nothing but the chunk's inputs and its results
cross the process boundary), and results come back in order. Where `fork` is not available, or
the work is too small to pay for a pool, it runs in this process: same results, one core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence

_TASK: Callable | None = None  # what forked workers run (inherited, never pickled)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _run_chunk(chunk: Sequence) -> list:
    return [_TASK(item) for item in chunk]


def parallel_map(task: Callable, items: Sequence, jobs: int | None = None, min_items: int = 32, chunk: int = 8) -> list:
    """[task(item) for item in items], on `jobs` processes when it pays (results in order)."""
    jobs = available_cores() if jobs is None else jobs
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    global _TASK
    _TASK = task
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return [result for part in pool.imap(_run_chunk, chunks) for result in part]
    finally:
        _TASK = None
