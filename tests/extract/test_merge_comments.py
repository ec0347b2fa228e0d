"""The merge keeps a reviewer's comments where they were when it changes fields or adds claims.

ruamel.yaml keeps the comment lines between two fields (or two claims) on the field above them,
or on the last field of a nested block such as `attribution:`. Replacing, removing or appending
that field, or inserting a claim below it, used to drop those lines or leave them above the wrong
claim (found while reviewing the repository's claims/; regression tests). No spaCy needed: these
call `merge_document` directly with the snapshot (base) and a new extraction (theirs).
"""
from __future__ import annotations

import copy
import io

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.extract.merge import merge_document
from claimcheck.extract.writer import claim_map, yaml

ARTICLE = {"id": "a", "published": "2021-12-21", "source": "a.txt"}
QUOTE = {"id": "q", "kind": "quote", "text": "loud and clear", "span": [10, 24], "quote": "loud and clear",
         "attribution": {"source": "Dmitry Peskov", "role": "spokesman", "type": "named"}}
STATEMENT = {"id": "s", "kind": "statement", "text": "it appears meant to", "span": [40, 59], "hedge": "it appears"}
FIGURE = {"id": "f", "kind": "figure", "text": "about 100,000 troops", "span": [80, 100],
          "subject": "Russia", "metric": "troops", "value": 100000, "approx": "about", "unit": "troops"}


def document(claims: list[dict], notes: dict | None = None, edit=None) -> str:
    """The claim file as extract writes it, with review notes above claims (`notes`: id -> lines)."""
    doc = CommentedMap(article=claim_map(ARTICLE), claims=CommentedSeq(claim_map(c) for c in claims))
    buf = io.StringIO()
    yaml().dump(doc, buf)
    text = buf.getvalue()
    for cid, note in (notes or {}).items():
        text = text.replace(f"  - id: {cid}\n", note + f"  - id: {cid}\n")
    return edit(text) if edit else text


def merge(text: str, base: list[dict], theirs: list[dict]) -> str:
    y = yaml()
    doc = y.load(text)
    snapshot = {"article": ARTICLE, "claims": {c["id"]: c for c in base}}
    merge_document(doc, dict(ARTICLE), [copy.deepcopy(c) for c in theirs], snapshot)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


NOTE_S = "  # review: the hedge is the article's\n"
NOTE_F = "  # review: unsourced troop figure\n"


def test_unchanged_extraction_leaves_the_file_as_it_was():
    text = document([QUOTE, STATEMENT, FIGURE], {"s": NOTE_S, "f": NOTE_F})
    assert merge(text, [QUOTE, STATEMENT, FIGURE], [QUOTE, STATEMENT, FIGURE]) == text


def test_nested_last_field_updated_keeps_the_note_on_the_next_claim():
    old = copy.deepcopy(QUOTE)
    old["attribution"]["role"] = "old role"
    out = merge(document([old, STATEMENT], {"s": NOTE_S}), [old, STATEMENT], [QUOTE, STATEMENT])
    assert "role: spokesman" in out
    assert "      type: named\n" + NOTE_S + "  - id: s\n" in out


def test_last_field_dropped_by_extract_keeps_the_note_on_the_next_claim():
    old = dict(STATEMENT, attribution={"source": "X", "role": None, "type": "named"})
    out = merge(document([old, FIGURE], {"f": NOTE_F}), [old, FIGURE], [STATEMENT, FIGURE])
    assert "source: X" not in out
    assert "    hedge: it appears\n" + NOTE_F + "  - id: f\n" in out


def test_field_appended_after_a_commented_last_field():
    old = {k: v for k, v in STATEMENT.items() if k != "hedge"}
    text = document([old, FIGURE], {"f": NOTE_F},
                    edit=lambda t: t.replace("span: [40, 59]\n", "span: [40, 59]  # checked\n"))
    out = merge(text, [old, FIGURE], [STATEMENT, FIGURE])      # extract now finds the hedge
    assert "span: [40, 59]  # checked\n    hedge: it appears\n" + NOTE_F + "  - id: f\n" in out


def test_new_claim_inserted_below_a_note_leaves_the_note_on_its_claim():
    out = merge(document([QUOTE, FIGURE], {"f": NOTE_F}), [QUOTE, FIGURE], [QUOTE, STATEMENT, FIGURE])
    assert out.index("  - id: s\n") < out.index(NOTE_F) < out.index("  - id: f\n")
    assert NOTE_F + "  - id: f\n" in out


def test_comment_between_fields_survives_when_the_field_above_changes():
    old = copy.deepcopy(QUOTE)
    old["attribution"]["role"] = "old role"
    old["said_on"] = "2022-01-27"
    note = "    # review: said at Thursday's news conference\n"
    text = document([old], edit=lambda t: t.replace("    said_on:", note + "    said_on:"))
    out = merge(text, [old], [dict(QUOTE, said_on="2022-01-27")])
    assert "role: spokesman" in out
    assert note + "    said_on:" in out


def test_end_of_line_comment_on_a_dropped_field_is_kept():
    old = dict(STATEMENT, note="x")
    text = document([old, FIGURE], {"f": NOTE_F}, edit=lambda t: t.replace("    note: x\n", "    note: x  # why x\n"))
    out = merge(text, [old, FIGURE], [STATEMENT, FIGURE])
    assert "note: x" not in out
    assert "# why x" in out
    assert NOTE_F + "  - id: f\n" in out
