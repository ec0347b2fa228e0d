"""Loading files: every broken input is a positioned finding, other files still load."""

import pytest

from claimcheck.corpus import load_corpus
from claimcheck.load import load_file, load_text
from claimcheck.model import ClaimFile, ReferenceFile

GOOD = """\
article:
  id: a
  published: 2022-01-27
claims:
  - id: helmets
    kind: figure
    text: 5,000 helmets
    subject: German military aid
    metric: helmets pledged
    value: 5000
    attribution:
      source: German government
      type: organization
"""


def test_claims_keep_positions_of_claims_and_nested_fields(write):
    loaded = load_file(str(write("a.yaml", GOOD)))
    claim = loaded.claims[0]
    assert claim.position == (5, 5)
    assert claim.field_position("value") == (10, 5)
    assert claim.field_position("attribution", "source") == (12, 7)
    assert claim.article_id == "a" and claim.ref == "a#helmets"
    assert claim.published.text == "2022-01-27"


@pytest.mark.parametrize(
    ("content", "rule", "message", "line"),
    [
        (b"", "schema", "empty file", 1),
        (b"\xff\xfeart", "syntax", "not UTF-8", 1),
        (b"article:\n  id: caf\xe9\n", "syntax", "invalid byte 0xe9", 2),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "syntax", "binary file", 3),
        (b"article: {id: a}\nclaims: [\n", "syntax", "invalid YAML", 3),
        (b"- just\n- a list\n", "schema", "not a claim file", 1),
        (b"article: {id: a}\nclaims: {id: x}\n", "schema", "must be a list", 2),
        (b"article: {id: 'Bad Id'}\nclaims: []\n", "schema", "field `id`", 1),
        (b"article: {id: a}\nclaims:\n  - !!python/object:os.system {}\n", "syntax", "not allowed", 3),
        # in the words of YAML, not of Python ("a dictionary or an instance of Attribution")
        (b"article: {id: a}\nclaims:\n  - {id: x, kind: quote, text: t, quote: t, attribution: five}\n", "schema",
         "field `attribution`: Input should be a mapping (got 'five')", 3),
    ],
)
def test_bad_files_become_problems(write, content, rule, message, line):
    loaded = load_file(str(write("bad.yaml", content)))
    assert [(p.rule, p.line) for p in loaded.problems if message in p.message] == [(rule, line)], loaded.problems


def test_a_broken_claim_does_not_hide_the_others(write):
    text = GOOD + "  - id: broken\n    kind: figure\n    text: t\n"
    loaded = load_file(str(write("a.yaml", text)))
    assert [c.id for c in loaded.claims] == ["helmets"]
    assert {p.line for p in loaded.problems} == {14}


def test_reference_files_are_recognised_and_aliases_feed_the_normaliser(write, tmp_path):
    write("claims/a.yaml", GOOD)
    write(
        "claims/reference/offices.yaml",
        """\
        reference: {id: offices}
        tenures:
          - {entity: Joe Biden, role: President of the United States, start: 2021-01-20, end: 2025-01-20}
        aliases:
          President of the United States: [US President]
        """,
    )
    corpus = load_corpus([str(tmp_path / "claims")])
    assert len(corpus.files) == 1 and len(corpus.references) == 1
    assert isinstance(corpus.references[0], ReferenceFile)
    assert corpus.tenures[0].end.text == "2025-01-20"
    assert corpus.normalizer.same("the US president", "President of the United States")


def test_tenure_ending_before_it_starts(write):
    loaded = load_file(
        str(write("ref.yaml", "reference: {id: r}\ntenures:\n  - {entity: X, role: Y, start: 2020, end: 2019}\n"))
    )
    assert [(p.rule, p.line) for p in loaded.problems] == [("schema", 3)]


def test_extra_reference_paths_load_only_reference_files(write, tmp_path):
    write("claims/a.yaml", GOOD)
    write("ref/offices.yaml", "reference: {id: r}\naliases: {A: [B]}\n")
    write("ref/not-a-reference.yaml", GOOD.replace("id: a", "id: b"))
    corpus = load_corpus([str(tmp_path / "claims")], [str(tmp_path / "ref")])
    assert [f.article_id for f in corpus.files] == ["a"]
    assert len(corpus.references) == 1
    assert isinstance(corpus.files[0], ClaimFile)


def test_every_bad_tenure_of_a_reference_file_is_reported_where_it_is():
    text = (
        "reference: {id: r}\n"
        "tenures:\n"
        "  - {entity: A B, role: C, start: 20x20}\n"
        "  - {entity: A B, role: C, start: 2020, ednd: 2021}\n"
        "  - {role: C}\n"
    )
    problems = sorted((p.line, p.column, p.message) for p in load_text("r.yaml", text).problems)
    assert [(line, column) for line, column, _ in problems] == [(3, 35), (4, 41), (5, 5)]
    assert "tenures.0.start" in problems[0][2] and "ednd" in problems[1][2] and "tenures.2.entity" in problems[2][2]
