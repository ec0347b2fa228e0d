"""Statements: assertions on vague or missing sources, on made-up sentences (written for these tests).

The conventions are the real-article set's (GUIDELINES.md): vaguely or
anonymously sourced assertions and unsourced ones are statements, with the
cue in `hedge` and a `vague` (or `anonymous`) attribution where the cue names
a group; reported speech of a named person or organisation is not; ranks and
scoped superlatives are statements, not figures; vague magnitudes too; a
clause whose claim is a number or a date is the figure's or the event's.
Needs the spaCy pipeline.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("nlp")


@pytest.fixture
def statements(claims_of):
    def _statements(text: str):
        found = [c for c in claims_of(text) if c.kind == "statement"]
        for claim in found:
            assert text[claim.start:claim.end] == claim.text
        return found
    return _statements


def one(found, words):
    hits = [c for c in found if words in c.text]
    assert len(hits) == 1, f"{words!r} in {[c.text for c in found]}"
    return hits[0]


@pytest.mark.parametrize(("text", "source"), [
    ("Some economists describe the slowdown as a recession.", "Some economists"),
    ("Many said the mayor had misled voters about the cost.", "Many"),
    ("The new timetable was welcomed by analysts.", "analysts"),
    ("Several residents complained about the noise from the depot.", "Several residents"),
    ("The leak began near the pumping station, according to leaked documents.", "leaked documents"),
])
def test_a_vague_source_makes_a_statement_with_a_vague_attribution(statements, text, source):
    claim = one(statements(text), text.split()[1])
    assert claim.fields["attribution"] == {"source": source, "role": None, "type": "vague"}
    assert claim.fields["hedge"]


def test_an_unnamed_official_is_an_anonymous_source(statements):
    claim = one(statements("An official at the ministry said that the talks had stalled over fishing rights."), "stalled")
    assert claim.fields["attribution"]["type"] == "anonymous"


@pytest.mark.parametrize("text", [
    "Mayor Ann Cole said the bridge had been neglected by the previous council.",
    "According to the city council, the road will close for repairs.",
    "“The bridge has been neglected,” said Mayor Ann Cole.",
    "Mayor Ann Cole is confident that the repairs will hold.",
])
def test_reported_speech_of_a_named_source_is_not_a_statement(statements, text):
    assert statements(text) == []


@pytest.mark.parametrize(("text", "hedge"), [
    ("The bridge is expected to reopen before the holidays.", "is expected to"),
    ("The company is widely seen as a takeover target.", "is widely seen"),
    ("There is concern among parents about the new timetable.", "There is concern"),
    ("The striker had been favoured to win the award.", "had been favoured to"),
])
def test_a_hedge_without_a_source_makes_a_statement(statements, text, hedge):
    claim = one(statements(text), text.split()[1])
    assert claim.fields["hedge"] == hedge
    assert "attribution" not in claim.fields


def test_a_hedged_number_is_the_figures(statements):
    assert statements("The new tower is expected to cost $40 million.") == []


@pytest.mark.parametrize(("text", "words"), [
    ("Farmers endured the wettest summer in a century.", "the wettest summer in a century"),
    ("Sales fell for the third consecutive month.", "the third consecutive month"),
    ("Rovers are the oldest club in the league.", "the oldest club in the league"),
    ("The Harbour is the biggest earner among this year's new films.", "The biggest earner among this year's new films"),
])
def test_ranks_and_scoped_superlatives_are_statements(statements, text, words):
    assert any(words.lower() in c.text.lower() for c in statements(text))


def test_vague_magnitudes_are_statements(statements):
    assert one(statements("Donors poured millions into the campaign."), "millions")
    assert one(statements("Thousands of people marched through the old town."), "Thousands")


@pytest.mark.parametrize("text", [
    "The museum remained closed to visitors.",
    "Consumers will have fewer choices at the pump.",
])
def test_an_unsourced_assertion_in_the_articles_voice_is_a_statement(statements, text):
    claim = one(statements(text), text.split()[1])
    assert claim.fields == {}


@pytest.mark.parametrize("text", [
    "Supercomputers are important tools.",             # a general truth about a kind
    "The plan could fail without more money.",          # what could be
    "The council voted on Tuesday to close the library.",   # dated: an event
    "Police arrested 12 people near the stadium.",       # a number: a figure
    "Is the plan working?",                              # a question
    "Harbour bridge repairs approved",                   # a headline
])
def test_what_is_not_a_statement(statements, text):
    assert statements(text) == []


def test_several_statements_in_one_sentence_each_with_its_own_short_span(statements):
    found = statements("The strike was welcomed by analysts, and donors poured millions into the strike fund.")
    assert [c.text for c in found] == ["The strike was welcomed by analysts", "donors poured millions into the strike fund"]


def test_a_postposed_vague_source_covers_what_it_says(statements):
    claim = one(statements("The deal on fishing is effectively done, officials say, and talks resume soon."), "deal")
    assert claim.text == "The deal on fishing is effectively done"
    assert claim.fields["hedge"] == "officials say"


def test_a_trend_over_a_period_up_to_now_is_a_statement_a_dated_change_is_not(statements):
    assert one(statements("The gap between the two parties had narrowed in the last week."), "narrowed")
    assert one(statements("Rents have risen sharply over the past year."), "risen")
    assert statements("Rents rose sharply last week.") == []


def test_a_dateline_is_no_part_of_a_statement(claims_of):
    text = "OSLO (Reuters) - Ferry operators are widely seen as the losers of the new toll rules.\n"
    found = [c for c in claims_of(text) if c.kind == "statement"]
    assert found and all("Reuters" not in c.text for c in found)


def test_a_dateline_is_no_part_of_a_source(claims_of):
    # the archive's texts lost many apostrophes ("Australia s"); the parse then hangs the dateline on the source
    text = "MELBOURNE (Reuters) - Australia s main medical association called on Monday for 400 asylum seekers to be freed.\n"
    sources = [(c.fields.get("attribution") or {}).get("source") for c in claims_of(text) if c.fields.get("attribution")]
    assert sources and all("Reuters" not in s for s in sources)
