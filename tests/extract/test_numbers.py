"""Number parsing and hedges (text2num for spelled-out numbers)."""
import pytest

pytest.importorskip("text_to_num")

from claimcheck.extract.numbers import hedge_match, parse_number, share, tidy


@pytest.mark.parametrize("text,value", [
    ("1,254", 1254), ("13,000", 13000), ("33.3", 33.3), ("Fifty-nine", 59), ("five", 5),
    ("40 million", 40_000_000), ("$300 million", 300_000_000), ("2.5bn", 2_500_000_000),
    ("thirteen thousand", 13000), ("a hundred", 100), ("five hundred", 500), ("7mln", 7_000_000),
    ("3tn", 3e12), ("$5 b", 5e9),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("before,approx", [
    ("has killed more than", "more-than"), ("for nearly", "almost"), ("faces up to", "up-to"),
    ("at least", "at-least"), ("sits less than", "less-than"), ("about", "about"),
    ("Almost", "almost"), ("the", "exact"), ("moreover", "exact"),
    ("no more than", "at-most"), ("just under", "almost"), ("no fewer than", "at-least"), ("an estimated", "about"),
])
def test_hedges(before, approx):
    assert hedge_match(before)[0] == approx


def test_tidy_keeps_decimals_as_written():
    assert tidy(5.0) == 5 and isinstance(tidy(5.0), int)
    assert tidy(4.75) == 4.75 and tidy(2.35) == 2.35 and tidy(70.72) == 70.72
    assert tidy(parse_number("2.35 billion")) == 2_350_000_000


def test_shares_from_fractions_have_three_significant_digits():
    assert (share(100 / 3), share(200 / 3), share(100 / 15), share(25.0)) == (33.3, 66.7, 6.67, 25)


@pytest.mark.parametrize("text,value", [("a dozen", 12), ("two dozen", 24), ("dozen", 12)])
def test_dozens(text, value):
    assert parse_number(text.removeprefix("a ")) == value


@pytest.mark.parametrize("text", ["hundred", "thousand", "few hundred"])
def test_a_scale_word_alone_is_no_number(text):
    assert parse_number(text) is None       # "a few hundred protesters" is not 100 protesters


def test_hedges_are_the_checkers_approx_words():
    from claimcheck.extract.numbers import HEDGES
    from claimcheck.quantities import APPROX_WORDS

    assert {approx for _, approx in HEDGES} == set(APPROX_WORDS) - {"exact"}
    assert [len(phrase) for phrase, _ in HEDGES] == sorted((len(phrase) for phrase, _ in HEDGES), reverse=True)


def test_currencies_are_the_checkers():
    from claimcheck.extract.numbers import CURRENCIES, is_currency_code
    from claimcheck.quantities import CURRENCY_SYMBOLS, parse_unit

    assert CURRENCY_SYMBOLS.items() <= CURRENCIES.items()
    for name, code in CURRENCIES.items():
        assert is_currency_code(code)
        if name != "pounds":                # the checker leaves "pounds" ambiguous (money or weight)
            assert parse_unit(name).dimension == code


@pytest.mark.parametrize("text, values", [
    ("Shares of Tarvik rose 4.1% to $62.30 on Tuesday.", [4.1, 62.3]),
    ("The index slipped 0.8 percent to 7,412 points.", [0.8, 7412]),
])
def test_a_change_and_the_level_it_reached_are_no_range(claims_of, text, values):
    figs = [c for c in claims_of(text) if c.kind == "figure"]
    assert [f.fields["value"] for f in figs] == values


@pytest.mark.parametrize("text, value, unit", [
    ("Voters in Tessin backed the 2.4-billion-franc tunnel on Sunday.", 2_400_000_000, "francs"),
    ("The city council approved a $7-million grant for the library.", 7_000_000, "USD"),
    ("Lenders agreed a 450-million-euro loan to the airline.", 450_000_000, "EUR"),
])
def test_a_scale_word_joined_by_a_hyphen_scales_the_number(claims_of, text, value, unit):
    (fig,) = [c for c in claims_of(text) if c.kind == "figure"]
    assert (fig.fields["value"], fig.fields["unit"]) == (value, unit)


def test_a_number_of_years_is_a_duration_not_a_period_in_the_metric(claims_of):
    (fig,) = [c for c in claims_of("The judge handed Tom Reyes a 12-year sentence.") if c.kind == "figure"]
    assert "12" not in fig.fields["metric"] and fig.fields["unit"] == "years"


@pytest.mark.parametrize("text, value, unit", [
    ("More than 1.2m acres have burned this year.", 1_200_000, "acres"),
    ("About 3m people live in the region.", 3_000_000, "people"),
    ("She won the 400m hurdles.", 400, "m"),
])
def test_a_letter_glued_to_a_number_before_a_plural_noun_is_a_scale(claims_of, text, value, unit):
    (fig,) = [c for c in claims_of(text) if c.kind == "figure"]
    assert (fig.fields["value"], fig.fields["unit"]) == (value, unit)
