"""The scoring script, and a regression guard on the dev set."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

REPO = Path(__file__).resolve().parents[2]
GOLD = SHARED / "devset" / "claims"
SEEDS = SHARED / "corpus" / "seeds"


def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", REPO / "scripts" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_extraction"] = module
    spec.loader.exec_module(module)
    return module


def test_matching_rules():
    s = scorer()
    gold = [{"kind": "quote", "span": [0, 10], "attribution": {"source": "Joe Biden"}},
            {"kind": "quote", "span": [20, 30], "attribution": None}]
    pred = [{"kind": "quote", "span": [5, 12], "attribution": {"source": "Biden"}},
            {"kind": "quote", "span": [21, 25], "attribution": {"source": "someone"}}]
    pairs, fn, fp = s.match(gold, pred, "quote")
    assert len(pairs) == 1 and fn == [gold[1]] and fp == [pred[1]]
    assert s.same_value(5000, 5001) and not s.same_value(5000, 5100)
    assert s.norm_date({"start": 2014, "end": "2014-03"}) == ("2014", "2014-03")


@pytest.mark.skipif(not GOLD.is_dir(), reason="shared dev set not present")
def test_dev_set_micro_f1(tmp_path, run_extract, capsys):
    assert run_extract("--meta", SEEDS / "articles.yaml", "-o", tmp_path,
                       *sorted(SEEDS.glob("00[012]_*.txt"))) == 0
    s = scorer()
    gold = {k: v for k, v in s.load_claim_files(GOLD).items() if s.scorable(v[1])}
    totals = s.score(gold, s.from_folder(tmp_path))
    tp = sum(totals[k][0] for k in s.MICRO)
    n_gold = sum(totals[k][1] for k in s.MICRO)
    n_pred = sum(totals[k][2] for k in s.MICRO)
    assert s.prf(tp, n_gold, n_pred)[2] >= 0.85
