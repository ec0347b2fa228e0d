"""Re-extraction after an extractor improvement changes a claim's id.

Ids are built from what a claim says, so an improvement that changes a value
("late last week" narrowed to Thursday-Sunday, two figures merged into one
range) changes the id. The merge must treat the new claim as the old one re-read
(same kind, overlapping span) so that the reviewer's edit or deletion applies to
it, and must not insert a claim where the reviewer has already added one. No spaCy.
"""
from __future__ import annotations

import copy
import io

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.extract.merge import merge_document
from claimcheck.extract.writer import claim_map, yaml

ARTICLE = {"id": "a", "published": "2021-12-21", "source": "a.txt"}
EVENT = {"id": "event-2021-12-13-demands", "kind": "event", "text": "published demands late last week",
         "span": [100, 132], "subject": "demands", "date": {"start": "2021-12-13", "end": "2021-12-19"}}
LOW = {"id": "figure-310-miles", "kind": "figure", "text": "310 miles", "span": [200, 209],
       "subject": "s", "metric": "distance", "value": 310, "unit": "miles"}
HIGH = {"id": "figure-3417-miles", "kind": "figure", "text": "3,417 miles", "span": [213, 224],
        "subject": "s", "metric": "distance", "value": 3417, "unit": "miles"}


def load(claims: list[dict]):
    return CommentedMap(article=claim_map(ARTICLE), claims=CommentedSeq(claim_map(c) for c in claims))


def merge(doc, base: list[dict], theirs: list[dict]):
    snapshot = {"article": ARTICLE, "claims": {c["id"]: c for c in base}}
    theirs = [copy.deepcopy(c) for c in theirs]
    stats = merge_document(doc, dict(ARTICLE), theirs, snapshot)
    buf = io.StringIO()
    yaml().dump(doc, buf)
    return yaml().load(buf.getvalue()), theirs, stats


def test_an_improved_value_with_a_new_id_keeps_the_reviewers_edit():
    edited = dict(EVENT, subject="Russia's draft treaty published", date={"start": "2021-12-16", "end": "2021-12-19"})
    narrowed = dict(EVENT, id="event-2021-12-16-demands", date={"start": "2021-12-16", "end": "2021-12-19"})
    out, theirs, _ = merge(load([edited]), [EVENT], [narrowed])
    assert [c["id"] for c in out["claims"]] == [EVENT["id"]]           # no duplicate
    assert out["claims"][0]["subject"] == "Russia's draft treaty published"
    assert theirs[0]["id"] == EVENT["id"]                              # the snapshot keeps the old id


def test_an_improved_value_flows_into_an_untouched_claim():
    narrowed = dict(EVENT, id="event-2021-12-16-demands", date={"start": "2021-12-16", "end": "2021-12-19"})
    out, _, _ = merge(load([EVENT]), [EVENT], [narrowed])
    assert [c["id"] for c in out["claims"]] == [EVENT["id"]]
    assert out["claims"][0]["date"] == {"start": "2021-12-16", "end": "2021-12-19"}


def test_a_range_replacing_two_figures_the_reviewer_already_merged_is_not_added_again():
    reviewed = dict(LOW, text="310 miles to 3,417 miles", span=[200, 224], value=[310, 3417])
    merged = {"id": "figure-310-miles-3417-miles", "kind": "figure", "text": "310 miles to 3,417 miles",
              "span": [200, 224], "subject": "s", "metric": "distance", "value": [310, 3417], "unit": "miles"}
    out, _, _ = merge(load([reviewed]), [LOW, HIGH], [merged])         # reviewer deleted HIGH, edited LOW
    assert [c["id"] for c in out["claims"]] == [LOW["id"]]
    assert out["claims"][0]["value"] == [310, 3417]


def test_a_new_claim_where_the_reviewer_added_one_is_not_inserted():
    added = {"id": "ushakov-aide", "kind": "role", "text": "Putin's aide, Yuri Ushakov", "span": [300, 326],
             "entity": "Yuri Ushakov", "role": "aide to the President of Russia"}
    found = {"id": "role-yuri-ushakov-aide-putin", "kind": "role", "text": "Putin's aide, Yuri Ushakov",
             "span": [300, 326], "entity": "Yuri Ushakov", "role": "aide to Putin"}
    other = dict(found, id="role-anna-berg-aide", entity="Anna Berg")
    out, _, _ = merge(load([EVENT, added]), [EVENT], [EVENT, found, other])
    assert [c["id"] for c in out["claims"]] == [EVENT["id"], "ushakov-aide", "role-anna-berg-aide"]


def test_new_claims_elsewhere_are_still_inserted():
    new = dict(HIGH, id="figure-99-new", span=[400, 410], text="99 things", value=99)
    out, _, stats = merge(load([EVENT]), [EVENT], [EVENT, new])
    assert [c["id"] for c in out["claims"]] == [EVENT["id"], "figure-99-new"]
    assert stats["added"] == 1
