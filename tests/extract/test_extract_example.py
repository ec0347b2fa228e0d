"""End to end on the shipped example article (needs the spaCy pipeline)."""
from __future__ import annotations

import pytest
from ruamel.yaml import YAML

pytestmark = pytest.mark.usefixtures("nlp")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, nlp, example):
    from claimcheck.extract.command import main

    out = tmp_path_factory.mktemp("claims")
    assert main(["-o", str(out), str(example)]) == 0
    path = out / "example-2024-03-15-harbor-bridge.yaml"
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return path, data


def find(data, kind, **want):
    hits = [c for c in data["claims"] if c["kind"] == kind
            and all(c.get(k) == v for k, v in want.items())]
    assert hits, f"no {kind} claim with {want}"
    return hits[0]


def test_article_block_and_spans(extracted):
    path, data = extracted
    art = data["article"]
    assert art["id"] == "example-2024-03-15-harbor-bridge"
    assert str(art["published"]) == "2024-03-15"
    text = (path.parent / art["source"]).read_text(encoding="utf-8")
    for claim in data["claims"]:
        start, end = claim["span"]
        assert text[start:end] == claim["text"], claim["id"]
    ids = [c["id"] for c in data["claims"]]
    assert len(ids) == len(set(ids))


def test_figures(extracted):
    _, data = extracted
    money = find(data, "figure", value=300_000_000)
    assert money["unit"] == "USD" and money.get("approx", "exact") == "exact"
    cars = find(data, "figure", value=40000)
    assert cars["approx"] == "almost" and cars["attribution"]["source"] == "Helen Ortiz"
    cables = find(data, "figure", value=14)
    assert cables["of"] == 22 and cables["unit"] == "support cables"
    assert cables["attribution"]["type"] == "organization"
    prices = find(data, "figure", value=15)
    assert prices["approx"] == "more-than" and prices["unit"] == "percent"
    assert find(data, "figure", value=3)["unit"] == "years"
    values = {c["value"] for c in data["claims"] if c["kind"] == "figure"}
    assert 1962 not in values and 2023 not in values        # years are not figures


def test_events(extracted):
    _, data = extracted
    assert find(data, "event", date="2024-03-12")["text"].endswith("on Tuesday")   # last Tuesday
    assert find(data, "event", date="2024-02")                                      # last month
    assert find(data, "event", date="2023-01")
    assert find(data, "event", date="2024-03-18")["tense"] == "future"           # "will begin on Monday"
    assert find(data, "event", date="1962")


def test_quotes_and_roles(extracted):
    _, data = extracted
    promise = find(data, "quote", quote="a promise kept to every commuter")
    assert promise["attribution"] == {"source": "Helen Ortiz", "role": "Mayor", "type": "named"}
    # the second quote has no verb of its own: same speaker as the first
    assert find(data, "quote", quote="Every month of delay adds costs")["attribution"]["source"] == "Daniel Reyes"
    assert find(data, "role", entity="Helen Ortiz")["role"] == "Mayor"
    assert "finance chair" in find(data, "role", entity="Daniel Reyes")["role"]


def test_statements(extracted):
    _, data = extracted
    seen = find(data, "statement", hedge="are widely seen")
    assert "overdue" in seen["text"]
    # "Analysts have warned that ... could rise by more than 15 percent": a figure carries that
    # claim, and it rests on the analysts (a vague source); no statement repeats it
    rise = find(data, "figure", value=15)
    assert rise["attribution"]["type"] == "vague"
    assert not any(c["kind"] == "statement" and "15 percent" in c["text"] for c in data["claims"])


def test_ids_are_stable(tmp_path, nlp, example):
    from claimcheck.extract.command import main

    ids = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["-o", str(out), str(example)]) == 0
        data = YAML(typ="safe").load((out / "example-2024-03-15-harbor-bridge.yaml").read_text(encoding="utf-8"))
        ids.append([c["id"] for c in data["claims"]])
    assert ids[0] == ids[1]


def test_no_publication_date_leaves_time_fields_empty(tmp_path, nlp):
    from claimcheck.extract.command import main

    article = tmp_path / "undated.txt"
    article.write_text("Mayor Helen Ortiz said on Tuesday that the bridge opened in 1962.\n", encoding="utf-8")
    assert main(["-o", str(tmp_path / "out"), str(article)]) == 0
    text = (tmp_path / "out" / "undated.yaml").read_text(encoding="utf-8")
    assert "No publication date" in text
    data = YAML(typ="safe").load(text)
    dates = [c.get("date") for c in data["claims"] if c["kind"] == "event"]
    assert dates == ["1962"]                    # "Tuesday" cannot be resolved
