"""`--jobs`: files loaded and rules run on forked processes give exactly the findings of one process.

The corpus is generated (benchmarks/bench_check.py: figures, events, quotes and titles that agree
but for injected errors), with `ignore:` entries that suppress findings and one that suppresses
nothing, so the parallel rules' suppressions and unused-ignore (which runs after them, on what
they used) are compared too.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

from claimcheck import runner
from claimcheck.config import Config
from claimcheck.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_check import generate

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 4_000, per_file=50, seed=11, adversarial=True)
    extra = folder / "ignores.yaml"
    extra.write_text(
        "article: {id: ignores, published: 2020-01-01}\nclaims:\n"
        "  - {id: a, kind: figure, text: t, subject: conflict zone 1, metric: people killed, value: 1, ignore: [numeric-conflict]}\n"
        "  - {id: b, kind: figure, text: t, subject: s, metric: m, value: 1, ignore: [date-conflict, unattributed]}\n",
        encoding="utf-8",
    )
    return folder


def _check(folder: Path, jobs: int) -> list[dict]:
    session = Session.open(config=Config(root=folder), jobs=jobs)
    return [f.to_json() for f in session.check([str(folder)]).findings]


def test_parallel_rules_and_loading_give_the_findings_of_one_process(corpus_dir, monkeypatch):
    monkeypatch.setattr(runner, "PARALLEL_RULES_FROM", 0)
    one = _check(corpus_dir, 1)
    two = _check(corpus_dir, 2)
    assert len(one) > 100
    assert {f["rule"] for f in one} >= {"numeric-conflict", "unused-ignore", "unattributed"}
    assert two == one
