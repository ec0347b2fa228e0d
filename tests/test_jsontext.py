"""claimcheck.jsontext: orjson's speed, the standard library's reach."""

import json

import pytest

from claimcheck import jsontext


@pytest.mark.parametrize(
    "document",
    [
        {"message": "Putin said “no” — twice\n\u001b[31m", "line": 3, "related": [], "fix": None, "safe": True},
        [{"a": {"b": [1, -2, 3.25, "é"]}}, {}],
        {"nested": [[[]]], "empty": ""},
    ],
)
@pytest.mark.parametrize("pretty", [False, True])
def test_the_text_is_the_standard_librarys(document, pretty):
    expected = json.dumps(document, indent=2, ensure_ascii=False) if pretty else json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    assert jsontext.dumps(document, pretty=pretty) == expected


@pytest.mark.parametrize(
    "document",
    [
        {"path": "claims/caf\udce9.yaml"},  # an undecodable byte in a file name (surrogateescape)
        {"value": 2**80},
        {1: "a key that is not a string"},
    ],
)
def test_what_orjson_refuses_is_still_written(document):
    assert json.loads(jsontext.dumps(document)) == json.loads(json.dumps(document))


def test_reading_takes_what_the_standard_library_writes():
    assert jsontext.loads(json.dumps({"value": float("inf")}).encode()) == {"value": float("inf")}
    assert jsontext.loads('{"a": [1, "é"]}') == {"a": [1, "é"]}
    with pytest.raises(ValueError):
        jsontext.loads(b'{"unclosed": ')


def test_without_orjson_the_standard_library_writes_the_same(monkeypatch):
    document = {"message": "“quoted”", "related": [{"line": 1}]}
    with_orjson = jsontext.dumps(document, pretty=True), jsontext.dumps(document)
    monkeypatch.setattr(jsontext, "orjson", None)
    assert (jsontext.dumps(document, pretty=True), jsontext.dumps(document)) == with_orjson
    assert jsontext.loads(with_orjson[1]) == document
