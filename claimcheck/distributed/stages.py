"""The stages of a run with timings: each run to completion before the next, timed, and what
crossed the network measured (docs/scaling.md); without timings, nothing."""

from __future__ import annotations

import os
import pickle
import time


class Stages:
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
