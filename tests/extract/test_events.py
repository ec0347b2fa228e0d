"""Events: what a date dates, what it does not, and the future.

Error classes found on real news (speech acts, periods a figure covers,
lists of dates, future months and weekdays, clock times); every sentence
here is made up for the tests. Needs the spaCy pipeline.
"""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.dates import find_dates

pytestmark = pytest.mark.usefixtures("nlp")

FRIDAY = dt.date(2024, 5, 10)


@pytest.fixture
def events(claims_of):
    def _events(text: str, published: dt.date = FRIDAY):
        return [c for c in claims_of(text, published) if c.kind == "event"]
    return _events


def dates(found):
    return [c.fields["date"] for c in found]


# --- speech acts and announcements ------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("The harbour authority told reporters on Tuesday that the pier would reopen.", "2024-05-07"),
    ("In a televised address late on Monday, the premier said the curfew was over.", "2024-05-06"),
    ("On Wednesday, the appeals court said the fine was lawful.", "2024-05-08"),
    ("The ministry announced on Thursday that bus fares would rise.", "2024-05-09"),
])
def test_a_dated_speech_act_is_an_event(events, text, date):
    assert date in dates(events(text))


def test_two_sayings_of_one_speaker_are_two_subjects(events):
    found = events("Mayor Lena Ortiz said on Monday that the bridge was safe. "
                   "Ortiz said on Wednesday that the tunnel would close.")
    subjects = {c.fields["date"]: c.fields["subject"] for c in found}
    assert subjects["2024-05-06"] != subjects["2024-05-08"]
    assert "bridge" in subjects["2024-05-06"] and "tunnel" in subjects["2024-05-08"]


# --- lists of dates ---------------------------------------------------------------------------

def test_a_list_of_months_is_one_event_each(events):
    found = events("The choir toured in February, March and April.")
    assert dates(found) == ["2024-02", "2024-03", "2024-04"]
    assert len({c.fields["subject"] for c in found}) == 3          # three tours, not one with three dates


def test_a_list_of_years_is_two_events_and_a_span_is_one(events):
    assert dates(events("She ran for the council in 2014 and 2018.")) == ["2014", "2018"]
    assert dates(events("The mill was closed between 2014 and 2018.")) == [{"start": "2014", "end": "2018"}]


def test_adjacent_decades_make_one_span():
    (d,) = find_dates("as in the 1970s and the early 1980s")
    assert d.resolve(FRIDAY) == {"start": "1970", "end": "1984"}
    assert len(find_dates("in the 1960s and 1990s")) == 2


# --- not events -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Exports grew by 4.2% in 2023, the agency said.",
    "Rents rose 6 percent in the first nine months of 2023.",
    "Output fell 1.1% in the three months to 30 June.",
    "Ticket sales were up 9 percent in 2022.",
    "Turnover climbed to $48 million from $41 million in 2022.",
    "Membership rose to 9,500, up about 700 from 2022.",
    "The queue shrank to 4,210 people, down from 4,655 last month.",
    "The rise compared with 3% in 2021.",
    "Prices rose 12 percent compared with 2021.",
    "The cheese makers blamed weak sales in January.",
    "Figures to the end of March showed a fall since February.",
    "It was the wettest year since 1998.",
    "Average 2025 enrolment of 3,100 pupils is expected.",
    "This year's winners were thrilled.",
    "Fishermen are facing tougher conditions this year.",
    "In 2025, in four towns there will be only one bank.",
    "The 2.6% recorded in 2019 was the low point.",
])
def test_periods_of_figures_trends_and_labels_are_not_events(events, text):
    assert events(text) == []


def test_a_happening_with_a_number_stays_an_event(events):
    assert dates(events("A landslide buried 14 houses in 2019.")) == ["2019"]
    assert dates(events("The glider reached a height of 9,000 metres in April.")) == ["2024-04"]


def test_the_present_century_dates_nothing_but_a_past_one_does(events):
    assert events("Water is the great challenge of the 21st century.") == []
    assert dates(events("The abbey was built in the 12th century.")) == [{"start": "1101", "end": "1200"}]


def test_a_verbless_heading_is_no_event_but_a_caption_is(events):
    assert events("Budget 2024\n\nThe council met on Tuesday.\n") != []
    assert all(c.fields["date"] != "2024" for c in events("Budget 2024\n\nThe council met on Tuesday.\n"))
    assert dates(events("The old harbour on May 2, 2021.\n")) == ["2021-05-02"]


def test_clock_times_are_not_years(events):
    assert events("Trading resumed at 1430 GMT.") == []
    assert events("The vote closed at 2000 EDT on the island.") == []


def test_the_last_week_is_a_span_back_from_now_not_a_calendar_week(events):
    assert events("Support for the plan has grown in the last week.") == []
    assert dates(events("The plan was unveiled last week.")) == [{"start": "2024-04-29", "end": "2024-05-05"}]


def test_since_on_a_description_of_many_happenings_is_no_event(events):
    assert events("Neighbours want the removal of fences built since 2011.") == []
    assert dates(events("The club has held the cup since June 2019.")) == ["2019-06"]


# --- future -----------------------------------------------------------------------------------

def test_a_later_month_in_a_planned_happening_resolves_forward(events):
    (e,) = events("Another increase in fares is expected in October.", dt.date(2024, 3, 4))
    assert e.fields["date"] == "2024-10"
    assert e.fields["tense"] == "future"


def test_a_trip_a_present_tense_verb_takes_is_planned(events):
    (ahead,) = events("Aides are finalising the agenda before she departs on a visit to Kenya on May 14.")
    assert (ahead.fields["date"], ahead.fields.get("tense")) == ("2024-05-14", "future")
    (done,) = events("Aides said the visit to Kenya on May 3 was a success.")
    assert (done.fields["date"], done.fields.get("tense", "past")) == ("2024-05-03", "past")


def test_forecast_weekday_resolves_forward(events):
    (e,) = events("Forecasters expect heavy rain on Thursday.")
    assert e.fields["date"] == "2024-05-16"
    assert e.fields["tense"] == "future"


def test_present_tense_happening_on_a_weekday_is_ahead(events):
    (e,) = events("The new ferry service starts on Tuesday.")
    assert e.fields["date"] == "2024-05-14"
    assert e.fields["tense"] == "future"


def test_a_full_date_after_publication_is_a_plan(events):
    (e,) = events("The works would begin in March 2025.")
    assert e.fields["date"] == "2025-03"
    assert e.fields["tense"] == "future"


def test_a_past_verb_dated_after_publication_stays_past(events):
    (e,) = events("The ferry sank on 5 March 2031.")
    assert "tense" not in e.fields          # an inconsistency for `anachronism`, not a plan


def test_details_expected_in_the_new_year(events):
    (e,) = events("Details of the scheme are expected in the new year.", dt.date(2024, 12, 18))
    assert e.fields["date"] == "2025"
    assert e.fields["tense"] == "future"


def test_possessive_month_is_a_date(events):
    assert dates(events("They condemned November's closure of the mine.", dt.date(2024, 12, 2))) == ["2024-11"]


# --- subjects ---------------------------------------------------------------------------------

def test_subject_names_who_did_what(events):
    (e,) = events("Mayor Lena Ortiz arrived in Lisbon on Monday. She signed the accord on Tuesday.")[1:]
    assert e.fields["subject"] == "Lena Ortiz signed the accord"


def test_a_year_inside_a_noun_phrase_stays_in_the_subject(events):
    found = events("Turnout in the 2019 election was low, and the 2023 election was closer.")
    assert {c.fields["subject"] for c in found} == {"2019 election", "2023 election"}


def test_a_relative_date_inside_a_noun_phrase_is_resolved_in_the_subject(events):
    (e,) = events("Last year's regatta drew big crowds.")
    assert e.fields["subject"] == "regatta (2023)"


def test_the_date_of_an_occasion_of_speaking_is_the_speech_act(events):
    (e,) = events("The railway said in a statement on Monday that the line was safe.")
    assert e.fields["date"] == "2024-05-06"
    assert e.fields["subject"] == "The railway said the line was safe"


def test_what_was_told_or_shown_is_in_the_subject(events):
    (told,) = events("Two bankers told Reuters in March that the merger was off.")
    assert "merger was off" in told.fields["subject"]
    (shown,) = events("A poll showed on Sunday that support for the levy fell.")
    assert "support for the levy fell" in shown.fields["subject"]


def test_the_same_period_of_an_earlier_year_is_a_figure_period(events):
    assert events("Profit rose to $9m, up from $6m during the same period in 2023.") == []


def test_this_weekend_on_a_weekday_is_the_weekend_just_past_unless_planned(events):
    (past,) = events("Fans packed the stadium this weekend.", dt.date(2024, 5, 6))
    assert past.fields["date"] == {"start": "2024-05-04", "end": "2024-05-05"}
    (ahead,) = events("Fans will pack the stadium this weekend.", dt.date(2024, 5, 6))
    assert ahead.fields["date"] == {"start": "2024-05-11", "end": "2024-05-12"}


def test_a_deadline_or_target_is_ahead(events):
    (e,) = events("The runway must be finished by October.", dt.date(2024, 3, 4))
    assert (e.fields["date"], e.fields["tense"]) == ("2024-10", "future")
    (e,) = events("Both carriers have pulled out of the route for 2026.", dt.date(2025, 9, 1))
    assert (e.fields["date"], e.fields["tense"]) == ("2026", "future")
    (e,) = events("The runway was finished by October.", dt.date(2024, 3, 4))
    assert e.fields["date"] == "2023-10" and "tense" not in e.fields


def test_an_infinitive_relative_is_planned_and_names_its_noun(events):
    (e,) = events("Ahead of the referendum to be held in June, the parties met.", dt.date(2024, 2, 1))
    assert (e.fields["date"], e.fields["tense"]) == ("2024-06", "future")
    assert "referendum" in e.fields["subject"]


def test_recent_happenings_are_dated_no_finer_than_the_text_allows(events):
    (e,) = events("The fund pays for recent floods that hit the valley.", dt.date(2024, 11, 20))
    assert e.fields["date"] == "2024"
    (e,) = events("The council recently approved the budget cuts.", dt.date(2024, 11, 20))
    assert e.fields["date"] == "2024"
    (e,) = events("A recent visit by the envoy angered many.", dt.date(2024, 1, 15))
    assert e.fields["date"] == {"start": "2023-10", "end": "2024-01-15"}      # may have been last year


@pytest.mark.parametrize("text", [
    "Ties have improved in recent years.",
    "There was recent speculation about a sale.",
    "She has recently been busy.",
    "His most recent film flopped.",
])
def test_recent_trends_states_and_the_latest_are_not_dated(events, text):
    assert events(text) == []


def test_a_when_clause_dates_its_happening_even_after_a_measure(events):
    (e,) = events("The fair drew its biggest crowds in 1999 when the band played.")
    assert e.fields["date"] == "1999"
    assert "band played" in e.fields["subject"]


def test_a_month_with_last_or_next_year_is_one_date(events):
    assert dates(events("The plant closed in April last year.", dt.date(2024, 8, 25))) == ["2023-04"]
    (e,) = events("The plant will reopen in March next year.", dt.date(2024, 8, 25))
    assert e.fields["date"] == "2025-03"


def test_a_period_the_clause_is_about_is_no_event(events):
    assert events("“2023 was a tough year,” she said.") == []
    assert events("The bakery ended 2023 on a high.") == []


def test_i_in_a_quote_is_its_speaker_in_the_subject(events):
    (e,) = events("“I met the envoy on Monday,” Mayor Lena Ortiz said.")
    assert e.fields["subject"] == "Lena Ortiz met the envoy"


def test_a_dateline_without_an_outlet_is_a_dateline(events):
    (e,) = events("KAMPALA, MAR. 7 — Ghana beat Mali 2-0 in the cup final on Thursday.\n")
    assert "KAMPALA" not in e.fields["subject"] and e.text.startswith("Ghana")


def test_a_dateline_is_no_part_of_an_event(events):
    (e,) = events("LIMA (Reuters) - Governor Rosa Vidal on Tuesday named Carlos Ruiz to run the port authority.\n")
    assert "Reuters" not in e.text and "Reuters" not in e.fields["subject"]
    assert e.text.startswith("Governor Rosa Vidal")


def test_would_in_reported_speech_is_the_speakers_future(events):
    found = events("Mayor Anton Reis told reporters on Tuesday that the new bridge would open in September.")
    bridge = next(e for e in found if "bridge" in e.text)
    assert (bridge.fields["date"], bridge.fields.get("tense")) == ("2024-09", "future")
    (never,) = events("The bridge would have opened in March had the money arrived, officials said.")
    assert (never.fields["date"], never.fields.get("tense", "past")) == ("2024-03", "past")


def test_a_relative_day_after_publication_is_ahead_whatever_the_verb(events):
    found = events("“We would rather have the right figures next week than wrong ones tomorrow,” the mayor said.")
    assert found and all(e.fields.get("tense") == "future" for e in found)   # never a past event dated after publication
    (e,) = events("The ferry sank yesterday.")
    assert e.fields.get("tense", "past") == "past"


def test_every_month_of_a_list_dates_the_same_happening(events):
    found = events("Pilots at Nordair held strikes in March, May and July, cancelling about 900 flights, the airline said.",
                   dt.date(2024, 9, 18))
    months = [e for e in found if "Pilots" in e.fields["subject"]]
    assert dates(months) == ["2024-03", "2024-05", "2024-07"]     # never "March" as the happening


def test_the_year_ending_a_list_of_dates_is_every_dates_year(events):
    assert dates(events("Floods hit the valley in April, August and November 2021.")) == ["2021-04", "2021-08", "2021-11"]
    assert dates(events("The board met on March 3 and June 9, 2022.")) == ["2022-03-03", "2022-06-09"]


# --- datelines ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "OSLO, May 9 (Reuters) - Ferry crews walked out on Wednesday, the union said.",
    "KAMPALA, Uganda, May 8 (AP) - Lawmakers approved the budget on Wednesday.",
])
def test_the_datelines_date_is_no_event(events, text):
    found = events(text)
    assert dates(found) == ["2024-05-08"]
    assert all("(Reuters)" not in c.text and "(AP)" not in c.text and "(Reuters)" not in c.fields["subject"] for c in found)


def test_a_forecast_happening_on_a_weekday_is_ahead(events):
    found = events("The storm is forecast to make landfall on Saturday.", dt.date(2024, 5, 8))   # a Wednesday
    assert dates(found) == ["2024-05-11"] and found[0].fields.get("tense") == "future"


def test_a_plan_expected_on_a_weekday_is_ahead_even_in_the_past_tense(claims_of):
    import datetime as dt

    claims = claims_of("Transport Minister Ola Brekke was expected at the crash site on Thursday.", dt.date(2024, 5, 14))
    (event,) = [c for c in claims if c.kind == "event"]
    assert (event.fields["date"], event.fields.get("tense")) == ("2024-05-16", "future")
    (role,) = [c for c in claims if c.kind == "role"]
    assert "as_of" not in role.fields            # a day ahead is no day of the news the title held
