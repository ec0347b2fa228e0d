"""scripts/e2e_stories.py: its machinery on small made-up articles, so a regression in the
end-to-end measurement is caught (the archive itself is not needed; the run through extract and
check is skipped when spaCy or an English pipeline is not installed)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys

import pytest

from .conftest import REPO

_SPEC = importlib.util.spec_from_file_location("e2e_stories", REPO / "scripts" / "e2e_stories.py")
e2e = importlib.util.module_from_spec(_SPEC)
sys.modules["e2e_stories"] = e2e  # check workers (fork or spawn) find the module by this name
_SPEC.loader.exec_module(e2e)

D = dt.date
# Made-up news about a made-up town; the office holders are real (the title edits need tenures).
A_TEXT = (
    "RIVERTON (Reuters) - A bridge collapse in Riverton killed at least 31 people on Monday, Governor Ellen Marsh of "
    "Alder County said. Rescue teams from Lakeside and Port Alder searched the Riverton gorge for survivors. "
    "U.S. Secretary of State Rex Tillerson said the United States would send $20 million in aid to Alder County. "
    "“We stand with the people of Riverton in this terrible hour,” Tillerson said. The Riverton bridge was built in "
    "1962 and carried about 12,000 vehicles a day, according to the Alder County roads office. "
    "President Donald Trump offered federal help to the Alder County authorities."
)
B_TEXT = (
    "RIVERTON (Reuters) - Engineers in Riverton began inspecting the remains of the collapsed bridge, Governor Ellen "
    "Marsh of Alder County said on Thursday. The collapse killed at least 31 people, according to the Alder County "
    "roads office. Rescue teams from Lakeside and Port Alder ended the search in the Riverton gorge. "
    "“The bridge had passed its last inspection,” Marsh told reporters in Port Alder. "
    "President Donald Trump said he would visit Riverton and Lakeside."
)
C_TEXT = (
    "TOKYO (Reuters) - Japanese Prime Minister Shinzo Abe said on Wednesday that exports rose 3.5 percent in the "
    "quarter. “Our economy is on the right track for the first time in years,” Abe told parliament. "
    "Economists polled by a Tokyo bank had expected growth of about 2 percent."
)


def _articles():
    return [
        e2e.Article("syn-a", "Bridge collapse kills 31 in Riverton", D(2017, 9, 11), A_TEXT),
        e2e.Article("syn-b", "Riverton bridge inspection begins", D(2017, 9, 14), B_TEXT),
        e2e.Article("syn-c", "Japan exports rise", D(2017, 9, 13), C_TEXT),
    ]


# ---------------------------------------------------------------- text patterns (no spaCy)


def test_a_toll_is_found_and_lowered_below_every_reading_of_it():
    text = "A bridge collapse killed at least 31 people on Monday."
    (spot,) = e2e.find_tolls(text)
    assert (spot.number.value, spot.hedge, spot.key) == (31, "at least", "killed")
    number, value, drop = e2e.lowered(spot)
    start, end, new = e2e.edit_for(spot, text, number, drop)
    assert text[:start] + new + text[end:] == "A bridge collapse killed 15 people on Monday."
    assert value == 15
    # an upper bound is not contradicted by a lower number; increments and percentages are no totals
    assert [e2e.lowered(s) for s in e2e.find_tolls("Up to 40 people were killed.")] == [None]
    assert e2e.find_tolls("Another 11 more were killed. In 85 percent of cases arrested.") == []


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("It sent $20 million in aid.", "It sent $60 million in aid."),
        ("It sent more than $300 million in aid.", "It sent $100 million in aid."),
        ("Turnout was up to 5 percent.", "Turnout was 15 percent."),
        ("Turnout was about 60 percent.", "Turnout was 20 percent."),  # x3 would pass 100
        ("More than 300 troops arrived.", "100 troops arrived."),
    ],
)
def test_a_same_day_figure_gets_a_value_that_cannot_overlap(text, after):
    (spot,) = e2e.find_figures(text)
    number, _value, drop = e2e.incompatible(spot)
    start, end, new = e2e.edit_for(spot, text, number, drop)
    assert text[:start] + new + text[end:] == after


def test_years_and_ranges_are_not_figures():
    assert e2e.find_figures("In 2016 between 5 and 10 percent voted; 1,000 to 2,000 people came.") == []


def test_numbers_that_state_no_quantity_of_their_own_are_not_figures():
    text = ("Twenty-five people drowned, officials said. The plan cuts taxes by 40 billion euros ($47 billion). "
            "($1 = 112.50 yen) The fund holds $3 billion.")
    found = [text[s.num_start:s.num_end] for s in e2e.find_figures(text)]
    assert found == ["40", "3"]  # not "five" of "Twenty-five", not the conversion, not the exchange rate


def test_quotes_need_a_named_speaker_and_get_the_full_name():
    (quote,) = e2e.find_quotes(A_TEXT)
    assert quote.speaker == "Rex Tillerson"
    assert A_TEXT[quote.start:quote.q_end].startswith("“We stand") and A_TEXT[quote.q_end - 1] == "”"
    assert e2e.find_quotes("“We will not accept this deal at all,” Schumer and Pelosi said.") == []
    assert e2e.find_quotes("“We will not accept this deal at all,” he said.") == []


def test_titles_are_a_title_of_the_office_before_a_holder():
    spots = e2e.find_titles("Former President Barack Obama met Vice President Joe Biden and Secretary of State John Kerry.", None)
    assert [(s.person, s.office.name, s.former) for s in spots] == [
        ("Barack Obama", "President of the United States", True),
        ("Joe Biden", "Vice President of the United States", False),  # not the presidency, which he also held
        ("John Kerry", "US Secretary of State", False),
    ]
    obama = e2e.OFFICES[0]
    assert e2e.holds(obama, "Barack Obama", D(2016, 5, 1)) and e2e.left_before(obama, "Barack Obama", D(2017, 5, 1))
    assert not e2e.holds(obama, "Barack Obama", D(2017, 1, 20))  # handover day: either may be right


def test_a_rewritten_copy_keeps_every_sentence_and_the_lede():
    text = ("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday. Lawmakers from both parties backed the measure "
            "in a late vote. However, the House has not scheduled a debate on the plan. Budget officials put the cost at "
            "$4 billion over a decade. “This is a good day,” Senator Jane Roe said on Monday.")
    copy = e2e.rewrite(text)
    assert copy.startswith("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday.")
    assert "However" not in copy and "The House has not scheduled" in copy and "said Monday" in copy
    norm = lambda t: sorted(t.replace("However, the", "The").replace("said on Monday", "said Monday").split(". "))
    assert norm(copy) == norm(text) and copy != text.replace("However, the", "The").replace("said on Monday", "said Monday")


def test_a_copy_is_dated_later_only_when_no_relative_date_would_move():
    monday = D(2017, 9, 11)
    tuesday = monday + dt.timedelta(days=1)
    assert e2e.shift_safe("The vote was on Monday.", monday, tuesday)
    assert not e2e.shift_safe("The vote is on Tuesday.", monday, tuesday)  # from Tuesday's paper, that is the same day
    assert not e2e.shift_safe("He spoke last Monday.", monday, tuesday)  # a week ago, or yesterday
    assert not e2e.shift_safe("Results are due today.", monday, tuesday)
    assert not e2e.shift_safe("It rose last week.", D(2017, 9, 17), D(2017, 9, 18))  # Sunday -> Monday: another week
    assert e2e.shift_safe("It rose last week.", monday, tuesday)


def test_stories_group_articles_on_the_same_story_only():
    (story,) = e2e.group_stories(_articles())
    assert [a.id for a in story] == ["syn-a", "syn-b"]


def test_the_plan_has_every_kind_and_edits_land_where_recorded():
    plan = e2e.plan_stories(_articles())
    assert [(s.id, s.type) for s in plan.stories] == [("n01", "natural"), ("c001", "copy"), ("c002", "copy"), ("c003", "copy")]
    kinds = {(i.kind, i.story_type) for i in plan.injections}
    assert {"falling-toll", "same-day-figure", "quote-moved", "title-not-held"} <= {k for k, _t in kinds}
    assert ("falling-toll", "natural") in kinds  # the restatement of "at least 31" in the later article
    assert ("quote-moved", "natural") in kinds and {i.method for i in plan.injections} <= set(e2e.METHODS)
    for inj in plan.injections:
        edited = plan.articles[inj.article].text
        assert edited[inj.span[0]:inj.span[1]] == inj.after, inj.id
        base = plan.articles[inj.base].text
        start, old, new = inj.edit
        assert base[:start] + edited[start:start + new] + base[start + old:] == edited
        assert inj.article in plan.runs[inj.run].articles and inj.base in plan.runs[inj.clean_run].articles
        assert set(plan.runs[inj.run].articles) - {inj.article} == set(plan.runs[inj.clean_run].articles) - {inj.base}


# ---------------------------------------------------------------- scoring (no spaCy)


def _scored(clean_findings, variant_findings, edit=(10, 5, 2)):
    plan = e2e.Plan()
    plan.add(e2e.Article("a", "", D(2017, 1, 1), "x" * 60))
    plan.add(e2e.Article("a.t", "", D(2017, 1, 1), "x" * 57, origin="a"))
    plan.runs["clean"] = e2e.Run("clean", ["a"], "s", "copy", True, "story")
    plan.runs["var"] = e2e.Run("var", ["a.t"], "s", "copy", False, "variant")
    inj = e2e.Injection("s-toll", "s", "copy", "falling-toll", "", "a.t", "a", (10, 14), edit, "", "", "a", (40, 50),
                        {"value": 1, "old_value": 2, "key": "killed"}, "var", "clean")
    plan.injections.append(inj)
    claims = {
        "a": {"f1": {"id": "f1", "kind": "figure", "span": [10, 17]}, "f2": {"id": "f2", "kind": "figure", "span": [30, 40]},
              "e1": {"id": "e1", "kind": "event", "span": [0, 25]}},
        "a.t": {"f1b": {"id": "f1b", "kind": "figure", "span": [10, 14]}, "f2": {"id": "f2", "kind": "figure", "span": [27, 37]},
                "e1b": {"id": "e1b", "kind": "event", "span": [0, 22]}},
    }
    findings = {"clean": {"findings": clean_findings}, "var": {"findings": variant_findings}}
    e2e.Scorer(plan, claims, findings, []).score()
    return inj


def _finding(rule, article, claim, *related):
    return {"rule": rule, "article": article, "claim": claim, "message": "", "related": [{"article": a, "claim": c} for a, c in related]}


def test_a_new_conflict_on_the_injected_span_is_a_detection():
    inj = _scored([], [_finding("numeric-conflict", "a.t", "f2", ("a.t", "f1b"))])
    assert inj.detected and inj.rules == ["numeric-conflict"]


def test_a_finding_the_clean_run_has_too_is_no_detection_even_with_new_ids_and_shifted_spans():
    # the event around the edited number changed its id and its end moved: still the same claim
    inj = _scored([_finding("date-conflict", "a", "e1", ("a", "f2"))], [_finding("date-conflict", "a.t", "e1b", ("a.t", "f2"))])
    assert not inj.detected and inj.reason


def test_a_conflict_away_from_the_span_or_a_warning_is_no_detection():
    inj = _scored([], [_finding("numeric-conflict", "a.t", "f2"), _finding("unattributed", "a.t", "f1b")])
    assert not inj.detected


# ---------------------------------------------------------------- extract + check on the made-up articles


def _extraction_available() -> bool:
    try:
        from claimcheck.extract.nlp import ModelNotFound, model_name

        model_name()
    except (ImportError, ModelNotFound):
        return False
    return True


@pytest.mark.skipif(not _extraction_available(), reason="spaCy or an English pipeline is not installed")
def test_the_whole_measurement_runs_on_made_up_articles(tmp_path):
    plan, falses, info = e2e.measure(_articles(), tmp_path, jobs=1, progress=lambda _m: None)
    assert info["runs"] == len(plan.runs) and all((tmp_path / "findings" / f"{r}.json").is_file() for r in plan.runs)
    for inj in plan.injections:
        assert isinstance(inj.detected, bool)
        assert inj.detected == bool(inj.rules) and (inj.detected or inj.reason), inj.id
    reference = (tmp_path / "reference" / "offices.yaml").read_text(encoding="utf-8")
    assert "Rex Tillerson" in reference and "Shinzo Abe" in reference
    report = e2e.markdown(plan, falses, info)
    assert "| kind | stories | injected | detected | rate |" in report and "| **all** | all |" in report
    data = json.loads(json.dumps(e2e.to_json(plan, falses, info), default=str))
    assert {row["kind"] for row in data["summary"]["rows"]} == {*e2e.KINDS, "all"}
    assert all(f["rule"] in e2e.CONFLICT_RULES for f in data["false_findings"])
