"""General English rules of extraction, each on short made-up sentences.

Found while reviewing the seed articles (docs/review.md, "What extraction
got right and wrong"); the sentences here are written for the tests, not
taken from the articles. Needs the spaCy pipeline.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("nlp")

FRIDAY = dt.date(2024, 5, 10)


@pytest.fixture
def extract(claims_of):
    def _extract(text: str, published: dt.date = FRIDAY):
        return claims_of(text, published)
    return _extract


def of_kind(claims, kind):
    return [c for c in claims if c.kind == kind]


def speaker(claims, words):
    quote = next(c for c in claims if c.kind == "quote" and words in c.text)
    att = quote.fields.get("attribution")
    return att["source"] if att else None


# --- 1. speech acts are events too, and the quote's said_on ----------------------------------

def test_dated_verb_of_saying_with_a_quote_is_an_event_and_said_on(extract):
    claims = extract("“We will not back down,” Governor Ana Ruiz said Wednesday.")
    event = of_kind(claims, "event")[0]
    assert event.fields["date"] == "2024-05-08"
    assert "back down" in event.fields["subject"]                     # what was said tells two sayings apart
    assert of_kind(claims, "quote")[0].fields["said_on"] == "2024-05-08"


def test_dated_verb_of_saying_with_reported_speech_is_an_event(extract):
    claims = extract("A senior official suggested Monday that talks could resume next week.")
    events = {str(c.fields["date"]): c for c in of_kind(claims, "event")}
    assert "talks could resume" in events["2024-05-06"].fields["subject"]       # the suggestion
    talks = events[str({"start": "2024-05-13", "end": "2024-05-19"})]           # the talks (next week)
    assert talks.fields["tense"] == "future"


def test_question_split_from_its_reporting_clause(extract):
    claims = extract("“Will the plan work?” Senator Mark Hale asked Treasury Secretary Lena Ortiz on Monday.")
    assert speaker(claims, "plan work") == "Mark Hale"               # not Lena Ortiz
    assert [c.fields["date"] for c in of_kind(claims, "event")] == ["2024-05-06"]   # the asking


def test_real_dated_happenings_stay_events(extract):
    claims = extract("The council approved the plan on Tuesday. On the morning of March 3, the minister "
                     "publicly announced the reasons for the decision.")
    dates = [c.fields["date"] for c in of_kind(claims, "event")]
    assert "2024-05-07" in dates                                      # approved
    assert "2024-03-03" in dates                                      # announced the reasons (no reported speech)


def test_opening_time_adverbial_dates_the_reported_happening(extract):
    claims = extract("Last week, the agency reported two men were hurt when a shell exploded.")
    event = of_kind(claims, "event")[0]
    assert event.fields["date"] == {"start": "2024-04-29", "end": "2024-05-05"}
    assert "hurt" in event.text


# --- 2. years used as names -------------------------------------------------------------------

def test_fiscal_years_and_named_budgets_are_not_event_dates(extract):
    claims = extract("The city will spend $5 million in fiscal 2025 under the 2024 budget. Congress passed "
                     "the National Defense Authorization Act for fiscal 2023 last week.")
    dates = [c.fields["date"] for c in of_kind(claims, "event")]
    assert dates == [{"start": "2024-04-29", "end": "2024-05-05"}]   # only "last week"
    assert [c.fields["value"] for c in of_kind(claims, "figure")] == [5_000_000]


def test_years_of_happenings_stay_events(extract):
    claims = extract("Russia's 2014 invasion worried them. The 2001 census counted them.")
    assert {c.fields["date"] for c in of_kind(claims, "event")} == {"2014", "2001"}


# --- 3. ranges --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value,unit", [
    ("The missiles have ranges between 500 and 5,500 kilometers.", [500, 5500], "km"),
    ("The treaty covered rockets with ranges between 300 miles to 3,400 miles.", [300, 3400], "miles"),
    ("The rockets can fly 310 to 3,417 miles.", [310, 3417], "miles"),
    ("Tariffs ranged from 5 to 10 percent this year.", [5, 10], "percent"),
    ("Fares went up 5-10 percent.", [5, 10], "percent"),
    ("The repairs took two or three days.", [2, 3], "days"),
    ("The fund will cost $5 million to $8 million.", [5_000_000, 8_000_000], "USD"),
    ("Between 2 and 3 million people fled.", [2_000_000, 3_000_000], None),
])
def test_a_range_is_one_figure(extract, text, value, unit):
    figures = of_kind(extract(text), "figure")
    assert len(figures) == 1, [f.text for f in figures]
    assert figures[0].fields["value"] == value
    if unit:
        assert figures[0].fields["unit"] == unit


def test_a_change_from_one_value_to_another_is_not_a_range(extract):
    figures = of_kind(extract("Prices rose from 5 to 10 percent this year."), "figure")
    assert [f.fields["value"] for f in figures] == [5, 10]


# --- 4. numbers that quantify nothing ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It takes two to tango, the minister said.",
    "Talks between the two parties stalled this spring.",
    "Both sides blamed one of the mediators, and two sides walked out.",
    "The three leaders met in Rome.",
])
def test_idioms_and_references_are_not_figures(extract, text):
    assert of_kind(extract(text), "figure") == []


def test_counts_that_matter_stay_figures(extract):
    claims = extract("Two children were killed and five people were injured. He faces five years in prison. "
                     "The two soldiers killed on Monday were buried. Three of the suspects were arrested. "
                     "Nine ships sailed.")
    assert [c.fields["value"] for c in of_kind(claims, "figure")] == [2, 5, 5, 2, 3, 9]


# --- 5. who said the quoted words -------------------------------------------------------------

def test_words_in_someones_claim_are_the_claimants(extract):
    claims = extract("The Pentagon rejected Admiral Ivan Petrov's claim that American engineers were hiding "
                     "“secret laboratories” in the region.")
    assert speaker(claims, "secret laboratories") == "Ivan Petrov"


def test_words_in_a_rejected_claim_are_not_the_rejecters(extract):
    claims = extract("Spokesman Ben Cole dismissed General Ivan Petrov's assertion that the drones carried "
                     "“chemical payloads.”")
    assert speaker(claims, "chemical payloads") == "Ivan Petrov"


def test_words_in_an_unowned_claim_are_nobodys(extract):
    claims = extract("Spokesman Ben Cole dismissed the suggestion that the drones carried “chemical payloads.”")
    assert speaker(claims, "chemical payloads") is None


def test_an_unowned_claim_takes_up_an_earlier_claim_with_the_same_content(extract):
    claims = extract("General Ivan Petrov claimed that foreign engineers were hiding weapons near the border. "
                     "The suggestion that foreign engineers were hiding “dirty bombs” near the border drew "
                     "a sharp reply from the ministry.")
    assert speaker(claims, "dirty bombs") == "Ivan Petrov"


def test_threats_issued_by_someone_are_theirs(extract):
    claims = extract("President Ana Lopez, who issued fresh warnings against “reckless adventures” by her "
                     "neighbours, spoke in Lima.")
    assert speaker(claims, "reckless adventures") == "Ana Lopez"


def test_a_quote_with_no_verb_goes_to_the_main_subject_not_a_name_in_a_clause(extract):
    claims = extract("Foreign Minister Karl Weber, in a televised address, appeared to rule out the idea that "
                     "Chancellor Otto Brandt and President Ana Lopez would meet soon.\n"
                     "“I think we need to see real progress first,” before the leaders meet.\n")
    assert speaker(claims, "real progress") == "Karl Weber"


def test_said_on_is_the_date_of_the_saying_not_of_another_happening(extract):
    claims = extract("Senator Mark Hale, who has opposed the deal since its signing on March 3, called it "
                     "“a disgrace.”")
    assert "said_on" not in of_kind(claims, "quote")[0].fields
    claims = extract("Mark Hale spoke at a news conference with farmers on Thursday, saying the deal was "
                     "“a disgrace.”")
    assert of_kind(claims, "quote")[0].fields["said_on"] == "2024-05-09"


# --- 6. roles ---------------------------------------------------------------------------------

def test_a_plural_title_before_a_list_of_names_gives_each_a_role(extract):
    claims = extract("The mayor greeted members of the trade mission, Anna Berg and Tom Hale, in Oslo.")
    roles = {c.fields["entity"]: c.fields["role"] for c in of_kind(claims, "role")}
    assert roles == {"Anna Berg": "member of the trade mission", "Tom Hale": "member of the trade mission"}


def test_a_persons_aide_is_aide_to_that_person(extract):
    claims = extract("President Ana Lopez met the press. Lopez's aide, Mark Stone, said the talks were useful.")
    roles = {c.fields["entity"]: c.fields["role"] for c in of_kind(claims, "role")}
    assert roles["Mark Stone"] == "aide to Lopez"


def test_a_title_does_not_reach_over_another_persons_name(extract):
    claims = extract("Foreign Minister Karl Weber rejected the idea that Chancellor Otto Brandt and "
                     "President Ana Lopez would meet soon.")
    roles = {c.fields["entity"]: c.fields["role"] for c in of_kind(claims, "role")}
    assert roles["Ana Lopez"] == "President"


def test_a_title_of_someone_a_removal_was_done_to_is_former(extract):
    claims = extract("The protests followed the 2019 uprising toppling Prime Minister Lars Dahl. "
                     "Governor Ines Kaur was impeached last year. Mayor Tom Hale opened the bridge.")
    status = {c.fields["entity"]: c.fields.get("status", "current") for c in of_kind(claims, "role")}
    assert status == {"Lars Dahl": "former", "Ines Kaur": "former", "Tom Hale": "current"}


def test_a_tally_is_not_a_range(extract):
    figures = of_kind(extract("The Senate voted 52 to 48 to approve the bill."), "figure")
    assert all(not isinstance(f.fields["value"], list) for f in figures)


# --- figures are dated by their own clause, never by their own number -------------------------

def test_a_figure_takes_the_date_of_its_clause(extract):
    claims = extract("The survey questioned 1500 voters in March.")
    figure = next(c for c in of_kind(claims, "figure") if c.fields["value"] == 1500)
    assert figure.fields.get("as_of") == "2024-03"


def test_a_fiscal_year_does_not_date_a_figure(extract):
    claims = extract("The council approved $40 million for fiscal 2025.")
    figure = next(c for c in of_kind(claims, "figure") if c.fields["value"] == 40_000_000)
    assert "as_of" not in figure.fields


# --- a surname shared by two people -------------------------------------------------------------

def test_a_shared_surname_resolves_to_the_first_named_never_by_chance(nlp):
    from claimcheck.extract.context import ArticleContext
    from claimcheck.extract.meta import ArticleText

    text = "Randall Ferrara, a retired pastor, came to listen. Shirley Ferrara, his wife, agreed."
    ctx = ArticleContext.build(ArticleText(Path("t.txt"), text, 0, {"id": "t"}), nlp(text))
    assert ctx.full_name("Ferrara") == "Randall Ferrara"      # not the set order of the names


def test_names_are_compared_as_name_keys_word_by_word(nlp):
    from claimcheck.extract.context import ArticleContext, word_keys
    from claimcheck.extract.meta import ArticleText

    assert word_keys("& Kim Jong Un") == ["kim", "jong", "un"]
    assert word_keys("Nkosazana Dlamini-Zuma") == ["nkosazana", "dlamini zuma"]
    text = ("Mayor Bill de Blasio spoke. Nkosazana Dlamini-Zuma and Jacob Zuma met. "
            "De Blasio said the budget was fair. President Zuma agreed.")
    ctx = ArticleContext.build(ArticleText(Path("t.txt"), text, 0, {"id": "t"}), nlp(text))
    assert ctx.full_name("De Blasio") == "Bill de Blasio"     # case aside
    assert ctx.full_name("Zuma") == "Jacob Zuma"              # a double surname stays one word
    assert ctx.is_known_surname("Blasio") and not ctx.is_known_surname("Bill")
