"""parallel_map: this process and forked helpers share the chunks; results in order, errors raised."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from claimcheck.workers import WorkerDied, parallel_map

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")


def test_serial_below_the_threshold():
    assert parallel_map(lambda x: (x, os.getpid()), [1, 2, 3], jobs=2) == [(1, os.getpid()), (2, os.getpid()), (3, os.getpid())]


@needs_fork
def test_results_in_order_and_this_process_takes_a_share():
    def task(x):
        time.sleep(0.002)  # long enough for the helper to start and take its share
        return x * x, os.getpid()

    results = parallel_map(task, list(range(400)), jobs=2, min_items=1, chunk=1)
    assert [value for value, _pid in results] == [x * x for x in range(400)]
    pids = {pid for _value, pid in results}
    assert os.getpid() in pids  # the parent worked, not only waited
    assert len(pids) == 2


@needs_fork
def test_this_process_works_from_the_back():
    # The caller puts the items whose results cost most to send last: they stay here.
    def task(x):
        time.sleep(0.002)
        return os.getpid()

    pids = parallel_map(task, list(range(200)), jobs=2, min_items=1, chunk=1)
    assert pids[-1] == os.getpid()
    assert pids[0] != os.getpid()  # the helper started while this process had the last items in hand
    mine = [i for i, pid in enumerate(pids) if pid == os.getpid()]
    assert mine == list(range(mine[0], 200))  # one run at the end, met in the middle


def _raise_value_error(x):
    raise ValueError(f"bad item {x}")


def _raise_unpicklable(x):
    class Local(Exception):  # a local class: pickle cannot find it by name
        pass

    raise Local("helper failed here")


def _die(x):
    os._exit(9)


@needs_fork
@pytest.mark.parametrize(
    ("in_helper", "raised", "match"),
    [
        (_raise_value_error, ValueError, "bad item"),  # raised here, as the serial loop would
        (_raise_unpicklable, RuntimeError, "helper failed here"),  # its text kept
        (_die, WorkerDied, "exit codes"),  # reported, not waited for
    ],
)
def test_what_goes_wrong_in_a_helper_is_raised_here(in_helper, raised, match):
    parent = os.getpid()

    def task(x):
        if os.getpid() != parent:
            in_helper(x)
        time.sleep(0.01)  # the helper gets items too
        return x

    with pytest.raises(raised, match=match):
        parallel_map(task, list(range(200)), jobs=2, min_items=1, chunk=1)


@needs_fork
def test_run_apart_says_whether_the_child_finished(tmp_path):
    from claimcheck.workers import run_apart

    marker = tmp_path / "done"
    assert run_apart(lambda: marker.write_text("yes", encoding="utf-8")) is True
    assert marker.read_text(encoding="utf-8") == "yes"  # the child's work is there; this process did none

    def fails():
        raise ValueError("no")

    assert run_apart(fails) is False
