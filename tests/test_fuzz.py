"""Property tests (hypothesis): no input makes the loader, a rule or a reporter raise.

Claim files are generated from random field values of every type — wrong types, huge, NaN and
infinite numbers, extreme dates, unicode edge cases (RTL marks, zero-width spaces, NUL, lone
surrogates, CRLF, BOM) — and random bytes. Every file is loaded, every rule runs over the corpus,
every reporter renders the findings, and the structured outputs still parse.

Fast in CI; `CLAIMCHECK_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py` is the long run.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimcheck.config import Config  # noqa: E402
from claimcheck.corpus import Corpus  # noqa: E402
from claimcheck.load import load_text  # noqa: E402
from claimcheck.reporters import FORMATS, Report, render  # noqa: E402
from claimcheck.session import Session  # noqa: E402

EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=not os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES"))

EDGE_TEXT = ["", " ", "\u200f", "\u200b", "\ufeff", "\r\n", "\x00", "\ud800", "‮evil", "a" * 300, "O'Brien \"q\" [x](javascript:1)", "|", "::error::x", "%0A"]
EDGE_NUMBERS = [0, -1, 1e308, -1e308, 1e-320, float("inf"), float("-inf"), float("nan"), 2**64, 10**30, 0.1, 13000]
EDGE_DATES = ["0001-01-01", "9999-12-31", "2021-02-30", "2024-02-29", "2014", "2014-13", "99999", {"start": "2021", "end": "2020"}, {"start": "9999-12"}]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(EDGE_NUMBERS),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(EDGE_TEXT),
    st.text(max_size=40),
    st.sampled_from(EDGE_DATES),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)

FIELDS = ["id", "kind", "text", "span", "subject", "metric", "value", "approx", "unit", "as_of", "cumulative", "of", "part_of",
          "attribution", "ignore", "boilerplate", "date", "tense", "quote", "said_on", "direct", "entity", "role", "status", "hedge"]  # fmt: skip
KINDS = ["figure", "event", "quote", "role", "statement"]


@st.composite
def claim(draw):
    """Mostly plausible claims with a few fields replaced by anything at all."""
    kind = draw(st.sampled_from(KINDS + [None, ["figure"], {"a": 1}, 7]))
    data = {"id": draw(st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(EDGE_TEXT))), "kind": kind, "text": draw(st.text(min_size=1, max_size=30))}
    data.update({"subject": "s", "metric": "m", "value": draw(st.sampled_from(EDGE_NUMBERS + [[1, 2], [1e308, 1e308]])),
                 "date": draw(st.sampled_from(EDGE_DATES)), "quote": "the same quote words here", "entity": "Joe Biden",
                 "role": "US President", "attribution": draw(st.one_of(st.none(), st.fixed_dictionaries({"source": st.sampled_from(["Ann Lee", "Bo Li", "officials"]), "type": st.sampled_from(["named", "vague", None, 5])})))})  # fmt: skip
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4)):
        data[name] = draw(values)
    return data


@st.composite
def claim_file(draw):
    article = {"id": draw(st.sampled_from(["a", "b", "Bad Id", 5, None])), "published": draw(st.sampled_from(EDGE_DATES + [None])),
               "source": draw(st.sampled_from([None, "/etc/passwd", "../x.txt"]))}  # fmt: skip
    return {"article": article, "claims": draw(st.lists(claim(), max_size=6))}


def _yaml(data) -> str:
    """JSON is YAML: a faithful serialisation of any structure (the loader's YAML 1.2 reading)."""
    return json.dumps(data, ensure_ascii=False, default=str).replace("NaN", ".nan").replace("-Infinity", "-.inf").replace("Infinity", ".inf")


SESSION = Session.open(config=Config(root=os.getcwd()), local_rules=False)
REFERENCE = load_text(
    "reference/offices.yaml",
    "reference: {id: r}\ntenures:\n  - {entity: Joe Biden, role: President of the United States, start: 2021-01-20, end: 2025-01-20}\n"
    "aliases: {President of the United States: [US President]}\n",
)


def _check_everything(texts: list[str]) -> None:
    loaded = [load_text(f"claims/f{i}.yaml", text) for i, text in enumerate(texts)]
    corpus = Corpus.of([*loaded, REFERENCE])
    findings = SESSION.run(corpus)
    assert not [f for f in findings if "crashed" in f.message], [f.message for f in findings if "crashed" in f.message]
    report = Report(findings, files=len(loaded), claims=corpus.claim_count, rules=[s.rule for s in SESSION.plan.rules], paths=[f.path for f in loaded])
    for fmt in FORMATS:
        output = render(report, fmt)
        if fmt in ("json", "sarif"):
            json.loads(output)
        elif fmt == "junit":
            ET.fromstring(output.encode("utf-8"))


@FUZZ
@given(st.lists(claim_file(), min_size=1, max_size=3))
def test_random_claim_files_never_crash_a_rule_or_a_reporter(files):
    _check_everything([_yaml(data) for data in files])


@FUZZ
@given(st.text(max_size=300))
def test_random_text_is_a_finding_not_a_traceback(text):
    _check_everything([text])


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_are_read_safely(data, tmp_path_factory):
    from claimcheck.load import load_file

    path = tmp_path_factory.mktemp("bytes") / "x.yaml"
    path.write_bytes(data)
    loaded = load_file(str(path))
    assert loaded.path == str(path)
