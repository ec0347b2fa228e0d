"""Parallel work on one machine: this process and forked helpers, `--jobs` in all.

The default is the cores this process may use. Work is split into chunks that this process and
`jobs - 1` forked helpers take in turn, so a slow chunk never leaves the others idle: the helpers
from the front of the list, this process from the back, so that a caller can put the items whose
results cost most to send (many findings) last, where they are never sent. The helpers inherit the caller's state (nothing but results crosses the process
boundary) and send each chunk's results as soon as it is done; this process takes them in between
its own chunks. Working here too, rather than waiting on `jobs` helpers, saves one share of the
pickling both ways and keeps `jobs` processes on `jobs` cores. Results come back in order. Where
`fork` is not available, or the work is too small to pay for a helper, it all runs here: same
results, one core.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import traceback
from collections.abc import Callable, Sequence

_DONE = "done"
_FAILED = "failed"
_POLL_SECONDS = 0.5  # how often a wait for results looks whether a helper died


class WorkerDied(RuntimeError):
    """A forked helper ended without sending its results (killed, out of memory)."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run_apart(task: Callable[[], object]) -> bool | None:
    """Run `task()` in a forked child that ends without tearing its heap down (`os._exit`):
    True when it returned, False when it raised or died, None where `fork` is not available.
    For work whose result the caller reads from elsewhere (the cache): the child's millions of
    records are never freed one by one, nor kept in this process."""
    if not hasattr(os, "fork") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            task()
            code = 0
        except BaseException:  # reported by the caller's fallback, which runs the task itself
            code = 1
        finally:
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def parallel_map(task: Callable, items: Sequence, jobs: int | None = None, min_items: int = 32, chunk: int = 8) -> list:
    """[task(item) for item in items], on `jobs` processes when it pays (results in order).

    An exception in `task` is raised here, as the serial loop would raise it."""
    jobs = available_cores() if jobs is None else jobs
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [task(item) for item in items]
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    return _Shared(task, chunks, min(jobs, len(chunks))).run()


class _Shared:
    """One parallel map: the chunks, the counter that hands them out, the helpers' results."""

    def __init__(self, task: Callable, chunks: list, processes: int) -> None:
        context = multiprocessing.get_context("fork")
        self.task, self.chunks = task, chunks
        self.ends = context.Array("q", [0, len(chunks)])  # the next chunk from the front, the last one left
        self.results: list = [None] * len(chunks)
        self.inbox = context.Queue()
        self.helpers = [context.Process(target=self._help, daemon=True) for _ in range(processes - 1)]
        self.done = 0  # helpers that sent everything

    def run(self) -> list:
        for helper in self.helpers:
            helper.start()
        try:
            while (index := self._claim(from_back=True)) is not None:
                self.results[index] = [self.task(item) for item in self.chunks[index]]
                self._take(block=False)
            self._take(block=True)
        finally:
            for helper in self.helpers:
                if helper.is_alive():
                    helper.kill()
                helper.join()
            self.inbox.close()
        return [result for part in self.results for result in part]

    def _claim(self, from_back: bool = False) -> int | None:
        with self.ends.get_lock():
            front, back = self.ends[0], self.ends[1]
            if front >= back:
                return None
            if from_back:
                self.ends[1] = back - 1
                return back - 1
            self.ends[0] = front + 1
            return front

    def _help(self) -> None:
        """A forked helper: chunks until none is left, each one's results sent when done."""
        try:
            while (index := self._claim()) is not None:
                self.inbox.put((index, [self.task(item) for item in self.chunks[index]]))
        except BaseException as error:  # raised again in the parent, as the serial loop would
            self.inbox.put((_FAILED, _portable(error)))
        else:
            self.inbox.put((_DONE, None))
        self.inbox.close()
        self.inbox.join_thread()  # everything sent before this process ends

    def _take(self, block: bool) -> None:
        """The helpers' results that have arrived (`block`: all of them, until every helper is done)."""
        while not block or self.done < len(self.helpers):
            try:
                index, value = self.inbox.get(block=block, timeout=_POLL_SECONDS if block else None)
            except queue.Empty:
                if not block:
                    return
                if not any(helper.is_alive() for helper in self.helpers) and self.inbox.empty():
                    codes = [helper.exitcode for helper in self.helpers]
                    raise WorkerDied(f"a helper process ended without sending its results (exit codes {codes})") from None
                continue
            if index == _FAILED:
                raise value
            if index == _DONE:
                self.done += 1
            else:
                self.results[index] = value


def _portable(error: BaseException) -> BaseException:
    """The error itself when it survives pickling, else a RuntimeError with its traceback text."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError("".join(traceback.format_exception(error)))
