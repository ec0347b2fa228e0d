"""The safe reader: positions, core scalars, and hostile input refused with a position."""

import pytest

from claimcheck.load.yamlsafe import YamlProblem, read_yaml


def test_positions_of_nested_fields():
    doc = read_yaml("article:\n  id: a\nclaims:\n  - id: x\n    attribution:\n      source: Tass\n")
    assert doc.mark(("claims", 0)) == (4, 5)
    assert doc.mark(("claims", 0, "attribution", "source")) == (6, 15)
    assert doc.key_mark(("claims", 0, "attribution", "source")) == (6, 7)


def test_core_schema_scalars_and_dates_kept_as_text():
    doc = read_yaml("a: 2014\nb: 2014-03\nc: 2014-03-26\nd: 1.5\ne: null\nf: yes\ng: '12'\nh: true\n")
    assert doc.data == {"a": 2014, "b": "2014-03", "c": "2014-03-26", "d": 1.5, "e": None, "f": "yes", "g": "12", "h": True}


def test_alias_expansion_position_falls_back_to_alias():
    doc = read_yaml("a: &x {q: 1}\nb: *x\n")
    assert doc.data["b"] == {"q": 1}
    assert doc.mark(("b", "q")) == (2, 4)


def test_duplicate_keys_are_recorded():
    doc = read_yaml("a: 1\nb: 2\na: 3\n")
    assert doc.duplicate_keys == [(("a",), "a")]
    assert doc.key_mark(("a",)) == (3, 1)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: !!python/object/apply:os.system ['echo hi']\n", "!!python/object/apply:os.system is not allowed", 1),
        ("a: 1\nb: !custom 2\n", "tag !custom is not allowed", 2),
        ("a: [1,\n", "invalid YAML", 2),
        ("[" * 20000, "nesting deeper than", 1),
        ("a: 1\n---\nb: 2\n", "second", 2),
        ("a: *nothing\n", "unknown alias *nothing", 1),
        # a quote left open is reported where it opens, not at the end of the file
        ('a: 1\nb: "open\nc: 2\nd: 3\n', "while scanning a quoted scalar begun here", 2),
        ("a: {b: 1\nc: 2\n", "(while parsing a flow mapping begun at 1:4)", 2),
    ],
)
def test_hostile_or_broken_input(text, message, line):
    with pytest.raises(YamlProblem) as raised:
        read_yaml(text)
    assert message in raised.value.message
    assert raised.value.line == line


def test_alias_bomb_is_bounded():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(YamlProblem) as raised:
        read_yaml("\n".join(lines) + "\n")
    assert "alias bomb" in raised.value.message
